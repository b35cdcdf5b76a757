/*
 * timeline: events per day (or week, or month) by PLOVER type, as bars
 * stacked in the order of style.c, violence at the bottom.
 *
 * Days are counted from 1970-01-01 in the proleptic Gregorian calendar
 * (the day numbers of src/time/calendar.c), so every bucket between the
 * first and the last event is drawn, the empty ones too: a quiet week is
 * news.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "store/filter.h"
#include "time/calendar.h"

static int parse_date(const char *date, int *y, int *m, int *d)
{
    char tail;
    return date && strlen(date) == 10 && sscanf(date, "%4d-%2d-%2d%c", y, m, d, &tail) == 3 &&
           *y >= 1 && *m >= 1 && *m <= 12 && *d >= 1 && *d <= 31;
}

int rep_day_number(const char *date)
{
    int y, m, d;
    if (!parse_date(date, &y, &m, &d) || !tx_valid(y, m, d)) /* no 31 February */
        return -1;
    return (int)tx_days(y, m, d);
}

void rep_day_string(int day, char out[11])
{
    tx_date t = tx_from_days(day);
    /* the ranges keep the text at 10 characters */
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)t.y % 10000u, (unsigned)t.m % 13u,
             (unsigned)t.d % 32u);
}

static int week_start(int day)
{
    return day - tx_weekday(day);
}

static int month_index(int day)
{
    tx_date t = tx_from_days(day);
    return t.y * 12 + (t.m - 1);
}

static int bucket_of(rep_bucket_unit unit, int first, int day)
{
    switch (unit) {
    case REP_BY_DAY: return day - first;
    case REP_BY_WEEK: return (week_start(day) - week_start(first)) / 7;
    default: return month_index(day) - month_index(first);
    }
}

/* The span drawn: the events', stretched to the asked period when it is
 * given in full and not absurdly long (a --since 1900 should not draw a
 * century of empty months). */
static void span(const report *r, int *first, int *last)
{
    *first = r->timeline[0].day;
    *last = r->timeline[r->ntimeline - 1].day;
    /* A few events dated years away from the rest (a misread year) would
     * squeeze the chart into a corner: when the shortest run of days that
     * holds 95% of the events is under half the whole span, the chart
     * shows that run, and the note says how many events it leaves out. */
    long total = 0;
    for (size_t i = 0; i < r->ntimeline; i++)
        total += r->timeline[i].n;
    long need = (total * 95 + 99) / 100, run = 0;
    int best_first = *first, best_last = *last;
    for (size_t i = 0, j = 0; j < r->ntimeline; j++) {
        run += r->timeline[j].n;
        while (i < j && run - r->timeline[i].n >= need)
            run -= r->timeline[i++].n;
        if (run >= need && r->timeline[j].day - r->timeline[i].day < best_last - best_first) {
            best_first = r->timeline[i].day;
            best_last = r->timeline[j].day;
        }
    }
    if (2 * (best_last - best_first) < *last - *first) {
        *first = best_first;
        *last = best_last;
    }
    char since[11], until[11];
    if (r->filter.since && r->filter.until &&
        sr_filter_date_bound("since", r->filter.since, 0, since, NULL) == 0 &&
        sr_filter_date_bound("until", r->filter.until, 1, until, NULL) == 0) {
        int s = rep_day_number(since), y, m, d;
        /* "-31" closes any month in a string comparison: here, the day
         * before the next month's first */
        int u = parse_date(until, &y, &m, &d) ? (int)tx_days(y, m, d) : -1;
        if (u >= 0 && d > 28) {
            int next = m == 12 ? (int)tx_days(y + 1, 1, 1) : (int)tx_days(y, m + 1, 1);
            if (u >= next)
                u = next - 1;
        }
        if (s >= 0 && u >= s && u - s <= 5 * 366 && s <= *first && u >= *last) {
            *first = s;
            *last = u;
        }
    }
}

void rep_timeline_buckets(const report *r, int max_days, rep_bucket **out, size_t *n,
                          rep_bucket_unit *unit)
{
    *out = NULL;
    *n = 0;
    *unit = REP_BY_DAY;
    if (!r->ntimeline)
        return;
    int first, last;
    span(r, &first, &last);
    int days = last - first + 1;
    *unit = days <= max_days ? REP_BY_DAY : days <= 730 ? REP_BY_WEEK : REP_BY_MONTH;
    size_t nb = (size_t)bucket_of(*unit, first, last) + 1;
    rep_bucket *b = sr_arena_calloc(r->arena, nb, sizeof *b);
    for (size_t i = 0; i < nb; i++) {
        if (*unit == REP_BY_DAY) {
            b[i].first_day = first + (int)i;
        } else if (*unit == REP_BY_WEEK) {
            b[i].first_day = week_start(first) + 7 * (int)i;
        } else {
            int mi = month_index(first) + (int)i;
            b[i].first_day = (int)tx_days(mi / 12, mi % 12 + 1, 1);
        }
    }
    for (size_t i = 0; i < r->ntimeline; i++) {
        const rep_tl_cell *c = &r->timeline[i];
        int k = c->day < first || c->day > last ? -1 : bucket_of(*unit, first, c->day);
        if (k < 0 || (size_t)k >= nb)
            continue;
        b[k].n[c->type] += c->n;
        b[k].total += c->n;
    }
    *out = b;
    *n = nb;
}

