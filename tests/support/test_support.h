/* test_support: shared fixtures for the C tests. Each test owns what these give it and
 * releases it with the matching free. */
#ifndef GT_TEST_SUPPORT_H
#define GT_TEST_SUPPORT_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "library.h"
#include "gt_score.h"

/* Loads the bundled library from the source tree; fails the test when it has problems. */
void gt_test_load_library(GtLibrary *library);

/* The bundled library shared by a test group: gt_test_group_load (a cmocka group setup) loads
 * it into gt_test_library and gt_test_group_free releases it. */
extern GtLibrary gt_test_library;
int gt_test_group_load(void **state);
int gt_test_group_free(void **state);

/* Path of a file under the source tree, in a static buffer valid until the next call. */
const char *gt_test_path(const char *relative);

/* The scoring target of one step (1-based) of a loaded lesson. */
GtScoreTarget gt_test_target(const GtLibrary *library, const GtLesson *lesson, int step_number);

/* Prints a card to stderr (for diagnosing a failing assertion): criteria, verdict, cap,
 * completion and safety entries. */
void gt_test_print_card(const char *label, const GtScoreCard *card);

/* One line saying what a card holds against the attempt: the verdict and its reason, safety
 * messages, the cap, every criterion under 90 with its feedback (or the lowest one), and a
 * completion shortfall. Truncated to fit `size`. */
void gt_test_card_summary(const GtScoreCard *card, char *buffer, size_t size);

#endif
