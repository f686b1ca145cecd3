/* app_driver: the hands the trainer's tests share: a finger at an output pixel, a tap on the
 * button or card with an action, and what the last frame showed. Every event goes through
 * SDL's own queue, as hardware events do; each call fails the test when it cannot do its part.
 * The clock is the trainer's (virtual under --frames). */
#ifndef GT_APP_DRIVER_H
#define GT_APP_DRIVER_H

#include <SDL.h>
#include "app.h"
#include "ui.h"

/* Opens the trainer on the bundled data with `argc` command-line options and turns its first
 * frame; fails the test, with the exit code, when it does not open. Close it with gt_app_close. */
GtApp *gt_test_open_app(int argc, const char *const *argv);

/* Turns `n` frames of the trainer's loop; fails when it stops. */
void gt_test_frames(GtApp *app, int n);

/* Writes the staff PIN's hash into the user's configuration file, as `guidedtouch set-pin` does. */
void gt_test_set_staff_pin(const char *pin);

/* A finger (touch device 1, id `finger`, pressing fully) going down, moving or up at output
 * pixel (x, y) of the trainer's window. */
void gt_test_finger_px(GtApp *app, Uint32 type, SDL_FingerID finger, int x_px, int y_px);

/* Taps the middle of the button or card with `action` (finger down, a frame, finger up, a
 * frame); fails when the screen showing has none. */
void gt_test_tap(GtApp *app, int action);

/* The first text drawn in the last frame that contains `needle`; fails, listing every text
 * drawn, when there is none. */
const GtDrawnText *gt_test_shown(GtApp *app, const char *needle);

#endif
