#include "faults.h"
#include "gt_motion.h"
#include "replay_edit.h"

#include <math.h>
#include <string.h>

static const char *const NAMES[GT_FAULT_COUNT] = {
    "too fast", "too slow", "reversed", "along the fibres", "too light", "too heavy",
    "off the guide", "lifted mid-stroke", "irregular rhythm", "hold too short"
};

const char *gt_fault_name(GtFault fault) {
    return (unsigned)fault < GT_FAULT_COUNT ? NAMES[fault] : "unknown";
}

static const GtTolerance *beginner(const GtTechnique *t) {
    return &t->tolerances[GT_LEVEL_BEGINNER];
}

/* Pressure levels the too-light and too-heavy attempts press at. */
static double light_level(const GtTechnique *t) {
    return fmax(t->pressure_level.min - 2.0 * beginner(t)->pressure_level, t->pressure_level.min / 3.0);
}

static double heavy_level(const GtTechnique *t) {
    return fmin(10.0, t->pressure_level.max + 2.0 * beginner(t)->pressure_level);
}

bool gt_fault_applies(const GtTechnique *t, GtFault fault) {
    switch (fault) {
    case GT_FAULT_TOO_FAST:
    case GT_FAULT_TOO_SLOW: return t->has_speed || t->has_tempo;
    case GT_FAULT_REVERSED:
        return t->direction == GT_DIRECTION_ALONG_GUIDE || t->direction == GT_DIRECTION_TOWARD_LANDMARK ||
               (t->direction == GT_DIRECTION_TURNING && t->turning != GT_TURNING_EITHER);
    case GT_FAULT_ALONG_FIBRES: return t->direction == GT_DIRECTION_ACROSS_FIBRES;
    /* a whole tolerance below the band (half the marks gone), else there is no room below it for
     * more than a slight slip, which the graded curve rightly forgives (lymphatic drainage) */
    case GT_FAULT_TOO_LIGHT: return t->pressure_level.min - light_level(t) >= beginner(t)->pressure_level;
    case GT_FAULT_TOO_HEAVY: return heavy_level(t) > t->pressure_level.max + 0.5;
    case GT_FAULT_OFF_GUIDE: return true;
    case GT_FAULT_LIFTED: return t->pattern != GT_PATTERN_TAP;
    case GT_FAULT_IRREGULAR: return t->has_tempo;
    case GT_FAULT_HOLD_SHORT: return t->has_hold;
    case GT_FAULT_COUNT: break;
    }
    return false;
}

GtCriterion gt_fault_criterion(const GtTechnique *t, GtFault fault) {
    switch (fault) {
    case GT_FAULT_TOO_FAST:
    case GT_FAULT_TOO_SLOW: return t->has_speed ? GT_CRITERION_SPEED : GT_CRITERION_RHYTHM;
    case GT_FAULT_REVERSED:
    case GT_FAULT_ALONG_FIBRES: return GT_CRITERION_DIRECTION;
    case GT_FAULT_TOO_LIGHT:
    case GT_FAULT_TOO_HEAVY: return GT_CRITERION_PRESSURE;
    case GT_FAULT_OFF_GUIDE: return GT_CRITERION_PATH;
    case GT_FAULT_LIFTED: return GT_CRITERION_CONTINUITY;
    case GT_FAULT_IRREGULAR: return GT_CRITERION_RHYTHM;
    case GT_FAULT_HOLD_SHORT: return GT_CRITERION_HOLD;
    case GT_FAULT_COUNT: break;
    }
    return GT_CRITERION_PATH;
}

