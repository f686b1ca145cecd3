/* gt_arena: one owner for every allocation of a loaded document.
 *
 * Ownership rule for the whole loading layer: everything a loader builds (strings,
 * point arrays, structs) lives in the arena it was given; freeing the arena frees it
 * all at once. Nothing inside an arena is freed on its own. */
#ifndef GT_ARENA_H
#define GT_ARENA_H

#include <stddef.h>

typedef struct GtArenaBlock GtArenaBlock;

typedef struct GtArena {
    GtArenaBlock *head;   /* newest block first; NULL when empty */
    int failed;           /* set once any allocation failed */
} GtArena;

/* Starts an empty arena. Never fails. */
void gt_arena_init(GtArena *arena);

/* Returns `size` zeroed bytes aligned for any type, or NULL when memory runs out
 * (and marks the arena failed). size 0 gives a valid unique pointer. */
void *gt_arena_alloc(GtArena *arena, size_t size);

/* Returns count*size zeroed bytes, or NULL on overflow or when memory runs out. */
void *gt_arena_array(GtArena *arena, size_t count, size_t size);

/* Copies a NUL-terminated string into the arena; NULL input or no memory gives NULL. */
char *gt_arena_strdup(GtArena *arena, const char *text);

/* Frees every block; the arena is empty again and may be reused. */
void gt_arena_free(GtArena *arena);

#endif
