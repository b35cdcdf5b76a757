/*
 * Verb patterns: "- PRE * POST [code]" lines of the verb dictionary matched
 * around a verb occurrence. Elements after the verb are looked for in order
 * to the right, those before it in reverse order to the left; an element
 * joined by '_' must stand right next to its neighbour, others may leave a
 * few words between (more between top-level elements than inside one
 * "(prep noun)" group). The most specific pattern that matches wins
 * (most literal words and synsets), the earlier one on a tie.
 */
#include <string.h>

#include "code/code_internal.h"

#define GAP_TOP 8    /* words allowed between two top-level elements */
#define GAP_GROUP 3  /* words allowed inside a "(prep noun)" group */

typedef struct binding {
    int32_t target, source;
    uint32_t used_s[8], used_e[8], nused;
} binding;

/* Does synset member m start at p going right / end at p going left? */
static uint32_t synset_fwd(const sr_coder *c, const sent *s, uint32_t p, uint32_t hi, uint32_t syn)
{
    const sr_dict *d = c->dict;
    if (!sr_synset_may_start(c, syn, &s->t[p].ids))
        return 0;
    const sr_synset *ss = &d->synsets[syn];
    uint32_t best = 0;
    for (uint32_t k = 0; k < ss->nmembers; k++) {
        const sr_synset_member *m = &d->synset_members[ss->first_member + k];
        if (m->nwords <= best || p + m->nwords > hi)
            continue;
        uint32_t w = 0;
        for (; w < m->nwords; w++) {
            const sr_phrase_word *pw = &d->synset_words[m->first_word + w];
            if (!sr_word_matches(&s->t[p + w].ids, pw->id, pw->stem))
                break;
        }
        if (w == m->nwords)
            best = m->nwords;
    }
    return best;
}

static uint32_t synset_back(const sr_dict *d, const sent *s, uint32_t p, uint32_t lo, uint32_t syn)
{
    const sr_synset *ss = &d->synsets[syn];
    uint32_t best = 0;
    for (uint32_t k = 0; k < ss->nmembers; k++) {
        const sr_synset_member *m = &d->synset_members[ss->first_member + k];
        if (m->nwords <= best || p + 1 < lo + m->nwords)
            continue;
        uint32_t start = p + 1 - m->nwords, w = 0;
        for (; w < m->nwords; w++) {
            const sr_phrase_word *pw = &d->synset_words[m->first_word + w];
            if (!sr_word_matches(&s->t[start + w].ids, pw->id, pw->stem))
                break;
        }
        if (w == m->nwords)
            best = m->nwords;
    }
    return best;
}

/* Tokens consumed by element e at p going right (0: no match). */
static uint32_t elem_fwd(const sr_coder *c, const sent *s, const sr_pat_elem *e, uint32_t p,
                         uint32_t hi, binding *b)
{
    if (p >= hi)
        return 0;
    switch (e->type) {
    case SR_PE_WORD:
        return sr_word_matches(&s->t[p].ids, e->id, e->stem) ? 1 : 0;
    case SR_PE_SYNSET:
        return synset_fwd(c, s, p, hi, e->id);
    case SR_PE_TARGET:
    case SR_PE_SOURCE:
    case SR_PE_COMPOUND: {
        int32_t n = s->t[p].np;
        if (n < 0 || s->nps[n].s != p || !s->nps[n].code)
            return 0;
        if (e->type == SR_PE_COMPOUND && s->nps[n].compound < 0)
            return 0;
        if (e->type == SR_PE_TARGET)
            b->target = n;
        else if (e->type == SR_PE_SOURCE)
            b->source = n;
        return s->nps[n].e - s->nps[n].s;
    }
    default:
        return 0;
    }
}

