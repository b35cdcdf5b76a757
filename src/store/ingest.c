/*
 * ingest: the handle, its chunks, its transactions and its worker threads.
 *
 * Documents are coded in chunks of a few hundred, in a ring of chunks:
 * the calling thread fills one with new documents and hands it to the
 * workers, and writes the oldest chunk once they have coded it. The
 * workers may be several chunks ahead of the writer, so that neither
 * waits for the other while there is work (with only one chunk between
 * them, each stalled whenever the other's chunk took longer). Chunks are
 * small so that the pipeline fills and drains quickly; transactions are
 * larger (sr_ingest_options.batch_*) and span several chunks, since each
 * commit rewrites the index pages it touched.
 *
 * Documents are written in the order they were given, so two runs over
 * the same input make the same store whatever the thread count.
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#if defined(__linux__)
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "store/group.h"
#include "store/ingest_internal.h"
#include "store/store_internal.h"
#include "util/sha256.h"

/* A chunk: this many documents at most, or this much text. */
#define CHUNK_DOCS 256
#define CHUNK_BYTES (1u << 20)
/* Chunks in the ring: one filling, the others coded or being coded ahead
 * of the writer. */
#define NCHUNKS 4

typedef struct chunk {
    ing_job jobs[CHUNK_DOCS];
    size_t n, bytes;
    size_t next;            /* guarded by lock: the next job to hand out */
    size_t remaining;       /* guarded by lock: jobs not coded yet */
    double started;         /* when its first document came */
    sr_arena *docs;         /* the documents' copies */
    sr_arena **rows;        /* per worker: the rows it coded */
} chunk;

struct sr_ingest {
    sr_store *store;
    sr_ingest_options opt;
    ing_writer *writer;
    chunk chunks[NCHUNKS];
    /* chunks[head] .. chunks[head + queued - 1] (mod NCHUNKS) are with the
     * workers or coded, oldest first; the next one is filling. Changed by
     * the calling thread only, under lock. */
    size_t head, queued;

    int nworkers;
    pthread_t *threads;
    ing_coding *tools;
    int started_threads;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
    int quit;

    /* the open transaction: what it holds is counted in stats only once
     * it commits */
    int in_txn;
    double txn_started;
    sr_ingest_stats txn;
    char ingested_at[24];

    int broken;             /* a write failed: the handle only frees now */
    int was_empty;          /* the store held no document when the handle
                               was made: none of ours can be stored already
                               (but an earlier copy in this run), so the
                               workers hash the texts, not the writer */
    sr_group_fresh *fresh;  /* the events written, for grouping at flush;
                               NULL when the store had ungrouped events of
                               its own (a run stopped before grouping):
                               grouping then reads them all from the store */
    int store_had_events;   /* grouping must read the store's other events
                               around the fresh ones (else there are none) */
    sr_ingest_stats stats;
};

typedef struct worker_arg {
    sr_ingest *ing;
    int index;
} worker_arg;

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void sr_ingest_options_default(sr_ingest_options *o)
{
    memset(o, 0, sizeof *o);
    o->threads = 2;
    o->batch_docs = 32768;
    o->batch_bytes = 32u << 20;
    o->batch_seconds = 2.0;
    o->coder_nice = 10;
    sr_coder_options_default(&o->coder);
}

/* The coders yield to the writer. Every document passes through the one
 * writing thread, so when it waits for a CPU the whole pipeline waits;
 * coders that run at a lower priority fill the time it leaves free
 * instead of taking turns with it (with 2 coders and the writer on 2
 * cores, ingest is then 12% faster). Linux gives each thread its own nice
 * value; raising it needs no privilege. Elsewhere the coders keep the
 * process's priority. */
static void lower_priority(int nice)
{
#if defined(__linux__)
    if (nice > 0) {
        pid_t tid = (pid_t)syscall(SYS_gettid);
        errno = 0;
        int now = getpriority(PRIO_PROCESS, (id_t)tid);
        if (errno == 0)
            setpriority(PRIO_PROCESS, (id_t)tid, now + nice > 19 ? 19 : now + nice);
    }
#else
    (void)nice;
#endif
}

