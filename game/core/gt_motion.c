#include "gt_motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_weighted(const void *a, const void *b) {
    double x = ((const GtWeighted *)a)->value, y = ((const GtWeighted *)b)->value;
    return (x > y) - (x < y);
}

double gt_weighted_quantile(GtWeighted *items, size_t n, double q) {
    if (n == 0) return NAN;
    qsort(items, n, sizeof *items, compare_weighted);
    double total = 0.0;
    for (size_t i = 0; i < n; i++) total += items[i].weight;
    bool equal = total <= 0.0;
    if (equal) total = (double)n;
    double target = q * total, running = 0.0;
    for (size_t i = 0; i < n; i++) {
        running += equal ? 1.0 : items[i].weight;
        if (running >= target && (running > 0.0 || i == n - 1)) return items[i].value;
    }
    return items[n - 1].value;
}

double gt_weighted_mean(const GtWeighted *items, size_t n) {
    double sum = 0.0, total = 0.0;
    for (size_t i = 0; i < n; i++) { sum += items[i].value * items[i].weight; total += items[i].weight; }
    if (total <= 0.0) {
        if (n == 0) return NAN;
        for (size_t i = 0; i < n; i++) sum += items[i].value;
        return sum / (double)n;
    }
    return sum / total;
}

double gt_weighted_cv(const GtWeighted *items, size_t n) {
    double mean = gt_weighted_mean(items, n);
    if (!(fabs(mean) > 0.0)) return 0.0;
    double sum = 0.0, total = 0.0;
    for (size_t i = 0; i < n; i++) {
        double w = items[i].weight;
        sum += w * (items[i].value - mean) * (items[i].value - mean);
        total += w;
    }
    return total > 0.0 ? sqrt(sum / total) / fabs(mean) : 0.0;
}

double gt_sample_duration_ms(const GtContact *contact, size_t k) {
    if (k + 1 >= contact->count) return 0.0;
    return contact->samples[k + 1].t_ms - contact->samples[k].t_ms;
}

double gt_band_score(double value, double lo, double hi, double tolerance) {
    if (isnan(value)) return 0.0;
    double d = value < lo ? lo - value : value > hi ? value - hi : 0.0;
    if (d <= 0.0) return 100.0;
    if (!(tolerance > 0.0)) return 0.0;
    double x = d / tolerance;
    return 100.0 * exp2(-x * x);
}

double gt_ratio_band_score(double value, double lo, double hi, double ratio) {
    if (!(value > 0.0)) return 0.0;
    double d = value < lo ? log(lo / value) : value > hi ? log(value / hi) : 0.0;
    return gt_band_score(d, 0.0, 0.0, log(ratio));
}

/* ---- cycle detection ---- */

typedef struct EventList {
    GtCycleEvent *items;
    size_t count, capacity;
} EventList;

static bool push_event(EventList *list, size_t contact, size_t sample, double t_ms) {
    if (list->count == list->capacity) {
        size_t capacity = list->capacity ? list->capacity * 2 : 32;
        GtCycleEvent *grown = realloc(list->items, capacity * sizeof *grown);
        if (!grown) return false;
        list->items = grown;
        list->capacity = capacity;
    }
    list->items[list->count++] = (GtCycleEvent){ contact, sample, t_ms };
    return true;
}

static int compare_events(const void *a, const void *b) {
    const GtCycleEvent *x = a, *y = b;
    if (x->t_ms != y->t_ms) return (x->t_ms > y->t_ms) - (x->t_ms < y->t_ms);
    return (x->contact > y->contact) - (x->contact < y->contact);
}

/* Smallest step (cm) between the points used to measure a heading: a tenth of the movement's
 * size, so that sensor and rounding jitter on small, slow circles cannot fake a turn. */
static double heading_step_cm(double amplitude_cm) {
    return fmax(0.05, 0.1 * amplitude_cm);
}

/* Calls `visit` with every change of heading (radians, positive = clockwise on screen) along
 * a contact, measured between points at least `step_cm` apart. False if a visit failed. */
typedef bool (*HeadingVisit)(void *context, size_t contact, size_t sample, double t_ms, double turn);

