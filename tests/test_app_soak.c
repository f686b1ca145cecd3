/* Soak (issue 11): the trainer, headless on its virtual clock, goes round and round everything a
 * school day asks of it, driven only through SDL's own event queue: the lesson list paged down
 * and up, every bundled lesson opened and walked step by step (intro, each step's demonstration
 * played and skipped forward, practice, Done, the result, Next, the summary), every bundled
 * technique's demonstration traced by finger (the step's reference performance, sample by sample
 * with its pressures, its first TRACE_MS) and scored, the result's replay of it watched, "My
 * progress" with each technique's chart and both sides of the heat map, the settings toggled and
 * back, "Who is practising?" with the keyboard, a guest and the student again, and the practice
 * screen's pressure warning and its "Discard this attempt?" question. A second trainer runs as a
 * kiosk: the staff's long press, the PIN pad (a wrong PIN, then the right one), the staff menu,
 * the idle sign-out, the attract screen's demonstrations and a touch back to the lessons.
 *
 * After a warm-up lap the live heap (ASan's allocator: every malloc'd byte still held, SDL's
 * included) is measured at the same point of each lap, on the lesson list, less the two caches
 * that are bounded by design and fill over the first laps: the text cache (at most GT_TEXT_CACHE
 * rendered texts, least recently used evicted; the kiosk's attract screen shows another lesson's
 * words each lap) and SQLite's memory (its page cache, 2 MB at most by default, holds pages of a
 * database that grows by each lap's attempts). The rest must not grow by more than
 * SOAK_GROWTH_MAX over the laps that follow (everything else the trainer keeps is fixed-size or
 * released on leaving its screen), and LeakSanitizer at exit must find nothing. Each lap also
 * checks that every technique's demonstration, traced the same way, scores the same as in the
 * first lap (nothing left over from the laps before changes a grade).
 *
 * The window is small (800x500) and the traces are cut so the whole soak stays near a minute
 * of CPU under ASan: the bundled demonstrations last 51 minutes in all, 190,000 frames. */
#define _XOPEN_SOURCE 700 /* setenv */
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "heap_use.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "kiosk_session.h"
#include "live_safety.h"
#include "progress_session.h"

#include <SDL.h>
#include <sqlite3.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>


enum {
    SOAK_LAPS = 3,                      /* the warm-up lap, then the laps measured against it */
    KIOSK_LAPS = 3,
    SOAK_GROWTH_MAX = 256 * 1024,       /* bytes the rest of the live heap may move between laps */
    SCROLL_TRIES = 60,                  /* wheel notches at most to bring a card into view */
    TRACE_MS = 1000                     /* how much of each technique's demonstration is traced */
};

static const char *const STAFF_PIN = "2468";

/* Seconds of processor time so far (printed, never judged). */
static double cpu_seconds(void) {
    return (double)clock() / CLOCKS_PER_SEC;
}

/* Opens the trainer at 1280x800 on a virtual clock that does not end by itself, with `extra`
 * options after the usual ones (NULL-terminated). */
static GtApp *open_with(const char *const *extra) {
    const char *argv[20] = { "--window", "800x500", "--mute", "--frames", "100000000" };
    int argc = 5;
    for (int i = 0; extra && extra[i] && argc < 20; i++) argv[argc++] = extra[i];
    return gt_test_open_app(argc, argv);
}

/* Turns frames until the clock has moved `ms` on. */
static void run_for(GtApp *app, Uint32 ms) {
    Uint32 until = gt_app_now(app) + ms;
    while ((Sint32)(gt_app_now(app) - until) < 0) assert_true(gt_app_frame(app));
}

static GtScreenId screen(GtApp *app) {
    return gt_app_session(app)->screen;
}

/* Taps the button with `action` and checks the trainer went to `expected`. */
static void tap_to(GtApp *app, int action, GtScreenId expected) {
    gt_test_tap(app, action);
    if (screen(app) != expected)
        fail_msg("action %d led to screen %d, not %d", action, screen(app), (int)expected);
}

