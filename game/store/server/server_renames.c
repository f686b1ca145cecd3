/* server_renames: a student renamed (or given a pseudonym) on one kiosk is renamed on the
 * school server and on every other kiosk. Each rename is a row with a UUID in student_renames,
 * on the kiosk where it was made (synced_ms NULL until the server has it), on the server (applied
 * by guidedtouch_rename_student, once) and on each kiosk that received it (applied here, once). */
#include "server_internal.h"
#include "db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RENAME_FIELDS = 6 }; /* id, old_key, new_name, new_key, pseudonym, renamed_ms */

/* Sends each rename made here that the server has not had yet, oldest first. */
static bool send_renames(GtServer *server, GtProgressDb *local, char *error, size_t error_size) {
    sqlite3_stmt *rows = gt_db_prepare(local, "SELECT id, old_key, new_name, new_key, pseudonym, renamed_ms FROM "
                                              "student_renames WHERE synced_ms IS NULL ORDER BY renamed_ms", error,
                                       error_size);
    sqlite3_stmt *mark = rows ? gt_db_prepare(local, "UPDATE student_renames SET synced_ms = ? WHERE id = ?", error,
                                              error_size) : NULL;
    bool ok = rows && mark;
    int rc = SQLITE_DONE;
    while (ok && (rc = sqlite3_step(rows)) == SQLITE_ROW) {
        const char *values[RENAME_FIELDS];
        for (int c = 0; c < RENAME_FIELDS; c++) values[c] = (const char *)sqlite3_column_text(rows, c);
        PGresult *result = PQexecParams(server->conn, "SELECT guidedtouch_rename_student($1::uuid, $2, $3, $4, "
                                        "$5::integer, $6::bigint)", RENAME_FIELDS, NULL, values, NULL, NULL, 0);
        ok = PQresultStatus(result) == PGRES_TUPLES_OK;
        if (!ok) gt_server_describe(server, result, error, error_size);
        PQclear(result);
        if (!ok) break;
        /* the server has it; if this kiosk dies before the mark, the resend changes nothing */
        sqlite3_bind_int64(mark, 1, gt_progress_db_now_ms());
        sqlite3_bind_text(mark, 2, values[0], -1, SQLITE_TRANSIENT);
        ok = gt_db_step_done(local, mark, error, error_size);
        sqlite3_reset(mark);
    }
    if (ok && rc != SQLITE_DONE) {
        gt_db_describe(local->sql, local->path, rc, error, error_size);
        ok = false;
    }
    sqlite3_finalize(mark);
    sqlite3_finalize(rows);
    return ok;
}

/* Applying a received rename here, in order (?1 old key, ?2 new name, ?3 new key, ?4 pseudonym,
 * ?5 its UUID, ?6 when it was made, ?7 now): when both names are known here they become one
 * student (the attempts and marks move to the new name's); otherwise the student is renamed. */
static const char *const APPLY[] = {
    "UPDATE attempts SET student_id = (SELECT id FROM students WHERE name_key = ?3) WHERE student_id = "
    "(SELECT id FROM students WHERE name_key = ?1) AND ?1 <> ?3 "
    "AND EXISTS (SELECT 1 FROM students WHERE name_key = ?3)",
    "UPDATE OR IGNORE imported_marks SET student_id = (SELECT id FROM students WHERE name_key = ?3) WHERE student_id = "
    "(SELECT id FROM students WHERE name_key = ?1) AND ?1 <> ?3 "
    "AND EXISTS (SELECT 1 FROM students WHERE name_key = ?3)",
    "DELETE FROM students WHERE name_key = ?1 AND ?1 <> ?3 AND EXISTS (SELECT 1 FROM students WHERE name_key = ?3)",
    "UPDATE students SET name = ?2, name_key = ?3, pseudonym = ?4 WHERE name_key = ?1",
    "UPDATE students SET name = ?2, pseudonym = ?4 WHERE name_key = ?3",
    "INSERT INTO student_renames (id, old_key, new_name, new_key, pseudonym, renamed_ms, synced_ms) "
    "VALUES (?5, ?1, ?2, ?3, ?4, ?6, ?7)",
};

/* Applies one rename the server sent (row `r` of `renames`) inside the caller's transaction,
 * unless it was applied here before. */
static bool apply_rename(GtProgressDb *local, const PGresult *renames, int r, char *error, size_t error_size) {
    sqlite3_stmt *known = gt_db_prepare(local, "SELECT 1 FROM student_renames WHERE id = ?", error, error_size);
    if (!known) return false;
    sqlite3_bind_text(known, 1, PQgetvalue(renames, r, 0), -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(known);
    sqlite3_finalize(known);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) {
        gt_db_describe(local->sql, local->path, rc, error, error_size);
        return false;
    }
    /* ?1..?6 from the server's columns: old_key, new_name, new_key, pseudonym, id, renamed_ms */
    static const int COLUMN_OF[6] = { 1, 2, 3, 4, 0, 5 };
    bool ok = true;
    for (size_t s = 0; ok && s < sizeof APPLY / sizeof APPLY[0]; s++) {
        sqlite3_stmt *step = gt_db_prepare(local, APPLY[s], error, error_size);
        if (!step) return false;
        for (int p = 1; p <= sqlite3_bind_parameter_count(step) && p <= 7; p++) {
            if (p == 7) sqlite3_bind_int64(step, 7, gt_progress_db_now_ms());
            else sqlite3_bind_text(step, p, PQgetvalue(renames, r, COLUMN_OF[p - 1]), -1, SQLITE_TRANSIENT);
        }
        ok = gt_db_step_done(local, step, error, error_size);
        sqlite3_finalize(step);
    }
    return ok;
}

/* Applies here, in the order they were made, the renames on the server this kiosk has not seen. */
static bool pull_renames(GtServer *server, GtProgressDb *local, char *error, size_t error_size) {
    PGresult *renames = PQexec(server->conn, "SELECT id, old_key, new_name, new_key, pseudonym, renamed_ms FROM "
                                             "student_renames ORDER BY renamed_ms, received_at");
    if (PQresultStatus(renames) != PGRES_TUPLES_OK) {
        gt_server_describe(server, renames, error, error_size);
        PQclear(renames);
        return false;
    }
    bool ok = PQntuples(renames) == 0 || gt_db_begin(local, error, error_size);
    for (int r = 0; ok && r < PQntuples(renames); r++) ok = apply_rename(local, renames, r, error, error_size);
    if (PQntuples(renames) > 0) {
        if (ok) ok = gt_db_commit(local, error, error_size);
        else gt_db_rollback(local);
    }
    PQclear(renames);
    return ok;
}

bool gt_server_share_renames(GtServer *server, GtProgressDb *local, char *error, size_t error_size) {
    return send_renames(server, local, error, error_size) && pull_renames(server, local, error, error_size);
}
