/* session: the trainer's state machine, apart from drawing. It knows which screen shows, the
 * lesson, step and mode, the attempt being recorded and the last one finished with its card,
 * the misses that bring a hint, the best of each step in this run, and what every action does
 * to all of that. It draws nothing and reads no SDL events: the screens draw its state and turn
 * presses into GtAction values, and the loop hands each action to gt_session_act with the time
 * of the event that caused it (never the time it got round to it).
 *
 * Ownership: see platform/app_state.h for who owns the trainer's state. Only gt_session_*
 * functions change a session; everything else reads it through a const pointer. A session's
 * own memory is the step's demonstration, the last attempt and its card, and what "My progress"
 * read (gt_session_free releases them); the library, input recorder and progress store are borrowed. */
#ifndef GT_SESSION_H
#define GT_SESSION_H

#include <SDL.h>
#include <stdbool.h>
#include "config.h"
#include "gt_score.h"
#include "input.h"
#include "pin.h"
#include "library.h"
#include "progress.h"
#include "progress_db.h"
#include "students.h"

typedef enum GtScreenId {
    GT_SCREEN_HOME, GT_SCREEN_INTRO, GT_SCREEN_DEMO, GT_SCREEN_PRACTICE, GT_SCREEN_RESULT, GT_SCREEN_SUMMARY,
    GT_SCREEN_STUDENTS,         /* "Who is practising?": pick your name, add one, or be a guest */
    GT_SCREEN_NAME,             /* the on-screen keyboard that adds a student */
    GT_SCREEN_PIN,              /* kiosk: the staff PIN pad (a long press in a corner opens it) */
    GT_SCREEN_STAFF,            /* kiosk: what staff may do once the PIN was right (quit, lessons ...) */
    GT_SCREEN_ATTRACT,          /* kiosk: demonstrations play after the idle sign-out until a touch */
    GT_SCREEN_PROGRESS,         /* "My progress": the signed-in student's charts (progress_session.h) */
    GT_SCREEN_SETTINGS,         /* sound, larger text, high contrast, left-handed, default mode */
    GT_SCREEN_RECORDED,         /* instructor mode: a performance about to become a step's demonstration */
    GT_SCREEN_COUNT
} GtScreenId;

typedef struct GtProgressView GtProgressView; /* progress_session.h */

typedef enum GtMode { GT_MODE_LEARN, GT_MODE_PRACTICE, GT_MODE_EXAM, GT_MODE_COUNT } GtMode;

enum { GT_MAX_STEPS = 30, GT_HINT_AFTER_MISSES = 3, GT_DEMO_SKIP_MS = 10000, GT_NOTICE_MS = 4000,
       GT_PROGRESS_EVERY_MS = 250 };

