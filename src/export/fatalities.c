/*
 * Fatalities of an event: the "killed" figures (docs/figures.md) of the
 * sentences its mentions stand in.
 *
 * The rule (docs/store-export.md says the same):
 *  - a figure counts as its lower bound ("at least 10" is 10, "dozens" 24,
 *    as ACLED records the most conservative number a report allows), or its
 *    upper bound when the words give only that ("up to 20" is 20);
 *  - the figures of one sentence add up ("killed 129 loyalists and 116
 *    rebels" is 245), except a figure that the words between it and the
 *    figure it follows make a part of that one ("17 people, including 13
 *    police officers", "5812 civilians including 1733 children 969
 *    women"): parts are not added again;
 *  - a figure whose own words date it to a period the event's date is not
 *    in ("12 died last month", "280,000 killed since 2011") is a toll of
 *    something else and does not count, nor is a toll of a thousand or more
 *    in a sentence about the war as a whole ("a conflict that has killed
 *    more than 100,000"), nor any of 100,000 or more;
 *  - over the mentions of a real-world event, the largest sentence total:
 *    the reports are of the same deaths, and a later report usually has the
 *    fuller count.
 */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "export/export_internal.h"

/* Words that, between two figures, make the second a part of the first. */
static const char *const part_cues[] = {
    "including", "includes", "included", "among them", "among whom", "among those",
    "among the dead", "among the victims", "of them", "of whom", "mostly", "mainly",
    "most of them", "such as", NULL};

/* Words that make a large toll the war's, not one event's ("a conflict
 * that has killed more than 100,000", "since 2011", "in five years of
 * war"), and the size from which a toll is looked at that way: no single
 * event of a war reaches it. */
static const char *const war_cues[] = {
    "conflict", "the war", "civil war", "uprising", "revolution", "since", "years of",
    "so far", "in total", "overall", NULL};
#define WAR_TOLL_MIN 1000
/* A toll no single event comes near, whatever the sentence says. */
#define WAR_TOLL_ALWAYS 100000

/* Whether one of cues occurs in s[0..n), case-insensitive, starting a word. */
static int has_word_from(const char *const *cues, const char *s, size_t n)
{
    for (size_t i = 0; cues[i]; i++) {
        size_t k = strlen(cues[i]);
        for (size_t j = 0; j + k <= n; j++)
            if ((j == 0 || !isalpha((unsigned char)s[j - 1])) &&
                strncasecmp(s + j, cues[i], k) == 0)
                return 1;
    }
    return 0;
}

/* A clause break ends the list a part belongs to. */
static int has_break(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == ';' || (s[i] == '.' && i + 1 < n && s[i + 1] == ' '))
            return 1;
    return 0;
}

typedef struct killed {
    int64_t start, end;
    double value;
} killed;

/* Whether a figure dated by its own words (date_source "text") is of the
 * period an event of event_date falls in. */
static int same_period(sqlite3_stmt *st, const char *event_date)
{
    const char *source = (const char *)sqlite3_column_text(st, 6);
    const char *date = (const char *)sqlite3_column_text(st, 4);
    if (!source || strcmp(source, "text") != 0 || !date || !event_date)
        return 1;
    char end[11];
    const char *precision = (const char *)sqlite3_column_text(st, 5);
    if (!export_period_end(date, precision, end)) {
        if (strlen(date) < 10)
            return 1;
        memcpy(end, date, 10);
        end[10] = '\0';
    }
    return strncmp(date, event_date, 10) <= 0 && strncmp(event_date, end, 10) <= 0;
}

/* Read sentence `sentence` of doc_id into x->scratch; its offset in the
 * document goes to *start. 0 when the store has no such sentence. */
