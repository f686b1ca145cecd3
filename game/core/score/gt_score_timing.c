/* The criteria about time: rhythm, continuity and hold. */
#include "gt_score_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* A gap between contacts shorter than this is sensor noise, not a lift, ms. */
static const double LIFT_MIN_GAP_MS = 80.0;
/* A glide contact ending further than this from both guide ends was lifted mid-stroke:
 * a fifth of the stroke, at least 0.5 cm and at most 3 cm. */
static const double STROKE_END_SLACK_MIN_CM = 0.5, STROKE_END_SLACK_MAX_CM = 3.0, STROKE_END_SLACK_SHARE = 0.2;
static const double HOLD_SLACK_CM = 0.5;
/* Contacts closer together than this belong to one hold, ms. */
static const double HOLD_REGRIP_MS = 1000.0;
static const double RAMP_MIN_S = 0.8, RAMP_TOLERANCE_S = 0.6;

/* What one cycle of the pattern is called, singular or plural for `count`. */
static const char *cycle_noun(GtPattern pattern, size_t count) {
    bool one = count == 1;
    switch (pattern) {
    case GT_PATTERN_TAP: return one ? "tap" : "taps";
    case GT_PATTERN_CIRCLE: return one ? "circle" : "circles";
    case GT_PATTERN_KNEAD: return one ? "kneading cycle" : "kneading cycles";
    case GT_PATTERN_ROLL: return one ? "pass" : "passes";
    default: return one ? "stroke" : "strokes";
    }
}

void gt_score_rhythm(const GtScoreInput *in, GtCriterionScore *out) {
    const GtTechnique *t = in->target->technique;
    bool hz = t->tempo_in_hz;
    double scale = hz ? 1.0 / 60.0 : 1.0;
    double lo = t->tempo_per_min.min * scale, hi = t->tempo_per_min.max * scale;
    const char *unit = hz ? "Hz" : "per min";
    const char *per = hz ? "per second" : "per minute";
    const char *noun = cycle_noun(t->pattern, 2);
    size_t n = in->cycles->interval_count;
    if (n < 2) {
        char text[GT_FEEDBACK_MAX];
        snprintf(text, sizeof text, "No steady rhythm: only %zu %s found; keep going at %g-%g %s.",
                 in->cycles->count, cycle_noun(t->pattern, in->cycles->count), lo, hi, per);
        gt_unmeasured(out, lo, hi, unit, text);
        return;
    }
    const double *intervals = in->cycles->intervals_ms;
    double sum = 0.0, squares = 0.0;
    for (size_t i = 0; i < n; i++) sum += intervals[i];
    double mean = sum / (double)n;
    for (size_t i = 0; i < n; i++) squares += (intervals[i] - mean) * (intervals[i] - mean);
    /* tempo from the mean interval: alternating long and short cycles keep their average
     * tempo and show up in the regularity instead */
    double cv_pct = gt_shown(mean > 0.0 ? 100.0 * sqrt(squares / (double)n) / mean : 0.0, 1.0);
    double tempo = gt_shown(mean > 0.0 ? 60000.0 / mean * scale : 0.0, 0.1);
    GtSubScore subs[2];
    subs[0] = (GtSubScore){ gt_ratio_band_score(tempo, lo, hi, in->tolerance->tempo_ratio), tempo, lo, hi, unit, "" };
    if (tempo > hi)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Too fast: %.1f %s %s; slow down to %g-%g.", tempo, noun, per,
                 lo, hi);
    else if (tempo < lo)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Too slow: %.1f %s %s; speed up to %g-%g.", tempo, noun, per,
                 lo, hi);
    else
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Steady rhythm: %.1f %s %s, varying by %.0f%%.", tempo, noun,
                 per, cv_pct);
    double cv_max = 100.0 * t->regularity_cv_max;
    subs[1] = (GtSubScore){ gt_band_score(cv_pct, 0, cv_max, 100.0 * in->tolerance->regularity_cv), cv_pct, 0,
                            cv_max, "%", "" };
    snprintf(subs[1].feedback, GT_FEEDBACK_MAX, "Uneven rhythm: the time between your %s varies by %.0f%%; keep "
             "it within %.0f%%, like a metronome.", noun, cv_pct, cv_max);
    gt_pick_worst(subs, 2, out);
}

typedef struct Span {
    double start, end;
} Span;

