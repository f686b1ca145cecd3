/* Scripts drive the trainer without a person: an instructor's or CI's script must load with
 * every command, point at the exact line of a mistake, push the events it describes in
 * order, and play a recorded replay back so the trainer records the same strokes. */
#include "test_support.h"
#include "gt_motion.h"
#include "input.h"
#include "replay_write.h"
#include "script.h"

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The same HiDPI geometry as the input tests: 800x600 points, 1600x1200 px, 10 px per cm. */
enum { WIN_W = 800, WIN_H = 600, OUT_W = 1600, OUT_H = 1200 };
static const GtViewTransform TRANSFORM = { 100.0, 50.0, 10.0 };
static const SDL_Rect TRACING = { 100, 50, 1200, 1100 };
static const SDL_Rect SLIDER = { 1400, 100, 150, 1001 };

static char folder[256];

/* Writes `text` to <folder>/<name> and returns the full path (static buffer). */
static const char *write_file(const char *name, const char *text) {
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", folder, name);
    FILE *file = fopen(path, "wb");
    assert_non_null(file);
    assert_int_equal(fwrite(text, 1, strlen(text), file), strlen(text));
    fclose(file);
    return path;
}

/* A two-hand replay: contact 0 glides 300 ms, contact 1 starts 100 ms in and glides
 * the other way; pressures vary, as a pressure-sensing screen gives them. */
static void build_replay(GtReplay *r) {
    gt_replay_init(r);
    snprintf(r->lesson, sizeof r->lesson, "lower-back-basics");
    snprintf(r->technique, sizeof r->technique, "effleurage");
    r->step = 1;
    r->view = GT_VIEW_POSTERIOR;
    r->device = GT_DEVICE_TOUCH;
    r->pressure_source = GT_PRESSURE_DEVICE;
    for (int hand = 0; hand < 2; hand++) {
        int c = gt_replay_add_contact(r, hand);
        for (int k = 0; k < 19; k++) {
            double dir = hand ? -1.0 : 1.0;
            GtSample s = { hand * 100.0 + 16.0 * k, 40.0 + hand * 20.0 + dir * 0.37 * k, 55.0 + 0.11 * k,
                           0.25 + 0.01 * k + 0.1 * hand };
            assert_true(gt_replay_add_sample(r, c, gt_sample_quantize(s)));
        }
    }
}

static void write_replay(const char *name, const GtReplay *r) {
    char *text = gt_replay_to_json(r);
    assert_non_null(text);
    write_file(name, text);
    free(text);
}

/* The script clock of these tests starts here (ms), as the trainer's virtual clock does. */
static const Uint32 START_MS = 1000;

/* Runs a script on a virtual clock, as the trainer runs it: the clock jumps to each event's
 * due time, hold samples due before it are added, and the script pushes that one event, which
 * is taken from SDL's queue with the stamp the script gave it and fed straight into `input`
 * (when not NULL) or kept in `kept` (up to max). No sleeping and no SDL_GetTicks: the same
 * script gives the same events at any machine load. Returns how many events were kept. */
static int run_script(GtScript *script, GtInput *input, SDL_Event *kept, int max) {
    int n = 0;
    gt_script_start(script, START_MS);
    GtScriptGeometry geometry = { TRANSFORM, WIN_W, WIN_H, OUT_W, OUT_H };
    Uint32 due = 0;
    while (gt_script_next_due(script, &due)) {
        if (input) gt_input_tick(input, due - 1);
        assert_true(gt_script_push_next(script, &geometry));
        SDL_Event e;
        int taken = 0;
        while (SDL_PollEvent(&e)) {
            bool relevant = (e.type >= SDL_MOUSEMOTION && e.type <= SDL_MOUSEWHEEL) ||
                            (e.type >= SDL_FINGERDOWN && e.type <= SDL_FINGERMOTION) || e.type == SDL_KEYDOWN ||
                            e.type == SDL_KEYUP;
            if (!relevant) continue;
            assert_int_equal(e.common.timestamp, due); /* the scripted time, not when it was pushed */
            taken++;
            if (input) gt_input_handle_event(input, &e);
            if (kept && n < max) kept[n++] = e;
        }
        assert_int_equal(taken, 1); /* one event at a time */
    }
    assert_true(gt_script_finished(script));
    return n;
}

