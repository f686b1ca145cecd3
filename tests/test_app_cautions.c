/* test_app_cautions: the trainer shows a lesson's cautions. On every bundled lesson's intro, at
 * 1280x800, 1920x1080 and portrait 1080x1920, every caution the lesson shows is drawn whole
 * (not cut, inside the window, above Start lesson), each with its kind in words ("Red flag:"),
 * red flags above the rest; in a window too small for them all a line says how many more there
 * are. Before the first step (its demonstration, or practice before an attempt) the red flags
 * and contraindications are repeated, with where to read the rest; later steps do not repeat them. */
#include "test_support.h"
#include "app_driver.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"

#include <stdio.h>
#include <string.h>

static const char *const SIZES[] = { "1280x800", "1920x1080", "1080x1920" };

/* Opens the trainer at `size` in `mode`, on the lesson list (no lesson) or on step 1 of `lesson`. */
static GtApp *open_app(const char *size, const char *mode, const char *lesson) {
    const char *argv[10] = { "--window", size, "--mute", "--mode", mode, "--frames", "100000000" };
    int argc = 7;
    if (lesson) {
        argv[argc++] = "--lesson";
        argv[argc++] = lesson;
    }
    return gt_test_open_app(argc, argv);
}

/* The start of a caution's row as the student reads it: "Red flag: A sudden, severe ...". */
static void row_start(const GtCaution *caution, char *buffer, size_t size) {
    snprintf(buffer, size, "%s: %.60s", gt_caution_kind_label(caution->kind), caution->text);
}

/* The row of `caution` as drawn in this frame, or NULL. */
static const GtDrawnText *drawn_row(const GtApp *app, const GtCaution *caution) {
    char start[96];
    row_start(caution, start, sizeof start);
    return gt_ui_drawn(&app->ui, start);
}

/* Prints what the frame drew, to see why an assertion failed. */
static void print_drawn(const GtApp *app) {
    for (int i = 0; i < app->ui.drawn_count; i++) fprintf(stderr, "  drawn: %s\n", app->ui.drawn[i].text);
}

/* On the intro now showing: each caution's row whole, inside the window and above `bottom`, red
 * flags above the rest; or, when `may_overflow`, the rows that are missing counted by the line
 * that says they do not fit. Returns how many rows were drawn. */
static size_t check_intro(const GtApp *app, const char *size, int bottom, bool may_overflow) {
    const GtLesson *lesson = gt_app_session(app)->lesson;
    GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
    size_t count = gt_lesson_cautions(lesson, list, GT_LESSON_CAUTIONS_MAX), drawn = 0;
    int last_red_flag_y = -1, first_other_y = 1 << 30;
    for (size_t i = 0; i < count; i++) {
        const GtDrawnText *d = drawn_row(app, list[i].caution);
        if (!d) continue;
        drawn++;
        assert_false(d->cut);
        if (d->rect.x < 0 || d->rect.y < 0 || d->rect.x + d->rect.w > app->ui.width || d->rect.y + d->rect.h > bottom)
            fail_msg("%s %s: \"%s\" is drawn at %d,%d %dx%d, outside the room for it", size, lesson->id, d->text, d->rect.x,
                     d->rect.y, d->rect.w, d->rect.h);
        if (list[i].caution->kind == GT_CAUTION_RED_FLAG) last_red_flag_y = d->rect.y;
        else if (d->rect.y < first_other_y) first_other_y = d->rect.y;
    }
    assert_true(last_red_flag_y < first_other_y);
    char more[64];
    snprintf(more, sizeof more, "%zu more caution", count - drawn);
    if (drawn < count && (!may_overflow || !gt_ui_drawn(&app->ui, more))) {
        print_drawn(app);
        fail_msg("%s %s: %zu of %zu cautions drawn, and no line says so", size, lesson->id, drawn, count);
    }
    if (drawn == count) assert_null(gt_ui_drawn(&app->ui, "do not fit here"));
    return drawn;
}

