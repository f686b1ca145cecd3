/* fuzz_config: arbitrary bytes as the system configuration file (/etc/guidedtouch/config.json),
 * read through gt_config_load as the trainer does, then printed both ways `print-config` prints.
 * When the file is valid, two files the trainer writes from it must load again without a problem
 * (a refusal aborts, so it is a finding): what `print-config --json` prints (the merged values),
 * and the file itself once `set-pin` has written its PIN hash into it (gt_config_write_key). */
#include "fuzz_common.h"
#include "config.h"

#include <stdio.h>
#include <unistd.h>

static char config_path[64];

/* Removes the scratch file when the fuzzer exits. */
static void remove_scratch(void) {
    unlink(config_path);
}

/* Writes `size` bytes to this process's own scratch file; false when that fails. */
static bool write_scratch(const void *data, size_t size) {
    if (!config_path[0]) {
        snprintf(config_path, sizeof config_path, "/tmp/gt-fuzz-config-%ld.json", (long)getpid());
        atexit(remove_scratch);
    }
    FILE *file = fopen(config_path, "wb");
    if (!file) return false;
    bool ok = fwrite(data, 1, size, file) == size;
    return fclose(file) == 0 && ok;
}

/* Loads the scratch file as the system configuration; aborts, saying `what` wrote it, when it is
 * refused. */
static void check_loads(const char *what) {
    GtConfig *again = malloc(sizeof *again);
    if (!again) return;
    GtConfigPaths paths = { config_path, "/nonexistent-fuzz-folder/config.json" };
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_config_load(again, &paths, 0, NULL, &diag)) {
        gt_diag_print(&diag, stderr);
        fprintf(stderr, "the configuration loaded, but %s gives a file it refuses\n", what);
        abort();
    }
    gt_diag_free(&diag);
    gt_config_free(again);
    free(again);
}

/* Prints `config` as `print-config --json` does and loads that text as a configuration file;
 * aborts when it is refused. */
static void check_printed_loads(const GtConfig *config) {
    char *printed = NULL;
    size_t length = 0;
    FILE *out = open_memstream(&printed, &length);
    if (!out) return;
    gt_config_print(config, out, true);
    fclose(out);
    if (write_scratch(printed, length)) check_loads("print-config --json");
    free(printed);
}

/* Writes a PIN hash into the (valid) scratch file as `set-pin` does and loads it again. */
static void check_set_pin_loads(void) {
    GtDiag diag;
    gt_diag_init(&diag);
    static const char hash[] = "$argon2id$v=19$m=65536,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNo";
    if (!gt_config_write_key(config_path, GT_CONFIG_PIN_HASH, hash, &diag)) {
        gt_diag_print(&diag, stderr);
        fprintf(stderr, "set-pin could not write into a valid configuration file\n");
        abort();
    }
    gt_diag_free(&diag);
    check_loads("set-pin");
}

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!write_scratch(data, size)) return 0;
    GtConfigPaths paths = { config_path, "/nonexistent-fuzz-folder/config.json" };
    GtConfig *config = malloc(sizeof *config); /* large: kept off the stack */
    GtDiag diag;
    gt_diag_init(&diag);
    if (config) {
        bool valid = gt_config_load(config, &paths, 0, NULL, &diag);
        FILE *sink = fopen("/dev/null", "w");
        if (sink) {
            gt_config_print(config, sink, false);
            gt_config_print(config, sink, true);
            fclose(sink);
        }
        if (valid) {
            check_set_pin_loads(); /* the scratch file still holds the input */
            check_printed_loads(config);
        }
        gt_config_free(config);
        free(config);
    }
    fuzz_drain(&diag);
    return 0;
}
