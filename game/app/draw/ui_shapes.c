/* ui_shapes: the toolkit's filled shapes (gt_ui_fill_rect ... gt_ui_triangle in ui.h).
 * Discs, rings and round corners are copied from small anti-aliased white textures, made once per
 * size and tinted at each draw (colour and alpha modulation): a software renderer copies a
 * texture quickly but fills triangles slowly, and the edges come out smooth. Shapes wider than
 * GT_SHAPE_MAX_PX are drawn as triangle fans. The cache in GtUi.shapes holds at most
 * GT_SHAPE_CACHE textures, the least recently used replaced; gt_ui_free_shapes releases them. */
#include "ui.h"
#include "frame_damage.h"

#include <math.h>
#include <stdlib.h>

enum { SUPERSAMPLE = 4 };

/* Fills rectangles in the colour set; an opaque fill is a plain copy (a software renderer would
 * otherwise blend every pixel with alpha 255). */
static void fill_rects(GtUi *ui, const SDL_Rect *rects, int count, Uint8 alpha) {
    if (alpha == 255) SDL_SetRenderDrawBlendMode(ui->renderer, SDL_BLENDMODE_NONE);
    gt_draw_fill_rects(ui, rects, count);
    if (alpha == 255) SDL_SetRenderDrawBlendMode(ui->renderer, SDL_BLENDMODE_BLEND);
}

void gt_ui_fill_rect(GtUi *ui, SDL_Rect rect, GtColour colour, Uint8 alpha) {
    gt_ui_set_colour(ui, colour, alpha);
    fill_rects(ui, &rect, 1, alpha);
}

void gt_ui_free_shapes(GtUi *ui) {
    for (int i = 0; i < GT_SHAPE_CACHE; i++) {
        gt_draw_drop_texture(ui->shapes[i].texture);
        ui->shapes[i] = (GtShapeEntry){ 0 };
    }
}

/* A white ring of outer diameter `outer` and inner diameter `inner` pixels (0: a disc), its
 * alpha the share of each pixel it covers (4 x 4 samples). NULL when memory ran out. */
static SDL_Surface *ring_surface(int outer, int inner) {
    SDL_Surface *surface = SDL_CreateRGBSurfaceWithFormat(0, outer, outer, 32, SDL_PIXELFORMAT_ARGB8888);
    if (!surface) return NULL;
    double centre = outer / 2.0, r_out = outer / 2.0, r_in = inner / 2.0;
    for (int y = 0; y < outer; y++) {
        Uint32 *row = (Uint32 *)((Uint8 *)surface->pixels + (size_t)y * (size_t)surface->pitch);
        for (int x = 0; x < outer; x++) {
            int inside = 0;
            for (int sy = 0; sy < SUPERSAMPLE; sy++)
                for (int sx = 0; sx < SUPERSAMPLE; sx++) {
                    double dx = x + (sx + 0.5) / SUPERSAMPLE - centre, dy = y + (sy + 0.5) / SUPERSAMPLE - centre;
                    double d2 = dx * dx + dy * dy;
                    inside += d2 <= r_out * r_out && d2 >= r_in * r_in;
                }
            Uint32 alpha = (Uint32)(inside * 255 / (SUPERSAMPLE * SUPERSAMPLE));
            row[x] = alpha << 24 | 0xFFFFFFu;
        }
    }
    return surface;
}

/* The cached texture of a ring (outer, inner diameters in pixels; inner 0 for a disc), made on
 * first use; NULL when it cannot be made. */
static GtShapeEntry *ring_texture(GtUi *ui, int outer, int inner) {
    GtShapeEntry *oldest = &ui->shapes[0];
    for (int i = 0; i < GT_SHAPE_CACHE; i++) {
        GtShapeEntry *e = &ui->shapes[i];
        if (e->texture && e->outer == outer && e->inner == inner) {
            e->used = ui->frame;
            return e;
        }
        if (!e->texture || (oldest->texture && e->used < oldest->used)) oldest = e;
    }
    SDL_Surface *surface = ring_surface(outer, inner);
    SDL_Texture *texture = surface ? SDL_CreateTextureFromSurface(ui->renderer, surface) : NULL;
    SDL_FreeSurface(surface);
    if (!texture) return NULL;
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    gt_draw_drop_texture(oldest->texture);
    int size[2] = { outer, inner };
    *oldest = (GtShapeEntry){ texture, outer, inner, ui->frame, gt_draw_content_of(size, sizeof size, 0x72696E67) };
    return oldest;
}

