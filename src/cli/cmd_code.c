/*
 * sitrep code: articles in, JSON-lines events out.
 *
 * Documents are read in batches; each batch is coded by --threads workers
 * (one coder each, one shared dictionary) and written in input order, so
 * the output is the same whatever the thread count.
 */
#include <getopt.h>
#include <pthread.h>
#include <sys/resource.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "sitrep/figures.h"
#include "sitrep/quotes.h"
#include "util/buf.h"

#define BATCH_DOCS 1024
#define BATCH_BYTES (8u << 20)

static const char code_usage[] =
    "usage: sitrep code [options] PATH...\n"
    "\n"
    "Code news articles into political events (CAMEO, with PLOVER type, quad\n"
    "class and Goldstein score, place and date), the figures they report and\n"
    "their quotations: one JSON object per line on standard output, its\n"
    "\"kind\" saying which (docs/records.md).\n"
    "PATH is a .txt, .jsonl or .html file, a directory (walked recursively), or\n"
    "- for JSON lines on standard input. A bad document is reported on stderr\n"
    "as FILE:LINE: message and skipped.\n"
    "\n"
    "options:\n"
    "  --dict DIR          dictionary directory (default: $SITREP_DICT, else\n"
    "                      the installed data/dict)\n"
    "  --threads N         code with N threads (default 1); output order is\n"
    "                      the input order either way\n"
    "  --require-dyad      drop events that have no target actor\n"
    "  --kinds LIST        records to write: any of event,figure,quote\n"
    "                      (default all three)\n"
    "  --no-places         do not geocode (events get place null)\n"
    "  --gazetteer FILE    the compiled gazetteer (default: $SITREP_GAZETTEER,\n"
    "                      else the one built with sitrep)\n"
    "  --new-actor-length N  when a verb's subject is in no dictionary, let\n"
    "                      the noun phrase before it (up to N words) stand as\n"
    "                      a new actor with code null (default 0: off)\n"
    "  --no-infer-country  do not give bare agents (\"rebels\") the country\n"
    "                      the document is about\n"
    "  --validate FILE     run a PETRARCH unit-test XML file instead\n"
    "  --stats             print throughput figures to stderr at the end\n"
    "  --explain           tell on stderr, for every verb, the phrases, mood,\n"
    "                      source, target and pattern the coder settled on\n"
    "  -v, --verbose       also list the known faulty lines of the shipped\n"
    "                      PETRARCH dictionaries (skipped at load)\n"
    "  -q, --quiet         no progress line\n"
    "  -h, --help          this help\n"
    "\n"
    "exit status: 0 all documents coded, 1 some documents failed, 2 usage\n"
    "error, 3 could not start (dictionaries).\n";

typedef struct job {
    sr_doc doc;
    sr_buf out;
} job;

typedef struct run {
    const sr_dict *dict;
    sr_coder_options opt;
    int nthreads;
    job jobs[BATCH_DOCS];
    size_t njobs, batch_bytes;
    sr_arena *batch_arena;
    size_t next; /* next job to take, guarded by lock */
    pthread_mutex_t lock;
    sr_coder **coders;
    sr_arena **scratch; /* per worker: the later stages' working memory */
    int kinds;          /* KIND_* records to write */
    /* totals */
    size_t docs, bad, events, bytes, sentences;
    double started, last_progress;
    int progress, stop;
} run;

enum { KIND_EVENT = 1, KIND_FIGURE = 2, KIND_QUOTE = 4, KIND_ALL = 7 };

/* Everything one document gives: events, figures, then quotations (the
 * kinds asked for). */
