/* store_fixture: folders, scripted attempts and raw database looks for the store's tests. */
#include "store_fixture.h"
#include "noise.h"

#include <dirent.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool gt_fixture_temp_dir(const char *tag, char *dir, size_t size) {
    snprintf(dir, size, "/tmp/gt-%s-XXXXXX", tag);
    return mkdtemp(dir) != NULL;
}

void gt_fixture_remove_tree(const char *path) {
    DIR *dir = opendir(path);
    if (dir) {
        struct dirent *entry;
        while ((entry = readdir(dir)) != NULL) {
            if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
            char child[4200];
            snprintf(child, sizeof child, "%s/%s", path, entry->d_name);
            struct stat info;
            if (lstat(child, &info) == 0 && S_ISDIR(info.st_mode)) gt_fixture_remove_tree(child);
            else unlink(child);
        }
        closedir(dir);
    }
    rmdir(path);
}

int gt_fixture_list_dir(const char *path, char *names, size_t size) {
    DIR *dir = opendir(path);
    int n = 0;
    if (size) names[0] = '\0';
    if (!dir) return -1;
    struct dirent *entry;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0) continue;
        size_t used = strlen(names);
        snprintf(names + used, size - used, "%s%s", n ? " " : "", entry->d_name);
        n++;
    }
    closedir(dir);
    return n;
}

void gt_fixture_nth_step(const GtLibrary *library, size_t n, const char **lesson, int *step) {
    size_t total = 0;
    for (size_t l = 0; l < library->lesson_count; l++) total += library->lessons[l].step_count;
    n %= total ? total : 1;
    for (size_t l = 0; l < library->lesson_count; l++) {
        if (n < library->lessons[l].step_count) {
            *lesson = library->lessons[l].id;
            *step = (int)n + 1;
            return;
        }
        n -= library->lessons[l].step_count;
    }
    *lesson = "";
    *step = 0;
}

bool gt_fixture_regrade(const GtLibrary *library, const GtReplay *replay, GtScoreCard *card) {
    const GtLesson *lesson = gt_library_lesson(library, replay->lesson);
    if (!lesson || replay->step < 1 || (size_t)replay->step > lesson->step_count) return false;
    const GtStep *step = &lesson->steps[replay->step - 1];
    GtScoreTarget target = { lesson->id, replay->step, step, step->technique, gt_library_view(library, step->view),
                             lesson->level };
    return gt_score_attempt(&target, replay, card);
}

bool gt_fixture_attempt(const GtLibrary *library, const char *lesson_id, int step, uint64_t seed, GtReplay *replay,
                        GtScoreCard *card) {
    gt_replay_init(replay);
    const GtLesson *lesson = gt_library_lesson(library, lesson_id);
    if (!lesson) return false;
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay clean;
    bool ok = gt_library_reference_replay(library, lesson, step, &diag, &clean);
    gt_diag_free(&diag);
    if (!ok) return false;
    if (seed) {
        GtNoiseParams params = gt_noise_default();
        ok = gt_noise_apply(&params, seed, &clean, replay, NULL);
        gt_replay_free(&clean);
    } else *replay = clean;
    ok = ok && gt_fixture_regrade(library, replay, card);
    if (!ok) gt_replay_free(replay);
    return ok;
}

/* Opens a plain connection to a database file (no migration, no settings). */
static sqlite3 *raw_open(const char *db_path) {
    sqlite3 *sql = NULL;
    if (sqlite3_open_v2(db_path, &sql, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sqlite3_close(sql);
        return NULL;
    }
    sqlite3_busy_timeout(sql, 5000);
    return sql;
}

long long gt_fixture_sql_number(const char *db_path, const char *statement) {
    sqlite3 *sql = raw_open(db_path);
    sqlite3_stmt *q = NULL;
    long long value = -1;
    if (sql && sqlite3_prepare_v2(sql, statement, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW)
        value = sqlite3_column_int64(q, 0);
    sqlite3_finalize(q);
    sqlite3_close(sql);
    return value;
}

void gt_fixture_sql_text(const char *db_path, const char *statement, char *out, size_t size) {
    sqlite3 *sql = raw_open(db_path);
    sqlite3_stmt *q = NULL;
    if (size) out[0] = '\0';
    if (sql && sqlite3_prepare_v2(sql, statement, -1, &q, NULL) == SQLITE_OK && sqlite3_step(q) == SQLITE_ROW) {
        const unsigned char *text = sqlite3_column_text(q, 0);
        snprintf(out, size, "%s", text ? (const char *)text : "");
    }
    sqlite3_finalize(q);
    sqlite3_close(sql);
}

bool gt_fixture_sql_exec(const char *db_path, const char *statements) {
    sqlite3 *sql = raw_open(db_path);
    bool ok = sql && sqlite3_exec(sql, statements, NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(sql);
    return ok;
}
