/*
 * Internals of the figure finder, shared by the files of src/figures:
 *   lexicon.c      the word table (cues, counted nouns, closed classes)
 *   numbers.c      numbers in digits and words, ranges, qualifiers
 *   context.c      numbers that are not counts (years, dates, ages, money)
 *   category.c     what a number counts: the counted noun and the cue words
 *   attribution.c  whose figure it is and who claims it
 *   find.c         the driver: sr_figures_find
 *   compare.c      figures across documents: keys, groups, agreement
 *   labels.c       the words outlets use for armed groups
 *   figure_json.c  figure records
 *
 * Everything works on one sentence at a time through fig_sent: its tokens,
 * and the word-table entry of each token looked up once.
 */
#ifndef SR_FIGURES_INTERNAL_H
#define SR_FIGURES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "sitrep/figures.h"
#include "util/streq.h"

/* ---- lexicon.c --------------------------------------------------------- */

enum fig_cat {
    FC_NONE = 0,
    FC_KILLED,
    FC_INJURED,
    FC_DISPLACED,
    FC_REFUGEES,
    FC_FIGHTERS,
    FC_CIVILIANS,
    FC_DETAINED,
    FC_ABDUCTED,
    FC_TERRITORY,
    FC_OTHER,
    FC_COUNT
};

/* The category's name as records spell it ("killed", "territory_percent"). */
const char *fig_cat_name(int cat);
/* The inverse; FC_NONE for an unknown name. */
int fig_cat_from_name(const char *name);

enum fig_word_flags {
    FW_AUX = 1u << 0,       /* is are was were be been being has have had */
    FW_MODAL = 1u << 1,     /* could may might would will can should must */
    FW_PREP = 1u << 2,      /* in on at by from with into ... */
    FW_CONJ = 1u << 3,      /* and or but */
    FW_REL = 1u << 4,       /* who which that whose where when while */
    FW_DET = 1u << 5,       /* the a an this these those */
    FW_PRON = 1u << 6,      /* he she it they we its their his her */
    FW_ADV = 1u << 7,       /* also reportedly now ... (skipped between aux and cue) */
    FW_SPEECH = 1u << 8,    /* said reported estimated told ... */
    FW_MONTH = 1u << 9,
    FW_WEEKDAY = 1u << 10,
    FW_TIME_UNIT = 1u << 11, /* years months days hours ... */
    FW_MEASURE = 1u << 12,  /* km metres tonnes GMT a.m. ... */
    FW_MONEY = 1u << 13,    /* dollars euros pounds ... */
    FW_NAME_HEAD = 1u << 14, /* Resolution, Route, Brigade: "Resolution 2254" */
    FW_NOUN = 1u << 15,     /* a counted noun (a unit head) */
    FW_PERSON = 1u << 16,   /* a noun for people */
    FW_CONTROL = 1u << 17,  /* control, holds, under: territory share cues */
    FW_PRESENCE = 1u << 18, /* live, living, trapped: people present */
    FW_INCREMENT = 1u << 19, /* new, additional, more: a change, not a stock */
    FW_STOP = 1u << 20,     /* other words that end a counted-noun phrase */
    FW_BRIDGE = 1u << 21,   /* words between a left cue and its number:
                               "toll has risen to", "the killing of" */
    FW_INCLUDE = 1u << 22,  /* including, among: a list of parts follows */
    FW_PLACE_NOUN = 1u << 23, /* province, city, country, territory */
    FW_LABEL = 1u << 24     /* a word for armed groups: rebels, terrorists */
};

typedef struct fig_word {
    const char *word;  /* normalized (upper case) */
    uint32_t flags;    /* fig_word_flags */
    uint8_t left;      /* category when the word stands before the number
                          ("killed 20", "the death toll of 20") */
    uint8_t right;     /* category when it follows the counted phrase
                          ("20 people were killed", "22 dead") */
    uint8_t unit;      /* category the noun gives when nothing else does
                          ("7,000 militants": fighters) */
} fig_word;

/* The entry of a normalized word, or NULL. */
const fig_word *fig_lookup(const char *norm);
/* 1 when the table is sorted, every word is upper case and the hash slots
 * written in lexicon_slots.h are the ones the table gives (a self-test). */
int fig_lexicon_check(void);
/* The k-th entry of the word table, NULL past the end (for tests). */
const fig_word *fig_lexicon_word(size_t k);
/* The hash slots the word table gives, into out[0..cap): the count of
 * slots, written only when cap holds them all. For the unit test that
 * prints lexicon_slots.h afresh. */
size_t fig_lexicon_slots(uint16_t *out, size_t cap);

/* labels.c: 1 when the label forms are sorted and each has the shape the
 * label lookup expects and is in the word table flagged FW_LABEL, which
 * the lookup relies on (a self-test). */
int fig_labels_check(void);

/* ---- the sentence view ------------------------------------------------- */

typedef struct fig_sent {
    const sr_text *text;
    const sr_token *tk;        /* the sentence's tokens */
    uint32_t n;
    uint32_t index;            /* sentence index */
    const fig_word **w;        /* lexicon entry of each token, or NULL */
} fig_sent;

static inline uint32_t fig_flags(const fig_sent *s, uint32_t i)
{
    return i < s->n && s->w[i] ? s->w[i]->flags : 0;
}

