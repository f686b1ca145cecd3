/* Every control answers, on every screen, at every size. The test opens the real trainer
 * headless (SDL's dummy video driver) at 1280x800, 1920x1080 and 1080x1920 (and 800x600, where
 * the lesson list scrolls), walks every screen (the lesson list, a lesson's intro, the
 * demonstration, practice in learn, practice and exam mode, the result of a middle and of the
 * last step, the lesson summary, My progress as a guest sees it) and presses every button and
 * card that screen declares, once with a tap (SDL finger events pushed into SDL's own event
 * queue) and once with a click (mouse button events through the same queue), turning the
 * trainer's own main loop (gt_app_frame).
 * After each press it asserts what the student would see: the screen, lesson, step and mode
 * the control promises, the sound toggled, the attempt begun at the time of the release. On the
 * practice screen a tap or click on the body makes a contact and a finger on the gauge sets
 * the level. The wheel and the keys scroll the lesson list; a press queued behind a screen
 * change lands on the new screen, never on the old one. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "temp_home.h"
#include "app.h"
#include "hits.h"
#include "session.h"

#include <SDL.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- driving the trainer ---- */

typedef enum Pointer { BY_FINGER, BY_MOUSE } Pointer;
static const char *const POINTER_WORDS[] = { "tap", "click" };

/* Opens the trainer at `size` on a virtual clock that never ends by itself. */
static GtApp *open_app(const char *size, const char *mode) {
    const char *argv[] = { "--window", size, "--mute", "--frames", "100000000", "--mode", mode };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 7, (char **)argv, &code);
    if (!app) fail_msg("the trainer did not open at %s (exit code %d)", size, code);
    assert_true(gt_app_frame(app));
    return app;
}

/* The left mouse button going down or up, or the mouse moving, at output pixel (x, y). */
static void push_mouse(GtApp *app, Uint32 type, int x_px, int y_px) {
    int ww = 0, wh = 0, ow = 0, oh = 0;
    gt_app_sizes(app, &ww, &wh, &ow, &oh);
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    int x = (int)((x_px + 0.5) * ww / ow), y = (int)((y_px + 0.5) * wh / oh);
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.clicks = 1;
        e.button.x = x;
        e.button.y = y;
    }
    gt_test_push(&e);
}

/* Presses at output pixel (x, y) and releases there: a tap lifts a frame after it lands (the
 * press is held across a turn of the loop, drawn pressed), a click is quicker and both of its
 * events wait in the queue for the same turn. Returns the trainer's time when the release was
 * handled. */
static Uint32 press_at(GtApp *app, Pointer by, int x, int y) {
    if (by == BY_FINGER) {
        gt_test_finger_px(app, SDL_FINGERDOWN, 7, x, y);
        assert_true(gt_app_frame(app));
        gt_test_finger_px(app, SDL_FINGERUP, 7, x, y);
    } else {
        push_mouse(app, SDL_MOUSEBUTTONDOWN, x, y);
        push_mouse(app, SDL_MOUSEBUTTONUP, x, y);
    }
    assert_true(gt_app_frame(app));
    return gt_app_now(app); /* on the virtual clock, events are handled at the end of the frame's 16 ms */
}

/* A stroke up the middle of the tracing area (down, four moves, up), taken in one turn of the
 * loop: enough to have something traced before Done. */
static void trace_stroke(GtApp *app, Pointer by) {
    const GtHit *trace = gt_hits_find(gt_app_hits(app), GT_HIT_TRACE);
    assert_non_null(trace);
    int x = trace->rect.x + trace->rect.w / 2, y0 = trace->rect.y + trace->rect.h * 3 / 4;
    for (int k = 0; k <= 5; k++) {
        int y = y0 - k * trace->rect.h / 10;
        Uint32 type = k == 0 ? SDL_FINGERDOWN : k == 5 ? SDL_FINGERUP : SDL_FINGERMOTION;
        if (by == BY_FINGER) gt_test_finger_px(app, type, 3, x, y);
        else push_mouse(app, k == 0 ? SDL_MOUSEBUTTONDOWN : k == 5 ? SDL_MOUSEBUTTONUP : SDL_MOUSEMOTION, x, y);
    }
    assert_true(gt_app_frame(app));
}

