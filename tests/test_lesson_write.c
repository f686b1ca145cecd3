/* test_lesson_write: what the trainer writes back when an instructor records a step reads like
 * the lesson an instructor wrote. Every bundled lesson printed by the writer is byte for byte
 * the file on disk (so a recording's diff touches only its step); a recorded step keeps every
 * other step as it was, puts its keys in the bundled order, says its new bands in its own
 * instruction, and writing the same recording twice changes nothing more. */
#include "test_support.h"
#include "json_pretty.h"
#include "lesson_write.h"
#include "library.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The whole of a bundled file (malloc'd). */
static char *read_bundled(const char *relative, size_t *length) {
    char *text = NULL;
    GtDiag diag;
    gt_diag_init(&diag);
    if (!gt_read_file(gt_test_path(relative), &text, length, &diag)) fail_msg("cannot read %s", relative);
    gt_diag_free(&diag);
    return text;
}

/* Every bundled lesson is exactly what the writer prints for it. */
static void test_bundled_lessons_are_written_as_they_are(void **state) {
    (void)state;
    GtLibrary library;
    GtDiag diag;
    gt_diag_init(&diag);
    assert_true(gt_library_load(&library, GT_SOURCE_DIR, &diag));
    assert_true(library.lesson_count >= 10);
    for (size_t i = 0; i < library.lesson_count; i++) {
        size_t length = 0;
        char *text = NULL;
        assert_true(gt_read_file(library.lessons[i].file, &text, &length, &diag));
        cJSON *root = cJSON_ParseWithLength(text, length);
        assert_non_null(root);
        char *written = gt_json_pretty(root);
        assert_non_null(written);
        if (strcmp(written, text) != 0) fail_msg("%s is not written back as it is", library.lessons[i].file);
        free(written);
        cJSON_Delete(root);
        free(text);
    }
    gt_diag_free(&diag);
    gt_library_free(&library);
}

/* A recording of step 2 of the neck lesson (circles: the guide stays) with level 3-4 and a
 * tempo of 24-36 a minute. */
static GtDerivedStep circles_recording(void) {
    GtDerivedStep d;
    memset(&d, 0, sizeof d);
    d.guide_derived = false;
    d.pressure_level = (GtRange){ 3, 4 };
    d.has_tempo = true;
    d.tempo_per_min = (GtRange){ 24, 36 };
    d.repetitions = 9;
    return d;
}

/* The text of step `index` of a lesson text, printed alone. */
static char *step_text(const char *lesson, size_t index) {
    cJSON *root = cJSON_Parse(lesson);
    assert_non_null(root);
    char *text = cJSON_PrintUnformatted(cJSON_GetArrayItem(cJSON_GetObjectItem(root, "steps"), (int)index));
    cJSON_Delete(root);
    return text;
}

/* Only the recorded step changes; its keys keep the bundled order; its texts say the new band;
 * a second write of the same recording is the same text. */
static void test_a_recording_changes_only_its_step(void **state) {
    (void)state;
    size_t length = 0;
    char *original = read_bundled("lessons/neck-shoulder-tension.json", &length);
    GtDerivedStep d = circles_recording();
    char error[256] = "";
    char *once = gt_lesson_text_with_recording(original, length, 2, &d, "demos/neck-shoulder-tension-2.json",
                                               error, sizeof error);
    assert_non_null(once);
    cJSON *before = cJSON_Parse(original), *after = cJSON_Parse(once);
    int steps = cJSON_GetArraySize(cJSON_GetObjectItem(before, "steps"));
    for (int i = 0; i < steps; i++) {
        if (i == 1) continue;
        char *a = step_text(original, (size_t)i), *b = step_text(once, (size_t)i);
        assert_string_equal(a, b);
        free(a);
        free(b);
    }
    const cJSON *step = cJSON_GetArrayItem(cJSON_GetObjectItem(after, "steps"), 1);
    static const char *const order[] = { "technique", "view", "region", "guide", "repetitions", "pressure_level",
                                         "tempo_per_min", "pass_mark", "instruction", "hint", "demo" };
    const cJSON *item = step->child;
    for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
        if (!cJSON_GetObjectItem(step, order[k])) continue;
        assert_non_null(item);
        assert_string_equal(item->string, order[k]);
        item = item->next;
    }
    assert_int_equal(cJSON_GetObjectItem(step, "repetitions")->valueint, 9);
    const char *instruction = cJSON_GetObjectItem(step, "instruction")->valuestring;
    if (strstr(cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(before, "steps"), 1), "instruction")
                   ->valuestring, "level "))
        assert_non_null(strstr(instruction, "level 3-4"));
    char *twice = gt_lesson_text_with_recording(once, strlen(once), 2, &d, "demos/neck-shoulder-tension-2.json",
                                                error, sizeof error);
    assert_non_null(twice);
    assert_string_equal(once, twice);
    free(twice);
    cJSON_Delete(before);
    cJSON_Delete(after);
    free(once);
    free(original);
}

/* A step that is not there is said, and nothing is written. */
static void test_a_missing_step_is_said(void **state) {
    (void)state;
    size_t length = 0;
    char *original = read_bundled("lessons/neck-shoulder-tension.json", &length);
    GtDerivedStep d = circles_recording();
    char error[256] = "";
    assert_null(gt_lesson_text_with_recording(original, length, 31, &d, "demos/x.json", error, sizeof error));
    assert_non_null(strstr(error, "step 31"));
    free(original);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bundled_lessons_are_written_as_they_are),
        cmocka_unit_test(test_a_recording_changes_only_its_step),
        cmocka_unit_test(test_a_missing_step_is_said),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
