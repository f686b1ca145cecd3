/* Settings and the student picker on the trainer, driven through SDL's event queue as a
 * student's hands would (SDL's dummy drivers, a virtual clock, no sleeps), and read from what the
 * last frame drew and what the session holds:
 * - the lesson list's Settings button opens the settings; Larger text makes the drawn words
 *   taller and the buttons bigger, at once;
 * - with larger text at 1280x800 (right- and left-handed) the lesson list, every lesson's intro,
 *   practice and a result, the settings and the picker lay out with no text cut, outside the
 *   window, or over another text;
 * - high contrast changes the palette to one whose text colours are all >= 7:1;
 * - left-handed moves the gauge's hit area (GT_HIT_SLIDER) to the panel's left edge, and a
 *   finger dragged on it there still sets the pressure (and traces nothing);
 * - a student's settings are saved as JSON with their name, and come back when they sign out
 *   and in again and when the trainer is opened again on the same data folder; a guest's are
 *   not saved and end when someone signs in; a save that fails (a full disk) says so on screen;
 * - with 40 students every name is reached by tapping More (and back with Up), and tapping it
 *   signs that student in; the wheel and the arrow keys turn the pages too. */
#define _XOPEN_SOURCE 700 /* nftw, setenv */
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "fault_vfs.h"
#include "settings_session.h"
#include "store_fixture.h"
#include "students.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- driving the trainer ---- */

/* Opens the trainer at 1280x800 on a virtual clock that never ends by itself, with `student`
 * signed in (NULL: a guest) and `extra` options (NULL-terminated, or NULL) after the rest. */
static GtApp *open_app(const char *student, const char *const *extra) {
    const char *argv[20] = { "--window", "1280x800", "--mute", "--frames", "100000000" };
    int argc = 5;
    if (student) {
        argv[argc++] = "--student";
        argv[argc++] = student;
    }
    for (int i = 0; extra && extra[i] && argc < 20; i++) argv[argc++] = extra[i];
    return gt_test_open_app(argc, argv);
}

/* The label of the settings screen's row for `action` ("Larger text: On"). */
static const char *row_label(GtApp *app, int action) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), action);
    assert_non_null(hit);
    return hit->label;
}

/* The database file under the test's home. */
static const char *db_path(void) {
    static char path[400];
    snprintf(path, sizeof path, "%s/guidedtouch/progress.db", gt_test_home);
    return path;
}

/* The settings JSON the database holds for the student called `name`. */
static void saved_settings(const char *name, char *out, size_t size) {
    char sql[300];
    snprintf(sql, sizeof sql, "SELECT settings_json FROM students WHERE name = '%s'", name);
    gt_fixture_sql_text(db_path(), sql, out, size);
}

/* ---- the settings screen and larger text ---- */

static void test_larger_text_makes_the_words_taller_at_once(void **state) {
    (void)state;
    GtApp *app = open_app(NULL, NULL);
    int subtitle_h = gt_test_shown(app, "Massage stroke trainer")->rect.h;
    gt_test_tap(app, GT_ACT_SETTINGS);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_SETTINGS);
    assert_string_equal(row_label(app, GT_ACT_SET_LARGE_TEXT), "Larger text: Off");
    int words_h = gt_test_shown(app, "High contrast")->rect.h;
    int back_h = gt_hits_find_action(gt_app_hits(app), GT_ACT_BACK)->rect.h;
    assert_non_null(gt_test_shown(app, "Off"));
    gt_test_tap(app, GT_ACT_SET_LARGE_TEXT);
    assert_string_equal(row_label(app, GT_ACT_SET_LARGE_TEXT), "Larger text: On");
    assert_non_null(gt_test_shown(app, "On")); /* the state in words, beside the switch */
    int larger_h = gt_test_shown(app, "High contrast")->rect.h;
    assert_true(larger_h * 100 >= words_h * 120); /* about a third taller */
    assert_true(gt_hits_find_action(gt_app_hits(app), GT_ACT_BACK)->rect.h * 100 >= back_h * 120);
    gt_test_tap(app, GT_ACT_BACK); /* the lesson list's words are larger too */
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_true(gt_test_shown(app, "Massage stroke trainer")->rect.h * 100 >= subtitle_h * 120);
    gt_app_close(app);
}

