/* test_app_record: an instructor records a step's demonstration in the trainer. Started with
 * --instructor on a lesson pack, the instructor performs the step through SDL's event queue (a
 * finger tracing four strokes beside the guide, the pressure set with the number keys), taps
 * "Keep as demonstration", reads what was measured and the score against the step it makes, and
 * taps "Save to the lesson". Then: the replay is in demos/ beside the lesson, the lesson's old
 * text is the backup, the lesson validates with no warning, its guide follows what was traced,
 * its demonstration grades >= 95 against its own step, and the running trainer reloads it and
 * plays the recording as the step's reference. A performance that presses on a kidney cannot
 * become a demonstration: the screen says why and offers no Save. */
#include "test_support.h"
#include "temp_home.h"
#include "app_driver.h"
#include "app_events.h"
#include "app_state.h"
#include "library.h"
#include "gt_score.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* The lesson `guidedtouch new-lesson back-glide --title "Back glide" --region erector-spinae-l`
 * writes. */
static const char LESSON[] =
    "{\n  \"format\": \"guidedtouch-lesson\",\n  \"version\": 1,\n  \"id\": \"back-glide\",\n"
    "  \"title\": \"Back glide\",\n  \"level\": \"beginner\",\n  \"condition\": \"general relaxation\",\n"
    "  \"duration_min\": 2,\n  \"summary\": \"A first draft on the erector spinae.\",\n  \"cautions\": [\n"
    "    {\"text\": \"If you have a health condition, check with your doctor first.\", \"kind\": \"advice\", "
    "\"source\": \"domain text 003 (Pain Relief Massage: What You Need to Know), practical tips\"}\n  ],\n"
    "  \"steps\": [\n    {\n      \"technique\": \"effleurage\",\n      \"view\": \"posterior\",\n"
    "      \"region\": \"erector-spinae-l\",\n"
    "      \"guide\": {\"polyline\": [[46.2, 82.2], [46.2, 74.2], [46.2, 66.2]]},\n"
    "      \"repetitions\": 4,\n      \"pass_mark\": 70,\n"
    "      \"instruction\": \"Glide slowly along the muscle, light to moderate pressure (level 2-5).\",\n"
    "      \"hint\": \"Keep the pressure even and the movement unhurried.\"\n    }\n  ]\n}\n";

/* Four strokes at level 4, 20 cm in 5 s (4 cm/s), a little outside the drafted guide. */
static const char STROKES[] = "at 300\nkey Return\nwait 300\nkey 4\n"
                              "trace 0 46.0 84 46.4 64 5000\nwait 600\ntrace 0 46.0 84 46.4 64 5000\nwait 600\n"
                              "trace 0 46.0 84 46.4 64 5000\nwait 600\ntrace 0 46.0 84 46.4 64 5000\nwait 600\n"
                              "key Return\nwait 500\n";
enum { STROKES_END_MS = 300 + 300 + 4 * 5600 + 500 };

/* One deep stroke (level 8) up the muscle and out over the left kidney. */
static const char ONTO_THE_KIDNEY[] = "at 300\nkey Return\nwait 300\nkey 8\n"
                                      "trace 0 46 84 43 63 4000\nwait 600\nkey Return\nwait 500\n";
enum { KIDNEY_END_MS = 300 + 300 + 4600 + 500 };

static char pack[512], lesson_path[600];

/* Writes `text` to path; fails the test when it cannot. */
static void write_text(const char *path, const char *text) {
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    assert_true(fputs(text, file) >= 0);
    assert_int_equal(fclose(file), 0);
}

/* The whole of a file (malloc'd), failing the test when it cannot be read. */
static char *read_text(const char *path) {
    char *text = NULL;
    size_t length = 0;
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_read_file(path, &text, &length, &diag)) fail_msg("cannot read %s", path);
    gt_diag_free(&diag);
    return text;
}

/* Opens the trainer (in instructor mode when `instructor`) on the pack's lesson in practice
 * mode, driven by `script`, and plays the script to `end_ms`: the result screen of the
 * performance. */