static void test_every_command_parses(void **state) {
    (void)state;
    GtReplay r;
    build_replay(&r);
    write_replay("demo.json", &r);
    gt_replay_free(&r);
    const char *path = write_file("all.gtscript",
                                  "# every command once\n"
                                  "\n"
                                  "at 0\n"
                                  "finger down 1 30 40\n"
                                  "wait 20\n"
                                  "finger move 1 31 40 0.5   # with pressure\n"
                                  "finger up 1 31 40 0.5 synthetic\n"
                                  "mouse down 30 40\n"
                                  "mouse move 31 41 synthetic\n"
                                  "mouse up 31 41\n"
                                  "trace 2 10 10 20 20 100 0.4\n"
                                  "tap 0.5 0.9\n"
                                  "click 0.25 0.1\n"
                                  "wheel -2\n"
                                  "key 5\n"
                                  "key Keypad 1\n"
                                  "key Return\r\n"
                                  "replay demo.json\n");
    char error[512] = "";
    GtScript *script = gt_script_load(path, error, sizeof error);
    if (!script) fprintf(stderr, "%s\n", error);
    assert_non_null(script);
    assert_false(gt_script_finished(script));
    gt_script_free(script);
}

/* Loads a one-line-wrong script and checks the message names file, line and the problem. */
static void expect_error(const char *text, int line, const char *words) {
    const char *path = write_file("bad.gtscript", text);
    char error[512] = "", where[600];
    GtScript *script = gt_script_load(path, error, sizeof error);
    assert_null(script);
    snprintf(where, sizeof where, "%s:%d: ", path, line);
    if (strncmp(error, where, strlen(where)) != 0 || !strstr(error, words))
        fprintf(stderr, "got: %s\nwanted: %s...%s\n", error, where, words);
    assert_memory_equal(error, where, strlen(where));
    assert_non_null(strstr(error, words));
}

static void test_errors_name_file_and_line(void **state) {
    (void)state;
    expect_error("at 0\n# fine so far\nfnger down 1 2 3\n", 3, "unknown command \"fnger\"");
    expect_error("finger sideways 1 2 3\n", 1, "expected down, move or up");
    expect_error("at 0\nfinger down 1 abc 3\n", 2, "X must be a number, not \"abc\"");
    expect_error("finger down 1 2 3 1.5\n", 1, "pressure must be between 0 and 1");
    expect_error("\n\ntrace 1 0 0 5 5\n", 3, "too few values");
    expect_error("mouse down 1 2 3\n", 1, "too many values");
    expect_error("wait -5\n", 1, "wait MS must be between");
    expect_error("key NoSuchKey\n", 1, "unknown key \"NoSuchKey\"");
    /* a script's clock and size are bounded: waits adding up past a day, traces past 500,000 events */
    expect_error("wait 86400000\nwait 86400000\n", 2, "runs past a day");
    expect_error("trace 1 0 0 5 5 3600000\ntrace 1 0 0 5 5 3600000\ntrace 1 0 0 5 5 3600000\n", 3,
                 "more than 500000 events");
    expect_error("wheel 1.5\n", 1, "whole number");
    expect_error("at 0\nreplay missing.json\n", 2, "cannot use replay \"missing.json\"");
    /* a replay that is not a replay: the loader's own located message comes through */
    write_file("broken.json", "{ \"format\": \"guidedtouch-replay\", \"version\": 1 }\n");
    expect_error("replay broken.json\n", 1, "broken.json");
    /* a missing script file */
    char error[512] = "";
    char missing[300];
    snprintf(missing, sizeof missing, "%s/nope.gtscript", folder);
    assert_null(gt_script_load(missing, error, sizeof error));
    assert_non_null(strstr(error, missing));
}

