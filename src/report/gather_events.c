/*
 * gather_events: the events a report covers, and the numbers about them.
 *
 * The selection is the one `sitrep events` makes (store/filter.c turns the
 * options into the same SQL condition), run once into a temporary table
 * with the few columns the sections count by. Every number after that is
 * a GROUP BY over that table in SQLite: a month of a large store is
 * counted without handing its rows one by one to C.
 *
 * "Events" are real-world events: an event group (same day or next, same
 * actors, root and place: docs/store.md), or a mention not grouped yet on
 * its own. k is that identity: the group id, or minus the event's id.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "sitrep/cameo.h"
#include "store/filter.h"

static int run_all(report *r, const char *const *sql)
{
    for (; *sql; sql++)
        if (sr_store_exec(r->db, *sql, "report", r->err) != 0)
            return SR_EIO;
    return 0;
}

/* Grow an arena array from n to at least n + 1 elements. */
static void *grow(report *r, void *v, size_t n, size_t *cap, size_t size)
{
    if (n < *cap)
        return v;
    size_t c = *cap ? 2 * *cap : 16;
    void *w = sr_arena_alloc(r->arena, c * size);
    if (n)
        memcpy(w, v, n * size);
    *cap = c;
    return w;
}

void rep_gather_done(report *r)
{
    static const char *const drop[] = {
        "DROP TABLE IF EXISTS temp.sr_report_ev", "DROP TABLE IF EXISTS temp.sr_report_groups",
        "DROP TABLE IF EXISTS temp.sr_report_docs", "DROP TABLE IF EXISTS temp.sr_report_codes",
        "DROP TABLE IF EXISTS temp.sr_report_quotes", NULL};
    for (const char *const *sql = drop; *sql; sql++)
        sqlite3_exec(r->db, *sql, NULL, NULL, NULL);
}

/* ---- the selection ------------------------------------------------------- */

static int select_events(report *r)
{
    static const char *const setup[] = {
        "DROP TABLE IF EXISTS temp.sr_report_ev",
        "DROP TABLE IF EXISTS temp.sr_report_groups",
        "DROP TABLE IF EXISTS temp.sr_report_docs",
        "DROP TABLE IF EXISTS temp.sr_report_codes",
        "DROP TABLE IF EXISTS temp.sr_report_quotes",
        "CREATE TEMP TABLE sr_report_ev (id INTEGER PRIMARY KEY, k INTEGER NOT NULL,"
        " doc_id INTEGER NOT NULL, outlet TEXT, date TEXT, plover TEXT, quad INTEGER,"
        " src TEXT, tgt TEXT, src_text TEXT, tgt_text TEXT, place_id INTEGER)",
        "CREATE TEMP TABLE sr_report_docs (id INTEGER PRIMARY KEY)",
        "CREATE TEMP TABLE sr_report_codes (code TEXT PRIMARY KEY)",
        NULL};
    int rc = run_all(r, setup);
    if (rc != 0)
        return rc;

    sr_filter_sql q;
    if ((rc = sr_filter_sql_build(&q, &r->filter, r->err)) != 0)
        return rc;
    if (q.uses_places && (rc = sr_filter_register_functions(r->db, r->err)) != 0) {
        sr_filter_sql_free(&q);
        return rc;
    }
    sr_buf sql = SR_BUF_INIT;
    sr_buf_puts(&sql, "INSERT INTO temp.sr_report_ev"
                      " SELECT e.id, coalesce(e.group_id, -e.id), e.doc_id, d.outlet,"
                      /* a date known only to the month or year ("since 2015")
                       * says little of when the event was reported to happen:
                       * the article's date stands in, as grouping does */
                      " CASE WHEN e.date_precision IN ('day', 'week') OR d.published IS NULL"
                      " THEN e.date ELSE d.published END,"
                      " e.plover_type, e.quad_class, e.source_code, e.target_code,"
                      " e.source_text, e.target_text, e.place_id"
                      " FROM events e JOIN documents d ON d.id = e.doc_id");
    if (q.uses_places)
        sr_buf_puts(&sql, " JOIN places p ON p.id = e.place_id");
    sr_buf_puts(&sql, " WHERE 1");
    sr_buf_puts(&sql, q.where.data);
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(r->db, sql.data, (int)sql.len, &st, NULL) != SQLITE_OK) {
        rc = rep_sql_fail(r);
    } else if ((rc = sr_filter_sql_bind(&q, st, 1, r->err)) > 0) {
        rc = sqlite3_step(st) == SQLITE_DONE ? 0 : rep_sql_fail(r);
    }
    sqlite3_finalize(st);
    sr_buf_free(&sql);
    sr_filter_sql_free(&q);
    if (rc != 0)
        return rc;

    static const char *const derive[] = {
        "CREATE TEMP TABLE sr_report_groups AS"
        " SELECT k, count(*) AS mentions, count(DISTINCT doc_id) AS articles,"
        " count(DISTINCT outlet) AS outlets, min(date) AS date, max(quad = 4) AS violent,"
        " max(place_id IS NOT NULL) AS placed"
        " FROM temp.sr_report_ev GROUP BY k",
        "INSERT INTO temp.sr_report_docs SELECT DISTINCT doc_id FROM temp.sr_report_ev",
        NULL};
    if ((rc = run_all(r, derive)) != 0)
        return rc;

    /* A report on a period (no actor or place asked) also draws its
     * quotes and framing words from the articles of that period that
     * reported no event. */
    if (r->filter.actor || r->filter.place)
        return 0;
    char since[11] = "0000-01-01", until[11] = "9999-12-31";
    if ((r->filter.since &&
         (rc = sr_filter_date_bound("--since", r->filter.since, 0, since, r->err)) != 0) ||
        (r->filter.until &&
         (rc = sr_filter_date_bound("--until", r->filter.until, 1, until, r->err)) != 0))
        return rc;
    int all = !r->filter.since && !r->filter.until;
    if ((rc = rep_prepare(r, all ? "INSERT OR IGNORE INTO temp.sr_report_docs SELECT id FROM documents"
                                 : "INSERT OR IGNORE INTO temp.sr_report_docs SELECT id FROM documents"
                                   " WHERE published >= ? AND published <= ?",
                          &st)) != 0)
        return rc;
    if (!all) {
        sqlite3_bind_text(st, 1, since, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 2, until, -1, SQLITE_TRANSIENT);
    }
    rc = sqlite3_step(st) == SQLITE_DONE ? 0 : rep_sql_fail(r);
    sqlite3_finalize(st);
    return rc;
}

