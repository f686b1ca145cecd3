#include "loaders.h"
#include "text_ranges.h"
#include "json_doc.h"
#include "load_cautions.h"
#include "suggest.h"
#include "gt_demo.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { MAX_STEPS = 30, MAX_GUIDE_POINTS = 64, MAX_SOURCES = 64, MAX_SOURCE_BYTES = 600 };
/* How far outside its region a guide point may stray, cm. */
static const double REGION_SLACK_CM = 2.0;
/* Spacing of the checks along a guide polyline, cm. */
static const double GUIDE_STEP_CM = 0.5;

static const char *dup(GtArena *arena, const char *text) {
    return text ? gt_arena_strdup(arena, text) : NULL;
}

/* Reports an unknown id with the closest known one. */
static void unknown_id(GtJsonDoc *doc, const GtPath *path, const char *what, const char *id,
                       const char *const *known, size_t count, const char *context) {
    const char *guess = gt_suggest(id, known, count);
    if (guess)
        gt_json_error(doc, path, "unknown %s \"%s\"%s (did you mean \"%s\"?)", what, id, context, guess);
    else
        gt_json_error(doc, path, "unknown %s \"%s\"%s; run `guidedtouch %s` to see the ones there are", what,
                      id, context, strcmp(what, "technique") == 0 ? "list" : "regions");
}

/* Whichever of keys a and b (both present in `object`) is written second. */
static const char *second_of(const cJSON *object, const char *a, const char *b) {
    for (const cJSON *item = object->child; item; item = item->next) {
        if (item->string && strcmp(item->string, a) == 0) return b;
        if (item->string && strcmp(item->string, b) == 0) return a;
    }
    return b;
}

static const GtTechnique *find_technique(const GtReferences *refs, const char *id) {
    for (size_t i = 0; refs && i < refs->technique_count; i++)
        if (strcmp(refs->techniques[i].id, id) == 0) return &refs->techniques[i];
    return NULL;
}

/* True when every point of the box from lo to hi is surely at least `radius` from the landmark:
 * the gap between the box and the landmark's bounds already is (with a hair for rounding), so
 * measuring the distance point by point could only find it far enough. */
static bool box_clear_of(const GtLandmark *m, GtPoint lo, GtPoint hi, double radius) {
    GtPoint min, max;
    if (!gt_points_bounds(&m->points, &min, &max)) return false;
    double gap_x = fmax(0.0, fmax(min.x - hi.x, lo.x - max.x)), gap_y = fmax(0.0, fmax(min.y - hi.y, lo.y - max.y));
    return hypot(gap_x, gap_y) > radius + 1e-6;
}

/* The point as a message names it: "[x, y]", and whether it lies between two vertices. */
static const char *point_words(char *where, size_t size, GtPoint p, bool between) {
    snprintf(where, size, "[%.1f, %.1f]%s", p.x, p.y, between ? " (on the way from this point to the next)" : "");
    return where;
}

/* Checks one point of a guide against the body, the region and the technique's no-go zones.
 * `between` says the point lies on the segment after the vertex `at` names, not on it.
 * Reports at `at`; returns false after the first problem with this point. */
static bool check_guide_point(GtJsonDoc *doc, const GtPath *at, GtPoint p, bool between, const GtBodyMap *map,
                              const GtRegion *region, const GtTechnique *t) {
    char where[96]; /* written out only for a message */
    if (!gt_bodymap_on_body(map, p)) {
        gt_json_error(doc, at, "%s is off the body in the %s view; move the guide onto the body",
                      point_words(where, sizeof where, p, between),
                      gt_view_name(map->view));
        return false;
    }
    if (region && !gt_polygon_contains(&region->polygon, p)) {
        double away = gt_polygon_edge_distance(&region->polygon, p);
        if (away > REGION_SLACK_CM) {
            gt_json_error(doc, at, "%s lies %.1f cm outside region \"%s\"; keep the guide on the region the "
                          "step names", point_words(where, sizeof where, p, between), away, region->id);
            return false;
        }
    }
    for (size_t i = 0; t && !between && i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        if (box_clear_of(m, p, p, m->radius_cm) || !gt_technique_avoids(t, m)) continue;
        double d = gt_landmark_distance(m, p);
        if (d < m->radius_cm) {
            gt_json_error(doc, at, "%s is on \"%s\" (%s), which %s must avoid; move the guide at least %.1f cm "
                          "further away", point_words(where, sizeof where, p, between), m->id, m->name, t->id, m->radius_cm - d);
            return false;
        }
    }
    return true;
}

