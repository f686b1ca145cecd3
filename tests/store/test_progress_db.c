/* The progress database as a student, an instructor and a kiosk see it: students by name, an
 * attempt saved whole and read back identical, the progress screen's queries, an older database
 * migrated without losing anything, and the older file store imported once. TZ is UTC here. */
#include "test_support.h"
#include "store_fixture.h"
#include "attempts.h"
#include "loaders.h"
#include "practice_query.h"
#include "progress_import.h"
#include "progress_query.h"
#include "replay_write.h"
#include "storage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

typedef struct Fixture {
    char dir[256];
    char path[320];
    GtProgressDb *db;
    char error[GT_DB_ERROR_MAX];
} Fixture;

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    if (!f || !gt_fixture_temp_dir("progress-db", f->dir, sizeof f->dir)) return -1;
    snprintf(f->path, sizeof f->path, "%s/progress.db", f->dir);
    f->db = gt_progress_db_open(f->path, f->error, sizeof f->error);
    if (!f->db) {
        fprintf(stderr, "open: %s\n", f->error);
        return -1;
    }
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    gt_progress_db_close(f->db);
    gt_fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

/* Adds a student and returns their id (fails the test when it cannot). */
static int64_t add_student(Fixture *f, const char *name) {
    GtStudent student;
    bool ok = gt_students_add(f->db, name, false, &student, f->error, sizeof f->error);
    if (!ok) fprintf(stderr, "add %s: %s\n", name, f->error);
    assert_true(ok);
    return student.id;
}

/* Saves a scripted attempt of the n-th step at `finished_ms` lasting `seconds`; its id in `id`. */
static void save_attempt(Fixture *f, int64_t student, const char *lesson, int step, uint64_t seed,
                         int64_t finished_ms, int seconds, char id[GT_UUID_TEXT], GtScoreCard *card_out) {
    GtReplay replay;
    GtScoreCard card;
    assert_true(gt_fixture_attempt(&gt_test_library, lesson, step, seed, &replay, &card));
    GtAttemptSave save = { student, &card, &replay, finished_ms - seconds * 1000, finished_ms };
    bool ok = gt_attempts_save(f->db, &save, id, f->error, sizeof f->error);
    if (!ok) fprintf(stderr, "save: %s\n", f->error);
    assert_true(ok);
    if (card_out) *card_out = card;
    gt_replay_free(&replay);
}

/* Saves effleurage (lower-back-basics step 1) pressed a quarter as hard as shown: far too light. */
static void save_light_attempt(Fixture *f, int64_t student, int64_t finished_ms, int seconds, GtScoreCard *card) {
    GtReplay replay;
    assert_true(gt_fixture_attempt(&gt_test_library, "lower-back-basics", 1, 12, &replay, card));
    for (size_t c = 0; c < replay.contact_count; c++)
        for (size_t k = 0; k < replay.contacts[c].count; k++) replay.contacts[c].samples[k].pressure *= 0.25;
    assert_true(gt_fixture_regrade(&gt_test_library, &replay, card));
    GtAttemptSave save = { student, card, &replay, finished_ms - seconds * 1000, finished_ms };
    char id[GT_UUID_TEXT];
    assert_true(gt_attempts_save(f->db, &save, id, f->error, sizeof f->error));
    gt_replay_free(&replay);
}

/* A new database is WAL, at the current schema, checks foreign keys and passes integrity_check. */
static void test_new_database_is_set_up(void **state) {
    Fixture *f = *state;
    assert_int_equal(gt_progress_db_version(f->db), GT_PROGRESS_DB_VERSION);
    char mode[16];
    gt_fixture_sql_text(f->path, "PRAGMA journal_mode", mode, sizeof mode);
    assert_string_equal(mode, "wal");
    assert_int_equal(gt_fixture_sql_number(f->path, "PRAGMA user_version"), GT_PROGRESS_DB_VERSION);
    char report[256];
    assert_true(gt_progress_db_check(f->db, report, sizeof report));
    /* a database in a folder that does not exist yet makes the folder */
    char nested[400];
    snprintf(nested, sizeof nested, "%s/kiosk/data/progress.db", f->dir);
    GtProgressDb *db = gt_progress_db_open(nested, f->error, sizeof f->error);
    assert_non_null(db);
    gt_progress_db_close(db);
    /* foreign keys are on: an attempt cannot belong to a student who does not exist */
    GtReplay replay;
    GtScoreCard card;
    assert_true(gt_fixture_attempt(&gt_test_library, "lower-back-basics", 1, 0, &replay, &card));
    GtAttemptSave save = { 4242, &card, &replay, 1000, 2000 };
    char id[GT_UUID_TEXT];
    assert_false(gt_attempts_save(f->db, &save, id, f->error, sizeof f->error));
    assert_non_null(strstr(f->error, "no longer in the database"));
    assert_string_equal(id, "");
    assert_int_equal(gt_attempts_count(f->db, 0), 0);
    gt_replay_free(&replay);
}

