#include "loaders.h"
#include "json_doc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_CONTACTS = GT_REPLAY_MAX_CONTACTS, MAX_SAMPLES = GT_REPLAY_MAX_SAMPLES, MAX_SAMPLE_ERRORS = 5 };
static const double MAX_TIME_MS = GT_REPLAY_MAX_MS;
static const double COORD_LIMIT_CM = 1000.0;


/* True when the four values of a sample are in range and not before `previous_t`, with the
 * sample in *out; false (and nothing said) otherwise. */
static bool sample_in_range(const double values[4], double previous_t, GtSample *out) {
    if (!(values[0] >= 0 && values[0] <= MAX_TIME_MS && values[0] >= previous_t)) return false;
    if (!(fabs(values[1]) <= COORD_LIMIT_CM && fabs(values[2]) <= COORD_LIMIT_CM)) return false;
    if (!(values[3] >= 0.0 && values[3] <= 1.0)) return false;
    *out = (GtSample){ values[0], values[1], values[2], values[3] };
    return true;
}

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
    return sample_in_range(values, previous_t, out);
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

/* Finds the first two contacts (in id, then start order) with the same id that overlap in time:
 * true with them in *a and *b. *out_of_memory tells a failure to look apart from no overlap. */
static bool find_id_overlap(const GtReplay *r, Span *a, Span *b, bool *out_of_memory) {
    *out_of_memory = false;
    if (r->contact_count < 2) return false;
    Span *spans = malloc(r->contact_count * sizeof *spans);
    if (!spans) {
        *out_of_memory = true;
        return false;
    }
    for (size_t i = 0; i < r->contact_count; i++) {
        const GtContact *c = &r->contacts[i];
        spans[i] = (Span){ c->id, i, c->count ? c->samples[0].t_ms : 0, c->count ? c->samples[c->count - 1].t_ms : 0 };
    }
    qsort(spans, r->contact_count, sizeof *spans, compare_spans);
    bool found = false;
    for (size_t i = 1; i < r->contact_count && !found; i++) {
        if (spans[i - 1].id != spans[i].id || spans[i].start_ms >= spans[i - 1].end_ms) continue;
        *a = spans[i - 1];
        *b = spans[i];
        found = true;
    }
    free(spans);
    return found;
}

/* Reports two contacts with the same id that overlap in time (one finger cannot press twice at
 * once; the trainer reuses an id only after its finger lifts). False when there is any. */
static bool check_id_overlaps(GtJsonDoc *doc, const GtPath *path, const GtReplay *r) {
    Span first, second;
    const Span *a = &first, *b = &second;
    bool out_of_memory = false;
    if (!find_id_overlap(r, &first, &second, &out_of_memory)) {
        if (out_of_memory) gt_json_error(doc, path, "out of memory");
        return !out_of_memory;
    }
    GtPath contact = gt_path_index(path, b->index > a->index ? b->index : a->index);
    GtPath id = gt_path_key(&contact, "id");
    gt_json_error(doc, &id, "contact id %d is pressed twice at once (contacts %zu and %zu overlap from %.10g ms); "
                  "give each finger that is down at the same time its own id", b->id,
                  a->index < b->index ? a->index : b->index, a->index < b->index ? b->index : a->index,
                  b->start_ms);
    return false;
}

/* Copies a short id-like string member into a fixed buffer. */
static bool read_fixed_id(GtJsonDoc *doc, const cJSON *root, const GtPath *path, const char *key, char *dst) {
    const char *text = NULL;
    if (!gt_json_id(doc, root, path, key, true, &text)) return false;
    snprintf(dst, GT_ID_MAX, "%s", text);
    return true;
}

/* The members of a replay, each written once. */
static const char *const REPLAY_KEYS[] = { "format", "version", "lesson", "step", "technique", "view", "device",
                                           "pressure_source", "contacts", NULL };

