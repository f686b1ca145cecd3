/* kiosk_window: the window and system side of kiosk mode (see kiosk_window.h). */
#include "kiosk_window.h"

#include <SDL_syswm.h>
#include <stdio.h>
#if defined(GT_HAVE_X11) && defined(SDL_VIDEO_DRIVER_X11)
#include <X11/Xlib.h>
#define GT_KIOSK_X11 1
#endif

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

#ifdef GT_KIOSK_X11
/* Sends an EWMH request about `window` (None: the desktop) to the root window of `display`. */
static void send_wm_request(Display *display, Window window, const char *type, long l0, long l1) {
    XEvent e = { 0 };
    e.xclient.type = ClientMessage;
    e.xclient.window = window;
    e.xclient.message_type = XInternAtom(display, type, False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = l0;
    e.xclient.data.l[1] = l1;
    XSendEvent(display, DefaultRootWindow(display), False, SubstructureRedirectMask | SubstructureNotifyMask, &e);
}
#endif

/* Under X11, asks the window manager to leave "show desktop" and to map and activate the window
 * as a pager would (window managers refuse an application's own request while showing the
 * desktop); returns without waiting. Nothing elsewhere. */
static void ask_window_manager_back(SDL_Window *window) {
#ifdef GT_KIOSK_X11
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return;
    Display *display = info.info.x11.display;
    send_wm_request(display, None, "_NET_SHOWING_DESKTOP", 0, 0);
    send_wm_request(display, info.info.x11.window, "_NET_ACTIVE_WINDOW", 2 /* a pager */, CurrentTime);
    XMapRaised(display, info.info.x11.window);
    XFlush(display);
#else
    (void)window;
#endif
}

/* Brings a minimised, hidden or unfocused window back on top, grabbed again. */
static void restore(GtKioskWindow *kiosk) {
    ask_window_manager_back(kiosk->window);
    /* only asking the window manager to activate it: SDL_ShowWindow and SDL_RestoreWindow wait on
     * X11 until the window is mapped, for ever when the window manager keeps it hidden */
    SDL_RaiseWindow(kiosk->window);
    SDL_SetWindowGrab(kiosk->window, SDL_TRUE);
    SDL_SetWindowKeyboardGrab(kiosk->window, SDL_TRUE);
    fprintf(stderr, "guidedtouch: kiosk: the window lost the focus or was hidden; brought back to the front\n");
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
    Uint8 what = e->type == SDL_WINDOWEVENT ? e->window.event : 0;
    bool away = what == SDL_WINDOWEVENT_MINIMIZED || what == SDL_WINDOWEVENT_HIDDEN;
    /* the window's state now, not the event's: the events of its own opening pass without a word */
    if (away && kiosk->window && (SDL_GetWindowFlags(kiosk->window) & (SDL_WINDOW_MINIMIZED | SDL_WINDOW_HIDDEN)))
        restore(kiosk);
    /* "show desktop" in some window managers hides the frame and only takes the focus away */
    if (what == SDL_WINDOWEVENT_FOCUS_LOST && kiosk->window) restore(kiosk);
    return false;
}
