/* The practice screen: the student traces on the body while the panel shows the instruction,
 * live cues (speed, the beat, the hold timer, a lift) and the pressure gauge, which a second
 * finger holds as a slider on a touchscreen. The tracing area and the slider are declared here
 * and nowhere else. The screen never scores: the session has the engine score the replay. */
#include "screen_parts.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>

/* The pressure gauge: bands with words (not colour alone), the target band bracketed, and the
 * current level. On a touchscreen the other hand holds it as a slider. */
static void draw_pressure_gauge(const GtScreenContext *c, const GtTechnique *t, const GtInputLive *live) {
    GtUi *ui = c->ui;
    SDL_Rect g = c->screens->frame.slider;
    int u = ui->unit;
    static const struct { double lo, hi; GtColour colour; const char *word; } BANDS[] = {
        { 0, 3, GT_COL_LIGHT, "light" }, { 3, 6, GT_COL_GOOD, "moderate" }, { 6, 8, GT_COL_WARN, "deep" },
        { 8, 10, GT_COL_BAD, "too deep" } };
    int bar_w = ui->touch * 2 / 3;
    SDL_Rect bar = { g.x + g.w - bar_w - 3 * u, g.y + ui->font_px[GT_FONT_SMALL] + 2 * u, bar_w,
                     g.h - ui->font_px[GT_FONT_SMALL] * 2 - 4 * u };
    gt_ui_text_centred(ui, "Pressure", (SDL_Rect){ g.x, g.y, g.w, ui->font_px[GT_FONT_SMALL] }, GT_FONT_SMALL, true, GT_COL_TEXT);
    for (size_t b = 0; b < sizeof BANDS / sizeof BANDS[0]; b++) {
        int y0 = bar.y + (int)(bar.h * (1 - BANDS[b].hi / 10)), y1 = bar.y + (int)(bar.h * (1 - BANDS[b].lo / 10));
        gt_ui_fill_rect(ui, (SDL_Rect){ bar.x, y0, bar.w, y1 - y0 }, BANDS[b].colour, 150);
        int tw = 0, th = 0;
        gt_ui_text_size(ui, BANDS[b].word, GT_FONT_SMALL, false, 0, &tw, &th);
        if (y1 - y0 > th && tw < bar.x - g.x - u / 2)
            gt_ui_text(ui, BANDS[b].word, bar.x - tw - u / 2, (y0 + y1 - th) / 2, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    }
    int ty0 = bar.y + (int)(bar.h * (1 - t->pressure_level.max / 10)), ty1 = bar.y + (int)(bar.h * (1 - t->pressure_level.min / 10));
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x - 2, ty0, 3, ty1 - ty0 }, GT_COL_TEXT, 255);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x - 2, ty0, bar.w + 4, 3 }, GT_COL_TEXT, 255);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x - 2, ty1 - 3, bar.w + 4, 3 }, GT_COL_TEXT, 255);
    int ly = bar.y + (int)(bar.h * (1 - fmin(10, fmax(0, live->level)) / 10));
    SDL_Color marker = gt_ui_colour(GT_COL_TEXT);
    gt_ui_triangle(ui, bar.x + bar.w + u, ly, bar.x + bar.w + 2.5 * u, ly - u, bar.x + bar.w + 2.5 * u, ly + u, marker);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x, ly - 2, bar.w, 4 }, GT_COL_TEXT, 255);
    char level[48];
    static const char *const SOURCE_WORDS[] = { "device", "wheel", "keys", "slider", "not set" };
    snprintf(level, sizeof level, "%.1f (%s)", live->level, SOURCE_WORDS[live->source]);
    gt_ui_text_centred(ui, level, (SDL_Rect){ g.x - u, bar.y + bar.h + u / 2, g.w + 2 * u, ui->font_px[GT_FONT_SMALL] + u },
                       GT_FONT_SMALL, true, GT_COL_TEXT);
}

