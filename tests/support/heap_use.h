/* heap_use: how much heap the trainer holds, for tests that must see memory stay flat. Works
 * in the sanitizer build (ASan's allocator statistics). */
#ifndef GT_HEAP_USE_H
#define GT_HEAP_USE_H

#include <stddef.h>
#include "app.h"

/* Bytes of heap allocated and not yet freed now. */
size_t gt_test_live_heap(void);

/* The live heap less the caches bounded by design that new words on screen, new shape sizes and
 * saved attempts fill: the text cache (its textures' pixels, the texts and 1 KB of bookkeeping
 * each), the shape cache (a texture per ring or disc size, GT_SHAPE_CACHE at most) and SQLite's
 * memory (its page cache, 2 MB at most by default). */
size_t gt_test_heap_without_caches(GtApp *app);

#endif
