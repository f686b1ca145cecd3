#include "library.h"
#include "json_doc.h"
#include "gt_demo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/stat.h>

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

/* What one load is doing: the library being filled, where problems go, and the broken list's room. */
typedef struct LoadRun {
    GtLibrary *library;
    GtDiag *diag;
    size_t broken_capacity;
} LoadRun;

/* Loads the front and back body maps from data_dir/assets/bodymap; a broken one is noted. */
static void load_views(LoadRun *run, const char *data_dir) {
    GtLibrary *library = run->library;
    const char *bodymap_dir = join(&library->arena, data_dir, "assets/bodymap");
    for (int v = 0; v < GT_VIEW_COUNT && bodymap_dir; v++) {
        char name[64];
        snprintf(name, sizeof name, "%s.json", gt_view_name((GtView)v));
        const char *path = join(&library->arena, bodymap_dir, name);
        char *text = NULL;
        size_t length = 0, first = run->diag->count;
        if (path && gt_read_file(path, &text, &length, run->diag)) {
            library->view_loaded[v] = gt_load_bodymap(path, text, length, &library->arena, run->diag,
                                                      &library->views[v]);
            if (library->view_loaded[v] && library->views[v].view != (GtView)v) {
                int line, column;
                locate_top_key(text, length, "view", &line, &column);
                gt_diag_add(run->diag, path, line, column, "view", "this file describes the %s view but is named "
                            "%s; each view's file is named after it", gt_view_name(library->views[v].view), name);
                library->view_loaded[v] = false;
            }
        }
        free(text);
        if (!library->view_loaded[v]) note_broken(library, path ? path : name, run->diag, first, &run->broken_capacity);
    }
}

/* The JSON files of every folder: the bundled one (`base`/`sub`) then each pack's (`pack`/`pack_sub`,
 * pack_sub "" for the pack folder itself), in order, as one malloc'd list; `owner[i]` is the pack
 * index of file i, or -1 for the bundled library. */
static size_t list_all(const char *base, const char *sub, const char *const *packs, size_t pack_count,
                       const char *pack_sub, char ***files, int **owner) {
    size_t total = 0;
    *files = NULL;
    *owner = NULL;
    for (long p = -1; p < (long)pack_count; p++) {
        char dir[4200];
        if (p < 0) snprintf(dir, sizeof dir, "%s/%s", base, sub);
        else snprintf(dir, sizeof dir, "%s%s%s", packs[p], pack_sub[0] ? "/" : "", pack_sub);
        char **some = NULL;
        size_t count = gt_list_json_files(dir, &some);
        char **grown = realloc(*files, (total + count + 1) * sizeof *grown);
        int *grown_owner = realloc(*owner, (total + count + 1) * sizeof *grown_owner);
        if (grown) *files = grown;
        if (grown_owner) *owner = grown_owner;
        if (!grown || !grown_owner) {
            gt_free_file_list(some, count);
            continue;
        }
        for (size_t i = 0; i < count; i++) {
            (*files)[total] = some[i];
            (*owner)[total++] = (int)p;
        }
        free(some);
    }
    return total;
}

/* Reports an id already taken by `other_file`, at this file's "id". */
static void report_clash(GtDiag *diag, const char *what, const char *id, const char *file, const char *other_file,
                         const char *text, size_t length) {
    int line, column;
    locate_top_key(text, length, "id", &line, &column);
    gt_diag_add(diag, file, line, column, "id", "%s id \"%s\" is already used by %s; ids must be unique across the "
                "bundled lessons and every lesson pack, so rename this one (file and id)", what, id, other_file);
}

/* Loads every technique of the bundled library and the packs, sorted by id. */
static void load_techniques(LoadRun *run, const char *data_dir, const char *const *packs, size_t pack_count) {
    GtLibrary *library = run->library;
    GtReferences refs = gt_library_references(library);
    char **files = NULL;
    int *owner = NULL;
    size_t count = list_all(data_dir, "lessons/techniques", packs, pack_count, "techniques", &files, &owner);
    library->techniques = gt_arena_array(&library->arena, count ? count : 1, sizeof *library->techniques);
    for (size_t i = 0; i < count && library->techniques; i++) {
        char *text = NULL;
        size_t length = 0, first = run->diag->count;
        GtTechnique *t = &library->techniques[library->technique_count];
        bool ok = gt_file_is_inside(files[i], run->diag) && gt_read_file(files[i], &text, &length, run->diag) &&
                  gt_load_technique(files[i], text, length, &refs, &library->arena, run->diag, t) &&
                  id_matches_file(t->id, files[i], text, length, run->diag);
        for (size_t k = 0; ok && k < library->technique_count; k++) {
            if (strcmp(library->techniques[k].id, t->id) == 0) {
                report_clash(run->diag, "technique", t->id, files[i], library->techniques[k].file, text, length);
                ok = false;
            }
        }
        if (ok) t->file = gt_arena_strdup(&library->arena, files[i]);
        free(text);
        if (ok) library->technique_count++;
        else note_broken(library, files[i], run->diag, first, &run->broken_capacity);
    }
    gt_free_file_list(files, count);
    free(owner);
    if (library->technique_count)
        qsort(library->techniques, library->technique_count, sizeof *library->techniques, compare_techniques);
}

