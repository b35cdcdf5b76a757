/* The store query options, parsed once for every command, and the run
 * they share (filter_opts.h). Values are checked by the query module
 * itself (codes, dates, places); here only what the shell hands over is
 * checked: a number is a number. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/filter_opts.h"

int filter_opt_take(query_args *a, int ch, const char *arg, const char *cmd)
{
    switch (ch) {
    case OPT_DB: a->db = arg; return 1;
    case OPT_ACTOR: a->f.actor = arg; return 1;
    case OPT_SOURCE_ACTOR: a->f.source_actor = arg; return 1;
    case OPT_TARGET_ACTOR: a->f.target_actor = arg; return 1;
    case OPT_CODE: a->f.code = arg; return 1;
    case OPT_PLOVER: a->f.plover = arg; return 1;
    case OPT_PLACE: a->f.place = arg; return 1;
    case OPT_SINCE: a->f.since = arg; return 1;
    case OPT_UNTIL: a->f.until = arg; return 1;
    case OPT_OUTLET: a->f.outlet = arg; return 1;
    case OPT_TEXT: a->f.text = arg; return 1;
    case OPT_GROUPED: a->f.grouped = 1; return 1;
    case OPT_FORMAT: a->format_name = arg; return 1;
    case OPT_SPEAKER: a->speaker = arg; return 1;
    case OPT_LIMIT: {
        char *end = NULL;
        errno = 0;
        unsigned long long n = strtoull(arg, &end, 10);
        if (end == arg || *end || errno || arg[0] == '-' || n == 0) {
            fprintf(stderr, "sitrep %s: --limit takes a positive whole number, not '%s'\n", cmd,
                    arg);
            return -1;
        }
        a->f.limit = (size_t)n;
        return 1;
    }
    default: return 0;
    }
}

int filter_opt_take_or_usage(query_args *a, int ch, const char *arg, const char *cmd,
                             const char *usage)
{
    int taken = filter_opt_take(a, ch, arg, cmd);
    if (taken > 0)
        return -1;
    if (taken == 0)
        fputs(usage, stderr);
    return EXIT_USAGE;
}

int filter_opts_finish(query_args *a, const char *cmd)
{
    if (cli_out_format(a->format_name, &a->format) != 0) {
        fprintf(stderr, "sitrep %s: --format is table, jsonl or csv, not '%s'\n", cmd,
                a->format_name);
        return -1;
    }
    return 0;
}

int filter_query_failed(const char *cmd, int rc, const sr_error *err)
{
    fprintf(stderr, "sitrep %s: %s\n", cmd, err->msg[0] ? err->msg : "query failed");
    return rc == SR_EINVAL ? EXIT_USAGE : EXIT_FATAL;
}

int query_run_start(query_run *r, const char *cmd, const query_args *a, const out_col *table_cols,
                    int ntable, const out_col *csv_cols, int ncsv)
{
    memset(r, 0, sizeof *r);
    r->cmd = cmd;
    r->format = a->format;
    sr_buf_init(&r->json);
    sr_buf_init(&r->scratch);
    r->store = cli_open_store(cmd, a->db, SR_STORE_READ);
    if (!r->store)
        return EXIT_FATAL;
    if (a->format == OUT_CSV && csv_cols)
        r->out = cli_out_open(stdout, OUT_CSV, csv_cols, ncsv);
    else if (table_cols)
        r->out = cli_out_open(stdout, a->format, table_cols, ntable);
    return 0;
}

int query_run_end(query_run *r, int rc, const sr_error *err, const char *none)
{
    long long n = r->out ? cli_out_count(r->out) : 0;
    int write_failed = r->out ? cli_out_close(r->out) != 0 : fflush(stdout) != 0 || ferror(stdout);
    int write_errno = errno;
    sr_buf_free(&r->json);
    sr_buf_free(&r->scratch);
    sr_store_close(r->store);
    if (rc != 0)
        return filter_query_failed(r->cmd, rc, err);
    if (write_failed) {
        fprintf(stderr, "sitrep %s: writing the output: %s\n", r->cmd, strerror(write_errno));
        return EXIT_FATAL;
    }
    if (none && n == 0 && r->format == OUT_TABLE)
        fprintf(stderr, "sitrep %s: %s\n", r->cmd, none);
    return EXIT_OK;
}
