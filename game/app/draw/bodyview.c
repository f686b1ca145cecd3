/* bodyview: what is drawn over the figure: region fills, landmarks, guides, trails, contacts
 * and marked zones. The art, the layout and the transform are in bodyview_art.c. */
#include "bodyview.h"
#include "frame_damage.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
        SDL_Color c = gt_ui_colour(ui, colour);
        c.a = alpha;
        for (int k = 0; k < count; k++) {
            GtPoint p = { view->triangles[i][k].x, view->triangles[i][k].y };
            v[k] = (SDL_Vertex){ gt_bodyview_to_px(view, p), c, { 0, 0 } };
        }
        gt_draw_geometry(ui, v, count);
        free(v);
        return;
    }
}

/* ---- bands along polylines ---- */

/* The unit normal (left of travel) of the segment a-b in n; false and (0, 0) when a and b coincide. */
static bool segment_normal(SDL_FPoint a, SDL_FPoint b, double n[2]) {
    double dx = b.x - a.x, dy = b.y - a.y, len = hypot(dx, dy);
    n[0] = n[1] = 0;
    if (len < 1e-6) return false;
    n[0] = -dy / len;
    n[1] = dx / len;
    return true;
}

/* Appends a half-disc of radius r at p bulging along the unit direction (dx, dy): CAP_STEPS
 * triangles at v + *n. Its flat side is the band's end, so it covers nothing the band covers. */
enum { CAP_STEPS = 10 };
static void add_cap(SDL_Vertex *v, int *n, SDL_FPoint p, double dx, double dy, double r, SDL_Color c) {
    double nx = -dy, ny = dx;
    for (int i = 0; i < CAP_STEPS; i++) {
        double t0 = 2 * GT_PI_2 * i / CAP_STEPS, t1 = 2 * GT_PI_2 * (i + 1) / CAP_STEPS;
        SDL_FPoint a = { (float)(p.x + r * (cos(t0) * nx + sin(t0) * dx)), (float)(p.y + r * (cos(t0) * ny + sin(t0) * dy)) };
        SDL_FPoint b = { (float)(p.x + r * (cos(t1) * nx + sin(t1) * dx)), (float)(p.y + r * (cos(t1) * ny + sin(t1) * dy)) };
        v[(*n)++] = (SDL_Vertex){ p, c, { 0, 0 } };
        v[(*n)++] = (SDL_Vertex){ a, c, { 0, 0 } };
        v[(*n)++] = (SDL_Vertex){ b, c, { 0, 0 } };
    }
}

/* Where the band's left edge passes point i of p[0..m): the segments' normals averaged into a
 * mitre (capped at twice the half-width h at sharp turns), as an offset from the point. */
static SDL_FPoint join_offset(const SDL_FPoint *p, size_t m, size_t i, double h) {
    double n1[2] = { 0, 0 }, n2[2] = { 0, 0 };
    segment_normal(p[i ? i - 1 : 0], p[i ? i : 1], n1);
    segment_normal(p[i + 1 < m ? i : m - 2], p[i + 1 < m ? i + 1 : m - 1], n2);
    double mx = n1[0] + n2[0], my = n1[1] + n2[1], len = hypot(mx, my);
    if (len < 1e-6) return (SDL_FPoint){ (float)(n1[0] * h), (float)(n1[1] * h) };
    mx /= len;
    my /= len;
    double reach = h / fmax(mx * n1[0] + my * n1[1], 0.5);
    return (SDL_FPoint){ (float)(mx * reach), (float)(my * reach) };
}

/* Draws a band `width` pixels wide along the points (output pixels) in one call: a strip of
 * quads with mitred joins and round ends, so no pixel is covered twice and a translucent band
 * keeps an even tone where segments meet (no blob at a joint). Points under half a pixel apart
 * are merged. Draws nothing for fewer than two distinct points or when memory runs out. */
static void draw_band(GtUi *ui, const SDL_FPoint *points, size_t count, double width, SDL_Color c) {
    SDL_FPoint *p = malloc((count ? count : 1) * sizeof *p);
    SDL_Vertex *v = malloc(((count ? count : 1) * 6 + 2 * CAP_STEPS * 3) * sizeof *v);
    size_t m = 0;
    for (size_t i = 0; p && i < count; i++)
        if (m == 0 || hypot(points[i].x - p[m - 1].x, points[i].y - p[m - 1].y) >= 0.5) p[m++] = points[i];
    if (!p || !v || m < 2) { free(p); free(v); return; }
    double h = width / 2, first[2] = { 0, 0 }, last[2] = { 0, 0 };
    int n = 0;
    SDL_FPoint o0 = join_offset(p, m, 0, h);
    for (size_t i = 0; i + 1 < m; i++) {
        SDL_FPoint o1 = join_offset(p, m, i + 1, h);
        SDL_FPoint l0 = { p[i].x + o0.x, p[i].y + o0.y }, r0 = { p[i].x - o0.x, p[i].y - o0.y };
        SDL_FPoint l1 = { p[i + 1].x + o1.x, p[i + 1].y + o1.y }, r1 = { p[i + 1].x - o1.x, p[i + 1].y - o1.y };
        SDL_FPoint quad[6] = { l0, l1, r1, l0, r1, r0 };
        for (int k = 0; k < 6; k++) v[n++] = (SDL_Vertex){ quad[k], c, { 0, 0 } };
        o0 = o1;
    }
    segment_normal(p[0], p[1], first);
    segment_normal(p[m - 2], p[m - 1], last);
    /* a normal (-dy, dx) gives the direction of travel (dx, dy) = (n[1], -n[0]) */
    add_cap(v, &n, p[0], -first[1], first[0], h, c);      /* backwards from the start */
    add_cap(v, &n, p[m - 1], last[1], -last[0], h, c);    /* onwards from the end */
    gt_draw_geometry(ui, v, n);
    free(p);
    free(v);
}