/* Names are unique whatever their case, cleaned, and a typo gets "did you mean". */
static void test_students_by_name(void **state) {
    Fixture *f = *state;
    int64_t anna = add_student(f, "  Anna   Lee ");
    add_student(f, "Zoë");
    GtStudent s;
    assert_false(gt_students_add(f->db, "anna lee", false, &s, f->error, sizeof f->error));
    assert_string_equal(f->error, "There is already a student called Anna Lee");
    assert_false(gt_students_add(f->db, "ZOË", false, &s, f->error, sizeof f->error));
    assert_string_equal(f->error, "There is already a student called Zoë");
    assert_false(gt_students_add(f->db, "  ", false, &s, f->error, sizeof f->error));
    assert_string_equal(f->error, "A name needs at least one letter or digit");
    assert_false(gt_students_add(f->db, "A\x01", false, &s, f->error, sizeof f->error));
    assert_false(gt_students_add(f->db, "12345678901234567890123456789012345678901", false, &s, f->error,
                                 sizeof f->error));
    assert_string_equal(f->error, "A name has at most 40 characters");
    assert_true(gt_students_find(f->db, "ANNA  LEE", &s, f->error, sizeof f->error));
    assert_int_equal(s.id, anna);
    assert_string_equal(s.name, "Anna Lee");
    assert_false(gt_students_find(f->db, "Ana Lee", &s, f->error, sizeof f->error));
    assert_string_equal(f->error, "No student is called Ana Lee (did you mean Anna Lee?)");
    /* renaming keeps the id; changing only the case is fine; taking another's name is not */
    assert_true(gt_students_rename(f->db, anna, "anna lee", false, f->error, sizeof f->error));
    assert_true(gt_students_get(f->db, anna, &s, f->error, sizeof f->error));
    assert_string_equal(s.name, "anna lee");
    assert_false(gt_students_rename(f->db, anna, "zoë", false, f->error, sizeof f->error));
    assert_string_equal(f->error, "There is already a student called Zoë");
    /* the rename that happened is noted once, for a school server to spread; the refused one not */
    assert_int_equal(gt_fixture_sql_number(f->path, "SELECT count(*) FROM student_renames WHERE old_key = 'anna lee' "
                                                    "AND new_name = 'anna lee' AND synced_ms IS NULL"), 1);
    assert_int_equal(gt_fixture_sql_number(f->path, "SELECT count(*) FROM student_renames"), 1);
    GtStudentList list;
    assert_true(gt_students_list(f->db, &list, f->error, sizeof f->error));
    assert_int_equal(list.count, 2);
    assert_string_equal(list.items[0].name, "anna lee");
    assert_string_equal(list.items[1].name, "Zoë");
    gt_student_list_free(&list);
    /* settings are remembered per student */
    char *settings = NULL;
    assert_true(gt_students_settings(f->db, anna, &settings, f->error, sizeof f->error));
    assert_string_equal(settings, "{}");
    free(settings);
    assert_true(gt_students_set_settings(f->db, anna, "{\"large_text\":true}", f->error, sizeof f->error));
    assert_false(gt_students_set_settings(f->db, anna, "[1]", f->error, sizeof f->error));
    assert_true(gt_students_settings(f->db, anna, &settings, f->error, sizeof f->error));
    assert_string_equal(settings, "{\"large_text\":true}");
    free(settings);
}

