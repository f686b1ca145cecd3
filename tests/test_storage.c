/* Storage keeps a student's data where XDG says, never leaves a half-written or stray file,
 * and never overwrites an earlier attempt: what a kiosk that loses power would show. */
#include "test_support.h"
#include "gt_motion.h"
#include "loaders.h"
#include "storage.h"
#include "progress.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A fresh temporary folder per test, used as XDG_DATA_HOME's parent. */
typedef struct Fixture {
    char root[256];
} Fixture;

/* Removes a directory tree (test clean-up; ignores errors). */
static void remove_tree(const char *path) {
    DIR *dir = opendir(path);
    if (dir) {
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
            char child[1024];
            snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
            struct stat info;
            if (lstat(child, &info) == 0 && S_ISDIR(info.st_mode))
                remove_tree(child);
            else
                unlink(child);
        }
        closedir(dir);
    }
    rmdir(path);
}

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    if (!f) return -1;
    snprintf(f->root, sizeof f->root, "/tmp/gt-storage-XXXXXX");
    if (!mkdtemp(f->root)) return -1;
    char xdg[512];
    snprintf(xdg, sizeof xdg, "%s/xdg/data", f->root); /* does not exist yet: storage makes it */
    setenv("XDG_DATA_HOME", xdg, 1);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    remove_tree(f->root);
    free(f);
    return 0;
}

/* Counts the entries of a directory (without "." and ".."), and in *matching those whose
 * name contains `must_contain`. */
static int count_entries(const char *path, const char *must_contain, int *matching) {
    DIR *dir = opendir(path);
    assert_non_null(dir);
    int n = 0;
    *matching = 0;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        n++;
        if (must_contain && strstr(entry->d_name, must_contain)) (*matching)++;
    }
    closedir(dir);
    return n;
}

static char *read_all(const char *path) {
    FILE *file = fopen(path, "rb");
    assert_non_null(file);
    static char buffer[4096];
    size_t n = fread(buffer, 1, sizeof buffer - 1, file);
    buffer[n] = '\0';
    fclose(file);
    return buffer;
}

static void test_data_dir_honours_xdg_and_is_private(void **state) {
    Fixture *f = *state;
    char dir[512], error[256] = "", expected[512];
    assert_true(gt_storage_data_dir(dir, sizeof dir, error, sizeof error));
    snprintf(expected, sizeof expected, "%s/xdg/data/guidedtouch", f->root);
    assert_string_equal(dir, expected);
    struct stat info;
    assert_int_equal(stat(dir, &info), 0);
    assert_true(S_ISDIR(info.st_mode));
    assert_int_equal(info.st_mode & 0777, 0700); /* another user on the kiosk cannot read it */
    /* asking again finds the same directory */
    assert_true(gt_storage_data_dir(dir, sizeof dir, error, sizeof error));
    assert_string_equal(dir, expected);
}

static void test_relative_xdg_falls_back_to_home(void **state) {
    Fixture *f = *state;
    char home[512], dir[512], error[256] = "", expected[600];
    const char *saved_home = getenv("HOME");
    char *old_home = saved_home ? strdup(saved_home) : NULL;
    snprintf(home, sizeof home, "%s/home", f->root);
    setenv("HOME", home, 1);
    setenv("XDG_DATA_HOME", "relative/path", 1); /* invalid by the XDG spec: ignored */
    bool ok = gt_storage_data_dir(dir, sizeof dir, error, sizeof error);
    if (old_home) setenv("HOME", old_home, 1); else unsetenv("HOME");
    free(old_home);
    assert_true(ok);
    snprintf(expected, sizeof expected, "%s/.local/share/guidedtouch", home);
    assert_string_equal(dir, expected);
}

static void test_atomic_write_replaces_and_leaves_no_temporaries(void **state) {
    Fixture *f = *state;
    char path[512], error[256] = "";
    snprintf(path, sizeof path, "%s/progress.json", f->root);
    assert_true(gt_storage_write_atomic(path, "{\"v\": 1}\n", 9, error, sizeof error));
    assert_string_equal(read_all(path), "{\"v\": 1}\n");
    assert_true(gt_storage_write_atomic(path, "{\"v\": 22}\n", 10, error, sizeof error));
    assert_string_equal(read_all(path), "{\"v\": 22}\n");
    int matching = 0;
    assert_int_equal(count_entries(f->root, "progress", &matching), 1); /* only the file itself */
    assert_int_equal(matching, 1);
    /* an empty text is a valid (empty) file */
    assert_true(gt_storage_write_atomic(path, "", 0, error, sizeof error));
    assert_string_equal(read_all(path), "");
}

