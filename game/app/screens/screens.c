/* screens: the regions every screen shares, the header and buttons, and the dispatch from the
 * session's screen to the screen's own layout and drawing (see screens.h). */
#include "screen_parts.h"
#include "kiosk_screens.h"
#include "notices.h"
#include "students_screens.h"
#include "settings_screen.h"

#include <stdio.h>
#include <string.h>

void gt_screens_init(GtScreens *screens) {
    memset(screens, 0, sizeof *screens);
}

void gt_screens_frame(GtScreens *screens, const GtUi *ui, int output_w_px, int output_h_px) {
    GtFrame *f = &screens->frame;
    int u = ui->unit, w = output_w_px, h = output_h_px;
    f->output_w = w;
    f->output_h = h;
    f->portrait = h > w;
    f->header = (SDL_Rect){ 0, 0, w, ui->touch + 2 * u };
    int top = f->header.h + u;
    if (f->portrait) {
        int body_h = (h - top - 2 * u) * 55 / 100;
        f->body_area = (SDL_Rect){ u, top, w - 2 * u, body_h };
        f->panel = (SDL_Rect){ u, top + body_h + u, w - 2 * u, h - top - body_h - 2 * u };
    } else {
        int body_w = (w - 3 * u) * 50 / 100;
        f->body_area = (SDL_Rect){ u, top, body_w, h - top - u };
        f->panel = (SDL_Rect){ 2 * u + body_w, top, w - body_w - 3 * u, h - top - u };
    }
    int gauge_w = ui->touch * 3;
    int gauge_x = screens->left_handed ? f->panel.x + u : f->panel.x + f->panel.w - gauge_w - u;
    f->slider = (SDL_Rect){ gauge_x, f->panel.y + u, gauge_w, f->panel.h - 2 * u - ui->touch - u };
    int text_x = screens->left_handed ? gauge_x + gauge_w + u : f->panel.x;
    int text_right = screens->left_handed ? f->panel.x + f->panel.w : gauge_x - u;
    f->panel_text = (SDL_Rect){ text_x, f->panel.y, text_right - text_x, f->panel.h };
}

void gt_screens_prepare_views(const GtScreenContext *c) {
    GtScreenId screen = c->session->screen;
    bool on_step = screen == GT_SCREEN_DEMO || screen == GT_SCREEN_PRACTICE || screen == GT_SCREEN_RESULT ||
                   screen == GT_SCREEN_ATTRACT || screen == GT_SCREEN_RECORDED;
    const GtStep *step = on_step ? gt_session_step(c->session) : NULL;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        gt_bodyview_focus(&c->views[v], step && step->view == (GtView)v ? step : NULL);
        gt_bodyview_layout(&c->views[v], c->ui->renderer, c->screens->frame.body_area);
    }
}

GtBodyView *gt_screens_active_view(const GtScreenContext *c) {
    const GtStep *step = gt_session_step(c->session);
    return &c->views[step ? step->view : 0];
}

int gt_screens_layout(const GtScreenContext *c, GtHitMap *hits) {
    gt_hits_clear(hits, (int)c->session->screen);
    gt_screen_header_hits(c, hits);
    switch (c->session->screen) {
    case GT_SCREEN_HOME: return gt_home_layout(c, hits);
    case GT_SCREEN_INTRO: gt_intro_layout(c, hits); break;
    case GT_SCREEN_DEMO: gt_demo_layout(c, hits); break;
    case GT_SCREEN_PRACTICE: gt_practice_layout(c, hits); break;
    case GT_SCREEN_RESULT: gt_result_layout(c, hits); break;
    case GT_SCREEN_SUMMARY: gt_summary_layout(c, hits); break;
    case GT_SCREEN_STUDENTS: return gt_students_layout(c, hits);
    case GT_SCREEN_NAME: gt_name_layout(c, hits); break;
    case GT_SCREEN_PIN: gt_pin_layout(c, hits); break;
    case GT_SCREEN_STAFF: gt_staff_layout(c, hits); break;
    case GT_SCREEN_ATTRACT: gt_attract_layout(c, hits); break;
    case GT_SCREEN_PROGRESS: return gt_progress_layout(c, hits);
    case GT_SCREEN_SETTINGS: gt_settings_layout(c, hits); break;
    case GT_SCREEN_RECORDED: gt_record_layout(c, hits); break;
    case GT_SCREEN_COUNT: break;
    }
    return -1;
}

/* Draws the screen showing now on a frame begun. */
static void draw_screen(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms) {
    switch (c->session->screen) {
    case GT_SCREEN_HOME: gt_home_draw(c, hits); break;
    case GT_SCREEN_INTRO: gt_intro_draw(c, hits); break;
    case GT_SCREEN_DEMO: gt_demo_draw(c, hits, now_ms); break;
    case GT_SCREEN_PRACTICE: gt_practice_draw(c, hits, now_ms); break;
    case GT_SCREEN_RESULT: gt_result_draw(c, hits, now_ms); break;
    case GT_SCREEN_SUMMARY: gt_summary_draw(c, hits); break;
    case GT_SCREEN_STUDENTS: gt_students_draw(c, hits); break;
    case GT_SCREEN_NAME: gt_name_draw(c, hits); break;
    case GT_SCREEN_PIN: gt_pin_draw(c, hits); break;
    case GT_SCREEN_STAFF: gt_staff_draw(c, hits); break;
    case GT_SCREEN_ATTRACT: gt_attract_draw(c, hits, now_ms); break;
    case GT_SCREEN_PROGRESS: gt_progress_draw(c, hits); break;
    case GT_SCREEN_SETTINGS: gt_settings_draw(c, hits); break;
    case GT_SCREEN_RECORDED: gt_record_draw(c, hits); break;
    case GT_SCREEN_COUNT: break;
    }
    gt_instructor_overlay_draw(c);
    gt_screen_draw_buttons(c, hits);
    gt_notices_draw(c);
}

