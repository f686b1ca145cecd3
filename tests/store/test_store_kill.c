/* Nothing lost: a saver is SIGKILLed at random (seeded) moments hundreds of times while it saves
 * scripted attempts; afterwards every attempt whose save it acknowledged is in the database,
 * whole (criteria, safety, replay byte for byte, re-graded to the same total), PRAGMA
 * integrity_check is ok, and once the last program closes no journal, WAL or temporary is left.
 * Then two savers write to one database at once and lose nothing. Figures go to stderr. */
#include "test_support.h"
#include "store_fixture.h"
#include "attempts.h"
#include "loaders.h"
#include "noise.h"
#include "replay_write.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Each cycle waits for 0-3 acknowledgements (drawn from the seed), then 0-20 ms more, then kills:
 * a quarter of the kills land while the saver starts and opens the database, the rest among
 * saves, whatever the machine's load. */
enum { KILLS = 300, MAX_ACKS_FIRST = 3, MAX_DELAY_US = 20000, MAX_ACKS = 20000 };

/* Lines from a child's stdout, with a deadline. */
typedef struct Reader {
    int fd;
    char buffer[1 << 16];
    size_t length;
} Reader;

static int64_t now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

/* Reads one line (without its newline) into `line`: 1 when read, 0 when `deadline_us` (or -1: wait
 * as long as it takes) passed first, -1 at the end of the output. */
static int read_line(Reader *r, char *line, size_t size, int64_t deadline_us) {
    for (;;) {
        char *newline = memchr(r->buffer, '\n', r->length);
        if (newline) {
            size_t n = (size_t)(newline - r->buffer);
            snprintf(line, size, "%.*s", (int)n, r->buffer);
            memmove(r->buffer, newline + 1, r->length - n - 1);
            r->length -= n + 1;
            return 1;
        }
        int timeout = -1;
        if (deadline_us >= 0) {
            int64_t left = deadline_us - now_us();
            if (left <= 0) return 0;
            timeout = (int)((left + 999) / 1000);
        }
        struct pollfd p = { r->fd, POLLIN, 0 };
        int ready = poll(&p, 1, timeout);
        if (ready < 0 && errno == EINTR) continue;
        if (ready == 0) return 0;
        ssize_t got = read(r->fd, r->buffer + r->length, sizeof r->buffer - r->length);
        if (got < 0 && errno == EINTR) continue;
        if (got <= 0) return -1;
        r->length += (size_t)got;
    }
}

/* Starts attempt_saver with `args`; its stdin in *in (or closed when in is NULL), stdout in reader. */
static pid_t start_saver(const char *const *args, int *in, Reader *reader) {
    int to_child[2], from_child[2];
    assert_int_equal(pipe(to_child), 0);
    assert_int_equal(pipe(from_child), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        dup2(to_child[0], STDIN_FILENO);
        dup2(from_child[1], STDOUT_FILENO);
        close(to_child[0]);
        close(to_child[1]);
        close(from_child[0]);
        close(from_child[1]);
        execv(GT_ATTEMPT_SAVER, (char *const *)args);
        _exit(127);
    }
    close(to_child[0]);
    close(from_child[1]);
    if (in) *in = to_child[1];
    else close(to_child[1]);
    reader->fd = from_child[0];
    reader->length = 0;
    return pid;
}

typedef struct Ack {
    char id[GT_UUID_TEXT];
    int pool;
} Ack;

typedef struct Tally {
    Ack *acks;
    size_t count;
    size_t asked;                  /* acks waited for before the random delay, over all kills */
    int kills, kills_before_first_ack;
} Tally;

/* Handles one line of saver output; fails the test on an error line. Returns true for an ack. */
static bool take_line(Tally *tally, const char *line) {
    if (strncmp(line, "error ", 6) == 0) fail_msg("the saver failed: %s", line + 6);
    Ack ack;
    if (sscanf(line, "ack %36s %d", ack.id, &ack.pool) != 2) return false;
    assert_true(tally->count < MAX_ACKS);
    tally->acks[tally->count++] = ack;
    return true;
}

/* One kill cycle: start a worker, read `first` acks and then more until a random moment, SIGKILL
 * it, read the rest. */
