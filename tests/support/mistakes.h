/* mistakes: the mild and severe versions of each mistake a student makes (issue 6's rubric),
 * built from a step's demonstration with the magnitudes an instructor would name:
 *   pressure   0.7 of a level outside the band      vs 3 levels outside
 *   speed      25% outside (x1.25 max, x0.75 min)   vs 2.5x too fast / 0.3x too slow
 *   tempo      the same on the tempo band, by scaling time
 *   path       1.5 cm off the guide                 vs 7 cm off (perpendicular to the guide)
 *   rhythm     cycle intervals varying by 15% (CV)   vs 45% (mean tempo kept; see replay_edit.h)
 *   hold       80% of the shortest hold asked       vs 30%
 *   lifts      one lift mid-stroke                  vs three (gaps of 220 ms)
 * Bands come from the step's own technique (target->technique), which may narrow the shared one. */
#ifndef GT_MISTAKES_H
#define GT_MISTAKES_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_score.h"

typedef enum GtMistake {
    GT_MISTAKE_TOO_LIGHT, GT_MISTAKE_TOO_HEAVY, GT_MISTAKE_TOO_FAST, GT_MISTAKE_TOO_SLOW,
    GT_MISTAKE_OFF_GUIDE, GT_MISTAKE_IRREGULAR, GT_MISTAKE_HOLD_SHORT, GT_MISTAKE_LIFTS, GT_MISTAKE_COUNT
} GtMistake;

typedef enum GtSeverity { GT_SEVERITY_MILD, GT_SEVERITY_SEVERE, GT_SEVERITY_COUNT } GtSeverity;

/* Lift gaps cut into contacts, ms: well over the 80 ms that counts as a lift. */
#define GT_MISTAKE_LIFT_GAP_MS 220.0

const char *gt_mistake_name(GtMistake mistake);
const char *gt_severity_name(GtSeverity severity);

/* Whether the mistake can be made on this step at both severities. When it cannot, `why`
 * (may be NULL) says why in a few words, for the printed list of skips. */
bool gt_mistake_applies(const GtScoreTarget *target, GtMistake mistake, char *why, size_t why_size);

/* Builds the mistake at `severity` from the step's demonstration (synthesised here) into `out`
 * (initialised here; the caller frees it). `what` receives its magnitude in words ("level 1.3",
 * "14.0 cm/s", "7.0 cm off"). False when it does not apply or memory runs out. */
bool gt_mistake_make(GtMistake mistake, GtSeverity severity, const GtScoreTarget *target, GtReplay *out,
                     char *what, size_t what_size);

#endif
