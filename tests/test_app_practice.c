/* Practice that explains itself, seen as the student sees it. Each test opens the real trainer
 * headless (SDL's dummy video driver, a virtual clock), drives it through SDL's own event queue
 * (scripted mouse, finger and key events, or events pushed directly) and reads what the last
 * frame drew (the ui's list of drawn texts) and what the session holds:
 * - the gauge numbers levels 0-10 and says "aim 2-5"; every attempt starts at the band's middle
 *   (a hold at 0), whatever level the last step ended on;
 * - the line telling a mouse user that the wheel or keys 1-9 set the pressure shows, whole and
 *   inside the window, at 1280x800, 1920x1080 and 1080x1920;
 * - the gauge is dragged as a slider by the mouse and by a finger, and neither makes a contact;
 * - a hold's demonstration moves the gauge with its level through ramp in, hold and ramp out,
 *   and Skip 10 s (or the right arrow) jumps it forward;
 * - the counter says "2 of 4 strokes done" after two strokes;
 * - "Lifted!" shows after a stroke broken half-way, not after one that reached the guide's end;
 * - Done before touching says "Nothing traced yet", stays and saves nothing;
 * - Back with work traced asks "Discard this attempt?"; Keep practising keeps it, Discard
 *   leaves, by touch and by mouse;
 * - no text is cut with an ellipsis or runs out of the window, on the demonstration and practice
 *   screen of every step of every lesson, the lesson list and every intro, at all three sizes;
 * - the summary is a table: each row's number, technique and place (two steps of one technique
 *   told apart), each column at one x, in landscape and portrait. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "gt_motion.h"

#include <SDL.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Opens the trainer at `size` on `lesson` step `step` in `mode`, driven by `script` (or by the
 * test alone when NULL), on a virtual clock that does not end by itself. */
static GtApp *open_app(const char *size, const char *lesson, int step, const char *mode, const char *script) {
    char step_text[8], path[400];
    snprintf(step_text, sizeof step_text, "%d", step);
    const char *argv[12] = { "--window", size, "--mute", "--lesson", lesson, "--step", step_text, "--mode", mode };
    int argc = 9;
    if (script) {
        snprintf(path, sizeof path, "%s/script.txt", gt_test_home);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(script, f);
        fclose(f);
        argv[argc++] = "--script";
        argv[argc++] = path;
    } else {
        argv[argc++] = "--frames";
        argv[argc++] = "100000000";
    }
    return gt_test_open_app(argc, argv);
}

/* Turns the loop until the script's clock (which starts at the trainer's 1000 ms) reaches
 * `script_ms`; the last frame is then what the student sees at that moment. */
static void run_to(GtApp *app, Uint32 script_ms) {
    while (gt_app_now(app) < 1000 + script_ms) assert_true(gt_app_frame(app));
}

static GtInputLive live(GtApp *app) {
    return gt_input_live(app->input, gt_app_now(app));
}

/* The left mouse button down or up, or a drag, at output pixel (x, y). */
static void push_mouse(GtApp *app, Uint32 type, int x_px, int y_px) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    int x = x_px * app->window_w / app->output_w, y = y_px * app->window_h / app->output_h;
    if (type == SDL_MOUSEMOTION) {
        e.motion.x = x;
        e.motion.y = y;
        e.motion.state = SDL_BUTTON_LMASK;
    } else {
        e.button.button = SDL_BUTTON_LEFT;
        e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.button.x = x;
        e.button.y = y;
    }
    gt_test_push(&e);
}

/* A finger (touch device 1, finger 5) at output pixel (x, y). */
static void push_finger(GtApp *app, Uint32 type, int x_px, int y_px) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 5;
    e.tfinger.x = (float)((x_px + 0.5) / app->output_w);
    e.tfinger.y = (float)((y_px + 0.5) / app->output_h);
    e.tfinger.pressure = 1.0f;
    gt_test_push(&e);
}

/* Presses the button with `action` by touch or by mouse (down, a frame, up, a frame). */
static void press_button(GtApp *app, int action, bool by_finger) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), action);
    if (!hit) fail_msg("no button with action %d on screen %d", action, gt_app_session(app)->screen);
    int x = hit->rect.x + hit->rect.w / 2, y = hit->rect.y + hit->rect.h / 2;
    if (by_finger) push_finger(app, SDL_FINGERDOWN, x, y);
    else push_mouse(app, SDL_MOUSEBUTTONDOWN, x, y);
    assert_true(gt_app_frame(app));
    if (by_finger) push_finger(app, SDL_FINGERUP, x, y);
    else push_mouse(app, SDL_MOUSEBUTTONUP, x, y);
    assert_true(gt_app_frame(app));
}

