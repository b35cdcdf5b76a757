/*
 * query: events, figures, quotes, actors and places read back out of a
 * store (include/sitrep/query.h).
 *
 * Each call prepares its statement from fixed SQL fragments (filter.c)
 * and binds every user value, steps it, and hands each row to the
 * caller's callback with strings borrowed from SQLite.
 *
 * Why events are read in two passes: "undated last" as an ORDER BY term
 * (date IS NULL, or NULLS LAST) keeps SQLite from reading an index on
 * date in order, which is what lets `--since D --limit 100` stop after
 * 100 rows instead of sorting every match. So dated events are read
 * first, in index order, and the undated ones after them (only when no
 * date range is asked, since a range excludes them anyway).
 *
 * Within a date, rows come in storage order (events.id): ingest inserts a
 * document's events in text order, so that is document, then position,
 * and it is the order an index on (..., date) already holds its rowids in.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/query.h"
#include "store/filter.h"
#include "store/store_internal.h"

static const char *col_text(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static double col_real_or_nan(sqlite3_stmt *st, int i)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* A failed step: an FTS5 query the user wrote is malformed input, not a
 * broken store. FTS5 reports its query errors as plain SQLITE_ERROR
 * ("fts5: syntax error near", "unterminated string", "no such column");
 * a damaged or locked file has codes of its own (CORRUPT, IOERR, BUSY). */
static int step_error(sqlite3 *db, const char *fts_query, sr_error *err)
{
    const char *msg = sqlite3_errmsg(db);
    if (fts_query && sqlite3_extended_errcode(db) == SQLITE_ERROR)
        return sr_error_set(err, SR_EINVAL,
                            "--text: '%s' is not a full-text query SQLite understands (%s); "
                            "quote words with \"...\"",
                            fts_query, msg);
    return sr_error_set(err, SR_EIO, "store: %s", msg);
}

/* Prepare sql and bind its parameters: q's, `copies` times (its
 * condition stands that many times in sql), from ?1 on. *next_param is
 * the index after them. q's place radius needs sr_km registered. */
static int prepare_filtered(sqlite3 *db, const sr_buf *sql, const sr_filter_sql *q, int copies,
                            sqlite3_stmt **st, int *next_param, sr_error *err)
{
    *st = NULL;
    int rc;
    if (q->uses_places && (rc = sr_filter_register_functions(db, err)) != 0)
        return rc;
    if (sqlite3_prepare_v2(db, sql->data, (int)sql->len, st, NULL) != SQLITE_OK)
        return sr_error_set(err, SR_EIO, "store: %s", sqlite3_errmsg(db));
    int idx = 1;
    for (int i = 0; i < copies && idx > 0; i++)
        idx = sr_filter_sql_bind(q, *st, idx, err);
    if (idx < 0) {
        sqlite3_finalize(*st);
        *st = NULL;
        return idx;
    }
    *next_param = idx;
    return 0;
}

/* Hands one row of a statement to the caller as its row struct. */
typedef int (*stmt_row_fn)(sqlite3_stmt *st, void *ctx);

/* Step st to its end, each row to fn, and finalize it. A nonzero return
 * from fn (the caller's "stop") ends the loop and is returned as is. */
static int step_rows(sqlite3 *db, sqlite3_stmt *st, const char *fts_query, stmt_row_fn fn,
                     void *ctx, sr_error *err)
{
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int stop = fn(st, ctx);
        if (stop) {
            sqlite3_finalize(st);
            return stop;
        }
    }
    rc = rc == SQLITE_DONE ? 0 : step_error(db, fts_query, err);
    sqlite3_finalize(st);
    return rc;
}

/* The common query: sql ends in "LIMIT ?" after q's condition; every row
 * goes to fn. limit 0 is no limit. */
static int run_limited(sqlite3 *db, const sr_buf *sql, const sr_filter_sql *q, size_t limit,
                       const char *fts_query, stmt_row_fn fn, void *ctx, sr_error *err)
{
    sqlite3_stmt *st;
    int idx = 0;
    int rc = prepare_filtered(db, sql, q, 1, &st, &idx, err);
    if (rc != 0)
        return rc;
    sqlite3_bind_int64(st, idx, limit ? (sqlite3_int64)limit : -1);
    return step_rows(db, st, fts_query, fn, ctx, err);
}

/* What a query asks when the caller passes no filter. */
static const sr_event_filter no_event_filter;
static const sr_quote_filter no_quote_filter;

/* ---- events ---------------------------------------------------------------- */

