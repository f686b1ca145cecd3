/* The body-map art (SVG, drawn by SDL2_image as the trainer draws it) and the region data
 * agree: the figure is painted wherever a region says there is body, and nothing is painted
 * well away from the silhouette. On screen (the trainer's body view, drawn by SDL's software
 * renderer into a surface, no window), a zoomed step is drawn crisp (the art is rasterised at
 * the pixel size it is shown, never scaled up), lines up with the data, has the step's part in
 * the middle, and its guide has no darker blob where segments meet. */
#include "test_support.h"
#include "bodyview.h"
#include "gt_motion.h"

#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
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

/* The art draws every region's outline from the very numbers in the data: one outline path per
 * region in the art's muscle-line group, each starting at its region's first point. A region
 * added to the data but not to the art (or moved in one only) fails here. */
static void test_art_outlines_every_region(void **state) {
    (void)state;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(&gt_test_library, (GtView)v);
        char relative[256];
        snprintf(relative, sizeof relative, "assets/bodymap/%s", map->art_path);
        GtDiag diag;
        gt_diag_init(&diag);
        char *text = NULL;
        size_t length = 0;
        assert_true(gt_read_file(gt_test_path(relative), &text, &length, &diag));
        const char *group = strstr(text, "stroke=\"url(#muscle)\"");
        assert_non_null(group);
        const char *end = strstr(group, "</g>");
        assert_non_null(end);
        size_t paths = 0;
        for (const char *p = strstr(group, "<path"); p && p < end; p = strstr(p + 1, "<path")) paths++;
        assert_int_equal(paths, map->region_count);
        for (size_t i = 0; i < map->region_count; i++) {
            char start[64];
            GtPoint first = map->regions[i].polygon.points[0];
            snprintf(start, sizeof start, "d=\"M%g %g ", first.x, first.y);
            const char *found = strstr(group, start);
            if (!found || found > end) fail_msg("%s: the art has no outline starting at %s's first point (%s)",
                                                relative, map->regions[i].id, start);
        }
        free(text);
        gt_diag_free(&diag);
    }
}

/* Every landmark and place to avoid lies where the art paints the body: a zone the trainer
 * marks is never drawn over empty background. */
static void test_art_paints_every_landmark(void **state) {
    (void)state;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(&gt_test_library, (GtView)v);
        SDL_Surface *art = render_art(map);
        for (size_t i = 0; i < map->landmark_count; i++) {
            const GtLandmark *m = &map->landmarks[i];
            double length = gt_polyline_length(&m->points);
            for (double s = 0; s <= length; s += 0.5) {
                GtPoint p = m->points.count == 1 ? m->points.points[0] : gt_polyline_point_at(&m->points, s, NULL);
                if (alpha_at(art, p) <= 200)
                    fail_msg("%s landmark %s: the art paints no body at [%.1f, %.1f]", gt_view_name(map->view), m->id, p.x, p.y);
            }
        }
        SDL_FreeSurface(art);
    }
}

/* ---- the body view on screen ---- */

typedef struct Canvas {
    SDL_Surface *surface;       /* what the renderer draws into */
    SDL_Renderer *renderer;
    GtUi ui;                    /* only its renderer is set: nothing here draws text */
} Canvas;

static void canvas_open(Canvas *c, int w, int h) {
    memset(c, 0, sizeof *c);
    c->surface = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ARGB8888);
    assert_non_null(c->surface);
    c->renderer = SDL_CreateSoftwareRenderer(c->surface);
    assert_non_null(c->renderer);
    SDL_SetRenderDrawBlendMode(c->renderer, SDL_BLENDMODE_BLEND);
    c->ui.renderer = c->renderer;
    c->ui.width = w;
    c->ui.height = h;
}

static void canvas_clear(Canvas *c, Uint8 r, Uint8 g, Uint8 b) {
    SDL_SetRenderDrawColor(c->renderer, r, g, b, 255);
    SDL_RenderClear(c->renderer);
}

/* The canvas's pixel at (x, y) as 0xRRGGBB (flushes the renderer first). */
static Uint32 canvas_pixel(Canvas *c, int x, int y) {
    SDL_RenderFlush(c->renderer);
    if (x < 0 || y < 0 || x >= c->surface->w || y >= c->surface->h) return 0;
    return ((Uint32 *)((Uint8 *)c->surface->pixels + y * c->surface->pitch))[x] & 0xFFFFFF;
}

static void canvas_close(Canvas *c) {
    SDL_DestroyRenderer(c->renderer);
    SDL_FreeSurface(c->surface);
}

static const GtStep *lesson_step(const char *lesson_id, int number) {
    const GtLesson *lesson = gt_library_lesson(&gt_test_library, lesson_id);
    assert_non_null(lesson);
    assert_true(number >= 1 && (size_t)number <= lesson->step_count);
    return &lesson->steps[number - 1];
}

