/* Typed readers for json_doc: each reports a located error and returns false when a
 * value is missing, of the wrong type or out of range. */
#include "json_doc.h"
#include "suggest.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *gt_json_type_name(const cJSON *item) {
    if (!item) return "nothing";
    if (cJSON_IsString(item)) return "a string";
    if (cJSON_IsNumber(item)) return "a number";
    if (cJSON_IsBool(item)) return cJSON_IsTrue(item) ? "true" : "false";
    if (cJSON_IsNull(item)) return "null";
    if (cJSON_IsArray(item)) return "an array";
    if (cJSON_IsObject(item)) return "an object";
    return "an unknown value";
}

/* Formats a finite number for messages without trailing noise (12, 0.5, 1e+300). */
static void format_number(char *buffer, size_t size, double value) {
    snprintf(buffer, size, "%.10g", value);
}

/* Remembers that a key of `object` was reported as a misspelling of `key`. */
static void note_typo(GtJsonDoc *doc, const cJSON *object, const char *key) {
    if (doc->typo_count >= GT_TYPO_MAX) return;
    doc->typos[doc->typo_count].object = object;
    snprintf(doc->typos[doc->typo_count].key, GT_PATH_KEY, "%s", key);
    doc->typo_count++;
}

/* A key and where it stands among its object's members. */
typedef struct KeyAt {
    const char *key;
    size_t position;
} KeyAt;

/* Orders keys by text, then by position. */
static int compare_keys(const void *a, const void *b) {
    const KeyAt *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : (x->position < y->position ? -1 : 1);
}

/* For an object with many members: how many earlier members share each member's key (malloc'd,
 * one per member, the caller frees it), found by sorting so a huge object costs n log n, not
 * n^2. NULL for a small object (the caller counts directly) or when memory runs out. */
static int *repeat_counts(const cJSON *object) {
    size_t n = 0;
    for (const cJSON *item = object->child; item; item = item->next) n++;
    if (n <= 32) return NULL;
    KeyAt *keys = malloc(n * sizeof *keys);
    int *repeats = malloc(n * sizeof *repeats);
    if (!keys || !repeats) {
        free(keys);
        free(repeats);
        return NULL;
    }
    size_t i = 0;
    for (const cJSON *item = object->child; item; item = item->next, i++)
        keys[i] = (KeyAt){ item->string ? item->string : "", i };
    qsort(keys, n, sizeof *keys, compare_keys);
    for (size_t k = 0; k < n; k++)
        repeats[keys[k].position] = k > 0 && strcmp(keys[k - 1].key, keys[k].key) == 0
                                        ? repeats[keys[k - 1].position] + 1 : 0;
    free(keys);
    return repeats;
}

bool gt_json_check_keys(GtJsonDoc *doc, const cJSON *object, const GtPath *path,
                        const char *const *allowed) {
    if (!cJSON_IsObject(object)) {
        gt_json_error(doc, path, "expected an object ({...}), found %s", gt_json_type_name(object));
        return false;
    }
    size_t allowed_count = 0;
    while (allowed[allowed_count]) allowed_count++;
    bool ok = true;
    int *repeats = repeat_counts(object);
    size_t position = 0;
    for (const cJSON *item = object->child; item; item = item->next, position++) {
        const char *key = item->string ? item->string : "";
        int nth = 0;
        if (repeats) nth = repeats[position];
        else
            for (const cJSON *earlier = object->child; earlier != item; earlier = earlier->next)
                nth += earlier->string && strcmp(earlier->string, key) == 0;
        bool known = false;
        for (size_t i = 0; i < allowed_count; i++) known |= strcmp(key, allowed[i]) == 0;
        if (known && nth == 0) continue; /* the path is written out only for a message */
        GtPath key_path = gt_path_key_nth(path, key, nth);
        if (!known) {
            const char *guess = gt_suggest(key, allowed, allowed_count);
            if (guess && !cJSON_GetObjectItemCaseSensitive(object, guess)) {
                gt_json_error_at_key(doc, &key_path, "unknown key \"%s\" (did you mean \"%s\"?)", key, guess);
                note_typo(doc, object, guess);
            } else
                gt_json_error_at_key(doc, &key_path, "unknown key \"%s\"; remove it (see docs/formats.md "
                                     "for the keys this object takes)", key);
            ok = false;
            continue;
        }
        if (nth >= 1) {
            GtPath first = gt_path_key(path, key);
            int line = 0, column = 0;
            gt_json_locate(doc, &first, true, &line, &column);
            gt_json_error_at_key(doc, &key_path, "key \"%s\" appears %s (first at line %d, column %d); keep "
                                 "only one", key, nth == 1 ? "twice" : "again", line, column);
            ok = false;
        }
    }
    free(repeats);
    return ok;
}

