#include "cli.h"

#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "Usage: guidedtouch validate [PATH...]\n"
    "\n"
    "Checks lesson, technique, body-map and replay files and reports every problem as\n"
    "FILE:LINE:COLUMN: JSON.PATH: message. A folder is checked file by file. Without a\n"
    "PATH, checks all bundled body maps, techniques and lessons.\n"
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
                gt_library_validate_file(library, files[k], diag, warnings);
            gt_free_file_list(files, count);
        } else {
            gt_library_validate_file(library, argv[i], diag, warnings);
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

int gt_cli_validate(const char *data_dir, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    GtDiag diag, warnings;
    gt_diag_init(&diag);
    gt_diag_init(&warnings);
    GtLibrary library;
    bool library_ok = gt_library_load(&library, data_dir, &diag);
    size_t checked = 0;
    const GtDiag *shown_warnings = &library.warnings;
    if (argc == 0) {
        checked = 2 + library.technique_count + library.lesson_count + library.broken_count;
        if (library_ok) printf("guidedtouch: %zu techniques, %zu lessons and 2 body maps are valid\n",
                               library.technique_count, library.lesson_count);
    } else {
        /* the bundled library is the reference for ids; its own problems are not this run's */
        if (!library_ok) {
            fprintf(stderr, "guidedtouch: note: the library in %s has problems of its own; run "
                    "`guidedtouch validate` to see them\n", data_dir);
        }
        gt_diag_free(&diag);
        checked = validate_paths(&library, argc, argv, &diag, &warnings);
        shown_warnings = &warnings;
    }
    int code = report(&diag, shown_warnings, checked, argc > 0);
    gt_diag_free(&diag);
    gt_diag_free(&warnings);
    gt_library_free(&library);
    return code;
}
