/* session: the trainer's state machine (see session.h). */
#include "session.h"
#include "kiosk_session.h"
#include "students_session.h"
#include "progress_session.h"
#include "settings_session.h"
#include "record_session.h"

#include "gt_demo.h"
#include "gt_motion.h"
#include "scorecard_write.h"
#include "attempts.h"
#include "progress_query.h"
#include "storage.h"
#include "server_sync.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gt_session_init(GtSession *session, const GtSessionSetup *setup) {
    memset(session, 0, sizeof *session);
    session->library = setup->library;
    session->input = setup->input;
    session->progress = setup->progress;
    session->card_out = setup->card_out;
    session->mode = setup->mode;
    session->muted = setup->muted;
    session->db = setup->db;
    snprintf(session->db_problem, sizeof session->db_problem, "%s", setup->db_problem ? setup->db_problem : "");
    session->screen = GT_SCREEN_HOME;
    session->confirm_action = GT_ACT_NONE;
    for (int i = 0; i < GT_MAX_STEPS; i++) session->step_best[i] = -1;
    session->kiosk.on = setup->config && setup->config->kiosk;
    session->kiosk.config = setup->config;
    session->instructor = setup->instructor;
    session->kiosk.back_to = GT_SCREEN_HOME;
    const GtConfig *config = setup->config;
    session->machine_settings = (GtSettings){ setup->muted, config && config->large_text,
                                              config && config->high_contrast, config && config->left_handed,
                                              setup->mode, config ? config->skin_tone : GT_SKIN_TONE_LIGHT };
    gt_session_settings_use(session, &session->machine_settings);
}

void gt_session_discard_attempt(GtSession *session) {
    GtReplay discarded;
    session->confirm_action = GT_ACT_NONE;
    if (session->input && gt_input_end_attempt(session->input, &discarded)) gt_replay_free(&discarded);
}

void gt_session_free(GtSession *session) {
    gt_session_discard_attempt(session);
    gt_session_record_close(session);
    gt_student_list_free(&session->students);
    gt_session_progress_close(session);
    if (session->has_reference) gt_replay_free(&session->reference);
    if (session->has_attempt) gt_replay_free(&session->attempt);
    session->has_reference = session->has_attempt = session->has_card = false;
}

const GtStep *gt_session_step(const GtSession *session) {
    return session->lesson && session->step >= 1 && (size_t)session->step <= session->lesson->step_count
               ? &session->lesson->steps[session->step - 1] : NULL;
}

bool gt_session_recording(const GtSession *session) {
    return session->input && gt_input_recording(session->input);
}

bool gt_session_hint_due(const GtSession *session) {
    return session->misses >= GT_HINT_AFTER_MISSES && session->mode != GT_MODE_EXAM;
}

/* Forgets the marks of this run (a new lesson starts with none). */
static void forget_run(GtSession *session) {
    for (int i = 0; i < GT_MAX_STEPS; i++) {
        session->step_best[i] = -1;
        session->step_passed[i] = false;
        session->step_grade[i][0] = '\0';
    }
}

void gt_session_load_reference(GtSession *session) {
    if (session->has_reference) gt_replay_free(&session->reference);
    session->has_reference = false;
    const GtStep *step = gt_session_step(session);
    if (!step) return;
    GtDiag diag;
    gt_diag_init(&diag);
    session->has_reference = gt_library_reference_replay(session->library, session->lesson, session->step, &diag,
                                                         &session->reference);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    if (!session->has_reference)
        session->has_reference = gt_demo_synthesise(session->lesson->id, session->step, step,
                                                    gt_library_view(session->library, step->view),
                                                    &session->reference);
}

double gt_session_start_level(const GtStep *step) {
    if (!step || !step->technique) return 0.0;
    return step->technique->pattern == GT_PATTERN_HOLD ? 0.0 : gt_band_mid(step->technique->pressure_level);
}

bool gt_session_practice_notice_showing(const GtSession *session, Uint32 now_ms) {
    return session->screen == GT_SCREEN_PRACTICE && session->practice_notice[0] &&
           (Sint32)(now_ms - session->practice_notice_until_ms) < 0;
}