static void test_pump_pushes_the_events_in_order(void **state) {
    (void)state;
    const char *path = write_file("order.gtscript",
                                  "finger down 4 30 40 0.5\n"
                                  "wait 20\n"
                                  "finger move 4 31 40 0.6\n"
                                  "mouse down 20 30\n"
                                  "mouse move 21 30\n"
                                  "mouse up 21 30 synthetic\n"
                                  "wheel 2\n"
                                  "key 7\n"
                                  "tap 0.25 0.75\n"
                                  "finger up 4 31 40\n");
    char error[512] = "";
    GtScript *script = gt_script_load(path, error, sizeof error);
    assert_non_null(script);
    SDL_Event events[32];
    int n = run_script(script, NULL, events, 32);
    static const Uint32 expected[] = { SDL_FINGERDOWN, SDL_FINGERMOTION, SDL_MOUSEBUTTONDOWN, SDL_MOUSEMOTION,
                                       SDL_MOUSEBUTTONUP, SDL_MOUSEWHEEL, SDL_KEYDOWN, SDL_KEYUP,
                                       SDL_FINGERDOWN, SDL_FINGERUP, SDL_FINGERUP };
    assert_int_equal(n, (int)(sizeof expected / sizeof expected[0]));
    for (int i = 0; i < n; i++) assert_int_equal(events[i].type, expected[i]);
    /* the details a real device would give */
    assert_int_equal(events[0].tfinger.touchId, 1);
    assert_int_equal(events[0].tfinger.fingerId, 4);
    assert_float_equal(events[0].tfinger.x, (100.0 + 300.0) / OUT_W, 1e-6);
    assert_float_equal(events[0].tfinger.y, (50.0 + 400.0) / OUT_H, 1e-6);
    assert_float_equal(events[0].tfinger.pressure, 0.5, 1e-6);
    assert_float_equal(events[1].tfinger.dx, 10.0 / OUT_W, 1e-6);
    assert_float_equal(events[1].tfinger.pressure, 0.6, 1e-6);
    assert_int_equal(events[0].common.timestamp, START_MS);                        /* the script's own clock */
    assert_int_equal(events[1].common.timestamp - events[0].common.timestamp, 20); /* the wait was kept */
    assert_int_equal(events[2].button.which, 0);
    assert_int_equal(events[2].button.button, SDL_BUTTON_LEFT);
    assert_int_equal(events[2].button.x, 150); /* (100 + 200) px / 2 */
    assert_int_equal(events[2].button.y, 175);
    assert_int_equal(events[3].motion.state, SDL_BUTTON_LMASK);
    assert_int_equal(events[3].motion.xrel, 5);
    assert_int_equal(events[4].button.which, SDL_TOUCH_MOUSEID);
    assert_int_equal(events[5].wheel.y, 2);
    assert_int_equal(events[6].key.keysym.sym, SDLK_7);
    assert_int_equal(events[6].key.keysym.scancode, SDL_SCANCODE_7);
    assert_float_equal(events[8].tfinger.x, 0.25, 1e-6);
    assert_float_equal(events[8].tfinger.y, 0.75, 1e-6);
    assert_int_not_equal(events[8].tfinger.fingerId, 4);
    assert_int_equal(events[10].tfinger.fingerId, 4);
    assert_int_equal(events[10].common.timestamp - events[0].common.timestamp, 70); /* after the 50 ms tap */
    gt_script_free(script);
}

static void test_events_due_together_keep_their_own_times(void **state) {
    (void)state;
    /* two hands land in the same ms, a click follows 1 ms later: four events, four stamps from
     * the script, in the file's order (none collapses onto the time it was pushed) */
    const char *path = write_file("together.gtscript",
                                  "at 7000\n"
                                  "finger down 1 30 40\n"
                                  "finger down 2 50 40\n"
                                  "wait 1\n"
                                  "click 0.5 0.25\n");
    char error[512] = "";
    GtScript *script = gt_script_load(path, error, sizeof error);
    assert_non_null(script);
    SDL_Event events[8];
    assert_int_equal(run_script(script, NULL, events, 8), 4);
    assert_int_equal(events[0].type, SDL_FINGERDOWN);
    assert_int_equal(events[0].tfinger.fingerId, 1);
    assert_int_equal(events[0].common.timestamp, START_MS + 7000);
    assert_int_equal(events[1].type, SDL_FINGERDOWN);
    assert_int_equal(events[1].tfinger.fingerId, 2);
    assert_int_equal(events[1].common.timestamp, START_MS + 7000);
    assert_int_equal(events[2].type, SDL_MOUSEBUTTONDOWN);
    assert_int_equal(events[2].button.x, WIN_W / 2);   /* a window fraction, in points */
    assert_int_equal(events[2].button.y, WIN_H / 4);
    assert_int_equal(events[2].common.timestamp, START_MS + 7001);
    assert_int_equal(events[3].type, SDL_MOUSEBUTTONUP);
    assert_int_equal(events[3].common.timestamp, START_MS + 7051);
    gt_script_free(script);
}

static void test_overlapping_traces_become_two_hands(void **state) {
    (void)state;
    const char *path = write_file("hands.gtscript",
                                  "at 0\n"
                                  "trace 1 30 40 30 60 200\n"
                                  "at 50\n"
                                  "trace 2 50 40 50 60 200 0.5\n");
    char error[512] = "";
    GtScript *script = gt_script_load(path, error, sizeof error);
    assert_non_null(script);
    GtInput *input = gt_input_create();
    assert_non_null(input);
    gt_input_set_geometry(input, TRANSFORM, TRACING, SLIDER, WIN_W, WIN_H, OUT_W, OUT_H);
    gt_input_begin_attempt(input, "lower-back-basics", 1, "effleurage", GT_VIEW_POSTERIOR, START_MS);
    run_script(script, input, NULL, 0);
    GtReplay r;
    assert_true(gt_input_end_attempt(input, &r));
    assert_int_equal(r.contact_count, 2);
    assert_int_not_equal(r.contacts[0].id, r.contacts[1].id);
    const GtContact *a = &r.contacts[0], *b = &r.contacts[1];
    assert_float_equal(a->samples[0].x_cm, 30.0, 0.011);
    assert_float_equal(a->samples[a->count - 1].y_cm, 60.0, 0.011);
    assert_float_equal(b->samples[0].x_cm, 50.0, 0.011);
    assert_true(b->samples[0].t_ms < a->samples[a->count - 1].t_ms); /* both hands on at once */
    assert_true(a->count >= 12);                                     /* a move every 16 ms */
    assert_int_equal(r.device, GT_DEVICE_TOUCH);
    gt_replay_free(&r);
    gt_input_destroy(input);
    gt_script_free(script);
}

