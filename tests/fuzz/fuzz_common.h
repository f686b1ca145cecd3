/* fuzz_common: what the libFuzzer targets in tests/fuzz/ share. Each target feeds arbitrary
 * bytes to one loader or parser, as if an instructor, a student or a broken disk handed them
 * over; a crash, a hang, a leak or undefined behaviour is a finding (docs/fuzzing.md).
 *
 * Ownership: the library loaded by fuzz_library lives for the whole process (never freed);
 * fuzz_text's copy is malloc'ed and freed by the caller. */
#ifndef GT_FUZZ_COMMON_H
#define GT_FUZZ_COMMON_H

#include "library.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The bundled library (body maps and techniques that lessons refer to), loaded once. */
static inline const GtLibrary *fuzz_library(void) {
    static GtLibrary library;
    static int loaded;
    if (!loaded) {
        GtDiag diag;
        gt_diag_init(&diag);
        gt_library_load(&library, GT_SOURCE_DATA_DIR, &diag);
        gt_diag_free(&diag);
        loaded = 1;
    }
    return &library;
}

/* A NUL-terminated copy of the input, as gt_read_file hands files over; NULL when memory runs out. */
static inline char *fuzz_text(const uint8_t *data, size_t size) {
    char *text = malloc(size + 1);
    if (!text) return NULL;
    if (size) memcpy(text, data, size);
    text[size] = '\0';
    return text;
}

/* Formats every message, as the trainer and `validate` do, so the formatting is fuzzed too, then
 * frees the diagnostics. */
static inline void fuzz_drain(GtDiag *diag) {
    for (size_t i = 0; i < diag->count; i++) {
        char line[2048];
        gt_diag_format(diag, i, line, sizeof line);
    }
    gt_diag_free(diag);
}

#endif
