/*
 * sitrep events, sitrep actors, sitrep quotes: questions asked of a store.
 *
 * Each command parses the shared filter options (filter_opts.c), runs
 * one library query (include/sitrep/query.h) and prints each row as it
 * comes, as a table, JSON lines or CSV (output.c). The JSON lines of
 * `events` are the event records of docs/records.md with the store's
 * fields added (id, outlet, url, title, published, mention_key, group_id
 * and the group's counts), so that tools that read `sitrep code` output
 * read these too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/filter_opts.h"
#include "cli/output.h"
#include "sitrep/query.h"
#include "util/buf.h"

/* ---- shared -------------------------------------------------------------- */

typedef struct query_run {
    cli_out *out;
    out_format format;
    sr_buf json;
    sr_buf scratch;
} query_run;

static void json_span_or_null(sr_buf *b, int64_t start, int64_t end)
{
    if (start < 0 || end < start)
        sr_buf_puts(b, "null");
    else
        sr_buf_json_span(b, (unsigned long)start, (unsigned long)end);
}

static void json_int(sr_buf *b, int64_t v)
{
    if (v < 0) {
        sr_buf_putc(b, '-');
        sr_buf_put_uint(b, (unsigned long long)(-(v + 1)) + 1);
    } else {
        sr_buf_put_uint(b, (unsigned long long)v);
    }
}

/* Parse argv for a query command (the options of longopts, all of them
 * filter options, and --help). Returns -1 to go on, else the exit
 * status. */
