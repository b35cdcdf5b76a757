/*
 * Grouping event mentions into real-world events (GDELT's one row per
 * event, with how many mentions, articles and outlets reported it).
 *
 * Only what new mentions can change is recomputed: the events of the days
 * within one day of an ungrouped event, with the whole of every group one
 * of them is in. A group that has no member in that window cannot chain
 * with a new mention (chains link days at most one apart), so the rest of
 * the store keeps its groups. Everything happens in one transaction, and
 * an event waits with group_id NULL until it commits: a run killed midway
 * leaves the events ungrouped, and the next run (even one with nothing new
 * to ingest) groups them.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/ingest.h"
#include "store/day.h"
#include "store/group.h"
#include "store/store_internal.h"
#include "util/buf.h"

#define NO_DAY LONG_MIN

typedef struct mention {
    int64_t id, key, doc_id, old_group, new_group;
    long day;
    char *day_text;
    char *root, *source_key, *target_key, *place_key, *cameo, *outlet;
} mention;

typedef struct mention_set {
    mention *items;
    size_t n, cap;
    sr_arena *arena;
} mention_set;

/* The columns every loading query selects, in this order. */
#define MENTION_COLUMNS                                                                        \
    "SELECT e.id, e.mention_key, e.doc_id, e.group_id, e.root, e.source_code, e.target_code,"  \
    " e.cameo, p.geonameid, p.name,"                                                            \
    " CASE WHEN e.date_precision = 'day' AND e.date IS NOT NULL THEN e.date"                   \
    "      ELSE d.published END,"                                                              \
    " d.outlet, d.url"                                                                          \
    " FROM events e JOIN documents d ON d.id = e.doc_id LEFT JOIN places p ON p.id = e.place_id"

static const char sql_pending_days[] =
    "SELECT DISTINCT CASE WHEN e.date_precision = 'day' AND e.date IS NOT NULL THEN e.date"
    " ELSE d.published END"
    " FROM events e JOIN documents d ON d.id = e.doc_id WHERE e.group_id IS NULL";
/* events dated to the day, then events that take their document's date;
 * all of them, or only those already in a group */
#define BY_EVENT_DAY MENTION_COLUMNS " WHERE e.date_precision = 'day' AND e.date BETWEEN ?1 AND ?2"
#define BY_DOC_DAY                                                                             \
    MENTION_COLUMNS " WHERE d.published BETWEEN ?1 AND ?2"                                      \
                    " AND NOT (e.date_precision = 'day' AND e.date IS NOT NULL)"
static const char sql_by_event_day[] = BY_EVENT_DAY;
static const char sql_by_doc_day[] = BY_DOC_DAY;
static const char sql_by_event_day_grouped[] = BY_EVENT_DAY " AND e.group_id IS NOT NULL";
static const char sql_by_doc_day_grouped[] = BY_DOC_DAY " AND e.group_id IS NOT NULL";
static const char sql_undated[] =
    MENTION_COLUMNS " WHERE e.group_id IS NULL AND d.published IS NULL"
                    " AND NOT (e.date_precision = 'day' AND e.date IS NOT NULL)";
static const char sql_group_size[] = "SELECT num_mentions FROM event_groups WHERE id = ?1";
static const char sql_group_members[] = MENTION_COLUMNS " WHERE e.group_id = ?1";
static const char sql_delete_group[] = "DELETE FROM event_groups WHERE id = ?1";
static const char sql_insert_group[] =
    "INSERT OR REPLACE INTO event_groups (id, date, source_key, target_key, root, place_key,"
    " cameo, num_mentions, num_sources, num_articles)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char sql_set_group[] = "UPDATE events SET group_id = ?1 WHERE id = ?2";

/* A copy of at most max bytes of s, or NULL for NULL. */
static char *dup_max(sr_arena *a, const char *s, size_t max)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    return sr_arena_strndup(a, s, n < max ? n : max);
}

/* An outlet for counting sources: its name, else its URL's host, else
 * one shared "unknown". */
static char *outlet_of(sr_arena *a, const char *outlet, const char *url)
{
    if (outlet)
        return sr_arena_strdup(a, outlet);
    if (!url)
        return NULL;
    const char *host = strstr(url, "://");
    host = host ? host + 3 : url;
    size_t n = strcspn(host, "/?#:");
    return sr_arena_strndup(a, host, n);
}

/* The one place a row becomes a mention, whether it was read from the
 * store or handed over by the writer: both must group alike. */
