/*
 * arena: a chunked bump allocator. Everything derived from one document
 * (tokens, mentions, events) lives in one arena and is released at once.
 *
 * Ownership: the caller owns the sr_arena; memory handed out by
 * sr_arena_alloc is owned by the arena and valid until sr_arena_reset or
 * sr_arena_free. Not thread-safe: one arena per thread.
 *
 * Built with -DSR_ARENA_DEBUG every allocation goes to malloc so that
 * valgrind and ASan see each block.
 */
#ifndef SITREP_ARENA_H
#define SITREP_ARENA_H

#include <stddef.h>

typedef struct sr_arena sr_arena;

/* chunk_size 0 picks a default (64 KiB). Returns NULL when out of memory. */
sr_arena *sr_arena_new(size_t chunk_size);
void sr_arena_free(sr_arena *a);
/* Release everything allocated so far, keeping one block about the size
 * the last use needed (up to 64 MiB) for the next one. */
void sr_arena_reset(sr_arena *a);
/* Aligned to 16 bytes. Aborts the process on out-of-memory: callers never
 * see NULL, which keeps the per-token code paths free of error plumbing. */
void *sr_arena_alloc(sr_arena *a, size_t size);
void *sr_arena_calloc(sr_arena *a, size_t n, size_t size);
char *sr_arena_strndup(sr_arena *a, const char *s, size_t n);
/* A copy of s; NULL for NULL (optional fields copy as they are). */
char *sr_arena_strdup(sr_arena *a, const char *s);
/* Bytes handed out since the last reset (for statistics). */
size_t sr_arena_used(const sr_arena *a);

#endif
