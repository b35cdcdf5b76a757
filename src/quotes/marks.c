/*
 * Quotation marks into quoted stretches.
 *
 * Double marks (" “ ” „ « », and '' typed as two apostrophes) are paired
 * within a paragraph, nesting when an
 * opening mark comes inside an open quotation (“what he calls “hell” than
 * ...”). A quotation still open at the end of its paragraph carries on into
 * the next one when that paragraph starts with an opening mark, the way
 * newspapers run a quotation over several paragraphs; otherwise it ends
 * with its paragraph. A closing mark with nothing open is stray and left
 * alone; so is a straight mark left open when typographic ones follow, and
 * a quotation carries on only under a mark of its own kind. Single marks (‘ ’ ') count only outside double ones, and only as an
 * opening and a closing mark in the same paragraph: the tokenizer has
 * already told apostrophes ("Hay'at", "Assad’s", "forces'") from marks, and
 * a lone single mark is more likely an apostrophe it could not place than a
 * quotation.
 */
#include <stdlib.h>
#include <string.h>

#include "quotes/quotes_internal.h"

typedef struct seglist {
    qseg *v;
    size_t n, cap;
} seglist;

static void push(qtext *q, seglist *l, uint32_t open, uint32_t close, uint32_t first,
                 uint32_t end, int single)
{
    if (first >= end)
        return; /* nothing inside */
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        qseg *v = sr_arena_alloc(q->arena, cap * sizeof *v);
        if (l->n)
            memcpy(v, l->v, l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (qseg){open, close, first, end, (uint8_t)single, -1, 0};
}

static int is_double(const qtext *q, uint32_t i)
{
    return (q->tk[i].flags & SR_TOK_QUOTE) && q->tk[i].norm[0] == '"';
}

static int is_single(const qtext *q, uint32_t i)
{
    return (q->tk[i].flags & SR_TOK_QUOTE) && q->tk[i].norm[0] == '\'';
}

/* How many tokens the double mark at i takes: 1, or 2 for two
 * apostrophes typed as one mark (''like this'', as some archives have
 * it); 0 when there is none. */
static uint32_t double_mark(const qtext *q, uint32_t i, uint32_t pe)
{
    if (is_double(q, i))
        return 1;
    if (i + 1 < pe && is_single(q, i) && is_single(q, i + 1) &&
        q->tk[i].end == q->tk[i + 1].start &&
        (q->tk[i].flags & SR_TOK_OPEN) == (q->tk[i + 1].flags & SR_TOK_OPEN))
        return 2;
    return 0;
}

enum { MK_STRAIGHT, MK_CURLY, MK_TWIN };

static int mark_kind(const qtext *q, uint32_t i)
{
    if (!is_double(q, i))
        return MK_TWIN;
    return q->src[q->tk[i].start] == '"' ? MK_STRAIGHT : MK_CURLY;
}

static int curly_after(const qtext *q, uint32_t i, uint32_t pe)
{
    for (i++; i < pe; i++)
        if (is_double(q, i) && mark_kind(q, i) == MK_CURLY)
            return 1;
    return 0;
}

static void pair_double(qtext *q, seglist *l, uint32_t ps, uint32_t pe)
{
    uint32_t depth = 0, outer = 0, outer_w = 1;
    for (uint32_t i = ps; i < pe; i++) {
        uint32_t w = double_mark(q, i, pe);
        if (!w)
            continue;
        if (q->tk[i].flags & SR_TOK_OPEN) {
            if (depth++ == 0) {
                outer = i;
                outer_w = w;
            }
        } else if (depth > 0 && --depth == 0) {
            push(q, l, outer, i + w - 1, outer + outer_w, i, 0);
        }
        i += w - 1;
    }
    if (depth == 0)
        return;
    /* a straight mark left open with typographic ones after it was stray
     * (pasted paragraphs often start with one): pair again without it */
    if (mark_kind(q, outer) == MK_STRAIGHT && curly_after(q, outer, pe)) {
        pair_double(q, l, outer + 1, pe);
        return;
    }
    push(q, l, outer, QNONE, outer + outer_w, pe, 0);
}

/* Single marks in [ps, pe) outside the double stretches found so far. */
static void pair_single(qtext *q, seglist *l, size_t from, uint32_t ps, uint32_t pe)
{
    uint32_t open = QNONE;
    size_t k = from;
    for (uint32_t i = ps; i < pe; i++) {
        if (k < l->n && i == l->v[k].open) {
            /* a double stretch: an open single mark may not span it */
            open = QNONE;
            i = l->v[k].close == QNONE ? pe : l->v[k].close;
            k++;
            continue;
        }
        if (!is_single(q, i))
            continue;
        if (q->tk[i].flags & SR_TOK_OPEN) {
            open = i;
        } else if (open != QNONE) {
            push(q, l, open, i, open + 1, i, 1);
            open = QNONE;
        }
    }
}

static int by_open(const void *a, const void *b)
{
    const qseg *x = a, *y = b;
    return x->open < y->open ? -1 : x->open > y->open;
}

size_t q_find_segments(qtext *q, qseg **out)
{
    seglist l = {NULL, 0, 0};
    for (uint32_t ps = 0; ps < q->n;) {
        uint32_t pe = ps + 1;
        while (pe < q->n && q->para[pe] == q->para[ps])
            pe++;
        size_t from = l.n;
        pair_double(q, &l, ps, pe);
        pair_single(q, &l, from, ps, pe);
        ps = pe;
    }
    if (l.n > 1)
        qsort(l.v, l.n, sizeof *l.v, by_open);

    /* newspaper continuation: the open stretch runs on into the next
     * paragraph when that one starts with an opening double mark */
    for (size_t k = 0; k + 1 < l.n; k++) {
        qseg *s = &l.v[k];
        if (s->close != QNONE || s->single || s->end >= q->n)
            continue;
        for (size_t j = k + 1; j < l.n; j++) {
            if (l.v[j].open == s->end && !l.v[j].single &&
                mark_kind(q, l.v[j].open) == mark_kind(q, s->open)) {
                s->next = (int32_t)j;
                l.v[j].continued = 1;
            }
            if (l.v[j].open >= s->end)
                break;
        }
    }

    for (size_t k = 0; k < l.n; k++) {
        uint32_t e = l.v[k].close == QNONE ? l.v[k].end : l.v[k].close + 1;
        for (uint32_t i = l.v[k].open; i < e; i++)
            q->seg[i] = (int32_t)k;
    }
    *out = l.v;
    return l.n;
}
