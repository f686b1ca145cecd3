/* The figure's skin tone on the trainer, driven through SDL's event queue as a student's hands
 * would (SDL's dummy drivers, a virtual clock, no sleeps), and read from the pixels drawn:
 * - tapping a tone's swatch on the Settings screen repaints the preview of the figure in that
 *   tone at once, says the tone in words, and the practice screen's figure is in it too;
 * - a student's tone is saved with their name and comes back when they sign out and in again,
 *   and when the trainer is opened again; a guest gets the machine's tone;
 * - the configuration's skin_tone (file or --skin-tone) is the guests' tone and the one a
 *   student starts from;
 * - an unknown tone in the configuration file is a located error with "did you mean" on screen,
 *   and the trainer still starts, in the default tone. */
#define _XOPEN_SOURCE 700 /* setenv */
#include "test_support.h"
#include "app_driver.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "frame_damage.h"
#include "skin_tones.h"
#include "store_fixture.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* ---- driving the trainer ---- */

/* Opens the trainer at 1280x800 in practice mode on a virtual clock that never ends by itself,
 * with `student` signed in (NULL: a guest) and `extra` options (NULL-terminated, or NULL) after
 * the rest. */
static GtApp *open_app(const char *student, const char *const *extra) {
    const char *argv[20] = { "--window", "1280x800", "--frames", "100000000", "--mode", "practice" };
    int argc = 6;
    if (student) {
        argv[argc++] = "--student";
        argv[argc++] = student;
    }
    for (int i = 0; extra && extra[i] && argc < 20; i++) argv[argc++] = extra[i];
    return gt_test_open_app(argc, argv);
}

/* Writes the user's configuration file (under the test's home) with `body` after the format
 * line. */
static void write_config(const char *body) {
    char path[400];
    snprintf(path, sizeof path, "%s/guidedtouch", gt_test_home);
    mkdir(path, 0700);
    snprintf(path, sizeof path, "%s/guidedtouch/config.json", gt_test_home);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "{\n  \"format\": \"guidedtouch-config\", \"version\": 1,\n%s\n}\n", body);
    fclose(f);
}

/* The settings JSON the database holds for the student called `name`. */
static void saved_settings(const char *name, char *out, size_t size) {
    char sql[300], db[400];
    snprintf(db, sizeof db, "%s/guidedtouch/progress.db", gt_test_home);
    snprintf(sql, sizeof sql, "SELECT settings_json FROM students WHERE name = '%s'", name);
    gt_fixture_sql_text(db, sql, out, size);
}

/* ---- what the figure looks like ---- */

/* Draws the screen showing now and reads back the pixels (ARGB8888) of `r`; the caller frees. */
static SDL_Surface *frame_pixels(GtApp *app, SDL_Rect r) {
    GtScreenContext c = { &app->screens, &app->ui, app->views, &app->session, &app->library, &app->progress,
                          app->input, app->router.pressed_action };
    gt_screens_draw(&c, &app->hits, gt_app_now(app));
    gt_ui_end_frame(&app->ui);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, r.w, r.h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    assert_int_equal(SDL_RenderReadPixels(app->renderer, &r, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch), 0);
    return s;
}

/* The colour of `tone` as the art paints it. */
static SDL_Color tone_colour(GtApp *app, GtSkinTone tone) {
    SDL_Color colour = { 0, 0, 0, 0 };
    assert_true(gt_bodyview_skin_colour(&app->views[GT_VIEW_ANTERIOR], GT_SKIN_TONE_NAMES[tone], &colour));
    return colour;
}

/* The share of the pixels of `r` (drawn now) painted in each tone: those whose nearest tone's
 * colour is within 24 levels (Euclidean, in RGB) of them. */
static void tone_shares(GtApp *app, SDL_Rect r, double share[GT_SKIN_TONE_COUNT]) {
    SDL_Color tones[GT_SKIN_TONE_COUNT];
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) tones[t] = tone_colour(app, (GtSkinTone)t);
    SDL_Surface *s = frame_pixels(app, r);
    long near[GT_SKIN_TONE_COUNT] = { 0 }, total = 0;
    for (int y = 0; y < s->h; y += 2)
        for (int x = 0; x < s->w; x += 2, total++) {
            Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
            int best = -1, best_d2 = 24 * 24 + 1;
            for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) {
                int dr = (int)((p >> 16) & 0xFF) - tones[t].r, dg = (int)((p >> 8) & 0xFF) - tones[t].g;
                int db = (int)(p & 0xFF) - tones[t].b, d2 = dr * dr + dg * dg + db * db;
                if (d2 < best_d2) { best = t; best_d2 = d2; }
            }
            if (best >= 0) near[best]++;
        }
    SDL_FreeSurface(s);
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) share[t] = total ? (double)near[t] / (double)total : 0.0;
}

