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
    const char *file;               /* where it was loaded from */
} GtLesson;

#endif
