/*
 * Expressions whose value depends on the document date: today, yesterday,
 * tonight, "on Monday", "last week", "this month", "next year", "two days
 * ago", "Monday evening", "last night"; the anaphoric "the next day",
 * "that day", resolved against the last date the text stated; and the
 * vague PAST_REF / PRESENT_REF / FUTURE_REF words.
 */
#include "time/timex_internal.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static void append_part(tx_match *m, int part)
{
    size_t n = strlen(m->value);
    snprintf(m->value + n, sizeof m->value - n, "T%s", tx_part_codes[part]);
    m->type = SR_TIMEX_TIME;
}

/* "morning", "evening" right after a day: Monday evening, yesterday morning */
static size_t part_after(const tx_ctx *c, size_t i, int *part)
{
    if (tx_kind(c, i, TXW_PART, part) && !(tx_word_flags(c, i, TXW_PART) & TXF_PLURAL) &&
        !tx_is(c, i, "OVERNIGHT"))
        return 1;
    return 0;
}

static void set_unknown_day(tx_match *m, size_t from, size_t to)
{
    tx_set(m, from, to, SR_TIMEX_DATE, "day", "XXXX-XX-XX");
}

static int deictic(const tx_ctx *c, size_t i, tx_match *m)
{
    int d, part;
    size_t from = i;
    int offset = 0;
    if (tx_is(c, i, "THE") && tx_is(c, i + 1, "DAY") &&
        ((tx_is(c, i + 2, "BEFORE") && tx_is(c, i + 3, "YESTERDAY")) ||
         (tx_is(c, i + 2, "AFTER") && tx_is(c, i + 3, "TOMORROW")))) {
        offset = tx_is(c, i + 2, "BEFORE") ? -1 : 1;
        i += 3;
    }
    if (!tx_kind(c, i, TXW_DEICTIC, &d))
        return 0;
    offset += d == TXD_YESTERDAY ? -1 : d == TXD_TOMORROW ? 1 : 0;
    if (!c->has_dct) {
        if (d == TXD_TODAY && !offset)
            tx_set(m, from, i + 1, SR_TIMEX_DATE, NULL, "PRESENT_REF");
        else
            set_unknown_day(m, from, i + 1);
    } else {
        tx_set_day(c, m, from, i + 1, c->dct_days + offset);
    }
    if (d == TXD_TONIGHT) {
        append_part(m, 3);
    } else if (part_after(c, i + 1, &part)) {
        append_part(m, part);
        m->to = i + 2;
    }
    return 1;
}

/* Monday, on Monday, Monday evening; this/last/next Monday */
static int weekday(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i;
    int dir = 0;
    if (tx_is(c, j, "LAST") || tx_is(c, j, "PREVIOUS"))
        dir = -2;
    else if (tx_is(c, j, "NEXT") || tx_is(c, j, "COMING"))
        dir = 2;
    else if (tx_is(c, j, "THIS"))
        dir = 9;
    if (dir) {
        j++;
        /* "this past Monday", "this coming Friday" */
        if (dir == 9 && tx_is(c, j, "PAST")) {
            dir = -2;
            j++;
        } else if (dir == 9 && tx_is(c, j, "COMING")) {
            dir = 2;
            j++;
        }
    }
    int wd, flags;
    if (!tx_kind(c, j, TXW_WEEKDAY, &wd))
        return 0;
    flags = tx_word_flags(c, j, TXW_WEEKDAY);
    if ((flags & TXF_ABBR) || !tx_cap(c, j))
        return 0;
    if (flags & TXF_PLURAL) {
        /* on Mondays: every Monday */
        char v[32];
        snprintf(v, sizeof v, "XXXX-WXX-%d", wd + 1);
        tx_set(m, i, j + 1, SR_TIMEX_SET, NULL, v);
        return 1;
    }
    if (!dir && j > c->first) {
        /* Black Monday, Good Friday, Super Tuesday: names, not dates */
        static const char *const names[] = {"BLACK", "BLOODY", "GOOD", "SUPER", "ASH", "HOLY",
                                            "CYBER", "EASTER", "PALM", "MAUNDY", "SHROVE",
                                            "GIVING", "FAT", "MANIC", "BLUE", "GREAT"};
        for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
            if (tx_is(c, j - 1, names[k]) && tx_cap(c, j - 1))
                return 0;
        /* The Sunday Times, the Friday Mosque */
        if (tx_is(c, j - 1, "THE") && j + 1 < c->end && tx_cap(c, j + 1) &&
            (c->t->tokens[j + 1].flags & SR_TOK_WORD) && !tx_kind(c, j + 1, TXW_MONTH, NULL) &&
            !tx_kind(c, j + 1, TXW_PART, NULL))
            return 0;
    }
    if (dir == 9 || dir == 0)
        dir = tx_tense(c, j);
    int64_t days;
    if (tx_resolve_weekday(c, wd, dir, &days)) {
        tx_set_day(c, m, i, j + 1, days);
    } else {
        char v[32];
        snprintf(v, sizeof v, "XXXX-WXX-%d", wd + 1);
        tx_set(m, i, j + 1, SR_TIMEX_DATE, "day", v);
    }
    int part;
    if (part_after(c, j + 1, &part)) {
        append_part(m, part);
        m->to = j + 2;
    }
    return 1;
}

