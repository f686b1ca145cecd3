/* test_app_packs: an instructor's lesson pack in the trainer. Started with --lessons DIR, the
 * trainer lists the pack's lesson beside the bundled ones, and a tap on its card (paging the
 * list by touch when it is further down) opens its intro; a broken file in the pack shows as a
 * card that names the file and the problem, and the rest of the library still opens. While the
 * trainer runs, a saved edit to a pack's lesson shows up within a second (on the lesson list and
 * on the lesson's own intro), and an edit with a mistake in it is said on screen, located, while
 * the last good version keeps running until the file is saved right. */
#include "test_support.h"
#include "temp_home.h"
#include "app_driver.h"
#include "app_state.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Writes `text` to path; fails the test when it cannot. */
static void write_text(const char *path, const char *text) {
    FILE *file = fopen(path, "w");
    assert_non_null(file);
    assert_true(fputs(text, file) >= 0);
    assert_int_equal(fclose(file), 0);
}

/* Makes <home>/pack holding pack-neck.json (the bundled neck lesson under a new id and title),
 * and, when `broken`, a lesson with a syntax error; returns the folder. */
static const char *make_pack(bool broken) {
    static char pack[512];
    snprintf(pack, sizeof pack, "%s/pack", gt_test_home);
    assert_int_equal(mkdir(pack, 0755), 0);
    char *text = NULL;
    size_t length = 0;
    GtDiag diag;
    gt_diag_init(&diag);
    assert_true(gt_read_file(gt_test_path("lessons/neck-shoulder-tension.json"), &text, &length, &diag));
    gt_diag_free(&diag);
    char *id = strstr(text, "\"neck-shoulder-tension\"");
    char *title = strstr(text, "\"Neck and shoulder tension\"");
    assert_non_null(id);
    assert_non_null(title);
    char *changed = malloc(length + 64);
    assert_non_null(changed);
    snprintf(changed, length + 64, "%.*s\"pack-neck\"%.*s\"Pack neck lesson\"%s", (int)(id - text), text,
             (int)(title - id - strlen("\"neck-shoulder-tension\"")), id + strlen("\"neck-shoulder-tension\""),
             title + strlen("\"Neck and shoulder tension\""));
    char path[600];
    snprintf(path, sizeof path, "%s/pack-neck.json", pack);
    write_text(path, changed);
    free(changed);
    free(text);
    if (broken) {
        snprintf(path, sizeof path, "%s/half-written.json", pack);
        write_text(path, "{\n  \"format\": \"guidedtouch-lesson\",\n  \"version\": 1,\n  \"id\": \"half-written\"\n");
    }
    return pack;
}

/* Opens the trainer on the bundled library plus `pack`, on the lesson list. */
static GtApp *open_with_pack(const char *pack) {
    const char *argv[] = { "--window", "1280x800", "--mute", "--frames", "100000000", "--lessons", pack };
    return gt_test_open_app(7, argv);
}

/* Pages the lesson list down by touch until a card with `action` (or, for action -1, a text
 * holding `needle`) is on screen; fails when the list ends first. */
static void page_to(GtApp *app, int action, const char *needle) {
    for (int page = 0; page < 20; page++) {
        if (action >= 0 ? gt_hits_find_action(gt_app_hits(app), action) != NULL : gt_ui_drawn(&app->ui, needle) != NULL)
            return;
        gt_test_tap(app, GT_ACT_SCROLL_DOWN);
    }
    fail_msg("no card with action %d (or text \"%s\") on any page of the lesson list", action, needle ? needle : "");
}

/* The pack's lesson is listed with the bundled ones and opens from its card by a tap. */
static void test_a_pack_lesson_opens_by_a_tap(void **state) {
    (void)state;
    GtApp *app = open_with_pack(make_pack(false));
    const GtLibrary *library = &app->library;
    const GtLesson *lesson = gt_library_lesson(library, "pack-neck");
    assert_non_null(lesson);
    assert_non_null(lesson->pack);
    assert_non_null(gt_library_lesson(library, "neck-shoulder-tension"));
    assert_int_equal(library->broken_count, 0);
    int action = GT_ACT_LESSON_BASE + (int)(lesson - library->lessons);
    page_to(app, action, NULL);
    gt_test_shown(app, "Pack neck lesson");
    gt_test_tap(app, action);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_INTRO);
    assert_string_equal(s->lesson->id, "pack-neck");
    gt_test_shown(app, "Pack neck lesson");
    gt_app_close(app);
}

/* A half-written file in the pack is a card naming it and its problem; the pack's good lesson
 * and the bundled ones still open. */