/* On a list, turns the wheel (down, then back up) until the card or button with `action` shows. */
static void scroll_into_view(GtApp *app, int action) {
    for (int i = 0; i < SCROLL_TRIES && !gt_hits_find_action(gt_app_hits(app), action); i++) {
        gt_test_push_wheel(i < SCROLL_TRIES / 2 ? -1 : 1);
        assert_true(gt_app_frame(app));
    }
    if (!gt_hits_find_action(gt_app_hits(app), action)) fail_msg("action %d never came into view", action);
}

/* The lesson list paged to its end and back to its top, by the wheel and the arrow keys. */
static void page_the_list(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(screen(app), GT_SCREEN_HOME);
    assert_true(s->home_scroll_max > 0); /* the bundled lessons do not fit on one page */
    for (int i = 0; i < 100 && s->home_scroll < s->home_scroll_max; i++) {
        gt_test_push_wheel(-1);
        assert_true(gt_app_frame(app));
    }
    assert_int_equal(s->home_scroll, s->home_scroll_max);
    for (int i = 0; i < 100 && s->home_scroll > 0; i++) {
        gt_test_push_key(SDLK_UP);
        assert_true(gt_app_frame(app));
    }
    assert_int_equal(s->home_scroll, 0);
}

/* The step (1-based) of `lesson` whose demonstration is traced for its technique in every lap:
 * for each technique the step with the shortest demonstration in the library (first found on a
 * tie); 0 when this lesson has none. `chosen` is filled once per test. */
typedef struct Chosen {
    const char *technique_id;
    const GtLesson *lesson;
    int step;
    double span_ms;
    double total[SOAK_LAPS];    /* the card each lap gave */
} Chosen;

static Chosen chosen[64];
static size_t chosen_count;

/* Picks, for every technique of the bundled library, the step with the shortest demonstration. */
static void choose_steps(const GtLibrary *library) {
    chosen_count = 0;
    for (size_t l = 0; l < library->lesson_count; l++) {
        const GtLesson *lesson = &library->lessons[l];
        for (size_t k = 1; k <= lesson->step_count; k++) {
            GtReplay demo;
            GtDiag diag;
            gt_diag_init(&diag);
            assert_true(gt_library_reference_replay(library, lesson, (int)k, &diag, &demo));
            gt_diag_free(&diag);
            double first = 0, last = 0;
            assert_true(gt_replay_time_span(&demo, &first, &last));
            gt_replay_free(&demo);
            const char *id = lesson->steps[k - 1].technique_id;
            size_t c = 0;
            while (c < chosen_count && strcmp(chosen[c].technique_id, id) != 0) c++;
            if (c == chosen_count) {
                assert_true(chosen_count < sizeof chosen / sizeof chosen[0]);
                chosen_count++;
            } else if (chosen[c].span_ms <= last) {
                continue;
            }
            chosen[c] = (Chosen){ id, lesson, (int)k, last, { 0 } };
        }
    }
    assert_int_equal(chosen_count, library->technique_count); /* every bundled technique is used */
}

/* The entry traced at this lesson's step, or NULL. */
static Chosen *chosen_at(const GtLesson *lesson, int step) {
    for (size_t c = 0; c < chosen_count; c++)
        if (!strcmp(chosen[c].lesson->id, lesson->id) && chosen[c].step == step) return &chosen[c];
    return NULL;
}

/* One finger event of the traced demonstration. */
typedef struct TraceEvent {
    double t_ms;
    Uint32 type;
    SDL_FingerID finger;
    GtSample sample;
} TraceEvent;

/* Orders trace events by time, then lifts before presses at one time (a finger reused). */
static int by_time(const void *a, const void *b) {
    const TraceEvent *x = a, *y = b;
    if (x->t_ms != y->t_ms) return x->t_ms < y->t_ms ? -1 : 1;
    int rx = x->type == SDL_FINGERUP ? 0 : x->type == SDL_FINGERMOTION ? 1 : 2;
    int ry = y->type == SDL_FINGERUP ? 0 : y->type == SDL_FINGERMOTION ? 1 : 2;
    if (rx != ry) return rx - ry;
    return x->finger < y->finger ? -1 : x->finger > y->finger;
}

