/* The body-map art (SVG, drawn by SDL2_image as the trainer draws it) and the region data
 * agree: the figure is painted wherever a region says there is body, and nothing is painted
 * well away from the silhouette. */
#include "test_support.h"

#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { PIXELS_PER_CM = 5 };

/* Renders the view's SVG at PIXELS_PER_CM into a 32-bit ARGB surface (caller frees). */
static SDL_Surface *render_art(const GtBodyMap *map) {
    char relative[256];
    snprintf(relative, sizeof relative, "assets/bodymap/%s", map->art_path);
    SDL_RWops *file = SDL_RWFromFile(gt_test_path(relative), "rb");
    assert_non_null(file);
    SDL_Surface *drawn = IMG_LoadSizedSVG_RW(file, (int)(map->width_cm * PIXELS_PER_CM),
                                             (int)(map->height_cm * PIXELS_PER_CM));
    SDL_RWclose(file);
    if (!drawn) fail_msg("SDL2_image could not draw %s: %s", relative, IMG_GetError());
    SDL_Surface *argb = SDL_ConvertSurfaceFormat(drawn, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(drawn);
    assert_non_null(argb);
    return argb;
}

static Uint8 alpha_at(SDL_Surface *s, GtPoint p) {
    int x = (int)(p.x * PIXELS_PER_CM), y = (int)(p.y * PIXELS_PER_CM);
    if (x < 0 || y < 0 || x >= s->w || y >= s->h) return 0;
    Uint32 pixel = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
    return (Uint8)(pixel >> 24);
}

static void test_svg_frame_matches_data(void **state) {
    (void)state;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(&gt_test_library, (GtView)v);
        char relative[256], expected[96];
        snprintf(relative, sizeof relative, "assets/bodymap/%s", map->art_path);
        GtDiag diag;
        gt_diag_init(&diag);
        char *text = NULL;
        size_t length = 0;
        assert_true(gt_read_file(gt_test_path(relative), &text, &length, &diag));
        snprintf(expected, sizeof expected, "viewBox=\"0 0 %g %g\"", map->width_cm, map->height_cm);
        if (!strstr(text, expected)) fail_msg("%s does not declare %s", relative, expected);
        free(text);
        gt_diag_free(&diag);
    }
}

static void test_art_covers_regions_and_only_the_body(void **state) {
    (void)state;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(&gt_test_library, (GtView)v);
        SDL_Surface *art = render_art(map);
        long region_samples = 0, region_painted = 0;
        for (size_t i = 0; i < map->region_count; i++) {
            const GtRegion *r = &map->regions[i];
            GtPoint lo, hi;
            gt_points_bounds(&r->polygon, &lo, &hi);
            long samples = 0, painted = 0;
            for (double y = lo.y; y <= hi.y; y += 0.5)
                for (double x = lo.x; x <= hi.x; x += 0.5) {
                    GtPoint p = { x, y };
                    if (!gt_polygon_contains(&r->polygon, p) || gt_polygon_edge_distance(&r->polygon, p) < 0.5) continue;
                    samples++;
                    painted += alpha_at(art, p) > 200;
                }
            if (samples && painted * 100 < samples * 95)
                fail_msg("%s region %s: only %ld of %ld points are painted in the art", gt_view_name(map->view),
                         r->id, painted, samples);
            region_samples += samples;
            region_painted += painted;
        }
        long outside = 0, stray = 0;
        for (double y = 0.25; y < map->height_cm; y += 1.0)
            for (double x = 0.25; x < map->width_cm; x += 1.0) {
                GtPoint p = { x, y };
                bool near = gt_bodymap_on_body(map, p);
                for (size_t s = 0; !near && s < map->silhouette_count; s++)
                    near = gt_polygon_edge_distance(&map->silhouette[s], p) < 1.0;
                if (near) continue;
                outside++;
                stray += alpha_at(art, p) > 30;
            }
        fprintf(stderr, "%s: %ld/%ld region points painted, %ld/%ld off-body points painted\n",
                gt_view_name(map->view), region_painted, region_samples, stray, outside);
        assert_true(region_samples > 1000);
        assert_true(stray * 100 <= outside);
        SDL_FreeSurface(art);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg_frame_matches_data),
        cmocka_unit_test(test_art_covers_regions_and_only_the_body),
    };
    int failed = cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
    IMG_Quit();
    SDL_Quit();
    return failed;
}
