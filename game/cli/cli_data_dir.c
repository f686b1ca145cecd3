/* cli_data_dir: where the bundled library is when neither --data nor $GUIDEDTOUCH_DATA names it.
 * An installed binary finds it relative to itself (<prefix>/bin/guidedtouch, or the trainer in
 * <prefix>/libexec/guidedtouch -> <prefix>/share/guidedtouch), so an install under any prefix or
 * DESTDIR works from any working directory; a binary in a build tree falls back to the source tree it was built from. */
#include "cli.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* True when `dir` holds the folders a library needs: assets/ and lessons/. */
static bool holds_library(const char *dir) {
    char path[PATH_MAX + 16];
    struct stat info;
    snprintf(path, sizeof path, "%s/assets", dir);
    if (stat(path, &info) != 0 || !S_ISDIR(info.st_mode)) return false;
    snprintf(path, sizeof path, "%s/lessons", dir);
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

const char *gt_cli_default_data_dir(void) {
    static char found[PATH_MAX + 64]; /* the answer, kept for the process (asked once, at start) */
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            snprintf(found, sizeof found, "%s/%s", exe, GT_INSTALLED_DATA_FROM_BIN);
            if (holds_library(found)) return found;
            snprintf(found, sizeof found, "%s/%s", exe, GT_INSTALLED_DATA_FROM_TRAINER); /* the trainer */
            if (holds_library(found)) return found;
        }
    }
    return GT_SOURCE_DATA_DIR;
}
