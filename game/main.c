/* guidedtouch: the command line, and (when built with SDL2) the trainer and the commands that
 * draw with it (`map`, `bench`). */
#include "cli.h"

#ifdef GT_HAVE_APP
#include "app.h"
#include "map_command.h"
#include "bench_command.h"
#endif

int main(int argc, char **argv) {
    const char *data_dir = NULL;
    int first_app_arg = 1;
#ifdef GT_HAVE_APP
    static const GtCliCommand DRAWING[] = { { "map", gt_app_map_command }, { "bench", gt_app_bench_command } };
    int code = gt_cli_main(argc, argv, &data_dir, &first_app_arg, DRAWING, 2);
#else
    int code = gt_cli_main(argc, argv, &data_dir, &first_app_arg, NULL, 0);
#endif
    if (code >= 0) return code;
#ifdef GT_HAVE_APP
    return gt_app_main(data_dir, argc - first_app_arg, argv + first_app_arg);
#else
    fprintf(stderr, "guidedtouch: this build has no trainer window; try `guidedtouch --help`\n");
    return GT_EXIT_USAGE;
#endif
}
