/* kiosk_session: kiosk mode as part of the session (see session.h, GtKioskState).
 *
 * A kiosk has no way out for students: only staff leave it. A long press in a screen corner
 * (the loop detects it, input/corner_press.h) gives GT_ACT_STAFF, which opens the PIN pad
 * (GT_SCREEN_PIN); the right PIN opens the staff menu (GT_SCREEN_STAFF): close the trainer, the
 * lesson list, the students, or lock again. Wrong PINs are rate-limited (config/pin.h). Staff
 * stay staff until they lock or the kiosk signs out through idleness; meanwhile a long press
 * opens the staff menu straight away.
 *
 * After idle_timeout_s without input (and no hand down, no demonstration playing) the student
 * is signed out, any attempt is thrown away, staff are locked out again and the attract screen
 * (GT_SCREEN_ATTRACT) plays each lesson's first demonstration in turn until a touch, which
 * brings the lesson list; after GT_ATTRACT_PLAY_MS it rests on a still picture.
 *
 * Outside kiosk mode none of these screens or actions is offered.
 *
 * Ownership: the state lives in the session (session->kiosk); the config is borrowed. */
#ifndef GT_KIOSK_SESSION_H
#define GT_KIOSK_SESSION_H

#include <stdbool.h>
#include "session.h"

enum { GT_ATTRACT_PLAY_MS = 10 * 60 * 1000 };

/* Whether the screen showing now offers `action` when it is one of kiosk mode's (or Back on its
 * screens): 1 or 0; -1 when the action is none of kiosk mode's (the session decides). */
int gt_session_kiosk_offers(const GtSession *session, int action);

/* Does a kiosk action the screen offers, as of `at_ms`. Returns true when anything changed.
 * A PIN is checked when OK is pressed (or the eighth digit typed): right opens the staff menu;
 * wrong, too soon or none configured is said on the pad (kiosk.message) and the digits clear. */
bool gt_session_kiosk_act(GtSession *session, int action, Uint32 at_ms);

/* Moves kiosk mode on to `now_ms`: signs out after the idle timeout counted from
 * kiosk.idle_since_ms (not while `hand_down`, nor while a demonstration plays) and shows the
 * attract screen, whose demonstrations it moves on when one ends. Returns true when the screen
 * or what it shows changed (the caller lays it out again). Nothing outside kiosk mode. */
bool gt_session_kiosk_update(GtSession *session, Uint32 now_ms, bool hand_down);

/* True while the attract screen plays a demonstration at `now_ms`: for GT_ATTRACT_PLAY_MS after
 * the idle sign-out; then it rests on a still picture (an idle kiosk draws nothing all night). */
bool gt_session_kiosk_animating(const GtSession *session, Uint32 now_ms);

/* Tells kiosk mode that input happened at `at_ms` (the idle timeout starts again). */
void gt_session_kiosk_input(GtSession *session, Uint32 at_ms);

/* The ms until the idle timeout falls at `now_ms` (0 when due or past), or -1 when none is
 * running (outside kiosk mode, timeout 0, or on the attract screen already). */
int gt_session_kiosk_idle_left_ms(const GtSession *session, Uint32 now_ms);

/* The school server's state for the staff screen ("School server: connected; all attempts
 * sent", "... offline since 14:05; 3 attempts waiting; ... Why: ..."), or "" without a server. */
void gt_session_kiosk_server_line(const GtSession *session, char *line, size_t size);

#endif
