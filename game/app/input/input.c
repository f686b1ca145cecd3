/* input: SDL mouse and finger events to the engine's contacts and samples (see input.h). */
#include "input.h"

#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum {
    SLOT_COUNT = GT_INPUT_MAX_FINGERS + 1, /* every finger, plus the mouse */
    TRAIL_SIZE = 64,                        /* recent positions kept per contact for live speed */
    SPEED_WINDOW_MS = 150,
    LIFT_CUE_MS = 1000
};

static const double WHEEL_STEP = 0.5; /* pressure levels per wheel notch */

typedef enum SlotKind { SLOT_FREE, SLOT_MOUSE, SLOT_FINGER } SlotKind;

/* One recent position, for the live speed gauge (kept whether or not an attempt runs). */
typedef struct TrailPoint {
    Uint32 ticks; /* SDL ticks of the event */
    double x_cm, y_cm;
} TrailPoint;

/* A press in progress: the mouse button or one finger. */
typedef struct Slot {
    SlotKind kind;
    SDL_TouchID touch;       /* fingers: device and finger that own the slot */
    SDL_FingerID finger;
    int id;                  /* the contact id in the replay: 0..GT_INPUT_MAX_FINGERS-1 */
    int contact;             /* index in the attempt replay; -1 when not recorded */
    unsigned serial;         /* order of arrival, to find the newest contact */
    double device_pressure;  /* fingers: last device pressure seen, clamped 0..1 */
    GtSample last;           /* last sample given to this contact (also kept when unrecorded) */
    TrailPoint trail[TRAIL_SIZE];
    size_t trail_count;      /* points stored; the newest is at (trail_next - 1) */
    size_t trail_next;
} Slot;

struct GtInput {
    GtViewTransform transform;
    SDL_Rect tracing, slider;
    int window_w, window_h, output_w, output_h;

    bool recording;
    GtReplay replay;           /* the attempt being recorded */
    unsigned char *is_finger;  /* per replay contact: recorded from a finger (1) or the mouse (0) */
    size_t is_finger_capacity;
    Uint32 start_ticks;        /* the attempt's first touch (t_ms 0), once `touched` */
    bool touched;              /* the attempt has had its first press */
    size_t sample_total;       /* samples recorded in this attempt */
    bool full;                 /* the attempt reached a replay limit (gt_replay.h) and records no more */
    bool used_device;          /* some sample of this attempt took the device pressure */
    bool lifted;               /* a recorded contact ended during this attempt ... */
    Uint32 lift_ticks;         /* ... at these ticks */
    int lift_contact;          /* ... and was this contact of the replay */

    double level;              /* manual pressure level 0-10 */
    GtPressureSource manual_source;
    bool pressure_seen;        /* some real finger reported a pressure */
    float first_pressure;      /* the first one reported */
    bool pressure_varies;      /* a later one differed: the device really measures pressure */

    Slot slots[SLOT_COUNT];
    unsigned serial;
    bool slider_held;          /* a finger holds the slider ... */
    bool slider_by_mouse;      /* ... or the mouse (or a pen that acts as one) drags it */
    SDL_TouchID slider_touch;
    SDL_FingerID slider_finger;
    bool pointer_known;        /* the mouse (or a pen acting as one) has moved over the window ... */
    double pointer_x_px, pointer_y_px; /* ... and is here, in output pixels */
};

/* `value` kept within [lo, hi]. */
static double clamp(double value, double lo, double hi) {
    return value < lo ? lo : value > hi ? hi : value;
}

/* Signed difference a - b of two SDL tick counts, correct across the 49-day wrap. */
static double ticks_diff(Uint32 a, Uint32 b) {
    return (double)(Sint32)(a - b);
}

GtInput *gt_input_create(void) {
    GtInput *input = calloc(1, sizeof *input);
    if (!input) return NULL;
    gt_replay_init(&input->replay);
    input->transform.px_per_cm = 1.0;
    input->window_w = input->window_h = input->output_w = input->output_h = 1;
    input->level = 3.0;
    input->manual_source = GT_PRESSURE_NONE;
    return input;
}

