/* map_sheet: one whole view of the body map as the trainer draws it (the SVG art through the
 * body view), every region tinted and numbered, every place to avoid marked and lettered, a
 * centimetre grid with its numbers along the top and the left, and a legend beside the figure
 * naming each number and letter with its id: the map an instructor reads a guide's coordinates
 * from. Drawn headless (SDL's software renderer into a surface) and saved as a PNG by SDL2_image. */
#include "map_sheet.h"
#include "bodyview.h"
#include "library.h"
#include "ui.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEGEND_MAX_PX = 3200, MARGIN_PX = 16, AXIS_PX = 60, FOOT_PX = 16 }; /* FOOT_PX: room for the last row's number */

typedef struct Sheet {
    SDL_Surface *surface;
    int right_px;              /* the right edge of what was drawn: the PNG is cut there */
    int column_x, column_w;    /* the legend column being filled, and its widest line so far */
    SDL_Renderer *renderer;
    GtUi ui;
    GtBodyView view;
    bool view_ready;           /* gt_bodyview_free is due */
} Sheet;

/* The tints regions cycle through, so neighbours differ. */
static const GtColour TINTS[] = { GT_COL_ACCENT, GT_COL_GOOD, GT_COL_WARN, GT_COL_GUIDE };

/* Where a region's number goes: the point deepest inside it, so it never sits on a neighbour. */
static GtPoint label_point(const GtPointList *polygon) {
    return gt_polygon_inner_point(polygon, 0.25);
}

/* Where a place to avoid gets its letter (output pixels): the middle of its point or line,
 * moved below a region's number that sits there already (`tag_px`: a tag's height). */
static SDL_FPoint letter_point(Sheet *s, const GtBodyMap *map, const GtLandmark *m, int tag_px) {
    SDL_FPoint at = gt_bodyview_to_px(&s->view, m->points.points[m->points.count / 2]);
    for (size_t i = 0; i < map->region_count; i++) {
        SDL_FPoint number = gt_bodyview_to_px(&s->view, label_point(&map->regions[i].polygon));
        if (fabsf(number.x - at.x) < (float)tag_px && fabsf(number.y - at.y) < (float)tag_px) {
            at.y = number.y + (float)tag_px + 2.0f;
            break;
        }
    }
    return at;
}

/* Text centred on (x, y) on a white tag, so it reads over any fill. */
static void tag(Sheet *s, const char *text, double x, double y, GtColour colour) {
    int w = 0, h = 0;
    gt_ui_text_size(&s->ui, text, GT_FONT_SMALL, true, 0, &w, &h);
    SDL_Rect box = { (int)x - w / 2 - 3, (int)y - h / 2 - 1, w + 6, h + 2 };
    gt_ui_fill_round_rect(&s->ui, box, 4, GT_COL_LIGHT, 210);
    gt_ui_text(&s->ui, text, box.x + 3, box.y + 1, GT_FONT_SMALL, true, colour, 0, NULL, NULL);
}

/* Writes one line of the legend at *y in the current column, starting a new column (right of the
 * widest line so far) when the figure's height is used up; moves *y below it. */
static void legend_line(Sheet *s, const char *text, int *y, int top, int figure_h) {
    int w = 0, h = 0;
    gt_ui_text_size(&s->ui, text, GT_FONT_SMALL, false, 0, &w, &h);
    if (*y + h > AXIS_PX + figure_h - MARGIN_PX) {
        s->column_x += s->column_w + 3 * MARGIN_PX;
        s->column_w = 0;
        *y = top;
    }
    gt_ui_text(&s->ui, text, s->column_x, *y, GT_FONT_SMALL, false, GT_COL_TEXT, 0, NULL, NULL);
    if (w > s->column_w) s->column_w = w;
    if (s->column_x + w + MARGIN_PX > s->right_px) s->right_px = s->column_x + w + MARGIN_PX;
    *y += h;
}

/* The centimetre grid over the figure: a faint line every 5 cm, a stronger one every 10 cm
 * numbered along the top and the left edge. */
