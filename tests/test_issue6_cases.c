/* The concrete cases issue 6 reported, each a test a student or instructor would recognise:
 * unsafe work that passed, mistakes that kept an A, and attempts that were not the step at all
 * yet passed. Each builds its attempt from a bundled step's demonstration. */
#include "test_support.h"
#include "mistakes.h"
#include "replay_edit.h"
#include "gt_demo.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The target of step `number` of lesson `lesson_id`, checked to use technique `technique_id`. */
static GtScoreTarget step_target(const char *lesson_id, int number, const char *technique_id) {
    const GtLesson *lesson = gt_library_lesson(&gt_test_library, lesson_id);
    assert_non_null(lesson);
    assert_true(number >= 1 && (size_t)number <= lesson->step_count);
    GtScoreTarget target = gt_test_target(&gt_test_library, lesson, number);
    assert_string_equal(target.technique->id, technique_id);
    return target;
}

static void make_demo(const GtScoreTarget *target, GtReplay *demo) {
    assert_true(gt_demo_synthesise(target->lesson_id, target->step_number, target->step, target->map, demo));
}

/* Drops every contact of r after the first n. */
static void keep_contacts(GtReplay *r, size_t n) {
    for (size_t c = n; c < r->contact_count; c++) free(r->contacts[c].samples);
    if (n < r->contact_count) r->contact_count = n;
}

/* Grades `attempt` against `target`, prints the card under `label`, frees the attempt. */
static GtScoreCard grade(const char *label, const GtScoreTarget *target, GtReplay *attempt) {
    GtScoreCard card;
    assert_true(gt_score_attempt(target, attempt, &card));
    gt_test_print_card(label, &card);
    gt_replay_free(attempt);
    return card;
}

static bool has_safety(const GtScoreCard *card, GtSafetyKind kind, const char *place, const char *words) {
    for (size_t i = 0; i < card->safety_count && i < GT_SAFETY_MAX; i++) {
        const GtSafetyEntry *e = &card->safety[i];
        if (e->kind == kind && (!place || strcmp(e->place, place) == 0) && (!words || strstr(e->message, words)))
            return true;
    }
    return false;
}

static void assert_unsafe(const GtScoreCard *card) {
    assert_false(card->passed);
    assert_int_equal(card->verdict, GT_VERDICT_UNSAFE);
    assert_string_equal(card->grade, "F");
}

static bool grade_is_a_or_s(const GtScoreCard *card) {
    return strcmp(card->grade, "A") == 0 || strcmp(card->grade, "S") == 0;
}

/* The demonstration of `target` pressed flat at `level`, graded. */
static GtScoreCard demo_at_level(const char *label, const GtScoreTarget *target, double level) {
    GtReplay attempt;
    make_demo(target, &attempt);
    gt_edit_set_pressure(&attempt, level / 10.0);
    return grade(label, target, &attempt);
}

/* Firm circular friction (lower back, step 4) moved onto either kidney: unsafe, and the card
 * names the kidney area. */
static void test_circular_friction_on_the_kidney_area_fails_naming_it(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 4, "circular-friction");
    const char *kidneys[2] = { "kidney-r", "kidney-l" };
    for (int k = 0; k < 2; k++) {
        const GtLandmark *kidney = gt_bodymap_landmark(target.map, kidneys[k]);
        assert_non_null(kidney);
        GtReplay attempt;
        make_demo(&target, &attempt);
        GtPoint spot = target.step->guide.points[0], onto = kidney->points.points[0];
        gt_edit_shift(&attempt, onto.x - spot.x, onto.y - spot.y);
        GtScoreCard card = grade("circular friction on a kidney", &target, &attempt);
        assert_unsafe(&card);
        assert_true(has_safety(&card, GT_SAFETY_AVOID_ZONE, kidneys[k], "Kidney area"));
    }
}

/* A contact resting at p: a 2.5 s ramp up to `level`, `seconds` held, a 2.5 s ramp down. */
static void hold_at(GtReplay *r, GtPoint p, double level, double seconds) {
    int c = gt_replay_add_contact(r, 0);
    assert_true(c >= 0);
    double total_ms = 5000.0 + seconds * 1000.0;
    for (double t = 0.0; t <= total_ms + 0.5; t += 20.0) {
        double ramp = fmin(1.0, fmin(t, total_ms - t) / 2500.0);
        GtSample s = { t, p.x, p.y, level / 10.0 * (0.1 + 0.9 * ramp) };
        assert_true(gt_replay_add_sample(r, c, gt_sample_quantize(s)));
    }
}

