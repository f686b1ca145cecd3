/* The trainer's screens outside a step: home (lessons), lesson intro, lesson summary; the
 * layout shared by all screens; and what every button does. */
#include "app_internal.h"
#include "gt_demo.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const MODE_LABELS[GT_MODE_COUNT] = { "Learn", "Practice", "Exam" };

void gt_app_layout(GtApp *app) {
    GtUi *ui = &app->ui;
    int u = ui->unit, w = app->output_w, h = app->output_h;
    app->portrait = h > w;
    app->header = (SDL_Rect){ 0, 0, w, ui->touch + 2 * u };
    int top = app->header.h + u;
    if (app->portrait) {
        int body_h = (h - top - 2 * u) * 55 / 100;
        app->body_area = (SDL_Rect){ u, top, w - 2 * u, body_h };
        app->panel = (SDL_Rect){ u, top + body_h + u, w - 2 * u, h - top - body_h - 2 * u };
    } else {
        int body_w = (w - 3 * u) * 50 / 100;
        app->body_area = (SDL_Rect){ u, top, body_w, h - top - u };
        app->panel = (SDL_Rect){ 2 * u + body_w, top, w - body_w - 3 * u, h - top - u };
    }
    int gauge_w = ui->touch * 3;
    app->slider = (SDL_Rect){ app->panel.x + app->panel.w - gauge_w - u, app->panel.y + u, gauge_w,
                              app->panel.h - 2 * u - ui->touch - u };
}

void gt_app_prepare_view(GtApp *app) {
    bool on_step = app->screen == GT_SCREEN_DEMO || app->screen == GT_SCREEN_PRACTICE || app->screen == GT_SCREEN_RESULT;
    const GtStep *step = on_step ? gt_app_step(app) : NULL;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        gt_bodyview_focus(&app->views[v], step && step->view == (GtView)v ? step : NULL);
        gt_bodyview_layout(&app->views[v], app->renderer, app->body_area);
    }
}

const GtStep *gt_app_step(const GtApp *app) {
    return app->lesson && app->step >= 1 && (size_t)app->step <= app->lesson->step_count
               ? &app->lesson->steps[app->step - 1] : NULL;
}

void gt_app_band_words(GtRange band, char *buffer, size_t size) {
    char words[48];
    gt_pressure_words(band, words, sizeof words);
    snprintf(buffer, size, "%s (%g-%g)", words, band.min, band.max);
}

void gt_app_draw_header(GtApp *app, const char *title, const char *subtitle) {
    GtUi *ui = &app->ui;
    int u = ui->unit;
    gt_ui_fill_rect(ui, app->header, GT_COL_PANEL, 255);
    gt_ui_fill_rect(ui, (SDL_Rect){ 0, app->header.h - 1, app->header.w, 1 }, GT_COL_LINE, 255);
    int x = 2 * u;
    if (app->screen != GT_SCREEN_HOME) {
        SDL_Rect back = { u, u, ui->touch * 2, ui->touch };
        gt_ui_button(ui, back, "Back", GT_ACT_BACK, SDLK_ESCAPE, false);
        x = back.x + back.w + 2 * u;
    }
    int tw = 0, th = 0;
    gt_ui_text_size(ui, title, GT_FONT_TITLE, true, 0, &tw, &th);
    int sub_h = 0;
    if (subtitle) gt_ui_text_size(ui, subtitle, GT_FONT_SMALL, false, 0, NULL, &sub_h);
    int y = (app->header.h - th - (subtitle ? sub_h : 0)) / 2;
    SDL_Rect mute = { app->header.w - u - ui->touch * 3, u, ui->touch * 3, ui->touch };
    int room = mute.x - x - u;
    gt_ui_text_fit(ui, title, x, y, room, GT_FONT_TITLE, true, GT_COL_TEXT);
    if (subtitle) gt_ui_text_fit(ui, subtitle, x, y + th, room, GT_FONT_SMALL, false, GT_COL_MUTED);
    /* mute toggle, right-aligned */
    gt_ui_button(ui, mute, app->audio.muted ? "Sound off" : "Sound on", GT_ACT_MUTE, SDLK_m, false);
}

