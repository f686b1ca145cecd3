/* app_driver: shared hands for the trainer's tests (see app_driver.h). */
#include "app_driver.h"
#include "app_events.h"
#include "app_state.h"
#include "config.h"
#include "pin.h"
#include "hits.h"
#include "session.h"
#include "test_support.h"

#include <stdio.h>

GtApp *gt_test_open_app(int argc, const char *const *argv) {
    int code = -1;
    GtApp *app = gt_app_open(GT_SOURCE_DIR, argc, (char **)argv, &code);
    if (!app) fail_msg("the trainer did not open (exit code %d)", code);
    assert_true(gt_app_frame(app));
    return app;
}

void gt_test_frames(GtApp *app, int n) {
    for (int i = 0; i < n; i++) assert_true(gt_app_frame(app));
}

void gt_test_set_staff_pin(const char *pin) {
    char hash[GT_CONFIG_PIN_HASH_MAX], error[256], path[1024];
    assert_true(gt_pin_hash(pin, hash, error, sizeof error));
    assert_true(gt_config_user_file(path, sizeof path));
    GtDiag diag;
    gt_diag_init(&diag);
    assert_true(gt_config_write_key(path, GT_CONFIG_PIN_HASH, hash, &diag));
    gt_diag_free(&diag);
}

void gt_test_finger_px(GtApp *app, Uint32 type, SDL_FingerID finger, int x_px, int y_px) {
    int ow = 0, oh = 0;
    gt_app_sizes(app, NULL, NULL, &ow, &oh);
    gt_test_push_finger(type, finger, (float)((x_px + 0.5) / ow), (float)((y_px + 0.5) / oh));
}

void gt_test_tap(GtApp *app, int action) {
    const GtHit *hit = gt_hits_find_action(gt_app_hits(app), action);
    if (!hit) fail_msg("no button for action %d on screen %d", action, gt_app_session(app)->screen);
    int x = hit->rect.x + hit->rect.w / 2, y = hit->rect.y + hit->rect.h / 2;
    gt_test_finger_px(app, SDL_FINGERDOWN, 5, x, y);
    assert_true(gt_app_frame(app));
    gt_test_finger_px(app, SDL_FINGERUP, 5, x, y);
    assert_true(gt_app_frame(app));
}

const GtDrawnText *gt_test_shown(GtApp *app, const char *needle) {
    const GtDrawnText *d = gt_ui_drawn(&app->ui, needle);
    if (!d) {
        for (int i = 0; i < app->ui.drawn_count; i++) fprintf(stderr, "  drawn: %s\n", app->ui.drawn[i].text);
        fail_msg("\"%s\" is not on the screen", needle);
    }
    return d;
}
