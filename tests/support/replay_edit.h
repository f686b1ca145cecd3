/* replay_edit: small, exact edits of a replay, the building blocks of the fault, mistake and
 * safety tests. Each edit changes one property (time, pressure, place, contact structure) and
 * leaves the others as they were, so a test knows exactly what mistake it made.
 *
 * Functions that rebuild a replay return false when memory runs out; the replay is then left
 * as it was or empty, and the caller still frees it. */
#ifndef GT_REPLAY_EDIT_H
#define GT_REPLAY_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_geometry.h"
#include "gt_replay.h"
#include "gt_technique.h"

/* Every sample time multiplied by k (k > 1: slower). */
void gt_edit_scale_time(GtReplay *r, double k);

/* Every pressure multiplied by k, kept within 0..1 (ramps keep their shape). */
void gt_edit_scale_pressure(GtReplay *r, double k);

/* Every pressure set to `pressure` (0..1). */
void gt_edit_set_pressure(GtReplay *r, double pressure);

/* Every sample moved by (dx, dy) cm. */
void gt_edit_shift(GtReplay *r, double dx, double dy);

/* Each contact travelled backwards: same times and pressures, positions in reverse order. */
void gt_edit_reverse_paths(GtReplay *r);

/* Lifts the finger `count` times during contact `contact`: the samples strictly within
 * gap_ms / 2 of each centre time are removed and the contact is split there (same id), the
 * rest keeps its times. Centres must increase and lie inside the contact. */
bool gt_edit_cut_gaps(GtReplay *r, size_t contact, const double *centres_ms, size_t count, double gap_ms);

/* Makes the intervals between the cycles of a demonstration with period `period_ms` vary with
 * coefficient of variation `cv` (< 0.6), keeping the mean tempo: the pace swings smoothly over
 * four cycles (real time runs at rate 1 + A sin(2 pi t / 4 period), A = cv x pi / 2), so any
 * cycle of one period, measured from whatever phase a detector picks, lasts period x
 * (1 + 0.90 A sin(phase)): the CV is the same from every starting point, extremes +-1.41 cv. */
void gt_edit_vary_intervals(GtReplay *r, double period_ms, double cv);

/* The period of a demonstration's cycles, ms (60000 / the tempo band's geometric middle; a
 * cross-fibre cycle is one back-and-forth); 0 without a tempo. */
double gt_edit_demo_period_ms(const GtTechnique *technique);

/* Shortens every contact's time at or above `pressure_min` (its hold) to `keep_ms` by cutting
 * out the end of the plateau; everything later moves earlier by what was cut. Returns false
 * when no contact had a longer hold (nothing to shorten) or memory runs out. */
bool gt_edit_shorten_holds(GtReplay *r, double pressure_min, double keep_ms);

/* Appends a contact with `id` that rests still at p from start_ms for duration_ms at `pressure`,
 * sampled every 16 ms. */
bool gt_edit_add_dwell(GtReplay *r, int id, GtPoint p, double start_ms, double duration_ms, double pressure);

/* Time spent at or above pressure_min over all contacts, ms (sample durations summed). */
double gt_edit_time_at_least(const GtReplay *r, double pressure_min);

/* The longest and shortest pause between consecutive contacts (in replay order), ms;
 * false with fewer than two contacts. */
bool gt_edit_pauses(const GtReplay *r, double *shortest_ms, double *longest_ms);

#endif