/* ---- home ---- */

static void technique_names(const GtLesson *lesson, char *buffer, size_t size) {
    buffer[0] = '\0';
    for (size_t s = 0; s < lesson->step_count; s++) {
        const GtTechnique *t = lesson->steps[s].technique;
        if (!t || strstr(buffer, t->name)) continue;
        size_t used = strlen(buffer);
        snprintf(buffer + used, size - used, "%s%s", used ? ", " : "", t->name);
    }
}

static void draw_lesson_card(GtApp *app, SDL_Rect r, size_t index) {
    GtUi *ui = &app->ui;
    const GtLesson *lesson = &app->library.lessons[index];
    int u = ui->unit;
    bool pressed = ui->pressed_id == GT_ACT_LESSON_BASE + (int)index;
    gt_ui_fill_round_rect(ui, r, u, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + 1, r.y + 1, r.w - 2, r.h - 2 }, u, GT_COL_PANEL, pressed ? 200 : 255);
    int x = r.x + 2 * u, y = r.y + u, inner = r.w - 4 * u, h = 0;
    gt_ui_text(ui, lesson->title, x, y, GT_FONT_LARGE, true, GT_COL_TEXT, inner * 3 / 4, NULL, &h);
    char line[512];
    double best = 0;
    int tried = 0;
    bool any = gt_progress_lesson_best(&app->progress, lesson->id, (int)lesson->step_count, &best, &tried);
    char shown[32];
    gt_app_format_total(best, 0.0, shown, sizeof shown);
    if (any && tried < (int)lesson->step_count)
        snprintf(line, sizeof line, "Best %s (%s), %d of %zu steps", shown, gt_grade_for(best), tried, lesson->step_count);
    else if (any) snprintf(line, sizeof line, "Best %s (%s)", shown, gt_grade_for(best));
    else snprintf(line, sizeof line, "Not tried yet");
    int mw = 0;
    gt_ui_text_size(ui, line, GT_FONT_BODY, true, 0, &mw, NULL);
    gt_ui_text(ui, line, r.x + r.w - 2 * u - mw, y, GT_FONT_BODY, true, any ? GT_COL_GOOD_TEXT : GT_COL_MUTED, 0, NULL, NULL);
    y += h + u / 2;
    snprintf(line, sizeof line, "%s  ·  about %.0f min  ·  %zu steps  ·  for %s", lesson->level == GT_LEVEL_ADVANCED ? "Advanced" : "Beginner",
             lesson->duration_min, lesson->step_count, lesson->condition);
    gt_ui_text(ui, line, x, y, GT_FONT_SMALL, false, GT_COL_MUTED, inner, NULL, &h);
    y += h + u / 2;
    technique_names(lesson, line, sizeof line);
    gt_ui_text(ui, line, x, y, GT_FONT_SMALL, false, GT_COL_TEXT, inner, NULL, NULL);
    if (ui->button_count < GT_MAX_BUTTONS) ui->buttons[ui->button_count++] = (GtButton){ r, GT_ACT_LESSON_BASE + (int)index, 0 };
}

static void draw_broken_card(GtApp *app, SDL_Rect r, const GtBrokenFile *broken) {
    GtUi *ui = &app->ui;
    int u = ui->unit;
    gt_ui_fill_round_rect(ui, r, u, GT_COL_BAD, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 }, u, GT_COL_PANEL, 255);
    const char *name = strrchr(broken->file, '/');
    char title[256];
    snprintf(title, sizeof title, "Cannot open %s", name ? name + 1 : broken->file);
    int h = 0;
    gt_ui_text(ui, title, r.x + 2 * u, r.y + u, GT_FONT_BODY, true, GT_COL_BAD, r.w - 4 * u, NULL, &h);
    gt_ui_text(ui, broken->problem, r.x + 2 * u, r.y + u + h + u / 2, GT_FONT_SMALL, false, GT_COL_TEXT, r.w - 4 * u, NULL, NULL);
}

