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
        int status = filter_opt_take_or_usage(a, ch, optarg, cmd, usage);
        if (status >= 0)
            return status;
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

/* A query command: its options, the columns it writes, and the library
 * query that hands it rows (with the run as the callback's context). */
typedef struct query_command {
    const char *name;
    const char *usage;
    const struct option *longopts;
    const out_col *table_cols, *csv_cols;   /* csv_cols NULL: the table's */
    int ntable, ncsv;
    int (*query)(query_run *q, const query_args *a, sr_error *err);
    const char *none;   /* said under an empty table */
} query_command;

static int run_query_command(int argc, char **argv, const query_command *c)
{
    query_args a;
    int status = parse_args(argc, argv, c->name, c->usage, c->longopts, &a);
    if (status >= 0)
        return status;
    query_run q;
    if ((status = query_run_start(&q, c->name, &a, c->table_cols, c->ntable, c->csv_cols,
                                  c->ncsv)) != 0)
        return status;
    sr_error err = {0, ""};
    int rc = c->query(&q, &a, &err);
    return query_run_end(&q, rc, &err, c->none);
}

/* Every option of events and actors: the filters, --format and --help. */
static const struct option filter_longopts[] = {FILTER_LONGOPTS, FORMAT_LONGOPT,
                                                {"help", no_argument, NULL, 'h'},
                                                {NULL, 0, NULL, 0}};

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

static void event_actor_json(sr_buf *b, const char *key, const char *code, const char *text,
                             int64_t start, int64_t end)
{
    sr_buf_printf(b, ",\"%s\":{\"code\":", key);
    sr_buf_json_strz(b, code);
    out_json_str(b, "text", text);
    out_json_span(b, "span", start, end);
    sr_buf_putc(b, '}');
}

static void event_place_json(sr_buf *b, const sr_event_row *r)
{
    if (!r->has_place) {
        sr_buf_puts(b, ",\"place\":null");
        return;
    }
    sr_buf_puts(b, ",\"place\":{\"name\":");
    sr_buf_json_strz(b, r->place_name);
    out_json_str(b, "text", r->place_text);
    out_json_span(b, "span", r->place_start, r->place_end);
    out_json_fixed(b, "lat", r->lat, 5);
    out_json_fixed(b, "lon", r->lon, 5);
    out_json_str(b, "country", r->place_country);
    out_json_str(b, "country3", r->place_country3);
    out_json_str(b, "admin1", r->place_admin1);
    out_json_int(b, "geonameid", r->geonameid);
    out_json_str(b, "feature", r->place_feature);
    out_json_str(b, "precision", r->place_precision);
    out_json_str(b, "from", r->place_from);
    sr_buf_putc(b, '}');
}

