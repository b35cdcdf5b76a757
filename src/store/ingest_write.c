/*
 * The writing side of ingest: one document's rows into the store through
 * statements prepared once and reused. The caller holds the transaction;
 * a document and all its rows go in the same one.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/group.h"
#include "store/ingest_internal.h"
#include "store/store_internal.h"

enum {
    ST_HAS, ST_DOC, ST_SENTENCE, ST_FTS, ST_ACTOR, ST_PLACE, ST_EVENT, ST_FIGURE, ST_QUOTE,
    ST_LABEL, ST_COUNT
};

static const char *const statements[ST_COUNT] = {
    [ST_HAS] = "SELECT 1 FROM documents WHERE hash = ?1",
    [ST_DOC] = "INSERT INTO documents (hash, doc_key, outlet, url, title, published, date_source,"
               " main_place, path, line, text, ingested_at)"
               " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)"
               " ON CONFLICT (hash) DO NOTHING",
    [ST_SENTENCE] = "INSERT INTO sentences (doc_id, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
    [ST_FTS] = "INSERT INTO sentence_fts (rowid, text) VALUES (?1, ?2)",
    [ST_ACTOR] = "INSERT INTO actors (doc_id, start, end, text, code) VALUES (?1, ?2, ?3, ?4, ?5)",
    [ST_PLACE] = "INSERT INTO places (doc_id, start, end, text, name, lat, lon, country, country3,"
                 " admin1, geonameid, feature, precision)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    [ST_EVENT] = "INSERT INTO events (doc_id, sentence_id, sentence, start, end,"
                 " source_code, source_text, source_id, target_code, target_text, target_id,"
                 " cameo, root, quad_class, goldstein, plover_type, plover_mode, mood,"
                 " verb_text, verb_start, verb_end, pattern, place_id, place_from,"
                 " date, date_text, date_precision, date_source, mention_key)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                 " ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29)",
    [ST_FIGURE] = "INSERT INTO figures (doc_id, sentence, start, end, figure_text, low, high,"
                  " qualifier, category, unit_text, whose_code, whose_text, claimant_code,"
                  " claimant_text, subject, place_words, place_id, place_from, date, date_text,"
                  " date_precision, date_source)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,"
                  " ?16, ?17, ?18, ?19, ?20, ?21, ?22)",
    [ST_QUOTE] = "INSERT INTO quotes (doc_id, sentence, start, end, quote, parts, direct,"
                 " speaker_text, speaker_code, speaker_id, speaker_from_pronoun, cue_text)"
                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    /* parenthesized: clang takes two literals in an array for a missed comma */
    [ST_LABEL] = ("INSERT INTO labels (doc_id, sentence, start, end, word, actor_code)"
                  " VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
};

struct ing_writer {
    sqlite3 *db;
    int foreign_keys, cache_size, autocheckpoint; /* the connection's, restored at the end */
    sqlite3_stmt *st[ST_COUNT];
    sr_group_fresh *fresh;  /* where each new event goes for grouping, or NULL */
    /* row ids of the document being written, by index */
    int64_t *ids;
    size_t cap;
};

static int pragma_int(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *st = NULL;
    int v = 0;
    if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return v;
}

int ing_writer_new(ing_writer **out, sqlite3 *db, sr_error *err)
{
    *out = NULL;
    ing_writer *w = calloc(1, sizeof *w);
    if (!w)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    w->db = db;
    /* Tuned for a long run of inserts, and put back afterwards: a cache
     * that holds the indexes the batch touches (else pages spill to the
     * WAL mid-transaction and are written again), checkpoints every 40 MB
     * of WAL rather than 4, and no foreign-key checks, since the writer
     * makes every reference itself from ids of the same transaction. */
    w->foreign_keys = pragma_int(db, "PRAGMA foreign_keys");
    w->cache_size = pragma_int(db, "PRAGMA cache_size");
    w->autocheckpoint = pragma_int(db, "PRAGMA wal_autocheckpoint");
    int page_size = pragma_int(db, "PRAGMA page_size");
    char tune[160];
    snprintf(tune, sizeof tune,
             "PRAGMA foreign_keys = OFF; PRAGMA cache_size = -65536;"
             " PRAGMA wal_autocheckpoint = %d",
             (40 << 20) / (page_size > 0 ? page_size : 4096));
    sqlite3_exec(db, tune, NULL, NULL, NULL);
    for (int i = 0; i < ST_COUNT; i++)
        if (sr_store_prepare(db, statements[i], &w->st[i], err) != 0) {
            ing_writer_free(w);
            return SR_EIO;
        }
    *out = w;
    return 0;
}

