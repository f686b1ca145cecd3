/* Mild mistakes cost a little and severe ones a lot. For every step of every bundled lesson and
 * every mistake that applies to its technique, a mild and a severe version are made from the
 * step's demonstration (tests/support/mistakes.h: pressure 0.7 vs 3 levels outside the band,
 * speed or tempo 25% outside vs 2.5x / 0.3x, 1.5 vs 7 cm off the guide, cycle intervals varying
 * 15% vs 45%, a hold 80% vs 30% as long as asked, one lift vs three) and graded. The ladder must
 * hold: demo >= mild >= severe; mild keeps the total >= 70; severe costs at least 5 more than
 * mild and never leaves an A or S. The table goes to stderr; with GT_TEST_CARDS set in the
 * environment, the full cards of every rung that breaks the rules too. */
#include "test_support.h"
#include "mistakes.h"
#include "replay_edit.h"
#include "gt_demo.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Ladder {
    int rungs, failures, skipped;
} Ladder;

/* Highest pressure level (0-10) in a replay. */
static double top_level(const GtReplay *r) {
    double top = 0.0;
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) top = fmax(top, 10.0 * r->contacts[c].samples[i].pressure);
    return top;
}

/* Speed of a glide's first stroke, cm/s: its path length over its duration. */
static double first_stroke_speed(const GtReplay *r) {
    const GtContact *c = &r->contacts[0];
    double length = 0.0;
    for (size_t i = 1; i < c->count; i++)
        length += hypot(c->samples[i].x_cm - c->samples[i - 1].x_cm, c->samples[i].y_cm - c->samples[i - 1].y_cm);
    return length / ((c->samples[c->count - 1].t_ms - c->samples[0].t_ms) / 1000.0);
}

/* The attempt really is the mistake it claims to be, so that a broken ladder is the engine's:
 * lifts are separate contacts with gaps over 80 ms, a short hold lasts what it should, the
 * pressure and the glide speed are what the rubric names. */
static void check_generated(const GtScoreTarget *target, GtMistake m, GtSeverity s, const GtReplay *demo,
                            const GtReplay *attempt) {
    const GtTechnique *t = target->technique;
    switch (m) {
    case GT_MISTAKE_LIFTS: {
        double shortest, longest;
        assert_int_equal(attempt->contact_count, demo->contact_count + (s == GT_SEVERITY_MILD ? 1 : 3));
        assert_true(gt_edit_pauses(attempt, &shortest, &longest));
        assert_true(shortest > 80.0);
        break;
    }
    case GT_MISTAKE_HOLD_SHORT: {
        double keep = t->hold_s.min * (s == GT_SEVERITY_MILD ? 0.8 : 0.3) * 1000.0;
        double held = gt_edit_time_at_least(attempt, t->pressure_level.min / 10.0);
        assert_true(fabs(held - keep * (double)attempt->contact_count) <= 100.0 * (double)attempt->contact_count);
        break;
    }
    case GT_MISTAKE_TOO_LIGHT:
        assert_true(fabs(top_level(attempt) - fmax(0.1, t->pressure_level.min - (s == GT_SEVERITY_MILD ? 0.7 : 3.0))) < 0.02);
        break;
    case GT_MISTAKE_TOO_HEAVY:
        assert_true(fabs(top_level(attempt) - fmin(10.0, t->pressure_level.max + (s == GT_SEVERITY_MILD ? 0.7 : 3.0))) < 0.02);
        break;
    case GT_MISTAKE_TOO_FAST:
    case GT_MISTAKE_TOO_SLOW:
        if (t->has_speed && !t->has_tempo) {   /* a glide; a roll is paced by its tempo */
            double want = m == GT_MISTAKE_TOO_FAST ? t->speed_cm_s.max * (s == GT_SEVERITY_MILD ? 1.25 : 2.5)
                                                   : t->speed_cm_s.min * (s == GT_SEVERITY_MILD ? 0.75 : 0.3);
            assert_true(fabs(first_stroke_speed(attempt) / want - 1.0) < 0.05);
        }
        break;
    default: break;
    }
}

/* The ladder's rules for one mistake on one step; "" when they hold, else what broke. */
static void judge(double demo, const GtScoreCard *mild, const GtScoreCard *severe, char *why, size_t size) {
    why[0] = '\0';
    size_t used = 0;
    if (!(demo >= mild->total)) used += (size_t)snprintf(why + used, size - used, "mild above demo; ");
    if (used < size && !(mild->total >= severe->total))
        used += (size_t)snprintf(why + used, size - used, "severe above mild; ");
    if (used < size && mild->total < 70.0) used += (size_t)snprintf(why + used, size - used, "mild under 70; ");
    if (used < size && severe->total > mild->total - 5.0)
        used += (size_t)snprintf(why + used, size - used, "severe costs under 5 more; ");
    if (used < size && (strcmp(severe->grade, "A") == 0 || strcmp(severe->grade, "S") == 0))
        snprintf(why + used, size - used, "severe keeps %s; ", severe->grade);
}

