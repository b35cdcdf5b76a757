/*
 * The verbs file (CAMEO.2.0.txt, PETR.Validate.verbs.txt):
 *
 *   &SYNSET              then "+MEMBER" lines              (synsets.c)
 *   --- NAME [CODE] ---  opens a verb block
 *   VERB {FORMS} [CODE]  a verb of the block; without {FORMS} its regular
 *                        forms are generated, with them the given forms are
 *                        all there is
 *   +WORD_PART {...}     a verb of several words, '+' marking the verb
 *                        proper (KLM_NOP_+RST: RST)
 *   - PRE * POST [CODE]  a pattern of the block                (verb_patterns.c)
 *   ~ ...                PETRARCH-2 transformations: not used, skipped
 */
#include <string.h>

#include "dict/grow.h"
#include "dict/inflect.h"
#include "dict/load.h"
#include "dict/vocab.h"

#define NONE UINT32_MAX
#define MAX_GIVEN 16

/* A verb written as a phrase: its words and which one is the verb. */
typedef struct vphrase {
    uint32_t w[SR_FORM_MAX];
    uint8_t n, verb_pos;
    int marked; /* a '+' said which word is the verb */
} vphrase;

static int is_sep(char c)
{
    return c == '_' || c == ' ' || c == '\t';
}

static int parse_vphrase(sr_loader *L, const char *s, size_t n, vphrase *out)
{
    char buf[SR_WORD_MAX + 1];
    size_t count = 0;
    out->n = 0;
    out->verb_pos = 0;
    out->marked = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_sep(s[i]))
            i++;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && !is_sep(s[i]))
            i++;
        int plus = s[start] == '+';
        if (plus)
            start++;
        if (start == i || memchr(s + start, '+', i - start)) {
            sr_ld_warn(L, "misplaced '+' in verb \"%.*s\"; skipped", (int)(n > 60 ? 60 : n), s);
            return -1;
        }
        int len = sr_ld_norm_word(L, s + start, i - start, buf);
        if (len < 0) {
            sr_ld_warn(L, "bad word in verb (too long or not UTF-8); skipped");
            return -1;
        }
        uint32_t ids[3];
        int np = sr_ld_intern_pieces(L, buf, (size_t)len, ids);
        if (count + (size_t)np > SR_FORM_MAX) {
            sr_ld_warn(L, "verb of more than %d words; skipped", SR_FORM_MAX);
            return -1;
        }
        if (plus) {
            if (out->marked) {
                sr_ld_warn(L, "two '+' in verb \"%.*s\"; skipped", (int)(n > 60 ? 60 : n), s);
                return -1;
            }
            out->marked = 1;
            out->verb_pos = (uint8_t)count;
        }
        for (int k = 0; k < np; k++)
            out->w[count++] = ids[k];
    }
    if (count == 0) {
        sr_ld_warn(L, "empty verb; skipped");
        return -1;
    }
    out->n = (uint8_t)count;
    return 0;
}

static void add_form(sr_loader *L, uint32_t block, const vphrase *p, int tense, const char *code,
                     const char *rcode)
{
    sr_dict *d = L->d;
    SR_GROW(d->forms, L->cap_forms, d->nforms + 1);
    sr_verb_form *f = &d->forms[d->nforms++];
    memset(f, 0, sizeof *f);
    memcpy(f->words, p->w, p->n * sizeof *p->w);
    for (size_t k = p->n; k < SR_FORM_MAX; k++)
        f->words[k] = SR_NOWORD;
    f->nwords = p->n;
    f->verb_pos = p->verb_pos;
    f->tense = (uint8_t)tense;
    f->block = block;
    memcpy(f->code, code, SR_CODE_MAX);
    memcpy(f->rcode, rcode, SR_CODE_MAX);
    f->file = L->file;
    f->line = L->line;
}

static void add_inflections(sr_loader *L, uint32_t block, const vphrase *base, const sr_infl *in,
                            int tense, const char *code, const char *rcode)
{
    for (int k = 0; k < in->n; k++) {
        if (in->len[k] > SR_WORD_MAX)
            continue;
        vphrase p = *base;
        p.w[p.verb_pos] = sr_vocab_intern(L->d->vocab, in->w[k], in->len[k]);
        add_form(L, block, &p, tense, code, rcode);
    }
}

