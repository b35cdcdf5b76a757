/*
 * grow: the one growable-array helper the dictionary builders share.
 * Out of memory aborts, as sr_arena_alloc does: the load paths stay free of
 * allocation-failure plumbing.
 */
#ifndef SR_DICT_GROW_H
#define SR_DICT_GROW_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static inline void sr_grow_fail(void)
{
    fputs("sitrep: out of memory\n", stderr);
    abort();
}

/* p with room for `need` elements of `size` bytes; *cap is updated. */
static inline void *sr_grow_impl(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t n = *cap ? *cap : 16;
    while (n < need)
        n *= 2;
    if (n > SIZE_MAX / size)
        sr_grow_fail();
    void *q = realloc(p, n * size);
    if (!q)
        sr_grow_fail();
    *cap = n;
    return q;
}

/* Make room for `need` elements in the array `arr` of capacity `cap`. */
#define SR_GROW(arr, cap, need) ((arr) = sr_grow_impl((arr), &(cap), (need), sizeof *(arr)))

/* calloc that aborts on failure. */
static inline void *sr_xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        sr_grow_fail();
    return p;
}

#endif
