/* Configuration as staff meet it: /etc, then the user's file, then the command line, each value
 * saying where it came from; typos located with "did you mean"; the trainer's own options passed
 * through; the PIN kept only as a salted hash and wrong PINs slowed down. */
#include "test_support.h"
#include "store_fixture.h"
#include "config.h"
#include "pin.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct Fixture {
    char dir[256];
    char system_file[320], user_file[320];
    GtConfigPaths paths;
    GtConfig config;
    GtDiag diag;
} Fixture;

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    if (!f || !gt_fixture_temp_dir("config", f->dir, sizeof f->dir)) return -1;
    snprintf(f->system_file, sizeof f->system_file, "%s/etc/config.json", f->dir);
    snprintf(f->user_file, sizeof f->user_file, "%s/home/.config/guidedtouch/config.json", f->dir);
    f->paths = (GtConfigPaths){ f->system_file, f->user_file };
    char home[300], data[300];
    snprintf(home, sizeof home, "%s/home", f->dir);
    snprintf(data, sizeof data, "%s/home/.local/share", f->dir);
    setenv("HOME", home, 1);
    setenv("XDG_DATA_HOME", data, 1);
    unsetenv("XDG_CONFIG_HOME");
    gt_diag_init(&f->diag);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    gt_config_free(&f->config);
    gt_diag_free(&f->diag);
    gt_fixture_remove_tree(f->dir);
    free(f);
    return 0;
}

/* Writes `text` to `path`, making its folder. */
static void write_file(const char *path, const char *text) {
    char dir[400];
    snprintf(dir, sizeof dir, "%s", path);
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0700);
            *p = '/';
        }
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    fputs(text, file);
    fclose(file);
}

/* Loads with these options; returns what gt_config_load returned. */
static bool load(Fixture *f, int argc, const char **argv) {
    gt_config_free(&f->config);
    gt_diag_free(&f->diag);
    return gt_config_load(&f->config, &f->paths, argc, (char **)argv, &f->diag);
}

/* The formatted diag entry `i`. */
static const char *problem(Fixture *f, size_t i) {
    static char line[1024];
    gt_diag_format(&f->diag, i, line, sizeof line);
    return line;
}

static void test_defaults_without_files(void **state) {
    Fixture *f = *state;
    assert_true(load(f, 0, NULL));
    assert_false(f->config.kiosk);
    assert_int_equal(f->config.idle_timeout_s, 120);
    assert_int_equal(f->config.mode, GT_CONFIG_MODE_LEARN);
    char expected[400];
    snprintf(expected, sizeof expected, "%s/home/.local/share/guidedtouch/progress.db", f->dir);
    assert_string_equal(f->config.database, expected);
    assert_false(f->config.system_found);
    assert_false(f->config.user_found);
    for (int k = 0; k < GT_CONFIG_KEY_COUNT; k++) assert_string_equal(f->config.source[k].where, "default");
}

/* Each layer wins over the one before, and every value names its source. */
static void test_layers_and_sources(void **state) {
    Fixture *f = *state;
    write_file(f->system_file, "{\n  \"format\": \"guidedtouch-config\",\n  \"version\": 1,\n  \"kiosk\": true,\n"
                               "  \"idle_timeout_s\": 300,\n  \"mode\": \"practice\",\n  \"fullscreen\": true\n}\n");
    write_file(f->user_file, "{\"format\": \"guidedtouch-config\", \"version\": 1,\n \"idle_timeout_s\": 60,\n"
                             " \"mute\": true, \"data_dir\": \"~/kiosk-data\"}\n");
    const char *argv[] = { "--no-kiosk", "--mode", "exam", "--window", "800x600", "--step", "2" };
    assert_true(load(f, 7, argv));
    assert_false(f->config.kiosk);
    assert_string_equal(f->config.source[GT_CONFIG_KIOSK].where, "command line (--no-kiosk)");
    assert_true(f->config.fullscreen);
    char where[400];
    snprintf(where, sizeof where, "%s:7:17", f->system_file);
    assert_string_equal(f->config.source[GT_CONFIG_FULLSCREEN].where, where);
    assert_int_equal(f->config.idle_timeout_s, 60);
    snprintf(where, sizeof where, "%s:2:20", f->user_file);
    assert_string_equal(f->config.source[GT_CONFIG_IDLE_TIMEOUT_S].where, where);
    assert_int_equal(f->config.mode, GT_CONFIG_MODE_EXAM);
    assert_true(f->config.mute);
    char expected[400];
    snprintf(expected, sizeof expected, "%s/home/kiosk-data/progress.db", f->dir);
    assert_string_equal(f->config.database, expected);
    assert_string_equal(f->config.source[GT_CONFIG_DATABASE].where, "default (in data_dir)");
    /* the trainer's own options are passed on, in order */
    assert_int_equal(f->config.rest_count, 4);
    assert_string_equal(f->config.rest[0], "--window");
    assert_string_equal(f->config.rest[1], "800x600");
    assert_string_equal(f->config.rest[3], "2");
    /* what print-config shows */
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    gt_config_print(&f->config, out, false);
    fclose(out);
    assert_non_null(strstr(text, "kiosk           = false                          # command line (--no-kiosk)\n"));
    assert_non_null(strstr(text, "large_text      = false                          # default\n"));
    snprintf(where, sizeof where, "idle_timeout_s  = 60                             # %s:2:20\n", f->user_file);
    assert_non_null(strstr(text, where));
    free(text);
}

