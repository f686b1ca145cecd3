/* progress_session: reading "My progress" once and what its presses do (see progress_session.h). */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include "progress_session.h"
#include "students_session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

int gt_session_progress_offers(const GtSession *session, int action) {
    bool on = session->screen == GT_SCREEN_PROGRESS;
    const GtProgressView *v = session->progress_view;
    if (action >= GT_ACT_TECHNIQUE_BASE)
        return on && v && (size_t)(action - GT_ACT_TECHNIQUE_BASE) < v->technique_count;
    switch (action) {
    case GT_ACT_PROGRESS: return session->screen == GT_SCREEN_HOME;
    case GT_ACT_PROGRESS_FRONT:
    case GT_ACT_PROGRESS_REAR:
        return on && v && v->heat[GT_VIEW_ANTERIOR].count && v->heat[GT_VIEW_POSTERIOR].count;
    case GT_ACT_PROGRESS_UP:
    case GT_ACT_PROGRESS_MORE: return on && v && v->technique_count > 1;
    case GT_ACT_STUDENTS: return on ? !session->student_id : -1; /* a guest's way to pick a name */
    case GT_ACT_BACK:
    case GT_ACT_HOME: return on ? 1 : -1;
    default: return -1;
    }
}

/* The local calendar day `days_back` days before the day of `now_ms`: its date in *day and
 * the Unix ms of its noon (hour = 12) or its start (hour = 0). */
static int64_t local_day(int64_t now_ms, int days_back, int hour, struct tm *day) {
    time_t t = (time_t)(now_ms / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm)) memset(&tm, 0, sizeof tm);
    tm.tm_hour = hour;
    tm.tm_min = tm.tm_sec = 0;
    tm.tm_mday -= days_back;
    tm.tm_isdst = -1;
    time_t at = mktime(&tm); /* normalises tm to the real date */
    if (day) *day = tm;
    return (int64_t)at * 1000;
}

/* Says on screen (the session's notice) and on stderr that the progress could not be read, and
 * why. Returns false, for the reader to pass on. */
static bool read_failed(GtSession *session, const char *error) {
    snprintf(session->notice, sizeof session->notice, "Your progress could not be read: %s", error);
    fprintf(stderr, "guidedtouch: %s\n", session->notice);
    return false;
}

/* The pass mark of `lesson`'s step `step` in the library, 0 when it has no such step. */
static double pass_mark_of(const GtLibrary *library, const char *lesson_id, int step) {
    const GtLesson *lesson = library ? gt_library_lesson(library, lesson_id) : NULL;
    return lesson && step >= 1 && (size_t)step <= lesson->step_count ? lesson->steps[step - 1].pass_mark : 0.0;
}

/* Reads each technique's summary and every graded attempt at it into the view. False after
 * saying why (what was read stays for gt_session_progress_close). */
static bool read_techniques(GtSession *session, GtProgressView *v) {
    char error[GT_DB_ERROR_MAX];
    GtTechniqueProgress *rows = NULL;
    size_t count = 0;
    if (!gt_query_techniques(session->db, session->student_id, &rows, &count, error, sizeof error))
        return read_failed(session, error);
    v->techniques = count ? calloc(count, sizeof *v->techniques) : NULL;
    if (count && !v->techniques) {
        free(rows);
        return read_failed(session, "out of memory");
    }
    v->technique_count = count;
    bool ok = true;
    for (size_t i = 0; i < count && ok; i++) {
        GtProgressTechnique *t = &v->techniques[i];
        t->summary = rows[i];
        const GtTechnique *known = gt_library_technique(session->library, t->summary.technique);
        t->name = known && known->name ? known->name : t->summary.technique;
        ok = gt_query_score_history(session->db, session->student_id, t->summary.technique, &t->points,
                                    &t->point_count, error, sizeof error);
        if (ok && t->point_count) {
            const GtScorePoint *last = &t->points[t->point_count - 1];
            t->pass_mark = pass_mark_of(session->library, last->lesson, last->step);
        }
        v->attempts += t->summary.attempts;
    }
    free(rows);
    return ok || read_failed(session, error);
}

/* Reads minutes per day for the last GT_PROGRESS_DAYS days (today the last) and the streak as of
 * v->now_ms. False after saying why. */