/* The level the gauge shows, read from its "Level N" line. */
static double gauge_level(GtApp *app) {
    return atof(gt_test_shown(app, "Level ")->text + strlen("Level "));
}

/* lower-back-basics step 1: effleurage up the left erector spinae, 4 strokes, along the guide
 * (46.5, 83) -> (45.6, 62); one whole stroke by mouse in 2 s. */
static const char *const WHOLE_STROKE = "mouse down 46.5 83\nwait 500\nmouse move 46.3 78\nwait 500\n"
                                        "mouse move 46.1 72\nwait 500\nmouse move 45.9 67\nwait 500\n"
                                        "mouse move 45.6 62\nmouse up 45.6 62\n";

static void test_gauge_numbers_levels_marks_the_band_and_each_step_starts_neutral(void **state) {
    (void)state;
    GtApp *app = open_app("1280x800", "lower-back-basics", 1, "practice", NULL);
    const GtStep *step = gt_session_step(gt_app_session(app));
    GtRange band = step->technique->pressure_level;
    char aim[32];
    snprintf(aim, sizeof aim, "aim %g-%g", band.min, band.max);
    assert_true(gt_app_frame(app));
    gt_test_shown(app, aim);
    for (int level = 0; level <= 10; level += 2) { /* the levels the instructions speak in */
        char n[4];
        snprintf(n, sizeof n, "%d", level);
        bool found = false;
        for (int i = 0; i < app->ui.drawn_count; i++) found |= strcmp(app->ui.drawn[i].text, n) == 0;
        if (!found) fail_msg("level %d is not numbered on the gauge", level);
    }
    /* the attempt starts in the middle of the band, and the gauge says so */
    assert_float_equal(live(app).level, gt_band_mid(band), 1e-9);
    assert_float_equal(gauge_level(app), gt_band_mid(band), 0.05);
    gt_test_shown(app, "(start)");
    /* a level of 1 left at the end of one step does not carry into the next: the hold of step 5
     * starts at 0 (it ramps in from nothing), and the glide of step 2 at its band's middle */
    SDL_Event key;
    SDL_zero(key);
    key.type = SDL_KEYDOWN;
    key.key.keysym.sym = SDLK_1;
    gt_test_push(&key);
    assert_true(gt_app_frame(app));
    assert_float_equal(live(app).level, 1.0, 1e-9);
    assert_float_equal(gauge_level(app), 1.0, 0.05);
    assert_true(gt_session_open(&app->session, "lower-back-basics", 5, gt_app_now(app)));
    assert_true(gt_app_frame(app));
    assert_float_equal(live(app).level, 0.0, 1e-9);
    assert_float_equal(gauge_level(app), 0.0, 0.05);
    gt_test_push(&key);
    assert_true(gt_app_frame(app));
    assert_true(gt_session_open(&app->session, "lower-back-basics", 2, gt_app_now(app)));
    assert_true(gt_app_frame(app));
    GtRange band2 = gt_session_step(gt_app_session(app))->technique->pressure_level;
    assert_float_equal(live(app).level, gt_band_mid(band2), 1e-9);
    gt_app_close(app);
}

static void test_the_pressure_line_shows_whole_at_every_size(void **state) {
    (void)state;
    static const char *const SIZES[] = { "1280x800", "1920x1080", "1080x1920" };
    for (size_t i = 0; i < 3; i++) {
        GtApp *app = open_app(SIZES[i], "lower-back-basics", 1, "practice", NULL);
        assert_true(gt_app_frame(app));
        const GtDrawnText *line = gt_test_shown(app, "wheel or keys 1-9");
        assert_false(line->cut);
        assert_true(line->rect.x >= 0 && line->rect.y >= 0);
        assert_true(line->rect.x + line->rect.w <= app->output_w && line->rect.y + line->rect.h <= app->output_h);
        /* it stays clear of the gauge it talks about */
        assert_true(line->rect.x + line->rect.w <= app->screens.frame.slider.x);
        gt_test_shown(app, "Touch or pen: slide the gauge");
        gt_app_close(app);
    }
}

