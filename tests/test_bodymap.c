/* The body map's data agree with themselves: every required region and landmark exists,
 * regions lie on the body and do not overlap, landmarks lie in the regions they name, and
 * left/right follow the model's sides in each view. */
#include "test_support.h"

#include <math.h>
#include <string.h>

static GtPoint centroid(const GtPointList *polygon) {
    GtPoint c = { 0, 0 };
    for (size_t i = 0; i < polygon->count; i++) { c.x += polygon->points[i].x; c.y += polygon->points[i].y; }
    c.x /= (double)polygon->count;
    c.y /= (double)polygon->count;
    return c;
}

static void test_required_regions_exist(void **state) {
    (void)state;
    static const char *const posterior[] = { "scalp", "neck", "upper-trapezius-l", "upper-trapezius-r",
        "middle-trapezius-l", "middle-trapezius-r", "lower-trapezius-l", "lower-trapezius-r", "deltoid-l",
        "deltoid-r", "upper-back", "scapular-l", "scapular-r", "erector-spinae-l", "erector-spinae-r",
        "gluteal-l", "gluteal-r", "hamstrings-l", "hamstrings-r", "calf-l", "calf-r", "foot-sole-l",
        "foot-sole-r", "upper-arm-l", "upper-arm-r", "forearm-l", "forearm-r", "hand-l", "hand-r",
        "suboccipitals-l", "suboccipitals-r", "levator-scapulae-l", "levator-scapulae-r", "rhomboids-l", "rhomboids-r",
        "quadratus-lumborum-l", "quadratus-lumborum-r", "piriformis-l", "piriformis-r", "it-band-l", "it-band-r",
        "sole-heel-l", "sole-heel-r", "sole-ball-l", "sole-ball-r", "sole-toes-l", "sole-toes-r", NULL };
    static const char *const anterior[] = { "neck", "chest-l", "chest-r", "abdomen", "deltoid-l", "deltoid-r",
        "upper-arm-l", "upper-arm-r", "forearm-l", "forearm-r", "hand-l", "hand-r", "quadriceps-l",
        "quadriceps-r", "sternocleidomastoid-l", "sternocleidomastoid-r", "pectoralis-minor-l", "pectoralis-minor-r",
        "hip-flexors-l", "hip-flexors-r", "it-band-l", "it-band-r", "adductors-l", "adductors-r", NULL };
    const GtBodyMap *back = gt_library_view(&gt_test_library, GT_VIEW_POSTERIOR);
    const GtBodyMap *front = gt_library_view(&gt_test_library, GT_VIEW_ANTERIOR);
    assert_non_null(back);
    assert_non_null(front);
    for (int i = 0; posterior[i]; i++) {
        if (!gt_bodymap_region(back, posterior[i])) fail_msg("posterior view lacks region %s", posterior[i]);
    }
    for (int i = 0; anterior[i]; i++) {
        if (!gt_bodymap_region(front, anterior[i])) fail_msg("anterior view lacks region %s", anterior[i]);
    }
    static const char *const fibred[] = { "erector-spinae-l", "upper-trapezius-l", "middle-trapezius-r",
                                          "hamstrings-l", "calf-r", NULL };
    for (int i = 0; fibred[i]; i++) assert_true(gt_bodymap_region(back, fibred[i])->has_fibre);
    assert_float_equal(gt_bodymap_region(back, "erector-spinae-l")->fibre_deg, 90.0, 15.0);
    assert_float_equal(fmod(gt_bodymap_region(back, "middle-trapezius-l")->fibre_deg, 180.0), 0.0, 20.0);
}

