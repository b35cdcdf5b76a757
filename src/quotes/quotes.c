/*
 * sr_quotes_find: the stages in order. Quotation marks are paired
 * (marks.c), each quotation finds its verb and speaker (attribute.c), the
 * speech verbs left over give reported speech (reported.c); where a
 * reported clause and a quotation overlap one of them goes; then, in text
 * order, pronoun speakers are resolved and speakers get their codes.
 *
 * Pronouns: "he" and "she" stand for the last named person before them,
 * "it" and "they" for the last named speaker that is not a person (an
 * outlet, a ministry, a group, a country). Named persons
 * are the speakers found so far and the names that open a sentence as its
 * subject ("UN Secretary General Antonio Guterres is appealing ..."); a
 * person is a name with a title ("Col.", "President"), or of two words or
 * more without an organization's word ("Ministry", "Times"), or one word
 * that the coder does not take for a country.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes/quotes_internal.h"
#include "sitrep/sitrep.h"

#define PRONOUN_REACH 12 /* sentences a pronoun looks back for its antecedent */

int q_is_mark(const qtext *q, uint32_t i)
{
    return i < q->n && (q->tk[i].flags & SR_TOK_QUOTE) != 0;
}

int q_sentence_end(const qtext *q, uint32_t i)
{
    return q_punct(q, i, ".") || q_punct(q, i, "!") || q_punct(q, i, "?") ||
           q_punct(q, i, "...");
}

uint32_t q_sent_first(const qtext *q, uint32_t i)
{
    return q->t->sentences[q->sent[i]].first;
}

uint32_t q_sent_end(const qtext *q, uint32_t i)
{
    const sr_sentence *s = &q->t->sentences[q->sent[i]];
    return s->first + s->ntokens;
}

/* Whether a line break separates token i from the one before it; the gap
 * is mostly one space or none. */
static int line_break_before(const qtext *q, uint32_t i)
{
    for (uint32_t k = q->tk[i - 1].end; k < q->tk[i].start; k++)
        if (q->src[k] == '\n')
            return 1;
    return 0;
}

/* One paragraph a line is the common layout of plain-text news; in
 * hard-wrapped text most lines go on with a lower-case word. brk[i]: a
 * line break before token i that does not start a paragraph already. */
static int lines_are_paragraphs(const qtext *q, const uint8_t *brk)
{
    uint32_t breaks = 0, lower = 0;
    for (uint32_t i = 1; i < q->n; i++) {
        if (!brk[i])
            continue;
        breaks++;
        lower += (q->tk[i].flags & SR_TOK_WORD) && !(q->tk[i].flags & SR_TOK_CAP);
    }
    return breaks > 0 && lower * 2 < breaks;
}

/* A line break starts a paragraph when lines are paragraphs; in wrapped
 * text, only after the end of a sentence (or a closing mark or a colon). */
static int line_ends_paragraph(const qtext *q, const uint8_t *brk, uint32_t i, int lines)
{
    if (!brk[i])
        return 0;
    if (lines)
        return 1;
    if (!(q->tk[i - 1].flags & SR_TOK_PUNCT))
        return 0;
    return q_sentence_end(q, i - 1) || q_is_mark(q, i - 1) || q_punct(q, i - 1, ":") ||
           q_punct(q, i - 1, ")");
}

