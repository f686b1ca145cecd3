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

#endif