static void kill_cycle(int in, Reader *out, GtRng *rng, long start, Tally *tally) {
    char line[256];
    size_t first = (size_t)(gt_rng_next(rng) % (MAX_ACKS_FIRST + 1));
    dprintf(in, "go %ld\n", start);
    long pid = 0;
    while (read_line(out, line, sizeof line, -1) == 1 && sscanf(line, "worker %ld", &pid) != 1) take_line(tally, line);
    assert_true(pid > 0);
    size_t before = tally->count;
    while (tally->count < before + first) {
        assert_int_equal(read_line(out, line, sizeof line, -1), 1);
        take_line(tally, line);
    }
    int64_t deadline = now_us() + (int64_t)(gt_rng_uniform(rng) * MAX_DELAY_US);
    int got;
    while ((got = read_line(out, line, sizeof line, deadline)) == 1) take_line(tally, line);
    assert_int_equal(got, 0);
    tally->asked += first;
    assert_int_equal(kill((pid_t)pid, SIGKILL), 0);
    char ended[64];
    snprintf(ended, sizeof ended, "ended %ld signal 9", pid);
    while (read_line(out, line, sizeof line, -1) == 1 && strcmp(line, ended) != 0) {
        assert_null(strstr(line, "ended")); /* the worker must die by the kill, not by itself */
        take_line(tally, line);
    }
    tally->kills++;
    if (tally->count == before) tally->kills_before_first_ack++;
}

/* Checks every acknowledged attempt against the pool entry it was saved from: present, its replay
 * byte for byte, its criteria; each distinct replay re-graded from the stored text. */
static void check_acks(const char *path, const Tally *tally, long *found) {
    char error[GT_DB_ERROR_MAX];
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    assert_non_null(db);
    char *expected_json[24] = { 0 };
    GtScoreCard *cards = calloc(24, sizeof *cards);
    assert_non_null(cards);
    for (int k = 0; k < 24; k++) {
        const char *lesson = NULL;
        int step = 0;
        GtReplay replay;
        gt_fixture_nth_step(&gt_test_library, (size_t)k * 5 + 1, &lesson, &step);
        assert_true(gt_fixture_attempt(&gt_test_library, lesson, step, 1000 + (uint64_t)k, &replay, &cards[k]));
        expected_json[k] = gt_replay_to_json(&replay);
        gt_replay_free(&replay);
    }
    bool regraded[24] = { false };
    GtStoredAttempt *stored = malloc(sizeof *stored);
    *found = 0;
    for (size_t i = 0; i < tally->count; i++) {
        const Ack *ack = &tally->acks[i];
        if (!gt_attempts_load(db, ack->id, true, stored, error, sizeof error)) fail_msg("acknowledged %s: %s", ack->id, error);
        const GtScoreCard *card = &cards[ack->pool];
        assert_string_equal(stored->replay_json, expected_json[ack->pool]);
        assert_true(stored->total == card->total);
        assert_int_equal(stored->criterion_count, card->criterion_count);
        assert_int_equal(stored->safety_count, card->safety_count);
        for (size_t c = 0; c < card->criterion_count; c++) {
            assert_string_equal(stored->criteria[c].name, gt_criterion_name(card->criteria[c].criterion));
            assert_true(stored->criteria[c].score == card->criteria[c].score);
        }
        if (!regraded[ack->pool]) {
            GtDiag diag;
            gt_diag_init(&diag);
            GtReplay replay;
            GtScoreCard again;
            assert_true(gt_load_replay("stored", stored->replay_json, strlen(stored->replay_json), &diag, &replay));
            assert_true(gt_fixture_regrade(&gt_test_library, &replay, &again));
            assert_true(again.total == stored->total);
            gt_replay_free(&replay);
            gt_diag_free(&diag);
            regraded[ack->pool] = true;
        }
        gt_stored_attempt_free(stored);
        (*found)++;
    }
    char report[256];
    bool ok = gt_progress_db_check(db, report, sizeof report);
    if (!ok) fail_msg("integrity_check: %s", report);
    free(stored);
    free(cards);
    for (int k = 0; k < 24; k++) free(expected_json[k]);
    gt_progress_db_close(db);
}