const char *gt_fault_keyword(const GtTechnique *t, GtFault fault) {
    switch (fault) {
    case GT_FAULT_TOO_FAST: return "Too fast";
    case GT_FAULT_TOO_SLOW: return "Too slow";
    case GT_FAULT_REVERSED: return t->direction == GT_DIRECTION_TURNING ? "Wrong turning sense" : "Reversed";
    case GT_FAULT_ALONG_FIBRES: return "Along the fibres";
    case GT_FAULT_TOO_LIGHT: return "Too light";
    case GT_FAULT_TOO_HEAVY: return "Too heavy";
    case GT_FAULT_OFF_GUIDE: return "Off the guide";
    case GT_FAULT_LIFTED: return "Lifted";
    case GT_FAULT_IRREGULAR: return "Uneven rhythm";
    case GT_FAULT_HOLD_SHORT: return "Hold too short";
    case GT_FAULT_COUNT: break;
    }
    return "";
}

/* Turns every sample's offset from the guide by 90 degrees about its nearest guide point. */
static void rotate_about_guide(GtReplay *r, const GtPointList *guide) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            GtSample *s = &r->contacts[c].samples[i];
            GtPoint p = { s->x_cm, s->y_cm };
            GtPoint q = gt_polyline_project(guide, p).nearest;
            double dx = p.x - q.x, dy = p.y - q.y;
            s->x_cm = q.x - dy;
            s->y_cm = q.y + dx;
        }
}

bool gt_fault_make(GtFault fault, const GtScoreTarget *target, const GtReplay *demo, GtReplay *out) {
    const GtTechnique *t = target->technique;
    const GtStep *step = target->step;
    if (!gt_replay_copy(out, demo)) return false;
    double tempo = t->has_tempo ? gt_band_geometric_mid(t->tempo_per_min) : 0.0;
    double speed = t->has_speed ? gt_band_geometric_mid(t->speed_cm_s) : 0.0;
    double level = gt_band_mid(t->pressure_level);
    const GtContact *first = out->contact_count ? &out->contacts[0] : NULL;
    switch (fault) {
    case GT_FAULT_TOO_FAST:
        gt_edit_scale_time(out, t->has_speed ? speed / (t->speed_cm_s.max * 2.5) : tempo / (t->tempo_per_min.max * 1.8));
        return true;
    case GT_FAULT_TOO_SLOW:
        gt_edit_scale_time(out, t->has_speed ? speed / (t->speed_cm_s.min / 2.5) : tempo / (t->tempo_per_min.min / 1.8));
        return true;
    case GT_FAULT_REVERSED:
        gt_edit_reverse_paths(out);
        return true;
    case GT_FAULT_ALONG_FIBRES:
        rotate_about_guide(out, &step->guide);
        return true;
    case GT_FAULT_TOO_LIGHT:
        gt_edit_scale_pressure(out, light_level(t) / level);
        return true;
    case GT_FAULT_TOO_HEAVY:
        gt_edit_scale_pressure(out, heavy_level(t) / level);
        return true;
    case GT_FAULT_OFF_GUIDE: {
        double distance = gt_pattern_reach_cm(t) + 2.0 + 2.0 * beginner(t)->path_cm;
        const GtPointList *g = &step->guide;
        double dx = g->count > 1 ? g->points[g->count - 1].x - g->points[0].x : 0.0;
        double dy = g->count > 1 ? g->points[g->count - 1].y - g->points[0].y : 1.0;
        double len = hypot(dx, dy);
        gt_edit_shift(out, -dy / len * distance, dx / len * distance);
        return true;
    }
    case GT_FAULT_LIFTED: {
        if (!first || first->count < 4) return false;
        double middle = first->samples[first->count / 2].t_ms;
        return gt_edit_cut_gaps(out, 0, &middle, 1, 300.0);
    }
    case GT_FAULT_IRREGULAR:
        gt_edit_vary_intervals(out, gt_edit_demo_period_ms(t), 0.35);
        return true;
    case GT_FAULT_HOLD_SHORT:
        return gt_edit_shorten_holds(out, t->pressure_level.min / 10.0, t->hold_s.min / 3.0 * 1000.0);
    case GT_FAULT_COUNT: break;
    }
    return false;
}
