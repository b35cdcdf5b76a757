/*
 * Calendar expressions: dates ("3 September 2018", "Sept. 3", "Monday,
 * Sept 3rd", "2018-09-03", "14/09/2018"), months ("August 2016", "in
 * August"), years, decades ("the 1990s"), centuries, seasons, quarters and
 * halves, fiscal years and fixed holidays. A part left out ("Sept. 3"
 * without a year) is supplied from the document date in the direction the
 * clause's tense points.
 */
#include "time/timex_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int in_list(const char *w, const char *const *list, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(w, list[k]) == 0)
            return 1;
    return 0;
}

/* Words after which a bare month, season or year is very likely a date. */
static int date_cue(const tx_ctx *c, size_t i)
{
    static const char *const cues[] = {
        "IN", "ON", "SINCE", "UNTIL", "TILL", "BY", "FROM", "TO", "THROUGH", "THROUGHOUT",
        "DURING", "BEFORE", "AFTER", "OF", "AROUND", "BETWEEN", "AND", "OR", "EARLY", "LATE",
        "MID", "LAST", "NEXT", "THIS", "THAT", "EVERY", "EACH", "FOR", "AS", "AT", "INTO",
        "WITHIN", "AMID", "OVER", "BEGINNING", "STARTING", "ENDING", "PAST", "COMING",
        "PREVIOUS", "CIRCA", "C.", "-", "(", ","};
    if (i < c->first || i >= c->end)
        return 0;
    return in_list(c->t->tokens[i].norm, cues, sizeof cues / sizeof cues[0]);
}

static int sentence_initial(const tx_ctx *c, size_t i)
{
    if (i == c->first)
        return 1;
    const sr_token *prev = &c->t->tokens[i - 1];
    return (prev->flags & (SR_TOK_QUOTE | SR_TOK_OPEN)) != 0 || strcmp(prev->norm, ":") == 0 ||
           strcmp(prev->norm, "-") == 0;
}

/* A capitalized word just before (not opening the sentence, not a cue):
 * "Windows 2000", "Black Monday", "Arab Spring", "Vision 2030". */
static int name_before(const tx_ctx *c, size_t i)
{
    if (i <= c->first)
        return 0;
    size_t p = i - 1;
    const sr_token *prev = &c->t->tokens[p];
    if (!(prev->flags & SR_TOK_CAP) || sentence_initial(c, p) || date_cue(c, p))
        return 0;
    return !tx_kind(c, p, TXW_MONTH, NULL) && !tx_kind(c, p, TXW_WEEKDAY, NULL) &&
           !tx_kind(c, p, TXW_SEASON, NULL) && !tx_kind(c, p, TXW_CUE, NULL);
}

/* Month names are capitalized: "5 may be" is no date. */
static int month_at(const tx_ctx *c, size_t i, int *month)
{
    return tx_cap(c, i) && tx_kind(c, i, TXW_MONTH, month);
}

/* "Sept" "." when the tokenizer split the period off */
static size_t skip_period(const tx_ctx *c, size_t i)
{
    return tx_is(c, i, ".") && i > c->first &&
                   c->t->tokens[i].start == c->t->tokens[i - 1].end
               ? i + 1
               : i;
}

static void set_ymd(const tx_ctx *c, tx_match *m, size_t from, size_t to, int y, int mo, int d)
{
    if (y > 0 && tx_valid(y, mo, d)) {
        tx_set_day(c, m, from, to, tx_days(y, mo, d));
        return;
    }
    char v[32];
    snprintf(v, sizeof v, "XXXX-%02d-%02d", mo, d);
    tx_set(m, from, to, SR_TIMEX_DATE, "day", v);
}

/* A month and day without a year: the year from the document date. */
static void set_month_day(const tx_ctx *c, tx_match *m, size_t from, size_t to, int mo, int d)
{
    int y = 0;
    if (c->has_dct)
        tx_resolve_month_day(c, mo, d, tx_tense(c, from), &y);
    set_ymd(c, m, from, to, y, mo, d);
}

