/* load_cautions: the "cautions" list that techniques and lessons share, read with located
 * errors. Internal to the loaders.
 *
 * Ownership: the cautions and their strings are copied into the caller's arena. */
#ifndef GT_LOAD_CAUTIONS_H
#define GT_LOAD_CAUTIONS_H

#include <stdbool.h>
#include <stddef.h>
#include "json_doc.h"
#include "gt_caution.h"

/* The most cautions one file may list, and the longest sentence and source, in bytes. */
enum { GT_CAUTIONS_MAX = 16, GT_CAUTION_TEXT_MAX = 240, GT_CAUTION_SOURCE_MAX = 300 };

/* Reads the optional member "cautions" of `object` (at `path`): an array of up to GT_CAUTIONS_MAX
 * objects {"text", "kind", "source"}, every key required, unknown keys reported with "did you
 * mean", a sentence listed twice reported where it repeats. Leaves *out NULL and *count 0 when
 * the member is absent. Returns false after reporting any problem; the cautions that read
 * cleanly are kept either way. */
bool gt_load_cautions(GtJsonDoc *doc, const cJSON *object, const GtPath *path, GtArena *arena,
                      const GtCaution **out, size_t *count);

#endif
