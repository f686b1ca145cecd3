/* "My progress" on the trainer, seen as a student sees it. Each test seeds a fresh database with
 * attempts saved through gt_attempts_save (graded reference performances whose totals and
 * criterion scores are then set to known figures, finished on known days), opens the real
 * trainer headless (SDL dummy drivers, virtual clock, TZ=UTC, "today" fixed with --today so no
 * figure depends on the date the test runs) and presses the home screen's My progress button by a
 * finger tap pushed into SDL's event queue. It then reads what the last frame drew and what the
 * session read:
 * - each technique's best and recent, the criterion holding it back and its feedback, the
 *   chart's dots (one per attempt, the one failed outright among them), the streak ("3 days in a
 *   row", best 4) and the minutes of each of the last 14 days;
 * - tapping another technique shows its chart; the heat map has cells where the attempts' samples
 *   fell, on the back and (after Front side) on the front;
 * - a guest is asked to pick a name and gets to the picker; a student with no attempts is told
 *   how to make some; Back and Esc return to the lesson list and let the figures go;
 * - a database that cannot be read says so on screen;
 * - at 1280x800, 1920x1080 and 1080x1920 no text is cut or outside the window and no two texts
 *   or buttons overlap. */
#define _XOPEN_SOURCE 700 /* nftw, setenv */
#include "test_support.h"
#include "app_driver.h"
#include "app_events.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "attempts.h"
#include "progress_session.h"
#include "store_fixture.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int64_t DAY_MS = 86400000;
static const int64_t MARCH_14_NOON_MS = 1773489600000; /* 2026-03-14 12:00 UTC: "today" in every test */
static const char TODAY[] = "2026-03-14";

/* The March day `day` (2026) at `hour`:00 UTC, Unix ms. */
static int64_t march(int day, int hour) {
    return MARCH_14_NOON_MS - (14 - day) * DAY_MS + (hour - 12) * 3600000LL;
}

static GtLibrary library;
static bool library_ready;

/* Loads the bundled library once for every test. */
static const GtLibrary *lib(void) {
    if (!library_ready) {
        GtDiag diag;
        gt_diag_init(&diag);
        assert_true(gt_library_load(&library, GT_SOURCE_DIR, &diag));
        gt_diag_free(&diag);
        library_ready = true;
    }
    return &library;
}

/* The database under the test's home (the one the trainer opens), opened. */
static GtProgressDb *open_db(void) {
    char path[400], error[GT_DB_ERROR_MAX];
    snprintf(path, sizeof path, "%s/guidedtouch/progress.db", gt_test_home);
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    if (!db) fail_msg("cannot open %s: %s", path, error);
    return db;
}

/* What one seeded attempt is. */
typedef struct Seed {
    const char *lesson;
    int step;
    double total;             /* the card's total */
    GtVerdict verdict;        /* scored, or failed outright */
    double weak_score;        /* the speed (or first) criterion's score; the others score 100 */
    const char *weak_feedback;
    int64_t finished_ms;
    int64_t minutes;          /* how long it took */
} Seed;

/* Saves `seed` for `student`: the step's clean reference performance, graded, with its total,
 * pass, grade and criterion scores set to the seed's figures. Returns the replay's first sample
 * (where the heat map must have a cell). */
static GtSample save_seed(GtProgressDb *db, int64_t student, const Seed *seed) {
    GtReplay replay;
    GtScoreCard *card = calloc(1, sizeof *card);
    assert_non_null(card);
    assert_true(gt_fixture_attempt(lib(), seed->lesson, seed->step, 0, &replay, card));
    card->total = seed->total;
    card->verdict = seed->verdict;
    card->passed = seed->verdict == GT_VERDICT_SCORED && seed->total >= card->pass_mark;
    snprintf(card->grade, sizeof card->grade, "%s",
             card->verdict == GT_VERDICT_SCORED ? gt_grade_for(seed->total) : "F");
    size_t weak = 0;
    for (size_t i = 0; i < card->criterion_count; i++) {
        card->criteria[i].score = 100;
        if (card->criteria[i].criterion == GT_CRITERION_SPEED) weak = i;
    }
    card->criteria[weak].score = seed->weak_score;
    snprintf(card->criteria[weak].feedback, sizeof card->criteria[weak].feedback, "%s", seed->weak_feedback);
    GtAttemptSave save = { student, card, &replay, seed->finished_ms - seed->minutes * 60000, seed->finished_ms };
    char id[GT_UUID_TEXT], error[GT_DB_ERROR_MAX];
    if (!gt_attempts_save(db, &save, id, error, sizeof error)) fail_msg("not saved: %s", error);
    assert_true(replay.contact_count > 0 && replay.contacts[0].count > 0);
    GtSample first = replay.contacts[0].samples[0];
    gt_replay_free(&replay);
    free(card);
    return first;
}

