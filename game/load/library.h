/* library: the bundled (or an instructor's) body maps, techniques and lessons, loaded
 * from a data directory that holds assets/bodymap/ and lessons/.
 *
 * Ownership: the library's arena owns every loaded struct and string; gt_library_free
 * releases them all. Broken files never stop loading: their problems go to the GtDiag,
 * they are listed in `broken`, and everything that did load stays usable. Warnings (a step's
 * text naming another band than it is scored on) go to `warnings` and never stop a lesson. */
#ifndef GT_LIBRARY_H
#define GT_LIBRARY_H

#include <stdbool.h>
#include <stddef.h>
#include "loaders.h"

typedef struct GtBrokenFile {
    const char *file;     /* path of the file that failed to load */
    const char *problem;  /* its first problem, compiler style */
} GtBrokenFile;

typedef struct GtLibrary {
    GtArena arena;
    const char *data_dir;
    GtBodyMap views[GT_VIEW_COUNT];
    bool view_loaded[GT_VIEW_COUNT];
    GtTechnique *techniques;      /* technique_count loaded techniques, sorted by id */
    size_t technique_count;
    GtLesson *lessons;            /* lesson_count loaded lessons, sorted by file name */
    size_t lesson_count;
    GtBrokenFile *broken;         /* files that did not load */
    size_t broken_count;
    GtDiag warnings;              /* located warnings about the lessons that loaded (owned) */
} GtLibrary;

/* Loads the bundled library under data_dir and then each lesson pack: a folder of LESSON.json
 * files with its own techniques in techniques/ (and recorded demonstrations beside them). Ids are
 * unique across all of them (a clash is a located error naming both files); only regular files
 * inside each folder are read (links, pipes and devices are reported, never followed). Returns
 * true when every file loaded cleanly; otherwise the library holds what did load (free it either
 * way). */
bool gt_library_load_packs(GtLibrary *library, const char *data_dir, const char *const *packs, size_t pack_count,
                           GtDiag *diag);

/* Loads everything under data_dir. Returns true when every file loaded cleanly; on false
 * the library still holds what did load (call gt_library_free either way). */
bool gt_library_load(GtLibrary *library, const char *data_dir, GtDiag *diag);

/* Releases everything. */
void gt_library_free(GtLibrary *library);

/* Lookups by id; NULL when absent. */
const GtLesson *gt_library_lesson(const GtLibrary *library, const char *id);
const GtTechnique *gt_library_technique(const GtLibrary *library, const char *id);
const GtBodyMap *gt_library_view(const GtLibrary *library, GtView view);

/* What lessons may refer to in this library. */
GtReferences gt_library_references(const GtLibrary *library);

/* Validates one file of any kind (chosen by its "format") against the library's body maps
 * and techniques; problems go to diag, and a lesson's warnings (see gt_lint_lesson) to
 * `warnings` when it is not NULL. True when the file has no problems; warnings do not count. */
bool gt_library_validate_file(const GtLibrary *library, const char *path, GtDiag *diag, GtDiag *warnings);

/* A lesson or technique is found by its file name: reports (at "id") an id that differs from
 * the name of the file at `path`. True when it matches or the file is of another kind. */
bool gt_library_check_file_id(const char *path, GtDiag *diag);

/* Reads and parses a replay file into `out` (which then owns its samples). Problems (cannot be
 * read, malformed) go to diag, located; false then, with `out` empty. */
bool gt_load_replay_file(const char *path, GtDiag *diag, GtReplay *out);

/* The reference performance of step `step_number` (1-based) of a lesson: its instructor-recorded
 * demonstration when the step names one, else one synthesised from the guide and the
 * technique's targets. False (with the reason in diag, or out of memory) when it cannot be had. */
bool gt_library_reference_replay(const GtLibrary *library, const GtLesson *lesson, int step_number, GtDiag *diag,
                                 GtReplay *out);

/* Reads a whole regular file into a malloc'd, NUL-terminated buffer (the caller frees *text).
 * Reports "cannot read" with the system's reason, a folder, a pipe or device (never opened
 * for blocking reads), or a too-large file, and returns false. */
bool gt_read_file(const char *path, char **text, size_t *length, GtDiag *diag);

/* Lists the "*.json" files directly inside dir, sorted, as malloc'd paths "dir/name"
 * (free each and the array with gt_free_file_list). A missing directory gives 0 files. */
size_t gt_list_json_files(const char *dir, char ***paths);
void gt_free_file_list(char **paths, size_t count);

/* True when `path` itself is not a symbolic link (it may not exist yet: then the reason is added
 * to diag and false returned, as for a link). */
bool gt_file_is_inside(const char *path, GtDiag *diag);

/* True when a relative path written in a file stays inside the folder it is relative to: not
 * absolute, no ".." part, no empty part, no backslash. */
bool gt_relative_path_stays_inside(const char *relative);

#endif
