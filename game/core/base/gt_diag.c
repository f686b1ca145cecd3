#include "gt_diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void gt_diag_init(GtDiag *diag) {
    memset(diag, 0, sizeof *diag);
}

static char *copy_text(const char *text) {
    if (!text) text = "";
    size_t len = strlen(text);
    char *copy = malloc(len + 1);
    if (copy) memcpy(copy, text, len + 1);
    return copy;
}

void gt_diag_add(GtDiag *diag, const char *file, int line, int column, const char *json_path,
                 const char *format, ...) {
    if (diag->count >= GT_DIAG_MAX_ENTRIES) { diag->dropped++; return; }
    if (diag->count == diag->capacity) {
        size_t capacity = diag->capacity ? diag->capacity * 2 : 16;
        GtDiagEntry *grown = realloc(diag->entries, capacity * sizeof *grown);
        if (!grown) { diag->dropped++; return; }
        diag->entries = grown;
        diag->capacity = capacity;
    }
    char message[1024];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    GtDiagEntry entry = { copy_text(file), line, column, copy_text(json_path), copy_text(message) };
    if (!entry.file || !entry.json_path || !entry.message) {
        free(entry.file); free(entry.json_path); free(entry.message);
        diag->dropped++;
        return;
    }
    diag->entries[diag->count++] = entry;
}

void gt_diag_format(const GtDiag *diag, size_t index, char *buffer, size_t size) {
    if (!size) return;
    buffer[0] = '\0';
    if (index >= diag->count) return;
    const GtDiagEntry *e = &diag->entries[index];
    char where[64] = "";
    if (e->line > 0) snprintf(where, sizeof where, ":%d:%d", e->line, e->column);
    if (e->json_path[0])
        snprintf(buffer, size, "%s%s: %s: %s", e->file, where, e->json_path, e->message);
    else
        snprintf(buffer, size, "%s%s: %s", e->file, where, e->message);
}

void gt_diag_print(const GtDiag *diag, FILE *out) {
    char line[2048];
    for (size_t i = 0; i < diag->count; i++) {
        gt_diag_format(diag, i, line, sizeof line);
        fprintf(out, "%s\n", line);
    }
    if (diag->dropped) fprintf(out, "(%zu more problems not shown)\n", diag->dropped);
}

void gt_diag_free(GtDiag *diag) {
    for (size_t i = 0; i < diag->count; i++) {
        free(diag->entries[i].file);
        free(diag->entries[i].json_path);
        free(diag->entries[i].message);
    }
    free(diag->entries);
    gt_diag_init(diag);
}
