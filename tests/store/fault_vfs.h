/* fault_vfs: a SQLite VFS shim that wraps the system's VFS and, when armed, makes writes (or
 * opening files for writing) fail the way a full disk, a read-only data folder or a failing disk
 * does, with the errno the kernel would give. Tests run as root in CI, where file permissions do
 * not stop anything: this is how they meet those failures. Once installed it is the default VFS
 * and passes everything through until armed. Not thread-safe (tests are single-threaded). */
#ifndef GT_FAULT_VFS_H
#define GT_FAULT_VFS_H

#include <stdbool.h>

typedef enum GtFault {
    GT_FAULT_NONE,
    GT_FAULT_DISK_FULL,        /* xWrite/xTruncate: SQLITE_FULL, errno ENOSPC */
    GT_FAULT_READ_ONLY,        /* xWrite/xTruncate: SQLITE_READONLY, errno EROFS */
    GT_FAULT_IO_ERROR_EIO,     /* xWrite/xTruncate: SQLITE_IOERR_WRITE, errno EIO (a failing disk) */
    GT_FAULT_OPEN_READ_ONLY    /* xOpen for writing: SQLITE_CANTOPEN, errno EROFS (a read-only folder) */
} GtFault;

/* Registers the shim as the default VFS (once; later calls do nothing). False when SQLite has
 * no default VFS to wrap. */
bool gt_fault_vfs_install(void);

/* From now on, lets `writes_first` more writes through, then fails every one with `fault`. */
void gt_fault_vfs_arm(GtFault fault, int writes_first);

/* Stops failing. */
void gt_fault_vfs_disarm(void);

/* How many calls the shim has failed since installed. */
int gt_fault_vfs_failures(void);

#endif
