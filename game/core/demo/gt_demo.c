#include "gt_demo.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Pause between separate strokes or holds, ms. */
static const double DEMO_LIFT_MS = 600.0;
static const double HOLD_RAMP_MS = 2500.0;
static const double HOLD_SAMPLE_MS = 50.0;
/* Pause between separate holds: release, breathe, find the point again, ms. */
static const double HOLD_PAUSE_MS = 2000.0;

typedef struct Builder {
    GtReplay *replay;
    int contact;      /* index of the open contact, -1 when none */
    bool ok;
} Builder;

static void begin_contact(Builder *b, int id) {
    if (!b->ok) return;
    b->contact = gt_replay_add_contact(b->replay, id);
    b->ok = b->contact >= 0;
}

static void add(Builder *b, double t_ms, GtPoint p, double level) {
    if (!b->ok) return;
    GtSample s = { t_ms, p.x, p.y, level / 10.0 };
    b->ok = gt_replay_add_sample(b->replay, b->contact, gt_sample_quantize(s));
}

/* The guide as the stroke should travel it: reversed when the technique heads for a landmark
 * that lies nearer the guide's first point than its last. */
static void travel_order(const GtStep *step, const GtBodyMap *map, GtPoint *points, GtPointList *out) {
    const GtTechnique *t = step->technique;
    size_t n = step->guide.count;
    bool reverse = false;
    if (t->direction == GT_DIRECTION_TOWARD_LANDMARK && n > 1) {
        const GtLandmark *m = gt_bodymap_landmark(map, step->toward ? step->toward : t->toward_landmark);
        if (m) reverse = gt_landmark_distance(m, step->guide.points[0]) < gt_landmark_distance(m, step->guide.points[n - 1]);
    }
    for (size_t i = 0; i < n; i++) points[i] = step->guide.points[reverse ? n - 1 - i : i];
    out->points = points;
    out->count = n;
}

static int glide_strokes(const GtStep *step, double stroke_ms) {
    if (step->repetitions > 0) return step->repetitions;
    int strokes = (int)floor(step->duration_s * 1000.0 / (stroke_ms + DEMO_LIFT_MS));
    return strokes > 0 ? strokes : 1;
}

static void demo_glide(Builder *b, const GtStep *step, const GtPointList *guide) {
    const GtTechnique *t = step->technique;
    double speed = gt_band_geometric_mid(t->speed_cm_s);   /* cm/s */
    double level = gt_band_mid(t->pressure_level);
    double length = gt_polyline_length(guide);
    double stroke_ms = length / speed * 1000.0;
    int strokes = glide_strokes(step, stroke_ms);
    double t0 = 0.0;
    for (int s = 0; s < strokes && b->ok; s++) {
        begin_contact(b, 0);
        for (double t_ms = 0.0;; t_ms += GT_DEMO_SAMPLE_MS) {
            bool last = t_ms >= stroke_ms;
            double along = last ? length : speed * t_ms / 1000.0;
            add(b, t0 + (last ? stroke_ms : t_ms), gt_polyline_point_at(guide, along, NULL), level);
            if (last) break;
        }
        t0 += stroke_ms + DEMO_LIFT_MS;
    }
}

/* Number of cycles a rhythmic step asks for. */
static int step_cycles(const GtStep *step, double period_ms) {
    if (step->repetitions > 0) return step->repetitions;
    int cycles = (int)floor(step->duration_s * 1000.0 / period_ms);
    return cycles > 1 ? cycles : 2;
}

/* Circles and kneading: a point turning round a centre that walks along the guide. */
static void demo_circles(Builder *b, const GtStep *step, const GtPointList *guide) {
    const GtTechnique *t = step->technique;
    double period = 60000.0 / gt_band_geometric_mid(t->tempo_per_min);
    int cycles = step_cycles(step, period);
    double radius = gt_pattern_reach_cm(t);
    double sense = t->turning == GT_TURNING_COUNTERCLOCKWISE ? -1.0 : 1.0;
    double length = gt_polyline_length(guide), duration = cycles * period;
    double level = gt_band_mid(t->pressure_level);
    begin_contact(b, 0);
    for (double t_ms = 0.0; t_ms <= duration + 0.5 && b->ok; t_ms += GT_DEMO_SAMPLE_MS) {
        GtPoint c = gt_polyline_point_at(guide, length * t_ms / duration, NULL);
        double angle = sense * 2.0 * GT_PI * t_ms / period - GT_PI / 2.0;
        GtPoint p = { c.x + radius * cos(angle), c.y + radius * sin(angle) };
        add(b, t_ms, p, level);
    }
}