/* Drags the gauge from its middle to a quarter from its top by mouse or finger; the level
 * follows (7.5) and no contact is made. */
static void drag_the_gauge(bool by_finger) {
    GtApp *app = open_app("1280x800", "lower-back-basics", 1, "practice", NULL);
    const GtHit *slider = gt_hits_find(gt_app_hits(app), GT_HIT_SLIDER);
    assert_non_null(slider);
    int x = slider->rect.x + slider->rect.w / 2, top = slider->rect.y, h = slider->rect.h - 1;
    if (by_finger) push_finger(app, SDL_FINGERDOWN, x, top + h / 2);
    else push_mouse(app, SDL_MOUSEBUTTONDOWN, x, top + h / 2);
    assert_true(gt_app_frame(app));
    assert_int_equal(live(app).source, GT_PRESSURE_SLIDER);
    assert_float_equal(live(app).level, 5.0, 0.051);
    assert_true(live(app).slider_held);
    if (by_finger) push_finger(app, SDL_FINGERMOTION, x, top + h / 4);
    else push_mouse(app, SDL_MOUSEMOTION, x, top + h / 4);
    assert_true(gt_app_frame(app));
    assert_float_equal(live(app).level, 7.5, 0.051);
    assert_float_equal(gauge_level(app), live(app).level, 0.05);
    gt_test_shown(app, "(slider)");
    if (by_finger) push_finger(app, SDL_FINGERUP, x, top + h / 4);
    else push_mouse(app, SDL_MOUSEBUTTONUP, x, top + h / 4);
    assert_true(gt_app_frame(app));
    assert_false(live(app).slider_held);
    assert_int_equal(gt_input_attempt(app->input)->contact_count, 0);
    gt_app_close(app);
}

static void test_the_gauge_drags_with_the_mouse(void **state) {
    (void)state;
    drag_the_gauge(false);
}

static void test_the_gauge_drags_with_a_finger(void **state) {
    (void)state;
    drag_the_gauge(true);
}

static void test_a_hold_demonstration_shows_its_pressure_and_skips_forward(void **state) {
    (void)state;
    /* tension-headache step 2: trigger point compression, a long hold */
    GtApp *app = open_app("1280x800", "tension-headache", 2, "learn", NULL);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_DEMO);
    double first = 0, last = 0;
    assert_true(gt_replay_time_span(&s->reference, &first, &last));
    assert_true(last > 2 * GT_DEMO_SKIP_MS);
    const GtTechnique *t = gt_session_step(s)->technique;
    gt_test_shown(app, "(demo)");
    assert_true(gauge_level(app) < t->pressure_level.min); /* it starts low */
    /* a few seconds in, the pressure has risen into the hold */
    for (int k = 0; k < 300; k++) assert_true(gt_app_frame(app));
    double level = gauge_level(app);
    assert_true(level >= t->pressure_level.min - 0.5);
    gt_test_shown(app, "2. Hold");
    /* Skip 10 s, by a tap: the demonstration is ten seconds further on */
    Uint32 start = s->demo_start_ms;
    press_button(app, GT_ACT_DEMO_SKIP, true);
    assert_int_equal(start - s->demo_start_ms, GT_DEMO_SKIP_MS);
    /* ... and by the right arrow, to the end: the ramp out shows, the level falls */
    SDL_Event key;
    SDL_zero(key);
    key.type = SDL_KEYDOWN;
    key.key.keysym.sym = SDLK_RIGHT;
    for (int k = 0; k < 20; k++) gt_test_push(&key);
    assert_true(gt_app_frame(app));
    assert_int_equal(gt_app_now(app) - s->demo_start_ms, (Uint32)lround(last));
    gt_test_shown(app, "Demonstration finished");
    gt_app_close(app);
    /* half-way through the ramp out the gauge is below the plateau */
    app = open_app("1280x800", "tension-headache", 2, "learn", NULL);
    s = gt_app_session(app);
    t = gt_session_step(s)->technique; /* the first trainer's library is gone */
    const GtContact *c = &s->reference.contacts[0];
    double out_t = c->samples[c->count - 1].t_ms - 500;
    for (int k = 0; k < (int)((out_t - 3000) / GT_DEMO_SKIP_MS); k++) {
        gt_test_push(&key);
        assert_true(gt_app_frame(app));
    }
    while ((double)(gt_app_now(app) - s->demo_start_ms) < out_t) assert_true(gt_app_frame(app));
    gt_test_shown(app, "3. Ramp out");
    assert_true(gauge_level(app) < t->pressure_level.min);
    gt_test_shown(app, "Ramp with the mouse wheel or keys");
    gt_app_close(app);
}