/* Pushes one finger event at a body-map position, through the view the practice screen shows. */
static void push_sample(GtApp *app, const TraceEvent *ev) {
    GtScreenContext c = { &app->screens, &app->ui, app->views, &app->session, &app->library, &app->progress,
                          app->input, app->router.pressed_action };
    GtViewTransform t = gt_screens_active_view(&c)->transform;
    SDL_Event e;
    SDL_zero(e);
    e.type = ev->type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = ev->finger;
    e.tfinger.x = (float)((t.origin_x_px + ev->sample.x_cm * t.px_per_cm) / app->output_w);
    e.tfinger.y = (float)((t.origin_y_px + ev->sample.y_cm * t.px_per_cm) / app->output_h);
    e.tfinger.pressure = (float)ev->sample.pressure;
    gt_test_push(&e);
}

/* Traces the first TRACE_MS of the step's demonstration on the practice screen, each sample as
 * a finger event of its contact in the frame its time falls in (frames are GT_FRAME_MS long, the
 * demonstrations' sample period), each contact lifted at its last sample traced. */
static void trace_demonstration(GtApp *app) {
    const GtReplay *demo = &gt_app_session(app)->reference;
    size_t count = 0;
    for (size_t c = 0; c < demo->contact_count; c++) count += demo->contacts[c].count + 1;
    TraceEvent *events = calloc(count, sizeof *events);
    assert_non_null(events);
    size_t n = 0;
    for (size_t c = 0; c < demo->contact_count; c++) {
        const GtContact *contact = &demo->contacts[c];
        size_t used = 0;
        while (used < contact->count && contact->samples[used].t_ms <= TRACE_MS) used++;
        for (size_t k = 0; k < used; k++) {
            Uint32 type = k == 0 ? SDL_FINGERDOWN : SDL_FINGERMOTION;
            events[n++] = (TraceEvent){ contact->samples[k].t_ms, type, (SDL_FingerID)(100 + c), contact->samples[k] };
        }
        if (used) {
            events[n] = events[n - 1];
            events[n++].type = SDL_FINGERUP;
        }
    }
    qsort(events, n, sizeof *events, by_time);
    Uint32 start = gt_app_now(app) + GT_FRAME_MS; /* the first event falls in the next frame */
    for (size_t i = 0; i < n;) {
        Uint32 frame_end = gt_app_now(app) + GT_FRAME_MS;
        while (i < n && start + (Uint32)lround(events[i].t_ms) <= frame_end) push_sample(app, &events[i++]);
        assert_true(gt_app_frame(app));
    }
    free(events);
    gt_test_frames(app, 2);
}

/* A short stroke across the middle of the tracing area (a student's try that is not the step). */
static void scribble(GtApp *app) {
    const GtHit *trace = gt_hits_find(gt_app_hits(app), GT_HIT_TRACE);
    assert_non_null(trace);
    int x = trace->rect.x + trace->rect.w / 2, y = trace->rect.y + trace->rect.h / 2;
    gt_test_finger_px(app, SDL_FINGERDOWN, 7, x, y);
    assert_true(gt_app_frame(app));
    for (int k = 1; k <= 2; k++) {
        gt_test_finger_px(app, SDL_FINGERMOTION, 7, x + k * 4, y - k * trace->rect.h / 20);
        assert_true(gt_app_frame(app));
    }
    gt_test_finger_px(app, SDL_FINGERUP, 7, x + 8, y - 2 * trace->rect.h / 20);
    assert_true(gt_app_frame(app));
}

/* The practice screen's warnings: a level over the band (key 0, level 10) shows a warning before
 * any contact; Back with work traced asks "Discard this attempt?" and Keep practising keeps it. */
static void warnings_and_question(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    gt_test_push_key(SDLK_0);
    assert_true(gt_app_frame(app));
    GtLiveWarning preset;
    assert_true(gt_live_safety_preset(gt_live_step_band(gt_session_step(s)), 10.0, &preset));
    gt_test_shown(app, preset.text);
    gt_test_push_key(SDLK_3);
    assert_true(gt_app_frame(app));
    scribble(app);
    tap_to(app, GT_ACT_BACK, GT_SCREEN_PRACTICE);
    assert_int_equal(s->confirm_action, GT_ACT_BACK);
    gt_test_shown(app, "Discard this attempt?");
    tap_to(app, GT_ACT_KEEP, GT_SCREEN_PRACTICE);
    assert_int_equal(s->confirm_action, GT_ACT_NONE);
    tap_to(app, GT_ACT_RESTART, GT_SCREEN_PRACTICE);
}

