#include "library.h"
#include "json_doc.h"
#include "gt_demo.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_LIBRARY_FILES = 1000 };

bool gt_read_file(const char *path, char **text, size_t *length, GtDiag *diag) {
    *text = NULL;
    *length = 0;
    struct stat info;
    if (stat(path, &info) == 0 && S_ISDIR(info.st_mode)) {
        gt_diag_add(diag, path, 0, 0, "", "is a directory, not a JSON file");
        return false;
    }
    FILE *file = fopen(path, "rb");
    if (!file) {
        gt_diag_add(diag, path, 0, 0, "", "cannot read the file: %s", strerror(errno));
        return false;
    }
    size_t capacity = 4096, used = 0;
    char *buffer = malloc(capacity);
    bool ok = buffer != NULL;
    while (ok) {
        if (used + 1 >= capacity) {
            if (capacity >= (size_t)GT_MAX_FILE_BYTES + 2) {
                gt_diag_add(diag, path, 0, 0, "", "the file is larger than %d MiB; it cannot be a valid file "
                            "for this trainer", GT_MAX_FILE_BYTES / (1024 * 1024));
                ok = false;
                break;
            }
            char *grown = realloc(buffer, capacity * 2);
            if (!grown) { ok = false; break; }
            buffer = grown;
            capacity *= 2;
        }
        size_t n = fread(buffer + used, 1, capacity - used - 1, file);
        used += n;
        if (n == 0) {
            if (ferror(file)) {
                gt_diag_add(diag, path, 0, 0, "", "cannot read the file: %s", strerror(errno));
                ok = false;
            }
            break;
        }
    }
    fclose(file);
    if (!ok) {
        free(buffer);
        return false;
    }
    buffer[used] = '\0';
    *text = buffer;
    *length = used;
    return true;
}

