#include "json_pretty.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Out {
    char *text;
    size_t length, capacity;
    bool failed;
} Out;

/* Appends n bytes; marks the output failed when memory runs out. */
static void put(Out *out, const char *bytes, size_t n) {
    if (out->failed) return;
    if (out->length + n + 1 > out->capacity) {
        size_t capacity = out->capacity ? out->capacity : 1024;
        while (out->length + n + 1 > capacity) capacity *= 2;
        char *grown = realloc(out->text, capacity);
        if (!grown) {
            out->failed = true;
            return;
        }
        out->text = grown;
        out->capacity = capacity;
    }
    memcpy(out->text + out->length, bytes, n);
    out->length += n;
    out->text[out->length] = '\0';
}

static void put_text(Out *out, const char *text) {
    put(out, text, strlen(text));
}

/* A number, string, bool or null printed compactly by cJSON (strings escaped). */
static void put_scalar(Out *out, const cJSON *item) {
    if (cJSON_IsNumber(item)) {
        char number[64];
        snprintf(number, sizeof number, "%.10g", item->valuedouble);
        put_text(out, number);
        return;
    }
    char *text = cJSON_PrintUnformatted(item);
    if (!text) {
        out->failed = true;
        return;
    }
    put_text(out, text);
    free(text);
}

static bool is_scalar(const cJSON *item) {
    return !cJSON_IsArray(item) && !cJSON_IsObject(item);
}

/* True for an array of numbers, or of arrays of numbers (a point, a polyline). */
static bool is_numeric_array(const cJSON *item, int depth) {
    if (!cJSON_IsArray(item) || depth > 2) return false;
    for (const cJSON *c = item->child; c; c = c->next)
        if (!cJSON_IsNumber(c) && !is_numeric_array(c, depth + 1)) return false;
    return true;
}

/* What goes on one line: scalars, numeric arrays, and objects whose members are scalars or
 * numeric arrays (a band, a guide, a caution). */
static bool is_flat(const cJSON *item) {
    if (is_scalar(item) || is_numeric_array(item, 1)) return true;
    if (!cJSON_IsObject(item)) return false;
    for (const cJSON *c = item->child; c; c = c->next)
        if (!is_scalar(c) && !is_numeric_array(c, 1)) return false;
    return true;
}

static void put_value(Out *out, const cJSON *item, int indent);

/* Prints a flat value on one line: [a, b], {"k": v, ...}. */
static void put_flat(Out *out, const cJSON *item) {
    if (is_scalar(item)) {
        put_scalar(out, item);
        return;
    }
    bool object = cJSON_IsObject(item);
    put_text(out, object ? "{" : "[");
    for (const cJSON *c = item->child; c; c = c->next) {
        if (object) {
            cJSON key = { .type = cJSON_String, .valuestring = c->string };
            put_scalar(out, &key);
            put_text(out, ": ");
        }
        put_flat(out, c);
        if (c->next) put_text(out, ", ");
    }
    put_text(out, object ? "}" : "]");
}

static void put_indent(Out *out, int indent) {
    for (int i = 0; i < indent; i++) put_text(out, "  ");
}

/* Prints an object or array one member a line, indented. */
static void put_value(Out *out, const cJSON *item, int indent) {
    if (is_flat(item) && indent > 0) {
        put_flat(out, item);
        return;
    }
    bool object = cJSON_IsObject(item);
    if (!item->child) {
        put_text(out, object ? "{}" : "[]");
        return;
    }
    put_text(out, object ? "{\n" : "[\n");
    for (const cJSON *c = item->child; c; c = c->next) {
        put_indent(out, indent + 1);
        if (object) {
            cJSON key = { .type = cJSON_String, .valuestring = c->string };
            put_scalar(out, &key);
            put_text(out, ": ");
        }
        put_value(out, c, indent + 1);
        put_text(out, c->next ? ",\n" : "\n");
    }
    put_indent(out, indent);
    put_text(out, object ? "}" : "]");
}

char *gt_json_pretty(const cJSON *root) {
    Out out = { NULL, 0, 0, false };
    put_value(&out, root, 0);
    put_text(&out, "\n");
    if (out.failed) {
        free(out.text);
        return NULL;
    }
    return out.text;
}
