/*
 * Verb occurrences: dictionary verb forms used as verbs (not as nouns: "the
 * attack", "air strikes"), with their voice and mood. Mood decides whether
 * the act is coded at all: negated ("did not attack"), hypothetical ("could
 * bomb", "if Assad were to attack") and infinitive ("vowed to retake")
 * occurrences are blocked; future ones ("will meet") become intent.
 */
#include <string.h>

#include "code/code_internal.h"

static int is_punct(const sent *s, uint32_t i, char ch)
{
    const sr_token *tk = &s->tk[i];
    return tk->len == 1 && tk->norm[0] == ch;
}

static int clause_boundary(const sent *s, uint32_t i)
{
    return is_punct(s, i, ',') || is_punct(s, i, ';') || is_punct(s, i, ':') ||
           (s->tk[i].flags & SR_TOK_QUOTE) || is_punct(s, i, '(') || is_punct(s, i, ')');
}

/* A plural common noun right before a base form ("groups assassinate"). */
static int plural_noun(const sent *s, uint32_t i)
{
    const sr_token *tk = &s->tk[i];
    return (tk->flags & SR_TOK_WORD) && !(tk->flags & SR_TOK_CAP) && tk->len > 3 &&
           tk->norm[tk->len - 1] == 'S' && tk->norm[tk->len - 2] != 'S' && s->t[i].cls == 0;
}

/* Is the form at [vp] a verb here, not a noun or adjective? */
static int used_as_verb(const sent *s, uint32_t vp, uint8_t tense)
{
    if (vp == 0)
        return tense != SR_VF_BASE && tense != SR_VF_3SG && tense != SR_VF_ING;
    uint32_t p = vp - 1;
    uint32_t pc = s->t[p].cls;
    const sr_token *ptk = &s->tk[p];
    if (pc & (WC_DET | WC_POSSPRON | WC_NUM))
        return 0;
    if (ptk->flags & (SR_TOK_POSS | SR_TOK_NUMBER))
        return 0;
    switch (tense) {
    case SR_VF_ING:
        if ((pc & WC_PREP) && !(pc & WC_TO))
            return 0; /* a gerund: "by bombing Syria" */
        if (s->t[p].verb >= 0)
            return 0; /* the object of a verb: "refugees fleeing fighting" */
        if (p > 0 && (s->t[p - 1].cls & WC_DET) && pc == 0 && s->t[p].np < 0)
            return 0; /* "the heavy fighting" */
        return 1;
    case SR_VF_BASE:
    case SR_VF_3SG:
        /* "a retired Connecticut pilot has become": a subject noun */
        if (vp + 1 < s->n && (s->t[vp + 1].cls & (WC_BE | WC_HAVE | WC_HYPO | WC_FUT)) &&
            !(pc & (WC_HYPO | WC_FUT | WC_DO | WC_TO | WC_NEG)))
            return 0;
        /* after an auxiliary (also "has called": a form the dictionary
         * lists as a base may be a participle) */
        if (pc & (WC_HYPO | WC_FUT | WC_DO | WC_TO | WC_NEG | WC_ADV | WC_PRON | WC_REL | WC_THAT |
                  WC_HAVE | WC_BE))
            return 1;
        if (s->t[p].np >= 0) {
            /* "Syria attacks Turkey", but not "Turkish pressure" or "a
             * direct military clash": the phrase must open its noun phrase
             * and not be a modifier itself */
            const np *q = &s->nps[s->t[p].np];
            if (q->e - q->s == 1 && sr_modifier_like(s, q->s))
                return 0;
            /* adjectives before it are fine when a determiner or the
             * clause start comes first ("a senior Bree official said") */
            uint32_t i = q->s, adj = 0;
            while (i > 0 && adj < 4) {
                const sr_token *b = &s->tk[i - 1];
                if (!(b->flags & SR_TOK_WORD) || s->t[i - 1].cls != 0 || s->t[i - 1].np >= 0 ||
                    s->t[i - 1].verb >= 0)
                    break;
                i--;
                adj++;
            }
            if (i > 0 && (s->t[i - 1].cls & WC_PREP) && !(s->t[i - 1].cls & WC_TO))
                return 0; /* "premiums for doctor visits": a prepositional object */
            if (i > 0 && s->t[i - 1].verb >= 0)
                return 0; /* "attacked Syrian army positions": an object */
            if (adj == 0 || i == 0)
                return 1;
            return (s->t[i - 1].cls & (WC_DET | WC_POSSPRON | WC_CONJ)) || !(s->tk[i - 1].flags & SR_TOK_WORD);
        }
        if (tense == SR_VF_BASE && plural_noun(s, p))
            return 1;
        if (is_punct(s, p, ','))
            return 0;
        return 0;
    default:
        /* "reports on organised crime": a participle after a preposition
         * is an adjective */
        if ((pc & WC_PREP) && !(pc & (WC_TO | WC_BY)))
            return 0;
        return 1;
    }
}

