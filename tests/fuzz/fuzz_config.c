/* fuzz_config: arbitrary bytes as the system configuration file (/etc/guidedtouch/config.json),
 * read through gt_config_load as the trainer does, then printed both ways `print-config` prints. */
#include "fuzz_common.h"
#include "config.h"

#include <stdio.h>
#include <unistd.h>

static char config_path[64];

/* Writes the input to this process's own scratch file; false when that fails. */
static bool write_scratch(const uint8_t *data, size_t size) {
    if (!config_path[0]) snprintf(config_path, sizeof config_path, "/tmp/gt-fuzz-config-%ld.json", (long)getpid());
    FILE *file = fopen(config_path, "wb");
    if (!file) return false;
    bool ok = fwrite(data, 1, size, file) == size;
    return fclose(file) == 0 && ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!write_scratch(data, size)) return 0;
    GtConfigPaths paths = { config_path, "/nonexistent-fuzz-folder/config.json" };
    GtConfig *config = malloc(sizeof *config); /* large: kept off the stack */
    GtDiag diag;
    gt_diag_init(&diag);
    if (config) {
        gt_config_load(config, &paths, 0, NULL, &diag);
        FILE *sink = fopen("/dev/null", "w");
        if (sink) {
            gt_config_print(config, sink, false);
            gt_config_print(config, sink, true);
            fclose(sink);
        }
        gt_config_free(config);
        free(config);
    }
    fuzz_drain(&diag);
    return 0;
}
