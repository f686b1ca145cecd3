/* kiosk_screens: the PIN pad, the staff menu and the attract screen (see kiosk_screens.h). */
#include "kiosk_screens.h"
#include "kiosk_session.h"
#include "screen_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The area under the header, inside the margins. */
static SDL_Rect content(const GtScreenContext *c) {
    const GtFrame *f = &c->screens->frame;
    int u = c->ui->unit, top = f->header.h + 2 * u;
    return (SDL_Rect){ 2 * u, top, f->output_w - 4 * u, f->output_h - top - 2 * u };
}

/* The PIN pad's geometry: the digits' box on top, a line for the message, then 4 rows of 3 keys. */
typedef struct PinPad {
    SDL_Rect box;           /* the typed digits, as dots */
    int message_y;          /* the message's line */
    int key_w, key_h, keys_x, keys_y, gap;
} PinPad;

/* Centres the pad in the content area, keys as large as fit (never below a touch target). */
static PinPad pin_pad(const GtScreenContext *c) {
    const GtUi *ui = c->ui;
    SDL_Rect a = content(c);
    PinPad p;
    p.gap = ui->unit;
    int box_h = ui->touch * 3 / 2, message_h = ui->font_px[GT_FONT_BODY] * 4; /* three lines of words */
    int avail_h = a.h - box_h - message_h - 2 * p.gap;
    p.key_h = (avail_h - 3 * p.gap) / 4;
    if (p.key_h > ui->touch * 2) p.key_h = ui->touch * 2;
    if (p.key_h < ui->touch) p.key_h = ui->touch;
    p.key_w = p.key_h * 3 / 2;
    if (3 * p.key_w + 2 * p.gap > a.w) p.key_w = (a.w - 2 * p.gap) / 3;
    int pad_w = 3 * p.key_w + 2 * p.gap;
    p.keys_x = a.x + (a.w - pad_w) / 2;
    p.box = (SDL_Rect){ p.keys_x, a.y, pad_w, box_h };
    p.message_y = a.y + box_h + p.gap;
    p.keys_y = p.message_y + message_h + p.gap;
    return p;
}

void gt_pin_layout(const GtScreenContext *c, GtHitMap *hits) {
    PinPad p = pin_pad(c);
    static const char *const LABELS = "123456789";
    for (int i = 0; i < 12; i++) {
        int row = i / 3, col = i % 3;
        SDL_Rect r = { p.keys_x + col * (p.key_w + p.gap), p.keys_y + row * (p.key_h + p.gap), p.key_w, p.key_h };
        if (i < 9) {
            char label[2] = { LABELS[i], '\0' };
            gt_hits_add_button(hits, r, label, GT_ACT_PIN_DIGIT_BASE + (LABELS[i] - '0'), SDLK_0 + (LABELS[i] - '0'),
                               false);
        } else if (i == 9) {
            gt_hits_add_button(hits, r, "Delete", GT_ACT_PIN_DELETE, SDLK_BACKSPACE, false);
        } else if (i == 10) {
            gt_hits_add_button(hits, r, "0", GT_ACT_PIN_DIGIT_BASE, SDLK_0, false);
        } else {
            gt_hits_add_button(hits, r, "OK", GT_ACT_PIN_OK, SDLK_RETURN, true);
        }
    }
}

void gt_pin_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    gt_screen_draw_header(c, "Staff only", "Type the staff PIN, or press Back to return");
    GtUi *ui = c->ui;
    const GtKioskState *k = &c->session->kiosk;
    PinPad p = pin_pad(c);
    int u = ui->unit;
    gt_ui_fill_round_rect(ui, p.box, u, GT_COL_PANEL, 255);
    size_t n = strlen(k->typed);
    double r = p.box.h / 7.0, step = r * 3.2;
    double x0 = p.box.x + (p.box.w - (GT_PIN_MAX_DIGITS - 1) * step) / 2, cy = p.box.y + p.box.h / 2.0;
    for (int i = 0; i < GT_PIN_MAX_DIGITS; i++) { /* a filled dot per digit typed, rings for the rest */
        if ((size_t)i < n) gt_ui_fill_circle(ui, x0 + i * step, cy, r, GT_COL_TEXT, 255);
        else gt_ui_ring(ui, x0 + i * step, cy, r, fmax(1.0, r / 4), GT_COL_LINE, 255);
    }
    bool bad = k->message[0] != '\0';
    const char *line = bad ? k->message : "4 to 8 digits. Ask a member of staff.";
    int x = p.box.x, w = p.box.w; /* under the digits, wrapped to their width (three lines are kept for it) */
    if (bad) {
        gt_ui_warning_icon(ui, x, p.message_y, ui->touch / 2);
        x += ui->touch / 2 + u;
        w -= ui->touch / 2 + u;
    }
    gt_ui_text(ui, line, x, p.message_y, GT_FONT_BODY, bad, bad ? GT_COL_BAD_TEXT : GT_COL_MUTED, w, NULL, NULL);
}

/* The staff menu's buttons, in a column. */
static const struct { const char *label; int action; SDL_Keycode key; bool primary; } STAFF_BUTTONS[] = {
    { "Lock and hand back", GT_ACT_STAFF_LOCK, SDLK_RETURN, true },
    { "Lessons", GT_ACT_STAFF_LESSONS, SDLK_l, false },
    { "Students", GT_ACT_STAFF_STUDENTS, SDLK_s, false },
    { "Settings", GT_ACT_SETTINGS, SDLK_t, false },
    { "Close Guided Touch", GT_ACT_QUIT, SDLK_q, false },
};
enum { STAFF_BUTTON_COUNT = sizeof STAFF_BUTTONS / sizeof STAFF_BUTTONS[0] };

