#include "json_doc.h"
#include "suggest.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- paths ---- */

GtPath gt_path_root(void) {
    GtPath path;
    memset(&path, 0, sizeof path);
    return path;
}

GtPath gt_path_key(const GtPath *parent, const char *key) {
    return gt_path_key_nth(parent, key, 0);
}

/* Appends `piece` to the path text, which holds `used` characters, cutting it short as snprintf
 * would when the text is full; the new length (the text stays NUL-terminated). */
static size_t append_text(char *text, size_t size, size_t used, const char *piece) {
    while (*piece && used + 1 < size) text[used++] = *piece++;
    text[used] = '\0';
    return used;
}

GtPath gt_path_key_nth(const GtPath *parent, const char *key, int nth) {
    GtPath path = *parent;
    size_t used = strlen(path.text);
    if (used) used = append_text(path.text, sizeof path.text, used, ".");
    append_text(path.text, sizeof path.text, used, key);
    if (path.depth < GT_PATH_DEPTH) {
        path.token[path.depth].index = -1;
        path.token[path.depth].nth = nth;
        append_text(path.token[path.depth].key, GT_PATH_KEY, 0, key);
    }
    path.depth++;
    return path;
}

GtPath gt_path_index(const GtPath *parent, size_t index) {
    GtPath path = *parent;
    char digits[24], *at = digits + sizeof digits; /* "[index]", written from its end */
    size_t rest = index;
    *--at = '\0';
    *--at = ']';
    do *--at = (char)('0' + rest % 10); while ((rest /= 10) > 0);
    *--at = '[';
    append_text(path.text, sizeof path.text, strlen(path.text), at);
    if (path.depth < GT_PATH_DEPTH) {
        path.token[path.depth].index = (long)index;
        path.token[path.depth].nth = 0;
        path.token[path.depth].key[0] = '\0';
    }
    path.depth++;
    return path;
}

/* ---- a small scanner that walks the raw text to find where a path's value starts ---- */

typedef struct Scanner {
    const char *text;
    size_t length;
    size_t pos;
} Scanner;

static void skip_space(Scanner *s) {
    while (s->pos < s->length && strchr(" \t\r\n", s->text[s->pos]) && s->text[s->pos]) s->pos++;
}

/* Moves past a string starting at pos (on the opening quote). */
static void skip_string(Scanner *s) {
    s->pos++;
    while (s->pos < s->length && s->text[s->pos] != '"') {
        if (s->text[s->pos] == '\\') s->pos++;
        s->pos++;
    }
    if (s->pos < s->length) s->pos++;
}

/* Moves past one value of any kind. */
static void skip_value(Scanner *s) {
    skip_space(s);
    if (s->pos >= s->length) return;
    char c = s->text[s->pos];
    if (c == '"') { skip_string(s); return; }
    if (c == '{' || c == '[') {
        int depth = 0;
        while (s->pos < s->length) {
            c = s->text[s->pos];
            if (c == '"') { skip_string(s); continue; }
            if (c == '{' || c == '[') depth++;
            if (c == '}' || c == ']') {
                depth--;
                if (depth == 0) { s->pos++; return; }
            }
            s->pos++;
        }
        return;
    }
    while (s->pos < s->length && !strchr(",}] \t\r\n", s->text[s->pos])) s->pos++;
}

/* With pos on '{', finds the nth occurrence of member `key`; leaves pos on its value (or its
 * key when at_key). False when the object has no such member or is malformed. */
static bool find_member(Scanner *s, const char *key, int nth, bool at_key) {
    size_t key_len = strlen(key);
    s->pos++;
    for (;;) {
        skip_space(s);
        if (s->pos >= s->length || s->text[s->pos] != '"') return false;
        size_t key_start = s->pos;
        skip_string(s);
        size_t raw_len = s->pos - key_start - 2;
        bool match = raw_len == key_len && memcmp(s->text + key_start + 1, key, key_len) == 0;
        skip_space(s);
        if (s->pos >= s->length || s->text[s->pos] != ':') return false;
        s->pos++;
        skip_space(s);
        if (match && nth-- == 0) {
            if (at_key) s->pos = key_start;
            return true;
        }
        skip_value(s);
        skip_space(s);
        if (s->pos >= s->length || s->text[s->pos] != ',') return false;
        s->pos++;
    }
}