/* A misspelt key, a wrong type, a relative path: located errors; valid values still load and a bad
 * one keeps the value of the layer before. */
static void test_file_problems_are_located(void **state) {
    Fixture *f = *state;
    write_file(f->system_file, "{\"format\": \"guidedtouch-config\", \"version\": 1, \"idle_timeout_s\": 300}\n");
    write_file(f->user_file, "{\n  \"format\": \"guidedtouch-config\",\n  \"version\": 1,\n  \"kisok\": true,\n"
                             "  \"idle_timeout_s\": \"90\",\n  \"mode\": \"exsm\",\n  \"data_dir\": \"data\",\n"
                             "  \"large_text\": true\n}\n");
    assert_false(load(f, 0, NULL));
    assert_int_equal(f->diag.count, 4);
    char expected[600];
    snprintf(expected, sizeof expected, "%s:4:3: kisok: unknown key \"kisok\" (did you mean \"kiosk\"?)", f->user_file);
    assert_string_equal(problem(f, 0), expected);
    snprintf(expected, sizeof expected, "%s:5:21: idle_timeout_s: expected a number, found the string \"90\"; "
             "remove the quotes", f->user_file);
    assert_string_equal(problem(f, 1), expected);
    snprintf(expected, sizeof expected, "%s:6:11: mode: unknown mode \"exsm\" (did you mean \"exam\"?)", f->user_file);
    assert_string_equal(problem(f, 2), expected);
    snprintf(expected, sizeof expected, "%s:7:15: data_dir: \"data\" is a relative path; write a full path starting "
             "with / (or ~/ for the home folder)", f->user_file);
    assert_string_equal(problem(f, 3), expected);
    assert_int_equal(f->config.idle_timeout_s, 300); /* the system file's, not the bad "90" */
    assert_true(f->config.large_text);
    assert_false(f->config.kiosk);
}

static void test_file_needs_its_format(void **state) {
    Fixture *f = *state;
    write_file(f->user_file, "{\"kiosk\": true}");
    assert_false(load(f, 0, NULL));
    assert_non_null(strstr(problem(f, 0), "missing required key \"format\"; start the object with \"format\": "
                                          "\"guidedtouch-config\""));
}

static void test_command_line_problems(void **state) {
    Fixture *f = *state;
    const char *argv[] = { "--kiosc", "--mode", "exsm", "--idle-timeout-s", "-5", "--pin-hash", "x", "extra",
                           "--lesson" };
    assert_false(load(f, 9, argv));
    assert_string_equal(problem(f, 0), "command line: unknown option --kiosc (did you mean --kiosk?)");
    assert_string_equal(problem(f, 1), "command line: --mode \"exsm\" is not a mode; use learn, practice or exam "
                                       "(did you mean exam?)");
    assert_string_equal(problem(f, 2), "command line: --idle-timeout-s \"-5\" is not a number of seconds from 0 "
                                       "(never) to 86400");
    assert_string_equal(problem(f, 3), "command line: the staff PIN is set with `guidedtouch set-pin`, never on the "
                                       "command line");
    assert_non_null(strstr(problem(f, 4), "unexpected argument \"x\""));
    assert_non_null(strstr(problem(f, 5), "unexpected argument \"extra\""));
    assert_string_equal(problem(f, 6), "command line: --lesson needs a value");
    const char *good[] = { "--kiosk", "--no-kiosk", "--kiosk", "--lesson=lower-back-basics", "--no-mute",
                           "--lesson-pack", "/srv/packs/a", "--lesson-pack=/srv/packs/b", "--large-text" };
    assert_true(load(f, 9, good));
    assert_true(f->config.kiosk);
    assert_string_equal(f->config.lesson, "lower-back-basics");
    assert_int_equal(f->config.lesson_pack_count, 2);
    assert_string_equal(f->config.lesson_packs[1], "/srv/packs/b");
    assert_string_equal(f->config.source[GT_CONFIG_LESSON_PACKS].where, "command line (--lesson-pack)");
    assert_true(f->config.large_text);
}

