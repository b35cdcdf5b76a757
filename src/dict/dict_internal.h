/*
 * The loaded form of the dictionaries, shared by the loaders (src/dict/)
 * and the coder (src/code/). Not public: the layout may change freely.
 *
 * Everything is keyed by interned word ids. A dictionary word written
 * without a trailing underscore is a stem in the TABARI sense: it also
 * matches any token that starts with it ("SYRIA" matches "SYRIANS");
 * with a trailing underscore ("SYRIA_") it matches only itself. Only the
 * last word of a phrase can be a stem; words joined by '_' or ' ' inside a
 * phrase are exact.
 */
#ifndef SR_DICT_INTERNAL_H
#define SR_DICT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/dict.h"

#define SR_NOWORD UINT32_MAX
#define SR_NONODE UINT32_MAX
#define SR_CODE_MAX 16  /* longest code kept, NUL included */
#define SR_FORM_MAX 6   /* most words in one verb form */
#define SR_STEM_MIN 3   /* shortest word that can act as a stem */
#define SR_TOKEN_STEMS 4 /* most stem ids reported for one token */

/* ---- vocabulary ------------------------------------------------------ */

typedef struct sr_vocab sr_vocab; /* src/dict/vocab.c */

/* The ids a token can match: its exact word (SR_NOWORD if not in the
 * vocabulary) and the ids of up to SR_TOKEN_STEMS dictionary stems that are
 * proper prefixes of it (longest first), each at least SR_STEM_MIN bytes. */
typedef struct sr_token_ids {
    uint32_t exact;
    uint32_t stems[SR_TOKEN_STEMS];
    uint8_t nstems;
} sr_token_ids;

/* norm is a token's normalized form (upper-case, as sr_text produces). */
void sr_dict_token_ids(const sr_dict *d, const char *norm, size_t len, sr_token_ids *out);
uint32_t sr_dict_word_id(const sr_dict *d, const char *word, size_t len); /* or SR_NOWORD */
const char *sr_dict_word(const sr_dict *d, uint32_t id);

/* ---- phrase tries (actors, agents, discards) ------------------------- */

/* A trie over word ids. Node 0 is the root. An edge is labelled with a
 * word id and whether the dictionary word was a stem. */
typedef struct sr_trie sr_trie; /* src/dict/trie.c */

/* Child of node along (word, stem), or SR_NONODE. */
uint32_t sr_trie_child(const sr_trie *t, uint32_t node, uint32_t word, int stem);
/* Entry index stored at node (index into the owning table), or -1. */
int32_t sr_trie_value(const sr_trie *t, uint32_t node);
/* Every child of node that a token with these ids may step to: the exact
 * edge, the token's own word as a stem edge (a stem matches itself), then its
 * stems longest first. Returns how many were written to out. */
#define SR_TRIE_NEXT_MAX (SR_TOKEN_STEMS + 2)
size_t sr_trie_next(const sr_trie *t, uint32_t node, const sr_token_ids *ids,
                    uint32_t out[SR_TRIE_NEXT_MAX]);

/* ---- actors ---------------------------------------------------------- */

typedef struct sr_actor_code {
    char code[SR_CODE_MAX]; /* e.g. "SYRGOV"; "---" means "known, no code" */
    int32_t from, to;       /* YYYYMMDD, inclusive; 0 = open; both 0 = undated */
} sr_actor_code;

typedef struct sr_actor {
    const char *name;     /* the head phrase as written, e.g. "SERGEY_LAVROV_" */
    uint32_t first_code;  /* into sr_dict.actor_codes */
    uint32_t ncodes;
    uint16_t file;        /* into sr_dict.files */
    uint32_t line;
} sr_actor;

/* ---- agents ---------------------------------------------------------- */

typedef struct sr_agent {
    char code[SR_CODE_MAX]; /* without the ~, e.g. "MIL", "GOVFRM", "IGO" */
    uint8_t prefix;         /* 1 for "IGO~" (goes before the actor's code) */
    uint16_t file;
    uint32_t line;
} sr_agent;

/* ---- discards -------------------------------------------------------- */

typedef struct sr_discard {
    uint8_t story; /* 1: "+PHRASE" discards the whole story */
    uint16_t file;
    uint32_t line;
    int16_t year;  /* the phrase is a bare year ("1914"): Phoenix.discards
                      lists 1914..2013 to drop sentences about history. The
                      year, so the coder may judge it against the article's
                      date; 0 for other phrases */
} sr_discard;

/* ---- verbs ----------------------------------------------------------- */

enum sr_verb_tense {
    SR_VF_BASE,  /* attack */
    SR_VF_3SG,   /* attacks */
    SR_VF_PAST,  /* attacked (simple past, also past participle if regular) */
    SR_VF_PART,  /* past participle only (given irregular form: "struck", "blown") */
    SR_VF_ING,   /* attacking */
    SR_VF_OTHER  /* an explicit form that fits none of the above */
};