void gt_input_destroy(GtInput *input) {
    if (!input) return;
    gt_replay_free(&input->replay);
    free(input->is_finger);
    free(input);
}

void gt_input_set_geometry(GtInput *input, GtViewTransform transform, SDL_Rect tracing_area_px,
                           SDL_Rect slider_area_px, int window_w_pt, int window_h_pt, int output_w_px,
                           int output_h_px) {
    input->transform = transform;
    if (!(input->transform.px_per_cm > 0.0)) input->transform.px_per_cm = 1.0;
    input->tracing = tracing_area_px;
    input->slider = slider_area_px;
    input->window_w = window_w_pt > 0 ? window_w_pt : 1;
    input->window_h = window_h_pt > 0 ? window_h_pt : 1;
    input->output_w = output_w_px > 0 ? output_w_px : input->window_w;
    input->output_h = output_h_px > 0 ? output_h_px : input->window_h;
}

/* Forgets the attempt replay and detaches held contacts from it (they go on unrecorded). */
static void reset_attempt(GtInput *input) {
    gt_replay_free(&input->replay);
    gt_replay_init(&input->replay);
    for (int i = 0; i < SLOT_COUNT; i++) input->slots[i].contact = -1;
    input->recording = false;
    input->used_device = false;
    input->lifted = false;
    input->touched = false;
    input->full = false;
    input->sample_total = 0;
}

void gt_input_begin_attempt(GtInput *input, const char *lesson, int step, const char *technique, GtView view,
                            Uint32 now_ms) {
    reset_attempt(input);
    snprintf(input->replay.lesson, sizeof input->replay.lesson, "%s", lesson ? lesson : "");
    snprintf(input->replay.technique, sizeof input->replay.technique, "%s", technique ? technique : "");
    input->replay.step = step;
    input->replay.view = view;
    input->start_ticks = now_ms;
    input->recording = true;
}

bool gt_input_recording(const GtInput *input) {
    return input->recording;
}

bool gt_input_end_attempt(GtInput *input, GtReplay *out) {
    if (!input->recording) return false;
    bool any_finger = false;
    for (size_t i = 0; i < input->replay.contact_count; i++) any_finger |= input->is_finger[i] != 0;
    input->replay.device = any_finger ? GT_DEVICE_TOUCH : GT_DEVICE_MOUSE;
    input->replay.pressure_source = input->used_device ? GT_PRESSURE_DEVICE : input->manual_source;
    *out = input->replay;
    gt_replay_init(&input->replay);
    reset_attempt(input);
    return true;
}

double gt_input_attempt_ms(const GtInput *input, Uint32 now_ms) {
    return input->recording && input->touched ? fmax(0.0, ticks_diff(now_ms, input->start_ticks)) : 0.0;
}

bool gt_input_attempt_full(const GtInput *input) {
    return input->recording && input->full;
}

const GtReplay *gt_input_attempt(const GtInput *input) {
    return input->recording ? &input->replay : NULL;
}

void gt_input_set_level(GtInput *input, double level, GtPressureSource source) {
    input->level = clamp(isfinite(level) ? level : 0.0, 0.0, 10.0);
    input->manual_source = source;
}

/* A position in output pixels kept on the window: a pointer dragged out of it (the mouse held
 * past the edge, a touch reported outside 0..1, or not a number) is at the nearest edge, so no
 * sample lies beyond what the window shows. */
static void keep_on_window(const GtInput *input, double *x_px, double *y_px) {
    *x_px = fmax(0.0, fmin(*x_px, (double)input->output_w)); /* NaN gives the far edge */
    *y_px = fmax(0.0, fmin(*y_px, (double)input->output_h));
}

