/* test_cautions: what a student and an instructor read before a lesson. Every bundled lesson has
 * cautions with their sources; the lessons warn about what their condition and their techniques
 * call for (headache and sciatica red flags, a clot in the calf, fresh injuries before friction,
 * blood thinners and osteoporosis before deep pressure, GB21 in pregnancy, lymphoedema, hot
 * joints); a lesson's list names each sentence once, red flags first; and a lesson without any
 * gets a located warning with the fix. */
#include "test_support.h"
#include "loaders.h"

#include <stdio.h>
#include <string.h>

/* The cautions a lesson shows, gathered into `out`; fails when there are none. */
static size_t shown(const GtLesson *lesson, GtLessonCaution out[GT_LESSON_CAUTIONS_MAX]) {
    size_t n = gt_lesson_cautions(lesson, out, GT_LESSON_CAUTIONS_MAX);
    if (n == 0) fail_msg("%s shows no cautions", lesson->id);
    return n;
}

/* True when the lesson shows a caution of `kind` whose sentence holds `words`. */
static bool shows(const GtLesson *lesson, GtCautionKind kind, const char *words) {
    GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
    size_t n = gt_lesson_cautions(lesson, list, GT_LESSON_CAUTIONS_MAX);
    for (size_t i = 0; i < n; i++)
        if (list[i].caution->kind == kind && strstr(list[i].caution->text, words)) return true;
    return false;
}

/* Fails unless lesson `id` shows a caution of `kind` that says `words`. */
static void expect(const char *id, GtCautionKind kind, const char *words) {
    const GtLesson *lesson = gt_library_lesson(&gt_test_library, id);
    assert_non_null(lesson);
    if (!shows(lesson, kind, words))
        fail_msg("%s does not show a %s saying \"%s\"", id, gt_caution_kind_name(kind), words);
}

/* True when a step of the lesson uses technique `id`, or works region `region` (either may be NULL). */
static bool uses(const GtLesson *lesson, const char *id, const char *region) {
    for (size_t s = 0; s < lesson->step_count; s++) {
        const GtStep *step = &lesson->steps[s];
        if (id && strcmp(step->technique_id, id) == 0) return true;
        if (region && strncmp(step->region, region, strlen(region)) == 0) return true;
    }
    return false;
}

/* Every bundled lesson lists cautions of its own, shows at least one contraindication or red
 * flag, each with a source, each sentence once, red flags before contraindications before
 * advice, and a kind word a student reads. */
static void test_every_lesson_has_cautions(void **state) {
    (void)state;
    assert_true(gt_test_library.lesson_count >= 10);
    for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
        const GtLesson *lesson = &gt_test_library.lessons[l];
        if (lesson->caution_count == 0) fail_msg("%s lists no cautions of its own", lesson->id);
        GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
        size_t n = shown(lesson, list);
        bool serious = false;
        for (size_t i = 0; i < n; i++) {
            const GtCaution *c = list[i].caution;
            serious |= c->kind != GT_CAUTION_ADVICE;
            assert_true(strlen(c->text) >= 20 && strlen(c->source) >= 10);
            assert_true(strcmp(gt_caution_kind_label(c->kind), "Note") != 0);
            if (i > 0) assert_true(list[i - 1].caution->kind <= c->kind);
            for (size_t k = 0; k < i; k++)
                if (strcmp(list[k].caution->text, c->text) == 0) fail_msg("%s shows \"%s\" twice", lesson->id, c->text);
        }
        if (!serious) fail_msg("%s shows no contraindication or red flag", lesson->id);
    }
}

/* The conditions' own warnings: headache, migraine and sciatica red flags, GB21 in pregnancy,
 * lymphoedema, hot joints, a trapped nerve in the hand, chest pain, cranial work after a head
 * injury, a ball near the groin or the sciatic nerve, and the domain texts' advice to consult
 * first and to say when it hurts. */
