/* config_args: the command-line layer. Settings are --key-with-dashes (booleans also --no-key);
 * the trainer's own options are passed through in `rest`; anything else is an error with
 * "did you mean". */
#include "config.h"
#include "suggest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char WHERE[] = "command line";

/* The trainer's options that are not settings, and how many values each takes (kept in step
 * with the trainer's option parser, game/app/platform/app_main.c). */
static const struct { const char *name; int values; } TRAINER_OPTIONS[] = {
    { "--window", 1 }, { "--step", 1 }, { "--script", 1 }, { "--frames", 1 }, { "--screenshot", 1 },
    { "--card-out", 1 }, { "--student", 1 }, { "--today", 1 }, { "--instructor", 0 }, { "--help", 0 },
    { "-h", 0 },
};
enum { TRAINER_OPTION_COUNT = sizeof TRAINER_OPTIONS / sizeof TRAINER_OPTIONS[0] };

static const GtConfigKey BOOL_KEYS[] = { GT_CONFIG_KIOSK, GT_CONFIG_FULLSCREEN, GT_CONFIG_MUTE, GT_CONFIG_LARGE_TEXT,
                                         GT_CONFIG_HIGH_CONTRAST, GT_CONFIG_LEFT_HANDED };
enum { BOOL_KEY_COUNT = sizeof BOOL_KEYS / sizeof BOOL_KEYS[0] };

/* "--" + the key with '-' for '_' into `option`. */
static void option_of(GtConfigKey key, bool negated, char *option, size_t size) {
    snprintf(option, size, "--%s%s", negated ? "no-" : "", GT_CONFIG_KEY_NAMES[key]);
    for (char *p = option; *p; p++)
        if (*p == '_') *p = '-';
}

/* The field a boolean key sets. */
static bool *bool_field(GtConfig *config, GtConfigKey key) {
    switch (key) {
    case GT_CONFIG_KIOSK: return &config->kiosk;
    case GT_CONFIG_FULLSCREEN: return &config->fullscreen;
    case GT_CONFIG_MUTE: return &config->mute;
    case GT_CONFIG_LARGE_TEXT: return &config->large_text;
    case GT_CONFIG_HIGH_CONTRAST: return &config->high_contrast;
    default: return &config->left_handed;
    }
}

/* Every option this layer knows, for "did you mean": settings, negations, the trainer's. */
static size_t known_options(char names[][48], const char **pointers, size_t max) {
    size_t n = 0;
    for (int k = 0; k < GT_CONFIG_KEY_COUNT && n + 2 < max; k++) {
        if (k == GT_CONFIG_PIN_HASH) continue;
        option_of((GtConfigKey)k, false, names[n], sizeof names[n]);
        if (k == GT_CONFIG_LESSON_PACKS) snprintf(names[n], sizeof names[n], "--lesson-pack");
        n++;
    }
    for (size_t b = 0; b < BOOL_KEY_COUNT && n < max; b++, n++) option_of(BOOL_KEYS[b], true, names[n], sizeof names[n]);
    if (n < max) snprintf(names[n++], 48, "--no-lesson-packs");
    for (size_t t = 0; t < TRAINER_OPTION_COUNT && n < max; t++, n++)
        snprintf(names[n], sizeof names[n], "%s", TRAINER_OPTIONS[t].name);
    for (size_t i = 0; i < n; i++) pointers[i] = names[i];
    return n;
}

/* Reports an option nobody knows, with the closest known one. */
static void unknown_option(const char *arg, GtDiag *diag) {
    char names[64][48];
    const char *pointers[64];
    size_t count = known_options(names, pointers, 64);
    char option[64];
    snprintf(option, sizeof option, "%.*s", (int)strcspn(arg, "="), arg);
    const char *guess = gt_suggest(option, pointers, count);
    if (guess) gt_diag_add(diag, WHERE, 0, 0, "", "unknown option %s (did you mean %s?)", option, guess);
    else gt_diag_add(diag, WHERE, 0, 0, "", "unknown option %s; `guidedtouch --help` lists the options", option);
}

/* The index of `value` among `names` (count of them), or -1 after reporting "OPTION "VALUE" is
 * not WHAT; use CHOICES" with the closest name. */
static int named(const char *value, const char *const *names, int count, const char *option, const char *what,
                 const char *choices, GtDiag *diag) {
    for (int i = 0; i < count; i++)
        if (strcmp(value, names[i]) == 0) return i;
    const char *guess = gt_suggest(value, names, (size_t)count);
    gt_diag_add(diag, WHERE, 0, 0, "", "%s \"%s\" is not %s; use %s%s%s%s", option, value, what, choices,
                guess ? " (did you mean " : "", guess ? guess : "", guess ? "?)" : "");
    return -1;
}

