/* app_state: the trainer's one owner.
 *
 * A GtApp owns everything the trainer has: the window and renderer, the drawing toolkit, the
 * lesson library, the body views, the input recorder and the router that feeds it, the script,
 * the clock, audio, the student's marks, the session (the state machine) and the screens'
 * memory with the hit map of the screen showing now. It is made by gt_app_open and released,
 * all of it, by gt_app_close. Every other module borrows what it needs from here through the
 * pointers it is given; only the session (session/session.h) changes the trainer's state, and
 * only the loop (platform/app_main.c) changes the rest of this struct. */
#ifndef GT_APP_STATE_H
#define GT_APP_STATE_H

#include <SDL.h>
#include <stdbool.h>
#include "app.h"
#include "audio.h"
#include "bodyview.h"
#include "clock.h"
#include "config.h"
#include "corner_press.h"
#include "instance_lock.h"
#include "hits.h"
#include "input.h"
#include "kiosk_window.h"
#include "library.h"
#include "library_watch.h"
#include "options.h"
#include "progress.h"
#include "progress_db.h"
#include "router.h"
#include "screens.h"
#include "script.h"
#include "session.h"
#include "ui.h"

struct GtApp {
    GtConfig config;                    /* the merged settings (gt_config_load); options borrow from it */
    bool config_ready;                  /* gt_config_free is due */
    GtInstanceLock lock;                /* held on config.data_dir while the trainer runs */
    GtProgressDb *db;                   /* the students' database; NULL when it could not open */
    char db_problem[GT_DB_ERROR_MAX];   /* ... and then why */
    struct GtServerSync *server_sync;   /* sends saved attempts to the school server; NULL without one */
    char notice[1024];                  /* problems at start (configuration, database) to show on screen */
    GtAppOptions options;
    const char *data_dir;               /* borrowed from the caller */
    char assets_dir[768];
    SDL_Window *window;
    SDL_Renderer *renderer;
    int window_w, window_h;             /* points */
    int output_w, output_h;             /* pixels */
    GtUi ui;
    bool ui_ready;                      /* gt_ui_init succeeded (gt_ui_free is due) */
    GtLibrary library;
    GtLibraryWatch watch;               /* notices saved lesson and technique files (live reload) */
    bool reload_pending;                /* a change waits for a screen where the library may be swapped */
    GtBodyView views[GT_VIEW_COUNT];
    bool views_ready;                   /* the views were initialised (gt_bodyview_free is due) */
    int views_tone;                     /* the GtSkinTone the views were last asked to paint; -1: none yet */
    GtInput *input;
    GtRouter router;
    GtKioskWindow kiosk_window;         /* kiosk mode's window, grabs, cursor and refused closes */
    GtCornerPress corner;               /* a long press in a corner (kiosk mode: the staff's way in) */
    GtScript *script;                   /* NULL without --script */
    GtAudio audio;
    GtProgress progress;
    GtClock clock;
    GtSession session;
    GtScreens screens;
    GtHitMap hits;                      /* the hit areas of the screen showing now */
    int frames;                         /* loop turns so far */
    Uint32 script_end_ms;               /* when the script's last event was handled (0: not yet) */
    bool running;
    bool dirty;                         /* something changed: draw a frame */
    bool beat_flash_shown;              /* the last frame showed a rhythm step's beat flash */
    bool live_shown;                    /* the last frame showed practice's live cues (a hand down, a notice) */
    unsigned long shown_signature;      /* screen, lesson, step, mode and recording of the last frame */
};

#endif