static const char SLOW_DOWN[] = "Slow down: 14 cm/s, aim for 2-6 cm/s.";

/* Where the seeded attempts' first samples fell: effleurage on the back, lymphatic drainage on
 * the front. */
static GtSample back_sample, front_sample;

/* Seeds Ada Park: effleurage (lower back, pass mark 65) on 10, 12, 13 (failed outright: unsafe)
 * and 14 March, two minutes each; lymphatic drainage (arm, front of the body) on 5-8 March, one
 * minute each. So: effleurage best 92.0, recent 78.5, held back by speed (mean 50 over its scored
 * attempts, lowest 40 with SLOW_DOWN); a streak of 3 days today, best 4. */
static void seed_ada(void) {
    GtProgressDb *db = open_db();
    GtStudent ada;
    char error[GT_DB_ERROR_MAX];
    assert_true(gt_students_add(db, "Ada Park", false, &ada, error, sizeof error));
    for (int day = 5; day <= 8; day++) {
        Seed s = { "lymphatic-drainage-arm", 1, 60.0 + day, GT_VERDICT_SCORED, 70, "Lighter: level 3, aim for 1-2.",
                   march(day, 17), 1 };
        front_sample = save_seed(db, ada.id, &s);
    }
    const Seed effleurage[] = {
        { "lower-back-basics", 1, 55.0, GT_VERDICT_SCORED, 60, "A little fast: 7 cm/s, aim for 2-6 cm/s.", march(10, 9),
          2 },
        { "lower-back-basics", 1, 92.0, GT_VERDICT_SCORED, 40, SLOW_DOWN, march(12, 18), 2 },
        { "lower-back-basics", 1, 30.0, GT_VERDICT_UNSAFE, 50, "Even speed.", march(13, 8), 2 },
        { "lower-back-basics", 1, 78.5, GT_VERDICT_SCORED, 50, "Nearly: 6.5 cm/s, aim for 2-6 cm/s.", march(14, 10),
          2 },
    };
    for (size_t i = 0; i < sizeof effleurage / sizeof effleurage[0]; i++)
        back_sample = save_seed(db, ada.id, &effleurage[i]);
    gt_progress_db_close(db);
}

/* Opens the trainer at `size` on a virtual clock that never ends by itself, "today" being TODAY,
 * with `student` signed in (NULL: a guest). */
static GtApp *open_app(const char *size, const char *student) {
    const char *argv[] = { "--window", size,  "--mute",    "--frames", "100000000",
                           "--today",  TODAY, "--student", student };
    return gt_test_open_app(student ? 9 : 7, argv);
}

/* Presses a physical key and turns the loop once. */
static void key(GtApp *app, SDL_Keycode sym) {
    gt_test_push_key(sym);
    assert_true(gt_app_frame(app));
}

/* Opens My progress by a tap on the home screen's button and checks it shows. */
static const GtProgressView *open_progress(GtApp *app) {
    const GtSession *s = gt_app_session(app);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    gt_test_shown(app, "My progress"); /* the button's label */
    gt_test_tap(app, GT_ACT_PROGRESS);
    assert_int_equal(s->screen, GT_SCREEN_PROGRESS);
    return s->progress_view;
}

/* True when the heat map of `view` has a cell holding the point (x, y) cm. */
static bool heat_cell_at(const GtHeatmap *heat, double x_cm, double y_cm) {
    for (size_t i = 0; i < heat->count; i++) {
        const GtHeatCell *c = &heat->cells[i];
        if (x_cm >= c->x_cm && x_cm < c->x_cm + heat->cell_cm && y_cm >= c->y_cm && y_cm < c->y_cm + heat->cell_cm &&
            c->samples > 0)
            return true;
    }
    return false;
}