static void test_kill_at_random_moments(void **state) {
    (void)state;
    char dir[256], path[320], names[4096];
    assert_true(gt_fixture_temp_dir("kill", dir, sizeof dir));
    snprintf(path, sizeof path, "%s/progress.db", dir);
    const char *args[] = { GT_ATTEMPT_SAVER, "--zygote", path, NULL };
    int in = -1;
    Reader *out = malloc(sizeof *out);
    pid_t zygote = start_saver(args, &in, out);
    char line[256];
    assert_int_equal(read_line(out, line, sizeof line, -1), 1);
    if (strcmp(line, "ready") != 0) fail_msg("the saver did not start: %s", line);
    Tally tally = { calloc(MAX_ACKS, sizeof(Ack)), 0, 0, 0, 0 };
    GtRng rng = gt_rng_seeded(20240808);
    long start = 0;
    for (int k = 0; k < KILLS; k++) {
        size_t before = tally.count;
        kill_cycle(in, out, &rng, start, &tally);
        start += (long)(tally.count - before) + 1;
    }
    size_t killed_acks = tally.count;
    dprintf(in, "finish %ld 5\n", start); /* a last run that closes properly */
    while (read_line(out, line, sizeof line, -1) == 1 && strncmp(line, "ended", 5) != 0) take_line(&tally, line);
    assert_non_null(strstr(line, "exit 0"));
    close(in);
    int status = 0;
    assert_int_equal(waitpid(zygote, &status, 0), zygote);
    assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    close(out->fd);
    free(out);

    long found = 0;
    check_acks(path, &tally, &found);
    long rows = gt_fixture_sql_number(path, "SELECT count(*) FROM attempts");
    fprintf(stderr, "kill test: %d kills (%d before a first save), %zu attempts acknowledged (%zu under kills, 5 "
            "in the last clean run), %ld found intact, %ld saved but killed before acknowledging, integrity ok\n",
            tally.kills, tally.kills_before_first_ack, tally.count, killed_acks, found, rows - found);
    assert_int_equal(found, (long)tally.count);
    assert_true(rows >= found);
    assert_true(killed_acks >= tally.asked); /* the kills landed among saves, not only at start-up */
    assert_true(tally.kills_before_first_ack > 0);
    /* nothing left over once closed: no WAL, no shared memory, no journal, no temporary */
    int entries = gt_fixture_list_dir(dir, names, sizeof names);
    fprintf(stderr, "kill test: data folder after the last close holds: %s\n", names);
    assert_int_equal(entries, 1);
    assert_string_equal(names, "progress.db");
    free(tally.acks);
    gt_fixture_remove_tree(dir);
}

/* Two programs saving to one database at the same moment lose nothing (WAL + busy timeout). */
static void test_two_savers_at_once(void **state) {
    (void)state;
    char dir[256], path[320], line[256];
    assert_true(gt_fixture_temp_dir("two-savers", dir, sizeof dir));
    snprintf(path, sizeof path, "%s/progress.db", dir);
    const char *first[] = { GT_ATTEMPT_SAVER, "--count", "40", "--student", "Anna", path, NULL };
    const char *second[] = { GT_ATTEMPT_SAVER, "--count", "40", "--student", "Ben", path, NULL };
    Reader *readers = malloc(2 * sizeof *readers);
    pid_t pids[2] = { start_saver(first, NULL, &readers[0]), start_saver(second, NULL, &readers[1]) };
    Tally tally = { calloc(MAX_ACKS, sizeof(Ack)), 0, 0, 0, 0 };
    size_t per_saver[2] = { 0, 0 };
    for (int s = 0; s < 2; s++) {
        size_t before = tally.count;
        while (read_line(&readers[s], line, sizeof line, -1) == 1) take_line(&tally, line);
        per_saver[s] = tally.count - before;
        int status = 0;
        assert_int_equal(waitpid(pids[s], &status, 0), pids[s]);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        close(readers[s].fd);
    }
    free(readers);
    long found = 0;
    check_acks(path, &tally, &found);
    fprintf(stderr, "two savers at once: %zu + %zu acknowledged, %ld found, %lld rows\n", per_saver[0], per_saver[1],
            found, gt_fixture_sql_number(path, "SELECT count(*) FROM attempts"));
    assert_int_equal(per_saver[0], 40);
    assert_int_equal(per_saver[1], 40);
    assert_int_equal(found, 80);
    assert_int_equal(gt_fixture_sql_number(path, "SELECT count(*) FROM attempts"), 80);
    assert_int_equal(gt_fixture_sql_number(path, "SELECT count(DISTINCT student_id) FROM attempts"), 2);
    free(tally.acks);
    gt_fixture_remove_tree(dir);
}

int main(void) {
    signal(SIGPIPE, SIG_IGN);
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kill_at_random_moments),
        cmocka_unit_test(test_two_savers_at_once),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
