/* cli_export: `guidedtouch export` for instructors: one row per attempt (CSV, RFC 4180) or one
 * object per attempt (JSON), with every criterion and safety entry. */
#include "cli.h"
#include "attempts.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char USAGE[] =
    "Usage: guidedtouch export [--student NAME] [--format csv|json] [--database FILE | --local]\n"
    "\n"
    "Prints every saved attempt (of one student with --student) for a spreadsheet (csv, the\n"
    "default: one row per attempt, a column group per criterion) or a program (json). Times are\n"
    "UTC (ISO 8601). Text cells that start with = + - or @ get a leading ' so a spreadsheet does\n"
    "not run them as formulas. FILE defaults to the configured database (see print-config). With\n"
    "a school server configured, every kiosk's attempts come from the server; --local: this\n"
    "machine's database only.\n";

/* Unix ms as "YYYY-MM-DDTHH:MM:SSZ". */
static void utc_text(int64_t ms, char *text, size_t size) {
    time_t seconds = (time_t)(ms / 1000);
    struct tm utc;
    if (!gmtime_r(&seconds, &utc) || !strftime(text, size, "%Y-%m-%dT%H:%M:%SZ", &utc)) snprintf(text, size, "?");
}

/* Writes one CSV text field: quoted when it holds a comma, quote, CR or LF (quotes doubled), and
 * with a ' in front when a spreadsheet would take it for a formula. */
static void csv_text(FILE *out, const char *text, bool last) {
    bool formula = text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                   text[0] == '\r';
    bool quote = formula || strpbrk(text, ",\"\r\n") != NULL;
    if (quote) fputc('"', out);
    if (formula) fputc('\'', out);
    for (const char *p = text; *p; p++) {
        if (*p == '"') fputc('"', out);
        fputc(*p, out);
    }
    if (quote) fputc('"', out);
    fputc(last ? '\n' : ',', out);
}

/* Writes one CSV number field (empty when not finite). */
static void csv_number(FILE *out, double value) {
    if (isfinite(value)) fprintf(out, "%.10g", value);
    fputc(',', out);
}

static void csv_header(FILE *out) {
    fputs("attempt_id,student,lesson,step,technique,view,source,started_utc,finished_utc,duration_s,total,grade,"
          "passed,pass_mark,verdict,verdict_reason,capped,cap_reason,completion_pct,completion_done,completion_asked,"
          "completion_unit,safety_events,safety", out);
    for (int c = 0; c < GT_CRITERION_COUNT; c++) {
        const char *n = gt_criterion_name((GtCriterion)c);
        fprintf(out, ",%s_score,%s_measured,%s_unit,%s_target_min,%s_target_max,%s_feedback", n, n, n, n, n, n);
    }
    fputc('\n', out);
}

/* One attempt as a CSV row. */
static bool csv_row(const GtStoredAttempt *a, void *context) {
    FILE *out = context;
    char started[32], finished[32], step[16], safety[GT_SAFETY_MAX * (GT_FEEDBACK_MAX + 4)] = "";
    utc_text(a->started_ms, started, sizeof started);
    utc_text(a->finished_ms, finished, sizeof finished);
    snprintf(step, sizeof step, "%d", a->step);
    for (size_t i = 0; i < a->safety_count; i++) {
        size_t used = strlen(safety);
        snprintf(safety + used, sizeof safety - used, "%s%s", i ? "; " : "", a->safety[i].message);
    }
    csv_text(out, a->id, false);
    csv_text(out, a->student, false);
    csv_text(out, a->lesson, false);
    fprintf(out, "%s,", step);
    csv_text(out, a->technique, false);
    csv_text(out, a->view, false);
    csv_text(out, a->source, false);
    fprintf(out, "%s,%s,", started, finished);
    csv_number(out, (double)(a->finished_ms - a->started_ms) / 1000.0);
    csv_number(out, a->total);
    csv_text(out, a->grade, false);
    fprintf(out, "%s,", a->graded ? (a->passed ? "yes" : "no") : "");
    csv_number(out, a->pass_mark);
    csv_text(out, a->verdict, false);
    csv_text(out, a->verdict_reason, false);
    fprintf(out, "%s,", a->capped ? "yes" : "no");
    csv_text(out, a->cap_reason, false);
    csv_number(out, a->completion_applies ? a->completion_pct : NAN);
    csv_number(out, a->completion_applies ? a->completion_done : NAN);
    csv_number(out, a->completion_applies ? a->completion_asked : NAN);
    csv_text(out, a->completion_unit, false);
    fprintf(out, "%zu,", a->safety_count);
    csv_text(out, safety, GT_CRITERION_COUNT == 0);
    for (int c = 0; c < GT_CRITERION_COUNT; c++) {
        const GtStoredCriterion *k = NULL;
        for (size_t i = 0; i < a->criterion_count; i++)
            if (strcmp(a->criteria[i].name, gt_criterion_name((GtCriterion)c)) == 0) k = &a->criteria[i];
        csv_number(out, k ? k->score : NAN);
        csv_number(out, k ? k->measured : NAN);
        csv_text(out, k ? k->unit : "", false);
        csv_number(out, k ? k->target_min : NAN);
        csv_number(out, k ? k->target_max : NAN);
        csv_text(out, k ? k->feedback : "", c == GT_CRITERION_COUNT - 1);
    }
    return !ferror(out);
}

/* Adds a number, or null when it is not finite. */
static void add_number(cJSON *object, const char *key, double value) {
    cJSON_AddItemToObject(object, key, isfinite(value) ? cJSON_CreateNumber(value) : cJSON_CreateNull());
}

