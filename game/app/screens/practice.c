/* The practice screen: the student traces on the body while the panel shows the instruction,
 * how to set the pressure with each device, live cues (the work counted so far, speed, the
 * beat, the hold and its ramps, a lift that broke a stroke) and the pressure gauge in levels
 * with the step's band marked, which a second finger or the mouse holds as a slider. The
 * tracing area and the slider are declared here and nowhere else. Back with work traced asks
 * first. The screen never scores: the session has the engine count and score the replay. */
#include "screen_parts.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The y of a level (0-10) on the gauge's bar. */
static int level_y(SDL_Rect bar, double level) {
    return bar.y + (int)lround(bar.h * (1 - fmin(10, fmax(0, level)) / 10));
}

/* Level numbers beside the bar (every level when they fit, else every other one) and, where
 * there is room, the band words further left. */
static void draw_gauge_scale(GtUi *ui, SDL_Rect g, SDL_Rect bar) {
    static const struct { double lo, hi; GtColour colour; const char *word; } BANDS[] = {
        { 0, 3, GT_COL_LIGHT, "light" }, { 3, 6, GT_COL_GOOD, "moderate" }, { 6, 8, GT_COL_WARN, "deep" },
        { 8, 10, GT_COL_BAD, "too deep" } };
    int u = ui->unit, small = ui->font_px[GT_FONT_SMALL], nw = 0;
    gt_ui_text_size(ui, "10", GT_FONT_SMALL, false, 0, &nw, NULL);
    int every = bar.h / 10 >= small ? 1 : 2;
    for (int level = 0; level <= 10; level += every) {
        char n[4];
        snprintf(n, sizeof n, "%d", level);
        int tw = 0;
        gt_ui_text_size(ui, n, GT_FONT_SMALL, false, 0, &tw, NULL);
        int y = level_y(bar, level);
        gt_ui_text(ui, n, bar.x - u / 2 - tw, y - small * 6 / 10, GT_FONT_SMALL, false, GT_COL_TEXT, 0, NULL, NULL);
        gt_ui_fill_rect(ui, (SDL_Rect){ bar.x, y, bar.w / 3, 1 }, GT_COL_TEXT, 160);
    }
    for (size_t b = 0; b < sizeof BANDS / sizeof BANDS[0]; b++) {
        int y0 = level_y(bar, BANDS[b].hi), y1 = level_y(bar, BANDS[b].lo), tw = 0, th = 0;
        gt_ui_fill_rect(ui, (SDL_Rect){ bar.x, y0, bar.w, y1 - y0 }, BANDS[b].colour, 150);
        gt_ui_text_size(ui, BANDS[b].word, GT_FONT_SMALL, false, 0, &tw, &th);
        int right = bar.x - nw - u;
        if (y1 - y0 > th && tw < right - g.x)
            gt_ui_text(ui, BANDS[b].word, right - tw, (y0 + y1 - th) / 2, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL,
                       NULL);
    }
}

