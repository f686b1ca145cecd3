/* bodyview_layer: the view's static layer (see gt_bodyview_layer_begin in bodyview.h): what a
 * step's screen shows of the figure that stays still, drawn once into a texture and copied each
 * frame. The view owns the texture; it goes with the art (gt_bodyview_release_art). */
#include "bodyview.h"
#include "frame_damage.h"

#include <stdio.h>
#include <string.h>

void gt_bodyview_release_layer(GtBodyView *view) {
    gt_draw_drop_texture(view->layer);
    view->layer = NULL;
    view->layer_key[0] = '\0';
    view->layer_text_count = 0;
}

/* The whole key: the caller's, with what the view and the look add (its size, the part of the
 * body shown, the generation of its map and art, the palette and text size). */
static void full_key(const GtBodyView *view, const GtUi *ui, const char *key, char *out, size_t size) {
    snprintf(out, size, "%s|%dx%d|%.4f,%.4f,%.4f,%.4f|%u|%d%d%d", key, view->rect.w, view->rect.h,
             view->window_cm[0], view->window_cm[1], view->window_cm[2], view->window_cm[3], view->generation,
             ui->high_contrast, ui->large_text, ui->font_px[GT_FONT_SMALL]);
}

/* Copies the finished layer to the view's place on the screen (no blending: it is opaque). */
static void copy_layer(GtBodyView *view, GtUi *ui) {
    gt_draw_copy(ui, view->layer, view->layer_content, NULL, &view->rect);
}

/* The pixel format the layer is kept in: the window's, so copying it is a plain copy, not a
 * conversion per pixel (an opaque layer needs no alpha); ARGB8888 when that is unknown. */
static Uint32 layer_format(SDL_Renderer *renderer) {
    SDL_Window *window = SDL_RenderGetWindow(renderer);
    Uint32 format = window ? SDL_GetWindowPixelFormat(window) : SDL_PIXELFORMAT_UNKNOWN;
    bool usable = format != SDL_PIXELFORMAT_UNKNOWN && !SDL_ISPIXELFORMAT_INDEXED(format) &&
                  SDL_BITSPERPIXEL(format) == 32;
    return usable ? format : SDL_PIXELFORMAT_ARGB8888;
}

/* A texture of the view's size to draw into, kept when it already has that size; NULL when the
 * renderer cannot draw into textures or memory ran out. */
static SDL_Texture *layer_texture(GtBodyView *view, GtUi *ui) {
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(ui->renderer, &info) != 0 || !(info.flags & SDL_RENDERER_TARGETTEXTURE)) return NULL;
    int w = 0, h = 0;
    if (view->layer && SDL_QueryTexture(view->layer, NULL, NULL, &w, &h) == 0 && w == view->rect.w && h == view->rect.h)
        return view->layer;
    gt_bodyview_release_layer(view);
    view->layer = SDL_CreateTexture(ui->renderer, layer_format(ui->renderer), SDL_TEXTUREACCESS_TARGET, view->rect.w,
                                    view->rect.h);
    if (view->layer) SDL_SetTextureBlendMode(view->layer, SDL_BLENDMODE_NONE);
    return view->layer;
}

bool gt_bodyview_layer_begin(GtBodyView *view, GtUi *ui, const char *key) {
    char whole[sizeof view->layer_key];
    full_key(view, ui, key, whole, sizeof whole);
    view->layer_drawing = true;
    view->layer_first_text = ui->drawn_count;
    if (view->layer && strcmp(view->layer_key, whole) == 0) {
        copy_layer(view, ui);
        for (int i = 0; i < view->layer_text_count; i++) gt_ui_note_drawn(ui, &view->layer_texts[i]);
        view->layer_drawing = false;
        return true;
    }
    view->layer_key[0] = '\0';
    /* the art first: making it may release the other view's art and layer, never this one's */
    gt_bodyview_prepare_art(view, ui->renderer);
    view->layer_to_texture = view->rect.w > 0 && view->rect.h > 0 && layer_texture(view, ui) &&
                             SDL_SetRenderTarget(ui->renderer, view->layer) == 0;
    if (!view->layer_to_texture) return false;
    snprintf(view->layer_key, sizeof view->layer_key, "%s", whole);
    view->layer_content = gt_draw_new_content();
    /* draw at the texture's origin: the same transform, moved by the view's place on the screen */
    view->layer_saved_rect = view->rect;
    view->layer_saved_transform = view->transform;
    view->transform.origin_x_px -= view->rect.x;
    view->transform.origin_y_px -= view->rect.y;
    view->rect.x = view->rect.y = 0;
    SDL_SetRenderDrawBlendMode(ui->renderer, SDL_BLENDMODE_BLEND);
    gt_ui_set_colour(ui, GT_COL_BACKGROUND, 255);
    SDL_RenderClear(ui->renderer);
    return false;
}

void gt_bodyview_layer_end(GtBodyView *view, GtUi *ui) {
    if (!view->layer_drawing) return;
    view->layer_drawing = false;
    if (!view->layer_to_texture) return;
    SDL_SetRenderTarget(ui->renderer, NULL);
    SDL_Rect place = view->layer_saved_rect;
    view->rect = place;
    view->transform = view->layer_saved_transform;
    /* the texts drawn into the layer: noted in output pixels, and kept for the frames that reuse it */
    view->layer_text_count = 0;
    for (int i = view->layer_first_text; i < ui->drawn_count; i++) {
        ui->drawn[i].rect.x += place.x;
        ui->drawn[i].rect.y += place.y;
        if (view->layer_text_count < GT_LAYER_TEXTS) view->layer_texts[view->layer_text_count++] = ui->drawn[i];
    }
    copy_layer(view, ui);
    /* the art is in the layer now: its texture is not kept as well (memory), it is made again
     * when the layer must be drawn anew */
    gt_bodyview_drop_art_texture(view);
}
