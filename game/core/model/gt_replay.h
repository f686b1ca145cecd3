/* gt_replay: one recorded attempt (or demonstration): contacts made of timed samples.
 *
 * A GtReplay owns its contacts and samples (plain malloc); gt_replay_free releases them.
 * The app, the command line, demos and tests all build and read this one structure. */
#ifndef GT_REPLAY_H
#define GT_REPLAY_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_bodymap.h"

enum { GT_REPLAY_FORMAT_VERSION = 1, GT_ID_MAX = 64 };

/* The limits every replay keeps, shared by the trainer that records attempts (which ends an
 * attempt that reaches one) and the loader that reads them, so nothing the trainer writes is
 * ever rejected: an hour from the first touch, 4096 presses (a minute of tapotement at ten taps
 * a second is 600), a million samples (ten fingers moving for half an hour at SDL's event
 * rate, 32 MB). Contact ids are the trainer's finger slots, reused once a finger lifts. */
enum { GT_REPLAY_MAX_CONTACTS = 4096, GT_REPLAY_MAX_SAMPLES = 1000000, GT_REPLAY_MAX_CONTACT_ID = 1000 };
#define GT_REPLAY_MAX_MS (3600.0 * 1000.0)

typedef enum GtDevice { GT_DEVICE_MOUSE, GT_DEVICE_TOUCH, GT_DEVICE_PEN, GT_DEVICE_SYNTHETIC, GT_DEVICE_COUNT } GtDevice;

typedef enum GtPressureSource {
    GT_PRESSURE_DEVICE, GT_PRESSURE_WHEEL, GT_PRESSURE_KEYS, GT_PRESSURE_SLIDER, GT_PRESSURE_NONE,
    GT_PRESSURE_SOURCE_COUNT
} GtPressureSource;

typedef struct GtSample {
    double t_ms;     /* from the attempt's first touch (0 to GT_REPLAY_MAX_MS) */
    double x_cm;
    double y_cm;
    double pressure; /* 0..1; level on the 0-10 scale is 10 x pressure */
} GtSample;

typedef struct GtContact {
    int id;              /* finger or hand; contacts with different ids may overlap in time */
    GtSample *samples;   /* count used, capacity allocated */
    size_t count;
    size_t capacity;
} GtContact;

typedef struct GtReplay {
    char lesson[GT_ID_MAX];
    int step;                        /* 1-based */
    char technique[GT_ID_MAX];
    GtView view;
    GtDevice device;
    GtPressureSource pressure_source;
    GtContact *contacts;
    size_t contact_count;
    size_t contact_capacity;
} GtReplay;

/* Starts an empty replay (no contacts, device synthetic, pressure source none). */
void gt_replay_init(GtReplay *replay);

/* Starts an empty replay that describes the same attempt as `like` (lesson, step, technique,
 * view, device, pressure source) but has no contacts yet. */
void gt_replay_init_like(GtReplay *replay, const GtReplay *like);

/* Appends an empty contact; returns its index, or -1 when memory runs out. */
int gt_replay_add_contact(GtReplay *replay, int id);

/* Appends a sample to contact `index`; false when memory runs out or index is bad. */
bool gt_replay_add_sample(GtReplay *replay, int index, GtSample sample);

/* Total samples over all contacts. */
size_t gt_replay_sample_count(const GtReplay *replay);

/* Earliest and latest sample times; false when the replay has no samples. */
bool gt_replay_time_span(const GtReplay *replay, double *first_ms, double *last_ms);

/* Deep copy; false (and dst left empty) when memory runs out. */
bool gt_replay_copy(GtReplay *dst, const GtReplay *src);
/* True when two replays are the same attempt to the last bit: header, contacts and samples. */
bool gt_replay_same(const GtReplay *a, const GtReplay *b);

/* Releases contacts and samples; the replay is empty again. */
void gt_replay_free(GtReplay *replay);

/* The words the files use, indexed by the enums: the one place they are spelt. */
extern const char *const GT_DEVICE_NAMES[GT_DEVICE_COUNT];
extern const char *const GT_PRESSURE_SOURCE_NAMES[GT_PRESSURE_SOURCE_COUNT];

/* The name of a device or pressure source ("unknown" when out of range). */
const char *gt_device_name(GtDevice device);
const char *gt_pressure_source_name(GtPressureSource source);

#endif