/* Cross-fibre friction: back and forth across the fibres while moving along the guide. */
static void demo_cross_fibre(Builder *b, const GtStep *step, const GtPointList *guide, const GtBodyMap *map) {
    const GtTechnique *t = step->technique;
    const GtRegion *region = gt_bodymap_region(map, step->region);
    double fibre = region && region->has_fibre ? region->fibre_deg : 90.0;
    double across = (fibre + 90.0) * GT_PI / 180.0;
    double period = 60000.0 / gt_band_geometric_mid(t->tempo_per_min);
    int cycles = step_cycles(step, period);
    double half = gt_pattern_reach_cm(t), length = gt_polyline_length(guide), duration = cycles * period;
    double level = gt_band_mid(t->pressure_level);
    begin_contact(b, 0);
    for (double t_ms = 0.0; t_ms <= duration + 0.5 && b->ok; t_ms += GT_DEMO_SAMPLE_MS) {
        GtPoint c = gt_polyline_point_at(guide, length * t_ms / duration, NULL);
        double offset = half * sin(2.0 * GT_PI * t_ms / period);
        GtPoint p = { c.x + offset * cos(across), c.y + offset * sin(across) };
        add(b, t_ms, p, level);
    }
}

/* Share of a demonstrated pass spent speeding up at its start and slowing down at its end:
 * short, so the pass is mostly even (speed varying by about 23%) and the turn is smooth. */
static const double ROLL_EASE_SHARE = 0.08;

/* Where a pass has got to (0..1 of its length) at u (0..1 of its time): a trapezoid of speed,
 * rising over the first ROLL_EASE_SHARE, steady, and falling over the last. */
static double roll_progress(double u) {
    double r = ROLL_EASE_SHARE, v = 1.0 / (1.0 - r);
    if (u <= r) return v * u * u / (2.0 * r);
    if (u >= 1.0 - r) return 1.0 - v * (1.0 - u) * (1.0 - u) / (2.0 * r);
    return v * (u - 0.5 * r);
}

/* Rolling: one contact going back and forth along the whole guide, a pass each way, at the
 * middle of the tempo band; the speed is what the guide's length and that tempo make it. */
static void demo_roll(Builder *b, const GtStep *step, const GtPointList *guide) {
    const GtTechnique *t = step->technique;
    double period = 60000.0 / gt_band_geometric_mid(t->tempo_per_min);
    int passes = step_cycles(step, period);
    double length = gt_polyline_length(guide), duration = passes * period;
    double level = gt_band_mid(t->pressure_level);
    begin_contact(b, 0);
    for (double t_ms = 0.0; t_ms <= duration + 0.5 && b->ok; t_ms += GT_DEMO_SAMPLE_MS) {
        double at = fmin(t_ms, duration) / period;
        int pass = (int)fmin(floor(at), passes - 1);
        double done = roll_progress(at - pass);
        double along = pass % 2 == 0 ? done : 1.0 - done;
        add(b, t_ms, gt_polyline_point_at(guide, along * length, NULL), level);
    }
}

double gt_demo_roll_speed_cm_s(const GtStep *step) {
    const GtTechnique *t = step->technique;
    if (!t || t->pattern != GT_PATTERN_ROLL || step->guide.count < 2 || !t->has_tempo) return 0.0;
    double period_s = 60.0 / gt_band_geometric_mid(t->tempo_per_min);
    return gt_polyline_length(&step->guide) / period_s / (1.0 - ROLL_EASE_SHARE);
}

