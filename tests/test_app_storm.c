/* Input storm (issue 11): tens of thousands of events pushed into SDL's own queue as broken or
 * hostile hardware might send them, on the practice screen and on the lesson list: ten fingers
 * going down, moving and up interleaved with the mouse, touches outside 0..1 of the window and
 * mouse positions outside it, lifts and moves of fingers that never went down, a finger pressed
 * twice, mouse releases without a press and other buttons, pressures above 1, negative, NaN and
 * infinite, the wheel turned by absurd amounts, the focus lost and regained and the window
 * resized in the middle of strokes. The trainer must not crash, its live heap must stay bounded,
 * and afterwards it must be sane: no contact left down, a normal tap on a button answered, a
 * normal attempt scored exactly as the same attempt scores in a trainer that saw no storm, and
 * the replay it saved of the storm attempt read back by the project's own loader. The storm is
 * deterministic (a fixed pseudo-random sequence) on the virtual clock. */
#define _XOPEN_SOURCE 700 /* setenv */
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "heap_use.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "loaders.h"
#include "replay_write.h"

#include <SDL.h>
#include <sqlite3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


enum {
    PRACTICE_EVENTS = 30000,    /* events of the storm on the practice screen */
    LIST_EVENTS = 12000,        /* ... and on the lesson list */
    EVENTS_PER_FRAME = 500,     /* pushed between two turns of the loop (SDL's queue holds 65535);
                                   every practice frame draws the whole attempt's trails, so a storm
                                   spread over many frames costs minutes under ASan */
    /* The live heap may rise during the storm by the attempt it records (32 bytes a sample, its
     * array doubling) and the hold samples of fingers left down, a few MB for these events; it
     * must come back once that attempt is replaced. */
    STORM_PEAK_MAX = 16 * 1024 * 1024,
    /* After the storm attempt is replaced, about 0.72 MB more than before stays live apart from
     * the caches bounded by design (text, shapes, SQLite; tests/support/heap_use.h), and it does
     * not grow with the storm (90,000 events leave the same as 30,000). ASan's heap profile
     * (__sanitizer_print_memory_profile before and after) puts nearly all of it in SDL's own
     * pools, kept at the most one frame or one turn of the loop needed until the renderer or SDL
     * is closed: the renderer's pool of render commands (about 520 KB: a storm frame replays some
     * 3,800 more clipped draws than a calm one) and the event queue's free entries (about 140 KB:
     * the 500 events pushed between two frames); then 26 KB of the frame list's ops and 2 KB of
     * the input's contact table. Nothing of the attempt, its trail or the replay stays: the frame
     * list gives back the vertex arrays a storm frame grew (1.3 MB, which stayed before it did).
     * 1 MB leaves room for drawing to change a little. */
    AFTER_GROWTH_MAX = 1024 * 1024
};

/* A fixed pseudo-random sequence (a 64-bit LCG), so every run storms the same way. */
static uint64_t rng_state;

static uint32_t rnd(void) {
    rng_state = rng_state * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(rng_state >> 33);
}

/* A whole number in 0..n-1. */
static int rnd_below(int n) {
    return (int)(rnd() % (uint32_t)n);
}

/* A number in lo..hi. */
static double rnd_between(double lo, double hi) {
    return lo + (hi - lo) * (rnd() / 2147483648.0);
}

/* Opens the trainer at 1280x800 on `lesson` step 1 in practice mode (NULL: the lesson list), on
 * a virtual clock that does not end by itself, with a student signed in (their replays are kept). */
static GtApp *open_app(const char *lesson) {
    const char *argv[12] = { "--window", "1280x800", "--mute", "--frames", "100000000", "--mode", "practice",
                             "--student", "Storm" };
    int argc = 9;
    if (lesson) {
        argv[argc++] = "--lesson";
        argv[argc++] = lesson;
    }
    return gt_test_open_app(argc, argv);
}

/* A window event (focus, size) for the trainer's window. */
static void push_window(GtApp *app, Uint8 what, int w, int h) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_WINDOWEVENT;
    e.window.windowID = SDL_GetWindowID(app->window);
    e.window.event = what;
    e.window.data1 = w;
    e.window.data2 = h;
    gt_test_push(&e);
}

/* The wheel turned by `notches` (any amount). */
static void push_wheel(int notches) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEWHEEL;
    e.wheel.y = notches;
    e.wheel.preciseY = (float)notches;
    e.wheel.direction = rnd_below(4) ? SDL_MOUSEWHEEL_NORMAL : SDL_MOUSEWHEEL_FLIPPED;
    gt_test_push(&e);
}

/* A storm pressure: mostly the constant 1.0 desktop touchscreens send, else one no device should. */
static float storm_pressure(void) {
    switch (rnd_below(12)) {
    case 0: return 7.5f;
    case 1: return -2.0f;
    case 2: return NAN;
    case 3: return INFINITY;
    case 4: return 1e30f;
    default: return 1.0f;
    }
}