static void test_a_broken_pack_file_is_shown_and_the_rest_opens(void **state) {
    (void)state;
    GtApp *app = open_with_pack(make_pack(true));
    const GtLibrary *library = &app->library;
    assert_int_equal(library->broken_count, 1);
    assert_non_null(strstr(library->broken[0].file, "half-written.json"));
    page_to(app, -1, "Cannot open half-written.json");
    gt_test_shown(app, "half-written.json:4:23: id: the file ends while");
    gt_app_act(app, GT_ACT_HOME);
    const GtLesson *lesson = gt_library_lesson(library, "pack-neck");
    assert_non_null(lesson);
    int action = GT_ACT_LESSON_BASE + (int)(lesson - library->lessons);
    page_to(app, action, NULL);
    gt_test_tap(app, action);
    assert_string_equal(gt_app_session(app)->lesson->id, "pack-neck");
    gt_app_close(app);
}

/* Runs the trainer for `ms` of its (virtual) clock. */
static void run_for(GtApp *app, int ms) {
    for (int t = 0; t < ms; t += GT_FRAME_MS) assert_true(gt_app_frame(app));
}

/* Rewrites the pack's lesson with `from` replaced by `to` (the first occurrence). */
static void edit_lesson(const char *pack, const char *from, const char *to) {
    char path[600];
    snprintf(path, sizeof path, "%s/pack-neck.json", pack);
    char *text = NULL;
    size_t length = 0;
    GtDiag diag;
    gt_diag_init(&diag);
    assert_true(gt_read_file(path, &text, &length, &diag));
    gt_diag_free(&diag);
    char *at = strstr(text, from);
    assert_non_null(at);
    char *changed = malloc(length + strlen(to) + 1);
    assert_non_null(changed);
    sprintf(changed, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    write_text(path, changed);
    free(changed);
    free(text);
}

/* A saved edit shows up within a second on the lesson list, and on the intro of the lesson
 * being read, which stays open. */
static void test_a_saved_edit_shows_up_within_a_second(void **state) {
    (void)state;
    const char *pack = make_pack(false);
    GtApp *app = open_with_pack(pack);
    edit_lesson(pack, "\"Pack neck lesson\"", "\"Edited neck lesson\"");
    run_for(app, 1000);
    assert_non_null(gt_library_lesson(&app->library, "pack-neck"));
    const GtLesson *lesson = gt_library_lesson(&app->library, "pack-neck");
    assert_string_equal(lesson->title, "Edited neck lesson");
    int action = GT_ACT_LESSON_BASE + (int)(lesson - app->library.lessons);
    page_to(app, action, NULL);
    gt_test_shown(app, "Edited neck lesson");
    gt_test_tap(app, action);
    assert_int_equal(gt_app_session(app)->screen, GT_SCREEN_INTRO);
    edit_lesson(pack, "\"Edited neck lesson\"", "\"Edited again\"");
    run_for(app, 1000);
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_INTRO);
    assert_string_equal(s->lesson->title, "Edited again");
    gt_test_shown(app, "Edited again");
    gt_app_close(app);
}

/* An edit that breaks the file is said on screen with its place in the file; the lesson keeps
 * its last good version and still opens; saving it right clears the message. */
static void test_a_broken_edit_keeps_the_last_good_version(void **state) {
    (void)state;
    const char *pack = make_pack(false);
    GtApp *app = open_with_pack(pack);
    edit_lesson(pack, "\"steps\": [", "\"steps\": [[");
    run_for(app, 1000);
    gt_test_shown(app, "Not reloaded: ");
    gt_test_shown(app, "pack-neck.json:");
    gt_test_shown(app, "The last good version keeps running");
    const GtLesson *lesson = gt_library_lesson(&app->library, "pack-neck");
    assert_non_null(lesson);
    assert_string_equal(lesson->title, "Pack neck lesson");
    int action = GT_ACT_LESSON_BASE + (int)(lesson - app->library.lessons);
    page_to(app, action, NULL);
    gt_test_tap(app, action);
    assert_string_equal(gt_app_session(app)->lesson->id, "pack-neck");
    assert_true(gt_app_act(app, GT_ACT_START));
    run_for(app, 200);
    assert_int_equal(gt_app_session(app)->step, 1);
    edit_lesson(pack, "\"steps\": [[", "\"steps\": [");
    gt_app_act(app, GT_ACT_HOME);
    run_for(app, 1000);
    assert_null(gt_ui_drawn(&app->ui, "Not reloaded: "));
    assert_int_equal(app->library.broken_count, 0);
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_pack_lesson_opens_by_a_tap, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_broken_pack_file_is_shown_and_the_rest_opens, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_saved_edit_shows_up_within_a_second, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_broken_edit_keeps_the_last_good_version, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
