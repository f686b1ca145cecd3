#include "loaders.h"
#include "json_doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CONTACTS = GT_REPLAY_MAX_CONTACTS, MAX_SAMPLES = GT_REPLAY_MAX_SAMPLES, MAX_SAMPLE_ERRORS = 5 };
static const double MAX_TIME_MS = GT_REPLAY_MAX_MS;
static const double COORD_LIMIT_CM = 1000.0;


/* A sample as nearly every one is written, [t_ms, x_cm, y_cm, pressure] of four finite numbers
 * in range and in time order: its value in *out. False for anything else, which read_sample then
 * locates and explains (so no path is written out for a good sample). */
static bool plain_sample(const cJSON *item, double previous_t, GtSample *out) {
    double values[4];
    const cJSON *child = cJSON_IsArray(item) ? item->child : NULL;
    for (int k = 0; k < 4; k++, child = child->next) {
        if (!child || !cJSON_IsNumber(child) || !isfinite(child->valuedouble)) return false;
        values[k] = child->valuedouble;
    }
    if (child) return false;
    if (!(values[0] >= 0 && values[0] <= MAX_TIME_MS && values[0] >= previous_t)) return false;
    if (!(fabs(values[1]) <= COORD_LIMIT_CM && fabs(values[2]) <= COORD_LIMIT_CM)) return false;
    if (!(values[3] >= 0.0 && values[3] <= 1.0)) return false;
    *out = (GtSample){ values[0], values[1], values[2], values[3] };
    return true;
}

/* Reads one [t_ms, x_cm, y_cm, pressure] sample; reports and returns false when bad. */
static bool read_sample(GtJsonDoc *doc, const cJSON *item, const GtPath *path, double previous_t,
                        GtSample *out) {
    if (!cJSON_IsArray(item)) {
        gt_json_error(doc, path, "expected a sample [t_ms, x_cm, y_cm, pressure], found %s",
                      gt_json_type_name(item));
        return false;
    }
    if (cJSON_GetArraySize(item) != 4) {
        gt_json_error(doc, path, "a sample is [t_ms, x_cm, y_cm, pressure], but this has %d value%s",
                      cJSON_GetArraySize(item), cJSON_GetArraySize(item) == 1 ? "" : "s");
        return false;
    }
    static const char *const names[] = { "t_ms", "x_cm", "y_cm", "pressure" };
    double values[4];
    const cJSON *child = item->child;
    for (int k = 0; k < 4; k++, child = child->next) {
        GtPath at = gt_path_index(path, (size_t)k);
        if (!cJSON_IsNumber(child)) {
            gt_json_error(doc, &at, "%s must be a number, found %s%s", names[k], gt_json_type_name(child),
                          cJSON_IsString(child) ? " (remove the quotes)" : "");
            return false;
        }
        if (!isfinite(child->valuedouble)) {
            char raw[32];
            gt_json_raw(doc, &at, raw, sizeof raw);
            gt_json_error(doc, &at, "%s %s is too %s to use (it reads as %sinfinity); write a finite number",
                          names[k], raw, child->valuedouble > 0 ? "large" : "small",
                          child->valuedouble > 0 ? "" : "minus ");
            return false;
        }
        values[k] = child->valuedouble;
    }
    GtPath t_path = gt_path_index(path, 0), p_path = gt_path_index(path, 3);
    if (values[0] < 0 || values[0] > MAX_TIME_MS) {
        gt_json_error(doc, &t_path, "t_ms %.10g is out of range; times run from 0 to %.0f ms (one hour)",
                      values[0], MAX_TIME_MS);
        return false;
    }
    if (values[0] < previous_t) {
        gt_json_error(doc, &t_path, "t_ms %.10g goes back in time (the previous sample was at %.10g); "
                      "samples of a contact must be in time order", values[0], previous_t);
        return false;
    }
    for (int k = 1; k <= 2; k++) {
        if (fabs(values[k]) > COORD_LIMIT_CM) {
            GtPath at = gt_path_index(path, (size_t)k);
            gt_json_error(doc, &at, "%s %.10g is far outside any body map (limit +/-%.0f cm)", names[k],
                          values[k], COORD_LIMIT_CM);
            return false;
        }
    }
    if (values[3] < 0.0 || values[3] > 1.0) {
        gt_json_error(doc, &p_path, "pressure %.10g is outside 0..1 (level 0-10 is 10 x pressure); "
                      "clamp device force before recording", values[3]);
        return false;
    }
    out->t_ms = values[0];
    out->x_cm = values[1];
    out->y_cm = values[2];
    out->pressure = values[3];
    return true;
}

