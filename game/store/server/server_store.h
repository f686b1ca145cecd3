/* server_store: the school's PostgreSQL server (libpq), which collects the attempts of every
 * kiosk so an instructor gets one class report. Each kiosk's SQLite database stays the source
 * of truth and is the outbox (attempts.synced_ms NULL: not yet confirmed by the server); this
 * module only talks to the server. No SDL, no threads of its own (server_sync.h runs it).
 *
 * Identity: an attempt is its UUID (INSERT ... ON CONFLICT (id) DO NOTHING, so a repeated send
 * is harmless); a student is the folded name (name_key), the same on every kiosk; a rename is
 * its UUID too, applied once on the server and on each kiosk.
 * Schema: guidedtouch_schema.version, migrated forward on connect under an advisory lock, one
 * transaction per version, as the SQLite file is.
 * Credentials: never in the connection setting itself (a "password" there is refused); from a
 * libpq password file or service file readable only by the kiosk's user. Every message this
 * module writes has passwords scrubbed.
 *
 * Ownership: a GtServer owns its PGconn (gt_server_close). It belongs to one thread at a time. */
#ifndef GT_SERVER_STORE_H
#define GT_SERVER_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "progress_db.h"

enum { GT_SERVER_SCHEMA_VERSION = 2, GT_SERVER_ERROR_MAX = 512 };

typedef struct GtServer GtServer;

/* Connects with `connection` (a libpq connection string, URI or "service=NAME"), checks the
 * credential files and migrates the server schema. NULL with a plain reason in `error`
 * ("the school server refused the kiosk's password ...", "the school server cannot be reached
 * ..."), passwords scrubbed. */
GtServer *gt_server_connect(const char *connection, char *error, size_t error_size);

/* Closes the connection (NULL is fine). */
void gt_server_close(GtServer *server);

/* True while the connection is usable (false after the server went away). */
bool gt_server_alive(GtServer *server);

/* True when the last failed statement was refused for the data it carried (a CHECK or other
 * constraint, a trigger's exception, a value the server cannot take) while the connection is
 * fine: sending that attempt again will fail the same way, the others may still go. */
bool gt_server_refused(const GtServer *server);

/* Checks the connection setting and the password/service files libpq would read: false with
 * the reason when the setting holds a password or a file holding credentials can be read by
 * other users. */
bool gt_server_check_credentials(const char *connection, char *error, size_t error_size);

/* Sends local attempt `id` (with its student, criteria, safety entries and positions) in one
 * server transaction; true when the server has it (now or from an earlier send). */
bool gt_server_send_attempt(GtServer *server, GtProgressDb *local, const char *id, char *error, size_t error_size);

/* Sends the renames made on this kiosk that the server has not had (each applied once there by
 * its UUID: the student renamed, or merged into the one already called so), then applies here
 * the renames other kiosks sent, so a renamed student (or one given a pseudonym) has the new
 * name everywhere. Run before gt_server_share_students. */
bool gt_server_share_renames(GtServer *server, GtProgressDb *local, char *error, size_t error_size);

/* Sends every local student (ON CONFLICT DO NOTHING) and adds the server's students this kiosk
 * has not met yet, so a student made on one kiosk signs in on another. */
bool gt_server_share_students(GtServer *server, GtProgressDb *local, char *error, size_t error_size);

/* Copies up to `max` attempts other kiosks sent (with their rows) that this kiosk lacks into
 * `local`, already marked sent, so a student's progress is the same on every kiosk; *pulled
 * says how many. Students must be shared first (attempts find their student by name). */
bool gt_server_pull_attempts(GtServer *server, GtProgressDb *local, int max, int *pulled, char *error,
                             size_t error_size);

/* Copies the whole class (students, attempts and their rows) from the server into `local`
 * (a fresh database), so the report and export read it as they read a kiosk's file. */
bool gt_server_fetch_class(GtServer *server, GtProgressDb *local, char *error, size_t error_size);

/* Replaces any password in `text` (password=..., user:secret@ in a URI) with "***", in place. */
void gt_server_scrub(char *text);

/* The outbox of the local database: up to `max` UUIDs of attempts the server has not confirmed,
 * oldest first (returns how many; -1 on failure), leaving out those the server refused after
 * `retry_refused_before_ms` (pass INT64_MAX to leave out none, 0 to leave out every refused
 * one); how many are waiting, refused ones not counted (-1 on failure); marking one as
 * confirmed (which forgets any refusal). */
int gt_outbox_next(GtProgressDb *db, int64_t retry_refused_before_ms, char (*ids)[40], int max, char *error,
                   size_t error_size);
long gt_outbox_waiting(GtProgressDb *db);
bool gt_outbox_mark_sent(GtProgressDb *db, const char *id, int64_t now_ms, char *error, size_t error_size);

/* Sets attempt `id` aside: the server refused it for `reason` at `now_ms`. It stays in the
 * outbox (tried again later) but no longer holds up the others. */
bool gt_outbox_mark_refused(GtProgressDb *db, const char *id, const char *reason, int64_t now_ms, char *error,
                            size_t error_size);

/* How many attempts the server refused and has not taken since (-1 on failure), with the
 * latest refusal's reason in `reason` ("" when none). */
long gt_outbox_refused(GtProgressDb *db, char *reason, size_t reason_size);

#endif
