/* A lesson's first and last screens: the intro (its summary, its steps on the body, Start
 * lesson) and the summary (the best of each step in this run, Practise again, All lessons). */
#include "screen_parts.h"

#include <stdio.h>

static const char *const MODE_LABELS[GT_MODE_COUNT] = { "Learn", "Practice", "Exam" };

void gt_intro_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    SDL_Rect p = c->screens->frame.panel;
    SDL_Rect start = { p.x + p.w - ui->touch * 5 - ui->unit, p.y + p.h - ui->touch, ui->touch * 5, ui->touch };
    gt_hits_add_button(hits, start, "Start lesson", GT_ACT_START, SDLK_RETURN, true);
}

void gt_intro_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    GtUi *ui = c->ui;
    const GtLesson *lesson = c->session->lesson;
    int u = ui->unit;
    char subtitle[160];
    snprintf(subtitle, sizeof subtitle, "%s mode  ·  %s  ·  about %.0f min", MODE_LABELS[c->session->mode],
             lesson->level == GT_LEVEL_ADVANCED ? "Advanced" : "Beginner", lesson->duration_min);
    gt_screen_draw_header(c, lesson->title, subtitle);
    const GtStep *first = &lesson->steps[0];
    GtBodyView *view = &c->views[first->view];
    gt_bodyview_draw(view, ui);
    for (size_t s = 0; s < lesson->step_count; s++)
        if (lesson->steps[s].view == first->view) gt_bodyview_fill_region(view, ui, lesson->steps[s].region, GT_COL_HIGHLIGHT, 110);
    SDL_Rect p = c->screens->frame.panel;
    int x = p.x + u, y = p.y, w = p.w - 2 * u, h = 0;
    gt_ui_text(ui, lesson->summary, x, y, GT_FONT_BODY, false, GT_COL_TEXT, w, NULL, &h);
    y += h + 2 * u;
    for (size_t s = 0; s < lesson->step_count; s++) {
        char line[256];
        const GtStep *step = &lesson->steps[s];
        const GtRegion *region = gt_bodymap_region(c->views[step->view].map, step->region);
        snprintf(line, sizeof line, "%zu.  %s, %s", s + 1, step->technique ? step->technique->name : step->technique_id,
                 region ? region->name : step->region);
        gt_ui_text(ui, line, x, y, GT_FONT_BODY, s == 0, GT_COL_TEXT, w, NULL, &h);
        y += h + u / 2;
        if (y > p.y + p.h - ui->touch * 2) break;
    }
}

/* The summary's two buttons, along the bottom of the window. */
void gt_summary_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    const GtFrame *f = &c->screens->frame;
    int u = ui->unit, bw = ui->touch * 5, y = f->output_h - 2 * u - ui->touch;
    gt_hits_add_button(hits, (SDL_Rect){ 2 * u, y, bw, ui->touch }, "Practise again", GT_ACT_RETRY, SDLK_r, false);
    gt_hits_add_button(hits, (SDL_Rect){ f->output_w - 2 * u - bw, y, bw, ui->touch }, "All lessons", GT_ACT_HOME,
                       SDLK_RETURN, true);
}

/* One step's line: its number, technique, best total, grade and whether it passed. */
static void step_line(const GtSession *s, size_t index, char *line, size_t size) {
    const GtStep *step = &s->lesson->steps[index];
    double best = index < GT_MAX_STEPS ? s->step_best[index] : -1;
    bool passed = index < GT_MAX_STEPS && s->step_passed[index];
    char shown[32];
    gt_result_format_total(best, step->pass_mark, shown, sizeof shown);
    if (best >= 0)
        snprintf(line, size, "%zu.  %-24s  %s  %s  %s", index + 1, step->technique ? step->technique->name : "", shown,
                 s->step_grade[index], passed ? "passed" : "not yet passed");
    else
        snprintf(line, size, "%zu.  %s  (skipped)", index + 1, step->technique ? step->technique->name : "");
}

void gt_summary_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    const GtLesson *lesson = s->lesson;
    const GtFrame *f = &c->screens->frame;
    int u = ui->unit;
    gt_screen_draw_header(c, lesson->title, "Lesson summary");
    double sum = 0;
    int done = 0;
    for (size_t i = 0; i < lesson->step_count && i < GT_MAX_STEPS; i++)
        if (s->step_best[i] >= 0) { sum += s->step_best[i]; done++; }
    double mean = lesson->step_count ? sum / (double)lesson->step_count : 0;
    SDL_Rect area = { 2 * u, f->header.h + 2 * u, f->output_w - 4 * u, f->output_h - f->header.h - 4 * u };
    char line[256];
    gt_result_format_total(mean, 0.0, line, sizeof line);
    int w = 0, h = 0;
    gt_ui_text(ui, line, area.x, area.y, GT_FONT_HUGE, true, GT_COL_TEXT, 0, &w, &h);
    snprintf(line, sizeof line, "Grade %s  ·  %d of %zu steps done", gt_grade_for(mean), done, lesson->step_count);
    gt_ui_text(ui, line, area.x + w + 2 * u, area.y + h / 3, GT_FONT_LARGE, true, GT_COL_TEXT, 0, NULL, NULL);
    int y = area.y + h + 2 * u;
    for (size_t i = 0; i < lesson->step_count; i++) {
        bool passed = i < GT_MAX_STEPS && s->step_passed[i];
        step_line(s, i, line, sizeof line);
        gt_ui_text(ui, line, area.x, y, GT_FONT_BODY, false, passed ? GT_COL_TEXT : GT_COL_MUTED, area.w, NULL, &h);
        y += h + u / 2;
    }
}
