/*
 * sitrep export: the store's real-world events as GDELT, ACLED, PLOVER or
 * GeoJSON (include/sitrep/export.h does the work; docs/store-export.md
 * describes the layouts).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/filter_opts.h"
#include "sitrep/export.h"

static const char export_usage[] =
    "usage: sitrep export --format gdelt|acled|plover|geojson [options]\n"
    "\n"
    "Write the store's events in a layout other tools read, one record per\n"
    "real-world event (reports of the same event grouped, with their mention,\n"
    "source and article counts; docs/store-export.md):\n"
    "  gdelt    GDELT 2.0 event table: 61 tab-separated columns, no header\n"
    "  acled    ACLED's 31 columns, CSV with a header; event types mapped from\n"
    "           CAMEO, fatalities from the killed figures of the event's sentences\n"
    "  plover   PLOVER JSON records, one a line\n"
    "  geojson  a GeoJSON FeatureCollection of points (QGIS, Leaflet)\n"
    "Events a format has no room for (ACLED: verbal events, no place or date;\n"
    "PLOVER: CAMEO roots 01-02, no date; GeoJSON: no place) are left out and\n"
    "counted on stderr.\n"
    "\n"
    "options:\n"
    "  --format F           gdelt, acled, plover or geojson (required)\n"
    "  --db FILE            the store (default: $SITREP_DB, else ./sitrep.db)\n"
    "  -o, --output FILE    write there (default: standard output); the file is\n"
    "                       replaced only when the export succeeds\n"
    "  --gazetteer FILE     the compiled gazetteer, for FIPS and ADM1 codes and\n"
    "                       country names (default: $SITREP_GAZETTEER, else the\n"
    "                       one built with sitrep)\n"
    "  -q, --quiet          no summary on stderr\n"
    "  -h, --help           this help\n"
    "\n"
    "filters, as for sitrep events (all that are given must hold):\n"
    "  --actor CODE         source or target actor code starts with CODE\n"
    "                       (SYR: every Syrian actor; SYRMIL: its military)\n"
    "  --source-actor CODE  the source's code starts with CODE\n"
    "  --target-actor CODE  the target's code starts with CODE\n"
    "  --code PREFIX        CAMEO code starts with PREFIX (19: fighting; 190)\n"
    "  --plover TYPE        PLOVER event type (ASSAULT, PROTEST), any case\n"
    "  --place NAME         the event's place: its name or the words written\n"
    "  --place LAT,LON,KM   within KM kilometres of a point\n"
    "  --since DATE         on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)\n"
    "  --until DATE         on or before DATE (the same forms, inclusive)\n"
    "  --outlet NAME        published by that outlet, any case\n"
    "  --text QUERY         full-text search of the sentence (SQLite FTS5)\n"
    "  --limit N            at most N events\n"
    "(--grouped is accepted and changes nothing: exports are always grouped.)\n"
    "\n"
    "exit status: 0 written, 2 usage error (also a malformed filter), 3 the\n"
    "store, gazetteer or output could not be opened or written.\n";

enum { OPT_GAZETTEER = 0x200 };

static void summary(const char *format, const sr_export_counts *c)
{
    fprintf(stderr, "sitrep export: %zu events, %zu written as %s", c->events, c->written,
            format);
    if (c->no_type || c->no_date || c->no_place) {
        fprintf(stderr, "; left out:");
        const char *sep = " ";
        if (c->no_type) {
            fprintf(stderr, "%s%zu with no %s type", sep, c->no_type,
                    strcmp(format, "acled") == 0 ? "ACLED" : "PLOVER");
            sep = ", ";
        }
        if (c->no_date) {
            fprintf(stderr, "%s%zu with no date", sep, c->no_date);
            sep = ", ";
        }
        if (c->no_place)
            fprintf(stderr, "%s%zu with no place", sep, c->no_place);
    }
    fputc('\n', stderr);
}

int cmd_export(int argc, char **argv)
{
    static const struct option longopts[] = {
        FILTER_LONGOPTS,
        FORMAT_LONGOPT,
        {"output", required_argument, NULL, 'o'},
        {"gazetteer", required_argument, NULL, OPT_GAZETTEER},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    query_args args;
    memset(&args, 0, sizeof args);
    const char *output = NULL, *gaz_path = NULL;
    int quiet = 0;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "o:qh", longopts, NULL)) != -1) {
        int taken = filter_opt_take(&args, ch, optarg, "export");
        if (taken < 0)
            return EXIT_USAGE;
        if (taken)
            continue;
        switch (ch) {
        case 'o': output = optarg; break;
        case OPT_GAZETTEER: gaz_path = optarg; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(export_usage, stdout); return EXIT_OK;
        default: fputs(export_usage, stderr); return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "sitrep export: unexpected argument '%s' (the store is given with --db)\n",
                argv[optind]);
        return EXIT_USAGE;
    }
    sr_export_format format;
    if (!args.format_name) {
        fputs("sitrep export: --format is required (gdelt, acled, plover or geojson)\n", stderr);
        return EXIT_USAGE;
    }
    if (sr_export_format_parse(args.format_name, &format) != 0) {
        fprintf(stderr, "sitrep export: unknown format '%s' (gdelt, acled, plover or geojson)\n",
                args.format_name);
        return EXIT_USAGE;
    }

    sr_store *s = cli_open_store("export", args.db, SR_STORE_READ);
    if (!s)
        return EXIT_FATAL;
    sr_error err = {0, ""};
    sr_gazetteer *g = NULL;
    if (sr_gazetteer_open(&g, cli_gazetteer_path(gaz_path), &err) != 0) {
        fprintf(stderr, "sitrep export: %s\n", err.msg);
        sr_store_close(s);
        return EXIT_FATAL;
    }

    /* Into a temporary file beside the output, renamed over it at the end,
     * so a failed export never leaves half a file under the name asked for. */
    FILE *out = stdout;
    char *tmp = NULL;
    if (output && strcmp(output, "-") != 0) {
        size_t n = strlen(output) + 32;
        tmp = malloc(n);
        if (!tmp) {
            fputs("sitrep export: out of memory\n", stderr);
            sr_gazetteer_close(g);
            sr_store_close(s);
            return EXIT_FATAL;
        }
        snprintf(tmp, n, "%s.tmp%ld", output, (long)getpid());
        out = fopen(tmp, "w");
        if (!out) {
            fprintf(stderr, "sitrep export: %s: cannot write: ", output);
            perror(NULL);
            free(tmp);
            sr_gazetteer_close(g);
            sr_store_close(s);
            return EXIT_FATAL;
        }
    }

    sr_export_counts counts;
    int rc = sr_export_write(s, g, format, &args.f, out, &counts, &err);
    int status = rc == 0 ? EXIT_OK : filter_query_failed("export", rc, &err);
    if (tmp) {
        if (fclose(out) != 0 && status == EXIT_OK) {
            fprintf(stderr, "sitrep export: %s: write error\n", output);
            status = EXIT_FATAL;
        }
        if (status == EXIT_OK && rename(tmp, output) != 0) {
            fprintf(stderr, "sitrep export: %s: ", output);
            perror("cannot replace it");
            status = EXIT_FATAL;
        }
        if (status != EXIT_OK)
            remove(tmp);
        free(tmp);
    }
    if (status == EXIT_OK && !quiet)
        summary(sr_export_format_name(format), &counts);
    sr_gazetteer_close(g);
    sr_store_close(s);
    return status;
}