static void test_conditions_carry_their_red_flags(void **state) {
    (void)state;
    expect("tension-headache", GT_CAUTION_RED_FLAG, "\"worst ever\"");
    expect("tension-headache", GT_CAUTION_RED_FLAG, "fever and a stiff neck");
    expect("tension-headache", GT_CAUTION_RED_FLAG, "after a head injury");
    expect("tension-headache", GT_CAUTION_RED_FLAG, "weakness, numbness");
    expect("lower-back-basics", GT_CAUTION_RED_FLAG, "loss of bladder or bowel control");
    expect("lower-back-basics", GT_CAUTION_RED_FLAG, "numbness around the genitals or buttocks");
    expect("lower-back-basics", GT_CAUTION_RED_FLAG, "leg weakness");
    expect("neck-shoulder-tension", GT_CAUTION_CONTRAINDICATION, "GB21");
    expect("neck-shoulder-tension", GT_CAUTION_CONTRAINDICATION, "pregnant");
    expect("lymphatic-drainage-arm", GT_CAUTION_CONTRAINDICATION, "certified lymphoedema therapist");
    expect("gentle-arthritis", GT_CAUTION_CONTRAINDICATION, "swollen, hot");
    expect("migraine-gentle", GT_CAUTION_RED_FLAG, "\"worst ever\"");
    expect("migraine-gentle", GT_CAUTION_RED_FLAG, "fever and a stiff neck");
    expect("migraine-gentle", GT_CAUTION_RED_FLAG, "aura lasting over an hour");
    expect("migraine-gentle", GT_CAUTION_RED_FLAG, "weakness on one side");
    expect("migraine-gentle", GT_CAUTION_CONTRAINDICATION, "during a migraine attack");
    expect("sciatica-piriformis", GT_CAUTION_RED_FLAG, "loss of bladder or bowel control");
    expect("sciatica-piriformis", GT_CAUTION_RED_FLAG, "numbness around the genitals or buttocks");
    expect("sciatica-piriformis", GT_CAUTION_RED_FLAG, "leg weakness that is getting worse");
    expect("sciatica-piriformis", GT_CAUTION_RED_FLAG, "both legs");
    expect("sciatica-piriformis", GT_CAUTION_CONTRAINDICATION, "off the sciatic nerve");
    expect("deep-tissue-back", GT_CAUTION_RED_FLAG, "loss of bladder or bowel control");
    expect("arm-hand-rsi", GT_CAUTION_RED_FLAG, "weak grip");
    expect("arm-hand-rsi", GT_CAUTION_CONTRAINDICATION, "inside of the elbow");
    expect("chest-opening", GT_CAUTION_RED_FLAG, "heart attack");
    expect("chest-opening", GT_CAUTION_CONTRAINDICATION, "breast tissue");
    expect("chest-opening", GT_CAUTION_CONTRAINDICATION, "nerves pass under pectoralis minor");
    expect("craniosacral-introduction", GT_CAUTION_CONTRAINDICATION, "recent head injury or skull fracture");
    expect("craniosacral-introduction", GT_CAUTION_ADVICE, "not as a cure");
    expect("foot-reflexology", GT_CAUTION_CONTRAINDICATION, "broken skin");
    expect("foot-reflexology", GT_CAUTION_ADVICE, "not proven anatomy");
    expect("neuromuscular-upper-trapezius", GT_CAUTION_CONTRAINDICATION, "pregnant");
    /* a ball at the front of the hip: a pulsing belly, a hernia, pregnancy; in the buttock: the
     * sciatic nerve and its emergency signs */
    expect("hip-flexor-ball", GT_CAUTION_RED_FLAG, "pulsing lump");
    expect("hip-flexor-ball", GT_CAUTION_CONTRAINDICATION, "hernia");
    expect("hip-flexor-ball", GT_CAUTION_CONTRAINDICATION, "pregnancy");
    expect("hip-flexor-ball", GT_CAUTION_ADVICE, "Go gently");
    expect("glute-self-massage", GT_CAUTION_RED_FLAG, "loss of bladder or bowel control");
    expect("glute-self-massage", GT_CAUTION_CONTRAINDICATION, "off the sciatic nerve");
    for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
        const char *id = gt_test_library.lessons[l].id;
        expect(id, GT_CAUTION_ADVICE, "say at once when a stroke hurts");
        if (strcmp(id, "sports-recovery-legs") != 0 && strcmp(id, "sports-pre-event-legs") != 0)
            expect(id, GT_CAUTION_ADVICE, "check with your doctor");
    }
}

