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
    "\n"
    "the store (SQLite: ./sitrep.db, --db FILE or $SITREP_DB; docs/store.md):\n"
    "  ingest PATH...      code articles and add them to the store (idempotent:\n"
    "                      a document already stored is skipped)\n"
    "  events              events matching filters (--actor, --code, --since,\n"
    "                      --place, --text, ...) as a table, JSON lines or CSV\n"
    "  actors              actor codes with their counts\n"
    "  places, figures     with no PATH: what the store holds (figures\n"
    "                      --contested: where outlets disagree)\n"
    "  quotes              quotations, by speaker\n"
    "  export              GDELT 2.0 TSV, ACLED CSV, PLOVER JSON lines, GeoJSON\n"
    "  report              a situation report, Markdown or one HTML file\n"
    "\n"
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

static const struct command {
    const char *name;
    int (*run)(int argc, char **argv);
} commands[] = {
    {"code", cmd_code},       {"places", cmd_places},   {"times", cmd_times},
    {"figures", cmd_figures}, {"ingest", cmd_ingest},   {"events", cmd_events},
    {"actors", cmd_actors},   {"quotes", cmd_quotes},   {"export", cmd_export},
    {"report", cmd_report},
};

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    const struct command *c = find_command(cmd);
    if (c)
        return c->run(argc - 1, argv + 1);
    if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
        printf("sitrep %s (records v%d, store schema v%d)\n", SR_VERSION, SR_RECORD_VERSION,
               SR_STORE_SCHEMA_VERSION);
        return EXIT_OK;
    }
    if (strcmp(cmd, "help") == 0 || strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
        if (argc > 2 && (c = find_command(argv[2])) != NULL) {
            char *args[] = {argv[2], "--help", NULL};
            return c->run(2, args);
        }
        fputs(usage, stdout);
        return EXIT_OK;
    }
    fprintf(stderr, "sitrep: unknown command '%s'\n\n%s", cmd, usage);
    return EXIT_USAGE;
}
