/* options: the trainer's command line (see options.h). */
#include "options.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char USAGE[] =
    "Usage: guidedtouch [--data DIR] [OPTIONS]\n"
    "\n"
    "Starts the trainer.\n"
    "  --window WxH        window size in points (default 1280x800)\n"
    "  --fullscreen        fill the screen (desktop fullscreen)\n"
    "  --mute              no metronome click\n"
    "  --mode MODE         learn (demo, guide, hints), practice (guide, no demo) or exam (no guide)\n"
    "  --lesson ID         open this lesson straight away (--step N for a later step)\n"
    "  --script FILE       drive the trainer with an input script (see docs/student-guide.md)\n"
    "  --frames N          run N frames, then exit (with --script and no --frames: exit 1 s\n"
    "                      after the script ends); scripted and --frames runs keep a virtual\n"
    "                      clock (16 ms a frame), so they are the same on any machine\n"
    "  --screenshot FILE   save the last frame as a PNG\n"
    "  --card-out FILE     after each attempt, write the score card shown as JSON (as `grade` prints it)\n"
    "  --student NAME      sign in as this student (added when new); otherwise pick on the home screen\n"
    "  --today YYYY-MM-DD  count \"My progress\" days and streaks as if today were that day (tests, screenshots)\n"
    "  --instructor        instructor mode: the position (cm) and region under the pointer, and \"Keep as\n"
    "                      demonstration\" after an attempt (see docs/authoring.md)\n"
    "  --lessons DIR       add a lesson pack (repeatable; see docs/authoring.md)\n"
    "Settings (--kiosk, --data-dir DIR, --database FILE, --idle-timeout-s N, ...): see\n"
    "`guidedtouch --print-config` and docs/kiosk.md.\n"
    "Keys: Enter = main button, Esc = back, 1-9 and 0 = pressure level, mouse wheel = pressure\n"
    "(on the lesson list the wheel, the arrows and Page Up / Page Down scroll).\n";

static const char *const MODE_NAMES[GT_MODE_COUNT] = { "learn", "practice", "exam" };

/* Reads WxH into the options; false (with a message on stderr) when it is not a size the
 * trainer can open. */
static bool parse_size(GtAppOptions *o, const char *value) {
    if (sscanf(value, "%dx%d", &o->width, &o->height) == 2 && o->width >= 320 && o->height >= 320 &&
        o->width <= 16384 && o->height <= 16384)
        return true;
    fprintf(stderr, "guidedtouch: --window wants WxH, at least 320x320 (got \"%s\")\n", value);
    return false;
}

/* Reads a mode name; false (with a message on stderr) for anything else. */
static bool parse_mode(GtAppOptions *o, const char *value) {
    for (int m = 0; m < GT_MODE_COUNT; m++)
        if (strcmp(value, MODE_NAMES[m]) == 0) {
            o->mode = (GtMode)m;
            return true;
        }
    fprintf(stderr, "guidedtouch: --mode is learn, practice or exam (got \"%s\")\n", value);
    return false;
}

/* Reads a date YYYY-MM-DD as the Unix ms of its local noon; false (with a message on stderr) for
 * anything else. */
static bool parse_today(GtAppOptions *o, const char *value) {
    struct tm tm = { 0 };
    char end = '\0';
    if (sscanf(value, "%d-%d-%d%c", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &end) == 3 && tm.tm_year >= 1970 &&
        tm.tm_year <= 9999 && tm.tm_mon >= 1 && tm.tm_mon <= 12 && tm.tm_mday >= 1 && tm.tm_mday <= 31) {
        tm.tm_year -= 1900;
        tm.tm_mon -= 1;
        tm.tm_hour = 12;
        tm.tm_isdst = -1;
        time_t noon = mktime(&tm);
        if (noon != (time_t)-1) {
            o->today_ms = (int64_t)noon * 1000;
            return true;
        }
    }
    fprintf(stderr, "guidedtouch: --today wants a date YYYY-MM-DD (got \"%s\")\n", value);
    return false;
}

int gt_options_parse(GtAppOptions *o, int argc, char **argv) {
    *o = (GtAppOptions){ .width = 1280, .height = 800, .mode = GT_MODE_LEARN, .step = 1 };
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { fputs(USAGE, stdout); return 0; }
        else if (strcmp(a, "--fullscreen") == 0) o->fullscreen = true;
        else if (strcmp(a, "--no-fullscreen") == 0) o->fullscreen = false;
        else if (strcmp(a, "--mute") == 0) o->mute = true;
        else if (strcmp(a, "--no-mute") == 0) o->mute = false;
        else if (strcmp(a, "--instructor") == 0) o->instructor = true;
        else if (value && strcmp(a, "--window") == 0) { if (!parse_size(o, value)) return 2; i++; }
        else if (value && strcmp(a, "--mode") == 0) { if (!parse_mode(o, value)) return 2; i++; }
        else if (value && strcmp(a, "--lesson") == 0) { o->lesson = value; i++; }
        else if (value && strcmp(a, "--step") == 0) { o->step = atoi(value); i++; }
        else if (value && strcmp(a, "--script") == 0) { o->script = value; i++; }
        else if (value && strcmp(a, "--screenshot") == 0) { o->screenshot = value; i++; }
        else if (value && strcmp(a, "--card-out") == 0) { o->card_out = value; i++; }
        else if (value && strcmp(a, "--student") == 0) { o->student = value; i++; }
        else if (value && strcmp(a, "--today") == 0) { if (!parse_today(o, value)) return 2; i++; }
        else if (value && strcmp(a, "--frames") == 0) { o->frames = atoi(value); i++; }
        else {
            fprintf(stderr, "guidedtouch: unknown option \"%s\"\n\n%s", a, USAGE);
            return 2;
        }
    }
    return -1;
}