void gt_screen_draw_pressure_gauge(const GtScreenContext *c, const GtTechnique *t, double level, const char *source) {
    GtUi *ui = c->ui;
    SDL_Rect g = c->screens->frame.slider;
    int u = ui->unit, small = ui->font_px[GT_FONT_SMALL];
    char line[64];
    gt_ui_text_centred(ui, "Pressure", (SDL_Rect){ g.x, g.y, g.w, small }, GT_FONT_SMALL, true, GT_COL_TEXT);
    snprintf(line, sizeof line, "aim %g-%g", t->pressure_level.min, t->pressure_level.max);
    gt_ui_text_centred(ui, line, (SDL_Rect){ g.x, g.y + small + u / 2, g.w, small }, GT_FONT_SMALL, false,
                       GT_COL_TEXT);
    int bar_w = ui->touch * 2 / 3;
    int top = 2 * small + 2 * u > 3 * small + u / 2 ? 2 * small + 2 * u : 3 * small + u / 2; /* "10" under "aim" */
    SDL_Rect bar = { g.x + g.w - bar_w - 3 * u, g.y + top, bar_w, g.h - top - small * 3 - 2 * u };
    draw_gauge_scale(ui, g, bar);
    /* the target band: a heavy bracket the whole width, so it reads without colour */
    int ty0 = level_y(bar, t->pressure_level.max), ty1 = level_y(bar, t->pressure_level.min);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x - 3, ty0, 4, ty1 - ty0 }, GT_COL_TEXT, 255);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x - 3, ty0 - 2, bar.w + 6, 4 }, GT_COL_TEXT, 255);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x - 3, ty1 - 2, bar.w + 6, 4 }, GT_COL_TEXT, 255);
    int ly = level_y(bar, level);
    SDL_Color marker = gt_ui_colour(ui, GT_COL_TEXT);
    gt_ui_triangle(ui, bar.x + bar.w + u, ly, bar.x + bar.w + 2.5 * u, ly - u, bar.x + bar.w + 2.5 * u, ly + u, marker);
    gt_ui_fill_rect(ui, (SDL_Rect){ bar.x, ly - 2, bar.w, 4 }, GT_COL_TEXT, 255);
    snprintf(line, sizeof line, "Level %.1f", fmin(10, fmax(0, level)));
    int below = bar.y + bar.h + small * 3 / 4 + u / 4; /* clear of the "0" beside the bar's foot */
    gt_ui_text_centred(ui, line, (SDL_Rect){ g.x - u, below, g.w + 2 * u, small + u / 2 }, GT_FONT_SMALL, true,
                       GT_COL_TEXT);
    snprintf(line, sizeof line, "(%s)", source);
    gt_ui_text_centred(ui, line, (SDL_Rect){ g.x - u, below + small + u / 2, g.w + 2 * u, small }, GT_FONT_SMALL, false,
                       GT_COL_MUTED);
}