static void test_the_counter_counts_strokes(void **state) {
    (void)state;
    char script[2000];
    /* two whole strokes by finger (a move every 16 ms), the hand going back to the start between */
    snprintf(script, sizeof script, "at 100\ntrace 0 46.5 83 45.6 62 2000\nwait 1000\ntrace 0 46.5 83 45.6 62 2000\n"
             "wait 500\nkey 3\n");
    GtApp *app = open_app("1280x800", "lower-back-basics", 1, "practice", script);
    run_to(app, 400);
    gt_test_shown(app, "0 of 4 strokes done");
    run_to(app, 2400);
    gt_test_shown(app, "1 of 4 strokes done");
    run_to(app, 5600);
    gt_test_shown(app, "2 of 4 strokes done");
    assert_float_equal(gt_app_session(app)->live_progress.done, 2.0, 0.0);
    assert_float_equal(gt_app_session(app)->live_progress.asked, 4.0, 0.0);
    gt_test_tap(app, GT_ACT_RESTART); /* a new attempt shows its counter at once, from zero */
    gt_test_shown(app, "0 of 4 strokes done");
    gt_app_close(app);
}

static void test_lifted_shows_only_when_a_stroke_is_broken(void **state) {
    (void)state;
    char script[2000];
    snprintf(script, sizeof script, "at 100\n%swait 2000\nmouse down 46.5 83\nwait 400\nmouse move 46.3 77\n"
             "mouse up 46.3 77\nwait 2000\n", WHOLE_STROKE);
    GtApp *app = open_app("1280x800", "lower-back-basics", 1, "practice", script);
    /* a whole stroke ends at the guide's end: a normal end, no warning while the lift is fresh */
    for (Uint32 t = 2110; t < 3000; t += 100) {
        run_to(app, t);
        assert_true(live(app).lifted_recently || t > 3000);
        assert_null(gt_ui_drawn(&app->ui, "Lifted!"));
    }
    /* a stroke lifted a quarter of the way up is broken */
    run_to(app, 4600);
    assert_true(live(app).lifted_recently);
    gt_test_shown(app, "Lifted! Keep your hand on the skin.");
    gt_app_close(app);
}

static void test_done_before_touching_says_so_and_saves_nothing(void **state) {
    (void)state;
    GtApp *app = open_app("1280x800", "lower-back-basics", 1, "practice", "at 200\nkey Return\nwait 6000\nkey 3\n");
    run_to(app, 300);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    assert_true(gt_session_recording(s));
    assert_false(s->has_card);
    assert_false(s->has_attempt);
    gt_test_shown(app, "Nothing traced yet");
    run_to(app, 200 + GT_NOTICE_MS + 100); /* it goes after a while */
    assert_null(gt_ui_drawn(&app->ui, "Nothing traced yet"));
    gt_app_close(app);
    char dir[400];
    snprintf(dir, sizeof dir, "%s/guidedtouch/replays", gt_test_home);
    char **files = NULL;
    size_t count = gt_list_json_files(dir, &files);
    gt_free_file_list(files, count);
    assert_int_equal(count, 0);
}

/* Traces a little, presses Back, and answers the question with `answer` by touch or mouse. */
static void back_then(int answer, bool by_finger) {
    char script[2000];
    snprintf(script, sizeof script, "at 100\n%s", WHOLE_STROKE);
    GtApp *app = open_app("1280x800", "lower-back-basics", 1, "practice", script);
    run_to(app, 2300);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(gt_input_attempt(app->input)->contact_count, 1);
    unsigned serial = s->attempt_serial;
    press_button(app, GT_ACT_BACK, by_finger);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    assert_int_equal(s->confirm_action, GT_ACT_BACK);
    gt_test_shown(app, "Discard this attempt?");
    gt_test_shown(app, "Keep practising");
    assert_null(gt_hits_find(gt_app_hits(app), GT_HIT_TRACE)); /* the body takes no stroke meanwhile */
    assert_false(gt_app_act(app, GT_ACT_DONE));
    press_button(app, answer, by_finger);
    if (answer == GT_ACT_KEEP) {
        assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
        assert_int_equal(s->confirm_action, GT_ACT_NONE);
        assert_int_equal(s->attempt_serial, serial);
        assert_int_equal(gt_input_attempt(app->input)->contact_count, 1); /* the stroke is still there */
        assert_null(gt_ui_drawn(&app->ui, "Discard this attempt?"));
    } else {
        assert_int_equal(s->screen, GT_SCREEN_INTRO);
        assert_false(gt_session_recording(s));
        assert_false(s->has_card);
    }
    gt_app_close(app);
}

