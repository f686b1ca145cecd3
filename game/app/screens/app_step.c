/* The screens of one lesson step: watch the demonstration, practise with live feedback, and
 * read the result. The screen never scores: it records a replay and asks the engine. */
#include "app_internal.h"
#include "gt_motion.h"
#include "scorecard_write.h"
#include "storage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gt_app_step_header(GtApp *app, const char *what) {
    const GtStep *step = gt_app_step(app);
    char title[160], subtitle[200];
    snprintf(title, sizeof title, "%s", step->technique ? step->technique->name : step->technique_id);
    const GtRegion *region = gt_bodymap_region(app->views[step->view].map, step->region);
    snprintf(subtitle, sizeof subtitle, "%s  ·  step %d of %zu  ·  %s  ·  %s", app->lesson->title, app->step,
             app->lesson->step_count, region ? region->name : step->region, what);
    gt_app_draw_header(app, title, subtitle);
}

GtBodyView *gt_app_draw_step_body(GtApp *app, bool show_guide, double phase) {
    const GtStep *step = gt_app_step(app);
    GtBodyView *view = &app->views[step->view];
    gt_bodyview_clip(view, &app->ui, true);
    gt_bodyview_draw(view, &app->ui);
    gt_bodyview_fill_region(view, &app->ui, step->region, GT_COL_HIGHLIGHT, show_guide ? 90 : 60);
    gt_bodyview_draw_avoid_zones(view, &app->ui, step->technique);
    if (show_guide) gt_bodyview_draw_guide(view, &app->ui, step, phase);
    return view;
}

/* What the technique asks for, in one or two plain lines. */
static void target_summary(const GtTechnique *t, char *buffer, size_t size) {
    char pressure[64];
    gt_app_band_words(t->pressure_level, pressure, sizeof pressure);
    if (t->has_speed)
        snprintf(buffer, size, "Pressure %s  ·  speed %g-%g cm/s", pressure, t->speed_cm_s.min, t->speed_cm_s.max);
    else if (t->has_tempo && t->tempo_in_hz)
        snprintf(buffer, size, "Pressure %s  ·  %g-%g per second", pressure, t->tempo_per_min.min / 60, t->tempo_per_min.max / 60);
    else if (t->has_tempo)
        snprintf(buffer, size, "Pressure %s  ·  %g-%g per minute", pressure, t->tempo_per_min.min, t->tempo_per_min.max);
    else if (t->has_hold)
        snprintf(buffer, size, "Pressure %s  ·  hold %g-%g s", pressure, t->hold_s.min, t->hold_s.max);
    else
        snprintf(buffer, size, "Pressure %s", pressure);
}

/* Instruction text (and the hint after repeated misses); returns the y below it. */
static int draw_instruction(GtApp *app, int x, int y, int w) {
    GtUi *ui = &app->ui;
    const GtStep *step = gt_app_step(app);
    int h = 0, u = ui->unit;
    gt_ui_text(ui, step->instruction, x, y, GT_FONT_BODY, false, GT_COL_TEXT, w, NULL, &h);
    y += h + u;
    char targets[200];
    target_summary(step->technique, targets, sizeof targets);
    gt_ui_text(ui, targets, x, y, GT_FONT_SMALL, true, GT_COL_MUTED, w, NULL, &h);
    y += h + u;
    if (app->misses >= GT_HINT_AFTER_MISSES && app->mode != GT_MODE_EXAM) {
        char hint[700];
        snprintf(hint, sizeof hint, "Hint: %s", step->hint);
        int hw = 0;
        gt_ui_text_size(ui, hint, GT_FONT_SMALL, false, w - 2 * u, &hw, &h);
        gt_ui_fill_round_rect(ui, (SDL_Rect){ x, y, w, h + 2 * u }, u, GT_COL_HIGHLIGHT, 120);
        gt_ui_text(ui, hint, x + u, y + u, GT_FONT_SMALL, false, GT_COL_TEXT, w - 2 * u, NULL, NULL);
        y += h + 3 * u;
    }
    return y;
}

/* ---- demonstration ---- */

