/* The trainer's saving, through the real trainer (SDL dummy drivers, virtual clock): a scripted
 * attempt of a signed-in student lands in the progress database with its card and shows "Saved
 * for ..." on the result screen, and the lesson list's marks come from the database; a full
 * disk, a database that cannot open and a guest each say on the result screen that the attempt
 * was not saved, and why, while the database holds nothing of it; a second trainer on the same
 * data folder is refused; a bad setting in the user's configuration file is shown on screen. */
#define _XOPEN_SOURCE 700 /* nftw, setenv */
#include "test_support.h"
#include "temp_home.h"
#include "app.h"
#include "attempts.h"
#include "fault_vfs.h"
#include "notices.h"
#include "session.h"

#include <cjson/cJSON.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Disarms the fault-injecting file system, then removes the test's home. */
static int remove_home(void **state) {
    gt_fault_vfs_disarm();
    return gt_test_remove_home(state);
}

/* The whole of a small text file (malloc'd); fails the test when it cannot be read. */
static char *read_text(const char *path) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    char *text = calloc(1, 1 << 20);
    assert_non_null(text);
    size_t n = fread(text, 1, (1 << 20) - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Writes the script of one effleurage attempt at lower-back-basics step 1 (Practise, level 4,
 * two strokes up the guide, Done) into <home>/stroke.txt and returns its path. */
static const char *stroke_script(void) {
    static char path[400];
    snprintf(path, sizeof path, "%s/stroke.txt", gt_test_home);
    write_text(path, "at 200\nkey Return\nwait 200\nkey 4\n"
                     "trace 0 46.5 83 46.1 72 3000\ntrace 0 46.1 72.2 45.6 62 2800\nwait 300\nkey Return\n");
    return path;
}

/* Opens the trainer on the stroke script with `extra` options (NULL-terminated) after it. */
static GtApp *open_on_script(const char *const *extra) {
    const char *argv[16] = { "--lesson", "lower-back-basics", "--script", stroke_script(), "--mute" };
    int argc = 5;
    for (int i = 0; extra && extra[i] && argc < 15; i++) argv[argc++] = extra[i];
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, argc, (char **)argv, &code);
    assert_non_null(app);
    assert_int_equal(code, 0);
    return app;
}

/* Runs the trainer until its script is done (the last frame is the result screen). */
static void run_to_end(GtApp *app) {
    while (gt_app_frame(app)) {}
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_RESULT);
    assert_true(gt_app_session(app)->has_card);
}

/* Opens the database under the test's home. */
static GtProgressDb *open_db(void) {
    char path[400], error[GT_DB_ERROR_MAX];
    snprintf(path, sizeof path, "%s/guidedtouch/progress.db", gt_test_home);
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    if (!db) fprintf(stderr, "%s\n", error);
    assert_non_null(db);
    return db;
}

static void test_a_scripted_attempt_lands_in_the_database_with_its_card(void **state) {
    (void)state;
    char card_path[400];
    snprintf(card_path, sizeof card_path, "%s/card.json", gt_test_home);
    const char *extra[] = { "--student", "Anna Lee", "--card-out", card_path, NULL };
    GtApp *app = open_on_script(extra);
    run_to_end(app);
    const GtSession *s = gt_app_session(app);
    assert_true(s->saved);
    char line[800], id[GT_UUID_TEXT];
    gt_notice_save_line(s, line, sizeof line);
    assert_string_equal(line, "Saved for Anna Lee."); /* the result screen says so, and only now */
    snprintf(id, sizeof id, "%s", s->saved_id);
    GtScoreCard card = s->card;
    /* the lesson list's marks for the student now hold this attempt */
    const GtProgressEntry *mark = gt_progress_find(s->progress, "lower-back-basics", 1);
    assert_non_null(mark);
    assert_int_equal(mark->attempts, 1);
    gt_app_close(app);

    GtProgressDb *db = open_db();
    assert_int_equal(gt_attempts_count(db, 0), 1);
    GtStoredAttempt stored;
    char error[GT_DB_ERROR_MAX];
    assert_true(gt_attempts_load(db, id, true, &stored, error, sizeof error));
    assert_string_equal(stored.student, "Anna Lee");
    assert_string_equal(stored.lesson, "lower-back-basics");
    assert_int_equal(stored.step, 1);
    assert_string_equal(stored.source, "trainer");
    assert_true(stored.graded);
    assert_float_equal(stored.total, card.total, 1e-9);
    assert_string_equal(stored.grade, card.grade);
    assert_int_equal(stored.passed, card.passed);
    assert_int_equal(stored.criterion_count, card.criterion_count);
    for (size_t i = 0; i < card.criterion_count; i++)
        assert_float_equal(stored.criteria[i].score, card.criteria[i].score, 1e-9);
    assert_true(stored.finished_ms >= stored.started_ms);
    assert_non_null(stored.replay_json);
    /* the card written with --card-out is the one saved */
    char *text = read_text(card_path);
    cJSON *written = cJSON_Parse(text);
    free(text);
    assert_non_null(written);
    assert_float_equal(cJSON_GetObjectItem(written, "total")->valuedouble, stored.total, 1e-6);
    assert_string_equal(cJSON_GetObjectItem(written, "grade")->valuestring, card.grade);
    cJSON_Delete(written);
    gt_stored_attempt_free(&stored);
    gt_progress_db_close(db);

    /* the next run's lesson list shows Anna's mark from the database, and nobody else's */
    const char *argv[] = { "--student", "Anna Lee", "--frames", "2" };
    int code = -1;
    app = gt_app_open(GT_SOURCE_DIR, 4, (char **)argv, &code);
    assert_non_null(app);
    mark = gt_progress_find(gt_app_session(app)->progress, "lower-back-basics", 1);
    assert_non_null(mark);
    assert_float_equal(mark->best, card.verdict == GT_VERDICT_SCORED ? card.total : 0.0, 1e-9);
    gt_app_close(app);
    const char *ben[] = { "--student", "Ben", "--frames", "2" };
    app = gt_app_open(GT_SOURCE_DIR, 4, (char **)ben, &code);
    assert_non_null(app);
    assert_null(gt_progress_find(gt_app_session(app)->progress, "lower-back-basics", 1));
    gt_app_close(app);
}