/* Asserts the figure drawn in `r` is in `tone`: a tenth of the area or more, and at least twice
 * times as much as any other tone (the outlines, drawn darker, come close to the next tone). */
static void expect_figure_in(GtApp *app, SDL_Rect r, GtSkinTone tone, const char *where) {
    double share[GT_SKIN_TONE_COUNT];
    tone_shares(app, r, share);
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) {
        if (t == (int)tone && share[t] < 0.10)
            fail_msg("%s: only %.1f %% of the figure is %s", where, 100 * share[t], GT_SKIN_TONE_NAMES[t]);
        if (t != (int)tone && share[t] * 2 > share[tone])
            fail_msg("%s: %.1f %% of the figure is %s and %.1f %% %s", where, 100 * share[t], GT_SKIN_TONE_NAMES[t],
                     100 * share[tone], GT_SKIN_TONE_NAMES[tone]);
    }
}

/* The figure's preview on the Settings screen (where it was last drawn). */
static SDL_Rect preview_rect(GtApp *app) {
    SDL_Rect r = app->views[GT_VIEW_ANTERIOR].rect;
    assert_true(r.w > 40 && r.h > 80); /* a figure a student can see, beside the settings */
    return r;
}

/* Opens the first lesson's first step to practise it, by taps from the lesson list, and checks
 * the figure there is in `tone`. */
static void expect_practice_in(GtApp *app, GtSkinTone tone) {
    gt_test_tap(app, GT_ACT_LESSON_BASE + 0);
    gt_test_tap(app, GT_ACT_START);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_PRACTICE);
    expect_figure_in(app, app->screens.frame.body_area, tone, "practice");
    assert_true(gt_app_act(app, GT_ACT_HOME));
    assert_true(gt_app_frame(app));
}

/* The tone the session holds, and the swatch labelled chosen for it. */
static void expect_chosen(GtApp *app, GtSkinTone tone) {
    assert_int_equal(gt_app_session(app)->skin_tone, tone);
    char label[GT_HIT_LABEL_MAX];
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) {
        const GtHit *hit = gt_hits_find_action(gt_app_hits(app), GT_ACT_SKIN_TONE + t);
        assert_non_null(hit);
        assert_true(hit->rect.w >= app->ui.touch && hit->rect.h >= app->ui.touch); /* a finger's size */
        snprintf(label, sizeof label, "Skin tone: %s%s", gt_tones_word((GtSkinTone)t),
                 t == (int)tone ? ", chosen" : "");
        assert_string_equal(hit->label, label);
    }
    char words[80];
    snprintf(words, sizeof words, "The figure is drawn in the %s tone.", GT_SKIN_TONE_NAMES[tone]);
    assert_non_null(gt_test_shown(app, words));
}

/* ---- the tests ---- */

static void test_a_tapped_tone_repaints_the_figure_at_once(void **state) {
    (void)state;
    GtApp *app = open_app(NULL, NULL);
    expect_practice_in(app, GT_SKIN_TONE_LIGHT); /* the usual */
    gt_test_tap(app, GT_ACT_SETTINGS);
    expect_chosen(app, GT_SKIN_TONE_LIGHT);
    expect_figure_in(app, preview_rect(app), GT_SKIN_TONE_LIGHT, "the preview before a tap");
    for (int t = GT_SKIN_TONE_COUNT - 1; t >= 0; t--) { /* each swatch, dark to light, and back to dark */
        gt_test_tap(app, GT_ACT_SKIN_TONE + t);
        expect_chosen(app, (GtSkinTone)t);
        expect_figure_in(app, preview_rect(app), (GtSkinTone)t, GT_SKIN_TONE_NAMES[t]);
    }
    gt_test_tap(app, GT_ACT_SKIN_TONE + GT_SKIN_TONE_DARK);
    expect_figure_in(app, preview_rect(app), GT_SKIN_TONE_DARK, "the preview after a tap on Dark");
    gt_test_tap(app, GT_ACT_BACK);
    expect_practice_in(app, GT_SKIN_TONE_DARK); /* the body map everywhere, not only the preview */
    gt_app_close(app);
}

