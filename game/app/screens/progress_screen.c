/* The progress screen ("My progress"): the student's techniques as a list to choose from (best,
 * recent and what holds each back), the chosen technique's score over time, minutes per day
 * against the routine guidance with the streak, and a heat map of where on the body the student
 * practised. Landscape puts the list, the charts and the body side by side; portrait puts the
 * list beside the body, and the charts under them. A guest is asked to pick a name. Layout and
 * drawing share one grid, so every row drawn is a row that answers. Drawn from what the session
 * read when the screen opened; nothing here reads the database. */
#include "screen_parts.h"
#include "progress_charts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Where everything on the progress screen goes, output pixels. */
typedef struct ProgressGrid {
    SDL_Rect area;          /* under the header, inside the margins */
    SDL_Rect list;          /* the technique rows (Up / More under them when they do not all fit) */
    int row_h, rows_shown;  /* a row's height and how many fit */
    int first_row;          /* the first technique shown (the session's scroll, kept in range) */
    bool scrolling;
    SDL_Rect up, more;
    SDL_Rect chart;         /* the chosen technique's score over time */
    SDL_Rect days;          /* minutes per day and the streak */
    SDL_Rect body;          /* the heat map: title, side buttons, figure, legend */
    SDL_Rect front, rear;   /* the side buttons, when both sides were practised */
    SDL_Rect figure, legend;
} ProgressGrid;

/* The label of the home screen's button, and its width (the header keeps room for it). */
static const char PROGRESS_LABEL[] = "My progress";

int gt_progress_button_w(const GtScreenContext *c) {
    int w = 0;
    gt_ui_text_size(c->ui, PROGRESS_LABEL, GT_FONT_BODY, true, 0, &w, NULL);
    w += 4 * c->ui->unit;
    return w > c->ui->touch * 3 ? w : c->ui->touch * 3;
}

int gt_progress_header_hit(const GtScreenContext *c, GtHitMap *hits, int right_x) {
    int w = gt_progress_button_w(c);
    SDL_Rect r = { right_x - c->ui->unit - w, c->ui->unit, w, c->ui->touch };
    gt_hits_add_button(hits, r, PROGRESS_LABEL, GT_ACT_PROGRESS, SDLK_p, false);
    return r.x;
}

/* The height of a technique's row: its name, then two small lines, with padding. */
static int row_height(const GtScreenContext *c) {
    GtUi *ui = c->ui;
    int h = gt_progress_line_h(ui, GT_FONT_BODY, true) + 2 * gt_progress_line_h(ui, GT_FONT_SMALL, false) +
            2 * ui->unit;
    return h > ui->touch ? h : ui->touch;
}

/* Splits the area into the list, the charts and the body for landscape or portrait. */
static void split_area(const GtScreenContext *c, ProgressGrid *g) {
    const GtFrame *f = &c->screens->frame;
    int u = c->ui->unit, gap = 2 * u;
    SDL_Rect a = { 2 * u, f->header.h + 2 * u, f->output_w - 4 * u, f->output_h - f->header.h - 4 * u };
    g->area = a;
    if (f->portrait) {
        int top = a.h * 42 / 100, list_w = a.w * 56 / 100, rest = a.h - top - gap;
        g->list = (SDL_Rect){ a.x, a.y, list_w, top };
        g->body = (SDL_Rect){ a.x + list_w + gap, a.y, a.w - list_w - gap, top };
        g->chart = (SDL_Rect){ a.x, a.y + top + gap, a.w, rest * 54 / 100 };
        g->days = (SDL_Rect){ a.x, g->chart.y + g->chart.h + gap, a.w, rest - g->chart.h - gap };
        return;
    }
    int list_w = a.w * 27 / 100, body_w = a.w * 24 / 100, mid_w = a.w - list_w - body_w - 2 * gap;
    g->list = (SDL_Rect){ a.x, a.y, list_w, a.h };
    g->body = (SDL_Rect){ a.x + a.w - body_w, a.y, body_w, a.h };
    int chart_h = (a.h - gap) * 54 / 100;
    g->chart = (SDL_Rect){ a.x + list_w + gap, a.y, mid_w, chart_h };
    g->days = (SDL_Rect){ g->chart.x, a.y + chart_h + gap, mid_w, a.h - chart_h - gap };
}

