#include "bodyview.h"
#include "gt_motion.h"

#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void gt_bodyview_init(GtBodyView *view, const GtBodyMap *map, const char *bodymap_dir) {
    memset(view, 0, sizeof *view);
    view->map = map;
    if (!map) return;
    snprintf(view->art_path, sizeof view->art_path, "%s/%s", bodymap_dir, map->art_path);
    view->focus[2] = map->width_cm;
    view->focus[3] = map->height_cm;
    size_t length = 0;
    view->svg = SDL_LoadFile(view->art_path, &length);
    if (!view->svg) snprintf(view->error, sizeof view->error, "cannot read %s: %s", view->art_path, SDL_GetError());
}

/* The SVG text with its viewBox narrowed to the focus, so nanosvg renders only that part;
 * malloc'd, NULL when the SVG has no viewBox to narrow. */
static char *focused_svg(const GtBodyView *view, int w, int h) {
    const char *box = strstr(view->svg, "viewBox=\"");
    const char *end = box ? strchr(box + 9, '"') : NULL;
    if (!end) return NULL;
    char replacement[160];
    (void)w;
    (void)h;
    /* the original closing quote ends the new value */
    snprintf(replacement, sizeof replacement, "viewBox=\"%.3f %.3f %.3f %.3f", view->focus[0], view->focus[1],
             view->focus[2], view->focus[3]);
    size_t head = (size_t)(box - view->svg), tail = strlen(end);
    char *out = malloc(head + strlen(replacement) + tail + 1);
    if (!out) return NULL;
    memcpy(out, view->svg, head);
    strcpy(out + head, replacement);
    strcat(out, end);
    return out;
}

void gt_bodyview_focus(GtBodyView *view, const GtStep *step) {
    if (!view->map) return;
    double x = 0, y = 0, w = view->map->width_cm, h = view->map->height_cm;
    const GtRegion *region = step ? gt_bodymap_region(view->map, step->region) : NULL;
    if (step && region) {
        GtPoint lo, hi, glo, ghi;
        gt_points_bounds(&region->polygon, &lo, &hi);
        if (gt_points_bounds(&step->guide, &glo, &ghi)) {
            lo.x = fmin(lo.x, glo.x); lo.y = fmin(lo.y, glo.y);
            hi.x = fmax(hi.x, ghi.x); hi.y = fmax(hi.y, ghi.y);
        }
        const double margin = 5.0, least = 36.0;
        w = fmax(hi.x - lo.x + 2 * margin, least);
        h = fmax(hi.y - lo.y + 2 * margin, least);
        x = (lo.x + hi.x) / 2 - w / 2;
        y = (lo.y + hi.y) / 2 - h / 2;
    }
    if (x != view->focus[0] || y != view->focus[1] || w != view->focus[2] || h != view->focus[3]) {
        view->focus[0] = x; view->focus[1] = y; view->focus[2] = w; view->focus[3] = h;
        view->rect.w = 0;   /* forces the art to be drawn again at the next layout */
    }
}

void gt_bodyview_free(GtBodyView *view) {
    if (view->art) SDL_DestroyTexture(view->art);
    SDL_free(view->svg);
    for (size_t i = 0; view->triangles && view->map && i < view->map->region_count; i++) free(view->triangles[i]);
    free(view->triangles);
    free(view->triangle_counts);
    memset(view, 0, sizeof *view);
}