static void test_a_student_s_tone_comes_back_when_they_sign_in_again(void **state) {
    (void)state;
    GtApp *app = open_app("Anna Lee", NULL);
    const GtSession *s = gt_app_session(app);
    gt_test_tap(app, GT_ACT_SETTINGS);
    gt_test_tap(app, GT_ACT_SKIN_TONE + GT_SKIN_TONE_MEDIUM_DARK);
    char json[256];
    saved_settings("Anna Lee", json, sizeof json);
    assert_non_null(strstr(json, "\"skin_tone\":\"medium-dark\""));
    gt_test_tap(app, GT_ACT_BACK);
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_GUEST); /* signed out: the machine's tone */
    assert_int_equal(s->student_id, 0);
    assert_int_equal(s->skin_tone, GT_SKIN_TONE_LIGHT);
    expect_practice_in(app, GT_SKIN_TONE_LIGHT);
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_STUDENT_BASE + 0); /* Anna again */
    assert_string_equal(s->student_name, "Anna Lee");
    expect_practice_in(app, GT_SKIN_TONE_MEDIUM_DARK);
    gt_test_tap(app, GT_ACT_SETTINGS);
    expect_chosen(app, GT_SKIN_TONE_MEDIUM_DARK);
    expect_figure_in(app, preview_rect(app), GT_SKIN_TONE_MEDIUM_DARK, "Anna's preview");
    gt_app_close(app);
    app = open_app("Anna Lee", NULL); /* the trainer again on the same data folder */
    expect_practice_in(app, GT_SKIN_TONE_MEDIUM_DARK);
    gt_app_close(app);
}

static void test_the_configured_tone_is_the_guests_and_a_new_student_s(void **state) {
    (void)state;
    write_config("  \"skin_tone\": \"dark\"");
    gt_app_close(open_app("Ben Okafor", NULL)); /* Ben has no settings of his own */
    GtApp *app = open_app(NULL, NULL);
    expect_practice_in(app, GT_SKIN_TONE_DARK);
    gt_test_tap(app, GT_ACT_SETTINGS);
    assert_non_null(gt_test_shown(app, "For a guest"));
    expect_chosen(app, GT_SKIN_TONE_DARK);
    gt_test_tap(app, GT_ACT_SKIN_TONE + GT_SKIN_TONE_MEDIUM); /* a guest's own choice, for now */
    gt_test_tap(app, GT_ACT_BACK);
    expect_practice_in(app, GT_SKIN_TONE_MEDIUM);
    gt_test_tap(app, GT_ACT_STUDENTS);
    gt_test_tap(app, GT_ACT_STUDENT_BASE + 0); /* Ben signs in: the machine's tone */
    assert_string_equal(gt_app_session(app)->student_name, "Ben Okafor");
    expect_practice_in(app, GT_SKIN_TONE_DARK);
    gt_app_close(app);
    const char *extra[] = { "--skin-tone", "light-medium", NULL }; /* the command line wins over the file */
    app = open_app(NULL, extra);
    expect_practice_in(app, GT_SKIN_TONE_LIGHT_MEDIUM);
    gt_app_close(app);
}

static void test_an_unknown_tone_is_a_located_error_and_the_trainer_starts(void **state) {
    (void)state;
    write_config("  \"mute\": true,\n  \"skin_tone\": \"drak\"");
    GtApp *app = open_app(NULL, NULL);
    const GtSession *s = gt_app_session(app);
    char where[400];
    snprintf(where, sizeof where, "%s/guidedtouch/config.json:4:16", gt_test_home);
    if (!strstr(s->notice, where)) fail_msg("the notice does not say where: %s", s->notice);
    assert_non_null(strstr(s->notice, "unknown skin_tone \"drak\" (did you mean \"dark\"?)"));
    assert_non_null(gt_test_shown(app, "Some settings were not used")); /* on screen, not only on stderr */
    assert_non_null(gt_test_shown(app, "drak"));
    assert_int_equal(s->skin_tone, GT_SKIN_TONE_LIGHT); /* the default, and the rest of the file holds */
    assert_true(s->muted);
    expect_practice_in(app, GT_SKIN_TONE_LIGHT);
    gt_app_close(app);
    const char *extra[] = { "--skin-tone", "purple", NULL };
    app = open_app(NULL, extra);
    assert_non_null(strstr(gt_app_session(app)->notice, "--skin-tone \"purple\" is not a skin tone; use light, "
                                                        "light-medium, medium, medium-dark or dark"));
    expect_practice_in(app, GT_SKIN_TONE_LIGHT);
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_tapped_tone_repaints_the_figure_at_once, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_student_s_tone_comes_back_when_they_sign_in_again, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_configured_tone_is_the_guests_and_a_new_student_s,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_an_unknown_tone_is_a_located_error_and_the_trainer_starts,
                                        gt_test_fresh_home, gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