/* A storm position in 0..1 of the window: mostly where `aim` lies (output pixels), else anywhere
 * in the window, just outside it, or far away. */
static void storm_point(GtApp *app, SDL_Rect aim, float *x, float *y) {
    int r = rnd_below(10);
    if (r < 6 && aim.w > 0) {
        *x = (float)((aim.x + rnd_between(0, aim.w)) / app->output_w);
        *y = (float)((aim.y + rnd_between(0, aim.h)) / app->output_h);
    } else if (r < 8) {
        *x = (float)rnd_between(0, 1);
        *y = (float)rnd_between(0, 1);
    } else if (r < 9) {
        *x = (float)rnd_between(-0.6, 1.6);
        *y = (float)rnd_between(-0.6, 1.6);
    } else {
        *x = (float)rnd_between(-1e5, 1e5);
        *y = (float)rnd_between(-1e5, 1e5);
    }
}

/* Where each storm finger (and, last, the mouse) was, in 0..1 of the window or outside it. */
static float storm_x[11], storm_y[11];

/* The next position of finger `who` (10: the mouse): mostly a small step from where it was (as a
 * hand moves; every practice frame draws the attempt's whole trail, and thousands of strokes
 * across the window would take minutes a frame to fill), else a jump anywhere storm_point goes. */
static void storm_move(GtApp *app, SDL_Rect aim, int who, float *x, float *y) {
    if (rnd_below(12) == 0 || storm_x[who] == 0.0f) {
        storm_point(app, aim, &storm_x[who], &storm_y[who]);
    } else {
        storm_x[who] += (float)rnd_between(-0.01, 0.01);
        storm_y[who] += (float)rnd_between(-0.01, 0.01);
    }
    *x = storm_x[who];
    *y = storm_y[who];
}

/* One storm event (or a few that belong together) aimed at `aim`; `resizes` allows window size
 * changes. */
static void storm_event(GtApp *app, SDL_Rect aim, bool resizes) {
    float x, y;
    int kind = rnd_below(100);
    SDL_FingerID finger = rnd_below(10);
    storm_move(app, aim, kind >= 65 && kind < 90 ? 10 : (int)finger, &x, &y);
    int ww = app->window_w, wh = app->window_h;
    if (kind < 55) { /* ten fingers of touch device 1: moves most, downs and ups */
        int what = rnd_below(10);
        Uint32 type = what < 2 ? SDL_FINGERDOWN : what < 4 ? SDL_FINGERUP : SDL_FINGERMOTION;
        gt_test_push_touch(type, 1, finger, x, y, storm_pressure());
    } else if (kind < 62) { /* fingers that never went down, on another device too */
        gt_test_push_touch(rnd_below(2) ? SDL_FINGERUP : SDL_FINGERMOTION, 1 + rnd_below(2), 50 + finger, x, y, 1.0f);
    } else if (kind < 65) { /* the same finger pressed twice */
        gt_test_push_touch(SDL_FINGERDOWN, 1, finger, x, y, 1.0f);
        gt_test_push_touch(SDL_FINGERDOWN, 1, finger, x, y, 1.0f);
    } else if (kind < 90) { /* the mouse: any button, inside the window or outside */
        int px = (int)(x * ww), py = (int)(y * wh);
        if (rnd_below(8) == 0) { px = rnd_below(2) ? -rnd_below(5000) : ww + rnd_below(5000); }
        Uint8 button = rnd_below(6) ? SDL_BUTTON_LEFT : (Uint8)(1 + rnd_below(5));
        int what = rnd_below(10);
        gt_test_push_mouse(what < 2 ? SDL_MOUSEBUTTONDOWN : what < 4 ? SDL_MOUSEBUTTONUP : SDL_MOUSEMOTION, button, px, py);
    } else if (kind < 94) { /* the wheel, sometimes by absurd amounts */
        static const int AMOUNTS[] = { 1, -1, 3, -7, 1000000, -1000000, 2147483647, -2147483647 };
        push_wheel(AMOUNTS[rnd_below(8)]);
    } else if (kind < 97) { /* focus lost and regained in the middle of strokes */
        push_window(app, rnd_below(2) ? SDL_WINDOWEVENT_FOCUS_LOST : SDL_WINDOWEVENT_FOCUS_GAINED, 0, 0);
    } else if (kind < 99 || !resizes) { /* window events with sizes that are not the window's */
        Uint8 what = rnd_below(2) ? SDL_WINDOWEVENT_RESIZED : SDL_WINDOWEVENT_SIZE_CHANGED;
        push_window(app, what, rnd_below(100000) - 50000, rnd_below(100000) - 50000);
    } else { /* the window really resized mid-stroke */
        SDL_SetWindowSize(app->window, 900 + rnd_below(800), 600 + rnd_below(600));
    }
}