static void test_a_student_sees_best_recent_what_holds_them_back_and_their_streak(void **state) {
    (void)state;
    seed_ada();
    GtApp *app = open_app("1280x800", "Ada Park");
    const GtProgressView *v = open_progress(app);
    assert_non_null(v);
    assert_true(v->read_ok);
    gt_test_shown(app, "Ada Park: 8 attempts at 2 techniques");
    /* the list: most recently practised first, named as students read them */
    assert_int_equal(v->technique_count, 2);
    assert_string_equal(v->techniques[0].name, "Effleurage");
    assert_string_equal(v->techniques[1].name, "Lymphatic drainage");
    gt_test_shown(app, "Best 92.0 \xC2\xB7 Recent 78.5");
    gt_test_shown(app, "Best 68.0 \xC2\xB7 Recent 68.0"); /* lymphatic drainage: 61, 62, 63, 68 */
    assert_string_equal(gt_test_shown(app, "Held back by: speed")->text, "Held back by: speed");
    /* the chosen technique's chart: a dot per attempt, the unsafe one failed outright */
    assert_int_equal(v->selected, 0);
    gt_test_shown(app, "Effleurage: score over time");
    gt_test_shown(app, "4 attempts");
    const GtProgressTechnique *t = gt_session_progress_selected(gt_app_session(app));
    assert_int_equal(t->point_count, 4);
    assert_false(t->points[2].scored);
    assert_true(t->points[0].scored && t->points[1].scored && t->points[3].scored);
    assert_true(fabs(t->pass_mark - 65.0) < 1e-9);
    gt_test_shown(app, "pass 65");
    gt_test_shown(app, "failed outright");
    gt_test_shown(app, "10 Mar"); /* the first attempt's day ... */
    gt_test_shown(app, "14 Mar"); /* ... and the last's under the chart */
    /* the criterion that holds it back, in words, with its own feedback */
    char sentence[256];
    snprintf(sentence, sizeof sentence, "Held back most by speed (50 of 100 lately): %s", SLOW_DOWN);
    gt_test_shown(app, sentence);
    /* the streak, counted from --today, and the minutes of each day */
    gt_test_shown(app, "3 days in a row");
    gt_test_shown(app, "best streak 4 days \xC2\xB7 practised today");
    assert_int_equal(v->streak.current_days, 3);
    assert_int_equal(v->streak.best_days, 4);
    assert_string_equal(v->days[GT_PROGRESS_DAYS - 1].day, "2026-03-14");
    assert_string_equal(v->days[0].day, "2026-03-01");
    assert_true(fabs(v->days[GT_PROGRESS_DAYS - 1].minutes - 2.0) < 1e-9);
    assert_true(fabs(v->days[GT_PROGRESS_DAYS - 1 - 9].minutes - 1.0) < 1e-9); /* 5 March */
    assert_true(v->days[GT_PROGRESS_DAYS - 1 - 3].minutes == 0.0);              /* 11 March: none */
    gt_test_shown(app, "Minutes a day, last 14 days (12 min in all)");
    gt_test_shown(app, "today");
    gt_app_close(app);
}

static void test_tapping_a_technique_shows_its_chart_and_the_heat_map_both_sides(void **state) {
    (void)state;
    seed_ada();
    GtApp *app = open_app("1280x800", "Ada Park");
    const GtProgressView *v = open_progress(app);
    /* the heat map: the side with more samples first (the back), cells where the samples fell */
    assert_int_equal(v->view, GT_VIEW_POSTERIOR);
    assert_true(heat_cell_at(&v->heat[GT_VIEW_POSTERIOR], back_sample.x_cm, back_sample.y_cm));
    assert_true(heat_cell_at(&v->heat[GT_VIEW_ANTERIOR], front_sample.x_cm, front_sample.y_cm));
    assert_false(heat_cell_at(&v->heat[GT_VIEW_POSTERIOR], front_sample.x_cm, front_sample.y_cm));
    gt_test_shown(app, "Where you practised");
    gt_test_shown(app, "the most");
    gt_test_tap(app, GT_ACT_PROGRESS_FRONT);
    assert_int_equal(v->view, GT_VIEW_ANTERIOR);
    key(app, SDLK_b);
    assert_int_equal(v->view, GT_VIEW_POSTERIOR);
    /* another technique: its own chart, figures and feedback */
    gt_test_tap(app, GT_ACT_TECHNIQUE_BASE + 1);
    assert_int_equal(v->selected, 1);
    gt_test_shown(app, "Lymphatic drainage: score over time");
    gt_test_shown(app, "4 attempts");
    gt_test_shown(app, "Held back most by speed (70 of 100 lately): Lighter: level 3, aim for 1-2.");
    assert_null(gt_ui_drawn(&app->ui, "Effleurage: score over time"));
    gt_app_close(app);
}