void gt_screens_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms) {
    gt_ui_begin_frame(c->ui);
    draw_screen(c, hits, now_ms);
}


/* The header's Back button, left in the header. */
static SDL_Rect back_rect(const GtUi *ui) {
    return (SDL_Rect){ ui->unit, ui->unit, ui->touch * 2, ui->touch };
}

/* The sound toggle, right-aligned in the header. */
static SDL_Rect sound_rect(const GtScreenContext *c) {
    const GtUi *ui = c->ui;
    return (SDL_Rect){ c->screens->frame.header.w - ui->unit - ui->touch * 3, ui->unit, ui->touch * 3, ui->touch };
}

void gt_screen_header_hits(const GtScreenContext *c, GtHitMap *hits) {
    if (c->session->screen == GT_SCREEN_ATTRACT) return; /* the whole screen is one "touch to start" */
    if (c->session->screen != GT_SCREEN_HOME) gt_hits_add_button(hits, back_rect(c->ui), "Back", GT_ACT_BACK, SDLK_ESCAPE, false);
    GtScreenId screen = c->session->screen;
    SDL_Keycode sound_key = screen == GT_SCREEN_NAME || screen == GT_SCREEN_STAFF ? 0 : SDLK_m; /* M is a letter there */
    const char *sound = c->session->muted ? "Sound off" : "Sound on";
    if (screen != GT_SCREEN_SETTINGS) /* which has its own Sound toggle */
        gt_hits_add_button(hits, sound_rect(c), sound, GT_ACT_MUTE, sound_key, false);
    if (screen == GT_SCREEN_HOME) {
        int left = gt_progress_header_hit(c, hits, gt_students_header_hit(c, hits, sound_rect(c).x));
        if (gt_settings_in_header(c, left)) gt_settings_header_hit(c, hits, left); /* else in the mode row */
    }
}

/* The left edge of the buttons right in the header (the sound toggle; on the lesson list also
 * the student's name, My progress and Settings), as gt_screen_header_hits places them. */
static int header_buttons_left(const GtScreenContext *c) {
    int x = sound_rect(c).x;
    if (c->session->screen != GT_SCREEN_HOME) return x;
    x -= 2 * c->ui->unit + c->ui->touch * 5 + gt_progress_button_w(c);
    return gt_settings_in_header(c, x) ? gt_settings_header_left(c, x) : x;
}

void gt_screen_draw_header(const GtScreenContext *c, const char *title, const char *subtitle) {
    GtUi *ui = c->ui;
    SDL_Rect header = c->screens->frame.header;
    int u = ui->unit;
    gt_ui_fill_rect(ui, header, GT_COL_PANEL, 255);
    gt_ui_fill_rect(ui, (SDL_Rect){ 0, header.h - 1, header.w, 1 }, GT_COL_LINE, 255);
    int x = 2 * u;
    if (c->session->screen != GT_SCREEN_HOME && c->session->screen != GT_SCREEN_ATTRACT)
        x = back_rect(ui).x + back_rect(ui).w + 2 * u;
    int right = header_buttons_left(c);
    int room = right - x - u;
    /* nothing is cut: the subtitle wraps under the title, and a title that is too long for its
     * line, or that leaves no room for the subtitle's lines, takes the smaller size and wraps too */
    GtFontSize title_size = GT_FONT_TITLE;
    int tw = 0, th = 0, sub_h = 0;
    gt_ui_text_size(ui, title, title_size, true, 0, &tw, &th);
    if (subtitle) gt_ui_text_size(ui, subtitle, GT_FONT_SMALL, false, room, NULL, &sub_h);
    if (tw > room || th + sub_h > header.h) {
        title_size = GT_FONT_LARGE;
        gt_ui_text_size(ui, title, title_size, true, 0, &tw, NULL);
        gt_ui_text_size(ui, title, title_size, true, room, NULL, &th);
    }
    if (th + sub_h > header.h) { /* a subtitle with no room left is left out, never drawn below the header */
        sub_h = 0;
        subtitle = NULL;
    }
    int y = (header.h - th - sub_h) / 2 > 0 ? (header.h - th - sub_h) / 2 : 0;
    gt_ui_text(ui, title, x, y, title_size, true, GT_COL_TEXT, tw > room ? room : 0, NULL, NULL);
    if (subtitle) gt_ui_text(ui, subtitle, x, y + th, GT_FONT_SMALL, false, GT_COL_MUTED, room, NULL, NULL);
}

void gt_screen_draw_buttons(const GtScreenContext *c, const GtHitMap *hits) {
    for (int i = 0; i < hits->count; i++) {
        const GtHit *h = &hits->hits[i];
        if (h->kind == GT_HIT_BUTTON)
            gt_ui_button(c->ui, h->rect, h->label, h->primary, h->action == c->pressed_action);
    }
}

SDL_Rect gt_screen_button_rect(const GtHitMap *hits, int action) {
    const GtHit *h = gt_hits_find_action(hits, action);
    return h ? h->rect : (SDL_Rect){ 0, 0, 0, 0 };
}
