/* bench_engine: prints how long the engine takes for what a student and a kiosk do most,
 * and how much memory it peaks at. A benchmark, not a test: it prints figures and never
 * fails on timing. Usage: bench_engine [DATA_DIR] */
#include "gt_demo.h"
#include "gt_motion.h"
#include "gt_score.h"
#include "library.h"
#include "replay_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* A long two-handed attempt: `seconds` of two overlapping contacts at 120 Hz. */
static void build_long_replay(GtReplay *r, double seconds) {
    gt_replay_init(r);
    strcpy(r->lesson, "lower-back-basics");
    strcpy(r->technique, "effleurage");
    r->step = 1;
    for (int hand = 0; hand < 2; hand++) {
        int c = gt_replay_add_contact(r, hand);
        for (double t = 0; t < seconds * 1000.0; t += 1000.0 / 120.0) {
            GtSample s = { t, 45.0 + hand * 10.0 + 2.0 * (t / 1000.0 - (int)(t / 1000.0)), 82.0 - t / 5000.0, 0.35 };
            gt_replay_add_sample(r, c, gt_sample_quantize(s));
        }
    }
}

int main(int argc, char **argv) {
    const char *data_dir = argc > 1 ? argv[1] : GT_SOURCE_DATA_DIR;
    GtDiag diag;
    gt_diag_init(&diag);
    GtLibrary library;
    double t0 = now_ms();
    enum { LOADS = 20 };
    for (int i = 0; i < LOADS; i++) {
        if (i) gt_library_free(&library);
        gt_library_load(&library, data_dir, &diag);
    }
    double load_ms = (now_ms() - t0) / LOADS;
    printf("library load (2 body maps, %zu techniques, %zu lessons): %.2f ms\n", library.technique_count,
           library.lesson_count, load_ms);

    size_t steps = 0, samples = 0;
    double synth_ms = 0, score_ms = 0, worst_score_ms = 0;
    char worst[128] = "";
    for (size_t l = 0; l < library.lesson_count; l++) {
        const GtLesson *lesson = &library.lessons[l];
        for (size_t s = 0; s < lesson->step_count; s++, steps++) {
            const GtStep *step = &lesson->steps[s];
            const GtBodyMap *map = gt_library_view(&library, step->view);
            GtReplay demo;
            double a = now_ms();
            gt_demo_synthesise(lesson->id, (int)s + 1, step, map, &demo);
            double b = now_ms();
            GtScoreTarget target = { lesson->id, (int)s + 1, step, step->technique, map, lesson->level };
            GtScoreCard card;
            gt_score_attempt(&target, &demo, &card);
            double c = now_ms();
            synth_ms += b - a;
            score_ms += c - b;
            if (c - b > worst_score_ms) {
                worst_score_ms = c - b;
                snprintf(worst, sizeof worst, "%s step %zu (%s, %zu samples)", lesson->id, s + 1, step->technique_id,
                         gt_replay_sample_count(&demo));
            }
            samples += gt_replay_sample_count(&demo);
            gt_replay_free(&demo);
        }
    }
    printf("demonstrations: %zu steps, %zu samples; synthesis %.2f ms per step, scoring %.2f ms per step\n", steps,
           samples, synth_ms / steps, score_ms / steps);
    printf("slowest step to score: %.2f ms, %s\n", worst_score_ms, worst);

    GtReplay long_replay;
    build_long_replay(&long_replay, 300.0);
    double a = now_ms();
    char *text = gt_replay_to_json(&long_replay);
    double b = now_ms();
    GtReplay back;
    gt_load_replay("long.json", text, strlen(text), &diag, &back);
    double c = now_ms();
    const GtLesson *lesson = gt_library_lesson(&library, "lower-back-basics");
    if (lesson) {
        const GtStep *step = &lesson->steps[0];
        GtScoreTarget target = { lesson->id, 1, step, step->technique, gt_library_view(&library, step->view),
                                 lesson->level };
        GtScoreCard card;
        gt_score_attempt(&target, &back, &card);
    }
    double d = now_ms();
    printf("5-minute two-hand replay at 120 Hz (%zu samples, %.1f MB of JSON): write %.1f ms, read %.1f ms, "
           "score %.1f ms\n", gt_replay_sample_count(&back), strlen(text) / 1e6, b - a, c - b, d - c);
    free(text);
    gt_replay_free(&back);
    gt_replay_free(&long_replay);
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    printf("peak memory (max RSS): %.1f MB\n", usage.ru_maxrss / 1024.0);
    gt_library_free(&library);
    gt_diag_free(&diag);
    return 0;
}
