/* store_fixture: what the store's tests share: a fresh folder per test, scripted attempts (a
 * step's reference performance with a hand's noise, graded by the engine), and a raw look into
 * a database file. Each test owns what these give it and releases it with the matching free. */
#ifndef GT_STORE_FIXTURE_H
#define GT_STORE_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gt_score.h"
#include "library.h"

/* Makes a new empty folder /tmp/gt-<tag>-XXXXXX into `dir`; false when it cannot. */
bool gt_fixture_temp_dir(const char *tag, char *dir, size_t size);

/* Removes a folder and everything in it (test clean-up; ignores errors). */
void gt_fixture_remove_tree(const char *path);

/* How many entries a folder holds (without . and ..); their names, space-separated, in `names`. */
int gt_fixture_list_dir(const char *path, char *names, size_t size);

/* A scripted attempt: the reference performance of step `step` of `lesson` with a touch-panel
 * hand's noise drawn from `seed` (seed 0: the clean reference), graded. False when the step or
 * memory is missing; `replay` is then empty. */
bool gt_fixture_attempt(const GtLibrary *library, const char *lesson, int step, uint64_t seed, GtReplay *replay,
                        GtScoreCard *card);

/* The n-th (0-based, wrapping) step of the bundled library, in lesson order, as lesson and step. */
void gt_fixture_nth_step(const GtLibrary *library, size_t n, const char **lesson, int *step);

/* Grades a replay against its own step of the library (as the trainer did); false when the
 * library has no such step. */
bool gt_fixture_regrade(const GtLibrary *library, const GtReplay *replay, GtScoreCard *card);

/* Runs one SQL statement on the database file with a separate connection and returns the first
 * column of the first row as a whole number (-1 on any failure). For looking, not changing. */
long long gt_fixture_sql_number(const char *db_path, const char *statement);

/* The same, for a text result (copied into `out`, "" on failure). */
void gt_fixture_sql_text(const char *db_path, const char *statement, char *out, size_t size);

/* Runs statements that change the file (to set up old or odd databases); false on failure. */
bool gt_fixture_sql_exec(const char *db_path, const char *statements);

#endif