/* A 45 s trigger-point hold at level 7.5 on the sacrum (bone) fails and names it. */
static void test_trigger_point_hold_on_the_sacrum_fails(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 5, "trigger-point-compression");
    const GtLandmark *sacrum = gt_bodymap_landmark(target.map, "sacrum");
    assert_non_null(sacrum);
    GtReplay attempt;
    make_demo(&target, &attempt);
    keep_contacts(&attempt, 0);
    hold_at(&attempt, sacrum->points.points[0], 7.5, 45.0);
    GtScoreCard card = grade("trigger point on the sacrum", &target, &attempt);
    assert_unsafe(&card);
    assert_true(has_safety(&card, GT_SAFETY_AVOID_ZONE, "sacrum", sacrum->name));
}

/* Lymphatic drainage (band 0.5-2) at level 6 fails: over the band by more than three levels. */
static void test_lymphatic_drainage_at_level_6_fails(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lymphatic-drainage-arm", 1, "lymphatic-drainage");
    GtScoreCard card = demo_at_level("lymphatic drainage at level 6", &target, 6.0);
    assert_unsafe(&card);
    assert_true(has_safety(&card, GT_SAFETY_OVER_BAND, NULL, NULL));
}

/* Effleurage for fibromyalgia (light) at level 8 fails. */
static void test_fibromyalgia_effleurage_at_level_8_fails(void **state) {
    (void)state;
    GtScoreTarget target = step_target("fibromyalgia-light-touch", 1, "effleurage");
    GtScoreCard card = demo_at_level("fibromyalgia effleurage at level 8", &target, 8.0);
    assert_unsafe(&card);
}

/* Level 9.5 fails on every step of every lesson. */
static void test_level_9_5_fails_on_every_step(void **state) {
    (void)state;
    int steps = 0, passed = 0;
    for (size_t i = 0; i < gt_test_library.lesson_count; i++)
        for (size_t s = 1; s <= gt_test_library.lessons[i].step_count; s++, steps++) {
            GtScoreTarget target = gt_test_target(&gt_test_library, &gt_test_library.lessons[i], (int)s);
            GtReplay attempt;
            make_demo(&target, &attempt);
            gt_edit_set_pressure(&attempt, 0.95);
            GtScoreCard card;
            assert_true(gt_score_attempt(&target, &attempt, &card));
            if (card.passed || card.verdict != GT_VERDICT_UNSAFE) {
                gt_test_print_card("level 9.5 not unsafe", &card);
                passed++;
            }
            gt_replay_free(&attempt);
        }
    fprintf(stderr, "level 9.5: %d of %d steps not failed as unsafe\n", passed, steps);
    assert_int_equal(passed, 0);
}

/* Three lifts during a glide lower the grade to B or below (the school rubric line). */
static void test_three_lifts_in_a_glide_lose_the_a(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 1, "effleurage");
    GtReplay attempt;
    char what[64];
    assert_true(gt_mistake_make(GT_MISTAKE_LIFTS, GT_SEVERITY_SEVERE, &target, &attempt, what, sizeof what));
    GtScoreCard card = grade("effleurage with three lifts", &target, &attempt);
    assert_false(grade_is_a_or_s(&card));
}

/* A glide whose direction is the point, stroked fully backwards, fails. */
static void reversed_fails(const char *lesson_id, int step, const char *technique_id) {
    GtScoreTarget target = step_target(lesson_id, step, technique_id);
    GtReplay attempt;
    make_demo(&target, &attempt);
    gt_edit_reverse_paths(&attempt);
    char label[128];
    snprintf(label, sizeof label, "reversed %s (%s step %d)", technique_id, lesson_id, step);
    GtScoreCard card = grade(label, &target, &attempt);
    assert_false(card.passed);
}

static void test_reversed_lymphatic_drainage_fails(void **state) {
    (void)state;
    reversed_fails("lymphatic-drainage-arm", 1, "lymphatic-drainage");
}

/* Effleurage on the forearm goes toward the heart; reversed it fails. */
static void test_reversed_limb_effleurage_fails(void **state) {
    (void)state;
    reversed_fails("gentle-arthritis", 1, "effleurage");
}

