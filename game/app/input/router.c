/* router: each SDL event to what lies under it (see router.h). */
#include "router.h"

#include <math.h>

void gt_router_init(GtRouter *router) {
    gt_router_reset(router);
}

void gt_router_reset(GtRouter *router) {
    router->pressed_action = GT_HIT_NO_ACTION;
    router->pressed_screen = -1;
    router->pressed_by_finger = false;
    router->pressed_touch = 0;
    router->pressed_finger = 0;
}

/* A list scrolls at most this many rows for one wheel event: more than any list has, and a
 * wheel (or a driver) reporting millions of notches costs no more than that. */
enum { WHEEL_ROWS_MAX = 100 };

/* A position `px` along a window axis of `size` output pixels as a whole pixel, kept a little
 * outside the window at most (nothing there is hit; NaN goes there too), so it always fits. */
static int axis_px(double px, int size) {
    return (int)fmax(-1.0, fmin(px, (double)size + 1.0));
}

/* The routed result of an event that does nothing. */
static GtRouted nothing(void) {
    return (GtRouted){ .action = GT_HIT_NO_ACTION };
}

/* True for a hit that a press and release turn into an action. */
static bool pressable(const GtHit *hit) {
    return hit && (hit->kind == GT_HIT_BUTTON || hit->kind == GT_HIT_CARD) && hit->action != GT_HIT_NO_ACTION;
}

/* True for a hit whose presses are input's (contacts or the slider). */
static bool for_input(const GtHit *hit) {
    return hit && (hit->kind == GT_HIT_TRACE || hit->kind == GT_HIT_SLIDER);
}

/* A pointer went down at (x, y) output pixels: on a button or card it becomes the press;
 * on the tracing area or slider it goes to input; elsewhere it is dropped. */
static GtRouted press(GtRouter *router, GtInput *input, const GtHitMap *map, const SDL_Event *event, int x, int y) {
    GtRouted r = nothing();
    const GtHit *hit = gt_hits_at(map, x, y);
    if (pressable(hit)) {
        router->pressed_action = hit->action;
        router->pressed_screen = map->screen;
        router->pressed_by_finger = event->type == SDL_FINGERDOWN;
        router->pressed_touch = event->type == SDL_FINGERDOWN ? event->tfinger.touchId : 0;
        router->pressed_finger = event->type == SDL_FINGERDOWN ? event->tfinger.fingerId : 0;
        r.redraw = true;
    } else if (for_input(hit)) {
        r.to_input = gt_input_handle_event(input, event);
    }
    return r;
}

/* The pointer of the press went up at (x, y): the press's action when it is still over the
 * same button on the same screen. */
static GtRouted release(GtRouter *router, const GtHitMap *map, int x, int y) {
    GtRouted r = nothing();
    const GtHit *hit = gt_hits_at(map, x, y);
    if (pressable(hit) && hit->action == router->pressed_action && router->pressed_screen == map->screen)
        r.action = hit->action;
    gt_router_reset(router);
    r.redraw = true;
    return r;
}

/* True when this finger event belongs to the press in progress. */
static bool is_pressed_finger(const GtRouter *router, const SDL_TouchFingerEvent *f) {
    return router->pressed_action != GT_HIT_NO_ACTION && router->pressed_by_finger &&
           router->pressed_touch == f->touchId && router->pressed_finger == f->fingerId;
}

/* True when the mouse holds the press in progress. */
static bool mouse_pressed(const GtRouter *router) {
    return router->pressed_action != GT_HIT_NO_ACTION && !router->pressed_by_finger;
}

/* The mouse: a left press on a button or card is the interface's, its release gives the action;
 * other presses, motion and releases go to input, which keeps those that began on the body. */
static GtRouted route_mouse(GtRouter *router, GtInput *input, const GtHitMap *map, const SDL_Event *e,
                            GtRouterGeometry g) {
    bool motion = e->type == SDL_MOUSEMOTION;
    Uint32 which = motion ? e->motion.which : e->button.which;
    if (which == SDL_TOUCH_MOUSEID) return nothing(); /* SDL's copy of a finger: the finger counts */
    int x_pt = motion ? e->motion.x : e->button.x, y_pt = motion ? e->motion.y : e->button.y;
    int x = axis_px((double)x_pt * g.output_w_px / (g.window_w_pt > 0 ? g.window_w_pt : 1), g.output_w_px);
    int y = axis_px((double)y_pt * g.output_h_px / (g.window_h_pt > 0 ? g.window_h_pt : 1), g.output_h_px);
    if (!motion && e->button.button != SDL_BUTTON_LEFT) return nothing();
    if (e->type == SDL_MOUSEBUTTONDOWN) return press(router, input, map, e, x, y);
    if (e->type == SDL_MOUSEBUTTONUP && mouse_pressed(router)) {
        gt_input_handle_event(input, e); /* a stroke the button lost its release to ends too */
        return release(router, map, x, y);
    }
    GtRouted r = nothing();
    if (!mouse_pressed(router)) r.to_input = gt_input_handle_event(input, e);
    return r;
}