static void add_regular(sr_loader *L, uint32_t block, const vphrase *base, const char *code,
                        const char *rcode)
{
    const sr_vocab *v = L->d->vocab;
    uint32_t id = base->w[base->verb_pos];
    /* a copy: interning the forms may move the vocabulary's text */
    char w[SR_WORD_MAX + 1];
    size_t n = sr_vocab_len(v, id);
    memcpy(w, sr_vocab_word(v, id), n + 1);
    sr_infl in;
    sr_inflect_3sg(w, n, &in);
    add_inflections(L, block, base, &in, SR_VF_3SG, code, rcode);
    sr_inflect_past(w, n, &in);
    add_inflections(L, block, base, &in, SR_VF_PAST, code, rcode);
    sr_inflect_ing(w, n, &in);
    add_inflections(L, block, base, &in, SR_VF_ING, code, rcode);
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

static int is_3sg_of(const char *base, size_t bn, const char *w, size_t n)
{
    if (n == bn + 1 && memcmp(w, base, bn) == 0)
        return w[bn] == 'S'; /* ATTACKS */
    if (n == bn + 2 && memcmp(w, base, bn) == 0)
        return w[bn] == 'E' && w[bn + 1] == 'S'; /* PUSHES */
    if (n == bn + 2 && bn > 1 && base[bn - 1] == 'Y' && memcmp(w, base, bn - 1) == 0)
        return ends_with(w, n, "IES"); /* CARRIES */
    return 0;
}

/* The forms given in {...}: what each one is, then store them. */
static void add_given(sr_loader *L, uint32_t block, const vphrase *base, const char *s, size_t n,
                      const char *code, const char *rcode)
{
    const sr_vocab *v = L->d->vocab;
    vphrase items[MAX_GIVEN];
    int tense[MAX_GIVEN];
    uint32_t word[MAX_GIVEN], base_word[MAX_GIVEN]; /* the inflected word, in both */
    size_t ni = 0, i = 0;
    while (i < n) {
        while (i < n && (s[i] == ' ' || s[i] == '\t'))
            i++;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && s[i] != ' ' && s[i] != '\t')
            i++;
        if (ni == MAX_GIVEN) {
            sr_ld_warn(L, "more than %d forms in {...}; the rest skipped", MAX_GIVEN);
            break;
        }
        if (parse_vphrase(L, s + start, i - start, &items[ni]) < 0)
            continue;
        vphrase *it = &items[ni];
        tense[ni] = -2; /* to classify */
        if (!it->marked) {
            if (it->n == base->n)
                it->verb_pos = base->verb_pos;
            else if (it->n != 1)
                tense[ni] = SR_VF_OTHER;
        }
        if (it->n == base->n && memcmp(it->w, base->w, it->n * sizeof *it->w) == 0)
            continue; /* the base form again */
        /* Which word is inflected: the verb, or else the word that differs
         * from the base (+WIRE_TAP {+WIRE_TAPS ...} marks the wrong one) */
        size_t pos = it->verb_pos;
        if (it->n == base->n && it->w[pos] == base->w[pos])
            for (size_t k = 0; k < it->n; k++)
                if (it->w[k] != base->w[k]) {
                    pos = k;
                    break;
                }
        word[ni] = it->w[pos];
        base_word[ni] = it->n == base->n ? base->w[pos] : base->w[base->verb_pos];
        ni++;
    }
    size_t nrest = 0;
    for (size_t k = 0; k < ni; k++) {
        if (tense[k] != -2)
            continue;
        const char *bw = sr_vocab_word(v, base_word[k]);
        size_t bn = sr_vocab_len(v, base_word[k]);
        const char *w = sr_vocab_word(v, word[k]);
        size_t wn = sr_vocab_len(v, word[k]);
        if (wn > 4 && ends_with(w, wn, "ING"))
            tense[k] = SR_VF_ING;
        else if (is_3sg_of(bw, bn, w, wn))
            tense[k] = SR_VF_3SG;
        else
            nrest++;
    }
    /* The rest are past forms. Of two or more, the -N/-NE ones (DRAWN,
     * UNDERGONE) are participles; if that leaves no simple past (BEGAN
     * BEGUN), the first written is it. One alone (SENT, WON) is both. */
    int have_past = 0;
    for (size_t k = 0; k < ni; k++) {
        if (tense[k] != -2)
            continue;
        const char *w = sr_vocab_word(v, word[k]);
        size_t wn = sr_vocab_len(v, word[k]);
        int part = nrest > 1 && (ends_with(w, wn, "N") || ends_with(w, wn, "NE"));
        tense[k] = part ? -3 : SR_VF_PAST;
        have_past |= !part;
    }
    for (size_t k = 0; k < ni; k++) {
        if (tense[k] == -3) {
            tense[k] = have_past ? SR_VF_PART : SR_VF_PAST;
            have_past = 1;
        }
        add_form(L, block, &items[k], tense[k], code, rcode);
    }
}

