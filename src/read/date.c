/*
 * Publication dates as publishers write them, normalized to YYYY-MM-DD.
 * Only whole dates count: a month and year alone, or a date whose parts are
 * out of range, is no date.
 */
#include "read/read_internal.h"
#include "time/calendar.h"

#include <math.h>
#include <string.h>
#include <strings.h>

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Publishers' years are four digits: a calendar date from 1000 on. */
static int format_ymd(int y, int m, int d, char out[11])
{
    if (y < 1000 || !tx_valid(y, m, d))
        return 0;
    tx_fmt_day(out, 11, (tx_date){y, m, d});
    return 1;
}

/* Read up to max digits at s[*i]; returns the count read (0 if none). */
static int digits(const char *s, size_t n, size_t *i, int max, int *val)
{
    int k = 0, v = 0;
    while (*i < n && k < max && is_digit(s[*i])) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    *val = v;
    return k;
}

/* 2018-09-14, 2018/9/14, 2018.09.14 and 20180914, each possibly followed
 * by a time: whatever follows must not continue the number. */
static int parse_iso(const char *s, size_t n, char out[11])
{
    size_t i = 0;
    int y, m, d;
    if (digits(s, n, &i, 4, &y) != 4)
        return 0;
    if (i < n && (s[i] == '-' || s[i] == '/' || s[i] == '.')) {
        char sep = s[i++];
        int k = digits(s, n, &i, 2, &m);
        if (k == 0 || i >= n || s[i] != sep)
            return 0;
        i++;
        if (digits(s, n, &i, 2, &d) == 0)
            return 0;
    } else {
        if (digits(s, n, &i, 2, &m) != 2 || digits(s, n, &i, 2, &d) != 2)
            return 0;
    }
    if (i < n && (is_digit(s[i]) || is_alpha(s[i])) && s[i] != 'T' && s[i] != 't')
        return 0;
    return format_ymd(y, m, d, out);
}

static const char *const month_names[12] = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
};

/* A month name (full, or its first three letters, or "Sept") at s[*i]; an
 * abbreviation may end in a period. Returns 1-12, or 0. */
static int month_word(const char *s, size_t n, size_t *i)
{
    size_t start = *i, end = start;
    while (end < n && is_alpha(s[end]))
        end++;
    size_t len = end - start;
    if (len < 3)
        return 0;
    for (int m = 0; m < 12; m++) {
        size_t full = strlen(month_names[m]);
        int ok = (len == full || len == 3 || (m == 8 && len == 4)) && len <= full &&
                 strncasecmp(s + start, month_names[m], len) == 0;
        if (ok) {
            *i = end;
            if (len < full && *i < n && s[*i] == '.')
                (*i)++;
            return m + 1;
        }
    }
    return 0;
}

static void skip_space(const char *s, size_t n, size_t *i)
{
    while (*i < n && (s[*i] == ' ' || s[*i] == '\t' || s[*i] == ','))
        (*i)++;
}

/* A day number, with an ordinal suffix allowed ("14th"). */
static int day_number(const char *s, size_t n, size_t *i, int *d)
{
    if (digits(s, n, i, 2, d) == 0 || (*i < n && is_digit(s[*i])))
        return 0;
    if (*i + 1 < n && is_alpha(s[*i]) && is_alpha(s[*i + 1])) {
        static const char *const suffixes[] = {"st", "nd", "rd", "th"};
        for (int k = 0; k < 4; k++)
            if (strncasecmp(s + *i, suffixes[k], 2) == 0) {
                *i += 2;
                break;
            }
    }
    return *i >= n || !is_alpha(s[*i]) ? 1 : 0;
}

static int year_number(const char *s, size_t n, size_t *i, int *y)
{
    return digits(s, n, i, 4, y) == 4 && (*i >= n || !is_digit(s[*i]));
}

/* [Weekday,] 14 September 2018 | [Weekday,] September 14, 2018 */
static int parse_words(const char *s, size_t n, char out[11])
{
    size_t i = 0;
    int y, m, d;
    if (is_alpha(s[0])) {
        size_t j = 0;
        if (month_word(s, n, &j)) {
            i = 0;
        } else {
            /* a weekday (or any leading word such as "Published") */
            while (i < n && is_alpha(s[i]))
                i++;
            if (i < n && s[i] == '.')
                i++;
            if (i < n && s[i] == ':')
                i++;
            skip_space(s, n, &i);
        }
    }
    if (i < n && is_digit(s[i])) {
        if (!day_number(s, n, &i, &d))
            return 0;
        skip_space(s, n, &i);
        if (i < n && s[i] == '-')
            i++; /* 14-Sep-2018 */
        if (!(m = month_word(s, n, &i)))
            return 0;
        skip_space(s, n, &i);
        if (i < n && s[i] == '-')
            i++;
    } else {
        if (!(m = month_word(s, n, &i)))
            return 0;
        skip_space(s, n, &i);
        if (!day_number(s, n, &i, &d))
            return 0;
        skip_space(s, n, &i);
    }
    if (!year_number(s, n, &i, &y))
        return 0;
    return format_ymd(y, m, d, out);
}

int sr_date_normalize(const char *s, size_t n, char out[11])
{
    while (n && sr_is_space(*s)) {
        s++;
        n--;
    }
    if (n == 0)
        return 0;
    if (is_digit(s[0]) && parse_iso(s, n, out))
        return 1;
    return parse_words(s, n, out);
}

int sr_date_from_epoch(double t, char out[11])
{
    if (!isfinite(t))
        return 0;
    if (fabs(t) >= 1e11)
        t /= 1000; /* milliseconds */
    if (t < -62135596800.0 || t > 253402300799.0) /* years 1 to 9999 */
        return 0;
    /* days since 1970-01-01 to a civil date (proleptic Gregorian) */
    long long z = (long long)floor(t / 86400) + 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int d = (int)(doy - (153 * mp + 2) / 5 + 1);
    int m = (int)(mp < 10 ? mp + 3 : mp - 9);
    int y = (int)(yoe + era * 400 + (m <= 2));
    return format_ymd(y, m, d, out);
}
