/* Rolling (issue 9): a foam roller or a massage ball stays on the muscle and goes back and forth
 * along it, each way one pass, at about 33 passes a minute. What a student and an instructor see
 * on the card: the passes counted and timed, straight passes told apart from circles, the old
 * habit of lifting off after every pass called a lift, a real, noisy hand rolling well still
 * passing, and a recorded roll giving the line it rolled as the step's guide. */
#include "test_support.h"
#include "faults.h"
#include "noise.h"
#include "replay_edit.h"
#include "gt_demo.h"
#include "gt_motion.h"
#include "gt_record.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The demonstration and score target of a lesson step that uses a roll. */
static GtScoreTarget roll_step(const char *lesson_id, int step_number, GtReplay *demo) {
    const GtLesson *lesson = gt_library_lesson(&gt_test_library, lesson_id);
    assert_non_null(lesson);
    GtScoreTarget target = gt_test_target(&gt_test_library, lesson, step_number);
    assert_int_equal(target.technique->pattern, GT_PATTERN_ROLL);
    assert_true(gt_demo_synthesise(lesson_id, step_number, target.step, target.map, demo));
    return target;
}

/* One contact, back and forth: the demonstration never lifts, and its card counts every pass
 * asked for at the technique's tempo, about 33 a minute. */
static void test_a_roll_is_one_contact_counted_in_passes(void **state) {
    (void)state;
    GtReplay demo;
    GtScoreTarget target = roll_step("daily-self-massage", 3, &demo);
    assert_int_equal(demo.contact_count, 1);
    GtScoreCard card;
    assert_true(gt_score_attempt(&target, &demo, &card));
    assert_true(card.passed && card.total >= 95.0);
    assert_string_equal(card.completion.unit, "passes");
    assert_true(card.completion.done == target.step->repetitions);
    const GtCriterionScore *rhythm = gt_card_criterion(&card, GT_CRITERION_RHYTHM);
    assert_non_null(rhythm);
    assert_true(fabs(rhythm->measured - 33.5) < 1.0);
    assert_non_null(strstr(rhythm->feedback, "passes per minute"));
    gt_replay_free(&demo);
}

/* "Press, roll one pass and let go", the way the trainer used to count rolling, is now a lift
 * at every turn: continuity scores 0 and names it, and the grade cannot stay above B. */
static void test_lifting_after_every_pass_is_a_lift_each_time(void **state) {
    (void)state;
    GtReplay demo, lifted;
    GtScoreTarget target = roll_step("daily-self-massage", 5, &demo);
    assert_true(gt_fault_make(GT_FAULT_LIFTED, &target, &demo, &lifted));
    assert_int_equal(lifted.contact_count, (size_t)target.step->repetitions);
    GtScoreCard card;
    assert_true(gt_score_attempt(&target, &lifted, &card));
    const GtCriterionScore *continuity = gt_card_criterion(&card, GT_CRITERION_CONTINUITY);
    assert_true(continuity->measured == target.step->repetitions - 1);
    assert_true(continuity->score < 1.0);
    assert_non_null(strstr(continuity->feedback, "turn at each end without lifting"));
    assert_true(strcmp(card.grade, "S") != 0 && strcmp(card.grade, "A") != 0);
    /* the passes themselves were all done */
    assert_true(card.completion.done >= target.step->repetitions);
    gt_replay_free(&lifted);
    gt_replay_free(&demo);
}

/* Circling along the muscle (kneading with a roller) covers the same line at the same count of
 * turns, but only about two thirds of the movement runs along it: the direction criterion says
 * "Circles instead of straight passes", on a long calf guide and on a short ball guide alike. */
static void test_circles_are_not_passes(void **state) {
    (void)state;
    const struct { const char *lesson; int step; } steps[] = {
        { "daily-self-massage", 3 }, { "hip-flexor-ball", 1 }, { "glute-self-massage", 2 }
    };
    for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++) {
        GtReplay demo, circles;
        GtScoreTarget target = roll_step(steps[i].lesson, steps[i].step, &demo);
        assert_true(gt_fault_make(GT_FAULT_CIRCLING, &target, &demo, &circles));
        GtScoreCard card;
        assert_true(gt_score_attempt(&target, &circles, &card));
        const GtCriterionScore *direction = gt_card_criterion(&card, GT_CRITERION_DIRECTION);
        fprintf(stderr, "circles on %s step %d: %.0f%% along the line, direction %.1f\n", steps[i].lesson,
                steps[i].step, direction->measured, direction->score);
        assert_true(direction->measured >= 55.0 && direction->measured <= 72.0);
        assert_true(direction->score < 60.0);
        assert_non_null(strstr(direction->feedback, "Circles instead of straight passes"));
        gt_replay_free(&circles);
        gt_replay_free(&demo);
    }
}

