/*
 * Mention keys: a number per event mention that depends only on the text
 * and what was coded in it, never on the store or the order of ingest, so
 * that a group's id (its smallest member key, GDELT's GLOBALEVENTID) is the
 * same in every store built from the same documents.
 */

#include "sitrep/ingest.h"
#include "util/buf.h"
#include "util/sha256.h"

/* The key's text, as snprintf("%s|%u|...") would write it into 256
 * bytes (truncated alike), without printf's cost once per event. */
typedef struct key_text {
    char *p, *end;
} key_text;

static void put_str(key_text *k, const char *s)
{
    while (*s && k->p < k->end)
        *k->p++ = *s++;
}

static void put_u32(key_text *k, uint32_t v)
{
    char digits[21];
    sr_fmt_uint(digits, v);
    put_str(k, digits);
}

int64_t sr_mention_key(const char *doc_hash, uint32_t start, uint32_t end, const char *cameo,
                       uint32_t source_start, uint32_t source_end, uint32_t target_start,
                       uint32_t target_end)
{
    /* The actor spans are part of the key: one sentence may hold two
     * events of the same code on different actors ("shelled A and B"),
     * which must not share an id. */
    char buf[256];
    key_text k = {buf, buf + sizeof buf - 1};
    const uint32_t spans[4] = {source_start, source_end, target_start, target_end};
    put_str(&k, doc_hash ? doc_hash : "");
    put_str(&k, "|");
    put_u32(&k, start);
    put_str(&k, "|");
    put_u32(&k, end);
    put_str(&k, "|");
    put_str(&k, cameo ? cameo : "");
    for (int i = 0; i < 4; i++) {
        put_str(&k, "|");
        put_u32(&k, spans[i]);
    }
    unsigned char d[SR_SHA256_SIZE];
    sr_sha256(buf, (size_t)(k.p - buf), d);
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | d[i];
    /* 63 bits: positive as an SQLite INTEGER; never 0 (0 means "no group") */
    v >>= 1;
    return v ? (int64_t)v : 1;
}
