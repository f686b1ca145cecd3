/* ui: the trainer's drawing toolkit: size metrics that follow the screen (physical
 * millimetres for touch targets, output pixels for sharp text), the Okabe-Ito palette,
 * filled shapes, cached text and the look of a button. It only draws: which places answer a
 * press is the screens' business (input/hits.h).
 *
 * Ownership: a GtUi owns its fonts and text textures; gt_ui_free releases them. */
#ifndef GT_UI_H
#define GT_UI_H

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>

#define GT_PI_2 1.57079632679489661923

/* Colours chosen for colour-vision deficiencies (Okabe-Ito) and >= 4.5:1 text contrast; the
 * high-contrast palette (black on white, yellow on black) gives text >= 7:1. */
typedef enum GtColour {
    GT_COL_BACKGROUND, GT_COL_PANEL, GT_COL_TEXT, GT_COL_MUTED, GT_COL_LINE, GT_COL_ACCENT,
    GT_COL_ACCENT_TEXT, GT_COL_GOOD, GT_COL_WARN, GT_COL_BAD, GT_COL_LIGHT, GT_COL_GUIDE,
    GT_COL_HIGHLIGHT, GT_COL_AVOID, GT_COL_GOOD_TEXT, GT_COL_BAD_TEXT, GT_COL_COUNT
} GtColour;

typedef enum GtFontSize { GT_FONT_SMALL, GT_FONT_BODY, GT_FONT_LARGE, GT_FONT_TITLE, GT_FONT_HUGE, GT_FONT_SIZE_COUNT } GtFontSize;

enum { GT_TEXT_CACHE_BYTES = 1 << 20, /* the text cache's pixels, at most (beyond one frame's own) */
       GT_SHAPE_CACHE = 32, GT_SHAPE_MAX_PX = 256, GT_TEXT_CACHE = 192, GT_DRAWN_MAX = 160, GT_DRAWN_CHARS = 200,
       GT_UI_LARGE_TEXT_PCT = 130 /* larger text: fonts and touch targets, percent of the usual */ };

/* A text drawn in the frame being drawn: what it said (its first GT_DRAWN_CHARS - 1 bytes),
 * where, and whether it was shortened with an ellipsis to fit. Tests and tools read these to
 * see what a student sees (a line shown, nothing cut, nothing outside the window). */
typedef struct GtDrawnText {
    char text[GT_DRAWN_CHARS];
    SDL_Rect rect;             /* output pixels */
    bool cut;                  /* gt_ui_text_fit shortened it */
} GtDrawnText;

typedef struct GtTextEntry {
    SDL_Texture *texture;      /* NULL when the slot is empty */
    char *text;
    int size, bold, wrap, w, h;
    SDL_Color colour;
    Uint32 used;               /* frame it was last drawn, for eviction */
    Uint64 content;            /* what the texture shows, for frame_damage.h */
} GtTextEntry;

/* A white anti-aliased disc or ring the shapes are tinted from (ui_shapes.c). */
typedef struct GtShapeEntry {
    SDL_Texture *texture;      /* NULL when the slot is empty */
    int outer, inner;          /* diameters in pixels; inner 0 for a disc */
    Uint32 used;               /* frame it was last drawn, for eviction */
    Uint64 content;            /* what the texture shows, for frame_damage.h */
} GtShapeEntry;

typedef struct GtUi {
    SDL_Renderer *renderer;
    int width, height;         /* output size in pixels */
    double px_per_mm;          /* physical scale, for touch targets */
    int unit;                  /* spacing unit in pixels */
    int touch;                 /* smallest touch target, pixels (>= 9 mm) */
    int font_px[GT_FONT_SIZE_COUNT];
    TTF_Font *fonts[GT_FONT_SIZE_COUNT][2]; /* [size][bold] */
    char font_regular[512], font_bold[512];
    GtTextEntry cache[GT_TEXT_CACHE];
    size_t text_bytes;         /* pixels held by the text cache, bytes */
    GtShapeEntry shapes[GT_SHAPE_CACHE];
    Uint32 frame;              /* frames begun, for the text cache's eviction */
    GtDrawnText drawn[GT_DRAWN_MAX]; /* the texts drawn since the frame began (the first GT_DRAWN_MAX) */
    int drawn_count;
    struct GtFrameList *damage; /* the frame's drawing calls, to draw only what changed (frame_damage.h) */
    bool large_text;           /* fonts and touch targets GT_UI_LARGE_TEXT_PCT of the usual */
    bool high_contrast;        /* the high-contrast palette */
} GtUi;

/* Opens the bundled fonts from `assets_dir`/fonts. False with a reason in `error` when they
 * cannot be opened. */