static bool walk_headings(const GtReplay *replay, size_t c, double step_cm, HeadingVisit visit, void *context) {
    const GtContact *contact = &replay->contacts[c];
    if (contact->count < 3) return true;
    GtSample anchor = contact->samples[0];
    bool have_heading = false;
    double heading = 0.0;
    for (size_t k = 1; k < contact->count; k++) {
        GtSample s = contact->samples[k];
        double dx = s.x_cm - anchor.x_cm, dy = s.y_cm - anchor.y_cm;
        if (hypot(dx, dy) < step_cm) continue;
        double h = atan2(dy, dx);
        anchor = s;
        if (have_heading) {
            double dh = h - heading;
            while (dh > GT_PI) dh -= 2.0 * GT_PI;
            while (dh <= -GT_PI) dh += 2.0 * GT_PI;
            if (!visit(context, c, k, s.t_ms, dh)) return false;
        }
        heading = h;
        have_heading = true;
    }
    return true;
}

typedef struct CycleWalk {
    EventList *events;
    double turned;      /* signed turn so far in this contact */
    long completed;     /* whole turns recorded in this contact */
    double total;       /* signed turn over all contacts */
} CycleWalk;

static bool count_turns(void *context, size_t contact, size_t sample, double t_ms, double turn) {
    CycleWalk *walk = context;
    walk->turned += turn;
    walk->total += turn;
    long whole = (long)floor(fabs(walk->turned) / (2.0 * GT_PI));
    while (walk->completed < whole) {
        walk->completed++;
        if (!push_event(walk->events, contact, sample, t_ms)) return false;
    }
    return true;
}

/* Revolutions of the direction of travel: each full turn of the heading is one cycle.
 * Works for circles, ellipses and circles that walk along a path. */
static bool heading_cycles(const GtReplay *replay, double amplitude_cm, EventList *events, int *turning_sign) {
    CycleWalk walk = { events, 0.0, 0, 0.0 };
    for (size_t c = 0; c < replay->contact_count; c++) {
        walk.turned = 0.0;
        walk.completed = 0;
        if (!walk_headings(replay, c, heading_step_cm(amplitude_cm), count_turns, &walk)) return false;
    }
    *turning_sign = walk.total > 0.0 ? 1 : walk.total < 0.0 ? -1 : 0;
    return true;
}

typedef struct TurnTotals {
    double clockwise, counter;
} TurnTotals;

static bool add_turn(void *context, size_t contact, size_t sample, double t_ms, double turn) {
    (void)contact;
    (void)sample;
    (void)t_ms;
    TurnTotals *totals = context;
    if (turn > 0) totals->clockwise += turn;
    else totals->counter -= turn;
    return true;
}

void gt_turning_totals(const GtReplay *replay, double amplitude_cm, double *clockwise_rad, double *counter_rad) {
    TurnTotals totals = { 0.0, 0.0 };
    for (size_t c = 0; c < replay->contact_count; c++)
        walk_headings(replay, c, heading_step_cm(amplitude_cm), add_turn, &totals);
    *clockwise_rad = totals.clockwise;
    *counter_rad = totals.counter;
}