static int add_mention(mention_set *set, const sr_group_row *r)
{
    if (set->n == set->cap) {
        size_t cap = set->cap ? set->cap * 2 : 1024;
        mention *items = realloc(set->items, cap * sizeof *items);
        if (!items)
            return SR_ENOMEM;
        set->items = items;
        set->cap = cap;
    }
    mention *m = &set->items[set->n++];
    memset(m, 0, sizeof *m);
    sr_arena *a = set->arena;
    m->id = r->id;
    m->key = r->key;
    m->doc_id = r->doc_id;
    m->old_group = r->group;
    m->root = dup_max(a, r->root, SIZE_MAX);
    m->source_key = dup_max(a, r->source_code, 6); /* country and sector */
    m->target_key = dup_max(a, r->target_code, 6);
    m->cameo = dup_max(a, r->cameo, SIZE_MAX);
    if (r->geonameid > 0) {
        char num[21];
        sr_fmt_uint(num, (unsigned long long)r->geonameid);
        m->place_key = sr_arena_strdup(a, num);
    } else {
        m->place_key = dup_max(a, r->place_name, SIZE_MAX);
    }
    m->day_text = dup_max(a, r->day, SIZE_MAX);
    if (!m->day_text || sr_store_day_number(m->day_text, &m->day) != 0)
        m->day = NO_DAY;
    m->outlet = outlet_of(a, r->outlet, r->url);
    return 0;
}

static const char *column_str(sqlite3_stmt *st, int i)
{
    return (const char *)sqlite3_column_text(st, i);
}

static int load(mention_set *set, sqlite3_stmt *st, sr_error *err)
{
    sqlite3 *db = sqlite3_db_handle(st);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        sr_group_row r = {
            .id = sqlite3_column_int64(st, 0),
            .key = sqlite3_column_int64(st, 1),
            .doc_id = sqlite3_column_int64(st, 2),
            .group = sqlite3_column_int64(st, 3),
            .root = column_str(st, 4),
            .source_code = column_str(st, 5),
            .target_code = column_str(st, 6),
            .cameo = column_str(st, 7),
            .geonameid = sqlite3_column_int64(st, 8),
            .place_name = column_str(st, 9),
            .day = column_str(st, 10),
            .outlet = column_str(st, 11),
            .url = column_str(st, 12),
        };
        if (add_mention(set, &r) != 0) {
            sqlite3_reset(st);
            return sr_error_set(err, SR_ENOMEM, "out of memory");
        }
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sr_error_set(err, SR_EIO, "store: grouping: %s", sqlite3_errmsg(db));
    return 0;
}

/* qsort, which must not be given a NULL array even when it is empty */
static void sort(void *base, size_t n, size_t size, int (*cmp)(const void *, const void *))
{
    if (n > 1)
        qsort(base, n, size, cmp);
}

/* NULL sorts before any string, and equals only NULL. */
static int cmp_str(const char *a, const char *b)
{
    if (!a || !b)
        return (a != NULL) - (b != NULL);
    return strcmp(a, b);
}

static int cmp_id(const void *pa, const void *pb)
{
    const mention *a = pa, *b = pb;
    return (a->id > b->id) - (a->id < b->id);
}

static int same_key(const mention *a, const mention *b)
{
    return cmp_str(a->root, b->root) == 0 && cmp_str(a->source_key, b->source_key) == 0 &&
           cmp_str(a->target_key, b->target_key) == 0 && cmp_str(a->place_key, b->place_key) == 0;
}

static int cmp_grouping(const void *pa, const void *pb)
{
    const mention *a = pa, *b = pb;
    int c;
    if ((c = cmp_str(a->root, b->root)) || (c = cmp_str(a->source_key, b->source_key)) ||
        (c = cmp_str(a->target_key, b->target_key)) || (c = cmp_str(a->place_key, b->place_key)))
        return c;
    if (a->day != b->day)
        return a->day < b->day ? -1 : 1;
    return (a->key > b->key) - (a->key < b->key);
}

static int cmp_strp(const void *pa, const void *pb)
{
    return cmp_str(*(char *const *)pa, *(char *const *)pb);
}

static int cmp_int64(const void *pa, const void *pb)
{
    int64_t a = *(const int64_t *)pa, b = *(const int64_t *)pb;
    return (a > b) - (a < b);
}

/* Distinct values among n sorted ones. */
static size_t distinct_strs(char **v, size_t n)
{
    size_t d = 0;
    for (size_t i = 0; i < n; i++)
        d += i == 0 || cmp_str(v[i - 1], v[i]) != 0;
    return d;
}

