/* cli_new_lesson: `guidedtouch new-lesson`, a valid one-step lesson to start authoring from. The
 * step sits on the named region: a glide along the muscle's fibres through the middle of the
 * region, clear of its edges and of every place the technique must avoid, or a still hold in
 * the middle when the region is too small or crowded for a glide. The file is checked with the
 * same loader the trainer uses before it is written, and never overwrites a file. */
#include "cli.h"
#include "gt_safety.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char USAGE[] =
    "Usage: guidedtouch new-lesson ID --title \"TITLE\" --region REGION [--pack DIR]\n"
    "\n"
    "Writes DIR/ID.json (DIR: the first of --lessons / the configuration's lesson_packs, else\n"
    "the current folder): a valid lesson with one step placed on REGION (see `guidedtouch\n"
    "regions`), ready for `guidedtouch validate`, `guidedtouch demo` and the trainer. Edit its\n"
    "texts, add steps and cautions; docs/authoring.md walks through it. ID is lower-case letters,\n"
    "digits and '-'. An existing file is never overwritten.\n";

enum { MIN_GLIDE_CM = 5, MAX_GLIDE_CM = 16 };
static const double EDGE_CLEARANCE_CM = 0.6, MARCH_CM = 0.25;

/* True when p is a safe place on the region for the technique: inside, off its edge, and out of
 * every zone the technique avoids, by a margin that survives writing p to 0.1 cm. */
static bool usable(const GtRegion *region, const GtTechnique *technique, const GtBodyMap *map, GtPoint p) {
    if (!gt_polygon_contains(&region->polygon, p) || gt_polygon_edge_distance(&region->polygon, p) < EDGE_CLEARANCE_CM)
        return false;
    static const double OFFSETS[5][2] = { { 0, 0 }, { 0.2, 0 }, { -0.2, 0 }, { 0, 0.2 }, { 0, -0.2 } };
    for (int i = 0; i < 5; i++)
        if (gt_safety_zone_at(technique, map, (GtPoint){ p.x + OFFSETS[i][0], p.y + OFFSETS[i][1] })) return false;
    return true;
}

/* How far from `centre` along (dx, dy) the region stays usable, up to `limit` cm. */
static double reach(const GtRegion *region, const GtTechnique *technique, const GtBodyMap *map, GtPoint centre,
                    double dx, double dy, double limit) {
    double along = 0.0;
    while (along + MARCH_CM <= limit) {
        GtPoint p = { centre.x + dx * (along + MARCH_CM), centre.y + dy * (along + MARCH_CM) };
        if (!usable(region, technique, map, p)) break;
        along += MARCH_CM;
    }
    return along;
}

/* Writes the glide's guide (ending toward the head, as strokes go toward the heart) into
 * `guide`; false when the region has no room for a glide of MIN_GLIDE_CM. */
static bool glide_guide(const GtRegion *region, const GtTechnique *glide, const GtBodyMap *map, GtPoint centre,
                        char *guide, size_t size) {
    if (!usable(region, glide, map, centre)) return false;
    double angle = (region->has_fibre ? region->fibre_deg : 90.0) * GT_PI / 180.0;
    double dx = cos(angle), dy = sin(angle);
    double forward = reach(region, glide, map, centre, dx, dy, MAX_GLIDE_CM / 2.0);
    double back = reach(region, glide, map, centre, -dx, -dy, MAX_GLIDE_CM / 2.0);
    if (forward + back < MIN_GLIDE_CM) return false;
    GtPoint a = { centre.x - dx * back, centre.y - dy * back }, b = { centre.x + dx * forward, centre.y + dy * forward };
    if (a.y < b.y) {
        GtPoint swap = a;
        a = b;
        b = swap;
    }
    GtPoint middle = { (a.x + b.x) / 2.0, (a.y + b.y) / 2.0 };
    snprintf(guide, size, "{\"polyline\": [[%.1f, %.1f], [%.1f, %.1f], [%.1f, %.1f]]}", a.x, a.y, middle.x, middle.y,
             b.x, b.y);
    return true;
}

/* The point of the region farthest from its edges among those the technique may press on (a
 * 0.5 cm grid); false when there is none. */