/* Copies part `src` (NULL: all) of a cached ring's texture to `dst`, tinted `c`. */
static void copy_tinted(GtUi *ui, const GtShapeEntry *ring, const SDL_Rect *src, SDL_Rect dst, SDL_Color c) {
    SDL_SetTextureColorMod(ring->texture, c.r, c.g, c.b);
    SDL_SetTextureAlphaMod(ring->texture, c.a);
    gt_draw_copy(ui, ring->texture, ring->content, src, &dst);
}

/* Appends a triangle fan around (cx, cy) over an arc to the vertex list. */
static int arc_fan(SDL_Vertex *v, int n, double cx, double cy, double r, double a0, double a1, int steps,
                   SDL_Color c) {
    for (int i = 0; i < steps; i++) {
        double t0 = a0 + (a1 - a0) * i / steps, t1 = a0 + (a1 - a0) * (i + 1) / steps;
        v[n++] = (SDL_Vertex){ { (float)cx, (float)cy }, c, { 0, 0 } };
        v[n++] = (SDL_Vertex){ { (float)(cx + r * cos(t0)), (float)(cy + r * sin(t0)) }, c, { 0, 0 } };
        v[n++] = (SDL_Vertex){ { (float)(cx + r * cos(t1)), (float)(cy + r * sin(t1)) }, c, { 0, 0 } };
    }
    return n;
}

/* A disc of colour `c` (its alpha included) centred at (cx, cy). */
static void disc(GtUi *ui, double cx, double cy, double radius, SDL_Color c) {
    int d = (int)lround(2 * radius);
    if (d < 1) return;
    GtShapeEntry *ring = d <= GT_SHAPE_MAX_PX ? ring_texture(ui, d, 0) : NULL;
    if (ring) {
        copy_tinted(ui, ring, NULL, (SDL_Rect){ (int)lround(cx - d / 2.0), (int)lround(cy - d / 2.0), d, d }, c);
        return;
    }
    SDL_Vertex v[48 * 3];
    int n = arc_fan(v, 0, cx, cy, radius, 0, 4 * GT_PI_2, 48, c);
    gt_draw_geometry(ui, v, n);
}

void gt_ui_fill_round_rect(GtUi *ui, SDL_Rect rect, int radius, GtColour colour, Uint8 alpha) {
    if (radius * 2 > rect.w) radius = rect.w / 2;
    if (radius * 2 > rect.h) radius = rect.h / 2;
    if (radius <= 1) { gt_ui_fill_rect(ui, rect, colour, alpha); return; }
    gt_ui_set_colour(ui, colour, alpha);
    SDL_Rect parts[3] = { { rect.x + radius, rect.y, rect.w - 2 * radius, rect.h },
                          { rect.x, rect.y + radius, radius, rect.h - 2 * radius },
                          { rect.x + rect.w - radius, rect.y + radius, radius, rect.h - 2 * radius } };
    fill_rects(ui, parts, 3, alpha);
    SDL_Color c = gt_ui_colour(ui, colour);
    c.a = alpha;
    int r = radius, d = 2 * radius;
    GtShapeEntry *ring = d <= GT_SHAPE_MAX_PX ? ring_texture(ui, d, 0) : NULL;
    if (ring) { /* each corner a quarter of the disc */
        int right = rect.x + rect.w - r, bottom = rect.y + rect.h - r;
        copy_tinted(ui, ring, &(SDL_Rect){ 0, 0, r, r }, (SDL_Rect){ rect.x, rect.y, r, r }, c);
        copy_tinted(ui, ring, &(SDL_Rect){ r, 0, r, r }, (SDL_Rect){ right, rect.y, r, r }, c);
        copy_tinted(ui, ring, &(SDL_Rect){ r, r, r, r }, (SDL_Rect){ right, bottom, r, r }, c);
        copy_tinted(ui, ring, &(SDL_Rect){ 0, r, r, r }, (SDL_Rect){ rect.x, bottom, r, r }, c);
        return;
    }
    SDL_Vertex v[4 * 8 * 3];
    int n = 0;
    const double q = GT_PI_2;
    n = arc_fan(v, n, rect.x + radius, rect.y + radius, radius, 2 * q, 3 * q, 8, c);
    n = arc_fan(v, n, rect.x + rect.w - radius, rect.y + radius, radius, 3 * q, 4 * q, 8, c);
    n = arc_fan(v, n, rect.x + rect.w - radius, rect.y + rect.h - radius, radius, 0, q, 8, c);
    n = arc_fan(v, n, rect.x + radius, rect.y + rect.h - radius, radius, q, 2 * q, 8, c);
    gt_draw_geometry(ui, v, n);
}