long rep_timeline_total(const report *r)
{
    long n = 0;
    for (size_t i = 0; i < r->ntimeline; i++)
        n += r->timeline[i].n;
    return n;
}

static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "5 Mar", or "Mar" for months; the year goes on a second line. */
static void put_label(sr_buf *b, int day, rep_bucket_unit unit)
{
    tx_date t = tx_from_days(day);
    if (unit == REP_BY_MONTH)
        sr_buf_printf(b, "%s", month_names[t.m - 1]);
    else
        sr_buf_printf(b, "%d %s", t.d, month_names[t.m - 1]);
}

static long nice_step(long max, int ticks)
{
    long step = 1;
    for (;;) {
        for (int k = 0; k < 3; k++) {
            long s = step * (k == 0 ? 1 : k == 1 ? 2 : 5);
            if (max / s <= ticks)
                return s;
        }
        step *= 10;
    }
}

void rep_timeline_svg(sr_buf *b, const report *r)
{
    rep_bucket *bk;
    size_t nb;
    rep_bucket_unit unit;
    rep_timeline_buckets(r, 120, &bk, &nb, &unit);
    if (!nb)
        return;
    const double W = 1000, H = 270, left = 46, right = 10, top = 12, bottom = 44;
    double pw = W - left - right, ph = H - top - bottom;
    long max = 1;
    for (size_t i = 0; i < nb; i++)
        if (bk[i].total > max)
            max = bk[i].total;
    long step = nice_step(max, 5);
    long axis = (max + step - 1) / step * step;
    double slot = pw / (double)nb, bar = slot > 3 ? slot * 0.78 : slot;
    static const char *const unit_name[] = {"day", "week", "month"};
    sr_buf_printf(b,
                  "<svg class=\"chart\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
                  "aria-label=\"Events per %s by type\">\n",
                  W, H, unit_name[unit]);
    /* grid and y labels */
    for (long v = 0; v <= axis; v += step) {
        double y = top + ph - ph * (double)v / (double)axis;
        sr_buf_printf(b,
                      "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" class=\"grid\"/>"
                      "<text x=\"%.0f\" y=\"%.1f\" class=\"ylab\">%ld</text>\n",
                      left, y, W - right, y, left - 6, y + 4, v);
    }
    /* bars */
    for (size_t i = 0; i < nb; i++) {
        double x = left + slot * (double)i + (slot - bar) / 2;
        double y = top + ph;
        char day[11];
        rep_day_string(bk[i].first_day, day);
        for (int t = 0; t < REP_NTYPES; t++) {
            if (!bk[i].n[t])
                continue;
            double h = ph * (double)bk[i].n[t] / (double)axis;
            y -= h;
            sr_buf_printf(b,
                          "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" fill=\"%s\">"
                          "<title>%s%s: %ld %s</title></rect>\n",
                          x, y, bar, h, rep_types[t].color,
                          unit == REP_BY_DAY ? "" : unit == REP_BY_WEEK ? "week of " : "month of ",
                          day, bk[i].n[t], rep_types[t].label);
        }
    }
    /* x labels: about a dozen, on bucket starts; the year under the first
     * label and wherever it changes */
    size_t every = (nb + 11) / 12;
    if (unit == REP_BY_DAY && every > 1 && every < 7)
        every = every <= 2 ? 2 : 7;
    int last_year = -1;
    for (size_t i = 0; i < nb; i += every) {
        double x = left + slot * ((double)i + 0.5);
        int y = tx_from_days(bk[i].first_day).y;
        sr_buf_printf(b, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" class=\"tick\"/>",
                      x, top + ph, x, top + ph + 4);
        sr_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\" class=\"xlab\">", x, top + ph + 17);
        put_label(b, bk[i].first_day, unit);
        sr_buf_puts(b, "</text>");
        if (y != last_year)
            sr_buf_printf(b, "<text x=\"%.1f\" y=\"%.0f\" class=\"xlab year\">%d</text>", x,
                          top + ph + 32, y);
        last_year = y;
        sr_buf_putc(b, '\n');
    }
    sr_buf_printf(b, "<line x1=\"%.0f\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" class=\"axis\"/>\n",
                  left, top + ph, W - right, top + ph);
    sr_buf_puts(b, "</svg>\n");
}

void rep_put_timeline_note(sr_buf *b, const report *r, const rep_bucket *bk, size_t nb,
                           rep_bucket_unit unit, const char *undated_fate, const char *far_fate)
{
    sr_buf_printf(b, "Events per %s by PLOVER type, counted on the day each event was first "
                     "reported to happen.",
                  unit == REP_BY_DAY ? "day" : unit == REP_BY_WEEK ? "week (from Monday)" : "month");
    if (r->head.undated)
        sr_buf_printf(b, " %ld undated event%s %s.", r->head.undated,
                      r->head.undated == 1 ? " is" : "s are", undated_fate);
    long shown = 0, all = rep_timeline_total(r);
    for (size_t i = 0; i < nb; i++)
        shown += bk[i].total;
    if (all > shown)
        sr_buf_printf(b, " %ld event%s dated far from the rest %s %s.", all - shown,
                      all - shown == 1 ? "" : "s", all - shown == 1 ? "is" : "are", far_fate);
}