/* Fails when a text of the last frame is cut, runs out of the window, or lies over another. */
static void expect_texts_clear(GtApp *app, const char *where) {
    const GtUi *ui = &app->ui;
    SDL_Rect window = { 0, 0, ui->width, ui->height };
    for (int i = 0; i < ui->drawn_count; i++) {
        const GtDrawnText *a = &ui->drawn[i];
        SDL_Rect inside;
        if (a->cut) fail_msg("%s: \"%s\" is cut", where, a->text);
        if (!SDL_IntersectRect(&a->rect, &window, &inside) || !SDL_RectEquals(&inside, &a->rect))
            fail_msg("%s: \"%s\" runs out of the window", where, a->text);
        /* words side by side need a little space between them (3 px); glyph boxes carry a little
         * air above and below, so lines may touch by a few pixels */
        SDL_Rect spaced = { a->rect.x - 3, a->rect.y, a->rect.w + 6, a->rect.h };
        for (int j = i + 1; j < ui->drawn_count; j++) {
            SDL_Rect both;
            if (SDL_IntersectRect(&spaced, &ui->drawn[j].rect, &both) && both.h > 4)
                fail_msg("%s: \"%s\" lies over \"%s\"", where, a->text, ui->drawn[j].text);
        }
    }
}

/* A stroke down the middle of the tracing area by finger 3, taken in one turn. */
static void trace_stroke(GtApp *app) {
    const GtHit *trace = gt_hits_find(gt_app_hits(app), GT_HIT_TRACE);
    assert_non_null(trace);
    int x = trace->rect.x + trace->rect.w / 2, y0 = trace->rect.y + trace->rect.h / 3;
    for (int k = 0; k <= 5; k++)
        gt_test_finger_px(app, k == 0 ? SDL_FINGERDOWN : k == 5 ? SDL_FINGERUP : SDL_FINGERMOTION, 3, x,
                    y0 + k * trace->rect.h / 20);
    assert_true(gt_app_frame(app));
}

/* Walks the lesson list, every lesson's intro, its first step's practice and a result with
 * `extra` options, checking each screen's texts are clear; `how` names the options. */
static void walk_lessons(const char *const *extra, const char *how) {
    GtApp *app = open_app(NULL, extra);
    const GtSession *s = gt_app_session(app);
    assert_true(app->ui.large_text);
    char where[200];
    for (size_t i = 0; i < app->library.lesson_count; i++) {
        while (gt_app_act(app, GT_ACT_SCROLL_UP)) {}
        for (int pages = 0; !gt_hits_find_action(gt_app_hits(app), GT_ACT_LESSON_BASE + (int)i) && pages < 20; pages++)
            gt_test_tap(app, GT_ACT_SCROLL_DOWN);
        snprintf(where, sizeof where, "the lesson list (%s)", how);
        expect_texts_clear(app, where);
        gt_test_tap(app, GT_ACT_LESSON_BASE + (int)i);
        snprintf(where, sizeof where, "the intro of %s (%s)", s->lesson->id, how);
        expect_texts_clear(app, where);
        gt_test_tap(app, GT_ACT_START);
        assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
        snprintf(where, sizeof where, "practice on %s (%s)", s->lesson->id, how);
        expect_texts_clear(app, where);
        trace_stroke(app);
        gt_test_tap(app, GT_ACT_DONE);
        assert_int_equal(s->screen, GT_SCREEN_RESULT);
        snprintf(where, sizeof where, "the result on %s (%s)", s->lesson->id, how);
        expect_texts_clear(app, where);
        assert_true(gt_app_act(app, GT_ACT_HOME));
        assert_true(gt_app_frame(app));
    }
    gt_test_tap(app, GT_ACT_SETTINGS);
    snprintf(where, sizeof where, "the settings (%s)", how);
    expect_texts_clear(app, where);
    gt_test_tap(app, GT_ACT_BACK);
    gt_test_tap(app, GT_ACT_STUDENTS);
    snprintf(where, sizeof where, "who is practising (%s)", how);
    expect_texts_clear(app, where);
    gt_app_close(app);
}

