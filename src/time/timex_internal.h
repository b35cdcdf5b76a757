/*
 * Internals of the time-expression recognizer, shared by the files of
 * src/time: the word table and the matching context the matchers read
 * from (calendar arithmetic is in time/calendar.h).
 */
#ifndef SR_TIME_TIMEX_INTERNAL_H
#define SR_TIME_TIMEX_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sitrep/timex.h"

#include "time/calendar.h"

/* ---- lexicon.c ---- */

enum tx_kind {
    TXW_CUE = 1,  /* a word that may open an expression: THE, LAST, EARLY */
    TXW_MONTH,    /* val 1-12 */
    TXW_WEEKDAY,  /* val 0 (Monday) - 6 */
    TXW_SEASON,   /* val: index into tx_season_codes */
    TXW_UNIT,     /* val: enum tx_unit */
    TXW_NUMBER,   /* val: the number */
    TXW_ORDINAL,  /* val: the ordinal */
    TXW_FUZZY,    /* several, few, many: an unspecified count */
    TXW_DEICTIC,  /* val: enum tx_deictic */
    TXW_REF,      /* val: enum tx_ref */
    TXW_PART,     /* part of day, val: index into tx_part_codes */
    TXW_SETWORD,  /* daily, weekly: val is the unit */
    TXW_ZONE,     /* GMT, UTC, EST */
    TXW_AMPM,     /* val 0 a.m., 12 p.m. */
    TXW_HOLIDAY,  /* val: index into the holiday table of absolute.c */
    TXW_TENSE,    /* a tense marker for tense.c: val 1 future, -1 past */
    TXW_BE        /* a form of "be": what follows is a participle */
};

/* What a cue opens, in its val: matchers are tried only where their first
 * word can stand. */
enum tx_cue_class {
    TXC_THE = 1,  /* the */
    TXC_ARTICLE,  /* a, an, half: a count */
    TXC_RELATIVE, /* this, last, next, past, recent... */
    TXC_EDGE,     /* early, late, mid, earlier, later */
    TXC_EVERY,    /* every, each, per: a set */
    TXC_APPROX,   /* about, nearly, more (than): a quantity */
    TXC_OTHER     /* at (present), fiscal, noon, future... */
};

enum tx_word_flags {
    TXF_ABBR = 1,   /* abbreviation: a date (day or year) must be next to it */
    TXF_PLURAL = 2, /* "days", "Mondays" */
    TXF_RISKY = 4,  /* also a common word (May, March, fall): needs a cue */
    TXF_ANCHOR = 8  /* a cue that can carry an expression ("the past",
                       "at the moment"): worth trying what comes before it */
};

enum tx_unit {
    TXU_SECOND = 1,
    TXU_MINUTE,
    TXU_HOUR,
    TXU_DAY,
    TXU_NIGHT,
    TXU_WEEK,
    TXU_WEEKEND,
    TXU_FORTNIGHT,
    TXU_MONTH,
    TXU_QUARTER,
    TXU_YEAR,
    TXU_DECADE,
    TXU_CENTURY
};

enum tx_deictic { TXD_TODAY = 1, TXD_YESTERDAY, TXD_TOMORROW, TXD_TONIGHT };

enum tx_ref { TXR_PAST = 1, TXR_PRESENT, TXR_FUTURE };

/* A token's classes as a bit mask (tx_ctx.masks): one bit per word kind
 * (1 << kind), one per cue class, and the shapes below. */
#define TXM_KIND(k) (1u << (k))
#define TXM_CUE(cls) (1u << (23 + (cls)))
#define TXM_DIGITS (1u << 20)   /* starts with a digit: 2018, 3rd, 10:45 */
#define TXM_COMPOUND (1u << 21) /* hyphenated: two-day, mid-June */
#define TXM_SPECIAL (1u << 22)  /* Q3, H1, FY2009, '90s */
/* what makes a token an anchor: it can carry an expression by itself */
#define TXM_ANCHOR (~(TXM_KIND(TXW_CUE) | TXM_KIND(TXW_TENSE) | TXM_KIND(TXW_BE) | \
                     (0x7Fu << 24)) | TXM_ANCHOR_CUE)
#define TXM_ANCHOR_CUE (1u << 31) /* a cue flagged TXF_ANCHOR */

typedef struct tx_word {
    const char *norm;
    uint8_t kind;
    int8_t val;
    uint8_t flags;
} tx_word;

/* The entries for a normalized token, in *first (count returned, 0 when
 * the word is no time word). Entries for one word are adjacent. */
size_t tx_lookup(const char *norm, const tx_word **first);
/* The same for a word of known length (tokens know theirs). */
size_t tx_lookup_len(const char *norm, size_t len, const tx_word **first);
#define TX_WORD_MAX 13 /* the longest word of the table */
/* 0 when the table is sorted, without duplicate (word, kind) pairs, and
 * its hash index is up to date; else where it first goes wrong, plus one.
 * For the tests, as is the printer of an up-to-date index. */
