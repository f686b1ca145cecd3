/* bench: `guidedtouch bench`, the figures of speed and memory that docs/performance.md records:
 * the engine (library load, grading throughput in one process and per process, scoring and
 * reading time per sample) and the trainer through its real loop (start-up to the first
 * presented frame, frame CPU time while tracing, event-to-present latency, idle CPU on the lesson
 * list, practice and rhythm screens, resident memory), at 1280x800 and 1920x1080 on each
 * renderer SDL offers. A benchmark prints figures; it never passes or fails on them.
 *
 * Ownership: the GtBench owns its JSON tree (`root`), freed by the command. */
#ifndef GT_BENCH_H
#define GT_BENCH_H

#include <cjson/cJSON.h>
#include <stdbool.h>
#include <stddef.h>

typedef struct GtBench {
    const char *data_dir;   /* the bundled library */
    const char *self;       /* this program, for the per-process figures */
    bool quick;             /* shorter runs (a smoke test of the bench itself) */
    bool table;             /* print the readable table as figures come */
    bool trainer_only;      /* only the trainer on the renderer it chooses itself (--trainer) */
    bool engine_only;       /* only the engine (--engine) */
    cJSON *root;            /* every figure, for --json */
    const char *front;      /* the command line `guidedtouch` (no SDL), for `grade` as a process; or NULL */
} GtBench;

/* Library load, grading throughput (in one process and per process), and scoring and reading
 * time per sample at 1k, 10k and 100k samples, into bench->root "engine". */
void gt_bench_engine(GtBench *bench);

/* The trainer's figures per size and renderer, into bench->root "trainer". */
void gt_bench_trainer(GtBench *bench);

/* Wall-clock and this process's CPU time now, ms. */
double gt_bench_wall_ms(void);
double gt_bench_cpu_ms(void);

/* The p-th percentile (0-100) of `count` values, which it sorts in place; 0 when count is 0. */
double gt_bench_percentile(double *values, size_t count, double p);

/* Resident memory now and at its peak, MB. */
double gt_bench_rss_mb(void);
double gt_bench_peak_rss_mb(void);

#endif
