#include "gt_replay.h"

#include <stdlib.h>
#include <string.h>

const char *const GT_DEVICE_NAMES[GT_DEVICE_COUNT] = { "mouse", "touch", "pen", "synthetic" };
const char *const GT_PRESSURE_SOURCE_NAMES[GT_PRESSURE_SOURCE_COUNT] = {
    "device", "wheel", "keys", "slider", "none"
};

void gt_replay_init(GtReplay *replay) {
    memset(replay, 0, sizeof *replay);
    replay->device = GT_DEVICE_SYNTHETIC;
    replay->pressure_source = GT_PRESSURE_NONE;
}

void gt_replay_init_like(GtReplay *replay, const GtReplay *like) {
    gt_replay_init(replay);
    memcpy(replay->lesson, like->lesson, sizeof replay->lesson);
    memcpy(replay->technique, like->technique, sizeof replay->technique);
    replay->step = like->step;
    replay->view = like->view;
    replay->device = like->device;
    replay->pressure_source = like->pressure_source;
}

int gt_replay_add_contact(GtReplay *replay, int id) {
    if (replay->contact_count == replay->contact_capacity) {
        size_t capacity = replay->contact_capacity ? replay->contact_capacity * 2 : 4;
        GtContact *grown = realloc(replay->contacts, capacity * sizeof *grown);
        if (!grown) return -1;
        replay->contacts = grown;
        replay->contact_capacity = capacity;
    }
    GtContact *contact = &replay->contacts[replay->contact_count];
    memset(contact, 0, sizeof *contact);
    contact->id = id;
    return (int)replay->contact_count++;
}

bool gt_replay_add_sample(GtReplay *replay, int index, GtSample sample) {
    if (index < 0 || (size_t)index >= replay->contact_count) return false;
    GtContact *contact = &replay->contacts[index];
    if (contact->count == contact->capacity) {
        size_t capacity = contact->capacity ? contact->capacity * 2 : 64;
        GtSample *grown = realloc(contact->samples, capacity * sizeof *grown);
        if (!grown) return false;
        contact->samples = grown;
        contact->capacity = capacity;
    }
    contact->samples[contact->count++] = sample;
    return true;
}

size_t gt_replay_sample_count(const GtReplay *replay) {
    size_t total = 0;
    for (size_t i = 0; i < replay->contact_count; i++) total += replay->contacts[i].count;
    return total;
}

bool gt_replay_time_span(const GtReplay *replay, double *first_ms, double *last_ms) {
    bool any = false;
    for (size_t i = 0; i < replay->contact_count; i++) {
        const GtContact *c = &replay->contacts[i];
        if (!c->count) continue;
        double a = c->samples[0].t_ms, b = c->samples[c->count - 1].t_ms;
        if (!any || a < *first_ms) *first_ms = a;
        if (!any || b > *last_ms) *last_ms = b;
        any = true;
    }
    return any;
}

bool gt_replay_copy(GtReplay *dst, const GtReplay *src) {
    *dst = *src;
    dst->contacts = NULL;
    dst->contact_count = dst->contact_capacity = 0;
    for (size_t i = 0; i < src->contact_count; i++) {
        int index = gt_replay_add_contact(dst, src->contacts[i].id);
        if (index < 0) { gt_replay_free(dst); return false; }
        for (size_t k = 0; k < src->contacts[i].count; k++) {
            if (!gt_replay_add_sample(dst, index, src->contacts[i].samples[k])) {
                gt_replay_free(dst);
                return false;
            }
        }
    }
    return true;
}

void gt_replay_free(GtReplay *replay) {
    for (size_t i = 0; i < replay->contact_count; i++) free(replay->contacts[i].samples);
    free(replay->contacts);
    gt_replay_init(replay);
}

const char *gt_device_name(GtDevice device) {
    return (unsigned)device < GT_DEVICE_COUNT ? GT_DEVICE_NAMES[device] : "unknown";
}


const char *gt_pressure_source_name(GtPressureSource source) {
    return (unsigned)source < GT_PRESSURE_SOURCE_COUNT ? GT_PRESSURE_SOURCE_NAMES[source] : "unknown";
}

bool gt_replay_same(const GtReplay *a, const GtReplay *b) {
    if (strcmp(a->lesson, b->lesson) != 0 || strcmp(a->technique, b->technique) != 0 || a->step != b->step ||
        a->view != b->view || a->device != b->device || a->pressure_source != b->pressure_source ||
        a->contact_count != b->contact_count)
        return false;
    for (size_t i = 0; i < a->contact_count; i++) {
        const GtContact *x = &a->contacts[i], *y = &b->contacts[i];
        if (x->id != y->id || x->count != y->count ||
            (x->count && memcmp(x->samples, y->samples, x->count * sizeof *x->samples) != 0))
            return false;
    }
    return true;
}
