/* Field writing and date handling shared by the export formats. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "export/export_internal.h"
#include "time/calendar.h"

void export_tsv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    for (; *s; s++)
        sr_buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
}

void export_csv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    int quote = strpbrk(s, ",\"\r\n") != NULL;
    if (quote)
        sr_buf_putc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            sr_buf_puts(b, "\"\"");
        else
            sr_buf_putc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? ' ' : *s);
    }
    if (quote)
        sr_buf_putc(b, '"');
}

void export_json_key(sr_buf *b, const char *key)
{
    if (b->len > 0 && b->data[b->len - 1] != '{')
        sr_buf_putc(b, ',');
    sr_buf_json_strz(b, key);
    sr_buf_putc(b, ':');
}

void export_json_str(sr_buf *b, const char *key, const char *s)
{
    export_json_key(b, key);
    sr_buf_json_strz(b, s);
}

void export_json_uint(sr_buf *b, const char *key, unsigned long long v)
{
    export_json_key(b, key);
    sr_buf_put_uint(b, v);
}

void export_json_num(sr_buf *b, const char *key, double v)
{
    export_json_key(b, key);
    sr_buf_json_number(b, v);
}

void export_json_id(sr_buf *b, const char *key, int64_t id)
{
    export_json_key(b, key);
    sr_buf_printf(b, "\"%lld\"", (long long)id);
}

void export_json_counts(sr_buf *b, const export_event *ev)
{
    export_json_uint(b, "num_mentions", (unsigned)ev->num_mentions);
    export_json_uint(b, "num_sources", (unsigned)ev->num_sources);
    export_json_uint(b, "num_articles", (unsigned)ev->num_articles);
    export_json_uint(b, "fatalities", (unsigned long long)ev->fatalities);
}

static int digits(const char *s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        v = v * 10 + (s[i] - '0');
    }
    *out = v;
    return 1;
}

int export_parse_date(const char *s, int *y, int *m, int *d)
{
    if (!s || strlen(s) < 10 || s[4] != '-' || s[7] != '-')
        return 0;
    if (!digits(s, 4, y) || !digits(s + 5, 2, m) || !digits(s + 8, 2, d))
        return 0;
    return *m >= 1 && *m <= 12 && *d >= 1 && *d <= tx_days_in_month(*y, *m);
}

int export_parse_timestamp(const char *s, time_t *out)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!export_parse_date(s, &y, &mo, &d))
        return 0;
    const char *p = s + 10;
    if ((*p == 'T' || *p == ' ') && strlen(p) >= 9 && p[3] == ':' && p[6] == ':') {
        if (!digits(p + 1, 2, &h) || !digits(p + 4, 2, &mi) || !digits(p + 7, 2, &sec))
            return 0;
        p += 9;
        if (*p == '.')
            for (p++; *p >= '0' && *p <= '9'; p++)
                ;
    }
    long offset = 0;
    if ((*p == '+' || *p == '-') && strlen(p) >= 6 && p[3] == ':') {
        int oh, om;
        if (!digits(p + 1, 2, &oh) || !digits(p + 4, 2, &om))
            return 0;
        offset = (oh * 3600L + om * 60L) * (*p == '-' ? -1 : 1);
    }
    struct tm tm = {0};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = sec;
    *out = timegm(&tm) - offset;
    return 1;
}

int export_period_end(const char *date, const char *precision, char out[11])
{
    int y, m, d;
    if (!precision || !export_parse_date(date, &y, &m, &d))
        return 0;
    if (strcmp(precision, "week") == 0) {
        tx_date last = tx_from_days(tx_days(y, m, d) + 6);
        y = last.y;
        m = last.m;
        d = last.d;
    } else if (strcmp(precision, "month") == 0) {
        d = tx_days_in_month(y, m);
    } else if (strcmp(precision, "year") == 0) {
        m = 12;
        d = 31;
    } else {
        return 0;
    }
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return 1;
}
