/* Cycle detection: the repeated movements a rhythmic technique is made of, found in a
 * conditioned replay (see gt_condition.h). Circles and kneading are counted by winding round
 * a local centre, cross-fibre strokes and the passes of a roll by turning points with hysteresis,
 * taps by contact onsets. */
#include "gt_motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct EventList {
    GtCycleEvent *items;
    size_t count, capacity;
} EventList;

/* Appends an event; false when memory runs out. */
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

/* The period of one cycle at the fast end of the technique's tempo band, ms (a second without one). */
static double shortest_period_ms(const GtTechnique *t) {
    return t->has_tempo && t->tempo_per_min.max > 0.0 ? 60000.0 / t->tempo_per_min.max : 1000.0;
}

/* One stretch of a contact and the net winding of its direction of travel over it. */
typedef struct Chunk {
    size_t contact;
    size_t first, last;     /* sample indices where the chunk began and ended */
    double t0_ms, t1_ms;
    double turn;            /* radians, positive = clockwise on screen */
} Chunk;

/* Receives each chunk in order; false stops the walk. */
typedef bool (*ChunkVisit)(void *context, const Chunk *chunk);

/* Smallest step (cm) between the points a heading is measured over: a twentieth of the
 * movement's size, at least half a millimetre and at least the hand's own jitter, so a hand
 * that barely moves has no heading and noise cannot fake a turn. */
static double heading_step_cm(const GtTechnique *t, double jitter_cm) {
    return fmax(fmax(0.05, 0.05 * t->amplitude_cm), jitter_cm);
}

/* Walks contact c, turning the direction of travel (the heading between points at least a
 * heading step apart) into a winding: a full circle turns the heading by one full turn,
 * wherever its centre is and however its speed varies. Reports the net winding of every
 * `chunk_ms` stretch: jitter winds both ways inside a chunk and cancels, circling adds up.
 * False when a visit failed. */
static bool walk_winding(const GtReplay *replay, size_t c, double step_cm, double chunk_ms, ChunkVisit visit,
                         void *context) {
    const GtContact *contact = &replay->contacts[c];
    size_t n = contact->count;
    if (n < 3) return true;
    GtSample anchor = contact->samples[0];
    Chunk chunk = { c, 0, 0, anchor.t_ms, anchor.t_ms, 0.0 };
    double heading = 0.0;
    bool have_heading = false;
    for (size_t k = 1; k < n; k++) {
        const GtSample *s = &contact->samples[k];
        double dx = s->x_cm - anchor.x_cm, dy = s->y_cm - anchor.y_cm;
        if (hypot(dx, dy) >= step_cm) {
            double h = atan2(dy, dx);
            if (have_heading) {
                double d = h - heading;
                while (d > GT_PI) d -= 2.0 * GT_PI;
                while (d <= -GT_PI) d += 2.0 * GT_PI;
                chunk.turn += d;
            }
            heading = h;
            have_heading = true;
            anchor = *s;
        }
        if (s->t_ms - chunk.t0_ms >= chunk_ms || k + 1 == n) {
            chunk.last = k;
            chunk.t1_ms = s->t_ms;
            if (!visit(context, &chunk)) return false;
            chunk = (Chunk){ c, k, k, s->t_ms, s->t_ms, 0.0 };
        }
    }
    return true;
}

typedef struct CycleWalk {
    EventList *events;
    double turned;      /* unsigned winding so far in this contact, radians */
    long completed;     /* whole turns recorded in this contact */
    double net;         /* signed winding over all contacts */
} CycleWalk;

/* Adds a chunk's winding; every whole turn is one cycle, whichever way it went. A turn that
 * completes inside a chunk is placed by interpolation, as if the chunk turned evenly. */
static bool count_turns(void *context, const Chunk *chunk) {
    CycleWalk *walk = context;
    double before = walk->turned, size = fabs(chunk->turn);
    walk->turned += size;
    walk->net += chunk->turn;
    while (walk->completed < (long)floor(walk->turned / (2.0 * GT_PI))) {
        walk->completed++;
        double f = size > 0.0 ? ((double)walk->completed * 2.0 * GT_PI - before) / size : 1.0;
        f = fmin(1.0, fmax(0.0, f));
        size_t sample = chunk->first + (size_t)lround(f * (double)(chunk->last - chunk->first));
        double t_ms = chunk->t0_ms + f * (chunk->t1_ms - chunk->t0_ms);
        if (!push_event(walk->events, chunk->contact, sample, t_ms)) return false;
    }
    return true;
}

/* Chunks of a quarter of the shortest cycle: long enough to cancel jitter, short enough to
 * see a change of sense. */
static double winding_chunk_ms(const GtTechnique *t) {
    return fmax(2.0 * GT_CONDITION_CHUNK_MIN_MS, 0.25 * shortest_period_ms(t));
}

static bool winding_cycles(const GtTechnique *t, const GtReplay *replay, double jitter_cm, EventList *events,
                           int *turning_sign) {
    CycleWalk walk = { events, 0.0, 0, 0.0 };
    for (size_t c = 0; c < replay->contact_count; c++) {
        walk.turned = 0.0;
        walk.completed = 0;
        if (!walk_winding(replay, c, heading_step_cm(t, jitter_cm), winding_chunk_ms(t), count_turns, &walk)) return false;
    }
    *turning_sign = walk.net > 0.0 ? 1 : walk.net < 0.0 ? -1 : 0;
    return true;
}

typedef struct TurnTotals {
    double clockwise, counter;
} TurnTotals;

static bool add_turn(void *context, const Chunk *chunk) {
    TurnTotals *totals = context;
    if (chunk->turn > 0) totals->clockwise += chunk->turn;
    else totals->counter -= chunk->turn;
    return true;
}

