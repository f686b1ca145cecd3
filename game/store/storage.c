/* storage: the student's data directory and crash-safe writes (POSIX only, no SDL).
 *
 * Every write goes to a temporary file in the target's own directory, is flushed to disk,
 * and only then takes the target's name (rename, or link for never-overwrite names), after
 * which the directory itself is flushed so the new name survives a power cut too. */
#include "storage.h"

#include "replay_write.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

/* A temporary is written, flushed and renamed within moments; one older than this was left by
 * a save that was interrupted, not one still going on in another program. */
enum { PATH_SIZE = 4096, MAX_NAME_ATTEMPTS = 10000, TEMPORARY_AGE_S = 60 };

static void set_error(char *error, size_t size, const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Formats a reason into `error` when the caller gave room for one. */
static void set_error(char *error, size_t size, const char *format, ...) {
    if (!error || !size) return;
    va_list args;
    va_start(args, format);
    vsnprintf(error, size, format, args);
    va_end(args);
}

/* Creates `path` and any missing parents with mode 0700; true when it ends up a directory.
 * On failure `error` names the component that could not be made and why. */
static bool make_dirs(const char *path, char *error, size_t error_size) {
    char buffer[PATH_SIZE];
    size_t length = strlen(path);
    if (length == 0 || length >= sizeof buffer) {
        set_error(error, error_size, "the data directory path is empty or too long");
        return false;
    }
    memcpy(buffer, path, length + 1);
    for (size_t i = 1; i <= length; i++) {
        if (buffer[i] != '/' && buffer[i] != '\0') continue;
        char saved = buffer[i];
        buffer[i] = '\0';
        if (mkdir(buffer, 0700) != 0 && errno != EEXIST) {
            set_error(error, error_size, "cannot create directory %s: %s", buffer, strerror(errno));
            return false;
        }
        buffer[i] = saved;
    }
    struct stat info;
    if (stat(path, &info) != 0 || !S_ISDIR(info.st_mode)) {
        set_error(error, error_size, "%s exists but is not a directory", path);
        return false;
    }
    return true;
}

bool gt_storage_data_dir(char *dir, size_t dir_size, char *error, size_t error_size) {
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int n;
    /* The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored. */
    if (xdg && xdg[0] == '/')
        n = snprintf(dir, dir_size, "%s/guidedtouch", xdg);
    else if (home && home[0] == '/')
        n = snprintf(dir, dir_size, "%s/.local/share/guidedtouch", home);
    else {
        set_error(error, error_size, "neither XDG_DATA_HOME nor HOME is set to an absolute path");
        return false;
    }
    if (n < 0 || (size_t)n >= dir_size) {
        set_error(error, error_size, "the data directory path is too long");
        return false;
    }
    return make_dirs(dir, error, error_size);
}

/* Splits `path` into its directory ("." when none) in `dir`; false when it does not fit. */
static bool directory_of(const char *path, char *dir, size_t size) {
    const char *slash = strrchr(path, '/');
    if (!slash) return snprintf(dir, size, ".") < (int)size;
    size_t length = slash == path ? 1 : (size_t)(slash - path);
    if (length >= size) return false;
    memcpy(dir, path, length);
    dir[length] = '\0';
    return true;
}

/* Flushes a directory's entries to disk. Filesystems that cannot sync directories
 * (EINVAL, ENOTSUP) count as success: there is nothing more that could be done. */
static bool sync_directory(const char *dir, char *error, size_t error_size) {
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    if (fd < 0) {
        set_error(error, error_size, "cannot open directory %s to flush it: %s", dir, strerror(errno));
        return false;
    }
    bool ok = fsync(fd) == 0 || errno == EINVAL || errno == ENOTSUP;
    if (!ok) set_error(error, error_size, "cannot flush directory %s: %s", dir, strerror(errno));
    close(fd);
    return ok;
}

/* Writes the text to a new temporary file next to `path` (named ".<name>.XXXXXX"), flushed
 * and closed, and puts its name in `temp`. On failure nothing is left behind. */
static bool write_temp(const char *path, const char *text, size_t length, char *temp, size_t temp_size,
                       char *error, size_t error_size) {
    char dir[PATH_SIZE];
    if (!directory_of(path, dir, sizeof dir)) {
        set_error(error, error_size, "the path %s is too long", path);
        return false;
    }
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    if (!name[0]) {
        set_error(error, error_size, "%s names a directory, not a file", path);
        return false;
    }
    int n = snprintf(temp, temp_size, "%s/.%s.XXXXXX", dir, name);
    if (n < 0 || (size_t)n >= temp_size) {
        set_error(error, error_size, "the path %s is too long", path);
        return false;
    }
    int fd = mkstemp(temp);
    if (fd < 0) {
        set_error(error, error_size, "cannot create a temporary file in %s: %s", dir, strerror(errno));
        return false;
    }
    size_t done = 0;
    while (done < length) {
        ssize_t wrote = write(fd, text + done, length - done);
        if (wrote < 0 && errno == EINTR) continue;
        if (wrote <= 0) {
            set_error(error, error_size, "cannot write %s: %s", temp, wrote < 0 ? strerror(errno) : "no progress");
            goto fail;
        }
        done += (size_t)wrote;
    }
    if (fsync(fd) != 0) {
        set_error(error, error_size, "cannot flush %s to disk: %s", temp, strerror(errno));
        goto fail;
    }
    if (close(fd) != 0) {
        fd = -1;
        set_error(error, error_size, "cannot close %s: %s", temp, strerror(errno));
        goto fail;
    }
    return true;
fail:
    if (fd >= 0) close(fd);
    unlink(temp);
    return false;
}

bool gt_storage_write_atomic(const char *path, const char *text, size_t length, char *error, size_t error_size) {
    return gt_storage_write_atomic_mode(path, text, length, 0600, error, error_size);
}

bool gt_storage_write_atomic_mode(const char *path, const char *text, size_t length, unsigned mode, char *error,
                                  size_t error_size) {
    char temp[PATH_SIZE], dir[PATH_SIZE];
    if (!directory_of(path, dir, sizeof dir)) {
        set_error(error, error_size, "the path %s is too long", path);
        return false;
    }
    if (!write_temp(path, text, length, temp, sizeof temp, error, error_size)) return false;
    if (mode != 0600 && chmod(temp, (mode_t)(mode & 07777)) != 0) {
        set_error(error, error_size, "cannot set the permissions of %s: %s", temp, strerror(errno));
        unlink(temp);
        return false;
    }
    if (rename(temp, path) != 0) {
        set_error(error, error_size, "cannot replace %s: %s", path, strerror(errno));
        unlink(temp);
        return false;
    }
    return sync_directory(dir, error, error_size);
}

/* Copies a lesson id into a file-name-safe stem: letters, digits, '-', '_' and '.' stay,
 * anything else becomes '-'; an empty or dot-leading id becomes "attempt". */
static void safe_stem(const char *id, char *stem, size_t size) {
    size_t n = 0;
    for (const char *p = id; *p && n + 1 < size; p++) {
        char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                    c == '_' || c == '.';
        stem[n++] = keep ? c : '-';
    }
    stem[n] = '\0';
    if (n == 0 || stem[0] == '.') snprintf(stem, size, "attempt");
}

bool gt_storage_save_replay(const GtReplay *replay, char *path, size_t path_size, char *error, size_t error_size) {
    char dir[PATH_SIZE], replays[PATH_SIZE], temp[PATH_SIZE];
    if (!gt_storage_data_dir(dir, sizeof dir, error, error_size)) return false;
    int n = snprintf(replays, sizeof replays, "%s/replays", dir);
    if (n < 0 || (size_t)n >= sizeof replays) {
        set_error(error, error_size, "the replay directory path is too long");
        return false;
    }
    if (!make_dirs(replays, error, error_size)) return false;

    char *text = gt_replay_to_json(replay);
    if (!text) {
        set_error(error, error_size, "out of memory while writing the replay");
        return false;
    }
    char stem[GT_ID_MAX], stamp[32] = "00000000-000000";
    safe_stem(replay->lesson, stem, sizeof stem);
    time_t now = time(NULL);
    struct tm local;
    if (localtime_r(&now, &local)) strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);

    /* The temporary is written once; link() then gives it the first free name, failing
     * with EEXIST rather than overwriting, so an earlier replay is never replaced. */
    char temp_target[PATH_SIZE];
    snprintf(temp_target, sizeof temp_target, "%s/%s.json", replays, stem);
    bool ok = write_temp(temp_target, text, strlen(text), temp, sizeof temp, error, error_size);
    free(text);
    if (!ok) return false;

    ok = false;
    bool reported = false;
    for (int k = 1; k <= MAX_NAME_ATTEMPTS; k++) {
        n = snprintf(path, path_size, "%s/%s-step%d-%s-%d.json", replays, stem, replay->step, stamp, k);
        if (n < 0 || (size_t)n >= path_size) {
            set_error(error, error_size, "the replay path does not fit in %zu bytes", path_size);
            reported = true;
            break;
        }
        if (link(temp, path) == 0) {
            ok = true;
            break;
        }
        if (errno == EEXIST) continue;
        if (errno == EPERM || errno == ENOTSUP || errno == EXDEV) {
            /* Filesystems without hard links: reserve the name with O_EXCL, then rename. */
            int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
            if (fd < 0 && errno == EEXIST) continue;
            if (fd >= 0) {
                close(fd);
                if (rename(temp, path) == 0) {
                    ok = true;
                    break;
                }
                int saved = errno;
                unlink(path);
                errno = saved;
            }
        }
        set_error(error, error_size, "cannot save the replay as %s: %s", path, strerror(errno));
        reported = true;
        break;
    }
    if (!ok && !reported)
        set_error(error, error_size, "no free replay file name in %s", replays);
    unlink(temp); /* after link(), the temporary is a second name for the same file */
    if (!ok) {
        if (path_size) path[0] = '\0';
        return false;
    }
    return sync_directory(replays, error, error_size);
}

