#include "loaders.h"
#include "json_doc.h"
#include "suggest.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { MAX_STEPS = 30, MAX_GUIDE_POINTS = 64 };
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
        gt_json_error(doc, path, "unknown %s \"%s\"%s; run `guidedtouch list` to see the ones there are",
                      what, id, context);
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

/* Checks one point of a guide against the body, the region and the technique's no-go zones.
 * `between` says the point lies on the segment after the vertex `at` names, not on it.
 * Reports at `at`; returns false after the first problem with this point. */
static bool check_guide_point(GtJsonDoc *doc, const GtPath *at, GtPoint p, bool between, const GtBodyMap *map,
                              const GtRegion *region, const GtTechnique *t) {
    char where[96];
    snprintf(where, sizeof where, "[%.1f, %.1f]%s", p.x, p.y,
             between ? " (on the way from this point to the next)" : "");
    if (!gt_bodymap_on_body(map, p)) {
        gt_json_error(doc, at, "%s is off the body in the %s view; move the guide onto the body", where,
                      gt_view_name(map->view));
        return false;
    }
    if (region && !gt_polygon_contains(&region->polygon, p)) {
        double away = gt_polygon_edge_distance(&region->polygon, p);
        if (away > REGION_SLACK_CM) {
            gt_json_error(doc, at, "%s lies %.1f cm outside region \"%s\"; keep the guide on the region the "
                          "step names", where, away, region->id);
            return false;
        }
    }
    for (size_t i = 0; t && !between && i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        if (!gt_technique_avoids(t, m)) continue;
        double d = gt_landmark_distance(m, p);
        if (d < m->radius_cm) {
            gt_json_error(doc, at, "%s is on \"%s\" (%s), which %s must avoid; move the guide at least %.1f cm "
                          "further away", where, m->id, m->name, t->id, m->radius_cm - d);
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
        if (!gt_technique_avoids(t, m)) continue;
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
        if ((t->pattern == GT_PATTERN_GLIDE || t->pattern == GT_PATTERN_KNEAD) && point) {
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

static bool load_step(GtJsonDoc *doc, const cJSON *step, const GtPath *path, const GtReferences *refs,
                      GtArena *arena, GtStep *out) {
    static const char *const keys[] = { "technique", "view", "region", "guide", "repetitions", "duration_s",
                                        "toward", "pass_mark", "instruction", "hint", "demo", NULL };
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

bool gt_load_lesson(const char *file, const char *text, size_t length, const GtReferences *refs,
                    GtArena *arena, GtDiag *diag, GtLesson *out) {
    static const char *const keys[] = { "format", "version", "id", "title", "level", "condition",
                                        "duration_min", "summary", "steps", NULL };
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
