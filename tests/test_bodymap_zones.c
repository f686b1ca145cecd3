/* The places to avoid on the body map are where a teacher would point to them: each is named,
 * lies on the body, has an anatomical size, and sits against the landmarks and regions around
 * it (the carotid beside the throat under the jaw, the kidneys under the lowest ribs and about
 * 10 cm out, the sciatic nerve from the buttock down the back of the thigh). Deep work taught
 * in the bundled lessons keeps clear of the nerve. */
#include "test_support.h"

#include <math.h>
#include <string.h>

static const GtBodyMap *view_map(GtView view) {
    const GtBodyMap *map = gt_library_view(&gt_test_library, view);
    assert_non_null(map);
    return map;
}

/* The avoid zone `id`, failing the test when it is missing or of another kind. */
static const GtLandmark *zone(const GtBodyMap *map, const char *id) {
    const GtLandmark *m = gt_bodymap_landmark(map, id);
    if (!m) fail_msg("%s view lacks the place to avoid %s", gt_view_name(map->view), id);
    if (m->kind != GT_LANDMARK_AVOID) fail_msg("%s is a %s landmark, not a place to avoid", id, gt_landmark_kind_name(m->kind));
    return m;
}

static GtPoint first_point(const GtLandmark *m) { return m->points.points[0]; }
static GtPoint last_point(const GtLandmark *m) { return m->points.points[m->points.count - 1]; }

/* Smallest and largest x and y the zone covers (its points widened by its radius). */
static void zone_extent(const GtLandmark *m, GtPoint *lo, GtPoint *hi) {
    assert_true(gt_points_bounds(&m->points, lo, hi));
    lo->x -= m->radius_cm; lo->y -= m->radius_cm;
    hi->x += m->radius_cm; hi->y += m->radius_cm;
}

/* Every place to avoid, front and back, has a name a student can read, lies on the body, and
 * both sides of a paired place mirror each other across the midline. */
static void test_every_zone_is_named_on_the_body_and_paired(void **state) {
    (void)state;
    static const char *const front[] = { "carotid-l", "carotid-r", "throat", "axilla-l", "axilla-r", "cubital-fossa-l",
        "cubital-fossa-r", "femoral-triangle-l", "femoral-triangle-r", "xiphoid", NULL };
    static const char *const back[] = { "kidney-l", "kidney-r", "sciatic-nerve-l", "sciatic-nerve-r",
        "sciatic-nerve-thigh-l", "sciatic-nerve-thigh-r", "popliteal-l", "popliteal-r", NULL };
    const char *const *lists[GT_VIEW_COUNT] = { [GT_VIEW_POSTERIOR] = back, [GT_VIEW_ANTERIOR] = front };
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        const GtBodyMap *map = view_map((GtView)v);
        for (int i = 0; lists[v][i]; i++) {
            const GtLandmark *m = zone(map, lists[v][i]);
            assert_true(strlen(m->name) >= 5);
            assert_in_range((long)(m->radius_cm * 10), 10, 40);   /* 1-4 cm: a fingertip to a palm */
            for (size_t k = 0; k < m->points.count; k++)
                if (!gt_bodymap_on_body(map, m->points.points[k])) fail_msg("%s point %zu is off the body", m->id, k);
            size_t n = strlen(m->id);
            if (m->id[n - 2] != '-' || (m->id[n - 1] != 'l' && m->id[n - 1] != 'r')) continue;
            char other[64];
            snprintf(other, sizeof other, "%.*s-%c", (int)(n - 2), m->id, m->id[n - 1] == 'l' ? 'r' : 'l');
            const GtLandmark *o = zone(map, other);
            assert_int_equal(o->points.count, m->points.count);
            assert_float_equal(o->radius_cm, m->radius_cm, 1e-9);
            assert_float_equal(first_point(o).x, map->width_cm - first_point(m).x, 0.051);
            /* the model's sides: in the back view the left is on the viewer's left */
            bool viewer_left = first_point(m).x < map->width_cm / 2;
            bool model_left = m->id[n - 1] == 'l';
            assert_true(viewer_left == (map->view == GT_VIEW_POSTERIOR ? model_left : !model_left));
        }
    }
}

