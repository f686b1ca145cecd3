#include "cli.h"
#include "replay_write.h"

#include <stdlib.h>

static const char USAGE[] =
    "Usage: guidedtouch demo LESSON STEP\n"
    "\n"
    "Prints the reference performance of step STEP (from 1) of LESSON as a replay: the\n"
    "lesson's recorded demonstration if it has one, else one synthesised from the guide\n"
    "and the middle of every target band. `guidedtouch grade` scores it at full marks.\n"
    "LESSON is a lesson id, or the path of a lesson file (its folder is loaded as a lesson pack).\n";

int gt_cli_demo(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    if (argc != 2) {
        fprintf(stderr, "guidedtouch demo: expected LESSON STEP\n\n%s", USAGE);
        return GT_EXIT_USAGE;
    }
    char lesson_id[GT_ID_MAX];
    if (!gt_cli_lesson_argument(place, argv[0], lesson_id, sizeof lesson_id)) return GT_EXIT_USAGE;
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    const GtLesson *lesson = NULL;
    int step = 0;
    int code = GT_EXIT_USAGE;
    GtReplay replay;
    if (gt_cli_find_step(&library, lesson_id, argv[1], &lesson, &step) &&
        gt_cli_reference_replay(&library, lesson, step, &replay)) {
        char *text = gt_replay_to_json(&replay);
        if (text) {
            fputs(text, stdout);
            code = GT_EXIT_OK;
        } else fprintf(stderr, "guidedtouch: out of memory\n");
        free(text);
        gt_replay_free(&replay);
    }
    gt_library_free(&library);
    return code;
}