static int compare_paths(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

size_t gt_list_json_files(const char *dir, char ***paths) {
    *paths = NULL;
    DIR *handle = opendir(dir);
    if (!handle) return 0;
    size_t count = 0, capacity = 0;
    char **list = NULL;
    struct dirent *entry;
    while ((entry = readdir(handle)) != NULL && count < MAX_LIBRARY_FILES) {
        size_t len = strlen(entry->d_name);
        if (len < 6 || strcmp(entry->d_name + len - 5, ".json") != 0 || entry->d_name[0] == '.') continue;
        if (count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            char **grown = realloc(list, capacity * sizeof *grown);
            if (!grown) break;
            list = grown;
        }
        size_t size = strlen(dir) + len + 2;
        char *path = malloc(size);
        if (!path) break;
        snprintf(path, size, "%s/%s", dir, entry->d_name);
        list[count++] = path;
    }
    closedir(handle);
    if (count) qsort(list, count, sizeof *list, compare_paths);
    *paths = list;
    return count;
}

void gt_free_file_list(char **paths, size_t count) {
    for (size_t i = 0; i < count; i++) free(paths[i]);
    free(paths);
}

static char *join(GtArena *arena, const char *dir, const char *name) {
    size_t size = strlen(dir) + strlen(name) + 2;
    char *path = gt_arena_alloc(arena, size);
    if (path) snprintf(path, size, "%s/%s", dir, name);
    return path;
}

/* Records a broken file with the first problem it added to diag since `first`. */
static void note_broken(GtLibrary *library, const char *file, const GtDiag *diag, size_t first,
                        size_t *capacity) {
    if (library->broken_count == *capacity) {
        size_t grown_capacity = *capacity ? *capacity * 2 : 8;
        GtBrokenFile *grown = gt_arena_array(&library->arena, grown_capacity, sizeof *grown);
        if (!grown) return;
        if (library->broken_count) memcpy(grown, library->broken, library->broken_count * sizeof *grown);
        library->broken = grown;
        *capacity = grown_capacity;
    }
    char line[1024] = "could not be loaded";
    if (first < diag->count) gt_diag_format(diag, first, line, sizeof line);
    GtBrokenFile *b = &library->broken[library->broken_count++];
    b->file = gt_arena_strdup(&library->arena, file);
    b->problem = gt_arena_strdup(&library->arena, line);
}

/* Line and column of the value at top-level `key` in a file's text (1:1 when absent). */
static void locate_top_key(const char *text, size_t length, const char *key, int *line, int *column) {
    GtJsonDoc doc;
    memset(&doc, 0, sizeof doc);
    doc.text = text;
    doc.length = length;
    GtPath root = gt_path_root();
    GtPath at = gt_path_key(&root, key);
    gt_json_locate(&doc, &at, false, line, column);
}

/* Checks that an id matches its file name, since lessons refer to files by id; reports a
 * mismatch at the "id" value. */
static bool id_matches_file(const char *id, const char *file, const char *text, size_t length, GtDiag *diag) {
    char stem[128];
    gt_file_stem(file, stem, sizeof stem);
    if (strcmp(stem, id) == 0) return true;
    int line, column;
    locate_top_key(text, length, "id", &line, &column);
    gt_diag_add(diag, file, line, column, "id", "id \"%s\" does not match the file name \"%s.json\"; rename the "
                "file or change the id", id, stem);
    return false;
}

static int compare_techniques(const void *a, const void *b) {
    return strcmp(((const GtTechnique *)a)->id, ((const GtTechnique *)b)->id);
}

static bool check_step_demos(GtArena *arena, const GtLesson *lesson, const char *text, size_t length, GtDiag *diag);

bool gt_library_load(GtLibrary *library, const char *data_dir, GtDiag *diag) {
    memset(library, 0, sizeof *library);
    gt_arena_init(&library->arena);
    gt_diag_init(&library->warnings);
    library->data_dir = gt_arena_strdup(&library->arena, data_dir);
    size_t errors_before = diag->count + diag->dropped;
    size_t broken_capacity = 0;
    const char *bodymap_dir = join(&library->arena, data_dir, "assets/bodymap");
    for (int v = 0; v < GT_VIEW_COUNT && bodymap_dir; v++) {
        char name[64];
        snprintf(name, sizeof name, "%s.json", gt_view_name((GtView)v));
        const char *path = join(&library->arena, bodymap_dir, name);
        char *text = NULL;
        size_t length = 0, first = diag->count;
        if (path && gt_read_file(path, &text, &length, diag)) {
            library->view_loaded[v] = gt_load_bodymap(path, text, length, &library->arena, diag, &library->views[v]);
            if (library->view_loaded[v] && library->views[v].view != (GtView)v) {
                int line, column;
                locate_top_key(text, length, "view", &line, &column);
                gt_diag_add(diag, path, line, column, "view", "this file describes the %s view but is named %s; "
                            "each view's file is named after it", gt_view_name(library->views[v].view), name);
                library->view_loaded[v] = false;
            }
        }
        free(text);
        if (!library->view_loaded[v]) note_broken(library, path ? path : name, diag, first, &broken_capacity);
    }
    GtReferences refs = gt_library_references(library);

    char **files = NULL;
    const char *technique_dir = join(&library->arena, data_dir, "lessons/techniques");
    size_t count = technique_dir ? gt_list_json_files(technique_dir, &files) : 0;
    library->techniques = gt_arena_array(&library->arena, count ? count : 1, sizeof *library->techniques);
    for (size_t i = 0; i < count && library->techniques; i++) {
        char *text = NULL;
        size_t length = 0, first = diag->count;
        GtTechnique *t = &library->techniques[library->technique_count];
        bool ok = gt_read_file(files[i], &text, &length, diag) &&
                  gt_load_technique(files[i], text, length, &refs, &library->arena, diag, t) &&
                  id_matches_file(t->id, files[i], text, length, diag);
        for (size_t k = 0; ok && k < library->technique_count; k++) {
            if (strcmp(library->techniques[k].id, t->id) == 0) {
                int line, column;
                locate_top_key(text, length, "id", &line, &column);
                gt_diag_add(diag, files[i], line, column, "id", "technique id \"%s\" is already used", t->id);
                ok = false;
            }
        }
        free(text);
        if (ok) library->technique_count++;
        else note_broken(library, files[i], diag, first, &broken_capacity);
    }
    gt_free_file_list(files, count);
    if (library->technique_count)
        qsort(library->techniques, library->technique_count, sizeof *library->techniques, compare_techniques);
    refs = gt_library_references(library);

    const char *lesson_dir = join(&library->arena, data_dir, "lessons");
    count = lesson_dir ? gt_list_json_files(lesson_dir, &files) : 0;
    library->lessons = gt_arena_array(&library->arena, count ? count : 1, sizeof *library->lessons);
    for (size_t i = 0; i < count && library->lessons; i++) {
        char *text = NULL;
        size_t length = 0, first = diag->count;
        GtLesson *lesson = &library->lessons[library->lesson_count];
        bool ok = gt_read_file(files[i], &text, &length, diag) &&
                  gt_load_lesson(files[i], text, length, &refs, &library->arena, diag, lesson) &&
                  id_matches_file(lesson->id, files[i], text, length, diag);
        ok = ok && check_step_demos(&library->arena, lesson, text, length, diag);
        if (ok) gt_lint_lesson(lesson, &refs, text, length, &library->warnings);
        free(text);
        if (ok) library->lesson_count++;
        else note_broken(library, files[i], diag, first, &broken_capacity);
    }
    gt_free_file_list(files, count);
    if (library->arena.failed) gt_diag_add(diag, data_dir, 0, 0, "", "out of memory while loading the library");
    return diag->count + diag->dropped == errors_before;
}

/* Resolves each step's recorded demonstration next to the lesson file and checks it
 * is a valid replay of that very step. A demo that cannot be read is reported at the
 * lesson's "demo" value; one for another step at the replay's first key that differs. */
static bool check_step_demos(GtArena *arena, const GtLesson *lesson, const char *text, size_t length, GtDiag *diag) {
    GtJsonDoc doc;
    memset(&doc, 0, sizeof doc);
    doc.text = text;
    doc.length = length;
    GtPath root = gt_path_root();
    GtPath steps_path = gt_path_key(&root, "steps");
    bool ok = true;
    for (size_t i = 0; i < lesson->step_count; i++) {
        GtStep *step = &lesson->steps[i];
        if (!step->demo_path) continue;
        const char *slash = strrchr(lesson->file, '/');
        size_t dir_len = slash ? (size_t)(slash - lesson->file) : 1;
        char dir[512];
        snprintf(dir, sizeof dir, "%.*s", (int)dir_len, slash ? lesson->file : ".");
        const char *path = step->demo_path[0] == '/' ? step->demo_path : join(arena, dir, step->demo_path);
        if (!path) return false;
        const char *written = step->demo_path;
        step->demo_path = path;
        char *demo_text = NULL;
        size_t demo_length = 0;
        GtReplay replay;
        GtDiag read_diag;
        gt_diag_init(&read_diag);
        if (!gt_read_file(path, &demo_text, &demo_length, &read_diag)) {
            GtPath step_path = gt_path_index(&steps_path, i);
            GtPath demo_path = gt_path_key(&step_path, "demo");
            int line, column;
            gt_json_locate(&doc, &demo_path, false, &line, &column);
            gt_diag_add(diag, lesson->file, line, column, demo_path.text, "demonstration \"%s\" (%s): %s; the "
                        "path is relative to the lesson file", written, path,
                        read_diag.count ? read_diag.entries[0].message : "cannot be read");
            gt_diag_free(&read_diag);
            ok = false;
            continue;
        }
        gt_diag_free(&read_diag);
        if (gt_load_replay(path, demo_text, demo_length, diag, &replay)) {
            const char *key = strcmp(replay.lesson, lesson->id) != 0 ? "lesson"
                              : replay.step != (int)i + 1 ? "step"
                              : strcmp(replay.technique, step->technique_id) != 0 ? "technique"
                              : replay.view != step->view ? "view" : NULL;
            if (key) {
                int line, column;
                locate_top_key(demo_text, demo_length, key, &line, &column);
                gt_diag_add(diag, path, line, column, key, "this demonstration is for lesson \"%s\" step %d (%s, "
                            "%s), but step %zu (steps[%zu]) of %s is %s on the %s view; record the demonstration for "
                            "this step or point \"demo\" at the right file", replay.lesson, replay.step,
                            replay.technique, gt_view_name(replay.view), i + 1, i, lesson->id, step->technique_id,
                            gt_view_name(step->view));
                ok = false;
            }
            gt_replay_free(&replay);
        } else ok = false;
        free(demo_text);
    }
    return ok;
}

bool gt_load_replay_file(const char *path, GtDiag *diag, GtReplay *out) {
    char *text = NULL;
    size_t length = 0;
    gt_replay_init(out);
    bool ok = gt_read_file(path, &text, &length, diag) && gt_load_replay(path, text, length, diag, out);
    free(text);
    return ok;
}

bool gt_library_reference_replay(const GtLibrary *library, const GtLesson *lesson, int step_number, GtDiag *diag,
                                 GtReplay *out) {
    const GtStep *step = &lesson->steps[step_number - 1];
    if (step->demo_path) return gt_load_replay_file(step->demo_path, diag, out);
    if (gt_demo_synthesise(lesson->id, step_number, step, gt_library_view(library, step->view), out)) return true;
    gt_diag_add(diag, lesson->file, 0, 0, "", "could not synthesise the demonstration of step %d (out of memory)",
                step_number);
    return false;
}

void gt_library_free(GtLibrary *library) {
    gt_arena_free(&library->arena);
    gt_diag_free(&library->warnings);
    memset(library, 0, sizeof *library);
}

const GtLesson *gt_library_lesson(const GtLibrary *library, const char *id) {
    for (size_t i = 0; id && i < library->lesson_count; i++)
        if (strcmp(library->lessons[i].id, id) == 0) return &library->lessons[i];
    return NULL;
}

const GtTechnique *gt_library_technique(const GtLibrary *library, const char *id) {
    for (size_t i = 0; id && i < library->technique_count; i++)
        if (strcmp(library->techniques[i].id, id) == 0) return &library->techniques[i];
    return NULL;
}

const GtBodyMap *gt_library_view(const GtLibrary *library, GtView view) {
    return (unsigned)view < GT_VIEW_COUNT && library->view_loaded[view] ? &library->views[view] : NULL;
}

GtReferences gt_library_references(const GtLibrary *library) {
    GtReferences refs;
    memset(&refs, 0, sizeof refs);
    for (int v = 0; v < GT_VIEW_COUNT; v++) refs.views[v] = gt_library_view(library, (GtView)v);
    refs.techniques = library->techniques;
    refs.technique_count = library->technique_count;
    return refs;
}

/* The format a JSON text without a readable "format" most likely has, judged by the keys
 * only that format uses; a lesson when nothing tells. */
static const char *guess_format(const char *text, size_t length) {
    static const struct { const char *key, *format; } tells[] = {
        { "pattern", "guidedtouch-technique" }, { "contacts", "guidedtouch-replay" },
        { "silhouette", "guidedtouch-bodymap" }, { "steps", "guidedtouch-lesson" },
    };
    cJSON *root = cJSON_ParseWithLength(text, length);
    const char *format = "guidedtouch-lesson";
    for (size_t i = 0; root && i < sizeof tells / sizeof tells[0]; i++) {
        if (cJSON_GetObjectItemCaseSensitive(root, tells[i].key)) {
            format = tells[i].format;
            break;
        }
    }
    cJSON_Delete(root);
    return format;
}

/* A replay is only useful against the step it was recorded at: reports (at the key) a lesson,
 * step, technique or view that this library does not have. */
static void check_replay_step(const GtLibrary *library, const char *path, const char *text, size_t length,
                              const GtReplay *replay, GtDiag *diag) {
    GtJsonDoc doc = { path, text, length, NULL, diag, 0 };
    GtPath root = gt_path_root();
    const GtLesson *lesson = gt_library_lesson(library, replay->lesson);
    if (!lesson) {
        GtPath at = gt_path_key(&root, "lesson");
        gt_json_error(&doc, &at, "lesson \"%s\" is not in the library; this replay cannot be graded here",
                      replay->lesson);
        return;
    }
    if (replay->step < 1 || (size_t)replay->step > lesson->step_count) {
        GtPath at = gt_path_key(&root, "step");
        gt_json_error(&doc, &at, "lesson \"%s\" has steps 1 to %zu, not %d", lesson->id, lesson->step_count,
                      replay->step);
        return;
    }
    const GtStep *step = &lesson->steps[replay->step - 1];
    if (strcmp(step->technique_id, replay->technique) != 0) {
        GtPath at = gt_path_key(&root, "technique");
        gt_json_error(&doc, &at, "step %d of \"%s\" is %s, not %s; the lesson changed since this was recorded",
                      replay->step, lesson->id, step->technique_id, replay->technique);
    } else if (step->view != replay->view) {
        GtPath at = gt_path_key(&root, "view");
        gt_json_error(&doc, &at, "step %d of \"%s\" is on the %s view, not the %s view", replay->step, lesson->id,
                      gt_view_name(step->view), gt_view_name(replay->view));
    }
}

bool gt_library_validate_file(const GtLibrary *library, const char *path, GtDiag *diag, GtDiag *warnings) {
    char *text = NULL;
    size_t length = 0;
    if (!gt_read_file(path, &text, &length, diag)) return false;
    size_t before = diag->count + diag->dropped;
    char format[64] = "";
    GtArena arena;
    gt_arena_init(&arena);
    GtReferences refs = gt_library_references(library);
    if (!gt_peek_format(text, length, format, sizeof format))
        snprintf(format, sizeof format, "%s", guess_format(text, length));
    if (strcmp(format, "guidedtouch-bodymap") == 0) {
        GtBodyMap map;
        gt_load_bodymap(path, text, length, &arena, diag, &map);
    } else if (strcmp(format, "guidedtouch-technique") == 0) {
        GtTechnique technique;
        gt_load_technique(path, text, length, &refs, &arena, diag, &technique);
    } else if (strcmp(format, "guidedtouch-replay") == 0) {
        GtReplay replay;
        if (gt_load_replay(path, text, length, diag, &replay)) {
            check_replay_step(library, path, text, length, &replay, diag);
            gt_replay_free(&replay);
        }
    } else {
        /* Lessons are the most common file an instructor writes; a file with an unknown
         * format is checked as one so its errors are still located. */
        GtLesson lesson;
        if (gt_load_lesson(path, text, length, &refs, &arena, diag, &lesson) &&
            check_step_demos(&arena, &lesson, text, length, diag) && warnings)
            gt_lint_lesson(&lesson, &refs, text, length, warnings);
    }
    gt_arena_free(&arena);
    free(text);
    return diag->count + diag->dropped == before;
}
