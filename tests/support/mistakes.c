#include "mistakes.h"
#include "gt_demo.h"
#include "gt_motion.h"
#include "replay_edit.h"

#include <math.h>
#include <stdio.h>

static const char *const NAMES[GT_MISTAKE_COUNT] = {
    "too light", "too heavy", "too fast", "too slow", "off the guide", "irregular rhythm", "hold too short",
    "lifted"
};

const char *gt_mistake_name(GtMistake mistake) {
    return (unsigned)mistake < GT_MISTAKE_COUNT ? NAMES[mistake] : "unknown";
}

const char *gt_severity_name(GtSeverity severity) {
    return severity == GT_SEVERITY_MILD ? "mild" : severity == GT_SEVERITY_SEVERE ? "severe" : "unknown";
}

/* Pressure levels (0-10) of the too-light and too-heavy attempts. */
static double light_level(const GtTechnique *t, GtSeverity s) {
    return s == GT_SEVERITY_MILD ? t->pressure_level.min - 0.7 : fmax(0.1, t->pressure_level.min - 3.0);
}

static double heavy_level(const GtTechnique *t, GtSeverity s) {
    return s == GT_SEVERITY_MILD ? t->pressure_level.max + 0.7 : fmin(10.0, t->pressure_level.max + 3.0);
}

/* The band a fast or slow attempt misses: speed for glides, else tempo (a roll's demonstration is
 * paced by its passes per minute, its speed following from the guide's length). */
static GtRange pace_band(const GtTechnique *t) {
    return t->has_speed && !t->has_tempo ? t->speed_cm_s : t->tempo_per_min;
}

/* The pace of a fast or slow attempt as a ratio to the demonstration's (the band's geometric
 * middle): 1.25 x or 2.5 x the band's top, 0.75 x or 0.3 x its bottom. */
static double pace_ratio(const GtTechnique *t, GtMistake m, GtSeverity s) {
    GtRange band = pace_band(t);
    double target = m == GT_MISTAKE_TOO_FAST ? band.max * (s == GT_SEVERITY_MILD ? 1.25 : 2.5)
                                             : band.min * (s == GT_SEVERITY_MILD ? 0.75 : 0.3);
    return target / gt_band_geometric_mid(band);
}

/* How many cycles the step's demonstration makes. */
static double demo_cycles(const GtTechnique *t, const GtStep *step) {
    if (step->repetitions > 0) return step->repetitions;
    return step->duration_s * gt_band_geometric_mid(t->tempo_per_min) / 60.0;
}

/* Why a mistake cannot be made on this step, or NULL when it can. */
static const char *inapplicable(const GtScoreTarget *target, GtMistake m) {
    const GtTechnique *t = target->technique;
    switch (m) {
    case GT_MISTAKE_TOO_LIGHT:
        if (light_level(t, GT_SEVERITY_MILD) <= 0.2) return "no room below the band";
        if (light_level(t, GT_SEVERITY_SEVERE) > light_level(t, GT_SEVERITY_MILD) - 1.0)
            return "severe would be within a level of mild";
        return NULL;
    case GT_MISTAKE_TOO_HEAVY:
        if (heavy_level(t, GT_SEVERITY_MILD) > 10.0) return "no room above the band";
        if (heavy_level(t, GT_SEVERITY_SEVERE) < heavy_level(t, GT_SEVERITY_MILD) + 1.0)
            return "severe would be within a level of mild";
        return NULL;
    case GT_MISTAKE_TOO_FAST:
    case GT_MISTAKE_TOO_SLOW: return t->has_speed || t->has_tempo ? NULL : "no speed or tempo";
    case GT_MISTAKE_OFF_GUIDE: return NULL;
    case GT_MISTAKE_IRREGULAR:
        if (!t->has_tempo) return "no rhythm";
        return demo_cycles(t, target->step) >= 4.0 ? NULL : "fewer than four cycles";
    case GT_MISTAKE_HOLD_SHORT: return t->has_hold ? NULL : "no hold";
    case GT_MISTAKE_LIFTS: return t->pattern == GT_PATTERN_TAP ? "taps lift by design" : NULL;
    case GT_MISTAKE_COUNT: break;
    }
    return "unknown mistake";
}

bool gt_mistake_applies(const GtScoreTarget *target, GtMistake mistake, char *why, size_t why_size) {
    const char *reason = inapplicable(target, mistake);
    if (why && why_size) snprintf(why, why_size, "%s", reason ? reason : "");
    return reason == NULL;
}

/* The unit normal of the step's guide (first to last point); sideways for a point guide. */
static GtPoint guide_normal(const GtStep *step) {
    const GtPointList *g = &step->guide;
    GtPoint n = { 1.0, 0.0 };
    if (g->count < 2) return n;
    double dx = g->points[g->count - 1].x - g->points[0].x, dy = g->points[g->count - 1].y - g->points[0].y;
    double len = hypot(dx, dy);
    if (len > 0.0) {
        n.x = -dy / len;
        n.y = dx / len;
    }
    return n;
}

/* The least clearance (cm) of the demo moved by (dx, dy) from the places the technique avoids;
 * 100 less for every run that leaves the body. */
static double clearance(const GtScoreTarget *target, const GtReplay *demo, double dx, double dy) {
    double least = 1e9;
    bool off_body = false;
    for (size_t c = 0; c < demo->contact_count; c++)
        for (size_t i = 0; i < demo->contacts[c].count; i++) {
            GtPoint p = { demo->contacts[c].samples[i].x_cm + dx, demo->contacts[c].samples[i].y_cm + dy };
            off_body |= !gt_bodymap_on_body(target->map, p);
            for (size_t k = 0; k < target->map->landmark_count; k++) {
                const GtLandmark *m = &target->map->landmarks[k];
                if (gt_technique_avoids(target->technique, m))
                    least = fmin(least, gt_landmark_distance(m, p) - m->radius_cm);
            }
        }
    return off_body ? least - 100.0 : least;
}

