/* cli_grade: `guidedtouch grade`, the score card of one replay or of a whole class's replays of
 * one step, graded in one process against one loading of the library. */
#include "cli.h"
#include "gt_score.h"
#include "scorecard_write.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

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

/* Writes one replay's result as the run's output asks (the card alone, a line, an array item). */
static bool write_result(GradeRun *run, const char *file, const GtScoreCard *card, const GtDiag *diag) {
    if (run->output == OUT_CARD) {
        if (!card) return true;
        char *json = gt_scorecard_to_json(card);
        if (json) puts(json);
        free(json);
        return json != NULL;
    }
    cJSON *result = result_json(file, card, diag);
    char *text = result ? cJSON_PrintUnformatted(result) : NULL;
    cJSON_Delete(result);
    if (text) {
        bool first = run->graded + run->failed == 0;
        if (run->output == OUT_ARRAY) fputs(first ? "[\n" : ",\n", stdout);
        fputs(text, stdout);
        if (run->output == OUT_LINES) fputc('\n', stdout);
    }
    free(text);
    return text != NULL;
}

/* Reads, checks and scores one replay (`-`: standard input) and writes its result; its problems
 * also go to standard error. */
static void grade_one(GradeRun *run, const char *name) {
    const char *file = strcmp(name, "-") == 0 ? "<stdin>" : name;
    char *text = NULL;
    size_t length = 0;
    GtDiag diag;
    gt_diag_init(&diag);
    bool read = strcmp(name, "-") == 0 ? read_stdin(&text, &length) : gt_read_file(file, &text, &length, &diag);
    if (!read && !diag.count) gt_diag_add(&diag, file, 0, 0, "", "cannot read the replay");
    GtReplay replay;
    bool scored = false;
    GtScoreCard card;
    if (read && gt_load_replay(file, text, length, &diag, &replay)) {
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
    if (scored && !write_result(run, file, &card, &diag)) {
        gt_diag_add(&diag, file, 0, 0, "", "out of memory while writing the score card");
        scored = false;
    }
    if (!scored) {
        if (!diag.count) gt_diag_add(&diag, file, 0, 0, "", "could not be graded");
        write_result(run, file, NULL, &diag);
        gt_diag_print(&diag, stderr);
    }
    if (scored) run->graded++;
    else run->failed++;
    gt_diag_free(&diag);
}

/* qsort order for file names. */
static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Grades every .json file in `folder`, in the order of their names; a folder with none is one
 * result that could not be graded. */
static void grade_folder(GradeRun *run, const char *folder) {
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
    for (size_t i = 0; i < count; i++) grade_one(run, names[i]);
    if (!count) {
        GtDiag diag;
        gt_diag_init(&diag);
        gt_diag_add(&diag, folder, 0, 0, "", dir ? "the folder holds no .json replay" : "cannot read the folder");
        write_result(run, folder, NULL, &diag);
        gt_diag_print(&diag, stderr);
        gt_diag_free(&diag);
        run->failed++;
    }
    for (size_t i = 0; i < count; i++) free(names[i]);
    free(names);
}

/* Grades a replay named on the command line: a file, a folder of them, or - for standard input. */
static void grade_argument(GradeRun *run, const char *name) {
    struct stat info;
    if (strcmp(name, "-") != 0 && stat(name, &info) == 0 && S_ISDIR(info.st_mode)) grade_folder(run, name);
    else grade_one(run, name);
}

/* Grades every replay LIST names, one per line (blank lines skipped); false when it cannot be read. */
static bool grade_list(GradeRun *run, const char *list) {
    FILE *in = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!in) {
        fprintf(stderr, "guidedtouch grade: cannot read the list %s\n", list);
        return false;
    }
    char *line = NULL;
    size_t size = 0;
    for (ssize_t n; (n = getline(&line, &size, in)) >= 0;) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = '\0';
        if (n > 0) grade_argument(run, line);
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
    for (int i = 2; i < argc; i++) grade_argument(&run, argv[i]);
    bool listed = !list || grade_list(&run, list);
    if (output == OUT_ARRAY) fputs(run.graded + run.failed ? "\n]\n" : "[]\n", stdout);
    gt_library_free(&library);
    if (!listed) return GT_EXIT_USAGE;
    return run.failed == 0 ? GT_EXIT_OK : run.graded ? GT_EXIT_INVALID : GT_EXIT_USAGE;
}