static void test_back_and_escape_return_home_and_let_the_figures_go(void **state) {
    (void)state;
    seed_ada();
    GtApp *app = open_app("1280x800", "Ada Park");
    const GtSession *s = gt_app_session(app);
    open_progress(app);
    gt_test_tap(app, GT_ACT_BACK);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_null(s->progress_view);
    key(app, SDLK_p); /* the keyboard shortcut opens it again, read afresh */
    assert_int_equal(s->screen, GT_SCREEN_PROGRESS);
    assert_non_null(s->progress_view);
    assert_int_equal(s->progress_view->technique_count, 2);
    key(app, SDLK_ESCAPE);
    assert_int_equal(s->screen, GT_SCREEN_HOME);
    assert_null(s->progress_view);
    gt_app_close(app);
}

static void test_a_guest_is_asked_to_pick_a_name(void **state) {
    (void)state;
    GtApp *app = open_app("1280x800", NULL);
    const GtSession *s = gt_app_session(app);
    assert_null(open_progress(app)); /* nothing is read for a guest */
    gt_test_shown(app, "Pick your name to see your progress");
    assert_null(gt_ui_drawn(&app->ui, "days in a row"));
    gt_test_tap(app, GT_ACT_STUDENTS);
    assert_int_equal(s->screen, GT_SCREEN_STUDENTS);
    gt_app_close(app);
}

static void test_a_student_with_no_attempts_is_told_how_to_make_some(void **state) {
    (void)state;
    GtApp *app = open_app("1280x800", "Noor Haddad");
    const GtProgressView *v = open_progress(app);
    assert_non_null(v);
    assert_true(v->read_ok);
    assert_int_equal(v->technique_count, 0);
    gt_test_shown(app, "No attempts saved yet");
    assert_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE));
    gt_app_close(app);
}

static void test_a_database_that_cannot_be_read_says_so_on_screen(void **state) {
    (void)state;
    seed_ada();
    char path[400];
    snprintf(path, sizeof path, "%s/guidedtouch/progress.db", gt_test_home);
    assert_true(gt_fixture_sql_exec(path, "ALTER TABLE attempt_positions RENAME TO lost_positions;"));
    GtApp *app = open_app("1280x800", "Ada Park");
    const GtSession *s = gt_app_session(app);
    const GtProgressView *v = open_progress(app);
    assert_false(v->read_ok);
    assert_non_null(strstr(s->notice, "Your progress could not be read: "));
    gt_test_shown(app, "Your progress could not be read: "); /* the notice, on screen */
    gt_test_shown(app, "the message below says why");
    assert_null(gt_ui_drawn(&app->ui, "days in a row"));
    gt_app_close(app);
}

