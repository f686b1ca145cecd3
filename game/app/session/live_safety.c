/* live_safety: warnings from the recorded attempt (see live_safety.h). */
#include "live_safety.h"

#include "gt_safety.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A level of exactly the limit counts, as the engine counts it (10 x 0.9 is not always 9.0). */
static const double LEVEL_EPSILON = 1e-6;

GtRange gt_live_step_band(const GtStep *step) {
    if (!step || !step->technique) return (GtRange){ 0.0, 10.0 };
    return step->technique->pressure_level;
}

/* "Circular friction" -> "circular friction" inside a sentence (a leading capital followed by a
 * lower-case letter is lowered; acronyms stay). Never fails; the result is cut to `size`. */
static void in_sentence(const char *name, char *out, size_t size) {
    snprintf(out, size, "%s", name ? name : "");
    if (out[0] >= 'A' && out[0] <= 'Z' && out[1] >= 'a' && out[1] <= 'z') out[0] = (char)(out[0] - 'A' + 'a');
}

/* Writes the sentence for a place warning into w->text. */
static void zone_text(GtLiveWarning *w, const GtTechnique *technique) {
    char work[GT_ID_MAX + 64];
    in_sentence(technique->name, work, sizeof work);
    snprintf(w->text, sizeof w->text, "%s: keep off \xE2\x80\x94 never use %s here", w->zone->name, work);
}

/* Writes the sentence for a pressure warning into w->text. */
static void pressure_text(GtLiveWarning *w, GtRange band) {
    if (w->kind == GT_SAFETY_INJURIOUS_PRESSURE)
        snprintf(w->text, sizeof w->text, "Too much pressure: level %.1f can injure \xE2\x80\x94 ease off (aim %g-%g)",
                 w->level, band.min, band.max);
    else
        snprintf(w->text, sizeof w->text, "Too much pressure: level %.1f \xE2\x80\x94 ease off (aim %g-%g)", w->level,
                 band.min, band.max);
}

/* The newest sample at or after `since_ms` that lies on a place to avoid (its place in *zone)
 * and the newest whose level reached `limit_level`; times stay -1 when none did. */
static void scan_recent(const GtTechnique *technique, const GtBodyMap *map, const GtReplay *attempt, double limit_level,
                        double since_ms, double now_ms, GtLiveWarning *zone, GtLiveWarning *pressure) {
    zone->at_ms = pressure->at_ms = -1.0;
    enum { MOST_ZONES = 64 };
    const GtLandmark *zones[MOST_ZONES];
    size_t zone_count = gt_safety_zones(technique, map, zones, MOST_ZONES);
    bool listed = zone_count <= MOST_ZONES;
    for (size_t c = 0; c < attempt->contact_count; c++) {
        const GtContact *contact = &attempt->contacts[c];
        for (size_t k = contact->count; k-- > 0;) {
            const GtSample *s = &contact->samples[k];
            if (s->t_ms < since_ms) break;   /* samples are in time order: the rest are older */
            if (s->t_ms > now_ms) continue;
            GtPoint p = { s->x_cm, s->y_cm };
            const GtLandmark *m = listed ? gt_safety_zone_among(zones, zone_count, p) : gt_safety_zone_at(technique, map, p);
            if (m && s->t_ms > zone->at_ms) {
                zone->at_ms = s->t_ms;
                zone->zone = m;
                zone->where_cm = (GtPoint){ s->x_cm, s->y_cm };
            }
            double level = 10.0 * s->pressure;
            if (level >= limit_level - LEVEL_EPSILON && s->t_ms > pressure->at_ms) {
                pressure->at_ms = s->t_ms;
                pressure->level = level;
                pressure->where_cm = (GtPoint){ s->x_cm, s->y_cm };
            }
        }
    }
}

size_t gt_live_safety_check(const GtTechnique *technique, GtRange band, const GtBodyMap *map, const GtReplay *attempt,
                            double now_ms, GtLiveSafety *out) {
    memset(out, 0, sizeof *out);
    if (!attempt || !technique) return 0;
    double limit_level = gt_safety_level_limit(band);
    GtLiveWarning zone = { .kind = GT_SAFETY_AVOID_ZONE }, pressure = { .limit_level = limit_level };
    scan_recent(technique, map, attempt, limit_level, now_ms - GT_LIVE_LINGER_MS, now_ms, &zone, &pressure);
    if (zone.at_ms >= 0.0 && zone.zone) {
        zone_text(&zone, technique);
        out->warnings[out->count++] = zone;
    }
    if (pressure.at_ms >= 0.0) {
        bool injurious = pressure.level >= GT_SAFETY_INJURIOUS_LEVEL;
        pressure.kind = injurious ? GT_SAFETY_INJURIOUS_PRESSURE : GT_SAFETY_OVER_BAND;
        pressure_text(&pressure, band);
        out->warnings[out->count++] = pressure;
    }
    return out->count;
}

bool gt_live_safety_preset(GtRange band, double level, GtLiveWarning *out) {
    memset(out, 0, sizeof *out);
    out->limit_level = gt_safety_level_limit(band);
    if (!(level >= out->limit_level - LEVEL_EPSILON)) return false;
    out->kind = level >= GT_SAFETY_INJURIOUS_LEVEL ? GT_SAFETY_INJURIOUS_PRESSURE : GT_SAFETY_OVER_BAND;
    out->level = level;
    out->at_ms = -1.0;
    snprintf(out->text, sizeof out->text,
             "Level %.1f is too much pressure here \xE2\x80\x94 ease off to %g-%g before you press", level,
             band.min, band.max);
    return true;
}
