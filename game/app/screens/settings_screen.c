/* The settings screen (see settings_screen.h). Layout and drawing share one grid, so every row
 * drawn is a row that answers. */
#include "settings_screen.h"
#include "screen_parts.h"
#include "skin_tones.h"

#include <stdio.h>
#include <string.h>

enum { TOGGLES = 4 };

/* The toggles, in the order shown: the action, its shortcut, its name and what it does. */
static const struct {
    int action;
    SDL_Keycode key;
    const char *label, *help;
} TOGGLE[TOGGLES] = {
    { GT_ACT_SET_SOUND, SDLK_m, "Sound", "The metronome clicks on the beat. The pulse shows either way." },
    { GT_ACT_SET_LARGE_TEXT, SDLK_t, "Larger text", "Words and buttons about a third larger." },
    { GT_ACT_SET_HIGH_CONTRAST, SDLK_c, "High contrast", "Black on white, with black and yellow buttons." },
    { GT_ACT_SET_LEFT_HANDED, SDLK_l, "Left-handed layout",
      "The pressure gauge moves to the left of the panel, clear of a left hand tracing." },
};

static const char *const MODE_WORDS[GT_MODE_COUNT] = { "Learn", "Practice", "Exam" };

/* Where everything goes, output pixels. */
typedef struct SettingsGrid {
    SDL_Rect rows[TOGGLES];             /* a toggle's whole row (it answers anywhere on it) */
    SDL_Rect mode_row;                  /* the default mode's row ... */
    SDL_Rect modes[GT_MODE_COUNT];      /* ... and its buttons */
    int text_w;                         /* the wrap width of a toggle row's words */
    int mode_text_w;                    /* ... and of the mode row's */
    int mode_words_h;                   /* the height of the mode row's part with its words */
    GtToneGrid tones;                   /* the skin tone's row and its swatches */
    int footer_y;                       /* whose settings these are, under the rows */
    int footer_h;                       /* ... and their height */
    SDL_Rect preview;                   /* the figure in the tone chosen: beside the rows, under them, or empty */
} SettingsGrid;

/* Whether toggle `i` is on now. */
static bool toggle_on(const GtSession *s, int i) {
    switch (TOGGLE[i].action) {
    case GT_ACT_SET_SOUND: return !s->muted;
    case GT_ACT_SET_LARGE_TEXT: return s->large_text;
    case GT_ACT_SET_HIGH_CONTRAST: return s->high_contrast;
    default: return s->left_handed;
    }
}

/* The default mode's line of help, naming the mode chosen. */
static void mode_help(const GtSession *s, char *buffer, size_t size) {
    snprintf(buffer, size, "Lessons open in %s mode%s.", MODE_WORDS[s->default_mode],
             s->student_id ? " when you sign in" : "");
}

/* The height of a row's words: its name over its help wrapped to `w`. */
static int words_height(GtUi *ui, const char *label, const char *help, int w) {
    int lh = 0, hh = 0;
    gt_ui_text_size(ui, label, GT_FONT_LARGE, true, w, NULL, &lh);
    gt_ui_text_size(ui, help, GT_FONT_SMALL, false, w, NULL, &hh);
    return lh + hh;
}

/* The width the switch and its word take at the right of a row. */
static int switch_width(const GtUi *ui) {
    return ui->touch * 3;
}

/* The footer's words: whose settings these are. */
static const char *footer_words(const GtSession *s) {
    return s->student_id ? "Remembered under your name: they come back when you sign in."
                         : "A guest's settings last until someone signs in or out.";
}

/* Places the figure's preview: beside the rows when the window leaves room there (the rows and
 * the preview then centred together; *x moves), else under the footer when there is room, else
 * nowhere. */
static void place_preview(const GtScreenContext *c, SettingsGrid *g, int *x, int width) {
    GtUi *ui = c->ui;
    const GtFrame *f = &c->screens->frame;
    int u = ui->unit, top = f->header.h + 2 * u, beside = f->output_w - width - 6 * u;
    if (beside >= ui->touch * 3) {
        int w = beside < ui->touch * 5 ? beside : ui->touch * 5;
        *x = (f->output_w - width - 2 * u - w) / 2;
        int h = g->footer_y + g->footer_h - top; /* as tall as the rows and the footer */
        if (h < w * 2) h = w * 2 < f->output_h - top - 2 * u ? w * 2 : f->output_h - top - 2 * u;
        g->preview = (SDL_Rect){ *x + width + 2 * u, top, w, h };
        return;
    }
    int below = g->footer_y + g->footer_h + 2 * u, h = f->output_h - below - 2 * u;
    if (h >= ui->touch * 4) g->preview = (SDL_Rect){ *x, below, width, h };
}

