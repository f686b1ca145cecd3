/* bench_trainer: the trainer's figures for `guidedtouch bench` (see bench.h), each size and
 * renderer measured in a child process of its own, so one run's memory never counts in the next. */
#include "bench.h"
#include "app.h"
#include "app_state.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

enum { MAX_FRAMES = 8192, LATENCY_EVENTS = 240 };
static const double DEADLINE_MS = 1000.0 / 60.0;

/* One configuration to measure. */
typedef struct Config {
    int width, height;
    const char *renderer;   /* an SDL render driver name */
} Config;

/* Pushes a finger event (touch device 1, finger 1, full pressure) at a window fraction. */
static void push_finger(Uint32 type, float x, float y) {
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.tfinger.touchId = 1;
    e.tfinger.fingerId = 1;
    e.tfinger.x = x;
    e.tfinger.y = y;
    e.tfinger.pressure = 1.0f;
    SDL_PushEvent(&e);
}

/* Opens the trainer at the configuration's size on `lesson` (NULL: the lesson list) in practice
 * mode, on the virtual clock when `script` is given, else on the real one. */
static GtApp *open_trainer(const GtBench *bench, const Config *c, const char *lesson, const char *step,
                           const char *script) {
    char size[32];
    snprintf(size, sizeof size, "%dx%d", c->width, c->height);
    const char *argv[16] = { "--window", size, "--mute" }; /* no --frames: the real clock unless scripted */
    int argc = 3;
    if (lesson) {
        argv[argc++] = "--lesson", argv[argc++] = lesson, argv[argc++] = "--step", argv[argc++] = step;
        argv[argc++] = "--mode", argv[argc++] = "practice";
    }
    if (script) argv[argc++] = "--script", argv[argc++] = script;
    int code = 0;
    return gt_app_open(bench->data_dir, argc, (char **)argv, &code);
}

/* Writes a minute of tracing on lower-back-basics step 1 (strokes of 4 s) as a script; its path. */
static const char *tracing_script(bool quick) {
    static char path[128];
    snprintf(path, sizeof path, "/tmp/guidedtouch-bench-%ld.txt", (long)getpid());
    FILE *file = fopen(path, "w");
    if (!file) return NULL;
    fprintf(file, "at 300\nkey 4\n");
    for (int i = 0; i < (quick ? 2 : 14); i++) fprintf(file, "trace 0 46.5 83 45.6 62 4000\nwait 300\n");
    fclose(file);
    return path;
}

/* The tracing run: frame CPU and wall time per frame, start-up to the first presented frame. */
static void measure_tracing(const GtBench *bench, const Config *c, cJSON *out) {
    const char *script = tracing_script(bench->quick);
    double start = gt_bench_wall_ms();
    GtApp *app = script ? open_trainer(bench, c, "lower-back-basics", "1", script) : NULL;
    if (!app) return;
    static double cpu[MAX_FRAMES], wall[MAX_FRAMES];
    size_t frames = 0, missed = 0;
    bool first = true;
    for (;;) {
        double w0 = gt_bench_wall_ms(), c0 = gt_bench_cpu_ms();
        bool going = gt_app_frame(app);
        double w1 = gt_bench_wall_ms(), c1 = gt_bench_cpu_ms();
        if (first) cJSON_AddNumberToObject(out, "first_frame_ms_in_process", w1 - start);
        first = false;
        if (frames < MAX_FRAMES) {
            cpu[frames] = c1 - c0;
            wall[frames] = w1 - w0;
            missed += wall[frames] > DEADLINE_MS;
            frames++;
        }
        if (!going) break;
    }
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(app->renderer, &info) == 0) cJSON_AddStringToObject(out, "renderer_used", info.name);
    cJSON_AddNumberToObject(out, "rss_mb_after_a_minute", gt_bench_rss_mb());
    gt_app_close(app);
    remove(script);
    double max_cpu = 0;
    for (size_t i = 0; i < frames; i++) max_cpu = cpu[i] > max_cpu ? cpu[i] : max_cpu;
    cJSON_AddNumberToObject(out, "frames", (double)frames);
    cJSON_AddNumberToObject(out, "frame_cpu_ms_p50", gt_bench_percentile(cpu, frames, 50));
    cJSON_AddNumberToObject(out, "frame_cpu_ms_p99", gt_bench_percentile(cpu, frames, 99));
    cJSON_AddNumberToObject(out, "frame_cpu_ms_max", max_cpu);
    cJSON_AddNumberToObject(out, "frames_missing_60hz", (double)missed);
}

