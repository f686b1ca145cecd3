#include "map_command.h"
#include "map_sheet.h"

#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char USAGE[] =
    "Usage: guidedtouch map [--view posterior|anterior] --out FILE.png [--px-per-cm N] [--skin-tone T]\n"
    "\n"
    "Draws one view of the body map for lesson authors: every region tinted and numbered, every\n"
    "place to avoid lettered, a grid every 5 cm (numbered every 10 cm along the top and the left),\n"
    "and a legend naming each number and letter with its id. A guide's points are read off the\n"
    "grid in the same centimetres a lesson uses; `guidedtouch regions` lists the same places as\n"
    "text. --view defaults to posterior; --px-per-cm (2-40) to 10; --skin-tone is light, medium\n"
    "or dark.\n";

/* Reads the options into the out-parameters; false (after saying why) on a mistake. */
static bool read_options(int argc, char **argv, GtView *view, const char **out, double *px_per_cm,
                         const char **tone) {
    for (int i = 0; i < argc; i++) {
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (!value) {
            fprintf(stderr, "guidedtouch map: %s needs a value\n\n%s", argv[i], USAGE);
            return false;
        }
        if (strcmp(argv[i], "--view") == 0) {
            if (strcmp(value, "posterior") == 0) *view = GT_VIEW_POSTERIOR;
            else if (strcmp(value, "anterior") == 0) *view = GT_VIEW_ANTERIOR;
            else {
                fprintf(stderr, "guidedtouch map: unknown view \"%s\" (posterior or anterior)\n", value);
                return false;
            }
        } else if (strcmp(argv[i], "--out") == 0) {
            *out = value;
        } else if (strcmp(argv[i], "--px-per-cm") == 0) {
            char *end = NULL;
            *px_per_cm = strtod(value, &end);
            if (!end || *end || !(*px_per_cm >= 2 && *px_per_cm <= 40)) {
                fprintf(stderr, "guidedtouch map: --px-per-cm must be a number from 2 to 40, not \"%s\"\n", value);
                return false;
            }
        } else if (strcmp(argv[i], "--skin-tone") == 0) {
            *tone = value;
        } else {
            fprintf(stderr, "guidedtouch map: unknown option \"%s\"\n\n%s", argv[i], USAGE);
            return false;
        }
        i++;
    }
    if (!*out) fprintf(stderr, "guidedtouch map: --out FILE.png is needed\n\n%s", USAGE);
    return *out != NULL;
}

int gt_app_map_command(GtCliPlace *place, int argc, char **argv) {
    if (gt_cli_wants_help(argc, argv, USAGE)) return GT_EXIT_OK;
    GtView view = GT_VIEW_POSTERIOR;
    const char *out = NULL, *tone = NULL;
    double px_per_cm = 10.0;
    if (!read_options(argc, argv, &view, &out, &px_per_cm, &tone)) return GT_EXIT_USAGE;
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    if (SDL_Init(0) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "guidedtouch map: cannot start SDL: %s\n", SDL_GetError());
        return GT_EXIT_INVALID;
    }
    GtLibrary library;
    gt_cli_load_library(&library, place, true);
    const GtBodyMap *map = gt_library_view(&library, view);
    char error[512] = "";
    bool ok = map && gt_map_sheet_write(map, place->data_dir, out, px_per_cm, tone, error, sizeof error);
    if (!map) fprintf(stderr, "guidedtouch map: the body map could not be loaded from %s; run `guidedtouch "
                              "validate`\n", place->data_dir);
    else if (!ok) fprintf(stderr, "guidedtouch map: %s\n", error);
    else printf("guidedtouch: wrote %s (the %s view)\n", out, gt_view_name(view));
    gt_library_free(&library);
    TTF_Quit();
    SDL_Quit();
    return ok ? GT_EXIT_OK : GT_EXIT_INVALID;
}
