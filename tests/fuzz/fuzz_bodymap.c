/* fuzz_bodymap: arbitrary bytes as a body map (assets/bodymap/<view>.json or a lesson pack's),
 * including its geometric checks (simple polygons, regions inside the silhouette, landmarks). */
#include "fuzz_common.h"
#include "loaders.h"

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_text(data, size);
    if (!text) return 0;
    GtDiag diag;
    gt_diag_init(&diag);
    GtArena arena;
    gt_arena_init(&arena);
    GtBodyMap map;
    gt_load_bodymap("fuzz.json", text, size, &arena, &diag, &map);
    gt_arena_free(&arena);
    fuzz_drain(&diag);
    free(text);
    return 0;
}
