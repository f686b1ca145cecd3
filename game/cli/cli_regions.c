/* cli_regions: `guidedtouch regions`, the body map as an author needs it: every region and
 * landmark of a view with its name, a point well inside it and its extent, in centimetres. */
#include "cli.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch regions [--view posterior|anterior] [--json]\n"
    "\n"
    "Lists the body map's regions (where a lesson step is placed) and landmarks (places strokes\n"
    "go toward, and places to avoid or to keep off bone), in centimetres from the top-left of\n"
    "the view, y down. For a region: its id, its name, a point well inside it (a good place for a\n"
    "guide), its extent and, for a muscle, the fibre direction in degrees (0 = toward the\n"
    "viewer's right, 90 = down). With --json prints\n"
    "{\"views\":[{\"view\",\"width_cm\",\"height_cm\",\"regions\":[{\"id\",\"name\",\"inside_cm\":[x,y],\n"
    "  \"min_cm\":[x,y],\"max_cm\":[x,y],\"fibre_deg\"}],\"landmarks\":[{\"id\",\"name\",\"kind\",\n"
    "  \"points_cm\":[[x,y],...],\"radius_cm\",\"region\"}]}]}.\n"
    "`guidedtouch map --view V --out FILE.png` draws the same as a labelled picture.\n";

enum { INSIDE_GRID_CM_TENTHS = 5 }; /* the grid a region's inside point is searched on: 0.5 cm */

/* Adds [x, y] rounded to 0.1 cm to `parent` under `key` (or to the array when key is NULL). */
static void add_point(cJSON *parent, const char *key, GtPoint p) {
    cJSON *pair = cJSON_CreateArray();
    cJSON_AddItemToArray(pair, cJSON_CreateNumber(round(p.x * 10.0) / 10.0));
    cJSON_AddItemToArray(pair, cJSON_CreateNumber(round(p.y * 10.0) / 10.0));
    if (key) cJSON_AddItemToObject(parent, key, pair);
    else cJSON_AddItemToArray(parent, pair);
}

/* The region as one JSON object (see USAGE). */
static cJSON *region_json(const GtRegion *region) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "id", region->id);
    cJSON_AddStringToObject(item, "name", region->name);
    GtPoint min, max;
    gt_points_bounds(&region->polygon, &min, &max);
    add_point(item, "inside_cm", gt_polygon_inner_point(&region->polygon, INSIDE_GRID_CM_TENTHS / 10.0));
    add_point(item, "min_cm", min);
    add_point(item, "max_cm", max);
    if (region->has_fibre) cJSON_AddNumberToObject(item, "fibre_deg", region->fibre_deg);
    return item;
}

/* The landmark as one JSON object (see USAGE). */
static cJSON *landmark_json(const GtLandmark *landmark) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddStringToObject(item, "id", landmark->id);
    cJSON_AddStringToObject(item, "name", landmark->name);
    cJSON_AddStringToObject(item, "kind", gt_landmark_kind_name(landmark->kind));
    cJSON *points = cJSON_AddArrayToObject(item, "points_cm");
    for (size_t p = 0; p < landmark->points.count; p++) add_point(points, NULL, landmark->points.points[p]);
    cJSON_AddNumberToObject(item, "radius_cm", landmark->radius_cm);
    if (landmark->region) cJSON_AddStringToObject(item, "region", landmark->region);
    return item;
}

