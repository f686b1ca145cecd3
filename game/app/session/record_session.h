/* record_session: an instructor keeps a performance as a step's demonstration. In instructor
 * mode (--instructor) the result screen offers "Keep as demonstration"; the trainer then derives
 * the step from the performance (gt_record.h: a clean guide, bands around what was measured),
 * checks the lesson it would make with the same loader as every lesson and scores the
 * performance against that step, and shows it all for confirmation (GT_SCREEN_RECORDED). Saving
 * writes the replay to demos/ beside the lesson, keeps the lesson's previous text as FILE.bak,
 * and writes the lesson back (each file replaced atomically); live reload then shows it. A
 * performance that would not make a valid step scoring 95 or more cannot be saved, and says why.
 *
 * Ownership: the session owns its draft (session->draft) until it leaves the screen. */
#ifndef GT_RECORD_SESSION_H
#define GT_RECORD_SESSION_H

#include "session.h"
#include "gt_record.h"

enum { GT_RECORD_PASS = 95 };

typedef struct GtRecordingDraft {
    GtDerivedStep derived;
    GtReplay recording;          /* the performance (owned) */
    char *lesson_text;           /* the lesson as it would be written (owned); NULL when it cannot be */
    char *original_text;         /* the lesson file as it is now (owned) */
    char lesson_path[4096];
    char demo_relative[256];     /* "demos/ID-N.json", as the lesson names it */
    char demo_path[4400];
    double total;                /* the performance's score against the step it would make */
    char problem[768];           /* why it cannot be saved, or "" */
} GtRecordingDraft;

/* For the recording's actions (GT_ACT_KEEP_DEMO on the result screen in instructor mode,
 * GT_ACT_SAVE_DEMO and Back on the confirmation screen) 1 or 0; -1 when the action is none of
 * theirs. */
int gt_session_record_offers(const GtSession *session, int action);

/* Does an action gt_session_record_offers allows. Keep builds the draft and shows it; Save writes
 * the files and returns to the lesson's intro with a notice saying where they went (or, when a
 * write fails, stays and says why on screen); Back returns to the result. True when anything
 * changed. */
bool gt_session_record_act(GtSession *session, int action, Uint32 at_ms);

/* Releases the draft, if any. */
void gt_session_record_close(GtSession *session);

#endif