static void test_back_asks_first_keep_by_touch(void **state) {
    (void)state;
    back_then(GT_ACT_KEEP, true);
}

static void test_back_asks_first_keep_by_mouse(void **state) {
    (void)state;
    back_then(GT_ACT_KEEP, false);
}

static void test_back_asks_first_discard_by_touch(void **state) {
    (void)state;
    back_then(GT_ACT_DISCARD, true);
}

static void test_back_asks_first_discard_by_mouse(void **state) {
    (void)state;
    back_then(GT_ACT_DISCARD, false);
}

/* Fails when a text of the last frame was cut with an ellipsis or lies outside the window. */
static void expect_whole_texts(GtApp *app, const char *size, const char *where) {
    for (int i = 0; i < app->ui.drawn_count; i++) {
        const GtDrawnText *d = &app->ui.drawn[i];
        if (d->cut) fail_msg("%s, %s: \"%s\" was cut", size, where, d->text);
        if (d->rect.x < 0 || d->rect.y < 0 || d->rect.x + d->rect.w > app->output_w ||
            d->rect.y + d->rect.h > app->output_h)
            fail_msg("%s, %s: \"%s\" runs out of the window (%d,%d %dx%d)", size, where, d->text, d->rect.x,
                     d->rect.y, d->rect.w, d->rect.h);
    }
}

/* Draws the screen the session shows now, laid out afresh (the sound toggled twice). */
static void draw_now(GtApp *app) {
    assert_true(gt_app_act(app, GT_ACT_MUTE));
    assert_true(gt_app_act(app, GT_ACT_MUTE));
    assert_true(gt_app_frame(app));
}

static void test_text_wraps_and_is_never_cut_at_three_sizes(void **state) {
    (void)state;
    static const char *const SIZES[] = { "1280x800", "1920x1080", "1080x1920" };
    for (size_t z = 0; z < 3; z++) {
        GtApp *app = open_app(SIZES[z], "lower-back-basics", 1, "learn", NULL);
        const GtSession *s = gt_app_session(app);
        char where[160];
        /* every step of every lesson: its demonstration and its practice screen */
        for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
            const GtLesson *lesson = &gt_test_library.lessons[l];
            for (size_t step = 1; step <= lesson->step_count; step++) {
                assert_true(gt_session_open(&app->session, lesson->id, (int)step, gt_app_now(app)));
                draw_now(app);
                snprintf(where, sizeof where, "%s step %zu demonstration", lesson->id, step);
                expect_whole_texts(app, SIZES[z], where);
                assert_true(gt_app_act(app, GT_ACT_PRACTISE));
                assert_true(gt_app_frame(app));
                snprintf(where, sizeof where, "%s step %zu practice", lesson->id, step);
                expect_whole_texts(app, SIZES[z], where);
            }
            /* its list card, intro and summary */
            assert_true(gt_app_act(app, GT_ACT_HOME));
            assert_true(gt_app_frame(app));
            expect_whole_texts(app, SIZES[z], "the lesson list");
            assert_true(gt_app_act(app, GT_ACT_LESSON_BASE + (int)l));
            assert_true(gt_app_frame(app));
            snprintf(where, sizeof where, "%s intro", lesson->id);
            expect_whole_texts(app, SIZES[z], where);
            assert_int_equal(s->screen, GT_SCREEN_INTRO);
        }
        gt_app_close(app);
    }
}

/* Traces a short stroke across the middle of the tracing area by finger, in one turn. */
static void trace_somewhere(GtApp *app) {
    const GtHit *trace = gt_hits_find(gt_app_hits(app), GT_HIT_TRACE);
    assert_non_null(trace);
    int x = trace->rect.x + trace->rect.w / 2, y = trace->rect.y + trace->rect.h / 2;
    push_finger(app, SDL_FINGERDOWN, x, y);
    assert_true(gt_app_frame(app));
    push_finger(app, SDL_FINGERMOTION, x, y - trace->rect.h / 10);
    assert_true(gt_app_frame(app));
    push_finger(app, SDL_FINGERUP, x, y - trace->rect.h / 10);
    assert_true(gt_app_frame(app));
}

