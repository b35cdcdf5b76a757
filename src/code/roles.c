/*
 * Who did it, to whom: the source is the verb's subject (the nearest actor
 * phrase to its left within the clause, looking past short comma-delimited
 * asides and through relative pronouns to their antecedent); the target is
 * the first actor phrase to its right before the clause ends. A phrase that
 * is the object of a preposition ("a commander with Tahrir al-Sham") is only
 * a fallback subject.
 */
#include <string.h>

#include "code/code_internal.h"

#define TARGET_REACH 15 /* tokens after the verb searched for a target */

static int punct_is(const sent *s, uint32_t i, char ch)
{
    return s->tk[i].len == 1 && s->tk[i].norm[0] == ch;
}

static int hard_boundary(const sent *s, uint32_t i)
{
    return punct_is(s, i, ';') || punct_is(s, i, ':') || punct_is(s, i, '(') || punct_is(s, i, ')');
}

/* The preposition the phrase is the object of (other than "of"), as the
 * token index before it, or -1. */
static int64_t prep_before(const sent *s, const np *p)
{
    if (p->compound >= 0)
        p = &s->nps[p->compound]; /* "by artillery and aircraft" */
    if (p->s == 0)
        return -1;
    uint32_t i = p->s - 1;
    if ((s->t[i].cls & WC_DET) && i > 0)
        i--;
    uint32_t cls = s->t[i].cls;
    return ((cls & WC_PREP) && !(cls & WC_OF)) ? (int64_t)i : -1;
}

/* Prepositions that tie a person to a group ("a commander with Tahrir
 * al-Sham", "fighters from Gondor"): such a phrase may stand for the
 * subject when the head noun is no actor itself. Places ("near Damascus")
 * may not. */
static int affiliation_prep(const sent *s, int64_t i)
{
    const char *w = s->tk[i].norm;
    return strcmp(w, "WITH") == 0 || strcmp(w, "FROM") == 0 || strcmp(w, "FOR") == 0;
}

/* Previous comma at most max+1 tokens left of the comma at i, with no
 * clause boundary between; returns its index or -1. */
static int64_t aside_start(const sr_coder *c, const sent *s, uint32_t comma)
{
    int max = c->opt.comma_max;
    if (max <= 0)
        return -1;
    for (int64_t j = (int64_t)comma - 1; j >= 0 && comma - j <= (int64_t)max + 1; j--) {
        if (hard_boundary(s, (uint32_t)j))
            return -1;
        if (punct_is(s, (uint32_t)j, ',')) {
            int64_t len = (int64_t)comma - j - 1;
            return len >= c->opt.comma_min ? j : -1;
        }
    }
    return -1;
}

/* First token left of the verb's auxiliaries ("has not yet been"). */
static int64_t before_aux(const sent *s, const verb_occ *v)
{
    int64_t i = (int64_t)v->s - 1;
    while (i >= 0 && (s->t[i].cls & (WC_BE | WC_HAVE | WC_DO | WC_HYPO | WC_FUT | WC_NEG | WC_ADV)))
        i--;
    return i;
}

static int32_t source_scan(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t *lo,
                           int *pronoun, int depth)
{
    int32_t fallback = -1;
    int seen_content = 0;
    *pronoun = 0;
    int64_t i = before_aux(s, v);
    /* "X captured A and killed B": the second verb shares the subject of
     * the first; so does a participle after a comma ("..., killing 12") */
    int participle = i >= 0 && v->tense == SR_VF_ING && punct_is(s, (uint32_t)i, ',');
    if (i >= 0 && ((s->t[i].cls & WC_CONJ) || participle) && depth < 4) {
        for (uint32_t k = 0; k < s->nverbs; k++) {
            const verb_occ *prev = &s->verbs[s->nverbs - 1 - k];
            if (prev->e <= (uint32_t)i)
                return source_scan(c, s, prev, lo, pronoun, depth + 1);
        }
        if (participle) {
            /* no verb of ours before it: the sentence's opening phrase, if
             * any, did it ("Israeli jets struck Gaza on Monday, killing 5") */
            *lo = 0;
            if (s->nnps && s->nps[0].s <= 1 && s->nps[0].code && prep_before(s, &s->nps[0]) < 0)
                return 0;
            return -1;
        }
    }
    i = (int64_t)v->s - 1;
    while (i >= 0) {
        uint32_t u = (uint32_t)i;
        const tok *t = &s->t[u];
        if (hard_boundary(s, u))
            break;
        if (t->np >= 0) {
            const np *p = &s->nps[t->np];
            int64_t prep = prep_before(s, p);
            if (prep >= 0) {
                if (fallback < 0 && affiliation_prep(s, prep))
                    fallback = t->np;
                i = (int64_t)p->s - 1;
                seen_content = 1;
                continue;
            }
            *lo = p->s;
            return t->np;
        }
        if ((t->cls & WC_PRON) && !seen_content) {
            /* the pattern may still reach left of the pronoun ("INDICATED
             * SHOULD *" in "Ethiopia indicated it should have acted") */
            *pronoun = (int)u + 1;
            *lo = 0;
            return -1;
        }
        if ((t->cls & WC_DET) && seen_content)
            break; /* the subject is a noun phrase with no actor in it */
        if (t->cls & (WC_REL | WC_THAT)) {
            /* "the militants, who ..." / "the group that attacked": the
             * antecedent is the subject; a bare "that" opens a clause */
            int64_t j = i - 1;
            if (j >= 0 && punct_is(s, (uint32_t)j, ','))
                j--;
            if (j >= 0 && s->t[j].np >= 0) {
                *lo = s->nps[s->t[j].np].s;
                return s->t[j].np;
            }
            break;
        }
        if ((t->cls & WC_SUBORD) && (!(t->cls & WC_PREP) || seen_content))
            break; /* "after crowds burned": a clause of its own */
        if (punct_is(s, u, ',')) {
            int64_t a = aside_start(c, s, u);
            if (a >= 0) {
                /* skip the aside, but keep a phrase inside it as fallback */
                for (int64_t k = i - 1; k > a && fallback < 0; k--)
                    if (s->t[k].np >= 0 && s->nps[s->t[k].np].code)
                        fallback = s->t[k].np;
                i = a - 1;
                continue;
            }
        }
        if ((s->tk[u].flags & SR_TOK_WORD) && t->cls == 0)
            seen_content = 1;
        i--;
    }
    *lo = i < 0 ? 0 : (uint32_t)i + 1;
    return fallback;
}