/* ---- headline -------------------------------------------------------------- */

static int gather_headline(report *r)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r,
                         "SELECT count(*), sum(mentions), sum(violent), sum(date IS NULL),"
                         " sum(placed), min(date), max(date) FROM temp.sr_report_groups",
                         &st);
    if (rc != 0)
        return rc;
    rep_headline *h = &r->head;
    if (sqlite3_step(st) == SQLITE_ROW) {
        h->events = sqlite3_column_int64(st, 0);
        h->mentions = sqlite3_column_int64(st, 1);
        h->violent = sqlite3_column_int64(st, 2);
        h->undated = sqlite3_column_int64(st, 3);
        h->placed = sqlite3_column_int64(st, 4);
        const char *first = (const char *)sqlite3_column_text(st, 5);
        const char *last = (const char *)sqlite3_column_text(st, 6);
        snprintf(h->first, sizeof h->first, "%s", first ? first : "");
        snprintf(h->last, sizeof h->last, "%s", last ? last : "");
    }
    sqlite3_finalize(st);
    if ((rc = rep_prepare(r,
                          "SELECT count(*), count(DISTINCT d.outlet) FROM temp.sr_report_docs rd"
                          " JOIN documents d ON d.id = rd.id",
                          &st)) != 0)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW) {
        h->articles = sqlite3_column_int64(st, 0);
        h->outlets = sqlite3_column_int64(st, 1);
    }
    sqlite3_finalize(st);
    return 0;
}

/* ---- timeline ---------------------------------------------------------------- */

/* Events by the day they began (their earliest mention's date) and the
 * PLOVER type of that mention. */
static int gather_timeline(report *r)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r,
                         "SELECT d, plover, count(*) FROM"
                         " (SELECT min(date) AS d, plover FROM temp.sr_report_ev"
                         "  WHERE date IS NOT NULL GROUP BY k)"
                         " GROUP BY d, plover ORDER BY d",
                         &st);
    if (rc != 0)
        return rc;
    size_t cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        int day = rep_day_number((const char *)sqlite3_column_text(st, 0));
        if (day < 0)
            continue;
        int type = rep_type_index((const char *)sqlite3_column_text(st, 1));
        long n = sqlite3_column_int64(st, 2);
        /* Two spellings of one type ("assault", "ASSAULT") share a cell. */
        size_t i = r->ntimeline;
        while (i > 0 && r->timeline[i - 1].day == day && r->timeline[i - 1].type != type)
            i--;
        if (i > 0 && r->timeline[i - 1].day == day && r->timeline[i - 1].type == type) {
            r->timeline[i - 1].n += n;
            continue;
        }
        r->timeline = grow(r, r->timeline, r->ntimeline, &cap, sizeof *r->timeline);
        r->timeline[r->ntimeline++] = (rep_tl_cell){day, type, n};
    }
    return rep_finish_rows(r, st, rc);
}