/* Window points (mouse) to output pixels, kept on the window. */
static void points_to_px(const GtInput *input, double x_pt, double y_pt, double *x_px, double *y_px) {
    *x_px = x_pt * input->output_w / input->window_w;
    *y_px = y_pt * input->output_h / input->window_h;
    keep_on_window(input, x_px, y_px);
}

/* True when a point (output pixels) lies in a non-empty rectangle. */
static bool inside(SDL_Rect r, double x_px, double y_px) {
    return r.w > 0 && r.h > 0 && x_px >= r.x && x_px < (double)r.x + r.w && y_px >= r.y && y_px < (double)r.y + r.h;
}

/* The pressure a sample of this slot takes now, 0..1. */
static double slot_pressure(const GtInput *input, const Slot *slot) {
    if (slot->kind == SLOT_FINGER && input->pressure_varies) return slot->device_pressure;
    return input->level / 10.0;
}

/* Records that a real finger reported `pressure`. The first time the values differ the
 * device is known to measure pressure; finger samples of the running attempt taken so far
 * (all at the one constant device value) are then corrected to that value. */
static void note_device_pressure(GtInput *input, float pressure) {
    if (!input->pressure_seen) {
        input->pressure_seen = true;
        input->first_pressure = pressure;
        return;
    }
    if (input->pressure_varies || pressure == input->first_pressure) return;
    input->pressure_varies = true;
    if (!input->recording) return;
    double p = clamp(input->first_pressure, 0.0, 1.0);
    for (size_t c = 0; c < input->replay.contact_count; c++) {
        if (!input->is_finger[c]) continue;
        GtContact *contact = &input->replay.contacts[c];
        for (size_t k = 0; k < contact->count; k++) {
            GtSample s = contact->samples[k];
            s.pressure = p;
            contact->samples[k] = gt_sample_quantize(s);
        }
        input->used_device = true;
    }
}

/* Adds a sample at event time `ticks` and position (cm) to the slot's contact (if recorded)
 * and to its live trail. Times are relative to the attempt start, clamped at 0, and never
 * go back within a contact. Out of memory loses the sample, nothing else. */
static void add_sample(GtInput *input, Slot *slot, Uint32 ticks, double x_cm, double y_cm) {
    TrailPoint *point = &slot->trail[slot->trail_next];
    *point = (TrailPoint){ ticks, x_cm, y_cm };
    slot->trail_next = (slot->trail_next + 1) % TRAIL_SIZE;
    if (slot->trail_count < TRAIL_SIZE) slot->trail_count++;

    double t = input->recording ? fmax(0.0, ticks_diff(ticks, input->start_ticks)) : 0.0;
    GtSample s = gt_sample_quantize((GtSample){ t, x_cm, y_cm, slot_pressure(input, slot) });
    GtContact *contact = slot->contact >= 0 ? &input->replay.contacts[slot->contact] : NULL;
    if (contact && contact->count && s.t_ms < contact->samples[contact->count - 1].t_ms)
        s.t_ms = contact->samples[contact->count - 1].t_ms;
    slot->last = s;
    if (!contact || input->full) return;
    if (input->sample_total >= GT_REPLAY_MAX_SAMPLES || s.t_ms > GT_REPLAY_MAX_MS) {
        input->full = true; /* the session ends the attempt here (gt_input_attempt_full) */
        return;
    }
    if (gt_replay_add_sample(&input->replay, slot->contact, s)) input->sample_total++;
    if (slot->kind == SLOT_FINGER && input->pressure_varies) input->used_device = true;
}

/* Output pixels to body-map centimetres. */
static void px_to_cm(const GtInput *input, double x_px, double y_px, double *x_cm, double *y_cm) {
    *x_cm = (x_px - input->transform.origin_x_px) / input->transform.px_per_cm;
    *y_cm = (y_px - input->transform.origin_y_px) / input->transform.px_per_cm;
}

/* Takes a free slot for a new press and gives it the lowest contact id no held contact uses;
 * when an attempt runs, the press also becomes a new replay contact. NULL when all slots are
 * taken (the press is then ignored). */