/* [Weekday [,]] Month Day [,] [Year] | [Weekday [,]] [the] Day [of] Month [,] [Year] */
static int full_date(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i;
    int wd, mo, d, y;
    if (tx_kind(c, j, TXW_WEEKDAY, &wd) && !(tx_word_flags(c, j, TXW_WEEKDAY) & TXF_PLURAL)) {
        j = skip_period(c, j + 1);
        j += tx_is(c, j, ",");
    }
    size_t k;
    if (month_at(c, j, &mo)) {
        k = skip_period(c, j + 1);
        if (!tx_day_token(c, k, &d))
            return 0;
        /* "May 5" but not "in May 2008 3 people..." (a year is not a day) */
        k++;
    } else {
        k = j + tx_is(c, j, "THE");
        if (!tx_day_token(c, k, &d))
            return 0;
        k++;
        k += tx_is(c, k, "OF");
        if (!month_at(c, k, &mo))
            return 0;
        k = skip_period(c, k + 1);
    }
    if (d > tx_days_in_month(2000, mo))
        return 0;
    size_t end = k;
    if (tx_is(c, k, ",") && tx_year_token(c, k + 1, &y))
        end = k + 2;
    else if (tx_year_token(c, k, &y))
        end = k + 1;
    else
        y = 0;
    if (y) {
        if (!tx_valid(y, mo, d))
            return 0;
        set_ymd(c, m, i, end, y, mo, d);
    } else {
        set_month_day(c, m, i, end, mo, d);
    }
    return 1;
}

static size_t of_year(const tx_ctx *c, size_t k, int *year, int *known);

/* Month [,|of] Year, Month of next year */
static int month_year(const tx_ctx *c, size_t i, tx_match *m)
{
    int mo, y, known = 1;
    if (!month_at(c, i, &mo))
        return 0;
    size_t k = skip_period(c, i + 1), used;
    if (tx_is(c, k, ",") && tx_year_token(c, k + 1, &y))
        used = 2;
    else if (!(used = of_year(c, k, &y, &known)))
        return 0;
    char v[32];
    if (known)
        snprintf(v, sizeof v, "%04d-%02d", y, mo);
    else
        snprintf(v, sizeof v, "XXXX-%02d", mo);
    tx_set(m, i, k + used, SR_TIMEX_DATE, "month", v);
    return 1;
}

/* The word before a month or season that says which one: -2 the last
 * ("last", "past", "previous"), 2 the next ("next", "coming"), 3 the
 * current ("this"), 0 none. */
static int direction_word(const tx_ctx *c, size_t j)
{
    if (tx_is(c, j, "LAST") || tx_is(c, j, "PAST") || tx_is(c, j, "PREVIOUS"))
        return -2;
    if (tx_is(c, j, "NEXT") || tx_is(c, j, "COMING"))
        return 2;
    if (tx_is(c, j, "THIS"))
        return 3;
    return 0;
}

/* A month named alone: "in August", "last September", "next March". */
static int month_alone(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i;
    int dir = direction_word(c, j);
    if (dir)
        j++;
    int mo;
    if (!month_at(c, j, &mo) || !tx_cap(c, j))
        return 0;
    int flags = tx_word_flags(c, j, TXW_MONTH);
    if (flags & TXF_ABBR)
        return 0;
    if (!dir) {
        /* May the army..., March on Washington: a cue must come first */
        if ((flags & TXF_RISKY) && !date_cue(c, j - 1))
            return 0;
        /* June Carter, August Strindberg */
        if (j + 1 < c->end && tx_cap(c, j + 1) && !(c->t->tokens[j + 1].flags & SR_TOK_NUMBER) &&
            !date_cue(c, j - 1))
            return 0;
    }
    if (dir == 3)
        dir = 0;
    char v[32];
    if (c->has_dct) {
        int y;
        tx_resolve_month(c, mo, dir ? dir : tx_tense(c, i), &y);
        snprintf(v, sizeof v, "%04d-%02d", y, mo);
    } else {
        snprintf(v, sizeof v, "XXXX-%02d", mo);
    }
    tx_set(m, i, j + 1, SR_TIMEX_DATE, "month", v);
    return 1;
}