static int compare_spans(const void *a, const void *b) {
    double x = ((const Span *)a)->start, y = ((const Span *)b)->start;
    return (x > y) - (x < y);
}

/* Gaps (count and seconds) when no contact touched at all, over the whole attempt. */
static bool count_gaps(const GtReplay *replay, int *gaps, double *gap_s) {
    *gaps = 0;
    *gap_s = 0.0;
    Span *spans = malloc((replay->contact_count ? replay->contact_count : 1) * sizeof *spans);
    if (!spans) return false;
    size_t n = 0;
    for (size_t c = 0; c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        if (contact->count) spans[n++] = (Span){ contact->samples[0].t_ms, contact->samples[contact->count - 1].t_ms };
    }
    qsort(spans, n, sizeof *spans, compare_spans);
    double reach = n ? spans[0].end : 0.0;
    for (size_t i = 1; i < n; i++) {
        if (spans[i].start - reach > LIFT_MIN_GAP_MS) {
            (*gaps)++;
            *gap_s += (spans[i].start - reach) / 1000.0;
        }
        if (spans[i].end > reach) reach = spans[i].end;
    }
    free(spans);
    return true;
}

/* Glides: contacts that end away from both ends of the guide. */
static int count_mid_stroke_lifts(const GtScoreInput *in) {
    const GtPointList *guide = &in->target->step->guide;
    double length = gt_polyline_length(guide);
    double slack = fmin(STROKE_END_SLACK_MAX_CM, fmax(STROKE_END_SLACK_MIN_CM, STROKE_END_SLACK_SHARE * length));
    int lifts = 0;
    for (size_t c = 0; c < in->replay->contact_count; c++) {
        const GtContact *contact = &in->replay->contacts[c];
        if (!contact->count) continue;
        const GtSample *end = &contact->samples[contact->count - 1];
        GtPoint p = { end->x_cm, end->y_cm };
        double along = gt_polyline_project(guide, p).along_cm;
        if (along > slack && length - along > slack) lifts++;
    }
    return lifts;
}

void gt_score_continuity(const GtScoreInput *in, GtCriterionScore *out) {
    const GtTechnique *t = in->target->technique;
    const GtStep *step = in->target->step;
    int lifts = 0;
    double gap_s = 0.0;
    if (!count_gaps(in->replay, &lifts, &gap_s)) {
        gt_unmeasured(out, 0, 0, "lifts", "Out of memory while scoring continuity.");
        return;
    }
    if (t->pattern == GT_PATTERN_GLIDE) {
        lifts = count_mid_stroke_lifts(in);
    } else if (t->pattern == GT_PATTERN_HOLD && step->repetitions > 1) {
        lifts -= step->repetitions - 1;   /* the pauses between separate holds are expected */
        if (lifts < 0) lifts = 0;
    }
    out->score = gt_band_score(lifts, 0, 0, in->tolerance->lifts);
    out->measured = lifts;
    out->target_min = 0;
    out->target_max = 0;
    out->unit = "lifts";
    if (lifts == 0)
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Unbroken contact: you stayed on the skin throughout.");
    else if (t->pattern == GT_PATTERN_GLIDE)
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Lifted %d time%s mid-stroke; keep contact from one end of the "
                 "guide to the other.", lifts, lifts == 1 ? "" : "s");
    else if (t->pattern == GT_PATTERN_ROLL)
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Lifted %d time%s (%.1f s off the skin); a roll stays on the "
                 "muscle: turn at each end without lifting, pass after pass.", lifts, lifts == 1 ? "" : "s", gap_s);
    else
        snprintf(out->feedback, GT_FEEDBACK_MAX, "Lifted %d time%s (%.1f s off the skin); stay in contact "
                 "until the step ends.", lifts, lifts == 1 ? "" : "s", gap_s);
}

/* ---- hold ---- */

typedef struct HoldMeasure {
    double held_s;       /* time pressing within reach of the hold's centre */
    double drift_cm;     /* 95th percentile distance from the centre while pressing */
    double ramp_s;       /* shorter of the times taken to sink in to 90% of the plateau and to
                            come out from it; NAN when there is no plateau */
} HoldMeasure;

static int compare_descending(const void *a, const void *b) {
    double x = ((const GtWeighted *)a)->value, y = ((const GtWeighted *)b)->value;
    return (x < y) - (x > y);
}

