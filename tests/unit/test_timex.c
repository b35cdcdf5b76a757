/*
 * Time expressions: exact spans, TIMEX3 values and types against a
 * document date (Friday 14 September 2018 unless a case says otherwise),
 * what is left alone, datelines, and documents without a date.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "sitrep/text.h"
#include "sitrep/timex.h"
#include "time/timex_internal.h"

#define DCT "2018-09-14"

typedef struct tcase {
    const char *date; /* document date, NULL for none */
    const char *text;
    const char *span; /* the expression's text: its first occurrence in text */
    const char *value;
    sr_timex_type type;
} tcase;

static const char *const type_name[] = {"DATE", "TIME", "DURATION", "SET"};

/* Runs every case and tells each failure; returns how many failed. */
static int run_cases(const tcase *cases, size_t n)
{
    int failed = 0;
    sr_arena *a = sr_arena_new(0);
    for (size_t k = 0; k < n; k++) {
        const tcase *tc = &cases[k];
        sr_arena_reset(a);
        sr_text *t = sr_text_analyze(a, tc->text, strlen(tc->text));
        sr_timex *xs = NULL;
        size_t nx = 0;
        if (sr_timex_find(t, tc->date, a, &xs, &nx) != 0) {
            fprintf(stderr, "  case \"%s\": sr_timex_find failed\n", tc->text);
            failed++;
            continue;
        }
        const char *at = strstr(tc->text, tc->span);
        uint32_t start = at ? (uint32_t)(at - tc->text) : 0, end = start + (uint32_t)strlen(tc->span);
        const sr_timex *hit = NULL;
        for (size_t i = 0; i < nx; i++)
            if (xs[i].start == start && xs[i].end == end)
                hit = &xs[i];
        if (!at || !hit || strcmp(hit->value, tc->value) != 0 || hit->type != tc->type) {
            fprintf(stderr, "  case \"%s\": want [%s] %s %s; got", tc->text, tc->span, tc->value,
                    type_name[tc->type]);
            for (size_t i = 0; i < nx; i++)
                fprintf(stderr, " [%.*s] %s %s;", (int)(xs[i].end - xs[i].start),
                        tc->text + xs[i].start, xs[i].value, type_name[xs[i].type]);
            fputc('\n', stderr);
            failed++;
        }
    }
    sr_arena_free(a);
    return failed;
}

#define RUN_TABLE(table) CHECK_INT(run_cases(table, sizeof table / sizeof table[0]), 0)

TEST(absolute_dates)
{
    static const tcase cases[] = {
        {DCT, "The talks opened on 3 September 2018 in Geneva.", "3 September 2018", "2018-09-03",
         SR_TIMEX_DATE},
        {DCT, "Rebels shelled the town on Sept. 3, officials said.", "Sept. 3", "2018-09-03",
         SR_TIMEX_DATE},
        {DCT, "The offensive began on Sept 3rd.", "Sept 3rd", "2018-09-03", SR_TIMEX_DATE},
        {DCT, "The truce collapsed on September 3, residents said.", "September 3", "2018-09-03",
         SR_TIMEX_DATE},
        {DCT, "A statement dated 2018-09-03 was released.", "2018-09-03", "2018-09-03",
         SR_TIMEX_DATE},
        {DCT, "The ceasefire of 14/09/2018 held.", "14/09/2018", "2018-09-14", SR_TIMEX_DATE},
        {DCT, "Monday, September 10, 2018 was calm.", "Monday, September 10, 2018", "2018-09-10",
         SR_TIMEX_DATE},
        {DCT, "The accord was signed on February 24, 1955 in Baghdad.", "February 24, 1955",
         "1955-02-24", SR_TIMEX_DATE},
        {DCT, "The war began in 2011.", "2011", "2011", SR_TIMEX_DATE},
        {DCT, "Fighting resumed in 2014 near the border.", "2014", "2014", SR_TIMEX_DATE},
        {DCT, "The group was founded in August 2016.", "August 2016", "2016-08", SR_TIMEX_DATE},
        {DCT, "The army retook the city in August.", "August", "2018-08", SR_TIMEX_DATE},
        {DCT, "Attacks rose during the 1990s.", "the 1990s", "199", SR_TIMEX_DATE},
        {DCT, "It was a hit in the '80s.", "the '80s", "198", SR_TIMEX_DATE},
        {DCT, "Fighting stopped in the spring.", "the spring", "2018-SP", SR_TIMEX_DATE},
        {DCT, "Profits fell in the third quarter of 2017.", "the third quarter of 2017", "2017-Q3",
         SR_TIMEX_DATE},
        {DCT, "Profits fell in the first quarter.", "the first quarter", "2018-Q1", SR_TIMEX_DATE},
        {DCT, "The plant will reopen in mid-June.", "mid-June", "2019-06", SR_TIMEX_DATE},
        {DCT, "Revenue grew in fiscal 2017.", "fiscal 2017", "FY2017", SR_TIMEX_DATE},
        {DCT, "Prices were last this low in early 2009.", "early 2009", "2009", SR_TIMEX_DATE},
        {DCT, "The delegation arrived at Christmas 2016.", "Christmas 2016", "2016-12-25",
         SR_TIMEX_DATE},
        {DCT, "Stocks fell to their lowest since '82.", "'82", "1982", SR_TIMEX_DATE},
    };
    RUN_TABLE(cases);
}

