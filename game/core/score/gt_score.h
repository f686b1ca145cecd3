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

enum { GT_SAFETY_MAX = 8, GT_PLACE_NAME_MAX = 64 };

/* Why an attempt was unsafe. Safety is not a weight: any entry fails the attempt. */
typedef enum GtSafetyKind {
    GT_SAFETY_INJURIOUS_PRESSURE,  /* level 9 or more, sustained for a moment */
    GT_SAFETY_OVER_BAND,           /* three or more levels above the step's band */
    GT_SAFETY_AVOID_ZONE,          /* contact on a place the technique must keep off */
    GT_SAFETY_KIND_COUNT
} GtSafetyKind;

typedef struct GtSafetyEntry {
    GtSafetyKind kind;
    char place[GT_ID_MAX];               /* landmark id for avoid zones, "" otherwise */
    char place_name[GT_PLACE_NAME_MAX];  /* "Kidney area (left)", "" for pressure entries */
    double level;                        /* highest sustained pressure level (0-10) seen */
    double seconds;                      /* time spent unsafe, s */
    char message[GT_FEEDBACK_MAX];       /* names the place or the level, in words */
} GtSafetyEntry;

/* How much of the work the step asks for was done (strokes, circles, taps, holds, seconds). */
typedef struct GtCompletion {
    bool applies;                 /* false when the step asks for no count or duration */
    double done, asked;           /* in `unit` */
    const char *unit;             /* static string: "strokes", "circles", "kneading cycles", "taps", "passes",
                                     "holds", "s" */
    double percent;               /* 100 x done / asked, capped at 100 */
    double factor;                /* what the total was multiplied by, 0-1 (1 when enough was done) */
    char feedback[GT_FEEDBACK_MAX];
} GtCompletion;

/* Why an attempt failed outright whatever its criteria say. */
typedef enum GtVerdict {
    GT_VERDICT_SCORED,        /* judged on its criteria */
    GT_VERDICT_UNSAFE,        /* at least one safety entry */
    GT_VERDICT_NOT_THIS_STEP, /* off the body, far off the guide, no movement, no time span */
    GT_VERDICT_WRONG_DIRECTION, /* a reversed stroke where the direction is the point (toward the nodes) */
    GT_VERDICT_COUNT
} GtVerdict;

typedef struct GtScoreCard {
    char lesson[GT_ID_MAX];
    int step;                     /* 1-based */
    char technique[GT_ID_MAX];
    double total;                 /* weighted mean of the criteria, 0-100 */
    char grade[2];                /* "S", "A", "B", "C", "D", or "F" when the verdict fails it */
    bool passed;                  /* total >= pass_mark and verdict GT_VERDICT_SCORED */
    double pass_mark;
    GtCriterionScore criteria[GT_CRITERION_COUNT]; /* only those that apply, in GtCriterion order */
    size_t criterion_count;
    GtVerdict verdict;
    char verdict_reason[GT_FEEDBACK_MAX]; /* why it failed outright; "" when scored */
    bool capped;                  /* the grade was lowered below what the total earns */
    char cap_reason[GT_FEEDBACK_MAX]; /* which mistake capped it; "" when not capped */
    GtCompletion completion;
    GtSafetyEntry safety[GT_SAFETY_MAX];
    size_t safety_count;
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
/* Only the work done: exactly the card->completion gt_score_attempt gives, without judging the
 * criteria, the safety and the verdict (a live counter needs nothing else and redoes it often).
 * False, with *out zeroed, when the attempt cannot be measured (empty, or memory ran out). */
bool gt_score_completion_only(const GtScoreTarget *target, const GtReplay *replay, GtCompletion *out);

/* The word a file or screen uses for a verdict or safety kind ("unknown" when out of range). */
const char *gt_verdict_name(GtVerdict verdict);
const char *gt_safety_kind_name(GtSafetyKind kind);

/* The osu!-style grade for a total: S >= 95, A >= 90, B >= 80, C >= 70, else D. */
const char *gt_grade_for(double total);

/* "light", "light to moderate", ... for a band on the 0-10 scale. */
void gt_pressure_words(GtRange band, char *buffer, size_t size);

/* The criterion's entry in a card, or NULL when it does not apply. */
const GtCriterionScore *gt_card_criterion(const GtScoreCard *card, GtCriterion criterion);

#endif
