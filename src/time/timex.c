/*
 * sr_timex_find: the driver. Each token is looked up once in the word
 * table; only tokens that can open an expression (a time word, a cue such
 * as "the" or "last", a number, a hyphenated compound) try the matchers,
 * and the longest match wins. Matching goes left to right and never looks
 * beyond the sentence, so the whole pass is linear in the text.
 */
#include "time/timex_internal.h"

#include <string.h>

#include "sitrep/sitrep.h"

const char *tx_norm(const tx_ctx *c, size_t i)
{
    return i < c->end ? c->t->tokens[i].norm : "";
}

static const tx_word *entry_of(const tx_ctx *c, size_t i, int kind)
{
    if (i >= c->end || i < c->first || !(c->masks[i] & TXM_KIND(kind)))
        return NULL;
    for (size_t k = 0; k < c->lexn[i]; k++)
        if (c->lex[i][k].kind == kind)
            return &c->lex[i][k];
    return NULL;
}

int tx_kind(const tx_ctx *c, size_t i, int kind, int *val)
{
    const tx_word *e = entry_of(c, i, kind);
    if (e && val)
        *val = e->val;
    return e != NULL;
}

int tx_word_flags(const tx_ctx *c, size_t i, int kind)
{
    const tx_word *e = entry_of(c, i, kind);
    return e ? e->flags : 0;
}

static uint32_t token_mask(const sr_token *tok, const tx_word *e, size_t n, int hyphen)
{
    uint32_t m = 0;
    for (size_t k = 0; k < n; k++) {
        m |= TXM_KIND(e[k].kind);
        if (e[k].kind == TXW_CUE)
            m |= TXM_CUE(e[k].val) | (e[k].flags & TXF_ANCHOR ? TXM_ANCHOR_CUE : 0);
    }
    const char *s = tok->norm;
    if (tok->flags & SR_TOK_NUMBER)
        m |= TXM_DIGITS;
    if (hyphen && (tok->flags & SR_TOK_WORD) && tok->len >= 4)
        m |= TXM_COMPOUND;
    if ((tok->len == 2 && (s[0] == 'Q' || s[0] == 'H') && s[1] >= '1' && s[1] <= '4') ||
        (tok->len >= 4 && s[0] == 'F' && s[1] == 'Y') || (tok->len >= 3 && s[0] == '\''))
        m |= TXM_SPECIAL;
    return m;
}

void tx_prepare(tx_ctx *c, sr_arena *arena)
{
    const sr_text *t = c->t;
    const tx_word **lex = sr_arena_alloc(arena, t->ntokens * sizeof *lex);
    uint8_t *lexn = sr_arena_alloc(arena, t->ntokens);
    uint32_t *masks = sr_arena_alloc(arena, t->ntokens * sizeof *masks);
    for (size_t i = 0; i < t->ntokens; i++) {
        const sr_token *tok = &t->tokens[i];
        lex[i] = NULL;
        lexn[i] = 0;
        /* every word of the table has a letter; numbers and punctuation
         * (a fifth of the tokens) need no look-up */
        if ((tok->flags & (SR_TOK_WORD | SR_TOK_NUMBER)) == SR_TOK_WORD && tok->len <= TX_WORD_MAX)
            lexn[i] = (uint8_t)tx_lookup_len(tok->norm, tok->len, &lex[i]);
        int hyphen = tok->len >= 4 && (tok->flags & SR_TOK_WORD) && memchr(tok->norm, '-', tok->len);
        masks[i] = token_mask(tok, lex[i], lexn[i], hyphen);
    }
    c->lex = lex;
    c->lexn = lexn;
    c->masks = masks;
    c->tense_marks = sr_arena_alloc(arena, t->ntokens);
    memset(c->tense_marks, TX_UNKNOWN, t->ntokens);
}

int tx_longest(const tx_ctx *c, size_t i, const tx_form *forms, size_t n, tx_match *m)
{
    tx_match cand;
    int found = 0;
    if (i >= c->end || i < c->first)
        return 0; /* "earlier" closing a sentence: nothing after it */
    uint32_t mask = c->masks[i];
    for (size_t k = 0; k < n; k++) {
        if (!(forms[k].starts & mask))
            continue;
        /* every form fills the whole match (tx_set) before it returns 1 */
        if (forms[k].fn(c, i, &cand) && cand.to > cand.from && (!found || cand.to > m->to)) {
            *m = cand;
            found = 1;
        }
    }
    return found;
}