static void code_job(sr_coder *coder, sr_arena *scratch, int kinds, job *j, size_t *sentences)
{
    const sr_events *evs = NULL;
    sr_error err = {0, ""};
    sr_buf_reset(&j->out);
    if (sr_coder_code(coder, j->doc.text, j->doc.text_len, j->doc.date, &evs, &err) != 0) {
        fprintf(stderr, "%s:%zu: %s\n", j->doc.path, j->doc.line, err.msg);
        return;
    }
    *sentences += evs->text->nsentences;
    if (kinds & KIND_EVENT)
        sr_records_write_events(&j->out, &j->doc, evs);
    sr_arena_reset(scratch);
    sr_figure *fs = NULL;
    size_t nf = 0;
    if ((kinds & KIND_FIGURE) &&
        sr_figures_find(evs->text, evs->phrases, evs->nphrases, scratch, &fs, &nf) == 0)
        sr_records_write_figures(&j->out, &j->doc, evs, fs, nf);
    sr_quote *qs = NULL;
    size_t nq = 0;
    if ((kinds & KIND_QUOTE) &&
        sr_quotes_find(evs->text, evs->phrases, evs->nphrases, scratch, &qs, &nq) == 0)
        sr_records_write_quotes(&j->out, &j->doc, evs, qs, nq);
}

typedef struct worker {
    run *r;
    int index;
    size_t sentences;
} worker;

static void *worker_main(void *arg)
{
    worker *w = arg;
    run *r = w->r;
    for (;;) {
        pthread_mutex_lock(&r->lock);
        size_t k = r->next++;
        pthread_mutex_unlock(&r->lock);
        if (k >= r->njobs)
            break;
        code_job(r->coders[w->index], r->scratch[w->index], r->kinds, &r->jobs[k], &w->sentences);
    }
    return NULL;
}

static void show_progress(run *r, int final)
{
    double now = cli_now();
    if (!r->progress || (!final && now - r->last_progress < 0.5))
        return;
    r->last_progress = now;
    double dt = now - r->started;
    fprintf(stderr, "\r%zu docs  %.1f MB  %zu events  %zu errors  %.0f docs/s%s", r->docs,
            (double)r->bytes / 1e6, r->events, r->bad, dt > 0 ? (double)r->docs / dt : 0.0,
            final ? "\n" : "");
}

static void flush_batch(run *r)
{
    if (r->njobs == 0)
        return;
    r->next = 0;
    if (r->nthreads <= 1) {
        size_t sentences = 0;
        for (size_t k = 0; k < r->njobs; k++)
            code_job(r->coders[0], r->scratch[0], r->kinds, &r->jobs[k], &sentences);
        r->sentences += sentences;
    } else {
        pthread_t tids[64];
        worker ws[64];
        for (int t = 0; t < r->nthreads; t++) {
            ws[t] = (worker){r, t, 0};
            pthread_create(&tids[t], NULL, worker_main, &ws[t]);
        }
        for (int t = 0; t < r->nthreads; t++) {
            pthread_join(tids[t], NULL);
            r->sentences += ws[t].sentences;
        }
    }
    for (size_t k = 0; k < r->njobs; k++) {
        job *j = &r->jobs[k];
        if (j->out.len) {
            fwrite(j->out.data, 1, j->out.len, stdout);
            for (size_t i = 0; i < j->out.len; i++)
                r->events += j->out.data[i] == '\n';
        }
    }
    r->njobs = 0;
    r->batch_bytes = 0;
    sr_arena_reset(r->batch_arena);
    show_progress(r, 0);
}

static int on_doc(const sr_doc *doc, void *ctx)
{
    run *r = ctx;
    job *j = &r->jobs[r->njobs++];
    sr_doc_copy(r->batch_arena, doc, &j->doc);
    r->docs++;
    r->bytes += doc->text_len;
    r->batch_bytes += doc->text_len;
    if (r->njobs == BATCH_DOCS || r->batch_bytes >= BATCH_BYTES)
        flush_batch(r);
    return 0;
}

static void on_error(const char *path, size_t line, const char *msg, void *ctx)
{
    run *r = ctx;
    (void)path;
    (void)line;
    r->bad++;
    fprintf(stderr, "%s\n", msg); /* already "FILE:LINE: what is wrong" */
}

const char *cli_dict_dir(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("SITREP_DICT");
    if (env && *env)
        return env;
    return SR_DATADIR "/dict";
}

/* Lines the shipped PETRARCH files get wrong are known and counted only;
 * a line of the user's own dictionaries is worth telling at once. */
