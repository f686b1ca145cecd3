/* server_copy: moving rows between a kiosk's SQLite database and the school server: one
 * attempt up (idempotent by its UUID), students both ways, the whole class down for reports,
 * and the local outbox. Every value travels as text; each side's column types convert it. */
#include "server_internal.h"
#include "db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { MAX_COLUMNS = 32 };

/* The attempt's own columns, the same on both sides (id and student_id travel apart). */
static const char ATTEMPT_COLUMNS[] =
    "lesson, step, technique, view, source, started_ms, finished_ms, total, grade, passed, pass_mark, verdict, "
    "verdict_reason, capped, cap_reason, completion_applies, completion_done, completion_asked, completion_unit, "
    "completion_pct, completion_feedback, card_json, replay_json";
enum { ATTEMPT_COLUMN_COUNT = 23 };

/* An attempt's rows in the other tables: the table and its columns after attempt_id. */
typedef struct ChildTable {
    const char *table, *columns;
    int count;
} ChildTable;

static const ChildTable CHILDREN[] = {
    { "attempt_criteria", "criterion, score, measured, unit, target_min, target_max, weight, feedback", 8 },
    { "attempt_safety", "n, kind, place, place_name, level, seconds, message", 7 },
    { "attempt_positions", "view, x_cm, y_cm, samples", 4 },
};

/* "$first, $first+1, ..." for `count` parameters into `text`. */
static void placeholders(char *text, size_t size, int first, int count, char mark) {
    size_t used = 0;
    text[0] = '\0';
    for (int i = 0; i < count && used < size; i++)
        used += (size_t)snprintf(text + used, size - used, "%s%c%d", i ? ", " : "", mark, first + i);
}

/* Runs one parameterised statement on the server; false with the reason. `changed` (may be
 * NULL) gets the rows it inserted. */
static bool server_run(GtServer *server, const char *sql, int count, const char *const *values, long *changed,
                       PGresult **rows, char *error, size_t error_size) {
    PGresult *result = PQexecParams(server->conn, sql, count, NULL, values, NULL, NULL, 0);
    ExecStatusType status = PQresultStatus(result);
    bool ok = status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    if (!ok) gt_server_describe(server, result, error, error_size);
    if (ok && changed) *changed = atol(PQcmdTuples(result));
    if (ok && rows) *rows = result;
    else PQclear(result);
    return ok;
}

/* The column values of the current row of `statement` (NULL for SQL NULL) into values[offset..]. */
static void row_values(sqlite3_stmt *statement, int from, int count, const char **values) {
    for (int c = 0; c < count; c++)
        values[c] = sqlite3_column_type(statement, from + c) == SQLITE_NULL
                        ? NULL : (const char *)sqlite3_column_text(statement, from + c);
}

/* Sends the rows attempt `id` has in one child table. */
static bool send_children(GtServer *server, GtProgressDb *local, const char *id, const ChildTable *child,
                          char *error, size_t error_size) {
    char select[512], insert[768], marks[256];
    snprintf(select, sizeof select, "SELECT %s FROM %s WHERE attempt_id = ?", child->columns, child->table);
    placeholders(marks, sizeof marks, 2, child->count, '$');
    snprintf(insert, sizeof insert, "INSERT INTO %s (attempt_id, %s) VALUES ($1, %s) ON CONFLICT DO NOTHING",
             child->table, child->columns, marks);
    sqlite3_stmt *rows = gt_db_prepare(local, select, error, error_size);
    if (!rows) return false;
    sqlite3_bind_text(rows, 1, id, -1, SQLITE_TRANSIENT);
    bool ok = true;
    int rc;
    while (ok && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const char *values[MAX_COLUMNS] = { id };
        row_values(rows, 0, child->count, values + 1);
        ok = server_run(server, insert, child->count + 1, values, NULL, NULL, error, error_size);
    }
    if (ok && rc != SQLITE_DONE) {
        gt_db_describe(local->sql, local->path, rc, error, error_size);
        ok = false;
    }
    sqlite3_finalize(rows);
    return ok;
}