/* Moves every row `dx` pixels across. */
static void shift_rows(SettingsGrid *g, int dx) {
    for (int i = 0; i < TOGGLES; i++) g->rows[i].x += dx;
    g->mode_row.x += dx;
    for (int m = 0; m < GT_MODE_COUNT; m++) g->modes[m].x += dx;
    g->tones.row.x += dx;
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) g->tones.swatches[t].x += dx;
}

/* Computes the grid: rows as wide as the content allows (at most 16 touch targets), centred
 * (with the figure's preview beside them when it fits), each as tall as its words or a touch
 * target, whichever is more. */
static void settings_grid(const GtScreenContext *c, SettingsGrid *g) {
    GtUi *ui = c->ui;
    const GtFrame *f = &c->screens->frame;
    int u = ui->unit, width = f->output_w - 4 * u;
    if (width > ui->touch * 16) width = ui->touch * 16;
    int x = (f->output_w - width) / 2, y = f->header.h + 2 * u;
    memset(g, 0, sizeof *g);
    g->text_w = width - switch_width(ui) - 5 * u;
    for (int i = 0; i < TOGGLES; i++) {
        int h = words_height(ui, TOGGLE[i].label, TOGGLE[i].help, g->text_w) + 2 * u;
        if (h < ui->touch + 2 * u) h = ui->touch + 2 * u;
        g->rows[i] = (SDL_Rect){ x, y, width, h };
        y += h + u;
    }
    int seg_w = ui->touch * 5 / 2, segs = GT_MODE_COUNT * (seg_w + u) - u;
    char help[96];
    mode_help(c->session, help, sizeof help);
    g->mode_text_w = width - segs - 5 * u;
    bool stacked = g->mode_text_w < ui->touch * 4; /* narrow (portrait): the buttons go under the words */
    if (stacked) {
        g->mode_text_w = width - 4 * u;
        seg_w = (width - 4 * u - (GT_MODE_COUNT - 1) * u) / GT_MODE_COUNT;
        segs = width - 4 * u;
    }
    int words = words_height(ui, "Start lessons in", help, g->mode_text_w);
    int h = stacked ? words + ui->touch + 3 * u : words + 2 * u;
    if (h < ui->touch + 2 * u) h = ui->touch + 2 * u;
    g->mode_row = (SDL_Rect){ x, y, width, h };
    int seg_y = stacked ? y + u + words + u : y + (h - ui->touch) / 2;
    for (int m = 0; m < GT_MODE_COUNT; m++)
        g->modes[m] = (SDL_Rect){ x + width - 2 * u - segs + m * (seg_w + u), seg_y, seg_w, ui->touch };
    g->mode_words_h = stacked ? words + 2 * u : h;
    gt_tones_grid(c, x, y + h + u, width, &g->tones);
    g->footer_y = g->tones.row.y + g->tones.row.h + 2 * u;
    gt_ui_text_size(ui, footer_words(c->session), GT_FONT_BODY, false, width, NULL, &g->footer_h);
    int centred = x;
    place_preview(c, g, &x, width);
    shift_rows(g, x - centred);
}

void gt_settings_layout(const GtScreenContext *c, GtHitMap *hits) {
    SettingsGrid g;
    settings_grid(c, &g);
    for (int i = 0; i < TOGGLES; i++) {
        GtHit *hit = gt_hits_add(hits, GT_HIT_CARD, g.rows[i], TOGGLE[i].action);
        if (hit) {
            hit->key = TOGGLE[i].key;
            snprintf(hit->label, sizeof hit->label, "%s: %s", TOGGLE[i].label, toggle_on(c->session, i) ? "On" : "Off");
        }
    }
    for (int m = 0; m < GT_MODE_COUNT; m++)
        gt_hits_add_button(hits, g.modes[m], MODE_WORDS[m], GT_ACT_DEFAULT_LEARN + m, SDLK_F1 + m,
                           c->session->default_mode == (GtMode)m);
    gt_tones_layout(c, &g.tones, hits);
}

/* A switch in `r`: the word "On" or "Off" left of a pill whose knob sits right on a filled
 * pill when on, left on a hollow one when off. */