/* Event-to-present latency on the real clock: a finger goes down on the guide, then moves; for
 * each event, from its push into SDL's queue to the end of the frame that presented it. */
static void measure_latency(const GtBench *bench, const Config *c, cJSON *out) {
    GtApp *app = open_trainer(bench, c, "lower-back-basics", "1", NULL);
    if (!app) return;
    gt_app_frame(app);
    const GtStep *step = gt_session_step(&app->session);
    SDL_FPoint a = gt_bodyview_to_px(&app->views[step->view], step->guide.points[0]);
    SDL_FPoint b = gt_bodyview_to_px(&app->views[step->view], step->guide.points[step->guide.count - 1]);
    static double ms[LATENCY_EVENTS];
    size_t n = 0;
    for (int i = 0; i < LATENCY_EVENTS; i++) {
        double f = (double)(i % 60) / 60.0;
        Uint32 type = i == 0 ? SDL_FINGERDOWN : SDL_FINGERMOTION;
        double start = gt_bench_wall_ms();
        push_finger(type, (float)((a.x + (b.x - a.x) * f) / app->output_w),
                            (float)((a.y + (b.y - a.y) * f) / app->output_h));
        gt_app_frame(app);
        ms[n++] = gt_bench_wall_ms() - start;
    }
    gt_app_close(app);
    cJSON_AddNumberToObject(out, "event_to_present_ms_p50", gt_bench_percentile(ms, n, 50));
    cJSON_AddNumberToObject(out, "event_to_present_ms_p99", gt_bench_percentile(ms, n, 99));
}

/* CPU spent per second of wall time while a screen waits for input on the real clock, ms/s. */
static double idle_cpu_ms_per_s(const GtBench *bench, const Config *c, const char *lesson, const char *step) {
    GtApp *app = open_trainer(bench, c, lesson, step, NULL);
    if (!app) return -1;
    for (int i = 0; i < 3; i++) gt_app_frame(app); /* settle: first frames draw everything */
    double seconds = bench->quick ? 1.0 : 10.0;
    double w0 = gt_bench_wall_ms(), c0 = gt_bench_cpu_ms();
    while (gt_bench_wall_ms() - w0 < seconds * 1000.0) gt_app_frame(app);
    double per_s = (gt_bench_cpu_ms() - c0) / ((gt_bench_wall_ms() - w0) / 1000.0);
    gt_app_close(app);
    return per_s;
}

/* Every figure of one configuration, in this (child) process. */
static cJSON *measure(const GtBench *bench, const Config *c, bool idle) {
    if (strcmp(c->renderer, "default") != 0) { /* else the trainer's own choice (renderer_choice.h) */
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, c->renderer);
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, strcmp(c->renderer, "software") == 0 ? "0" : "1");
    }
    cJSON *out = cJSON_CreateObject();
    cJSON_AddNumberToObject(out, "width", c->width);
    cJSON_AddNumberToObject(out, "height", c->height);
    cJSON_AddStringToObject(out, "renderer", c->renderer);
    measure_tracing(bench, c, out);
    measure_latency(bench, c, out);
    if (idle) {
        cJSON_AddNumberToObject(out, "idle_cpu_ms_per_s_home", idle_cpu_ms_per_s(bench, c, NULL, NULL));
        cJSON_AddNumberToObject(out, "idle_cpu_ms_per_s_practice",
                                idle_cpu_ms_per_s(bench, c, "lower-back-basics", "1"));
        cJSON_AddNumberToObject(out, "idle_cpu_ms_per_s_rhythm", idle_cpu_ms_per_s(bench, c, "lower-back-basics", "4"));
    }
    cJSON_AddNumberToObject(out, "peak_rss_mb", gt_bench_peak_rss_mb());
    return out;
}

