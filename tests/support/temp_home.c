#define _XOPEN_SOURCE 700 /* nftw */
#include "temp_home.h"
#include "test_support.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>

char gt_test_home[256];

int gt_test_fresh_home(void **state) {
    (void)state;
    snprintf(gt_test_home, sizeof gt_test_home, "/tmp/gt-test-XXXXXX");
    assert_non_null(mkdtemp(gt_test_home));
    setenv("XDG_DATA_HOME", gt_test_home, 1);
    setenv("XDG_CONFIG_HOME", gt_test_home, 1);
    setenv("GUIDEDTOUCH_SYSTEM_CONFIG", "/nonexistent/guidedtouch-config.json", 1);
    return 0;
}

/* Removes one entry of the tree (nftw visits children before their folder). */
static int remove_entry(const char *path, const struct stat *info, int flag, struct FTW *ftw) {
    (void)info;
    (void)flag;
    (void)ftw;
    return remove(path);
}

int gt_test_remove_home(void **state) {
    (void)state;
    return nftw(gt_test_home, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
