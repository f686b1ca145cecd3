/* progress_import: brings the older file store (progress.json of best marks and the replays/
 * folder, see progress.h and storage.h) into the database, once. The files are left where they
 * are; the database records that the import was done (meta key "legacy_import"), so it never
 * runs twice, and the import is one transaction, so an interrupted one leaves nothing and runs
 * again at the next start.
 *
 * Nobody's name was known then: everything imported goes to a student called "Earlier work"
 * (flagged as a pseudonym), whom staff can rename to its owner. Each replay becomes an attempt,
 * graded against the installed lessons; a replay whose lesson is no longer installed is kept
 * ungraded. */
#ifndef GT_PROGRESS_IMPORT_H
#define GT_PROGRESS_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "library.h"
#include "progress_db.h"
#include "students.h"

typedef struct GtImportReport {
    bool already_done;             /* an earlier run imported (or found nothing): nothing done now */
    int attempts;                  /* replays imported as attempts */
    int graded;                    /* ... of which graded against the installed lessons */
    int marks;                     /* progress.json entries imported */
    int unreadable;                /* files that could not be read (left where they are) */
    int64_t student_id;            /* who the import went to; 0 when nothing was found */
    char student[GT_STUDENT_NAME_BYTES];
} GtImportReport;

/* Imports <legacy_dir>/progress.json and <legacy_dir>/replays/ when that was never done for this
 * database. `library` (may be NULL: nothing is graded then) grades the replays. False with the
 * reason when the database failed (nothing is imported then, and it is tried again next time). */
bool gt_progress_import_legacy(GtProgressDb *db, const char *legacy_dir, const GtLibrary *library,
                               GtImportReport *report, char *error, size_t error_size);

#endif