typedef struct group_writer {
    sqlite3_stmt *insert, *set;
    char **strs;           /* scratch for counting distinct values */
    int64_t *ints;
    size_t cap;
    size_t groups, updated;
} group_writer;

static int write_group(group_writer *gw, mention *ms, size_t n, sr_error *err)
{
    if (n > gw->cap) {
        char **strs = realloc(gw->strs, n * sizeof *strs);
        if (strs)
            gw->strs = strs;
        int64_t *ints = realloc(gw->ints, n * sizeof *ints);
        if (ints)
            gw->ints = ints;
        if (!strs || !ints)
            return sr_error_set(err, SR_ENOMEM, "out of memory");
        gw->cap = n;
    }
    int64_t id = ms[0].key;
    for (size_t i = 1; i < n; i++)
        if (ms[i].key < id)
            id = ms[i].key;
    for (size_t i = 0; i < n; i++)
        gw->ints[i] = ms[i].doc_id;
    sort(gw->ints, n, sizeof *gw->ints, cmp_int64);
    size_t articles = 0;
    for (size_t i = 0; i < n; i++)
        articles += i == 0 || gw->ints[i] != gw->ints[i - 1];
    for (size_t i = 0; i < n; i++)
        gw->strs[i] = ms[i].outlet;
    sort(gw->strs, n, sizeof *gw->strs, cmp_strp);
    size_t sources = distinct_strs(gw->strs, n);
    /* the commonest code; among equals the smallest */
    for (size_t i = 0; i < n; i++)
        gw->strs[i] = ms[i].cameo;
    sort(gw->strs, n, sizeof *gw->strs, cmp_strp);
    const char *cameo = gw->strs[0];
    size_t best = 0;
    for (size_t i = 0; i < n;) {
        size_t k = i;
        while (k < n && cmp_str(gw->strs[k], gw->strs[i]) == 0)
            k++;
        if (k - i > best) {
            best = k - i;
            cameo = gw->strs[i];
        }
        i = k;
    }
    sqlite3_stmt *st = gw->insert;
    sqlite3_bind_int64(st, 1, id);
    if (ms[0].day != NO_DAY)
        sqlite3_bind_text(st, 2, ms[0].day_text, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, 2);
    sqlite3_bind_text(st, 3, ms[0].source_key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 4, ms[0].target_key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 5, ms[0].root ? ms[0].root : "", -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 6, ms[0].place_key, -1, SQLITE_STATIC);
    sqlite3_bind_text(st, 7, cameo ? cameo : "", -1, SQLITE_STATIC);
    sqlite3_bind_int64(st, 8, (int64_t)n);
    sqlite3_bind_int64(st, 9, (int64_t)sources);
    sqlite3_bind_int64(st, 10, (int64_t)articles);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return sr_error_set(err, SR_EIO, "store: grouping: %s", sqlite3_errmsg(sqlite3_db_handle(st)));
    gw->groups++;
    for (size_t i = 0; i < n; i++)
        ms[i].new_group = id;
    return 0;
}

/* The events whose group changed point at their new one. In id order:
 * consecutive updates then land on the same table pages, where the order
 * of the groups would scatter them over the whole table. */
static int set_groups(group_writer *gw, mention *ms, size_t n, sr_error *err)
{
    sort(ms, n, sizeof *ms, cmp_id);
    for (size_t i = 0; i < n; i++) {
        if (ms[i].old_group == ms[i].new_group)
            continue;
        sqlite3_bind_int64(gw->set, 1, ms[i].new_group);
        sqlite3_bind_int64(gw->set, 2, ms[i].id);
        int rc = sqlite3_step(gw->set);
        sqlite3_reset(gw->set);
        if (rc != SQLITE_DONE)
            return sr_error_set(err, SR_EIO, "store: grouping: %s",
                                sqlite3_errmsg(sqlite3_db_handle(gw->set)));
        gw->updated++;
    }
    return 0;
}

typedef struct range {
    long lo, hi;           /* day numbers, inclusive */
} range;

static int cmp_long(const void *pa, const void *pb)
{
    long a = *(const long *)pa, b = *(const long *)pb;
    return (a > b) - (a < b);
}

/* Days, each widened by a day on both sides, merged into ranges (days
 * is sorted in place). */
