/* db_schema: the database's tables, version by version, and the forward migrations between
 * them. A version once released is never edited: a change is a new version with its own step.
 *
 * Version 1: students, attempts (with the card's verdict, cap, completion, its JSON and the
 *            replay), attempt_criteria, attempt_safety, imported_marks, meta.
 * Version 2: attempt_positions (where each attempt's samples fell, per 1 cm cell: the heat map,
 *            filled for older attempts from their replays), students.settings_json (settings
 *            remembered per student), attempts.synced_ms (the outbox a school server syncs).
 * Version 3: attempts.sync_error and sync_error_ms (the school server refused the attempt for its
 *            data: its words and when; the outbox sets it aside and goes on with the others);
 *            student_renames (renames made here, to send to a school server, and those received
 *            from it, so a renamed student is renamed on every kiosk). */
#include "db_internal.h"
#include "loaders.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char SCHEMA_1[] =
    "CREATE TABLE meta (\n"
    "  key TEXT PRIMARY KEY,\n"
    "  value TEXT NOT NULL\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE students (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  name TEXT NOT NULL,\n"
    "  name_key TEXT NOT NULL UNIQUE,          -- the name folded: unique whatever its case\n"
    "  created_ms INTEGER NOT NULL,            -- Unix ms, UTC\n"
    "  pseudonym INTEGER NOT NULL DEFAULT 0 CHECK (pseudonym IN (0, 1))\n"
    ");\n"
    "CREATE TABLE attempts (\n"
    "  id TEXT PRIMARY KEY CHECK (length(id) = 36), -- RFC 4122 version 4 UUID\n"
    "  student_id INTEGER REFERENCES students(id) ON DELETE SET NULL,\n"
    "  lesson TEXT NOT NULL,\n"
    "  step INTEGER NOT NULL CHECK (step >= 1),\n"
    "  technique TEXT NOT NULL,\n"
    "  view TEXT NOT NULL,\n"
    "  source TEXT NOT NULL DEFAULT 'trainer', -- 'trainer' or 'legacy-import'\n"
    "  started_ms INTEGER NOT NULL,\n"
    "  finished_ms INTEGER NOT NULL,\n"
    "  total REAL,                             -- NULL: not graded (its lesson was not installed)\n"
    "  grade TEXT NOT NULL DEFAULT '',\n"
    "  passed INTEGER NOT NULL DEFAULT 0 CHECK (passed IN (0, 1)),\n"
    "  pass_mark REAL,\n"
    "  verdict TEXT,                           -- scored, unsafe, not-this-step, wrong-direction\n"
    "  verdict_reason TEXT NOT NULL DEFAULT '',\n"
    "  capped INTEGER NOT NULL DEFAULT 0,\n"
    "  cap_reason TEXT NOT NULL DEFAULT '',\n"
    "  completion_applies INTEGER NOT NULL DEFAULT 0,\n"
    "  completion_done REAL,\n"
    "  completion_asked REAL,\n"
    "  completion_unit TEXT,\n"
    "  completion_pct REAL,\n"
    "  completion_feedback TEXT NOT NULL DEFAULT '',\n"
    "  card_json TEXT,\n"
    "  replay_json TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX attempts_by_student ON attempts (student_id, technique, finished_ms);\n"
    "CREATE TABLE attempt_criteria (\n"
    "  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
    "  criterion TEXT NOT NULL,\n"
    "  score REAL NOT NULL,\n"
    "  measured REAL,                          -- NULL when nothing could be measured\n"
    "  unit TEXT NOT NULL,\n"
    "  target_min REAL,\n"
    "  target_max REAL,\n"
    "  weight REAL,\n"
    "  feedback TEXT NOT NULL,\n"
    "  PRIMARY KEY (attempt_id, criterion)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE attempt_safety (\n"
    "  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
    "  n INTEGER NOT NULL,\n"
    "  kind TEXT NOT NULL,                     -- injurious-pressure, over-band, avoid-zone\n"
    "  place TEXT NOT NULL,\n"
    "  place_name TEXT NOT NULL,\n"
    "  level REAL,\n"
    "  seconds REAL,\n"
    "  message TEXT NOT NULL,\n"
    "  PRIMARY KEY (attempt_id, n)\n"
    ") WITHOUT ROWID;\n"
    "CREATE TABLE imported_marks (             -- best marks kept in progress.json before attempts were\n"
    "  student_id INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,\n"
    "  lesson TEXT NOT NULL,\n"
    "  step INTEGER NOT NULL,\n"
    "  best REAL NOT NULL,\n"
    "  attempts INTEGER NOT NULL,\n"
    "  passes INTEGER NOT NULL,\n"
    "  PRIMARY KEY (student_id, lesson, step)\n"
    ");\n";

