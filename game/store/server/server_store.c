/* server_store: connecting to the school server, its credentials, its schema, and plain words
 * for what went wrong. */
#include "server_internal.h"
#include "pq_loader.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char SERVER_SCHEMA_1[] =
    "CREATE TABLE students (\n"
    "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n"
    "  name_key text NOT NULL UNIQUE,        -- the folded name: one student on every kiosk\n"
    "  name text NOT NULL,\n"
    "  created_ms bigint NOT NULL,\n"
    "  pseudonym integer NOT NULL DEFAULT 0,\n"
    "  settings_json text NOT NULL DEFAULT '{}'\n"
    ");\n"
    "CREATE TABLE attempts (\n"
    "  id uuid PRIMARY KEY,                   -- made by the kiosk: a repeated send is a no-op\n"
    "  student_id bigint REFERENCES students(id) ON DELETE SET NULL,\n"
    "  kiosk text NOT NULL DEFAULT '',\n"
    "  received_at timestamptz NOT NULL DEFAULT now(),\n"
    "  lesson text NOT NULL, step integer NOT NULL, technique text NOT NULL, view text NOT NULL,\n"
    "  source text NOT NULL, started_ms bigint NOT NULL, finished_ms bigint NOT NULL,\n"
    "  total double precision, grade text NOT NULL, passed integer NOT NULL, pass_mark double precision,\n"
    "  verdict text, verdict_reason text NOT NULL, capped integer NOT NULL, cap_reason text NOT NULL,\n"
    "  completion_applies integer NOT NULL, completion_done double precision,\n"
    "  completion_asked double precision, completion_unit text, completion_pct double precision,\n"
    "  completion_feedback text NOT NULL, card_json text, replay_json text NOT NULL\n"
    ");\n"
    "CREATE INDEX attempts_by_student ON attempts (student_id, technique, finished_ms);\n"
    "CREATE TABLE attempt_criteria (\n"
    "  attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE, criterion text NOT NULL,\n"
    "  score double precision NOT NULL, measured double precision, unit text NOT NULL,\n"
    "  target_min double precision, target_max double precision, weight double precision,\n"
    "  feedback text NOT NULL, PRIMARY KEY (attempt_id, criterion)\n"
    ");\n"
    "CREATE TABLE attempt_safety (\n"
    "  attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE, n integer NOT NULL,\n"
    "  kind text NOT NULL, place text NOT NULL, place_name text NOT NULL, level double precision,\n"
    "  seconds double precision, message text NOT NULL, PRIMARY KEY (attempt_id, n)\n"
    ");\n"
    "CREATE TABLE attempt_positions (\n"
    "  attempt_id uuid NOT NULL REFERENCES attempts(id) ON DELETE CASCADE, view text NOT NULL,\n"
    "  x_cm integer NOT NULL, y_cm integer NOT NULL, samples integer NOT NULL,\n"
    "  PRIMARY KEY (attempt_id, view, x_cm, y_cm)\n"
    ");\n";

/* Version 2: renames of students, applied once each (by UUID) by a function that runs with the
 * owner's rights, so a kiosk may rename or merge students without UPDATE or DELETE of its own. */
static const char SERVER_SCHEMA_2[] =
    "CREATE TABLE student_renames (\n"
    "  id uuid PRIMARY KEY, old_key text NOT NULL, new_name text NOT NULL, new_key text NOT NULL,\n"
    "  pseudonym integer NOT NULL, renamed_ms bigint NOT NULL, received_at timestamptz NOT NULL DEFAULT now()\n"
    ");\n"
    "CREATE FUNCTION guidedtouch_rename_student(rename_id uuid, from_key text, to_name text, to_key text,\n"
    "    to_pseudonym integer, at_ms bigint) RETURNS void LANGUAGE plpgsql SECURITY DEFINER\n"
    "    SET search_path = public, pg_temp AS $f$\n"
    "DECLARE from_id bigint; to_id bigint;\n"
    "BEGIN\n"
    "  INSERT INTO student_renames (id, old_key, new_name, new_key, pseudonym, renamed_ms)\n"
    "    VALUES (rename_id, from_key, to_name, to_key, to_pseudonym, at_ms) ON CONFLICT (id) DO NOTHING;\n"
    "  IF NOT FOUND THEN RETURN; END IF; -- applied before\n"
    "  SELECT id INTO from_id FROM students WHERE name_key = from_key;\n"
    "  SELECT id INTO to_id FROM students WHERE name_key = to_key;\n"
    "  IF from_id IS NOT NULL AND to_id IS NOT NULL AND from_id <> to_id THEN -- both known: one student\n"
    "    UPDATE attempts SET student_id = to_id WHERE student_id = from_id;\n"
    "    DELETE FROM students WHERE id = from_id;\n"
    "    from_id := NULL;\n"
    "  END IF;\n"
    "  UPDATE students SET name = to_name, name_key = to_key, pseudonym = to_pseudonym\n"
    "    WHERE id = coalesce(from_id, to_id);\n"
    "END $f$;\n"
    "REVOKE ALL ON FUNCTION guidedtouch_rename_student(uuid, text, text, text, integer, bigint) FROM PUBLIC;\n"
    "DO $d$ BEGIN -- roles made from docs/school-server-roles.sql before this version get its rights too\n"
    "  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'guidedtouch_kiosk') THEN\n"
    "    GRANT SELECT ON student_renames TO guidedtouch_kiosk;\n"
    "    GRANT EXECUTE ON FUNCTION guidedtouch_rename_student(uuid, text, text, text, integer, bigint)\n"
    "      TO guidedtouch_kiosk;\n"
    "  END IF;\n"
    "  IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'guidedtouch_instructor') THEN\n"
    "    GRANT SELECT ON student_renames TO guidedtouch_instructor;\n"
    "  END IF;\n"
    "END $d$;\n";

