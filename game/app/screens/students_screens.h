/* students_screens: "Who is practising?" (the names as buttons, Add my name, Practise as a
 * guest; a page at a time when they do not all fit) and the on-screen keyboard that adds a name (letters, space, hyphen, apostrophe,
 * Delete, Add; the physical keys of the same letters type too). Each declares its hit areas,
 * then draws from them (see screens.h).
 *
 * Ownership: nothing is kept; everything is borrowed through the GtScreenContext. */
#ifndef GT_STUDENTS_SCREENS_H
#define GT_STUDENTS_SCREENS_H

#include "screens.h"

enum { GT_PICKER_NAMES_MAX = 42 };   /* names on a page at most (the hit map's room) */

/* The picker: declares its buttons, the names of the page showing and, when the names take
 * more than a page, Up and More and the list the wheel and arrow keys turn; returns the last
 * page (0 when all fit). */
int gt_students_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_students_draw(const GtScreenContext *c, const GtHitMap *hits);
void gt_name_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_name_draw(const GtScreenContext *c, const GtHitMap *hits);

/* The home screen's header button: who is practising ("Anna Lee", or "Guest: pick your name"),
 * which opens "Who is practising?". Declared left of `right_x` (pixels); returns its left edge. */
int gt_students_header_hit(const GtScreenContext *c, GtHitMap *hits, int right_x);

#endif
