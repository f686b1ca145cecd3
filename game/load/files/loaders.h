/* loaders: JSON text to core structs, with every problem reported (located) in a GtDiag.
 *
 * Each loader parses one file's text, builds its result inside `arena` (which owns it),
 * keeps checking after the first problem, and returns true only when it found none.
 * On false the result may be partly filled and must not be used. */
#ifndef GT_LOADERS_H
#define GT_LOADERS_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_arena.h"
#include "gt_bodymap.h"
#include "gt_diag.h"
#include "gt_lesson.h"
#include "gt_replay.h"
#include "gt_technique.h"

/* What lessons and techniques may refer to. Any member may be NULL/0 when absent. */
typedef struct GtReferences {
    const GtBodyMap *views[GT_VIEW_COUNT];
    const GtTechnique *techniques;
    size_t technique_count;
} GtReferences;

/* Largest file any loader accepts, in bytes. */
enum { GT_MAX_FILE_BYTES = 64 * 1024 * 1024 };

/* Parses a body map (assets/bodymap/<view>.json), including its geometric consistency. */
bool gt_load_bodymap(const char *file, const char *text, size_t length, GtArena *arena,
                     GtDiag *diag, GtBodyMap *out);

/* Parses a technique; landmark references are checked against refs->views. */
bool gt_load_technique(const char *file, const char *text, size_t length, const GtReferences *refs,
                       GtArena *arena, GtDiag *diag, GtTechnique *out);

/* Parses a lesson; technique, region and landmark references and guide placement are
 * checked against refs. Step techniques are resolved to pointers into refs. */
bool gt_load_lesson(const char *file, const char *text, size_t length, const GtReferences *refs,
                    GtArena *arena, GtDiag *diag, GtLesson *out);

/* Warns (into `warnings`, located like errors and starting "warning: ") about every pressure
 * level, speed, tempo or hold range an instruction or hint names ("level 2-3", "20 to 30 seconds")
 * that differs from the band its step is scored on, with the fix. `lesson` was loaded from `text`
 * against refs (which give each technique's own band). Also warns, located with the fix, when
 * the lesson lists no cautions of its own. Returns how many warnings it added; warnings never
 * make a lesson invalid. */
size_t gt_lint_lesson(const GtLesson *lesson, const GtReferences *refs, const char *text, size_t length,
                      GtDiag *warnings);

/* Parses a replay into `out` (which it initialises and which owns its samples: on
 * false it is already freed). */
bool gt_load_replay(const char *file, const char *text, size_t length, GtDiag *diag, GtReplay *out);

/* The two ways gt_load_replay reads: the plain reader takes only a replay written plainly (as the
 * trainer writes them) and valid, straight from the text, and says nothing (false: not taken,
 * `out` freed); the located reader reads any text through cJSON and reports every problem. What
 * the plain reader takes, the located one takes with the same replay. For tests and fuzzing;
 * everything else calls gt_load_replay. */
bool gt_load_replay_plain(const char *text, size_t length, GtReplay *out);
bool gt_load_replay_located(const char *file, const char *text, size_t length, GtDiag *diag, GtReplay *out);

/* Peeks at a JSON text's "format" member without reporting anything: copies it into
 * `format` (size bytes) and returns true, or returns false when there is none. */
bool gt_peek_format(const char *text, size_t length, char *format, size_t size);

/* The file name without directories and without ".json", into `stem`. */
void gt_file_stem(const char *file, char *stem, size_t size);

#endif