static void test_the_summary_is_a_table_with_step_numbers_and_places(void **state) {
    (void)state;
    static const char *const SIZES[] = { "1280x800", "1080x1920" };
    for (size_t z = 0; z < 2; z++) {
        GtApp *app = open_app(SIZES[z], "neck-shoulder-tension", 1, "practice", NULL);
        const GtLesson *lesson = gt_app_session(app)->lesson;
        for (size_t step = 1; step <= lesson->step_count; step++) {
            trace_somewhere(app);
            assert_true(gt_app_act(app, GT_ACT_DONE));
            assert_true(gt_app_act(app, GT_ACT_NEXT));
        }
        assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_SUMMARY);
        assert_true(gt_app_frame(app));
        expect_whole_texts(app, SIZES[z], "the summary");
        gt_test_shown(app, "Step");
        gt_test_shown(app, "Best");
        /* a row per step: its number, then its technique and its place, each column at one x */
        int number_x = -1, technique_x = -1, place_x = -1, last_y = -1;
        for (size_t i = 0; i < lesson->step_count; i++) {
            const GtStep *step = &lesson->steps[i];
            char number[8];
            snprintf(number, sizeof number, "%zu", i + 1);
            const GtDrawnText *n = NULL, *t = NULL, *p = NULL;
            const char *place = gt_bodymap_region(gt_library_view(&app->library, step->view), step->region)->name;
            for (int k = 0; k < app->ui.drawn_count; k++) {
                const GtDrawnText *d = &app->ui.drawn[k];
                if (!n && strcmp(d->text, number) == 0 && d->rect.y > last_y) n = d;
                if (n && !t && strcmp(d->text, step->technique->name) == 0 && d->rect.y >= n->rect.y) t = d;
                if (t && !p && strcmp(d->text, place) == 0 && d->rect.y >= t->rect.y) p = d;
            }
            if (!n || !t || !p) fail_msg("%s: row %zu lacks its number, technique or place", SIZES[z], i + 1);
            if (number_x < 0) { number_x = n->rect.x; technique_x = t->rect.x; place_x = p->rect.x; }
            assert_int_equal(n->rect.x, number_x);
            assert_int_equal(t->rect.x, technique_x);
            assert_int_equal(p->rect.x, place_x);
            assert_true(n->rect.y > last_y);
            last_y = p->rect.y;
        }
        gt_app_close(app);
    }
}

static void test_watch_demo_with_work_traced_asks_first(void **state) {
    (void)state;
    /* learn mode: the demonstration first, then practice, a stroke, and Watch demo (Space) */
    char script[2000];
    snprintf(script, sizeof script, "at 100\nkey Return\nwait 200\n%swait 200\nkey space\nwait 2000\nkey 3\n",
             WHOLE_STROKE);
    GtApp *app = open_app("1920x1080", "lower-back-basics", 1, "learn", script);
    run_to(app, 2600);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_PRACTICE);
    assert_int_equal(s->confirm_action, GT_ACT_WATCH_DEMO);
    gt_test_shown(app, "Discard this attempt?");
    press_button(app, GT_ACT_DISCARD, true);
    assert_int_equal(s->screen, GT_SCREEN_DEMO);
    assert_false(gt_session_recording(s));
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_gauge_numbers_levels_marks_the_band_and_each_step_starts_neutral,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_pressure_line_shows_whole_at_every_size, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_gauge_drags_with_the_mouse, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_gauge_drags_with_a_finger, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_hold_demonstration_shows_its_pressure_and_skips_forward, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_counter_counts_strokes, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_lifted_shows_only_when_a_stroke_is_broken, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_done_before_touching_says_so_and_saves_nothing, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_back_asks_first_keep_by_touch, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_back_asks_first_keep_by_mouse, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_back_asks_first_discard_by_touch, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_back_asks_first_discard_by_mouse, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_watch_demo_with_work_traced_asks_first, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_text_wraps_and_is_never_cut_at_three_sizes, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_summary_is_a_table_with_step_numbers_and_places, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
