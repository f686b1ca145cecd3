#include "loaders.h"
#include "json_doc.h"
#include "load_cautions.h"
#include "suggest.h"

#include <stdio.h>
#include <string.h>

static const char *const TURNINGS[] = { "either", "clockwise", "counterclockwise" };

/* One tolerance key: its name, the criterion it belongs to, its range and where it lives. */
typedef struct ToleranceKey {
    const char *name;
    GtCriterion criterion;
    double min, max;
    size_t offset;
} ToleranceKey;

static const ToleranceKey TOLERANCE_KEYS[] = {
    { "path_cm", GT_CRITERION_PATH, 0.05, 20, offsetof(GtTolerance, path_cm) },
    { "direction_pct", GT_CRITERION_DIRECTION, 1, 100, offsetof(GtTolerance, direction_pct) },
    { "pressure_level", GT_CRITERION_PRESSURE, 0.05, 10, offsetof(GtTolerance, pressure_level) },
    { "speed_ratio", GT_CRITERION_SPEED, 1.01, 10, offsetof(GtTolerance, speed_ratio) },
    { "tempo_ratio", GT_CRITERION_RHYTHM, 1.01, 10, offsetof(GtTolerance, tempo_ratio) },
    { "regularity_cv", GT_CRITERION_RHYTHM, 0.01, 2, offsetof(GtTolerance, regularity_cv) },
    { "lifts", GT_CRITERION_CONTINUITY, 0.1, 10, offsetof(GtTolerance, lifts) },
    { "hold_s", GT_CRITERION_HOLD, 0.1, 600, offsetof(GtTolerance, hold_s) },
    { "drift_cm", GT_CRITERION_HOLD, 0.05, 20, offsetof(GtTolerance, drift_cm) },
};
enum { TOLERANCE_KEY_COUNT = sizeof TOLERANCE_KEYS / sizeof TOLERANCE_KEYS[0] };

static bool applies(const GtTechnique *t, GtCriterion c) {
    return gt_technique_criterion_applies(t->pattern, t->direction, t->has_speed, t->has_tempo, t->has_hold, c);
}

/* Reports a key present for a pattern that has no use for it. */
static bool reject_key(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                       const char *why) {
    if (!cJSON_GetObjectItemCaseSensitive(object, key)) return true;
    GtPath at = gt_path_key(path, key);
    gt_json_error_at_key(doc, &at, "\"%s\" does not apply here: %s; remove it", key, why);
    return false;
}

/* Reads direction.reversal_fails: whether a reversed glide fails the attempt. Defaults to true for
 * toward-landmark (toward the nodes, the heart: the direction is the point) and false otherwise;
 * only a rule with a way to go (along-guide, toward-landmark) can be reversed, so any other rule
 * reports the key. False after reporting. */
static bool load_reversal(GtJsonDoc *doc, const cJSON *dir, const GtPath *at, GtTechnique *t) {
    t->reversal_fails = t->direction == GT_DIRECTION_TOWARD_LANDMARK;
    if (t->direction != GT_DIRECTION_ALONG_GUIDE && t->direction != GT_DIRECTION_TOWARD_LANDMARK)
        return reject_key(doc, dir, at, "reversal_fails", "only the \"along-guide\" and \"toward-landmark\" "
                          "rules have a way to go that a stroke could reverse");
    if (!cJSON_GetObjectItemCaseSensitive(dir, "reversal_fails")) return true;
    return gt_json_bool(doc, dir, at, "reversal_fails", false, &t->reversal_fails);
}

/* A roll is judged on straight passes either way ("back-and-forth") or not at all ("none"), and
 * only a roll has passes to be straight. Reports a rule that does not fit; false after reporting. */
static bool check_rule_fits_pattern(GtJsonDoc *doc, const GtPath *at, const GtTechnique *t) {
    bool roll = t->pattern == GT_PATTERN_ROLL, back_and_forth = t->direction == GT_DIRECTION_BACK_AND_FORTH;
    if (back_and_forth == roll || (roll && t->direction == GT_DIRECTION_NONE)) return true;
    GtPath rule = gt_path_key(at, "rule");
    if (roll)
        gt_json_error(doc, &rule, "a roll goes back and forth along the guide: use the rule \"back-and-forth\" "
                      "(or \"none\"), not \"%s\"", gt_direction_name(t->direction));
    else
        gt_json_error(doc, &rule, "\"back-and-forth\" judges the straight passes of a roll; a %s technique "
                      "takes another rule", gt_pattern_name(t->pattern));
    return false;
}

