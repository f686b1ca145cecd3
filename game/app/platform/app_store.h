/* app_store: the trainer's start-up before and after the window: the configuration (system
 * file, user file, command line, through gt_config_load), the one-instance lock on the data
 * folder, the progress database with its one-time import of the older file store, and the
 * student signed in at start (--student). Problems that do not stop the trainer are collected
 * in app->notice for the screens to show; stderr gets a copy.
 *
 * Ownership: everything opened here lives in the GtApp and is released by gt_app_store_close. */
#ifndef GT_APP_STORE_H
#define GT_APP_STORE_H

#include <stdbool.h>

typedef struct GtApp GtApp;

/* Loads the configuration and the trainer's own options (those gt_config_load passes through in
 * `rest`), and applies the settings to the options. Configuration problems go to app->notice (and
 * stderr) and the trainer goes on with the valid values. Returns -1 to go on, or the exit code
 * to stop with: 0 after --help, 2 after a bad trainer option (said on stderr). */
int gt_app_config_load(GtApp *app, int argc, char **argv);

/* Makes the data folder and takes the one-instance lock on it. False when another program holds
 * it (or the folder cannot be made): the reason, naming the holder's process, is said on stderr
 * and, on the real clock, in a message box; the trainer then exits. */
bool gt_app_lock(GtApp *app);

/* Opens the progress database (config.database, else <data_dir>/progress.db), imports the older
 * file store once, and signs in the student --student names (added when new). A database that
 * cannot open leaves app->db NULL and its reason in app->db_problem and app->notice: the trainer
 * runs and every attempt says it was not saved. Call after the library is loaded. */
void gt_app_store_open(GtApp *app);

/* Signs in the student named by --student, if any, once the session is up (a failure goes to
 * the session's notice; the trainer goes on with a guest). */
void gt_app_store_sign_in_start(GtApp *app);

/* Closes the database, releases the lock and frees the configuration. */
void gt_app_store_close(GtApp *app);

#endif