static void draw_grid(Sheet *s, const GtBodyMap *map) {
    for (int cm = 0; cm <= (int)map->width_cm; cm += 5) {
        SDL_FPoint top = gt_bodyview_to_px(&s->view, (GtPoint){ cm, 0 });
        SDL_FPoint bottom = gt_bodyview_to_px(&s->view, (GtPoint){ cm, map->height_cm });
        gt_ui_fill_rect(&s->ui, (SDL_Rect){ (int)top.x, (int)top.y, 1, (int)(bottom.y - top.y) }, GT_COL_TEXT,
                        cm % 10 ? 28 : 70);
        if (cm % 10 == 0) {
            char label[8];
            snprintf(label, sizeof label, "%d", cm);
            SDL_Rect box = { (int)top.x - 24, (int)top.y - AXIS_PX + 8, 48, AXIS_PX - 12 };
            gt_ui_text_centred(&s->ui, label, box, GT_FONT_SMALL, false, GT_COL_MUTED);
        }
    }
    for (int cm = 0; cm <= (int)map->height_cm; cm += 5) {
        SDL_FPoint left = gt_bodyview_to_px(&s->view, (GtPoint){ 0, cm });
        SDL_FPoint right = gt_bodyview_to_px(&s->view, (GtPoint){ map->width_cm, cm });
        gt_ui_fill_rect(&s->ui, (SDL_Rect){ (int)left.x, (int)left.y, (int)(right.x - left.x), 1 }, GT_COL_TEXT,
                        cm % 10 ? 28 : 70);
        if (cm % 10 == 0) {
            char label[8];
            snprintf(label, sizeof label, "%d", cm);
            int w = 0, h = 0;
            gt_ui_text_size(&s->ui, label, GT_FONT_SMALL, false, 0, &w, &h);
            gt_ui_text(&s->ui, label, AXIS_PX - 6 - w, (int)left.y - h / 2, GT_FONT_SMALL, false, GT_COL_MUTED, 0,
                       NULL, NULL);
        }
    }
}

/* Draws the figure, the grid, the tints, the zones and the legend. */
static void draw_sheet(Sheet *s, const GtBodyMap *map, int figure_w, int figure_h) {
    gt_ui_begin_frame(&s->ui);
    gt_ui_fill_rect(&s->ui, (SDL_Rect){ 0, 0, s->surface->w, s->surface->h }, GT_COL_BACKGROUND, 255);
    gt_bodyview_draw(&s->view, &s->ui);
    draw_grid(s, map);
    for (size_t i = 0; i < map->region_count; i++)
        gt_bodyview_fill_region(&s->view, &s->ui, map->regions[i].id, TINTS[i % (sizeof TINTS / sizeof TINTS[0])], 45);
    const char *avoid_all[] = { "avoid" };
    GtTechnique avoiding;
    memset(&avoiding, 0, sizeof avoiding);
    avoiding.name = "anything";
    avoiding.contraindicated = avoid_all;
    avoiding.contraindicated_count = 1;
    gt_bodyview_draw_avoid_zones(&s->view, &s->ui, &avoiding);
    int x = AXIS_PX + figure_w + MARGIN_PX, y = MARGIN_PX, line = 0, top = 0;
    char text[200];
    snprintf(text, sizeof text, "%s view: regions (numbers) and places to avoid (letters)", gt_view_name(map->view));
    int title_w = 0;
    gt_ui_text(&s->ui, text, x, y, GT_FONT_BODY, true, GT_COL_TEXT, 0, &title_w, &line);
    s->right_px = x + title_w + MARGIN_PX;
    y += line + MARGIN_PX;
    top = y;
    s->column_x = x;
    s->column_w = 0;
    for (size_t i = 0; i < map->region_count; i++) {
        const GtRegion *r = &map->regions[i];
        SDL_FPoint p = gt_bodyview_to_px(&s->view, label_point(&r->polygon));
        snprintf(text, sizeof text, "%zu", i + 1);
        tag(s, text, p.x, p.y, GT_COL_TEXT);
        snprintf(text, sizeof text, "%2zu  %s  (%s)", i + 1, r->name, r->id);
        legend_line(s, text, &y, top, figure_h);
    }
    y += MARGIN_PX;
    int letter = 0;
    for (size_t i = 0; i < map->landmark_count; i++) {
        const GtLandmark *m = &map->landmarks[i];
        if (m->kind != GT_LANDMARK_AVOID) continue;
        int tag_w = 0, tag_h = 0;
        gt_ui_text_size(&s->ui, "88", GT_FONT_SMALL, true, 0, &tag_w, &tag_h);
        SDL_FPoint p = letter_point(s, map, m, tag_h + 2);
        snprintf(text, sizeof text, "%c", 'A' + letter % 26);
        tag(s, text, p.x, p.y, GT_COL_AVOID);
        snprintf(text, sizeof text, "%c   %s, %.1f cm  (%s)", 'A' + letter % 26, m->name, m->radius_cm, m->id);
        legend_line(s, text, &y, top, figure_h);
        letter++;
    }
    SDL_RenderFlush(s->renderer);
}

