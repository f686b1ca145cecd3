#include "cli.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch list [--json]\n"
    "\n"
    "Lists the lessons with their steps and cautions, and the techniques. With --json prints\n"
    "{\"lessons\":[{\"id\",\"title\",\"condition\",\"level\",\"duration_min\",\n"
    "  \"steps\":[{\"step\",\"technique\",\"view\",\"region\"}],\n"
    "  \"cautions\":[{\"text\",\"kind\",\"source\",\"from\"}],\"sources\":[\"...\"]}],\n"
    " \"techniques\":[{\"id\",\"name\",\"pattern\",\"cautions\":[{\"text\",\"kind\",\"source\"}]}]}.\n"
    "A lesson's cautions are the ones a student reads before its first step: its own and its\n"
    "techniques', each sentence once, red flags first; \"from\" is \"lesson\" or the technique's id.\n"
    "\"duration_min\" is how long the lesson's work takes (for a routine, the real routine at home);\n"
    "\"sources\" are the lesson's citations for its numbers (empty when it lists none).\n";

/* Adds one caution as {"text", "kind", "source"} (and "from" when `from` is not NULL) to `array`. */
static void add_caution(cJSON *array, const GtCaution *caution, const char *from) {
    cJSON *item = cJSON_CreateObject();
    cJSON_AddItemToArray(array, item);
    cJSON_AddStringToObject(item, "text", caution->text);
    cJSON_AddStringToObject(item, "kind", gt_caution_kind_name(caution->kind));
    cJSON_AddStringToObject(item, "source", caution->source);
    if (from) cJSON_AddStringToObject(item, "from", from);
}

/* Adds the lesson's cautions as shown to students (gt_lesson_cautions) to `item` as "cautions". */
static void add_lesson_cautions(cJSON *item, const GtLesson *lesson) {
    GtLessonCaution shown[GT_LESSON_CAUTIONS_MAX];
    size_t count = gt_lesson_cautions(lesson, shown, GT_LESSON_CAUTIONS_MAX);
    cJSON *cautions = cJSON_AddArrayToObject(item, "cautions");
    for (size_t i = 0; i < count; i++) add_caution(cautions, shown[i].caution, shown[i].from ? shown[i].from : "lesson");
}

/* Prints the library as the JSON the usage describes; GT_EXIT_USAGE when out of memory. */
static int print_json(const GtLibrary *library) {
    cJSON *root = cJSON_CreateObject();
    cJSON *lessons = cJSON_AddArrayToObject(root, "lessons");
    for (size_t i = 0; i < library->lesson_count; i++) {
        const GtLesson *lesson = &library->lessons[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(lessons, item);
        cJSON_AddStringToObject(item, "id", lesson->id);
        cJSON_AddStringToObject(item, "title", lesson->title);
        cJSON_AddStringToObject(item, "condition", lesson->condition);
        cJSON_AddStringToObject(item, "level", gt_level_name(lesson->level));
        cJSON_AddNumberToObject(item, "duration_min", lesson->duration_min);
        cJSON *steps = cJSON_AddArrayToObject(item, "steps");
        for (size_t s = 0; s < lesson->step_count; s++) {
            cJSON *step = cJSON_CreateObject();
            cJSON_AddItemToArray(steps, step);
            cJSON_AddNumberToObject(step, "step", (double)(s + 1));
            cJSON_AddStringToObject(step, "technique", lesson->steps[s].technique_id);
            cJSON_AddStringToObject(step, "view", gt_view_name(lesson->steps[s].view));
            cJSON_AddStringToObject(step, "region", lesson->steps[s].region);
        }
        add_lesson_cautions(item, lesson);
        cJSON *sources = cJSON_AddArrayToObject(item, "sources");
        for (size_t c = 0; c < lesson->source_count; c++)
            cJSON_AddItemToArray(sources, cJSON_CreateString(lesson->sources[c]));
    }
    cJSON *techniques = cJSON_AddArrayToObject(root, "techniques");
    for (size_t i = 0; i < library->technique_count; i++) {
        const GtTechnique *t = &library->techniques[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(techniques, item);
        cJSON_AddStringToObject(item, "id", t->id);
        cJSON_AddStringToObject(item, "name", t->name);
        cJSON_AddStringToObject(item, "pattern", gt_pattern_name(t->pattern));
        cJSON *cautions = cJSON_AddArrayToObject(item, "cautions");
        for (size_t c = 0; c < t->caution_count; c++) add_caution(cautions, &t->cautions[c], NULL);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text) {
        fprintf(stderr, "guidedtouch: out of memory\n");
        return GT_EXIT_USAGE;
    }
    puts(text);
    free(text);
    return GT_EXIT_OK;
}

/* Prints a lesson's cautions as students read them, one a line under its steps, each led by
 * what kind it is ("Red flag: ..."). */
static void print_cautions(const GtLesson *lesson) {
    GtLessonCaution shown[GT_LESSON_CAUTIONS_MAX];
    size_t count = gt_lesson_cautions(lesson, shown, GT_LESSON_CAUTIONS_MAX);
    for (size_t i = 0; i < count; i++)
        printf("    %s %s: %s\n", shown[i].caution->kind == GT_CAUTION_RED_FLAG ? "!!" : " -",
               gt_caution_kind_label(shown[i].caution->kind), shown[i].caution->text);
}

/* Prints the lessons (with steps and cautions), the techniques and what did not load, as text. */
static void print_text(const GtLibrary *library) {
    printf("Lessons\n");
    for (size_t i = 0; i < library->lesson_count; i++) {
        const GtLesson *lesson = &library->lessons[i];
        printf("  %-26s %s (%s, about %.0f min)\n", lesson->id, lesson->title, gt_level_name(lesson->level),
               lesson->duration_min);
        for (size_t s = 0; s < lesson->step_count; s++)
            printf("    %2zu. %-28s %-9s %s\n", s + 1, lesson->steps[s].technique_id,
                   gt_view_name(lesson->steps[s].view), lesson->steps[s].region);
        print_cautions(lesson);
    }
    printf("\nTechniques\n");
    for (size_t i = 0; i < library->technique_count; i++)
        printf("  %-28s %-26s %s\n", library->techniques[i].id, library->techniques[i].name,
               gt_pattern_name(library->techniques[i].pattern));
    for (size_t i = 0; i < library->broken_count; i++)
        printf("%s  not loaded: %s\n", i ? "" : "\nProblems\n", library->broken[i].problem);
}

int gt_cli_list(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    bool json = false;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--json") == 0) json = true;
        else {
            fprintf(stderr, "guidedtouch list: unknown argument \"%s\"\n\n%s", argv[i], USAGE);
            return GT_EXIT_USAGE;
        }
    }
    GtLibrary library;
    gt_cli_load_library(&library, place, false);
    int code = GT_EXIT_OK;
    if (json) code = print_json(&library);
    else print_text(&library);
    gt_library_free(&library);
    return code;
}
