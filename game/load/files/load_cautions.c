/* load_cautions: techniques' and lessons' "cautions" lists (see load_cautions.h). */
#include "load_cautions.h"

#include <stdio.h>
#include <string.h>

/* Reads one caution object at `path` into *out (strings copied into the arena). False after
 * reporting; *out then holds what did read. */
static bool load_caution(GtJsonDoc *doc, const cJSON *item, const GtPath *path, GtArena *arena, GtCaution *out) {
    static const char *const keys[] = { "text", "kind", "source", NULL };
    out->text = out->source = "";
    out->kind = GT_CAUTION_ADVICE;
    if (!cJSON_IsObject(item)) {
        gt_json_error(doc, path, "expected a caution {\"text\": ..., \"kind\": ..., \"source\": ...}, found %s",
                      gt_json_type_name(item));
        return false;
    }
    bool ok = gt_json_check_keys(doc, item, path, keys);
    const char *text = NULL, *source = NULL;
    int kind = 0;
    if (gt_json_string(doc, item, path, "text", true, GT_CAUTION_TEXT_MAX, &text)) out->text = gt_arena_strdup(arena, text);
    else ok = false;
    if (gt_json_enum(doc, item, path, "kind", true, GT_CAUTION_KIND_NAMES, GT_CAUTION_KIND_COUNT, &kind))
        out->kind = (GtCautionKind)kind;
    else ok = false;
    if (gt_json_string(doc, item, path, "source", true, GT_CAUTION_SOURCE_MAX, &source))
        out->source = gt_arena_strdup(arena, source);
    else ok = false;
    return ok;
}

/* Reports caution `i` when an earlier one in the list says the same sentence. */
static bool check_repeat(GtJsonDoc *doc, const GtPath *item_path, const GtCaution *list, size_t i) {
    for (size_t k = 0; k < i; k++) {
        if (!list[i].text[0] || strcmp(list[k].text, list[i].text) != 0) continue;
        GtPath text_path = gt_path_key(item_path, "text");
        gt_json_error(doc, &text_path, "the same caution is already cautions[%zu]; remove one of them", k);
        return false;
    }
    return true;
}

bool gt_load_cautions(GtJsonDoc *doc, const cJSON *object, const GtPath *path, GtArena *arena,
                      const GtCaution **out, size_t *count) {
    *out = NULL;
    *count = 0;
    const cJSON *list = cJSON_GetObjectItemCaseSensitive(object, "cautions");
    if (!list) return true;
    GtPath at = gt_path_key(path, "cautions");
    int size = cJSON_GetArraySize(list);
    if (!cJSON_IsArray(list) || size > GT_CAUTIONS_MAX) {
        char found[32];
        snprintf(found, sizeof found, "%d cautions", size);
        gt_json_error(doc, &at, "expected an array of at most %d cautions, found %s", GT_CAUTIONS_MAX,
                      cJSON_IsArray(list) ? found : gt_json_type_name(list));
        return false;
    }
    if (size == 0) return true;
    GtCaution *cautions = gt_arena_array(arena, (size_t)size, sizeof *cautions);
    if (!cautions) return false;
    bool ok = true;
    size_t i = 0;
    for (const cJSON *item = list->child; item; item = item->next, i++) {
        GtPath item_path = gt_path_index(&at, i);
        ok = load_caution(doc, item, &item_path, arena, &cautions[i]) && ok;
        ok = check_repeat(doc, &item_path, cautions, i) && ok;
    }
    *out = cautions;
    *count = i;
    return ok;
}
