/*
 * sitrep ingest: articles into the store (include/sitrep/ingest.h does the
 * work; this file reads the inputs, reports progress and sums up).
 */
#include <getopt.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "sitrep/ingest.h"

static const char ingest_usage[] =
    "usage: sitrep ingest [options] PATH...\n"
    "\n"
    "Code news articles with the whole pipeline (events, places, dates,\n"
    "figures, quotations, framing labels) and store them: documents,\n"
    "sentences (full-text indexed), actor and place mentions, events grouped\n"
    "into real-world events, figures, quotations and labels\n"
    "(docs/store-ingest.md).\n"
    "PATH is a .txt, .jsonl or .html file, a directory (walked recursively), or\n"
    "- for JSON lines on standard input, as for sitrep code.\n"
    "\n"
    "A document is known by the SHA-256 of its text: one already stored is\n"
    "skipped, so ingesting the same files again adds nothing. Documents are\n"
    "committed in batches, each with all its rows; a run killed at any moment\n"
    "leaves whole documents only, and running it again finishes the job.\n"
    "\n"
    "options:\n"
    "  --db FILE           the store (default: $SITREP_DB, else ./sitrep.db);\n"
    "                      created when missing\n"
    "  --threads N         code with N threads (default 2)\n"
    "  --batch N           documents per transaction at most (default 32768;\n"
    "                      a batch is also committed once it holds 32 MB of text\n"
    "                      or is 2 seconds old)\n"
    "  --dict DIR          dictionary directory (default: $SITREP_DICT, else\n"
    "                      the installed data/dict)\n"
    "  --gazetteer FILE    the compiled gazetteer (default: $SITREP_GAZETTEER,\n"
    "                      else the one built with sitrep)\n"
    "  --stats             add a line on where the time went: waiting for the\n"
    "                      coders, writing, grouping\n"
    "  -q, --quiet         no progress line and no summary\n"
    "  -h, --help          this help\n"
    "\n"
    "On a terminal a progress line shows documents/s, MB, events, errors and\n"
    "documents already stored; a summary line ends every run (stderr).\n"
    "\n"
    "exit status: 0 all documents stored (or already there), 1 some documents\n"
    "could not be read or coded, 2 usage error, 3 could not start or could not\n"
    "write the store.\n";

typedef struct ingest_run {
    sr_ingest *ing;
    size_t read_errors;
    int progress;
    int failed;             /* the store could not be written */
    double started, last_progress;
} ingest_run;

static void show_progress(ingest_run *r, int final)
{
    double now = cli_now();
    if (!r->progress || (!final && now - r->last_progress < 0.25))
        return;
    r->last_progress = now;
    sr_ingest_stats s;
    sr_ingest_get_stats(r->ing, &s);
    double dt = now - r->started;
    fprintf(stderr, "\r%zu docs  %.0f docs/s  %.1f MB  %zu events  %zu errors  %zu already stored\033[K%s",
            s.docs_read, dt > 0 ? (double)s.docs_read / dt : 0.0, (double)s.bytes_read / 1e6,
            s.events, s.docs_failed + r->read_errors, s.docs_present, final ? "\n" : "");
}

static int on_doc(const sr_doc *doc, void *ctx)
{
    ingest_run *r = ctx;
    sr_error err = {0, ""};
    if (sr_ingest_doc(r->ing, doc, &err) != 0) {
        fprintf(stderr, "%ssitrep ingest: %s\n", r->progress ? "\n" : "", err.msg);
        r->failed = 1;
        return SR_EIO; /* stop reading: nothing more can be stored */
    }
    show_progress(r, 0);
    return 0;
}

static void on_read_error(const char *path, size_t line, const char *msg, void *ctx)
{
    ingest_run *r = ctx;
    (void)path;
    (void)line;
    r->read_errors++;
    fprintf(stderr, "%s%s\n", r->progress ? "\r\033[K" : "", msg);
}

static void on_code_error(const sr_doc *doc, const char *msg, void *ctx)
{
    ingest_run *r = ctx;
    if (doc->line)
        fprintf(stderr, "%s%s:%zu: %s\n", r->progress ? "\r\033[K" : "", doc->path, doc->line, msg);
    else
        fprintf(stderr, "%s%s: %s\n", r->progress ? "\r\033[K" : "", doc->path, msg);
}

