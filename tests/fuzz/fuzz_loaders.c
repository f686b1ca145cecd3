/* libFuzzer target: feeds arbitrary bytes to every loader, as if an instructor or a broken
 * disk handed them over. Any crash, leak or undefined behaviour is a finding.
 * Built and run by scripts/fuzz.sh. */
#include "library.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static GtLibrary library;
static GtReferences refs;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv) {
    (void)argc;
    (void)argv;
    GtDiag diag;
    gt_diag_init(&diag);
    gt_library_load(&library, GT_SOURCE_DATA_DIR, &diag);
    gt_diag_free(&diag);
    refs = gt_library_references(&library);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const char *text = (const char *)data;
    GtDiag diag;
    gt_diag_init(&diag);
    GtArena arena;
    gt_arena_init(&arena);
    GtBodyMap map;
    GtTechnique technique;
    GtLesson lesson;
    GtReplay replay;
    gt_load_bodymap("fuzz.json", text, size, &arena, &diag, &map);
    gt_load_technique("fuzz.json", text, size, &refs, &arena, &diag, &technique);
    gt_load_lesson("fuzz.json", text, size, &refs, &arena, &diag, &lesson);
    if (gt_load_replay("fuzz.json", text, size, &diag, &replay)) gt_replay_free(&replay);
    for (size_t i = 0; i < diag.count; i++) {
        char line[2048];
        gt_diag_format(&diag, i, line, sizeof line);
    }
    gt_arena_free(&arena);
    gt_diag_free(&diag);
    return 0;
}
