/* Small helpers shared by the loaders and the library. */
#include "loaders.h"

#include <cjson/cJSON.h>
#include <string.h>

bool gt_peek_format(const char *text, size_t length, char *format, size_t size) {
    cJSON *root = cJSON_ParseWithLength(text, length);
    const cJSON *item = cJSON_GetObjectItemCaseSensitive(root, "format");
    bool ok = cJSON_IsString(item) && item->valuestring;
    if (ok) snprintf(format, size, "%s", item->valuestring);
    cJSON_Delete(root);
    return ok;
}

void gt_file_stem(const char *file, char *stem, size_t size) {
    const char *base = strrchr(file, '/');
    base = base ? base + 1 : file;
    snprintf(stem, size, "%s", base);
    size_t len = strlen(stem);
    if (len > 5 && strcmp(stem + len - 5, ".json") == 0) stem[len - 5] = '\0';
}