static void draw_switch(GtUi *ui, SDL_Rect r, bool on) {
    int u = ui->unit, pill_w = ui->touch * 3 / 2, pill_h = ui->touch * 2 / 3;
    SDL_Rect pill = { r.x + r.w - pill_w, r.y + (r.h - pill_h) / 2, pill_w, pill_h };
    int ww = 0, wh = 0;
    const char *word = on ? "On" : "Off";
    gt_ui_text_size(ui, word, GT_FONT_BODY, true, 0, &ww, &wh);
    gt_ui_text(ui, word, pill.x - u - ww, r.y + (r.h - wh) / 2, GT_FONT_BODY, true, GT_COL_TEXT, 0, NULL, NULL);
    gt_ui_fill_round_rect(ui, pill, pill_h / 2, on ? GT_COL_ACCENT : GT_COL_TEXT, 255);
    if (!on) gt_ui_fill_round_rect(ui, (SDL_Rect){ pill.x + 3, pill.y + 3, pill.w - 6, pill.h - 6 }, pill_h / 2 - 3,
                                   GT_COL_PANEL, 255);
    double knob = pill_h / 2.0 - 5, cy = pill.y + pill_h / 2.0;
    double cx = on ? pill.x + pill.w - pill_h / 2.0 : pill.x + pill_h / 2.0;
    if (on) gt_ui_fill_circle(ui, cx, cy, knob, GT_COL_ACCENT_TEXT, 255);
    else gt_ui_ring(ui, cx, cy, knob - 1, 3, GT_COL_TEXT, 255);
}

/* A row's frame `r` (pressed: dimmed) and its words at the left, centred in the height of `words`. */
static void draw_row(const GtScreenContext *c, SDL_Rect r, SDL_Rect words, const char *label, const char *help,
                     int text_w, bool pressed) {
    GtUi *ui = c->ui;
    int u = ui->unit, lh = 0;
    gt_ui_fill_round_rect(ui, r, u, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 }, u, GT_COL_PANEL, pressed ? 200 : 255);
    int h = words_height(ui, label, help, text_w);
    int y = words.y + (words.h - h) / 2;
    gt_ui_text(ui, label, r.x + 2 * u, y, GT_FONT_LARGE, true, GT_COL_TEXT, text_w, NULL, &lh);
    gt_ui_text(ui, help, r.x + 2 * u, y + lh, GT_FONT_SMALL, false, GT_COL_MUTED, text_w, NULL, NULL);
}

void gt_settings_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    const GtSession *s = c->session;
    GtUi *ui = c->ui;
    char subtitle[GT_STUDENT_NAME_BYTES + 64], help[96];
    if (s->student_id) snprintf(subtitle, sizeof subtitle, "For %s", s->student_name);
    else snprintf(subtitle, sizeof subtitle, "For a guest");
    gt_screen_draw_header(c, "Settings", subtitle);
    SettingsGrid g;
    settings_grid(c, &g);
    int u = ui->unit;
    for (int i = 0; i < TOGGLES; i++) {
        SDL_Rect r = g.rows[i];
        draw_row(c, r, r, TOGGLE[i].label, TOGGLE[i].help, g.text_w, c->pressed_action == TOGGLE[i].action);
        draw_switch(ui, (SDL_Rect){ r.x + r.w - 2 * u - switch_width(ui), r.y, switch_width(ui), r.h },
                    toggle_on(s, i));
    }
    mode_help(s, help, sizeof help);
    SDL_Rect words = { g.mode_row.x, g.mode_row.y, g.mode_row.w, g.mode_words_h };
    draw_row(c, g.mode_row, words, "Start lessons in", help, g.mode_text_w, false);
    gt_tones_draw(c, &g.tones);
    SDL_Rect row = g.rows[0];
    gt_ui_text(ui, footer_words(s), row.x, g.footer_y, GT_FONT_BODY, false, GT_COL_TEXT, row.w, NULL, NULL);
    gt_tones_draw_preview(c, g.preview);
}

bool gt_settings_in_header(const GtScreenContext *c, int left_x) {
    return gt_settings_header_left(c, left_x) - 3 * c->ui->unit >= c->ui->touch * 4;
}

int gt_settings_header_left(const GtScreenContext *c, int right_x) {
    return right_x - c->ui->unit - c->ui->touch * 3;
}

int gt_settings_header_hit(const GtScreenContext *c, GtHitMap *hits, int right_x) {
    const GtUi *ui = c->ui;
    SDL_Rect r = { gt_settings_header_left(c, right_x), ui->unit, ui->touch * 3, ui->touch };
    gt_hits_add_button(hits, r, "Settings", GT_ACT_SETTINGS, SDLK_s, false);
    return r.x;
}
