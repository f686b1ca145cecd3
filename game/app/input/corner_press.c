/* corner_press: a long press in a screen corner (see corner_press.h). */
#include "corner_press.h"

void gt_corner_press_init(GtCornerPress *press) {
    *press = (GtCornerPress){ 0 };
}

/* The corner square of side `side` holding (x, y) in a w x h output, or an empty rectangle. */
static SDL_Rect corner_at(int x, int y, int w, int h, int side) {
    bool left = x < side, right = x >= w - side, top = y < side, bottom = y >= h - side;
    if (!(left || right) || !(top || bottom)) return (SDL_Rect){ 0, 0, 0, 0 };
    return (SDL_Rect){ left ? 0 : w - side, top ? 0 : h - side, side, side };
}

/* Where a pointer event happened, in output pixels; false for events without a place or that
 * are SDL's copies (mouse-from-touch, touch-from-mouse) or other mouse buttons. */
static bool event_point(const SDL_Event *e, GtRouterGeometry g, int *x, int *y) {
    switch (e->type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        if (e->tfinger.touchId == SDL_MOUSE_TOUCHID) return false;
        *x = (int)(e->tfinger.x * g.output_w_px);
        *y = (int)(e->tfinger.y * g.output_h_px);
        return true;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT) return false;
        *x = (int)((double)e->button.x * g.output_w_px / (g.window_w_pt > 0 ? g.window_w_pt : 1));
        *y = (int)((double)e->button.y * g.output_h_px / (g.window_h_pt > 0 ? g.window_h_pt : 1));
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID) return false;
        *x = (int)((double)e->motion.x * g.output_w_px / (g.window_w_pt > 0 ? g.window_w_pt : 1));
        *y = (int)((double)e->motion.y * g.output_h_px / (g.window_h_pt > 0 ? g.window_h_pt : 1));
        return true;
    default: return false;
    }
}

/* True when the event comes from the pointer holding the press. */
static bool same_pointer(const GtCornerPress *press, const SDL_Event *e) {
    bool finger = e->type == SDL_FINGERDOWN || e->type == SDL_FINGERMOTION || e->type == SDL_FINGERUP;
    if (finger != press->by_finger) return false;
    return !finger || (e->tfinger.touchId == press->touch && e->tfinger.fingerId == press->finger);
}

void gt_corner_press_event(GtCornerPress *press, const SDL_Event *e, Uint32 at_ms, GtRouterGeometry g,
                           int corner_px) {
    if (e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_FOCUS_LOST) press->down = false;
    int x = 0, y = 0;
    if (!event_point(e, g, &x, &y)) return;
    if (e->type == SDL_FINGERDOWN || e->type == SDL_MOUSEBUTTONDOWN) {
        if (press->down) return; /* a second hand does not restart the first's press */
        SDL_Rect corner = corner_at(x, y, g.output_w_px, g.output_h_px, corner_px);
        if (corner.w == 0) return;
        *press = (GtCornerPress){ .down = true, .by_finger = e->type == SDL_FINGERDOWN, .down_ms = at_ms,
                                  .corner = corner };
        if (press->by_finger) {
            press->touch = e->tfinger.touchId;
            press->finger = e->tfinger.fingerId;
        }
        return;
    }
    if (!press->down || !same_pointer(press, e)) return;
    SDL_Point p = { x, y };
    if (e->type == SDL_FINGERUP || e->type == SDL_MOUSEBUTTONUP || !SDL_PointInRect(&p, &press->corner))
        press->down = false;
}

bool gt_corner_press_due(GtCornerPress *press, Uint32 now_ms) {
    if (!press->down || press->fired || (Sint32)(now_ms - press->down_ms) < GT_CORNER_HOLD_MS) return false;
    press->fired = true;
    return true;
}

double gt_corner_press_progress(const GtCornerPress *press, Uint32 now_ms) {
    if (!press->down || press->fired) return 0.0;
    double share = (double)(Sint32)(now_ms - press->down_ms) / GT_CORNER_HOLD_MS;
    return share < 0 ? 0 : share > 1 ? 1 : share;
}
