/*
 * Synsets of a verbs file: "&NAME" then "+MEMBER" lines. A member is a
 * phrase (its last word a stem, unless written "WORD_" or unless the label
 * itself ends in '_', which CAMEO uses for non-nouns such as &AUXVERB1_) or
 * another synset (+&TIETYPES), expanded once the whole file is read.
 *
 * Names are registered by a first pass over the file, so a pattern may use
 * a synset defined further down. Within a name '_' is ambiguous
 * (&FIGHT_OF_WORDS is one synset, &FIGHT_GAMES is &FIGHT joined to GAMES):
 * a reference takes the longest defined name it starts with.
 */
#include <string.h>

#include "dict/grow.h"
#include "dict/inflect.h"
#include "dict/load.h"
#include "dict/vocab.h"

#define NONE UINT32_MAX
#define MAX_DEPTH 64          /* synsets inside synsets inside ... */
#define MAX_MEMBERS (1u << 20) /* after expansion, all synsets together */

typedef struct syn_def {
    const char *name; /* "&NAME", upper-case, without a trailing '_' */
    size_t len;
    uint8_t noplural; /* label ended in '_' */
    uint8_t seen;     /* its definition line was parsed */
    uint8_t state;    /* expansion: 0 todo, 1 in progress, 2 done */
} syn_def;

typedef struct raw_member {
    uint32_t synset;
    uint32_t ref;        /* nested synset, or NONE for a phrase */
    uint32_t first_word; /* into words */
    uint8_t nwords;
    uint32_t line;
} raw_member;

struct sr_synsets {
    syn_def *defs;
    size_t n, cap;
    uint32_t *slots; /* name hash -> id */
    size_t mask;
    raw_member *raw;
    size_t nraw, cap_raw;
    sr_phrase_word *words;
    size_t nwords, cap_words;
    size_t cap_members, cap_swords;
    int overflow_warned;
    uint32_t *by_synset; /* raw member indexes grouped by synset */
    uint32_t *group;     /* per synset: start of its group in by_synset */
};

static uint32_t name_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h ^ (h >> 15);
}

static uint32_t find(const sr_synsets *S, const char *s, size_t n)
{
    if (!S->slots)
        return NONE;
    for (size_t i = name_hash(s, n) & S->mask;; i = (i + 1) & S->mask) {
        uint32_t id = S->slots[i];
        if (id == NONE)
            return NONE;
        if (S->defs[id].len == n && memcmp(S->defs[id].name, s, n) == 0)
            return id;
    }
}

static void place(sr_synsets *S, uint32_t id)
{
    size_t i = name_hash(S->defs[id].name, S->defs[id].len) & S->mask;
    while (S->slots[i] != NONE)
        i = (i + 1) & S->mask;
    S->slots[i] = id;
}

static void grow_slots(sr_synsets *S)
{
    size_t nslots = S->slots ? (S->mask + 1) * 2 : 64;
    free(S->slots);
    S->slots = malloc(nslots * sizeof *S->slots);
    if (!S->slots)
        sr_grow_fail();
    memset(S->slots, 0xff, nslots * sizeof *S->slots);
    S->mask = nslots - 1;
    for (size_t id = 0; id < S->n; id++)
        place(S, (uint32_t)id);
}

sr_synsets *sr_synsets_new(void)
{
    sr_synsets *S = sr_xcalloc(1, sizeof *S);
    grow_slots(S);
    return S;
}

void sr_synsets_free(sr_synsets *S)
{
    if (!S)
        return;
    free(S->defs);
    free(S->slots);
    free(S->raw);
    free(S->words);
    free(S->by_synset);
    free(S->group);
    free(S);
}

static int name_char(char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-' || c == '\'' || c == '.';
}

/* Upper-cased "&NAME" of s (which starts with '&') into buf; returns its
 * length (the '_' run at the end included), 0 if there is no name. */
static size_t read_name(const char *s, size_t n, char *buf, size_t cap)
{
    size_t k = 1;
    buf[0] = '&';
    while (k < n && k < cap && name_char(s[k])) {
        char c = s[k];
        buf[k] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
        k++;
    }
    return k > 1 ? k : 0;
}

