/* fuzz_technique: arbitrary bytes as a technique file (gt_load_technique against the bundled body
 * maps, for its landmark references). */
#include "fuzz_common.h"
#include "loaders.h"

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    GtReferences refs = gt_library_references(fuzz_library());
    char *text = fuzz_text(data, size);
    if (!text) return 0;
    GtDiag diag;
    gt_diag_init(&diag);
    GtArena arena;
    gt_arena_init(&arena);
    GtTechnique technique;
    gt_load_technique("fuzz.json", text, size, &refs, &arena, &diag, &technique);
    gt_arena_free(&arena);
    fuzz_drain(&diag);
    free(text);
    return 0;
}
