#include "lesson_write.h"
#include "json_pretty.h"
#include "text_ranges.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Sets object[key] to value, in its place when the key is there, at the end otherwise. */
static void set_member(cJSON *object, const char *key, cJSON *value) {
    if (cJSON_GetObjectItemCaseSensitive(object, key)) cJSON_ReplaceItemInObjectCaseSensitive(object, key, value);
    else cJSON_AddItemToObject(object, key, value);
}

/* {"min": a, "max": b} with both rounded to 0.1. */
static cJSON *band(GtRange range) {
    cJSON *object = cJSON_CreateObject();
    cJSON_AddNumberToObject(object, "min", round(range.min * 10) / 10);
    cJSON_AddNumberToObject(object, "max", round(range.max * 10) / 10);
    return object;
}

/* [x, y] rounded to 0.1 cm. */
static cJSON *point(GtPoint p) {
    cJSON *pair = cJSON_CreateArray();
    cJSON_AddItemToArray(pair, cJSON_CreateNumber(round(p.x * 10) / 10));
    cJSON_AddItemToArray(pair, cJSON_CreateNumber(round(p.y * 10) / 10));
    return pair;
}

/* Writes the derived values into one step object. */
static void apply(cJSON *step, const GtDerivedStep *d, const char *demo_path) {
    if (d->guide_derived) {
        cJSON *guide = cJSON_CreateObject();
        if (d->guide_is_point) cJSON_AddItemToObject(guide, "point", point(d->guide[0]));
        else {
            cJSON *line = cJSON_AddArrayToObject(guide, "polyline");
            for (size_t i = 0; i < d->guide_count; i++) cJSON_AddItemToArray(line, point(d->guide[i]));
        }
        set_member(step, "guide", guide);
    }
    if (d->repetitions > 0) set_member(step, "repetitions", cJSON_CreateNumber(d->repetitions));
    if (d->duration_s > 0) set_member(step, "duration_s", cJSON_CreateNumber(d->duration_s));
    set_member(step, "pressure_level", band(d->pressure_level));
    if (d->has_speed) set_member(step, "speed_cm_s", band(d->speed_cm_s));
    if (d->has_tempo) set_member(step, "tempo_per_min", band(d->tempo_per_min));
    if (d->has_hold) set_member(step, "hold_s", band(d->hold_s));
    set_member(step, "demo", cJSON_CreateString(demo_path));
}

/* A step's keys in the order the bundled lessons write them; keys not named here follow in the
 * order they had. */
static const char *const STEP_KEY_ORDER[] = {
    "technique", "view", "region", "guide", "repetitions", "duration_s", "pressure_level", "speed_cm_s",
    "tempo_per_min", "tempo_hz", "hold_s", "pass_mark", "instruction", "hint", "demo",
};
enum { STEP_KEY_COUNT = sizeof STEP_KEY_ORDER / sizeof STEP_KEY_ORDER[0] };

/* Moves the step's members into the canonical order, in place (nothing is allocated). */
static void order_keys(cJSON *step) {
    cJSON *taken[STEP_KEY_COUNT];
    for (size_t k = 0; k < STEP_KEY_COUNT; k++) taken[k] = cJSON_DetachItemFromObjectCaseSensitive(step, STEP_KEY_ORDER[k]);
    cJSON *rest = step->child; /* the keys not named, still linked in their order */
    step->child = NULL;
    for (size_t k = 0; k < STEP_KEY_COUNT; k++)
        if (taken[k]) cJSON_AddItemToArray(step, taken[k]); /* appends a member, keeping its key */
    while (rest) {
        cJSON *next = rest->next;
        rest->prev = rest->next = NULL;
        cJSON_AddItemToArray(step, rest);
        rest = next;
    }
}

/* The band a quantity named in a text now has, in the text's own unit; false when the recording
 * did not derive one. */
static bool new_band(const GtDerivedStep *d, const GtTextRange *r, GtRange *band) {
    switch (r->quantity) {
    case GT_TEXT_LEVEL: *band = d->pressure_level; return true;
    case GT_TEXT_SPEED: *band = d->speed_cm_s; return d->has_speed;
    case GT_TEXT_HOLD: *band = d->hold_s; return d->has_hold;
    default:
        *band = (GtRange){ d->tempo_per_min.min / r->per_minute, d->tempo_per_min.max / r->per_minute };
        return d->has_tempo;
    }
}

/* "3", "2.5": a band end as the text writes it. */
static void number_text(double value, char *buffer, size_t size) {
    double rounded = round(value * 10) / 10;
    if (rounded == round(rounded)) snprintf(buffer, size, "%.0f", rounded);
    else snprintf(buffer, size, "%.1f", rounded);
}

/* The text with every range it names set to the recorded band (malloc'd), or NULL when none
 * changes or memory runs out. */
static char *text_with_bands(const char *text, const GtDerivedStep *d) {
    size_t from = 0, copied = 0, capacity = strlen(text) + 256, length = 0;
    char *out = NULL;
    GtTextRange r;
    while (gt_text_next_range(text, &from, &r)) {
        GtRange band;
        if (!new_band(d, &r, &band)) continue;
        char lo[24], hi[24], numbers[64];
        number_text(band.min, lo, sizeof lo);
        number_text(band.max, hi, sizeof hi);
        snprintf(numbers, sizeof numbers, "%s-%s", lo, hi);
        if (!out && !(out = malloc(capacity))) return NULL;
        size_t need = length + (r.numbers_start - copied) + strlen(numbers) + 1;
        if (need > capacity) {
            char *grown = realloc(out, capacity = need + 256);
            if (!grown) { free(out); return NULL; }
            out = grown;
        }
        memcpy(out + length, text + copied, r.numbers_start - copied);
        length += r.numbers_start - copied;
        memcpy(out + length, numbers, strlen(numbers));
        length += strlen(numbers);
        copied = r.numbers_end;
    }
    if (!out) return NULL;
    size_t rest = strlen(text + copied);
    char *grown = realloc(out, length + rest + 1);
    if (!grown) { free(out); return NULL; }
    memcpy(grown + length, text + copied, rest + 1);
    return grown;
}

/* Brings the step's instruction and hint in line with the recorded bands. */
static void update_texts(cJSON *step, const GtDerivedStep *d) {
    static const char *const keys[] = { "instruction", "hint" };
    for (size_t k = 0; k < 2; k++) {
        const cJSON *item = cJSON_GetObjectItemCaseSensitive(step, keys[k]);
        if (!cJSON_IsString(item)) continue;
        char *changed = text_with_bands(item->valuestring, d);
        if (changed) set_member(step, keys[k], cJSON_CreateString(changed));
        free(changed);
    }
}

char *gt_lesson_text_with_recording(const char *text, size_t length, int step_number, const GtDerivedStep *derived,
                                    const char *demo_path, char *error, size_t error_size) {
    cJSON *root = cJSON_ParseWithLength(text, length);
    const cJSON *steps = root ? cJSON_GetObjectItemCaseSensitive(root, "steps") : NULL;
    cJSON *step = cJSON_IsArray(steps) && step_number >= 1 ? cJSON_GetArrayItem(steps, step_number - 1) : NULL;
    if (!cJSON_IsObject(step)) {
        snprintf(error, error_size, "the lesson file is not a lesson with a step %d any more (was it edited?)",
                 step_number);
        cJSON_Delete(root);
        return NULL;
    }
    apply(step, derived, demo_path);
    update_texts(step, derived);
    order_keys(step);
    char *written = gt_json_pretty(root);
    cJSON_Delete(root);
    if (!written) snprintf(error, error_size, "out of memory");
    return written;
}