/* A labelled three-zone gauge (too slow / good / too fast) on a log scale. */
static void draw_speed_gauge(const GtScreenContext *c, SDL_Rect r, const GtTechnique *t, double speed) {
    GtUi *ui = c->ui;
    double lo = log(t->speed_cm_s.min / 3), hi = log(t->speed_cm_s.max * 3);
    double a = (log(t->speed_cm_s.min) - lo) / (hi - lo), b = (log(t->speed_cm_s.max) - lo) / (hi - lo);
    gt_ui_fill_rect(ui, (SDL_Rect){ r.x, r.y, (int)(r.w * a), r.h }, GT_COL_LIGHT, 150);
    gt_ui_fill_rect(ui, (SDL_Rect){ r.x + (int)(r.w * a), r.y, (int)(r.w * (b - a)), r.h }, GT_COL_GOOD, 150);
    gt_ui_fill_rect(ui, (SDL_Rect){ r.x + (int)(r.w * b), r.y, r.w - (int)(r.w * b), r.h }, GT_COL_BAD, 150);
    gt_ui_text_centred(ui, "too slow", (SDL_Rect){ r.x, r.y, (int)(r.w * a), r.h }, GT_FONT_SMALL, false, GT_COL_TEXT);
    gt_ui_text_centred(ui, "good speed", (SDL_Rect){ r.x + (int)(r.w * a), r.y, (int)(r.w * (b - a)), r.h }, GT_FONT_SMALL, false, GT_COL_TEXT);
    gt_ui_text_centred(ui, "too fast", (SDL_Rect){ r.x + (int)(r.w * b), r.y, r.w - (int)(r.w * b), r.h }, GT_FONT_SMALL, false, GT_COL_TEXT);
    if (speed > 0) {
        double s = fmin(1, fmax(0, (log(speed) - lo) / (hi - lo)));
        gt_ui_fill_rect(ui, (SDL_Rect){ r.x + (int)(r.w * s) - 2, r.y - ui->unit / 2, 5, r.h + ui->unit }, GT_COL_TEXT, 255);
    }
}

/* Live cues below the instruction: speed gauge, metronome pulse, hold timer, lift warning. */
static void draw_live_cues(const GtScreenContext *c, int x, int y, int w, const GtInputLive *live, Uint32 now_ms) {
    GtUi *ui = c->ui;
    const GtStep *step = gt_session_step(c->session);
    const GtTechnique *t = step->technique;
    int u = ui->unit, h = 0;
    char line[160];
    if (t->has_speed) {
        snprintf(line, sizeof line, "Speed: %.1f cm/s", live->speed_cm_s);
        gt_ui_text(ui, line, x, y, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, &h);
        y += h + u / 2;
        draw_speed_gauge(c, (SDL_Rect){ x, y, w, ui->font_px[GT_FONT_SMALL] + u }, t, live->speed_cm_s);
        y += ui->font_px[GT_FONT_SMALL] + 3 * u;
    }
    if (t->has_tempo) {
        bool flash = (Sint32)(now_ms - c->session->beat_flash_until_ms) < 0;
        double r = ui->touch * 0.35;
        gt_ui_fill_circle(ui, x + r, y + r, flash ? r : r * 0.55, flash ? GT_COL_ACCENT : GT_COL_LINE, 255);
        double tempo = gt_band_geometric_mid(t->tempo_per_min);
        if (t->tempo_in_hz) snprintf(line, sizeof line, "Beat: follow the pulse, %.1f per second", tempo / 60);
        else snprintf(line, sizeof line, "Beat: follow the pulse, %.0f per minute", tempo);
        gt_ui_text(ui, line, x + (int)(2 * r) + u, y + (int)r - ui->font_px[GT_FONT_SMALL] / 2 - 2, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, NULL);
        y += (int)(2 * r) + 2 * u;
    }
    const GtReplay *attempt = gt_input_attempt(c->input);
    if (t->has_hold && attempt && attempt->contact_count) {
        const GtContact *held_contact = &attempt->contacts[attempt->contact_count - 1];
        size_t n = held_contact->count;
        double held = live->active_contacts && n ? (held_contact->samples[n - 1].t_ms - held_contact->samples[0].t_ms) / 1000.0 : 0;
        snprintf(line, sizeof line, live->active_contacts ? "Holding: %.0f s (aim for %g-%g s)" : "Press and hold: %.0f s (aim for %g-%g s)",
                 held, t->hold_s.min, t->hold_s.max);
        gt_ui_text(ui, line, x, y, GT_FONT_BODY, true, GT_COL_TEXT, w, NULL, &h);
        y += h + u;
    }
    if (live->lifted_recently && t->pattern != GT_PATTERN_TAP) {
        gt_ui_fill_round_rect(ui, (SDL_Rect){ x, y, w, ui->font_px[GT_FONT_BODY] + 2 * u }, u, GT_COL_WARN, 200);
        gt_ui_text(ui, "Lifted! Keep your hand on the skin.", x + u, y + u, GT_FONT_BODY, true, GT_COL_TEXT, w - 2 * u, NULL, NULL);
    }
}