static chunk *filling(sr_ingest *ing)
{
    return &ing->chunks[(ing->head + ing->queued) % NCHUNKS];
}

/* The oldest queued chunk with a job not handed out yet (under lock). */
static chunk *next_work(sr_ingest *ing)
{
    for (size_t i = 0; i < ing->queued; i++) {
        chunk *b = &ing->chunks[(ing->head + i) % NCHUNKS];
        if (b->next < b->n)
            return b;
    }
    return NULL;
}

static void *worker_main(void *arg)
{
    worker_arg *wa = arg;
    sr_ingest *ing = wa->ing;
    int index = wa->index;
    free(wa);
    lower_priority(ing->opt.coder_nice);
    pthread_mutex_lock(&ing->lock);
    for (;;) {
        chunk *b = NULL;
        while (!ing->quit && !(b = next_work(ing)))
            pthread_cond_wait(&ing->work, &ing->lock);
        if (ing->quit)
            break;
        size_t k = b->next++;
        pthread_mutex_unlock(&ing->lock);
        ing_code_job(&ing->tools[index], &b->jobs[k], b->rows[index]);
        pthread_mutex_lock(&ing->lock);
        if (--b->remaining == 0)
            pthread_cond_signal(&ing->done);
    }
    pthread_mutex_unlock(&ing->lock);
    return NULL;
}

/* The filling chunk goes to the workers. */
static void queue_filling(sr_ingest *ing)
{
    chunk *b = filling(ing);
    pthread_mutex_lock(&ing->lock);
    b->next = 0;
    b->remaining = b->n;
    ing->queued++;
    pthread_cond_broadcast(&ing->work);
    pthread_mutex_unlock(&ing->lock);
}

/* 1 when the oldest queued chunk is coded; with wait, waits until it is. */
static int oldest_coded(sr_ingest *ing, int wait)
{
    chunk *b = &ing->chunks[ing->head];
    pthread_mutex_lock(&ing->lock);
    while (wait && b->remaining > 0)
        pthread_cond_wait(&ing->done, &ing->lock);
    int coded = b->remaining == 0;
    pthread_mutex_unlock(&ing->lock);
    return coded;
}

/* The oldest queued chunk leaves the ring (it is written, or dropped). */
static void drop_oldest(sr_ingest *ing)
{
    pthread_mutex_lock(&ing->lock);
    ing->head = (ing->head + 1) % NCHUNKS;
    ing->queued--;
    pthread_mutex_unlock(&ing->lock);
}

static void reset_chunk(sr_ingest *ing, chunk *b)
{
    b->n = 0;
    b->bytes = 0;
    sr_arena_reset(b->docs);
    for (int t = 0; t < ing->nworkers; t++)
        sr_arena_reset(b->rows[t]);
}

static void utc_now(char out[24])
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int fail(sr_ingest *ing, sr_error *err)
{
    if (ing->in_txn)
        sqlite3_exec(sr_store_db(ing->store), "ROLLBACK", NULL, NULL, NULL);
    ing->in_txn = 0;
    ing->broken = 1;
    return err && err->code ? err->code : SR_EIO;
}

static int commit(sr_ingest *ing, sr_error *err)
{
    if (!ing->in_txn)
        return 0;
    if (sr_store_exec(sr_store_db(ing->store), "COMMIT", "store: ingest", err) != 0)
        return fail(ing, err);
    ing->in_txn = 0;
    sr_ingest_stats *s = &ing->stats, *add = &ing->txn;
    s->docs_stored += add->docs_stored;
    s->docs_present += add->docs_present;
    s->docs_failed += add->docs_failed;
    s->bytes_stored += add->bytes_stored;
    s->sentences += add->sentences;
    s->events += add->events;
    s->figures += add->figures;
    s->quotes += add->quotes;
    s->places += add->places;
    s->labels += add->labels;
    s->docs_pending -= add->docs_stored + add->docs_present + add->docs_failed;
    memset(add, 0, sizeof *add);
    return 0;
}