/* Acts as a button press would (for reaching a screen), failing when nothing changed. */
static void go(GtApp *app, int action) {
    if (!gt_app_act(app, action)) fail_msg("action %d changed nothing on screen %d", action, gt_app_session(app)->screen);
}

/* ---- reaching each screen ---- */

typedef enum Place {
    AT_HOME, AT_INTRO, AT_DEMO, AT_PRACTICE, AT_RESULT, AT_RESULT_LAST, AT_SUMMARY, AT_PROGRESS, PLACE_COUNT
} Place;
static const char *const PLACE_WORDS[PLACE_COUNT] = { "home", "intro", "demo", "practice", "result",
                                                      "result of the last step", "summary", "progress" };

/* The library index of a lesson, found by id. */
static int lesson_index(const char *id) {
    for (size_t i = 0; i < gt_test_library.lesson_count; i++)
        if (strcmp(gt_test_library.lessons[i].id, id) == 0) return (int)i;
    fail_msg("no lesson %s", id);
    return -1;
}

/* The first row of cards reach_home shows (0: the top of the list). */
static int home_row;

/* From anywhere to the lesson list in `mode`, scrolled to the top and then down home_row rows. */
static void reach_home(GtApp *app, GtMode mode) {
    gt_app_act(app, GT_ACT_HOME);
    gt_app_act(app, GT_ACT_MODE_LEARN + (int)mode);
    while (gt_app_act(app, GT_ACT_SCROLL_UP)) {}
    for (int r = 0; r < home_row; r++) gt_app_act(app, GT_ACT_SCROLL_DOWN);
}

/* From a step's first screen to its result, through a traced stroke and Done. */
static void finish_step(GtApp *app) {
    if (gt_app_session(app)->screen == GT_SCREEN_DEMO) go(app, GT_ACT_PRACTISE);
    trace_stroke(app, BY_FINGER);
    go(app, GT_ACT_DONE);
}

/* Reaches `place` in lesson `lesson` in `mode`, from anywhere (laid out, not yet drawn). */
static void reach(GtApp *app, Place place, GtMode mode, int lesson) {
    reach_home(app, mode);
    if (place == AT_HOME) return;
    if (place == AT_PROGRESS) {
        go(app, GT_ACT_PROGRESS);
        return;
    }
    go(app, GT_ACT_LESSON_BASE + lesson);
    if (place != AT_INTRO) go(app, GT_ACT_START);
    if (place == AT_PRACTICE && gt_app_session(app)->screen == GT_SCREEN_DEMO) go(app, GT_ACT_PRACTISE);
    if (place == AT_RESULT) finish_step(app);
    if (place == AT_RESULT_LAST || place == AT_SUMMARY) {
        size_t steps = gt_app_session(app)->lesson->step_count;
        for (size_t s = 1; s <= steps; s++) {
            finish_step(app);
            if (s < steps) go(app, GT_ACT_NEXT);
        }
        if (place == AT_SUMMARY) go(app, GT_ACT_NEXT);
    }
}

/* ---- what each control promises ---- */

/* What the student sees before a press, to compare with after it. */
typedef struct Seen {
    GtScreenId screen;
    GtMode mode;
    bool muted, recording, watching, has_card, traced;
    const GtLesson *lesson;
    int step, home_scroll, home_scroll_max;
    unsigned attempt_serial;
} Seen;

static Seen seen(const GtApp *app) {
    const GtSession *s = gt_app_session(app);
    const GtReplay *attempt = s->input ? gt_input_attempt(s->input) : NULL;
    return (Seen){ s->screen, s->mode, s->muted, gt_session_recording(s), s->watching, s->has_card,
                   attempt && attempt->contact_count > 0, s->lesson, s->step, s->home_scroll, s->home_scroll_max,
                   s->attempt_serial };
}