/* The figure's skin tone: the layers as for every setting, a located "did you mean" for a tone
 * that does not exist (the layer before keeps its tone), and print-config shows it. */
static void test_skin_tone(void **state) {
    Fixture *f = *state;
    write_file(f->system_file, "{\"format\": \"guidedtouch-config\", \"version\": 1, \"skin_tone\": \"medium\"}\n");
    assert_true(load(f, 0, NULL));
    assert_int_equal(f->config.skin_tone, GT_SKIN_TONE_MEDIUM);
    write_file(f->user_file, "{\"format\": \"guidedtouch-config\", \"version\": 1,\n \"skin_tone\": \"dark\"}\n");
    assert_true(load(f, 0, NULL));
    assert_int_equal(f->config.skin_tone, GT_SKIN_TONE_DARK);
    char where[600];
    snprintf(where, sizeof where, "%s:2:15", f->user_file);
    assert_string_equal(f->config.source[GT_CONFIG_SKIN_TONE].where, where);
    const char *argv[] = { "--skin-tone=light-medium" };
    assert_true(load(f, 1, argv));
    assert_int_equal(f->config.skin_tone, GT_SKIN_TONE_LIGHT_MEDIUM);
    assert_string_equal(f->config.source[GT_CONFIG_SKIN_TONE].where, "command line (--skin-tone)");
    char *text = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&text, &length);
    gt_config_print(&f->config, out, false);
    gt_config_print(&f->config, out, true);
    fclose(out);
    assert_non_null(strstr(text, "skin_tone       = \"light-medium\"                 # command line (--skin-tone)\n"));
    assert_non_null(strstr(text, "\"skin_tone\":\t\"light-medium\""));
    free(text);
    write_file(f->user_file, "{\"format\": \"guidedtouch-config\", \"version\": 1,\n \"skin_tone\": \"brown\"}\n");
    assert_false(load(f, 0, NULL));
    snprintf(where, sizeof where, "%s:2:15: skin_tone: unknown skin_tone \"brown\"; use one of \"light\", "
             "\"light-medium\", \"medium\", \"medium-dark\", \"dark\"", f->user_file);
    assert_string_equal(problem(f, 0), where);
    assert_int_equal(f->config.skin_tone, GT_SKIN_TONE_MEDIUM); /* the system file's */
    const char *bad[] = { "--skin-tone", "meduim" };
    assert_false(load(f, 2, bad));
    assert_string_equal(problem(f, 1), "command line: --skin-tone \"meduim\" is not a skin tone; use light, "
                                       "light-medium, medium, medium-dark or dark (did you mean medium?)");
}

