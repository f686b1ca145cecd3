/* storage: where the trainer keeps a student's data, and writing it so that a power cut
 * never leaves a half-written file.
 *
 * Directory: $XDG_DATA_HOME/guidedtouch, else $HOME/.local/share/guidedtouch. No SDL. */
#ifndef GT_STORAGE_H
#define GT_STORAGE_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_replay.h"

/* Writes the user data directory path into `dir` (creating it and its parents, mode 0700);
 * false with a reason in `error` (size bytes) when it cannot be had. */
bool gt_storage_data_dir(char *dir, size_t dir_size, char *error, size_t error_size);

/* Creates the folder `path` and any missing parents (mode 0700); true when it ends up a
 * folder, else false with the component that could not be made and why in `error`. */
bool gt_storage_make_dirs(const char *path, char *error, size_t error_size);

/* Writes `length` bytes to `path` atomically: a temporary file in the same directory,
 * fsync, rename over the target, fsync of the directory. On failure the old file (if any)
 * is untouched, the temporary is removed, and `error` says why. The one exception: when only
 * the final directory flush fails (an I/O error), the new content is already in place but
 * may not survive a power cut; that is reported as a failure too. */
bool gt_storage_write_atomic(const char *path, const char *text, size_t length, char *error, size_t error_size);

/* As gt_storage_write_atomic, for files others share (a lesson pack): the file gets the
 * permission bits `mode` (0644, or the mode of the file it replaces) instead of 0600. */
bool gt_storage_write_atomic_mode(const char *path, const char *text, size_t length, unsigned mode, char *error,
                                  size_t error_size);

/* Saves a replay as <data dir>/replays/<lesson>-step<N>-<YYYYmmdd-HHMMSS>-<n>.json (never
 * overwriting an earlier one: n counts up from 1 until a free name is found; characters of
 * the lesson id that are unsafe in file names become '-') and puts its path in `path`.
 * Written as atomically as gt_storage_write_atomic. False with `error` (and `path` empty)
 * on failure; nothing is left behind then (except after a failed directory flush, as above). */
bool gt_storage_save_replay(const GtReplay *replay, char *path, size_t path_size, char *error, size_t error_size);

/* Removes the temporaries an interrupted atomic write left in `dir` and in `dir`/replays
 * (".progress.json.XXXXXX", "replays/.NAME.json.XXXXXX") that are over a minute old, so that a
 * save going on in another program at that moment is left alone; nothing else is touched.
 * Returns how many it removed. */
int gt_storage_clean_temporaries(const char *dir);

#endif
