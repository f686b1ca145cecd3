#include "cli.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch list [--json]\n"
    "\n"
    "Lists the lessons with their steps, and the techniques. With --json prints\n"
    "{\"lessons\":[{\"id\",\"title\",\"steps\":[{\"step\",\"technique\",\"view\",\"region\"}]}],\n"
    " \"techniques\":[{\"id\",\"name\",\"pattern\"}]}.\n";

static int print_json(const GtLibrary *library) {
    cJSON *root = cJSON_CreateObject();
    cJSON *lessons = cJSON_AddArrayToObject(root, "lessons");
    for (size_t i = 0; i < library->lesson_count; i++) {
        const GtLesson *lesson = &library->lessons[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(lessons, item);
        cJSON_AddStringToObject(item, "id", lesson->id);
        cJSON_AddStringToObject(item, "title", lesson->title);
        cJSON *steps = cJSON_AddArrayToObject(item, "steps");
        for (size_t s = 0; s < lesson->step_count; s++) {
            cJSON *step = cJSON_CreateObject();
            cJSON_AddItemToArray(steps, step);
            cJSON_AddNumberToObject(step, "step", (double)(s + 1));
            cJSON_AddStringToObject(step, "technique", lesson->steps[s].technique_id);
            cJSON_AddStringToObject(step, "view", gt_view_name(lesson->steps[s].view));
            cJSON_AddStringToObject(step, "region", lesson->steps[s].region);
        }
    }
    cJSON *techniques = cJSON_AddArrayToObject(root, "techniques");
    for (size_t i = 0; i < library->technique_count; i++) {
        const GtTechnique *t = &library->techniques[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(techniques, item);
        cJSON_AddStringToObject(item, "id", t->id);
        cJSON_AddStringToObject(item, "name", t->name);
        cJSON_AddStringToObject(item, "pattern", gt_pattern_name(t->pattern));
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

static void print_text(const GtLibrary *library) {
    printf("Lessons\n");
    for (size_t i = 0; i < library->lesson_count; i++) {
        const GtLesson *lesson = &library->lessons[i];
        printf("  %-26s %s (%s, about %.0f min)\n", lesson->id, lesson->title, gt_level_name(lesson->level),
               lesson->duration_min);
        for (size_t s = 0; s < lesson->step_count; s++)
            printf("    %2zu. %-28s %-9s %s\n", s + 1, lesson->steps[s].technique_id,
                   gt_view_name(lesson->steps[s].view), lesson->steps[s].region);
    }
    printf("\nTechniques\n");
    for (size_t i = 0; i < library->technique_count; i++)
        printf("  %-28s %-26s %s\n", library->techniques[i].id, library->techniques[i].name,
               gt_pattern_name(library->techniques[i].pattern));
    for (size_t i = 0; i < library->broken_count; i++)
        printf("%s  not loaded: %s\n", i ? "" : "\nProblems\n", library->broken[i].problem);
}

int gt_cli_list(const char *data_dir, int argc, char **argv) {
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
    gt_cli_load_library(&library, data_dir, false);
    int code = GT_EXIT_OK;
    if (json) code = print_json(&library);
    else print_text(&library);
    gt_library_free(&library);
    return code;
}