/* Starts an attempt at the current step at `at_ms` from the step's starting level (nothing is
 * carried over from the last step) and shows the practice screen. Nothing happens off a step. */
static void begin_practice(GtSession *session, Uint32 at_ms) {
    const GtStep *step = gt_session_step(session);
    if (!step) return;
    gt_input_begin_attempt(session->input, session->lesson->id, session->step, step->technique_id, step->view, at_ms);
    gt_input_set_level(session->input, gt_session_start_level(step), GT_PRESSURE_NONE);
    session->confirm_action = GT_ACT_NONE;
    session->practice_notice[0] = '\0';
    memset(&session->live_progress, 0, sizeof session->live_progress);
    /* due at once: the counter ("0 of 4 strokes done") shows in the frame that starts the attempt,
     * not after a frame the idle trainer may never draw */
    session->live_progress_at_ms = at_ms - GT_PROGRESS_EVERY_MS;
    session->screen = GT_SCREEN_PRACTICE;
    session->attempt_serial++;
    session->attempt_start_ms = at_ms;
    session->next_beat_ms = at_ms;
    session->watching = false;
}

/* Shows the demonstration from its start at `at_ms`, throwing away any attempt running. */
static void show_demo(GtSession *session, Uint32 at_ms) {
    gt_session_discard_attempt(session);
    session->screen = GT_SCREEN_DEMO;
    session->demo_start_ms = at_ms;
}

/* Opens a step of a lesson on the screen the mode starts with. */
static void open_step(GtSession *session, const GtLesson *lesson, int step, Uint32 at_ms) {
    if (session->lesson != lesson) forget_run(session);
    gt_session_discard_attempt(session);
    session->lesson = lesson;
    session->step = step;
    session->misses = 0;
    session->has_card = false;
    session->watching = false;
    gt_session_load_reference(session);
    if (session->mode == GT_MODE_LEARN) show_demo(session, at_ms);
    else begin_practice(session, at_ms);
}

bool gt_session_open(GtSession *session, const char *lesson_id, int step, Uint32 at_ms) {
    const GtLesson *lesson = lesson_id ? gt_library_lesson(session->library, lesson_id) : NULL;
    if (!lesson || step < 1 || (size_t)step > lesson->step_count) return false;
    open_step(session, lesson, step, at_ms);
    return true;
}

/* Remembers the card as the step's best in this run when it passed and the best did not, or
 * when it passed alike with a higher total. */
static void keep_if_best(GtSession *session, const GtScoreCard *card) {
    if (session->step < 1 || session->step > GT_MAX_STEPS) return;
    int i = session->step - 1;
    bool first = session->step_best[i] < 0, better = card->passed && !session->step_passed[i];
    bool alike = card->passed == session->step_passed[i] && card->total > session->step_best[i];
    if (!first && !better && !alike) return;
    session->step_best[i] = card->total;
    session->step_passed[i] = card->passed;
    snprintf(session->step_grade[i], sizeof session->step_grade[i], "%s", card->grade);
}

/* Saves the attempt in the database for the student signed in, as one unit. `saved` says
 * whether it was; when not, save_error says why (a guest, no database, the database's trouble)
 * and stderr gets a copy. The attempt's Unix times end now and span its samples. */
static void save_to_database(GtSession *session) {
    session->saved = false;
    session->saved_id[0] = session->save_error[0] = '\0';
    if (!session->db) {
        snprintf(session->save_error, sizeof session->save_error, "%s",
                 session->db_problem[0] ? session->db_problem : "the progress database is not open");
    } else if (session->student_id <= 0) {
        snprintf(session->save_error, sizeof session->save_error,
                 "you are practising as a guest (pick your name on the home screen to keep your work)");
        return;
    } else {
        double first = 0, last = 0;
        int64_t finished = gt_progress_db_now_ms();
        int64_t span = gt_replay_time_span(&session->attempt, &first, &last) ? (int64_t)(last - first) : 0;
        GtAttemptSave save = { session->student_id, &session->card, &session->attempt, finished - span, finished };
        char id[GT_UUID_TEXT];
        session->saved = gt_attempts_save(session->db, &save, id, session->save_error, sizeof session->save_error);
        if (session->saved) snprintf(session->saved_id, sizeof session->saved_id, "%s", id);
        if (session->saved) gt_server_sync_nudge(session->kiosk.server_sync); /* off to the school server */
    }
    if (!session->saved) fprintf(stderr, "guidedtouch: This attempt was not saved: %s\n", session->save_error);
}

