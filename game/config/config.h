/* config: the trainer's settings, merged in this order, each later one winning:
 *   1. built-in defaults,
 *   2. the system file /etc/guidedtouch/config.json (GUIDEDTOUCH_SYSTEM_CONFIG names another),
 *   3. the user's file $XDG_CONFIG_HOME/guidedtouch/config.json (default ~/.config/...),
 *   4. the command line, where every boolean has its negation (--kiosk / --no-kiosk).
 * Each value remembers where it came from, for `guidedtouch print-config`. A file is one JSON
 * object {"format": "guidedtouch-config", "version": 1, ...} (lessons/schema/config.schema.json);
 * unknown keys and invalid values are located errors with "did you mean", like lessons. No SDL.
 *
 * Ownership: a GtConfig owns its strings and lists; gt_config_free releases them. `rest` points
 * into the argv given to gt_config_load (the caller keeps argv alive). */
#ifndef GT_CONFIG_H
#define GT_CONFIG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include "gt_diag.h"
#include "gt_replay.h"

typedef enum GtConfigKey {
    GT_CONFIG_KIOSK, GT_CONFIG_FULLSCREEN, GT_CONFIG_MUTE, GT_CONFIG_MODE, GT_CONFIG_LESSON,
    GT_CONFIG_IDLE_TIMEOUT_S, GT_CONFIG_DATA_DIR, GT_CONFIG_DATABASE, GT_CONFIG_LESSON_PACKS,
    GT_CONFIG_PIN_HASH, GT_CONFIG_LARGE_TEXT, GT_CONFIG_HIGH_CONTRAST, GT_CONFIG_LEFT_HANDED,
    GT_CONFIG_SKIN_TONE, GT_CONFIG_SERVER, GT_CONFIG_KEY_COUNT
} GtConfigKey;

/* The JSON key of each setting ("idle_timeout_s"), indexed by GtConfigKey: the one place they are
 * spelt. The command-line option is the key with '-' for '_' ("--idle-timeout-s"). */
extern const char *const GT_CONFIG_KEY_NAMES[GT_CONFIG_KEY_COUNT];

typedef enum GtConfigMode { GT_CONFIG_MODE_LEARN, GT_CONFIG_MODE_PRACTICE, GT_CONFIG_MODE_EXAM, GT_CONFIG_MODE_COUNT }
    GtConfigMode;
extern const char *const GT_CONFIG_MODE_NAMES[GT_CONFIG_MODE_COUNT]; /* "learn", "practice", "exam" */

/* The skin tones the figure can be drawn in, light to dark; each is a pair of gradients in the
 * body-map art ("skin-<name>", "edge-<name>"), and tests/test_bodymap_art.c holds them in step. */
typedef enum GtSkinTone {
    GT_SKIN_TONE_LIGHT, GT_SKIN_TONE_LIGHT_MEDIUM, GT_SKIN_TONE_MEDIUM, GT_SKIN_TONE_MEDIUM_DARK, GT_SKIN_TONE_DARK,
    GT_SKIN_TONE_COUNT
} GtSkinTone;
extern const char *const GT_SKIN_TONE_NAMES[GT_SKIN_TONE_COUNT]; /* "light", "light-medium", ... "dark" */

typedef enum GtConfigOrigin {
    GT_CONFIG_FROM_DEFAULT, GT_CONFIG_FROM_SYSTEM_FILE, GT_CONFIG_FROM_USER_FILE, GT_CONFIG_FROM_COMMAND_LINE
} GtConfigOrigin;

enum { GT_CONFIG_WHERE_MAX = 4200, GT_CONFIG_PIN_HASH_MAX = 128, GT_CONFIG_PATH_MAX = 4096,
       GT_CONFIG_IDLE_DEFAULT_S = 120, GT_CONFIG_IDLE_MAX_S = 86400, GT_CONFIG_PACKS_MAX = 32,
       GT_CONFIG_PATH_LONGEST = GT_CONFIG_PATH_MAX - 200, /* a path setting, with ~ or the current folder */
       GT_CONFIG_SERVER_MAX = 1024, GT_CONFIG_RETRY_DEFAULT_S = 60, GT_CONFIG_RETRY_MAX_S = 3600 };

typedef struct GtConfigSource {
    GtConfigOrigin origin;
    char where[GT_CONFIG_WHERE_MAX]; /* "default", "/etc/guidedtouch/config.json:3:13", "command line (--kiosk)" */
} GtConfigSource;