static void test_larger_text_lays_every_screen_out_clear(void **state) {
    (void)state;
    const char *right[] = { "--large-text", "--mode", "practice", NULL };
    walk_lessons(right, "larger text");
    const char *left[] = { "--large-text", "--left-handed", "--high-contrast", "--mode", "practice", NULL };
    walk_lessons(left, "larger text, left-handed, high contrast");
}

/* ---- high contrast ---- */

/* WCAG's relative luminance of a colour. */
static double luminance(SDL_Color c) {
    double ch[3] = { c.r / 255.0, c.g / 255.0, c.b / 255.0 };
    for (int i = 0; i < 3; i++) ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

/* WCAG's contrast ratio of two colours (1 to 21). */
static double contrast(SDL_Color a, SDL_Color b) {
    double la = luminance(a), lb = luminance(b);
    return (fmax(la, lb) + 0.05) / (fmin(la, lb) + 0.05);
}

static void test_high_contrast_changes_the_palette(void **state) {
    (void)state;
    GtApp *app = open_app(NULL, NULL);
    gt_test_tap(app, GT_ACT_SETTINGS);
    const GtUi *ui = &app->ui;
    SDL_Color text = gt_ui_colour(ui, GT_COL_TEXT), panel = gt_ui_colour(ui, GT_COL_PANEL);
    double usual = contrast(text, panel);
    assert_string_equal(row_label(app, GT_ACT_SET_HIGH_CONTRAST), "High contrast: Off");
    gt_test_tap(app, GT_ACT_SET_HIGH_CONTRAST);
    assert_string_equal(row_label(app, GT_ACT_SET_HIGH_CONTRAST), "High contrast: On");
    assert_true(ui->high_contrast);
    assert_true(contrast(gt_ui_colour(ui, GT_COL_TEXT), gt_ui_colour(ui, GT_COL_PANEL)) > usual);
    SDL_Color text_now = gt_ui_colour(ui, GT_COL_TEXT);
    assert_memory_not_equal(&text, &text_now, sizeof text);
    /* every text colour on the panel and the background, and the words on the filled buttons
     * and on a failure's banner, at least 7:1 */
    static const GtColour TEXTS[] = { GT_COL_TEXT, GT_COL_MUTED, GT_COL_GOOD_TEXT, GT_COL_BAD_TEXT };
    for (size_t i = 0; i < sizeof TEXTS / sizeof TEXTS[0]; i++) {
        assert_true(contrast(gt_ui_colour(ui, TEXTS[i]), gt_ui_colour(ui, GT_COL_PANEL)) >= 7.0);
        assert_true(contrast(gt_ui_colour(ui, TEXTS[i]), gt_ui_colour(ui, GT_COL_BACKGROUND)) >= 7.0);
    }
    assert_true(contrast(gt_ui_colour(ui, GT_COL_ACCENT_TEXT), gt_ui_colour(ui, GT_COL_ACCENT)) >= 7.0);
    assert_true(contrast(gt_ui_colour(ui, GT_COL_ACCENT_TEXT), gt_ui_colour(ui, GT_COL_BAD)) >= 7.0);
    /* the guide stands out on the page and differs from the places to avoid */
    assert_true(contrast(gt_ui_colour(ui, GT_COL_GUIDE), gt_ui_colour(ui, GT_COL_PANEL)) >= 4.5);
    SDL_Color guide = gt_ui_colour(ui, GT_COL_GUIDE), avoid = gt_ui_colour(ui, GT_COL_AVOID);
    assert_memory_not_equal(&guide, &avoid, sizeof guide);
    gt_test_tap(app, GT_ACT_SET_HIGH_CONTRAST); /* and back */
    assert_false(ui->high_contrast);
    assert_true(fabs(contrast(gt_ui_colour(ui, GT_COL_TEXT), gt_ui_colour(ui, GT_COL_PANEL)) - usual) < 1e-9);
    gt_app_close(app);
}

/* ---- left-handed ---- */

/* Reaches the practice screen of the first lesson's first step from the lesson list by taps. */
static void tap_to_practice(GtApp *app) {
    gt_test_tap(app, GT_ACT_LESSON_BASE + 0);
    gt_test_tap(app, GT_ACT_START);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
}

/* The gauge's hit area on the practice screen. */
static SDL_Rect slider_rect(GtApp *app) {
    const GtHit *slider = gt_hits_find(gt_app_hits(app), GT_HIT_SLIDER);
    assert_non_null(slider);
    return slider->rect;
}

static void test_left_handed_moves_the_gauge_and_it_still_sets_the_pressure(void **state) {
    (void)state;
    const char *extra[] = { "--mode", "practice", NULL };
    GtApp *app = open_app(NULL, extra);
    tap_to_practice(app);
    SDL_Rect panel = app->screens.frame.panel, right = slider_rect(app);
    assert_true(right.x > panel.x + panel.w / 2); /* the usual: at the panel's right edge */
    assert_true(gt_app_act(app, GT_ACT_HOME));
    assert_true(gt_app_frame(app));
    gt_test_tap(app, GT_ACT_SETTINGS);
    gt_test_tap(app, GT_ACT_SET_LEFT_HANDED);
    assert_string_equal(row_label(app, GT_ACT_SET_LEFT_HANDED), "Left-handed layout: On");
    gt_test_tap(app, GT_ACT_BACK);
    tap_to_practice(app);
    SDL_Rect left = slider_rect(app), trace = gt_hits_find(gt_app_hits(app), GT_HIT_TRACE)->rect;
    assert_true(left.x + left.w < panel.x + panel.w / 2);  /* now at the panel's left edge ... */
    assert_true(left.x >= trace.x + trace.w);              /* ... still beside the body, not on it */
    assert_int_equal(left.w, right.w);
    assert_int_equal(left.h, right.h);
    /* the words moved over, clear of the gauge */
    const GtDrawnText *words = gt_test_shown(app, "Mouse: wheel or keys");
    assert_true(words->rect.x >= left.x + left.w);
    /* a finger dragged on the gauge where it is now sets the level (top 10, bottom 0) */
    int x = left.x + left.w / 2;
    gt_test_finger_px(app, SDL_FINGERDOWN, 9, x, left.y + left.h / 5);
    assert_true(gt_app_frame(app));
    GtInputLive live = gt_input_live(app->input, gt_app_now(app));
    assert_int_equal(live.source, GT_PRESSURE_SLIDER);
    assert_true(fabs(live.level - 8.0) < 0.1);
    gt_test_finger_px(app, SDL_FINGERMOTION, 9, x, left.y + left.h * 7 / 10);
    assert_true(gt_app_frame(app));
    assert_true(fabs(gt_input_live(app->input, gt_app_now(app)).level - 3.0) < 0.1);
    gt_test_finger_px(app, SDL_FINGERUP, 9, x, left.y + left.h * 7 / 10);
    assert_true(gt_app_frame(app));
    assert_int_equal(gt_input_attempt(app->input)->contact_count, 0); /* the gauge traces nothing */
    /* where the gauge was, a finger now does not move it */
    gt_test_finger_px(app, SDL_FINGERDOWN, 10, right.x + right.w / 2, right.y + right.h / 5);
    assert_true(gt_app_frame(app));
    gt_test_finger_px(app, SDL_FINGERUP, 10, right.x + right.w / 2, right.y + right.h / 5);
    assert_true(gt_app_frame(app));
    assert_true(fabs(gt_input_live(app->input, gt_app_now(app)).level - 3.0) < 0.1);
    gt_app_close(app);
}

/* ---- remembered per student ---- */

/* Sets everything away from the machine's settings on the settings screen, by taps. */
static void change_everything(GtApp *app) {
    gt_test_tap(app, GT_ACT_SETTINGS);
    gt_test_tap(app, GT_ACT_SET_SOUND);
    gt_test_tap(app, GT_ACT_SET_LARGE_TEXT);
    gt_test_tap(app, GT_ACT_SET_HIGH_CONTRAST);
    gt_test_tap(app, GT_ACT_SET_LEFT_HANDED);
    gt_test_tap(app, GT_ACT_DEFAULT_EXAM);
    gt_test_tap(app, GT_ACT_BACK);
}

/* Asserts the settings in force (and on the ui and the frame) are all changed, or all the
 * machine's (--mute, learn mode). */
static void expect_settings(GtApp *app, bool changed) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->muted, !changed);
    assert_int_equal(s->large_text, changed);
    assert_int_equal(s->high_contrast, changed);
    assert_int_equal(s->left_handed, changed);
    assert_int_equal(s->mode, changed ? GT_MODE_EXAM : GT_MODE_LEARN);
    assert_int_equal(app->ui.large_text, changed);
    assert_int_equal(app->ui.high_contrast, changed);
    assert_int_equal(app->screens.left_handed, changed);
    assert_int_equal(app->audio.muted, !changed);
}

