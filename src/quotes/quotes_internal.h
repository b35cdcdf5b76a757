/*
 * Internal state of the quotation finder, shared by its files:
 *   words.c       closed-class words and speech verbs
 *   marks.c       pairing quotation marks into quoted stretches
 *   speakers.c    the noun phrase that names a speaker, its name and code
 *   cues.c        a speech verb with its speaker, hearer and adverbials
 *   attribute.c   which speech verb and speaker a quoted stretch belongs to
 *   reported.c    reported speech ("said that ...", "according to ...")
 *   quotes.c      sr_quotes_find: the stages in order, pronouns, results
 *   quote_json.c  the JSON-lines record
 */
#ifndef SR_QUOTES_INTERNAL_H
#define SR_QUOTES_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/quotes.h"
#include "util/streq.h"

#define QNONE UINT32_MAX

/* ---- words ------------------------------------------------------------ */

enum qword_class {
    W_DET = 1u << 0,      /* the a this another his their ... */
    W_SPRON = 1u << 1,    /* he she it they: pronouns that can be speakers */
    W_PRON = 1u << 2,     /* any personal pronoun */
    W_PP = 1u << 3,       /* of for with at in from: a PP inside a noun phrase */
    W_STOP = 1u << 4,     /* ends a noun phrase read backwards */
    W_SKIP = 1u << 5,     /* adverbs and auxiliaries between subject and verb */
    W_BE = 1u << 6,
    W_NEG = 1u << 7,
    W_TIME = 1u << 8,     /* "Monday", "yesterday", "last": time words after a verb */
    W_ADVPREP = 1u << 9,  /* prepositions of adverbials after a verb */
    W_NOSTART = 1u << 10, /* cannot start a reported clause */
    W_NAMING = 1u << 11,  /* "titled", "dubbed", "the slogan": a name follows */
    W_TITLE = 1u << 12,   /* "Col.", "President": marks a person's name */
    W_ORG = 1u << 13,     /* "Ministry", "Times": ends an organization's name */
    W_PERSON = 1u << 14,  /* "official", "witness": a person without a name */
    W_NUMW = 1u << 15     /* "two", "three": number words */
};

/* Speech verb behaviour. */
enum qverb_flags {
    V_CLAUSE = 1u << 0,     /* takes a clause without "that": said the war ... */
    V_OBJ = 1u << 1,        /* may name the hearer first: warned Turkey that */
    V_OBJ_NEEDED = 1u << 2, /* names the hearer: told Reuters that */
    V_NAMING = 1u << 3,     /* call, describe: quotes a name for something */
    V_ING = 1u << 4         /* -ing form: "..., saying that" */
};

uint32_t q_word_class(const sr_token *t);
/* Speech-verb flags of a token (lower-case words only), with 1u << 31 set
 * so that a verb without flags is still non-zero; 0 when not one. */
uint32_t q_speech_verb(const sr_token *t);
#define Q_VERB 0x80000000u

/* The word tables, for their self-test: the k-th word of a table (NULL
 * past the end); the hash slots the table gives, into out[0..cap), the
 * count of slots, written only when cap holds them all; and 1 when both
 * tables are sorted and the slots in words_slots.h are current. */
enum { Q_WORDS, Q_VERBS, Q_NTABLES };
const char *q_table_word(int table, size_t k);
size_t q_word_slots(int table, uint16_t *out, size_t cap);
int q_words_check(void);

/* ---- the text, token by token ------------------------------------------ */

typedef struct qtext {
    const sr_text *t;
    const sr_token *tk;
    uint32_t n;
    const char *src;
    uint32_t *sent;   /* token -> sentence */
    uint32_t *para;   /* token -> paragraph */
    int32_t *seg;     /* token -> quoted stretch it lies in, marks included; -1 */
    const sr_actor_phrase *ph; /* in text order */
    size_t nph;
    uint32_t *ph_reach;        /* ph_reach[k]: the furthest end of ph[0..k] */
    sr_arena *arena;
} qtext;

/* Token i's normalized form is norm (q_punct: and the token is punctuation). */
static inline int q_is(const qtext *q, uint32_t i, const char *norm)
{
    return i < q->n && sr_streq(q->tk[i].norm, norm);
}

static inline int q_punct(const qtext *q, uint32_t i, const char *norm)
{
    return i < q->n && (q->tk[i].flags & SR_TOK_PUNCT) && sr_streq(q->tk[i].norm, norm);
}

