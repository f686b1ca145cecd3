/* progress_db: opening, closing and describing failures of the student database. */
#include "progress_db.h"
#include "db_internal.h"
#include "storage.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

static void set_error(char *error, size_t size, const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Formats a reason into `error` when the caller gave room for one. */
static void set_error(char *error, size_t size, const char *format, ...) {
    if (!error || !size) return;
    va_list args;
    va_start(args, format);
    vsnprintf(error, size, format, args);
    va_end(args);
}

/* True for the errno values that mean "this place cannot be written". */
static bool errno_read_only(int code) {
    return code == EROFS || code == EACCES || code == EPERM;
}

/* True for the errno values that mean "no room left". */
static bool errno_full(int code) {
    return code == ENOSPC || code == EDQUOT || code == EFBIG;
}

/* What the file system holding `path` says about itself, as an errno: EROFS when it is mounted
 * read-only, ENOSPC when it has no free blocks left, else 0. SQLite does not keep the system's
 * errno for a failure at COMMIT, so this is how such a failure is named. */
static int probe_folder(const char *path) {
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash == path ? 1 : slash - path) : 1, slash ? path : ".");
    struct statvfs info;
    if (statvfs(dir, &info) != 0) return 0;
    if (info.f_flag & ST_RDONLY) return EROFS;
    if (info.f_bavail == 0) return ENOSPC;
    return 0;
}

void gt_db_describe(sqlite3 *sql, const char *path, int rc, char *error, size_t error_size) {
    int system = sql ? sqlite3_system_errno(sql) : 0;
    if (!system && ((rc & 0xff) == SQLITE_IOERR || (rc & 0xff) == SQLITE_CANTOPEN)) system = probe_folder(path);
    const char *detail = sql ? sqlite3_errmsg(sql) : sqlite3_errstr(rc);
    switch (rc & 0xff) {
    case SQLITE_FULL:
        set_error(error, error_size, "the disk is full (%s)", path);
        return;
    case SQLITE_READONLY:
        set_error(error, error_size, "the data folder is read-only (%s)", path);
        return;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
        if (errno_full(system)) set_error(error, error_size, "the disk is full (%s)", path);
        else if (errno_read_only(system) || (rc & 0xff) == SQLITE_PERM)
            set_error(error, error_size, "the data folder is read-only (%s)", path);
        else if ((rc & 0xff) == SQLITE_CANTOPEN)
            set_error(error, error_size, "the database %s cannot be opened (%s)", path,
                      system ? strerror(system) : detail);
        else
            set_error(error, error_size, "the disk could not be written (%s: %s)", path,
                      system ? strerror(system) : detail);
        return;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        set_error(error, error_size, "another program kept the database busy for more than %d s (%s)",
                  GT_DB_BUSY_TIMEOUT_MS / 1000, path);
        return;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        set_error(error, error_size, "the database %s is damaged (%s); restore it from a backup", path, detail);
        return;
    case SQLITE_NOMEM:
        set_error(error, error_size, "out of memory while using the database %s", path);
        return;
    default:
        set_error(error, error_size, "the database %s failed: %s", path, detail);
    }
}

bool gt_db_exec(GtProgressDb *db, const char *statements, char *error, size_t error_size) {
    int rc = sqlite3_exec(db->sql, statements, NULL, NULL, NULL);
    if (rc == SQLITE_OK) return true;
    gt_db_describe(db->sql, db->path, rc, error, error_size);
    return false;
}

bool gt_db_begin(GtProgressDb *db, char *error, size_t error_size) {
    return gt_db_exec(db, "BEGIN IMMEDIATE", error, error_size);
}

void gt_db_rollback(GtProgressDb *db) {
    if (!sqlite3_get_autocommit(db->sql)) sqlite3_exec(db->sql, "ROLLBACK", NULL, NULL, NULL);
}

bool gt_db_commit(GtProgressDb *db, char *error, size_t error_size) {
    if (gt_db_exec(db, "COMMIT", error, error_size)) return true;
    gt_db_rollback(db);
    return false;
}

sqlite3_stmt *gt_db_prepare(GtProgressDb *db, const char *statement, char *error, size_t error_size) {
    sqlite3_stmt *prepared = NULL;
    int rc = sqlite3_prepare_v2(db->sql, statement, -1, &prepared, NULL);
    if (rc == SQLITE_OK) return prepared;
    gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(prepared);
    return NULL;
}

bool gt_db_step_done(GtProgressDb *db, sqlite3_stmt *statement, char *error, size_t error_size) {
    int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc == SQLITE_DONE || rc == SQLITE_ROW) return true;
    gt_db_describe(db->sql, db->path, rc, error, error_size);
    return false;
}

void gt_db_bind_text(sqlite3_stmt *statement, int index, const char *text) {
    if (text) sqlite3_bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
    else sqlite3_bind_null(statement, index);
}

void gt_db_bind_real(sqlite3_stmt *statement, int index, double value) {
    if (isfinite(value)) sqlite3_bind_double(statement, index, value);
    else sqlite3_bind_null(statement, index);
}

void gt_db_column_text(sqlite3_stmt *statement, int column, char *buffer, size_t size) {
    const unsigned char *text = sqlite3_column_text(statement, column);
    snprintf(buffer, size, "%s", text ? (const char *)text : "");
}

double gt_db_column_real(sqlite3_stmt *statement, int column) {
    if (sqlite3_column_type(statement, column) == SQLITE_NULL) return NAN;
    return sqlite3_column_double(statement, column);
}