void gt_bodyview_layout(GtBodyView *view, SDL_Renderer *renderer, SDL_Rect area) {
    if (!view->map) return;
    double scale = fmin(area.w / view->focus[2], area.h / view->focus[3]);
    int w = (int)(view->focus[2] * scale), h = (int)(view->focus[3] * scale);
    SDL_Rect rect = { area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h };
    bool resized = rect.w != view->rect.w || rect.h != view->rect.h || !view->art;
    view->rect = rect;
    view->transform = (GtViewTransform){ rect.x - view->focus[0] * scale, rect.y - view->focus[1] * scale, scale };
    if (!resized || w < 8 || h < 8 || !view->svg) return;
    if (view->art) SDL_DestroyTexture(view->art);
    view->art = NULL;
    char *svg = focused_svg(view, w, h);
    SDL_RWops *memory = svg ? SDL_RWFromConstMem(svg, (int)strlen(svg)) : NULL;
    SDL_Surface *surface = memory ? IMG_LoadSizedSVG_RW(memory, w, h) : NULL;
    if (memory) SDL_RWclose(memory);
    free(svg);
    if (surface) {
        view->art = SDL_CreateTextureFromSurface(renderer, surface);
        SDL_FreeSurface(surface);
    }
    if (!view->art) snprintf(view->error, sizeof view->error, "cannot draw %s: %s", view->art_path, SDL_GetError());
}

SDL_FPoint gt_bodyview_to_px(const GtBodyView *view, GtPoint cm) {
    SDL_FPoint p = { (float)(view->transform.origin_x_px + cm.x * view->transform.px_per_cm),
                     (float)(view->transform.origin_y_px + cm.y * view->transform.px_per_cm) };
    return p;
}

void gt_bodyview_clip(GtBodyView *view, GtUi *ui, bool on) {
    SDL_RenderSetClipRect(ui->renderer, on ? &view->rect : NULL);
}

void gt_bodyview_draw(GtBodyView *view, GtUi *ui) {
    if (view->art) {
        SDL_RenderCopy(ui->renderer, view->art, NULL, &view->rect);
    } else if (view->error[0]) {
        gt_ui_text(ui, view->error, view->rect.x, view->rect.y, GT_FONT_SMALL, false, GT_COL_BAD, view->rect.w, NULL, NULL);
    }
}

/* ---- region fills: ear-clipping triangulation, computed once per region ---- */

static double cross3(SDL_FPoint a, SDL_FPoint b, SDL_FPoint c) {
    return (double)(b.x - a.x) * (c.y - a.y) - (double)(b.y - a.y) * (c.x - a.x);
}

static bool inside_triangle(SDL_FPoint p, SDL_FPoint a, SDL_FPoint b, SDL_FPoint c) {
    double d1 = cross3(a, b, p), d2 = cross3(b, c, p), d3 = cross3(c, a, p);
    bool neg = d1 < 0 || d2 < 0 || d3 < 0, pos = d1 > 0 || d2 > 0 || d3 > 0;
    return !(neg && pos);
}

/* Triangulates a simple polygon; returns 3 vertices per triangle (malloc'd) and the count. */
static SDL_FPoint *triangulate(const GtPointList *polygon, int *count) {
    size_t n = polygon->count;
    *count = 0;
    if (n < 3) return NULL;
    SDL_FPoint *out = malloc((n - 2) * 3 * sizeof *out);
    size_t *index = malloc(n * sizeof *index);
    if (!out || !index) { free(out); free(index); return NULL; }
    double sign = gt_polygon_signed_area(polygon) > 0 ? 1.0 : -1.0;
    for (size_t i = 0; i < n; i++) index[i] = i;
    size_t left = n, guard = 0;
    while (left > 3 && guard++ < n * n) {
        bool clipped = false;
        for (size_t i = 0; i < left && !clipped; i++) {
            SDL_FPoint a = { (float)polygon->points[index[(i + left - 1) % left]].x, (float)polygon->points[index[(i + left - 1) % left]].y };
            SDL_FPoint b = { (float)polygon->points[index[i]].x, (float)polygon->points[index[i]].y };
            SDL_FPoint c = { (float)polygon->points[index[(i + 1) % left]].x, (float)polygon->points[index[(i + 1) % left]].y };
            if (cross3(a, b, c) * sign <= 0) continue;
            bool empty = true;
            for (size_t k = 0; k < left && empty; k++) {
                if (k == i || k == (i + 1) % left || k == (i + left - 1) % left) continue;
                SDL_FPoint p = { (float)polygon->points[index[k]].x, (float)polygon->points[index[k]].y };
                empty = !inside_triangle(p, a, b, c);
            }
            if (!empty) continue;
            out[(*count)++] = a;
            out[(*count)++] = b;
            out[(*count)++] = c;
            memmove(&index[i], &index[i + 1], (left - i - 1) * sizeof *index);
            left--;
            clipped = true;
        }
        if (!clipped) break;
    }
    if (left == 3) {
        for (int k = 0; k < 3; k++)
            out[(*count)++] = (SDL_FPoint){ (float)polygon->points[index[k]].x, (float)polygon->points[index[k]].y };
    }
    free(index);
    return out;
}

