/* students: names, their folding, and the students table. */
#include "students.h"
#include "uuid.h"
#include "db_internal.h"
#include "suggest.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes one UTF-8 character at `s`; returns its length (1-4) and the code point in *cp, or
 * 0 for a byte sequence that is not valid UTF-8 (overlong, surrogate, past U+10FFFF). */
static int decode_utf8(const unsigned char *s, unsigned long *cp) {
    if (s[0] < 0x80) { *cp = s[0]; return 1; }
    int length = (s[0] & 0xe0) == 0xc0 ? 2 : (s[0] & 0xf0) == 0xe0 ? 3 : (s[0] & 0xf8) == 0xf0 ? 4 : 0;
    if (!length) return 0;
    unsigned long value = s[0] & (0x7f >> length);
    for (int i = 1; i < length; i++) {
        if ((s[i] & 0xc0) != 0x80) return 0;
        value = (value << 6) | (s[i] & 0x3f);
    }
    static const unsigned long LEAST[5] = { 0, 0, 0x80, 0x800, 0x10000 };
    if (value < LEAST[length] || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return 0;
    *cp = value;
    return length;
}

/* Writes code point `cp` as UTF-8 at `out` (room for 4 bytes); returns the bytes written. */
static int encode_utf8(unsigned long cp, char *out) {
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

/* The lower-case partner of a Latin, Greek or Cyrillic capital; other characters unchanged. */
static unsigned long fold(unsigned long c) {
    if (c >= 'A' && c <= 'Z') return c + 32;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7) return c + 0x20;
    if ((c >= 0x100 && c <= 0x12f) || (c >= 0x132 && c <= 0x137) || (c >= 0x14a && c <= 0x177))
        return c % 2 == 0 ? c + 1 : c;
    if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e)) return c % 2 == 1 ? c + 1 : c;
    if (c == 0x178) return 0xff;
    if (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) return c + 0x20;
    if (c >= 0x410 && c <= 0x42f) return c + 0x20;
    if (c >= 0x400 && c <= 0x40f) return c + 0x50;
    return c;
}

bool gt_student_name_clean(const char *name, char *clean, size_t clean_size, char *error, size_t error_size) {
    const unsigned char *s = (const unsigned char *)(name ? name : "");
    size_t used = 0, chars = 0;
    bool pending_space = false, meaningful = false;
    if (clean_size) clean[0] = '\0';
    while (*s) {
        unsigned long cp = 0;
        int length = decode_utf8(s, &cp);
        if (!length) {
            snprintf(error, error_size, "A name must be UTF-8 text");
            return false;
        }
        s += length;
        if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xa0) {
            pending_space = used > 0;
            continue;
        }
        if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) {
            snprintf(error, error_size, "A name cannot hold control characters");
            return false;
        }
        if (chars + pending_space + 1 > GT_STUDENT_NAME_CHARS) {
            snprintf(error, error_size, "A name has at most %d characters", GT_STUDENT_NAME_CHARS);
            return false;
        }
        if (used + 6 > clean_size) {
            snprintf(error, error_size, "A name has at most %d characters", GT_STUDENT_NAME_CHARS);
            return false;
        }
        if (pending_space) {
            clean[used++] = ' ';
            chars++;
            pending_space = false;
        }
        used += (size_t)encode_utf8(cp, clean + used);
        chars++;
        clean[used] = '\0';
        if (cp > 0x7f || (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z')) meaningful = true;
    }
    if (!meaningful) {
        snprintf(error, error_size, "A name needs at least one letter or digit");
        if (clean_size) clean[0] = '\0';
        return false;
    }
    return true;
}

void gt_student_name_key(const char *clean, char *key, size_t key_size) {
    const unsigned char *s = (const unsigned char *)clean;
    size_t used = 0;
    if (!key_size) return;
    while (*s && used + 5 <= key_size) {
        unsigned long cp = 0;
        int length = decode_utf8(s, &cp);
        if (!length) break;
        s += length;
        used += (size_t)encode_utf8(fold(cp), key + used);
    }
    key[used] = '\0';
}