bool gt_progress_db_default_path(char *path, size_t path_size, char *error, size_t error_size) {
    char dir[4000];
    if (!gt_storage_data_dir(dir, sizeof dir, error, error_size)) return false;
    int n = snprintf(path, path_size, "%s/progress.db", dir);
    if (n < 0 || (size_t)n >= path_size) {
        set_error(error, error_size, "the database path under %s is too long", dir);
        return false;
    }
    return true;
}

/* Sets the connection up as progress_db.h promises: extended codes, busy timeout, WAL, foreign
 * keys and full fsync. False with the reason. */
static bool configure(GtProgressDb *db, char *error, size_t error_size) {
    sqlite3_extended_result_codes(db->sql, 1);
    sqlite3_busy_timeout(db->sql, GT_DB_BUSY_TIMEOUT_MS);
    if (!gt_db_exec(db, "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL;", error, error_size)) return false;
    sqlite3_stmt *mode = gt_db_prepare(db, "PRAGMA journal_mode = WAL", error, error_size);
    if (!mode) return false;
    int rc = sqlite3_step(mode);
    char journal[16] = "";
    if (rc == SQLITE_ROW) gt_db_column_text(mode, 0, journal, sizeof journal);
    else gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(mode);
    if (rc != SQLITE_ROW) return false;
    if (strcmp(journal, "wal") != 0) {
        set_error(error, error_size, "the database %s cannot use a write-ahead log here (journal mode %s); keep "
                  "the data folder on a local disk", db->path, journal);
        return false;
    }
    return true;
}

/* Splits off the folder of `path` into `dir` ("." when it has none). */
static void folder_of(const char *path, char *dir, size_t size) {
    const char *slash = strrchr(path, '/');
    if (!slash) snprintf(dir, size, ".");
    else snprintf(dir, size, "%.*s", slash == path ? 1 : (int)(slash - path), path);
}

GtProgressDb *gt_progress_db_open(const char *path, char *error, size_t error_size) {
    GtProgressDb *db = calloc(1, sizeof *db);
    if (!db) {
        set_error(error, error_size, "out of memory while opening the database %s", path);
        return NULL;
    }
    if (snprintf(db->path, sizeof db->path, "%s", path) >= (int)sizeof db->path) {
        set_error(error, error_size, "the database path %.200s... is too long", path);
        free(db);
        return NULL;
    }
    char dir[sizeof db->path];
    folder_of(path, dir, sizeof dir);
    if (!gt_storage_make_dirs(dir, error, error_size)) {
        free(db);
        return NULL;
    }
    gt_storage_clean_temporaries(dir);
    int rc = sqlite3_open_v2(path, &db->sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    bool ok = rc == SQLITE_OK;
    if (!ok) gt_db_describe(db->sql, db->path, rc, error, error_size);
    ok = ok && configure(db, error, error_size);
    ok = ok && gt_db_migrate(db, GT_PROGRESS_DB_VERSION, error, error_size);
    if (!ok) {
        gt_progress_db_close(db);
        return NULL;
    }
    return db;
}

void gt_progress_db_close(GtProgressDb *db) {
    if (!db) return;
    sqlite3_close_v2(db->sql);
    free(db);
}

const char *gt_progress_db_path(const GtProgressDb *db) {
    return db->path;
}

int gt_progress_db_version(GtProgressDb *db) {
    sqlite3_stmt *statement = NULL;
    int version = -1;
    if (sqlite3_prepare_v2(db->sql, "PRAGMA user_version", -1, &statement, NULL) == SQLITE_OK &&
        sqlite3_step(statement) == SQLITE_ROW)
        version = sqlite3_column_int(statement, 0);
    sqlite3_finalize(statement);
    return version;
}

bool gt_progress_db_check(GtProgressDb *db, char *report, size_t report_size) {
    sqlite3_stmt *statement = gt_db_prepare(db, "PRAGMA integrity_check", report, report_size);
    if (!statement) return false;
    bool ok = false;
    size_t used = 0;
    if (report_size) report[0] = '\0';
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        const char *line = (const char *)sqlite3_column_text(statement, 0);
        if (line && strcmp(line, "ok") == 0) ok = true;
        if (line && used + 1 < report_size) {
            int n = snprintf(report + used, report_size - used, "%s%s", used ? "\n" : "", line);
            if (n > 0) used += (size_t)n;
        }
    }
    if (rc != SQLITE_DONE) {
        ok = false;
        gt_db_describe(db->sql, db->path, rc, report, report_size);
    }
    sqlite3_finalize(statement);
    return ok;
}

bool gt_progress_db_backup(GtProgressDb *db, const char *target, char *error, size_t error_size) {
    if (access(target, F_OK) == 0) {
        set_error(error, error_size, "%s already exists; choose a new file for the backup", target);
        return false;
    }
    sqlite3 *copy = NULL;
    int rc = sqlite3_open_v2(target, &copy, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_busy_timeout(copy, GT_DB_BUSY_TIMEOUT_MS);
        sqlite3_backup *backup = sqlite3_backup_init(copy, "main", db->sql, "main");
        if (backup) {
            do rc = sqlite3_backup_step(backup, -1);
            while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
            sqlite3_backup_finish(backup);
            if (rc == SQLITE_DONE) rc = SQLITE_OK;
        } else rc = sqlite3_errcode(copy);
    }
    if (rc != SQLITE_OK) gt_db_describe(copy, target, rc, error, error_size);
    sqlite3_close_v2(copy);
    if (rc != SQLITE_OK) unlink(target);
    return rc == SQLITE_OK;
}

int64_t gt_progress_db_now_ms(void) {
    struct timespec now;
    clock_gettime(CLOCK_REALTIME, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}
