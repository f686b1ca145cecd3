/* practice_query: where and when a student has practised: a heat map of the body map, minutes
 * per day against the routine guidance, and the streak of days. Days are local calendar days
 * (the TZ the program runs in).
 *
 * Ownership: arrays handed out are malloc'd; free them with gt_heatmap_free / free(). On
 * failure they are NULL / empty. */
#ifndef GT_PRACTICE_QUERY_H
#define GT_PRACTICE_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gt_bodymap.h"
#include "progress_db.h"

/* Routine guidance from the domain texts: self-massage 15-20 minutes a day; professional
 * sessions weekly or fortnightly. The progress screen draws the daily band. */
enum { GT_SELF_MASSAGE_MIN_PER_DAY_LOW = 15, GT_SELF_MASSAGE_MIN_PER_DAY_HIGH = 20 };

typedef struct GtHeatCell {
    int x_cm, y_cm;                /* the cell's left and top edges on the view, cm */
    long samples;                  /* samples that fell in it */
} GtHeatCell;

typedef struct GtHeatmap {
    GtView view;
    int cell_cm;                   /* cells are cell_cm x cell_cm */
    GtHeatCell *cells;             /* count cells with samples, by row (y) then column (x) */
    size_t count;
    long max_samples;              /* the busiest cell's samples (0 when empty), for scaling */
} GtHeatmap;

/* Where a student's attempts on `view` fell, in cells of `cell_cm` (1-50) cm, over every
 * technique or only `technique` (NULL: all). False with the reason; `out` then empty. */
bool gt_query_heatmap(GtProgressDb *db, int64_t student_id, GtView view, const char *technique, int cell_cm,
                      GtHeatmap *out, char *error, size_t error_size);

void gt_heatmap_free(GtHeatmap *heatmap);

typedef struct GtPracticeDay {
    char day[11];                  /* "YYYY-MM-DD", local */
    double minutes;                /* time spent in attempts that ended that day */
    int attempts;
} GtPracticeDay;

/* The days (oldest first) a student practised on, from `since_ms` (Unix ms; 0: all). False
 * with the reason. */
bool gt_query_practice_days(GtProgressDb *db, int64_t student_id, int64_t since_ms, GtPracticeDay **days,
                            size_t *count, char *error, size_t error_size);

typedef struct GtStreak {
    int current_days;              /* consecutive days practised up to today, or up to yesterday
                                      when today has no practice yet (the streak is still alive) */
    int best_days;                 /* the longest run ever */
    bool practised_today;
    char last_day[11];             /* "YYYY-MM-DD" of the latest practice; "" when none */
} GtStreak;

/* The student's streak as of `now_ms` (Unix ms). False with the reason. */
bool gt_query_streak(GtProgressDb *db, int64_t student_id, int64_t now_ms, GtStreak *out, char *error,
                     size_t error_size);

#endif
