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
 *   tap FX FY [MS]                a finger tap at window fraction FX FY (0..1), for buttons;
 *                                 with MS the finger is held that long (a long press)
 *   click FX FY [MS]              a left mouse click there (button down, 50 ms or MS, up)
 *   wheel N                       mouse wheel N notches (positive = away from the user)
 *   key NAME                      a key press and release; NAME as SDL_GetKeyFromName knows it
 *   replay FILE                   pushes a replay file's contacts as finger events, with its timing
 *                                 (FILE relative to the script's folder)
 * "synthetic" marks an event as SDL's own duplicate (mouse-from-touch or touch-from-mouse), to
 * test that such events are not counted twice.
 *
 * The clock: finger, mouse, wheel and key commands take no time; trace, tap and click (50 ms) and replay
 * move the clock to their end, so a following `wait` counts from there. `at` may go back in
 * time, which is how two traces overlap (two hands). Events due at the same ms keep the
 * order of the file. Script fingers are on touch device 1; `tap` and `replay` use finger ids
 * of their own (from 2^40), so they never clash with the IDs a script names (0-999999).
 * Key names are resolved when loading (an unknown name is a load error). A script's clock stays
 * within a day and it pushes at most 500,000 events (a load error past either).
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
/* The same from a script's text already in memory: `text` holds `length` bytes and a NUL after
 * them, and is cut up while parsing (the caller still owns and frees it). `path` names the script in
 * messages and is where relative replay files are looked for. NULL with the message on any problem. */
GtScript *gt_script_parse(const char *path, char *text, size_t length, char *error, size_t error_size);
/* Releases a script; NULL is fine. */
void gt_script_free(GtScript *script);

/* How body-map centimetres become window positions when an event is pushed. */
typedef struct GtScriptGeometry {
    GtViewTransform transform;      /* the body view shown now */
    int window_w_pt, window_h_pt;   /* window size in points (mouse events) */
    int output_w_px, output_h_px;   /* output size in pixels (fingers are fractions of it) */
} GtScriptGeometry;

/* Starts the script clock: script time 0 is `now_ms` on the caller's clock (the trainer's
 * clock, virtual under --script). Only the first call counts. */
void gt_script_start(GtScript *script, Uint32 now_ms);

/* When the next event is due on the caller's clock (the start plus its script time, in whole
 * ms); false when the script has finished or not started. */
bool gt_script_next_due(const GtScript *script, Uint32 *due_ms);

/* Pushes the next event, and only that one, into SDL's queue stamped with its own due time
 * (SDL_PeepEvents keeps the stamp; SDL_PushEvent would overwrite it), converting cm with
 * `geometry` as it is now. The caller handles it before pushing the next, so each event meets
 * the screen its predecessors left, and two events due in one frame keep two times. False when
 * the script has finished or SDL's queue is full (the event is then pushed on a later call). */
bool gt_script_push_next(GtScript *script, const GtScriptGeometry *geometry);

/* True once every event of the script has been pushed. */
bool gt_script_finished(const GtScript *script);

#endif
