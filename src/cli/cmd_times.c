/*
 * sitrep times: every time expression of every document, with its TIMEX3
 * value, for checking the recognizer and for the scorers.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "sitrep/timex.h"
#include "util/buf.h"

static const char times_usage[] =
    "usage: sitrep times [--format table|jsonl] PATH...\n"
    "\n"
    "List the time expressions of news articles (\"3 September 2018\", \"on\n"
    "Monday\", \"last week\", \"two days ago\", \"33 years\") with their TIMEX3\n"
    "values resolved against the document date. PATH is read as by 'sitrep\n"
    "code': a .txt, .jsonl or .html file, a directory, or - for JSON lines on\n"
    "standard input. The document date comes from the metadata, else from a\n"
    "dateline at the top of the text, else there is none and relative\n"
    "expressions keep unknown parts (\"XXXX-XX-XX\", \"PAST_REF\").\n"
    "\n"
    "options:\n"
    "  --format table   an aligned table per document (the default on a\n"
    "                   terminal)\n"
    "  --format jsonl   one JSON object per expression (the default otherwise):\n"
    "                   {\"doc\", \"text\", \"span\": [start, end], \"value\", \"type\",\n"
    "                   \"precision\", \"sentence\"}; spans count bytes of the\n"
    "                   document's text\n"
    "  -h, --help       this help\n"
    "\n"
    "Recognized forms and how values are computed: docs/times.md.\n"
    "\n"
    "exit status: 0 all documents read, 1 some documents failed, 2 usage error.\n";

static const char *const type_names[] = {"DATE", "TIME", "DURATION", "SET"};

typedef struct times_run {
    int table;
    sr_arena *arena;
    sr_buf out;
    size_t docs, bad, mentions;
} times_run;

static void put_jsonl(times_run *r, const sr_doc *doc, const sr_timex *x)
{
    sr_buf *b = &r->out;
    sr_buf_puts(b, "{\"doc\":");
    sr_buf_json_strz(b, doc->id);
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_str(b, doc->text + x->start, x->end - x->start);
    sr_buf_printf(b, ",\"span\":[%u,%u],\"value\":", x->start, x->end);
    sr_buf_json_strz(b, x->value);
    sr_buf_printf(b, ",\"type\":\"%s\",\"precision\":", type_names[x->type]);
    sr_buf_json_strz(b, x->precision);
    sr_buf_printf(b, ",\"sentence\":%u}\n", x->sentence);
}

/* The mention's text on one line: line breaks inside it become spaces. */
static void put_flat(sr_buf *b, const char *s, size_t n)
{
    for (size_t k = 0; k < n; k++)
        sr_buf_putc(b, s[k] == '\n' || s[k] == '\t' || s[k] == '\r' ? ' ' : s[k]);
}

static void put_table(times_run *r, const sr_doc *doc, const char *date, const char *source,
                      const sr_timex *xs, size_t n)
{
    sr_buf *b = &r->out;
    sr_buf_printf(b, "%s  (date %s%s%s)\n", doc->id, date ? date : "none",
                  date ? " from " : "", date ? source : "");
    int wspan = 4, wvalue = 5;
    for (size_t k = 0; k < n; k++) {
        int ws = snprintf(NULL, 0, "%u-%u", xs[k].start, xs[k].end);
        int wv = (int)strlen(xs[k].value);
        wspan = ws > wspan ? ws : wspan;
        wvalue = wv > wvalue ? wv : wvalue;
    }
    if (n)
        sr_buf_printf(b, "  %-4s %-*s %-8s %-*s %s\n", "sent", wspan, "span", "type", wvalue,
                      "value", "text");
    for (size_t k = 0; k < n; k++) {
        const sr_timex *x = &xs[k];
        char span[32];
        snprintf(span, sizeof span, "%u-%u", x->start, x->end);
        sr_buf_printf(b, "  %-4u %-*s %-8s %-*s ", x->sentence, wspan, span,
                      type_names[x->type], wvalue, x->value);
        put_flat(b, doc->text + x->start, x->end - x->start);
        sr_buf_putc(b, '\n');
    }
    if (!n)
        sr_buf_puts(b, "  (no time expressions)\n");
    sr_buf_putc(b, '\n');
}

static int on_doc(const sr_doc *doc, void *ctx)
{
    times_run *r = ctx;
    r->docs++;
    sr_arena_reset(r->arena);
    const char *date = doc->date, *source = "metadata";
    char dateline[11];
    if (!date && sr_dateline_date(doc->text, doc->text_len, dateline)) {
        date = dateline;
        source = "dateline";
    }
    sr_text *t = sr_text_analyze(r->arena, doc->text, doc->text_len);
    sr_timex *xs = NULL;
    size_t n = 0;
    if (sr_timex_find(t, date, r->arena, &xs, &n) != 0) {
        fprintf(stderr, "%s:%zu: cannot find time expressions\n", doc->path, doc->line);
        r->bad++;
        return 0;
    }
    sr_buf_reset(&r->out);
    if (r->table)
        put_table(r, doc, date, source, xs, n);
    else
        for (size_t k = 0; k < n; k++)
            put_jsonl(r, doc, &xs[k]);
    r->mentions += n;
    if (r->out.len)
        fwrite(r->out.data, 1, r->out.len, stdout);
    return 0;
}

static void on_error(const char *path, size_t line, const char *msg, void *ctx)
{
    times_run *r = ctx;
    (void)path;
    (void)line;
    r->bad++;
    fprintf(stderr, "%s\n", msg); /* already "FILE:LINE: what is wrong" */
}

int cmd_times(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    int table = isatty(1), ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f':
            if (strcmp(optarg, "table") == 0) {
                table = 1;
            } else if (strcmp(optarg, "jsonl") == 0) {
                table = 0;
            } else {
                fprintf(stderr, "sitrep times: --format takes table or jsonl, not '%s'\n",
                        optarg);
                return EXIT_USAGE;
            }
            break;
        case 'h': fputs(times_usage, stdout); return EXIT_OK;
        default: fputs(times_usage, stderr); return EXIT_USAGE;
        }
    }
    if (optind >= argc) {
        fprintf(stderr, "sitrep times: no input given (a file, a directory, or - for stdin)\n\n%s",
                times_usage);
        return EXIT_USAGE;
    }
    times_run r;
    memset(&r, 0, sizeof r);
    r.table = table;
    r.arena = sr_arena_new(1u << 20);
    if (!r.arena) {
        fputs("sitrep times: out of memory\n", stderr);
        return EXIT_FATAL;
    }
    sr_buf_init(&r.out);
    int status = EXIT_OK;
    sr_reader *reader = sr_reader_new();
    for (int i = optind; i < argc; i++)
        if (sr_read_path(reader, argv[i], SR_FORMAT_AUTO, on_doc, on_error, &r) != 0)
            status = EXIT_SOME_FAILED;
    sr_reader_free(reader);
    if (r.bad)
        status = EXIT_SOME_FAILED;
    fflush(stdout);
    sr_buf_free(&r.out);
    sr_arena_free(r.arena);
    return status;
}
