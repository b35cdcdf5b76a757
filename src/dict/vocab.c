/*
 * Interned words: an open-addressing hash (linear probing, FNV-1a) over
 * dense ids, and a second hash holding only the words used as stems.
 */
#include "dict/vocab.h"

#include <string.h>

#include "dict/grow.h"

#define EMPTY UINT32_MAX
#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

enum { WF_STEM = 1 };

struct sr_vocab {
    char *text; /* every word, NUL-terminated, back to back */
    size_t text_len, text_cap;
    uint32_t *off;   /* per id: offset of its text */
    uint16_t *len;   /* per id: length */
    uint32_t *hash;  /* per id: FNV-1a of its text */
    uint8_t *flags;  /* per id: WF_* */
    size_t n, cap, cap_len, cap_hash, cap_flags;
    uint32_t *slots; /* ids, EMPTY where free */
    size_t mask;
    uint32_t *stem_slots;
    size_t stem_mask, nstems;
    uint64_t stem_lens; /* bit L set: some stem is L bytes long */
};

static uint32_t fnv(const char *s, size_t n)
{
    uint32_t h = FNV_OFFSET;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= FNV_PRIME;
    }
    return h;
}

/* FNV-1a's low bits are weak on short keys; spread them before masking. */
static size_t slot_of(uint32_t h, size_t mask)
{
    h ^= h >> 16;
    h *= 0x45d9f3bu;
    h ^= h >> 16;
    return h & mask;
}

static uint32_t probe(const sr_vocab *v, const uint32_t *slots, size_t mask, uint32_t h,
                      const char *w, size_t n)
{
    if (!slots)
        return SR_NOWORD;
    for (size_t i = slot_of(h, mask);; i = (i + 1) & mask) {
        uint32_t id = slots[i];
        if (id == EMPTY)
            return SR_NOWORD;
        if (v->hash[id] == h && v->len[id] == n && memcmp(v->text + v->off[id], w, n) == 0)
            return id;
    }
}

static uint32_t *new_slots(size_t n)
{
    uint32_t *s = malloc(n * sizeof *s);
    if (!s)
        sr_grow_fail();
    memset(s, 0xff, n * sizeof *s);
    return s;
}

static void place(uint32_t *slots, size_t mask, uint32_t h, uint32_t id)
{
    size_t i = slot_of(h, mask);
    while (slots[i] != EMPTY)
        i = (i + 1) & mask;
    slots[i] = id;
}

static void rehash(sr_vocab *v, size_t nslots)
{
    free(v->slots);
    v->slots = new_slots(nslots);
    v->mask = nslots - 1;
    for (size_t id = 0; id < v->n; id++)
        place(v->slots, v->mask, v->hash[id], (uint32_t)id);
}

sr_vocab *sr_vocab_new(void)
{
    sr_vocab *v = sr_xcalloc(1, sizeof *v);
    rehash(v, 1024);
    return v;
}

void sr_vocab_free(sr_vocab *v)
{
    if (!v)
        return;
    free(v->text);
    free(v->off);
    free(v->len);
    free(v->hash);
    free(v->flags);
    free(v->slots);
    free(v->stem_slots);
    free(v);
}

uint32_t sr_vocab_find(const sr_vocab *v, const char *word, size_t len)
{
    if (len > SR_WORD_MAX)
        return SR_NOWORD;
    return probe(v, v->slots, v->mask, fnv(word, len), word, len);
}

uint32_t sr_vocab_intern(sr_vocab *v, const char *word, size_t len)
{
    if (len > SR_WORD_MAX)
        len = SR_WORD_MAX; /* the loaders refuse longer words before this */
    uint32_t h = fnv(word, len);
    uint32_t id = probe(v, v->slots, v->mask, h, word, len);
    if (id != SR_NOWORD)
        return id;
    if ((v->n + 1) * 2 > v->mask + 1)
        rehash(v, (v->mask + 1) * 2);
    id = (uint32_t)v->n++;
    SR_GROW(v->off, v->cap, v->n);
    SR_GROW(v->len, v->cap_len, v->n);
    SR_GROW(v->hash, v->cap_hash, v->n);
    SR_GROW(v->flags, v->cap_flags, v->n);
    SR_GROW(v->text, v->text_cap, v->text_len + len + 1);
    memcpy(v->text + v->text_len, word, len);
    v->text[v->text_len + len] = '\0';
    v->off[id] = (uint32_t)v->text_len;
    v->text_len += len + 1;
    v->len[id] = (uint16_t)len;
    v->hash[id] = h;
    v->flags[id] = 0;
    place(v->slots, v->mask, h, id);
    return id;
}