void gt_screen_pressure_help(const GtTechnique *t, char *buffer, size_t size) {
    if (t->pattern == GT_PATTERN_HOLD && t->pressure_level.max <= 2)
        snprintf(buffer, size, "Barely touch: level %g-%g. Mouse: key 1 or the wheel low; touch: the gauge near its "
                 "foot with your other hand; a pen that senses pressure: rest it on the body.", t->pressure_level.min,
                 t->pressure_level.max);
    else if (t->pattern == GT_PATTERN_HOLD)
        snprintf(buffer, size, "Ramp with the mouse wheel or keys (press 2, 4, 6 ... then back down, lift at 1), "
                 "or slide the gauge with your other hand; a pen that senses pressure: just press.");
    else
        snprintf(buffer, size, "Mouse: wheel or keys 1-9 (0 = 10) set the pressure. Touch or pen: slide the gauge "
                 "with your other hand.");
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

void gt_screen_progress_words(const GtCompletion *progress, char *buffer, size_t size) {
    if (!progress->applies || !progress->unit) { buffer[0] = '\0'; return; }
    if (strcmp(progress->unit, "s") == 0)
        snprintf(buffer, size, "%.0f of %.0f s worked", fmin(progress->done, progress->asked), progress->asked);
    else if (progress->asked == 1)   /* "hold 0 of 1" reads oddly: say the singular */
        snprintf(buffer, size, "%.0f of 1 %.*s done", fmin(progress->done, 1.0),
                 (int)strlen(progress->unit) - 1, progress->unit);
    else
        snprintf(buffer, size, "%.0f of %.0f %s done", fmin(progress->done, progress->asked), progress->asked,
                 progress->unit);
}

/* The hold's own line: how long the hand has held, and what to do now (ramp in, hold, ramp
 * out); returns its height. */
static int draw_hold_cue(const GtScreenContext *c, int x, int y, int w, const GtInputLive *live) {
    const GtTechnique *t = gt_session_step(c->session)->technique;
    const GtReplay *attempt = gt_input_attempt(c->input);
    double held = 0;
    if (attempt && attempt->contact_count && live->active_contacts) {
        const GtContact *contact = &attempt->contacts[attempt->contact_count - 1];
        if (contact->count) held = (contact->samples[contact->count - 1].t_ms - contact->samples[0].t_ms) / 1000.0;
    }
    char line[200];
    if (!live->active_contacts)
        snprintf(line, sizeof line, "1. Press on the spot and ramp in slowly (1-2 s) to level %g-%g.",
                 t->pressure_level.min, t->pressure_level.max);
    else if (held < t->hold_s.min && live->level < t->pressure_level.min)
        snprintf(line, sizeof line, "1. Ramp in: raise the level slowly to %g-%g (%.0f s held).", t->pressure_level.min,
                 t->pressure_level.max, held);
    else if (held < t->hold_s.min)
        snprintf(line, sizeof line, "2. Hold still at %g-%g: %.0f of %g-%g s.", t->pressure_level.min,
                 t->pressure_level.max, held, t->hold_s.min, t->hold_s.max);
    else
        snprintf(line, sizeof line, "3. Ramp out: ease the level down slowly (1-2 s), then lift (%.0f s held).", held);
    int h = 0;
    gt_ui_text(c->ui, line, x, y, GT_FONT_BODY, true, GT_COL_TEXT, w, NULL, &h);
    return h;
}

/* True when the contact that just lifted broke a stroke that should have gone on: a glide
 * lifted before it reached the last fifth of its guide, a hold lifted before its shortest
 * time, any other movement lifted before the step's work was done. Taps lift by nature. */
static bool lift_broke_stroke(const GtScreenContext *c, const GtInputLive *live) {
    const GtStep *step = gt_session_step(c->session);
    const GtTechnique *t = step->technique;
    const GtReplay *attempt = gt_input_attempt(c->input);
    if (!live->lifted_recently || t->pattern == GT_PATTERN_TAP || !attempt || live->lifted_contact < 0 ||
        (size_t)live->lifted_contact >= attempt->contact_count)
        return false;
    const GtContact *contact = &attempt->contacts[live->lifted_contact];
    if (!contact->count) return false;
    if (t->pattern == GT_PATTERN_GLIDE && !step->guide_is_point && step->guide.count >= 2) {
        double reached = 0, length = gt_polyline_length(&step->guide);
        for (size_t k = 0; k < contact->count; k++)
            reached = fmax(reached, gt_polyline_project(&step->guide, (GtPoint){ contact->samples[k].x_cm,
                                                                                 contact->samples[k].y_cm }).along_cm);
        return reached < 0.8 * length;
    }
    if (t->pattern == GT_PATTERN_HOLD)
        return (contact->samples[contact->count - 1].t_ms - contact->samples[0].t_ms) / 1000.0 < t->hold_s.min;
    const GtCompletion *p = &c->session->live_progress;
    return !(p->applies && p->done >= p->asked);
}

/* A framed line of words on a colour (the lift warning, the notice); returns its height. */
static int draw_banner(GtUi *ui, const char *text, int x, int y, int w, GtColour colour) {
    int u = ui->unit, h = 0;
    gt_ui_text_size(ui, text, GT_FONT_BODY, true, w - 2 * u, NULL, &h);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ x, y, w, h + 2 * u }, u, colour, 200);
    gt_ui_text(ui, text, x + u, y + u, GT_FONT_BODY, true, GT_COL_TEXT, w - 2 * u, NULL, NULL);
    return h + 2 * u;
}

/* Live cues below the instruction: the work counted, speed gauge, metronome pulse, the hold
 * and its ramps, a lift that broke a stroke, the notice. Returns the row below them. */
