/* fuzz_config: arbitrary bytes as the system configuration file (/etc/guidedtouch/config.json),
 * read through gt_config_load as the trainer does, then printed both ways `print-config` prints.
 * When the file is valid, `print-config --json` (a configuration file holding the merged values)
 * must load again without a problem: a refusal aborts, so it is a finding. */
#include "fuzz_common.h"
#include "config.h"

#include <stdio.h>
#include <unistd.h>

static char config_path[64];

/* Writes `size` bytes to this process's own scratch file; false when that fails. */
static bool write_scratch(const void *data, size_t size) {
    if (!config_path[0]) snprintf(config_path, sizeof config_path, "/tmp/gt-fuzz-config-%ld.json", (long)getpid());
    FILE *file = fopen(config_path, "wb");
    if (!file) return false;
    bool ok = fwrite(data, 1, size, file) == size;
    return fclose(file) == 0 && ok;
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
    GtConfig *again = malloc(sizeof *again);
    if (again && write_scratch(printed, length)) {
        GtConfigPaths paths = { config_path, "/nonexistent-fuzz-folder/config.json" };
        GtDiag diag;
        gt_diag_init(&diag);
        if (!gt_config_load(again, &paths, 0, NULL, &diag)) {
            gt_diag_print(&diag, stderr);
            fprintf(stderr, "the configuration loaded, but print-config --json gives a file it refuses:\n%s\n",
                    printed);
            abort();
        }
        gt_diag_free(&diag);
        gt_config_free(again);
    }
    free(again);
    free(printed);
}

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
        if (valid) check_printed_loads(config);
        gt_config_free(config);
        free(config);
    }
    fuzz_drain(&diag);
    return 0;
}