/* in the morning, during the night: a part of the day the story is on */
static int the_part(const tx_ctx *c, size_t i, tx_match *m)
{
    int part;
    if (!tx_is(c, i, "THE") || !part_after(c, i + 1, &part))
        return 0;
    if (!(tx_is(c, i - 1, "IN") || tx_is(c, i - 1, "DURING") || tx_is(c, i - 1, "THROUGHOUT") ||
          tx_is(c, i - 1, "OVERNIGHT")))
        return 0;
    /* "in the morning of 5 May", "the night of the attack" */
    if (tx_is(c, i + 2, "OF"))
        return 0;
    if (c->has_ref)
        tx_set_day(c, m, i, i + 2, c->ref_days);
    else if (c->has_dct)
        tx_set_day(c, m, i, i + 2, c->dct_days);
    else
        set_unknown_day(m, i, i + 2);
    m->sets_ref = 0;
    append_part(m, part);
    return 1;
}

/* this morning, last night, tonight's: a part of the document day */
static int part_of_day(const tx_ctx *c, size_t i, tx_match *m)
{
    int part, offset;
    if (tx_is(c, i, "THIS"))
        offset = 0;
    else if (tx_is(c, i, "LAST"))
        offset = -1;
    else
        return 0;
    if (!part_after(c, i + 1, &part))
        return 0;
    /* "last evening" is yesterday's, "last morning" is no English */
    if (offset < 0 && part < 2)
        return 0;
    if (c->has_dct)
        tx_set_day(c, m, i, i + 2, c->dct_days + offset);
    else
        set_unknown_day(m, i, i + 2);
    append_part(m, part);
    return 1;
}

static int singular_unit(const tx_ctx *c, size_t i, int *unit)
{
    return tx_kind(c, i, TXW_UNIT, unit) && !(tx_word_flags(c, i, TXW_UNIT) & TXF_PLURAL);
}

/* The date of a reference moved by offset units, the reference being the
 * document date or (for anaphora) the last date the text stated. */
static void unit_from(const tx_ctx *c, tx_match *m, size_t from, size_t to, int unit, int offset,
                      int anaphoric)
{
    if (anaphoric && unit >= TXU_YEAR && c->ref_year) {
        tx_ctx at = *c;
        at.has_dct = 1;
        at.dct = (tx_date){c->ref_year, 7, 1};
        at.dct_days = tx_days(c->ref_year, 7, 1);
        tx_set_unit_date(&at, m, from, to, unit, offset);
        return;
    }
    if (anaphoric && c->has_ref) {
        tx_ctx at = *c;
        at.has_dct = 1;
        at.dct_days = c->ref_days;
        at.dct = tx_from_days(c->ref_days);
        tx_set_unit_date(&at, m, from, to, unit, offset);
        return;
    }
    tx_set_unit_date(c, m, from, to, unit, offset);
}

/* The weekend: "this weekend" and "the weekend" are given the document
 * date's week, as TimeML annotators and HeidelTime do, even on a Monday
 * when the weekend meant has just gone (ISO counts it in the week before). */
static void weekend(const tx_ctx *c, tx_match *m, size_t from, size_t to, int offset)
{
    tx_set_unit_date(c, m, from, to, TXU_WEEKEND, offset);
}

