/* bodyview_art: where the figure goes on screen (layout, focus, transform) and its SVG art,
 * rasterised for exactly the pixels and the part of the body shown. See bodyview.h. */
#include "bodyview.h"
#include "frame_damage.h"
#include "gt_motion.h"

#include <SDL_image.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The one view whose art texture is resident (see bodyview.h), or NULL. */
static GtBodyView *resident_art;

void gt_bodyview_init(GtBodyView *view, const GtBodyMap *map, const char *bodymap_dir) {
    memset(view, 0, sizeof *view);
    view->map = map;
    if (!map) return;
    snprintf(view->art_path, sizeof view->art_path, "%s/%s", bodymap_dir, map->art_path);
    view->focus[2] = map->width_cm;
    view->focus[3] = map->height_cm;
    size_t length = 0;
    view->svg = SDL_LoadFile(view->art_path, &length);
    if (!view->svg) snprintf(view->error, sizeof view->error, "cannot read %s: %s", view->art_path, SDL_GetError());
}

/* The SVG text with every paint "url(#<family>...)" pointing at "<family>-<tone>" instead.
 * malloc'd; NULL when memory ran out. */
static char *svg_with_paint(const char *svg, const char *family, const char *tone) {
    char token[24];
    snprintf(token, sizeof token, "url(#%s", family);
    size_t count = 0, total = strlen(svg), id_length = strlen(family) + strlen(tone) + 1;
    for (const char *at = strstr(svg, token); at; at = strstr(at + 1, token)) count++;
    char *out = malloc(total + count * (id_length + 8) + 1), *w = out;
    if (!out) return NULL;
    const char *from = svg;
    for (const char *at = strstr(svg, token); at; at = strstr(at + 1, token)) {
        const char *close = strchr(at, ')');
        if (!close) break;
        memcpy(w, from, (size_t)(at - from));
        w += at - from;
        w += sprintf(w, "url(#%s-%s)", family, tone);
        from = close + 1;
    }
    memcpy(w, from, total - (size_t)(from - svg) + 1);
    return out;
}

bool gt_bodyview_set_skin_tone(GtBodyView *view, const char *tone) {
    char attribute[64];
    if (!view->svg || !tone || !tone[0] || strlen(tone) > 32) return false;
    for (const char *c = tone; *c; c++)
        if (!(islower((unsigned char)*c) || isdigit((unsigned char)*c) || *c == '-')) return false;
    snprintf(attribute, sizeof attribute, "id=\"skin-%s\"", tone);
    if (!strstr(view->svg, attribute)) return false;
    /* the skin, its outline, and the muscle outlines and details drawn to read on it */
    static const char *const FAMILIES[] = { "skin", "edge", "muscle", "line" };
    char *painted = strdup(view->svg);
    for (size_t f = 0; painted && f < sizeof FAMILIES / sizeof FAMILIES[0]; f++) {
        char *next = svg_with_paint(painted, FAMILIES[f], tone);
        free(painted);
        painted = next;
    }
    size_t length = painted ? strlen(painted) + 1 : 0;
    char *owned = painted ? SDL_malloc(length) : NULL;
    if (owned) memcpy(owned, painted, length);
    free(painted);
    if (!owned) return false;
    SDL_free(view->svg);
    view->svg = owned;
    gt_bodyview_release_art(view);
    return true;
}

bool gt_bodyview_skin_colour(const GtBodyView *view, const char *tone, SDL_Color *colour) {
    char attribute[64];
    if (!view->svg || !tone || strlen(tone) > 32) return false;
    snprintf(attribute, sizeof attribute, "id=\"skin-%s\"", tone);
    const char *gradient = strstr(view->svg, attribute);
    const char *end = gradient ? strstr(gradient, "</linearGradient>") : NULL;
    const char *hex = gradient ? strstr(gradient, "stop-color=\"#") : NULL;
    unsigned rgb = 0;
    if (!hex || !end || hex > end || sscanf(hex + 13, "%6x", &rgb) != 1) return false;
    *colour = (SDL_Color){ (Uint8)(rgb >> 16), (Uint8)(rgb >> 8), (Uint8)rgb, 255 };
    return true;
}

