/* Unsafe work never passes, and the card names it. For every step of every bundled lesson:
 * the demonstration pressed at level 9.5 throughout, and pressed three levels over the step's
 * band, is unsafe (grade F, a pressure safety entry); a visit of 1.5 s to each place the step's
 * technique must avoid that lies within 20 cm of its guide is unsafe, with an avoid-zone entry
 * naming that place; the plain demonstration has no safety entries. Counts go to stderr. */
#include "test_support.h"
#include "replay_edit.h"
#include "gt_demo.h"
#include "gt_motion.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Contact id of the extra visit to a place to avoid: no demonstration uses it. */
enum { VISIT_ID = 7 };

typedef struct Counts {
    int steps, pressure_cases, visits, overlaps, problems;
} Counts;

static bool has_entry(const GtScoreCard *card, GtSafetyKind kind) {
    for (size_t i = 0; i < card->safety_count && i < GT_SAFETY_MAX; i++)
        if (card->safety[i].kind == kind) return true;
    return false;
}

/* An unsafe card: failed, verdict unsafe, grade F, and (when kind_a or kind_b is a kind, i.e.
 * below GT_SAFETY_KIND_COUNT) an entry of one of those kinds. Prints the card when not. */
static bool is_unsafe(const char *label, const GtScoreCard *card, GtSafetyKind kind_a, GtSafetyKind kind_b) {
    bool kind_ok = kind_a == GT_SAFETY_KIND_COUNT || has_entry(card, kind_a) || has_entry(card, kind_b);
    bool ok = !card->passed && card->verdict == GT_VERDICT_UNSAFE && strcmp(card->grade, "F") == 0 && kind_ok;
    if (!ok) gt_test_print_card(label, card);
    return ok;
}

/* The demonstration pressed flat at `level` throughout, graded. */
static void grade_at_level(const GtScoreTarget *target, const GtReplay *demo, double level, GtScoreCard *card) {
    GtReplay attempt;
    assert_true(gt_replay_copy(&attempt, demo));
    gt_edit_set_pressure(&attempt, level / 10.0);
    assert_true(gt_score_attempt(target, &attempt, card));
    gt_replay_free(&attempt);
}

/* Level 9.5 is injurious on every step; three levels over the band is unsafe (injurious when it
 * reaches 9). */
static void check_pressure(const GtScoreTarget *target, const GtReplay *demo, Counts *counts) {
    GtScoreCard card;
    char label[160];
    grade_at_level(target, demo, 9.5, &card);
    snprintf(label, sizeof label, "level 9.5 not unsafe (%s step %d)", target->lesson_id, target->step_number);
    counts->problems += !is_unsafe(label, &card, GT_SAFETY_INJURIOUS_PRESSURE, GT_SAFETY_INJURIOUS_PRESSURE);
    counts->pressure_cases++;
    double over = target->technique->pressure_level.max + 3.0;
    if (over > 10.0) return;
    grade_at_level(target, demo, over, &card);
    snprintf(label, sizeof label, "level %.1f (band top + 3) not unsafe (%s step %d)", over, target->lesson_id,
             target->step_number);
    GtSafetyKind also = over >= 9.0 ? GT_SAFETY_INJURIOUS_PRESSURE : GT_SAFETY_OVER_BAND;
    counts->problems += !is_unsafe(label, &card, GT_SAFETY_OVER_BAND, also);
    counts->pressure_cases++;
}

/* True when p lies in the zone of an avoided landmark other than `own`. */
static bool in_another_zone(const GtScoreTarget *target, const GtLandmark *own, GtPoint p) {
    for (size_t k = 0; k < target->map->landmark_count; k++) {
        const GtLandmark *m = &target->map->landmarks[k];
        if (m != own && gt_technique_avoids(target->technique, m) && gt_landmark_distance(m, p) <= m->radius_cm)
            return true;
    }
    return false;
}

/* Where to dwell on a landmark: its first point, unless that lies in another avoided zone too
 * (the sacrum under the end of the spine); then a point of the landmark's own zone that does not. */
static GtPoint visit_point(const GtScoreTarget *target, const GtLandmark *m, bool *overlaps) {
    GtPoint p = m->points.points[0];
    *overlaps = in_another_zone(target, m, p);
    for (int k = 0; *overlaps && k < 16; k++) {
        double angle = k * GT_PI / 8.0;
        GtPoint q = { p.x + 0.6 * m->radius_cm * cos(angle), p.y + 0.6 * m->radius_cm * sin(angle) };
        if (!in_another_zone(target, m, q)) {
            *overlaps = false;
            return q;
        }
    }
    return p;
}

