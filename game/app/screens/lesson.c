/* A lesson's first and last screens: the intro (its summary, its cautions, its steps on the
 * body and in words, Start lesson) and the summary (a table of the steps: number, technique, place, best total, grade
 * and result in this run, aligned in columns; Practise again, All lessons). */
#include "screen_parts.h"

#include <stdio.h>

static const char *const MODE_LABELS[GT_MODE_COUNT] = { "Learn", "Practice", "Exam" };

void gt_intro_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    SDL_Rect p = c->screens->frame.panel;
    SDL_Rect start = { p.x + p.w - ui->touch * 5 - ui->unit, p.y + p.h - ui->touch, ui->touch * 5, ui->touch };
    gt_hits_add_button(hits, start, "Start lesson", GT_ACT_START, SDLK_RETURN, true);
}

/* How the intro's panel is filled: the cautions' font, and the steps one a line or summed up in
 * one wrapped line. Tried in this order until everything fits. */
typedef struct IntroFit {
    GtFontSize font;
    bool steps_listed;
} IntroFit;

static const IntroFit INTRO_FITS[] = { { GT_FONT_BODY, true }, { GT_FONT_SMALL, true }, { GT_FONT_SMALL, false } };
enum { INTRO_FIT_COUNT = sizeof INTRO_FITS / sizeof INTRO_FITS[0] };

/* The steps from (x, y), `w` wide: one a line ("1.  Effleurage, Lower back (left)"), or summed up
 * in one wrapped line ("Steps: 1 Effleurage  ·  2 Petrissage ..."). Draws them when `draw`;
 * returns their height either way. */
static int intro_steps(const GtScreenContext *c, int x, int y, int w, bool listed, bool draw) {
    GtUi *ui = c->ui;
    const GtLesson *lesson = c->session->lesson;
    int top = y, h = 0;
    char line[2048];
    size_t used = (size_t)snprintf(line, sizeof line, "Steps:");
    for (size_t s = 0; s < lesson->step_count; s++) {
        const GtStep *step = &lesson->steps[s];
        const char *name = step->technique ? step->technique->name : step->technique_id;
        if (!listed) {
            if (used < sizeof line)
                used += (size_t)snprintf(line + used, sizeof line - used, "%s%zu\u00A0%s", s ? "  ·  " : " ", s + 1, name);
            continue;
        }
        char row[256];
        const GtRegion *region = gt_bodymap_region(c->views[step->view].map, step->region);
        snprintf(row, sizeof row, "%zu.  %s, %s", s + 1, name, region ? region->name : step->region);
        if (draw) gt_ui_text(ui, row, x, y, GT_FONT_BODY, s == 0, GT_COL_TEXT, w, NULL, &h);
        else gt_ui_text_size(ui, row, GT_FONT_BODY, s == 0, w, NULL, &h);
        y += h + ui->unit / 2;
    }
    if (listed) return y - top;
    if (draw) gt_ui_text(ui, line, x, y, GT_FONT_SMALL, false, GT_COL_TEXT, w, NULL, &h);
    else gt_ui_text_size(ui, line, GT_FONT_SMALL, false, w, NULL, &h);
    return h;
}

/* The intro's words under the summary, from y to `bottom`: "Before you start", every caution
 * the lesson shows (red flags first), then its steps, in the first INTRO_FITS way that fits.
 * When even the last does not, the rows that fit are drawn and a line says how many more there
 * are and where to read them, so none is left out silently. */
