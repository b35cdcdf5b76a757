/*
 * timex: time expressions in text, normalized as TIMEX3 values against the
 * document's date, and the document date itself when metadata lacks it.
 *
 * Ownership: results are allocated in the caller's arena. Everything here
 * is pure computation over its inputs: thread-safe.
 */
#ifndef SITREP_TIMEX_H
#define SITREP_TIMEX_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"
#include "sitrep/text.h"

typedef enum sr_timex_type {
    SR_TIMEX_DATE,
    SR_TIMEX_TIME,
    SR_TIMEX_DURATION,
    SR_TIMEX_SET
} sr_timex_type;

typedef struct sr_timex {
    uint32_t start, end;   /* byte span in the document text */
    uint32_t sentence;
    sr_timex_type type;
    const char *value;     /* TIMEX3 value: "2018-09-03", "2018-W36",
                              "2018-08", "2016", "PAST_REF", "P3D", ... */
    const char *precision; /* "day", "week", "month", "year", "decade",
                              or NULL when the value is not a calendar date */
} sr_timex;

/*
 * Find and normalize the time expressions of an analyzed text. doc_date is
 * "YYYY-MM-DD" (the anchor for "yesterday", "on Monday", "last week") or
 * NULL, in which case relative expressions are reported with values such
 * as "PAST_REF" or "XXXX-XX-XX" rather than guessed. Never uses the clock.
 */
/* Does the expression name a calendar date or time an event can be dated
 * by ("2018-09-13", "2018-W36"), not a duration, a set or a vague
 * reference ("recently")? */
int sr_timex_is_calendar(const sr_timex *x);

int sr_timex_find(const sr_text *t, const char *doc_date, sr_arena *arena, sr_timex **out,
                  size_t *n);

/*
 * The date of a dateline or byline at the start of the text ("Wed 05 Apr
 * 2017 10.00 BST", "BEIRUT, Sept 14, 2018 (AFP) -", "Published: 14/09/2018"),
 * written to out as "YYYY-MM-DD". Returns 1 when found, 0 otherwise.
 */
int sr_dateline_date(const char *text, size_t len, char out[11]);

#endif