static bool read_days(GtSession *session, GtProgressView *v) {
    char error[GT_DB_ERROR_MAX];
    for (int i = 0; i < GT_PROGRESS_DAYS; i++) {
        struct tm tm;
        local_day(v->now_ms, GT_PROGRESS_DAYS - 1 - i, 12, &tm);
        GtProgressDay *d = &v->days[i];
        snprintf(d->day, sizeof d->day, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        d->day_of_month = tm.tm_mday;
        d->weekday = tm.tm_wday;
    }
    GtPracticeDay *days = NULL;
    size_t count = 0;
    int64_t since = local_day(v->now_ms, GT_PROGRESS_DAYS - 1, 0, NULL);
    if (!gt_query_practice_days(session->db, session->student_id, since, &days, &count, error, sizeof error))
        return read_failed(session, error);
    for (size_t k = 0; k < count; k++)
        for (int i = 0; i < GT_PROGRESS_DAYS; i++)
            if (strcmp(days[k].day, v->days[i].day) == 0) {
                v->days[i].minutes = days[k].minutes;
                v->days[i].attempts = days[k].attempts;
            }
    free(days);
    if (!gt_query_streak(session->db, session->student_id, v->now_ms, &v->streak, error, sizeof error))
        return read_failed(session, error);
    return true;
}

/* Reads the heat map of each side of the body and shows the side with the more samples (the
 * back on a tie). False after saying why. */
static bool read_heat(GtSession *session, GtProgressView *v) {
    char error[GT_DB_ERROR_MAX];
    long samples[GT_VIEW_COUNT] = { 0 };
    for (int view = 0; view < GT_VIEW_COUNT; view++) {
        if (!gt_query_heatmap(session->db, session->student_id, (GtView)view, NULL, GT_PROGRESS_CELL_CM,
                              &v->heat[view], error, sizeof error))
            return read_failed(session, error);
        for (size_t i = 0; i < v->heat[view].count; i++) samples[view] += v->heat[view].cells[i].samples;
    }
    v->view = samples[GT_VIEW_ANTERIOR] > samples[GT_VIEW_POSTERIOR] ? GT_VIEW_ANTERIOR : GT_VIEW_POSTERIOR;
    return true;
}

/* Shows the progress screen: for a signed-in student with a database, everything it shows is
 * read now into a new view (a failure leaves the view with read_ok false and the notice saying
 * why); a guest gets no view (the screen asks them to pick a name). */
static void open_progress(GtSession *session) {
    gt_session_progress_close(session);
    session->screen = GT_SCREEN_PROGRESS;
    if (!session->student_id) return;
    GtProgressView *v = calloc(1, sizeof *v);
    if (!v) {
        read_failed(session, "out of memory");
        return;
    }
    session->progress_view = v;
    v->selected = -1;
    v->now_ms = session->today_ms ? session->today_ms : gt_progress_db_now_ms();
    if (!session->db) {
        read_failed(session, session->db_problem[0] ? session->db_problem : "the progress database is not open");
        return;
    }
    v->read_ok = read_techniques(session, v) && read_heat(session, v) && read_days(session, v);
    if (v->read_ok && v->technique_count) v->selected = 0;
}

void gt_session_progress_close(GtSession *session) {
    GtProgressView *v = session->progress_view;
    if (!v) return;
    for (size_t i = 0; i < v->technique_count; i++) free(v->techniques[i].points);
    free(v->techniques);
    for (int view = 0; view < GT_VIEW_COUNT; view++) gt_heatmap_free(&v->heat[view]);
    free(v);
    session->progress_view = NULL;
}

/* Moves the list's first row by `by` within what its layout allows; returns whether it moved. */
static bool scroll_list(GtProgressView *v, int by) {
    int first = v->first_row + by;
    if (first > v->first_row_max) first = v->first_row_max;
    if (first < 0) first = 0;
    if (first == v->first_row) return false;
    v->first_row = first;
    return true;
}

bool gt_session_progress_act(GtSession *session, int action) {
    GtProgressView *v = session->progress_view;
    if (action >= GT_ACT_TECHNIQUE_BASE) {
        int chosen = action - GT_ACT_TECHNIQUE_BASE;
        if (chosen == v->selected) return false;
        v->selected = chosen;
        return true;
    }
    switch (action) {
    case GT_ACT_PROGRESS: open_progress(session); return true;
    case GT_ACT_PROGRESS_FRONT:
    case GT_ACT_PROGRESS_REAR: {
        GtView view = action == GT_ACT_PROGRESS_FRONT ? GT_VIEW_ANTERIOR : GT_VIEW_POSTERIOR;
        if (view == v->view) return false;
        v->view = view;
        return true;
    }
    case GT_ACT_PROGRESS_UP: return scroll_list(v, -1);
    case GT_ACT_PROGRESS_MORE: return scroll_list(v, 1);
    case GT_ACT_STUDENTS: /* a guest picks a name: the picker, which returns to the lesson list */
        session->screen = GT_SCREEN_HOME;
        return gt_session_students_act(session, GT_ACT_STUDENTS);
    case GT_ACT_BACK:
    case GT_ACT_HOME:
        gt_session_progress_close(session);
        session->screen = GT_SCREEN_HOME;
        return true;
    default: return false;
    }
}

void gt_session_progress_set_scroll_limit(GtSession *session, int max_first_row) {
    GtProgressView *v = session->progress_view;
    if (!v) return;
    v->first_row_max = max_first_row > 0 ? max_first_row : 0;
    if (v->first_row > v->first_row_max) v->first_row = v->first_row_max;
    if (v->first_row < 0) v->first_row = 0;
}

void gt_session_progress_fix_today(GtSession *session, int64_t today_ms) {
    session->today_ms = today_ms > 0 ? today_ms : 0;
}

const GtProgressTechnique *gt_session_progress_selected(const GtSession *session) {
    const GtProgressView *v = session->progress_view;
    return v && v->selected >= 0 && (size_t)v->selected < v->technique_count ? &v->techniques[v->selected] : NULL;
}