static Slot *open_slot(GtInput *input, SlotKind kind, Uint32 ticks) {
    Slot *slot = NULL;
    bool id_used[SLOT_COUNT] = { false };
    for (int i = 0; i < SLOT_COUNT; i++) {
        Slot *s = &input->slots[i];
        if (s->kind == SLOT_FREE) {
            if (!slot) slot = s;
        } else {
            id_used[s->id] = true;
        }
    }
    if (!slot) return NULL;
    memset(slot, 0, sizeof *slot);
    slot->kind = kind;
    slot->contact = -1;
    slot->serial = ++input->serial;
    while (id_used[slot->id] && slot->id < SLOT_COUNT - 1) slot->id++;
    if (!input->recording) return slot;

    GtReplay *r = &input->replay;
    if (r->contact_count >= GT_REPLAY_MAX_CONTACTS || input->full) {
        input->full = true;
        return slot; /* the press goes on unrecorded; the session ends the attempt */
    }
    if (!input->touched) { /* the attempt's time starts at its first touch */
        input->touched = true;
        input->start_ticks = ticks;
    }
    if (r->contact_count >= input->is_finger_capacity) {
        size_t capacity = input->is_finger_capacity ? input->is_finger_capacity * 2 : 16;
        unsigned char *grown = realloc(input->is_finger, capacity);
        if (!grown) return slot; /* out of memory: the press goes on unrecorded */
        input->is_finger = grown;
        input->is_finger_capacity = capacity;
    }
    int index = gt_replay_add_contact(r, slot->id);
    if (index >= 0) {
        input->is_finger[index] = kind == SLOT_FINGER;
        slot->contact = index;
    }
    return slot;
}

/* Ends a press: a recorded contact is closed and the lift is noted for the live cue. */
static void close_slot(GtInput *input, Slot *slot, Uint32 ticks) {
    if (input->recording && slot->contact >= 0) {
        input->lifted = true;
        input->lift_ticks = ticks;
        input->lift_contact = slot->contact;
    }
    slot->kind = SLOT_FREE;
    slot->contact = -1;
}

/* Adds the lift-off sample unless it repeats the last one exactly. */
static void add_final_sample(GtInput *input, Slot *slot, Uint32 ticks, double x_cm, double y_cm) {
    double t = input->recording ? fmax(0.0, ticks_diff(ticks, input->start_ticks)) : 0.0;
    GtSample s = gt_sample_quantize((GtSample){ t, x_cm, y_cm, slot->last.pressure });
    bool same = s.x_cm == slot->last.x_cm && s.y_cm == slot->last.y_cm && s.t_ms <= slot->last.t_ms;
    if (!same) add_sample(input, slot, ticks, x_cm, y_cm);
}

/* The slot of the mouse press in progress, or NULL. */
static Slot *find_mouse(GtInput *input) {
    for (int i = 0; i < SLOT_COUNT; i++)
        if (input->slots[i].kind == SLOT_MOUSE) return &input->slots[i];
    return NULL;
}

/* The slot of this finger's press in progress, or NULL. */
static Slot *find_finger(GtInput *input, SDL_TouchID touch, SDL_FingerID finger) {
    for (int i = 0; i < SLOT_COUNT; i++) {
        Slot *s = &input->slots[i];
        if (s->kind == SLOT_FINGER && s->touch == touch && s->finger == finger) return s;
    }
    return NULL;
}

static void slider_set(GtInput *input, double y_px);

/* The mouse on the slider: a left press there grabs it, motion drags the level, the release
 * lets go. Returns true when the event was the slider's. */
