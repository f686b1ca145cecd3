#include "loaders.h"
#include "json_doc.h"
#include "suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_REGIONS = 200, MAX_LANDMARKS = 200, MAX_POLYGON_POINTS = 4000 };
static const double COORD_LIMIT = 1000.0;
/* Overlap allowed between two regions, as a share of the smaller one's area. */
static const double OVERLAP_SHARE = 0.005;
static const double GRID_CM = 0.25;


/* Checks one region or silhouette polygon for being simple. */
static bool check_simple(GtJsonDoc *doc, const GtPointList *polygon, const GtPath *path) {
    if (polygon->count >= 3 && !gt_polygon_is_simple(polygon)) {
        gt_json_error(doc, path, "the polygon's edges cross each other; reorder its points so the "
                      "outline goes round once");
        return false;
    }
    return true;
}

/* Gives a loaded polygon its band index (gt_polygon_index_fill) in the map's arena, so testing
 * whether a point lies inside looks only at the edges at its height; without memory for one the
 * polygon is still tested edge by edge (and the arena reports the shortage). */
static void index_polygon(GtArena *arena, GtPointList *polygon) {
    size_t bands = gt_polygon_index_bands(polygon);
    if (!bands) return;
    GtPolygonIndex *index = gt_arena_alloc(arena, sizeof *index);
    unsigned *first = gt_arena_array(arena, bands + 1, sizeof *first);
    unsigned *edges = gt_arena_array(arena, gt_polygon_index_entries(polygon, bands), sizeof *edges);
    if (!index || !first || !edges) return;
    gt_polygon_index_fill(index, polygon, bands, first, edges);
    polygon->index = index;
}

static bool load_regions(GtJsonDoc *doc, const cJSON *array, const GtPath *path, GtArena *arena,
                         GtBodyMap *map) {
    static const char *const keys[] = { "id", "name", "polygon", "fibre_deg", NULL };
    if (!cJSON_IsArray(array) || cJSON_GetArraySize(array) < 1 || cJSON_GetArraySize(array) > MAX_REGIONS) {
        gt_json_error(doc, path, "expected an array of 1 to %d regions, found %s", MAX_REGIONS,
                      gt_json_type_name(array));
        return false;
    }
    size_t count = (size_t)cJSON_GetArraySize(array);
    map->regions = gt_arena_array(arena, count, sizeof *map->regions);
    if (!map->regions) return false;
    bool ok = true;
    size_t i = 0;
    for (const cJSON *item = array->child; item; item = item->next, i++) {
        GtPath at = gt_path_index(path, i);
        GtRegion *region = &map->regions[i];
        region->id = region->name = "";
        ok = gt_json_check_keys(doc, item, &at, keys) && ok;
        ok = gt_json_id(doc, item, &at, "id", true, &region->id) && ok;
        ok = gt_json_string(doc, item, &at, "name", true, 120, &region->name) && ok;
        GtPath poly_path = gt_path_key(&at, "polygon");
        const cJSON *poly = gt_json_member(doc, item, &at, "polygon", true);
        if (poly) {
            bool poly_ok = gt_json_points(doc, poly, &poly_path, 3, MAX_POLYGON_POINTS, COORD_LIMIT, arena,
                                          &region->polygon);
            ok = poly_ok && check_simple(doc, &region->polygon, &poly_path) && ok;
            if (poly_ok) index_polygon(arena, &region->polygon);
        } else ok = false;
        region->id = gt_arena_strdup(arena, region->id);
        region->name = gt_arena_strdup(arena, region->name);
        if (cJSON_GetObjectItemCaseSensitive(item, "fibre_deg")) {
            region->has_fibre = gt_json_number(doc, item, &at, "fibre_deg", false, 0, 180, &region->fibre_deg);
            ok = region->has_fibre && ok;
        }
        for (size_t k = 0; k < i; k++) {
            if (region->id[0] && strcmp(map->regions[k].id, region->id) == 0) {
                GtPath id_path = gt_path_key(&at, "id");
                gt_json_error(doc, &id_path, "region id \"%s\" is used twice (also regions[%zu]); ids "
                              "must be unique", region->id, k);
                ok = false;
            }
        }
    }
    map->region_count = count;
    return ok;
}