const char *sr_vocab_word(const sr_vocab *v, uint32_t id)
{
    return id < v->n ? v->text + v->off[id] : NULL;
}

size_t sr_vocab_len(const sr_vocab *v, uint32_t id)
{
    return id < v->n ? v->len[id] : 0;
}

size_t sr_vocab_size(const sr_vocab *v)
{
    return v->n;
}

int sr_vocab_mark_stem(sr_vocab *v, uint32_t id)
{
    if (id >= v->n || v->len[id] < SR_STEM_MIN || v->len[id] > SR_STEM_MAXLEN)
        return 0;
    v->flags[id] |= WF_STEM;
    return 1;
}

int sr_vocab_is_stem(const sr_vocab *v, uint32_t id)
{
    return id < v->n && (v->flags[id] & WF_STEM);
}

size_t sr_vocab_nstems(const sr_vocab *v)
{
    return v->nstems;
}

void sr_vocab_freeze(sr_vocab *v)
{
    size_t nstems = 0;
    for (size_t id = 0; id < v->n; id++)
        nstems += (v->flags[id] & WF_STEM) != 0;
    size_t nslots = 16;
    while (nslots < nstems * 2)
        nslots *= 2;
    free(v->stem_slots);
    v->stem_slots = new_slots(nslots);
    v->stem_mask = nslots - 1;
    v->nstems = nstems;
    v->stem_lens = 0;
    for (size_t id = 0; id < v->n; id++) {
        if (!(v->flags[id] & WF_STEM))
            continue;
        place(v->stem_slots, v->stem_mask, v->hash[id], (uint32_t)id);
        v->stem_lens |= UINT64_C(1) << v->len[id];
    }
}

/* A short stem takes only an inflection: "WAR" matches "WARS" and
 * "WARRING" but not "WARSAW", "GUN" matches "GUNS" but not "GUNMEN".
 * Stems of five letters and more keep TABARI's open rule ("ISRAEL" ->
 * "ISRAELI", "ATTACK" -> "ATTACKERS"). */
static int stem_fits(const char *word, size_t stem, size_t len)
{
    static const char *const endings[] = {"S", "ES", "ED", "D", "ING", "ER", "ERS", "IES", "IED", "Y"};
    if (stem >= 5)
        return 1;
    const char *rest = word + stem;
    size_t n = len - stem;
    if (n > 1 && rest[0] == word[stem - 1]) {
        rest++; /* a doubled consonant: "WARRING", "GUNNED" */
        n--;
    }
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++)
        if (strlen(endings[k]) == n && memcmp(rest, endings[k], n) == 0)
            return 1;
    return 0;
}

void sr_vocab_token_ids(const sr_vocab *v, const char *norm, size_t len, sr_token_ids *out)
{
    out->exact = SR_NOWORD;
    out->nstems = 0;
    if (len == 0 || len > SR_WORD_MAX)
        return;
    /* One pass: the full hash, the hash of every prefix a stem could have,
     * and whether there is a letter at all (numbers and punctuation never
     * take a stem). FNV-1a of a prefix is the running state at its end. */
    uint32_t prefix[SR_STEM_MAXLEN + 1];
    uint32_t h = FNV_OFFSET;
    int letters = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)norm[i];
        if (i <= SR_STEM_MAXLEN)
            prefix[i] = h;
        h ^= c;
        h *= FNV_PRIME;
        letters |= (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0x80;
    }
    out->exact = probe(v, v->slots, v->mask, h, norm, len);
    if (!letters || !v->stem_lens)
        return;
    /* proper prefixes only: lengths 1 .. len-1, longest first */
    size_t maxlen = len - 1 < SR_STEM_MAXLEN ? len - 1 : SR_STEM_MAXLEN;
    uint64_t lens = v->stem_lens & ((UINT64_C(2) << maxlen) - 1);
    while (lens && out->nstems < SR_TOKEN_STEMS) {
        int l = 63 - __builtin_clzll(lens);
        lens &= ~(UINT64_C(1) << l);
        uint32_t id = probe(v, v->stem_slots, v->stem_mask, prefix[l], norm, (size_t)l);
        if (id != SR_NOWORD && stem_fits(norm, (size_t)l, len))
            out->stems[out->nstems++] = id;
    }
}
