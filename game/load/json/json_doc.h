/* json_doc: a parsed JSON file that can point back into its own text.
 *
 * cJSON parses; this module adds what instructors need from a validator: every problem is
 * reported with file, line, column and JSON path, and checking goes on after a problem so
 * that one run shows them all. The typed readers below add a located error and return
 * false when a value is missing, of the wrong type or out of range.
 *
 * Ownership: a GtJsonDoc borrows `file` and `text` (the caller keeps them alive while the
 * doc is in use) and owns the cJSON tree; gt_json_doc_free releases the tree. The tree's nodes
 * are carved from a few large blocks the doc owns (installed as cJSON's allocator while this
 * thread parses a doc), so nobody may cJSON_Delete, detach or add to a part of it. */
#ifndef GT_JSON_DOC_H
#define GT_JSON_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <cjson/cJSON.h>
#include "gt_arena.h"
#include "gt_diag.h"
#include "gt_geometry.h"
#include "gt_technique.h"

enum { GT_PATH_DEPTH = 12, GT_PATH_KEY = 64, GT_PATH_TEXT = 256 };

enum { GT_TYPO_MAX = 16 };

/* A JSON path such as steps[2].guide.polyline[0], kept both as text and as tokens. */
typedef struct GtPath {
    char text[GT_PATH_TEXT];
    int depth;
    struct {
        long index;             /* array index, or -1 for an object key */
        int nth;                /* which occurrence of a key written more than once (0: first) */
        char key[GT_PATH_KEY];
    } token[GT_PATH_DEPTH];
} GtPath;

typedef struct GtJsonDoc {
    const char *file;   /* name used in messages (borrowed) */
    const char *text;   /* whole file (borrowed) */
    size_t length;
    cJSON *root;        /* owned; NULL when parsing failed */
    GtDiag *diag;       /* where problems go (borrowed) */
    size_t errors;      /* problems this doc has reported */
    struct {
        const cJSON *object;    /* object holding a misspelt key ... */
        char key[GT_PATH_KEY];  /* ... already reported as "did you mean" this key */
    } typos[GT_TYPO_MAX];
    size_t typo_count;
    int nul_escapes;    /* 0: not looked for yet; 1: the text has no \u0000; 2: it has some */
    struct GtJsonBlock *blocks; /* owned: the memory the tree's nodes were carved from (NULL: the tree
                                   was allocated node by node, and cJSON_Delete frees it) */
} GtJsonDoc;

GtPath gt_path_root(void);
GtPath gt_path_key(const GtPath *parent, const char *key);
GtPath gt_path_index(const GtPath *parent, size_t index);
/* The `nth` (0-based) occurrence of a key written more than once in one object. */
GtPath gt_path_key_nth(const GtPath *parent, const char *key, int nth);

/* Parses `text` as one JSON object whose "format" is `format` and "version" is 1.
 * On any problem (empty, not UTF-8 text, syntax, wrong format or version) it reports
 * a located error and returns false with doc->root == NULL. A missing "format" is
 * reported but not fatal: the caller knows what it expects and goes on checking, so it
 * must treat doc->errors > 0 as failure. */
bool gt_json_doc_parse(GtJsonDoc *doc, const char *file, const char *text, size_t length,
                       const char *format, GtDiag *diag);

/* Offset of the first byte that is not valid UTF-8 text (or is NUL), or `length`: bytes that
 * cannot start a character, cut-short characters, overlong forms, surrogates, > U+10FFFF. The
 * document check uses it, and so do text values that arrive elsewhere (the command line). */
size_t gt_json_first_non_text_byte(const unsigned char *p, size_t length);

/* Releases the cJSON tree. */
void gt_json_doc_free(GtJsonDoc *doc);

