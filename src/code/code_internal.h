/*
 * Internal state of the coder, shared by its files:
 *   coder.c     per-document driver, options, event emission
 *   words.c     closed-class word table (determiners, modals, ...)
 *   phrases.c   actor and agent phrases, noun-phrase composition
 *   verbs.c     verb occurrences, noun/verb disambiguation, modality
 *   patterns.c  verb pattern matching
 *   roles.c     source and target of a verb
 */
#ifndef SR_CODE_INTERNAL_H
#define SR_CODE_INTERNAL_H

#include <stdint.h>

#include "dict/dict_internal.h"
#include "sitrep/arena.h"
#include "sitrep/coder.h"
#include "sitrep/text.h"

/* ---- closed-class words ---------------------------------------------- */

enum word_class {
    WC_DET = 1u << 0,      /* the a an this these ... */
    WC_POSSPRON = 1u << 1, /* his her its their our my your */
    WC_PREP = 1u << 2,     /* of in on at by with from against for ... */
    WC_HYPO = 1u << 3,     /* would could might may should must can */
    WC_FUT = 1u << 4,      /* will shall 'll */
    WC_NEG = 1u << 5,      /* not n't never */
    WC_BE = 1u << 6,       /* is are was were be been being am */
    WC_HAVE = 1u << 7,     /* has have had */
    WC_DO = 1u << 8,       /* do does did */
    WC_CONJ = 1u << 9,     /* and or nor */
    WC_SUBORD = 1u << 10,  /* if unless although because while when ... */
    WC_COND = 1u << 11,    /* if unless whether */
    WC_REL = 1u << 12,     /* who which whom whose */
    WC_THAT = 1u << 13,    /* that */
    WC_TO = 1u << 14,      /* to */
    WC_ASPECT = 1u << 15,  /* continue(d) began resume(d) ... (+ to VERB) */
    WC_PRON = 1u << 16,    /* he she it they we */
    WC_ADV = 1u << 17,     /* also already still just then now ... */
    WC_BY = 1u << 18,      /* by */
    WC_OF = 1u << 19,      /* of */
    WC_SAY = 1u << 20,     /* said says told ... (speech verbs) */
    WC_NUM = 1u << 21,     /* one two ... dozens hundreds (number words) */
    WC_ABOUT = 1u << 22    /* about (as in "about to") */
};

typedef struct sr_wordclass_table sr_wordclass_table;
sr_wordclass_table *sr_wordclass_new(void);
void sr_wordclass_free(sr_wordclass_table *t);
uint32_t sr_wordclass_of(const sr_wordclass_table *t, const char *norm, size_t len);

/* ---- per-sentence working state -------------------------------------- */

enum { TRIE_ACTOR, TRIE_AGENT, TRIE_DISCARD, NTRIES };

typedef struct tok {
    sr_token_ids ids;
    uint32_t cls;    /* word_class bits */
    /* the nodes this token reaches from each trie's root */
    uint32_t root_kids[NTRIES][SR_TRIE_NEXT_MAX];
    uint8_t nroot_kids[NTRIES];
    int32_t np;      /* noun phrase covering the token, or -1 */
    int32_t verb;    /* verb occurrence starting here, or -1 */
} tok;

typedef struct np {
    uint32_t s, e;          /* token range [s, e) within the sentence */
    const char *code;       /* resolved code (arena), NULL if none */
    uint8_t inferred;       /* country taken from the document's focus */
    uint8_t new_actor;      /* uncoded phrase standing as an actor */
    uint8_t has_actor;      /* contains a dictionary actor */
    const char *agent_only; /* agent code of a phrase with no actor ("rebels"):
                               the country is filled in from the focus */
    const sr_agent *agent;  /* the phrase's agent, if any */
    uint8_t agent_leads;    /* "the ambassadors of Arnor, ...": the agent
                               comes first and applies to a following list */
    int32_t compound;       /* first np of its compound list, or -1 */
    int32_t next;           /* next np in the compound list, or -1 */
} np;

typedef struct verb_occ {
    uint32_t s, e;          /* token range of the verb form */
    uint32_t form;          /* index into dict->forms */
    uint8_t tense;
    uint8_t passive;
    uint8_t mood;           /* MOOD_* */
    int32_t block_at;       /* token that blocked it (not, could, if, to), or -1 */
    uint8_t governed;       /* blocked only as an infinitive another verb
                               governs ("vowed to retake"), not negated or
                               hypothetical */
} verb_occ;

enum { MOOD_ASSERTED, MOOD_INTENT, MOOD_BLOCKED };

typedef struct sent {
    const sr_text *text;
    const sr_token *tk;     /* the sentence's first token */
    uint32_t n;             /* tokens in the sentence */
    tok *t;
    np *nps;
    uint32_t nnps;
    verb_occ *verbs;
    uint32_t nverbs;
} sent;

enum { START_ACTOR = 1, START_AGENT = 2, START_DISCARD = 4 };

#define SENT_BITS 4096 /* words-present filter per sentence (bits) */
#define IDCACHE_SLOTS 8192 /* remembered token -> word ids (power of two) */
#define IDCACHE_WORD 24    /* longest token remembered */

