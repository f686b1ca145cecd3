/* gt_geometry: plane geometry in body-map centimetres (x right, y down).
 * Pure functions; no allocation. */
#ifndef GT_GEOMETRY_H
#define GT_GEOMETRY_H

#include <stdbool.h>
#include <stddef.h>

#define GT_PI 3.14159265358979323846

typedef struct GtPoint {
    double x; /* cm from the left edge of the view */
    double y; /* cm from the top edge of the view, downward */
} GtPoint;

typedef struct GtPointList {
    GtPoint *points; /* owned by whoever built the list (an arena for loaded data) */
    size_t count;
} GtPointList;

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

/* Even-odd point-in-polygon test; points exactly on an edge may go either way. */
bool gt_polygon_contains(const GtPointList *polygon, GtPoint p);

/* Shortest distance from p to the polygon's outline (closed). */
double gt_polygon_edge_distance(const GtPointList *polygon, GtPoint p);

/* Signed area (positive when the vertices run clockwise on screen, y down). */
double gt_polygon_signed_area(const GtPointList *polygon);

/* True when no two non-adjacent edges of the closed polygon cross. */
bool gt_polygon_is_simple(const GtPointList *polygon);

/* Axis-aligned bounds of a point list; false for an empty list. */
bool gt_points_bounds(const GtPointList *points, GtPoint *min, GtPoint *max);

/* A point well inside a simple polygon: of a grid of `step_cm` over its bounds, the inside
 * point farthest from every edge (ties: the first in reading order), so a guide placed there
 * sits inside even a bent region. The first vertex when no grid point falls inside. */
GtPoint gt_polygon_inner_point(const GtPointList *polygon, double step_cm);

#endif
