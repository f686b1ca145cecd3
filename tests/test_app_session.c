/* The trainer end to end, headless (SDL dummy video and audio): scripted touch completes a
 * lesson step and the card it shows equals the engine's grade of the replay it saved; two
 * fingers make two contacts; SDL's synthetic duplicates are not counted; the screens render at
 * laptop, full-HD and portrait kiosk sizes with the body where it belongs; a broken lesson is
 * listed instead of crashing the app. Safety: pressing on the kidney area during circular
 * friction is warned about live, by name, and the card fails it as unsafe, naming the same
 * place; the warning, the result screen's words and the total it shows are checked through the
 * functions the drawing code uses. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "test_support.h"
#include "temp_home.h"
#include "app.h"
#include "attempts.h"
#include "hits.h"
#include "result_words.h"
#include "session.h"
#include "gt_motion.h"
#include "live_safety.h"
#include "scorecard_write.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <cjson/cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static void write_text(const char *path, const char *text) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* Runs the trainer to its end with `argv`, signed in as a student (a guest's attempts are not
 * kept), and returns its exit code. */
static int run_app(const char *data_dir, int argc, const char **argv) {
    char **copy = calloc((size_t)argc + 3, sizeof *copy);
    for (int i = 0; i < argc; i++) copy[i] = (char *)argv[i];
    copy[argc] = "--student";
    copy[argc + 1] = "Sam Okafor";
    int code = gt_app_main(data_dir, argc + 2, copy);
    free(copy);
    return code;
}

/* The attempts gt_attempts_each showed: how many, and the last one's id. */
typedef struct SeenAttempts {
    int count;
    char id[GT_UUID_TEXT];
} SeenAttempts;

/* Counts the attempt it is shown and keeps its id (in a SeenAttempts). */
static bool note_attempt(const GtStoredAttempt *attempt, void *context) {
    SeenAttempts *seen = context;
    seen->count++;
    snprintf(seen->id, sizeof seen->id, "%s", attempt->id);
    return true;
}

/* The replay JSON of the one attempt saved in the database under `data_home` (malloc'd); fails
 * when there is not exactly one. */
static char *saved_replay_text(const char *data_home) {
    char path[400], error[GT_DB_ERROR_MAX];
    SeenAttempts seen = { 0, "" };
    snprintf(path, sizeof path, "%s/guidedtouch/progress.db", data_home);
    GtProgressDb *db = gt_progress_db_open(path, error, sizeof error);
    assert_non_null(db);
    assert_true(gt_attempts_each(db, 0, note_attempt, &seen, error, sizeof error));
    assert_int_equal(seen.count, 1);
    GtStoredAttempt stored;
    assert_true(gt_attempts_load(db, seen.id, true, &stored, error, sizeof error));
    assert_non_null(stored.replay_json);
    char *text = strdup(stored.replay_json);
    gt_stored_attempt_free(&stored);
    gt_progress_db_close(db);
    return text;
}

/* The replay of the one attempt the trainer saved in the database; fails when there is not
 * exactly one. */
static void load_saved_replay(GtReplay *replay) {
    char *text = saved_replay_text(gt_test_home);
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_load_replay("progress.db", text, strlen(text), &diag, replay);
    free(text);
    if (!ok) gt_diag_print(&diag, stderr);
    assert_true(ok);
    gt_diag_free(&diag);
}