/* The main axis of a contact's motion (angle in radians), from the covariance of its steps. */
static double motion_axis(const GtContact *contact) {
    double sxx = 0.0, syy = 0.0, sxy = 0.0;
    for (size_t k = 1; k < contact->count; k++) {
        double dx = contact->samples[k].x_cm - contact->samples[k - 1].x_cm;
        double dy = contact->samples[k].y_cm - contact->samples[k - 1].y_cm;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    return 0.5 * atan2(2.0 * sxy, sxx - syy);
}

/* Back-and-forth strokes: turning points along the main axis, with hysteresis so that
 * jitter is not counted. One cycle ends at every second turning point (same end). */
static bool reversal_cycles(const GtReplay *replay, double amplitude_cm, EventList *events) {
    double hysteresis = fmax(0.3, 0.3 * amplitude_cm);
    for (size_t c = 0; c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        if (contact->count < 3) continue;
        double axis = motion_axis(contact);
        double ux = cos(axis), uy = sin(axis);
        double position0 = contact->samples[0].x_cm * ux + contact->samples[0].y_cm * uy;
        double extreme = position0;
        size_t extreme_index = 0;
        int direction = 0;   /* +1 rising, -1 falling, 0 not yet known */
        int turns = 0;
        for (size_t k = 1; k < contact->count; k++) {
            double p = contact->samples[k].x_cm * ux + contact->samples[k].y_cm * uy;
            if (direction == 0) {
                if (fabs(p - position0) >= hysteresis) { direction = p > position0 ? 1 : -1; extreme = p; extreme_index = k; }
                continue;
            }
            if ((direction > 0 && p > extreme) || (direction < 0 && p < extreme)) {
                extreme = p;
                extreme_index = k;
            } else if (fabs(p - extreme) >= hysteresis) {
                turns++;
                if (turns % 2 == 0 &&
                    !push_event(events, c, extreme_index, contact->samples[extreme_index].t_ms))
                    return false;
                direction = -direction;
                extreme = p;
                extreme_index = k;
            }
        }
    }
    return true;
}

bool gt_detect_cycles(GtPattern pattern, double amplitude_cm, const GtReplay *replay, GtCycles *out) {
    memset(out, 0, sizeof *out);
    EventList events = { NULL, 0, 0 };
    bool ok = true;
    bool across_contacts = false;
    switch (pattern) {
    case GT_PATTERN_TAP:
    case GT_PATTERN_GLIDE:
        across_contacts = true;
        for (size_t c = 0; ok && c < replay->contact_count; c++)
            if (replay->contacts[c].count) ok = push_event(&events, c, 0, replay->contacts[c].samples[0].t_ms);
        break;
    case GT_PATTERN_CIRCLE:
    case GT_PATTERN_KNEAD:
        ok = heading_cycles(replay, amplitude_cm, &events, &out->turning_sign);
        break;
    case GT_PATTERN_CROSS_FIBRE:
        ok = reversal_cycles(replay, amplitude_cm, &events);
        break;
    case GT_PATTERN_HOLD:
    case GT_PATTERN_COUNT:
        break;
    }
    if (!ok) { free(events.items); return false; }
    if (events.count) qsort(events.items, events.count, sizeof *events.items, compare_events);
    out->events = events.items;
    out->count = events.count;
    if (events.count > 1) {
        out->intervals_ms = malloc((events.count - 1) * sizeof *out->intervals_ms);
        if (!out->intervals_ms) { gt_cycles_free(out); return false; }
        /* events are in time order; intervals link consecutive events of the same contact */
        for (size_t i = 1; i < events.count; i++) {
            const GtCycleEvent *a = NULL;
            for (size_t j = i; j-- > 0;) {
                if (across_contacts || events.items[j].contact == events.items[i].contact) { a = &events.items[j]; break; }
            }
            if (a) out->intervals_ms[out->interval_count++] = events.items[i].t_ms - a->t_ms;
        }
    }
    return true;
}

void gt_cycles_free(GtCycles *cycles) {
    free(cycles->events);
    free(cycles->intervals_ms);
    memset(cycles, 0, sizeof *cycles);
}

GtSample gt_sample_quantize(GtSample s) {
    s.t_ms = round(s.t_ms);
    s.x_cm = round(s.x_cm * 100.0) / 100.0;
    s.y_cm = round(s.y_cm * 100.0) / 100.0;
    s.pressure = round(s.pressure * 1000.0) / 1000.0;
    if (s.pressure < 0.0) s.pressure = 0.0;
    if (s.pressure > 1.0) s.pressure = 1.0;
    return s;
}

double gt_pressing_level(const GtTechnique *technique) {
    return fmax(0.1, 0.25 * technique->pressure_level.min);
}

double gt_pattern_reach_cm(const GtTechnique *technique) {
    switch (technique->pattern) {
    case GT_PATTERN_CIRCLE:
    case GT_PATTERN_KNEAD: return 0.6 * technique->amplitude_cm;
    case GT_PATTERN_CROSS_FIBRE: return 0.8 * technique->amplitude_cm;
    case GT_PATTERN_TAP: return 0.5 * technique->amplitude_cm;
    case GT_PATTERN_HOLD: return technique->drift_max_cm;
    default: return 0.0;
    }
}

double gt_band_geometric_mid(GtRange range) {
    if (range.min <= 0.0) return gt_band_mid(range);
    return sqrt(range.min * range.max);
}

double gt_band_mid(GtRange range) {
    return 0.5 * (range.min + range.max);
}
