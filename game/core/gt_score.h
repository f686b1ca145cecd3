/* gt_score: grades one attempt at one lesson step, criterion by criterion.
 *
 * Deterministic: the same replay, step and technique give the same card to the last digit.
 * A mistake shows up in its own criterion (too fast lowers speed, not path). */
#ifndef GT_SCORE_H
#define GT_SCORE_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_bodymap.h"
#include "gt_lesson.h"
#include "gt_replay.h"
#include "gt_technique.h"

enum { GT_FEEDBACK_MAX = 240 };

typedef struct GtCriterionScore {
    GtCriterion criterion;
    double score;                 /* 0-100 */
    double measured;              /* in `unit`; NAN when nothing could be measured */
    double target_min, target_max;
    const char *unit;             /* static string: "cm", "%", "level", "cm/s", "per min", "Hz", "lifts", "s" */
    double weight;
    char feedback[GT_FEEDBACK_MAX]; /* one plain sentence with numbers */
} GtCriterionScore;

typedef struct GtScoreCard {
    char lesson[GT_ID_MAX];
    int step;                     /* 1-based */
    char technique[GT_ID_MAX];
    double total;                 /* weighted mean of the criteria, 0-100 */
    char grade[2];                /* "S", "A", "B", "C" or "D" */
    bool passed;                  /* total >= pass_mark */
    double pass_mark;
    GtCriterionScore criteria[GT_CRITERION_COUNT]; /* only those that apply, in GtCriterion order */
    size_t criterion_count;
} GtScoreCard;

/* What an attempt is judged against. */
typedef struct GtScoreTarget {
    const char *lesson_id;
    int step_number;              /* 1-based */
    const GtStep *step;
    const GtTechnique *technique;
    const GtBodyMap *map;         /* the step's view */
    GtLevel level;
} GtScoreTarget;

/* Fills `card`. Returns false only when memory runs out (the card then says so in
 * every criterion's feedback and scores 0). An empty replay scores 0 with feedback. */
bool gt_score_attempt(const GtScoreTarget *target, const GtReplay *replay, GtScoreCard *card);

/* The osu!-style grade for a total: S >= 95, A >= 90, B >= 80, C >= 70, else D. */
const char *gt_grade_for(double total);

/* "light", "light to moderate", ... for a band on the 0-10 scale. */
void gt_pressure_words(GtRange band, char *buffer, size_t size);

/* The criterion's entry in a card, or NULL when it does not apply. */
const GtCriterionScore *gt_card_criterion(const GtScoreCard *card, GtCriterion criterion);

#endif
