#include "text_ranges.h"

#include <stdio.h>
#include <string.h>

/* ASCII character classes (a text's other bytes are neither). */
static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* Reads a plain decimal number (12, 0.5) at text[*at]; moves past it. False when there is none. */
static bool read_number(const char *text, size_t *at, double *out) {
    size_t i = *at;
    if (!is_digit(text[i])) return false;
    double value = 0.0;
    while (is_digit(text[i])) value = value * 10 + (text[i++] - '0');
    if (text[i] == '.' && is_digit(text[i + 1])) {
        double scale = 0.1;
        for (i++; is_digit(text[i]); i++, scale /= 10) value += (text[i] - '0') * scale;
    }
    if (is_letter(text[i]) || is_digit(text[i])) return false;  /* "2nd", "3x" */
    *out = value;
    *at = i;
    return true;
}

/* Moves past spaces at text[*at]. */
static void skip_blanks(const char *text, size_t *at) {
    while (text[*at] == ' ') (*at)++;
}

/* True when `text` at `at` starts with `word` (any case) as a whole word; moves past it. */
static bool read_word(const char *text, size_t *at, const char *word) {
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++) {
        char c = text[*at + i];
        if (c >= 'A' && c <= 'Z') c = (char)(c - 'A' + 'a');
        if (c != word[i]) return false;
    }
    if (is_letter(text[*at + n])) return false;
    *at += n;
    return true;
}

/* Reads "A-B", "A–B" (en dash) or "A to B" at text[*at]; moves past it. */
static bool read_range(const char *text, size_t *at, double *lo, double *hi) {
    size_t i = *at;
    if (!read_number(text, &i, lo)) return false;
    skip_blanks(text, &i);
    if (text[i] == '-') i++;
    else if (strncmp(text + i, "\xE2\x80\x93", 3) == 0) i += 3;
    else if (!read_word(text, &i, "to")) return false;
    skip_blanks(text, &i);
    if (!read_number(text, &i, hi) || !(*lo < *hi)) return false;
    *at = i;
    return true;
}

/* True when the word just before text[at] (skipping spaces and an opening parenthesis) is
 * "level", "levels" or "pressure"; *start gets where that word begins. */
static bool after_level_word(const char *text, size_t at, size_t *start) {
    size_t i = at;
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '(')) i--;
    size_t end = i;
    while (i > 0 && is_letter(text[i - 1])) i--;
    static const char *const words[] = { "level", "levels", "pressure" };
    for (size_t w = 0; w < 3; w++) {
        size_t k = i;
        if (end - i == strlen(words[w]) && read_word(text, &k, words[w])) {
            *start = i;
            return true;
        }
    }
    return false;
}

/* Reads the unit after a range: seconds (a hold), cm per second (a speed) or so many per second
 * or per minute (a tempo, with an optional noun between: "taps a second"). *per_minute gets
 * the factor to cycles per minute for a tempo. */
static bool read_unit(const char *text, size_t *at, GtTextQuantity *quantity, double *per_minute) {
    size_t i = *at;
    skip_blanks(text, &i);
    static const char *const seconds[] = { "seconds", "second", "secs", "sec", "s" };
    for (size_t w = 0; w < 5; w++)
        if (read_word(text, &i, seconds[w])) { *quantity = GT_TEXT_HOLD; *at = i; return true; }
    bool cm = read_word(text, &i, "cm") || read_word(text, &i, "centimetres") || read_word(text, &i, "centimeters");
    size_t probe = i;
    bool per = read_word(text, &probe, "a") || read_word(text, &probe, "per") || read_word(text, &probe, "each");
    if (!cm && !per)
        while (is_letter(text[i])) i++;  /* the noun: "taps", "cycles", "strokes" */
    if (strncmp(text + i, "/s", 2) == 0 && !is_letter(text[i + 2])) i += 2, *per_minute = 60;
    else if (strncmp(text + i, "/min", 4) == 0 && !is_letter(text[i + 4])) i += 4, *per_minute = 1;
    else {
        skip_blanks(text, &i);
        if (!read_word(text, &i, "a") && !read_word(text, &i, "per") && !read_word(text, &i, "each")) return false;
        skip_blanks(text, &i);
        if (read_word(text, &i, "second") || read_word(text, &i, "sec")) *per_minute = 60;
        else if (read_word(text, &i, "minute") || read_word(text, &i, "min")) *per_minute = 1;
        else return false;
    }
    if (cm && *per_minute != 60) return false;
    *quantity = cm ? GT_TEXT_SPEED : GT_TEXT_TEMPO;
    *at = i;
    return true;
}

bool gt_text_next_range(const char *text, size_t *from, GtTextRange *out) {
    for (size_t i = *from; text[i]; i++) {
        if (!is_digit(text[i]) || (i > 0 && (is_digit(text[i - 1]) || text[i - 1] == '.' || is_letter(text[i - 1]))))
            continue;
        size_t end = i, start = i;
        if (!read_range(text, &end, &out->lo, &out->hi)) continue;
        size_t numbers_end = end;
        double per_minute = 1.0;
        if (after_level_word(text, i, &start)) out->quantity = GT_TEXT_LEVEL;
        else if (!read_unit(text, &end, &out->quantity, &per_minute)) { i = end; continue; }
        if (out->quantity == GT_TEXT_TEMPO) { out->lo *= per_minute; out->hi *= per_minute; }
        out->per_minute = out->quantity == GT_TEXT_TEMPO ? per_minute : 1.0;
        out->start = start;
        out->numbers_start = i;
        out->numbers_end = numbers_end;
        snprintf(out->phrase, sizeof out->phrase, "%.*s", (int)(end - start), text + start);
        *from = end;
        return true;
    }
    return false;
}
