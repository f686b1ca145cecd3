/* The bundled gt_test_library is complete: the lessons below together use every technique, each
 * technique citing sources and using the movement pattern the domain gives it. A step that narrows
 * its technique's bands is scored on its own copy with those bands; the others share the library's
 * technique. A step's text that names another band than it is scored on gets a located warning,
 * and the bundled lessons have none. */
#include "test_support.h"

#include <stdio.h>
#include <string.h>

static void test_techniques_have_their_domain_patterns(void **state) {
    (void)state;
    static const struct { const char *id; GtPattern pattern; } expected[] = {
        { "effleurage", GT_PATTERN_GLIDE }, { "petrissage", GT_PATTERN_KNEAD },
        { "circular-friction", GT_PATTERN_CIRCLE }, { "cross-fibre-friction", GT_PATTERN_CROSS_FIBRE },
        { "tapotement", GT_PATTERN_TAP }, { "trigger-point-compression", GT_PATTERN_HOLD },
        { "sustained-pressure", GT_PATTERN_HOLD }, { "myofascial-release", GT_PATTERN_HOLD },
        { "lymphatic-drainage", GT_PATTERN_GLIDE }, { "acupressure-hold", GT_PATTERN_HOLD },
        { "neck-shoulder-rolls", GT_PATTERN_CIRCLE }, { "scalp-massage", GT_PATTERN_CIRCLE },
        { "calf-hamstring-rolling", GT_PATTERN_ROLL }, { "foot-thumb-walking", GT_PATTERN_GLIDE },
        { "neuromuscular-therapy", GT_PATTERN_GLIDE }, { "deep-slow-glide", GT_PATTERN_GLIDE },
        { "craniosacral-hold", GT_PATTERN_HOLD }, { "compression", GT_PATTERN_TAP },
        { "ball-rolling", GT_PATTERN_ROLL },
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const GtTechnique *t = gt_library_technique(&gt_test_library, expected[i].id);
        if (!t) fail_msg("technique %s is missing", expected[i].id);
        assert_int_equal(t->pattern, expected[i].pattern);
        assert_true(t->source_count >= 1);
    }
    /* facts from the handbook that the scorer depends on */
    const GtTechnique *lymph = gt_library_technique(&gt_test_library, "lymphatic-drainage");
    assert_true(lymph->pressure_level.max <= 3.0);
    assert_int_equal(lymph->direction, GT_DIRECTION_TOWARD_LANDMARK);
    const GtTechnique *cross = gt_library_technique(&gt_test_library, "cross-fibre-friction");
    assert_int_equal(cross->direction, GT_DIRECTION_ACROSS_FIBRES);
    assert_true(cross->pressure_level.min >= 5.0);
    const GtTechnique *tap = gt_library_technique(&gt_test_library, "tapotement");
    assert_true(tap->tempo_per_min.min >= 4 * 60 - 1 && tap->tempo_per_min.max <= 10 * 60 + 1);
    /* stripping and the deep glide are slow (about 1-2 cm/s, under 2-3 cm/s), the deep glide deep;
     * a craniosacral touch is about 5 g, the lowest level; pre-event compression pumps slower than
     * tapotement taps but faster than kneading, and never deep */
    const GtTechnique *strip = gt_library_technique(&gt_test_library, "neuromuscular-therapy");
    assert_true(strip->speed_cm_s.min >= 1.0 && strip->speed_cm_s.max <= 2.0 && strip->pressure_level.max >= 7.0);
    const GtTechnique *deep = gt_library_technique(&gt_test_library, "deep-slow-glide");
    assert_true(deep->speed_cm_s.max <= 3.0 && deep->pressure_level.min >= 6.0 && deep->pressure_level.max <= 8.0);
    const GtTechnique *cranio = gt_library_technique(&gt_test_library, "craniosacral-hold");
    assert_true(cranio->pressure_level.max <= 1.0 && cranio->hold_s.max >= 120.0);
    const GtTechnique *pump = gt_library_technique(&gt_test_library, "compression");
    assert_true(pump->tempo_per_min.max < tap->tempo_per_min.min && pump->tempo_per_min.min >= 60.0);
    assert_true(pump->pressure_level.max <= 6.0);
    /* rolling goes back and forth in straight passes at about 33 a minute (Sezik 2024) */
    const char *const rolls[] = { "calf-hamstring-rolling", "ball-rolling" };
    for (size_t i = 0; i < 2; i++) {
        const GtTechnique *roll = gt_library_technique(&gt_test_library, rolls[i]);
        assert_int_equal(roll->direction, GT_DIRECTION_BACK_AND_FORTH);
        assert_true(roll->tempo_per_min.min <= 33.0 && roll->tempo_per_min.max >= 33.0);
        assert_true(roll->pressure_level.max <= 6.0);
    }
}

