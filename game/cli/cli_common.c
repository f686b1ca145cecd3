#include "cli.h"
#include "gt_demo.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool gt_cli_wants_help(int argc, char **argv, const char *usage) {
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(usage, stdout);
            return true;
        }
    }
    return false;
}

/* True when folders a and b are the same folder on disk. */
static bool same_folder(const char *a, const char *b) {
    struct stat sa, sb;
    return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

bool gt_cli_load_library_diag(GtLibrary *library, const GtCliPlace *place, GtDiag *diag) {
    GtConfig config;
    memset(&config, 0, sizeof config);
    bool config_ok = place->packs_given || gt_config_load(&config, NULL, 0, NULL, diag);
    const char *packs[GT_CLI_PACKS_MAX];
    size_t count = 0;
    for (size_t i = 0; i < place->pack_count && count < GT_CLI_PACKS_MAX; i++) packs[count++] = place->packs[i];
    for (size_t i = 0; !place->packs_given && i < config.lesson_pack_count && count < GT_CLI_PACKS_MAX; i++)
        packs[count++] = config.lesson_packs[i];
    for (size_t e = 0; e < place->extra_count && count < GT_CLI_PACKS_MAX; e++) {
        bool is_new = true;
        for (size_t i = 0; is_new && i < count; i++) is_new = !same_folder(place->extra_packs[e], packs[i]);
        if (is_new) packs[count++] = place->extra_packs[e];
    }
    bool ok = gt_library_load_packs(library, place->data_dir, packs, count, diag);
    if (!place->packs_given) gt_config_free(&config);
    return ok && config_ok;
}

void gt_cli_load_library(GtLibrary *library, const GtCliPlace *place, bool quiet) {
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_cli_load_library_diag(library, place, &diag) && !quiet) {
        fprintf(stderr, "guidedtouch: some lesson files have problems (they are skipped):\n");
        gt_diag_print(&diag, stderr);
    }
    gt_diag_free(&diag);
}

bool gt_cli_lesson_argument(GtCliPlace *place, const char *argument, char *id, size_t id_size) {
    size_t len = strlen(argument);
    bool is_path = strchr(argument, '/') || (len > 5 && strcmp(argument + len - 5, ".json") == 0);
    if (!is_path) {
        snprintf(id, id_size, "%s", argument);
        return true;
    }
    struct stat info;
    if (stat(argument, &info) != 0 || !S_ISREG(info.st_mode) || len <= 5 || strcmp(argument + len - 5, ".json")) {
        fprintf(stderr, "guidedtouch: \"%s\" is neither a lesson id nor a lesson file (FOLDER/ID.json)\n", argument);
        return false;
    }
    gt_file_stem(argument, id, id_size);
    return gt_cli_add_folder(place, argument);
}

bool gt_cli_add_folder(GtCliPlace *place, const char *path) {
    char folder[4096];
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) snprintf(folder, sizeof folder, "%s", path);
    else {
        const char *slash = strrchr(path, '/');
        snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
        const char *last = strrchr(folder, '/');
        if (strcmp(last ? last + 1 : folder, "techniques") == 0) snprintf(folder, sizeof folder, "%.*s",
                                                                          last ? (int)(last - folder) : 1, last ? folder : ".");
    }
    char bundled[4200];
    snprintf(bundled, sizeof bundled, "%s/lessons", place->data_dir);
    if (same_folder(folder, bundled) || same_folder(folder, place->data_dir)) return true;
    for (size_t i = 0; i < place->extra_count; i++)
        if (same_folder(folder, place->extra_packs[i])) return true;
    if (place->extra_count == GT_CLI_PACKS_MAX) return false;
    snprintf(place->extra_packs[place->extra_count++], sizeof place->extra_packs[0], "%s", folder);
    return true;
}

bool gt_cli_find_step(const GtLibrary *library, const char *lesson_id, const char *step_text,
                      const GtLesson **lesson, int *step_number) {
    *lesson = gt_library_lesson(library, lesson_id);
    if (!*lesson) {
        fprintf(stderr, "guidedtouch: unknown lesson \"%s\"; `guidedtouch list` shows the lessons\n", lesson_id);
        return false;
    }
    char *end = NULL;
    long step = strtol(step_text, &end, 10);
    if (!end || *end || end == step_text || step < 1 || (size_t)step > (*lesson)->step_count) {
        fprintf(stderr, "guidedtouch: lesson \"%s\" has steps 1 to %zu; \"%s\" is not one of them\n", lesson_id,
                (*lesson)->step_count, step_text);
        return false;
    }
    *step_number = (int)step;
    return true;
}

bool gt_cli_reference_replay(const GtLibrary *library, const GtLesson *lesson, int step_number, GtReplay *out) {
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_library_reference_replay(library, lesson, step_number, &diag, out);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    return ok;
}

bool gt_cli_take_flag(int *argc, char **argv, const char *flag) {
    bool found = false;
    int kept = 0;
    for (int i = 0; i < *argc; i++) {
        if (strcmp(argv[i], flag) == 0) found = true;
        else argv[kept++] = argv[i];
    }
    *argc = kept;
    return found;
}
