/* gt_demo: the reference performance of a lesson step, synthesised from its guide and the
 * technique's targets (the middle of every band), as a replay a student can watch and the
 * scorer grades at full marks. */
#ifndef GT_DEMO_H
#define GT_DEMO_H

#include <stdbool.h>
#include "gt_bodymap.h"
#include "gt_lesson.h"
#include "gt_replay.h"

/* Sample period of synthesised replays, ms (about 60 Hz, like a display). */
enum { GT_DEMO_SAMPLE_MS = 16 };

/* Fills `out` (initialised here; the caller frees it with gt_replay_free) with the reference
 * performance of `step` (1-based `step_number`) of lesson `lesson_id`. `map` is the step's
 * view, used for the fibre direction of cross-fibre work. False when memory runs out. */
bool gt_demo_synthesise(const char *lesson_id, int step_number, const GtStep *step, const GtBodyMap *map,
                        GtReplay *out);

/* The steady mid-pass speed (cm/s) a roll step's demonstration moves at: the guide's length
 * times the middle of the step's tempo band, a little faster for the short ease at each end;
 * 0 when the step is not a roll or has no guide line. The validator warns when it falls outside
 * the step's speed band, since the demonstration could then not score full marks. */
double gt_demo_roll_speed_cm_s(const GtStep *step);

#endif
