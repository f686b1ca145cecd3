/* hits: the places on the screen showing now that answer a press. Each screen declares its own
 * (buttons, lesson cards, a list that scrolls, and on the practice screen alone the tracing
 * area and the pressure slider) every time it is laid out, and the map is rebuilt whole when
 * the screen changes, so nothing from one screen answers on another. The router sends each
 * press to the hit under it; the screen draws its buttons from the same map, so what is drawn
 * is what is pressed.
 *
 * Ownership: a GtHitMap is a plain value with no pointers; its owner keeps it (the GtApp). */
#ifndef GT_HITS_H
#define GT_HITS_H

#include <SDL.h>
#include <stdbool.h>

typedef enum GtHitKind {
    GT_HIT_BUTTON,   /* a button: a press and release on it gives its action */
    GT_HIT_CARD,     /* a lesson card: likewise */
    GT_HIT_TRACE,    /* the body, where presses become contacts of the attempt */
    GT_HIT_SLIDER,   /* the pressure gauge, held as a slider */
    GT_HIT_LIST      /* a list the wheel and the arrow keys scroll */
} GtHitKind;

enum { GT_HITS_MAX = 64, GT_HIT_LABEL_MAX = 48, GT_HIT_NO_ACTION = -1 };

typedef struct GtHit {
    GtHitKind kind;
    SDL_Rect rect;                  /* output pixels */
    int action;                     /* buttons and cards: what a press asks for; else GT_HIT_NO_ACTION */
    SDL_Keycode key;                /* the keyboard shortcut, or 0 */
    char label[GT_HIT_LABEL_MAX];   /* buttons: the words on it */
    bool primary;                   /* the screen's main button (drawn filled) */
} GtHit;

typedef struct GtHitMap {
    GtHit hits[GT_HITS_MAX];        /* in the order declared; later ones lie on top */
    int count;
    int screen;                     /* the screen that declared them (its GtScreenId) */
} GtHitMap;

/* Empties the map for `screen`. */
void gt_hits_clear(GtHitMap *map, int screen);

/* Adds an area; returns it for the caller to fill in further, or NULL when the map is full (the
 * area then answers no press) or the rectangle is empty. */
GtHit *gt_hits_add(GtHitMap *map, GtHitKind kind, SDL_Rect rect, int action);

/* Adds a button with its words and shortcut; NULL as gt_hits_add. */
GtHit *gt_hits_add_button(GtHitMap *map, SDL_Rect rect, const char *label, int action, SDL_Keycode key,
                          bool primary);

/* The topmost area at a point (output pixels), or NULL. */
const GtHit *gt_hits_at(const GtHitMap *map, int x_px, int y_px);

/* The first area of a kind, or NULL. */
const GtHit *gt_hits_find(const GtHitMap *map, GtHitKind kind);

/* The first hit with `action`, or NULL. */
const GtHit *gt_hits_find_action(const GtHitMap *map, int action);

/* The action of the button or card with this shortcut, or GT_HIT_NO_ACTION. */
int gt_hits_action_for_key(const GtHitMap *map, SDL_Keycode key);

#endif
