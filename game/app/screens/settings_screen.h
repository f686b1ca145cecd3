/* settings_screen: the settings (sound, larger text, high contrast, left-handed layout, the
 * mode lessons open in, and the figure's skin tone with a preview: skin_tones.h), each a row
 * as wide as a hand that answers a tap anywhere on it and shows its state in words ("On" /
 * "Off") and in shape (a switch whose knob sits right and filled when on, left and hollow when
 * off), never by colour alone; and the Settings button of the lesson list's header that opens
 * them. Each declares its hit areas, then draws from them
 * (see screens.h); the session changes the settings.
 *
 * Ownership: nothing is kept; everything is borrowed through the GtScreenContext. */
#ifndef GT_SETTINGS_SCREEN_H
#define GT_SETTINGS_SCREEN_H

#include "screens.h"

/* Declares the settings screen's rows (cards with shortcuts M, T, C, L), the mode buttons
 * (F1-F3) and the skin-tone swatches (F5-F9). */
void gt_settings_layout(const GtScreenContext *c, GtHitMap *hits);
/* Draws the header, the rows with their switches, the mode row and whose settings they are. */
void gt_settings_draw(const GtScreenContext *c, const GtHitMap *hits);

/* Whether the lesson list's Settings button fits in the header left of the buttons there (`left_x`,
 * pixels, their left edge) with room for the title; when not (a narrow, portrait window) it goes
 * at the end of the lesson list's mode row. */
bool gt_settings_in_header(const GtScreenContext *c, int left_x);

/* The lesson list's Settings button (shortcut S), declared left of `right_x` (pixels) in the
 * header. Returns its left edge. */
int gt_settings_header_hit(const GtScreenContext *c, GtHitMap *hits, int right_x);
/* The left edge the Settings button would have left of `right_x`, without declaring it. */
int gt_settings_header_left(const GtScreenContext *c, int right_x);

#endif