/* A transaction holds the documents of a few chunks, each with all its
 * rows; it commits when it is big enough or old enough. */
/* Open a transaction unless one is open. */
static int begin(sr_ingest *ing, sr_error *err)
{
    if (ing->in_txn)
        return 0;
    if (sr_store_exec(sr_store_db(ing->store), "BEGIN IMMEDIATE", "store: ingest", err) != 0)
        return fail(ing, err);
    ing->in_txn = 1;
    ing->txn_started = now_seconds();
    utc_now(ing->ingested_at);
    return 0;
}

static int write_chunk(sr_ingest *ing, chunk *b, sr_error *err)
{
    if (b->n == 0)
        return 0;
    int rc = begin(ing, err);
    if (rc != 0)
        return rc;
    sr_ingest_stats *add = &ing->txn;
    for (size_t k = 0; k < b->n; k++) {
        const ing_job *j = &b->jobs[k];
        if (j->error) {
            add->docs_failed++;
            if (ing->opt.on_error)
                ing->opt.on_error(&j->doc, j->error, ing->opt.on_error_ctx);
            continue;
        }
        rc = ing_writer_put(ing->writer, j, ing->ingested_at, err);
        if (rc < 0)
            return fail(ing, err);
        if (rc == 0) {
            add->docs_present++;
            continue;
        }
        add->docs_stored++;
        add->bytes_stored += j->doc.text_len;
        add->sentences += j->nsentences;
        add->events += j->nevents;
        add->figures += j->nfigures;
        add->quotes += j->nquotes;
        add->places += j->nplaces;
        add->labels += j->nlabels;
    }
    size_t docs = add->docs_stored + add->docs_present + add->docs_failed;
    if (docs >= ing->opt.batch_docs || add->bytes_stored >= ing->opt.batch_bytes ||
        now_seconds() - ing->txn_started >= ing->opt.batch_seconds)
        return commit(ing, err);
    return 0;
}

/* Write the oldest queued chunk, waiting for the workers to finish it
 * when they have not; its place in the ring is free again after. */
static int write_oldest(sr_ingest *ing, sr_error *err)
{
    double t0 = now_seconds();
    oldest_coded(ing, 1);
    double t1 = now_seconds();
    ing->stats.wait_seconds += t1 - t0;
    chunk *b = &ing->chunks[ing->head];
    int rc = write_chunk(ing, b, err);
    reset_chunk(ing, b);
    drop_oldest(ing);
    ing->stats.write_seconds += now_seconds() - t1;
    return rc;
}

/* Write the chunks the workers have finished, oldest first, without
 * waiting for the others. */
static int write_coded(sr_ingest *ing, sr_error *err)
{
    int rc = 0;
    while (rc == 0 && ing->queued > 0 && oldest_coded(ing, 0))
        rc = write_oldest(ing, err);
    return rc;
}

/* Queue the filling chunk; write the oldest when the ring has no free
 * chunk left to fill, and whatever else is coded already. */
static int rotate(sr_ingest *ing, sr_error *err)
{
    if (filling(ing)->n > 0)
        queue_filling(ing);
    int rc = ing->queued == NCHUNKS ? write_oldest(ing, err) : 0;
    return rc == 0 ? write_coded(ing, err) : rc;
}

