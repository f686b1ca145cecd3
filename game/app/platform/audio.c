/* audio: the metronome click (see audio.h). */
#include "audio.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void gt_audio_open(GtAudio *audio, bool muted) {
    memset(audio, 0, sizeof *audio);
    audio->muted = muted;
}

/* Opens the default output and synthesises the click, once while clicks may come; afterwards
 * `device` is 0 when there is no audio, and nothing is tried again until gt_audio_close. */
static void open_device(GtAudio *audio) {
    if (audio->tried) return;
    audio->tried = true;
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return;
    audio->subsystem = true;
    SDL_AudioSpec want = { 0 }, have;
    want.freq = 44100;
    want.format = AUDIO_F32SYS;
    want.channels = 1;
    want.samples = 1024;
    audio->device = SDL_OpenAudioDevice(NULL, 0, &want, &have, 0);
    if (!audio->device) return;
    audio->rate = have.freq;
    /* a soft wood-block click: 1.6 kHz and 2.4 kHz partials decaying over 35 ms */
    audio->click_samples = audio->rate * 35 / 1000;
    audio->click = malloc((size_t)audio->click_samples * sizeof *audio->click);
    if (!audio->click) {
        SDL_CloseAudioDevice(audio->device);
        audio->device = 0;
        return;
    }
    for (int i = 0; i < audio->click_samples; i++) {
        double t = (double)i / audio->rate;
        double envelope = exp(-t * 140.0);
        audio->click[i] = (float)(0.35 * envelope * (sin(2 * 3.14159265 * 1600 * t) + 0.5 * sin(2 * 3.14159265 * 2400 * t)));
    }
    SDL_PauseAudioDevice(audio->device, 0);
}

void gt_audio_close(GtAudio *audio) {
    bool muted = audio->muted;
    if (audio->device) SDL_CloseAudioDevice(audio->device);
    free(audio->click);
    if (audio->subsystem) SDL_QuitSubSystem(SDL_INIT_AUDIO);
    memset(audio, 0, sizeof *audio);
    audio->muted = muted;
}

void gt_audio_keep_while(GtAudio *audio, bool clicks_may_come) {
    if (!audio->tried || (clicks_may_come && !audio->muted)) return;
    if (audio->device && SDL_GetQueuedAudioSize(audio->device) > 0) return; /* let the last click finish */
    gt_audio_close(audio);
}

bool gt_audio_is_open(const GtAudio *audio) {
    return audio->subsystem;
}

void gt_audio_click(GtAudio *audio) {
    if (audio->muted) return;
    open_device(audio);
    if (!audio->device || !audio->click) return;
    /* never let clicks pile up if the loop stalled */
    if (SDL_GetQueuedAudioSize(audio->device) > (Uint32)(audio->click_samples * sizeof(float) * 2))
        SDL_ClearQueuedAudio(audio->device);
    SDL_QueueAudio(audio->device, audio->click, (Uint32)(audio->click_samples * sizeof(float)));
}
