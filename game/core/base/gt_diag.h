/* gt_diag: a list of located, human-readable problems found in input files.
 *
 * Each entry reads like a compiler message:
 *   lessons/neck.json:14:9: steps[2].technique: unknown technique "efleurage" (did you mean "effleurage"?)
 * The list owns copies of every string it is given; gt_diag_free releases them. */
#ifndef GT_DIAG_H
#define GT_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef struct GtDiagEntry {
    char *file;      /* path as the user named it */
    int line;        /* 1-based; 0 when the problem has no position (missing file) */
    int column;      /* 1-based, in bytes */
    char *json_path; /* e.g. "steps[2].technique"; "" for the whole document */
    char *message;   /* plain sentence, with a fix suggestion where one is known */
} GtDiagEntry;

typedef struct GtDiag {
    GtDiagEntry *entries; /* count used, capacity allocated */
    size_t count;
    size_t capacity;
    size_t dropped;       /* entries not stored because memory ran out or the cap was hit */
} GtDiag;

enum { GT_DIAG_MAX_ENTRIES = 500 };

/* Starts an empty list. */
void gt_diag_init(GtDiag *diag);

/* Appends one problem; the message is printf-formatted. Never fails visibly: when
 * memory runs out or GT_DIAG_MAX_ENTRIES is reached, the entry is counted in `dropped`. */
void gt_diag_add(GtDiag *diag, const char *file, int line, int column, const char *json_path,
                 const char *format, ...) __attribute__((format(printf, 6, 7)));

/* Writes every entry, one per line, to `out` in compiler style, then a line saying how
 * many were dropped if any were. */
void gt_diag_print(const GtDiag *diag, FILE *out);

/* Formats entry `index` into `buffer` (always NUL-terminated, truncated to fit). */
void gt_diag_format(const GtDiag *diag, size_t index, char *buffer, size_t size);

/* Releases every entry; the list is empty again. */
void gt_diag_free(GtDiag *diag);

#endif
