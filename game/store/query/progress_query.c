/* progress_query: per-student history, technique summaries and marks. */
#include "progress_query.h"
#include "db_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for one more element in a malloc'd array; false (array untouched) when memory
 * runs out. */
static bool make_room(void **array, size_t *capacity, size_t count, size_t size) {
    if (count < *capacity) return true;
    size_t grown_capacity = *capacity ? *capacity * 2 : 16;
    void *grown = realloc(*array, grown_capacity * size);
    if (!grown) return false;
    *array = grown;
    *capacity = grown_capacity;
    return true;
}

/* Finishes a row loop: true when it ended cleanly, else describes why. */
static bool finish_rows(GtProgressDb *db, int rc, bool out_of_memory, char *error, size_t error_size) {
    if (out_of_memory) {
        snprintf(error, error_size, "out of memory while reading progress");
        return false;
    }
    if (rc == SQLITE_DONE) return true;
    gt_db_describe(db->sql, db->path, rc, error, error_size);
    return false;
}

bool gt_query_score_history(GtProgressDb *db, int64_t student_id, const char *technique, GtScorePoint **points,
                            size_t *count, char *error, size_t error_size) {
    *points = NULL;
    *count = 0;
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT finished_ms, total, passed, verdict = 'scored', lesson, step "
                                        "FROM attempts WHERE student_id = ? AND technique = ? AND total IS NOT NULL "
                                        "ORDER BY finished_ms, id", error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    sqlite3_bind_text(q, 2, technique, -1, SQLITE_TRANSIENT);
    size_t capacity = 0;
    bool oom = false;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if ((oom = !make_room((void **)points, &capacity, *count, sizeof **points))) break;
        GtScorePoint *p = &(*points)[(*count)++];
        memset(p, 0, sizeof *p);
        p->finished_ms = sqlite3_column_int64(q, 0);
        p->total = sqlite3_column_double(q, 1);
        p->passed = sqlite3_column_int(q, 2) != 0;
        p->scored = sqlite3_column_int(q, 3) != 0;
        gt_db_column_text(q, 4, p->lesson, sizeof p->lesson);
        p->step = sqlite3_column_int(q, 5);
    }
    sqlite3_finalize(q);
    if (finish_rows(db, rc, oom, error, error_size)) return true;
    free(*points);
    *points = NULL;
    *count = 0;
    return false;
}

static const char TECHNIQUES[] =
    "SELECT technique, count(*), sum(passed), max(CASE WHEN verdict = 'scored' THEN total END), "
    "  (SELECT count(*) FROM attempt_safety s JOIN attempts b ON b.id = s.attempt_id "
    "   WHERE b.student_id = ?1 AND b.technique = a.technique), max(finished_ms) AS last "
    "FROM attempts a WHERE student_id = ?1 AND total IS NOT NULL GROUP BY technique ORDER BY last DESC, technique";

/* The best attempt's time, and the latest attempt's total, verdict and time, and the mean
 * mark of the last few, for t->technique. */
static bool read_best_and_recent(GtProgressDb *db, int64_t student_id, GtTechniqueProgress *t, char *error,
                                 size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT total, verdict = 'scored', finished_ms FROM attempts "
                                        "WHERE student_id = ? AND technique = ? AND total IS NOT NULL "
                                        "ORDER BY finished_ms DESC, id DESC", error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    sqlite3_bind_text(q, 2, t->technique, -1, SQLITE_TRANSIENT);
    double sum = 0;
    int n = 0, rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        double total = sqlite3_column_double(q, 0);
        bool scored = sqlite3_column_int(q, 1) != 0;
        int64_t when = sqlite3_column_int64(q, 2);
        if (n == 0) {
            t->recent_total = total;
            t->recent_scored = scored;
            t->recent_ms = when;
        }
        if (n < GT_QUERY_RECENT) sum += scored ? total : 0;
        if (scored && total == t->best_total && (t->best_ms == 0 || when < t->best_ms)) t->best_ms = when;
        n++;
    }
    t->recent_mean = n ? sum / (n < GT_QUERY_RECENT ? n : GT_QUERY_RECENT) : NAN;
    sqlite3_finalize(q);
    return finish_rows(db, rc, false, error, error_size);
}

/* The criterion with the lowest mean score over the last few graded attempts, and the feedback
 * its lowest score came with; none when every criterion scored 100 throughout. */
static bool read_weakest(GtProgressDb *db, int64_t student_id, GtTechniqueProgress *t, char *error,
                         size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db,
        "WITH recent AS (SELECT id, finished_ms FROM attempts WHERE student_id = ?1 AND technique = ?2 "
        "  AND verdict = 'scored' ORDER BY finished_ms DESC, id DESC LIMIT ?3) "
        "SELECT c.criterion, avg(c.score) AS mean, "
        "  (SELECT c2.feedback FROM attempt_criteria c2 JOIN recent r2 ON r2.id = c2.attempt_id "
        "   WHERE c2.criterion = c.criterion ORDER BY c2.score, r2.finished_ms DESC, r2.id DESC LIMIT 1) "
        "FROM attempt_criteria c JOIN recent r ON r.id = c.attempt_id "
        "GROUP BY c.criterion HAVING mean < 100 ORDER BY mean, c.criterion LIMIT 1", error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    sqlite3_bind_text(q, 2, t->technique, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q, 3, GT_QUERY_WEAKEST_OVER);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        gt_db_column_text(q, 0, t->weakest, sizeof t->weakest);
        t->weakest_score = sqlite3_column_double(q, 1);
        gt_db_column_text(q, 2, t->weakest_feedback, sizeof t->weakest_feedback);
        rc = SQLITE_DONE;
    }
    sqlite3_finalize(q);
    return finish_rows(db, rc, false, error, error_size);
}