void gt_bodyview_drop_art_texture(GtBodyView *view) {
    gt_draw_drop_texture(view->art);
    view->art = NULL;
    view->art_size_px[0] = view->art_size_px[1] = 0;
}

void gt_bodyview_release_art(GtBodyView *view) {
    gt_draw_drop_texture(view->art);
    view->art = NULL;
    view->art_size_px[0] = view->art_size_px[1] = 0;
    if (resident_art == view) resident_art = NULL;
    gt_bodyview_release_layer(view);
    view->generation++;
}

/* Frees the region triangulations (made for view->map's regions). */
static void free_triangles(GtBodyView *view) {
    for (size_t i = 0; view->triangles && view->map && i < view->map->region_count; i++) free(view->triangles[i]);
    free(view->triangles);
    free(view->triangle_counts);
    view->triangles = NULL;
    view->triangle_counts = NULL;
}

void gt_bodyview_rebind(GtBodyView *view, const GtBodyMap *map) {
    free_triangles(view);
    view->map = map;
    view->generation++;
}

void gt_bodyview_free(GtBodyView *view) {
    gt_bodyview_release_art(view);
    SDL_free(view->svg);
    free_triangles(view);
    memset(view, 0, sizeof *view);
}

void gt_bodyview_focus(GtBodyView *view, const GtStep *step) {
    if (!view->map) return;
    double x = 0, y = 0, w = view->map->width_cm, h = view->map->height_cm;
    const GtRegion *region = step ? gt_bodymap_region(view->map, step->region) : NULL;
    view->zoomed = step && region;
    if (view->zoomed) {
        GtPoint lo, hi, glo, ghi;
        gt_points_bounds(&region->polygon, &lo, &hi);
        if (gt_points_bounds(&step->guide, &glo, &ghi)) {
            lo.x = fmin(lo.x, glo.x); lo.y = fmin(lo.y, glo.y);
            hi.x = fmax(hi.x, ghi.x); hi.y = fmax(hi.y, ghi.y);
        }
        const double margin = 5.0, least = 36.0;
        double *part = view->part_cm;
        part[0] = lo.x - margin; part[1] = lo.y - margin;
        part[2] = hi.x - lo.x + 2 * margin; part[3] = hi.y - lo.y + 2 * margin;
        w = fmax(part[2], least);
        h = fmax(part[3], least);
        x = (lo.x + hi.x) / 2 - w / 2;
        y = (lo.y + hi.y) / 2 - h / 2;
    }
    view->focus[0] = x; view->focus[1] = y; view->focus[2] = w; view->focus[3] = h;
}

/* The box round the body's outline (all silhouette polygons) with a 1 cm margin for the
 * outline's stroke; the map's whole frame when it has no silhouette. */
static void body_bounds(const GtBodyMap *map, GtPoint *lo, GtPoint *hi) {
    *lo = (GtPoint){ 0, 0 };
    *hi = (GtPoint){ map->width_cm, map->height_cm };
    bool any = false;
    for (size_t i = 0; i < map->silhouette_count; i++) {
        GtPoint a, b;
        if (!gt_points_bounds(&map->silhouette[i], &a, &b)) continue;
        if (!any) { *lo = a; *hi = b; any = true; continue; }
        lo->x = fmin(lo->x, a.x); lo->y = fmin(lo->y, a.y);
        hi->x = fmax(hi->x, b.x); hi->y = fmax(hi->y, b.y);
    }
    if (any) { lo->x -= 1; lo->y -= 1; hi->x += 1; hi->y += 1; }
}

/* Where a window [start, start + size] along one axis should start so it shows less empty space
 * beyond the body [lo, hi]: it slides toward the body only while the other side still has body
 * to show, and never so far that the kept part [keep_lo, keep_hi] leaves the window. */
