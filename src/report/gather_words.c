/*
 * gather_words: what the articles say in words: quotations by speaker and
 * the words each outlet uses for armed groups.
 *
 * Both come from the report's articles (temp.sr_report_docs: those that
 * reported a selected event, and on a report by period alone every
 * article of the period).
 *
 * A speaker is an actor code ("TURGOV": Erdogan and his ministers under
 * one head, each quote naming its own speaker) or, with no code, the name
 * as written. A pronoun nobody resolved ("he" with no code) is no speaker.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "report/report_internal.h"

#define SPEAKER_CONDITION                                                                    \
    " q.speaker_text IS NOT NULL AND NOT (q.speaker_code IS NULL AND lower(q.speaker_text) IN" \
    " ('he', 'she', 'it', 'they', 'we', 'i', 'you'))"

static int speaker_names(report *r, rep_speaker *sp)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r,
                         "SELECT q.speaker_text, count(*) AS n FROM temp.sr_report_quotes q"
                         " WHERE q.speaker_code = ? AND" SPEAKER_CONDITION
                         " GROUP BY 1 ORDER BY n DESC, 1 LIMIT 3",
                         &st);
    if (rc != 0)
        return rc;
    sqlite3_bind_text(st, 1, sp->code, -1, SQLITE_STATIC);
    sr_buf others = SR_BUF_INIT;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (!sp->name) {
            sp->name = rep_col(r, st, 0);
            continue;
        }
        if (others.len)
            sr_buf_puts(&others, "; ");
        sr_buf_puts(&others, (const char *)sqlite3_column_text(st, 0));
    }
    sqlite3_finalize(st);
    sp->others = others.len ? rep_strdup(r, others.data) : NULL;
    sr_buf_free(&others);
    return rc == SQLITE_DONE ? 0 : rep_sql_fail(r);
}

/* Two quotes of the speaker, direct ones of a readable length first; the
 * same words in other articles (wire copy) are cited with the first. */
static int speaker_quotes(report *r, rep_speaker *sp, sqlite3_stmt *st)
{
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (sp->code)
        sqlite3_bind_text(st, 1, sp->code, -1, SQLITE_STATIC);
    else
        sqlite3_bind_text(st, 2, sp->name, -1, SQLITE_STATIC);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        const char *text = (const char *)sqlite3_column_text(st, 0);
        int64_t doc = sqlite3_column_int64(st, 3);
        const char *outlet = (const char *)sqlite3_column_text(st, 4);
        rep_quote *same = NULL;
        for (size_t i = 0; i < sp->nq; i++)
            if (strcasecmp(sp->q[i].text, text) == 0)
                same = &sp->q[i];
        if (!same) {
            if (sp->nq == REP_SPEAKER_QUOTES)
                continue;
            same = &sp->q[sp->nq++];
            same->text = rep_strdup(r, text);
            same->direct = sqlite3_column_int(st, 1);
            same->speaker = rep_col(r, st, 2);
            same->date = rep_col(r, st, 5);
            same->cites = sr_arena_calloc(r->arena, REP_KEY_SOURCES, sizeof *same->cites);
            same->outlets = sr_arena_calloc(r->arena, REP_KEY_SOURCES, sizeof *same->outlets);
        }
        if (same->ncites < REP_KEY_SOURCES) {
            int n = rep_cite(r, doc);
            if (n > 0) {
                same->outlets[same->ncites] = rep_strdup(r, outlet);
                same->cites[same->ncites++] = n;
            }
        }
    }
    return rc == SQLITE_DONE ? 0 : rep_sql_fail(r);
}

static int gather_quotes(report *r)
{
    sqlite3_stmt *st, *quotes;
    /* The articles' quotes once, with what the sections read of their
     * documents: the speakers are then counted and picked from this small
     * table instead of walking the articles again for each one. */
    int rc = sr_store_exec(r->db,
                           "CREATE TEMP TABLE sr_report_quotes AS"
                           " SELECT q.id, q.doc_id, q.quote, q.direct, q.speaker_text, q.speaker_code,"
                           " d.outlet, d.published FROM temp.sr_report_docs rd"
                           " JOIN quotes q ON q.doc_id = rd.id JOIN documents d ON d.id = rd.id",
                           "report: quotes", r->err);
    if (rc != 0)
        return rc;
    if ((rc = rep_prepare(r, "SELECT count(*) FROM temp.sr_report_quotes", &st)) != 0)
        return rc;
    if (sqlite3_step(st) == SQLITE_ROW)
        r->nquotes = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if ((rc = rep_prepare(r,
                          "SELECT q.speaker_code, CASE WHEN q.speaker_code IS NULL THEN q.speaker_text END"
                          " AS name, count(*) AS n, count(DISTINCT q.outlet) AS o"
                          " FROM temp.sr_report_quotes q WHERE" SPEAKER_CONDITION
                          " GROUP BY 1, 2 ORDER BY n DESC, o DESC, 1, 2 LIMIT ?",
                          &st)) != 0)
        return rc;
    if ((rc = rep_prepare(r,
                          "SELECT q.quote, q.direct, q.speaker_text, q.doc_id, q.outlet, q.published"
                          " FROM temp.sr_report_quotes q"
                          " WHERE (q.speaker_code = ?1 OR (q.speaker_code IS NULL AND q.speaker_text = ?2))"
                          " ORDER BY q.direct DESC, length(q.quote) BETWEEN 40 AND 360 DESC,"
                          " q.published IS NULL, q.published DESC, q.id LIMIT 40",
                          &quotes)) != 0) {
        sqlite3_finalize(st);
        return rc;
    }
    sqlite3_bind_int(st, 1, REP_SPEAKERS);
    r->speakers = sr_arena_calloc(r->arena, REP_SPEAKERS, sizeof *r->speakers);
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        rep_speaker *sp = &r->speakers[r->nspeakers++];
        sp->code = rep_col(r, st, 0);
        sp->name = rep_col(r, st, 1);
        sp->quotes = sqlite3_column_int64(st, 2);
        sp->outlets = sqlite3_column_int64(st, 3);
    }
    rc = rep_finish_rows(r, st, rc);
    for (size_t i = 0; rc == 0 && i < r->nspeakers; i++) {
        if (r->speakers[i].code)
            rc = speaker_names(r, &r->speakers[i]);
        if (rc == 0)
            rc = speaker_quotes(r, &r->speakers[i], quotes);
    }
    sqlite3_finalize(quotes);
    return rc;
}