/* Saves the sheet as a PNG, cut at the right edge of what was drawn; false when it cannot. */
static bool save_cut(Sheet *s, const char *path) {
    int w = s->right_px < s->surface->w ? s->right_px : s->surface->w;
    SDL_Surface *cut = SDL_CreateRGBSurfaceWithFormat(0, w, s->surface->h, 32, SDL_PIXELFORMAT_ARGB8888);
    SDL_SetSurfaceBlendMode(s->surface, SDL_BLENDMODE_NONE); /* a copy, not a blend */
    bool ok = cut && SDL_BlitSurface(s->surface, &(SDL_Rect){ 0, 0, w, s->surface->h }, cut, NULL) == 0 &&
              IMG_SavePNG(cut, path) == 0;
    SDL_FreeSurface(cut);
    return ok;
}

/* Opens the canvas, the fonts and the view; false with the reason in `error`. */
static bool open_sheet(Sheet *s, const char *data_dir, const GtBodyMap *map, double px_per_cm, const char *tone,
                       char *error, size_t error_size) {
    int figure_w = (int)(map->width_cm * px_per_cm), figure_h = (int)(map->height_cm * px_per_cm);
    s->surface = SDL_CreateRGBSurfaceWithFormat(0, AXIS_PX + figure_w + LEGEND_MAX_PX, AXIS_PX + figure_h + FOOT_PX, 32,
                                                SDL_PIXELFORMAT_ARGB8888);
    s->renderer = s->surface ? SDL_CreateSoftwareRenderer(s->surface) : NULL;
    if (!s->renderer) {
        snprintf(error, error_size, "no canvas to draw on: %s", SDL_GetError());
        return false;
    }
    SDL_SetRenderDrawBlendMode(s->renderer, SDL_BLENDMODE_BLEND);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/assets", data_dir);
    if (!gt_ui_init(&s->ui, s->renderer, dir, error, error_size)) return false;
    gt_ui_resize(&s->ui, s->surface->w, s->surface->h, 3.0);
    snprintf(dir, sizeof dir, "%s/assets/bodymap", data_dir);
    gt_bodyview_init(&s->view, map, dir);
    s->view_ready = true;
    if (tone && !gt_bodyview_set_skin_tone(&s->view, tone)) {
        snprintf(error, error_size, "the art has no skin tone \"%s\"", tone);
        return false;
    }
    gt_bodyview_focus(&s->view, NULL);
    gt_bodyview_layout(&s->view, s->renderer, (SDL_Rect){ AXIS_PX, AXIS_PX, figure_w, figure_h });
    return true;
}

bool gt_map_sheet_write(const GtBodyMap *map, const char *data_dir, const char *path, double px_per_cm,
                        const char *tone, char *error, size_t error_size) {
    Sheet sheet;
    memset(&sheet, 0, sizeof sheet);
    bool ok = open_sheet(&sheet, data_dir, map, px_per_cm, tone, error, error_size);
    if (ok) {
        draw_sheet(&sheet, map, sheet.view.rect.w, sheet.view.rect.h);
        ok = save_cut(&sheet, path);
        if (!ok) snprintf(error, error_size, "cannot write %s: %s", path, IMG_GetError());
    }
    if (sheet.view_ready) gt_bodyview_free(&sheet.view);
    if (sheet.ui.renderer) gt_ui_free(&sheet.ui);
    if (sheet.renderer) SDL_DestroyRenderer(sheet.renderer);
    if (sheet.surface) SDL_FreeSurface(sheet.surface);
    return ok;
}