int32_t sr_find_source(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t *lo,
                       int *pronoun)
{
    return source_scan(c, s, v, lo, pronoun, 0);
}

/* Can a phrase standing here be a target? Not the subject's own ("warned
 * their Ent populations"), not the agent of a noun ("the postponement of
 * an offensive by Syrian forces"), and, unless asked for, not a place
 * ("met in Istanbul"). */
static int target_position(const sr_coder *c, const sent *s, const np *p)
{
    if (p->s == 0)
        return 1;
    uint32_t i = p->s - 1;
    if (s->t[i].cls & WC_POSSPRON)
        return 0;
    if ((s->t[i].cls & WC_DET) && i > 0)
        i--;
    if (!c->opt.locative_targets) {
        if (s->t[i].cls & WC_BY)
            return 0;
        static const char *const locative[] = {"IN", "AT", "NEAR", "INSIDE", "OUTSIDE", "ACROSS",
                                               "THROUGHOUT", "WITHIN", "AROUND", "ALONG"};
        for (size_t k = 0; k < sizeof locative / sizeof locative[0]; k++)
            if (strcmp(s->tk[i].norm, locative[k]) == 0)
                return 0;
    }
    return 1;
}

/* Is the phrase the subject of a verb right after it ("..., regional
 * officials said", "the army has said")? */
static int subject_of_next(const sent *s, const np *p)
{
    uint32_t i = p->e;
    while (i < s->n && (s->t[i].cls & (WC_HAVE | WC_BE | WC_ADV | WC_HYPO | WC_FUT)))
        i++;
    if (i >= s->n)
        return 0;
    if (s->t[i].cls & WC_SAY)
        return 1;
    /* a past form only: "army positions", "Gondor parade" are nouns */
    return s->t[i].verb >= 0 && (s->verbs[s->t[i].verb].tense == SR_VF_PAST ||
                                 s->verbs[s->t[i].verb].tense == SR_VF_PART);
}

int32_t sr_find_target(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t from,
                       uint32_t *hi)
{
    (void)c;
    uint32_t i = v->e, end = v->e + TARGET_REACH < s->n ? v->e + TARGET_REACH : s->n;
    int32_t found = -1;
    for (; i < end; i++) {
        const tok *t = &s->t[i];
        if (hard_boundary(s, i))
            break;
        if (t->cls & WC_REL)
            break;
        if ((t->cls & WC_SUBORD) && !(t->cls & WC_PREP))
            break;
        if (t->verb >= 0)
            break;
        if (found >= 0 || i < from)
            continue;
        if (t->np >= 0 && s->nps[t->np].code && s->nps[t->np].s >= from &&
            target_position(c, s, &s->nps[t->np])) {
            if (subject_of_next(s, &s->nps[t->np]))
                break; /* "..., the Observatory said": a new clause */
            found = t->np;
        }
    }
    *hi = i;
    return found;
}

int32_t sr_find_agent_by(const sr_coder *c, const sent *s, const verb_occ *v)
{
    (void)c;
    for (uint32_t i = v->e; i < s->n && i < v->e + 6; i++) {
        if (hard_boundary(s, i) || s->t[i].verb >= 0)
            break;
        if (s->t[i].cls & WC_BY) {
            uint32_t j = i + 1;
            if (j < s->n && (s->t[j].cls & WC_DET))
                j++;
            if (j < s->n && s->t[j].np >= 0)
                return s->t[j].np;
            return -1;
        }
    }
    return -1;
}

int sr_new_actor_span(const sent *s, const verb_occ *v, int max, uint32_t *start, uint32_t *end)
{
    int64_t i = before_aux(s, v);
    int64_t e = i + 1;
    int n = 0;
    while (i >= 0 && n < max) {
        const tok *t = &s->t[i];
        if (!(s->tk[i].flags & SR_TOK_WORD) || t->cls || t->np >= 0 || t->verb >= 0)
            break;
        i--;
        n++;
    }
    if (n == 0)
        return 0;
    *start = (uint32_t)(i + 1);
    *end = (uint32_t)e;
    return 1;
}
