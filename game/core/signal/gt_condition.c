#include "gt_condition.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Half-width of the Gaussian kernel, in grid steps (three standard deviations). */
static int kernel_half_width(void) {
    return (int)ceil(3.0 * GT_CONDITION_SMOOTH_MS / GT_CONDITION_STEP_MS);
}

/* Copies the contact's samples into `out`, merging samples whose time does not advance (their
 * positions and pressures averaged) so that time strictly increases. Returns the count kept. */
static size_t merge_repeated_times(const GtContact *contact, GtSample *out) {
    size_t n = 0, merged = 1;
    for (size_t k = 0; k < contact->count; k++) {
        GtSample s = contact->samples[k];
        if (n > 0 && s.t_ms <= out[n - 1].t_ms) {
            GtSample *last = &out[n - 1];
            merged++;
            last->x_cm += (s.x_cm - last->x_cm) / (double)merged;
            last->y_cm += (s.y_cm - last->y_cm) / (double)merged;
            last->pressure += (s.pressure - last->pressure) / (double)merged;
            continue;
        }
        out[n++] = s;
        merged = 1;
    }
    return n;
}

static double median3(double a, double b, double c) {
    if (a > b) { double t = a; a = b; b = t; }
    if (b > c) b = c;
    return a > b ? a : b;
}

/* Replaces lone spikes (a sample far from both neighbours) by the median of three; the ends
 * are kept as they are. Works on a copy so every median reads raw neighbours. */
static void despike(GtSample *s, size_t n, GtSample *scratch) {
    if (n < 3) return;
    memcpy(scratch, s, n * sizeof *s);
    for (size_t k = 1; k + 1 < n; k++) {
        s[k].x_cm = median3(scratch[k - 1].x_cm, scratch[k].x_cm, scratch[k + 1].x_cm);
        s[k].y_cm = median3(scratch[k - 1].y_cm, scratch[k].y_cm, scratch[k + 1].y_cm);
    }
}

/* Linear interpolation of the samples at time t (t within their span). `cursor` walks forward. */
static GtSample interpolate(const GtSample *s, size_t n, double t, size_t *cursor) {
    while (*cursor + 1 < n && s[*cursor + 1].t_ms < t) (*cursor)++;
    size_t i = *cursor;
    if (i + 1 >= n) return s[n - 1];
    double span = s[i + 1].t_ms - s[i].t_ms, f = span > 0.0 ? (t - s[i].t_ms) / span : 0.0;
    if (f < 0.0) f = 0.0;
    if (f > 1.0) f = 1.0;
    GtSample r = { t, s[i].x_cm + f * (s[i + 1].x_cm - s[i].x_cm), s[i].y_cm + f * (s[i + 1].y_cm - s[i].y_cm),
                   s[i].pressure + f * (s[i + 1].pressure - s[i].pressure) };
    return r;
}

/* Gaussian low-pass of position and pressure over an evenly spaced grid; near the ends the
 * kernel is cut and renormalised, so the first and last positions stay where the hand was. */
static void low_pass(const GtSample *grid, size_t n, GtSample *out, const double *kernel, int half) {
    for (size_t k = 0; k < n; k++) {
        double x = 0.0, y = 0.0, p = 0.0, w = 0.0;
        if (k >= (size_t)half && k + (size_t)half < n) { /* the whole kernel fits: the same sums, unchecked */
            const GtSample *at = grid + (k - (size_t)half);
            for (int j = 0; j <= 2 * half; j++) {
                double kw = kernel[j];
                x += kw * at[j].x_cm;
                y += kw * at[j].y_cm;
                p += kw * at[j].pressure;
                w += kw;
            }
            out[k] = (GtSample){ grid[k].t_ms, x / w, y / w, p / w };
            continue;
        }
        for (int j = -half; j <= half; j++) {
            long i = (long)k + j;
            if (i < 0 || i >= (long)n) continue;
            double kw = kernel[j + half];
            x += kw * grid[i].x_cm;
            y += kw * grid[i].y_cm;
            p += kw * grid[i].pressure;
            w += kw;
        }
        out[k] = (GtSample){ grid[k].t_ms, x / w, y / w, p / w };
    }
}

/* Conditions one contact into contact `index` of `out`; adds squared raw-vs-smooth distances.
 * `work` has room for 3 x max(contact size, grid size) samples. */
static bool condition_contact(const GtContact *contact, GtReplay *out, int index, GtSample *work,
                              const double *kernel, int half, double *squares, size_t *count) {
    GtSample *raw = work, *grid = work + contact->count, *smooth = NULL;
    size_t n = merge_repeated_times(contact, raw);
    if (n == 0) return true;
    despike(raw, n, grid);
    double span = raw[n - 1].t_ms - raw[0].t_ms;
    size_t steps = (size_t)floor(span / GT_CONDITION_STEP_MS);
    size_t grid_n = steps + 1 + (raw[0].t_ms + (double)steps * GT_CONDITION_STEP_MS < raw[n - 1].t_ms ? 1 : 0);
    GtSample *buffer = malloc(2 * grid_n * sizeof *buffer);
    if (!buffer) return false;
    grid = buffer;
    smooth = buffer + grid_n;
    size_t cursor = 0;
    for (size_t k = 0; k < grid_n; k++) {
        double t = k + 1 == grid_n ? raw[n - 1].t_ms : raw[0].t_ms + (double)k * GT_CONDITION_STEP_MS;
        grid[k] = interpolate(raw, n, t, &cursor);
    }
    low_pass(grid, grid_n, smooth, kernel, half);
    bool ok = true;
    for (size_t k = 0; ok && k < grid_n; k++) ok = gt_replay_add_sample(out, index, smooth[k]);
    cursor = 0;
    for (size_t k = 0; k < contact->count; k++) {
        const GtSample *s = &contact->samples[k];
        if (s->t_ms < raw[0].t_ms || s->t_ms > raw[n - 1].t_ms) continue;
        GtSample c = interpolate(smooth, grid_n, s->t_ms, &cursor);
        *squares += (s->x_cm - c.x_cm) * (s->x_cm - c.x_cm) + (s->y_cm - c.y_cm) * (s->y_cm - c.y_cm);
        (*count)++;
    }
    free(buffer);
    return ok;
}

bool gt_condition_replay(const GtReplay *raw, GtReplay *out, double *jitter_cm) {
    gt_replay_init_like(out, raw);
    if (jitter_cm) *jitter_cm = 0.0;
    int half = kernel_half_width();
    double *kernel = malloc((size_t)(2 * half + 1) * sizeof *kernel);
    size_t largest = 1;
    for (size_t c = 0; c < raw->contact_count; c++)
        if (raw->contacts[c].count > largest) largest = raw->contacts[c].count;
    GtSample *work = malloc(2 * largest * sizeof *work);
    bool ok = kernel && work;
    for (int j = -half; ok && j <= half; j++) {
        double t = (double)j * GT_CONDITION_STEP_MS / GT_CONDITION_SMOOTH_MS;
        kernel[j + half] = exp(-0.5 * t * t);
    }
    double squares = 0.0;
    size_t count = 0;
    for (size_t c = 0; ok && c < raw->contact_count; c++) {
        int index = gt_replay_add_contact(out, raw->contacts[c].id);
        ok = index >= 0 && condition_contact(&raw->contacts[c], out, index, work, kernel, half, &squares, &count);
    }
    free(kernel);
    free(work);
    if (!ok) { gt_replay_free(out); return false; }
    if (jitter_cm && count) *jitter_cm = sqrt(squares / (double)count);
    return true;
}