void ing_writer_free(ing_writer *w)
{
    if (!w)
        return;
    char sql[160];
    snprintf(sql, sizeof sql,
             "PRAGMA foreign_keys = %d; PRAGMA cache_size = %d; PRAGMA wal_autocheckpoint = %d",
             w->foreign_keys, w->cache_size, w->autocheckpoint);
    sqlite3_exec(w->db, sql, NULL, NULL, NULL);
    for (int i = 0; i < ST_COUNT; i++)
        sqlite3_finalize(w->st[i]);
    free(w->ids);
    free(w);
}

void ing_writer_collect(ing_writer *w, sr_group_fresh *fresh)
{
    w->fresh = fresh;
}

int ing_writer_has(ing_writer *w, const char *hash)
{
    sqlite3_stmt *st = w->st[ST_HAS];
    sqlite3_bind_text(st, 1, hash, -1, SQLITE_STATIC);
    int found = sqlite3_step(st) == SQLITE_ROW;
    sqlite3_reset(st);
    return found;
}

int ing_writer_empty(ing_writer *w)
{
    sqlite3_stmt *st = NULL;
    int empty = 0;
    if (sqlite3_prepare_v2(w->db, "SELECT NOT EXISTS (SELECT 1 FROM documents)", -1, &st, NULL) ==
            SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        empty = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return empty;
}

/* Binding helpers: NULL pointers become SQL NULL; spans of the document
 * text are bound without a copy (the text outlives the step). */
static void bind_str(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
    else
        sqlite3_bind_null(st, i);
}

static void bind_span(sqlite3_stmt *st, int i, const char *text, uint32_t start, uint32_t end)
{
    sqlite3_bind_text(st, i, text + start, (int)(end - start), SQLITE_STATIC);
}

static void bind_id(sqlite3_stmt *st, int i, int64_t id)
{
    if (id > 0)
        sqlite3_bind_int64(st, i, id);
    else
        sqlite3_bind_null(st, i);
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
    if (isnan(v) || isinf(v))
        sqlite3_bind_null(st, i);
    else
        sqlite3_bind_double(st, i, v);
}

/* Numbers as the records print them: coordinates to 5 decimals, scores
 * to 1, so a row and a record read the same. */
static double rounded(double v, double scale)
{
    return round(v * scale) / scale;
}

static int step(ing_writer *w, int which, sr_error *err)
{
    sqlite3_stmt *st = w->st[which];
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
    if (rc != SQLITE_DONE)
        return sr_error_set(err, SR_EIO, "store: %s", sqlite3_errmsg(w->db));
    return 0;
}

/* Room for the ids of the document's sentences, actors and places. */
static int64_t *id_space(ing_writer *w, size_t n)
{
    if (n > w->cap) {
        size_t cap = n < 256 ? 256 : n * 2;
        int64_t *ids = realloc(w->ids, cap * sizeof *ids);
        if (!ids)
            return NULL;
        w->ids = ids;
        w->cap = cap;
    }
    return w->ids;
}

static const char *place_precision(char feature)
{
    return feature == SR_FEATURE_CITY ? "town" : feature == SR_FEATURE_COUNTRY ? "country" : "region";
}

static int put_places(ing_writer *w, const ing_job *j, int64_t doc_id, int64_t *ids, sr_error *err)
{
    sqlite3_stmt *st = w->st[ST_PLACE];
    for (size_t i = 0; i < j->nplaces; i++) {
        const sr_place_mention *m = &j->places[i];
        const sr_place *p = &m->place;
        sqlite3_bind_int64(st, 1, doc_id);
        sqlite3_bind_int64(st, 2, m->start);
        sqlite3_bind_int64(st, 3, m->end);
        bind_span(st, 4, j->doc.text, m->start, m->end);
        bind_str(st, 5, p->name ? p->name : "");
        sqlite3_bind_double(st, 6, rounded(p->lat, 1e5));
        sqlite3_bind_double(st, 7, rounded(p->lon, 1e5));
        bind_str(st, 8, p->country[0] ? p->country : NULL);
        bind_str(st, 9, p->country3[0] ? p->country3 : NULL);
        bind_str(st, 10, p->admin1);
        sqlite3_bind_int64(st, 11, p->geonameid);
        bind_str(st, 12, sr_feature_name(p->feature));
        bind_str(st, 13, place_precision(p->feature));
        if (step(w, ST_PLACE, err) != 0)
            return SR_EIO;
        ids[i] = sqlite3_last_insert_rowid(w->db);
    }
    return 0;
}

static int put_event(ing_writer *w, const ing_job *j, const ing_event *e, int64_t doc_id,
                     const int64_t *sentence_ids, const int64_t *actor_ids,
                     const int64_t *place_ids, sr_error *err)
{
    sqlite3_stmt *st = w->st[ST_EVENT];
    const char *text = j->doc.text;
    sqlite3_bind_int64(st, 1, doc_id);
    bind_id(st, 2, e->sentence < j->nsentences ? sentence_ids[e->sentence] : 0);
    sqlite3_bind_int64(st, 3, e->sentence);
    sqlite3_bind_int64(st, 4, e->sent_start);
    sqlite3_bind_int64(st, 5, e->sent_end);
    bind_str(st, 6, e->source_code);
    if (e->source >= 0)
        bind_span(st, 7, text, e->source_start, e->source_end);
    bind_id(st, 8, e->source >= 0 ? actor_ids[e->source] : 0);
    bind_str(st, 9, e->target_code);
    if (e->target >= 0)
        bind_span(st, 10, text, e->target_start, e->target_end);
    bind_id(st, 11, e->target >= 0 ? actor_ids[e->target] : 0);
    bind_str(st, 12, e->cameo);
    bind_str(st, 13, e->root);
    sqlite3_bind_int(st, 14, e->info ? e->info->quad_class : 0);
    sqlite3_bind_double(st, 15, e->info ? rounded(e->info->goldstein, 10) : 0.0);
    bind_str(st, 16, e->info ? e->info->plover_type : NULL);
    bind_str(st, 17, e->info && e->info->plover_mode && e->info->plover_mode[0]
                         ? e->info->plover_mode : NULL);
    bind_str(st, 18, e->mood);
    bind_span(st, 19, text, e->verb_start, e->verb_end);
    sqlite3_bind_int64(st, 20, e->verb_start);
    sqlite3_bind_int64(st, 21, e->verb_end);
    bind_str(st, 22, e->pattern);
    bind_id(st, 23, e->place >= 0 ? place_ids[e->place] : 0);
    bind_str(st, 24, e->place_from);
    bind_str(st, 25, e->date);
    if (e->has_date_text)
        bind_span(st, 26, text, e->date_text_start, e->date_text_end);
    bind_str(st, 27, e->date_precision);
    bind_str(st, 28, e->date_source);
    sqlite3_bind_int64(st, 29, e->mention_key);
    if (step(w, ST_EVENT, err) != 0)
        return SR_EIO;
    if (!w->fresh)
        return 0;
    /* what grouping's query would read back: the columns just bound, the
     * place's and the document's */
    const sr_place *p = e->place >= 0 ? &j->places[e->place].place : NULL;
    int day_known = e->date && e->date_precision && strcmp(e->date_precision, "day") == 0;
    sr_group_row row = {
        .id = sqlite3_last_insert_rowid(w->db),
        .key = e->mention_key,
        .doc_id = doc_id,
        .root = e->root,
        .source_code = e->source_code,
        .target_code = e->target_code,
        .cameo = e->cameo,
        .geonameid = p ? p->geonameid : 0,
        .place_name = p ? (p->name ? p->name : "") : NULL,
        .day = day_known ? e->date : j->published,
        .outlet = j->doc.source,
        .url = j->doc.url,
    };
    if (sr_group_fresh_add(w->fresh, &row) != 0)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    return 0;
}

static int put_figure(ing_writer *w, const ing_job *j, const ing_figure *f, int64_t doc_id,
                      const int64_t *place_ids, sr_error *err)
{
    sqlite3_stmt *st = w->st[ST_FIGURE];
    const char *text = j->doc.text;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, f->sentence);
    sqlite3_bind_int64(st, 3, f->start);
    sqlite3_bind_int64(st, 4, f->end);
    bind_span(st, 5, text, f->start, f->end);
    bind_real(st, 6, f->low);
    bind_real(st, 7, f->high);
    bind_str(st, 8, f->qualifier);
    bind_str(st, 9, f->category);
    if (f->has_unit)
        bind_span(st, 10, text, f->unit_start, f->unit_end);
    if (f->whose >= 0) {
        bind_str(st, 11, f->whose_code);
        bind_span(st, 12, text, f->whose_start, f->whose_end);
    }
    if (f->claimant >= 0) {
        bind_str(st, 13, f->claimant_code);
        bind_span(st, 14, text, f->claimant_start, f->claimant_end);
    }
    bind_str(st, 15, f->subject);
    bind_str(st, 16, f->place_words);
    bind_id(st, 17, f->place >= 0 ? place_ids[f->place] : 0);
    bind_str(st, 18, f->place_from);
    bind_str(st, 19, f->date);
    if (f->has_date_text)
        bind_span(st, 20, text, f->date_text_start, f->date_text_end);
    bind_str(st, 21, f->date_precision);
    bind_str(st, 22, f->date_source);
    return step(w, ST_FIGURE, err);
}