/* What was saved reads back as it was shown: card, criteria, safety, completion and the replay,
 * which grades to the same total again. A guest saves nothing. */
static void test_attempt_round_trip(void **state) {
    Fixture *f = *state;
    int64_t anna = add_student(f, "Anna");
    char id[GT_UUID_TEXT];
    GtScoreCard card;
    save_attempt(f, anna, "lower-back-basics", 3, 7, 1700000000000, 40, id, &card);
    assert_true(gt_uuid_valid(id));
    assert_int_equal(id[14], '4');
    GtStoredAttempt stored;
    assert_true(gt_attempts_load(f->db, id, true, &stored, f->error, sizeof f->error));
    assert_string_equal(stored.student, "Anna");
    assert_string_equal(stored.lesson, "lower-back-basics");
    assert_int_equal(stored.step, 3);
    assert_string_equal(stored.technique, card.technique);
    assert_true(stored.total == card.total);
    assert_string_equal(stored.grade, card.grade);
    assert_int_equal(stored.passed, card.passed);
    assert_string_equal(stored.verdict, gt_verdict_name(card.verdict));
    assert_int_equal(stored.criterion_count, card.criterion_count);
    for (size_t i = 0; i < card.criterion_count; i++) {
        bool found = false;
        for (size_t k = 0; k < stored.criterion_count; k++) {
            if (strcmp(stored.criteria[k].name, gt_criterion_name(card.criteria[i].criterion)) != 0) continue;
            found = true;
            assert_true(stored.criteria[k].score == card.criteria[i].score);
            assert_string_equal(stored.criteria[k].feedback, card.criteria[i].feedback);
        }
        assert_true(found);
    }
    assert_int_equal(stored.completion_applies, card.completion.applies);
    assert_int_equal(stored.started_ms, 1700000000000 - 40000);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay replay;
    assert_true(gt_load_replay("stored", stored.replay_json, strlen(stored.replay_json), &diag, &replay));
    GtScoreCard again;
    assert_true(gt_fixture_regrade(&gt_test_library, &replay, &again));
    assert_true(again.total == card.total);
    gt_replay_free(&replay);
    gt_diag_free(&diag);
    gt_stored_attempt_free(&stored);

    GtReplay guest_replay;
    GtScoreCard guest_card;
    assert_true(gt_fixture_attempt(&gt_test_library, "lower-back-basics", 1, 3, &guest_replay, &guest_card));
    GtAttemptSave guest = { 0, &guest_card, &guest_replay, 0, 1000 };
    assert_false(gt_attempts_save(f->db, &guest, id, f->error, sizeof f->error));
    assert_string_equal(f->error, "no student is signed in: a guest's attempts are not kept");
    assert_int_equal(gt_attempts_count(f->db, 0), 1);
    gt_replay_free(&guest_replay);
}

/* An unsafe attempt keeps its safety entries, and counts as no mark. */
static void test_unsafe_attempt_kept_with_safety(void **state) {
    Fixture *f = *state;
    int64_t anna = add_student(f, "Anna");
    GtReplay replay;
    GtScoreCard card;
    assert_true(gt_fixture_attempt(&gt_test_library, "lower-back-basics", 1, 0, &replay, &card));
    for (size_t c = 0; c < replay.contact_count; c++)
        for (size_t k = 0; k < replay.contacts[c].count; k++) replay.contacts[c].samples[k].pressure = 1.0;
    assert_true(gt_fixture_regrade(&gt_test_library, &replay, &card));
    assert_int_equal(card.verdict, GT_VERDICT_UNSAFE);
    assert_true(card.safety_count > 0);
    GtAttemptSave save = { anna, &card, &replay, 1000, 61000 };
    char id[GT_UUID_TEXT];
    assert_true(gt_attempts_save(f->db, &save, id, f->error, sizeof f->error));
    GtStoredAttempt stored;
    assert_true(gt_attempts_load(f->db, id, false, &stored, f->error, sizeof f->error));
    assert_string_equal(stored.verdict, "unsafe");
    assert_int_equal(stored.safety_count, card.safety_count);
    assert_string_equal(stored.safety[0].message, card.safety[0].message);
    assert_string_equal(stored.safety[0].kind, gt_safety_kind_name(card.safety[0].kind));
    assert_null(stored.replay_json);
    GtProgress marks;
    assert_true(gt_query_marks(f->db, anna, &marks, f->error, sizeof f->error));
    const GtProgressEntry *e = gt_progress_find(&marks, "lower-back-basics", 1);
    assert_non_null(e);
    assert_true(e->best == 0.0);
    assert_int_equal(e->attempts, 1);
    assert_int_equal(e->passes, 0);
    gt_progress_free(&marks);
    int kinds[GT_SAFETY_KIND_COUNT];
    assert_true(gt_query_safety_kinds(f->db, anna, kinds, f->error, sizeof f->error));
    assert_int_equal(kinds[card.safety[0].kind] > 0, 1);
    gt_replay_free(&replay);
}

