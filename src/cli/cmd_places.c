/*
 * sitrep places: every place named in the documents, with the gazetteer
 * reading chosen for it, for checking and for dictionary authors; or,
 * with --db or no PATH, the places of a store's events with how many
 * events each has.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/filter_opts.h"
#include "cli/output.h"
#include "sitrep/geo.h"
#include "sitrep/query.h"
#include "util/buf.h"

static const char places_usage[] =
    "usage: sitrep places [--format table|jsonl] PATH...\n"
    "       sitrep places [--db FILE] [filters] [--format table|jsonl|csv]\n"
    "\n"
    "List every place named in the documents with the gazetteer entry it was\n"
    "resolved to: name, coordinates, country, first-order division, GeoNames\n"
    "id, feature (city, admin1, country, region). Spans count bytes of the\n"
    "document's text. PATH is read as by `sitrep code`.\n"
    "\n"
    "options:\n"
    "  --format F       table (default on a terminal) or jsonl (default otherwise)\n"
    "  --gazetteer FILE the compiled gazetteer (default: $SITREP_GAZETTEER, else\n"
    "                   the one built with sitrep)\n"
    "  -h, --help       this help\n"
    "\n"
    "With --db, or no PATH, the store is read instead (default: $SITREP_DB,\n"
    "else ./sitrep.db): the places of its events, one row per gazetteer\n"
    "entry, most events first, with the events there and the articles they\n"
    "come from. The event filters select the events counted:\n"
    "\n" FILTER_HELP;

typedef struct places_run {
    const sr_gazetteer *g;
    sr_arena *arena;
    int jsonl;
    size_t bad, mentions;
    sr_buf out;
} places_run;

static int places_doc(const sr_doc *doc, void *ctx)
{
    places_run *r = ctx;
    sr_arena_reset(r->arena);
    sr_text *t = sr_text_analyze(r->arena, doc->text, doc->text_len);
    sr_place_mention *ms = NULL;
    size_t n = 0;
    sr_places_find(r->g, t, r->arena, &ms, &n);
    sr_buf_reset(&r->out);
    for (size_t k = 0; k < n; k++) {
        const sr_place_mention *m = &ms[k];
        const sr_place *p = &m->place;
        if (r->jsonl) {
            sr_buf_puts(&r->out, "{\"kind\":\"place\",\"doc\":");
            sr_buf_json_strz(&r->out, doc->id);
            sr_buf_printf(&r->out, ",\"sentence\":%u,\"text\":", m->sentence);
            sr_buf_json_str(&r->out, doc->text + m->start, m->end - m->start);
            sr_buf_puts(&r->out, ",\"span\":");
            sr_buf_json_span(&r->out, m->start, m->end);
            sr_buf_puts(&r->out, ",\"name\":");
            sr_buf_json_strz(&r->out, p->name);
            sr_buf_printf(&r->out, ",\"lat\":%.5f,\"lon\":%.5f,\"country\":\"%s\",\"country3\":\"%s\",\"admin1\":",
                          p->lat, p->lon, p->country, p->country3);
            sr_buf_json_strz(&r->out, p->admin1);
            sr_buf_printf(&r->out, ",\"geonameid\":%u,\"feature\":", p->geonameid);
            sr_buf_json_strz(&r->out, sr_feature_name(p->feature));
            sr_buf_puts(&r->out, ",\"cue\":");
            sr_buf_json_strz(&r->out, m->cue);
            sr_buf_printf(&r->out, ",\"ambiguous\":%s,\"v\":%d}\n", m->ambiguous ? "true" : "false",
                          SR_RECORD_VERSION);
        } else {
            sr_buf_printf(&r->out, "%-18.18s %-28.*s %-24.24s %9.4f %9.4f %-2s %-18.18s %-7s\n",
                          doc->id, (int)(m->end - m->start > 28 ? 28 : m->end - m->start),
                          doc->text + m->start, p->name, p->lat, p->lon, p->country,
                          p->admin1 ? p->admin1 : "-",
                          sr_feature_name(p->feature) ? sr_feature_name(p->feature) : "-");
        }
    }
    r->mentions += n;
    fwrite(r->out.data ? r->out.data : "", 1, r->out.len, stdout);
    return 0;
}

static void places_error(const char *path, size_t line, const char *msg, void *ctx)
{
    places_run *r = ctx;
    r->bad++;
    if (line)
        fprintf(stderr, "%s:%zu: %s\n", path, line, msg);
    else
        fprintf(stderr, "%s: %s\n", path, msg);
}

const char *cli_gazetteer_path(const char *given)
{
    if (given)
        return given;
    const char *env = getenv("SITREP_GAZETTEER");
    if (env && *env)
        return env;
#ifdef SR_GAZETTEER
    return SR_GAZETTEER;
#else
    return SR_DATADIR "/../build/gazetteer.bin";
#endif
}

/* ---- the store's places ------------------------------------------------------ */

