#include "record_session.h"
#include "lesson_write.h"
#include "replay_write.h"
#include "storage.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int gt_session_record_offers(const GtSession *session, int action) {
    switch (action) {
    case GT_ACT_KEEP_DEMO:
        return session->instructor && session->screen == GT_SCREEN_RESULT && session->has_attempt && session->lesson;
    case GT_ACT_SAVE_DEMO: return session->screen == GT_SCREEN_RECORDED && session->draft && !session->draft->problem[0];
    case GT_ACT_BACK: return session->screen == GT_SCREEN_RECORDED ? 1 : -1;
    default: return -1;
    }
}

void gt_session_record_close(GtSession *session) {
    GtRecordingDraft *draft = session->draft;
    if (!draft) return;
    gt_replay_free(&draft->recording);
    free(draft->lesson_text);
    free(draft->original_text);
    free(draft);
    session->draft = NULL;
}

/* Loads the draft's lesson text as the library would and scores the performance against its
 * step; says in draft->problem why it cannot be kept. */
static void check_draft(const GtSession *session, GtRecordingDraft *draft) {
    GtArena arena;
    gt_arena_init(&arena);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReferences refs = gt_library_references(session->library);
    GtLesson lesson;
    if (!gt_load_lesson(draft->lesson_path, draft->lesson_text, strlen(draft->lesson_text), &refs, &arena, &diag,
                        &lesson)) {
        char first[512] = "";
        if (diag.count) gt_diag_format(&diag, 0, first, sizeof first);
        snprintf(draft->problem, sizeof draft->problem, "The step this makes is not valid: %s", first);
    } else {
        const GtStep *step = &lesson.steps[session->step - 1];
        GtScoreTarget target = { lesson.id, session->step, step, step->technique,
                                 gt_library_view(session->library, step->view), lesson.level };
        GtScoreCard card;
        gt_score_attempt(&target, &draft->recording, &card);
        draft->total = card.total;
        if (card.verdict != GT_VERDICT_SCORED)
            snprintf(draft->problem, sizeof draft->problem, "This performance is not a demonstration: %s",
                     card.verdict_reason);
        else if (card.total < GT_RECORD_PASS)
            snprintf(draft->problem, sizeof draft->problem, "This performance scores %.0f against the step it would "
                     "make; a demonstration must score %d or more. Record it again, steadier.", card.total,
                     GT_RECORD_PASS);
    }
    gt_diag_free(&diag);
    gt_arena_free(&arena);
}

/* Builds the draft from the last attempt; the problem, if any, is in the draft. */
static GtRecordingDraft *make_draft(const GtSession *session) {
    GtRecordingDraft *draft = calloc(1, sizeof *draft);
    if (!draft) return NULL;
    const GtLesson *lesson = session->lesson;
    snprintf(draft->lesson_path, sizeof draft->lesson_path, "%s", lesson->file);
    snprintf(draft->demo_relative, sizeof draft->demo_relative, "demos/%s-%d.json", lesson->id, session->step);
    const char *slash = strrchr(lesson->file, '/');
    snprintf(draft->demo_path, sizeof draft->demo_path, "%.*s/%s", slash ? (int)(slash - lesson->file) : 1,
             slash ? lesson->file : ".", draft->demo_relative);
    gt_replay_init(&draft->recording);
    GtDiag diag;
    gt_diag_init(&diag);
    size_t length = 0;
    if (!gt_replay_copy(&draft->recording, &session->attempt))
        snprintf(draft->problem, sizeof draft->problem, "Out of memory.");
    else if (session->card.verdict != GT_VERDICT_SCORED)
        snprintf(draft->problem, sizeof draft->problem, "This performance is not a demonstration: %s",
                 session->card.verdict_reason);
    else if (!gt_record_derive(gt_session_step(session), &draft->recording, &session->card, &draft->derived))
        snprintf(draft->problem, sizeof draft->problem, "Nothing was traced with pressure; perform the step first.");
    else if (!gt_read_file(lesson->file, &draft->original_text, &length, &diag))
        snprintf(draft->problem, sizeof draft->problem, "Cannot read the lesson file: %s",
                 diag.count ? diag.entries[0].message : lesson->file);
    else {
        draft->lesson_text = gt_lesson_text_with_recording(draft->original_text, length, session->step,
                                                           &draft->derived, draft->demo_relative, draft->problem,
                                                           sizeof draft->problem);
        if (draft->lesson_text) check_draft(session, draft);
    }
    gt_diag_free(&diag);
    return draft;
}

/* Writes the demonstration, the backup and the lesson, each with the lesson file's permissions
 * (a pack is shared: others may read it), and the demos folder searchable where the lesson is
 * readable; false with the reason in `error`. */
static bool write_files(const GtRecordingDraft *draft, char *error, size_t size) {
    char folder[4400], backup[4200];
    snprintf(folder, sizeof folder, "%s", draft->demo_path);
    char *slash = strrchr(folder, '/');
    if (slash) *slash = '\0';
    snprintf(backup, sizeof backup, "%s.bak", draft->lesson_path);
    struct stat lesson;
    unsigned mode = stat(draft->lesson_path, &lesson) == 0 ? (unsigned)(lesson.st_mode & 0666) : 0644;
    unsigned folder_mode = 0700 | mode | ((mode & 0044) >> 2); /* r-- gives r-x */
    char *replay = gt_replay_to_json(&draft->recording);
    bool ok = replay && gt_storage_make_dirs(folder, error, size);
    if (ok && chmod(folder, folder_mode) != 0) snprintf(error, size, "cannot set the permissions of %s", folder), ok = false;
    ok = ok && gt_storage_write_atomic_mode(draft->demo_path, replay, strlen(replay), mode, error, size) &&
         gt_storage_write_atomic_mode(backup, draft->original_text, strlen(draft->original_text), mode, error, size) &&
         gt_storage_write_atomic_mode(draft->lesson_path, draft->lesson_text, strlen(draft->lesson_text), mode, error,
                                      size);
    if (!replay) snprintf(error, size, "out of memory");
    free(replay);
    return ok;
}

bool gt_session_record_act(GtSession *session, int action, Uint32 at_ms) {
    (void)at_ms;
    if (action == GT_ACT_BACK) {
        gt_session_record_close(session);
        session->screen = GT_SCREEN_RESULT;
        return true;
    }
    if (action == GT_ACT_KEEP_DEMO) {
        gt_session_record_close(session);
        session->draft = make_draft(session);
        if (!session->draft) return false;
        session->screen = GT_SCREEN_RECORDED;
        return true;
    }
    char error[512] = "";
    GtRecordingDraft *draft = session->draft;
    if (!write_files(draft, error, sizeof error)) {
        snprintf(draft->problem, sizeof draft->problem, "Not saved: %s", error);
        fprintf(stderr, "guidedtouch: the demonstration was not saved: %s\n", error);
        return true;
    }
    snprintf(session->news, sizeof session->news, "Saved the demonstration of step %d in %s; the lesson's "
             "previous text is in %s.bak.", session->step, draft->demo_path, draft->lesson_path);
    gt_session_record_close(session);
    gt_session_discard_attempt(session);
    session->screen = GT_SCREEN_INTRO;
    return true;
}
