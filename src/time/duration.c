/*
 * Durations ("33 years" P33Y, "six hours" PT6H, "several weeks" PXW,
 * "12-year" P12Y, "for years" PXY) and sets ("every year" P1Y, "weekly"
 * P1W, "twice a month" P1M, "on Mondays").
 */
#include "time/timex_internal.h"

#include <stdio.h>
#include <string.h>

static void set_duration(tx_match *m, size_t from, size_t to, double n, int fuzzy, int unit,
                         sr_timex_type type)
{
    char v[24];
    tx_duration_value(v, sizeof v, n, fuzzy, unit);
    tx_set(m, from, to, type, NULL, v);
}

/* Words that may stand between a count and its unit: "five trading days",
 * "six straight days", "two consecutive quarters". */
static size_t unit_adjective(const tx_ctx *c, size_t i)
{
    static const char *const adj[] = {"TRADING", "BUSINESS", "WORKING", "CONSECUTIVE",
                                      "STRAIGHT", "FULL", "LONG", "SHORT", "CALENDAR",
                                      "SUCCESSIVE", "MORE", "ADDITIONAL", "EXTRA", "FURTHER",
                                      "SCHOOL", "FISCAL", "FINANCIAL"};
    for (size_t k = 0; k < sizeof adj / sizeof adj[0]; k++)
        if (tx_is(c, i, adj[k]))
            return 1;
    return 0;
}

/* A money amount, a frequency ("twice", "three times") or a number just
 * before "a day", "a year": a rate, so a set. */
static int rate_before(const tx_ctx *c, size_t i)
{
    if (i <= c->first)
        return 0;
    const sr_token *p = &c->t->tokens[i - 1];
    if (tx_is(c, i - 1, "ONCE") || tx_is(c, i - 1, "TWICE") || tx_is(c, i - 1, "TIMES") ||
        tx_is(c, i - 1, "MILLION") || tx_is(c, i - 1, "BILLION") ||
        tx_is(c, i - 1, "THOUSAND") || tx_is(c, i - 1, "HUNDRED"))
        return 1;
    if (p->flags & SR_TOK_NUMBER)
        return 1;
    /* "$5m a year", "500 tonnes a day": a noun of measure after a number */
    return i >= c->first + 2 && (c->t->tokens[i - 2].flags & SR_TOK_NUMBER) &&
           (p->flags & SR_TOK_WORD);
}

/* [count] [adjective] unit: 33 years, a few days, several weeks, a year */
static int counted(const tx_ctx *c, size_t i, tx_match *m)
{
    tx_count n;
    int unit;
    if (!tx_parse_count(c, i, &n))
        return 0;
    size_t k = n.next;
    if (unit_adjective(c, k))
        k++;
    if (!tx_kind(c, k, TXW_UNIT, &unit))
        return 0;
    int plural = (tx_word_flags(c, k, TXW_UNIT) & TXF_PLURAL) != 0;
    /* "a quarter of a million", "about a quarter of the fighters": a
     * single quarter is a fraction far more often than three months */
    if (unit == TXU_QUARTER && (tx_is(c, k + 1, "OF") || (!plural && n.value <= 1)))
        return 0;
    const sr_token *tok = &c->t->tokens[i];
    /* "2 second" is no English, but "a second attack" is an ordinal */
    if (unit == TXU_SECOND && (n.article || tx_is(c, i, "ONE")) && !plural &&
        k + 1 < c->end && (c->t->tokens[k + 1].flags & SR_TOK_WORD))
        return 0;
    /* a four-digit year before a unit ("2008 year") is not a count */
    if ((tok->flags & SR_TOK_NUMBER) && n.value >= 1000 && !plural)
        return 0;
    /* "one day" opening a story is a vague past, not a duration */
    if (n.article && !plural && (unit == TXU_DAY || unit == TXU_YEAR || unit == TXU_WEEK ||
                                 unit == TXU_MONTH || unit == TXU_HOUR) &&
        rate_before(c, i)) {
        set_duration(m, i, k + 1, 1, 0, unit, SR_TIMEX_SET);
        return 1;
    }
    size_t end = k + 1;
    /* "33 years old" is an age, a duration all the same */
    if (tx_is(c, end, "OLD"))
        end++;
    set_duration(m, i, end, n.value, n.fuzzy, unit, SR_TIMEX_DURATION);
    return 1;
}

