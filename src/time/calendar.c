/*
 * Proleptic Gregorian calendar arithmetic on day numbers (days since
 * 1970-01-01), which turns "three days before", "the Monday on or before"
 * and ISO weeks into integer sums.
 */
#include "time/calendar.h"

#include <stdio.h>

static int leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

int tx_days_in_month(int y, int m)
{
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12)
        return 0;
    return mdays[m - 1] + (m == 2 && leap(y));
}

int tx_valid(int y, int m, int d)
{
    return y >= 1 && y <= 9999 && d >= 1 && d <= tx_days_in_month(y, m);
}

/* Era-based conversion: a 400-year era has a fixed number of days, so no
 * loop over years is needed. */
int64_t tx_days(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

tx_date tx_from_days(int64_t z)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400) + (m <= 2);
    return (tx_date){y, m, d};
}

int tx_weekday(int64_t days)
{
    /* 1970-01-01 was a Thursday (3 when Monday is 0) */
    int64_t w = (days + 3) % 7;
    return (int)(w < 0 ? w + 7 : w);
}

/* The ISO week holds the Thursday of its Monday-to-Sunday span, and its
 * year is that Thursday's year. */
void tx_iso_week(int64_t days, int *year, int *week)
{
    int64_t thursday = days - tx_weekday(days) + 3;
    tx_date td = tx_from_days(thursday);
    int64_t jan1 = tx_days(td.y, 1, 1);
    *year = td.y;
    *week = (int)((thursday - jan1) / 7) + 1;
}

int tx_parse_ymd(const char *s, tx_date *out)
{
    int y = 0, m = 0, d = 0;
    for (int i = 0; i < 10; i++) {
        char c = s[i];
        if (i == 4 || i == 7) {
            if (c != '-')
                return 0;
            continue;
        }
        if (c < '0' || c > '9')
            return 0;
        int *part = i < 4 ? &y : i < 7 ? &m : &d;
        *part = *part * 10 + (c - '0');
    }
    if (!tx_valid(y, m, d))
        return 0;
    *out = (tx_date){y, m, d};
    return 1;
}

/* "%04d-%02d-%02d" by hand: this runs for every date found */
void tx_fmt_day(char *buf, size_t n, tx_date d)
{
    if (n < 11 || d.y < 0 || d.y > 9999) {
        snprintf(buf, n, "%04d-%02d-%02d", d.y, d.m, d.d);
        return;
    }
    const int parts[3] = {d.y, d.m, d.d}, widths[3] = {4, 2, 2};
    char *w = buf;
    for (int i = 0; i < 3; i++) {
        if (i)
            *w++ = '-';
        for (int k = widths[i] - 1, v = parts[i]; k >= 0; k--, v /= 10)
            w[k] = (char)('0' + v % 10);
        w += widths[i];
    }
    *w = '\0';
}

void tx_fmt_week(char *buf, size_t n, int64_t days)
{
    int y, w;
    tx_iso_week(days, &y, &w);
    snprintf(buf, n, "%04d-W%02d", y, w);
}

void tx_add_months(int *y, int *m, int k)
{
    int total = *y * 12 + (*m - 1) + k;
    *y = total / 12;
    *m = total % 12 + 1;
}