static void event_json(sr_buf *b, const sr_event_row *r)
{
    sr_buf_reset(b);
    sr_buf_puts(b, "{\"kind\":\"event\"");
    out_json_str(b, "doc", r->doc_key);
    out_json_int(b, "sentence", r->sentence);
    out_json_span(b, "span", r->start, r->end);
    out_json_str(b, "text", r->sentence_text);
    event_actor_json(b, "source", r->source_code, r->source_text, r->source_start, r->source_end);
    event_actor_json(b, "target", r->target_code, r->target_text, r->target_start, r->target_end);
    out_json_str(b, "cameo", r->cameo);
    out_json_str(b, "root", r->root);
    out_json_int(b, "quad_class", r->quad_class);
    out_json_fixed(b, "goldstein", r->goldstein, 1);
    sr_buf_puts(b, ",\"plover\":{\"type\":");
    sr_buf_json_strz(b, r->plover_type);
    out_json_str(b, "mode", r->plover_mode);
    sr_buf_putc(b, '}');
    out_json_str(b, "mood", r->mood);
    sr_buf_puts(b, ",\"verb\":{\"text\":");
    sr_buf_json_strz(b, r->verb_text);
    out_json_span(b, "span", r->verb_start, r->verb_end);
    sr_buf_putc(b, '}');
    out_json_str(b, "pattern", r->pattern);
    event_place_json(b, r);
    char when[16];
    if (r->date)
        timex_value(r->date, r->date_precision, when);
    out_json_str(b, "date", r->date ? when : NULL);
    out_json_str(b, "date_text", r->date_text);
    out_json_str(b, "date_precision", r->date_precision);
    out_json_str(b, "date_source", r->date_source);
    out_json_str(b, "source_outlet", r->outlet);
    /* the store's own fields */
    out_json_int(b, "id", r->id);
    out_json_str(b, "outlet", r->outlet);
    out_json_str(b, "url", r->url);
    out_json_str(b, "title", r->title);
    out_json_str(b, "published", r->published);
    out_json_int(b, "mention_key", r->mention_key);
    out_json_int_or_null(b, "group_id", r->group_id, r->group_id != 0);
    out_json_int(b, "num_mentions", r->num_mentions);
    out_json_int(b, "num_sources", r->num_sources);
    out_json_int(b, "num_articles", r->num_articles);
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

static int on_event(const sr_event_row *r, void *ctx)
{
    query_run *q = ctx;
    if (q->format == OUT_JSONL) {
        event_json(&q->json, r);
        cli_out_json(q->out, &q->json);
        return 0;
    }
    out_numbers nc = {.n = 0};
    if (q->format == OUT_CSV) {
        const char *cells[EVENT_CSV_COLS] = {
            out_int(&nc, r->id), r->date, r->date_precision, r->source_code, r->source_text,
            r->target_code, r->target_text, r->cameo, r->root, out_int(&nc, r->quad_class),
            out_fixed(&nc, r->goldstein, 1), r->plover_type, r->plover_mode, r->mood, r->verb_text,
            r->place_name, r->place_text, r->place_country, r->place_admin1,
            r->has_place ? out_fixed(&nc, r->lat, 5) : NULL,
            r->has_place ? out_fixed(&nc, r->lon, 5) : NULL,
            r->has_place && r->geonameid ? out_int(&nc, r->geonameid) : NULL, r->outlet,
            r->doc_key, r->url, r->published, out_int(&nc, r->sentence),
            r->group_id ? out_int(&nc, r->group_id) : NULL, out_int(&nc, r->num_mentions),
            out_int(&nc, r->num_sources), out_int(&nc, r->num_articles), out_int(&nc, r->mention_key),
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

static int query_events(query_run *q, const query_args *a, sr_error *err)
{
    return sr_store_events(q->store, &a->f, on_event, q, err);
}

int cmd_events(int argc, char **argv)
{
    static const query_command events = {
        .name = "events", .usage = events_usage, .longopts = filter_longopts,
        .table_cols = event_table_cols, .ntable = 7, .csv_cols = event_csv_cols,
        .ncsv = EVENT_CSV_COLS, .query = query_events, .none = "no events match"};
    return run_query_command(argc, argv, &events);
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
        sr_buf_puts(b, "{\"kind\":\"actor\"");
        out_json_str(b, "code", r->code);
        out_json_int(b, "as_source", r->as_source);
        out_json_int(b, "as_target", r->as_target);
        out_json_int(b, "events", r->as_source + r->as_target);
        sr_buf_puts(b, ",\"names\":[");
        for (int i = 0; i < 3 && r->names[i]; i++) {
            sr_buf_puts(b, i ? ",{\"text\":" : "{\"text\":");
            sr_buf_json_strz(b, r->names[i]);
            out_json_int(b, "count", r->name_counts[i]);
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
    out_numbers nc = {.n = 0};
    const char *cells[5] = {r->code, out_int(&nc, r->as_source), out_int(&nc, r->as_target),
                            out_int(&nc, r->as_source + r->as_target), names->data};
    cli_out_row(q->out, cells);
    return 0;
}

static int query_actors(query_run *q, const query_args *a, sr_error *err)
{
    return sr_store_actors(q->store, &a->f, on_actor, q, err);
}

int cmd_actors(int argc, char **argv)
{
    static const query_command actors = {
        .name = "actors", .usage = actors_usage, .longopts = filter_longopts,
        .table_cols = actor_cols, .ntable = 5, .query = query_actors,
        .none = "no actors in the events that match"};
    return run_query_command(argc, argv, &actors);
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
        sr_buf_puts(b, "{\"kind\":\"quote\"");
        out_json_str(b, "doc", r->doc_key);
        out_json_int(b, "sentence", r->sentence);
        out_json_span(b, "span", r->start, r->end);
        out_json_str(b, "quote", r->quote);
        sr_buf_puts(b, ",\"parts\":");
        sr_buf_puts(b, looks_like_spans(r->parts) ? r->parts : "null");
        out_json_bool(b, "direct", r->direct);
        if (r->speaker_text || r->speaker_code) {
            sr_buf_puts(b, ",\"speaker\":{\"text\":");
            sr_buf_json_strz(b, r->speaker_text);
            out_json_str(b, "code", r->speaker_code);
            out_json_span(b, "span", r->speaker_start, r->speaker_end);
            sr_buf_putc(b, '}');
        } else {
            sr_buf_puts(b, ",\"speaker\":null");
        }
        out_json_bool(b, "speaker_from_pronoun", r->speaker_from_pronoun);
        if (r->cue_text) { /* the store keeps the cue's words, not their span */
            sr_buf_puts(b, ",\"cue\":{\"text\":");
            sr_buf_json_strz(b, r->cue_text);
            sr_buf_puts(b, ",\"span\":null}");
        } else {
            sr_buf_puts(b, ",\"cue\":null");
        }
        out_json_str(b, "source_outlet", r->outlet);
        out_json_int(b, "id", r->id);
        out_json_str(b, "outlet", r->outlet);
        out_json_str(b, "url", r->url);
        out_json_str(b, "published", r->published);
        sr_buf_printf(b, ",\"v\":%d}", SR_RECORD_VERSION);
        cli_out_json(q->out, b);
        return 0;
    }
    out_numbers nc = {.n = 0};
    if (q->format == OUT_CSV) {
        const char *cells[11] = {out_int(&nc, r->id), r->published,     r->outlet,
                                 r->doc_key,        out_int(&nc, r->sentence), r->speaker_code,
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

static int query_quotes(query_run *q, const query_args *a, sr_error *err)
{
    sr_quote_filter f = {a->speaker, a->f.since, a->f.until, a->f.outlet, a->f.text, a->f.limit};
    return sr_store_quotes(q->store, &f, on_quote, q, err);
}

int cmd_quotes(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"db", required_argument, NULL, OPT_DB},        {"speaker", required_argument, NULL, OPT_SPEAKER},
        {"since", required_argument, NULL, OPT_SINCE},  {"until", required_argument, NULL, OPT_UNTIL},
        {"outlet", required_argument, NULL, OPT_OUTLET}, {"text", required_argument, NULL, OPT_TEXT},
        {"limit", required_argument, NULL, OPT_LIMIT},  {"format", required_argument, NULL, OPT_FORMAT},
        {"help", no_argument, NULL, 'h'},               {NULL, 0, NULL, 0}};
    static const query_command quotes = {
        .name = "quotes", .usage = quotes_usage, .longopts = longopts,
        .table_cols = quote_table_cols, .ntable = 5, .csv_cols = quote_csv_cols, .ncsv = 11,
        .query = query_quotes, .none = "no quotations match"};
    return run_query_command(argc, argv, &quotes);
}