enum event_col {
    EC_ID, EC_GROUP, EC_NMENTIONS, EC_NSOURCES, EC_NARTICLES, EC_MENTION_KEY,
    EC_DOC_KEY, EC_OUTLET, EC_URL, EC_TITLE, EC_PUBLISHED,
    EC_SENTENCE, EC_START, EC_END, EC_SENTENCE_TEXT,
    EC_SOURCE_CODE, EC_SOURCE_TEXT, EC_TARGET_CODE, EC_TARGET_TEXT,
    EC_CAMEO, EC_ROOT, EC_QUAD, EC_GOLDSTEIN,
    EC_PLOVER_TYPE, EC_PLOVER_MODE, EC_MOOD, EC_PATTERN, EC_VERB_TEXT,
    EC_DATE, EC_DATE_TEXT, EC_DATE_PRECISION, EC_DATE_SOURCE,
    EC_PLACE_ID, EC_PLACE_NAME, EC_PLACE_TEXT, EC_PLACE_COUNTRY, EC_PLACE_COUNTRY3,
    EC_PLACE_ADMIN1, EC_PLACE_FEATURE, EC_PLACE_PRECISION, EC_PLACE_FROM,
    EC_LAT, EC_LON, EC_GEONAMEID,
    EC_SOURCE_START, EC_SOURCE_END, EC_TARGET_START, EC_TARGET_END,
    EC_VERB_START, EC_VERB_END, EC_PLACE_START, EC_PLACE_END, EC_DOC_ID
};

/* The sentence is cut out of the document's text by byte offsets: substr
 * counts characters on TEXT but bytes on a BLOB. */
static const char event_columns[] =
    "SELECT e.id, e.group_id, g.num_mentions, g.num_sources, g.num_articles, e.mention_key,"
    " d.doc_key, d.outlet, d.url, d.title, d.published,"
    " e.sentence, e.start, e.end,"
    " CAST(substr(CAST(d.text AS BLOB), coalesce(s.start, e.start) + 1,"
    "             coalesce(s.end, e.end) - coalesce(s.start, e.start)) AS TEXT),"
    " e.source_code, e.source_text, e.target_code, e.target_text,"
    " e.cameo, e.root, e.quad_class, e.goldstein,"
    " e.plover_type, e.plover_mode, e.mood, e.pattern, e.verb_text,"
    " e.date, e.date_text, e.date_precision, e.date_source,"
    " p.id, p.name, p.text, p.country, p.country3, p.admin1, p.feature, p.precision, e.place_from,"
    " p.lat, p.lon, p.geonameid,"
    " sa.start, sa.end, ta.start, ta.end, e.verb_start, e.verb_end, p.start, p.end, e.doc_id"
    " FROM events e JOIN documents d ON d.id = e.doc_id"
    " LEFT JOIN sentences s ON s.id = e.sentence_id"
    " LEFT JOIN places p ON p.id = e.place_id"
    " LEFT JOIN event_groups g ON g.id = e.group_id"
    " LEFT JOIN actors sa ON sa.id = e.source_id"
    " LEFT JOIN actors ta ON ta.id = e.target_id";

static int64_t col_int_or(sqlite3_stmt *st, int i, int64_t none)
{
    return sqlite3_column_type(st, i) == SQLITE_NULL ? none : sqlite3_column_int64(st, i);
}

static void read_event_row(sqlite3_stmt *st, sr_event_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, EC_ID);
    r->group_id = sqlite3_column_int64(st, EC_GROUP);
    r->num_mentions = sqlite3_column_int(st, EC_NMENTIONS);
    r->num_sources = sqlite3_column_int(st, EC_NSOURCES);
    r->num_articles = sqlite3_column_int(st, EC_NARTICLES);
    r->mention_key = sqlite3_column_int64(st, EC_MENTION_KEY);
    r->doc_key = col_text(st, EC_DOC_KEY);
    r->outlet = col_text(st, EC_OUTLET);
    r->url = col_text(st, EC_URL);
    r->title = col_text(st, EC_TITLE);
    r->published = col_text(st, EC_PUBLISHED);
    r->sentence = sqlite3_column_int(st, EC_SENTENCE);
    r->start = sqlite3_column_int64(st, EC_START);
    r->end = sqlite3_column_int64(st, EC_END);
    r->sentence_text = col_text(st, EC_SENTENCE_TEXT);
    r->source_code = col_text(st, EC_SOURCE_CODE);
    r->source_text = col_text(st, EC_SOURCE_TEXT);
    r->target_code = col_text(st, EC_TARGET_CODE);
    r->target_text = col_text(st, EC_TARGET_TEXT);
    r->cameo = col_text(st, EC_CAMEO);
    r->root = col_text(st, EC_ROOT);
    r->quad_class = sqlite3_column_int(st, EC_QUAD);
    r->goldstein = sqlite3_column_double(st, EC_GOLDSTEIN);
    r->plover_type = col_text(st, EC_PLOVER_TYPE);
    r->plover_mode = col_text(st, EC_PLOVER_MODE);
    r->mood = col_text(st, EC_MOOD);
    r->pattern = col_text(st, EC_PATTERN);
    r->verb_text = col_text(st, EC_VERB_TEXT);
    r->date = col_text(st, EC_DATE);
    r->date_text = col_text(st, EC_DATE_TEXT);
    r->date_precision = col_text(st, EC_DATE_PRECISION);
    r->date_source = col_text(st, EC_DATE_SOURCE);
    r->has_place = sqlite3_column_type(st, EC_PLACE_ID) != SQLITE_NULL;
    if (r->has_place) {
        r->place_name = col_text(st, EC_PLACE_NAME);
        r->place_text = col_text(st, EC_PLACE_TEXT);
        r->place_country = col_text(st, EC_PLACE_COUNTRY);
        r->place_country3 = col_text(st, EC_PLACE_COUNTRY3);
        r->place_admin1 = col_text(st, EC_PLACE_ADMIN1);
        r->place_feature = col_text(st, EC_PLACE_FEATURE);
        r->place_precision = col_text(st, EC_PLACE_PRECISION);
        r->place_from = col_text(st, EC_PLACE_FROM);
        r->lat = sqlite3_column_double(st, EC_LAT);
        r->lon = sqlite3_column_double(st, EC_LON);
        r->geonameid = sqlite3_column_int64(st, EC_GEONAMEID);
    }
    r->source_start = col_int_or(st, EC_SOURCE_START, -1);
    r->source_end = col_int_or(st, EC_SOURCE_END, -1);
    r->target_start = col_int_or(st, EC_TARGET_START, -1);
    r->target_end = col_int_or(st, EC_TARGET_END, -1);
    r->verb_start = col_int_or(st, EC_VERB_START, -1);
    r->verb_end = col_int_or(st, EC_VERB_END, -1);
    r->place_start = r->has_place ? col_int_or(st, EC_PLACE_START, -1) : -1;
    r->place_end = r->has_place ? col_int_or(st, EC_PLACE_END, -1) : -1;
    r->doc_id = sqlite3_column_int64(st, EC_DOC_ID);
}

