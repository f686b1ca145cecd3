/* students_screens: the student picker and the name keyboard (see students_screens.h). */
#include "students_screens.h"
#include "screen_parts.h"

#include <stdio.h>
#include <string.h>

/* The area under the header, inside the margins. */
static SDL_Rect content(const GtScreenContext *c) {
    const GtFrame *f = &c->screens->frame;
    int u = c->ui->unit, top = f->header.h + 2 * u;
    return (SDL_Rect){ 2 * u, top, f->output_w - 4 * u, f->output_h - top - 2 * u };
}

int gt_students_header_hit(const GtScreenContext *c, GtHitMap *hits, int right_x) {
    const GtUi *ui = c->ui;
    char label[GT_HIT_LABEL_MAX];
    if (c->session->student_id) snprintf(label, sizeof label, "Student: %s", c->session->student_name);
    else snprintf(label, sizeof label, "Guest: pick your name");
    int w = ui->touch * 5;
    SDL_Rect r = { right_x - ui->unit - w, ui->unit, w, ui->touch };
    gt_hits_add_button(hits, r, label, GT_ACT_STUDENTS, SDLK_n, false);
    return r.x;
}

/* Where the picker's names go: a grid of touch-sized buttons under the two choices, by pages
 * when they do not all fit (Up and More, with "Names 1-27 of 40" between them, at the bottom). */
typedef struct PickerGrid {
    int columns, col_w, names_top, row_h;
    size_t per_page;                /* names on a page (whole rows, at most GT_PICKER_NAMES_MAX) */
    int last_page, page;            /* the last page, and the one shown (the session's, kept in range) */
    bool paged;                     /* not all names fit: Up and More show */
    SDL_Rect up, more, pages;       /* the page buttons and the line between them */
} PickerGrid;

/* How many whole rows of `columns` names fit from `top` down to `bottom`, as names (at least
 * one row, at most GT_PICKER_NAMES_MAX). */
static size_t names_fitting(int top, int bottom, int row_h, int columns, int u) {
    int rows = (bottom - top + u) / row_h;
    if (rows < 1) rows = 1;
    if (rows * columns > GT_PICKER_NAMES_MAX) rows = GT_PICKER_NAMES_MAX / columns;
    return (size_t)(rows * columns);
}

/* Computes the grid for the frame, the number of names and the session's page. */
static void picker_grid(const GtScreenContext *c, PickerGrid *g) {
    const GtUi *ui = c->ui;
    SDL_Rect a = content(c);
    int u = ui->unit, top = a.y + ui->touch + u; /* a line of words, then Add my name and the guest */
    memset(g, 0, sizeof *g);
    g->row_h = ui->touch + u;
    g->columns = a.w >= ui->touch * 15 ? 3 : 2;
    g->col_w = (a.w - (g->columns - 1) * u) / g->columns;
    g->names_top = top + g->row_h + 2 * u + ui->touch / 2; /* room for "Your name:" */
    size_t count = c->session->students.count;
    g->per_page = names_fitting(g->names_top, a.y + a.h, g->row_h, g->columns, u);
    g->paged = count > g->per_page;
    if (g->paged) {
        int y = a.y + a.h - ui->touch;
        g->per_page = names_fitting(g->names_top, y - u, g->row_h, g->columns, u);
        g->up = (SDL_Rect){ a.x, y, ui->touch * 3, ui->touch };
        g->more = (SDL_Rect){ a.x + a.w - ui->touch * 3, y, ui->touch * 3, ui->touch };
        g->pages = (SDL_Rect){ a.x, y, a.w, ui->touch };
    }
    g->last_page = count ? (int)((count - 1) / g->per_page) : 0;
    int page = c->session->picker_page;
    g->page = page < 0 ? 0 : page > g->last_page ? g->last_page : page;
}

int gt_students_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    SDL_Rect a = content(c);
    int u = ui->unit, top = a.y + ui->touch + u, half = (a.w - u) / 2;
    if (c->session->db)
        gt_hits_add_button(hits, (SDL_Rect){ a.x, top, half, ui->touch }, "Add my name", GT_ACT_ADD_STUDENT, SDLK_RETURN,
                           true);
    gt_hits_add_button(hits, (SDL_Rect){ a.x + half + u, top, half, ui->touch }, "Practise as a guest", GT_ACT_GUEST,
                       SDLK_g, false);
    PickerGrid g;
    picker_grid(c, &g);
    if (g.paged) { /* the wheel and the arrow keys turn the pages too */
        gt_hits_add(hits, GT_HIT_LIST, (SDL_Rect){ a.x, g.names_top, a.w, a.y + a.h - g.names_top }, GT_HIT_NO_ACTION);
        gt_hits_add_button(hits, g.up, "Up", GT_ACT_SCROLL_UP, SDLK_PAGEUP, false);
        gt_hits_add_button(hits, g.more, "More", GT_ACT_SCROLL_DOWN, SDLK_PAGEDOWN, false);
    }
    size_t first = (size_t)g.page * g.per_page;
    for (size_t i = first; i < c->session->students.count && i < first + g.per_page; i++) {
        int col = (int)((i - first) % (size_t)g.columns), row = (int)((i - first) / (size_t)g.columns);
        SDL_Rect r = { a.x + col * (g.col_w + u), g.names_top + row * g.row_h, g.col_w, ui->touch };
        gt_hits_add_button(hits, r, c->session->students.items[i].name, GT_ACT_STUDENT_BASE + (int)i, 0, false);
    }
    return g.last_page;
}

