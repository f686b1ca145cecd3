#include "scorecard_write.h"

#include <cjson/cJSON.h>
#include <math.h>

/* Two decimals are all a person reads, and they keep the output stable. */
static double round2(double value) {
    return round(value * 100.0) / 100.0;
}

/* The verdict, grade cap, completion and safety entries: what decides the card beyond its criteria. */
static void add_outcome(cJSON *root, const GtScoreCard *card) {
    cJSON_AddStringToObject(root, "verdict", gt_verdict_name(card->verdict));
    if (card->verdict_reason[0]) cJSON_AddStringToObject(root, "verdict_reason", card->verdict_reason);
    if (card->capped) cJSON_AddStringToObject(root, "cap", card->cap_reason);
    const GtCompletion *c = &card->completion;
    if (c->applies) {
        cJSON *item = cJSON_AddObjectToObject(root, "completion");
        cJSON_AddNumberToObject(item, "done", round2(c->done));
        cJSON_AddNumberToObject(item, "asked", round2(c->asked));
        cJSON_AddStringToObject(item, "unit", c->unit ? c->unit : "");
        cJSON_AddNumberToObject(item, "percent", round2(c->percent));
        cJSON_AddNumberToObject(item, "factor", round2(c->factor));
        cJSON_AddStringToObject(item, "feedback", c->feedback);
    }
    cJSON *safety = cJSON_AddArrayToObject(root, "safety");
    for (size_t i = 0; i < card->safety_count; i++) {
        const GtSafetyEntry *e = &card->safety[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(safety, item);
        cJSON_AddStringToObject(item, "kind", gt_safety_kind_name(e->kind));
        if (e->place[0]) {
            cJSON_AddStringToObject(item, "place", e->place);
            cJSON_AddStringToObject(item, "place_name", e->place_name);
        } else {
            cJSON_AddNumberToObject(item, "level", round2(e->level));
        }
        cJSON_AddNumberToObject(item, "seconds", round2(e->seconds));
        cJSON_AddStringToObject(item, "message", e->message);
    }
}

cJSON *gt_scorecard_to_cjson(const GtScoreCard *card) {
    cJSON *root = cJSON_CreateObject();
    if (!root) return NULL;
    cJSON_AddStringToObject(root, "lesson", card->lesson);
    cJSON_AddNumberToObject(root, "step", card->step);
    cJSON_AddStringToObject(root, "technique", card->technique);
    cJSON_AddNumberToObject(root, "total", card->total);
    cJSON_AddStringToObject(root, "grade", card->grade);
    cJSON_AddBoolToObject(root, "passed", card->passed);
    cJSON_AddNumberToObject(root, "pass_mark", card->pass_mark);
    cJSON *criteria = cJSON_AddArrayToObject(root, "criteria");
    for (size_t i = 0; i < card->criterion_count; i++) {
        const GtCriterionScore *c = &card->criteria[i];
        cJSON *item = cJSON_CreateObject();
        cJSON_AddItemToArray(criteria, item);
        cJSON_AddStringToObject(item, "name", gt_criterion_name(c->criterion));
        cJSON_AddNumberToObject(item, "score", c->score);
        if (isnan(c->measured)) cJSON_AddNullToObject(item, "measured");
        else cJSON_AddNumberToObject(item, "measured", round2(c->measured));
        cJSON_AddNumberToObject(item, "target_min", round2(c->target_min));
        cJSON_AddNumberToObject(item, "target_max", round2(c->target_max));
        cJSON_AddStringToObject(item, "unit", c->unit ? c->unit : "");
        cJSON_AddNumberToObject(item, "weight", c->weight);
        cJSON_AddStringToObject(item, "feedback", c->feedback);
    }
    add_outcome(root, card);
    return root;
}

char *gt_scorecard_to_json(const GtScoreCard *card) {
    cJSON *root = gt_scorecard_to_cjson(card);
    char *text = root ? cJSON_Print(root) : NULL;
    cJSON_Delete(root);
    return text;
}
