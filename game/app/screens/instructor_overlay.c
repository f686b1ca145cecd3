/* instructor_overlay: in instructor mode, where the pointer is on the body map: its position in
 * body-map centimetres (the numbers a lesson's guide is written in), the region under it and any
 * place to avoid it lies in, in a box at the foot of the body area, so an instructor can read a
 * guide's coordinates off the figure. Shown only while the pointer is over the figure. */
#include "screen_parts.h"

#include <stdio.h>
#include <string.h>

/* The avoid zones or bony places around `p`, named and joined into `out` ("" when none). */
static void places_around(const GtBodyMap *map, GtPoint p, char *out, size_t size) {
    out[0] = '\0';
    size_t used = 0;
    for (size_t i = 0; i < map->landmark_count && used + 1 < size; i++) {
        const GtLandmark *l = &map->landmarks[i];
        if (l->kind == GT_LANDMARK_TARGET || gt_landmark_distance(l, p) > l->radius_cm) continue;
        int n = snprintf(out + used, size - used, "%s%s", used ? ", " : "", l->name);
        if (n < 0) break;
        used += (size_t)n < size - used ? (size_t)n : size - used - 1;
    }
}

/* The pointer in body-map cm when it is over the shown figure; false otherwise. */
static bool pointer_cm(const GtScreenContext *c, const GtBodyView *view, GtPoint *cm) {
    double x_px, y_px;
    if (!c->input || !gt_input_pointer_px(c->input, &x_px, &y_px)) return false;
    SDL_Rect r = view->rect;
    if (x_px < r.x || y_px < r.y || x_px >= r.x + r.w || y_px >= r.y + r.h || view->transform.px_per_cm <= 0)
        return false;
    cm->x = (x_px - view->transform.origin_x_px) / view->transform.px_per_cm;
    cm->y = (y_px - view->transform.origin_y_px) / view->transform.px_per_cm;
    return true;
}

void gt_instructor_overlay_draw(const GtScreenContext *c) {
    GtScreenId s = c->session->screen;
    bool body_shown = s == GT_SCREEN_DEMO || s == GT_SCREEN_PRACTICE || s == GT_SCREEN_RESULT ||
                      s == GT_SCREEN_RECORDED;
    if (!c->session->instructor || !body_shown || !gt_session_step(c->session)) return;
    GtBodyView *view = gt_screens_active_view(c);
    GtPoint cm;
    if (!view->map || !pointer_cm(c, view, &cm)) return;
    const GtRegion *region = gt_bodymap_region_at(view->map, cm);
    char around[256], line[512];
    places_around(view->map, cm, around, sizeof around);
    snprintf(line, sizeof line, "%.1f, %.1f cm  %s%s%s%s", cm.x, cm.y, region ? region->name : "",
             region ? " (" : (gt_bodymap_on_body(view->map, cm) ? "no region" : "off the body"),
             region ? region->id : "", region ? ")" : "");
    GtUi *ui = c->ui;
    int u = ui->unit, w = 0, h = 0, h2 = 0;
    SDL_Rect area = c->screens->frame.body_area;
    int wrap = area.w - 2 * u;
    gt_ui_text_size(ui, line, GT_FONT_SMALL, true, wrap, &w, &h);
    char near[300] = "";
    if (around[0]) {
        snprintf(near, sizeof near, "Avoid: %s", around);
        gt_ui_text_size(ui, near, GT_FONT_SMALL, false, wrap, NULL, &h2);
    }
    int box_h = h + (h2 ? h2 + u / 4 : 0) + u;
    SDL_Rect box = { area.x, area.y + area.h - box_h, area.w, box_h };
    gt_ui_fill_rect(ui, box, GT_COL_PANEL, 235);
    gt_ui_text(ui, line, box.x + u, box.y + u / 2, GT_FONT_SMALL, true, GT_COL_TEXT, wrap, NULL, NULL);
    if (near[0])
        gt_ui_text(ui, near, box.x + u, box.y + u / 2 + h + u / 4, GT_FONT_SMALL, false, GT_COL_BAD_TEXT, wrap, NULL,
                   NULL);
}
