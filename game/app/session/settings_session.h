/* settings_session: the settings, as part of the session (see session.h). A student sets the
 * sound, larger text, high contrast, a left-handed layout, the mode the lesson list starts in
 * and the figure's skin tone on the settings screen (GT_SCREEN_SETTINGS); each change is in
 * force at once. A signed-in student's settings are saved with their name
 * (gt_students_set_settings, a JSON object with the configuration's own keys: "mute",
 * "large_text", "high_contrast", "left_handed", "mode", "skin_tone")
 * and come back when they sign in; a guest's last until someone signs in or out, and then the
 * machine's settings (from the configuration) are in force again. A save or read that fails is
 * said in the session's notice, on screen; the change still holds for now.
 *
 * Ownership: the settings live in the session; JSON from gt_settings_to_json is malloc'd and
 * freed by the caller. */
#ifndef GT_SETTINGS_SESSION_H
#define GT_SETTINGS_SESSION_H

#include <stdbool.h>
#include "session.h"

/* The one place that says where the settings can be opened (GT_ACT_SETTINGS): the lesson list,
 * and the kiosk's staff menu once the PIN was right. For the settings' own actions (the toggles,
 * the default mode, Back on the settings screen) 1 or 0; -1 when the action is none of theirs
 * (the session decides). */
int gt_session_settings_offers(const GtSession *session, int action);

/* Does a settings action that gt_session_settings_offers allows: opens the screen (Back returns
 * to the screen it came from), flips a toggle, chooses the default mode (which is also the
 * mode now) or a skin tone (GT_ACT_SKIN_TONE + a GtSkinTone), and saves for a signed-in
 * student. Returns true when anything changed. */
bool gt_session_settings_act(GtSession *session, int action);

/* The settings in force now. */
GtSettings gt_session_settings(const GtSession *session);

/* Puts `settings` in force (the mode too). Nothing is saved. */
void gt_session_settings_use(GtSession *session, const GtSettings *settings);

/* After a sign-in or sign-out: the student's remembered settings over the machine's (a guest:
 * the machine's). A failure to read them is put in the notice; the machine's are used. */
void gt_session_settings_restore(GtSession *session);

/* Saves the settings in force for the student signed in; nothing for a guest (true). False when
 * they could not be saved: "Your settings could not be saved: <why>" is then the notice (also
 * on stderr); a later save that works takes that notice away. */
bool gt_session_settings_save(GtSession *session);

/* The settings as a JSON object with every key (malloc'd), or NULL when out of memory. */
char *gt_settings_to_json(const GtSettings *settings);

/* Reads the keys of a JSON object into *settings, each one that is present and valid; others
 * (and everything, for text that is no object) leave *settings as it was. Returns how many
 * keys were taken. */
int gt_settings_from_json(const char *json, GtSettings *settings);

#endif
