/* temp_home: a fresh home folder for each test that runs the trainer, so its data, database and
 * configuration start empty and nothing of the machine's own leaks in. */
#ifndef GT_TEMP_HOME_H
#define GT_TEMP_HOME_H

/* The current test's home folder; "" outside a test that made one. */
extern char gt_test_home[256];

/* cmocka setup: makes /tmp/gt-test-XXXXXX and points XDG_DATA_HOME and XDG_CONFIG_HOME into it,
 * and the system configuration file at a path that does not exist. Fails the test when the
 * folder cannot be made. */
int gt_test_fresh_home(void **state);

/* cmocka teardown: removes the folder and everything in it (links removed, not followed).
 * Returns non-zero when something could not be removed. */
int gt_test_remove_home(void **state);

#endif