/* A count noun after a number says it is a quantity, not a year. */
static int quantity_after(const tx_ctx *c, size_t i)
{
    static const char *const verbs_s[] = {"WAS", "HAS", "IS", "AS", "THIS", "ITS", "HIS",
                                          "DOES", "SAYS", "SEES", "MARKS", "BRINGS",
                                          "LOOKS", "REMAINS", "US"};
    static const char *const nouns[] = {"PEOPLE", "MEN", "WOMEN", "CHILDREN", "POLICE",
                                        "STAFF", "PERSONNEL", "CATTLE", "FEET", "PERCENT",
                                        "PER", "%", "MILLION", "BILLION"};
    if (i >= c->end)
        return 0;
    const sr_token *tok = &c->t->tokens[i];
    if (in_list(tok->norm, nouns, sizeof nouns / sizeof nouns[0]))
        return 1;
    if (!(tok->flags & SR_TOK_WORD) || (tok->flags & SR_TOK_CAP))
        return 0;
    return tok->len > 3 && tok->norm[tok->len - 1] == 'S' &&
           !in_list(tok->norm, verbs_s, sizeof verbs_s / sizeof verbs_s[0]);
}

static int strong_year_cue(const tx_ctx *c, size_t p)
{
    static const char *const cues[] = {"IN", "SINCE", "UNTIL", "TILL", "DURING", "BEFORE",
                                       "AFTER", "EARLY", "LATE", "MID", "FROM", "THROUGH",
                                       "BY", "OF", "CIRCA", "YEAR", "FISCAL", "-", "AND"};
    if (p < c->first || p >= c->end)
        return 0;
    return in_list(c->t->tokens[p].norm, cues, sizeof cues / sizeof cues[0]) ||
           tx_kind(c, p, TXW_MONTH, NULL) || tx_kind(c, p, TXW_SEASON, NULL);
}

/* A four-digit number standing for a year. */
static int year_alone(const tx_ctx *c, size_t i, tx_match *m)
{
    int y;
    size_t from = i;
    /* "the year 2008", "fiscal 2009" */
    int fiscal = 0;
    if (tx_is(c, i, "THE") && tx_is(c, i + 1, "YEAR"))
        i += 2;
    else if (tx_is(c, i, "FISCAL")) {
        fiscal = 1;
        i += 1 + tx_is(c, i + 1, "YEAR");
    }
    if (!tx_year_token(c, i, &y))
        return 0;
    int strong = from < i || strong_year_cue(c, i - 1);
    if (!strong) {
        if (y < 1900 || y > 2099)
            return 0;
        if (i > c->first) {
            const char *p = c->t->tokens[i - 1].norm;
            static const char *const money[] = {"$", "£", "€", "#", "NO.", "NUMBER", "NOS.",
                                                "US$", "RS", "RS.", "¥"};
            if (in_list(p, money, sizeof money / sizeof money[0]) ||
                (c->t->tokens[i - 1].flags & SR_TOK_NUMBER))
                return 0;
        }
        /* after a name it is still a year ("WWDC 2005", "Euro 2016"),
         * unless a name goes on after it ("Russell 2000 Index") */
        if (quantity_after(c, i + 1) ||
            (name_before(c, i) && i + 1 < c->end && tx_cap(c, i + 1) &&
             (c->t->tokens[i + 1].flags & SR_TOK_WORD) && !tx_kind(c, i + 1, TXW_MONTH, NULL)))
            return 0;
    }
    if (tx_is(c, i + 1, "%"))
        return 0;
    char v[32];
    if (tx_is(c, i + 1, "BC") || tx_is(c, i + 1, "B.C.") || tx_is(c, i + 1, "BCE")) {
        snprintf(v, sizeof v, "BC%04d", y);
        tx_set(m, from, i + 2, SR_TIMEX_DATE, "year", v);
        return 1;
    }
    snprintf(v, sizeof v, fiscal ? "FY%04d" : "%04d", y);
    tx_set(m, from, i + 1, SR_TIMEX_DATE, "year", v);
    return 1;
}

