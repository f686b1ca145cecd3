/* Internal to the scoring module: what every criterion function receives. */
#ifndef GT_SCORE_INTERNAL_H
#define GT_SCORE_INTERNAL_H

#include "gt_motion.h"
#include "gt_score.h"

typedef struct GtScoreInput {
    const GtScoreTarget *target;
    const GtReplay *replay;
    const GtTolerance *tolerance;  /* the lesson level's tolerances */
    const GtCycles *cycles;        /* detected cycles (empty for glides and holds) */
    double reach_cm;               /* how far the movement may stray from the guide */
} GtScoreInput;

/* A partial measurement inside one criterion; the criterion reports its worst one. */
typedef struct GtSubScore {
    double score;
    double measured;
    double target_min, target_max;
    const char *unit;
    char feedback[GT_FEEDBACK_MAX];
} GtSubScore;

/* Scores the criterion at its lowest sub-score, and explains it by the first sub-score (in the
 * caller's priority order: causes before symptoms) that lost marks. */
void gt_pick_worst(const GtSubScore *subs, size_t count, GtCriterionScore *out);

/* Sets `out` to a score of 0 with NAN measured and the given feedback. */
void gt_unmeasured(GtCriterionScore *out, double target_min, double target_max, const char *unit,
                   const char *feedback);


void gt_score_path(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_direction(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_pressure(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_speed(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_rhythm(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_continuity(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_hold(const GtScoreInput *in, GtCriterionScore *out);

#endif