bool gt_ui_init(GtUi *ui, SDL_Renderer *renderer, const char *assets_dir, char *error, size_t error_size);
/* Closes the fonts and releases the cached text. */
void gt_ui_free(GtUi *ui);

/* Recomputes metrics for the output size and physical density; reopens fonts at the new
 * pixel sizes so text stays sharp. Call when the window or its display changes. */
void gt_ui_resize(GtUi *ui, int width_px, int height_px, double px_per_mm);

/* Chooses larger text (fonts and touch targets GT_UI_LARGE_TEXT_PCT of the usual, reopening
 * the fonts) and the high-contrast palette, for the output size last given; nothing changes
 * when both are as they were. A font that cannot be reopened is said through SDL_Log and its
 * texts are skipped. */
void gt_ui_set_look(GtUi *ui, bool large_text, bool high_contrast);

/* Starts a frame: clears the background and the list of texts drawn. When frames are recorded
 * (frame_damage.h), the frame reaches the screen at gt_ui_end_frame. */
void gt_ui_begin_frame(GtUi *ui);
/* Limits drawing to `rect` (NULL: no limit). */
void gt_ui_clip(GtUi *ui, const SDL_Rect *rect);

/* Notes `text` as drawn in this frame, for text put on the screen from a texture drawn earlier
 * (a cached layer). Nothing happens when the list is full. */
void gt_ui_note_drawn(GtUi *ui, const GtDrawnText *text);
/* The first text drawn in this frame that contains `needle`, or NULL. */
const GtDrawnText *gt_ui_drawn(const GtUi *ui, const char *needle);

/* A colour of the ui's palette, the usual or the high-contrast one (the text colour for an
 * unknown one); and the renderer set to draw with it. */
SDL_Color gt_ui_colour(const GtUi *ui, GtColour colour);
void gt_ui_set_colour(GtUi *ui, GtColour colour, Uint8 alpha);

/* Filled shapes in a palette colour at `alpha` (blended): a rectangle, one with round corners,
 * a disc and a ring. Shapes that cannot be drawn are skipped. */
void gt_ui_fill_rect(GtUi *ui, SDL_Rect rect, GtColour colour, Uint8 alpha);
void gt_ui_fill_round_rect(GtUi *ui, SDL_Rect rect, int radius, GtColour colour, Uint8 alpha);
void gt_ui_fill_circle(GtUi *ui, double cx, double cy, double radius, GtColour colour, Uint8 alpha);
void gt_ui_ring(GtUi *ui, double cx, double cy, double radius, double thickness, GtColour colour, Uint8 alpha);
/* Releases the cached shape textures (they are made again when next drawn). */
void gt_ui_free_shapes(GtUi *ui);
/* A thick line segment with round ends. */
void gt_ui_thick_line(GtUi *ui, double x0, double y0, double x1, double y1, double width, SDL_Color colour);
/* A filled triangle. */
void gt_ui_triangle(GtUi *ui, double x0, double y0, double x1, double y1, double x2, double y2, SDL_Color colour);

/* A warning sign inside a size x size square at (x, y): an orange triangle outlined in the text
 * colour with an exclamation mark drawn as shapes, so it needs no glyph from the font. */
void gt_ui_warning_icon(GtUi *ui, int x, int y, int size);
/* A round sign inside a size x size square at (x, y): a filled circle of `colour` with one
 * short UTF-8 mark (e.g. "i", "!") centred on it in `mark_colour`. */
void gt_ui_round_icon(GtUi *ui, int x, int y, int size, GtColour colour, const char *mark, GtColour mark_colour);

/* Draws UTF-8 text with its top-left at (x, y); wraps at `wrap_px` when > 0. Returns its size
 * in *w, *h (either may be NULL). Text that cannot be drawn is skipped. */
void gt_ui_text(GtUi *ui, const char *text, int x, int y, GtFontSize size, bool bold, GtColour colour,
                int wrap_px, int *w, int *h);
/* Draws single-line text no wider than `max_w`, shortened with an ellipsis when needed. */
void gt_ui_text_fit(GtUi *ui, const char *text, int x, int y, int max_w, GtFontSize size, bool bold, GtColour colour);

/* Measures without drawing. */
void gt_ui_text_size(GtUi *ui, const char *text, GtFontSize size, bool bold, int wrap_px, int *w, int *h);
/* Centres text in a rectangle (single line). */
void gt_ui_text_centred(GtUi *ui, const char *text, SDL_Rect rect, GtFontSize size, bool bold, GtColour colour);

/* Draws a button with its label centred; `primary` fills it with the accent, `pressed` dims it
 * while a finger or the mouse holds it down. */
void gt_ui_button(GtUi *ui, SDL_Rect rect, const char *label, bool primary, bool pressed);

#endif
