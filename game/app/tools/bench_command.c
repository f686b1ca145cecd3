#include "bench_command.h"
#include "bench.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static const char USAGE[] =
    "Usage: guidedtouch bench [--json] [--quick] [--trainer | --engine]\n"
    "\n"
    "Measures the engine (library load, grading throughput in one process and per process,\n"
    "scoring and reading time per sample at 1k, 10k and 100k samples) and the trainer through\n"
    "its real loop at 1280x800 and 1920x1080 on every renderer SDL offers here (first frame,\n"
    "frame CPU time while tracing, frames over 16.7 ms, event-to-present latency, idle CPU on the\n"
    "lesson list, practice and rhythm screens, resident memory). Prints a table, or JSON with\n"
    "--json; --quick makes every run short (a check that the bench works, not figures to keep);\n"
    "--trainer measures only the trainer, on the renderer it chooses for itself; --engine only the\n"
    "engine (no window needed).\n"
    "Under X run it in a window system (for example xvfb-run); without one set\n"
    "SDL_VIDEODRIVER=dummy. Students' data is not touched: the runs use a temporary folder.\n"
    "See docs/performance.md.\n";

double gt_bench_wall_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

double gt_bench_cpu_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

/* Orders doubles. */
static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double gt_bench_percentile(double *values, size_t count, double p) {
    if (!count) return 0;
    qsort(values, count, sizeof *values, compare_doubles);
    size_t at = (size_t)ceil(p / 100.0 * (double)count);
    return values[at > 0 ? (at <= count ? at - 1 : count - 1) : 0];
}

double gt_bench_rss_mb(void) {
    FILE *file = fopen("/proc/self/statm", "r");
    long pages = 0, resident = 0;
    if (file) {
        if (fscanf(file, "%ld %ld", &pages, &resident) != 2) resident = 0;
        fclose(file);
    }
    return (double)resident * (double)sysconf(_SC_PAGESIZE) / (1024.0 * 1024.0);
}

double gt_bench_peak_rss_mb(void) {
    struct rusage usage;
    getrusage(RUSAGE_SELF, &usage);
    return (double)usage.ru_maxrss / 1024.0;
}

/* Points the runs' data and configuration at a fresh temporary folder; false when it cannot. */
static bool private_home(char *folder, size_t size) {
    snprintf(folder, size, "/tmp/guidedtouch-bench-XXXXXX");
    if (!mkdtemp(folder)) return false;
    char path[600];
    snprintf(path, sizeof path, "%s/data", folder);
    setenv("XDG_DATA_HOME", path, 1);
    snprintf(path, sizeof path, "%s/config", folder);
    setenv("XDG_CONFIG_HOME", path, 1);
    snprintf(path, sizeof path, "%s/none.json", folder);
    setenv("GUIDEDTOUCH_SYSTEM_CONFIG", path, 1);
    return true;
}

/* The machine the figures come from, into root "machine" (and the table). */
static void describe_machine(GtBench *bench) {
    cJSON *machine = cJSON_AddObjectToObject(bench->root, "machine");
    struct utsname name;
    if (uname(&name) == 0) cJSON_AddStringToObject(machine, "kernel", name.release);
    cJSON_AddNumberToObject(machine, "cpus", (double)sysconf(_SC_NPROCESSORS_ONLN));
    char model[256] = "unknown";
    FILE *file = fopen("/proc/cpuinfo", "r");
    char line[512];
    while (file && fgets(line, sizeof line, file))
        if (strncmp(line, "model name", 10) == 0 && strchr(line, ':')) {
            snprintf(model, sizeof model, "%s", strchr(line, ':') + 2);
            model[strcspn(model, "\n")] = '\0';
            break;
        }
    if (file) fclose(file);
    cJSON_AddStringToObject(machine, "cpu", model);
    const char *video = getenv("SDL_VIDEODRIVER");
    cJSON_AddStringToObject(machine, "sdl_video_driver", video ? video : "(SDL's choice)");
    cJSON_AddBoolToObject(machine, "quick", bench->quick);
    if (bench->table)
        printf("Machine: %s, %ld CPUs, kernel %s, SDL video driver %s%s\n", model, sysconf(_SC_NPROCESSORS_ONLN),
               name.release, video ? video : "(SDL's choice)", bench->quick ? "; QUICK run, not figures to keep" : "");
}

int gt_app_bench_command(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    GtBench bench = { .data_dir = place->data_dir, .table = true, .root = cJSON_CreateObject() };
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) bench.table = false;
        else if (strcmp(argv[i], "--quick") == 0) bench.quick = true;
        else if (strcmp(argv[i], "--trainer") == 0) bench.trainer_only = true;
        else if (strcmp(argv[i], "--engine") == 0) bench.engine_only = true;
        else {
            fprintf(stderr, "guidedtouch bench: unknown option \"%s\"\n\n%s", argv[i], USAGE);
            cJSON_Delete(bench.root);
            return GT_EXIT_USAGE;
        }
    }
    static char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n > 0) self[n] = '\0', bench.self = self;
    static char front[4096];
    char looked[8192];
    if (gt_cli_find_program("guidedtouch", GT_BIN_FROM_TRAINER, front, sizeof front, looked, sizeof looked))
        bench.front = front;
    else fprintf(stderr, "guidedtouch bench: no command line to time `grade` with; looked for %s\n", looked);
    char home[256];
    if (!private_home(home, sizeof home)) fprintf(stderr, "guidedtouch bench: no temporary folder; figures may "
                                                          "mix with this user's data\n");
    describe_machine(&bench);
    if (!bench.engine_only) gt_bench_trainer(&bench); /* first: its child processes then start from a small parent */
    if (!bench.trainer_only) gt_bench_engine(&bench);
    if (!bench.table) {
        char *text = cJSON_Print(bench.root);
        if (text) puts(text);
        free(text);
    }
    cJSON_Delete(bench.root);
    char command[400];
    snprintf(command, sizeof command, "rm -rf '%s'", home);
    if (strncmp(home, "/tmp/guidedtouch-bench-", 23) == 0 && system(command) != 0)
        fprintf(stderr, "guidedtouch bench: could not remove %s\n", home);
    return GT_EXIT_OK;
}
