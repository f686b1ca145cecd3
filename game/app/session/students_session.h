/* students_session: who is practising, as part of the session (see session.h). The home screen's
 * name button opens "Who is practising?" (GT_SCREEN_STUDENTS): a student taps their name, adds
 * one on the on-screen keyboard (GT_SCREEN_NAME; physical keys type too), or practises as a
 * guest, whose attempts are not kept. A long list of names goes by pages (Up and More, the
 * wheel, the arrow keys). Signing in makes the lesson list's marks that student's.
 *
 * Ownership: the student list lives in the session (gt_session_free releases it). */
#ifndef GT_STUDENTS_SESSION_H
#define GT_STUDENTS_SESSION_H

#include <stdbool.h>
#include "session.h"

/* Whether the screen showing now offers `action` when it is one of the students' actions (or
 * Back on their screens): 1 or 0; -1 when the action is none of theirs (the session decides). */
int gt_session_students_offers(const GtSession *session, int action);

/* Tells the session the picker's last page (>= 0, from its layout) and keeps the page shown
 * inside it. */
void gt_session_students_scroll_limit(GtSession *session, int last_page);

/* Does a students' action the screen offers (see gt_session_students_offers). Returns true when
 * anything changed. A name that cannot be added (no name, already taken, the database's
 * trouble) stays typed, with the reason in name_problem. */
bool gt_session_students_act(GtSession *session, int action);

#endif