static bool load_direction(GtJsonDoc *doc, const cJSON *root, const GtPath *path, const GtReferences *refs,
                           GtTechnique *t) {
    static const char *const keys[] = { "rule", "landmark", "turning", "reversal_fails", NULL };
    GtPath at = gt_path_key(path, "direction");
    const cJSON *dir = gt_json_member(doc, root, path, "direction", true);
    if (!dir || !gt_json_check_keys(doc, dir, &at, keys)) return false;
    int rule = 0;
    if (!gt_json_enum(doc, dir, &at, "rule", true, GT_DIRECTION_NAMES, GT_DIRECTION_COUNT, &rule)) return false;
    t->direction = (GtDirectionRule)rule;
    bool ok = check_rule_fits_pattern(doc, &at, t);
    if (t->direction == GT_DIRECTION_TURNING) {
        int turning = 0;
        ok = gt_json_enum(doc, dir, &at, "turning", true, TURNINGS, 3, &turning);
        t->turning = (GtTurning)turning;
    } else ok = reject_key(doc, dir, &at, "turning", "only the \"turning\" rule has a turning sense") && ok;
    if (t->direction == GT_DIRECTION_TOWARD_LANDMARK) {
        const char *landmark = NULL;
        if (cJSON_GetObjectItemCaseSensitive(dir, "landmark")) {
            if (gt_json_id(doc, dir, &at, "landmark", false, &landmark)) {
                bool found = false;
                const char *ids[512];
                size_t n = 0;
                for (int v = 0; v < GT_VIEW_COUNT; v++) {
                    const GtBodyMap *map = refs ? refs->views[v] : NULL;
                    if (!map) continue;
                    found |= gt_bodymap_landmark(map, landmark) != NULL;
                    for (size_t i = 0; i < map->landmark_count && n < 512; i++) ids[n++] = map->landmarks[i].id;
                }
                if (!found && n) {
                    GtPath lm = gt_path_key(&at, "landmark");
                    const char *guess = gt_suggest(landmark, ids, n);
                    gt_json_error(doc, &lm, "unknown landmark \"%s\"%s%s%s", landmark,
                                  guess ? " (did you mean \"" : "", guess ? guess : "", guess ? "\"?)" : "");
                    ok = false;
                }
                t->toward_landmark = landmark;
            } else ok = false;
        }
    } else ok = reject_key(doc, dir, &at, "landmark", "only the \"toward-landmark\" rule heads for a landmark") && ok;
    return load_reversal(doc, dir, &at, t) && ok;
}

static bool load_weights(GtJsonDoc *doc, const cJSON *root, const GtPath *path, GtTechnique *t) {
    GtPath at = gt_path_key(path, "weights");
    const cJSON *weights = gt_json_member(doc, root, path, "weights", true);
    if (!weights) return false;
    const char *names[GT_CRITERION_COUNT + 1];
    for (int c = 0; c < GT_CRITERION_COUNT; c++) names[c] = gt_criterion_name((GtCriterion)c);
    names[GT_CRITERION_COUNT] = NULL;
    if (!gt_json_check_keys(doc, weights, &at, names)) return false;
    bool ok = true;
    for (int c = 0; c < GT_CRITERION_COUNT; c++) {
        bool present = cJSON_GetObjectItemCaseSensitive(weights, names[c]) != NULL;
        if (applies(t, (GtCriterion)c)) {
            if (!present && gt_json_typo_reported(doc, weights, names[c])) {
                ok = false;
            } else if (!present) {
                gt_json_error(doc, &at, "missing weight for \"%s\", which applies to a %s technique",
                              names[c], gt_pattern_name(t->pattern));
                ok = false;
            } else ok = gt_json_number(doc, weights, &at, names[c], true, 0.01, 100, &t->weights[c]) && ok;
        } else if (present) {
            GtPath key = gt_path_key(&at, names[c]);
            gt_json_error_at_key(doc, &key, "\"%s\" is not scored for this technique (pattern %s, direction "
                                 "%s); remove its weight", names[c], gt_pattern_name(t->pattern), gt_direction_name(t->direction));
            ok = false;
        }
    }
    return ok;
}