void gt_bodyview_fill_region(GtBodyView *view, GtUi *ui, const char *region_id, GtColour colour, Uint8 alpha) {
    if (!view->map || !region_id) return;
    size_t n = view->map->region_count;
    if (!view->triangles) {
        view->triangles = calloc(n, sizeof *view->triangles);
        view->triangle_counts = calloc(n, sizeof *view->triangle_counts);
        if (!view->triangles || !view->triangle_counts) return;
    }
    for (size_t i = 0; i < n; i++) {
        if (strcmp(view->map->regions[i].id, region_id) != 0) continue;
        if (!view->triangles[i]) view->triangles[i] = triangulate(&view->map->regions[i].polygon, &view->triangle_counts[i]);
        int count = view->triangle_counts[i];
        SDL_Vertex *v = malloc((size_t)(count ? count : 1) * sizeof *v);
        if (!v) return;
        SDL_Color c = gt_ui_colour(colour);
        c.a = alpha;
        for (int k = 0; k < count; k++) {
            GtPoint p = { view->triangles[i][k].x, view->triangles[i][k].y };
            v[k] = (SDL_Vertex){ gt_bodyview_to_px(view, p), c, { 0, 0 } };
        }
        SDL_RenderGeometry(ui->renderer, NULL, v, count, NULL, 0);
        free(v);
        return;
    }
}

/* ---- landmarks ---- */

void gt_bodyview_draw_avoid_zones(GtBodyView *view, GtUi *ui, const GtTechnique *technique) {
    if (!view->map) return;
    double k = view->transform.px_per_cm;
    SDL_Color c = gt_ui_colour(GT_COL_AVOID);
    c.a = 200;
    for (size_t i = 0; i < view->map->landmark_count; i++) {
        const GtLandmark *m = &view->map->landmarks[i];
        if (!gt_technique_avoids(technique, m)) continue;
        if (m->points.count == 1) {
            SDL_FPoint p = gt_bodyview_to_px(view, m->points.points[0]);
            double r = m->radius_cm * k;
            gt_ui_fill_circle(ui, p.x, p.y, r, GT_COL_AVOID, 50);
            gt_ui_ring(ui, p.x, p.y, r, fmax(1.5, 0.15 * k), GT_COL_AVOID, 200);
            double d = r * 0.55;
            gt_ui_thick_line(ui, p.x - d, p.y - d, p.x + d, p.y + d, fmax(1.5, 0.15 * k), c);
        } else {
            for (size_t s = 1; s < m->points.count; s++) {
                SDL_FPoint a = gt_bodyview_to_px(view, m->points.points[s - 1]);
                SDL_FPoint b = gt_bodyview_to_px(view, m->points.points[s]);
                SDL_Color band = c;
                band.a = 60;
                gt_ui_thick_line(ui, a.x, a.y, b.x, b.y, 2 * m->radius_cm * k, band);
                /* dashes across the band: a pattern, not only a colour */
                double len = hypot(b.x - a.x, b.y - a.y), step = 1.5 * k;
                for (double t = 0; t < len; t += step) {
                    double x = a.x + (b.x - a.x) * t / len, y = a.y + (b.y - a.y) * t / len;
                    gt_ui_thick_line(ui, x - m->radius_cm * k * 0.7, y, x + m->radius_cm * k * 0.7, y, fmax(1.0, 0.12 * k), c);
                }
            }
        }
    }
}

