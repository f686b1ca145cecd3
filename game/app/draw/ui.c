/* ui: the trainer's drawing toolkit (see ui.h). */
#include "ui.h"
#include "frame_damage.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const SDL_Color PALETTE[GT_COL_COUNT] = {
    [GT_COL_BACKGROUND] = { 0xF4, 0xF1, 0xEC, 0xFF }, /* warm paper */
    [GT_COL_PANEL] = { 0xFF, 0xFF, 0xFF, 0xFF },
    [GT_COL_TEXT] = { 0x1F, 0x23, 0x28, 0xFF },       /* 14:1 on the panel */
    [GT_COL_MUTED] = { 0x5A, 0x60, 0x68, 0xFF },      /* 6.3:1 on the panel */
    [GT_COL_LINE] = { 0xD6, 0xD1, 0xC8, 0xFF },
    [GT_COL_ACCENT] = { 0x00, 0x72, 0xB2, 0xFF },     /* Okabe-Ito blue; white text 5.1:1 */
    [GT_COL_ACCENT_TEXT] = { 0xFF, 0xFF, 0xFF, 0xFF },
    [GT_COL_GOOD] = { 0x00, 0x9E, 0x73, 0xFF },       /* bluish green */
    [GT_COL_WARN] = { 0xE6, 0x9F, 0x00, 0xFF },       /* orange */
    [GT_COL_BAD] = { 0xD5, 0x5E, 0x00, 0xFF },        /* vermillion */
    [GT_COL_LIGHT] = { 0x56, 0xB4, 0xE9, 0xFF },      /* sky blue */
    [GT_COL_GUIDE] = { 0x00, 0x72, 0xB2, 0xFF },
    [GT_COL_HIGHLIGHT] = { 0xF0, 0xE4, 0x42, 0xFF },  /* yellow */
    [GT_COL_AVOID] = { 0xCC, 0x79, 0xA7, 0xFF },      /* reddish purple */
    [GT_COL_GOOD_TEXT] = { 0x00, 0x6B, 0x4E, 0xFF },  /* bluish green darkened for text: 6.6:1 */
    [GT_COL_BAD_TEXT] = { 0xA8, 0x3F, 0x00, 0xFF },   /* vermillion darkened for text: 5.9:1 */
};

/* The high-contrast palette: black on pure white, primary buttons black with yellow words;
 * every text colour >= 7:1 on the panel (and the words on a failure's banner >= 7:1 on it). */
static const SDL_Color HIGH_CONTRAST[GT_COL_COUNT] = {
    [GT_COL_BACKGROUND] = { 0xFF, 0xFF, 0xFF, 0xFF },
    [GT_COL_PANEL] = { 0xFF, 0xFF, 0xFF, 0xFF },
    [GT_COL_TEXT] = { 0x00, 0x00, 0x00, 0xFF },       /* 21:1 */
    [GT_COL_MUTED] = { 0x2B, 0x2B, 0x2B, 0xFF },      /* 14:1 */
    [GT_COL_LINE] = { 0x80, 0x80, 0x80, 0xFF },       /* tracks and card edges, 3.9:1 (buttons: outlined black) */
    [GT_COL_ACCENT] = { 0x00, 0x00, 0x00, 0xFF },     /* primary buttons: black ... */
    [GT_COL_ACCENT_TEXT] = { 0xFF, 0xE5, 0x00, 0xFF },/* ... with yellow words, 16:1 */
    [GT_COL_GOOD] = { 0x00, 0x87, 0x5A, 0xFF },
    [GT_COL_WARN] = { 0xF5, 0xA3, 0x00, 0xFF },       /* black words on it 10:1 */
    [GT_COL_BAD] = { 0x8A, 0x1C, 0x00, 0xFF },        /* yellow words on it 7.3:1 */
    [GT_COL_LIGHT] = { 0x4F, 0xA8, 0xE0, 0xFF },
    [GT_COL_GUIDE] = { 0x00, 0x33, 0xCC, 0xFF },      /* 9:1 on white, strong on the skin */
    [GT_COL_HIGHLIGHT] = { 0xFF, 0xE5, 0x00, 0xFF },
    [GT_COL_AVOID] = { 0xA0, 0x00, 0x6E, 0xFF },
    [GT_COL_GOOD_TEXT] = { 0x00, 0x60, 0x3F, 0xFF },  /* 7.7:1 */
    [GT_COL_BAD_TEXT] = { 0x8A, 0x1C, 0x00, 0xFF },   /* 9.3:1 */
};