/* Register "&NAME" (from a definition line); returns its id. */
static uint32_t define(sr_loader *L, const char *s, size_t n)
{
    sr_synsets *S = L->syn;
    char buf[SR_WORD_MAX + 1];
    size_t len = read_name(s, n, buf, sizeof buf);
    uint8_t noplural = 0;
    while (len > 1 && buf[len - 1] == '_') {
        noplural = 1;
        len--;
    }
    if (len <= 1)
        return NONE;
    uint32_t id = find(S, buf, len);
    if (id != NONE) {
        S->defs[id].noplural |= noplural;
        return id;
    }
    if ((S->n + 1) * 2 > S->mask + 1)
        grow_slots(S);
    SR_GROW(S->defs, S->cap, S->n + 1);
    id = (uint32_t)S->n++;
    S->defs[id] = (syn_def){.name = sr_ld_strdup(L, buf, len), .len = len, .noplural = noplural};
    place(S, id);
    return id;
}

void sr_synsets_prescan(sr_loader *L, const char *data, size_t len)
{
    sr_line_reader r;
    const char *s;
    size_t n;
    uint32_t lineno;
    sr_lines_init(&r, data, len);
    while (sr_lines_next(&r, &s, &n, &lineno))
        if (s[0] == '&')
            define(L, s, n);
}

uint32_t sr_synsets_define(sr_loader *L, const char *s, size_t n)
{
    uint32_t id = define(L, s, n);
    if (id == NONE) {
        sr_ld_warn(L, "synset without a name; its members are skipped");
        return NONE;
    }
    if (L->syn->defs[id].seen)
        sr_ld_warn(L, "synset %s defined again; members added to the first", L->syn->defs[id].name);
    L->syn->defs[id].seen = 1;
    return id;
}

uint32_t sr_synsets_resolve(const sr_synsets *S, const char *s, size_t n, size_t *used)
{
    char buf[SR_WORD_MAX + 1];
    size_t len = read_name(s, n, buf, sizeof buf);
    /* longest first: the whole name, then up to each '_' inside it */
    for (size_t k = len; k > 1; k--) {
        if (k < len && buf[k] != '_')
            continue;
        size_t end = k;
        while (end > 1 && buf[end - 1] == '_') /* "&AUXVERB1_" is &AUXVERB1 */
            end--;
        if (end <= 1)
            break;
        uint32_t id = find(S, buf, end);
        if (id != NONE) {
            *used = end;
            return id;
        }
    }
    return NONE;
}

static void add_raw(sr_loader *L, uint32_t synset, uint32_t ref, const sr_phrase_word *w, size_t nw)
{
    sr_synsets *S = L->syn;
    SR_GROW(S->raw, S->cap_raw, S->nraw + 1);
    SR_GROW(S->words, S->cap_words, S->nwords + nw);
    if (nw)
        memcpy(S->words + S->nwords, w, nw * sizeof *w);
    S->raw[S->nraw++] = (raw_member){.synset = synset, .ref = ref,
                                     .first_word = (uint32_t)S->nwords,
                                     .nwords = (uint8_t)nw, .line = L->line};
    S->nwords += nw;
}

/* CARS is covered by the stem CAR, but PARTIES is not by PARTY. */
static void add_ies_plural(sr_loader *L, uint32_t synset, sr_phrase *p)
{
    sr_vocab *v = L->d->vocab;
    uint32_t last = p->w[p->n - 1].id;
    const char *w = sr_vocab_word(v, last);
    size_t n = sr_vocab_len(v, last);
    if (n < 2 || w[n - 1] != 'Y' || strchr("AEIOUY", w[n - 2]))
        return;
    sr_infl pl;
    sr_inflect_plural(w, n, &pl);
    if (pl.n == 0 || pl.len[0] > SR_WORD_MAX)
        return;
    p->w[p->n - 1].id = sr_vocab_intern(v, pl.w[0], pl.len[0]);
    p->w[p->n - 1].stem = 0;
    add_raw(L, synset, NONE, p->w, p->n);
}

void sr_synsets_member(sr_loader *L, uint32_t id, const char *s, size_t n)
{
    sr_synsets *S = L->syn;
    if (id == NONE)
        return;
    s = sr_trim(s, &n);
    if (n > 0 && s[0] == '&') {
        size_t used = 0;
        uint32_t ref = sr_synsets_resolve(S, s, n, &used);
        while (used < n && s[used] == '_')
            used++;
        if (ref == NONE || used != n) {
            sr_ld_warn(L, "unknown synset %.*s; member skipped", (int)(n > 60 ? 60 : n), s);
            return;
        }
        add_raw(L, id, ref, NULL, 0);
        return;
    }
    if (memchr(s, '&', n)) {
        sr_ld_warn(L, "a synset inside a member phrase is not supported; member skipped");
        return;
    }
    sr_phrase p;
    int plural = !S->defs[id].noplural;
    if (sr_ld_phrase(L, s, n, plural ? SR_PH_STEM_LAST : 0, &p) < 0)
        return;
    if (p.n > UINT8_MAX) {
        sr_ld_warn(L, "synset member too long; skipped");
        return;
    }
    add_raw(L, id, NONE, p.w, p.n);
    if (plural && !p.exact_end)
        add_ies_plural(L, id, &p);
}

