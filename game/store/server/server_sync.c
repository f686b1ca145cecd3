/* server_sync: the outbox thread. */
#include "server_sync.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

enum { BATCH = 32, PULL_BATCH = 200, FIRST_WAIT_MS = 250, IDLE_CHECK_MS = 30000 };

struct GtServerSync {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool stop, nudged;
    GtServerStatus status;
    char db_path[4096];
    char connection[1024];
    int retry_max_ms;
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

/* Records a failure: offline (since the first miss), with its reason. */
static void set_offline(GtServerSync *sync, const char *problem, long waiting) {
    pthread_mutex_lock(&sync->lock);
    if (sync->status.state != GT_SERVER_OFFLINE || !sync->status.offline_since_ms)
        sync->status.offline_since_ms = gt_progress_db_now_ms();
    sync->status.state = GT_SERVER_OFFLINE;
    snprintf(sync->status.problem, sizeof sync->status.problem, "%s", problem);
    if (waiting >= 0) sync->status.waiting = waiting;
    pthread_mutex_unlock(&sync->lock);
}

/* Records that the server answered, with how many attempts still wait and how many went. */
static void set_connected(GtServerSync *sync, long waiting, long newly_sent) {
    pthread_mutex_lock(&sync->lock);
    sync->status.state = GT_SERVER_CONNECTED;
    sync->status.offline_since_ms = 0;
    sync->status.problem[0] = '\0';
    if (waiting >= 0) sync->status.waiting = waiting;
    sync->status.sent += newly_sent;
    pthread_mutex_unlock(&sync->lock);
}

/* Sends one batch of the outbox; returns how many were sent, -1 after a failure (said in
 * `error`). *more says whether the batch was full (there may be more). */
static int send_batch(GtServer *server, GtProgressDb *db, bool *more, char *error, size_t error_size) {
    char ids[BATCH][40];
    int n = gt_outbox_next(db, ids, BATCH, error, error_size);
    *more = n == BATCH;
    if (n < 0) return -1;
    for (int i = 0; i < n; i++) {
        if (!gt_server_send_attempt(server, db, ids[i], error, error_size)) return -1;
        /* the server has it now; if this kiosk dies before the mark, the resend is a no-op */
        if (!gt_outbox_mark_sent(db, ids[i], gt_progress_db_now_ms(), error, error_size)) return -1;
    }
    return n;
}

/* One pass while connected: students both ways, then the outbox until empty. False on failure. */
static bool sync_pass(GtServerSync *sync, GtServer *server, GtProgressDb *db, char *error, size_t error_size) {
    if (!gt_server_share_students(server, db, error, error_size)) return false;
    int pulled = PULL_BATCH;
    while (pulled == PULL_BATCH) /* other kiosks' attempts: the same progress on every kiosk */
        if (!gt_server_pull_attempts(server, db, PULL_BATCH, &pulled, error, error_size)) return false;
    bool more = true;
    while (more) {
        int sent = send_batch(server, db, &more, error, error_size);
        if (sent < 0) return false;
        set_connected(sync, gt_outbox_waiting(db), sent);
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
    pthread_mutex_lock(&sync->lock);
    while (!sync->stop) {
        pthread_mutex_unlock(&sync->lock);
        bool ok = db != NULL;
        if (ok && !gt_server_alive(server)) {
            gt_server_close(server);
            server = gt_server_connect(sync->connection, error, sizeof error);
            ok = server != NULL;
        }
        ok = ok && sync_pass(sync, server, db, error, sizeof error);
        if (!ok) {
            set_offline(sync, error, db ? gt_outbox_waiting(db) : -1);
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
    char waiting[64] = "";
    if (status->waiting == 0) snprintf(waiting, sizeof waiting, "all attempts sent");
    else if (status->waiting > 0)
        snprintf(waiting, sizeof waiting, "%ld attempt%s waiting", status->waiting, status->waiting == 1 ? "" : "s");
    switch (status->state) {
    case GT_SERVER_STARTING:
        snprintf(text, size, "School server: connecting%s%s", waiting[0] ? "; " : "", waiting);
        break;
    case GT_SERVER_CONNECTED: snprintf(text, size, "School server: connected; %s", waiting); break;
    default: {
        char since[16] = "?";
        time_t seconds = (time_t)(status->offline_since_ms / 1000);
        struct tm local;
        if (localtime_r(&seconds, &local)) strftime(since, sizeof since, "%H:%M", &local);
        snprintf(text, size, "School server: offline since %s%s%s; this kiosk keeps saving. Why: %s", since,
                 waiting[0] ? "; " : "", waiting, status->problem);
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
