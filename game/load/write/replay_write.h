/* replay_write: a GtReplay as the versioned replay JSON (docs/formats.md section 4).
 *
 * Numbers are written at the precision the format keeps (whole milliseconds, 0.01 cm,
 * 0.001 pressure), so a replay quantised with gt_sample_quantize reads back identically. */
#ifndef GT_REPLAY_WRITE_H
#define GT_REPLAY_WRITE_H

#include "gt_replay.h"

/* Returns a malloc'd NUL-terminated JSON text (the caller frees it), or NULL when memory
 * runs out. One contact per line group, one sample per line, so diffs stay readable. */
char *gt_replay_to_json(const GtReplay *replay);

#endif
