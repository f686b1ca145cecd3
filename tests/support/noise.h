/* noise: a model of a real hand on a real input device, applied to a clean replay (a step's
 * demonstration) to make a human-like attempt. Deterministic from a seed: the same seed and
 * parameters give the same attempt, sample for sample, on every machine (own PRNG, never rand()).
 *
 * What it models (sources in docs/noise-model.md):
 * - position jitter: a Gaussian core (per-attempt SD drawn in a range, 0.3-1 mm per axis) plus
 *   occasional heavy-tailed (Student-t, 3 degrees of freedom) outliers, clipped at 4 mm;
 * - sampling: uneven intervals of 8-30 ms around a per-attempt period, occasional gaps of up to
 *   150 ms, and some repeated timestamps (two events delivered in one batch);
 * - tempo drift: a smooth time warp whose rate wanders with about 6% SD and a few seconds'
 *   correlation, applied to the whole attempt, pauses between contacts included;
 * - wander: a smooth drift of the hand of 2-3 mm RMS correlated over about a second, sideways
 *   (across the contact's chord) for travelling contacts, in any direction for contacts that stay;
 * - pressure: a smooth multiplicative fluctuation of about 8% (0.3 s correlation) around the
 *   intended envelope, so ramps keep their shape; clamped to 0..1;
 * - optionally, positions rounded to whole screen pixels.
 * The attempt keeps the clean replay's contacts (ids and order); each contact is re-sampled by
 * linear interpolation at the warped, uneven times, offset, and quantised as replay files are. */
#ifndef GT_NOISE_H
#define GT_NOISE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gt_replay.h"

/* splitmix64: small, fast, and the same on every platform. */
typedef struct GtRng {
    uint64_t state;
} GtRng;

GtRng gt_rng_seeded(uint64_t seed);
uint64_t gt_rng_next(GtRng *rng);
double gt_rng_uniform(GtRng *rng);              /* [0, 1) */
double gt_rng_range(GtRng *rng, double lo, double hi);
double gt_rng_gaussian(GtRng *rng);             /* mean 0, SD 1 (Box-Muller) */
double gt_rng_student_t3(GtRng *rng);           /* Student-t, 3 degrees of freedom */

typedef struct GtNoiseParams {
    double jitter_sd_min_cm, jitter_sd_max_cm; /* Gaussian core SD per axis, drawn per attempt */
    double outlier_probability;                /* share of samples with a heavy-tailed offset */
    double outlier_scale;                      /* outliers: Student-t times this many core SDs */
    double jitter_max_cm;                      /* no jitter offset is longer than this */
    double sample_ms_min, sample_ms_max;       /* intervals stay in this range (gaps aside) */
    double sample_spread;                      /* interval = period x (1 +- spread), uniform */
    double gap_probability;                    /* chance that an interval is a gap instead */
    double gap_ms_min, gap_ms_max;             /* a gap's length, uniform */
    double repeat_probability;                 /* chance that a sample repeats the last timestamp */
    double tempo_sd;                           /* SD of the time warp's rate (0.06 = 6%) */
    double tempo_corr_ms;                      /* its correlation time */
    double wander_min_cm, wander_max_cm;       /* RMS of the hand's wander, drawn per attempt */
    double wander_corr_ms;                     /* its correlation time */
    double pressure_sd;                        /* SD of the multiplicative pressure fluctuation */
    double pressure_corr_ms;                   /* its correlation time */
    double pixel_cm;                           /* > 0: positions rounded to this grid */
    GtDevice device;                           /* recorded in the attempt */
    GtPressureSource pressure_source;          /* recorded in the attempt */
} GtNoiseParams;

/* A finger on a touch panel with pressure (the model). */
GtNoiseParams gt_noise_default(void);

/* A mouse polled at 125 Hz on a screen with `px_per_cm` pixels per cm: whole-pixel positions,
 * a little tremor, steady sampling with no gaps, pressure set steadily by the wheel. */
GtNoiseParams gt_noise_mouse(double px_per_cm);

/* What one application drew and did, for printing and for checking the model itself. */
typedef struct GtNoiseReport {
    double jitter_sd_cm;       /* the core SD drawn for this attempt */
    double wander_cm;          /* the wander RMS drawn for this attempt */
    double period_ms;          /* the sampling period drawn for this attempt */
    double span_ratio;         /* noisy time span / clean time span */
    size_t samples;            /* samples written */
    size_t gaps;               /* intervals that were gaps */
    size_t repeats;            /* samples that repeated the previous timestamp */
    size_t outliers;           /* samples with a heavy-tailed offset */
    double max_interval_ms;    /* longest interval inside a contact */
} GtNoiseReport;

/* Fills `out` (initialised here; the caller frees it with gt_replay_free) with a noisy copy of
 * `clean` made with `params` from `seed`; `report` may be NULL. An empty clean replay gives an
 * empty copy. False when memory runs out (out is then empty). */
bool gt_noise_apply(const GtNoiseParams *params, uint64_t seed, const GtReplay *clean, GtReplay *out,
                    GtNoiseReport *report);

#endif