/* A path given with `option` into `target` (GT_CONFIG_PATH_MAX bytes) by the rule a file's paths
 * follow (gt_config_path), relative ones put under the current folder; false with the problem
 * reported, `target` unchanged. */
static bool command_line_path(const char *option, const char *value, char *target, GtDiag *diag) {
    char path[GT_CONFIG_PATH_MAX], why[GT_CONFIG_PATH_MAX + 200];
    if (!gt_config_path(value, true, path, sizeof path, why, sizeof why)) {
        gt_diag_add(diag, WHERE, 0, 0, "", "%s: %s", option, why);
        return false;
    }
    memcpy(target, path, sizeof path);
    return true;
}

/* Sets a valued setting from the command line; false with the problem reported. */
static bool set_value(GtConfig *config, GtConfigKey key, const char *option, const char *value, GtDiag *diag) {
    char *end = NULL;
    long number = 0;
    switch (key) {
    case GT_CONFIG_MODE: {
        int m = named(value, GT_CONFIG_MODE_NAMES, GT_CONFIG_MODE_COUNT, option, "a mode",
                      "learn, practice or exam", diag);
        if (m >= 0) config->mode = (GtConfigMode)m;
        return m >= 0;
    }
    case GT_CONFIG_SKIN_TONE: {
        int t = named(value, GT_SKIN_TONE_NAMES, GT_SKIN_TONE_COUNT, option, "a skin tone",
                      "light, light-medium, medium, medium-dark or dark", diag);
        if (t >= 0) config->skin_tone = (GtSkinTone)t;
        return t >= 0;
    }
    case GT_CONFIG_LESSON:
        if (!value[0] || strlen(value) >= GT_ID_MAX || strspn(value, "abcdefghijklmnopqrstuvwxyz0123456789-") !=
                                                           strlen(value)) {
            gt_diag_add(diag, WHERE, 0, 0, "", "%s \"%s\" is not a lesson id (lower-case letters, digits and '-'; "
                        "`guidedtouch list` shows them)", option, value);
            return false;
        }
        snprintf(config->lesson, sizeof config->lesson, "%s", value);
        return true;
    case GT_CONFIG_IDLE_TIMEOUT_S:
        number = strtol(value, &end, 10);
        if (!value[0] || *end || number < 0 || number > GT_CONFIG_IDLE_MAX_S) {
            gt_diag_add(diag, WHERE, 0, 0, "", "%s \"%s\" is not a number of seconds from 0 (never) to %d", option,
                        value, GT_CONFIG_IDLE_MAX_S);
            return false;
        }
        config->idle_timeout_s = (int)number;
        return true;
    case GT_CONFIG_SERVER:
        if (!value[0] || strlen(value) >= GT_CONFIG_SERVER_MAX || gt_config_server_has_password(value)) {
            gt_diag_add(diag, WHERE, 0, 0, "", "%s needs a connection string or service=NAME without a password (the "
                        "password goes in ~/.pgpass, mode 600, never on the command line)", option);
            return false;
        }
        snprintf(config->server, sizeof config->server, "%s", value);
        return true;
    default: /* data_dir, database: absolute from here on, so the setting names one folder everywhere */
        return command_line_path(option, value, key == GT_CONFIG_DATA_DIR ? config->data_dir : config->database, diag);
    }
}

/* Which valued setting an option names (the part before any '='); -1 for none. */
static int valued_key(const char *arg) {
    static const GtConfigKey VALUED[] = { GT_CONFIG_MODE, GT_CONFIG_LESSON, GT_CONFIG_IDLE_TIMEOUT_S,
                                          GT_CONFIG_DATA_DIR, GT_CONFIG_DATABASE, GT_CONFIG_SKIN_TONE,
                                          GT_CONFIG_SERVER };
    size_t length = strcspn(arg, "=");
    for (size_t v = 0; v < sizeof VALUED / sizeof VALUED[0]; v++) {
        char option[48];
        option_of(VALUED[v], false, option, sizeof option);
        if (strlen(option) == length && strncmp(arg, option, length) == 0) return (int)VALUED[v];
    }
    return -1;
}

/* Handles a boolean option; true when `arg` was one. */
static bool bool_option(GtConfig *config, const char *arg) {
    for (size_t b = 0; b < BOOL_KEY_COUNT; b++) {
        for (int negated = 0; negated <= 1; negated++) {
            char option[48];
            option_of(BOOL_KEYS[b], negated, option, sizeof option);
            if (strcmp(arg, option) != 0) continue;
            *bool_field(config, BOOL_KEYS[b]) = !negated;
            gt_config_set_source(config, BOOL_KEYS[b], GT_CONFIG_FROM_COMMAND_LINE, "%s (%s)", WHERE, option);
            return true;
        }
    }
    return false;
}

