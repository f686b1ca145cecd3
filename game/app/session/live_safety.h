/* live_safety: the practice screen's safety warnings, computed from the attempt as the engine
 * records it. A warning names the place or the level in words; the screen draws it with an icon
 * and marks the place on the body, so colour is never the only cue.
 *
 * The questions are the engine's own (gt_safety_zone_at, gt_safety_level_limit), asked of the
 * recorded samples (quantised, as saved and scored), so a warning and the score card agree on
 * where the hand was and how hard it pressed. A warning lasts while its condition holds and
 * GT_LIVE_LINGER_MS after the last sample that met it; no state is kept between frames, so the
 * same attempt at the same time always gives the same warnings.
 *
 * No SDL here: tests call it with a replay they built. */
#ifndef GT_LIVE_SAFETY_H
#define GT_LIVE_SAFETY_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_bodymap.h"
#include "gt_lesson.h"
#include "gt_replay.h"
#include "gt_score.h"
#include "gt_technique.h"

enum {
    GT_LIVE_LINGER_MS = 1500,  /* a warning stays this long after its condition ends */
    GT_LIVE_WARNING_MAX = 2,   /* at most one place and one pressure warning at a time */
    GT_LIVE_TEXT_MAX = 200
};

typedef struct GtLiveWarning {
    GtSafetyKind kind;            /* avoid zone, injurious pressure or pressure over the band */
    const GtLandmark *zone;       /* avoid zones: the place (borrowed from the map); else NULL */
    double level;                 /* pressure: level (0-10) of the newest unsafe sample */
    double limit_level;           /* pressure: lowest unsafe level for the step */
    double at_ms;                 /* attempt time of the newest sample that met the condition */
    GtPoint where_cm;             /* that sample's position */
    char text[GT_LIVE_TEXT_MAX];  /* "Kidney area (right): keep off — never use circular friction here" */
} GtLiveWarning;

typedef struct GtLiveSafety {
    GtLiveWarning warnings[GT_LIVE_WARNING_MAX]; /* the place first, then the pressure */
    size_t count;
} GtLiveSafety;

/* The pressure band a step is scored on (0-10 scale); {0, 10} without a technique. */
GtRange gt_live_step_band(const GtStep *step);

/* Fills `out` with the warnings that show at attempt time `now_ms` (ms since the attempt
 * began, as its samples count): a sample within GT_LIVE_LINGER_MS before now that lay on a
 * place `technique` must keep off on `map`, or whose level reached the limit for `band`.
 * Returns out->count. NULL replay, technique or map: no warnings of that kind (never fails). */
size_t gt_live_safety_check(const GtTechnique *technique, GtRange band, const GtBodyMap *map, const GtReplay *attempt,
                            double now_ms, GtLiveSafety *out);

/* The warning before any contact: the level set by wheel, keys or slider is already unsafe
 * for `band`. Fills `out` (kind over-band or injurious, zone NULL) and returns true, or
 * returns false when the level is safe. */
bool gt_live_safety_preset(GtRange band, double level, GtLiveWarning *out);

#endif