static void intro_cautions_and_steps(const GtScreenContext *c, int x, int y, int w, int bottom) {
    GtUi *ui = c->ui;
    int u = ui->unit, h = 0;
    GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
    size_t count = gt_lesson_cautions(c->session->lesson, list, GT_LESSON_CAUTIONS_MAX), drawn = 0;
    char heading[96];
    snprintf(heading, sizeof heading, "Before you start: %zu caution%s", count, count == 1 ? "" : "s");
    int heading_h = 0;
    gt_ui_text_size(ui, heading, GT_FONT_BODY, true, w, NULL, &heading_h);
    int k = 0;
    for (; k < INTRO_FIT_COUNT; k++) {
        int need = (count ? heading_h + u / 2 + gt_screen_cautions_height(ui, list, count, w, INTRO_FITS[k].font) + u : 0)
                   + intro_steps(c, x, y, w, INTRO_FITS[k].steps_listed, false);
        if (y + need <= bottom) break;
    }
    IntroFit fit = INTRO_FITS[k < INTRO_FIT_COUNT ? k : INTRO_FIT_COUNT - 1];
    if (count) {
        gt_ui_text(ui, heading, x, y, GT_FONT_BODY, true, GT_COL_TEXT, w, NULL, &h);
        y += h + u / 2;
        char more[200];
        snprintf(more, sizeof more, "%zu more cautions do not fit here: a larger window shows them all.", count);
        int more_h = 0;
        gt_ui_text_size(ui, more, GT_FONT_SMALL, true, w, NULL, &more_h);
        int steps_h = intro_steps(c, x, y, w, fit.steps_listed, false);
        int room = k < INTRO_FIT_COUNT ? bottom - steps_h - u : bottom - steps_h - u - more_h;
        y += gt_screen_draw_cautions(ui, list, count, x, y, w, room, fit.font, &drawn) + u;
        if (drawn < count) {
            snprintf(more, sizeof more, "%zu more caution%s do%s not fit here: a larger window shows them all.",
                     count - drawn, count - drawn == 1 ? "" : "s", count - drawn == 1 ? "es" : "");
            gt_ui_text(ui, more, x, y, GT_FONT_SMALL, true, GT_COL_BAD_TEXT, w, NULL, &h);
            y += h + u;
        }
    }
    intro_steps(c, x, y, w, fit.steps_listed, true);
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
    intro_cautions_and_steps(c, x, y, w, p.y + p.h - ui->touch - u);
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

/* The summary table's columns, in order. */
enum { COL_STEP, COL_TECHNIQUE, COL_PLACE, COL_BEST, COL_GRADE, COL_RESULT, COL_COUNT };
static const char *const COLUMN_HEADS[COL_COUNT] = { "Step", "Technique", "Place", "Best", "Grade", "Result" };

/* One step's cells: its number, technique, place on the body, best total, grade and whether it
 * passed ("not tried" when it has no attempt in this run). */
static void step_cells(const GtScreenContext *c, size_t index, char cells[COL_COUNT][96]) {
    const GtSession *s = c->session;
    const GtStep *step = &s->lesson->steps[index];
    double best = index < GT_MAX_STEPS ? s->step_best[index] : -1;
    bool passed = index < GT_MAX_STEPS && s->step_passed[index];
    const GtRegion *region = gt_bodymap_region(c->views[step->view].map, step->region);
    snprintf(cells[COL_STEP], 96, "%zu", index + 1);
    snprintf(cells[COL_TECHNIQUE], 96, "%s", step->technique ? step->technique->name : step->technique_id);
    snprintf(cells[COL_PLACE], 96, "%s", region ? region->name : step->region);
    if (best >= 0) gt_result_format_total(best, step->pass_mark, cells[COL_BEST], 96);
    else snprintf(cells[COL_BEST], 96, "-");
    snprintf(cells[COL_GRADE], 96, "%s", best >= 0 ? s->step_grade[index] : "-");
    snprintf(cells[COL_RESULT], 96, "%s", best < 0 ? "not tried" : passed ? "passed" : "not yet passed");
}

/* Column lefts for the table in `w` pixels: each column as wide as its widest cell plus a
 * gap. When they do not all fit, the place goes under the technique (*stacked) and shares its
 * column. */
static void column_lefts(const GtScreenContext *c, int x, int w, int lefts[COL_COUNT], bool *stacked) {
    GtUi *ui = c->ui;
    int widths[COL_COUNT] = { 0 }, gap = 3 * ui->unit;
    for (int k = 0; k < COL_COUNT; k++) gt_ui_text_size(ui, COLUMN_HEADS[k], GT_FONT_SMALL, true, 0, &widths[k], NULL);
    for (size_t i = 0; i < c->session->lesson->step_count; i++) {
        char cells[COL_COUNT][96];
        step_cells(c, i, cells);
        for (int k = 0; k < COL_COUNT; k++) {
            int cw = 0;
            gt_ui_text_size(ui, cells[k], GT_FONT_BODY, k == COL_STEP, 0, &cw, NULL);
            if (cw > widths[k]) widths[k] = cw;
        }
    }
    int total = 0;
    for (int k = 0; k < COL_COUNT; k++) total += widths[k] + gap;
    *stacked = total - gap > w;
    if (*stacked && widths[COL_PLACE] > widths[COL_TECHNIQUE]) widths[COL_TECHNIQUE] = widths[COL_PLACE];
    int left = x;
    for (int k = 0; k < COL_COUNT; k++) {
        lefts[k] = left;
        if (*stacked && k == COL_PLACE) lefts[k] = lefts[COL_TECHNIQUE]; /* under the technique */
        else left += widths[k] + gap;
    }
}

/* The table of steps from row y: a heading row, then a row per step (the place under the
 * technique when stacked). */
static void draw_step_table(const GtScreenContext *c, int x, int y, int w) {
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    int u = ui->unit, h = 0, lefts[COL_COUNT];
    bool stacked = false;
    column_lefts(c, x, w, lefts, &stacked);
    for (int k = 0; k < COL_COUNT; k++) {
        if (stacked && k == COL_PLACE) continue;
        gt_ui_text(ui, stacked && k == COL_TECHNIQUE ? "Technique and place" : COLUMN_HEADS[k], lefts[k], y,
                   GT_FONT_SMALL, true, GT_COL_MUTED, 0, NULL, &h);
    }
    y += h + u / 2;
    gt_ui_fill_rect(ui, (SDL_Rect){ x, y, w, 1 }, GT_COL_LINE, 255);
    y += u;
    for (size_t i = 0; i < s->lesson->step_count; i++) {
        char cells[COL_COUNT][96];
        step_cells(c, i, cells);
        bool passed = i < GT_MAX_STEPS && s->step_passed[i];
        GtColour colour = passed ? GT_COL_TEXT : GT_COL_MUTED;
        int row_h = 0;
        for (int k = 0; k < COL_COUNT; k++) {
            int dy = stacked && k == COL_PLACE ? row_h : 0;
            gt_ui_text(ui, cells[k], lefts[k], y + dy, stacked && k == COL_PLACE ? GT_FONT_SMALL : GT_FONT_BODY,
                       k == COL_STEP || (k == COL_RESULT && passed), k == COL_RESULT && passed ? GT_COL_GOOD_TEXT : colour,
                       0, NULL, &h);
            if (!(stacked && k == COL_PLACE) && h > row_h) row_h = h;
            if (stacked && k == COL_PLACE) row_h += h;
        }
        y += row_h + u;
    }
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
    gt_ui_text(ui, line, area.x + w + 2 * u, area.y + h / 3, GT_FONT_LARGE, true, GT_COL_TEXT, area.w - w - 2 * u, NULL,
               NULL);
    draw_step_table(c, area.x, area.y + h + 2 * u, area.w);
}
