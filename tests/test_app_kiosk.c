/* Kiosk mode on the trainer, driven through SDL's own event queue as a school kiosk's students
 * and staff would: closing the window, the quit request, Escape and Alt+F4 do not end it; a
 * long press (3 s) in a corner opens the staff PIN pad, whose wrong PINs are said and then
 * rate-limited; the right PIN opens the staff menu, from which staff close the trainer; after
 * the idle timeout the student is signed out and demonstrations play until a touch. The clock is
 * virtual (--frames), so every hold and timeout is exact at any machine load. */
#define _XOPEN_SOURCE 700 /* setenv */
#include "test_support.h"
#include "app_driver.h"
#include "temp_home.h"
#include "app_events.h"
#include "app.h"
#include "hits.h"
#include "session.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>

static const char *const STAFF_PIN = "2468";

/* Opens the trainer at 1280x800 on a virtual clock that never ends by itself, with `extra`
 * options after the usual ones (NULL-terminated). */
static GtApp *open_with(const char *const *extra) {
    const char *argv[16] = { "--window", "1280x800", "--mute", "--frames", "100000000" };
    int argc = 5;
    for (int i = 0; extra && extra[i] && argc < 16; i++) argv[argc++] = extra[i];
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, argc, (char **)argv, &code);
    assert_non_null(app);
    assert_true(gt_app_frame(app));
    return app;
}

/* Runs frames until the app's clock has moved `ms` on; fails when the app ends meanwhile. */
static void run_for(GtApp *app, Uint32 ms) {
    Uint32 until = gt_app_now(app) + ms;
    while ((Sint32)(gt_app_now(app) - until) < 0) assert_true(gt_app_frame(app));
}

/* Where the middle of the hit with `action` is, in 0..1 of the window. */
static void hit_point(GtApp *app, int action, float *x, float *y) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), action);
    if (!hit) fail_msg("no hit for action %d on screen %d", action, gt_app_session(app)->screen);
    int ow = 0, oh = 0;
    gt_app_sizes(app, NULL, NULL, &ow, &oh);
    *x = (float)((hit->rect.x + hit->rect.w / 2 + 0.5) / ow);
    *y = (float)((hit->rect.y + hit->rect.h / 2 + 0.5) / oh);
}

/* Holds a finger at (x, y) (0..1 of the window) for `ms`, then lifts it (one frame after). */
static void hold_finger(GtApp *app, float x, float y, Uint32 ms) {
    gt_test_push_finger(SDL_FINGERDOWN, 3, x, y);
    assert_true(gt_app_frame(app));
    run_for(app, ms);
    gt_test_push_finger(SDL_FINGERUP, 3, x, y);
    assert_true(gt_app_frame(app));
}

/* Types a PIN on the pad by taps and presses OK. */
static void tap_pin(GtApp *app, const char *pin) {
    for (const char *d = pin; *d; d++) gt_test_tap(app, GT_ACT_PIN_DIGIT_BASE + (*d - '0'));
    gt_test_tap(app, GT_ACT_PIN_OK);
}

/* Pushes one event of `type` (a window event when `window_event` is not 0) and turns a frame. */
static bool push_and_turn(GtApp *app, Uint32 type, Uint8 window_event) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    if (type == SDL_WINDOWEVENT) {
        e.window.event = window_event;
        e.window.windowID = 1;
    }
    gt_test_push(&e);
    return gt_app_frame(app);
}

/* Alt+F4 as a keyboard sends it: Alt down, F4 down and up, Alt up. */
static void push_alt_f4(void) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_KEYDOWN;
    e.key.keysym.sym = SDLK_LALT;
    gt_test_push(&e);
    e.key.keysym.sym = SDLK_F4;
    e.key.keysym.mod = KMOD_LALT;
    gt_test_push(&e);
    e.type = SDL_KEYUP;
    gt_test_push(&e);
    e.key.keysym.sym = SDLK_LALT;
    e.key.keysym.mod = KMOD_NONE;
    gt_test_push(&e);
}

/* A kiosk's students cannot end it: the quit request, the window's close, Escape and Alt+F4,
 * on the lesson list and in the middle of an attempt, leave it running where it was; the window
 * was asked not to minimise on focus loss and the screensaver is off. Outside kiosk mode the
 * same close ends the trainer. */