/* What the techniques bring wherever they are used: a clot or varicose veins before work on the
 * calf, a pulse or a nerve under a massage ball, a fresh injury before friction and trigger points, blood thinners and osteoporosis
 * before deep pressure (a step that may go to level 7 or more). */
static void test_techniques_bring_their_cautions(void **state) {
    (void)state;
    for (size_t l = 0; l < gt_test_library.lesson_count; l++) {
        const GtLesson *lesson = &gt_test_library.lessons[l];
        if (uses(lesson, NULL, "calf")) {
            expect(lesson->id, GT_CAUTION_RED_FLAG, "blood clot (DVT)");
            expect(lesson->id, GT_CAUTION_CONTRAINDICATION, "varicose veins");
        }
        if (uses(lesson, "ball-rolling", NULL))
            expect(lesson->id, GT_CAUTION_CONTRAINDICATION, "if you feel a pulse, tingling, numbness");
        if (uses(lesson, "cross-fibre-friction", NULL) || uses(lesson, "trigger-point-compression", NULL) ||
            uses(lesson, "circular-friction", NULL))
            expect(lesson->id, GT_CAUTION_CONTRAINDICATION, "less than 72 hours old");
        bool deep = false;
        for (size_t s = 0; s < lesson->step_count; s++) deep |= lesson->steps[s].technique->pressure_level.max >= 7.0;
        if (deep) expect(lesson->id, GT_CAUTION_CONTRAINDICATION, "blood thinners (anticoagulants) or with osteoporosis");
    }
}

/* A lesson of the trainer's format with `cautions` (a JSON member and comma, or "") before its
 * steps: a tap (tapotement warns about varicose veins and fresh injuries) and a hold. */
static void probe_text(char *buffer, size_t size, const char *cautions) {
    snprintf(buffer, size,
        "{\"format\": \"guidedtouch-lesson\", \"version\": 1, \"id\": \"probe\", \"title\": \"Probe\",\n"
        " \"level\": \"beginner\", \"condition\": \"none\", \"duration_min\": 5, \"summary\": \"A probe.\",\n"
        " %s\"steps\": [\n"
        "  {\"technique\": \"tapotement\", \"view\": \"posterior\", \"region\": \"calf-r\",\n"
        "   \"guide\": {\"point\": [58, 140]}, \"duration_s\": 8, \"pass_mark\": 65, \"instruction\": \"Tap.\",\n"
        "   \"hint\": \"Loosely.\"},\n"
        "  {\"technique\": \"acupressure-hold\", \"view\": \"posterior\", \"region\": \"upper-trapezius-r\",\n"
        "   \"guide\": {\"point\": [60.5, 35.1]}, \"repetitions\": 1, \"pass_mark\": 65, \"instruction\": \"Hold.\",\n"
        "   \"hint\": \"Still.\"}\n"
        " ]}\n", cautions);
}

/* Loads a probe lesson against the bundled library, with its warnings; fails on a problem. */
static void load_probe(const char *text, GtArena *arena, GtLesson *lesson, GtDiag *warnings) {
    GtReferences refs = gt_library_references(&gt_test_library);
    GtDiag diag;
    gt_diag_init(&diag);
    bool ok = gt_load_lesson("probe.json", text, strlen(text), &refs, arena, &diag, lesson);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    assert_true(ok);
    gt_lint_lesson(lesson, &refs, text, strlen(text), warnings);
}

/* A sentence the lesson and its technique both list is shown once, as the lesson's; the
 * technique's other cautions follow in kind order. */
