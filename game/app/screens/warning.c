/* The practice screen's live safety warning: what it says (from live_safety, asked of the
 * attempt as recorded), the banner with its icon, the place marked on the body, and one log
 * line each time a new warning appears. */
#include "screen_parts.h"

#include <stdio.h>
#include <string.h>

size_t gt_screen_live_safety(const GtScreenContext *c, Uint32 now_ms, const GtInputLive *live, GtLiveSafety *out) {
    memset(out, 0, sizeof *out);
    const GtStep *step = gt_session_step(c->session);
    const GtReplay *attempt = gt_input_attempt(c->input);
    if (c->session->screen != GT_SCREEN_PRACTICE || !step || !step->technique || !attempt) return 0;
    GtRange band = gt_live_step_band(step);
    gt_live_safety_check(step->technique, band, c->views[step->view].map, attempt,
                         gt_input_attempt_ms(c->input, now_ms), out);
    bool pressure_shown = false;
    for (size_t i = 0; i < out->count; i++) pressure_shown |= out->warnings[i].kind != GT_SAFETY_AVOID_ZONE;
    if (!pressure_shown && live && live->active_contacts == 0 && out->count < GT_LIVE_WARNING_MAX &&
        gt_live_safety_preset(band, live->level, &out->warnings[out->count]))
        out->count++;
    return out->count;
}

void gt_screen_mark_warned_zones(const GtScreenContext *c, GtBodyView *view, const GtLiveSafety *safety) {
    for (size_t i = 0; i < safety->count; i++) {
        const GtLiveWarning *w = &safety->warnings[i];
        if (w->kind != GT_SAFETY_AVOID_ZONE || !w->zone) continue;
        char label[GT_PLACE_NAME_MAX + 16];
        snprintf(label, sizeof label, "%s: keep off", w->zone->name);
        gt_bodyview_mark_zone(view, c->ui, w->zone, w->where_cm, label);
    }
}

/* Height of one warning's row at width w: the icon or the wrapped text, whichever is taller. */
static int warning_row_height(GtUi *ui, const GtLiveWarning *w, int text_w, int icon) {
    int h = 0;
    gt_ui_text_size(ui, w->text, GT_FONT_BODY, true, text_w, NULL, &h);
    return h > icon ? h : icon;
}

int gt_screen_draw_warnings(const GtScreenContext *c, const GtLiveSafety *safety, int x, int y, int w) {
    if (!safety->count) return 0;
    GtUi *ui = c->ui;
    int u = ui->unit, icon = ui->font_px[GT_FONT_BODY] * 2, text_w = w - icon - 5 * u;
    int height = u;
    for (size_t i = 0; i < safety->count; i++) height += warning_row_height(ui, &safety->warnings[i], text_w, icon) + u;
    height += u;
    /* a thick vermillion frame on white, so it reads as a warning without its colour too */
    gt_ui_fill_round_rect(ui, (SDL_Rect){ x, y, w, height }, u, GT_COL_BAD, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ x + 4, y + 4, w - 8, height - 8 }, u, GT_COL_PANEL, 255);
    int row = y + u + u / 2;
    for (size_t i = 0; i < safety->count; i++) {
        const GtLiveWarning *lw = &safety->warnings[i];
        int h = warning_row_height(ui, lw, text_w, icon), th = 0;
        gt_ui_warning_icon(ui, x + 2 * u, row + (h - icon) / 2, icon);
        gt_ui_text_size(ui, lw->text, GT_FONT_BODY, true, text_w, NULL, &th);
        gt_ui_text(ui, lw->text, x + 3 * u + icon, row + (h - th) / 2, GT_FONT_BODY, true, GT_COL_BAD_TEXT, text_w,
                   NULL, NULL);
        row += h + u;
    }
    return height;
}

void gt_screen_log_warnings(const GtScreenContext *c, const GtLiveSafety *safety) {
    GtScreens *screens = c->screens;
    if (screens->warning_attempt != c->session->attempt_serial) {   /* a new attempt: nothing shown yet */
        screens->warning_attempt = c->session->attempt_serial;
        screens->warning_key[0] = '\0';
    }
    char key[sizeof screens->warning_key] = "";
    for (size_t i = 0; i < safety->count; i++) {
        const GtLiveWarning *w = &safety->warnings[i];
        size_t used = strlen(key);
        snprintf(key + used, sizeof key - used, "%s/%s;", gt_safety_kind_name(w->kind), w->zone ? w->zone->id : "");
        if (strstr(screens->warning_key, key + used)) continue;   /* already showing: logged when it appeared */
        fprintf(stderr, "guidedtouch: warning shown: %s\n", w->text);
    }
    snprintf(screens->warning_key, sizeof screens->warning_key, "%s", key);
}