/* Checks the segment from vertex `at` to the next, a to b, between its ends: on the body,
 * near the region, and clear of the technique's no-go zones (reported at the segment's
 * closest approach). Returns false after the first problem. */
static bool check_guide_segment(GtJsonDoc *doc, const GtPath *at, GtPoint a, GtPoint b, const GtBodyMap *map,
                                const GtRegion *region, const GtTechnique *t) {
    double length = hypot(b.x - a.x, b.y - a.y);
    if (!(length > 0.0)) return true;  /* a repeated point: its vertex was checked */
    for (double s = GUIDE_STEP_CM; s < length; s += GUIDE_STEP_CM) {
        GtPoint p = { a.x + (b.x - a.x) * s / length, a.y + (b.y - a.y) * s / length };
        if (!check_guide_point(doc, at, p, true, map, region, t)) return false;
    }
    for (size_t i = 0; t && i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        GtPoint lo = { fmin(a.x, b.x), fmin(a.y, b.y) }, hi = { fmax(a.x, b.x), fmax(a.y, b.y) };
        if (box_clear_of(m, lo, hi, m->radius_cm) || !gt_technique_avoids(t, m)) continue;
        double closest = m->radius_cm;
        GtPoint where = a;
        for (double s = 0.0; s <= length; s += GUIDE_STEP_CM / 5) {
            GtPoint p = { a.x + (b.x - a.x) * s / length, a.y + (b.y - a.y) * s / length };
            double d = gt_landmark_distance(m, p);
            if (d < closest) { closest = d; where = p; }
        }
        if (closest < m->radius_cm) {
            gt_json_error(doc, at, "the segment from this point to the next passes [%.1f, %.1f], %.1f cm from "
                          "\"%s\" (%s), which %s must avoid by %.1f cm; move the segment at least %.1f cm further "
                          "away", where.x, where.y, closest, m->id, m->name, t->id, m->radius_cm,
                          m->radius_cm - closest);
            return false;
        }
    }
    return true;
}

static bool load_guide(GtJsonDoc *doc, const cJSON *step, const GtPath *path, GtArena *arena,
                       const GtTechnique *t, const GtBodyMap *map, const GtRegion *region, GtStep *out) {
    static const char *const keys[] = { "polyline", "point", NULL };
    GtPath at = gt_path_key(path, "guide");
    const cJSON *guide = gt_json_member(doc, step, path, "guide", true);
    if (!guide || !gt_json_check_keys(doc, guide, &at, keys)) return false;
    const cJSON *line = cJSON_GetObjectItemCaseSensitive(guide, "polyline");
    const cJSON *point = cJSON_GetObjectItemCaseSensitive(guide, "point");
    if (line && point) {
        GtPath second = gt_path_key(&at, second_of(guide, "polyline", "point"));
        gt_json_error_at_key(doc, &second, "give either \"polyline\" (a path to trace) or \"point\" (a spot), "
                             "not both; remove one");
        return false;
    }
    if (!line && !point) {
        if (!gt_json_typo_reported(doc, guide, "polyline") && !gt_json_typo_reported(doc, guide, "point"))
            gt_json_error(doc, &at, "missing required key \"polyline\" (a path to trace) or \"point\" (a spot)");
        return false;
    }
    GtPath shape_path = gt_path_key(&at, line ? "polyline" : "point");
    if (line) {
        if (!gt_json_points(doc, line, &shape_path, 2, MAX_GUIDE_POINTS, 1000, arena, &out->guide)) return false;
    } else {
        GtPoint *p = gt_arena_alloc(arena, sizeof *p);
        if (!p || !gt_json_point(doc, point, &shape_path, 1000, p)) return false;
        out->guide.points = p;
        out->guide.count = 1;
        out->guide_is_point = true;
    }
    if (t) {
        if (t->pattern == GT_PATTERN_HOLD && line) {
            gt_json_error(doc, &shape_path, "%s is a hold: give the spot as \"point\": [x_cm, y_cm]", t->id);
            return false;
        }
        if ((t->pattern == GT_PATTERN_GLIDE || t->pattern == GT_PATTERN_KNEAD || t->pattern == GT_PATTERN_ROLL) &&
            point) {
            gt_json_error(doc, &shape_path, "%s moves along a path: give it as \"polyline\": [[x, y], ...]", t->id);
            return false;
        }
        if (line && gt_polyline_length(&out->guide) < 1.0) {
            gt_json_error(doc, &shape_path, "the polyline is only %.1f cm long; make it at least 1 cm or use "
                          "\"point\"", gt_polyline_length(&out->guide));
            return false;
        }
    }
    if (!map) return true;
    for (size_t i = 0; i < out->guide.count; i++) {
        GtPath point_path = line ? gt_path_index(&shape_path, i) : shape_path;
        if (!check_guide_point(doc, &point_path, out->guide.points[i], false, map, region, t)) return false;
    }
    /* between the vertices too, so a segment cannot cut across the kidney area */
    for (size_t i = 0; line && i + 1 < out->guide.count; i++) {
        GtPath point_path = gt_path_index(&shape_path, i);
        if (!check_guide_segment(doc, &point_path, out->guide.points[i], out->guide.points[i + 1], map, region, t))
            return false;
    }
    return true;
}

