/*
 * vocab: the interned dictionary words. Each distinct normalized word gets a
 * dense id (0, 1, 2, ... in order of first appearance); the strings live in
 * one growing buffer. Words used as a stem somewhere in the dictionaries are
 * flagged, and once loading is over sr_vocab_freeze builds a second, smaller
 * index of just those stems so that sr_vocab_token_ids (run for every token
 * of every article) costs one pass over the token and a few probes.
 *
 * Ownership: the loader owns the sr_vocab until it hands it to the sr_dict,
 * which frees it with sr_vocab_free. Read-only (and thread-safe) once frozen.
 */
#ifndef SR_DICT_VOCAB_H
#define SR_DICT_VOCAB_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict_internal.h"

/* Longest word kept (bytes). Longer words are refused by the loaders. */
#define SR_WORD_MAX 255
/* Longest stem looked for inside a token: longer stems match exactly only. */
#define SR_STEM_MAXLEN 63

sr_vocab *sr_vocab_new(void);
void sr_vocab_free(sr_vocab *v);

/* Id of word (len bytes, already normalized), adding it if new. */
uint32_t sr_vocab_intern(sr_vocab *v, const char *word, size_t len);
/* Id of word or SR_NOWORD. */
uint32_t sr_vocab_find(const sr_vocab *v, const char *word, size_t len);
/* NUL-terminated text of id (valid until the next intern). */
const char *sr_vocab_word(const sr_vocab *v, uint32_t id);
size_t sr_vocab_len(const sr_vocab *v, uint32_t id);
size_t sr_vocab_size(const sr_vocab *v);

/* Flag id as a stem. Ignored for words shorter than SR_STEM_MIN or longer
 * than SR_STEM_MAXLEN, which can only match exactly. Returns whether the
 * word can act as a stem. */
int sr_vocab_mark_stem(sr_vocab *v, uint32_t id);
int sr_vocab_is_stem(const sr_vocab *v, uint32_t id);
size_t sr_vocab_nstems(const sr_vocab *v);

/* Build the stem index. No interning after this. */
void sr_vocab_freeze(sr_vocab *v);

void sr_vocab_token_ids(const sr_vocab *v, const char *norm, size_t len, sr_token_ids *out);

#endif