static void test_closing_is_refused_without_the_pin(void **state) {
    (void)state;
    const char *kiosk[] = { "--kiosk", "--mode", "practice", NULL };
    GtApp *app = open_with(kiosk);
    assert_string_equal(SDL_GetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS), "0");
    assert_false(SDL_IsScreenSaverEnabled());
    assert_true(push_and_turn(app, SDL_QUIT, 0));
    assert_true(push_and_turn(app, SDL_WINDOWEVENT, SDL_WINDOWEVENT_CLOSE));
    gt_test_push_key(SDLK_ESCAPE);
    assert_true(gt_app_frame(app));
    push_alt_f4();
    assert_true(gt_app_frame(app));
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    gt_test_tap(app, GT_ACT_LESSON_BASE);
    gt_test_tap(app, GT_ACT_START);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
    unsigned serial = gt_app_session(app)->attempt_serial;
    assert_true(push_and_turn(app, SDL_QUIT, 0));
    push_alt_f4();
    assert_true(gt_app_frame(app));
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
    assert_int_equal(gt_app_session(app)->attempt_serial, serial);
    run_for(app, 1000);
    gt_app_close(app);

    GtApp *desk = open_with(NULL);
    assert_false(push_and_turn(desk, SDL_QUIT, 0));
    gt_app_close(desk);
}

/* Holding a corner for 3 s opens the PIN pad (not 2.9 s, not the middle of the screen, not a
 * finger that slides out of the corner); the button under the press gives nothing when it lifts.
 * Back returns to the lesson list. The cursor hides once a finger has touched the screen. */
static void test_a_long_press_in_a_corner_opens_the_pin_pad(void **state) {
    (void)state;
    gt_test_set_staff_pin(STAFF_PIN);
    const char *kiosk[] = { "--kiosk", NULL };
    GtApp *app = open_with(kiosk);
    hold_finger(app, 0.5f, 0.5f, 3500);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    assert_int_equal(SDL_ShowCursor(SDL_QUERY), SDL_DISABLE);
    hold_finger(app, 0.995f, 0.995f, 2900);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    gt_test_push_finger(SDL_FINGERDOWN, 3, 0.995f, 0.005f);
    assert_true(gt_app_frame(app));
    run_for(app, 1000);
    gt_test_push_finger(SDL_FINGERMOTION, 3, 0.6f, 0.4f); /* slid away: no long press */
    run_for(app, 2500);
    gt_test_push_finger(SDL_FINGERUP, 3, 0.6f, 0.4f);
    assert_true(gt_app_frame(app));
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    bool muted = gt_app_session(app)->muted;
    hold_finger(app, 0.995f, 0.005f, 3000); /* top right, where the sound button is */
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PIN);
    assert_int_equal(gt_app_session(app)->muted, muted); /* the button under the press gave nothing */
    assert_non_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_PIN_DIGIT_BASE + 5));
    gt_test_tap(app, GT_ACT_BACK);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    gt_app_close(app);
}

/* Wrong PINs are said on the pad; from the third in a row the pad makes staff wait (30 s), and a
 * right PIN typed meanwhile is not taken; after the wait the right PIN, typed on the keyboard this
 * time, opens the staff menu; Close Guided Touch ends the trainer. */
static void test_wrong_pins_wait_and_the_right_one_lets_staff_close(void **state) {
    (void)state;
    gt_test_set_staff_pin(STAFF_PIN);
    const char *kiosk[] = { "--kiosk", NULL };
    GtApp *app = open_with(kiosk);
    hold_finger(app, 0.005f, 0.995f, 3000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PIN);
    tap_pin(app, "1111");
    assert_string_equal(gt_app_session(app)->kiosk.message, "Wrong PIN. Try again.");
    tap_pin(app, "12");
    assert_string_equal(gt_app_session(app)->kiosk.message, "A PIN has 4 to 8 digits.");
    gt_test_tap(app, GT_ACT_PIN_DELETE);
    gt_test_tap(app, GT_ACT_PIN_DELETE);
    tap_pin(app, "1357");
    tap_pin(app, "9999");
    assert_string_equal(gt_app_session(app)->kiosk.message, "Wrong PIN. Try again in 30 s.");
    tap_pin(app, STAFF_PIN);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PIN);
    assert_non_null(strstr(gt_app_session(app)->kiosk.message, "Too many wrong PINs: try again in"));
    run_for(app, 30000);
    for (const char *d = STAFF_PIN; *d; d++) gt_test_push_key(SDLK_0 + (*d - '0'));
    gt_test_push_key(SDLK_RETURN);
    assert_true(gt_app_frame(app));
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_STAFF);
    float x = 0, y = 0;
    hit_point(app, GT_ACT_QUIT, &x, &y);
    gt_test_push_finger(SDL_FINGERDOWN, 7, x, y);
    assert_true(gt_app_frame(app));
    gt_test_push_finger(SDL_FINGERUP, 7, x, y);
    assert_false(gt_app_frame(app));
    gt_app_close(app);
}

