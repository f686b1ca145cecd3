#include "noise.h"
#include "gt_geometry.h"
#include "gt_motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- random numbers ---------------------------------------------------------------------- */

GtRng gt_rng_seeded(uint64_t seed) {
    GtRng rng = { seed };
    return rng;
}

uint64_t gt_rng_next(GtRng *rng) {
    uint64_t z = (rng->state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

double gt_rng_uniform(GtRng *rng) {
    return (double)(gt_rng_next(rng) >> 11) * 0x1.0p-53;
}

double gt_rng_range(GtRng *rng, double lo, double hi) {
    return lo + (hi - lo) * gt_rng_uniform(rng);
}

double gt_rng_gaussian(GtRng *rng) {
    double u1 = 1.0 - gt_rng_uniform(rng), u2 = gt_rng_uniform(rng);
    return sqrt(-2.0 * log(u1)) * cos(2.0 * GT_PI * u2);
}

double gt_rng_student_t3(GtRng *rng) {
    double z = gt_rng_gaussian(rng), chi2 = 0.0;
    for (int i = 0; i < 3; i++) {
        double g = gt_rng_gaussian(rng);
        chi2 += g * g;
    }
    return z / sqrt(chi2 / 3.0);
}

/* An independent stream for each part of the model, so that (say) changing the sampling does
 * not change the wander drawn from the same seed. */
static GtRng stream(uint64_t seed, uint64_t part) {
    GtRng mix = gt_rng_seeded(seed ^ (part * 0xD1B54A32D192ED03ull));
    return gt_rng_seeded(gt_rng_next(&mix));
}

/* ---- parameters ------------------------------------------------------------------------- */

GtNoiseParams gt_noise_default(void) {
    GtNoiseParams p = {
        .jitter_sd_min_cm = 0.03, .jitter_sd_max_cm = 0.10,
        .outlier_probability = 0.03, .outlier_scale = 3.0, .jitter_max_cm = 0.4,
        .sample_ms_min = 8.0, .sample_ms_max = 30.0, .sample_spread = 0.25,
        .gap_probability = 0.01, .gap_ms_min = 40.0, .gap_ms_max = 150.0,
        .repeat_probability = 0.03,
        .tempo_sd = 0.06, .tempo_corr_ms = 3000.0,
        .wander_min_cm = 0.2, .wander_max_cm = 0.3, .wander_corr_ms = 1000.0,
        .pressure_sd = 0.08, .pressure_corr_ms = 300.0,
        .pixel_cm = 0.0,
        .device = GT_DEVICE_TOUCH, .pressure_source = GT_PRESSURE_DEVICE,
    };
    return p;
}

GtNoiseParams gt_noise_mouse(double px_per_cm) {
    GtNoiseParams p = gt_noise_default();
    p.jitter_sd_min_cm = 0.005;
    p.jitter_sd_max_cm = 0.02;
    p.outlier_probability = 0.0;
    p.sample_ms_min = p.sample_ms_max = 8.0;
    p.sample_spread = 0.0;
    p.gap_probability = 0.0;
    p.repeat_probability = 0.0;
    p.pressure_sd = 0.0;
    p.pixel_cm = px_per_cm > 0.0 ? 1.0 / px_per_cm : 0.0;
    p.device = GT_DEVICE_MOUSE;
    p.pressure_source = GT_PRESSURE_WHEEL;
    return p;
}

/* ---- smooth random functions of time ---------------------------------------------------- */

typedef struct Smooth {
    double *knots;     /* AR(1) values every step_ms from origin_ms; NULL: the function is 0 */
    size_t count;
    double origin_ms, step_ms;
} Smooth;

/* A smooth random function with SD `sd` and correlation time `corr_ms`, defined on
 * [from_ms, to_ms]: AR(1) knots every corr_ms / 2 joined by Catmull-Rom splines, each knot
 * clamped to +-3 SD. sd <= 0 gives the zero function without allocating. False when memory
 * runs out. */
static bool smooth_make(Smooth *s, GtRng *rng, double sd, double corr_ms, double from_ms, double to_ms) {
    memset(s, 0, sizeof *s);
    if (sd <= 0.0) return true;
    s->step_ms = fmax(1.0, corr_ms / 2.0);
    s->origin_ms = from_ms - 2.0 * s->step_ms;
    s->count = (size_t)ceil((fmax(to_ms, from_ms) - s->origin_ms) / s->step_ms) + 4;
    s->knots = malloc(s->count * sizeof *s->knots);
    if (!s->knots) return false;
    double rho = exp(-s->step_ms / fmax(corr_ms, 1.0)), innovation = sd * sqrt(1.0 - rho * rho);
    double v = sd * gt_rng_gaussian(rng);
    for (size_t i = 0; i < s->count; i++) {
        if (i) v = rho * v + innovation * gt_rng_gaussian(rng);
        v = fmax(-3.0 * sd, fmin(3.0 * sd, v));
        s->knots[i] = v;
    }
    return true;
}

/* The function's value at t (held at the ends outside its domain). */
static double smooth_at(const Smooth *s, double t_ms) {
    if (!s->knots) return 0.0;
    double u = (t_ms - s->origin_ms) / s->step_ms;
    double base = floor(u);
    if (base < 1.0) base = 1.0;
    if (base > (double)s->count - 3.0) base = (double)s->count - 3.0;
    size_t i = (size_t)base;
    double f = fmax(0.0, fmin(1.0, u - base));
    double p0 = s->knots[i - 1], p1 = s->knots[i], p2 = s->knots[i + 1], p3 = s->knots[i + 2];
    return 0.5 * (2.0 * p1 + (p2 - p0) * f + (2.0 * p0 - 5.0 * p1 + 4.0 * p2 - p3) * f * f +
                  (3.0 * p1 - p0 - 3.0 * p2 + p3) * f * f * f);
}

static void smooth_free(Smooth *s) {
    free(s->knots);
    s->knots = NULL;
}

/* ---- the time warp (tempo drift) -------------------------------------------------------- */

enum { WARP_STEP_MS = 5 };

typedef struct Warp {
    double *real_ms;   /* real time at clean time first_ms + i x WARP_STEP_MS */
    size_t count;
    double first_ms;
} Warp;

/* Integrates a rate 1 + d(t), d smooth with SD tempo_sd (kept within +-50%), over the clean
 * span, so the warp is smooth and strictly increasing: order is kept. */
static bool warp_make(Warp *w, GtRng *rng, const GtNoiseParams *p, double first_ms, double last_ms) {
    memset(w, 0, sizeof *w);
    Smooth drift;
    if (!smooth_make(&drift, rng, p->tempo_sd, p->tempo_corr_ms, first_ms, last_ms)) return false;
    w->first_ms = first_ms;
    w->count = (size_t)ceil((last_ms - first_ms) / WARP_STEP_MS) + 2;
    w->real_ms = malloc(w->count * sizeof *w->real_ms);
    if (!w->real_ms) {
        smooth_free(&drift);
        return false;
    }
    w->real_ms[0] = first_ms;
    for (size_t i = 1; i < w->count; i++) {
        double d = smooth_at(&drift, first_ms + ((double)i - 0.5) * WARP_STEP_MS);
        w->real_ms[i] = w->real_ms[i - 1] + WARP_STEP_MS * (1.0 + fmax(-0.5, fmin(0.5, d)));
    }
    smooth_free(&drift);
    return true;
}

/* Real time of clean time t (linear between table entries, extended at the ends). */
static double warp_forward(const Warp *w, double t_ms) {
    double u = (t_ms - w->first_ms) / WARP_STEP_MS;
    double base = fmax(0.0, fmin((double)w->count - 2.0, floor(u)));
    size_t i = (size_t)base;
    return w->real_ms[i] + (u - base) * (w->real_ms[i + 1] - w->real_ms[i]);
}

/* Clean time of real time tau: the inverse of warp_forward. */
static double warp_inverse(const Warp *w, double tau_ms) {
    size_t lo = 0, hi = w->count - 2;
    while (lo < hi) {
        size_t mid = (lo + hi + 1) / 2;
        if (w->real_ms[mid] <= tau_ms) lo = mid;
        else hi = mid - 1;
    }
    double span = w->real_ms[lo + 1] - w->real_ms[lo];
    return w->first_ms + WARP_STEP_MS * ((double)lo + (tau_ms - w->real_ms[lo]) / span);
}

/* ---- one attempt ------------------------------------------------------------------------ */

typedef struct Attempt {
    const GtNoiseParams *p;
    Warp warp;
    Smooth wander_x, wander_y, pressure;
    double jitter_sd_cm, period_ms;
    GtRng sampling, jitter;
    GtNoiseReport *report;
} Attempt;

/* The clean contact at clean time t, interpolated linearly; `cursor` only moves forward, so
 * times must not decrease between calls. */
static GtSample clean_at(const GtContact *c, double t_ms, size_t *cursor) {
    while (*cursor + 1 < c->count && c->samples[*cursor + 1].t_ms <= t_ms) (*cursor)++;
    GtSample a = c->samples[*cursor];
    if (*cursor + 1 >= c->count || t_ms <= a.t_ms) return a;
    GtSample b = c->samples[*cursor + 1];
    double f = (t_ms - a.t_ms) / (b.t_ms - a.t_ms);
    GtSample s = { t_ms, a.x_cm + f * (b.x_cm - a.x_cm), a.y_cm + f * (b.y_cm - a.y_cm),
                   a.pressure + f * (b.pressure - a.pressure) };
    return s;
}

/* The unit normal to a travelling contact's chord, or (0, 0) for one that stays in place
 * (chord under 2 cm), whose wander then goes in any direction. */
static GtPoint sideways(const GtContact *c) {
    GtPoint none = { 0.0, 0.0 };
    if (c->count < 2) return none;
    double dx = c->samples[c->count - 1].x_cm - c->samples[0].x_cm;
    double dy = c->samples[c->count - 1].y_cm - c->samples[0].y_cm, len = hypot(dx, dy);
    if (len < 2.0) return none;
    GtPoint n = { -dy / len, dx / len };
    return n;
}

/* One jitter offset: Gaussian core, or now and then a Student-t outlier; never longer than
 * jitter_max_cm. */
static GtPoint jitter_offset(Attempt *a) {
    GtPoint j;
    if (gt_rng_uniform(&a->jitter) < a->p->outlier_probability) {
        double scale = a->jitter_sd_cm * a->p->outlier_scale;
        j.x = scale * gt_rng_student_t3(&a->jitter);
        j.y = scale * gt_rng_student_t3(&a->jitter);
        a->report->outliers++;
    } else {
        j.x = a->jitter_sd_cm * gt_rng_gaussian(&a->jitter);
        j.y = a->jitter_sd_cm * gt_rng_gaussian(&a->jitter);
    }
    double r = hypot(j.x, j.y);
    if (r > a->p->jitter_max_cm) {
        j.x *= a->p->jitter_max_cm / r;
        j.y *= a->p->jitter_max_cm / r;
    }
    return j;
}

/* The noisy sample at real time tau of clean contact c. */
static GtSample noisy_at(Attempt *a, const GtContact *c, GtPoint side, double tau, size_t *cursor) {
    GtSample s = clean_at(c, warp_inverse(&a->warp, tau), cursor);
    double wx = smooth_at(&a->wander_x, tau), wy = smooth_at(&a->wander_y, tau);
    if (side.x != 0.0 || side.y != 0.0) {
        double w = wx * sqrt(2.0);
        wx = w * side.x;
        wy = w * side.y;
    }
    GtPoint j = jitter_offset(a);
    s.t_ms = tau;
    s.x_cm += wx + j.x;
    s.y_cm += wy + j.y;
    if (a->p->pixel_cm > 0.0) {
        s.x_cm = round(s.x_cm / a->p->pixel_cm) * a->p->pixel_cm;
        s.y_cm = round(s.y_cm / a->p->pixel_cm) * a->p->pixel_cm;
    }
    s.pressure = fmax(0.0, fmin(1.0, s.pressure * (1.0 + smooth_at(&a->pressure, tau))));
    return gt_sample_quantize(s);
}

/* The next sampling interval, ms: usually the period give or take the spread; now and then 0
 * (a repeated timestamp) or a gap. */
static double next_interval(Attempt *a, bool *repeat, bool *gap) {
    const GtNoiseParams *p = a->p;
    *repeat = *gap = false;
    if (gt_rng_uniform(&a->sampling) < p->repeat_probability) {
        *repeat = true;
        return 0.0;
    }
    if (gt_rng_uniform(&a->sampling) < p->gap_probability) {
        *gap = true;
        return gt_rng_range(&a->sampling, p->gap_ms_min, p->gap_ms_max);
    }
    double dt = a->period_ms * (1.0 + p->sample_spread * gt_rng_range(&a->sampling, -1.0, 1.0));
    return fmax(p->sample_ms_min, fmin(p->sample_ms_max, dt));
}

/* Re-samples clean contact c into contact `index` of out: from its warped start to its warped
 * end (both always sampled) at uneven real times. */
static bool resample_contact(Attempt *a, const GtContact *c, GtReplay *out, int index) {
    if (c->count == 0) return true;
    double start = warp_forward(&a->warp, c->samples[0].t_ms);
    double end = warp_forward(&a->warp, c->samples[c->count - 1].t_ms);
    GtPoint side = sideways(c);
    size_t cursor = 0;
    double tau = start, previous = start;
    for (;;) {
        bool last = tau >= end;
        if (last) tau = end;
        a->report->max_interval_ms = fmax(a->report->max_interval_ms, tau - previous);
        if (!gt_replay_add_sample(out, index, noisy_at(a, c, side, tau, &cursor))) return false;
        a->report->samples++;
        if (last) return true;
        previous = tau;
        bool repeat, gap;
        tau += next_interval(a, &repeat, &gap);
        a->report->repeats += repeat;
        a->report->gaps += gap && tau < end;
    }
}

/* Draws everything one attempt needs: the per-attempt levels, the warp and the smooth
 * processes on the warped span. */
static bool attempt_make(Attempt *a, const GtNoiseParams *p, uint64_t seed, double first, double last,
                         GtNoiseReport *report) {
    memset(a, 0, sizeof *a);
    a->p = p;
    a->report = report;
    GtRng draw = stream(seed, 1), tempo = stream(seed, 2), wander = stream(seed, 3), press = stream(seed, 4);
    a->sampling = stream(seed, 5);
    a->jitter = stream(seed, 6);
    a->jitter_sd_cm = gt_rng_range(&draw, p->jitter_sd_min_cm, p->jitter_sd_max_cm);
    double wander_cm = gt_rng_range(&draw, p->wander_min_cm, p->wander_max_cm);
    a->period_ms = exp(gt_rng_range(&draw, log(p->sample_ms_min), log(p->sample_ms_max)));
    report->jitter_sd_cm = a->jitter_sd_cm;
    report->wander_cm = wander_cm;
    report->period_ms = a->period_ms;
    if (!warp_make(&a->warp, &tempo, p, first, last)) return false;
    double from = warp_forward(&a->warp, first), to = warp_forward(&a->warp, last);
    report->span_ratio = last > first ? (to - from) / (last - first) : 1.0;
    double axis_sd = wander_cm / sqrt(2.0);
    return smooth_make(&a->wander_x, &wander, axis_sd, p->wander_corr_ms, from, to) &&
           smooth_make(&a->wander_y, &wander, axis_sd, p->wander_corr_ms, from, to) &&
           smooth_make(&a->pressure, &press, p->pressure_sd, p->pressure_corr_ms, from, to);
}

static void attempt_free(Attempt *a) {
    free(a->warp.real_ms);
    smooth_free(&a->wander_x);
    smooth_free(&a->wander_y);
    smooth_free(&a->pressure);
}

bool gt_noise_apply(const GtNoiseParams *params, uint64_t seed, const GtReplay *clean, GtReplay *out,
                    GtNoiseReport *report) {
    GtNoiseReport scratch;
    if (!report) report = &scratch;
    memset(report, 0, sizeof *report);
    gt_replay_init_like(out, clean);
    out->device = params->device;
    out->pressure_source = params->pressure_source;
    double first, last;
    if (!gt_replay_time_span(clean, &first, &last)) return true;
    Attempt a;
    bool ok = attempt_make(&a, params, seed, first, last, report);
    for (size_t c = 0; ok && c < clean->contact_count; c++) {
        int index = gt_replay_add_contact(out, clean->contacts[c].id);
        ok = index >= 0 && resample_contact(&a, &clean->contacts[c], out, index);
    }
    attempt_free(&a);
    if (!ok) gt_replay_free(out);
    return ok;
}
