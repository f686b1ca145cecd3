/* screen_parts: what the screens share and how the dispatcher reaches each screen. Internal to
 * game/app/screens; nothing here changes the session. */
#ifndef GT_SCREEN_PARTS_H
#define GT_SCREEN_PARTS_H

#include "live_safety.h"
#include "result_words.h"
#include "screens.h"

/* ---- each screen: declare its hit areas, then draw (home.c, lesson.c, demo.c, practice.c, result.c) ---- */

/* The lesson list: mode buttons, a card per lesson, Up / More when it scrolls. Returns the last
 * first row the list can show. */
int gt_home_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_home_draw(const GtScreenContext *c, const GtHitMap *hits);
/* A lesson's intro (Start lesson) and summary (Practise again, All lessons). */
void gt_intro_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_intro_draw(const GtScreenContext *c, const GtHitMap *hits);
void gt_summary_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_summary_draw(const GtScreenContext *c, const GtHitMap *hits);
/* The demonstration (Watch again, Skip 10 s on a long one, Practise). */
void gt_demo_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_demo_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms);
/* Practice: the tracing area, the slider, Restart, Watch demo (learn mode), Done; while
 * "Discard this attempt?" shows, only its Discard and Keep practising. */
void gt_practice_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_practice_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms);
/* The result (Watch my attempt, Try again, Next step or Finish). */
void gt_result_layout(const GtScreenContext *c, GtHitMap *hits);
void gt_record_layout(const GtScreenContext *c, GtHitMap *hits);   /* record_screen.c */
void gt_record_draw(const GtScreenContext *c, const GtHitMap *hits);
void gt_result_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms);
/* Instructor mode: the pointer's position in cm, its region and any place to avoid there, at the
 * foot of the body area while the pointer is over the figure (instructor_overlay.c). */
void gt_instructor_overlay_draw(const GtScreenContext *c);

/* "My progress" (progress_screen.c): the techniques to choose from, the chosen one's score over
 * time, minutes a day with the streak, and the heat map; a guest's Pick my name. */
int gt_progress_layout(const GtScreenContext *c, GtHitMap *hits); /* returns the list's last first row, or -1 */
void gt_progress_draw(const GtScreenContext *c, const GtHitMap *hits);
/* The home header's My progress button (shortcut P), ending `right_x` with a gap; returns its left
 * edge. Its width, for the header to keep room. */
int gt_progress_header_hit(const GtScreenContext *c, GtHitMap *hits, int right_x);
int gt_progress_button_w(const GtScreenContext *c);

/* ---- shared (screens.c, step_parts.c) ---- */

/* Declares the header's buttons: Back (not on the lesson list) and the sound toggle. */
void gt_screen_header_hits(const GtScreenContext *c, GtHitMap *hits);
/* Draws the top bar with a title and a subtitle (or NULL) beside its buttons; both wrap to
 * the room there (a long title at a smaller size), so nothing is cut; a subtitle that still
 * has no room under the title is left out rather than drawn below the bar. */
void gt_screen_draw_header(const GtScreenContext *c, const char *title, const char *subtitle);
/* Draws every button of `hits`, the pressed one pressed. */
void gt_screen_draw_buttons(const GtScreenContext *c, const GtHitMap *hits);
/* The rectangle of a declared button (by action), or an empty one. */
SDL_Rect gt_screen_button_rect(const GtHitMap *hits, int action);

/* Pressure words for a band: "light to moderate (2-5)". */
void gt_screen_band_words(GtRange band, char *buffer, size_t size);
/* The step's title and subtitle in the header; `what` names the screen ("result"). */
void gt_screen_step_header(const GtScreenContext *c, const char *what);
/* The body with the step's region, places to avoid and (unless hidden) its guide, clipped to
 * the view (the caller lifts the clip); `phase` (0..1) animates the guide. */
GtBodyView *gt_screen_draw_step_body(const GtScreenContext *c, bool show_guide, double phase);
/* The step's instruction, its targets and (after repeated misses) the hint, wrapped to `w`
 * from (x, y); returns the row below them. */
int gt_screen_draw_instruction(const GtScreenContext *c, int x, int y, int w);

/* ---- a lesson's cautions (cautions_panel.c) ---- */

enum { GT_CAUTION_ROW_MAX = 320 }; /* bytes of a row's text: the kind's word and the sentence */

/* Height the rows of `list` (count cautions) take at width `w` in `font`, with their gaps. */
int gt_screen_cautions_height(GtUi *ui, const GtLessonCaution *list, size_t count, int w, GtFontSize font);
/* Draws the rows of `list` from (x, y), `w` wide, each an icon, the kind in words and the
 * sentence (red flags bold on a tinted band), as many as fit above `bottom`; *drawn says how
 * many did. Returns the height used. */
int gt_screen_draw_cautions(GtUi *ui, const GtLessonCaution *list, size_t count, int x, int y, int w, int bottom,
                            GtFontSize font, size_t *drawn);
/* On the lesson's first step (its demonstration, or practice before an attempt is finished):
 * "Before the first step", the lesson's red flags and contraindications in full as far as they
 * fit above `bottom`, and where all its cautions are (the intro). Returns the height used, 0 on
 * any other screen or for a lesson without cautions. */
int gt_screen_draw_first_step_cautions(const GtScreenContext *c, int x, int y, int w, int bottom);

/* ---- pressure and progress, shared by practice and the demonstration (practice.c) ---- */

/* The pressure gauge in the frame's slider column: levels 0-10 numbered, band words where they
 * fit, the technique's band bracketed and labelled "aim 2-5", and `level` marked and written
 * with where it comes from (`source`: "keys", "demo" ...). */
void gt_screen_draw_pressure_gauge(const GtScreenContext *c, const GtTechnique *t, double level, const char *source);
/* How to set the pressure with a mouse, keys, the slider or a pen, for this technique (holds:
 * how to ramp in and out). */
void gt_screen_pressure_help(const GtTechnique *t, char *buffer, size_t size);
/* The work counted so far in words ("2 of 4 strokes done", "12 of 60 s worked"); "" when the
 * step counts nothing. */
void gt_screen_progress_words(const GtCompletion *progress, char *buffer, size_t size);

/* ---- the live safety warning on the practice screen (warning.c) ---- */

/* The warnings that show now: the engine's safety questions asked of the attempt as recorded
 * (live_safety), plus, while no hand is down, a warning that the level set is already unsafe.
 * None off the practice screen or without an attempt. Returns out->count. */
size_t gt_screen_live_safety(const GtScreenContext *c, Uint32 now_ms, const GtInputLive *live, GtLiveSafety *out);
/* Marks on the body each place a warning names (hatched, outlined, labelled). */
void gt_screen_mark_warned_zones(const GtScreenContext *c, GtBodyView *view, const GtLiveSafety *safety);
/* Draws the warnings as a banner at (x, y), w wide; returns its height, 0 without a warning. */
int gt_screen_draw_warnings(const GtScreenContext *c, const GtLiveSafety *safety, int x, int y, int w);
/* Writes "guidedtouch: warning shown: <text>" to stderr once for each warning as it appears
 * (not again while it stays), so a kiosk log and a test can see what the student was told. */
void gt_screen_log_warnings(const GtScreenContext *c, const GtLiveSafety *safety);

#endif