static void test_a_full_disk_is_said_on_the_result_screen(void **state) {
    (void)state;
    assert_true(gt_fault_vfs_install());
    const char *extra[] = { "--student", "Anna Lee", NULL };
    GtApp *app = open_on_script(extra);
    gt_fault_vfs_arm(GT_FAULT_DISK_FULL, 0); /* the student is in; from now on every write fails */
    run_to_end(app);
    gt_fault_vfs_disarm();
    const GtSession *s = gt_app_session(app);
    assert_false(s->saved);
    char line[800];
    gt_notice_save_line(s, line, sizeof line);
    assert_non_null(strstr(line, "This attempt was not saved: the disk is full ("));
    assert_null(strstr(line, "Saved"));
    assert_null(gt_progress_find(s->progress, "lower-back-basics", 1)); /* no mark for what was not kept */
    gt_app_close(app);
    GtProgressDb *db = open_db();
    assert_int_equal(gt_attempts_count(db, 0), 0);
    gt_progress_db_close(db);
}

static void test_a_database_that_cannot_open_is_said_at_start_and_on_the_result_screen(void **state) {
    (void)state;
    char blocker[400], database[500];
    snprintf(blocker, sizeof blocker, "%s/not-a-folder", gt_test_home);
    write_text(blocker, "a file where the database's folder should be\n");
    snprintf(database, sizeof database, "%s/progress.db", blocker);
    const char *extra[] = { "--student", "Anna Lee", "--database", database, NULL };
    GtApp *app = open_on_script(extra);
    const GtSession *s = gt_app_session(app);
    assert_non_null(strstr(s->notice, "Nothing can be saved: "));
    assert_non_null(strstr(s->notice, "not-a-folder"));
    run_to_end(app);
    assert_false(s->saved);
    char line[800];
    gt_notice_save_line(s, line, sizeof line);
    assert_true(strncmp(line, "This attempt was not saved: ", 28) == 0);
    assert_non_null(strstr(line, "not-a-folder"));
    gt_app_close(app);
}

static void test_a_guest_saves_nothing_and_is_told(void **state) {
    (void)state;
    GtApp *app = open_on_script(NULL);
    run_to_end(app);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->student_id, 0);
    assert_false(s->saved);
    char line[800];
    gt_notice_save_line(s, line, sizeof line);
    assert_non_null(strstr(line, "This attempt was not saved: you are practising as a guest"));
    gt_app_close(app);
    GtProgressDb *db = open_db();
    assert_int_equal(gt_attempts_count(db, 0), 0);
    gt_progress_db_close(db);
}

static void test_a_second_trainer_on_the_same_data_is_refused(void **state) {
    (void)state;
    const char *argv[] = { "--frames", "2" };
    int code = -1;
    GtApp *first = gt_app_open(GT_SOURCE_DIR, 2, (char **)argv, &code);
    assert_non_null(first);
    int second_code = -1;
    GtApp *second = gt_app_open(GT_SOURCE_DIR, 2, (char **)argv, &second_code);
    assert_null(second);
    assert_int_equal(second_code, 1);
    gt_app_close(first);
    /* once the first is gone, a trainer starts again */
    second = gt_app_open(GT_SOURCE_DIR, 2, (char **)argv, &second_code);
    assert_non_null(second);
    gt_app_close(second);
}

static void test_a_bad_setting_is_shown_on_screen_and_the_rest_used(void **state) {
    (void)state;
    char dir[400], path[500];
    snprintf(dir, sizeof dir, "%s/guidedtouch", gt_test_home);
    assert_int_equal(mkdir(dir, 0700), 0);
    snprintf(path, sizeof path, "%s/config.json", dir);
    write_text(path, "{\"format\": \"guidedtouch-config\", \"version\": 1, \"mode\": \"practice\", \"kiosq\": true}\n");
    const char *argv[] = { "--frames", "2" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 2, (char **)argv, &code);
    assert_non_null(app);
    const GtSession *s = gt_app_session(app);
    assert_non_null(strstr(s->notice, "Some settings were not used:"));
    assert_non_null(strstr(s->notice, "config.json:1:"));
    assert_non_null(strstr(s->notice, "kiosq"));
    assert_int_equal(s->mode, GT_MODE_PRACTICE); /* the valid setting is used */
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_scripted_attempt_lands_in_the_database_with_its_card, gt_test_fresh_home,
                                        remove_home),
        cmocka_unit_test_setup_teardown(test_a_full_disk_is_said_on_the_result_screen, gt_test_fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_a_database_that_cannot_open_is_said_at_start_and_on_the_result_screen,
                                        gt_test_fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_a_guest_saves_nothing_and_is_told, gt_test_fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_a_second_trainer_on_the_same_data_is_refused, gt_test_fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_a_bad_setting_is_shown_on_screen_and_the_rest_used, gt_test_fresh_home,
                                        remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
