/*
 * Reported speech: a speech verb with a speaker and a clause it reports,
 * the verb not being the cue of a direct quotation already.
 *
 *   X said that CLAUSE / X told Reuters on Monday that CLAUSE   -> CLAUSE
 *   X said CLAUSE (say, claim, insist, argue, add, ...: V_CLAUSE)  -> CLAUSE
 *   X warned: CLAUSE                                            -> CLAUSE
 *   CLAUSE, X said.  CLAUSE, said X.  CLAUSE, X told AFP.       -> CLAUSE
 *   According to X, CLAUSE.   CLAUSE, according to X.           -> CLAUSE
 *   A, according to X, B.                                       -> A + B (two parts)
 *
 * The clause runs to the end of the sentence (its final punctuation left
 * out), or to a later ", saying ..." / ", according to ..." that starts an
 * attribution of its own. Quoted words inside it stay in it, marks and all.
 */
#include <string.h>

#include "quotes/quotes_internal.h"

#define MIN_CLAUSE_WORDS 3

static uint32_t cls(const qtext *q, uint32_t i)
{
    return q_word_class(&q->tk[i]);
}

/* One past the last token of the sentence of i, final punctuation left out. */
static uint32_t clause_end(const qtext *q, uint32_t i)
{
    uint32_t s = q_sent_first(q, i), e = q_sent_end(q, i);
    while (e > s && (q_sentence_end(q, e - 1) || q_punct(q, e - 1, ",") ||
                     q_punct(q, e - 1, ";") || q_punct(q, e - 1, ":")))
        e--;
    return e;
}

/* A clause opens with its subject: an article, a pronoun, a name, a
 * number, a noun, or a quotation mark. */
static int clause_start(const qtext *q, uint32_t i)
{
    const sr_token *t = &q->tk[i];
    if (q_is_mark(q, i))
        return (t->flags & SR_TOK_OPEN) != 0;
    uint32_t c = cls(q, i);
    if (c & W_NOSTART)
        return 0;
    return (c & (W_DET | W_PRON)) || (t->flags & SR_TOK_NUMBER) || q_nounish(q, i);
}

/* "BAGHDAD, Iraq (Reuters) -- ": a dateline opening the sentence is not
 * part of what was said. */
static uint32_t past_dateline(const qtext *q, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b && i < a + 10; i++) {
        if (q_punct(q, i, "-"))
            return i > a && i + 1 < b ? i + 1 : a;
        const sr_token *t = &q->tk[i];
        if (!(t->flags & (SR_TOK_CAP | SR_TOK_ALLCAPS)) && !q_punct(q, i, ",") &&
            !q_punct(q, i, "(") && !q_punct(q, i, ")") && !(t->flags & SR_TOK_NUMBER))
            return a;
    }
    return a;
}

/* A later attribution of its own ends the clause: ", saying ...",
 * ", according to ...", ", the Bild paper wrote that ...". */
static uint32_t stop_at_next_cue(const qtext *q, uint32_t a, uint32_t b)
{
    for (uint32_t i = a + 1; i + 1 < b; i++) {
        if (q_punct(q, i, ",") &&
            ((q_speech_verb(&q->tk[i + 1]) & V_ING) || q_is(q, i + 1, "ACCORDING")))
            return i;
        uint32_t f = q_speech_verb(&q->tk[i]);
        if (!f || (f & V_ING) || q->seg[i] >= 0)
            continue;
        qcue c;
        if (q_cue_at(q, i, a, &c) && c.has_who && !c.inverted && c.who.start > a + 1 &&
            q_punct(q, c.who.start - 1, ","))
            return c.who.start - 1;
    }
    return b;
}

static uint32_t count_words(const qtext *q, uint32_t a, uint32_t b)
{
    uint32_t n = 0;
    for (uint32_t i = a; i < b; i++)
        n += (q->tk[i].flags & SR_TOK_WORD) != 0;
    return n;
}

