/*
 * Numbers that are not counts of anything: years ("in 2013"), dates
 * ("August 3", "05 Apr 2017"), times ("1045 GMT"), ages ("aged 51"),
 * money ("$50 million", "20 dollars"), durations ("four years"), measures
 * ("20 km") and numbers that are part of a name ("Resolution 2254",
 * "Route 5"). Ordinals, decades and hyphenated ages ("12th", "1980s",
 * "51-year-old") never parse as numbers in the first place.
 */
#include <string.h>

#include "figures/figures_internal.h"

static int is_month(const fig_sent *s, uint32_t i)
{
    if (!(fig_flags(s, i) & FW_MONTH))
        return 0;
    /* "may" and "march" are words too: only capitalized ones are months */
    if (fig_is(s, i, "MAY") || fig_is(s, i, "MARCH"))
        return (s->tk[i].flags & SR_TOK_CAP) != 0;
    return 1;
}

static int currency_symbol(const char *norm)
{
    static const char *const symbols[] = {"$", "€", "£", "US$", "USD", "EUR", "GBP", "SYP",
                                          "TL", "¥"};
    for (size_t k = 0; k < sizeof symbols / sizeof symbols[0]; k++)
        if (sr_streq(norm, symbols[k]))
            return 1;
    return 0;
}

/* The counted word after a number, past "of" and a determiner ("dozens of
 * the years" is rare; "dozens of years" is not). */
static uint32_t next_word(const fig_sent *s, uint32_t j)
{
    if (fig_is(s, j, "OF")) {
        j++;
        if (fig_flags(s, j) & FW_DET)
            j++;
    }
    /* one adjective: "four long years", "two full days" */
    if (j + 1 < s->n && !(fig_flags(s, j) & (FW_TIME_UNIT | FW_MEASURE | FW_MONEY | FW_NOUN)) &&
        (fig_flags(s, j + 1) & (FW_TIME_UNIT | FW_MEASURE)) && (s->tk[j].flags & SR_TOK_WORD) &&
        !(fig_flags(s, j) & (FW_PREP | FW_CONJ | FW_AUX | FW_MODAL | FW_REL)))
        j++;
    return j;
}

int fig_not_a_count(const fig_sent *s, const fig_number *num, uint32_t qual_first)
{
    uint32_t a = num->first, b = num->last;
    uint32_t after = next_word(s, b);

    /* money: "$50", "50 dollars", "US$ 2 million" */
    if (a > 0 && currency_symbol(s->tk[a - 1].norm))
        return 1;
    if (qual_first > 0 && currency_symbol(s->tk[qual_first - 1].norm))
        return 1;
    if (fig_flags(s, b) & FW_MONEY)
        return 1;

    /* durations, ages, measures, clock times */
    if (fig_flags(s, after) & (FW_TIME_UNIT | FW_MEASURE))
        return 1;
    if (num->flags & FN_PERCENT)
        return 0;
    if (a > 0 && (fig_flags(s, a - 1) & FW_NAME_HEAD))
        return 1;

    /* dates: "August 3", "3 August", "Sun 10 Jul 2016", "3rd of March" */
    if (a > 0 && (is_month(s, a - 1) || (fig_flags(s, a - 1) & FW_WEEKDAY)))
        return 1;
    if (is_month(s, b) || (fig_is(s, b, "OF") && is_month(s, b + 1)))
        return 1;
    if (a > 0 && fig_is(s, a - 1, ",") && a > 1 && is_month(s, a - 2))
        return 1; /* "August 3, 2016" */

    /* years: four digits 1900-2100 with nothing counted after them and no
     * qualifier before them ("in 2013", "since 2011"; not "2000 people",
     * "more than 2000") */
    if (num->flags & FN_YEARLIKE) {
        if (num->flags & FN_RANGE)
            return 1; /* 2011-2015 */
        int counted = (fig_flags(s, b) & FW_NOUN) != 0;
        if (!counted && b < s->n && (s->tk[b].flags & SR_TOK_WORD) &&
            !(s->tk[b].flags & SR_TOK_CAP) && !s->w[b])
            counted = 1; /* a word the table does not know: "2000 rebels" */
        if (qual_first == a && !counted)
            return 1;
        if (a > 0 && (fig_is(s, a - 1, "IN") || fig_is(s, a - 1, "SINCE") ||
                      fig_is(s, a - 1, "UNTIL") || fig_is(s, a - 1, "BY") ||
                      fig_is(s, a - 1, "FROM") || fig_is(s, a - 1, "OF") ||
                      fig_is(s, a - 1, "SUMMER") || fig_is(s, a - 1, "SPRING") ||
                      fig_is(s, a - 1, "AUTUMN") || fig_is(s, a - 1, "WINTER") ||
                      fig_is(s, a - 1, "LATE") || fig_is(s, a - 1, "EARLY") ||
                      fig_is(s, a - 1, "MID")))
            return 1;
    }

    /* phone numbers and identifiers: "+963 ...", "#5" */
    if (a > 0 && (fig_is(s, a - 1, "+") || fig_is(s, a - 1, "#")))
        return 1;
    /* an age in brackets after a name: "Ahmed (25)" */
    if (a > 0 && b < s->n && fig_is(s, a - 1, "(") && fig_is(s, b, ")") && a > 1 &&
        (s->tk[a - 2].flags & SR_TOK_CAP) && !(num->flags & FN_WORD))
        return 1;
    return 0;
}
