#include "test_support.h"

#include <stdio.h>

void gt_test_load_library(GtLibrary *library) {
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_library_load(library, GT_SOURCE_DIR, &diag);
    if (!ok) gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    assert_true(ok);
}

GtLibrary gt_test_library;

int gt_test_group_load(void **state) {
    (void)state;
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_library_load(&gt_test_library, GT_SOURCE_DIR, &diag);
    if (!ok) gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    return ok ? 0 : -1;
}

int gt_test_group_free(void **state) {
    (void)state;
    gt_library_free(&gt_test_library);
    return 0;
}

const char *gt_test_path(const char *relative) {
    static char path[1024];
    snprintf(path, sizeof path, "%s/%s", GT_SOURCE_DIR, relative);
    return path;
}

GtScoreTarget gt_test_target(const GtLibrary *library, const GtLesson *lesson, int step_number) {
    const GtStep *step = &lesson->steps[step_number - 1];
    GtScoreTarget target = { lesson->id, step_number, step, step->technique,
                             gt_library_view(library, step->view), lesson->level };
    return target;
}

void gt_test_print_card(const char *label, const GtScoreCard *card) {
    fprintf(stderr, "%s: %s step %d (%s): total %.1f %s %s\n", label, card->lesson, card->step, card->technique,
            card->total, card->grade, card->passed ? "passed" : "failed");
    for (size_t i = 0; i < card->criterion_count; i++) {
        const GtCriterionScore *c = &card->criteria[i];
        fprintf(stderr, "  %-10s %5.1f  measured %.2f %s (target %.2f-%.2f)  %s\n", gt_criterion_name(c->criterion),
                c->score, c->measured, c->unit, c->target_min, c->target_max, c->feedback);
    }
}