/* One step in learn mode: its demonstration plays a little and is skipped forward, then practice
 * (the demonstration traced when it is this technique's chosen step, else a scribble), Done,
 * the result; the first step also shows the practice screen's warnings and question. */
static void do_step(GtApp *app, int lap, int step) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(screen(app), GT_SCREEN_DEMO);
    gt_test_frames(app, 2);
    if (gt_hits_find_action(gt_app_hits(app), GT_ACT_DEMO_SKIP)) /* offered while 10 s or more are left */
        tap_to(app, GT_ACT_DEMO_SKIP, GT_SCREEN_DEMO);
    tap_to(app, GT_ACT_PRACTISE, GT_SCREEN_PRACTICE);
    if (step == 1) warnings_and_question(app);
    Chosen *traced = chosen_at(s->lesson, step);
    if (traced) trace_demonstration(app);
    else scribble(app);
    tap_to(app, GT_ACT_DONE, GT_SCREEN_RESULT);
    assert_true(s->has_card);
    if (traced) {
        traced->total[lap] = s->card.total;
        assert_true(s->has_attempt);
        if (s->attempt.contact_count == 0)
            fail_msg("%s step %d (%s): the traced demonstration recorded nothing", s->lesson->id, step,
                     traced->technique_id);
        if (lap > 0 && traced->total[lap] != traced->total[0])
            fail_msg("%s step %d: lap %d scored %.6g, lap 1 %.6g", s->lesson->id, step, lap + 1, traced->total[lap],
                     traced->total[0]);
        tap_to(app, GT_ACT_WATCH, GT_SCREEN_RESULT); /* the attempt replayed over the demonstration */
        gt_test_frames(app, 3);
    }
}

/* Every lesson, each of its steps, to its summary and back to the list. */
static void every_lesson(GtApp *app, int lap) {
    const GtLibrary *library = &app->library;
    for (size_t l = 0; l < library->lesson_count; l++) {
        scroll_into_view(app, GT_ACT_LESSON_BASE + (int)l);
        tap_to(app, GT_ACT_LESSON_BASE + (int)l, GT_SCREEN_INTRO);
        tap_to(app, GT_ACT_START, GT_SCREEN_DEMO);
        size_t steps = library->lessons[l].step_count;
        for (size_t k = 1; k <= steps; k++) {
            do_step(app, lap, (int)k);
            tap_to(app, GT_ACT_NEXT, k < steps ? GT_SCREEN_DEMO : GT_SCREEN_SUMMARY);
        }
        assert_true(gt_app_frame(app));
        tap_to(app, GT_ACT_HOME, GT_SCREEN_HOME);
    }
}

/* "My progress": each technique's chart, both sides of the heat map, the list scrolled. */
static void my_progress(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    tap_to(app, GT_ACT_PROGRESS, GT_SCREEN_PROGRESS);
    assert_non_null(s->progress_view);
    assert_true(s->progress_view->read_ok);
    assert_true(s->progress_view->technique_count >= chosen_count);
    for (size_t t = 0; t < s->progress_view->technique_count; t++) {
        for (int i = 0; i < 40 && !gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE + (int)t); i++)
            tap_to(app, GT_ACT_PROGRESS_MORE, GT_SCREEN_PROGRESS);
        tap_to(app, GT_ACT_TECHNIQUE_BASE + (int)t, GT_SCREEN_PROGRESS);
        assert_int_equal(s->progress_view->selected, (int)t);
    }
    tap_to(app, GT_ACT_PROGRESS_REAR, GT_SCREEN_PROGRESS);
    tap_to(app, GT_ACT_PROGRESS_FRONT, GT_SCREEN_PROGRESS);
    while (s->progress_view->first_row > 0) tap_to(app, GT_ACT_PROGRESS_UP, GT_SCREEN_PROGRESS);
    tap_to(app, GT_ACT_BACK, GT_SCREEN_HOME);
    assert_null(s->progress_view);
}

