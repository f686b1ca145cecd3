/* attempts: one transaction per saved attempt, and reading attempts back. */
#include "attempts.h"
#include "db_internal.h"
#include "replay_write.h"
#include "scorecard_write.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { CELL_LIMIT_CM = 10000 };

typedef struct Cell {
    int x_cm, y_cm;
} Cell;

/* Orders cells by x, then y. */
static int compare_cells(const void *a, const void *b) {
    const Cell *p = a, *q = b;
    if (p->x_cm != q->x_cm) return p->x_cm < q->x_cm ? -1 : 1;
    return (p->y_cm > q->y_cm) - (p->y_cm < q->y_cm);
}

/* The whole-cm cell a coordinate falls in, kept inside +-CELL_LIMIT_CM. */
static int cell_of(double cm) {
    double c = floor(cm);
    if (!(c > -CELL_LIMIT_CM)) c = -CELL_LIMIT_CM;
    if (c > CELL_LIMIT_CM) c = CELL_LIMIT_CM;
    return (int)c;
}

bool gt_db_insert_positions(GtProgressDb *db, const char *id, const GtReplay *replay, char *error,
                            size_t error_size) {
    size_t total = gt_replay_sample_count(replay);
    if (total == 0) return true;
    Cell *cells = malloc(total * sizeof *cells);
    if (!cells) {
        snprintf(error, error_size, "out of memory while saving where the attempt was practised");
        return false;
    }
    size_t n = 0;
    for (size_t c = 0; c < replay->contact_count; c++)
        for (size_t k = 0; k < replay->contacts[c].count; k++) {
            const GtSample *s = &replay->contacts[c].samples[k];
            cells[n++] = (Cell){ cell_of(s->x_cm), cell_of(s->y_cm) };
        }
    qsort(cells, n, sizeof *cells, compare_cells);
    sqlite3_stmt *insert = gt_db_prepare(db, "INSERT INTO attempt_positions (attempt_id, view, x_cm, y_cm, samples) "
                                             "VALUES (?, ?, ?, ?, ?)", error, error_size);
    bool ok = insert != NULL;
    for (size_t start = 0; ok && start < n;) {
        size_t end = start + 1;
        while (end < n && compare_cells(&cells[start], &cells[end]) == 0) end++;
        sqlite3_bind_text(insert, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, gt_view_name(replay->view), -1, SQLITE_STATIC);
        sqlite3_bind_int(insert, 3, cells[start].x_cm);
        sqlite3_bind_int(insert, 4, cells[start].y_cm);
        sqlite3_bind_int64(insert, 5, (sqlite3_int64)(end - start));
        ok = gt_db_step_done(db, insert, error, error_size);
        start = end;
    }
    sqlite3_finalize(insert);
    free(cells);
    return ok;
}

static const char INSERT_ATTEMPT[] =
    "INSERT INTO attempts (id, student_id, lesson, step, technique, view, source, started_ms, finished_ms, total, "
    "grade, passed, pass_mark, verdict, verdict_reason, capped, cap_reason, completion_applies, completion_done, "
    "completion_asked, completion_unit, completion_pct, completion_feedback, card_json, replay_json) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, "
    "?23, ?24, ?25)";

