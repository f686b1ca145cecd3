/* How the trainer saves work when it draws, checked from the pixels a student sees (SDL's dummy
 * drivers, the software renderer, a virtual clock):
 * - the step's figure, region, places to avoid and guide are drawn once into a layer and copied:
 *   a frame drawn from the kept layer has the same pixels and the same texts as the frame that
 *   drew it, and as one drawn after the layer was thrown away;
 * - a frame changes only the parts of the screen that differ from the last one: on a rhythm
 *   step left alone the beat's flash redraws little more than its dot, and a stroke traced by
 *   finger little more than the trail's end, the finger's mark and the live cues; after every
 *   such frame the screen is exactly what a whole new frame shows;
 * - a demonstration playing by itself changes a part of the screen frame after frame and the
 *   screen stays exactly what a whole frame shows, as does the screen Back leads to;
 * - the text cache holds at most GT_TEXT_CACHE_BYTES of pixels beyond the frame's own texts. */
#include "test_support.h"
#include "app_driver.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "frame_damage.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Opens the trainer at 1280x800 in `mode` on `lesson` step `step`, virtual clock. */
static GtApp *open_step_in(const char *mode, const char *lesson, const char *step) {
    const char *argv[] = { "--window", "1280x800", "--frames", "100000000", "--mode", mode, "--mute",
                           "--lesson", lesson, "--step", step };
    return gt_test_open_app(11, argv);
}

/* Opens the trainer at 1280x800 in practice on `lesson` step `step`, virtual clock. */
static GtApp *open_step(const char *lesson, const char *step) {
    return open_step_in("practice", lesson, step);
}

/* The whole screen as it is now (ARGB8888); the caller frees. */
static SDL_Surface *screen_pixels(GtApp *app) {
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, app->output_w, app->output_h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    assert_int_equal(SDL_RenderReadPixels(app->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch), 0);
    return s;
}

/* How many pixels differ between two screens of the same size. */
static long pixels_differing(const SDL_Surface *a, const SDL_Surface *b) {
    long count = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint32 *ra = (const Uint32 *)((const Uint8 *)a->pixels + (size_t)y * (size_t)a->pitch);
        const Uint32 *rb = (const Uint32 *)((const Uint8 *)b->pixels + (size_t)y * (size_t)b->pitch);
        for (int x = 0; x < a->w; x++) count += ra[x] != rb[x];
    }
    return count;
}

/* The texts the last frame drew, one per line, into `out`. */
static void texts_drawn(const GtApp *app, char *out, size_t size) {
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < app->ui.drawn_count && used + 1 < size; i++) {
        const GtDrawnText *t = &app->ui.drawn[i];
        int n = snprintf(out + used, size - used, "%s @%d,%d\n", t->text, t->rect.x, t->rect.y);
        if (n < 0) break;
        used += (size_t)n < size - used ? (size_t)n : size - used - 1;
    }
}

/* Draws the screen showing now again, whole, as of the clock now. */
static void draw_whole(GtApp *app) {
    GtScreenContext c = { &app->screens, &app->ui, app->views, &app->session, &app->library, &app->progress,
                          app->input, app->router.pressed_action };
    gt_ui_forget_screen(&app->ui);
    gt_screens_draw(&c, &app->hits, gt_app_now(app));
    gt_ui_end_frame(&app->ui);
    long whole = gt_ui_redrawn_px(&app->ui, NULL);
    assert_int_equal(whole, (long)app->output_w * app->output_h);
}

/* Checks that the screen now shows exactly what a whole new frame shows. */
static void assert_screen_is_whole(GtApp *app) {
    SDL_Surface *now = screen_pixels(app);
    draw_whole(app);
    SDL_Surface *whole = screen_pixels(app);
    assert_int_equal(pixels_differing(now, whole), 0);
    SDL_FreeSurface(now);
    SDL_FreeSurface(whole);
}

