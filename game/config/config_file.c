/* config_file: one configuration file into the config, located errors for what is wrong. */
#include "config.h"
#include "json_doc.h"
#include "library.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Where the value of `key` sits in the file, as "file:line:column". */
static void locate(const GtJsonDoc *doc, const char *key, char *where, size_t size) {
    GtPath root = gt_path_root();
    GtPath path = gt_path_key(&root, key);
    int line = 0, column = 0;
    gt_json_locate(doc, &path, false, &line, &column);
    snprintf(where, size, "%s:%d:%d", doc->file, line, column);
}

/* Records that `key` came from this file. */
static void came_from(GtConfig *config, GtConfigKey key, GtConfigOrigin origin, const GtJsonDoc *doc) {
    char where[GT_CONFIG_WHERE_MAX];
    locate(doc, GT_CONFIG_KEY_NAMES[key], where, sizeof where);
    gt_config_set_source(config, key, origin, "%s", where);
}

/* Expands a path written in a file into `out` (gt_config_path: absolute, or "~/..." under $HOME,
 * within GT_CONFIG_PATH_LONGEST); what is wrong is a located error. */
static bool file_path(GtJsonDoc *doc, const GtPath *path, const char *text, char *out, size_t size) {
    char why[GT_CONFIG_PATH_MAX + 200];
    if (gt_config_path(text, false, out, size, why, sizeof why)) return true;
    gt_json_error(doc, path, "%s", why);
    return false;
}

/* Reads a path-valued key (data_dir, database). */
static void read_path(GtConfig *config, GtJsonDoc *doc, const cJSON *root, GtConfigKey key, GtConfigOrigin origin,
                      char *target, size_t size) {
    GtPath top = gt_path_root();
    const char *text = NULL;
    if (!gt_json_string(doc, root, &top, GT_CONFIG_KEY_NAMES[key], false, GT_CONFIG_PATH_MAX - 100, &text)) return;
    GtPath path = gt_path_key(&top, GT_CONFIG_KEY_NAMES[key]);
    char expanded[GT_CONFIG_PATH_MAX];
    if (!file_path(doc, &path, text, expanded, sizeof expanded)) return;
    snprintf(target, size, "%s", expanded);
    came_from(config, key, origin, doc);
}

/* Reads "lesson_packs": a list of folder paths (none: the bundled lessons). */
static void read_packs(GtConfig *config, GtJsonDoc *doc, const cJSON *root, GtConfigOrigin origin) {
    GtPath top = gt_path_root();
    const char *key = GT_CONFIG_KEY_NAMES[GT_CONFIG_LESSON_PACKS];
    const cJSON *list = gt_json_member(doc, root, &top, key, false);
    if (!list) return;
    GtPath path = gt_path_key(&top, key);
    if (!cJSON_IsArray(list)) {
        gt_json_error(doc, &path, "expected a list of folders in [ ], found %s", gt_json_type_name(list));
        return;
    }
    size_t count = (size_t)cJSON_GetArraySize(list);
    if (count > GT_CONFIG_PACKS_MAX) {
        gt_json_error(doc, &path, "lists %zu folders; at most %d are read", count, GT_CONFIG_PACKS_MAX);
        return;
    }
    char (*packs)[GT_CONFIG_PATH_MAX] = calloc(count ? count : 1, sizeof *packs);
    const char **pointers = calloc(count ? count : 1, sizeof *pointers);
    bool ok = packs && pointers;
    size_t i = 0;
    const cJSON *item = NULL;
    cJSON_ArrayForEach(item, list) {
        if (!ok) break;
        GtPath item_path = gt_path_index(&path, i);
        if (!cJSON_IsString(item) || !item->valuestring[0]) {
            gt_json_error(doc, &item_path, "expected the path of a folder in quotes, found %s",
                          cJSON_IsString(item) ? "an empty string" : gt_json_type_name(item));
            ok = false;
        } else ok = file_path(doc, &item_path, item->valuestring, packs[i], sizeof packs[i]);
        pointers[i] = packs[i];
        i++;
    }
    if (ok && gt_config_set_packs(config, pointers, count)) came_from(config, GT_CONFIG_LESSON_PACKS, origin, doc);
    free(packs);
    free(pointers);
}

