/* result_words: the words the result screen uses for a card (see result_words.c): the total
 * shown beside the pass mark, the status line, and the notes on the verdict, the cap and the
 * shortfall. No drawing, no SDL.
 *
 * Ownership: nothing is allocated; every function writes into buffers the caller owns. */
#ifndef GT_RESULT_WORDS_H
#define GT_RESULT_WORDS_H

#include <stddef.h>
#include "gt_score.h"

/* A card's total as the screen shows it: one decimal, rounded, unless rounding would put it on
 * the other side of the pass mark or a grade boundary than the total itself (64.96 beside a
 * pass mark of 65), in which case it is cut, not rounded (64.9); more decimals only for a pass
 * mark that needs them. Never fails; the text is cut to `size`. */
void gt_result_format_total(double total, double pass_mark, char *buffer, size_t size);

/* The line beside the total: "Passed (pass mark 65)", "Not yet: pass mark 65", "Not passed:
 * unsafe", "Not passed: not this step". */
void gt_result_status(const GtScoreCard *card, char *buffer, size_t size);

enum { GT_NOTE_LINES_MAX = GT_SAFETY_MAX, GT_RESULT_NOTES_MAX = 4 };
typedef enum GtNoteKind { GT_NOTE_UNSAFE, GT_NOTE_NOT_THIS_STEP, GT_NOTE_CAPPED, GT_NOTE_SHORT } GtNoteKind;

/* One part of a verdict the result screen spells out: a title and lines under it. */
typedef struct GtResultNote {
    GtNoteKind kind;
    char title[GT_FEEDBACK_MAX + 32];              /* "Unsafe — not passed", "Grade capped at B: ..." */
    char lines[GT_NOTE_LINES_MAX][GT_FEEDBACK_MAX]; /* safety messages, the reason; may be none */
    size_t line_count;
} GtResultNote;

/* What a card says beyond its criteria, most serious first: unsafe (each safety entry's
 * message), not this step (the reason; any other failing verdict is named from the engine's
 * word for it, with its reason), the grade cap (its reason), and a shortfall in the work asked
 * for (the completion feedback). Returns how many notes it wrote (at most
 * GT_RESULT_NOTES_MAX); none for a plain scored card. */
size_t gt_result_notes(const GtScoreCard *card, GtResultNote *notes);

#endif