/* The card has an avoid-zone entry for landmark m whose message names it. */
static bool names_zone(const GtScoreCard *card, const GtLandmark *m) {
    for (size_t i = 0; i < card->safety_count && i < GT_SAFETY_MAX; i++) {
        const GtSafetyEntry *e = &card->safety[i];
        if (e->kind == GT_SAFETY_AVOID_ZONE && strcmp(e->place, m->id) == 0 && strstr(e->message, m->name)) return true;
    }
    return false;
}

/* A 1.5 s visit at the band's middle pressure, after the demonstration, to every landmark the
 * technique avoids within 20 cm of the guide. */
static void check_zones(const GtScoreTarget *target, const GtReplay *demo, Counts *counts) {
    const GtTechnique *t = target->technique;
    double first, last;
    assert_true(gt_replay_time_span(demo, &first, &last));
    for (size_t k = 0; k < target->map->landmark_count; k++) {
        const GtLandmark *m = &target->map->landmarks[k];
        if (!gt_technique_avoids(t, m) || gt_polyline_project(&target->step->guide, m->points.points[0]).distance_cm > 20.0)
            continue;
        bool overlaps;
        GtPoint p = visit_point(target, m, &overlaps);
        GtReplay attempt;
        assert_true(gt_replay_copy(&attempt, demo));
        assert_true(gt_edit_add_dwell(&attempt, VISIT_ID, p, last + 500.0, 1500.0, gt_band_mid(t->pressure_level) / 10.0));
        GtScoreCard card;
        assert_true(gt_score_attempt(target, &attempt, &card));
        char label[200];
        snprintf(label, sizeof label, "1.5 s on %s (%s) not unsafe and named (%s step %d, %s)", m->id, m->name,
                 target->lesson_id, target->step_number, t->id);
        bool ok = is_unsafe(label, &card, GT_SAFETY_AVOID_ZONE, GT_SAFETY_AVOID_ZONE);
        if (ok && !names_zone(&card, m)) {
            gt_test_print_card(label, &card);
            ok = false;
        }
        counts->problems += !ok;
        counts->visits++;
        counts->overlaps += overlaps;
        gt_replay_free(&attempt);
    }
}

/* The plain demonstration is safe: no entries, verdict scored. */
static void check_demo_safe(const GtScoreTarget *target, const GtReplay *demo, Counts *counts) {
    GtScoreCard card;
    assert_true(gt_score_attempt(target, demo, &card));
    if (card.safety_count != 0 || card.verdict != GT_VERDICT_SCORED) {
        gt_test_print_card("demonstration not safe", &card);
        counts->problems++;
    }
}

static void test_unsafe_work_fails_and_is_named(void **state) {
    (void)state;
    Counts counts = { 0, 0, 0, 0, 0 };
    for (size_t i = 0; i < gt_test_library.lesson_count; i++) {
        const GtLesson *lesson = &gt_test_library.lessons[i];
        for (size_t s = 1; s <= lesson->step_count; s++, counts.steps++) {
            GtScoreTarget target = gt_test_target(&gt_test_library, lesson, (int)s);
            GtReplay demo;
            assert_true(gt_demo_synthesise(lesson->id, (int)s, target.step, target.map, &demo));
            check_demo_safe(&target, &demo, &counts);
            check_pressure(&target, &demo, &counts);
            check_zones(&target, &demo, &counts);
            gt_replay_free(&demo);
        }
    }
    fprintf(stderr, "safety: %d steps, %d unsafe pressure cases, %d visits to places to avoid (%d inside another "
            "zone too); %d problems\n", counts.steps, counts.pressure_cases, counts.visits, counts.overlaps,
            counts.problems);
    assert_true(counts.steps > 0 && counts.visits >= counts.steps / 2);
    assert_int_equal(counts.problems, 0);
}

/* The places to avoid reach every technique that could harm them: each technique keeps off every
 * place to avoid on the front of the body (the carotid and throat, the armpits, the insides of
 * the elbows, the femoral triangles, the xiphoid), except lymphatic drainage, whose touch is
 * too light to harm and whose work clears the armpit's nodes; and each whose band reaches
 * level 7 keeps off the sciatic nerve, in the buttock and in the thigh. */
