/* test_routines: the self-massage routines keep the promises the domain texts make about them,
 * as a student reads them on the lesson list and is scored on them step by step: the full daily
 * routine takes 15-20 minutes and says its screen practice is shortened; a flare-up session is
 * short and light, with its cautions; the work before activity and after exercise is never deep
 * (brisk before, flushing toward the heart after); the evening routine is slow; each routine
 * names its timing, its tools and heat where they belong, and cites its numbers. Also: a
 * lesson's "sources" load, and a bad one is a located error. */
#include "test_support.h"
#include "loaders.h"

#include <stdio.h>
#include <string.h>

/* The routine lessons, in the order the student guide lists them. */
static const char *const ROUTINES[] = { "daily-routine-full", "flare-up-routine", "morning-routine",
                                        "pre-activity-routine", "post-exercise-routine", "evening-routine" };
enum { ROUTINE_COUNT = sizeof ROUTINES / sizeof ROUTINES[0] };

/* The bundled lesson `id`; fails the test when it is missing. */
static const GtLesson *routine(const char *id) {
    const GtLesson *lesson = gt_library_lesson(&gt_test_library, id);
    if (!lesson) fail_msg("the routine %s is missing from the bundled library", id);
    return lesson;
}

/* True when the lesson shows a caution of `kind` whose sentence holds `words`. */
static bool shows(const GtLesson *lesson, GtCautionKind kind, const char *words) {
    GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
    size_t n = gt_lesson_cautions(lesson, list, GT_LESSON_CAUTIONS_MAX);
    for (size_t i = 0; i < n; i++)
        if (list[i].caution->kind == kind && strstr(list[i].caution->text, words)) return true;
    return false;
}

/* Fails unless lesson `id` shows a caution of `kind` that says `words`. */
static void expect_caution(const char *id, GtCautionKind kind, const char *words) {
    if (!shows(routine(id), kind, words))
        fail_msg("%s does not show a %s saying \"%s\"", id, gt_caution_kind_name(kind), words);
}

/* True when any of the lesson's sources holds `words`. */
static bool cites(const GtLesson *lesson, const char *words) {
    for (size_t i = 0; i < lesson->source_count; i++)
        if (strstr(lesson->sources[i], words)) return true;
    return false;
}

/* The highest pressure level any step of the lesson is scored on. */
static double deepest_level(const GtLesson *lesson) {
    double deepest = 0.0;
    for (size_t s = 0; s < lesson->step_count; s++)
        if (lesson->steps[s].technique->pressure_level.max > deepest)
            deepest = lesson->steps[s].technique->pressure_level.max;
    return deepest;
}

/* Every routine is a beginner lesson with its time, its own sources (the domain text's timing
 * among them), and on every step an instruction that says how long the part takes at home. */
static void test_every_routine_says_its_time_and_cites_it(void **state) {
    (void)state;
    for (int r = 0; r < ROUTINE_COUNT; r++) {
        const GtLesson *lesson = routine(ROUTINES[r]);
        assert_int_equal(lesson->level, GT_LEVEL_BEGINNER);
        if (lesson->source_count < 3) fail_msg("%s cites %zu sources", lesson->id, lesson->source_count);
        if (!cites(lesson, "domain text 002")) fail_msg("%s does not cite the domain text's routine guidance", lesson->id);
        for (size_t s = 0; s < lesson->step_count; s++) {
            const char *text = lesson->steps[s].instruction;
            bool timed = strstr(text, "minute") || strstr(text, "seconds");
            if (!timed) fail_msg("%s step %zu does not say how long the part takes", lesson->id, s + 1);
            if (lesson->steps[s].pass_mark < 60 || lesson->steps[s].pass_mark > 75)
                fail_msg("%s step %zu has a pass mark of %g", lesson->id, s + 1, lesson->steps[s].pass_mark);
        }
    }
}

/* The full daily routine is the real 15-20 minutes, and says from the start that the screen
 * practice is shortened; it uses a massage ball and offers a foam roller. */
