/* settings_session: the settings screen's actions, and settings remembered per student (see
 * settings_session.h). */
#include "settings_session.h"
#include "config.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The notice a failed save leaves, so a save that works can take it away again. */
static const char SAVE_FAILED[] = "Your settings could not be saved: ";

int gt_session_settings_offers(const GtSession *session, int action) {
    GtScreenId s = session->screen;
    if (action >= GT_ACT_SKIN_TONE && action <= GT_ACT_SKIN_TONE_LAST) return s == GT_SCREEN_SETTINGS;
    switch (action) {
    case GT_ACT_SETTINGS: return s == GT_SCREEN_HOME || (s == GT_SCREEN_STAFF && session->kiosk.staff);
    case GT_ACT_SET_SOUND:
    case GT_ACT_SET_LARGE_TEXT:
    case GT_ACT_SET_HIGH_CONTRAST:
    case GT_ACT_SET_LEFT_HANDED:
    case GT_ACT_DEFAULT_LEARN:
    case GT_ACT_DEFAULT_PRACTICE:
    case GT_ACT_DEFAULT_EXAM: return s == GT_SCREEN_SETTINGS;
    case GT_ACT_BACK: return s == GT_SCREEN_SETTINGS ? 1 : -1;
    default: return -1;
    }
}

GtSettings gt_session_settings(const GtSession *session) {
    return (GtSettings){ session->muted, session->large_text, session->high_contrast, session->left_handed,
                         session->default_mode, session->skin_tone };
}

void gt_session_settings_use(GtSession *session, const GtSettings *settings) {
    session->muted = settings->muted;
    session->large_text = settings->large_text;
    session->high_contrast = settings->high_contrast;
    session->left_handed = settings->left_handed;
    session->default_mode = (unsigned)settings->mode < GT_MODE_COUNT ? settings->mode : GT_MODE_LEARN;
    session->mode = session->default_mode;
    session->skin_tone = (unsigned)settings->skin_tone < GT_SKIN_TONE_COUNT ? settings->skin_tone : GT_SKIN_TONE_LIGHT;
}

char *gt_settings_to_json(const GtSettings *settings) {
    cJSON *o = cJSON_CreateObject();
    bool ok = o && cJSON_AddBoolToObject(o, GT_CONFIG_KEY_NAMES[GT_CONFIG_MUTE], settings->muted) &&
              cJSON_AddBoolToObject(o, GT_CONFIG_KEY_NAMES[GT_CONFIG_LARGE_TEXT], settings->large_text) &&
              cJSON_AddBoolToObject(o, GT_CONFIG_KEY_NAMES[GT_CONFIG_HIGH_CONTRAST], settings->high_contrast) &&
              cJSON_AddBoolToObject(o, GT_CONFIG_KEY_NAMES[GT_CONFIG_LEFT_HANDED], settings->left_handed) &&
              (unsigned)settings->mode < GT_MODE_COUNT &&
              cJSON_AddStringToObject(o, GT_CONFIG_KEY_NAMES[GT_CONFIG_MODE], GT_CONFIG_MODE_NAMES[settings->mode]) &&
              (unsigned)settings->skin_tone < GT_SKIN_TONE_COUNT &&
              cJSON_AddStringToObject(o, GT_CONFIG_KEY_NAMES[GT_CONFIG_SKIN_TONE],
                                      GT_SKIN_TONE_NAMES[settings->skin_tone]);
    char *json = ok ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    return json;
}

/* Takes the name under `key` of `o` that is one of `names` into *value (its index); returns 1
 * when taken, 0 (value unchanged) for anything else. */
static int take_name(const cJSON *o, GtConfigKey key, const char *const *names, int count, int *value) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, GT_CONFIG_KEY_NAMES[key]);
    for (int i = 0; cJSON_IsString(item) && i < count; i++)
        if (strcmp(item->valuestring, names[i]) == 0) {
            *value = i;
            return 1;
        }
    return 0;
}

/* Takes the boolean under `key` of `o` into *value when it is one; returns 1 when taken. */
static int take_bool(const cJSON *o, GtConfigKey key, bool *value) {
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(o, GT_CONFIG_KEY_NAMES[key]);
    if (!cJSON_IsBool(item)) return 0;
    *value = cJSON_IsTrue(item);
    return 1;
}