void gt_app_draw_demo(GtApp *app, Uint32 now_ms) {
    GtUi *ui = &app->ui;
    const GtStep *step = gt_app_step(app);
    gt_app_step_header(app, "demonstration");
    double t = now_ms - app->demo_start_ms, first = 0, last = 0;
    bool has = app->has_reference && gt_replay_time_span(&app->reference, &first, &last);
    GtBodyView *view = gt_app_draw_step_body(app, true, fmod(t / 1500.0, 1.0));
    if (has) {
        gt_bodyview_draw_trail(view, ui, &app->reference, step->technique, t, 230);
        gt_bodyview_draw_contacts(view, ui, &app->reference, step->technique, t);
    }
    gt_bodyview_clip(view, ui, false);
    int u = ui->unit;
    SDL_Rect p = app->panel;
    int y = draw_instruction(app, p.x + u, p.y, p.w - 2 * u);
    /* playback progress */
    double share = has && last > 0 ? fmin(1.0, t / last) : 1.0;
    SDL_Rect bar = { p.x + u, y, p.w - 2 * u, u };
    gt_ui_fill_round_rect(ui, bar, u / 2, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ bar.x, bar.y, (int)(bar.w * share), bar.h }, u / 2, GT_COL_ACCENT, 255);
    char line[96];
    snprintf(line, sizeof line, share < 1.0 ? "Watch: %.0f of %.0f s" : "Demonstration finished (%.0f of %.0f s)",
             fmin(t, last) / 1000.0, last / 1000.0);
    gt_ui_text(ui, line, p.x + u, y + 2 * u, GT_FONT_SMALL, false, GT_COL_MUTED, 0, NULL, NULL);
    int bw = ui->touch * 4, by = p.y + p.h - ui->touch;
    gt_ui_button(ui, (SDL_Rect){ p.x + u, by, bw, ui->touch }, "Watch again", GT_ACT_REPLAY_DEMO, SDLK_SPACE, false);
    gt_ui_button(ui, (SDL_Rect){ p.x + p.w - u - bw, by, bw, ui->touch }, "Practise", GT_ACT_PRACTISE, SDLK_RETURN, true);
}

/* ---- practice ---- */

void gt_app_begin_practice(GtApp *app, Uint32 now_ms) {
    const GtStep *step = gt_app_step(app);
    if (!step) return;
    gt_input_begin_attempt(app->input, app->lesson->id, app->step, step->technique_id, step->view, now_ms);
    app->screen = GT_SCREEN_PRACTICE;
    app->next_beat_ms = now_ms;
    app->watching = false;
    app->warning_key[0] = '\0';
    app->dirty = true;
}

/* The pressure gauge: bands with words (not colour alone), the target band bracketed, and the
 * current level. On a touchscreen the other hand holds it as a slider. */
