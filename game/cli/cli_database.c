/* cli_database: opening the progress database for a command, and `guidedtouch backup`. */
#include "cli.h"
#include "config.h"
#include "progress_db.h"
#include "progress_import.h"
#include "server_store.h"
#include "storage.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int gt_cli_take_option(int argc, char **argv, const char *option, const char **value) {
    *value = NULL;
    size_t length = strlen(option);
    int kept = 0;
    for (int i = 0; i < argc; i++) {
        if (strncmp(argv[i], option, length) == 0 && (argv[i][length] == '\0' || argv[i][length] == '=')) {
            if (argv[i][length] == '=') *value = argv[i] + length + 1;
            else if (i + 1 < argc) *value = argv[++i];
            else {
                fprintf(stderr, "guidedtouch: %s needs a value\n", option);
                return -1;
            }
            continue;
        }
        argv[kept++] = argv[i];
    }
    return kept;
}

/* The database the configuration files name (the command line of this command is its own), and
 * the school server's connection setting ("" when none) when `server` is not NULL. */
static bool configured_place(char *path, size_t size, char *server, size_t server_size) {
    GtConfig config;
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_config_load(&config, NULL, 0, NULL, &diag);
    if (!ok) {
        fprintf(stderr, "guidedtouch: the configuration has problems:\n");
        gt_diag_print(&diag, stderr);
    }
    snprintf(path, size, "%s", config.database);
    if (server) snprintf(server, server_size, "%s", config.server);
    gt_config_free(&config);
    gt_diag_free(&diag);
    return ok && path[0];
}

/* True when the older file store left something in `dir` to import. */
static bool has_legacy_files(const char *dir) {
    char path[4200];
    snprintf(path, sizeof path, "%s/progress.json", dir);
    if (access(path, F_OK) == 0) return true;
    snprintf(path, sizeof path, "%s/replays", dir);
    return access(path, F_OK) == 0;
}

/* Imports the older files beside the database once, telling the instructor what came in. */
static bool import_once(GtProgressDb *db, const GtCliPlace *place, const char *folder) {
    GtLibrary library;
    bool with_library = has_legacy_files(folder);
    if (with_library) gt_cli_load_library(&library, place, true);
    GtImportReport report;
    char error[GT_DB_ERROR_MAX];
    bool ok = gt_progress_import_legacy(db, folder, with_library ? &library : NULL, &report, error, sizeof error);
    if (!ok) fprintf(stderr, "guidedtouch: the earlier progress files were not imported: %s\n", error);
    else if (!report.already_done && report.student_id)
        fprintf(stderr, "guidedtouch: imported the earlier progress from %s (%d attempts, %d marks) as student "
                "\"%s\"\n", folder, report.attempts, report.marks, report.student);
    if (with_library) gt_library_free(&library);
    return ok;
}

struct GtProgressDb *gt_cli_open_database(const GtCliPlace *place, const char *path, bool create, bool *absent) {
    char chosen[4096];
    if (absent) *absent = false;
    if (path) snprintf(chosen, sizeof chosen, "%s", path);
    else if (!configured_place(chosen, sizeof chosen, NULL, 0)) return NULL;
    char folder[4096];
    const char *slash = strrchr(chosen, '/');
    snprintf(folder, sizeof folder, "%.*s", slash ? (int)(slash == chosen ? 1 : slash - chosen) : 1,
             slash ? chosen : ".");
    if (access(chosen, F_OK) != 0 && errno == ENOENT && !(create || has_legacy_files(folder))) {
        if (absent) *absent = true;
        return NULL;
    }
    char error[GT_DB_ERROR_MAX];
    if (!gt_storage_make_dirs(folder, error, sizeof error)) {
        fprintf(stderr, "guidedtouch: %s\n", error);
        return NULL;
    }
    GtProgressDb *db = gt_progress_db_open(chosen, error, sizeof error);
    if (!db) {
        fprintf(stderr, "guidedtouch: %s\n", error);
        return NULL;
    }
    if (!import_once(db, place, folder)) {
        gt_progress_db_close(db);
        return NULL;
    }
    return db;
}

