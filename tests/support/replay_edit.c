#include "replay_edit.h"
#include "gt_motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void gt_edit_scale_time(GtReplay *r, double k) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) r->contacts[c].samples[i].t_ms *= k;
}

void gt_edit_scale_pressure(GtReplay *r, double k) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            GtSample *s = &r->contacts[c].samples[i];
            s->pressure = fmax(0.0, fmin(1.0, s->pressure * k));
        }
}

void gt_edit_set_pressure(GtReplay *r, double pressure) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) r->contacts[c].samples[i].pressure = pressure;
}

void gt_edit_shift(GtReplay *r, double dx, double dy) {
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            r->contacts[c].samples[i].x_cm += dx;
            r->contacts[c].samples[i].y_cm += dy;
        }
}

void gt_edit_reverse_paths(GtReplay *r) {
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

static bool in_a_gap(double t, const double *centres, size_t count, double half) {
    for (size_t k = 0; k < count; k++)
        if (fabs(t - centres[k]) < half) return true;
    return false;
}

bool gt_edit_cut_gaps(GtReplay *r, size_t contact, const double *centres_ms, size_t count, double gap_ms) {
    GtReplay out;
    gt_replay_init_like(&out, r);
    bool ok = true;
    for (size_t c = 0; c < r->contact_count && ok; c++) {
        const GtContact *src = &r->contacts[c];
        int index = gt_replay_add_contact(&out, src->id);
        ok = index >= 0;
        bool skipped = false;
        for (size_t i = 0; i < src->count && ok; i++) {
            if (c == contact && in_a_gap(src->samples[i].t_ms, centres_ms, count, gap_ms / 2.0)) {
                skipped = true;
                continue;
            }
            if (skipped && out.contacts[index].count > 0) {
                index = gt_replay_add_contact(&out, src->id);
                ok = index >= 0;
            }
            skipped = false;
            ok = ok && gt_replay_add_sample(&out, index, src->samples[i]);
        }
    }
    if (!ok) {
        gt_replay_free(&out);
        return false;
    }
    gt_replay_free(r);
    *r = out;
    return true;
}

void gt_edit_vary_intervals(GtReplay *r, double period_ms, double cv) {
    double first, last;
    if (period_ms <= 0.0 || !gt_replay_time_span(r, &first, &last)) return;
    double amplitude = cv * GT_PI / 2.0, swing = 4.0 * period_ms;
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++) {
            double t = r->contacts[c].samples[i].t_ms - first;
            r->contacts[c].samples[i].t_ms =
                first + t + amplitude * swing / (2.0 * GT_PI) * (1.0 - cos(2.0 * GT_PI * t / swing));
        }
}

double gt_edit_demo_period_ms(const GtTechnique *technique) {
    return technique->has_tempo ? 60000.0 / gt_band_geometric_mid(technique->tempo_per_min) : 0.0;
}

typedef struct Cut {
    double from, to; /* samples strictly between are removed; later ones move back by to - from */
} Cut;

/* How far a sample at t moves back once every cut is made. */
static double pulled(double t, const Cut *cuts, size_t n) {
    double pull = 0.0;
    for (size_t k = 0; k < n; k++) {
        if (t >= cuts[k].to) pull += cuts[k].to - cuts[k].from;
        else if (t > cuts[k].from) pull += t - cuts[k].from;
    }
    return pull;
}

/* Where each contact's hold (first to last sample at or above pressure_min) must be cut so that
 * it lasts keep_ms; cuts[c].to <= cuts[c].from means no cut. Returns how many cuts there are. */
static size_t plan_cuts(const GtReplay *r, double pressure_min, double keep_ms, Cut *cuts) {
    size_t n = 0;
    for (size_t c = 0; c < r->contact_count; c++) {
        const GtContact *src = &r->contacts[c];
        double start = -1.0, end = -1.0;
        for (size_t i = 0; i < src->count; i++)
            if (src->samples[i].pressure >= pressure_min - 1e-9) {
                if (start < 0.0) start = src->samples[i].t_ms;
                end = src->samples[i].t_ms;
            }
        cuts[c].from = start + keep_ms;
        cuts[c].to = end;
        if (start >= 0.0 && end > start + keep_ms) n++;
        else cuts[c].to = cuts[c].from;
    }
    return n;
}

bool gt_edit_shorten_holds(GtReplay *r, double pressure_min, double keep_ms) {
    size_t n = r->contact_count;
    Cut *cuts = calloc(n ? n : 1, sizeof *cuts);
    if (!cuts) return false;
    bool ok = plan_cuts(r, pressure_min, keep_ms, cuts) > 0;
    GtReplay out;
    gt_replay_init_like(&out, r);
    for (size_t c = 0; c < n && ok; c++) {
        const GtContact *src = &r->contacts[c];
        int index = gt_replay_add_contact(&out, src->id);
        ok = index >= 0;
        for (size_t i = 0; i < src->count && ok; i++) {
            GtSample s = src->samples[i];
            if (s.t_ms > cuts[c].from && s.t_ms < cuts[c].to) continue;
            s.t_ms -= pulled(s.t_ms, cuts, n);
            ok = gt_replay_add_sample(&out, index, gt_sample_quantize(s));
        }
    }
    free(cuts);
    if (!ok) {
        gt_replay_free(&out);
        return false;
    }
    gt_replay_free(r);
    *r = out;
    return true;
}

bool gt_edit_add_dwell(GtReplay *r, int id, GtPoint p, double start_ms, double duration_ms, double pressure) {
    int index = gt_replay_add_contact(r, id);
    if (index < 0) return false;
    for (double t = 0.0;; t += 16.0) {
        bool last = t >= duration_ms;
        GtSample s = { start_ms + (last ? duration_ms : t), p.x, p.y, pressure };
        if (!gt_replay_add_sample(r, index, gt_sample_quantize(s))) return false;
        if (last) return true;
    }
}

double gt_edit_time_at_least(const GtReplay *r, double pressure_min) {
    double total = 0.0;
    for (size_t c = 0; c < r->contact_count; c++)
        for (size_t i = 0; i < r->contacts[c].count; i++)
            if (r->contacts[c].samples[i].pressure >= pressure_min - 1e-9)
                total += gt_sample_duration_ms(&r->contacts[c], i);
    return total;
}

bool gt_edit_pauses(const GtReplay *r, double *shortest_ms, double *longest_ms) {
    size_t n = 0;
    double end = 0.0;
    for (size_t c = 0; c < r->contact_count; c++) {
        const GtContact *contact = &r->contacts[c];
        if (!contact->count) continue;
        double start = contact->samples[0].t_ms;
        if (n > 0) {
            double pause = start - end;
            if (n == 1 || pause < *shortest_ms) *shortest_ms = pause;
            if (n == 1 || pause > *longest_ms) *longest_ms = pause;
        }
        end = n > 0 ? fmax(end, contact->samples[contact->count - 1].t_ms) : contact->samples[contact->count - 1].t_ms;
        n++;
    }
    return n >= 2;
}
