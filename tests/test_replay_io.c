/* Replays are the common currency: what is written reads back identically, several
 * overlapping contacts survive, and quantised samples score the same after a round trip. */
#include "test_support.h"
#include "gt_motion.h"
#include "loaders.h"
#include "replay_write.h"

#include <stdlib.h>
#include <string.h>

static void build_two_hand_replay(GtReplay *r) {
    gt_replay_init(r);
    strcpy(r->lesson, "lower-back-basics");
    strcpy(r->technique, "effleurage");
    r->step = 2;
    r->view = GT_VIEW_POSTERIOR;
    r->device = GT_DEVICE_TOUCH;
    r->pressure_source = GT_PRESSURE_SLIDER;
    for (int hand = 0; hand < 2; hand++) {
        int c = gt_replay_add_contact(r, hand);
        for (int k = 0; k < 50; k++) {
            GtSample s = { k * 16.0 + hand * 100.0, 31.537 + 0.1 * k + hand, 52.0 - 0.07 * k, 0.3456 };
            assert_true(gt_replay_add_sample(r, c, gt_sample_quantize(s)));
        }
    }
}

static void test_round_trip_is_exact(void **state) {
    (void)state;
    GtReplay r;
    build_two_hand_replay(&r);
    char *text = gt_replay_to_json(&r);
    assert_non_null(text);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay back;
    assert_true(gt_load_replay("x.json", text, strlen(text), &diag, &back));
    assert_int_equal(diag.count, 0);
    assert_string_equal(back.lesson, "lower-back-basics");
    assert_int_equal(back.step, 2);
    assert_int_equal(back.device, GT_DEVICE_TOUCH);
    assert_int_equal(back.pressure_source, GT_PRESSURE_SLIDER);
    assert_int_equal(back.contact_count, 2);
    assert_int_equal(back.contacts[1].id, 1);
    for (size_t c = 0; c < 2; c++) {
        assert_int_equal(back.contacts[c].count, r.contacts[c].count);
        assert_memory_equal(back.contacts[c].samples, r.contacts[c].samples,
                            r.contacts[c].count * sizeof(GtSample));
    }
    /* writing the read-back replay gives the very same text */
    char *again = gt_replay_to_json(&back);
    assert_string_equal(text, again);
    free(again);
    free(text);
    gt_replay_free(&back);
    gt_replay_free(&r);
    gt_diag_free(&diag);
}

static void test_example_from_the_format_reads(void **state) {
    (void)state;
    static const char example[] =
        "{ \"format\": \"guidedtouch-replay\", \"version\": 1,\n"
        "  \"lesson\": \"lower-back-basics\", \"step\": 2, \"technique\": \"effleurage\", \"view\": \"posterior\",\n"
        "  \"device\": \"mouse\", \"pressure_source\": \"wheel\",\n"
        "  \"contacts\": [ { \"id\": 0, \"samples\": [[0, 31.5, 52.0, 0.35], [16, 31.6, 51.2, 0.36]] } ] }\n";
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay r;
    assert_true(gt_load_replay("example.json", example, strlen(example), &diag, &r));
    assert_int_equal(r.contacts[0].count, 2);
    assert_float_equal(r.contacts[0].samples[1].y_cm, 51.2, 1e-12);
    assert_int_equal(r.device, GT_DEVICE_MOUSE);
    assert_int_equal(r.pressure_source, GT_PRESSURE_WHEEL);
    gt_replay_free(&r);
    gt_diag_free(&diag);
}

/* Reads `text` with the located reader (which must take it) and with the plain one; whether the
 * plain one took it. When it did, both replays are the same to the last bit. */
static bool plain_takes(const char *text) {
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay located, plain;
    assert_true(gt_load_replay_located("x.json", text, strlen(text), &diag, &located));
    bool taken = gt_load_replay_plain(text, strlen(text), &plain);
    if (taken) {
        assert_true(gt_replay_same(&plain, &located));
        gt_replay_free(&plain);
    }
    gt_replay_free(&located);
    gt_diag_free(&diag);
    return taken;
}

/* A class's replays are graded through the plain reader when they are written plainly, and the
 * grades cannot differ from the located reader's: the same replay to the last bit, whatever the
 * key order or the way a number is written; anything unusual is left to the located reader. */
static void test_plain_reader_reads_the_same_replay(void **state) {
    (void)state;
    GtReplay r;
    build_two_hand_replay(&r);
    char *text = gt_replay_to_json(&r);
    assert_true(plain_takes(text));
    free(text);
    gt_replay_free(&r);
    static const char *const taken[] = {
        "{\"contacts\":[{\"samples\":[[0,1.5e1,-0,0.35],[16.0,15.25,1E-2,3.5E-1],[16,1234567890123456e-14,-999.99,1],"
        "[2000,-1000,1000,0]],\"id\":3},{\"id\":3,\"samples\":[[2000.5,0.1,0.2,0.3]]}],\"pressure_source\":\"slider\","
        "\"device\":\"pen\",\"view\":\"anterior\",\"technique\":\"petrissage\",\"step\":1000,\"lesson\":\"a-1\","
        "\"version\":1.0,\"format\":\"guidedtouch-replay\"}",
        "{ \"format\": \"guidedtouch-replay\", \"version\": 1, \"lesson\": \"l\", \"step\": 2, \"technique\": \"t\",\n"
        "\t\"view\": \"posterior\", \"device\": \"touch\", \"pressure_source\": \"none\", \"contacts\": [] }\r\n",
    };
    for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) assert_true(plain_takes(taken[i]));
    /* valid, but written in ways only the located reader reads: an escape, 19 digits, an exponent
     * past 22, a whole part past 2^53 */
    static const char *const declined[] = {
        "{\"format\":\"guidedtouch-replay\",\"version\":1,\"lesson\":\"l\\u002dx\",\"step\":2,\"technique\":\"t\","
        "\"view\":\"posterior\",\"device\":\"touch\",\"pressure_source\":\"none\",\"contacts\":[]}",
        "{\"format\":\"guidedtouch-replay\",\"version\":1,\"lesson\":\"l\",\"step\":2,\"technique\":\"t\",\"view\":"
        "\"posterior\",\"device\":\"touch\",\"pressure_source\":\"none\",\"contacts\":[{\"id\":0,\"samples\":"
        "[[0,1.234567890123456789,0,0]]}]}",
        "{\"format\":\"guidedtouch-replay\",\"version\":1,\"lesson\":\"l\",\"step\":2,\"technique\":\"t\",\"view\":"
        "\"posterior\",\"device\":\"touch\",\"pressure_source\":\"none\",\"contacts\":[{\"id\":0,\"samples\":"
        "[[0,1e-30,0,0]]}]}",
        "{\"format\":\"guidedtouch-replay\",\"version\":1,\"lesson\":\"l\",\"step\":2,\"technique\":\"t\",\"view\":"
        "\"posterior\",\"device\":\"touch\",\"pressure_source\":\"none\",\"contacts\":[{\"id\":0,\"samples\":"
        "[[0,9007199254740993e-15,0,0]]}]}",
    };
    for (size_t i = 0; i < sizeof declined / sizeof *declined; i++) assert_false(plain_takes(declined[i]));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_is_exact),
        cmocka_unit_test(test_example_from_the_format_reads),
        cmocka_unit_test(test_plain_reader_reads_the_same_replay),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