enum { DAY_MS = 86400000 };
static const int64_t MONDAY_NOON_MS = 1704110400000; /* 2024-01-01T12:00:00Z */

/* Anna practises effleurage (lower-back-basics step 1; step 2 once) on days 0, 1, 2 and 4, once
 * far too lightly; Ben once. */
typedef struct Practice {
    int64_t anna, ben;
    GtScoreCard cards[4];
} Practice;

static void practise(Fixture *f, Practice *p) {
    char id[GT_UUID_TEXT];
    p->anna = add_student(f, "Anna");
    p->ben = add_student(f, "Ben");
    save_attempt(f, p->anna, "lower-back-basics", 1, 11, MONDAY_NOON_MS, 60, id, &p->cards[0]);
    save_light_attempt(f, p->anna, MONDAY_NOON_MS + DAY_MS, 90, &p->cards[1]);
    save_attempt(f, p->anna, "lower-back-basics", 2, 13, MONDAY_NOON_MS + 2 * DAY_MS, 30, id, &p->cards[2]);
    save_attempt(f, p->anna, "lower-back-basics", 1, 0, MONDAY_NOON_MS + 4 * DAY_MS, 120, id, &p->cards[3]);
    save_attempt(f, p->ben, "lower-back-basics", 1, 14, MONDAY_NOON_MS, 60, id, NULL);
}

/* Score over time, best and recent, and the criterion that holds the technique back. */
static void test_history_and_weakest_criterion(void **state) {
    Fixture *f = *state;
    Practice p;
    practise(f, &p);
    int64_t anna = p.anna;
    const GtScoreCard *cards = p.cards;
    GtScorePoint *points = NULL;
    size_t count = 0;
    assert_true(gt_query_score_history(f->db, anna, "effleurage", &points, &count, f->error, sizeof f->error));
    assert_int_equal(count, 4);
    for (size_t i = 0; i < count; i++) assert_true(points[i].total == cards[i].total);
    assert_true(points[0].finished_ms < points[3].finished_ms);
    free(points);

    GtTechniqueProgress *techniques = NULL;
    assert_true(gt_query_techniques(f->db, anna, &techniques, &count, f->error, sizeof f->error));
    assert_int_equal(count, 1);
    double best = 0;
    for (int i = 0; i < 4; i++)
        if (cards[i].verdict == GT_VERDICT_SCORED && cards[i].total > best) best = cards[i].total;
    assert_string_equal(techniques[0].technique, "effleurage");
    assert_int_equal(techniques[0].attempts, 4);
    assert_true(techniques[0].best_total == best);
    assert_true(techniques[0].recent_total == cards[3].total);
    assert_int_equal(techniques[0].recent_ms, MONDAY_NOON_MS + 4 * DAY_MS);
    assert_string_equal(techniques[0].weakest, "pressure"); /* one attempt was far too light */
    const GtCriterionScore *light = gt_card_criterion(&cards[1], GT_CRITERION_PRESSURE);
    assert_non_null(light);
    fprintf(stderr, "pressed a quarter as hard: pressure scores %.1f, weakest mean %.1f\n", light->score, techniques[0].weakest_score);
    assert_true(light->score < 90);
    assert_true(techniques[0].weakest_score < 100);
    assert_true(techniques[0].weakest_feedback[0] != '\0');
    fprintf(stderr, "weakest effleurage criterion: %s %.1f (%s)\n", techniques[0].weakest,
            techniques[0].weakest_score, techniques[0].weakest_feedback);
    free(techniques);
}

