/* progress_import: progress.json and replays/ into the database, once. */
#include "progress_import.h"
#include "db_internal.h"
#include "progress.h"
#include "uuid.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static const char META_KEY[] = "legacy_import";

/* True when the import was recorded; false with *failed set when the database failed. */
static bool already_imported(GtProgressDb *db, bool *failed, char *error, size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT 1 FROM meta WHERE key = ?", error, error_size);
    *failed = q == NULL;
    if (!q) return false;
    sqlite3_bind_text(q, 1, META_KEY, -1, SQLITE_STATIC);
    int rc = sqlite3_step(q);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
        gt_db_describe(db->sql, db->path, rc, error, error_size);
        *failed = true;
    }
    sqlite3_finalize(q);
    return rc == SQLITE_ROW;
}

/* When a replay file was saved: the local time in its name (<lesson>-step<N>-<YYYYmmdd>-<HHMMSS>-
 * <n>.json, as gt_storage_save_replay names them), else the file's modification time. */
static int64_t saved_ms(const char *path) {
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    const char *end = strstr(name, ".json");
    const char *dash = end ? end : name;
    while (dash > name && dash[-1] != '-') dash--; /* start of <n> */
    struct tm when = { 0 };
    if (dash - name >= 16 && sscanf(dash - 16, "%4d%2d%2d-%2d%2d%2d-", &when.tm_year, &when.tm_mon, &when.tm_mday,
                                    &when.tm_hour, &when.tm_min, &when.tm_sec) == 6) {
        when.tm_year -= 1900;
        when.tm_mon -= 1;
        when.tm_isdst = -1;
        time_t t = mktime(&when);
        if (t != (time_t)-1) return (int64_t)t * 1000;
    }
    struct stat info;
    return stat(path, &info) == 0 ? (int64_t)info.st_mtime * 1000 : 0;
}

/* Grades a replay against the installed step it was made for; false (card untouched) when that
 * step is not installed or no longer matches the replay's technique and view. */
static bool grade(const GtLibrary *library, const GtReplay *replay, GtScoreCard *card) {
    const GtLesson *lesson = library ? gt_library_lesson(library, replay->lesson) : NULL;
    if (!lesson || replay->step < 1 || (size_t)replay->step > lesson->step_count) return false;
    const GtStep *step = &lesson->steps[replay->step - 1];
    if (strcmp(step->technique_id, replay->technique) != 0 || step->view != replay->view) return false;
    GtScoreTarget target = { lesson->id, replay->step, step, step->technique, gt_library_view(library, step->view),
                             lesson->level };
    return gt_score_attempt(&target, replay, card);
}

/* Imports one replay file as an attempt of `student_id`; unreadable files are counted and left. */
static bool import_replay(GtProgressDb *db, const char *path, const GtLibrary *library, GtImportReport *report,
                          char *error, size_t error_size) {
    GtDiag diag;
    gt_diag_init(&diag);
    char *text = NULL;
    size_t length = 0;
    GtReplay replay;
    bool readable = gt_read_file(path, &text, &length, &diag) && gt_load_replay(path, text, length, &diag, &replay);
    gt_diag_free(&diag);
    if (!readable) {
        report->unreadable++;
        free(text);
        return true;
    }
    GtScoreCard *card = malloc(sizeof *card);
    bool graded = card && grade(library, &replay, card);
    double first_ms = 0, last_ms = 0;
    gt_replay_time_span(&replay, &first_ms, &last_ms);
    int64_t finished = saved_ms(path);
    char id[GT_UUID_TEXT];
    bool ok = gt_uuid_v4(id);
    if (!ok) snprintf(error, error_size, "the system gave no random numbers for the attempts' ids");
    GtAttemptRow row = { id, report->student_id, "legacy-import", graded ? card : NULL, &replay, text,
                         finished - (int64_t)(last_ms - first_ms), finished };
    ok = ok && gt_db_insert_attempt(db, &row, error, error_size);
    if (ok) {
        report->attempts++;
        report->graded += graded;
    }
    free(card);
    gt_replay_free(&replay);
    free(text);
    return ok;
}

