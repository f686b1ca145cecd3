/* The metronome's sound: a muted trainer (--mute) never opens an audio device, and an unmuted
 * one opens it only when the first click is due. Runs on SDL's dummy audio driver. */
#include "test_support.h"
#include "audio.h"

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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_muted_trainer_opens_no_audio_device),
        cmocka_unit_test(test_unmuted_trainer_opens_audio_at_the_first_click),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