static void setup(qtext *q, const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                  sr_arena *arena)
{
    memset(q, 0, sizeof *q);
    q->t = t;
    q->tk = t->tokens;
    q->n = (uint32_t)t->ntokens;
    q->src = t->src;
    q->ph = phrases;
    q->nph = nphrases;
    q->arena = arena;
    q->ph_reach = sr_arena_alloc(arena, (nphrases + 1) * sizeof *q->ph_reach);
    for (size_t k = 0; k < nphrases; k++) {
        uint32_t before = k ? q->ph_reach[k - 1] : 0;
        q->ph_reach[k] = phrases[k].end > before ? phrases[k].end : before;
    }
    q->sent = sr_arena_alloc(arena, q->n * sizeof *q->sent);
    q->para = sr_arena_alloc(arena, q->n * sizeof *q->para);
    q->seg = sr_arena_alloc(arena, q->n * sizeof *q->seg);
    for (size_t s = 0; s < t->nsentences; s++)
        for (uint32_t k = 0; k < t->sentences[s].ntokens; k++)
            q->sent[t->sentences[s].first + k] = (uint32_t)s;
    /* both passes below ask about the same breaks: find them once */
    uint8_t *brk = sr_arena_calloc(arena, q->n, 1);
    for (uint32_t i = 1; i < q->n; i++)
        brk[i] = !(q->tk[i].flags & SR_TOK_PARA) && line_break_before(q, i);
    uint32_t para = 0;
    int lines = lines_are_paragraphs(q, brk);
    for (uint32_t i = 0; i < q->n; i++) {
        if (i > 0 && ((q->tk[i].flags & SR_TOK_PARA) || line_ends_paragraph(q, brk, i, lines)))
            para++;
        q->para[i] = para;
        q->seg[i] = -1;
    }
}

static uint32_t unit_start(const qunit *u)
{
    return u->parts[0].start;
}

static uint32_t unit_end(const qunit *u)
{
    return u->parts[u->nparts - 1].end;
}

static int attributed(const qunit *u)
{
    return u->cue.verb != QNONE || u->cue.has_who || u->carried;
}

/* The first of the direct quotations (in text order, disjoint) that may
 * reach byte pos or beyond. */
static size_t first_direct_reaching(const qunit *d, size_t nd, uint32_t pos)
{
    size_t lo = 0, hi = nd;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d[mid].nparts && unit_start(&d[mid]) < pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? lo - 1 : 0;
}

/* A quotation inside a reported clause without a verb of its own is part
 * of the clause ("said rebels must be “cleaned out”"); otherwise the
 * quotation, being the speaker's own words, wins. */
static void settle_overlaps(qunit *d, size_t nd, qunit *r, size_t nr)
{
    for (size_t i = 0; i < nr; i++) {
        uint32_t rs = unit_start(&r[i]), re = unit_end(&r[i]);
        for (size_t k = first_direct_reaching(d, nd, rs); k < nd && !r[i].dropped; k++) {
            if (d[k].nparts && unit_start(&d[k]) >= re)
                break;
            if (d[k].dropped)
                continue;
            uint32_t ds = unit_start(&d[k]), de = unit_end(&d[k]);
            if (de <= rs || ds >= re)
                continue;
            if (!attributed(&d[k]) && ds >= rs && de <= re)
                d[k].dropped = 1;
            else
                r[i].dropped = 1;
        }
    }
}

static int by_start(const void *a, const void *b)
{
    const qunit *x = *(const qunit *const *)a, *y = *(const qunit *const *)b;
    uint32_t xs = unit_start(x), ys = unit_start(y);
    return xs < ys ? -1 : xs > ys;
}

typedef struct antecedent {
    uint32_t pos;
    qnp np;
    uint8_t person;
} antecedent;