static double slide_axis(double start, double size, double lo, double hi, double keep_lo, double keep_hi) {
    double end = start + size, shift = 0;
    if (start < lo && end < hi) shift = fmin(lo - start, hi - end);
    else if (end > hi && start > lo) shift = -fmin(end - hi, start - lo);
    shift = fmin(shift, keep_lo - start);
    shift = fmax(shift, keep_hi - end);
    return start + shift;
}

void gt_bodyview_layout(GtBodyView *view, SDL_Renderer *renderer, SDL_Rect area) {
    if (!view->map) return;
    SDL_RendererInfo info;
    if (renderer && SDL_GetRendererInfo(renderer, &info) == 0 && info.max_texture_width > 0 && info.max_texture_height > 0)
        view->max_texture_px = SDL_min(info.max_texture_width, info.max_texture_height);
    if (area.w < 1) area.w = 1;
    if (area.h < 1) area.h = 1;
    const double *f = view->focus;
    double scale = fmin(area.w / f[2], area.h / f[3]), *win = view->window_cm;
    if (view->zoomed) {
        view->rect = area;
        win[2] = area.w / scale;
        win[3] = area.h / scale;
        GtPoint lo, hi;
        body_bounds(view->map, &lo, &hi);
        const double *part = view->part_cm;
        win[0] = slide_axis(f[0] + f[2] / 2 - win[2] / 2, win[2], lo.x, hi.x, part[0], part[0] + part[2]);
        win[1] = slide_axis(f[1] + f[3] / 2 - win[3] / 2, win[3], lo.y, hi.y, part[1], part[1] + part[3]);
    } else {
        int w = (int)(f[2] * scale), h = (int)(f[3] * scale);
        view->rect = (SDL_Rect){ area.x + (area.w - w) / 2, area.y + (area.h - h) / 2, w, h };
        win[0] = f[0];
        win[1] = f[1];
        win[2] = w / scale;
        win[3] = h / scale;
    }
    view->transform = (GtViewTransform){ view->rect.x - win[0] * scale, view->rect.y - win[1] * scale, scale };
}

SDL_FPoint gt_bodyview_to_px(const GtBodyView *view, GtPoint cm) {
    SDL_FPoint p = { (float)(view->transform.origin_x_px + cm.x * view->transform.px_per_cm),
                     (float)(view->transform.origin_y_px + cm.y * view->transform.px_per_cm) };
    return p;
}

void gt_bodyview_clip(GtBodyView *view, GtUi *ui, bool on) {
    gt_ui_clip(ui, on ? &view->rect : NULL);
}

/* ---- the art ---- */

/* Blanks (with spaces) every `name="..."` attribute in tag[0, length), so a new value given
 * elsewhere is the only one. Leaves the tag unchanged when there is none. */
static void blank_attribute(char *tag, size_t length, const char *name) {
    size_t n = strlen(name);
    for (size_t i = 1; i + n < length; i++) {
        if (strncmp(tag + i, name, n) != 0 || !isspace((unsigned char)tag[i - 1])) continue;
        size_t k = i + n;
        while (k < length && isspace((unsigned char)tag[k])) k++;
        if (k >= length || tag[k] != '=') continue;
        k++;
        while (k < length && isspace((unsigned char)tag[k])) k++;
        if (k >= length || (tag[k] != '"' && tag[k] != '\'')) continue;
        char quote = tag[k];
        const char *end = memchr(tag + k + 1, quote, length - k - 1);
        if (!end) return;
        memset(tag + i, ' ', (size_t)(end - tag) + 1 - i);
    }
}

/* The SVG text with its root element set to w x h pixels showing exactly `window` (cm), so
 * SDL2_image rasterises that part of the body and nothing else, pixel for pixel. malloc'd;
 * NULL when the text has no <svg> element or memory ran out. */
