/* app: the Guided Touch trainer window.
 *
 * gt_app_main runs the trainer to the end. The same trainer can be opened and turned one frame
 * at a time (gt_app_open, gt_app_frame, gt_app_close): that is the main loop itself, and tests
 * and tools use it to press every button through SDL's real event queue and read what the
 * session did.
 *
 * Ownership: see platform/app_state.h; gt_app_close releases the app and all it holds. What
 * gt_app_session and gt_app_hits return is borrowed from the app and read-only. */
#ifndef GT_APP_H
#define GT_APP_H

#include <stdbool.h>
#include <stdint.h>

typedef struct GtApp GtApp;
typedef struct GtSession GtSession;
typedef struct GtHitMap GtHitMap;

/* Runs the trainer on the lessons in `data_dir` with the trainer's own options (argv holds
 * only those; see --help). Returns the process exit code. */
int gt_app_main(const char *data_dir, int argc, char **argv);

/* Opens the trainer as gt_app_main would, without running its loop: the window, the lessons,
 * the lesson the options name. NULL with the exit code in *exit_code when it cannot start (1,
 * said on stderr) or when the options say to stop (--help: 0; a bad option: 2). */
GtApp *gt_app_open(const char *data_dir, int argc, char **argv, int *exit_code);

/* One turn of the main loop: takes the events due (a script's, one at a time, at their own
 * times; anyone's from SDL's queue), moves the clock, adds hold samples, draws when something
 * changed. Returns false once the trainer is done (window closed, --frames reached, a second
 * after the script ended); the last frame is then drawn and saved (--screenshot). */
bool gt_app_frame(GtApp *app);

/* Releases everything the app holds and shuts SDL down. NULL is fine. */
void gt_app_close(GtApp *app);

/* The trainer's state (screen, lesson, step, mode, attempt, card ...), read-only. */
const GtSession *gt_app_session(const GtApp *app);

/* The hit areas of the screen showing now (buttons, cards, the tracing area, the slider). */
const GtHitMap *gt_app_hits(const GtApp *app);

/* Does what pressing a button with `action` does, at the app's clock, and lays the screen out
 * again. Returns whether anything changed (false for an action the screen does not offer). */
bool gt_app_act(GtApp *app, int action);

/* The window in points (mouse events use them) and its output in pixels (hit areas use them). */
void gt_app_sizes(const GtApp *app, int *window_w_pt, int *window_h_pt, int *output_w_px, int *output_h_px);

/* The trainer's clock now, ms (virtual under --script or --frames). */
uint32_t gt_app_now(const GtApp *app);

#endif