/* With pos on '[', finds element `index`; leaves pos on it. */
static bool find_element(Scanner *s, long index) {
    s->pos++;
    for (long i = 0;; i++) {
        skip_space(s);
        if (s->pos >= s->length || s->text[s->pos] == ']') return false;
        if (i == index) return true;
        skip_value(s);
        skip_space(s);
        if (s->pos >= s->length || s->text[s->pos] != ',') return false;
        s->pos++;
    }
}

/* Line and column (1-based, columns in bytes) of `offset` in `text`. */
static void offset_to_line_column(const char *text, size_t offset, int *line, int *column) {
    int l = 1, c = 1;
    for (size_t i = 0; i < offset; i++) {
        if (text[i] == '\n') { l++; c = 1; } else c++;
    }
    *line = l;
    *column = c;
}

/* Offset of a leading UTF-8 byte-order mark's end (cJSON skips one too), else 0. */
static size_t bom_length(const char *text, size_t length) {
    return length >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* Offset where the value (or key) at `path` starts, or its nearest existing parent's. */
static size_t locate_offset(const GtJsonDoc *doc, const GtPath *path, bool at_key) {
    Scanner s = { doc->text, doc->length, bom_length(doc->text, doc->length) };
    skip_space(&s);
    size_t found = s.pos;
    int depth = path->depth < GT_PATH_DEPTH ? path->depth : GT_PATH_DEPTH;
    for (int i = 0; i < depth; i++) {
        bool last = i == depth - 1;
        skip_space(&s);
        if (s.pos >= s.length) break;
        bool ok;
        if (path->token[i].index < 0)
            ok = s.text[s.pos] == '{' && find_member(&s, path->token[i].key, path->token[i].nth, at_key && last);
        else
            ok = s.text[s.pos] == '[' && find_element(&s, path->token[i].index);
        if (!ok) break;
        found = s.pos;
    }
    return found < doc->length ? found : doc->length;
}

void gt_json_locate(const GtJsonDoc *doc, const GtPath *path, bool at_key, int *line, int *column) {
    offset_to_line_column(doc->text, locate_offset(doc, path, at_key), line, column);
}

/* The value of the hex digit c, or -1. */
static int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* The code unit of the backslash-u escape (six bytes) at `at`, on its backslash, or -1 when there is none. */
static long unicode_escape(const char *text, size_t length, size_t at) {
    if (at + 6 > length || text[at] != '\\' || text[at + 1] != 'u') return -1;
    long unit = 0;
    for (size_t k = 2; k < 6; k++) {
        int digit = hex_digit(text[at + k]);
        if (digit < 0) return -1;
        unit = unit * 16 + digit;
    }
    return unit;
}

/* Moves `*raw` past one escape (on its backslash) and returns how many decoded bytes it stands for. */
static size_t skip_escape(const char *text, size_t length, size_t *raw) {
    long unit = unicode_escape(text, length, *raw);
    if (unit < 0) {
        *raw += 2;
        return 1;
    }
    *raw += 6;
    if (unit >= 0xD800 && unit <= 0xDBFF && unicode_escape(text, length, *raw) >= 0xDC00 &&
        unicode_escape(text, length, *raw) <= 0xDFFF) {
        *raw += 6;
        return 4;
    }
    return unit < 0x80 ? 1 : unit < 0x800 ? 2 : 3;
}

void gt_json_locate_in_string(const GtJsonDoc *doc, const GtPath *path, size_t byte_index, int *line,
                              int *column) {
    size_t start = locate_offset(doc, path, false);
    size_t raw = start, decoded = 0;
    if (start < doc->length && doc->text[start] == '"') {
        raw = start + 1;
        while (decoded < byte_index && raw < doc->length && doc->text[raw] != '"') {
            if (doc->text[raw] == '\\') decoded += skip_escape(doc->text, doc->length, &raw);
            else { raw++; decoded++; }
        }
        if (decoded != byte_index || raw >= doc->length) raw = start;
    }
    offset_to_line_column(doc->text, raw, line, column);
}

void gt_json_raw(const GtJsonDoc *doc, const GtPath *path, char *buffer, size_t size) {
    Scanner s = { doc->text, doc->length, locate_offset(doc, path, false) };
    size_t start = s.pos;
    if (start < s.length && (s.text[start] == '{' || s.text[start] == '[')) s.pos = start;
    else skip_value(&s);
    size_t n = s.pos - start < size - 1 ? s.pos - start : size - 1;
    memcpy(buffer, doc->text + start, n);
    buffer[n] = '\0';
}

bool gt_json_doc_has_nul_escapes(GtJsonDoc *doc) {
    if (!doc->text) return false;
    if (!doc->nul_escapes) {
        bool some = false;
        const char *at = doc->text, *end = doc->text + doc->length;
        while (!some && end - at >= 6 && (at = memchr(at, '\\', (size_t)(end - at - 5))) != NULL) {
            some = memcmp(at + 1, "u0000", 5) == 0;
            at++;
        }
        doc->nul_escapes = some ? 2 : 1;
    }
    return doc->nul_escapes == 2;
}

bool gt_json_string_has_nul(GtJsonDoc *doc, const GtPath *path) {
    if (!gt_json_doc_has_nul_escapes(doc)) return false;
    Scanner s = { doc->text, doc->length, locate_offset(doc, path, false) };
    size_t start = s.pos;
    skip_value(&s);
    for (size_t i = start; i + 6 <= s.pos; i++) {
        if (doc->text[i] != '\\') continue;
        if (memcmp(doc->text + i + 1, "u0000", 5) == 0) return true;
        i++; /* an escaped character: "\\u0000" is a backslash and text */
    }
    return false;
}

bool gt_json_typo_reported(const GtJsonDoc *doc, const cJSON *object, const char *key) {
    for (size_t i = 0; i < doc->typo_count; i++)
        if (doc->typos[i].object == object && strcmp(doc->typos[i].key, key) == 0) return true;
    return false;
}

/* Adds one problem at the value (or key) `path` names, or at its nearest existing parent. */
static void report(GtJsonDoc *doc, const GtPath *path, bool at_key, const char *format, va_list args) {
    if (doc->diag->count >= GT_DIAG_MAX_ENTRIES) { /* full: counted, not located (locating scans the file) */
        doc->diag->dropped++;
        doc->errors++;
        return;
    }
    char message[768];
    vsnprintf(message, sizeof message, format, args);
    int line = 1, column = 1;
    gt_json_locate(doc, path, at_key, &line, &column);
    gt_diag_add(doc->diag, doc->file, line, column, path->text, "%s", message);
    doc->errors++;
}

void gt_json_error(GtJsonDoc *doc, const GtPath *path, const char *format, ...) {
    va_list args;
    va_start(args, format);
    report(doc, path, false, format, args);
    va_end(args);
}

void gt_json_error_at_key(GtJsonDoc *doc, const GtPath *path, const char *format, ...) {
    va_list args;
    va_start(args, format);
    report(doc, path, true, format, args);
    va_end(args);
}

/* ---- parsing ---- */

size_t gt_json_first_non_text_byte(const unsigned char *p, size_t length) {
    size_t i = 0;
    while (i < length) {
        /* eight plain ASCII bytes at a time: none has its top bit set and none is zero */
        for (uint64_t word; i + 8 <= length; i += 8) {
            memcpy(&word, p + i, 8);
            if (((word | ~((word | 0x8080808080808080u) - 0x0101010101010101u)) & 0x8080808080808080u) != 0) break;
        }
        if (i >= length) break;
        unsigned char c = p[i];
        size_t extra;
        if (c == 0) return i;
        if (c < 0x80) { i++; continue; }
        else if (c >= 0xC2 && c <= 0xDF) extra = 1;
        else if (c >= 0xE0 && c <= 0xEF) extra = 2;
        else if (c >= 0xF0 && c <= 0xF4) extra = 3;
        else return i;
        for (size_t k = 1; k <= extra; k++)
            if (i + k >= length || (p[i + k] & 0xC0) != 0x80) return i;
        /* overlong three- and four-byte forms, UTF-16 surrogates, beyond U+10FFFF */
        unsigned char next = p[i + 1];
        if ((c == 0xE0 && next < 0xA0) || (c == 0xED && next >= 0xA0) || (c == 0xF0 && next < 0x90) ||
            (c == 0xF4 && next >= 0x90))
            return i;
        i += extra + 1;
    }
    return length;
}

enum { SHAPE_STACK = 64 };

/* What the brackets and strings of a text look like up to some offset. */
typedef struct Shape {
    int depth;                  /* brackets still open */
    size_t opener[SHAPE_STACK]; /* offsets of the open brackets, outermost first (the first SHAPE_STACK) */
    bool in_string;             /* the scan ended inside a string ... */
    size_t string_start;        /* ... that opened here */
    bool mismatch;              /* a closing bracket did not match its opener ... */
    size_t mismatch_at;         /* ... here, and the scan stopped there */
} Shape;

/* Scans text[0, end) for brackets outside strings; stops at the first mismatched closer. */
static Shape scan_shape(const char *text, size_t end) {
    Shape shape;
    memset(&shape, 0, sizeof shape);
    for (size_t i = 0; i < end; i++) {
        char c = text[i];
        if (shape.in_string) {
            if (c == '\\') i++;
            else if (c == '"') shape.in_string = false;
        } else if (c == '"') {
            shape.in_string = true;
            shape.string_start = i;
        } else if (c == '{' || c == '[') {
            if (shape.depth < SHAPE_STACK) shape.opener[shape.depth] = i;
            shape.depth++;
        } else if (c == '}' || c == ']') {
            char want = 0;
            if (shape.depth > 0 && shape.depth <= SHAPE_STACK)
                want = text[shape.opener[shape.depth - 1]] == '{' ? '}' : ']';
            if (shape.depth == 0 || (want && want != c)) {
                shape.mismatch = true;
                shape.mismatch_at = i;
                return shape;
            }
            shape.depth--;
        }
    }
    return shape;
}

/* Reports a problem found in the raw text at `offset`, with the JSON path it lies in. */
static void error_at_offset(GtJsonDoc *doc, size_t offset, const char *json_path, const char *format, ...)
    __attribute__((format(printf, 4, 5)));

static void error_at_offset(GtJsonDoc *doc, size_t offset, const char *json_path, const char *format, ...) {
    char message[768];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    int line, column;
    offset_to_line_column(doc->text, offset, &line, &column);
    gt_diag_add(doc->diag, doc->file, line, column, json_path, "%s", message);
    doc->errors++;
}

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool only_space(const char *text, size_t length) {
    for (size_t i = 0; i < length; i++)
        if (!is_space(text[i])) return false;
    return true;
}

static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '-' || c == '+' || c == '.';
}

