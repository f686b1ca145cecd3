/* students: the people whose attempts a kiosk keeps, by name. Names are unique whatever their
 * case ("zoë" is "Zoë"; folding covers Latin, Greek and Cyrillic letters), trimmed, with runs
 * of blank space made one, 1 to 40 characters of UTF-8 text. A guest is no student: nothing of
 * a guest's is saved.
 *
 * Ownership: a GtStudentList owns its array (gt_student_list_free); settings JSON returned by
 * gt_students_settings is malloc'd and freed by the caller. */
#ifndef GT_STUDENTS_H
#define GT_STUDENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "progress_db.h"

enum { GT_STUDENT_NAME_CHARS = 40, GT_STUDENT_NAME_BYTES = 4 * GT_STUDENT_NAME_CHARS + 1 };

typedef struct GtStudent {
    int64_t id;                        /* > 0 */
    char name[GT_STUDENT_NAME_BYTES];  /* as the student wrote it, cleaned */
    int64_t created_ms;                /* Unix ms, UTC */
    bool pseudonym;                    /* not a real name ("Earlier work", a nickname) */
    int attempts;                      /* attempts saved (lists only; 0 from find/get) */
    int64_t last_ms;                   /* when the latest ended, 0 when none (lists only) */
} GtStudent;

typedef struct GtStudentList {
    GtStudent *items;                  /* count of them, ordered by name whatever its case */
    size_t count;
} GtStudentList;

/* Cleans a typed name as the store keeps it (see above) into `clean`; false with a sentence
 * for the student ("A name needs at least one letter or digit", "... at most 40 characters")
 * when it cannot be a name. */
bool gt_student_name_clean(const char *name, char *clean, size_t clean_size, char *error, size_t error_size);

/* Folds a clean name for comparison (lower case where the letter has one). */
void gt_student_name_key(const char *clean, char *key, size_t key_size);

/* Adds a student; `out` (may be NULL) gets the new row. False with the reason: a name that is
 * no name, "There is already a student called Anna" (any case), or the database's trouble. */
bool gt_students_add(GtProgressDb *db, const char *name, bool pseudonym, GtStudent *out, char *error,
                     size_t error_size);

/* Every student, with attempt counts and latest practice. False with the reason; `out` is
 * then empty (and needs no free). */
bool gt_students_list(GtProgressDb *db, GtStudentList *out, char *error, size_t error_size);

void gt_student_list_free(GtStudentList *list);

/* The student with this name in any case; false with "No student is called Ana (did you mean
 * Anna?)" or the database's trouble. */
bool gt_students_find(GtProgressDb *db, const char *name, GtStudent *out, char *error, size_t error_size);

/* The student with this id; false with the reason when there is none. */
bool gt_students_get(GtProgressDb *db, int64_t id, GtStudent *out, char *error, size_t error_size);

/* Renames a student (changing only the case of a name is fine), marking whether the new name is
 * a pseudonym; their attempts stay theirs. False with the reason: no such student, a name that is
 * no name, or another student's. */
bool gt_students_rename(GtProgressDb *db, int64_t id, const char *new_name, bool pseudonym, char *error,
                        size_t error_size);

/* The settings remembered for a student (a JSON object the trainer writes; "{}" when none) in
 * *json (malloc'd); false with the reason. */
bool gt_students_settings(GtProgressDb *db, int64_t id, char **json, char *error, size_t error_size);

/* Remembers a student's settings; `json` must be a JSON object. False with the reason. */
bool gt_students_set_settings(GtProgressDb *db, int64_t id, const char *json, char *error, size_t error_size);

#endif
