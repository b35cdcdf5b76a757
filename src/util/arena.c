#include "sitrep/arena.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARENA_ALIGN 16
#define ARENA_DEFAULT_CHUNK (64 * 1024)
#define ARENA_KEEP_MAX (64u << 20) /* most kept across a reset */

typedef struct chunk {
    struct chunk *next;
    size_t size; /* usable bytes after the header */
    size_t used;
    _Alignas(16) unsigned char data[];
} chunk;

struct sr_arena {
    chunk *head;      /* current chunk, newest first */
    size_t chunk_size;
    size_t total;
#ifdef SR_ARENA_DEBUG
    void **blocks;
    size_t nblocks, cap;
#endif
};

static void die_oom(void)
{
    fputs("sitrep: out of memory\n", stderr);
    abort();
}

static chunk *chunk_new(size_t size)
{
    chunk *c = malloc(sizeof(chunk) + size);
    if (!c)
        return NULL;
    c->next = NULL;
    c->size = size;
    c->used = 0;
    return c;
}

sr_arena *sr_arena_new(size_t chunk_size)
{
    sr_arena *a = calloc(1, sizeof(*a));
    if (!a)
        return NULL;
    a->chunk_size = chunk_size ? chunk_size : ARENA_DEFAULT_CHUNK;
    a->head = chunk_new(a->chunk_size);
    if (!a->head) {
        free(a);
        return NULL;
    }
    return a;
}

#ifdef SR_ARENA_DEBUG
static void debug_release(sr_arena *a)
{
    for (size_t i = 0; i < a->nblocks; i++)
        free(a->blocks[i]);
    a->nblocks = 0;
}
#endif

void sr_arena_free(sr_arena *a)
{
    if (!a)
        return;
#ifdef SR_ARENA_DEBUG
    debug_release(a);
    free(a->blocks);
#endif
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void sr_arena_reset(sr_arena *a)
{
#ifdef SR_ARENA_DEBUG
    debug_release(a);
#endif
    if (!a->head->next) {
        a->head->used = 0;
        a->total = 0;
        return;
    }
    /* The last document needed more than one chunk: replace them all by one
     * chunk of what it used (capped), so documents of that size reuse one
     * block instead of asking the kernel for fresh pages every time. */
    size_t want = a->total + a->total / 4;
    if (want < a->chunk_size)
        want = a->chunk_size;
    if (want > ARENA_KEEP_MAX)
        want = ARENA_KEEP_MAX;
    chunk *c = a->head;
    while (c) {
        chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = chunk_new(want);
    if (!a->head)
        die_oom();
    a->total = 0;
}

void *sr_arena_alloc(sr_arena *a, size_t size)
{
    if (size == 0)
        size = 1;
    a->total += size;
#ifdef SR_ARENA_DEBUG
    if (a->nblocks == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 64;
        void **nb = realloc(a->blocks, a->cap * sizeof(void *));
        if (!nb)
            die_oom();
        a->blocks = nb;
    }
    void *p = malloc(size);
    if (!p)
        die_oom();
    a->blocks[a->nblocks++] = p;
    return p;
#else
    size_t need = (size + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
    chunk *c = a->head;
    if (c->size - c->used < need) {
        size_t sz = need > a->chunk_size ? need : a->chunk_size;
        chunk *n = chunk_new(sz);
        if (!n)
            die_oom();
        if (need > a->chunk_size && c->used < c->size / 2) {
            /* a one-off big block: slot it behind the current chunk so the
             * current chunk's free space is not wasted */
            n->next = c->next;
            c->next = n;
            n->used = need;
            return n->data;
        }
        n->next = c;
        a->head = c = n;
    }
    void *p = c->data + c->used;
    c->used += need;
    return p;
#endif
}

void *sr_arena_calloc(sr_arena *a, size_t n, size_t size)
{
    if (size && n > SIZE_MAX / size)
        die_oom();
    void *p = sr_arena_alloc(a, n * size);
    memset(p, 0, n * size);
    return p;
}

char *sr_arena_strndup(sr_arena *a, const char *s, size_t n)
{
    char *p = sr_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *sr_arena_strdup(sr_arena *a, const char *s)
{
    return s ? sr_arena_strndup(a, s, strlen(s)) : NULL;
}

size_t sr_arena_used(const sr_arena *a)
{
    return a->total;
}
