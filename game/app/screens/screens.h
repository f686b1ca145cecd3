/* screens: what each screen of the trainer shows, and which places on it answer a press.
 *
 * A screen reads the session and never changes it. Each time it is laid out it declares its
 * hit areas (buttons with their shortcuts, lesson cards, the list that scrolls, and on the
 * practice screen alone the tracing area and the pressure slider); it then draws from the same
 * layout and draws its buttons from the same map, so what is drawn is what is pressed. Presses
 * become GtAction values through the router; only the session acts on them.
 *
 * The screens: home (lesson list and mode), intro and summary (a lesson's start and end),
 * demo, practice and result (one step), the students' picker and keyboard, the settings.
 *
 * Ownership: GtScreens is a plain value its owner keeps (the GtApp); it is the little the
 * screens remember between frames. Everything else is borrowed through GtScreenContext for the
 * length of a call. */
#ifndef GT_SCREENS_H
#define GT_SCREENS_H

#include <SDL.h>
#include <stdbool.h>
#include "bodyview.h"
#include "hits.h"
#include "input.h"
#include "library.h"
#include "progress.h"
#include "session.h"
#include "ui.h"

/* The window's regions, output pixels, shared by every screen. */
typedef struct GtFrame {
    int output_w, output_h;
    bool portrait;          /* taller than wide: the panel goes under the body */
    SDL_Rect header;        /* the top bar */
    SDL_Rect body_area;     /* where the body is drawn */
    SDL_Rect panel;         /* words and buttons beside the body (under it in portrait) */
    SDL_Rect slider;        /* the pressure gauge of the practice screen: the panel's right edge, or its
                               left edge in the left-handed layout */
    SDL_Rect panel_text;    /* the panel beside the gauge, where the demo and practice screens write */
} GtFrame;

/* What the screens remember between frames. */
typedef struct GtScreens {
    GtFrame frame;
    bool left_handed;           /* lay the frame out for the left hand (the gauge on the panel's left) */
    char warning_key[128];      /* the live warnings showing (kinds and places), for the log */
    unsigned warning_attempt;   /* the attempt (session attempt_serial) they belong to */
} GtScreens;

/* Everything a screen reads while laying out and drawing (all borrowed). */
typedef struct GtScreenContext {
    GtScreens *screens;         /* the screens' memory */
    GtUi *ui;                   /* drawing and text measures */
    GtBodyView *views;          /* GT_VIEW_COUNT body views */
    const GtSession *session;   /* the state shown */
    const GtLibrary *library;
    const GtProgress *progress; /* marks shown on the lesson cards; may be NULL */
    const GtInput *input;       /* live contacts and pressure on the practice screen */
    int pressed_action;         /* the button or card held down now (drawn pressed), or GT_HIT_NO_ACTION */
} GtScreenContext;

/* Starts with no layout and no warnings. */
void gt_screens_init(GtScreens *screens);

/* Lays out the window's regions for an output of w x h pixels, the ui's metrics and the
 * screens' left_handed. */
void gt_screens_frame(GtScreens *screens, const GtUi *ui, int output_w_px, int output_h_px);

/* Shows in each body view the part the screen needs (on the demo, practice and result screens
 * the step's region, elsewhere the whole body), fitted to the body area. */
void gt_screens_prepare_views(const GtScreenContext *context);

/* The body view whose transform maps pointers to centimetres now: the step's view when a
 * lesson is open, else the first. */
GtBodyView *gt_screens_active_view(const GtScreenContext *context);

/* Empties `hits` and declares into it the hit areas of the screen showing now. Returns how far
 * its list scrolls (the lesson list and the techniques of "My progress": the last first row;
 * the student picker: the last page), or -1 on a screen without a list. */
int gt_screens_layout(const GtScreenContext *context, GtHitMap *hits);

/* Draws the screen showing now as of `now_ms`, with the buttons of `hits` (laid out for it). */
void gt_screens_draw(const GtScreenContext *context, const GtHitMap *hits, Uint32 now_ms);

#endif