static void draw_home(GtApp *app) {
    GtUi *ui = &app->ui;
    int u = ui->unit;
    gt_app_draw_header(app, "Guided Touch", "Massage stroke trainer");
    /* mode selector */
    int top = app->header.h + u;
    int seg_w = ui->touch * 3;
    const char *label = "Mode:";
    int lw = 0, lh = 0;
    gt_ui_text_size(ui, label, GT_FONT_BODY, true, 0, &lw, &lh);
    gt_ui_text(ui, label, u * 2, top + (ui->touch - lh) / 2, GT_FONT_BODY, true, GT_COL_TEXT, 0, NULL, NULL);
    for (int m = 0; m < GT_MODE_COUNT; m++) {
        SDL_Rect r = { 3 * u + lw + m * (seg_w + u), top, seg_w, ui->touch };
        gt_ui_button(ui, r, MODE_LABELS[m], GT_ACT_MODE_LEARN + m, SDLK_F1 + m, app->mode == (GtMode)m);
    }
    static const char *const MODE_HELP[GT_MODE_COUNT] = {
        "Watch a demonstration, then trace the guide. Hints after three misses.",
        "Trace the guide without a demonstration.", "No guide: show what you know." };
    int mode_right = 3 * u + lw + GT_MODE_COUNT * (seg_w + u) + u;
    int hw = 0, hh = 0;
    gt_ui_text_size(ui, MODE_HELP[app->mode], GT_FONT_SMALL, false, app->output_w - mode_right - 2 * u, &hw, &hh);
    bool help_fits = app->output_w - mode_right > 12 * ui->font_px[GT_FONT_SMALL];
    if (help_fits)
        gt_ui_text(ui, MODE_HELP[app->mode], mode_right, top + (ui->touch - hh) / 2, GT_FONT_SMALL, false, GT_COL_MUTED,
                   app->output_w - mode_right - 2 * u, NULL, NULL);
    top += ui->touch + u;
    if (!help_fits) {
        gt_ui_text(ui, MODE_HELP[app->mode], 2 * u, top, GT_FONT_SMALL, false, GT_COL_MUTED, app->output_w - 4 * u, NULL, &hh);
        top += hh + u;
    }
    /* cards: lessons, then files that did not load */
    int columns = app->portrait || app->output_w < 900 ? 1 : 2;
    int card_w = (app->output_w - (columns + 1) * 2 * u) / columns;
    int card_h = ui->font_px[GT_FONT_LARGE] * 2 + ui->font_px[GT_FONT_SMALL] * 4 + 4 * u;
    size_t total = app->library.lesson_count + app->library.broken_count;
    int rows_total = (int)((total + (size_t)columns - 1) / (size_t)columns);
    int avail = app->output_h - top - u;
    app->home_rows = avail / (card_h + u);
    if (app->home_rows < 1) app->home_rows = 1;
    bool scrolling = rows_total > app->home_rows;
    if (scrolling) {
        avail -= ui->touch + u;
        app->home_rows = avail / (card_h + u) > 0 ? avail / (card_h + u) : 1;
    }
    if (app->home_scroll > rows_total - app->home_rows) app->home_scroll = rows_total - app->home_rows;
    if (app->home_scroll < 0) app->home_scroll = 0;
    for (size_t i = 0; i < total; i++) {
        int row = (int)(i / (size_t)columns) - app->home_scroll, col = (int)(i % (size_t)columns);
        if (row < 0 || row >= app->home_rows) continue;
        SDL_Rect r = { 2 * u + col * (card_w + 2 * u), top + row * (card_h + u), card_w, card_h };
        if (i < app->library.lesson_count) draw_lesson_card(app, r, i);
        else draw_broken_card(app, r, &app->library.broken[i - app->library.lesson_count]);
    }
    if (scrolling) {
        int y = app->output_h - u - ui->touch;
        char pages[64];
        snprintf(pages, sizeof pages, "Lessons %d-%d of %zu", app->home_scroll * columns + 1,
                 (int)fmin((double)total, (double)((app->home_scroll + app->home_rows) * columns)), total);
        gt_ui_text_centred(ui, pages, (SDL_Rect){ 0, y, app->output_w, ui->touch }, GT_FONT_SMALL, false, GT_COL_MUTED);
        gt_ui_button(ui, (SDL_Rect){ 2 * u, y, ui->touch * 3, ui->touch }, "Up", GT_ACT_SCROLL_UP, SDLK_PAGEUP, false);
        gt_ui_button(ui, (SDL_Rect){ app->output_w - 2 * u - ui->touch * 3, y, ui->touch * 3, ui->touch }, "More",
                     GT_ACT_SCROLL_DOWN, SDLK_PAGEDOWN, false);
    }
    if (total == 0)
        gt_ui_text(ui, "No lessons found. Put lesson files in the lessons folder (see docs/authoring.md).", 2 * u, top,
                   GT_FONT_BODY, false, GT_COL_TEXT, app->output_w - 4 * u, NULL, NULL);
}

