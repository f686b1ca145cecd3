/* bench_engine: the engine's figures for `guidedtouch bench` (see bench.h). */
#include "bench.h"
#include "gt_demo.h"
#include "gt_motion.h"
#include "gt_score.h"
#include "library.h"
#include "loaders.h"
#include "replay_write.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Loads the library `times` times; the median ms of one load, and in *cpu_ms its median CPU time. */
static double library_load_ms(const char *data_dir, int times, double *cpu_ms) {
    double ms[64], cpu[64];
    for (int i = 0; i < times && i < 64; i++) {
        GtLibrary library;
        GtDiag diag;
        gt_diag_init(&diag);
        double start = gt_bench_wall_ms(), start_cpu = gt_bench_cpu_ms();
        gt_library_load(&library, data_dir, &diag);
        ms[i] = gt_bench_wall_ms() - start;
        cpu[i] = gt_bench_cpu_ms() - start_cpu;
        gt_library_free(&library);
        gt_diag_free(&diag);
    }
    *cpu_ms = gt_bench_percentile(cpu, (size_t)(times < 64 ? times : 64), 50);
    return gt_bench_percentile(ms, (size_t)(times < 64 ? times : 64), 50);
}

/* Grades every step's demonstration again and again for about `seconds`; replays per second. */
static double grades_per_second(const GtLibrary *library, double seconds) {
    double start = gt_bench_wall_ms(), graded = 0;
    while (gt_bench_wall_ms() - start < seconds * 1000.0 || graded == 0) {
        for (size_t l = 0; l < library->lesson_count; l++) {
            const GtLesson *lesson = &library->lessons[l];
            for (size_t s = 0; s < lesson->step_count; s++) {
                const GtStep *step = &lesson->steps[s];
                const GtBodyMap *map = gt_library_view(library, step->view);
                GtReplay demo;
                if (!gt_demo_synthesise(lesson->id, (int)s + 1, step, map, &demo)) continue;
                GtScoreTarget target = { lesson->id, (int)s + 1, step, step->technique, map, lesson->level };
                GtScoreCard card;
                gt_score_attempt(&target, &demo, &card);
                gt_replay_free(&demo);
                graded++;
            }
        }
    }
    return graded / ((gt_bench_wall_ms() - start) / 1000.0);
}

/* A glide of `samples` samples going up and down lower-back-basics step 1's muscle. */
static void long_glide(GtReplay *r, size_t samples) {
    gt_replay_init(r);
    snprintf(r->lesson, sizeof r->lesson, "lower-back-basics");
    snprintf(r->technique, sizeof r->technique, "effleurage");
    r->step = 1;
    int c = gt_replay_add_contact(r, 0);
    for (size_t i = 0; i < samples; i++) {
        double t = (double)i * 8.0, phase = (double)(i % 2000) / 2000.0;
        GtSample s = { t, 46.3 + 0.3 * (phase - 0.5), 82.0 - 18.0 * phase, 0.35 };
        gt_replay_add_sample(r, c, gt_sample_quantize(s));
    }
}

/* Scoring and reading time per sample (ns) for a replay of `samples`, into `out`. */
static void per_sample(const GtLibrary *library, size_t samples, cJSON *out, bool table) {
    const GtLesson *lesson = gt_library_lesson(library, "lower-back-basics");
    if (!lesson) return;
    const GtStep *step = &lesson->steps[0];
    GtReplay replay;
    long_glide(&replay, samples);
    GtScoreTarget target = { lesson->id, 1, step, step->technique, gt_library_view(library, step->view),
                             lesson->level };
    GtScoreCard card;
    double a = gt_bench_wall_ms();
    gt_score_attempt(&target, &replay, &card);
    double b = gt_bench_wall_ms();
    char *text = gt_replay_to_json(&replay);
    double c = gt_bench_wall_ms();
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay back;
    bool read = text && gt_load_replay("bench.json", text, strlen(text), &diag, &back);
    double d = gt_bench_wall_ms();
    if (read) gt_replay_free(&back);
    gt_diag_free(&diag);
    free(text);
    gt_replay_free(&replay);
    double score_ns = (b - a) * 1e6 / (double)samples, read_ns = (d - c) * 1e6 / (double)samples;
    cJSON *row = cJSON_CreateObject();
    cJSON_AddNumberToObject(row, "samples", (double)samples);
    cJSON_AddNumberToObject(row, "score_ns_per_sample", score_ns);
    cJSON_AddNumberToObject(row, "read_ns_per_sample", read_ns);
    cJSON_AddItemToArray(out, row);
    if (table) printf("  %7zu samples: scoring %6.0f ns, reading %6.0f ns per sample\n", samples, score_ns, read_ns);
}