/* A practice screen with a fresh attempt begun at `at`, nothing traced in it yet. */
static void expect_new_attempt(const GtApp *app, const Seen *before, Uint32 at) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    assert_true(gt_session_recording(s));
    assert_int_equal(s->attempt_serial, before->attempt_serial + 1);
    assert_int_equal(s->attempt_start_ms, at); /* the attempt starts when the press ended, not later */
    assert_int_equal(s->input ? gt_input_attempt(s->input)->contact_count : 99, 0);
}

/* The screen a lesson's step opens on in `mode`: its demonstration in learn mode, else practice. */
static GtScreenId step_screen(GtMode mode) {
    return mode == GT_MODE_LEARN ? GT_SCREEN_DEMO : GT_SCREEN_PRACTICE;
}

/* Where Back leads from a screen. */
static GtScreenId back_from(const Seen *before) {
    switch (before->screen) {
    case GT_SCREEN_INTRO:
    case GT_SCREEN_SUMMARY:
    case GT_SCREEN_PROGRESS: return GT_SCREEN_HOME;
    case GT_SCREEN_PRACTICE: return before->mode == GT_MODE_LEARN ? GT_SCREEN_DEMO : GT_SCREEN_INTRO;
    default: return GT_SCREEN_INTRO;
    }
}

/* Asserts that pressing `action` at time `at` did what its control promises. */
static void expect_action(const GtApp *app, int action, const Seen *before, Uint32 at) {
    const GtSession *s = gt_app_session(app);
    if (action >= GT_ACT_LESSON_BASE) {
        assert_int_equal(s->screen, GT_SCREEN_INTRO);
        assert_string_equal(s->lesson->id, gt_test_library.lessons[action - GT_ACT_LESSON_BASE].id);
        return;
    }
    switch (action) {
    case GT_ACT_MODE_LEARN:
    case GT_ACT_MODE_PRACTICE:
    case GT_ACT_MODE_EXAM:
        assert_int_equal(s->screen, GT_SCREEN_HOME);
        assert_int_equal(s->mode, action - GT_ACT_MODE_LEARN);
        break;
    case GT_ACT_MUTE:
        assert_int_equal(s->muted, !before->muted);
        assert_int_equal(s->screen, before->screen);
        break;
    case GT_ACT_SCROLL_UP: assert_int_equal(s->home_scroll, before->home_scroll > 0 ? before->home_scroll - 1 : 0); break;
    case GT_ACT_SCROLL_DOWN:
        assert_int_equal(s->home_scroll, before->home_scroll < before->home_scroll_max ? before->home_scroll + 1
                                                                                       : before->home_scroll_max);
        break;
    case GT_ACT_BACK:
        assert_int_equal(s->screen, back_from(before));
        assert_false(gt_session_recording(s)); /* the attempt was let go */
        break;
    case GT_ACT_START:
        assert_int_equal(s->screen, step_screen(s->mode));
        assert_int_equal(s->step, 1);
        break;
    case GT_ACT_REPLAY_DEMO:
    case GT_ACT_WATCH_DEMO:
        assert_int_equal(s->screen, GT_SCREEN_DEMO);
        assert_int_equal(s->demo_start_ms, at);
        assert_false(gt_session_recording(s));
        break;
    case GT_ACT_PRACTISE:
    case GT_ACT_RESTART: expect_new_attempt(app, before, at); break;
    case GT_ACT_DONE:
        if (before->screen == GT_SCREEN_PRACTICE && !before->traced) { /* nothing traced: said, nothing scored */
            assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
            assert_true(gt_session_recording(s));
            assert_true(gt_session_practice_notice_showing(s, at));
            assert_int_equal(s->has_card, before->has_card);
            break;
        }
        assert_int_equal(s->screen, GT_SCREEN_RESULT);
        assert_true(s->has_card);
        break;
    case GT_ACT_DEMO_SKIP: /* a long demonstration jumps ten seconds on */
        assert_int_equal(s->screen, GT_SCREEN_DEMO);
        assert_true(at - s->demo_start_ms >= GT_DEMO_SKIP_MS);
        break;
    case GT_ACT_WATCH:
        assert_true(s->watching);
        assert_int_equal(s->watch_start_ms, at);
        break;
    case GT_ACT_RETRY:
        if (before->screen == GT_SCREEN_SUMMARY) {
            assert_int_equal(s->screen, step_screen(s->mode));
            assert_int_equal(s->step, 1);
        } else {
            expect_new_attempt(app, before, at);
            assert_int_equal(s->step, before->step);
        }
        break;
    case GT_ACT_NEXT:
        if ((size_t)before->step < before->lesson->step_count) {
            assert_int_equal(s->screen, step_screen(s->mode));
            assert_int_equal(s->step, before->step + 1);
        } else {
            assert_int_equal(s->screen, GT_SCREEN_SUMMARY);
        }
        break;
    case GT_ACT_HOME:
        assert_int_equal(s->screen, GT_SCREEN_HOME);
        assert_null(s->lesson);
        break;
    case GT_ACT_STUDENTS: /* the home screen's name button: "Who is practising?" (tests/test_app_students.c) */
        assert_int_equal(s->screen, GT_SCREEN_STUDENTS);
        break;
    case GT_ACT_PROGRESS: /* "My progress" (tests/test_app_progress.c): a guest's asks for a name */
        assert_int_equal(s->screen, GT_SCREEN_PROGRESS);
        assert_true(s->student_id > 0 || s->progress_view == NULL);
        break;
    case GT_ACT_SETTINGS: /* the home screen's Settings button (tests/test_app_settings.c) */
        assert_int_equal(s->screen, GT_SCREEN_SETTINGS);
        break;
    default: fail_msg("a control with action %d has no expectation here: say what it promises", action);
    }
}

