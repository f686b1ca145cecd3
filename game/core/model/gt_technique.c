#include "gt_technique.h"

#include <string.h>

const char *const GT_PATTERN_NAMES[GT_PATTERN_COUNT] = {
    "glide", "circle", "knead", "cross-fibre", "tap", "hold", "roll"
};
const char *const GT_DIRECTION_NAMES[GT_DIRECTION_COUNT] = {
    "none", "along-guide", "toward-landmark", "across-fibres", "turning", "back-and-forth"
};
const char *const GT_CRITERION_NAMES[GT_CRITERION_COUNT] = {
    "path", "direction", "pressure", "speed", "rhythm", "continuity", "hold"
};
const char *const GT_LEVEL_NAMES[GT_LEVEL_COUNT] = { "beginner", "advanced" };

const char *gt_pattern_name(GtPattern pattern) {
    return (unsigned)pattern < GT_PATTERN_COUNT ? GT_PATTERN_NAMES[pattern] : "unknown";
}


const char *gt_criterion_name(GtCriterion criterion) {
    return (unsigned)criterion < GT_CRITERION_COUNT ? GT_CRITERION_NAMES[criterion] : "unknown";
}

const char *gt_level_name(GtLevel level) {
    return (unsigned)level < GT_LEVEL_COUNT ? GT_LEVEL_NAMES[level] : "unknown";
}

const char *gt_direction_name(GtDirectionRule rule) {
    return (unsigned)rule < GT_DIRECTION_COUNT ? GT_DIRECTION_NAMES[rule] : "unknown";
}

bool gt_pattern_is_rhythmic(GtPattern pattern) {
    return pattern == GT_PATTERN_CIRCLE || pattern == GT_PATTERN_KNEAD || pattern == GT_PATTERN_CROSS_FIBRE ||
           pattern == GT_PATTERN_TAP || pattern == GT_PATTERN_ROLL;
}


bool gt_technique_criterion_applies(GtPattern pattern, GtDirectionRule direction, bool has_speed,
                                    bool has_tempo, bool has_hold, GtCriterion criterion) {
    switch (criterion) {
    case GT_CRITERION_PATH:
    case GT_CRITERION_PRESSURE: return true;
    case GT_CRITERION_DIRECTION: return direction != GT_DIRECTION_NONE;
    case GT_CRITERION_SPEED: return has_speed;
    case GT_CRITERION_RHYTHM: return has_tempo;
    case GT_CRITERION_CONTINUITY: return pattern != GT_PATTERN_TAP;
    case GT_CRITERION_HOLD: return has_hold;
    case GT_CRITERION_COUNT: break;
    }
    return false;
}

bool gt_technique_avoids(const GtTechnique *technique, const GtLandmark *landmark) {
    for (size_t i = 0; technique && i < technique->contraindicated_count; i++) {
        const char *name = technique->contraindicated[i];
        if (strcmp(name, landmark->id) == 0) return true;
        if (landmark->kind != GT_LANDMARK_TARGET && strcmp(name, gt_landmark_kind_name(landmark->kind)) == 0)
            return true;
    }
    return false;
}