SDL_Color gt_ui_colour(const GtUi *ui, GtColour colour) {
    const SDL_Color *palette = ui && ui->high_contrast ? HIGH_CONTRAST : PALETTE;
    return (unsigned)colour < GT_COL_COUNT ? palette[colour] : palette[GT_COL_TEXT];
}

void gt_ui_set_colour(GtUi *ui, GtColour colour, Uint8 alpha) {
    SDL_Color c = gt_ui_colour(ui, colour);
    SDL_SetRenderDrawColor(ui->renderer, c.r, c.g, c.b, alpha);
}

/* Closes every open font (sizes and weights); the slots become NULL. */
static void close_fonts(GtUi *ui) {
    for (int s = 0; s < GT_FONT_SIZE_COUNT; s++)
        for (int b = 0; b < 2; b++) {
            if (ui->fonts[s][b]) TTF_CloseFont(ui->fonts[s][b]);
            ui->fonts[s][b] = NULL;
        }
}

/* Empties one slot of the text cache (its texture is destroyed once the frame is drawn). */
static void forget_text(GtUi *ui, GtTextEntry *e) {
    if (e->texture) {
        gt_draw_drop_texture(e->texture);
        ui->text_bytes -= (size_t)e->w * (size_t)e->h * 4;
    }
    free(e->text);
    memset(e, 0, sizeof *e);
}

/* Forgets every cached text texture (after a font change they would be stale). */
static void clear_cache(GtUi *ui) {
    for (int i = 0; i < GT_TEXT_CACHE; i++) forget_text(ui, &ui->cache[i]);
    ui->text_bytes = 0;
}

/* Keeps the text cache's pixels under GT_TEXT_CACHE_BYTES by forgetting the texts drawn longest
 * ago; a text drawn in this frame is never forgotten (a frame's own texts may exceed it). */
static void bound_text_cache(GtUi *ui) {
    while (ui->text_bytes > GT_TEXT_CACHE_BYTES) {
        GtTextEntry *oldest = NULL;
        for (int i = 0; i < GT_TEXT_CACHE; i++) {
            GtTextEntry *e = &ui->cache[i];
            if (e->texture && e->used != ui->frame && (!oldest || e->used < oldest->used)) oldest = e;
        }
        if (!oldest) return;
        forget_text(ui, oldest);
    }
}

/* Opens the font of a size and weight (each size's faces are opened when first drawn: a face
 * holds the font's tables, and most screens use a few of the sizes); NULL when it cannot be. */
static TTF_Font *font_for(GtUi *ui, GtFontSize size, bool bold) {
    if ((unsigned)size >= GT_FONT_SIZE_COUNT) return NULL;
    TTF_Font **slot = &ui->fonts[size][bold ? 1 : 0];
    if (!*slot) {
        *slot = TTF_OpenFont(bold ? ui->font_bold : ui->font_regular, ui->font_px[size]);
        if (*slot) TTF_SetFontHinting(*slot, TTF_HINTING_LIGHT);
    }
    return *slot;
}

/* Closes the fonts and opens the body size of both weights again (the rest open when first
 * drawn); false when a font file cannot be opened. */
static bool open_fonts(GtUi *ui) {
    close_fonts(ui);
    return font_for(ui, GT_FONT_BODY, false) && font_for(ui, GT_FONT_BODY, true);
}

/* Sizes that follow the output: the spacing unit, the smallest touch target (at least 9 mm
 * and six units) and the font sizes; an unknown density counts as 96 dpi. Never fails. */
