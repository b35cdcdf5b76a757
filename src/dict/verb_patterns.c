/*
 * Verb pattern lines: "- PRE * POST [CODE]".
 *
 * Between two elements a space allows other words to stand between them in
 * the sentence; '_' (or both being inside one {noun phrase}) does not. A
 * word directly followed by '_' must match exactly; otherwise it is a stem
 * (TABARI's rule), except inside {...} where only the last word is. A
 * (prepositional phrase) gives its elements one group number.
 * "(BY/WITH ...)" is a choice: the pattern is stored once per alternative.
 */
#include <string.h>

#include "dict/grow.h"
#include "dict/load.h"
#include "dict/vocab.h"

#define ATOM_VERB 0xff
#define MAX_ATOMS 256
#define MAX_VARIANTS 16 /* patterns made from one line */
#define MAX_CHOICES 4   /* A/B words in one line */

typedef struct atom {
    uint8_t type;    /* sr_pat_elem_type, or ATOM_VERB */
    uint8_t group;
    uint8_t stem_ok; /* a word that may be a stem */
    uint8_t joined;  /* nothing may stand between it and the atom before */
    uint32_t id;
} atom;

typedef struct pat_code {
    char code[SR_CODE_MAX], rcode[SR_CODE_MAX];
} pat_code;

static int word_delim(char c)
{
    return c == ' ' || c == '\t' || c == '_' || c == '{' || c == '}' || c == '(' || c == ')' ||
           c == '*' || c == '$' || c == '+' || c == '%' || c == '^' || c == '&';
}

static int special_type(char c)
{
    switch (c) {
    case '*': return ATOM_VERB;
    case '$': return SR_PE_SOURCE;
    case '+': return SR_PE_TARGET;
    case '%': return SR_PE_COMPOUND;
    case '^': return SR_PE_SKIP;
    default: return -1;
    }
}

static void store(sr_loader *L, uint32_t block, const atom *a, size_t na, const pat_code *pc)
{
    sr_dict *d = L->d;
    size_t v = 0, nverbs = 0;
    for (size_t k = 0; k < na; k++)
        if (a[k].type == ATOM_VERB) {
            v = k;
            nverbs++;
        }
    if (nverbs != 1) {
        sr_ld_warn(L, nverbs ? "pattern with more than one '*'; skipped"
                             : "pattern without '*'; skipped");
        return;
    }
    if (v > UINT8_MAX || na - v - 1 > UINT8_MAX) {
        sr_ld_warn(L, "pattern too long; skipped");
        return;
    }
    SR_GROW(d->elems, L->cap_elems, d->nelems + na - 1);
    SR_GROW(d->patterns, L->cap_patterns, d->npatterns + 1);
    sr_pattern *p = &d->patterns[d->npatterns];
    memset(p, 0, sizeof *p);
    p->first_elem = (uint32_t)d->nelems;
    p->npre = (uint8_t)v;
    p->npost = (uint8_t)(na - v - 1);
    unsigned nwords = 0;
    for (size_t k = 0; k < na; k++) {
        if (k == v)
            continue;
        sr_pat_elem *e = &d->elems[d->nelems++];
        e->type = a[k].type;
        e->id = a[k].id;
        e->group = a[k].group;
        e->stem = 0;
        if (a[k].type == SR_PE_WORD && a[k].stem_ok)
            e->stem = (uint8_t)sr_vocab_mark_stem(d->vocab, a[k].id);
        /* pre elements look right (to the next element or the verb), post
         * elements look left */
        e->joined = k < v ? a[k + 1].joined : a[k].joined;
        nwords += a[k].type == SR_PE_WORD || a[k].type == SR_PE_SYNSET;
    }
    p->nwords = (uint8_t)(nwords > UINT8_MAX ? UINT8_MAX : nwords);
    memcpy(p->code, pc->code, SR_CODE_MAX);
    memcpy(p->rcode, pc->rcode, SR_CODE_MAX);
    p->block = block;
    p->file = L->file;
    p->line = L->line;
    d->npatterns++;
    d->blocks[block].npatterns++;
}

static void parse_body(sr_loader *L, uint32_t block, const char *s, size_t n, const pat_code *pc,
                       int *variants, int depth);

/* "(BY/WITH ...)": one pattern per alternative of the first such word. */
static void expand_choice(sr_loader *L, uint32_t block, const char *s, size_t n,
                          const char *slash, const pat_code *pc, int *variants, int depth)
{
    size_t at = (size_t)(slash - s), start = at, end = at;
    while (start > 0 && !word_delim(s[start - 1]))
        start--;
    while (end < n && !word_delim(s[end]))
        end++;
    char *buf = malloc(n + 1);
    if (!buf)
        sr_grow_fail();
    size_t i = start;
    int alternatives = 0;
    while (i <= end && *variants <= MAX_VARIANTS) {
        size_t j = i;
        while (j < end && s[j] != '/')
            j++;
        if (j > i) {
            size_t k = 0;
            memcpy(buf, s, start);
            k = start;
            memcpy(buf + k, s + i, j - i);
            k += j - i;
            memcpy(buf + k, s + end, n - end);
            k += n - end;
            parse_body(L, block, buf, k, pc, variants, depth + 1);
            alternatives++;
        }
        i = j + 1;
    }
    free(buf);
    if (alternatives == 0)
        sr_ld_warn(L, "'/' without a choice on either side in pattern; skipped");
}

