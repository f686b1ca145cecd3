/* pq_loader: libpq, loaded when the school server is first used rather than when the program
 * starts. A kiosk or a `guidedtouch grade` with no server would otherwise map libpq and the
 * twenty libraries it needs (OpenSSL, GnuTLS, Kerberos, LDAP, SASL: about 4 MB of resident
 * memory and a few milliseconds at every start) for nothing.
 *
 * The functions below have libpq's own names and signatures (checked by the compiler against
 * libpq-fe.h), so the server store calls libpq as usual; each forwards to the real function,
 * found with dlsym in libpq.so.5 on first use. When libpq cannot be loaded, connecting gives
 * NULL and gt_pq_load_error says why; every other function answers as libpq does for a NULL
 * connection or result. Loading is thread-safe (pthread_once); the library stays loaded. */
#include "pq_loader.h"

#include <dlfcn.h>
#include <libpq-fe.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LIBPQ_SONAME "libpq.so.5"

/* The real functions, once loaded. */
static struct {
    PGconn *(*connectdb_params)(const char *const *, const char *const *, int);
    ConnStatusType (*status)(const PGconn *);
    char *(*error_message)(const PGconn *);
    void (*finish)(PGconn *);
    PGresult *(*exec)(PGconn *, const char *);
    PGresult *(*exec_params)(PGconn *, const char *, int, const Oid *, const char *const *, const int *,
                             const int *, int);
    ExecStatusType (*result_status)(const PGresult *);
    char *(*result_error_message)(const PGresult *);
    char *(*result_error_field)(const PGresult *, int);
    void (*clear)(PGresult *);
    int (*ntuples)(const PGresult *);
    int (*nfields)(const PGresult *);
    char *(*getvalue)(const PGresult *, int, int);
    int (*getisnull)(const PGresult *, int, int);
    char *(*cmd_tuples)(PGresult *);
    PQconninfoOption *(*conninfo_parse)(const char *, char **);
    void (*conninfo_free)(PQconninfoOption *);
    void (*freemem)(void *);
    int (*ssl_in_use)(PGconn *);
} real;

static pthread_once_t load_once = PTHREAD_ONCE_INIT;
static void *library;
static char load_error[320];

/* Loads libpq and finds every function; on failure the library is closed again and
 * load_error says why. */
static void load(void) {
    library = dlopen(LIBPQ_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        const char *why = dlerror();
        snprintf(load_error, sizeof load_error, "the PostgreSQL client library (%s) cannot be loaded: %s; install "
                 "Debian's libpq5", LIBPQ_SONAME, why ? why : "not found");
        return;
    }
    struct { void **slot; const char *name; } names[] = {
        { (void **)&real.connectdb_params, "PQconnectdbParams" }, { (void **)&real.status, "PQstatus" },
        { (void **)&real.error_message, "PQerrorMessage" }, { (void **)&real.finish, "PQfinish" },
        { (void **)&real.exec, "PQexec" }, { (void **)&real.exec_params, "PQexecParams" },
        { (void **)&real.result_status, "PQresultStatus" },
        { (void **)&real.result_error_message, "PQresultErrorMessage" },
        { (void **)&real.result_error_field, "PQresultErrorField" }, { (void **)&real.clear, "PQclear" },
        { (void **)&real.ntuples, "PQntuples" }, { (void **)&real.nfields, "PQnfields" },
        { (void **)&real.getvalue, "PQgetvalue" }, { (void **)&real.getisnull, "PQgetisnull" },
        { (void **)&real.cmd_tuples, "PQcmdTuples" }, { (void **)&real.conninfo_parse, "PQconninfoParse" },
        { (void **)&real.conninfo_free, "PQconninfoFree" }, { (void **)&real.freemem, "PQfreemem" },
        { (void **)&real.ssl_in_use, "PQsslInUse" },
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        *names[i].slot = dlsym(library, names[i].name);
        if (!*names[i].slot) {
            snprintf(load_error, sizeof load_error, "the PostgreSQL client library (%s) has no %s", LIBPQ_SONAME,
                     names[i].name);
            dlclose(library);
            library = NULL;
            memset(&real, 0, sizeof real);
            return;
        }
    }
}

/* True when libpq is loaded (loading it on the first call). */
static bool loaded(void) {
    pthread_once(&load_once, load);
    return library != NULL;
}

const char *gt_pq_load_error(void) {
    return loaded() ? NULL : load_error;
}

PGconn *PQconnectdbParams(const char *const *keywords, const char *const *values, int expand_dbname) {
    return loaded() ? real.connectdb_params(keywords, values, expand_dbname) : NULL;
}

ConnStatusType PQstatus(const PGconn *conn) {
    return conn && loaded() ? real.status(conn) : CONNECTION_BAD;
}

char *PQerrorMessage(const PGconn *conn) {
    static char no_connection[] = "connection pointer is NULL\n";
    if (!loaded()) return load_error;
    return conn ? real.error_message(conn) : no_connection;
}

void PQfinish(PGconn *conn) {
    if (conn && loaded()) real.finish(conn);
}

PGresult *PQexec(PGconn *conn, const char *query) {
    return conn && loaded() ? real.exec(conn, query) : NULL;
}

PGresult *PQexecParams(PGconn *conn, const char *command, int n_params, const Oid *types, const char *const *values,
                       const int *lengths, const int *formats, int result_format) {
    return conn && loaded() ? real.exec_params(conn, command, n_params, types, values, lengths, formats, result_format)
                            : NULL;
}

ExecStatusType PQresultStatus(const PGresult *res) {
    return res && loaded() ? real.result_status(res) : PGRES_FATAL_ERROR;
}

char *PQresultErrorMessage(const PGresult *res) {
    static char empty[] = "";
    return res && loaded() ? real.result_error_message(res) : empty;
}

char *PQresultErrorField(const PGresult *res, int field) {
    return res && loaded() ? real.result_error_field(res, field) : NULL;
}

void PQclear(PGresult *res) {
    if (res && loaded()) real.clear(res);
}

int PQntuples(const PGresult *res) {
    return res && loaded() ? real.ntuples(res) : 0;
}

int PQnfields(const PGresult *res) {
    return res && loaded() ? real.nfields(res) : 0;
}

char *PQgetvalue(const PGresult *res, int row, int field) {
    return res && loaded() ? real.getvalue(res, row, field) : NULL;
}

int PQgetisnull(const PGresult *res, int row, int field) {
    return res && loaded() ? real.getisnull(res, row, field) : 1;
}

char *PQcmdTuples(PGresult *res) {
    static char empty[] = "";
    return res && loaded() ? real.cmd_tuples(res) : empty;
}

PQconninfoOption *PQconninfoParse(const char *conninfo, char **errmsg) {
    if (loaded()) return real.conninfo_parse(conninfo, errmsg);
    if (errmsg) *errmsg = strdup(load_error); /* freed with PQfreemem, which is free() then */
    return NULL;
}

void PQconninfoFree(PQconninfoOption *options) {
    if (options && loaded()) real.conninfo_free(options);
}

void PQfreemem(void *ptr) {
    if (!ptr) return;
    if (loaded()) real.freemem(ptr);
    else free(ptr);
}

int PQsslInUse(PGconn *conn) {
    return conn && loaded() ? real.ssl_in_use(conn) : 0;
}
