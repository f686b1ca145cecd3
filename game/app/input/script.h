/* script: an input script that drives the trainer without a person, by pushing real SDL
 * events (mouse, finger, key, wheel) into SDL's event queue at their times, so scripted touch
 * takes the same path as hardware touch.
 *
 * One command per line; '#' starts a comment; times are ms since the script started:
 *   at T                          the following commands happen at T ms (absolute)
 *   wait MS                       ... MS ms after the previous command
 *   finger down|move|up ID X Y [P] [synthetic]   X Y in body-map cm, P pressure 0..1 (default 1)
 *   mouse down|move|up X Y [synthetic]            left button; X Y in body-map cm
 *   trace ID X0 Y0 X1 Y1 MS [P]   finger ID down at (X0,Y0), moves every 16 ms to (X1,Y1), up
 *   tap FX FY                     a finger tap at window fraction FX FY (0..1), for buttons
 *   wheel N                       mouse wheel N notches (positive = away from the user)
 *   key NAME                      a key press and release; NAME as SDL_GetKeyFromName knows it
 *   replay FILE                   pushes a replay file's contacts as finger events, with its timing
 *                                 (FILE relative to the script's folder)
 * "synthetic" marks an event as SDL's own duplicate (mouse-from-touch or touch-from-mouse), to
 * test that such events are not counted twice.
 *
 * The clock: finger, mouse, wheel and key commands take no time; trace, tap (50 ms) and replay
 * move the clock to their end, so a following `wait` counts from there. `at` may go back in
 * time, which is how two traces overlap (two hands). Events due at the same ms keep the
 * order of the file. Script fingers are on touch device 1; `tap` and `replay` use finger ids
 * of their own (from 2^40), so they never clash with the IDs a script names (0-999999).
 * Key names are resolved when loading (an unknown name is a load error).
 *
 * Ownership: GtScript owns everything it loaded; gt_script_free releases it. */
#ifndef GT_SCRIPT_H
#define GT_SCRIPT_H

#include <SDL.h>
#include <stdbool.h>
#include <stddef.h>
#include "input.h"

typedef struct GtScript GtScript;

/* Loads and checks a script; NULL with "FILE:LINE: message" in `error` on any problem. */
GtScript *gt_script_load(const char *path, char *error, size_t error_size);
void gt_script_free(GtScript *script);

/* Pushes every event due at `now_ms` (SDL ticks; the first call starts the script clock),
 * converting cm with the current geometry. Returns the ms until the next event is due, or
 * -1 when the script has finished. */
int gt_script_pump(GtScript *script, Uint32 now_ms, GtViewTransform transform, int window_w_pt, int window_h_pt,
                   int output_w_px, int output_h_px);

bool gt_script_finished(const GtScript *script);

#endif