/* ---- a step may narrow its technique's bands ---- */

/* One band a step may narrow: its key, what it measures, how a value reads, the limits any file
 * takes (as for the technique's own key), and why a technique may have no such band. */
typedef struct StepBand {
    const char *key;
    const char *noun;       /* "pressure", "speed", ... */
    const char *format;     /* how one value reads, with %s for the number: "level %s", "%s cm/s" */
    double lo, hi;          /* limits in the key's unit */
    const char *why_absent; /* why a technique may lack it */
} StepBand;

/* The bands a step may narrow, indexing STEP_BANDS. */
enum { BAND_PRESSURE, BAND_SPEED, BAND_TEMPO_PER_MIN, BAND_TEMPO_HZ, BAND_HOLD, STEP_BAND_COUNT };

static const StepBand STEP_BANDS[STEP_BAND_COUNT] = {
    { "pressure_level", "pressure", "level %s", 0, 10, "" },
    { "speed_cm_s", "speed", "%s cm/s", 0.01, 100, "only glides and rolls are scored on speed" },
    { "tempo_per_min", "tempo", "%s per minute", 1, 1800, "only repeated movements have a tempo" },
    { "tempo_hz", "tempo", "%s Hz", 0.01, 30, "only repeated movements have a tempo" },
    { "hold_s", "hold", "%s s", 0.5, 1800, "only holds are scored on holding time" },
};

/* The technique's band that STEP_BANDS[k] narrows, in the technique's storage unit (tempo per
 * minute), with the factor from the key's unit to that one; NULL when the technique has none. */
static GtRange *technique_band(GtTechnique *t, size_t k, double *per_key_unit) {
    *per_key_unit = 1.0;
    switch (k) {
    case BAND_PRESSURE: return &t->pressure_level;
    case BAND_SPEED: return t->has_speed ? &t->speed_cm_s : NULL;
    case BAND_TEMPO_PER_MIN: return t->has_tempo && !t->tempo_in_hz ? &t->tempo_per_min : NULL;
    case BAND_TEMPO_HZ: *per_key_unit = 60.0; return t->has_tempo && t->tempo_in_hz ? &t->tempo_per_min : NULL;
    default: return t->has_hold ? &t->hold_s : NULL;
    }
}

/* Writes a value of STEP_BANDS[k] the way the author reads it ("level 2", "3 cm/s"). */
static void band_value(size_t k, double value, char *buffer, size_t size) {
    char number[32];
    snprintf(number, sizeof number, "%.10g", value);
    snprintf(buffer, size, STEP_BANDS[k].format, number);
}

/* Writes a band of STEP_BANDS[k] the way the author reads it ("level 2-5", "1-10 cm/s"). */
static void band_text(size_t k, GtRange band, char *buffer, size_t size) {
    char range[64];
    snprintf(range, sizeof range, "%.10g-%.10g", band.min, band.max);
    snprintf(buffer, size, STEP_BANDS[k].format, range);
}

