/* bodyview: the body map on screen. The SVG art is rasterised by SDL2_image at exactly the
 * output pixel size it is shown at, for the part of the body shown (a zoomed view rasterises
 * only its window), so it is crisp at any resolution and zoom and is never an upscaled bitmap.
 * Everything else (regions, guides, landmarks, trails) is drawn from the engine's centimetre
 * data through one transform that the art shares to the pixel.
 *
 * The art is rasterised lazily, when a view is drawn, and cached keyed by (pixel size, shown
 * window); a resize or zoom change re-rasterises once. Views that are laid out but never drawn
 * (the home screen) hold no art, and at most one view's art is resident at a time: drawing one
 * view's art releases the other's (kiosks are short of memory). On a step's screens the art
 * lives in the view's static layer (see gt_bodyview_layer_begin) and its own texture is freed.
 *
 * Ownership: a GtBodyView owns its art texture, its SVG text and region triangulations; the
 * body map it shows is borrowed from the library. */
#ifndef GT_BODYVIEW_H
#define GT_BODYVIEW_H

#include <SDL.h>
#include "gt_lesson.h"
#include "input.h"
#include "ui.h"

enum { GT_LAYER_TEXTS = 8 };

typedef struct GtBodyView {
    const GtBodyMap *map;       /* borrowed */
    char art_path[768];
    char *svg;                  /* the art's SVG text (owned), NULL when it could not be read */
    SDL_Texture *art;           /* the rasterised art for art_size_px / art_window_cm, or NULL */
    Uint64 art_content;         /* what the art shows, for frame_damage.h (new each rasterising) */
    int art_size_px[2];         /* the texture's width and height in pixels */
    double art_window_cm[4];    /* the part of the body the texture shows: x, y, w, h in cm */
    int max_texture_px;         /* the renderer's largest texture side, 0 when unknown */
    SDL_Rect rect;              /* where the shown part of the figure is drawn, output pixels */
    double focus[4];            /* the part asked for: x, y, w, h in cm (the whole view by default) */
    bool zoomed;                /* focus is a step's part, not the whole view */
    double part_cm[4];          /* a zoomed step's region and guide with a 5 cm margin: always in view */
    double window_cm[4];        /* the part actually shown in rect: x, y, w, h in cm */
    GtViewTransform transform;
    SDL_FPoint **triangles;     /* per region: 3 vertices per triangle, in cm; NULL until needed */
    int *triangle_counts;       /* vertices per region */
    char error[256];            /* why the art could not be drawn, or "" */
    /* the static layer (gt_bodyview_layer_begin): the figure with what a step adds that does not
     * change while a student traces, drawn once for layer_key into a texture of rect's size */
    SDL_Texture *layer;         /* owned, or NULL */
    Uint64 layer_content;       /* what the layer shows, for frame_damage.h (new each drawing) */
    char layer_key[256];        /* what the layer shows; "" when it shows nothing yet */
    unsigned generation;        /* bumped when the map, the art or the skin tone changes */
    GtDrawnText layer_texts[GT_LAYER_TEXTS]; /* the texts drawn into the layer, in output pixels */
    int layer_text_count;
    bool layer_drawing;         /* between a missed gt_bodyview_layer_begin and its _end */
    bool layer_to_texture;      /* ... drawing into the layer's texture (else straight to the screen) */
    int layer_first_text;       /* ui->drawn_count when the layer began drawing */
    SDL_Rect layer_saved_rect;  /* the view's rect and transform while drawing into the texture */
    GtViewTransform layer_saved_transform;
} GtBodyView;

/* Prepares a view of `map`, whose art lives in `bodymap_dir`. Never fails: a missing art file
 * leaves the figure undrawn and the reason in view->error. */
void gt_bodyview_init(GtBodyView *view, const GtBodyMap *map, const char *bodymap_dir);
/* Paints the figure in the skin tone `tone` ("light", "medium", "dark"... the art's gradients
 * named "skin-<tone>", with its outline, muscle outlines and details in "edge-<tone>",
 * "muscle-<tone>" and "line-<tone>") from the next draw on. False, with the figure unchanged, when the art
 * has no such tone or memory ran out. */
bool gt_bodyview_set_skin_tone(GtBodyView *view, const char *tone);
/* The colour of the skin tone `tone` as the art paints most of the figure (the first stop of its
 * "skin-<tone>" gradient), for a swatch. False, with *colour unchanged, when the art has no such
 * tone. */
bool gt_bodyview_skin_colour(const GtBodyView *view, const char *tone, SDL_Color *colour);
/* Shows `map` (the same body map, newly loaded after a live reload) from now on; the region
 * triangulations are worked out again when next needed. The art is kept. */
void gt_bodyview_rebind(GtBodyView *view, const GtBodyMap *map);
/* Releases the art, the SVG text and the triangulations, and zeroes the view. */
void gt_bodyview_free(GtBodyView *view);

