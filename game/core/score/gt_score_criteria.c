/* The criteria about where and how the hand moves: path, direction, pressure and speed. */
#include "gt_score_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Mean distance from the guide (beyond the pattern's reach) that still earns full marks, cm. */
static const double PATH_FREE_CM = 1.0;
static const double PATH_WORST_FREE_CM = 2.5;
/* How close (beyond reach) a contact must come for a stretch of guide to count as covered:
 * coverage asks "end to end?", the distance parts ask "how close?". */
static const double COVER_CM = 3.0;
static const double COVERAGE_MIN_PCT = 85.0, COVERAGE_TOLERANCE_PCT = 20.0;
static const double GUIDE_STEP_CM = 0.25;
static const double DIRECTION_MIN_PCT = 80.0;
static const double DIRECTION_WINDOW_MS = 200.0;
static const double MIN_MOVEMENT_CM = 0.5;
/* Pressure: the average distance outside the band that is still "in the band" (levels), and
 * how much the level may wander (SD, levels) before it is "unsteady". */
static const double PRESSURE_STRAY_FREE_LEVELS = 0.2;
static const double PRESSURE_STEADY_SD_LEVELS = 1.0, PRESSURE_STEADY_TOLERANCE_LEVELS = 1.0;
/* Speed is read over windows long enough to travel a few millimetres at the slowest speed
 * allowed (never sample to sample, where jitter would pass for speed). */
static const double SPEED_WINDOW_TRAVEL_CM = 0.3, SPEED_WINDOW_MIN_MS = 150.0, SPEED_WINDOW_MAX_MS = 800.0;
static const double SPEED_EVENNESS_MAX_PCT = 35.0, SPEED_EVENNESS_TOLERANCE_PCT = 25.0;

/* Collects one GtWeighted per sample (value from `measure`), or returns NULL (n = 0). */
typedef double (*SampleMeasure)(const GtScoreInput *in, const GtSample *sample, size_t index);

static GtWeighted *collect(const GtScoreInput *in, SampleMeasure measure, size_t *n) {
    size_t total = gt_replay_sample_count(in->replay);
    *n = 0;
    GtWeighted *items = total ? malloc(total * sizeof *items) : NULL;
    if (!items) return NULL;
    for (size_t c = 0; c < in->replay->contact_count; c++) {
        const GtContact *contact = &in->replay->contacts[c];
        for (size_t k = 0; k < contact->count; k++) {
            items[*n].value = measure(in, &contact->samples[k], *n);
            items[*n].weight = gt_sample_duration_ms(contact, k);
            (*n)++;
        }
    }
    return items;
}

static GtPoint sample_point(const GtSample *s) {
    GtPoint p = { s->x_cm, s->y_cm };
    return p;
}

static double guide_excess(const GtScoreInput *in, const GtSample *s, size_t index) {
    double d = gt_guide_projection(in, index, sample_point(s)).distance_cm - in->reach_cm;
    return d > 0.0 ? d : 0.0;
}

static double sample_level(const GtScoreInput *in, const GtSample *s, size_t index) {
    (void)in;
    (void)index;
    return 10.0 * s->pressure;
}

/* Whether gt_distance(a, b) <= reach, calling the slow hypot only when the squared distance is
 * within 1e-9 of reach squared (its rounding errors are far smaller than that). */
static bool within(GtPoint a, GtPoint b, double reach) {
    double dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy, r2 = reach * reach;
    if (!(reach > 0.0)) return gt_distance(a, b) <= reach;
    if (d2 < r2 * (1.0 - 1e-9)) return true;
    if (d2 > r2 * (1.0 + 1e-9)) return false;
    return gt_distance(a, b) <= reach;
}