static void test_failed_write_reports_and_leaves_nothing(void **state) {
    Fixture *f = *state;
    char path[512], missing[512], error[256] = "";
    snprintf(missing, sizeof missing, "%s/missing", f->root);
    snprintf(path, sizeof path, "%s/missing/progress.json", f->root);
    assert_false(gt_storage_write_atomic(path, "x", 1, error, sizeof error));
    assert_non_null(strstr(error, missing)); /* says where it could not write */
    struct stat info;
    assert_int_equal(stat(missing, &info), -1);
    int matching = 0;
    assert_int_equal(count_entries(f->root, NULL, &matching), 0);
}

static void test_failed_replace_keeps_the_old_state(void **state) {
    Fixture *f = *state;
    /* The target is a non-empty directory, so the final rename fails after the temporary
     * was written: the temporary must be removed and the directory left alone. */
    char target[512], inner[600], error[256] = "";
    snprintf(target, sizeof target, "%s/occupied", f->root);
    assert_int_equal(mkdir(target, 0700), 0);
    snprintf(inner, sizeof inner, "%s/keep.txt", target);
    assert_true(gt_storage_write_atomic(inner, "keep", 4, error, sizeof error));
    assert_false(gt_storage_write_atomic(target, "new", 3, error, sizeof error));
    assert_non_null(strstr(error, "occupied"));
    int matching = 0;
    assert_int_equal(count_entries(f->root, NULL, &matching), 1);
    assert_string_equal(read_all(inner), "keep");
}

static void build_replay(GtReplay *r, const char *lesson) {
    gt_replay_init(r);
    snprintf(r->lesson, sizeof r->lesson, "%s", lesson);
    snprintf(r->technique, sizeof r->technique, "effleurage");
    r->step = 3;
    r->view = GT_VIEW_POSTERIOR;
    r->device = GT_DEVICE_TOUCH;
    r->pressure_source = GT_PRESSURE_SLIDER;
    int c = gt_replay_add_contact(r, 0);
    for (int k = 0; k < 20; k++) {
        GtSample s = { 16.0 * k, 30.123 + 0.2 * k, 60.0 - 0.1 * k, 0.41 };
        assert_true(gt_replay_add_sample(r, c, gt_sample_quantize(s)));
    }
}

static void assert_file_holds_replay(const char *path, const GtReplay *r) {
    GtDiag diag;
    gt_diag_init(&diag);
    char *text = NULL;
    size_t length = 0;
    assert_true(gt_read_file(path, &text, &length, &diag));
    GtReplay back;
    bool ok = gt_load_replay(path, text, length, &diag, &back);
    if (!ok) gt_diag_print(&diag, stderr);
    assert_true(ok);
    assert_string_equal(back.lesson, r->lesson);
    assert_int_equal(back.step, r->step);
    assert_int_equal(back.device, r->device);
    assert_int_equal(back.pressure_source, r->pressure_source);
    assert_int_equal(back.contact_count, r->contact_count);
    assert_int_equal(back.contacts[0].count, r->contacts[0].count);
    assert_memory_equal(back.contacts[0].samples, r->contacts[0].samples, r->contacts[0].count * sizeof(GtSample));
    gt_replay_free(&back);
    free(text);
    gt_diag_free(&diag);
}

static void test_save_replay_never_overwrites_and_reads_back(void **state) {
    Fixture *f = *state;
    GtReplay first, second;
    build_replay(&first, "lower-back-basics");
    build_replay(&second, "lower-back-basics");
    second.contacts[0].samples[0].x_cm = 11.0; /* a different attempt */
    char path1[1024], path2[1024], error[256] = "";
    assert_true(gt_storage_save_replay(&first, path1, sizeof path1, error, sizeof error));
    assert_true(gt_storage_save_replay(&second, path2, sizeof path2, error, sizeof error));
    assert_string_not_equal(path1, path2);
    char prefix[600];
    snprintf(prefix, sizeof prefix, "%s/xdg/data/guidedtouch/replays/lower-back-basics-step3-", f->root);
    assert_memory_equal(path1, prefix, strlen(prefix));
    assert_memory_equal(path2, prefix, strlen(prefix));
    assert_file_holds_replay(path1, &first); /* the first attempt is still there, intact */
    assert_file_holds_replay(path2, &second);
    char dir[700];
    snprintf(dir, sizeof dir, "%s/xdg/data/guidedtouch/replays", f->root);
    int matching = 0;
    assert_int_equal(count_entries(dir, ".json", &matching), 2); /* no temporaries left */
    assert_int_equal(matching, 2);
    gt_replay_free(&first);
    gt_replay_free(&second);
}