static GtApp *perform(const char *script, Uint32 end_ms, bool instructor) {
    snprintf(pack, sizeof pack, "%s/pack", gt_test_home);
    assert_int_equal(mkdir(pack, 0755), 0);
    snprintf(lesson_path, sizeof lesson_path, "%s/back-glide.json", pack);
    write_text(lesson_path, LESSON);
    char script_path[600];
    snprintf(script_path, sizeof script_path, "%s/script.txt", gt_test_home);
    write_text(script_path, script);
    const char *argv[] = { "--window", "1280x800", "--mute", "--lessons", pack, "--lesson", "back-glide",
                           "--mode", "practice", "--script", script_path, "--frames", "100000000", "--instructor" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, instructor ? 14 : 13, (char **)argv, &code);
    if (!app) fail_msg("the trainer did not open (exit code %d)", code);
    while (gt_app_now(app) < 1000 + end_ms) assert_true(gt_app_frame(app));
    assert_int_equal(app->session.screen, GT_SCREEN_RESULT);
    return app;
}

/* The recorded demonstration as a replay, failing the test when it does not load. */
static GtReplay load_recording(const char *path) {
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay replay;
    if (!gt_load_replay_file(path, &diag, &replay)) fail_msg("the recording %s does not load", path);
    gt_diag_free(&diag);
    return replay;
}

/* Loads the bundled library with the pack as `guidedtouch validate` does: no error, no warning. */
static void load_clean(GtLibrary *library) {
    GtDiag diag;
    gt_diag_init(&diag);
    const char *packs[] = { pack };
    bool ok = gt_library_load_packs(library, GT_SOURCE_DIR, packs, 1, &diag);
    for (size_t i = 0; i < diag.count; i++) {
        char line[1024];
        gt_diag_format(&diag, i, line, sizeof line);
        print_message("%s\n", line);
    }
    assert_true(ok);
    assert_int_equal(diag.count, 0);
    assert_int_equal(library->warnings.count, 0);
    gt_diag_free(&diag);
}

/* The score of `replay` against step 1 of back-glide in `library`. */
static double grade(const GtLibrary *library, const GtReplay *replay) {
    const GtLesson *lesson = gt_library_lesson(library, "back-glide");
    assert_non_null(lesson);
    const GtStep *step = &lesson->steps[0];
    GtScoreTarget target = { lesson->id, 1, step, step->technique, gt_library_view(library, step->view),
                             lesson->level };
    GtScoreCard card;
    gt_score_attempt(&target, replay, &card);
    assert_int_equal(card.verdict, GT_VERDICT_SCORED);
    return card.total;
}

/* The saved lesson: the guide follows the strokes, the bands hold what was measured, the texts
 * say the new band, and the demo names the recording. */
static void expect_saved_lesson(const GtLibrary *library) {
    const GtLesson *lesson = gt_library_lesson(library, "back-glide");
    assert_non_null(lesson);
    const GtStep *step = &lesson->steps[0];
    assert_false(step->guide_is_point);
    assert_true(step->guide.count >= 2);
    assert_true(fabs(step->guide.points[0].x - 46.0) < 0.3 && fabs(step->guide.points[0].y - 84) < 0.3);
    GtPoint end = step->guide.points[step->guide.count - 1];
    assert_true(fabs(end.x - 46.4) < 0.3 && fabs(end.y - 64) < 0.3);
    assert_true(step->technique->pressure_level.min <= 4 && step->technique->pressure_level.max >= 4);
    assert_true(step->technique->speed_cm_s.min < 4 && step->technique->speed_cm_s.max > 4);
    assert_int_equal(step->repetitions, 4);
    assert_non_null(step->demo_path);
    assert_non_null(strstr(step->demo_path, "demos/back-glide-1.json"));
    char said[64];
    snprintf(said, sizeof said, "(level %.0f-%.0f)", step->technique->pressure_level.min,
             step->technique->pressure_level.max);
    assert_non_null(strstr(step->instruction, said));
}

