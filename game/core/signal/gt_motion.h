/* gt_motion: measurements shared by the scoring criteria and the demo synthesiser:
 * time-weighted statistics, the smooth score curve, and cycle detection.
 *
 * All functions are pure; those that allocate say so and return false when memory runs out. */
#ifndef GT_MOTION_H
#define GT_MOTION_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_replay.h"
#include "gt_technique.h"
#include "gt_lesson.h"
#include "gt_condition.h"

/* A value and how long it lasted (ms), for time-weighted statistics. */
typedef struct GtWeighted {
    double value;
    double weight;
} GtWeighted;

/* Time-weighted quantile (q in 0..1); sorts `items` in place. Equal weights are used when all
 * weights are zero. Returns NAN for n == 0. */
double gt_weighted_quantile(GtWeighted *items, size_t n, double q);

/* Time-weighted mean and coefficient of variation (SD / mean; 0 when the mean is 0). */
double gt_weighted_mean(const GtWeighted *items, size_t n);
double gt_weighted_cv(const GtWeighted *items, size_t n);

/* How long sample k of a contact lasts: until the next sample; the last lasts 0 ms. */
double gt_sample_duration_ms(const GtContact *contact, size_t k);

/* The smooth score curve: 100 inside [lo, hi]; outside, 100 * 2^-((d / tol)^2) where d is the
 * distance to the band, so at one tolerance outside half the marks are gone. */
double gt_band_score(double value, double lo, double hi, double tolerance);

/* The same curve on a ratio scale: d = ln(value / hi) or ln(lo / value), tol = ln(ratio). */
double gt_ratio_band_score(double value, double lo, double hi, double ratio);

/* One completed movement cycle: a revolution, a kneading cycle, a back-and-forth, a tap, or the
 * turning point that ends one pass of a roll. */
typedef struct GtCycleEvent {
    size_t contact;   /* index into replay->contacts */
    size_t sample;    /* sample index at which the cycle completed (or the tap began) */
    double t_ms;
} GtCycleEvent;

typedef struct GtCycles {
    GtCycleEvent *events;   /* malloc'd, in time order within each contact */
    size_t count;
    double *intervals_ms;   /* malloc'd; between consecutive events of one contact (taps, rolls: of all) */
    size_t interval_count;
    int turning_sign;       /* circles: +1 clockwise on screen, -1 counterclockwise, 0 unknown */
} GtCycles;

/* Finds the cycles a technique repeats in a conditioned replay: contact onsets for taps,
 * whole turns of the direction of travel for circles and kneading (summed in chunks of a
 * quarter cycle so jitter cancels; circles that walk along a guide count too), turning points along the main axis for cross-fibre friction (hysteresis 0.3 x
 * amplitude, at least 3 mm) and the passes of a roll (the start of each contact that rolls, and
 * each of its turning points: gt_roll_reversal_cm). `jitter_cm` is the hand's measured noise (gt_condition_replay):
 * headings are read over steps at least that long. False when memory runs out. */
bool gt_detect_technique_cycles(const GtTechnique *technique, const GtReplay *replay, double jitter_cm,
                                GtCycles *out);

void gt_cycles_free(GtCycles *cycles);

/* The long axis of where a contact has been (angle in radians, 0 for an empty contact), from
 * the covariance of its positions: the line a roll travels, even when the hand circles along it. */
double gt_contact_long_axis(const GtContact *contact);

/* How far a roll must come back along its main axis before the turn counts as the end of a pass,
 * cm: 1 cm, or four times the hand's measured jitter when that is more, so a hand that wanders
 * or trembles on a pass never splits it in two. */
double gt_roll_reversal_cm(double jitter_cm);

/* Winding of the direction of travel, clockwise and counterclockwise (as seen on screen), summed
 * chunk by chunk (a quarter of the technique's typical cycle) so jitter cancels inside a chunk. */
void gt_turning_totals(const GtTechnique *technique, const GtReplay *replay, double jitter_cm, double *clockwise_rad,
                       double *counter_rad);

/* Rounds a sample to the precision replay files keep (1 ms, 0.01 cm, 0.001 pressure), so a
 * replay graded in memory and the same replay read back from its file score identically. */
GtSample gt_sample_quantize(GtSample sample);

/* The pressure level (0-10) below which a contact counts as resting rather than pressing
 * for holds: a quarter of the band's lower edge. */
double gt_pressing_level(const GtTechnique *technique);

/* How far the movement may stray from its guide without leaving it, cm: circle and kneading
 * radius, half a cross-fibre stroke, the spread of taps, the allowed drift of a hold; 0 for glides
 * and rolls, which travel on the guide itself. */
double gt_pattern_reach_cm(const GtTechnique *technique);

/* Representative targets inside a band: geometric mean (speeds, tempi), middle (pressure). */
double gt_band_geometric_mid(GtRange range);
double gt_band_mid(GtRange range);

#endif