/* What a press asks for. Buttons and cards carry one; the session decides what it does. */
typedef enum GtAction {
    GT_ACT_NONE = -1, GT_ACT_BACK = 1, GT_ACT_START, GT_ACT_REPLAY_DEMO, GT_ACT_PRACTISE, GT_ACT_DONE,
    GT_ACT_RESTART, GT_ACT_RETRY, GT_ACT_NEXT, GT_ACT_WATCH, GT_ACT_HOME, GT_ACT_WATCH_DEMO,
    GT_ACT_MODE_LEARN, GT_ACT_MODE_PRACTICE, GT_ACT_MODE_EXAM, GT_ACT_MUTE,
    GT_ACT_SCROLL_UP, GT_ACT_SCROLL_DOWN,
    GT_ACT_DISCARD, GT_ACT_KEEP,    /* the practice screen's question: throw the attempt away, or keep at it */
    GT_ACT_DEMO_SKIP,               /* the demonstration jumps GT_DEMO_SKIP_MS forward */
    GT_ACT_STUDENTS,                /* open "Who is practising?" */
    GT_ACT_GUEST,                   /* practise as a guest (nothing is saved) */
    GT_ACT_ADD_STUDENT,             /* open the keyboard to add a name */
    GT_ACT_KEY_BACKSPACE, GT_ACT_KEY_SPACE, GT_ACT_NAME_OK,   /* the keyboard's own keys */
    /* kiosk mode's actions, GT_ACT_STAFF to GT_ACT_WAKE in one run (kiosk_session.c relies on it) */
    GT_ACT_STAFF,                   /* kiosk: a long press in a corner: the PIN pad (the staff menu once unlocked) */
    GT_ACT_PIN_DELETE, GT_ACT_PIN_OK, /* the PIN pad's own keys */
    GT_ACT_QUIT,                    /* the staff menu: close the trainer */
    GT_ACT_STAFF_LESSONS, GT_ACT_STAFF_STUDENTS, GT_ACT_STAFF_LOCK, /* ... the lesson list, the students, lock */
    GT_ACT_WAKE,                    /* a touch on the attract screen */
    GT_ACT_PROGRESS,                /* open "My progress" */
    GT_ACT_PROGRESS_FRONT, GT_ACT_PROGRESS_REAR,  /* its heat map on the front or the back of the body */
    GT_ACT_PROGRESS_UP, GT_ACT_PROGRESS_MORE,     /* its list of techniques scrolls */
    GT_ACT_SETTINGS,                /* open the settings (gt_session_settings_offers says where) */
    GT_ACT_SET_SOUND, GT_ACT_SET_LARGE_TEXT, GT_ACT_SET_HIGH_CONTRAST, GT_ACT_SET_LEFT_HANDED, /* toggles */
    GT_ACT_DEFAULT_LEARN, GT_ACT_DEFAULT_PRACTICE, GT_ACT_DEFAULT_EXAM,  /* the mode a student starts in */
    GT_ACT_KEEP_DEMO, GT_ACT_SAVE_DEMO, /* instructor mode: keep a performance as the step's demonstration */
    GT_ACT_SKIN_TONE, GT_ACT_SKIN_TONE_LAST = GT_ACT_SKIN_TONE + GT_SKIN_TONE_COUNT - 1, /* + a GtSkinTone */
    GT_ACT_LESSON_BASE = 1000,  /* + lesson index in the library */
    GT_ACT_STUDENT_BASE = 3000, /* + index in the session's student list */
    GT_ACT_KEY_BASE = 4000,     /* + the character a key of the on-screen keyboard types (ASCII) */
    GT_ACT_PIN_DIGIT_BASE = 5000, /* + the digit a key of the PIN pad types (0-9) */
    GT_ACT_TECHNIQUE_BASE = 6000  /* + index in the progress screen's list of techniques */
} GtAction;

/* What a student can set on the settings screen (settings_session.h), remembered per student. */
typedef struct GtSettings {
    bool muted;                 /* no metronome click (the pulse still shows) */
    bool large_text;            /* words and touch targets about a third larger */
    bool high_contrast;         /* black on white, primary buttons black with yellow words */
    bool left_handed;           /* the pressure gauge at the panel's left edge */
    GtMode mode;                /* the mode the lesson list starts in */
    GtSkinTone skin_tone;       /* the figure's skin tone */
} GtSettings;

/* What a session is started with. */
typedef struct GtSessionSetup {
    const GtLibrary *library;   /* borrowed: the lessons */
    GtInput *input;             /* borrowed: records attempts */
    GtProgress *progress;       /* borrowed: marks kept between runs; NULL or an empty path: not kept */
    GtMode mode;                /* the mode the lesson list starts in */
    bool muted;                 /* the metronome starts silent */
    const char *card_out;       /* write each card shown here as JSON, or NULL (borrowed) */
    GtProgressDb *db;           /* borrowed: where attempts are saved; NULL when it could not open */
    const char *db_problem;     /* why db is NULL ("the data folder is read-only (PATH)"), or NULL */
    const GtConfig *config;     /* borrowed: kiosk mode, its idle timeout and staff PIN; NULL: no kiosk */
    bool instructor;            /* instructor mode: performances may become demonstrations */
} GtSessionSetup;

/* Kiosk mode's part of the session (kiosk_session.h acts on it). */
typedef struct GtKioskState {
    bool on;                            /* the trainer runs as a kiosk */
    const GtConfig *config;             /* borrowed: the staff PIN's hash and the idle timeout */
    bool staff;                         /* the right PIN was typed: staff until Lock or the idle sign-out */
    GtPinGuard guard;                   /* wrong PINs in a row and when the next try may be made */
    char typed[GT_PIN_MAX_DIGITS + 1];  /* the digits typed on the PIN pad */
    char message[200];                  /* what the PIN pad says ("Wrong PIN ..."), or "" */
    int back_to;                        /* the screen the PIN pad or staff menu returns to (a GtScreenId) */
    bool quit;                          /* staff asked to close the trainer */
    size_t attract_next;                /* the lesson whose demonstration the attract screen plays next */
    Uint32 attract_since_ms;            /* when the attract screen began */
    Uint32 idle_since_ms;               /* when the last input happened (the idle timeout counts from it) */
    struct GtServerSync *server_sync;   /* borrowed: the school server's outbox thread; NULL without a server */
} GtKioskState;