/* Front of the neck: the carotid bands run under the jaw down to the collarbones either side of
 * the throat, which sits on the midline; the armpit zone covers the armpit lymph nodes' hollow;
 * the inside of the elbow is where the upper arm meets the forearm. */
static void test_front_zones_sit_on_their_anatomy(void **state) {
    (void)state;
    const GtBodyMap *front = view_map(GT_VIEW_ANTERIOR);
    double mid = front->width_cm / 2;
    const GtLandmark *carotid = zone(front, "carotid-r"), *throat = zone(front, "throat");
    GtPoint lo, hi;
    zone_extent(carotid, &lo, &hi);
    assert_true(lo.y < 26.0 && hi.y > 36.0);                  /* from under the jaw to the collarbone */
    assert_true(fabs(first_point(carotid).x - mid) > 2.5 && fabs(last_point(carotid).x - mid) < 3.0);
    assert_float_equal(first_point(throat).x, mid, 0.01);
    assert_true(gt_landmark_distance(throat, first_point(carotid)) > throat->radius_cm);
    for (int side = 0; side < 2; side++) {
        const GtLandmark *axilla = zone(front, side ? "axilla-l" : "axilla-r");
        const GtLandmark *nodes = gt_bodymap_landmark(front, side ? "axillary-nodes-l" : "axillary-nodes-r");
        assert_non_null(nodes);
        assert_true(gt_distance(first_point(axilla), first_point(nodes)) < axilla->radius_cm);
        const GtLandmark *elbow = zone(front, side ? "cubital-fossa-l" : "cubital-fossa-r");
        const GtRegion *upper = gt_bodymap_region(front, side ? "upper-arm-l" : "upper-arm-r");
        const GtRegion *fore = gt_bodymap_region(front, side ? "forearm-l" : "forearm-r");
        GtPoint crease = first_point(elbow);
        assert_true(gt_polygon_contains(&upper->polygon, crease) || gt_polygon_contains(&fore->polygon, crease));
        assert_true(gt_polygon_edge_distance(&upper->polygon, crease) < 1.0);
        assert_true(gt_polygon_edge_distance(&fore->polygon, crease) < 1.0);
    }
}

/* The femoral triangle starts at the groin lymph nodes under the inguinal ligament and runs
 * 8-12 cm down the thigh; the xiphoid zone starts at the lower end of the breastbone and covers
 * the upper abdomen above the navel. */
static void test_groin_and_upper_abdomen_zones(void **state) {
    (void)state;
    const GtBodyMap *front = view_map(GT_VIEW_ANTERIOR);
    for (int side = 0; side < 2; side++) {
        const GtLandmark *tri = zone(front, side ? "femoral-triangle-l" : "femoral-triangle-r");
        const GtLandmark *nodes = gt_bodymap_landmark(front, side ? "inguinal-nodes-l" : "inguinal-nodes-r");
        assert_true(gt_distance(first_point(tri), first_point(nodes)) < 3.0);
        double length = last_point(tri).y - first_point(tri).y;
        assert_true(length >= 8.0 && length <= 12.0);
    }
    const GtLandmark *xiphoid = zone(front, "xiphoid"), *sternum = gt_bodymap_landmark(front, "sternum");
    assert_true(gt_distance(first_point(xiphoid), last_point(sternum)) < 1.5);
    GtPoint lo, hi;
    zone_extent(xiphoid, &lo, &hi);
    assert_true(hi.y - lo.y >= 9.0 && hi.x - lo.x >= 5.0);
    assert_true(hi.y < 70.0);   /* the navel (about 102 cm high, y 73) is not part of it */
}

/* The kidney area: from under the 11th-12th ribs (y 58-60) to L3 (y 72-75), reaching about
 * 10 cm out from the midline and keeping off the spine itself; the right kidney sits lower. */