static bool load_tolerances(GtJsonDoc *doc, const cJSON *root, const GtPath *path, GtTechnique *t) {
    static const char *const level_keys[] = { "beginner", "advanced", NULL };
    GtPath at = gt_path_key(path, "tolerances");
    const cJSON *tol = gt_json_member(doc, root, path, "tolerances", true);
    if (!tol || !gt_json_check_keys(doc, tol, &at, level_keys)) return false;
    const char *names[TOLERANCE_KEY_COUNT + 1];
    for (size_t k = 0; k < TOLERANCE_KEY_COUNT; k++) names[k] = TOLERANCE_KEYS[k].name;
    names[TOLERANCE_KEY_COUNT] = NULL;
    bool ok = true;
    for (int level = 0; level < GT_LEVEL_COUNT; level++) {
        GtPath level_path = gt_path_key(&at, GT_LEVEL_NAMES[level]);
        const cJSON *set = gt_json_member(doc, tol, &at, GT_LEVEL_NAMES[level], true);
        if (!set || !gt_json_check_keys(doc, set, &level_path, names)) { ok = false; continue; }
        for (size_t k = 0; k < TOLERANCE_KEY_COUNT; k++) {
            const ToleranceKey *key = &TOLERANCE_KEYS[k];
            double *slot = (double *)((char *)&t->tolerances[level] + key->offset);
            if (applies(t, key->criterion)) {
                ok = gt_json_number(doc, set, &level_path, key->name, true, key->min, key->max, slot) && ok;
            } else if (cJSON_GetObjectItemCaseSensitive(set, key->name)) {
                GtPath key_path = gt_path_key(&level_path, key->name);
                gt_json_error_at_key(doc, &key_path, "\"%s\" belongs to the %s criterion, which this technique "
                                     "does not score; remove it", key->name, gt_criterion_name(key->criterion));
                ok = false;
            }
        }
    }
    if (!ok) return false;
    GtPath advanced = gt_path_key(&at, "advanced");
    for (size_t k = 0; k < TOLERANCE_KEY_COUNT; k++) {
        const ToleranceKey *key = &TOLERANCE_KEYS[k];
        if (!applies(t, key->criterion)) continue;
        double beginner = *(double *)((char *)&t->tolerances[GT_LEVEL_BEGINNER] + key->offset);
        double adv = *(double *)((char *)&t->tolerances[GT_LEVEL_ADVANCED] + key->offset);
        if (adv > beginner) {
            GtPath key_path = gt_path_key(&advanced, key->name);
            gt_json_error(doc, &key_path, "advanced tolerance %.10g is looser than the beginner one (%.10g); "
                          "advanced students should get the same or less room", adv, beginner);
            ok = false;
        }
    }
    return ok;
}

static bool load_string_list(GtJsonDoc *doc, const cJSON *root, const GtPath *path, const char *key,
                             size_t min_count, GtArena *arena, const char ***out, size_t *count) {
    GtPath at = gt_path_key(path, key);
    const cJSON *list = gt_json_member(doc, root, path, key, true);
    if (!list) return false;
    if (!cJSON_IsArray(list) || (size_t)cJSON_GetArraySize(list) < min_count || cJSON_GetArraySize(list) > 64) {
        char found[32];
        snprintf(found, sizeof found, "%d strings", cJSON_GetArraySize(list));
        gt_json_error(doc, &at, "expected an array of %zu to 64 strings, found %s", min_count,
                      cJSON_IsArray(list) ? found : gt_json_type_name(list));
        return false;
    }
    size_t n = (size_t)cJSON_GetArraySize(list);
    *out = gt_arena_array(arena, n ? n : 1, sizeof **out);
    if (!*out) return false;
    bool ok = true;
    size_t i = 0;
    for (const cJSON *item = list->child; item; item = item->next, i++) {
        GtPath item_path = gt_path_index(&at, i);
        if (!cJSON_IsString(item) || !item->valuestring || !item->valuestring[0]) {
            gt_json_error(doc, &item_path, "expected a non-empty string, found %s", gt_json_type_name(item));
            ok = false;
            (*out)[i] = "";
        } else if (!gt_json_check_text(doc, &item_path, item->valuestring)) {
            ok = false;
            (*out)[i] = "";
        } else (*out)[i] = item->valuestring;
    }
    *count = n;
    return ok;
}

