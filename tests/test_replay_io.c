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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip_is_exact),
        cmocka_unit_test(test_example_from_the_format_reads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
