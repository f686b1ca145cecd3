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
    fprintf(stderr, "%s: %s step %d (%s): total %.1f %s %s, verdict %s\n", label, card->lesson, card->step,
            card->technique, card->total, card->grade, card->passed ? "passed" : "failed",
            gt_verdict_name(card->verdict));
    for (size_t i = 0; i < card->criterion_count; i++) {
        const GtCriterionScore *c = &card->criteria[i];
        fprintf(stderr, "  %-10s %5.1f  measured %.2f %s (target %.2f-%.2f)  %s\n", gt_criterion_name(c->criterion),
                c->score, c->measured, c->unit, c->target_min, c->target_max, c->feedback);
    }
    if (card->verdict_reason[0]) fprintf(stderr, "  verdict:   %s\n", card->verdict_reason);
    if (card->capped) fprintf(stderr, "  capped:    %s\n", card->cap_reason);
    if (card->completion.applies)
        fprintf(stderr, "  completion %.0f of %.0f %s (factor %.2f) %s\n", card->completion.done, card->completion.asked,
                card->completion.unit ? card->completion.unit : "", card->completion.factor, card->completion.feedback);
    for (size_t i = 0; i < card->safety_count && i < GT_SAFETY_MAX; i++)
        fprintf(stderr, "  safety:    %s %s level %.1f for %.1f s: %s\n", gt_safety_kind_name(card->safety[i].kind),
                card->safety[i].place, card->safety[i].level, card->safety[i].seconds, card->safety[i].message);
}

void gt_test_card_summary(const GtScoreCard *card, char *buffer, size_t size) {
    size_t used = 0;
    buffer[0] = '\0';
#define GT_APPEND(...) \
    do { \
        if (used < size) { \
            int n = snprintf(buffer + used, size - used, __VA_ARGS__); \
            used += n > 0 ? (size_t)n : 0; \
        } \
    } while (0)
    if (card->verdict != GT_VERDICT_SCORED) GT_APPEND("[%s] %s ", gt_verdict_name(card->verdict), card->verdict_reason);
    for (size_t i = 0; i < card->safety_count && i < GT_SAFETY_MAX; i++) GT_APPEND("[safety] %s ", card->safety[i].message);
    if (card->capped) GT_APPEND("[capped] %s ", card->cap_reason);
    const GtCriterionScore *lowest = NULL;
    for (size_t i = 0; i < card->criterion_count; i++) {
        const GtCriterionScore *c = &card->criteria[i];
        if (c->score < 90.0) GT_APPEND("%s %.0f: %s ", gt_criterion_name(c->criterion), c->score, c->feedback);
        if (!lowest || c->score < lowest->score) lowest = c;
    }
    if (lowest && lowest->score >= 90.0)
        GT_APPEND("%s %.0f: %s ", gt_criterion_name(lowest->criterion), lowest->score, lowest->feedback);
    if (card->completion.applies && card->completion.factor < 1.0) GT_APPEND("[completion] %s", card->completion.feedback);
#undef GT_APPEND
}
