/* input: turns SDL mouse, touch and pen events into the engine's contacts and samples.
 *
 * - Mouse: the left button traces. Pens arrive as mouse or touch and are treated so.
 * - Touch: every finger is its own contact (two-handed techniques), with SDL_FINGER* events.
 *   SDL's synthetic events (mouse-from-touch: which == SDL_TOUCH_MOUSEID; touch-from-mouse:
 *   touchId == SDL_MOUSE_TOUCHID) are dropped so nothing counts twice.
 * - Only presses that start inside the tracing area become contacts; others are left to the
 *   user interface (buttons). A finger on the pressure slider area sets the pressure level
 *   instead of tracing (the other hand holds it on a touchscreen).
 * - Pressure: device pressure when it really varies (SDL2 gives a constant 1.0 on most desktop
 *   touchscreens); otherwise the level the student sets with the mouse wheel, the number keys
 *   0-9 or the slider. The replay records which (pressure_source).
 * - Positions become body-map centimetres through the view transform; times are the events'
 *   own millisecond timestamps relative to the attempt's first touch. Samples are quantised as replay
 *   files keep them (gt_sample_quantize), so what is scored equals what is saved.
 * - When the window loses focus, every press ends (its release may never arrive).
 * - A contact held still still produces a sample every GT_INPUT_HOLD_SAMPLE_MS after its last
 *   one (gt_input_tick), so holds are timed even when no motion events arrive.
 *
 * Details the contract above leaves open, as implemented:
 * - Contact ids: each press takes the lowest id no held press uses, so the mouse is 0 and
 *   fingers are 0, 1, 2... in order of arrival (ids are reused once a finger lifts).
 * - Pressure "varies" from the first real finger whose pressure differs from the first one
 *   seen, for the life of the GtInput; finger samples of the running attempt taken before
 *   that moment (all at that first, constant value) are corrected to it. Lift events carry
 *   no trusted pressure (iOS reports 1.0): the lift sample keeps the contact's last pressure.
 *   Mouse samples always take the manual level.
 * - A pressure that is not a number (NaN, infinite) is no measurement: it is ignored (a finger
 *   keeps its last pressure; a new one takes the manual level's); others are clamped to 0..1.
 * - A pointer outside the window (the mouse dragged past its edge, a touch reported outside
 *   0..1) is taken at the nearest edge of the window.
 * - A lift adds a final sample at the lift position unless it repeats the last sample.
 * - Keys: '1'-'9' (main row or keypad) set levels 1-9 and '0' sets 10; their key-ups are
 *   consumed too. Digits with Ctrl, Alt or GUI held are shortcuts and return false.
 * - The slider area: a finger on it, or a left mouse press on it (a pen that acts as a mouse),
 *   grabs the slider; moving sets the level (top 10, bottom 0, in tenths) until the release,
 *   wherever the pointer goes. A new finger on the slider takes it over.
 * - Synthetic duplicates are always consumed, wherever they land: on a touchscreen the
 *   interface must take taps from the SDL_FINGER* events this returns false for.
 * - A press already held when an attempt begins is not recorded in it (a contact starts
 *   with a press); one still held when the attempt ends is closed there. Both keep being
 *   consumed until released.
 *
 * Ownership: GtInput owns the attempt replay until gt_input_end_attempt hands it over. */
#ifndef GT_INPUT_H
#define GT_INPUT_H

#include <SDL.h>
#include <stdbool.h>
#include "gt_replay.h"

enum { GT_INPUT_HOLD_SAMPLE_MS = 50, GT_INPUT_MAX_FINGERS = 10 };

/* Window pixels <-> body-map centimetres: px = origin_px + cm * px_per_cm (per axis). */
typedef struct GtViewTransform {
    double origin_x_px, origin_y_px; /* where (0 cm, 0 cm) lands, in output pixels */
    double px_per_cm;
} GtViewTransform;

/* What the practice screen shows live. */
typedef struct GtInputLive {
    int active_contacts;        /* fingers or buttons down on the body now */
    double level;               /* current pressure level 0-10 (device or manual) */
    GtPressureSource source;    /* where that level comes from */
    double speed_cm_s;          /* speed of the newest contact over the last ~150 ms, 0 when still */
    bool lifted_recently;       /* a contact ended within the last second while the attempt runs */
    int lifted_contact;         /* ... its index in the attempt replay, -1 when none */
    bool slider_held;           /* a finger or the mouse holds the pressure slider */
} GtInputLive;

typedef struct GtInput GtInput;

/* Creates the input state (pressure level starts at 3.0, source none). NULL when out of memory. */
GtInput *gt_input_create(void);
/* Releases the input state and any attempt still recording. NULL is fine. */
void gt_input_destroy(GtInput *input);

/* Tells input how the window maps to the body view. Mouse events arrive in window points and
 * finger events in 0..1 of the window; both are converted to output pixels with these sizes. */
void gt_input_set_geometry(GtInput *input, GtViewTransform transform, SDL_Rect tracing_area_px,
                           SDL_Rect slider_area_px, int window_w_pt, int window_h_pt, int output_w_px,
                           int output_h_px);

/* Starts recording an attempt at `now_ms` (SDL ticks); any previous attempt is discarded. */
void gt_input_begin_attempt(GtInput *input, const char *lesson, int step, const char *technique, GtView view,
                            Uint32 now_ms);

/* True while an attempt is being recorded. */
bool gt_input_recording(const GtInput *input);

/* Ends the attempt: closes open contacts, fills device and pressure_source, and moves the
 * replay into *out (the caller frees it). False when no attempt was running. */
bool gt_input_end_attempt(GtInput *input, GtReplay *out);

/* The attempt's own clock at SDL ticks `now_ms`: ms since the attempt's first touch, as its
 * samples count time (0 when not recording or not yet touched, never negative). */
double gt_input_attempt_ms(const GtInput *input, Uint32 now_ms);

/* True when the running attempt has reached a replay limit (gt_replay.h) and records nothing
 * more: the session ends it (gt_session_end_full_attempt). */
bool gt_input_attempt_full(const GtInput *input);

/* The attempt so far (for drawing trails); NULL when not recording. Read-only. */
const GtReplay *gt_input_attempt(const GtInput *input);

/* Handles one event. Returns true when input consumed it (tracing, slider, pressure keys or
 * wheel), false when the user interface should handle it. Synthetic duplicates are consumed
 * and ignored. */
bool gt_input_handle_event(GtInput *input, const SDL_Event *event);

/* Adds the hold samples due by `now_ms`: a recorded contact that has not moved gets a sample
 * GT_INPUT_HOLD_SAMPLE_MS after its last one, and every period after that, at exactly those
 * times however late or often this is called, so holds are timed by the event clock and never
 * by the frame rate. Call it before handling an event stamped later than the samples it adds.
 * Out of memory loses the samples, nothing else. */
void gt_input_tick(GtInput *input, Uint32 now_ms);

/* Sets the manual pressure level (0-10) and its source (wheel, keys or slider). */
void gt_input_set_level(GtInput *input, double level, GtPressureSource source);

/* Live state for gauges and cues, as of `now_ms`. */
GtInputLive gt_input_live(const GtInput *input, Uint32 now_ms);

/* Where the mouse (or a pen acting as one) last was over the window, in output pixels, pressed
 * or not; false before it has moved there. For instructor mode's position readout. */
bool gt_input_pointer_px(const GtInput *input, double *x_px, double *y_px);

#endif
