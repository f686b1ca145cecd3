/* The lesson list: the mode (learn, practice, exam), a card per lesson and per file that did
 * not load, and Up / More when the cards do not all fit. Layout and drawing share one grid, so
 * every card drawn is a card that answers. */
#include "screen_parts.h"
#include "settings_screen.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const MODE_LABELS[GT_MODE_COUNT] = { "Learn", "Practice", "Exam" };
static const char *const MODE_HELP[GT_MODE_COUNT] = {
    "Watch a demonstration, then trace the guide. Hints after three misses.",
    "Trace the guide without a demonstration.", "No guide: show what you know." };

/* Where everything on the lesson list goes, output pixels. */
typedef struct HomeGrid {
    SDL_Rect label;                 /* "Mode:" */
    SDL_Rect modes[GT_MODE_COUNT];  /* the mode buttons */
    SDL_Rect help;                  /* the mode's one-line help (x, y, wrap width; h measured) */
    SDL_Rect settings;              /* Settings at the row's end when the header has no room, else empty */
    int columns, card_w, card_h;
    int list_top;                   /* first card row's top */
    size_t total;                   /* cards: lessons, then files that did not load */
    int rows_total, rows_shown;     /* card rows in all, and that fit */
    int first_row;                  /* the first row shown (the session's scroll, kept in range) */
    bool scrolling;                 /* not all rows fit: Up and More show */
    SDL_Rect up, more, pages;       /* the scroll buttons and the "Lessons 1-4 of 8" line */
} HomeGrid;

/* The mode row: label, buttons, Settings at its end when `settings_in_row`, and the help beside
 * them (or under, when narrow); returns the row below it. */
static int mode_row(const GtScreenContext *c, HomeGrid *g, int top, bool settings_in_row) {
    GtUi *ui = c->ui;
    int u = ui->unit, w = c->screens->frame.output_w, seg_w = ui->touch * 3, lw = 0, lh = 0;
    if (settings_in_row) {
        g->settings = (SDL_Rect){ w - 2 * u - ui->touch * 3, top, ui->touch * 3, ui->touch };
        w = g->settings.x - u; /* the help keeps clear of it */
    }
    gt_ui_text_size(ui, "Mode:", GT_FONT_BODY, true, 0, &lw, &lh);
    g->label = (SDL_Rect){ 2 * u, top + (ui->touch - lh) / 2, lw, lh };
    for (int m = 0; m < GT_MODE_COUNT; m++) g->modes[m] = (SDL_Rect){ 3 * u + lw + m * (seg_w + u), top, seg_w, ui->touch };
    int mode_right = 3 * u + lw + GT_MODE_COUNT * (seg_w + u) + u, hh = 0;
    const char *help = MODE_HELP[c->session->mode];
    if (w - mode_right > 12 * ui->font_px[GT_FONT_SMALL]) {
        gt_ui_text_size(ui, help, GT_FONT_SMALL, false, w - mode_right - 2 * u, NULL, &hh);
        g->help = (SDL_Rect){ mode_right, top + (ui->touch - hh) / 2, w - mode_right - 2 * u, hh };
        return top + ui->touch + u;
    }
    top += ui->touch + (settings_in_row ? u / 2 : u); /* the help tucks under Settings' row */
    w = c->screens->frame.output_w;
    gt_ui_text_size(ui, help, GT_FONT_SMALL, false, w - 4 * u, NULL, &hh);
    g->help = (SDL_Rect){ 2 * u, top, w - 4 * u, hh };
    return top + hh + u;
}

/* True when the Settings button belongs in the mode row: the header declared none (no room
 * there), or the one in `hits` lies below the header. */
static bool settings_in_row(const GtScreenContext *c, const GtHitMap *hits) {
    const GtHit *h = gt_hits_find_action(hits, GT_ACT_SETTINGS);
    return !h || h->rect.y >= c->screens->frame.header.h;
}