static void test_a_sentence_is_shown_once(void **state) {
    (void)state;
    const GtTechnique *tap = gt_library_technique(&gt_test_library, "tapotement");
    assert_true(tap->caution_count >= 2);
    char member[1024], text[4096];
    snprintf(member, sizeof member, "\"cautions\": [{\"text\": \"%s\", \"kind\": \"%s\", \"source\": \"NHS\"}, "
             "{\"text\": \"Call for help if you feel faint.\", \"kind\": \"red-flag\", \"source\": \"a test\"}],\n ",
             tap->cautions[1].text, gt_caution_kind_name(tap->cautions[1].kind));
    probe_text(text, sizeof text, member);
    GtArena arena;
    gt_arena_init(&arena);
    GtDiag warnings;
    gt_diag_init(&warnings);
    GtLesson lesson;
    load_probe(text, &arena, &lesson, &warnings);
    assert_int_equal(warnings.count, 0);
    GtLessonCaution list[GT_LESSON_CAUTIONS_MAX];
    size_t n = gt_lesson_cautions(&lesson, list, GT_LESSON_CAUTIONS_MAX);
    assert_int_equal(n, 1 + tap->caution_count);
    assert_string_equal(list[0].caution->text, "Call for help if you feel faint.");
    assert_null(list[0].from);
    size_t twice = 0;
    for (size_t i = 0; i < n; i++) {
        if (strcmp(list[i].caution->text, tap->cautions[1].text) != 0) continue;
        twice++;
        assert_null(list[i].from); /* the lesson's own, listed first */
    }
    assert_int_equal(twice, 1);
    /* a list too small takes the first ones, and says how many it took */
    assert_int_equal(gt_lesson_cautions(&lesson, list, 1), 1);
    assert_int_equal(gt_lesson_cautions(NULL, list, GT_LESSON_CAUTIONS_MAX), 0);
    gt_diag_free(&warnings);
    gt_arena_free(&arena);
}

/* A lesson without cautions of its own still loads, with one located warning that says what to
 * add; an empty list is warned about at its key. */
static void test_a_lesson_without_cautions_is_warned(void **state) {
    (void)state;
    char text[4096];
    const char *members[] = { "", "\"cautions\": [],\n " };
    const int lines[] = { 1, 3 }, columns[] = { 1, 2 };
    const char *paths[] = { "", "cautions" };
    for (int k = 0; k < 2; k++) {
        probe_text(text, sizeof text, members[k]);
        GtArena arena;
        gt_arena_init(&arena);
        GtDiag warnings;
        gt_diag_init(&warnings);
        GtLesson lesson;
        load_probe(text, &arena, &lesson, &warnings);
        gt_diag_print(&warnings, stderr);
        assert_int_equal(lesson.caution_count, 0);
        assert_int_equal(warnings.count, 1);
        const GtDiagEntry *e = &warnings.entries[0];
        assert_int_equal(e->line, lines[k]);
        assert_int_equal(e->column, columns[k]);
        assert_string_equal(e->json_path, paths[k]);
        assert_non_null(strstr(e->message, "warning: the lesson lists no cautions"));
        assert_non_null(strstr(e->message, "add \"cautions\": [{\"text\""));
        gt_diag_free(&warnings);
        gt_arena_free(&arena);
    }
}

/* A sentence listed twice in one file is reported where it repeats. */
static void test_a_repeated_caution_is_located(void **state) {
    (void)state;
    char text[4096];
    probe_text(text, sizeof text, "\"cautions\": [{\"text\": \"Say so.\", \"kind\": \"advice\", \"source\": \"x\"},\n"
               "  {\"text\": \"Say so.\", \"kind\": \"advice\", \"source\": \"y\"}],\n ");
    GtReferences refs = gt_library_references(&gt_test_library);
    GtArena arena;
    gt_arena_init(&arena);
    GtDiag diag;
    gt_diag_init(&diag);
    GtLesson lesson;
    assert_false(gt_load_lesson("probe.json", text, strlen(text), &refs, &arena, &diag, &lesson));
    gt_diag_print(&diag, stderr);
    assert_int_equal(diag.count, 1);
    assert_int_equal(diag.entries[0].line, 4);
    assert_int_equal(diag.entries[0].column, 12);
    assert_string_equal(diag.entries[0].json_path, "cautions[1].text");
    assert_non_null(strstr(diag.entries[0].message, "already cautions[0]; remove one"));
    gt_diag_free(&diag);
    gt_arena_free(&arena);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_lesson_has_cautions),
        cmocka_unit_test(test_conditions_carry_their_red_flags),
        cmocka_unit_test(test_techniques_bring_their_cautions),
        cmocka_unit_test(test_a_sentence_is_shown_once),
        cmocka_unit_test(test_a_lesson_without_cautions_is_warned),
        cmocka_unit_test(test_a_repeated_caution_is_located),
    };
    return cmocka_run_group_tests(tests, gt_test_group_load, gt_test_group_free);
}
