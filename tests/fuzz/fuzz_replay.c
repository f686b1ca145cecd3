/* fuzz_replay: arbitrary bytes as a replay (a saved attempt, a step's demonstration, a file handed
 * to `guidedtouch grade` or met by the progress import). A replay that loads is written out again
 * as the trainer writes replays, and that text must load too: nothing the trainer writes may be
 * refused by its own loader (a refusal aborts, so it is a finding). And the plain reader (the fast
 * way in for replays written plainly) takes nothing the located reader refuses, and reads the very
 * same replay from what it takes. */
#include "fuzz_common.h"
#include "loaders.h"
#include "replay_write.h"

#include <stdio.h>

/* Writes `replay` as the trainer does and loads the text back; aborts when that is refused. */
static void check_round_trip(const GtReplay *replay) {
    char *written = gt_replay_to_json(replay);
    if (!written) return; /* out of memory */
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay again;
    bool ok = gt_load_replay("written.json", written, strlen(written), &diag, &again);
    if (ok) gt_replay_free(&again);
    else {
        gt_diag_print(&diag, stderr);
        fprintf(stderr, "the replay loaded, but what the trainer writes for it is refused:\n%s\n", written);
        abort();
    }
    gt_diag_free(&diag);
    free(written);
}

/* Reads `text` both ways; aborts when the plain reader takes a text the located reader refuses, or
 * reads another replay from it. */
static void check_plain_agrees(const char *text, size_t size) {
    GtReplay plain, located;
    if (!gt_load_replay_plain(text, size, &plain)) return;
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_load_replay_located("fuzz.json", text, size, &diag, &located);
    if (!ok || !gt_replay_same(&plain, &located)) {
        gt_diag_print(&diag, stderr);
        fprintf(stderr, "the plain reader %s:\n%.*s\n", ok ? "read another replay" : "took a text the located "
                "reader refuses", (int)size, text);
        abort();
    }
    gt_replay_free(&located);
    gt_replay_free(&plain);
    gt_diag_free(&diag);
}

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_text(data, size);
    if (!text) return 0;
    GtDiag diag;
    gt_diag_init(&diag);
    check_plain_agrees(text, size);
    GtReplay replay;
    if (gt_load_replay("fuzz.json", text, size, &diag, &replay)) {
        check_round_trip(&replay);
        gt_replay_free(&replay);
    }
    fuzz_drain(&diag);
    free(text);
    return 0;
}