static const out_col store_place_cols[] = {
    {"place", 5, 28, 0, 1},   {"country", 7, 7, 0, 0}, {"admin1", 6, 18, 0, 0},
    {"feature", 7, 8, 0, 0},  {"lat", 9, 9, 1, 0},     {"lon", 9, 9, 1, 0},
    {"geonameid", 9, 10, 1, 0}, {"events", 6, 0, 1, 0}, {"articles", 8, 0, 1, 0}};

static int on_store_place(const sr_place_row *r, void *ctx)
{
    query_run *q = ctx;
    if (q->format == OUT_JSONL) {
        sr_buf *b = &q->json;
        sr_buf_reset(b);
        sr_buf_puts(b, "{\"kind\":\"place_count\"");
        out_json_str(b, "name", r->name);
        out_json_str(b, "country", r->country);
        out_json_str(b, "country3", r->country3);
        out_json_str(b, "admin1", r->admin1);
        out_json_str(b, "feature", r->feature);
        out_json_fixed(b, "lat", r->lat, 5); /* NaN: no coordinates */
        out_json_fixed(b, "lon", r->lon, 5);
        out_json_int_or_null(b, "geonameid", r->geonameid, r->geonameid > 0);
        out_json_int(b, "events", r->events);
        out_json_int(b, "articles", r->articles);
        sr_buf_printf(b, ",\"v\":%d}", SR_RECORD_VERSION);
        cli_out_json(q->out, b);
        return 0;
    }
    out_numbers nc = {.n = 0};
    const char *cells[9] = {r->name,
                            r->country,
                            r->admin1,
                            r->feature,
                            out_fixed(&nc, r->lat, 4),
                            out_fixed(&nc, r->lon, 4),
                            r->geonameid > 0 ? out_int(&nc, r->geonameid) : NULL,
                            out_int(&nc, r->events),
                            out_int(&nc, r->articles)};
    cli_out_row(q->out, cells);
    return 0;
}

static int store_places(query_args *a)
{
    if (filter_opts_finish(a, "places") != 0)
        return EXIT_USAGE;
    query_run q;
    int status = query_run_start(&q, "places", a, store_place_cols, 9, NULL, 0);
    if (status != 0)
        return status;
    sr_error err = {0, ""};
    int rc = sr_store_places(q.store, &a->f, on_store_place, &q, &err);
    return query_run_end(&q, rc, &err, "no events with a place match");
}

int cmd_places(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"gazetteer", required_argument, NULL, 'g'},
                                             {"help", no_argument, NULL, 'h'},
                                             FILTER_LONGOPTS,
                                             {NULL, 0, NULL, 0}};
    const char *format = NULL, *gpath = NULL;
    query_args store;
    memset(&store, 0, sizeof store);
    int store_options = 0;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:g:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f': format = optarg; break;
        case 'g': gpath = optarg; break;
        case 'h': fputs(places_usage, stdout); return EXIT_OK;
        default: {
            int status = filter_opt_take_or_usage(&store, ch, optarg, "places", places_usage);
            if (status >= 0)
                return status;
            store_options = 1;
        }
        }
    }
    if (store.db && optind < argc) {
        fprintf(stderr, "sitrep places: give PATH... (articles) or --db (a store), not both\n");
        return EXIT_USAGE;
    }
    if (store.db || optind >= argc) {
        store.format_name = format;
        return store_places(&store);
    }
    if (store_options) {
        fprintf(stderr, "sitrep places: the filters read a store (--db, or no PATH), not "
                        "articles\n");
        return EXIT_USAGE;
    }
    if (format && strcmp(format, "table") != 0 && strcmp(format, "jsonl") != 0) {
        fprintf(stderr, "sitrep places: --format is table or jsonl, not '%s'\n", format);
        return EXIT_USAGE;
    }
    if (optind >= argc) {
        fprintf(stderr, "sitrep places: no input given\n\n%s", places_usage);
        return EXIT_USAGE;
    }
    sr_gazetteer *g = NULL;
    sr_error err = {0, ""};
    if (sr_gazetteer_open(&g, cli_gazetteer_path(gpath), &err) != 0) {
        fprintf(stderr, "sitrep places: %s\n", err.msg);
        return EXIT_FATAL;
    }
    places_run r = {g, sr_arena_new(0), 0, 0, 0, SR_BUF_INIT};
    r.jsonl = format ? strcmp(format, "jsonl") == 0 : !isatty(1);
    if (!r.jsonl)
        printf("%-18s %-28s %-24s %9s %9s %-2s %-18s %-7s\n", "doc", "text", "name", "lat", "lon",
               "cc", "admin1", "feature");
    int status = EXIT_OK;
    sr_reader *reader = sr_reader_new();
    for (int i = optind; i < argc; i++)
        if (sr_read_path(reader, argv[i], SR_FORMAT_AUTO, places_doc, places_error, &r) != 0)
            status = EXIT_SOME_FAILED;
    sr_reader_free(reader);
    if (r.bad)
        status = EXIT_SOME_FAILED;
    sr_buf_free(&r.out);
    sr_arena_free(r.arena);
    sr_gazetteer_close(g);
    return status;
}