static int by_pos(const void *a, const void *b)
{
    const antecedent *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

/* The phrase has a name of its own ("Col. Sean Ryan", not "the fall of
 * Kobane"). One capitalized word opening a sentence may be any word
 * ("Just how ..."): it counts when the coder knows it or it is a title. */
static int named(const qtext *q, const qnp *np)
{
    if (np->pronoun || !q_name_token(q, np->name_start) || !q_name_token(q, np->name_end - 1))
        return 0;
    if (np->name_end - np->name_start == 1 && np->name_start == q_sent_first(q, np->name_start))
        return q_np_code(q, np) || (q_word_class(&q->tk[np->name_start]) & W_TITLE);
    return 1;
}

static size_t gather_antecedents(qtext *q, qunit *const *units, size_t nu, antecedent **out)
{
    antecedent *v = sr_arena_alloc(q->arena, (nu + q->t->nsentences + 1) * sizeof *v);
    size_t n = 0;
    for (size_t k = 0; k < nu; k++) {
        const qnp *np = &units[k]->cue.who;
        if (!units[k]->cue.has_who || !named(q, np))
            continue;
        v[n++] = (antecedent){np->name_start, *np, (uint8_t)q_np_person(q, np)};
    }
    for (size_t s = 0; s < q->t->nsentences; s++) {
        const sr_sentence *se = &q->t->sentences[s];
        qnp np;
        if (!q_clause_subject(q, se->first + se->ntokens - 1, &np) || !named(q, &np) ||
            q->seg[np.start] >= 0)
            continue;
        /* a subject has its verb next: "Guterres is appealing", not
         * "Even Friday, ..." */
        if (np.end >= q->n || !(q->tk[np.end].flags & SR_TOK_WORD) ||
            (q->tk[np.end].flags & SR_TOK_CAP))
            continue;
        v[n++] = (antecedent){np.name_start, np, (uint8_t)q_np_person(q, &np)};
    }
    qsort(v, n, sizeof *v, by_pos);
    *out = v;
    return n;
}

static const antecedent *resolve(const qtext *q, const antecedent *a, size_t na, uint32_t pron)
{
    const char *w = q->tk[pron].norm;
    int want_person = strcmp(w, "HE") == 0 || strcmp(w, "SHE") == 0;
    int want_thing = !want_person;
    size_t lo = 0, hi = na; /* past the last candidate before the pronoun */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a[mid].pos < pron)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k > 0; k--) {
        const antecedent *c = &a[k - 1];
        if (q->sent[pron] - q->sent[c->pos] > PRONOUN_REACH)
            break;
        if ((want_person && !c->person) || (want_thing && c->person))
            continue;
        return c;
    }
    return NULL;
}

static void fill(const qtext *q, const qunit *u, const antecedent *a, size_t na, sr_quote *out)
{
    memset(out, 0, sizeof *out);
    out->sentence = u->sentence;
    out->parts = u->parts;
    out->nparts = u->nparts;
    out->start = unit_start(u);
    out->end = unit_end(u);
    out->direct = u->direct;
    if (u->cue.verb != QNONE) {
        out->cue_start = q->tk[u->cue.verb].start;
        out->cue_end = q->tk[u->cue.verb_end - 1].end;
    }
    if (!u->cue.has_who)
        return;
    const qnp *np = &u->cue.who;
    if (np->pronoun) {
        out->speaker_from_pronoun = 1;
        const antecedent *c = resolve(q, a, na, np->start);
        if (c)
            np = &c->np;
    }
    out->speaker_start = q->tk[np->name_start].start;
    out->speaker_end = q->tk[np->name_end - 1].end;
    out->speaker = q_np_code(q, np);
}

int sr_quotes_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                   sr_arena *arena, sr_quote **out, size_t *n)
{
    if (!t || !arena || !out || !n || (nphrases && !phrases))
        return SR_EINVAL;
    *out = NULL;
    *n = 0;
    if (t->ntokens == 0)
        return 0;
    qtext q;
    setup(&q, t, phrases, nphrases, arena);
    uint8_t *used = sr_arena_calloc(arena, q.n, 1);

    qseg *segs = NULL;
    size_t nsegs = q_find_segments(&q, &segs);
    qunit *d = NULL, *r = NULL;
    size_t nd = q_direct_units(&q, segs, nsegs, used, &d);
    size_t nr = q_reported_units(&q, used, &r);
    settle_overlaps(d, nd, r, nr);

    qunit **units = sr_arena_alloc(arena, (nd + nr + 1) * sizeof *units);
    size_t nu = 0;
    for (size_t k = 0; k < nd; k++)
        if (!d[k].dropped)
            units[nu++] = &d[k];
    for (size_t k = 0; k < nr; k++)
        if (!r[k].dropped)
            units[nu++] = &r[k];
    if (nu == 0)
        return 0;
    qsort(units, nu, sizeof *units, by_start);

    antecedent *ante = NULL;
    size_t nante = gather_antecedents(&q, units, nu, &ante);
    sr_quote *qs = sr_arena_alloc(arena, nu * sizeof *qs);
    for (size_t k = 0; k < nu; k++)
        fill(&q, units[k], ante, nante, &qs[k]);
    *out = qs;
    *n = nu;
    return 0;
}
