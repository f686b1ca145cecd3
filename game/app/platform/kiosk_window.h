/* kiosk_window: what kiosk mode asks of the window and the system. Before SDL starts, the
 * hints: no minimising when focus is lost, and grabbing the keyboard along with the pointer.
 * Once the window is open: pointer and keyboard grabbed, the screensaver off. For each event:
 * the window's close and the quit request are refused (and logged), a minimised or hidden
 * window ("show desktop") is restored and raised, and the cursor hides once a finger touches
 * the screen and shows again when a real mouse moves.
 *
 * Ownership: a GtKioskWindow is a plain value its owner keeps (the GtApp); the window is
 * borrowed. */
#ifndef GT_KIOSK_WINDOW_H
#define GT_KIOSK_WINDOW_H

#include <SDL.h>
#include <stdbool.h>

typedef struct GtKioskWindow {
    bool on;                        /* kiosk mode */
    SDL_Window *window;             /* borrowed; NULL until gt_kiosk_window_start */
    bool cursor_hidden;             /* a finger touched the screen: the cursor is hidden */
    Uint32 last_finger_ms;          /* when a finger last moved (pointer motion right after is the touch's) */
    int refused;                    /* close and quit requests refused so far */
} GtKioskWindow;

/* Sets SDL's hints for kiosk mode (call before SDL_Init); `on` false does nothing but remember it. */
void gt_kiosk_window_prepare(GtKioskWindow *kiosk, bool on);

/* Grabs pointer and keyboard in `window`, turns the screensaver off and raises the window.
 * Nothing outside kiosk mode. */
void gt_kiosk_window_start(GtKioskWindow *kiosk, SDL_Window *window);

/* Looks at one event stamped `at_ms` first; returns true when kiosk mode swallows it (a quit
 * request or the window's close, written to stderr as refused). Nothing outside kiosk mode. */
bool gt_kiosk_window_event(GtKioskWindow *kiosk, const SDL_Event *event, Uint32 at_ms);

#endif