static void test_save_replay_keeps_odd_lesson_ids_inside(void **state) {
    Fixture *f = *state;
    GtReplay r;
    build_replay(&r, "../../escape");
    char path[1024], error[256] = "", dir[700];
    assert_true(gt_storage_save_replay(&r, path, sizeof path, error, sizeof error));
    snprintf(dir, sizeof dir, "%s/xdg/data/guidedtouch/replays/", f->root);
    assert_memory_equal(path, dir, strlen(dir));
    assert_null(strchr(path + strlen(dir), '/'));
    struct stat info;
    assert_int_equal(stat(path, &info), 0); /* saved there, and nowhere above */
    assert_true(S_ISREG(info.st_mode));
    gt_replay_free(&r);
}

static void test_save_replay_reports_an_unusable_data_dir(void **state) {
    Fixture *f = *state;
    /* XDG_DATA_HOME points below a plain file: the directory cannot be made. */
    char file[512], xdg[600], path[1024] = "x", error[256] = "";
    snprintf(file, sizeof file, "%s/plain", f->root);
    assert_true(gt_storage_write_atomic(file, "x", 1, error, sizeof error));
    snprintf(xdg, sizeof xdg, "%s/data", file);
    setenv("XDG_DATA_HOME", xdg, 1);
    GtReplay r;
    build_replay(&r, "neck");
    assert_false(gt_storage_save_replay(&r, path, sizeof path, error, sizeof error));
    assert_true(strlen(error) > 0);
    assert_non_null(strstr(error, "plain"));
    gt_replay_free(&r);
}

/* An older progress.json with corrupt numbers (1e400, 3e9, a fraction, a negative) keeps its
 * sound entries and drops the corrupt ones, with no number ever cast out of an int's range. */
static void test_corrupt_numbers_in_old_progress_are_dropped(void **state) {
    Fixture *f = *state;
    char path[512], error[256] = "";
    snprintf(path, sizeof path, "%s/progress.json", f->root);
    const char *text = "{\"entries\": ["
                       "{\"lesson\": \"a\", \"step\": 1, \"best\": 80, \"attempts\": 3, \"passes\": 2},"
                       "{\"lesson\": \"b\", \"step\": 1e400, \"best\": 80},"
                       "{\"lesson\": \"c\", \"step\": 3e9, \"best\": 80},"
                       "{\"lesson\": \"d\", \"step\": 1.5, \"best\": 80},"
                       "{\"lesson\": \"e\", \"step\": 2, \"best\": 1e400},"
                       "{\"lesson\": \"f\", \"step\": 2, \"best\": 70, \"attempts\": 3e9, \"passes\": -1e400}]}";
    assert_true(gt_storage_write_atomic(path, text, strlen(text), error, sizeof error));
    GtProgress progress;
    assert_true(gt_progress_load(&progress, f->root, error, sizeof error));
    assert_int_equal(progress.count, 2);
    const GtProgressEntry *a = gt_progress_find(&progress, "a", 1), *last = gt_progress_find(&progress, "f", 2);
    assert_non_null(a);
    assert_int_equal(a->attempts, 3);
    assert_int_equal(a->passes, 2);
    assert_non_null(last);
    assert_int_equal(last->attempts, 1);
    assert_int_equal(last->passes, 0);
    gt_progress_free(&progress);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_data_dir_honours_xdg_and_is_private, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relative_xdg_falls_back_to_home, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atomic_write_replaces_and_leaves_no_temporaries, setup, teardown),
        cmocka_unit_test_setup_teardown(test_corrupt_numbers_in_old_progress_are_dropped, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_write_reports_and_leaves_nothing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_failed_replace_keeps_the_old_state, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_replay_never_overwrites_and_reads_back, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_replay_keeps_odd_lesson_ids_inside, setup, teardown),
        cmocka_unit_test_setup_teardown(test_save_replay_reports_an_unusable_data_dir, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
