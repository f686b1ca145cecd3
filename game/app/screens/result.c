/* The result screen: the total as it compares with the pass mark, the whole verdict in words
 * (unsafe work and the places it named, not this step, the grade cap, work left undone), and
 * one bar per criterion. Everything wraps to the panel; when the panel is short the criteria
 * lose their detail lines before anything else is left out. */
#include "screen_parts.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const CRITERION_LABELS[GT_CRITERION_COUNT] = {
    "Path", "Direction", "Pressure", "Speed", "Rhythm", "Continuity", "Hold"
};

/* ---- layout: every block measures itself and draws only when asked ---- */

typedef enum Detail { DETAIL_FULL, DETAIL_WEAK_ONLY, DETAIL_BARS } Detail;

/* A column being filled top-down. */
typedef struct Flow {
    const GtScreenContext *c;
    int x, y, w;      /* left edge, next free row, width, output pixels */
    bool draw;        /* false: measure only */
} Flow;

/* Wrapped text at the flow's next row, indented by `indent`; returns its height. */
static int flow_text(Flow *f, int indent, const char *text, GtFontSize size, bool bold, GtColour colour) {
    int h = 0;
    if (f->draw) gt_ui_text(f->c->ui, text, f->x + indent, f->y, size, bold, colour, f->w - indent, NULL, &h);
    else gt_ui_text_size(f->c->ui, text, size, bold, f->w - indent, NULL, &h);
    return h;
}

/* The big total, the grade and the status line; advances the flow. */
static void flow_head(Flow *f, const GtScoreCard *card) {
    GtUi *ui = f->c->ui;
    int u = ui->unit, w = 0, h = 0, gh = 0, sh = 0;
    char total[32], line[160];
    gt_result_format_total(card->total, card->pass_mark, total, sizeof total);
    gt_ui_text_size(ui, total, GT_FONT_HUGE, true, 0, &w, &h);
    int side_x = f->x + w + 3 * u, side_w = f->w - w - 3 * u;
    bool ok = card->passed && card->verdict == GT_VERDICT_SCORED;
    snprintf(line, sizeof line, "Grade %s", card->grade);
    gt_ui_text_size(ui, line, GT_FONT_LARGE, true, side_w, NULL, &gh);
    if (f->draw) {
        gt_ui_text(ui, total, f->x, f->y, GT_FONT_HUGE, true, GT_COL_TEXT, 0, NULL, NULL);
        gt_ui_text(ui, line, side_x, f->y + u, GT_FONT_LARGE, true, GT_COL_TEXT, side_w, NULL, NULL);
    }
    gt_result_status(card, line, sizeof line);
    GtColour status = ok ? GT_COL_GOOD_TEXT : GT_COL_BAD_TEXT;
    if (f->draw) gt_ui_text(ui, line, side_x, f->y + u + gh, GT_FONT_BODY, true, status, side_w, NULL, &sh);
    else gt_ui_text_size(ui, line, GT_FONT_BODY, true, side_w, NULL, &sh);
    f->y += (h > u + gh + sh ? h : u + gh + sh) + u;
}

/* The sign a note carries, drawn in an icon x icon square. */
static void note_icon(GtUi *ui, GtNoteKind kind, int x, int y, int icon) {
    switch (kind) {
    case GT_NOTE_UNSAFE: gt_ui_warning_icon(ui, x, y, icon); break;
    case GT_NOTE_NOT_THIS_STEP: gt_ui_round_icon(ui, x, y, icon, GT_COL_BAD, "\xC3\x97", GT_COL_PANEL); break;
    case GT_NOTE_CAPPED: gt_ui_round_icon(ui, x, y, icon, GT_COL_WARN, "!", GT_COL_TEXT); break;
    case GT_NOTE_SHORT: gt_ui_round_icon(ui, x, y, icon, GT_COL_ACCENT, "i", GT_COL_ACCENT_TEXT); break;
    }
}