/* Rolling twice as fast, on the same guide, is too many passes a minute: rhythm says "Too fast"
 * with the passes counted, and the speed rises with it. */
static void test_rushing_is_too_many_passes(void **state) {
    (void)state;
    GtReplay demo;
    GtScoreTarget target = roll_step("glute-self-massage", 1, &demo);
    gt_edit_scale_time(&demo, 0.5);
    GtScoreCard card;
    assert_true(gt_score_attempt(&target, &demo, &card));
    const GtCriterionScore *rhythm = gt_card_criterion(&card, GT_CRITERION_RHYTHM);
    assert_true(fabs(rhythm->measured - 67.0) < 1.5);
    assert_non_null(strstr(rhythm->feedback, "Too fast"));
    assert_true(rhythm->score < 50.0);
    gt_replay_free(&demo);
}

/* A roll drawn with a real mouse (whole pixels, tremor, wander, tempo drift) and with the
 * touch-panel finger model stays straight: direction 90 or more and the pass count exact on
 * every rolling step of the bundled lessons, and it passes. */
static void test_noisy_hands_roll_straight(void **state) {
    (void)state;
    GtNoiseParams models[2] = { gt_noise_default(), gt_noise_mouse(12.0) };
    int steps = 0;
    for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
        const GtLesson *lesson = &gt_test_library.lessons[l];
        for (size_t s = 1; s <= lesson->step_count; s++) {
            if (lesson->steps[s - 1].technique->pattern != GT_PATTERN_ROLL) continue;
            steps++;
            GtReplay demo;
            GtScoreTarget target = roll_step(lesson->id, (int)s, &demo);
            for (int m = 0; m < 2; m++)
                for (uint64_t seed = 1; seed <= 4; seed++) {
                    GtReplay drawn;
                    GtScoreCard card;
                    assert_true(gt_noise_apply(&models[m], seed * 7919 + s, &demo, &drawn, NULL));
                    assert_true(gt_score_attempt(&target, &drawn, &card));
                    const GtCriterionScore *direction = gt_card_criterion(&card, GT_CRITERION_DIRECTION);
                    if (direction->score < 90.0 || !card.passed ||
                        fabs(card.completion.done - target.step->repetitions) > 0.5) {
                        gt_test_print_card("a noisy roll lost its straight passes", &card);
                        fail_msg("%s step %zu, noise model %d, seed %llu", lesson->id, s, m, (unsigned long long)seed);
                    }
                    gt_replay_free(&drawn);
                }
            gt_replay_free(&demo);
        }
    }
    assert_true(steps >= 7);
}

/* An instructor who records a roll gets the line it went back and forth along as the guide
 * (its two ends), not the zigzag of every pass, and the pass count and tempo it showed. */
static void test_a_recorded_roll_gives_its_line(void **state) {
    (void)state;
    GtReplay demo;
    GtScoreTarget target = roll_step("glute-self-massage", 2, &demo);
    GtScoreCard card;
    assert_true(gt_score_attempt(&target, &demo, &card));
    GtDerivedStep derived;
    assert_true(gt_record_derive(target.step, &demo, &card, &derived));
    assert_true(derived.guide_derived && !derived.guide_is_point);
    assert_int_equal(derived.guide_count, 2);
    const GtPointList *guide = &target.step->guide;
    GtPoint ends[2] = { guide->points[0], guide->points[guide->count - 1] };
    for (int i = 0; i < 2; i++) assert_true(gt_distance(derived.guide[i], ends[i]) < 0.1);
    assert_int_equal(derived.repetitions, target.step->repetitions);
    assert_true(derived.has_tempo && derived.tempo_per_min.min <= 33.5 && derived.tempo_per_min.max >= 33.5);
    gt_replay_free(&demo);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_a_roll_is_one_contact_counted_in_passes),
        cmocka_unit_test(test_lifting_after_every_pass_is_a_lift_each_time),
        cmocka_unit_test(test_circles_are_not_passes),
        cmocka_unit_test(test_rushing_is_too_many_passes),
        cmocka_unit_test(test_noisy_hands_roll_straight),
        cmocka_unit_test(test_a_recorded_roll_gives_its_line),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
