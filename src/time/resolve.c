/*
 * Resolving what an expression names against the document date, and
 * writing the TIMEX3 value. Without a document date a relative expression
 * keeps its unknown parts as X ("XXXX-WXX", "XXXX-08") instead of a guess.
 */
#include "time/timex_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

void tx_set(tx_match *m, size_t from, size_t to, sr_timex_type type, const char *prec,
            const char *value)
{
    m->from = from;
    m->to = to;
    m->type = type;
    m->precision = prec;
    m->sets_ref = 0;
    snprintf(m->value, sizeof m->value, "%s", value);
}

void tx_set_day(const tx_ctx *c, tx_match *m, size_t from, size_t to, int64_t days)
{
    char v[32];
    tx_fmt_day(v, sizeof v, tx_from_days(days));
    tx_set(m, from, to, SR_TIMEX_DATE, "day", v);
    m->sets_ref = 1;
    m->ref_days = days;
}

/* dir: -1 on or before the document date, +1 on or after, -2 strictly
 * before ("last Monday"), +2 strictly after ("next Monday"). */
int tx_resolve_weekday(const tx_ctx *c, int wd, int dir, int64_t *days)
{
    if (!c->has_dct)
        return 0;
    int today = tx_weekday(c->dct_days);
    int back = (today - wd + 7) % 7, ahead = (wd - today + 7) % 7;
    switch (dir) {
    case -2: *days = c->dct_days - (back ? back : 7); break;
    case 2: *days = c->dct_days + (ahead ? ahead : 7); break;
    case 1: *days = c->dct_days + ahead; break;
    default: *days = c->dct_days - back; break;
    }
    return 1;
}

/* dir as for weekdays, and 0 (no tense known): the nearest occurrence,
 * the earlier one on a tie. */
void tx_resolve_month(const tx_ctx *c, int month, int dir, int *year)
{
    int y = c->dct.y, now = c->dct.m;
    switch (dir) {
    case -2: *year = month >= now ? y - 1 : y; break;
    case 2: *year = month <= now ? y + 1 : y; break;
    case -1: *year = month > now ? y - 1 : y; break;
    case 1: *year = month < now ? y + 1 : y; break;
    default:
        *year = month - now > 6 ? y - 1 : now - month > 6 ? y + 1 : y;
        if (month - now == 6)
            *year = y - 1;
        break;
    }
}

void tx_resolve_month_day(const tx_ctx *c, int month, int day, int dir, int *year)
{
    int y = c->dct.y, key = month * 100 + day, now = c->dct.m * 100 + c->dct.d;
    if (dir < 0) {
        *year = key > now ? y - 1 : y;
    } else if (dir > 0) {
        *year = key < now ? y + 1 : y;
    } else {
        int d = day > tx_days_in_month(y, month) ? tx_days_in_month(y, month) : day;
        int64_t here = tx_days(y, month, d) - c->dct_days;
        *year = here > 183 ? y - 1 : here < -183 ? y + 1 : y;
    }
}

/* The document date's day, week, month... moved by offset units. */
void tx_set_unit_date(const tx_ctx *c, tx_match *m, size_t from, size_t to, int unit,
                      int offset)
{
    char v[24];
    const char *prec = "year";
    int y = c->dct.y, mo = c->dct.m;
    switch (unit) {
    case TXU_DAY:
        if (c->has_dct) {
            tx_set_day(c, m, from, to, c->dct_days + offset);
            return;
        }
        snprintf(v, sizeof v, "XXXX-XX-XX");
        prec = "day";
        break;
    case TXU_WEEK:
    case TXU_WEEKEND:
        if (c->has_dct)
            tx_fmt_week(v, sizeof v, c->dct_days + 7 * (int64_t)offset);
        else
            snprintf(v, sizeof v, "XXXX-WXX");
        if (unit == TXU_WEEKEND)
            strcat(v, "-WE");
        prec = "week";
        break;
    case TXU_MONTH:
        tx_add_months(&y, &mo, offset);
        if (c->has_dct)
            snprintf(v, sizeof v, "%04d-%02d", y, mo);
        else
            snprintf(v, sizeof v, "XXXX-XX");
        prec = "month";
        break;
    case TXU_QUARTER: {
        int q = (mo - 1) / 3 + offset, yq = y;
        while (q < 0) {
            q += 4;
            yq--;
        }
        yq += q / 4;
        q %= 4;
        if (c->has_dct)
            snprintf(v, sizeof v, "%04d-Q%d", yq, q + 1);
        else
            snprintf(v, sizeof v, "XXXX-QX");
        break;
    }
    case TXU_DECADE:
        if (c->has_dct)
            snprintf(v, sizeof v, "%03d", y / 10 + offset);
        else
            snprintf(v, sizeof v, "XXX");
        prec = "decade";
        break;
    case TXU_CENTURY:
        if (c->has_dct)
            snprintf(v, sizeof v, "%02d", y / 100 + offset);
        else
            snprintf(v, sizeof v, "XX");
        prec = NULL;
        break;
    default:
        if (c->has_dct)
            snprintf(v, sizeof v, "%04d", y + offset);
        else
            snprintf(v, sizeof v, "XXXX");
        break;
    }
    tx_set(m, from, to, SR_TIMEX_DATE, prec, v);
}

void tx_duration_value(char *buf, size_t n, double count, int fuzzy, int unit)
{
    const char *u = "D", *t = "";
    switch (unit) {
    case TXU_SECOND: u = "S"; t = "T"; break;
    case TXU_MINUTE: u = "M"; t = "T"; break;
    case TXU_HOUR: u = "H"; t = "T"; break;
    case TXU_WEEK: u = "W"; break;
    case TXU_WEEKEND: u = "WE"; break;
    case TXU_FORTNIGHT: u = "W"; count *= 2; break;
    case TXU_MONTH: u = "M"; break;
    case TXU_QUARTER: u = "Q"; break;
    case TXU_YEAR: u = "Y"; break;
    /* MEANTIME and TimeBank write a decade as ten years */
    case TXU_DECADE: u = fuzzy ? "DE" : "Y"; count *= 10; break;
    case TXU_CENTURY: u = fuzzy ? "CE" : "Y"; count *= 100; break;
    default: break;
    }
    if (fuzzy)
        snprintf(buf, n, "P%sX%s", t, u);
    else if (count == floor(count))
        snprintf(buf, n, "P%s%.0f%s", t, count, u);
    else
        snprintf(buf, n, "P%s%g%s", t, count, u);
}