/* Walk the auxiliaries before the verb and decide mood and voice. */
static void modality(const sent *s, verb_occ *v, uint32_t vp)
{
    int neg = 0, hypo = 0, fut = 0, be = 0, blocked = 0;
    int32_t j = (int32_t)vp - 1, block_at = -1;
    while (j >= 0) {
        uint32_t cls = s->t[j].cls;
        if (cls & (WC_NEG | WC_HYPO))
            block_at = j; /* the leftmost one */
        if (cls & WC_NEG)
            neg = 1;
        else if (cls & WC_HYPO)
            hypo = 1;
        else if (cls & WC_FUT)
            fut = 1;
        else if (cls & WC_BE)
            be = 1;
        else if (cls & (WC_HAVE | WC_DO | WC_ADV))
            ;
        else if (cls & WC_TO) {
            /* "continued to send", "is about to restore": the act itself;
             * "were to attack": hypothetical; any other "to VERB" belongs
             * to the verb that governs it ("vowed to retake") */
            if (j > 0 && (s->t[j - 1].cls & WC_ASPECT)) {
                j -= 2;
                be = 0;
                continue;
            }
            if (j > 0 && (s->t[j - 1].cls & WC_ABOUT)) {
                j -= 2;
                be = 0;
                continue;
            }
            if (j > 0 && (s->t[j - 1].cls & WC_BE) && strcmp(s->tk[j - 1].norm, "WERE") == 0)
                hypo = 1;
            else
                blocked = 1;
            block_at = j;
            break;
        } else
            break;
        j--;
    }
    /* a condition earlier in the same clause: "if Turkey attacks ..." */
    for (int32_t k = (int32_t)vp - 1; k >= 0 && !clause_boundary(s, (uint32_t)k); k--)
        if (s->t[k].cls & WC_COND) {
            hypo = 1;
            block_at = k;
        }
    v->block_at = block_at;
    v->passive = (uint8_t)(be && (v->tense == SR_VF_PAST || v->tense == SR_VF_PART));
    /* "a general accused of organising the siege", "militants backed by
     * Turkey": a participle modifying a noun, passive with no auxiliary */
    if (!v->passive && (v->tense == SR_VF_PAST || v->tense == SR_VF_PART) && vp > 0 &&
        (s->t[vp - 1].np >= 0 || (s->tk[vp - 1].flags & SR_TOK_WORD && s->t[vp - 1].cls == 0)) &&
        v->e < s->n && (s->t[v->e].cls & (WC_OF | WC_BY)))
        v->passive = 1;
    v->governed = (uint8_t)(blocked && !neg && !hypo);
    if (neg || hypo || blocked)
        v->mood = MOOD_BLOCKED;
    else if (fut)
        v->mood = MOOD_INTENT;
    else
        v->mood = MOOD_ASSERTED;
}

/* The longest verb form starting at token i, or -1. */
static int32_t match_form(const sr_dict *d, const sent *s, uint32_t i)
{
    uint32_t w = s->t[i].ids.exact;
    if (w == SR_NOWORD || w >= d->nvocab_slots || d->form_count[w] == 0)
        return -1;
    for (uint32_t k = 0; k < d->form_count[w]; k++) {
        uint32_t fi = d->form_index[d->form_first[w] + k];
        const sr_verb_form *f = &d->forms[fi];
        if (i + f->nwords > s->n)
            continue;
        uint32_t m = 1;
        while (m < f->nwords && s->t[i + m].ids.exact == f->words[m])
            m++;
        if (m == f->nwords)
            return (int32_t)fi;
    }
    return -1;
}

/* An auxiliary ("has", "should", "will") followed by another verb is not
 * a verb of its own here: "has called", "should have acted". */
static int auxiliary(const sr_dict *d, const sent *s, uint32_t i)
{
    if (!(s->t[i].cls & (WC_BE | WC_HAVE | WC_DO | WC_HYPO | WC_FUT)))
        return 0;
    for (uint32_t j = i + 1; j < s->n && j < i + 5; j++) {
        uint32_t cls = s->t[j].cls;
        if (cls & (WC_ADV | WC_NEG | WC_BE | WC_HAVE))
            continue;
        if (!(s->tk[j].flags & SR_TOK_WORD))
            return 0;
        const char *w = s->tk[j].norm;
        size_t n = s->tk[j].len;
        if (match_form(d, s, j) >= 0)
            return 1;
        if (n > 4 && (strcmp(w + n - 2, "ED") == 0 || strcmp(w + n - 3, "ING") == 0 ||
                      strcmp(w + n - 2, "EN") == 0))
            return 1;
        return 0;
    }
    return 0;
}

void sr_find_verbs(sr_coder *c, sent *s)
{
    const sr_dict *d = c->dict;
    s->verbs = sr_arena_alloc(c->arena, (s->n + 1) * sizeof *s->verbs);
    s->nverbs = 0;
    for (uint32_t i = 0; i < s->n; i++) {
        if (!(s->tk[i].flags & SR_TOK_WORD) || s->t[i].np >= 0)
            continue;
        int32_t fi = match_form(d, s, i);
        if (fi < 0 || auxiliary(d, s, i))
            continue;
        const sr_verb_form *f = &d->forms[fi];
        uint32_t vp = i + f->verb_pos;
        if (!used_as_verb(s, vp, f->tense))
            continue;
        verb_occ *v = &s->verbs[s->nverbs];
        v->s = i;
        v->e = i + f->nwords;
        v->form = (uint32_t)fi;
        v->tense = f->tense;
        modality(s, v, vp);
        s->t[i].verb = (int32_t)s->nverbs;
        s->nverbs++;
        i = v->e - 1;
    }
}