/* The settings: every toggle on and off again, another skin tone and back. */
static void settings(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    tap_to(app, GT_ACT_SETTINGS, GT_SCREEN_SETTINGS);
    static const int TOGGLES[] = { GT_ACT_SET_LARGE_TEXT, GT_ACT_SET_HIGH_CONTRAST, GT_ACT_SET_LEFT_HANDED,
                                   GT_ACT_SET_SOUND };
    for (size_t i = 0; i < sizeof TOGGLES / sizeof TOGGLES[0]; i++) {
        tap_to(app, TOGGLES[i], GT_SCREEN_SETTINGS);
        gt_test_frames(app, 2);
        tap_to(app, TOGGLES[i], GT_SCREEN_SETTINGS);
    }
    GtSkinTone tone = s->skin_tone;
    tap_to(app, GT_ACT_SKIN_TONE + (int)((tone + 1) % GT_SKIN_TONE_COUNT), GT_SCREEN_SETTINGS);
    gt_test_frames(app, 2);
    tap_to(app, GT_ACT_SKIN_TONE + (int)tone, GT_SCREEN_SETTINGS);
    tap_to(app, GT_ACT_DEFAULT_PRACTICE, GT_SCREEN_SETTINGS);
    tap_to(app, GT_ACT_DEFAULT_LEARN, GT_SCREEN_SETTINGS);
    tap_to(app, GT_ACT_BACK, GT_SCREEN_HOME);
    assert_false(s->large_text || s->high_contrast || s->left_handed);
    assert_int_equal(s->skin_tone, tone);
}

/* "Who is practising?": the keyboard opened, a name typed and rubbed out, back; a guest; then
 * the student picked again by their name. */
static void students(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    int64_t student = s->student_id;
    assert_true(student > 0);
    tap_to(app, GT_ACT_STUDENTS, GT_SCREEN_STUDENTS);
    tap_to(app, GT_ACT_ADD_STUDENT, GT_SCREEN_NAME);
    tap_to(app, GT_ACT_KEY_BASE + 'Z', GT_SCREEN_NAME);
    tap_to(app, GT_ACT_KEY_BASE + 'A', GT_SCREEN_NAME);
    tap_to(app, GT_ACT_KEY_BACKSPACE, GT_SCREEN_NAME);
    tap_to(app, GT_ACT_KEY_BACKSPACE, GT_SCREEN_NAME);
    tap_to(app, GT_ACT_BACK, GT_SCREEN_STUDENTS);
    tap_to(app, GT_ACT_GUEST, GT_SCREEN_HOME);
    assert_int_equal(s->student_id, 0);
    tap_to(app, GT_ACT_STUDENTS, GT_SCREEN_STUDENTS);
    tap_to(app, GT_ACT_STUDENT_BASE + 0, GT_SCREEN_HOME);
    assert_true(s->student_id == student);
}

/* One lap of the everyday trainer, ending on the lesson list. */
static void lap(GtApp *app, int number) {
    page_the_list(app);
    every_lesson(app, number);
    my_progress(app);
    settings(app);
    students(app);
    page_the_list(app);
    gt_test_frames(app, 3);
}

static void test_a_school_day_round_and_round_keeps_its_memory_flat(void **state) {
    (void)state;
    const char *extra[] = { "--student", "Ada", "--mode", "learn", NULL };
    GtApp *app = open_with(extra);
    choose_steps(&app->library);
    size_t after[SOAK_LAPS];
    for (int i = 0; i < SOAK_LAPS; i++) {
        double cpu = cpu_seconds();
        Uint32 clock_ms = gt_app_now(app);
        int frames_before = app->frames;
        lap(app, i);
        after[i] = gt_test_heap_without_caches(app);
        fprintf(stderr, "lap %d: %d frames, %.1f s of the trainer's clock, %.1f s CPU, live heap %zu bytes "
                "apart from the caches\n", i + 1, app->frames - frames_before, (gt_app_now(app) - clock_ms) / 1000.0,
                cpu_seconds() - cpu, after[i]);
    }
    for (int i = 1; i < SOAK_LAPS; i++) {
        long long growth = (long long)after[i] - (long long)after[0];
        if (growth > SOAK_GROWTH_MAX)
            fail_msg("the live heap grew by %lld bytes from lap 1 to lap %d (allowed %d)", growth, i + 1,
                     SOAK_GROWTH_MAX);
    }
    gt_app_close(app);
}

