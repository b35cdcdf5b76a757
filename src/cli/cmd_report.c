/* PLACEHOLDER while the store work is in progress: replaced by its owner. */
#include <stdio.h>
#include "cli/cli.h"
int cmd_report(int argc, char **argv) { (void)argc; (void)argv; fputs("sitrep: cmd_report: not built yet\n", stderr); return EXIT_FATAL; }