/* Computes the whole grid for the frame, the session's scroll and where Settings goes. */
static void home_grid(const GtScreenContext *c, HomeGrid *g, bool settings_row) {
    GtUi *ui = c->ui;
    const GtFrame *f = &c->screens->frame;
    int u = ui->unit;
    memset(g, 0, sizeof *g);
    g->list_top = mode_row(c, g, f->header.h + u, settings_row);
    g->columns = f->portrait || f->output_w < 900 ? 1 : 2;
    g->card_w = (f->output_w - (g->columns + 1) * 2 * u) / g->columns;
    g->card_h = ui->font_px[GT_FONT_LARGE] * 2 + ui->font_px[GT_FONT_SMALL] * 4 + 4 * u;
    g->total = c->library->lesson_count + c->library->broken_count;
    g->rows_total = (int)((g->total + (size_t)g->columns - 1) / (size_t)g->columns);
    int avail = f->output_h - g->list_top - u;
    g->rows_shown = avail / (g->card_h + u) > 0 ? avail / (g->card_h + u) : 1;
    g->scrolling = g->rows_total > g->rows_shown;
    if (g->scrolling) {
        avail -= ui->touch + u;
        g->rows_shown = avail / (g->card_h + u) > 0 ? avail / (g->card_h + u) : 1;
        int y = f->output_h - u - ui->touch;
        g->up = (SDL_Rect){ 2 * u, y, ui->touch * 3, ui->touch };
        g->more = (SDL_Rect){ f->output_w - 2 * u - ui->touch * 3, y, ui->touch * 3, ui->touch };
        g->pages = (SDL_Rect){ 0, y, f->output_w, ui->touch };
    }
    int last_first = g->rows_total - g->rows_shown > 0 ? g->rows_total - g->rows_shown : 0;
    g->first_row = c->session->home_scroll < 0 ? 0 : c->session->home_scroll > last_first ? last_first : c->session->home_scroll;
}

/* The rectangle of card `i`; false when it is scrolled out of view. */
static bool card_rect(const GtScreenContext *c, const HomeGrid *g, size_t i, SDL_Rect *r) {
    int u = c->ui->unit;
    int row = (int)(i / (size_t)g->columns) - g->first_row, col = (int)(i % (size_t)g->columns);
    if (row < 0 || row >= g->rows_shown) return false;
    *r = (SDL_Rect){ 2 * u + col * (g->card_w + 2 * u), g->list_top + row * (g->card_h + u), g->card_w, g->card_h };
    return true;
}

int gt_home_layout(const GtScreenContext *c, GtHitMap *hits) {
    HomeGrid g;
    home_grid(c, &g, settings_in_row(c, hits));
    if (g.settings.w) gt_hits_add_button(hits, g.settings, "Settings", GT_ACT_SETTINGS, SDLK_s, false);
    for (int m = 0; m < GT_MODE_COUNT; m++)
        gt_hits_add_button(hits, g.modes[m], MODE_LABELS[m], GT_ACT_MODE_LEARN + m, SDLK_F1 + m, c->session->mode == (GtMode)m);
    const GtFrame *f = &c->screens->frame;
    gt_hits_add(hits, GT_HIT_LIST, (SDL_Rect){ 0, g.list_top, f->output_w, f->output_h - g.list_top }, GT_HIT_NO_ACTION);
    for (size_t i = 0; i < c->library->lesson_count; i++) {
        SDL_Rect r;
        if (card_rect(c, &g, i, &r)) gt_hits_add(hits, GT_HIT_CARD, r, GT_ACT_LESSON_BASE + (int)i);
    }
    if (g.scrolling) {
        gt_hits_add_button(hits, g.up, "Up", GT_ACT_SCROLL_UP, SDLK_PAGEUP, false);
        gt_hits_add_button(hits, g.more, "More", GT_ACT_SCROLL_DOWN, SDLK_PAGEDOWN, false);
    }
    return g.rows_total - g.rows_shown > 0 ? g.rows_total - g.rows_shown : 0;
}

/* The techniques a lesson teaches, each named once: "Effleurage, Petrissage (kneading)". */
static void technique_names(const GtLesson *lesson, char *buffer, size_t size) {
    buffer[0] = '\0';
    for (size_t s = 0; s < lesson->step_count; s++) {
        const GtTechnique *t = lesson->steps[s].technique;
        if (!t || strstr(buffer, t->name)) continue;
        size_t used = strlen(buffer);
        snprintf(buffer + used, size - used, "%s%s", used ? ", " : "", t->name);
    }
}

/* The student's best on a lesson ("Best 82.5 (B), 3 of 5 steps") or "Not tried yet"; returns
 * whether there is a best. */
static bool best_words(const GtScreenContext *c, const GtLesson *lesson, char *line, size_t size) {
    double best = 0;
    int tried = 0;
    bool any = c->progress && gt_progress_lesson_best(c->progress, lesson->id, (int)lesson->step_count, &best, &tried);
    char shown[32];
    gt_result_format_total(best, 0.0, shown, sizeof shown);
    if (any && tried < (int)lesson->step_count)
        snprintf(line, size, "Best %s (%s), %d of %zu steps", shown, gt_grade_for(best), tried, lesson->step_count);
    else if (any) snprintf(line, size, "Best %s (%s)", shown, gt_grade_for(best));
    else snprintf(line, size, "Not tried yet");
    return any;
}

