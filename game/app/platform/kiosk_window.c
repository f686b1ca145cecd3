/* kiosk_window: the window and system side of kiosk mode (see kiosk_window.h). */
#include "kiosk_window.h"

#include <stdio.h>

/* Pointer motion this soon after a finger's event is taken for the touch's own, not a mouse. */
static const Uint32 TOUCH_MOTION_MS = 1000;

void gt_kiosk_window_prepare(GtKioskWindow *kiosk, bool on) {
    *kiosk = (GtKioskWindow){ .on = on };
    if (!on) return;
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    SDL_SetHint(SDL_HINT_GRAB_KEYBOARD, "1");
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "0");
}

void gt_kiosk_window_start(GtKioskWindow *kiosk, SDL_Window *window) {
    kiosk->window = window;
    if (!kiosk->on || !window) return;
    SDL_DisableScreenSaver();
    SDL_SetWindowGrab(window, SDL_TRUE);
    SDL_SetWindowKeyboardGrab(window, SDL_TRUE);
    SDL_RaiseWindow(window);
}

/* Brings a minimised or hidden window back on top, grabbed again. */
static void restore(GtKioskWindow *kiosk) {
    SDL_ShowWindow(kiosk->window);
    SDL_RestoreWindow(kiosk->window);
    SDL_RaiseWindow(kiosk->window);
    SDL_SetWindowGrab(kiosk->window, SDL_TRUE);
    SDL_SetWindowKeyboardGrab(kiosk->window, SDL_TRUE);
    fprintf(stderr, "guidedtouch: kiosk: the window was hidden or minimised; brought back\n");
}

/* Hides the cursor once a finger touches; shows it again when a real mouse moves. */
static void follow_cursor(GtKioskWindow *kiosk, const SDL_Event *e, Uint32 at_ms) {
    bool finger = (e->type == SDL_FINGERDOWN || e->type == SDL_FINGERMOTION) && e->tfinger.touchId != SDL_MOUSE_TOUCHID;
    if (finger) {
        kiosk->last_finger_ms = at_ms;
        if (!kiosk->cursor_hidden) SDL_ShowCursor(SDL_DISABLE);
        kiosk->cursor_hidden = true;
        return;
    }
    bool mouse = e->type == SDL_MOUSEMOTION && e->motion.which != SDL_TOUCH_MOUSEID;
    if (mouse && kiosk->cursor_hidden && at_ms - kiosk->last_finger_ms > TOUCH_MOTION_MS) {
        SDL_ShowCursor(SDL_ENABLE);
        kiosk->cursor_hidden = false;
    }
}

bool gt_kiosk_window_event(GtKioskWindow *kiosk, const SDL_Event *e, Uint32 at_ms) {
    if (!kiosk->on) return false;
    follow_cursor(kiosk, e, at_ms);
    bool close = e->type == SDL_QUIT || (e->type == SDL_WINDOWEVENT && e->window.event == SDL_WINDOWEVENT_CLOSE);
    if (close) {
        kiosk->refused++;
        fprintf(stderr, "guidedtouch: kiosk: a request to close was refused (staff: hold a corner for 3 s)\n");
        return true;
    }
    if (kiosk->window && e->type == SDL_WINDOWEVENT &&
        (e->window.event == SDL_WINDOWEVENT_MINIMIZED || e->window.event == SDL_WINDOWEVENT_HIDDEN))
        restore(kiosk);
    return false;
}