bool gt_load_replay_located(const char *file, const char *text, size_t length, GtDiag *diag, GtReplay *out) {
    gt_replay_init(out);
    GtJsonDoc doc;
    if (!gt_json_doc_parse(&doc, file, text, length, "guidedtouch-replay", diag)) return false;
    GtPath root = gt_path_root();
    const cJSON *r = doc.root;
    bool ok = gt_json_check_keys(&doc, r, &root, REPLAY_KEYS);
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

/* ---- the plain way in: a replay written as the trainer writes it, read straight from its text ----
 *
 * Building a cJSON tree costs five allocations and four strtod calls per sample, several times
 * what scoring the sample costs. Nearly every replay is written plainly: printable ASCII strings
 * without escapes, JSON numbers of at most 18 digits with small exponents, each key once. This
 * reader takes only such a text and gives up (false) on anything else, and the located reader
 * then reads the file as it always did; so whatever it accepts, the located reader accepts too
 * with the very same replay (fuzz_replay checks that), and every error is the located reader's. */

/* Where the plain reader stands in the text. */
typedef struct Cursor {
    const char *at, *end;
} Cursor;

/* Moves past JSON white space. */
static void skip_blank(Cursor *c) {
    while (c->at < c->end && (*c->at == ' ' || *c->at == '\n' || *c->at == '\r' || *c->at == '\t')) c->at++;
}

/* Moves past `ch` (after white space); false when something else comes. */
static bool take(Cursor *c, char ch) {
    skip_blank(c);
    if (c->at >= c->end || *c->at != ch) return false;
    c->at++;
    return true;
}

/* A string of printable ASCII without escapes: its first character and length; false for any
 * other string (the located reader decodes those) or no string. */
static bool plain_string(Cursor *c, const char **text, size_t *length) {
    if (!take(c, '"')) return false;
    const char *start = c->at;
    while (c->at < c->end && *c->at != '"') {
        unsigned char ch = (unsigned char)*c->at;
        if (ch < 0x20 || ch > 0x7E || ch == '\\') return false;
        c->at++;
    }
    if (c->at >= c->end) return false;
    *text = start;
    *length = (size_t)(c->at++ - start);
    return true;
}

/* True when the string at the cursor is exactly `word`. */
static bool is_word(const char *text, size_t length, const char *word) {
    return strlen(word) == length && memcmp(text, word, length) == 0;
}

/* Powers of ten a double holds exactly. */
static const double EXACT_TENS[23] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12,
                                       1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22 };

/* A number in JSON's own grammar whose digits (at most 18) make a whole number up to 2^53 and
 * whose decimal exponent is within 22: then one multiplication or division of two exact doubles
 * gives the correctly rounded value, the one strtod (and so cJSON) gives. False for any other
 * number, or when no delimiter follows it. */
static bool plain_number(Cursor *c, double *out) {
    skip_blank(c);
    const char *p = c->at, *end = c->end;
    bool negative = p < end && *p == '-';
    if (negative) p++;
    if (p >= end || *p < '0' || *p > '9') return false;
    unsigned long long mantissa = 0;
    int digits = 0, exponent = 0;
    if (*p == '0') p++;
    else
        for (; p < end && *p >= '0' && *p <= '9'; p++, digits++) mantissa = mantissa * 10 + (unsigned)(*p - '0');
    if (p < end && *p == '.') {
        if (++p >= end || *p < '0' || *p > '9') return false;
        for (; p < end && *p >= '0' && *p <= '9'; p++, digits++, exponent--)
            mantissa = mantissa * 10 + (unsigned)(*p - '0');
    }
    if (digits > 18) return false; /* (the mantissa may have wrapped: it is not used) */
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        bool below = p < end && *p == '-';
        if (p < end && (*p == '-' || *p == '+')) p++;
        if (p >= end || *p < '0' || *p > '9') return false;
        int written = 0, n = 0;
        for (; p < end && *p >= '0' && *p <= '9' && n <= 3; p++, n++) written = written * 10 + (*p - '0');
        if (n > 3) return false;
        exponent += below ? -written : written;
    }
    if (p < end && *p != ',' && *p != ']' && *p != '}' && *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
        return false;
    if (mantissa > (1ULL << 53) || exponent < -22 || exponent > 22) return false;
    double value = (double)mantissa;
    value = exponent < 0 ? value / EXACT_TENS[-exponent] : value * EXACT_TENS[exponent];
    *out = negative ? -value : value;
    c->at = p;
    return true;
}

/* A plain whole number within [min, max]. */
static bool plain_integer(Cursor *c, double min, double max, long *out) {
    double value = 0.0;
    if (!plain_number(c, &value) || !(value >= min && value <= max) || value != floor(value)) return false;
    *out = (long)value;
    return true;
}

/* A plain id (what gt_json_id accepts: a-z, 0-9 and '-', 1 to 63 of them) copied into `dst`. */
static bool plain_id(Cursor *c, char *dst) {
    const char *text = NULL;
    size_t length = 0;
    if (!plain_string(c, &text, &length) || length == 0 || length > 63) return false;
    for (size_t i = 0; i < length; i++)
        if (!((text[i] >= 'a' && text[i] <= 'z') || (text[i] >= '0' && text[i] <= '9') || text[i] == '-'))
            return false;
    memcpy(dst, text, length);
    dst[length] = '\0';
    return true;
}

/* A plain string that is one of `names`: its index in *out. */
static bool plain_enum(Cursor *c, const char *const *names, size_t count, int *out) {
    const char *text = NULL;
    size_t length = 0;
    if (!plain_string(c, &text, &length)) return false;
    for (size_t i = 0; i < count; i++)
        if (is_word(text, length, names[i])) { *out = (int)i; return true; }
    return false;
}

