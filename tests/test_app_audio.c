/* The metronome's sound: a muted trainer (--mute) never opens an audio device, an unmuted one
 * opens it only when the first click is due, and closes it again when no click can come (the
 * rhythm step left, or sound turned off), so SDL's audio threads do not wake a kiosk that is
 * silent. Runs on SDL's dummy audio driver. */
#include "test_support.h"
#include "app_driver.h"
#include "temp_home.h"
#include "app.h"
#include "app_state.h"
#include "audio.h"
#include "screens.h"

static void test_muted_trainer_opens_no_audio_device(void **state) {
    (void)state;
    GtAudio audio;
    gt_audio_open(&audio, true);
    for (int i = 0; i < 5; i++) gt_audio_click(&audio);
    assert_false(gt_audio_is_open(&audio));
    assert_int_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
    gt_audio_close(&audio);
}

static void test_unmuted_trainer_opens_audio_at_the_first_click(void **state) {
    (void)state;
    GtAudio audio;
    gt_audio_open(&audio, false);
    assert_false(gt_audio_is_open(&audio));
    assert_int_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
    gt_audio_click(&audio);
    assert_true(gt_audio_is_open(&audio));
    assert_int_not_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
    gt_audio_close(&audio);
    assert_int_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
}

/* Plays the last click out: up to 5 s of wall time for SDL's audio thread to take the queue,
 * asking `audio` to close between polls; true when it closed. */
static bool closes_when_played(GtAudio *audio, bool clicks_may_come) {
    for (int waited = 0; waited < 5000; waited += 5) {
        gt_audio_keep_while(audio, clicks_may_come);
        if (!gt_audio_is_open(audio)) return true;
        SDL_Delay(5);
    }
    return false;
}

static void test_audio_closes_when_no_click_can_come(void **state) {
    (void)state;
    GtAudio audio;
    gt_audio_open(&audio, false);
    gt_audio_click(&audio);
    assert_true(gt_audio_is_open(&audio));
    gt_audio_keep_while(&audio, true); /* the beat goes on: the device stays */
    assert_true(gt_audio_is_open(&audio));
    assert_true(closes_when_played(&audio, false));
    assert_int_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
    gt_audio_click(&audio); /* a new beat opens it again */
    assert_true(gt_audio_is_open(&audio));
    audio.muted = true; /* sound turned off: closes too */
    assert_true(closes_when_played(&audio, true));
    gt_audio_close(&audio);
}

static void test_the_trainer_opens_audio_on_a_rhythm_step_and_closes_it_after(void **state) {
    (void)state;
    const char *argv[] = { "--window", "1280x800", "--frames", "100000000", "--mode", "practice", "--lesson",
                           "lower-back-basics", "--step", "4" };
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, 10, (char **)argv, &code);
    assert_non_null(app);
    for (int i = 0; i < 200 && !gt_audio_is_open(&app->audio); i++) assert_true(gt_app_frame(app));
    assert_true(gt_audio_is_open(&app->audio)); /* the beat's first click opened it */
    gt_test_tap(app, GT_ACT_BACK);
    bool closed = false;
    for (int waited = 0; waited < 5000 && !closed; waited += 5) {
        assert_true(gt_app_frame(app));
        closed = !gt_audio_is_open(&app->audio);
        if (!closed) SDL_Delay(5);
    }
    assert_true(closed);
    assert_int_equal(SDL_WasInit(SDL_INIT_AUDIO), 0);
    gt_app_close(app);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_audio_closes_when_no_click_can_come),
        cmocka_unit_test_setup_teardown(test_the_trainer_opens_audio_on_a_rhythm_step_and_closes_it_after,
                                        gt_test_fresh_home, gt_test_remove_home),
        cmocka_unit_test(test_muted_trainer_opens_no_audio_device),
        cmocka_unit_test(test_unmuted_trainer_opens_audio_at_the_first_click),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
