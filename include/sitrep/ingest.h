/*
 * ingest: documents into a store, coded with the whole pipeline (events,
 * places, dates, figures, quotes, framing labels), and the grouping of
 * event mentions into real-world events. docs/store-ingest.md describes
 * the rules; `sitrep ingest` is a thin command over this module.
 *
 * A document's identity is the SHA-256 of its text as read: a document
 * already in the store is skipped, so ingesting the same files twice adds
 * nothing. Documents are queued and coded in chunks by worker threads
 * while the calling thread writes the chunk before; transactions hold a
 * batch of documents (a few chunks), and every row of a document is
 * committed in the same transaction as the document: a process killed at
 * any moment leaves whole documents or none.
 *
 * Ownership: sr_ingest_new borrows the store, the dictionary and the
 * gazetteer (which may be NULL: no places); they must outlive the handle.
 * sr_ingest_doc copies what it keeps of the document. The handle belongs
 * to the thread that created it (its worker threads are its own business)
 * and uses the store's connection, tuned for writing, until it is freed.
 * Free it with sr_ingest_free, which discards what was queued and rolls
 * back what was written and not committed by a flush (as if the process
 * had stopped there: nothing half-written reaches the store).
 */
#ifndef SITREP_INGEST_H
#define SITREP_INGEST_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/coder.h"
#include "sitrep/doc.h"
#include "sitrep/geo.h"
#include "sitrep/store.h"

/* A document the coder refused (rare: text it could not analyze). It is
 * not stored, so a later ingest tries it again. msg is one line. */
typedef void (*sr_ingest_error_fn)(const sr_doc *doc, const char *msg, void *ctx);

typedef struct sr_ingest_options {
    int threads;            /* coding threads (default 2) */
    size_t batch_docs;      /* documents per transaction at most (32768) */
    size_t batch_bytes;     /* text per transaction at most (32 MiB); with
                               batch_seconds, commits come every 2 s or so:
                               each rewrites the index pages it touched, and
                               with 4096 documents a batch they cost 6% of
                               ingest */
    double batch_seconds;   /* a transaction commits once it is this old
                               when the next document comes, so a slow
                               feed still commits (2.0) */
    int coder_nice;         /* added to the coding threads' nice value
                               (Linux; 10): the writing thread is the
                               pipeline's bottleneck, and coders that yield
                               the CPU to it keep it busy; 0 leaves them
                               as they are */
    sr_coder_options coder; /* sr_coder_options_default */
    sr_ingest_error_fn on_error; /* may be NULL */
    void *on_error_ctx;
} sr_ingest_options;

void sr_ingest_options_default(sr_ingest_options *o);

typedef struct sr_ingest_stats {
    size_t docs_read;       /* handed to sr_ingest_doc */
    size_t docs_stored;     /* committed */
    size_t docs_present;    /* skipped: the same text was already stored */
    size_t docs_failed;     /* the coder refused them */
    size_t docs_pending;    /* queued or being coded, not yet committed */
    size_t bytes_read;      /* text bytes handed in */
    size_t bytes_stored;    /* text bytes committed */
    size_t sentences, events, figures, quotes, places, labels; /* committed rows */
    size_t groups;          /* event groups written by the last regrouping */
    size_t grouped_events;  /* events (re)assigned by the last regrouping */
    /* where the calling thread's time went (seconds, wall clock) */
    double wait_seconds;    /* waiting for the coders */
    double write_seconds;   /* writing and committing */
    double group_seconds;   /* grouping */
} sr_ingest_stats;

typedef struct sr_ingest sr_ingest;

/* opt NULL means the defaults. Starts the worker threads. */
int sr_ingest_new(sr_ingest **out, sr_store *store, const sr_dict *dict,
                  const sr_gazetteer *gazetteer, const sr_ingest_options *opt,
                  struct sr_error *err);

/* Queue one document; when a batch is full (or old) it goes to the coders
 * and the batch coded before it is written. Returns 0, or a negative
 * SR_E* code when the store could not be written (the handle is then
 * unusable: free it). */
int sr_ingest_doc(sr_ingest *ing, const sr_doc *doc, struct sr_error *err);

/* Code and commit everything queued, then group the events not yet in a
 * group, with their neighbours (sr_store_group_events). */
int sr_ingest_flush(sr_ingest *ing, struct sr_error *err);

void sr_ingest_get_stats(const sr_ingest *ing, sr_ingest_stats *out);

void sr_ingest_free(sr_ingest *ing);

/*
 * Group event mentions into real-world events: every event not yet in a
 * group, with the events within a day of it, is (re)grouped in one
 * transaction. Two mentions belong together when they have the same CAMEO
 * root, the same source and target at the country-and-sector level (the
 * first six characters of the code; no code groups only with no code),
 * the same place (geonameid, else name; none only with none) and days
 * that chain: sorted by day, a mention joins the open group when it is at
 * most one day after the group's last member. The day is the event's date
 * when it is known to the day, else its document's date; a mention with
 * neither stands alone. A group's id is its smallest member mention_key.
 * *ngroups (may be NULL) gets the number of groups written.
 */
int sr_store_group_events(sr_store *s, size_t *ngroups, size_t *nevents, struct sr_error *err);

/* The mention key of an event: the first 63 bits of the SHA-256 of the
 * document hash (64 hex digits), the event's sentence span, its CAMEO
 * code and its source and target spans, so the same event of the same
 * text has the same key in every store whatever the ingest order. */
int64_t sr_mention_key(const char *doc_hash, uint32_t start, uint32_t end, const char *cameo,
                       uint32_t source_start, uint32_t source_end, uint32_t target_start,
                       uint32_t target_end);

/* A TIMEX3 calendar value as the store keeps it: its first day as
 * "YYYY-MM-DD" ("2018-W36" -> "2018-09-03", its weekend "2018-W36-WE" ->
 * "2018-09-08", "2018-08" -> "2018-08-01", "2018" -> "2018-01-01", a
 * decade "201" -> "2010-01-01", a season "2018-SU" -> "2018-06-01" (SP
 * March, SU June, FA September, WI December), a quarter "2018-Q3" ->
 * "2018-07-01", a half "2018-H2" -> "2018-07-01", "2018-09-13T10:00" ->
 * "2018-09-13"). out holds 11 bytes. Returns 0, or SR_EINVAL for a value
 * that names no calendar date (out is then ""). */
int sr_store_day(const char *timex, char out[11]);

#endif
