/* Internal to the scoring module: what every criterion function receives. */
#ifndef GT_SCORE_INTERNAL_H
#define GT_SCORE_INTERNAL_H

#include "gt_motion.h"
#include "gt_score.h"

typedef struct GtScoreInput {
    const GtScoreTarget *target;
    const GtReplay *replay;        /* the conditioned attempt every criterion reads */
    const GtReplay *raw;           /* the attempt as recorded */
    const GtTolerance *tolerance;  /* the lesson level's tolerances */
    const GtCycles *cycles;        /* detected cycles (onsets for glides and taps, none for holds) */
    double reach_cm;               /* how far the movement may stray from the guide */
    double jitter_cm;              /* RMS of raw minus conditioned positions: the hand's noise */
    const GtProjection *on_guide;  /* every sample of `replay` (contact after contact) projected onto the
                                      step's guide, worked out once; NULL when memory ran out */
    const GtWeighted *excess;      /* each sample's distance beyond reach from the guide, weighted by
                                      its duration, in sample order (gt_guide_excess_items) ... */
    GtWeighted *excess_sorted;     /* ... and the same sorted by distance, for its quantiles; both NULL
                                      when there are no samples or memory ran out */
    size_t excess_count;
} GtScoreInput;

/* Each sample's distance beyond reach from the guide (cm), weighted by its duration, in sample
 * order (malloc'd, the caller frees it); NULL (n = 0) when there are no samples or no memory. */
GtWeighted *gt_guide_excess_items(const GtScoreInput *in, size_t *n);

/* Sample `index` (counting contact after contact) of in->replay, at `p`, projected onto the step's
 * guide: from in->on_guide when it is there, else worked out now (the same either way). */
GtProjection gt_guide_projection(const GtScoreInput *in, size_t index, GtPoint p);

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


/* Rounds to the precision a measurement is shown with (`step`: 1, 0.1, ...), so that a
 * measurement is scored exactly as the student reads it and no sentence contradicts its score. */
double gt_shown(double value, double step);

/* Share of the guide (%) that the attempt came within reach + 1.5 cm of. */
double gt_guide_coverage_pct(const GtScoreInput *in);

/* Time-weighted median distance beyond reach from the guide, cm. NAN when memory runs out. */
double gt_median_guide_excess(const GtScoreInput *in);

/* The verdict, completion and grade caps of a card whose criteria and total are filled in
 * (gt_score_verdict.c). */
void gt_score_completion(const GtScoreInput *in, GtScoreCard *card);
void gt_score_verdict(const GtScoreInput *in, GtScoreCard *card);
void gt_score_grade(const GtScoreInput *in, GtScoreCard *card);

/* Separate holds (contacts less than a second apart are one hold) that kept a holding level
 * for at least `min_s` seconds. */
size_t gt_count_holds(const GtScoreInput *in, double min_s);

void gt_score_path(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_direction(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_pressure(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_speed(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_rhythm(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_continuity(const GtScoreInput *in, GtCriterionScore *out);
void gt_score_hold(const GtScoreInput *in, GtCriterionScore *out);

#endif
