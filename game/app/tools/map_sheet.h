/* map_sheet: the body map drawn for authors: one view, every region tinted and numbered, every
 * place to avoid lettered, a centimetre grid, and a legend of numbers and letters with the
 * regions' and zones' names and ids. Nothing it makes outlives the call. */
#ifndef GT_MAP_SHEET_H
#define GT_MAP_SHEET_H

#include <stdbool.h>
#include <stddef.h>
#include "gt_bodymap.h"

/* Draws `map` (whose art and the fonts are under data_dir/assets) at px_per_cm, in skin tone
 * `tone` (NULL: the art's own) and writes it to `path` as a PNG. SDL and SDL_ttf must be
 * initialised (no window or video driver is needed). False with the reason in `error` when
 * the fonts, the tone or the file cannot be had. */
bool gt_map_sheet_write(const GtBodyMap *map, const char *data_dir, const char *path, double px_per_cm,
                        const char *tone, char *error, size_t error_size);

#endif