/* True when two rectangles share any pixel. */
static bool overlap(SDL_Rect a, SDL_Rect b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/* Fails when a text drawn is cut or leaves the window, when two texts overlap, or when two
 * buttons or rows overlap or leave the window. Buttons' own labels lie inside their buttons. */
static void check_readable(GtApp *app, const char *size) {
    const GtUi *ui = &app->ui;
    for (int i = 0; i < ui->drawn_count; i++) {
        const GtDrawnText *a = &ui->drawn[i];
        if (a->cut) fail_msg("%s: \"%s\" is cut", size, a->text);
        if (a->rect.x < 0 || a->rect.y < 0 || a->rect.x + a->rect.w > app->output_w ||
            a->rect.y + a->rect.h > app->output_h)
            fail_msg("%s: \"%s\" leaves the window", size, a->text);
        for (int j = i + 1; j < ui->drawn_count; j++)
            if (overlap(a->rect, ui->drawn[j].rect))
                fail_msg("%s: \"%s\" overlaps \"%s\"", size, a->text, ui->drawn[j].text);
    }
    const GtHitMap *hits = gt_app_hits(app);
    for (int i = 0; i < hits->count; i++) {
        SDL_Rect r = hits->hits[i].rect;
        if (hits->hits[i].kind == GT_HIT_LIST) continue; /* the lesson list's scroll area holds its cards */
        if (r.x < 0 || r.y < 0 || r.x + r.w > app->output_w || r.y + r.h > app->output_h)
            fail_msg("%s: \"%s\" leaves the window", size, hits->hits[i].label);
        for (int j = i + 1; j < hits->count; j++)
            if (hits->hits[j].kind != GT_HIT_LIST && overlap(r, hits->hits[j].rect))
                fail_msg("%s: \"%s\" overlaps \"%s\"", size, hits->hits[i].label, hits->hits[j].label);
    }
}

static void test_every_size_shows_everything_whole_and_apart(void **state) {
    (void)state;
    seed_ada();
    const char *sizes[] = { "1280x800", "1920x1080", "1080x1920" };
    for (size_t k = 0; k < 3; k++) {
        GtApp *app = open_app(sizes[k], "Ada Park");
        check_readable(app, sizes[k]); /* the lesson list with its My progress button */
        open_progress(app);
        check_readable(app, sizes[k]);
        gt_test_shown(app, "3 days in a row");
        gt_test_shown(app, "Held back most by speed");
        gt_test_tap(app, GT_ACT_TECHNIQUE_BASE + 1);
        check_readable(app, sizes[k]);
        gt_app_close(app);
    }
}

/* Seeds Ben Ode with one attempt at each of 14 techniques, a day apart (the latest first in the
 * list). Returns how many. */
static size_t seed_every_technique(void) {
    static const struct { const char *lesson; int step; } STEPS[] = {
        { "daily-self-massage", 1 }, { "daily-self-massage", 2 }, { "daily-self-massage", 3 },
        { "daily-self-massage", 6 }, { "fibromyalgia-light-touch", 2 }, { "fibromyalgia-light-touch", 4 },
        { "lower-back-basics", 1 }, { "lower-back-basics", 3 }, { "lower-back-basics", 4 },
        { "lower-back-basics", 5 }, { "lymphatic-drainage-arm", 1 }, { "neck-shoulder-tension", 4 },
        { "hamstring-strain-friction", 2 }, { "sports-pre-event-legs", 3 },
    };
    size_t n = sizeof STEPS / sizeof STEPS[0];
    GtProgressDb *db = open_db();
    GtStudent ben;
    char error[GT_DB_ERROR_MAX];
    assert_true(gt_students_add(db, "Ben Ode", false, &ben, error, sizeof error));
    for (size_t i = 0; i < n; i++) {
        Seed s = { STEPS[i].lesson, STEPS[i].step, 70.0, GT_VERDICT_SCORED, 80, "Keep it even.",
                   march(1, 9) + (int64_t)i * DAY_MS, 1 };
        save_seed(db, ben.id, &s);
    }
    gt_progress_db_close(db);
    return n;
}

static void test_a_long_list_of_techniques_scrolls_and_every_one_can_be_chosen(void **state) {
    (void)state;
    size_t n = seed_every_technique();
    GtApp *app = open_app("1080x1920", "Ben Ode");
    const GtSession *s = gt_app_session(app);
    const GtProgressView *v = open_progress(app);
    assert_int_equal(v->technique_count, n);
    const GtHitMap *hits = gt_app_hits(app);
    assert_non_null(gt_hits_find_action(hits, GT_ACT_TECHNIQUE_BASE));          /* the first row shows ... */
    assert_null(gt_hits_find_action(hits, GT_ACT_TECHNIQUE_BASE + (int)n - 1)); /* ... the last does not yet */
    check_readable(app, "1080x1920");
    gt_test_tap(app, GT_ACT_PROGRESS_MORE);
    assert_int_equal(v->first_row, 1);
    assert_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE));
    assert_non_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE + 1));
    for (size_t k = 0; k < n; k++) key(app, SDLK_PAGEDOWN); /* as far as it goes, and no further: */
    int last_first = v->first_row;                           /* the last row shows at the bottom */
    assert_true(last_first > 1 && last_first < (int)n - 1);
    assert_non_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE + last_first));
    assert_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE + last_first - 1));
    gt_test_tap(app, GT_ACT_TECHNIQUE_BASE + (int)n - 1); /* the oldest: the first seeded */
    assert_int_equal(v->selected, (int)n - 1);
    gt_test_shown(app, "Neck and shoulder rolls: score over time");
    check_readable(app, "1080x1920");
    gt_test_tap(app, GT_ACT_PROGRESS_UP); /* one press, one row back */
    assert_int_equal(v->first_row, last_first - 1);
    assert_non_null(gt_hits_find_action(gt_app_hits(app), GT_ACT_TECHNIQUE_BASE + last_first - 1));
    assert_int_equal(s->screen, GT_SCREEN_PROGRESS);
    gt_app_close(app);
}

/* Releases the library after the last test. */
static int free_library(void **state) {
    (void)state;
    if (library_ready) gt_library_free(&library);
    library_ready = false;
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_a_student_sees_best_recent_what_holds_them_back_and_their_streak,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_tapping_a_technique_shows_its_chart_and_the_heat_map_both_sides,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_back_and_escape_return_home_and_let_the_figures_go, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_guest_is_asked_to_pick_a_name, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_student_with_no_attempts_is_told_how_to_make_some, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_database_that_cannot_be_read_says_so_on_screen, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_every_size_shows_everything_whole_and_apart, gt_test_fresh_home,
                                        gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_long_list_of_techniques_scrolls_and_every_one_can_be_chosen,
                                        gt_test_fresh_home, gt_test_remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, free_library);
}
