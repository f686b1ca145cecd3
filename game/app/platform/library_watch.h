/* library_watch: notices when an instructor saves, adds or removes a lesson or technique file in
 * the bundled library or a lesson pack, by a cheap look at the files' sizes and change times
 * every GT_LIBRARY_WATCH_MS (never reading them). No SDL. */
#ifndef GT_LIBRARY_WATCH_H
#define GT_LIBRARY_WATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { GT_LIBRARY_WATCH_MS = 500, GT_LIBRARY_WATCH_FOLDERS = 66 };

typedef struct GtLibraryWatch {
    char folders[GT_LIBRARY_WATCH_FOLDERS][4200]; /* the folders looked at */
    size_t folder_count;
    uint64_t signature;      /* of every *.json file's name, size, change time and inode */
    uint32_t next_look_ms;   /* when to look again */
} GtLibraryWatch;

/* Starts watching data_dir/lessons, data_dir/lessons/techniques and each pack and its
 * techniques/, as they are at `now_ms`. Never fails (folders that do not exist count as empty). */
void gt_library_watch_init(GtLibraryWatch *watch, const char *data_dir, const char *const *packs, size_t pack_count,
                           uint32_t now_ms);

/* True when a file changed since the last look that returned true (or since init); looks only
 * when GT_LIBRARY_WATCH_MS have passed since the last look. */
bool gt_library_watch_changed(GtLibraryWatch *watch, uint32_t now_ms);

/* Milliseconds until the next look is due (0 when due now), for a loop that sleeps. */
int gt_library_watch_wait_ms(const GtLibraryWatch *watch, uint32_t now_ms);

#endif
