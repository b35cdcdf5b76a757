/*
 * sources: the articles a report cites, numbered in the order the report
 * first mentions them, so that [1] comes before [2] when read top down
 * (the gatherers run in the order the sections are printed).
 */
#include <stdlib.h>

#include "report/report_internal.h"

int rep_cite(report *r, int64_t doc_id)
{
    /* A report cites a few hundred articles at most: a scan is enough. */
    for (size_t i = 0; i < r->nsources; i++)
        if (r->sources[i].doc_id == doc_id)
            return (int)i + 1;
    if (r->nsources == r->capsources) {
        size_t cap = r->capsources ? 2 * r->capsources : 64;
        rep_source *grown = realloc(r->sources, cap * sizeof *grown);
        if (!grown)
            return 0;
        r->sources = grown;
        r->capsources = cap;
    }
    r->sources[r->nsources] = (rep_source){.doc_id = doc_id};
    return (int)++r->nsources;
}

int rep_sources_fill(report *r)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r, "SELECT doc_key, outlet, url, title, published FROM documents WHERE id = ?",
                         &st);
    if (rc != 0)
        return rc;
    for (size_t i = 0; i < r->nsources; i++) {
        rep_source *src = &r->sources[i];
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, src->doc_id);
        if (sqlite3_step(st) != SQLITE_ROW)
            continue;
        src->doc_key = rep_col(r, st, 0);
        src->outlet = rep_col(r, st, 1);
        src->url = rep_col(r, st, 2);
        src->title = rep_col(r, st, 3);
        src->published = rep_col(r, st, 4);
    }
    sqlite3_finalize(st);
    return 0;
}
