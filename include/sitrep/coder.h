/*
 * coder: political events out of text, coded in CAMEO with the dictionaries.
 *
 * For every sentence the coder finds actor phrases (dictionary actors,
 * generic agents such as "troops", and both combined: "Syrian army" ->
 * SYRMIL), verbs from the verb dictionary, picks the most specific verb
 * pattern that fits the words around the verb, finds the verb's source
 * (subject, or the "by" phrase of a passive) and target, and emits one event
 * per source/target pair. Negated acts, conditionals and hypotheticals are
 * not coded; infinitives ("vowed to retake") are left to their governing
 * verb; future acts ("will meet", "will attack") are coded as intent or
 * threat (03x / 13x), never as the act.
 *
 * Ownership: sr_coder_new borrows the dictionary, which must outlive the
 * coder. A coder is not thread-safe: use one per thread (they may share one
 * sr_dict). The sr_events returned by the code functions belong to the coder
 * and stay valid until the next call on it or sr_coder_free.
 */
#ifndef SITREP_CODER_H
#define SITREP_CODER_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/cameo.h"
#include "sitrep/dict.h"
#include "sitrep/doc.h"
#include "sitrep/geo.h"
#include "sitrep/text.h"
#include "sitrep/timex.h"

struct sr_error;

typedef struct sr_coder_options {
    int require_dyad;     /* drop events without a target (PETRARCH default
                             is 1; sitrep's default is 0: a source suffices) */
    int new_actor_length; /* >0: when a verb has no coded subject, the noun
                             phrase before it (at most this many words) stands
                             as a new actor with code null (PETRARCH's
                             option; default 0) */
    int infer_country;    /* give a bare agent ("rebels") the country the
                             document is about (default 1) */
    int future_as_intent; /* code "will VERB" as intent or threat (03x/13x)
                             rather than the act (default 1; PETRARCH
                             test records expect 0) */
    int block_modal;      /* skip negated, hypothetical and infinitive acts
                             unless a dictionary pattern spells out the
                             modal words itself (default 1) */
    int trace;            /* 1: explain every verb decision on stderr
                             (sitrep code --explain) */
    int locative_targets; /* an actor after "in", "at", "near" ("talks in
                             Istanbul") may be the target (PETRARCH: 1);
                             sitrep's default 0 leaves it to the place */
    int strict_passive;   /* a passive with no "by" phrase ("was attacked")
                             has no source and is not coded (default 1);
                             PETRARCH keeps the subject as source (0) */
    /* PETRARCH comma options: comma-delimited asides of min..max words are
     * ignored when looking for a verb's source. b = at the start of the
     * sentence, e = at the end; max 0 disables. */
    int comma_min, comma_max, comma_bmin, comma_bmax, comma_emin, comma_emax;
} sr_coder_options;

void sr_coder_options_default(sr_coder_options *o);

typedef struct sr_coder sr_coder;

int sr_coder_new(sr_coder **out, const sr_dict *dict, const sr_coder_options *opt,
                 struct sr_error *err);
void sr_coder_free(sr_coder *c);

typedef struct sr_event_actor {
    const char *code;     /* NULL when there is no actor */
    uint32_t start, end;  /* byte span of the actor phrase in the text */
    uint8_t inferred;     /* 1 when the country was inferred from context or
                             the actor from a pronoun */
    uint8_t new_actor;    /* 1: no dictionary entry; the phrase itself stands
                             for the actor (new_actor_length), code NULL */
} sr_event_actor;

typedef struct sr_event {
    uint32_t sentence;        /* 0-based sentence index in the document */
    uint32_t sent_start, sent_end;
    sr_event_actor source, target;
    char cameo[16];           /* as the dictionary gives it, e.g. "190" */
    const sr_cameo_info *info;/* NULL for codes outside CAMEO (tests) */
    uint32_t verb_start, verb_end;
    const char *pattern_file; /* dictionary file and line that matched */
    uint32_t pattern_line;
    const char *mood;         /* "asserted", "intent" (future / planned) */
    uint32_t clause_start, clause_end; /* byte span of the verb's clause */
    /* where: the place named in the event's clause, else its sentence, else
     * the place the document is mostly about; NULL when none is known
     * (or no gazetteer was given) */
    const sr_place_mention *place;
    const char *place_from;   /* "clause", "sentence", "document" */
    /* when: a time expression of the clause or sentence, else the document
     * date (metadata, else dateline); NULL when none */
    const char *date;         /* TIMEX3 value: "2018-09-13", "2018-W36", ... */
    const char *date_precision; /* "day", "week", "month", "year", ... */
    const char *date_from;    /* "text", "metadata", "dateline" */
    const sr_timex *date_timex; /* the expression, when date_from is "text" */
} sr_event;

/* An actor phrase the coder recognized, whether or not it took part in an
 * event: what the figure and quote stages resolve "whose" and "who said"
 * against. */
typedef struct sr_actor_phrase {
    uint32_t sentence;
    uint32_t start, end;      /* byte span */
    const char *code;         /* NULL for a known name with no code */
    uint8_t inferred;         /* country taken from the document's focus */
    uint8_t pronoun;          /* reserved: 0 */
} sr_actor_phrase;

typedef struct sr_events {
    const sr_event *events;
    size_t n;
    const sr_text *text;      /* the analyzed text the spans refer to */
    const sr_place_mention *places; /* every place named (with a gazetteer) */
    size_t nplaces;
    const sr_timex *timexes;  /* every time expression */
    size_t ntimexes;
    const sr_actor_phrase *phrases; /* every actor phrase, in text order */
    size_t nphrases;
    const char *doc_date;     /* the document date used, or NULL */
    const char *doc_date_from;/* "metadata" or "dateline" */
    const char *doc_date_precision; /* "day", "month", "year", or NULL */
} sr_events;

/*
 * Code one document. date is "YYYY-MM-DD" or NULL (then undated or the
 * newest open-ended actor codes are used). Returns 0 or a negative SR_E*.
 */
int sr_coder_code(sr_coder *c, const char *text, size_t len, const char *date,
                  const sr_events **out, struct sr_error *err);

/* Give the coder a gazetteer: events then carry places. Borrowed; must
 * outlive the coder. NULL turns places off. */
void sr_coder_set_gazetteer(sr_coder *c, const sr_gazetteer *g);

/* Change options between documents (validation records carry their own). */
void sr_coder_set_options(sr_coder *c, const sr_coder_options *opt);

#endif
