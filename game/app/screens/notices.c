/* notices: the save sentence and the start-up notice on screen (see notices.h). */
#include "notices.h"

#include <stdio.h>
#include <string.h>

void gt_notice_save_line(const GtSession *session, char *text, size_t size) {
    text[0] = '\0';
    if (session->screen != GT_SCREEN_RESULT || !session->has_card) return;
    if (session->saved) snprintf(text, size, "Saved for %s.", session->student_name);
    else snprintf(text, size, "This attempt was not saved: %s", session->save_error[0] ? session->save_error : "unknown");
}

/* Draws `text` wrapped in a banner whose bottom sits at `bottom`, across `area`; returns the
 * banner's top. `bad` marks a failure: a warning icon and the warning colour, never colour alone. */
static int draw_banner(const GtScreenContext *c, const char *text, SDL_Rect area, int bottom, bool bad) {
    GtUi *ui = c->ui;
    int u = ui->unit, icon = bad ? ui->touch / 2 : 0;
    int wrap = area.w - 4 * u - (icon ? icon + u : 0), th = 0;
    gt_ui_text_size(ui, text, GT_FONT_SMALL, true, wrap, NULL, &th);
    int h = th + 2 * u;
    if (icon && h < icon + 2 * u) h = icon + 2 * u;
    SDL_Rect r = { area.x, bottom - h, area.w, h };
    gt_ui_fill_round_rect(ui, r, u, bad ? GT_COL_BAD : GT_COL_PANEL, 255);
    int x = r.x + 2 * u;
    if (icon) {
        gt_ui_warning_icon(ui, x, r.y + (h - icon) / 2, icon);
        x += icon + u;
    }
    gt_ui_text(ui, text, x, r.y + u, GT_FONT_SMALL, true, bad ? GT_COL_ACCENT_TEXT : GT_COL_TEXT, wrap, NULL, NULL);
    return r.y;
}

void gt_notices_draw(const GtScreenContext *c) {
    SDL_Rect area = c->screens->frame.body_area;
    int bottom = area.y + area.h;
    char line[GT_DB_ERROR_MAX + 64];
    gt_notice_save_line(c->session, line, sizeof line);
    if (line[0]) bottom = draw_banner(c, line, area, bottom, !c->session->saved) - c->ui->unit;
    if (c->session->news[0]) bottom = draw_banner(c, c->session->news, area, bottom, false) - c->ui->unit;
    if (c->session->notice[0]) draw_banner(c, c->session->notice, area, bottom, true);
}