typedef struct warn_state {
    int verbose;
    size_t shipped, own;
} warn_state;

static int shipped_file(const char *msg)
{
    return strncmp(msg, "CAMEO.2.0.txt:", 14) == 0 || strncmp(msg, "Phoenix.", 8) == 0;
}

static void on_dict_warning(const char *msg, void *ctx)
{
    warn_state *w = ctx;
    if (shipped_file(msg)) {
        w->shipped++;
        if (w->verbose)
            fprintf(stderr, "sitrep: warning: %s\n", msg);
    } else {
        w->own++;
        fprintf(stderr, "sitrep: warning: %s\n", msg);
    }
}

sr_dict *cli_load_dict(const char *dir, int verbose)
{
    sr_dict *d = NULL;
    sr_error err = {0, ""};
    warn_state w = {verbose, 0, 0};
    if (sr_dict_load_dir(&d, dir, on_dict_warning, &w, &err) != 0) {
        fprintf(stderr, "sitrep: cannot load dictionaries from %s: %s\n", dir, err.msg);
        return NULL;
    }
    if (w.own)
        fprintf(stderr, "sitrep: %zu dictionary lines skipped (see the warnings above)\n", w.own);
    return d;
}

/* "event,quote" -> KIND_EVENT | KIND_QUOTE; 0 when a word is unknown. */
static int parse_kinds(const char *list)
{
    int kinds = 0;
    const char *p = list;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == 5 && strncmp(p, "event", 5) == 0)
            kinds |= KIND_EVENT;
        else if (n == 6 && strncmp(p, "figure", 6) == 0)
            kinds |= KIND_FIGURE;
        else if (n == 5 && strncmp(p, "quote", 5) == 0)
            kinds |= KIND_QUOTE;
        else
            return 0;
        p += n;
        if (*p == ',')
            p++;
    }
    return kinds;
}