void gt_ui_fill_circle(GtUi *ui, double cx, double cy, double radius, GtColour colour, Uint8 alpha) {
    SDL_Color c = gt_ui_colour(ui, colour);
    c.a = alpha;
    disc(ui, cx, cy, radius, c);
}

void gt_ui_ring(GtUi *ui, double cx, double cy, double radius, double thickness, GtColour colour, Uint8 alpha) {
    SDL_Color c = gt_ui_colour(ui, colour);
    c.a = alpha;
    double r0 = fmax(0.0, radius - thickness / 2), r1 = radius + thickness / 2;
    int outer = (int)lround(2 * r1), inner = (int)lround(2 * r0);
    GtShapeEntry *ring = outer <= GT_SHAPE_MAX_PX ? ring_texture(ui, outer, inner) : NULL;
    if (ring) {
        copy_tinted(ui, ring, NULL,
                    (SDL_Rect){ (int)lround(cx - outer / 2.0), (int)lround(cy - outer / 2.0), outer, outer }, c);
        return;
    }
    enum { STEPS = 64 };
    SDL_Vertex v[STEPS * 6];
    int n = 0;
    for (int i = 0; i < STEPS; i++) {
        double a = 4 * GT_PI_2 * i / STEPS, b = 4 * GT_PI_2 * (i + 1) / STEPS;
        SDL_FPoint p[4] = { { (float)(cx + r0 * cos(a)), (float)(cy + r0 * sin(a)) },
                            { (float)(cx + r1 * cos(a)), (float)(cy + r1 * sin(a)) },
                            { (float)(cx + r1 * cos(b)), (float)(cy + r1 * sin(b)) },
                            { (float)(cx + r0 * cos(b)), (float)(cy + r0 * sin(b)) } };
        int order[6] = { 0, 1, 2, 0, 2, 3 };
        for (int k = 0; k < 6; k++) v[n++] = (SDL_Vertex){ p[order[k]], c, { 0, 0 } };
    }
    gt_draw_geometry(ui, v, n);
}

void gt_ui_triangle(GtUi *ui, double x0, double y0, double x1, double y1, double x2, double y2, SDL_Color c) {
    SDL_Vertex v[3] = { { { (float)x0, (float)y0 }, c, { 0, 0 } }, { { (float)x1, (float)y1 }, c, { 0, 0 } },
                        { { (float)x2, (float)y2 }, c, { 0, 0 } } };
    gt_draw_geometry(ui, v, 3);
}

void gt_ui_thick_line(GtUi *ui, double x0, double y0, double x1, double y1, double width, SDL_Color c) {
    double dx = x1 - x0, dy = y1 - y0, len = hypot(dx, dy);
    double h = width / 2;
    if (len > 0.01) {
        double nx = -dy / len * h, ny = dx / len * h;
        SDL_Vertex v[6] = {
            { { (float)(x0 + nx), (float)(y0 + ny) }, c, { 0, 0 } }, { { (float)(x1 + nx), (float)(y1 + ny) }, c, { 0, 0 } },
            { { (float)(x1 - nx), (float)(y1 - ny) }, c, { 0, 0 } }, { { (float)(x0 + nx), (float)(y0 + ny) }, c, { 0, 0 } },
            { { (float)(x1 - nx), (float)(y1 - ny) }, c, { 0, 0 } }, { { (float)(x0 - nx), (float)(y0 - ny) }, c, { 0, 0 } },
        };
        gt_draw_geometry(ui, v, 6);
    }
    if (h >= 1.5) disc(ui, x1, y1, h, c);
}