/* ---- lesson intro and summary ---- */

static void draw_intro(GtApp *app) {
    GtUi *ui = &app->ui;
    const GtLesson *lesson = app->lesson;
    int u = ui->unit;
    char subtitle[160];
    snprintf(subtitle, sizeof subtitle, "%s mode  ·  %s  ·  about %.0f min", MODE_LABELS[app->mode],
             lesson->level == GT_LEVEL_ADVANCED ? "Advanced" : "Beginner", lesson->duration_min);
    gt_app_draw_header(app, lesson->title, subtitle);
    const GtStep *first = &lesson->steps[0];
    GtBodyView *view = &app->views[first->view];
    gt_bodyview_draw(view, ui);
    for (size_t s = 0; s < lesson->step_count; s++)
        if (lesson->steps[s].view == first->view) gt_bodyview_fill_region(view, ui, lesson->steps[s].region, GT_COL_HIGHLIGHT, 110);
    SDL_Rect p = app->panel;
    int x = p.x + u, y = p.y, w = p.w - 2 * u, h = 0;
    gt_ui_text(ui, lesson->summary, x, y, GT_FONT_BODY, false, GT_COL_TEXT, w, NULL, &h);
    y += h + 2 * u;
    for (size_t s = 0; s < lesson->step_count; s++) {
        char line[256];
        const GtStep *step = &lesson->steps[s];
        const GtRegion *region = gt_bodymap_region(app->views[step->view].map, step->region);
        snprintf(line, sizeof line, "%zu.  %s, %s", s + 1, step->technique ? step->technique->name : step->technique_id,
                 region ? region->name : step->region);
        gt_ui_text(ui, line, x, y, GT_FONT_BODY, s == 0, GT_COL_TEXT, w, NULL, &h);
        y += h + u / 2;
        if (y > p.y + p.h - ui->touch * 2) break;
    }
    SDL_Rect start = { p.x + p.w - ui->touch * 5 - u, p.y + p.h - ui->touch, ui->touch * 5, ui->touch };
    gt_ui_button(ui, start, "Start lesson", GT_ACT_START, SDLK_RETURN, true);
}