/* Reports a band key `r` the technique has no band for, with the key it may mean instead. */
static void report_absent_band(GtJsonDoc *doc, const GtPath *at, size_t k, const GtTechnique *t, GtRange r) {
    if (t->has_tempo && (k == BAND_TEMPO_PER_MIN || k == BAND_TEMPO_HZ)) {
        double scale = k == BAND_TEMPO_HZ ? 60.0 : 1.0 / 60.0;
        gt_json_error_at_key(doc, at, "%s states its tempo %s; write \"%s\": {\"min\": %.4g, \"max\": %.4g} "
                             "instead", t->id, t->tempo_in_hz ? "in Hz" : "per minute",
                             t->tempo_in_hz ? "tempo_hz" : "tempo_per_min", r.min * scale, r.max * scale);
        return;
    }
    gt_json_error_at_key(doc, at, "%s has no %s band to narrow (%s; it is a %s technique); remove \"%s\"", t->id,
                         STEP_BANDS[k].noun, STEP_BANDS[k].why_absent, gt_pattern_name(t->pattern),
                         STEP_BANDS[k].key);
}

/* Checks that a step's band `r` (in the key's unit) lies inside the technique's `own` band and
 * reports each edge that does not at steps[N].<key>.min or .max, naming the technique's band. */
static bool band_inside(GtJsonDoc *doc, const GtPath *at, size_t k, const GtTechnique *t, GtRange r,
                        GtRange own) {
    double slack = 1e-9 * (fabs(own.max) + 1.0);
    char value[64], band[64], edge[64];
    band_text(k, own, band, sizeof band);
    bool ok = true;
    if (r.min < own.min - slack) {
        GtPath min_path = gt_path_key(at, "min");
        band_value(k, r.min, value, sizeof value);
        band_value(k, own.min, edge, sizeof edge);
        gt_json_error(doc, &min_path, "%s is below %s's band, %s; a step can only narrow its technique's band, "
                      "so use a min of %s or more", value, t->id, band, edge);
        ok = false;
    }
    if (r.max > own.max + slack) {
        GtPath max_path = gt_path_key(at, "max");
        band_value(k, r.max, value, sizeof value);
        band_value(k, own.max, edge, sizeof edge);
        gt_json_error(doc, &max_path, "%s is above %s's band, %s; a step can only narrow its technique's band, "
                      "so use a max of %s or less", value, t->id, band, edge);
        ok = false;
    }
    return ok;
}

/* Reads the bands a step narrows (pressure_level, speed_cm_s, tempo_per_min or tempo_hz, hold_s).
 * Each must be a band the technique has and lie inside it. When the step narrows any, the step
 * gets its own copy of the technique (same id, same everything else) in `arena` with the
 * narrowed bands, so scoring, demonstrations and the trainer all use them; a step that narrows
 * nothing keeps the shared technique. With an unknown technique only the shapes are checked.
 * False after reporting. */
static bool load_step_bands(GtJsonDoc *doc, const cJSON *step, const GtPath *path, GtArena *arena,
                            GtStep *out) {
    const GtTechnique *t = out->technique;
    GtTechnique narrowed;
    if (t) narrowed = *t;
    bool ok = true, any = false;
    for (size_t k = 0; k < STEP_BAND_COUNT; k++) {
        if (!cJSON_GetObjectItemCaseSensitive(step, STEP_BANDS[k].key)) continue;
        GtPath at = gt_path_key(path, STEP_BANDS[k].key);
        GtRange r;
        if (!gt_json_range(doc, step, path, STEP_BANDS[k].key, true, STEP_BANDS[k].lo, STEP_BANDS[k].hi, &r)) {
            ok = false;
            continue;
        }
        if (!t) continue;
        double scale;
        GtRange *slot = technique_band(&narrowed, k, &scale);
        if (!slot) {
            report_absent_band(doc, &at, k, t, r);
            ok = false;
            continue;
        }
        GtRange own = { slot->min / scale, slot->max / scale };
        if (!band_inside(doc, &at, k, t, r, own)) { ok = false; continue; }
        slot->min = r.min * scale;
        slot->max = r.max * scale;
        any = true;
    }
    if (ok && any) {
        GtTechnique *copy = gt_arena_alloc(arena, sizeof *copy);
        if (!copy) return false;
        *copy = narrowed;
        out->technique = copy;
    }
    return ok;
}