/* Loads every lesson of the bundled library, then each pack's, in file-name order within each. */
static void load_lessons(LoadRun *run, const char *data_dir, const char *const *packs, size_t pack_count) {
    GtLibrary *library = run->library;
    GtReferences refs = gt_library_references(library);
    char **files = NULL;
    int *owner = NULL;
    size_t count = list_all(data_dir, "lessons", packs, pack_count, "", &files, &owner);
    library->lessons = gt_arena_array(&library->arena, count ? count : 1, sizeof *library->lessons);
    for (size_t i = 0; i < count && library->lessons; i++) {
        char *text = NULL;
        size_t length = 0, first = run->diag->count;
        GtLesson *lesson = &library->lessons[library->lesson_count];
        bool ok = gt_file_is_inside(files[i], run->diag) && gt_read_file(files[i], &text, &length, run->diag) &&
                  gt_load_lesson(files[i], text, length, &refs, &library->arena, run->diag, lesson) &&
                  id_matches_file(lesson->id, files[i], text, length, run->diag);
        const GtLesson *other = ok ? gt_library_lesson(library, lesson->id) : NULL;
        if (other) {
            report_clash(run->diag, "lesson", lesson->id, files[i], other->file, text, length);
            ok = false;
        }
        ok = ok && check_step_demos(&library->arena, lesson, text, length, run->diag);
        if (ok) {
            lesson->pack = owner[i] < 0 ? NULL : gt_arena_strdup(&library->arena, packs[owner[i]]);
            gt_lint_lesson(lesson, &refs, text, length, &library->warnings);
        }
        free(text);
        if (ok) library->lesson_count++;
        else note_broken(library, files[i], run->diag, first, &run->broken_capacity);
    }
    gt_free_file_list(files, count);
    free(owner);
}

/* Reports a pack folder that cannot be opened (missing, not a folder, a link). */
static void check_pack_folder(LoadRun *run, const char *pack) {
    struct stat info;
    if (lstat(pack, &info) != 0)
        gt_diag_add(run->diag, pack, 0, 0, "", "lesson pack folder cannot be opened: %s", strerror(errno));
    else if (!S_ISDIR(info.st_mode))
        gt_diag_add(run->diag, pack, 0, 0, "", "a lesson pack must be a folder (holding LESSON.json files and "
                    "techniques/), not %s", S_ISLNK(info.st_mode) ? "a symbolic link" : "a file");
    else return;
    note_broken(run->library, pack, run->diag, run->diag->count - 1, &run->broken_capacity);
}

bool gt_library_load_packs(GtLibrary *library, const char *data_dir, const char *const *packs, size_t pack_count,
                           GtDiag *diag) {
    memset(library, 0, sizeof *library);
    gt_arena_init(&library->arena);
    gt_diag_init(&library->warnings);
    library->data_dir = gt_arena_strdup(&library->arena, data_dir);
    size_t errors_before = diag->count + diag->dropped;
    LoadRun run = { library, diag, 0 };
    load_views(&run, data_dir);
    for (size_t p = 0; p < pack_count; p++) check_pack_folder(&run, packs[p]);
    load_techniques(&run, data_dir, packs, pack_count);
    load_lessons(&run, data_dir, packs, pack_count);
    if (library->arena.failed) gt_diag_add(diag, data_dir, 0, 0, "", "out of memory while loading the library");
    return diag->count + diag->dropped == errors_before;
}

bool gt_library_load(GtLibrary *library, const char *data_dir, GtDiag *diag) {
    return gt_library_load_packs(library, data_dir, NULL, 0, diag);
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
        const char *written = step->demo_path;
        bool inside = gt_relative_path_stays_inside(written);
        const char *path = inside ? join(arena, dir, written) : written;
        if (!path) return false;
        step->demo_path = path;
        char *demo_text = NULL;
        size_t demo_length = 0;
        GtReplay replay;
        GtDiag read_diag;
        gt_diag_init(&read_diag);
        if (!inside || !gt_file_is_inside(path, &read_diag) ||
            !gt_read_file(path, &demo_text, &demo_length, &read_diag)) {
            GtPath step_path = gt_path_index(&steps_path, i);
            GtPath demo_path = gt_path_key(&step_path, "demo");
            int line, column;
            gt_json_locate(&doc, &demo_path, false, &line, &column);
            gt_diag_add(diag, lesson->file, line, column, demo_path.text, "demonstration \"%s\": %s; the path is "
                        "relative to the lesson file and stays inside its folder (for example \"demos/%s-1.json\")",
                        written, !inside ? "must not start with / or go up with .."
                        : read_diag.count ? read_diag.entries[0].message : "cannot be read", lesson->id);
            step->demo_path = NULL;
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

bool gt_library_check_file_id(const char *path, GtDiag *diag) {
    char *text = NULL;
    size_t length = 0;
    GtDiag quiet;
    gt_diag_init(&quiet);
    bool read = gt_read_file(path, &text, &length, &quiet);
    gt_diag_free(&quiet);
    if (!read) return true;
    char format[64] = "";
    bool ok = true;
    cJSON *root = NULL;
    if (gt_peek_format(text, length, format, sizeof format) &&
        (strcmp(format, "guidedtouch-lesson") == 0 || strcmp(format, "guidedtouch-technique") == 0) &&
        (root = cJSON_ParseWithLength(text, length)) != NULL) {
        const cJSON *id = cJSON_GetObjectItemCaseSensitive(root, "id");
        if (cJSON_IsString(id)) ok = id_matches_file(id->valuestring, path, text, length, diag);
    }
    cJSON_Delete(root);
    free(text);
    return ok;
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