static void test_daily_routine_is_the_real_length_and_says_so(void **state) {
    (void)state;
    const GtLesson *daily = routine("daily-routine-full");
    assert_true(daily->duration_min >= 15 && daily->duration_min <= 20);
    assert_non_null(strstr(daily->summary, "shortened practice"));
    assert_non_null(strstr(daily->summary, "18 minutes"));
    assert_non_null(strstr(daily->steps[0].instruction, "shortened practice"));
    assert_non_null(strstr(daily->steps[0].instruction, "18 minutes"));
    bool ball = false, roller = false;
    for (size_t s = 0; s < daily->step_count; s++) {
        ball |= strstr(daily->steps[s].instruction, "massage ball") != NULL;
        roller |= strstr(daily->steps[s].instruction, "foam roller") != NULL;
    }
    assert_true(ball && roller);
    assert_true(daily->step_count >= 8);
    assert_true(cites(daily, "15-20 minutes daily"));
}

/* A flare-up session is short and light on every step, repeated through the day, with its
 * cautions: stop if the pain sharpens, no work on a fresh injury, see a provider if it lasts. */
static void test_flare_up_is_short_gentle_and_cautious(void **state) {
    (void)state;
    const GtLesson *flare = routine("flare-up-routine");
    assert_true(flare->duration_min <= 10);
    if (deepest_level(flare) > 3.0) fail_msg("a flare-up step allows level %g; light is 1-3", deepest_level(flare));
    assert_non_null(strstr(flare->summary, "three or four times"));
    assert_non_null(strstr(flare->summary, "fewer sessions"));
    expect_caution("flare-up-routine", GT_CAUTION_ADVICE, "pain sharpens");
    expect_caution("flare-up-routine", GT_CAUTION_CONTRAINDICATION, "less than 72 hours old, no massage");
    expect_caution("flare-up-routine", GT_CAUTION_ADVICE, "see a healthcare provider");
    expect_caution("flare-up-routine", GT_CAUTION_ADVICE, "short and gentle");
    expect_caution("flare-up-routine", GT_CAUTION_RED_FLAG, "fever");
}

/* Before activity: brisk (every glide at 5 cm/s or faster) and light, never deep. After
 * exercise: only light flushing glides that fail when reversed (toward the heart), no taps. */
static void test_around_exercise_nothing_is_deep(void **state) {
    (void)state;
    const GtLesson *before = routine("pre-activity-routine");
    const GtLesson *after = routine("post-exercise-routine");
    assert_true(deepest_level(before) <= 4.0 && deepest_level(after) <= 4.0);
    for (size_t s = 0; s < before->step_count; s++) {
        const GtTechnique *t = before->steps[s].technique;
        assert_true(t->pattern == GT_PATTERN_GLIDE || t->pattern == GT_PATTERN_TAP);
        if (t->pattern == GT_PATTERN_GLIDE) assert_true(t->speed_cm_s.min >= 5.0);
    }
    for (size_t s = 0; s < after->step_count; s++) {
        const GtTechnique *t = after->steps[s].technique;
        assert_int_equal(t->pattern, GT_PATTERN_GLIDE);
        assert_true(t->reversal_fails);
    }
    expect_caution("pre-activity-routine", GT_CAUTION_CONTRAINDICATION, "no deep or painful work");
    expect_caution("post-exercise-routine", GT_CAUTION_ADVICE, "light flushing strokes");
    expect_caution("post-exercise-routine", GT_CAUTION_RED_FLAG, "blood clot (DVT)");
}

/* Morning work is gentle (no step above moderate) and warns about stiffness that lasts; evening
 * work is slow: glides at most 4 cm/s and circles at most 32 a minute, and light. */
static void test_morning_gentle_evening_slow(void **state) {
    (void)state;
    const GtLesson *morning = routine("morning-routine");
    assert_true(deepest_level(morning) <= 6.0);
    expect_caution("morning-routine", GT_CAUTION_RED_FLAG, "more than half an hour");
    expect_caution("morning-routine", GT_CAUTION_CONTRAINDICATION, "swollen, hot");
    const GtLesson *evening = routine("evening-routine");
    assert_true(deepest_level(evening) <= 6.0);
    for (size_t s = 0; s < evening->step_count; s++) {
        const GtTechnique *t = evening->steps[s].technique;
        if (t->has_speed) assert_true(t->speed_cm_s.max <= 4.0);
        if (t->has_tempo) assert_true(t->tempo_per_min.max <= 32.0);
    }
    expect_caution("evening-routine", GT_CAUTION_ADVICE, "heavy meal or alcohol");
}

/* Heat is advised where the domain texts pair it with massage, never on a fresh injury; the
 * percussion device (deep work) is kept out of flare-ups and the hours before activity. */