/* ---- guides ---- */

static void chevron(GtUi *ui, SDL_FPoint at, double dx, double dy, double size, SDL_Color c) {
    double len = hypot(dx, dy);
    if (len <= 0) return;
    dx /= len;
    dy /= len;
    double nx = -dy, ny = dx;
    gt_ui_triangle(ui, at.x + dx * size, at.y + dy * size, at.x - dx * size * 0.6 + nx * size * 0.8,
                   at.y - dy * size * 0.6 + ny * size * 0.8, at.x - dx * size * 0.6 - nx * size * 0.8,
                   at.y - dy * size * 0.6 - ny * size * 0.8, c);
}

/* A circular arrow round `centre` showing the turning sense (+1 clockwise on screen). */
static void turning_arrow(GtUi *ui, SDL_FPoint centre, double radius, int sense, double phase, SDL_Color c) {
    double start = phase * 4 * GT_PI_2 * sense;
    double sweep = 3.0 * GT_PI_2;
    double width = fmax(2.0, radius * 0.18);
    enum { STEPS = 24 };
    for (int i = 0; i < STEPS; i++) {
        double a0 = start + sense * sweep * i / STEPS, a1 = start + sense * sweep * (i + 1) / STEPS;
        gt_ui_thick_line(ui, centre.x + radius * cos(a0), centre.y + radius * sin(a0), centre.x + radius * cos(a1),
                         centre.y + radius * sin(a1), width, c);
    }
    double end = start + sense * sweep;
    SDL_FPoint tip = { (float)(centre.x + radius * cos(end)), (float)(centre.y + radius * sin(end)) };
    chevron(ui, tip, -sin(end) * sense, cos(end) * sense, width * 2.2, c);
}

