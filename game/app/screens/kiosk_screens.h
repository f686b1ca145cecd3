/* kiosk_screens: the screens of kiosk mode. The staff PIN pad (digits shown as dots, 1-9 and 0
 * as large keys, Delete and OK; the number keys type too), the staff menu (close the trainer,
 * the lesson list, the students, lock again), and the attract screen (each lesson's first
 * demonstration playing on the body, "Touch the screen to start" over the whole screen). Each
 * declares its hit areas, then draws from them (see screens.h).
 *
 * Ownership: nothing is kept; everything is borrowed through the GtScreenContext. */
#ifndef GT_KIOSK_SCREENS_H
#define GT_KIOSK_SCREENS_H

#include "screens.h"

void gt_pin_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_pin_draw(const GtScreenContext *c, const GtHitMap *hits);
void gt_staff_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_staff_draw(const GtScreenContext *c, const GtHitMap *hits);
void gt_attract_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_attract_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms);

#endif
