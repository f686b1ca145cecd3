/* The school server's status where staff see it, through the real trainer (SDL dummy drivers,
 * virtual clock): a scripted attempt is saved while the configured server cannot be reached;
 * the trainer's own outbox thread says so (offline since, why, 1 attempt waiting) and the
 * attempt stays in the outbox; on the kiosk's staff screen, reached by a long press and the
 * PIN, the same words are drawn, and so is an attempt the server refused, with its reason.
 * The thread runs on real time, so the test polls for the status with a generous bound (30 s)
 * and never relies on how long a wait is. */
#define _XOPEN_SOURCE 700
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "temp_home.h"
#include "app.h"
#include "config.h"
#include "kiosk_session.h"
#include "pin.h"
#include "session.h"
#include "store_fixture.h"

#include <SDL.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const STAFF_PIN = "1357";

/* Writes the user's configuration: a server that is not there (no socket in that folder), and
 * the staff PIN's hash as `guidedtouch set-pin` writes it. */
static void configure(void) {
    char path[1024], hash[GT_CONFIG_PIN_HASH_MAX], error[256];
    assert_true(gt_config_user_file(path, sizeof path));
    char folder[1024];
    snprintf(folder, sizeof folder, "%.*s", (int)(strrchr(path, '/') - path), path);
    char command[1200];
    snprintf(command, sizeof command, "mkdir -p '%s'", folder);
    assert_int_equal(system(command), 0);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "{\"format\": \"guidedtouch-config\", \"version\": 1, \"server\": {\"connection\": "
            "\"host=%s/nowhere dbname=guidedtouch user=kiosk\", \"retry_max_s\": 1}}\n", gt_test_home);
    fclose(f);
    assert_true(gt_pin_hash(STAFF_PIN, hash, error, sizeof error));
    GtDiag diag;
    gt_diag_init(&diag);
    assert_true(gt_config_write_key(path, GT_CONFIG_PIN_HASH, hash, &diag));
    gt_diag_free(&diag);
}

/* Turns frames (each after 10 ms of real time) until the server line holds `needle`; fails
 * after 30 s. The line is returned in `line`. */
static void wait_for_line(GtApp *app, const char *needle, char *line, size_t size) {
    for (int waited = 0; waited < 30000; waited += 10) {
        gt_session_kiosk_server_line(gt_app_session(app), line, size);
        if (strstr(line, needle)) return;
        nanosleep(&(struct timespec){ 0, 10000000L }, NULL);
        gt_app_frame(app);
    }
    fail_msg("the server line never said \"%s\"; last: \"%s\"", needle, line);
}

/* Opens the trainer in kiosk mode and the staff screen, as staff do: a 3-second press in a
 * corner, then the PIN. */
static GtApp *open_staff_screen(void) {
    const char *kiosk[] = { "--window", "1280x800", "--mute", "--frames", "100000000", "--kiosk" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 6, (char **)kiosk, &code);
    assert_non_null(app);
    assert_true(gt_app_frame(app));
    gt_test_push_finger(SDL_FINGERDOWN, 3, 0.005f, 0.005f);
    assert_true(gt_app_frame(app));
    Uint32 until = gt_app_now(app) + 3000;
    while ((Sint32)(gt_app_now(app) - until) < 0) assert_true(gt_app_frame(app));
    gt_test_push_finger(SDL_FINGERUP, 3, 0.005f, 0.005f);
    assert_true(gt_app_frame(app));
    for (const char *d = STAFF_PIN; *d; d++) gt_test_tap(app, GT_ACT_PIN_DIGIT_BASE + (*d - '0'));
    gt_test_tap(app, GT_ACT_PIN_OK);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_STAFF);
    return app;
}

/* One effleurage attempt at lower-back-basics step 1, as tests/store/test_app_saving.c scripts it. */
static const char *stroke_script(void) {
    static char path[400];
    snprintf(path, sizeof path, "%s/stroke.txt", gt_test_home);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("at 200\nkey Return\nwait 200\nkey 4\ntrace 0 46.5 83 46.1 72 3000\ntrace 0 46.1 72.2 45.6 62 2800\n"
          "wait 300\nkey Return\n", f);
    fclose(f);
    return path;
}

static void test_offline_server_is_said_and_the_attempt_waits(void **state) {
    (void)state;
    configure();
    const char *argv[] = { "--lesson", "lower-back-basics", "--script", stroke_script(), "--mute", "--student", "Anna" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 7, (char **)argv, &code);
    assert_non_null(app);
    while (gt_app_frame(app)) {}
    assert_true(gt_app_session(app)->saved); /* saved here whatever the server does */
    char line[1024];
    wait_for_line(app, "1 attempt waiting", line, sizeof line);
    assert_non_null(strstr(line, "School server: offline since "));
    assert_non_null(strstr(line, "cannot be reached"));
    gt_app_close(app);
    char db[400];
    snprintf(db, sizeof db, "%s/guidedtouch/progress.db", gt_test_home);
    assert_int_equal(gt_fixture_sql_number(db, "SELECT count(*) FROM attempts WHERE synced_ms IS NULL"), 1);

    /* the kiosk's staff screen draws the same state */
    app = open_staff_screen();
    wait_for_line(app, "1 attempt waiting", line, sizeof line);
    assert_true(gt_app_frame(app));
    const GtDrawnText *shown = gt_test_shown(app, "School server: offline since");
    assert_non_null(strstr(shown->text, "cannot be reached"));
    assert_non_null(strstr(shown->text, "1 attempt waiting"));
    gt_app_close(app);

    /* an attempt the server refused (as the outbox thread marks it) is said there with the reason */
    assert_true(gt_fixture_sql_exec(db, "UPDATE attempts SET sync_error = 'new row for relation \"attempts\" "
                                        "violates check constraint \"house_rule\"', sync_error_ms = 1"));
    app = open_staff_screen();
    wait_for_line(app, "1 attempt refused by the server: new row", line, sizeof line);
    assert_true(gt_app_frame(app));
    shown = gt_test_shown(app, "School server: offline since");
    assert_non_null(strstr(shown->text, "1 attempt refused by the server: new row for relation \"attempts\" "
                                        "violates check constraint \"house_rule\""));
    assert_null(strstr(shown->text, "attempt waiting"));
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_offline_server_is_said_and_the_attempt_waits, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
