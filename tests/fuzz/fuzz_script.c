/* fuzz_script: arbitrary bytes as an input script (--script FILE, game/app/input/script.h), parsed
 * without a window. The script's path is in a folder that does not exist, so a relative `replay`
 * line finds nothing to read. */
#include "fuzz_common.h"
#include "script.h"

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char *text = fuzz_text(data, size);
    if (!text) return 0;
    char error[1024];
    GtScript *script = gt_script_parse("/nonexistent-fuzz-folder/fuzz.script", text, size, error, sizeof error);
    gt_script_free(script);
    free(text);
    return 0;
}