/* Token i's normalized form is norm. */
static inline int fig_is(const fig_sent *s, uint32_t i, const char *norm)
{
    return i < s->n && sr_streq(s->tk[i].norm, norm);
}

/* strlen(t->norm), from sr_token.len unless a very long token wrapped it. */
static inline size_t fig_len(const sr_token *t)
{
    return t->norm[t->len] ? strlen(t->norm) : t->len;
}

/* A word that starts with a capital letter and is not the sentence's first
 * (or follows a quote or colon there). */
int fig_is_proper(const fig_sent *s, uint32_t i);

/* ---- numbers.c --------------------------------------------------------- */

enum fig_num_flags {
    FN_VAGUE = 1u << 0,   /* dozens, hundreds: a range by convention */
    FN_RANGE = 1u << 1,   /* between 5 and 10, 5-10, two or three */
    FN_WORD = 1u << 2,    /* written in words */
    FN_ONE = 1u << 3,     /* "one"/"a" alone: needs a counted noun or a cue */
    FN_PERCENT = 1u << 4, /* 60%, 60 per cent */
    FN_STRONG = 1u << 5,  /* "10,000-strong": a force's size */
    FN_YEARLIKE = 1u << 6, /* four digits 1900-2100 without a comma */
    FN_DECIMAL = 1u << 7,  /* "2.5": a count only with a scale or a percent */
    FN_OPEN = 1u << 8      /* "100-plus": no upper end (high is infinite) */
};

typedef struct fig_number {
    uint32_t first, last;   /* tokens of the number words [first, last) */
    double low, high;       /* what the words allow */
    uint32_t flags;
} fig_number;

/* Read a number starting at token i (digits, words, scales, vague plurals,
 * ranges and the percent sign that follows). 0 when none starts there. */
int fig_read_number(const fig_sent *s, uint32_t i, fig_number *out);

enum fig_bound { FQ_NONE, FQ_LOWER, FQ_UPPER, FQ_APPROX };

typedef struct fig_qualifier {
    uint32_t first, last;   /* its tokens, [first, last) */
    const char *text;       /* canonical: "at least", "could number" */
    int bound;              /* fig_bound */
} fig_qualifier;

/* The qualifier ending right before token i ("at least", "more than"), or
 * after the number ending at token i ("or more"). 0 when none. */
int fig_qualifier_before(const fig_sent *s, uint32_t i, fig_qualifier *out);
int fig_qualifier_after(const fig_sent *s, uint32_t i, fig_qualifier *out);
/* A qualifier that starts at token i (reading forward). */
int fig_qualifier_at(const fig_sent *s, uint32_t i, fig_qualifier *out);

/* Parse a digit token ("7,000", "2.5", "10,000-strong") as a value; 0 when
 * the token is not a plain count (12th, 1980s, 9/11, 51-year-old). */
int fig_digits_value(const char *norm, size_t len, double *val, uint32_t *flags, double *high);

/* ---- context.c --------------------------------------------------------- */

/* 1 when the number is not a count: a year, a date, a time, an age, an
 * amount of money, a duration, a measure, part of a name. */
int fig_not_a_count(const fig_sent *s, const fig_number *num, uint32_t qual_first);

/* ---- category.c -------------------------------------------------------- */

typedef struct fig_unit {
    uint32_t first, last;   /* the counted phrase after the number, [first,
                               last); first == last when there is none */
    int32_t head;           /* its head noun, or -1 */
    uint32_t scan_end;      /* where the words read as the phrase end, also
                               when none of them is a known noun ("6 ISIS
                               Bombers Killed") */
    uint32_t owner_first, owner_last; /* "members of X": X's tokens, or 0,0 */
} fig_unit;

enum fig_cue_from { FCF_NONE, FCF_UNIT, FCF_CUE, FCF_CUE_AUX, FCF_LIST };

typedef struct fig_reading {
    fig_unit unit;
    int cat;                /* fig_cat */
    int from;               /* fig_cue_from: how the category was found */
    int32_t cue;            /* the cue token, or -1 */
    int32_t cue_left;       /* 1 when the cue stands before the number */
    int32_t subject_head;   /* "the militants, who could number 7,000": the
                               noun the number is said of, or -1 */
} fig_reading;

/* What the number at num (with its qualifier starting at qual_first) counts. */
void fig_categorize(const fig_sent *s, const fig_number *num, uint32_t qual_first,
                    fig_reading *out);

/* ---- attribution.c ----------------------------------------------------- */

/* The actor phrases of the sentence: a slice of the coder's list. */
typedef struct fig_phrases {
    const sr_actor_phrase *p;
    size_t n;
} fig_phrases;

const sr_actor_phrase *fig_whose(const fig_sent *s, const fig_phrases *ph,
                                 const fig_number *num, uint32_t qual_first,
                                 const fig_reading *r);
/* The claimant: sets *start, *end to the words (0,0 when none) and returns
 * the coded phrase among them, or NULL. */
const sr_actor_phrase *fig_claimant(const fig_sent *s, const fig_phrases *ph,
                                    uint32_t num_first, uint32_t num_last,
                                    const fig_unit *unit, uint32_t *start, uint32_t *end);

#endif