/* Fingers: each one's press on a button or card is the interface's until it lifts; other
 * fingers' events go to input (contacts on the body, the slider). */
static GtRouted route_finger(GtRouter *router, GtInput *input, const GtHitMap *map, const SDL_Event *e,
                             GtRouterGeometry g) {
    const SDL_TouchFingerEvent *f = &e->tfinger;
    if (f->touchId == SDL_MOUSE_TOUCHID) return nothing(); /* SDL's copy of the mouse */
    int x = axis_px((double)f->x * g.output_w_px, g.output_w_px);
    int y = axis_px((double)f->y * g.output_h_px, g.output_h_px);
    if (e->type == SDL_FINGERDOWN) return press(router, input, map, e, x, y);
    if (is_pressed_finger(router, f)) {
        if (e->type != SDL_FINGERUP) return nothing();
        gt_input_handle_event(input, e); /* the same finger pressed on the body before: its contact ends */
        return release(router, map, x, y);
    }
    GtRouted r = nothing();
    r.to_input = gt_input_handle_event(input, e);
    return r;
}

/* Wheel: the list scrolls a row per notch (away from the student: up); on a screen with a
 * tracing area and no list, the pressure level moves instead. */
static GtRouted route_wheel(GtInput *input, const GtHitMap *map, const SDL_Event *e) {
    GtRouted r = nothing();
    if (e->wheel.which == SDL_TOUCH_MOUSEID) return r;
    if (gt_hits_find(map, GT_HIT_LIST)) {
        double notches = e->wheel.direction == SDL_MOUSEWHEEL_FLIPPED ? -(double)e->wheel.y : (double)e->wheel.y;
        r.scroll_rows = (int)-fmax(-WHEEL_ROWS_MAX, fmin(notches, WHEEL_ROWS_MAX));
    } else if (gt_hits_find(map, GT_HIT_TRACE)) {
        r.to_input = gt_input_handle_event(input, e);
    }
    return r;
}

/* Keys: the pressure level on a screen with a tracing area; then the buttons' shortcuts; then
 * scrolling a list. */
static GtRouted route_key(GtInput *input, const GtHitMap *map, const SDL_Event *e) {
    GtRouted r = nothing();
    if (gt_hits_find(map, GT_HIT_TRACE) && gt_input_handle_event(input, e)) {
        r.to_input = true;
        return r;
    }
    if (e->type != SDL_KEYDOWN) return r;
    SDL_Keycode key = e->key.keysym.sym;
    int action = gt_hits_action_for_key(map, key);
    if (action == GT_HIT_NO_ACTION && key == SDLK_KP_ENTER) action = gt_hits_action_for_key(map, SDLK_RETURN);
    if (action == GT_HIT_NO_ACTION && key == SDLK_AC_BACK) action = gt_hits_action_for_key(map, SDLK_ESCAPE);
    r.action = action;
    if (action == GT_HIT_NO_ACTION && gt_hits_find(map, GT_HIT_LIST)) {
        if (key == SDLK_DOWN || key == SDLK_PAGEDOWN) r.scroll_rows = 1;
        if (key == SDLK_UP || key == SDLK_PAGEUP) r.scroll_rows = -1;
    }
    return r;
}

GtRouted gt_router_route(GtRouter *router, GtInput *input, const GtHitMap *map, const SDL_Event *event,
                         GtRouterGeometry geometry) {
    if (router->pressed_action != GT_HIT_NO_ACTION && router->pressed_screen != map->screen) gt_router_reset(router);
    GtRouted r = nothing();
    switch (event->type) {
    case SDL_QUIT: r.quit = true; return r;
    case SDL_WINDOWEVENT:
        gt_input_handle_event(input, event); /* a lost focus ends every press */
        if (event->window.event == SDL_WINDOWEVENT_FOCUS_LOST) gt_router_reset(router);
        r.window_changed = true;
        return r;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
    case SDL_MOUSEMOTION: return route_mouse(router, input, map, event, geometry);
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: return route_finger(router, input, map, event, geometry);
    case SDL_MOUSEWHEEL: return route_wheel(input, map, event);
    case SDL_KEYDOWN:
    case SDL_KEYUP: return route_key(input, map, event);
    default: return r;
    }
}