/* for years, within days, over the years, in decades */
static int bare_plural(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i + tx_is(c, i, "THE");
    int unit;
    if (!tx_kind(c, j, TXW_UNIT, &unit) || !(tx_word_flags(c, j, TXW_UNIT) & TXF_PLURAL))
        return 0;
    if (i <= c->first)
        return 0;
    int ok;
    if (j > i)
        ok = tx_is(c, i - 1, "OVER") || tx_is(c, i - 1, "THROUGH");
    else
        ok = tx_is(c, i - 1, "FOR") || tx_is(c, i - 1, "WITHIN") || tx_is(c, i - 1, "IN") ||
             tx_is(c, i - 1, "AFTER") || tx_is(c, i - 1, "TOOK") || tx_is(c, i - 1, "LAST") ||
             tx_is(c, i - 1, "LASTED") || tx_is(c, i - 1, "SPENT");
    if (!ok || unit == TXU_QUARTER || unit == TXU_SECOND)
        return 0;
    /* "in years" needs a superlative or "first" before, else "in days to come" */
    if (j == i && tx_is(c, i - 1, "IN") && tx_is(c, i + 1, "TO"))
        return 0;
    set_duration(m, i, j + 1, 0, 1, unit, SR_TIMEX_DURATION);
    return 1;
}

/* the past/last/next N units */
static int stretch(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i + tx_is(c, i, "THE");
    if (!(tx_is(c, j, "PAST") || tx_is(c, j, "LAST") || tx_is(c, j, "NEXT") ||
          tx_is(c, j, "COMING") || tx_is(c, j, "PREVIOUS") || tx_is(c, j, "FIRST") ||
          tx_is(c, j, "FOLLOWING")))
        return 0;
    tx_count n;
    size_t k;
    if (tx_parse_count(c, j + 1, &n)) {
        if (n.article)
            return 0;
        k = n.next;
    } else if (tx_is(c, j + 1, "FEW")) {
        n.fuzzy = 1;
        n.value = 0;
        k = j + 2;
    } else {
        return 0;
    }
    if (unit_adjective(c, k))
        k++;
    int unit;
    if (!tx_kind(c, k, TXW_UNIT, &unit))
        return 0;
    set_duration(m, i, k + 1, n.value, n.fuzzy, unit, SR_TIMEX_DURATION);
    return 1;
}

/* two-day, 12-year, 24-hour, single-day, year-long, decades-long, multi-year,
 * three-year-old, half-hour */
static int compound(const tx_ctx *c, size_t i, tx_match *m)
{
    const sr_token *tok = &c->t->tokens[i];
    if (tok->len < 5 || tok->len > 40 || !memchr(tok->norm, '-', tok->len))
        return 0;
    char buf[48];
    memcpy(buf, tok->norm, tok->len);
    buf[tok->len] = '\0';
    char *part[4];
    int np = 0;
    for (char *s = buf; np < 4;) {
        part[np++] = s;
        char *d = strchr(s, '-');
        if (!d)
            break;
        *d = '\0';
        s = d + 1;
    }
    double n = 1;
    int fuzzy = 0, v, unit;
    const tx_word *e;
    int first_unit = 0;
    size_t ne = tx_lookup(part[0], &e);
    for (size_t q = 0; q < ne; q++)
        if (e[q].kind == TXW_UNIT)
            first_unit = 1;
    int u = 1;
    if (first_unit) {
        /* year-long, decades-long */
        if (np != 2 || strcmp(part[1], "LONG") != 0)
            return 0;
        u = 0;
    } else if (tx_digits(part[0], strlen(part[0]), &v) && v > 0 && v < 1000) {
        n = v;
    } else if (tx_number_word(part[0], strlen(part[0]), &v) && v > 0) {
        n = v;
        /* twenty-five-year: the tokenizer keeps it whole */
        if (np >= 3) {
            int units;
            char two[40];
            snprintf(two, sizeof two, "%s-%s", part[0], part[1]);
            if (tx_number_word(two, strlen(two), &units)) {
                n = units;
                u = 2;
            }
        }
    } else if (strcmp(part[0], "SINGLE") == 0 || strcmp(part[0], "ONE") == 0) {
        n = 1;
    } else if (strcmp(part[0], "HALF") == 0) {
        n = 0.5;
    } else if (strcmp(part[0], "MULTI") == 0 || strcmp(part[0], "MANY") == 0) {
        fuzzy = 1;
    } else {
        return 0;
    }
    if (u >= np)
        return 0;
    ne = tx_lookup(part[u], &e);
    int found = 0, flags = 0;
    for (size_t q = 0; q < ne; q++)
        if (e[q].kind == TXW_UNIT) {
            unit = e[q].val;
            flags = e[q].flags;
            found = 1;
        }
    if (!found)
        return 0;
    if (first_unit && (flags & TXF_PLURAL))
        fuzzy = 1;
    /* what may follow: -long, -old; nothing else ("two-day-old" fine,
     * "24-hour-a-day" not) */
    for (int k = u + 1; k < np; k++)
        if (strcmp(part[k], "LONG") != 0 && strcmp(part[k], "OLD") != 0)
            return 0;
    if (unit == TXU_HOUR && n == 0.5) {
        n = 30;
        unit = TXU_MINUTE;
    }
    set_duration(m, i, i + 1, n, fuzzy, unit, SR_TIMEX_DURATION);
    return 1;
}

