/* config_write: changing one key of a config file without disturbing the rest. */
#include "config.h"
#include "library.h"
#include "storage.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Reads the existing file as a JSON object after checking it is a valid config (its problems go
 * to diag); a missing file gives a new object. NULL when it cannot be used. */
static cJSON *read_existing(const char *path, GtDiag *diag) {
    if (access(path, F_OK) != 0 && errno == ENOENT) {
        cJSON *root = cJSON_CreateObject();
        cJSON_AddStringToObject(root, "format", "guidedtouch-config");
        cJSON_AddNumberToObject(root, "version", 1);
        return root;
    }
    GtConfig scratch;
    memset(&scratch, 0, sizeof scratch);
    bool found = false;
    bool valid = gt_config_read_file(&scratch, path, GT_CONFIG_FROM_USER_FILE, &found, diag);
    gt_config_free(&scratch);
    if (!valid) return NULL;
    char *text = NULL;
    size_t length = 0;
    if (!gt_read_file(path, &text, &length, diag)) return NULL;
    cJSON *root = cJSON_ParseWithLength(text, length);
    free(text);
    return root;
}

/* Creates the folder that will hold `path`. */
static bool make_folder(const char *path, char *error, size_t error_size) {
    char dir[GT_CONFIG_PATH_MAX];
    const char *slash = strrchr(path, '/');
    if (!slash || slash == path) return true;
    snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    return gt_storage_make_dirs(dir, error, error_size);
}

bool gt_config_write_key(const char *path, GtConfigKey key, const char *value, GtDiag *diag) {
    cJSON *root = read_existing(path, diag);
    if (!root) return false;
    const char *name = GT_CONFIG_KEY_NAMES[key];
    cJSON_DeleteItemFromObjectCaseSensitive(root, name);
    if (value) cJSON_AddStringToObject(root, name, value);
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    char error[1024] = "out of memory while writing the settings";
    bool ok = text && make_folder(path, error, sizeof error);
    if (ok) {
        size_t length = strlen(text);
        char *with_newline = malloc(length + 2);
        ok = with_newline != NULL;
        if (ok) {
            memcpy(with_newline, text, length);
            memcpy(with_newline + length, "\n", 2);
            ok = gt_storage_write_atomic(path, with_newline, length + 1, error, sizeof error);
        }
        free(with_newline);
    }
    if (!ok) gt_diag_add(diag, path, 0, 0, "", "%s", error);
    free(text);
    return ok;
}