const cJSON *gt_json_member(GtJsonDoc *doc, const cJSON *object, const GtPath *path,
                            const char *key, bool required) {
    const cJSON *item = cJSON_IsObject(object) ? cJSON_GetObjectItemCaseSensitive(object, key) : NULL;
    if (!item && required && !gt_json_typo_reported(doc, object, key))
        gt_json_error(doc, path, "missing required key \"%s\"", key);
    return item;
}

/* Why `text` cannot be shown as it is, or NULL: a control character (a decoded escape such as
 * \t or \n; bytes that are not UTF-8 never get this far, the document check refuses them at
 * their byte). `where` gets the character's position (from 1). */
static const char *text_problem(const char *text, size_t *where) {
    size_t n = 1;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if ((*p & 0xC0) == 0x80) continue; /* a continuation byte: same character */
        *where = n++;
        if (*p < 0x20 || *p == 0x7F) return "holds a control character (a line break, a tab or a byte below 32); "
                                            "write it as plain text on one line";
    }
    return NULL;
}

bool gt_json_check_text(GtJsonDoc *doc, const GtPath *path, const char *text) {
    size_t where = 0;
    const char *problem = text_problem(text, &where);
    if (problem) {
        gt_json_error(doc, path, "%s (character %zu)", problem, where);
        return false;
    }
    if (gt_json_string_has_nul(doc, path)) {
        gt_json_error(doc, path, "holds \\u0000, a NUL character that would cut the text short; remove it");
        return false;
    }
    return true;
}

bool gt_json_string(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                    bool required, size_t max_len, const char **out) {
    const cJSON *item = gt_json_member(doc, object, path, key, required);
    if (!item) return false;
    size_t where = 0;
    if (cJSON_IsString(item) && item->valuestring && item->valuestring[0] &&
        (!max_len || strlen(item->valuestring) <= max_len) && !text_problem(item->valuestring, &where) &&
        !gt_json_doc_has_nul_escapes(doc)) {
        *out = item->valuestring; /* nothing to report: no path written out */
        return true;
    }
    GtPath item_path = gt_path_key(path, key);
    if (!cJSON_IsString(item) || !item->valuestring) {
        gt_json_error(doc, &item_path, "expected a string in quotes, found %s", gt_json_type_name(item));
        return false;
    }
    size_t len = strlen(item->valuestring);
    if (len == 0) {
        gt_json_error(doc, &item_path, "is empty; write some text here");
        return false;
    }
    if (max_len && len > max_len) {
        gt_json_error(doc, &item_path, "is %zu characters long; keep it to %zu", len, max_len);
        return false;
    }
    if (!gt_json_check_text(doc, &item_path, item->valuestring)) return false;
    *out = item->valuestring;
    return true;
}

bool gt_json_bool(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                  bool required, bool *out) {
    const cJSON *item = gt_json_member(doc, object, path, key, required);
    if (!item) return false;
    if (!cJSON_IsBool(item)) {
        GtPath item_path = gt_path_key(path, key);
        if (cJSON_IsString(item) && item->valuestring &&
            (strcmp(item->valuestring, "true") == 0 || strcmp(item->valuestring, "false") == 0))
            gt_json_error(doc, &item_path, "expected true or false, found the string \"%s\"; remove the quotes",
                          item->valuestring);
        else
            gt_json_error(doc, &item_path, "expected true or false, found %s", gt_json_type_name(item));
        return false;
    }
    *out = cJSON_IsTrue(item);
    return true;
}

