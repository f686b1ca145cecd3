#include "library_watch.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

/* Mixes `size` bytes into an FNV-1a hash. */
static uint64_t mix(uint64_t hash, const void *data, size_t size) {
    const unsigned char *bytes = data;
    for (size_t i = 0; i < size; i++) hash = (hash ^ bytes[i]) * 1099511628211ULL;
    return hash;
}

/* The signature of the *.json files directly in each folder (their order on disk does not
 * matter: each file's hash is summed). */
static uint64_t signature(const GtLibraryWatch *watch) {
    uint64_t total = 0;
    for (size_t f = 0; f < watch->folder_count; f++) {
        DIR *dir = opendir(watch->folders[f]);
        if (!dir) continue;
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            size_t len = strlen(entry->d_name);
            if (len < 6 || strcmp(entry->d_name + len - 5, ".json") != 0) continue;
            char path[4500];
            snprintf(path, sizeof path, "%s/%s", watch->folders[f], entry->d_name);
            struct stat info;
            if (lstat(path, &info) != 0) continue;
            uint64_t hash = mix(14695981039346656037ULL, path, strlen(path));
            hash = mix(hash, &info.st_size, sizeof info.st_size);
            hash = mix(hash, &info.st_mtim, sizeof info.st_mtim);
            hash = mix(hash, &info.st_ctim, sizeof info.st_ctim);
            hash = mix(hash, &info.st_ino, sizeof info.st_ino);
            total += hash;
        }
        closedir(dir);
    }
    return total;
}

void gt_library_watch_init(GtLibraryWatch *watch, const char *data_dir, const char *const *packs, size_t pack_count,
                           uint32_t now_ms) {
    memset(watch, 0, sizeof *watch);
    snprintf(watch->folders[watch->folder_count++], sizeof watch->folders[0], "%s/lessons", data_dir);
    snprintf(watch->folders[watch->folder_count++], sizeof watch->folders[0], "%s/lessons/techniques", data_dir);
    for (size_t p = 0; p < pack_count && watch->folder_count + 2 <= GT_LIBRARY_WATCH_FOLDERS; p++) {
        snprintf(watch->folders[watch->folder_count++], sizeof watch->folders[0], "%s", packs[p]);
        snprintf(watch->folders[watch->folder_count++], sizeof watch->folders[0], "%s/techniques", packs[p]);
    }
    watch->signature = signature(watch);
    watch->next_look_ms = now_ms + GT_LIBRARY_WATCH_MS;
}

bool gt_library_watch_changed(GtLibraryWatch *watch, uint32_t now_ms) {
    if ((int32_t)(now_ms - watch->next_look_ms) < 0) return false;
    watch->next_look_ms = now_ms + GT_LIBRARY_WATCH_MS;
    uint64_t now_signature = signature(watch);
    if (now_signature == watch->signature) return false;
    watch->signature = now_signature;
    return true;
}

int gt_library_watch_wait_ms(const GtLibraryWatch *watch, uint32_t now_ms) {
    int32_t left = (int32_t)(watch->next_look_ms - now_ms);
    return left > 0 ? left : 0;
}
