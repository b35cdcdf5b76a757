/*
 * Hash slots over a static word table: the figures' and the quotes' word
 * lists are looked up once per token or more, and a binary search over
 * them was a large part of their cost. Open addressing with linear
 * probing on FNV-1a; each module keeps its slot array in a header that
 * its unit test writes (--print-slots) and checks against the word list,
 * since the library builds no tables at run time.
 *
 * A table is an array of structs `stride` bytes apart whose `const char *`
 * member at `offset` is the word (normalized, distinct). A slot holds
 * k + 1 for entry k, 0 when empty; a table has at most half as many words
 * as slots, so every search meets an empty slot.
 */
#ifndef SR_UTIL_WORD_SLOTS_H
#define SR_UTIL_WORD_SLOTS_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "util/streq.h"

/* FNV-1a; its high bits are the well-mixed ones. */
static inline uint32_t sr_word_slot(const char *w, unsigned bits)
{
    uint32_t h = 2166136261u;
    for (; *w; w++)
        h = (h ^ (unsigned char)*w) * 16777619u;
    return h >> (32 - bits);
}

static inline const char *sr_word_at(const void *table, size_t stride, size_t offset, size_t k)
{
    return *(const char *const *)((const char *)table + k * stride + offset);
}

/* The entry whose word is w, or NULL. */
static inline const void *sr_word_find(const void *table, size_t stride, size_t offset,
                                       const uint16_t *slots, unsigned bits, const char *w)
{
    uint32_t mask = (1u << bits) - 1;
    for (uint32_t i = sr_word_slot(w, bits);; i = (i + 1) & mask) {
        unsigned k = slots[i];
        if (k == 0)
            return NULL;
        if (sr_streq(sr_word_at(table, stride, offset, k - 1), w))
            return (const char *)table + (k - 1) * stride;
    }
}

/* The slots of n entries, into out (1 << bits of them). */
static inline void sr_word_slots_fill(const void *table, size_t n, size_t stride, size_t offset,
                                      unsigned bits, uint16_t *out)
{
    uint32_t mask = (1u << bits) - 1;
    memset(out, 0, ((size_t)mask + 1) * sizeof *out);
    for (size_t k = 0; k < n; k++) {
        uint32_t i = sr_word_slot(sr_word_at(table, stride, offset, k), bits);
        while (out[i])
            i = (i + 1) & mask;
        out[i] = (uint16_t)(k + 1);
    }
}

#endif