static bool load_contacts(GtJsonDoc *doc, const cJSON *contacts, const GtPath *path, GtReplay *out) {
    static const char *const keys[] = { "id", "samples", NULL };
    if (!cJSON_IsArray(contacts) || cJSON_GetArraySize(contacts) > MAX_CONTACTS) {
        gt_json_error(doc, path, "expected an array of up to %d contacts, found %s", MAX_CONTACTS,
                      cJSON_IsArray(contacts) ? "more" : gt_json_type_name(contacts));
        return false;
    }
    bool ok = true;
    size_t i = 0, total = 0;
    for (const cJSON *item = contacts->child; item; item = item->next, i++) {
        GtPath at = gt_path_index(path, i);
        if (!gt_json_check_keys(doc, item, &at, keys)) { ok = false; continue; }
        long id = 0;
        bool id_ok = gt_json_integer(doc, item, &at, "id", true, 0, GT_REPLAY_MAX_CONTACT_ID, &id);
        GtPath samples_path = gt_path_key(&at, "samples");
        const cJSON *samples = gt_json_member(doc, item, &at, "samples", true);
        if (!id_ok || !samples) { ok = false; continue; }
        if (!cJSON_IsArray(samples) || cJSON_GetArraySize(samples) < 1) {
            gt_json_error(doc, &samples_path, "expected an array of at least one sample, found %s",
                          cJSON_IsArray(samples) ? "an empty array" : gt_json_type_name(samples));
            ok = false;
            continue;
        }
        total += (size_t)cJSON_GetArraySize(samples);
        if (total > MAX_SAMPLES) {
            gt_json_error(doc, &samples_path, "the replay holds more than %d samples; split the attempt",
                          MAX_SAMPLES);
            return false;
        }
        int index = gt_replay_add_contact(out, (int)id);
        if (index < 0) { gt_json_error(doc, &at, "out of memory"); return false; }
        size_t k = 0, errors = 0;
        double previous_t = 0.0;
        for (const cJSON *s = samples->child; s; s = s->next, k++) {
            GtSample sample;
            bool good = plain_sample(s, previous_t, &sample);
            if (!good) { /* located and explained, the path written out only now */
                GtPath sample_path = gt_path_index(&samples_path, k);
                good = read_sample(doc, s, &sample_path, previous_t, &sample);
            }
            if (!good) {
                ok = false;
                if (++errors >= MAX_SAMPLE_ERRORS) break;
                continue;
            }
            previous_t = sample.t_ms;
            if (!gt_replay_add_sample(out, index, sample)) { gt_json_error(doc, &at, "out of memory"); return false; }
        }
    }
    return ok;
}

/* One contact's id and time span, for finding two presses that claim one finger at once. */
typedef struct Span {
    int id;
    size_t index;
    double start_ms, end_ms;
} Span;

/* Orders spans by id, then by start. */
static int compare_spans(const void *a, const void *b) {
    const Span *x = a, *y = b;
    if (x->id != y->id) return x->id < y->id ? -1 : 1;
    return x->start_ms < y->start_ms ? -1 : x->start_ms > y->start_ms ? 1 : 0;
}

