/* app_events: events the trainer's tests put into SDL's own queue, the path hardware events
 * take. Each call fails the test when SDL refuses the event. */
#ifndef GT_APP_EVENTS_H
#define GT_APP_EVENTS_H

#include <SDL.h>

/* Pushes one event (SDL stamps it with the current ticks). */
void gt_test_push(SDL_Event *event);

/* The mouse wheel turned by `notches` (positive: away from the user). */
void gt_test_push_wheel(int notches);

/* A key pressed and released. */
void gt_test_push_key(SDL_Keycode key);

/* A finger event (SDL_FINGERDOWN, _MOTION or _UP) of finger `finger` at (x, y) in 0..1 of the
 * window, pressing fully. */
void gt_test_push_finger(Uint32 type, SDL_FingerID finger, float x, float y);

/* The same of any touch device and any pressure; (x, y) may lie outside the window. */
void gt_test_push_touch(Uint32 type, SDL_TouchID touch, SDL_FingerID finger, float x, float y, float pressure);

/* A mouse event (button down or up, or a move with `button` held; 0: none) at window point
 * (x, y), inside the window or not. */
void gt_test_push_mouse(Uint32 type, Uint8 button, int x, int y);

#endif
