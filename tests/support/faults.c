#include "faults.h"
#include "gt_motion.h"
#include "replay_edit.h"

#include <math.h>
#include <string.h>

static const char *const NAMES[GT_FAULT_COUNT] = {
    "too fast", "too slow", "reversed", "along the fibres", "too light", "too heavy",
    "off the guide", "lifted mid-stroke", "irregular rhythm", "hold too short", "circles instead of passes"
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
    case GT_FAULT_CIRCLING: return t->direction == GT_DIRECTION_BACK_AND_FORTH;
    case GT_FAULT_COUNT: break;
    }
    return false;
}

/* Whether a too-fast or too-slow attempt is judged by its speed (glides) or by its tempo (every
 * rhythmic pattern, rolls included: a roll's demonstration is paced by its passes per minute). */
static bool paced_by_speed(const GtTechnique *t) {
    return t->has_speed && !t->has_tempo;
}

GtCriterion gt_fault_companion(const GtTechnique *t, GtFault fault) {
    if (t->pattern != GT_PATTERN_ROLL) return GT_CRITERION_COUNT;
    switch (fault) {
    case GT_FAULT_TOO_FAST:
    case GT_FAULT_TOO_SLOW:
    case GT_FAULT_IRREGULAR: return GT_CRITERION_SPEED;
    default: return GT_CRITERION_COUNT;
    }
}

GtCriterion gt_fault_criterion(const GtTechnique *t, GtFault fault) {
    switch (fault) {
    case GT_FAULT_TOO_FAST:
    case GT_FAULT_TOO_SLOW: return paced_by_speed(t) ? GT_CRITERION_SPEED : GT_CRITERION_RHYTHM;
    case GT_FAULT_REVERSED:
    case GT_FAULT_ALONG_FIBRES:
    case GT_FAULT_CIRCLING: return GT_CRITERION_DIRECTION;
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
    case GT_FAULT_CIRCLING: return "Circles instead of straight passes";
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

/* The old way of "rolling" one pass per press: the roller leaves the leg for 300 ms at every
 * turning point of a demonstrated roll (one every `period_ms`), so each pass is its own contact. */
static bool lift_between_passes(GtReplay *r, double period_ms) {
    const GtContact *c = &r->contacts[0];
    double t0 = c->samples[0].t_ms, end = c->samples[c->count - 1].t_ms;
    double turns[200];
    size_t n = 0;
    for (double at = t0 + period_ms; at < end - 0.5 * period_ms && n < 200; at += period_ms) turns[n++] = at;
    return n > 0 && gt_edit_cut_gaps(r, 0, turns, n, 300.0);
}

/* Circling instead of rolling: over the demonstration's time, the hand walks once along the
 * guide while it circles (2.5 cm radius) once every two passes, so the circles turn back along
 * the guide as often and as evenly as the passes should, and stay within the guide's reach; only
 * the straightness is wrong. The walk pauses whenever the circle turns back (its speed goes as
 * sin squared of the circle's angle), which keeps the turning points evenly spaced in time. */
static void circle_along_guide(GtReplay *r, const GtPointList *guide, double period_ms) {
    double first, last;
    if (!gt_replay_time_span(r, &first, &last) || last <= first) return;
    double length = gt_polyline_length(guide), radius = 2.5;
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            GtSample *s = &r->contacts[c].samples[i];
            double t = s->t_ms - first, angle = GT_PI * t / period_ms;
            double walked = fmin(1.0, fmax(0.0, (t - sin(2.0 * angle) * period_ms / (2.0 * GT_PI)) / (last - first)));
            GtPoint along;
            GtPoint centre = gt_polyline_point_at(guide, length * walked, &along);
            double forth = radius * cos(angle), side = radius * sin(angle);
            *s = gt_sample_quantize((GtSample){ s->t_ms, centre.x + forth * along.x - side * along.y,
                                                centre.y + forth * along.y + side * along.x, s->pressure });
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
        gt_edit_scale_time(out, paced_by_speed(t) ? speed / (t->speed_cm_s.max * 2.5) : tempo / (t->tempo_per_min.max * 1.8));
        return true;
    case GT_FAULT_TOO_SLOW:
        gt_edit_scale_time(out, paced_by_speed(t) ? speed / (t->speed_cm_s.min / 2.5) : tempo / (t->tempo_per_min.min / 1.8));
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
        if (t->pattern == GT_PATTERN_ROLL) return lift_between_passes(out, gt_edit_demo_period_ms(t));
        double middle = first->samples[first->count / 2].t_ms;
        return gt_edit_cut_gaps(out, 0, &middle, 1, 300.0);
    }
    case GT_FAULT_IRREGULAR:
        gt_edit_vary_intervals(out, gt_edit_demo_period_ms(t), 0.35);
        return true;
    case GT_FAULT_HOLD_SHORT:
        return gt_edit_shorten_holds(out, t->pressure_level.min / 10.0, t->hold_s.min / 3.0 * 1000.0);
    case GT_FAULT_CIRCLING:
        circle_along_guide(out, &step->guide, gt_edit_demo_period_ms(t));
        return true;
    case GT_FAULT_COUNT: break;
    }
    return false;
}