static const char *const SERVER_STEPS[GT_SERVER_SCHEMA_VERSION] = { SERVER_SCHEMA_1, SERVER_SCHEMA_2 };

void gt_server_scrub(char *text) {
    for (char *p = text; (p = strstr(p, "password")) != NULL;) {
        char *value = p + 8;
        while (*value == ' ') value++;
        if (*value != '=') {
            p += 8;
            continue;
        }
        value++;
        while (*value == ' ') value++;
        char *end = value;
        if (*end == '\'') {
            end++;
            while (*end && *end != '\'') end += end[0] == '\\' && end[1] ? 2 : 1;
            if (*end) end++;
        } else
            while (*end && !isspace((unsigned char)*end) && *end != '&') end++;
        memmove(value + 3, end, strlen(end) + 1);
        memcpy(value, "***", 3);
        p = value + 3;
    }
    char *scheme = strstr(text, "://"); /* postgresql://user:secret@host */
    if (scheme) {
        char *user = scheme + 3, *at = strchr(user, '@'), *colon = strchr(user, ':');
        if (at && colon && colon < at && !memchr(user, '/', (size_t)(at - user))) {
            memmove(colon + 4, at, strlen(at) + 1);
            memcpy(colon + 1, "***", 3);
        }
    }
}

void gt_server_problem(char *error, size_t error_size, const char *format, ...) {
    va_list args;
    va_start(args, format);
    vsnprintf(error, error_size, format, args);
    va_end(args);
    gt_server_scrub(error);
}

/* libpq's message, first line only, scrubbed, into `text`. */
static void first_line(const char *message, char *text, size_t size) {
    snprintf(text, size, "%s", message ? message : "");
    text[strcspn(text, "\n")] = '\0';
    gt_server_scrub(text);
}

/* Words a failed connection for the staff screen from libpq's message. */
static void describe_connect(PGconn *conn, char *error, size_t error_size) {
    const char *message = PQerrorMessage(conn);
    char line[300];
    first_line(message, line, sizeof line);
    if (strstr(message, "password authentication failed") || strstr(message, "no password supplied") ||
        strstr(message, "password is required"))
        gt_server_problem(error, error_size, "the school server refused the kiosk's password (check the password "
                          "file or service file; %s)", line);
    else if (strstr(message, "no pg_hba.conf entry") && strstr(message, "no encryption"))
        gt_server_problem(error, error_size, "the school server accepts only secure (TLS) connections and this "
                          "kiosk's setting does not ask for one (use sslmode=verify-full with the school's "
                          "certificate authority, or sslmode=require; %s)", line);
    else if (strstr(message, "no pg_hba.conf entry"))
        gt_server_problem(error, error_size, "the school server does not let this kiosk in (no pg_hba.conf line "
                          "allows it; %s)", line);
    else if (strstr(message, "SSL") || strstr(message, "certificate"))
        gt_server_problem(error, error_size, "the school server's secure connection failed (%s)", line);
    else if (strstr(message, "does not exist"))
        gt_server_problem(error, error_size, "the school server has no such database or user (%s)", line);
    else gt_server_problem(error, error_size, "the school server cannot be reached (%s)", line);
}

