/*
 * filter_opts: what every store query command shares: the options it
 * takes (--db, the event filters, --limit, --format), parsed the same way
 * everywhere (events, actors, places and figures with a store, quotes a
 * subset), and a run that opens the store and a writer and ends them
 * with the same exit statuses and messages.
 *
 * Each command lists FILTER_LONGOPTS (and FORMAT_LONGOPT) in its
 * getopt_long table beside its own options and hands each option to
 * filter_opt_take (or filter_opt_take_or_usage).
 */
#ifndef SR_CLI_FILTER_OPTS_H
#define SR_CLI_FILTER_OPTS_H

#include <getopt.h>

#include "cli/output.h"
#include "sitrep/query.h"

enum filter_opt {
    OPT_DB = 0x100, OPT_ACTOR, OPT_SOURCE_ACTOR, OPT_TARGET_ACTOR, OPT_CODE, OPT_PLOVER,
    OPT_PLACE, OPT_SINCE, OPT_UNTIL, OPT_OUTLET, OPT_TEXT, OPT_LIMIT, OPT_GROUPED, OPT_FORMAT,
    OPT_SPEAKER
};

#define FILTER_LONGOPTS                                                                 \
    {"db", required_argument, NULL, OPT_DB},                                            \
        {"actor", required_argument, NULL, OPT_ACTOR},                                  \
        {"source-actor", required_argument, NULL, OPT_SOURCE_ACTOR},                    \
        {"target-actor", required_argument, NULL, OPT_TARGET_ACTOR},                    \
        {"code", required_argument, NULL, OPT_CODE},                                    \
        {"plover", required_argument, NULL, OPT_PLOVER},                                \
        {"place", required_argument, NULL, OPT_PLACE},                                  \
        {"since", required_argument, NULL, OPT_SINCE},                                  \
        {"until", required_argument, NULL, OPT_UNTIL},                                  \
        {"outlet", required_argument, NULL, OPT_OUTLET},                                \
        {"text", required_argument, NULL, OPT_TEXT},                                    \
        {"limit", required_argument, NULL, OPT_LIMIT},                                  \
        {"grouped", no_argument, NULL, OPT_GROUPED}

/* --format, separate because `places` and `figures` already have one */
#define FORMAT_LONGOPT {"format", required_argument, NULL, OPT_FORMAT}

/* The help lines for them, to paste into a usage text. */
#define FILTER_HELP                                                                     \
    "  --db FILE            the store (default: $SITREP_DB, else ./sitrep.db)\n"        \
    "  --actor CODE         source or target actor code starts with CODE\n"             \
    "                       (SYR: every Syrian actor; SYRMIL: its military)\n"          \
    "  --source-actor CODE  the source's code starts with CODE\n"                       \
    "  --target-actor CODE  the target's code starts with CODE\n"                       \
    "  --code PREFIX        CAMEO code starts with PREFIX (19: fighting; 190)\n"        \
    "  --plover TYPE        PLOVER event type (ASSAULT, PROTEST), any case\n"           \
    "  --place NAME         the event's place: its name or the words written\n"         \
    "  --place LAT,LON,KM   within KM kilometres of a point\n"                          \
    "  --since DATE         on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"           \
    "  --until DATE         on or before DATE (the same forms, inclusive)\n"            \
    "  --outlet NAME        published by that outlet, any case\n"                       \
    "  --text QUERY         full-text search of the sentence (SQLite FTS5:\n"           \
    "                       words, \"a phrase\", AND, OR, NOT, prefix*)\n"              \
    "  --limit N            at most N rows\n"                                           \
    "  --format F           table (default on a terminal), jsonl (default\n"            \
    "                       otherwise) or csv\n"

typedef struct query_args {
    const char *db;
    const char *format_name;
    out_format format;
    sr_event_filter f;
    const char *speaker;   /* quotes */
} query_args;

/* Take one parsed option: 1 when it was a filter option (stored in a), 0
 * when it is not one (the command's own), -1 when its value is bad (the
 * message is printed as "sitrep CMD: ..."). */
int filter_opt_take(query_args *a, int ch, const char *arg, const char *cmd);

/* The same for an option the command's own cases did not take: -1 when
 * it was a filter option, else the exit status (EXIT_USAGE: a bad value,
 * or an option the command does not know, with usage on stderr). */
int filter_opt_take_or_usage(query_args *a, int ch, const char *arg, const char *cmd,
                             const char *usage);

/* After parsing: settle the format. -1 (message printed) when unknown. */
int filter_opts_finish(query_args *a, const char *cmd);

/* The exit status for a failed query: usage (2) for a malformed filter,
 * else fatal (3); prints "sitrep CMD: message". */
int filter_query_failed(const char *cmd, int rc, const sr_error *err);

/* One query command's run: the store, the writer of its rows and buffers
 * for a row's JSON and for text put together for a cell. */
typedef struct query_run {
    const char *cmd;
    sr_store *store;
    cli_out *out;   /* NULL: the command writes to stdout itself */
    out_format format;
    sr_buf json;
    sr_buf scratch;
} query_run;

/* Open a's store and a writer for a's format with the columns of the
 * table (and of CSV, which are the table's when csv_cols is NULL); no
 * writer for a format whose columns are NULL. Returns 0, or EXIT_FATAL
 * when the store cannot be opened (the message is printed). */
int query_run_start(query_run *r, const char *cmd, const query_args *a, const out_col *table_cols,
                    int ntable, const out_col *csv_cols, int ncsv);

/* Close the writer and the store; the exit status for the query's rc
 * (filter_query_failed), a failed write, or success, when `none` (if not
 * NULL) is said on stderr under a table that has no rows. */
int query_run_end(query_run *r, int rc, const sr_error *err, const char *none);

#endif
