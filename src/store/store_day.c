/*
 * The store keeps every date as the "YYYY-MM-DD" of its first day, so
 * that dates of any precision sort and compare as text and a range query
 * is one index scan; the precision is kept beside it.
 */
#include <stdio.h>
#include <string.h>

#include "sitrep/ingest.h"
#include "sitrep/sitrep.h"
#include "store/day.h"
#include "time/calendar.h"

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
        int64_t jan4 = tx_days(y, 1, 4);
        int64_t day = jan4 - tx_weekday(jan4) + 7 * (w - 1);
        if (strcmp(r + 3, "-WE") == 0)
            day += 5; /* the weekend starts on Saturday */
        else if (r[3] != '\0')
            return SR_EINVAL;
        tx_date first = tx_from_days(day);
        return put(out, first.y, first.m, first.d);
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
    *out = (long)tx_days(number(s, 4), m, d);
    return 0;
}

void sr_store_day_text(long day, char out[11])
{
    tx_date t = tx_from_days(day);
    if (put(out, t.y, t.m, t.d) != 0)
        out[0] = '\0';
}