static void draw_summary(GtApp *app) {
    GtUi *ui = &app->ui;
    const GtLesson *lesson = app->lesson;
    int u = ui->unit;
    gt_app_draw_header(app, lesson->title, "Lesson summary");
    double sum = 0;
    int done = 0;
    for (size_t s = 0; s < lesson->step_count && s < GT_MAX_STEPS; s++)
        if (app->step_best[s] >= 0) { sum += app->step_best[s]; done++; }
    double mean = lesson->step_count ? sum / (double)lesson->step_count : 0;
    SDL_Rect area = { 2 * u, app->header.h + 2 * u, app->output_w - 4 * u, app->output_h - app->header.h - 4 * u };
    char line[256], shown[32];
    gt_app_format_total(mean, 0.0, line, sizeof line);
    int w = 0, h = 0;
    gt_ui_text(ui, line, area.x, area.y, GT_FONT_HUGE, true, GT_COL_TEXT, 0, &w, &h);
    snprintf(line, sizeof line, "Grade %s  ·  %d of %zu steps done", gt_grade_for(mean), done, lesson->step_count);
    gt_ui_text(ui, line, area.x + w + 2 * u, area.y + h / 3, GT_FONT_LARGE, true, GT_COL_TEXT, 0, NULL, NULL);
    int y = area.y + h + 2 * u;
    for (size_t s = 0; s < lesson->step_count; s++) {
        const GtStep *step = &lesson->steps[s];
        double best = s < GT_MAX_STEPS ? app->step_best[s] : -1;
        bool passed = s < GT_MAX_STEPS && app->step_passed[s];
        gt_app_format_total(best, step->pass_mark, shown, sizeof shown);
        if (best >= 0)
            snprintf(line, sizeof line, "%zu.  %-24s  %s  %s  %s", s + 1, step->technique ? step->technique->name : "", shown,
                     app->step_grade[s], passed ? "passed" : "not yet passed");
        else
            snprintf(line, sizeof line, "%zu.  %s  (skipped)", s + 1, step->technique ? step->technique->name : "");
        gt_ui_text(ui, line, area.x, y, GT_FONT_BODY, false, passed ? GT_COL_TEXT : GT_COL_MUTED, area.w, NULL, &h);
        y += h + u / 2;
    }
    int bw = ui->touch * 5;
    gt_ui_button(ui, (SDL_Rect){ area.x, app->output_h - 2 * u - ui->touch, bw, ui->touch }, "Practise again", GT_ACT_RETRY, SDLK_r, false);
    gt_ui_button(ui, (SDL_Rect){ area.x + area.w - bw, app->output_h - 2 * u - ui->touch, bw, ui->touch }, "All lessons", GT_ACT_HOME,
                 SDLK_RETURN, true);
}

void gt_app_draw(GtApp *app, Uint32 now_ms) {
    gt_app_prepare_view(app);
    gt_ui_begin_frame(&app->ui);
    switch (app->screen) {
    case GT_SCREEN_HOME: draw_home(app); break;
    case GT_SCREEN_INTRO: draw_intro(app); break;
    case GT_SCREEN_DEMO: gt_app_draw_demo(app, now_ms); break;
    case GT_SCREEN_PRACTICE: gt_app_draw_practice(app, now_ms); break;
    case GT_SCREEN_RESULT: gt_app_draw_result(app, now_ms); break;
    case GT_SCREEN_SUMMARY: draw_summary(app); break;
    }
}

/* ---- actions ---- */

static void load_reference(GtApp *app) {
    if (app->has_reference) gt_replay_free(&app->reference);
    app->has_reference = false;
    const GtStep *step = gt_app_step(app);
    if (!step) return;
    GtDiag diag;
    gt_diag_init(&diag);
    app->has_reference = gt_library_reference_replay(&app->library, app->lesson, app->step, &diag, &app->reference);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    /* a recording removed since the library loaded: show the synthesised demonstration instead */
    if (!app->has_reference)
        app->has_reference = gt_demo_synthesise(app->lesson->id, app->step, step, app->views[step->view].map, &app->reference);
}

void gt_app_open_step(GtApp *app, const GtLesson *lesson, int step, Uint32 now_ms) {
    if (app->lesson != lesson) {
        for (int i = 0; i < GT_MAX_STEPS; i++) { app->step_best[i] = -1; app->step_passed[i] = false; }
    }
    app->lesson = lesson;
    app->step = step;
    app->misses = 0;
    app->has_card = false;
    app->watching = false;
    load_reference(app);
    if (app->mode == GT_MODE_LEARN) {
        app->screen = GT_SCREEN_DEMO;
        app->demo_start_ms = now_ms;
    } else gt_app_begin_practice(app, now_ms);
    app->dirty = true;
}

