/* skin_tones: the settings screen's skin-tone row and its preview of the figure. Each tone the
 * figure can be drawn in is a swatch button (a hand-sized square painted in the tone's own
 * colour, read from the art) that answers a tap anywhere on it; the one chosen is framed thick
 * and ticked, and its name is said in words on the row, so colour is never the only cue. The
 * preview is the front of the figure in the tone in force, beside the settings (or under them
 * when there is no room beside), so a tap shows its effect at once.
 *
 * Ownership: a GtToneGrid is a plain value; everything else is borrowed through the context. */
#ifndef GT_SKIN_TONES_H
#define GT_SKIN_TONES_H

#include "screens.h"

typedef struct GtToneGrid {
    SDL_Rect row;                           /* the whole row (its frame) */
    SDL_Rect swatches[GT_SKIN_TONE_COUNT];  /* each tone's button, light to dark */
    int text_w;                             /* the wrap width of the row's words */
    int words_h;                            /* the height of the row's part with its words */
} GtToneGrid;

/* Lays the row out at (x, y), `width` pixels wide: the words at the left and the swatches at the
 * right, or the swatches under the words when the row is too narrow for both. */
void gt_tones_grid(const GtScreenContext *c, int x, int y, int width, GtToneGrid *grid);

/* Declares a swatch button per tone (shortcuts F5-F9), labelled "Skin tone: <Name>" (and
 * ", chosen" for the one in force). */
void gt_tones_layout(const GtScreenContext *c, const GtToneGrid *grid, GtHitMap *hits);

/* Draws the row: its frame, "Skin tone" with the tone in force in words, and the swatches. */
void gt_tones_draw(const GtScreenContext *c, const GtToneGrid *grid);

/* The words of a tone for people ("Medium-dark"). */
const char *gt_tones_word(GtSkinTone tone);

/* Draws the front of the figure, whole, in the tone in force, inside `area` (output pixels);
 * nothing for an empty area. */
void gt_tones_draw_preview(const GtScreenContext *c, SDL_Rect area);

#endif