/* Binds the card's own columns (10-24) of INSERT_ATTEMPT; a NULL card leaves them ungraded. */
static void bind_card(sqlite3_stmt *insert, const GtScoreCard *card, const char *card_json) {
    if (!card) {
        sqlite3_bind_null(insert, 10);
        for (int i = 11; i <= 24; i++)
            if (i == 12 || i == 16 || i == 18) sqlite3_bind_int(insert, i, 0);
            else if (i == 11 || i == 15 || i == 17 || i == 23) sqlite3_bind_text(insert, i, "", -1, SQLITE_STATIC);
            else sqlite3_bind_null(insert, i);
        return;
    }
    const GtCompletion *done = &card->completion;
    sqlite3_bind_double(insert, 10, card->total);
    gt_db_bind_text(insert, 11, card->grade);
    sqlite3_bind_int(insert, 12, card->passed);
    gt_db_bind_real(insert, 13, card->pass_mark);
    gt_db_bind_text(insert, 14, gt_verdict_name(card->verdict));
    gt_db_bind_text(insert, 15, card->verdict_reason);
    sqlite3_bind_int(insert, 16, card->capped);
    gt_db_bind_text(insert, 17, card->cap_reason);
    sqlite3_bind_int(insert, 18, done->applies);
    gt_db_bind_real(insert, 19, done->applies ? done->done : NAN);
    gt_db_bind_real(insert, 20, done->applies ? done->asked : NAN);
    gt_db_bind_text(insert, 21, done->applies ? done->unit : NULL);
    gt_db_bind_real(insert, 22, done->applies ? done->percent : NAN);
    gt_db_bind_text(insert, 23, done->feedback);
    gt_db_bind_text(insert, 24, card_json);
}