static void open_view(GtBodyView *view, GtView which) {
    gt_bodyview_init(view, gt_library_view(&gt_test_library, which), gt_test_path("assets/bodymap"));
    assert_string_equal(view->error, "");
}

/* The centre of what a step is about: its region's box joined with its guide's. */
static GtPoint step_centre(const GtBodyMap *map, const GtStep *step) {
    GtPoint lo, hi, glo, ghi;
    const GtRegion *region = gt_bodymap_region(map, step->region);
    assert_non_null(region);
    gt_points_bounds(&region->polygon, &lo, &hi);
    if (gt_points_bounds(&step->guide, &glo, &ghi)) {
        lo.x = lo.x < glo.x ? lo.x : glo.x; lo.y = lo.y < glo.y ? lo.y : glo.y;
        hi.x = hi.x > ghi.x ? hi.x : ghi.x; hi.y = hi.y > ghi.y ? hi.y : ghi.y;
    }
    return (GtPoint){ (lo.x + hi.x) / 2, (lo.y + hi.y) / 2 };
}

/* Share of grid points (1 cm apart, inside the shown window) where the drawn frame agrees with
 * the data: body pixels well inside the silhouette, background well outside it. */
static double art_agreement(Canvas *c, const GtBodyView *view, Uint32 background) {
    long checked = 0, agree = 0;
    const GtBodyMap *map = view->map;
    for (double y = view->window_cm[1] + 0.5; y < view->window_cm[1] + view->window_cm[3]; y += 1.0)
        for (double x = view->window_cm[0] + 0.5; x < view->window_cm[0] + view->window_cm[2]; x += 1.0) {
            GtPoint p = { x, y };
            double edge = 1e9;
            for (size_t s = 0; s < map->silhouette_count; s++) {
                double d = gt_polygon_edge_distance(&map->silhouette[s], p);
                edge = d < edge ? d : edge;
            }
            if (edge < 1.0) continue;
            SDL_FPoint px = gt_bodyview_to_px(view, p);
            bool painted = canvas_pixel(c, (int)px.x, (int)px.y) != background;
            checked++;
            agree += painted == gt_bodymap_on_body(map, p);
        }
    assert_true(checked > 100);
    return (double)agree / checked;
}

typedef struct Screen {
    const char *name;
    int w, h;
    SDL_Rect body_area;         /* where the trainer puts the body at this window size */
} Screen;

static const Screen SCREENS[] = {
    { "1280x800", 1280, 800, { 8, 72, 628, 720 } },
    { "1920x1080", 1920, 1080, { 12, 96, 942, 972 } },
    { "1080x1920", 1080, 1920, { 12, 96, 1056, 990 } },
};

/* A zoomed step as a student sees it at three window sizes: the art is exactly as many pixels
 * as the rectangle it is drawn in (never a scaled-up bitmap), fills the body area, lines up
 * with the regions, and the step's part sits in the middle of the view. */
static void test_zoomed_step_is_crisp_and_centred(void **state) {
    (void)state;
    const GtStep *step = lesson_step("lower-back-basics", 4);
    for (size_t i = 0; i < sizeof SCREENS / sizeof SCREENS[0]; i++) {
        const Screen *screen = &SCREENS[i];
        Canvas c;
        canvas_open(&c, screen->w, screen->h);
        GtBodyView view;
        open_view(&view, step->view);
        gt_bodyview_focus(&view, step);
        gt_bodyview_layout(&view, c.renderer, screen->body_area);
        canvas_clear(&c, 0, 255, 0);
        gt_bodyview_draw(&view, &c.ui);
        assert_non_null(view.art);
        int tw = 0, th = 0;
        assert_int_equal(SDL_QueryTexture(view.art, NULL, NULL, &tw, &th), 0);
        fprintf(stderr, "%s: body drawn in %dx%d px from art rasterised at %dx%d px, %.1f px/cm\n", screen->name,
                view.rect.w, view.rect.h, tw, th, view.transform.px_per_cm);
        assert_int_equal(tw, view.rect.w);
        assert_int_equal(th, view.rect.h);
        assert_memory_equal(&view.rect, &screen->body_area, sizeof view.rect);
        assert_true(view.transform.px_per_cm > 12.0);   /* zoomed: well above the whole body's ~5 px/cm */
        SDL_FPoint centre = gt_bodyview_to_px(&view, step_centre(view.map, step));
        double cx = view.rect.x + view.rect.w / 2.0, cy = view.rect.y + view.rect.h / 2.0;
        fprintf(stderr, "%s: step centre at (%.1f, %.1f), view centre (%.1f, %.1f)\n", screen->name, centre.x, centre.y, cx,
                cy);
        assert_true(fabs(centre.x - cx) <= 2.0 && fabs(centre.y - cy) <= 2.0);
        double agreement = art_agreement(&c, &view, 0x00FF00);
        fprintf(stderr, "%s: art agrees with the body data at %.1f%% of points\n", screen->name, 100 * agreement);
        assert_true(agreement >= 0.99);
        gt_bodyview_free(&view);
        canvas_close(&c);
    }
}

