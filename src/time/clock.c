/*
 * Clock times: "10:45 GMT", "1045 GMT", "10.00 BST", "6 p.m.", "6pm",
 * "noon". The time is kept as written (zones are not converted; UTC and
 * GMT end in Z, as TIMEX3 writes UTC); the day is one named beside it,
 * else the document date (see set_time).
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

/* The day of a clock time: one named right after it ("12:00 UTC Monday",
 * "16:00 UTC today"), else one stated earlier in the sentence ("Tuesday
 * in Everett at 18:00"), else the document date. */
static void set_time(const tx_ctx *c, tx_match *m, size_t from, size_t to, int hh, int mm,
                     int utc)
{
    char v[40];
    tx_match day;
    memset(&day, 0, sizeof day);
    size_t k = to + tx_is(c, to, "ON");
    int64_t days = c->dct_days;
    int known = c->has_dct;
    size_t comma = to + tx_is(c, to, ",");
    if (k < c->end && (tx_kind(c, k, TXW_WEEKDAY, NULL) || tx_kind(c, k, TXW_DEICTIC, NULL)) &&
        tx_match_relative(c, k, &day) && day.sets_ref && day.type == SR_TIMEX_DATE) {
        days = day.ref_days;
        known = 1;
        to = day.to;
    } else if (comma < c->end && tx_kind(c, comma, TXW_MONTH, NULL) &&
               tx_match_absolute(c, comma, &day) && day.sets_ref) {
        /* "16:15 UTC, June 1st" */
        days = day.ref_days;
        known = 1;
        to = day.to;
    } else if (c->ref_in_sentence) {
        days = c->ref_days;
        known = 1;
    }
    if (known) {
        tx_date d = tx_from_days(days);
        snprintf(v, sizeof v, "%04d-%02d-%02dT%02d:%02d%s", d.y, d.m, d.d, hh, mm, utc ? "Z" : "");
    } else {
        snprintf(v, sizeof v, "XXXX-XX-XXT%02d:%02d%s", hh, mm, utc ? "Z" : "");
    }
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

/* A time zone after the clock; *utc when it is UTC itself, which TIMEX3
 * marks with Z (other zones are left as written, unconverted). */
static size_t zone(const tx_ctx *c, size_t i, int *utc)
{
    *utc = tx_is(c, i, "GMT") || tx_is(c, i, "UTC") || tx_is(c, i, "Z");
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
        set_time(c, m, i, i + 1, tx_is(c, i, "MIDNIGHT") ? 24 : 12, 0, 0);
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
            int utc;
            size_t z = zone(c, i + 1, &utc);
            set_time(c, m, i, i + 1 + z, hh, mm, utc);
            return 1;
        }
    }
    int colon = memchr(tok->norm, ':', tok->len) != NULL;
    size_t a = 0, z = 0;
    int utc = 0;
    if (clock_digits(tok->norm, tok->len, 1, 0, &hh, &mm) && (a = ampm(c, i + 1, &pm))) {
        if (!apply_ampm(hh, pm, &hh))
            return 0;
        z = zone(c, i + 1 + a, &utc);
        set_time(c, m, i, i + 1 + a + z, hh, mm, utc);
        return 1;
    }
    /* 10:45 [GMT], 10.00 BST, 1045 GMT */
    if (!clock_digits(tok->norm, tok->len, 1, 1, &hh, &mm) || hh > 23)
        return 0;
    z = zone(c, i + 1, &utc);
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
    set_time(c, m, i, i + 1 + z, hh, mm, utc);
    return 1;
}