static void test_scripted_touch_step_shows_the_grade_of_its_replay(void **state) {
    (void)state;
    char script[400], card_path[400];
    snprintf(script, sizeof script, "%s/stroke.txt", gt_test_home);
    snprintf(card_path, sizeof card_path, "%s/card.json", gt_test_home);
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
    /* a move every 16 ms of script time, from the attempt's first touch (t 0): the first trace
     * 3000 ms from t 0 (189 samples, its end included), the second 2800 ms from t 3000 (176) */
    assert_int_equal(replay.contacts[0].count, 189);
    assert_int_equal(replay.contacts[1].count, 176);
    assert_float_equal(replay.contacts[0].samples[0].t_ms, 0.0, 0.0);
    assert_float_equal(replay.contacts[0].samples[188].t_ms, 3000.0, 0.0);
    assert_float_equal(replay.contacts[1].samples[0].t_ms, 3000.0, 0.0);
    assert_float_equal(replay.contacts[1].samples[175].t_ms, 5800.0, 0.0);
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
    snprintf(script, sizeof script, "%s/two.txt", gt_test_home);
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
    /* exactly the script's samples at the script's times: the hands landed together at 400 ms
     * (t 0, the attempt's first touch), moved at 430 and 460, lifted at 490 (where they last
     * were, 30 ms later: a sample of its own); no hold sample, as no hand stayed still for 50 ms */
    static const double T_MS[] = { 0, 30, 60, 90 }, Y_CM[] = { 82, 79, 76, 76 };
    static const double X_CM[2][4] = { { 46.5, 46.4, 46.3, 46.3 }, { 53.5, 53.6, 53.7, 53.7 } };
    for (size_t c = 0; c < 2; c++) {
        assert_int_equal(replay.contacts[c].count, 4);
        for (size_t k = 0; k < 4; k++) {
            assert_float_equal(replay.contacts[c].samples[k].t_ms, T_MS[k], 0.0);
            assert_float_equal(replay.contacts[c].samples[k].x_cm, X_CM[c][k], 0.015);
            assert_float_equal(replay.contacts[c].samples[k].y_cm, Y_CM[k], 0.015);
        }
    }
    gt_replay_free(&replay);
}

static void test_a_still_finger_is_sampled_every_50_ms_of_script_time(void **state) {
    (void)state;
    char script[400];
    snprintf(script, sizeof script, "%s/hold.txt", gt_test_home);
    /* a finger held still for 1 s: the hold samples fall every 50 ms after it landed, at those
     * times exactly, however the frames fell and however busy the machine was */
    write_text(script, "at 200\nkey Return\nwait 200\nfinger down 0 46.5 80\nwait 1000\n"
                       "finger up 0 46.5 80\nwait 100\nkey Return\n");
    const char *argv[] = { "--lesson", "lower-back-basics", "--script", script, "--mute" };
    assert_int_equal(run_app(GT_SOURCE_DIR, 5, argv), 0);
    GtReplay replay;
    load_saved_replay(&replay);
    assert_int_equal(replay.contact_count, 1);
    const GtContact *c = &replay.contacts[0];
    assert_int_equal(c->count, 21);   /* t 0, 50, ... 1000: the lift lands on the last beat */
    for (size_t k = 0; k < c->count; k++) {
        assert_float_equal(c->samples[k].t_ms, 50.0 * (double)k, 0.0);
        assert_float_equal(c->samples[k].x_cm, 46.5, 0.015);
    }
    gt_replay_free(&replay);
}

/* The centre of the hit with `action` on the screen the app shows, as window fractions. */
static void hit_centre(GtApp *app, int action, double *fx, double *fy) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), action);
    assert_non_null(hit);
    int ow = 0, oh = 0;
    gt_app_sizes(app, NULL, NULL, &ow, &oh);
    *fx = (hit->rect.x + hit->rect.w / 2.0) / ow;
    *fy = (hit->rect.y + hit->rect.h / 2.0) / oh;
}

/* The index of the lowest card in the left column of the lesson list's first page whose lesson
 * starts with a guide line to trace (not the first card, so a tap must find its row); fails the
 * test when there is none. */
static int lowest_left_card(GtApp *app, const GtLibrary *library) {
    int ow = 0, oh = 0, best = -1;
    double best_y = -1.0;
    gt_app_sizes(app, NULL, NULL, &ow, &oh);
    for (size_t i = 0; i < library->lesson_count; i++) {
        const GtHit *hit = gt_hits_find_action(gt_app_hits(app), GT_ACT_LESSON_BASE + (int)i);
        if (!hit || library->lessons[i].steps[0].guide_is_point) continue;
        double x = (hit->rect.x + hit->rect.w / 2.0) / ow, y = (hit->rect.y + hit->rect.h / 2.0) / oh;
        if (x < 0.5 && y > best_y) best = (int)i, best_y = y;
    }
    if (best < 0) fail_msg("no card with a guide line in the left column of the lesson list");
    return best;
}

