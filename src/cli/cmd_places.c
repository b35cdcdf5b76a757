/*
 * sitrep places: every place named in the documents, with the gazetteer
 * reading chosen for it, for checking and for dictionary authors.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "sitrep/geo.h"
#include "util/buf.h"

static const char places_usage[] =
    "usage: sitrep places [--format table|jsonl] PATH...\n"
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
    "  -h, --help       this help\n";

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

int cmd_places(int argc, char **argv)
{
    static const struct option longopts[] = {{"format", required_argument, NULL, 'f'},
                                             {"gazetteer", required_argument, NULL, 'g'},
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    const char *format = NULL, *gpath = NULL;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "f:g:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'f': format = optarg; break;
        case 'g': gpath = optarg; break;
        case 'h': fputs(places_usage, stdout); return EXIT_OK;
        default: fputs(places_usage, stderr); return EXIT_USAGE;
        }
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
