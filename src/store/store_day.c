/*
 * The store keeps every date as the "YYYY-MM-DD" of its first day, so
 * that dates of any precision sort and compare as text and a range query
 * is one index scan; the precision is kept beside it.
 */
#include <stdio.h>
#include <string.h>

#include "sitrep/ingest.h"
#include "store/day.h"
#include "sitrep/sitrep.h"

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

static int number(const char *s, int n)
{
    int v = 0;
    for (int i = 0; i < n; i++)
        v = v * 10 + (s[i] - '0');
    return v;
}

/* Days since 1970-01-01 of a proleptic Gregorian date, and back (the
 * era-based conversion: exact for every year the store can meet). */
static long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

static int put(char out[11], int y, int m, int d)
{
    if (y < 0 || y > 9999 || m < 1 || m > 12 || d < 1 || d > 31)
        return (out[0] = '\0', SR_EINVAL);
    snprintf(out, 11, "%04d-%02d-%02d", y, m, d);
    return 0;
}

int sr_store_day(const char *v, char out[11])
{
    out[0] = '\0';
    if (!v)
        return SR_EINVAL;
    size_t n = strlen(v);
    if (n >= 3 && digits(v, 3) && (n == 3 || (n == 4 && (v[3] == 'X' || v[3] == 'x'))))
        return put(out, number(v, 3) * 10, 1, 1); /* a decade: "201", "201X" */
    if (n < 4 || !digits(v, 4) || (n > 4 && v[4] != '-'))
        return SR_EINVAL;
    int y = number(v, 4);
    if (n == 4)
        return put(out, y, 1, 1);
    const char *r = v + 5;
    size_t rn = n - 5;
    if (rn >= 2 && digits(r, 2)) {
        int m = number(r, 2);
        if (rn == 2)
            return put(out, y, m, 1);
        if (rn >= 5 && r[2] == '-' && digits(r + 3, 2) && (rn == 5 || r[5] == 'T' || r[5] == ' '))
            return put(out, y, m, number(r + 3, 2));
        return SR_EINVAL;
    }
    if (rn >= 3 && (r[0] == 'W' || r[0] == 'w') && digits(r + 1, 2)) {
        /* ISO week: week 1 holds January 4th; weeks start on Monday */
        int w = number(r + 1, 2);
        if (w < 1 || w > 53)
            return SR_EINVAL;
        long jan4 = days_from_civil(y, 1, 4);
        long dow = ((jan4 % 7) + 7 + 3) % 7; /* 0 = Monday (1970-01-01 was a Thursday) */
        long day = jan4 - dow + 7L * (w - 1);
        if (strcmp(r + 3, "-WE") == 0)
            day += 5; /* the weekend starts on Saturday */
        else if (r[3] != '\0')
            return SR_EINVAL;
        int yy, mm, dd;
        civil_from_days(day, &yy, &mm, &dd);
        return put(out, yy, mm, dd);
    }
    static const struct { const char *tag; int month; } parts[] = {
        {"Q1", 1}, {"Q2", 4}, {"Q3", 7}, {"Q4", 10}, {"H1", 1}, {"H2", 7},
        {"SP", 3}, {"SU", 6}, {"FA", 9}, {"AU", 9}, {"WI", 12}};
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (strcmp(r, parts[i].tag) == 0)
            return put(out, y, parts[i].month, 1);
    return SR_EINVAL;
}

int sr_store_day_number(const char *s, long *out)
{
    if (!s || strlen(s) != 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
        s[7] != '-' || !digits(s + 8, 2))
        return SR_EINVAL;
    int m = number(s + 5, 2), d = number(s + 8, 2);
    if (m < 1 || m > 12 || d < 1 || d > 31)
        return SR_EINVAL;
    *out = days_from_civil(number(s, 4), m, d);
    return 0;
}

void sr_store_day_text(long day, char out[11])
{
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    if (put(out, y, m, d) != 0)
        out[0] = '\0';
}