/* Steps near the body's edge (scalp, sole, forearm, calf): the whole step stays in view, and the
 * view shows body rather than empty space where it can; redrawing reuses the art, and a new
 * size rasterises it again at that size. */
static void test_edge_steps_stay_in_view(void **state) {
    (void)state;
    const struct { const char *lesson; int step; } cases[] = {
        { "daily-self-massage", 2 }, { "daily-self-massage", 5 }, { "gentle-arthritis", 1 }, { "sports-recovery-legs", 1 },
    };
    const Screen *screen = &SCREENS[1];
    Canvas c;
    canvas_open(&c, screen->w, screen->h);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const GtStep *step = lesson_step(cases[i].lesson, cases[i].step);
        GtBodyView view;
        open_view(&view, step->view);
        gt_bodyview_focus(&view, step);
        gt_bodyview_layout(&view, c.renderer, screen->body_area);
        const double *part = view.part_cm;
        SDL_FPoint lo = gt_bodyview_to_px(&view, (GtPoint){ part[0], part[1] });
        SDL_FPoint hi = gt_bodyview_to_px(&view, (GtPoint){ part[0] + part[2], part[1] + part[3] });
        assert_true(lo.x >= view.rect.x - 0.5 && lo.y >= view.rect.y - 0.5);
        assert_true(hi.x <= view.rect.x + view.rect.w + 0.5 && hi.y <= view.rect.y + view.rect.h + 0.5);
        canvas_clear(&c, 0, 255, 0);
        gt_bodyview_draw(&view, &c.ui);
        SDL_Texture *first = view.art;
        assert_non_null(first);
        gt_bodyview_draw(&view, &c.ui);
        assert_ptr_equal(view.art, first);
        assert_true(art_agreement(&c, &view, 0x00FF00) >= 0.99);
        SDL_Rect smaller = { 8, 72, 628, 720 };
        gt_bodyview_layout(&view, c.renderer, smaller);
        gt_bodyview_draw(&view, &c.ui);
        assert_int_equal(view.art_size_px[0], smaller.w);
        assert_int_equal(view.art_size_px[1], smaller.h);
        gt_bodyview_free(&view);
    }
    canvas_close(&c);
}

/* A kiosk's memory: views laid out but not drawn (the home screen) hold no art, and drawing one
 * view releases the other's. */
static void test_only_the_drawn_view_holds_art(void **state) {
    (void)state;
    Canvas c;
    canvas_open(&c, 1920, 1080);
    GtBodyView views[GT_VIEW_COUNT];
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        open_view(&views[v], (GtView)v);
        gt_bodyview_focus(&views[v], NULL);
        gt_bodyview_layout(&views[v], c.renderer, SCREENS[1].body_area);
        assert_null(views[v].art);
    }
    gt_bodyview_draw(&views[GT_VIEW_ANTERIOR], &c.ui);
    assert_non_null(views[GT_VIEW_ANTERIOR].art);
    gt_bodyview_draw(&views[GT_VIEW_POSTERIOR], &c.ui);
    assert_non_null(views[GT_VIEW_POSTERIOR].art);
    assert_null(views[GT_VIEW_ANTERIOR].art);
    for (int v = 0; v < GT_VIEW_COUNT; v++) gt_bodyview_free(&views[v]);
    canvas_close(&c);
}

/* The translucent band along a guide has the same tone where two segments meet as along
 * them: nothing there looks like a target. */