/* The buttons' column: left half in landscape, the top in portrait. */
static SDL_Rect staff_column(const GtScreenContext *c) {
    SDL_Rect a = content(c);
    int w = c->screens->frame.portrait ? a.w : a.w * 2 / 5;
    return (SDL_Rect){ a.x, a.y, w, a.h };
}

void gt_staff_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    SDL_Rect col = staff_column(c);
    int h = ui->touch * 3 / 2, y = col.y;
    for (int i = 0; i < STAFF_BUTTON_COUNT; i++) {
        gt_hits_add_button(hits, (SDL_Rect){ col.x, y, col.w, h }, STAFF_BUTTONS[i].label, STAFF_BUTTONS[i].action,
                           STAFF_BUTTONS[i].key, STAFF_BUTTONS[i].primary);
        y += h + ui->unit * (i == 0 ? 3 : 1);
    }
}

/* What staff should know about this kiosk, as lines. */
static void staff_facts(const GtScreenContext *c, char *buffer, size_t size) {
    const GtSession *s = c->session;
    const GtConfig *config = s->kiosk.config;
    char timeout[80] = "never (idle_timeout_s is 0)";
    if (config && config->idle_timeout_s > 0)
        snprintf(timeout, sizeof timeout, "after %d s without a touch", config->idle_timeout_s);
    const char *database = config && config->database[0] ? config->database : NULL;
    snprintf(buffer, size,
             "Students are signed out %s.\nYou stay signed in as staff until you lock, or until the kiosk signs out.\n"
             "Data folder: %s\nProgress database: %s%s\nStudents' names can be changed with `guidedtouch students`; "
             "a class report comes from `guidedtouch report`.",
             timeout, config ? config->data_dir : "", database ? database : config ? config->data_dir : "",
             database ? "" : "/progress.db");
    if (!s->db) {
        size_t used = strlen(buffer);
        snprintf(buffer + used, size - used, "\nNothing can be saved now: %s", s->db_problem);
    }
}

void gt_staff_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    gt_screen_draw_header(c, "Staff", "Kiosk mode: what would you like to do?");
    GtUi *ui = c->ui;
    SDL_Rect a = content(c), col = staff_column(c);
    int u = ui->unit, x = a.x, y = a.y, w = a.w;
    if (c->screens->frame.portrait) {
        y = col.y + STAFF_BUTTON_COUNT * (ui->touch * 3 / 2 + u) + 4 * u;
    } else {
        x = col.x + col.w + 3 * u;
        w = a.x + a.w - x;
    }
    char server[1024], facts[4600];
    gt_session_kiosk_server_line(c->session, server, sizeof server);
    if (server[0]) { /* its own line, first: whether every attempt reaches the class report */
        int h = 0;
        bool trouble = strstr(server, "offline") || strstr(server, "refused");
        gt_ui_text(ui, server, x, y, GT_FONT_BODY, true, trouble ? GT_COL_BAD_TEXT : GT_COL_TEXT, w, NULL, &h);
        y += h + 2 * u;
    }
    staff_facts(c, facts, sizeof facts);
    gt_ui_text(ui, facts, x, y, GT_FONT_BODY, false, GT_COL_TEXT, w, NULL, NULL);
}

void gt_attract_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtFrame *f = &c->screens->frame;
    GtHit *all = gt_hits_add(hits, GT_HIT_CARD, (SDL_Rect){ 0, 0, f->output_w, f->output_h }, GT_ACT_WAKE);
    if (all) all->key = SDLK_RETURN;
}

void gt_attract_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms) {
    (void)hits;
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    const GtStep *step = gt_session_step(s);
    gt_screen_draw_header(c, "Guided Touch", "Massage stroke practice");
    SDL_Rect p = c->screens->frame.panel;
    int u = ui->unit, h = 0, y = p.y + 2 * u;
    gt_ui_text(ui, "Touch the screen to start", p.x + u, y, GT_FONT_HUGE, true, GT_COL_TEXT, p.w - 2 * u, NULL, &h);
    y += h + 3 * u;
    if (!step) return;
    double t = fmax(0.0, (double)(Sint32)(now_ms - s->demo_start_ms));
    GtBodyView *view = gt_screen_draw_step_body(c, true, fmod(t / 1500.0, 1.0));
    if (s->has_reference) {
        gt_bodyview_draw_trail(view, ui, &s->reference, step->technique, t, 230);
        gt_bodyview_draw_contacts(view, ui, &s->reference, step->technique, t);
    }
    gt_bodyview_clip(view, ui, false);
    char line[400];
    snprintf(line, sizeof line, "Now showing: %s", s->lesson->title);
    gt_ui_text(ui, line, p.x + u, y, GT_FONT_LARGE, true, GT_COL_TEXT, p.w - 2 * u, NULL, &h);
    y += h + u;
    snprintf(line, sizeof line, "%s: %s", step->technique ? step->technique->name : step->technique_id,
             step->instruction);
    gt_ui_text(ui, line, p.x + u, y, GT_FONT_BODY, false, GT_COL_MUTED, p.w - 2 * u, NULL, NULL);
}
