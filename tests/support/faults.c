#include "faults.h"
#include "gt_motion.h"

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
    case GT_FAULT_TOO_LIGHT: return t->pressure_level.min > 0.3;
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

static void scale_time(GtReplay *r, double k) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) r->contacts[c].samples[i].t_ms *= k;
}

static void scale_pressure(GtReplay *r, double k) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            GtSample *s = &r->contacts[c].samples[i];
            s->pressure = fmin(1.0, s->pressure * k);
        }
}

/* Same times and pressures, positions travelled backwards. */
static void reverse_paths(GtReplay *r) {
    for (size_t c = 0; c < r->contact_count; c++) {
        GtContact *contact = &r->contacts[c];
        for (size_t i = 0, j = contact->count ? contact->count - 1 : 0; i < j; i++, j--) {
            double x = contact->samples[i].x_cm, y = contact->samples[i].y_cm;
            contact->samples[i].x_cm = contact->samples[j].x_cm;
            contact->samples[i].y_cm = contact->samples[j].y_cm;
            contact->samples[j].x_cm = x;
            contact->samples[j].y_cm = y;
        }
    }
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

static void shift(GtReplay *r, double dx, double dy) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            r->contacts[c].samples[i].x_cm += dx;
            r->contacts[c].samples[i].y_cm += dy;
        }
}

/* Rebuilds `r` with the samples of contact 0 inside (from, to) ms removed, splitting it in two,
 * and later samples moved `pull` ms earlier. */
static bool cut_first_contact(GtReplay *r, double from, double to, double pull, bool split) {
    GtReplay out;
    gt_replay_init(&out);
    memcpy(out.lesson, r->lesson, sizeof out.lesson);
    memcpy(out.technique, r->technique, sizeof out.technique);
    out.step = r->step;
    out.view = r->view;
    out.device = r->device;
    out.pressure_source = r->pressure_source;
    bool ok = true;
    for (size_t c = 0; c < r->contact_count && ok; c++) {
        const GtContact *contact = &r->contacts[c];
        int index = gt_replay_add_contact(&out, contact->id);
        ok = index >= 0;
        bool after = false;
        for (size_t i = 0; i < contact->count && ok; i++) {
            GtSample s = contact->samples[i];
            if (c == 0 && s.t_ms > from && s.t_ms < to) continue;
            if (c == 0 && s.t_ms >= to && !after) {
                after = true;
                if (split) {
                    index = gt_replay_add_contact(&out, contact->id);
                    ok = index >= 0;
                }
            }
            if (c == 0 && after) s.t_ms -= pull;
            ok = ok && gt_replay_add_sample(&out, index, s);
        }
    }
    gt_replay_free(r);
    *r = out;
    return ok;
}

/* Alternately shortens and stretches the time between the demonstration's own cycle
 * boundaries (as the scorer detects them), keeping the average tempo. */
static bool warp_cycles(GtReplay *r, const GtTechnique *t) {
    static const double FACTORS[2] = { 0.65, 1.35 };
    GtCycles cycles;
    if (!gt_detect_cycles(t->pattern, t->amplitude_cm, r, &cycles)) return false;
    size_t n = cycles.count;
    bool ok = n >= 3;
    for (size_t c = 0; ok && c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            double t_ms = r->contacts[c].samples[i].t_ms, shift = 0.0;
            for (size_t k = 1; k < n; k++) {
                double a = cycles.events[k - 1].t_ms, b = cycles.events[k].t_ms;
                double f = FACTORS[k % 2] - 1.0;
                if (t_ms >= b) shift += f * (b - a);
                else if (t_ms > a) shift += f * (t_ms - a);
            }
            r->contacts[c].samples[i].t_ms = t_ms + shift;
        }
    gt_cycles_free(&cycles);
    return ok;
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
        scale_time(out, t->has_speed ? speed / (t->speed_cm_s.max * 2.5) : tempo / (t->tempo_per_min.max * 1.8));
        return true;
    case GT_FAULT_TOO_SLOW:
        scale_time(out, t->has_speed ? speed / (t->speed_cm_s.min / 2.5) : tempo / (t->tempo_per_min.min / 1.8));
        return true;
    case GT_FAULT_REVERSED:
        reverse_paths(out);
        return true;
    case GT_FAULT_ALONG_FIBRES:
        rotate_about_guide(out, &step->guide);
        return true;
    case GT_FAULT_TOO_LIGHT:
        scale_pressure(out, light_level(t) / level);
        return true;
    case GT_FAULT_TOO_HEAVY:
        scale_pressure(out, heavy_level(t) / level);
        return true;
    case GT_FAULT_OFF_GUIDE: {
        double distance = gt_pattern_reach_cm(t) + 2.0 + 2.0 * beginner(t)->path_cm;
        const GtPointList *g = &step->guide;
        double dx = g->count > 1 ? g->points[g->count - 1].x - g->points[0].x : 0.0;
        double dy = g->count > 1 ? g->points[g->count - 1].y - g->points[0].y : 1.0;
        double len = hypot(dx, dy);
        shift(out, -dy / len * distance, dx / len * distance);
        return true;
    }
    case GT_FAULT_LIFTED: {
        if (!first || first->count < 4) return false;
        double middle = first->samples[first->count / 2].t_ms;
        return cut_first_contact(out, middle - 150.0, middle + 150.0, 0.0, true);
    }
    case GT_FAULT_IRREGULAR:
        return warp_cycles(out, t);
    case GT_FAULT_HOLD_SHORT: {
        if (!first) return false;
        double hold_start = -1.0, hold_end = -1.0;
        for (size_t i = 0; i < first->count; i++) {
            if (10.0 * first->samples[i].pressure >= 0.99 * level) {
                if (hold_start < 0) hold_start = first->samples[i].t_ms;
                hold_end = first->samples[i].t_ms;
            }
        }
        double keep = t->hold_s.min / 3.0 * 1000.0;
        if (hold_start < 0 || hold_end - hold_start <= keep) return false;
        double cut_from = hold_start + keep;
        return cut_first_contact(out, cut_from, hold_end, hold_end - cut_from, false);
    }
    case GT_FAULT_COUNT: break;
    }
    return false;
}