static bool load_step(GtJsonDoc *doc, const cJSON *step, const GtPath *path, const GtReferences *refs,
                      GtArena *arena, GtStep *out) {
    static const char *const keys[] = { "technique", "view", "region", "guide", "repetitions", "duration_s",
                                        "toward", "pressure_level", "speed_cm_s", "tempo_per_min", "tempo_hz",
                                        "hold_s", "pass_mark", "instruction", "hint", "demo", NULL };
    bool ok = gt_json_check_keys(doc, step, path, keys);
    if (!cJSON_IsObject(step)) return false;
    const char *technique_id = NULL, *region_id = NULL, *toward = NULL, *text = NULL;
    const GtTechnique *t = NULL;
    if (gt_json_id(doc, step, path, "technique", true, &technique_id)) {
        out->technique_id = dup(arena, technique_id);
        t = find_technique(refs, technique_id);
        if (!t && refs && refs->technique_count) {
            const char *ids[256];
            size_t n = refs->technique_count < 256 ? refs->technique_count : 256;
            for (size_t i = 0; i < n; i++) ids[i] = refs->techniques[i].id;
            GtPath at = gt_path_key(path, "technique");
            unknown_id(doc, &at, "technique", technique_id, ids, n, "");
            ok = false;
        }
        out->technique = t;
    } else ok = false;
    int view = 0;
    bool view_ok = gt_json_enum(doc, step, path, "view", true, GT_VIEW_NAMES, GT_VIEW_COUNT, &view);
    out->view = (GtView)view;
    const GtBodyMap *map = view_ok && refs ? refs->views[view] : NULL;
    const GtRegion *region = NULL;
    if (gt_json_id(doc, step, path, "region", true, &region_id)) {
        out->region = dup(arena, region_id);
        region = gt_bodymap_region(map, region_id);
        if (map && !region) {
            const char *ids[256];
            size_t n = map->region_count < 256 ? map->region_count : 256;
            for (size_t i = 0; i < n; i++) ids[i] = map->regions[i].id;
            GtPath at = gt_path_key(path, "region");
            char context[64];
            snprintf(context, sizeof context, " in the %s view", gt_view_name(out->view));
            unknown_id(doc, &at, "region", region_id, ids, n, context);
            ok = false;
        }
    } else ok = false;
    ok = view_ok && load_guide(doc, step, path, arena, t, map, region, out) && ok;

    bool has_reps = cJSON_GetObjectItemCaseSensitive(step, "repetitions") != NULL;
    bool has_duration = cJSON_GetObjectItemCaseSensitive(step, "duration_s") != NULL;
    if (has_reps && has_duration) {
        GtPath at = gt_path_key(path, second_of(step, "repetitions", "duration_s"));
        gt_json_error_at_key(doc, &at, "give either \"repetitions\" or \"duration_s\", not both; remove one");
        ok = false;
    } else if (!has_reps && !has_duration) {
        if (!gt_json_typo_reported(doc, step, "repetitions") && !gt_json_typo_reported(doc, step, "duration_s"))
            gt_json_error(doc, path, "missing required key \"repetitions\" (or \"duration_s\"): say how many "
                          "strokes, cycles or holds, or how long");
        ok = false;
    } else if (has_reps) {
        long reps = 0;
        ok = gt_json_integer(doc, step, path, "repetitions", true, 1, 200, &reps) && ok;
        out->repetitions = (int)reps;
    } else ok = gt_json_number(doc, step, path, "duration_s", true, 1, 600, &out->duration_s) && ok;

    if (cJSON_GetObjectItemCaseSensitive(step, "toward")) {
        if (gt_json_id(doc, step, path, "toward", false, &toward)) {
            out->toward = dup(arena, toward);
            GtPath at = gt_path_key(path, "toward");
            if (t && t->direction != GT_DIRECTION_TOWARD_LANDMARK) {
                gt_json_error(doc, &at, "%s does not head toward a landmark (its direction rule is not "
                              "toward-landmark); remove \"toward\"", t->id);
                ok = false;
            } else if (map && !gt_bodymap_landmark(map, toward)) {
                const char *ids[256];
                size_t n = map->landmark_count < 256 ? map->landmark_count : 256;
                for (size_t i = 0; i < n; i++) ids[i] = map->landmarks[i].id;
                char context[64];
                snprintf(context, sizeof context, " in the %s view", gt_view_name(out->view));
                unknown_id(doc, &at, "landmark", toward, ids, n, context);
                ok = false;
            }
        } else ok = false;
    } else if (t && map && t->direction == GT_DIRECTION_TOWARD_LANDMARK &&
               !gt_bodymap_landmark(map, t->toward_landmark)) {
        gt_json_error(doc, path, "%s heads toward a landmark, but %s; add \"toward\": \"<landmark id>\"", t->id,
                      t->toward_landmark ? "the technique's landmark is not in this view" : "none is named");
        ok = false;
    }
    if (t && region && t->direction == GT_DIRECTION_ACROSS_FIBRES && !region->has_fibre) {
        GtPath at = gt_path_key(path, "region");
        gt_json_error(doc, &at, "%s works across the muscle fibres, but region \"%s\" has no fibre direction; "
                      "choose a muscle region", t->id, region->id);
        ok = false;
    }
    ok = load_step_bands(doc, step, path, arena, out) && ok;
    ok = gt_json_number(doc, step, path, "pass_mark", true, 1, 100, &out->pass_mark) && ok;
    if (gt_json_string(doc, step, path, "instruction", true, 600, &text)) out->instruction = dup(arena, text);
    else ok = false;
    if (gt_json_string(doc, step, path, "hint", true, 600, &text)) out->hint = dup(arena, text);
    else ok = false;
    if (cJSON_GetObjectItemCaseSensitive(step, "demo")) {
        if (gt_json_string(doc, step, path, "demo", false, 400, &text)) out->demo_path = dup(arena, text);
        else ok = false;
    }
    return ok;
}

