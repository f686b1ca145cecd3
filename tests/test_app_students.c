/* Students on the trainer, driven through SDL's event queue as a kiosk's hands would: the home
 * screen's name button opens "Who is practising?"; a student adds their name on the on-screen
 * keyboard by taps (and by the physical keys), is signed in and their attempts are kept; a name
 * already taken is refused on screen; tapping a listed name signs that student in; a guest is
 * signed in as nobody. Virtual clock, no sleeps. */
#define _XOPEN_SOURCE 700 /* nftw, setenv */
#include "test_support.h"
#include "app_driver.h"
#include "temp_home.h"
#include "app.h"
#include "hits.h"
#include "session.h"
#include "students.h"

#include <SDL.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Opens the trainer on a virtual clock that never ends by itself, with `student` signed in
 * (NULL: a guest). */
static GtApp *open_app(const char *student) {
    const char *argv[] = { "--window", "1280x800", "--mute", "--frames", "100000000", "--student", student };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, student ? 7 : 5, (char **)argv, &code);
    assert_non_null(app);
    assert_true(gt_app_frame(app));
    return app;
}

/* Clicks the button with `action` with the mouse (both events in one turn). */
static void click(GtApp *app, int action) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), action);
    if (!hit) fail_msg("no button for action %d on screen %d", action, gt_app_session(app)->screen);
    int ww = 0, wh = 0, ow = 0, oh = 0;
    gt_app_sizes(app, &ww, &wh, &ow, &oh);
    SDL_Event e;
    SDL_zero(e);
    e.button.button = SDL_BUTTON_LEFT;
    e.button.clicks = 1;
    e.button.x = (int)((hit->rect.x + hit->rect.w / 2 + 0.5) * ww / ow);
    e.button.y = (int)((hit->rect.y + hit->rect.h / 2 + 0.5) * wh / oh);
    e.type = SDL_MOUSEBUTTONDOWN;
    e.button.state = SDL_PRESSED;
    assert_int_equal(SDL_PushEvent(&e), 1);
    e.type = SDL_MOUSEBUTTONUP;
    e.button.state = SDL_RELEASED;
    assert_int_equal(SDL_PushEvent(&e), 1);
    assert_true(gt_app_frame(app));
}

/* Presses a physical key. */
static void key(GtApp *app, SDL_Keycode sym) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = sym;
    assert_int_equal(SDL_PushEvent(&e), 1);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    assert_int_equal(SDL_PushEvent(&e), 1);
    assert_true(gt_app_frame(app));
}

/* The label of the home screen's name button. */
static const char *name_button(GtApp *app) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), GT_ACT_STUDENTS);
    assert_non_null(hit);
    return hit->label;
}

static void test_a_new_student_adds_their_name_by_taps_and_keys(void **state) {
    (void)state;
    GtApp *app = open_app(NULL);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->student_id, 0);
    assert_string_equal(name_button(app), "Guest: pick your name");
    gt_test_tap(app, GT_ACT_STUDENTS);
    assert_int_equal(s->screen, GT_SCREEN_STUDENTS);
    click(app, GT_ACT_ADD_STUDENT);
    assert_int_equal(s->screen, GT_SCREEN_NAME);
    /* "zoë" cannot be typed on the keyboard; "Zoe O'Neil-Park" can: taps and the physical keys */
    gt_test_tap(app, GT_ACT_KEY_BASE + 'Z');
    gt_test_tap(app, GT_ACT_KEY_BASE + 'O');
    key(app, SDLK_e);
    key(app, SDLK_SPACE);
    gt_test_tap(app, GT_ACT_KEY_BASE + 'O');
    gt_test_tap(app, GT_ACT_KEY_BASE + '\'');
    key(app, SDLK_n);
    key(app, SDLK_m); /* types m (here M is no sound toggle) ... */
    assert_string_equal(s->typed_name, "Zoe O'nm");
    key(app, SDLK_BACKSPACE); /* ... and is taken back */
    gt_test_tap(app, GT_ACT_KEY_BASE + 'E');
    click(app, GT_ACT_KEY_BASE + 'I');
    gt_test_tap(app, GT_ACT_KEY_BASE + 'L');
    gt_test_tap(app, GT_ACT_KEY_BASE + '-');
    for (const char *p = "PARK"; *p; p++) gt_test_tap(app, GT_ACT_KEY_BASE + *p);
    assert_string_equal(s->typed_name, "Zoe O'neil-Park");
    gt_test_tap(app, GT_ACT_NAME_OK);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_true(s->student_id > 0);
    assert_string_equal(s->student_name, "Zoe O'neil-Park");
    assert_string_equal(name_button(app), "Student: Zoe O'neil-Park");
    gt_app_close(app);
}

static void test_a_taken_name_is_refused_on_screen(void **state) {
    (void)state;
    GtApp *app = open_app("Anna Lee");
    const GtSession *s = gt_app_session(app);
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_ADD_STUDENT);
    for (const char *p = "ANNA"; *p; p++) gt_test_tap(app, GT_ACT_KEY_BASE + *p);
    gt_test_tap(app, GT_ACT_KEY_SPACE);
    for (const char *p = "LEE"; *p; p++) gt_test_tap(app, GT_ACT_KEY_BASE + *p);
    key(app, SDLK_RETURN);
    assert_int_equal(s->screen, GT_SCREEN_NAME); /* the keyboard stays, saying why */
    assert_string_equal(s->name_problem, "There is already a student called Anna Lee");
    gt_test_tap(app, GT_ACT_KEY_BACKSPACE);
    assert_string_equal(s->name_problem, "");
    key(app, SDLK_ESCAPE); /* Back: to the names */
    assert_int_equal(s->screen, GT_SCREEN_STUDENTS);
    gt_app_close(app);
}

static void test_a_listed_name_signs_in_and_a_guest_signs_out(void **state) {
    (void)state;
    gt_app_close(open_app("Ben Okafor"));
    GtApp *app = open_app("Anna Lee");
    const GtSession *s = gt_app_session(app);
    int64_t anna = s->student_id;
    gt_test_tap(app, GT_ACT_STUDENTS);
    assert_int_equal(s->students.count, 2);
    assert_string_equal(s->students.items[1].name, "Ben Okafor"); /* by name */
    const GtHit *ben = gt_hits_find_action(gt_app_hits(app), GT_ACT_STUDENT_BASE + 1);
    assert_non_null(ben);
    assert_string_equal(ben->label, "Ben Okafor");
    gt_test_tap(app, GT_ACT_STUDENT_BASE + 1);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_string_equal(s->student_name, "Ben Okafor");
    assert_true(s->student_id != anna);
    click(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_GUEST);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_int_equal(s->student_id, 0);
    assert_string_equal(name_button(app), "Guest: pick your name");
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_new_student_adds_their_name_by_taps_and_keys, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_taken_name_is_refused_on_screen, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_listed_name_signs_in_and_a_guest_signs_out, gt_test_fresh_home, gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
