/* Input: what a student tracing with a mouse, fingers or the pressure controls would see
 * recorded. Events go through SDL's own queue (SDL_PushEvent, SDL_PollEvent), as hardware
 * events do, with the dummy video driver. */
#include "test_support.h"
#include "app_events.h"
#include "input.h"
#include "loaders.h"
#include "replay_write.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A HiDPI window: 800x600 points, 1600x1200 output pixels. The body view starts at output
 * pixel (100, 50) with 10 px per cm; the tracing area is x 100-1299, y 50-1149 px; the
 * pressure slider is a strip on the right, x 1400-1549, y 100-1100 px. */
enum { WIN_W = 800, WIN_H = 600, OUT_W = 1600, OUT_H = 1200 };
static const GtViewTransform TRANSFORM = { 100.0, 50.0, 10.0 };
static const SDL_Rect TRACING = { 100, 50, 1200, 1100 };
static const SDL_Rect SLIDER = { 1400, 100, 150, 1001 };

/* The tests' clock, ms: events are stamped with it as they are drained (as the trainer's
 * virtual clock stamps scripted events), and a test moves it on instead of sleeping, so every
 * run records the same times at any machine load. */
static Uint32 test_clock = 1000;

static GtInput *make_input(void) {
    GtInput *input = gt_input_create();
    assert_non_null(input);
    gt_input_set_geometry(input, TRANSFORM, TRACING, SLIDER, WIN_W, WIN_H, OUT_W, OUT_H);
    gt_input_begin_attempt(input, "lower-back-basics", 2, "effleurage", GT_VIEW_POSTERIOR, test_clock);
    return input;
}

/* Window points of a body-map position (for the mouse), and window fractions (for fingers). */
static int pt_x(double x_cm) { return (int)lround((TRANSFORM.origin_x_px + x_cm * TRANSFORM.px_per_cm) / 2.0); }
static int pt_y(double y_cm) { return (int)lround((TRANSFORM.origin_y_px + y_cm * TRANSFORM.px_per_cm) / 2.0); }
static float fr_x(double x_cm) { return (float)((TRANSFORM.origin_x_px + x_cm * TRANSFORM.px_per_cm) / OUT_W); }
static float fr_y(double y_cm) { return (float)((TRANSFORM.origin_y_px + y_cm * TRANSFORM.px_per_cm) / OUT_H); }

static void push_button(Uint32 type, int x_pt, int y_pt, Uint32 which) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.button.which = which;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.x = x_pt;
    e.button.y = y_pt;
    gt_test_push(&e);
}

static void push_motion(int x_pt, int y_pt, Uint32 which) {
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEMOTION;
    e.motion.which = which;
    e.motion.state = SDL_BUTTON_LMASK;
    e.motion.x = x_pt;
    e.motion.y = y_pt;
    gt_test_push(&e);
}

/* Feeds every queued event to input, stamped with the test clock; returns how many it
 * consumed, and in *seen how many events of the kinds input cares about were queued. */
static int drain(GtInput *input, int *seen) {
    SDL_Event e;
    int consumed = 0, n = 0;
    while (SDL_PollEvent(&e)) {
        bool relevant = (e.type >= SDL_MOUSEMOTION && e.type <= SDL_MOUSEWHEEL) ||
                        (e.type >= SDL_FINGERDOWN && e.type <= SDL_FINGERMOTION) || e.type == SDL_KEYDOWN ||
                        e.type == SDL_KEYUP;
        if (!relevant) continue;
        n++;
        e.common.timestamp = test_clock;
        consumed += gt_input_handle_event(input, &e);
    }
    if (seen) *seen = n;
    return consumed;
}

static void assert_times_sane(const GtReplay *r) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t k = 0; k < r->contacts[c].count; k++) {
            assert_true(r->contacts[c].samples[k].t_ms >= 0.0);
            if (k) assert_true(r->contacts[c].samples[k].t_ms >= r->contacts[c].samples[k - 1].t_ms);
        }
}