static void test_lessons_cover_every_technique(void **state) {
    (void)state;
    static const char *const lessons[] = { "lower-back-basics", "neck-shoulder-tension", "gentle-arthritis",
        "fibromyalgia-light-touch", "sports-recovery-legs", "tension-headache", "lymphatic-drainage-arm",
        "daily-self-massage", "sports-pre-event-legs", "neuromuscular-upper-trapezius", "craniosacral-introduction",
        "deep-tissue-back", "arm-hand-rsi", "chest-opening", "foot-reflexology", "migraine-gentle",
        "sciatica-piriformis", "hip-flexor-ball", "glute-self-massage",
        "daily-routine-full", "flare-up-routine", "morning-routine", "pre-activity-routine", "post-exercise-routine",
        "evening-routine", NULL };
    for (int i = 0; lessons[i]; i++)
        if (!gt_library_lesson(&gt_test_library, lessons[i])) fail_msg("lesson %s is missing", lessons[i]);
    for (size_t t = 0; t < gt_test_library.technique_count; t++) {
        bool used = false;
        for (size_t l = 0; l < gt_test_library.lesson_count && !used; l++)
            for (size_t s = 0; s < gt_test_library.lessons[l].step_count; s++)
                used |= strcmp(gt_test_library.lessons[l].steps[s].technique->id, gt_test_library.techniques[t].id) == 0;
        if (!used) fail_msg("no lesson uses technique %s", gt_test_library.techniques[t].id);
    }
    /* gentle lessons stay light: no step asks for more than moderate pressure; migraine work
     * stays light, and craniosacral holds at the lowest level */
    const GtLesson *gentle = gt_library_lesson(&gt_test_library, "gentle-arthritis");
    for (size_t s = 0; s < gentle->step_count; s++)
        assert_true(gentle->steps[s].technique->pressure_level.max <= 6.0);
    const GtLesson *migraine = gt_library_lesson(&gt_test_library, "migraine-gentle");
    for (size_t s = 0; s < migraine->step_count; s++)
        assert_true(migraine->steps[s].technique->pressure_level.max <= 4.0);
    const GtLesson *cranio = gt_library_lesson(&gt_test_library, "craniosacral-introduction");
    for (size_t s = 0; s < cranio->step_count; s++)
        assert_true(cranio->steps[s].technique->pressure_level.max <= 1.0);
    /* the pre-event warm-up pumps a big muscle with rhythmic compression */
    const GtLesson *pre = gt_library_lesson(&gt_test_library, "sports-pre-event-legs");
    bool pumps = false;
    for (size_t s = 0; s < pre->step_count; s++) pumps |= strcmp(pre->steps[s].technique_id, "compression") == 0;
    assert_true(pumps);
    assert_int_equal(gt_test_library.broken_count, 0);
}

/* A reversed glide fails where the direction is the point: effleurage toward the heart and
 * lymphatic drainage toward the nodes say so; a technique that does not keeps the rule's default. */
static void test_reversal_fails_where_direction_is_the_point(void **state) {
    (void)state;
    assert_true(gt_library_technique(&gt_test_library, "effleurage")->reversal_fails);
    assert_true(gt_library_technique(&gt_test_library, "lymphatic-drainage")->reversal_fails);
    assert_false(gt_library_technique(&gt_test_library, "petrissage")->reversal_fails);
    assert_false(gt_library_technique(&gt_test_library, "circular-friction")->reversal_fails);
}

/* Fibromyalgia's first glide is taught light, level 2-3, and scored on that band by its own copy
 * of effleurage (with the same cautions); lower-back-basics' un-narrowed glides and hold share the
 * library's technique. */
