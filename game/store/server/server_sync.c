/* server_sync: the outbox thread. */
#include "server_sync.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BATCH = 32, PULL_BATCH = 200, FIRST_WAIT_MS = 250, IDLE_CHECK_MS = 30000, STATUS_TEXT_MAX = 1600 };
static const int64_t REFUSED_RETRY_MS = 3600000; /* a refused attempt is tried again hourly */

struct GtServerSync {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop, nudged;
    GtServerStatus status;
    char db_path[4096];
    char connection[1024];
    int retry_max_ms;
    char logged[STATUS_TEXT_MAX]; /* the status text last written to stderr (the thread's own) */
};

/* Waits up to `ms` or until stopped (or nudged, when `nudge_wakes`); called with the lock held. */
static void wait_locked(GtServerSync *sync, int ms, bool nudge_wakes) {
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }
    while (!sync->stop && !(nudge_wakes && sync->nudged))
        if (pthread_cond_timedwait(&sync->wake, &sync->lock, &until) == ETIMEDOUT) break;
    if (nudge_wakes) sync->nudged = false;
}

/* Writes the status to stderr when its words changed since the last time (called by the
 * thread, with the lock held). */
static void log_status_locked(GtServerSync *sync) {
    char text[STATUS_TEXT_MAX];
    gt_server_status_text(&sync->status, text, sizeof text);
    if (strcmp(text, sync->logged) == 0) return;
    snprintf(sync->logged, sizeof sync->logged, "%s", text);
    fprintf(stderr, "guidedtouch: %s\n", text);
}

/* What the outbox holds: waiting, refused (-1 each when unknown) and the latest refusal's words. */
typedef struct OutboxCounts {
    long waiting, refused;
    char reason[GT_SERVER_ERROR_MAX];
} OutboxCounts;

/* Counts the outbox of `db` (NULL: unknown); read before taking the lock, so the trainer's
 * frame loop never waits for the database behind it. */
static void count_outbox(GtProgressDb *db, OutboxCounts *counts) {
    counts->waiting = counts->refused = -1;
    counts->reason[0] = '\0';
    if (!db) return;
    counts->waiting = gt_outbox_waiting(db);
    counts->refused = gt_outbox_refused(db, counts->reason, sizeof counts->reason);
}

/* Puts the counts into the status; with the lock held. */
static void apply_counts_locked(GtServerSync *sync, const OutboxCounts *counts) {
    if (counts->waiting >= 0) sync->status.waiting = counts->waiting;
    if (counts->refused >= 0) {
        sync->status.refused = counts->refused;
        snprintf(sync->status.refused_reason, sizeof sync->status.refused_reason, "%s", counts->reason);
    }
}

/* Records a failure: offline (since the first miss), with its reason and the outbox's counts. */
static void set_offline(GtServerSync *sync, const char *problem, GtProgressDb *db) {
    OutboxCounts counts;
    count_outbox(db, &counts);
    pthread_mutex_lock(&sync->lock);
    if (sync->status.state != GT_SERVER_OFFLINE || !sync->status.offline_since_ms)
        sync->status.offline_since_ms = gt_progress_db_now_ms();
    sync->status.state = GT_SERVER_OFFLINE;
    snprintf(sync->status.problem, sizeof sync->status.problem, "%s", problem);
    apply_counts_locked(sync, &counts);
    log_status_locked(sync);
    pthread_mutex_unlock(&sync->lock);
}

/* Records that the server answered, with the outbox's counts and how many attempts went. */
static void set_connected(GtServerSync *sync, GtProgressDb *db, long newly_sent) {
    OutboxCounts counts;
    count_outbox(db, &counts);
    pthread_mutex_lock(&sync->lock);
    sync->status.state = GT_SERVER_CONNECTED;
    sync->status.offline_since_ms = 0;
    sync->status.problem[0] = '\0';
    apply_counts_locked(sync, &counts);
    sync->status.sent += newly_sent;
    log_status_locked(sync);
    pthread_mutex_unlock(&sync->lock);
}

/* The server's own words from a refusal's message ("the school server said: ERROR:  new row
 * ... violates check constraint ..." becomes "new row ... violates check constraint ..."). */