/* Reports two contacts with the same id that overlap in time (one finger cannot press twice at
 * once; the trainer reuses an id only after its finger lifts). False when there is any. */
static bool check_id_overlaps(GtJsonDoc *doc, const GtPath *path, const GtReplay *r) {
    if (r->contact_count < 2) return true;
    Span *spans = malloc(r->contact_count * sizeof *spans);
    if (!spans) {
        gt_json_error(doc, path, "out of memory");
        return false;
    }
    for (size_t i = 0; i < r->contact_count; i++) {
        const GtContact *c = &r->contacts[i];
        spans[i] = (Span){ c->id, i, c->count ? c->samples[0].t_ms : 0, c->count ? c->samples[c->count - 1].t_ms : 0 };
    }
    qsort(spans, r->contact_count, sizeof *spans, compare_spans);
    bool ok = true;
    for (size_t i = 1; i < r->contact_count && ok; i++) {
        const Span *a = &spans[i - 1], *b = &spans[i];
        if (a->id != b->id || b->start_ms >= a->end_ms) continue;
        GtPath contact = gt_path_index(path, b->index > a->index ? b->index : a->index);
        GtPath id = gt_path_key(&contact, "id");
        gt_json_error(doc, &id, "contact id %d is pressed twice at once (contacts %zu and %zu overlap from %.10g ms); "
                      "give each finger that is down at the same time its own id", b->id,
                      a->index < b->index ? a->index : b->index, a->index < b->index ? b->index : a->index,
                      b->start_ms);
        ok = false;
    }
    free(spans);
    return ok;
}

/* Copies a short id-like string member into a fixed buffer. */
static bool read_fixed_id(GtJsonDoc *doc, const cJSON *root, const GtPath *path, const char *key, char *dst) {
    const char *text = NULL;
    if (!gt_json_id(doc, root, path, key, true, &text)) return false;
    snprintf(dst, GT_ID_MAX, "%s", text);
    return true;
}

bool gt_load_replay(const char *file, const char *text, size_t length, GtDiag *diag, GtReplay *out) {
    static const char *const keys[] = { "format", "version", "lesson", "step", "technique", "view", "device",
                                        "pressure_source", "contacts", NULL };
    gt_replay_init(out);
    GtJsonDoc doc;
    if (!gt_json_doc_parse(&doc, file, text, length, "guidedtouch-replay", diag)) return false;
    GtPath root = gt_path_root();
    const cJSON *r = doc.root;
    bool ok = gt_json_check_keys(&doc, r, &root, keys);
    ok = read_fixed_id(&doc, r, &root, "lesson", out->lesson) && ok;
    ok = read_fixed_id(&doc, r, &root, "technique", out->technique) && ok;
    long step = 0;
    ok = gt_json_integer(&doc, r, &root, "step", true, 1, 1000, &step) && ok;
    out->step = (int)step;
    int value = 0;
    if (gt_json_enum(&doc, r, &root, "view", true, GT_VIEW_NAMES, GT_VIEW_COUNT, &value)) out->view = (GtView)value; else ok = false;
    if (gt_json_enum(&doc, r, &root, "device", true, GT_DEVICE_NAMES, GT_DEVICE_COUNT, &value)) out->device = (GtDevice)value; else ok = false;
    if (gt_json_enum(&doc, r, &root, "pressure_source", true, GT_PRESSURE_SOURCE_NAMES, GT_PRESSURE_SOURCE_COUNT, &value))
        out->pressure_source = (GtPressureSource)value;
    else ok = false;
    GtPath contacts_path = gt_path_key(&root, "contacts");
    const cJSON *contacts = gt_json_member(&doc, r, &root, "contacts", true);
    ok = contacts && load_contacts(&doc, contacts, &contacts_path, out) && check_id_overlaps(&doc, &contacts_path, out) &&
         ok;
    ok = ok && doc.errors == 0;
    gt_json_doc_free(&doc);
    if (!ok) gt_replay_free(out);
    return ok;
}