/* Lifts all ten fingers and the mouse button, as a storm's end (no contact should stay down). */
static void lift_everything(GtApp *app) {
    for (SDL_FingerID f = 0; f < 10; f++) gt_test_push_touch(SDL_FINGERUP, 1, f, 0.5f, 0.5f, 1.0f);
    gt_test_push_mouse(SDL_MOUSEBUTTONUP, SDL_BUTTON_LEFT, app->window_w / 2, app->window_h / 2);
    assert_true(gt_app_frame(app));
}

/* Storms `count` events at `aim_kind`'s area of the screen showing, EVENTS_PER_FRAME per turn of
 * the loop; returns the highest live heap seen after a turn. */
static size_t storm(GtApp *app, int count, GtHitKind aim_kind, bool resizes) {
    size_t peak = gt_test_live_heap();
    for (int sent = 0; sent < count; sent += EVENTS_PER_FRAME) {
        const GtHit *aim = gt_hits_find(gt_app_hits(app), aim_kind);
        SDL_Rect rect = aim ? aim->rect : (SDL_Rect){ 0, 0, app->output_w, app->output_h };
        for (int k = 0; k < EVENTS_PER_FRAME; k++) storm_event(app, rect, resizes);
        if (!gt_app_frame(app)) fail_msg("the trainer stopped after %d storm events", sent + EVENTS_PER_FRAME);
        size_t now = gt_test_live_heap();
        if (now > peak) peak = now;
    }
    SDL_SetWindowSize(app->window, 1280, 800);
    gt_test_frames(app, 2);
    return peak;
}

/* lower-back-basics step 1 (effleurage up the left erector spinae, 4 strokes, along the guide
 * (46.5, 83) -> (45.6, 62)): four whole strokes by one finger, a move every frame, then Done.
 * Returns the card's total. The finger reports the step's starting level as its pressure, so the
 * attempt is the same whether the trainer takes the level set on screen (a device whose pressure
 * never varied) or the device's (one whose pressure did, as the storm's may have shown). */
static double normal_attempt(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    assert_true(gt_session_recording(s));
    float pressure = (float)(gt_session_start_level(gt_session_step(s)) / 10.0);
    for (int stroke = 0; stroke < 4; stroke++) {
        for (int k = 0; k <= 125; k++) { /* 2 s */
            GtScreenContext c = { &app->screens, &app->ui, app->views, &app->session, &app->library,
                                  &app->progress, app->input, app->router.pressed_action };
            GtViewTransform t = gt_screens_active_view(&c)->transform;
            double x_cm = 46.5 + (45.6 - 46.5) * k / 125.0, y_cm = 83.0 + (62.0 - 83.0) * k / 125.0;
            float fx = (float)((t.origin_x_px + x_cm * t.px_per_cm) / app->output_w);
            float fy = (float)((t.origin_y_px + y_cm * t.px_per_cm) / app->output_h);
            gt_test_push_touch(k == 0 ? SDL_FINGERDOWN : SDL_FINGERMOTION, 1, 2, fx, fy, pressure);
            if (k == 125) gt_test_push_touch(SDL_FINGERUP, 1, 2, fx, fy, pressure);
            assert_true(gt_app_frame(app));
        }
        gt_test_frames(app, 40); /* the hand goes back to the start */
    }
    gt_test_tap(app, GT_ACT_DONE);
    assert_int_equal(s->screen, GT_SCREEN_RESULT);
    assert_true(s->has_card);
    return s->card.total;
}

/* The session's last attempt, written as the trainer writes replays (gt_replay_to_json, into the
 * database) and read back by the project's own loader: it loads, with every sample. */
static void last_attempt_loads(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    assert_true(s->has_attempt);
    char *json = gt_replay_to_json(&s->attempt);
    assert_non_null(json);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay back;
    bool ok = gt_load_replay("the storm attempt", json, strlen(json), &diag, &back);
    if (!ok) gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    free(json);
    if (!ok) fail_msg("the trainer's own replay of the storm attempt does not load");
    assert_int_equal(gt_replay_sample_count(&back), gt_replay_sample_count(&s->attempt));
    gt_replay_free(&back);
}

/* Every replay the trainer saved reads back with the project's own loader; returns how many. */
static size_t load_every_replay(void) {
    char dir[400];
    snprintf(dir, sizeof dir, "%s/guidedtouch/replays", gt_test_home);
    char **files = NULL;
    size_t count = gt_list_json_files(dir, &files);
    for (size_t i = 0; i < count; i++) {
        GtDiag diag;
        gt_diag_init(&diag);
        GtReplay replay;
        bool ok = gt_load_replay_file(files[i], &diag, &replay);
        if (!ok) gt_diag_print(&diag, stderr);
        gt_diag_free(&diag);
        if (!ok) fail_msg("the trainer's own replay %s does not load", files[i]);
        gt_replay_free(&replay);
    }
    gt_free_file_list(files, count);
    return count;
}