static void test_tools_and_heat_are_advised_where_they_belong(void **state) {
    (void)state;
    static const char *const warm[] = { "daily-routine-full", "morning-routine", "evening-routine" };
    for (size_t i = 0; i < sizeof warm / sizeof warm[0]; i++)
        expect_caution(warm[i], GT_CAUTION_ADVICE, "never heat a fresh injury");
    expect_caution("flare-up-routine", GT_CAUTION_CONTRAINDICATION, "no heat");
    expect_caution("flare-up-routine", GT_CAUTION_CONTRAINDICATION, "no percussion device");
    expect_caution("pre-activity-routine", GT_CAUTION_CONTRAINDICATION, "no percussion device");
    expect_caution("daily-routine-full", GT_CAUTION_ADVICE, "less often");
}

/* A lesson of one hold with `sources` (a JSON member and comma) before its steps. */
static void probe_text(char *buffer, size_t size, const char *sources) {
    snprintf(buffer, size,
        "{\"format\": \"guidedtouch-lesson\", \"version\": 1, \"id\": \"probe\", \"title\": \"Probe\",\n"
        " \"level\": \"beginner\", \"condition\": \"none\", \"duration_min\": 5, \"summary\": \"A probe.\",\n"
        " %s\"steps\": [\n"
        "  {\"technique\": \"sustained-pressure\", \"view\": \"posterior\", \"region\": \"calf-r\",\n"
        "   \"guide\": {\"point\": [58, 140]}, \"repetitions\": 1, \"pass_mark\": 65, \"instruction\": \"Hold.\",\n"
        "   \"hint\": \"Still.\"}\n"
        " ]}\n", sources);
}

/* Loads the probe lesson with `sources`; returns whether it loaded and leaves the diagnostics
 * (and the lesson, in `arena`) for the caller to check and free. */
static bool load_probe(const char *sources, GtArena *arena, GtDiag *diag, GtLesson *lesson) {
    char text[2048];
    probe_text(text, sizeof text, sources);
    GtReferences refs = gt_library_references(&gt_test_library);
    gt_arena_init(arena);
    gt_diag_init(diag);
    return gt_load_lesson("probe.json", text, strlen(text), &refs, arena, diag, lesson);
}

/* An instructor's citations load in order; none is fine; an empty citation, or one with a
 * control character, is a located error at its place in the list. */
static void test_lesson_sources_load_and_a_bad_one_is_located(void **state) {
    (void)state;
    GtArena arena;
    GtDiag diag;
    GtLesson lesson;
    assert_true(load_probe("\"sources\": [\"domain text 002 (15-20 minutes daily)\", \"trainer default: one hold\"],\n ",
                           &arena, &diag, &lesson));
    assert_int_equal(lesson.source_count, 2);
    assert_string_equal(lesson.sources[1], "trainer default: one hold");
    gt_diag_free(&diag);
    gt_arena_free(&arena);

    assert_true(load_probe("", &arena, &diag, &lesson));
    assert_int_equal(lesson.source_count, 0);
    gt_diag_free(&diag);
    gt_arena_free(&arena);

    assert_false(load_probe("\"sources\": [\"domain text 002\", \"\"],\n ", &arena, &diag, &lesson));
    gt_diag_print(&diag, stderr);
    assert_int_equal(diag.count, 1);
    assert_int_equal(diag.entries[0].line, 3);
    assert_string_equal(diag.entries[0].json_path, "sources[1]");
    assert_non_null(strstr(diag.entries[0].message, "non-empty string"));
    gt_diag_free(&diag);
    gt_arena_free(&arena);

    /* a citation holding a tab cannot be shown as it is: said at its place, like any text */
    assert_false(load_probe("\"sources\": [\"domain\\ttext 002\"],\n ", &arena, &diag, &lesson));
    gt_diag_print(&diag, stderr);
    assert_int_equal(diag.count, 1);
    assert_string_equal(diag.entries[0].json_path, "sources[0]");
    assert_non_null(strstr(diag.entries[0].message, "control character"));
    gt_diag_free(&diag);
    gt_arena_free(&arena);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_routine_says_its_time_and_cites_it),
        cmocka_unit_test(test_daily_routine_is_the_real_length_and_says_so),
        cmocka_unit_test(test_flare_up_is_short_gentle_and_cautious),
        cmocka_unit_test(test_around_exercise_nothing_is_deep),
        cmocka_unit_test(test_morning_gentle_evening_slow),
        cmocka_unit_test(test_tools_and_heat_are_advised_where_they_belong),
        cmocka_unit_test(test_lesson_sources_load_and_a_bad_one_is_located),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