int q_is_mark(const qtext *q, uint32_t i); /* a quotation mark */
int q_name_token(const qtext *q, uint32_t i);
int q_verbish(const qtext *q, uint32_t i);  /* lower-case -ed word, mostly a verb */
int q_adverb(const qtext *q, uint32_t i);   /* lower-case -ly word */
int q_nounish(const qtext *q, uint32_t i);  /* can be a word of a noun phrase */
int q_sentence_end(const qtext *q, uint32_t i); /* . ! ? ... */
uint32_t q_sent_first(const qtext *q, uint32_t i);
uint32_t q_sent_end(const qtext *q, uint32_t i); /* one past the last token */

/* ---- quoted stretches (marks.c) ------------------------------------------ */

typedef struct qseg {
    uint32_t open, close; /* mark tokens; close == QNONE when the paragraph
                             ended first */
    uint32_t first, end;  /* the quoted tokens [first, end) */
    uint8_t single;       /* ‘ ’ rather than “ ” */
    int32_t next;         /* the stretch that carries this one on into the
                             next paragraph, or -1 */
    uint8_t continued;    /* some stretch carries on into this one */
} qseg;

/* Pair the quotation marks of the text; fills q->seg. */
size_t q_find_segments(qtext *q, qseg **out);

/* ---- speakers (speakers.c) ------------------------------------------------ */

typedef struct qnp {
    uint32_t start, end;           /* tokens of the whole phrase, with its
                                      apposition or prepositional phrases */
    uint32_t core_end;             /* end of the phrase before its apposition */
    uint32_t name_start, name_end; /* the name, else the phrase up to its
                                      first comma */
    uint8_t pronoun;
} qnp;

/* The speaker's phrase ending just before token end (not before lim). */
int q_np_before(const qtext *q, uint32_t end, uint32_t lim, qnp *np);
/* The speaker's phrase starting at token start (not past lim). */
int q_np_after(const qtext *q, uint32_t start, uint32_t lim, qnp *np);
/* The actor phrase that gives the speaker its code, or NULL. */
const sr_actor_phrase *q_np_code(const qtext *q, const qnp *np);
/* Whether the name of np looks like a person's (for he/she). */
int q_np_person(const qtext *q, const qnp *np);
/* The subject of the clause that holds token i (for "..., saying that"). */
int q_clause_subject(const qtext *q, uint32_t i, qnp *np);

/* ---- attribution ----------------------------------------------------------- */

typedef struct qcue {
    uint32_t verb, verb_end;  /* cue tokens; verb == QNONE for none */
    uint32_t group_end;       /* one past the attribution's last token */
    qnp who;
    uint8_t has_who;
    uint8_t inverted;         /* the speaker follows the verb */
} qcue;

/* Skip backwards over adverbs and auxiliaries before a verb; QNONE when the
 * verb is negated or passive. */
uint32_t q_subject_end(const qtext *q, uint32_t verb, uint32_t lim);
/* The speech verb group at v ("according to" when v is "according") with
 * its speaker before it (not before lim) or after it. 0 when v is no cue. */
int q_cue_at(const qtext *q, uint32_t v, uint32_t lim, qcue *c);
/* Past the hearer and adverbials after a verb group ("told Reuters on
 * Monday"); returns the first token after them. */
uint32_t q_skip_after_verb(const qtext *q, uint32_t v, uint32_t verb_flags, uint32_t lim);

/* A unit: one quotation being built. */
typedef struct qunit {
    uint32_t sentence;
    sr_quote_part *parts;
    size_t nparts, cap;
    uint32_t first_tok, last_tok;  /* quoted tokens, marks excluded */
    uint32_t open_tok, close_tok;  /* outer marks (direct) */
    uint32_t tail;                 /* last token the quotation or its
                                      attribution uses */
    uint8_t direct, carried, dropped;
    qcue cue;
    uint32_t words;
} qunit;

void q_unit_add_part(qtext *q, qunit *u, uint32_t first, uint32_t end);

/* attribute.c: direct quotations out of the stretches; marks in used_verb
 * the verbs they take as cues */
size_t q_direct_units(qtext *q, const qseg *segs, size_t nsegs, uint8_t *used_verb,
                      qunit **out);
/* reported.c: reported speech out of the speech verbs not used yet */
size_t q_reported_units(qtext *q, const uint8_t *used_verb, qunit **out);

#endif
