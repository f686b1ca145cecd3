/* fuzz_recording: arbitrary bytes as an instructor's lesson when a recorded demonstration is saved
 * into it. A lesson that loads gets one of its steps performed (the reference performance), scored
 * and turned into a derived step, as instructor mode does, and the lesson's text is rewritten with
 * it (lesson_write.h); the rewritten text is loaded again as the trainer checks it before saving.
 * Covers the engine (demonstration, scoring, deriving) on every lesson the loader accepts. */
#include "fuzz_common.h"
#include "gt_demo.h"
#include "gt_record.h"
#include "lesson_write.h"
#include "loaders.h"

/* Performs, scores and derives step `number` of `lesson`, then rewrites and reloads `text`. */
static void record_step(const GtLibrary *library, const GtLesson *lesson, int number, const char *text,
                        size_t size) {
    const GtStep *step = &lesson->steps[number - 1];
    const GtBodyMap *map = gt_library_view(library, step->view);
    GtReplay demo;
    if (!gt_demo_synthesise(lesson->id, number, step, map, &demo)) return;
    GtScoreTarget target = { lesson->id, number, step, step->technique, map, lesson->level };
    GtScoreCard *card = malloc(sizeof *card);
    GtDerivedStep derived;
    if (card && gt_score_attempt(&target, &demo, card) && gt_record_derive(step, &demo, card, &derived)) {
        char error[512];
        char *rewritten = gt_lesson_text_with_recording(text, size, number, &derived, "demos/fuzz-step.json", error,
                                                        sizeof error);
        if (rewritten) {
            GtReferences refs = gt_library_references(library);
            GtDiag diag;
            gt_diag_init(&diag);
            GtArena arena;
            gt_arena_init(&arena);
            GtLesson again;
            gt_load_lesson("rewritten.json", rewritten, strlen(rewritten), &refs, &arena, &diag, &again);
            gt_arena_free(&arena);
            fuzz_drain(&diag);
            free(rewritten);
        }
    }
    free(card);
    gt_replay_free(&demo);
}

/* libFuzzer calls this with each input; every outcome but a sanitizer report or an abort is fine. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const GtLibrary *library = fuzz_library();
    GtReferences refs = gt_library_references(library);
    char *text = fuzz_text(data, size);
    if (!text) return 0;
    GtDiag diag;
    gt_diag_init(&diag);
    GtArena arena;
    gt_arena_init(&arena);
    GtLesson lesson;
    if (gt_load_lesson("fuzz.json", text, size, &refs, &arena, &diag, &lesson) && lesson.step_count > 0)
        record_step(library, &lesson, (int)(size % lesson.step_count) + 1, text, size);
    gt_arena_free(&arena);
    fuzz_drain(&diag);
    free(text);
    return 0;
}
