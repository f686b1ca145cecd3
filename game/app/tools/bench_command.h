/* bench_command: `guidedtouch bench [--json] [--quick]` (bench.h says what it measures). */
#ifndef GT_BENCH_COMMAND_H
#define GT_BENCH_COMMAND_H

#include "cli.h"

/* Runs the benchmark on argv after "bench"; prints the table (or the JSON with --json) and
 * returns 0, or 2 for a usage mistake. */
int gt_app_bench_command(GtCliPlace *place, int argc, char **argv);

#endif