static void parse_body(sr_loader *L, uint32_t block, const char *s, size_t n, const pat_code *pc,
                       int *variants, int depth)
{
    if (*variants > MAX_VARIANTS)
        return; /* reported */
    const char *slash = memchr(s, '/', n);
    if (slash && depth < MAX_CHOICES) {
        expand_choice(L, block, s, n, slash, pc, variants, depth);
        return;
    }
    if (slash) {
        sr_ld_warn(L, "more than %d words with '/' choices in one pattern; skipped",
                   MAX_CHOICES);
        *variants = MAX_VARIANTS + 1;
        return;
    }
    if (*variants == MAX_VARIANTS) {
        sr_ld_warn(L, "more than %d alternatives in one pattern; the rest skipped",
                   MAX_VARIANTS);
        *variants = MAX_VARIANTS + 1;
        return;
    }
    ++*variants;
    atom a[MAX_ATOMS];
    size_t na = 0, brace_start = 0;
    int in_brace = 0, in_group = 0, space = 0;
    unsigned ngroups = 0;
    uint8_t group = 0;
    char buf[SR_WORD_MAX + 1];
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == ' ' || c == '\t' || c == '\r') {
            space = 1;
            i++;
            continue;
        }
        if (c == '_') {
            i++;
            continue;
        }
        if (c == '{' || c == '}' || c == '(' || c == ')') {
            int bad = (c == '{' && in_brace) || (c == '}' && !in_brace) ||
                      (c == '(' && in_group) || (c == ')' && !in_group);
            if (bad) {
                sr_ld_warn(L, "unbalanced or nested '%c' in pattern; skipped", c);
                return;
            }
            if (c == '{') {
                in_brace = 1;
                brace_start = na;
            } else if (c == '}') {
                in_brace = 0;
                for (size_t k = brace_start; k + 1 < na; k++)
                    a[k].stem_ok = 0; /* only a noun phrase's head is a stem */
            } else if (c == '(') {
                if (ngroups == UINT8_MAX) {
                    sr_ld_warn(L, "too many (...) in pattern; skipped");
                    return;
                }
                in_group = 1;
                group = (uint8_t)++ngroups;
            } else {
                in_group = 0;
                group = 0;
            }
            i++;
            continue;
        }
        /* an element; how it joins the one before depends on what lay between */
        uint8_t joined = na > 0 && ((in_brace && brace_start < na) || !space);
        space = 0;
        int pieces = 1;
        uint32_t ids[3];
        uint8_t type, stem_ok = 0;
        if (special_type(c) >= 0) {
            type = (uint8_t)special_type(c);
            ids[0] = 0;
            i++;
        } else if (c == '&') {
            size_t used = 0;
            ids[0] = sr_synsets_resolve(L->syn, s + i, n - i, &used);
            if (ids[0] == UINT32_MAX) {
                size_t k = i + 1;
                while (k < n && !word_delim(s[k]))
                    k++;
                sr_ld_warn(L, "unknown synset %.*s; pattern skipped", (int)(k - i), s + i);
                return;
            }
            type = SR_PE_SYNSET;
            i += used;
        } else {
            size_t j = i;
            while (j < n && !word_delim(s[j]))
                j++;
            int len = sr_ld_norm_word(L, s + i, j - i, buf);
            if (len < 0) {
                sr_ld_warn(L, "bad word in pattern (too long or not UTF-8); skipped");
                return;
            }
            pieces = sr_ld_intern_pieces(L, buf, (size_t)len, ids);
            type = SR_PE_WORD;
            stem_ok = pieces == 1 && !(j < n && s[j] == '_');
            i = j;
        }
        if (na + (size_t)pieces > MAX_ATOMS) {
            sr_ld_warn(L, "pattern too long; skipped");
            return;
        }
        for (int k = 0; k < pieces; k++) {
            a[na].type = type;
            a[na].group = group;
            a[na].id = ids[k];
            a[na].stem_ok = k == pieces - 1 ? stem_ok : 0;
            a[na].joined = k == 0 ? joined : 1;
            na++;
        }
    }
    if (in_brace || in_group) {
        sr_ld_warn(L, "unclosed '%c' in pattern; skipped", in_brace ? '{' : '(');
        return;
    }
    store(L, block, a, na, pc);
}

static int parse_code(sr_loader *L, const char *s, size_t n, pat_code *pc)
{
    pc->code[0] = pc->rcode[0] = '\0';
    const char *colon = memchr(s, ':', n);
    size_t a = colon ? (size_t)(colon - s) : n;
    if (sr_ld_code(s, a, pc->code) < 0 ||
        (colon && sr_ld_code(colon + 1, n - a - 1, pc->rcode) < 0)) {
        sr_ld_warn(L, "code [%.*s] too long; line skipped", (int)(n > 40 ? 40 : n), s);
        return -1;
    }
    return 0;
}

void sr_ld_pattern(sr_loader *L, uint32_t block, const char *s, size_t n)
{
    /* s starts with the '-' */
    s++;
    n--;
    const char *lb = memchr(s, '[', n), *rb = memchr(s, ']', n);
    if (rb && (!lb || rb < lb)) {
        sr_ld_warn(L, "']' without '[' in pattern; skipped");
        return;
    }
    if (lb && !rb) {
        sr_ld_warn(L, "code without closing ']' in pattern; skipped");
        return;
    }
    pat_code pc = {{0}, {0}};
    size_t body = n;
    if (lb) {
        body = (size_t)(lb - s);
        if (parse_code(L, lb + 1, (size_t)(rb - lb - 1), &pc) < 0)
            return;
    }
    int variants = 0;
    parse_body(L, block, s, body, &pc, &variants, 0);
}

int sr_ld_split_code(sr_loader *L, const char *s, size_t n, char code[SR_CODE_MAX],
                     char rcode[SR_CODE_MAX])
{
    pat_code pc;
    if (parse_code(L, s, n, &pc) < 0)
        return -1;
    memcpy(code, pc.code, SR_CODE_MAX);
    memcpy(rcode, pc.rcode, SR_CODE_MAX);
    return 0;
}