double gt_guide_coverage_pct(const GtScoreInput *in) {
    const GtPointList *guide = &in->target->step->guide;
    double reach = in->reach_cm + COVER_CM;
    double length = gt_polyline_length(guide);
    size_t points = length > 0.0 ? (size_t)(length / GUIDE_STEP_CM) + 1 : 1;
    size_t covered = 0, last_c = 0, last_k = 0;
    for (size_t i = 0; i < points; i++) {
        GtPoint g = gt_polyline_point_at(guide, (double)i * GUIDE_STEP_CM, NULL);
        /* the sample that reached the last point is tried first: it is likely to reach this one */
        bool hit = last_c < in->replay->contact_count && last_k < in->replay->contacts[last_c].count &&
                   within(g, sample_point(&in->replay->contacts[last_c].samples[last_k]), reach);
        for (size_t c = 0; !hit && c < in->replay->contact_count; c++) {
            const GtContact *contact = &in->replay->contacts[c];
            for (size_t k = 0; !hit && k < contact->count; k++)
                if ((hit = within(g, sample_point(&contact->samples[k]), reach))) { last_c = c; last_k = k; }
        }
        covered += hit;
    }
    return 100.0 * (double)covered / (double)points;
}

GtWeighted *gt_guide_excess_items(const GtScoreInput *in, size_t *n) {
    return collect(in, guide_excess, n);
}

double gt_median_guide_excess(const GtScoreInput *in) {
    if (in->excess_sorted) return gt_weighted_quantile(in->excess_sorted, in->excess_count, 0.5);
    size_t n = 0;
    GtWeighted *items = collect(in, guide_excess, &n);
    if (!items) return NAN;
    double median = gt_weighted_quantile(items, n, 0.5);
    free(items);
    return median;
}

void gt_score_path(const GtScoreInput *in, GtCriterionScore *out) {
    size_t n = in->excess_count;
    GtWeighted *items = in->excess_sorted ? NULL : collect(in, guide_excess, &n);
    if (!items && !in->excess_sorted) {
        gt_unmeasured(out, 0, PATH_FREE_CM, "cm", "Out of memory while scoring the path.");
        return;
    }
    const char *shape = in->target->step->guide_is_point ? "spot" : "line";
    double tol = in->tolerance->path_cm;
    GtSubScore subs[3];
    /* the mean adds the samples in their order, the quantile reads them sorted */
    double mean = gt_shown(gt_weighted_mean(items ? items : in->excess, n), 0.1);
    double worst = gt_shown(gt_weighted_quantile(items ? items : in->excess_sorted, n, 0.95), 0.1);
    free(items);
    double coverage = gt_shown(gt_guide_coverage_pct(in), 1.0);

    subs[0] = (GtSubScore){ gt_band_score(mean, 0, PATH_FREE_CM, tol), mean, 0, PATH_FREE_CM, "cm", "" };
    if (subs[0].score >= 100.0)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "On the guide: %.1f cm from the %s on average, %.0f%% of "
                 "it covered.", mean, shape, coverage);
    else
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Off the guide: %.1f cm from the %s on average; stay "
                 "within %.0f cm of it.", mean, shape, PATH_FREE_CM);
    subs[1] = (GtSubScore){ gt_band_score(worst, 0, PATH_WORST_FREE_CM, 2.0 * tol), worst, 0, PATH_WORST_FREE_CM,
                            "cm", "" };
    snprintf(subs[1].feedback, GT_FEEDBACK_MAX, "Off the guide in places: up to %.1f cm from the %s; follow "
             "it closely all the way.", worst, shape);
    subs[2] = (GtSubScore){ gt_band_score(coverage, COVERAGE_MIN_PCT, 100, COVERAGE_TOLERANCE_PCT), coverage,
                            COVERAGE_MIN_PCT, 100, "%", "" };
    if (in->target->step->guide_is_point)
        snprintf(subs[2].feedback, GT_FEEDBACK_MAX, "Off the guide: you never reached the marked spot; work "
                 "right on it.");
    else
        snprintf(subs[2].feedback, GT_FEEDBACK_MAX, "Only %.0f%% of the guide covered; trace it from end to "
                 "end.", coverage);
    gt_pick_worst(subs, 3, out);
}

/* ---- direction ---- */

/* Unit vector of `degrees` in the view frame. */
static GtPoint unit_at(double degrees) {
    GtPoint u = { cos(degrees * GT_PI / 180.0), sin(degrees * GT_PI / 180.0) };
    return u;
}