/* False with the reason when the file at `path` (if present) can be read by other users. */
static bool private_file(const char *path, const char *what, char *error, size_t error_size) {
    struct stat info;
    if (!path || !path[0] || stat(path, &info) != 0) return true;
    if ((info.st_mode & (S_IRWXG | S_IRWXO)) == 0) return true;
    gt_server_problem(error, error_size, "the %s %s can be read by other users; make it private with `chmod 600 %s`",
                      what, path, path);
    return false;
}

bool gt_server_check_credentials(const char *connection, char *error, size_t error_size) {
    char *parse_error = NULL;
    PQconninfoOption *options = PQconninfoParse(connection, &parse_error);
    if (!options) {
        gt_server_problem(error, error_size, "the server setting is not a connection string (%s)",
                          parse_error ? parse_error : "out of memory");
        if (error_size) error[strcspn(error, "\n")] = '\0';
        PQfreemem(parse_error);
        return false;
    }
    const char *passfile = getenv("PGPASSFILE"), *servicefile = getenv("PGSERVICEFILE");
    bool has_password = false;
    for (PQconninfoOption *o = options; o->keyword; o++) {
        if (!o->val || !o->val[0]) continue;
        if (strcmp(o->keyword, "password") == 0) has_password = true;
        if (strcmp(o->keyword, "passfile") == 0) passfile = o->val;
    }
    char home_pass[4200] = "", home_service[4200] = "";
    const char *home = getenv("HOME");
    if (home) {
        snprintf(home_pass, sizeof home_pass, "%s/.pgpass", home);
        snprintf(home_service, sizeof home_service, "%s/.pg_service.conf", home);
    }
    bool ok = !has_password;
    if (has_password)
        gt_server_problem(error, error_size, "the server setting holds a password; put it in a password file "
                          "(~/.pgpass, mode 600) or a service file instead");
    ok = ok && private_file(passfile ? passfile : home_pass, "password file", error, error_size);
    ok = ok && private_file(servicefile ? servicefile : home_service, "service file", error, error_size);
    PQconninfoFree(options);
    return ok;
}

bool gt_server_exec(GtServer *server, const char *sql, char *error, size_t error_size) {
    PGresult *result = PQexec(server->conn, sql);
    bool ok = PQresultStatus(result) == PGRES_COMMAND_OK || PQresultStatus(result) == PGRES_TUPLES_OK;
    if (!ok) gt_server_describe(server, result, error, error_size);
    PQclear(result);
    return ok;
}

void gt_server_describe(GtServer *server, const PGresult *result, char *error, size_t error_size) {
    const char *state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : NULL;
    snprintf(server->sqlstate, sizeof server->sqlstate, "%s", state ? state : "");
    char line[300];
    first_line(result ? PQresultErrorMessage(result) : PQerrorMessage(server->conn), line, sizeof line);
    if (!line[0]) first_line(PQerrorMessage(server->conn), line, sizeof line);
    if (PQstatus(server->conn) != CONNECTION_OK)
        gt_server_problem(error, error_size, "the connection to the school server was lost (%s)", line);
    else gt_server_problem(error, error_size, "the school server said: %s", line);
}

/* The server schema's version, creating the version table when absent (a kiosk or instructor
 * role that may not create tables finds it there); -1 on failure. */
static int server_version(GtServer *server, char *error, size_t error_size) {
    PGresult *result = PQexec(server->conn, "SELECT to_regclass('guidedtouch_schema') IS NOT NULL");
    bool present = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1 &&
                   strcmp(PQgetvalue(result, 0, 0), "t") == 0;
    if (PQresultStatus(result) != PGRES_TUPLES_OK) gt_server_describe(server, result, error, error_size);
    bool ok = PQresultStatus(result) == PGRES_TUPLES_OK;
    PQclear(result);
    if (!ok) return -1;
    if (!present && !gt_server_exec(server, "CREATE TABLE guidedtouch_schema (version integer NOT NULL)", error,
                                    error_size))
        return -1;
    result = PQexec(server->conn, "SELECT coalesce(max(version), 0) FROM guidedtouch_schema");
    int version = -1;
    if (PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1) version = atoi(PQgetvalue(result, 0, 0));
    else gt_server_describe(server, result, error, error_size);
    PQclear(result);
    return version;
}