/* Holds a finger in the top-left corner for `ms`, then lifts it. */
static void corner_press(GtApp *app, Uint32 ms) {
    gt_test_push_finger(SDL_FINGERDOWN, 3, 0.005f, 0.005f);
    assert_true(gt_app_frame(app));
    run_for(app, ms);
    gt_test_push_finger(SDL_FINGERUP, 3, 0.005f, 0.005f);
    assert_true(gt_app_frame(app));
}

/* Types a PIN on the pad by taps and presses OK. */
static void tap_pin(GtApp *app, const char *pin) {
    for (const char *d = pin; *d; d++) gt_test_tap(app, GT_ACT_PIN_DIGIT_BASE + (*d - '0'));
    gt_test_tap(app, GT_ACT_PIN_OK);
}

/* One lap of the kiosk: the staff's way in (a wrong PIN said, the right one), the staff menu to
 * the students and the lesson list, Lock; then the idle sign-out, the attract screen playing the
 * lessons' demonstrations, and a touch back to the lessons. */
static void kiosk_lap(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(screen(app), GT_SCREEN_HOME);
    corner_press(app, 3200);
    assert_int_equal(screen(app), GT_SCREEN_PIN);
    tap_pin(app, "1111");
    assert_int_equal(screen(app), GT_SCREEN_PIN);
    assert_true(s->kiosk.message[0] != '\0');
    run_for(app, 2000); /* a wrong PIN makes the next try wait a little */
    tap_pin(app, STAFF_PIN);
    assert_int_equal(screen(app), GT_SCREEN_STAFF);
    tap_to(app, GT_ACT_STAFF_STUDENTS, GT_SCREEN_STUDENTS);
    tap_to(app, GT_ACT_GUEST, GT_SCREEN_HOME);
    corner_press(app, 3200);
    assert_int_equal(screen(app), GT_SCREEN_STAFF); /* staff stay staff until they lock */
    tap_to(app, GT_ACT_STAFF_LOCK, GT_SCREEN_HOME);
    scroll_into_view(app, GT_ACT_LESSON_BASE + 0);
    tap_to(app, GT_ACT_LESSON_BASE + 0, GT_SCREEN_INTRO);
    tap_to(app, GT_ACT_START, GT_SCREEN_PRACTICE);
    scribble(app);
    /* left alone: signed out, the attempt thrown away, demonstrations play, then a still picture */
    int idle = gt_session_kiosk_idle_left_ms(s, gt_app_now(app));
    assert_true(idle > 0);
    run_for(app, (Uint32)idle + 100);
    assert_int_equal(screen(app), GT_SCREEN_ATTRACT);
    assert_false(gt_session_recording(s));
    assert_true(gt_session_kiosk_animating(s, gt_app_now(app)));
    run_for(app, 3000);
    gt_test_push_finger(SDL_FINGERDOWN, 4, 0.5f, 0.5f);
    gt_test_push_finger(SDL_FINGERUP, 4, 0.5f, 0.5f);
    gt_test_frames(app, 2);
    assert_int_equal(screen(app), GT_SCREEN_HOME);
    gt_test_frames(app, 3);
}

static void test_a_kiosk_round_and_round_keeps_its_memory_flat(void **state) {
    (void)state;
    gt_test_set_staff_pin(STAFF_PIN);
    const char *extra[] = { "--kiosk", "--mode", "practice", "--idle-timeout-s", "4", NULL };
    GtApp *app = open_with(extra);
    size_t after[KIOSK_LAPS];
    for (int i = 0; i < KIOSK_LAPS; i++) {
        kiosk_lap(app);
        after[i] = gt_test_heap_without_caches(app);
        fprintf(stderr, "kiosk lap %d: %d frames so far, %.1f s CPU so far, live heap %zu bytes apart from caches\n",
                i + 1, app->frames, cpu_seconds(), after[i]);
    }
    for (int i = 1; i < KIOSK_LAPS; i++) {
        long long growth = (long long)after[i] - (long long)after[0];
        if (growth > SOAK_GROWTH_MAX)
            fail_msg("the kiosk's live heap grew by %lld bytes from lap 1 to lap %d (allowed %d)", growth, i + 1,
                     SOAK_GROWTH_MAX);
    }
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_school_day_round_and_round_keeps_its_memory_flat, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_kiosk_round_and_round_keeps_its_memory_flat, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