bool gt_json_id(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                bool required, const char **out) {
    const char *text = NULL;
    if (!gt_json_string(doc, object, path, key, required, 63, &text)) return false;
    for (const char *p = text; *p; p++) {
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-')) {
            GtPath item_path = gt_path_key(path, key);
            gt_json_error(doc, &item_path, "\"%s\" is not a valid id: use lower-case letters, digits "
                          "and '-' only (for example \"lower-back-basics\")", text);
            return false;
        }
    }
    *out = text;
    return true;
}

/* Checks that `item` is a finite number within [min, max]; reports at `path`. */
static bool check_number(GtJsonDoc *doc, const cJSON *item, const GtPath *path, double min, double max,
                         double *out) {
    if (cJSON_IsString(item) && item->valuestring && item->valuestring[0]) {
        char *end = NULL;
        strtod(item->valuestring, &end);
        if (end && !*end) {
            gt_json_error(doc, path, "expected a number, found the string \"%s\"; remove the quotes",
                          item->valuestring);
            return false;
        }
        if (end && end != item->valuestring) {
            gt_json_error(doc, path, "expected a number, found the string \"%s\"; write the number alone, "
                          "without quotes (the key's name gives the unit)", item->valuestring);
            return false;
        }
    }
    if (!cJSON_IsNumber(item)) {
        gt_json_error(doc, path, "expected a number, found %s", gt_json_type_name(item));
        return false;
    }
    double value = item->valuedouble;
    if (isfinite(value) && value >= min && value <= max) {
        *out = value;
        return true;
    }
    char lo[32], hi[32]; /* the range, written out only for a message */
    format_number(lo, sizeof lo, min);
    format_number(hi, sizeof hi, max);
    if (!isfinite(value)) {
        char raw[32];
        gt_json_raw(doc, path, raw, sizeof raw);
        gt_json_error(doc, path, "%s is too %s to use (it reads as %sinfinity); use a value from %s to %s", raw,
                      value > 0 ? "large" : "small", value > 0 ? "" : "minus ", lo, hi);
        return false;
    }
    if (value < min || value > max) {
        char shown[32];
        format_number(shown, sizeof shown, value);
        gt_json_error(doc, path, "%s is out of range; use a value from %s to %s", shown, lo, hi);
        return false;
    }
    *out = value;
    return true;
}

bool gt_json_number(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                    bool required, double min, double max, double *out) {
    const cJSON *item = gt_json_member(doc, object, path, key, required);
    if (!item) return false;
    GtPath item_path = gt_path_key(path, key);
    return check_number(doc, item, &item_path, min, max, out);
}

bool gt_json_integer(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                     bool required, long min, long max, long *out) {
    double value = 0.0;
    if (!gt_json_number(doc, object, path, key, required, (double)min, (double)max, &value)) return false;
    if (value != floor(value)) {
        GtPath item_path = gt_path_key(path, key);
        gt_json_error(doc, &item_path, "%.10g is not a whole number; use %ld", value, (long)floor(value + 0.5));
        return false;
    }
    *out = (long)value;
    return true;
}

bool gt_json_enum(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                  bool required, const char *const *names, size_t count, int *out) {
    const char *text = NULL;
    if (!gt_json_string(doc, object, path, key, required, 0, &text)) return false;
    for (size_t i = 0; i < count; i++) {
        if (strcmp(text, names[i]) == 0) { *out = (int)i; return true; }
    }
    GtPath item_path = gt_path_key(path, key);
    char choices[256] = "";
    for (size_t i = 0; i < count; i++) {
        size_t used = strlen(choices);
        snprintf(choices + used, sizeof choices - used, "%s\"%s\"", i ? ", " : "", names[i]);
    }
    const char *guess = gt_suggest(text, names, count);
    if (guess)
        gt_json_error(doc, &item_path, "unknown %s \"%s\" (did you mean \"%s\"?)", key, text, guess);
    else
        gt_json_error(doc, &item_path, "unknown %s \"%s\"; use one of %s", key, text, choices);
    return false;
}