static void verb_line(sr_loader *L, uint32_t block, const char *s, size_t n)
{
    const char *lb = memchr(s, '[', n), *rb = memchr(s, ']', n);
    const char *lc = memchr(s, '{', n), *rc = memchr(s, '}', n);
    if ((lb && (!rb || rb < lb)) || (!lb && rb)) {
        sr_ld_warn(L, "unbalanced [ ] in verb line; skipped");
        return;
    }
    if ((lc && (!rc || rc < lc)) || (!lc && rc)) {
        sr_ld_warn(L, "unbalanced { } in verb line; skipped");
        return;
    }
    char code[SR_CODE_MAX] = "", rcode[SR_CODE_MAX] = "";
    if (lb && sr_ld_split_code(L, lb + 1, (size_t)(rb - lb - 1), code, rcode) < 0)
        return;
    size_t bn = n;
    if (lb)
        bn = (size_t)(lb - s);
    if (lc && (size_t)(lc - s) < bn)
        bn = (size_t)(lc - s);
    vphrase base;
    if (parse_vphrase(L, s, bn, &base) < 0)
        return;
    L->nverbs++;
    add_form(L, block, &base, SR_VF_BASE, code, rcode);
    if (lc)
        add_given(L, block, &base, lc + 1, (size_t)(rc - lc - 1), code, rcode);
    else
        add_regular(L, block, &base, code, rcode);
}

static uint32_t block_header(sr_loader *L, const char *s, size_t n)
{
    sr_dict *d = L->d;
    while (n > 0 && s[0] == '-')
        s++, n--;
    while (n > 0 && s[n - 1] == '-')
        n--;
    s = sr_trim(s, &n);
    const char *lb = memchr(s, '[', n), *rb = memchr(s, ']', n);
    size_t name_n = lb ? (size_t)(lb - s) : n;
    const char *name = sr_trim(s, &name_n);
    SR_GROW(d->blocks, L->cap_blocks, d->nblocks + 1);
    sr_verb_block *b = &d->blocks[d->nblocks];
    memset(b, 0, sizeof *b);
    strcpy(b->code, "---");
    if (lb && rb && rb > lb) {
        if (sr_ld_split_code(L, lb + 1, (size_t)(rb - lb - 1), b->code, b->rcode) < 0)
            strcpy(b->code, "---");
        if (b->code[0] == '\0' && b->rcode[0] == '\0')
            strcpy(b->code, "---");
        if (memchr(rb, '[', n - (size_t)(rb - s)))
            sr_ld_warn(L, "verb block with a second [code]; only the first is kept");
    } else if (lb || rb) {
        sr_ld_warn(L, "unbalanced [ ] in verb block header; block code taken as ---");
    }
    if (name_n == 0)
        sr_ld_warn(L, "verb block without a name");
    b->name = sr_ld_strdup(L, name, name_n);
    b->first_pattern = (uint32_t)d->npatterns;
    b->file = L->file;
    b->line = L->line;
    return (uint32_t)d->nblocks++;
}

void sr_ld_verbs(sr_loader *L, const char *data, size_t len)
{
    sr_synsets_prescan(L, data, len);
    sr_line_reader r;
    const char *s;
    size_t n;
    uint32_t block = NONE, synset = NONE;
    int in_synset = 0;
    sr_lines_init(&r, data, len);
    while (sr_lines_next(&r, &s, &n, &L->line)) {
        if (n >= 3 && s[0] == '-' && s[1] == '-' && s[2] == '-') {
            block = block_header(L, s, n);
            in_synset = 0;
        } else if (s[0] == '&') {
            synset = sr_synsets_define(L, s, n);
            in_synset = 1;
        } else if (s[0] == '~') {
            continue; /* transformations */
        } else if (s[0] == '-') {
            if (block == NONE)
                sr_ld_warn(L, "pattern outside a verb block; skipped");
            else
                sr_ld_pattern(L, block, s, n);
        } else if (in_synset) {
            if (s[0] == '+')
                sr_synsets_member(L, synset, s + 1, n - 1);
            else
                sr_ld_warn(L, "\"%.*s\" in a synset is not a +member; skipped",
                           (int)(n > 60 ? 60 : n), s);
        } else if (block == NONE) {
            sr_ld_warn(L, "verb outside a verb block; skipped");
        } else {
            verb_line(L, block, s, n);
        }
    }
    sr_synsets_finish(L);
}
