#include "cli.h"

#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch [--data DIR] [COMMAND [ARGS...]]\n"
    "\n"
    "Without a command, starts the trainer on the lessons in DIR. Trainer options:\n"
    "  --window WxH, --fullscreen, --mute, --mode learn|practice|exam, --lesson ID [--step N],\n"
    "  settings from the configuration files and their options (kiosk, idle timeout, ...: see\n"
    "  `guidedtouch print-config --help`),\n"
    "  --script FILE, --frames N, --screenshot FILE, --card-out FILE (see docs/student-guide.md)\n"
    "\n"
    "Commands:\n"
    "  validate [PATH...]          check lesson, technique, body-map and replay files\n"
    "  list [--json]               list lessons with their steps, and techniques\n"
    "  demo LESSON STEP            print the reference performance of a step as a replay\n"
    "  grade LESSON STEP REPLAY    print the score card of a replay as JSON\n"
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
    "  -h, --help     show this help (also after a command)\n"
    "  --version      show the version\n"
    "\n"
    "Steps are numbered from 1. See docs/ for the file formats and the score card.\n";

typedef int (*Command)(const char *data_dir, int argc, char **argv);

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

int gt_cli_main(int argc, char **argv, const char **data_dir, int *first_app_arg) {
    const char *env = getenv("GUIDEDTOUCH_DATA");
    *data_dir = env && *env ? env : GT_DEFAULT_DATA_DIR;
    int i = 1;
    for (; i < argc; i++) {
        if (strcmp(argv[i], "--data") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "guidedtouch: --data needs a folder\n");
                return GT_EXIT_USAGE;
            }
            *data_dir = argv[++i];
        } else if (strcmp(argv[i], "--version") == 0) {
            printf("guidedtouch %s\n", GT_VERSION);
            return GT_EXIT_OK;
        } else if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
            fputs(USAGE, stdout);
            return GT_EXIT_OK;
        } else break;
    }
    *first_app_arg = i;
    if (i >= argc || argv[i][0] == '-') {
        int print = print_config_requested(argc - i, argv + i);
        return print < 0 ? -1 : gt_cli_print_config(*data_dir, print, argv + i);
    }
    static const struct { const char *name; Command run; } COMMANDS[] = {
        { "validate", gt_cli_validate }, { "list", gt_cli_list },
        { "demo", gt_cli_demo }, { "grade", gt_cli_grade },
        { "students", gt_cli_students }, { "export", gt_cli_export }, { "report", gt_cli_report },
        { "backup", gt_cli_backup }, { "print-config", gt_cli_print_config }, { "set-pin", gt_cli_set_pin },
    };
    for (size_t c = 0; c < sizeof COMMANDS / sizeof COMMANDS[0]; c++) {
        if (strcmp(argv[i], COMMANDS[c].name) == 0) {
            for (int k = i + 1; k < argc; k++) {
                if (strcmp(argv[k], "--version") == 0) {
                    printf("guidedtouch %s\n", GT_VERSION);
                    return GT_EXIT_OK;
                }
            }
            return COMMANDS[c].run(*data_dir, argc - i - 1, argv + i + 1);
        }
    }
    fprintf(stderr, "guidedtouch: unknown command \"%s\"\n\n%s", argv[i], USAGE);
    return GT_EXIT_USAGE;
}