/* Collects --lesson-pack DIR (or --lessons DIR) options (they replace the files' list) and
 * --no-lesson-packs. */
typedef struct Packs {
    char (*dirs)[GT_CONFIG_PATH_MAX]; /* GT_CONFIG_PACKS_MAX of them, made absolute */
    size_t count;
    bool given;
} Packs;

/* Handles one option at argv[*i] that is not a boolean; false when it was a problem. */
static bool other_option(GtConfig *config, int argc, char **argv, int *i, Packs *packs, GtDiag *diag) {
    const char *arg = argv[*i];
    const char *equals = strchr(arg, '=');
    int key = valued_key(arg);
    bool is_pack = (strncmp(arg, "--lesson-pack", 13) == 0 && (arg[13] == '\0' || arg[13] == '=')) ||
                   (strncmp(arg, "--lessons", 9) == 0 && (arg[9] == '\0' || arg[9] == '='));
    if (key >= 0 || is_pack) {
        const char *value = equals ? equals + 1 : *i + 1 < argc ? argv[++*i] : NULL;
        char option[48];
        snprintf(option, sizeof option, "%.*s", (int)strcspn(arg, "="), arg);
        if (!value) {
            gt_diag_add(diag, WHERE, 0, 0, "", "%s needs a value", option);
            return false;
        }
        if (is_pack) {
            if (packs->count == GT_CONFIG_PACKS_MAX || !value[0]) {
                gt_diag_add(diag, WHERE, 0, 0, "", "%s needs a folder (at most %d of them)", option,
                            GT_CONFIG_PACKS_MAX);
                return false;
            }
            if (!command_line_path(option, value, packs->dirs[packs->count], diag)) return false;
            packs->count++;
            packs->given = true;
            return true;
        }
        if (!set_value(config, (GtConfigKey)key, option, value, diag)) return false;
        gt_config_set_source(config, (GtConfigKey)key, GT_CONFIG_FROM_COMMAND_LINE, "%s (%s)", WHERE, option);
        return true;
    }
    if (strcmp(arg, "--no-lesson-packs") == 0) {
        packs->count = 0;
        packs->given = true;
        return true;
    }
    if (strncmp(arg, "--pin-hash", 10) == 0) {
        gt_diag_add(diag, WHERE, 0, 0, "", "the staff PIN is set with `guidedtouch set-pin`, never on the command line");
        return false;
    }
    unknown_option(arg, diag);
    return false;
}

/* Appends argv[i] to config->rest (whose room was made for every argument). */
static void pass_on(GtConfig *config, char *arg) {
    config->rest[config->rest_count++] = arg;
}

bool gt_config_read_args(GtConfig *config, int argc, char **argv, GtDiag *diag) {
    bool ok = true;
    Packs packs = { .dirs = calloc(GT_CONFIG_PACKS_MAX, sizeof *packs.dirs) };
    const char *pointers[GT_CONFIG_PACKS_MAX];
    config->rest = calloc((size_t)(argc > 0 ? argc : 1), sizeof *config->rest);
    if (!config->rest || !packs.dirs) {
        free(packs.dirs);
        gt_diag_add(diag, WHERE, 0, 0, "", "out of memory while reading the options");
        return false;
    }
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        size_t t = 0;
        while (t < TRAINER_OPTION_COUNT && strcmp(arg, TRAINER_OPTIONS[t].name) != 0) t++;
        if (t < TRAINER_OPTION_COUNT) {
            pass_on(config, argv[i]);
            for (int v = 0; v < TRAINER_OPTIONS[t].values && i + 1 < argc; v++) pass_on(config, argv[++i]);
        } else if (arg[0] != '-' || arg[1] == '\0') {
            gt_diag_add(diag, WHERE, 0, 0, "", "unexpected argument \"%s\"; options start with --", arg);
            ok = false;
        } else if (!bool_option(config, arg) && !other_option(config, argc, argv, &i, &packs, diag)) ok = false;
    }
    for (size_t p = 0; p < packs.count; p++) pointers[p] = packs.dirs[p];
    if (packs.given) {
        if (gt_config_set_packs(config, pointers, packs.count))
            gt_config_set_source(config, GT_CONFIG_LESSON_PACKS, GT_CONFIG_FROM_COMMAND_LINE, "%s (%s)", WHERE,
                                 packs.count ? "--lesson-pack" : "--no-lesson-packs");
        else {
            gt_diag_add(diag, WHERE, 0, 0, "", "out of memory while reading the options");
            ok = false;
        }
    }
    free(packs.dirs);
    return ok;
}