/* '82, '09: a year with its century left out */
static int short_year(const tx_ctx *c, size_t i, tx_match *m)
{
    const sr_token *tok = &c->t->tokens[i];
    const char *s = tok->norm;
    size_t n = tok->len, end = i + 1;
    int v;
    size_t from = i;
    if (n == 3 && s[0] == '\'') {
        s++;
        n--;
    } else if (n == 2 && i > c->first && tx_is(c, i - 1, "'") &&
               c->t->tokens[i - 1].end == tok->start) {
        from = i - 1; /* the tokenizer split the apostrophe off */
    } else {
        return 0;
    }
    if (!tx_digits(s, n, &v) || n != 2)
        return 0;
    char buf[32];
    snprintf(buf, sizeof buf, "%04d", v + (c->has_dct && v <= c->dct.y % 100 + 1 ? 2000 : 1900));
    tx_set(m, from, end, SR_TIMEX_DATE, "year", buf);
    return 1;
}

/* FY2009, FY09 */
static int fiscal_token(const tx_ctx *c, size_t i, tx_match *m)
{
    const sr_token *tok = &c->t->tokens[i];
    int v;
    if (tok->len < 4 || tok->norm[0] != 'F' || tok->norm[1] != 'Y')
        return 0;
    const char *s = tok->norm + 2;
    size_t n = tok->len - 2;
    if (*s == '-' || *s == '\'') {
        s++;
        n--;
    }
    if (!tx_digits(s, n, &v) || (n != 2 && n != 4))
        return 0;
    if (n == 2)
        v += v < 70 ? 2000 : 1900;
    char buf[32];
    snprintf(buf, sizeof buf, "FY%04d", v);
    tx_set(m, i, i + 1, SR_TIMEX_DATE, "year", buf);
    return 1;
}

/* 1990s, '90s, 90s (a two-digit decade is of the 1900s unless 00s-10s) */
static int decade(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i + tx_is(c, i, "THE");
    const sr_token *tok = j < c->end ? &c->t->tokens[j] : NULL;
    if (!tok)
        return 0;
    const char *s = tok->norm;
    size_t n = tok->len;
    if (n && s[0] == '\'') {
        s++;
        n--;
    } else if (tx_is(c, j, "'") && j + 1 < c->end) {
        j++;
        tok = &c->t->tokens[j];
        s = tok->norm;
        n = tok->len;
    }
    if (n < 3 || s[n - 1] != 'S' || s[n - 2] != '0')
        return 0;
    int v;
    if (!tx_digits(s, n - 1, &v))
        return 0;
    int dec;
    if (n - 1 == 4 && v >= 1000 && v <= 2190)
        dec = v / 10;
    else if (n - 1 == 2)
        dec = v <= 10 ? 200 + v / 10 : 190 + v / 10;
    else
        return 0;
    /* "in their 80s" is an age */
    static const char *const owners[] = {"THEIR", "HIS", "HER", "MY", "YOUR", "OUR", "ITS"};
    if (n - 1 == 2 && i > c->first &&
        (in_list(c->t->tokens[i - 1].norm, owners, 7) || in_list(tx_norm(c, i), owners, 7)))
        return 0;
    if (n - 1 == 2 && j == i && !tx_is(c, i - 1, "'") && tok->norm[0] != '\'' &&
        !date_cue(c, i - 1))
        return 0;
    char buf[32];
    snprintf(buf, sizeof buf, "%03d", dec);
    tx_set(m, i, j + 1, SR_TIMEX_DATE, "decade", buf);
    return 1;
}

/* the 20th century, the 19th century */
static int century(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i + tx_is(c, i, "THE");
    int ord, unit;
    if (!tx_kind(c, j, TXW_ORDINAL, &ord) && !tx_day_token(c, j, &ord))
        return 0;
    if (!(c->t->tokens[j].flags & SR_TOK_WORD) && !tx_kind(c, j, TXW_ORDINAL, NULL))
        return 0;
    if (!tx_kind(c, j + 1, TXW_UNIT, &unit) || unit != TXU_CENTURY ||
        (tx_word_flags(c, j + 1, TXW_UNIT) & TXF_PLURAL))
        return 0;
    char buf[32];
    snprintf(buf, sizeof buf, "%02d", ord - 1);
    tx_set(m, i, j + 2, SR_TIMEX_DATE, NULL, buf);
    return 1;
}

