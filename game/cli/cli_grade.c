/* cli_grade: `guidedtouch grade`, the score card of one replay or of a whole class's replays of
 * one step, graded in one process against one loading of the library. */
#include "cli.h"
#include "gt_score.h"
#include "scorecard_write.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

static const char USAGE[] =
    "Usage: guidedtouch grade [--json | --lines] LESSON STEP REPLAY...\n"
    "       guidedtouch grade [--json | --lines] LESSON STEP --files-from LIST\n"
    "\n"
    "Scores the attempts in the REPLAY files against step STEP (from 1) of LESSON, loading the\n"
    "lessons once. A REPLAY may be a folder (every .json file in it, by name: a class's attempts),\n"
    "or - for standard input; LIST names one replay file per line (- reads the list from standard\n"
    "input).\n"
    "\n"
    "One replay: prints its score card as JSON:\n"
    "{\"lesson\",\"step\",\"technique\",\"total\",\"grade\",\"passed\",\"criteria\":[{\"name\",\n"
    "  \"score\",\"measured\",\"target_min\",\"target_max\",\"unit\",\"weight\",\"feedback\"}]}\n"
    "Several (or --lines): one JSON line per replay, in the order given,\n"
    "  {\"replay\":FILE,\"graded\":true,\"card\":{...}} or\n"
    "  {\"replay\":FILE,\"graded\":false,\"errors\":[{\"line\",\"column\",\"path\",\"message\"}]};\n"
    "--json: the same results as one JSON array. A replay that cannot be graded is its own\n"
    "result (its errors also go to standard error) and the others are still graded.\n"
    "Exit status: 0 when every replay was graded (passed or not), 1 when some were and some could\n"
    "not be, 2 when none could be (or the lesson or step is wrong).\n";

/* How results are written: the card alone (one replay, as always), JSON lines, or an array. */
typedef enum { OUT_CARD, OUT_LINES, OUT_ARRAY } GradeOutput;

/* One `grade` run: the step every replay is graded against, and what was done so far. */
typedef struct GradeRun {
    const GtLibrary *library;
    const GtLesson *lesson;
    int step_number;
    GradeOutput output;
    size_t graded, failed;  /* replays graded, and replays that could not be */
} GradeRun;

/* Reads standard input whole into a malloc'd buffer. */
static bool read_stdin(char **text, size_t *length) {
    size_t capacity = 65536, used = 0;
    char *buffer = malloc(capacity);
    while (buffer) {
        size_t n = fread(buffer + used, 1, capacity - used - 1, stdin);
        used += n;
        if (n == 0) break;
        if (used + 1 >= capacity) {
            if (capacity > GT_MAX_FILE_BYTES) { free(buffer); return false; }
            char *grown = realloc(buffer, capacity * 2);
            if (!grown) { free(buffer); return false; }
            buffer = grown;
            capacity *= 2;
        }
    }
    if (!buffer) return false;
    buffer[used] = '\0';
    *text = buffer;
    *length = used;
    return true;
}

/* The replay must be of this very step, or its score would be meaningless; says why not in diag. */
static bool replay_matches(const char *file, const GtReplay *replay, const GtLesson *lesson, int step_number,
                           GtDiag *diag) {
    const GtStep *step = &lesson->steps[step_number - 1];
    if (strcmp(replay->lesson, lesson->id) != 0 || replay->step != step_number) {
        gt_diag_add(diag, file, 0, 0, "", "this replay is of lesson \"%s\" step %d, not \"%s\" step %d; grade it "
                    "against its own step", replay->lesson, replay->step, lesson->id, step_number);
        return false;
    }
    if (strcmp(replay->technique, step->technique_id) != 0 || replay->view != step->view) {
        gt_diag_add(diag, file, 0, 0, "", "this replay is %s on the %s view, but step %d is %s on the %s view; the "
                    "lesson changed since it was recorded", replay->technique, gt_view_name(replay->view),
                    step_number, step->technique_id, gt_view_name(step->view));
        return false;
    }
    return true;
}

