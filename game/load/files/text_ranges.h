/* text_ranges: the ranges a lesson's plain-words text names ("level 2-5", "20 to 30 seconds",
 * "3-6 cm/s", "4-10 taps a second"), found by the same reading for the loader's warnings (a
 * text naming another band than its step is scored on) and for the writer that brings a
 * recorded step's texts in line with its new bands. Pure; nothing is allocated. */
#ifndef GT_TEXT_RANGES_H
#define GT_TEXT_RANGES_H

#include <stdbool.h>
#include <stddef.h>

/* What a range named in a text measures. */
typedef enum GtTextQuantity { GT_TEXT_LEVEL, GT_TEXT_SPEED, GT_TEXT_TEMPO, GT_TEXT_HOLD } GtTextQuantity;

/* A range found in a text. */
typedef struct GtTextRange {
    GtTextQuantity quantity;
    double lo, hi;          /* as written, except a tempo, which is in cycles per minute */
    double per_minute;      /* a tempo: what one written unit is in cycles per minute (60 for "a second"); else 1 */
    size_t start;           /* byte where the phrase starts ("level" in "level 2-5") */
    size_t numbers_start;   /* byte where "2-5" starts ... */
    size_t numbers_end;     /* ... and the byte after it */
    char phrase[64];        /* the phrase as written, for messages */
} GtTextRange;

/* Finds the next range `text` names from byte *from on and moves *from past it; false when
 * there is none. */
bool gt_text_next_range(const char *text, size_t *from, GtTextRange *out);

#endif
