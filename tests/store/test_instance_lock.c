/* One trainer at a time on a data folder: a second one is told who holds it, and a holder that
 * crashes (SIGKILL) never leaves a stale lock behind. */
#include "test_support.h"
#include "store_fixture.h"
#include "instance_lock.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* Forks a child that takes the lock on `dir`, reports 'L' (or 'F') on a pipe and then waits to
 * be killed. Returns its pid once it holds the lock. */
static pid_t child_holding_lock(const char *dir) {
    int ready[2], hold[2];
    assert_int_equal(pipe(ready), 0);
    assert_int_equal(pipe(hold), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        close(ready[0]);
        close(hold[1]);
        GtInstanceLock lock;
        char error[512];
        char answer = gt_instance_lock_acquire(&lock, dir, NULL, error, sizeof error) ? 'L' : 'F';
        if (write(ready[1], &answer, 1) != 1) _exit(2);
        char nothing;
        while (read(hold[0], &nothing, 1) > 0) { /* holds the lock until killed */ }
        _exit(0);
    }
    close(ready[1]);
    close(hold[0]);
    char answer = 0;
    assert_int_equal(read(ready[0], &answer, 1), 1);
    assert_int_equal(answer, 'L');
    close(ready[0]);
    /* hold[1] stays open in this process so the child blocks until it is killed */
    return pid;
}

static void test_second_instance_told_who_holds_it(void **state) {
    (void)state;
    char dir[256], error[512], expected[600];
    assert_true(gt_fixture_temp_dir("lock", dir, sizeof dir));
    pid_t child = child_holding_lock(dir);
    GtInstanceLock lock;
    pid_t holder = 0;
    assert_false(gt_instance_lock_acquire(&lock, dir, &holder, error, sizeof error));
    assert_int_equal(holder, child);
    snprintf(expected, sizeof expected, "Guided Touch is already running on %s (process %ld)", dir, (long)child);
    assert_string_equal(error, expected);
    assert_int_equal(lock.fd, -1);

    /* the holder crashes: the lock can be taken at once, with no clean-up and no waiting */
    assert_int_equal(kill(child, SIGKILL), 0);
    int status = 0;
    assert_int_equal(waitpid(child, &status, 0), child);
    assert_true(WIFSIGNALED(status));
    assert_true(gt_instance_lock_acquire(&lock, dir, &holder, error, sizeof error));
    fprintf(stderr, "holder %ld killed; lock taken at once by %ld\n", (long)child, (long)getpid());

    /* while we hold it, even another open in this same process is refused, naming us */
    GtInstanceLock second;
    assert_false(gt_instance_lock_acquire(&second, dir, &holder, error, sizeof error));
    assert_int_equal(holder, getpid());
    gt_instance_lock_release(&lock);
    assert_true(gt_instance_lock_acquire(&second, dir, &holder, error, sizeof error));
    gt_instance_lock_release(&second);
    gt_instance_lock_release(&second); /* releasing twice is harmless */
    gt_fixture_remove_tree(dir);
}

static void test_missing_folder_says_so(void **state) {
    (void)state;
    GtInstanceLock lock;
    char error[512];
    assert_false(gt_instance_lock_acquire(&lock, "/nonexistent/guidedtouch", NULL, error, sizeof error));
    assert_string_equal(error, "cannot open the lock file /nonexistent/guidedtouch/guidedtouch.lock: No such file or "
                        "directory");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_second_instance_told_who_holds_it),
        cmocka_unit_test(test_missing_folder_says_so),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