/* The result of one replay as JSON: its card, or its located errors. */
static cJSON *result_json(const char *file, const GtScoreCard *card, const GtDiag *diag) {
    cJSON *result = cJSON_CreateObject();
    if (!result) return NULL;
    cJSON_AddStringToObject(result, "replay", file);
    cJSON_AddBoolToObject(result, "graded", card != NULL);
    if (card) {
        cJSON *tree = gt_scorecard_to_cjson(card);
        if (tree) cJSON_AddItemToObject(result, "card", tree);
        return result;
    }
    cJSON *errors = cJSON_AddArrayToObject(result, "errors");
    for (size_t i = 0; i < diag->count; i++) {
        const GtDiagEntry *e = &diag->entries[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(errors, item);
        cJSON_AddNumberToObject(item, "line", e->line);
        cJSON_AddNumberToObject(item, "column", e->column);
        cJSON_AddStringToObject(item, "path", e->json_path);
        cJSON_AddStringToObject(item, "message", e->message);
    }
    return result;
}

/* One replay to grade: a file (or - for standard input), or a folder that gave none, which is a
 * result of its own that could not be graded. */
typedef struct GradeJob {
    char *name;             /* malloc'd */
    const char *problem;    /* NULL for a replay; else why the folder `name` gave no replay */
} GradeJob;

/* What grading one replay gives, kept until its turn to be written: its result as text (without
 * what separates results), what goes to standard error, and whether it was graded. */
typedef struct GradeResult {
    char *text;     /* malloc'd; NULL when nothing goes to standard output */
    char *errors;   /* malloc'd; NULL when nothing goes to standard error */
    bool graded;
} GradeResult;

/* The jobs of one part of the command line (the REPLAY arguments, or the list), in order. */
typedef struct JobList {
    GradeJob *jobs;
    size_t count, capacity;
} JobList;

/* cJSON keeps its last parse error in a global, so the located reader (which runs for a replay
 * the plain reader did not take) is used by one thread at a time. */
static pthread_mutex_t located_lock = PTHREAD_MUTEX_INITIALIZER;

/* The result's text for standard output: the card alone for one replay, else the JSON result. */
static char *result_text(const GradeRun *run, const char *file, const GtScoreCard *card, const GtDiag *diag) {
    if (run->output == OUT_CARD) return card ? gt_scorecard_to_json(card) : NULL;
    cJSON *result = result_json(file, card, diag);
    char *text = result ? cJSON_PrintUnformatted(result) : NULL;
    cJSON_Delete(result);
    return text;
}

/* What gt_diag_print would write, as a malloc'd string; NULL when there is nothing or no memory. */
static char *diag_text(const GtDiag *diag) {
    if (!diag->count) return NULL;
    char *text = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&text, &size);
    if (!out) return NULL;
    gt_diag_print(diag, out);
    fclose(out);
    return text;
}

/* Reads a replay for grading: the plain reader first (any thread), the located one under its lock. */
static bool load_replay(const char *file, const char *text, size_t length, GtDiag *diag, GtReplay *replay) {
    if (gt_load_replay_plain(text, length, replay)) return true;
    pthread_mutex_lock(&located_lock);
    bool ok = gt_load_replay_located(file, text, length, diag, replay);
    pthread_mutex_unlock(&located_lock);
    return ok;
}

/* Reads, checks and scores one replay (`-`: standard input) into `result`, its problems kept for
 * standard error. Touches nothing in `run` but what stays the same, so replays grade side by side. */
static void grade_job(const GradeRun *run, const GradeJob *job, GradeResult *result) {
    const char *name = job->name;
    const char *file = strcmp(name, "-") == 0 ? "<stdin>" : name;
    GtDiag diag;
    gt_diag_init(&diag);
    bool scored = false;
    GtScoreCard card;
    if (job->problem) {
        gt_diag_add(&diag, name, 0, 0, "", "%s", job->problem);
    } else {
        char *text = NULL;
        size_t length = 0;
        bool read = strcmp(name, "-") == 0 ? read_stdin(&text, &length) : gt_read_file(file, &text, &length, &diag);
        if (!read && !diag.count) gt_diag_add(&diag, file, 0, 0, "", "cannot read the replay");
        GtReplay replay;
        if (read && load_replay(file, text, length, &diag, &replay)) {
            if (replay_matches(file, &replay, run->lesson, run->step_number, &diag)) {
                const GtStep *step = &run->lesson->steps[run->step_number - 1];
                GtScoreTarget target = { run->lesson->id, run->step_number, step, step->technique,
                                         gt_library_view(run->library, step->view), run->lesson->level };
                gt_score_attempt(&target, &replay, &card);
                scored = true;
            }
            gt_replay_free(&replay);
        }
        free(text);
    }
    result->text = scored ? result_text(run, file, &card, &diag) : NULL;
    if (scored && !result->text) {
        gt_diag_add(&diag, file, 0, 0, "", "out of memory while writing the score card");
        scored = false;
    }
    if (!scored) {
        if (!diag.count) gt_diag_add(&diag, file, 0, 0, "", "could not be graded");
        result->text = result_text(run, job->problem ? name : file, NULL, &diag);
        result->errors = diag_text(&diag);
    }
    result->graded = scored;
    gt_diag_free(&diag);
}

