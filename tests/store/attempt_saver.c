/* attempt_saver: saves scripted attempts into a progress database the way the trainer does (a
 * step's reference performance with a hand's noise, graded by the engine, saved in one
 * transaction) and prints one acknowledgement line per completed save, flushed at once:
 *   ack <attempt UUID> <pool index>
 * A line is printed only after the save returned true, so every acknowledged attempt must be in
 * the database, however the program ends.
 *
 *   attempt_saver --count N --student NAME DB   save N attempts as NAME, then exit 0
 *   attempt_saver --zygote DB                    grade the pool once, print "ready", then per
 *       stdin line "go START" fork a worker that prints "worker PID" and saves from pool entry
 *       START on until killed; "finish START N" forks one that saves N and exits 0. After each
 *       worker ends: "ended PID STATUS" (STATUS: "signal 9", "exit 0", ...). Forking from a
 *       process that already holds the graded pool lets the kill test restart a saver hundreds
 *       of times in seconds; each worker opens its own connection, as a restarted trainer would.
 * Problems go to stdout as "error <message>" lines (the test fails on them). */
#include "store_fixture.h"
#include "attempts.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { POOL_SIZE = 24 };

typedef struct Pool {
    GtReplay replays[POOL_SIZE];
    GtScoreCard cards[POOL_SIZE];
} Pool;

/* Grades the pool: pool entry k is the k-th step of the library with noise seed 1000 + k. */
static bool build_pool(const GtLibrary *library, Pool *pool) {
    for (size_t k = 0; k < POOL_SIZE; k++) {
        const char *lesson = NULL;
        int step = 0;
        gt_fixture_nth_step(library, k * 5 + 1, &lesson, &step);
        if (!gt_fixture_attempt(library, lesson, step, 1000 + k, &pool->replays[k], &pool->cards[k])) {
            printf("error cannot build attempt %zu (%s step %d)\n", k, lesson, step);
            return false;
        }
    }
    return true;
}

/* Opens the database and finds (or adds) the student; NULL after printing an error line. */
static GtProgressDb *open_as(const char *path, const char *name, int64_t *student_id) {
    char error[GT_DB_ERROR_MAX];
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    GtStudent student;
    if (db && !gt_students_find(db, name, &student, error, sizeof error) &&
        !gt_students_add(db, name, false, &student, error, sizeof error) &&
        !gt_students_find(db, name, &student, error, sizeof error)) { /* another saver added it first */
        gt_progress_db_close(db);
        db = NULL;
    }
    if (!db) {
        printf("error %s\n", error);
        fflush(stdout);
        return NULL;
    }
    *student_id = student.id;
    return db;
}

/* Saves `count` attempts (forever when count < 0) from pool entry `start` on, acknowledging each. */
static int save_loop(const char *path, const char *name, const Pool *pool, long start, long count) {
    int64_t student = 0;
    GtProgressDb *db = open_as(path, name, &student);
    if (!db) return 1;
    for (long i = start; count < 0 || i < start + count; i++) {
        size_t k = (size_t)(i % POOL_SIZE);
        int64_t now = gt_progress_db_now_ms();
        GtAttemptSave save = { student, &pool->cards[k], &pool->replays[k], now - 30000, now };
        char id[GT_UUID_TEXT], error[GT_DB_ERROR_MAX];
        if (!gt_attempts_save(db, &save, id, error, sizeof error)) {
            printf("error %s\n", error);
            fflush(stdout);
            gt_progress_db_close(db);
            return 1;
        }
        printf("ack %s %zu\n", id, k);
        fflush(stdout);
    }
    gt_progress_db_close(db);
    return 0;
}

/* Forks a worker for one command and reports how it ended. */
static void run_worker(const char *path, const Pool *pool, long start, long count) {
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        printf("error fork failed\n");
        return;
    }
    if (pid == 0) {
        printf("worker %ld\n", (long)getpid());
        fflush(stdout);
        int code = save_loop(path, "Kill Test", pool, start, count);
        fflush(stdout);
        _exit(code);
    }
    int status = 0;
    while (waitpid(pid, &status, 0) < 0) { /* EINTR */ }
    if (WIFSIGNALED(status)) printf("ended %ld signal %d\n", (long)pid, WTERMSIG(status));
    else printf("ended %ld exit %d\n", (long)pid, WEXITSTATUS(status));
    fflush(stdout);
}

/* Serves "go" and "finish" lines until standard input ends. */
static int zygote(const char *path, const Pool *pool) {
    printf("ready\n");
    fflush(stdout);
    char line[128];
    while (fgets(line, sizeof line, stdin)) {
        long start = 0, count = 0;
        if (sscanf(line, "go %ld", &start) == 1) run_worker(path, pool, start, -1);
        else if (sscanf(line, "finish %ld %ld", &start, &count) == 2) run_worker(path, pool, start, count);
        else printf("error unknown command %s", line);
        fflush(stdout);
    }
    return 0;
}

int main(int argc, char **argv) {
    long count = 0;
    const char *student = "Saver", *path = NULL;
    bool serve = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--count") == 0 && i + 1 < argc) count = atol(argv[++i]);
        else if (strcmp(argv[i], "--student") == 0 && i + 1 < argc) student = argv[++i];
        else if (strcmp(argv[i], "--zygote") == 0) serve = true;
        else path = argv[i];
    }
    if (!path || (!serve && count <= 0)) {
        fprintf(stderr, "usage: attempt_saver (--count N --student NAME | --zygote) DB\n");
        return 2;
    }
    GtLibrary library;
    GtDiag diag;
    gt_diag_init(&diag);
    bool loaded = gt_library_load(&library, GT_SOURCE_DIR, &diag);
    gt_diag_free(&diag);
    static Pool pool;
    int code = 1;
    if (!loaded) printf("error the bundled library did not load\n");
    else if (build_pool(&library, &pool)) code = serve ? zygote(path, &pool) : save_loop(path, student, &pool, 0, count);
    for (size_t k = 0; k < POOL_SIZE; k++) gt_replay_free(&pool.replays[k]);
    gt_library_free(&library);
    return code;
}
