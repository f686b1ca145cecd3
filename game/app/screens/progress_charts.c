/* progress_charts: the pictures of "My progress" (see progress_charts.h). */
#define _POSIX_C_SOURCE 200809L /* localtime_r */
#include "progress_charts.h"
#include "screen_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const char *const CRITERION_WORDS[][2] = {
    { "path", "staying on the guide" }, { "direction", "direction" }, { "pressure", "pressure" },
    { "speed", "speed" }, { "rhythm", "rhythm" }, { "continuity", "keeping contact" }, { "hold", "holding" },
};

int gt_progress_line_h(GtUi *ui, GtFontSize size, bool bold) {
    int h = 0;
    gt_ui_text_size(ui, "Ag", size, bold, 0, NULL, &h);
    return h > 0 ? h : ui->font_px[size];
}

/* A criterion as the student reads it ("path" -> "staying on the guide"); the name itself when
 * it has no other words. */
static const char *criterion_words(const char *name) {
    for (size_t i = 0; i < sizeof CRITERION_WORDS / sizeof CRITERION_WORDS[0]; i++)
        if (strcmp(name, CRITERION_WORDS[i][0]) == 0) return CRITERION_WORDS[i][1];
    return name;
}

/* "14 Mar" for a Unix ms time, local. */
static void short_date(int64_t ms, char *text, size_t size) {
    time_t t = (time_t)(ms / 1000);
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(text, size, "%e %b", &tm)) snprintf(text, size, "?");
    if (text[0] == ' ') memmove(text, text + 1, strlen(text));
}

/* ---- markers: the shape says what the colour says ---- */

typedef enum Marker { MARK_PASSED, MARK_NOT_YET, MARK_FAILED } Marker;

/* Draws a marker of radius `r` centred on (x, y): a filled disc, a ring, or a cross. */
static void draw_marker(GtUi *ui, Marker m, double x, double y, double r) {
    if (m == MARK_PASSED) gt_ui_fill_circle(ui, x, y, r, GT_COL_GOOD, 255);
    else if (m == MARK_NOT_YET) gt_ui_ring(ui, x, y, r, r * 0.45 > 2 ? r * 0.45 : 2, GT_COL_TEXT, 255);
    else {
        SDL_Color bad = gt_ui_colour(ui, GT_COL_BAD);
        double w = r * 0.55 > 2 ? r * 0.55 : 2;
        gt_ui_thick_line(ui, x - r, y - r, x + r, y + r, w, bad);
        gt_ui_thick_line(ui, x - r, y + r, x + r, y - r, w, bad);
    }
}

/* The marker an attempt gets. */
static Marker marker_of(const GtScorePoint *p) {
    return !p->scored ? MARK_FAILED : p->passed ? MARK_PASSED : MARK_NOT_YET;
}

/* The legend of the three markers in one row from (x, y), as far as `w` allows (two rows when it
 * does not); returns its height. */