/* Reads the row a SELECT of (id, name, created_ms, pseudonym[, attempts, last_ms]) is on. */
static void read_student(sqlite3_stmt *row, GtStudent *out, bool with_counts) {
    memset(out, 0, sizeof *out);
    out->id = sqlite3_column_int64(row, 0);
    gt_db_column_text(row, 1, out->name, sizeof out->name);
    out->created_ms = sqlite3_column_int64(row, 2);
    out->pseudonym = sqlite3_column_int(row, 3) != 0;
    if (with_counts) {
        out->attempts = sqlite3_column_int(row, 4);
        out->last_ms = sqlite3_column_int64(row, 5);
    }
}

/* Finds the student whose folded name is `key`; 1 found, 0 none, -1 with the reason. */
static int find_by_key(GtProgressDb *db, const char *key, GtStudent *out, char *error, size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT id, name, created_ms, pseudonym FROM students WHERE name_key = ?",
                                    error, error_size);
    if (!q) return -1;
    sqlite3_bind_text(q, 1, key, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(q);
    int found = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
    if (found == 1 && out) read_student(q, out, false);
    if (found < 0) gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(q);
    return found;
}

bool gt_students_add(GtProgressDb *db, const char *name, bool pseudonym, GtStudent *out, char *error,
                     size_t error_size) {
    char clean[GT_STUDENT_NAME_BYTES], key[GT_STUDENT_NAME_BYTES];
    if (!gt_student_name_clean(name, clean, sizeof clean, error, error_size)) return false;
    gt_student_name_key(clean, key, sizeof key);
    GtStudent existing;
    int found = find_by_key(db, key, &existing, error, error_size);
    if (found != 0) {
        if (found > 0) snprintf(error, error_size, "There is already a student called %s", existing.name);
        return false;
    }
    sqlite3_stmt *insert = gt_db_prepare(db, "INSERT INTO students (name, name_key, created_ms, pseudonym) "
                                             "VALUES (?, ?, ?, ?)", error, error_size);
    if (!insert) return false;
    int64_t now = gt_progress_db_now_ms();
    sqlite3_bind_text(insert, 1, clean, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert, 3, now);
    sqlite3_bind_int(insert, 4, pseudonym);
    int rc = sqlite3_step(insert);
    sqlite3_finalize(insert);
    if (rc == SQLITE_CONSTRAINT_UNIQUE) { /* another program added the name a moment ago */
        snprintf(error, error_size, "There is already a student called %s", clean);
        return false;
    }
    if (rc != SQLITE_DONE) {
        gt_db_describe(db->sql, db->path, rc, error, error_size);
        return false;
    }
    if (out) {
        memset(out, 0, sizeof *out);
        out->id = sqlite3_last_insert_rowid(db->sql);
        snprintf(out->name, sizeof out->name, "%s", clean);
        out->created_ms = now;
        out->pseudonym = pseudonym;
    }
    return true;
}

bool gt_students_list(GtProgressDb *db, GtStudentList *out, char *error, size_t error_size) {
    memset(out, 0, sizeof *out);
    sqlite3_stmt *q = gt_db_prepare(db,
        "SELECT s.id, s.name, s.created_ms, s.pseudonym, count(a.id), coalesce(max(a.finished_ms), 0) "
        "FROM students s LEFT JOIN attempts a ON a.student_id = s.id GROUP BY s.id ORDER BY s.name_key",
        error, error_size);
    if (!q) return false;
    size_t capacity = 0;
    int rc;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (out->count == capacity) {
            capacity = capacity ? capacity * 2 : 16;
            GtStudent *grown = realloc(out->items, capacity * sizeof *grown);
            if (!grown) {
                rc = SQLITE_NOMEM;
                break;
            }
            out->items = grown;
        }
        read_student(q, &out->items[out->count++], true);
    }
    if (rc != SQLITE_DONE) gt_db_describe(rc == SQLITE_NOMEM ? NULL : db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(q);
    if (rc != SQLITE_DONE) gt_student_list_free(out);
    return rc == SQLITE_DONE;
}