static void test_narrowed_step_has_its_own_band(void **state) {
    (void)state;
    const GtTechnique *shared = gt_library_technique(&gt_test_library, "effleurage");
    const GtLesson *fibro = gt_library_lesson(&gt_test_library, "fibromyalgia-light-touch");
    const GtStep *light = &fibro->steps[0];
    assert_ptr_not_equal(light->technique, shared);
    assert_string_equal(light->technique->id, "effleurage");
    assert_string_equal(light->technique_id, "effleurage");
    assert_true(light->technique->pressure_level.min == 2.0 && light->technique->pressure_level.max == 3.0);
    assert_true(shared->pressure_level.min == 2.0 && shared->pressure_level.max == 5.0);
    /* everything the step does not narrow is the technique's own */
    assert_memory_equal(&light->technique->speed_cm_s, &shared->speed_cm_s, sizeof shared->speed_cm_s);
    assert_memory_equal(light->technique->tolerances, shared->tolerances, sizeof shared->tolerances);
    assert_ptr_equal(light->technique->sources, shared->sources);
    assert_true(light->technique->reversal_fails);
    assert_ptr_equal(light->technique->cautions, shared->cautions);
    assert_int_equal(light->technique->caution_count, shared->caution_count);
    const GtLesson *back = gt_library_lesson(&gt_test_library, "lower-back-basics");
    assert_ptr_equal(back->steps[4].technique, gt_library_technique(&gt_test_library, "trigger-point-compression"));
    for (size_t s = 0; s < back->step_count; s++)
        assert_ptr_equal(back->steps[s].technique, gt_library_technique(&gt_test_library, back->steps[s].technique_id));
}

/* A small lesson in the trainer's format: a glide, a tap and a hold, with `extra` keys and texts
 * spliced into each step. */
static void lesson_text(char *buffer, size_t size, const char *glide, const char *tap, const char *hold) {
    snprintf(buffer, size,
        "{\"format\": \"guidedtouch-lesson\", \"version\": 1, \"id\": \"probe\", \"title\": \"Probe\",\n"
        " \"level\": \"beginner\", \"condition\": \"none\", \"duration_min\": 5, \"summary\": \"A probe.\",\n"
        " \"cautions\": [{\"text\": \"Say when it hurts.\", \"kind\": \"advice\", \"source\": \"domain text 003\"}],"
        " \"steps\": [\n"
        "  {\"technique\": \"effleurage\", \"view\": \"posterior\", \"region\": \"erector-spinae-l\",\n"
        "   \"guide\": {\"polyline\": [[46.5, 83], [46.1, 72], [45.6, 62]]}, \"repetitions\": 4, \"pass_mark\": 65, %s},\n"
        "  {\"technique\": \"tapotement\", \"view\": \"posterior\", \"region\": \"calf-r\",\n"
        "   \"guide\": {\"point\": [58, 140]}, \"duration_s\": 8, \"pass_mark\": 65, %s},\n"
        "  {\"technique\": \"acupressure-hold\", \"view\": \"posterior\", \"region\": \"upper-trapezius-r\",\n"
        "   \"guide\": {\"point\": [60.5, 35.1]}, \"repetitions\": 1, \"pass_mark\": 65, %s}\n"
        " ]}\n", glide, tap, hold);
}

/* Loads a lesson text against the bundled library; its problems go to `diag` and its warnings
 * to `warnings`. The lesson lives in `arena`. */
static bool load_probe(const char *text, GtArena *arena, GtLesson *lesson, GtDiag *diag, GtDiag *warnings) {
    GtReferences refs = gt_library_references(&gt_test_library);
    bool ok = gt_load_lesson("probe.json", text, strlen(text), &refs, arena, diag, lesson);
    if (ok) gt_lint_lesson(lesson, &refs, text, strlen(text), warnings);
    if (diag->count) gt_diag_print(diag, stderr);
    return ok;
}

/* Speed, a tempo given in Hz and a hold narrow like pressure: each in its own unit, the tempo
 * kept per minute inside. */
static void test_every_band_can_be_narrowed(void **state) {
    (void)state;
    char text[4096];
    lesson_text(text, sizeof text,
                "\"speed_cm_s\": {\"min\": 2, \"max\": 4}, \"instruction\": \"Glide.\", \"hint\": \"Slowly.\"",
                "\"tempo_hz\": {\"min\": 5, \"max\": 8}, \"instruction\": \"Tap.\", \"hint\": \"Loosely.\"",
                "\"hold_s\": {\"min\": 40, \"max\": 50}, \"instruction\": \"Hold.\", \"hint\": \"Still.\"");
    GtArena arena;
    gt_arena_init(&arena);
    GtDiag diag, warnings;
    gt_diag_init(&diag);
    gt_diag_init(&warnings);
    GtLesson lesson;
    assert_true(load_probe(text, &arena, &lesson, &diag, &warnings));
    const GtTechnique *glide = lesson.steps[0].technique, *tap = lesson.steps[1].technique,
                      *hold = lesson.steps[2].technique;
    assert_true(glide->speed_cm_s.min == 2.0 && glide->speed_cm_s.max == 4.0);
    assert_true(glide->pressure_level.min == 2.0 && glide->pressure_level.max == 5.0);
    assert_true(tap->tempo_in_hz && tap->tempo_per_min.min == 300.0 && tap->tempo_per_min.max == 480.0);
    assert_true(hold->hold_s.min == 40.0 && hold->hold_s.max == 50.0);
    assert_string_equal(hold->id, "acupressure-hold");
    assert_int_equal(warnings.count, 0);
    gt_diag_free(&diag);
    gt_diag_free(&warnings);
    gt_arena_free(&arena);
}