/* True when this connection's role owns the tables (or is a member of the role that does). */
static bool owns_tables(GtServer *server) {
    PGresult *result = PQexec(server->conn, "SELECT pg_has_role((SELECT relowner FROM pg_class WHERE oid = "
                                            "'students'::regclass), 'MEMBER')");
    bool owner = PQresultStatus(result) == PGRES_TUPLES_OK && PQntuples(result) == 1 &&
                 strcmp(PQgetvalue(result, 0, 0), "t") == 0;
    PQclear(result);
    return owner;
}

/* Brings the server schema to GT_SERVER_SCHEMA_VERSION, one transaction per version under an
 * advisory lock, so two kiosks connecting at once migrate it once. */
static bool migrate(GtServer *server, char *error, size_t error_size) {
    for (;;) {
        if (!gt_server_exec(server, "BEGIN; SELECT pg_advisory_xact_lock(74657201)", error, error_size)) return false;
        int version = server_version(server, error, error_size);
        bool ok = version >= 0;
        if (ok && version > GT_SERVER_SCHEMA_VERSION) {
            gt_server_problem(error, error_size, "the school server was set up by a newer Guided Touch (schema %d; "
                              "this one knows up to %d); update this kiosk", version, GT_SERVER_SCHEMA_VERSION);
            ok = false;
        }
        if (ok && version >= GT_SERVER_SCHEMA_VERSION) return gt_server_exec(server, "COMMIT", error, error_size);
        char set_version[96];
        snprintf(set_version, sizeof set_version, "DELETE FROM guidedtouch_schema; INSERT INTO guidedtouch_schema "
                 "VALUES (%d)", version + 1);
        /* only the tables' owner migrates: a kiosk's or instructor's role may not, or (on a server that
         * lets anyone create tables) must not, since the objects it made would be its own */
        if (ok && version >= 1 && !owns_tables(server)) {
            ok = false;
            snprintf(server->sqlstate, sizeof server->sqlstate, "42501");
        } else if (ok) ok = gt_server_exec(server, SERVER_STEPS[version], error, error_size);
        if (!ok && version >= 0 && version < GT_SERVER_SCHEMA_VERSION && strcmp(server->sqlstate, "42501") == 0)
            gt_server_problem(error, error_size, "the school server's tables are at version %d and this Guided "
                              "Touch needs %d: connect once as the database's owner (guidedtouch report with "
                              "the owner's setting) to bring them up to date", version, GT_SERVER_SCHEMA_VERSION);
        ok = ok && gt_server_exec(server, set_version, error, error_size);
        if (!ok) {
            PQclear(PQexec(server->conn, "ROLLBACK"));
            return false;
        }
        if (!gt_server_exec(server, "COMMIT", error, error_size)) return false;
    }
}

GtServer *gt_server_connect(const char *connection, char *error, size_t error_size) {
    if (!connection || !connection[0]) {
        gt_server_problem(error, error_size, "no school server is configured");
        return NULL;
    }
    if (!gt_server_check_credentials(connection, error, error_size)) return NULL;
    GtServer *server = calloc(1, sizeof *server);
    if (!server) {
        gt_server_problem(error, error_size, "out of memory");
        return NULL;
    }
    /* the setting comes after connect_timeout, so its own connect_timeout wins */
    const char *keys[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
    const char *values[] = { "5", "guidedtouch", connection, NULL };
    server->conn = PQconnectdbParams(keys, values, 1);
    if (!server->conn || PQstatus(server->conn) != CONNECTION_OK) {
        if (server->conn) describe_connect(server->conn, error, error_size);
        else gt_server_problem(error, error_size, "%s", gt_pq_load_error() ? gt_pq_load_error() : "out of memory");
        gt_server_close(server);
        return NULL;
    }
    PQclear(PQexec(server->conn, "SET client_min_messages = warning"));
    if (!migrate(server, error, error_size)) {
        gt_server_close(server);
        return NULL;
    }
    return server;
}

void gt_server_close(GtServer *server) {
    if (!server) return;
    if (server->conn) PQfinish(server->conn);
    free(server);
}

bool gt_server_refused(const GtServer *server) {
    if (!server || !server->conn || PQstatus(server->conn) != CONNECTION_OK) return false;
    /* 22 data exception, 23 integrity constraint, P0 raised by a trigger, 54 a value too large */
    static const char *const CLASSES[] = { "22", "23", "P0", "54" };
    for (size_t i = 0; i < sizeof CLASSES / sizeof CLASSES[0]; i++)
        if (strncmp(server->sqlstate, CLASSES[i], 2) == 0) return true;
    return false;
}

bool gt_server_alive(GtServer *server) {
    return server && server->conn && PQstatus(server->conn) == CONNECTION_OK;
}
