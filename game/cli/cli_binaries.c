/* cli_binaries: the two programs and how each finds the other. `guidedtouch` is the command line,
 * built without SDL so that grading, validating and listing start in milliseconds; the trainer
 * and the commands that draw (`map`, `bench`) are `guidedtouch-trainer`, which the command line
 * runs in its own place (execv: same process, same arguments, same environment). In a build tree
 * the two sit side by side; installed, the trainer is in <libexecdir>/guidedtouch and the command
 * line in <bindir>, each found from the other's own path (/proc/self/exe), so any prefix or
 * DESTDIR works. */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

/* The folder this program's file is in, into dir; false when /proc/self/exe cannot be read. */
static bool own_folder(char *dir, size_t size) {
    ssize_t n = readlink("/proc/self/exe", dir, size - 1);
    if (n <= 0) return false;
    dir[n] = '\0';
    char *slash = strrchr(dir, '/');
    if (!slash) return false;
    *slash = '\0';
    return true;
}

bool gt_cli_find_program(const char *name, const char *installed_from_here, char *path, size_t size, char *looked,
                         size_t looked_size) {
    char dir[PATH_MAX];
    looked[0] = '\0';
    if (!own_folder(dir, sizeof dir)) {
        snprintf(looked, looked_size, "(this program's own path, /proc/self/exe, could not be read)");
        return false;
    }
    const char *places[2] = { "", installed_from_here };
    for (size_t i = 0; i < 2; i++) {
        if (i == 1 && (!installed_from_here || !installed_from_here[0])) break;
        snprintf(path, size, "%s/%s%s%s", dir, places[i], places[i][0] ? "/" : "", name);
        size_t used = strlen(looked);
        snprintf(looked + used, looked_size - used, "%s%s", used ? " and " : "", path);
        if (access(path, X_OK) == 0) return true;
    }
    return false;
}

int gt_cli_exec_trainer(char **argv) {
    char path[PATH_MAX + 64], looked[2 * PATH_MAX + 256];
    if (!gt_cli_find_program("guidedtouch-trainer", GT_TRAINER_FROM_BIN, path, sizeof path, looked, sizeof looked)) {
        fprintf(stderr, "guidedtouch: the trainer window and the drawing commands (map, bench) are in the program "
                "guidedtouch-trainer, which is not installed; looked for %s. Reinstall Guided Touch, or use the "
                "commands in `guidedtouch --help` that need no window.\n", looked);
        return GT_EXIT_USAGE;
    }
    fflush(NULL);
    execv(path, argv);
    fprintf(stderr, "guidedtouch: cannot start the trainer %s: %s\n", path, strerror(errno));
    return GT_EXIT_USAGE;
}