/* Writes one result, in its turn, as the run's output asks (the card alone, a line, an array
 * item), its problems to standard error; frees its texts. */
static void write_result(GradeRun *run, GradeResult *result) {
    if (result->text) {
        if (run->output == OUT_CARD) puts(result->text);
        else {
            bool first = run->graded + run->failed == 0;
            if (run->output == OUT_ARRAY) fputs(first ? "[\n" : ",\n", stdout);
            fputs(result->text, stdout);
            if (run->output == OUT_LINES) fputc('\n', stdout);
        }
    }
    if (result->errors) fputs(result->errors, stderr);
    if (result->graded) run->graded++;
    else run->failed++;
    free(result->text);
    free(result->errors);
}

/* Jobs grabbed one at a time by the threads that grade them side by side. */
typedef struct Batch {
    const GradeRun *run;
    const GradeJob *jobs;
    GradeResult *results;
    size_t count;
    atomic_size_t next;     /* the next job nobody has taken */
} Batch;

/* A grading thread: takes the next job until none is left. */
static void *grade_jobs(void *arg) {
    Batch *batch = arg;
    for (size_t i; (i = atomic_fetch_add(&batch->next, 1)) < batch->count;)
        grade_job(batch->run, &batch->jobs[i], &batch->results[i]);
    return NULL;
}

/* Grades `count` jobs on two threads (the machines this runs on have two cores or more; one thread
 * when a job reads standard input, whose order matters) and writes their results in the jobs'
 * order: the same bytes as one by one. */
static void grade_batch(GradeRun *run, const GradeJob *jobs, size_t count) {
    GradeResult *results = calloc(count, sizeof *results);
    Batch batch = { run, jobs, results, results ? count : 0, 0 };
    bool alone = !results || count < 2 || sysconf(_SC_NPROCESSORS_ONLN) < 2;
    for (size_t i = 0; i < count && !alone; i++) alone = jobs[i].problem == NULL && strcmp(jobs[i].name, "-") == 0;
    pthread_t helper;
    bool helped = !alone && pthread_create(&helper, NULL, grade_jobs, &batch) == 0;
    grade_jobs(&batch);
    if (helped) pthread_join(helper, NULL);
    for (size_t i = 0; results && i < count; i++) write_result(run, &results[i]);
    for (size_t i = 0; !results && i < count; i++) { /* no memory for side by side: one at a time */
        GradeResult one = { NULL, NULL, false };
        grade_job(run, &jobs[i], &one);
        write_result(run, &one);
    }
    free(results);
}

/* Grades the listed jobs in batches (so a class of any size holds a bounded number of results) and
 * frees them. */
static void grade_all(GradeRun *run, JobList *list) {
    enum { BATCH = 256 };
    for (size_t start = 0; start < list->count; start += BATCH)
        grade_batch(run, list->jobs + start, list->count - start < BATCH ? list->count - start : BATCH);
    for (size_t i = 0; i < list->count; i++) free(list->jobs[i].name);
    free(list->jobs);
    *list = (JobList){ NULL, 0, 0 };
}

/* Adds a job (taking `name`, which it frees when it cannot); false when memory runs out. */
static bool add_job(JobList *list, char *name, const char *problem) {
    if (name && list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 64;
        GradeJob *grown = realloc(list->jobs, capacity * sizeof *grown);
        if (!grown) { free(name); return false; }
        list->jobs = grown;
        list->capacity = capacity;
    }
    if (!name) return false;
    list->jobs[list->count++] = (GradeJob){ name, problem };
    return true;
}

/* qsort order for file names. */
static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Adds every .json file in `folder`, in the order of their names; a folder with none is one
 * result that could not be graded. */
