/* A lesson's cautions on screen: the full list on the intro, and the reminder before the first
 * step. Each caution is a row with an icon and its kind in words ("Red flag:", "Caution:",
 * "Advice:"), so the kind never rests on colour alone; red flags are bold on a tinted band. */
#include "screen_parts.h"

#include <stdio.h>

/* The row's text: the kind in words, then the sentence. */
static void row_text(const GtCaution *caution, char *buffer, size_t size) {
    snprintf(buffer, size, "%s: %s", gt_caution_kind_label(caution->kind), caution->text);
}

/* The icon's side for text of `font`: about one line of it. */
static int icon_size(const GtUi *ui, GtFontSize font) {
    return ui->font_px[font] * 5 / 4;
}

/* Height of one caution's row at width `w` in `font`; draws it at (x, y) when `draw`. */
static int caution_row(GtUi *ui, const GtCaution *caution, int x, int y, int w, GtFontSize font, bool draw) {
    char text[GT_CAUTION_ROW_MAX];
    row_text(caution, text, sizeof text);
    int u = ui->unit, icon = icon_size(ui, font), pad = caution->kind == GT_CAUTION_RED_FLAG ? u / 2 : 0;
    int text_x = x + pad + icon + u, text_w = w - 2 * pad - icon - u, h = 0;
    bool bold = caution->kind == GT_CAUTION_RED_FLAG;
    gt_ui_text_size(ui, text, font, bold, text_w, NULL, &h);
    int row_h = (h > icon ? h : icon) + 2 * pad;
    if (!draw) return row_h;
    if (caution->kind == GT_CAUTION_RED_FLAG)
        gt_ui_fill_round_rect(ui, (SDL_Rect){ x, y, w, row_h }, u / 2, GT_COL_HIGHLIGHT, 140);
    int iy = y + pad + (ui->font_px[font] * 6 / 5 - icon) / 2;
    if (iy < y + pad) iy = y + pad;
    switch (caution->kind) {
    case GT_CAUTION_RED_FLAG: gt_ui_warning_icon(ui, x + pad, iy, icon); break;
    case GT_CAUTION_CONTRAINDICATION: gt_ui_round_icon(ui, x + pad, iy, icon, GT_COL_BAD, "\xC3\x97", GT_COL_PANEL); break;
    default: gt_ui_round_icon(ui, x + pad, iy, icon, GT_COL_ACCENT, "i", GT_COL_ACCENT_TEXT); break;
    }
    gt_ui_text(ui, text, text_x, y + pad, font, bold, GT_COL_TEXT, text_w, NULL, NULL);
    return row_h;
}

int gt_screen_cautions_height(GtUi *ui, const GtLessonCaution *list, size_t count, int w, GtFontSize font) {
    int total = 0;
    for (size_t i = 0; i < count; i++) total += caution_row(ui, list[i].caution, 0, 0, w, font, false) + ui->unit / 2;
    return total;
}

int gt_screen_draw_cautions(GtUi *ui, const GtLessonCaution *list, size_t count, int x, int y, int w, int bottom,
                            GtFontSize font, size_t *drawn) {
    int top = y;
    size_t n = 0;
    for (; n < count; n++) {
        int row_h = caution_row(ui, list[n].caution, x, y, w, font, false);
        if (y + row_h > bottom) break;
        y += caution_row(ui, list[n].caution, x, y, w, font, true) + ui->unit / 2;
    }
    *drawn = n;
    return y - top;
}

/* True when the reminder belongs on the screen showing: the lesson's first step, on its
 * demonstration, or on practice before the first attempt is finished and until something is
 * traced. */
static bool reminder_due(const GtScreenContext *c) {
    const GtSession *s = c->session;
    if (!s->lesson || s->step != 1) return false;
    if (s->screen == GT_SCREEN_DEMO) return true;
    const GtReplay *attempt = c->input ? gt_input_attempt(c->input) : NULL;
    return s->screen == GT_SCREEN_PRACTICE && !s->has_card && s->misses == 0 && (!attempt || !attempt->contact_count);
}

int gt_screen_draw_first_step_cautions(const GtScreenContext *c, int x, int y, int w, int bottom) {
    const GtSession *s = c->session;
    if (!reminder_due(c)) return 0;
    GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
    size_t count = gt_lesson_cautions(s->lesson, list, GT_LESSON_CAUTIONS_MAX), serious = 0;
    while (serious < count && list[serious].caution->kind != GT_CAUTION_ADVICE) serious++;
    if (count == 0) return 0;
    GtUi *ui = c->ui;
    int u = ui->unit, h = 0, top = y;
    const char *heading = "Before the first step";
    /* the red flags and contraindications in full while they fit; the rest, and all advice, are
     * counted and sent to the intro, so nothing is left out without saying so */
    char rest[200];
    size_t drawn = 0;
    int rest_h = 0;
    snprintf(rest, sizeof rest, "All %zu cautions for this lesson are on its intro: press Back to read them.", count);
    gt_ui_text_size(ui, rest, GT_FONT_SMALL, false, w, NULL, &rest_h);
    gt_ui_text_size(ui, heading, GT_FONT_SMALL, true, w, NULL, &h);
    if (y + h + u / 2 + rest_h > bottom) return 0; /* no room even to say where they are: not half a block */
    gt_ui_text(ui, heading, x, y, GT_FONT_SMALL, true, GT_COL_TEXT, w, NULL, &h);
    y += h + u / 2;
    y += gt_screen_draw_cautions(ui, list, serious, x, y, w, bottom - rest_h - u, GT_FONT_SMALL, &drawn);
    if (y + rest_h > bottom) return y - top;
    gt_ui_text(ui, rest, x, y, GT_FONT_SMALL, false, GT_COL_MUTED, w, NULL, &h);
    return y + h - top;
}