static uint32_t elem_back(const sr_dict *d, const sent *s, const sr_pat_elem *e, uint32_t p,
                          uint32_t lo, binding *b)
{
    if (p < lo)
        return 0;
    switch (e->type) {
    case SR_PE_WORD:
        return sr_word_matches(&s->t[p].ids, e->id, e->stem) ? 1 : 0;
    case SR_PE_SYNSET:
        return synset_back(d, s, p, lo, e->id);
    case SR_PE_TARGET:
    case SR_PE_SOURCE:
    case SR_PE_COMPOUND: {
        int32_t n = s->t[p].np;
        if (n < 0 || s->nps[n].e != p + 1 || !s->nps[n].code || s->nps[n].s < lo)
            return 0;
        if (e->type == SR_PE_COMPOUND && s->nps[n].compound < 0)
            return 0;
        if (e->type == SR_PE_TARGET)
            b->target = n;
        else if (e->type == SR_PE_SOURCE)
            b->source = n;
        return s->nps[n].e - s->nps[n].s;
    }
    default:
        return 0;
    }
}

static int match_post(const sr_coder *c, const sent *s, const sr_pat_elem *el, uint32_t n,
                      uint32_t pos, uint32_t hi, binding *b, uint32_t *end)
{
    *end = pos;
    uint32_t extra = 0;
    for (uint32_t k = 0; k < n; k++) {
        const sr_pat_elem *e = &el[k];
        if (e->type == SR_PE_SKIP) {
            extra += GAP_GROUP;
            continue;
        }
        uint32_t gap = e->joined ? 0 : (k > 0 && e->group && e->group == el[k - 1].group ? GAP_GROUP : GAP_TOP);
        gap += extra;
        extra = 0;
        uint32_t used = 0, p = pos;
        for (; p <= pos + gap && p < hi; p++)
            if ((used = elem_fwd(c, s, e, p, hi, b)) > 0)
                break;
        if (!used)
            return 0;
        if ((e->type == SR_PE_WORD || e->type == SR_PE_SYNSET) && b->nused < 8) {
            b->used_s[b->nused] = p;
            b->used_e[b->nused++] = p + used;
        }
        pos = p + used;
        *end = pos;
    }
    return 1;
}

static int match_pre(const sr_dict *d, const sent *s, const sr_pat_elem *el, uint32_t n,
                     uint32_t vstart, uint32_t lo, binding *b, uint32_t *leftmost,
                     uint32_t *rightmost)
{
    *leftmost = vstart;
    *rightmost = vstart;
    if (n == 0)
        return 1;
    if (vstart == 0)
        return 0;
    int64_t pos = (int64_t)vstart - 1; /* rightmost token still free */
    uint32_t extra = 0;
    for (int32_t k = (int32_t)n - 1; k >= 0; k--) {
        const sr_pat_elem *e = &el[k];
        if (e->type == SR_PE_SKIP) {
            extra += GAP_GROUP;
            continue;
        }
        uint32_t gap = e->joined ? 0 : (k + 1 < (int32_t)n && e->group && e->group == el[k + 1].group ? GAP_GROUP : GAP_TOP);
        gap += extra;
        extra = 0;
        uint32_t used = 0;
        int64_t p = pos;
        for (; p >= pos - (int64_t)gap && p >= (int64_t)lo; p--)
            if ((used = elem_back(d, s, e, (uint32_t)p, lo, b)) > 0)
                break;
        if (!used)
            return 0;
        if (*leftmost == vstart)
            *rightmost = (uint32_t)(p + 1); /* the element nearest the verb */
        *leftmost = (uint32_t)(p + 1 - (int64_t)used);
        pos = p - (int64_t)used;
    }
    return 1;
}

static int same_words(const sr_verb_form *a, const sr_verb_form *b)
{
    return a->nwords == b->nwords && memcmp(a->words, b->words, a->nwords * sizeof a->words[0]) == 0;
}

/* Cooperation (CAMEO roots 03-08) takes two: "send troops" with nobody
 * to send them to is a show of force (154), not military cooperation. */