/* this week, last month, next year, the past year, the previous day... */
static int unit_relative(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i;
    int the = tx_is(c, j, "THE");
    j += the;
    int offset, anaphoric = 0, past = 0;
    if (tx_is(c, j, "THIS") && !the)
        offset = 0;
    else if (tx_is(c, j, "CURRENT"))
        offset = 0;
    else if (tx_is(c, j, "LAST"))
        offset = -1;
    else if (tx_is(c, j, "PAST")) {
        offset = -1;
        past = 1;
    } else if (tx_is(c, j, "NEXT") || tx_is(c, j, "COMING") || tx_is(c, j, "UPCOMING"))
        offset = 1, anaphoric = the && tx_is(c, j, "NEXT");
    else if (tx_is(c, j, "PREVIOUS"))
        offset = -1, anaphoric = 1;
    else if (tx_is(c, j, "FOLLOWING"))
        offset = 1, anaphoric = 1;
    else if (tx_is(c, j, "SAME") && the)
        offset = 0, anaphoric = 1;
    else if (tx_is(c, j, "THAT") && !the)
        offset = 0, anaphoric = 1;
    else
        return 0;
    j++;
    int unit;
    if (!singular_unit(c, j, &unit) || unit == TXU_SECOND || unit == TXU_MINUTE ||
        unit == TXU_HOUR || unit == TXU_FORTNIGHT)
        return 0;
    /* "the last week of March", "the first day of": a part of something
     * else, whose value this table cannot give */
    if (tx_is(c, j + 1, "OF") && !tx_is(c, j, "YEAR"))
        return 0;
    if (unit == TXU_NIGHT) {
        if (offset != -1 || the || past)
            return 0;
        if (c->has_dct)
            tx_set_day(c, m, i, j + 1, c->dct_days - 1);
        else
            set_unknown_day(m, i, j + 1);
        append_part(m, 3);
        return 1;
    }
    /* "the past week", "past year": a stretch of time up to now */
    if (past) {
        char v[32];
        tx_duration_value(v, sizeof v, 1, 0, unit);
        tx_set(m, i, j + 1, SR_TIMEX_DURATION, NULL, v);
        return 1;
    }
    if (anaphoric && !c->has_ref && (tx_is(c, j - 1, "THAT") || tx_is(c, j - 1, "SAME")))
        return 0;
    if (unit == TXU_WEEKEND && !anaphoric) {
        weekend(c, m, i, j + 1, offset);
        return 1;
    }
    if (anaphoric && unit == TXU_DAY && !c->has_ref && !c->has_dct)
        return 0;
    unit_from(c, m, i, j + 1, unit, offset, anaphoric);
    return 1;
}

/* the year before, the day before, the week after: anaphoric */
static int unit_before(const tx_ctx *c, size_t i, tx_match *m)
{
    int unit;
    if (!tx_is(c, i, "THE") || !singular_unit(c, i + 1, &unit) || unit < TXU_DAY ||
        unit == TXU_NIGHT || unit == TXU_FORTNIGHT)
        return 0;
    int offset;
    if (tx_is(c, i + 2, "BEFORE") || tx_is(c, i + 2, "PREVIOUS") || tx_is(c, i + 2, "EARLIER"))
        offset = -1;
    else if (tx_is(c, i + 2, "AFTER"))
        offset = 1;
    else
        return 0;
    /* "the day before the attack" is relative to the attack */
    if (i + 3 < c->end && (c->t->tokens[i + 3].flags & SR_TOK_WORD) && !tx_is(c, i + 3, "AND") &&
        !tx_is(c, i + 3, "BUT"))
        return 0;
    if (!c->has_ref && !c->has_dct)
        return 0;
    unit_from(c, m, i, i + 3, unit, offset, 1);
    return 1;
}

/* by that time, at that time: the day last stated */
static int that_time(const tx_ctx *c, size_t i, tx_match *m)
{
    if (!tx_is(c, i, "THAT") || !tx_is(c, i + 1, "TIME") || !c->has_ref)
        return 0;
    if (!(tx_is(c, i - 1, "BY") || tx_is(c, i - 1, "AT") || tx_is(c, i - 1, "UNTIL")))
        return 0;
    tx_set_day(c, m, i, i + 2, c->ref_days);
    m->sets_ref = 0;
    return 1;
}

/* the weekend, over the weekend */
static int the_weekend(const tx_ctx *c, size_t i, tx_match *m)
{
    int unit;
    if (!tx_is(c, i, "THE") || !singular_unit(c, i + 1, &unit) || unit != TXU_WEEKEND)
        return 0;
    weekend(c, m, i, i + 2, 0);
    return 1;
}

