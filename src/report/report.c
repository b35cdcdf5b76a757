/*
 * report: gather, then write. The gatherers read the store into a
 * `report` (numbers and short lists, all in one arena); the writers lay
 * that out as HTML or Markdown without touching the store again, so both
 * formats say the same things.
 */
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

int rep_prepare(report *r, const char *sql, sqlite3_stmt **st)
{
    return sr_store_prepare(r->db, sql, st, r->err);
}

int rep_sql_fail(report *r)
{
    return sr_error_set(r->err, SR_EIO, "report: %s", sqlite3_errmsg(r->db));
}

int rep_finish_rows(report *r, sqlite3_stmt *st, int rc)
{
    sqlite3_finalize(st);
    return rc == SQLITE_DONE ? 0 : rep_sql_fail(r);
}

const char *rep_col(report *r, sqlite3_stmt *st, int i)
{
    const unsigned char *s = sqlite3_column_text(st, i);
    return sr_arena_strdup(r->arena, (const char *)s);
}

char *rep_strdup(report *r, const char *s)
{
    return sr_arena_strdup(r->arena, s);
}

int sr_report_write(sr_store *s, const sr_report_options *opt, sr_buf *out, sr_error *err)
{
    if (!s || !opt || !out)
        return sr_error_set(err, SR_EINVAL, "report: no store, options or output");
    if (opt->format != SR_REPORT_MARKDOWN && opt->format != SR_REPORT_HTML)
        return sr_error_set(err, SR_EINVAL, "report: unknown format %d", (int)opt->format);
    report r = {0};
    r.store = s;
    r.db = sr_store_db(s);
    r.opt = opt;
    r.err = err;
    r.filter.since = opt->since;
    r.filter.until = opt->until;
    r.filter.place = opt->place;
    r.filter.actor = opt->actor;
    r.arena = sr_arena_new(0);
    if (!r.arena)
        return sr_error_set(err, SR_ENOMEM, "out of memory");

    /* One read transaction: every section sees the same store even while
     * an ingest commits next door (WAL keeps this snapshot for us). A
     * savepoint, so that a caller's own transaction is not in the way. */
    int rc = sr_store_exec(r.db, "SAVEPOINT sr_report", "report: begin", err);
    if (rc == 0) {
        rc = rep_gather_events(&r);
        if (rc == 0)
            rc = rep_gather_figures(&r);
        if (rc == 0)
            rc = rep_gather_words(&r);
        if (rc == 0)
            rc = rep_sources_fill(&r);
        rep_gather_done(&r);
        sqlite3_exec(r.db, "RELEASE sr_report", NULL, NULL, NULL);
    }
    if (rc == 0) {
        if (opt->format == SR_REPORT_HTML)
            rep_write_html(out, &r);
        else
            rep_write_markdown(out, &r);
    }
    free(r.sources);
    sr_arena_free(r.arena);
    return rc;
}
