/* practice_query: heat map cells, minutes per day and the streak. */
#include "practice_query.h"
#include "db_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Makes room for one more element in a malloc'd array; false when memory runs out. */
static bool make_room(void **array, size_t *capacity, size_t count, size_t size) {
    if (count < *capacity) return true;
    size_t grown_capacity = *capacity ? *capacity * 2 : 32;
    void *grown = realloc(*array, grown_capacity * size);
    if (!grown) return false;
    *array = grown;
    *capacity = grown_capacity;
    return true;
}

/* Finishes a row loop: true when it ended cleanly, else describes why. */
static bool finish_rows(GtProgressDb *db, int rc, bool out_of_memory, char *error, size_t error_size) {
    if (out_of_memory) {
        snprintf(error, error_size, "out of memory while reading practice");
        return false;
    }
    if (rc == SQLITE_DONE) return true;
    gt_db_describe(db->sql, db->path, rc, error, error_size);
    return false;
}

/* Cells are floored (not truncated) so that a stray negative coordinate lands in its own cell. */
static const char HEATMAP[] =
    "SELECT (CASE WHEN p.x_cm >= 0 THEN p.x_cm / ?3 ELSE -((?3 - 1 - p.x_cm) / ?3) END) * ?3 AS cx, "
    "  (CASE WHEN p.y_cm >= 0 THEN p.y_cm / ?3 ELSE -((?3 - 1 - p.y_cm) / ?3) END) * ?3 AS cy, sum(p.samples) "
    "FROM attempt_positions p JOIN attempts a ON a.id = p.attempt_id "
    "WHERE a.student_id = ?1 AND p.view = ?2 AND (?4 IS NULL OR a.technique = ?4) "
    "GROUP BY cx, cy ORDER BY cy, cx";

bool gt_query_heatmap(GtProgressDb *db, int64_t student_id, GtView view, const char *technique, int cell_cm,
                      GtHeatmap *out, char *error, size_t error_size) {
    memset(out, 0, sizeof *out);
    out->view = view;
    out->cell_cm = cell_cm;
    if (cell_cm < 1 || cell_cm > 50) {
        snprintf(error, error_size, "a heat map cell is 1 to 50 cm, not %d", cell_cm);
        return false;
    }
    sqlite3_stmt *q = gt_db_prepare(db, HEATMAP, error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    sqlite3_bind_text(q, 2, gt_view_name(view), -1, SQLITE_STATIC);
    sqlite3_bind_int(q, 3, cell_cm);
    gt_db_bind_text(q, 4, technique);
    size_t capacity = 0;
    bool oom = false;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if ((oom = !make_room((void **)&out->cells, &capacity, out->count, sizeof *out->cells))) break;
        GtHeatCell *cell = &out->cells[out->count++];
        cell->x_cm = sqlite3_column_int(q, 0);
        cell->y_cm = sqlite3_column_int(q, 1);
        cell->samples = (long)sqlite3_column_int64(q, 2);
        if (cell->samples > out->max_samples) out->max_samples = cell->samples;
    }
    sqlite3_finalize(q);
    if (finish_rows(db, rc, oom, error, error_size)) return true;
    gt_heatmap_free(out);
    return false;
}

void gt_heatmap_free(GtHeatmap *heatmap) {
    free(heatmap->cells);
    heatmap->cells = NULL;
    heatmap->count = 0;
    heatmap->max_samples = 0;
}

bool gt_query_practice_days(GtProgressDb *db, int64_t student_id, int64_t since_ms, GtPracticeDay **days,
                            size_t *count, char *error, size_t error_size) {
    *days = NULL;
    *count = 0;
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT date(finished_ms / 1000, 'unixepoch', 'localtime') AS day, "
                                        "sum(max(finished_ms - started_ms, 0)) / 60000.0, count(*) FROM attempts "
                                        "WHERE student_id = ? AND finished_ms >= ? GROUP BY day ORDER BY day",
                                    error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    sqlite3_bind_int64(q, 2, since_ms);
    size_t capacity = 0;
    bool oom = false;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if ((oom = !make_room((void **)days, &capacity, *count, sizeof **days))) break;
        GtPracticeDay *d = &(*days)[(*count)++];
        gt_db_column_text(q, 0, d->day, sizeof d->day);
        d->minutes = sqlite3_column_double(q, 1);
        d->attempts = sqlite3_column_int(q, 2);
    }
    sqlite3_finalize(q);
    if (finish_rows(db, rc, oom, error, error_size)) return true;
    free(*days);
    *days = NULL;
    *count = 0;
    return false;
}

/* Local day numbers (consecutive days differ by 1) of every day practised, newest first. */
static const char DAYS[] =
    "SELECT DISTINCT CAST(julianday(finished_ms / 1000, 'unixepoch', 'localtime', 'start of day') AS INTEGER) AS d, "
    "  date(finished_ms / 1000, 'unixepoch', 'localtime') FROM attempts WHERE student_id = ? ORDER BY d DESC";

/* The local day number of `now_ms`; -1 with the reason. */
static long day_number(GtProgressDb *db, int64_t now_ms, char *error, size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT CAST(julianday(? / 1000, 'unixepoch', 'localtime', 'start of day') "
                                        "AS INTEGER)", error, error_size);
    if (!q) return -1;
    sqlite3_bind_int64(q, 1, now_ms);
    int rc = sqlite3_step(q);
    long day = rc == SQLITE_ROW ? (long)sqlite3_column_int64(q, 0) : -1;
    if (rc != SQLITE_ROW) gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(q);
    return day;
}

bool gt_query_streak(GtProgressDb *db, int64_t student_id, int64_t now_ms, GtStreak *out, char *error,
                     size_t error_size) {
    memset(out, 0, sizeof *out);
    long today = day_number(db, now_ms, error, error_size);
    if (today < 0) return false;
    sqlite3_stmt *q = gt_db_prepare(db, DAYS, error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    long previous = 0;
    int run = 0, rc;
    bool first = true, current_open = false;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        long day = (long)sqlite3_column_int64(q, 0);
        if (first) {
            gt_db_column_text(q, 1, out->last_day, sizeof out->last_day);
            out->practised_today = day == today;
            current_open = day == today || day == today - 1;
        }
        bool continues = !first && day == previous - 1;
        run = continues ? run + 1 : 1;
        if (!first && !continues) current_open = false;
        if (current_open) out->current_days = run;
        if (run > out->best_days) out->best_days = run;
        previous = day;
        first = false;
    }
    sqlite3_finalize(q);
    return finish_rows(db, rc, false, error, error_size);
}
