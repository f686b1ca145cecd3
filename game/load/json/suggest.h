/* suggest: "did you mean" for misspelt names. */
#ifndef GT_SUGGEST_H
#define GT_SUGGEST_H

#include <stddef.h>

/* Edit distance (insertions, deletions, substitutions, adjacent swaps) between a and b,
 * capped at `limit` + 1 so long strings stay cheap. */
size_t gt_edit_distance(const char *a, const char *b, size_t limit);

/* The candidate closest to `word` when it is close enough to be a plausible typo
 * (at most a third of its length, at least 2 edits allowed), else NULL. */
const char *gt_suggest(const char *word, const char *const *candidates, size_t count);

#endif