static void test_replay_command_reproduces_the_contacts(void **state) {
    (void)state;
    GtReplay original;
    build_replay(&original);
    write_replay("two-hands.json", &original);
    const char *path = write_file("play.gtscript", "wait 150\nreplay two-hands.json\n");
    char error[512] = "";
    GtScript *script = gt_script_load(path, error, sizeof error);
    if (!script) fprintf(stderr, "%s\n", error);
    assert_non_null(script);
    GtInput *input = gt_input_create();
    assert_non_null(input);
    gt_input_set_geometry(input, TRANSFORM, TRACING, SLIDER, WIN_W, WIN_H, OUT_W, OUT_H);
    gt_input_begin_attempt(input, "lower-back-basics", 1, "effleurage", GT_VIEW_POSTERIOR, START_MS);
    run_script(script, input, NULL, 0);
    GtReplay played;
    assert_true(gt_input_end_attempt(input, &played));
    assert_int_equal(played.contact_count, original.contact_count);
    assert_int_equal(played.pressure_source, GT_PRESSURE_DEVICE);
    for (size_t c = 0; c < original.contact_count; c++) {
        const GtContact *o = &original.contacts[c], *p = &played.contacts[c];
        assert_int_equal(p->id, o->id);
        assert_int_equal(p->count, o->count);
        for (size_t k = 0; k < o->count; k++) {
            assert_float_equal(p->samples[k].x_cm, o->samples[k].x_cm, 0.02);
            assert_float_equal(p->samples[k].y_cm, o->samples[k].y_cm, 0.02);
            /* the lift reports no pressure of its own (iOS always says 1.0), so the last
             * sample keeps the one before it; it lasts 0 ms, so no score depends on it */
            size_t from = k + 1 == o->count ? k - 1 : k;
            assert_float_equal(p->samples[k].pressure, o->samples[from].pressure, 0.0015);
        }
        /* played on the script's clock: every sample keeps its time (whole ms here) */
        for (size_t k = 0; k < o->count; k++)
            assert_float_equal(p->samples[k].t_ms - p->samples[0].t_ms, o->samples[k].t_ms - o->samples[0].t_ms, 1e-9);
    }
    /* the attempt's time starts at its first touch, and the second hand comes 100 ms later */
    assert_float_equal(played.contacts[0].samples[0].t_ms, 0.0, 1e-9);
    double offset = played.contacts[1].samples[0].t_ms - played.contacts[0].samples[0].t_ms;
    assert_float_equal(offset, 100.0, 1e-9);
    gt_replay_free(&played);
    gt_replay_free(&original);
    gt_input_destroy(input);
    gt_script_free(script);
}

static int setup_all(void **state) {
    (void)state;
    snprintf(folder, sizeof folder, "/tmp/gt-script-XXXXXX");
    if (!mkdtemp(folder)) return -1;
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fprintf(stderr, "SDL_Init: %s\n", SDL_GetError());
        return -1;
    }
    return 0;
}

static int teardown_all(void **state) {
    (void)state;
    SDL_Quit();
    DIR *dir = opendir(folder);
    if (dir) {
        struct dirent *entry;
        char path[600];
        while ((entry = readdir(dir)) != NULL) {
            if (entry->d_name[0] == '.') continue;
            snprintf(path, sizeof path, "%s/%s", folder, entry->d_name);
            unlink(path);
        }
        closedir(dir);
    }
    rmdir(folder);
    return 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_command_parses),
        cmocka_unit_test(test_errors_name_file_and_line),
        cmocka_unit_test(test_pump_pushes_the_events_in_order),
        cmocka_unit_test(test_events_due_together_keep_their_own_times),
        cmocka_unit_test(test_overlapping_traces_become_two_hands),
        cmocka_unit_test(test_replay_command_reproduces_the_contacts),
    };
    return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