static void add_folder(JobList *list, const char *folder) {
    DIR *dir = opendir(folder);
    char **names = NULL;
    size_t count = 0, capacity = 0;
    for (struct dirent *entry; dir && (entry = readdir(dir));) {
        size_t n = strlen(entry->d_name);
        if (n < 6 || strcmp(entry->d_name + n - 5, ".json") != 0 || entry->d_name[0] == '.') continue;
        if (count == capacity) {
            char **grown = realloc(names, (capacity = capacity ? capacity * 2 : 64) * sizeof *names);
            if (!grown) break;
            names = grown;
        }
        size_t size = strlen(folder) + n + 2;
        if (!(names[count] = malloc(size))) break;
        snprintf(names[count++], size, "%s%s%s", folder, folder[strlen(folder) - 1] == '/' ? "" : "/", entry->d_name);
    }
    if (dir) closedir(dir);
    if (count) qsort(names, count, sizeof *names, by_name);
    for (size_t i = 0; i < count; i++) add_job(list, names[i], NULL);
    if (!count) add_job(list, strdup(folder), dir ? "the folder holds no .json replay" : "cannot read the folder");
    free(names);
}

/* Adds a replay named on the command line: a file, a folder of them, or - for standard input. */
static void add_argument(JobList *list, const char *name) {
    struct stat info;
    if (strcmp(name, "-") != 0 && stat(name, &info) == 0 && S_ISDIR(info.st_mode)) add_folder(list, name);
    else add_job(list, strdup(name), NULL);
}

/* Adds every replay LIST names, one per line (blank lines skipped); false when it cannot be read. */
static bool add_list(JobList *jobs, const char *list) {
    FILE *in = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!in) {
        fprintf(stderr, "guidedtouch grade: cannot read the list %s\n", list);
        return false;
    }
    char *line = NULL;
    size_t size = 0;
    for (ssize_t n; (n = getline(&line, &size, in)) >= 0;) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n > 0) add_argument(jobs, line);
    }
    free(line);
    if (in != stdin) fclose(in);
    return true;
}

/* Takes the output options (--json, --lines) out of argv; the new argc, or -1 after a usage error. */
static int take_output(int argc, char **argv, GradeOutput *output) {
    int kept = 0;
    for (int i = 0; i < argc; i++) {
        GradeOutput asked = strcmp(argv[i], "--json") == 0 ? OUT_ARRAY : strcmp(argv[i], "--lines") == 0 ? OUT_LINES
                          : OUT_CARD;
        if (asked == OUT_CARD) argv[kept++] = argv[i];
        else if (*output != OUT_CARD && *output != asked) {
            fprintf(stderr, "guidedtouch grade: choose one of --json and --lines\n");
            return -1;
        } else *output = asked;
    }
    return kept;
}

int gt_cli_grade(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    const char *list = NULL;
    GradeOutput output = OUT_CARD;
    argc = gt_cli_take_option(argc, argv, "--files-from", &list);
    if (argc >= 0) argc = take_output(argc, argv, &output);
    if (argc < 0) return GT_EXIT_USAGE;
    if (argc < 2 || (argc < 3 && !list)) {
        fprintf(stderr, "guidedtouch grade: expected LESSON STEP REPLAY...\n\n%s", USAGE);
        return GT_EXIT_USAGE;
    }
    struct stat info;
    if (output == OUT_CARD && (list || argc > 3 || (strcmp(argv[2], "-") != 0 && stat(argv[2], &info) == 0 &&
                                                    S_ISDIR(info.st_mode))))
        output = OUT_LINES; /* the card alone only for one replay file */
    char lesson_id[GT_ID_MAX];
    if (!gt_cli_lesson_argument(place, argv[0], lesson_id, sizeof lesson_id)) return GT_EXIT_USAGE;
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    GradeRun run = { &library, NULL, 0, output, 0, 0 };
    if (!gt_cli_find_step(&library, lesson_id, argv[1], &run.lesson, &run.step_number)) {
        gt_library_free(&library);
        return GT_EXIT_USAGE;
    }
    JobList jobs = { NULL, 0, 0 };
    for (int i = 2; i < argc; i++) add_argument(&jobs, argv[i]);
    grade_all(&run, &jobs); /* the REPLAY arguments first, then the list (both may read standard input) */
    bool listed = !list || add_list(&jobs, list);
    grade_all(&run, &jobs);
    if (output == OUT_ARRAY) fputs(run.graded + run.failed ? "\n]\n" : "[]\n", stdout);
    gt_library_free(&library);
    if (!listed) return GT_EXIT_USAGE;
    return run.failed == 0 ? GT_EXIT_OK : run.graded ? GT_EXIT_INVALID : GT_EXIT_USAGE;
}
