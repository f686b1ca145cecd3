/* hits: the places on screen that answer a press (see hits.h). */
#include "hits.h"

#include <stdio.h>
#include <string.h>

void gt_hits_clear(GtHitMap *map, int screen) {
    map->count = 0;
    map->screen = screen;
}

GtHit *gt_hits_add(GtHitMap *map, GtHitKind kind, SDL_Rect rect, int action) {
    if (map->count >= GT_HITS_MAX || rect.w <= 0 || rect.h <= 0) return NULL;
    GtHit *hit = &map->hits[map->count++];
    memset(hit, 0, sizeof *hit);
    hit->kind = kind;
    hit->rect = rect;
    hit->action = action;
    return hit;
}

GtHit *gt_hits_add_button(GtHitMap *map, SDL_Rect rect, const char *label, int action, SDL_Keycode key,
                          bool primary) {
    GtHit *hit = gt_hits_add(map, GT_HIT_BUTTON, rect, action);
    if (!hit) return NULL;
    snprintf(hit->label, sizeof hit->label, "%s", label ? label : "");
    hit->key = key;
    hit->primary = primary;
    return hit;
}

const GtHit *gt_hits_at(const GtHitMap *map, int x_px, int y_px) {
    SDL_Point p = { x_px, y_px };
    for (int i = map->count; i-- > 0;)
        if (SDL_PointInRect(&p, &map->hits[i].rect)) return &map->hits[i];
    return NULL;
}

const GtHit *gt_hits_find(const GtHitMap *map, GtHitKind kind) {
    for (int i = 0; i < map->count; i++)
        if (map->hits[i].kind == kind) return &map->hits[i];
    return NULL;
}

const GtHit *gt_hits_find_action(const GtHitMap *map, int action) {
    for (int i = 0; i < map->count; i++)
        if (map->hits[i].action == action && action != GT_HIT_NO_ACTION) return &map->hits[i];
    return NULL;
}

int gt_hits_action_for_key(const GtHitMap *map, SDL_Keycode key) {
    for (int i = 0; key && i < map->count; i++)
        if (map->hits[i].key == key && map->hits[i].action != GT_HIT_NO_ACTION) return map->hits[i].action;
    return GT_HIT_NO_ACTION;
}
