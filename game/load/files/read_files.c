/* read_files: reading whole files and listing a folder's JSON files, safely. Only regular files
 * are ever read (a FIFO or a device would block or never end), reads stop at the size cap, and a
 * folder's listing names which entries are links or not regular files so a lesson pack cannot
 * reach outside its folder. */
#include "library.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_LIBRARY_FILES = 1000 };

/* Opens `path` for reading without blocking on a FIFO and checks it is a regular file. Returns
 * the descriptor, or -1 after adding the reason to diag. */
static int open_regular(const char *path, GtDiag *diag, off_t *size) {
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        gt_diag_add(diag, path, 0, 0, "", "cannot read the file: %s", strerror(errno));
        return -1;
    }
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        gt_diag_add(diag, path, 0, 0, "", S_ISDIR(info.st_mode) ? "is a directory, not a JSON file"
                                                                 : "is not a regular file (a pipe, device or "
                                                                   "socket); only ordinary files are read");
        close(fd);
        return -1;
    }
    int flags = fcntl(fd, F_GETFL);
    if (flags >= 0) fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    *size = info.st_size;
    return fd;
}

bool gt_read_file(const char *path, char **text, size_t *length, GtDiag *diag) {
    *text = NULL;
    *length = 0;
    off_t size = 0;
    int fd = open_regular(path, diag, &size);
    if (fd < 0) return false;
    if (size > (off_t)GT_MAX_FILE_BYTES) { /* said before reading a byte of it */
        gt_diag_add(diag, path, 0, 0, "", "the file is larger than %d MiB; it cannot be a valid file for this "
                    "trainer", GT_MAX_FILE_BYTES / (1024 * 1024));
        close(fd);
        return false;
    }
    size_t capacity = 4096, used = 0;
    char *buffer = malloc(capacity);
    bool ok = buffer != NULL;
    while (ok) {
        if (used + 1 >= capacity) {
            if (capacity >= (size_t)GT_MAX_FILE_BYTES + 2) {
                gt_diag_add(diag, path, 0, 0, "", "the file is larger than %d MiB; it cannot be a valid file "
                            "for this trainer", GT_MAX_FILE_BYTES / (1024 * 1024));
                ok = false;
                break;
            }
            char *grown = realloc(buffer, capacity * 2);
            if (!grown) { ok = false; break; }
            buffer = grown;
            capacity *= 2;
        }
        ssize_t n = read(fd, buffer + used, capacity - used - 1);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            gt_diag_add(diag, path, 0, 0, "", "cannot read the file: %s", strerror(errno));
            ok = false;
        }
        if (n <= 0) break;
        used += (size_t)n;
    }
    close(fd);
    if (!ok) {
        free(buffer);
        return false;
    }
    buffer[used] = '\0';
    *text = buffer;
    *length = used;
    return true;
}

static int compare_paths(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Appends a malloc'd "dir/name" to the growing list; false when memory runs out. */
static bool append_path(char ***list, size_t *count, size_t *capacity, const char *dir, const char *name) {
    if (*count == *capacity) {
        size_t grown_capacity = *capacity ? *capacity * 2 : 16;
        char **grown = realloc(*list, grown_capacity * sizeof *grown);
        if (!grown) return false;
        *list = grown;
        *capacity = grown_capacity;
    }
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = malloc(size);
    if (!path) return false;
    snprintf(path, size, "%s/%s", dir, name);
    (*list)[(*count)++] = path;
    return true;
}

size_t gt_list_json_files(const char *dir, char ***paths) {
    *paths = NULL;
    DIR *handle = opendir(dir);
    if (!handle) return 0;
    size_t count = 0, capacity = 0;
    char **list = NULL;
    struct dirent *entry;
    while ((entry = readdir(handle)) != NULL && count < MAX_LIBRARY_FILES) {
        size_t len = strlen(entry->d_name);
        if (len < 6 || strcmp(entry->d_name + len - 5, ".json") != 0 || entry->d_name[0] == '.') continue;
        if (!append_path(&list, &count, &capacity, dir, entry->d_name)) break;
    }
    closedir(handle);
    if (count) qsort(list, count, sizeof *list, compare_paths);
    *paths = list;
    return count;
}

void gt_free_file_list(char **paths, size_t count) {
    for (size_t i = 0; i < count; i++) free(paths[i]);
    free(paths);
}

bool gt_file_is_inside(const char *path, GtDiag *diag) {
    struct stat info;
    if (lstat(path, &info) != 0) {
        gt_diag_add(diag, path, 0, 0, "", "cannot read the file: %s", strerror(errno));
        return false;
    }
    if (S_ISLNK(info.st_mode)) {
        gt_diag_add(diag, path, 0, 0, "", "is a symbolic link; lesson files must be real files inside their "
                    "folder (copy the file in instead of linking to it)");
        return false;
    }
    return true;
}

bool gt_relative_path_stays_inside(const char *relative) {
    if (!relative[0] || relative[0] == '/') return false;
    const char *part = relative;
    while (*part) {
        size_t len = strcspn(part, "/");
        if ((len == 2 && part[0] == '.' && part[1] == '.') || len == 0) return false;
        part += len;
        if (*part == '/') part++;
    }
    return !strchr(relative, '\\');
}
