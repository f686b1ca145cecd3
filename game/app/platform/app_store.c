/* app_store: configuration, lock, database and the starting student (see app_store.h). */
#define _POSIX_C_SOURCE 200809L
#include "app_store.h"
#include "app_state.h"
#include "progress_import.h"
#include "storage.h"
#include "server_sync.h"
#include "students.h"

#include <stdio.h>
#include <string.h>

/* Appends a sentence to the app's notice (separated by a new line) and copies it to stderr. */
static void add_notice(GtApp *app, const char *text) {
    fprintf(stderr, "guidedtouch: %s\n", text);
    size_t used = strlen(app->notice);
    if (used + 2 >= sizeof app->notice) return;
    snprintf(app->notice + used, sizeof app->notice - used, "%s%s", used ? "\n" : "", text);
}

int gt_app_config_load(GtApp *app, int argc, char **argv) {
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_config_load(&app->config, NULL, argc, argv, &diag);
    app->config_ready = true;
    if (!ok) {
        char line[600];
        add_notice(app, "Some settings were not used:");
        for (size_t i = 0; i < diag.count && i < 4; i++) {
            gt_diag_format(&diag, i, line, sizeof line);
            size_t n = strlen(line);
            while (n && line[n - 1] == '\n') line[--n] = '\0';
            add_notice(app, line);
        }
    }
    gt_diag_free(&diag);
    int code = gt_options_parse(&app->options, app->config.rest_count, app->config.rest);
    if (code >= 0) return code;
    const GtConfig *c = &app->config;
    app->options.fullscreen = c->fullscreen || c->kiosk;
    app->options.mute = c->mute;
    app->options.mode = (GtMode)c->mode;
    app->options.lesson = c->lesson[0] ? c->lesson : NULL;
    if (c->kiosk && !c->pin_hash[0])
        fprintf(stderr, "guidedtouch: kiosk mode has no staff PIN, so staff cannot leave it from the screen; "
                        "set one with `guidedtouch set-pin`\n");
    return -1;
}

bool gt_app_lock(GtApp *app) {
    char error[GT_DB_ERROR_MAX + 64];
    app->lock.fd = -1;
    bool ok = gt_storage_make_dirs(app->config.data_dir, error, sizeof error) &&
              gt_instance_lock_acquire(&app->lock, app->config.data_dir, NULL, error, sizeof error);
    if (ok) return true;
    fprintf(stderr, "guidedtouch: %s\n", error);
    if (!app->clock.is_virtual) SDL_ShowSimpleMessageBox(SDL_MESSAGEBOX_INFORMATION, "Guided Touch", error, NULL);
    return false;
}

void gt_app_store_open(GtApp *app) {
    char path[GT_CONFIG_PATH_MAX + 32], error[GT_DB_ERROR_MAX];
    if (app->config.database[0]) snprintf(path, sizeof path, "%s", app->config.database);
    else snprintf(path, sizeof path, "%s/progress.db", app->config.data_dir);
    app->db = gt_progress_db_open(path, app->db_problem, sizeof app->db_problem);
    if (!app->db) {
        char text[GT_DB_ERROR_MAX + 64];
        snprintf(text, sizeof text, "Nothing can be saved: %s", app->db_problem);
        add_notice(app, text);
        return;
    }
    GtImportReport report;
    if (!gt_progress_import_legacy(app->db, app->config.data_dir, &app->library, &report, error, sizeof error)) {
        char text[GT_DB_ERROR_MAX + 64];
        snprintf(text, sizeof text, "Earlier work could not be brought in (it is tried again next time): %s", error);
        add_notice(app, text);
    } else if (!report.already_done && (report.attempts || report.marks)) {
        fprintf(stderr, "guidedtouch: brought %d earlier attempts and %d marks in under \"%s\"\n", report.attempts,
                report.marks, report.student);
    }
    if (app->config.server[0]) { /* the outbox thread: never in the frame loop */
        app->server_sync = gt_server_sync_start(path, app->config.server, app->config.server_retry_max_s, error,
                                                 sizeof error);
        if (!app->server_sync) add_notice(app, error);
    }
}

void gt_app_store_sign_in_start(GtApp *app) {
    GtSession *s = &app->session;
    snprintf(s->notice, sizeof s->notice, "%s", app->notice);
    s->kiosk.server_sync = app->server_sync;
    if (!app->options.student) return;
    GtStudent student;
    char error[GT_DB_ERROR_MAX];
    bool ok = app->db && (gt_students_find(app->db, app->options.student, &student, error, sizeof error) ||
                          gt_students_add(app->db, app->options.student, false, &student, error, sizeof error));
    if (!app->db) snprintf(error, sizeof error, "%s", app->db_problem);
    if (ok) {
        gt_session_sign_in(s, student.id, student.name);
        return;
    }
    size_t used = strlen(s->notice);
    snprintf(s->notice + used, sizeof s->notice - used, "%s%s cannot sign in: %s", used ? "\n" : "",
             app->options.student, error);
    fprintf(stderr, "guidedtouch: %s cannot sign in: %s\n", app->options.student, error);
}

void gt_app_store_close(GtApp *app) {
    gt_server_sync_stop(app->server_sync); /* first: it writes to the database file too */
    app->server_sync = NULL;
    gt_progress_db_close(app->db);
    app->db = NULL;
    gt_instance_lock_release(&app->lock);
    if (app->config_ready) gt_config_free(&app->config);
    app->config_ready = false;
}
