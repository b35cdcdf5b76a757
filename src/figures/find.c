/*
 * sr_figures_find: every number of a text that counts something, with its
 * qualifier, category, counted phrase, owner and claimant.
 *
 * Per sentence: read each number (numbers.c), drop the ones that are not
 * counts (context.c), find what each counts (category.c), then let a count
 * listed after another take its category ("killed 129 loyalists and 116
 * rebels", "5812 civilians including 1733 children 969 women and 3110
 * men"), and resolve whose and who claims it (attribution.c).
 */
#include <math.h>
#include <string.h>

#include "figures/figures_internal.h"
#include "sitrep/sitrep.h"

typedef struct candidate {
    fig_number num;
    fig_qualifier qual; /* before the number, or after it ("or more") */
    int has_qual;
    uint32_t first, last; /* the figure phrase: qualifier and number */
    fig_reading r;
} candidate;

static int person_event(int cat)
{
    return cat == FC_KILLED || cat == FC_INJURED || cat == FC_DISPLACED || cat == FC_DETAINED ||
           cat == FC_ABDUCTED;
}

/* Only listing words between two counts: "and", commas, "including",
 * "among them", brackets. */
static int listed_after(const fig_sent *s, const candidate *prev, const candidate *cur)
{
    uint32_t e = prev->last;
    if (prev->r.unit.last > e)
        e = prev->r.unit.last;
    if (prev->r.unit.owner_last > e)
        e = prev->r.unit.owner_last;
    if (cur->first < e || cur->first - e > 4)
        return 0;
    for (uint32_t k = e; k < cur->first; k++)
        if (!(fig_is(s, k, "AND") || fig_is(s, k, ",") || fig_is(s, k, "INCLUDING") ||
              fig_is(s, k, "AMONG") || fig_is(s, k, "THEM") || fig_is(s, k, "OF") ||
              fig_is(s, k, "WHOM") || fig_is(s, k, "(") || fig_is(s, k, ")") ||
              fig_is(s, k, ":") || fig_is(s, k, "-") || fig_is(s, k, "PLUS") ||
              fig_is(s, k, "AS") || fig_is(s, k, "WELL") || fig_is(s, k, "ALSO")))
            return 0;
    return 1;
}

/* "among them 13 police officers", "including five policemen": a part of
 * an earlier count, however far back in the sentence. */
static int part_of_earlier(const fig_sent *s, const candidate *cur)
{
    uint32_t f = cur->first;
    return (f >= 1 && (fig_is(s, f - 1, "INCLUDING") || fig_is(s, f - 1, "AMONG"))) ||
           (f >= 2 && fig_is(s, f - 2, "ALONG") && fig_is(s, f - 1, "WITH")) ||
           (f >= 3 && fig_is(s, f - 3, "IN") && fig_is(s, f - 2, "ADDITION") &&
            fig_is(s, f - 1, "TO")) ||
           (f >= 3 && fig_is(s, f - 3, "AS") && fig_is(s, f - 2, "WELL") && fig_is(s, f - 1, "AS")) ||
           (f >= 2 && (fig_is(s, f - 2, "AMONG") || fig_is(s, f - 2, "OF")) &&
            (fig_is(s, f - 1, "THEM") || fig_is(s, f - 1, "WHOM") || fig_is(s, f - 1, "THOSE")));
}

static void inherit(const fig_sent *s, candidate *c, size_t n)
{
    for (size_t k = 1; k < n; k++) {
        candidate *cur = &c[k], *prev = &c[k - 1];
        if (cur->r.from != FCF_NONE && cur->r.from != FCF_UNIT)
            continue;
        if (part_of_earlier(s, cur))
            for (size_t j = k; j-- > 0;)
                if (c[j].r.from >= FCF_CUE && person_event(c[j].r.cat)) {
                    prev = &c[j];
                    break;
                }
        if (prev->r.from < FCF_CUE || !person_event(prev->r.cat) ||
            (!listed_after(s, prev, cur) && !part_of_earlier(s, cur)))
            continue;
        const fig_word *hw = cur->r.unit.head >= 0 ? s->w[cur->r.unit.head] : NULL;
        if (hw && !(hw->flags & FW_PERSON))
            continue; /* "killing 10 people and destroying 5 tanks" */
        if (cur->num.flags & FN_PERCENT)
            continue;
        cur->r.cat = prev->r.cat;
        cur->r.from = FCF_LIST;
        cur->r.cue = prev->r.cue;
        cur->r.cue_left = prev->r.cue_left;
    }
}

