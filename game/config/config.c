/* config: defaults, the order of the layers, the standard places, and freeing. */
#include "config.h"
#include "storage.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const GT_CONFIG_KEY_NAMES[GT_CONFIG_KEY_COUNT] = {
    "kiosk", "fullscreen", "mute", "mode", "lesson", "idle_timeout_s", "data_dir", "database", "lesson_packs",
    "pin_hash", "large_text", "high_contrast", "left_handed", "skin_tone", "server",
};

const char *const GT_CONFIG_MODE_NAMES[GT_CONFIG_MODE_COUNT] = { "learn", "practice", "exam" };

const char *const GT_SKIN_TONE_NAMES[GT_SKIN_TONE_COUNT] = { "light", "light-medium", "medium", "medium-dark", "dark" };

void gt_config_set_source(GtConfig *config, GtConfigKey key, GtConfigOrigin origin, const char *format, ...) {
    GtConfigSource *source = &config->source[key];
    source->origin = origin;
    va_list args;
    va_start(args, format);
    vsnprintf(source->where, sizeof source->where, format, args);
    va_end(args);
}

/* Frees a list of strings. */
static void free_list(char **list, size_t count) {
    for (size_t i = 0; i < count; i++) free(list[i]);
    free(list);
}

bool gt_config_set_packs(GtConfig *config, const char *const *packs, size_t count) {
    char **copy = count ? calloc(count, sizeof *copy) : NULL;
    if (count && !copy) return false;
    for (size_t i = 0; i < count; i++) {
        if (!(copy[i] = strdup(packs[i]))) {
            free_list(copy, i);
            return false;
        }
    }
    free_list(config->lesson_packs, config->lesson_pack_count);
    config->lesson_packs = copy;
    config->lesson_pack_count = count;
    return true;
}

void gt_config_system_file(char *path, size_t size) {
    const char *env = getenv("GUIDEDTOUCH_SYSTEM_CONFIG");
    snprintf(path, size, "%s", env && *env ? env : "/etc/guidedtouch/config.json");
}

bool gt_config_user_file(char *path, size_t size) {
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/') snprintf(path, size, "%s/guidedtouch/config.json", xdg);
    else if (home && home[0] == '/') snprintf(path, size, "%s/.config/guidedtouch/config.json", home);
    else {
        if (size) path[0] = '\0';
        return false;
    }
    return true;
}

/* The data folder as XDG says (without creating it, unlike gt_storage_data_dir). */
static void default_data_dir(char *path, size_t size) {
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    if (xdg && xdg[0] == '/') snprintf(path, size, "%s/guidedtouch", xdg);
    else if (home && home[0] == '/') snprintf(path, size, "%s/.local/share/guidedtouch", home);
    else snprintf(path, size, "guidedtouch-data");
}

/* Every setting at its built-in default. */
static void set_defaults(GtConfig *config) {
    config->mode = GT_CONFIG_MODE_LEARN;
    config->idle_timeout_s = GT_CONFIG_IDLE_DEFAULT_S;
    config->server_retry_max_s = GT_CONFIG_RETRY_DEFAULT_S;
    default_data_dir(config->data_dir, sizeof config->data_dir);
    for (int k = 0; k < GT_CONFIG_KEY_COUNT; k++)
        gt_config_set_source(config, (GtConfigKey)k, GT_CONFIG_FROM_DEFAULT, "default");
}

/* The database follows the data folder unless it was set itself. */
static void resolve_database(GtConfig *config) {
    if (config->source[GT_CONFIG_DATABASE].origin != GT_CONFIG_FROM_DEFAULT) return;
    int n = snprintf(config->database, sizeof config->database, "%s/progress.db", config->data_dir);
    if (n < 0 || (size_t)n >= sizeof config->database) config->database[0] = '\0';
    if (config->source[GT_CONFIG_DATA_DIR].origin != GT_CONFIG_FROM_DEFAULT)
        gt_config_set_source(config, GT_CONFIG_DATABASE, GT_CONFIG_FROM_DEFAULT, "default (in data_dir)");
}

bool gt_config_load(GtConfig *config, const GtConfigPaths *paths, int argc, char **argv, GtDiag *diag) {
    memset(config, 0, sizeof *config);
    set_defaults(config);
    if (paths && paths->system_file) snprintf(config->system_file, sizeof config->system_file, "%s", paths->system_file);
    else gt_config_system_file(config->system_file, sizeof config->system_file);
    bool have_user = true;
    if (paths && paths->user_file) snprintf(config->user_file, sizeof config->user_file, "%s", paths->user_file);
    else have_user = gt_config_user_file(config->user_file, sizeof config->user_file);
    bool ok = gt_config_read_file(config, config->system_file, GT_CONFIG_FROM_SYSTEM_FILE, &config->system_found,
                                  diag);
    if (have_user)
        ok = gt_config_read_file(config, config->user_file, GT_CONFIG_FROM_USER_FILE, &config->user_found, diag) && ok;
    ok = gt_config_read_args(config, argc, argv, diag) && ok;
    resolve_database(config);
    return ok;
}

void gt_config_free(GtConfig *config) {
    free_list(config->lesson_packs, config->lesson_pack_count);
    free(config->rest);
    config->lesson_packs = NULL;
    config->lesson_pack_count = 0;
    config->rest = NULL;
    config->rest_count = 0;
}
