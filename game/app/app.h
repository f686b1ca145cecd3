/* app: the Guided Touch trainer window. */
#ifndef GT_APP_H
#define GT_APP_H

/* Runs the trainer on the lessons in `data_dir` with the trainer's own options (argv holds
 * only those; see --help). Returns the process exit code. */
int gt_app_main(const char *data_dir, int argc, char **argv);

#endif