/* Imports the entries of progress.json as marks of report->student_id. */
static bool import_marks(GtProgressDb *db, const GtProgress *marks, GtImportReport *report, char *error,
                         size_t error_size) {
    sqlite3_stmt *insert = gt_db_prepare(db, "INSERT OR REPLACE INTO imported_marks (student_id, lesson, step, best, "
                                             "attempts, passes) VALUES (?, ?, ?, ?, ?, ?)", error, error_size);
    bool ok = insert != NULL;
    for (size_t i = 0; ok && i < marks->count; i++) {
        const GtProgressEntry *e = &marks->entries[i];
        sqlite3_bind_int64(insert, 1, report->student_id);
        sqlite3_bind_text(insert, 2, e->lesson, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(insert, 3, e->step);
        sqlite3_bind_double(insert, 4, e->best);
        sqlite3_bind_int(insert, 5, e->attempts);
        sqlite3_bind_int(insert, 6, e->passes);
        ok = gt_db_step_done(db, insert, error, error_size);
        report->marks += ok;
    }
    sqlite3_finalize(insert);
    return ok;
}

/* Adds the student the import goes to: "Earlier work", or "Earlier work 2", ... when taken. */
static bool add_owner(GtProgressDb *db, GtImportReport *report, char *error, size_t error_size) {
    for (int n = 1; n < 100; n++) {
        char name[GT_STUDENT_NAME_BYTES];
        if (n == 1) snprintf(name, sizeof name, "Earlier work");
        else snprintf(name, sizeof name, "Earlier work %d", n);
        GtStudent student;
        if (gt_students_add(db, name, true, &student, error, error_size)) {
            report->student_id = student.id;
            snprintf(report->student, sizeof report->student, "%s", student.name);
            return true;
        }
        if (strncmp(error, "There is already", 16) != 0) return false;
    }
    return false;
}

/* Records that the import was done, with what it found. */
static bool record_import(GtProgressDb *db, const char *legacy_dir, const GtImportReport *report, char *error,
                          size_t error_size) {
    cJSON *value = cJSON_CreateObject();
    cJSON_AddStringToObject(value, "from", legacy_dir);
    cJSON_AddNumberToObject(value, "at_ms", (double)gt_progress_db_now_ms());
    cJSON_AddNumberToObject(value, "attempts", report->attempts);
    cJSON_AddNumberToObject(value, "marks", report->marks);
    cJSON_AddStringToObject(value, "student", report->student);
    char *text = cJSON_PrintUnformatted(value);
    cJSON_Delete(value);
    sqlite3_stmt *insert = text ? gt_db_prepare(db, "INSERT INTO meta (key, value) VALUES (?, ?)", error, error_size)
                                : NULL;
    if (!text) snprintf(error, error_size, "out of memory while recording the import");
    bool ok = insert != NULL;
    if (ok) {
        sqlite3_bind_text(insert, 1, META_KEY, -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 2, text, -1, SQLITE_TRANSIENT);
        ok = gt_db_step_done(db, insert, error, error_size);
    }
    sqlite3_finalize(insert);
    free(text);
    return ok;
}

/* Does the import inside the caller's transaction. */
static bool import_all(GtProgressDb *db, const char *legacy_dir, const GtLibrary *library, const GtProgress *marks,
                       char **replays, size_t replay_count, GtImportReport *report, char *error, size_t error_size) {
    if ((marks->count || replay_count) && !add_owner(db, report, error, error_size)) return false;
    bool ok = import_marks(db, marks, report, error, error_size);
    for (size_t i = 0; ok && i < replay_count; i++)
        ok = import_replay(db, replays[i], library, report, error, error_size);
    if (ok && report->attempts == 0 && report->marks == 0 && report->student_id) {
        /* only unreadable files: nobody to show */
        sqlite3_stmt *drop = gt_db_prepare(db, "DELETE FROM students WHERE id = ?", error, error_size);
        ok = drop != NULL;
        if (ok) sqlite3_bind_int64(drop, 1, report->student_id);
        ok = ok && gt_db_step_done(db, drop, error, error_size);
        sqlite3_finalize(drop);
        report->student_id = 0;
        report->student[0] = '\0';
    }
    return ok && record_import(db, legacy_dir, report, error, error_size);
}

bool gt_progress_import_legacy(GtProgressDb *db, const char *legacy_dir, const GtLibrary *library,
                               GtImportReport *report, char *error, size_t error_size) {
    memset(report, 0, sizeof *report);
    bool failed = false;
    if (already_imported(db, &failed, error, error_size)) {
        report->already_done = true;
        return true;
    }
    if (failed) return false;
    GtProgress marks;
    char reason[512];
    if (!gt_progress_load(&marks, legacy_dir, reason, sizeof reason)) report->unreadable++;
    char folder[4096];
    snprintf(folder, sizeof folder, "%s/replays", legacy_dir);
    char **replays = NULL;
    size_t replay_count = gt_list_json_files(folder, &replays);
    bool ok = gt_db_begin(db, error, error_size);
    if (ok) {
        /* another program may have imported while we read the files */
        report->already_done = already_imported(db, &failed, error, error_size);
        ok = !failed && (report->already_done ||
                         import_all(db, legacy_dir, library, &marks, replays, replay_count, report, error, error_size));
        if (ok) ok = gt_db_commit(db, error, error_size);
        else gt_db_rollback(db);
    }
    if (!ok) {
        GtImportReport empty = { 0 };
        *report = empty;
    }
    gt_free_file_list(replays, replay_count);
    gt_progress_free(&marks);
    return ok;
}
