/* cli_config: `guidedtouch print-config` (also `guidedtouch --print-config`) and
 * `guidedtouch set-pin`. */
#include "cli.h"
#include "config.h"
#include "pin.h"

#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static const char PRINT_USAGE[] =
    "Usage: guidedtouch print-config [--json] [SETTINGS...]\n"
    "       guidedtouch [SETTINGS...] --print-config\n"
    "\n"
    "Shows the settings the trainer would start with, merged from /etc/guidedtouch/config.json,\n"
    "then $XDG_CONFIG_HOME/guidedtouch/config.json (default ~/.config/guidedtouch/config.json),\n"
    "then SETTINGS, and where each value came from. --json prints them as a config file, which\n"
    "loads back as the same settings (nothing when a file or setting has a problem). Paths given\n"
    "here may be relative (to the current folder) or start with ~/; they are kept as full paths.\n"
    "Settings: --kiosk, --fullscreen, --mute, --large-text, --high-contrast, --left-handed (each\n"
    "also as --no-...), --mode learn|practice|exam, --lesson ID, --idle-timeout-s N (0: never),\n"
    "--skin-tone light|light-medium|medium|medium-dark|dark (the figure's), --data-dir DIR,\n"
    "--database FILE, --lesson-pack DIR (repeatable), --no-lesson-packs.\n"
    "Exit status: 1 when a file or setting has a problem (the problems go to stderr).\n";

int gt_cli_print_config(GtCliPlace *place, int argc, char **argv) {
    (void)place;
    if (gt_cli_wants_help(argc, argv, PRINT_USAGE)) return GT_EXIT_OK;
    bool json = false;
    int kept = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) json = true;
        else argv[kept++] = argv[i];
    }
    GtConfig config;
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_config_load(&config, NULL, kept, argv, &diag);
    /* --json: a file that loads back as these settings, or none (never one that lost a setting) */
    ok = (!json || gt_config_printable(&config, &diag)) && ok;
    gt_diag_print(&diag, stderr);
    if (ok || !json) gt_config_print(&config, stdout, json);
    else fprintf(stderr, "guidedtouch print-config: no configuration file printed; fix the settings above first\n");
    gt_config_free(&config);
    gt_diag_free(&diag);
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}

static const char PIN_USAGE[] =
    "Usage: guidedtouch set-pin [--file CONFIG] [--remove]\n"
    "\n"
    "Reads a new staff PIN (4 to 8 digits) from standard input (without echo, twice, on a\n"
    "terminal) and keeps its salted hash (Argon2id) as \"pin_hash\" in CONFIG (default: the user's\n"
    "$XDG_CONFIG_HOME/guidedtouch/config.json, written with mode 0600). Staff type the PIN on the\n"
    "kiosk's PIN pad to leave kiosk mode. --remove deletes the PIN from CONFIG.\n";

/* Reads one line from standard input into `line` without its newline; false at end of input. */
static bool read_line(char *line, size_t size) {
    if (!fgets(line, (int)size, stdin)) return false;
    line[strcspn(line, "\r\n")] = '\0';
    return true;
}

/* Asks for a line on a terminal without echoing it. */
static bool read_secret(const char *prompt, char *line, size_t size) {
    struct termios saved, quiet;
    fputs(prompt, stderr);
    fflush(stderr);
    bool hidden = tcgetattr(STDIN_FILENO, &saved) == 0;
    if (hidden) {
        quiet = saved;
        quiet.c_lflag &= ~(tcflag_t)ECHO;
        hidden = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    bool ok = read_line(line, size);
    if (hidden) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    fputc('\n', stderr);
    return ok;
}

/* Gets the new PIN: twice, hidden, on a terminal; once from a pipe. False after saying why. */
static bool read_pin(char *pin, size_t size) {
    char again[64], error[128];
    bool tty = isatty(STDIN_FILENO);
    bool ok = tty ? read_secret("New staff PIN (4 to 8 digits): ", pin, size) : read_line(pin, size);
    if (!ok) {
        fprintf(stderr, "guidedtouch: no PIN was given; nothing changed\n");
        return false;
    }
    if (!gt_pin_valid(pin, error, sizeof error)) {
        fprintf(stderr, "guidedtouch: %s; nothing changed\n", error);
        return false;
    }
    if (tty && (!read_secret("The same PIN again: ", again, sizeof again) || strcmp(pin, again) != 0)) {
        fprintf(stderr, "guidedtouch: the two PINs differ; nothing changed\n");
        return false;
    }
    return true;
}

int gt_cli_set_pin(GtCliPlace *place, int argc, char **argv) {
    (void)place;
    if (gt_cli_wants_help(argc, argv, PIN_USAGE)) return GT_EXIT_OK;
    const char *file = NULL;
    if ((argc = gt_cli_take_option(argc, argv, "--file", &file)) < 0) return GT_EXIT_USAGE;
    bool remove = argc == 1 && strcmp(argv[0], "--remove") == 0;
    if (argc > (remove ? 1 : 0)) {
        fprintf(stderr, "guidedtouch set-pin: unexpected %s (the PIN is read from standard input)\n\n%s", argv[0],
                PIN_USAGE);
        return GT_EXIT_USAGE;
    }
    char path[GT_CONFIG_PATH_MAX];
    if (file) snprintf(path, sizeof path, "%s", file);
    else if (!gt_config_user_file(path, sizeof path)) {
        fprintf(stderr, "guidedtouch: neither XDG_CONFIG_HOME nor HOME is set; name the file with --file\n");
        return GT_EXIT_USAGE;
    }
    char pin[64] = "", hash[GT_CONFIG_PIN_HASH_MAX] = "", error[256];
    if (!remove && !read_pin(pin, sizeof pin)) return GT_EXIT_INVALID;
    if (!remove && !gt_pin_hash(pin, hash, error, sizeof error)) {
        fprintf(stderr, "guidedtouch: %s; nothing changed\n", error);
        return GT_EXIT_INVALID;
    }
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_config_write_key(path, GT_CONFIG_PIN_HASH, remove ? NULL : hash, &diag);
    if (!ok) {
        fprintf(stderr, "guidedtouch: the PIN was not %s; fix this first:\n", remove ? "removed" : "set");
        gt_diag_print(&diag, stderr);
    } else printf("guidedtouch: the staff PIN was %s in %s\n", remove ? "removed" : "set", path);
    gt_diag_free(&diag);
    memset(pin, 0, sizeof pin);
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}
