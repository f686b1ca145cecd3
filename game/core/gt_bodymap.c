#include "gt_bodymap.h"

#include <string.h>

static const char *const VIEW_NAMES[GT_VIEW_COUNT] = { "posterior", "anterior" };

const char *gt_view_name(GtView view) {
    return (unsigned)view < GT_VIEW_COUNT ? VIEW_NAMES[view] : "unknown";
}

bool gt_view_parse(const char *text, GtView *view) {
    for (int i = 0; i < GT_VIEW_COUNT; i++) {
        if (text && strcmp(text, VIEW_NAMES[i]) == 0) { *view = (GtView)i; return true; }
    }
    return false;
}

const char *gt_landmark_kind_name(GtLandmarkKind kind) {
    switch (kind) {
    case GT_LANDMARK_TARGET: return "target";
    case GT_LANDMARK_AVOID: return "avoid";
    case GT_LANDMARK_BONY: return "bony";
    }
    return "unknown";
}

const GtRegion *gt_bodymap_region(const GtBodyMap *map, const char *id) {
    for (size_t i = 0; map && id && i < map->region_count; i++)
        if (strcmp(map->regions[i].id, id) == 0) return &map->regions[i];
    return NULL;
}

const GtLandmark *gt_bodymap_landmark(const GtBodyMap *map, const char *id) {
    for (size_t i = 0; map && id && i < map->landmark_count; i++)
        if (strcmp(map->landmarks[i].id, id) == 0) return &map->landmarks[i];
    return NULL;
}

bool gt_bodymap_on_body(const GtBodyMap *map, GtPoint p) {
    for (size_t i = 0; i < map->silhouette_count; i++)
        if (gt_polygon_contains(&map->silhouette[i], p)) return true;
    return false;
}

double gt_landmark_distance(const GtLandmark *landmark, GtPoint p) {
    return gt_polyline_project(&landmark->points, p).distance_cm;
}
