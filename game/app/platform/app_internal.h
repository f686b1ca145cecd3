/* Internal to the trainer: its state, shared by the main loop and the screens. */
#ifndef GT_APP_INTERNAL_H
#define GT_APP_INTERNAL_H

#include <SDL.h>
#include <stdbool.h>
#include "audio.h"
#include "bodyview.h"
#include "gt_score.h"
#include "input.h"
#include "library.h"
#include "live_safety.h"
#include "progress.h"
#include "script.h"
#include "ui.h"

typedef enum GtScreenId {
    GT_SCREEN_HOME, GT_SCREEN_INTRO, GT_SCREEN_DEMO, GT_SCREEN_PRACTICE, GT_SCREEN_RESULT, GT_SCREEN_SUMMARY
} GtScreenId;

typedef enum GtMode { GT_MODE_LEARN, GT_MODE_PRACTICE, GT_MODE_EXAM, GT_MODE_COUNT } GtMode;

enum { GT_MAX_STEPS = 30, GT_HINT_AFTER_MISSES = 3 };

typedef struct GtAppOptions {
    int width, height;          /* window size in points */
    bool fullscreen;
    bool mute;
    const char *script;         /* input script, or NULL */
    const char *screenshot;     /* PNG written from the last frame, or NULL */
    int frames;                 /* run this many frames then exit; 0 = until closed */
    const char *card_out;       /* write each shown score card here as JSON, or NULL */
    const char *lesson;         /* open this lesson straight away, or NULL */
    int step;                   /* with lesson: start at this step (1-based) */
    GtMode mode;
} GtAppOptions;

/* Buttons: what a press does. */
typedef enum GtAction {
    GT_ACT_NONE = -1, GT_ACT_BACK = 1, GT_ACT_START, GT_ACT_REPLAY_DEMO, GT_ACT_PRACTISE, GT_ACT_DONE,
    GT_ACT_RESTART, GT_ACT_RETRY, GT_ACT_NEXT, GT_ACT_WATCH, GT_ACT_HOME, GT_ACT_WATCH_DEMO,
    GT_ACT_MODE_LEARN, GT_ACT_MODE_PRACTICE, GT_ACT_MODE_EXAM, GT_ACT_MUTE,
    GT_ACT_SCROLL_UP, GT_ACT_SCROLL_DOWN,
    GT_ACT_LESSON_BASE = 1000   /* + lesson index */
} GtAction;

typedef struct GtApp {
    GtAppOptions options;
    const char *data_dir;
    char assets_dir[768];
    SDL_Window *window;
    SDL_Renderer *renderer;
    int window_w, window_h;     /* points */
    int output_w, output_h;     /* pixels */
    GtUi ui;
    GtLibrary library;
    GtBodyView views[GT_VIEW_COUNT];
    GtInput *input;
    GtScript *script;
    GtAudio audio;
    GtProgress progress;

    GtScreenId screen;
    GtMode mode;
    const GtLesson *lesson;
    int step;                           /* 1-based, 0 when no lesson */
    GtReplay reference;                 /* the step's demonstration */
    bool has_reference;
    Uint32 demo_start_ms;
    GtReplay attempt;                   /* the last finished attempt */
    bool has_attempt;
    GtScoreCard card;
    bool has_card;
    char attempt_path[768];             /* where the attempt was saved, or "" */
    char save_error[256];
    int misses;                         /* failed attempts at the current step */
    double step_best[GT_MAX_STEPS];     /* total of the best attempt per step in this run, -1 = not done */
    bool step_passed[GT_MAX_STEPS];     /* ... whether it passed (a pass beats any higher total that failed) */
    char step_grade[GT_MAX_STEPS][2];   /* ... and its grade as the card gave it ("F" when unsafe) */
    char warning_key[128];              /* the live warnings showing (kinds and places), for the log */
    bool watching;                      /* result screen replays the attempt over the reference */
    Uint32 watch_start_ms;
    Uint32 next_beat_ms;                /* metronome */
    Uint32 beat_flash_until_ms;
    int home_scroll;                    /* first lesson row shown */
    int home_rows;                      /* rows that fit */

    SDL_Rect header, body_area, panel;  /* layout of the current frame, output pixels */
    SDL_Rect slider;                    /* the pressure gauge, which touch users hold as a slider */
    bool portrait;
    bool running;
    bool dirty;                         /* something changed: draw a frame */
    bool virtual_clock;                 /* scripted or --frames run: time is clock_ms, moved by the loop */
    Uint32 clock_ms;                    /* the virtual clock, ms (unused on the real clock) */
} GtApp;

