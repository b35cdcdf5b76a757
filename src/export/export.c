/*
 * export: the driver. It reads the grouped events through the query API,
 * adds what a row lacks (the document's ingest time and path, the place's
 * codes, the fatalities) and hands each event to the format's writer.
 */
#include <string.h>
#include <strings.h>

#include "export/export_internal.h"

static const struct {
    const char *name;
    sr_export_format format;
    const export_writer *writer;
} formats[] = {
    {"gdelt", SR_EXPORT_GDELT, &export_gdelt_writer},
    {"acled", SR_EXPORT_ACLED, &export_acled_writer},
    {"plover", SR_EXPORT_PLOVER, &export_plover_writer},
    {"geojson", SR_EXPORT_GEOJSON, &export_geojson_writer},
};
#define NFORMATS (sizeof formats / sizeof formats[0])

int sr_export_format_parse(const char *name, sr_export_format *out)
{
    for (size_t i = 0; name && i < NFORMATS; i++)
        if (strcasecmp(name, formats[i].name) == 0) {
            *out = formats[i].format;
            return 0;
        }
    return SR_EINVAL;
}

const char *sr_export_format_name(sr_export_format format)
{
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].format == format)
            return formats[i].name;
    return NULL;
}

typedef struct run {
    export_ctx x;
    const export_writer *w;
    sr_export_counts counts;
    sr_error *err;
} run;

static int flush_line(run *rn)
{
    export_ctx *x = &rn->x;
    if (x->line.len && fwrite(x->line.data, 1, x->line.len, x->out) != x->line.len)
        return sr_error_set(rn->err, SR_EIO, "export: write error");
    sr_buf_reset(&x->line);
    return 0;
}

static int on_event(const sr_event_row *r, void *ctx)
{
    run *rn = ctx;
    export_ctx *x = &rn->x;
    export_event ev;
    memset(&ev, 0, sizeof ev);
    ev.row = r;
    if (r->group_id) {
        ev.id = r->group_id;
        ev.num_mentions = r->num_mentions;
        ev.num_sources = r->num_sources;
        ev.num_articles = r->num_articles;
    } else { /* not grouped yet: the mention is its own event */
        ev.id = r->mention_key;
        ev.num_mentions = ev.num_sources = ev.num_articles = 1;
    }

    sqlite3_stmt *st = x->doc_stmt;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, r->id);
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        ev.doc_id = sqlite3_column_int64(st, 0);
        ev.ingested_at = (const char *)sqlite3_column_text(st, 1);
        ev.doc_path = (const char *)sqlite3_column_text(st, 2);
        ev.doc_line = sqlite3_column_int64(st, 3);
    } else if (rc != SQLITE_DONE) {
        return sr_error_set(rn->err, SR_EIO, "export: reading event %lld's document: %s",
                            (long long)r->id, sqlite3_errmsg(x->db));
    }
    export_place_resolve(x->g, r, &ev.place);
    if (rn->w->wants_fatalities && ev.doc_id &&
        export_fatalities(x, r, ev.doc_id, &ev.fatalities, rn->err) != 0) {
        sqlite3_reset(st);
        return SR_EIO;
    }

    rn->counts.events++;
    switch (rn->w->event(x, &ev)) {
    case EXPORT_WRITTEN:
        rn->counts.written++;
        x->records++;
        break;
    case EXPORT_NO_TYPE:
        rn->counts.no_type++;
        break;
    case EXPORT_NO_DATE:
        rn->counts.no_date++;
        break;
    case EXPORT_NO_PLACE:
        rn->counts.no_place++;
        break;
    }
    sqlite3_reset(st); /* the document's strings were in use until here */
    return flush_line(rn);
}

static int prepare_all(export_ctx *x, sr_error *err)
{
    static const char doc_sql[] =
        "SELECT d.id, d.ingested_at, d.path, d.line FROM events e"
        " JOIN documents d ON d.id = e.doc_id WHERE e.id = ?1";
    static const char members_sql[] =
        "SELECT DISTINCT doc_id, sentence, date FROM events WHERE group_id = ?1";
    static const char figures_sql[] =
        "SELECT start, end, low, high, date, date_precision, date_source FROM figures"
        " WHERE doc_id = ?1 AND sentence = ?2 AND category = 'killed' ORDER BY start";
    static const char sentence_sql[] =
        "SELECT s.start, substr(CAST(d.text AS BLOB), s.start + 1, s.end - s.start)"
        " FROM sentences s JOIN documents d ON d.id = s.doc_id"
        " WHERE s.doc_id = ?1 AND s.idx = ?2";
    if (sr_store_prepare(x->db, doc_sql, &x->doc_stmt, err) != 0 ||
        sr_store_prepare(x->db, members_sql, &x->members_stmt, err) != 0 ||
        sr_store_prepare(x->db, figures_sql, &x->figures_stmt, err) != 0 ||
        sr_store_prepare(x->db, sentence_sql, &x->sentence_stmt, err) != 0)
        return SR_EIO;
    return 0;
}

static void finalize_all(export_ctx *x)
{
    sqlite3_finalize(x->doc_stmt);
    sqlite3_finalize(x->members_stmt);
    sqlite3_finalize(x->figures_stmt);
    sqlite3_finalize(x->sentence_stmt);
    sr_buf_free(&x->line);
    sr_buf_free(&x->scratch);
}

int sr_export_write(sr_store *s, const sr_gazetteer *g, sr_export_format format,
                    const sr_event_filter *f, FILE *out, sr_export_counts *counts,
                    sr_error *err)
{
    if (counts)
        memset(counts, 0, sizeof *counts);
    const export_writer *w = NULL;
    for (size_t i = 0; i < NFORMATS; i++)
        if (formats[i].format == format)
            w = formats[i].writer;
    if (!s || !out || !w)
        return sr_error_set(err, SR_EINVAL, "export: no store, output or format");
    if (!g)
        return sr_error_set(err, SR_EINVAL,
                            "export: the gazetteer is needed (FIPS codes, ADM1 codes, country names)");

    run rn;
    memset(&rn, 0, sizeof rn);
    rn.w = w;
    rn.err = err;
    rn.x.db = sr_store_db(s);
    rn.x.g = g;
    rn.x.out = out;
    sr_buf_init(&rn.x.line);
    sr_buf_init(&rn.x.scratch);
    int rc = prepare_all(&rn.x, err);
    if (rc == 0) {
        sr_event_filter filter;
        if (f)
            filter = *f;
        else
            memset(&filter, 0, sizeof filter);
        filter.grouped = 1;
        w->begin(&rn.x);
        rc = flush_line(&rn);
        if (rc == 0)
            rc = sr_store_events(s, &filter, on_event, &rn, err);
        if (rc == 0) {
            w->end(&rn.x);
            rc = flush_line(&rn);
        }
        if (rc == 0 && fflush(out) != 0)
            rc = sr_error_set(err, SR_EIO, "export: write error");
    }
    finalize_all(&rn.x);
    if (counts)
        *counts = rn.counts;
    return rc;
}
