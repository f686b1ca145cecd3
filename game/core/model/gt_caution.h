/* gt_caution: what a student must know before practising a technique or a lesson on someone:
 * a contraindication, a red flag that calls for medical help instead of massage, or advice,
 * each a short sentence with where it comes from.
 *
 * Ownership: cautions live in the arena of the technique or lesson that lists them. The list
 * gt_lesson_cautions (gt_lesson.h) fills holds pointers into those (borrowed, valid while the
 * library is). */
#ifndef GT_CAUTION_H
#define GT_CAUTION_H

#include <stddef.h>

typedef enum GtCautionKind {
    GT_CAUTION_RED_FLAG,            /* a sign to stop and get medical help, not massage */
    GT_CAUTION_CONTRAINDICATION,    /* do not do this work (or not here) when it applies */
    GT_CAUTION_ADVICE,              /* good practice: consult first, say when it hurts ... */
    GT_CAUTION_KIND_COUNT
} GtCautionKind;

typedef struct GtCaution {
    GtCautionKind kind;
    const char *text;               /* one short sentence, shown to students */
    const char *source;             /* which domain text or clinical reference says it */
} GtCaution;

/* The words the files use for each kind ("red-flag", "contraindication", "advice"), indexed by
 * the enum: the one place they are spelt. */
extern const char *const GT_CAUTION_KIND_NAMES[GT_CAUTION_KIND_COUNT];

/* The name of a kind ("unknown" when out of range). */
const char *gt_caution_kind_name(GtCautionKind kind);

/* What a student reads before a kind's sentence: "Red flag", "Caution", "Advice" ("Note" when
 * out of range). */
const char *gt_caution_kind_label(GtCautionKind kind);

#endif
