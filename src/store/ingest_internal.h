/*
 * What the ingest's coding side (worker threads) hands its writing side
 * (the thread that owns the store): one document's rows, self-contained.
 *
 * The coder's results live only until its next document, so a worker
 * copies what the store needs into the batch's memory: strings either
 * point into the document text (spans) or are copied into the worker's
 * arena for that batch; gazetteer strings point into the mapped
 * gazetteer, which outlives the ingest.
 */
#ifndef SR_STORE_INGEST_INTERNAL_H
#define SR_STORE_INGEST_INTERNAL_H

#include <sqlite3.h>

#include "sitrep/figures.h"
#include "sitrep/ingest.h"
#include "sitrep/quotes.h"
#include "util/buf.h"

#define ING_HASH_HEX 64

/* An actor mention: the span is its identity within the document. */
typedef struct ing_actor {
    uint32_t start, end;
    const char *code;       /* NULL: named, in no dictionary */
} ing_actor;

typedef struct ing_event {
    uint32_t sentence, sent_start, sent_end;
    int source, target;     /* index into the document's actors, or -1 */
    const char *source_code, *target_code;
    uint32_t source_start, source_end, target_start, target_end;
    char cameo[16];
    char root[3];           /* "" when the code has none */
    const sr_cameo_info *info;
    uint32_t verb_start, verb_end;
    const char *pattern;    /* "FILE:LINE", or NULL */
    const char *mood;
    int place;              /* index into the document's places, or -1 */
    const char *place_from;
    const char *date;       /* as the store keeps it (sr_store_day), or NULL */
    const char *date_precision, *date_source;
    int has_date_text;
    uint32_t date_text_start, date_text_end;
    int64_t mention_key;
} ing_event;

typedef struct ing_figure {
    uint32_t sentence, start, end;
    double low, high;       /* NAN: null */
    const char *qualifier, *category;
    int has_unit;
    uint32_t unit_start, unit_end;
    int whose, claimant;    /* index into actors, or -1 */
    const char *whose_code, *claimant_code; /* as the record (the actor row
                                               keeps the first code of a span) */
    uint32_t whose_start, whose_end, claimant_start, claimant_end;
    int place;              /* index into places, or -1 */
    const char *place_from;
    const char *date, *date_precision, *date_source;
    int has_date_text;
    uint32_t date_text_start, date_text_end;
    const char *subject, *place_words;
} ing_figure;

typedef struct ing_quote {
    uint32_t sentence, start, end;
    const char *quote;      /* the parts joined by one space, as the record */
    const char *parts;      /* JSON array of spans, as the record */
    int direct;
    int speaker;            /* index into actors, or -1 */
    const char *speaker_code;
    uint32_t speaker_start, speaker_end;
    int speaker_from_pronoun;
    int has_cue;
    uint32_t cue_start, cue_end;
} ing_quote;

typedef struct ing_label {
    uint32_t sentence, start, end;
    const char *word, *actor_code;
} ing_label;

typedef struct ing_sentence {
    uint32_t start, end;
} ing_sentence;

/* One queued document and, once coded, its rows. */
typedef struct ing_job {
    sr_doc doc;             /* strings copied into the batch arena */
    char hash[ING_HASH_HEX + 1]; /* "" until the worker computes it */
    const char *error;      /* why the coder refused it, or NULL */
    const char *published, *date_source, *main_place;
    ing_sentence *sentences; size_t nsentences;
    ing_actor *actors; size_t nactors;
    sr_place_mention *places; size_t nplaces;
    ing_event *events; size_t nevents;
    ing_figure *figures; size_t nfigures;
    ing_quote *quotes; size_t nquotes;
    ing_label *labels; size_t nlabels;
} ing_job;

/* A worker's tools: one coder and scratch memory of its own. */
typedef struct ing_coding {
    sr_coder *coder;
    sr_arena *scratch;      /* figures, quotes, labels of one document */
} ing_coding;

/* Code j's document and fill its rows, allocated in out (the worker's
 * arena for this batch). On failure j->error says why. */
void ing_code_job(ing_coding *c, ing_job *j, sr_arena *out);

/* The writing side: prepared statements over one connection. */
typedef struct ing_writer ing_writer;

int ing_writer_new(ing_writer **out, sqlite3 *db, sr_error *err);
void ing_writer_free(ing_writer *w);
/* Hand every event written from now on to fresh (NULL: stop). */
struct sr_group_fresh;
void ing_writer_collect(ing_writer *w, struct sr_group_fresh *fresh);
/* 1 when a document with this hash is stored. */
int ing_writer_has(ing_writer *w, const char *hash);
/* 1 when the store holds no document at all. */
int ing_writer_empty(ing_writer *w);
/* Insert j's document and rows (inside the caller's transaction).
 * Returns 1 when stored, 0 when the hash was already there, or a
 * negative SR_E* code. */
int ing_writer_put(ing_writer *w, const ing_job *j, const char *ingested_at, sr_error *err);

#endif
