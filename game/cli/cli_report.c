/* cli_report: `guidedtouch report`, a class summary for instructors: per student the lessons
 * done, best and recent per technique, the weakest criterion and the safety events. */
#include "cli.h"
#include "progress_query.h"
#include "server_store.h"
#include "students.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char USAGE[] =
    "Usage: guidedtouch report [--student NAME] [--database FILE | --local]\n"
    "\n"
    "Summarises every student (or one): lessons done (every step passed) and tried; per technique\n"
    "the attempts, passes, best and most recent total and the criterion that holds it back most\n"
    "over the last 10 attempts; and safety events by kind. FILE defaults to the configured\n"
    "database (see print-config). With a school server configured, the report is of the whole\n"
    "class as the server has it; --local reports this machine's database only.\n";

/* Prints lessons done and tried, judged from the marks against the installed lessons. */
static void print_lessons(const GtLibrary *library, const GtProgress *marks) {
    int done = 0, tried = 0;
    char names[1024] = "";
    for (size_t l = 0; l < library->lesson_count; l++) {
        const GtLesson *lesson = &library->lessons[l];
        size_t passed = 0, touched = 0;
        for (size_t s = 1; s <= lesson->step_count; s++) {
            const GtProgressEntry *e = gt_progress_find(marks, lesson->id, (int)s);
            touched += e != NULL;
            passed += e && e->passes > 0;
        }
        tried += touched > 0;
        if (lesson->step_count && passed == lesson->step_count) {
            size_t used = strlen(names);
            snprintf(names + used, sizeof names - used, "%s%s", done ? ", " : "", lesson->id);
            done++;
        }
    }
    printf("  Lessons done: %d of %zu%s%s%s; tried: %d\n", done, library->lesson_count, done ? " (" : "", names,
           done ? ")" : "", tried);
}

/* Prints one line per technique. */
static void print_techniques(const GtTechniqueProgress *t, size_t count) {
    if (!count) {
        printf("  No graded attempts yet.\n");
        return;
    }
    printf("  %-26s %8s %6s %6s %6s  %s\n", "Technique", "Attempts", "Passed", "Best", "Recent", "Weakest criterion");
    for (size_t i = 0; i < count; i++) {
        char best[16] = "-", weakest[GT_FEEDBACK_MAX + 64] = "-";
        if (isfinite(t[i].best_total)) snprintf(best, sizeof best, "%.1f", t[i].best_total);
        if (t[i].weakest[0])
            snprintf(weakest, sizeof weakest, "%s %.0f: %s", t[i].weakest, t[i].weakest_score, t[i].weakest_feedback);
        printf("  %-26s %8d %6d %6s %6.1f%s  %s\n", t[i].technique, t[i].attempts, t[i].passes, best,
               t[i].recent_total, t[i].recent_scored ? " " : "!", weakest);
    }
}

/* Prints one student's summary; false after printing a database failure. */
static bool report_student(GtProgressDb *db, const GtLibrary *library, const GtStudent *s) {
    char error[GT_DB_ERROR_MAX], last[32] = "never";
    time_t seconds = (time_t)(s->last_ms / 1000);
    struct tm local;
    if (s->last_ms && localtime_r(&seconds, &local)) strftime(last, sizeof last, "%Y-%m-%d", &local);
    printf("%s%s: %d attempt%s, last practised %s\n", s->name, s->pseudonym ? " (not a real name)" : "", s->attempts,
           s->attempts == 1 ? "" : "s", last);
    GtProgress marks;
    GtTechniqueProgress *techniques = NULL;
    size_t count = 0;
    int safety[GT_SAFETY_KIND_COUNT];
    bool ok = gt_query_marks(db, s->id, &marks, error, sizeof error) &&
              gt_query_techniques(db, s->id, &techniques, &count, error, sizeof error) &&
              gt_query_safety_kinds(db, s->id, safety, error, sizeof error);
    if (ok) {
        print_lessons(library, &marks);
        print_techniques(techniques, count);
        int total = 0;
        for (int k = 0; k < GT_SAFETY_KIND_COUNT; k++) total += safety[k];
        printf("  Safety events: %d", total);
        for (int k = 0, shown = 0; k < GT_SAFETY_KIND_COUNT; k++)
            if (safety[k]) printf("%s%s %d", shown++ ? ", " : " (", gt_safety_kind_name((GtSafetyKind)k), safety[k]);
        printf("%s\n\n", total ? ")" : "");
    } else fprintf(stderr, "guidedtouch: %s\n", error);
    gt_progress_free(&marks);
    free(techniques);
    return ok;
}

/* Says when this machine holds attempts the school server refused (only a kiosk's own database
 * has them; a class read from the server has none). */
static void print_refused(GtProgressDb *db) {
    char reason[GT_SERVER_ERROR_MAX];
    long refused = gt_outbox_refused(db, reason, sizeof reason);
    if (refused > 0)
        printf("%ld attempt%s refused by the school server (kept on this machine, tried again on each connection "
               "and every hour): %s\n", refused, refused == 1 ? "" : "s", reason);
}

int gt_cli_report(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    const char *database = NULL, *name = NULL;
    if ((argc = gt_cli_take_option(argc, argv, "--database", &database)) < 0 ||
        (argc = gt_cli_take_option(argc, argv, "--student", &name)) < 0)
        return GT_EXIT_USAGE;
    bool local = gt_cli_take_flag(&argc, argv, "--local");
    if (argc > 0) {
        fprintf(stderr, "guidedtouch report: unexpected %s\n\n%s", argv[0], USAGE);
        return GT_EXIT_USAGE;
    }
    bool absent = false;
    GtProgressDb *db = gt_cli_open_class(place, database, local, &absent);
    if (!db) {
        if (absent) printf("No students yet: nothing has been saved.\n");
        return absent && !name ? GT_EXIT_OK : GT_EXIT_INVALID;
    }
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    GtStudentList students;
    char error[GT_DB_ERROR_MAX];
    bool ok = gt_students_list(db, &students, error, sizeof error);
    if (!ok) fprintf(stderr, "guidedtouch: %s\n", error);
    GtStudent wanted = { 0 };
    if (ok && name && !(ok = gt_students_find(db, name, &wanted, error, sizeof error)))
        fprintf(stderr, "guidedtouch: %s\n", error);
    if (ok && !students.count) printf("No students yet: nothing has been saved.\n");
    for (size_t i = 0; ok && i < students.count; i++)
        if (!name || students.items[i].id == wanted.id) ok = report_student(db, &library, &students.items[i]);
    if (ok) print_refused(db);
    gt_student_list_free(&students);
    gt_library_free(&library);
    gt_cli_close_class(db);
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}