/* Cues ("the", "last", "about") open an expression only with an anchor
 * a few tokens on ("the end of the year"); most cues have none, and this
 * keeps the matchers away from them. */
#define CUE_REACH 4

static int candidate(const tx_ctx *c, const uint32_t *next_anchor, size_t i)
{
    if (next_anchor[i] == i)
        return 1;
    return next_anchor[i] - i <= CUE_REACH && (c->masks[i] & TXM_KIND(TXW_CUE));
}

static int match_core(const tx_ctx *c, size_t i, tx_match *best)
{
    static const tx_form families[] = {
        {tx_match_absolute, ~0u},
        {tx_match_clock, TXM_DIGITS | TXM_CUE(TXC_OTHER)},
        {tx_match_relative, ~0u},
        {tx_match_ref, TXM_KIND(TXW_REF) | TXM_CUE(TXC_OTHER) | TXM_CUE(TXC_RELATIVE) |
                           TXM_CUE(TXC_THE)},
        {tx_match_duration, ~0u},
    };
    return tx_longest(c, i, families, sizeof families / sizeof families[0], best);
}

/* "the end of", "early", "earlier this", "about": words before an
 * expression that belong to its extent without changing its value (TIMEX3
 * would put them in a mod attribute). Returns the index after them, i
 * when there are none; *approx is set for quantity modifiers, which only
 * go with durations. */
static size_t modifier_prefix(const tx_ctx *c, size_t i, int *approx)
{
    static const char *const parts[] = {"END", "BEGINNING", "START", "MIDDLE", "CLOSE",
                                        "TURN", "REST", "REMAINDER", "DAWN"};
    static const char *const approx_words[] = {"ABOUT", "AROUND", "NEARLY", "ALMOST",
                                               "APPROXIMATELY", "ROUGHLY", "SOME", "OVER"};
    *approx = 0;
    if (!(c->masks[i] & (TXM_CUE(TXC_THE) | TXM_CUE(TXC_EDGE) | TXM_CUE(TXC_APPROX) |
                         TXM_CUE(TXC_OTHER))))
        return i;
    size_t j = i + tx_is(c, i, "THE");
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        if (tx_is(c, j, parts[k]) && tx_is(c, j + 1, "OF"))
            return j + 2;
    if (j > i) {
        /* the early 1990s, the late 1980s */
        if (tx_is(c, j, "EARLY") || tx_is(c, j, "LATE") || tx_is(c, j, "MID"))
            return j + 1;
        return i;
    }
    if (tx_is(c, i, "EARLY") || tx_is(c, i, "LATE") || tx_is(c, i, "EARLIER") ||
        tx_is(c, i, "LATER") || tx_is(c, i, "MID"))
        return i + 1 + tx_is(c, i + 1, "IN");
    for (size_t k = 0; k < sizeof approx_words / sizeof approx_words[0]; k++)
        if (tx_is(c, i, approx_words[k])) {
            *approx = 1;
            return i + 1;
        }
    if ((tx_is(c, i, "MORE") || tx_is(c, i, "LESS")) && tx_is(c, i + 1, "THAN")) {
        *approx = 1;
        return i + 2;
    }
    if ((tx_is(c, i, "AT") && tx_is(c, i + 1, "LEAST")) ||
        (tx_is(c, i, "UP") && tx_is(c, i + 1, "TO"))) {
        *approx = 1;
        return i + 2;
    }
    return i;
}

/* "the end of the year", "earlier in the day": the unit the document date
 * (or for a day, the last date stated) falls in. */
