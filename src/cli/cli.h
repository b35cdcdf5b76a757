/* Shared pieces of the command-line tool: one file per subcommand. */
#ifndef SR_CLI_H
#define SR_CLI_H

#include "sitrep/sitrep.h"
#include "sitrep/store.h"

/* Exit statuses of every subcommand. */
enum cli_exit {
    EXIT_OK = 0,
    EXIT_SOME_FAILED = 1, /* ran, but some documents/records failed */
    EXIT_USAGE = 2,       /* bad arguments */
    EXIT_FATAL = 3        /* could not run at all (dictionaries, memory) */
};

int cmd_code(int argc, char **argv);
int cmd_places(int argc, char **argv);
int cmd_times(int argc, char **argv);
int cmd_figures(int argc, char **argv);
int cmd_ingest(int argc, char **argv);  /* cmd_ingest.c */
int cmd_events(int argc, char **argv);  /* cmd_query.c */
int cmd_actors(int argc, char **argv);  /* cmd_query.c */
int cmd_quotes(int argc, char **argv);  /* cmd_query.c */
int cmd_export(int argc, char **argv);  /* cmd_export.c */
int cmd_report(int argc, char **argv);  /* cmd_report.c */
/* The compiled gazetteer: --gazetteer, else $SITREP_GAZETTEER, else the
 * one built with sitrep. */
const char *cli_gazetteer_path(const char *given);
int cmd_validate(const char *xml_path, const char *dict_dir, int verbose, int trace);

/* The dictionary directory: --dict, else $SITREP_DICT, else the built-in
 * data directory. */
const char *cli_dict_dir(const char *given);
/* Load the default dictionaries from dir, warnings to stderr (only their
 * count unless verbose). Returns NULL after printing the error. */
sr_dict *cli_load_dict(const char *dir, int verbose);
double cli_now(void);

/* The store file: --db, else $SITREP_DB, else sitrep.db in the current
 * directory. */
const char *cli_store_path(const char *given);
/* Open it (SR_STORE_READ or SR_STORE_WRITE); NULL after printing
 * "sitrep CMD: why" on stderr. */
sr_store *cli_open_store(const char *cmd, const char *given, int mode);

#endif
