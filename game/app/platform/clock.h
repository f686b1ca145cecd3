/* clock: the trainer's one source of time, in ms. Normally it is SDL's ticks, the clock SDL
 * stamps events with. A scripted or --frames run keeps a virtual clock instead: it stands
 * still until the loop moves it (to the next scripted event, or on by one frame), so such a
 * run happens the same way at any machine load.
 *
 * Times the trainer acts on come from the event that caused them (its timestamp) or, for what
 * happens by itself (hold samples, the metronome, animation), from this clock; nothing reads
 * SDL_GetTicks but this module.
 *
 * Ownership: a GtClock is a plain value its owner keeps (the GtApp). */
#ifndef GT_CLOCK_H
#define GT_CLOCK_H

#include <SDL.h>
#include <stdbool.h>

enum { GT_FRAME_MS = 16 };   /* one frame on the virtual clock */

typedef struct GtClock {
    bool is_virtual;         /* scripted or --frames run */
    Uint32 virtual_ms;       /* the virtual time (unused on the real clock) */
} GtClock;

/* A real clock, or a virtual one standing at `start_ms` (never 0, so no time reads as unset). */
void gt_clock_init(GtClock *clock, bool is_virtual, Uint32 start_ms);

/* The time now. */
Uint32 gt_clock_now(const GtClock *clock);

/* Moves a virtual clock on to `ms`; it never goes back. Nothing on the real clock. */
void gt_clock_advance_to(GtClock *clock, Uint32 ms);

#endif