static void test_mouse_drag_records_one_contact_in_cm(void **state) {
    (void)state;
    GtInput *input = make_input();
    push_button(SDL_MOUSEBUTTONDOWN, 200, 150, 0);  /* output px (400, 300): (30, 25) cm */
    push_motion(210, 150, 0);
    push_motion(220, 155, 0);
    push_motion(700, 155, 0);                       /* leaves the tracing area: still traced */
    push_button(SDL_MOUSEBUTTONUP, 700, 160, 0);
    int seen = 0;
    assert_int_equal(drain(input, &seen), 5);
    assert_int_equal(seen, 5);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_false(gt_input_recording(input));
    assert_int_equal(r.contact_count, 1);
    assert_int_equal(r.contacts[0].id, 0);
    assert_int_equal(r.contacts[0].count, 5);
    const GtSample *s = r.contacts[0].samples;
    assert_float_equal(s[0].x_cm, 30.0, 1e-9);
    assert_float_equal(s[0].y_cm, 25.0, 1e-9);
    assert_float_equal(s[1].x_cm, 32.0, 1e-9);
    assert_float_equal(s[2].y_cm, 26.0, 1e-9);
    assert_float_equal(s[3].x_cm, 130.0, 1e-9);
    assert_float_equal(s[4].y_cm, 27.0, 1e-9);
    assert_float_equal(s[0].pressure, 0.3, 1e-9); /* the starting level, 3 */
    assert_int_equal(r.device, GT_DEVICE_MOUSE);
    assert_int_equal(r.pressure_source, GT_PRESSURE_NONE); /* the student never set a level */
    assert_string_equal(r.lesson, "lower-back-basics");
    assert_times_sane(&r);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

/* Focus lost mid-drag (another window popped up): the button-up never comes, yet the stroke
 * must end there and the next drag must be a new contact, not a jump inside the old one. */
static void test_focus_loss_ends_the_press(void **state) {
    (void)state;
    GtInput *input = make_input();
    push_button(SDL_MOUSEBUTTONDOWN, 200, 150, 0);
    push_motion(210, 150, 0);
    assert_int_equal(drain(input, NULL), 2);
    SDL_Event focus = { 0 };
    focus.type = SDL_WINDOWEVENT;
    focus.window.event = SDL_WINDOWEVENT_FOCUS_LOST;
    assert_false(gt_input_handle_event(input, &focus));
    push_motion(260, 150, 0);                     /* moving after focus loss adds nothing */
    push_button(SDL_MOUSEBUTTONDOWN, 220, 150, 0);
    push_button(SDL_MOUSEBUTTONUP, 230, 150, 0);
    drain(input, NULL);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.contact_count, 2);
    assert_int_equal(r.contacts[0].count, 2);
    assert_float_equal(r.contacts[0].samples[1].x_cm, 32.0, 1e-9);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_two_fingers_are_two_overlapping_contacts(void **state) {
    (void)state;
    GtInput *input = make_input();
    gt_test_push_touch(SDL_FINGERDOWN, 1, 7, fr_x(20), fr_y(40), 1.0f);
    drain(input, NULL);
    test_clock += 20;
    gt_test_push_touch(SDL_FINGERDOWN, 1, 3, fr_x(60), fr_y(40), 1.0f);
    drain(input, NULL);
    test_clock += 20;
    gt_test_push_touch(SDL_FINGERMOTION, 1, 7, fr_x(21), fr_y(41), 1.0f);
    gt_test_push_touch(SDL_FINGERMOTION, 1, 3, fr_x(59), fr_y(41), 1.0f);
    drain(input, NULL);
    assert_int_equal(gt_input_live(input, test_clock).active_contacts, 2);
    test_clock += 20;
    gt_test_push_touch(SDL_FINGERUP, 1, 7, fr_x(21), fr_y(41), 1.0f);
    drain(input, NULL);
    test_clock += 20;
    gt_test_push_touch(SDL_FINGERUP, 1, 3, fr_x(59), fr_y(41), 1.0f);
    drain(input, NULL);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.contact_count, 2);
    const GtContact *a = &r.contacts[0], *b = &r.contacts[1];
    assert_int_not_equal(a->id, b->id);
    assert_int_equal(a->id, 0);
    assert_int_equal(b->id, 1);
    assert_float_equal(a->samples[0].x_cm, 20.0, 0.011);
    assert_float_equal(b->samples[0].x_cm, 60.0, 0.011);
    assert_true(b->samples[0].t_ms > a->samples[0].t_ms);            /* B came down after A ... */
    assert_true(b->samples[0].t_ms < a->samples[a->count - 1].t_ms); /* ... while A was still down */
    assert_true(b->samples[b->count - 1].t_ms > a->samples[a->count - 1].t_ms);
    assert_int_equal(r.device, GT_DEVICE_TOUCH);
    assert_times_sane(&r);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

/* A finger trace, optionally with SDL's synthetic mouse copies interleaved. */
static void finger_trace(bool with_synthetic) {
    gt_test_push_touch(SDL_FINGERDOWN, 1, 0, fr_x(30), fr_y(50), 1.0f);
    if (with_synthetic) push_button(SDL_MOUSEBUTTONDOWN, pt_x(30), pt_y(50), SDL_TOUCH_MOUSEID);
    for (int k = 1; k <= 5; k++) {
        gt_test_push_touch(SDL_FINGERMOTION, 1, 0, fr_x(30 + k), fr_y(50), 1.0f);
        if (with_synthetic) push_motion(pt_x(30 + k), pt_y(50), SDL_TOUCH_MOUSEID);
    }
    gt_test_push_touch(SDL_FINGERUP, 1, 0, fr_x(36), fr_y(50), 1.0f);
    if (with_synthetic) push_button(SDL_MOUSEBUTTONUP, pt_x(36), pt_y(50), SDL_TOUCH_MOUSEID);
}

static void test_synthetic_mouse_from_touch_is_ignored(void **state) {
    (void)state;
    size_t counts[2];
    for (int with = 0; with < 2; with++) {
        GtInput *input = make_input();
        finger_trace(with);
        int seen = 0;
        int consumed = drain(input, &seen);
        assert_int_equal(consumed, seen); /* duplicates are consumed too */
        assert_int_equal(seen, with ? 14 : 7);
        GtReplay r;
        assert_true(gt_input_end_attempt(input, &r));
        assert_int_equal(r.contact_count, 1);
        assert_int_equal(r.device, GT_DEVICE_TOUCH);
        counts[with] = r.contacts[0].count;
        gt_replay_free(&r);
        gt_input_destroy(input);
    }
    assert_int_equal(counts[0], 7);
    assert_int_equal(counts[1], counts[0]);
}

static void test_synthetic_touch_from_mouse_is_ignored(void **state) {
    (void)state;
    GtInput *input = make_input();
    push_button(SDL_MOUSEBUTTONDOWN, pt_x(40), pt_y(40), 0);
    gt_test_push_touch(SDL_FINGERDOWN, SDL_MOUSE_TOUCHID, 0, fr_x(40), fr_y(40), 1.0f);
    push_motion(pt_x(45), pt_y(40), 0);
    gt_test_push_touch(SDL_FINGERMOTION, SDL_MOUSE_TOUCHID, 0, fr_x(45), fr_y(40), 1.0f);
    push_button(SDL_MOUSEBUTTONUP, pt_x(46), pt_y(40), 0);
    gt_test_push_touch(SDL_FINGERUP, SDL_MOUSE_TOUCHID, 0, fr_x(46), fr_y(40), 1.0f);
    assert_int_equal(drain(input, NULL), 6);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.contact_count, 1);
    assert_int_equal(r.contacts[0].count, 3); /* down, move, up: nothing from the copies */
    assert_int_equal(r.device, GT_DEVICE_MOUSE);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_press_outside_the_tracing_area_is_left_to_the_interface(void **state) {
    (void)state;
    GtInput *input = make_input();
    SDL_Event e;
    push_button(SDL_MOUSEBUTTONDOWN, 20, 10, 0); /* output px (40, 20): a button in the corner */
    push_motion(300, 300, 0);                    /* dragging onto the body does not start tracing */
    push_button(SDL_MOUSEBUTTONUP, 300, 300, 0);
    gt_test_push_touch(SDL_FINGERDOWN, 1, 4, 0.99f, 0.99f, 1.0f);
    gt_test_push_touch(SDL_FINGERUP, 1, 4, 0.99f, 0.99f, 1.0f);
    int n = 0;
    while (SDL_PollEvent(&e)) {
        if (e.type != SDL_MOUSEBUTTONDOWN && e.type != SDL_MOUSEMOTION && e.type != SDL_MOUSEBUTTONUP &&
            e.type != SDL_FINGERDOWN && e.type != SDL_FINGERUP)
            continue;
        assert_false(gt_input_handle_event(input, &e));
        n++;
    }
    assert_int_equal(n, 5);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.contact_count, 0);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_presses_between_attempts_are_consumed_not_recorded(void **state) {
    (void)state;
    GtInput *input = make_input();
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    gt_replay_free(&r);
    assert_false(gt_input_end_attempt(input, &r)); /* nothing running any more */
    assert_null(gt_input_attempt(input));
    push_button(SDL_MOUSEBUTTONDOWN, pt_x(30), pt_y(30), 0);
    push_motion(pt_x(31), pt_y(30), 0);
    push_button(SDL_MOUSEBUTTONUP, pt_x(31), pt_y(30), 0);
    assert_int_equal(drain(input, NULL), 3);
    gt_input_begin_attempt(input, "neck", 1, "effleurage", GT_VIEW_POSTERIOR, test_clock);
    assert_int_equal(gt_input_attempt(input)->contact_count, 0);
    gt_input_destroy(input);
}

static void test_constant_finger_pressure_uses_the_manual_level(void **state) {
    (void)state;
    GtInput *input = make_input();
    gt_test_push_key(SDLK_5);
    gt_test_push_touch(SDL_FINGERDOWN, 1, 0, fr_x(30), fr_y(50), 1.0f);
    gt_test_push_touch(SDL_FINGERMOTION, 1, 0, fr_x(31), fr_y(50), 1.0f);
    gt_test_push_touch(SDL_FINGERUP, 1, 0, fr_x(32), fr_y(50), 1.0f);
    drain(input, NULL);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.pressure_source, GT_PRESSURE_KEYS);
    for (size_t k = 0; k < r.contacts[0].count; k++) assert_float_equal(r.contacts[0].samples[k].pressure, 0.5, 1e-9);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_varying_finger_pressure_is_the_device_pressure(void **state) {
    (void)state;
    GtInput *input = make_input();
    gt_test_push_key(SDLK_5); /* ignored for fingers once the device is known to measure pressure */
    static const float pressures[] = { 0.2f, 0.4f, 0.7f, 1.8f /* iOS raw force: clamped */ };
    gt_test_push_touch(SDL_FINGERDOWN, 1, 0, fr_x(30), fr_y(50), pressures[0]);
    for (int k = 1; k < 4; k++) gt_test_push_touch(SDL_FINGERMOTION, 1, 0, fr_x(30 + k), fr_y(50), pressures[k]);
    drain(input, NULL);
    GtInputLive live = gt_input_live(input, test_clock);
    assert_int_equal(live.source, GT_PRESSURE_DEVICE);
    assert_float_equal(live.level, 10.0, 1e-9);
    gt_test_push_touch(SDL_FINGERUP, 1, 0, fr_x(34), fr_y(50), 1.0f);
    drain(input, NULL);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.pressure_source, GT_PRESSURE_DEVICE);
    const GtSample *s = r.contacts[0].samples;
    assert_int_equal(r.contacts[0].count, 5);
    assert_float_equal(s[0].pressure, 0.2, 1e-9); /* the first value, corrected once it varied */
    assert_float_equal(s[1].pressure, 0.4, 1e-9);
    assert_float_equal(s[2].pressure, 0.7, 1e-9);
    assert_float_equal(s[3].pressure, 1.0, 1e-9);
    assert_float_equal(s[4].pressure, 1.0, 1e-9); /* the lift keeps the last pressure */
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_wheel_and_number_keys_set_the_level(void **state) {
    (void)state;
    GtInput *input = make_input();
    Uint32 now = test_clock;
    assert_float_equal(gt_input_live(input, now).level, 3.0, 1e-9);
    assert_int_equal(gt_input_live(input, now).source, GT_PRESSURE_NONE);
    gt_test_push_wheel(2);
    assert_int_equal(drain(input, NULL), 1);
    assert_float_equal(gt_input_live(input, now).level, 4.0, 1e-9);
    assert_int_equal(gt_input_live(input, now).source, GT_PRESSURE_WHEEL);
    gt_test_push_wheel(-30);
    drain(input, NULL);
    assert_float_equal(gt_input_live(input, now).level, 0.0, 1e-9); /* never below 0 */
    gt_test_push_key(SDLK_7);
    assert_int_equal(drain(input, NULL), 2);
    assert_float_equal(gt_input_live(input, now).level, 7.0, 1e-9);
    assert_int_equal(gt_input_live(input, now).source, GT_PRESSURE_KEYS);
    gt_test_push_key(SDLK_0);
    drain(input, NULL);
    assert_float_equal(gt_input_live(input, now).level, 10.0, 1e-9);
    gt_test_push_wheel(3);
    drain(input, NULL);
    assert_float_equal(gt_input_live(input, now).level, 10.0, 1e-9); /* never above 10 */
    gt_test_push_key(SDLK_a);
    gt_test_push_key(SDLK_ESCAPE);
    assert_int_equal(drain(input, NULL), 0); /* other keys belong to the interface */
    assert_float_equal(gt_input_live(input, now).level, 10.0, 1e-9);
    /* a mouse stroke now records level 10 and says where it came from */
    gt_test_push_key(SDLK_4);
    push_button(SDL_MOUSEBUTTONDOWN, pt_x(30), pt_y(30), 0);
    push_button(SDL_MOUSEBUTTONUP, pt_x(31), pt_y(30), 0);
    drain(input, NULL);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.pressure_source, GT_PRESSURE_KEYS);
    assert_float_equal(r.contacts[0].samples[0].pressure, 0.4, 1e-9);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_slider_finger_sets_the_level_and_is_no_contact(void **state) {
    (void)state;
    GtInput *input = make_input();
    float sx = 1475.0f / OUT_W;
    gt_test_push_touch(SDL_FINGERDOWN, 1, 9, sx, 100.0f / OUT_H, 1.0f); /* top of the slider */
    assert_int_equal(drain(input, NULL), 1);
    GtInputLive live = gt_input_live(input, test_clock);
    assert_true(live.slider_held);
    assert_int_equal(live.active_contacts, 0);
    assert_float_equal(live.level, 10.0, 1e-3);
    assert_int_equal(live.source, GT_PRESSURE_SLIDER);
    gt_test_push_touch(SDL_FINGERMOTION, 1, 9, sx, 600.0f / OUT_H, 1.0f); /* the middle */
    drain(input, NULL);
    assert_float_equal(gt_input_live(input, test_clock).level, 5.0, 1e-3);
    /* the other hand traces meanwhile, at the slider's level */
    gt_test_push_touch(SDL_FINGERDOWN, 1, 2, fr_x(30), fr_y(60), 1.0f);
    gt_test_push_touch(SDL_FINGERMOTION, 1, 9, sx, 1100.0f / OUT_H, 1.0f); /* the bottom */
    gt_test_push_touch(SDL_FINGERUP, 1, 2, fr_x(32), fr_y(60), 1.0f);
    drain(input, NULL);
    assert_float_equal(gt_input_live(input, test_clock).level, 0.0, 1e-3);
    gt_test_push_touch(SDL_FINGERUP, 1, 9, sx, 1100.0f / OUT_H, 1.0f);
    drain(input, NULL);
    assert_false(gt_input_live(input, test_clock).slider_held);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.contact_count, 1); /* only the tracing finger */
    assert_float_equal(r.contacts[0].samples[0].x_cm, 30.0, 0.011);
    assert_float_equal(r.contacts[0].samples[0].pressure, 0.5, 1e-3);
    assert_float_equal(r.contacts[0].samples[1].pressure, 0.0, 1e-3);
    assert_int_equal(r.pressure_source, GT_PRESSURE_SLIDER);
    gt_replay_free(&r);
    gt_input_destroy(input);
}