/* The direction the stroke should take from point p. */
static GtPoint wanted_direction(const GtScoreInput *in, GtPoint p, const GtLandmark *toward) {
    if (toward) {
        GtProjection to = gt_polyline_project(&toward->points, p);
        double dx = to.nearest.x - p.x, dy = to.nearest.y - p.y, len = hypot(dx, dy);
        GtPoint u = { len > 0 ? dx / len : 0, len > 0 ? dy / len : 0 };
        return u;
    }
    return gt_polyline_project(&in->target->step->guide, p).tangent;
}

/* Accumulates forward and total displacement from p0 to p1. */
static void add_displacement(const GtScoreInput *in, const GtLandmark *toward, GtSample a, GtSample b,
                             double *forward, double *total) {
    GtPoint p0 = sample_point(&a), p1 = sample_point(&b);
    GtPoint mid = { 0.5 * (p0.x + p1.x), 0.5 * (p0.y + p1.y) };
    GtPoint u = wanted_direction(in, toward ? p0 : mid, toward);
    double dx = p1.x - p0.x, dy = p1.y - p0.y;
    double along = dx * u.x + dy * u.y;
    *forward += along > 0.0 ? along : 0.0;
    *total += hypot(dx, dy);
}

/* Agreement (%) with the guide's or landmark's direction. Repeated patterns are judged on their
 * progress from one completed cycle to the next; glides on short time windows. */
static double progress_agreement(const GtScoreInput *in, const GtLandmark *toward, double *moved) {
    double forward = 0.0, total = 0.0;
    const GtCycles *cycles = in->cycles;
    GtPattern pattern = in->target->technique->pattern;
    bool by_cycles = (pattern == GT_PATTERN_CIRCLE || pattern == GT_PATTERN_KNEAD) && cycles->count >= 2;
    if (by_cycles) {
        for (size_t i = 1; i < cycles->count; i++) {
            const GtCycleEvent *a = NULL, *b = &cycles->events[i];
            for (size_t j = i; j-- > 0;)
                if (cycles->events[j].contact == b->contact) { a = &cycles->events[j]; break; }
            if (!a) continue;
            const GtContact *contact = &in->replay->contacts[b->contact];
            add_displacement(in, toward, contact->samples[a->sample], contact->samples[b->sample], &forward, &total);
        }
    } else {
        for (size_t c = 0; c < in->replay->contact_count; c++) {
            const GtContact *contact = &in->replay->contacts[c];
            size_t start = 0;
            for (size_t k = 1; k < contact->count; k++) {
                bool last = k == contact->count - 1;
                if (contact->samples[k].t_ms - contact->samples[start].t_ms >= DIRECTION_WINDOW_MS || last) {
                    add_displacement(in, toward, contact->samples[start], contact->samples[k], &forward, &total);
                    start = k;
                }
            }
        }
    }
    *moved = total;
    return total > 0.0 ? 100.0 * forward / total : NAN;
}

/* The part of one movement (p0 to p1) that counts for an agreement, in cm. */
typedef double (*MovePart)(const GtScoreInput *in, GtPoint p0, GtPoint p1, GtPoint fibre);

/* Agreement (%) of all movement, taken in chunks of at least GT_CONDITION_CHUNK_MIN_MS so jitter
 * does not count: the sum of `part` over the sum of distance; NAN when nothing moved. */
static double chunk_agreement(const GtScoreInput *in, MovePart part, GtPoint fibre, double *moved) {
    double counted = 0.0, total = 0.0;
    for (size_t c = 0; c < in->replay->contact_count; c++) {
        const GtContact *contact = &in->replay->contacts[c];
        size_t start = 0;
        for (size_t k = 1; k < contact->count; k++) {
            if (contact->samples[k].t_ms - contact->samples[start].t_ms < GT_CONDITION_CHUNK_MIN_MS &&
                k + 1 < contact->count)
                continue;
            GtPoint p0 = sample_point(&contact->samples[start]), p1 = sample_point(&contact->samples[k]);
            counted += part(in, p0, p1, fibre);
            total += hypot(p1.x - p0.x, p1.y - p0.y);
            start = k;
        }
    }
    *moved = total;
    return total > 0.0 ? 100.0 * counted / total : NAN;
}

/* The movement across the fibre axis: |sin| of the angle between them times the distance. */
static double across_part(const GtScoreInput *in, GtPoint p0, GtPoint p1, GtPoint fibre) {
    (void)in;
    return fabs((p1.x - p0.x) * fibre.y - (p1.y - p0.y) * fibre.x);
}