/* Saves what an attempt leaves behind: the attempt in the database, the card (when asked for)
 * and, once saved, the marks the lesson list shows. Each failure is said on stderr (and the
 * attempt's in save_error); the others still happen. */
static void save_attempt(GtSession *session) {
    save_to_database(session);
    char error[256];
    char *card_json = session->card_out ? gt_scorecard_to_json(&session->card) : NULL;
    if (card_json && !gt_storage_write_atomic(session->card_out, card_json, strlen(card_json), error, sizeof error))
        fprintf(stderr, "guidedtouch: score card not written: %s\n", error);
    free(card_json);
    /* an attempt that failed outright (unsafe, not this step) is no mark to keep, however high its total */
    double mark = session->card.verdict == GT_VERDICT_SCORED ? session->card.total : 0.0;
    if (session->saved && session->progress)
        gt_progress_record(session->progress, session->lesson->id, session->step, mark, session->card.passed, error,
                           sizeof error); /* in memory only: the database has it */
}

void gt_session_sign_in(GtSession *session, int64_t student_id, const char *name) {
    gt_session_progress_close(session); /* one student's figures never outlive their sign-in (idle sign-out) */
    session->student_id = student_id > 0 ? student_id : 0;
    snprintf(session->student_name, sizeof session->student_name, "%s", student_id > 0 && name ? name : "");
    gt_session_settings_restore(session);
    if (!session->progress) return;
    gt_progress_free(session->progress);
    memset(session->progress, 0, sizeof *session->progress);
    char error[GT_DB_ERROR_MAX];
    if (session->student_id && session->db &&
        !gt_query_marks(session->db, session->student_id, session->progress, error, sizeof error)) {
        snprintf(session->notice, sizeof session->notice, "Your marks could not be read: %s", error);
        fprintf(stderr, "guidedtouch: %s\n", session->notice);
    }
}

/* Ends the attempt, has the engine score it, saves it and shows the result. Nothing happens
 * when no attempt is being recorded. */
static void finish_attempt(GtSession *session) {
    const GtStep *step = gt_session_step(session);
    GtReplay attempt;
    session->confirm_action = GT_ACT_NONE;
    if (!step || !gt_input_end_attempt(session->input, &attempt)) return;
    if (session->has_attempt) gt_replay_free(&session->attempt);
    session->attempt = attempt;
    session->has_attempt = true;
    GtScoreTarget target = { session->lesson->id, session->step, step, step->technique,
                             gt_library_view(session->library, step->view), session->lesson->level };
    gt_score_attempt(&target, &session->attempt, &session->card);
    session->has_card = true;
    save_attempt(session);
    keep_if_best(session, &session->card);
    if (!session->card.passed) session->misses++;
    session->screen = GT_SCREEN_RESULT;
    session->watching = false;
}