static void test_required_landmarks_exist_where_expected(void **state) {
    (void)state;
    const GtBodyMap *back = gt_library_view(&gt_test_library, GT_VIEW_POSTERIOR);
    const GtBodyMap *front = gt_library_view(&gt_test_library, GT_VIEW_ANTERIOR);
    static const char *const front_marks[] = { "heart", "axillary-nodes-l", "axillary-nodes-r", "inguinal-nodes-l",
        "inguinal-nodes-r", "cervical-nodes-l", "cervical-nodes-r", NULL };
    for (int i = 0; front_marks[i]; i++) {
        const GtLandmark *m = gt_bodymap_landmark(front, front_marks[i]);
        if (!m) fail_msg("anterior view lacks landmark %s", front_marks[i]);
        assert_int_equal(m->kind, GT_LANDMARK_TARGET);
    }
    const GtLandmark *spine = gt_bodymap_landmark(back, "spine");
    assert_non_null(spine);
    assert_int_equal(spine->kind, GT_LANDMARK_BONY);
    assert_true(spine->points.count >= 2);
    for (int side = 0; side < 2; side++) {
        const GtLandmark *kidney = gt_bodymap_landmark(back, side ? "kidney-r" : "kidney-l");
        assert_non_null(kidney);
        assert_int_equal(kidney->kind, GT_LANDMARK_AVOID);
        /* the kidney area sits either side of the spine at 105-115 cm height (y 60-70) */
        assert_in_range((long)kidney->points.points[0].y, 55, 75);
    }
    /* the heart is on the model's left: the viewer's right in the anterior view */
    assert_true(gt_bodymap_landmark(front, "heart")->points.points[0].x > front->width_cm / 2);
}

static void test_sides_follow_the_model(void **state) {
    (void)state;
    const GtBodyMap *back = gt_library_view(&gt_test_library, GT_VIEW_POSTERIOR);
    const GtBodyMap *front = gt_library_view(&gt_test_library, GT_VIEW_ANTERIOR);
    assert_true(centroid(&gt_bodymap_region(back, "calf-l")->polygon).x < back->width_cm / 2);
    assert_true(centroid(&gt_bodymap_region(back, "deltoid-r")->polygon).x > back->width_cm / 2);
    assert_true(centroid(&gt_bodymap_region(front, "chest-l")->polygon).x > front->width_cm / 2);
    assert_true(centroid(&gt_bodymap_region(front, "quadriceps-r")->polygon).x < front->width_cm / 2);
}

/* Independent of the loader's own checks: sample every region on a grid and make sure the
 * samples are on the body and in no other region. */
static void test_regions_on_body_and_apart(void **state) {
    (void)state;
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = gt_library_view(&gt_test_library, (GtView)v);
        for (size_t i = 0; i < map->region_count; i++) {
            const GtRegion *r = &map->regions[i];
            GtPoint lo, hi;
            assert_true(gt_points_bounds(&r->polygon, &lo, &hi));
            long inside = 0, off_body = 0, shared = 0;
            for (double y = lo.y + 0.25; y < hi.y; y += 0.5)
                for (double x = lo.x + 0.25; x < hi.x; x += 0.5) {
                    GtPoint p = { x, y };
                    if (!gt_polygon_contains(&r->polygon, p)) continue;
                    inside++;
                    if (!gt_bodymap_on_body(map, p)) off_body++;
                    for (size_t k = 0; k < map->region_count; k++)
                        if (k != i && gt_polygon_contains(&map->regions[k].polygon, p)) { shared++; break; }
                }
            if (inside < 8) fail_msg("%s region %s is too small to trace (%ld samples)", gt_view_name(map->view), r->id, inside);
            if (off_body * 100 > inside) fail_msg("%s region %s: %ld of %ld samples off the body", gt_view_name(map->view), r->id, off_body, inside);
            if (shared * 100 > inside) fail_msg("%s region %s: %ld of %ld samples inside another region", gt_view_name(map->view), r->id, shared, inside);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_required_regions_exist),
        cmocka_unit_test(test_required_landmarks_exist_where_expected),
        cmocka_unit_test(test_sides_follow_the_model),
        cmocka_unit_test(test_regions_on_body_and_apart),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