/* One stroke where the step asks for four is a named shortfall, not 100 S. */
static void test_one_stroke_of_four_is_a_named_shortfall(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 1, "effleurage");
    assert_int_equal(target.step->repetitions, 4);
    GtReplay attempt;
    make_demo(&target, &attempt);
    assert_int_equal(attempt.contact_count, 4);
    keep_contacts(&attempt, 1);
    GtScoreCard card = grade("one stroke of four", &target, &attempt);
    assert_string_not_equal(card.grade, "S");
    assert_true(card.completion.applies);
    assert_true(card.completion.done < card.completion.asked);
    assert_true(fabs(card.completion.asked - 4.0) < 1e-9);
    assert_non_null(strstr(card.completion.feedback, "1"));
    assert_non_null(strstr(card.completion.feedback, "4"));
}

/* Effleurage at 14 cm/s against a 1-10 cm/s band is not an A. */
static void test_effleurage_at_14_cm_s_is_not_an_a(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 1, "effleurage");
    GtReplay attempt;
    make_demo(&target, &attempt);
    gt_edit_scale_time(&attempt, gt_band_geometric_mid(target.technique->speed_cm_s) / 14.0);
    GtScoreCard card = grade("effleurage at 14 cm/s", &target, &attempt);
    assert_false(grade_is_a_or_s(&card));
}

/* A correct stroke 500 cm off the body is not this step. */
static void test_stroke_off_the_body_is_not_this_step(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 1, "effleurage");
    GtReplay attempt;
    make_demo(&target, &attempt);
    gt_edit_shift(&attempt, 500.0, 0.0);
    GtScoreCard card = grade("stroke 500 cm off the body", &target, &attempt);
    assert_false(card.passed);
    assert_int_equal(card.verdict, GT_VERDICT_NOT_THIS_STEP);
}

/* 21 samples all at t = 0 have no time span: not this step. */
static void test_samples_at_one_instant_are_not_this_step(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 1, "effleurage");
    GtReplay demo, attempt;
    make_demo(&target, &demo);
    gt_replay_init(&attempt);
    int c = gt_replay_add_contact(&attempt, 0);
    assert_true(c >= 0 && demo.contacts[0].count >= 21);
    for (size_t i = 0; i < 21; i++) {
        GtSample s = demo.contacts[0].samples[i];
        s.t_ms = 0.0;
        assert_true(gt_replay_add_sample(&attempt, c, s));
    }
    gt_replay_free(&demo);
    GtScoreCard card = grade("21 samples at t = 0", &target, &attempt);
    assert_false(card.passed);
    assert_int_equal(card.verdict, GT_VERDICT_NOT_THIS_STEP);
}

/* A hold 0.7 of a level too light is "slightly light", not "no hold": it keeps a C or better. */
static void test_slightly_light_hold_is_slightly_light(void **state) {
    (void)state;
    GtScoreTarget target = step_target("lower-back-basics", 5, "trigger-point-compression");
    GtReplay attempt;
    char what[64];
    assert_true(gt_mistake_make(GT_MISTAKE_TOO_LIGHT, GT_SEVERITY_MILD, &target, &attempt, what, sizeof what));
    GtScoreCard card = grade("hold 0.7 of a level too light", &target, &attempt);
    assert_true(card.total >= 70.0);
    const GtCriterionScore *hold = gt_card_criterion(&card, GT_CRITERION_HOLD);
    assert_non_null(hold);
    assert_true(hold->score >= 60.0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_circular_friction_on_the_kidney_area_fails_naming_it),
        cmocka_unit_test(test_trigger_point_hold_on_the_sacrum_fails),
        cmocka_unit_test(test_lymphatic_drainage_at_level_6_fails),
        cmocka_unit_test(test_fibromyalgia_effleurage_at_level_8_fails),
        cmocka_unit_test(test_level_9_5_fails_on_every_step),
        cmocka_unit_test(test_three_lifts_in_a_glide_lose_the_a),
        cmocka_unit_test(test_reversed_lymphatic_drainage_fails),
        cmocka_unit_test(test_reversed_limb_effleurage_fails),
        cmocka_unit_test(test_one_stroke_of_four_is_a_named_shortfall),
        cmocka_unit_test(test_effleurage_at_14_cm_s_is_not_an_a),
        cmocka_unit_test(test_stroke_off_the_body_is_not_this_step),
        cmocka_unit_test(test_samples_at_one_instant_are_not_this_step),
        cmocka_unit_test(test_slightly_light_hold_is_slightly_light),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