/* The movement along the guide's local direction at the movement's middle, either way. */
static double along_part(const GtScoreInput *in, GtPoint p0, GtPoint p1, GtPoint fibre) {
    (void)fibre;
    GtPoint mid = { 0.5 * (p0.x + p1.x), 0.5 * (p0.y + p1.y) };
    GtPoint u = gt_polyline_project(&in->target->step->guide, mid).tangent;
    return fabs((p1.x - p0.x) * u.x + (p1.y - p0.y) * u.y);
}

/* Agreement (%) with working across the fibres: mean |sin| between motion and fibre axis. */
static double across_agreement(const GtScoreInput *in, double *moved) {
    const GtRegion *region = gt_bodymap_region(in->target->map, in->target->step->region);
    GtPoint f = unit_at(region && region->has_fibre ? region->fibre_deg : 90.0);
    return chunk_agreement(in, across_part, f, moved);
}

/* Agreement (%) with rolling straight along the guide, either way: the share of movement, over
 * 50 ms chunks, that ran along the guide's local direction (sum of |along| over sum of distance).
 * Straight passes score near 100 whichever way they go; circles score about 64. */
static double along_line_agreement(const GtScoreInput *in, double *moved) {
    return chunk_agreement(in, along_part, (GtPoint){ 0, 0 }, moved);
}

/* Share (%) of all turning that went the wanted way (+1 clockwise on screen, -1 counter,
 * 0: whichever way dominates). */
static double turning_agreement(const GtScoreInput *in, int wanted, double *turned) {
    double clockwise = 0.0, counter = 0.0;
    gt_turning_totals(in->target->technique, in->replay, in->jitter_cm, &clockwise, &counter);
    *turned = clockwise + counter;
    if (*turned <= 0.0) return NAN;
    if (wanted == 0) wanted = clockwise >= counter ? 1 : -1;
    return 100.0 * (wanted > 0 ? clockwise : counter) / *turned;
}

void gt_score_direction(const GtScoreInput *in, GtCriterionScore *out) {
    const GtTechnique *t = in->target->technique;
    const GtStep *step = in->target->step;
    double tol = in->tolerance->direction_pct;
    double moved = 0.0, agreement = NAN;
    char wanted[120] = "";
    const GtLandmark *toward = NULL;
    switch (t->direction) {
    case GT_DIRECTION_TOWARD_LANDMARK:
        toward = gt_bodymap_landmark(in->target->map, step->toward ? step->toward : t->toward_landmark);
        snprintf(wanted, sizeof wanted, "toward the %s", toward ? toward->name : "landmark");
        agreement = toward ? progress_agreement(in, toward, &moved) : NAN;
        break;
    case GT_DIRECTION_ALONG_GUIDE:
        snprintf(wanted, sizeof wanted, "the way the arrow points");
        agreement = progress_agreement(in, NULL, &moved);
        break;
    case GT_DIRECTION_ACROSS_FIBRES:
        snprintf(wanted, sizeof wanted, "across the muscle fibres");
        agreement = across_agreement(in, &moved);
        break;
    case GT_DIRECTION_TURNING: {
        int sense = t->turning == GT_TURNING_CLOCKWISE ? 1 : t->turning == GT_TURNING_COUNTERCLOCKWISE ? -1 : 0;
        snprintf(wanted, sizeof wanted, "%s", sense > 0 ? "clockwise" : sense < 0 ? "counterclockwise" : "one way");
        agreement = turning_agreement(in, sense, &moved);
        moved = moved > 2.0 * GT_PI ? MIN_MOVEMENT_CM : 0.0;
        break;
    }
    case GT_DIRECTION_BACK_AND_FORTH:
        snprintf(wanted, sizeof wanted, "along the line");
        agreement = along_line_agreement(in, &moved);
        break;
    case GT_DIRECTION_NONE:
    case GT_DIRECTION_COUNT:
        break;
    }
    if (isnan(agreement) || moved < MIN_MOVEMENT_CM) {
        gt_unmeasured(out, DIRECTION_MIN_PCT, 100, "%", "Too little movement to judge the direction; move "
                      "along the guide.");
        return;
    }
    agreement = gt_shown(agreement, 1.0);
    out->score = gt_band_score(agreement, DIRECTION_MIN_PCT, 100, tol);
    out->measured = agreement;
    out->target_min = DIRECTION_MIN_PCT;
    out->target_max = 100;
    out->unit = "%";
    if (out->score >= 100.0) {
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Right direction: %.0f%% of your movement went %s.", agreement,
                 wanted);
    } else if (t->direction == GT_DIRECTION_TURNING) {
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Wrong turning sense: only %.0f%% of your circling went %s; "
                 "circle %s throughout.", agreement, wanted, wanted);
    } else if (t->direction == GT_DIRECTION_BACK_AND_FORTH) {
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Circles instead of straight passes: only %.0f%% of your "
                 "movement ran along the line; roll straight up and down it, back and forth.", agreement);
    } else if (t->direction == GT_DIRECTION_ACROSS_FIBRES) {
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Along the fibres instead of across them: only %.0f%% of your "
                 "movement crossed them; rub at right angles to the fibres.", agreement);
    } else if (agreement < 50.0) {
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Reversed: only %.0f%% of your movement went %s; start at the "
                 "marked end and stroke %s.", agreement, wanted, wanted);
    } else {
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Direction wanders: %.0f%% of your movement went %s; aim for "
                 "at least %.0f%%.", agreement, wanted, DIRECTION_MIN_PCT);
    }
}

