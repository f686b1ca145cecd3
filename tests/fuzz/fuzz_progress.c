/* fuzz_progress: arbitrary bytes as the older store's progress.json (best marks per step), read by
 * gt_progress_load as the one-time import into the database does. An unreadable file is moved
 * aside by the loader; the scratch folder is emptied after each input. */
#include "fuzz_common.h"
#include "progress.h"

#include <dirent.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static char folder[64];

/* Removes every file in the scratch folder (progress.json and what was moved aside). */
static void empty_folder(void) {
    DIR *dir = opendir(folder);
    if (!dir) return;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        char path[512];
        snprintf(path, sizeof path, "%s/%s", folder, entry->d_name);
        unlink(path);
    }
    closedir(dir);
}

/* Removes the scratch folder when the fuzzer exits. */
static void remove_folder(void) {
    empty_folder();
    rmdir(folder);
}

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!folder[0]) {
        snprintf(folder, sizeof folder, "/tmp/gt-fuzz-progress-%ld", (long)getpid());
        mkdir(folder, 0700);
        atexit(remove_folder);
    }
    char path[128];
    snprintf(path, sizeof path, "%s/progress.json", folder);
    FILE *file = fopen(path, "wb");
    if (!file) return 0;
    bool written = fwrite(data, 1, size, file) == size;
    if (fclose(file) == 0 && written) {
        GtProgress progress;
        char error[1024];
        gt_progress_load(&progress, folder, error, sizeof error);
        gt_progress_free(&progress);
    }
    empty_folder();
    return 0;
}
