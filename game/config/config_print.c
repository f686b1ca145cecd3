/* config_print: the merged settings for people (with where each came from) or as a file. */
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The value of one setting as JSON text into `text` (pin_hash: "(set)" / "(none)" for people). */
static void value_text(const GtConfig *config, GtConfigKey key, char *text, size_t size) {
    cJSON *value = NULL;
    switch (key) {
    case GT_CONFIG_KIOSK: value = cJSON_CreateBool(config->kiosk); break;
    case GT_CONFIG_FULLSCREEN: value = cJSON_CreateBool(config->fullscreen); break;
    case GT_CONFIG_MUTE: value = cJSON_CreateBool(config->mute); break;
    case GT_CONFIG_LARGE_TEXT: value = cJSON_CreateBool(config->large_text); break;
    case GT_CONFIG_HIGH_CONTRAST: value = cJSON_CreateBool(config->high_contrast); break;
    case GT_CONFIG_LEFT_HANDED: value = cJSON_CreateBool(config->left_handed); break;
    case GT_CONFIG_MODE: value = cJSON_CreateString(GT_CONFIG_MODE_NAMES[config->mode]); break;
    case GT_CONFIG_SKIN_TONE: value = cJSON_CreateString(GT_SKIN_TONE_NAMES[config->skin_tone]); break;
    case GT_CONFIG_LESSON:
        if (!config->lesson[0]) {
            snprintf(text, size, "(none: the home screen)");
            return;
        }
        value = cJSON_CreateString(config->lesson);
        break;
    case GT_CONFIG_IDLE_TIMEOUT_S: value = cJSON_CreateNumber(config->idle_timeout_s); break;
    case GT_CONFIG_DATA_DIR: value = cJSON_CreateString(config->data_dir); break;
    case GT_CONFIG_DATABASE: value = cJSON_CreateString(config->database); break;
    case GT_CONFIG_LESSON_PACKS:
        if (!config->lesson_pack_count) {
            snprintf(text, size, "[] (the bundled lessons)");
            return;
        }
        value = cJSON_CreateStringArray((const char *const *)config->lesson_packs, (int)config->lesson_pack_count);
        break;
    case GT_CONFIG_SERVER:
        if (!config->server[0]) {
            snprintf(text, size, "(none: this kiosk only)");
            return;
        }
        value = cJSON_CreateObject();
        cJSON_AddStringToObject(value, "connection", config->server);
        cJSON_AddNumberToObject(value, "retry_max_s", config->server_retry_max_s);
        break;
    case GT_CONFIG_PIN_HASH:
        snprintf(text, size, "%s", config->pin_hash[0] ? "(set)" : "(none)");
        return;
    default: break;
    }
    char *printed = value ? cJSON_PrintUnformatted(value) : NULL;
    snprintf(text, size, "%s", printed ? printed : "?");
    free(printed);
    cJSON_Delete(value);
}

/* True when the database is the one beside data_dir that loading works out by itself: a file then
 * leaves it out, so it follows data_dir (and "<data_dir>/progress.db" may be longer than a path a
 * file may give). */
static bool database_follows(const GtConfig *config) {
    return config->source[GT_CONFIG_DATABASE].origin == GT_CONFIG_FROM_DEFAULT;
}

/* Adds a problem when the path setting `value` of `key` would not load back from a file as the
 * same path. */
static bool path_printable(const GtConfig *config, GtConfigKey key, const char *value, GtDiag *diag) {
    char loaded[GT_CONFIG_PATH_MAX], why[GT_CONFIG_PATH_MAX + 200];
    bool ok = gt_config_path(value, false, loaded, sizeof loaded, why, sizeof why);
    if (ok && strcmp(loaded, value) == 0) return true;
    if (ok) snprintf(why, sizeof why, "a file would read it as \"%s\"", loaded);
    gt_diag_add(diag, config->source[key].where, 0, 0, GT_CONFIG_KEY_NAMES[key],
                "cannot be written to a configuration file: %s", why);
    return false;
}

bool gt_config_printable(const GtConfig *config, GtDiag *diag) {
    bool ok = path_printable(config, GT_CONFIG_DATA_DIR, config->data_dir, diag);
    if (!database_follows(config)) ok = path_printable(config, GT_CONFIG_DATABASE, config->database, diag) && ok;
    for (size_t p = 0; p < config->lesson_pack_count; p++)
        ok = path_printable(config, GT_CONFIG_LESSON_PACKS, config->lesson_packs[p], diag) && ok;
    return ok;
}

/* The merged values as a config file (pin_hash left out: it stays in the file set-pin wrote). */
static void print_json(const GtConfig *config, FILE *out) {
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "guidedtouch-config");
    cJSON_AddNumberToObject(root, "version", 1);
    for (int k = 0; k < GT_CONFIG_KEY_COUNT; k++) {
        if (k == GT_CONFIG_PIN_HASH || (k == GT_CONFIG_LESSON && !config->lesson[0]) ||
            (k == GT_CONFIG_SERVER && !config->server[0]) || (k == GT_CONFIG_DATABASE && database_follows(config)))
            continue;
        char text[GT_CONFIG_PATH_MAX * 2];
        if (k == GT_CONFIG_LESSON_PACKS)
            cJSON_AddItemToObject(root, GT_CONFIG_KEY_NAMES[k], cJSON_CreateStringArray(
                (const char *const *)config->lesson_packs, (int)config->lesson_pack_count));
        else {
            value_text(config, (GtConfigKey)k, text, sizeof text);
            cJSON_AddItemToObject(root, GT_CONFIG_KEY_NAMES[k], cJSON_Parse(text));
        }
    }
    char *printed = cJSON_Print(root);
    if (printed) fprintf(out, "%s\n", printed);
    free(printed);
    cJSON_Delete(root);
}

void gt_config_print(const GtConfig *config, FILE *out, bool json) {
    if (json) {
        print_json(config, out);
        return;
    }
    fprintf(out, "# Guided Touch settings: defaults, then the files below, then the command line\n");
    fprintf(out, "# system file: %s%s\n", config->system_file, config->system_found ? "" : " (not present)");
    fprintf(out, "# user file:   %s%s\n", config->user_file[0] ? config->user_file : "(no HOME)",
            config->user_found ? "" : " (not present)");
    for (int k = 0; k < GT_CONFIG_KEY_COUNT; k++) {
        char text[GT_CONFIG_PATH_MAX * 2];
        value_text(config, (GtConfigKey)k, text, sizeof text);
        fprintf(out, "%-15s = %-30s # %s\n", GT_CONFIG_KEY_NAMES[k], text, config->source[k].where);
    }
    if (config->kiosk && !config->pin_hash[0])
        fprintf(out, "# note: kiosk mode is on but no staff PIN is set, so staff cannot leave the kiosk; run "
                "`guidedtouch set-pin`\n");
}