void gt_student_list_free(GtStudentList *list) {
    free(list->items);
    memset(list, 0, sizeof *list);
}

/* Fills `error` with "No student is called NAME", adding the closest name as a suggestion. */
static void say_not_found(GtProgressDb *db, const char *name, char *error, size_t error_size) {
    GtStudentList list;
    const char *best = NULL;
    char wanted[GT_STUDENT_NAME_BYTES];
    gt_student_name_key(name, wanted, sizeof wanted);
    if (gt_students_list(db, &list, error, error_size) && list.count) {
        const char **keys = malloc(list.count * sizeof *keys);
        char (*folded)[GT_STUDENT_NAME_BYTES] = malloc(list.count * sizeof *folded);
        if (keys && folded) {
            for (size_t i = 0; i < list.count; i++) {
                gt_student_name_key(list.items[i].name, folded[i], sizeof folded[i]);
                keys[i] = folded[i];
            }
            const char *hit = gt_suggest(wanted, keys, list.count);
            for (size_t i = 0; hit && i < list.count; i++)
                if (keys[i] == hit) best = list.items[i].name;
        }
        if (best) snprintf(error, error_size, "No student is called %s (did you mean %s?)", name, best);
        free(keys);
        free(folded);
    }
    if (!best) snprintf(error, error_size, "No student is called %s", name);
    gt_student_list_free(&list);
}

bool gt_students_find(GtProgressDb *db, const char *name, GtStudent *out, char *error, size_t error_size) {
    char clean[GT_STUDENT_NAME_BYTES], key[GT_STUDENT_NAME_BYTES];
    if (!gt_student_name_clean(name, clean, sizeof clean, error, error_size)) return false;
    gt_student_name_key(clean, key, sizeof key);
    int found = find_by_key(db, key, out, error, error_size);
    if (found == 0) say_not_found(db, clean, error, error_size);
    return found == 1;
}

bool gt_students_get(GtProgressDb *db, int64_t id, GtStudent *out, char *error, size_t error_size) {
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT id, name, created_ms, pseudonym FROM students WHERE id = ?",
                                    error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) read_student(q, out, false);
    else if (rc == SQLITE_DONE) snprintf(error, error_size, "There is no student number %lld", (long long)id);
    else gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(q);
    return rc == SQLITE_ROW;
}

/* Notes a rename made here (from the folded name `old_key`) for a school server to spread to
 * the other kiosks; inside the rename's savepoint. */
