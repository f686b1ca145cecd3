/* gt_record: turning an instructor's recorded performance of a step into the step itself: a
 * clean guide (the traced path simplified to a few points, the line a roll went back and forth
 * along, or the spot held), and target bands
 * centred on what the instructor measurably did, kept inside the technique's own bands. Pure:
 * no I/O; the loading layer writes the result into the lesson (lesson_write.h). */
#ifndef GT_RECORD_H
#define GT_RECORD_H

#include <stdbool.h>
#include "gt_lesson.h"
#include "gt_replay.h"
#include "gt_score.h"

enum { GT_RECORD_GUIDE_MAX = 12 };

typedef struct GtDerivedStep {
    bool guide_derived;         /* false: the step keeps its guide (circles, kneading, friction, taps
                                   move around a guide that is not the traced path) */
    bool guide_is_point;
    GtPoint guide[GT_RECORD_GUIDE_MAX];
    size_t guide_count;
    GtRange pressure_level;     /* level 0-10 */
    bool has_speed;
    GtRange speed_cm_s;
    bool has_tempo;
    GtRange tempo_per_min;
    bool has_hold;
    GtRange hold_s;
    int repetitions;            /* what was done, when the step counts repetitions (else 0) */
    double duration_s;          /* ... or how long, when the step is timed (else 0) */
    double measured_level, measured_speed, measured_tempo, measured_hold; /* what the card measured; NAN if not */
} GtDerivedStep;

/* Derives the step from `recording`, a performance of `step` (whose technique gives the outer
 * bands) that `card` scored. False, with `out` zeroed, when the recording has no contact or the
 * card measured no pressure. Never allocates. */
bool gt_record_derive(const GtStep *step, const GtReplay *recording, const GtScoreCard *card, GtDerivedStep *out);

/* Simplifies `points` (count of them, in order) to at most `max` points that keep within a
 * tolerance of the original path (Douglas-Peucker, the tolerance grown until the cap holds),
 * written to `out`; returns how many. Ends are always kept. */
size_t gt_record_simplify(const GtPoint *points, size_t count, GtPoint *out, size_t max);

#endif