TEST(relative_dates)
{
    static const tcase cases[] = {
        {DCT, "The army said today that it had advanced.", "today", "2018-09-14", SR_TIMEX_DATE},
        {DCT, "Two soldiers were killed yesterday.", "yesterday", "2018-09-13", SR_TIMEX_DATE},
        {DCT, "The envoy arrives tomorrow.", "tomorrow", "2018-09-15", SR_TIMEX_DATE},
        {DCT, "Jets struck Idlib on Monday, activists said.", "Monday", "2018-09-10",
         SR_TIMEX_DATE},
        {DCT, "The ministers will meet on Monday.", "Monday", "2018-09-17", SR_TIMEX_DATE},
        {"2018-09-10", "The army said on Monday that it had won.", "Monday", "2018-09-10",
         SR_TIMEX_DATE},
        {DCT, "The two sides met last Monday.", "last Monday", "2018-09-10", SR_TIMEX_DATE},
        {DCT, "The vote is next Monday.", "next Monday", "2018-09-17", SR_TIMEX_DATE},
        {DCT, "Shelling killed 20 people last week.", "last week", "2018-W36", SR_TIMEX_DATE},
        {DCT, "The UN said this week that aid was blocked.", "this week", "2018-W37",
         SR_TIMEX_DATE},
        {DCT, "Talks collapsed last month.", "last month", "2018-08", SR_TIMEX_DATE},
        {DCT, "Aid deliveries resumed this month.", "this month", "2018-09", SR_TIMEX_DATE},
        {DCT, "Elections are due next month.", "next month", "2018-10", SR_TIMEX_DATE},
        {DCT, "The city fell last year.", "last year", "2017", SR_TIMEX_DATE},
        {DCT, "Refugee numbers doubled this year.", "this year", "2018", SR_TIMEX_DATE},
        {DCT, "The town was retaken earlier this year.", "earlier this year", "2018",
         SR_TIMEX_DATE},
        {DCT, "The convoy was hit two days ago.", "two days ago", "2018-09-12", SR_TIMEX_DATE},
        {DCT, "The siege began three years ago.", "three years ago", "2015", SR_TIMEX_DATE},
        {DCT, "The war began a decade ago.", "a decade ago", "2008", SR_TIMEX_DATE},
        {DCT, "Jets struck a week ago.", "a week ago", "2018-09-07", SR_TIMEX_DATE},
        {DCT, "The siege has lasted since late August.", "late August", "2018-08", SR_TIMEX_DATE},
        {DCT, "Talks will resume in Geneva later this month.", "later this month", "2018-09",
         SR_TIMEX_DATE},
        {DCT, "The ceasefire should hold until the end of the year.", "the end of the year", "2018",
         SR_TIMEX_DATE},
        {DCT, "The summit, scheduled for October 15, was postponed.", "October 15", "2018-10-15",
         SR_TIMEX_DATE},
        {DCT, "A June 3 hearing has been scheduled.", "June 3", "2019-06-03", SR_TIMEX_DATE},
        {DCT, "No convoy has passed since the end of April.", "the end of April", "2018-04",
         SR_TIMEX_DATE},
        {DCT, "Protests spread this weekend.", "this weekend", "2018-W37-WE", SR_TIMEX_DATE},
        {DCT, "It happened the day before yesterday.", "the day before yesterday", "2018-09-12",
         SR_TIMEX_DATE},
        {DCT, "The summit will be held in October.", "October", "2018-10", SR_TIMEX_DATE},
        {DCT, "The attack took place in October.", "October", "2017-10", SR_TIMEX_DATE},
        {DCT, "On 3 September the army attacked. The following day, rebels hit back.",
         "The following day", "2018-09-04", SR_TIMEX_DATE},
        {DCT, "The plan, first raised in 2012, was dropped the year after.", "the year after",
         "2013", SR_TIMEX_DATE},
        {DCT, "He has recently returned.", "recently", "PAST_REF", SR_TIMEX_DATE},
        {DCT, "Chlorine was used in the past.", "the past", "PAST_REF", SR_TIMEX_DATE},
        {DCT, "The town is now under siege.", "now", "PRESENT_REF", SR_TIMEX_DATE},
        {DCT, "The group currently holds the city.", "currently", "PRESENT_REF", SR_TIMEX_DATE},
        {DCT, "There is no plan at present.", "at present", "PRESENT_REF", SR_TIMEX_DATE},
        {DCT, "Talks may resume in the future.", "the future", "FUTURE_REF", SR_TIMEX_DATE},
        {DCT, "Talks will resume soon.", "soon", "FUTURE_REF", SR_TIMEX_DATE},
        {DCT, "Attacks grew in recent weeks.", "recent weeks", "PAST_REF", SR_TIMEX_DATE},
    };
    RUN_TABLE(cases);
}

