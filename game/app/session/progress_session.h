/* progress_session: "My progress", as part of the session (see session.h). The home screen's
 * My progress button opens GT_SCREEN_PROGRESS. For a signed-in student, opening it reads from the
 * database, once, everything the screen shows: per technique the best, recent and weakest
 * criterion with every graded attempt for the score-over-time chart; where on each side of the
 * body the student's samples fell (the heat map); minutes practised on each of the last
 * GT_PROGRESS_DAYS days; the streak. The screen then draws from that and never queries. A guest
 * sees the screen say to pick a name (nothing of a guest's is kept), with a button to do so.
 * Tapping a technique selects it; Back (or Home) returns to the lesson list and lets it all go.
 *
 * "Today" is the system clock's, unless fixed with gt_session_progress_fix_today (--today), so
 * tests and screenshots count days and streaks the same on any date.
 *
 * Ownership: the GtProgressView lives in the session (session->progress_view) from opening the
 * screen to leaving it; gt_session_free releases it too. */
#ifndef GT_PROGRESS_SESSION_H
#define GT_PROGRESS_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include "practice_query.h"
#include "progress_query.h"
#include "session.h"

enum { GT_PROGRESS_DAYS = 14,     /* days of the minutes-per-day chart, today the last */
       GT_PROGRESS_CELL_CM = 4 }; /* the heat map's cells are this many cm square */

/* One technique the student has practised. */
typedef struct GtProgressTechnique {
    GtTechniqueProgress summary;   /* best, recent, the criterion holding it back ... */
    const char *name;              /* as students read it ("Petrissage (kneading)"), borrowed from the
                                      library; the id when the library no longer has it */
    GtScorePoint *points;          /* every graded attempt, oldest first (owned) */
    size_t point_count;
    double pass_mark;              /* the pass mark of the step last practised, 0-100; 0 when unknown */
} GtProgressTechnique;

/* One day of the minutes-per-day chart. */
typedef struct GtProgressDay {
    char day[11];                  /* "YYYY-MM-DD", local */
    int day_of_month;              /* 1-31 */
    int weekday;                   /* 0 = Sunday */
    double minutes;                /* time spent in attempts that ended that day */
    int attempts;
} GtProgressDay;

struct GtProgressView {
    bool read_ok;                  /* everything was read; false: the notice says why, nothing shows */
    GtProgressTechnique *techniques; /* most recently practised first (owned) */
    size_t technique_count;
    int selected;                  /* the technique whose chart shows, -1 when none */
    int first_row;                 /* the first technique the list shows */
    int first_row_max;             /* ... at most (set by the screen's layout: the rows that fit) */
    GtHeatmap heat[GT_VIEW_COUNT]; /* where samples fell, per side of the body */
    GtView view;                   /* the side the heat map shows */
    GtProgressDay days[GT_PROGRESS_DAYS]; /* oldest first; the last is today */
    GtStreak streak;
    int64_t now_ms;                /* "today", Unix ms */
    int attempts;                  /* graded attempts over all techniques */
};

/* Whether the screen showing now offers `action` when it is one of the progress screen's (or
 * Back and Home on it): 1 or 0; -1 when the action is none of its own (the session decides). */
int gt_session_progress_offers(const GtSession *session, int action);

/* Does an action gt_session_progress_offers claims. Returns true when anything changed. Opening
 * reads from the database; a failure to read puts "Your progress could not be read: ..." in the
 * session's notice (and stderr) and the screen shows no figures. */
bool gt_session_progress_act(GtSession *session, int action);

/* Releases what the progress screen read (nothing when it is not open). */
void gt_session_progress_close(GtSession *session);

/* Tells the progress screen how far its list can scroll (the last first row, >= 0) and keeps
 * the scroll inside it; nothing when the screen shows no list. */
void gt_session_progress_set_scroll_limit(GtSession *session, int max_first_row);

/* Makes "today" the day of `today_ms` (Unix ms) instead of the system clock's; 0 goes back to
 * the system clock. */
void gt_session_progress_fix_today(GtSession *session, int64_t today_ms);

/* The technique selected on the progress screen, or NULL. */
const GtProgressTechnique *gt_session_progress_selected(const GtSession *session);

#endif
