/* Plane geometry the scorer relies on: a wrong distance or containment would move every
 * path score. */
#include "test_support.h"
#include "gt_geometry.h"
#include "gt_motion.h"

#include <math.h>

static void test_projection_onto_polyline(void **state) {
    (void)state;
    GtPoint pts[] = { { 0, 0 }, { 10, 0 }, { 10, 10 } };
    GtPointList line = { pts, 3 };
    GtProjection p = gt_polyline_project(&line, (GtPoint){ 5, 2 });
    assert_float_equal(p.distance_cm, 2.0, 1e-9);
    assert_float_equal(p.along_cm, 5.0, 1e-9);
    assert_float_equal(p.tangent.x, 1.0, 1e-9);
    p = gt_polyline_project(&line, (GtPoint){ 12, 7 });
    assert_float_equal(p.distance_cm, 2.0, 1e-9);
    assert_float_equal(p.along_cm, 17.0, 1e-9);
    assert_float_equal(p.tangent.y, 1.0, 1e-9);
    assert_float_equal(gt_polyline_length(&line), 20.0, 1e-9);
    GtPoint mid = gt_polyline_point_at(&line, 15.0, NULL);
    assert_float_equal(mid.x, 10.0, 1e-9);
    assert_float_equal(mid.y, 5.0, 1e-9);
}

static void test_polygon_containment_and_simplicity(void **state) {
    (void)state;
    GtPoint square[] = { { 0, 0 }, { 4, 0 }, { 4, 4 }, { 0, 4 } };
    GtPointList poly = { square, 4 };
    assert_true(gt_polygon_contains(&poly, (GtPoint){ 2, 2 }));
    assert_false(gt_polygon_contains(&poly, (GtPoint){ 5, 2 }));
    assert_true(gt_polygon_is_simple(&poly));
    assert_float_equal(fabs(gt_polygon_signed_area(&poly)), 16.0, 1e-9);
    GtPoint bow[] = { { 0, 0 }, { 4, 4 }, { 4, 0 }, { 0, 4 } };
    GtPointList bowtie = { bow, 4 };
    assert_false(gt_polygon_is_simple(&bowtie));
    assert_float_equal(gt_polygon_edge_distance(&poly, (GtPoint){ 2, 1 }), 1.0, 1e-9);
}

static void test_score_curve_is_smooth_and_halves_at_tolerance(void **state) {
    (void)state;
    assert_float_equal(gt_band_score(5, 2, 6, 1), 100.0, 1e-9);
    assert_float_equal(gt_band_score(7, 2, 6, 1), 50.0, 1e-9);
    assert_float_equal(gt_band_score(1, 2, 6, 1), 50.0, 1e-9);
    assert_true(gt_band_score(6.1, 2, 6, 1) > 99.0);
    assert_true(gt_band_score(9, 2, 6, 1) < 1.0);
    assert_float_equal(gt_ratio_band_score(20, 1, 10, 2), 50.0, 1e-9);
    assert_float_equal(gt_ratio_band_score(0.5, 1, 10, 2), 50.0, 1e-9);
}

static void test_weighted_median_uses_time(void **state) {
    (void)state;
    GtWeighted items[] = { { 1.0, 10 }, { 5.0, 100 }, { 9.0, 10 } };
    assert_float_equal(gt_weighted_quantile(items, 3, 0.5), 5.0, 1e-9);
    GtWeighted skewed[] = { { 1.0, 1000 }, { 5.0, 1 }, { 9.0, 1 } };
    assert_float_equal(gt_weighted_quantile(skewed, 3, 0.5), 1.0, 1e-9);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_projection_onto_polyline),
        cmocka_unit_test(test_polygon_containment_and_simplicity),
        cmocka_unit_test(test_score_curve_is_smooth_and_halves_at_tolerance),
        cmocka_unit_test(test_weighted_median_uses_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
