#include "scorecard_write.h"

#include <cjson/cJSON.h>
#include <math.h>

/* Two decimals are all a person reads, and they keep the output stable. */
static double round2(double value) {
    return round(value * 100.0) / 100.0;
}

char *gt_scorecard_to_json(const GtScoreCard *card) {
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
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    return text;
}