static void compute_metrics(GtUi *ui, int width, int height, double px_per_mm) {
    ui->width = width;
    ui->height = height;
    ui->px_per_mm = px_per_mm > 0.5 ? px_per_mm : 96.0 / 25.4;
    int shorter = width < height ? width : height;
    ui->unit = shorter / 90 > 4 ? shorter / 90 : 4;
    int nine_mm = (int)ceil(9.0 * ui->px_per_mm), pct = ui->large_text ? GT_UI_LARGE_TEXT_PCT : 100;
    ui->touch = (nine_mm > 6 * ui->unit ? nine_mm : 6 * ui->unit) * pct / 100;
    int body = shorter / 40;
    if (body < 14) body = 14;
    body = body * pct / 100;
    ui->font_px[GT_FONT_SMALL] = body * 4 / 5;
    ui->font_px[GT_FONT_BODY] = body;
    ui->font_px[GT_FONT_LARGE] = body * 5 / 4;
    ui->font_px[GT_FONT_TITLE] = body * 8 / 5;
    ui->font_px[GT_FONT_HUGE] = body * 3;
}

bool gt_ui_init(GtUi *ui, SDL_Renderer *renderer, const char *assets_dir, char *error, size_t error_size) {
    memset(ui, 0, sizeof *ui);
    ui->renderer = renderer;
    snprintf(ui->font_regular, sizeof ui->font_regular, "%s/fonts/Inter-Regular.otf", assets_dir);
    snprintf(ui->font_bold, sizeof ui->font_bold, "%s/fonts/Inter-SemiBold.otf", assets_dir);
    if (TTF_Init() != 0) {
        snprintf(error, error_size, "cannot start SDL_ttf: %s", TTF_GetError());
        return false;
    }
    compute_metrics(ui, 1280, 800, 0);
    ui->damage = gt_frame_list_new(renderer); /* NULL: frames are drawn at once and whole */
    if (!open_fonts(ui)) {
        snprintf(error, error_size, "cannot open the bundled font %s: %s", ui->font_regular, TTF_GetError());
        close_fonts(ui);
        TTF_Quit();
        gt_frame_list_free(ui->damage);
        ui->damage = NULL;
        return false;
    }
    return true;
}

void gt_ui_free(GtUi *ui) {
    clear_cache(ui);
    gt_ui_free_shapes(ui);
    gt_frame_list_free(ui->damage);
    ui->damage = NULL;
    close_fonts(ui);
    TTF_Quit();
}

void gt_ui_resize(GtUi *ui, int width_px, int height_px, double px_per_mm) {
    int old_body = ui->font_px[GT_FONT_BODY];
    compute_metrics(ui, width_px, height_px, px_per_mm);
    if (ui->font_px[GT_FONT_BODY] != old_body || !ui->fonts[GT_FONT_BODY][0]) {
        clear_cache(ui);
        if (!open_fonts(ui)) SDL_Log("guidedtouch: cannot reopen fonts: %s", TTF_GetError());
    }
}

void gt_ui_set_look(GtUi *ui, bool large_text, bool high_contrast) {
    ui->high_contrast = high_contrast; /* the text cache keys on colours: nothing to forget */
    if (ui->large_text == large_text) return;
    ui->large_text = large_text;
    gt_ui_resize(ui, ui->width, ui->height, ui->px_per_mm);
}

void gt_ui_begin_frame(GtUi *ui) {
    ui->frame++;
    ui->drawn_count = 0;
    gt_frame_begin(ui);
    SDL_RenderSetClipRect(ui->renderer, NULL);
    SDL_SetRenderDrawBlendMode(ui->renderer, SDL_BLENDMODE_BLEND);
    gt_ui_set_colour(ui, GT_COL_BACKGROUND, 255);
    gt_draw_clear(ui);
}

void gt_ui_clip(GtUi *ui, const SDL_Rect *rect) {
    SDL_RenderSetClipRect(ui->renderer, rect);
}

void gt_ui_warning_icon(GtUi *ui, int x, int y, int size) {
    double cx = x + size / 2.0, top = y + size * 0.06, bottom = y + size * 0.94, half = size * 0.5;
    double edge = fmax(2.0, size * 0.08);
    gt_ui_triangle(ui, cx, top - edge, cx - half - edge * 0.9, bottom + edge * 0.5, cx + half + edge * 0.9,
                   bottom + edge * 0.5, gt_ui_colour(ui, GT_COL_TEXT));
    gt_ui_triangle(ui, cx, top + edge * 0.9, cx - half + edge * 0.7, bottom - edge * 0.45, cx + half - edge * 0.7,
                   bottom - edge * 0.45, gt_ui_colour(ui, GT_COL_WARN));
    SDL_Color mark = gt_ui_colour(ui, GT_COL_TEXT);
    double bar = fmax(2.0, size * 0.11);
    gt_ui_thick_line(ui, cx, y + size * 0.38, cx, y + size * 0.64, bar, mark);
    gt_ui_fill_circle(ui, cx, y + size * 0.79, bar * 0.6, GT_COL_TEXT, 255);
}