/* A lesson's card: title, the student's best, level, length, condition and techniques. */
static void draw_lesson_card(const GtScreenContext *c, SDL_Rect r, size_t index) {
    GtUi *ui = c->ui;
    const GtLesson *lesson = &c->library->lessons[index];
    int u = ui->unit;
    bool pressed = c->pressed_action == GT_ACT_LESSON_BASE + (int)index;
    gt_ui_fill_round_rect(ui, r, u, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + 1, r.y + 1, r.w - 2, r.h - 2 }, u, GT_COL_PANEL, pressed ? 200 : 255);
    int x = r.x + 2 * u, y = r.y + u, inner = r.w - 4 * u, h = 0;
    char line[512];
    bool any = best_words(c, lesson, line, sizeof line);
    int mw = 0, title_w = inner * 3 / 4;
    gt_ui_text_size(ui, line, GT_FONT_BODY, true, 0, &mw, NULL);
    if (title_w > inner - mw - 2 * u) title_w = inner - mw - 2 * u; /* the title wraps clear of the best */
    if (title_w < inner / 2) title_w = inner / 2;
    gt_ui_text(ui, lesson->title, x, y, GT_FONT_LARGE, true, GT_COL_TEXT, title_w, NULL, &h);
    gt_ui_text(ui, line, r.x + r.w - 2 * u - mw, y, GT_FONT_BODY, true, any ? GT_COL_GOOD_TEXT : GT_COL_MUTED, 0, NULL, NULL);
    y += h + u / 2;
    snprintf(line, sizeof line, "%s  ·  about %.0f min  ·  %zu steps  ·  for %s",
             lesson->level == GT_LEVEL_ADVANCED ? "Advanced" : "Beginner", lesson->duration_min, lesson->step_count,
             lesson->condition);
    gt_ui_text(ui, line, x, y, GT_FONT_SMALL, false, GT_COL_MUTED, inner, NULL, &h);
    y += h + u / 2;
    technique_names(lesson, line, sizeof line);
    gt_ui_text(ui, line, x, y, GT_FONT_SMALL, false, GT_COL_TEXT, inner, NULL, NULL);
}

/* A file that did not load: its name and the problem, outlined in vermillion. */
static void draw_broken_card(const GtScreenContext *c, SDL_Rect r, const GtBrokenFile *broken) {
    GtUi *ui = c->ui;
    int u = ui->unit;
    gt_ui_fill_round_rect(ui, r, u, GT_COL_BAD, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 }, u, GT_COL_PANEL, 255);
    const char *name = strrchr(broken->file, '/');
    char title[256];
    snprintf(title, sizeof title, "Cannot open %s", name ? name + 1 : broken->file);
    int h = 0;
    gt_ui_text(ui, title, r.x + 2 * u, r.y + u, GT_FONT_BODY, true, GT_COL_BAD, r.w - 4 * u, NULL, &h);
    gt_ui_text(ui, broken->problem, r.x + 2 * u, r.y + u + h + u / 2, GT_FONT_SMALL, false, GT_COL_TEXT, r.w - 4 * u,
               NULL, NULL);
}

void gt_home_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    GtUi *ui = c->ui;
    int u = ui->unit;
    HomeGrid g;
    home_grid(c, &g, settings_in_row(c, hits));
    gt_screen_draw_header(c, "Guided Touch", "Massage stroke trainer");
    gt_ui_text(ui, "Mode:", g.label.x, g.label.y, GT_FONT_BODY, true, GT_COL_TEXT, 0, NULL, NULL);
    gt_ui_text(ui, MODE_HELP[c->session->mode], g.help.x, g.help.y, GT_FONT_SMALL, false, GT_COL_MUTED, g.help.w, NULL,
               NULL);
    for (size_t i = 0; i < g.total; i++) {
        SDL_Rect r;
        if (!card_rect(c, &g, i, &r)) continue;
        if (i < c->library->lesson_count) draw_lesson_card(c, r, i);
        else draw_broken_card(c, r, &c->library->broken[i - c->library->lesson_count]);
    }
    if (g.scrolling) {
        char pages[64];
        int last = (g.first_row + g.rows_shown) * g.columns;
        snprintf(pages, sizeof pages, "Lessons %d-%d of %zu", g.first_row * g.columns + 1,
                 (size_t)last < g.total ? last : (int)g.total, g.total);
        gt_ui_text_centred(ui, pages, g.pages, GT_FONT_SMALL, false, GT_COL_MUTED);
    }
    if (g.total == 0)
        gt_ui_text(ui, "No lessons found. Put lesson files in the lessons folder (see docs/authoring.md).", 2 * u,
                   g.list_top, GT_FONT_BODY, false, GT_COL_TEXT, c->screens->frame.output_w - 4 * u, NULL, NULL);
}
