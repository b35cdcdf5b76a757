/*
 * Past or future: which way "on Monday" or "in October" points from the
 * document date. News is told in the past, so past is the default; the
 * nearest tense marker in the clause around the expression decides
 * otherwise ("will meet on Monday", "is scheduled for October").
 */
#include "time/timex_internal.h"

#include <string.h>

#define WINDOW 10

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(w, list[k]) == 0)
            return 1;
    return 0;
}

/* +1 future marker, -1 past marker, 0 neither; *stop for clause ends. */
static int marker(const tx_ctx *c, size_t i, int *stop)
{
    static const char *const future[] = {
        "WILL", "'LL", "SHALL", "WO", "GONNA", "SCHEDULED", "EXPECTED", "PLANS", "PLAN",
        "PLANNED", "PLANNING", "DUE", "UPCOMING", "TOMORROW", "INTENDS", "AIMS", "PLEDGED",
        "VOWED", "PROMISED", "THREATENED", "SET", "POSTPONED", "DELAYED", "NEXT", "COMING",
        "FORTHCOMING", "ANTICIPATED", "FORECAST"};
    static const char *const past[] = {
        "SAID", "WAS", "WERE", "HAD", "DID", "YESTERDAY", "AGO", "MET", "HELD", "LEFT",
        "WENT", "CAME", "SAW", "TOOK", "GAVE", "BEGAN", "FELL", "ROSE", "WON", "LOST",
        "STRUCK", "FOUGHT", "FLED", "BROKE", "SPOKE", "SENT", "BROUGHT", "FOUND", "SOLD",
        "BOUGHT", "LED", "TOLD", "MADE", "KEPT", "SHOT", "THREW", "WROTE", "DREW", "CAUGHT",
        "BLEW", "SPENT", "PAID", "STOOD", "RAN", "BECAME", "GREW", "KNEW", "THOUGHT", "FELT",
        "HEARD", "MEANT", "SOUGHT", "SANK", "SWORE", "TORE", "DROVE", "FLEW", "WITHDREW",
        "OVERTOOK", "UNDERWENT", "BEEN", "LAST"};
    const sr_token *tok = &c->t->tokens[i];
    const char *w = tok->norm;
    *stop = 0;
    if (tok->flags & SR_TOK_PUNCT) {
        *stop = strcmp(w, ";") == 0 || strcmp(w, ".") == 0 || strcmp(w, "?") == 0 ||
                strcmp(w, "!") == 0;
        return 0;
    }
    if (!(tok->flags & SR_TOK_WORD))
        return 0;
    if (in_list(w, future, sizeof future / sizeof future[0])) {
        /* "set to", "due to" + verb; bare "set" or "due" say nothing */
        if ((strcmp(w, "SET") == 0 || strcmp(w, "DUE") == 0) && !tx_is(c, i + 1, "TO") &&
            !tx_is(c, i + 1, "FOR"))
            return 0;
        return 1;
    }
    if (tx_is(c, i, "GOING") && tx_is(c, i + 1, "TO"))
        return 1;
    if (in_list(w, past, sizeof past / sizeof past[0]))
        return -1;
    /* a regular past form; capitalized words are more often names */
    if (tok->len > 3 && !(tok->flags & SR_TOK_CAP) && w[tok->len - 2] == 'E' &&
        w[tok->len - 1] == 'D')
        return -1;
    return 0;
}

int tx_tense(const tx_ctx *c, size_t i)
{
    int back_stop = 0, fwd_stop = 0;
    for (size_t d = 1; d <= WINDOW; d++) {
        if (!back_stop && i >= c->first + d) {
            int stop, v = marker(c, i - d, &stop);
            if (v)
                return v;
            back_stop = stop;
        }
        if (!fwd_stop && i + d < c->end) {
            int stop, v = marker(c, i + d, &stop);
            if (v)
                return v;
            fwd_stop = stop;
        }
    }
    return -1;
}