/* The lesson list's marks, and where on the body the hand went. */
static void test_marks_and_heat_map(void **state) {
    Fixture *f = *state;
    Practice p;
    practise(f, &p);
    int64_t anna = p.anna;
    GtProgress marks;
    assert_true(gt_query_marks(f->db, anna, &marks, f->error, sizeof f->error));
    const GtProgressEntry *e = gt_progress_find(&marks, "lower-back-basics", 1);
    assert_non_null(e);
    assert_int_equal(e->attempts, 3);
    double mean = 0;
    int tried = 0;
    assert_true(gt_progress_lesson_best(&marks, "lower-back-basics", 5, &mean, &tried));
    assert_int_equal(tried, 2);
    assert_string_equal(marks.path, ""); /* recording into it saves nothing to a file */
    char error[128];
    assert_true(gt_progress_record(&marks, "lower-back-basics", 5, 80, true, error, sizeof error));
    gt_progress_free(&marks);

    GtHeatmap heat;
    assert_true(gt_query_heatmap(f->db, anna, GT_VIEW_POSTERIOR, NULL, 5, &heat, f->error, sizeof f->error));
    assert_true(heat.count > 0);
    long samples = 0;
    for (size_t i = 0; i < heat.count; i++) {
        samples += heat.cells[i].samples;
        assert_int_equal(heat.cells[i].x_cm % 5, 0);
        assert_true(heat.cells[i].samples <= heat.max_samples);
    }
    gt_heatmap_free(&heat);
    long expected = 0;
    for (int i = 0; i < 4; i++) {
        GtReplay r;
        GtScoreCard c;
        const char *lesson = "lower-back-basics";
        static const int STEPS[4] = { 1, 1, 2, 1 };
        static const uint64_t SEEDS[4] = { 11, 12, 13, 0 }; /* pressure does not move samples */
        assert_true(gt_fixture_attempt(&gt_test_library, lesson, STEPS[i], SEEDS[i], &r, &c));
        expected += (long)gt_replay_sample_count(&r);
        gt_replay_free(&r);
    }
    assert_int_equal(samples, expected);
    assert_true(gt_query_heatmap(f->db, anna, GT_VIEW_ANTERIOR, NULL, 5, &heat, f->error, sizeof f->error));
    assert_int_equal(heat.count, 0);
    gt_heatmap_free(&heat);
}

/* Minutes per day and the streak of days, alive until a day is missed. */
static void test_practice_days_and_streak(void **state) {
    Fixture *f = *state;
    Practice p;
    practise(f, &p);
    int64_t anna = p.anna;
    size_t count = 0;
    GtPracticeDay *days = NULL;
    assert_true(gt_query_practice_days(f->db, anna, 0, &days, &count, f->error, sizeof f->error));
    assert_int_equal(count, 4);
    assert_string_equal(days[0].day, "2024-01-01");
    assert_true(fabs(days[0].minutes - 1.0) < 1e-9);
    assert_string_equal(days[3].day, "2024-01-05");
    assert_true(fabs(days[3].minutes - 2.0) < 1e-9);
    free(days);

    GtStreak streak;
    assert_true(gt_query_streak(f->db, anna, MONDAY_NOON_MS + 4 * DAY_MS + 3600000, &streak, f->error,
                                sizeof f->error));
    assert_int_equal(streak.current_days, 1);
    assert_int_equal(streak.best_days, 3);
    assert_true(streak.practised_today);
    assert_string_equal(streak.last_day, "2024-01-05");
    assert_true(gt_query_streak(f->db, anna, MONDAY_NOON_MS + 5 * DAY_MS, &streak, f->error, sizeof f->error));
    assert_int_equal(streak.current_days, 1); /* yesterday counts: the streak is still alive */
    assert_false(streak.practised_today);
    assert_true(gt_query_streak(f->db, anna, MONDAY_NOON_MS + 6 * DAY_MS, &streak, f->error, sizeof f->error));
    assert_int_equal(streak.current_days, 0);
    assert_int_equal(streak.best_days, 3);
}