bool gt_session_offers(const GtSession *session, int action) {
    GtScreenId s = session->screen;
    int kiosk = gt_session_kiosk_offers(session, action);
    if (kiosk >= 0) return kiosk;
    int progress = gt_session_progress_offers(session, action);
    if (progress >= 0) return progress;
    int students = gt_session_students_offers(session, action);
    if (students >= 0) return students;
    int settings = gt_session_settings_offers(session, action);
    if (settings >= 0) return settings;
    int record = gt_session_record_offers(session, action);
    if (record >= 0) return record;
    if (action >= GT_ACT_LESSON_BASE)
        return s == GT_SCREEN_HOME && (size_t)(action - GT_ACT_LESSON_BASE) < session->library->lesson_count;
    if (session->confirm_action != GT_ACT_NONE) /* the question waits for its answer */
        return action == GT_ACT_DISCARD || action == GT_ACT_KEEP || action == GT_ACT_BACK || action == GT_ACT_MUTE;
    switch (action) {
    case GT_ACT_MUTE:
    case GT_ACT_HOME: return true;
    case GT_ACT_BACK: return s != GT_SCREEN_HOME;
    case GT_ACT_MODE_LEARN:
    case GT_ACT_MODE_PRACTICE:
    case GT_ACT_MODE_EXAM:
    case GT_ACT_SCROLL_UP:
    case GT_ACT_SCROLL_DOWN: return s == GT_SCREEN_HOME;
    case GT_ACT_START: return s == GT_SCREEN_INTRO;
    case GT_ACT_REPLAY_DEMO:
    case GT_ACT_DEMO_SKIP:
    case GT_ACT_PRACTISE: return s == GT_SCREEN_DEMO;
    case GT_ACT_WATCH_DEMO: return s == GT_SCREEN_PRACTICE && session->mode == GT_MODE_LEARN;
    case GT_ACT_RESTART:
    case GT_ACT_DONE: return s == GT_SCREEN_PRACTICE;
    case GT_ACT_WATCH:
    case GT_ACT_NEXT: return s == GT_SCREEN_RESULT;
    case GT_ACT_RETRY: return s == GT_SCREEN_RESULT || s == GT_SCREEN_SUMMARY;
    default: return false;
    }
}

/* Back: the lesson list from a lesson's intro or summary, the demonstration from practice in
 * learn mode, otherwise the lesson's intro. Any attempt running is thrown away. */
static void go_back(GtSession *session, Uint32 at_ms) {
    gt_session_discard_attempt(session);
    if (session->screen == GT_SCREEN_INTRO || session->screen == GT_SCREEN_SUMMARY) {
        session->screen = GT_SCREEN_HOME;
        session->lesson = NULL;
        session->step = 0;
    } else if (session->screen == GT_SCREEN_PRACTICE && session->mode == GT_MODE_LEARN) {
        show_demo(session, at_ms);
    } else {
        session->screen = GT_SCREEN_INTRO;
    }
}

/* The lesson list's actions: choose a lesson, a mode, or scroll. Returns whether anything changed. */
static bool act_on_list(GtSession *session, int action) {
    if (action >= GT_ACT_LESSON_BASE) {
        forget_run(session);
        session->lesson = &session->library->lessons[action - GT_ACT_LESSON_BASE];
        session->step = 1;
        session->screen = GT_SCREEN_INTRO;
        return true;
    }
    int scroll = session->home_scroll;
    switch (action) {
    case GT_ACT_MODE_LEARN:
    case GT_ACT_MODE_PRACTICE:
    case GT_ACT_MODE_EXAM:
        if (session->mode == (GtMode)(action - GT_ACT_MODE_LEARN)) return false;
        session->mode = (GtMode)(action - GT_ACT_MODE_LEARN);
        return true;
    case GT_ACT_SCROLL_UP: scroll--; break;
    case GT_ACT_SCROLL_DOWN: scroll++; break;
    default: return false;
    }
    if (scroll > session->home_scroll_max) scroll = session->home_scroll_max;
    if (scroll < 0) scroll = 0;
    if (scroll == session->home_scroll) return false;
    session->home_scroll = scroll;
    return true;
}

/* True when leaving the practice screen now would throw away something traced. */
static bool attempt_has_work(const GtSession *session) {
    const GtReplay *attempt = session->input ? gt_input_attempt(session->input) : NULL;
    return session->screen == GT_SCREEN_PRACTICE && attempt && attempt->contact_count > 0;
}

/* The practice screen's own answers: Done with nothing traced says so and saves nothing; Back
 * and Watch demo with something traced ask first; Discard does what was asked, Keep (or Back
 * again) closes the question. Returns true when it handled `action` (*changed says whether anything changed). */