typedef struct event_sink {
    sr_event_row_fn fn;
    void *ctx;
    size_t *seen;
} event_sink;

static int emit_event(sqlite3_stmt *st, void *ctx)
{
    event_sink *k = ctx;
    sr_event_row row;
    read_event_row(st, &row);
    (*k->seen)++;
    return k->fn(&row, k->ctx);
}

/* One pass: dated (ORDER BY date, id) or undated (ORDER BY id). *seen
 * counts rows handed out so far, against the limit.
 *
 * With a limit, the matching ids are chosen first and the full rows
 * (with the sentence cut from the document's text) read for those only:
 * when the index that finds the matches holds them in date order but not
 * in id order within a date, SQLite sorts each date's matches, and
 * sorting ids is cheap where sorting whole rows is not. Without a limit
 * every match is read anyway, in one pass. */
static int events_pass(sqlite3 *db, const sr_event_filter *f, const sr_filter_sql *q,
                       int dated, size_t *seen, sr_event_row_fn fn, void *ctx, sr_error *err)
{
    const char *order = dated ? " ORDER BY e.date, e.id" : " ORDER BY e.id";
    char where[64];
    snprintf(where, sizeof where, " WHERE %s %s", q->date_expr, dated ? "IS NOT NULL" : "IS NULL");
    sr_buf sql = SR_BUF_INIT;
    if (f->limit) {
        sr_buf_puts(&sql, "WITH chosen(id) AS (SELECT e.id FROM events e");
        if (q->uses_documents)
            sr_buf_puts(&sql, " JOIN documents d ON d.id = e.doc_id");
        if (q->uses_places)
            sr_buf_puts(&sql, " JOIN places p ON p.id = e.place_id");
        sr_buf_puts(&sql, where);
        sr_buf_puts(&sql, q->where.data);
        sr_buf_puts(&sql, order);
        sr_buf_puts(&sql, " LIMIT ?) ");
        sr_buf_puts(&sql, event_columns);
        sr_buf_puts(&sql, " WHERE e.id IN chosen");
        sr_buf_puts(&sql, order);
    } else {
        sr_buf_puts(&sql, event_columns);
        sr_buf_puts(&sql, where);
        sr_buf_puts(&sql, q->where.data);
        sr_buf_puts(&sql, order);
        sr_buf_puts(&sql, " LIMIT ?");
    }
    event_sink sink = {fn, ctx, seen};
    int rc = run_limited(db, &sql, q, f->limit ? f->limit - *seen : 0, f->text, emit_event, &sink,
                         err);
    sr_buf_free(&sql);
    return rc;
}

/* How many events an actor prefix has, counted up to cap in the code
 * index (source or target); -1 when it cannot be counted. */
static int64_t count_up_to(sqlite3 *db, const char *column_sql, const char *prefix, int64_t cap)
{
    char pattern[80];
    if (sr_filter_glob_prefix("actor", prefix, 0, pattern, sizeof pattern, NULL) != 0)
        return -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, column_sql, -1, &st, NULL) != SQLITE_OK)
        return -1;
    sqlite3_bind_text(st, 1, pattern, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, cap);
    int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    return n;
}