/* Makes sure the server knows the student of the current row (columns 0-4: name_key, name,
 * created_ms, pseudonym, settings_json) and puts the server's id for them in `student_id`. */
static bool send_student(GtServer *server, sqlite3_stmt *row, char *student_id, size_t size, char *error,
                         size_t error_size) {
    const char *values[5];
    row_values(row, 0, 5, values);
    if (!values[0]) { /* the student was removed on this kiosk: the attempt stays, nobody's */
        student_id[0] = '\0';
        return true;
    }
    PGresult *found = NULL;
    bool ok = server_run(server, "INSERT INTO students (name_key, name, created_ms, pseudonym, settings_json) "
                         "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (name_key) DO NOTHING", 5, values, NULL, NULL,
                         error, error_size) &&
              server_run(server, "SELECT id FROM students WHERE name_key = $1", 1, values, NULL, &found, error,
                         error_size);
    if (ok && PQntuples(found) == 1) snprintf(student_id, size, "%s", PQgetvalue(found, 0, 0));
    else if (ok) {
        gt_server_problem(error, error_size, "the school server lost the student \"%s\"", values[1]);
        ok = false;
    }
    PQclear(found);
    return ok;
}

/* Inside the server transaction: the student, the attempt, and (when new) its rows. */
static bool send_attempt_rows(GtServer *server, GtProgressDb *local, sqlite3_stmt *row, const char *id, char *error,
                              size_t error_size) {
    char student_id[32], kiosk[256] = "", marks[512], insert[2048];
    if (!send_student(server, row, student_id, sizeof student_id, error, error_size)) return false;
    if (gethostname(kiosk, sizeof kiosk - 1) != 0) kiosk[0] = '\0';
    const char *values[MAX_COLUMNS] = { id, student_id[0] ? student_id : NULL, kiosk };
    row_values(row, 5, ATTEMPT_COLUMN_COUNT, values + 3);
    placeholders(marks, sizeof marks, 4, ATTEMPT_COLUMN_COUNT, '$');
    snprintf(insert, sizeof insert, "INSERT INTO attempts (id, student_id, kiosk, %s) VALUES ($1, $2, $3, %s) "
             "ON CONFLICT (id) DO NOTHING", ATTEMPT_COLUMNS, marks);
    long added = 0;
    if (!server_run(server, insert, ATTEMPT_COLUMN_COUNT + 3, values, &added, NULL, error, error_size)) return false;
    for (size_t c = 0; added && c < sizeof CHILDREN / sizeof CHILDREN[0]; c++)
        if (!send_children(server, local, id, &CHILDREN[c], error, error_size)) return false;
    return true;
}

bool gt_server_send_attempt(GtServer *server, GtProgressDb *local, const char *id, char *error, size_t error_size) {
    char select[1024];
    snprintf(select, sizeof select, "SELECT s.name_key, s.name, s.created_ms, s.pseudonym, s.settings_json, %s "
             "FROM attempts a LEFT JOIN students s ON s.id = a.student_id WHERE a.id = ?", ATTEMPT_COLUMNS);
    sqlite3_stmt *row = gt_db_prepare(local, select, error, error_size);
    if (!row) return false;
    sqlite3_bind_text(row, 1, id, -1, SQLITE_TRANSIENT);
    server->sqlstate[0] = '\0';
    int rc = sqlite3_step(row);
    bool ok = rc == SQLITE_ROW;
    if (rc == SQLITE_DONE) gt_server_problem(error, error_size, "there is no attempt %s on this kiosk", id);
    else if (!ok) gt_db_describe(local->sql, local->path, rc, error, error_size);
    ok = ok && gt_server_exec(server, "BEGIN", error, error_size);
    if (ok) {
        ok = send_attempt_rows(server, local, row, id, error, error_size) &&
             gt_server_exec(server, "COMMIT", error, error_size);
        if (!ok) PQclear(PQexec(server->conn, "ROLLBACK"));
    }
    sqlite3_finalize(row);
    return ok;
}