static int ranges_of(long *days, size_t n, range **out, size_t *nout, sr_error *err)
{
    sort(days, n, sizeof *days, cmp_long);
    range *rs = n ? malloc(n * sizeof *rs) : NULL;
    if (n && !rs)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    size_t nr = 0;
    for (size_t i = 0; i < n; i++) {
        if (nr && days[i] - 1 <= rs[nr - 1].hi + 1)
            rs[nr - 1].hi = days[i] + 1;
        else
            rs[nr++] = (range){days[i] - 1, days[i] + 1};
    }
    *out = rs;
    *nout = nr;
    return 0;
}

static int push_day(long **days, size_t *n, size_t *cap, long d)
{
    if (*n == *cap) {
        size_t more_cap = *cap ? *cap * 2 : 64;
        long *more = realloc(*days, more_cap * sizeof *more);
        if (!more)
            return SR_ENOMEM;
        *days = more;
        *cap = more_cap;
    }
    (*days)[(*n)++] = d;
    return 0;
}

/* The ranges around the days of the ungrouped events, read from the
 * store. Days that are no calendar day are left out (their events then
 * stand alone). */
static int pending_ranges(sqlite3 *db, range **out, size_t *nout, sr_error *err)
{
    sqlite3_stmt *st = NULL;
    *out = NULL;
    *nout = 0;
    if (sr_store_prepare(db, sql_pending_days, &st, err) != 0)
        return SR_EIO;
    long *days = NULL;
    size_t n = 0, cap = 0;
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        long d;
        if (sr_store_day_number((const char *)sqlite3_column_text(st, 0), &d) != 0)
            continue;
        if (push_day(&days, &n, &cap, d) != 0) {
            free(days);
            sqlite3_finalize(st);
            return sr_error_set(err, SR_ENOMEM, "out of memory");
        }
    }
    sqlite3_finalize(st);
    if (rc != SQLITE_DONE) {
        free(days);
        return sr_error_set(err, SR_EIO, "store: grouping: %s", sqlite3_errmsg(db));
    }
    rc = ranges_of(days, n, out, nout, err);
    free(days);
    return rc;
}

/* The same from the mentions the writer handed over. */
static int fresh_ranges(const mention_set *set, range **out, size_t *nout, sr_error *err)
{
    *out = NULL;
    *nout = 0;
    long *days = set->n ? malloc(set->n * sizeof *days) : NULL;
    if (set->n && !days)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    size_t n = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->items[i].day != NO_DAY)
            days[n++] = set->items[i].day;
    int rc = ranges_of(days, n, out, nout, err);
    free(days);
    return rc;
}

/* The events of the ranges: all of them, or (grouped_only) those already
 * in a group, when the ungrouped ones are in hand. */
