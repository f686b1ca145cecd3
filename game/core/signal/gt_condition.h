/* gt_condition: the one conditioning stage every criterion reads an attempt through.
 *
 * Real hands are noisy: a finger or pen jitters by 0.3-4 mm, samples arrive every 8-30 ms with
 * gaps and repeated timestamps, and pressure flickers. Conditioning turns a raw replay into an
 * evenly sampled, low-passed copy, contact by contact, so that none of that noise reads as a
 * mistake. The raw replay is never changed (it stays as recorded). Deterministic. */
#ifndef GT_CONDITION_H
#define GT_CONDITION_H

#include <stdbool.h>
#include "gt_replay.h"

/* Grid the conditioned replay is sampled on, ms. */
#define GT_CONDITION_STEP_MS 10.0
/* Standard deviation of the Gaussian low-pass, in time, ms (about 4 Hz cut-off). */
#define GT_CONDITION_SMOOTH_MS 35.0
/* Shortest stretch over which a direction or winding is judged, ms. */
#define GT_CONDITION_CHUNK_MIN_MS 50.0

/* Fills `out` (initialised here; the caller frees it with gt_replay_free) with the conditioned
 * copy of `raw`: per contact, samples with equal or backward times merged, a median of three
 * against lone spikes, linear resampling every GT_CONDITION_STEP_MS (the first and last sample
 * kept), and a Gaussian low-pass of position and pressure. `jitter_cm` (may be NULL) receives the
 * RMS distance between raw and conditioned positions: the hand's own noise. False when memory
 * runs out (out is then empty). */
bool gt_condition_replay(const GtReplay *raw, GtReplay *out, double *jitter_cm);

#endif
