#include "renderer_choice.h"

#include <stdbool.h>
#include <dirent.h>
#include <string.h>

enum { GL_RENDERER_NAME = 0x1F01 }; /* GL_RENDERER, for glGetString */

/* True when `renderer` is OpenGL drawn by the CPU (its GL_RENDERER names a software rasteriser). */
static bool gl_on_the_cpu(SDL_Renderer *renderer) {
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(renderer, &info) != 0 || strncmp(info.name, "opengl", 6) != 0) return false;
    typedef const unsigned char *(*GetString)(unsigned int);
    void *address = SDL_GL_GetProcAddress("glGetString");
    GetString get_string = NULL;
    if (address) memcpy(&get_string, &address, sizeof get_string); /* an object pointer to a function's */
    const char *name = get_string ? (const char *)get_string(GL_RENDERER_NAME) : NULL;
    return name && (strstr(name, "llvmpipe") || strstr(name, "softpipe") || strstr(name, "Software Rasterizer") ||
                    strstr(name, "swrast"));
}

/* True when the machine has a graphics device OpenGL could run on (a DRM render node); without
 * one Mesa would draw OpenGL with the CPU, and merely trying loads LLVM (about 70 MB). */
static bool has_render_node(void) {
    DIR *dir = opendir("/dev/dri");
    if (!dir) return false;
    bool found = false;
    for (struct dirent *entry; !found && (entry = readdir(dir));) found = strncmp(entry->d_name, "renderD", 7) == 0;
    closedir(dir);
    return found;
}

/* SDL's software renderer writing into the window's own framebuffer (not through a GL texture). */
static SDL_Renderer *software_renderer(SDL_Window *window) {
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_Renderer *renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer) SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, NULL);
    return renderer;
}

SDL_Renderer *gt_renderer_open(SDL_Window *window) {
    bool named = SDL_GetHint(SDL_HINT_RENDER_DRIVER) != NULL;
    if (!named && !has_render_node()) {
        SDL_Renderer *renderer = software_renderer(window);
        if (renderer) return renderer;
    }
    SDL_Renderer *renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    if (renderer && !named && gl_on_the_cpu(renderer)) { /* a GPU, but not for this display (Xvfb, say) */
        SDL_DestroyRenderer(renderer);
        renderer = software_renderer(window);
        if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
    }
    if (!renderer) renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    return renderer;
}
