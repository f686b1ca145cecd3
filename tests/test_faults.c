/* For every technique, each mistake a student can make (too fast, reversed, too light, off the
 * guide, lifted, irregular, hold too short, circles instead of a roll's passes, ...) drops its own
 * criterion below 60, leaves every other criterion at 80 or more (but for the one companion a
 * roll's pace cannot help moving: see gt_fault_companion), and its feedback names the mistake. */
#include "test_support.h"
#include "faults.h"
#include "gt_demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static GtLibrary library;

/* Beginner tolerances are what the fault magnitudes are set against. */
static GtScoreTarget beginner_target(const GtLesson *lesson, int step_number) {
    GtScoreTarget target = gt_test_target(&library, lesson, step_number);
    target.level = GT_LEVEL_BEGINNER;
    return target;
}

/* Makes every applicable fault on one step, with the bands the step is scored on (its own
 * technique, which may narrow the shared one); returns how many were not isolated. */
static int check_step(const GtLesson *lesson, int step_number, int *faults) {
    const GtStep *step = &lesson->steps[step_number - 1];
    GtScoreTarget target = beginner_target(lesson, step_number);
    const GtTechnique *t = target.technique;
    GtReplay demo;
    assert_true(gt_demo_synthesise(lesson->id, step_number, step, target.map, &demo));
    int problems = 0;
    for (int f = 0; f < GT_FAULT_COUNT; f++) {
        GtFault fault = (GtFault)f;
        if (!gt_fault_applies(t, fault)) continue;
        (*faults)++;
        GtReplay attempt;
        assert_true(gt_fault_make(fault, &target, &demo, &attempt));
        GtScoreCard card;
        assert_true(gt_score_attempt(&target, &attempt, &card));
        GtCriterion own = gt_fault_criterion(t, fault), companion = gt_fault_companion(t, fault);
        bool bad = gt_card_criterion(&card, own) == NULL;
        for (size_t i = 0; i < card.criterion_count; i++) {
            const GtCriterionScore *c = &card.criteria[i];
            if (c->criterion == own)
                bad |= c->score >= 60.0 || !strstr(c->feedback, gt_fault_keyword(t, fault));
            else if (c->criterion != companion)
                bad |= c->score < 80.0;
        }
        if (bad) {
            char label[96];
            snprintf(label, sizeof label, "fault '%s' not isolated in %s", gt_fault_name(fault),
                     gt_criterion_name(own));
            gt_test_print_card(label, &card);
            problems++;
        }
        gt_replay_free(&attempt);
    }
    gt_replay_free(&demo);
    return problems;
}

/* Every step of every lesson that uses the technique, since each guide's geometry differs.
 * Steps are matched by technique id: a step may point at its own narrowed copy. */
static void test_technique_faults(void **state) {
    const GtTechnique *t = *state;
    int problems = 0, faults = 0, steps = 0;
    for (size_t i = 0; i < library.lesson_count; i++)
        for (size_t s = 0; s < library.lessons[i].step_count; s++)
            if (strcmp(library.lessons[i].steps[s].technique->id, t->id) == 0) {
                problems += check_step(&library.lessons[i], (int)s + 1, &faults);
                steps++;
            }
    fprintf(stderr, "%s: %d faults checked on %d steps\n", t->id, faults, steps);
    if (steps == 0) fail_msg("no bundled lesson uses technique %s", t->id);
    /* a band that starts at level 0 (a craniosacral touch of about 5 g) cannot be pressed too
     * lightly, short of not touching at all: one fault fewer per step */
    int per_step = t->pressure_level.min > 0.0 ? 5 : 4;
    assert_true(faults >= per_step * steps);
    assert_int_equal(problems, 0);
}

int main(void) {
    GtDiag diag;
    gt_diag_init(&diag);
    bool loaded = gt_library_load(&library, GT_SOURCE_DIR, &diag);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    if (!loaded) {
        gt_library_free(&library);
        return 1;
    }
    size_t n = library.technique_count;
    struct CMUnitTest *tests = calloc(n ? n : 1, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        tests[i].name = library.techniques[i].id;
        tests[i].test_func = test_technique_faults;
        tests[i].initial_state = (void *)&library.techniques[i];
    }
    int failed = n ? _cmocka_run_group_tests("faults", tests, n, NULL, NULL) : 1;
    free(tests);
    gt_library_free(&library);
    return failed;
}