/* A note's title and bullet lines in `inner`; returns the row below them. */
static int note_text(Flow *inner, const GtResultNote *note, bool severe) {
    int u = inner->c->ui->unit;
    inner->y += flow_text(inner, 0, note->title, severe ? GT_FONT_LARGE : GT_FONT_BODY, true,
                          severe ? GT_COL_BAD_TEXT : GT_COL_TEXT) + u / 2;
    int indent = 0;
    gt_ui_text_size(inner->c->ui, "\xE2\x80\xA2 ", GT_FONT_BODY, false, 0, &indent, NULL);
    for (size_t i = 0; i < note->line_count; i++) {
        if (inner->draw)   /* a hanging bullet: wrapped lines start under the text, not the dot */
            gt_ui_text(inner->c->ui, "\xE2\x80\xA2", inner->x, inner->y, GT_FONT_BODY, false, GT_COL_TEXT, 0, NULL,
                       NULL);
        inner->y += flow_text(inner, indent, note->lines[i], GT_FONT_BODY, false, GT_COL_TEXT) + u / 2;
    }
    return inner->y;
}

/* One note in a framed box (thick vermillion for unsafe and not this step): its sign, title
 * and lines as bullets; advances the flow. */
static void flow_note(Flow *f, const GtResultNote *note) {
    GtUi *ui = f->c->ui;
    int u = ui->unit, icon = ui->font_px[GT_FONT_BODY] * 3 / 2;
    bool severe = note->kind == GT_NOTE_UNSAFE || note->kind == GT_NOTE_NOT_THIS_STEP;
    GtColour frame = severe ? GT_COL_BAD : note->kind == GT_NOTE_CAPPED ? GT_COL_WARN : GT_COL_LINE;
    int edge = severe ? 4 : 2, top = f->y + u + u / 2;
    Flow inner = { f->c, f->x + 3 * u + icon, top, f->w - 5 * u - icon, false };
    int height = note_text(&inner, note, severe) - f->y + u;
    if (f->draw) {
        gt_ui_fill_round_rect(ui, (SDL_Rect){ f->x, f->y, f->w, height }, u, frame, 255);
        SDL_Rect inside = { f->x + edge, f->y + edge, f->w - 2 * edge, height - 2 * edge };
        gt_ui_fill_round_rect(ui, inside, u, GT_COL_PANEL, 255);
        note_icon(ui, note->kind, f->x + 2 * u, top, icon);
        inner.y = top;
        inner.draw = true;
        note_text(&inner, note, severe);
    }
    f->y += height + u;
}

/* "level 3.2 (target 2-5)", "1 lift (target 0)", "14.2 cm/s (target 1-10)". */
static void format_measure(const GtCriterionScore *c, char *buffer, size_t size) {
    if (isnan(c->measured)) { snprintf(buffer, size, "Not measured"); return; }
    const char *unit = c->unit ? c->unit : "";
    char value[48], target[64];
    if (strcmp(unit, "level") == 0) snprintf(value, sizeof value, "Level %.1f", c->measured);
    else if (strcmp(unit, "lifts") == 0) snprintf(value, sizeof value, "%.0f lift%s", c->measured, c->measured == 1 ? "" : "s");
    else if (strcmp(unit, "%") == 0) snprintf(value, sizeof value, "%.0f%%", c->measured);
    else snprintf(value, sizeof value, "%.1f %s", c->measured, unit);
    if (c->target_min == c->target_max) snprintf(target, sizeof target, "target %g", c->target_min);
    else if (c->criterion == GT_CRITERION_HOLD && strcmp(unit, "s") == 0 && c->target_max >= 10 && c->target_min < 2)
        snprintf(target, sizeof target, "target at least %g s", c->target_min);
    else snprintf(target, sizeof target, "target %g-%g", c->target_min, c->target_max);
    snprintf(buffer, size, "%s (%s)", value, target);
}

/* One criterion: label, bar with its score, and (as `detail` allows) the measurement and the
 * feedback sentence; advances the flow. */
