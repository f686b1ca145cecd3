#include "gt_arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct GtArenaBlock {
    GtArenaBlock *next;   /* older block */
    size_t used;          /* bytes handed out from data */
    size_t capacity;      /* bytes available in data */
    max_align_t data[];   /* payload, aligned for any type */
};

enum { GT_ARENA_BLOCK_BYTES = 64 * 1024 };

void gt_arena_init(GtArena *arena) {
    arena->head = NULL;
    arena->failed = 0;
}

static size_t align_up(size_t size) {
    const size_t a = sizeof(max_align_t);
    return (size + a - 1) / a * a;
}

void *gt_arena_alloc(GtArena *arena, size_t size) {
    size_t need = align_up(size ? size : 1);
    if (need < size) { arena->failed = 1; return NULL; }
    GtArenaBlock *block = arena->head;
    if (!block || block->capacity - block->used < need) {
        size_t capacity = need > GT_ARENA_BLOCK_BYTES ? need : GT_ARENA_BLOCK_BYTES;
        if (capacity > SIZE_MAX - sizeof(GtArenaBlock)) { arena->failed = 1; return NULL; }
        block = malloc(sizeof(GtArenaBlock) + capacity);
        if (!block) { arena->failed = 1; return NULL; }
        block->used = 0;
        block->capacity = capacity;
        /* A big one-off allocation goes behind the current block so the
         * current block's free space stays usable. */
        if (arena->head && need > GT_ARENA_BLOCK_BYTES) {
            block->next = arena->head->next;
            arena->head->next = block;
        } else {
            block->next = arena->head;
            arena->head = block;
        }
    }
    void *out = (char *)block->data + block->used;
    block->used += need;
    memset(out, 0, need);
    return out;
}

void *gt_arena_array(GtArena *arena, size_t count, size_t size) {
    if (size && count > SIZE_MAX / size) { arena->failed = 1; return NULL; }
    return gt_arena_alloc(arena, count * size);
}

char *gt_arena_strdup(GtArena *arena, const char *text) {
    if (!text) return NULL;
    size_t len = strlen(text);
    char *copy = gt_arena_alloc(arena, len + 1);
    if (copy) memcpy(copy, text, len + 1);
    return copy;
}

void gt_arena_free(GtArena *arena) {
    GtArenaBlock *block = arena->head;
    while (block) {
        GtArenaBlock *next = block->next;
        free(block);
        block = next;
    }
    arena->head = NULL;
    arena->failed = 0;
}