void gt_bodyview_draw_guide(GtBodyView *view, GtUi *ui, const GtStep *step, double phase) {
    if (!view->map || !step || !step->technique) return;
    const GtTechnique *t = step->technique;
    double k = view->transform.px_per_cm;
    SDL_Color guide = gt_ui_colour(GT_COL_GUIDE);
    SDL_Color soft = guide;
    soft.a = 70;
    guide.a = 230;
    double reach = gt_pattern_reach_cm(t);
    const GtPointList *g = &step->guide;
    if (g->count == 1) {
        SDL_FPoint p = gt_bodyview_to_px(view, g->points[0]);
        double r = fmax(reach, t->pattern == GT_PATTERN_HOLD ? t->drift_max_cm + 0.5 : 1.0) * k;
        gt_ui_fill_circle(ui, p.x, p.y, r, GT_COL_GUIDE, 45);
        gt_ui_ring(ui, p.x, p.y, r, fmax(2.0, 0.15 * k), GT_COL_GUIDE, 220);
        gt_ui_fill_circle(ui, p.x, p.y, fmax(3.0, 0.3 * k), GT_COL_GUIDE, 255);
    } else {
        double band = fmax(2 * reach, 1.2) * k;
        for (size_t i = 1; i < g->count; i++) {
            SDL_FPoint a = gt_bodyview_to_px(view, g->points[i - 1]), b = gt_bodyview_to_px(view, g->points[i]);
            gt_ui_thick_line(ui, a.x, a.y, b.x, b.y, band, soft);
            gt_ui_thick_line(ui, a.x, a.y, b.x, b.y, fmax(2.0, 0.2 * k), guide);
        }
        bool directed = t->direction == GT_DIRECTION_ALONG_GUIDE || t->direction == GT_DIRECTION_TOWARD_LANDMARK;
        double length = gt_polyline_length(g);
        if (directed) {
            double spacing = 3.0;
            for (double s = fmod(phase * spacing, spacing) + 1.0; s < length - 1.0; s += spacing) {
                GtPoint tangent;
                GtPoint at = gt_polyline_point_at(g, s, &tangent);
                chevron(ui, gt_bodyview_to_px(view, at), tangent.x, tangent.y, 0.45 * k, gt_ui_colour(GT_COL_PANEL));
            }
            GtPoint end_tangent;
            GtPoint end = gt_polyline_point_at(g, length, &end_tangent);
            chevron(ui, gt_bodyview_to_px(view, end), end_tangent.x, end_tangent.y, 0.9 * k, guide);
        }
        SDL_FPoint start = gt_bodyview_to_px(view, g->points[0]);
        gt_ui_fill_circle(ui, start.x, start.y, fmax(4.0, 0.45 * k), GT_COL_PANEL, 255);
        gt_ui_ring(ui, start.x, start.y, fmax(4.0, 0.45 * k), fmax(2.0, 0.15 * k), GT_COL_GUIDE, 255);
    }
    if (t->direction == GT_DIRECTION_TURNING) {
        int sense = t->turning == GT_TURNING_COUNTERCLOCKWISE ? -1 : 1;
        SDL_FPoint c = gt_bodyview_to_px(view, gt_polyline_point_at(g, gt_polyline_length(g) / 2, NULL));
        SDL_Color arrow = gt_ui_colour(GT_COL_TEXT);
        arrow.a = 200;
        turning_arrow(ui, c, fmax(reach, 1.0) * k, sense, t->turning == GT_TURNING_EITHER ? 0 : phase, arrow);
    }
    if (t->direction == GT_DIRECTION_ACROSS_FIBRES) {
        const GtRegion *region = gt_bodymap_region(view->map, step->region);
        double fibre = (region && region->has_fibre ? region->fibre_deg : 90.0) * GT_PI_2 / 90.0;
        double ax = -sin(fibre), ay = cos(fibre), half = fmax(reach, 0.8) * k;
        SDL_Color tick = gt_ui_colour(GT_COL_TEXT);
        tick.a = 200;
        double length = gt_polyline_length(g);
        for (double s = 0; s <= length + 0.01; s += fmax(length / 3, 1.0)) {
            SDL_FPoint p = gt_bodyview_to_px(view, gt_polyline_point_at(g, s, NULL));
            gt_ui_thick_line(ui, p.x - ax * half, p.y - ay * half, p.x + ax * half, p.y + ay * half, fmax(2.0, 0.12 * k), tick);
            chevron(ui, (SDL_FPoint){ (float)(p.x + ax * half), (float)(p.y + ay * half) }, ax, ay, 0.35 * k, tick);
            chevron(ui, (SDL_FPoint){ (float)(p.x - ax * half), (float)(p.y - ay * half) }, -ax, -ay, 0.35 * k, tick);
            if (length < 1.0) break;
        }
    }
    if (t->direction == GT_DIRECTION_TOWARD_LANDMARK) {
        const GtLandmark *m = gt_bodymap_landmark(view->map, step->toward ? step->toward : t->toward_landmark);
        if (m) {
            SDL_FPoint p = gt_bodyview_to_px(view, m->points.points[0]);
            gt_ui_ring(ui, p.x, p.y, m->radius_cm * k, fmax(2.0, 0.15 * k), GT_COL_GOOD, 230);
            gt_ui_fill_circle(ui, p.x, p.y, m->radius_cm * k * 0.35, GT_COL_GOOD, 230);
        }
    }
}

/* ---- trails and contacts ---- */

static GtColour band_colour(double level, GtRange band, double *width_scale) {
    if (level < band.min) { *width_scale = 0.6; return GT_COL_LIGHT; }
    if (level > band.max) { *width_scale = 1.6; return GT_COL_BAD; }
    *width_scale = 1.0;
    return GT_COL_GOOD;
}