/* Prints the chosen views as JSON; false when out of memory. */
static bool print_json(const GtLibrary *library, int only_view) {
    cJSON *root = cJSON_CreateObject();
    cJSON *views = cJSON_AddArrayToObject(root, "views");
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(library, (GtView)v);
        if (!map || (only_view >= 0 && only_view != v)) continue;
        cJSON *view = cJSON_CreateObject();
        cJSON_AddItemToArray(views, view);
        cJSON_AddStringToObject(view, "view", gt_view_name((GtView)v));
        cJSON_AddNumberToObject(view, "width_cm", map->width_cm);
        cJSON_AddNumberToObject(view, "height_cm", map->height_cm);
        cJSON *regions = cJSON_AddArrayToObject(view, "regions");
        for (size_t r = 0; r < map->region_count; r++) cJSON_AddItemToArray(regions, region_json(&map->regions[r]));
        cJSON *landmarks = cJSON_AddArrayToObject(view, "landmarks");
        for (size_t l = 0; l < map->landmark_count; l++)
            cJSON_AddItemToArray(landmarks, landmark_json(&map->landmarks[l]));
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) return false;
    puts(text);
    free(text);
    return true;
}

/* Prints the chosen views as two readable tables each. */
static void print_text(const GtLibrary *library, int only_view) {
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(library, (GtView)v);
        if (!map || (only_view >= 0 && only_view != v)) continue;
        printf("%s view (%.0f x %.0f cm)\n  %-26s %-34s %-13s %-22s %s\n", gt_view_name((GtView)v), map->width_cm,
               map->height_cm, "region", "name", "inside (cm)", "extent x, y (cm)", "fibres");
        for (size_t r = 0; r < map->region_count; r++) {
            const GtRegion *region = &map->regions[r];
            GtPoint min, max, in = gt_polygon_inner_point(&region->polygon, INSIDE_GRID_CM_TENTHS / 10.0);
            gt_points_bounds(&region->polygon, &min, &max);
            char fibres[16] = "-";
            if (region->has_fibre) snprintf(fibres, sizeof fibres, "%.0f deg", region->fibre_deg);
            printf("  %-26s %-34s (%5.1f,%5.1f) %4.0f-%-4.0f %4.0f-%-7.0f %s\n", region->id, region->name, in.x, in.y,
                   min.x, max.x, min.y, max.y, fibres);
        }
        printf("  %-26s %-34s %-7s %s\n", "landmark", "name", "kind", "at (cm), radius");
        for (size_t l = 0; l < map->landmark_count; l++) {
            const GtLandmark *landmark = &map->landmarks[l];
            GtPoint at = landmark->points.points[0];
            printf("  %-26s %-34s %-7s (%.1f,%.1f)%s r %.1f cm\n", landmark->id, landmark->name,
                   gt_landmark_kind_name(landmark->kind), at.x, at.y, landmark->points.count > 1 ? " ..." : "",
                   landmark->radius_cm);
        }
        printf("\n");
    }
}

int gt_cli_regions(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    bool json = false;
    int only_view = -1;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) json = true;
        else if (strcmp(argv[i], "--view") == 0 && i + 1 < argc) {
            i++;
            for (int v = 0; v < GT_VIEW_COUNT; v++)
                if (strcmp(argv[i], gt_view_name((GtView)v)) == 0) only_view = v;
            if (only_view < 0) {
                fprintf(stderr, "guidedtouch regions: unknown view \"%s\"; the views are posterior and anterior\n",
                        argv[i]);
                return GT_EXIT_USAGE;
            }
        } else {
            fprintf(stderr, "guidedtouch regions: unknown argument \"%s\"\n\n%s", argv[i], USAGE);
            return GT_EXIT_USAGE;
        }
    }
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    int code = GT_EXIT_OK;
    if (!gt_library_view(&library, GT_VIEW_POSTERIOR) && !gt_library_view(&library, GT_VIEW_ANTERIOR)) {
        fprintf(stderr, "guidedtouch regions: the body maps in %s/assets/bodymap did not load; `guidedtouch "
                "validate` says why\n", place->data_dir);
        code = GT_EXIT_INVALID;
    } else if (json && !print_json(&library, only_view)) {
        fprintf(stderr, "guidedtouch: out of memory\n");
        code = GT_EXIT_USAGE;
    } else if (!json) print_text(&library, only_view);
    gt_library_free(&library);
    return code;
}