TEST(durations_and_sets)
{
    static const tcase cases[] = {
        {DCT, "She has worked there for 33 years.", "33 years", "P33Y", SR_TIMEX_DURATION},
        {DCT, "The battle lasted six hours.", "six hours", "PT6H", SR_TIMEX_DURATION},
        {DCT, "The siege lasted eight days.", "eight days", "P8D", SR_TIMEX_DURATION},
        {DCT, "Talks could take several weeks.", "several weeks", "PXW", SR_TIMEX_DURATION},
        {DCT, "The truce lasted two and a half years.", "two and a half years", "P2.5Y",
         SR_TIMEX_DURATION},
        {DCT, "It ended a 12-year war.", "12-year", "P12Y", SR_TIMEX_DURATION},
        {DCT, "It was a twenty-five year rule.", "twenty-five year", "P25Y", SR_TIMEX_DURATION},
        {DCT, "It fell in thirty minutes.", "thirty minutes", "PT30M", SR_TIMEX_DURATION},
        {DCT, "The war has raged for more than five years.", "more than five years", "P5Y",
         SR_TIMEX_DURATION},
        {DCT, "Fighting has raged for years.", "years", "PXY", SR_TIMEX_DURATION},
        {DCT, "Toll rose over the past week.", "over the past week", "P1W", SR_TIMEX_DURATION},
        {DCT, "The report is published every year.", "every year", "P1Y", SR_TIMEX_SET},
        {DCT, "The council meets weekly.", "weekly", "P1W", SR_TIMEX_SET},
        {DCT, "Convoys pass twice a day.", "a day", "P1D", SR_TIMEX_SET},
        {DCT, "Markets close on Mondays.", "Mondays", "XXXX-WXX-1", SR_TIMEX_SET},
        {DCT, "Talks are held every other day.", "every other day", "P2D", SR_TIMEX_SET},
        {DCT, "The feud was decades-long.", "decades-long", "PXDE", SR_TIMEX_DURATION},
        {DCT, "It took three decades.", "three decades", "P30Y", SR_TIMEX_DURATION},
    };
    RUN_TABLE(cases);
}

