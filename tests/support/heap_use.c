/* heap_use: see heap_use.h. */
#include "heap_use.h"
#include "app_state.h"

#include <sqlite3.h>
#include <string.h>

/* ASan's allocator statistics (sanitizer/allocator_interface.h; GCC 12 ships the function in
 * libasan but not that header, so it is declared here as the header declares it). */
#if defined(__has_include) && __has_include(<sanitizer/allocator_interface.h>)
#include <sanitizer/allocator_interface.h>
#else
size_t __sanitizer_get_current_allocated_bytes(void);
#endif

size_t gt_test_live_heap(void) {
    return __sanitizer_get_current_allocated_bytes();
}

size_t gt_test_heap_without_caches(GtApp *app) {
    size_t caches = (size_t)sqlite3_memory_used();
    for (int i = 0; i < GT_TEXT_CACHE; i++)
        if (app->ui.cache[i].texture)
            caches += (size_t)app->ui.cache[i].w * (size_t)app->ui.cache[i].h * 4 + strlen(app->ui.cache[i].text) + 1025;
    for (int i = 0; i < GT_SHAPE_CACHE; i++) /* a square texture of each ring or disc size drawn */
        if (app->ui.shapes[i].texture) caches += (size_t)app->ui.shapes[i].outer * (size_t)app->ui.shapes[i].outer * 4;
    size_t heap = gt_test_live_heap();
    return heap > caches ? heap - caches : 0;
}