/* A performance kept and saved: the files, the lesson, its grade and the running trainer. */
static void test_a_recorded_step_becomes_the_lessons_demonstration(void **state) {
    (void)state;
    GtApp *app = perform(STROKES, STROKES_END_MS, true);
    gt_test_tap(app, GT_ACT_KEEP_DEMO);
    const char *score = gt_test_shown(app, "Score against the step this makes: ")->text;
    assert_true(atof(score + strlen("Score against the step this makes: ")) >= 95);
    gt_test_shown(app, "Pressure: ");
    gt_test_shown(app, "(you: 4.0)");
    gt_test_shown(app, "Repetitions: 4");
    gt_test_tap(app, GT_ACT_SAVE_DEMO);
    gt_test_shown(app, "Saved the demonstration of step 1");

    char demo[700], backup[700];
    snprintf(demo, sizeof demo, "%s/demos/back-glide-1.json", pack);
    snprintf(backup, sizeof backup, "%s.bak", lesson_path);
    char *kept = read_text(backup);
    assert_string_equal(kept, LESSON);
    free(kept);
    GtReplay recording = load_recording(demo);
    GtLibrary library;
    load_clean(&library);
    expect_saved_lesson(&library);
    assert_true(grade(&library, &recording) >= 95);

    /* the running trainer reloads the lesson within a second and plays the recording */
    Uint32 saved_at = gt_app_now(app);
    while (gt_app_now(app) < saved_at + 1000) assert_true(gt_app_frame(app));
    const GtLesson *running = gt_library_lesson(&app->library, "back-glide");
    assert_non_null(running);
    assert_non_null(running->steps[0].demo_path);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay reference;
    assert_true(gt_library_reference_replay(&app->library, running, 1, &diag, &reference));
    gt_diag_free(&diag);
    assert_int_equal(reference.contact_count, recording.contact_count);
    assert_int_equal(gt_replay_sample_count(&reference), gt_replay_sample_count(&recording));
    assert_true(grade(&app->library, &reference) >= 95);
    gt_replay_free(&reference);
    gt_replay_free(&recording);
    gt_library_free(&library);
    gt_app_close(app);
}

/* A deep stroke over a kidney is no demonstration: said on screen, no Save, nothing written. */
static void test_an_unsafe_performance_cannot_be_kept(void **state) {
    (void)state;
    GtApp *app = perform(ONTO_THE_KIDNEY, KIDNEY_END_MS, true);
    gt_test_tap(app, GT_ACT_KEEP_DEMO);
    gt_test_shown(app, "is not a demonstration");
    assert_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_SAVE_DEMO));
    gt_test_push_key(SDLK_RETURN);
    assert_true(gt_app_frame(app));
    char demo[700];
    snprintf(demo, sizeof demo, "%s/demos", pack);
    struct stat info;
    assert_int_not_equal(stat(demo, &info), 0);
    char *text = read_text(lesson_path);
    assert_string_equal(text, LESSON);
    free(text);
    gt_test_tap(app, GT_ACT_BACK);
    assert_int_equal(app->session.screen, GT_SCREEN_RESULT);
    gt_app_close(app);
}

/* Without --instructor the result screen offers no recording, and its key does nothing. */
static void test_students_are_not_offered_the_recording(void **state) {
    (void)state;
    GtApp *app = perform(STROKES, STROKES_END_MS, false);
    gt_test_shown(app, "Try again");
    assert_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_KEEP_DEMO));
    gt_test_push_key(SDLK_k);
    assert_true(gt_app_frame(app));
    assert_int_equal(app->session.screen, GT_SCREEN_RESULT);
    assert_null(app->session.draft);
    gt_app_close(app);
}

/* The mouse moved over the erector spinae shows where it is in cm, and the region's name and id;
 * over the kidney area it also names the place to avoid. */
static void test_the_pointer_reads_out_cm_and_region(void **state) {
    (void)state;
    GtApp *app = perform(STROKES, STROKES_END_MS, true);
    gt_test_tap(app, GT_ACT_RETRY); /* back on the practice screen */
    const GtPoint spots[] = { { 46.2, 80.0 }, { 41.0, 72.5 } };
    for (int i = 0; i < 2; i++) {
        SDL_FPoint px = gt_bodyview_to_px(&app->views[gt_session_step(&app->session)->view], spots[i]);
        SDL_Event e;
        memset(&e, 0, sizeof e);
        e.type = SDL_MOUSEMOTION;
        e.motion.x = (Sint32)lround(px.x * app->window_w / app->output_w);
        e.motion.y = (Sint32)lround(px.y * app->window_h / app->output_h);
        gt_test_push(&e);
        assert_true(gt_app_frame(app));
    }
    gt_test_shown(app, "41.0, 72.5 cm");
    gt_test_shown(app, "(quadratus-lumborum-l)");
    gt_test_shown(app, "Avoid: Kidney area (left)");
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_recorded_step_becomes_the_lessons_demonstration, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_an_unsafe_performance_cannot_be_kept, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_pointer_reads_out_cm_and_region, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_students_are_not_offered_the_recording, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