/* Reports a problem at the value `path` points to (or its nearest existing parent). */
void gt_json_error(GtJsonDoc *doc, const GtPath *path, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Reports a problem at the key (not the value) named by the last token of `path`. */
void gt_json_error_at_key(GtJsonDoc *doc, const GtPath *path, const char *format, ...)
    __attribute__((format(printf, 3, 4)));

/* Line and column (1-based) of the value at `path`, or of its nearest existing parent.
 * Only doc->text and doc->length are used, so a doc that failed to parse works too. */
void gt_json_locate(const GtJsonDoc *doc, const GtPath *path, bool at_key, int *line, int *column);

/* Line and column (1-based) of byte `byte_index` of the decoded string value at `path`, counting
 * escapes as the bytes they stand for; the string's opening quote (or the nearest existing
 * parent) when the value is not a string there or the index lies past its end. */
void gt_json_locate_in_string(const GtJsonDoc *doc, const GtPath *path, size_t byte_index, int *line,
                              int *column);

/* Copies the raw text of the scalar at `path` as written in the file (for example "1e999")
 * into `buffer`, truncated to fit; "" when the path cannot be found. */
void gt_json_raw(const GtJsonDoc *doc, const GtPath *path, char *buffer, size_t size);

/* True when the string value at `path` is written with a \u0000 escape, which cJSON decodes
 * into a NUL that silently cuts the text. Costs one search of the file the first time it is
 * asked, and a look at the value itself only when the file holds such an escape at all. */
bool gt_json_string_has_nul(GtJsonDoc *doc, const GtPath *path);

/* True when the doc's text holds a \u0000 escape anywhere (searched for once, then remembered). */
bool gt_json_doc_has_nul_escapes(GtJsonDoc *doc);

/* Checks a string value read at `path` can be shown as it is: no control characters and no
 * \u0000 (that it is UTF-8 the whole document's check has made sure). Reports the problem located
 * with its character position and returns false otherwise. */
bool gt_json_check_text(GtJsonDoc *doc, const GtPath *path, const char *text);

/* True when check_keys already reported a key of `object` as a misspelling of `key`: a
 * reader then stays quiet about `key` being missing, so one typo gives one message. */
bool gt_json_typo_reported(const GtJsonDoc *doc, const cJSON *object, const char *key);

/* Checks that `object` is a JSON object whose keys are all in `allowed` (NULL-terminated)
 * and appear once; unknown keys get "did you mean" (and are remembered, see
 * gt_json_typo_reported), a repeated key is reported where it is repeated. False when
 * anything was wrong. */
bool gt_json_check_keys(GtJsonDoc *doc, const cJSON *object, const GtPath *path,
                        const char *const *allowed);

/* The member `key` of `object`; a missing required member is reported at the object's
 * opening brace, unless it was already reported as misspelt. */
const cJSON *gt_json_member(GtJsonDoc *doc, const cJSON *object, const GtPath *path,
                            const char *key, bool required);

/* Reads a string member; required or not, a present value of the wrong type is an error.
 * `max_len` > 0 limits the length. *out is left alone when false is returned. */
bool gt_json_string(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                    bool required, size_t max_len, const char **out);

/* Reads true or false; a present value of another type (the string "true" too) is an error. */
bool gt_json_bool(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                  bool required, bool *out);

/* Reads a kebab-case identifier (a-z, 0-9, '-', 1-63 chars). */
bool gt_json_id(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                bool required, const char **out);

/* Reads a finite number within [min, max]. */
bool gt_json_number(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                    bool required, double min, double max, double *out);

/* Reads a whole number within [min, max]. */
bool gt_json_integer(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                     bool required, long min, long max, long *out);

/* Reads a string that must be one of `names` (count of them); *out gets its index. */
bool gt_json_enum(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                  bool required, const char *const *names, size_t count, int *out);

/* Reads {"min": a, "max": b} with lo <= a < b <= hi. */
bool gt_json_range(GtJsonDoc *doc, const cJSON *object, const GtPath *path, const char *key,
                   bool required, double lo, double hi, GtRange *out);

/* Reads an [x, y] pair of finite numbers within [-limit, limit]. */
bool gt_json_point(GtJsonDoc *doc, const cJSON *item, const GtPath *path, double limit, GtPoint *out);

/* Reads an array of [x, y] pairs (min_count..max_count of them) into arena memory. */
bool gt_json_points(GtJsonDoc *doc, const cJSON *item, const GtPath *path, size_t min_count,
                    size_t max_count, double limit, GtArena *arena, GtPointList *out);

/* The JSON type of an item in words ("a number", "an array", ...), for messages. */
const char *gt_json_type_name(const cJSON *item);

#endif
