/* The bundled gt_test_library is complete: eight lessons that together use every technique, each
 * technique citing sources and using the movement pattern the domain gives it. */
#include "test_support.h"

#include <string.h>

static void test_techniques_have_their_domain_patterns(void **state) {
    (void)state;
    static const struct { const char *id; GtPattern pattern; } expected[] = {
        { "effleurage", GT_PATTERN_GLIDE }, { "petrissage", GT_PATTERN_KNEAD },
        { "circular-friction", GT_PATTERN_CIRCLE }, { "cross-fibre-friction", GT_PATTERN_CROSS_FIBRE },
        { "tapotement", GT_PATTERN_TAP }, { "trigger-point-compression", GT_PATTERN_HOLD },
        { "sustained-pressure", GT_PATTERN_HOLD }, { "myofascial-release", GT_PATTERN_HOLD },
        { "lymphatic-drainage", GT_PATTERN_GLIDE }, { "acupressure-hold", GT_PATTERN_HOLD },
        { "neck-shoulder-rolls", GT_PATTERN_CIRCLE }, { "scalp-massage", GT_PATTERN_CIRCLE },
        { "calf-hamstring-rolling", GT_PATTERN_KNEAD }, { "foot-thumb-walking", GT_PATTERN_GLIDE },
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const GtTechnique *t = gt_library_technique(&gt_test_library, expected[i].id);
        if (!t) fail_msg("technique %s is missing", expected[i].id);
        assert_int_equal(t->pattern, expected[i].pattern);
        assert_true(t->source_count >= 1);
    }
    /* facts from the handbook that the scorer depends on */
    const GtTechnique *lymph = gt_library_technique(&gt_test_library, "lymphatic-drainage");
    assert_true(lymph->pressure_level.max <= 3.0);
    assert_int_equal(lymph->direction, GT_DIRECTION_TOWARD_LANDMARK);
    const GtTechnique *cross = gt_library_technique(&gt_test_library, "cross-fibre-friction");
    assert_int_equal(cross->direction, GT_DIRECTION_ACROSS_FIBRES);
    assert_true(cross->pressure_level.min >= 5.0);
    const GtTechnique *tap = gt_library_technique(&gt_test_library, "tapotement");
    assert_true(tap->tempo_per_min.min >= 4 * 60 - 1 && tap->tempo_per_min.max <= 10 * 60 + 1);
}

static void test_lessons_cover_every_technique(void **state) {
    (void)state;
    static const char *const lessons[] = { "lower-back-basics", "neck-shoulder-tension", "gentle-arthritis",
        "fibromyalgia-light-touch", "sports-recovery-legs", "tension-headache", "lymphatic-drainage-arm",
        "daily-self-massage", NULL };
    for (int i = 0; lessons[i]; i++)
        if (!gt_library_lesson(&gt_test_library, lessons[i])) fail_msg("lesson %s is missing", lessons[i]);
    for (size_t t = 0; t < gt_test_library.technique_count; t++) {
        bool used = false;
        for (size_t l = 0; l < gt_test_library.lesson_count && !used; l++)
            for (size_t s = 0; s < gt_test_library.lessons[l].step_count; s++)
                used |= gt_test_library.lessons[l].steps[s].technique == &gt_test_library.techniques[t];
        if (!used) fail_msg("no lesson uses technique %s", gt_test_library.techniques[t].id);
    }
    /* gentle lessons stay light: no step asks for more than moderate pressure */
    const GtLesson *gentle = gt_library_lesson(&gt_test_library, "gentle-arthritis");
    for (size_t s = 0; s < gentle->step_count; s++)
        assert_true(gentle->steps[s].technique->pressure_level.max <= 6.0);
    assert_int_equal(gt_test_library.broken_count, 0);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_techniques_have_their_domain_patterns),
        cmocka_unit_test(test_lessons_cover_every_technique),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