static void test_tick_adds_hold_samples_while_still(void **state) {
    (void)state;
    GtInput *input = make_input();
    Uint32 start = test_clock;
    gt_input_begin_attempt(input, "trigger-points", 1, "trigger-point", GT_VIEW_POSTERIOR, start);
    gt_test_push_touch(SDL_FINGERDOWN, 1, 0, fr_x(40), fr_y(70), 1.0f);
    drain(input, NULL);
    const GtContact *c = &gt_input_attempt(input)->contacts[0];
    double t0 = c->samples[0].t_ms;
    gt_input_tick(input, start + (Uint32)t0 + GT_INPUT_HOLD_SAMPLE_MS - 1);
    assert_int_equal(c->count, 1);
    for (int k = 1; k <= 20; k++) gt_input_tick(input, start + (Uint32)t0 + (Uint32)(k * GT_INPUT_HOLD_SAMPLE_MS));
    c = &gt_input_attempt(input)->contacts[0];
    assert_int_equal(c->count, 21); /* one second held still: a sample every 50 ms */
    assert_float_equal(c->samples[20].t_ms - c->samples[0].t_ms, 1000.0, 1e-9);
    assert_float_equal(c->samples[20].x_cm, c->samples[0].x_cm, 1e-9);
    Uint32 later = start + (Uint32)t0 + 1000;
    GtInputLive live = gt_input_live(input, later);
    assert_float_equal(live.speed_cm_s, 0.0, 1e-9);
    assert_int_equal(live.active_contacts, 1);
    gt_input_destroy(input);
}