/* Signs in as the student listed at `index` by taps on "Who is practising?". */
static void tap_name(GtApp *app, int index) {
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_STUDENT_BASE + index);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_HOME);
}

static void test_a_student_s_settings_come_back_when_they_sign_in_again(void **state) {
    (void)state;
    GtApp *app = open_app("Anna Lee", NULL);
    const GtSession *s = gt_app_session(app);
    expect_settings(app, false);
    change_everything(app);
    expect_settings(app, true);
    char json[256];
    saved_settings("Anna Lee", json, sizeof json);
    assert_string_equal(json, "{\"mute\":false,\"large_text\":true,\"high_contrast\":true,\"left_handed\":true,"
                              "\"mode\":\"exam\",\"skin_tone\":\"light\"}");
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_GUEST); /* signed out: the machine's settings */
    assert_int_equal(s->student_id, 0);
    expect_settings(app, false);
    tap_name(app, 0);
    assert_string_equal(s->student_name, "Anna Lee");
    expect_settings(app, true);
    gt_app_close(app);
    app = open_app("Anna Lee", NULL); /* the trainer again on the same data folder */
    expect_settings(app, true);
    gt_test_tap(app, GT_ACT_SETTINGS);
    assert_non_null(gt_test_shown(app, "For Anna Lee"));
    assert_string_equal(row_label(app, GT_ACT_SET_SOUND), "Sound: On");
    assert_string_equal(row_label(app, GT_ACT_SET_LEFT_HANDED), "Left-handed layout: On");
    gt_app_close(app);
}

