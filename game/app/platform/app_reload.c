#include "app_reload.h"
#include "app_state.h"
#include "reload_session.h"

#include <stdio.h>
#include <string.h>

static const char NOT_RELOADED[] = "Not reloaded: ";

/* Loads the library afresh into `fresh` (free it either way); problems go to diag. */
static void load_fresh(const GtApp *app, GtLibrary *fresh, GtDiag *diag) {
    gt_library_load_packs(fresh, app->data_dir, (const char *const *)app->config.lesson_packs,
                          app->config.lesson_pack_count, diag);
}

/* True when `file` held a lesson or technique of the running library. */
static bool was_loaded(const GtLibrary *library, const char *file) {
    for (size_t i = 0; i < library->lesson_count; i++)
        if (strcmp(library->lessons[i].file, file) == 0) return true;
    for (size_t i = 0; i < library->technique_count; i++)
        if (library->techniques[i].file && strcmp(library->techniques[i].file, file) == 0) return true;
    return false;
}

/* The first file the fresh load broke that loaded before, or NULL when the edit broke none. */
static const GtBrokenFile *first_regression(const GtLibrary *running, const GtLibrary *fresh) {
    for (size_t i = 0; i < fresh->broken_count; i++)
        if (was_loaded(running, fresh->broken[i].file)) return &fresh->broken[i];
    return NULL;
}

void gt_app_reload_start(GtApp *app, Uint32 now_ms) {
    gt_library_watch_init(&app->watch, app->data_dir, (const char *const *)app->config.lesson_packs,
                          app->config.lesson_pack_count, now_ms);
    app->reload_pending = false;
}

/* Replaces the running library with `fresh` (which is then empty) and finds the student's place. */
static void swap_in(GtApp *app, GtLibrary *fresh, Uint32 now_ms) {
    GtSessionPlace place;
    gt_session_place(&app->session, &place);
    GtLibrary old = app->library;
    app->library = *fresh;
    memset(fresh, 0, sizeof *fresh);
    gt_session_library_swapped(&app->session, &place, now_ms);
    for (int v = 0; v < GT_VIEW_COUNT; v++)
        if (app->views_ready) gt_bodyview_rebind(&app->views[v], gt_library_view(&app->library, (GtView)v));
    gt_library_free(&old);
    if (strncmp(app->session.notice, NOT_RELOADED, strlen(NOT_RELOADED)) == 0) app->session.notice[0] = '\0';
    fprintf(stderr, "guidedtouch: lessons reloaded (%zu lessons, %zu techniques)\n", app->library.lesson_count,
            app->library.technique_count);
}

bool gt_app_reload_turn(GtApp *app, Uint32 now_ms) {
    if (gt_library_watch_changed(&app->watch, now_ms)) app->reload_pending = true;
    if (!app->reload_pending || !gt_session_can_swap_library(&app->session)) return false;
    app->reload_pending = false;
    GtLibrary fresh;
    GtDiag diag;
    gt_diag_init(&diag);
    load_fresh(app, &fresh, &diag);
    const GtBrokenFile *broken = first_regression(&app->library, &fresh);
    bool swapped = false;
    if (broken) {
        snprintf(app->session.notice, sizeof app->session.notice, "%s%s The last good version keeps running; fix the "
                 "file and save it again.", NOT_RELOADED, broken->problem);
        fprintf(stderr, "guidedtouch: %s\n", app->session.notice);
        app->dirty = true;
    } else {
        swap_in(app, &fresh, now_ms);
        swapped = true;
    }
    gt_library_free(&fresh);
    gt_diag_free(&diag);
    return swapped;
}

int gt_app_reload_wait_ms(const GtApp *app, Uint32 now_ms) {
    return gt_library_watch_wait_ms(&app->watch, now_ms);
}