/* ---- pressure ---- */

/* How far a level lies outside the band, in levels (0 inside). */
static double level_outside(GtRange band, double level) {
    return level < band.min ? band.min - level : level > band.max ? level - band.max : 0.0;
}

/* Pressure measured over the contact time: the typical level, how far outside the band it
 * strays on average, and how much it wanders (SD) on the plateau (samples at 80% or more of
 * the typical level, so a hold's ramps in and out are not counted as wandering). A hold is
 * judged on its plateau alone: sinking in and coming out are the ramp's business. */
typedef struct PressureMeasure {
    double median, stray, sd;
} PressureMeasure;

static bool measure_pressure(const GtScoreInput *in, GtRange band, PressureMeasure *m) {
    size_t n = 0;
    GtWeighted *items = collect(in, sample_level, &n);
    if (!items) return false;
    double stray = 0.0, total = 0.0;
    for (size_t i = 0; i < n; i++) {
        stray += items[i].weight * level_outside(band, items[i].value);
        total += items[i].weight;
    }
    m->median = gt_weighted_quantile(items, n, 0.5);
    m->stray = total > 0.0 ? stray / total : level_outside(band, m->median);
    size_t plateau = 0;
    double plateau_stray = 0.0, plateau_total = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (items[i].value < 0.8 * m->median) continue;
        plateau_stray += items[i].weight * level_outside(band, items[i].value);
        plateau_total += items[i].weight;
        items[plateau++] = items[i];
    }
    if (in->target->technique->pattern == GT_PATTERN_HOLD && plateau_total > 0.0)
        m->stray = plateau_stray / plateau_total;
    double cv = gt_weighted_cv(items, plateau);
    m->sd = cv * gt_weighted_mean(items, plateau);
    free(items);
    return true;
}

