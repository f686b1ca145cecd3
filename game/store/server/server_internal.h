/* server_internal: what the server store's files share (the connection, error wording). */
#ifndef GT_SERVER_INTERNAL_H
#define GT_SERVER_INTERNAL_H

#include "server_store.h"

#include <libpq-fe.h>
#include <stdarg.h>

struct GtServer {
    PGconn *conn;
    char sqlstate[6]; /* the last failed statement's SQLSTATE ("" when none or unknown) */
};

/* printf into `error`, then scrub passwords from it. */
void gt_server_problem(char *error, size_t error_size, const char *format, ...) __attribute__((format(printf, 3, 4)));

/* Describes a failed statement (`result` may be NULL): a lost connection or the server's words. */
void gt_server_describe(GtServer *server, const PGresult *result, char *error, size_t error_size);

/* Runs statements with no parameters; false with the reason. */
bool gt_server_exec(GtServer *server, const char *sql, char *error, size_t error_size);

#endif
