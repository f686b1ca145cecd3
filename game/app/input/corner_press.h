/* corner_press: the staff's way into a kiosk: a press held still in a corner of the screen
 * for GT_CORNER_HOLD_MS. Students rarely hold a corner for three seconds, and a corner has no
 * control of its own that a long press would disturb (a button there gives nothing once the
 * hold fires: the screen changes under it).
 *
 * It watches the same events the router gets (a finger or the left mouse button; SDL's
 * synthetic copies are ignored) and never consumes one. A press counts while it stays inside
 * the corner square it began in; moving out of it or lifting ends it.
 *
 * Ownership: a GtCornerPress is a plain value its owner keeps (the GtApp). */
#ifndef GT_CORNER_PRESS_H
#define GT_CORNER_PRESS_H

#include <SDL.h>
#include <stdbool.h>
#include "router.h"

enum { GT_CORNER_HOLD_MS = 3000 };

typedef struct GtCornerPress {
    bool down;                  /* a press that began in a corner is held */
    bool fired;                 /* ... and has already given its long press */
    bool by_finger;
    SDL_TouchID touch;
    SDL_FingerID finger;
    Uint32 down_ms;             /* when it began */
    SDL_Rect corner;            /* the corner square it began in, output pixels */
} GtCornerPress;

/* Starts with nothing held. */
void gt_corner_press_init(GtCornerPress *press);

/* Follows one event stamped `at_ms`; `corner_px` is the corner squares' side in output pixels. */
void gt_corner_press_event(GtCornerPress *press, const SDL_Event *event, Uint32 at_ms, GtRouterGeometry geometry,
                           int corner_px);

/* True once per press, when it has been held GT_CORNER_HOLD_MS by `now_ms`. */
bool gt_corner_press_due(GtCornerPress *press, Uint32 now_ms);

/* How far the held press is toward its long press at `now_ms` (0..1), 0 when none is held or it
 * already fired. */
double gt_corner_press_progress(const GtCornerPress *press, Uint32 now_ms);

#endif