static void test_a_storm_on_the_practice_screen_leaves_it_sane(void **state) {
    (void)state;
    /* what the normal attempt scores in a trainer that saw no storm */
    GtApp *app = open_app("lower-back-basics");
    double calm = normal_attempt(app);
    gt_app_close(app);

    app = open_app("lower-back-basics");
    const GtSession *s = gt_app_session(app);
    assert_true(normal_attempt(app) == calm); /* the same trainer, twice, scores the same */
    gt_test_tap(app, GT_ACT_RETRY);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    size_t before = gt_test_live_heap(), before_rest = gt_test_heap_without_caches(app);
    rng_state = 11;
    memset(storm_x, 0, sizeof storm_x);
    size_t peak = storm(app, PRACTICE_EVENTS, GT_HIT_TRACE, true);
    lift_everything(app);
    fprintf(stderr, "practice storm: live heap %zu before, peak %zu (+%zu), on screen %d\n", before, peak,
            peak - before, s->screen);
    assert_true(peak - before < STORM_PEAK_MAX);
    /* nothing is left down, the trainer still records on the practice screen */
    assert_int_equal(gt_input_live(app->input, gt_app_now(app)).active_contacts, 0);
    assert_false(gt_input_live(app->input, gt_app_now(app)).slider_held);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    assert_true(gt_session_recording(s));
    assert_true(gt_input_attempt(app->input)->contact_count > 0);
    /* the storm attempt is scored and saved, and its replay loads */
    gt_test_tap(app, GT_ACT_DONE);
    assert_int_equal(s->screen, GT_SCREEN_RESULT);
    assert_true(s->has_card);
    last_attempt_loads(app);
    fprintf(stderr, "practice storm: the attempt kept %zu presses, %zu samples\n", s->attempt.contact_count,
            gt_replay_sample_count(&s->attempt));
    load_every_replay();
    /* a normal attempt after the storm scores as it does without one */
    gt_test_tap(app, GT_ACT_RETRY);
    double after_storm = normal_attempt(app);
    if (after_storm != calm)
        fail_msg("after the storm the same attempt scores %.6g, without it %.6g", after_storm, calm);
    size_t after_rest = gt_test_heap_without_caches(app);
    fprintf(stderr, "practice storm: live heap apart from the caches %zu before, %zu after the next attempt\n",
            before_rest, after_rest);
    assert_true((long long)after_rest - (long long)before_rest < AFTER_GROWTH_MAX);
    load_every_replay();
    gt_app_close(app);
}

static void test_a_storm_on_the_lesson_list_leaves_it_sane(void **state) {
    (void)state;
    GtApp *app = open_app(NULL);
    const GtSession *s = gt_app_session(app);
    gt_test_frames(app, 2);
    size_t before = gt_test_live_heap();
    rng_state = 29;
    memset(storm_x, 0, sizeof storm_x);
    size_t peak = storm(app, LIST_EVENTS, GT_HIT_LIST, false);
    lift_everything(app);
    fprintf(stderr, "list storm: live heap %zu before, peak %zu (+%zu), on screen %d\n", before, peak, peak - before,
            s->screen);
    assert_true(peak - before < STORM_PEAK_MAX);
    assert_int_equal(gt_input_live(app->input, gt_app_now(app)).active_contacts, 0);
    /* wherever the storm's taps led, Escape goes back and the list answers a tap */
    for (int i = 0; i < 10 && s->screen != GT_SCREEN_HOME; i++) {
        if (s->confirm_action != GT_ACT_NONE) { /* "Discard this attempt?" */
            gt_test_tap(app, GT_ACT_DISCARD);
            continue;
        }
        gt_test_push_key(SDLK_ESCAPE);
        gt_test_frames(app, 1);
    }
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_true(s->home_scroll >= 0 && s->home_scroll <= s->home_scroll_max);
    gt_test_tap(app, GT_ACT_SETTINGS);
    assert_int_equal(s->screen, GT_SCREEN_SETTINGS);
    gt_test_tap(app, GT_ACT_BACK);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    const GtHit *card = gt_hits_find(gt_app_hits(app), GT_HIT_CARD);
    assert_non_null(card);
    int lesson = card->action;
    gt_test_tap(app, lesson);
    assert_int_equal(s->screen, GT_SCREEN_INTRO);
    assert_ptr_equal(s->lesson, &app->library.lessons[lesson - GT_ACT_LESSON_BASE]);
    load_every_replay();
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_storm_on_the_practice_screen_leaves_it_sane, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_storm_on_the_lesson_list_leaves_it_sane, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