/* Reads "pin_hash", which only `guidedtouch set-pin` writes. */
static void read_pin_hash(GtConfig *config, GtJsonDoc *doc, const cJSON *root, GtConfigOrigin origin) {
    GtPath top = gt_path_root();
    const char *key = GT_CONFIG_KEY_NAMES[GT_CONFIG_PIN_HASH];
    const char *text = NULL;
    if (!gt_json_string(doc, root, &top, key, false, GT_CONFIG_PIN_HASH_MAX - 1, &text)) return;
    if (strncmp(text, "$argon2id$", 10) != 0) {
        GtPath path = gt_path_key(&top, key);
        gt_json_error(doc, &path, "is not a PIN hash written by `guidedtouch set-pin`; run `guidedtouch set-pin` to "
                      "set the staff PIN (a PIN itself never goes in this file)");
        return;
    }
    snprintf(config->pin_hash, sizeof config->pin_hash, "%s", text);
    came_from(config, GT_CONFIG_PIN_HASH, origin, doc);
}

bool gt_config_server_has_password(const char *connection) {
    const char *scheme = strstr(connection, "://");
    if (scheme) { /* postgresql://user:secret@host */
        const char *at = strchr(scheme + 3, '@'), *colon = strchr(scheme + 3, ':');
        const char *slash = strchr(scheme + 3, '/');
        if (at && colon && colon < at && (!slash || at < slash)) return true;
    }
    for (const char *p = connection; (p = strstr(p, "password")) != NULL; p += 8) {
        const char *after = p + 8;
        while (*after == ' ') after++;
        if (*after == '=') return true;
    }
    return false;
}

/* Reads the "server" section: {"connection": "service=school", "retry_max_s": 60}. */
static void read_server(GtConfig *config, GtJsonDoc *doc, const cJSON *root, GtConfigOrigin origin) {
    static const char *const keys[] = { "connection", "retry_max_s", NULL };
    GtPath top = gt_path_root();
    const cJSON *section = gt_json_member(doc, root, &top, "server", false);
    if (!section) return;
    GtPath path = gt_path_key(&top, "server");
    if (!cJSON_IsObject(section)) {
        gt_json_error(doc, &path, "expected a section in { } with \"connection\", found %s", gt_json_type_name(section));
        return;
    }
    gt_json_check_keys(doc, section, &path, keys);
    const char *connection = NULL;
    long retry = config->server_retry_max_s;
    bool ok = gt_json_string(doc, section, &path, "connection", true, GT_CONFIG_SERVER_MAX - 1, &connection);
    if (ok && gt_config_server_has_password(connection)) {
        GtPath at = gt_path_key(&path, "connection");
        gt_json_error(doc, &at, "holds a password; put the password in a password file (~/.pgpass, mode 600) or a "
                      "service file, never in the configuration");
        ok = false;
    }
    if (section && gt_json_member(doc, section, &path, "retry_max_s", false) &&
        !gt_json_integer(doc, section, &path, "retry_max_s", false, 1, GT_CONFIG_RETRY_MAX_S, &retry))
        ok = false;
    if (!ok) return;
    snprintf(config->server, sizeof config->server, "%s", connection);
    config->server_retry_max_s = (int)retry;
    came_from(config, GT_CONFIG_SERVER, origin, doc);
}