/* Tapotement: brief alternating-hand taps spread along the guide or round the spot. */
static void demo_taps(Builder *b, const GtStep *step, const GtPointList *guide) {
    const GtTechnique *t = step->technique;
    double period = 60000.0 / gt_band_geometric_mid(t->tempo_per_min);
    int taps = step_cycles(step, period);
    double spread = gt_pattern_reach_cm(t), length = gt_polyline_length(guide);
    double level = gt_band_mid(t->pressure_level);
    double touch_ms = fmax(2.0 * GT_DEMO_SAMPLE_MS, 0.4 * period);
    for (int i = 0; i < taps && b->ok; i++) {
        /* walk to and fro along the guide; golden-ratio offsets scatter the taps sideways */
        double phase = fmod((double)i / 12.0, 2.0);
        double along = (phase <= 1.0 ? phase : 2.0 - phase) * length;
        GtPoint tangent;
        GtPoint c = gt_polyline_point_at(guide, along, &tangent);
        double side = spread * (2.0 * fmod(i * 0.6180339887, 1.0) - 1.0);
        GtPoint normal = { -tangent.y, tangent.x };
        if (guide->count < 2) { normal.x = 1.0; normal.y = 0.0; }
        GtPoint p = { c.x + side * normal.x, c.y + side * normal.y };
        double start = i * period;
        begin_contact(b, i % 2);
        for (double t_ms = 0.0; t_ms < touch_ms; t_ms += GT_DEMO_SAMPLE_MS) add(b, start + t_ms, p, level);
        add(b, start + touch_ms, p, level);
    }
}

/* Holds: sink in, hold still at the middle of the band, come out; one contact per hold. */
static void demo_holds(Builder *b, const GtStep *step) {
    const GtTechnique *t = step->technique;
    GtPoint p = step->guide.points[0];
    double level = gt_band_mid(t->pressure_level), start_level = 0.1 * level;
    double hold_ms = gt_band_mid(t->hold_s) * 1000.0;
    int holds = step->repetitions > 0 ? step->repetitions : 1;
    double t0 = 0.0;
    for (int h = 0; h < holds && b->ok; h++) {
        begin_contact(b, 0);
        for (double t_ms = 0.0; t_ms < HOLD_RAMP_MS; t_ms += GT_DEMO_SAMPLE_MS)
            add(b, t0 + t_ms, p, start_level + (level - start_level) * t_ms / HOLD_RAMP_MS);
        for (double t_ms = 0.0; t_ms < hold_ms; t_ms += HOLD_SAMPLE_MS) add(b, t0 + HOLD_RAMP_MS + t_ms, p, level);
        double out_start = t0 + HOLD_RAMP_MS + hold_ms;
        for (double t_ms = 0.0; t_ms <= HOLD_RAMP_MS; t_ms += GT_DEMO_SAMPLE_MS)
            add(b, out_start + t_ms, p, level - (level - start_level) * t_ms / HOLD_RAMP_MS);
        t0 = out_start + HOLD_RAMP_MS + HOLD_PAUSE_MS;
    }
}

bool gt_demo_synthesise(const char *lesson_id, int step_number, const GtStep *step, const GtBodyMap *map,
                        GtReplay *out) {
    gt_replay_init(out);
    snprintf(out->lesson, sizeof out->lesson, "%s", lesson_id);
    snprintf(out->technique, sizeof out->technique, "%s", step->technique_id);
    out->step = step_number;
    out->view = step->view;
    out->device = GT_DEVICE_SYNTHETIC;
    out->pressure_source = GT_PRESSURE_NONE;
    if (!step->technique || step->guide.count == 0 || step->guide.count > 64) return false;
    GtPoint points[64];
    GtPointList guide;
    travel_order(step, map, points, &guide);
    Builder b = { out, -1, true };
    switch (step->technique->pattern) {
    case GT_PATTERN_GLIDE: demo_glide(&b, step, &guide); break;
    case GT_PATTERN_CIRCLE:
    case GT_PATTERN_KNEAD: demo_circles(&b, step, &guide); break;
    case GT_PATTERN_CROSS_FIBRE: demo_cross_fibre(&b, step, &guide, map); break;
    case GT_PATTERN_TAP: demo_taps(&b, step, &guide); break;
    case GT_PATTERN_HOLD: demo_holds(&b, step); break;
    case GT_PATTERN_ROLL: demo_roll(&b, step, &guide); break;
    case GT_PATTERN_COUNT: b.ok = false; break;
    }
    if (!b.ok) gt_replay_free(out);
    return b.ok;
}
