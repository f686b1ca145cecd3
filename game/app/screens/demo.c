/* The demonstration: the step's reference performance played on the body over its guide, with
 * the instruction beside it, a progress bar, Watch again and Practise. */
#include "screen_parts.h"

#include <math.h>
#include <stdio.h>

void gt_demo_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    SDL_Rect p = c->screens->frame.panel;
    int u = ui->unit, bw = ui->touch * 4, by = p.y + p.h - ui->touch;
    gt_hits_add_button(hits, (SDL_Rect){ p.x + u, by, bw, ui->touch }, "Watch again", GT_ACT_REPLAY_DEMO, SDLK_SPACE, false);
    gt_hits_add_button(hits, (SDL_Rect){ p.x + p.w - u - bw, by, bw, ui->touch }, "Practise", GT_ACT_PRACTISE, SDLK_RETURN,
                       true);
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
    int u = ui->unit;
    SDL_Rect p = c->screens->frame.panel;
    int y = gt_screen_draw_instruction(c, p.x + u, p.y, p.w - 2 * u);
    /* playback progress */
    double share = has && last > 0 ? fmin(1.0, t / last) : 1.0;
    SDL_Rect bar = { p.x + u, y, p.w - 2 * u, u };
    gt_ui_fill_round_rect(ui, bar, u / 2, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ bar.x, bar.y, (int)(bar.w * share), bar.h }, u / 2, GT_COL_ACCENT, 255);
    char line[96];
    snprintf(line, sizeof line, share < 1.0 ? "Watch: %.0f of %.0f s" : "Demonstration finished (%.0f of %.0f s)",
             fmin(t, last) / 1000.0, last / 1000.0);
    gt_ui_text(ui, line, p.x + u, y + 2 * u, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
}