/* Inserts the card's criteria and safety entries for attempt `id`. */
static bool insert_card_rows(GtProgressDb *db, const char *id, const GtScoreCard *card, char *error,
                             size_t error_size) {
    sqlite3_stmt *criterion = gt_db_prepare(db, "INSERT INTO attempt_criteria (attempt_id, criterion, score, measured, "
                                                "unit, target_min, target_max, weight, feedback) VALUES "
                                                "(?, ?, ?, ?, ?, ?, ?, ?, ?)", error, error_size);
    sqlite3_stmt *safety = gt_db_prepare(db, "INSERT INTO attempt_safety (attempt_id, n, kind, place, place_name, "
                                             "level, seconds, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                         error, error_size);
    bool ok = criterion && safety;
    for (size_t i = 0; ok && i < card->criterion_count && i < GT_CRITERION_COUNT; i++) {
        const GtCriterionScore *c = &card->criteria[i];
        sqlite3_bind_text(criterion, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(criterion, 2, gt_criterion_name(c->criterion), -1, SQLITE_STATIC);
        sqlite3_bind_double(criterion, 3, c->score);
        gt_db_bind_real(criterion, 4, c->measured);
        gt_db_bind_text(criterion, 5, c->unit ? c->unit : "");
        gt_db_bind_real(criterion, 6, c->target_min);
        gt_db_bind_real(criterion, 7, c->target_max);
        gt_db_bind_real(criterion, 8, c->weight);
        gt_db_bind_text(criterion, 9, c->feedback);
        ok = gt_db_step_done(db, criterion, error, error_size);
    }
    for (size_t i = 0; ok && i < card->safety_count && i < GT_SAFETY_MAX; i++) {
        const GtSafetyEntry *s = &card->safety[i];
        sqlite3_bind_text(safety, 1, id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(safety, 2, (int)i);
        sqlite3_bind_text(safety, 3, gt_safety_kind_name(s->kind), -1, SQLITE_STATIC);
        gt_db_bind_text(safety, 4, s->place);
        gt_db_bind_text(safety, 5, s->place_name);
        gt_db_bind_real(safety, 6, s->level);
        gt_db_bind_real(safety, 7, s->seconds);
        gt_db_bind_text(safety, 8, s->message);
        ok = gt_db_step_done(db, safety, error, error_size);
    }
    sqlite3_finalize(criterion);
    sqlite3_finalize(safety);
    return ok;
}

bool gt_db_insert_attempt(GtProgressDb *db, const GtAttemptRow *row, char *error, size_t error_size) {
    char *card_json = row->card ? gt_scorecard_to_json(row->card) : NULL;
    if (row->card && !card_json) {
        snprintf(error, error_size, "out of memory while saving the score card");
        return false;
    }
    sqlite3_stmt *insert = gt_db_prepare(db, INSERT_ATTEMPT, error, error_size);
    bool ok = insert != NULL;
    if (ok) {
        const GtReplay *r = row->replay;
        sqlite3_bind_text(insert, 1, row->id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(insert, 2, row->student_id);
        sqlite3_bind_text(insert, 3, r->lesson, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(insert, 4, r->step);
        sqlite3_bind_text(insert, 5, r->technique, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 6, gt_view_name(r->view), -1, SQLITE_STATIC);
        sqlite3_bind_text(insert, 7, row->source, -1, SQLITE_STATIC);
        sqlite3_bind_int64(insert, 8, row->started_ms);
        sqlite3_bind_int64(insert, 9, row->finished_ms);
        bind_card(insert, row->card, card_json);
        sqlite3_bind_text(insert, 25, row->replay_json, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(insert);
        ok = rc == SQLITE_DONE;
        if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
            snprintf(error, error_size, "the student signed in is no longer in the database (%s)", db->path);
        else if (!ok) gt_db_describe(db->sql, db->path, rc, error, error_size);
    }
    sqlite3_finalize(insert);
    free(card_json);
    ok = ok && (!row->card || insert_card_rows(db, row->id, row->card, error, error_size));
    return ok && gt_db_insert_positions(db, row->id, row->replay, error, error_size);
}

/* Checks what a save is given; false with the reason. */
static bool check_save(const GtAttemptSave *a, char *error, size_t error_size) {
    if (!a || !a->card || !a->replay) {
        snprintf(error, error_size, "there was no attempt to save");
        return false;
    }
    if (a->student_id <= 0) {
        snprintf(error, error_size, "no student is signed in: a guest's attempts are not kept");
        return false;
    }
    if (strcmp(a->card->lesson, a->replay->lesson) != 0 || a->card->step != a->replay->step) {
        snprintf(error, error_size, "the score card (%s step %d) is not of the replay (%s step %d)", a->card->lesson,
                 a->card->step, a->replay->lesson, a->replay->step);
        return false;
    }
    return true;
}

bool gt_attempts_save(GtProgressDb *db, const GtAttemptSave *attempt, char id[GT_UUID_TEXT], char *error,
                      size_t error_size) {
    id[0] = '\0';
    if (!check_save(attempt, error, error_size)) return false;
    char new_id[GT_UUID_TEXT];
    if (!gt_uuid_v4(new_id)) {
        snprintf(error, error_size, "the system gave no random numbers for the attempt's id");
        return false;
    }
    char *replay_json = gt_replay_to_json(attempt->replay);
    if (!replay_json) {
        snprintf(error, error_size, "out of memory while saving the replay");
        return false;
    }
    GtAttemptRow row = { new_id, attempt->student_id, "trainer", attempt->card, attempt->replay, replay_json,
                         attempt->started_ms, attempt->finished_ms };
    bool ok = gt_db_begin(db, error, error_size);
    if (ok) {
        ok = gt_db_insert_attempt(db, &row, error, error_size);
        if (ok) ok = gt_db_commit(db, error, error_size);
        else gt_db_rollback(db);
    }
    free(replay_json);
    if (ok) snprintf(id, GT_UUID_TEXT, "%s", new_id);
    return ok;
}

static const char SELECT_ATTEMPT[] =
    "SELECT a.id, coalesce(a.student_id, 0), coalesce(s.name, ''), a.lesson, a.step, a.technique, a.view, a.source, "
    "a.started_ms, a.finished_ms, a.total, a.grade, a.passed, a.pass_mark, coalesce(a.verdict, ''), "
    "a.verdict_reason, a.capped, a.cap_reason, a.completion_applies, a.completion_done, a.completion_asked, "
    "a.completion_pct, coalesce(a.completion_unit, ''), CASE WHEN ?2 THEN a.replay_json END "
    "FROM attempts a LEFT JOIN students s ON s.id = a.student_id WHERE a.id = ?1";

/* Reads the row SELECT_ATTEMPT is on into `out`; false when memory runs out for the replay. */
static bool read_attempt(sqlite3_stmt *q, GtStoredAttempt *out) {
    gt_db_column_text(q, 0, out->id, sizeof out->id);
    out->student_id = sqlite3_column_int64(q, 1);
    gt_db_column_text(q, 2, out->student, sizeof out->student);
    gt_db_column_text(q, 3, out->lesson, sizeof out->lesson);
    out->step = sqlite3_column_int(q, 4);
    gt_db_column_text(q, 5, out->technique, sizeof out->technique);
    gt_db_column_text(q, 6, out->view, sizeof out->view);
    gt_db_column_text(q, 7, out->source, sizeof out->source);
    out->started_ms = sqlite3_column_int64(q, 8);
    out->finished_ms = sqlite3_column_int64(q, 9);
    out->graded = sqlite3_column_type(q, 10) != SQLITE_NULL;
    out->total = gt_db_column_real(q, 10);
    gt_db_column_text(q, 11, out->grade, sizeof out->grade);
    out->passed = sqlite3_column_int(q, 12) != 0;
    out->pass_mark = gt_db_column_real(q, 13);
    gt_db_column_text(q, 14, out->verdict, sizeof out->verdict);
    gt_db_column_text(q, 15, out->verdict_reason, sizeof out->verdict_reason);
    out->capped = sqlite3_column_int(q, 16) != 0;
    gt_db_column_text(q, 17, out->cap_reason, sizeof out->cap_reason);
    out->completion_applies = sqlite3_column_int(q, 18) != 0;
    out->completion_done = gt_db_column_real(q, 19);
    out->completion_asked = gt_db_column_real(q, 20);
    out->completion_pct = gt_db_column_real(q, 21);
    gt_db_column_text(q, 22, out->completion_unit, sizeof out->completion_unit);
    const char *replay = (const char *)sqlite3_column_text(q, 23);
    if (replay && !(out->replay_json = strdup(replay))) return false;
    return true;
}

/* The criterion's place in GtCriterion order (unknown names last). */
static int criterion_rank(const char *name) {
    for (int c = 0; c < GT_CRITERION_COUNT; c++)
        if (strcmp(name, gt_criterion_name((GtCriterion)c)) == 0) return c;
    return GT_CRITERION_COUNT;
}

/* Orders stored criteria as a card lists them. */
static int by_criterion(const void *a, const void *b) {
    int p = criterion_rank(((const GtStoredCriterion *)a)->name), q = criterion_rank(((const GtStoredCriterion *)b)->name);
    return (p > q) - (p < q);
}

/* Reads the criteria (in the card's order) and safety entries of out->id. */
static bool read_details(GtProgressDb *db, GtStoredAttempt *out, char *error, size_t error_size) {
    sqlite3_stmt *c = gt_db_prepare(db, "SELECT criterion, score, measured, unit, target_min, target_max, weight, "
                                        "feedback FROM attempt_criteria WHERE attempt_id = ?", error, error_size);
    sqlite3_stmt *s = gt_db_prepare(db, "SELECT kind, place, place_name, level, seconds, message FROM "
                                        "attempt_safety WHERE attempt_id = ? ORDER BY n", error, error_size);
    bool ok = c && s;
    int rc = SQLITE_DONE;
    if (ok) {
        sqlite3_bind_text(c, 1, out->id, -1, SQLITE_TRANSIENT);
        while ((rc = sqlite3_step(c)) == SQLITE_ROW && out->criterion_count < GT_CRITERION_COUNT) {
            GtStoredCriterion *k = &out->criteria[out->criterion_count++];
            gt_db_column_text(c, 0, k->name, sizeof k->name);
            k->score = gt_db_column_real(c, 1);
            k->measured = gt_db_column_real(c, 2);
            gt_db_column_text(c, 3, k->unit, sizeof k->unit);
            k->target_min = gt_db_column_real(c, 4);
            k->target_max = gt_db_column_real(c, 5);
            k->weight = gt_db_column_real(c, 6);
            gt_db_column_text(c, 7, k->feedback, sizeof k->feedback);
        }
        if (rc == SQLITE_ROW) rc = SQLITE_DONE;
        qsort(out->criteria, out->criterion_count, sizeof out->criteria[0], by_criterion);
    }
    if (ok && rc == SQLITE_DONE) {
        sqlite3_bind_text(s, 1, out->id, -1, SQLITE_TRANSIENT);
        while ((rc = sqlite3_step(s)) == SQLITE_ROW && out->safety_count < GT_SAFETY_MAX) {
            GtStoredSafety *k = &out->safety[out->safety_count++];
            gt_db_column_text(s, 0, k->kind, sizeof k->kind);
            gt_db_column_text(s, 1, k->place, sizeof k->place);
            gt_db_column_text(s, 2, k->place_name, sizeof k->place_name);
            k->level = gt_db_column_real(s, 3);
            k->seconds = gt_db_column_real(s, 4);
            gt_db_column_text(s, 5, k->message, sizeof k->message);
        }
        if (rc == SQLITE_ROW) rc = SQLITE_DONE;
    }
    if (ok && rc != SQLITE_DONE) {
        gt_db_describe(db->sql, db->path, rc, error, error_size);
        ok = false;
    }
    sqlite3_finalize(c);
    sqlite3_finalize(s);
    return ok;
}

bool gt_attempts_load(GtProgressDb *db, const char *id, bool with_replay, GtStoredAttempt *out, char *error,
                      size_t error_size) {
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q = gt_db_prepare(db, SELECT_ATTEMPT, error, error_size);
    if (!q) return false;
    sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(q, 2, with_replay);
    int rc = sqlite3_step(q);
    bool ok = rc == SQLITE_ROW;
    if (rc == SQLITE_DONE) snprintf(error, error_size, "there is no attempt %s", id);
    else if (!ok) gt_db_describe(db->sql, db->path, rc, error, error_size);
    if (ok && !read_attempt(q, out)) {
        snprintf(error, error_size, "out of memory while reading attempt %s", id);
        ok = false;
    }
    sqlite3_finalize(q);
    ok = ok && read_details(db, out, error, error_size);
    if (!ok) gt_stored_attempt_free(out);
    return ok;
}

bool gt_attempts_each(GtProgressDb *db, int64_t student_id, bool (*visit)(const GtStoredAttempt *, void *),
                      void *context, char *error, size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT a.id FROM attempts a LEFT JOIN students s ON s.id = a.student_id "
                                        "WHERE ?1 = 0 OR a.student_id = ?1 "
                                        "ORDER BY coalesce(s.name_key, ''), a.finished_ms, a.id", error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, student_id);
    /* the ids first, so that `visit` may use the database while we go */
    char (*ids)[GT_UUID_TEXT] = NULL;
    size_t count = 0, capacity = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 64;
            void *grown = realloc(ids, capacity * sizeof *ids);
            if (!grown) break;
            ids = grown;
        }
        gt_db_column_text(q, 0, ids[count++], GT_UUID_TEXT);
    }
    bool ok = rc == SQLITE_DONE;
    if (rc == SQLITE_ROW) snprintf(error, error_size, "out of memory while listing attempts");
    else if (!ok) gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(q);
    GtStoredAttempt *attempt = malloc(sizeof *attempt);
    if (ok && !attempt) {
        snprintf(error, error_size, "out of memory while reading attempts");
        ok = false;
    }
    for (size_t i = 0; ok && i < count; i++) {
        ok = gt_attempts_load(db, ids[i], false, attempt, error, error_size);
        bool go_on = ok && visit(attempt, context);
        if (ok) gt_stored_attempt_free(attempt);
        if (!go_on) break;
    }
    free(attempt);
    free(ids);
    return ok;
}

long gt_attempts_count(GtProgressDb *db, int64_t student_id) {
    char error[GT_DB_ERROR_MAX];
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT count(*) FROM attempts WHERE ?1 = 0 OR student_id = ?1", error,
                                    sizeof error);
    if (!q) return -1;
    sqlite3_bind_int64(q, 1, student_id);
    long count = sqlite3_step(q) == SQLITE_ROW ? (long)sqlite3_column_int64(q, 0) : -1;
    sqlite3_finalize(q);
    return count;
}

void gt_stored_attempt_free(GtStoredAttempt *attempt) {
    free(attempt->replay_json);
    attempt->replay_json = NULL;
}
