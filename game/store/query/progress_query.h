/* progress_query: what the progress screen and the lesson list need from the database, per
 * student: each technique's score over time, best and recent, the criterion that holds it back,
 * and the marks per lesson step the lesson list shows (as the trainer's GtProgress).
 *
 * Totals are the card's 0-100 total. An attempt "judged on its criteria" has the verdict
 * "scored"; one failed outright (unsafe, not this step, wrong direction) keeps its total in the
 * history but earns no mark, as in the trainer.
 *
 * Ownership: arrays handed out are malloc'd; the caller frees them with free() (points,
 * techniques) or gt_progress_free (marks). On failure they are NULL / empty. */
#ifndef GT_PROGRESS_QUERY_H
#define GT_PROGRESS_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gt_score.h"
#include "progress.h"
#include "progress_db.h"

/* One attempt on the score-over-time chart. */
typedef struct GtScorePoint {
    int64_t finished_ms;           /* Unix ms, UTC */
    double total;                  /* 0-100 */
    bool passed;
    bool scored;                   /* judged on its criteria (verdict "scored") */
    char lesson[GT_ID_MAX];
    int step;
} GtScorePoint;

/* Every graded attempt of a student at a technique, oldest first, into *points (count in
 * *count). False with the reason. */
bool gt_query_score_history(GtProgressDb *db, int64_t student_id, const char *technique, GtScorePoint **points,
                            size_t *count, char *error, size_t error_size);

enum { GT_QUERY_RECENT = 5, GT_QUERY_WEAKEST_OVER = 10 };

/* Where a student stands at one technique. */
typedef struct GtTechniqueProgress {
    char technique[GT_ID_MAX];
    int attempts, passes;          /* graded attempts, and those passed */
    double best_total;             /* highest total judged on its criteria; NAN when none was */
    int64_t best_ms;               /* when it was made; 0 when none */
    double recent_total;           /* the latest graded attempt's total */
    bool recent_scored;            /* ... and whether it was judged on its criteria */
    int64_t recent_ms;
    double recent_mean;            /* mean mark of the last GT_QUERY_RECENT (failed outright: 0) */
    char weakest[24];              /* the criterion with the lowest mean score over the last
                                      GT_QUERY_WEAKEST_OVER attempts judged on their criteria; ""
                                      when none was, or when every criterion scored 100 */
    double weakest_score;          /* its mean score, 0-100 */
    char weakest_feedback[GT_FEEDBACK_MAX]; /* the feedback of its lowest recent score */
    int safety_events;             /* safety entries over all attempts */
} GtTechniqueProgress;

/* One entry per technique the student has practised, most recently practised first. False
 * with the reason. */
bool gt_query_techniques(GtProgressDb *db, int64_t student_id, GtTechniqueProgress **techniques, size_t *count,
                         char *error, size_t error_size);

/* How many safety entries of each kind (indexed by GtSafetyKind) the student's attempts have.
 * False with the reason (counts then 0). */
bool gt_query_safety_kinds(GtProgressDb *db, int64_t student_id, int counts[GT_SAFETY_KIND_COUNT], char *error,
                           size_t error_size);

/* Fills the trainer's marks for a student (initialising `marks`, whose path stays "" so that
 * gt_progress_record only updates them in memory): per lesson step the best mark (0 for
 * attempts failed outright), attempts and passes, counting marks imported from progress.json.
 * False with the reason; `marks` is then empty. */
bool gt_query_marks(GtProgressDb *db, int64_t student_id, GtProgress *marks, char *error, size_t error_size);

#endif