/* Reads the optional member "sources": 1 to MAX_SOURCES non-empty strings of at most
 * MAX_SOURCE_BYTES bytes of text that can be shown (gt_json_check_text), copied into the arena. Leaves *out NULL and *count 0 when the member is
 * absent; returns false after a located error, keeping the strings that read cleanly. */
static bool load_sources(GtJsonDoc *doc, const cJSON *root, const GtPath *path, GtArena *arena,
                         const char *const **out, size_t *count) {
    *out = NULL;
    *count = 0;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(root, "sources");
    if (!list) return true;
    GtPath at = gt_path_key(path, "sources");
    int n = cJSON_IsArray(list) ? cJSON_GetArraySize(list) : -1;
    if (n < 1 || n > MAX_SOURCES) {
        char found[32];
        snprintf(found, sizeof found, "%d strings", n);
        gt_json_error(doc, &at, "expected an array of 1 to %d citations (strings), found %s", MAX_SOURCES,
                      n >= 0 ? found : gt_json_type_name(list));
        return false;
    }
    const char **sources = gt_arena_array(arena, (size_t)n, sizeof *sources);
    if (!sources) return false;
    bool ok = true;
    size_t kept = 0, i = 0;
    for (const cJSON *item = list->child; item; item = item->next, i++) {
        GtPath item_path = gt_path_index(&at, i);
        const char *value = cJSON_IsString(item) ? item->valuestring : NULL;
        if (!value || !value[0]) {
            gt_json_error(doc, &item_path, "expected a citation (a non-empty string), found %s",
                          value ? "an empty string" : gt_json_type_name(item));
            ok = false;
        } else if (strlen(value) > MAX_SOURCE_BYTES) {
            gt_json_error(doc, &item_path, "a citation is at most %d bytes, found %zu; split it in two",
                          MAX_SOURCE_BYTES, strlen(value));
            ok = false;
        } else if (!gt_json_check_text(doc, &item_path, value)) {
            ok = false;
        } else sources[kept++] = dup(arena, value);
    }
    *out = sources;
    *count = kept;
    return ok;
}