/* Every bundled lesson's intro shows all its cautions whole at the three sizes. */
static void test_every_intro_shows_every_caution(void **state) {
    (void)state;
    for (size_t z = 0; z < sizeof SIZES / sizeof SIZES[0]; z++) {
        GtApp *app = open_app(SIZES[z], "learn", NULL);
        for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
            gt_app_act(app, GT_ACT_HOME);
            assert_true(gt_app_act(app, GT_ACT_LESSON_BASE + (int)l));
            assert_true(gt_app_frame(app));
            const GtSession *s = gt_app_session(app);
            assert_int_equal(s->screen, GT_SCREEN_INTRO);
            const GtHit *start = gt_hits_find_action(gt_app_hits(app), GT_ACT_START);
            assert_non_null(start);
            char heading[64];
            GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
            snprintf(heading, sizeof heading, "Before you start: %zu caution",
                     gt_lesson_cautions(s->lesson, list, GT_LESSON_CAUTIONS_MAX));
            if (!gt_ui_drawn(&app->ui, heading)) print_drawn(app);
            assert_non_null(gt_ui_drawn(&app->ui, heading));
            check_intro(app, SIZES[z], start->rect.y, false);
            /* the steps are still there, under the cautions */
            assert_non_null(gt_ui_drawn(&app->ui, s->lesson->steps[0].technique->name));
        }
        gt_app_close(app);
    }
}

/* A window too small for a long list (640x360) draws what fits and counts the rest in words;
 * at 800x480 they still all fit, with the steps summed up in one line. */
static void test_a_small_window_says_what_does_not_fit(void **state) {
    (void)state;
    const char *sizes[] = { "800x480", "640x360" };
    for (int z = 0; z < 2; z++) {
        GtApp *app = open_app(sizes[z], "learn", NULL);
        size_t short_of_room = 0;
        for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
            gt_app_act(app, GT_ACT_HOME);
            assert_true(gt_app_act(app, GT_ACT_LESSON_BASE + (int)l));
            assert_true(gt_app_frame(app));
            GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
            size_t count = gt_lesson_cautions(gt_app_session(app)->lesson, list, GT_LESSON_CAUTIONS_MAX);
            short_of_room += check_intro(app, sizes[z], app->ui.height, z == 1) < count;
        }
        if (z == 0) assert_int_equal(short_of_room, 0);
        else assert_true(short_of_room > 0); /* the line that counts them was needed, and shown */
        gt_app_close(app);
    }
}

/* Step 1 repeats the red flags and contraindications before the student starts, on the
 * demonstration and on practice; step 2 does not. */
static void test_the_first_step_repeats_the_serious_ones(void **state) {
    (void)state;
    const char *modes[] = { "learn", "practice" };
    for (size_t z = 0; z < sizeof SIZES / sizeof SIZES[0]; z++) {
        for (int m = 0; m < 2; m++) {
            GtApp *app = open_app(SIZES[z], modes[m], "tension-headache");
            const GtSession *s = gt_app_session(app);
            assert_int_equal(s->screen, m == 0 ? GT_SCREEN_DEMO : GT_SCREEN_PRACTICE);
            if (!gt_ui_drawn(&app->ui, "Before the first step")) print_drawn(app);
            assert_non_null(gt_ui_drawn(&app->ui, "Before the first step"));
            assert_non_null(gt_ui_drawn(&app->ui, "Red flag: A sudden, severe \"worst ever\" headache"));
            assert_non_null(gt_ui_drawn(&app->ui, "Red flag: A headache after a head injury"));
            assert_non_null(gt_ui_drawn(&app->ui, "All 7 cautions for this lesson are on its intro: press Back"));
            assert_null(gt_ui_drawn(&app->ui, "Advice: "));
            /* Back leads to them */
            assert_true(gt_app_act(app, GT_ACT_BACK));
            assert_true(gt_app_frame(app));
            assert_int_equal(s->screen, GT_SCREEN_INTRO);
            assert_non_null(gt_ui_drawn(&app->ui, "Advice: Agree a signal"));
            gt_app_close(app);
        }
    }
    const char *argv[] = { "--window", "1280x800", "--mute", "--lesson", "tension-headache", "--step", "2",
                           "--frames", "100000000" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 9, (char **)argv, &code);
    assert_non_null(app);
    assert_true(gt_app_frame(app));
    assert_null(gt_ui_drawn(&app->ui, "Before the first step"));
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_intro_shows_every_caution, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_small_window_says_what_does_not_fit, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_the_first_step_repeats_the_serious_ones, gt_test_fresh_home,
                                        gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
