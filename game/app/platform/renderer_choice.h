/* renderer_choice: which SDL renderer the trainer draws with. SDL prefers OpenGL; where OpenGL
 * is drawn by the CPU (Mesa's llvmpipe or softpipe, as on a kiosk without a graphics driver or
 * under Xvfb) that costs about 90 MB (LLVM) and twice the CPU of SDL's own software renderer
 * writing straight into the window's framebuffer, so the trainer takes that one instead: at once
 * when the machine has no graphics device (no /dev/dri render node), else after asking OpenGL
 * what draws it. A renderer named by the user (SDL_RENDER_DRIVER) is always honoured. */
#ifndef GT_RENDERER_CHOICE_H
#define GT_RENDERER_CHOICE_H

#include <SDL.h>

/* Opens the renderer for `window` as above (vsync where it is offered); NULL with SDL's error
 * when none opens. The renderer belongs to the caller. */
SDL_Renderer *gt_renderer_open(SDL_Window *window);

#endif
