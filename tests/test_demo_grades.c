/* For every step of every bundled lesson, the reference demonstration scores at least 95
 * and passes: a student who copies the demonstration exactly must be told they did it right. */
#include "test_support.h"
#include "gt_demo.h"
#include "replay_write.h"
#include "loaders.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Grades the reference replay of one step, in memory and after a round trip through its file
 * text, and checks both cards agree to the last digit. */
static void grade_step(const GtLesson *lesson, int step_number, GtScoreCard *card) {
    const GtStep *step = &lesson->steps[step_number - 1];
    GtReplay demo;
    assert_true(gt_demo_synthesise(lesson->id, step_number, step, gt_library_view(&gt_test_library, step->view), &demo));
    GtScoreTarget target = gt_test_target(&gt_test_library, lesson, step_number);
    assert_true(gt_score_attempt(&target, &demo, card));

    char *text = gt_replay_to_json(&demo);
    assert_non_null(text);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay reread;
    bool loaded = gt_load_replay("demo.json", text, strlen(text), &diag, &reread);
    if (!loaded) gt_diag_print(&diag, stderr);
    assert_true(loaded);
    GtScoreCard again;
    assert_true(gt_score_attempt(&target, &reread, &again));
    assert_memory_equal(card, &again, sizeof again);
    gt_replay_free(&reread);
    gt_diag_free(&diag);
    free(text);
    gt_replay_free(&demo);
}

static void test_every_demo_scores_full_marks(void **state) {
    (void)state;
    assert_true(gt_test_library.lesson_count >= 8);
    int failures = 0, steps = 0;
    for (size_t i = 0; i < gt_test_library.lesson_count; i++) {
        const GtLesson *lesson = &gt_test_library.lessons[i];
        for (size_t s = 1; s <= lesson->step_count; s++, steps++) {
            GtScoreCard card;
            grade_step(lesson, (int)s, &card);
            if (card.total < 95.0 || !card.passed || strcmp(card.grade, "S") != 0) {
                gt_test_print_card("demo below 95", &card);
                failures++;
            }
        }
    }
    fprintf(stderr, "%d steps graded from their demonstrations\n", steps);
    assert_int_equal(failures, 0);
}

/* The live counter's scoring (gt_score_completion_only) says exactly what the whole card says. */
static void assert_same_completion(const GtScoreTarget *target, const GtReplay *attempt, const GtCompletion *card) {
    GtCompletion only;
    assert_true(gt_score_completion_only(target, attempt, &only));
    assert_int_equal(only.applies, card->applies);
    assert_true(only.done == card->done && only.asked == card->asked && only.percent == card->percent &&
                only.factor == card->factor);
    assert_string_equal(only.unit ? only.unit : "", card->unit ? card->unit : "");
    assert_string_equal(only.feedback, card->feedback);
}

/* A perfect stroke traced on a real screen arrives rounded to whole pixels (12 px/cm, a small
 * laptop window) with event times jittered by a few milliseconds; that must not cost marks. */
static void test_screen_rounding_and_timing_jitter_cost_nothing(void **state) {
    (void)state;
    const double px_per_cm = 12.0;
    int failures = 0;
    unsigned seed = 12345;
    for (size_t i = 0; i < gt_test_library.lesson_count; i++) {
        const GtLesson *lesson = &gt_test_library.lessons[i];
        for (size_t s = 1; s <= lesson->step_count; s++) {
            const GtStep *step = &lesson->steps[s - 1];
            GtReplay demo;
            assert_true(gt_demo_synthesise(lesson->id, (int)s, step, gt_library_view(&gt_test_library, step->view), &demo));
            for (size_t c = 0; c < demo.contact_count; c++) {
                GtContact *contact = &demo.contacts[c];
                double last_t = 0;
                for (size_t k = 0; k < contact->count; k++) {
                    GtSample *p = &contact->samples[k];
                    p->x_cm = round(p->x_cm * px_per_cm) / px_per_cm;
                    p->y_cm = round(p->y_cm * px_per_cm) / px_per_cm;
                    seed = seed * 1103515245u + 12345u;
                    double t = p->t_ms + (double)((seed >> 16) % 9) - 4.0;
                    p->t_ms = t > last_t ? t : last_t;
                    last_t = p->t_ms;
                }
            }
            GtScoreTarget target = gt_test_target(&gt_test_library, lesson, (int)s);
            GtScoreCard card;
            assert_true(gt_score_attempt(&target, &demo, &card));
            if (card.total < 90.0 || !card.passed) {
                gt_test_print_card("screen-rounded demo below 90", &card);
                failures++;
            }
            assert_same_completion(&target, &demo, &card.completion);
            for (size_t c = 0; c < demo.contact_count; c++) demo.contacts[c].count /= 2; /* half done: the live counter */
            if (gt_score_attempt(&target, &demo, &card)) assert_same_completion(&target, &demo, &card.completion);
            gt_replay_free(&demo);
        }
    }
    assert_int_equal(failures, 0);
}

/* An empty attempt must score zero and say why, not crash or pass. */
static void test_empty_attempt_scores_zero(void **state) {
    (void)state;
    const GtLesson *lesson = &gt_test_library.lessons[0];
    GtScoreTarget target = gt_test_target(&gt_test_library, lesson, 1);
    GtReplay empty;
    gt_replay_init(&empty);
    GtScoreCard card;
    assert_true(gt_score_attempt(&target, &empty, &card));
    assert_true(card.total == 0.0);
    assert_false(card.passed);
    assert_string_equal(card.grade, "F");
    assert_int_equal(card.verdict, GT_VERDICT_NOT_THIS_STEP);
    assert_non_null(strstr(card.verdict_reason, "Nothing traced"));
    assert_non_null(strstr(card.criteria[0].feedback, "No contact"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_demo_scores_full_marks),
        cmocka_unit_test(test_screen_rounding_and_timing_jitter_cost_nothing),
        cmocka_unit_test(test_empty_attempt_scores_zero),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