/* ---- expansion ------------------------------------------------------- */

static void push_member(sr_loader *L, uint32_t first_word, uint8_t nwords)
{
    sr_dict *d = L->d;
    if (d->nsynset_members >= MAX_MEMBERS) {
        if (!L->syn->overflow_warned)
            sr_ld_warn(L, "synsets expand to more than %u members; the rest are dropped",
                       MAX_MEMBERS);
        L->syn->overflow_warned = 1;
        return;
    }
    SR_GROW(d->synset_members, L->syn->cap_members, d->nsynset_members + 1);
    d->synset_members[d->nsynset_members++] =
        (sr_synset_member){.first_word = first_word, .nwords = nwords};
}

static void expand(sr_loader *L, uint32_t id, int depth)
{
    sr_synsets *S = L->syn;
    sr_dict *d = L->d;
    syn_def *def = &S->defs[id];
    def->state = 1;
    uint32_t lo = S->group[id], hi = S->group[id + 1];
    /* nested synsets first, so this one's members can be copied in one run */
    for (uint32_t i = lo; i < hi; i++) {
        raw_member *m = &S->raw[S->by_synset[i]];
        if (m->ref == NONE || S->defs[m->ref].state == 2)
            continue;
        L->line = m->line;
        if (S->defs[m->ref].state == 1)
            sr_ld_warn(L, "synset %s contains itself; member skipped", S->defs[m->ref].name);
        else if (depth >= MAX_DEPTH)
            sr_ld_warn(L, "synsets nested more than %d deep; member skipped", MAX_DEPTH);
        else
            expand(L, m->ref, depth + 1);
    }
    uint32_t first = (uint32_t)d->nsynset_members;
    for (uint32_t i = lo; i < hi; i++) {
        raw_member *m = &S->raw[S->by_synset[i]];
        if (m->ref == NONE) {
            SR_GROW(d->synset_words, S->cap_swords, d->nsynset_words + m->nwords);
            memcpy(d->synset_words + d->nsynset_words, S->words + m->first_word,
                   m->nwords * sizeof *S->words);
            push_member(L, (uint32_t)d->nsynset_words, m->nwords);
            d->nsynset_words += m->nwords;
        } else if (S->defs[m->ref].state == 2) {
            sr_synset *sub = &d->synsets[m->ref];
            for (uint32_t k = 0; k < sub->nmembers; k++) {
                sr_synset_member sm = d->synset_members[sub->first_member + k];
                push_member(L, sm.first_word, sm.nwords);
            }
        }
    }
    d->synsets[id] = (sr_synset){.name = def->name, .first_member = first,
                                 .nmembers = (uint32_t)d->nsynset_members - first};
    def->state = 2;
}

void sr_synsets_finish(sr_loader *L)
{
    sr_synsets *S = L->syn;
    sr_dict *d = L->d;
    d->nsynsets = S->n;
    d->synsets = sr_xcalloc(S->n, sizeof *d->synsets);
    /* group the members by synset (counting sort, file order kept) */
    S->group = sr_xcalloc(S->n + 1, sizeof *S->group);
    S->by_synset = sr_xcalloc(S->nraw, sizeof *S->by_synset);
    for (size_t i = 0; i < S->nraw; i++)
        S->group[S->raw[i].synset + 1]++;
    for (size_t id = 0; id < S->n; id++)
        S->group[id + 1] += S->group[id];
    uint32_t *fill = sr_xcalloc(S->n + 1, sizeof *fill);
    memcpy(fill, S->group, (S->n + 1) * sizeof *fill);
    for (size_t i = 0; i < S->nraw; i++)
        S->by_synset[fill[S->raw[i].synset]++] = (uint32_t)i;
    free(fill);
    for (size_t id = 0; id < S->n; id++)
        if (S->defs[id].state == 0)
            expand(L, (uint32_t)id, 0);
}