static void to_figure(const fig_sent *s, const fig_phrases *ph, const candidate *c,
                      sr_arena *arena, sr_figure *f)
{
    const sr_token *tk = s->tk;
    memset(f, 0, sizeof *f);
    f->sentence = s->index;
    f->start = tk[c->first].start;
    f->end = tk[c->last - 1].end;
    f->low = c->num.low;
    f->high = c->num.high;
    f->exact = !(c->num.flags & (FN_VAGUE | FN_RANGE | FN_OPEN));
    int bound = c->has_qual ? c->qual.bound : FQ_NONE;
    f->qualifier = c->has_qual ? c->qual.text : NULL;
    if (isinf(f->high)) { /* "100-plus" */
        bound = FQ_LOWER;
        f->qualifier = "or more";
    }
    switch (bound) {
    case FQ_LOWER:
        f->high = NAN;
        f->exact = 0;
        break;
    case FQ_UPPER:
        f->low = NAN;
        f->exact = 0;
        break;
    case FQ_APPROX:
        f->exact = 0;
        break;
    default:
        break;
    }
    f->category = fig_cat_name(c->r.cat);
    const fig_unit *u = &c->r.unit;
    uint32_t ua = u->first, ub = u->last;
    if (ub <= ua && c->r.subject_head >= 0) {
        ua = (uint32_t)c->r.subject_head;
        ub = ua + 1;
    }
    if (ub > ua) {
        f->unit_start = tk[ua].start;
        f->unit_end = tk[ub - 1].end;
        f->unit_text = sr_arena_strndup(arena, s->text->src + f->unit_start,
                                        f->unit_end - f->unit_start);
    }
    f->whose = fig_whose(s, ph, &c->num, c->first, &c->r);
    f->claimant = fig_claimant(s, ph, c->first, c->last, &c->r.unit, &f->claimant_start,
                               &f->claimant_end);
}

int sr_figures_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                    sr_arena *arena, sr_figure **out, size_t *n)
{
    if (!out || !n)
        return SR_EINVAL;
    *out = NULL;
    *n = 0;
    if (!t || !arena || (nphrases && !phrases))
        return SR_EINVAL;
    if (t->ntokens == 0)
        return 0;
    const fig_word **w = sr_arena_alloc(arena, t->ntokens * sizeof *w);
    size_t longest = 0;
    for (size_t k = 0; k < t->ntokens; k++) {
        const sr_token *tk = &t->tokens[k];
        w[k] = (tk->flags & SR_TOK_NUMBER) ? NULL : fig_lookup(tk->norm);
        /* "IS fighters", "US troops": an acronym, unless the whole line
         * is in capitals */
        if (w[k] && (tk->flags & SR_TOK_ALLCAPS) &&
            (w[k]->flags & (FW_AUX | FW_PRON | FW_PREP | FW_DET | FW_MODAL | FW_REL)) &&
            !(k > 0 && (tk[-1].flags & SR_TOK_ALLCAPS)) &&
            !(k + 1 < t->ntokens && (tk[1].flags & SR_TOK_ALLCAPS)))
            w[k] = NULL;
    }
    for (size_t k = 0; k < t->nsentences; k++)
        if (t->sentences[k].ntokens > longest)
            longest = t->sentences[k].ntokens;
    candidate *cands = sr_arena_alloc(arena, (longest + 1) * sizeof *cands);

    size_t cap = 16, m = 0, pi = 0;
    sr_figure *figs = sr_arena_alloc(arena, cap * sizeof *figs);
    for (size_t sk = 0; sk < t->nsentences; sk++) {
        const sr_sentence *sn = &t->sentences[sk];
        fig_sent s = {t, t->tokens + sn->first, sn->ntokens, (uint32_t)sk, w + sn->first};
        while (pi < nphrases && phrases[pi].sentence < sk)
            pi++;
        size_t pj = pi;
        while (pj < nphrases && phrases[pj].sentence == sk)
            pj++;
        fig_phrases ph = {phrases + pi, pj - pi};

        size_t nc = 0;
        for (uint32_t i = 0; i < s.n;) {
            /* most tokens start no number: the candidate is cleared only
             * for those that do */
            fig_number num = {0};
            if (!fig_read_number(&s, i, &num)) {
                i++;
                continue;
            }
            candidate *c = &cands[nc];
            memset(c, 0, sizeof *c);
            c->num = num;
            i = c->num.last;
            c->has_qual = fig_qualifier_before(&s, c->num.first, &c->qual);
            c->first = c->has_qual ? c->qual.first : c->num.first;
            c->last = c->num.last;
            if (!c->has_qual && fig_qualifier_after(&s, c->num.last, &c->qual)) {
                c->has_qual = 1;
                c->last = c->qual.last;
                i = c->last;
            }
            if (fig_not_a_count(&s, &c->num, c->first))
                continue;
            fig_categorize(&s, &c->num, c->first, &c->r);
            nc++;
        }
        inherit(&s, cands, nc);
        for (size_t k = 0; k < nc; k++) {
            if (cands[k].r.cat == FC_NONE)
                continue;
            if (m == cap) {
                sr_figure *bigger = sr_arena_alloc(arena, 2 * cap * sizeof *bigger);
                memcpy(bigger, figs, cap * sizeof *figs);
                figs = bigger;
                cap *= 2;
            }
            to_figure(&s, &ph, &cands[k], arena, &figs[m++]);
        }
    }
    *out = figs;
    *n = m;
    return 0;
}