void gt_ui_round_icon(GtUi *ui, int x, int y, int size, GtColour colour, const char *mark, GtColour mark_colour) {
    gt_ui_fill_circle(ui, x + size / 2.0, y + size / 2.0, size / 2.0, colour, 255);
    gt_ui_text_centred(ui, mark, (SDL_Rect){ x, y, size, size }, GT_FONT_BODY, true, mark_colour);
}

/* Finds or renders the texture for a text; NULL when it cannot be drawn. */
static GtTextEntry *text_entry(GtUi *ui, const char *text, GtFontSize size, bool bold, GtColour colour, int wrap) {
    if (!text || !text[0] || (unsigned)size >= GT_FONT_SIZE_COUNT) return NULL;
    SDL_Color c = gt_ui_colour(ui, colour);
    int px = ui->font_px[size];
    GtTextEntry *oldest = &ui->cache[0];
    for (int i = 0; i < GT_TEXT_CACHE; i++) {
        GtTextEntry *e = &ui->cache[i];
        if (e->texture && e->size == px && e->bold == bold && e->wrap == wrap && e->colour.r == c.r &&
            e->colour.g == c.g && e->colour.b == c.b && strcmp(e->text, text) == 0) {
            e->used = ui->frame;
            return e;
        }
        if (!e->texture || (oldest->texture && e->used < oldest->used)) oldest = e;
    }
    TTF_Font *font = font_for(ui, size, bold);
    if (!font) return NULL;
    SDL_Surface *surface = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(font, text, c, (Uint32)wrap)
                                    : TTF_RenderUTF8_Blended(font, text, c);
    if (!surface) return NULL;
    SDL_Texture *texture = SDL_CreateTextureFromSurface(ui->renderer, surface);
    int w = surface->w, h = surface->h;
    SDL_FreeSurface(surface);
    char *copy = texture ? malloc(strlen(text) + 1) : NULL;
    if (!copy) {
        if (texture) SDL_DestroyTexture(texture);
        return NULL;
    }
    strcpy(copy, text);
    forget_text(ui, oldest);
    int looks[5] = { px, bold, wrap, c.r << 16 | c.g << 8 | c.b, ui->high_contrast };
    Uint64 content = gt_draw_content_of(text, strlen(text), gt_draw_content_of(looks, sizeof looks, 0));
    *oldest = (GtTextEntry){ texture, copy, px, bold, wrap, w, h, c, ui->frame, content };
    ui->text_bytes += (size_t)w * (size_t)h * 4;
    bound_text_cache(ui);
    return oldest;
}

const GtDrawnText *gt_ui_drawn(const GtUi *ui, const char *needle) {
    for (int i = 0; i < ui->drawn_count; i++)
        if (strstr(ui->drawn[i].text, needle)) return &ui->drawn[i];
    return NULL;
}

/* Notes a text drawn at `rect` in the frame's list (the list keeps the first GT_DRAWN_MAX). */
static void note_drawn(GtUi *ui, const char *text, SDL_Rect rect, bool cut) {
    if (ui->drawn_count >= GT_DRAWN_MAX) return;
    GtDrawnText *d = &ui->drawn[ui->drawn_count++];
    snprintf(d->text, sizeof d->text, "%s", text);
    d->rect = rect;
    d->cut = cut;
}

void gt_ui_note_drawn(GtUi *ui, const GtDrawnText *text) {
    if (ui->drawn_count < GT_DRAWN_MAX) ui->drawn[ui->drawn_count++] = *text;
}