/* Moves the demo `distance` cm across its guide, to the side where the mild (1.5 cm) version
 * stays clear of places to avoid and on the body, and then where the severe one does. */
static void move_off_guide(const GtScoreTarget *target, GtReplay *out, double distance, char *what, size_t size) {
    GtPoint n = guide_normal(target->step);
    double best = -1e18, side = 1.0;
    for (int k = 0; k < 2; k++) {
        double sign = k == 0 ? 1.0 : -1.0;
        double mild = clearance(target, out, sign * 1.5 * n.x, sign * 1.5 * n.y);
        double severe = clearance(target, out, sign * 7.0 * n.x, sign * 7.0 * n.y);
        double key = mild > 0.3 ? 1000.0 + fmax(-500.0, fmin(500.0, severe)) : mild;
        if (key > best) {
            best = key;
            side = sign;
        }
    }
    double dx = side * distance * n.x, dy = side * distance * n.y;
    gt_edit_shift(out, dx, dy);
    snprintf(what, size, "%.1f cm off (%+.1f, %+.1f)", distance, dx, dy);
}

/* Cuts one lift in the middle of the first contact, or three at 30%, 50% and 70% of it. */
static bool lift(GtReplay *out, GtSeverity s, char *what, size_t size) {
    if (out->contact_count == 0 || out->contacts[0].count < 4) return false;
    const GtContact *c = &out->contacts[0];
    double t0 = c->samples[0].t_ms, span = c->samples[c->count - 1].t_ms - t0;
    double mild[1] = { t0 + 0.5 * span }, severe[3] = { t0 + 0.3 * span, t0 + 0.5 * span, t0 + 0.7 * span };
    size_t n = s == GT_SEVERITY_MILD ? 1 : 3;
    if (0.2 * span <= GT_MISTAKE_LIFT_GAP_MS) return false;
    snprintf(what, size, "%zu lift%s of %.0f ms", n, n > 1 ? "s" : "", GT_MISTAKE_LIFT_GAP_MS);
    return gt_edit_cut_gaps(out, 0, n == 1 ? mild : severe, n, GT_MISTAKE_LIFT_GAP_MS);
}

/* Applies the mistake to the synthesised demonstration in `out`. */
static bool apply(GtMistake m, GtSeverity s, const GtScoreTarget *target, double pace, GtReplay *out, char *what,
                  size_t size) {
    const GtTechnique *t = target->technique;
    double mid = gt_band_mid(t->pressure_level);
    switch (m) {
    case GT_MISTAKE_TOO_LIGHT:
    case GT_MISTAKE_TOO_HEAVY: {
        double level = m == GT_MISTAKE_TOO_LIGHT ? light_level(t, s) : heavy_level(t, s);
        gt_edit_scale_pressure(out, level / mid);
        snprintf(what, size, "level %.1f", level);
        return true;
    }
    case GT_MISTAKE_TOO_FAST:
    case GT_MISTAKE_TOO_SLOW:
        gt_edit_scale_time(out, 1.0 / pace);
        snprintf(what, size, "%.1f %s", gt_band_geometric_mid(pace_band(t)) * pace,
                 t->has_speed && !t->has_tempo ? "cm/s" : "per min");
        return true;
    case GT_MISTAKE_OFF_GUIDE:
        move_off_guide(target, out, s == GT_SEVERITY_MILD ? 1.5 : 7.0, what, size);
        return true;
    case GT_MISTAKE_IRREGULAR: {
        double cv = s == GT_SEVERITY_MILD ? 0.15 : 0.45;
        gt_edit_vary_intervals(out, gt_edit_demo_period_ms(t), cv);
        snprintf(what, size, "intervals vary %.0f%% (CV)", 100.0 * cv);
        return true;
    }
    case GT_MISTAKE_HOLD_SHORT: {
        double keep_s = t->hold_s.min * (s == GT_SEVERITY_MILD ? 0.8 : 0.3);
        snprintf(what, size, "held %.1f s", keep_s);
        return gt_edit_shorten_holds(out, t->pressure_level.min / 10.0, keep_s * 1000.0);
    }
    case GT_MISTAKE_LIFTS: return lift(out, s, what, size);
    case GT_MISTAKE_COUNT: break;
    }
    return false;
}

bool gt_mistake_make(GtMistake mistake, GtSeverity severity, const GtScoreTarget *target, GtReplay *out,
                     char *what, size_t what_size) {
    gt_replay_init(out);
    if (what_size) what[0] = '\0';
    if (!gt_mistake_applies(target, mistake, NULL, 0)) return false;
    /* A timed step keeps its duration at another pace: synthesise as many cycles or strokes as
     * fit at that pace, then change the pace. */
    GtStep step = *target->step;
    double pace = 1.0;
    if (mistake == GT_MISTAKE_TOO_FAST || mistake == GT_MISTAKE_TOO_SLOW) {
        pace = pace_ratio(target->technique, mistake, severity);
        if (step.duration_s > 0.0) step.duration_s *= pace;
    }
    if (!gt_demo_synthesise(target->lesson_id, target->step_number, &step, target->map, out)) return false;
    if (apply(mistake, severity, target, pace, out, what, what_size)) return true;
    gt_replay_free(out);
    return false;
}
