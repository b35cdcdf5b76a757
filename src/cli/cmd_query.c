/* PLACEHOLDER while the store work is in progress: replaced by its owner. */
#include <stdio.h>
#include "cli/cli.h"
int cmd_events(int argc, char **argv) { (void)argc; (void)argv; fputs("sitrep: cmd_events: not built yet\n", stderr); return EXIT_FATAL; }
int cmd_actors(int argc, char **argv) { (void)argc; (void)argv; fputs("sitrep: cmd_actors: not built yet\n", stderr); return EXIT_FATAL; }
int cmd_quotes(int argc, char **argv) { (void)argc; (void)argv; fputs("sitrep: cmd_quotes: not built yet\n", stderr); return EXIT_FATAL; }
