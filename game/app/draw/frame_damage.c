/* frame_damage: see frame_damage.h. The list keeps the calls of one frame (ops, with their rects
 * and vertices in shared arrays that grow as needed and are kept for the next frame) and two
 * arrays of square hashes, this frame's and the last drawn one's. */
#include "frame_damage.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef enum OpKind { OP_CLEAR, OP_FILL, OP_COPY, OP_GEOMETRY } OpKind;

/* One recorded call with the renderer's state it was made in. */
typedef struct Op {
    OpKind kind;
    SDL_Color colour;            /* draw colour, or a texture's colour and alpha modulation */
    SDL_BlendMode blend;         /* the renderer's, or the texture's */
    bool clipped;
    SDL_Rect clip;
    SDL_Rect box;                /* the pixels it may change */
    SDL_Texture *texture;
    bool whole_src;
    SDL_Rect src, dst;
    int first, count;            /* its rects (OP_FILL) or vertices (OP_GEOMETRY) */
} Op;

struct GtFrameList {
    SDL_Renderer *renderer;
    bool on;                     /* gt_ui_record_frames */
    bool recording;              /* this frame is recorded */
    bool failed;                 /* memory ran out while recording: the next frame is whole */
    bool last_valid;             /* last_tiles are the screen's */
    int width, height, cols, rows;
    Op *ops;
    int op_count, op_cap;
    SDL_Rect *rects;
    int rect_count, rect_cap;
    SDL_Vertex *vertices;
    int vertex_count, vertex_cap;
    SDL_Vertex *picked;          /* a geometry op's triangles that touch the area replayed */
    int picked_cap;
    Uint64 *tiles, *last_tiles;
    SDL_Texture **dropped;
    int dropped_count, dropped_cap;
    long redrawn_px;
    int redrawn_rects;
};

static struct GtFrameList *recording_now; /* the list recording a frame, for gt_draw_drop_texture */
static Uint64 next_content = 1;

/* Grows an array to hold `need` items of `size` bytes; false when memory ran out. */
static bool grow(void **items, int *cap, int need, size_t size) {
    if (need <= *cap) return true;
    int wanted = *cap ? *cap : 64;
    while (wanted < need) wanted *= 2;
    void *bigger = realloc(*items, (size_t)wanted * size);
    if (!bigger) return false;
    *items = bigger;
    *cap = wanted;
    return true;
}

/* Gives back most of an array that grew for one busy frame (an input storm's trails, say) when
 * the frame just drawn used under an eighth of it: it keeps twice that use (at least 1,024
 * items), so a calm trainer does not hold a storm's buffers for ever. Kept as it was when
 * memory cannot be moved. */
static void shrink(void **items, int *cap, int used, size_t size) {
    int keep = 1024;
    while (keep < used * 2) keep *= 2;
    if (*cap <= keep || used * 8 >= *cap) return;
    void *smaller = realloc(*items, (size_t)keep * size);
    if (!smaller) return;
    *items = smaller;
    *cap = keep;
}