typedef struct GtConfig {
    bool kiosk;                    /* fullscreen, input grabbed, no quit without the staff PIN */
    bool fullscreen;
    bool mute;                     /* no metronome click, no audio device opened */
    GtConfigMode mode;             /* the mode lessons open in */
    char lesson[GT_ID_MAX];        /* start straight in this lesson; "" for the home screen */
    int idle_timeout_s;            /* sign the student out after this long untouched; 0: never */
    char data_dir[GT_CONFIG_PATH_MAX]; /* the student data folder (default $XDG_DATA_HOME/guidedtouch) */
    char database[GT_CONFIG_PATH_MAX]; /* the progress database (default <data_dir>/progress.db) */
    char **lesson_packs;           /* folders holding assets/ and lessons/; none: the bundled lessons */
    size_t lesson_pack_count;
    char pin_hash[GT_CONFIG_PIN_HASH_MAX]; /* the staff PIN's salted hash (set-pin); "" when none */
    bool large_text, high_contrast, left_handed;
    GtSkinTone skin_tone;          /* the figure's skin tone for guests, and where a student's starts */
    char server[GT_CONFIG_SERVER_MAX]; /* the school server: a libpq connection string or "service=NAME"
                                      ("server": {"connection": ...}); "": this kiosk only */
    int server_retry_max_s;        /* the longest wait between tries while the server is away */
    GtConfigSource source[GT_CONFIG_KEY_COUNT];
    char system_file[GT_CONFIG_PATH_MAX], user_file[GT_CONFIG_PATH_MAX]; /* the files looked for */
    bool system_found, user_found; /* ... and whether they were there */
    char **rest;                   /* argv entries that are not settings (the trainer's own
                                      options, such as --window 800x600), in order */
    int rest_count;
} GtConfig;

/* Where gt_config_load looks; a NULL member means the standard place. */
typedef struct GtConfigPaths {
    const char *system_file;
    const char *user_file;
} GtConfigPaths;

/* Loads defaults, the files and the command line (argv[0..argc-1] are options only: no program
 * name, no subcommand) into `config`. Problems go to `diag` as located errors and make it
 * return false; `config` then still holds every valid value (a bad one keeps the value it had
 * before), so the caller may show the problems and go on. Call gt_config_free either way. */
bool gt_config_load(GtConfig *config, const GtConfigPaths *paths, int argc, char **argv, GtDiag *diag);

/* Releases what the config owns; it then holds only defaults-free zeroes. */
void gt_config_free(GtConfig *config);

/* The standard file places: the system file (honouring GUIDEDTOUCH_SYSTEM_CONFIG) and the user
 * file ($XDG_CONFIG_HOME, else $HOME/.config). False when HOME is unset too ("" then). */
void gt_config_system_file(char *path, size_t size);
bool gt_config_user_file(char *path, size_t size);

/* Prints the merged settings, one "key = value  # where it came from" line each, and which files
 * were read; or, with `json`, a config file holding the merged values (pin_hash left out, and the
 * database when it is the one beside data_dir). */
void gt_config_print(const GtConfig *config, FILE *out, bool json);

/* True when every path setting would load back from the file `gt_config_print` writes as the same
 * path; otherwise false, each one that would not in `diag`, located where its value came from. */
bool gt_config_printable(const GtConfig *config, GtDiag *diag);

/* Sets (or with value NULL removes) one string key in the config file at `path`, keeping its
 * other keys and creating the file (and its folder, mode 0700) when absent; written atomically,
 * mode 0600. A file that is not a valid config is left untouched: false, its problems in diag. */
bool gt_config_write_key(const char *path, GtConfigKey key, const char *value, GtDiag *diag);

/* Internal to the config module (config_file.c / config_args.c), shared through here. */
void gt_config_set_source(GtConfig *config, GtConfigKey key, GtConfigOrigin origin, const char *format, ...)
    __attribute__((format(printf, 4, 5)));
bool gt_config_set_packs(GtConfig *config, const char *const *packs, size_t count);
bool gt_config_read_file(GtConfig *config, const char *path, GtConfigOrigin origin, bool *found, GtDiag *diag);
bool gt_config_read_args(GtConfig *config, int argc, char **argv, GtDiag *diag);
/* The one rule for a path setting (data_dir, database, a lesson pack), from a file or the command
 * line: UTF-8 text without control characters, absolute or "~/..." (expanded with $HOME) and, from
 * the command line, relative to the current folder (made absolute here, so the setting means the
 * same folder wherever it is read again); at most GT_CONFIG_PATH_LONGEST characters once
 * expanded, trailing slashes dropped. The path into `out`; false with the reason in `why`. */
bool gt_config_path(const char *text, bool from_command_line, char *out, size_t size, char *why, size_t why_size);
/* True when a server connection setting holds a password (password=..., user:secret@). */
bool gt_config_server_has_password(const char *connection);

#endif