void gt_score_pressure(const GtScoreInput *in, GtCriterionScore *out) {
    GtRange band = in->target->technique->pressure_level;
    double tol = in->tolerance->pressure_level;
    PressureMeasure m;
    if (!measure_pressure(in, band, &m)) {
        gt_unmeasured(out, band.min, band.max, "level", "Out of memory while scoring pressure.");
        return;
    }
    double median = gt_shown(m.median, 0.1), stray = gt_shown(m.stray, 0.1), sd = gt_shown(m.sd, 0.1);
    char words[48];
    gt_pressure_words(band, words, sizeof words);
    GtSubScore subs[3];
    subs[0] = (GtSubScore){ gt_band_score(median, band.min, band.max, tol), median, band.min, band.max, "level", "" };
    if (median < band.min)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Too light: pressure level %.1f; press to %g-%g (%s).",
                 median, band.min, band.max, words);
    else if (median > band.max)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Too heavy: pressure level %.1f; ease off to %g-%g (%s).",
                 median, band.min, band.max, words);
    else
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Good pressure: level %.1f, in the %g-%g band.", median,
                 band.min, band.max);
    /* pressure that strays out of the band part of the time, by how far it strays */
    subs[1] = (GtSubScore){ gt_band_score(stray, 0, PRESSURE_STRAY_FREE_LEVELS, tol), stray, 0,
                            PRESSURE_STRAY_FREE_LEVELS, "level", "" };
    snprintf(subs[1].feedback, GT_FEEDBACK_MAX, "Pressure strays out of the %g-%g band: %.1f levels outside on "
             "average; keep it %s throughout.", band.min, band.max, stray, words);
    subs[2] = (GtSubScore){ gt_band_score(sd, 0, PRESSURE_STEADY_SD_LEVELS, PRESSURE_STEADY_TOLERANCE_LEVELS), sd, 0,
                            PRESSURE_STEADY_SD_LEVELS, "level", "" };
    snprintf(subs[2].feedback, GT_FEEDBACK_MAX, "Unsteady pressure: it wanders by %.1f levels; hold it even, "
             "within %g.", sd, PRESSURE_STEADY_SD_LEVELS);
    gt_pick_worst(subs, 3, out);
}

/* ---- speed ---- */

void gt_score_speed(const GtScoreInput *in, GtCriterionScore *out) {
    GtRange band = in->target->technique->speed_cm_s;
    size_t total = gt_replay_sample_count(in->replay), n = 0;
    GtWeighted *windows = total ? malloc(total * sizeof *windows) : NULL;
    if (!windows) { gt_unmeasured(out, band.min, band.max, "cm/s", "Out of memory while scoring speed."); return; }
    double window_ms = fmin(SPEED_WINDOW_MAX_MS, fmax(SPEED_WINDOW_MIN_MS, 1000.0 * SPEED_WINDOW_TRAVEL_CM /
                                                                         fmax(band.min, 0.01)));
    for (size_t c = 0; c < in->replay->contact_count; c++) {
        const GtContact *contact = &in->replay->contacts[c];
        size_t start = 0;
        for (size_t k = 1; k < contact->count; k++) {
            double dt = contact->samples[k].t_ms - contact->samples[start].t_ms;
            /* a stroke shorter than one window is measured whole */
            bool whole = start == 0 && k + 1 == contact->count && dt >= GT_CONDITION_CHUNK_MIN_MS;
            if (dt < window_ms && !whole) continue;
            double moved = hypot(contact->samples[k].x_cm - contact->samples[start].x_cm,
                                 contact->samples[k].y_cm - contact->samples[start].y_cm);
            windows[n++] = (GtWeighted){ moved / (dt / 1000.0), dt };
            start = k;
        }
    }
    if (n == 0) {
        free(windows);
        gt_unmeasured(out, band.min, band.max, "cm/s", "Too short to measure speed; glide along the whole guide.");
        return;
    }
    double cv = gt_shown(100.0 * gt_weighted_cv(windows, n), 1.0);
    double median = gt_shown(gt_weighted_quantile(windows, n, 0.5), 0.1);
    free(windows);
    GtSubScore subs[2];
    subs[0] = (GtSubScore){ gt_ratio_band_score(median, band.min, band.max, in->tolerance->speed_ratio), median,
                            band.min, band.max, "cm/s", "" };
    if (median > band.max)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Too fast: %.1f cm/s; slow down to %g-%g cm/s.", median,
                 band.min, band.max);
    else if (median < band.min)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Too slow: %.1f cm/s; move a little quicker, %g-%g cm/s.",
                 median, band.min, band.max);
    else
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Good speed: %.1f cm/s, varying by %.0f%%.", median, cv);
    subs[1] = (GtSubScore){ gt_band_score(cv, 0, SPEED_EVENNESS_MAX_PCT, SPEED_EVENNESS_TOLERANCE_PCT), cv, 0,
                            SPEED_EVENNESS_MAX_PCT, "%", "" };
    snprintf(subs[1].feedback, GT_FEEDBACK_MAX, "Uneven speed: it varies by %.0f%%; glide at a steady pace "
             "(within %.0f%%).", cv, SPEED_EVENNESS_MAX_PCT);
    gt_pick_worst(subs, 2, out);
}