/* set-pin's write keeps every other key, makes the file private, and refuses a broken file. */
static void test_write_key_keeps_the_rest(void **state) {
    Fixture *f = *state;
    write_file(f->user_file, "{\"format\": \"guidedtouch-config\", \"version\": 1, \"kiosk\": true, \"lesson_packs\": "
                             "[\"/srv/a\"]}\n");
    char hash[GT_CONFIG_PIN_HASH_MAX], error[256];
    assert_true(gt_pin_hash("2468", hash, error, sizeof error));
    assert_true(gt_config_write_key(f->user_file, GT_CONFIG_PIN_HASH, hash, &f->diag));
    assert_true(load(f, 0, NULL));
    assert_true(f->config.kiosk);
    assert_int_equal(f->config.lesson_pack_count, 1);
    assert_string_equal(f->config.pin_hash, hash);
    struct stat info;
    assert_int_equal(stat(f->user_file, &info), 0);
    assert_int_equal(info.st_mode & 0777, 0600);
    assert_true(gt_config_write_key(f->user_file, GT_CONFIG_PIN_HASH, NULL, &f->diag));
    assert_true(load(f, 0, NULL));
    assert_string_equal(f->config.pin_hash, "");
    write_file(f->user_file, "{\"format\": \"guidedtouch-config\", \"version\": 1, \"kiosk\": tru}\n");
    assert_false(gt_config_write_key(f->user_file, GT_CONFIG_PIN_HASH, hash, &f->diag));
    assert_true(f->diag.count > 0);
    FILE *file = fopen(f->user_file, "r");
    char text[200] = "";
    assert_non_null(fgets(text, sizeof text, file));
    fclose(file);
    assert_non_null(strstr(text, "tru}")); /* untouched */
}

/* A PIN is kept only as a salted hash that a wrong PIN does not match. */
static void test_pin_hash(void **state) {
    (void)state;
    char hash[GT_CONFIG_PIN_HASH_MAX], other[GT_CONFIG_PIN_HASH_MAX], error[256];
    assert_true(gt_pin_hash("1234", hash, error, sizeof error));
    assert_true(gt_pin_hash("1234", other, error, sizeof error));
    assert_string_not_equal(hash, other); /* salted */
    assert_null(strstr(hash, "1234$"));
    assert_memory_equal(hash, "$argon2id$", 10);
    assert_true(gt_pin_matches(hash, "1234"));
    assert_false(gt_pin_matches(hash, "1235"));
    assert_false(gt_pin_matches(hash, ""));
    const char *bad[] = { "123", "123456789", "12a4", "", " 1234" };
    for (size_t i = 0; i < 5; i++) {
        assert_false(gt_pin_hash(bad[i], hash, error, sizeof error));
        assert_string_equal(error, "A staff PIN is 4 to 8 digits (0-9)");
    }
}

/* Wrong PINs slow the next try down; a try too soon is not even checked; the right PIN clears it. */
static void test_pin_rate_limit(void **state) {
    Fixture *f = *state;
    assert_true(gt_pin_delay_ms(1) == 0 && gt_pin_delay_ms(2) == 0);
    assert_true(gt_pin_delay_ms(3) == 30000 && gt_pin_delay_ms(4) == 60000 && gt_pin_delay_ms(5) == 120000);
    assert_true(gt_pin_delay_ms(9) == 900000 && gt_pin_delay_ms(1000) == 900000);
    assert_true(load(f, 0, NULL));
    GtPinGuard guard = { 0 };
    int64_t wait = -1;
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "1234", 0, &wait), GT_PIN_NOT_SET);
    char error[256];
    assert_true(gt_pin_hash("9753", f->config.pin_hash, error, sizeof error));
    int64_t now = 1000000;
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "1111", now, &wait), GT_PIN_WRONG);
    assert_int_equal(wait, 0);
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "2222", now, &wait), GT_PIN_WRONG);
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "3333", now, &wait), GT_PIN_WRONG);
    assert_int_equal(wait, 30000);
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "9753", now + 10000, &wait), GT_PIN_WAIT);
    assert_int_equal(wait, 20000);
    assert_int_equal(guard.failures, 3);
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "4444", now + 30000, &wait), GT_PIN_WRONG);
    assert_int_equal(wait, 60000);
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "9753", now + 90000, &wait), GT_PIN_ACCEPTED);
    assert_int_equal(guard.failures, 0);
    assert_int_equal(gt_config_check_pin(&f->config, &guard, "1111", now + 90001, &wait), GT_PIN_WRONG);
    assert_int_equal(wait, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_defaults_without_files, setup, teardown),
        cmocka_unit_test_setup_teardown(test_layers_and_sources, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_problems_are_located, setup, teardown),
        cmocka_unit_test_setup_teardown(test_file_needs_its_format, setup, teardown),
        cmocka_unit_test_setup_teardown(test_command_line_problems, setup, teardown),
        cmocka_unit_test_setup_teardown(test_skin_tone, setup, teardown),
        cmocka_unit_test_setup_teardown(test_write_key_keeps_the_rest, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pin_hash, setup, teardown),
        cmocka_unit_test_setup_teardown(test_pin_rate_limit, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