/* The list's rows and, when they do not all fit, Up and More under them. */
static void list_rows(const GtScreenContext *c, ProgressGrid *g, const GtProgressView *v) {
    int u = c->ui->unit, count = (int)v->technique_count;
    g->row_h = row_height(c);
    int fit = (g->list.h + u) / (g->row_h + u);
    g->scrolling = count > fit;
    if (g->scrolling) {
        int half = (g->list.w - u) / 2, y = g->list.y + g->list.h - c->ui->touch;
        g->up = (SDL_Rect){ g->list.x, y, half, c->ui->touch };
        g->more = (SDL_Rect){ g->list.x + half + u, y, g->list.w - half - u, c->ui->touch };
        fit = (g->list.h - c->ui->touch + u) / (g->row_h + u);
    }
    g->rows_shown = fit > 1 ? fit : 1;
    int last_first = count - g->rows_shown > 0 ? count - g->rows_shown : 0;
    g->first_row = v->first_row < 0 ? 0 : v->first_row > last_first ? last_first : v->first_row;
}

/* The body's parts: a title line, the side buttons (both sides practised) or a line naming the
 * side, the figure and its legend. */
static void body_parts(const GtScreenContext *c, ProgressGrid *g, const GtProgressView *v) {
    GtUi *ui = c->ui;
    int u = ui->unit, y = g->body.y + gt_progress_line_h(ui, GT_FONT_BODY, true) + u;
    bool both = v->heat[GT_VIEW_ANTERIOR].count && v->heat[GT_VIEW_POSTERIOR].count;
    if (both) {
        int half = (g->body.w - u) / 2;
        g->front = (SDL_Rect){ g->body.x, y, half, ui->touch };
        g->rear = (SDL_Rect){ g->body.x + half + u, y, g->body.w - half - u, ui->touch };
        y += ui->touch + u;
    } else {
        y += gt_progress_line_h(ui, GT_FONT_SMALL, false) + u;
    }
    int legend_h = gt_progress_heat_legend_h(c, g->body.w);
    g->legend = (SDL_Rect){ g->body.x, g->body.y + g->body.h - legend_h, g->body.w, legend_h };
    g->figure = (SDL_Rect){ g->body.x, y, g->body.w, g->legend.y - u - y };
}

/* Computes the whole grid for the frame and what the session read. */
static void progress_grid(const GtScreenContext *c, ProgressGrid *g) {
    memset(g, 0, sizeof *g);
    split_area(c, g);
    const GtProgressView *v = c->session->progress_view;
    if (!v) return;
    list_rows(c, g, v);
    body_parts(c, g, v);
}

/* The rectangle of technique `i`'s row; false when it is scrolled out of view. */
static bool row_rect(const GtScreenContext *c, const ProgressGrid *g, int i, SDL_Rect *r) {
    int row = i - g->first_row;
    if (row < 0 || row >= g->rows_shown) return false;
    *r = (SDL_Rect){ g->list.x, g->list.y + row * (g->row_h + c->ui->unit), g->list.w, g->row_h };
    return true;
}

/* True when the screen has figures to show: a student's view, read whole, with attempts. */
static bool has_figures(const GtProgressView *v) {
    return v && v->read_ok && v->technique_count > 0;
}

/* Declares the rows, Up / More, the side buttons (or a guest's Pick my name); returns the list's
 * last first row, or -1 without a list. */