/* True for the names write_temp gives: "." + a name ending in ".json" + "." + 6 characters
 * of mkstemp's alphabet. */
static bool is_temporary_name(const char *name) {
    size_t length = strlen(name);
    if (length < 1 + 5 + 1 + 6 + 1 || name[0] != '.' || name[length - 7] != '.') return false;
    if (strncmp(name + length - 12, ".json", 5) != 0) return false;
    for (size_t i = length - 6; i < length; i++) {
        char c = name[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) return false;
    }
    return true;
}

/* Removes the temporaries directly inside `dir` last changed before `older_than`; returns how many. */
static int clean_folder(const char *dir, time_t older_than) {
    DIR *folder = opendir(dir);
    if (!folder) return 0;
    int removed = 0;
    struct dirent *entry;
    while ((entry = readdir(folder)) != NULL) {
        if (!is_temporary_name(entry->d_name)) continue;
        char path[PATH_SIZE];
        struct stat info;
        int n = snprintf(path, sizeof path, "%s/%s", dir, entry->d_name);
        if (n < 0 || (size_t)n >= sizeof path) continue;
        if (lstat(path, &info) == 0 && S_ISREG(info.st_mode) && info.st_mtime < older_than && unlink(path) == 0)
            removed++;
    }
    closedir(folder);
    return removed;
}

int gt_storage_clean_temporaries(const char *dir) {
    char replays[PATH_SIZE];
    time_t older_than = time(NULL) - TEMPORARY_AGE_S;
    int removed = clean_folder(dir, older_than);
    int n = snprintf(replays, sizeof replays, "%s/replays", dir);
    if (n > 0 && (size_t)n < sizeof replays) removed += clean_folder(replays, older_than);
    return removed;
}

bool gt_storage_make_dirs(const char *path, char *error, size_t error_size) {
    return make_dirs(path, error, error_size);
}
