/* The demonstration: the step's reference performance played on the body over its guide, with
 * the instruction beside it, the pressure gauge following the demonstration's level (so a
 * hold's ramp in, plateau and ramp out can be seen), a progress bar with the phase of a hold,
 * Watch again, Skip 10 s (on a demonstration longer than that) and Practise. */
#include "screen_parts.h"

#include <math.h>
#include <stdio.h>

void gt_demo_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    const GtSession *s = c->session;
    SDL_Rect p = c->screens->frame.panel;
    int u = ui->unit, bw = ui->touch * 4, by = p.y + p.h - ui->touch;
    gt_hits_add_button(hits, (SDL_Rect){ p.x + u, by, bw, ui->touch }, "Watch again", GT_ACT_REPLAY_DEMO, SDLK_SPACE, false);
    double first = 0, last = 0;
    if (s->has_reference && gt_replay_time_span(&s->reference, &first, &last) && last > GT_DEMO_SKIP_MS)
        gt_hits_add_button(hits, (SDL_Rect){ p.x + 2 * u + bw, by, bw * 3 / 4, ui->touch }, "Skip 10 s", GT_ACT_DEMO_SKIP,
                           SDLK_RIGHT, false);
    gt_hits_add_button(hits, (SDL_Rect){ p.x + p.w - u - bw, by, bw, ui->touch }, "Practise", GT_ACT_PRACTISE, SDLK_RETURN,
                       true);
}

/* The demonstration's pressure level at `t_ms` of its replay: the newest sample of a contact
 * that is down then, 0 while no contact is. */
static double demo_level(const GtReplay *reference, double t_ms) {
    double level = 0;
    for (size_t c = 0; c < reference->contact_count; c++) {
        const GtContact *contact = &reference->contacts[c];
        if (!contact->count || contact->samples[0].t_ms > t_ms || contact->samples[contact->count - 1].t_ms < t_ms)
            continue;
        for (size_t k = 0; k < contact->count && contact->samples[k].t_ms <= t_ms; k++)
            level = 10.0 * contact->samples[k].pressure;
    }
    return level;
}

/* A hold's phase at `t_ms` in words: sinking in until the level first reaches 90% of its
 * highest, coming out after it last does, holding between. "" for other techniques. */
static void hold_phase(const GtTechnique *t, const GtReplay *reference, double t_ms, char *line, size_t size) {
    line[0] = '\0';
    if (t->pattern != GT_PATTERN_HOLD || !reference->contact_count || !reference->contacts[0].count) return;
    const GtContact *contact = &reference->contacts[0];
    double top = 0, in_end = 0, out_start = 0;
    for (size_t k = 0; k < contact->count; k++) top = fmax(top, contact->samples[k].pressure);
    for (size_t k = 0; k < contact->count; k++)
        if (contact->samples[k].pressure >= 0.9 * top) {
            if (in_end == 0) in_end = contact->samples[k].t_ms;
            out_start = contact->samples[k].t_ms;
        }
    if (t_ms < contact->samples[0].t_ms) snprintf(line, size, "The hand comes to the spot.");
    else if (t_ms < in_end) snprintf(line, size, "1. Ramp in: the pressure rises slowly to %g-%g.", t->pressure_level.min,
                                     t->pressure_level.max);
    else if (t_ms < out_start)
        snprintf(line, size, "2. Hold: steady at %g-%g, %.0f of %.0f s.", t->pressure_level.min, t->pressure_level.max,
                 (t_ms - in_end) / 1000.0, (out_start - in_end) / 1000.0);
    else snprintf(line, size, "3. Ramp out: the pressure eases off slowly before the hand lifts.");
}

void gt_demo_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms) {
    (void)hits;
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    const GtStep *step = gt_session_step(s);
    gt_screen_step_header(c, "demonstration");
    double t = fmax(0.0, (double)(Sint32)(now_ms - s->demo_start_ms)), first = 0, last = 0;
    bool has = s->has_reference && gt_replay_time_span(&s->reference, &first, &last);
    GtBodyView *view = gt_screen_draw_step_body(c, true, fmod(t / 1500.0, 1.0));
    if (has) {
        gt_bodyview_draw_trail(view, ui, &s->reference, step->technique, t, 230);
        gt_bodyview_draw_contacts(view, ui, &s->reference, step->technique, t);
    }
    gt_bodyview_clip(view, ui, false);
    int u = ui->unit, h = 0;
    SDL_Rect p = c->screens->frame.panel_text; /* beside the gauge, whichever side it is on */
    int text_w = p.w - 2 * u;
    int y = gt_screen_draw_instruction(c, p.x + u, p.y, text_w);
    /* playback progress */
    double share = has && last > 0 ? fmin(1.0, t / last) : 1.0;
    SDL_Rect bar = { p.x + u, y, text_w, u };
    gt_ui_fill_round_rect(ui, bar, u / 2, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ bar.x, bar.y, (int)(bar.w * share), bar.h }, u / 2, GT_COL_ACCENT, 255);
    char line[200];
    snprintf(line, sizeof line, share < 1.0 ? "Watch: %.0f of %.0f s" : "Demonstration finished (%.0f of %.0f s)",
             fmin(t, last) / 1000.0, last / 1000.0);
    gt_ui_text(ui, line, p.x + u, y + 2 * u, GT_FONT_SMALL, false, GT_COL_MUTED, text_w, NULL, &h);
    y += 3 * u + h;
    if (has) hold_phase(step->technique, &s->reference, t, line, sizeof line);
    if (has && line[0]) {
        gt_ui_text(ui, line, p.x + u, y, GT_FONT_BODY, true, GT_COL_TEXT, text_w, NULL, &h);
        y += h + u;
    }
    gt_screen_pressure_help(step->technique, line, sizeof line);
    gt_ui_text(ui, line, p.x + u, y, GT_FONT_SMALL, false, GT_COL_MUTED, text_w, NULL, &h);
    y += h + 2 * u;
    gt_screen_draw_first_step_cautions(c, p.x + u, y, text_w, p.y + p.h - ui->touch - u);
    gt_screen_draw_pressure_gauge(c, step->technique, has ? demo_level(&s->reference, t) : 0.0, "demo");
}