/* One contact's plain samples array (at least one sample), added to contact `index`; *total
 * counts the replay's samples. */
static bool plain_samples(Cursor *c, GtReplay *out, int index, size_t *total) {
    if (!take(c, '[')) return false;
    double previous_t = 0.0;
    do {
        double values[4];
        GtSample sample;
        if (!take(c, '[')) return false;
        for (int k = 0; k < 4; k++)
            if ((k && !take(c, ',')) || !plain_number(c, &values[k])) return false;
        if (!take(c, ']') || !sample_in_range(values, previous_t, &sample)) return false;
        if (++*total > MAX_SAMPLES || !gt_replay_add_sample(out, index, sample)) return false;
        previous_t = sample.t_ms;
    } while (take(c, ','));
    return take(c, ']');
}

/* The plain contacts array: each {"id", "samples"} once, as load_contacts would accept them. */
static bool plain_contacts(Cursor *c, GtReplay *out) {
    if (!take(c, '[')) return false;
    if (take(c, ']')) return true;
    size_t total = 0;
    do {
        if (out->contact_count >= MAX_CONTACTS || !take(c, '{')) return false;
        int index = gt_replay_add_contact(out, 0);
        bool has_id = false, has_samples = false;
        do {
            const char *key = NULL;
            size_t length = 0;
            if (index < 0 || !plain_string(c, &key, &length) || !take(c, ':')) return false;
            long id = 0;
            if (is_word(key, length, "id") && !has_id) {
                if (!plain_integer(c, 0, GT_REPLAY_MAX_CONTACT_ID, &id)) return false;
                out->contacts[index].id = (int)id;
                has_id = true;
            } else if (is_word(key, length, "samples") && !has_samples) {
                if (!plain_samples(c, out, index, &total)) return false;
                has_samples = true;
            } else {
                return false;
            }
        } while (take(c, ','));
        if (!take(c, '}') || !has_id || !has_samples) return false;
    } while (take(c, ','));
    return take(c, ']');
}

/* Reads the value of the top-level member `key` (index in REPLAY_KEYS) into `out`. */
static bool plain_member(Cursor *c, int key, GtReplay *out) {
    long number = 0;
    int value = 0;
    const char *text = NULL;
    size_t length = 0;
    switch (key) {
    case 0: return plain_string(c, &text, &length) && is_word(text, length, "guidedtouch-replay");
    case 1: return plain_integer(c, 0, 1000000, &number) && number == 1;
    case 2: return plain_id(c, out->lesson);
    case 3:
        if (!plain_integer(c, 1, 1000, &number)) return false;
        out->step = (int)number;
        return true;
    case 4: return plain_id(c, out->technique);
    case 5:
        if (!plain_enum(c, GT_VIEW_NAMES, GT_VIEW_COUNT, &value)) return false;
        out->view = (GtView)value;
        return true;
    case 6:
        if (!plain_enum(c, GT_DEVICE_NAMES, GT_DEVICE_COUNT, &value)) return false;
        out->device = (GtDevice)value;
        return true;
    case 7:
        if (!plain_enum(c, GT_PRESSURE_SOURCE_NAMES, GT_PRESSURE_SOURCE_COUNT, &value)) return false;
        out->pressure_source = (GtPressureSource)value;
        return true;
    default: return plain_contacts(c, out);
    }
}

bool gt_load_replay_plain(const char *text, size_t length, GtReplay *out) {
    gt_replay_init(out);
    Cursor c = { text, text + length };
    unsigned seen = 0;
    bool ok = take(&c, '{');
    do {
        const char *key = NULL;
        size_t key_length = 0;
        int which = -1;
        ok = ok && plain_string(&c, &key, &key_length) && take(&c, ':');
        for (int i = 0; ok && which < 0 && REPLAY_KEYS[i]; i++)
            if (is_word(key, key_length, REPLAY_KEYS[i])) which = i;
        ok = ok && which >= 0 && !(seen & (1u << which)) && plain_member(&c, which, out);
        if (ok) seen |= 1u << which;
    } while (ok && take(&c, ','));
    ok = ok && take(&c, '}');
    skip_blank(&c);
    ok = ok && c.at == c.end && seen == (1u << 9) - 1;
    Span a, b;
    bool out_of_memory = false;
    ok = ok && !find_id_overlap(out, &a, &b, &out_of_memory) && !out_of_memory;
    if (!ok) gt_replay_free(out);
    return ok;
}

bool gt_load_replay(const char *file, const char *text, size_t length, GtDiag *diag, GtReplay *out) {
    return gt_load_replay_plain(text, length, out) || gt_load_replay_located(file, text, length, diag, out);
}