/* A version-1 database (as the first release wrote it) opens migrated to the current schema,
 * with its student and attempt intact and its practice on the heat map. */
static void test_version_1_database_migrates(void **state) {
    Fixture *f = *state;
    char path[400];
    snprintf(path, sizeof path, "%s/old.db", f->dir);
    assert_true(gt_progress_db_create_at_version(path, 1, f->error, sizeof f->error));
    assert_int_equal(gt_fixture_sql_number(path, "PRAGMA user_version"), 1);
    GtReplay replay;
    GtScoreCard card;
    assert_true(gt_fixture_attempt(&gt_test_library, "lower-back-basics", 1, 5, &replay, &card));
    char *json = gt_replay_to_json(&replay);
    size_t sql_size = strlen(json) * 2 + 2048;
    char *sql = malloc(sql_size);
    int n = snprintf(sql, sql_size,
                     "INSERT INTO students (id, name, name_key, created_ms) VALUES (1, 'Old Timer', 'old timer', 5);"
                     "INSERT INTO attempts (id, student_id, lesson, step, technique, view, started_ms, finished_ms, "
                     "total, grade, passed, verdict, replay_json) VALUES ('00000000-0000-4000-8000-000000000001', 1, "
                     "'lower-back-basics', 1, 'effleurage', 'posterior', 1000, 61000, %.17g, '%s', %d, 'scored', '",
                     card.total, card.grade, card.passed);
    for (const char *p = json; *p; p++) {
        if (*p == '\'') sql[n++] = '\'';
        sql[n++] = *p;
    }
    snprintf(sql + n, sql_size - (size_t)n, "');"
             "INSERT INTO attempt_criteria VALUES ('00000000-0000-4000-8000-000000000001', 'path', 91, 0.4, 'cm', 0, "
             "1, 1, 'Good path');");
    assert_true(gt_fixture_sql_exec(path, sql));
    free(sql);
    free(json);
    assert_int_equal(gt_fixture_sql_number(path, "SELECT count(*) FROM sqlite_master WHERE name = "
                                                 "'attempt_positions'"), 0);

    GtProgressDb *db = gt_progress_db_open(path, f->error, sizeof f->error);
    assert_non_null(db);
    assert_int_equal(gt_progress_db_version(db), GT_PROGRESS_DB_VERSION);
    GtStudent s;
    assert_true(gt_students_find(db, "old timer", &s, f->error, sizeof f->error));
    GtStoredAttempt stored;
    assert_true(gt_attempts_load(db, "00000000-0000-4000-8000-000000000001", false, &stored, f->error,
                                 sizeof f->error));
    assert_true(stored.total == card.total);
    assert_int_equal(stored.criterion_count, 1);
    assert_string_equal(stored.criteria[0].feedback, "Good path");
    GtHeatmap heat;
    assert_true(gt_query_heatmap(db, s.id, GT_VIEW_POSTERIOR, "effleurage", 2, &heat, f->error, sizeof f->error));
    long samples = 0;
    for (size_t i = 0; i < heat.count; i++) samples += heat.cells[i].samples;
    assert_int_equal(samples, (long)gt_replay_sample_count(&replay));
    gt_heatmap_free(&heat);
    char *settings = NULL;
    assert_true(gt_students_settings(db, s.id, &settings, f->error, sizeof f->error));
    assert_string_equal(settings, "{}");
    free(settings);
    char report[128];
    assert_true(gt_progress_db_check(db, report, sizeof report));
    gt_progress_db_close(db);
    assert_int_equal(gt_fixture_sql_number(path, "SELECT count(*) FROM attempts WHERE synced_ms IS NULL"), 1);
    gt_replay_free(&replay);
}