static int parse_args(int argc, char **argv, const char *cmd, const char *usage,
                      const struct option *longopts, query_args *a)
{
    int ch;
    optind = 1;
    memset(a, 0, sizeof *a);
    while ((ch = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
        if (ch == 'h') {
            fputs(usage, stdout);
            return EXIT_OK;
        }
        int taken = filter_opt_take(a, ch, optarg, cmd);
        if (taken < 0)
            return EXIT_USAGE;
        if (taken == 0) {
            fputs(usage, stderr);
            return EXIT_USAGE;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "sitrep %s: unexpected argument '%s' (filters are options: see --help)\n",
                cmd, argv[optind]);
        return EXIT_USAGE;
    }
    if (filter_opts_finish(a, cmd) != 0)
        return EXIT_USAGE;
    return -1;
}

static int finish(const char *cmd, query_run *r, int rc, const sr_error *err, const char *none)
{
    long long n = cli_out_count(r->out);
    int write_failed = cli_out_close(r->out) != 0;
    sr_buf_free(&r->json);
    sr_buf_free(&r->scratch);
    if (rc != 0)
        return filter_query_failed(cmd, rc, err);
    if (write_failed) {
        perror("sitrep: writing the output");
        return EXIT_FATAL;
    }
    if (n == 0 && r->format == OUT_TABLE)
        fprintf(stderr, "sitrep %s: %s\n", cmd, none);
    return EXIT_OK;
}

/* ---- events ---------------------------------------------------------------- */

static const char events_usage[] =
    "usage: sitrep events [--db FILE] [filters] [--limit N] [--grouped]\n"
    "                     [--format table|jsonl|csv]\n"
    "\n"
    "The events of a store (filled by sitrep ingest), one row per event, by\n"
    "date (undated last), then document and position. Every filter given\n"
    "must hold.\n"
    "\n"
    "filters and options:\n" FILTER_HELP
    "  --grouped            one row per real-world event: reports of the same\n"
    "                       event (same day or next, actors, CAMEO root, place)\n"
    "                       are one row, one report standing for the group,\n"
    "                       with how many mentions, outlets and articles it has\n"
    "  -h, --help           this help\n"
    "\n"
    "JSON lines are the event records of docs/records.md with the store's\n"
    "fields added: id, outlet, url, title, published, mention_key, group_id,\n"
    "num_mentions, num_sources, num_articles.\n"
    "\n"
    "exit status: 0 done (also when nothing matched), 2 a bad option or\n"
    "filter, 3 the store could not be read.\n";

/* The store keeps a date of lower precision as its first day; records
 * write it as a TIMEX3 value of that precision: 2018-08, 2018, 2018-W36. */
static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int day_of_year(int y, int m, int d)
{
    static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    return before[m - 1] + d + (m > 2 && is_leap(y));
}

/* 1 Monday .. 7 Sunday (Sakamoto's method). */
static int weekday(int y, int m, int d)
{
    static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    if (m < 3)
        y--;
    int w = (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7; /* 0 Sunday */
    return w == 0 ? 7 : w;
}

static int iso_weeks_in(int y)
{
    int jan1 = weekday(y, 1, 1);
    return jan1 == 4 || (jan1 == 3 && is_leap(y)) ? 53 : 52;
}

static void timex_value(const char *date, const char *precision, char out[16])
{
    snprintf(out, 16, "%s", date);
    if (!precision || strlen(date) != 10)
        return;
    if (strcmp(precision, "month") == 0) {
        out[7] = '\0';
    } else if (strcmp(precision, "year") == 0) {
        out[4] = '\0';
    } else if (strcmp(precision, "week") == 0) {
        int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
        if (m < 1 || m > 12 || d < 1 || d > 31)
            return;
        int week = (day_of_year(y, m, d) - weekday(y, m, d) + 10) / 7;
        if (week < 1)
            week = iso_weeks_in(--y);
        else if (week > iso_weeks_in(y))
            week = 1, y++;
        snprintf(out, 16, "%04d-W%02d", y, week);
    }
}

static void event_actor_json(sr_buf *b, const char *code, const char *text, int64_t start,
                             int64_t end)
{
    sr_buf_puts(b, "{\"code\":");
    sr_buf_json_strz(b, code);
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_strz(b, text);
    sr_buf_puts(b, ",\"span\":");
    json_span_or_null(b, start, end);
    sr_buf_putc(b, '}');
}

static void event_json(sr_buf *b, const sr_event_row *r)
{
    sr_buf_reset(b);
    sr_buf_puts(b, "{\"kind\":\"event\",\"doc\":");
    sr_buf_json_strz(b, r->doc_key);
    sr_buf_puts(b, ",\"sentence\":");
    json_int(b, r->sentence);
    sr_buf_puts(b, ",\"span\":");
    json_span_or_null(b, r->start, r->end);
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_strz(b, r->sentence_text);
    sr_buf_puts(b, ",\"source\":");
    event_actor_json(b, r->source_code, r->source_text, r->source_start, r->source_end);
    sr_buf_puts(b, ",\"target\":");
    event_actor_json(b, r->target_code, r->target_text, r->target_start, r->target_end);
    sr_buf_puts(b, ",\"cameo\":");
    sr_buf_json_strz(b, r->cameo);
    sr_buf_puts(b, ",\"root\":");
    sr_buf_json_strz(b, r->root);
    sr_buf_puts(b, ",\"quad_class\":");
    json_int(b, r->quad_class);
    sr_buf_puts(b, ",\"goldstein\":");
    sr_buf_put_fixed(b, r->goldstein, 1);
    sr_buf_puts(b, ",\"plover\":{\"type\":");
    sr_buf_json_strz(b, r->plover_type);
    sr_buf_puts(b, ",\"mode\":");
    sr_buf_json_strz(b, r->plover_mode);
    sr_buf_puts(b, "},\"mood\":");
    sr_buf_json_strz(b, r->mood);
    sr_buf_puts(b, ",\"verb\":{\"text\":");
    sr_buf_json_strz(b, r->verb_text);
    sr_buf_puts(b, ",\"span\":");
    json_span_or_null(b, r->verb_start, r->verb_end);
    sr_buf_puts(b, "},\"pattern\":");
    sr_buf_json_strz(b, r->pattern);
    if (r->has_place) {
        sr_buf_puts(b, ",\"place\":{\"name\":");
        sr_buf_json_strz(b, r->place_name);
        sr_buf_puts(b, ",\"text\":");
        sr_buf_json_strz(b, r->place_text);
        sr_buf_puts(b, ",\"span\":");
        json_span_or_null(b, r->place_start, r->place_end);
        sr_buf_puts(b, ",\"lat\":");
        sr_buf_put_fixed(b, r->lat, 5);
        sr_buf_puts(b, ",\"lon\":");
        sr_buf_put_fixed(b, r->lon, 5);
        sr_buf_puts(b, ",\"country\":");
        sr_buf_json_strz(b, r->place_country);
        sr_buf_puts(b, ",\"country3\":");
        sr_buf_json_strz(b, r->place_country3);
        sr_buf_puts(b, ",\"admin1\":");
        sr_buf_json_strz(b, r->place_admin1);
        sr_buf_puts(b, ",\"geonameid\":");
        json_int(b, r->geonameid);
        sr_buf_puts(b, ",\"feature\":");
        sr_buf_json_strz(b, r->place_feature);
        sr_buf_puts(b, ",\"precision\":");
        sr_buf_json_strz(b, r->place_precision);
        sr_buf_puts(b, ",\"from\":");
        sr_buf_json_strz(b, r->place_from);
        sr_buf_putc(b, '}');
    } else {
        sr_buf_puts(b, ",\"place\":null");
    }
    char when[16];
    sr_buf_puts(b, ",\"date\":");
    if (r->date) {
        timex_value(r->date, r->date_precision, when);
        sr_buf_json_strz(b, when);
    } else {
        sr_buf_puts(b, "null");
    }
    sr_buf_puts(b, ",\"date_text\":");
    sr_buf_json_strz(b, r->date_text);
    sr_buf_puts(b, ",\"date_precision\":");
    sr_buf_json_strz(b, r->date_precision);
    sr_buf_puts(b, ",\"date_source\":");
    sr_buf_json_strz(b, r->date_source);
    sr_buf_puts(b, ",\"source_outlet\":");
    sr_buf_json_strz(b, r->outlet);
    /* the store's own fields */
    sr_buf_puts(b, ",\"id\":");
    json_int(b, r->id);
    sr_buf_puts(b, ",\"outlet\":");
    sr_buf_json_strz(b, r->outlet);
    sr_buf_puts(b, ",\"url\":");
    sr_buf_json_strz(b, r->url);
    sr_buf_puts(b, ",\"title\":");
    sr_buf_json_strz(b, r->title);
    sr_buf_puts(b, ",\"published\":");
    sr_buf_json_strz(b, r->published);
    sr_buf_puts(b, ",\"mention_key\":");
    json_int(b, r->mention_key);
    sr_buf_puts(b, ",\"group_id\":");
    if (r->group_id)
        json_int(b, r->group_id);
    else
        sr_buf_puts(b, "null");
    sr_buf_puts(b, ",\"num_mentions\":");
    json_int(b, r->num_mentions);
    sr_buf_puts(b, ",\"num_sources\":");
    json_int(b, r->num_sources);
    sr_buf_puts(b, ",\"num_articles\":");
    json_int(b, r->num_articles);
    sr_buf_printf(b, ",\"v\":%d}", SR_RECORD_VERSION);
}

static const out_col event_table_cols[] = {
    {"date", 10, 10, 0, 0},   {"source", 6, 14, 0, 0},  {"event", 6, 18, 0, 0},
    {"target", 6, 14, 0, 0},  {"place", 5, 16, 0, 0},   {"outlet", 6, 16, 0, 0},
    {"sentence", 20, 0, 0, 1}};

static const out_col event_csv_cols[] = {
    {"id", 0, 0, 0, 0},           {"date", 0, 0, 0, 0},          {"date_precision", 0, 0, 0, 0},
    {"source_code", 0, 0, 0, 0},  {"source_text", 0, 0, 0, 0},   {"target_code", 0, 0, 0, 0},
    {"target_text", 0, 0, 0, 0},  {"cameo", 0, 0, 0, 0},         {"root", 0, 0, 0, 0},
    {"quad_class", 0, 0, 0, 0},   {"goldstein", 0, 0, 0, 0},     {"plover_type", 0, 0, 0, 0},
    {"plover_mode", 0, 0, 0, 0},  {"mood", 0, 0, 0, 0},          {"verb", 0, 0, 0, 0},
    {"place", 0, 0, 0, 0},        {"place_text", 0, 0, 0, 0},    {"country", 0, 0, 0, 0},
    {"admin1", 0, 0, 0, 0},       {"lat", 0, 0, 0, 0},           {"lon", 0, 0, 0, 0},
    {"geonameid", 0, 0, 0, 0},    {"outlet", 0, 0, 0, 0},        {"doc", 0, 0, 0, 0},
    {"url", 0, 0, 0, 0},          {"published", 0, 0, 0, 0},     {"sentence", 0, 0, 0, 0},
    {"group_id", 0, 0, 0, 0},     {"num_mentions", 0, 0, 0, 0},  {"num_sources", 0, 0, 0, 0},
    {"num_articles", 0, 0, 0, 0}, {"mention_key", 0, 0, 0, 0},   {"text", 0, 0, 0, 0}};
enum { EVENT_CSV_COLS = sizeof event_csv_cols / sizeof event_csv_cols[0] };

/* Numbers for CSV cells, each in its own slot of one buffer. */
typedef struct num_cells {
    char s[16][32];
    int n;
} num_cells;

static const char *num_i(num_cells *c, int64_t v)
{
    char *p = c->s[c->n++ % 16];
    snprintf(p, 32, "%lld", (long long)v);
    return p;
}

static const char *num_f(num_cells *c, double v, int decimals)
{
    char *p = c->s[c->n++ % 16];
    snprintf(p, 32, "%.*f", decimals, v);
    return p;
}

static int on_event(const sr_event_row *r, void *ctx)
{
    query_run *q = ctx;
    if (q->format == OUT_JSONL) {
        event_json(&q->json, r);
        cli_out_json(q->out, &q->json);
        return 0;
    }
    num_cells nc = {.n = 0};
    if (q->format == OUT_CSV) {
        const char *cells[EVENT_CSV_COLS] = {
            num_i(&nc, r->id), r->date, r->date_precision, r->source_code, r->source_text,
            r->target_code, r->target_text, r->cameo, r->root, num_i(&nc, r->quad_class),
            num_f(&nc, r->goldstein, 1), r->plover_type, r->plover_mode, r->mood, r->verb_text,
            r->place_name, r->place_text, r->place_country, r->place_admin1,
            r->has_place ? num_f(&nc, r->lat, 5) : NULL,
            r->has_place ? num_f(&nc, r->lon, 5) : NULL,
            r->has_place && r->geonameid ? num_i(&nc, r->geonameid) : NULL, r->outlet,
            r->doc_key, r->url, r->published, num_i(&nc, r->sentence),
            r->group_id ? num_i(&nc, r->group_id) : NULL, num_i(&nc, r->num_mentions),
            num_i(&nc, r->num_sources), num_i(&nc, r->num_articles), num_i(&nc, r->mention_key),
            r->sentence_text};
        cli_out_row(q->out, cells);
        return 0;
    }
    char event[48];
    snprintf(event, sizeof event, "%s %s", r->cameo ? r->cameo : "?",
             r->plover_type ? r->plover_type : "");
    const char *cells[7] = {r->date ? r->date : "undated",
                            r->source_code ? r->source_code : r->source_text,
                            event,
                            r->target_code ? r->target_code : r->target_text,
                            r->place_name,
                            r->outlet,
                            r->sentence_text};
    cli_out_row(q->out, cells);
    return 0;
}

int cmd_events(int argc, char **argv)
{
    static const struct option longopts[] = {FILTER_LONGOPTS, FORMAT_LONGOPT,
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    query_args a;
    int status = parse_args(argc, argv, "events", events_usage, longopts, &a);
    if (status >= 0)
        return status;
    sr_store *s = cli_open_store("events", a.db, SR_STORE_READ);
    if (!s)
        return EXIT_FATAL;
    query_run q = {NULL, a.format, SR_BUF_INIT, SR_BUF_INIT};
    q.out = a.format == OUT_CSV
                ? cli_out_open(stdout, OUT_CSV, event_csv_cols, EVENT_CSV_COLS)
                : cli_out_open(stdout, a.format, event_table_cols, 7);
    sr_error err = {0, ""};
    int rc = sr_store_events(s, &a.f, on_event, &q, &err);
    status = finish("events", &q, rc, &err, "no events match");
    sr_store_close(s);
    return status;
}

/* ---- actors ---------------------------------------------------------------- */

static const char actors_usage[] =
    "usage: sitrep actors [--db FILE] [filters] [--limit N] [--format table|jsonl|csv]\n"
    "\n"
    "The actor codes of the store's events, most events first: how many\n"
    "events each is the source of and the target of, and the names written\n"
    "for it most often. The event filters select the events counted, except\n"
    "--actor, which selects the codes listed (--actor SYR: the Syrian\n"
    "actors); --source-actor SYRMIL lists SYRMIL and whom it acted on.\n"
    "\n"
    "filters and options:\n" FILTER_HELP
    "  -h, --help           this help\n"
    "\n"
    "exit status: 0 done, 2 a bad option or filter, 3 the store could not be\n"
    "read.\n";

static const out_col actor_cols[] = {{"code", 4, 14, 0, 0},    {"as_source", 9, 0, 1, 0},
                                     {"as_target", 9, 0, 1, 0}, {"events", 6, 0, 1, 0},
                                     {"names", 16, 0, 0, 1}};

static int on_actor(const sr_actor_row *r, void *ctx)
{
    query_run *q = ctx;
    if (q->format == OUT_JSONL) {
        sr_buf *b = &q->json;
        sr_buf_reset(b);
        sr_buf_puts(b, "{\"kind\":\"actor\",\"code\":");
        sr_buf_json_strz(b, r->code);
        sr_buf_puts(b, ",\"as_source\":");
        json_int(b, r->as_source);
        sr_buf_puts(b, ",\"as_target\":");
        json_int(b, r->as_target);
        sr_buf_puts(b, ",\"events\":");
        json_int(b, r->as_source + r->as_target);
        sr_buf_puts(b, ",\"names\":[");
        for (int i = 0; i < 3 && r->names[i]; i++) {
            sr_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
            sr_buf_json_strz(b, r->names[i]);
            sr_buf_puts(b, ",\"count\":");
            json_int(b, r->name_counts[i]);
            sr_buf_putc(b, '}');
        }
        sr_buf_printf(b, "],\"v\":%d}", SR_RECORD_VERSION);
        cli_out_json(q->out, b);
        return 0;
    }
    sr_buf *names = &q->scratch;
    sr_buf_reset(names);
    sr_buf_puts(names, "");
    for (int i = 0; i < 3 && r->names[i]; i++) {
        if (i)
            sr_buf_puts(names, "; ");
        sr_buf_puts(names, r->names[i]);
        if (q->format == OUT_TABLE)
            sr_buf_printf(names, " (%lld)", (long long)r->name_counts[i]);
    }
    num_cells nc = {.n = 0};
    const char *cells[5] = {r->code, num_i(&nc, r->as_source), num_i(&nc, r->as_target),
                            num_i(&nc, r->as_source + r->as_target), names->data};
    cli_out_row(q->out, cells);
    return 0;
}

int cmd_actors(int argc, char **argv)
{
    static const struct option longopts[] = {FILTER_LONGOPTS, FORMAT_LONGOPT,
                                             {"help", no_argument, NULL, 'h'},
                                             {NULL, 0, NULL, 0}};
    query_args a;
    int status = parse_args(argc, argv, "actors", actors_usage, longopts, &a);
    if (status >= 0)
        return status;
    sr_store *s = cli_open_store("actors", a.db, SR_STORE_READ);
    if (!s)
        return EXIT_FATAL;
    query_run q = {NULL, a.format, SR_BUF_INIT, SR_BUF_INIT};
    q.out = cli_out_open(stdout, a.format, actor_cols, 5);
    sr_error err = {0, ""};
    int rc = sr_store_actors(s, &a.f, on_actor, &q, &err);
    status = finish("actors", &q, rc, &err, "no actors in the events that match");
    sr_store_close(s);
    return status;
}

/* ---- quotes ---------------------------------------------------------------- */

static const char quotes_usage[] =
    "usage: sitrep quotes [--db FILE] [--speaker WHO] [--since D] [--until D]\n"
    "                     [--outlet NAME] [--text QUERY] [--limit N]\n"
    "                     [--format table|jsonl|csv]\n"
    "\n"
    "The quotations of the store (direct and reported speech) with their\n"
    "speakers, by the date of their document (undated last).\n"
    "\n"
    "options:\n"
    "  --db FILE         the store (default: $SITREP_DB, else ./sitrep.db)\n"
    "  --speaker WHO     an actor code prefix (SYRGOV) or part of the\n"
    "                    speaker's name as written (Assad), any case\n"
    "  --since, --until  the document's date, inclusive (YYYY-MM-DD, YYYY-MM,\n"
    "                    YYYY)\n"
    "  --outlet NAME     published by that outlet, any case\n"
    "  --text QUERY      full-text search (FTS5) of the quotation's sentences\n"
    "  --limit N         at most N quotations\n"
    "  --format F        table (default on a terminal), jsonl (default\n"
    "                    otherwise) or csv\n"
    "  -h, --help        this help\n"
    "\n"
    "JSON lines are the quote records of docs/quotes.md (cue spans are not\n"
    "stored: null) with id, outlet, url and published added.\n"
    "\n"
    "exit status: 0 done, 2 a bad option or filter, 3 the store could not be\n"
    "read.\n";

static const out_col quote_table_cols[] = {{"date", 10, 10, 0, 0},   {"outlet", 6, 16, 0, 0},
                                           {"speaker", 7, 24, 0, 0}, {"code", 4, 10, 0, 0},
                                           {"quote", 20, 0, 0, 1}};
static const out_col quote_csv_cols[] = {
    {"id", 0, 0, 0, 0},           {"published", 0, 0, 0, 0},    {"outlet", 0, 0, 0, 0},
    {"doc", 0, 0, 0, 0},          {"sentence", 0, 0, 0, 0},     {"speaker_code", 0, 0, 0, 0},
    {"speaker_text", 0, 0, 0, 0}, {"cue", 0, 0, 0, 0},          {"direct", 0, 0, 0, 0},
    {"quote", 0, 0, 0, 0},        {"url", 0, 0, 0, 0}};

/* parts is stored as the record's JSON array; anything else is not
 * passed through into the output as JSON. */
static int looks_like_spans(const char *s)
{
    if (!s || s[0] != '[')
        return 0;
    for (const char *p = s; *p; p++)
        if (!strchr("[],0123456789 ", *p))
            return 0;
    return 1;
}

static int on_quote(const sr_quote_row *r, void *ctx)
{
    query_run *q = ctx;
    if (q->format == OUT_JSONL) {
        sr_buf *b = &q->json;
        sr_buf_reset(b);
        sr_buf_puts(b, "{\"kind\":\"quote\",\"doc\":");
        sr_buf_json_strz(b, r->doc_key);
        sr_buf_puts(b, ",\"sentence\":");
        json_int(b, r->sentence);
        sr_buf_puts(b, ",\"span\":");
        json_span_or_null(b, r->start, r->end);
        sr_buf_puts(b, ",\"quote\":");
        sr_buf_json_strz(b, r->quote);
        sr_buf_puts(b, ",\"parts\":");
        sr_buf_puts(b, looks_like_spans(r->parts) ? r->parts : "null");
        sr_buf_puts(b, r->direct ? ",\"direct\":true" : ",\"direct\":false");
        sr_buf_puts(b, ",\"speaker\":");
        if (r->speaker_text || r->speaker_code) {
            sr_buf_puts(b, "{\"text\":");
            sr_buf_json_strz(b, r->speaker_text);
            sr_buf_puts(b, ",\"code\":");
            sr_buf_json_strz(b, r->speaker_code);
            sr_buf_puts(b, ",\"span\":");
            json_span_or_null(b, r->speaker_start, r->speaker_end);
            sr_buf_putc(b, '}');
        } else {
            sr_buf_puts(b, "null");
        }
        sr_buf_puts(b, r->speaker_from_pronoun ? ",\"speaker_from_pronoun\":true"
                                               : ",\"speaker_from_pronoun\":false");
        sr_buf_puts(b, ",\"cue\":");
        if (r->cue_text) {
            sr_buf_puts(b, "{\"text\":");
            sr_buf_json_strz(b, r->cue_text);
            sr_buf_puts(b, ",\"span\":null}");
        } else {
            sr_buf_puts(b, "null");
        }
        sr_buf_puts(b, ",\"source_outlet\":");
        sr_buf_json_strz(b, r->outlet);
        sr_buf_puts(b, ",\"id\":");
        json_int(b, r->id);
        sr_buf_puts(b, ",\"outlet\":");
        sr_buf_json_strz(b, r->outlet);
        sr_buf_puts(b, ",\"url\":");
        sr_buf_json_strz(b, r->url);
        sr_buf_puts(b, ",\"published\":");
        sr_buf_json_strz(b, r->published);
        sr_buf_printf(b, ",\"v\":%d}", SR_RECORD_VERSION);
        cli_out_json(q->out, b);
        return 0;
    }
    num_cells nc = {.n = 0};
    if (q->format == OUT_CSV) {
        const char *cells[11] = {num_i(&nc, r->id), r->published,     r->outlet,
                                 r->doc_key,        num_i(&nc, r->sentence), r->speaker_code,
                                 r->speaker_text,   r->cue_text,      r->direct ? "1" : "0",
                                 r->quote,          r->url};
        cli_out_row(q->out, cells);
        return 0;
    }
    const char *cells[5] = {r->published ? r->published : "undated", r->outlet, r->speaker_text,
                            r->speaker_code, r->quote};
    cli_out_row(q->out, cells);
    return 0;
}

int cmd_quotes(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},        {"speaker", required_argument, NULL, OPT_SPEAKER},
        {"since", required_argument, NULL, OPT_SINCE},  {"until", required_argument, NULL, OPT_UNTIL},
        {"outlet", required_argument, NULL, OPT_OUTLET}, {"text", required_argument, NULL, OPT_TEXT},
        {"limit", required_argument, NULL, OPT_LIMIT},  {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},               {NULL, 0, NULL, 0}};
    query_args a;
    int status = parse_args(argc, argv, "quotes", quotes_usage, longopts, &a);
    if (status >= 0)
        return status;
    sr_store *s = cli_open_store("quotes", a.db, SR_STORE_READ);
    if (!s)
        return EXIT_FATAL;
    sr_quote_filter qf = {a.speaker, a.f.since, a.f.until, a.f.outlet, a.f.text, a.f.limit};
    query_run q = {NULL, a.format, SR_BUF_INIT, SR_BUF_INIT};
    q.out = a.format == OUT_CSV ? cli_out_open(stdout, OUT_CSV, quote_csv_cols, 11)
                                : cli_out_open(stdout, a.format, quote_table_cols, 5);
    sr_error err = {0, ""};
    int rc = sr_store_quotes(s, &qf, on_quote, &q, &err);
    status = finish("quotes", &q, rc, &err, "no quotations match");
    sr_store_close(s);
    return status;
}