/*
 * Which index should find the events. SQLite keeps no statistics in a
 * store (and with them still cannot tell how many codes a GLOB prefix
 * holds), so by default it reads the date range (or the root's) in date
 * order and checks the actor on each row: quick when the actor is
 * frequent, since the limit is reached early, but for a rare actor it
 * reads the whole range for a handful of rows. So the actor's events are
 * counted first, up to a cap, in the actor code indexes (a count of
 * index entries, well under a millisecond); when there are fewer than
 * that, reading them all and sorting what matches is the cheaper plan.
 * When there are more, the actor terms are kept away from the indexes:
 * left to itself SQLite may read a frequent actor's events through its
 * code indexes (it cannot tell a frequent prefix from a rare one) and sort
 * a hundred thousand rows to return a hundred.
 */
enum { ACTOR_PLAN_CAP = 8000 };

static int choose_plan(sqlite3 *db, const sr_event_filter *f)
{
    static const char by_source[] =
        "SELECT count(*) FROM (SELECT 1 FROM events WHERE source_code GLOB ?1 LIMIT ?2)";
    static const char by_target[] =
        "SELECT count(*) FROM (SELECT 1 FROM events WHERE target_code GLOB ?1 LIMIT ?2)";
    int64_t best = -1;
    int plan = SR_PLAN_AUTO;
    if (f->actor) {
        int64_t a = count_up_to(db, by_source, f->actor, ACTOR_PLAN_CAP);
        int64_t n = a;
        if (a >= 0 && a < ACTOR_PLAN_CAP) { /* else frequent already as a source */
            int64_t b = count_up_to(db, by_target, f->actor, ACTOR_PLAN_CAP - a);
            n = b >= 0 ? a + b : -1;
        }
        if (n >= 0) {
            best = n;
            plan = SR_PLAN_BY_ACTOR;
        }
    }
    if (f->source_actor) {
        int64_t a = count_up_to(db, by_source, f->source_actor, ACTOR_PLAN_CAP);
        if (a >= 0 && (best < 0 || a < best)) {
            best = a;
            plan = SR_PLAN_BY_SOURCE;
        }
    }
    if (f->target_actor) {
        int64_t b = count_up_to(db, by_target, f->target_actor, ACTOR_PLAN_CAP);
        if (b >= 0 && (best < 0 || b < best)) {
            best = b;
            plan = SR_PLAN_BY_TARGET;
        }
    }
    if (best < 0)
        return SR_PLAN_AUTO;
    return best < ACTOR_PLAN_CAP ? plan : SR_PLAN_BY_DATE;
}

int sr_store_events(sr_store *s, const sr_event_filter *f, sr_event_row_fn fn, void *ctx,
                    sr_error *err)
{
    f = f ? f : &no_event_filter;
    sr_filter_sql q;
    /* the filter is checked before the store is asked anything */
    int rc = sr_filter_sql_build(&q, f, err);
    if (rc != 0)
        return rc;
    int plan = choose_plan(s->db, f);
    if (plan != SR_PLAN_AUTO) {
        sr_filter_sql_free(&q);
        if ((rc = sr_filter_sql_build_plan(&q, f, plan, err)) != 0)
            return rc;
    }
    size_t seen = 0;
    rc = events_pass(s->db, f, &q, 1, &seen, fn, ctx, err);
    if (rc == 0 && !q.has_date_range && (!f->limit || seen < f->limit))
        rc = events_pass(s->db, f, &q, 0, &seen, fn, ctx, err);
    sr_filter_sql_free(&q);
    return rc;
}

/* ---- figures --------------------------------------------------------------- */

enum figure_col {
    FC_ID, FC_SENTENCE, FC_START, FC_END, FC_FIGURE_TEXT, FC_LOW, FC_HIGH, FC_QUALIFIER,
    FC_CATEGORY, FC_UNIT, FC_WHOSE_CODE, FC_WHOSE_TEXT, FC_CLAIMANT_CODE, FC_CLAIMANT_TEXT,
    FC_SUBJECT, FC_PLACE_WORDS, FC_DOC_PLACE, FC_DATE, FC_DATE_PRECISION, FC_DOC_KEY,
    FC_OUTLET, FC_URL, FC_PUBLISHED, FC_PLACE_NAME, FC_SENTENCE_TEXT
};

static const char figure_columns[] =
    "SELECT x.id, x.sentence, x.start, x.end, x.figure_text, x.low, x.high, x.qualifier,"
    " x.category, x.unit_text, x.whose_code, x.whose_text, x.claimant_code, x.claimant_text,"
    " x.subject, x.place_words, d.main_place, x.date, x.date_precision, d.doc_key,"
    " d.outlet, d.url, d.published, p.name,"
    " CAST(substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start) AS TEXT)"
    " FROM figures x JOIN documents d ON d.id = x.doc_id"
    " LEFT JOIN places p ON p.id = x.place_id"
    " LEFT JOIN sentences s ON s.doc_id = x.doc_id AND s.idx = x.sentence";

