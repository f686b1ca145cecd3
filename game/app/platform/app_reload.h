/* app_reload: live reload of the lesson library while the trainer runs. A saved change to a
 * lesson or technique in the bundled library or any lesson pack shows up within a second: the
 * library is loaded afresh beside the old one and swapped in where the session allows. When the
 * fresh load broke a file that loaded before (an edit with a mistake in it), the old library
 * keeps running and the located problem is shown on screen until a good save. */
#ifndef GT_APP_RELOAD_H
#define GT_APP_RELOAD_H

#include <stdbool.h>
#include <SDL.h>

typedef struct GtApp GtApp;

/* Starts watching the library's folders (after it was loaded). */
void gt_app_reload_start(GtApp *app, Uint32 now_ms);

/* One look for changes, and the swap when one is due and allowed. True when the library was
 * replaced (the caller lays the screen out again). */
bool gt_app_reload_turn(GtApp *app, Uint32 now_ms);

/* How long the loop may sleep before the next look, in ms. */
int gt_app_reload_wait_ms(const GtApp *app, Uint32 now_ms);

#endif