static void refusal_words(const char *error, char *reason, size_t size) {
    static const char *const PREFIXES[] = { "the school server said: ", "ERROR:" };
    for (size_t i = 0; i < sizeof PREFIXES / sizeof PREFIXES[0]; i++)
        if (strncmp(error, PREFIXES[i], strlen(PREFIXES[i])) == 0) error += strlen(PREFIXES[i]);
    while (*error == ' ') error++;
    snprintf(reason, size, "%s", error);
}

/* Sends one batch of the outbox (attempts refused before `retry_refused_before_ms` included);
 * an attempt the server refuses for its data is set aside with the reason and the batch goes
 * on. Returns how many were sent, -1 after a failure (said in `error`). *more says whether the
 * batch was full (there may be more). */
static int send_batch(GtServer *server, GtProgressDb *db, int64_t retry_refused_before_ms, bool *more, char *error,
                      size_t error_size) {
    char ids[BATCH][40];
    int n = gt_outbox_next(db, retry_refused_before_ms, ids, BATCH, error, error_size), sent = 0;
    *more = n == BATCH;
    if (n < 0) return -1;
    for (int i = 0; i < n; i++) {
        if (!gt_server_send_attempt(server, db, ids[i], error, error_size)) {
            if (!gt_server_refused(server)) return -1;
            char reason[GT_SERVER_ERROR_MAX];
            refusal_words(error, reason, sizeof reason);
            if (!gt_outbox_mark_refused(db, ids[i], reason, gt_progress_db_now_ms(), error, error_size)) return -1;
            continue;
        }
        /* the server has it now; if this kiosk dies before the mark, the resend is a no-op */
        if (!gt_outbox_mark_sent(db, ids[i], gt_progress_db_now_ms(), error, error_size)) return -1;
        sent++;
    }
    return sent;
}

/* One pass while connected: students both ways, then the outbox until empty (refused attempts
 * again when `retry_refused` says so). False on failure. */
static bool sync_pass(GtServerSync *sync, GtServer *server, GtProgressDb *db, bool retry_refused, char *error,
                      size_t error_size) {
    if (!gt_server_share_renames(server, db, error, error_size)) return false; /* before the names travel */
    if (!gt_server_share_students(server, db, error, error_size)) return false;
    int pulled = PULL_BATCH;
    while (pulled == PULL_BATCH) /* other kiosks' attempts: the same progress on every kiosk */
        if (!gt_server_pull_attempts(server, db, PULL_BATCH, &pulled, error, error_size)) return false;
    int64_t cutoff = retry_refused ? gt_progress_db_now_ms() : 0; /* refused during this pass: not again */
    bool more = true;
    while (more) {
        int sent = send_batch(server, db, cutoff, &more, error, error_size);
        if (sent < 0) return false;
        set_connected(sync, db, sent);
        pthread_mutex_lock(&sync->lock);
        bool stop = sync->stop;
        pthread_mutex_unlock(&sync->lock);
        if (stop) break;
    }
    return true;
}

/* The thread: connect, pass, wait for a save; on trouble drop the connection and back off. */
static void *run(void *argument) {
    GtServerSync *sync = argument;
    char error[GT_SERVER_ERROR_MAX];
    GtProgressDb *db = gt_progress_db_open(sync->db_path, error, sizeof error);
    GtServer *server = NULL;
    int backoff_ms = FIRST_WAIT_MS;
    int64_t refused_tried_ms = 0;
    pthread_mutex_lock(&sync->lock);
    while (!sync->stop) {
        pthread_mutex_unlock(&sync->lock);
        bool ok = db != NULL, fresh = false;
        if (ok && !gt_server_alive(server)) {
            gt_server_close(server);
            server = gt_server_connect(sync->connection, error, sizeof error);
            ok = fresh = server != NULL;
        }
        int64_t now = gt_progress_db_now_ms();
        bool retry_refused = fresh || now - refused_tried_ms >= REFUSED_RETRY_MS;
        ok = ok && sync_pass(sync, server, db, retry_refused, error, sizeof error);
        if (ok && retry_refused) refused_tried_ms = now;
        if (!ok) {
            set_offline(sync, error, db);
            if (server && !gt_server_alive(server)) {
                gt_server_close(server);
                server = NULL;
            }
        }
        pthread_mutex_lock(&sync->lock);
        if (ok) {
            backoff_ms = FIRST_WAIT_MS;
            wait_locked(sync, IDLE_CHECK_MS, true);
        } else {
            wait_locked(sync, backoff_ms, false);
            backoff_ms = backoff_ms * 2 > sync->retry_max_ms ? sync->retry_max_ms : backoff_ms * 2;
        }
    }
    pthread_mutex_unlock(&sync->lock);
    gt_server_close(server);
    gt_progress_db_close(db);
    return NULL;
}

