/* sitrep: the command-line entry point; dispatches to subcommands. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"

static const char usage[] =
    "usage: sitrep <command> [options] [args]\n"
    "\n"
    "Turn conflict news into coded event data.\n"
    "\n"
    "commands:\n"
    "  code PATH...        code articles (.txt .jsonl .html, directories, - for\n"
    "                      JSON lines on stdin) into JSON-lines event records\n"
    "  code --validate F   run a PETRARCH unit-test file (XML) and report\n"
    "                      PASS/FAIL per record\n"
    "  places PATH...      list the places named, with the gazetteer entry each\n"
    "                      resolved to\n"
    "  times PATH...       list time expressions with their TIMEX3 values\n"
    "  figures PATH...     list figures (killed, displaced, fighters, ...); with\n"
    "                      --contested where outlets disagree, --labels the\n"
    "                      words each outlet uses for armed groups\n"
    "  help [command]      show help\n"
    "  version             print the version\n"
    "\n"
    "Run 'sitrep <command> --help' for a command's options.\n"
    "Records are described in docs/records.md.\n";

double cli_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "code") == 0)
        return cmd_code(argc - 1, argv + 1);
    if (strcmp(cmd, "places") == 0)
        return cmd_places(argc - 1, argv + 1);
    if (strcmp(cmd, "times") == 0)
        return cmd_times(argc - 1, argv + 1);
    if (strcmp(cmd, "figures") == 0)
        return cmd_figures(argc - 1, argv + 1);
    if (strcmp(cmd, "ingest") == 0)
        return cmd_ingest(argc - 1, argv + 1);
    if (strcmp(cmd, "events") == 0)
        return cmd_events(argc - 1, argv + 1);
    if (strcmp(cmd, "actors") == 0)
        return cmd_actors(argc - 1, argv + 1);
    if (strcmp(cmd, "quotes") == 0)
        return cmd_quotes(argc - 1, argv + 1);
    if (strcmp(cmd, "export") == 0)
        return cmd_export(argc - 1, argv + 1);
    if (strcmp(cmd, "report") == 0)
        return cmd_report(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("sitrep %s (records v%d)\n", SR_VERSION, SR_RECORD_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        if (argc > 2 && strcmp(argv[2], "code") == 0) {
            char *args[] = {"code", "--help", NULL};
            return cmd_code(2, args);
        }
        fputs(usage, stdout);
        return EXIT_OK;
    }
    fprintf(stderr, "sitrep: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}