size_t tx_lexicon_check(void);
void tx_lexicon_print_slots(FILE *out);

extern const char *const tx_season_codes[4]; /* SP SU FA WI */
extern const char *const tx_part_codes[4];   /* MO AF EV NI */

/* ---- the matching context (timex.c) ---- */

typedef struct tx_ctx {
    const sr_text *t;
    const tx_word **lex;    /* per token: its first table entry, or NULL */
    const uint8_t *lexn;    /* per token: how many entries */
    const uint32_t *masks;  /* per token: its TXM_ classes */
    int8_t *tense_marks;    /* per token: its tense marker once known, a
                               cache filled by tx_tense (TX_UNKNOWN first) */
    size_t first, end;      /* token range of the current sentence */
    int has_dct;
    tx_date dct;
    int64_t dct_days;
    /* the last date the text stated to the day, for "the next day", and
     * whether it was stated in the current sentence ("Tuesday at 18:00") */
    int has_ref, ref_in_sentence;
    int64_t ref_days;
    /* the year of the last calendar date stated, for "the year before" */
    int ref_year;
} tx_ctx;

typedef struct tx_match {
    size_t from, to;        /* token range [from, to) */
    sr_timex_type type;
    const char *precision;
    char value[40];
    int sets_ref;           /* a date to the day that later anaphora may use */
    int64_t ref_days;
} tx_match;

/* Look every token up and fill the per-token arrays of c, for the text
 * c->t, in the arena. */
void tx_prepare(tx_ctx *c, sr_arena *arena);

/* A matcher form and the first tokens (TXM_ mask) it can start at. */
typedef struct tx_form {
    int (*fn)(const tx_ctx *c, size_t i, tx_match *m);
    uint32_t starts;
} tx_form;
/* The longest match of the forms that may start at i; 0 when none. */
int tx_longest(const tx_ctx *c, size_t i, const tx_form *forms, size_t n, tx_match *m);

/* token helpers (timex.c); tx_is runs for nearly every check, so inline */
const char *tx_norm(const tx_ctx *c, size_t i);
static inline int tx_is(const tx_ctx *c, size_t i, const char *word)
{
    if (i >= c->end || i < c->first)
        return 0;
    const char *n = c->t->tokens[i].norm;
    if (n[0] != word[0])
        return 0;
    for (size_t k = 1;; k++) {
        if (n[k] != word[k])
            return 0;
        if (!n[k])
            return 1;
    }
}
int tx_kind(const tx_ctx *c, size_t i, int kind, int *val);
int tx_word_flags(const tx_ctx *c, size_t i, int kind);
static inline int tx_cap(const tx_ctx *c, size_t i)
{
    return i < c->end && (c->t->tokens[i].flags & SR_TOK_CAP);
}
#define TX_UNKNOWN 9
/* 1 future, -1 past, 0 unknown: the tense of the clause around token i */
int tx_tense(const tx_ctx *c, size_t i);

/* numbers (numbers.c) */
typedef struct tx_count {
    double value;
    int fuzzy;   /* several, a few: value unknown */
    int article; /* "a"/"an" standing for one */
    size_t next; /* first token after the count */
} tx_count;
int tx_parse_count(const tx_ctx *c, size_t i, tx_count *out);
/* A whole number written in digits (no sign, no separator). */
int tx_digits(const char *s, size_t len, int *val);
/* A number word, or a hyphenated one ("twenty-five"), in [0, 100]. */
int tx_number_word(const char *s, size_t len, int *val);
/* 1 when token i reads as a year: four digits in a plausible range. */
int tx_year_token(const tx_ctx *c, size_t i, int *year);
/* A day of the month, "3", "03", "3rd". */
int tx_day_token(const tx_ctx *c, size_t i, int *day);

/* resolution (resolve.c) */
int tx_resolve_weekday(const tx_ctx *c, int wd, int dir, int64_t *days);
void tx_resolve_month(const tx_ctx *c, int month, int dir, int *year);
void tx_resolve_month_day(const tx_ctx *c, int month, int day, int dir, int *year);
void tx_set(tx_match *m, size_t from, size_t to, sr_timex_type type, const char *prec,
            const char *value);
void tx_set_day(const tx_ctx *c, tx_match *m, size_t from, size_t to, int64_t days);
void tx_set_unit_date(const tx_ctx *c, tx_match *m, size_t from, size_t to, int unit,
                      int offset);
void tx_duration_value(char *buf, size_t n, double count, int fuzzy, int unit);

/* the matchers: each fills m for an expression starting at token i and
 * returns 1, or returns 0 */
int tx_match_absolute(const tx_ctx *c, size_t i, tx_match *m);
int tx_match_clock(const tx_ctx *c, size_t i, tx_match *m);
int tx_match_relative(const tx_ctx *c, size_t i, tx_match *m);
int tx_match_ref(const tx_ctx *c, size_t i, tx_match *m);
int tx_match_duration(const tx_ctx *c, size_t i, tx_match *m);

#endif
