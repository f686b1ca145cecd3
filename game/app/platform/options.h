/* options: the trainer's command-line options (see --help), parsed into GtAppOptions.
 *
 * Ownership: the strings in GtAppOptions are borrowed from argv, which must outlive them. */
#ifndef GT_OPTIONS_H
#define GT_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include "session.h"

typedef struct GtAppOptions {
    int width, height;          /* window size in points */
    bool fullscreen;
    bool mute;
    bool instructor;            /* instructor mode: the cm and region under the pointer, recording demonstrations */
    const char *script;         /* input script, or NULL */
    const char *screenshot;     /* PNG written from the last frame, or NULL */
    int frames;                 /* run this many frames then exit; 0 = until closed */
    const char *card_out;       /* write each shown score card here as JSON, or NULL */
    const char *lesson;         /* open this lesson straight away, or NULL */
    int step;                   /* with lesson: start at this step (1-based) */
    const char *student;        /* sign in as this student (added when new), or NULL */
    int64_t today_ms;           /* --today: noon of the day "My progress" counts from (Unix ms); 0: the clock's */
    GtMode mode;
} GtAppOptions;

/* Parses the trainer's options (argv holds only those). Returns -1 to go on with *options
 * filled; otherwise the exit code to stop with: 0 after printing --help to stdout, 2 after
 * saying on stderr what was wrong (an unknown option, a bad size or mode). */
int gt_options_parse(GtAppOptions *options, int argc, char **argv);

#endif
