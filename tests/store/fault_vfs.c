/* fault_vfs: every file method is forwarded to the wrapped VFS's file; writes can be made to fail. */
#include "fault_vfs.h"

#include <errno.h>
#include <sqlite3.h>
#include <string.h>

typedef struct ShimFile {
    sqlite3_file base;         /* pMethods = the shim's methods */
    sqlite3_file *real;        /* the wrapped VFS's file, in the memory right after this struct */
} ShimFile;

static sqlite3_vfs shim;
static sqlite3_vfs *real_vfs;
static sqlite3_io_methods shim_methods;
static bool installed;
static GtFault armed = GT_FAULT_NONE;
static int writes_left;
static int failures;
static int last_errno;

#define REAL(file) (((ShimFile *)(file))->real)

/* True when this write must fail (counting down the writes let through first). */
static bool write_fails(void) {
    if (armed == GT_FAULT_NONE || armed == GT_FAULT_OPEN_READ_ONLY) return false;
    if (writes_left > 0) {
        writes_left--;
        return false;
    }
    return true;
}

/* The result code and errno of the armed fault. */
static int fail_write(void) {
    failures++;
    switch (armed) {
    case GT_FAULT_DISK_FULL: last_errno = ENOSPC; return SQLITE_FULL;
    case GT_FAULT_READ_ONLY: last_errno = EROFS; return SQLITE_READONLY;
    default: last_errno = EIO; return SQLITE_IOERR_WRITE;
    }
}

static int shim_close(sqlite3_file *f) {
    int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
    f->pMethods = NULL;
    return rc;
}
static int shim_read(sqlite3_file *f, void *buffer, int amount, sqlite3_int64 offset) {
    return REAL(f)->pMethods->xRead(REAL(f), buffer, amount, offset);
}
static int shim_write(sqlite3_file *f, const void *buffer, int amount, sqlite3_int64 offset) {
    if (write_fails()) return fail_write();
    return REAL(f)->pMethods->xWrite(REAL(f), buffer, amount, offset);
}
static int shim_truncate(sqlite3_file *f, sqlite3_int64 size) {
    if (write_fails()) return fail_write();
    return REAL(f)->pMethods->xTruncate(REAL(f), size);
}
static int shim_sync(sqlite3_file *f, int flags) {
    return REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int shim_file_size(sqlite3_file *f, sqlite3_int64 *size) {
    return REAL(f)->pMethods->xFileSize(REAL(f), size);
}
static int shim_lock(sqlite3_file *f, int level) {
    return REAL(f)->pMethods->xLock(REAL(f), level);
}
static int shim_unlock(sqlite3_file *f, int level) {
    return REAL(f)->pMethods->xUnlock(REAL(f), level);
}
static int shim_check_lock(sqlite3_file *f, int *out) {
    return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int shim_control(sqlite3_file *f, int op, void *arg) {
    return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int shim_sector(sqlite3_file *f) {
    return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int shim_device(sqlite3_file *f) {
    return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int shim_shm_map(sqlite3_file *f, int page, int size, int extend, void volatile **out) {
    return REAL(f)->pMethods->xShmMap(REAL(f), page, size, extend, out);
}
static int shim_shm_lock(sqlite3_file *f, int offset, int n, int flags) {
    return REAL(f)->pMethods->xShmLock(REAL(f), offset, n, flags);
}
static void shim_shm_barrier(sqlite3_file *f) {
    REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int shim_shm_unmap(sqlite3_file *f, int delete_flag) {
    return REAL(f)->pMethods->xShmUnmap(REAL(f), delete_flag);
}
static int shim_fetch(sqlite3_file *f, sqlite3_int64 offset, int amount, void **out) {
    return REAL(f)->pMethods->xFetch(REAL(f), offset, amount, out);
}
static int shim_unfetch(sqlite3_file *f, sqlite3_int64 offset, void *page) {
    return REAL(f)->pMethods->xUnfetch(REAL(f), offset, page);
}

/* Opens through the wrapped VFS, unless a read-only folder is being played. */
static int shim_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *file, int flags, int *out_flags) {
    (void)vfs;
    ShimFile *p = (ShimFile *)file;
    p->base.pMethods = NULL;
    p->real = (sqlite3_file *)(p + 1);
    if (armed == GT_FAULT_OPEN_READ_ONLY && (flags & SQLITE_OPEN_READWRITE)) {
        failures++;
        last_errno = EROFS;
        errno = EROFS;
        return SQLITE_CANTOPEN;
    }
    int rc = real_vfs->xOpen(real_vfs, name, p->real, flags, out_flags);
    if (p->real->pMethods) {
        shim_methods.iVersion = p->real->pMethods->iVersion;
        p->base.pMethods = &shim_methods;
    }
    return rc;
}

static int shim_delete(sqlite3_vfs *vfs, const char *name, int sync_dir) {
    (void)vfs;
    return real_vfs->xDelete(real_vfs, name, sync_dir);
}
static int shim_access(sqlite3_vfs *vfs, const char *name, int flags, int *out) {
    (void)vfs;
    return real_vfs->xAccess(real_vfs, name, flags, out);
}
static int shim_full_path(sqlite3_vfs *vfs, const char *name, int size, char *out) {
    (void)vfs;
    return real_vfs->xFullPathname(real_vfs, name, size, out);
}
static int shim_randomness(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    return real_vfs->xRandomness(real_vfs, size, out);
}
static int shim_sleep(sqlite3_vfs *vfs, int microseconds) {
    (void)vfs;
    return real_vfs->xSleep(real_vfs, microseconds);
}
static int shim_current_time(sqlite3_vfs *vfs, double *out) {
    (void)vfs;
    return real_vfs->xCurrentTime(real_vfs, out);
}
static int shim_last_error(sqlite3_vfs *vfs, int size, char *out) {
    (void)vfs;
    (void)size;
    (void)out;
    return last_errno ? last_errno : errno;
}
static int shim_current_time_64(sqlite3_vfs *vfs, sqlite3_int64 *out) {
    (void)vfs;
    return real_vfs->xCurrentTimeInt64(real_vfs, out);
}

bool gt_fault_vfs_install(void) {
    if (installed) return true;
    real_vfs = sqlite3_vfs_find(NULL);
    if (!real_vfs) return false;
    shim_methods = (sqlite3_io_methods){
        3, shim_close, shim_read, shim_write, shim_truncate, shim_sync, shim_file_size, shim_lock, shim_unlock,
        shim_check_lock, shim_control, shim_sector, shim_device, shim_shm_map, shim_shm_lock, shim_shm_barrier,
        shim_shm_unmap, shim_fetch, shim_unfetch,
    };
    shim = (sqlite3_vfs){
        2, (int)sizeof(ShimFile) + real_vfs->szOsFile, real_vfs->mxPathname, NULL, "gt-fault", NULL, shim_open,
        shim_delete, shim_access, shim_full_path, NULL, NULL, NULL, NULL, shim_randomness, shim_sleep,
        shim_current_time, shim_last_error, shim_current_time_64, NULL, NULL, NULL,
    };
    installed = sqlite3_vfs_register(&shim, 1) == SQLITE_OK;
    return installed;
}

void gt_fault_vfs_arm(GtFault fault, int writes_first) {
    armed = fault;
    writes_left = writes_first;
    last_errno = 0;
}

void gt_fault_vfs_disarm(void) {
    armed = GT_FAULT_NONE;
    last_errno = 0;
}

int gt_fault_vfs_failures(void) {
    return failures;
}
