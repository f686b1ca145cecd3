#include "gt_record.h"
#include "gt_motion.h"

#include <math.h>
#include <string.h>

static const double FIRST_TOLERANCE_CM = 0.3;

/* Distance from p to the segment a-b. */
static double segment_distance(GtPoint p, GtPoint a, GtPoint b) {
    double dx = b.x - a.x, dy = b.y - a.y, length2 = dx * dx + dy * dy;
    double t = length2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    return hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/* Marks the points of [first, last] to keep (Douglas-Peucker), iteratively with a small stack. */
static void mark(const GtPoint *points, size_t first, size_t last, double tolerance, bool *keep) {
    size_t stack[128][2], depth = 0;
    stack[depth][0] = first;
    stack[depth++][1] = last;
    while (depth) {
        depth--;
        size_t a = stack[depth][0], b = stack[depth][1], far = a;
        double farthest = 0;
        for (size_t i = a + 1; i < b; i++) {
            double d = segment_distance(points[i], points[a], points[b]);
            if (d > farthest) {
                farthest = d;
                far = i;
            }
        }
        if (farthest <= tolerance || far == a) continue;
        keep[far] = true;
        if (depth + 2 > 128) continue; /* a pathological path keeps what it has */
        stack[depth][0] = a;
        stack[depth++][1] = far;
        stack[depth][0] = far;
        stack[depth++][1] = b;
    }
}

size_t gt_record_simplify(const GtPoint *points, size_t count, GtPoint *out, size_t max) {
    if (count == 0 || max == 0) return 0;
    if (count == 1 || max == 1) {
        out[0] = points[0];
        return 1;
    }
    bool keep_buffer[4096];
    size_t n = count < 4096 ? count : 4096;
    for (double tolerance = FIRST_TOLERANCE_CM;; tolerance *= 1.5) {
        memset(keep_buffer, 0, n);
        keep_buffer[0] = keep_buffer[n - 1] = true;
        mark(points, 0, n - 1, tolerance, keep_buffer);
        size_t kept = 0;
        for (size_t i = 0; i < n; i++) kept += keep_buffer[i];
        if (kept > max) continue;
        size_t written = 0;
        for (size_t i = 0; i < n; i++)
            if (keep_buffer[i]) out[written++] = points[i];
        return written;
    }
}

/* The contact that travelled furthest (for a glide's guide) or lasted longest (for a hold). */
static const GtContact *main_contact(const GtReplay *recording, bool by_duration) {
    const GtContact *best = NULL;
    double best_value = -1;
    for (size_t c = 0; c < recording->contact_count; c++) {
        const GtContact *contact = &recording->contacts[c];
        if (contact->count == 0) continue;
        double value = 0;
        if (by_duration) value = contact->samples[contact->count - 1].t_ms - contact->samples[0].t_ms;
        else
            for (size_t i = 1; i < contact->count; i++)
                value += hypot(contact->samples[i].x_cm - contact->samples[i - 1].x_cm,
                               contact->samples[i].y_cm - contact->samples[i - 1].y_cm);
        if (value > best_value) {
            best_value = value;
            best = contact;
        }
    }
    return best;
}

/* A roll's guide: the straight line between the two ends its longest contact reached along the
 * line it rolled (its long axis), whichever pass reached them; no guide when it barely moved. */
static void roll_guide(const GtContact *contact, GtDerivedStep *out) {
    double axis = gt_contact_long_axis(contact), ux = cos(axis), uy = sin(axis);
    size_t lo = 0, hi = 0;
    for (size_t i = 1; i < contact->count; i++) {
        double p = contact->samples[i].x_cm * ux + contact->samples[i].y_cm * uy;
        if (p < contact->samples[lo].x_cm * ux + contact->samples[lo].y_cm * uy) lo = i;
        if (p > contact->samples[hi].x_cm * ux + contact->samples[hi].y_cm * uy) hi = i;
    }
    size_t first = lo < hi ? lo : hi, last = lo < hi ? hi : lo;   /* in the order first reached */
    out->guide[0] = (GtPoint){ contact->samples[first].x_cm, contact->samples[first].y_cm };
    out->guide[1] = (GtPoint){ contact->samples[last].x_cm, contact->samples[last].y_cm };
    out->guide_count = 2;
    out->guide_derived = gt_distance(out->guide[0], out->guide[1]) >= 1.0;
    if (!out->guide_derived) out->guide_count = 0;
}

/* Writes the guide: the longest stroke simplified for glides and rolls, the mean spot of the
 * longest contact for holds; other patterns keep the step's guide. */
static void derive_guide(const GtStep *step, const GtReplay *recording, GtDerivedStep *out) {
    GtPattern pattern = step->technique->pattern;
    if (pattern == GT_PATTERN_HOLD) {
        const GtContact *contact = main_contact(recording, true);
        double x = 0, y = 0;
        for (size_t i = 0; i < contact->count; i++) {
            x += contact->samples[i].x_cm;
            y += contact->samples[i].y_cm;
        }
        out->guide[0] = (GtPoint){ x / (double)contact->count, y / (double)contact->count };
        out->guide_count = 1;
        out->guide_is_point = out->guide_derived = true;
        return;
    }
    if (pattern == GT_PATTERN_ROLL) {
        roll_guide(main_contact(recording, false), out);
        return;
    }
    if (pattern != GT_PATTERN_GLIDE) return;
    const GtContact *contact = main_contact(recording, false);
    GtPoint points[4096];
    size_t n = contact->count < 4096 ? contact->count : 4096;
    for (size_t i = 0; i < n; i++) points[i] = (GtPoint){ contact->samples[i].x_cm, contact->samples[i].y_cm };
    out->guide_count = gt_record_simplify(points, n, out->guide, GT_RECORD_GUIDE_MAX);
    out->guide_derived = out->guide_count >= 2;
}

/* The band [value / ratio, value * ratio] (or value +- spread when ratio is 0) inside `outer`,
 * at least `least` wide where the outer band allows; the outer band when value is NAN. */
static GtRange band_around(double value, double ratio, double spread, double least, GtRange outer) {
    if (isnan(value)) return outer;
    GtRange r = ratio > 0 ? (GtRange){ value / ratio, value * ratio } : (GtRange){ value - spread, value + spread };
    r.min = fmax(r.min, outer.min);
    r.max = fmin(r.max, outer.max);
    if (r.min > r.max) return outer;
    while (r.max - r.min < least && (r.min > outer.min || r.max < outer.max)) {
        r.min = fmax(outer.min, r.min - 0.05);
        r.max = fmin(outer.max, r.max + 0.05);
    }
    r.min = round(r.min * 10) / 10;
    r.max = round(r.max * 10) / 10;
    return r;
}

/* The card's measured value of `criterion`, NAN when it was not scored. */
static double measured(const GtScoreCard *card, GtCriterion criterion) {
    for (size_t i = 0; i < card->criterion_count; i++)
        if (card->criteria[i].criterion == criterion) return card->criteria[i].measured;
    return NAN;
}

bool gt_record_derive(const GtStep *step, const GtReplay *recording, const GtScoreCard *card, GtDerivedStep *out) {
    memset(out, 0, sizeof *out);
    const GtTechnique *t = step->technique;
    if (!t || !main_contact(recording, false)) return false;
    out->measured_level = measured(card, GT_CRITERION_PRESSURE);
    out->measured_speed = measured(card, GT_CRITERION_SPEED);
    out->measured_tempo = measured(card, GT_CRITERION_RHYTHM);
    out->measured_hold = measured(card, GT_CRITERION_HOLD);
    if (isnan(out->measured_level)) return false;
    derive_guide(step, recording, out);
    out->pressure_level = band_around(out->measured_level, 0, 1.0, 1.0, t->pressure_level);
    out->has_speed = t->has_speed;
    if (t->has_speed) out->speed_cm_s = band_around(out->measured_speed, 1.4, 0, 0.5, t->speed_cm_s);
    out->has_tempo = t->has_tempo && !t->tempo_in_hz;
    if (out->has_tempo) out->tempo_per_min = band_around(out->measured_tempo, 1.2, 0, 2.0, t->tempo_per_min);
    out->has_hold = t->has_hold;
    if (t->has_hold) out->hold_s = band_around(out->measured_hold, 1.25, 0, 2.0, t->hold_s);
    double done = card->completion.applies ? card->completion.done : 0;
    if (step->repetitions > 0) out->repetitions = done >= 1 ? (int)floor(done) : 1;
    else out->duration_s = done >= 5 ? floor(done) : 5;
    return true;
}
