/* pq_loader: libpq loaded on first use (see pq_loader.c); the store calls libpq's functions
 * by their usual names. */
#ifndef GT_PQ_LOADER_H
#define GT_PQ_LOADER_H

/* Why libpq cannot be used (loading it if that was not tried yet), or NULL when it is loaded.
 * The text is static. */
const char *gt_pq_load_error(void);

#endif
