/* gt_safety: the rules no score can outweigh. Pressure at level 9 or more, pressure three or
 * more levels above the step's band, and contact on a place the technique must keep off fail
 * an attempt, and the card names the place in words. The trainer asks the same questions
 * live, sample by sample, so its warnings and the card always agree.
 *
 * Pure functions of their arguments; nothing here allocates. */
#ifndef GT_SAFETY_H
#define GT_SAFETY_H

#include <stdbool.h>
#include "gt_bodymap.h"
#include "gt_replay.h"
#include "gt_score.h"
#include "gt_technique.h"

/* Level at or above which pressure is injurious on any technique (the 0-10 scale: 9-10). */
#define GT_SAFETY_INJURIOUS_LEVEL 9.0
/* Levels above the step's band that are unsafe for that step. */
#define GT_SAFETY_OVER_BAND_LEVELS 3.0
/* How long unsafe pressure must last in all to count, s: a sample's spike is not a press. */
#define GT_SAFETY_PRESSURE_MOMENT_S 0.5
/* The window the level is averaged over before it is compared with the limit, s. */
#define GT_SAFETY_LEVEL_WINDOW_S 1.0
/* How long a contact may touch a place to avoid before it counts, s ("more than a moment"). */
#define GT_SAFETY_ZONE_MOMENT_S 0.3

/* The lowest unsafe level for a pressure band: the lower of 9 and the band's top + 3. */
double gt_safety_level_limit(GtRange band);

/* The first landmark that `technique` must keep off and that p lies on (within its radius),
 * or NULL when p is clear. NULL map or technique: NULL. */
const GtLandmark *gt_safety_zone_at(const GtTechnique *technique, const GtBodyMap *map, GtPoint p);
/* The landmarks of `map` that `technique` must keep off, in the map's order, into `out` (at most
 * `max`); returns how many there are (more than `max` when `out` was too small). */
size_t gt_safety_zones(const GtTechnique *technique, const GtBodyMap *map, const GtLandmark **out, size_t max);
/* The first of `zones` that p lies on (within its radius), or NULL: gt_safety_zone_at with the
 * zones looked up once, for checking many points. */
const GtLandmark *gt_safety_zone_among(const GtLandmark *const *zones, size_t count, GtPoint p);

/* Scans `replay` (conditioned: smooth, evenly sampled) for unsafe work against `band` and the
 * technique's places to avoid on `map`, and appends one entry per finding to `card` (at most
 * GT_SAFETY_MAX; pressure entries first, then places in the map's order). Returns how many it
 * added. */
size_t gt_safety_scan(const GtTechnique *technique, GtRange band, const GtBodyMap *map, const GtReplay *replay,
                      GtScoreCard *card);

#endif