static bool mouse_slider(GtInput *input, const SDL_Event *e, double x_px, double y_px) {
    if (e->type == SDL_MOUSEBUTTONDOWN) {
        if (e->button.button != SDL_BUTTON_LEFT || find_mouse(input) || !inside(input->slider, x_px, y_px))
            return false;
        input->slider_by_mouse = true;
    } else if (!input->slider_by_mouse || (e->type == SDL_MOUSEBUTTONUP && e->button.button != SDL_BUTTON_LEFT)) {
        return false;
    }
    slider_set(input, y_px);
    if (e->type == SDL_MOUSEBUTTONUP) input->slider_by_mouse = false;
    return true;
}

/* Left button: presses in the tracing area trace, presses on the slider drag it; motion and
 * release follow the press. */
static bool handle_mouse(GtInput *input, const SDL_Event *e) {
    bool motion = e->type == SDL_MOUSEMOTION;
    Uint32 which = motion ? e->motion.which : e->button.which;
    if (which == SDL_TOUCH_MOUSEID) return true; /* SDL's copy of a finger: counted as the finger */
    double x_px, y_px, x_cm, y_cm;
    if (motion)
        points_to_px(input, e->motion.x, e->motion.y, &x_px, &y_px);
    else
        points_to_px(input, e->button.x, e->button.y, &x_px, &y_px);
    input->pointer_known = true;
    input->pointer_x_px = x_px;
    input->pointer_y_px = y_px;
    /* the slider's release also ends a stroke the mouse began before it (a press reported twice) */
    if (mouse_slider(input, e, x_px, y_px) && (e->type != SDL_MOUSEBUTTONUP || !find_mouse(input))) return true;
    px_to_cm(input, x_px, y_px, &x_cm, &y_cm);
    Slot *slot = find_mouse(input);
    Uint32 ticks = e->common.timestamp;

    if (e->type == SDL_MOUSEBUTTONDOWN) {
        if (e->button.button != SDL_BUTTON_LEFT) return false;
        if (slot) return true; /* already pressed (a lost release): keep the contact */
        if (!inside(input->tracing, x_px, y_px)) return false;
        slot = open_slot(input, SLOT_MOUSE, ticks);
        if (slot) add_sample(input, slot, ticks, x_cm, y_cm);
        return true;
    }
    if (!slot) return false;
    if (motion) {
        add_sample(input, slot, ticks, x_cm, y_cm);
        return true;
    }
    if (e->button.button != SDL_BUTTON_LEFT) return false;
    add_final_sample(input, slot, ticks, x_cm, y_cm);
    close_slot(input, slot, ticks);
    return true;
}

/* The level a finger or the mouse at output height y_px sets on the slider: top 10, bottom 0,
 * in steps of a tenth of a level (beyond either end it stays at the end). */
static void slider_set(GtInput *input, double y_px) {
    double h = input->slider.h > 1 ? input->slider.h - 1 : 1;
    double level = 10.0 * (1.0 - (y_px - input->slider.y) / h);
    gt_input_set_level(input, round(clamp(level, 0.0, 10.0) * 10.0) / 10.0, GT_PRESSURE_SLIDER);
}