void gt_app_act(GtApp *app, int action, Uint32 now_ms) {
    app->dirty = true;
    if (action >= GT_ACT_LESSON_BASE && action < GT_ACT_LESSON_BASE + (int)app->library.lesson_count) {
        app->lesson = &app->library.lessons[action - GT_ACT_LESSON_BASE];
        for (int i = 0; i < GT_MAX_STEPS; i++) { app->step_best[i] = -1; app->step_passed[i] = false; }
        app->step = 1;
        app->screen = GT_SCREEN_INTRO;
        return;
    }
    switch (action) {
    case GT_ACT_MODE_LEARN:
    case GT_ACT_MODE_PRACTICE:
    case GT_ACT_MODE_EXAM: app->mode = (GtMode)(action - GT_ACT_MODE_LEARN); break;
    case GT_ACT_MUTE: app->audio.muted = !app->audio.muted; break;
    case GT_ACT_SCROLL_UP: app->home_scroll--; break;
    case GT_ACT_SCROLL_DOWN: app->home_scroll++; break;
    case GT_ACT_HOME:
        app->screen = GT_SCREEN_HOME;
        app->lesson = NULL;
        app->step = 0;
        break;
    case GT_ACT_START: gt_app_open_step(app, app->lesson, 1, now_ms); break;
    case GT_ACT_BACK:
        if (gt_input_recording(app->input)) {
            GtReplay discarded;
            if (gt_input_end_attempt(app->input, &discarded)) gt_replay_free(&discarded);
        }
        if (app->screen == GT_SCREEN_INTRO || app->screen == GT_SCREEN_SUMMARY) gt_app_act(app, GT_ACT_HOME, now_ms);
        else if (app->screen == GT_SCREEN_PRACTICE && app->mode == GT_MODE_LEARN) {
            app->screen = GT_SCREEN_DEMO;
            app->demo_start_ms = now_ms;
        } else if (app->screen != GT_SCREEN_HOME) app->screen = GT_SCREEN_INTRO;
        break;
    case GT_ACT_REPLAY_DEMO:
    case GT_ACT_WATCH_DEMO:
        if (gt_input_recording(app->input)) {
            GtReplay discarded;
            if (gt_input_end_attempt(app->input, &discarded)) gt_replay_free(&discarded);
        }
        app->screen = GT_SCREEN_DEMO;
        app->demo_start_ms = now_ms;
        break;
    case GT_ACT_PRACTISE:
    case GT_ACT_RESTART: gt_app_begin_practice(app, now_ms); break;
    case GT_ACT_RETRY:
        if (app->screen == GT_SCREEN_SUMMARY) gt_app_open_step(app, app->lesson, 1, now_ms);
        else gt_app_begin_practice(app, now_ms);
        break;
    case GT_ACT_DONE: gt_app_finish_attempt(app, now_ms); break;
    case GT_ACT_WATCH:
        app->watching = true;
        app->watch_start_ms = now_ms;
        break;
    case GT_ACT_NEXT:
        if (app->lesson && (size_t)app->step < app->lesson->step_count) gt_app_open_step(app, app->lesson, app->step + 1, now_ms);
        else app->screen = GT_SCREEN_SUMMARY;
        break;
    default: break;
    }
}

bool gt_app_animating(const GtApp *app, Uint32 now_ms) {
    double span_first = 0, span_last = 0;
    if (app->screen == GT_SCREEN_DEMO && app->has_reference &&
        gt_replay_time_span(&app->reference, &span_first, &span_last))
        return now_ms - app->demo_start_ms <= span_last + 1500;
    if (app->screen == GT_SCREEN_RESULT && app->watching && app->has_attempt &&
        gt_replay_time_span(&app->attempt, &span_first, &span_last))
        return now_ms - app->watch_start_ms <= span_last + 500;
    if (app->screen == GT_SCREEN_PRACTICE && gt_input_recording(app->input)) {
        const GtStep *step = gt_app_step(app);
        return step && step->technique && step->technique->has_tempo;
    }
    return false;
}

void gt_app_update(GtApp *app, Uint32 now_ms) {
    const GtStep *step = gt_app_step(app);
    if (app->screen != GT_SCREEN_PRACTICE || !step || !step->technique || !step->technique->has_tempo ||
        !gt_input_recording(app->input))
        return;
    double period = 60000.0 / gt_band_geometric_mid(step->technique->tempo_per_min);
    if (period < 60.0) period *= ceil(60.0 / period); /* very fast tapping: click on every few taps */
    if (now_ms >= app->next_beat_ms) {
        gt_audio_click(&app->audio);
        app->beat_flash_until_ms = now_ms + (Uint32)fmin(120.0, period / 2);
        app->next_beat_ms = now_ms + (Uint32)period;
        app->dirty = true;
    }
}
