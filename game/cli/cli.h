/* cli: the `guidedtouch` command line (validate, list, demo, grade; students, export, report,
 * backup; print-config, set-pin), built on the same engine, loaders, store and configuration
 * the trainer uses, so anything the app shows can be reproduced here. */
#ifndef GT_CLI_H
#define GT_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "library.h"

/* Exit codes. */
enum { GT_EXIT_OK = 0, GT_EXIT_INVALID = 1, GT_EXIT_USAGE = 2 };

enum { GT_CLI_PACKS_MAX = 32 };

/* Where a command finds its lessons: the bundled library and the instructor's lesson packs. */
typedef struct GtCliPlace {
    const char *data_dir;                  /* holds assets/ and lessons/ (the bundled library) */
    const char *packs[GT_CLI_PACKS_MAX];   /* from --lessons DIR (borrowed from argv) */
    size_t pack_count;
    bool packs_given;                      /* false: the configuration's lesson_packs are used */
    char extra_packs[GT_CLI_PACKS_MAX][4096]; /* folders of files named on the command line */
    size_t extra_count;
} GtCliPlace;

/* Runs a subcommand given argv after the global options. Returns the process exit code. */
int gt_cli_validate(GtCliPlace *place, int argc, char **argv);
int gt_cli_list(GtCliPlace *place, int argc, char **argv);
int gt_cli_regions(GtCliPlace *place, int argc, char **argv);
int gt_cli_new_lesson(GtCliPlace *place, int argc, char **argv);
int gt_cli_demo(GtCliPlace *place, int argc, char **argv);
int gt_cli_grade(GtCliPlace *place, int argc, char **argv);
int gt_cli_students(GtCliPlace *place, int argc, char **argv);
int gt_cli_export(GtCliPlace *place, int argc, char **argv);
int gt_cli_report(GtCliPlace *place, int argc, char **argv);
int gt_cli_backup(GtCliPlace *place, int argc, char **argv);
int gt_cli_print_config(GtCliPlace *place, int argc, char **argv);
int gt_cli_set_pin(GtCliPlace *place, int argc, char **argv);

/* A command the caller adds to the command line (the trainer's `map`, which draws with SDL). */
typedef struct GtCliCommand {
    const char *name;
    int (*run)(GtCliPlace *place, int argc, char **argv);
} GtCliCommand;

/* Dispatches argv (argv[0] is the program) to the commands above or to one of `extra`
 * (extra_count of them; may be NULL). Returns -1 when no subcommand was given, so the caller
 * can start the trainer; otherwise the exit code. `*data_dir` gets the data directory (from
 * --data, $GUIDEDTOUCH_DATA or the built-in default). */
int gt_cli_main(int argc, char **argv, const char **data_dir, int *first_app_arg, const GtCliCommand *extra,
                size_t extra_count);

/* The folder holding assets/ and lessons/ when neither --data nor $GUIDEDTOUCH_DATA names one:
 * <prefix>/share/guidedtouch beside an installed binary (found from the binary's own path, so
 * any prefix or DESTDIR works from any working directory), else the source tree the binary was
 * built from. The string lives as long as the process. */
const char *gt_cli_default_data_dir(void);

/* Finds the program `name` beside this one, else in the folder `installed_from_here` names
 * relative to this one's folder (where an install puts it); its path into `path`. False when
 * neither is there: `looked` then lists the paths tried, for the message. */
bool gt_cli_find_program(const char *name, const char *installed_from_here, char *path, size_t size, char *looked,
                         size_t looked_size);

/* Runs guidedtouch-trainer (found with gt_cli_find_program) in place of this process with the
 * very arguments this one was given (argv[0] included) and its environment. Returns only when
 * it could not: the exit code, after saying which paths were looked for. */
int gt_cli_exec_trainer(char **argv);

/* Shared helpers. */

/* True when argv holds -h/--help (prints `usage` to stdout) */
bool gt_cli_wants_help(int argc, char **argv, const char *usage);

/* Takes the flag `flag` (such as "--local") out of argv, shifting the rest down; true when it
 * was there. */
bool gt_cli_take_flag(int *argc, char **argv, const char *flag);

/* Loads the library with its lesson packs (--lessons, else the configuration's lesson_packs),
 * printing its problems to stderr unless `quiet` (they never stop the command). */
void gt_cli_load_library(GtLibrary *library, const GtCliPlace *place, bool quiet);

/* Loads the library as gt_cli_load_library does, but puts every problem into diag and returns
 * whether there were none. */
bool gt_cli_load_library_diag(GtLibrary *library, const GtCliPlace *place, GtDiag *diag);

/* When a command's LESSON argument is a lesson file's path rather than an id, adds the file's
 * folder to the place's packs (gt_cli_add_folder) and writes the file's id (its name without
 * .json) into id; otherwise copies the argument. False, after printing why, when the path names
 * no regular .json file. */
bool gt_cli_lesson_argument(GtCliPlace *place, const char *argument, char *id, size_t id_size);

/* Adds the pack holding `path` (a pack folder, a file in one, or a file in its techniques/) to
 * the place's extra packs, unless it is the bundled library or there already. False when there
 * is no room. */
bool gt_cli_add_folder(GtCliPlace *place, const char *path);

/* Finds lesson LESSON and 1-based step STEP, printing a helpful error when absent. */
bool gt_cli_find_step(const GtLibrary *library, const char *lesson_id, const char *step_text,
                      const GtLesson **lesson, int *step_number);

/* Opens the progress database for a command: `path` (from --database) when given, else the one
 * the configuration files name (default: <data dir>/progress.db). The first open imports the older
 * progress.json and replays/ beside it once (graded against the lessons in `data_dir`). With
 * `create` false, a database that does not exist yet is not made: *absent is set and NULL
 * returned quietly. Otherwise NULL after printing why. */
struct GtProgressDb *gt_cli_open_database(const GtCliPlace *place, const char *path, bool create, bool *absent);

/* Opens what `report` and `export` read: with a school server configured (and neither `path`
 * nor `local` given), the whole class copied from the server into a temporary database; else
 * this machine's database as gt_cli_open_database (create false). NULL after printing why, or
 * quietly with *absent set when there is nothing yet. Close with gt_cli_close_class. */
struct GtProgressDb *gt_cli_open_class(const GtCliPlace *place, const char *path, bool local, bool *absent);

/* Closes what gt_cli_open_class opened, removing a temporary copy of the class. */
void gt_cli_close_class(struct GtProgressDb *db);

/* Takes "--database FILE" (or --database=FILE) out of argv, shifting the rest down; returns the
 * new argc and puts FILE (or NULL) in *path. -1 after printing a usage error. */
int gt_cli_take_option(int argc, char **argv, const char *option, const char **value);

/* Builds the reference replay of a step: the lesson's recorded demonstration when it has
 * one, else a synthesised one. Problems go to stderr. False on failure. */
bool gt_cli_reference_replay(const GtLibrary *library, const GtLesson *lesson, int step_number,
                             GtReplay *out);

#endif
