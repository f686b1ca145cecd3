/* audio: the metronome click, synthesised (no sound files), through SDL audio.
 * The audio device is opened only when a click is due, never while muted, and closed again
 * once no click can come (the rhythm step left, or sound turned off), so a muted or silent
 * trainer keeps no audio device (and none of SDL's audio threads) at all. Failing to open
 * audio is not an error: the trainer stays silent and the visual pulse still shows the beat.
 * The GtAudio owns its click buffer; gt_audio_close releases it and the device. */
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
    bool tried;                 /* opening the device was tried (once while clicks may come) */
    bool subsystem;             /* SDL's audio subsystem was started by us */
} GtAudio;

/* Starts a silent GtAudio; no device is opened until a click is due. Never fails. */
void gt_audio_open(GtAudio *audio, bool muted);
/* Closes the device (if one was opened) and SDL's audio, and frees the click; it is muted as
 * before, and the next click opens the device again. */
void gt_audio_close(GtAudio *audio);
/* Closes the device when no click may come now (`clicks_may_come` false, or muted) and the last
 * click has played; nothing otherwise. Call every frame. */
void gt_audio_keep_while(GtAudio *audio, bool clicks_may_come);

/* True once SDL audio has been started (the first unmuted click). */
bool gt_audio_is_open(const GtAudio *audio);

/* Plays one click now, opening the device the first time; nothing when muted or without audio. */
void gt_audio_click(GtAudio *audio);

#endif
