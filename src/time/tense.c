/*
 * Past or future: which way "on Monday" or "in October" points from the
 * document date. The nearest tense marker in the clause around the
 * expression decides ("will meet on Monday", "is scheduled for October",
 * "said on Monday"); with none the caller picks its own default.
 */
#include "time/timex_internal.h"

#define WINDOW 10

/* +1 future marker, -1 past marker, 0 neither; *stop for clause ends.
 * The marker words are TXW_TENSE entries of the word table. */
static int marker(const tx_ctx *c, size_t i, int *stop)
{
    const sr_token *tok = &c->t->tokens[i];
    const char *w = tok->norm;
    *stop = 0;
    if (tok->flags & SR_TOK_PUNCT) {
        *stop = (w[0] == ';' || w[0] == '.' || w[0] == '?' || w[0] == '!') && w[1] == '\0';
        return 0;
    }
    if (!(tok->flags & SR_TOK_WORD))
        return 0;
    int after_be = i > c->first && tx_kind(c, i - 1, TXW_BE, NULL);
    int v;
    if (tx_kind(c, i, TXW_TENSE, &v)) {
        /* "set to", "due to" + verb; bare "set" or "due" say nothing */
        if ((tx_word_flags(c, i, TXW_TENSE) & TXF_RISKY) && !tx_is(c, i + 1, "TO") &&
            !tx_is(c, i + 1, "FOR"))
            return 0;
        if (v > 0)
            return 1;
        /* "has been scheduled": the participle tells */
        if (tx_is(c, i, "BEEN") && tx_kind(c, i + 1, TXW_TENSE, &v) && v > 0)
            return 1;
        /* "to be held": a passive says nothing of time */
        return after_be ? 0 : -1;
    }
    if ((tx_is(c, i, "GOING") && tx_is(c, i + 1, "TO")) ||
        (tx_is(c, i, "TO") && tx_is(c, i + 1, "BE")))
        return 1;
    /* the modal "may", not the month */
    if (tx_is(c, i, "MAY") && !(tok->flags & SR_TOK_CAP))
        return 1;
    /* a regular past form; capitalized words are more often names, and
     * after "be", "is", "are" it is a passive that says nothing of time */
    if (tok->len > 3 && !(tok->flags & SR_TOK_CAP) && w[tok->len - 2] == 'E' &&
        w[tok->len - 1] == 'D')
        return after_be ? 0 : -1;
    return 0;
}

/* marker() through the per-token cache: 2 stands for a clause end */
static int cached_marker(const tx_ctx *c, size_t i, int *stop)
{
    int8_t *slot = c->tense_marks ? &c->tense_marks[i] : NULL;
    if (!slot || *slot == TX_UNKNOWN) {
        int v = marker(c, i, stop);
        if (!slot)
            return v;
        *slot = (int8_t)(*stop ? 2 : v);
    }
    *stop = *slot == 2;
    return *slot == 2 ? 0 : *slot;
}

int tx_tense(const tx_ctx *c, size_t i)
{
    int back_stop = 0, fwd_stop = 0;
    for (size_t d = 1; d <= WINDOW; d++) {
        if (!back_stop && i >= c->first + d) {
            int stop, v = cached_marker(c, i - d, &stop);
            if (v)
                return v;
            back_stop = stop;
        }
        if (!fwd_stop && i + d < c->end) {
            int stop, v = cached_marker(c, i + d, &stop);
            if (v)
                return v;
            fwd_stop = stop;
        }
    }
    return 0;
}