TEST(clock_times)
{
    static const tcase cases[] = {
        {DCT, "Jets struck at 10:45 GMT.", "10:45 GMT", "2018-09-14T10:45Z", SR_TIMEX_TIME},
        {DCT, "UPDATE 1045 GMT: warplanes are bombing.", "1045 GMT", "2018-09-14T10:45Z",
         SR_TIMEX_TIME},
        {DCT, "The blast came at 6 p.m. local time.", "6 p.m. local time", "2018-09-14T18:00",
         SR_TIMEX_TIME},
        {DCT, "Shelling resumed Monday evening.", "Monday evening", "2018-09-10TEV",
         SR_TIMEX_TIME},
        {DCT, "Clashes broke out last night.", "last night", "2018-09-13TNI", SR_TIMEX_TIME},
        {DCT, "A curfew starts tonight.", "tonight", "2018-09-14TNI", SR_TIMEX_TIME},
        {DCT, "The court filing came at 12:00 UTC Monday.", "12:00 UTC Monday",
         "2018-09-10T12:00Z", SR_TIMEX_TIME},
        {DCT, "The first flight took off Tuesday in Everett at 18:00 UTC.", "18:00 UTC",
         "2018-09-11T18:00Z", SR_TIMEX_TIME},
        {DCT, "In the morning, the shelling resumed.", "the morning", "2018-09-14TMO",
         SR_TIMEX_TIME},
        {DCT, "The deal took effect on Tuesday at midnight.", "midnight", "2018-09-11T24:00",
         SR_TIMEX_TIME},
    };
    RUN_TABLE(cases);
}

/* Without a document date nothing relative is guessed. */
TEST(no_document_date)
{
    static const tcase cases[] = {
        {NULL, "Two soldiers were killed yesterday.", "yesterday", "XXXX-XX-XX", SR_TIMEX_DATE},
        {NULL, "Jets struck Idlib on Monday.", "Monday", "XXXX-WXX-1", SR_TIMEX_DATE},
        {NULL, "Shelling killed 20 people last week.", "last week", "XXXX-WXX", SR_TIMEX_DATE},
        {NULL, "The army retook the city in August.", "August", "XXXX-08", SR_TIMEX_DATE},
        {NULL, "The army said today it had advanced.", "today", "PRESENT_REF", SR_TIMEX_DATE},
        {NULL, "Refugee numbers doubled this year.", "this year", "XXXX", SR_TIMEX_DATE},
        {NULL, "The siege began three years ago.", "three years ago", "PAST_REF",
         SR_TIMEX_DATE},
        {NULL, "The truce collapsed on September 3.", "September 3", "XXXX-09-03",
         SR_TIMEX_DATE},
        {NULL, "The talks opened on 3 September 2018.", "3 September 2018", "2018-09-03",
         SR_TIMEX_DATE},
        {NULL, "Jets struck at 10:45 GMT.", "10:45 GMT", "XXXX-XX-XXT10:45Z", SR_TIMEX_TIME},
        /* day/month order is unknown without a date to compare with */
        {"2007-07-09", "It was held on 7/8/07 in Seattle.", "7/8/07", "2007-07-08",
         SR_TIMEX_DATE},
    };
    RUN_TABLE(cases);
}