int gt_progress_layout(const GtScreenContext *c, GtHitMap *hits) {
    ProgressGrid g;
    progress_grid(c, &g);
    const GtProgressView *v = c->session->progress_view;
    if (!c->session->student_id) {
        int y = g.area.y + 3 * gt_progress_line_h(c->ui, GT_FONT_BODY, false) + 2 * c->ui->unit;
        gt_hits_add_button(hits, (SDL_Rect){ g.area.x, y, gt_progress_button_w(c) * 3 / 2, c->ui->touch },
                           "Pick my name", GT_ACT_STUDENTS, SDLK_RETURN, true);
        return -1;
    }
    if (!has_figures(v)) return -1;
    for (int i = 0; i < (int)v->technique_count; i++) {
        SDL_Rect r;
        if (row_rect(c, &g, i, &r)) gt_hits_add(hits, GT_HIT_CARD, r, GT_ACT_TECHNIQUE_BASE + i);
    }
    if (g.scrolling) {
        gt_hits_add_button(hits, g.up, "Up", GT_ACT_PROGRESS_UP, SDLK_PAGEUP, false);
        gt_hits_add_button(hits, g.more, "More", GT_ACT_PROGRESS_MORE, SDLK_PAGEDOWN, false);
    }
    if (g.front.w) {
        gt_hits_add_button(hits, g.front, "Front side", GT_ACT_PROGRESS_FRONT, SDLK_f, v->view == GT_VIEW_ANTERIOR);
        gt_hits_add_button(hits, g.rear, "Back side", GT_ACT_PROGRESS_REAR, SDLK_b, v->view == GT_VIEW_POSTERIOR);
    }
    int last_first = (int)v->technique_count - g.rows_shown;
    return last_first > 0 ? last_first : 0;
}

/* "Best 92.0 · Recent 78.5" for a technique ("Best: none yet" when no attempt was judged on its
 * criteria; "Recent: failed outright" when the latest was failed outright). */
static void figures_line(const GtProgressTechnique *t, char *line, size_t size) {
    char best[40] = "Best: none yet", recent[48] = "Recent: failed outright", total[24];
    if (!isnan(t->summary.best_total)) {
        gt_result_format_total(t->summary.best_total, t->pass_mark, total, sizeof total);
        snprintf(best, sizeof best, "Best %s", total);
    }
    if (t->summary.recent_scored) {
        gt_result_format_total(t->summary.recent_total, t->pass_mark, total, sizeof total);
        snprintf(recent, sizeof recent, "Recent %s", total);
    }
    snprintf(line, size, "%s \xC2\xB7 %s", best, recent);
}

/* "Held back by: speed", or why nothing is named. */
static void held_back_line(const GtProgressTechnique *t, char *line, size_t size) {
    if (t->summary.weakest[0]) snprintf(line, size, "Held back by: %s", t->summary.weakest);
    else if (isnan(t->summary.best_total)) snprintf(line, size, "No attempt judged on its criteria yet");
    else snprintf(line, size, "Nothing holds it back lately");
}

/* One technique's row: a panel (the chosen one outlined and marked with a bar on its left, so
 * the choice is not shown by colour alone), its name, its figures and what holds it back. */
static void draw_row(const GtScreenContext *c, SDL_Rect r, int index) {
    GtUi *ui = c->ui;
    const GtProgressView *v = c->session->progress_view;
    const GtProgressTechnique *t = &v->techniques[index];
    int u = ui->unit;
    bool chosen = index == v->selected, pressed = c->pressed_action == GT_ACT_TECHNIQUE_BASE + index;
    gt_ui_fill_round_rect(ui, r, u, chosen ? GT_COL_ACCENT : GT_COL_LINE, 255);
    int edge = chosen ? 3 : 1;
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + edge, r.y + edge, r.w - 2 * edge, r.h - 2 * edge }, u, GT_COL_PANEL,
                          pressed ? 200 : 255);
    if (chosen) gt_ui_fill_rect(ui, (SDL_Rect){ r.x, r.y + u, u, r.h - 2 * u }, GT_COL_ACCENT, 255);
    int x = r.x + 2 * u, w = r.w - 3 * u, y = r.y + u;
    gt_ui_text_fit(ui, t->name, x, y, w, GT_FONT_BODY, true, GT_COL_TEXT);
    y += gt_progress_line_h(ui, GT_FONT_BODY, true);
    char line[GT_FEEDBACK_MAX];
    figures_line(t, line, sizeof line);
    gt_ui_text_fit(ui, line, x, y, w, GT_FONT_SMALL, false, GT_COL_TEXT);
    y += gt_progress_line_h(ui, GT_FONT_SMALL, false);
    held_back_line(t, line, sizeof line);
    gt_ui_text_fit(ui, line, x, y, w, GT_FONT_SMALL, false, t->summary.weakest[0] ? GT_COL_BAD_TEXT : GT_COL_MUTED);
}

