/* scorecard_write: a score card as the JSON that `guidedtouch grade` prints and the trainer
 * can save (docs/scoring.md): {"lesson","step","technique","total","grade","passed",
 * "pass_mark","criteria":[{"name","score","measured","target_min","target_max","unit","weight",
 * "feedback"}]}. */
#ifndef GT_SCORECARD_WRITE_H
#define GT_SCORECARD_WRITE_H

#include "gt_score.h"

/* The score card as a cJSON tree (the caller deletes it), or NULL when memory runs out; for
 * commands that put cards inside documents of their own (`grade` of many replays). */
struct cJSON *gt_scorecard_to_cjson(const GtScoreCard *card);

/* Returns the JSON text (malloc'd; the caller frees it), or NULL when memory runs out. */
char *gt_scorecard_to_json(const GtScoreCard *card);

#endif
