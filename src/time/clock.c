/*
 * Clock times: "10:45 GMT", "1045 GMT", "10.00 BST", "6 p.m.", "6pm",
 * "noon". The day is the document date (TIMEX3 keeps the time as written,
 * without converting zones).
 */
#include "time/timex_internal.h"

#include <stdio.h>
#include <string.h>

/* "10:45", "10.45" (sep '.' only when allow_dot), "1045" (when four), or
 * "10" alone; *hh, *mm. */
static int clock_digits(const char *s, size_t n, int allow_dot, int four, int *hh, int *mm)
{
    int v;
    const char *sep = memchr(s, ':', n);
    if (!sep && allow_dot)
        sep = memchr(s, '.', n);
    if (sep) {
        size_t h = (size_t)(sep - s), rest = n - h - 1;
        if (h < 1 || h > 2 || rest != 2 || !tx_digits(s, h, hh) || !tx_digits(sep + 1, 2, mm))
            return 0;
    } else if (four && n == 4 && tx_digits(s, 4, &v)) {
        *hh = v / 100;
        *mm = v % 100;
    } else if (n <= 2 && tx_digits(s, n, hh)) {
        *mm = 0;
    } else {
        return 0;
    }
    return *hh <= 24 && *mm <= 59;
}

static void set_time(const tx_ctx *c, tx_match *m, size_t from, size_t to, int hh, int mm)
{
    char v[40];
    if (c->has_dct)
        snprintf(v, sizeof v, "%04d-%02d-%02dT%02d:%02d", c->dct.y, c->dct.m, c->dct.d, hh, mm);
    else
        snprintf(v, sizeof v, "XXXX-XX-XXT%02d:%02d", hh, mm);
    tx_set(m, from, to, SR_TIMEX_TIME, "day", v);
}

/* a.m. / p.m. after a clock number; *pm is 12 for p.m. */
static size_t ampm(const tx_ctx *c, size_t i, int *pm)
{
    if (tx_kind(c, i, TXW_AMPM, pm))
        return 1;
    /* "a.m" "." or "A" "." "M" "." splits are rare enough to ignore */
    return 0;
}

static size_t zone(const tx_ctx *c, size_t i)
{
    if (tx_kind(c, i, TXW_ZONE, NULL))
        return 1;
    if (tx_is(c, i, "LOCAL") && tx_is(c, i + 1, "TIME"))
        return 2;
    return 0;
}

static int apply_ampm(int hh, int pm, int *out)
{
    if (hh < 1 || hh > 12)
        return 0;
    *out = hh % 12 + pm;
    return 1;
}

int tx_match_clock(const tx_ctx *c, size_t i, tx_match *m)
{
    const sr_token *tok = &c->t->tokens[i];
    int hh, mm, pm;
    if (tx_is(c, i, "NOON") || tx_is(c, i, "MIDDAY") || tx_is(c, i, "MIDNIGHT")) {
        set_time(c, m, i, i + 1, tx_is(c, i, "MIDNIGHT") ? 24 : 12, 0);
        return 1;
    }
    if (!(tok->flags & SR_TOK_NUMBER))
        return 0;
    /* 6pm, 10:45am as one token */
    if (tok->len >= 3 && tok->len <= 7) {
        const char *s = tok->norm;
        size_t n = tok->len;
        if ((s[n - 2] == 'A' || s[n - 2] == 'P') && s[n - 1] == 'M' &&
            clock_digits(s, n - 2, 1, 0, &hh, &mm) && apply_ampm(hh, s[n - 2] == 'P' ? 12 : 0, &hh)) {
            size_t z = zone(c, i + 1);
            set_time(c, m, i, i + 1 + z, hh, mm);
            return 1;
        }
    }
    int colon = memchr(tok->norm, ':', tok->len) != NULL;
    size_t a = 0, z = 0;
    if (clock_digits(tok->norm, tok->len, 1, 0, &hh, &mm) && (a = ampm(c, i + 1, &pm))) {
        if (!apply_ampm(hh, pm, &hh))
            return 0;
        z = zone(c, i + 1 + a);
        set_time(c, m, i, i + 1 + a + z, hh, mm);
        return 1;
    }
    /* 10:45 [GMT], 10.00 BST, 1045 GMT */
    if (!clock_digits(tok->norm, tok->len, 1, 1, &hh, &mm) || hh > 23)
        return 0;
    z = zone(c, i + 1);
    if (!z && !colon)
        return 0;
    if (!z && colon) {
        /* a bare 10:45 is a time when "at", "by", "around" or "from" is
         * before it; scores and verses (3:1, John 3:16) are not */
        if (!(tx_is(c, i - 1, "AT") || tx_is(c, i - 1, "BY") || tx_is(c, i - 1, "AROUND") ||
              tx_is(c, i - 1, "UNTIL") || tx_is(c, i - 1, "FROM") || tx_is(c, i - 1, "BEFORE") ||
              tx_is(c, i - 1, "AFTER") || tx_is(c, i - 1, "ABOUT")))
            return 0;
    }
    set_time(c, m, i, i + 1 + z, hh, mm);
    return 1;
}