void gt_ui_text(GtUi *ui, const char *text, int x, int y, GtFontSize size, bool bold, GtColour colour,
                int wrap_px, int *w, int *h) {
    GtTextEntry *e = text_entry(ui, text, size, bold, colour, wrap_px);
    if (w) *w = e ? e->w : 0;
    if (h) *h = e ? e->h : 0;
    if (!e) return;
    SDL_Rect dst = { x, y, e->w, e->h };
    gt_draw_copy(ui, e->texture, e->content, NULL, &dst);
    note_drawn(ui, text, dst, false);
}

void gt_ui_text_fit(GtUi *ui, const char *text, int x, int y, int max_w, GtFontSize size, bool bold, GtColour colour) {
    TTF_Font *font = font_for(ui, size, bold);
    int w = 0;
    if (!font || !text || TTF_SizeUTF8(font, text, &w, NULL) != 0 || w <= max_w) {
        gt_ui_text(ui, text, x, y, size, bold, colour, 0, NULL, NULL);
        return;
    }
    char shortened[512];
    size_t len = strlen(text);
    if (len >= sizeof shortened - 4) len = sizeof shortened - 4;
    while (len > 0) {
        len--;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80) len--;   /* whole UTF-8 characters */
        memcpy(shortened, text, len);
        strcpy(shortened + len, "\xE2\x80\xA6");
        if (TTF_SizeUTF8(font, shortened, &w, NULL) == 0 && w <= max_w) break;
    }
    gt_ui_text(ui, shortened, x, y, size, bold, colour, 0, NULL, NULL);
    if (ui->drawn_count > 0) ui->drawn[ui->drawn_count - 1].cut = true;
}

void gt_ui_text_size(GtUi *ui, const char *text, GtFontSize size, bool bold, int wrap_px, int *w, int *h) {
    GtTextEntry *e = text_entry(ui, text, size, bold, GT_COL_TEXT, wrap_px);
    if (w) *w = e ? e->w : 0;
    if (h) *h = e ? e->h : 0;
}

void gt_ui_text_centred(GtUi *ui, const char *text, SDL_Rect rect, GtFontSize size, bool bold, GtColour colour) {
    GtTextEntry *e = text_entry(ui, text, size, bold, colour, 0);
    if (!e) return;
    SDL_Rect dst = { rect.x + (rect.w - e->w) / 2, rect.y + (rect.h - e->h) / 2, e->w, e->h };
    gt_draw_copy(ui, e->texture, e->content, NULL, &dst);
    note_drawn(ui, text, dst, false);
}

/* Draws a button's label centred in `rect`: bold at the body size, at the small size when that
 * is too wide, and wrapped over lines at the small size when even that is too wide (larger text
 * on a narrow button), so a label is never cut or spills over its neighbours. */
static void button_label(GtUi *ui, SDL_Rect rect, const char *label, GtColour colour) {
    int room = rect.w - ui->unit, w = 0, h = 0;
    gt_ui_text_size(ui, label, GT_FONT_BODY, true, 0, &w, NULL);
    if (w <= room) { gt_ui_text_centred(ui, label, rect, GT_FONT_BODY, true, colour); return; }
    gt_ui_text_size(ui, label, GT_FONT_SMALL, true, 0, &w, NULL);
    if (w <= room) { gt_ui_text_centred(ui, label, rect, GT_FONT_SMALL, true, colour); return; }
    gt_ui_text_size(ui, label, GT_FONT_SMALL, true, room, &w, &h);
    gt_ui_text(ui, label, rect.x + (rect.w - w) / 2, rect.y + (rect.h - h) / 2, GT_FONT_SMALL, true, colour, room,
               NULL, NULL);
}

void gt_ui_button(GtUi *ui, SDL_Rect rect, const char *label, bool primary, bool pressed) {
    int radius = ui->unit;
    if (!primary) gt_ui_fill_round_rect(ui, rect, radius, ui->high_contrast ? GT_COL_TEXT : GT_COL_LINE, 255);
    SDL_Rect inner = primary ? rect : (SDL_Rect){ rect.x + 2, rect.y + 2, rect.w - 4, rect.h - 4 };
    gt_ui_fill_round_rect(ui, inner, radius - 2, primary ? GT_COL_ACCENT : GT_COL_PANEL, pressed ? 200 : 255);
    button_label(ui, rect, label, primary ? GT_COL_ACCENT_TEXT : GT_COL_TEXT);
}
