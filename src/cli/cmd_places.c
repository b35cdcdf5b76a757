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

typedef struct store_places_run {
    cli_out *out;
    out_format format;
    sr_buf json;
} store_places_run;

static int on_store_place(const sr_place_row *r, void *ctx)
{
    store_places_run *q = ctx;
    if (q->format == OUT_JSONL) {
        sr_buf *b = &q->json;
        sr_buf_reset(b);
        sr_buf_puts(b, "{\"kind\":\"place_count\",\"name\":");
        sr_buf_json_strz(b, r->name);
        sr_buf_puts(b, ",\"country\":");
        sr_buf_json_strz(b, r->country);
        sr_buf_puts(b, ",\"country3\":");
        sr_buf_json_strz(b, r->country3);
        sr_buf_puts(b, ",\"admin1\":");
        sr_buf_json_strz(b, r->admin1);
        sr_buf_puts(b, ",\"feature\":");
        sr_buf_json_strz(b, r->feature);
        sr_buf_puts(b, ",\"lat\":");
        if (r->lat == r->lat) /* not NaN */
            sr_buf_put_fixed(b, r->lat, 5);
        else
            sr_buf_puts(b, "null");
        sr_buf_puts(b, ",\"lon\":");
        if (r->lon == r->lon)
            sr_buf_put_fixed(b, r->lon, 5);
        else
            sr_buf_puts(b, "null");
        sr_buf_puts(b, ",\"geonameid\":");
        if (r->geonameid > 0)
            sr_buf_put_uint(b, (unsigned long long)r->geonameid);
        else
            sr_buf_puts(b, "null");
        sr_buf_printf(b, ",\"events\":%lld,\"articles\":%lld,\"v\":%d}", (long long)r->events,
                      (long long)r->articles, SR_RECORD_VERSION);
        cli_out_json(q->out, b);
        return 0;
    }
    char lat[32] = "", lon[32] = "", gid[32] = "", events[32], articles[32];
    if (r->lat == r->lat) /* not NaN */
        snprintf(lat, sizeof lat, "%.4f", r->lat);
    if (r->lon == r->lon)
        snprintf(lon, sizeof lon, "%.4f", r->lon);
    if (r->geonameid > 0)
        snprintf(gid, sizeof gid, "%lld", (long long)r->geonameid);
    snprintf(events, sizeof events, "%lld", (long long)r->events);
    snprintf(articles, sizeof articles, "%lld", (long long)r->articles);
    const char *cells[9] = {r->name, r->country, r->admin1, r->feature, lat, lon, gid,
                            events, articles};
    cli_out_row(q->out, cells);
    return 0;
}

static int store_places(query_args *a)
{
    if (filter_opts_finish(a, "places") != 0)
        return EXIT_USAGE;
    sr_store *s = cli_open_store("places", a->db, SR_STORE_READ);
    if (!s)
        return EXIT_FATAL;
    store_places_run q = {cli_out_open(stdout, a->format, store_place_cols, 9), a->format,
                          SR_BUF_INIT};
    sr_error err = {0, ""};
    int rc = sr_store_places(s, &a->f, on_store_place, &q, &err);
    long long n = cli_out_count(q.out);
    int write_failed = cli_out_close(q.out) != 0;
    sr_buf_free(&q.json);
    sr_store_close(s);
    if (rc != 0)
        return filter_query_failed("places", rc, &err);
    if (write_failed) {
        perror("sitrep places: writing the output");
        return EXIT_FATAL;
    }
    if (n == 0 && a->format == OUT_TABLE)
        fputs("sitrep places: no events with a place match\n", stderr);
    return EXIT_OK;
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
            int taken = filter_opt_take(&store, ch, optarg, "places");
            if (taken < 0)
                return EXIT_USAGE;
            if (taken == 0) {
                fputs(places_usage, stderr);
                return EXIT_USAGE;
            }
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