/* ---- the walk ---- */

typedef struct Walk {
    const char *size;
    GtApp *app;
    int presses;                    /* buttons and cards pressed */
    bool card_seen[64];             /* lessons whose card answered a tap and a click */
    int card_answers[64];
} Walk;

/* Presses every button and card of the screen at `place` with `by`, reaching the place afresh
 * before each press, and checks each one's promise. */
static void press_every_control(Walk *w, Place place, GtMode mode, int lesson, Pointer by) {
    reach(w->app, place, mode, lesson);
    GtHitMap map = *gt_app_hits(w->app);
    int controls = 0;
    for (int i = 0; i < map.count; i++) {
        const GtHit *hit = &map.hits[i];
        if (hit->kind != GT_HIT_BUTTON && hit->kind != GT_HIT_CARD) continue;
        reach(w->app, place, mode, lesson);
        /* the screen reached again lays out the same: the control is where it was */
        const GtHit *again = gt_hits_find_action(gt_app_hits(w->app), hit->action);
        assert_non_null(again);
        assert_memory_equal(&again->rect, &hit->rect, sizeof hit->rect);
        Seen before = seen(w->app);
        Uint32 at = press_at(w->app, by, hit->rect.x + hit->rect.w / 2, hit->rect.y + hit->rect.h / 2);
        fprintf(stderr, "%s %s %s \"%s\" (action %d)\n", w->size, PLACE_WORDS[place], POINTER_WORDS[by],
                hit->kind == GT_HIT_CARD ? "card" : hit->label, hit->action);
        expect_action(w->app, hit->action, &before, at);
        if (hit->action >= GT_ACT_LESSON_BASE && hit->action - GT_ACT_LESSON_BASE < 64)
            w->card_answers[hit->action - GT_ACT_LESSON_BASE]++;
        controls++;
        w->presses++;
    }
    if (controls == 0) fail_msg("%s: the %s screen declares no control", w->size, PLACE_WORDS[place]);
}

/* On the practice screen: the body takes a tap or a click as a contact; a finger on the gauge
 * sets the level (and is no contact). */
