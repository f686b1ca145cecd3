#include "cli.h"

#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "Usage: guidedtouch validate [PATH...]\n"
    "\n"
    "Checks lesson, technique, body-map and replay files and reports every problem as\n"
    "FILE:LINE:COLUMN: JSON.PATH: message. A folder is checked file by file. Without a\n"
    "PATH, checks all bundled body maps, techniques and lessons and every lesson pack\n"
    "(--lessons DIR, else the configuration's lesson_packs). A file's folder (or a folder\n"
    "PATH itself) is loaded as a lesson pack, so a pack's lessons see its own techniques;\n"
    "a lesson's or technique's id must match its file name.\n"
    "Warnings (FILE:LINE:COLUMN: JSON.PATH: warning: ...) point at a lesson step whose\n"
    "instruction or hint names another pressure level, speed, tempo or hold range than the\n"
    "band the step is scored on; the lesson still loads.\n"
    "Exit status: 0 when everything is valid (warnings or not), 1 when any problem was found.\n";

static bool is_directory(const char *path) {
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

/* Validates each PATH (a folder file by file) against the library; problems go to diag and
 * warnings to warnings. Returns how many files were checked. */
static size_t validate_paths(const GtLibrary *library, int argc, char **argv, GtDiag *diag, GtDiag *warnings) {
    size_t checked = 0;
    for (int i = 0; i < argc; i++) {
        if (is_directory(argv[i])) {
            char **files = NULL;
            size_t count = gt_list_json_files(argv[i], &files);
            for (size_t k = 0; k < count; k++, checked++)
                if (gt_library_validate_file(library, files[k], diag, warnings)) gt_library_check_file_id(files[k], diag);
            gt_free_file_list(files, count);
        } else {
            if (gt_library_validate_file(library, argv[i], diag, warnings)) gt_library_check_file_id(argv[i], diag);
            checked++;
        }
    }
    return checked;
}

/* Prints the problems, then the warnings, then the closing counts; returns the exit code. */
static int report(const GtDiag *diag, const GtDiag *warnings, size_t checked, bool named_files) {
    gt_diag_print(diag, stderr);
    gt_diag_print(warnings, stderr);
    bool ok = diag->count == 0 && diag->dropped == 0;
    size_t problems = diag->count + diag->dropped, warned = warnings->count + warnings->dropped;
    if (named_files && ok) printf("guidedtouch: %zu file%s valid\n", checked, checked == 1 ? "" : "s");
    if (!ok) fprintf(stderr, "guidedtouch: %zu problem%s found\n", problems, problems == 1 ? "" : "s");
    if (warned) fprintf(stderr, "guidedtouch: %zu warning%s\n", warned, warned == 1 ? "" : "s");
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}

/* True when `path` is a lesson pack (a folder with techniques/), a file directly in one, or a
 * file in a pack's techniques/: its techniques are then loaded for the files named. */
static bool is_pack(const char *path) {
    char folder[4200];
    if (is_directory(path)) snprintf(folder, sizeof folder, "%s/techniques", path);
    else {
        const char *slash = strrchr(path, '/');
        snprintf(folder, sizeof folder, "%.*s/techniques", slash ? (int)(slash - path) : 1, slash ? path : ".");
        char parent[4200];
        snprintf(parent, sizeof parent, "%.*s", slash ? (int)(slash - path) : 1, slash ? path : ".");
        const char *last = strrchr(parent, '/');
        if (strcmp(last ? last + 1 : parent, "techniques") == 0) return true;
    }
    return is_directory(folder);
}

/* True when a problem's file is one of the paths named (a file, or inside a named folder). */
static bool named(const char *file, int argc, char **argv) {
    for (int i = 0; i < argc; i++) {
        size_t n = strlen(argv[i]);
        if (strcmp(file, argv[i]) == 0 || (strncmp(file, argv[i], n) == 0 && file[n] == '/')) return true;
    }
    return false;
}

/* How many of the library's lessons came from lesson packs. */
static size_t pack_lessons(const GtLibrary *library) {
    size_t count = 0;
    for (size_t i = 0; i < library->lesson_count; i++) count += library->lessons[i].pack != NULL;
    return count;
}

int gt_cli_validate(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    GtDiag diag, warnings;
    gt_diag_init(&diag);
    gt_diag_init(&warnings);
    for (int i = 0; i < argc; i++)
        if (is_pack(argv[i])) gt_cli_add_folder(place, argv[i]);
    GtLibrary library;
    bool library_ok = gt_cli_load_library_diag(&library, place, &diag);
    size_t checked = 0;
    const GtDiag *shown_warnings = &library.warnings;
    if (argc == 0) {
        checked = 2 + library.technique_count + library.lesson_count + library.broken_count;
        size_t from_packs = pack_lessons(&library);
        if (library_ok && from_packs)
            printf("guidedtouch: %zu techniques, %zu lessons (%zu from lesson packs) and 2 body maps are valid\n",
                   library.technique_count, library.lesson_count, from_packs);
        else if (library_ok)
            printf("guidedtouch: %zu techniques, %zu lessons and 2 body maps are valid\n", library.technique_count,
                   library.lesson_count);
    } else {
        /* each named file is checked on its own (a clash of ids inside its pack is still said);
         * the library's other problems are not this run's */
        GtDiag load_problems = diag;
        gt_diag_init(&diag);
        for (size_t k = 0; k < load_problems.count; k++)
            if (strstr(load_problems.entries[k].message, "is already used by") &&
                named(load_problems.entries[k].file, argc, argv))
                gt_diag_add(&diag, load_problems.entries[k].file, load_problems.entries[k].line,
                            load_problems.entries[k].column, load_problems.entries[k].json_path, "%s",
                            load_problems.entries[k].message);
        if (!library_ok && diag.count == 0)
            fprintf(stderr, "guidedtouch: note: the library in %s has problems of its own; run "
                    "`guidedtouch validate` to see them\n", place->data_dir);
        gt_diag_free(&load_problems);
        checked = validate_paths(&library, argc, argv, &diag, &warnings);
        shown_warnings = &warnings;
    }
    int code = report(&diag, shown_warnings, checked, argc > 0);
    gt_diag_free(&diag);
    gt_diag_free(&warnings);
    gt_library_free(&library);
    return code;
}
