/* bodymap_sheet: draws one whole view of the body map as the trainer draws it (the SVG art
 * through the body view), every region tinted and numbered, every place to avoid marked and
 * lettered, with a legend beside the figure, and saves it as a PNG. For docs/images and for
 * looking at the figure after changing scripts/make_bodymap.py.
 *
 *     bodymap_sheet DATA_DIR posterior|anterior OUT.png [--px-per-cm N] [--skin-tone NAME]
 *
 * Runs headless (SDL's software renderer into a surface). Exit status 0 when the PNG was
 * written, 1 with a message on stderr otherwise. */
#include "bodyview.h"
#include "library.h"
#include "ui.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LEGEND_MAX_PX = 3200, MARGIN_PX = 16 };

typedef struct Sheet {
    SDL_Surface *surface;
    int right_px;              /* the right edge of what was drawn: the PNG is cut there */
    int column_x, column_w;    /* the legend column being filled, and its widest line so far */
    SDL_Renderer *renderer;
    GtUi ui;
    GtBodyView view;
} Sheet;

/* The tints regions cycle through, so neighbours differ. */
static const GtColour TINTS[] = { GT_COL_ACCENT, GT_COL_GOOD, GT_COL_WARN, GT_COL_GUIDE };

/* Mean of a polygon's vertices: where its number goes. */
static GtPoint label_point(const GtPointList *polygon) {
    GtPoint c = { 0, 0 };
    for (size_t i = 0; i < polygon->count; i++) { c.x += polygon->points[i].x; c.y += polygon->points[i].y; }
    c.x /= (double)polygon->count;
    c.y /= (double)polygon->count;
    return c;
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
    if (*y + h > figure_h - MARGIN_PX) {
        s->column_x += s->column_w + 3 * MARGIN_PX;
        s->column_w = 0;
        *y = top;
    }
    gt_ui_text(&s->ui, text, s->column_x, *y, GT_FONT_SMALL, false, GT_COL_TEXT, 0, NULL, NULL);
    if (w > s->column_w) s->column_w = w;
    if (s->column_x + w + MARGIN_PX > s->right_px) s->right_px = s->column_x + w + MARGIN_PX;
    *y += h;
}

/* Draws the figure, the tints, the zones and the legend. */
static void draw_sheet(Sheet *s, const GtBodyMap *map, int figure_w, int figure_h) {
    gt_ui_begin_frame(&s->ui);
    gt_bodyview_draw(&s->view, &s->ui);
    for (size_t i = 0; i < map->region_count; i++)
        gt_bodyview_fill_region(&s->view, &s->ui, map->regions[i].id, TINTS[i % (sizeof TINTS / sizeof TINTS[0])], 45);
    const char *avoid_all[] = { "avoid" };
    GtTechnique avoiding;
    memset(&avoiding, 0, sizeof avoiding);
    avoiding.name = "anything";
    avoiding.contraindicated = avoid_all;
    avoiding.contraindicated_count = 1;
    gt_bodyview_draw_avoid_zones(&s->view, &s->ui, &avoiding);
    int x = figure_w + MARGIN_PX, y = MARGIN_PX, line = 0, top = 0;
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
        GtPoint at = m->points.points[m->points.count / 2];
        SDL_FPoint p = gt_bodyview_to_px(&s->view, at);
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

/* Opens the canvas, the fonts and the view; false with a message when one cannot be had. */
static bool open_sheet(Sheet *s, const char *data_dir, const GtBodyMap *map, double px_per_cm, const char *tone) {
    int figure_w = (int)(map->width_cm * px_per_cm), figure_h = (int)(map->height_cm * px_per_cm);
    s->surface = SDL_CreateRGBSurfaceWithFormat(0, figure_w + LEGEND_MAX_PX, figure_h, 32, SDL_PIXELFORMAT_ARGB8888);
    s->renderer = s->surface ? SDL_CreateSoftwareRenderer(s->surface) : NULL;
    if (!s->renderer) { fprintf(stderr, "bodymap_sheet: no canvas: %s\n", SDL_GetError()); return false; }
    SDL_SetRenderDrawBlendMode(s->renderer, SDL_BLENDMODE_BLEND);
    char dir[1024], error[256];
    snprintf(dir, sizeof dir, "%s/assets", data_dir);
    if (!gt_ui_init(&s->ui, s->renderer, dir, error, sizeof error)) {
        fprintf(stderr, "bodymap_sheet: %s\n", error);
        return false;
    }
    gt_ui_resize(&s->ui, figure_w + LEGEND_MAX_PX, figure_h, 3.0);
    snprintf(dir, sizeof dir, "%s/assets/bodymap", data_dir);
    gt_bodyview_init(&s->view, map, dir);
    if (tone && !gt_bodyview_set_skin_tone(&s->view, tone)) {
        fprintf(stderr, "bodymap_sheet: the art has no skin tone \"%s\"\n", tone);
        return false;
    }
    gt_bodyview_focus(&s->view, NULL);
    gt_bodyview_layout(&s->view, s->renderer, (SDL_Rect){ 0, 0, figure_w, figure_h });
    return true;
}

int main(int argc, char **argv) {
    if (argc < 4) {
        fprintf(stderr, "usage: bodymap_sheet DATA_DIR posterior|anterior OUT.png [--px-per-cm N] [--skin-tone NAME]\n");
        return 1;
    }
    double px_per_cm = 10.0;
    const char *tone = NULL;
    for (int i = 4; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--px-per-cm") == 0) px_per_cm = atof(argv[i + 1]);
        else if (strcmp(argv[i], "--skin-tone") == 0) tone = argv[i + 1];
    }
    GtView which = strcmp(argv[2], "anterior") == 0 ? GT_VIEW_ANTERIOR : GT_VIEW_POSTERIOR;
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    if (SDL_Init(0) != 0 || TTF_Init() != 0) { fprintf(stderr, "bodymap_sheet: %s\n", SDL_GetError()); return 1; }
    GtLibrary library;
    GtDiag diag;
    gt_diag_init(&diag);
    bool loaded = gt_library_load(&library, argv[1], &diag);
    const GtBodyMap *map = loaded ? gt_library_view(&library, which) : NULL;
    Sheet sheet;
    memset(&sheet, 0, sizeof sheet);
    bool ok = map && open_sheet(&sheet, argv[1], map, px_per_cm, tone);
    if (!map) fprintf(stderr, "bodymap_sheet: cannot load the data in %s\n", argv[1]);
    if (ok) {
        draw_sheet(&sheet, map, sheet.view.rect.w, sheet.view.rect.h);
        ok = save_cut(&sheet, argv[3]);
        if (!ok) fprintf(stderr, "bodymap_sheet: cannot write %s: %s\n", argv[3], IMG_GetError());
    }
    gt_bodyview_free(&sheet.view);
    if (sheet.ui.renderer) gt_ui_free(&sheet.ui);
    if (sheet.renderer) SDL_DestroyRenderer(sheet.renderer);
    if (sheet.surface) SDL_FreeSurface(sheet.surface);
    gt_library_free(&library);
    gt_diag_free(&diag);
    TTF_Quit();
    SDL_Quit();
    return ok ? 0 : 1;
}