static bool check_contraindicated(GtJsonDoc *doc, const GtPath *path, const GtReferences *refs,
                                  const GtTechnique *t) {
    bool ok = true;
    GtPath at = gt_path_key(path, "contraindicated");
    for (size_t i = 0; i < t->contraindicated_count; i++) {
        const char *name = t->contraindicated[i];
        if (strcmp(name, "bony") == 0 || strcmp(name, "avoid") == 0) continue;
        const char *ids[514] = { "bony", "avoid" };
        size_t n = 2;
        bool found = false, any_map = false;
        for (int v = 0; v < GT_VIEW_COUNT; v++) {
            const GtBodyMap *map = refs ? refs->views[v] : NULL;
            if (!map) continue;
            any_map = true;
            found |= gt_bodymap_landmark(map, name) != NULL;
            for (size_t k = 0; k < map->landmark_count && n < 514; k++) ids[n++] = map->landmarks[k].id;
        }
        if (any_map && !found) {
            GtPath item = gt_path_index(&at, i);
            const char *guess = gt_suggest(name, ids, n);
            gt_json_error(doc, &item, "unknown landmark or kind \"%s\"%s%s%s", name,
                          guess ? " (did you mean \"" : "; use a landmark id or \"bony\"/\"avoid\"",
                          guess ? guess : "", guess ? "\"?)" : "");
            ok = false;
        }
    }
    return ok;
}

/* The pattern-dependent keys: speed, tempo, regularity, amplitude, hold. The has_* flags
 * follow the pattern even when a value is bad or missing (that is reported here), so the
 * weights and tolerances that belong to the pattern are not reported as well. */
static bool load_pattern_keys(GtJsonDoc *doc, const cJSON *root, const GtPath *path, GtTechnique *t) {
    bool ok = true;
    GtPattern p = t->pattern;
    bool rhythmic = gt_pattern_is_rhythmic(p);
    if (p == GT_PATTERN_GLIDE || p == GT_PATTERN_ROLL) {
        t->has_speed = gt_json_range(doc, root, path, "speed_cm_s", true, 0.01, 100, &t->speed_cm_s);
        ok = t->has_speed && ok;
        t->has_speed = true;
    } else ok = reject_key(doc, root, path, "speed_cm_s", "only glides and rolls are scored on speed; "
                           "other rhythmic patterns use a tempo") && ok;
    if (rhythmic) {
        bool per_min = cJSON_GetObjectItemCaseSensitive(root, "tempo_per_min") != NULL;
        bool hz = cJSON_GetObjectItemCaseSensitive(root, "tempo_hz") != NULL;
        if (per_min && hz) {
            GtPath at = gt_path_key(path, "tempo_hz");
            gt_json_error_at_key(doc, &at, "give the tempo once: either tempo_per_min or tempo_hz");
            ok = false;
        } else if (hz) {
            GtRange r;
            t->has_tempo = gt_json_range(doc, root, path, "tempo_hz", true, 0.01, 30, &r);
            t->tempo_per_min.min = r.min * 60.0;
            t->tempo_per_min.max = r.max * 60.0;
            t->tempo_in_hz = true;
        } else if (per_min) {
            t->has_tempo = gt_json_range(doc, root, path, "tempo_per_min", true, 1, 1800, &t->tempo_per_min);
        } else if (!gt_json_typo_reported(doc, root, "tempo_per_min") &&
                   !gt_json_typo_reported(doc, root, "tempo_hz")) {
            gt_json_error(doc, path, "missing required key \"tempo_per_min\" (or \"tempo_hz\"): a %s "
                          "technique repeats, so it needs a tempo", gt_pattern_name(p));
        }
        ok = t->has_tempo && ok;
        t->has_tempo = true;
        ok = gt_json_number(doc, root, path, "regularity_cv_max", true, 0.01, 0.99, &t->regularity_cv_max) && ok;
        if (p != GT_PATTERN_ROLL)
            ok = gt_json_number(doc, root, path, "amplitude_cm", true, 0.2, 15, &t->amplitude_cm) && ok;
        else
            ok = reject_key(doc, root, path, "amplitude_cm", "a roll's passes run the length of the guide") && ok;
    } else {
        const char *why = "only repeated movements (circle, knead, cross-fibre, tap, roll) have one";
        ok = reject_key(doc, root, path, "tempo_per_min", why) && ok;
        ok = reject_key(doc, root, path, "tempo_hz", why) && ok;
        ok = reject_key(doc, root, path, "regularity_cv_max", why) && ok;
        ok = reject_key(doc, root, path, "amplitude_cm", why) && ok;
    }
    if (p == GT_PATTERN_HOLD) {
        t->has_hold = gt_json_range(doc, root, path, "hold_s", true, 0.5, 1800, &t->hold_s);
        ok = t->has_hold && ok;
        t->has_hold = true;
        ok = gt_json_number(doc, root, path, "drift_max_cm", true, 0.05, 20, &t->drift_max_cm) && ok;
    } else {
        const char *why = "only a hold is scored on holding time";
        ok = reject_key(doc, root, path, "hold_s", why) && ok;
        ok = reject_key(doc, root, path, "drift_max_cm", why) && ok;
    }
    return ok;
}