/* Runs `measure` in a child process and returns what it found (NULL when it failed). */
static cJSON *measure_in_child(const GtBench *bench, const Config *c, bool idle) {
    int pipe_fd[2];
    if (pipe(pipe_fd) != 0) return NULL;
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        close(pipe_fd[0]);
        cJSON *out = measure(bench, c, idle);
        char *text = cJSON_PrintUnformatted(out);
        if (text && write(pipe_fd[1], text, strlen(text)) < 0) _exit(1);
        _exit(0);
    }
    close(pipe_fd[1]);
    char *text = NULL;
    size_t length = 0, capacity = 0;
    for (;;) {
        if (length + 4096 > capacity && !(text = realloc(text, capacity = capacity * 2 + 8192))) break;
        ssize_t n = read(pipe_fd[0], text + length, capacity - length - 1);
        if (n <= 0) break;
        length += (size_t)n;
    }
    close(pipe_fd[0]);
    int status = 0;
    if (pid > 0) waitpid(pid, &status, 0);
    cJSON *out = text && length ? cJSON_ParseWithLength(text, length) : NULL;
    free(text);
    return out;
}

/* Prints one configuration's figures as table rows. */
static void print_row(const cJSON *r) {
    const char *used = cJSON_GetStringValue(cJSON_GetObjectItem(r, "renderer_used"));
#define N(key) cJSON_GetNumberValue(cJSON_GetObjectItem(r, key))
    printf("  %4.0fx%-4.0f %-10s (%s): first frame %5.0f ms; frame CPU p50 %5.2f p99 %5.2f max %6.2f ms, %3.0f of "
           "%4.0f frames over 16.7 ms; event to present p50 %5.2f p99 %5.2f ms; RSS after a minute %5.1f MB, "
           "peak %5.1f MB\n", N("width"), N("height"), cJSON_GetStringValue(cJSON_GetObjectItem(r, "renderer")),
           used ? used : "?", N("first_frame_ms_in_process"), N("frame_cpu_ms_p50"), N("frame_cpu_ms_p99"),
           N("frame_cpu_ms_max"), N("frames_missing_60hz"), N("frames"), N("event_to_present_ms_p50"),
           N("event_to_present_ms_p99"), N("rss_mb_after_a_minute"), N("peak_rss_mb"));
    if (cJSON_GetObjectItem(r, "idle_cpu_ms_per_s_home"))
        printf("  idle CPU: lesson list %.1f ms/s, practice %.1f ms/s, rhythm %.1f ms/s\n",
               N("idle_cpu_ms_per_s_home"), N("idle_cpu_ms_per_s_practice"), N("idle_cpu_ms_per_s_rhythm"));
#undef N
}

void gt_bench_trainer(GtBench *bench) {
    cJSON *runs = cJSON_AddArrayToObject(cJSON_AddObjectToObject(bench->root, "trainer"), "runs");
    const char *names[8] = { "default" }; /* the trainer's own choice first, then each renderer by name */
    int count = 1;
    for (int i = 0; !bench->trainer_only && i < SDL_GetNumRenderDrivers() && count < 8; i++) {
        SDL_RendererInfo info;
        if (SDL_GetRenderDriverInfo(i, &info) == 0) names[count++] = info.name;
    }
    static const int SIZES[2][2] = { { 1280, 800 }, { 1920, 1080 } };
    if (bench->table) printf("Trainer (through its real loop; a minute of tracing on the virtual clock)\n");
    for (int r = 0; r < count; r++) {
        for (int s = 0; s < (bench->quick ? 1 : 2); s++) {
            Config c = { SIZES[s][0], SIZES[s][1], names[r] };
            cJSON *row = measure_in_child(bench, &c, r == 0 && s == 0);
            if (!row) continue;
            if (bench->table) print_row(row);
            cJSON_AddItemToArray(runs, row);
        }
    }
}