/* Reads every key of a parsed file into the config. */
static void read_keys(GtConfig *config, GtJsonDoc *doc, GtConfigOrigin origin) {
    GtPath top = gt_path_root();
    const cJSON *root = doc->root;
    static const GtConfigKey BOOLS[] = { GT_CONFIG_KIOSK, GT_CONFIG_FULLSCREEN, GT_CONFIG_MUTE, GT_CONFIG_LARGE_TEXT,
                                         GT_CONFIG_HIGH_CONTRAST, GT_CONFIG_LEFT_HANDED };
    bool *targets[] = { &config->kiosk, &config->fullscreen, &config->mute, &config->large_text,
                        &config->high_contrast, &config->left_handed };
    for (size_t i = 0; i < sizeof BOOLS / sizeof BOOLS[0]; i++)
        if (gt_json_bool(doc, root, &top, GT_CONFIG_KEY_NAMES[BOOLS[i]], false, targets[i]))
            came_from(config, BOOLS[i], origin, doc);
    int mode = 0;
    if (gt_json_enum(doc, root, &top, "mode", false, GT_CONFIG_MODE_NAMES, GT_CONFIG_MODE_COUNT, &mode)) {
        config->mode = (GtConfigMode)mode;
        came_from(config, GT_CONFIG_MODE, origin, doc);
    }
    const char *lesson = NULL;
    if (gt_json_id(doc, root, &top, "lesson", false, &lesson)) {
        snprintf(config->lesson, sizeof config->lesson, "%s", lesson);
        came_from(config, GT_CONFIG_LESSON, origin, doc);
    }
    int tone = 0;
    if (gt_json_enum(doc, root, &top, "skin_tone", false, GT_SKIN_TONE_NAMES, GT_SKIN_TONE_COUNT, &tone)) {
        config->skin_tone = (GtSkinTone)tone;
        came_from(config, GT_CONFIG_SKIN_TONE, origin, doc);
    }
    long idle = 0;
    if (gt_json_integer(doc, root, &top, "idle_timeout_s", false, 0, GT_CONFIG_IDLE_MAX_S, &idle)) {
        config->idle_timeout_s = (int)idle;
        came_from(config, GT_CONFIG_IDLE_TIMEOUT_S, origin, doc);
    }
    read_path(config, doc, root, GT_CONFIG_DATA_DIR, origin, config->data_dir, sizeof config->data_dir);
    read_path(config, doc, root, GT_CONFIG_DATABASE, origin, config->database, sizeof config->database);
    read_packs(config, doc, root, origin);
    read_pin_hash(config, doc, root, origin);
    read_server(config, doc, root, origin);
}

/* Orders problems by line, then column. */
static int by_place(const void *a, const void *b) {
    const GtDiagEntry *p = a, *q = b;
    if (p->line != q->line) return p->line < q->line ? -1 : 1;
    return (p->column > q->column) - (p->column < q->column);
}

bool gt_config_read_file(GtConfig *config, const char *path, GtConfigOrigin origin, bool *found, GtDiag *diag) {
    static const char *const keys[] = {
        "format", "version", "kiosk", "fullscreen", "mute", "mode", "lesson", "idle_timeout_s", "data_dir",
        "database", "lesson_packs", "pin_hash", "large_text", "high_contrast", "left_handed", "skin_tone",
        "server", NULL,
    };
    *found = false;
    if (access(path, F_OK) != 0 && errno == ENOENT) return true;
    *found = true;
    char *text = NULL;
    size_t length = 0;
    if (!gt_read_file(path, &text, &length, diag)) return false;
    size_t first = diag->count, before = diag->count + diag->dropped;
    GtJsonDoc doc;
    if (gt_json_doc_parse(&doc, path, text, length, "guidedtouch-config", diag)) {
        GtPath top = gt_path_root();
        gt_json_check_keys(&doc, doc.root, &top, keys);
        read_keys(config, &doc, origin);
    }
    gt_json_doc_free(&doc);
    free(text);
    if (diag->count > first) /* in the order they appear in the file */
        qsort(diag->entries + first, diag->count - first, sizeof *diag->entries, by_place);
    return diag->count + diag->dropped == before;
}