static int draw_live_cues(const GtScreenContext *c, int x, int y, int w, const GtInputLive *live, Uint32 now_ms) {
    GtUi *ui = c->ui;
    const GtStep *step = gt_session_step(c->session);
    const GtTechnique *t = step->technique;
    int u = ui->unit, h = 0;
    char line[200];
    gt_screen_progress_words(&c->session->live_progress, line, sizeof line);
    if (line[0]) {
        gt_ui_text(ui, line, x, y, GT_FONT_LARGE, true, GT_COL_TEXT, w, NULL, &h);
        y += h + u;
    }
    if (t->has_speed) {
        snprintf(line, sizeof line, "Speed: %.1f cm/s", live->speed_cm_s);
        gt_ui_text(ui, line, x, y, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, &h);
        y += h + u / 2;
        draw_speed_gauge(c, (SDL_Rect){ x, y, w, ui->font_px[GT_FONT_SMALL] + u }, t, live->speed_cm_s);
        y += ui->font_px[GT_FONT_SMALL] + 3 * u;
    }
    if (t->has_tempo) {
        bool flash = gt_session_beat_flashing(c->session, now_ms);
        double r = ui->touch * 0.35;
        gt_ui_fill_circle(ui, x + r, y + r, flash ? r : r * 0.55, flash ? GT_COL_ACCENT : GT_COL_LINE, 255);
        double tempo = gt_band_geometric_mid(t->tempo_per_min);
        if (t->tempo_in_hz) snprintf(line, sizeof line, "Beat: follow the pulse, %.1f per second", tempo / 60);
        else snprintf(line, sizeof line, "Beat: follow the pulse, %.0f per minute", tempo);
        gt_ui_text(ui, line, x + (int)(2 * r) + u, y + (int)r - ui->font_px[GT_FONT_SMALL] / 2 - 2, GT_FONT_SMALL, true,
                   GT_COL_TEXT, w - (int)(2 * r) - u, NULL, NULL);
        y += (int)(2 * r) + 2 * u;
    }
    if (t->has_hold) y += draw_hold_cue(c, x, y, w, live) + u;
    if (lift_broke_stroke(c, live)) y += draw_banner(ui, "Lifted! Keep your hand on the skin.", x, y, w, GT_COL_WARN) + u;
    if (gt_session_practice_notice_showing(c->session, now_ms))
        y += draw_banner(ui, c->session->practice_notice, x, y, w, GT_COL_HIGHLIGHT) + u;
    return y;
}

static const char *const QUESTION = "Discard this attempt?";
static const char *const QUESTION_DETAIL = "What you traced so far will not be scored or saved.";

/* The question before an attempt is thrown away: a box in the middle of the panel, as tall as
 * its words and buttons. */
static SDL_Rect question_box(const GtScreenContext *c) {
    GtUi *ui = c->ui;
    SDL_Rect p = c->screens->frame.panel;
    int u = ui->unit, w = p.w - 2 * u < ui->touch * 9 ? p.w - 2 * u : ui->touch * 9, th = 0, dh = 0;
    gt_ui_text_size(ui, QUESTION, GT_FONT_LARGE, true, w - 4 * u, NULL, &th);
    gt_ui_text_size(ui, QUESTION_DETAIL, GT_FONT_SMALL, false, w - 4 * u, NULL, &dh);
    int h = 2 * u + th + u + dh + 2 * u + ui->touch + u;
    return (SDL_Rect){ p.x + (p.w - w) / 2, p.y + (p.h - h) / 2, w, h };
}