/* draw_band along a polyline given in cm. Draws nothing when memory runs out. */
static void draw_band_cm(GtBodyView *view, GtUi *ui, const GtPointList *line, double width, SDL_Color c) {
    SDL_FPoint *px = malloc((line->count ? line->count : 1) * sizeof *px);
    if (!px) return;
    for (size_t i = 0; i < line->count; i++) px[i] = gt_bodyview_to_px(view, line->points[i]);
    draw_band(ui, px, line->count, width, c);
    free(px);
}

/* ---- landmarks ---- */

void gt_bodyview_draw_avoid_zones(GtBodyView *view, GtUi *ui, const GtTechnique *technique) {
    if (!view->map) return;
    double k = view->transform.px_per_cm;
    SDL_Color c = gt_ui_colour(ui, GT_COL_AVOID);
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
            SDL_Color band = c;
            band.a = 60;
            draw_band_cm(view, ui, &m->points, 2 * m->radius_cm * k, band);
            /* dashes across the band, evenly along its length: a pattern, not only a colour */
            double length = gt_polyline_length(&m->points), half = m->radius_cm * k * 0.7;
            for (double s = 0; s < length; s += 1.5) {
                GtPoint tangent;
                SDL_FPoint p = gt_bodyview_to_px(view, gt_polyline_point_at(&m->points, s, &tangent));
                double ax = -tangent.y * half, ay = tangent.x * half;
                gt_ui_thick_line(ui, p.x - ax, p.y - ay, p.x + ax, p.y + ay, fmax(1.0, 0.12 * k), c);
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
    SDL_Color guide = gt_ui_colour(ui, GT_COL_GUIDE);
    SDL_Color soft = guide;
    soft.a = 70;
    guide.a = 255;
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
        draw_band_cm(view, ui, g, band, soft);      /* one strip each: no blob where segments meet */
        draw_band_cm(view, ui, g, fmax(2.0, 0.2 * k), guide);
        bool directed = t->direction == GT_DIRECTION_ALONG_GUIDE || t->direction == GT_DIRECTION_TOWARD_LANDMARK;
        double length = gt_polyline_length(g);
        if (directed) {
            double spacing = 3.0;
            for (double s = fmod(phase * spacing, spacing) + 1.0; s < length - 1.0; s += spacing) {
                GtPoint tangent;
                GtPoint at = gt_polyline_point_at(g, s, &tangent);
                chevron(ui, gt_bodyview_to_px(view, at), tangent.x, tangent.y, 0.45 * k, gt_ui_colour(ui, GT_COL_PANEL));
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
        SDL_Color arrow = gt_ui_colour(ui, GT_COL_TEXT);
        arrow.a = 200;
        turning_arrow(ui, c, fmax(reach, 1.0) * k, sense, t->turning == GT_TURNING_EITHER ? 0 : phase, arrow);
    }
    if (t->direction == GT_DIRECTION_ACROSS_FIBRES) {
        const GtRegion *region = gt_bodymap_region(view->map, step->region);
        double fibre = (region && region->has_fibre ? region->fibre_deg : 90.0) * GT_PI_2 / 90.0;
        double ax = -sin(fibre), ay = cos(fibre), half = fmax(reach, 0.8) * k;
        SDL_Color tick = gt_ui_colour(ui, GT_COL_TEXT);
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
            SDL_Color col = gt_ui_colour(ui, band_colour(10.0 * b->pressure, technique->pressure_level, &scale));
            col.a = alpha;
            double h = fmax(1.5, 0.25 * k * scale);
            double nx = -dy / len * h, ny = dx / len * h;
            SDL_FPoint q[4] = { { (float)(pa.x + nx), (float)(pa.y + ny) }, { (float)(pb.x + nx), (float)(pb.y + ny) },
                                { (float)(pb.x - nx), (float)(pb.y - ny) }, { (float)(pa.x - nx), (float)(pa.y - ny) } };
            int order[6] = { 0, 1, 2, 0, 2, 3 };
            for (int o = 0; o < 6; o++) v[n++] = (SDL_Vertex){ q[order[o]], col, { 0, 0 } };
        }
    }
    if (n) gt_draw_geometry(ui, v, n);
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
    SDL_Color stroke = gt_ui_colour(ui, GT_COL_BAD);
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