static bool load_landmarks(GtJsonDoc *doc, const cJSON *array, const GtPath *path, GtArena *arena,
                           GtBodyMap *map) {
    static const char *const keys[] = { "id", "name", "kind", "points", "radius_cm", "region", NULL };
    if (!cJSON_IsArray(array) || cJSON_GetArraySize(array) > MAX_LANDMARKS) {
        gt_json_error(doc, path, "expected an array of up to %d landmarks, found %s", MAX_LANDMARKS,
                      gt_json_type_name(array));
        return false;
    }
    size_t count = (size_t)cJSON_GetArraySize(array);
    map->landmarks = gt_arena_array(arena, count, sizeof *map->landmarks);
    if (!map->landmarks) return false;
    bool ok = true;
    size_t i = 0;
    for (const cJSON *item = array->child; item; item = item->next, i++) {
        GtPath at = gt_path_index(path, i);
        GtLandmark *mark = &map->landmarks[i];
        mark->id = mark->name = "";
        ok = gt_json_check_keys(doc, item, &at, keys) && ok;
        ok = gt_json_id(doc, item, &at, "id", true, &mark->id) && ok;
        ok = gt_json_string(doc, item, &at, "name", true, 120, &mark->name) && ok;
        int kind = 0;
        ok = gt_json_enum(doc, item, &at, "kind", true, GT_LANDMARK_KIND_NAMES, GT_LANDMARK_KIND_COUNT, &kind) && ok;
        mark->kind = (GtLandmarkKind)kind;
        const cJSON *points = gt_json_member(doc, item, &at, "points", true);
        GtPath points_path = gt_path_key(&at, "points");
        ok = points && gt_json_points(doc, points, &points_path, 1, MAX_POLYGON_POINTS, COORD_LIMIT, arena,
                                      &mark->points) && ok;
        ok = gt_json_number(doc, item, &at, "radius_cm", true, 0.1, 50, &mark->radius_cm) && ok;
        const char *region = NULL;
        if (cJSON_GetObjectItemCaseSensitive(item, "region")) {
            if (gt_json_id(doc, item, &at, "region", false, &region)) mark->region = gt_arena_strdup(arena, region);
            else ok = false;
        }
        mark->id = gt_arena_strdup(arena, mark->id);
        mark->name = gt_arena_strdup(arena, mark->name);
        for (size_t k = 0; k < i; k++) {
            if (mark->id[0] && strcmp(map->landmarks[k].id, mark->id) == 0) {
                GtPath id_path = gt_path_key(&at, "id");
                gt_json_error(doc, &id_path, "landmark id \"%s\" is used twice; ids must be unique", mark->id);
                ok = false;
            }
        }
    }
    map->landmark_count = count;
    return ok;
}

/* Whether x lies inside a polygon whose crossings at its height are xs (n of them): an odd
 * number of them to its right (gt_polygon_row_crossings). */
static bool inside_row(const double *xs, size_t n, double x) {
    bool inside = false;
    for (size_t i = 0; i < n; i++)
        if (x < xs[i]) inside = !inside;
    return inside;
}

/* Area shared by two polygons, estimated on a GRID_CM grid over their common bounds: a grid point
 * counts when it lies in both (each row's crossings found once, not once per point). The bounds
 * are the polygons' own (gt_points_bounds). */