static void test_a_kept_layer_shows_what_drawing_it_showed(void **state) {
    (void)state;
    GtApp *app = open_step("lower-back-basics", "1");
    GtBodyView *view = &app->views[gt_session_step(&app->session)->view];
    gt_bodyview_release_layer(view);
    draw_whole(app); /* draws the layer, then copies it */
    assert_non_null(view->layer);
    SDL_Surface *drawing = screen_pixels(app);
    static char drawing_texts[16384], kept_texts[16384];
    texts_drawn(app, drawing_texts, sizeof drawing_texts);
    char key[sizeof view->layer_key];
    snprintf(key, sizeof key, "%s", view->layer_key);
    unsigned generation = view->generation;
    draw_whole(app); /* copies the kept layer: nothing is drawn into it or rasterised again */
    assert_string_equal(view->layer_key, key);
    assert_int_equal(view->generation, generation);
    assert_null(view->art);
    SDL_Surface *kept = screen_pixels(app);
    texts_drawn(app, kept_texts, sizeof kept_texts);
    assert_int_equal(pixels_differing(drawing, kept), 0);
    assert_string_equal(drawing_texts, kept_texts);
    assert_non_null(strstr(kept_texts, "Effleurage"));
    /* a layer thrown away and drawn anew (from the art rasterised again) shows the same */
    gt_bodyview_release_layer(view);
    draw_whole(app);
    SDL_Surface *again = screen_pixels(app);
    assert_int_equal(pixels_differing(drawing, again), 0);
    SDL_FreeSurface(drawing);
    SDL_FreeSurface(kept);
    SDL_FreeSurface(again);
    gt_app_close(app);
}

static void test_the_beat_redraws_only_its_dot_and_the_screen_stays_whole(void **state) {
    (void)state;
    GtApp *app = open_step("lower-back-basics", "4"); /* circular friction: a beat to follow */
    assert_true(gt_session_recording(&app->session));
    int flashes = 0, beats = 0;
    for (int frame = 0; frame < 600 && beats < 3; frame++) {
        bool flashing = gt_session_beat_flashing(&app->session, gt_app_now(app));
        SDL_Surface *before = screen_pixels(app);
        Uint32 drawn = app->ui.frame;
        assert_true(gt_app_frame(app));
        bool drew = app->ui.frame != drawn, changed_flash = gt_session_beat_flashing(&app->session, gt_app_now(app)) != flashing;
        if (!drew || !changed_flash || ++flashes <= 2) { /* the first beat also shows the counter */
            SDL_FreeSurface(before);
            continue;
        }
        beats++;
        int rects = 0;
        long redrawn = gt_ui_redrawn_px(&app->ui, &rects);
        SDL_Surface *after = screen_pixels(app);
        assert_true(pixels_differing(before, after) > 0); /* the flash did change the screen */
        SDL_FreeSurface(before);
        SDL_FreeSurface(after);
        /* the dot's squares only: at most 2 x 2 squares of GT_DAMAGE_TILE pixels */
        assert_int_equal(rects, 1);
        assert_true(redrawn <= 4 * GT_DAMAGE_TILE * GT_DAMAGE_TILE);
        assert_screen_is_whole(app);
    }
    assert_int_equal(beats, 3);
    gt_test_shown(app, "Beat: follow the pulse");
    gt_app_close(app);
}