static void test_every_technique_keeps_off_the_places_it_could_harm(void **state) {
    (void)state;
    const GtBodyMap *front = gt_library_view(&gt_test_library, GT_VIEW_ANTERIOR);
    const GtBodyMap *back = gt_library_view(&gt_test_library, GT_VIEW_POSTERIOR);
    int front_zones = 0, nerve_zones = 0, missing = 0;
    for (size_t m = 0; m < front->landmark_count; m++) front_zones += front->landmarks[m].kind == GT_LANDMARK_AVOID;
    for (size_t m = 0; m < back->landmark_count; m++) nerve_zones += strncmp(back->landmarks[m].id, "sciatic-nerve", 13) == 0;
    for (size_t i = 0; i < gt_test_library.technique_count; i++) {
        const GtTechnique *t = &gt_test_library.techniques[i];
        for (size_t m = 0; m < front->landmark_count && strcmp(t->id, "lymphatic-drainage") != 0; m++) {
            const GtLandmark *zone = &front->landmarks[m];
            if (zone->kind != GT_LANDMARK_AVOID || gt_technique_avoids(t, zone)) continue;
            fprintf(stderr, "%s does not keep off %s\n", t->id, zone->id);
            missing++;
        }
        for (size_t m = 0; m < back->landmark_count && t->pressure_level.max >= 7; m++) {
            const GtLandmark *zone = &back->landmarks[m];
            if (strncmp(zone->id, "sciatic-nerve", 13) != 0 || gt_technique_avoids(t, zone)) continue;
            fprintf(stderr, "%s (up to level %g) does not keep off %s\n", t->id, t->pressure_level.max, zone->id);
            missing++;
        }
    }
    assert_true(front_zones >= 10); /* the carotids, throat, armpits, elbows, femoral triangles, xiphoid */
    assert_int_equal(nerve_zones, 4); /* the sciatic nerve, each side, in the buttock and the thigh */
    assert_int_equal(missing, 0);
}

/* The lessons whose condition lives next to a place to avoid keep every guide clear of it by the
 * movement's reach and a centimetre more, whatever the technique avoids on its own: sciatica work
 * stays off the sciatic nerve (even the light warm-up glide), the arm and hand lesson off the
 * insides of the elbows, chest opening off the armpits and the xiphoid. */
static void test_condition_lessons_keep_off_their_places(void **state) {
    (void)state;
    static const struct { const char *lesson; const char *zones[5]; } CASES[] = {
        { "sciatica-piriformis", { "sciatic-nerve-l", "sciatic-nerve-r", "sciatic-nerve-thigh-l", "sciatic-nerve-thigh-r" } },
        { "arm-hand-rsi", { "cubital-fossa-l", "cubital-fossa-r" } },
        { "chest-opening", { "axilla-l", "axilla-r", "xiphoid" } },
    };
    int checked = 0;
    for (size_t c = 0; c < sizeof CASES / sizeof CASES[0]; c++) {
        const GtLesson *lesson = gt_library_lesson(&gt_test_library, CASES[c].lesson);
        if (!lesson) fail_msg("lesson %s is missing", CASES[c].lesson);
        for (size_t s = 0; s < lesson->step_count; s++) {
            const GtStep *step = &lesson->steps[s];
            const GtBodyMap *map = gt_library_view(&gt_test_library, step->view);
            double reach = gt_pattern_reach_cm(step->technique), length = gt_polyline_length(&step->guide);
            for (int z = 0; z < 5 && CASES[c].zones[z]; z++) {
                const GtLandmark *zone = gt_bodymap_landmark(map, CASES[c].zones[z]);
                if (!zone) continue;
                for (double along = 0.0; along <= length + 0.01; along += 0.5) {
                    GtPoint p = gt_polyline_point_at(&step->guide, along, NULL);
                    double clear = gt_landmark_distance(zone, p) - zone->radius_cm - reach;
                    if (clear < 1.0)
                        fail_msg("%s step %zu comes within %.1f cm of %s", lesson->id, s + 1, clear, zone->id);
                }
                checked++;
            }
        }
    }
    assert_true(checked >= 12);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_unsafe_work_fails_and_is_named),
        cmocka_unit_test(test_every_technique_keeps_off_the_places_it_could_harm),
        cmocka_unit_test(test_condition_lessons_keep_off_their_places),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