static void test_a_guest_s_settings_are_not_saved(void **state) {
    (void)state;
    gt_app_close(open_app("Ben Okafor", NULL));
    GtApp *app = open_app(NULL, NULL);
    change_everything(app);
    expect_settings(app, true); /* in force for the guest now ... */
    gt_test_tap(app, GT_ACT_SETTINGS);
    assert_non_null(gt_test_shown(app, "A guest's settings last until someone signs in or out."));
    gt_test_tap(app, GT_ACT_BACK);
    char json[256];
    saved_settings("Ben Okafor", json, sizeof json);
    assert_string_equal(json, "{}"); /* ... saved for nobody */
    assert_int_equal(gt_fixture_sql_number(db_path(), "SELECT count(*) FROM students WHERE settings_json <> '{}'"), 0);
    tap_name(app, 0); /* Ben signs in: his (the machine's) settings */
    expect_settings(app, false);
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_GUEST); /* and the guest's changes are gone */
    expect_settings(app, false);
    gt_app_close(app);
}

/* Disarms the fault-injecting file system, then removes the test's home. */
static int remove_home(void **state) {
    gt_fault_vfs_disarm();
    return gt_test_remove_home(state);
}

static void test_a_failed_save_says_so_on_screen(void **state) {
    (void)state;
    assert_true(gt_fault_vfs_install());
    GtApp *app = open_app("Anna Lee", NULL);
    const GtSession *s = gt_app_session(app);
    gt_test_tap(app, GT_ACT_SETTINGS);
    gt_fault_vfs_arm(GT_FAULT_DISK_FULL, 0); /* from now on every write fails */
    gt_test_tap(app, GT_ACT_SET_LARGE_TEXT);
    assert_true(s->large_text); /* in force for now, whatever the disk */
    assert_non_null(strstr(s->notice, "Your settings could not be saved: "));
    assert_non_null(strstr(s->notice, "the disk is full"));
    assert_non_null(gt_test_shown(app, "Your settings could not be saved"));
    gt_fault_vfs_disarm();
    gt_test_tap(app, GT_ACT_SET_HIGH_CONTRAST); /* the disk has room again: saved, and the message goes */
    assert_string_equal(s->notice, "");
    assert_null(gt_ui_drawn(&app->ui, "could not be saved"));
    char json[256];
    saved_settings("Anna Lee", json, sizeof json);
    assert_non_null(strstr(json, "\"large_text\":true,\"high_contrast\":true"));
    gt_app_close(app);
}

