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

/* An outline whose spike crosses its first edges, far apart in the list of points, is not simple;
 * the same outline without the spike is. */
static void test_crossing_far_apart_in_the_list_is_found(void **state) {
    (void)state;
    GtPoint spiked[] = { { 30, 10 }, { 40, 10 }, { 50, 10 }, { 60, 10 }, { 70, 10 }, { 70, 50 }, { 70, 90 },
                         { 70, 130 }, { 70, 170 }, { 60, 170 }, { 50, 170 }, { 40, 170 }, { 30, 170 },
                         { 30, 130 }, { 30, 90 }, { 45, 5 }, { 30, 50 } };
    GtPointList outline = { spiked, 17 };
    assert_false(gt_polygon_is_simple(&outline));
    spiked[15] = (GtPoint){ 35, 60 }; /* the spike pulled inside */
    assert_true(gt_polygon_is_simple(&outline));
    GtPoint touching[] = { { 0, 0 }, { 4, 0 }, { 4, 4 }, { 2, 0 }, { 0, 4 } }; /* meets an edge, never crosses */
    GtPointList touch = { touching, 5 };
    assert_true(gt_polygon_is_simple(&touch));
}

/* With a band index, a point is inside exactly when it is without one: every point of a grid
 * over a wavy outline (on its vertices' heights too) gives the same answer, and so do the row
 * crossings. */
static void test_indexed_containment_matches_the_plain_test(void **state) {
    (void)state;
    GtPoint wave[64];
    for (int i = 0; i < 32; i++) {
        wave[i] = (GtPoint){ 10.0 + i, 20.0 + 6.0 * sin(i * 0.7) };
        wave[63 - i] = (GtPoint){ 10.0 + i, 60.0 + 6.0 * cos(i * 0.9) };
    }
    GtPointList plain = { wave, 64 }, indexed = plain;
    size_t bands = gt_polygon_index_bands(&plain);
    assert_true(bands > 1);
    size_t entries = gt_polygon_index_entries(&plain, bands);
    assert_true(entries >= 64);
    unsigned *first = test_malloc((bands + 1) * sizeof *first), *edges = test_malloc(entries * sizeof *edges);
    GtPolygonIndex index;
    gt_polygon_index_fill(&index, &plain, bands, first, edges);
    indexed.index = &index;
    int inside = 0;
    double xs[64];
    for (double y = 5.0; y < 75.0; y += 0.37) {
        size_t n = gt_polygon_row_crossings(&indexed, y, xs, 64);
        for (double x = 5.0; x < 50.0; x += 0.41) {
            GtPoint p = { x, y };
            bool want = gt_polygon_contains(&plain, p);
            assert_int_equal(gt_polygon_contains(&indexed, p), want);
            int right = 0;
            for (size_t k = 0; k < n; k++) right += x < xs[k];
            assert_int_equal(right % 2 == 1, want);
            inside += want;
        }
    }
    for (int i = 0; i < 64; i++) /* at a vertex's own height */
        assert_int_equal(gt_polygon_contains(&indexed, (GtPoint){ wave[i].x + 0.1, wave[i].y }),
                         gt_polygon_contains(&plain, (GtPoint){ wave[i].x + 0.1, wave[i].y }));
    assert_true(inside > 1000);
    assert_false(gt_polygon_contains(&indexed, (GtPoint){ 20.0, NAN }));
    test_free(first);
    test_free(edges);
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
        cmocka_unit_test(test_crossing_far_apart_in_the_list_is_found),
        cmocka_unit_test(test_indexed_containment_matches_the_plain_test),
        cmocka_unit_test(test_score_curve_is_smooth_and_halves_at_tolerance),
        cmocka_unit_test(test_weighted_median_uses_time),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
