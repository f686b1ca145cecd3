/* progress_charts: the pictures of "My progress" (progress_screen.c lays them out): a technique's
 * score over time, minutes practised per day against the routine guidance with the streak, and
 * the heat map of where the student practised on the body. Each draws inside the rectangle it is
 * given and nothing outside it, from what the session read; none queries anything.
 *
 * Ownership: nothing is kept; everything is borrowed for the call. */
#ifndef GT_PROGRESS_CHARTS_H
#define GT_PROGRESS_CHARTS_H

#include "progress_session.h"
#include "screens.h"

/* The height of one line of text at `size` (and weight), pixels. */
int gt_progress_line_h(GtUi *ui, GtFontSize size, bool bold);

/* The technique's score over time in `r`: its name and attempt count, a legend, a dot per
 * attempt (passed: filled disc; not yet: ring; failed outright: a cross) on a 0-100 axis with the
 * pass mark as a dashed line, the first and last days under it, and the weakest criterion's
 * feedback under that. */
void gt_progress_draw_score_chart(const GtScreenContext *c, SDL_Rect r, const GtProgressTechnique *t);

/* Minutes practised on each of the last GT_PROGRESS_DAYS days as bars against the 15-20 minute
 * band, the streak ("3 days in a row", the best) above them and the guidance in words under. */
void gt_progress_draw_days(const GtScreenContext *c, SDL_Rect r, const GtProgressView *v);

/* The height the heat map's legend takes at width `w`. */
int gt_progress_heat_legend_h(const GtScreenContext *c, int w);

/* The whole body of the view's side fitted in `figure`, each cell the student worked in shaded by
 * how many samples fell there (four steps), and the legend of those steps under it in `legend`. */
void gt_progress_draw_heatmap(const GtScreenContext *c, SDL_Rect figure, SDL_Rect legend, const GtProgressView *v);

#endif
