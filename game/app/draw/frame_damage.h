/* frame_damage: the toolkit's only ways onto the screen, and frames that change only what
 * changed.
 *
 * While the trainer records its frames (gt_ui_record_frames, for a renderer whose screen keeps
 * its pixels from one frame to the next: SDL's software renderer), every gt_draw_* call aimed at
 * the screen is kept in a list instead of drawn, and folded into a hash of each GT_DAMAGE_TILE
 * square of pixels it may touch. gt_ui_end_frame then compares each square's hash with the last
 * frame's and draws again only the squares that differ, by replaying the list clipped to them;
 * the rest of the screen keeps its pixels. A frame whose squares mostly changed, the first frame,
 * a new size, or a frame after gt_ui_forget_screen is replayed whole. Drawing into a texture (a
 * body view's layer) is never recorded: it happens at once.
 *
 * What a call draws is hashed from what decides its pixels (positions, colours, blending, clip,
 * and for a texture its content, given by the caller), never from pointers, so a texture made
 * again with the same content counts as unchanged and one drawn anew under the same pointer does
 * not.
 *
 * Ownership: a GtUi owns its list (gt_ui_init makes it, gt_ui_free frees it). A texture dropped
 * with gt_draw_drop_texture while a frame is recorded is destroyed once the frame is drawn. */
#ifndef GT_FRAME_DAMAGE_H
#define GT_FRAME_DAMAGE_H

#include "ui.h"

#include <SDL.h>
#include <stdbool.h>

enum { GT_DAMAGE_TILE = 32,       /* pixels per side of a square compared from frame to frame */
       GT_DAMAGE_RECTS = 8 };     /* the changed squares are redrawn as at most this many rectangles */

/* Makes the list of a GtUi; NULL when memory ran out (the ui then draws at once, always whole). */
struct GtFrameList *gt_frame_list_new(SDL_Renderer *renderer);
/* Frees a list and destroys the textures it still held. NULL is ignored. */
void gt_frame_list_free(struct GtFrameList *list);

/* Turns recording on or off (off: every call draws at once). Call it with true only when the
 * renderer's screen keeps its pixels between frames. */
void gt_ui_record_frames(GtUi *ui, bool on);
/* Starts a frame's list (gt_ui_begin_frame calls it); recording only when it is on and the
 * renderer draws unscaled onto the whole output. */
void gt_frame_begin(GtUi *ui);
/* Draws the frame recorded since gt_ui_begin_frame: only the squares that changed, or all of it.
 * Nothing happens when nothing was recorded (the calls were drawn at once). */
void gt_ui_end_frame(GtUi *ui);
/* The next recorded frame is drawn whole (e.g. after the screen's pixels were changed by other
 * means). */
void gt_ui_forget_screen(GtUi *ui);
/* Pixels drawn again by the last gt_ui_end_frame (the whole output for a whole frame), and in
 * how many rectangles; 0 and 0 when it drew nothing. */
long gt_ui_redrawn_px(const GtUi *ui, int *rects);

/* The drawing calls. Each draws as its SDL namesake would with the renderer's state now (draw
 * colour, blend mode, clip rectangle; a texture's colour and alpha modulation and blend mode). */
void gt_draw_clear(GtUi *ui);
void gt_draw_fill_rects(GtUi *ui, const SDL_Rect *rects, int count);
/* `content` identifies what the texture shows (equal content, equal pixels). */
void gt_draw_copy(GtUi *ui, SDL_Texture *texture, Uint64 content, const SDL_Rect *src, const SDL_Rect *dst);
void gt_draw_geometry(GtUi *ui, const SDL_Vertex *vertices, int count);

/* A content id no other texture has had, for a texture drawn anew (a layer, an art). */
Uint64 gt_draw_new_content(void);
/* A content id from bytes that decide a texture's pixels (a text and its font and colour). */
Uint64 gt_draw_content_of(const void *bytes, size_t size, Uint64 seed);
/* Destroys a texture now, or once the frame being recorded has been drawn. NULL is ignored. */
void gt_draw_drop_texture(SDL_Texture *texture);

#endif