bool gt_load_lesson(const char *file, const char *text, size_t length, const GtReferences *refs,
                    GtArena *arena, GtDiag *diag, GtLesson *out) {
    static const char *const keys[] = { "format", "version", "id", "title", "level", "condition",
                                        "duration_min", "summary", "cautions", "sources", "steps", NULL };
    memset(out, 0, sizeof *out);
    out->id = out->title = out->summary = out->condition = "";
    out->file = dup(arena, file);
    GtJsonDoc doc;
    if (!gt_json_doc_parse(&doc, file, text, length, "guidedtouch-lesson", diag)) return false;
    GtPath root = gt_path_root();
    const cJSON *r = doc.root;
    bool ok = gt_json_check_keys(&doc, r, &root, keys);
    const char *value = NULL;
    if (gt_json_id(&doc, r, &root, "id", true, &value)) out->id = dup(arena, value); else ok = false;
    if (gt_json_string(&doc, r, &root, "title", true, 80, &value)) out->title = dup(arena, value); else ok = false;
    if (gt_json_string(&doc, r, &root, "condition", true, 120, &value)) out->condition = dup(arena, value); else ok = false;
    if (gt_json_string(&doc, r, &root, "summary", true, 600, &value)) out->summary = dup(arena, value); else ok = false;
    int level = 0;
    ok = gt_json_enum(&doc, r, &root, "level", true, GT_LEVEL_NAMES, GT_LEVEL_COUNT, &level) && ok;
    out->level = (GtLevel)level;
    ok = gt_json_number(&doc, r, &root, "duration_min", true, 1, 120, &out->duration_min) && ok;
    ok = gt_load_cautions(&doc, r, &root, arena, &out->cautions, &out->caution_count) && ok;
    ok = load_sources(&doc, r, &root, arena, &out->sources, &out->source_count) && ok;

    GtPath steps_path = gt_path_key(&root, "steps");
    const cJSON *steps = gt_json_member(&doc, r, &root, "steps", true);
    if (steps && (!cJSON_IsArray(steps) || cJSON_GetArraySize(steps) < 1 || cJSON_GetArraySize(steps) > MAX_STEPS)) {
        char found[32];
        snprintf(found, sizeof found, "%d steps", cJSON_GetArraySize(steps));
        gt_json_error(&doc, &steps_path, "expected an array of 1 to %d steps, found %s", MAX_STEPS,
                      cJSON_IsArray(steps) ? found : gt_json_type_name(steps));
        ok = false;
    } else if (steps) {
        out->step_count = (size_t)cJSON_GetArraySize(steps);
        out->steps = gt_arena_array(arena, out->step_count, sizeof *out->steps);
        size_t i = 0;
        for (const cJSON *step = steps->child; step && out->steps; step = step->next, i++) {
            GtPath at = gt_path_index(&steps_path, i);
            ok = load_step(&doc, step, &at, refs, arena, &out->steps[i]) && ok;
        }
    } else ok = false;
    if (arena->failed) {
        gt_json_error(&doc, &root, "out of memory while loading");
        ok = false;
    }
    ok = ok && doc.errors == 0;
    gt_json_doc_free(&doc);
    return ok;
}

/* ---- instruction and hint texts that name another band than the step is scored on ---- */

/* The band of the step that a quantity is scored against (tempo per minute), with the key that
 * narrows it and the technique's own band; false when the step is not scored on it. */
static bool scored_band(const GtStep *step, const GtTechnique *own, GtTextQuantity q, GtRange *band, GtRange *own_band,
                        size_t *key) {
    const GtTechnique *t = step->technique;
    switch (q) {
    case GT_TEXT_LEVEL: *band = t->pressure_level; *own_band = own->pressure_level; *key = BAND_PRESSURE; return true;
    case GT_TEXT_SPEED: *band = t->speed_cm_s; *own_band = own->speed_cm_s; *key = BAND_SPEED; return t->has_speed;
    case GT_TEXT_TEMPO:
        *band = t->tempo_per_min;
        *own_band = own->tempo_per_min;
        *key = t->tempo_in_hz ? BAND_TEMPO_HZ : BAND_TEMPO_PER_MIN;
        return t->has_tempo;
    default: *band = t->hold_s; *own_band = own->hold_s; *key = BAND_HOLD; return t->has_hold;
    }
}

/* Writes the warning for a text range that differs from the step's band, with the fix. */
static void warn_range(GtJsonDoc *doc, const GtPath *at, const GtTextRange *r, size_t key, GtRange band,
                       GtRange own, const char *technique_id, size_t text_bytes) {
    double scale = key == BAND_TEMPO_HZ ? 60.0 : 1.0;
    GtRange said = { r->lo / scale, r->hi / scale }, scored = { band.min / scale, band.max / scale };
    char scored_text[64], fix[160];
    band_text(key, scored, scored_text, sizeof scored_text);
    double slack = 1e-9 * (fabs(own.max) + 1.0);
    if (r->lo >= own.min - slack && r->hi <= own.max + slack)
        snprintf(fix, sizeof fix, "say %s, or narrow the step with \"%s\": {\"min\": %.10g, \"max\": %.10g}",
                 scored_text, STEP_BANDS[key].key, said.min, said.max);
    else
        snprintf(fix, sizeof fix, "say %s (a step can narrow %s's band but not go beyond it)", scored_text,
                 technique_id);
    int line, column;
    gt_json_locate_in_string(doc, at, r->start < text_bytes ? r->start : 0, &line, &column);
    gt_diag_add(doc->diag, doc->file, line, column, at->text, "warning: the text says \"%s\", but this step is "
                "scored on %s; %s", r->phrase, scored_text, fix);
}