/* Places the figure in `area` (output pixels) and sets the transform; cheap, call every frame.
 * The whole body is fitted inside `area`, keeping its proportions. A focused view fills all of
 * `area`: the step's part sits in the middle, and the window slides toward the body (keeping the
 * step's region and guide, with a 5 cm margin, in view) where centring would show empty space
 * beyond the body's outline.
 * The art is not rasterised here but by gt_bodyview_draw, so views laid out but not drawn cost
 * no memory. `renderer` (may be NULL) gives the largest texture size the art may use. */
void gt_bodyview_layout(GtBodyView *view, SDL_Renderer *renderer, SDL_Rect area);

/* Shows only the part of the body around a step: its region and guide with a margin, at
 * least 36 cm on a side, so strokes are traced at a comfortable size. NULL shows the whole body. */
void gt_bodyview_focus(GtBodyView *view, const GtStep *step);

/* Releases the view's rasterised art and its static layer (both are made again when the view is
 * next drawn). */
void gt_bodyview_release_art(GtBodyView *view);

/* The static layer: on a step's screens the figure, the step's region, the places to avoid and a
 * still guide do not change while a student traces, yet drawing them costs most of a frame on a
 * software renderer. They are drawn once into a texture of the view's rectangle (opaque, on the
 * page's background colour) and copied to the screen each frame; the trail and live marks go on
 * top.
 *
 * gt_bodyview_layer_begin returns true when the layer already shows `key` (whatever the caller
 * puts in it: the step, region, colours...; the view adds its size, window, art and map): it has
 * been copied to the screen, with its texts noted as drawn, and the caller draws none of it.
 * Otherwise it returns false and the caller draws the layer's content now, through the view as
 * usual, then calls gt_bodyview_layer_end, which puts it on the screen. When the renderer cannot
 * draw into a texture the content goes straight to the screen, every frame, as before. */
bool gt_bodyview_layer_begin(GtBodyView *view, GtUi *ui, const char *key);
void gt_bodyview_layer_end(GtBodyView *view, GtUi *ui);
/* Frees the art's texture alone, keeping the layer drawn from it (the art is rasterised again
 * when next needed). */
void gt_bodyview_drop_art_texture(GtBodyView *view);
/* Forgets the static layer (it is drawn again on next use), e.g. after the renderer lost its
 * target textures. */
void gt_bodyview_release_layer(GtBodyView *view);

/* Where a body-map point (cm) lands on screen, in output pixels, for the current layout. */
SDL_FPoint gt_bodyview_to_px(const GtBodyView *view, GtPoint cm);

/* Keeps later drawing inside the shown part of the figure (on), or lifts that limit (off). */
void gt_bodyview_clip(GtBodyView *view, GtUi *ui, bool on);

/* Draws the figure: rasterises the art for the view's current pixel size and window first when
 * the cached texture does not match (the texture then has exactly the drawn rectangle's pixel
 * size, capped to the renderer's largest texture). On failure the reason is written in the
 * view's rectangle and kept in view->error. */
void gt_bodyview_draw(GtBodyView *view, GtUi *ui);
/* Makes the view's art match its current pixel size and window, rasterising once per change (a
 * failure is not retried until the size or window changes; the reason is in view->error). Releases
 * the other view's art: at most one is resident. gt_bodyview_draw calls it. */
void gt_bodyview_prepare_art(GtBodyView *view, SDL_Renderer *renderer);

/* Fills a region (by id) with a translucent colour; unknown ids are ignored. */
void gt_bodyview_fill_region(GtBodyView *view, GtUi *ui, const char *region_id, GtColour colour, Uint8 alpha);

/* Marks the landmarks the technique must avoid (ringed and crossed, so colour is not the only cue). */
void gt_bodyview_draw_avoid_zones(GtBodyView *view, GtUi *ui, const GtTechnique *technique);

/* Marks a place to keep off while a hand is on it: the zone hatched and outlined in vermillion,
 * and `label` (its name and what to do) in a box beside it (beside the zone's centre, or beside
 * `hand` for a line such as the spine), kept inside the view. NULL zone: nothing drawn. */
void gt_bodyview_mark_zone(GtBodyView *view, GtUi *ui, const GtLandmark *zone, GtPoint hand, const char *label);

/* Draws a step's guide: the path or point, its direction (chevrons and an arrowhead, turning
 * arrows for circles, across-fibre ticks), and the landmark a stroke heads toward.
 * `phase` (0..1) animates the chevrons. */
void gt_bodyview_draw_guide(GtBodyView *view, GtUi *ui, const GtStep *step, double phase);

/* Draws the contacts of a replay up to `until_ms` as trails coloured and sized by pressure
 * band (light: thin sky blue, in band: green, too heavy: thick vermillion). */
void gt_bodyview_draw_trail(GtBodyView *view, GtUi *ui, const GtReplay *replay, const GtTechnique *technique,
                            double until_ms, Uint8 alpha);

/* The newest sample of each contact that is down at `at_ms`, drawn as a hand marker with a
 * pressure ring. Returns how many were drawn. */
int gt_bodyview_draw_contacts(GtBodyView *view, GtUi *ui, const GtReplay *replay, const GtTechnique *technique,
                              double at_ms);

#endif
