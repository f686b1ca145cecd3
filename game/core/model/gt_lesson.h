/* gt_lesson: a short routine of steps, each one technique on one place of the body.
 * Built by the loading layer inside an arena, which owns all of it. */
#ifndef GT_LESSON_H
#define GT_LESSON_H

#include <stddef.h>
#include "gt_bodymap.h"
#include "gt_technique.h"

typedef struct GtStep {
    const char *technique_id;
    const GtTechnique *technique;   /* resolved by the library; NULL until then */
    GtView view;
    const char *region;
    bool guide_is_point;            /* true: guide.count == 1 and it is a target point */
    GtPointList guide;              /* polyline (2+) or one point, cm */
    int repetitions;                /* 0 when the step is timed */
    double duration_s;              /* 0 when the step counts repetitions */
    const char *toward;             /* landmark id, or NULL to use the technique's */
    double pass_mark;               /* total needed to pass, 1-100 */
    const char *instruction;
    const char *hint;
    const char *demo_path;          /* recorded demonstration, resolved path; NULL if none */
} GtStep;

typedef struct GtLesson {
    const char *id;
    const char *title;
    const char *summary;
    const char *condition;
    GtLevel level;
    double duration_min;
    GtStep *steps;                  /* step_count steps; step N of the CLI is steps[N-1] */
    size_t step_count;
    const GtCaution *cautions;      /* the lesson's own cautions (its techniques have theirs) */
    size_t caution_count;
    const char *const *sources;     /* where its numbers come from, source_count citations; NULL if none */
    size_t source_count;
    const char *file;               /* where it was loaded from */
    const char *pack;               /* the lesson pack folder it came from; NULL when bundled */
} GtLesson;

/* One caution a lesson shows, and whose it is. */
typedef struct GtLessonCaution {
    const GtCaution *caution;       /* borrowed from the lesson or a technique */
    const char *from;               /* the technique id that lists it, or NULL for the lesson's own */
} GtLessonCaution;

enum { GT_LESSON_CAUTIONS_MAX = 64 };

/* Gathers what a student reads before the lesson: the lesson's own cautions and those of the
 * techniques its steps use, each sentence once (the first to list it keeps it), red flags first,
 * then contraindications, then advice, each kind in the lesson's order, then step by step.
 * Fills at most `max` entries of `out` and returns how many; 0 for NULL. Never fails. */
size_t gt_lesson_cautions(const GtLesson *lesson, GtLessonCaution *out, size_t max);

#endif
