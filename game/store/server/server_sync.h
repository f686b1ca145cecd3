/* server_sync: the background thread that empties a kiosk's outbox into the school server.
 * It opens its own connection to the local database (the trainer's stays in the frame loop's
 * thread), connects to the server, shares students, and sends each attempt the server has not
 * confirmed; an attempt is marked sent only after the server's COMMIT returned. It also brings
 * in what other kiosks sent (students, then attempts), so progress is the same on every kiosk.
 * An attempt the server refuses for its data (a constraint, a trigger) is set aside with the
 * reason (attempts.sync_error) and the others go on; it is tried again on each new connection
 * and every hour. Each change of the status is also written to stderr, as the staff screen
 * words it ("guidedtouch: School server: ..."), for the kiosk's log. Offline it
 * retries with a doubling wait (0.25 s up to retry_max_s); a save wakes it at once. Nothing
 * here blocks the caller beyond a mutex held for a copy of the status. No SDL.
 *
 * Ownership: gt_server_sync_start makes a GtServerSync; gt_server_sync_stop ends the thread
 * (waiting for the send in progress, at most the connect timeout) and frees it. */
#ifndef GT_SERVER_SYNC_H
#define GT_SERVER_SYNC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "server_store.h"

typedef enum GtServerState {
    GT_SERVER_STARTING,   /* not connected yet, first try under way */
    GT_SERVER_CONNECTED,
    GT_SERVER_OFFLINE     /* the last try failed; `problem` says why */
} GtServerState;

typedef struct GtServerStatus {
    GtServerState state;
    int64_t offline_since_ms;     /* Unix ms when the server was first missed; 0 when connected */
    long waiting;                 /* attempts saved here that the server has not confirmed */
    long sent;                    /* attempts this thread has had confirmed */
    long refused;                 /* attempts the server refused for their data, set aside */
    char refused_reason[GT_SERVER_ERROR_MAX]; /* the latest refusal's words; "" when none */
    char problem[GT_SERVER_ERROR_MAX]; /* the last trouble, passwords scrubbed; "" when none */
} GtServerStatus;

typedef struct GtServerSync GtServerSync;

/* Starts syncing the database at `db_path` to the server `connection`; NULL with the reason
 * when the thread cannot start. retry_max_s bounds the wait between tries (1..3600). */
GtServerSync *gt_server_sync_start(const char *db_path, const char *connection, int retry_max_s, char *error,
                                   size_t error_size);

/* Says an attempt was saved: the thread looks at the outbox now. Never blocks. */
void gt_server_sync_nudge(GtServerSync *sync);

/* A copy of the current status. */
void gt_server_sync_status(GtServerSync *sync, GtServerStatus *out);

/* The status in words for the staff screen: "School server: connected; all attempts sent",
 * "School server: offline since 14:05; 3 attempts waiting; this kiosk keeps saving. Why: the
 * school server cannot be reached (...)"; refused attempts add "1 attempt refused by the
 * server: REASON". Times are local. */
void gt_server_status_text(const GtServerStatus *status, char *text, size_t size);

/* Stops the thread and frees everything (NULL is fine). */
void gt_server_sync_stop(GtServerSync *sync);

#endif