/* The row as an sr_stored_figure whose strings are SQLite's (valid until
 * the next step). The table keeps no "exact" flag: a figure is one value
 * when both bounds are that value and no qualifier ("about") loosens it,
 * which is how sr_figures_find sets it. */
static void read_figure_row(sqlite3_stmt *st, sr_stored_figure *r)
{
    memset(r, 0, sizeof *r);
    sr_figure *f = &r->fig;
    r->id = sqlite3_column_int64(st, FC_ID);
    f->sentence = (uint32_t)sqlite3_column_int64(st, FC_SENTENCE);
    f->start = (uint32_t)sqlite3_column_int64(st, FC_START);
    f->end = (uint32_t)sqlite3_column_int64(st, FC_END);
    f->low = col_real_or_nan(st, FC_LOW);
    f->high = col_real_or_nan(st, FC_HIGH);
    f->qualifier = col_text(st, FC_QUALIFIER);
    f->exact = !isnan(f->low) && f->low == f->high && !f->qualifier;
    f->category = col_text(st, FC_CATEGORY);
    f->unit_text = col_text(st, FC_UNIT);
    r->whose.code = col_text(st, FC_WHOSE_CODE);
    r->whose_text = col_text(st, FC_WHOSE_TEXT);
    r->claimant.code = col_text(st, FC_CLAIMANT_CODE);
    r->claimant_text = col_text(st, FC_CLAIMANT_TEXT);
    if (r->whose.code || r->whose_text)
        f->whose = &r->whose;
    if (r->claimant.code || r->claimant_text)
        f->claimant = &r->claimant;
    r->figure_text = col_text(st, FC_FIGURE_TEXT);
    r->subject = col_text(st, FC_SUBJECT);
    r->place_words = col_text(st, FC_PLACE_WORDS);
    r->doc_place = col_text(st, FC_DOC_PLACE);
    r->date = col_text(st, FC_DATE);
    r->date_precision = col_text(st, FC_DATE_PRECISION);
    r->doc_key = col_text(st, FC_DOC_KEY);
    r->outlet = col_text(st, FC_OUTLET);
    r->url = col_text(st, FC_URL);
    r->published = col_text(st, FC_PUBLISHED);
    r->place_name = col_text(st, FC_PLACE_NAME);
    r->sentence_text = col_text(st, FC_SENTENCE_TEXT);
}

typedef struct figure_sink {
    sr_figure_row_fn fn;
    void *ctx;
} figure_sink;

static int emit_figure(sqlite3_stmt *st, void *ctx)
{
    figure_sink *k = ctx;
    sr_stored_figure row;
    read_figure_row(st, &row);
    return k->fn(&row, k->ctx);
}

static int figures_query(sqlite3 *db, const sr_event_filter *f, int need_outlet,
                         sr_figure_row_fn fn, void *ctx, sr_error *err)
{
    f = f ? f : &no_event_filter;
    sr_filter_sql q;
    int rc = sr_filter_sql_build_figures(&q, f, err);
    if (rc != 0)
        return rc;
    sr_buf sql = SR_BUF_INIT;
    sr_buf_puts(&sql, figure_columns);
    sr_buf_puts(&sql, need_outlet ? " WHERE d.outlet IS NOT NULL AND d.outlet <> ''" : " WHERE 1");
    sr_buf_puts(&sql, q.where.data);
    sr_buf_puts(&sql, " ORDER BY x.date IS NULL, x.date, x.id LIMIT ?");
    figure_sink sink = {fn, ctx};
    rc = run_limited(db, &sql, &q, f->limit, f->text, emit_figure, &sink, err);
    sr_buf_free(&sql);
    sr_filter_sql_free(&q);
    return rc;
}

int sr_store_figures(sr_store *s, const sr_event_filter *f, sr_figure_row_fn fn, void *ctx,
                     sr_error *err)
{
    return figures_query(s->db, f, 0, fn, ctx, err);
}

/* Figures copied into the caller's arena as they are read. */
typedef struct figure_keep {
    sr_arena *arena;
    sr_stored_figure **items;
    size_t n, cap;
} figure_keep;

static const char *keep_str(sr_arena *a, const char *s)
{
    return s ? sr_arena_strdup(a, s) : NULL;
}

