#include "gt_safety.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

double gt_safety_level_limit(GtRange band) {
    return fmin(GT_SAFETY_INJURIOUS_LEVEL, band.max + GT_SAFETY_OVER_BAND_LEVELS);
}

const GtLandmark *gt_safety_zone_at(const GtTechnique *technique, const GtBodyMap *map, GtPoint p) {
    if (!technique || !map) return NULL;
    for (size_t i = 0; i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        if (gt_technique_avoids(technique, m) && gt_landmark_distance(m, p) < m->radius_cm) return m;
    }
    return NULL;
}

size_t gt_safety_zones(const GtTechnique *technique, const GtBodyMap *map, const GtLandmark **out, size_t max) {
    size_t n = 0;
    for (size_t i = 0; technique && map && i < map->landmark_count; i++)
        if (gt_technique_avoids(technique, &map->landmarks[i])) {
            if (n < max) out[n] = &map->landmarks[i];
            n++;
        }
    return n;
}

const GtLandmark *gt_safety_zone_among(const GtLandmark *const *zones, size_t count, GtPoint p) {
    for (size_t i = 0; i < count; i++)
        if (gt_landmark_distance(zones[i], p) < zones[i]->radius_cm) return zones[i];
    return NULL;
}

/* Total time (s), over all contacts, during which the level averaged over the surrounding
 * GT_SAFETY_LEVEL_WINDOW_S of the same contact was at or above `limit`, and the highest such
 * average. The average keeps a flicker of a steady hand from reading as a press, while a tap
 * (shorter than the window) is judged on its own level, and taps add up. */
static void unsafe_pressure(const GtReplay *replay, double limit, double *seconds, double *peak) {
    double half_ms = 500.0 * GT_SAFETY_LEVEL_WINDOW_S, unsafe_ms = 0.0;
    *peak = 0.0;
    for (size_t c = 0; c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        size_t lo = 0, hi = 0, n = contact->count;
        double sum = 0.0;
        for (size_t k = 0; k < n; k++) {
            double t = contact->samples[k].t_ms;
            while (hi < n && contact->samples[hi].t_ms <= t + half_ms) sum += contact->samples[hi++].pressure;
            while (contact->samples[lo].t_ms < t - half_ms) sum -= contact->samples[lo++].pressure;
            double level = 10.0 * sum / (double)(hi - lo);
            if (level < limit - 1e-6) continue;   /* a level of exactly the limit counts */
            double lasted = k + 1 < n ? contact->samples[k + 1].t_ms - t : k > 0 ? t - contact->samples[k - 1].t_ms : 0.0;
            unsafe_ms += lasted;
            *peak = fmax(*peak, level);
        }
    }
    *seconds = unsafe_ms / 1000.0;
    if (*seconds < GT_SAFETY_PRESSURE_MOMENT_S) {
        *seconds = 0.0;
        *peak = 0.0;
    }
}

/* True when p is surely farther than the landmark's radius from it: farther, by more than any
 * rounding, from the box around its points (the distance to the line is never less than that). */
static bool surely_off(const GtLandmark *m, GtPoint lo, GtPoint hi, GtPoint p) {
    double dx = p.x < lo.x ? lo.x - p.x : p.x > hi.x ? p.x - hi.x : 0.0;
    double dy = p.y < lo.y ? lo.y - p.y : p.y > hi.y ? p.y - hi.y : 0.0;
    return dx * dx + dy * dy > m->radius_cm * m->radius_cm * (1.0 + 1e-9);
}

/* Seconds that some contact spent on landmark m (each sample lasts until the next). */
static double seconds_on(const GtReplay *replay, const GtLandmark *m) {
    double ms = 0.0;
    GtPoint lo, hi;
    bool boxed = gt_points_bounds(&m->points, &lo, &hi);
    for (size_t c = 0; c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        for (size_t k = 0; k + 1 < contact->count; k++) {
            GtPoint p = { contact->samples[k].x_cm, contact->samples[k].y_cm };
            if (boxed && surely_off(m, lo, hi, p)) continue; /* the slow projection only near it */
            if (gt_landmark_distance(m, p) < m->radius_cm)
                ms += contact->samples[k + 1].t_ms - contact->samples[k].t_ms;
        }
    }
    return ms / 1000.0;
}

static GtSafetyEntry *next_entry(GtScoreCard *card) {
    if (card->safety_count >= GT_SAFETY_MAX) return NULL;
    GtSafetyEntry *e = &card->safety[card->safety_count++];
    memset(e, 0, sizeof *e);
    return e;
}

/* "Kidney area (left)" -> "kidney area (left)" inside a sentence, unless it is a proper name. */
static void sentence_case(const char *name, char *out, size_t size) {
    snprintf(out, size, "%s", name);
    if (out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') out[0] = (char)(out[0] - 'A' + 'a');
}

size_t gt_safety_scan(const GtTechnique *technique, GtRange band, const GtBodyMap *map, const GtReplay *replay,
                      GtScoreCard *card) {
    size_t before = card->safety_count;
    double limit = gt_safety_level_limit(band), seconds = 0.0, peak = 0.0;
    unsafe_pressure(replay, limit, &seconds, &peak);
    if (seconds > 0.0) {
        GtSafetyEntry *e = next_entry(card);
        if (e) {
            bool injurious = peak >= GT_SAFETY_INJURIOUS_LEVEL;
            e->kind = injurious ? GT_SAFETY_INJURIOUS_PRESSURE : GT_SAFETY_OVER_BAND;
            e->level = peak;
            e->seconds = seconds;
            if (injurious)
                snprintf(e->message, sizeof e->message, "Unsafe pressure: level %.1f for %.1f s. Level 9-10 "
                         "injures; never press this hard, stay at %g-%g.", peak, seconds, band.min, band.max);
            else
                snprintf(e->message, sizeof e->message, "Unsafe pressure: level %.1f for %.1f s, %.0f or more "
                         "levels above this step's %g-%g; ease right off.", peak, seconds,
                         GT_SAFETY_OVER_BAND_LEVELS, band.min, band.max);
        }
    }
    for (size_t i = 0; map && i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        if (!gt_technique_avoids(technique, m)) continue;
        double on = seconds_on(replay, m);
        if (on <= GT_SAFETY_ZONE_MOMENT_S) continue;
        GtSafetyEntry *e = next_entry(card);
        if (!e) break;
        e->kind = GT_SAFETY_AVOID_ZONE;
        snprintf(e->place, sizeof e->place, "%s", m->id);
        snprintf(e->place_name, sizeof e->place_name, "%s", m->name);
        e->seconds = on;
        char place[GT_PLACE_NAME_MAX], work[GT_PLACE_NAME_MAX];
        sentence_case(m->name, place, sizeof place);
        sentence_case(technique->name, work, sizeof work);
        snprintf(e->message, sizeof e->message, "%s: never apply %s here (%.1f s on it); keep clear of the %s.",
                 m->name, work, on, place);
    }
    return card->safety_count - before;
}
