/* json_pretty: a cJSON tree printed the way the bundled lesson files are written, so a file the
 * trainer writes back reads like one written by hand: two-space indents, keys in the tree's
 * order (stable), short flat things on one line (a point [x, y], a polyline, a band
 * {"min": 2, "max": 5}, a caution's {"text", "kind", "source"}), everything else one item a line. */
#ifndef GT_JSON_PRETTY_H
#define GT_JSON_PRETTY_H

#include <cjson/cJSON.h>

/* Returns the malloc'd text (ending in a newline; the caller frees it), or NULL when memory runs
 * out. */
char *gt_json_pretty(const cJSON *root);

#endif