static int draw_marker_legend(GtUi *ui, int x, int y, int w, bool draw) {
    static const char *const LABELS[] = { "passed", "not yet", "failed outright (unsafe, not this step)" };
    int u = ui->unit, lh = gt_progress_line_h(ui, GT_FONT_SMALL, false), r = lh / 3, cx = x, cy = y;
    for (int m = 0; m < 3; m++) {
        int tw = 0;
        gt_ui_text_size(ui, LABELS[m], GT_FONT_SMALL, false, 0, &tw, NULL);
        int item = 2 * r + u / 2 + tw;
        if (cx > x && cx + item > x + w) {
            cx = x;
            cy += lh;
        }
        if (draw) {
            draw_marker(ui, (Marker)m, cx + r, cy + lh / 2.0, r);
            gt_ui_text(ui, LABELS[m], cx + 2 * r + u / 2, cy, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
        }
        cx += item + 2 * u;
    }
    return cy - y + lh;
}

/* A horizontal dashed line from x0 to x1 at y. */
static void dashed_line(GtUi *ui, int x0, int x1, int y, int dash, GtColour colour) {
    for (int x = x0; x < x1; x += 2 * dash)
        gt_ui_fill_rect(ui, (SDL_Rect){ x, y - 1, x + dash < x1 ? dash : x1 - x, 3 }, colour, 255);
}

/* Where a total (0-100, kept inside) lies up the plot. */
static double point_y(SDL_Rect plot, double total) {
    return plot.y + plot.h * (1.0 - fmin(fmax(total, 0.0), 100.0) / 100.0);
}

/* The plot of a technique's attempts in `plot` (0-100 up the side, labelled at 0, 50 and 100;
 * the pass mark dashed and labelled; consecutive attempts joined by a thin line). */
static void draw_points(const GtScreenContext *c, SDL_Rect plot, const GtProgressTechnique *t) {
    GtUi *ui = c->ui;
    int u = ui->unit, lh = gt_progress_line_h(ui, GT_FONT_SMALL, false);
    gt_ui_fill_rect(ui, plot, GT_COL_PANEL, 255);
    for (int level = 0; level <= 100; level += 25) {
        int y = plot.y + plot.h - plot.h * level / 100;
        gt_ui_fill_rect(ui, (SDL_Rect){ plot.x, y, plot.w, 1 }, GT_COL_LINE, 255);
        if (level % 50) continue;
        char label[8];
        snprintf(label, sizeof label, "%d", level);
        int tw = 0;
        gt_ui_text_size(ui, label, GT_FONT_SMALL, false, 0, &tw, NULL);
        gt_ui_text(ui, label, plot.x - u / 2 - tw, y - lh / 2, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    }
    if (t->pass_mark > 0) {
        int y = plot.y + plot.h - (int)lround(plot.h * t->pass_mark / 100.0);
        dashed_line(ui, plot.x, plot.x + plot.w, y, u, GT_COL_ACCENT);
        char label[32];
        snprintf(label, sizeof label, "pass %.0f", t->pass_mark);
        int tw = 0;
        gt_ui_text_size(ui, label, GT_FONT_SMALL, true, 0, &tw, NULL);
        int ly = t->pass_mark > 88 ? y + 2 : y - lh - 2; /* under the line near the top, else above */
        gt_ui_text(ui, label, plot.x + plot.w - tw - u / 2, ly, GT_FONT_SMALL, true, GT_COL_ACCENT, 0, NULL, NULL);
    }
    size_t n = t->point_count;
    double step = n ? (double)plot.w / (double)n : 0, r = fmin(fmax(step / 3.0, 3.0), u * 0.8);
    SDL_Color joint = gt_ui_colour(ui, GT_COL_MUTED);
    for (size_t i = 1; i < n; i++)
        gt_ui_thick_line(ui, plot.x + (i - 0.5) * step, point_y(plot, t->points[i - 1].total), plot.x + (i + 0.5) * step,
                         point_y(plot, t->points[i].total), 1.5, joint);
    for (size_t i = 0; i < n; i++)
        draw_marker(ui, marker_of(&t->points[i]), plot.x + (i + 0.5) * step, point_y(plot, t->points[i].total), r);
}

/* The first and the last attempt's day under the plot (one when they are the same day). */
static void draw_time_axis(const GtScreenContext *c, SDL_Rect plot, const GtProgressTechnique *t) {
    GtUi *ui = c->ui;
    if (!t->point_count) return;
    char first[24], last[24];
    short_date(t->points[0].finished_ms, first, sizeof first);
    short_date(t->points[t->point_count - 1].finished_ms, last, sizeof last);
    int y = plot.y + plot.h + ui->unit / 2, tw = 0;
    gt_ui_text(ui, first, plot.x, y, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    SDL_Rect row = { plot.x, y, plot.w, gt_progress_line_h(ui, GT_FONT_SMALL, false) };
    gt_ui_text_centred(ui, "oldest to newest", row, GT_FONT_SMALL, false, GT_COL_MUTED);
    if (strcmp(first, last) == 0) return;
    gt_ui_text_size(ui, last, GT_FONT_SMALL, false, 0, &tw, NULL);
    gt_ui_text(ui, last, plot.x + plot.w - tw, y, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
}

/* The weakest criterion in a sentence with its feedback ("Held back by speed (64 of 100
 * lately): Too fast: ..."), or "" when nothing holds the technique back. */
static void weakest_sentence(const GtProgressTechnique *t, char *text, size_t size) {
    text[0] = '\0';
    if (!t->summary.weakest[0]) return;
    snprintf(text, size, "Held back most by %s (%.0f of 100 lately): %s", criterion_words(t->summary.weakest),
             t->summary.weakest_score, t->summary.weakest_feedback);
}

void gt_progress_draw_score_chart(const GtScreenContext *c, SDL_Rect r, const GtProgressTechnique *t) {
    GtUi *ui = c->ui;
    int u = ui->unit, small = gt_progress_line_h(ui, GT_FONT_SMALL, false);
    char title[160], count[48];
    snprintf(title, sizeof title, "%s: score over time", t->name);
    snprintf(count, sizeof count, "%zu attempt%s", t->point_count, t->point_count == 1 ? "" : "s");
    int cw = 0, th = 0;
    gt_ui_text_size(ui, count, GT_FONT_SMALL, false, 0, &cw, NULL);
    gt_ui_text(ui, title, r.x, r.y, GT_FONT_BODY, true, GT_COL_TEXT, r.w - cw - 2 * u, NULL, &th);
    gt_ui_text(ui, count, r.x + r.w - cw, r.y, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    int y = r.y + th + u / 2;
    y += draw_marker_legend(ui, r.x, y, r.w, true) + u;
    char sentence[GT_FEEDBACK_MAX + 160];
    weakest_sentence(t, sentence, sizeof sentence);
    int sh = 0;
    if (sentence[0]) gt_ui_text_size(ui, sentence, GT_FONT_SMALL, false, r.w, NULL, &sh);
    int label_w = 0;
    gt_ui_text_size(ui, "100", GT_FONT_SMALL, false, 0, &label_w, NULL);
    SDL_Rect plot = { r.x + label_w + u, y + small / 2, r.w - label_w - u, 0 };
    plot.h = r.y + r.h - (sentence[0] ? sh + u : 0) - small - u / 2 - plot.y;
    if (plot.h < 3 * small) plot.h = 3 * small;
    draw_points(c, plot, t);
    draw_time_axis(c, plot, t);
    if (sentence[0])
        gt_ui_text(ui, sentence, r.x, plot.y + plot.h + small + u, GT_FONT_SMALL, false, GT_COL_TEXT, r.w, NULL, NULL);
}

/* ---- minutes per day ---- */

/* The streak in words, its best, and what to do to keep it: "3 days in a row" and "best 5 days
 * · practise today to keep it going". */
static void streak_words(const GtStreak *s, char *big, size_t big_size, char *small, size_t small_size) {
    if (s->current_days > 0)
        snprintf(big, big_size, "%d day%s in a row", s->current_days, s->current_days == 1 ? "" : "s");
    else snprintf(big, big_size, "No streak yet");
    const char *next = s->practised_today ? "practised today" : s->current_days > 0 ? "practise today to keep it going"
                                                                                   : "practise today to start one";
    snprintf(small, small_size, "best streak %d day%s \xC2\xB7 %s", s->best_days, s->best_days == 1 ? "" : "s", next);
}

/* The scale's top in minutes: the band's top with room, or more when a day went beyond it. */
static double minutes_top(const GtProgressView *v) {
    double top = GT_SELF_MASSAGE_MIN_PER_DAY_HIGH * 1.25;
    for (int i = 0; i < GT_PROGRESS_DAYS; i++)
        if (v->days[i].minutes * 1.1 > top) top = ceil(v->days[i].minutes * 1.1 / 5.0) * 5.0;
    return top;
}

/* The bars: the guidance band shaded and labelled, the minutes up the side at 0, 15 and 20, a
 * bar per day with its day of the month under it, and the first day's month and "today" under
 * those. */
static void draw_bars(const GtScreenContext *c, SDL_Rect plot, const GtProgressView *v) {
    GtUi *ui = c->ui;
    int u = ui->unit, lh = gt_progress_line_h(ui, GT_FONT_SMALL, false);
    double top = minutes_top(v);
    gt_ui_fill_rect(ui, plot, GT_COL_PANEL, 255);
    int band_lo = plot.y + plot.h - (int)lround(plot.h * GT_SELF_MASSAGE_MIN_PER_DAY_LOW / top);
    int band_hi = plot.y + plot.h - (int)lround(plot.h * GT_SELF_MASSAGE_MIN_PER_DAY_HIGH / top);
    gt_ui_fill_rect(ui, (SDL_Rect){ plot.x, band_hi, plot.w, band_lo - band_hi }, GT_COL_GOOD, 60);
    dashed_line(ui, plot.x, plot.x + plot.w, band_hi, u / 2 + 1, GT_COL_GOOD_TEXT);
    dashed_line(ui, plot.x, plot.x + plot.w, band_lo, u / 2 + 1, GT_COL_GOOD_TEXT);
    gt_ui_fill_rect(ui, (SDL_Rect){ plot.x, plot.y + plot.h, plot.w, 1 }, GT_COL_TEXT, 255);
    /* the minutes up the side: 0 on the base line, 15 and 20 on the band's edges (pushed apart
     * when the band is thinner than a line) */
    int y20 = band_hi - lh / 2, y15 = band_lo - lh / 2;
    if (y15 - y20 < lh) {
        y20 = (band_hi + band_lo) / 2 - lh;
        y15 = (band_hi + band_lo) / 2;
    }
    const int marks[] = { 0, GT_SELF_MASSAGE_MIN_PER_DAY_LOW, GT_SELF_MASSAGE_MIN_PER_DAY_HIGH };
    const int ys[] = { plot.y + plot.h - lh / 2, y15, y20 };
    for (int m = 0; m < 3; m++) {
        char label[8];
        snprintf(label, sizeof label, "%d", marks[m]);
        int tw = 0;
        gt_ui_text_size(ui, label, GT_FONT_SMALL, false, 0, &tw, NULL);
        if (m == 0 && ys[0] - y15 < lh) continue; /* no room for 0 under the band */
        gt_ui_text(ui, label, plot.x - u / 2 - tw, ys[m], GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    }
    double slot = (double)plot.w / GT_PROGRESS_DAYS;
    for (int i = 0; i < GT_PROGRESS_DAYS; i++) {
        const GtProgressDay *d = &v->days[i];
        int x = plot.x + (int)lround(i * slot), bw = (int)lround(slot * 0.6);
        int bh = (int)lround(plot.h * fmin(d->minutes, top) / top);
        if (d->minutes > 0 && bh < 2) bh = 2; /* any practice shows */
        SDL_Rect bar = { x + (int)lround(slot * 0.2), plot.y + plot.h - bh, bw, bh };
        gt_ui_fill_rect(ui, bar, GT_COL_ACCENT, 255);
        char label[8];
        snprintf(label, sizeof label, "%d", d->day_of_month);
        gt_ui_text_centred(ui, label, (SDL_Rect){ x, plot.y + plot.h + 2, (int)lround(slot), lh }, GT_FONT_SMALL,
                           i == GT_PROGRESS_DAYS - 1, i == GT_PROGRESS_DAYS - 1 ? GT_COL_TEXT : GT_COL_MUTED);
    }
    int tw = 0, y = plot.y + plot.h + 2 + lh;
    gt_ui_text_size(ui, "today", GT_FONT_SMALL, true, 0, &tw, NULL);
    gt_ui_text(ui, "today", plot.x + plot.w - tw, y, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, NULL);
    char month[16];
    struct tm tm = { 0 };
    sscanf(v->days[0].day, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday);
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    if (strftime(month, sizeof month, "%b", &tm))
        gt_ui_text(ui, month, plot.x, y, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
}

void gt_progress_draw_days(const GtScreenContext *c, SDL_Rect r, const GtProgressView *v) {
    GtUi *ui = c->ui;
    int u = ui->unit, small = gt_progress_line_h(ui, GT_FONT_SMALL, false);
    double total = 0;
    for (int i = 0; i < GT_PROGRESS_DAYS; i++) total += v->days[i].minutes;
    char title[96], big[64], rest[160];
    if (total > 0 && total < 1)
        snprintf(title, sizeof title, "Minutes a day, last %d days (under 1 min in all)", GT_PROGRESS_DAYS);
    else snprintf(title, sizeof title, "Minutes a day, last %d days (%.0f min in all)", GT_PROGRESS_DAYS, total);
    int th = 0, bw = 0, bh = 0;
    gt_ui_text(ui, title, r.x, r.y, GT_FONT_BODY, true, GT_COL_TEXT, r.w, NULL, &th);
    streak_words(&v->streak, big, sizeof big, rest, sizeof rest);
    int y = r.y + th + u / 2;
    gt_ui_text(ui, big, r.x, y, GT_FONT_LARGE, true, GT_COL_TEXT, 0, &bw, &bh);
    int rw = 0, rh = 0;
    gt_ui_text_size(ui, rest, GT_FONT_SMALL, false, 0, &rw, &rh);
    if (bw + 2 * u + rw <= r.w) {
        gt_ui_text(ui, rest, r.x + bw + 2 * u, y + bh - rh, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
        y += bh + u;
    } else {
        gt_ui_text(ui, rest, r.x, y + bh, GT_FONT_SMALL, false, GT_COL_MUTED, r.w, NULL, &rh);
        y += bh + rh + u;
    }
    static const char GUIDANCE[] = "Shaded: 15-20 minutes of self-massage a day, as the routines advise. "
                                   "Sessions with a professional: weekly or fortnightly.";
    int gh = 0, label_w = 0;
    gt_ui_text_size(ui, GUIDANCE, GT_FONT_SMALL, false, r.w, NULL, &gh);
    gt_ui_text_size(ui, "20", GT_FONT_SMALL, false, 0, &label_w, NULL);
    SDL_Rect plot = { r.x + label_w + u, y + small / 2, r.w - label_w - u, 0 };
    plot.h = r.y + r.h - gh - u - 2 * small - 2 - plot.y;
    if (plot.h < 2 * small) plot.h = 2 * small;
    draw_bars(c, plot, v);
    gt_ui_text(ui, GUIDANCE, r.x, plot.y + plot.h + 2 + 2 * small + u / 2, GT_FONT_SMALL, false, GT_COL_MUTED, r.w,
               NULL, NULL);
}

/* ---- the heat map ---- */

enum { HEAT_STEPS = 4 };
static const Uint8 HEAT_ALPHA[HEAT_STEPS] = { 70, 120, 170, 225 };
static const char *const HEAT_LABELS[HEAT_STEPS] = { "a little", "", "", "the most" };

/* The shading step (0 to HEAT_STEPS - 1) of a cell with `samples` of at most `max`. */
static int heat_step(long samples, long max) {
    if (max <= 0) return 0;
    int s = (int)((double)samples * HEAT_STEPS / (double)max);
    return s >= HEAT_STEPS ? HEAT_STEPS - 1 : s < 0 ? 0 : s;
}

int gt_progress_heat_legend_h(const GtScreenContext *c, int w) {
    (void)w;
    GtUi *ui = c->ui;
    return gt_progress_line_h(ui, GT_FONT_SMALL, false) * 2 + ui->unit / 2;
}

void gt_progress_draw_heatmap(const GtScreenContext *c, SDL_Rect figure, SDL_Rect legend, const GtProgressView *v) {
    GtUi *ui = c->ui;
    GtBodyView *view = &c->views[v->view];
    const GtHeatmap *heat = &v->heat[v->view];
    gt_bodyview_focus(view, NULL);
    gt_bodyview_layout(view, ui->renderer, figure);
    gt_bodyview_draw(view, ui);
    gt_bodyview_clip(view, ui, true);
    for (size_t i = 0; i < heat->count; i++) {
        const GtHeatCell *cell = &heat->cells[i];
        SDL_FPoint a = gt_bodyview_to_px(view, (GtPoint){ cell->x_cm, cell->y_cm });
        SDL_FPoint b = gt_bodyview_to_px(view, (GtPoint){ cell->x_cm + heat->cell_cm, cell->y_cm + heat->cell_cm });
        SDL_Rect r = { (int)floorf(a.x), (int)floorf(a.y), (int)ceilf(b.x - a.x), (int)ceilf(b.y - a.y) };
        gt_ui_fill_rect(ui, r, GT_COL_BAD, HEAT_ALPHA[heat_step(cell->samples, heat->max_samples)]);
    }
    gt_bodyview_clip(view, ui, false);
    int u = ui->unit, lh = gt_progress_line_h(ui, GT_FONT_SMALL, false), sw = lh * 3 / 2;
    int x = legend.x + (legend.w - HEAT_STEPS * (sw + 2)) / 2;
    for (int s = 0; s < HEAT_STEPS; s++) {
        SDL_Rect swatch = { x + s * (sw + 2), legend.y, sw, lh };
        gt_ui_fill_rect(ui, swatch, GT_COL_PANEL, 255);
        gt_ui_fill_rect(ui, swatch, GT_COL_BAD, HEAT_ALPHA[s]);
    }
    int tw = 0;
    gt_ui_text_size(ui, HEAT_LABELS[0], GT_FONT_SMALL, false, 0, &tw, NULL);
    gt_ui_text(ui, HEAT_LABELS[0], x - u / 2 - tw, legend.y, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    gt_ui_text(ui, HEAT_LABELS[HEAT_STEPS - 1], x + HEAT_STEPS * (sw + 2) + u / 2, legend.y, GT_FONT_SMALL, false,
               GT_COL_MUTED, 0, NULL, NULL);
    char what[64];
    snprintf(what, sizeof what, "time traced on each %d cm square", heat->cell_cm);
    gt_ui_text_centred(ui, what, (SDL_Rect){ legend.x, legend.y + lh + u / 2, legend.w, lh }, GT_FONT_SMALL, false,
                       GT_COL_MUTED);
}
