#include "gt_motion.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int compare_weighted(const void *a, const void *b) {
    double x = ((const GtWeighted *)a)->value, y = ((const GtWeighted *)b)->value;
    return (x > y) - (x < y);
}

/* Sorts items by value keeping equal values in their order, the very order glibc's qsort (a
 * merge sort) gave, without a call per comparison: insertion sort of runs of 16, then merges
 * through a scratch buffer. Falls back to qsort for a NaN (no order) or when memory runs out. */
static void sort_by_value(GtWeighted *items, size_t n) {
    bool ordered = n > 0, sorted = true;
    for (size_t i = 0; i < n && ordered; i++) {
        ordered = !isnan(items[i].value);
        if (i && items[i - 1].value > items[i].value) sorted = false;
    }
    if (ordered && sorted) return; /* a second quantile of the same items */
    GtWeighted *scratch = ordered ? malloc(n * sizeof *scratch) : NULL;
    if (!scratch) {
        if (n) qsort(items, n, sizeof *items, compare_weighted);
        return;
    }
    enum { RUN = 16 };
    for (size_t start = 0; start < n; start += RUN) {
        size_t end = start + RUN < n ? start + RUN : n;
        for (size_t i = start + 1; i < end; i++) {
            GtWeighted item = items[i];
            size_t j = i;
            for (; j > start && items[j - 1].value > item.value; j--) items[j] = items[j - 1];
            items[j] = item;
        }
    }
    GtWeighted *from = items, *to = scratch;
    for (size_t width = RUN; width < n; width *= 2) {
        for (size_t left = 0; left < n; left += 2 * width) {
            size_t mid = left + width < n ? left + width : n, end = left + 2 * width < n ? left + 2 * width : n;
            size_t a = left, b = mid, k = left;
            while (a < mid && b < end) to[k++] = from[b].value < from[a].value ? from[b++] : from[a++];
            while (a < mid) to[k++] = from[a++];
            while (b < end) to[k++] = from[b++];
        }
        GtWeighted *swap = from;
        from = to;
        to = swap;
    }
    if (from != items) memcpy(items, from, n * sizeof *items);
    free(scratch);
}

double gt_weighted_quantile(GtWeighted *items, size_t n, double q) {
    if (n == 0) return NAN;
    sort_by_value(items, n);
    double total = 0.0;
    for (size_t i = 0; i < n; i++) total += items[i].weight;
    bool equal = total <= 0.0;
    if (equal) total = (double)n;
    double target = q * total, running = 0.0;
    for (size_t i = 0; i < n; i++) {
        running += equal ? 1.0 : items[i].weight;
        if (running >= target && (running > 0.0 || i == n - 1)) return items[i].value;
    }
    return items[n - 1].value;
}

double gt_weighted_mean(const GtWeighted *items, size_t n) {
    double sum = 0.0, total = 0.0;
    for (size_t i = 0; i < n; i++) { sum += items[i].value * items[i].weight; total += items[i].weight; }
    if (total <= 0.0) {
        if (n == 0) return NAN;
        for (size_t i = 0; i < n; i++) sum += items[i].value;
        return sum / (double)n;
    }
    return sum / total;
}

double gt_weighted_cv(const GtWeighted *items, size_t n) {
    double mean = gt_weighted_mean(items, n);
    if (!(fabs(mean) > 0.0)) return 0.0;
    double sum = 0.0, total = 0.0;
    for (size_t i = 0; i < n; i++) {
        double w = items[i].weight;
        sum += w * (items[i].value - mean) * (items[i].value - mean);
        total += w;
    }
    return total > 0.0 ? sqrt(sum / total) / fabs(mean) : 0.0;
}

double gt_sample_duration_ms(const GtContact *contact, size_t k) {
    if (k + 1 >= contact->count) return 0.0;
    return contact->samples[k + 1].t_ms - contact->samples[k].t_ms;
}

double gt_band_score(double value, double lo, double hi, double tolerance) {
    if (isnan(value)) return 0.0;
    double d = value < lo ? lo - value : value > hi ? value - hi : 0.0;
    if (d <= 0.0) return 100.0;
    if (!(tolerance > 0.0)) return 0.0;
    double x = d / tolerance;
    return 100.0 * exp2(-x * x);
}

double gt_ratio_band_score(double value, double lo, double hi, double ratio) {
    if (!(value > 0.0)) return 0.0;
    double d = value < lo ? log(lo / value) : value > hi ? log(value / hi) : 0.0;
    return gt_band_score(d, 0.0, 0.0, log(ratio));
}

GtSample gt_sample_quantize(GtSample s) {
    s.t_ms = round(s.t_ms);
    s.x_cm = round(s.x_cm * 100.0) / 100.0;
    s.y_cm = round(s.y_cm * 100.0) / 100.0;
    s.pressure = round(s.pressure * 1000.0) / 1000.0;
    if (s.pressure < 0.0) s.pressure = 0.0;
    if (s.pressure > 1.0) s.pressure = 1.0;
    return s;
}

double gt_pressing_level(const GtTechnique *technique) {
    return fmax(0.1, 0.25 * technique->pressure_level.min);
}

double gt_pattern_reach_cm(const GtTechnique *technique) {
    switch (technique->pattern) {
    case GT_PATTERN_CIRCLE:
    case GT_PATTERN_KNEAD: return 0.6 * technique->amplitude_cm;
    case GT_PATTERN_CROSS_FIBRE: return 0.8 * technique->amplitude_cm;
    case GT_PATTERN_TAP: return 0.5 * technique->amplitude_cm;
    case GT_PATTERN_HOLD: return technique->drift_max_cm;
    default: return 0.0;
    }
}

double gt_roll_reversal_cm(double jitter_cm) {
    return fmax(1.0, 4.0 * jitter_cm);
}

double gt_band_geometric_mid(GtRange range) {
    if (range.min <= 0.0) return gt_band_mid(range);
    return sqrt(range.min * range.max);
}

double gt_band_mid(GtRange range) {
    return 0.5 * (range.min + range.max);
}