static void draw_pressure_gauge(GtApp *app, const GtTechnique *t, const GtInputLive *live) {
    GtUi *ui = &app->ui;
    SDL_Rect g = app->slider;
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
static void draw_speed_gauge(GtApp *app, SDL_Rect r, const GtTechnique *t, double speed) {
    GtUi *ui = &app->ui;
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
static void draw_live_cues(GtApp *app, int x, int y, int w, const GtInputLive *live, Uint32 now_ms) {
    GtUi *ui = &app->ui;
    const GtStep *step = gt_app_step(app);
    const GtTechnique *t = step->technique;
    int u = ui->unit, h = 0;
    char line[160];
    if (t->has_speed) {
        snprintf(line, sizeof line, "Speed: %.1f cm/s", live->speed_cm_s);
        gt_ui_text(ui, line, x, y, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, &h);
        y += h + u / 2;
        draw_speed_gauge(app, (SDL_Rect){ x, y, w, ui->font_px[GT_FONT_SMALL] + u }, t, live->speed_cm_s);
        y += ui->font_px[GT_FONT_SMALL] + 3 * u;
    }
    if (t->has_tempo) {
        bool flash = now_ms < app->beat_flash_until_ms;
        double r = ui->touch * 0.35;
        gt_ui_fill_circle(ui, x + r, y + r, flash ? r : r * 0.55, flash ? GT_COL_ACCENT : GT_COL_LINE, 255);
        double tempo = gt_band_geometric_mid(t->tempo_per_min);
        if (t->tempo_in_hz) snprintf(line, sizeof line, "Beat: follow the pulse, %.1f per second", tempo / 60);
        else snprintf(line, sizeof line, "Beat: follow the pulse, %.0f per minute", tempo);
        gt_ui_text(ui, line, x + (int)(2 * r) + u, y + (int)r - ui->font_px[GT_FONT_SMALL] / 2 - 2, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, NULL);
        y += (int)(2 * r) + 2 * u;
    }
    const GtReplay *attempt = gt_input_attempt(app->input);
    if (t->has_hold && attempt && attempt->contact_count) {
        const GtContact *c = &attempt->contacts[attempt->contact_count - 1];
        double held = live->active_contacts && c->count ? (c->samples[c->count - 1].t_ms - c->samples[0].t_ms) / 1000.0 : 0;
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

void gt_app_draw_practice(GtApp *app, Uint32 now_ms) {
    GtUi *ui = &app->ui;
    const GtStep *step = gt_app_step(app);
    static const char *const MODE_WORDS[GT_MODE_COUNT] = { "practice", "practice", "exam: no guide" };
    gt_app_step_header(app, MODE_WORDS[app->mode]);
    GtBodyView *view = gt_app_draw_step_body(app, app->mode != GT_MODE_EXAM, 0.0);
    GtInputLive live = gt_input_live(app->input, now_ms);
    GtLiveSafety safety;
    gt_app_live_safety(app, now_ms, &live, &safety);
    gt_app_mark_warned_zones(app, view, &safety);
    const GtReplay *attempt = gt_input_attempt(app->input);
    double first = 0, last = 0;
    if (attempt && gt_replay_time_span(attempt, &first, &last)) {
        gt_bodyview_draw_trail(view, ui, attempt, step->technique, last, 255);
        gt_bodyview_draw_contacts(view, ui, attempt, step->technique, last);
    }
    gt_bodyview_clip(view, ui, false);
    int u = ui->unit;
    SDL_Rect p = app->panel;
    int text_w = app->slider.x - p.x - 3 * u;
    /* a warning goes first, above the instruction, where the eye goes between strokes */
    int y = p.y + gt_app_draw_warnings(app, &safety, p.x, p.y, text_w + 2 * u);
    if (safety.count) y += u;
    y = draw_instruction(app, p.x + u, y, text_w);
    draw_live_cues(app, p.x + u, y, text_w, &live, now_ms);
    draw_pressure_gauge(app, step->technique, &live);
    gt_app_log_warnings(app, &safety);
    int bw = ui->touch * 4, by = p.y + p.h - ui->touch;
    gt_ui_button(ui, (SDL_Rect){ p.x + u, by, bw * 3 / 4, ui->touch }, "Restart", GT_ACT_RESTART, SDLK_BACKSPACE, false);
    if (app->mode == GT_MODE_LEARN)
        gt_ui_button(ui, (SDL_Rect){ p.x + 2 * u + bw * 3 / 4, by, bw, ui->touch }, "Watch demo", GT_ACT_WATCH_DEMO, SDLK_SPACE, false);
    gt_ui_button(ui, (SDL_Rect){ p.x + p.w - u - bw, by, bw, ui->touch }, "Done", GT_ACT_DONE, SDLK_RETURN, true);
}

/* Remembers the card as the step's best in this run when it passed and the best did not, or
 * when it passed alike with a higher total. */
static void keep_if_best(GtApp *app, const GtScoreCard *card) {
    if (app->step < 1 || app->step > GT_MAX_STEPS) return;
    int i = app->step - 1;
    bool first = app->step_best[i] < 0, better = card->passed && !app->step_passed[i];
    bool alike = card->passed == app->step_passed[i] && card->total > app->step_best[i];
    if (!first && !better && !alike) return;
    app->step_best[i] = card->total;
    app->step_passed[i] = card->passed;
    snprintf(app->step_grade[i], sizeof app->step_grade[i], "%s", card->grade);
}

void gt_app_finish_attempt(GtApp *app, Uint32 now_ms) {
    (void)now_ms;
    const GtStep *step = gt_app_step(app);
    GtReplay attempt;
    if (!step || !gt_input_end_attempt(app->input, &attempt)) return;
    if (app->has_attempt) gt_replay_free(&app->attempt);
    app->attempt = attempt;
    app->has_attempt = true;
    GtScoreTarget target = { app->lesson->id, app->step, step, step->technique, app->views[step->view].map, app->lesson->level };
    gt_score_attempt(&target, &app->attempt, &app->card);
    app->has_card = true;
    app->save_error[0] = '\0';
    app->attempt_path[0] = '\0';
    if (!gt_storage_save_replay(&app->attempt, app->attempt_path, sizeof app->attempt_path, app->save_error, sizeof app->save_error))
        fprintf(stderr, "guidedtouch: attempt not saved: %s\n", app->save_error);
    else
        fprintf(stderr, "guidedtouch: attempt saved to %s (total %.1f, %s)\n", app->attempt_path, app->card.total, app->card.grade);
    char error[256];
    char *card_json = app->options.card_out ? gt_scorecard_to_json(&app->card) : NULL;
    if (card_json && !gt_storage_write_atomic(app->options.card_out, card_json, strlen(card_json), error, sizeof error))
        fprintf(stderr, "guidedtouch: score card not written: %s\n", error);
    free(card_json);
    /* an attempt that failed outright (unsafe, not this step) is no mark to keep, however high its total */
    double mark = app->card.verdict == GT_VERDICT_SCORED ? app->card.total : 0.0;
    if (app->progress.path[0] &&
        !gt_progress_record(&app->progress, app->lesson->id, app->step, mark, app->card.passed, error, sizeof error))
        fprintf(stderr, "guidedtouch: marks not saved: %s\n", error);
    keep_if_best(app, &app->card);
    if (!app->card.passed) app->misses++;
    app->screen = GT_SCREEN_RESULT;
    app->watching = false;
    app->dirty = true;
}
