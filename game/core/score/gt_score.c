#include "gt_score.h"
#include "gt_score_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rounds to one decimal so that a card printed and a card compared agree exactly. */
static double round1(double value) {
    return round(value * 10.0) / 10.0;
}

static const char *const VERDICT_NAMES[GT_VERDICT_COUNT] = {
    "scored", "unsafe", "not-this-step", "wrong-direction"
};
static const char *const SAFETY_KIND_NAMES[GT_SAFETY_KIND_COUNT] = {
    "injurious-pressure", "over-band", "avoid-zone"
};

const char *gt_verdict_name(GtVerdict verdict) {
    return (unsigned)verdict < GT_VERDICT_COUNT ? VERDICT_NAMES[verdict] : "unknown";
}

const char *gt_safety_kind_name(GtSafetyKind kind) {
    return (unsigned)kind < GT_SAFETY_KIND_COUNT ? SAFETY_KIND_NAMES[kind] : "unknown";
}

const char *gt_grade_for(double total) {
    if (total >= 95.0) return "S";
    if (total >= 90.0) return "A";
    if (total >= 80.0) return "B";
    if (total >= 70.0) return "C";
    return "D";
}

const GtCriterionScore *gt_card_criterion(const GtScoreCard *card, GtCriterion criterion) {
    for (size_t i = 0; i < card->criterion_count; i++)
        if (card->criteria[i].criterion == criterion) return &card->criteria[i];
    return NULL;
}

void gt_pick_worst(const GtSubScore *subs, size_t count, GtCriterionScore *out) {
    size_t worst = 0, reason = count;
    for (size_t i = 0; i < count; i++) {
        if (subs[i].score < subs[worst].score) worst = i;
        if (reason == count && round1(subs[i].score) < 100.0) reason = i;
    }
    out->score = subs[worst].score;
    worst = reason < count ? reason : worst;
    out->measured = subs[worst].measured;
    out->target_min = subs[worst].target_min;
    out->target_max = subs[worst].target_max;
    out->unit = subs[worst].unit;
    snprintf(out->feedback, sizeof out->feedback, "%s", subs[worst].feedback);
}

void gt_unmeasured(GtCriterionScore *out, double target_min, double target_max, const char *unit,
                   const char *feedback) {
    out->score = 0.0;
    out->measured = NAN;
    out->target_min = target_min;
    out->target_max = target_max;
    out->unit = unit;
    snprintf(out->feedback, sizeof out->feedback, "%s", feedback);
}

static const char *pressure_word(double level) {
    if (level <= 3.0) return "light";
    if (level <= 6.0) return "moderate";
    if (level <= 8.0) return "deep";
    return "very deep";
}

void gt_pressure_words(GtRange band, char *buffer, size_t size) {
    const char *low = pressure_word(band.min), *high = pressure_word(band.max);
    if (strcmp(low, high) == 0) snprintf(buffer, size, "%s", low);
    else snprintf(buffer, size, "%s to %s", low, high);
}


double gt_shown(double value, double step) {
    if (isnan(value) || !(step > 0.0)) return value;
    return round(value / step) * step;
}

typedef void (*CriterionFunction)(const GtScoreInput *, GtCriterionScore *);

static const CriterionFunction CRITERION_FUNCTIONS[GT_CRITERION_COUNT] = {
    gt_score_path, gt_score_direction, gt_score_pressure, gt_score_speed,
    gt_score_rhythm, gt_score_continuity, gt_score_hold
};

/* Fills the card's criteria and their weighted mean; `ok` false marks every criterion as not
 * judged for lack of memory. */
static void score_criteria(const GtScoreInput *in, bool ok, GtScoreCard *card) {
    const GtTechnique *t = in->target->technique;
    bool empty = gt_replay_sample_count(in->raw) == 0;
    double weighted = 0.0, weights = 0.0;
    for (int c = 0; c < GT_CRITERION_COUNT; c++) {
        if (t->weights[c] <= 0.0) continue;
        GtCriterionScore *entry = &card->criteria[card->criterion_count++];
        entry->criterion = (GtCriterion)c;
        entry->weight = t->weights[c];
        if (!ok)
            gt_unmeasured(entry, 0, 0, "", "Out of memory while scoring; the attempt could not be judged.");
        else if (empty)
            gt_unmeasured(entry, 0, 0, "", "No contact was recorded: press on the body and trace the guide.");
        else
            CRITERION_FUNCTIONS[c](in, entry);
        entry->score = round1(entry->score);
        weighted += entry->weight * entry->score;
        weights += entry->weight;
    }
    card->total = weights > 0.0 ? round1(weighted / weights) : 0.0;
}