static int read_sentence(export_ctx *x, int64_t doc_id, int sentence, int64_t *start)
{
    sr_buf_reset(&x->scratch);
    sqlite3_stmt *st = x->sentence_stmt;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int(st, 2, sentence);
    int found = 0;
    if (sqlite3_step(st) == SQLITE_ROW) {
        *start = sqlite3_column_int64(st, 0);
        const void *p = sqlite3_column_blob(st, 1);
        int len = sqlite3_column_bytes(st, 1);
        if (p && len > 0)
            sr_buf_put(&x->scratch, p, (size_t)len);
        found = x->scratch.len > 0;
    }
    sqlite3_reset(st);
    return found;
}

/* The total of sentence `sentence` of document doc_id, for a mention
 * dated event_date (or NULL). */
static int sentence_total(export_ctx *x, int64_t doc_id, int sentence, const char *event_date,
                          double *total, sr_error *err)
{
    sqlite3_stmt *st = x->figures_stmt;
    sqlite3_reset(st);
    sqlite3_bind_int64(st, 1, doc_id);
    sqlite3_bind_int(st, 2, sentence);
    killed figs[64];
    size_t n = 0;
    int rc, large = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && n < sizeof figs / sizeof figs[0]) {
        killed k = {sqlite3_column_int64(st, 0), sqlite3_column_int64(st, 1), NAN};
        if (sqlite3_column_type(st, 2) != SQLITE_NULL)
            k.value = sqlite3_column_double(st, 2);
        else if (sqlite3_column_type(st, 3) != SQLITE_NULL)
            k.value = sqlite3_column_double(st, 3);
        if (!isnan(k.value) && k.value >= 0 && same_period(st, event_date)) {
            figs[n++] = k;
            large |= k.value >= WAR_TOLL_MIN;
        }
    }
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sr_error_set(err, SR_EIO, "export: reading figures: %s", sqlite3_errmsg(x->db));
    sqlite3_reset(st);
    *total = 0;
    if (n == 0)
        return 0;
    if (n == 1 && !large) {
        *total = figs[0].value;
        return 0;
    }

    /* The words of the sentence decide what adds up. */
    int64_t start = 0;
    const char *text = "";
    int64_t tlen = 0;
    if (read_sentence(x, doc_id, sentence, &start)) {
        text = x->scratch.data;
        tlen = (int64_t)x->scratch.len;
    }
    int war = large && has_word_from(war_cues, text, (size_t)tlen);
    size_t whole = SIZE_MAX; /* the figure later ones may be parts of */
    for (size_t i = 0; i < n; i++) {
        if ((war && figs[i].value >= WAR_TOLL_MIN) || figs[i].value >= WAR_TOLL_ALWAYS)
            continue;
        int part = 0;
        if (whole != SIZE_MAX) {
            int64_t a = figs[whole].end - start, b = figs[i].start - start;
            if (a >= 0 && b > a && b <= tlen)
                part = has_word_from(part_cues, text + a, (size_t)(b - a)) &&
                       !has_break(text + a, (size_t)(b - a));
        }
        if (!part) {
            *total += figs[i].value;
            whole = i;
        }
    }
    return 0;
}

int export_fatalities(export_ctx *x, const sr_event_row *r, int64_t doc_id, int64_t *out,
                      sr_error *err)
{
    *out = 0;
    double best = 0;
    if (r->group_id == 0) {
        if (sentence_total(x, doc_id, r->sentence, r->date, &best, err) != 0)
            return SR_EIO;
    } else {
        sqlite3_stmt *st = x->members_stmt;
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, r->group_id);
        int rc;
        while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
            double t;
            const char *date = (const char *)sqlite3_column_text(st, 2);
            if (sentence_total(x, sqlite3_column_int64(st, 0), sqlite3_column_int(st, 1), date,
                               &t, err) != 0) {
                sqlite3_reset(st);
                return SR_EIO;
            }
            if (t > best)
                best = t;
        }
        sqlite3_reset(st);
        if (rc != SQLITE_DONE)
            return sr_error_set(err, SR_EIO, "export: reading an event's mentions: %s",
                                sqlite3_errmsg(x->db));
    }
    *out = (int64_t)llround(best);
    return 0;
}