/* Fingers: each is its own contact, except the one holding the pressure slider. */
static bool handle_finger(GtInput *input, const SDL_Event *e) {
    const SDL_TouchFingerEvent *f = &e->tfinger;
    if (f->touchId == SDL_MOUSE_TOUCHID) return true; /* SDL's copy of the mouse */
    double x_px = (double)f->x * input->output_w, y_px = (double)f->y * input->output_h, x_cm, y_cm;
    keep_on_window(input, &x_px, &y_px);
    px_to_cm(input, x_px, y_px, &x_cm, &y_cm);
    bool on_slider = input->slider_held && input->slider_touch == f->touchId && input->slider_finger == f->fingerId;
    /* A pressure that is not a number measures nothing: it neither shows that the device senses
     * pressure nor becomes a sample's (others are clamped to 0..1). Lift events report no
     * meaningful pressure on several platforms (iOS sends 1.0). */
    bool pressure_ok = isfinite(f->pressure);
    if (e->type != SDL_FINGERUP && pressure_ok) note_device_pressure(input, f->pressure);

    if (e->type == SDL_FINGERDOWN) {
        if (inside(input->slider, x_px, y_px)) {
            input->slider_held = true;
            input->slider_touch = f->touchId;
            input->slider_finger = f->fingerId;
            slider_set(input, y_px);
            return true;
        }
        if (find_finger(input, f->touchId, f->fingerId)) return true; /* repeated down: ignore */
        if (!inside(input->tracing, x_px, y_px)) return false;
        Slot *slot = open_slot(input, SLOT_FINGER, f->timestamp);
        if (!slot) return true; /* more fingers than we track: consumed, not counted */
        slot->touch = f->touchId;
        slot->finger = f->fingerId;
        slot->device_pressure = pressure_ok ? clamp(f->pressure, 0.0, 1.0) : input->level / 10.0;
        add_sample(input, slot, f->timestamp, x_cm, y_cm);
        return true;
    }
    if (on_slider) {
        slider_set(input, y_px);
        if (e->type == SDL_FINGERUP) input->slider_held = false;
        /* a finger reported down twice (on the body, then the slider) ends its contact too */
        if (e->type != SDL_FINGERUP || !find_finger(input, f->touchId, f->fingerId)) return true;
    }
    Slot *slot = find_finger(input, f->touchId, f->fingerId);
    if (!slot) return false;
    if (e->type == SDL_FINGERMOTION) {
        if (pressure_ok) slot->device_pressure = clamp(f->pressure, 0.0, 1.0); /* else it keeps its last */
        add_sample(input, slot, f->timestamp, x_cm, y_cm);
    } else {
        add_final_sample(input, slot, f->timestamp, x_cm, y_cm);
        close_slot(input, slot, f->timestamp);
    }
    return true;
}

/* Wheel: half a level per notch; positive (away from the student) presses harder. */
static bool handle_wheel(GtInput *input, const SDL_MouseWheelEvent *w) {
    if (w->which == SDL_TOUCH_MOUSEID) return true;
    double notches = w->direction == SDL_MOUSEWHEEL_FLIPPED ? -(double)w->y : (double)w->y;
    if (notches != 0.0) gt_input_set_level(input, input->level + WHEEL_STEP * notches, GT_PRESSURE_WHEEL);
    return true;
}

/* Number keys (main row and keypad): '1'..'9' set that level, '0' sets 10. Keys held with
 * Ctrl, Alt or GUI are shortcuts, not pressure, and are left to the interface. */
static bool handle_key(GtInput *input, const SDL_KeyboardEvent *k) {
    if (k->keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) return false;
    SDL_Keycode sym = k->keysym.sym;
    int digit = -1;
    if (sym >= SDLK_0 && sym <= SDLK_9) digit = (int)(sym - SDLK_0);
    else if (sym >= SDLK_KP_1 && sym <= SDLK_KP_9) digit = 1 + (int)(sym - SDLK_KP_1);
    else if (sym == SDLK_KP_0) digit = 0;
    if (digit < 0) return false;
    if (k->type == SDL_KEYDOWN) gt_input_set_level(input, digit == 0 ? 10.0 : digit, GT_PRESSURE_KEYS);
    return true;
}

/* When the window loses focus the button-up or finger-up may never come: every press ends
 * where it last was, so a contact cannot stay open and swallow the next stroke. */
static void release_all(GtInput *input, Uint32 ticks) {
    for (int i = 0; i < SLOT_COUNT; i++)
        if (input->slots[i].kind != SLOT_FREE) close_slot(input, &input->slots[i], ticks);
    input->slider_held = input->slider_by_mouse = false;
}

bool gt_input_handle_event(GtInput *input, const SDL_Event *event) {
    switch (event->type) {
    case SDL_WINDOWEVENT:
        if (event->window.event == SDL_WINDOWEVENT_FOCUS_LOST) release_all(input, event->window.timestamp);
        return false;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION:
        return handle_mouse(input, event);
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        return handle_finger(input, event);
    case SDL_MOUSEWHEEL:
        return handle_wheel(input, &event->wheel);
    case SDL_KEYDOWN:
    case SDL_KEYUP:
        return handle_key(input, &event->key);
    default:
        return false;
    }
}