/* Which occurrence of a season, quarter or half without a year is meant:
 * periods are numbered year * per + index, cur is the document date's.
 * dir: -2 the last one before cur, +2 the first after, 3 the nearest
 * ("this spring"), 0 by the tense: the latest up to cur in the past, the
 * earliest from cur in the future. Returns the year. */
static int period_year(const tx_ctx *c, size_t at, int idx, int per, int cur, int dir)
{
    if (dir == 0 && (dir = tx_tense(c, at)) == 0)
        dir = 3;
    int k = cur - ((cur % per) - idx + per) % per; /* latest <= cur */
    switch (dir) {
    case -2: k = k == cur ? k - per : k; break;
    case 2: k = k + per; break;
    case 1: k = k == cur ? k : k + per; break;
    case 3: k = (cur - k) * 2 <= per ? k : k + per; break;
    default: break;
    }
    return k / per;
}

/* "of 2009", "of this year", "of last year", "of the year" after a
 * quarter, half or season; returns tokens used, 0 if none. */
static size_t of_year(const tx_ctx *c, size_t k, int *year, int *known)
{
    int y;
    size_t j = k + tx_is(c, k, "OF");
    if (tx_year_token(c, j, &y)) {
        *year = y;
        *known = 1;
        return j + 1 - k;
    }
    if (j == k)
        return 0;
    int off;
    if (tx_is(c, j, "THIS") || tx_is(c, j, "THE") || tx_is(c, j, "CURRENT"))
        off = 0;
    else if (tx_is(c, j, "LAST") || tx_is(c, j, "PREVIOUS"))
        off = -1;
    else if (tx_is(c, j, "NEXT"))
        off = 1;
    else
        return 0;
    size_t u = j + 1 + (tx_is(c, j + 1, "FISCAL") || tx_is(c, j + 1, "FINANCIAL") ||
                        tx_is(c, j + 1, "CALENDAR"));
    if (!tx_is(c, u, "YEAR"))
        return 0;
    *year = c->dct.y + off;
    *known = c->has_dct;
    return u + 1 - k;
}

static int season(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i;
    int dir = direction_word(c, j);
    if (dir || tx_is(c, j, "THE"))
        j++;
    int s;
    if (!tx_kind(c, j, TXW_SEASON, &s))
        return 0;
    int year = 0, known = 0;
    size_t used = of_year(c, j + 1, &year, &known);
    if (!used && !dir) {
        /* a spring of water, to fall: a determiner or a cue must come
         * first, or a capital inside the sentence ("their Autumn meetings") */
        if (j == i && !date_cue(c, i - 1) && !(tx_cap(c, i) && !sentence_initial(c, i)))
            return 0;
        if (j > i && (tx_word_flags(c, j, TXW_SEASON) & TXF_RISKY) && name_before(c, j))
            return 0;
        if (tx_is(c, j, "FALL") && j == i)
            return 0;
        if (tx_is(c, j + 1, "OF") || (j + 1 < c->end && tx_cap(c, j + 1) && !tx_cap(c, j)))
            return 0;
    }
    if (j == i && name_before(c, j))
        return 0;
    char v[32];
    if (used) {
        if (known)
            snprintf(v, sizeof v, "%04d-%s", year, tx_season_codes[s]);
        else
            snprintf(v, sizeof v, "XXXX-%s", tx_season_codes[s]);
    } else if (c->has_dct) {
        /* a winter belongs to the year of its December */
        int sy = c->dct.m <= 2 ? c->dct.y - 1 : c->dct.y;
        int sidx = c->dct.m <= 2 || c->dct.m == 12 ? 3 : (c->dct.m - 3) / 3;
        int y = period_year(c, i, s, 4, sy * 4 + sidx, dir);
        snprintf(v, sizeof v, "%04d-%s", y, tx_season_codes[s]);
    } else {
        snprintf(v, sizeof v, "XXXX-%s", tx_season_codes[s]);
    }
    tx_set(m, i, j + 1 + used, SR_TIMEX_DATE, "year", v);
    return 1;
}