void gt_turning_totals(const GtTechnique *technique, const GtReplay *replay, double jitter_cm, double *clockwise_rad,
                       double *counter_rad) {
    TurnTotals totals = { 0.0, 0.0 };
    for (size_t c = 0; c < replay->contact_count; c++)
        walk_winding(replay, c, heading_step_cm(technique, jitter_cm), winding_chunk_ms(technique), add_turn, &totals);
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

/* Back-and-forth strokes of one contact: turning points along `axis` (radians), with hysteresis
 * so that jitter is not a stroke. One cycle ends at every `per_cycle`-th turning point: 2 for
 * cross-fibre strokes (back at the same end), 1 for the passes of a roll (each way is one). */
static bool reversal_cycles_of(const GtReplay *replay, size_t c, double axis, double hysteresis, int per_cycle,
                               EventList *events) {
    const GtContact *contact = &replay->contacts[c];
    if (contact->count < 3) return true;
    double ux = cos(axis), uy = sin(axis);
    double position0 = contact->samples[0].x_cm * ux + contact->samples[0].y_cm * uy, extreme = position0;
    size_t extreme_index = 0;
    int direction = 0, turns = 0;   /* direction: +1 rising, -1 falling, 0 not yet known */
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
            if (turns % per_cycle == 0 && !push_event(events, c, extreme_index, contact->samples[extreme_index].t_ms))
                return false;
            direction = -direction;
            extreme = p;
            extreme_index = k;
        }
    }
    return true;
}

double gt_contact_long_axis(const GtContact *contact) {
    double mx = 0.0, my = 0.0, sxx = 0.0, syy = 0.0, sxy = 0.0, n = contact->count ? (double)contact->count : 1.0;
    for (size_t k = 0; k < contact->count; k++) {
        mx += contact->samples[k].x_cm / n;
        my += contact->samples[k].y_cm / n;
    }
    for (size_t k = 0; k < contact->count; k++) {
        double dx = contact->samples[k].x_cm - mx, dy = contact->samples[k].y_cm - my;
        sxx += dx * dx;
        syy += dy * dy;
        sxy += dx * dy;
    }
    return 0.5 * atan2(2.0 * sxy, sxx - syy);
}

/* The passes of one contact of a roll: a pass begins when a contact that rolls (its span along
 * its long axis reaches `hysteresis`) begins, and at each of its turning points along that axis. */
static bool roll_passes_of(const GtReplay *replay, size_t c, double hysteresis, EventList *events) {
    const GtContact *contact = &replay->contacts[c];
    if (contact->count < 3) return true;
    double axis = gt_contact_long_axis(contact), ux = cos(axis), uy = sin(axis), lo = INFINITY, hi = -INFINITY;
    for (size_t k = 0; k < contact->count; k++) {
        double p = contact->samples[k].x_cm * ux + contact->samples[k].y_cm * uy;
        lo = fmin(lo, p);
        hi = fmax(hi, p);
    }
    if (hi - lo < hysteresis) return true;
    return push_event(events, c, 0, contact->samples[0].t_ms) &&
           reversal_cycles_of(replay, c, axis, hysteresis, 1, events);
}

/* Links consecutive events (of one contact, or of all for taps) into intervals. */
static bool fill_intervals(GtCycles *out, bool across_contacts) {
    if (out->count < 2) return true;
    out->intervals_ms = malloc((out->count - 1) * sizeof *out->intervals_ms);
    if (!out->intervals_ms) return false;
    for (size_t i = 1; i < out->count; i++) {
        for (size_t j = i; j-- > 0;) {
            if (across_contacts || out->events[j].contact == out->events[i].contact) {
                out->intervals_ms[out->interval_count++] = out->events[i].t_ms - out->events[j].t_ms;
                break;
            }
        }
    }
    return true;
}

bool gt_detect_technique_cycles(const GtTechnique *t, const GtReplay *replay, double jitter_cm, GtCycles *out) {
    memset(out, 0, sizeof *out);
    EventList events = { NULL, 0, 0 };
    bool ok = true, across_contacts = false;
    switch (t->pattern) {
    case GT_PATTERN_TAP:
    case GT_PATTERN_GLIDE:
        across_contacts = true;
        for (size_t c = 0; ok && c < replay->contact_count; c++)
            if (replay->contacts[c].count) ok = push_event(&events, c, 0, replay->contacts[c].samples[0].t_ms);
        break;
    case GT_PATTERN_CIRCLE:
    case GT_PATTERN_KNEAD:
        ok = winding_cycles(t, replay, jitter_cm, &events, &out->turning_sign);
        break;
    case GT_PATTERN_CROSS_FIBRE:
        for (size_t c = 0; ok && c < replay->contact_count; c++)
            ok = replay->contacts[c].count < 3 ||
                 reversal_cycles_of(replay, c, motion_axis(&replay->contacts[c]), fmax(0.3, 0.3 * t->amplitude_cm), 2,
                                    &events);
        break;
    case GT_PATTERN_ROLL:
        across_contacts = true;
        for (size_t c = 0; ok && c < replay->contact_count; c++)
            ok = roll_passes_of(replay, c, gt_roll_reversal_cm(jitter_cm), &events);
        break;
    case GT_PATTERN_HOLD:
    case GT_PATTERN_COUNT:
        break;
    }
    if (!ok) { free(events.items); return false; }
    if (events.count) qsort(events.items, events.count, sizeof *events.items, compare_events);
    out->events = events.items;
    out->count = events.count;
    if (!fill_intervals(out, across_contacts)) { gt_cycles_free(out); return false; }
    return true;
}

void gt_cycles_free(GtCycles *cycles) {
    free(cycles->events);
    free(cycles->intervals_ms);
    memset(cycles, 0, sizeof *cycles);
}