void gt_students_draw(const GtScreenContext *c, const GtHitMap *hits) {
    gt_screen_draw_header(c, "Who is practising?", "Tap your name, or add it");
    GtUi *ui = c->ui;
    SDL_Rect a = content(c);
    int u = ui->unit;
    const char *line = c->session->db
                           ? "Your attempts are kept under your name. A guest's attempts are not kept."
                           : "Nothing can be kept on this machine now, so everyone practises as a guest.";
    gt_ui_text_fit(ui, line, a.x, a.y, a.w, GT_FONT_BODY, false, GT_COL_TEXT);
    SDL_Rect guest = gt_screen_button_rect(hits, GT_ACT_GUEST);
    int y = guest.y + guest.h + 2 * u;
    size_t count = c->session->students.count;
    if (count == 0) {
        gt_ui_text_fit(ui, c->session->db ? "No names yet: add yours." : "", a.x, y, a.w, GT_FONT_BODY, true,
                       GT_COL_MUTED);
        return;
    }
    gt_ui_text_fit(ui, "Your name:", a.x, y, a.w, GT_FONT_BODY, true, GT_COL_TEXT);
    PickerGrid g;
    picker_grid(c, &g);
    if (g.paged) {
        char pages[96];
        size_t first = (size_t)g.page * g.per_page, last = first + g.per_page < count ? first + g.per_page : count;
        snprintf(pages, sizeof pages, "Names %zu-%zu of %zu", first + 1, last, count);
        gt_ui_text_centred(ui, pages, g.pages, GT_FONT_BODY, false, GT_COL_MUTED);
    }
}

/* The keyboard's rows of letters; '-' and '\'' end the last row. */
static const char *const KEY_ROWS[] = { "QWERTYUIOP", "ASDFGHJKL'", "ZXCVBNM-" };

/* The shortcut key for a character of the keyboard. */
static SDL_Keycode key_for(char ch) {
    if (ch >= 'A' && ch <= 'Z') return (SDL_Keycode)(SDLK_a + (ch - 'A'));
    return ch == '-' ? SDLK_MINUS : SDLK_QUOTE;
}

/* The typed name's box on top, then three rows of ten keys, then Space, Delete and Add. */
void gt_name_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    SDL_Rect a = content(c);
    int u = ui->unit, key_w = (a.w - 9 * u) / 10;
    int key_h = ui->touch * 3 / 2, top = a.y + ui->touch * 2 + 3 * u;
    int avail = a.y + a.h - top, need = 4 * key_h + 3 * u;
    if (need > avail) key_h = (avail - 3 * u) / 4;
    if (key_h < ui->touch) key_h = ui->touch;
    for (int row = 0; row < 3; row++) {
        const char *keys = KEY_ROWS[row];
        int n = (int)strlen(keys), x = a.x + (row == 2 ? (key_w + u) / 2 : 0);
        for (int k = 0; k < n; k++) {
            char label[2] = { keys[k], '\0' };
            SDL_Rect r = { x + k * (key_w + u), top + row * (key_h + u), key_w, key_h };
            gt_hits_add_button(hits, r, label, GT_ACT_KEY_BASE + keys[k], key_for(keys[k]), false);
        }
    }
    int y = top + 3 * (key_h + u), wide = key_w * 2 + u;
    gt_hits_add_button(hits, (SDL_Rect){ a.x, y, wide, key_h }, "Delete", GT_ACT_KEY_BACKSPACE, SDLK_BACKSPACE, false);
    gt_hits_add_button(hits, (SDL_Rect){ a.x + wide + u, y, a.w - 2 * (wide + u), key_h }, "Space", GT_ACT_KEY_SPACE,
                       SDLK_SPACE, false);
    gt_hits_add_button(hits, (SDL_Rect){ a.x + a.w - wide, y, wide, key_h }, "Add", GT_ACT_NAME_OK, SDLK_RETURN, true);
}

void gt_name_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    gt_screen_draw_header(c, "Add my name", "Type your name as your instructor knows it");
    GtUi *ui = c->ui;
    SDL_Rect a = content(c);
    int u = ui->unit;
    SDL_Rect box = { a.x, a.y, a.w, ui->touch * 3 / 2 };
    gt_ui_fill_round_rect(ui, box, u, GT_COL_PANEL, 255);
    char shown[GT_STUDENT_NAME_BYTES + 8];
    snprintf(shown, sizeof shown, "%s|", c->session->typed_name);
    gt_ui_text_fit(ui, shown, box.x + 2 * u, box.y + u, box.w - 4 * u, GT_FONT_LARGE, true, GT_COL_TEXT);
    const char *below = c->session->name_problem[0] ? c->session->name_problem
                                                   : "Letters, spaces, hyphens and apostrophes; up to 40.";
    bool bad = c->session->name_problem[0] != '\0';
    int x = a.x;
    if (bad) {
        gt_ui_warning_icon(ui, x, box.y + box.h + u, ui->touch / 2);
        x += ui->touch / 2 + u;
    }
    gt_ui_text_fit(ui, below, x, box.y + box.h + u, a.w - (x - a.x), GT_FONT_BODY, bad, bad ? GT_COL_BAD_TEXT : GT_COL_MUTED);
}