/* Sends every local student the server does not know yet. */
static bool send_students(GtServer *server, GtProgressDb *local, char *error, size_t error_size) {
    sqlite3_stmt *rows = gt_db_prepare(local, "SELECT name_key, name, created_ms, pseudonym, settings_json FROM "
                                              "students", error, error_size);
    if (!rows) return false;
    bool ok = true;
    int rc;
    while (ok && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const char *values[5];
        row_values(rows, 0, 5, values);
        ok = server_run(server, "INSERT INTO students (name_key, name, created_ms, pseudonym, settings_json) VALUES "
                        "($1, $2, $3, $4, $5) ON CONFLICT (name_key) DO NOTHING", 5, values, NULL, NULL, error,
                        error_size);
    }
    if (ok && rc != SQLITE_DONE) {
        gt_db_describe(local->sql, local->path, rc, error, error_size);
        ok = false;
    }
    sqlite3_finalize(rows);
    return ok;
}

/* Copies every row of a server query (with `count` text parameters) into the local database with
 * `insert` (as many '?' as the query has columns), inside the caller's transaction. */
static bool fetch_rows_with(GtServer *server, GtProgressDb *local, const char *query, int count,
                            const char *const *values, const char *insert, char *error, size_t error_size) {
    PGresult *rows = NULL;
    if (!server_run(server, query, count, values, NULL, &rows, error, error_size)) return false;
    sqlite3_stmt *statement = gt_db_prepare(local, insert, error, error_size);
    bool ok = statement != NULL;
    int columns = PQnfields(rows);
    for (int r = 0; ok && r < PQntuples(rows); r++) {
        for (int c = 0; c < columns; c++)
            if (PQgetisnull(rows, r, c)) sqlite3_bind_null(statement, c + 1);
            else sqlite3_bind_text(statement, c + 1, PQgetvalue(rows, r, c), -1, SQLITE_TRANSIENT);
        ok = gt_db_step_done(local, statement, error, error_size);
    }
    sqlite3_finalize(statement);
    PQclear(rows);
    return ok;
}

/* fetch_rows_with, without parameters. */
static bool fetch_rows(GtServer *server, GtProgressDb *local, const char *query, const char *insert, char *error,
                       size_t error_size) {
    return fetch_rows_with(server, local, query, 0, NULL, insert, error, error_size);
}

/* The UUIDs the server has and this kiosk has not, as a Postgres array literal "{a,b}" in
 * `list` (malloc'd; NULL when none); at most `max` of them. False on failure. */
