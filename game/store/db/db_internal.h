/* db_internal: what the store's database modules share and nobody else sees: the connection,
 * error wording, transactions and statement helpers. Not installed for the app.
 *
 * Ownership: the GtProgressDb owns its sqlite3 connection; statements prepared with
 * gt_db_prepare are finalised by the caller. */
#ifndef GT_DB_INTERNAL_H
#define GT_DB_INTERNAL_H

#include "progress_db.h"
#include "gt_replay.h"
#include "gt_score.h"

#include <sqlite3.h>

struct GtProgressDb {
    sqlite3 *sql;
    char path[4096];
};

/* Describes a failed SQLite call in the plain words of progress_db.h ("the disk is full
 * (PATH)"), using the connection's extended code and the system's errno where they tell more.
 * `rc` is the code the call returned; `sql` may be NULL (then only rc is used). */
void gt_db_describe(sqlite3 *sql, const char *path, int rc, char *error, size_t error_size);

/* Runs one or more SQL statements with no results; false with the reason described. */
bool gt_db_exec(GtProgressDb *db, const char *statements, char *error, size_t error_size);

/* BEGIN IMMEDIATE (takes the write lock now, waiting up to the busy timeout, so a transaction
 * never fails half-way for want of it). False with the reason. */
bool gt_db_begin(GtProgressDb *db, char *error, size_t error_size);

/* COMMIT; on failure the transaction is rolled back and the reason described. */
bool gt_db_commit(GtProgressDb *db, char *error, size_t error_size);

/* Rolls back the open transaction, if SQLite has not already done so; never fails visibly. */
void gt_db_rollback(GtProgressDb *db);

/* Prepares one statement; NULL with the reason described. */
sqlite3_stmt *gt_db_prepare(GtProgressDb *db, const char *statement, char *error, size_t error_size);

/* Steps a statement that returns no rows, then resets it; false with the reason described. */
bool gt_db_step_done(GtProgressDb *db, sqlite3_stmt *statement, char *error, size_t error_size);

/* Binds text (NULL binds SQL NULL) and a double that is NULL when not finite. */
void gt_db_bind_text(sqlite3_stmt *statement, int index, const char *text);
void gt_db_bind_real(sqlite3_stmt *statement, int index, double value);

/* Copies column `column` as text into `buffer` ("" for NULL), truncated to fit. */
void gt_db_column_text(sqlite3_stmt *statement, int column, char *buffer, size_t size);

/* A column as a double, NAN for NULL. */
double gt_db_column_real(sqlite3_stmt *statement, int column);

/* Brings the open database from its user_version to `target` inside one transaction per
 * version; false with the reason (the file then stays at the last completed version). */
bool gt_db_migrate(GtProgressDb *db, int target, char *error, size_t error_size);

/* One attempts row as saved or imported. */
typedef struct GtAttemptRow {
    const char *id;              /* UUID */
    int64_t student_id;          /* > 0 */
    const char *source;          /* "trainer" or "legacy-import" (static) */
    const GtScoreCard *card;     /* NULL: not graded */
    const GtReplay *replay;
    const char *replay_json;     /* the replay as text, stored as given */
    int64_t started_ms, finished_ms;
} GtAttemptRow;

/* Inserts an attempt with its criteria, safety entries and positions; call inside a
 * transaction (the caller rolls back on failure). False with the reason. */
bool gt_db_insert_attempt(GtProgressDb *db, const GtAttemptRow *row, char *error, size_t error_size);

/* Records where the samples of `replay` fell, per 1 cm cell of its view, for attempt `id`
 * (the heat map; schema 2 and later). Call inside the attempt's transaction. */
bool gt_db_insert_positions(GtProgressDb *db, const char *id, const GtReplay *replay, char *error,
                            size_t error_size);

#endif
