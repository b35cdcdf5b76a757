/*
 * trie: building the word-id tries of dict_internal.h. Lookups
 * (sr_trie_child, sr_trie_value, sr_trie_next) are declared there.
 *
 * Ownership: the loader owns a trie until it hands it to the sr_dict, which
 * frees it with sr_trie_free. Read-only (and thread-safe) after loading.
 */
#ifndef SR_DICT_TRIE_H
#define SR_DICT_TRIE_H

#include <stddef.h>
#include <stdint.h>

#include "dict/dict_internal.h"

sr_trie *sr_trie_new(void);
void sr_trie_free(sr_trie *t);

/* The node at the end of the path w[0..n), created as needed (n == 0 gives
 * the root). */
uint32_t sr_trie_insert(sr_trie *t, const sr_phrase_word *w, size_t n);
/* Store (overwrite) the value of node. */
void sr_trie_set_value(sr_trie *t, uint32_t node, int32_t value);

size_t sr_trie_nodes(const sr_trie *t);
size_t sr_trie_edges(const sr_trie *t);

#endif