static void flow_criterion(Flow *f, const GtCriterionScore *c, Detail detail) {
    GtUi *ui = f->c->ui;
    int u = ui->unit, h = 0, label_w = ui->font_px[GT_FONT_BODY] * 6;
    int bar_w = f->w - label_w - 4 * ui->font_px[GT_FONT_BODY];
    char line[GT_FEEDBACK_MAX + 120];
    gt_ui_text_size(ui, CRITERION_LABELS[c->criterion], GT_FONT_BODY, true, 0, NULL, &h);
    if (f->draw) {
        GtColour colour = c->score >= 80 ? GT_COL_GOOD : c->score >= 60 ? GT_COL_WARN : GT_COL_BAD;
        gt_ui_text(ui, CRITERION_LABELS[c->criterion], f->x, f->y, GT_FONT_BODY, true, GT_COL_TEXT, 0, NULL, NULL);
        SDL_Rect bar = { f->x + label_w, f->y + h / 4, bar_w, h / 2 };
        gt_ui_fill_round_rect(ui, bar, bar.h / 2, GT_COL_LINE, 255);
        int filled = (int)(bar.w * fmin(100.0, fmax(0.0, c->score)) / 100);
        gt_ui_fill_round_rect(ui, (SDL_Rect){ bar.x, bar.y, filled, bar.h }, bar.h / 2, colour, 255);
        snprintf(line, sizeof line, "%.0f", c->score);
        gt_ui_text(ui, line, bar.x + bar.w + u, f->y, GT_FONT_BODY, true, GT_COL_TEXT, 0, NULL, NULL);
    }
    f->y += h;
    bool details = detail == DETAIL_FULL || (detail == DETAIL_WEAK_ONLY && c->score < 95);
    if (details) {
        char measure[96];
        format_measure(c, measure, sizeof measure);
        snprintf(line, sizeof line, "%s. %s", measure, c->feedback);
        f->y += flow_text(f, label_w, line, GT_FONT_SMALL, false, GT_COL_MUTED);
    }
    f->y += details ? u : u / 2;
}

/* The hint after repeated misses, in a yellow box; advances the flow. */
static void flow_hint(Flow *f, const char *hint) {
    GtUi *ui = f->c->ui;
    int u = ui->unit, h = 0;
    char line[700];
    snprintf(line, sizeof line, "Hint: %s", hint);
    gt_ui_text_size(ui, line, GT_FONT_SMALL, false, f->w - 2 * u, NULL, &h);
    if (f->draw) {
        gt_ui_fill_round_rect(ui, (SDL_Rect){ f->x, f->y, f->w, h + 2 * u }, u, GT_COL_HIGHLIGHT, 120);
        gt_ui_text(ui, line, f->x + u, f->y + u, GT_FONT_SMALL, false, GT_COL_TEXT, f->w - 2 * u, NULL, NULL);
    }
    f->y += h + 3 * u;
}

/* Lays out (or, with draw, draws) the panel's text in `area` from its top; returns the row
 * below it (which may pass the area's bottom: the caller checks). */
static int flow_result(const GtScreenContext *c, const GtScoreCard *card, SDL_Rect area, Detail detail, bool hint,
                       bool draw) {
    Flow f = { c, area.x, area.y, area.w, draw };
    flow_head(&f, card);
    GtResultNote notes[GT_RESULT_NOTES_MAX];
    size_t count = gt_result_notes(card, notes);
    for (size_t i = 0; i < count; i++) flow_note(&f, &notes[i]);
    for (size_t i = 0; i < card->criterion_count; i++) flow_criterion(&f, &card->criteria[i], detail);
    const GtStep *step = gt_session_step(c->session);
    if (hint && step && step->hint) flow_hint(&f, step->hint);
    return f.y;
}

/* ---- the screen ---- */

/* Marks on the body every place the card's safety entries name, as the practice screen did
 * while the hand was there. Places the map does not know are skipped. */