static void test_a_lesson_chosen_on_the_list_by_tap_and_click(void **state) {
    (void)state;
    /* the left column of the list: the script taps the lowest card there (of a lesson whose
     * first step has a line to trace), clicks Start lesson, goes on to practice with Return,
     * traces the step's guide and presses Done; the attempt is that lesson's */
    GtLibrary library;
    gt_test_load_library(&library);
    const char *open_argv[] = { "--window", "1280x800", "--mute", "--frames", "2" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 5, (char **)open_argv, &code);
    assert_non_null(app);
    int index = lowest_left_card(app, &library);
    const GtLesson *lesson = &library.lessons[index];
    assert_true(index > 0);
    const GtPoint *guide = lesson->steps[0].guide.points;
    double card_x, card_y, start_x, start_y;
    hit_centre(app, GT_ACT_LESSON_BASE + index, &card_x, &card_y);
    assert_true(card_x < 0.5);   /* the left column */
    assert_true(gt_app_act(app, GT_ACT_LESSON_BASE + index));
    hit_centre(app, GT_ACT_START, &start_x, &start_y);
    gt_app_close(app);
    char script[400], text[600];
    snprintf(script, sizeof script, "%s/from-list.txt", gt_test_home);
    snprintf(text, sizeof text, "at 100\ntap %.4f %.4f\nwait 200\nclick %.4f %.4f\nwait 200\nkey Return\nwait 200\n"
             "key 2\ntrace 0 %.2f %.2f %.2f %.2f 2000\nwait 200\nkey Return\n", card_x, card_y, start_x, start_y,
             guide[0].x, guide[0].y, guide[1].x, guide[1].y);
    write_text(script, text);
    const char *argv[] = { "--window", "1280x800", "--script", script, "--mute" };
    assert_int_equal(run_app(GT_SOURCE_DIR, 5, argv), 0);
    GtReplay replay;
    load_saved_replay(&replay);
    assert_string_equal(replay.lesson, lesson->id);
    assert_int_equal(replay.step, 1);
    assert_int_equal(replay.contact_count, 1);
    assert_float_equal(replay.contacts[0].samples[0].x_cm, guide[0].x, 0.015);
    gt_replay_free(&replay);
    gt_library_free(&library);
}

