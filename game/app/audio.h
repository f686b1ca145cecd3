/* audio: the metronome click, synthesised (no sound files), through SDL audio.
 * Failing to open audio is not an error: the trainer stays silent and the visual pulse
 * still shows the beat. */
#ifndef GT_AUDIO_H
#define GT_AUDIO_H

#include <SDL.h>
#include <stdbool.h>

typedef struct GtAudio {
    SDL_AudioDeviceID device;   /* 0 when there is no audio */
    int rate;
    float *click;               /* one click, mono float samples (owned) */
    int click_samples;
    bool muted;
} GtAudio;

/* Opens the default output and synthesises the click. Never fails visibly. */
void gt_audio_open(GtAudio *audio, bool muted);
void gt_audio_close(GtAudio *audio);

/* Plays one click now (unless muted or there is no audio). */
void gt_audio_click(GtAudio *audio);

#endif