static void test_kidney_zone_is_kidney_sized(void **state) {
    (void)state;
    const GtBodyMap *back = view_map(GT_VIEW_POSTERIOR);
    double mid = back->width_cm / 2;
    const GtLandmark *left = zone(back, "kidney-l"), *right = zone(back, "kidney-r");
    GtPoint lo, hi;
    zone_extent(left, &lo, &hi);
    fprintf(stderr, "left kidney zone: %.1f-%.1f cm out from the midline, y %.1f-%.1f\n", mid - hi.x, mid - lo.x, lo.y, hi.y);
    assert_true(mid - lo.x >= 9.5 && mid - lo.x <= 11.5);
    assert_true(mid - hi.x >= 1.2);
    assert_true(lo.y <= 60.0 && hi.y >= 72.0);
    double drop = first_point(right).y - first_point(left).y;
    assert_true(drop >= 1.0 && drop <= 2.5);
}

/* The sciatic nerve leaves the pelvis beside the sacrum, swings out between the sitting bone and
 * the hip, crosses the gluteal fold and runs down the middle of the back of the thigh to just
 * above the back of the knee. */
static void test_sciatic_nerve_path(void **state) {
    (void)state;
    const GtBodyMap *back = view_map(GT_VIEW_POSTERIOR);
    double mid = back->width_cm / 2;
    const GtLandmark *buttock = zone(back, "sciatic-nerve-l"), *thigh = zone(back, "sciatic-nerve-thigh-l");
    const GtLandmark *knee = zone(back, "popliteal-l");
    const GtRegion *gluteal = gt_bodymap_region(back, "gluteal-l"), *hamstrings = gt_bodymap_region(back, "hamstrings-l");
    GtPoint notch = first_point(buttock);
    assert_true(mid - notch.x >= 3.0 && mid - notch.x <= 7.0);
    GtPoint glo, ghi;
    gt_points_bounds(&gluteal->polygon, &glo, &ghi);
    assert_true(notch.y > glo.y && notch.y < ghi.y);
    /* the most lateral point of the buttock path lies between 8 and 12 cm out (midway between
     * the ischial tuberosity, ~5 cm out, and the greater trochanter, ~16 cm out) */
    double widest = 0;
    for (size_t k = 0; k < buttock->points.count; k++) widest = fmax(widest, mid - buttock->points.points[k].x);
    assert_true(widest >= 8.0 && widest <= 12.0);
    assert_float_equal(last_point(buttock).x, first_point(thigh).x, 0.01);
    assert_float_equal(last_point(buttock).y, first_point(thigh).y, 0.01);
    assert_true(gt_polygon_contains(&hamstrings->polygon, last_point(thigh)));
    double gap = gt_distance(last_point(thigh), first_point(knee));
    assert_true(gap < 10.0 && gap > knee->radius_cm);
}

/* Deep work on the buttock (level 7 or more in any bundled step) keeps its guide clear of the
 * sciatic nerve zone: a student pressing there would be pressing on the nerve. */
static void test_deep_buttock_work_misses_the_nerve(void **state) {
    (void)state;
    const GtBodyMap *back = view_map(GT_VIEW_POSTERIOR);
    int checked = 0;
    for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
        const GtLesson *lesson = &gt_test_library.lessons[l];
        for (size_t s = 0; s < lesson->step_count; s++) {
            const GtStep *step = &lesson->steps[s];
            if (step->view != GT_VIEW_POSTERIOR || step->technique->pressure_level.max < 7.0) continue;
            if (strncmp(step->region, "gluteal", 7) != 0 && strncmp(step->region, "piriformis", 10) != 0) continue;
            for (int side = 0; side < 2; side++) {
                const GtLandmark *nerve = zone(back, side ? "sciatic-nerve-r" : "sciatic-nerve-l");
                for (size_t k = 0; k < step->guide.count; k++) {
                    double d = gt_landmark_distance(nerve, step->guide.points[k]);
                    if (d < nerve->radius_cm)
                        fail_msg("%s step %zu works at level %.0f %.1f cm from the %s", lesson->id, s + 1,
                                 step->technique->pressure_level.max, d, nerve->name);
                }
            }
            checked++;
        }
    }
    assert_true(checked >= 1);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_zone_is_named_on_the_body_and_paired),
        cmocka_unit_test(test_front_zones_sit_on_their_anatomy),
        cmocka_unit_test(test_groin_and_upper_abdomen_zones),
        cmocka_unit_test(test_kidney_zone_is_kidney_sized),
        cmocka_unit_test(test_sciatic_nerve_path),
        cmocka_unit_test(test_deep_buttock_work_misses_the_nerve),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
