#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch [--data DIR] [COMMAND [ARGS...]]\n"
    "\n"
    "Without a command, starts the trainer (the program guidedtouch-trainer) on the lessons in\n"
    "DIR. Trainer options:\n"
    "  --window WxH, --fullscreen, --mute, --mode learn|practice|exam, --lesson ID [--step N],\n"
    "  settings from the configuration files and their options (kiosk, idle timeout, ...: see\n"
    "  `guidedtouch print-config --help`),\n"
    "  --script FILE, --frames N, --screenshot FILE, --card-out FILE (see docs/student-guide.md),\n"
    "  --instructor (the cm under the pointer; performances kept as demonstrations: docs/authoring.md)\n"
    "\n"
    "Commands:\n"
    "  validate [PATH...]          check lesson, technique, body-map and replay files\n"
    "  list [--json]               list lessons with their steps, and techniques\n"
    "  regions [--view V] [--json] the body map's regions and landmarks, in cm\n"
    "  map --view V --out FILE.png a labelled map of the body with a cm grid, to place guides\n"
    "  bench [--json] [--quick]    speed and memory figures of the engine and the trainer\n"
    "  new-lesson ID --title T --region R [--pack DIR]\n"
    "                              write a valid one-step lesson to start from\n"
    "  demo LESSON STEP            print the reference performance of a step as a replay\n"
    "  grade LESSON STEP REPLAY... print the score card of a replay as JSON; of many replays\n"
    "                              (files, folders, --files-from LIST) one JSON line each\n"
    "  students [list|add|rename]  list, add or rename the students whose attempts are kept\n"
    "  export [--student NAME] [--format csv|json]\n"
    "                              every saved attempt, one row each, for instructors\n"
    "  report [--student NAME]     a class summary: lessons done, best, recent, weakest, safety\n"
    "  backup FILE                 copy the progress database safely, even while it is in use\n"
    "  print-config [--json]       the merged settings and where each came from (also\n"
    "                              `guidedtouch [SETTINGS...] --print-config`)\n"
    "  set-pin [--remove]          set the staff PIN that leaves kiosk mode (read from stdin)\n"
    "  (student data commands take --database FILE; see docs/kiosk.md)\n"
    "\n"
    "Options:\n"
    "  --data DIR     folder holding assets/ and lessons/ (default: $GUIDEDTOUCH_DATA,\n"
    "                 else the bundled lessons)\n"
    "  --lessons DIR  add a lesson pack: a folder of LESSON.json files with its own\n"
    "                 techniques/ (repeatable; default: the configuration's lesson_packs)\n"
    "  -h, --help     show this help (also after a command)\n"
    "  --version      show the version\n"
    "\n"
    "Steps are numbered from 1. See docs/ for the file formats and the score card.\n";

typedef int (*Command)(GtCliPlace *place, int argc, char **argv);

/* When the trainer's options hold --print-config, takes it out (shifting the rest down) and
 * returns how many options remain, for print-config to read; -1 when it is not there. */
static int print_config_requested(int argc, char **argv) {
    int kept = 0;
    bool found = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--print-config") == 0) found = true;
        else argv[kept++] = argv[i];
    }
    return found ? kept : -1;
}

/* How many argv entries a lesson-pack option at argv[i] takes (--lessons DIR, --lessons=DIR,
 * and the older --lesson-pack spelling), putting its folder in *folder; 0 when it is none. */
static int pack_option(int argc, char **argv, int i, const char **folder) {
    const char *arg = argv[i];
    size_t name = strncmp(arg, "--lessons", 9) == 0 ? 9 : strncmp(arg, "--lesson-pack", 13) == 0 ? 13 : 0;
    if (!name || (arg[name] != '\0' && arg[name] != '=')) return 0;
    if (arg[name] == '=') {
        *folder = arg + name + 1;
        return 1;
    }
    *folder = i + 1 < argc ? argv[i + 1] : NULL;
    return 2;
}

/* Takes the lesson-pack options out of a command's arguments into the place; returns the new
 * argc, or -1 after printing a usage error. */
static int take_packs(GtCliPlace *place, int argc, char **argv) {
    int kept = 0;
    for (int i = 0; i < argc; i++) {
        const char *folder = NULL;
        int used = pack_option(argc, argv, i, &folder);
        if (!used) {
            argv[kept++] = argv[i];
            continue;
        }
        if (!folder || !folder[0] || place->pack_count == GT_CLI_PACKS_MAX) {
            fprintf(stderr, "guidedtouch: --lessons needs a folder (at most %d of them)\n", GT_CLI_PACKS_MAX);
            return -1;
        }
        place->packs[place->pack_count++] = folder;
        place->packs_given = true;
        i += used - 1;
    }
    return kept;
}