static int put_quote(ing_writer *w, const ing_job *j, const ing_quote *q, int64_t doc_id,
                     const int64_t *actor_ids, sr_error *err)
{
    sqlite3_stmt *st = w->st[ST_QUOTE];
    const char *text = j->doc.text;
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int64(st, 2, q->sentence);
    sqlite3_bind_int64(st, 3, q->start);
    sqlite3_bind_int64(st, 4, q->end);
    bind_str(st, 5, q->quote);
    bind_str(st, 6, q->parts);
    sqlite3_bind_int(st, 7, q->direct);
    if (q->speaker >= 0) {
        bind_span(st, 8, text, q->speaker_start, q->speaker_end);
        bind_str(st, 9, q->speaker_code);
        bind_id(st, 10, actor_ids[q->speaker]);
    }
    sqlite3_bind_int(st, 11, q->speaker_from_pronoun);
    if (q->has_cue)
        bind_span(st, 12, text, q->cue_start, q->cue_end);
    return step(w, ST_QUOTE, err);
}

static int put_rows(ing_writer *w, const ing_job *j, int64_t doc_id, sr_error *err)
{
    size_t n = j->nsentences + j->nactors + j->nplaces;
    int64_t *ids = id_space(w, n ? n : 1);
    if (!ids)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    int64_t *sentence_ids = ids, *actor_ids = ids + j->nsentences,
            *place_ids = actor_ids + j->nactors;
    const char *text = j->doc.text;

    /* Only the sentences that carry an event, a figure or a quote go into
     * the full-text index: --text searches those, and indexing every
     * sentence of every article was the largest single cost of ingest. */
    memset(sentence_ids, 0, j->nsentences * sizeof *sentence_ids);
    for (size_t i = 0; i < j->nevents; i++)
        if (j->events[i].sentence < j->nsentences)
            sentence_ids[j->events[i].sentence] = 1;
    for (size_t i = 0; i < j->nfigures; i++)
        if (j->figures[i].sentence < j->nsentences)
            sentence_ids[j->figures[i].sentence] = 1;
    for (size_t i = 0; i < j->nquotes; i++)
        if (j->quotes[i].sentence < j->nsentences)
            sentence_ids[j->quotes[i].sentence] = 1;
    for (size_t i = 0; i < j->nsentences; i++) {
        int indexed = sentence_ids[i] != 0;
        sqlite3_stmt *st = w->st[ST_SENTENCE];
        sqlite3_bind_int64(st, 1, doc_id);
        sqlite3_bind_int64(st, 2, (int64_t)i);
        sqlite3_bind_int64(st, 3, j->sentences[i].start);
        sqlite3_bind_int64(st, 4, j->sentences[i].end);
        if (step(w, ST_SENTENCE, err) != 0)
            return SR_EIO;
        sentence_ids[i] = sqlite3_last_insert_rowid(w->db);
        if (!indexed)
            continue;
        st = w->st[ST_FTS];
        sqlite3_bind_int64(st, 1, sentence_ids[i]);
        bind_span(st, 2, text, j->sentences[i].start, j->sentences[i].end);
        if (step(w, ST_FTS, err) != 0)
            return SR_EIO;
    }
    for (size_t i = 0; i < j->nactors; i++) {
        sqlite3_stmt *st = w->st[ST_ACTOR];
        sqlite3_bind_int64(st, 1, doc_id);
        sqlite3_bind_int64(st, 2, j->actors[i].start);
        sqlite3_bind_int64(st, 3, j->actors[i].end);
        bind_span(st, 4, text, j->actors[i].start, j->actors[i].end);
        bind_str(st, 5, j->actors[i].code);
        if (step(w, ST_ACTOR, err) != 0)
            return SR_EIO;
        actor_ids[i] = sqlite3_last_insert_rowid(w->db);
    }
    if (put_places(w, j, doc_id, place_ids, err) != 0)
        return SR_EIO;
    for (size_t i = 0; i < j->nevents; i++)
        if (put_event(w, j, &j->events[i], doc_id, sentence_ids, actor_ids, place_ids, err) != 0)
            return SR_EIO;
    for (size_t i = 0; i < j->nfigures; i++)
        if (put_figure(w, j, &j->figures[i], doc_id, place_ids, err) != 0)
            return SR_EIO;
    for (size_t i = 0; i < j->nquotes; i++)
        if (put_quote(w, j, &j->quotes[i], doc_id, actor_ids, err) != 0)
            return SR_EIO;
    for (size_t i = 0; i < j->nlabels; i++) {
        const ing_label *l = &j->labels[i];
        sqlite3_stmt *st = w->st[ST_LABEL];
        sqlite3_bind_int64(st, 1, doc_id);
        sqlite3_bind_int64(st, 2, l->sentence);
        sqlite3_bind_int64(st, 3, l->start);
        sqlite3_bind_int64(st, 4, l->end);
        bind_str(st, 5, l->word ? l->word : "");
        bind_str(st, 6, l->actor_code);
        if (step(w, ST_LABEL, err) != 0)
            return SR_EIO;
    }
    return 0;
}