/* ---- framing words ------------------------------------------------------------- */

typedef struct tally {
    const char *name;
    long n;
} tally;

static int tally_desc(const void *pa, const void *pb)
{
    const tally *a = pa, *b = pb;
    if (a->n != b->n)
        return a->n > b->n ? -1 : 1;
    return strcmp(a->name, b->name);
}

static size_t tally_add(tally *t, size_t *n, const char *name, long count)
{
    size_t i = 0;
    while (i < *n && strcmp(t[i].name, name) != 0)
        i++;
    if (i == *n)
        t[(*n)++] = (tally){name, 0};
    t[i].n += count;
    return i;
}

static int gather_labels(report *r)
{
    sqlite3_stmt *st;
    int rc = rep_prepare(r,
                         "SELECT d.outlet, l.word, count(*) FROM temp.sr_report_docs rd"
                         " JOIN labels l ON l.doc_id = rd.id JOIN documents d ON d.id = rd.id"
                         " WHERE d.outlet IS NOT NULL GROUP BY 1, 2",
                         &st);
    if (rc != 0)
        return rc;
    typedef struct cell {
        const char *outlet, *word;
        long n;
    } cell;
    cell *cells = NULL;
    size_t ncells = 0, cap = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (ncells == cap) {
            cap = cap ? 2 * cap : 256;
            cell *g = realloc(cells, cap * sizeof *g);
            if (!g) {
                free(cells);
                sqlite3_finalize(st);
                return sr_error_set(r->err, SR_ENOMEM, "out of memory");
            }
            cells = g;
        }
        cells[ncells++] = (cell){rep_col(r, st, 0), rep_col(r, st, 1), sqlite3_column_int64(st, 2)};
    }
    if ((rc = rep_finish_rows(r, st, rc)) != 0) {
        free(cells);
        return rc;
    }
    rep_labels *l = &r->labels;
    tally *outlets = sr_arena_calloc(r->arena, ncells ? ncells : 1, sizeof *outlets);
    tally *words = sr_arena_calloc(r->arena, ncells ? ncells : 1, sizeof *words);
    size_t no = 0, nw = 0;
    for (size_t i = 0; i < ncells; i++) {
        tally_add(outlets, &no, cells[i].outlet, cells[i].n);
        tally_add(words, &nw, cells[i].word, cells[i].n);
        l->total += cells[i].n;
    }
    qsort(outlets, no, sizeof *outlets, tally_desc);
    qsort(words, nw, sizeof *words, tally_desc);
    l->noutlets = no < REP_LABEL_OUTLETS ? no : REP_LABEL_OUTLETS;
    l->nwords = nw < REP_LABEL_WORDS ? nw : REP_LABEL_WORDS;
    l->outlets = sr_arena_calloc(r->arena, l->noutlets + 1, sizeof *l->outlets);
    l->words = sr_arena_calloc(r->arena, l->nwords + 1, sizeof *l->words);
    l->outlet_total = sr_arena_calloc(r->arena, l->noutlets + 1, sizeof *l->outlet_total);
    l->counts = sr_arena_calloc(r->arena, l->noutlets * l->nwords + 1, sizeof *l->counts);
    for (size_t o = 0; o < l->noutlets; o++) {
        l->outlets[o] = outlets[o].name;
        l->outlet_total[o] = outlets[o].n;
    }
    for (size_t w = 0; w < l->nwords; w++)
        l->words[w] = words[w].name;
    for (size_t i = 0; i < ncells; i++)
        for (size_t o = 0; o < l->noutlets; o++)
            if (strcmp(l->outlets[o], cells[i].outlet) == 0)
                for (size_t w = 0; w < l->nwords; w++)
                    if (strcmp(l->words[w], cells[i].word) == 0)
                        l->counts[o * l->nwords + w] += cells[i].n;
    free(cells);
    return 0;
}

int rep_gather_words(report *r)
{
    int rc = gather_quotes(r);
    return rc != 0 ? rc : gather_labels(r);
}

size_t rep_labels_top(const rep_labels *l, size_t outlet)
{
    const long *row = &l->counts[outlet * l->nwords];
    size_t top = 0;
    for (size_t w = 1; w < l->nwords; w++)
        if (row[w] > row[top])
            top = w;
    return top;
}