void gt_practice_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    const GtStep *step = gt_session_step(c->session);
    /* the body and the gauge take presses on this screen alone; buttons lie on top of both */
    gt_hits_add(hits, GT_HIT_TRACE, c->views[step->view].rect, GT_HIT_NO_ACTION);
    gt_hits_add(hits, GT_HIT_SLIDER, c->screens->frame.slider, GT_HIT_NO_ACTION);
    SDL_Rect p = c->screens->frame.panel;
    int u = ui->unit, bw = ui->touch * 4, by = p.y + p.h - ui->touch;
    gt_hits_add_button(hits, (SDL_Rect){ p.x + u, by, bw * 3 / 4, ui->touch }, "Restart", GT_ACT_RESTART, SDLK_BACKSPACE,
                       false);
    if (c->session->mode == GT_MODE_LEARN)
        gt_hits_add_button(hits, (SDL_Rect){ p.x + 2 * u + bw * 3 / 4, by, bw, ui->touch }, "Watch demo",
                           GT_ACT_WATCH_DEMO, SDLK_SPACE, false);
    gt_hits_add_button(hits, (SDL_Rect){ p.x + p.w - u - bw, by, bw, ui->touch }, "Done", GT_ACT_DONE, SDLK_RETURN, true);
}

void gt_practice_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms) {
    (void)hits;
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    const GtStep *step = gt_session_step(s);
    static const char *const MODE_WORDS[GT_MODE_COUNT] = { "practice", "practice", "exam: no guide" };
    gt_screen_step_header(c, MODE_WORDS[s->mode]);
    GtBodyView *view = gt_screen_draw_step_body(c, s->mode != GT_MODE_EXAM, 0.0);
    GtInputLive live = gt_input_live(c->input, now_ms);
    GtLiveSafety safety;
    gt_screen_live_safety(c, now_ms, &live, &safety);
    gt_screen_mark_warned_zones(c, view, &safety);
    const GtReplay *attempt = gt_input_attempt(c->input);
    double first = 0, last = 0;
    if (attempt && gt_replay_time_span(attempt, &first, &last)) {
        gt_bodyview_draw_trail(view, ui, attempt, step->technique, last, 255);
        gt_bodyview_draw_contacts(view, ui, attempt, step->technique, last);
    }
    gt_bodyview_clip(view, ui, false);
    int u = ui->unit;
    SDL_Rect p = c->screens->frame.panel;
    int text_w = c->screens->frame.slider.x - p.x - 3 * u;
    /* a warning goes first, above the instruction, where the eye goes between strokes */
    int y = p.y + gt_screen_draw_warnings(c, &safety, p.x, p.y, text_w + 2 * u);
    if (safety.count) y += u;
    y = gt_screen_draw_instruction(c, p.x + u, y, text_w);
    draw_live_cues(c, p.x + u, y, text_w, &live, now_ms);
    draw_pressure_gauge(c, step->technique, &live);
    gt_screen_log_warnings(c, &safety);
}