bool gt_json_range(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                   bool required, double lo, double hi, GtRange *out) {
    const cJSON *item = gt_json_member(doc, object, path, key, required);
    if (!item) return false;
    GtPath item_path = gt_path_key(path, key);
    static const char *const keys[] = { "min", "max", NULL };
    if (!cJSON_IsObject(item)) {
        gt_json_error(doc, &item_path, "expected a band {\"min\": ..., \"max\": ...}, found %s",
                      gt_json_type_name(item));
        return false;
    }
    if (!gt_json_check_keys(doc, item, &item_path, keys)) return false;
    GtRange range = { 0.0, 0.0 };
    bool ok = gt_json_number(doc, item, &item_path, "min", true, lo, hi, &range.min);
    ok = gt_json_number(doc, item, &item_path, "max", true, lo, hi, &range.max) && ok;
    if (!ok) return false;
    if (!(range.min < range.max)) {
        GtPath max_path = gt_path_key(&item_path, "max");
        gt_json_error(doc, &max_path, "max (%.10g) must be greater than min (%.10g)%s", range.max, range.min,
                      range.max < range.min ? "; are they swapped?" : "");
        return false;
    }
    *out = range;
    return true;
}

bool gt_json_point(GtJsonDoc *doc, const cJSON *item, const GtPath *path, double limit, GtPoint *out) {
    if (!cJSON_IsArray(item)) {
        gt_json_error(doc, path, "expected a point [x_cm, y_cm], found %s", gt_json_type_name(item));
        return false;
    }
    if (cJSON_GetArraySize(item) != 2) {
        gt_json_error(doc, path, "a point is [x_cm, y_cm], but this has %d value%s", cJSON_GetArraySize(item),
                      cJSON_GetArraySize(item) == 1 ? "" : "s");
        return false;
    }
    GtPath x_path = gt_path_index(path, 0), y_path = gt_path_index(path, 1);
    bool ok = check_number(doc, cJSON_GetArrayItem(item, 0), &x_path, -limit, limit, &out->x);
    ok = check_number(doc, cJSON_GetArrayItem(item, 1), &y_path, -limit, limit, &out->y) && ok;
    return ok;
}

/* A point as most are written, [x, y] of two finite numbers within +-limit: its value in *out.
 * False for anything else, which gt_json_point then locates and explains. */
static bool plain_point(const cJSON *item, double limit, GtPoint *out) {
    const cJSON *x = cJSON_IsArray(item) ? item->child : NULL, *y = x ? x->next : NULL;
    if (!y || y->next || !cJSON_IsNumber(x) || !cJSON_IsNumber(y)) return false;
    double vx = x->valuedouble, vy = y->valuedouble;
    if (!(isfinite(vx) && isfinite(vy) && vx >= -limit && vx <= limit && vy >= -limit && vy <= limit)) return false;
    *out = (GtPoint){ vx, vy };
    return true;
}

bool gt_json_points(GtJsonDoc *doc, const cJSON *item, const GtPath *path, size_t min_count,
                    size_t max_count, double limit, GtArena *arena, GtPointList *out) {
    if (!cJSON_IsArray(item)) {
        gt_json_error(doc, path, "expected an array of [x_cm, y_cm] points, found %s", gt_json_type_name(item));
        return false;
    }
    size_t count = (size_t)cJSON_GetArraySize(item);
    if (count < min_count || count > max_count) {
        gt_json_error(doc, path, "has %zu point%s; it needs %zu to %zu", count, count == 1 ? "" : "s",
                      min_count, max_count);
        return false;
    }
    GtPoint *points = gt_arena_array(arena, count, sizeof *points);
    if (!points) {
        gt_json_error(doc, path, "out of memory");
        return false;
    }
    bool ok = true;
    size_t i = 0;
    for (const cJSON *child = item->child; child; child = child->next, i++) {
        if (plain_point(child, limit, &points[i])) continue;
        GtPath child_path = gt_path_index(path, i); /* the path is written out only for a problem */
        ok = gt_json_point(doc, child, &child_path, limit, &points[i]) && ok;
    }
    out->points = points;
    out->count = count;
    return ok;
}