/* every year, each week, every other day, every Monday, per year, daily */
static int set_expr(const tx_ctx *c, size_t i, tx_match *m)
{
    int unit, wd;
    if (tx_kind(c, i, TXW_SETWORD, &unit)) {
        /* The Daily Telegraph, Weekly Standard: names */
        if (tx_cap(c, i) && i > c->first && !(c->t->tokens[i - 1].flags & SR_TOK_PUNCT))
            return 0;
        set_duration(m, i, i + 1, 1, 0, unit == TXU_NIGHT ? TXU_DAY : unit, SR_TIMEX_SET);
        return 1;
    }
    if (tx_is(c, i, "PER") && tx_kind(c, i + 1, TXW_UNIT, &unit) &&
        !(tx_word_flags(c, i + 1, TXW_UNIT) & TXF_PLURAL)) {
        set_duration(m, i, i + 2, 1, 0, unit, SR_TIMEX_SET);
        return 1;
    }
    if (!tx_is(c, i, "EVERY") && !tx_is(c, i, "EACH"))
        return 0;
    size_t j = i + 1;
    double n = 1;
    tx_count cnt;
    if (tx_is(c, j, "OTHER")) {
        n = 2;
        j++;
    } else if (tx_parse_count(c, j, &cnt) && !cnt.fuzzy && !cnt.article) {
        n = cnt.value;
        j = cnt.next;
    }
    if (tx_kind(c, j, TXW_WEEKDAY, &wd) && tx_cap(c, j)) {
        char v[32];
        snprintf(v, sizeof v, "XXXX-WXX-%d", wd + 1);
        tx_set(m, i, j + 1, SR_TIMEX_SET, NULL, v);
        return 1;
    }
    int part;
    if (tx_kind(c, j, TXW_PART, &part) && !tx_is(c, j, "OVERNIGHT")) {
        char v[32];
        snprintf(v, sizeof v, "XXXX-XX-XXT%s", tx_part_codes[part]);
        tx_set(m, i, j + 1, SR_TIMEX_SET, NULL, v);
        return 1;
    }
    if (!tx_kind(c, j, TXW_UNIT, &unit))
        return 0;
    set_duration(m, i, j + 1, n, 0, unit, SR_TIMEX_SET);
    return 1;
}

int tx_match_duration(const tx_ctx *c, size_t i, tx_match *m)
{
    static const tx_form forms[] = {
        {counted, TXM_DIGITS | TXM_KIND(TXW_NUMBER) | TXM_KIND(TXW_FUZZY) |
                      TXM_CUE(TXC_ARTICLE) | TXM_COMPOUND},
        {bare_plural, TXM_KIND(TXW_UNIT) | TXM_CUE(TXC_THE)},
        {stretch, TXM_CUE(TXC_THE) | TXM_CUE(TXC_RELATIVE)},
        {compound, TXM_COMPOUND},
        {set_expr, TXM_KIND(TXW_SETWORD) | TXM_CUE(TXC_EVERY)},
    };
    return tx_longest(c, i, forms, sizeof forms / sizeof forms[0], m);
}