typedef struct sr_verb_block {
    const char *name;      /* "PHYSICAL_CONFLICT" */
    char code[SR_CODE_MAX];/* block default, e.g. "190"; "---" = none */
    uint32_t first_pattern;/* into sr_dict.patterns */
    uint32_t npatterns;
    uint16_t file;
    uint32_t line;
    char rcode[SR_CODE_MAX];/* target->source default from "[a:b]"; "" */
} sr_verb_block;

typedef struct sr_verb_form {
    uint32_t words[SR_FORM_MAX]; /* e.g. BLEW, UP */
    uint8_t nwords;
    uint8_t verb_pos;      /* index of the verb proper within words */
    uint8_t tense;         /* sr_verb_tense of the verb word */
    uint32_t block;        /* into sr_dict.blocks */
    char code[SR_CODE_MAX];/* the form's own [code], or "" for the block's */
    uint16_t file;
    uint32_t line;
    char rcode[SR_CODE_MAX];/* the form's own rcode from "[a:b]", or "" */
} sr_verb_form;

enum sr_pat_elem_type {
    SR_PE_WORD,     /* id is a word id; stem says prefix match allowed */
    SR_PE_SYNSET,   /* id indexes sr_dict.synsets */
    SR_PE_SOURCE,   /* $ : where the source actor stands */
    SR_PE_TARGET,   /* + : where the target actor stands */
    SR_PE_COMPOUND, /* % : a compound actor stands here */
    SR_PE_SKIP      /* ^ : skip the rest of a noun phrase */
};

typedef struct sr_pat_elem {
    uint8_t type;   /* sr_pat_elem_type */
    uint8_t stem;
    /* For pre-verb elements: joined ('_' or inside {}) to the element after
     * it, or to the verb if it is the last pre element. For post-verb
     * elements: joined to the element before it, or to the verb if it is the
     * first post element. Joined means nothing may stand between. */
    uint8_t joined;
    uint8_t group;  /* 0, or a number shared by the elements of one (...) */
    uint32_t id;
} sr_pat_elem;

typedef struct sr_pattern {
    uint32_t first_elem;    /* into sr_dict.elems: npre pre elements (left to
                               right), then npost post elements */
    uint8_t npre, npost;
    uint8_t nwords;         /* literal words + synsets: specificity */
    char code[SR_CODE_MAX]; /* source->target code; "" when none */
    char rcode[SR_CODE_MAX];/* target->source code from "[a:b]"/"[:b]"; "" */
    uint32_t block;
    uint16_t file;
    uint32_t line;
} sr_pattern;

typedef struct sr_phrase_word {
    uint32_t id;
    uint8_t stem;
} sr_phrase_word;

typedef struct sr_synset_member {
    uint32_t first_word; /* into sr_dict.synset_words */
    uint8_t nwords;
} sr_synset_member;

typedef struct sr_synset {
    const char *name;        /* "&MILITARY" */
    uint32_t first_member;   /* into sr_dict.synset_members; nested synsets
                                are expanded at load time */
    uint32_t nmembers;
} sr_synset;

/* ---- the whole ------------------------------------------------------- */

struct sr_dict {
    sr_vocab *vocab;
    const char **files; /* basenames as given, for "FILE:LINE" evidence */
    size_t nfiles;

    sr_trie *actor_trie;  /* value: index into actors */
    sr_actor *actors;
    size_t nactors;
    sr_actor_code *actor_codes;
    size_t nactor_codes;

    sr_trie *agent_trie;  /* value: index into agents */
    sr_agent *agents;
    size_t nagents;

    sr_trie *discard_trie; /* value: index into discards */
    sr_discard *discards;
    size_t ndiscards;

    sr_verb_block *blocks;
    size_t nblocks;
    sr_verb_form *forms;
    size_t nforms;
    /* forms whose first word is w: form_index[form_first[w] .. +form_count[w]],
     * longest form first. Both arrays have one slot per vocabulary word. */
    uint32_t *form_first, *form_count, *form_index;
    size_t nvocab_slots;
    sr_pattern *patterns;
    size_t npatterns;
    sr_pat_elem *elems;
    size_t nelems;
    sr_synset *synsets;
    size_t nsynsets;
    sr_synset_member *synset_members;
    size_t nsynset_members;
    sr_phrase_word *synset_words;
    size_t nsynset_words;

    sr_dict_stats stats;
    void *mem; /* loader-private allocations, released by sr_dict_free */
};

/* Does token (given its ids) match the dictionary word (id, stem)? */
static inline int sr_word_matches(const sr_token_ids *t, uint32_t id, int stem)
{
    if (t->exact == id)
        return 1;
    if (stem)
        for (int i = 0; i < t->nstems; i++)
            if (t->stems[i] == id)
                return 1;
    return 0;
}

#endif