static int load_ranges(sqlite3 *db, mention_set *set, const range *rs, size_t nr, int grouped_only,
                       sr_error *err)
{
    const char *const all[2] = {sql_by_event_day, sql_by_doc_day};
    const char *const grouped[2] = {sql_by_event_day_grouped, sql_by_doc_day_grouped};
    const char *const *sqls = grouped_only ? grouped : all;
    for (int q = 0; q < 2; q++) {
        sqlite3_stmt *st = NULL;
        if (sr_store_prepare(db, sqls[q], &st, err) != 0)
            return SR_EIO;
        for (size_t i = 0; i < nr; i++) {
            char lo[11], hi[11];
            sr_store_day_text(rs[i].lo, lo);
            sr_store_day_text(rs[i].hi, hi);
            sqlite3_bind_text(st, 1, lo, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(st, 2, hi, -1, SQLITE_TRANSIENT);
            if (load(set, st, err) != 0) {
                sqlite3_finalize(st);
                return SR_EIO;
            }
        }
        sqlite3_finalize(st);
    }
    if (grouped_only) /* the undated ungrouped ones are in hand too */
        return 0;
    sqlite3_stmt *st = NULL;
    if (sr_store_prepare(db, sql_undated, &st, err) != 0)
        return SR_EIO;
    int rc = load(set, st, err);
    sqlite3_finalize(st);
    return rc;
}

/* The loaded events' groups may have members outside the window: bring
 * them in, so a group is recomputed whole or not at all. */
static int complete_groups(sqlite3 *db, mention_set *set, sr_error *err)
{
    size_t n = set->n;
    int64_t *gs = n ? malloc(n * sizeof *gs) : NULL;
    size_t ng = 0;
    for (size_t i = 0; i < n; i++)
        if (set->items[i].old_group)
            gs[ng++] = set->items[i].old_group;
    sort(gs, ng, sizeof *gs, cmp_int64);
    sqlite3_stmt *size = NULL, *members = NULL;
    int rc = 0;
    if (sr_store_prepare(db, sql_group_size, &size, err) != 0 ||
        sr_store_prepare(db, sql_group_members, &members, err) != 0) {
        rc = SR_EIO;
        goto done;
    }
    for (size_t i = 0; i < ng;) {
        size_t k = i;
        while (k < ng && gs[k] == gs[i])
            k++;
        sqlite3_bind_int64(size, 1, gs[i]);
        int64_t total = sqlite3_step(size) == SQLITE_ROW ? sqlite3_column_int64(size, 0) : 0;
        sqlite3_reset(size);
        if ((int64_t)(k - i) != total) {
            sqlite3_bind_int64(members, 1, gs[i]);
            if ((rc = load(set, members, err)) != 0)
                goto done;
        }
        i = k;
    }
    /* an event loaded twice (in the window and through its group) once */
    sort(set->items, set->n, sizeof *set->items, cmp_id);
    size_t w = 0;
    for (size_t i = 0; i < set->n; i++)
        if (w == 0 || set->items[w - 1].id != set->items[i].id)
            set->items[w++] = set->items[i];
    set->n = w;
done:
    sqlite3_finalize(size);
    sqlite3_finalize(members);
    free(gs);
    return rc;
}

static int cmp_key(const void *pa, const void *pb)
{
    const mention *a = pa, *b = pb;
    int c;
    if ((c = cmp_str(a->root, b->root)) || (c = cmp_str(a->source_key, b->source_key)) ||
        (c = cmp_str(a->target_key, b->target_key)))
        return c;
    return cmp_str(a->place_key, b->place_key);
}

/* Only the events that share their grouping key (root, actors, place)
 * with an ungrouped one can change group: a group of another key in the
 * window keeps its members, so it is neither loaded whole nor rewritten. */
static int keep_affected(mention_set *set, sr_error *err)
{
    /* copies, since the set is compacted in place below */
    mention *fresh = set->n ? malloc(set->n * sizeof *fresh) : NULL;
    if (set->n && !fresh)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    size_t nfresh = 0;
    for (size_t i = 0; i < set->n; i++)
        if (!set->items[i].old_group)
            fresh[nfresh++] = set->items[i];
    sort(fresh, nfresh, sizeof *fresh, cmp_key);
    size_t w = 0;
    for (size_t i = 0; i < set->n; i++) {
        const mention *m = &set->items[i];
        if (m->old_group && (!nfresh || !bsearch(m, fresh, nfresh, sizeof *fresh, cmp_key)))
            continue;
        set->items[w++] = *m;
    }
    set->n = w;
    free(fresh);
    return 0;
}

/* Regroup what the ungrouped events can change. fresh: set already holds
 * every ungrouped event (sr_store_group_fresh), and read_store says
 * whether the store has others to read around them. */
static int regroup(sqlite3 *db, mention_set *set, int fresh, int read_store, size_t *ngroups,
                   size_t *nevents, sr_error *err)
{
    range *rs = NULL;
    size_t nr = 0;
    if ((fresh ? fresh_ranges(set, &rs, &nr, err) : pending_ranges(db, &rs, &nr, err)) != 0)
        return SR_EIO;
    int rc = read_store ? load_ranges(db, set, rs, nr, fresh, err) : 0;
    free(rs);
    /* with nothing read from the store there are no old groups to trim
     * or complete */
    if (rc == 0 && read_store)
        rc = keep_affected(set, err);
    if (rc == 0 && read_store)
        rc = complete_groups(db, set, err);
    if (rc != 0 || set->n == 0)
        return rc;

    /* the old groups go; the new ones are written whole */
    int64_t *old = malloc(set->n * sizeof *old);
    if (!old)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    size_t nold = 0;
    for (size_t i = 0; i < set->n; i++)
        if (set->items[i].old_group)
            old[nold++] = set->items[i].old_group;
    sort(old, nold, sizeof *old, cmp_int64);
    sqlite3_stmt *del = NULL;
    rc = sr_store_prepare(db, sql_delete_group, &del, err);
    for (size_t i = 0; rc == 0 && i < nold; i++) {
        if (i && old[i] == old[i - 1])
            continue;
        sqlite3_bind_int64(del, 1, old[i]);
        if (sqlite3_step(del) != SQLITE_DONE)
            rc = sr_error_set(err, SR_EIO, "store: grouping: %s", sqlite3_errmsg(db));
        sqlite3_reset(del);
    }
    sqlite3_finalize(del);
    free(old);
    if (rc != 0)
        return rc;

    sort(set->items, set->n, sizeof *set->items, cmp_grouping);
    group_writer gw = {0};
    if (sr_store_prepare(db, sql_insert_group, &gw.insert, err) != 0 ||
        sr_store_prepare(db, sql_set_group, &gw.set, err) != 0) {
        rc = SR_EIO;
        goto done;
    }
    mention *ms = set->items;
    for (size_t i = 0; i < set->n;) {
        /* the chain: same key, each day at most one after the last */
        size_t k = i + 1;
        while (k < set->n && ms[i].day != NO_DAY && same_key(&ms[i], &ms[k]) &&
               ms[k].day != NO_DAY && ms[k].day - ms[k - 1].day <= 1)
            k++;
        if ((rc = write_group(&gw, ms + i, k - i, err)) != 0)
            goto done;
        i = k;
    }
    if ((rc = set_groups(&gw, ms, set->n, err)) != 0)
        goto done;
    if (ngroups)
        *ngroups = gw.groups;
    if (nevents)
        *nevents = gw.updated;
done:
    sqlite3_finalize(gw.insert);
    sqlite3_finalize(gw.set);
    free(gw.strs);
    free(gw.ints);
    return rc;
}

struct sr_group_fresh {
    mention_set set;
};

sr_group_fresh *sr_group_fresh_new(void)
{
    sr_group_fresh *f = calloc(1, sizeof *f);
    if (f && !(f->set.arena = sr_arena_new(0))) {
        free(f);
        return NULL;
    }
    return f;
}

void sr_group_fresh_free(sr_group_fresh *f)
{
    if (!f)
        return;
    free(f->set.items);
    sr_arena_free(f->set.arena);
    free(f);
}

int sr_group_fresh_add(sr_group_fresh *f, const sr_group_row *row)
{
    return add_mention(&f->set, row);
}

/* One grouping transaction over set (empty, or the fresh mentions). */
static int group_in_transaction(sqlite3 *db, mention_set *set, int fresh, int read_store,
                                size_t *ngroups, size_t *nevents, sr_error *err)
{
    if (ngroups)
        *ngroups = 0;
    if (nevents)
        *nevents = 0;
    if (sr_store_exec(db, "BEGIN IMMEDIATE", "store: grouping", err) != 0)
        return SR_EIO;
    /* old groups are deleted before their events point at the new ones:
     * references are checked at the commit, when they hold again */
    if (sr_store_exec(db, "PRAGMA defer_foreign_keys = ON", "store: grouping", err) != 0) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return SR_EIO;
    }
    int rc = regroup(db, set, fresh, read_store, ngroups, nevents, err);
    if (rc != 0) {
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
        return rc;
    }
    return sr_store_exec(db, "COMMIT", "store: grouping", err);
}