static void mark_unsafe_places(const GtScreenContext *c, GtBodyView *view) {
    const GtSession *s = c->session;
    if (!s->has_card || s->watching) return;
    for (size_t i = 0; i < s->card.safety_count && i < GT_SAFETY_MAX; i++) {
        const GtSafetyEntry *e = &s->card.safety[i];
        const GtLandmark *m = e->place[0] ? gt_bodymap_landmark(view->map, e->place) : NULL;
        if (!m) continue;
        char label[GT_PLACE_NAME_MAX + 16];
        snprintf(label, sizeof label, "%s: keep off", e->place_name[0] ? e->place_name : m->name);
        gt_bodyview_mark_zone(view, c->ui, m, m->points.points[0], label);
    }
}

/* The body with the attempt's trail (and, while watching, the demonstration under it). */
static void draw_result_body(const GtScreenContext *c, Uint32 now_ms) {
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    const GtStep *step = gt_session_step(s);
    GtBodyView *view = gt_screen_draw_step_body(c, true, 0.0);
    mark_unsafe_places(c, view);
    if (s->has_reference && s->watching) gt_bodyview_draw_trail(view, ui, &s->reference, step->technique, 1e12, 70);
    if (s->has_attempt) {
        double until = s->watching ? now_ms - s->watch_start_ms : 1e12;
        gt_bodyview_draw_trail(view, ui, &s->attempt, step->technique, until, 255);
        if (s->watching) gt_bodyview_draw_contacts(view, ui, &s->attempt, step->technique, until);
    }
    gt_bodyview_clip(view, ui, false);
}

void gt_result_layout(const GtScreenContext *c, GtHitMap *hits) {
    const GtUi *ui = c->ui;
    int u = ui->unit;
    SDL_Rect p = c->screens->frame.panel;
    int bw = (p.w - 4 * u) / 3, by = p.y + p.h - ui->touch;
    bool last_step = (size_t)c->session->step >= c->session->lesson->step_count;
    gt_hits_add_button(hits, (SDL_Rect){ p.x + u, by, bw, ui->touch }, "Watch my attempt", GT_ACT_WATCH, SDLK_w, false);
    gt_hits_add_button(hits, (SDL_Rect){ p.x + 2 * u + bw, by, bw, ui->touch }, "Try again", GT_ACT_RETRY, SDLK_r, false);
    gt_hits_add_button(hits, (SDL_Rect){ p.x + 3 * u + 2 * bw, by, bw, ui->touch }, last_step ? "Finish" : "Next step",
                       GT_ACT_NEXT, SDLK_RETURN, true);
    if (gt_session_offers(c->session, GT_ACT_KEEP_DEMO))
        gt_hits_add_button(hits, (SDL_Rect){ p.x + u, by - ui->touch - u, p.w - 2 * u, ui->touch },
                           "Keep as demonstration", GT_ACT_KEEP_DEMO, SDLK_k, false);
}

void gt_result_draw(const GtScreenContext *c, const GtHitMap *hits, Uint32 now_ms) {
    (void)hits;
    const GtSession *s = c->session;
    gt_screen_step_header(c, "result");
    draw_result_body(c, now_ms);
    if (!s->has_card) return;
    int u = c->ui->unit;
    SDL_Rect p = c->screens->frame.panel;
    int buttons = gt_session_offers(s, GT_ACT_KEEP_DEMO) ? 2 : 1; /* rows of buttons at the foot */
    SDL_Rect area = { p.x + u, p.y, p.w - 2 * u, p.h - buttons * (c->ui->touch + u) };
    bool hint = gt_session_hint_due(s);
    /* the most detail that fits: criteria lose their detail lines first, then the hint goes */
    static const struct { Detail detail; bool hint; } TRIES[] = {
        { DETAIL_FULL, true }, { DETAIL_WEAK_ONLY, true }, { DETAIL_BARS, true }, { DETAIL_BARS, false } };
    size_t pick = 0;
    while (pick + 1 < sizeof TRIES / sizeof TRIES[0] &&
           flow_result(c, &s->card, area, TRIES[pick].detail, hint && TRIES[pick].hint, false) > area.y + area.h)
        pick++;
    flow_result(c, &s->card, area, TRIES[pick].detail, hint && TRIES[pick].hint, true);
}
