/* gt_bodymap: one view of the life-size body model, in centimetres.
 * A GtBodyMap is built by the loading layer inside an arena, which owns all of it. */
#ifndef GT_BODYMAP_H
#define GT_BODYMAP_H

#include <stdbool.h>
#include "gt_geometry.h"

typedef enum GtView { GT_VIEW_POSTERIOR = 0, GT_VIEW_ANTERIOR = 1, GT_VIEW_COUNT = 2 } GtView;

typedef enum GtLandmarkKind {
    GT_LANDMARK_TARGET, /* heart, lymph node groups: strokes go toward them */
    GT_LANDMARK_AVOID,  /* kidney area, back of the knee */
    GT_LANDMARK_BONY,   /* spine, sacrum, patella... */
    GT_LANDMARK_KIND_COUNT
} GtLandmarkKind;

/* The words the files use, indexed by the enums: the one place they are spelt. */
extern const char *const GT_VIEW_NAMES[GT_VIEW_COUNT];
extern const char *const GT_LANDMARK_KIND_NAMES[GT_LANDMARK_KIND_COUNT];

typedef struct GtRegion {
    const char *id;       /* kebab-case, unique within the view */
    const char *name;     /* for people */
    GtPointList polygon;  /* simple polygon, cm */
    bool has_fibre;       /* false where no fibre direction applies */
    double fibre_deg;     /* fibre axis, 0 = viewer's right, 90 = down; 0..180 */
} GtRegion;

typedef struct GtLandmark {
    const char *id;
    const char *name;
    GtLandmarkKind kind;
    GtPointList points;   /* one point, or a polyline (the spine) */
    double radius_cm;     /* zone around the point or line */
    const char *region;   /* region it lies in, or NULL when not stated */
} GtLandmark;

typedef struct GtBodyMap {
    GtView view;
    double width_cm, height_cm;
    const char *art_path;       /* SVG file, resolved relative to the data file */
    GtPointList *silhouette;    /* silhouette_count polygons; their union is the body */
    size_t silhouette_count;
    GtRegion *regions;
    size_t region_count;
    GtLandmark *landmarks;
    size_t landmark_count;
} GtBodyMap;

/* The name of a view or landmark kind ("unknown" when out of range). */
const char *gt_view_name(GtView view);
const char *gt_landmark_kind_name(GtLandmarkKind kind);

/* Lookups by id; NULL when absent. */
const GtRegion *gt_bodymap_region(const GtBodyMap *map, const char *id);
const GtLandmark *gt_bodymap_landmark(const GtBodyMap *map, const char *id);

/* True when p lies on the body (inside any silhouette polygon). */
bool gt_bodymap_on_body(const GtBodyMap *map, GtPoint p);

/* The region p lies in (regions never overlap), or NULL when it lies in none. */
const GtRegion *gt_bodymap_region_at(const GtBodyMap *map, GtPoint p);

/* Distance from p to the landmark's point or line, minus nothing: compare with radius_cm. */
double gt_landmark_distance(const GtLandmark *landmark, GtPoint p);

#endif