/* A database from a newer Guided Touch is refused by name, and left as it was. */
static void test_newer_database_refused(void **state) {
    Fixture *f = *state;
    assert_true(gt_fixture_sql_exec(f->path, "PRAGMA user_version = 9"));
    GtProgressDb *db = gt_progress_db_open(f->path, f->error, sizeof f->error);
    assert_null(db);
    char expected[600];
    snprintf(expected, sizeof expected, "%s was written by a newer Guided Touch (schema 9; this one reads up to %d); "
             "update Guided Touch", f->path, GT_PROGRESS_DB_VERSION);
    assert_string_equal(f->error, expected);
    assert_int_equal(gt_fixture_sql_number(f->path, "PRAGMA user_version"), 9);
}

/* Writes a replay file as the older trainer named them, at local time `stamp`. */
static void write_old_replay(const char *dir, const char *lesson, int step, uint64_t seed, const char *stamp,
                             double *total) {
    GtReplay replay;
    GtScoreCard card;
    assert_true(gt_fixture_attempt(&gt_test_library, lesson, step, seed, &replay, &card));
    char *json = gt_replay_to_json(&replay);
    char path[600], error[256];
    snprintf(path, sizeof path, "%s/replays/%s-step%d-%s-1.json", dir, lesson, step, stamp);
    assert_true(gt_storage_write_atomic(path, json, strlen(json), error, sizeof error));
    *total = card.total;
    free(json);
    gt_replay_free(&replay);
}

/* The first start imports progress.json and the replays once (graded, timed by their names),
 * clears an interrupted save's temporaries, and never imports twice. */
static void test_older_files_imported_once(void **state) {
    Fixture *f = *state;
    char legacy[400], replays[420], error[256];
    snprintf(legacy, sizeof legacy, "%s/legacy", f->dir);
    snprintf(replays, sizeof replays, "%s/replays", legacy);
    assert_true(gt_storage_make_dirs(replays, error, sizeof error));
    GtProgress old;
    assert_true(gt_progress_load(&old, legacy, error, sizeof error));
    assert_true(gt_progress_record(&old, "lower-back-basics", 1, 88, true, error, sizeof error));
    assert_true(gt_progress_record(&old, "lower-back-basics", 1, 70, false, error, sizeof error));
    assert_true(gt_progress_record(&old, "lower-back-basics", 2, 91, true, error, sizeof error));
    gt_progress_free(&old);
    double totals[2];
    write_old_replay(legacy, "lower-back-basics", 1, 21, "20240102-093000", &totals[0]);
    write_old_replay(legacy, "lower-back-basics", 2, 22, "20240103-100000", &totals[1]);
    char path[600];
    snprintf(path, sizeof path, "%s/gone-lesson-step1-20240104-100000-1.json", replays);
    FILE *gone = fopen(path, "w");
    GtReplay replay;
    GtScoreCard card;
    assert_true(gt_fixture_attempt(&gt_test_library, "lower-back-basics", 1, 0, &replay, &card));
    snprintf(replay.lesson, sizeof replay.lesson, "gone-lesson");
    char *json = gt_replay_to_json(&replay);
    fputs(json, gone);
    fclose(gone);
    free(json);
    gt_replay_free(&replay);
    snprintf(path, sizeof path, "%s/broken-step1-20240104-100000-1.json", replays);
    gone = fopen(path, "w");
    fputs("{ not json", gone);
    fclose(gone);
    /* temporaries an interrupted save of the file store left behind an hour ago, and one a save
     * going on right now is writing */
    const struct timespec an_hour_ago[2] = { { time(NULL) - 3600, 0 }, { time(NULL) - 3600, 0 } };
    snprintf(path, sizeof path, "%s/.progress.json.Ab3dE9", legacy);
    fclose(fopen(path, "w"));
    assert_int_equal(utimensat(AT_FDCWD, path, an_hour_ago, 0), 0);
    snprintf(path, sizeof path, "%s/.lower-back-basics.json.zZ09yY", replays);
    fclose(fopen(path, "w"));
    assert_int_equal(utimensat(AT_FDCWD, path, an_hour_ago, 0), 0);
    snprintf(path, sizeof path, "%s/.lower-back-basics.json.NoW123", replays);
    fclose(fopen(path, "w"));

    char db_path[600];
    snprintf(db_path, sizeof db_path, "%s/progress.db", legacy);
    GtProgressDb *db = gt_progress_db_open(db_path, f->error, sizeof f->error);
    assert_non_null(db);
    char names[1024];
    gt_fixture_list_dir(legacy, names, sizeof names);
    assert_null(strstr(names, ".progress.json."));
    gt_fixture_list_dir(replays, names, sizeof names);
    assert_null(strstr(names, ".json.zZ09yY"));
    assert_non_null(strstr(names, ".json.NoW123"));
    GtImportReport report;
    assert_true(gt_progress_import_legacy(db, legacy, &gt_test_library, &report, f->error, sizeof f->error));
    assert_false(report.already_done);
    assert_int_equal(report.attempts, 3);
    assert_int_equal(report.graded, 2);
    assert_int_equal(report.marks, 2);
    assert_int_equal(report.unreadable, 1);
    assert_string_equal(report.student, "Earlier work");
    GtScorePoint *points = NULL;
    size_t count = 0;
    assert_true(gt_query_score_history(db, report.student_id, "effleurage", &points, &count, f->error,
                                       sizeof f->error));
    assert_int_equal(count, 2);
    assert_true(points[0].total == totals[0]);
    assert_int_equal(points[0].finished_ms, 1704187800000); /* 2024-01-02T09:30:00Z */
    free(points);
    GtProgress marks;
    assert_true(gt_query_marks(db, report.student_id, &marks, f->error, sizeof f->error));
    const GtProgressEntry *e = gt_progress_find(&marks, "lower-back-basics", 1);
    assert_non_null(e);
    assert_int_equal(e->attempts, 2); /* progress.json's count, not doubled by the replay */
    assert_int_equal(e->passes, 1);
    assert_true(e->best >= 88);
    gt_progress_free(&marks);
    GtImportReport again;
    assert_true(gt_progress_import_legacy(db, legacy, &gt_test_library, &again, f->error, sizeof f->error));
    assert_true(again.already_done);
    assert_int_equal(gt_attempts_count(db, 0), 3);
    gt_progress_db_close(db);
}