/* The heat map's part: its title, the side shown (in words when there are no buttons), the
 * figure with its shaded cells and the legend. */
static void draw_body(const GtScreenContext *c, const ProgressGrid *g) {
    GtUi *ui = c->ui;
    const GtProgressView *v = c->session->progress_view;
    int u = ui->unit, y = g->body.y;
    gt_ui_text_fit(ui, "Where you practised", g->body.x, y, g->body.w, GT_FONT_BODY, true, GT_COL_TEXT);
    if (!g->front.w)
        gt_ui_text_fit(ui, v->view == GT_VIEW_ANTERIOR ? "Front of the body" : "Back of the body", g->body.x,
                       y + gt_progress_line_h(ui, GT_FONT_BODY, true) + u, g->body.w, GT_FONT_SMALL, false,
                       GT_COL_MUTED);
    gt_progress_draw_heatmap(c, g->figure, g->legend, v);
}

/* What a guest sees: why there is nothing to show, and (as a button) how to change that. */
static void draw_guest(const GtScreenContext *c, const ProgressGrid *g) {
    gt_ui_text(c->ui,
               "Pick your name to see your progress. A guest's attempts are not kept, so there is nothing to "
               "show yet.",
               g->area.x, g->area.y, GT_FONT_BODY, false, GT_COL_TEXT, g->area.w, NULL, NULL);
}

/* The words in place of the figures: no attempts yet, or they could not be read. */
static void draw_no_figures(const GtScreenContext *c, const ProgressGrid *g, const GtProgressView *v) {
    const char *text = v && !v->read_ok
                           ? "Your progress could not be read: the message below says why."
                           : "No attempts saved yet. Choose a lesson and practise: your scores, the places you "
                             "worked on and your practice days will show here.";
    gt_ui_text(c->ui, text, g->area.x, g->area.y, GT_FONT_BODY, false, GT_COL_TEXT, g->area.w, NULL, NULL);
}

void gt_progress_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    ProgressGrid g;
    progress_grid(c, &g);
    const GtProgressView *v = c->session->progress_view;
    char subtitle[GT_STUDENT_NAME_BYTES + 96] = "Pick your name to keep your work";
    if (c->session->student_id)
        snprintf(subtitle, sizeof subtitle, "%s: %d attempt%s at %zu technique%s", c->session->student_name,
                 v ? v->attempts : 0, v && v->attempts == 1 ? "" : "s", v ? v->technique_count : 0,
                 v && v->technique_count == 1 ? "" : "s");
    gt_screen_draw_header(c, "My progress", subtitle);
    if (!c->session->student_id) {
        draw_guest(c, &g);
        return;
    }
    if (!has_figures(v)) {
        draw_no_figures(c, &g, v);
        return;
    }
    for (int i = 0; i < (int)v->technique_count; i++) {
        SDL_Rect r;
        if (row_rect(c, &g, i, &r)) draw_row(c, r, i);
    }
    const GtProgressTechnique *t = gt_session_progress_selected(c->session);
    if (t) gt_progress_draw_score_chart(c, g.chart, t);
    gt_progress_draw_days(c, g.days, v);
    draw_body(c, &g);
}