int gt_settings_from_json(const char *json, GtSettings *settings) {
    cJSON *o = json ? cJSON_Parse(json) : NULL;
    int taken = 0;
    if (cJSON_IsObject(o)) {
        taken += take_bool(o, GT_CONFIG_MUTE, &settings->muted);
        taken += take_bool(o, GT_CONFIG_LARGE_TEXT, &settings->large_text);
        taken += take_bool(o, GT_CONFIG_HIGH_CONTRAST, &settings->high_contrast);
        taken += take_bool(o, GT_CONFIG_LEFT_HANDED, &settings->left_handed);
        int mode = settings->mode, tone = settings->skin_tone;
        taken += take_name(o, GT_CONFIG_MODE, GT_CONFIG_MODE_NAMES, GT_MODE_COUNT, &mode);
        taken += take_name(o, GT_CONFIG_SKIN_TONE, GT_SKIN_TONE_NAMES, GT_SKIN_TONE_COUNT, &tone);
        settings->mode = (GtMode)mode;
        settings->skin_tone = (GtSkinTone)tone;
    }
    cJSON_Delete(o);
    return taken;
}

void gt_session_settings_restore(GtSession *session) {
    GtSettings settings = session->machine_settings;
    char *json = NULL, error[GT_DB_ERROR_MAX];
    if (session->student_id > 0 && session->db) {
        if (gt_students_settings(session->db, session->student_id, &json, error, sizeof error)) {
            gt_settings_from_json(json, &settings);
        } else {
            snprintf(session->notice, sizeof session->notice, "Your settings could not be read: %s", error);
            fprintf(stderr, "guidedtouch: %s\n", session->notice);
        }
    }
    free(json);
    gt_session_settings_use(session, &settings);
}

bool gt_session_settings_save(GtSession *session) {
    if (session->student_id <= 0) return true; /* a guest's settings last until someone signs in or out */
    GtSettings settings = gt_session_settings(session);
    char *json = gt_settings_to_json(&settings), error[GT_DB_ERROR_MAX] = "";
    bool ok = false;
    if (!json) snprintf(error, sizeof error, "out of memory");
    else if (!session->db)
        snprintf(error, sizeof error, "%s", session->db_problem[0] ? session->db_problem : "no database");
    else ok = gt_students_set_settings(session->db, session->student_id, json, error, sizeof error);
    free(json);
    if (ok) {
        if (strncmp(session->notice, SAVE_FAILED, sizeof SAVE_FAILED - 1) == 0) session->notice[0] = '\0';
        return true;
    }
    snprintf(session->notice, sizeof session->notice, "%s%s", SAVE_FAILED, error);
    fprintf(stderr, "guidedtouch: %s\n", session->notice);
    return false;
}

/* Flips one of the settings' booleans for `action`; false for an action that is no toggle. */
static bool flip(GtSession *session, int action) {
    switch (action) {
    case GT_ACT_SET_SOUND: session->muted = !session->muted; return true;
    case GT_ACT_SET_LARGE_TEXT: session->large_text = !session->large_text; return true;
    case GT_ACT_SET_HIGH_CONTRAST: session->high_contrast = !session->high_contrast; return true;
    case GT_ACT_SET_LEFT_HANDED: session->left_handed = !session->left_handed; return true;
    default: return false;
    }
}

bool gt_session_settings_act(GtSession *session, int action) {
    if (action == GT_ACT_SETTINGS) {
        session->settings_from = session->screen;
        session->screen = GT_SCREEN_SETTINGS;
        return true;
    }
    if (action == GT_ACT_BACK) {
        session->screen = session->settings_from == GT_SCREEN_SETTINGS ? GT_SCREEN_HOME : session->settings_from;
        return true;
    }
    if (action >= GT_ACT_SKIN_TONE && action <= GT_ACT_SKIN_TONE_LAST) {
        GtSkinTone tone = (GtSkinTone)(action - GT_ACT_SKIN_TONE);
        if (session->skin_tone == tone) return false;
        session->skin_tone = tone;
    } else if (!flip(session, action)) {
        GtMode mode = (GtMode)(action - GT_ACT_DEFAULT_LEARN);
        if ((unsigned)mode >= GT_MODE_COUNT) return false;
        if (session->default_mode == mode && session->mode == mode) return false;
        session->default_mode = session->mode = mode;
    }
    gt_session_settings_save(session);
    return true;
}
