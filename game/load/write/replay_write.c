#include "replay_write.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Buffer {
    char *text;
    size_t length;
    size_t capacity;
    bool failed;
} Buffer;

static void append(Buffer *b, const char *format, ...) __attribute__((format(printf, 2, 3)));

static void append(Buffer *b, const char *format, ...) {
    if (b->failed) return;
    for (;;) {
        va_list args;
        va_start(args, format);
        size_t room = b->capacity - b->length;
        int n = vsnprintf(b->text ? b->text + b->length : NULL, b->text ? room : 0, format, args);
        va_end(args);
        if (n < 0) { b->failed = true; return; }
        if ((size_t)n < room) { b->length += (size_t)n; return; }
        size_t capacity = b->capacity ? b->capacity * 2 : 4096;
        while (capacity - b->length <= (size_t)n) capacity *= 2;
        char *grown = realloc(b->text, capacity);
        if (!grown) { b->failed = true; return; }
        b->text = grown;
        b->capacity = capacity;
    }
}

/* Prints a number with up to `decimals` decimals and no trailing zeros ("-0" becomes "0"). */
static void append_number(Buffer *b, double value, int decimals) {
    char text[64];
    snprintf(text, sizeof text, "%.*f", decimals, value);
    char *dot = strchr(text, '.');
    if (dot) {
        char *end = text + strlen(text) - 1;
        while (end > dot && *end == '0') *end-- = '\0';
        if (end == dot) *end = '\0';
    }
    if (strcmp(text, "-0") == 0) strcpy(text, "0");
    append(b, "%s", text);
}

char *gt_replay_to_json(const GtReplay *replay) {
    Buffer b = { NULL, 0, 0, false };
    append(&b, "{ \"format\": \"guidedtouch-replay\", \"version\": %d,\n", GT_REPLAY_FORMAT_VERSION);
    append(&b, "  \"lesson\": \"%s\", \"step\": %d, \"technique\": \"%s\", \"view\": \"%s\",\n", replay->lesson,
           replay->step, replay->technique, gt_view_name(replay->view));
    append(&b, "  \"device\": \"%s\", \"pressure_source\": \"%s\",\n", gt_device_name(replay->device),
           gt_pressure_source_name(replay->pressure_source));
    append(&b, "  \"contacts\": [");
    for (size_t i = 0; i < replay->contact_count; i++) {
        const GtContact *c = &replay->contacts[i];
        append(&b, "%s\n    { \"id\": %d, \"samples\": [", i ? "," : "", c->id);
        for (size_t k = 0; k < c->count; k++) {
            const GtSample *s = &c->samples[k];
            append(&b, "%s\n      [", k ? "," : "");
            append_number(&b, s->t_ms, 0);
            append(&b, ", ");
            append_number(&b, s->x_cm, 2);
            append(&b, ", ");
            append_number(&b, s->y_cm, 2);
            append(&b, ", ");
            append_number(&b, s->pressure, 3);
            append(&b, "]");
        }
        append(&b, " ] }");
    }
    append(&b, "%s]\n}\n", replay->contact_count ? "\n  " : " ");
    if (b.failed) {
        free(b.text);
        return NULL;
    }
    return b.text;
}