/* Offset of the last non-space byte before `offset`, or `offset` when there is none. */
static size_t previous_token(const char *text, size_t offset) {
    size_t i = offset;
    while (i > 0 && is_space(text[i - 1])) i--;
    return i > 0 ? i - 1 : offset;
}

/* Copies the word (letters, digits, _ - + .) starting at `offset` into `word`. */
static void word_at(const GtJsonDoc *doc, size_t offset, char *word, size_t size) {
    size_t n = 0;
    for (size_t i = offset; i < doc->length && n + 1 < size && is_word_char(doc->text[i]); i++)
        word[n++] = doc->text[i];
    word[n] = '\0';
}

/* The JSON path of the place `offset` lies in, worked out from the raw text before it (the
 * text may be broken further on): keys are the raw text between their quotes; an object
 * whose key has not started yet ends the path. */
static GtPath path_at_offset(const char *text, size_t offset) {
    struct { bool object; size_t index; bool has_key; char key[GT_PATH_KEY]; } frames[GT_PATH_DEPTH];
    int depth = 0;
    for (size_t i = bom_length(text, offset); i < offset; i++) {
        char c = text[i];
        bool tracked = depth > 0 && depth <= GT_PATH_DEPTH;
        if (c == '"') {
            size_t start = ++i;
            while (i < offset && text[i] != '"') i += text[i] == '\\' ? 2 : 1;
            size_t before = previous_token(text, start - 1);
            if (i < offset && tracked && frames[depth - 1].object && before < start - 1 &&
                (text[before] == '{' || text[before] == ',')) {
                size_t n = i - start < GT_PATH_KEY - 1 ? i - start : GT_PATH_KEY - 1;
                memcpy(frames[depth - 1].key, text + start, n);
                frames[depth - 1].key[n] = '\0';
                frames[depth - 1].has_key = true;
            }
        } else if (c == '{' || c == '[') {
            if (depth < GT_PATH_DEPTH) {
                frames[depth].object = c == '{';
                frames[depth].index = 0;
                frames[depth].has_key = false;
            }
            depth++;
        } else if (c == '}' || c == ']') {
            if (depth > 0) depth--;
        } else if (c == ',' && tracked) {
            frames[depth - 1].index++;
            frames[depth - 1].has_key = false;
        }
    }
    GtPath path = gt_path_root();
    for (int f = 0; f < depth && f < GT_PATH_DEPTH; f++) {
        if (frames[f].object && !frames[f].has_key) break;
        path = frames[f].object ? gt_path_key(&path, frames[f].key) : gt_path_index(&path, frames[f].index);
    }
    return path;
}