static const char SCHEMA_2[] =
    "ALTER TABLE students ADD COLUMN settings_json TEXT NOT NULL DEFAULT '{}';\n"
    "ALTER TABLE attempts ADD COLUMN synced_ms INTEGER; -- NULL: not yet sent to a school server\n"
    "CREATE INDEX attempts_outbox ON attempts (finished_ms) WHERE synced_ms IS NULL;\n"
    "CREATE TABLE attempt_positions (\n"
    "  attempt_id TEXT NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,\n"
    "  view TEXT NOT NULL,\n"
    "  x_cm INTEGER NOT NULL,                  -- the cell's left edge, whole cm\n"
    "  y_cm INTEGER NOT NULL,                  -- the cell's top edge, whole cm\n"
    "  samples INTEGER NOT NULL,\n"
    "  PRIMARY KEY (attempt_id, view, x_cm, y_cm)\n"
    ") WITHOUT ROWID;\n";

static const char SCHEMA_3[] =
    "ALTER TABLE attempts ADD COLUMN sync_error TEXT;   -- NULL, or why the school server refused it\n"
    "ALTER TABLE attempts ADD COLUMN sync_error_ms INTEGER; -- when it last refused (Unix ms)\n"
    "CREATE TABLE student_renames (\n"
    "  id TEXT PRIMARY KEY CHECK (length(id) = 36), -- UUID: applied once on the server and each kiosk\n"
    "  old_key TEXT NOT NULL,                  -- the folded name before\n"
    "  new_name TEXT NOT NULL,\n"
    "  new_key TEXT NOT NULL,\n"
    "  pseudonym INTEGER NOT NULL CHECK (pseudonym IN (0, 1)),\n"
    "  renamed_ms INTEGER NOT NULL,\n"
    "  synced_ms INTEGER                       -- NULL: made here, not yet sent to a school server\n"
    ");\n";

/* Fills attempt_positions for every attempt saved before version 2, from its replay. A replay
 * that no longer parses adds no cells (the attempt itself is kept as it is). */
static bool backfill_positions(GtProgressDb *db, char *error, size_t error_size) {
    sqlite3_stmt *each = gt_db_prepare(db, "SELECT id, replay_json FROM attempts", error, error_size);
    if (!each) return false;
    bool ok = true;
    int rc;
    while (ok && (rc = sqlite3_step(each)) == SQLITE_ROW) {
        char id[40];
        gt_db_column_text(each, 0, id, sizeof id);
        const char *text = (const char *)sqlite3_column_text(each, 1);
        GtDiag diag;
        gt_diag_init(&diag);
        GtReplay replay;
        if (text && gt_load_replay("replay", text, strlen(text), &diag, &replay)) {
            ok = gt_db_insert_positions(db, id, &replay, error, error_size);
            gt_replay_free(&replay);
        }
        gt_diag_free(&diag);
    }
    if (ok && rc != SQLITE_DONE) {
        gt_db_describe(db->sql, db->path, rc, error, error_size);
        ok = false;
    }
    sqlite3_finalize(each);
    return ok;
}