/* Warns about every range in one text of a step that differs from the band it is scored on. */
static size_t lint_text(GtJsonDoc *doc, const GtPath *at, const char *text, const GtStep *step,
                        const GtTechnique *own) {
    size_t warned = 0, from = 0;
    GtTextRange r;
    while (text && gt_text_next_range(text, &from, &r)) {
        GtRange band, own_band;
        size_t key;
        if (!scored_band(step, own, r.quantity, &band, &own_band, &key)) continue;
        double slack = 1e-9 * (fabs(band.max) + 1.0);
        if (fabs(r.lo - band.min) <= slack && fabs(r.hi - band.max) <= slack) continue;
        warn_range(doc, at, &r, key, band, own_band, step->technique->id, strlen(text));
        warned++;
    }
    return warned;
}

/* Warns when the lesson lists no cautions of its own: at its "cautions" key when the list is
 * empty, else at the top of the file, with what to add. Returns how many warnings it added. */
static size_t lint_cautions(GtJsonDoc *doc, const GtLesson *lesson) {
    if (lesson->caution_count > 0) return 0;
    GtPath root = gt_path_root();
    GtPath at = gt_path_key(&root, "cautions");
    if (!doc->text || !strstr(doc->text, "\"cautions\"")) at = root; /* no key: the whole lesson */
    int line, column;
    gt_json_locate(doc, &at, true, &line, &column);
    gt_diag_add(doc->diag, doc->file, line, column, at.text, "warning: the lesson lists no cautions; students "
                "read them before the first step, so add \"cautions\": [{\"text\": \"...\", \"kind\": "
                "\"red-flag\", \"contraindication\" or \"advice\", \"source\": \"...\"}] with the "
                "condition's red flags and contraindications (see docs/authoring.md)");
    return 1;
}

/* Warns when a roll step's guide is too long or too short for its bands: rolled end to end at
 * the middle of the tempo band, it would ask for a speed outside the speed band, so neither the
 * demonstration nor a student could keep both. Says which guide lengths fit. Returns 0 or 1. */
static size_t lint_roll_guide(GtJsonDoc *doc, const GtPath *step_path, const GtStep *step) {
    double speed = gt_demo_roll_speed_cm_s(step);
    const GtTechnique *t = step->technique;
    if (!(speed > 0.0) || (speed >= t->speed_cm_s.min && speed <= t->speed_cm_s.max)) return 0;
    double tempo = gt_band_geometric_mid(t->tempo_per_min), length = gt_polyline_length(&step->guide);
    double per_speed = length / speed;   /* cm of guide per cm/s of speed at that tempo */
    GtPath guide = gt_path_key(step_path, "guide");
    int line, column;
    gt_json_locate(doc, &guide, true, &line, &column);
    gt_diag_add(doc->diag, doc->file, line, column, guide.text, "warning: rolled end to end at %.0f passes a "
                "minute (the middle of %s's tempo band), this %.1f cm guide asks for about %.1f cm/s, outside "
                "the %g-%g cm/s speed band; make it %.1f-%.1f cm long", tempo, t->id, length, speed,
                t->speed_cm_s.min, t->speed_cm_s.max, per_speed * t->speed_cm_s.min, per_speed * t->speed_cm_s.max);
    return 1;
}

size_t gt_lint_lesson(const GtLesson *lesson, const GtReferences *refs, const char *text, size_t length,
                      GtDiag *warnings) {
    GtJsonDoc doc;
    memset(&doc, 0, sizeof doc);
    doc.file = lesson->file;
    doc.text = text;
    doc.length = length;
    doc.diag = warnings;
    GtPath root = gt_path_root();
    GtPath steps = gt_path_key(&root, "steps");
    size_t warned = lint_cautions(&doc, lesson);
    for (size_t i = 0; i < lesson->step_count; i++) {
        const GtStep *step = &lesson->steps[i];
        const GtTechnique *own = step->technique ? find_technique(refs, step->technique->id) : NULL;
        if (!own) own = step->technique;
        if (!own) continue;
        GtPath step_path = gt_path_index(&steps, i);
        GtPath instruction = gt_path_key(&step_path, "instruction");
        GtPath hint = gt_path_key(&step_path, "hint");
        warned += lint_text(&doc, &instruction, step->instruction, step, own);
        warned += lint_text(&doc, &hint, step->hint, step, own);
        warned += lint_roll_guide(&doc, &step_path, step);
    }
    return warned;
}