int sr_ingest_new(sr_ingest **out, sr_store *store, const sr_dict *dict,
                  const sr_gazetteer *gazetteer, const sr_ingest_options *opt, sr_error *err)
{
    *out = NULL;
    if (!store || !dict)
        return sr_error_set(err, SR_EINVAL, "ingest: a store and a dictionary are needed");
    sr_ingest *ing = calloc(1, sizeof *ing);
    if (!ing)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    if (opt)
        ing->opt = *opt;
    else
        sr_ingest_options_default(&ing->opt);
    if (ing->opt.threads < 1)
        ing->opt.threads = 1;
    if (ing->opt.batch_docs < 1)
        ing->opt.batch_docs = 1;
    if (ing->opt.batch_bytes < 1)
        ing->opt.batch_bytes = 1;
    ing->store = store;
    ing->nworkers = ing->opt.threads;
    pthread_mutex_init(&ing->lock, NULL);
    pthread_cond_init(&ing->work, NULL);
    pthread_cond_init(&ing->done, NULL);
    int rc = ing_writer_new(&ing->writer, sr_store_db(store), err);
    if (rc != 0)
        goto fail;
    ing->was_empty = ing_writer_empty(ing->writer);
    if ((rc = sr_store_has_ungrouped(store, err)) < 0)
        goto fail;
    ing->store_had_events = !ing->was_empty;
    if (rc == 0) {
        if (!(ing->fresh = sr_group_fresh_new())) {
            rc = sr_error_set(err, SR_ENOMEM, "out of memory");
            goto fail;
        }
        ing_writer_collect(ing->writer, ing->fresh);
    }
    rc = 0;
    for (int i = 0; i < NCHUNKS; i++) {
        chunk *b = &ing->chunks[i];
        b->docs = sr_arena_new(1u << 20);
        b->rows = calloc((size_t)ing->nworkers, sizeof *b->rows);
        if (!b->docs || !b->rows) {
            rc = sr_error_set(err, SR_ENOMEM, "out of memory");
            goto fail;
        }
        for (int t = 0; t < ing->nworkers; t++)
            if (!(b->rows[t] = sr_arena_new(1u << 20))) {
                rc = sr_error_set(err, SR_ENOMEM, "out of memory");
                goto fail;
            }
    }
    ing->tools = calloc((size_t)ing->nworkers, sizeof *ing->tools);
    ing->threads = calloc((size_t)ing->nworkers, sizeof *ing->threads);
    if (!ing->tools || !ing->threads) {
        rc = sr_error_set(err, SR_ENOMEM, "out of memory");
        goto fail;
    }
    for (int t = 0; t < ing->nworkers; t++) {
        ing_coding *c = &ing->tools[t];
        if ((rc = sr_coder_new(&c->coder, dict, &ing->opt.coder, err)) != 0)
            goto fail;
        sr_coder_set_gazetteer(c->coder, gazetteer);
        if (!(c->scratch = sr_arena_new(0))) {
            rc = sr_error_set(err, SR_ENOMEM, "out of memory");
            goto fail;
        }
    }
    for (int t = 0; t < ing->nworkers; t++) {
        worker_arg *wa = malloc(sizeof *wa);
        if (!wa) {
            rc = sr_error_set(err, SR_ENOMEM, "out of memory");
            goto fail;
        }
        *wa = (worker_arg){ing, t};
        if (pthread_create(&ing->threads[t], NULL, worker_main, wa) != 0) {
            free(wa);
            rc = sr_error_set(err, SR_ENOMEM, "ingest: cannot start a thread");
            goto fail;
        }
        ing->started_threads++;
    }
    *out = ing;
    return 0;
fail:
    sr_ingest_free(ing);
    return rc ? rc : SR_ENOMEM;
}

int sr_ingest_doc(sr_ingest *ing, const sr_doc *doc, sr_error *err)
{
    if (ing->broken)
        return sr_error_set(err, SR_EIO, "ingest: the store could not be written; start again");
    if (!doc || !doc->text)
        return sr_error_set(err, SR_EINVAL, "ingest: a document without text");
    ing->stats.docs_read++;
    ing->stats.bytes_read += doc->text_len;
    /* A text already stored is not coded again: its hash is looked up
     * first. In a store that was empty, only a second copy from this run
     * can be there, and the insert's conflict on the hash catches it; the
     * hash, on the critical writing thread the largest cost after SQLite,
     * is then left to the worker that codes the text. */
    char hash[ING_HASH_HEX + 1] = "";
    if (!ing->was_empty) {
        sr_sha256_hex(doc->text, doc->text_len, hash, ING_HASH_HEX);
        if (ing_writer_has(ing->writer, hash)) {
            ing->stats.docs_present++;
            return 0;
        }
    }
    chunk *b = filling(ing);
    ing_job *j = &b->jobs[b->n++];
    memset(j, 0, sizeof *j);
    memcpy(j->hash, hash, sizeof hash);
    sr_doc_copy(b->docs, doc, &j->doc);
    ing->stats.docs_pending++;
    b->bytes += doc->text_len;
    double now = now_seconds();
    if (b->n == 1)
        b->started = now;
    if (b->n >= CHUNK_DOCS || b->n >= ing->opt.batch_docs || b->bytes >= CHUNK_BYTES ||
        now - b->started >= ing->opt.batch_seconds)
        return rotate(ing, err);
    /* a slow feed still writes what is coded and commits what is written */
    int rc = write_coded(ing, err);
    if (rc == 0 && ing->in_txn && now - ing->txn_started >= ing->opt.batch_seconds)
        rc = commit(ing, err);
    return rc;
}

