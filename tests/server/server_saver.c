/* server_saver: a kiosk without a window for the school-server test. It reads the configuration
 * as the trainer does (XDG_CONFIG_HOME, XDG_DATA_HOME: its database and its "server" section),
 * starts the trainer's own outbox thread (server_sync), saves scripted attempts the way the
 * trainer does (a step's reference performance with a hand's noise, graded, one transaction)
 * and nudges the thread after each, as the trainer's save does. Output, one line each, flushed:
 *   ack <attempt UUID>        after a save returned true (the attempt is in the local database)
 *   status <staff-screen text> whenever the server status the staff screen shows changes
 *   held | synced | offline   when the mode's condition was met
 *   error <message>           on any problem (exit 1)
 *
 *   server_saver --student NAME --count N --mode sync|offline|hold [--seed S]
 *     sync:    save, then wait until the server has confirmed every attempt of this database
 *     offline: save, then wait until the status says offline (the trainer goes on saving)
 *     hold:    save, print "held", then keep the thread running until killed
 * Waits poll every 20 ms with an upper bound of 45 s; they never decide a result by length. */
#include "store_fixture.h"
#include "attempts.h"
#include "config.h"
#include "server_sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

enum { POOL_SIZE = 4, WAIT_LIMIT_MS = 45000, POLL_MS = 20 };

/* Prints the status line when it changed since the last one printed. */
static void show_status(GtServerSync *sync, GtServerStatus *status, char *last, size_t size) {
    gt_server_sync_status(sync, status);
    char text[1024];
    gt_server_status_text(status, text, sizeof text);
    if (strcmp(text, last) == 0) return;
    snprintf(last, size, "%s", text);
    printf("status %s\n", text);
    fflush(stdout);
}

/* Saves `count` attempts as `name`, acknowledging each and nudging the thread. */
static bool save_all(const char *path, const char *name, const GtLibrary *library, long count, long seed,
                     GtServerSync *sync) {
    char error[GT_DB_ERROR_MAX];
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    GtStudent student;
    bool ok = db && (gt_students_find(db, name, &student, error, sizeof error) ||
                     gt_students_add(db, name, false, &student, error, sizeof error));
    for (long i = 0; ok && i < count; i++) {
        const char *lesson = NULL;
        int step = 0;
        gt_fixture_nth_step(library, (size_t)((seed + i) % POOL_SIZE) * 5 + 1, &lesson, &step);
        GtReplay replay;
        GtScoreCard card;
        if (!gt_fixture_attempt(library, lesson, step, (uint64_t)(seed * 100 + i), &replay, &card)) {
            snprintf(error, sizeof error, "cannot build an attempt of %s step %d", lesson, step);
            ok = false;
            break;
        }
        int64_t now = gt_progress_db_now_ms();
        GtAttemptSave save = { student.id, &card, &replay, now - 30000, now };
        char id[GT_UUID_TEXT];
        ok = gt_attempts_save(db, &save, id, error, sizeof error);
        gt_replay_free(&replay);
        if (ok) {
            printf("ack %s\n", id);
            fflush(stdout);
            gt_server_sync_nudge(sync);
        }
    }
    if (!ok) printf("error %s\n", error);
    gt_progress_db_close(db);
    return ok;
}

/* Waits for the mode's condition; false after 45 s. */
static bool wait_for(const char *mode, const char *path, GtServerSync *sync) {
    char last[1024] = "", error[GT_DB_ERROR_MAX];
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    bool met = false;
    for (int waited = 0; db && !met && waited < WAIT_LIMIT_MS; waited += POLL_MS) {
        GtServerStatus status;
        show_status(sync, &status, last, sizeof last);
        if (strcmp(mode, "offline") == 0) met = status.state == GT_SERVER_OFFLINE;
        else met = status.state == GT_SERVER_CONNECTED && gt_outbox_waiting(db) == 0;
        if (!met) nanosleep(&(struct timespec){ 0, POLL_MS * 1000000L }, NULL);
    }
    if (!db) printf("error %s\n", error);
    gt_progress_db_close(db);
    return met;
}

int main(int argc, char **argv) {
    const char *name = "Saver", *mode = "sync";
    long count = 1, seed = 1;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--student") == 0) name = argv[i + 1];
        else if (strcmp(argv[i], "--count") == 0) count = atol(argv[i + 1]);
        else if (strcmp(argv[i], "--mode") == 0) mode = argv[i + 1];
        else if (strcmp(argv[i], "--seed") == 0) seed = atol(argv[i + 1]);
    }
    GtConfig config;
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_config_load(&config, NULL, 0, NULL, &diag) && config.server[0];
    if (!ok) printf("error the configuration has problems or no server section\n");
    GtLibrary library;
    bool loaded = ok && gt_library_load(&library, GT_SOURCE_DIR, &diag);
    if (ok && !loaded) printf("error the bundled library did not load\n");
    ok = loaded;
    char error[GT_DB_ERROR_MAX];
    GtServerSync *sync = NULL;
    if (ok) { /* the database exists (with its schema) before the thread opens it */
        GtProgressDb *db = gt_progress_db_open(config.database, error, sizeof error);
        gt_progress_db_close(db);
        sync = db ? gt_server_sync_start(config.database, config.server, config.server_retry_max_s, error,
                                         sizeof error) : NULL;
        if (!sync) printf("error %s\n", error);
        ok = sync && save_all(config.database, name, &library, count, seed, sync);
    }
    if (ok && strcmp(mode, "hold") == 0) {
        printf("held\n");
        fflush(stdout);
        for (;;) pause();
    }
    if (ok && !(ok = wait_for(mode, config.database, sync))) printf("error waited 45 s: no %s\n", mode);
    else if (ok) printf("%s\n", mode[0] == 'o' ? "offline" : "synced");
    fflush(stdout);
    gt_server_sync_stop(sync);
    if (loaded) gt_library_free(&library);
    gt_config_free(&config);
    gt_diag_free(&diag);
    return ok ? 0 : 1;
}