/* the third quarter [of 2009], third-quarter, Q3 [2009], the first half of
 * the year */
static int quarter(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i + tx_is(c, i, "THE");
    int ord = 0, half = 0, unit;
    size_t next;
    const sr_token *tok = j < c->end ? &c->t->tokens[j] : NULL;
    if (!tok)
        return 0;
    if (tok->len == 2 && tok->norm[0] == 'Q' && tok->norm[1] >= '1' && tok->norm[1] <= '4') {
        ord = tok->norm[1] - '0';
        next = j + 1;
    } else if (tok->len == 2 && tok->norm[0] == 'H' && (tok->norm[1] == '1' || tok->norm[1] == '2') &&
               (tx_year_token(c, j + 1, &unit))) {
        ord = tok->norm[1] - '0';
        half = 1;
        next = j + 1;
    } else if (tok->len > 8 && memchr(tok->norm, '-', tok->len)) {
        /* third-quarter */
        const char *dash = memchr(tok->norm, '-', tok->len);
        char w[16];
        size_t n = (size_t)(dash - tok->norm);
        if (n >= sizeof w)
            return 0;
        memcpy(w, tok->norm, n);
        w[n] = '\0';
        const tx_word *e;
        size_t ne = tx_lookup(w, &e);
        for (size_t q = 0; q < ne; q++)
            if (e[q].kind == TXW_ORDINAL)
                ord = e[q].val;
        if (strcmp(dash + 1, "QUARTER") == 0) {
        } else if (strcmp(dash + 1, "HALF") == 0) {
            half = 1;
        } else {
            return 0;
        }
        next = j + 1;
    } else {
        if (tx_is(c, j, "LAST") || tx_is(c, j, "FINAL"))
            ord = 4;
        else if (!tx_kind(c, j, TXW_ORDINAL, &ord))
            return 0;
        if (tx_is(c, j + 1, "HALF"))
            half = 1;
        else if (!tx_kind(c, j + 1, TXW_UNIT, &unit) || unit != TXU_QUARTER ||
                 (tx_word_flags(c, j + 1, TXW_UNIT) & TXF_PLURAL))
            return 0;
        /* "the last quarter" alone is the one before this (relative.c) */
        if (tx_is(c, j, "LAST") && !tx_is(c, j + 2, "OF"))
            return 0;
        next = j + 2;
    }
    if (ord < 1 || ord > (half ? 2 : 4))
        return 0;
    int year = 0, known = 0;
    size_t used = of_year(c, next, &year, &known);
    char v[32];
    char code = half ? 'H' : 'Q';
    if (used && known) {
        snprintf(v, sizeof v, "%04d-%c%d", year, code, ord);
    } else if (!used && c->has_dct) {
        int per = half ? 2 : 4;
        int cur = c->dct.y * per + (half ? (c->dct.m - 1) / 6 : (c->dct.m - 1) / 3);
        snprintf(v, sizeof v, "%04d-%c%d", period_year(c, i, ord - 1, per, cur, 0), code,
                 ord);
    } else {
        snprintf(v, sizeof v, "XXXX-%c%d", code, ord);
    }
    tx_set(m, i, next + used, SR_TIMEX_DATE, "year", v);
    return 1;
}