int sr_ingest_flush(sr_ingest *ing, sr_error *err)
{
    if (ing->broken)
        return sr_error_set(err, SR_EIO, "ingest: the store could not be written; start again");
    /* the last partial chunk to the coders, then everything written in
     * order */
    int rc = rotate(ing, err);
    while (rc == 0 && ing->queued > 0)
        rc = write_oldest(ing, err);
    if (rc != 0)
        return rc;
    double t0 = now_seconds();
    if (ing->fresh) {
        /* in the transaction of the last rows, which commits both */
        if ((rc = begin(ing, err)) != 0)
            return rc;
        rc = sr_store_group_fresh(ing->store, ing->fresh, ing->store_had_events, &ing->stats.groups,
                                  &ing->stats.grouped_events, err);
        if (rc != 0)
            return fail(ing, err);
        ing->stats.group_seconds += now_seconds() - t0;
        if ((rc = commit(ing, err)) != 0)
            return rc;
        /* the next flush groups only what comes after this one */
        sr_group_fresh_free(ing->fresh);
        ing->fresh = sr_group_fresh_new();
        ing_writer_collect(ing->writer, ing->fresh);
        ing->store_had_events = 1;
        return 0;
    }
    if ((rc = commit(ing, err)) != 0)
        return rc;
    t0 = now_seconds();
    rc = sr_store_group_events(ing->store, &ing->stats.groups, &ing->stats.grouped_events, err);
    ing->stats.group_seconds += now_seconds() - t0;
    if (rc != 0)
        ing->broken = 1;
    return rc;
}

void sr_ingest_get_stats(const sr_ingest *ing, sr_ingest_stats *out)
{
    *out = ing->stats;
}

void sr_ingest_free(sr_ingest *ing)
{
    if (!ing)
        return;
    /* the workers finish what they hold before anything is freed */
    while (ing->started_threads > 0 && ing->queued > 0) {
        oldest_coded(ing, 1);
        drop_oldest(ing);
    }
    if (ing->in_txn) /* not flushed: as if the process had stopped here */
        sqlite3_exec(sr_store_db(ing->store), "ROLLBACK", NULL, NULL, NULL);
    pthread_mutex_lock(&ing->lock);
    ing->quit = 1;
    pthread_cond_broadcast(&ing->work);
    pthread_mutex_unlock(&ing->lock);
    for (int t = 0; t < ing->started_threads; t++)
        pthread_join(ing->threads[t], NULL);
    for (int t = 0; ing->tools && t < ing->nworkers; t++) {
        sr_coder_free(ing->tools[t].coder);
        sr_arena_free(ing->tools[t].scratch);
    }
    for (int i = 0; i < NCHUNKS; i++) {
        chunk *b = &ing->chunks[i];
        sr_arena_free(b->docs);
        for (int t = 0; b->rows && t < ing->nworkers; t++)
            sr_arena_free(b->rows[t]);
        free(b->rows);
    }
    free(ing->tools);
    free(ing->threads);
    ing_writer_free(ing->writer);
    sr_group_fresh_free(ing->fresh);
    pthread_mutex_destroy(&ing->lock);
    pthread_cond_destroy(&ing->work);
    pthread_cond_destroy(&ing->done);
    free(ing);
}