GtServerSync *gt_server_sync_start(const char *db_path, const char *connection, int retry_max_s, char *error,
                                   size_t error_size) {
    GtServerSync *sync = calloc(1, sizeof *sync);
    if (!sync) {
        snprintf(error, error_size, "out of memory");
        return NULL;
    }
    snprintf(sync->db_path, sizeof sync->db_path, "%s", db_path);
    snprintf(sync->connection, sizeof sync->connection, "%s", connection);
    if (retry_max_s < 1) retry_max_s = 1;
    if (retry_max_s > 3600) retry_max_s = 3600;
    sync->retry_max_ms = retry_max_s * 1000;
    sync->status.state = GT_SERVER_STARTING;
    sync->status.waiting = -1;
    pthread_mutex_init(&sync->lock, NULL);
    pthread_cond_init(&sync->wake, NULL);
    if (pthread_create(&sync->thread, NULL, run, sync) != 0) {
        snprintf(error, error_size, "the school server's sending thread could not start");
        pthread_cond_destroy(&sync->wake);
        pthread_mutex_destroy(&sync->lock);
        free(sync);
        return NULL;
    }
    return sync;
}

void gt_server_sync_nudge(GtServerSync *sync) {
    if (!sync) return;
    pthread_mutex_lock(&sync->lock);
    sync->nudged = true;
    if (sync->status.waiting >= 0) sync->status.waiting++;
    pthread_cond_broadcast(&sync->wake);
    pthread_mutex_unlock(&sync->lock);
}

void gt_server_sync_status(GtServerSync *sync, GtServerStatus *out) {
    pthread_mutex_lock(&sync->lock);
    *out = sync->status;
    pthread_mutex_unlock(&sync->lock);
}

void gt_server_status_text(const GtServerStatus *status, char *text, size_t size) {
    char waiting[64] = "", refused[GT_SERVER_ERROR_MAX + 80] = "";
    if (status->refused > 0)
        snprintf(refused, sizeof refused, "; %ld attempt%s refused by the server: %.300s", status->refused,
                 status->refused == 1 ? "" : "s", status->refused_reason);
    if (status->waiting == 0)
        snprintf(waiting, sizeof waiting, "%s", status->refused > 0 ? "all others sent" : "all attempts sent");
    else if (status->waiting > 0)
        snprintf(waiting, sizeof waiting, "%ld attempt%s waiting", status->waiting, status->waiting == 1 ? "" : "s");
    switch (status->state) {
    case GT_SERVER_STARTING:
        snprintf(text, size, "School server: connecting%s%s%s", waiting[0] ? "; " : "", waiting, refused);
        break;
    case GT_SERVER_CONNECTED: snprintf(text, size, "School server: connected; %s%s", waiting, refused); break;
    default: {
        char since[16] = "?";
        time_t seconds = (time_t)(status->offline_since_ms / 1000);
        struct tm local;
        if (localtime_r(&seconds, &local)) strftime(since, sizeof since, "%H:%M", &local);
        snprintf(text, size, "School server: offline since %s%s%s%s; this kiosk keeps saving. Why: %s", since,
                 waiting[0] ? "; " : "", waiting, refused, status->problem);
    }
    }
}

void gt_server_sync_stop(GtServerSync *sync) {
    if (!sync) return;
    pthread_mutex_lock(&sync->lock);
    sync->stop = true;
    pthread_cond_broadcast(&sync->wake);
    pthread_mutex_unlock(&sync->lock);
    pthread_join(sync->thread, NULL);
    pthread_cond_destroy(&sync->wake);
    pthread_mutex_destroy(&sync->lock);
    free(sync);
}
