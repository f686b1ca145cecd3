/* result_words: what the result screen says about a card beyond its criteria, in words: the
 * total as it compares with the pass mark, the status line beside it, and the notes (unsafe,
 * not this step, the grade cap, work left undone). No drawing and no SDL, so tests check the
 * exact words the screen shows. Everything is written into the caller's buffers. */
#include "result_words.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* True when `shown` sits on the same side as `total` of the pass mark and of every grade
 * boundary, so the number never contradicts the words beside it. */
static bool compares_alike(double shown, double total, double pass_mark) {
    const double marks[] = { pass_mark, 95.0, 90.0, 80.0, 70.0 };
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++)
        if ((shown >= marks[i]) != (total >= marks[i])) return false;
    return true;
}

void gt_result_format_total(double total, double pass_mark, char *buffer, size_t size) {
    if (!isfinite(total)) { snprintf(buffer, size, "-"); return; }
    for (int digits = 1; digits <= 4; digits++) {
        double scale = pow(10.0, digits);
        double rounded = round(total * scale) / scale, cut = floor(total * scale) / scale;
        double shown = compares_alike(rounded, total, pass_mark) ? rounded : cut;
        if (compares_alike(shown, total, pass_mark) || digits == 4) {
            snprintf(buffer, size, "%.*f", digits, shown);
            return;
        }
    }
}

/* A failing verdict the screen has no words of its own for, from its name: "wrong-direction"
 * -> "Wrong direction — not passed". */
static void verdict_words(GtVerdict verdict, char *buffer, size_t size) {
    char name[64];
    snprintf(name, sizeof name, "%s", gt_verdict_name(verdict));
    for (char *c = name; *c; c++)
        if (*c == '-' || *c == '_') *c = ' ';
    if (name[0] >= 'a' && name[0] <= 'z') name[0] = (char)(name[0] - 'a' + 'A');
    snprintf(buffer, size, "%s \xE2\x80\x94 not passed", name);
}

void gt_result_status(const GtScoreCard *card, char *buffer, size_t size) {
    if (card->verdict == GT_VERDICT_UNSAFE) snprintf(buffer, size, "Not passed: unsafe");
    else if (card->verdict == GT_VERDICT_NOT_THIS_STEP) snprintf(buffer, size, "Not passed: not this step");
    else if (card->verdict != GT_VERDICT_SCORED) snprintf(buffer, size, "Not passed");
    else if (card->passed) snprintf(buffer, size, "Passed (pass mark %g)", card->pass_mark);
    else snprintf(buffer, size, "Not yet: pass mark %g", card->pass_mark);
}

/* Starts a note of `kind` with `title`; NULL when `notes` already holds the most. */
static GtResultNote *add_note(GtResultNote *notes, size_t *count, GtNoteKind kind, const char *title) {
    if (*count >= GT_RESULT_NOTES_MAX) return NULL;
    GtResultNote *n = &notes[(*count)++];
    memset(n, 0, sizeof *n);
    n->kind = kind;
    snprintf(n->title, sizeof n->title, "%s", title);
    return n;
}

/* Adds a line under a note (skipped when empty or when the note is full). */
static void add_line(GtResultNote *note, const char *line) {
    if (!note || !line || !line[0] || note->line_count >= GT_NOTE_LINES_MAX) return;
    snprintf(note->lines[note->line_count++], sizeof note->lines[0], "%s", line);
}

size_t gt_result_notes(const GtScoreCard *card, GtResultNote *notes) {
    size_t count = 0;
    char title[sizeof notes->title];
    if (card->verdict == GT_VERDICT_UNSAFE) {
        GtResultNote *n = add_note(notes, &count, GT_NOTE_UNSAFE, "Unsafe \xE2\x80\x94 not passed");
        for (size_t i = 0; i < card->safety_count && i < GT_SAFETY_MAX; i++) add_line(n, card->safety[i].message);
        if (n && !n->line_count) add_line(n, card->verdict_reason);
    } else if (card->verdict == GT_VERDICT_NOT_THIS_STEP) {
        add_line(add_note(notes, &count, GT_NOTE_NOT_THIS_STEP, "Not this step"), card->verdict_reason);
    } else if (card->verdict != GT_VERDICT_SCORED) {
        verdict_words(card->verdict, title, sizeof title);
        add_line(add_note(notes, &count, GT_NOTE_NOT_THIS_STEP, title), card->verdict_reason);
    }
    if (card->capped) {
        /* the engine's reason may already be a whole sentence ("Grade capped at B: speed ...") */
        if (strncmp(card->cap_reason, "Grade ", 6) == 0) snprintf(title, sizeof title, "%s", card->cap_reason);
        else if (card->cap_reason[0])
            snprintf(title, sizeof title, "Grade capped at %s: %s", card->grade, card->cap_reason);
        else snprintf(title, sizeof title, "Grade capped at %s", card->grade);
        add_note(notes, &count, GT_NOTE_CAPPED, title);
    }
    const GtCompletion *c = &card->completion;
    if (c->applies && c->done < c->asked) {
        if (c->feedback[0]) snprintf(title, sizeof title, "%s", c->feedback);
        else snprintf(title, sizeof title, "%g of %g %s done", c->done, c->asked, c->unit ? c->unit : "");
        GtResultNote *n = add_note(notes, &count, GT_NOTE_SHORT, title);
        char line[GT_FEEDBACK_MAX];
        if (c->factor < 1.0) {   /* why full marks on every criterion can still make a low total */
            snprintf(line, sizeof line, "Only %.0f%% of your marks count until all the work is done.",
                     100.0 * c->factor);
            add_line(n, line);
        }
    }
    return count;
}