/* Builds an event by hand with a chosen timestamp (SDL_PushEvent would overwrite it). */
static bool feed_finger(GtInput *input, Uint32 type, SDL_FingerID id, double x_cm, double y_cm, Uint32 ticks) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.timestamp = ticks;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = id;
    e.tfinger.x = fr_x(x_cm);
    e.tfinger.y = fr_y(y_cm);
    e.tfinger.pressure = 1.0f;
    return gt_input_handle_event(input, &e);
}

static void test_live_speed_and_lift_cue(void **state) {
    (void)state;
    GtInput *input = gt_input_create();
    assert_non_null(input);
    gt_input_set_geometry(input, TRANSFORM, TRACING, SLIDER, WIN_W, WIN_H, OUT_W, OUT_H);
    Uint32 start = 100000;
    gt_input_begin_attempt(input, "neck", 1, "effleurage", GT_VIEW_POSTERIOR, start);
    assert_true(feed_finger(input, SDL_FINGERDOWN, 0, 20.0, 50.0, start + 10));
    for (int k = 1; k <= 30; k++) /* 0.08 cm every 16 ms: 5 cm/s */
        assert_true(feed_finger(input, SDL_FINGERMOTION, 0, 20.0 + 0.08 * k, 50.0, start + 10 + 16 * (Uint32)k));
    Uint32 last = start + 10 + 16 * 30;
    assert_float_equal(gt_input_live(input, last).speed_cm_s, 5.0, 0.3);
    assert_false(gt_input_live(input, last).lifted_recently);
    assert_float_equal(gt_input_live(input, last + 400).speed_cm_s, 0.0, 1e-9); /* stopped */
    assert_true(feed_finger(input, SDL_FINGERUP, 0, 22.4, 50.0, last + 400));
    assert_true(gt_input_live(input, last + 500).lifted_recently);
    assert_false(gt_input_live(input, last + 1500).lifted_recently);
    /* a lift just before the next attempt began is not this attempt's interruption */
    gt_input_begin_attempt(input, "neck", 1, "effleurage", GT_VIEW_POSTERIOR, last + 450);
    assert_false(gt_input_live(input, last + 500).lifted_recently);
    /* time counts from the attempt's first touch (even one stamped before the attempt began);
     * a late, older timestamp never makes time run backwards within a contact */
    gt_input_begin_attempt(input, "neck", 1, "effleurage", GT_VIEW_POSTERIOR, start + 5000);
    assert_true(feed_finger(input, SDL_FINGERDOWN, 0, 20.0, 50.0, start + 4990));
    assert_true(feed_finger(input, SDL_FINGERMOTION, 0, 21.0, 50.0, start + 5040));
    assert_true(feed_finger(input, SDL_FINGERMOTION, 0, 22.0, 50.0, start + 5030));
    assert_true(feed_finger(input, SDL_FINGERMOTION, 0, 23.0, 50.0, start + 5060));
    const GtContact *c = &gt_input_attempt(input)->contacts[0];
    assert_float_equal(c->samples[0].t_ms, 0.0, 1e-9);
    assert_float_equal(c->samples[1].t_ms, 50.0, 1e-9);
    assert_float_equal(c->samples[2].t_ms, 50.0, 1e-9);
    assert_float_equal(c->samples[3].t_ms, 70.0, 1e-9);
    gt_input_destroy(input);
}