static bool note_rename(GtProgressDb *db, const char *old_key, const char *name, const char *key, bool pseudonym,
                        char *error, size_t error_size) {
    char id[GT_UUID_TEXT];
    if (!gt_uuid_v4(id)) {
        snprintf(error, error_size, "no random numbers for the rename's identifier");
        return false;
    }
    sqlite3_stmt *note = gt_db_prepare(db, "INSERT INTO student_renames (id, old_key, new_name, new_key, pseudonym, "
                                           "renamed_ms) VALUES (?, ?, ?, ?, ?, ?)", error, error_size);
    if (!note) return false;
    sqlite3_bind_text(note, 1, id, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(note, 2, old_key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(note, 3, name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(note, 4, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(note, 5, pseudonym);
    sqlite3_bind_int64(note, 6, gt_progress_db_now_ms());
    bool ok = gt_db_step_done(db, note, error, error_size);
    sqlite3_finalize(note);
    return ok;
}

/* The rename's UPDATE; false with the reason. */
static bool update_name(GtProgressDb *db, int64_t id, const char *clean, const char *key, bool pseudonym, char *error,
                        size_t error_size) {
    sqlite3_stmt *update = gt_db_prepare(db, "UPDATE students SET name = ?, name_key = ?, pseudonym = ? WHERE id = ?",
                                         error, error_size);
    if (!update) return false;
    sqlite3_bind_text(update, 1, clean, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(update, 2, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(update, 3, pseudonym);
    sqlite3_bind_int64(update, 4, id);
    int rc = sqlite3_step(update);
    sqlite3_finalize(update);
    if (rc == SQLITE_CONSTRAINT_UNIQUE) snprintf(error, error_size, "There is already a student called %s", clean);
    else if (rc != SQLITE_DONE) gt_db_describe(db->sql, db->path, rc, error, error_size);
    return rc == SQLITE_DONE;
}

bool gt_students_rename(GtProgressDb *db, int64_t id, const char *new_name, bool pseudonym, char *error,
                        size_t error_size) {
    char clean[GT_STUDENT_NAME_BYTES], key[GT_STUDENT_NAME_BYTES], old_key[GT_STUDENT_NAME_BYTES];
    GtStudent student, other;
    if (!gt_students_get(db, id, &student, error, error_size)) return false;
    if (!gt_student_name_clean(new_name, clean, sizeof clean, error, error_size)) return false;
    gt_student_name_key(clean, key, sizeof key);
    gt_student_name_key(student.name, old_key, sizeof old_key);
    int found = find_by_key(db, key, &other, error, error_size);
    if (found < 0) return false;
    if (found > 0 && other.id != id) {
        snprintf(error, error_size, "There is already a student called %s", other.name);
        return false;
    }
    if (!gt_db_exec(db, "SAVEPOINT student_rename", error, error_size)) return false;
    bool ok = update_name(db, id, clean, key, pseudonym, error, error_size) &&
              note_rename(db, old_key, clean, key, pseudonym, error, error_size);
    char scratch[GT_DB_ERROR_MAX]; /* the first trouble is the one said */
    if (!ok) gt_db_exec(db, "ROLLBACK TO student_rename", scratch, sizeof scratch);
    if (!gt_db_exec(db, "RELEASE student_rename", ok ? error : scratch, ok ? error_size : sizeof scratch)) return false;
    return ok;
}

bool gt_students_settings(GtProgressDb *db, int64_t id, char **json, char *error, size_t error_size) {
    *json = NULL;
    sqlite3_stmt *q = gt_db_prepare(db, "SELECT settings_json FROM students WHERE id = ?", error, error_size);
    if (!q) return false;
    sqlite3_bind_int64(q, 1, id);
    int rc = sqlite3_step(q);
    if (rc == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(q, 0);
        *json = strdup(text ? text : "{}");
        if (!*json) snprintf(error, error_size, "out of memory while reading settings");
    } else if (rc == SQLITE_DONE) snprintf(error, error_size, "There is no student number %lld", (long long)id);
    else gt_db_describe(db->sql, db->path, rc, error, error_size);
    sqlite3_finalize(q);
    return *json != NULL;
}

bool gt_students_set_settings(GtProgressDb *db, int64_t id, const char *json, char *error, size_t error_size) {
    cJSON *parsed = cJSON_Parse(json ? json : "");
    bool object = cJSON_IsObject(parsed);
    cJSON_Delete(parsed);
    if (!object) {
        snprintf(error, error_size, "settings must be a JSON object");
        return false;
    }
    sqlite3_stmt *update = gt_db_prepare(db, "UPDATE students SET settings_json = ? WHERE id = ?", error, error_size);
    if (!update) return false;
    sqlite3_bind_text(update, 1, json, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(update, 2, id);
    bool ok = gt_db_step_done(db, update, error, error_size);
    int changed = sqlite3_changes(db->sql);
    sqlite3_finalize(update);
    if (ok && changed == 0) {
        snprintf(error, error_size, "There is no student number %lld", (long long)id);
        return false;
    }
    return ok;
}
