/* fuzz_lesson: arbitrary bytes as a lesson file (gt_load_lesson against the bundled body maps and
 * techniques), then, when it loads, the instruction lint `validate` runs on it. */
#include "fuzz_common.h"
#include "loaders.h"

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    GtReferences refs = gt_library_references(fuzz_library());
    char *text = fuzz_text(data, size);
    if (!text) return 0;
    GtDiag diag, warnings;
    gt_diag_init(&diag);
    gt_diag_init(&warnings);
    GtArena arena;
    gt_arena_init(&arena);
    GtLesson lesson;
    if (gt_load_lesson("fuzz.json", text, size, &refs, &arena, &diag, &lesson))
        gt_lint_lesson(&lesson, &refs, text, size, &warnings);
    gt_arena_free(&arena);
    fuzz_drain(&diag);
    fuzz_drain(&warnings);
    free(text);
    return 0;
}