/* The ways an instruction names a range: each that differs from the step's band gets one warning
 * at the phrase itself (its column counts an escape such as backslash-u2014 as the six bytes written);
 * ranges that agree, and numbers the step is not scored on, get none. */
static void test_text_ranges_are_checked(void **state) {
    (void)state;
    char text[4096];
    lesson_text(text, sizeof text,
                "\"instruction\": \"Glide at levels 2 to 3, about 1-3 cm a second.\", "
                "\"hint\": \"Pressure 2-5 is right; 40-50 strokes a minute is a session pace.\"",
                "\"instruction\": \"Tap \\u2014 at 4 to 10 taps a second (level 2\\u20133).\", \"hint\": \"Keep 300 to 480 per minute.\"",
                "\"pressure_level\": {\"min\": 6, \"max\": 7}, "
                "\"instruction\": \"Press in (level 6-7) and hold 30-60 s.\", \"hint\": \"Level 4-6 is too light.\"");
    GtArena arena;
    gt_arena_init(&arena);
    GtDiag diag, warnings;
    gt_diag_init(&diag);
    gt_diag_init(&warnings);
    GtLesson lesson;
    assert_true(load_probe(text, &arena, &lesson, &diag, &warnings));
    gt_diag_print(&warnings, stderr);
    static const struct { int line, column; const char *path, *said; } expected[] = {
        { 5, 125, "steps[0].instruction", "\"levels 2 to 3\", but this step is scored on level 2-5; say level 2-5, "
          "or narrow the step with \"pressure_level\": {\"min\": 2, \"max\": 3}" },
        { 5, 146, "steps[0].instruction", "\"1-3 cm a second\", but this step is scored on 1-10 cm/s; say 1-10 cm/s, "
          "or narrow the step with \"speed_cm_s\": {\"min\": 1, \"max\": 3}" },
        { 7, 122, "steps[1].instruction", "\"level 2\xE2\x80\x93" "3\", but this step is scored on level 2-5" },
        { 7, 155, "steps[1].hint", "\"300 to 480 per minute\", but this step is scored on 4-10 Hz; say 4-10 Hz, or "
          "narrow the step with \"tempo_hz\": {\"min\": 5, \"max\": 8}" },
        { 9, 159, "steps[2].instruction", "\"30-60 s\", but this step is scored on 30-120 s; say 30-120 s, or narrow "
          "the step with \"hold_s\": {\"min\": 30, \"max\": 60}" },
        { 9, 179, "steps[2].hint", "\"Level 4-6\", but this step is scored on level 6-7; say level 6-7 (a step can "
          "narrow acupressure-hold's band but not go beyond it)" },
    };
    assert_int_equal(warnings.count, 6);
    for (size_t i = 0; i < 6; i++) {
        const GtDiagEntry *e = &warnings.entries[i];
        assert_string_equal(e->json_path, expected[i].path);
        assert_non_null(strstr(e->message, expected[i].said));
        assert_true(strncmp(e->message, "warning: the text says ", 23) == 0);
        assert_int_equal(e->line, expected[i].line);
        assert_int_equal(e->column, expected[i].column);
    }
    gt_diag_free(&diag);
    gt_diag_free(&warnings);
    gt_arena_free(&arena);
}

/* The bundled lessons say the bands they are scored on. */
static void test_bundled_lessons_have_no_warnings(void **state) {
    (void)state;
    gt_diag_print(&gt_test_library.warnings, stderr);
    assert_int_equal(gt_test_library.warnings.count, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_techniques_have_their_domain_patterns),
        cmocka_unit_test(test_lessons_cover_every_technique),
        cmocka_unit_test(test_reversal_fails_where_direction_is_the_point),
        cmocka_unit_test(test_narrowed_step_has_its_own_band),
        cmocka_unit_test(test_every_band_can_be_narrowed),
        cmocka_unit_test(test_text_ranges_are_checked),
        cmocka_unit_test(test_bundled_lessons_have_no_warnings),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
