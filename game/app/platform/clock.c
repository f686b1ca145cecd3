/* clock: the trainer's one source of time (see clock.h). */
#include "clock.h"

void gt_clock_init(GtClock *clock, bool is_virtual, Uint32 start_ms) {
    clock->is_virtual = is_virtual;
    clock->virtual_ms = start_ms ? start_ms : 1;
}

Uint32 gt_clock_now(const GtClock *clock) {
    return clock->is_virtual ? clock->virtual_ms : SDL_GetTicks();
}

void gt_clock_advance_to(GtClock *clock, Uint32 ms) {
    if (clock->is_virtual && (Sint32)(ms - clock->virtual_ms) > 0) clock->virtual_ms = ms;
}