static int keep_figure(const sr_stored_figure *row, void *ctx)
{
    figure_keep *k = ctx;
    if (k->n == k->cap) {
        size_t cap = k->cap ? 2 * k->cap : 256;
        sr_stored_figure **items = realloc(k->items, cap * sizeof *items);
        if (!items)
            return SR_ENOMEM;
        k->items = items;
        k->cap = cap;
    }
    sr_arena *a = k->arena;
    sr_stored_figure *c = sr_arena_alloc(a, sizeof *c);
    *c = *row;
    c->fig.qualifier = keep_str(a, row->fig.qualifier);
    c->fig.category = keep_str(a, row->fig.category);
    c->fig.unit_text = keep_str(a, row->fig.unit_text);
    c->whose.code = keep_str(a, row->whose.code);
    c->claimant.code = keep_str(a, row->claimant.code);
    c->fig.whose = row->fig.whose ? &c->whose : NULL;
    c->fig.claimant = row->fig.claimant ? &c->claimant : NULL;
    c->doc_key = keep_str(a, row->doc_key);
    c->outlet = keep_str(a, row->outlet);
    c->url = keep_str(a, row->url);
    c->published = keep_str(a, row->published);
    c->figure_text = keep_str(a, row->figure_text);
    c->whose_text = keep_str(a, row->whose_text);
    c->claimant_text = keep_str(a, row->claimant_text);
    c->sentence_text = keep_str(a, row->sentence_text);
    c->subject = keep_str(a, row->subject);
    c->place_words = keep_str(a, row->place_words);
    c->doc_place = keep_str(a, row->doc_place);
    c->date = keep_str(a, row->date);
    c->date_precision = keep_str(a, row->date_precision);
    c->place_name = keep_str(a, row->place_name);
    k->items[k->n++] = c;
    return 0;
}

int sr_store_figure_groups(sr_store *s, const sr_event_filter *f, sr_arena *arena,
                           sr_figure_obs **obs, size_t *nobs, sr_figure_group **groups,
                           size_t *ngroups, sr_error *err)
{
    *obs = NULL;
    *nobs = 0;
    *groups = NULL;
    *ngroups = 0;
    figure_keep k = {arena, NULL, 0, 0};
    int rc = figures_query(s->db, f, 1, keep_figure, &k, err);
    if (rc != 0) {
        free(k.items);
        return rc > 0 || rc == SR_ENOMEM ? sr_error_set(err, SR_ENOMEM, "out of memory") : rc;
    }
    sr_figure_obs *o = sr_arena_calloc(arena, k.n ? k.n : 1, sizeof *o);
    for (size_t i = 0; i < k.n; i++) {
        const sr_stored_figure *c = k.items[i];
        o[i].fig = &c->fig;
        o[i].outlet = c->outlet;
        o[i].subject = c->subject ? c->subject : "?";
        o[i].place = c->place_words;
        o[i].doc_place = c->doc_place;
        o[i].date = c->date;
    }
    free(k.items);
    *obs = o;
    *nobs = k.n;
    if (k.n == 0)
        return 0;
    rc = sr_figures_group(o, k.n, arena, groups, ngroups);
    if (rc != 0)
        return sr_error_set(err, rc, "store: grouping figures failed");
    return 0;
}

/* ---- quotes ---------------------------------------------------------------- */

enum quote_col {
    QC_ID, QC_DOC_KEY, QC_OUTLET, QC_URL, QC_TITLE, QC_PUBLISHED, QC_SENTENCE, QC_START,
    QC_END, QC_QUOTE, QC_PARTS, QC_DIRECT, QC_SPEAKER_TEXT, QC_SPEAKER_CODE, QC_PRONOUN,
    QC_CUE, QC_SPEAKER_START, QC_SPEAKER_END
};

static void read_quote_row(sqlite3_stmt *st, sr_quote_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, QC_ID);
    r->doc_key = col_text(st, QC_DOC_KEY);
    r->outlet = col_text(st, QC_OUTLET);
    r->url = col_text(st, QC_URL);
    r->title = col_text(st, QC_TITLE);
    r->published = col_text(st, QC_PUBLISHED);
    r->sentence = sqlite3_column_int(st, QC_SENTENCE);
    r->start = sqlite3_column_int64(st, QC_START);
    r->end = sqlite3_column_int64(st, QC_END);
    r->quote = col_text(st, QC_QUOTE);
    r->parts = col_text(st, QC_PARTS);
    r->direct = sqlite3_column_int(st, QC_DIRECT);
    r->speaker_text = col_text(st, QC_SPEAKER_TEXT);
    r->speaker_code = col_text(st, QC_SPEAKER_CODE);
    r->speaker_from_pronoun = sqlite3_column_int(st, QC_PRONOUN);
    r->cue_text = col_text(st, QC_CUE);
    r->speaker_start = col_int_or(st, QC_SPEAKER_START, -1);
    r->speaker_end = col_int_or(st, QC_SPEAKER_END, -1);
}

typedef struct quote_sink {
    sr_quote_row_fn fn;
    void *ctx;
} quote_sink;

static int emit_quote(sqlite3_stmt *st, void *ctx)
{
    quote_sink *k = ctx;
    sr_quote_row row;
    read_quote_row(st, &row);
    return k->fn(&row, k->ctx);
}

