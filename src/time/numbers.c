/*
 * Counts as durations use them ("33", "2.5", "six", "twenty-five", "a",
 * "a couple of", "several", "two and a half"), and the numbers dates are
 * built from (years, days of the month).
 */
#include "time/timex_internal.h"

#include <string.h>

int tx_digits(const char *s, size_t len, int *val)
{
    if (len == 0 || len > 9)
        return 0;
    int v = 0;
    for (size_t k = 0; k < len; k++) {
        if (s[k] < '0' || s[k] > '9')
            return 0;
        v = v * 10 + (s[k] - '0');
    }
    *val = v;
    return 1;
}

static int word_value(const char *w, int *val)
{
    const tx_word *e;
    size_t n = tx_lookup(w, &e);
    for (size_t k = 0; k < n; k++)
        if (e[k].kind == TXW_NUMBER && e[k].val <= 90) {
            *val = e[k].val;
            return 1;
        }
    return 0;
}

int tx_number_word(const char *s, size_t len, int *val)
{
    char buf[24];
    if (len == 0 || len >= sizeof buf)
        return 0;
    memcpy(buf, s, len);
    buf[len] = '\0';
    char *dash = strchr(buf, '-');
    if (!dash)
        return word_value(buf, val);
    /* twenty-five: a ten and a unit */
    *dash = '\0';
    int tens, units;
    if (!word_value(buf, &tens) || !word_value(dash + 1, &units))
        return 0;
    if (tens < 20 || tens % 10 != 0 || units < 1 || units > 9)
        return 0;
    *val = tens + units;
    return 1;
}

/* "2.5", "33", "1,000" as a count; not "3rd" or "9/11". */
static int numeric_value(const char *s, size_t len, double *out)
{
    double v = 0, scale = 0;
    int digits = 0;
    for (size_t k = 0; k < len; k++) {
        char ch = s[k];
        if (ch >= '0' && ch <= '9') {
            if (scale > 0) {
                scale /= 10;
                v += (ch - '0') * scale;
            } else {
                v = v * 10 + (ch - '0');
            }
            digits++;
        } else if (ch == '.' && scale == 0 && k + 1 < len) {
            scale = 1;
        } else if (ch == ',' && scale == 0 && k > 0 && k + 4 <= len) {
            continue;
        } else {
            return 0;
        }
    }
    if (!digits)
        return 0;
    *out = v;
    return 1;
}

int tx_parse_count(const tx_ctx *c, size_t i, tx_count *out)
{
    memset(out, 0, sizeof *out);
    if (i >= c->end)
        return 0;
    const sr_token *tok = &c->t->tokens[i];
    size_t j = i + 1;
    int v;
    if (tok->flags & SR_TOK_NUMBER) {
        if (!numeric_value(tok->norm, tok->len, &out->value))
            return 0;
    } else if (tx_is(c, i, "A") || tx_is(c, i, "AN")) {
        if (tx_is(c, j, "COUPLE")) {
            out->value = 2;
            j += 1 + tx_is(c, j + 1, "OF");
        } else if (tx_is(c, j, "FEW")) {
            out->fuzzy = 1;
            j++;
        } else if (tx_is(c, j, "DOZEN")) {
            out->value = 12;
            j++;
        } else if (tx_is(c, j, "HALF")) {
            out->value = 0.5;
            j++;
        } else {
            out->value = 1;
            out->article = 1;
        }
    } else if (tx_is(c, i, "HALF") && (tx_is(c, j, "A") || tx_is(c, j, "AN"))) {
        out->value = 0.5;
        j++;
    } else if (tx_kind(c, i, TXW_FUZZY, NULL)) {
        out->fuzzy = 1;
        if (tx_is(c, j, "OF") && (tx_is(c, i, "DOZENS") || tx_is(c, i, "HUNDREDS")))
            j++;
    } else if ((tx_kind(c, i, TXW_NUMBER, NULL) || memchr(tok->norm, '-', tok->len)) &&
               tx_number_word(tok->norm, tok->len, &v)) {
        out->value = v;
        if (tx_is(c, j, "HUNDRED")) {
            out->value *= 100;
            j++;
        }
    } else {
        return 0;
    }
    /* "two and a half" */
    if (!out->fuzzy && tx_is(c, j, "AND") && tx_is(c, j + 1, "A") && tx_is(c, j + 2, "HALF")) {
        out->value += 0.5;
        out->article = 0;
        j += 3;
    }
    out->next = j;
    return 1;
}

int tx_year_token(const tx_ctx *c, size_t i, int *year)
{
    if (i >= c->end)
        return 0;
    const sr_token *tok = &c->t->tokens[i];
    int v;
    if (tok->len != 4 || !tx_digits(tok->norm, 4, &v) || v < 1000 || v > 2199)
        return 0;
    *year = v;
    return 1;
}

int tx_day_token(const tx_ctx *c, size_t i, int *day)
{
    if (i >= c->end)
        return 0;
    const sr_token *tok = &c->t->tokens[i];
    const char *s = tok->norm;
    size_t n = tok->len, k = 0;
    int v = 0;
    while (k < n && k < 2 && s[k] >= '0' && s[k] <= '9')
        v = v * 10 + (s[k++] - '0');
    if (k == 0)
        return 0;
    if (k < n) {
        static const char *const suffixes[] = {"ST", "ND", "RD", "TH"};
        int ok = 0;
        for (int q = 0; q < 4; q++)
            if (n - k == 2 && memcmp(s + k, suffixes[q], 2) == 0)
                ok = 1;
        if (!ok)
            return 0;
    }
    if (v < 1 || v > 31)
        return 0;
    *day = v;
    return 1;
}