void gt_bodyview_draw_trail(GtBodyView *view, GtUi *ui, const GtReplay *replay, const GtTechnique *technique,
                            double until_ms, Uint8 alpha) {
    if (!replay || !technique) return;
    double k = view->transform.px_per_cm;
    size_t total = gt_replay_sample_count(replay);
    SDL_Vertex *v = malloc((total ? total : 1) * 6 * sizeof *v);
    if (!v) return;
    int n = 0;
    for (size_t c = 0; c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        for (size_t i = 1; i < contact->count && contact->samples[i].t_ms <= until_ms; i++) {
            const GtSample *a = &contact->samples[i - 1], *b = &contact->samples[i];
            SDL_FPoint pa = gt_bodyview_to_px(view, (GtPoint){ a->x_cm, a->y_cm });
            SDL_FPoint pb = gt_bodyview_to_px(view, (GtPoint){ b->x_cm, b->y_cm });
            double dx = pb.x - pa.x, dy = pb.y - pa.y, len = hypot(dx, dy);
            if (len < 0.5) continue;
            double scale;
            SDL_Color col = gt_ui_colour(band_colour(10.0 * b->pressure, technique->pressure_level, &scale));
            col.a = alpha;
            double h = fmax(1.5, 0.25 * k * scale);
            double nx = -dy / len * h, ny = dx / len * h;
            SDL_FPoint q[4] = { { (float)(pa.x + nx), (float)(pa.y + ny) }, { (float)(pb.x + nx), (float)(pb.y + ny) },
                                { (float)(pb.x - nx), (float)(pb.y - ny) }, { (float)(pa.x - nx), (float)(pa.y - ny) } };
            int order[6] = { 0, 1, 2, 0, 2, 3 };
            for (int o = 0; o < 6; o++) v[n++] = (SDL_Vertex){ q[order[o]], col, { 0, 0 } };
        }
    }
    if (n) SDL_RenderGeometry(ui->renderer, NULL, v, n, NULL, 0);
    free(v);
}

int gt_bodyview_draw_contacts(GtBodyView *view, GtUi *ui, const GtReplay *replay, const GtTechnique *technique,
                              double at_ms) {
    if (!replay || !technique) return 0;
    double k = view->transform.px_per_cm;
    int drawn = 0;
    for (size_t c = 0; c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        if (!contact->count || contact->samples[0].t_ms > at_ms || contact->samples[contact->count - 1].t_ms < at_ms) continue;
        size_t i = 0;
        while (i + 1 < contact->count && contact->samples[i + 1].t_ms <= at_ms) i++;
        const GtSample *s = &contact->samples[i];
        SDL_FPoint p = gt_bodyview_to_px(view, (GtPoint){ s->x_cm, s->y_cm });
        double scale;
        GtColour col = band_colour(10.0 * s->pressure, technique->pressure_level, &scale);
        double r = 0.9 * k;
        gt_ui_fill_circle(ui, p.x, p.y, r, GT_COL_PANEL, 180);
        gt_ui_ring(ui, p.x, p.y, r * (0.6 + 0.4 * s->pressure), fmax(2.0, 0.25 * k * scale), col, 255);
        gt_ui_fill_circle(ui, p.x, p.y, fmax(2.0, 0.18 * k), GT_COL_TEXT, 255);
        drawn++;
    }
    return drawn;
}

/* ---- a place the hand is on and must leave ---- */

/* Diagonal hatching (45 degrees) across a circle of radius r at c, strokes `gap` apart. */
static void hatch_circle(GtUi *ui, SDL_FPoint c, double r, double gap, double width, SDL_Color colour) {
    const double u = 0.70710678;   /* (u, u) along the strokes, (u, -u) across them */
    for (double d = -r + gap / 2; d < r; d += gap) {
        double half = sqrt(fmax(0.0, r * r - d * d));
        double x = c.x + u * d, y = c.y - u * d;
        gt_ui_thick_line(ui, x - u * half, y - u * half, x + u * half, y + u * half, width, colour);
    }
}

