#include "gt_bodymap.h"

#include <string.h>

const char *const GT_VIEW_NAMES[GT_VIEW_COUNT] = { "posterior", "anterior" };
const char *const GT_LANDMARK_KIND_NAMES[GT_LANDMARK_KIND_COUNT] = { "target", "avoid", "bony" };

const char *gt_view_name(GtView view) {
    return (unsigned)view < GT_VIEW_COUNT ? GT_VIEW_NAMES[view] : "unknown";
}

const char *gt_landmark_kind_name(GtLandmarkKind kind) {
    return (unsigned)kind < GT_LANDMARK_KIND_COUNT ? GT_LANDMARK_KIND_NAMES[kind] : "unknown";
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

const GtRegion *gt_bodymap_region_at(const GtBodyMap *map, GtPoint p) {
    for (size_t i = 0; i < map->region_count; i++)
        if (gt_polygon_contains(&map->regions[i].polygon, p)) return &map->regions[i];
    return NULL;
}

double gt_landmark_distance(const GtLandmark *landmark, GtPoint p) {
    return gt_polyline_project(&landmark->points, p).distance_cm;
}