static void test_guide_joints_leave_no_mark(void **state) {
    (void)state;
    const GtStep *original = lesson_step("lower-back-basics", 1);
    assert_true(original->guide.count >= 3);
    GtTechnique technique = *original->technique;
    technique.direction = GT_DIRECTION_NONE;   /* no chevrons over the places compared */
    GtStep step = *original;
    step.technique = &technique;
    Canvas c;
    canvas_open(&c, 1920, 1080);
    GtBodyView view;
    open_view(&view, step.view);
    gt_bodyview_focus(&view, &step);
    gt_bodyview_layout(&view, c.renderer, SCREENS[1].body_area);
    canvas_clear(&c, 255, 255, 255);
    gt_bodyview_draw_guide(&view, &c.ui, &step, 0);
    double half_band_px = (gt_pattern_reach_cm(&technique) > 0.6 ? gt_pattern_reach_cm(&technique) : 0.6) *
                          view.transform.px_per_cm;
    for (size_t j = 1; j + 1 < step.guide.count; j++) {
        GtPoint a = step.guide.points[j - 1], b = step.guide.points[j], d = { b.x - a.x, b.y - a.y };
        double len = hypot(d.x, d.y);
        GtPoint n = { -d.y / len, d.x / len };
        GtPoint mid = { (a.x + b.x) / 2, (a.y + b.y) / 2 };
        for (int side = -1; side <= 1; side += 2) {
            double off = side * 0.6 * half_band_px;
            SDL_FPoint pj = gt_bodyview_to_px(&view, b), pm = gt_bodyview_to_px(&view, mid);
            Uint32 at_joint = canvas_pixel(&c, (int)lround(pj.x + n.x * off), (int)lround(pj.y + n.y * off));
            Uint32 along = canvas_pixel(&c, (int)lround(pm.x + n.x * off), (int)lround(pm.y + n.y * off));
            fprintf(stderr, "guide joint %zu side %d: %06X at the joint, %06X along the segment\n", j, side,
                    (unsigned)at_joint, (unsigned)along);
            assert_true(along != 0xFFFFFF);
            for (int shift = 0; shift < 24; shift += 8) {
                int diff = (int)((at_joint >> shift) & 0xFF) - (int)((along >> shift) & 0xFF);
                assert_true(diff >= -2 && diff <= 2);
            }
        }
    }
    gt_bodyview_free(&view);
    canvas_close(&c);
}

/* The torso's colour at the middle of the chest, drawn whole-body with skin tone `tone` (NULL:
 * the default), as 0xRRGGBB; fails when the tone cannot be chosen. */
static Uint32 torso_colour(const char *tone) {
    Canvas c;
    canvas_open(&c, 1280, 800);
    GtBodyView view;
    open_view(&view, GT_VIEW_ANTERIOR);
    if (tone) assert_true(gt_bodyview_set_skin_tone(&view, tone));
    gt_bodyview_focus(&view, NULL);
    gt_bodyview_layout(&view, c.renderer, SCREENS[0].body_area);
    canvas_clear(&c, 0, 255, 0);
    gt_bodyview_draw(&view, &c.ui);
    /* beside the midline, clear of its line (drawn light on the dark tones) */
    SDL_FPoint p = gt_bodyview_to_px(&view, (GtPoint){ view.map->width_cm / 2 + 4.0, 66.0 });
    Uint32 colour = canvas_pixel(&c, (int)p.x, (int)p.y);
    gt_bodyview_free(&view);
    canvas_close(&c);
    return colour;
}

static int luma(Uint32 rgb) {
    return (int)(((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
}

/* A teacher can show the figure in several skin tones: each tone the art offers paints the body
 * in its own colour, from light to dark in order, the default is the light one, and a tone the
 * art does not have is refused and leaves the figure as it was. */
static void test_skin_tones_paint_the_figure(void **state) {
    (void)state;
    static const char *const tones[] = { "light", "light-medium", "medium", "medium-dark", "dark" };
    Uint32 plain = torso_colour(NULL);
    int previous = 256;
    for (size_t i = 0; i < sizeof tones / sizeof tones[0]; i++) {
        Uint32 colour = torso_colour(tones[i]);
        fprintf(stderr, "skin tone %-12s torso %06X (luma %d)\n", tones[i], (unsigned)colour, luma(colour));
        if (i == 0) assert_int_equal(colour, plain);
        assert_true(luma(colour) < previous - 15);
        previous = luma(colour);
    }
    GtBodyView view;
    open_view(&view, GT_VIEW_ANTERIOR);
    const char *before = view.svg;
    assert_false(gt_bodyview_set_skin_tone(&view, "green"));
    assert_false(gt_bodyview_set_skin_tone(&view, "Dark\" onload=\""));
    assert_ptr_equal(view.svg, before);
    gt_bodyview_free(&view);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_svg_frame_matches_data),
        cmocka_unit_test(test_art_covers_regions_and_only_the_body),
        cmocka_unit_test(test_art_paints_every_landmark),
        cmocka_unit_test(test_art_outlines_every_region),
        cmocka_unit_test(test_zoomed_step_is_crisp_and_centred),
        cmocka_unit_test(test_edge_steps_stay_in_view),
        cmocka_unit_test(test_only_the_drawn_view_holds_art),
        cmocka_unit_test(test_guide_joints_leave_no_mark),
        cmocka_unit_test(test_skin_tones_paint_the_figure),
    };
    int failed = cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
    IMG_Quit();
    SDL_Quit();
    return failed;
}
