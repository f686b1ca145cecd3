/* lesson_write: a lesson file's text with one step changed to an instructor's recording: its
 * guide, its bands, its count or length, and "demo" naming the recorded replay. The rest of the
 * file keeps its keys, values and order; it is printed as the bundled lessons are (json_pretty.h). */
#ifndef GT_LESSON_WRITE_H
#define GT_LESSON_WRITE_H

#include <stddef.h>
#include "gt_record.h"

/* Returns the new text (malloc'd; the caller frees it) with step `step_number` (1-based) of the
 * lesson `text` holding `derived` and "demo": demo_path (relative to the lesson's folder). NULL,
 * with the reason in `error`, when the text is not a lesson with that step, or memory runs out. */
char *gt_lesson_text_with_recording(const char *text, size_t length, int step_number, const GtDerivedStep *derived,
                                    const char *demo_path, char *error, size_t error_size);

#endif