static double overlap_area(const GtPointList *a, const GtPointList *b, const GtPoint bounds_a[2],
                           const GtPoint bounds_b[2]) {
    GtPoint amin = bounds_a[0], amax = bounds_a[1], bmin = bounds_b[0], bmax = bounds_b[1];
    double x0 = fmax(amin.x, bmin.x), x1 = fmin(amax.x, bmax.x);
    double y0 = fmax(amin.y, bmin.y), y1 = fmin(amax.y, bmax.y);
    if (x0 >= x1 || y0 >= y1) return 0.0;
    double *xa = malloc((a->count + b->count) * sizeof *xa), *xb = xa ? xa + a->count : NULL;
    double area = 0.0;
    for (double y = y0 + GRID_CM / 2; y < y1; y += GRID_CM) {
        size_t na = xa ? gt_polygon_row_crossings(a, y, xa, a->count) : 0;
        size_t nb = xa ? gt_polygon_row_crossings(b, y, xb, b->count) : 0;
        for (double x = x0 + GRID_CM / 2; x < x1 && (!xa || (na && nb)); x += GRID_CM) {
            GtPoint p = { x, y };
            bool both = xa ? inside_row(xa, na, x) && inside_row(xb, nb, x)
                           : gt_polygon_contains(a, p) && gt_polygon_contains(b, p);
            if (both) area += GRID_CM * GRID_CM;
        }
    }
    free(xa);
    return area;
}

/* The geometric promises of a body map: regions on the body and apart, landmarks where
 * they say they are. Reports each broken promise at its JSON path. */
static bool check_consistency(GtJsonDoc *doc, const GtBodyMap *map) {
    bool ok = true;
    GtPath root = gt_path_root();
    GtPath regions_path = gt_path_key(&root, "regions");
    GtPath landmarks_path = gt_path_key(&root, "landmarks");
    GtPoint bounds[MAX_REGIONS][2]; /* each region's bounds and area, found once for every pair */
    double areas[MAX_REGIONS];
    for (size_t i = 0; i < map->region_count && i < MAX_REGIONS; i++) {
        bounds[i][0] = bounds[i][1] = (GtPoint){ 0.0, 0.0 };
        gt_points_bounds(&map->regions[i].polygon, &bounds[i][0], &bounds[i][1]);
        areas[i] = fabs(gt_polygon_signed_area(&map->regions[i].polygon));
    }
    for (size_t i = 0; i < map->region_count; i++) {
        const GtRegion *r = &map->regions[i];
        GtPath at = gt_path_index(&regions_path, i);
        GtPath poly_path = gt_path_key(&at, "polygon");
        for (size_t k = 0; k < r->polygon.count; k++) {
            GtPoint p = r->polygon.points[k];
            bool near_body = gt_bodymap_on_body(map, p);
            for (size_t s = 0; !near_body && s < map->silhouette_count; s++)
                near_body = gt_polygon_edge_distance(&map->silhouette[s], p) <= 0.3;
            if (!near_body) {
                GtPath point_path = gt_path_index(&poly_path, k);
                gt_json_error(doc, &point_path, "point [%.1f, %.1f] of region \"%s\" lies outside the body "
                              "silhouette; move it onto the body", p.x, p.y, r->id);
                ok = false;
                break;
            }
        }
        for (size_t j = 0; j < i; j++) {
            const GtRegion *o = &map->regions[j];
            double shared = overlap_area(&r->polygon, &o->polygon, bounds[i], bounds[j]);
            double smaller = fmin(areas[i], areas[j]);
            if (shared > OVERLAP_SHARE * smaller && shared > GRID_CM * GRID_CM) {
                gt_json_error(doc, &poly_path, "region \"%s\" overlaps region \"%s\" by about %.1f cm2; "
                              "regions may share edges but not area", r->id, o->id, shared);
                ok = false;
            }
        }
    }
    for (size_t i = 0; i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        GtPath at = gt_path_index(&landmarks_path, i);
        if (!m->region) continue;
        const GtRegion *r = gt_bodymap_region(map, m->region);
        GtPath region_path = gt_path_key(&at, "region");
        if (!r) {
            const char *ids[MAX_REGIONS];
            for (size_t k = 0; k < map->region_count; k++) ids[k] = map->regions[k].id;
            const char *guess = gt_suggest(m->region, ids, map->region_count);
            gt_json_error(doc, &region_path, "unknown region \"%s\"%s%s%s", m->region,
                          guess ? " (did you mean \"" : "", guess ? guess : "", guess ? "\"?)" : "");
            ok = false;
            continue;
        }
        for (size_t k = 0; k < m->points.count; k++) {
            if (!gt_polygon_contains(&r->polygon, m->points.points[k])) {
                GtPath points_path = gt_path_key(&at, "points");
                GtPath point_path = gt_path_index(&points_path, k);
                gt_json_error(doc, &point_path, "landmark \"%s\" should lie in region \"%s\" but "
                              "[%.1f, %.1f] is outside it", m->id, r->id, m->points.points[k].x,
                              m->points.points[k].y);
                ok = false;
            }
        }
    }
    return ok;
}

