/* progress_db: the student database, one SQLite file per kiosk (the source of truth for its
 * attempts, and later the outbox a school server syncs from). No SDL.
 *
 * Default place: $XDG_DATA_HOME/guidedtouch/progress.db (else ~/.local/share/guidedtouch/). The
 * file is opened in WAL mode with foreign keys on, full fsync on commit and a busy timeout, so
 * two programs may write to it at once and a power cut or a crash never loses a committed
 * attempt. Its schema version is PRAGMA user_version; opening migrates an older file forward in
 * one transaction per step, and refuses a file written by a newer Guided Touch.
 *
 * Errors are one plain phrase a kiosk can show after "This attempt was not saved: ", naming
 * the file: "the disk is full (/home/kiosk/.local/share/guidedtouch/progress.db)".
 *
 * Ownership: a GtProgressDb is opaque; gt_progress_db_open makes it and gt_progress_db_close
 * releases it. It belongs to one thread at a time. Every other store module borrows it. */
#ifndef GT_PROGRESS_DB_H
#define GT_PROGRESS_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The schema this build writes (see db_schema.c for what each version added), how long a
 * writer waits for another before giving up, and room enough for any error message. */
enum { GT_PROGRESS_DB_VERSION = 3, GT_DB_BUSY_TIMEOUT_MS = 5000, GT_DB_ERROR_MAX = 640 };

typedef struct GtProgressDb GtProgressDb;

/* Writes <data dir>/progress.db into `path`, creating the data folder (mode 0700) when needed.
 * False with the reason in `error` when there is no usable data folder. */
bool gt_progress_db_default_path(char *path, size_t path_size, char *error, size_t error_size);

/* Opens (creating it, and its folder with mode 0700, when absent) the database at `path`,
 * migrating it to GT_PROGRESS_DB_VERSION,
 * and removes temporaries an interrupted save of the older file store left in its folder
 * (gt_storage_clean_temporaries).
 * Returns NULL with a plain reason in `error` ("the data folder is read-only (PATH)", "PATH was
 * written by a newer Guided Touch (schema 7; this one reads up to 2)", ...); nothing is
 * changed then beyond what a completed migration step wrote. */
GtProgressDb *gt_progress_db_open(const char *path, char *error, size_t error_size);

/* Closes the database (a NULL db is fine). The last program to close it folds the WAL back
 * into the file, so a closed database is one file that can be copied for a backup. */
void gt_progress_db_close(GtProgressDb *db);

/* The path the database was opened with. */
const char *gt_progress_db_path(const GtProgressDb *db);

/* The schema version the open file is at (GT_PROGRESS_DB_VERSION once opened). */
int gt_progress_db_version(GtProgressDb *db);

/* Runs PRAGMA integrity_check: true when it says "ok"; otherwise false with its first lines (or
 * why it could not run) in `report`. */
bool gt_progress_db_check(GtProgressDb *db, char *report, size_t report_size);

/* Copies the open database into a new file at `target` (SQLite's online backup: consistent
 * even while another program writes). False with the reason; a partial target is removed. */
bool gt_progress_db_backup(GtProgressDb *db, const char *target, char *error, size_t error_size);

/* The time now in Unix milliseconds (UTC), as attempts record it. */
int64_t gt_progress_db_now_ms(void);

/* For tests and tools: creates a new database at `path` holding exactly the schema of version
 * `version` (1..GT_PROGRESS_DB_VERSION), as that version of Guided Touch would have made it,
 * without migrating further. False with the reason when the file exists or cannot be made. */
bool gt_progress_db_create_at_version(const char *path, int version, char *error, size_t error_size);

#endif
