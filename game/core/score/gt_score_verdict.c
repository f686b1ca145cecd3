/* What the criteria alone cannot say: how much of the work was done, whether the attempt was
 * safe and was this step at all, and the grade those and the rubric allow. */
#include "gt_safety.h"
#include "gt_score_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Doing this share of the work asked for costs nothing; below it the total shrinks in step. */
static const double COMPLETION_FREE_PCT = 80.0;
/* Strokes of a glide are the guide lengths travelled, counting a stroke once this share of its
 * length is done (a stroke broken by a lift still counts once: the lift is continuity's). */
static const double STROKE_DONE_SHARE = 0.8;
/* A hold that kept its level for this share of the shortest hold asked for counts as one (how
 * long it lasted is the hold criterion's business). */
static const double HOLD_COUNT_SHARE = 0.2;
/* Not this step: no time span (ms), mostly off the body (share), far from the guide (cm beyond
 * the movement's reach, typical distance), no movement (cm of travel). */
static const double NO_SPAN_MS = 100.0, OFF_BODY_SHARE = 0.5, FAR_FROM_GUIDE_CM = 5.0, NO_MOVEMENT_CM = 2.0;
/* A glide whose direction agreement is this low (%) went the wrong way. */
static const double REVERSED_PCT = 35.0;
static const double CAP_BELOW_SCORE = 60.0;
static const int RUBRIC_LIFTS = 2;

/* Strokes of a glide: the guide lengths the contacts travelled along it. */
static double glide_strokes(const GtScoreInput *in) {
    const GtPointList *guide = &in->target->step->guide;
    double length = gt_polyline_length(guide), travelled = 0.0;
    size_t index = 0;
    for (size_t c = 0; c < in->replay->contact_count; c++) {
        const GtContact *contact = &in->replay->contacts[c];
        double lo = INFINITY, hi = -INFINITY;
        for (size_t k = 0; k < contact->count; k++, index++) {
            GtPoint p = { contact->samples[k].x_cm, contact->samples[k].y_cm };
            double along = gt_guide_projection(in, index, p).along_cm;
            lo = fmin(lo, along);
            hi = fmax(hi, along);
        }
        if (contact->count) travelled += hi - lo;
    }
    return length > 0.0 ? floor(travelled / length + (1.0 - STROKE_DONE_SHARE)) : 0.0;
}

/* The work done in the unit the step counts, and that unit's name. */
static double work_done(const GtScoreInput *in, const char **unit) {
    const GtTechnique *t = in->target->technique;
    switch (t->pattern) {
    case GT_PATTERN_GLIDE: *unit = "strokes"; return glide_strokes(in);
    case GT_PATTERN_CIRCLE: *unit = "circles"; return (double)in->cycles->count;
    case GT_PATTERN_KNEAD: *unit = "kneading cycles"; return (double)in->cycles->count;
    case GT_PATTERN_CROSS_FIBRE: *unit = "strokes"; return (double)in->cycles->count;
    case GT_PATTERN_TAP: *unit = "taps"; return (double)in->cycles->count;
    case GT_PATTERN_ROLL: *unit = "passes"; return (double)in->cycles->count;
    case GT_PATTERN_HOLD: *unit = "holds"; return (double)gt_count_holds(in, HOLD_COUNT_SHARE * t->hold_s.min);
    case GT_PATTERN_COUNT: break;
    }
    *unit = "";
    return 0.0;
}

static double attempt_seconds(const GtReplay *replay) {
    double first = 0.0, last = 0.0;
    return gt_replay_time_span(replay, &first, &last) ? (last - first) / 1000.0 : 0.0;
}

void gt_score_completion(const GtScoreInput *in, GtScoreCard *card) {
    const GtStep *step = in->target->step;
    GtCompletion *c = &card->completion;
    c->factor = 1.0;
    if (step->repetitions > 0) {
        c->asked = step->repetitions;
        c->done = work_done(in, &c->unit);
    } else if (step->duration_s > 0.0) {
        c->asked = step->duration_s;
        c->done = gt_shown(attempt_seconds(in->raw), 1.0);
        c->unit = "s";
    } else {
        return;
    }
    c->applies = true;
    c->percent = fmin(100.0, 100.0 * c->done / c->asked);
    c->factor = fmin(1.0, c->percent / COMPLETION_FREE_PCT);
    bool seconds = strcmp(c->unit, "s") == 0;
    if (c->factor < 1.0 && seconds)
        snprintf(c->feedback, sizeof c->feedback, "Only %.0f s of the %.0f s worked; keep going for the whole "
                 "%.0f s.", c->done, c->asked, c->asked);
    else if (c->factor < 1.0)
        snprintf(c->feedback, sizeof c->feedback, "Only %.0f of %.0f %s done; finish all %.0f.", c->done, c->asked,
                 c->unit, c->asked);
    else if (seconds)
        snprintf(c->feedback, sizeof c->feedback, "Worked %.0f s of the %.0f s asked.", c->done, c->asked);
    else
        snprintf(c->feedback, sizeof c->feedback, "%.0f of %.0f %s done.", fmin(c->done, c->asked), c->asked,
                 c->unit);
    card->total = gt_shown(card->total * c->factor, 0.1);
}

/* Share of contact time spent off the body map's silhouette, read every tenth sample of the
 * conditioned stroke (every 100 ms), which is plenty for a share and keeps long holds cheap. */
static double off_body_share(const GtScoreInput *in) {
    double off = 0.0, all = 0.0;
    for (size_t c = 0; c < in->replay->contact_count; c++) {
        const GtContact *contact = &in->replay->contacts[c];
        for (size_t k = 0; k < contact->count; k += 10) {
            GtPoint p = { contact->samples[k].x_cm, contact->samples[k].y_cm };
            off += !gt_bodymap_on_body(in->target->map, p);
            all += 1.0;
        }
    }
    return all > 0.0 ? off / all : 0.0;
}

