/* gt_technique: what a massage technique asks of a stroke, and which criteria score it.
 * Built by the loading layer inside an arena, which owns all of it. */
#ifndef GT_TECHNIQUE_H
#define GT_TECHNIQUE_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_bodymap.h"
#include "gt_caution.h"

typedef enum GtPattern {
    GT_PATTERN_GLIDE, GT_PATTERN_CIRCLE, GT_PATTERN_KNEAD,
    GT_PATTERN_CROSS_FIBRE, GT_PATTERN_TAP, GT_PATTERN_HOLD,
    GT_PATTERN_ROLL,   /* one contact rolling back and forth along the guide (foam roller, ball) */
    GT_PATTERN_COUNT
} GtPattern;

typedef enum GtDirectionRule {
    GT_DIRECTION_NONE, GT_DIRECTION_ALONG_GUIDE, GT_DIRECTION_TOWARD_LANDMARK,
    GT_DIRECTION_ACROSS_FIBRES, GT_DIRECTION_TURNING,
    GT_DIRECTION_BACK_AND_FORTH,   /* straight passes along the guide, either way (rolls) */
    GT_DIRECTION_COUNT
} GtDirectionRule;

typedef enum GtTurning { GT_TURNING_EITHER, GT_TURNING_CLOCKWISE, GT_TURNING_COUNTERCLOCKWISE } GtTurning;

/* The score-card criteria, in the order they are reported. */
typedef enum GtCriterion {
    GT_CRITERION_PATH, GT_CRITERION_DIRECTION, GT_CRITERION_PRESSURE, GT_CRITERION_SPEED,
    GT_CRITERION_RHYTHM, GT_CRITERION_CONTINUITY, GT_CRITERION_HOLD, GT_CRITERION_COUNT
} GtCriterion;

typedef enum GtLevel { GT_LEVEL_BEGINNER, GT_LEVEL_ADVANCED, GT_LEVEL_COUNT } GtLevel;

typedef struct GtRange {
    double min, max; /* inclusive band, in the unit its name says */
} GtRange;

/* How far outside its target a measurement may stray before losing half its marks. */
typedef struct GtTolerance {
    double path_cm;
    double direction_pct;
    double pressure_level;
    double speed_ratio;    /* > 1 */
    double tempo_ratio;    /* > 1 */
    double regularity_cv;
    double lifts;
    double hold_s;
    double drift_cm;
} GtTolerance;

typedef struct GtTechnique {
    const char *id;
    const char *name;
    const char *summary;
    GtPattern pattern;
    GtRange pressure_level;         /* 0-10 scale */
    bool has_speed;
    GtRange speed_cm_s;
    bool has_tempo;
    GtRange tempo_per_min;          /* tempo_hz is converted to per minute on load */
    bool tempo_in_hz;               /* the author wrote tempo_hz: report tempo in Hz */
    double regularity_cv_max;
    double amplitude_cm;            /* 0 when the pattern has none */
    GtDirectionRule direction;
    GtTurning turning;
    const char *toward_landmark;    /* default landmark for toward-landmark, or NULL */
    bool reversal_fails;            /* a reversed glide fails the attempt: the direction is the point
                                       (toward the nodes, toward the heart); default true for
                                       toward-landmark, false otherwise */
    bool has_hold;
    GtRange hold_s;
    double drift_max_cm;
    double weights[GT_CRITERION_COUNT]; /* 0 for criteria that do not apply */
    GtTolerance tolerances[GT_LEVEL_COUNT];
    const char **contraindicated;   /* landmark ids or the kinds "bony" / "avoid" */
    size_t contraindicated_count;
    const char **sources;
    size_t source_count;
    const GtCaution *cautions;      /* what to know before using it on someone; may be none */
    size_t caution_count;
    const char *file;               /* where it was loaded from (set by the library), or NULL */
} GtTechnique;

/* The words the files use, indexed by the enums: the one place they are spelt. */
extern const char *const GT_PATTERN_NAMES[GT_PATTERN_COUNT];
extern const char *const GT_CRITERION_NAMES[GT_CRITERION_COUNT];
extern const char *const GT_LEVEL_NAMES[GT_LEVEL_COUNT];
extern const char *const GT_DIRECTION_NAMES[GT_DIRECTION_COUNT];

/* The name of a pattern, criterion or level ("unknown" when out of range). */
const char *gt_pattern_name(GtPattern pattern);
const char *gt_criterion_name(GtCriterion criterion);
const char *gt_level_name(GtLevel level);
const char *gt_direction_name(GtDirectionRule rule);

/* Whether a pattern repeats at a tempo (it takes tempo_per_min or tempo_hz and regularity_cv_max):
 * circle, knead, cross-fibre, tap and roll. */
bool gt_pattern_is_rhythmic(GtPattern pattern);

/* Which criteria a technique's own definition makes applicable: the single source of
 * that rule, used by the validator and by scoring alike. */
bool gt_technique_criterion_applies(GtPattern pattern, GtDirectionRule direction, bool has_speed,
                                    bool has_tempo, bool has_hold, GtCriterion criterion);

/* True when the technique must keep off the landmark: it names the landmark's id, or its kind
 * ("bony", "avoid") in `contraindicated`. Used alike by the validator, the scorer and the screen. */
bool gt_technique_avoids(const GtTechnique *technique, const GtLandmark *landmark);

#endif