static void press_practice_areas(Walk *w, GtMode mode, int lesson, Pointer by) {
    reach(w->app, AT_PRACTICE, mode, lesson);
    const GtSession *s = gt_app_session(w->app);
    const GtHit *trace = gt_hits_find(gt_app_hits(w->app), GT_HIT_TRACE);
    assert_non_null(trace);
    press_at(w->app, by, trace->rect.x + trace->rect.w / 2, trace->rect.y + trace->rect.h / 2);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    const GtReplay *attempt = gt_input_attempt(s->input);
    assert_int_equal(attempt->contact_count, 1);
    /* a tap: down, and up a frame later; a click: down and up at one time and place */
    assert_int_equal(attempt->contacts[0].count, by == BY_FINGER ? 2 : 1);
    if (by != BY_FINGER) return;
    const GtHit *slider = gt_hits_find(gt_app_hits(w->app), GT_HIT_SLIDER);
    assert_non_null(slider);
    press_at(w->app, by, slider->rect.x + slider->rect.w / 2, slider->rect.y);   /* the top: level 10 */
    GtInputLive live = gt_input_live(s->input, gt_app_now(w->app));
    assert_int_equal(live.source, GT_PRESSURE_SLIDER);
    assert_float_equal(live.level, 10.0, 0.05);
    assert_int_equal(attempt->contact_count, 1);
    w->presses += 2;
}

/* Walks every screen at `size` with taps, then with clicks. */
static void walk_every_screen(const char *size, int *presses_out) {
    Walk w = { .size = size };
    w.app = open_app(size, "learn");
    int first = 0, last = (int)gt_test_library.lesson_count - 1, short_lesson = lesson_index("neck-shoulder-tension");
    for (int p = 0; p < 2; p++) {
        Pointer by = (Pointer)p;
        /* the list scrolled to each of its rows in turn, so a card below the first screenful is pressed too */
        reach_home(w.app, GT_MODE_LEARN);
        int rows = gt_app_session(w.app)->home_scroll_max;
        for (home_row = 0; home_row <= rows; home_row++)
            for (int m = 0; m < GT_MODE_COUNT; m++) press_every_control(&w, AT_HOME, (GtMode)m, first, by);
        home_row = 0;
        press_every_control(&w, AT_INTRO, GT_MODE_LEARN, first, by);
        press_every_control(&w, AT_INTRO, GT_MODE_EXAM, last, by);
        press_every_control(&w, AT_DEMO, GT_MODE_LEARN, first, by);
        for (int m = 0; m < GT_MODE_COUNT; m++) {
            press_every_control(&w, AT_PRACTICE, (GtMode)m, m == 1 ? last : first, by);
            press_practice_areas(&w, (GtMode)m, first, by);
        }
        press_every_control(&w, AT_RESULT, GT_MODE_LEARN, first, by);
        press_every_control(&w, AT_RESULT_LAST, GT_MODE_PRACTICE, short_lesson, by);
        press_every_control(&w, AT_SUMMARY, GT_MODE_LEARN, short_lesson, by);
        press_every_control(&w, AT_PROGRESS, GT_MODE_LEARN, first, by);
    }
    /* every lesson's card answered, in both columns, by finger and by mouse, in all three modes */
    for (size_t i = 0; i < gt_test_library.lesson_count; i++)
        if (w.card_answers[i] < 2 * GT_MODE_COUNT)
            fail_msg("%s: the card of %s answered %d of %d presses", size, gt_test_library.lessons[i].id,
                     w.card_answers[i], 2 * GT_MODE_COUNT);
    fprintf(stderr, "%s: %d presses on buttons, cards and areas, every one answered\n", size, w.presses);
    *presses_out = w.presses;
    gt_app_close(w.app);
}

static void test_every_control_answers_at_1280x800(void **state) {
    (void)state;
    int presses = 0;
    walk_every_screen("1280x800", &presses);
    assert_true(presses > 80);
}

static void test_every_control_answers_at_1920x1080(void **state) {
    (void)state;
    int presses = 0;
    walk_every_screen("1920x1080", &presses);
    assert_true(presses > 80);
}

static void test_every_control_answers_at_1080x1920(void **state) {
    (void)state;
    int presses = 0;
    walk_every_screen("1080x1920", &presses);
    assert_true(presses > 80);
}

