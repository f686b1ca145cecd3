/* attempts: saving a graded attempt as one unit (the attempt, every criterion, every safety
 * entry, where its samples fell, its score card JSON and its replay) and reading attempts back.
 * A save either completes whole or leaves nothing, and nothing says "saved" unless it was.
 *
 * Ownership: a GtStoredAttempt owns its replay_json (gt_stored_attempt_free); everything else
 * in it is inline. The card and replay given to gt_attempts_save are only read. */
#ifndef GT_ATTEMPTS_H
#define GT_ATTEMPTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "gt_score.h"
#include "progress_db.h"
#include "students.h"
#include "uuid.h"

/* What one attempt's save needs. */
typedef struct GtAttemptSave {
    int64_t student_id;          /* the student signed in; 0 (a guest) is refused: guests save nothing */
    const GtScoreCard *card;     /* the card the student was shown */
    const GtReplay *replay;      /* the attempt itself, of the card's lesson and step */
    int64_t started_ms;          /* Unix ms, UTC: when the attempt began ... */
    int64_t finished_ms;         /* ... and when it ended */
} GtAttemptSave;

/* Saves an attempt in one transaction and puts its new UUID in `id`. False with the reason,
 * worded to follow "This attempt was not saved: " ("the disk is full (PATH)", "the data folder
 * is read-only (PATH)", "no student is signed in: a guest's attempts are not kept"); the
 * database then holds nothing of it and `id` is "". */
bool gt_attempts_save(GtProgressDb *db, const GtAttemptSave *attempt, char id[GT_UUID_TEXT], char *error,
                      size_t error_size);

typedef struct GtStoredCriterion {
    char name[24];               /* "path", "pressure", ... (gt_criterion_name) */
    double score;                /* 0-100 */
    double measured;             /* in `unit`; NAN when nothing could be measured */
    char unit[16];
    double target_min, target_max, weight;
    char feedback[GT_FEEDBACK_MAX];
} GtStoredCriterion;

typedef struct GtStoredSafety {
    char kind[24];               /* "injurious-pressure", "over-band", "avoid-zone" */
    char place[GT_ID_MAX];       /* landmark id, "" for pressure entries */
    char place_name[GT_PLACE_NAME_MAX];
    double level, seconds;
    char message[GT_FEEDBACK_MAX];
} GtStoredSafety;

typedef struct GtStoredAttempt {
    char id[GT_UUID_TEXT];
    int64_t student_id;          /* 0 when the student was removed */
    char student[GT_STUDENT_NAME_BYTES]; /* "" likewise */
    char lesson[GT_ID_MAX];
    int step;                    /* 1-based */
    char technique[GT_ID_MAX];
    char view[16];               /* "posterior", "anterior" */
    char source[16];             /* "trainer" or "legacy-import" */
    int64_t started_ms, finished_ms;
    bool graded;                 /* false: imported, its lesson was not installed; total is NAN */
    double total;                /* 0-100 */
    char grade[4];
    bool passed;
    double pass_mark;
    char verdict[24];            /* gt_verdict_name; "" when not graded */
    char verdict_reason[GT_FEEDBACK_MAX];
    bool capped;
    char cap_reason[GT_FEEDBACK_MAX];
    bool completion_applies;
    double completion_done, completion_asked, completion_pct;
    char completion_unit[24];
    GtStoredCriterion criteria[GT_CRITERION_COUNT]; /* in GtCriterion order, as on the card */
    size_t criterion_count;
    GtStoredSafety safety[GT_SAFETY_MAX];
    size_t safety_count;
    char *replay_json;           /* the replay as saved, when asked for; else NULL */
} GtStoredAttempt;

/* Reads attempt `id` (with its replay JSON when `with_replay`); false with "there is no
 * attempt ID" or the database's trouble, `out` then empty. */
bool gt_attempts_load(GtProgressDb *db, const char *id, bool with_replay, GtStoredAttempt *out, char *error,
                      size_t error_size);

/* Calls `visit` for every attempt of student `student_id` (0: of everyone), ordered by student
 * name then time, without replays. `visit` returns false to stop early (not a failure). False
 * with the reason when the database fails. */
bool gt_attempts_each(GtProgressDb *db, int64_t student_id, bool (*visit)(const GtStoredAttempt *, void *),
                      void *context, char *error, size_t error_size);

/* How many attempts are saved (of one student, or of everyone for 0); -1 on failure. */
long gt_attempts_count(GtProgressDb *db, int64_t student_id);

void gt_stored_attempt_free(GtStoredAttempt *attempt);

#endif