typedef struct unitlist {
    qunit *v;
    size_t n, cap;
} unitlist;

static qunit *new_unit(qtext *q, unitlist *l)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        qunit *v = sr_arena_alloc(q->arena, cap * sizeof *v);
        if (l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    qunit *u = &l->v[l->n++];
    memset(u, 0, sizeof *u);
    u->open_tok = u->close_tok = QNONE;
    return u;
}

/* Content of "according to X" at v: returns the parts in a, b (b2 > a2 when
 * there is a second part). */
static int according_content(const qtext *q, uint32_t v, const qcue *c, uint32_t ce,
                             uint32_t *a, uint32_t *b, uint32_t *a2, uint32_t *b2)
{
    uint32_t ss = q_sent_first(q, v);
    uint32_t after = c->who.end; /* first token after "according to X" */
    *a2 = *b2 = 0;
    int opening = v == ss || (v == ss + 1 && (cls(q, ss) & W_STOP));
    if (opening) {
        /* "According to X, CLAUSE": what follows X's comma is the clause,
         * not an apposition */
        after = c->who.core_end;
        if (after >= ce || !q_punct(q, after, ","))
            return 0;
        *a = after + 1;
        *b = ce;
        return 1;
    }
    *a = ss;
    *b = v;
    if (v > ss && q_punct(q, v - 1, ",")) {
        *b = v - 1;
        if (after + 1 < ce && q_punct(q, after, ",")) {
            *a2 = after + 1;
            *b2 = ce;
        }
    }
    return 1;
}

size_t q_reported_units(qtext *q, const uint8_t *used, qunit **out)
{
    unitlist l = {NULL, 0, 0};
    for (uint32_t v = 0; v < q->n; v++) {
        if (used[v] || q->seg[v] >= 0)
            continue;
        int according = q_is(q, v, "ACCORDING") && v + 1 < q->n && q_is(q, v + 1, "TO");
        uint32_t f = according ? 0 : q_speech_verb(&q->tk[v]);
        if ((!according && !f) || (f & V_NAMING))
            continue;
        uint32_t ss = q_sent_first(q, v), ce = clause_end(q, v);
        qcue c;
        if (!q_cue_at(q, v, ss, &c) || !c.has_who)
            continue;
        uint32_t a = 0, b = 0, a2 = 0, b2 = 0;
        uint32_t g = c.group_end;
        if (according) {
            if (!according_content(q, v, &c, ce, &a, &b, &a2, &b2))
                continue;
        } else if (!c.inverted && g < ce && (q_is(q, g, "THAT") || q_punct(q, g, ":"))) {
            a = g + 1;
            b = ce;
        } else if (!c.inverted && (f & V_CLAUSE) && g < ce && clause_start(q, g)) {
            a = g;
            b = ce;
        } else if (g >= ce) {
            /* the attribution closes the sentence: "CLAUSE, X said." */
            uint32_t s0 = c.inverted ? v : c.who.start;
            if (s0 <= ss + 1 || !q_punct(q, s0 - 1, ","))
                continue;
            a = past_dateline(q, ss, s0 - 1);
            b = s0 - 1;
        } else {
            continue;
        }
        if (a >= b)
            continue;
        b = stop_at_next_cue(q, a, b);
        if (count_words(q, a, b) + (b2 > a2 ? count_words(q, a2, b2) : 0) < MIN_CLAUSE_WORDS)
            continue;
        qunit *u = new_unit(q, &l);
        u->direct = 0;
        u->cue = c;
        q_unit_add_part(q, u, a, b);
        if (b2 > a2)
            q_unit_add_part(q, u, a2, b2);
        if (u->nparts == 0) {
            l.n--;
            continue;
        }
        u->sentence = q->sent[a];
        u->tail = g > 0 ? g - 1 : g;
    }
    *out = l.v;
    return l.n;
}
