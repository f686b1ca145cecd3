/* instance_lock: one trainer at a time on a data folder. The lock is flock() on
 * <data dir>/guidedtouch.lock, which the kernel releases the moment the holder exits or dies,
 * so it never goes stale after a crash or a power cut; the file keeps the holder's pid so the
 * second program can say who holds it. No SDL.
 *
 * Ownership: a GtInstanceLock holds an open descriptor (close-on-exec) until
 * gt_instance_lock_release; the lock file itself is left in place (removing it would race). */
#ifndef GT_INSTANCE_LOCK_H
#define GT_INSTANCE_LOCK_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

typedef struct GtInstanceLock {
    int fd;                        /* -1 when not held */
    char path[4096];
} GtInstanceLock;

/* Takes the lock on `dir` (which must exist) without waiting. False with the reason, which
 * names the holder when another program has it: "Guided Touch is already running on
 * /home/kiosk/.local/share/guidedtouch (process 1234)"; *holder (may be NULL) gets that pid, or
 * 0 when unknown. The lock is then not held. */
bool gt_instance_lock_acquire(GtInstanceLock *lock, const char *dir, pid_t *holder, char *error,
                              size_t error_size);

/* Releases the lock (a lock not held is fine). */
void gt_instance_lock_release(GtInstanceLock *lock);

#endif
