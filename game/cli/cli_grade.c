#include "cli.h"
#include "gt_score.h"
#include "scorecard_write.h"

#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch grade LESSON STEP REPLAY\n"
    "\n"
    "Scores the attempt in REPLAY (a replay file, or - for standard input) against step\n"
    "STEP (from 1) of LESSON and prints the score card as JSON:\n"
    "{\"lesson\",\"step\",\"technique\",\"total\",\"grade\",\"passed\",\"criteria\":[{\"name\",\n"
    "  \"score\",\"measured\",\"target_min\",\"target_max\",\"unit\",\"weight\",\"feedback\"}]}\n"
    "Exit status: 0 when the replay was graded (passed or not), 2 when it could not be.\n";

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

/* The replay must be of this very step, or its score would be meaningless. */
static bool replay_matches(const char *file, const GtReplay *replay, const GtLesson *lesson, int step_number) {
    const GtStep *step = &lesson->steps[step_number - 1];
    if (strcmp(replay->lesson, lesson->id) != 0 || replay->step != step_number) {
        fprintf(stderr, "%s: this replay is of lesson \"%s\" step %d, not \"%s\" step %d; grade it against "
                "its own step\n", file, replay->lesson, replay->step, lesson->id, step_number);
        return false;
    }
    if (strcmp(replay->technique, step->technique_id) != 0 || replay->view != step->view) {
        fprintf(stderr, "%s: this replay is %s on the %s view, but step %d is %s on the %s view; the "
                "lesson changed since it was recorded\n", file, replay->technique, gt_view_name(replay->view),
                step_number, step->technique_id, gt_view_name(step->view));
        return false;
    }
    return true;
}

int gt_cli_grade(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    if (argc != 3) {
        fprintf(stderr, "guidedtouch grade: expected LESSON STEP REPLAY\n\n%s", USAGE);
        return GT_EXIT_USAGE;
    }
    char lesson_id[GT_ID_MAX];
    if (!gt_cli_lesson_argument(place, argv[0], lesson_id, sizeof lesson_id)) return GT_EXIT_USAGE;
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    const GtLesson *lesson = NULL;
    int step_number = 0;
    int code = GT_EXIT_USAGE;
    if (!gt_cli_find_step(&library, lesson_id, argv[1], &lesson, &step_number)) {
        gt_library_free(&library);
        return code;
    }
    const char *file = strcmp(argv[2], "-") == 0 ? "<stdin>" : argv[2];
    char *text = NULL;
    size_t length = 0;
    GtDiag diag;
    gt_diag_init(&diag);
    GtReplay replay;
    bool read = strcmp(argv[2], "-") == 0 ? read_stdin(&text, &length) : gt_read_file(file, &text, &length, &diag);
    if (!read && !diag.count) gt_diag_add(&diag, file, 0, 0, "", "cannot read the replay");
    if (read && gt_load_replay(file, text, length, &diag, &replay)) {
        if (replay_matches(file, &replay, lesson, step_number)) {
            const GtStep *step = &lesson->steps[step_number - 1];
            GtScoreTarget target = { lesson->id, step_number, step, step->technique,
                                     gt_library_view(&library, step->view), lesson->level };
            GtScoreCard card;
            gt_score_attempt(&target, &replay, &card);
            char *json = gt_scorecard_to_json(&card);
            if (json) {
                puts(json);
                code = GT_EXIT_OK;
            } else fprintf(stderr, "guidedtouch: out of memory\n");
            free(json);
        }
        gt_replay_free(&replay);
    }
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    free(text);
    gt_library_free(&library);
    return code;
}