static void test_a_traced_stroke_redraws_little_and_the_screen_stays_whole(void **state) {
    (void)state;
    GtApp *app = open_step("lower-back-basics", "1");
    const GtStep *step = gt_session_step(&app->session);
    GtBodyView *view = &app->views[step->view];
    SDL_FPoint a = gt_bodyview_to_px(view, step->guide.points[0]);
    SDL_FPoint b = gt_bodyview_to_px(view, step->guide.points[step->guide.count - 1]);
    long screen = (long)app->output_w * app->output_h, most = 0, total = 0;
    enum { MOVES = 90 };
    for (int i = 0; i <= MOVES; i++) {
        float f = (float)i / MOVES;
        int x = (int)lroundf(a.x + (b.x - a.x) * f + 3.0f * sinf((float)i * 0.7f)); /* a hand wanders a little */
        int y = (int)lroundf(a.y + (b.y - a.y) * f);
        gt_test_finger_px(app, i == 0 ? SDL_FINGERDOWN : SDL_FINGERMOTION, 1, x, y);
        assert_true(gt_app_frame(app));
        assert_true(gt_app_frame(app)); /* 32 ms between moves: a stroke of about 3 s */
        long redrawn = gt_ui_redrawn_px(&app->ui, NULL);
        if (i < 3) continue; /* the finger's first touch shows the live cues: a larger change */
        most = redrawn > most ? redrawn : most;
        total += redrawn;
        if (i % 10 == 0) assert_screen_is_whole(app);
    }
    gt_test_finger_px(app, SDL_FINGERUP, 1, (int)b.x, (int)b.y);
    assert_true(gt_app_frame(app));
    assert_screen_is_whole(app);
    /* a traced frame redraws a small part of the screen: on average under a tenth, never half */
    assert_true(total / (MOVES - 2) * 10 < screen);
    assert_true(most * 2 < screen);
    gt_test_shown(app, "1 of 4 strokes done");
    gt_app_close(app);
}

static void test_a_playing_demonstration_and_the_screen_after_it_stay_whole(void **state) {
    (void)state;
    GtApp *app = open_step_in("learn", "lower-back-basics", "2"); /* the demonstration plays by itself */
    long screen = (long)app->output_w * app->output_h;
    int partial = 0;
    for (int frame = 0; frame < 240; frame++) {
        Uint32 drawn = app->ui.frame;
        assert_true(gt_app_frame(app));
        if (app->ui.frame == drawn) continue;
        partial += gt_ui_redrawn_px(&app->ui, NULL) < screen;
        if (frame % 6 == 0) assert_screen_is_whole(app);
    }
    assert_true(partial > 30); /* the moving hand changed a part of the screen, frame after frame */
    gt_test_tap(app, GT_ACT_BACK);
    assert_true(gt_app_frame(app));
    assert_screen_is_whole(app);
    gt_app_close(app);
}

static void test_the_text_cache_stays_within_its_bytes(void **state) {
    (void)state;
    GtApp *app = open_step("lower-back-basics", "1");
    char text[600];
    size_t largest = 0;
    for (int i = 0; i < 40; i++) { /* forty large paragraphs, each in a frame of its own */
        gt_ui_begin_frame(&app->ui);
        snprintf(text, sizeof text, "Paragraph %d: glide slowly up the long muscle beside the spine, light to "
                 "moderate pressure, about three centimetres a second, and feel the muscle warm under your palm.", i);
        int w = 0, h = 0;
        gt_ui_text(&app->ui, text, 0, 0, GT_FONT_HUGE, false, GT_COL_TEXT, 900, &w, &h);
        assert_true(w > 0 && h > 0);                     /* it was drawn */
        assert_non_null(gt_ui_drawn(&app->ui, text));
        largest = (size_t)w * (size_t)h * 4 > largest ? (size_t)w * (size_t)h * 4 : largest;
        assert_true(app->ui.text_bytes <= GT_TEXT_CACHE_BYTES + largest);
        gt_ui_end_frame(&app->ui);
    }
    assert_true(largest * 40 > 2 * (size_t)GT_TEXT_CACHE_BYTES); /* the budget was really tested */
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_kept_layer_shows_what_drawing_it_showed, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_beat_redraws_only_its_dot_and_the_screen_stays_whole,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_traced_stroke_redraws_little_and_the_screen_stays_whole,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_playing_demonstration_and_the_screen_after_it_stay_whole,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_text_cache_stays_within_its_bytes, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