int cmd_code(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"dict", required_argument, NULL, 'd'},    {"threads", required_argument, NULL, 't'},
        {"require-dyad", no_argument, NULL, 'r'},  {"new-actor-length", required_argument, NULL, 'N'},  {"no-infer-country", no_argument, NULL, 'n'},
        {"validate", required_argument, NULL, 'V'}, {"stats", no_argument, NULL, 's'},
        {"verbose", no_argument, NULL, 'v'},       {"explain", no_argument, NULL, 'x'},       {"quiet", no_argument, NULL, 'q'},
        {"no-places", no_argument, NULL, 'P'},     {"kinds", required_argument, NULL, 'k'},     {"gazetteer", required_argument, NULL, 'g'},
        {"help", no_argument, NULL, 'h'},          {NULL, 0, NULL, 0}};
    const char *dict_dir = NULL, *validate = NULL, *gaz_path = NULL;
    int threads = 1, stats = 0, verbose = 0, quiet = 0, places = 1, kinds = KIND_ALL, ch;
    sr_coder_options opt;
    sr_coder_options_default(&opt);
    optind = 1;
    while ((ch = getopt_long(argc, argv, "d:t:vqh", longopts, NULL)) != -1) {
        switch (ch) {
        case 'd': dict_dir = optarg; break;
        case 't':
            threads = atoi(optarg);
            if (threads < 1 || threads > 64) {
                fprintf(stderr, "sitrep code: --threads takes 1 to 64, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'r': opt.require_dyad = 1; break;
        case 'N':
            opt.new_actor_length = atoi(optarg);
            if (opt.new_actor_length < 0 || opt.new_actor_length > 32) {
                fprintf(stderr, "sitrep code: --new-actor-length takes 0 to 32, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'n': opt.infer_country = 0; break;
        case 'V': validate = optarg; break;
        case 's': stats = 1; break;
        case 'v': verbose = 1; break;
        case 'P': places = 0; break;
        case 'k':
            if ((kinds = parse_kinds(optarg)) == 0) {
                fprintf(stderr, "sitrep code: --kinds takes a list of event, figure, quote, not '%s'\n", optarg);
                return EXIT_USAGE;
            }
            break;
        case 'g': gaz_path = optarg; break;
        case 'x': opt.trace = 1; break;
        case 'q': quiet = 1; break;
        case 'h': fputs(code_usage, stdout); return EXIT_OK;
        default: fputs(code_usage, stderr); return EXIT_USAGE;
        }
    }
    if (validate)
        return cmd_validate(validate, dict_dir, verbose, opt.trace);
    if (optind >= argc) {
        fprintf(stderr, "sitrep code: no input given (a file, a directory, or - for stdin)\n\n%s",
                code_usage);
        return EXIT_USAGE;
    }

    double t0 = cli_now();
    sr_dict *dict = cli_load_dict(cli_dict_dir(dict_dir), verbose);
    if (!dict)
        return EXIT_FATAL;
    double t_dict = cli_now() - t0;
    sr_gazetteer *gaz = NULL;
    if (places) {
        sr_error gerr = {0, ""};
        if (sr_gazetteer_open(&gaz, cli_gazetteer_path(gaz_path), &gerr) != 0) {
            fprintf(stderr, "sitrep code: places are off: %s\n", gerr.msg);
            gaz = NULL;
        }
    }

    run *r = calloc(1, sizeof *r);
    r->dict = dict;
    r->opt = opt;
    r->nthreads = threads;
    r->kinds = kinds;
    r->batch_arena = sr_arena_new(8u << 20);
    r->coders = calloc((size_t)threads, sizeof *r->coders);
    r->scratch = calloc((size_t)threads, sizeof *r->scratch);
    for (int t = 0; t < threads; t++)
        r->scratch[t] = sr_arena_new(0);
    pthread_mutex_init(&r->lock, NULL);
    r->progress = !quiet && isatty(2);
    r->started = cli_now();
    int status = EXIT_OK;
    for (int t = 0; t < threads; t++) {
        sr_error err = {0, ""};
        if (sr_coder_new(&r->coders[t], dict, &opt, &err) != 0) {
            fprintf(stderr, "sitrep code: %s\n", err.msg);
            status = EXIT_FATAL;
            goto cleanup;
        }
        sr_coder_set_gazetteer(r->coders[t], gaz);
    }
    for (size_t k = 0; k < BATCH_DOCS; k++)
        sr_buf_init(&r->jobs[k].out);

    sr_reader *reader = sr_reader_new();
    for (int i = optind; i < argc; i++) {
        int rc = sr_read_path(reader, argv[i], SR_FORMAT_AUTO, on_doc, on_error, r);
        if (rc != 0)
            status = EXIT_SOME_FAILED;
    }
    flush_batch(r);
    sr_reader_free(reader);
    show_progress(r, 1);
    if (r->bad)
        status = EXIT_SOME_FAILED;
    fflush(stdout);
    if (stats) {
        double dt = cli_now() - r->started;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr,
                "stats: docs=%zu bad=%zu bytes=%zu sentences=%zu events=%zu "
                "dict_load_ms=%.1f seconds=%.3f MB/s=%.2f docs/s=%.0f sentences/s=%.0f "
                "events/s=%.0f peak_rss_mb=%.1f\n",
                r->docs, r->bad, r->bytes, r->sentences, r->events, t_dict * 1e3, dt,
                dt > 0 ? (double)r->bytes / 1e6 / dt : 0.0, dt > 0 ? (double)r->docs / dt : 0.0,
                dt > 0 ? (double)r->sentences / dt : 0.0, dt > 0 ? (double)r->events / dt : 0.0,
                (double)ru.ru_maxrss / 1024.0);
    }
    for (size_t k = 0; k < BATCH_DOCS; k++)
        sr_buf_free(&r->jobs[k].out);
cleanup:
    for (int t = 0; t < threads; t++) {
        sr_coder_free(r->coders[t]);
        sr_arena_free(r->scratch[t]);
    }
    free(r->coders);
    free(r->scratch);
    sr_arena_free(r->batch_arena);
    pthread_mutex_destroy(&r->lock);
    free(r);
    sr_dict_free(dict);
    sr_gazetteer_close(gaz);
    return status;
}