int sr_store_group_events(sr_store *s, size_t *ngroups, size_t *nevents, sr_error *err)
{
    mention_set set = {NULL, 0, 0, sr_arena_new(0)};
    if (!set.arena)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    int rc = group_in_transaction(sr_store_db(s), &set, 0, 1, ngroups, nevents, err);
    free(set.items);
    sr_arena_free(set.arena);
    return rc;
}

int sr_store_group_fresh(sr_store *s, sr_group_fresh *f, int store_had_events, size_t *ngroups,
                         size_t *nevents, sr_error *err)
{
    if (ngroups)
        *ngroups = 0;
    if (nevents)
        *nevents = 0;
    sqlite3 *db = sr_store_db(s);
    if (sqlite3_get_autocommit(db))
        return sr_error_set(err, SR_EINVAL, "store: grouping the new events needs the writer's "
                                            "transaction");
    if (sr_store_exec(db, "PRAGMA defer_foreign_keys = ON", "store: grouping", err) != 0)
        return SR_EIO;
    return regroup(db, &f->set, 1, store_had_events, ngroups, nevents, err);
}

int sr_store_has_ungrouped(sr_store *s, sr_error *err)
{
    sqlite3 *db = sr_store_db(s);
    sqlite3_stmt *st = NULL;
    if (sr_store_prepare(db, "SELECT EXISTS (SELECT 1 FROM events WHERE group_id IS NULL)", &st,
                         err) != 0)
        return SR_EIO;
    int rc = sqlite3_step(st);
    int found = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return sr_error_set(err, SR_EIO, "store: %s", sqlite3_errmsg(db));
    return found;
}
