/* gt_caution: the names of the kinds of caution, and a lesson's cautions gathered in the order
 * a student should read them. */
#include "gt_caution.h"
#include "gt_lesson.h"

#include <string.h>

const char *const GT_CAUTION_KIND_NAMES[GT_CAUTION_KIND_COUNT] = { "red-flag", "contraindication", "advice" };

static const char *const KIND_LABELS[GT_CAUTION_KIND_COUNT] = { "Red flag", "Caution", "Advice" };

const char *gt_caution_kind_name(GtCautionKind kind) {
    return (unsigned)kind < GT_CAUTION_KIND_COUNT ? GT_CAUTION_KIND_NAMES[kind] : "unknown";
}

const char *gt_caution_kind_label(GtCautionKind kind) {
    return (unsigned)kind < GT_CAUTION_KIND_COUNT ? KIND_LABELS[kind] : "Note";
}

/* True when `list` (count entries) already holds a caution with the same kind and text. */
static bool listed(const GtLessonCaution *list, size_t count, const GtCaution *caution) {
    for (size_t i = 0; i < count; i++)
        if (list[i].caution->kind == caution->kind && strcmp(list[i].caution->text, caution->text) == 0) return true;
    return false;
}

/* Appends the cautions of one kind from `from` (count of them) not yet in `out`, noting where
 * they came from; stops at `max`. Returns the new count. */
static size_t gather_kind(GtLessonCaution *out, size_t n, size_t max, const GtCaution *from, size_t count,
                          GtCautionKind kind, const char *origin) {
    for (size_t i = 0; i < count && n < max; i++) {
        if (from[i].kind != kind || listed(out, n, &from[i])) continue;
        out[n].caution = &from[i];
        out[n].from = origin;
        n++;
    }
    return n;
}

size_t gt_lesson_cautions(const GtLesson *lesson, GtLessonCaution *out, size_t max) {
    size_t n = 0;
    if (!lesson) return 0;
    for (int kind = 0; kind < GT_CAUTION_KIND_COUNT; kind++) {
        n = gather_kind(out, n, max, lesson->cautions, lesson->caution_count, (GtCautionKind)kind, NULL);
        for (size_t s = 0; s < lesson->step_count; s++) {
            const GtTechnique *t = lesson->steps[s].technique;
            if (t) n = gather_kind(out, n, max, t->cautions, t->caution_count, (GtCautionKind)kind, t->id);
        }
    }
    return n;
}