typedef struct GtSession {
    const GtLibrary *library;           /* borrowed */
    GtInput *input;                     /* borrowed */
    GtProgress *progress;               /* borrowed, may be NULL */
    const char *card_out;               /* borrowed, may be NULL */

    GtScreenId screen;
    GtMode mode;
    bool muted;                         /* no metronome click (the pulse still shows) */
    const GtLesson *lesson;             /* borrowed from the library; NULL on the lesson list */
    int step;                           /* 1-based; 0 without a lesson */
    GtReplay reference;                 /* the step's demonstration */
    bool has_reference;
    Uint32 demo_start_ms;               /* when the demonstration started playing */
    unsigned attempt_serial;            /* attempts begun so far: a new number is a new attempt */
    Uint32 attempt_start_ms;            /* when the attempt being recorded began */
    GtReplay attempt;                   /* the last finished attempt */
    bool has_attempt;
    GtScoreCard card;                   /* ... and its card */
    bool has_card;
    GtProgressDb *db;                   /* borrowed, may be NULL (then db_problem says why) */
    char db_problem[GT_DB_ERROR_MAX];   /* why there is no database, or "" */
    int64_t student_id;                 /* the student signed in; 0: a guest (nothing is saved) */
    char student_name[GT_STUDENT_NAME_BYTES]; /* ... their name, "" for a guest */
    bool saved;                         /* the last attempt is in the database */
    char saved_id[40];                  /* ... under this UUID, or "" */
    char save_error[GT_DB_ERROR_MAX];   /* why it was not saved (follows "This attempt was not saved: "), or "" */
    char news[768];                     /* something done, not a problem ("Saved the demonstration ..."),
                                           shown until the next action */
    char notice[1024];                  /* a problem to show on every screen until dismissed (configuration,
                                           database), or "" */
    int misses;                         /* failed attempts at the current step */
    double step_best[GT_MAX_STEPS];     /* total of the best attempt per step in this run, -1 = not done */
    bool step_passed[GT_MAX_STEPS];     /* ... whether it passed (a pass beats any higher total that failed) */
    char step_grade[GT_MAX_STEPS][2];   /* ... and its grade as the card gave it ("F" when unsafe) */
    bool watching;                      /* the result screen replays the attempt over the demonstration */
    Uint32 watch_start_ms;
    Uint32 next_beat_ms;                /* the metronome's next beat */
    Uint32 beat_flash_until_ms;         /* the pulse shows until then */
    int confirm_action;                 /* the action waiting on "Discard this attempt?", or GT_ACT_NONE */
    char practice_notice[160];          /* a short message on the practice screen ("Nothing traced yet") ... */
    Uint32 practice_notice_until_ms;    /* ... shown until then */
    GtCompletion live_progress;         /* the work done so far in the attempt being recorded (live counter) */
    Uint32 live_progress_at_ms;         /* when it was last worked out (every GT_PROGRESS_EVERY_MS) */
    GtStudentList students;             /* the names "Who is practising?" offers (read when it opens) */
    char typed_name[GT_STUDENT_NAME_BYTES]; /* what the keyboard has typed so far */
    char name_problem[256];             /* why the typed name was not added, or "" */
    int home_scroll;                    /* first row of lesson cards shown */
    int home_scroll_max;                /* the last first row the list can show (set by its layout) */
    GtKioskState kiosk;                 /* kiosk mode: staff PIN, idle sign-out, attract screen */
    GtProgressView *progress_view;      /* what "My progress" shows, read when it opens (owned); NULL elsewhere */
    int64_t today_ms;                   /* the day "My progress" counts from (Unix ms); 0: the system clock */
    bool large_text, high_contrast, left_handed; /* the settings in force (with muted) ... */
    GtMode default_mode;                /* ... and the mode a sign-in starts the lesson list in */
    GtSettings machine_settings;        /* the configuration's: a guest's, and what a student's start from */
    GtScreenId settings_from;           /* the screen the settings return to (Back) */
    int picker_page;                    /* the page of names "Who is practising?" shows */
    int picker_page_max;                /* ... and its last page (set by its layout) */
    bool instructor;                    /* instructor mode (record_session.h) */
    struct GtRecordingDraft *draft;     /* the performance being kept as a demonstration (owned), or NULL */
    GtSkinTone skin_tone;               /* the figure's skin tone in force (one of the settings) */
} GtSession;