/* What an attempt is judged from: the replay conditioned (smooth, evenly sampled) and the
 * technique's cycles found in it. `conditioned_ok`: *conditioned was made (free it); the return:
 * the cycles were found too (free them). */
static bool prepare_input(const GtScoreTarget *target, const GtReplay *replay, GtReplay *conditioned,
                          GtCycles *cycles, bool *conditioned_ok, GtScoreInput *input) {
    double jitter = 0.0;
    *conditioned_ok = gt_condition_replay(replay, conditioned, &jitter);
    bool ok = *conditioned_ok && gt_detect_technique_cycles(target->technique, conditioned, jitter, cycles);
    *input = (GtScoreInput){ target, *conditioned_ok ? conditioned : replay, replay,
                             &target->technique->tolerances[target->level], ok ? cycles : NULL,
                             gt_pattern_reach_cm(target->technique), jitter, NULL, NULL, NULL, 0 };
    return ok;
}

bool gt_score_completion_only(const GtScoreTarget *target, const GtReplay *replay, GtCompletion *out) {
    memset(out, 0, sizeof *out);
    GtScoreCard *card = calloc(1, sizeof *card);
    if (!card) return false;
    GtReplay conditioned;
    GtCycles cycles;
    GtScoreInput input;
    bool conditioned_ok = false;
    bool ok = prepare_input(target, replay, &conditioned, &cycles, &conditioned_ok, &input);
    if (ok) {
        gt_score_completion(&input, card);
        *out = card->completion;
        gt_cycles_free(&cycles);
    }
    if (conditioned_ok) gt_replay_free(&conditioned);
    free(card);
    return ok;
}

GtProjection gt_guide_projection(const GtScoreInput *in, size_t index, GtPoint p) {
    return in->on_guide ? in->on_guide[index] : gt_polyline_project(&in->target->step->guide, p);
}

/* Every sample of `replay` projected onto `guide`, contact after contact (malloc'd, the caller
 * frees it); NULL when there are none or memory runs out. */
static GtProjection *project_samples(const GtReplay *replay, const GtPointList *guide) {
    size_t total = gt_replay_sample_count(replay), n = 0;
    GtProjection *out = total ? malloc(total * sizeof *out) : NULL;
    for (size_t c = 0; out && c < replay->contact_count; c++) {
        const GtContact *contact = &replay->contacts[c];
        for (size_t k = 0; k < contact->count; k++) {
            GtPoint p = { contact->samples[k].x_cm, contact->samples[k].y_cm };
            out[n++] = gt_polyline_project(guide, p);
        }
    }
    return out;
}

bool gt_score_attempt(const GtScoreTarget *target, const GtReplay *replay, GtScoreCard *card) {
    const GtTechnique *t = target->technique;
    memset(card, 0, sizeof *card);
    snprintf(card->lesson, sizeof card->lesson, "%s", target->lesson_id ? target->lesson_id : "");
    snprintf(card->technique, sizeof card->technique, "%s", t->id);
    card->step = target->step_number;
    card->pass_mark = target->step->pass_mark;

    GtReplay conditioned;
    GtCycles cycles;
    GtScoreInput input;
    bool conditioned_ok = false;
    bool ok = prepare_input(target, replay, &conditioned, &cycles, &conditioned_ok, &input);
    GtProjection *on_guide = project_samples(input.replay, &target->step->guide);
    input.on_guide = on_guide;
    GtWeighted *excess = gt_guide_excess_items(&input, &input.excess_count);
    bool orderable = excess != NULL; /* a NaN has no place in an order: then each criterion sorts its own */
    for (size_t i = 0; orderable && i < input.excess_count; i++) orderable = !isnan(excess[i].value);
    GtWeighted *excess_sorted = orderable ? malloc(input.excess_count * sizeof *excess_sorted) : NULL;
    if (excess_sorted) {
        memcpy(excess_sorted, excess, input.excess_count * sizeof *excess_sorted);
        gt_weighted_quantile(excess_sorted, input.excess_count, 0.5); /* sorts them */
        input.excess = excess;
        input.excess_sorted = excess_sorted;
    } else {
        input.excess_count = 0;
    }
    score_criteria(&input, ok, card);
    if (ok) {
        gt_score_completion(&input, card);
        gt_score_verdict(&input, card);
        gt_cycles_free(&cycles);
    }
    gt_score_grade(&input, card);
    free(on_guide);
    free(excess);
    free(excess_sorted);
    if (conditioned_ok) gt_replay_free(&conditioned);
    return ok;
}
