/* gt_geometry: plane geometry in body-map centimetres (x right, y down).
 * Pure functions; no allocation but the simplicity check's own scratch. */
#ifndef GT_GEOMETRY_H
#define GT_GEOMETRY_H

#include <stdbool.h>
#include <stddef.h>

#define GT_PI 3.14159265358979323846

typedef struct GtPoint {
    double x; /* cm from the left edge of the view */
    double y; /* cm from the top edge of the view, downward */
} GtPoint;

struct GtPolygonIndex;

typedef struct GtPointList {
    GtPoint *points; /* owned by whoever built the list (an arena for loaded data) */
    size_t count;
    /* When not NULL, a band index of the closed outline's edges (gt_polygon_index_fill) that
     * gt_polygon_contains uses to test only the edges at a point's height; built by the loader
     * for body-map polygons, whose points never change afterwards. */
    const struct GtPolygonIndex *index;
} GtPointList;

/* The edges of a closed polygon sorted into horizontal bands of equal height: band b holds
 * every edge whose vertical extent meets [y_min + b * band_cm, y_min + (b + 1) * band_cm]. */
typedef struct GtPolygonIndex {
    double y_min, y_max, band_cm;
    size_t bands;
    const unsigned *first;  /* bands + 1 offsets into edges */
    const unsigned *edges;  /* edge k runs from vertex k to vertex k - 1 (0 to count - 1) */
} GtPolygonIndex;

/* Where a point projects onto a polyline. */
typedef struct GtProjection {
    double distance_cm;  /* from the point to the nearest point on the line */
    double along_cm;     /* arc length from the first vertex to that nearest point */
    GtPoint nearest;     /* the nearest point itself */
    GtPoint tangent;     /* unit direction of the segment there (first to last vertex) */
} GtProjection;

double gt_distance(GtPoint a, GtPoint b);

/* Total length of a polyline; 0 for fewer than two points. */
double gt_polyline_length(const GtPointList *line);

/* Projects p onto the polyline (a single point counts as a zero-length line, tangent (0,0)).
 * An empty list gives distance +infinity. */
GtProjection gt_polyline_project(const GtPointList *line, GtPoint p);

/* The point at arc length `along_cm` on the polyline (clamped to its ends), and the
 * unit tangent there in *tangent when tangent is not NULL. */
GtPoint gt_polyline_point_at(const GtPointList *line, double along_cm, GtPoint *tangent);

/* Even-odd point-in-polygon test; points exactly on an edge may go either way. With an index
 * the answer is the same, only faster: the edges at other heights could never count. */
bool gt_polygon_contains(const GtPointList *polygon, GtPoint p);

/* Where the even-odd test of gt_polygon_contains at height y finds its crossings: the x of each
 * edge a point at that height would count, into xs (at most max; the count is returned, or
 * max + 1 when there were more). A point (x, y) is inside exactly when an odd number of them
 * lie to its right (x < xs[i]), the same answer gt_polygon_contains gives. */
size_t gt_polygon_row_crossings(const GtPointList *polygon, double y, double *xs, size_t max);

/* Shortest distance from p to the polygon's outline (closed). */
double gt_polygon_edge_distance(const GtPointList *polygon, GtPoint p);

/* Signed area (positive when the vertices run clockwise on screen, y down). */
double gt_polygon_signed_area(const GtPointList *polygon);

/* True when no two non-adjacent edges of the closed polygon cross. Edges are swept in order of
 * their left ends, so only pairs whose horizontal extents meet are tested (n log n for an
 * outline; the same answer as testing every pair). */
bool gt_polygon_is_simple(const GtPointList *polygon);

/* How many bands an index of `polygon` uses, and how many edge entries it needs in all (at
 * least one per edge); 0 bands for fewer than three points or bounds that are not finite. */
size_t gt_polygon_index_bands(const GtPointList *polygon);
size_t gt_polygon_index_entries(const GtPointList *polygon, size_t bands);

/* Fills `index` for `polygon` with `bands` bands (from gt_polygon_index_bands) into the
 * caller's `first` (bands + 1 entries) and `edges` (gt_polygon_index_entries entries). */
void gt_polygon_index_fill(GtPolygonIndex *index, const GtPointList *polygon, size_t bands, unsigned *first,
                           unsigned *edges);

/* Axis-aligned bounds of a point list; false for an empty list. */
bool gt_points_bounds(const GtPointList *points, GtPoint *min, GtPoint *max);

/* A point well inside a simple polygon: of a grid of `step_cm` over its bounds, the inside
 * point farthest from every edge (ties: the first in reading order), so a guide placed there
 * sits inside even a bent region. The first vertex when no grid point falls inside. */
GtPoint gt_polygon_inner_point(const GtPointList *polygon, double step_cm);

#endif
