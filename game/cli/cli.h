/* cli: the `guidedtouch` command line (validate, list, demo, grade), built on the same
 * engine and loaders the trainer uses, so anything the app shows can be reproduced here. */
#ifndef GT_CLI_H
#define GT_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include "library.h"

/* Exit codes. */
enum { GT_EXIT_OK = 0, GT_EXIT_INVALID = 1, GT_EXIT_USAGE = 2 };

/* Runs a subcommand given argv after the global options. Returns the process exit code.
 * `data_dir` holds assets/ and lessons/. */
int gt_cli_validate(const char *data_dir, int argc, char **argv);
int gt_cli_list(const char *data_dir, int argc, char **argv);
int gt_cli_demo(const char *data_dir, int argc, char **argv);
int gt_cli_grade(const char *data_dir, int argc, char **argv);

/* Dispatches argv (argv[0] is the program). Returns -1 when no subcommand was given, so the
 * caller can start the trainer; otherwise the exit code. `*data_dir` gets the data directory
 * (from --data, $GUIDEDTOUCH_DATA or the built-in default). */
int gt_cli_main(int argc, char **argv, const char **data_dir, int *first_app_arg);

/* Shared helpers. */

/* True when argv holds -h/--help (prints `usage` to stdout) */
bool gt_cli_wants_help(int argc, char **argv, const char *usage);

/* Loads the library, printing its problems to stderr (they never stop the command). */
void gt_cli_load_library(GtLibrary *library, const char *data_dir, bool quiet);

/* Finds lesson LESSON and 1-based step STEP, printing a helpful error when absent. */
bool gt_cli_find_step(const GtLibrary *library, const char *lesson_id, const char *step_text,
                      const GtLesson **lesson, int *step_number);

/* Builds the reference replay of a step: the lesson's recorded demonstration when it has
 * one, else a synthesised one. Problems go to stderr. False on failure. */
bool gt_cli_reference_replay(const GtLibrary *library, const GtLesson *lesson, int step_number,
                             GtReplay *out);

#endif