/* News repeats its words: the ids of a token (an exact probe and one probe
 * per possible stem length) are remembered by its normalized form. */
typedef struct idcache_entry {
    uint8_t len;            /* 0: empty */
    char word[IDCACHE_WORD];
    uint32_t cls;
    sr_token_ids ids;
    uint32_t root_kids[NTRIES][SR_TRIE_NEXT_MAX];
    uint8_t nroot_kids[NTRIES];
} idcache_entry;

struct sr_coder {
    const sr_dict *dict;
    const sr_gazetteer *gazetteer; /* NULL: no places */
    sr_place_cache *place_cache;   /* this coder's gazetteer lookups */
    uint32_t clause_lo, clause_hi;  /* token range of the verb being coded */
    idcache_entry *idcache;
    uint8_t *starts;        /* per vocabulary word: START_* bits of the tries
                               it can begin a phrase in (a quick reject) */
    uint32_t *pattern_key;  /* per pattern: a word it cannot match without,
                               or SR_NOWORD */
    uint32_t *pattern_order;/* each block's patterns, most specific first
                               (stable): the search stops at the first match */
    uint64_t present[SENT_BITS / 64]; /* word ids in the current sentence */
    uint32_t *syn_first;    /* per synset, sorted ids of its members' first
                               words: syn_first[syn_off[k] .. syn_off[k+1]) */
    uint32_t *syn_off;
    sr_coder_options opt;
    sr_wordclass_table *wc;
    sr_arena *arena;        /* per document */
    int32_t date;           /* YYYYMMDD of the document, 0 if none */
    char focus[4];          /* the document's main country, "" if none */
    const char *last_subject; /* code of the last coded source, for pronouns */
    uint32_t last_subject_start, last_subject_end;
    sr_event *events;
    size_t nevents, cap;
    sr_events result;
};

/* phrases.c */
uint32_t sr_trie_longest(const sr_coder *c, int which, const sent *s, uint32_t i, int32_t *val);
const char *sr_join_codes(sr_coder *c, const char *a, const char *b);
void sr_find_phrases(sr_coder *c, sent *s);
const char *sr_actor_code_at(const sr_coder *c, int32_t actor);
int sr_is_country_code(const char *code);
int sr_modifier_like(const sent *s, uint32_t i);

/* verbs.c */
void sr_find_verbs(sr_coder *c, sent *s);

/* patterns.c */
typedef struct pattern_match {
    int32_t pattern;   /* index into dict->patterns, or -1 */
    int32_t target_np; /* phrase bound by a '+' slot, or -1 */
    int32_t source_np; /* phrase bound by a '$' slot, or -1 */
    uint32_t pre_lo;   /* leftmost token the pre-verb elements used */
    uint32_t pre_hi;   /* end of the rightmost one (the verb's start: none) */
    uint32_t post_hi;  /* token after the last one the post-verb elements used */
    uint32_t used_s[8], used_e[8]; /* token ranges literal post elements used */
    uint32_t nused;
} pattern_match;

/* Can some member of synset k start at a token with these ids? */
int sr_synset_may_start(const sr_coder *c, uint32_t k, const sr_token_ids *ids);

/* Do the pattern's own words overlap tokens [a, b)? */
int sr_pattern_uses(const pattern_match *pm, uint32_t a, uint32_t b);

/* The most specific pattern of verb v that fits the tokens [lo, hi).
 * With avoid_coop, only patterns at least as specific as min_score whose
 * code is not cooperation (roots 03-08, which need a partner) qualify.
 * Returns 1 when a pattern matched. */
/* CAMEO roots 03-08: cooperation, which needs a partner. */
int sr_cooperative_code(const char *code);

int sr_best_pattern(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t lo,
                    uint32_t hi, int avoid_coop, int min_score, pattern_match *out);

/* The code a verb carries when no pattern matches: the form's own, else
 * its block's (first of the blocks the same words belong to). NULL when
 * none; *file and *line tell where it was written. */
const char *sr_default_code(const sr_coder *c, const verb_occ *v, const char **rcode,
                            const char **file, uint32_t *line);

/* where_when.c: give every event its place and date. */
void sr_locate_events(sr_coder *c, sr_events *r, const char *doc_date, const char *date_from);

/* roles.c */
/* The verb's subject phrase, or -1; *pronoun is set to the token index + 1
 * when the subject is a personal pronoun (he, it, they), *lo to where its
 * clause starts. */
int32_t sr_find_source(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t *lo,
                       int *pronoun);
/* The first actor phrase after the verb starting at or after token from,
 * before the clause ends (*hi), or -1. */
int32_t sr_find_target(const sr_coder *c, const sent *s, const verb_occ *v, uint32_t from,
                       uint32_t *hi);
/* The plain noun phrase right before the verb's auxiliaries, at most max
 * words ("the injury toll has risen" -> [injury toll]); 0 if none. */
int sr_new_actor_span(const sent *s, const verb_occ *v, int max, uint32_t *start, uint32_t *end);
int32_t sr_find_agent_by(const sr_coder *c, const sent *s, const verb_occ *v);

#endif
