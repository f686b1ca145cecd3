/* map_command: `guidedtouch map --view V --out FILE.png`, the labelled map with a cm grid that
 * lesson authors place guides on (map_sheet.h). Lives with the trainer because it draws with SDL;
 * the command line reaches it through gt_cli_main's extra commands. */
#ifndef GT_MAP_COMMAND_H
#define GT_MAP_COMMAND_H

#include "cli.h"

/* Runs the command on argv after "map"; returns the process exit code (0 written, 1 when it
 * could not be drawn or written, 2 for a usage mistake), saying why on stderr. */
int gt_app_map_command(GtCliPlace *place, int argc, char **argv);

#endif
