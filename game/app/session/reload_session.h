/* reload_session: the session's side of a live reload of the lesson library. The library is
 * swapped only where nothing in flight borrows from it (the lesson list, a lesson's intro, its
 * demonstration, practice before a finger is down); elsewhere the swap waits. */
#ifndef GT_RELOAD_SESSION_H
#define GT_RELOAD_SESSION_H

#include "session.h"

/* Where the student is, by value, so it outlives the library it was read from. */
typedef struct GtSessionPlace {
    GtScreenId screen;
    char lesson_id[GT_ID_MAX];   /* "" off a lesson */
    int step;
} GtSessionPlace;

/* True when the library may be replaced under the session now. */
bool gt_session_can_swap_library(const GtSession *session);

/* Notes where the student is (before a swap). */
void gt_session_place(const GtSession *session, GtSessionPlace *place);

/* After session->library's contents were replaced (the old lessons still readable until this
 * returns): finds the lesson again by id and shows the same screen and step (the last step when
 * the lesson got shorter); the lesson list when the lesson is gone. Never fails. */
void gt_session_library_swapped(GtSession *session, const GtSessionPlace *place, Uint32 now_ms);

#endif