/* One attempt as a JSON object appended to the array `context`. */
static bool json_item(const GtStoredAttempt *a, void *context) {
    cJSON *o = cJSON_CreateObject();
    char started[32], finished[32];
    utc_text(a->started_ms, started, sizeof started);
    utc_text(a->finished_ms, finished, sizeof finished);
    cJSON_AddStringToObject(o, "attempt_id", a->id);
    cJSON_AddStringToObject(o, "student", a->student);
    cJSON_AddStringToObject(o, "lesson", a->lesson);
    cJSON_AddNumberToObject(o, "step", a->step);
    cJSON_AddStringToObject(o, "technique", a->technique);
    cJSON_AddStringToObject(o, "view", a->view);
    cJSON_AddStringToObject(o, "source", a->source);
    cJSON_AddStringToObject(o, "started_utc", started);
    cJSON_AddStringToObject(o, "finished_utc", finished);
    add_number(o, "total", a->total);
    cJSON_AddStringToObject(o, "grade", a->grade);
    cJSON_AddBoolToObject(o, "passed", a->passed);
    add_number(o, "pass_mark", a->pass_mark);
    cJSON_AddStringToObject(o, "verdict", a->verdict);
    cJSON_AddStringToObject(o, "verdict_reason", a->verdict_reason);
    cJSON_AddBoolToObject(o, "capped", a->capped);
    cJSON_AddStringToObject(o, "cap_reason", a->cap_reason);
    add_number(o, "completion_pct", a->completion_applies ? a->completion_pct : NAN);
    cJSON *criteria = cJSON_AddArrayToObject(o, "criteria");
    for (size_t i = 0; i < a->criterion_count; i++) {
        const GtStoredCriterion *k = &a->criteria[i];
        cJSON *c = cJSON_CreateObject();
        cJSON_AddStringToObject(c, "name", k->name);
        add_number(c, "score", k->score);
        add_number(c, "measured", k->measured);
        cJSON_AddStringToObject(c, "unit", k->unit);
        add_number(c, "target_min", k->target_min);
        add_number(c, "target_max", k->target_max);
        cJSON_AddStringToObject(c, "feedback", k->feedback);
        cJSON_AddItemToArray(criteria, c);
    }
    cJSON *safety = cJSON_AddArrayToObject(o, "safety");
    for (size_t i = 0; i < a->safety_count; i++) {
        const GtStoredSafety *k = &a->safety[i];
        cJSON *s = cJSON_CreateObject();
        cJSON_AddStringToObject(s, "kind", k->kind);
        cJSON_AddStringToObject(s, "place", k->place);
        add_number(s, "level", k->level);
        add_number(s, "seconds", k->seconds);
        cJSON_AddStringToObject(s, "message", k->message);
        cJSON_AddItemToArray(safety, s);
    }
    return cJSON_AddItemToArray(context, o);
}

/* Writes the attempts of `student_id` (0: everyone) in `format`; false after printing why. */
static bool write_export(GtProgressDb *db, int64_t student_id, bool json) {
    char error[GT_DB_ERROR_MAX];
    bool ok;
    if (json) {
        cJSON *root = cJSON_CreateObject();
        cJSON_AddStringToObject(root, "format", "guidedtouch-export");
        cJSON_AddNumberToObject(root, "version", 1);
        cJSON *attempts = cJSON_AddArrayToObject(root, "attempts");
        ok = gt_attempts_each(db, student_id, json_item, attempts, error, sizeof error);
        char *text = ok ? cJSON_Print(root) : NULL;
        if (text) puts(text);
        else if (ok) snprintf(error, sizeof error, "out of memory while writing the export");
        ok = ok && text;
        free(text);
        cJSON_Delete(root);
    } else {
        csv_header(stdout);
        ok = gt_attempts_each(db, student_id, csv_row, stdout, error, sizeof error);
    }
    if (!ok) fprintf(stderr, "guidedtouch: the export is incomplete: %s\n", error);
    return ok;
}

int gt_cli_export(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    const char *database = NULL, *student_name = NULL, *format = NULL;
    if ((argc = gt_cli_take_option(argc, argv, "--database", &database)) < 0 ||
        (argc = gt_cli_take_option(argc, argv, "--student", &student_name)) < 0 ||
        (argc = gt_cli_take_option(argc, argv, "--format", &format)) < 0)
        return GT_EXIT_USAGE;
    bool local = gt_cli_take_flag(&argc, argv, "--local");
    if (argc > 0 || (format && strcmp(format, "csv") != 0 && strcmp(format, "json") != 0)) {
        fprintf(stderr, "guidedtouch export: %s%s\n\n%s", argc ? "unexpected " : "unknown format ",
                argc ? argv[0] : format, USAGE);
        return GT_EXIT_USAGE;
    }
    bool json = format && strcmp(format, "json") == 0;
    bool absent = false;
    GtProgressDb *db = gt_cli_open_class(place, database, local, &absent);
    if (!db && !absent) return GT_EXIT_INVALID;
    int code = GT_EXIT_OK;
    GtStudent student = { 0 };
    char error[GT_DB_ERROR_MAX];
    if (student_name && (absent || !gt_students_find(db, student_name, &student, error, sizeof error))) {
        fprintf(stderr, "guidedtouch: %s\n", absent ? "there is no progress database yet" : error);
        code = GT_EXIT_INVALID;
    } else if (absent) {
        if (json) puts("{\n\t\"format\":\t\"guidedtouch-export\",\n\t\"version\":\t1,\n\t\"attempts\":\t[]\n}");
        else csv_header(stdout);
    } else if (!write_export(db, student.id, json)) code = GT_EXIT_INVALID;
    gt_cli_close_class(db);
    return code;
}
