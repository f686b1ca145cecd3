#include "gt_geometry.h"

#include <math.h>
#include <stdlib.h>

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

/* The point of segment a-b nearest to p: its parameter t (0 to 1) in *t, and the squared distance
 * from p (as the arithmetic gives it, for ruling segments out only). */
static double segment_nearest(GtPoint a, GtPoint b, GtPoint p, double *t) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double len2 = dx * dx + dy * dy;
    double u = len2 > 0.0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0.0;
    if (u < 0.0) u = 0.0;
    if (u > 1.0) u = 1.0;
    *t = u;
    double ex = p.x - (a.x + u * dx), ey = p.y - (a.y + u * dy);
    return ex * ex + ey * ey;
}

GtProjection gt_polyline_project(const GtPointList *line, GtPoint p) {
    GtProjection best = { INFINITY, 0.0, p, { 0.0, 0.0 } };
    if (line->count == 0) return best;
    if (line->count == 1) {
        best.distance_cm = gt_distance(p, line->points[0]);
        best.nearest = line->points[0];
        return best;
    }
    /* The nearest segment is the first whose hypot distance is the least. Squared distances carry
     * rounding errors far below 1e-9 of their size, so a segment whose squared distance exceeds the
     * least one by that share is surely farther: a first pass finds the least squared distance, and
     * the slow hypot is called in the second only for the segments that could be the nearest. */
    double least = INFINITY, t = 0.0;
    for (size_t i = 1; i < line->count; i++) least = fmin(least, segment_nearest(line->points[i - 1], line->points[i], p, &t));
    double start = 0.0;
    size_t nearest_segment = 0;
    for (size_t i = 1; i < line->count; i++) {
        GtPoint a = line->points[i - 1], b = line->points[i];
        double dx = b.x - a.x, dy = b.y - a.y;
        double len = sqrt(dx * dx + dy * dy);
        if (segment_nearest(a, b, p, &t) <= least * (1.0 + 1e-9)) {
            GtPoint q = { a.x + t * dx, a.y + t * dy };
            double d = gt_distance(p, q);
            if (d < best.distance_cm) {
                best.distance_cm = d;
                best.along_cm = start + t * len;
                best.nearest = q;
                nearest_segment = i;
            }
        }
        start += len;
    }
    if (nearest_segment) {
        GtPoint a = line->points[nearest_segment - 1], b = line->points[nearest_segment];
        best.tangent = unit(b.x - a.x, b.y - a.y);
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

/* Whether the edge from a to b (a is the later vertex, as the polygon's points run) spans height
 * y for the even-odd test, and where it crosses that height, in *x. */
static bool edge_at_height(GtPoint a, GtPoint b, double y, double *x) {
    if ((a.y > y) == (b.y > y)) return false;
    *x = (b.x - a.x) * (y - a.y) / (b.y - a.y) + a.x;
    return true;
}

/* One edge's share of the even-odd count: whether the ray from p to the right crosses it. */
static bool ray_crosses(GtPoint a, GtPoint b, GtPoint p) {
    double x;
    return edge_at_height(a, b, p.y, &x) && p.x < x;
}

/* The band of an index that height y falls in (y within the index's bounds). */
static size_t band_of(const GtPolygonIndex *index, double y) {
    size_t band = (size_t)((y - index->y_min) / index->band_cm);
    return band < index->bands ? band : index->bands - 1;
}

bool gt_polygon_contains(const GtPointList *polygon, GtPoint p) {
    bool inside = false;
    size_t n = polygon->count;
    const GtPolygonIndex *index = polygon->index;
    if (index && index->bands) {
        /* no edge reaches a height outside the bounds, and a NaN height crosses none */
        if (!(p.y >= index->y_min && p.y <= index->y_max)) return false;
        size_t band = band_of(index, p.y);
        for (unsigned e = index->first[band]; e < index->first[band + 1]; e++) {
            size_t k = index->edges[e];
            if (ray_crosses(polygon->points[k], polygon->points[k ? k - 1 : n - 1], p)) inside = !inside;
        }
        return inside;
    }
    for (size_t i = 0, j = n ? n - 1 : 0; i < n; j = i++)
        if (ray_crosses(polygon->points[i], polygon->points[j], p)) inside = !inside;
    return inside;
}

/* True when every coordinate of the list is a finite number. */
static bool all_finite(const GtPointList *points) {
    for (size_t i = 0; i < points->count; i++)
        if (!isfinite(points->points[i].x) || !isfinite(points->points[i].y)) return false;
    return true;
}

size_t gt_polygon_row_crossings(const GtPointList *polygon, double y, double *xs, size_t max) {
    size_t n = polygon->count, found = 0;
    const GtPolygonIndex *index = polygon->index;
    size_t from = 0, to = n;
    if (index && index->bands) {
        if (!(y >= index->y_min && y <= index->y_max)) return 0;
        size_t band = band_of(index, y);
        from = index->first[band];
        to = index->first[band + 1];
    }
    for (size_t e = from; e < to; e++) {
        size_t k = index && index->bands ? index->edges[e] : e;
        double x;
        if (!edge_at_height(polygon->points[k], polygon->points[k ? k - 1 : n - 1], y, &x)) continue;
        if (found == max) return max + 1;
        xs[found++] = x;
    }
    return found;
}

size_t gt_polygon_index_bands(const GtPointList *polygon) {
    GtPoint min, max;
    if (polygon->count < 3 || !all_finite(polygon) || !gt_points_bounds(polygon, &min, &max)) return 0;
    if (!(max.y > min.y)) return 1;
    size_t bands = polygon->count / 2;
    return bands < 1 ? 1 : bands > 1024 ? 1024 : bands;
}

/* The first and last band edge k (from vertex k to the one before) meets. */
static void edge_bands(const GtPolygonIndex *index, const GtPointList *polygon, size_t k, size_t *lo,
                       size_t *hi) {
    GtPoint a = polygon->points[k], b = polygon->points[k ? k - 1 : polygon->count - 1];
    *lo = band_of(index, a.y < b.y ? a.y : b.y);
    *hi = band_of(index, a.y < b.y ? b.y : a.y);
}

/* The bounds and band height of an index of `bands` bands (edges not yet sorted in). */
static GtPolygonIndex index_frame(const GtPointList *polygon, size_t bands) {
    GtPoint min = { 0.0, 0.0 }, max = min;
    gt_points_bounds(polygon, &min, &max);
    double height = max.y - min.y;
    GtPolygonIndex index = { min.y, max.y, height > 0.0 ? height / (double)bands : 1.0, bands, NULL, NULL };
    return index;
}

size_t gt_polygon_index_entries(const GtPointList *polygon, size_t bands) {
    if (!bands) return 0;
    GtPolygonIndex index = index_frame(polygon, bands);
    size_t entries = 0;
    for (size_t k = 0; k < polygon->count; k++) {
        size_t lo, hi;
        edge_bands(&index, polygon, k, &lo, &hi);
        entries += hi - lo + 1;
    }
    return entries;
}

void gt_polygon_index_fill(GtPolygonIndex *index, const GtPointList *polygon, size_t bands, unsigned *first,
                           unsigned *edges) {
    *index = index_frame(polygon, bands);
    for (size_t b = 0; b <= bands; b++) first[b] = 0;
    for (size_t k = 0; k < polygon->count; k++) { /* count each band's edges, one band on */
        size_t lo, hi;
        edge_bands(index, polygon, k, &lo, &hi);
        for (size_t b = lo; b <= hi; b++) first[b + 1]++;
    }
    for (size_t b = 0; b < bands; b++) first[b + 1] += first[b];
    for (size_t k = 0; k < polygon->count; k++) { /* then place them, first[b] moving on */
        size_t lo, hi;
        edge_bands(index, polygon, k, &lo, &hi);
        for (size_t b = lo; b <= hi; b++) edges[first[b]++] = (unsigned)k;
    }
    for (size_t b = bands; b > 0; b--) first[b] = first[b - 1]; /* back to where each band starts */
    first[0] = 0;
    index->first = first;
    index->edges = edges;
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

/* Whether edges i and j (i < j) of an n-gon are non-adjacent and cross. */
static bool edges_cross(const GtPointList *polygon, size_t i, size_t j) {
    size_t n = polygon->count;
    if (j < i + 2 || (i == 0 && j == n - 1)) return false; /* adjacent, or adjacent through the closing edge */
    return segments_cross(polygon->points[i], polygon->points[(i + 1) % n], polygon->points[j],
                          polygon->points[(j + 1) % n]);
}

/* An edge's extent, for the sweep in gt_polygon_is_simple. */
typedef struct SweepEdge {
    double left, right, top, bottom;
    size_t k;  /* from vertex k to vertex k + 1 */
} SweepEdge;

/* qsort order: by left end. */
static int by_left(const void *a, const void *b) {
    double l = ((const SweepEdge *)a)->left, r = ((const SweepEdge *)b)->left;
    return (l > r) - (l < r);
}

/* Every pair tested: for polygons whose coordinates are not all finite, or when memory runs out. */
static bool simple_by_every_pair(const GtPointList *polygon) {
    size_t n = polygon->count;
    for (size_t i = 0; i < n; i++)
        for (size_t j = i + 2; j < n; j++)
            if (edges_cross(polygon, i, j)) return false;
    return true;
}

bool gt_polygon_is_simple(const GtPointList *polygon) {
    size_t n = polygon->count;
    if (n < 3) return false;
    SweepEdge *edges = all_finite(polygon) ? malloc(n * sizeof *edges) : NULL;
    if (!edges) return simple_by_every_pair(polygon);
    for (size_t k = 0; k < n; k++) {
        GtPoint a = polygon->points[k], b = polygon->points[(k + 1) % n];
        edges[k] = (SweepEdge){ fmin(a.x, b.x), fmax(a.x, b.x), fmin(a.y, b.y), fmax(a.y, b.y), k };
    }
    qsort(edges, n, sizeof *edges, by_left);
    bool simple = true;
    /* two edges can cross only where their extents meet: after sorting by left end, each edge
     * meets in x only the ones after it that start before it ends */
    for (size_t s = 0; s < n && simple; s++) {
        for (size_t t = s + 1; t < n && edges[t].left <= edges[s].right && simple; t++) {
            if (edges[t].top > edges[s].bottom || edges[t].bottom < edges[s].top) continue;
            size_t i = edges[s].k < edges[t].k ? edges[s].k : edges[t].k;
            size_t j = edges[s].k < edges[t].k ? edges[t].k : edges[s].k;
            simple = !edges_cross(polygon, i, j);
        }
    }
    free(edges);
    return simple;
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