static char *svg_for_window(const char *svg, const double window[4], int w, int h) {
    const char *open = strstr(svg, "<svg");
    const char *close = open ? strchr(open, '>') : NULL;
    if (!close) return NULL;
    char attributes[200];
    snprintf(attributes, sizeof attributes,
             " width=\"%d\" height=\"%d\" viewBox=\"%.5f %.5f %.5f %.5f\" preserveAspectRatio=\"none\"", w, h, window[0],
             window[1], window[2], window[3]);
    size_t head = (size_t)(open + 4 - svg), added = strlen(attributes), total = strlen(svg);
    char *out = malloc(total + added + 1);
    if (!out) return NULL;
    memcpy(out, svg, head);
    memcpy(out + head, attributes, added);
    memcpy(out + head + added, svg + head, total - head + 1);
    char *tag = out + head + added;
    size_t tag_length = (size_t)(close - (open + 4));
    const char *names[] = { "width", "height", "viewBox", "preserveAspectRatio" };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) blank_attribute(tag, tag_length, names[i]);
    return out;
}

/* The art's size in pixels for the view's rectangle: the rectangle in output pixels (through
 * the renderer's scale), shrunk in proportion when a side exceeds the largest texture. */
static void art_pixel_size(const GtBodyView *view, SDL_Renderer *renderer, int *w, int *h) {
    float sx = 1.0f, sy = 1.0f;
    SDL_RenderGetScale(renderer, &sx, &sy);
    if (sx <= 0 || sy <= 0) sx = sy = 1.0f;
    *w = (int)lround(view->rect.w * (double)sx);
    *h = (int)lround(view->rect.h * (double)sy);
    int largest = SDL_max(*w, *h);
    if (view->max_texture_px > 0 && largest > view->max_texture_px) {
        *w = (int)((double)*w * view->max_texture_px / largest);
        *h = (int)((double)*h * view->max_texture_px / largest);
    }
}

/* Rasterises the view's window at w x h into view->art. On failure view->art stays NULL and
 * view->error says why. */
static void rasterise(GtBodyView *view, SDL_Renderer *renderer, int w, int h) {
    char *svg = svg_for_window(view->svg, view->window_cm, w, h);
    SDL_RWops *memory = svg ? SDL_RWFromConstMem(svg, (int)strlen(svg)) : NULL;
    SDL_Surface *surface = memory ? IMG_LoadSizedSVG_RW(memory, w, h) : NULL;
    if (memory) SDL_RWclose(memory);
    free(svg);
    if (surface) {
        view->art = SDL_CreateTextureFromSurface(renderer, surface);
        view->art_content = gt_draw_new_content();
        SDL_FreeSurface(surface);
    }
    if (!view->art) snprintf(view->error, sizeof view->error, "cannot draw %s: %s", view->art_path,
                             svg ? SDL_GetError() : "out of memory or no <svg> element");
}

void gt_bodyview_prepare_art(GtBodyView *view, SDL_Renderer *renderer) {
    if (!view->map || !view->svg) return;
    int w, h;
    art_pixel_size(view, renderer, &w, &h);
    if (w < 8 || h < 8) return;
    bool same = w == view->art_size_px[0] && h == view->art_size_px[1] &&
                memcmp(view->art_window_cm, view->window_cm, sizeof view->art_window_cm) == 0;
    if (same) return;
    gt_bodyview_drop_art_texture(view); /* the layer's key has the size and window: it follows */
    if (resident_art && resident_art != view) gt_bodyview_release_art(resident_art);
    view->error[0] = '\0';
    rasterise(view, renderer, w, h);
    view->art_size_px[0] = w;
    view->art_size_px[1] = h;
    memcpy(view->art_window_cm, view->window_cm, sizeof view->art_window_cm);
    if (view->art) resident_art = view;
}

void gt_bodyview_draw(GtBodyView *view, GtUi *ui) {
    gt_bodyview_prepare_art(view, ui->renderer);
    if (view->art) {
        gt_draw_copy(ui, view->art, view->art_content, NULL, &view->rect);
    } else if (view->error[0]) {
        gt_ui_text(ui, view->error, view->rect.x, view->rect.y, GT_FONT_SMALL, false, GT_COL_BAD, view->rect.w, NULL, NULL);
    }
}
