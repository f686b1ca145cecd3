/* guidedtouch: the command line. Built with SDL2 (GT_HAVE_APP) this is guidedtouch-trainer: the
 * trainer and the commands that draw with it (`map`, `bench`) as well as the command line. Built
 * without, it is the installed `guidedtouch`: the commands that need no window run here, without
 * loading SDL, and the others run guidedtouch-trainer in this process's place, with the same
 * arguments (game/cli/cli_binaries.c). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

#ifdef GT_HAVE_APP
#include "app.h"
#include "map_command.h"
#include "bench_command.h"

int main(int argc, char **argv) {
    const char *data_dir = NULL;
    int first_app_arg = 1;
    static const GtCliCommand DRAWING[] = { { "map", gt_app_map_command }, { "bench", gt_app_bench_command } };
    int code = gt_cli_main(argc, argv, &data_dir, &first_app_arg, DRAWING, 2);
    if (code >= 0) return code;
    return gt_app_main(data_dir, argc - first_app_arg, argv + first_app_arg);
}
#else
/* The arguments as they were given: gt_cli_main reorders argv, and the trainer must get the
 * original. */
static char **given_argv;

/* `map` and `bench` draw with SDL: the trainer's program runs them. */
static int trainer_command(GtCliPlace *place, int argc, char **argv) {
    (void)place, (void)argc, (void)argv;
    return gt_cli_exec_trainer(given_argv);
}

int main(int argc, char **argv) {
    given_argv = malloc(((size_t)argc + 1) * sizeof *given_argv);
    if (!given_argv) {
        fprintf(stderr, "guidedtouch: out of memory\n");
        return GT_EXIT_USAGE;
    }
    memcpy(given_argv, argv, ((size_t)argc + 1) * sizeof *given_argv);
    const char *data_dir = NULL;
    int first_app_arg = 1;
    static const GtCliCommand DRAWING[] = { { "map", trainer_command }, { "bench", trainer_command } };
    int code = gt_cli_main(argc, argv, &data_dir, &first_app_arg, DRAWING, 2);
    if (code < 0) code = gt_cli_exec_trainer(given_argv); /* no command: the trainer */
    free(given_argv);
    return code;
}
#endif
