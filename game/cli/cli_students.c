/* cli_students: `guidedtouch students [list|add NAME|rename OLD NEW]` for staff. */
#include "cli.h"
#include "students.h"

#include <string.h>
#include <time.h>

static const char USAGE[] =
    "Usage: guidedtouch students [list | add NAME | rename OLD NEW] [--pseudonym] [--database FILE]\n"
    "\n"
    "Lists the students whose attempts this kiosk keeps (the default), adds one, or renames one\n"
    "(their attempts stay theirs). Names are unique whatever their case. --pseudonym marks a new\n"
    "name that is not a real one. FILE defaults to the configured database (see print-config).\n";

/* Formats Unix ms as a local "YYYY-MM-DD HH:MM" ("never" for 0). */
static void local_time(int64_t ms, char *text, size_t size) {
    time_t seconds = (time_t)(ms / 1000);
    struct tm local;
    if (!ms || !localtime_r(&seconds, &local) || !strftime(text, size, "%Y-%m-%d %H:%M", &local))
        snprintf(text, size, "never");
}

/* Prints every student, one a line, with attempts and last practice. */
static int list(GtProgressDb *db) {
    GtStudentList students;
    char error[GT_DB_ERROR_MAX];
    if (!gt_students_list(db, &students, error, sizeof error)) {
        fprintf(stderr, "guidedtouch: %s\n", error);
        return GT_EXIT_INVALID;
    }
    if (!students.count) printf("No students yet; add one with `guidedtouch students add NAME`.\n");
    for (size_t i = 0; i < students.count; i++) {
        const GtStudent *s = &students.items[i];
        char last[32];
        local_time(s->last_ms, last, sizeof last);
        printf("%-40s %5d attempt%s  last practised %s%s\n", s->name, s->attempts, s->attempts == 1 ? " " : "s", last,
               s->pseudonym ? "  (not a real name)" : "");
    }
    gt_student_list_free(&students);
    return GT_EXIT_OK;
}

/* Runs add / rename; prints what changed or why not. */
static int change(GtProgressDb *db, int argc, char **argv) {
    char error[GT_DB_ERROR_MAX];
    if (strcmp(argv[0], "add") == 0) {
        bool pseudonym = argc == 3 && strcmp(argv[2], "--pseudonym") == 0;
        if (argc != 2 && !pseudonym) {
            fprintf(stderr, "guidedtouch students add: expected one NAME (quote a name with spaces)\n\n%s", USAGE);
            return GT_EXIT_USAGE;
        }
        GtStudent student;
        if (!gt_students_add(db, argv[1], pseudonym, &student, error, sizeof error)) {
            fprintf(stderr, "guidedtouch: %s\n", error);
            return GT_EXIT_INVALID;
        }
        printf("Added %s\n", student.name);
        return GT_EXIT_OK;
    }
    bool pseudonym = argc == 4 && strcmp(argv[3], "--pseudonym") == 0;
    if (argc != 3 && !pseudonym) {
        fprintf(stderr, "guidedtouch students rename: expected OLD and NEW names\n\n%s", USAGE);
        return GT_EXIT_USAGE;
    }
    GtStudent student, renamed;
    if (!gt_students_find(db, argv[1], &student, error, sizeof error) ||
        !gt_students_rename(db, student.id, argv[2], pseudonym, error, sizeof error) ||
        !gt_students_get(db, student.id, &renamed, error, sizeof error)) {
        fprintf(stderr, "guidedtouch: %s\n", error);
        return GT_EXIT_INVALID;
    }
    printf("Renamed %s to %s\n", student.name, renamed.name);
    return GT_EXIT_OK;
}

int gt_cli_students(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    const char *database = NULL;
    if ((argc = gt_cli_take_option(argc, argv, "--database", &database)) < 0) return GT_EXIT_USAGE;
    const char *verb = argc ? argv[0] : "list";
    bool listing = strcmp(verb, "list") == 0;
    if (!listing && strcmp(verb, "add") != 0 && strcmp(verb, "rename") != 0) {
        fprintf(stderr, "guidedtouch students: unknown action \"%s\"\n\n%s", verb, USAGE);
        return GT_EXIT_USAGE;
    }
    if (listing && argc > 1) {
        fprintf(stderr, "guidedtouch students list: takes no names\n\n%s", USAGE);
        return GT_EXIT_USAGE;
    }
    bool absent = false;
    GtProgressDb *db = gt_cli_open_database(place, database, !listing, &absent);
    if (!db && absent) {
        printf("No students yet; add one with `guidedtouch students add NAME`.\n");
        return GT_EXIT_OK;
    }
    if (!db) return GT_EXIT_INVALID;
    int code = listing ? list(db) : change(db, argc, argv);
    gt_progress_db_close(db);
    return code;
}
