/* record_screen: the confirmation an instructor sees before a performance becomes a step's
 * demonstration (record_session.h): the performance's trail with the guide it makes, what was
 * measured and the bands that follow, its score against that step, and Save or why it cannot. */
#include "screen_parts.h"
#include "record_session.h"

#include <math.h>
#include <stdio.h>

/* The Save button, at the panel's foot. */
static SDL_Rect save_rect(const GtScreenContext *c) {
    SDL_Rect p = c->screens->frame.panel;
    return (SDL_Rect){ p.x + c->ui->unit, p.y + p.h - c->ui->touch, p.w - 2 * c->ui->unit, c->ui->touch };
}

void gt_record_layout(const GtScreenContext *c, GtHitMap *hits) {
    if (gt_session_offers(c->session, GT_ACT_SAVE_DEMO))
        gt_hits_add_button(hits, save_rect(c), "Save to the lesson", GT_ACT_SAVE_DEMO, SDLK_RETURN, true);
}

/* One line of what the draft holds, for `what` measured `measured` in `unit`, band `band`. */
static void band_line(char *line, size_t size, const char *what, GtRange band, double measured, const char *unit) {
    if (isnan(measured)) snprintf(line, size, "%s: %.1f-%.1f %s", what, band.min, band.max, unit);
    else snprintf(line, size, "%s: %.1f-%.1f %s (you: %.1f)", what, band.min, band.max, unit, measured);
}

/* The draft's lines, in reading order; returns how many. */
static int draft_lines(const GtRecordingDraft *d, char lines[][200]) {
    int n = 0;
    const GtDerivedStep *s = &d->derived;
    if (!s->guide_derived) snprintf(lines[n++], 200, "Guide: kept as it is (this stroke moves around its guide)");
    else if (s->guide_is_point) snprintf(lines[n++], 200, "Guide: the spot you held, at %.1f, %.1f cm", s->guide[0].x,
                                         s->guide[0].y);
    else snprintf(lines[n++], 200, "Guide: %zu points along the longest stroke you traced", s->guide_count);
    band_line(lines[n++], 200, "Pressure", s->pressure_level, s->measured_level, "level");
    if (s->has_speed) band_line(lines[n++], 200, "Speed", s->speed_cm_s, s->measured_speed, "cm/s");
    if (s->has_tempo) band_line(lines[n++], 200, "Tempo", s->tempo_per_min, s->measured_tempo, "per min");
    if (s->has_hold) band_line(lines[n++], 200, "Hold", s->hold_s, s->measured_hold, "s");
    if (s->repetitions > 0) snprintf(lines[n++], 200, "Repetitions: %d, as you did them", s->repetitions);
    else snprintf(lines[n++], 200, "Length: %.0f s, as you did it", s->duration_s);
    if (d->lesson_text && !d->problem[0])
        snprintf(lines[n++], 200, "Score against the step this makes: %.0f", d->total);
    return n;
}

/* The body with the performance's trail and, when derived, the guide it makes. */
static void draw_record_body(const GtScreenContext *c, const GtRecordingDraft *d) {
    const GtStep *step = gt_session_step(c->session);
    GtBodyView *view = gt_screen_draw_step_body(c, !d->derived.guide_derived, 0.0);
    gt_bodyview_draw_trail(view, c->ui, &d->recording, step->technique, 1e12, 140);
    if (d->derived.guide_derived) {
        GtStep made = *step;
        made.guide = (GtPointList){ (GtPoint *)d->derived.guide, d->derived.guide_count };
        made.guide_is_point = d->derived.guide_is_point;
        gt_bodyview_draw_guide(view, c->ui, &made, 0.0);
    }
    gt_bodyview_clip(view, c->ui, false);
}

void gt_record_draw(const GtScreenContext *c, const GtHitMap *hits) {
    (void)hits;
    const GtRecordingDraft *d = c->session->draft;
    char subtitle[160];
    snprintf(subtitle, sizeof subtitle, "%s, step %d", c->session->lesson->title, c->session->step);
    gt_screen_draw_header(c, "Keep as the demonstration?", subtitle);
    if (!d) return;
    draw_record_body(c, d);
    GtUi *ui = c->ui;
    int u = ui->unit, h = 0;
    SDL_Rect p = c->screens->frame.panel;
    int x = p.x + u, y = p.y, w = p.w - 2 * u;
    char lines[8][200];
    int n = draft_lines(d, lines);
    for (int i = 0; i < n; i++) {
        gt_ui_text(ui, lines[i], x, y, GT_FONT_BODY, i == n - 1 && !d->problem[0], GT_COL_TEXT, w, NULL, &h);
        y += h + u / 2;
    }
    y += u;
    if (d->problem[0]) {
        gt_ui_text(ui, d->problem, x, y, GT_FONT_BODY, true, GT_COL_BAD_TEXT, w, NULL, &h);
        return;
    }
    char where[600];
    snprintf(where, sizeof where, "Saving writes %s beside the lesson and updates %s; its previous text is kept as "
             "%s.bak.", d->demo_relative, strrchr(d->lesson_path, '/') ? strrchr(d->lesson_path, '/') + 1
                                                                        : d->lesson_path,
             strrchr(d->lesson_path, '/') ? strrchr(d->lesson_path, '/') + 1 : d->lesson_path);
    gt_ui_text(ui, where, x, y, GT_FONT_SMALL, false, GT_COL_MUTED, w, NULL, &h);
}
