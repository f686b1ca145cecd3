#include "gt_geometry.h"

#include <math.h>

double gt_distance(GtPoint a, GtPoint b) {
    return hypot(a.x - b.x, a.y - b.y);
}

double gt_polyline_length(const GtPointList *line) {
    double total = 0.0;
    for (size_t i = 1; i < line->count; i++) total += gt_distance(line->points[i - 1], line->points[i]);
    return total;
}

static GtPoint unit(double dx, double dy) {
    double len = hypot(dx, dy);
    GtPoint u = { 0.0, 0.0 };
    if (len > 0.0) { u.x = dx / len; u.y = dy / len; }
    return u;
}

GtProjection gt_polyline_project(const GtPointList *line, GtPoint p) {
    GtProjection best = { INFINITY, 0.0, p, { 0.0, 0.0 } };
    if (line->count == 0) return best;
    if (line->count == 1) {
        best.distance_cm = gt_distance(p, line->points[0]);
        best.nearest = line->points[0];
        return best;
    }
    double start = 0.0;
    for (size_t i = 1; i < line->count; i++) {
        GtPoint a = line->points[i - 1], b = line->points[i];
        double dx = b.x - a.x, dy = b.y - a.y;
        double len2 = dx * dx + dy * dy;
        double len = sqrt(len2);
        double t = len2 > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
        if (t < 0.0) t = 0.0;
        if (t > 1.0) t = 1.0;
        GtPoint q = { a.x + t * dx, a.y + t * dy };
        double d = gt_distance(p, q);
        if (d < best.distance_cm) {
            best.distance_cm = d;
            best.along_cm = start + t * len;
            best.nearest = q;
            best.tangent = unit(dx, dy);
        }
        start += len;
    }
    return best;
}

GtPoint gt_polyline_point_at(const GtPointList *line, double along_cm, GtPoint *tangent) {
    GtPoint none = { 0.0, 0.0 };
    if (tangent) *tangent = none;
    if (line->count == 0) return none;
    if (line->count == 1) return line->points[0];
    double start = 0.0;
    for (size_t i = 1; i < line->count; i++) {
        GtPoint a = line->points[i - 1], b = line->points[i];
        double len = gt_distance(a, b);
        if (along_cm <= start + len || i == line->count - 1) {
            double t = len > 0.0 ? (along_cm - start) / len : 0.0;
            if (t < 0.0) t = 0.0;
            if (t > 1.0) t = 1.0;
            if (tangent) *tangent = unit(b.x - a.x, b.y - a.y);
            GtPoint q = { a.x + t * (b.x - a.x), a.y + t * (b.y - a.y) };
            return q;
        }
        start += len;
    }
    return line->points[line->count - 1];
}

bool gt_polygon_contains(const GtPointList *polygon, GtPoint p) {
    bool inside = false;
    size_t n = polygon->count;
    for (size_t i = 0, j = n ? n - 1 : 0; i < n; j = i++) {
        GtPoint a = polygon->points[i], b = polygon->points[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            double x = (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x;
            if (p.x < x) inside = !inside;
        }
    }
    return inside;
}

double gt_polygon_edge_distance(const GtPointList *polygon, GtPoint p) {
    double best = INFINITY;
    size_t n = polygon->count;
    for (size_t i = 0; i < n; i++) {
        GtPoint seg[2] = { polygon->points[i], polygon->points[(i + 1) % n] };
        GtPointList edge = { seg, 2 };
        double d = gt_polyline_project(&edge, p).distance_cm;
        if (d < best) best = d;
    }
    return best;
}

double gt_polygon_signed_area(const GtPointList *polygon) {
    double twice = 0.0;
    size_t n = polygon->count;
    for (size_t i = 0; i < n; i++) {
        GtPoint a = polygon->points[i], b = polygon->points[(i + 1) % n];
        twice += a.x * b.y - b.x * a.y;
    }
    return twice / 2.0;
}

static double cross(GtPoint o, GtPoint a, GtPoint b) {
    return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);
}

static bool segments_cross(GtPoint a, GtPoint b, GtPoint c, GtPoint d) {
    double d1 = cross(c, d, a), d2 = cross(c, d, b);
    double d3 = cross(a, b, c), d4 = cross(a, b, d);
    return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
}

bool gt_polygon_is_simple(const GtPointList *polygon) {
    size_t n = polygon->count;
    if (n < 3) return false;
    for (size_t i = 0; i < n; i++) {
        for (size_t j = i + 2; j < n; j++) {
            if (i == 0 && j == n - 1) continue; /* adjacent through the closing edge */
            if (segments_cross(polygon->points[i], polygon->points[(i + 1) % n],
                               polygon->points[j], polygon->points[(j + 1) % n]))
                return false;
        }
    }
    return true;
}

bool gt_points_bounds(const GtPointList *points, GtPoint *min, GtPoint *max) {
    if (points->count == 0) return false;
    *min = *max = points->points[0];
    for (size_t i = 1; i < points->count; i++) {
        GtPoint p = points->points[i];
        if (p.x < min->x) min->x = p.x;
        if (p.y < min->y) min->y = p.y;
        if (p.x > max->x) max->x = p.x;
        if (p.y > max->y) max->y = p.y;
    }
    return true;
}

GtPoint gt_polygon_inner_point(const GtPointList *polygon, double step_cm) {
    GtPoint min, max, best = polygon->count ? polygon->points[0] : (GtPoint){ 0.0, 0.0 };
    if (!gt_points_bounds(polygon, &min, &max) || step_cm <= 0.0) return best;
    double best_clearance = -1.0;
    for (double y = min.y + step_cm / 2.0; y < max.y; y += step_cm) {
        for (double x = min.x + step_cm / 2.0; x < max.x; x += step_cm) {
            GtPoint p = { x, y };
            if (!gt_polygon_contains(polygon, p)) continue;
            double clearance = gt_polygon_edge_distance(polygon, p);
            if (clearance > best_clearance) {
                best_clearance = clearance;
                best = p;
            }
        }
    }
    return best;
}