/* Reads the global options before a command (--data, --version, --help; lesson-pack options are
 * kept in place for the command or the trainer). Returns the index of the first other argument,
 * or -(exit code) - 1 when an option ends the run. */
static int global_options(int argc, char **argv, GtCliPlace *place) {
    int i = 1;
    for (; i < argc; i++) {
        const char *folder = NULL;
        int used = pack_option(argc, argv, i, &folder);
        if (used) {
            i += used - 1;
        } else if (strcmp(argv[i], "--data") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "guidedtouch: --data needs a folder\n");
                return -GT_EXIT_USAGE - 1;
            }
            place->data_dir = argv[++i];
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("guidedtouch %s\n", GT_VERSION);
            return -GT_EXIT_OK - 1;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(USAGE, stdout);
            return -GT_EXIT_OK - 1;
        } else break;
    }
    return i;
}

/* Moves the lesson-pack options among argv[1..end-1] to just before argv[end], over the global
 * options already read, and returns where they now start (end when there are none). */
static int keep_packs_before(int argc, char **argv, int end) {
    char *packs[64];
    int count = 0;
    for (int i = 1; i < end && count < 64; i++) {
        const char *folder = NULL;
        int used = pack_option(argc, argv, i, &folder);
        for (int k = 0; k < used && i + k < end && count < 64; k++) packs[count++] = argv[i + k];
        if (used) i += used - 1;
    }
    for (int k = 0; k < count; k++) argv[end - count + k] = packs[k];
    return end - count;
}

int gt_cli_main(int argc, char **argv, const char **data_dir, int *first_app_arg, const GtCliCommand *extra,
                size_t extra_count) {
    const char *env = getenv("GUIDEDTOUCH_DATA");
    GtCliPlace place = { .data_dir = env && *env ? env : gt_cli_default_data_dir() };
    int i = global_options(argc, argv, &place);
    *data_dir = place.data_dir;
    if (i < 0) return -i - 1;
    if (i >= argc || argv[i][0] == '-') {
        *first_app_arg = keep_packs_before(argc, argv, i);
        int print = print_config_requested(argc - *first_app_arg, argv + *first_app_arg);
        return print < 0 ? -1 : gt_cli_print_config(&place, print, argv + *first_app_arg);
    }
    *first_app_arg = i;
    /* `settings`: the command reads lesson-pack options as settings of its own */
    static const struct { const char *name; Command run; bool settings; } COMMANDS[] = {
        { "validate", gt_cli_validate, false }, { "list", gt_cli_list, false },
        { "regions", gt_cli_regions, false }, { "new-lesson", gt_cli_new_lesson, false },
        { "demo", gt_cli_demo, false }, { "grade", gt_cli_grade, false },
        { "students", gt_cli_students, false }, { "export", gt_cli_export, false },
        { "report", gt_cli_report, false }, { "backup", gt_cli_backup, false },
        { "print-config", gt_cli_print_config, true }, { "set-pin", gt_cli_set_pin, true },
    };
    size_t builtin = sizeof COMMANDS / sizeof COMMANDS[0];
    for (size_t c = 0; c < builtin + extra_count; c++) {
        const char *name = c < builtin ? COMMANDS[c].name : extra[c - builtin].name;
        if (strcmp(argv[i], name) != 0) continue;
        bool settings = c < builtin && COMMANDS[c].settings;
        Command run = c < builtin ? COMMANDS[c].run : extra[c - builtin].run;
        for (int k = i + 1; k < argc; k++) {
            if (strcmp(argv[k], "--version") == 0) {
                printf("guidedtouch %s\n", GT_VERSION);
                return GT_EXIT_OK;
            }
        }
        if (take_packs(&place, i - 1, argv + 1) < 0) return GT_EXIT_USAGE;
        int rest = settings ? argc - i - 1 : take_packs(&place, argc - i - 1, argv + i + 1);
        return rest < 0 ? GT_EXIT_USAGE : run(&place, rest, argv + i + 1);
    }
    fprintf(stderr, "guidedtouch: unknown command \"%s\"\n\n%s", argv[i], USAGE);
    return GT_EXIT_USAGE;
}