/* ---- scrolling, and nothing left behind by a screen change ---- */

static void test_wheel_and_keys_scroll_the_lesson_list(void **state) {
    (void)state;
    /* 800x600: one column of cards, and not all fit */
    Walk w = { .size = "800x600" };
    w.app = open_app("800x600", "learn");
    const GtSession *s = gt_app_session(w.app);
    assert_true(s->home_scroll_max >= 1);
    gt_test_push_wheel(-1); /* towards the student: down the list */
    assert_true(gt_app_frame(w.app));
    assert_int_equal(s->home_scroll, 1);
    gt_test_push_wheel(1);
    assert_true(gt_app_frame(w.app));
    assert_int_equal(s->home_scroll, 0);
    gt_test_push_key(SDLK_DOWN);
    gt_test_push_key(SDLK_PAGEDOWN);
    assert_true(gt_app_frame(w.app));
    assert_int_equal(s->home_scroll, s->home_scroll_max >= 2 ? 2 : 1);
    for (int i = 0; i < 20; i++) gt_test_push_wheel(-1); /* far past the end: it stops at the last row */
    assert_true(gt_app_frame(w.app));
    assert_int_equal(s->home_scroll, s->home_scroll_max);
    /* a lesson opened from down the list and left again: the list is where it was */
    const GtHit *card = gt_hits_find(gt_app_hits(w.app), GT_HIT_CARD);
    assert_non_null(card);
    go(w.app, card->action);
    go(w.app, GT_ACT_BACK);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_int_equal(s->home_scroll, s->home_scroll_max);
    /* every card can be reached by scrolling, and Up and More answer taps and clicks */
    for (int k = 0; k <= s->home_scroll_max; k++) {
        while (s->home_scroll > k) gt_app_act(w.app, GT_ACT_SCROLL_UP);
        while (s->home_scroll < k) gt_app_act(w.app, GT_ACT_SCROLL_DOWN);
        const GtHitMap *map = gt_app_hits(w.app);
        for (int i = 0; i < map->count; i++)
            if (map->hits[i].kind == GT_HIT_CARD) w.card_seen[map->hits[i].action - GT_ACT_LESSON_BASE] = true;
    }
    for (size_t i = 0; i < gt_test_library.lesson_count; i++) assert_true(w.card_seen[i]);
    for (int p = 0; p < 2; p++) {
        press_every_control(&w, AT_HOME, GT_MODE_LEARN, 0, (Pointer)p);
        /* at the end of the list too (More stays, Up goes back a row) */
        for (int k = 0; k < 20; k++) gt_app_act(w.app, GT_ACT_SCROLL_DOWN);
        const GtHit *more = gt_hits_find_action(gt_app_hits(w.app), GT_ACT_SCROLL_DOWN);
        const GtHit *up = gt_hits_find_action(gt_app_hits(w.app), GT_ACT_SCROLL_UP);
        assert_non_null(more);
        assert_non_null(up);
        SDL_Rect up_rect = up->rect;
        press_at(w.app, (Pointer)p, more->rect.x + more->rect.w / 2, more->rect.y + more->rect.h / 2);
        assert_int_equal(s->home_scroll, s->home_scroll_max);
        press_at(w.app, (Pointer)p, up_rect.x + up_rect.w / 2, up_rect.y + up_rect.h / 2);
        assert_int_equal(s->home_scroll, s->home_scroll_max - 1);
    }
    /* on the practice screen the wheel is the pressure, not a scroll */
    reach(w.app, AT_PRACTICE, GT_MODE_PRACTICE, 0);
    double level = gt_input_live(s->input, gt_app_now(w.app)).level;
    gt_test_push_wheel(2);
    assert_true(gt_app_frame(w.app));
    GtInputLive live = gt_input_live(s->input, gt_app_now(w.app));
    assert_float_equal(live.level, level + 1.0, 1e-9);
    assert_int_equal(live.source, GT_PRESSURE_WHEEL);
    gt_app_close(w.app);
}