/* Hatching and two edges along a band of half-width r around the segment a-b. */
static void hatch_band(GtUi *ui, SDL_FPoint a, SDL_FPoint b, double r, double gap, double width, SDL_Color colour) {
    double dx = b.x - a.x, dy = b.y - a.y, len = hypot(dx, dy);
    if (len < 0.5) return;
    double tx = dx / len, ty = dy / len, nx = -ty, ny = tx;
    gt_ui_thick_line(ui, a.x + nx * r, a.y + ny * r, b.x + nx * r, b.y + ny * r, width * 1.5, colour);
    gt_ui_thick_line(ui, a.x - nx * r, a.y - ny * r, b.x - nx * r, b.y - ny * r, width * 1.5, colour);
    for (double s = 0; s <= len; s += gap) {
        double x = a.x + tx * s, y = a.y + ty * s;
        gt_ui_thick_line(ui, x - nx * r, y - ny * r, x + nx * r + tx * r, y + ny * r + ty * r, width, colour);
    }
}

/* A label in a white box with a vermillion edge, beside the zone (above it when there is room,
 * else below), moved inside the view's rectangle. */
static void zone_label(GtBodyView *view, GtUi *ui, SDL_FPoint c, double r, const char *label) {
    int u = ui->unit, w = 0, h = 0, room = view->rect.w - 2 * u;
    gt_ui_text_size(ui, label, GT_FONT_SMALL, true, room - 2 * u, &w, &h);
    SDL_Rect box = { (int)(c.x - (w + 2 * u) / 2.0), (int)(c.y - r - h - 3 * u), w + 2 * u, h + u };
    if (box.y < view->rect.y + u) box.y = (int)(c.y + r + 2 * u);
    if (box.x < view->rect.x + u) box.x = view->rect.x + u;
    if (box.x + box.w > view->rect.x + view->rect.w - u) box.x = view->rect.x + view->rect.w - u - box.w;
    if (box.y + box.h > view->rect.y + view->rect.h - u) box.y = view->rect.y + view->rect.h - u - box.h;
    gt_ui_fill_round_rect(ui, box, u / 2, GT_COL_BAD, 255);
    gt_ui_fill_round_rect(ui, (SDL_Rect){ box.x + 2, box.y + 2, box.w - 4, box.h - 4 }, u / 2, GT_COL_PANEL, 245);
    gt_ui_text(ui, label, box.x + u, box.y + u / 2, GT_FONT_SMALL, true, GT_COL_BAD_TEXT, room - 2 * u, NULL, NULL);
}

void gt_bodyview_mark_zone(GtBodyView *view, GtUi *ui, const GtLandmark *zone, GtPoint hand, const char *label) {
    if (!view->map || !zone || !zone->points.count) return;
    double k = view->transform.px_per_cm, r = zone->radius_cm * k;
    double width = fmax(1.5, 0.12 * k), gap = fmax(5.0, 0.7 * k);
    SDL_Color stroke = gt_ui_colour(GT_COL_BAD);
    stroke.a = 230;
    SDL_FPoint first = gt_bodyview_to_px(view, zone->points.points[0]);
    if (zone->points.count == 1) {
        gt_ui_fill_circle(ui, first.x, first.y, r, GT_COL_PANEL, 110);
        hatch_circle(ui, first, r, gap, width, stroke);
        gt_ui_ring(ui, first.x, first.y, r, fmax(3.0, 0.25 * k), GT_COL_BAD, 255);
    } else {
        for (size_t s = 1; s < zone->points.count; s++)
            hatch_band(ui, gt_bodyview_to_px(view, zone->points.points[s - 1]), gt_bodyview_to_px(view, zone->points.points[s]),
                       r, gap, width, stroke);
    }
    bool round = zone->points.count == 1;
    if (label && label[0]) zone_label(view, ui, round ? first : gt_bodyview_to_px(view, hand), round ? r : 0.9 * k, label);
}
