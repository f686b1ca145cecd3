/* Frames drawn by their damage (game/app/draw/frame_damage.h), checked on SDL's software
 * renderer in a dummy window: for each kind of change a screen can have - a shape moved by one
 * pixel inside the same square, a colour, a text, a texture drawn anew under the same pointer,
 * a tint's alpha, a clip one pixel wider - the frame that redraws only what changed leaves the
 * screen exactly as a whole frame would, and it did redraw less than the whole screen. A texture
 * dropped while its frame is recorded is destroyed only after the frame is drawn (ASan would
 * see it used after it was freed). */
#include "test_support.h"
#include "frame_damage.h"
#include "ui.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { W = 320, H = 200 };

typedef struct Fixture {
    SDL_Window *window;
    SDL_Renderer *renderer;
    GtUi ui;
    SDL_Texture *picture;    /* a target texture drawn anew by the "texture" scene */
    Uint64 picture_content;
} Fixture;

typedef enum Change { MOVE_SHAPE, COLOUR, TEXT, TEXTURE, TINT, CLIP, CHANGE_COUNT } Change;

static int setup(void **state) {
    Fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    assert_int_equal(SDL_Init(SDL_INIT_VIDEO), 0);
    f->window = SDL_CreateWindow("damage", 0, 0, W, H, 0);
    assert_non_null(f->window);
    f->renderer = SDL_CreateRenderer(f->window, -1, SDL_RENDERER_SOFTWARE);
    assert_non_null(f->renderer);
    char error[256];
    assert_true(gt_ui_init(&f->ui, f->renderer, GT_SOURCE_DIR "/assets", error, sizeof error));
    gt_ui_resize(&f->ui, W, H, 4.0);
    gt_ui_record_frames(&f->ui, true);
    f->picture = SDL_CreateTexture(f->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 40, 40);
    assert_non_null(f->picture);
    *state = f;
    return 0;
}

static int teardown(void **state) {
    Fixture *f = *state;
    SDL_DestroyTexture(f->picture);
    gt_ui_free(&f->ui);
    SDL_DestroyRenderer(f->renderer);
    SDL_DestroyWindow(f->window);
    SDL_Quit();
    free(f);
    return 0;
}

/* Paints the picture texture in one of two colours; it gets a new content id each time. */
static void paint_picture(Fixture *f, int variant) {
    SDL_SetRenderTarget(f->renderer, f->picture);
    SDL_SetRenderDrawColor(f->renderer, variant ? 200 : 20, 80, 120, 255);
    SDL_RenderClear(f->renderer);
    SDL_SetRenderTarget(f->renderer, NULL);
    f->picture_content = gt_draw_new_content();
}

/* Draws a scene with a still part (a panel, a text, a disc) and one part that differs between
 * variants 0 and 1 by `change`. */
static void draw_scene(Fixture *f, Change change, int variant) {
    GtUi *ui = &f->ui;
    gt_ui_begin_frame(ui);
    gt_ui_fill_rect(ui, (SDL_Rect){ 10, 10, 300, 60 }, GT_COL_PANEL, 255);
    gt_ui_text(ui, "Still words", 20, 20, GT_FONT_BODY, false, GT_COL_TEXT, 0, NULL, NULL);
    gt_ui_fill_circle(ui, 280, 160, 20, GT_COL_GOOD, 255);
    switch (change) {
    case MOVE_SHAPE: /* one pixel to the right, inside the same squares */
        gt_ui_triangle(ui, 100.5 + variant, 100.5, 110.5 + variant, 120.5, 90.5 + variant, 120.5,
                       gt_ui_colour(ui, GT_COL_BAD));
        break;
    case COLOUR:
        gt_ui_fill_rect(ui, (SDL_Rect){ 100, 100, 20, 20 }, variant ? GT_COL_WARN : GT_COL_LIGHT, 255);
        break;
    case TEXT:
        gt_ui_text(ui, variant ? "Speed: 4.8" : "Speed: 4.7", 100, 100, GT_FONT_SMALL, true, GT_COL_TEXT, 0, NULL, NULL);
        break;
    case TEXTURE:
        gt_draw_copy(ui, f->picture, f->picture_content, NULL, &(SDL_Rect){ 100, 100, 40, 40 });
        break;
    case TINT:
        gt_ui_ring(ui, 120, 120, 12, 4, GT_COL_ACCENT, variant ? 140 : 255);
        break;
    case CLIP: {
        SDL_Rect clip = { 100, 100, 21 + variant, 20 };
        gt_ui_clip(ui, &clip);
        gt_ui_fill_rect(ui, (SDL_Rect){ 90, 90, 60, 60 }, GT_COL_BAD, 255);
        gt_ui_clip(ui, NULL);
        break;
    }
    case CHANGE_COUNT: break;
    }
    gt_ui_end_frame(ui);
}