/* Staff stay in after the PIN: the settings, the lesson list and the students are theirs, a long press goes
 * straight to the staff menu, and Lock hands the kiosk back (the PIN is asked again). A kiosk
 * without a PIN says how to set one and never opens the menu. */
static void test_staff_stay_until_they_lock(void **state) {
    (void)state;
    const char *kiosk[] = { "--kiosk", NULL };
    GtApp *bare = open_with(kiosk);
    hold_finger(bare, 0.005f, 0.005f, 3000);
    assert_int_equal(gt_app_session(bare)->screen, GT_SCREEN_PIN);
    assert_non_null(strstr(gt_app_session(bare)->kiosk.message, "guidedtouch set-pin"));
    tap_pin(bare, "0000");
    assert_int_equal(gt_app_session(bare)->screen, GT_SCREEN_PIN);
    gt_app_close(bare);

    gt_test_set_staff_pin(STAFF_PIN);
    GtApp *app = open_with(kiosk);
    hold_finger(app, 0.005f, 0.005f, 3000);
    tap_pin(app, STAFF_PIN);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_STAFF);
    gt_test_tap(app, GT_ACT_SETTINGS);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_SETTINGS);
    gt_test_tap(app, GT_ACT_BACK);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_STAFF);
    gt_test_tap(app, GT_ACT_STAFF_STUDENTS);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_STUDENTS);
    hold_finger(app, 0.005f, 0.995f, 3000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_STAFF);
    gt_test_tap(app, GT_ACT_STAFF_LESSONS);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    hold_finger(app, 0.995f, 0.995f, 3000);
    gt_test_tap(app, GT_ACT_STAFF_LOCK);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    hold_finger(app, 0.995f, 0.995f, 3000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PIN);
    gt_app_close(app);
}

/* Two minutes untouched (the default) sign the student out and start the attract screen, which
 * moves from one lesson's demonstration to the next; a touch brings the lesson list, as a guest. */
static void test_idle_signs_out_and_attracts_until_a_touch(void **state) {
    (void)state;
    const char *kiosk[] = { "--kiosk", "--student", "Anna", "--mode", "practice", NULL };
    GtApp *app = open_with(kiosk);
    assert_true(gt_app_session(app)->student_id > 0);
    run_for(app, 119000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    gt_test_push_key(SDLK_DOWN); /* any input starts the two minutes again */
    run_for(app, 119000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    run_for(app, 1100);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_ATTRACT);
    assert_int_equal(s->student_id, 0);
    assert_non_null(s->lesson);
    const char *first = s->lesson->id;
    double t0 = 0, t1 = 0;
    assert_true(gt_replay_time_span(&s->reference, &t0, &t1));
    run_for(app, (Uint32)t1 + 2000);
    assert_string_not_equal(gt_app_session(app)->lesson->id, first);
    assert_true(gt_session_animating(gt_app_session(app), gt_app_now(app))); /* so the real loop draws it moving */
    gt_test_tap(app, GT_ACT_WAKE);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
    assert_null(gt_app_session(app)->lesson);
    gt_app_close(app);
}

/* A hand resting on the body during an attempt is not idleness (here with a 10 s timeout from
 * the command line); once it lifts, the timeout throws the attempt away and signs out. */
static void test_a_resting_hand_is_not_idle(void **state) {
    (void)state;
    const char *kiosk[] = { "--kiosk", "--student", "Anna", "--mode", "practice", "--idle-timeout-s", "10", NULL };
    GtApp *app = open_with(kiosk);
    gt_test_tap(app, GT_ACT_LESSON_BASE);
    gt_test_tap(app, GT_ACT_START);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
    const GtHit *trace = gt_hits_find(gt_app_hits(app), GT_HIT_TRACE);
    assert_non_null(trace);
    int ow = 0, oh = 0;
    gt_app_sizes(app, NULL, NULL, &ow, &oh);
    float x = (float)(trace->rect.x + trace->rect.w / 2) / ow, y = (float)(trace->rect.y + trace->rect.h / 2) / oh;
    gt_test_push_finger(SDL_FINGERDOWN, 4, x, y);
    run_for(app, 15000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
    gt_test_push_finger(SDL_FINGERUP, 4, x, y);
    run_for(app, 9000);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
    run_for(app, 1100);
    assert_int_equal(gt_app_session(app)->student_id, 0);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_ATTRACT);
    assert_false(gt_app_session(app)->input && gt_session_recording(gt_app_session(app)));
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_closing_is_refused_without_the_pin, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_long_press_in_a_corner_opens_the_pin_pad, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_wrong_pins_wait_and_the_right_one_lets_staff_close, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_staff_stay_until_they_lock, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_idle_signs_out_and_attracts_until_a_touch, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_resting_hand_is_not_idle, gt_test_fresh_home, gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