static void test_synthetic_duplicates_are_not_counted(void **state) {
    (void)state;
    char script[400];
    snprintf(script, sizeof script, "%s/dupes.txt", gt_test_home);
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
    /* four finger events, 30 ms apart on the script's clock; duplicates would add four */
    assert_int_equal(replay.contacts[0].count, 4);
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
        snprintf(shot, sizeof shot, "%s/demo-%s.png", gt_test_home, SIZES[i].size);
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
    snprintf(data, sizeof data, "%s/data", gt_test_home);
    snprintf(path, sizeof path, "%s/lessons", data);
    assert_int_equal(mkdir(data, 0700) | mkdir(path, 0700), 0);
    snprintf(path, sizeof path, "%s/assets", data);
    assert_int_equal(symlink(gt_test_path("assets"), path), 0);
    snprintf(path, sizeof path, "%s/lessons/techniques", data);
    assert_int_equal(symlink(gt_test_path("lessons/techniques"), path), 0);
    snprintf(path, sizeof path, "%s/lessons/broken.json", data);
    write_text(path, "{ \"format\": \"guidedtouch-lesson\", \"version\": 1, \"id\": \"broken\",\n  \"steps\": [ \n");
    snprintf(shot, sizeof shot, "%s/home.png", gt_test_home);
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

/* ---- safety: the live warning and the unsafe card ---- */

/* Runs the trainer with its stderr going to `log_path` (the trainer logs each warning it
 * shows there); returns the exit code. */
static int run_app_logged(const char *log_path, int argc, const char **argv) {
    fflush(stderr);
    int saved = dup(2), log = open(log_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    assert_true(saved >= 0 && log >= 0);
    assert_true(dup2(log, 2) >= 0);
    close(log);
    int code = run_app(GT_SOURCE_DIR, argc, argv);
    fflush(stderr);
    assert_true(dup2(saved, 2) >= 0);
    close(saved);
    return code;
}

/* The string member `key` of a JSON object; fails the test when there is none. */
static const char *json_string(const cJSON *object, const char *key) {
    const char *value = cJSON_GetStringValue(cJSON_GetObjectItem(object, key));
    if (!value) fail_msg("the card has no string \"%s\"", key);
    return value;
}

static char *read_text(const char *path) {
    GtDiag diag;
    gt_diag_init(&diag);
    char *text = NULL;
    size_t length = 0;
    assert_true(gt_read_file(path, &text, &length, &diag));
    gt_diag_free(&diag);
    return text;
}

/* Kidney area (right) on the posterior map: centre (54.2, 65), radius 3.5 cm. */
static const double KIDNEY_X = 54.2, KIDNEY_Y = 65.0;

/* A script for lower-back-basics step 4 (circular friction on the right erector spinae): from
 * the demonstration to practice, level 6 (in the 5-7 band), then 3 s of small circles on the
 * right kidney area instead of the muscle. `finish`: lift and press Done; otherwise the finger
 * stays down, so the trainer's last frame is drawn with the hand on the place. */
static void write_kidney_script(const char *path, bool finish) {
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("at 200\nkey Return\nwait 200\nkey 6\n", f);
    fprintf(f, "finger down 0 %.2f %.2f\n", KIDNEY_X + 1.2, KIDNEY_Y);
    double x = KIDNEY_X + 1.2, y = KIDNEY_Y;
    for (int i = 1; i <= 3000 / 16; i++) {
        double a = 2 * M_PI * i * 16 / 900.0;   /* one circle every 0.9 s, as the step asks */
        x = KIDNEY_X + 1.2 * cos(a);
        y = KIDNEY_Y + 1.2 * sin(a);
        fprintf(f, "wait 16\nfinger move 0 %.2f %.2f\n", x, y);
    }
    if (finish) fprintf(f, "finger up 0 %.2f %.2f\nwait 300\nkey Return\n", x, y);
    fclose(f);
}

static void test_kidney_press_is_warned_live_by_name(void **state) {
    (void)state;
    char script[400], log[400];
    snprintf(script, sizeof script, "%s/kidney-held.txt", gt_test_home);
    snprintf(log, sizeof log, "%s/stderr.txt", gt_test_home);
    write_kidney_script(script, false);
    const char *argv[] = { "--lesson", "lower-back-basics", "--step", "4", "--script", script, "--mute" };
    assert_int_equal(run_app_logged(log, 7, argv), 0);
    char *text = read_text(log);
    fprintf(stderr, "trainer log:\n%s", text);
    /* the last frame is drawn with the hand still on the place, whatever the machine's load */
    assert_non_null(strstr(text, "warning shown: Kidney area (right): keep off"));
    assert_non_null(strstr(text, "never use circular friction here"));
    free(text);
}

/* The newest sample of the replay that lies on `landmark`'s place, or NULL. */
static const GtSample *last_sample_on(const GtReplay *replay, const GtLandmark *landmark) {
    const GtSample *found = NULL;
    for (size_t c = 0; c < replay->contact_count; c++)
        for (size_t k = 0; k < replay->contacts[c].count; k++) {
            const GtSample *s = &replay->contacts[c].samples[k];
            if (gt_landmark_distance(landmark, (GtPoint){ s->x_cm, s->y_cm }) < landmark->radius_cm) found = s;
        }
    return found;
}

static void test_kidney_press_ends_with_an_unsafe_card(void **state) {
    (void)state;
    char script[400], card_path[400];
    snprintf(script, sizeof script, "%s/kidney.txt", gt_test_home);
    snprintf(card_path, sizeof card_path, "%s/card.json", gt_test_home);
    write_kidney_script(script, true);
    const char *argv[] = { "--lesson", "lower-back-basics", "--step", "4", "--script", script,
                           "--card-out", card_path, "--mute" };
    assert_int_equal(run_app(GT_SOURCE_DIR, 9, argv), 0);

    /* the card the trainer wrote: unsafe, naming the place */
    char *shown = read_text(card_path);
    cJSON *json = cJSON_Parse(shown);
    assert_non_null(json);
    assert_string_equal(json_string(json, "verdict"), "unsafe");
    assert_false(cJSON_IsTrue(cJSON_GetObjectItem(json, "passed")));
    cJSON *entry = cJSON_GetArrayItem(cJSON_GetObjectItem(json, "safety"), 0);
    assert_non_null(entry);
    assert_string_equal(json_string(entry, "place_name"), "Kidney area (right)");
    cJSON_Delete(json);

    /* the engine grades the saved replay to the same card */
    GtReplay replay;
    load_saved_replay(&replay);
    GtLibrary library;
    gt_test_load_library(&library);
    const GtLesson *lesson = gt_library_lesson(&library, "lower-back-basics");
    GtScoreTarget target = gt_test_target(&library, lesson, 4);
    GtScoreCard card;
    gt_score_attempt(&target, &replay, &card);
    char *graded = gt_scorecard_to_json(&card);
    assert_string_equal(shown, graded);
    assert_int_equal(card.verdict, GT_VERDICT_UNSAFE);
    assert_true(card.safety_count >= 1);

    /* the live warning, asked of the same samples at the time of the last one on the place,
     * names the place the card names */
    const GtLandmark *kidney = gt_bodymap_landmark(target.map, "kidney-r");
    const GtSample *on = last_sample_on(&replay, kidney);
    assert_non_null(on);
    GtLiveSafety live;
    GtRange band = gt_live_step_band(target.step);
    assert_int_equal(gt_live_safety_check(target.technique, band, target.map, &replay, on->t_ms, &live), 1);
    assert_ptr_equal(live.warnings[0].zone, kidney);
    assert_non_null(strstr(live.warnings[0].text, card.safety[0].place_name));

    /* and the result screen's words say unsafe, with the card's message */
    GtResultNote notes[GT_RESULT_NOTES_MAX];
    assert_true(gt_result_notes(&card, notes) >= 1);
    assert_int_equal(notes[0].kind, GT_NOTE_UNSAFE);
    assert_string_equal(notes[0].title, "Unsafe \xE2\x80\x94 not passed");
    assert_string_equal(notes[0].lines[0], card.safety[0].message);
    free(graded);
    free(shown);
    gt_replay_free(&replay);
    gt_library_free(&library);
}

/* A replay of one contact for step 4's technique: samples every 20 ms from t0_ms to t1_ms at
 * (x, y) with `pressure` (0-1). */
static void one_contact(GtReplay *replay, double t0_ms, double t1_ms, double x, double y, double pressure) {
    gt_replay_init(replay);
    int c = gt_replay_add_contact(replay, 0);
    for (double t = t0_ms; t <= t1_ms; t += 20)
        assert_true(gt_replay_add_sample(replay, c, gt_sample_quantize((GtSample){ t, x, y, pressure })));
}

static void test_scripted_run_is_the_same_every_time(void **state) {
    (void)state;
    /* scripted runs keep a virtual clock: the same script records the same attempt, to the byte,
     * however busy the machine is (ctest -j8 on two cores) */
    char script[400], data[2][400], card[2][400];
    snprintf(script, sizeof script, "%s/kidney.txt", gt_test_home);
    write_kidney_script(script, true);
    for (int run = 0; run < 2; run++) {
        snprintf(data[run], sizeof data[run], "%s/run%d", gt_test_home, run);
        snprintf(card[run], sizeof card[run], "%s/card%d.json", gt_test_home, run);
        assert_int_equal(mkdir(data[run], 0700), 0);
        setenv("XDG_DATA_HOME", data[run], 1);
        const char *argv[] = { "--lesson", "lower-back-basics", "--step", "4", "--script", script,
                               "--card-out", card[run], "--mute" };
        assert_int_equal(run_app(GT_SOURCE_DIR, 9, argv), 0);
    }
    setenv("XDG_DATA_HOME", gt_test_home, 1);
    char *first = saved_replay_text(data[0]), *second = saved_replay_text(data[1]);
    assert_string_equal(first, second);
    free(first);
    free(second);
    first = read_text(card[0]);
    second = read_text(card[1]);
    assert_string_equal(first, second);
    free(first);
    free(second);
}

static void test_live_warning_follows_the_samples(void **state) {
    (void)state;
    GtLibrary library;
    gt_test_load_library(&library);
    const GtLesson *lesson = gt_library_lesson(&library, "lower-back-basics");
    GtScoreTarget target = gt_test_target(&library, lesson, 4);
    GtRange band = gt_live_step_band(target.step);   /* circular friction: 5-7, unsafe from 9 */
    GtReplay replay;
    GtLiveSafety live;

    /* on the kidney area at level 6: a place warning, while there and 1.5 s after, then gone */
    one_contact(&replay, 0, 1000, KIDNEY_X, KIDNEY_Y, 0.6);
    assert_int_equal(gt_live_safety_check(target.technique, band, target.map, &replay, 1000, &live), 1);
    assert_int_equal(live.warnings[0].kind, GT_SAFETY_AVOID_ZONE);
    assert_string_equal(live.warnings[0].text,
                        "Kidney area (right): keep off \xE2\x80\x94 never use circular friction here");
    double last_ms = 1000 + GT_LIVE_LINGER_MS;
    assert_int_equal(gt_live_safety_check(target.technique, band, target.map, &replay, last_ms, &live), 1);
    assert_int_equal(gt_live_safety_check(target.technique, band, target.map, &replay, last_ms + 1, &live), 0);
    gt_replay_free(&replay);

    /* on the muscle (the step's own spot) at level 9.5: a pressure warning with the level */
    one_contact(&replay, 0, 600, 53.4, 78, 0.95);
    assert_int_equal(gt_live_safety_check(target.technique, band, target.map, &replay, 600, &live), 1);
    assert_int_equal(live.warnings[0].kind, GT_SAFETY_INJURIOUS_PRESSURE);
    assert_non_null(strstr(live.warnings[0].text, "Too much pressure: level 9.5"));
    assert_non_null(strstr(live.warnings[0].text, "aim 5-7"));
    gt_replay_free(&replay);

    /* there at level 8.5: deep, but under this step's limit (9): no warning */
    one_contact(&replay, 0, 600, 53.4, 78, 0.85);
    assert_int_equal(gt_live_safety_check(target.technique, band, target.map, &replay, 600, &live), 0);
    gt_replay_free(&replay);

    /* before any press: a level already set at the limit is warned about, a safe one is not */
    GtLiveWarning preset;
    assert_true(gt_live_safety_preset(band, 9.0, &preset));
    assert_non_null(strstr(preset.text, "Level 9.0 is too much pressure here"));
    assert_false(gt_live_safety_preset(band, 8.5, &preset));
    gt_library_free(&library);
}

static void test_shown_total_never_contradicts_the_pass_mark(void **state) {
    (void)state;
    char shown[32];
    gt_result_format_total(64.8, 65, shown, sizeof shown);
    assert_string_equal(shown, "64.8");
    gt_result_format_total(64.96, 65, shown, sizeof shown);   /* not "65.0" beside "Not yet: pass mark 65" */
    assert_string_equal(shown, "64.9");
    gt_result_format_total(65.0, 65, shown, sizeof shown);
    assert_string_equal(shown, "65.0");
    gt_result_format_total(89.97, 65, shown, sizeof shown);   /* not "90.0" beside grade B */
    assert_string_equal(shown, "89.9");
    gt_result_format_total(92.36, 65, shown, sizeof shown);
    assert_string_equal(shown, "92.4");
    gt_result_format_total(65.04, 65.03, shown, sizeof shown); /* a pass mark with two decimals */
    assert_string_equal(shown, "65.04");
}

static void test_result_words_tell_the_whole_verdict(void **state) {
    (void)state;
    GtScoreCard card;
    GtResultNote notes[GT_RESULT_NOTES_MAX];
    char status[160];
    memset(&card, 0, sizeof card);
    card.total = 81.0;
    card.pass_mark = 65;
    card.passed = true;
    snprintf(card.grade, sizeof card.grade, "B");
    assert_int_equal(gt_result_notes(&card, notes), 0);
    gt_result_status(&card, status, sizeof status);
    assert_string_equal(status, "Passed (pass mark 65)");

    /* capped: the reason is shown, prefixed unless the engine wrote a whole sentence */
    card.capped = true;
    snprintf(card.cap_reason, sizeof card.cap_reason, "speed scored 50");
    assert_int_equal(gt_result_notes(&card, notes), 1);
    assert_string_equal(notes[0].title, "Grade capped at B: speed scored 50");
    snprintf(card.cap_reason, sizeof card.cap_reason, "Grade lowered to C: two or more lifts in a glide.");
    gt_result_notes(&card, notes);
    assert_string_equal(notes[0].title, "Grade lowered to C: two or more lifts in a glide.");

    /* short of the work asked for: the completion feedback */
    card.completion = (GtCompletion){ .applies = true, .done = 1, .asked = 4, .unit = "strokes", .percent = 25 };
    snprintf(card.completion.feedback, sizeof card.completion.feedback, "Only 1 of 4 strokes done; finish all 4.");
    assert_int_equal(gt_result_notes(&card, notes), 2);
    assert_int_equal(notes[1].kind, GT_NOTE_SHORT);
    assert_string_equal(notes[1].title, "Only 1 of 4 strokes done; finish all 4.");

    /* not this step: said first, with the reason */
    card.verdict = GT_VERDICT_NOT_THIS_STEP;
    card.passed = false;
    card.capped = false;
    snprintf(card.verdict_reason, sizeof card.verdict_reason, "Nothing traced on the guide.");
    assert_int_equal(gt_result_notes(&card, notes), 2);
    assert_string_equal(notes[0].title, "Not this step");
    assert_string_equal(notes[0].lines[0], "Nothing traced on the guide.");
    gt_result_status(&card, status, sizeof status);
    assert_string_equal(status, "Not passed: not this step");

    /* unsafe: every safety entry's message, in order */
    card.verdict = GT_VERDICT_UNSAFE;
    card.safety_count = 2;
    snprintf(card.safety[0].message, sizeof card.safety[0].message, "Unsafe pressure: level 9.5 for 1.0 s.");
    snprintf(card.safety[1].message, sizeof card.safety[1].message, "Kidney area (left): never apply friction here.");
    assert_int_equal(gt_result_notes(&card, notes), 2);
    assert_string_equal(notes[0].title, "Unsafe \xE2\x80\x94 not passed");
    assert_int_equal(notes[0].line_count, 2);
    assert_string_equal(notes[0].lines[1], "Kidney area (left): never apply friction here.");
    gt_result_status(&card, status, sizeof status);
    assert_string_equal(status, "Not passed: unsafe");
}

static void test_bundled_font_has_the_marks_the_screens_use(void **state) {
    (void)state;
    /* the em dash of the warnings, the bullet of the result's lines, the cross of "Not this
     * step" (the warning sign itself is drawn as shapes and needs no glyph) */
    static const Uint32 MARKS[] = { 0x2014, 0x2022, 0x00D7 };
    static const char *const FONTS[] = { "assets/fonts/Inter-Regular.otf", "assets/fonts/Inter-SemiBold.otf" };
    assert_int_equal(TTF_Init(), 0);
    for (size_t f = 0; f < 2; f++) {
        TTF_Font *font = TTF_OpenFont(gt_test_path(FONTS[f]), 16);
        assert_non_null(font);
        for (size_t m = 0; m < sizeof MARKS / sizeof MARKS[0]; m++)
            if (!TTF_GlyphIsProvided32(font, MARKS[m])) fail_msg("%s has no U+%04X", FONTS[f], (unsigned)MARKS[m]);
        TTF_CloseFont(font);
    }
    TTF_Quit();
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_scripted_touch_step_shows_the_grade_of_its_replay, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_two_fingers_make_two_contacts, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_still_finger_is_sampled_every_50_ms_of_script_time, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_a_lesson_chosen_on_the_list_by_tap_and_click, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_synthetic_duplicates_are_not_counted, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_screens_render_at_three_sizes, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_broken_lesson_is_listed_not_fatal, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_kidney_press_is_warned_live_by_name, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_kidney_press_ends_with_an_unsafe_card, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test_setup_teardown(test_scripted_run_is_the_same_every_time, gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test(test_live_warning_follows_the_samples),
        cmocka_unit_test(test_shown_total_never_contradicts_the_pass_mark),
        cmocka_unit_test(test_result_words_tell_the_whole_verdict),
        cmocka_unit_test(test_bundled_font_has_the_marks_the_screens_use),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