static int the_unit(const tx_ctx *c, size_t k, tx_match *m)
{
    int unit;
    if (!tx_is(c, k, "THE") || !tx_kind(c, k + 1, TXW_UNIT, &unit) ||
        (tx_word_flags(c, k + 1, TXW_UNIT) & TXF_PLURAL))
        return 0;
    if (unit == TXU_DAY && c->has_ref) {
        tx_set_day(c, m, k, k + 2, c->ref_days);
        return 1;
    }
    if (unit < TXU_DAY || unit == TXU_NIGHT || unit == TXU_FORTNIGHT)
        return 0;
    tx_set_unit_date(c, m, k, k + 2, unit, 0);
    return 1;
}

/* What "early", "the end of" may go with: a date or time, and "today"
 * even when no document date turned it into one. */
static int is_calendar_value(const tx_match *m)
{
    return (m->type == SR_TIMEX_DATE || m->type == SR_TIMEX_TIME) &&
           ((m->value[0] != 'P' && strcmp(m->value, "FUTURE_REF") != 0) ||
            strcmp(m->value, "PRESENT_REF") == 0);
}

static int match_at(const tx_ctx *c, size_t i, tx_match *m)
{
    int approx;
    size_t k = modifier_prefix(c, i, &approx);
    if (k > i) {
        if (!approx && (the_unit(c, k, m) || (match_core(c, k, m) && is_calendar_value(m)))) {
            m->from = i;
            return 1;
        }
        if (approx && match_core(c, k, m)) {
            if (m->type == SR_TIMEX_DURATION)
                m->from = i;
            return 1;
        }
    }
    return match_core(c, i, m);
}

int sr_timex_find(const sr_text *t, const char *doc_date, sr_arena *arena, sr_timex **out,
                  size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!t || !arena)
        return SR_EINVAL;
    if (t->ntokens == 0)
        return 0;
    tx_ctx c;
    memset(&c, 0, sizeof c);
    c.t = t;
    if (doc_date && tx_parse_ymd(doc_date, &c.dct)) {
        c.has_dct = 1;
        c.dct_days = tx_days(c.dct.y, c.dct.m, c.dct.d);
    }
    tx_prepare(&c, arena);
    /* next_anchor[i]: the first anchor token at or after i */
    uint32_t *next_anchor = sr_arena_alloc(arena, (t->ntokens + 1) * sizeof *next_anchor);
    next_anchor[t->ntokens] = UINT32_MAX;
    for (size_t i = t->ntokens; i-- > 0;)
        next_anchor[i] = c.masks[i] & TXM_ANCHOR ? (uint32_t)i : next_anchor[i + 1];

    size_t cap = 0, count = 0;
    sr_timex *res = NULL;
    for (size_t s = 0; s < t->nsentences; s++) {
        c.first = t->sentences[s].first;
        c.end = c.first + t->sentences[s].ntokens;
        c.ref_in_sentence = 0;
        for (size_t i = c.first; i < c.end; i++) {
            if (!candidate(&c, next_anchor, i))
                continue;
            tx_match m;
            if (!match_at(&c, i, &m))
                continue;
            if (count == cap) {
                size_t ncap = cap ? cap * 2 : 16;
                sr_timex *grown = sr_arena_alloc(arena, ncap * sizeof *grown);
                if (count)
                    memcpy(grown, res, count * sizeof *grown);
                res = grown;
                cap = ncap;
            }
            sr_timex *x = &res[count++];
            x->start = t->tokens[m.from].start;
            x->end = t->tokens[m.to - 1].end;
            x->sentence = (uint32_t)s;
            x->type = m.type;
            x->value = sr_arena_strdup(arena, m.value);
            x->precision = m.precision;
            if (m.sets_ref) {
                c.has_ref = 1;
                c.ref_in_sentence = 1;
                c.ref_days = m.ref_days;
            }
            int y;
            size_t vlen = strlen(m.value);
            if ((vlen == 4 || (vlen > 4 && m.value[4] == '-')) && tx_digits(m.value, 4, &y))
                c.ref_year = y;
            i = m.to - 1;
        }
    }
    *out = res;
    *n = count;
    return 0;
}

int sr_timex_is_calendar(const sr_timex *x)
{
    return (x->type == SR_TIMEX_DATE || x->type == SR_TIMEX_TIME) && x->precision && x->value &&
           x->value[0] >= '0' && x->value[0] <= '9';
}