int sr_cooperative_code(const char *code)
{
    if (strlen(code) < 2 || code[0] != '0')
        return 0;
    return code[1] >= '3' && code[1] <= '8';
}

int sr_best_pattern(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t lo,
                    uint32_t hi, int avoid_coop, int min_score, pattern_match *out)
{
    const sr_dict *d = c->dict;
    const sr_verb_form *vf = &d->forms[v->form];
    uint32_t w = vf->words[0];
    int best_score = avoid_coop ? min_score - 1 : -1;
    out->pattern = out->target_np = out->source_np = -1;
    out->pre_lo = out->pre_hi = v->s;
    out->post_hi = v->e;
    out->nused = 0;
    /* the same words may be a verb in several blocks: try them all */
    for (uint32_t k = 0; k < d->form_count[w]; k++) {
        const sr_verb_form *f = &d->forms[d->form_index[d->form_first[w] + k]];
        if (!same_words(f, vf))
            continue;
        const sr_verb_block *blk = &d->blocks[f->block];
        for (uint32_t j = blk->first_pattern; j < blk->first_pattern + blk->npatterns; j++) {
            uint32_t pi = c->pattern_order[j];
            const sr_pattern *pt = &d->patterns[pi];
            if ((int)pt->nwords <= best_score)
                break; /* the rest of the block is no more specific */
            if (avoid_coop && (sr_cooperative_code(pt->code) || strcmp(pt->code, "---") == 0))
                continue;
            uint32_t key = c->pattern_key[pi];
            if (key != SR_NOWORD && !(c->present[(key % SENT_BITS) / 64] & (1ull << (key % 64))))
                continue; /* a word it needs is nowhere in the sentence */
            binding b;
            b.target = b.source = -1;
            b.nused = 0;
            uint32_t left = v->s, right = v->e, pre_right = v->s;
            const sr_pat_elem *el = &d->elems[pt->first_elem];
            if (!match_post(c, s, el + pt->npre, pt->npost, v->e, hi, &b, &right))
                continue;
            if (!match_pre(d, s, el, pt->npre, v->s, lo, &b, &left, &pre_right))
                continue;
            best_score = pt->nwords;
            out->pattern = (int32_t)pi;
            out->target_np = b.target;
            out->source_np = b.source;
            out->pre_lo = left;
            out->pre_hi = pre_right;
            out->post_hi = right;
            out->nused = b.nused;
            memcpy(out->used_s, b.used_s, sizeof b.used_s);
            memcpy(out->used_e, b.used_e, sizeof b.used_e);
        }
    }
    return out->pattern >= 0;
}

const char *sr_default_code(const sr_coder *c, const verb_occ *v, const char **rcode,
                            const char **file, uint32_t *line)
{
    const sr_dict *d = c->dict;
    const sr_verb_form *vf = &d->forms[v->form];
    uint32_t w = vf->words[0];
    *rcode = NULL;
    for (uint32_t k = 0; k < d->form_count[w]; k++) {
        const sr_verb_form *f = &d->forms[d->form_index[d->form_first[w] + k]];
        if (!same_words(f, vf))
            continue;
        const sr_verb_block *blk = &d->blocks[f->block];
        if ((f->code[0] && strcmp(f->code, "---") != 0) || f->rcode[0]) {
            *file = d->files[f->file];
            *line = f->line;
            *rcode = f->rcode[0] ? f->rcode : NULL;
            return f->code;
        }
        if ((blk->code[0] && strcmp(blk->code, "---") != 0) || blk->rcode[0]) {
            *file = d->files[blk->file];
            *line = blk->line;
            *rcode = blk->rcode[0] ? blk->rcode : NULL;
            return blk->code;
        }
    }
    return NULL;
}

int sr_pattern_uses(const pattern_match *pm, uint32_t a, uint32_t b)
{
    for (uint32_t k = 0; k < pm->nused; k++)
        if (pm->used_s[k] < b && a < pm->used_e[k])
            return 1;
    return 0;
}