/* The two cards of a rung that breaks the rules: a line each, or in full with GT_TEST_CARDS set. */
static void print_rung(const GtScoreCard *mild, const GtScoreCard *severe) {
    if (getenv("GT_TEST_CARDS")) {
        gt_test_print_card("      mild", mild);
        gt_test_print_card("      severe", severe);
        return;
    }
    char summary[600];
    gt_test_card_summary(mild, summary, sizeof summary);
    fprintf(stderr, "      mild:   %s\n", summary);
    gt_test_card_summary(severe, summary, sizeof summary);
    fprintf(stderr, "      severe: %s\n", summary);
}

/* Builds, checks and grades one severity of one mistake. */
static void grade_mistake(const GtScoreTarget *target, GtMistake m, GtSeverity s, const GtReplay *demo,
                          GtScoreCard *card, char *what, size_t size) {
    GtReplay attempt;
    assert_true(gt_mistake_make(m, s, target, &attempt, what, size));
    check_generated(target, m, s, demo, &attempt);
    assert_true(gt_score_attempt(target, &attempt, card));
    gt_replay_free(&attempt);
}

/* One step: its demonstration and every applicable mistake at both severities, one table row
 * each. */
static void ladder_step(const GtLesson *lesson, int step_number, Ladder *ladder) {
    const GtStep *step = &lesson->steps[step_number - 1];
    GtScoreTarget target = gt_test_target(&gt_test_library, lesson, step_number);
    GtReplay demo;
    assert_true(gt_demo_synthesise(lesson->id, step_number, step, target.map, &demo));
    GtScoreCard demo_card, mild, severe;
    assert_true(gt_score_attempt(&target, &demo, &demo_card));
    for (int mi = 0; mi < GT_MISTAKE_COUNT; mi++) {
        GtMistake m = (GtMistake)mi;
        char why[160], mild_what[64], severe_what[64];
        if (!gt_mistake_applies(&target, m, why, sizeof why)) {
            if (strcmp(why, "no speed or tempo") != 0 && strcmp(why, "no hold") != 0 && strcmp(why, "no rhythm") != 0)
                fprintf(stderr, "  skipped: %s %d %s: %s (%s)\n", lesson->id, step_number, gt_mistake_name(m), why,
                        step->technique_id);
            ladder->skipped++;
            continue;
        }
        grade_mistake(&target, m, GT_SEVERITY_MILD, &demo, &mild, mild_what, sizeof mild_what);
        grade_mistake(&target, m, GT_SEVERITY_SEVERE, &demo, &severe, severe_what, sizeof severe_what);
        judge(demo_card.total, &mild, &severe, why, sizeof why);
        ladder->rungs++;
        fprintf(stderr, "%-24s %d %-25s %-17s %5.1f | %-26s %5.1f %s | %-26s %5.1f %s %-8s | %s\n", lesson->id,
                step_number, step->technique_id, gt_mistake_name(m), demo_card.total, mild_what, mild.total, mild.grade,
                severe_what, severe.total, severe.grade, gt_verdict_name(severe.verdict), why[0] ? why : "ok");
        if (why[0]) print_rung(&mild, &severe);
        ladder->failures += why[0] != '\0';
    }
    gt_replay_free(&demo);
}

/* The whole ladder over every step and mistake. */
static void test_mild_costs_a_little_severe_a_lot(void **state) {
    (void)state;
    Ladder ladder = { 0, 0, 0 };
    fprintf(stderr, "%-24s %s %-25s %-17s %5s | %-32s | %-41s | %s\n", "lesson", "#", "technique", "mistake", "demo",
            "mild: magnitude, total, grade", "severe: magnitude, total, grade, verdict", "rules");
    for (size_t i = 0; i < gt_test_library.lesson_count; i++) {
        const GtLesson *lesson = &gt_test_library.lessons[i];
        for (size_t s = 1; s <= lesson->step_count; s++) ladder_step(lesson, (int)s, &ladder);
    }
    fprintf(stderr, "mistake ladder: %d mistakes on every step, %d break the rules; %d not applicable\n", ladder.rungs,
            ladder.failures, ladder.skipped);
    assert_true(ladder.rungs >= 150);
    assert_int_equal(ladder.failures, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mild_costs_a_little_severe_a_lot),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