static bool missing_here(GtServer *server, GtProgressDb *local, int max, char **list, char *error,
                         size_t error_size) {
    *list = NULL;
    PGresult *ids = NULL;
    if (!server_run(server, "SELECT id FROM attempts", 0, NULL, NULL, &ids, error, error_size)) return false;
    sqlite3_stmt *known = gt_db_prepare(local, "SELECT 1 FROM attempts WHERE id = ?", error, error_size);
    bool ok = known != NULL;
    size_t used = 0, room = (size_t)max * 40 + 3;
    char *text = ok ? malloc(room) : NULL;
    ok = ok && text;
    for (int r = 0, found = 0; ok && r < PQntuples(ids) && found < max; r++) {
        sqlite3_bind_text(known, 1, PQgetvalue(ids, r, 0), -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(known);
        sqlite3_reset(known);
        if (rc == SQLITE_ROW) continue;
        if (rc != SQLITE_DONE) {
            gt_db_describe(local->sql, local->path, rc, error, error_size);
            ok = false;
            break;
        }
        used += (size_t)snprintf(text + used, room - used, "%c%s", found++ ? ',' : '{', PQgetvalue(ids, r, 0));
    }
    sqlite3_finalize(known);
    PQclear(ids);
    if (ok && used) {
        snprintf(text + used, room - used, "}");
        *list = text;
    } else free(text);
    return ok;
}

bool gt_server_pull_attempts(GtServer *server, GtProgressDb *local, int max, int *pulled, char *error,
                             size_t error_size) {
    *pulled = 0;
    char *list = NULL;
    if (!missing_here(server, local, max, &list, error, error_size)) return false;
    if (!list) return true;
    char query[1024], insert[1200], marks[256];
    const char *values[1] = { list };
    snprintf(query, sizeof query, "SELECT a.id, s.name_key, %s FROM attempts a LEFT JOIN students s ON s.id = "
             "a.student_id WHERE a.id = ANY ($1::uuid[])", ATTEMPT_COLUMNS);
    placeholders(marks, sizeof marks, 3, ATTEMPT_COLUMN_COUNT, '?');
    snprintf(insert, sizeof insert, "INSERT OR IGNORE INTO attempts (id, student_id, %s, synced_ms) VALUES (?1, "
             "(SELECT id FROM students WHERE name_key = ?2), %s, %lld)", ATTEMPT_COLUMNS, marks,
             (long long)gt_progress_db_now_ms());
    bool ok = gt_db_begin(local, error, error_size);
    if (!ok) {
        free(list);
        return false;
    }
    ok = fetch_rows_with(server, local, query, 1, values, insert, error, error_size);
    for (size_t c = 0; ok && c < sizeof CHILDREN / sizeof CHILDREN[0]; c++) {
        snprintf(query, sizeof query, "SELECT attempt_id, %s FROM %s WHERE attempt_id = ANY ($1::uuid[])",
                 CHILDREN[c].columns, CHILDREN[c].table);
        placeholders(marks, sizeof marks, 1, CHILDREN[c].count + 1, '?');
        snprintf(insert, sizeof insert, "INSERT OR IGNORE INTO %s (attempt_id, %s) VALUES (%s)", CHILDREN[c].table,
                 CHILDREN[c].columns, marks);
        ok = fetch_rows_with(server, local, query, 1, values, insert, error, error_size);
    }
    if (ok) ok = gt_db_commit(local, error, error_size);
    else gt_db_rollback(local);
    if (ok) *pulled = (int)(strlen(list) + 1) / 37;
    free(list);
    return ok;
}

bool gt_server_share_students(GtServer *server, GtProgressDb *local, char *error, size_t error_size) {
    if (!send_students(server, local, error, error_size)) return false;
    if (!gt_db_begin(local, error, error_size)) return false;
    bool ok = fetch_rows(server, local, "SELECT name, name_key, created_ms, pseudonym, settings_json FROM students",
                         "INSERT OR IGNORE INTO students (name, name_key, created_ms, pseudonym, settings_json) "
                         "VALUES (?, ?, ?, ?, ?)", error, error_size);
    if (ok) return gt_db_commit(local, error, error_size);
    gt_db_rollback(local);
    return false;
}

bool gt_server_fetch_class(GtServer *server, GtProgressDb *local, char *error, size_t error_size) {
    char query[1024], insert[1024], marks[256];
    if (!gt_db_begin(local, error, error_size)) return false;
    bool ok = fetch_rows(server, local, "SELECT id, name, name_key, created_ms, pseudonym, settings_json FROM students",
                         "INSERT INTO students (id, name, name_key, created_ms, pseudonym, settings_json) VALUES "
                         "(?, ?, ?, ?, ?, ?)", error, error_size);
    snprintf(query, sizeof query, "SELECT id, student_id, %s FROM attempts", ATTEMPT_COLUMNS);
    placeholders(marks, sizeof marks, 1, ATTEMPT_COLUMN_COUNT + 2, '?');
    snprintf(insert, sizeof insert, "INSERT INTO attempts (id, student_id, %s) VALUES (%s)", ATTEMPT_COLUMNS, marks);
    ok = ok && fetch_rows(server, local, query, insert, error, error_size);
    for (size_t c = 0; ok && c < sizeof CHILDREN / sizeof CHILDREN[0]; c++) {
        snprintf(query, sizeof query, "SELECT attempt_id, %s FROM %s", CHILDREN[c].columns, CHILDREN[c].table);
        placeholders(marks, sizeof marks, 1, CHILDREN[c].count + 1, '?');
        snprintf(insert, sizeof insert, "INSERT INTO %s (attempt_id, %s) VALUES (%s)", CHILDREN[c].table,
                 CHILDREN[c].columns, marks);
        ok = fetch_rows(server, local, query, insert, error, error_size);
    }
    if (ok) return gt_db_commit(local, error, error_size);
    gt_db_rollback(local);
    return false;
}

int gt_outbox_next(GtProgressDb *db, int64_t retry_refused_before_ms, char (*ids)[40], int max, char *error,
                   size_t error_size) {
    sqlite3_stmt *rows = gt_db_prepare(db, "SELECT id FROM attempts WHERE synced_ms IS NULL AND (sync_error IS NULL "
                                           "OR sync_error_ms < ?) ORDER BY finished_ms LIMIT ?", error, error_size);
    if (!rows) return -1;
    sqlite3_bind_int64(rows, 1, retry_refused_before_ms);
    sqlite3_bind_int(rows, 2, max);
    int n = 0, rc;
    while (n < max && (rc = sqlite3_step(rows)) == SQLITE_ROW) gt_db_column_text(rows, 0, ids[n++], 40);
    if (n < max && rc != SQLITE_DONE) {
        gt_db_describe(db->sql, db->path, rc, error, error_size);
        n = -1;
    }
    sqlite3_finalize(rows);
    return n;
}

long gt_outbox_waiting(GtProgressDb *db) {
    char error[GT_DB_ERROR_MAX];
    sqlite3_stmt *count = gt_db_prepare(db, "SELECT count(*) FROM attempts WHERE synced_ms IS NULL AND "
                                             "sync_error IS NULL", error, sizeof error);
    if (!count) return -1;
    long n = sqlite3_step(count) == SQLITE_ROW ? (long)sqlite3_column_int64(count, 0) : -1;
    sqlite3_finalize(count);
    return n;
}

bool gt_outbox_mark_sent(GtProgressDb *db, const char *id, int64_t now_ms, char *error, size_t error_size) {
    sqlite3_stmt *mark = gt_db_prepare(db, "UPDATE attempts SET synced_ms = ?, sync_error = NULL, sync_error_ms = "
                                           "NULL WHERE id = ?", error, error_size);
    if (!mark) return false;
    sqlite3_bind_int64(mark, 1, now_ms);
    sqlite3_bind_text(mark, 2, id, -1, SQLITE_TRANSIENT);
    bool ok = gt_db_step_done(db, mark, error, error_size);
    sqlite3_finalize(mark);
    return ok;
}

bool gt_outbox_mark_refused(GtProgressDb *db, const char *id, const char *reason, int64_t now_ms, char *error,
                            size_t error_size) {
    sqlite3_stmt *mark = gt_db_prepare(db, "UPDATE attempts SET sync_error = ?, sync_error_ms = ? WHERE id = ?", error,
                                       error_size);
    if (!mark) return false;
    sqlite3_bind_text(mark, 1, reason, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(mark, 2, now_ms);
    sqlite3_bind_text(mark, 3, id, -1, SQLITE_TRANSIENT);
    bool ok = gt_db_step_done(db, mark, error, error_size);
    sqlite3_finalize(mark);
    return ok;
}

long gt_outbox_refused(GtProgressDb *db, char *reason, size_t reason_size) {
    char error[GT_DB_ERROR_MAX];
    if (reason_size) reason[0] = '\0';
    sqlite3_stmt *rows = gt_db_prepare(db, "SELECT count(*), (SELECT sync_error FROM attempts WHERE synced_ms IS NULL "
                                           "AND sync_error IS NOT NULL ORDER BY sync_error_ms DESC LIMIT 1) FROM "
                                           "attempts WHERE synced_ms IS NULL AND sync_error IS NOT NULL", error,
                                       sizeof error);
    if (!rows) return -1;
    long n = -1;
    if (sqlite3_step(rows) == SQLITE_ROW) {
        n = (long)sqlite3_column_int64(rows, 0);
        if (reason_size) gt_db_column_text(rows, 1, reason, reason_size);
    }
    sqlite3_finalize(rows);
    return n;
}
