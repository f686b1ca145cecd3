/* When the disk fills, the data folder turns read-only or the disk fails, a save says so in
 * plain words naming the file, nothing of that attempt is kept, nothing saved before is lost, and
 * the trainer's database keeps working once the trouble is gone. Faults come from a VFS shim
 * (tests run as root, where permissions stop nothing). */
#include "test_support.h"
#include "store_fixture.h"
#include "fault_vfs.h"
#include "attempts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Fixture {
    char dir[256];
    char path[320];
    GtProgressDb *db;
    int64_t student;
    GtReplay replay;
    GtScoreCard card;
    char error[GT_DB_ERROR_MAX];
} Fixture;

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    if (!f || !gt_fault_vfs_install() || !gt_fixture_temp_dir("faults", f->dir, sizeof f->dir)) return -1;
    snprintf(f->path, sizeof f->path, "%s/progress.db", f->dir);
    f->db = gt_progress_db_open(f->path, f->error, sizeof f->error);
    GtStudent student;
    if (!f->db || !gt_students_add(f->db, "Anna", false, &student, f->error, sizeof f->error)) return -1;
    f->student = student.id;
    if (!gt_fixture_attempt(&gt_test_library, "lower-back-basics", 4, 9, &f->replay, &f->card)) return -1;
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    gt_fault_vfs_disarm();
    gt_progress_db_close(f->db);
    gt_replay_free(&f->replay);
    gt_fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

/* Saves the fixture's attempt; returns whether it says it was saved. */
static bool save(Fixture *f, char id[GT_UUID_TEXT]) {
    GtAttemptSave attempt = { f->student, &f->card, &f->replay, 1000, 31000 };
    return gt_attempts_save(f->db, &attempt, id, f->error, sizeof f->error);
}

/* Saves three attempts, then fails a fourth with `fault`: the message is `expected` followed by
 * the file, the database still holds exactly the three (whole, integrity ok), and once the fault
 * is gone the same open database saves again. */
static void check_failed_save(Fixture *f, GtFault fault, const char *expected) {
    char ids[3][GT_UUID_TEXT], id[GT_UUID_TEXT];
    for (int i = 0; i < 3; i++) assert_true(save(f, ids[i]));
    int failures = gt_fault_vfs_failures();
    gt_fault_vfs_arm(fault, 0);
    assert_false(save(f, id));
    gt_fault_vfs_disarm();
    assert_true(gt_fault_vfs_failures() > failures);
    char message[GT_DB_ERROR_MAX];
    snprintf(message, sizeof message, "%s (%s)", expected, f->path);
    assert_string_equal(f->error, message);
    fprintf(stderr, "This attempt was not saved: %s\n", f->error);
    assert_string_equal(id, "");
    assert_int_equal(gt_attempts_count(f->db, 0), 3);
    char report[256];
    assert_true(gt_progress_db_check(f->db, report, sizeof report));
    assert_true(save(f, id)); /* the trainer keeps running: the next save works */
    gt_progress_db_close(f->db);
    f->db = gt_progress_db_open(f->path, f->error, sizeof f->error);
    assert_non_null(f->db);
    assert_int_equal(gt_attempts_count(f->db, 0), 4);
    for (int i = 0; i < 3; i++) {
        GtStoredAttempt stored;
        assert_true(gt_attempts_load(f->db, ids[i], true, &stored, f->error, sizeof f->error));
        assert_int_equal(stored.criterion_count, f->card.criterion_count);
        assert_non_null(stored.replay_json);
        gt_stored_attempt_free(&stored);
    }
    assert_int_equal(gt_fixture_sql_number(f->path, "SELECT count(*) FROM attempt_criteria"),
                     4 * (long long)f->card.criterion_count);
}

static void test_disk_full(void **state) {
    check_failed_save(*state, GT_FAULT_DISK_FULL, "the disk is full");
}

static void test_read_only(void **state) {
    check_failed_save(*state, GT_FAULT_READ_ONLY, "the data folder is read-only");
}

/* A disk that fails to write (EIO) is named as such, and loses nothing saved before. */
static void test_failing_disk(void **state) {
    Fixture *f = *state;
    char message[GT_DB_ERROR_MAX];
    snprintf(message, sizeof message, "the disk could not be written (%s: disk I/O error)", f->path);
    char ids[3][GT_UUID_TEXT], id[GT_UUID_TEXT];
    for (int i = 0; i < 3; i++) assert_true(save(f, ids[i]));
    gt_fault_vfs_arm(GT_FAULT_IO_ERROR_EIO, 0);
    assert_false(save(f, id));
    gt_fault_vfs_disarm();
    assert_string_equal(f->error, message);
    assert_int_equal(gt_attempts_count(f->db, 0), 3);
}

/* A save cut off at any one of its writes leaves either all of the attempt or none of it. */
static void test_cut_at_every_write(void **state) {
    Fixture *f = *state;
    int kept = 0, lost = 0;
    for (int writes = 0; writes < 40; writes++) {
        char id[GT_UUID_TEXT];
        gt_fault_vfs_arm(GT_FAULT_DISK_FULL, writes);
        bool saved = save(f, id);
        gt_fault_vfs_disarm();
        if (saved) kept++;
        else {
            lost++;
            assert_non_null(strstr(f->error, "the disk is full"));
        }
        gt_progress_db_close(f->db);
        f->db = gt_progress_db_open(f->path, f->error, sizeof f->error);
        assert_non_null(f->db);
        assert_int_equal(gt_attempts_count(f->db, 0), kept);
        assert_int_equal(gt_fixture_sql_number(f->path, "SELECT count(*) FROM attempt_criteria"),
                         kept * (long long)f->card.criterion_count);
        assert_int_equal(gt_fixture_sql_number(f->path, "SELECT count(*) FROM attempt_positions WHERE attempt_id "
                                                        "NOT IN (SELECT id FROM attempts)"), 0);
    }
    char report[256];
    assert_true(gt_progress_db_check(f->db, report, sizeof report));
    fprintf(stderr, "saves cut at write 0-39: %d failed and left nothing, %d completed whole\n", lost, kept);
    assert_true(lost > 0 && kept > 0);
}

/* Opening on a read-only data folder says so, and leaves the file as it was. */
static void test_open_read_only_folder(void **state) {
    Fixture *f = *state;
    char id[GT_UUID_TEXT];
    assert_true(save(f, id));
    gt_progress_db_close(f->db);
    f->db = NULL;
    gt_fault_vfs_arm(GT_FAULT_OPEN_READ_ONLY, 0);
    GtProgressDb *db = gt_progress_db_open(f->path, f->error, sizeof f->error);
    gt_fault_vfs_disarm();
    assert_null(db);
    char message[GT_DB_ERROR_MAX];
    snprintf(message, sizeof message, "the data folder is read-only (%s)", f->path);
    assert_string_equal(f->error, message);
    f->db = gt_progress_db_open(f->path, f->error, sizeof f->error);
    assert_non_null(f->db);
    assert_int_equal(gt_attempts_count(f->db, 0), 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_disk_full, setup, teardown),
        cmocka_unit_test_setup_teardown(test_read_only, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failing_disk, setup, teardown),
        cmocka_unit_test_setup_teardown(test_cut_at_every_write, setup, teardown),
        cmocka_unit_test_setup_teardown(test_open_read_only_folder, setup, teardown),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