/* ---- the picker with a class of 40 ---- */

enum { CLASS = 40 };

/* Adds CLASS students ("Student 01" ...) to the database under the test's home. */
static void add_class(void) {
    char error[GT_DB_ERROR_MAX], name[32];
    gt_app_close(open_app(NULL, NULL)); /* makes the folder and the database */
    GtProgressDb *db = gt_progress_db_open(db_path(), error, sizeof error);
    assert_non_null(db);
    for (int i = 1; i <= CLASS; i++) {
        snprintf(name, sizeof name, "Student %02d", i);
        assert_true(gt_students_add(db, name, false, NULL, error, sizeof error));
    }
    gt_progress_db_close(db);
}

/* The index of the student button showing `name`, or -1 when that name is not on the page. */
static int name_on_page(GtApp *app, const char *name) {
    const GtHitMap *hits = gt_app_hits(app);
    for (int i = 0; i < hits->count; i++)
        if (hits->hits[i].action >= GT_ACT_STUDENT_BASE && hits->hits[i].action < GT_ACT_KEY_BASE &&
            strcmp(hits->hits[i].label, name) == 0)
            return hits->hits[i].action - GT_ACT_STUDENT_BASE;
    return -1;
}

static void test_every_one_of_40_names_is_reached_and_signs_in(void **state) {
    (void)state;
    add_class();
    GtApp *app = open_app(NULL, NULL);
    const GtSession *s = gt_app_session(app);
    char name[32];
    for (int i = 1; i <= CLASS; i++) {
        snprintf(name, sizeof name, "Student %02d", i);
        gt_test_tap(app, GT_ACT_STUDENTS);
        assert_int_equal(s->students.count, CLASS);
        assert_int_equal(s->picker_page, 0); /* the picker opens on its first page */
        int more = 0;
        while (name_on_page(app, name) < 0) {
            if (more > CLASS) fail_msg("%s is never shown", name);
            gt_test_tap(app, GT_ACT_SCROLL_DOWN);
            more++;
        }
        assert_non_null(gt_test_shown(app, name));
        if (i == CLASS) { /* from the last page, Up goes back to the first */
            assert_true(more >= 1);
            assert_non_null(gt_test_shown(app, "of 40"));
            for (int k = 0; k < more; k++) gt_test_tap(app, GT_ACT_SCROLL_UP);
            assert_int_equal(s->picker_page, 0);
            assert_true(name_on_page(app, "Student 01") >= 0);
            for (int k = 0; k < more; k++) gt_test_tap(app, GT_ACT_SCROLL_DOWN);
        }
        gt_test_tap(app, GT_ACT_STUDENT_BASE + name_on_page(app, name));
        assert_int_equal(s->screen, GT_SCREEN_HOME);
        assert_string_equal(s->student_name, name);
    }
    /* the wheel and the arrow keys turn the pages too */
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_push_wheel(-1); /* towards the student: further down the list */
    assert_true(gt_app_frame(app));
    assert_int_equal(s->picker_page, 1);
    assert_int_equal(name_on_page(app, "Student 01"), -1);
    gt_test_push_key(SDLK_UP);
    assert_true(gt_app_frame(app));
    assert_int_equal(s->picker_page, 0);
    assert_true(name_on_page(app, "Student 01") >= 0);
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_larger_text_makes_the_words_taller_at_once, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_larger_text_lays_every_screen_out_clear, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_high_contrast_changes_the_palette, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_left_handed_moves_the_gauge_and_it_still_sets_the_pressure,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_student_s_settings_come_back_when_they_sign_in_again,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_guest_s_settings_are_not_saved, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_failed_save_says_so_on_screen, gt_test_fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_every_one_of_40_names_is_reached_and_signs_in, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