int ing_writer_put(ing_writer *w, const ing_job *j, const char *ingested_at, sr_error *err)
{
    sqlite3_stmt *st = w->st[ST_DOC];
    char key[17];
    const char *doc_key = j->doc.id;
    if (!doc_key) {
        memcpy(key, j->hash, 16);
        key[16] = '\0';
        doc_key = key;
    }
    sqlite3_bind_text(st, 1, j->hash, ING_HASH_HEX, SQLITE_STATIC);
    bind_str(st, 2, doc_key);
    bind_str(st, 3, j->doc.source);
    bind_str(st, 4, j->doc.url);
    bind_str(st, 5, j->doc.title);
    bind_str(st, 6, j->published);
    bind_str(st, 7, j->date_source);
    bind_str(st, 8, j->main_place);
    bind_str(st, 9, j->doc.path);
    if (j->doc.line)
        sqlite3_bind_int64(st, 10, (int64_t)j->doc.line);
    sqlite3_bind_text(st, 11, j->doc.text, (int)j->doc.text_len, SQLITE_STATIC);
    bind_str(st, 12, ingested_at);
    if (step(w, ST_DOC, err) != 0)
        return SR_EIO;
    if (sqlite3_changes(w->db) == 0)
        return 0; /* the same text came earlier in this run */
    if (put_rows(w, j, sqlite3_last_insert_rowid(w->db), err) != 0)
        return SR_EIO;
    return 1;
}