/* ---- places ------------------------------------------------------------------- */

static int gather_places(report *r)
{
    sqlite3_stmt *st;
    /* A gazetteer entry is one place whatever the words; a name the
     * gazetteer gave no id (a supplement entry) is one place by name. */
    int rc = rep_prepare(r,
                         "SELECT p.name, p.admin1, p.country, p.feature, avg(p.lat), avg(p.lon),"
                         " count(DISTINCT ev.k) AS n,"
                         " count(DISTINCT CASE WHEN ev.quad = 4 THEN ev.k END), count(*) AS m"
                         " FROM temp.sr_report_ev ev JOIN places p ON p.id = ev.place_id"
                         " GROUP BY coalesce(p.geonameid, p.name)"
                         " ORDER BY n DESC, m DESC, p.name",
                         &st);
    if (rc != 0)
        return rc;
    r->places = sr_arena_calloc(r->arena, REP_MAP_PLACES, sizeof *r->places);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        r->distinct_places++;
        if (r->nplaces == REP_MAP_PLACES)
            continue;
        rep_place *p = &r->places[r->nplaces++];
        p->name = rep_col(r, st, 0);
        p->admin1 = rep_col(r, st, 1);
        p->country = rep_col(r, st, 2);
        p->feature = rep_col(r, st, 3);
        p->lat = sqlite3_column_type(st, 4) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 4);
        p->lon = sqlite3_column_type(st, 5) == SQLITE_NULL ? NAN : sqlite3_column_double(st, 5);
        p->events = sqlite3_column_int64(st, 6);
        p->violent = sqlite3_column_int64(st, 7);
        p->mentions = sqlite3_column_int64(st, 8);
        p->on_map = !isnan(p->lat) && !isnan(p->lon);
    }
    if ((rc = rep_finish_rows(r, st, rc)) != 0)
        return rc;
    r->has_view = rep_map_fit(r->places, r->nplaces, 1000, &r->view);
    return 0;
}

/* ---- actor network ------------------------------------------------------------- */

static int actor_index(report *r, const char *code, size_t *cap)
{
    for (size_t i = 0; i < r->nactors; i++)
        if (strcmp(r->actors[i].code, code) == 0)
            return (int)i;
    r->actors = grow(r, r->actors, r->nactors, cap, sizeof *r->actors);
    r->actors[r->nactors] = (rep_actor){rep_strdup(r, code), NULL, 0};
    return (int)r->nactors++;
}

static int by_events_desc(const void *pa, const void *pb)
{
    const rep_edge *a = pa, *b = pb;
    if (a->events != b->events)
        return a->events > b->events ? -1 : 1;
    return a->type - b->type;
}

/* The names written for the drawn actors, most frequent first; one scan
 * of the selection for both roles. */
static int gather_actor_names(report *r)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r, "INSERT OR IGNORE INTO temp.sr_report_codes VALUES (?)", &st);
    if (rc != 0)
        return rc;
    for (size_t i = 0; i < r->nactors; i++) {
        sqlite3_reset(st);
        sqlite3_bind_text(st, 1, r->actors[i].code, -1, SQLITE_STATIC);
        if (sqlite3_step(st) != SQLITE_DONE) {
            sqlite3_finalize(st);
            return rep_sql_fail(r);
        }
    }
    sqlite3_finalize(st);
    if ((rc = rep_prepare(r,
                          "SELECT code, text, count(*) AS n FROM ("
                          " SELECT src AS code, src_text AS text FROM temp.sr_report_ev"
                          "  WHERE src IN (SELECT code FROM temp.sr_report_codes)"
                          " UNION ALL"
                          " SELECT tgt, tgt_text FROM temp.sr_report_ev"
                          "  WHERE tgt IN (SELECT code FROM temp.sr_report_codes))"
                          " WHERE text IS NOT NULL GROUP BY code, text ORDER BY code, n DESC, text",
                          &st)) != 0)
        return rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *code = (const char *)sqlite3_column_text(st, 0);
        for (size_t i = 0; i < r->nactors; i++)
            if (!r->actors[i].name && strcmp(r->actors[i].code, code) == 0)
                r->actors[i].name = rep_shorten(r, rep_col(r, st, 1), 34);
    }
    return rep_finish_rows(r, st, rc);
}

