/*
 * load: what the dictionary loaders share.
 *
 *   dict.c           sr_dict_load / _load_dir / _load_buffers, free, stats,
 *                    word lookups, and the final indexes
 *   vocab.c          interned words and the stem index    (vocab.h)
 *   trie.c           word-id tries                         (trie.h)
 *   lines.c          logical lines of a dictionary file, comments removed
 *   words.c          dictionary words and phrases: normalization, the
 *                    tokenizer's splits, stems
 *   inflect.c        regular English verb forms and noun plurals
 *   load_verbs.c     CAMEO verbs file: blocks and verb forms
 *   verb_patterns.c  "- pre * post [code]" lines
 *   synsets.c        &SYNSETS: definitions, references, nested expansion
 *   load_actors.c    *.actors.txt
 *   load_agents.c    agents file
 *   load_discards.c  discards file
 *
 * A loader owns the sr_dict under construction; each load_* function reads
 * one file from memory. Malformed lines are reported through sr_ld_warn and
 * skipped.
 */
#ifndef SR_DICT_LOAD_H
#define SR_DICT_LOAD_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict_internal.h"
#include "sitrep/arena.h"

struct sr_error;

/* ---- loading from memory (tests, fuzzers) ---------------------------- */

typedef struct sr_dict_buffer {
    const char *name; /* shown in "NAME:LINE: message" warnings */
    const char *data;
    size_t len;
} sr_dict_buffer;

typedef struct sr_dict_buffers {
    const sr_dict_buffer *verbs;  /* may be NULL here (not in sr_dict_load) */
    const sr_dict_buffer *actors; /* nactors, in priority order */
    size_t nactors;
    const sr_dict_buffer *agents;   /* may be NULL */
    const sr_dict_buffer *discards; /* may be NULL */
    const sr_dict_buffer *more_agents; /* nmore_agents, after agents */
    size_t nmore_agents;
} sr_dict_buffers;

/* As sr_dict_load, from buffers the caller keeps. */
int sr_dict_load_buffers(sr_dict **out, const sr_dict_buffers *b, sr_dict_warn_fn warn,
                         void *warn_ctx, struct sr_error *err);

/* ---- the loader ------------------------------------------------------ */

#define SR_PHRASE_MAX 64 /* most words in one dictionary phrase */

typedef struct sr_synsets sr_synsets; /* synsets.c */

typedef struct sr_loader {
    sr_dict *d;
    sr_arena *arena;   /* d->mem: names and file names */
    sr_arena *scratch; /* sr_text_norm output, reset per line */
    sr_dict_warn_fn warn;
    void *warn_ctx;
    uint16_t file;     /* index into d->files of the file being read */
    const char *fname;
    uint32_t line;     /* line being read, for warnings */
    /* capacities of the growing arrays of d */
    size_t cap_actors, cap_actor_codes, cap_agents, cap_discards;
    size_t cap_blocks, cap_forms, cap_patterns, cap_elems;
    size_t nverbs; /* verb lines, for the statistics */
    size_t nphrases; /* actor phrases */
    sr_synsets *syn;
} sr_loader;

/* "FILE:LINE: message" to the warning callback; counted in stats.warnings. */
void sr_ld_warn(sr_loader *L, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Copy s[0..n) into the dictionary's arena. */
const char *sr_ld_strdup(sr_loader *L, const char *s, size_t n);

/* ---- lines (lines.c) ------------------------------------------------- */

typedef struct sr_line_reader {
    const char *p, *end;
    uint32_t lineno;
    int in_comment; /* inside a multi-line <!-- --> */
} sr_line_reader;

void sr_lines_init(sr_line_reader *r, const char *data, size_t len);

/* The next line that has something left once comments ('#' to the end,
 * <!-- ... -->, lines starting with <!) and surrounding white space are
 * removed. Returns 0 at the end. *s and *n point into the buffer. */
int sr_lines_next(sr_line_reader *r, const char **s, size_t *n, uint32_t *lineno);

/* Trim spaces, tabs and CRs at both ends of s[0..*n). */
const char *sr_trim(const char *s, size_t *n);

/* ---- words and phrases (words.c) ------------------------------------- */

typedef struct sr_phrase {
    sr_phrase_word w[SR_PHRASE_MAX];
    size_t n;
    int exact_end; /* the text ended with '_' */
} sr_phrase;

enum sr_phrase_flags {
    SR_PH_STEM_LAST = 1 /* the last word is a stem unless written "WORD_" */
};

/* Parse a phrase of words separated by '_', ' ' or tabs into ids. Returns 0,
 * or -1 after a warning (a word too long, invalid UTF-8, too many words, or
 * no word at all). */
int sr_ld_phrase(sr_loader *L, const char *s, size_t n, unsigned flags, sr_phrase *out);

/* Normalize one word into buf (SR_WORD_MAX + 1 bytes) the way tokens are
 * normalized. Returns its length, or -1 if it cannot be (too long,
 * invalid UTF-8). */
int sr_ld_norm_word(sr_loader *L, const char *s, size_t n, char *buf);

/* Split a normalized word the way the tokenizer splits text ("PEOPLE'S" ->
 * "PEOPLE" "'S", "DON'T" -> "DO" "N'T", "X," -> "X" ","). Writes up to 3
 * piece lengths; returns the number of pieces. */
int sr_ld_split_word(const char *w, size_t n, size_t piece[3]);

/* Intern piece(s) of an already normalized word; returns the number of ids
 * written to out (at most 3). */
int sr_ld_intern_pieces(sr_loader *L, const char *w, size_t n, uint32_t out[3]);

/* Copy a code (e.g. "190", "~mil") upper-cased into code[SR_CODE_MAX].
 * Returns -1 if it is too long. */
int sr_ld_code(const char *s, size_t n, char code[SR_CODE_MAX]);

/* "[a:b]" contents -> code a, rcode b (":b" gives "" and b). Returns -1
 * after a warning when a part is too long. */
int sr_ld_split_code(sr_loader *L, const char *s, size_t n, char code[SR_CODE_MAX],
                     char rcode[SR_CODE_MAX]);

/* ---- the file loaders ------------------------------------------------ */

void sr_ld_verbs(sr_loader *L, const char *data, size_t len);
void sr_ld_actors(sr_loader *L, const char *data, size_t len);
void sr_ld_agents(sr_loader *L, const char *data, size_t len);
void sr_ld_discards(sr_loader *L, const char *data, size_t len);

/* verb_patterns.c: one "- ..." line of the current block */
void sr_ld_pattern(sr_loader *L, uint32_t block, const char *s, size_t n);

/* synsets.c */
sr_synsets *sr_synsets_new(void);
void sr_synsets_free(sr_synsets *S);
/* Register every "&NAME" definition line of a verbs file before parsing it,
 * so patterns may use a synset defined further down. */
void sr_synsets_prescan(sr_loader *L, const char *data, size_t len);
/* Id of the synset a definition line "&NAME..." opens. */
uint32_t sr_synsets_define(sr_loader *L, const char *s, size_t n);
/* A "+MEMBER" line of synset id. */
void sr_synsets_member(sr_loader *L, uint32_t id, const char *s, size_t n);
/* Longest defined synset name that s[0..n) (starting with '&') begins
 * with, ending at the end or before a '_'. Returns its id and sets *used to
 * the bytes it covers, or returns UINT32_MAX. */
uint32_t sr_synsets_resolve(const sr_synsets *S, const char *s, size_t n, size_t *used);
/* Expand nested synsets into d->synsets / synset_members / synset_words. */
void sr_synsets_finish(sr_loader *L);

#endif