int sr_store_quotes(sr_store *s, const sr_quote_filter *f, sr_quote_row_fn fn, void *ctx,
                    sr_error *err)
{
    f = f ? f : &no_quote_filter;
    sr_filter_sql q;
    int rc = sr_filter_sql_build_quotes(&q, f, err);
    if (rc != 0)
        return rc;
    sr_buf sql = SR_BUF_INIT;
    sr_buf_puts(&sql, "SELECT qt.id, d.doc_key, d.outlet, d.url, d.title, d.published,"
                      " qt.sentence, qt.start, qt.end, qt.quote, qt.parts, qt.direct,"
                      " qt.speaker_text, qt.speaker_code, qt.speaker_from_pronoun, qt.cue_text,"
                      " sp.start, sp.end"
                      " FROM quotes qt JOIN documents d ON d.id = qt.doc_id"
                      " LEFT JOIN actors sp ON sp.id = qt.speaker_id WHERE 1");
    sr_buf_puts(&sql, q.where.data);
    sr_buf_puts(&sql, " ORDER BY d.published IS NULL, d.published, qt.doc_id, qt.start LIMIT ?");
    quote_sink sink = {fn, ctx};
    rc = run_limited(s->db, &sql, &q, f->limit, f->text, emit_quote, &sink, err);
    sr_buf_free(&sql);
    sr_filter_sql_free(&q);
    return rc;
}

/* ---- actors ---------------------------------------------------------------- */

typedef struct actor_acc {
    char *code;
    int64_t as_source, as_target;
    char *names[3];
    int64_t name_counts[3];
} actor_acc;

static void actor_acc_free(actor_acc *a)
{
    free(a->code);
    for (int i = 0; i < 3; i++)
        free(a->names[i]);
}

/* Keep name among the three most written for the code. */
static int actor_add_name(actor_acc *a, const char *name, int64_t count)
{
    if (!name)
        return 0;
    int slot = 3;
    while (slot > 0 && (!a->names[slot - 1] || a->name_counts[slot - 1] < count))
        slot--;
    if (slot == 3)
        return 0;
    char *copy = strdup(name);
    if (!copy)
        return SR_ENOMEM;
    free(a->names[2]);
    memmove(&a->names[slot + 1], &a->names[slot], (size_t)(2 - slot) * sizeof a->names[0]);
    memmove(&a->name_counts[slot + 1], &a->name_counts[slot],
            (size_t)(2 - slot) * sizeof a->name_counts[0]);
    a->names[slot] = copy;
    a->name_counts[slot] = count;
    return 0;
}

static int cmp_actor(const void *pa, const void *pb)
{
    const actor_acc *a = pa, *b = pb;
    int64_t na = a->as_source + a->as_target, nb = b->as_source + b->as_target;
    if (na != nb)
        return na > nb ? -1 : 1;
    return strcmp(a->code, b->code);
}

/* The events of f with both roles, counted per (code, name as written). */
static const char actor_arm[] =
    " FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN places p ON p.id = e.place_id"
    " WHERE ";

/* The (code, name) rows, in code order, gathered into one actor_acc per
 * code. */
typedef struct actor_list {
    actor_acc *acc;
    size_t n, cap;
    sr_error *err;
} actor_list;

static int gather_actor(sqlite3_stmt *st, void *ctx)
{
    actor_list *l = ctx;
    const char *code = col_text(st, 0);
    if (l->n == 0 || strcmp(l->acc[l->n - 1].code, code) != 0) {
        if (l->n == l->cap) {
            size_t ncap = l->cap ? 2 * l->cap : 64;
            actor_acc *grown = realloc(l->acc, ncap * sizeof *l->acc);
            if (!grown)
                return sr_error_set(l->err, SR_ENOMEM, "out of memory");
            l->acc = grown;
            l->cap = ncap;
        }
        memset(&l->acc[l->n], 0, sizeof l->acc[l->n]);
        if (!(l->acc[l->n].code = strdup(code)))
            return sr_error_set(l->err, SR_ENOMEM, "out of memory");
        l->n++;
    }
    actor_acc *a = &l->acc[l->n - 1];
    int64_t src = sqlite3_column_int64(st, 2), tgt = sqlite3_column_int64(st, 3);
    a->as_source += src;
    a->as_target += tgt;
    if (actor_add_name(a, col_text(st, 1), src + tgt) != 0)
        return sr_error_set(l->err, SR_ENOMEM, "out of memory");
    return 0;
}