void gt_input_tick(GtInput *input, Uint32 now_ms) {
    if (!input->recording) return;
    double now_t = fmax(0.0, ticks_diff(now_ms, input->start_ticks));
    for (int i = 0; i < SLOT_COUNT; i++) {
        Slot *slot = &input->slots[i];
        if (slot->kind == SLOT_FREE || slot->contact < 0) continue;
        /* each hold sample falls exactly one period after the one before, however late this call */
        for (;;) {
            const GtContact *contact = &input->replay.contacts[slot->contact];
            if (!contact->count) break;
            double due_t = contact->samples[contact->count - 1].t_ms + GT_INPUT_HOLD_SAMPLE_MS;
            if (due_t > now_t) break;
            size_t before = contact->count;
            add_sample(input, slot, input->start_ticks + (Uint32)llround(due_t), slot->last.x_cm, slot->last.y_cm);
            if (input->replay.contacts[slot->contact].count == before) break; /* out of memory: stop */
        }
    }
}

/* Speed over the trail points of the last SPEED_WINDOW_MS before `now` (or before the newest
 * point when that is later), cm/s; 0 when fewer than two points fall inside. */
static double trail_speed(const Slot *slot, Uint32 now) {
    if (slot->trail_count < 2) return 0.0;
    const TrailPoint *newest = &slot->trail[(slot->trail_next + TRAIL_SIZE - 1) % TRAIL_SIZE];
    Uint32 end = ticks_diff(newest->ticks, now) > 0 ? newest->ticks : now;
    double length = 0.0, first_age = 0.0;
    size_t used = 1;
    const TrailPoint *later = newest;
    if (ticks_diff(end, newest->ticks) > SPEED_WINDOW_MS) return 0.0;
    for (size_t k = 1; k < slot->trail_count; k++) {
        const TrailPoint *p = &slot->trail[(slot->trail_next + TRAIL_SIZE - 1 - k) % TRAIL_SIZE];
        double age = ticks_diff(end, p->ticks);
        if (age > SPEED_WINDOW_MS) break;
        length += hypot(later->x_cm - p->x_cm, later->y_cm - p->y_cm);
        first_age = age;
        later = p;
        used++;
    }
    if (used < 2 || first_age <= 0.0) return 0.0;
    return length / (first_age / 1000.0);
}

GtInputLive gt_input_live(const GtInput *input, Uint32 now_ms) {
    GtInputLive live = { 0 };
    live.level = input->level;
    live.source = input->manual_source;
    live.slider_held = input->slider_held || input->slider_by_mouse;
    const Slot *newest = NULL;
    for (int i = 0; i < SLOT_COUNT; i++) {
        const Slot *s = &input->slots[i];
        if (s->kind == SLOT_FREE) continue;
        live.active_contacts++;
        if (!newest || s->serial > newest->serial) newest = s;
    }
    if (newest) {
        live.speed_cm_s = trail_speed(newest, now_ms);
        if (newest->kind == SLOT_FINGER && input->pressure_varies) {
            live.level = 10.0 * newest->device_pressure;
            live.source = GT_PRESSURE_DEVICE;
        }
    }
    double since_lift = ticks_diff(now_ms, input->lift_ticks);
    live.lifted_recently = input->recording && input->lifted && since_lift >= 0.0 && since_lift < LIFT_CUE_MS;
    live.lifted_contact = live.lifted_recently ? input->lift_contact : -1;
    return live;
}

bool gt_input_pointer_px(const GtInput *input, double *x_px, double *y_px) {
    if (!input->pointer_known) return false;
    *x_px = input->pointer_x_px;
    *y_px = input->pointer_y_px;
    return true;
}