/* Brings a version-(n-1) database to version n; runs inside the migration's transaction. */
static bool migrate_step(GtProgressDb *db, int n, char *error, size_t error_size) {
    switch (n) {
    case 1: return gt_db_exec(db, SCHEMA_1, error, error_size);
    case 2: return gt_db_exec(db, SCHEMA_2, error, error_size) && backfill_positions(db, error, error_size);
    case 3: return gt_db_exec(db, SCHEMA_3, error, error_size);
    default:
        snprintf(error, error_size, "no migration to schema %d", n);
        return false;
    }
}

/* Reads PRAGMA user_version; -1 with the reason when it cannot be read. */
static int read_version(GtProgressDb *db, char *error, size_t error_size) {
    sqlite3_stmt *statement = gt_db_prepare(db, "PRAGMA user_version", error, error_size);
    if (!statement) return -1;
    int rc = sqlite3_step(statement);
    int version = rc == SQLITE_ROW ? sqlite3_column_int(statement, 0) : -1;
    if (rc != SQLITE_ROW) gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(statement);
    return version;
}

/* Says a file is too new for this build. */
static void too_new(GtProgressDb *db, int version, char *error, size_t error_size) {
    snprintf(error, error_size, "%s was written by a newer Guided Touch (schema %d; this one reads up to %d); "
             "update Guided Touch", db->path, version, GT_PROGRESS_DB_VERSION);
}

/* Reads the version without taking the write lock: a database that is already current opens
 * even while another program writes, and a read-only one can still be read. False with the
 * reason when it cannot be read or is newer than this build. */
static bool is_current(GtProgressDb *db, int target, bool *current, char *error, size_t error_size) {
    int version = read_version(db, error, error_size);
    if (version < 0) return false;
    if (version > GT_PROGRESS_DB_VERSION) {
        too_new(db, version, error, error_size);
        return false;
    }
    *current = version >= target;
    return true;
}

bool gt_db_migrate(GtProgressDb *db, int target, char *error, size_t error_size) {
    bool current = false;
    if (!is_current(db, target, &current, error, error_size)) return false;
    if (current) return true;
    for (;;) {
        if (!gt_db_begin(db, error, error_size)) return false;
        int version = read_version(db, error, error_size); /* again: another program may have migrated */
        if (version < 0) {
            gt_db_rollback(db);
            return false;
        }
        if (version > GT_PROGRESS_DB_VERSION) {
            gt_db_rollback(db);
            too_new(db, version, error, error_size);
            return false;
        }
        if (version >= target) {
            gt_db_rollback(db);
            return true;
        }
        char set_version[64];
        snprintf(set_version, sizeof set_version, "PRAGMA user_version = %d", version + 1);
        if (!migrate_step(db, version + 1, error, error_size) || !gt_db_exec(db, set_version, error, error_size)) {
            gt_db_rollback(db);
            return false;
        }
        if (!gt_db_commit(db, error, error_size)) return false;
    }
}

bool gt_progress_db_create_at_version(const char *path, int version, char *error, size_t error_size) {
    if (version < 1 || version > GT_PROGRESS_DB_VERSION) {
        snprintf(error, error_size, "there is no schema %d (this build knows 1 to %d)", version,
                 GT_PROGRESS_DB_VERSION);
        return false;
    }
    if (access(path, F_OK) == 0) {
        snprintf(error, error_size, "%s already exists", path);
        return false;
    }
    GtProgressDb db = { 0 };
    snprintf(db.path, sizeof db.path, "%s", path);
    int rc = sqlite3_open_v2(path, &db.sql, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    bool ok = rc == SQLITE_OK;
    if (!ok) gt_db_describe(db.sql, path, rc, error, error_size);
    ok = ok && gt_db_exec(&db, "PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON;", error, error_size);
    ok = ok && gt_db_migrate(&db, version, error, error_size);
    sqlite3_close_v2(db.sql);
    return ok;
}
