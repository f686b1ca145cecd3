#include "cli.h"

#include <string.h>
#include <sys/stat.h>

static const char USAGE[] =
    "Usage: guidedtouch validate [PATH...]\n"
    "\n"
    "Checks lesson, technique, body-map and replay files and reports every problem as\n"
    "FILE:LINE:COLUMN: JSON.PATH: message. A folder is checked file by file. Without a\n"
    "PATH, checks all bundled body maps, techniques and lessons.\n"
    "Exit status: 0 when everything is valid, 1 when any problem was found.\n";

static bool is_directory(const char *path) {
    struct stat info;
    return stat(path, &info) == 0 && S_ISDIR(info.st_mode);
}

int gt_cli_validate(const char *data_dir, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    GtDiag diag;
    gt_diag_init(&diag);
    GtLibrary library;
    bool library_ok = gt_library_load(&library, data_dir, &diag);
    size_t checked = 0;
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
        for (int i = 0; i < argc; i++) {
            if (is_directory(argv[i])) {
                char **files = NULL;
                size_t count = gt_list_json_files(argv[i], &files);
                for (size_t k = 0; k < count; k++, checked++) gt_library_validate_file(&library, files[k], &diag);
                gt_free_file_list(files, count);
            } else {
                gt_library_validate_file(&library, argv[i], &diag);
                checked++;
            }
        }
    }
    gt_diag_print(&diag, stderr);
    bool ok = diag.count == 0 && diag.dropped == 0;
    if (argc > 0 && ok) printf("guidedtouch: %zu file%s valid\n", checked, checked == 1 ? "" : "s");
    if (!ok) fprintf(stderr, "guidedtouch: %zu problem%s found\n", diag.count + diag.dropped,
                     diag.count + diag.dropped == 1 ? "" : "s");
    gt_diag_free(&diag);
    gt_library_free(&library);
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}