/* 2018-09-03, 2018/09/03, 14/09/2018, 3.9.2018, 7/8/07 */
static int numeric_date(const tx_ctx *c, size_t i, tx_match *m)
{
    const sr_token *tok = &c->t->tokens[i];
    if (!(tok->flags & SR_TOK_NUMBER) || tok->len < 6)
        return 0;
    tx_date iso;
    if (tok->len > 10) {
        /* 2018-09-14T10:30:00Z: the date of an ISO datetime */
        if (tok->norm[10] != 'T' || !tx_parse_ymd(tok->norm, &iso))
            return 0;
        set_ymd(c, m, i, i + 1, iso.y, iso.m, iso.d);
        return 1;
    }
    int part[3], width[3], np = 0;
    char sep = 0;
    const char *s = tok->norm;
    for (size_t k = 0; k <= tok->len && np < 3;) {
        size_t st = k;
        int v = 0;
        while (k < tok->len && s[k] >= '0' && s[k] <= '9' && k - st < 5)
            v = v * 10 + (s[k++] - '0');
        if (k == st || k - st > 4)
            return 0;
        part[np] = v;
        width[np++] = (int)(k - st);
        if (k == tok->len)
            break;
        if (!sep)
            sep = s[k];
        if (s[k] != sep || (sep != '-' && sep != '/' && sep != '.'))
            return 0;
        k++;
    }
    if (np != 3)
        return 0;
    int y, mo, d;
    if (width[0] == 4) {
        y = part[0];
        mo = part[1];
        d = part[2];
        if (width[1] > 2 || width[2] > 2 || !tx_valid(y, mo, d))
            return 0;
    } else {
        /* 17-08-2013 but not 10-12 (a score, a range) */
        if (width[0] > 2 || width[1] > 2 || (width[2] != 2 && width[2] != 4) ||
            (sep == '-' && width[2] != 4))
            return 0;
        y = width[2] == 4 ? part[2] : part[2] + (part[2] < 70 ? 2000 : 1900);
        int dmy = tx_valid(y, part[1], part[0]), mdy = tx_valid(y, part[0], part[1]);
        if (dmy && mdy && part[0] != part[1]) {
            /* both readings are dates: only the document date can tell, when
             * one reading is within a week of it and the other weeks away */
            if (!c->has_dct)
                return 0;
            int64_t a = tx_days(y, part[1], part[0]) - c->dct_days;
            int64_t b = tx_days(y, part[0], part[1]) - c->dct_days;
            a = a < 0 ? -a : a;
            b = b < 0 ? -b : b;
            if (a <= 7 && b >= 28)
                mdy = 0;
            else if (b <= 7 && a >= 28)
                dmy = 0;
            else
                return 0;
        }
        if (dmy) {
            mo = part[1];
            d = part[0];
        } else if (mdy) {
            mo = part[0];
            d = part[1];
        } else {
            return 0;
        }
    }
    if (y < 1000)
        return 0;
    set_ymd(c, m, i, i + 1, y, mo, d);
    return 1;
}

/* Holidays on a fixed date (and Thanksgiving, the fourth Thursday of
 * November); movable feasts of other calendars are left alone. */
static int holiday(const tx_ctx *c, size_t i, tx_match *m)
{
    int h;
    if (!tx_kind(c, i, TXW_HOLIDAY, &h) || !tx_cap(c, i))
        return 0;
    size_t j = i + 1;
    int mo = 0, d = 0;
    switch (h) {
    case 0: /* Christmas [Day|Eve] */
        mo = 12;
        d = 25;
        if (tx_is(c, j, "EVE")) {
            d = 24;
            j++;
        } else if (tx_is(c, j, "DAY")) {
            j++;
        }
        break;
    case 1: mo = 10; d = 31; break;
    case 2: mo = 11; d = 0; j += tx_is(c, j, "DAY"); break;
    case 3: /* New Year's Day / Eve, New Year */
        if (!tx_is(c, j, "YEAR") && !tx_is(c, j, "YEAR'S"))
            return 0;
        j++;
        j += tx_is(c, j, "'S");
        mo = 1;
        d = 1;
        if (tx_is(c, j, "EVE")) {
            mo = 12;
            d = 31;
            j++;
        } else if (tx_is(c, j, "DAY")) {
            j++;
        } else if (!tx_is(c, i - 1, "THE") && !date_cue(c, i - 1)) {
            return 0;
        }
        break;
    case 4: /* Valentine's Day */
        if (!tx_is(c, j, "'S") || !tx_is(c, j + 1, "DAY"))
            return 0;
        j += 2;
        mo = 2;
        d = 14;
        break;
    case 5:
        if (!tx_is(c, j, "DAY"))
            return 0;
        j++;
        mo = 12;
        d = 26;
        break;
    default: return 0;
    }
    int y = 0;
    if (tx_year_token(c, j, &y))
        j++;
    else if (c->has_dct)
        tx_resolve_month_day(c, mo, d ? d : 22, tx_tense(c, i), &y);
    if (mo == 11 && d == 0) {
        if (!y) {
            tx_set(m, i, j, SR_TIMEX_DATE, "day", "XXXX-11-XX");
            return 1;
        }
        int64_t first = tx_days(y, 11, 1);
        int wd = tx_weekday(first);
        d = 1 + (3 - wd + 7) % 7 + 21;
    }
    set_ymd(c, m, i, j, y, mo, d);
    return 1;
}