/* A backup made while the database is open holds every attempt and opens on its own. */
static void test_backup_while_open(void **state) {
    Fixture *f = *state;
    int64_t anna = add_student(f, "Anna");
    char id[GT_UUID_TEXT], target[400];
    save_attempt(f, anna, "lower-back-basics", 1, 1, MONDAY_NOON_MS, 30, id, NULL);
    save_attempt(f, anna, "lower-back-basics", 2, 2, MONDAY_NOON_MS, 30, id, NULL);
    snprintf(target, sizeof target, "%s/backup.db", f->dir);
    assert_true(gt_progress_db_backup(f->db, target, f->error, sizeof f->error));
    assert_false(gt_progress_db_backup(f->db, target, f->error, sizeof f->error));
    assert_non_null(strstr(f->error, "already exists"));
    GtProgressDb *copy = gt_progress_db_open(target, f->error, sizeof f->error);
    assert_non_null(copy);
    assert_int_equal(gt_attempts_count(copy, anna), 2);
    GtStoredAttempt stored;
    assert_true(gt_attempts_load(copy, id, true, &stored, f->error, sizeof f->error));
    assert_non_null(stored.replay_json);
    gt_stored_attempt_free(&stored);
    gt_progress_db_close(copy);
}

int main(void) {
    setenv("TZ", "UTC", 1);
    tzset();
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_new_database_is_set_up, setup, teardown),
        cmocka_unit_test_setup_teardown(test_students_by_name, setup, teardown),
        cmocka_unit_test_setup_teardown(test_attempt_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_unsafe_attempt_kept_with_safety, setup, teardown),
        cmocka_unit_test_setup_teardown(test_history_and_weakest_criterion, setup, teardown),
        cmocka_unit_test_setup_teardown(test_marks_and_heat_map, setup, teardown),
        cmocka_unit_test_setup_teardown(test_practice_days_and_streak, setup, teardown),
        cmocka_unit_test_setup_teardown(test_version_1_database_migrates, setup, teardown),
        cmocka_unit_test_setup_teardown(test_newer_database_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_older_files_imported_once, setup, teardown),
        cmocka_unit_test_setup_teardown(test_backup_while_open, setup, teardown),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