static bool hold_point(const GtRegion *region, const GtTechnique *hold, const GtBodyMap *map, GtPoint *out) {
    GtPoint min, max;
    if (!gt_points_bounds(&region->polygon, &min, &max)) return false;
    double best = -1.0;
    for (double y = min.y + 0.25; y < max.y; y += 0.5) {
        for (double x = min.x + 0.25; x < max.x; x += 0.5) {
            GtPoint p = { x, y };
            if (!usable(region, hold, map, p)) continue;
            double clearance = gt_polygon_edge_distance(&region->polygon, p);
            if (clearance > best) {
                best = clearance;
                *out = p;
            }
        }
    }
    return best >= 0.0;
}

/* The lesson's text: one glide (effleurage) or one hold (sustained-pressure) on the region. */
static char *lesson_text(const char *id, const char *title, const GtRegion *region, GtView view, const char *guide,
                         bool glide) {
    static const char TEMPLATE[] =
        "{\n"
        "  \"format\": \"guidedtouch-lesson\",\n"
        "  \"version\": 1,\n"
        "  \"id\": \"%s\",\n"
        "  \"title\": \"%s\",\n"
        "  \"level\": \"beginner\",\n"
        "  \"condition\": \"general relaxation\",\n"
        "  \"duration_min\": 2,\n"
        "  \"summary\": \"A first draft on the %s: say here what the student will do and why.\",\n"
        "  \"cautions\": [\n"
        "    {\"text\": \"If you have a health condition, check with your doctor or a licensed massage therapist "
        "before starting.\", \"kind\": \"advice\", \"source\": \"domain text 003 (Pain Relief Massage: What You "
        "Need to Know), practical tips\"}\n"
        "  ],\n"
        "  \"steps\": [\n"
        "    {\n"
        "      \"technique\": \"%s\",\n"
        "      \"view\": \"%s\",\n"
        "      \"region\": \"%s\",\n"
        "      \"guide\": %s,\n"
        "      %s,\n"
        "      \"pass_mark\": 70,\n"
        "      \"instruction\": \"%s\",\n"
        "      \"hint\": \"Keep the pressure even and the movement unhurried.\"\n"
        "    }\n"
        "  ]\n"
        "}\n";
    char instruction[512];
    if (glide)
        snprintf(instruction, sizeof instruction, "With the flat of your hand, glide slowly along the %s, light to "
                 "moderate pressure (level 2-5), following the guide.", region->name);
    else
        snprintf(instruction, sizeof instruction, "Rest a thumb on the middle of the %s and press in gently (level "
                 "3-7), holding still for 20 to 30 seconds.", region->name);
    size_t size = sizeof TEMPLATE + strlen(id) + strlen(title) + 2 * strlen(region->name) + strlen(region->id) +
                  strlen(guide) + sizeof instruction + 64;
    char *text = malloc(size);
    if (text)
        snprintf(text, size, TEMPLATE, id, title, region->name, glide ? "effleurage" : "sustained-pressure",
                 gt_view_name(view), region->id, guide, glide ? "\"repetitions\": 4" : "\"duration_s\": 25",
                 instruction);
    return text;
}

/* The region `id` and its view, looked for in the posterior view first; NULL when absent. */
static const GtRegion *find_region(const GtLibrary *library, const char *id, GtView *view, const GtBodyMap **map) {
    for (int v = 0; v < GT_VIEW_COUNT; v++) {
        *map = gt_library_view(library, (GtView)v);
        const GtRegion *region = *map ? gt_bodymap_region(*map, id) : NULL;
        if (region) {
            *view = (GtView)v;
            return region;
        }
    }
    return NULL;
}

/* True when the text is a plain value for JSON quotes: no quote, backslash or control byte. */
static bool plain_text(const char *text) {
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        if (*c == '"' || *c == '\\' || *c < 0x20) return false;
    return text[0] != '\0';
}

/* Checks the draft with the trainer's own loader; prints the problems when it fails. */
static bool draft_loads(const GtLibrary *library, const char *path, const char *text) {
    GtArena arena;
    gt_arena_init(&arena);
    GtDiag diag;
    gt_diag_init(&diag);
    GtReferences refs = gt_library_references(library);
    GtLesson lesson;
    bool ok = gt_load_lesson(path, text, strlen(text), &refs, &arena, &diag, &lesson);
    gt_diag_print(&diag, stderr);
    gt_diag_free(&diag);
    gt_arena_free(&arena);
    return ok;
}

