/* test_app_limits: nothing the trainer records is rejected by its own loader. Fast, correct
 * tapotement (80 taps in under 8 s, every one its own press) is kept whole and its replay loads;
 * an attempt whose first touch comes after the practice screen has been open for over an hour
 * starts its clock at that touch; and an attempt that reaches a replay limit (here 4096
 * presses) is ended there, scored as it stood, said on screen, and still loads. Every touch goes
 * through SDL's event queue; the clock is the trainer's virtual one. */
#include "test_support.h"
#include "temp_home.h"
#include "app_driver.h"
#include "app_state.h"
#include "loaders.h"
#include "replay_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Opens the trainer in practice mode on the step of sports-pre-event-legs that taps. */
static GtApp *open_tapping(void) {
    GtLibrary library;
    GtDiag diag;
    gt_diag_init(&diag);
    gt_library_load(&library, GT_SOURCE_DIR, &diag);
    const GtLesson *lesson = gt_library_lesson(&library, "sports-pre-event-legs");
    assert_non_null(lesson);
    int step = 0;
    for (size_t i = 0; i < lesson->step_count && !step; i++)
        if (strcmp(lesson->steps[i].technique->id, "tapotement") == 0) step = (int)i + 1;
    assert_true(step > 0);
    gt_library_free(&library);
    gt_diag_free(&diag);
    char step_text[8];
    snprintf(step_text, sizeof step_text, "%d", step);
    const char *argv[] = { "--window", "1280x800", "--mute", "--lesson", "sports-pre-event-legs", "--step", step_text,
                           "--mode", "practice", "--frames", "100000000" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 11, (char **)argv, &code);
    if (!app) fail_msg("the trainer did not open (exit code %d)", code);
    assert_true(gt_app_frame(app));
    assert_int_equal(app->session.screen, GT_SCREEN_PRACTICE);
    return app;
}

/* The pixel of the step's guide point. */
static SDL_FPoint guide_px(GtApp *app) {
    const GtStep *step = gt_session_step(&app->session);
    return gt_bodyview_to_px(&app->views[step->view], step->guide.points[0]);
}

/* `count` taps on the guide, each down for `frames` frames and up for as many. */
static void tap_on_guide(GtApp *app, int count, int frames) {
    SDL_FPoint p = guide_px(app);
    for (int i = 0; i < count; i++) {
        gt_test_finger_px(app, SDL_FINGERDOWN, 7, (int)p.x + i % 3, (int)p.y);
        for (int f = 0; f < frames; f++) assert_true(gt_app_frame(app));
        gt_test_finger_px(app, SDL_FINGERUP, 7, (int)p.x + i % 3, (int)p.y);
        for (int f = 0; f < frames; f++) assert_true(gt_app_frame(app));
    }
}

/* The attempt as the trainer writes it loads back without a problem. */
static void expect_loads(const GtReplay *attempt) {
    char *text = gt_replay_to_json(attempt);
    assert_non_null(text);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay loaded;
    bool ok = gt_load_replay("attempt.json", text, strlen(text), &diag, &loaded);
    if (!ok) {
        char line[512] = "";
        if (diag.count) gt_diag_format(&diag, 0, line, sizeof line);
        fail_msg("the trainer's own replay was rejected: %s", line);
    }
    assert_int_equal(loaded.contact_count, attempt->contact_count);
    gt_replay_free(&loaded);
    gt_diag_free(&diag);
    free(text);
}

/* 80 taps, 3 frames down and 3 up (96 ms a tap: about 10 a second), every one kept. */
static void test_fast_tapping_is_kept_whole(void **state) {
    (void)state;
    GtApp *app = open_tapping();
    tap_on_guide(app, 80, 3);
    gt_test_tap(app, GT_ACT_DONE);
    assert_int_equal(app->session.screen, GT_SCREEN_RESULT);
    assert_int_equal(app->session.attempt.contact_count, 80);
    expect_loads(&app->session.attempt);
    gt_app_close(app);
}

/* An hour and a minute on the practice screen, then a few taps: time starts at the first one. */
static void test_time_starts_at_the_first_touch(void **state) {
    (void)state;
    GtApp *app = open_tapping();
    gt_clock_advance_to(&app->clock, gt_app_now(app) + 61u * 60u * 1000u);
    assert_true(gt_app_frame(app));
    tap_on_guide(app, 5, 3);
    gt_test_tap(app, GT_ACT_DONE);
    assert_int_equal(app->session.screen, GT_SCREEN_RESULT);
    assert_true(app->session.attempt.contacts[0].samples[0].t_ms == 0.0);
    expect_loads(&app->session.attempt);
    gt_app_close(app);
}

/* 4100 presses: the attempt ends at the 4096th, is scored and said, and loads. */
static void test_an_attempt_at_a_limit_ends_there(void **state) {
    (void)state;
    GtApp *app = open_tapping();
    SDL_FPoint p = guide_px(app);
    for (int i = 0; i < 4100 && app->session.screen == GT_SCREEN_PRACTICE; i++) {
        gt_test_finger_px(app, SDL_FINGERDOWN, 7, (int)p.x, (int)p.y);
        gt_test_finger_px(app, SDL_FINGERUP, 7, (int)p.x, (int)p.y);
        if (i % 100 == 99) assert_true(gt_app_frame(app));
    }
    assert_true(gt_app_frame(app));
    assert_int_equal(app->session.screen, GT_SCREEN_RESULT);
    assert_int_equal(app->session.attempt.contact_count, GT_REPLAY_MAX_CONTACTS);
    gt_test_shown(app, "reached the most one attempt can hold");
    expect_loads(&app->session.attempt);
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_fast_tapping_is_kept_whole, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_time_starts_at_the_first_touch, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_an_attempt_at_a_limit_ends_there, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
