/*
 * Calendar arithmetic (proleptic Gregorian): days since 1970-01-01 and
 * back, weekdays, ISO weeks, month lengths, "YYYY-MM-DD" text. The one
 * copy in the library: the time expressions, the readers' dates, the store's days, the
 * figures' date comparisons, the exports and the report's timeline all
 * count days with it. Implemented in time/calendar.c.
 */
#ifndef SR_TIME_CALENDAR_H
#define SR_TIME_CALENDAR_H

#include <stddef.h>
#include <stdint.h>

typedef struct tx_date {
    int y, m, d;
} tx_date;

int tx_days_in_month(int y, int m);
int tx_valid(int y, int m, int d);
/* Days since 1970-01-01 (negative before). */
int64_t tx_days(int y, int m, int d);
tx_date tx_from_days(int64_t days);
/* 0 = Monday ... 6 = Sunday, as ISO 8601 counts. */
int tx_weekday(int64_t days);
void tx_iso_week(int64_t days, int *year, int *week);
/* "YYYY-MM-DD" exactly (trailing bytes ignored); 1 when valid. */
int tx_parse_ymd(const char *s, tx_date *out);
void tx_fmt_day(char *buf, size_t n, tx_date d);
void tx_fmt_week(char *buf, size_t n, int64_t days);
void tx_add_months(int *y, int *m, int k);

#endif