static double travel_cm(const GtReplay *replay) {
    double travel = 0.0;
    for (size_t c = 0; c < replay->contact_count; c++)
        for (size_t k = 1; k < replay->contacts[c].count; k++)
            travel += hypot(replay->contacts[c].samples[k].x_cm - replay->contacts[c].samples[k - 1].x_cm,
                            replay->contacts[c].samples[k].y_cm - replay->contacts[c].samples[k - 1].y_cm);
    return travel;
}

/* Fills the reason when the attempt is not this step at all; false when it is. */
static bool not_this_step(const GtScoreInput *in, char *reason, size_t size) {
    const GtStep *step = in->target->step;
    GtPattern pattern = in->target->technique->pattern;
    const char *place = step->guide_is_point ? "marked spot" : "guide";
    size_t samples = gt_replay_sample_count(in->raw);
    double far = 0.0, off = 0.0, travel = 0.0;
    if (samples == 0) {
        snprintf(reason, size, "Nothing traced: no contact was recorded.");
    } else if (attempt_seconds(in->raw) * 1000.0 < NO_SPAN_MS) {
        snprintf(reason, size, "No time span: all %zu samples arrived within %.0f ms; a stroke takes time.",
                 samples, NO_SPAN_MS);
    } else if (in->target->map && (off = off_body_share(in)) > OFF_BODY_SHARE) {
        snprintf(reason, size, "Off the body: %.0f%% of your contact was off the body map; work on the %s.",
                 100.0 * off, place);
    } else if ((far = gt_median_guide_excess(in)) > FAR_FROM_GUIDE_CM) {
        snprintf(reason, size, "Not on this step's place: your hand stayed about %.0f cm from the %s; work on the "
                 "%s.", far, place, place);
    } else if (pattern != GT_PATTERN_HOLD && pattern != GT_PATTERN_TAP &&
               (travel = travel_cm(in->replay)) < NO_MOVEMENT_CM) {
        snprintf(reason, size, "No movement: your hand moved only %.1f cm; this step asks you to move along the %s.",
                 travel, place);
    } else {
        return false;
    }
    return true;
}

/* Fills the reason when a glide whose direction is its point went the wrong way. */
static bool wrong_direction(const GtScoreInput *in, const GtScoreCard *card, char *reason, size_t size) {
    const GtTechnique *t = in->target->technique;
    const GtCriterionScore *direction = gt_card_criterion(card, GT_CRITERION_DIRECTION);
    if (!t->reversal_fails || t->pattern != GT_PATTERN_GLIDE || !direction || isnan(direction->measured) ||
        direction->measured >= REVERSED_PCT)
        return false;
    snprintf(reason, size, "Wrong way: only %.0f%% of your stroke went the way this technique must go. %s",
             direction->measured, direction->feedback);
    return true;
}

void gt_score_verdict(const GtScoreInput *in, GtScoreCard *card) {
    const GtTechnique *t = in->target->technique;
    if (gt_safety_scan(t, t->pressure_level, in->target->map, in->replay, card) > 0) {
        card->verdict = GT_VERDICT_UNSAFE;
        snprintf(card->verdict_reason, sizeof card->verdict_reason, "%s", card->safety[0].message);
    } else if (not_this_step(in, card->verdict_reason, sizeof card->verdict_reason)) {
        card->verdict = GT_VERDICT_NOT_THIS_STEP;
        card->total = 0.0;   /* nothing of this step was done, however well it was done */
    } else if (wrong_direction(in, card, card->verdict_reason, sizeof card->verdict_reason)) {
        card->verdict = GT_VERDICT_WRONG_DIRECTION;
    }
}

/* The grade one letter lower (D stays D). */
static const char *lower_grade(const char *grade) {
    static const char *const LADDER = "SABCD";
    const char *at = strchr(LADDER, grade[0]);
    return at && at[1] ? (const char *[]){ "S", "A", "B", "C", "D" }[at - LADDER + 1] : "D";
}

void gt_score_grade(const GtScoreInput *in, GtScoreCard *card) {
    const char *grade = gt_grade_for(card->total);
    card->passed = card->verdict == GT_VERDICT_SCORED && card->total >= card->pass_mark;
    if (card->verdict != GT_VERDICT_SCORED) {
        snprintf(card->grade, sizeof card->grade, "F");
        return;
    }
    const GtCriterionScore *lowest = NULL;
    for (size_t i = 0; i < card->criterion_count; i++)
        if (!lowest || card->criteria[i].score < lowest->score) lowest = &card->criteria[i];
    if (lowest && lowest->score < CAP_BELOW_SCORE && (grade[0] == 'S' || grade[0] == 'A')) {
        grade = "B";
        card->capped = true;
        snprintf(card->cap_reason, sizeof card->cap_reason, "Grade capped at B: %s scored %.0f. %s",
                 gt_criterion_name(lowest->criterion), lowest->score, lowest->feedback);
    }
    const GtCriterionScore *continuity = gt_card_criterion(card, GT_CRITERION_CONTINUITY);
    if (in->target->technique->pattern == GT_PATTERN_GLIDE && continuity && !isnan(continuity->measured) &&
        continuity->measured >= RUBRIC_LIFTS && grade[0] != 'D') {
        grade = lower_grade(grade);
        card->capped = true;
        snprintf(card->cap_reason, sizeof card->cap_reason, "Grade lowered to %s: two or more lifts in a glide "
                 "lower the grade. %s", grade, continuity->feedback);
    }
    snprintf(card->grade, sizeof card->grade, "%s", grade);
}