static bool act_on_attempt(GtSession *session, int action, Uint32 at_ms, bool *changed) {
    *changed = true;
    if (action == GT_ACT_DONE && session->screen == GT_SCREEN_PRACTICE && !attempt_has_work(session)) {
        snprintf(session->practice_notice, sizeof session->practice_notice,
                 "Nothing traced yet: trace the guide on the body, then press Done.");
        session->practice_notice_until_ms = at_ms + GT_NOTICE_MS;
        return true;
    }
    if (action == GT_ACT_BACK && session->confirm_action != GT_ACT_NONE) action = GT_ACT_KEEP; /* Back, Esc: stay */
    if ((action == GT_ACT_BACK || action == GT_ACT_WATCH_DEMO) && attempt_has_work(session)) {
        session->confirm_action = action;
        return true;
    }
    if (action == GT_ACT_KEEP) {
        session->confirm_action = GT_ACT_NONE;
        return true;
    }
    if (action == GT_ACT_DISCARD) {
        int asked = session->confirm_action;
        gt_session_discard_attempt(session);
        if (asked == GT_ACT_BACK) go_back(session, at_ms);
        else show_demo(session, at_ms);
        return true;
    }
    if (action == GT_ACT_DEMO_SKIP) {
        double first = 0, last = 0;
        if (!session->has_reference || !gt_replay_time_span(&session->reference, &first, &last)) return (*changed = false, true);
        double shown = (double)(Sint32)(at_ms - session->demo_start_ms), to = fmin(last, shown + GT_DEMO_SKIP_MS);
        *changed = to > shown;
        if (*changed) session->demo_start_ms = at_ms - (Uint32)lround(fmax(0.0, to));
        return true;
    }
    return false;
}

bool gt_session_act(GtSession *session, int action, Uint32 at_ms) {
    if (!gt_session_offers(session, action)) return false;
    session->news[0] = '\0'; /* what was done last is old news once anything else is done */
    if (gt_session_kiosk_offers(session, action) > 0) return gt_session_kiosk_act(session, action, at_ms);
    if (gt_session_progress_offers(session, action) > 0) return gt_session_progress_act(session, action);
    if (gt_session_students_offers(session, action) > 0) return gt_session_students_act(session, action);
    if (gt_session_settings_offers(session, action) > 0) return gt_session_settings_act(session, action);
    if (gt_session_record_offers(session, action) > 0) return gt_session_record_act(session, action, at_ms);
    bool changed = false;
    if (act_on_attempt(session, action, at_ms, &changed)) return changed;
    if (action >= GT_ACT_LESSON_BASE || action == GT_ACT_MODE_LEARN || action == GT_ACT_MODE_PRACTICE ||
        action == GT_ACT_MODE_EXAM || action == GT_ACT_SCROLL_UP || action == GT_ACT_SCROLL_DOWN)
        return act_on_list(session, action);
    switch (action) {
    case GT_ACT_MUTE:
        session->muted = !session->muted;
        gt_session_settings_save(session); /* the sound is one of the settings remembered */
        break;
    case GT_ACT_HOME:
        if (session->screen == GT_SCREEN_HOME) return false;
        gt_session_discard_attempt(session);
        session->screen = GT_SCREEN_HOME;
        session->lesson = NULL;
        session->step = 0;
        break;
    case GT_ACT_BACK: go_back(session, at_ms); break;
    case GT_ACT_START: open_step(session, session->lesson, 1, at_ms); break;
    case GT_ACT_REPLAY_DEMO:
    case GT_ACT_WATCH_DEMO: show_demo(session, at_ms); break;
    case GT_ACT_PRACTISE:
    case GT_ACT_RESTART: begin_practice(session, at_ms); break;
    case GT_ACT_RETRY:
        if (session->screen == GT_SCREEN_SUMMARY) open_step(session, session->lesson, 1, at_ms);
        else begin_practice(session, at_ms);
        break;
    case GT_ACT_DONE: finish_attempt(session); break;
    case GT_ACT_WATCH:
        session->watching = true;
        session->watch_start_ms = at_ms;
        break;
    case GT_ACT_NEXT:
        if ((size_t)session->step < session->lesson->step_count) open_step(session, session->lesson, session->step + 1, at_ms);
        else session->screen = GT_SCREEN_SUMMARY;
        break;
    default: return false;
    }
    return true;
}