static void test_a_press_behind_a_screen_change_meets_the_new_screen(void **state) {
    (void)state;
    GtApp *app = open_app("1280x800", "learn");
    const GtSession *s = gt_app_session(app);
    /* where the intro's Start button is, found by going there once */
    go(app, GT_ACT_LESSON_BASE + 0);
    SDL_Rect start = gt_hits_find_action(gt_app_hits(app), GT_ACT_START)->rect;
    go(app, GT_ACT_BACK);
    SDL_Rect card = gt_hits_find_action(gt_app_hits(app), GT_ACT_LESSON_BASE + 0)->rect;
    assert_true(gt_app_frame(app));
    /* a tap on the first card and a tap on Start, both queued before the loop turns: the second
     * is taken on the intro the first one opened, and starts the lesson */
    gt_test_finger_px(app, SDL_FINGERDOWN, 1, card.x + card.w / 2, card.y + card.h / 2);
    gt_test_finger_px(app, SDL_FINGERUP, 1, card.x + card.w / 2, card.y + card.h / 2);
    gt_test_finger_px(app, SDL_FINGERDOWN, 2, start.x + start.w / 2, start.y + start.h / 2);
    gt_test_finger_px(app, SDL_FINGERUP, 2, start.x + start.w / 2, start.y + start.h / 2);
    assert_true(gt_app_frame(app));
    assert_int_equal(s->screen, GT_SCREEN_DEMO);
    assert_int_equal(s->step, 1);
    /* Back to the intro, then Back again by mouse with a click where Start was queued behind
     * it: the second click lands on what the lesson list has there, never on Start */
    reach(app, AT_HOME, GT_MODE_LEARN, 0);
    const GtHit *under = gt_hits_at(gt_app_hits(app), start.x + start.w / 2, start.y + start.h / 2);
    int expected = under && under->kind == GT_HIT_CARD ? under->action : GT_HIT_NO_ACTION;
    go(app, GT_ACT_LESSON_BASE + 0);
    assert_int_equal(s->screen, GT_SCREEN_INTRO);
    SDL_Rect back = gt_hits_find_action(gt_app_hits(app), GT_ACT_BACK)->rect;
    push_mouse(app, SDL_MOUSEBUTTONDOWN, back.x + back.w / 2, back.y + back.h / 2);
    push_mouse(app, SDL_MOUSEBUTTONUP, back.x + back.w / 2, back.y + back.h / 2);
    push_mouse(app, SDL_MOUSEBUTTONDOWN, start.x + start.w / 2, start.y + start.h / 2);
    push_mouse(app, SDL_MOUSEBUTTONUP, start.x + start.w / 2, start.y + start.h / 2);
    assert_true(gt_app_frame(app));
    if (expected == GT_HIT_NO_ACTION) {
        assert_int_equal(s->screen, GT_SCREEN_HOME);
    } else {   /* a card lies there on the list (at 1280x800, the last one): it opens its lesson */
        assert_int_equal(s->screen, GT_SCREEN_INTRO);
        assert_ptr_equal(s->lesson, &s->library->lessons[expected - GT_ACT_LESSON_BASE]);
        assert_int_not_equal(expected, GT_ACT_LESSON_BASE + 0);
    }
    /* a press begun on one screen and released after it changed gives nothing */
    reach(app, AT_INTRO, GT_MODE_LEARN, 0);
    gt_test_finger_px(app, SDL_FINGERDOWN, 5, start.x + start.w / 2, start.y + start.h / 2);
    assert_true(gt_app_frame(app));
    gt_test_push_key(SDLK_ESCAPE);   /* Back, by key, while the finger is still down on Start */
    gt_test_finger_px(app, SDL_FINGERUP, 5, start.x + start.w / 2, start.y + start.h / 2);
    assert_true(gt_app_frame(app));
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_control_answers_at_1280x800, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_every_control_answers_at_1920x1080, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_every_control_answers_at_1080x1920, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_wheel_and_keys_scroll_the_lesson_list, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_press_behind_a_screen_change_meets_the_new_screen, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