static Uint64 mix(Uint64 h, Uint64 v) {
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

static Uint64 mix_rect(Uint64 h, SDL_Rect r) {
    return mix(mix(h, (Uint64)(Uint32)r.x << 32 | (Uint32)r.y), (Uint64)(Uint32)r.w << 32 | (Uint32)r.h);
}

static Uint64 mix_colour(Uint64 h, SDL_Color c) {
    return mix(h, (Uint64)c.r << 24 | (Uint64)c.g << 16 | (Uint64)c.b << 8 | c.a);
}

Uint64 gt_draw_new_content(void) {
    return mix(0x636F6E74656E74ull, next_content++);
}

Uint64 gt_draw_content_of(const void *bytes, size_t size, Uint64 seed) {
    Uint64 h = mix(0x74657874ull, seed);
    const unsigned char *b = bytes;
    for (size_t i = 0; i < size; i++) h = (h ^ b[i]) * 0x100000001B3ull;
    return mix(h, size);
}

struct GtFrameList *gt_frame_list_new(SDL_Renderer *renderer) {
    struct GtFrameList *list = calloc(1, sizeof *list);
    if (list) list->renderer = renderer;
    return list;
}

/* Destroys the textures dropped while the frame was recorded. */
static void destroy_dropped(struct GtFrameList *list) {
    for (int i = 0; i < list->dropped_count; i++) SDL_DestroyTexture(list->dropped[i]);
    list->dropped_count = 0;
}

void gt_frame_list_free(struct GtFrameList *list) {
    if (!list) return;
    if (recording_now == list) recording_now = NULL;
    destroy_dropped(list);
    free(list->dropped);
    free(list->ops);
    free(list->rects);
    free(list->vertices);
    free(list->picked);
    free(list->tiles);
    free(list->last_tiles);
    free(list);
}

void gt_draw_drop_texture(SDL_Texture *texture) {
    if (!texture) return;
    struct GtFrameList *list = recording_now;
    if (list && grow((void **)&list->dropped, &list->dropped_cap, list->dropped_count + 1, sizeof *list->dropped)) {
        list->dropped[list->dropped_count++] = texture;
        return;
    }
    SDL_DestroyTexture(texture); /* not recording (or no memory to wait: the frame is then redrawn whole) */
    if (list) list->failed = true;
}

void gt_ui_record_frames(GtUi *ui, bool on) {
    if (!ui->damage) return;
    ui->damage->on = on;
    ui->damage->last_valid = false;
}

void gt_ui_forget_screen(GtUi *ui) {
    if (ui->damage) ui->damage->last_valid = false;
}

long gt_ui_redrawn_px(const GtUi *ui, int *rects) {
    if (rects) *rects = ui->damage ? ui->damage->redrawn_rects : 0;
    return ui->damage ? ui->damage->redrawn_px : 0;
}

/* True when the renderer draws unscaled onto its whole output of w x h, so a recorded call's
 * coordinates are the screen's pixels. */
static bool draws_unscaled(SDL_Renderer *renderer, int w, int h) {
    float sx = 0, sy = 0;
    SDL_Rect viewport;
    SDL_RenderGetScale(renderer, &sx, &sy);
    SDL_RenderGetViewport(renderer, &viewport);
    return sx == 1.0f && sy == 1.0f && viewport.x == 0 && viewport.y == 0 && viewport.w == w && viewport.h == h;
}

/* Sizes the square arrays for a w x h output; false when memory ran out. */
static bool size_tiles(struct GtFrameList *list, int w, int h) {
    int cols = (w + GT_DAMAGE_TILE - 1) / GT_DAMAGE_TILE, rows = (h + GT_DAMAGE_TILE - 1) / GT_DAMAGE_TILE;
    if (list->tiles && cols == list->cols && rows == list->rows && w == list->width && h == list->height) return true;
    free(list->tiles);
    free(list->last_tiles);
    list->tiles = calloc((size_t)cols * (size_t)rows, sizeof *list->tiles);
    list->last_tiles = calloc((size_t)cols * (size_t)rows, sizeof *list->last_tiles);
    list->cols = cols, list->rows = rows, list->width = w, list->height = h;
    list->last_valid = false;
    return list->tiles && list->last_tiles;
}

void gt_frame_begin(GtUi *ui) {
    struct GtFrameList *list = ui->damage;
    if (!list) return;
    list->recording = false;
    shrink((void **)&list->ops, &list->op_cap, list->op_count, sizeof *list->ops);
    shrink((void **)&list->rects, &list->rect_cap, list->rect_count, sizeof *list->rects);
    shrink((void **)&list->picked, &list->picked_cap, list->vertex_count, sizeof *list->picked);
    shrink((void **)&list->vertices, &list->vertex_cap, list->vertex_count, sizeof *list->vertices);
    list->op_count = list->rect_count = list->vertex_count = 0;
    int w = 0, h = 0;
    if (!list->on || SDL_GetRenderTarget(list->renderer) || SDL_GetRendererOutputSize(list->renderer, &w, &h) != 0 ||
        w <= 0 || h <= 0 || !draws_unscaled(list->renderer, w, h) || !size_tiles(list, w, h))
        return;
    for (int i = 0; i < list->cols * list->rows; i++) list->tiles[i] = 0x7469;
    list->recording = true;
    recording_now = list;
}

/* The list to record a call into, or NULL when the call is to be drawn at once. */
static struct GtFrameList *recorder(GtUi *ui) {
    struct GtFrameList *list = ui->damage;
    if (!list || !list->recording || SDL_GetRenderTarget(list->renderer)) return NULL;
    return list;
}

/* Folds `h` into every square that `box` (already within the screen) touches. */
static void fold_box(struct GtFrameList *list, SDL_Rect box, Uint64 h) {
    if (box.w <= 0 || box.h <= 0) return;
    int c0 = box.x / GT_DAMAGE_TILE, c1 = (box.x + box.w - 1) / GT_DAMAGE_TILE;
    int r0 = box.y / GT_DAMAGE_TILE, r1 = (box.y + box.h - 1) / GT_DAMAGE_TILE;
    for (int r = r0; r <= r1; r++)
        for (int c = c0; c <= c1; c++) list->tiles[r * list->cols + c] = mix(list->tiles[r * list->cols + c], h);
}

/* `box` cut to the op's clip and the screen (w 0 when nothing is left). */
static SDL_Rect within(const struct GtFrameList *list, const Op *op, SDL_Rect box) {
    SDL_Rect screen = { 0, 0, list->width, list->height }, out = { 0, 0, 0, 0 };
    if (!SDL_IntersectRect(&box, &screen, &out)) return (SDL_Rect){ 0, 0, 0, 0 };
    if (op->clipped && !SDL_IntersectRect(&out, &op->clip, &out)) return (SDL_Rect){ 0, 0, 0, 0 };
    return out;
}

/* Starts an op of `kind` with the renderer's draw state; NULL when memory ran out (the frame is
 * then drawn whole, and this call is lost from it). */
static Op *new_op(struct GtFrameList *list, OpKind kind) {
    if (!grow((void **)&list->ops, &list->op_cap, list->op_count + 1, sizeof *list->ops)) {
        list->failed = true;
        return NULL;
    }
    Op *op = &list->ops[list->op_count++];
    memset(op, 0, sizeof *op);
    op->kind = kind;
    SDL_GetRenderDrawColor(list->renderer, &op->colour.r, &op->colour.g, &op->colour.b, &op->colour.a);
    SDL_GetRenderDrawBlendMode(list->renderer, &op->blend);
    op->clipped = SDL_RenderIsClipEnabled(list->renderer);
    if (op->clipped) SDL_RenderGetClipRect(list->renderer, &op->clip);
    return op;
}

/* The hash of an op's state: its kind, colour, blending and clip. */
static Uint64 state_hash(const Op *op) {
    Uint64 h = mix_colour(mix(op->kind, (Uint64)op->blend), op->colour);
    return op->clipped ? mix_rect(h, op->clip) : mix(h, 0x6E6F636C6970ull);
}

void gt_draw_clear(GtUi *ui) {
    struct GtFrameList *list = recorder(ui);
    if (!list) { SDL_RenderClear(ui->renderer); return; }
    Op *op = new_op(list, OP_CLEAR);
    if (!op) return;
    op->clipped = false; /* a clear fills the whole screen whatever the clip */
    op->box = (SDL_Rect){ 0, 0, list->width, list->height };
    fold_box(list, op->box, state_hash(op));
}

void gt_draw_fill_rects(GtUi *ui, const SDL_Rect *rects, int count) {
    struct GtFrameList *list = recorder(ui);
    if (!list) { SDL_RenderFillRects(ui->renderer, rects, count); return; }
    if (count <= 0) return;
    Op *op = new_op(list, OP_FILL);
    if (!op) return;
    if (!grow((void **)&list->rects, &list->rect_cap, list->rect_count + count, sizeof *list->rects)) {
        list->op_count--, list->failed = true;
        return;
    }
    op->first = list->rect_count, op->count = count;
    memcpy(list->rects + list->rect_count, rects, (size_t)count * sizeof *rects);
    list->rect_count += count;
    Uint64 state = state_hash(op);
    for (int i = 0; i < count; i++) {
        SDL_Rect box = within(list, op, rects[i]);
        SDL_UnionRect(&op->box, &box, &op->box);
        fold_box(list, box, mix_rect(state, rects[i]));
    }
}

void gt_draw_copy(GtUi *ui, SDL_Texture *texture, Uint64 content, const SDL_Rect *src, const SDL_Rect *dst) {
    struct GtFrameList *list = recorder(ui);
    if (!list) { SDL_RenderCopy(ui->renderer, texture, src, dst); return; }
    if (!texture) return;
    Op *op = new_op(list, OP_COPY);
    if (!op) return;
    op->texture = texture;
    int w = 0, h = 0;
    SDL_QueryTexture(texture, NULL, NULL, &w, &h);
    SDL_GetTextureColorMod(texture, &op->colour.r, &op->colour.g, &op->colour.b);
    SDL_GetTextureAlphaMod(texture, &op->colour.a);
    SDL_GetTextureBlendMode(texture, &op->blend);
    op->whole_src = !src;
    op->src = src ? *src : (SDL_Rect){ 0, 0, w, h };
    op->dst = dst ? *dst : (SDL_Rect){ 0, 0, list->width, list->height };
    op->box = within(list, op, op->dst);
    Uint64 hash = mix_rect(mix_rect(mix(state_hash(op), content), op->src), op->dst);
    fold_box(list, op->box, mix(hash, (Uint64)w << 32 | (Uint32)h));
}

/* The pixels a triangle may touch: its bounding box, a pixel wider on each side. */
static SDL_Rect triangle_box(const SDL_Vertex *v) {
    float x0 = fminf(v[0].position.x, fminf(v[1].position.x, v[2].position.x));
    float x1 = fmaxf(v[0].position.x, fmaxf(v[1].position.x, v[2].position.x));
    float y0 = fminf(v[0].position.y, fminf(v[1].position.y, v[2].position.y));
    float y1 = fmaxf(v[0].position.y, fmaxf(v[1].position.y, v[2].position.y));
    if (!(x0 > -1e6f && x1 < 1e6f && y0 > -1e6f && y1 < 1e6f)) return (SDL_Rect){ -1000000, -1000000, 2000000, 2000000 };
    int left = (int)floorf(x0) - 1, top = (int)floorf(y0) - 1;
    return (SDL_Rect){ left, top, (int)ceilf(x1) + 2 - left, (int)ceilf(y1) + 2 - top };
}

/* The hash of a triangle's vertices: positions (exact bits) and colours. */
static Uint64 triangle_hash(Uint64 h, const SDL_Vertex *v) {
    for (int k = 0; k < 3; k++) {
        Uint32 x, y;
        memcpy(&x, &v[k].position.x, sizeof x);
        memcpy(&y, &v[k].position.y, sizeof y);
        h = mix_colour(mix(h, (Uint64)x << 32 | y), v[k].color);
    }
    return h;
}

void gt_draw_geometry(GtUi *ui, const SDL_Vertex *vertices, int count) {
    struct GtFrameList *list = recorder(ui);
    if (!list) { SDL_RenderGeometry(ui->renderer, NULL, vertices, count, NULL, 0); return; }
    count -= count % 3;
    if (count <= 0) return;
    Op *op = new_op(list, OP_GEOMETRY);
    if (!op) return;
    if (!grow((void **)&list->vertices, &list->vertex_cap, list->vertex_count + count, sizeof *list->vertices)) {
        list->op_count--, list->failed = true;
        return;
    }
    op->first = list->vertex_count, op->count = count;
    memcpy(list->vertices + list->vertex_count, vertices, (size_t)count * sizeof *vertices);
    list->vertex_count += count;
    Uint64 state = state_hash(op);
    for (int i = 0; i < count; i += 3) {
        SDL_Rect box = within(list, op, triangle_box(vertices + i));
        SDL_UnionRect(&op->box, &box, &op->box);
        fold_box(list, box, triangle_hash(state, vertices + i));
    }
}

/* Draws a geometry op's triangles that touch `clip` (SDL would otherwise copy and set up every
 * triangle of a long trail to draw a few of them); all of them when memory ran out. */
static void replay_triangles(struct GtFrameList *list, const Op *op, SDL_Rect clip) {
    const SDL_Vertex *v = list->vertices + op->first;
    if (!grow((void **)&list->picked, &list->picked_cap, op->count, sizeof *list->picked)) {
        SDL_RenderGeometry(list->renderer, NULL, v, op->count, NULL, 0);
        return;
    }
    int n = 0;
    for (int i = 0; i < op->count; i += 3) {
        SDL_Rect box = triangle_box(v + i);
        if (!SDL_HasIntersection(&box, &clip)) continue;
        memcpy(list->picked + n, v + i, 3 * sizeof *v);
        n += 3;
    }
    if (n) SDL_RenderGeometry(list->renderer, NULL, list->picked, n, NULL, 0);
}

/* Draws one op again, clipped to `area` as well as its own clip. */
static void replay_op(struct GtFrameList *list, const Op *op, SDL_Rect area) {
    SDL_Renderer *r = list->renderer;
    SDL_Rect clip = area;
    if (op->clipped && !SDL_IntersectRect(&op->clip, &area, &clip)) return;
    SDL_RenderSetClipRect(r, &clip);
    switch (op->kind) {
    case OP_CLEAR:
        SDL_SetRenderDrawColor(r, op->colour.r, op->colour.g, op->colour.b, op->colour.a);
        SDL_SetRenderDrawBlendMode(r, SDL_BLENDMODE_NONE);
        SDL_RenderFillRect(r, &area);
        break;
    case OP_FILL:
        SDL_SetRenderDrawColor(r, op->colour.r, op->colour.g, op->colour.b, op->colour.a);
        SDL_SetRenderDrawBlendMode(r, op->blend);
        SDL_RenderFillRects(r, list->rects + op->first, op->count);
        break;
    case OP_COPY:
        SDL_SetTextureColorMod(op->texture, op->colour.r, op->colour.g, op->colour.b);
        SDL_SetTextureAlphaMod(op->texture, op->colour.a);
        SDL_SetTextureBlendMode(op->texture, op->blend);
        SDL_RenderCopy(r, op->texture, op->whole_src ? NULL : &op->src, &op->dst);
        break;
    case OP_GEOMETRY:
        SDL_SetRenderDrawBlendMode(r, op->blend);
        replay_triangles(list, op, clip);
        break;
    }
}

/* Replays every op that touches `area`, clipped to it. */
static void replay(struct GtFrameList *list, SDL_Rect area) {
    for (int i = 0; i < list->op_count; i++) {
        const Op *op = &list->ops[i];
        if (SDL_HasIntersection(&op->box, &area) || op->kind == OP_CLEAR) replay_op(list, op, area);
    }
}

/* The rectangles of changed squares (in squares), runs of a row stacked when they line up; at
 * most `max` of them. Returns how many, or -1 when there are more. */
static int changed_runs(const struct GtFrameList *list, SDL_Rect *out, int max) {
    int n = 0;
    for (int r = 0; r < list->rows; r++) {
        for (int c = 0; c < list->cols;) {
            int i = r * list->cols + c;
            if (list->tiles[i] == list->last_tiles[i]) { c++; continue; }
            int start = c;
            while (c < list->cols && list->tiles[r * list->cols + c] != list->last_tiles[r * list->cols + c]) c++;
            int k = 0;
            while (k < n && !(out[k].x == start && out[k].w == c - start && out[k].y + out[k].h == r)) k++;
            if (k < n) { out[k].h++; continue; }
            if (n == max) return -1;
            out[n++] = (SDL_Rect){ start, r, c - start, 1 };
        }
    }
    return n;
}

/* Merges rectangles, the pair whose union adds the least area first, until at most `max` are
 * left; returns how many. */
static int merge_down(SDL_Rect *rects, int n, int max) {
    while (n > max) {
        int best_a = 0, best_b = 1;
        long best = -1;
        for (int a = 0; a < n; a++)
            for (int b = a + 1; b < n; b++) {
                SDL_Rect u;
                SDL_UnionRect(&rects[a], &rects[b], &u);
                long added = (long)u.w * u.h - (long)rects[a].w * rects[a].h - (long)rects[b].w * rects[b].h;
                if (best < 0 || added < best) best = added, best_a = a, best_b = b;
            }
        SDL_UnionRect(&rects[best_a], &rects[best_b], &rects[best_a]);
        rects[best_b] = rects[--n];
    }
    return n;
}

/* Replays the whole list onto the whole screen. */
static void replay_whole(struct GtFrameList *list) {
    replay(list, (SDL_Rect){ 0, 0, list->width, list->height });
    list->redrawn_px = (long)list->width * list->height;
    list->redrawn_rects = 1;
}

void gt_ui_end_frame(GtUi *ui) {
    struct GtFrameList *list = ui->damage;
    if (!list || !list->recording) return;
    list->recording = false;
    recording_now = NULL;
    enum { MAX_RUNS = 64 }; /* more runs than this: the frame is drawn whole (merging them costs more) */
    SDL_Rect runs[MAX_RUNS];
    bool starts_clear = list->op_count > 0 && list->ops[0].kind == OP_CLEAR;
    int n = list->last_valid && !list->failed && starts_clear ? changed_runs(list, runs, MAX_RUNS) : -1;
    long changed = 0;
    for (int i = 0; i < n; i++) changed += (long)runs[i].w * runs[i].h;
    if (n < 0 || changed * 2 > (long)list->cols * list->rows) {
        replay_whole(list);
    } else {
        n = merge_down(runs, n, GT_DAMAGE_RECTS);
        list->redrawn_px = 0;
        list->redrawn_rects = n;
        for (int i = 0; i < n; i++) {
            SDL_Rect area = { runs[i].x * GT_DAMAGE_TILE, runs[i].y * GT_DAMAGE_TILE, runs[i].w * GT_DAMAGE_TILE,
                              runs[i].h * GT_DAMAGE_TILE };
            SDL_Rect screen = { 0, 0, list->width, list->height };
            SDL_IntersectRect(&area, &screen, &area);
            replay(list, area);
            list->redrawn_px += (long)area.w * area.h;
        }
    }
    SDL_RenderSetClipRect(list->renderer, NULL);
    SDL_SetRenderDrawBlendMode(list->renderer, SDL_BLENDMODE_BLEND);
    Uint64 *kept = list->last_tiles;
    list->last_tiles = list->tiles;
    list->tiles = kept;
    list->last_valid = !list->failed;
    list->failed = false;
    destroy_dropped(list);
}