/* Seconds of the weakest hold the step asks for. Contacts less than HOLD_REGRIP_MS apart are
 * one hold (a re-grip); with N holds asked for, the N-th longest is reported, 0 if missing.
 * `scratch` has room for one entry per contact or more. */
static double weakest_hold_s(const GtScoreInput *in, GtPoint centre, double holding, GtWeighted *scratch) {
    const GtReplay *r = in->replay;
    const GtTechnique *t = in->target->technique;
    size_t holds = 0;
    double last_end = -INFINITY;
    /* contacts are recorded in time order of their start */
    for (size_t c = 0; c < r->contact_count; c++) {
        const GtContact *contact = &r->contacts[c];
        if (!contact->count) continue;
        double held = 0.0;
        for (size_t k = 0; k < contact->count; k++) {
            const GtSample *s = &contact->samples[k];
            GtPoint p = { s->x_cm, s->y_cm };
            if (10.0 * s->pressure >= holding && gt_distance(p, centre) <= t->drift_max_cm + HOLD_SLACK_CM)
                held += gt_sample_duration_ms(contact, k);
        }
        if (holds && contact->samples[0].t_ms - last_end < HOLD_REGRIP_MS) scratch[holds - 1].value += held;
        else scratch[holds++] = (GtWeighted){ held, 0.0 };
        last_end = contact->samples[contact->count - 1].t_ms;
    }
    qsort(scratch, holds, sizeof *scratch, compare_descending);
    size_t wanted = in->target->step->repetitions > 1 ? (size_t)in->target->step->repetitions : 1;
    return wanted <= holds ? scratch[wanted - 1].value / 1000.0 : 0.0;
}

/* The level a hold must keep to count as held: the band's floor less two pressure tolerances,
 * so a slightly light hold is still a hold (the pressure criterion says it is light). */
static double holding_level(const GtScoreInput *in) {
    const GtTechnique *t = in->target->technique;
    return fmax(gt_pressing_level(t), t->pressure_level.min - 2.0 * in->tolerance->pressure_level);
}

size_t gt_count_holds(const GtScoreInput *in, double min_s) {
    const GtReplay *r = in->replay;
    double holding = holding_level(in), last_end = -INFINITY, held_ms = 0.0;
    size_t holds = 0;
    bool open = false;
    for (size_t c = 0; c < r->contact_count; c++) {
        const GtContact *contact = &r->contacts[c];
        if (!contact->count) continue;
        if (open && contact->samples[0].t_ms - last_end >= HOLD_REGRIP_MS) {
            holds += held_ms >= 1000.0 * min_s;
            held_ms = 0.0;
        }
        open = true;
        for (size_t k = 0; k < contact->count; k++)
            if (10.0 * contact->samples[k].pressure >= holding) held_ms += gt_sample_duration_ms(contact, k);
        last_end = contact->samples[contact->count - 1].t_ms;
    }
    return holds + (open && held_ms >= 1000.0 * min_s);
}

