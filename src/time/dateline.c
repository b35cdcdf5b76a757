/*
 * sr_dateline_date: the date a wire story or web page prints at its top
 * ("BEIRUT, Sept 14, 2018 (AFP) -", "Wed 05 Apr 2017 10.00 BST",
 * "Published: 14/09/2018"). Only a complete date counts, with its year
 * written; a day/month order is accepted only when it cannot be misread.
 */
#include "time/timex_internal.h"

#include <string.h>

#include "sitrep/sitrep.h"

#define DATELINE_SPAN 300

/* A date after "on", "since", "by" is part of a sentence, not a dateline. */
static int sentence_date(const tx_ctx *c, size_t i)
{
    static const char *const preps[] = {"ON", "SINCE", "UNTIL", "TILL", "BY", "FROM", "BEFORE",
                                        "AFTER", "IN", "OF", "TO", "THROUGH", "DURING",
                                        "BETWEEN", "AND", "OR", "THAN", "LAST", "NEXT"};
    if (i == 0)
        return 0;
    const char *p = c->t->tokens[i - 1].norm;
    for (size_t k = 0; k < sizeof preps / sizeof preps[0]; k++)
        if (strcmp(p, preps[k]) == 0) {
            /* "Published on 14 September 2018" */
            if (strcmp(p, "ON") == 0 && i >= 2 &&
                (tx_is(c, i - 2, "PUBLISHED") || tx_is(c, i - 2, "UPDATED") ||
                 tx_is(c, i - 2, "POSTED") || tx_is(c, i - 2, "DATED")))
                return 0;
            return 1;
        }
    return 0;
}

static int complete_date(const char *v)
{
    if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
        return 0;
    for (int k = 0; k < 10; k++)
        if (k != 4 && k != 7 && (v[k] < '0' || v[k] > '9'))
            return 0;
    return 1;
}

int sr_dateline_date(const char *text, size_t len, char out[11])
{
    if (!text || !len)
        return 0;
    /* a little past the span, cut at a space, so the last date is whole */
    size_t n = len < DATELINE_SPAN + 40 ? len : DATELINE_SPAN + 40;
    while (n < len && n > DATELINE_SPAN && text[n] != ' ' && text[n] != '\n')
        n--;
    sr_arena *arena = sr_arena_new(16384);
    if (!arena)
        return 0;
    sr_text *t = sr_text_analyze(arena, text, n);
    int found = 0;
    if (t && t->ntokens) {
        /* one context over every token: a dateline may straddle what the
         * segmenter takes for a sentence break */
        tx_ctx c;
        memset(&c, 0, sizeof c);
        c.t = t;
        tx_prepare(&c, arena);
        c.first = 0;
        c.end = t->ntokens;
        for (size_t i = 0; i < t->ntokens && t->tokens[i].start < DATELINE_SPAN; i++) {
            const sr_token *tok = &t->tokens[i];
            int month_or_day = tx_kind(&c, i, TXW_MONTH, NULL) ||
                               tx_kind(&c, i, TXW_WEEKDAY, NULL) ||
                               (tok->flags & SR_TOK_NUMBER);
            if (!month_or_day)
                continue;
            tx_match m;
            memset(&m, 0, sizeof m);
            if (!tx_match_absolute(&c, i, &m) || !complete_date(m.value)) {
                continue;
            }
            if (sentence_date(&c, m.from))
                continue;
            memcpy(out, m.value, 11);
            found = 1;
            break;
        }
    }
    sr_arena_free(arena);
    return found;
}