/* Reports a syntax problem at `offset`, with the JSON path of the place it is in. */
static void syntax_error(GtJsonDoc *doc, size_t offset, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

static void syntax_error(GtJsonDoc *doc, size_t offset, const char *format, ...) {
    char message[768];
    va_list args;
    va_start(args, format);
    vsnprintf(message, sizeof message, format, args);
    va_end(args);
    GtPath path = path_at_offset(doc->text, offset);
    error_at_offset(doc, offset, path.text, "%s", message);
}

/* Reports a file that stops before its brackets (or a string) are closed, at its last byte. */
static void report_truncated(GtJsonDoc *doc, const Shape *shape) {
    size_t end = doc->length;
    while (end > 0 && is_space(doc->text[end - 1])) end--;
    char closers[24] = "";
    size_t n = 0;
    for (int i = (shape->depth < SHAPE_STACK ? shape->depth : SHAPE_STACK) - 1; i >= 0 && n + 4 < sizeof closers; i--)
        closers[n++] = doc->text[shape->opener[i]] == '{' ? '}' : ']';
    if (shape->depth > SHAPE_STACK) { memcpy(closers + n, "...", 3); n += 3; }
    closers[n] = '\0';
    int line, column;
    if (shape->in_string) {
        offset_to_line_column(doc->text, shape->string_start, &line, &column);
        syntax_error(doc, end, "the file ends inside the string that starts at line %d, column %d "
                        "(truncated?); restore the missing end of the file, which must close the string "
                        "with '\"'%s%s%s", line, column, n ? " and then the brackets with \"" : "", closers,
                        n ? "\"" : "");
        return;
    }
    size_t inner = shape->opener[(shape->depth < SHAPE_STACK ? shape->depth : SHAPE_STACK) - 1];
    offset_to_line_column(doc->text, inner, &line, &column);
    syntax_error(doc, end, "the file ends while the '%c' at line %d, column %d is still open (truncated?); "
                    "restore the missing end of the file, which must close the brackets with \"%s\"",
                    doc->text[inner], line, column, closers);
}

/* Explains why cJSON stopped at `offset` in the words an author needs, at the right place. */
static void report_syntax_error(GtJsonDoc *doc, size_t offset) {
    const char *text = doc->text;
    if (offset >= doc->length) offset = doc->length - 1;  /* the caller saw a non-empty text */
    /* cJSON reports a bad key one byte past where it starts: move back onto it */
    if (offset > 0 && offset <= doc->length && !is_space(text[offset - 1]) && text[offset - 1] != '"') {
        size_t key = offset - 1, before_key = previous_token(text, key);
        Shape at_key = scan_shape(text, key);
        if (before_key < key && (text[before_key] == '{' || text[before_key] == ',') && at_key.depth > 0 &&
            at_key.depth <= SHAPE_STACK && text[at_key.opener[at_key.depth - 1]] == '{')
            offset = key;
    }
    Shape before = scan_shape(text, offset);
    if (before.depth >= CJSON_NESTING_LIMIT) {
        syntax_error(doc, offset, "brackets are nested more than %d levels deep here; these files need "
                        "only a few levels", CJSON_NESTING_LIMIT);
        return;
    }
    Shape whole = scan_shape(text, doc->length);
    if (whole.mismatch && whole.mismatch_at == offset && before.depth > 0 && before.depth <= SHAPE_STACK) {
        size_t opener = before.opener[before.depth - 1];
        int line, column;
        offset_to_line_column(text, opener, &line, &column);
        syntax_error(doc, offset, "'%c' does not close the '%c' at line %d, column %d; close that one with "
                        "'%c' first", text[offset], text[opener], line, column, text[opener] == '{' ? '}' : ']');
        return;
    }
    /* cJSON stops on the last (possibly partial) word of a file that was cut short */
    size_t after = offset;
    while (after < doc->length && is_word_char(text[after])) after++;
    bool at_end = only_space(text + after, doc->length - after) ||
                  (whole.in_string && offset + 1 >= whole.string_start);
    if (!whole.mismatch && (whole.in_string || whole.depth > 0) && at_end) {
        report_truncated(doc, &whole);
        return;
    }
    char word[40];
    word_at(doc, offset, word, sizeof word);
    const char *letters = word[0] == '-' || word[0] == '+' ? word + 1 : word;
    if (strncmp(letters, "NaN", 3) == 0 || strncmp(letters, "nan", 3) == 0 || strncmp(letters, "Inf", 3) == 0 ||
        strncmp(letters, "inf", 3) == 0) {
        syntax_error(doc, offset, "%s is not a number in JSON (NaN and Infinity cannot be written); write "
                        "an ordinary number such as 0.5", word);
        return;
    }
    if (offset + 1 < doc->length && text[offset] == '/' && (text[offset + 1] == '/' || text[offset + 1] == '*')) {
        syntax_error(doc, offset, "comments are not allowed in JSON; remove this comment");
        return;
    }
    size_t prev = previous_token(text, offset);
    if (text[offset] == '\'' || (prev < offset && text[prev] == '\'')) {
        syntax_error(doc, text[offset] == '\'' ? offset : prev, "JSON strings and keys need double quotes "
                        "(\"), not single quotes (')");
        return;
    }
    bool in_object = before.depth > 0 && before.depth <= SHAPE_STACK && text[before.opener[before.depth - 1]] == '{';
    /* an unquoted key: a bare word after '{' or ',' and before ':' */
    size_t w = is_word_char(text[offset]) ? offset : prev + 1;
    while (w > 0 && is_word_char(text[w - 1])) w--;
    size_t w_end = w;
    while (w_end < doc->length && is_word_char(text[w_end])) w_end++;
    size_t colon = w_end;
    while (colon < doc->length && is_space(text[colon])) colon++;
    size_t before_word = previous_token(text, w);
    if (in_object && w_end > w && before_word < w && (text[before_word] == '{' || text[before_word] == ',') &&
        colon < doc->length && text[colon] == ':' && !(text[w] >= '0' && text[w] <= '9')) {
        syntax_error(doc, w, "keys need double quotes: write \"%.*s\"", (int)(w_end - w), text + w);
        return;
    }
    if (prev < offset && text[prev] == ',' && (text[offset] == '}' || text[offset] == ']')) {
        syntax_error(doc, prev, "a ',' before '%c' is not allowed in JSON; remove this comma after the "
                        "last item", text[offset]);
        return;
    }
    if (prev < offset && text[prev] == '"') {
        Shape key_shape = scan_shape(text, prev);  /* inside the string that ends at prev */
        size_t key_start = key_shape.string_start;
        const char *newline = key_shape.in_string ? memchr(text + key_start, '\n', prev - key_start) : NULL;
        if (newline) {
            int line, column;
            offset_to_line_column(text, key_start, &line, &column);
            syntax_error(doc, (size_t)(newline - text), "the string that starts at line %d, column %d runs on "
                            "past the end of its line; add its closing '\"'", line, column);
            return;
        }
    }
    if (prev < offset && text[prev] == '"' && strchr("\"{[-0123456789tfn", text[offset])) {
        Shape key_shape = scan_shape(text, prev);  /* inside the string that ends at prev */
        size_t key_start = key_shape.string_start;
        size_t before_key = previous_token(text, key_start);
        if (key_shape.in_string && in_object && before_key < key_start &&
            (text[before_key] == '{' || text[before_key] == ',')) {
            syntax_error(doc, offset, "expected ':' between the key %.*s and its value", (int)(prev - key_start + 1),
                            text + key_start);
            return;
        }
    }
    if (prev < offset && strchr("\"0123456789}]el", text[prev]) && strchr("\"{[-0123456789tfn", text[offset])) {
        int line, column;
        offset_to_line_column(text, prev, &line, &column);
        syntax_error(doc, offset, "expected ',' before this, after the value that ends at line %d, column %d; "
                        "add the missing comma", line, column);
        return;
    }
    char near[24] = "";
    size_t n = 0;
    for (size_t i = offset; i < doc->length && n < 12 && text[i] != '\n'; i++) near[n++] = text[i];
    near[n] = '\0';
    syntax_error(doc, offset, "JSON syntax error near '%s'; check for a missing comma, quote or bracket just "
                    "before here", near);
}

/* Reports a missing or unexpected "format" with what to write instead. */
static void report_format(GtJsonDoc *doc, const char *found, const char *expected) {
    static const char *const known[] = { "guidedtouch-bodymap", "guidedtouch-technique", "guidedtouch-lesson",
                                         "guidedtouch-replay" };
    GtPath root = gt_path_root();
    GtPath at = gt_path_key(&root, "format");
    bool is_known = false;
    for (size_t i = 0; i < 4; i++) is_known |= strcmp(found, known[i]) == 0;
    const char *guess = is_known ? NULL : gt_suggest(found, known, 4);
    if (is_known)
        gt_json_error(doc, &at, "this is a \"%s\" file, but a \"%s\" file was expected here", found, expected);
    else if (guess)
        gt_json_error(doc, &at, "unknown format \"%s\" (did you mean \"%s\"?)", found, guess);
    else
        gt_json_error(doc, &at, "unknown format \"%s\"; a file for this place starts with \"format\": \"%s\"",
                      found, expected);
}

/* ---- the tree's memory: a few blocks per doc instead of a malloc per node ---- */

/* One block of a doc's tree memory. */
typedef struct GtJsonBlock {
    struct GtJsonBlock *next;   /* the block filled before this one */
    size_t used, size;          /* bytes of `bytes` handed out, and its size */
    _Alignas(16) unsigned char bytes[];
} GtJsonBlock;

/* The doc this thread is parsing now; cJSON's allocator carves from its blocks while it is set. */
static _Thread_local GtJsonDoc *parsing;

/* cJSON's malloc: from the blocks of the doc being parsed on this thread, else malloc. */
static void *doc_malloc(size_t size) {
    GtJsonDoc *doc = parsing;
    if (!doc) return malloc(size);
    size = (size + 15) & ~(size_t)15;
    GtJsonBlock *block = doc->blocks;
    if (!block || block->size - block->used < size) {
        size_t want = block ? block->size * 2 : 65536;
        if (want < size) want = size;
        GtJsonBlock *fresh = malloc(sizeof *fresh + want);
        if (!fresh) return NULL;
        *fresh = (GtJsonBlock){ block, 0, want };
        doc->blocks = block = fresh;
    }
    void *at = block->bytes + block->used;
    block->used += size;
    return at;
}

/* cJSON's free: nothing while a doc is parsed on this thread (a failed parse frees what it built,
 * all of it in the doc's blocks), else free. */
static void doc_free(void *pointer) {
    if (!parsing) free(pointer);
}

/* Makes cJSON allocate through doc_malloc and doc_free, once for the process. */
static void install_allocator(void) {
    cJSON_Hooks hooks = { doc_malloc, doc_free };
    cJSON_InitHooks(&hooks);
}

/* Parses the text into doc->root with the tree's nodes in the doc's blocks; what cJSON's
 * ParseWithLengthOpts returns. */
static cJSON *parse_into_blocks(GtJsonDoc *doc, const char *text, size_t length, const char **end) {
    static pthread_once_t installed = PTHREAD_ONCE_INIT;
    pthread_once(&installed, install_allocator);
    parsing = doc;
    cJSON *root = cJSON_ParseWithLengthOpts(text, length, end, 0);
    parsing = NULL;
    return root;
}

bool gt_json_doc_parse(GtJsonDoc *doc, const char *file, const char *text, size_t length,
                       const char *format, GtDiag *diag) {
    memset(doc, 0, sizeof *doc);
    doc->file = file;
    doc->text = text;
    doc->length = length;
    doc->diag = diag;
    if (length == 0) {
        error_at_offset(doc, 0, "", "the file is empty; expected a JSON object starting with '{'");
        return false;
    }
    size_t bad = gt_json_first_non_text_byte((const unsigned char *)text, length);
    if (bad < length) {
        if (text[bad] == '\0')
            error_at_offset(doc, bad, "", "byte 0x00 (NUL) cannot appear in a text file; is this a binary file?");
        else
            error_at_offset(doc, bad, "", "byte 0x%02X is not valid UTF-8; save the file as UTF-8 text (is it in "
                            "another encoding, or a binary file?)", (unsigned char)text[bad]);
        return false;
    }
    if (only_space(text, length)) {
        error_at_offset(doc, 0, "", "the file holds only blank space; expected a JSON object starting with '{'");
        return false;
    }
    const char *end = NULL;
    doc->root = parse_into_blocks(doc, text, length, &end);
    if (!doc->root) {
        gt_json_doc_free(doc); /* what the failed parse built */
        report_syntax_error(doc, end && end >= text && end <= text + length ? (size_t)(end - text) : 0);
        return false;
    }
    size_t used = (size_t)(end - text);
    while (used < length && is_space(text[used])) used++;
    if (used < length) {
        char near[24];
        word_at(doc, used, near, sizeof near);
        if (!near[0]) snprintf(near, sizeof near, "%c", text[used]);
        error_at_offset(doc, used, "", "unexpected '%s' after the end of the JSON object; a file holds exactly one "
                        "object, so remove what follows its closing '}'", near);
        gt_json_doc_free(doc);
        return false;
    }
    GtPath root = gt_path_root();
    if (!cJSON_IsObject(doc->root)) {
        gt_json_error(doc, &root, "expected a JSON object ({...}), found %s", gt_json_type_name(doc->root));
        gt_json_doc_free(doc);
        return false;
    }
    const char *found_format = NULL;
    if (!cJSON_GetObjectItemCaseSensitive(doc->root, "format")) {
        gt_json_error(doc, &root, "missing required key \"format\"; start the object with \"format\": \"%s\"",
                      format);
    } else if (!gt_json_string(doc, doc->root, &root, "format", true, 64, &found_format)) {
        gt_json_doc_free(doc);
        return false;
    }
    if (found_format && strcmp(found_format, format) != 0) {
        report_format(doc, found_format, format);
        gt_json_doc_free(doc);
        return false;
    }
    long version = 0;
    if (!gt_json_integer(doc, doc->root, &root, "version", true, 0, 1000000, &version)) {
        gt_json_doc_free(doc);
        return false;
    }
    if (version != 1) {
        GtPath version_path = gt_path_key(&root, "version");
        gt_json_error(doc, &version_path, "version %ld is not understood by this trainer, which reads "
                      "version 1; update Guided Touch or write the file as version 1", version);
        gt_json_doc_free(doc);
        return false;
    }
    return true;
}

void gt_json_doc_free(GtJsonDoc *doc) {
    if (!doc->blocks) cJSON_Delete(doc->root);
    doc->root = NULL;
    while (doc->blocks) {
        GtJsonBlock *next = doc->blocks->next;
        free(doc->blocks);
        doc->blocks = next;
    }
}