/* app_screens.c: drawing and actions for every screen. */
void gt_app_layout(GtApp *app);
/* Shows the current step's part of the body (or the whole body off a step) at the current size. */
void gt_app_prepare_view(GtApp *app);
void gt_app_draw(GtApp *app, Uint32 now_ms);
void gt_app_act(GtApp *app, int action, Uint32 now_ms);
/* Opens a lesson at a step on the screen the mode starts with. */
void gt_app_open_step(GtApp *app, const GtLesson *lesson, int step, Uint32 now_ms);
/* True while something on screen moves by itself (demo playback, metronome, replays). */
bool gt_app_animating(const GtApp *app, Uint32 now_ms);
/* Per-frame updates that do not depend on events (metronome clicks). */
void gt_app_update(GtApp *app, Uint32 now_ms);

/* app_step.c: the screens of one step. */
void gt_app_draw_demo(GtApp *app, Uint32 now_ms);
void gt_app_draw_practice(GtApp *app, Uint32 now_ms);
/* Starts an attempt at the current step (practice screen). */
void gt_app_begin_practice(GtApp *app, Uint32 now_ms);
/* Ends the attempt, scores it, saves the replay and the marks, and shows the result. */
void gt_app_finish_attempt(GtApp *app, Uint32 now_ms);
/* The current step, or NULL. */
const GtStep *gt_app_step(const GtApp *app);
/* Draws the top bar with a title and, unless on the home screen, a back button. */
void gt_app_draw_header(GtApp *app, const char *title, const char *subtitle);
/* Pressure words for a band: "light to moderate (2-5)". */
void gt_app_band_words(GtRange band, char *buffer, size_t size);
/* The body with the step's region, places to avoid and (unless hidden) its guide, clipped to
 * the view (the caller lifts the clip); `phase` animates the guide. */
GtBodyView *gt_app_draw_step_body(GtApp *app, bool show_guide, double phase);
/* The step's title and subtitle in the header; `what` names the screen ("result"). */
void gt_app_step_header(GtApp *app, const char *what);

/* app_result.c: the result screen. */
void gt_app_draw_result(GtApp *app, Uint32 now_ms);
/* A card's total as the screen shows it: one decimal, rounded, unless rounding would put it on
 * the other side of the pass mark or a grade boundary than the total itself (64.96 beside a
 * pass mark of 65), in which case it is cut, not rounded (64.9); more decimals only for a pass
 * mark that needs them. Never fails; the text is cut to `size`. */
void gt_app_format_total(double total, double pass_mark, char *buffer, size_t size);
/* The line beside the total: "Passed (pass mark 65)", "Not yet: pass mark 65", "Not passed:
 * unsafe", "Not passed: not this step". */
void gt_app_result_status(const GtScoreCard *card, char *buffer, size_t size);

enum { GT_NOTE_LINES_MAX = GT_SAFETY_MAX };
typedef enum GtNoteKind { GT_NOTE_UNSAFE, GT_NOTE_NOT_THIS_STEP, GT_NOTE_CAPPED, GT_NOTE_SHORT } GtNoteKind;
/* One part of a verdict the result screen spells out: a title and lines under it. */
typedef struct GtResultNote {
    GtNoteKind kind;
    char title[GT_FEEDBACK_MAX + 32];              /* "Unsafe — not passed", "Grade capped at B: ..." */
    char lines[GT_NOTE_LINES_MAX][GT_FEEDBACK_MAX]; /* safety messages, the reason; may be none */
    size_t line_count;
} GtResultNote;
enum { GT_RESULT_NOTES_MAX = 4 };
/* What a card says beyond its criteria, most serious first: unsafe (each safety entry's
 * message), not this step (the reason; any other failing verdict is named from the engine's
 * word for it, with its reason), the grade cap (its reason), and a shortfall in the work asked
 * for (the completion feedback). Returns how many notes it wrote (at most
 * GT_RESULT_NOTES_MAX); none for a plain scored card. */
size_t gt_app_result_notes(const GtScoreCard *card, GtResultNote *notes);

/* app_warning.c: the live safety warning on the practice screen. */
/* The warnings that show now: the engine's safety questions asked of the attempt as recorded
 * (live_safety), plus, while no hand is down, a warning that the level set is already unsafe.
 * None off the practice screen or without an attempt. Returns out->count. */
size_t gt_app_live_safety(const GtApp *app, Uint32 now_ms, const GtInputLive *live, GtLiveSafety *out);
/* Marks on the body each place a warning names (hatched, outlined, labelled). */
void gt_app_mark_warned_zones(GtApp *app, GtBodyView *view, const GtLiveSafety *safety);
/* Draws the warnings as a banner (warning sign plus words, in a thick frame) at (x, y), w wide;
 * returns its height, 0 when there is no warning. */
int gt_app_draw_warnings(GtApp *app, const GtLiveSafety *safety, int x, int y, int w);
/* Writes "guidedtouch: warning shown: <text>" to stderr once for each warning as it appears
 * (not again while it stays), so a kiosk log and a test can see what the student was told. */
void gt_app_log_warnings(GtApp *app, const GtLiveSafety *safety);

#endif