/* The window's pixels (ARGB8888); the caller frees. */
static SDL_Surface *screen(Fixture *f) {
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(s);
    assert_int_equal(SDL_RenderReadPixels(f->renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch), 0);
    return s;
}

static long differing(const SDL_Surface *a, const SDL_Surface *b) {
    long n = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            n += ((const Uint32 *)((const Uint8 *)a->pixels + y * a->pitch))[x] !=
                 ((const Uint32 *)((const Uint8 *)b->pixels + y * b->pitch))[x];
    return n;
}

static void test_every_kind_of_change_redraws_a_part_and_leaves_the_whole(void **state) {
    Fixture *f = *state;
    static const char *names[CHANGE_COUNT] = { "shape moved", "colour", "text", "texture", "tint", "clip" };
    for (int c = 0; c < CHANGE_COUNT; c++) {
        paint_picture(f, 0);
        gt_ui_forget_screen(&f->ui);
        draw_scene(f, (Change)c, 0);
        SDL_Surface *first = screen(f);
        if (c == TEXTURE) paint_picture(f, 1);
        draw_scene(f, (Change)c, 1); /* drawn by its damage */
        int rects = 0;
        long redrawn = gt_ui_redrawn_px(&f->ui, &rects);
        SDL_Surface *damaged = screen(f);
        gt_ui_forget_screen(&f->ui);
        draw_scene(f, (Change)c, 1); /* drawn whole */
        SDL_Surface *whole = screen(f);
        if (differing(first, whole) == 0) fail_msg("%s: the change shows nothing", names[c]);
        if (redrawn <= 0 || redrawn >= W * H / 4)
            fail_msg("%s: %ld pixels redrawn, not a small part of %d", names[c], redrawn, W * H);
        long wrong = differing(damaged, whole);
        if (wrong) fail_msg("%s: %ld pixels differ from the whole frame", names[c], wrong);
        /* the same scene again changes nothing at all */
        draw_scene(f, (Change)c, 1);
        assert_int_equal(gt_ui_redrawn_px(&f->ui, &rects), 0);
        assert_int_equal(rects, 0);
        SDL_FreeSurface(first);
        SDL_FreeSurface(damaged);
        SDL_FreeSurface(whole);
    }
}

static void test_a_texture_dropped_mid_frame_lives_until_the_frame_is_drawn(void **state) {
    Fixture *f = *state;
    SDL_Texture *doomed = SDL_CreateTexture(f->renderer, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, 30, 30);
    assert_non_null(doomed);
    SDL_SetRenderTarget(f->renderer, doomed);
    SDL_SetRenderDrawColor(f->renderer, 10, 200, 10, 255);
    SDL_RenderClear(f->renderer);
    SDL_SetRenderTarget(f->renderer, NULL);
    gt_ui_forget_screen(&f->ui);
    gt_ui_begin_frame(&f->ui);
    gt_draw_copy(&f->ui, doomed, gt_draw_new_content(), NULL, &(SDL_Rect){ 50, 50, 30, 30 });
    gt_draw_drop_texture(doomed); /* as the text cache does when a text is forgotten */
    gt_ui_end_frame(&f->ui);      /* copies it, then destroys it */
    SDL_Surface *s = screen(f);
    Uint32 pixel = ((const Uint32 *)((const Uint8 *)s->pixels + 60 * s->pitch))[60];
    assert_int_equal(pixel, 0xFF0AC80Au);
    SDL_FreeSurface(s);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_kind_of_change_redraws_a_part_and_leaves_the_whole, setup, teardown),
        cmocka_unit_test_setup_teardown(test_a_texture_dropped_mid_frame_lives_until_the_frame_is_drawn, setup,
                                        teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