bool gt_session_animating(const GtSession *session, Uint32 now_ms) {
    double first = 0, last = 0;
    if (session->screen == GT_SCREEN_ATTRACT) return gt_session_kiosk_animating(session, now_ms);
    if (session->screen == GT_SCREEN_DEMO && session->has_reference &&
        gt_replay_time_span(&session->reference, &first, &last))
        return now_ms - session->demo_start_ms <= last + 1500;
    if (session->screen == GT_SCREEN_RESULT && session->watching && session->has_attempt &&
        gt_replay_time_span(&session->attempt, &first, &last))
        return now_ms - session->watch_start_ms <= last + 500;
    return false; /* practice's beats are timers of their own (next_beat_ms), not an animation */
}

/* Has the engine grade the attempt so far, for its count of the work done (the live counter),
 * at most every GT_PROGRESS_EVERY_MS of the clock; the count stays as it was otherwise. */
static void update_progress(GtSession *session, Uint32 now_ms) {
    const GtStep *step = gt_session_step(session);
    const GtReplay *attempt = session->input ? gt_input_attempt(session->input) : NULL;
    if (session->screen != GT_SCREEN_PRACTICE || !step || !step->technique || !attempt ||
        (Sint32)(now_ms - session->live_progress_at_ms) < GT_PROGRESS_EVERY_MS)
        return;
    session->live_progress_at_ms = now_ms;
    GtScoreTarget target = { session->lesson->id, session->step, step, step->technique,
                             gt_library_view(session->library, step->view), session->lesson->level };
    GtCompletion done;
    if (gt_score_completion_only(&target, attempt, &done)) session->live_progress = done;
}

bool gt_session_beat_flashing(const GtSession *session, Uint32 now_ms) {
    return gt_session_recording(session) && (Sint32)(now_ms - session->beat_flash_until_ms) < 0;
}

bool gt_session_end_full_attempt(GtSession *session) {
    if (session->screen != GT_SCREEN_PRACTICE || !gt_input_attempt_full(session->input)) return false;
    finish_attempt(session);
    snprintf(session->notice, sizeof session->notice, "This attempt reached the most one attempt can hold (an "
             "hour from the first touch, 4096 presses or a million samples), so it was ended there and scored "
             "as it stood.");
    return true;
}

bool gt_session_beat_running(const GtSession *session) {
    const GtStep *step = gt_session_step(session);
    return session->screen == GT_SCREEN_PRACTICE && step && step->technique && step->technique->has_tempo &&
           gt_session_recording(session);
}

bool gt_session_update(GtSession *session, Uint32 now_ms) {
    update_progress(session, now_ms);
    const GtStep *step = gt_session_step(session);
    if (!gt_session_beat_running(session) || (Sint32)(now_ms - session->next_beat_ms) < 0) return false;
    double period = 60000.0 / gt_band_geometric_mid(step->technique->tempo_per_min);
    if (period < 60.0) period *= ceil(60.0 / period); /* very fast tapping: click on every few taps */
    session->beat_flash_until_ms = now_ms + (Uint32)fmin(120.0, period / 2);
    /* beats keep their own time; after a stall the next one counts from now */
    session->next_beat_ms += (Uint32)lround(period);
    if ((Sint32)(session->next_beat_ms - now_ms) <= 0) session->next_beat_ms = now_ms + (Uint32)lround(period);
    return !session->muted;
}

void gt_session_set_scroll_limit(GtSession *session, int max_first_row) {
    if (session->screen == GT_SCREEN_PROGRESS) {
        gt_session_progress_set_scroll_limit(session, max_first_row);
        return;
    }
    if (session->screen == GT_SCREEN_STUDENTS) {
        gt_session_students_scroll_limit(session, max_first_row);
        return;
    }
    session->home_scroll_max = max_first_row > 0 ? max_first_row : 0;
    if (session->home_scroll > session->home_scroll_max) session->home_scroll = session->home_scroll_max;
    if (session->home_scroll < 0) session->home_scroll = 0;
}
