/* notices: what the trainer says about saving and about problems at start, on screen (stderr
 * has only a copy). The result screen says whether its attempt was saved, and for whom, or
 * "This attempt was not saved: the disk is full (PATH)"; every screen shows the session's notice
 * (settings that were not used, a database that did not open) in a banner.
 *
 * Ownership: nothing is kept; text is written into the caller's buffer. */
#ifndef GT_NOTICES_H
#define GT_NOTICES_H

#include <stddef.h>
#include "screens.h"

/* The result screen's sentence about its attempt into `text`: "Saved for Anna Lee." only when
 * the database has it, else "This attempt was not saved: REASON". "" off the result screen or
 * without a card. */
void gt_notice_save_line(const GtSession *session, char *text, size_t size);

/* Draws the save sentence (on the result screen) and the session's notice (on every screen)
 * as banners along the bottom of the body area; nothing when there is nothing to say. */
void gt_notices_draw(const GtScreenContext *context);

#endif
