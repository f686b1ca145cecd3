#include "cli.h"
#include "gt_demo.h"

#include <stdlib.h>
#include <string.h>

bool gt_cli_wants_help(int argc, char **argv, const char *usage) {
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return true;
        }
    }
    return false;
}

void gt_cli_load_library(GtLibrary *library, const char *data_dir, bool quiet) {
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_library_load(library, data_dir, &diag) && !quiet) {
        fprintf(stderr, "guidedtouch: some lesson files have problems (they are skipped):\n");
        gt_diag_print(&diag, stderr);
    }
    gt_diag_free(&diag);
}

bool gt_cli_find_step(const GtLibrary *library, const char *lesson_id, const char *step_text,
                      const GtLesson **lesson, int *step_number) {
    *lesson = gt_library_lesson(library, lesson_id);
    if (!*lesson) {
        fprintf(stderr, "guidedtouch: unknown lesson \"%s\"; `guidedtouch list` shows the lessons\n", lesson_id);
        return false;
    }
    char *end = NULL;
    long step = strtol(step_text, &end, 10);
    if (!end || *end || end == step_text || step < 1 || (size_t)step > (*lesson)->step_count) {
        fprintf(stderr, "guidedtouch: lesson \"%s\" has steps 1 to %zu; \"%s\" is not one of them\n", lesson_id,
                (*lesson)->step_count, step_text);
        return false;
    }
    *step_number = (int)step;
    return true;
}

bool gt_cli_reference_replay(const GtLibrary *library, const GtLesson *lesson, int step_number, GtReplay *out) {
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_library_reference_replay(library, lesson, step_number, &diag, out);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    return ok;
}