static bool measure_hold(const GtScoreInput *in, HoldMeasure *m) {
    const GtTechnique *t = in->target->technique;
    const GtReplay *r = in->replay;
    double pressing = gt_pressing_level(t);
    size_t total = gt_replay_sample_count(r), n = 0;
    GtWeighted *xs = malloc((total ? total : 1) * sizeof *xs);
    GtWeighted *ys = malloc((total ? total : 1) * sizeof *ys);
    if (!xs || !ys) { free(xs); free(ys); return false; }
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t k = 0; k < r->contacts[c].count; k++) {
            const GtSample *s = &r->contacts[c].samples[k];
            if (10.0 * s->pressure < pressing) continue;
            double w = gt_sample_duration_ms(&r->contacts[c], k);
            xs[n] = (GtWeighted){ s->x_cm, w };
            ys[n] = (GtWeighted){ s->y_cm, w };
            n++;
        }
    m->held_s = 0.0;
    m->drift_cm = 0.0;
    m->ramp_s = NAN;
    if (n == 0) { free(xs); free(ys); return true; }
    GtPoint centre = { gt_weighted_quantile(xs, n, 0.5), gt_weighted_quantile(ys, n, 0.5) };
    size_t d = 0;
    for (size_t c = 0; c < r->contact_count; c++) {
        for (size_t k = 0; k < r->contacts[c].count; k++) {
            const GtSample *s = &r->contacts[c].samples[k];
            if (10.0 * s->pressure < pressing) continue;
            GtPoint p = { s->x_cm, s->y_cm };
            double w = gt_sample_duration_ms(&r->contacts[c], k), dist = gt_distance(p, centre);
            xs[d++] = (GtWeighted){ dist, w };
        }
    }
    m->drift_cm = gt_weighted_quantile(xs, d, 0.95);
    GtWeighted *levels = xs;   /* reuse: the plateau is the median pressing level */
    size_t l = 0;
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t k = 0; k < r->contacts[c].count; k++) {
            const GtSample *s = &r->contacts[c].samples[k];
            if (10.0 * s->pressure >= pressing)
                levels[l++] = (GtWeighted){ 10.0 * s->pressure, gt_sample_duration_ms(&r->contacts[c], k) };
        }
    double reached = 0.9 * gt_weighted_quantile(levels, l, 0.5);
    m->held_s = weakest_hold_s(in, centre, holding_level(in), ys);
    free(xs);
    free(ys);
    /* ramp in on the first contact, ramp out on the last */
    const GtContact *first = NULL, *last = NULL;
    for (size_t c = 0; c < r->contact_count; c++) {
        const GtContact *contact = &r->contacts[c];
        if (!contact->count) continue;
        if (!first || contact->samples[0].t_ms < first->samples[0].t_ms) first = contact;
        if (!last || contact->samples[contact->count - 1].t_ms > last->samples[last->count - 1].t_ms) last = contact;
    }
    double ramp_in = NAN, ramp_out = NAN;
    for (size_t k = 0; first && k < first->count; k++)
        if (10.0 * first->samples[k].pressure >= reached) { ramp_in = (first->samples[k].t_ms - first->samples[0].t_ms) / 1000.0; break; }
    for (size_t k = last ? last->count : 0; k-- > 0;)
        if (10.0 * last->samples[k].pressure >= reached) {
            ramp_out = (last->samples[last->count - 1].t_ms - last->samples[k].t_ms) / 1000.0;
            break;
        }
    if (!isnan(ramp_in) && !isnan(ramp_out)) m->ramp_s = fmin(ramp_in, ramp_out);
    return true;
}

void gt_score_hold(const GtScoreInput *in, GtCriterionScore *out) {
    const GtTechnique *t = in->target->technique;
    HoldMeasure m;
    if (!measure_hold(in, &m)) {
        gt_unmeasured(out, t->hold_s.min, t->hold_s.max, "s", "Out of memory while scoring the hold.");
        return;
    }
    m.held_s = gt_shown(m.held_s, 1.0);
    m.drift_cm = gt_shown(m.drift_cm, 0.1);
    m.ramp_s = gt_shown(m.ramp_s, 0.1);
    GtSubScore subs[3];
    size_t count = 2;
    subs[0] = (GtSubScore){ gt_band_score(m.held_s, t->hold_s.min, t->hold_s.max, in->tolerance->hold_s), m.held_s,
                            t->hold_s.min, t->hold_s.max, "s", "" };
    if (m.held_s < t->hold_s.min)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Hold too short: %.0f s at pressure; hold still for %g-%g s.",
                 m.held_s, t->hold_s.min, t->hold_s.max);
    else if (m.held_s > t->hold_s.max)
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Held too long: %.0f s; ease off after %g s.", m.held_s,
                 t->hold_s.max);
    else
        snprintf(subs[0].feedback, GT_FEEDBACK_MAX, "Good hold: %.0f s, staying within %.1f cm of the point.",
                 m.held_s, m.drift_cm);
    subs[1] = (GtSubScore){ gt_band_score(m.drift_cm, 0, t->drift_max_cm, in->tolerance->drift_cm), m.drift_cm, 0,
                            t->drift_max_cm, "cm", "" };
    snprintf(subs[1].feedback, GT_FEEDBACK_MAX, "Drifting: you wandered %.1f cm while holding; stay within %g cm "
             "of the point.", m.drift_cm, t->drift_max_cm);
    if (!isnan(m.ramp_s)) {
        subs[2] = (GtSubScore){ gt_band_score(m.ramp_s, RAMP_MIN_S, INFINITY, RAMP_TOLERANCE_S), m.ramp_s,
                                RAMP_MIN_S, 10, "s", "" };
        snprintf(subs[2].feedback, GT_FEEDBACK_MAX, "Too abrupt: %.1f s to sink in or come out; ease in and out "
                 "over 1-2 s.", m.ramp_s);
        count = 3;
    }
    gt_pick_worst(subs, count, out);
}
