/* instance_lock: flock() on a file in the data folder. */
#define _DEFAULT_SOURCE /* flock() */
#include "instance_lock.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

/* Reads the pid written in the lock file; 0 when there is none (the holder may be between
 * taking the lock and writing it). */
static pid_t read_holder(int fd) {
    char text[32] = "";
    ssize_t n = pread(fd, text, sizeof text - 1, 0);
    if (n <= 0) return 0;
    text[n] = '\0';
    long pid = strtol(text, NULL, 10);
    return pid > 0 ? (pid_t)pid : 0;
}

/* Replaces the file's content with our pid; failing to write it is not fatal (the lock is the
 * flock, the pid only names it). */
static void write_pid(int fd) {
    char text[32];
    int n = snprintf(text, sizeof text, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) == 0 && pwrite(fd, text, (size_t)n, 0) == n) fsync(fd);
}

bool gt_instance_lock_acquire(GtInstanceLock *lock, const char *dir, pid_t *holder, char *error,
                              size_t error_size) {
    lock->fd = -1;
    if (holder) *holder = 0;
    int n = snprintf(lock->path, sizeof lock->path, "%s/guidedtouch.lock", dir);
    if (n < 0 || (size_t)n >= sizeof lock->path) {
        snprintf(error, error_size, "the data folder path %.200s... is too long", dir);
        return false;
    }
    int fd = open(lock->path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        snprintf(error, error_size, "cannot open the lock file %s: %s", lock->path, strerror(errno));
        return false;
    }
    while (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno == EINTR) continue;
        if (errno == EWOULDBLOCK) {
            pid_t pid = read_holder(fd);
            if (holder) *holder = pid;
            if (pid) snprintf(error, error_size, "Guided Touch is already running on %s (process %ld)", dir, (long)pid);
            else snprintf(error, error_size, "Guided Touch is already running on %s", dir);
        } else snprintf(error, error_size, "cannot lock %s: %s", lock->path, strerror(errno));
        close(fd);
        return false;
    }
    write_pid(fd);
    lock->fd = fd;
    return true;
}

void gt_instance_lock_release(GtInstanceLock *lock) {
    if (lock->fd >= 0) {
        if (ftruncate(lock->fd, 0) != 0) { /* the pid goes with the lock; a stale one only names a holder */ }
        flock(lock->fd, LOCK_UN);
        close(lock->fd);
    }
    lock->fd = -1;
}