/* The attempt's clock starts at its first touch, however long the screen was open before it. */
static void test_attempt_clock_counts_from_the_first_touch(void **state) {
    (void)state;
    GtInput *input = make_input();
    assert_true(gt_input_attempt_ms(input, 5000) == 0.0);          /* no attempt: 0 */
    gt_input_begin_attempt(input, "lower-back-basics", 4, "circular-friction", GT_VIEW_POSTERIOR, 1000);
    assert_true(gt_input_attempt_ms(input, 1250) == 0.0);           /* not touched yet: 0 */
    assert_true(feed_finger(input, SDL_FINGERDOWN, 0, 20.0, 50.0, 3000));
    assert_true(gt_input_attempt_ms(input, 3250) == 250.0);
    assert_true(gt_input_attempt_ms(input, 2900) == 0.0);           /* never negative */
    assert_true(gt_input_attempt(input)->contacts[0].samples[0].t_ms == 0.0);
    GtReplay replay;
    assert_true(gt_input_end_attempt(input, &replay));
    gt_replay_free(&replay);
    assert_true(gt_input_attempt_ms(input, 5000) == 0.0);
    gt_input_destroy(input);
}

static void test_attempt_round_trips_through_the_replay_file(void **state) {
    (void)state;
    GtInput *input = make_input();
    gt_test_push_wheel(1);
    push_button(SDL_MOUSEBUTTONDOWN, pt_x(30.13), pt_y(40.07), 0);
    drain(input, NULL);
    test_clock += 15;
    for (int k = 1; k <= 10; k++) push_motion(pt_x(30 + 0.7 * k), pt_y(40 + 0.3 * k), 0);
    push_button(SDL_MOUSEBUTTONUP, pt_x(37), pt_y(43), 0);
    drain(input, NULL);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    char *text = gt_replay_to_json(&r);
    assert_non_null(text);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay back;
    bool ok = gt_load_replay("attempt.json", text, strlen(text), &diag, &back);
    if (!ok) gt_diag_print(&diag, stderr);
    assert_true(ok);
    assert_string_equal(back.lesson, "lower-back-basics");
    assert_int_equal(back.step, 2);
    assert_string_equal(back.technique, "effleurage");
    assert_int_equal(back.view, GT_VIEW_POSTERIOR);
    assert_int_equal(back.device, GT_DEVICE_MOUSE);
    assert_int_equal(back.pressure_source, GT_PRESSURE_WHEEL);
    assert_int_equal(back.contact_count, 1);
    assert_int_equal(back.contacts[0].count, r.contacts[0].count);
    assert_memory_equal(back.contacts[0].samples, r.contacts[0].samples, r.contacts[0].count * sizeof(GtSample));
    free(text);
    gt_replay_free(&back);
    gt_replay_free(&r);
    gt_diag_free(&diag);
    gt_input_destroy(input);
}