int sr_store_actors(sr_store *s, const sr_event_filter *f, sr_actor_row_fn fn, void *ctx,
                    sr_error *err)
{
    f = f ? f : &no_event_filter;
    char listed[80] = "";
    int rc;
    if (f->actor &&
        (rc = sr_filter_glob_prefix("--actor", f->actor, 0, listed, sizeof listed, err)) != 0)
        return rc;
    sr_event_filter events = *f;
    events.actor = NULL; /* it selects codes here, not events */
    sr_filter_sql q;
    if ((rc = sr_filter_sql_build(&q, &events, err)) != 0)
        return rc;
    sr_buf sql = SR_BUF_INIT;
    sr_buf_puts(&sql, "SELECT code, name, sum(role = 0), sum(role = 1) FROM ("
                      "SELECT e.source_code AS code, e.source_text AS name, 0 AS role");
    sr_buf_puts(&sql, actor_arm);
    sr_buf_puts(&sql, "e.source_code IS NOT NULL");
    sr_buf_puts(&sql, q.where.data);
    sr_buf_puts(&sql, " UNION ALL SELECT e.target_code, e.target_text, 1");
    sr_buf_puts(&sql, actor_arm);
    sr_buf_puts(&sql, "e.target_code IS NOT NULL");
    sr_buf_puts(&sql, q.where.data);
    sr_buf_puts(&sql, listed[0] ? ") WHERE code GLOB ? GROUP BY code, name ORDER BY code"
                                : ") GROUP BY code, name ORDER BY code");
    sqlite3_stmt *st;
    int idx = 0;
    /* the condition stands in both arms of the union */
    rc = prepare_filtered(s->db, &sql, &q, 2, &st, &idx, err);
    sr_buf_free(&sql);
    sr_filter_sql_free(&q);
    if (rc != 0)
        return rc;
    if (listed[0])
        sqlite3_bind_text(st, idx, listed, -1, SQLITE_TRANSIENT);
    actor_list l = {NULL, 0, 0, err};
    rc = step_rows(s->db, st, f->text, gather_actor, &l, err);
    if (rc == 0 && l.n)
        qsort(l.acc, l.n, sizeof *l.acc, cmp_actor);
    for (size_t i = 0; rc == 0 && i < l.n && (!f->limit || i < f->limit); i++) {
        sr_actor_row row;
        memset(&row, 0, sizeof row);
        row.code = l.acc[i].code;
        row.as_source = l.acc[i].as_source;
        row.as_target = l.acc[i].as_target;
        for (int j = 0; j < 3; j++) {
            row.names[j] = l.acc[i].names[j];
            row.name_counts[j] = l.acc[i].name_counts[j];
        }
        rc = fn(&row, ctx);
    }
    for (size_t i = 0; i < l.n; i++)
        actor_acc_free(&l.acc[i]);
    free(l.acc);
    return rc;
}

/* ---- places ---------------------------------------------------------------- */

typedef struct place_sink {
    sr_place_row_fn fn;
    void *ctx;
} place_sink;

static int emit_place(sqlite3_stmt *st, void *ctx)
{
    place_sink *k = ctx;
    sr_place_row r;
    memset(&r, 0, sizeof r);
    r.name = col_text(st, 0);
    r.country = col_text(st, 1);
    r.country3 = col_text(st, 2);
    r.admin1 = col_text(st, 3);
    r.feature = col_text(st, 4);
    r.lat = col_real_or_nan(st, 5);
    r.lon = col_real_or_nan(st, 6);
    r.geonameid = sqlite3_column_int64(st, 7);
    r.events = sqlite3_column_int64(st, 8);
    r.articles = sqlite3_column_int64(st, 9);
    return k->fn(&r, k->ctx);
}

int sr_store_places(sr_store *s, const sr_event_filter *f, sr_place_row_fn fn, void *ctx,
                    sr_error *err)
{
    f = f ? f : &no_event_filter;
    sr_filter_sql q;
    int rc = sr_filter_sql_build(&q, f, err);
    if (rc != 0)
        return rc;
    /* One row per gazetteer entry; a place without one (a supplement
     * name, a country: geonameid NULL or 0) is its name, compared without
     * case. */
    sr_buf sql = SR_BUF_INIT;
    sr_buf_puts(&sql, "SELECT min(p.name), max(p.country), max(p.country3), max(p.admin1),"
                      " max(p.feature), avg(p.lat), avg(p.lon), max(p.geonameid),"
                      " count(*) AS n, count(DISTINCT e.doc_id)"
                      " FROM events e JOIN documents d ON d.id = e.doc_id"
                      " JOIN places p ON p.id = e.place_id WHERE 1");
    sr_buf_puts(&sql, q.where.data);
    sr_buf_puts(&sql, " GROUP BY CASE WHEN p.geonameid > 0 THEN CAST(p.geonameid AS TEXT)"
                      " ELSE 'name:' || lower(p.name) END"
                      " ORDER BY n DESC, min(p.name) LIMIT ?");
    place_sink sink = {fn, ctx};
    rc = run_limited(s->db, &sql, &q, f->limit, f->text, emit_place, &sink, err);
    sr_buf_free(&sql);
    sr_filter_sql_free(&q);
    return rc;
}