void gt_practice_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    const GtStep *step = gt_session_step(c->session);
    int u = ui->unit;
    if (c->session->confirm_action != GT_ACT_NONE) { /* nothing else answers while the question shows */
        SDL_Rect q = question_box(c);
        int bw = (q.w - 3 * u) / 2, by = q.y + q.h - ui->touch - u;
        gt_hits_add_button(hits, (SDL_Rect){ q.x + u, by, bw, ui->touch }, "Discard", GT_ACT_DISCARD, SDLK_d, false);
        gt_hits_add_button(hits, (SDL_Rect){ q.x + 2 * u + bw, by, bw, ui->touch }, "Keep practising", GT_ACT_KEEP,
                           SDLK_ESCAPE, true);
        return;
    }
    /* the body and the gauge take presses on this screen alone; buttons lie on top of both */
    gt_hits_add(hits, GT_HIT_TRACE, c->views[step->view].rect, GT_HIT_NO_ACTION);
    gt_hits_add(hits, GT_HIT_SLIDER, c->screens->frame.slider, GT_HIT_NO_ACTION);
    SDL_Rect p = c->screens->frame.panel;
    int bw = ui->touch * 4, by = p.y + p.h - ui->touch;
    if (bw * 11 / 4 + 4 * u > p.w) bw = (p.w - 4 * u) * 4 / 11; /* Restart (3/4), Watch demo and Done fit (larger text) */
    gt_hits_add_button(hits, (SDL_Rect){ p.x + u, by, bw * 3 / 4, ui->touch }, "Restart", GT_ACT_RESTART, SDLK_BACKSPACE,
                       false);
    if (c->session->mode == GT_MODE_LEARN)
        gt_hits_add_button(hits, (SDL_Rect){ p.x + 2 * u + bw * 3 / 4, by, bw, ui->touch }, "Watch demo",
                           GT_ACT_WATCH_DEMO, SDLK_SPACE, false);
    gt_hits_add_button(hits, (SDL_Rect){ p.x + p.w - u - bw, by, bw, ui->touch }, "Done", GT_ACT_DONE, SDLK_RETURN, true);
}

/* Dims the screen and draws the question's box and words (its buttons are drawn with the rest). */
static void draw_question(const GtScreenContext *c) {
    GtUi *ui = c->ui;
    const GtFrame *f = &c->screens->frame;
    int u = ui->unit, h = 0;
    gt_ui_fill_rect(ui, (SDL_Rect){ 0, 0, f->output_w, f->output_h }, GT_COL_TEXT, 110);
    SDL_Rect q = question_box(c);
    gt_ui_fill_round_rect(ui, q, u, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ q.x + 2, q.y + 2, q.w - 4, q.h - 4 }, u, GT_COL_PANEL, 255);
    gt_ui_text(ui, QUESTION, q.x + 2 * u, q.y + 2 * u, GT_FONT_LARGE, true, GT_COL_TEXT, q.w - 4 * u, NULL, &h);
    gt_ui_text(ui, QUESTION_DETAIL, q.x + 2 * u, q.y + 3 * u + h, GT_FONT_SMALL, false, GT_COL_MUTED, q.w - 4 * u, NULL,
               NULL);
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
    int u = ui->unit, h = 0;
    SDL_Rect p = c->screens->frame.panel_text; /* beside the gauge, whichever side it is on */
    int text_w = p.w - 2 * u;
    /* a warning goes first, above the instruction, where the eye goes between strokes */
    int y = p.y + gt_screen_draw_warnings(c, &safety, p.x, p.y, text_w + 2 * u);
    if (safety.count) y += u;
    y = gt_screen_draw_instruction(c, p.x + u, y, text_w);
    char help[240];
    gt_screen_pressure_help(step->technique, help, sizeof help);
    gt_ui_text(ui, help, p.x + u, y, GT_FONT_SMALL, false, GT_COL_TEXT, text_w, NULL, &h);
    y += h + u;
    y = draw_live_cues(c, p.x + u, y, text_w, &live, now_ms);
    gt_screen_draw_first_step_cautions(c, p.x + u, y + u, text_w, p.y + p.h - ui->touch - u);
    static const char *const SOURCE_WORDS[] = { "pen or screen", "wheel", "keys", "slider", "start" };
    gt_screen_draw_pressure_gauge(c, step->technique, live.level,
                                  (unsigned)live.source < 5 ? SOURCE_WORDS[live.source] : "start");
    gt_screen_log_warnings(c, &safety);
    if (s->confirm_action != GT_ACT_NONE) draw_question(c);
}