/* on the day, for the day, that day: the day last stated */
static int the_day(const tx_ctx *c, size_t i, tx_match *m)
{
    if (!tx_is(c, i, "THE") || !tx_is(c, i + 1, "DAY"))
        return 0;
    /* "on the day", "to end the day": the day of the story */
    static const char *const before[] = {"ON", "FOR", "DURING", "THROUGHOUT", "END", "ENDED",
                                         "ENDING", "ENDS", "FINISH", "FINISHED", "FINISHING",
                                         "CLOSE", "CLOSED", "CLOSING", "START", "STARTED",
                                         "STARTING", "OPENED", "BEGAN", "BEGIN"};
    int ok = 0;
    for (size_t k = 0; k < sizeof before / sizeof before[0]; k++)
        ok |= tx_is(c, i - 1, before[k]);
    if (!ok)
        return 0;
    static const char *const after[] = {"OF", "WHEN", "THAT", "BEFORE", "AFTER", "AHEAD",
                                        "WHICH", "TO", "AS", "IN"};
    for (size_t k = 0; k < sizeof after / sizeof after[0]; k++)
        if (tx_is(c, i + 2, after[k]))
            return 0;
    if (c->has_ref)
        tx_set_day(c, m, i, i + 2, c->ref_days);
    else if (c->has_dct)
        tx_set_day(c, m, i, i + 2, c->dct_days);
    else
        return 0;
    return 1;
}

/* two days ago, a year ago, three years earlier */
static int ago(const tx_ctx *c, size_t i, tx_match *m)
{
    tx_count n;
    int unit;
    if (!tx_parse_count(c, i, &n) || !tx_kind(c, n.next, TXW_UNIT, &unit))
        return 0;
    size_t k = n.next + 1;
    int anaphoric = 0;
    if (tx_is(c, k, "AGO"))
        anaphoric = 0;
    else if (tx_is(c, k, "EARLIER") || tx_is(c, k, "LATER"))
        anaphoric = 1;
    else
        return 0;
    int sign = tx_is(c, k, "LATER") ? 1 : -1;
    if (anaphoric && !c->has_ref && sign > 0)
        return 0;
    /* "several years ago", "2.5 years ago", "3,000 years ago": no calendar
     * value worth computing */
    if (n.fuzzy || n.value != floor(n.value) || n.value > 1000 || !(c->has_dct || c->has_ref)) {
        tx_set(m, i, k + 1, SR_TIMEX_DATE, NULL, sign < 0 ? "PAST_REF" : "FUTURE_REF");
        return 1;
    }
    int count = (int)n.value * sign;
    tx_ctx at = *c;
    if (anaphoric && c->has_ref) {
        at.has_dct = 1;
        at.dct_days = c->ref_days;
        at.dct = tx_from_days(c->ref_days);
    }
    switch (unit) {
    case TXU_SECOND:
    case TXU_MINUTE:
    case TXU_HOUR: tx_set_day(&at, m, i, k + 1, at.dct_days); break;
    case TXU_DAY:
    case TXU_NIGHT: tx_set_day(&at, m, i, k + 1, at.dct_days + count); break;
    case TXU_WEEK:
    case TXU_FORTNIGHT:
        tx_set_day(&at, m, i, k + 1, at.dct_days + count * 7 * (unit == TXU_FORTNIGHT ? 2 : 1));
        break;
    case TXU_DECADE: /* "a decade ago" is a year, not the decade before this */
    case TXU_CENTURY:
        tx_set_unit_date(&at, m, i, k + 1, TXU_YEAR, count * (unit == TXU_DECADE ? 10 : 100));
        break;
    default: tx_set_unit_date(&at, m, i, k + 1, unit, count); break;
    }
    m->sets_ref = 0;
    return 1;
}

/* in recent years, the coming weeks */
static int vague_span(const tx_ctx *c, size_t i, tx_match *m)
{
    size_t j = i + tx_is(c, i, "THE");
    const char *value;
    if (tx_is(c, j, "RECENT"))
        value = "PAST_REF";
    else if ((tx_is(c, j, "COMING") || tx_is(c, j, "UPCOMING")) && j > i)
        value = "FUTURE_REF";
    else
        return 0;
    int unit;
    if (!tx_kind(c, j + 1, TXW_UNIT, &unit) || !(tx_word_flags(c, j + 1, TXW_UNIT) & TXF_PLURAL))
        return 0;
    tx_set(m, i, j + 2, SR_TIMEX_DATE, NULL, value);
    return 1;
}