bool gt_query_techniques(GtProgressDb *db, int64_t student_id, GtTechniqueProgress **techniques, size_t *count,
                         char *error, size_t error_size) {
    *techniques = NULL;
    *count = 0;
    sqlite3_stmt *q = gt_db_prepare(db, TECHNIQUES, error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    size_t capacity = 0;
    bool oom = false;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if ((oom = !make_room((void **)techniques, &capacity, *count, sizeof **techniques))) break;
        GtTechniqueProgress *t = &(*techniques)[(*count)++];
        memset(t, 0, sizeof *t);
        gt_db_column_text(q, 0, t->technique, sizeof t->technique);
        t->attempts = sqlite3_column_int(q, 1);
        t->passes = sqlite3_column_int(q, 2);
        t->best_total = gt_db_column_real(q, 3);
        t->safety_events = sqlite3_column_int(q, 4);
    }
    sqlite3_finalize(q);
    bool ok = finish_rows(db, rc, oom, error, error_size);
    for (size_t i = 0; ok && i < *count; i++)
        ok = read_best_and_recent(db, student_id, &(*techniques)[i], error, error_size) &&
             read_weakest(db, student_id, &(*techniques)[i], error, error_size);
    if (ok) return true;
    free(*techniques);
    *techniques = NULL;
    *count = 0;
    return false;
}

/* The marks entry for a lesson step, added (zeroed) when absent; NULL when memory runs out. */
static GtProgressEntry *mark_entry(GtProgress *marks, const char *lesson, int step) {
    for (size_t i = 0; i < marks->count; i++)
        if (marks->entries[i].step == step && strcmp(marks->entries[i].lesson, lesson) == 0) return &marks->entries[i];
    if (!make_room((void **)&marks->entries, &marks->capacity, marks->count, sizeof *marks->entries)) return NULL;
    GtProgressEntry *e = &marks->entries[marks->count++];
    memset(e, 0, sizeof *e);
    snprintf(e->lesson, sizeof e->lesson, "%s", lesson);
    e->step = step;
    return e;
}

/* Per lesson step: imported marks (when any), then attempts by source. An imported step
 * counts the attempts progress.json counted, instead of its imported replays. */
static const char MARKS[] =
    "SELECT lesson, step, best, attempts, passes, 1 FROM imported_marks WHERE student_id = ?1 "
    "UNION ALL "
    "SELECT lesson, step, max(CASE WHEN verdict = 'scored' THEN total ELSE 0 END), "
    "  sum(source = 'trainer' OR NOT EXISTS (SELECT 1 FROM imported_marks m WHERE m.student_id = ?1 "
    "      AND m.lesson = a.lesson AND m.step = a.step)), "
    "  sum(passed AND (source = 'trainer' OR NOT EXISTS (SELECT 1 FROM imported_marks m WHERE m.student_id = ?1 "
    "      AND m.lesson = a.lesson AND m.step = a.step))), 0 "
    "FROM attempts a WHERE student_id = ?1 AND total IS NOT NULL GROUP BY lesson, step "
    "ORDER BY 1, 2";

bool gt_query_marks(GtProgressDb *db, int64_t student_id, GtProgress *marks, char *error, size_t error_size) {
    memset(marks, 0, sizeof *marks);
    sqlite3_stmt *q = gt_db_prepare(db, MARKS, error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    bool oom = false;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        char lesson[GT_PROGRESS_ID];
        gt_db_column_text(q, 0, lesson, sizeof lesson);
        GtProgressEntry *e = mark_entry(marks, lesson, sqlite3_column_int(q, 1));
        if ((oom = !e)) break;
        double best = sqlite3_column_double(q, 2);
        if (best > e->best) e->best = best;
        e->attempts += sqlite3_column_int(q, 3);
        e->passes += sqlite3_column_int(q, 4);
    }
    sqlite3_finalize(q);
    if (finish_rows(db, rc, oom, error, error_size)) return true;
    gt_progress_free(marks);
    return false;
}

bool gt_query_safety_kinds(GtProgressDb *db, int64_t student_id, int counts[GT_SAFETY_KIND_COUNT], char *error,
                           size_t error_size) {
    memset(counts, 0, GT_SAFETY_KIND_COUNT * sizeof counts[0]);
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT s.kind, count(*) FROM attempt_safety s JOIN attempts a ON "
                                        "a.id = s.attempt_id WHERE a.student_id = ? GROUP BY s.kind", error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(q, 0);
        for (int k = 0; kind && k < GT_SAFETY_KIND_COUNT; k++)
            if (strcmp(kind, gt_safety_kind_name((GtSafetyKind)k)) == 0) counts[k] = sqlite3_column_int(q, 1);
    }
    sqlite3_finalize(q);
    if (finish_rows(db, rc, false, error, error_size)) return true;
    memset(counts, 0, GT_SAFETY_KIND_COUNT * sizeof counts[0]);
    return false;
}