/* Runs the command line `guidedtouch grade lower-back-basics 1 WHAT` as a process of its own, its
 * output thrown away; the ms from fork to exit (and in *cpu_ms the CPU time it used, its threads'
 * together), or -1 when it did not grade everything. */
static double grade_process_once(const GtBench *bench, const char *what, double *cpu_ms) {
    fflush(stdout); /* or the child would write this process's pending lines again */
    double start = gt_bench_wall_ms();
    pid_t pid = fork();
    if (pid == 0) {
        if (!freopen("/dev/null", "w", stdout)) _exit(127);
        execl(bench->front, bench->front, "--data", bench->data_dir, "grade", "lower-back-basics", "1", what,
              (char *)NULL);
        _exit(127);
    }
    int status = 0;
    struct rusage before, after;
    getrusage(RUSAGE_CHILDREN, &before);
    if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return -1;
    double ms = gt_bench_wall_ms() - start;
    getrusage(RUSAGE_CHILDREN, &after); /* the children waited for so far: this one is the difference */
    *cpu_ms = (double)(after.ru_utime.tv_sec - before.ru_utime.tv_sec + after.ru_stime.tv_sec - before.ru_stime.tv_sec) *
                  1000.0 +
              (double)(after.ru_utime.tv_usec - before.ru_utime.tv_usec + after.ru_stime.tv_usec -
                       before.ru_stime.tv_usec) / 1000.0;
    return ms;
}

/* `guidedtouch grade` of one replay as a process, `times` times; median ms of one, and in *cpu_ms
 * the median CPU time. */
static double grade_process_ms(const GtBench *bench, const char *replay_path, int times, double *cpu_ms) {
    double ms[32], cpu[32];
    int done = 0;
    for (int i = 0; i < times && i < 32; i++) {
        double one = grade_process_once(bench, replay_path, &cpu[done]);
        if (one >= 0) ms[done++] = one;
    }
    *cpu_ms = gt_bench_percentile(cpu, (size_t)done, 50);
    return gt_bench_percentile(ms, (size_t)done, 50);
}

/* A class of `count` copies of the replay in a temporary folder, graded by one `guidedtouch grade`
 * call (start-up and library load included), the best of `times`; replays a second, 0 on failure;
 * in *cpu_ms the CPU time of that best call. */
static double grade_batch_per_second(const GtBench *bench, const char *replay_path, int count, int times,
                                     double *cpu_ms) {
    char folder[128], file[160];
    snprintf(folder, sizeof folder, "/tmp/guidedtouch-bench-class-%ld", (long)getpid());
    if (mkdir(folder, 0700) != 0) return 0;
    char *text = NULL;
    size_t length = 0;
    GtDiag diag;
    gt_diag_init(&diag);
    bool read = gt_read_file(replay_path, &text, &length, &diag);
    gt_diag_free(&diag);
    int written = 0;
    for (int i = 0; read && i < count; i++) {
        snprintf(file, sizeof file, "%s/attempt-%04d.json", folder, i);
        FILE *out = fopen(file, "w");
        if (out && fwrite(text, 1, length, out) == length) written++;
        if (out) fclose(out);
    }
    free(text);
    double best = -1;
    *cpu_ms = 0;
    for (int i = 0; written == count && i < times; i++) {
        double cpu = 0, ms = grade_process_once(bench, folder, &cpu);
        if (ms >= 0 && (best < 0 || ms < best)) {
            best = ms;
            *cpu_ms = cpu;
        }
    }
    for (int i = 0; i < count; i++) {
        snprintf(file, sizeof file, "%s/attempt-%04d.json", folder, i);
        remove(file);
    }
    rmdir(folder);
    return best > 0 ? count / (best / 1000.0) : 0;
}