int tx_match_relative(const tx_ctx *c, size_t i, tx_match *m)
{
    static const tx_form forms[] = {
        {deictic, TXM_KIND(TXW_DEICTIC) | TXM_CUE(TXC_THE)},
        {weekday, TXM_KIND(TXW_WEEKDAY) | TXM_CUE(TXC_RELATIVE)},
        {part_of_day, TXM_CUE(TXC_RELATIVE)},
        {the_part, TXM_CUE(TXC_THE)},
        {unit_relative, TXM_CUE(TXC_RELATIVE) | TXM_CUE(TXC_THE)},
        {unit_before, TXM_CUE(TXC_THE)},
        {that_time, TXM_CUE(TXC_RELATIVE)},
        {the_weekend, TXM_CUE(TXC_THE)},
        {the_day, TXM_CUE(TXC_THE)},
        {ago, TXM_DIGITS | TXM_KIND(TXW_NUMBER) | TXM_KIND(TXW_FUZZY) | TXM_CUE(TXC_ARTICLE)},
        {vague_span, TXM_CUE(TXC_RELATIVE) | TXM_CUE(TXC_THE)},
    };
    return tx_longest(c, i, forms, sizeof forms / sizeof forms[0], m);
}

/* PAST_REF, PRESENT_REF, FUTURE_REF words and phrases */
int tx_match_ref(const tx_ctx *c, size_t i, tx_match *m)
{
    static const char *const names[] = {NULL, "PAST_REF", "PRESENT_REF", "FUTURE_REF"};
    int r;
    if (tx_kind(c, i, TXW_REF, &r)) {
        /* "as soon as", "sooner or later" */
        if (r == TXR_FUTURE && (tx_is(c, i - 1, "AS") || tx_is(c, i - 1, "TOO")))
            return 0;
        /* "now-defunct" is one token; "Now" opening a clause still counts */
        tx_set(m, i, i + 1, SR_TIMEX_DATE, NULL, names[r]);
        return 1;
    }
    size_t j = i;
    if (tx_is(c, i, "AT") && (tx_is(c, i + 1, "PRESENT") ||
                              (tx_is(c, i + 1, "THE") && tx_is(c, i + 2, "MOMENT")))) {
        tx_set(m, i, i + (tx_is(c, i + 1, "PRESENT") ? 2 : 3), SR_TIMEX_DATE, NULL,
               "PRESENT_REF");
        return 1;
    }
    if (tx_is(c, i, "THESE") && tx_is(c, i + 1, "DAYS")) {
        tx_set(m, i, i + 2, SR_TIMEX_DATE, NULL, "PRESENT_REF");
        return 1;
    }
    if (!tx_is(c, j, "THE"))
        return 0;
    j++;
    if (tx_is(c, j, "PAST") && !tx_kind(c, j + 1, TXW_UNIT, NULL) &&
        !tx_parse_count(c, j + 1, &(tx_count){0}) && !tx_is(c, j + 1, "FEW")) {
        tx_set(m, i, j + 1, SR_TIMEX_DATE, NULL, "PAST_REF");
        return 1;
    }
    if (tx_is(c, j, "PRESENT") && !(j + 1 < c->end && (c->t->tokens[j + 1].flags & SR_TOK_WORD))) {
        tx_set(m, i, j + 1, SR_TIMEX_DATE, NULL, "PRESENT_REF");
        return 1;
    }
    if (tx_is(c, j, "TIME") && tx_is(c, j + 1, "BEING")) {
        tx_set(m, i, j + 2, SR_TIMEX_DATE, NULL, "PRESENT_REF");
        return 1;
    }
    static const char *const future_adj[] = {"NEAR", "FORESEEABLE", "DISTANT", "IMMEDIATE",
                                             "NOT-TOO-DISTANT"};
    for (size_t k = 0; k < sizeof future_adj / sizeof future_adj[0]; k++)
        if (tx_is(c, j, future_adj[k]) && tx_is(c, j + 1, "FUTURE")) {
            tx_set(m, i, j + 2, SR_TIMEX_DATE, NULL, "FUTURE_REF");
            return 1;
        }
    if (tx_is(c, j, "FUTURE") &&
        !(j + 1 < c->end && (c->t->tokens[j + 1].flags & SR_TOK_WORD) &&
          !tx_is(c, j + 1, "AND") && !tx_is(c, j + 1, "OR") && !tx_is(c, j + 1, "OF"))) {
        tx_set(m, i, j + 1, SR_TIMEX_DATE, NULL, "FUTURE_REF");
        return 1;
    }
    if ((tx_is(c, j, "NEAR") || tx_is(c, j, "SHORT") || tx_is(c, j, "LONG") ||
         tx_is(c, j, "MEDIUM")) &&
        tx_is(c, j + 1, "TERM")) {
        tx_set(m, i, j + 2, SR_TIMEX_DATE, NULL, "FUTURE_REF");
        return 1;
    }
    return 0;
}
