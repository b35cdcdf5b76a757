/*
 * sitrep report: a situation report over the store, in Markdown or as one
 * self-contained HTML page (include/sitrep/report.h; docs/store-report.md).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli/cli.h"
#include "sitrep/report.h"
#include "util/buf.h"

static const char report_usage[] =
    "usage: sitrep report [--db FILE] [--since D] [--until D] [--place P] [--actor A]\n"
    "                     [--format md|html] [-o FILE]\n"
    "\n"
    "Write a situation report on the events of the store: headline numbers, a\n"
    "timeline of events per day by PLOVER type, a map of where they happened,\n"
    "who acts on whom, people killed as reported, the figures outlets\n"
    "disagree on, quotes by speaker and the words each outlet uses for armed\n"
    "groups; every line links the articles it comes from.\n"
    "\n"
    "options:\n"
    "  --db FILE          the store (default: $SITREP_DB, else ./sitrep.db)\n"
    "  --since D          events on or after D (YYYY-MM-DD, YYYY-MM or YYYY)\n"
    "  --until D          events on or before D\n"
    "  --place P          events at place P (a name, or LAT,LON,KM for a radius)\n"
    "  --actor A          events whose source or target code starts with A (SYR)\n"
    "  --format md|html   Markdown (default) or one self-contained HTML file that\n"
    "                     opens offline (the default when FILE ends in .html)\n"
    "  --title TEXT       the title above the report (default: Situation report)\n"
    "  -o, --output FILE  write to FILE instead of standard output\n"
    "  -h, --help         this help\n"
    "\n"
    "exit status: 0 written, 2 usage error (a malformed date, code or place),\n"
    "3 the store could not be read or the file written.\n";

enum { OPT_DB = 256, OPT_SINCE, OPT_UNTIL, OPT_PLACE, OPT_ACTOR, OPT_FORMAT, OPT_TITLE };

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* The report into a temporary file beside FILE, renamed over it once all
 * of it is written: a failure never leaves half a report under the name. */
static int write_file(const char *path, const sr_buf *b)
{
    size_t n = strlen(path) + 32;
    char *tmp = malloc(n);
    if (!tmp) {
        fputs("sitrep report: out of memory\n", stderr);
        return EXIT_FATAL;
    }
    snprintf(tmp, n, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "w");
    int ok = f && fwrite(b->data ? b->data : "", 1, b->len, f) == b->len;
    if (f && fclose(f) != 0)
        ok = 0;
    if (ok && rename(tmp, path) != 0)
        ok = 0;
    if (!ok) {
        fprintf(stderr, "sitrep report: %s: cannot write: ", path);
        perror(NULL);
        remove(tmp);
    }
    free(tmp);
    return ok ? EXIT_OK : EXIT_FATAL;
}

int cmd_report(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},
        {"since", required_argument, NULL, OPT_SINCE},
        {"until", required_argument, NULL, OPT_UNTIL},
        {"place", required_argument, NULL, OPT_PLACE},
        {"actor", required_argument, NULL, OPT_ACTOR},
        {"format", required_argument, NULL, OPT_FORMAT},
        {"title", required_argument, NULL, OPT_TITLE},
        {"output", required_argument, NULL, 'o'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    sr_report_options opt;
    memset(&opt, 0, sizeof opt);
    const char *db = NULL, *output = NULL, *format = NULL;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
        switch (ch) {
        case OPT_DB: db = optarg; break;
        case OPT_SINCE: opt.since = optarg; break;
        case OPT_UNTIL: opt.until = optarg; break;
        case OPT_PLACE: opt.place = optarg; break;
        case OPT_ACTOR: opt.actor = optarg; break;
        case OPT_FORMAT: format = optarg; break;
        case OPT_TITLE: opt.title = optarg; break;
        case 'o': output = optarg; break;
        case 'h': fputs(report_usage, stdout); return EXIT_OK;
        default: fputs(report_usage, stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "sitrep report: unexpected argument '%s' (the store is given with --db)\n",
                argv[optind]);
        return EXIT_USAGE;
    }
    if (!format)
        opt.format = output && (ends_with(output, ".html") || ends_with(output, ".htm"))
                         ? SR_REPORT_HTML
                         : SR_REPORT_MARKDOWN;
    else if (strcmp(format, "md") == 0 || strcmp(format, "markdown") == 0)
        opt.format = SR_REPORT_MARKDOWN;
    else if (strcmp(format, "html") == 0)
        opt.format = SR_REPORT_HTML;
    else {
        fprintf(stderr, "sitrep report: unknown format '%s' (md or html)\n", format);
        return EXIT_USAGE;
    }

    sr_store *s = cli_open_store("report", db, SR_STORE_READ);
    if (!s)
        return EXIT_FATAL;
    sr_buf out = SR_BUF_INIT;
    sr_error err = {0, ""};
    int rc = sr_report_write(s, &opt, &out, &err);
    sr_store_close(s);
    int status = EXIT_OK;
    if (rc != 0) {
        fprintf(stderr, "sitrep report: %s\n", err.msg);
        status = rc == SR_EINVAL ? EXIT_USAGE : EXIT_FATAL;
    } else if (output && strcmp(output, "-") != 0) {
        status = write_file(output, &out);
    } else if (fwrite(out.data ? out.data : "", 1, out.len, stdout) != out.len ||
               fflush(stdout) != 0) {
        perror("sitrep report: standard output");
        status = EXIT_FATAL;
    }
    sr_buf_free(&out);
    return status;
}