int cmd_ingest(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, 'D'},     {"threads", required_argument, NULL, 't'},
        {"dict", required_argument, NULL, 'd'},   {"gazetteer", required_argument, NULL, 'g'},
        {"batch", required_argument, NULL, 'b'},  {"stats", no_argument, NULL, 's'},
        {"quiet", no_argument, NULL, 'q'},
        {"help", no_argument, NULL, 'h'},
        {NULL, 0, NULL, 0}};
    const char *db = NULL, *dict_dir = NULL, *gaz_path = NULL;
    int threads = 2, quiet = 0, batch = 0, stats = 0, ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "t:qh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'D': db = optarg; break;
        case 'd': dict_dir = optarg; break;
        case 'g': gaz_path = optarg; break;
        case 't':
            threads = atoi(optarg);
            if (threads < 1 || threads > 64) {
                fprintf(stderr, "sitrep ingest: --threads takes 1 to 64, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'b':
            batch = atoi(optarg);
            if (batch < 1 || batch > 1000000) {
                fprintf(stderr, "sitrep ingest: --batch takes 1 to 1000000, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 's': stats = 1; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(ingest_usage, stdout); return EXIT_OK;
        default: fputs(ingest_usage, stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "sitrep ingest: no input given (a file, a directory, or - for stdin)\n\n%s",
                ingest_usage);
        return EXIT_USAGE;
    }

    /* SQLite's memory statistics take a global lock on every allocation;
     * nothing here reads them, and they cost the writing thread about a
     * tenth of its time. Only possible before SQLite is first used (it
     * refuses otherwise, which is harmless). */
    sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    sr_dict *dict = cli_load_dict(cli_dict_dir(dict_dir), 0);
    if (!dict)
        return EXIT_FATAL;
    sr_gazetteer *gaz = NULL;
    sr_error err = {0, ""};
    if (sr_gazetteer_open(&gaz, cli_gazetteer_path(gaz_path), &err) != 0) {
        fprintf(stderr, "sitrep ingest: places are off: %s\n", err.msg);
        gaz = NULL;
    }
    sr_store *store = cli_open_store("ingest", db, SR_STORE_WRITE);
    if (!store) {
        sr_gazetteer_close(gaz);
        sr_dict_free(dict);
        return EXIT_FATAL;
    }
    ingest_run r = {0};
    sr_ingest_options opt;
    sr_ingest_options_default(&opt);
    opt.threads = threads;
    if (batch)
        opt.batch_docs = (size_t)batch;
    opt.on_error = on_code_error;
    opt.on_error_ctx = &r;
    int status = EXIT_OK;
    if (sr_ingest_new(&r.ing, store, dict, gaz, &opt, &err) != 0) {
        fprintf(stderr, "sitrep ingest: %s\n", err.msg);
        status = EXIT_FATAL;
        goto done;
    }
    r.progress = !quiet && isatty(2);
    r.started = cli_now();

    sr_reader *reader = sr_reader_new();
    for (int i = optind; i < argc && !r.failed; i++)
        if (sr_read_path(reader, argv[i], SR_FORMAT_AUTO, on_doc, on_read_error, &r) != 0 &&
            !r.failed)
            status = EXIT_SOME_FAILED;
    sr_reader_free(reader);
    if (!r.failed && sr_ingest_flush(r.ing, &err) != 0) {
        fprintf(stderr, "%ssitrep ingest: %s\n", r.progress ? "\n" : "", err.msg);
        r.failed = 1;
    }
    show_progress(&r, 1);
    sr_ingest_stats s;
    sr_ingest_get_stats(r.ing, &s);
    if (r.failed)
        status = EXIT_FATAL;
    else if (s.docs_failed || r.read_errors)
        status = EXIT_SOME_FAILED;
    if (!quiet) {
        double dt = cli_now() - r.started;
        fprintf(stderr,
                "sitrep ingest: %zu documents stored, %zu already present, %zu errors, "
                "%zu events (%zu figures, %zu quotes), %zu event groups updated, "
                "%.1f MB in %.2f s (%.2f MB/s)\n",
                s.docs_stored, s.docs_present, s.docs_failed + r.read_errors, s.events, s.figures,
                s.quotes, s.groups, (double)s.bytes_read / 1e6, dt,
                dt > 0 ? (double)s.bytes_read / 1e6 / dt : 0.0);
    }
    if (stats)
        fprintf(stderr,
                "sitrep ingest: time: %.2f s waiting for the coders, %.2f s writing, %.2f s "
                "grouping %zu events\n",
                s.wait_seconds, s.write_seconds, s.group_seconds, s.grouped_events);
done:
    sr_ingest_free(r.ing);
    sr_store_close(store);
    sr_gazetteer_close(gaz);
    sr_dict_free(dict);
    return status;
}