/* Writes lower-back-basics step 1's demonstration to a temporary file; its path, or "" . */
static void demo_file(const GtLibrary *library, char *path, size_t size) {
    path[0] = '\0';
    const GtLesson *lesson = gt_library_lesson(library, "lower-back-basics");
    GtReplay demo;
    if (!lesson || !gt_demo_synthesise(lesson->id, 1, &lesson->steps[0],
                                       gt_library_view(library, lesson->steps[0].view), &demo))
        return;
    char *text = gt_replay_to_json(&demo);
    gt_replay_free(&demo);
    snprintf(path, size, "/tmp/guidedtouch-bench-%ld.json", (long)getpid());
    FILE *file = text ? fopen(path, "w") : NULL;
    if (!file || fputs(text, file) < 0) path[0] = '\0';
    if (file) fclose(file);
    free(text);
}

void gt_bench_engine(GtBench *bench) {
    cJSON *engine = cJSON_AddObjectToObject(bench->root, "engine");
    GtLibrary library;
    GtDiag diag;
    gt_diag_init(&diag);
    gt_library_load(&library, bench->data_dir, &diag);
    gt_diag_free(&diag);
    double load_cpu_ms = 0, load_ms = library_load_ms(bench->data_dir, bench->quick ? 3 : 21, &load_cpu_ms);
    cJSON_AddNumberToObject(engine, "library_load_ms", load_ms);
    cJSON_AddNumberToObject(engine, "library_load_cpu_ms", load_cpu_ms);
    cJSON_AddNumberToObject(engine, "lessons", (double)library.lesson_count);
    cJSON_AddNumberToObject(engine, "techniques", (double)library.technique_count);
    double per_second = grades_per_second(&library, bench->quick ? 0.2 : 2.0);
    cJSON_AddNumberToObject(engine, "grades_per_second_in_process", per_second);
    char path[128];
    demo_file(&library, path, sizeof path);
    double process_cpu_ms = 0, batch_cpu_ms = 0;
    double process_ms = path[0] && bench->front ? grade_process_ms(bench, path, bench->quick ? 2 : 15, &process_cpu_ms)
                                                : 0;
    int class_size = bench->quick ? 20 : 1000;
    double batch = path[0] && bench->front ? grade_batch_per_second(bench, path, class_size, bench->quick ? 1 : 3,
                                                                    &batch_cpu_ms)
                                           : 0;
    if (path[0]) remove(path);
    cJSON_AddNumberToObject(engine, "grade_process_ms", process_ms);
    cJSON_AddNumberToObject(engine, "grade_process_cpu_ms", process_cpu_ms);
    cJSON_AddNumberToObject(engine, "grade_batch_replays", class_size);
    cJSON_AddNumberToObject(engine, "grade_batch_per_second", batch);
    cJSON_AddNumberToObject(engine, "grade_batch_cpu_ms_per_replay", class_size ? batch_cpu_ms / class_size : 0);
    if (bench->table) {
        printf("Engine\n  library load (%zu lessons, %zu techniques): %.1f ms (median; %.1f ms of CPU)\n",
               library.lesson_count, library.technique_count, load_ms, load_cpu_ms);
        printf("  grading in one process: %.0f replays a second (every step's demonstration)\n", per_second);
        printf("  one `guidedtouch grade` as a process: %.1f ms (median, start to exit; %.1f ms of CPU)\n", process_ms,
               process_cpu_ms);
        printf("  `guidedtouch grade` of a class of %d replays in one call: %.0f replays a second (start-up "
               "included; %.2f ms of CPU a replay, both threads)\n", class_size, batch,
               class_size ? batch_cpu_ms / class_size : 0);
    }
    cJSON *rows = cJSON_AddArrayToObject(engine, "per_sample");
    static const size_t SIZES[] = { 1000, 10000, 100000 };
    for (size_t i = 0; i < (bench->quick ? 2u : 3u); i++) per_sample(&library, SIZES[i], rows, bench->table);
    gt_library_free(&library);
}