bool gt_load_technique(const char *file, const char *text, size_t length, const GtReferences *refs,
                       GtArena *arena, GtDiag *diag, GtTechnique *out) {
    static const char *const keys[] = { "format", "version", "id", "name", "summary", "pattern",
        "pressure_level", "speed_cm_s", "tempo_per_min", "tempo_hz", "regularity_cv_max", "amplitude_cm",
        "direction", "hold_s", "drift_max_cm", "weights", "tolerances", "contraindicated", "sources", "cautions", NULL };
    memset(out, 0, sizeof *out);
    out->id = out->name = out->summary = "";
    GtJsonDoc doc;
    if (!gt_json_doc_parse(&doc, file, text, length, "guidedtouch-technique", diag)) return false;
    GtPath root = gt_path_root();
    const cJSON *r = doc.root;
    bool ok = gt_json_check_keys(&doc, r, &root, keys);
    const char *id = NULL, *name = NULL, *summary = NULL;
    ok = gt_json_id(&doc, r, &root, "id", true, &id) && ok;
    ok = gt_json_string(&doc, r, &root, "name", true, 80, &name) && ok;
    ok = gt_json_string(&doc, r, &root, "summary", true, 600, &summary) && ok;
    out->id = gt_arena_strdup(arena, id ? id : "");
    out->name = gt_arena_strdup(arena, name ? name : "");
    out->summary = gt_arena_strdup(arena, summary ? summary : "");
    int pattern = 0;
    bool pattern_ok = gt_json_enum(&doc, r, &root, "pattern", true, GT_PATTERN_NAMES, GT_PATTERN_COUNT, &pattern);
    out->pattern = (GtPattern)pattern;
    ok = gt_json_range(&doc, r, &root, "pressure_level", true, 0, 10, &out->pressure_level) && ok;
    if (pattern_ok) {
        ok = load_pattern_keys(&doc, r, &root, out) && ok;
        bool direction_ok = load_direction(&doc, r, &root, refs, out);
        if (direction_ok) {
            ok = load_weights(&doc, r, &root, out) && ok;
            ok = load_tolerances(&doc, r, &root, out) && ok;
        }
        ok = direction_ok && ok;
    } else ok = false;
    bool lists_ok = load_string_list(&doc, r, &root, "contraindicated", 0, arena, &out->contraindicated,
                                     &out->contraindicated_count);
    lists_ok = load_string_list(&doc, r, &root, "sources", 1, arena, &out->sources, &out->source_count) && lists_ok;
    if (lists_ok) {
        for (size_t i = 0; i < out->contraindicated_count; i++)
            out->contraindicated[i] = gt_arena_strdup(arena, out->contraindicated[i]);
        for (size_t i = 0; i < out->source_count; i++) out->sources[i] = gt_arena_strdup(arena, out->sources[i]);
        ok = check_contraindicated(&doc, &root, refs, out) && ok;
    }
    ok = lists_ok && ok;
    ok = gt_load_cautions(&doc, r, &root, arena, &out->cautions, &out->caution_count) && ok;
    if (out->toward_landmark) out->toward_landmark = gt_arena_strdup(arena, out->toward_landmark);
    if (arena->failed) {
        gt_json_error(&doc, &root, "out of memory while loading");
        ok = false;
    }
    ok = ok && doc.errors == 0;
    gt_json_doc_free(&doc);
    return ok;
}
