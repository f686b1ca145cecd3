#include "progress.h"
#include "storage.h"
#include "library.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A JSON number that is a whole number within [lo, hi], into *out; false otherwise (never casts
 * a value out of int's range: a corrupt 1e400 or 3e9 is refused, not undefined behaviour). */
static bool whole_in(const cJSON *number, double lo, double hi, int *out) {
    if (!cJSON_IsNumber(number)) return false;
    double v = number->valuedouble;
    if (!(v >= lo && v <= hi) || v != floor(v)) return false;
    *out = (int)v;
    return true;
}

static GtProgressEntry *find(GtProgress *progress, const char *lesson, int step) {
    for (size_t i = 0; i < progress->count; i++)
        if (progress->entries[i].step == step && strcmp(progress->entries[i].lesson, lesson) == 0)
            return &progress->entries[i];
    return NULL;
}

/* Appends a zeroed entry; NULL when memory runs out. */
static GtProgressEntry *add(GtProgress *progress, const char *lesson, int step) {
    if (progress->count == progress->capacity) {
        size_t capacity = progress->capacity ? progress->capacity * 2 : 32;
        GtProgressEntry *grown = realloc(progress->entries, capacity * sizeof *grown);
        if (!grown) return NULL;
        progress->entries = grown;
        progress->capacity = capacity;
    }
    GtProgressEntry *e = &progress->entries[progress->count++];
    memset(e, 0, sizeof *e);
    snprintf(e->lesson, sizeof e->lesson, "%s", lesson);
    e->step = step;
    return e;
}

/* Moves an unreadable file aside so that saving never destroys what a person may recover. */
static void keep_aside(const char *path) {
    char aside[900];
    snprintf(aside, sizeof aside, "%s.unreadable-%ld", path, (long)time(NULL));
    rename(path, aside);
}

bool gt_progress_load(GtProgress *progress, const char *dir, char *error, size_t error_size) {
    memset(progress, 0, sizeof *progress);
    snprintf(progress->path, sizeof progress->path, "%s/progress.json", dir);
    if (access(progress->path, F_OK) != 0) return true;
    GtDiag diag;
    gt_diag_init(&diag);
    char *text = NULL;
    size_t length = 0;
    bool ok = gt_read_file(progress->path, &text, &length, &diag);
    cJSON *root = ok ? cJSON_ParseWithLength(text, length) : NULL;
    const cJSON *entries = cJSON_GetObjectItemCaseSensitive(root, "entries");
    ok = ok && cJSON_IsArray(entries);
    const cJSON *item = NULL;
    const cJSON *list = ok ? entries : NULL;
    cJSON_ArrayForEach(item, list) {
        const cJSON *lesson = cJSON_GetObjectItemCaseSensitive(item, "lesson");
        const cJSON *step = cJSON_GetObjectItemCaseSensitive(item, "step");
        const cJSON *best = cJSON_GetObjectItemCaseSensitive(item, "best");
        const cJSON *attempts = cJSON_GetObjectItemCaseSensitive(item, "attempts");
        const cJSON *passes = cJSON_GetObjectItemCaseSensitive(item, "passes");
        int step_number = 0, attempt_count = 1, pass_count = 0;
        if (!cJSON_IsString(lesson) || !whole_in(step, 1, 1000, &step_number) || !cJSON_IsNumber(best) ||
            !(best->valuedouble >= 0 && best->valuedouble <= 100))
            continue; /* a corrupt entry is dropped; the rest are kept */
        if (attempts && !whole_in(attempts, 0, 1e9, &attempt_count)) attempt_count = 1;
        if (passes && !whole_in(passes, 0, attempt_count, &pass_count)) pass_count = 0;
        GtProgressEntry *e = add(progress, lesson->valuestring, step_number);
        if (!e) break;
        e->best = best->valuedouble;
        e->attempts = attempt_count;
        e->passes = pass_count;
    }
    cJSON_Delete(root);
    free(text);
    if (!ok) {
        snprintf(error, error_size, "%s could not be read; it was kept aside and marks start afresh", progress->path);
        keep_aside(progress->path);
    }
    gt_diag_free(&diag);
    return ok;
}

static bool save(const GtProgress *progress, char *error, size_t error_size) {
    if (!progress->path[0]) return true;
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "format", "guidedtouch-progress");
    cJSON_AddNumberToObject(root, "version", 1);
    cJSON *entries = cJSON_AddArrayToObject(root, "entries");
    for (size_t i = 0; i < progress->count; i++) {
        const GtProgressEntry *e = &progress->entries[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(entries, item);
        cJSON_AddStringToObject(item, "lesson", e->lesson);
        cJSON_AddNumberToObject(item, "step", e->step);
        cJSON_AddNumberToObject(item, "best", e->best);
        cJSON_AddNumberToObject(item, "attempts", e->attempts);
        cJSON_AddNumberToObject(item, "passes", e->passes);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        snprintf(error, error_size, "out of memory while saving marks");
        return false;
    }
    bool ok = gt_storage_write_atomic(progress->path, text, strlen(text), error, error_size);
    free(text);
    return ok;
}

bool gt_progress_record(GtProgress *progress, const char *lesson, int step, double total, bool passed,
                        char *error, size_t error_size) {
    GtProgressEntry *e = find(progress, lesson, step);
    if (!e) e = add(progress, lesson, step);
    if (!e) {
        snprintf(error, error_size, "out of memory while recording marks");
        return false;
    }
    e->attempts++;
    e->passes += passed;
    if (total > e->best) e->best = total;
    return save(progress, error, error_size);
}

const GtProgressEntry *gt_progress_find(const GtProgress *progress, const char *lesson, int step) {
    return find((GtProgress *)progress, lesson, step);
}

bool gt_progress_lesson_best(const GtProgress *progress, const char *lesson, int step_count, double *mean,
                             int *tried) {
    double sum = 0;
    *tried = 0;
    for (int s = 1; s <= step_count; s++) {
        const GtProgressEntry *e = gt_progress_find(progress, lesson, s);
        if (e) { sum += e->best; (*tried)++; }
    }
    *mean = *tried > 0 ? sum / *tried : 0;
    return *tried > 0;
}

void gt_progress_free(GtProgress *progress) {
    free(progress->entries);
    memset(progress, 0, sizeof *progress);
}
