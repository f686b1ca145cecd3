#include "suggest.h"

#include <string.h>

enum { SUGGEST_MAX_LEN = 128 };

size_t gt_edit_distance(const char *a, const char *b, size_t limit) {
    size_t n = strlen(a), m = strlen(b);
    if (n > SUGGEST_MAX_LEN || m > SUGGEST_MAX_LEN) return limit + 1;
    if ((n > m ? n - m : m - n) > limit) return limit + 1;
    /* three rolling rows for the optimal-string-alignment distance */
    size_t rows[3][SUGGEST_MAX_LEN + 1];
    size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    for (size_t j = 0; j <= m; j++) prev[j] = j;
    for (size_t i = 1; i <= n; i++) {
        cur[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = prev[j] + 1;
            if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
            if (prev[j - 1] + cost < best) best = prev[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < best)
                best = prev2[j - 2] + 1;
            cur[j] = best;
        }
        size_t *spare = prev2;
        prev2 = prev;
        prev = cur;
        cur = spare;
    }
    return prev[m] > limit ? limit + 1 : prev[m];
}

const char *gt_suggest(const char *word, const char *const *candidates, size_t count) {
    if (!word) return NULL;
    size_t len = strlen(word);
    size_t limit = len / 3 > 2 ? len / 3 : 2;
    const char *best = NULL;
    size_t best_distance = limit + 1;
    for (size_t i = 0; i < count; i++) {
        if (!candidates[i]) continue;
        size_t d = gt_edit_distance(word, candidates[i], limit);
        if (d < best_distance) { best_distance = d; best = candidates[i]; }
    }
    return best;
}