static char class_dir[4096]; /* the temporary folder of the class copied from the server */

/* Copies the class from the server at `connection` into a new temporary database; NULL after
 * printing why. */
static GtProgressDb *fetch_class(const char *connection) {
    const char *tmp = getenv("TMPDIR");
    snprintf(class_dir, sizeof class_dir, "%s/guidedtouch-class-XXXXXX", tmp && tmp[0] == '/' ? tmp : "/tmp");
    if (!mkdtemp(class_dir)) {
        fprintf(stderr, "guidedtouch: cannot make a temporary folder for the class (%s)\n", strerror(errno));
        class_dir[0] = '\0';
        return NULL;
    }
    char path[4200], error[GT_DB_ERROR_MAX];
    snprintf(path, sizeof path, "%s/class.db", class_dir);
    GtServer *server = gt_server_connect(connection, error, sizeof error);
    GtProgressDb *db = server ? gt_progress_db_open(path, error, sizeof error) : NULL;
    if (db && !gt_server_fetch_class(server, db, error, sizeof error)) {
        gt_cli_close_class(db);
        db = NULL;
    }
    if (!db)
        fprintf(stderr, "guidedtouch: %s\nguidedtouch: add --local to read this machine's attempts only\n", error);
    else fprintf(stderr, "guidedtouch: the class as the school server has it (--local: this machine only)\n");
    gt_server_close(server);
    if (!db && class_dir[0]) {
        rmdir(class_dir);
        class_dir[0] = '\0';
    }
    return db;
}

struct GtProgressDb *gt_cli_open_class(const GtCliPlace *place, const char *path, bool local, bool *absent) {
    char chosen[4096], server[GT_CONFIG_SERVER_MAX] = "";
    if (absent) *absent = false;
    if (!path && !local && !configured_place(chosen, sizeof chosen, server, sizeof server)) return NULL;
    if (server[0]) return fetch_class(server);
    return gt_cli_open_database(place, path, false, absent);
}

void gt_cli_close_class(struct GtProgressDb *db) {
    char path[4200];
    snprintf(path, sizeof path, "%s", db ? gt_progress_db_path(db) : "");
    gt_progress_db_close(db);
    size_t length = strlen(class_dir);
    if (!length || strncmp(path, class_dir, length) != 0) return;
    static const char *const SUFFIXES[] = { "", "-wal", "-shm", "-journal" };
    for (size_t i = 0; i < 4; i++) {
        char file[4300];
        snprintf(file, sizeof file, "%s/class.db%s", class_dir, SUFFIXES[i]);
        unlink(file);
    }
    rmdir(class_dir);
    class_dir[0] = '\0';
}

static const char BACKUP_USAGE[] =
    "Usage: guidedtouch backup FILE [--database DB]\n"
    "\n"
    "Copies the progress database into the new file FILE, consistently, even while the trainer\n"
    "is saving (SQLite's online backup). Restore by putting FILE in the database's place while\n"
    "the trainer is closed. DB defaults to the configured database (see print-config).\n";

int gt_cli_backup(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, BACKUP_USAGE)) return GT_EXIT_OK;
    const char *database = NULL;
    argc = gt_cli_take_option(argc, argv, "--database", &database);
    if (argc != 1 || argv[0][0] == '-') {
        fprintf(stderr, "guidedtouch backup: expected one FILE to write\n\n%s", BACKUP_USAGE);
        return GT_EXIT_USAGE;
    }
    bool absent = false;
    GtProgressDb *db = gt_cli_open_database(place, database, false, &absent);
    if (!db) {
        if (absent) fprintf(stderr, "guidedtouch: there is no progress database yet; nothing to back up\n");
        return GT_EXIT_INVALID;
    }
    char error[GT_DB_ERROR_MAX];
    bool ok = gt_progress_db_backup(db, argv[0], error, sizeof error);
    if (ok) printf("guidedtouch: backed up %s to %s\n", gt_progress_db_path(db), argv[0]);
    else fprintf(stderr, "guidedtouch: the backup was not made: %s\n", error);
    gt_progress_db_close(db);
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}
