/* What the screens of one step share: the header naming the step, the body with its region,
 * places to avoid and guide, and the instruction with its targets and hint. */
#include "screen_parts.h"

#include <stdio.h>

void gt_screen_band_words(GtRange band, char *buffer, size_t size) {
    char words[48];
    gt_pressure_words(band, words, sizeof words);
    snprintf(buffer, size, "%s (%g-%g)", words, band.min, band.max);
}

void gt_screen_step_header(const GtScreenContext *c, const char *what) {
    const GtSession *s = c->session;
    const GtStep *step = gt_session_step(s);
    char title[160], subtitle[200];
    snprintf(title, sizeof title, "%s", step->technique ? step->technique->name : step->technique_id);
    const GtRegion *region = gt_bodymap_region(c->views[step->view].map, step->region);
    /* no-break spaces before each dot keep it on the line of the item it follows when the line wraps */
    snprintf(subtitle, sizeof subtitle, "%s\u00A0\u00A0·  step %d of %zu\u00A0\u00A0·  %s\u00A0\u00A0·  %s",
             s->lesson->title, s->step, s->lesson->step_count, region ? region->name : step->region, what);
    gt_screen_draw_header(c, title, subtitle);
}

GtBodyView *gt_screen_draw_step_body(const GtScreenContext *c, bool show_guide, double phase) {
    const GtStep *step = gt_session_step(c->session);
    GtBodyView *view = &c->views[step->view];
    /* the figure, the region and the places to avoid: one layer, drawn once for the step and
     * shared by its demonstration, practice and result; the guide (animated on some) on top */
    Uint8 alpha = show_guide ? 90 : 60;
    char key[160];
    snprintf(key, sizeof key, "step %p %p %s %d", (const void *)step, (const void *)step->technique, step->region,
             alpha);
    if (!gt_bodyview_layer_begin(view, c->ui, key)) {
        gt_bodyview_clip(view, c->ui, true);
        gt_bodyview_draw(view, c->ui);
        gt_bodyview_fill_region(view, c->ui, step->region, GT_COL_HIGHLIGHT, alpha);
        gt_bodyview_draw_avoid_zones(view, c->ui, step->technique);
        gt_bodyview_layer_end(view, c->ui);
    }
    gt_bodyview_clip(view, c->ui, true);
    if (show_guide) gt_bodyview_draw_guide(view, c->ui, step, phase);
    return view;
}

/* What the technique asks for, in one or two plain lines. */
static void target_summary(const GtTechnique *t, char *buffer, size_t size) {
    char pressure[64];
    gt_screen_band_words(t->pressure_level, pressure, sizeof pressure);
    if (t->has_speed)
        snprintf(buffer, size, "Pressure %s  ·  speed %g-%g cm/s", pressure, t->speed_cm_s.min, t->speed_cm_s.max);
    else if (t->has_tempo && t->tempo_in_hz)
        snprintf(buffer, size, "Pressure %s  ·  %g-%g per second", pressure, t->tempo_per_min.min / 60,
                 t->tempo_per_min.max / 60);
    else if (t->has_tempo)
        snprintf(buffer, size, "Pressure %s  ·  %g-%g per minute", pressure, t->tempo_per_min.min, t->tempo_per_min.max);
    else if (t->has_hold)
        snprintf(buffer, size, "Pressure %s  ·  hold %g-%g s", pressure, t->hold_s.min, t->hold_s.max);
    else
        snprintf(buffer, size, "Pressure %s", pressure);
}

int gt_screen_draw_instruction(const GtScreenContext *c, int x, int y, int w) {
    GtUi *ui = c->ui;
    const GtStep *step = gt_session_step(c->session);
    int h = 0, u = ui->unit;
    gt_ui_text(ui, step->instruction, x, y, GT_FONT_BODY, false, GT_COL_TEXT, w, NULL, &h);
    y += h + u;
    char targets[200];
    target_summary(step->technique, targets, sizeof targets);
    gt_ui_text(ui, targets, x, y, GT_FONT_SMALL, true, GT_COL_MUTED, w, NULL, &h);
    y += h + u;
    if (gt_session_hint_due(c->session)) {
        char hint[700];
        snprintf(hint, sizeof hint, "Hint: %s", step->hint);
        gt_ui_text_size(ui, hint, GT_FONT_SMALL, false, w - 2 * u, NULL, &h);
        gt_ui_fill_round_rect(ui, (SDL_Rect){ x, y, w, h + 2 * u }, u, GT_COL_HIGHLIGHT, 120);
        gt_ui_text(ui, hint, x + u, y + u, GT_FONT_SMALL, false, GT_COL_TEXT, w - 2 * u, NULL, NULL);
        y += h + 3 * u;
    }
    return y;
}
