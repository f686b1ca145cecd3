/* The trainer end to end, headless (SDL dummy video and audio): scripted touch completes a
 * lesson step and the card it shows equals the engine's grade of the replay it saved; two
 * fingers make two contacts; SDL's synthetic duplicates are not counted; the screens render at
 * laptop, full-HD and portrait kiosk sizes with the body where it belongs; a broken lesson is
 * listed instead of crashing the app. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "test_support.h"
#include "app.h"
#include "scorecard_write.h"

#include <SDL.h>
#include <SDL_image.h>
#include <dirent.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char home[256];

/* A fresh user data directory for each test, so marks and replays start empty. */
static int fresh_home(void **state) {
    (void)state;
    snprintf(home, sizeof home, "/tmp/gt-app-test-XXXXXX");
    assert_non_null(mkdtemp(home));
    setenv("XDG_DATA_HOME", home, 1);
    return 0;
}

static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *ftw) {
    (void)info;
    (void)flag;
    (void)ftw;
    return remove(path);
}

/* Removes the test's data directory and everything in it (links are removed, not followed). */
static int remove_home(void **state) {
    (void)state;
    return nftw(home, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static int run_app(const char *data_dir, int argc, const char **argv) {
    char **copy = calloc((size_t)argc + 1, sizeof *copy);
    for (int i = 0; i < argc; i++) copy[i] = (char *)argv[i];
    int code = gt_app_main(data_dir, argc, copy);
    free(copy);
    return code;
}

/* The one replay the trainer saved; fails when there is not exactly one. */
static void saved_replay_path(char *path, size_t size) {
    char dir[400];
    snprintf(dir, sizeof dir, "%s/guidedtouch/replays", home);
    char **files = NULL;
    size_t count = gt_list_json_files(dir, &files);
    assert_int_equal(count, 1);
    snprintf(path, size, "%s", files[0]);
    gt_free_file_list(files, count);
}

static void load_saved_replay(GtReplay *replay) {
    char path[600];
    saved_replay_path(path, sizeof path);
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_load_replay_file(path, &diag, replay);
    if (!ok) gt_diag_print(&diag, stderr);
    assert_true(ok);
    gt_diag_free(&diag);
}

static void test_scripted_touch_step_shows_the_grade_of_its_replay(void **state) {
    (void)state;
    char script[400], card_path[400];
    snprintf(script, sizeof script, "%s/stroke.txt", home);
    snprintf(card_path, sizeof card_path, "%s/card.json", home);
    /* lower-back-basics step 1: effleurage up the left erector spinae, guide (46.5,83) -> (45.6,62) */
    write_text(script, "at 200\nkey Return\nwait 200\nkey 4\n"
                       "trace 0 46.5 83 46.1 72 3000\ntrace 0 46.1 72.2 45.6 62 2800\nwait 300\nkey Return\n");
    const char *argv[] = { "--lesson", "lower-back-basics", "--script", script, "--card-out", card_path, "--mute" };
    assert_int_equal(run_app(GT_SOURCE_DIR, 7, argv), 0);

    GtReplay replay;
    load_saved_replay(&replay);
    assert_int_equal(replay.device, GT_DEVICE_TOUCH);
    assert_int_equal(replay.pressure_source, GT_PRESSURE_KEYS);
    assert_int_equal(replay.contact_count, 2);
    GtLibrary library;
    gt_test_load_library(&library);
    const GtLesson *lesson = gt_library_lesson(&library, "lower-back-basics");
    GtScoreTarget target = gt_test_target(&library, lesson, 1);
    GtScoreCard card;
    assert_true(gt_score_attempt(&target, &replay, &card));
    char *graded = gt_scorecard_to_json(&card);
    GtDiag diag;
    gt_diag_init(&diag);
    char *shown = NULL;
    size_t length = 0;
    assert_true(gt_read_file(card_path, &shown, &length, &diag));
    assert_string_equal(shown, graded);
    /* the stroke was lifted half-way, and the card says so */
    assert_float_equal(gt_card_criterion(&card, GT_CRITERION_CONTINUITY)->measured, 1.0, 0.0);
    assert_true(gt_card_criterion(&card, GT_CRITERION_PATH)->score >= 90.0);
    free(shown);
    free(graded);
    gt_diag_free(&diag);
    gt_replay_free(&replay);
    gt_library_free(&library);
}

static void test_two_fingers_make_two_contacts(void **state) {
    (void)state;
    char script[400];
    snprintf(script, sizeof script, "%s/two.txt", home);
    /* both hands on the lower back at once, then Done */
    write_text(script, "at 200\nkey Return\nwait 200\n"
                       "finger down 0 46.5 82 1\nfinger down 1 53.5 82 1\nwait 30\n"
                       "finger move 0 46.4 79 1\nfinger move 1 53.6 79 1\nwait 30\n"
                       "finger move 0 46.3 76 1\nfinger move 1 53.7 76 1\nwait 30\n"
                       "finger up 0 46.3 76 1\nfinger up 1 53.7 76 1\nwait 200\nkey Return\n");
    const char *argv[] = { "--lesson", "lower-back-basics", "--script", script, "--mute" };
    assert_int_equal(run_app(GT_SOURCE_DIR, 5, argv), 0);
    GtReplay replay;
    load_saved_replay(&replay);
    assert_int_equal(replay.contact_count, 2);
    assert_true(replay.contacts[0].id != replay.contacts[1].id);
    /* they overlap in time */
    assert_true(replay.contacts[1].samples[0].t_ms < replay.contacts[0].samples[replay.contacts[0].count - 1].t_ms);
    assert_true(replay.contacts[0].samples[0].x_cm < 50 && replay.contacts[1].samples[0].x_cm > 50);
    gt_replay_free(&replay);
}

static void test_synthetic_duplicates_are_not_counted(void **state) {
    (void)state;
    char script[400];
    snprintf(script, sizeof script, "%s/dupes.txt", home);
    /* every finger event is echoed by SDL's synthetic mouse; none of those may count */
    write_text(script, "at 200\nkey Return\nwait 200\n"
                       "finger down 0 46.5 82 1\nmouse down 46.5 82 synthetic\nwait 30\n"
                       "finger move 0 46.4 79 1\nmouse move 46.4 79 synthetic\nwait 30\n"
                       "finger move 0 46.3 76 1\nmouse move 46.3 76 synthetic\nwait 30\n"
                       "finger up 0 46.3 76 1\nmouse up 46.3 76 synthetic\nwait 200\nkey Return\n");
    const char *argv[] = { "--lesson", "lower-back-basics", "--script", script, "--mute" };
    assert_int_equal(run_app(GT_SOURCE_DIR, 5, argv), 0);
    GtReplay replay;
    load_saved_replay(&replay);
    assert_int_equal(replay.contact_count, 1);
    assert_int_equal(replay.device, GT_DEVICE_TOUCH);
    /* four finger events; hold ticks may add a sample or two, duplicates would add four */
    assert_in_range(replay.contacts[0].count, 4, 6);
    gt_replay_free(&replay);
}

/* Share of pixels in a rectangle that look like the figure's skin tone. */
static double skin_share(SDL_Surface *s, SDL_Rect r) {
    long skin = 0, total = 0;
    for (int y = r.y; y < r.y + r.h; y += 4)
        for (int x = r.x; x < r.x + r.w; x += 4) {
            Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
            Uint8 red = (Uint8)(p >> 16), green = (Uint8)(p >> 8), blue = (Uint8)p;
            skin += red > 200 && red > green + 10 && green > blue + 10 && blue > 120;
            total++;
        }
    return total ? (double)skin / (double)total : 0.0;
}

static SDL_Surface *load_png(const char *path) {
    SDL_Surface *raw = IMG_Load(path);
    if (!raw) fail_msg("cannot read screenshot %s: %s", path, IMG_GetError());
    SDL_Surface *argb = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    assert_non_null(argb);
    return argb;
}

static void test_screens_render_at_three_sizes(void **state) {
    (void)state;
    static const struct { const char *size; int w, h; } SIZES[] = {
        { "1280x800", 1280, 800 }, { "1920x1080", 1920, 1080 }, { "1080x1920", 1080, 1920 } };
    for (size_t i = 0; i < sizeof SIZES / sizeof SIZES[0]; i++) {
        char shot[400];
        snprintf(shot, sizeof shot, "%s/demo-%s.png", home, SIZES[i].size);
        const char *argv[] = { "--window", SIZES[i].size, "--lesson", "neck-shoulder-tension", "--frames", "20",
                               "--screenshot", shot, "--mute" };
        assert_int_equal(run_app(GT_SOURCE_DIR, 9, argv), 0);
        SDL_Surface *s = load_png(shot);
        assert_int_equal(s->w, SIZES[i].w);
        assert_int_equal(s->h, SIZES[i].h);
        bool portrait = SIZES[i].h > SIZES[i].w;
        SDL_Rect body = portrait ? (SDL_Rect){ 0, s->h / 10, s->w, s->h * 4 / 10 } : (SDL_Rect){ 0, s->h / 10, s->w / 2, s->h * 8 / 10 };
        SDL_Rect panel = portrait ? (SDL_Rect){ 0, s->h * 6 / 10, s->w, s->h * 3 / 10 } : (SDL_Rect){ s->w * 6 / 10, s->h / 10, s->w * 3 / 10, s->h * 8 / 10 };
        double in_body = skin_share(s, body), in_panel = skin_share(s, panel);
        fprintf(stderr, "%s demo: skin %.0f%% where the body goes, %.0f%% in the panel\n", SIZES[i].size,
                100 * in_body, 100 * in_panel);
        assert_true(in_body > 0.25);
        assert_true(in_panel < 0.02);
        SDL_FreeSurface(s);
    }
}

static void test_broken_lesson_is_listed_not_fatal(void **state) {
    (void)state;
    char data[400], path[600], shot[400];
    snprintf(data, sizeof data, "%s/data", home);
    snprintf(path, sizeof path, "%s/lessons", data);
    assert_int_equal(mkdir(data, 0700) | mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/assets", data);
    assert_int_equal(symlink(gt_test_path("assets"), path), 0);
    snprintf(path, sizeof path, "%s/lessons/techniques", data);
    assert_int_equal(symlink(gt_test_path("lessons/techniques"), path), 0);
    snprintf(path, sizeof path, "%s/lessons/broken.json", data);
    write_text(path, "{ \"format\": \"guidedtouch-lesson\", \"version\": 1, \"id\": \"broken\",\n  \"steps\": [ \n");
    snprintf(shot, sizeof shot, "%s/home.png", home);
    const char *argv[] = { "--frames", "5", "--screenshot", shot, "--mute" };
    assert_int_equal(run_app(data, 5, argv), 0);
    SDL_Surface *s = load_png(shot);
    long red = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++) {
            Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
            red += ((p >> 16) & 0xFF) == 0xD5 && ((p >> 8) & 0xFF) == 0x5E && (p & 0xFF) == 0x00;
        }
    assert_true(red > 500);   /* the broken lesson's card is drawn, outlined in vermillion */
    SDL_FreeSurface(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_scripted_touch_step_shows_the_grade_of_its_replay, fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_two_fingers_make_two_contacts, fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_synthetic_duplicates_are_not_counted, fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_screens_render_at_three_sizes, fresh_home, remove_home),
        cmocka_unit_test_setup_teardown(test_broken_lesson_is_listed_not_fatal, fresh_home, remove_home),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