/* Words that look like time words but are none here. */
TEST(not_time_expressions)
{
    static const struct {
        const char *text, *notime;
    } cases[] = {
        {"May the talks succeed, he said.", "May"},
        {"Thousands joined the march on Washington.", "march"},
        {"A second attack followed.", "second"},
        {"Some 2016 people fled the town.", "2016"},
        {"The Russell 2000 Index fell.", "2000"},
        {"Markets fell on Black Monday again.", "Monday"},
        {"Barcelona won the match 3:1 at home.", "3:1"},
        {"The ceasefire of 3/9/2018 held.", "3/9/2018"},
        {"Ammunition prices rose 2015 % in a year.", "2015"},
        {"June Carter sang.", "June"},
        {"The spring of the river dried up.", "spring"},
        {"More than a quarter of a million people fled.", "quarter"},
        {"Prices could fall further.", "fall"},
        {"The Sunday Times reported the strike.", "Sunday"},
        {"GM wants to cut about a quarter of its dealers.", "quarter"},
        {"The fall of Aleppo shocked the rebels.", "fall"},
    };
    sr_arena *a = sr_arena_new(0);
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        sr_arena_reset(a);
        const char *text = cases[k].text;
        sr_text *t = sr_text_analyze(a, text, strlen(text));
        sr_timex *xs;
        size_t n;
        sr_timex_find(t, DCT, a, &xs, &n);
        uint32_t s = (uint32_t)(strstr(text, cases[k].notime) - text);
        uint32_t e = s + (uint32_t)strlen(cases[k].notime);
        for (size_t i = 0; i < n; i++)
            if (xs[i].start < e && s < xs[i].end) {
                fprintf(stderr, "  \"%s\": [%.*s] taken as %s\n", text,
                        (int)(xs[i].end - xs[i].start), text + xs[i].start, xs[i].value);
                failed++;
            }
    }
    sr_arena_free(a);
    CHECK_INT(failed, 0);
}

/* Spans are bytes of the text, whatever comes before them. */
TEST(byte_spans_and_sentences)
{
    const char *text = "Ünlü said: “the army came on Monday.”\n\nFighting resumed the next day.";
    sr_arena *a = sr_arena_new(0);
    sr_text *t = sr_text_analyze(a, text, strlen(text));
    sr_timex *xs;
    size_t n;
    CHECK_INT(sr_timex_find(t, DCT, a, &xs, &n), 0);
    CHECK_INT(n, 2);
    CHECK_SPAN(text, xs[0].start, xs[0].end, "Monday");
    CHECK_STR(xs[0].value, "2018-09-10");
    CHECK_STR(xs[0].precision, "day");
    CHECK_INT(xs[0].sentence, 0);
    CHECK_SPAN(text, xs[1].start, xs[1].end, "the next day");
    CHECK_STR(xs[1].value, "2018-09-11");
    CHECK_INT(xs[1].sentence, 1);
    sr_arena_free(a);
}

TEST(precision_field)
{
    const char *text = "Last week, in 2016, last month and in the 1990s; for two days.";
    sr_arena *a = sr_arena_new(0);
    sr_text *t = sr_text_analyze(a, text, strlen(text));
    sr_timex *xs;
    size_t n;
    CHECK_INT(sr_timex_find(t, DCT, a, &xs, &n), 0);
    CHECK_INT(n, 5);
    CHECK_STR(xs[0].precision, "week");
    CHECK_STR(xs[1].precision, "year");
    CHECK_STR(xs[2].precision, "month");
    CHECK_STR(xs[3].precision, "decade");
    CHECK(xs[4].precision == NULL);
    CHECK_INT(xs[4].type, SR_TIMEX_DURATION);
    sr_arena_free(a);
}

TEST(empty_and_bad_input)
{
    sr_arena *a = sr_arena_new(0);
    sr_text *t = sr_text_analyze(a, "   ", 3);
    sr_timex *xs = (sr_timex *)1;
    size_t n = 7;
    CHECK_INT(sr_timex_find(t, DCT, a, &xs, &n), 0);
    CHECK_INT(n, 0);
    CHECK(xs == NULL);
    CHECK(sr_timex_find(NULL, DCT, a, &xs, &n) < 0);
    /* a malformed document date counts as none */
    t = sr_text_analyze(a, "It fell yesterday.", 18);
    CHECK_INT(sr_timex_find(t, "14/09/2018", a, &xs, &n), 0);
    CHECK_INT(n, 1);
    CHECK_STR(xs[0].value, "XXXX-XX-XX");
    sr_arena_free(a);
}