/* Writes text to a new file at path (never replacing one); false after printing why. */
static bool write_new_file(const char *path, const char *text) {
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) {
        fprintf(stderr, "guidedtouch new-lesson: cannot create %s: %s%s\n", path, strerror(errno),
                errno == EEXIST ? " (choose another id, or delete the old file first)" : "");
        return false;
    }
    size_t length = strlen(text), written = 0;
    while (written < length) {
        ssize_t n = write(fd, text + written, length - written);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) break;
        written += (size_t)n;
    }
    bool ok = written == length && close(fd) == 0;
    if (!ok) {
        fprintf(stderr, "guidedtouch new-lesson: cannot write %s: %s\n", path, strerror(errno));
        unlink(path);
    }
    return ok;
}

/* Builds, checks and writes the lesson; returns the exit code. */
static int make_lesson(const GtLibrary *library, const char *pack, const char *id, const char *title,
                       const char *region_id) {
    GtView view;
    const GtBodyMap *map = NULL;
    const GtRegion *region = find_region(library, region_id, &view, &map);
    if (!region) {
        fprintf(stderr, "guidedtouch new-lesson: unknown region \"%s\"; `guidedtouch regions` lists them\n", region_id);
        return GT_EXIT_USAGE;
    }
    const GtTechnique *glide = gt_library_technique(library, "effleurage");
    const GtTechnique *hold = gt_library_technique(library, "sustained-pressure");
    if (!glide || !hold) {
        fprintf(stderr, "guidedtouch new-lesson: the bundled techniques did not load; run `guidedtouch validate`\n");
        return GT_EXIT_INVALID;
    }
    GtPoint centre = gt_polygon_inner_point(&region->polygon, 0.5);
    char guide[256];
    bool is_glide = glide_guide(region, glide, map, centre, guide, sizeof guide);
    if (!is_glide) {
        GtPoint at = centre;
        hold_point(region, hold, map, &at); /* the loader below says so when there is no safe point */
        snprintf(guide, sizeof guide, "{\"point\": [%.1f, %.1f]}", at.x, at.y);
    }
    char path[4200];
    snprintf(path, sizeof path, "%s/%s.json", pack, id);
    char *text = lesson_text(id, title, region, view, guide, is_glide);
    int code = GT_EXIT_INVALID;
    if (!text) fprintf(stderr, "guidedtouch: out of memory\n");
    else if (!draft_loads(library, path, text))
        fprintf(stderr, "guidedtouch new-lesson: no safe place for a first step on \"%s\"; choose a larger region\n",
                region_id);
    else if (write_new_file(path, text)) {
        printf("guidedtouch: wrote %s (a %s on the %s); try `guidedtouch --lessons %s demo %s 1`\n", path,
               is_glide ? "glide" : "hold", region->name, pack, id);
        code = GT_EXIT_OK;
    }
    free(text);
    return code;
}

int gt_cli_new_lesson(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    const char *id = NULL, *title = NULL, *region = NULL, *pack = place->pack_count ? place->packs[0] : ".";
    for (int i = 0; i < argc; i++) {
        bool valued = i + 1 < argc;
        if (strcmp(argv[i], "--title") == 0 && valued) title = argv[++i];
        else if (strcmp(argv[i], "--region") == 0 && valued) region = argv[++i];
        else if (strcmp(argv[i], "--pack") == 0 && valued) pack = argv[++i];
        else if (argv[i][0] != '-' && !id) id = argv[i];
        else {
            fprintf(stderr, "guidedtouch new-lesson: unexpected \"%s\"\n\n%s", argv[i], USAGE);
            return GT_EXIT_USAGE;
        }
    }
    if (!id || !title || !region) {
        fprintf(stderr, "guidedtouch new-lesson: expected ID, --title and --region\n\n%s", USAGE);
        return GT_EXIT_USAGE;
    }
    if (strlen(id) >= GT_ID_MAX || strspn(id, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(id)) {
        fprintf(stderr, "guidedtouch new-lesson: \"%s\" is not a lesson id (lower-case letters, digits and '-')\n", id);
        return GT_EXIT_USAGE;
    }
    if (!plain_text(title)) {
        fprintf(stderr, "guidedtouch new-lesson: write the title without quotes, backslashes or line breaks\n");
        return GT_EXIT_USAGE;
    }
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    int code = make_lesson(&library, pack, id, title, region);
    gt_library_free(&library);
    return code;
}