static int init_sdl(void **state) {
    (void)state;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return -1;
    }
    return 0;
}

static int quit_sdl(void **state) {
    (void)state;
    SDL_Quit();
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mouse_drag_records_one_contact_in_cm),
        cmocka_unit_test(test_focus_loss_ends_the_press),
        cmocka_unit_test(test_two_fingers_are_two_overlapping_contacts),
        cmocka_unit_test(test_synthetic_mouse_from_touch_is_ignored),
        cmocka_unit_test(test_synthetic_touch_from_mouse_is_ignored),
        cmocka_unit_test(test_press_outside_the_tracing_area_is_left_to_the_interface),
        cmocka_unit_test(test_presses_between_attempts_are_consumed_not_recorded),
        cmocka_unit_test(test_constant_finger_pressure_uses_the_manual_level),
        cmocka_unit_test(test_varying_finger_pressure_is_the_device_pressure),
        cmocka_unit_test(test_wheel_and_number_keys_set_the_level),
        cmocka_unit_test(test_slider_finger_sets_the_level_and_is_no_contact),
        cmocka_unit_test(test_tick_adds_hold_samples_while_still),
        cmocka_unit_test(test_live_speed_and_lift_cue),
        cmocka_unit_test(test_attempt_clock_counts_from_the_first_touch),
        cmocka_unit_test(test_attempt_round_trips_through_the_replay_file),
    };
    return cmocka_run_group_tests(tests, init_sdl, quit_sdl);
}