bool gt_load_bodymap(const char *file, const char *text, size_t length, GtArena *arena,
                     GtDiag *diag, GtBodyMap *out) {
    static const char *const keys[] = { "format", "version", "view", "width_cm", "height_cm", "art",
                                        "silhouette", "regions", "landmarks", NULL };
    memset(out, 0, sizeof *out);
    GtJsonDoc doc;
    if (!gt_json_doc_parse(&doc, file, text, length, "guidedtouch-bodymap", diag)) return false;
    GtPath root = gt_path_root();
    bool ok = gt_json_check_keys(&doc, doc.root, &root, keys);
    int view = 0;
    ok = gt_json_enum(&doc, doc.root, &root, "view", true, GT_VIEW_NAMES, GT_VIEW_COUNT, &view) && ok;
    out->view = (GtView)view;
    ok = gt_json_number(&doc, doc.root, &root, "width_cm", true, 10, 1000, &out->width_cm) && ok;
    ok = gt_json_number(&doc, doc.root, &root, "height_cm", true, 10, 1000, &out->height_cm) && ok;
    const char *art = NULL;
    ok = gt_json_string(&doc, doc.root, &root, "art", true, 200, &art) && ok;
    out->art_path = gt_arena_strdup(arena, art ? art : "");

    GtPath sil_path = gt_path_key(&root, "silhouette");
    const cJSON *sil = gt_json_member(&doc, doc.root, &root, "silhouette", true);
    if (sil && (!cJSON_IsArray(sil) || cJSON_GetArraySize(sil) < 1 || cJSON_GetArraySize(sil) > 20)) {
        gt_json_error(&doc, &sil_path, "expected an array of 1 to 20 polygons, found %s", gt_json_type_name(sil));
        ok = false;
    } else if (sil) {
        out->silhouette_count = (size_t)cJSON_GetArraySize(sil);
        out->silhouette = gt_arena_array(arena, out->silhouette_count, sizeof *out->silhouette);
        size_t i = 0;
        for (const cJSON *poly = sil->child; poly && out->silhouette; poly = poly->next, i++) {
            GtPath at = gt_path_index(&sil_path, i);
            bool poly_ok = gt_json_points(&doc, poly, &at, 3, MAX_POLYGON_POINTS, COORD_LIMIT, arena,
                                          &out->silhouette[i]);
            ok = poly_ok && check_simple(&doc, &out->silhouette[i], &at) && ok;
            if (poly_ok) index_polygon(arena, &out->silhouette[i]);
        }
    } else ok = false;

    GtPath regions_path = gt_path_key(&root, "regions");
    const cJSON *regions = gt_json_member(&doc, doc.root, &root, "regions", true);
    ok = regions && load_regions(&doc, regions, &regions_path, arena, out) && ok;
    GtPath landmarks_path = gt_path_key(&root, "landmarks");
    const cJSON *landmarks = gt_json_member(&doc, doc.root, &root, "landmarks", true);
    ok = landmarks && load_landmarks(&doc, landmarks, &landmarks_path, arena, out) && ok;

    if (ok) ok = check_consistency(&doc, out);
    if (arena->failed) {
        gt_json_error(&doc, &root, "out of memory while loading");
        ok = false;
    }
    ok = ok && doc.errors == 0;
    gt_json_doc_free(&doc);
    return ok;
}
