/* progress: a student's marks, kept across sessions in <data dir>/progress.json and written
 * atomically after every attempt, so a power cut never loses or corrupts them. A file that
 * cannot be read is kept aside (renamed *.unreadable-<time>) rather than overwritten. No SDL.
 *
 * Ownership: GtProgress owns its entries; gt_progress_free releases them. */
#ifndef GT_PROGRESS_H
#define GT_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

enum { GT_PROGRESS_ID = 64 };

typedef struct GtProgressEntry {
    char lesson[GT_PROGRESS_ID];
    int step;          /* 1-based */
    double best;       /* best total, 0-100 */
    int attempts;
    int passes;
} GtProgressEntry;

typedef struct GtProgress {
    char path[768];    /* "" when progress is not being saved */
    GtProgressEntry *entries;
    size_t count, capacity;
} GtProgress;

/* Loads <dir>/progress.json (a missing file is an empty record). False with `error` when the
 * file existed but could not be read; it is then moved aside and the record starts empty. */
bool gt_progress_load(GtProgress *progress, const char *dir, char *error, size_t error_size);

/* Records an attempt and saves at once. False with `error` when saving failed (the marks
 * stay in memory and the previous file is untouched). */
bool gt_progress_record(GtProgress *progress, const char *lesson, int step, double total, bool passed,
                        char *error, size_t error_size);

/* The entry for a step, or NULL. Best over all steps of a lesson: gt_progress_lesson_best. */
const GtProgressEntry *gt_progress_find(const GtProgress *progress, const char *lesson, int step);

/* Mean of the best totals over the steps of a lesson (1..step_count) that were tried, and how
 * many were; returns false when none was. */
bool gt_progress_lesson_best(const GtProgress *progress, const char *lesson, int step_count, double *mean,
                             int *tried);

void gt_progress_free(GtProgress *progress);

#endif
