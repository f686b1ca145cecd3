/* router: sends each SDL event to what lies under it on the screen showing now, as that
 * screen's hit map declares it.
 *
 * - A press (left mouse button or a finger) on a button or card is the interface's: its action
 *   is given when the same pointer is released over the same button or card. Presses on the
 *   tracing area or the pressure slider (declared only by the practice screen) go to input,
 *   with the motion and release of the pointer that made them. A press on nothing is dropped.
 * - SDL's synthetic copies (mouse-from-touch: which == SDL_TOUCH_MOUSEID; touch-from-mouse:
 *   touchId == SDL_MOUSE_TOUCHID) are dropped, so a tap is never counted twice.
 * - The wheel (at most 100 rows an event), arrow keys and Page Up / Page Down scroll the screen's
 *   list when it has one; otherwise, on a screen with a tracing area, the wheel and the number
 *   keys set the pressure.
 * - Other keys are shortcuts of the screen's buttons (Enter also as keypad Enter, Escape also as
 *   Android's back key).
 * - The release of a press on a button also ends a contact input holds for the same pointer (a
 *   finger reported down twice, on the body and then on a button), so none stays down.
 * - A press begun on another screen (or a map laid out for another screen) never gives an
 *   action: a screen change forgets it.
 *
 * Ownership: a GtRouter is a plain value kept by its owner (the GtApp); it borrows the input
 * and the hit map only for the length of a call. */
#ifndef GT_ROUTER_H
#define GT_ROUTER_H

#include <SDL.h>
#include <stdbool.h>
#include "hits.h"
#include "input.h"

typedef struct GtRouter {
    int pressed_action;         /* the button or card under a press that is down, or GT_HIT_NO_ACTION */
    int pressed_screen;         /* the screen it was pressed on */
    bool pressed_by_finger;     /* ... by a finger (else the mouse) */
    SDL_TouchID pressed_touch;  /* fingers: which one */
    SDL_FingerID pressed_finger;
} GtRouter;

/* How output pixels relate to the window: mouse events come in window points, fingers in 0..1. */
typedef struct GtRouterGeometry {
    int window_w_pt, window_h_pt;
    int output_w_px, output_h_px;
} GtRouterGeometry;

/* What one event did. */
typedef struct GtRouted {
    int action;                 /* a button's or card's action to take now, or GT_HIT_NO_ACTION */
    int scroll_rows;            /* rows to scroll the list (negative: up), or 0 */
    bool to_input;              /* input took it (a contact, the slider, the pressure level) */
    bool quit;                  /* the window is to close */
    bool window_changed;        /* size, exposure or focus changed: lay out and redraw */
    bool redraw;                /* something shown changed (a button looks pressed or released) */
} GtRouted;

/* Starts with nothing pressed. */
void gt_router_init(GtRouter *router);

/* Forgets a press in progress (the screen changed under it). */
void gt_router_reset(GtRouter *router);

/* Routes one event as described above. Never fails; events it has no use for do nothing. */
GtRouted gt_router_route(GtRouter *router, GtInput *input, const GtHitMap *map, const SDL_Event *event,
                         GtRouterGeometry geometry);

#endif