/* mid-2011, mid-June, mid-1990s: the inner expression's value */
static int mid_compound(const tx_ctx *c, size_t i, tx_match *m)
{
    const sr_token *tok = &c->t->tokens[i];
    if (tok->len < 6 || memcmp(tok->norm, "MID-", 4) != 0)
        return 0;
    const char *rest = tok->norm + 4;
    size_t n = tok->len - 4;
    int v;
    char buf[32];
    if (tx_digits(rest, n, &v) && n == 4) {
        snprintf(buf, sizeof buf, "%04d", v);
        tx_set(m, i, i + 1, SR_TIMEX_DATE, "year", buf);
        return 1;
    }
    if (n == 5 && rest[4] == 'S' && tx_digits(rest, 4, &v)) {
        snprintf(buf, sizeof buf, "%03d", v / 10);
        tx_set(m, i, i + 1, SR_TIMEX_DATE, "decade", buf);
        return 1;
    }
    const tx_word *e;
    size_t ne = tx_lookup(rest, &e);
    for (size_t q = 0; q < ne; q++)
        if (e[q].kind == TXW_MONTH && !(e[q].flags & TXF_ABBR)) {
            int mo = e[q].val, y;
            size_t end = i + 1;
            if (tx_year_token(c, end, &y)) {
                end++;
            } else if (c->has_dct) {
                tx_resolve_month(c, mo, tx_tense(c, i), &y);
            } else {
                y = 0;
            }
            if (y)
                snprintf(buf, sizeof buf, "%04d-%02d", y, mo);
            else
                snprintf(buf, sizeof buf, "XXXX-%02d", mo);
            tx_set(m, i, end, SR_TIMEX_DATE, "month", buf);
            return 1;
        }
    return 0;
}

int tx_match_absolute(const tx_ctx *c, size_t i, tx_match *m)
{
    static const tx_form forms[] = {
        {full_date, TXM_KIND(TXW_WEEKDAY) | TXM_KIND(TXW_MONTH) | TXM_DIGITS | TXM_CUE(TXC_THE)},
        {month_year, TXM_KIND(TXW_MONTH)},
        {month_alone, TXM_KIND(TXW_MONTH) | TXM_CUE(TXC_RELATIVE)},
        {numeric_date, TXM_DIGITS},
        {year_alone, TXM_DIGITS | TXM_CUE(TXC_THE) | TXM_CUE(TXC_OTHER)},
        {short_year, TXM_DIGITS | TXM_SPECIAL},
        {fiscal_token, TXM_SPECIAL},
        {decade, TXM_DIGITS | TXM_SPECIAL | TXM_CUE(TXC_THE)},
        {century, TXM_DIGITS | TXM_KIND(TXW_ORDINAL) | TXM_CUE(TXC_THE)},
        {season, TXM_KIND(TXW_SEASON) | TXM_CUE(TXC_RELATIVE) | TXM_CUE(TXC_THE)},
        {quarter, TXM_KIND(TXW_ORDINAL) | TXM_SPECIAL | TXM_COMPOUND | TXM_CUE(TXC_THE) |
                      TXM_CUE(TXC_RELATIVE)},
        {holiday, TXM_KIND(TXW_HOLIDAY)},
        {mid_compound, TXM_COMPOUND},
    };
    return tx_longest(c, i, forms, sizeof forms / sizeof forms[0], m);
}
