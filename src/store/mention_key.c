/*
 * Mention keys: a number per event mention that depends only on the text
 * and what was coded in it, never on the store or the order of ingest, so
 * that a group's id (its smallest member key, GDELT's GLOBALEVENTID) is the
 * same in every store built from the same documents.
 */
#include <stdio.h>

#include "sitrep/ingest.h"
#include "util/sha256.h"

int64_t sr_mention_key(const char *doc_hash, uint32_t start, uint32_t end, const char *cameo,
                       uint32_t source_start, uint32_t source_end, uint32_t target_start,
                       uint32_t target_end)
{
    /* The actor spans are part of the key: one sentence may hold two
     * events of the same code on different actors ("shelled A and B"),
     * which must not share an id. */
    char buf[256];
    int n = snprintf(buf, sizeof buf, "%s|%u|%u|%s|%u|%u|%u|%u", doc_hash ? doc_hash : "", start,
                     end, cameo ? cameo : "", source_start, source_end, target_start, target_end);
    if (n < 0)
        n = 0;
    if ((size_t)n >= sizeof buf)
        n = (int)sizeof buf - 1;
    unsigned char d[SR_SHA256_SIZE];
    sr_sha256(buf, (size_t)n, d);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | d[i];
    /* 63 bits: positive as an SQLite INTEGER; never 0 (0 means "no group") */
    v >>= 1;
    return v ? (int64_t)v : 1;
}