TEST(datelines)
{
    static const struct {
        const char *text, *date;
    } cases[] = {
        {"BEIRUT, Sept 14, 2018 (AFP) - Syrian jets struck Idlib on Friday.", "2018-09-14"},
        {"Wed 05 Apr 2017 10.00 BST\nSyria attack symptoms consistent with nerve agent use.",
         "2017-04-05"},
        {"September 14, 2018\nRussia postpones Syrian offensive in Idlib.", "2018-09-14"},
        {"Published: 14/09/2018\nTurkey sends troops.", "2018-09-14"},
        {"Posted on April 2 2017 by Youssef Diab\nMSF said...", "2017-04-02"},
        {"Last updated 2018-09-14T10:30:00Z\nThe army advanced.", "2018-09-14"},
        {"17-08-2013 17 Killed as Qaeda Attacks Syria Kurd Town.", "2013-08-17"},
        {"Damascus explosion. AP Thursday 1 Aug 2013 Rocket attacks struck.", "2013-08-01"},
        /* ambiguous day and month, a date inside a sentence, no year, none */
        {"Published: 03/09/2018\nTurkey sends troops.", NULL},
        {"The army attacked on 3 September 2018 near Idlib.", NULL},
        {"BEIRUT, Sept 14 (AFP) - Syrian jets struck Idlib.", NULL},
        {"Syrian forces advanced on Friday, a monitor said.", NULL},
    };
    int failed = 0;
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        char out[11] = "";
        int found = sr_dateline_date(cases[k].text, strlen(cases[k].text), out);
        int ok = cases[k].date ? found && strcmp(out, cases[k].date) == 0 : !found;
        if (!ok) {
            fprintf(stderr, "  dateline \"%s\": want %s, got %s\n", cases[k].text,
                    cases[k].date ? cases[k].date : "none", found ? out : "none");
            failed++;
        }
    }
    CHECK_INT(failed, 0);
    /* only the start of the text is a dateline */
    char long_text[600];
    memset(long_text, 'x', sizeof long_text);
    for (size_t k = 5; k < 400; k += 6)
        long_text[k] = ' ';
    memcpy(long_text + 450, " Sept 14, 2018 ", 15);
    long_text[599] = '\0';
    char out[11];
    CHECK_INT(sr_dateline_date(long_text, strlen(long_text), out), 0);
    CHECK_INT(sr_dateline_date("", 0, out), 0);
}

TEST(calendar)
{
    CHECK_INT(tx_weekday(tx_days(2018, 9, 14)), 4);
    CHECK_INT(tx_weekday(tx_days(1970, 1, 1)), 3);
    int y, w;
    tx_iso_week(tx_days(2018, 9, 14), &y, &w);
    CHECK_INT(y * 100 + w, 201837);
    tx_iso_week(tx_days(2021, 1, 3), &y, &w); /* a Sunday in the last week of 2020 */
    CHECK_INT(y * 100 + w, 202053);
    tx_iso_week(tx_days(2018, 12, 31), &y, &w);
    CHECK_INT(y * 100 + w, 201901);
    tx_date d = tx_from_days(tx_days(2000, 2, 29) + 1);
    CHECK_INT(d.y * 10000 + d.m * 100 + d.d, 20000301);
    CHECK(!tx_valid(2019, 2, 29));
    CHECK_INT(tx_lexicon_check(), 0);
}

int main(int argc, char **argv)
{
    /* the word table's hash index, to paste into src/time/lexicon.c */
    if (argc > 1 && strcmp(argv[1], "--print-slots") == 0) {
        tx_lexicon_print_slots(stdout);
        return 0;
    }
    RUN(absolute_dates);
    RUN(relative_dates);
    RUN(durations_and_sets);
    RUN(clock_times);
    RUN(no_document_date);
    RUN(not_time_expressions);
    RUN(byte_spans_and_sentences);
    RUN(precision_field);
    RUN(empty_and_bad_input);
    RUN(datelines);
    RUN(calendar);
    return DONE();
}