static int gather_network(report *r)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r,
                         "SELECT src, tgt, plover, count(DISTINCT k) FROM temp.sr_report_ev"
                         " WHERE src IS NOT NULL AND tgt IS NOT NULL AND src <> tgt"
                         " GROUP BY src, tgt, plover ORDER BY src, tgt",
                         &st);
    if (rc != 0)
        return rc;
    /* Every pair, merged over types, in malloc'd memory: there can be
     * many more pairs than the report draws. */
    typedef struct pair {
        char *src, *tgt;
        long events, by_type[REP_NTYPES];
    } pair;
    pair *pairs = NULL;
    size_t npairs = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *src = (const char *)sqlite3_column_text(st, 0);
        const char *tgt = (const char *)sqlite3_column_text(st, 1);
        int type = rep_type_index((const char *)sqlite3_column_text(st, 2));
        long n = sqlite3_column_int64(st, 3);
        if (!npairs || strcmp(pairs[npairs - 1].src, src) != 0 ||
            strcmp(pairs[npairs - 1].tgt, tgt) != 0) {
            if (npairs == cap) {
                cap = cap ? 2 * cap : 256;
                pair *g = realloc(pairs, cap * sizeof *g);
                if (!g) {
                    rc = SQLITE_NOMEM;
                    break;
                }
                pairs = g;
            }
            pair *p = &pairs[npairs++];
            memset(p, 0, sizeof *p);
            p->src = sr_arena_strdup(r->arena, src);
            p->tgt = sr_arena_strdup(r->arena, tgt);
        }
        pairs[npairs - 1].events += n;
        pairs[npairs - 1].by_type[type] += n;
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(pairs);
        return rc == SQLITE_NOMEM ? sr_error_set(r->err, SR_ENOMEM, "out of memory") : rep_sql_fail(r);
    }
    rep_edge *edges = malloc((npairs ? npairs : 1) * sizeof *edges);
    if (!edges) {
        free(pairs);
        return sr_error_set(r->err, SR_ENOMEM, "out of memory");
    }
    for (size_t i = 0; i < npairs; i++) {
        int best = 0;
        for (int t = 1; t < REP_NTYPES; t++)
            if (pairs[i].by_type[t] > pairs[i].by_type[best])
                best = t;
        /* source/target hold the pair's index until the top ones are known */
        edges[i] = (rep_edge){(int)i, (int)i, pairs[i].events, best, pairs[i].by_type[best]};
    }
    qsort(edges, npairs, sizeof *edges, by_events_desc);
    size_t keep = npairs < REP_EDGES ? npairs : REP_EDGES;
    r->edges = sr_arena_calloc(r->arena, keep ? keep : 1, sizeof *r->edges);
    size_t acap = 0;
    for (size_t i = 0; i < keep; i++) {
        const pair *p = &pairs[edges[i].source];
        rep_edge e = edges[i];
        e.source = actor_index(r, p->src, &acap);
        e.target = actor_index(r, p->tgt, &acap);
        r->actors[e.source].weight += e.events;
        r->actors[e.target].weight += e.events;
        r->edges[r->nedges++] = e;
    }
    free(edges);
    free(pairs);
    return r->nactors ? gather_actor_names(r) : 0;
}

/* ---- key events ------------------------------------------------------------------ */

/* The mentions of one event: what the report prints of it (from its
 * earliest mention) and the articles it cites, one per outlet first. */