/* Starts a session on the lesson list. Never fails. */
void gt_session_init(GtSession *session, const GtSessionSetup *setup);

/* Releases the demonstration, the last attempt and any attempt still being recorded. */
void gt_session_free(GtSession *session);

/* Opens lesson `lesson_id` at `step` (1-based) on the screen its mode starts with (the
 * demonstration in learn mode, else practice), as if chosen at `at_ms`. False, with the session
 * unchanged, when there is no such lesson or step. */
bool gt_session_open(GtSession *session, const char *lesson_id, int step, Uint32 at_ms);

/* Does what `action` asks, as of `at_ms` (the time of the event that caused it): changes
 * screen, starts or ends an attempt (ending one scores it, saves the replay, the card when
 * asked for, and the marks), and so on. An action the current screen does not offer is
 * ignored. Returns true when anything changed. An attempt is saved in the database for the
 * student signed in (gt_attempts_save); `saved` says whether it was, and when not, save_error
 * says why (a guest, no database, a full disk ...), also on stderr; the session goes on. */
bool gt_session_act(GtSession *session, int action, Uint32 at_ms);

/* True when `action` means something on the screen showing now. */
bool gt_session_offers(const GtSession *session, int action);

/* The current step, or NULL off a lesson. */
const GtStep *gt_session_step(const GtSession *session);

/* True while an attempt is being recorded. */
bool gt_session_recording(const GtSession *session);

/* True when the hint shows: enough misses at this step, outside exam mode. */
bool gt_session_hint_due(const GtSession *session);

/* True while something on screen moves by itself at `now_ms` (demonstration, the replay of an
 * attempt); practice's beats are timers, not animation. */
bool gt_session_animating(const GtSession *session, Uint32 now_ms);

/* Ends the running attempt when it has reached a replay limit (gt_replay.h: an hour, 4096
 * presses, a million samples), scores it as it stood and says so in the notice; true when it
 * did (the screen changed to the result). */
bool gt_session_end_full_attempt(GtSession *session);

/* True while a rhythm step's beat shows its flash (an attempt records and the pulse is due). */
bool gt_session_beat_flashing(const GtSession *session, Uint32 now_ms);

/* True while a rhythm step's beat runs: practice on a step with a tempo, recording. */
bool gt_session_beat_running(const GtSession *session);

/* Moves the metronome on to `now_ms` and, at most every GT_PROGRESS_EVERY_MS while an attempt
 * records, has the engine count the work done so far (live_progress: strokes, circles,
 * taps, holds or seconds against the step's target). Returns true when a beat falls now and
 * should be heard (never while muted); the pulse shows either way. */
bool gt_session_update(GtSession *session, Uint32 now_ms);

/* Stops recording and throws the attempt away (and any question about it); nothing else when
 * none is being recorded. */
void gt_session_discard_attempt(GtSession *session);

/* Loads the current step's demonstration into session->reference: the lesson's recording, or
 * a synthesised one when there is none. has_reference says whether either worked; the loader's
 * messages go to stderr. */
void gt_session_load_reference(GtSession *session);

/* Signs `student_id` (> 0, named `name`) in, or signs out to a guest (0): the lesson list's
 * marks become that student's (gt_query_marks; a guest has none) and their attempts are saved
 * from now on, and what "My progress" had read is let go; the settings become the student's
 * remembered ones (a guest gets the machine's). A failure to read the marks or settings is put
 * in `notice`; the sign-in still happens. */
void gt_session_sign_in(GtSession *session, int64_t student_id, const char *name);

/* The pressure level every attempt at `step` starts from: 0 for holds (a hold ramps in from
 * nothing and out to nothing), the middle of the step's band for every other technique (the
 * student starts inside the band and sees it marked). 0 for NULL. */
double gt_session_start_level(const GtStep *step);

/* True while the practice screen's notice (e.g. "Nothing traced yet") shows at `now_ms`. */
bool gt_session_practice_notice_showing(const GtSession *session, Uint32 now_ms);

/* Tells the session how far the list showing can scroll (>= 0: the last first row of the lesson
 * list or the techniques of "My progress"; the student picker's last page) and keeps the scroll
 * inside it. */
void gt_session_set_scroll_limit(GtSession *session, int max_first_row);

#endif
