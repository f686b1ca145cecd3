/* The settings screen's skin-tone row and the figure's preview (see skin_tones.h). */
#include "skin_tones.h"
#include "frame_damage.h"

#include <stdio.h>
#include <string.h>

static const char *const TONE_WORDS[GT_SKIN_TONE_COUNT] = { "Light", "Light-medium", "Medium", "Medium-dark",
                                                            "Dark" };

/* The row's name. */
static const char LABEL[] = "Skin tone";

const char *gt_tones_word(GtSkinTone tone) {
    return (unsigned)tone < GT_SKIN_TONE_COUNT ? TONE_WORDS[tone] : TONE_WORDS[0];
}

/* The row's line of help, naming the tone in force in words. */
static void tone_help(const GtSession *s, char *buffer, size_t size) {
    snprintf(buffer, size, "The figure is drawn in the %s tone.", GT_SKIN_TONE_NAMES[s->skin_tone]);
}

/* The height of the row's words wrapped to `w`: its name over its help. */
static int words_height(GtUi *ui, const char *help, int w) {
    int lh = 0, hh = 0;
    gt_ui_text_size(ui, LABEL, GT_FONT_LARGE, true, w, NULL, &lh);
    gt_ui_text_size(ui, help, GT_FONT_SMALL, false, w, NULL, &hh);
    return lh + hh;
}

void gt_tones_grid(const GtScreenContext *c, int x, int y, int width, GtToneGrid *g) {
    GtUi *ui = c->ui;
    int u = ui->unit, side = ui->touch + u; /* a swatch: a little more than a touch target */
    int swatches = GT_SKIN_TONE_COUNT * (side + u) - u;
    char help[96];
    tone_help(c->session, help, sizeof help);
    memset(g, 0, sizeof *g);
    g->text_w = width - swatches - 5 * u;
    bool stacked = g->text_w < ui->touch * 4; /* narrow: the swatches go under the words */
    if (stacked) {
        g->text_w = width - 4 * u;
        side = (width - 4 * u - (GT_SKIN_TONE_COUNT - 1) * u) / GT_SKIN_TONE_COUNT;
        if (side > ui->touch * 2) side = ui->touch * 2;
        swatches = GT_SKIN_TONE_COUNT * (side + u) - u;
    }
    int words = words_height(ui, help, g->text_w);
    int h = stacked ? words + side + 3 * u : words + 2 * u;
    if (h < side + 2 * u) h = side + 2 * u;
    g->row = (SDL_Rect){ x, y, width, h };
    int swatch_y = stacked ? y + u + words + u : y + (h - side) / 2;
    int left = stacked ? x + 2 * u : x + width - 2 * u - swatches;
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++)
        g->swatches[t] = (SDL_Rect){ left + t * (side + u), swatch_y, side, side };
    g->words_h = stacked ? words + 2 * u : h;
}

void gt_tones_layout(const GtScreenContext *c, const GtToneGrid *g, GtHitMap *hits) {
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++) {
        GtHit *hit = gt_hits_add(hits, GT_HIT_CARD, g->swatches[t], GT_ACT_SKIN_TONE + t);
        if (!hit) continue;
        hit->key = SDLK_F5 + t;
        snprintf(hit->label, sizeof hit->label, "Skin tone: %s%s", TONE_WORDS[t],
                 c->session->skin_tone == (GtSkinTone)t ? ", chosen" : "");
    }
}

/* A tick centred in a disc at (cx, cy) of radius r: the panel's colour ringed and ticked in the
 * text colour, so it reads the same on every tone. */
static void draw_tick(GtUi *ui, double cx, double cy, double r) {
    SDL_Color ink = gt_ui_colour(ui, GT_COL_TEXT);
    double w = r / 3.5 > 2 ? r / 3.5 : 2;
    gt_ui_fill_circle(ui, cx, cy, r, GT_COL_PANEL, 255);
    gt_ui_ring(ui, cx, cy, r, w / 1.5, GT_COL_TEXT, 255);
    gt_ui_thick_line(ui, cx - r * 0.45, cy + r * 0.02, cx - r * 0.12, cy + r * 0.38, w, ink);
    gt_ui_thick_line(ui, cx - r * 0.12, cy + r * 0.38, cx + r * 0.48, cy - r * 0.34, w, ink);
}

/* One swatch: a frame (thick in the text colour when chosen, thin otherwise), the tone's colour
 * inside it (from the art; the frame's colour when the art lacks it), dimmed while pressed, and
 * a tick on the one chosen. */
static void draw_swatch(const GtScreenContext *c, SDL_Rect r, GtSkinTone tone, bool chosen, bool pressed) {
    GtUi *ui = c->ui;
    int u = ui->unit, frame = chosen ? (u / 2 > 3 ? u / 2 : 3) : 2;
    gt_ui_fill_round_rect(ui, r, u, chosen ? GT_COL_TEXT : GT_COL_LINE, 255);
    SDL_Color colour = gt_ui_colour(ui, GT_COL_LINE);
    gt_bodyview_skin_colour(&c->views[GT_VIEW_ANTERIOR], GT_SKIN_TONE_NAMES[tone], &colour);
    SDL_Rect chip = { r.x + frame + 1, r.y + frame + 1, r.w - 2 * frame - 2, r.h - 2 * frame - 2 };
    SDL_SetRenderDrawBlendMode(ui->renderer, SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(ui->renderer, colour.r, colour.g, colour.b, pressed ? 170 : 255);
    gt_draw_fill_rects(ui, &chip, 1);
    if (chosen) draw_tick(ui, r.x + r.w / 2.0, r.y + r.h / 2.0, r.w / 5.0);
}

void gt_tones_draw(const GtScreenContext *c, const GtToneGrid *g) {
    GtUi *ui = c->ui;
    const GtSession *s = c->session;
    int u = ui->unit, lh = 0;
    SDL_Rect r = g->row;
    gt_ui_fill_round_rect(ui, r, u, GT_COL_LINE, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ r.x + 2, r.y + 2, r.w - 4, r.h - 4 }, u, GT_COL_PANEL, 255);
    char help[96];
    tone_help(s, help, sizeof help);
    int y = r.y + (g->words_h - words_height(ui, help, g->text_w)) / 2;
    gt_ui_text(ui, LABEL, r.x + 2 * u, y, GT_FONT_LARGE, true, GT_COL_TEXT, g->text_w, NULL, &lh);
    gt_ui_text(ui, help, r.x + 2 * u, y + lh, GT_FONT_SMALL, false, GT_COL_MUTED, g->text_w, NULL, NULL);
    for (int t = 0; t < GT_SKIN_TONE_COUNT; t++)
        draw_swatch(c, g->swatches[t], (GtSkinTone)t, s->skin_tone == (GtSkinTone)t,
                    c->pressed_action == GT_ACT_SKIN_TONE + t);
}

void gt_tones_draw_preview(const GtScreenContext *c, SDL_Rect area) {
    if (area.w <= 0 || area.h <= 0) return;
    GtBodyView *view = &c->views[GT_VIEW_ANTERIOR];
    gt_ui_fill_round_rect(c->ui, area, c->ui->unit, GT_COL_PANEL, 255);
    int u = c->ui->unit;
    gt_bodyview_focus(view, NULL);
    gt_bodyview_layout(view, c->ui->renderer, (SDL_Rect){ area.x + u, area.y + u, area.w - 2 * u, area.h - 2 * u });
    gt_bodyview_draw(view, c->ui);
}