static int gather_event_detail(report *r, sqlite3_stmt *st, rep_event *ev)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (ev->key > 0)
        sqlite3_bind_int64(st, 1, ev->key);
    else
        sqlite3_bind_int64(st, 2, -ev->key);
    typedef struct cand {
        int64_t doc;
        const char *outlet;
    } cand;
    cand seen[64];
    size_t nseen = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!ev->cameo) {
            ev->cameo = rep_col(r, st, 2);
            ev->source_code = rep_col(r, st, 3);
            ev->source_text = rep_col(r, st, 4);
            ev->target_code = rep_col(r, st, 5);
            ev->target_text = rep_col(r, st, 6);
            ev->quad = sqlite3_column_int(st, 8);
            ev->type = rep_type_index((const char *)sqlite3_column_text(st, 9));
            ev->place = rep_col(r, st, 10);
            ev->sentence = rep_shorten(r, rep_col(r, st, 11), 420);
            const sr_cameo_info *ci = ev->cameo ? sr_cameo_lookup(ev->cameo) : NULL;
            ev->description = ci ? ci->description : NULL;
        }
        if (!ev->place)
            ev->place = rep_col(r, st, 10);
        int64_t doc = sqlite3_column_int64(st, 0);
        const char *outlet = (const char *)sqlite3_column_text(st, 1);
        size_t i = 0;
        while (i < nseen && seen[i].doc != doc)
            i++;
        if (i == nseen && nseen < sizeof seen / sizeof *seen)
            seen[nseen++] = (cand){doc, rep_strdup(r, outlet)};
    }
    if (rc != SQLITE_DONE)
        return rep_sql_fail(r);
    /* One article per outlet first, then the others, up to the limit. */
    ev->cites = sr_arena_calloc(r->arena, REP_KEY_SOURCES, sizeof *ev->cites);
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < nseen && ev->ncites < REP_KEY_SOURCES; i++) {
            int first_of_outlet = 1;
            for (size_t j = 0; j < i; j++)
                if (seen[j].outlet && seen[i].outlet && strcmp(seen[j].outlet, seen[i].outlet) == 0)
                    first_of_outlet = 0;
            if (first_of_outlet != (pass == 0))
                continue;
            int n = rep_cite(r, seen[i].doc);
            if (n > 0)
                ev->cites[ev->ncites++] = n;
        }
    return 0;
}

static int gather_key_events(report *r)
{
    sqlite3_stmt *st, *detail;
    /* Most reported first: by outlets, articles, then violence. */
    int rc = rep_prepare(r,
                         "SELECT k, date, mentions, articles, outlets FROM temp.sr_report_groups"
                         " ORDER BY outlets DESC, articles DESC, violent DESC, mentions DESC,"
                         " date IS NULL, date, k LIMIT ?",
                         &st);
    if (rc != 0)
        return rc;
    if ((rc = rep_prepare(r,
                          "SELECT e.doc_id, d.outlet, e.cameo, e.source_code, e.source_text,"
                          " e.target_code, e.target_text, e.date, e.quad_class, e.plover_type, p.name,"
                          " CAST(substr(CAST(d.text AS BLOB), coalesce(s.start, e.start) + 1,"
                          "  coalesce(s.end, e.end) - coalesce(s.start, e.start)) AS TEXT)"
                          " FROM events e JOIN temp.sr_report_ev ev ON ev.id = e.id"
                          " JOIN documents d ON d.id = e.doc_id"
                          " LEFT JOIN sentences s ON s.id = e.sentence_id"
                          " LEFT JOIN places p ON p.id = e.place_id"
                          " WHERE e.group_id = ?1 OR e.id = ?2"
                          " ORDER BY e.date IS NULL, e.date, e.id",
                          &detail)) != 0) {
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_bind_int(st, 1, REP_KEY_EVENTS);
    r->events = sr_arena_calloc(r->arena, REP_KEY_EVENTS, sizeof *r->events);
    while (rc == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
        rep_event *ev = &r->events[r->nevents++];
        ev->key = sqlite3_column_int64(st, 0);
        ev->date = rep_col(r, st, 1);
        ev->mentions = sqlite3_column_int64(st, 2);
        ev->articles = sqlite3_column_int64(st, 3);
        ev->outlets = sqlite3_column_int64(st, 4);
        rc = gather_event_detail(r, detail, ev);
    }
    if (rc == SQLITE_DONE)
        rc = 0;
    else if (rc > 0)
        rc = rep_sql_fail(r);
    sqlite3_finalize(detail);
    sqlite3_finalize(st);
    return rc;
}

int rep_gather_events(report *r)
{
    int rc;
    if ((rc = select_events(r)) != 0 || (rc = gather_headline(r)) != 0 ||
        (rc = gather_timeline(r)) != 0 || (rc = gather_places(r)) != 0 ||
        (rc = gather_key_events(r)) != 0 || (rc = gather_network(r)) != 0)
        return rc;
    return 0;
}
