/* config_path: the one rule for a folder or file path a setting holds (data_dir, database,
 * lesson_packs), whether it comes from a file or the command line, so that whatever the trainer
 * takes `print-config --json` can write and the file loader reads back as the same path. */
#include "config.h"
#include "json_doc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Says why a path is refused, into `why`; returns false for the caller to pass on. */
static bool refuse(char *why, size_t why_size, const char *format, ...) __attribute__((format(printf, 3, 4)));
static bool refuse(char *why, size_t why_size, const char *format, ...) {
    va_list args;
    va_start(args, format);
    vsnprintf(why, why_size, format, args);
    va_end(args);
    return false;
}

/* True when `text` can be kept in a configuration file as it is; otherwise false, saying why: it
 * is empty, not UTF-8 text, or holds a control character (the JSON loader refuses each of them).
 * `whose` starts the sentence ("" for the path itself, "the current folder's path " for it). */
static bool text_fits(const char *text, const char *whose, char *why, size_t why_size) {
    size_t length = strlen(text);
    if (!length) return refuse(why, why_size, "%sis empty", whose);
    size_t bad = gt_json_first_non_text_byte((const unsigned char *)text, length);
    if (bad < length)
        return refuse(why, why_size, "%sis not UTF-8 text (byte %zu), which a configuration file cannot hold; rename "
                      "the folder or give another", whose, bad + 1);
    for (size_t i = 0; i < length; i++)
        if ((unsigned char)text[i] < 0x20 || text[i] == 0x7F)
            return refuse(why, why_size, "%sholds a control character (byte %zu: a line break, a tab or a byte below "
                          "32), which a configuration file cannot hold; rename the folder or give another", whose,
                          i + 1);
    return true;
}

bool gt_config_path(const char *text, bool from_command_line, char *out, size_t size, char *why, size_t why_size) {
    if (!text_fits(text, "", why, why_size)) return false;
    const char *home = getenv("HOME");
    char cwd[GT_CONFIG_PATH_MAX];
    int n = -1;
    bool absolute = text[0] == '/', under_home = text[0] == '~' && text[1] == '/';
    if (absolute) n = snprintf(out, size, "%s", text);
    else if (under_home) {
        if (!home || home[0] != '/') return refuse(why, why_size, "\"%s\" starts with ~/ but HOME is not set", text);
        n = snprintf(out, size, "%s%s", home, text + 1);
    } else if (!from_command_line)
        return refuse(why, why_size, "\"%s\" is a relative path; write a full path starting with / (or ~/ for the "
                      "home folder)", text);
    else if (!getcwd(cwd, sizeof cwd))
        return refuse(why, why_size, "\"%s\" is a relative path and the current folder has no name to put before "
                      "it; give a full path", text);
    else
        n = snprintf(out, size, "%s/%s", strcmp(cwd, "/") == 0 ? "" : cwd,
                     strncmp(text, "./", 2) == 0 ? text + 2 : text);
    const char *grown = under_home ? " once ~ is expanded" : absolute ? "" : " with the current folder before it";
    if (n < 0 || (size_t)n >= size || n > GT_CONFIG_PATH_LONGEST)
        return refuse(why, why_size, "the path is too long (%d characters%s); keep it to %d", n, grown,
                      GT_CONFIG_PATH_LONGEST);
    while (n > 1 && out[n - 1] == '/') out[--n] = '\0'; /* "/srv/kiosk/" and "/srv/kiosk" are one folder */
    /* what was put before it must fit a file too */
    const char *whose = under_home ? "with HOME before it, the path " : "with the current folder before it, the path ";
    return absolute || text_fits(out, whose, why, why_size);
}
