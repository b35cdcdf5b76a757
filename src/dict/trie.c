/*
 * Word-id tries. Nodes are dense integers with one value each; every edge
 * of the trie sits in one open-addressing hash keyed by (node, word, stem),
 * so a step costs one probe whatever the fan-out (the root of the actor trie
 * has tens of thousands of children).
 */
#include "dict/trie.h"

#include <string.h>

#include "dict/grow.h"

#define NO_KEY UINT64_MAX

struct sr_trie {
    int32_t *values; /* per node */
    size_t nnodes, cap_nodes;
    uint64_t *keys;  /* edge keys, NO_KEY where free */
    uint32_t *child; /* edge targets */
    size_t mask, nedges;
};

static uint64_t edge_key(uint32_t node, uint32_t word, int stem)
{
    return ((uint64_t)node << 33) | ((uint64_t)word << 1) | (stem ? 1u : 0u);
}

static size_t edge_slot(uint64_t k, size_t mask)
{
    k ^= k >> 31;
    k *= UINT64_C(0x7fb5d329728ea185);
    k ^= k >> 27;
    k *= UINT64_C(0x81dadef4bc2dd44d);
    k ^= k >> 33;
    return (size_t)k & mask;
}

static void edges_alloc(sr_trie *t, size_t nslots)
{
    t->keys = malloc(nslots * sizeof *t->keys);
    t->child = malloc(nslots * sizeof *t->child);
    if (!t->keys || !t->child)
        sr_grow_fail();
    memset(t->keys, 0xff, nslots * sizeof *t->keys);
    t->mask = nslots - 1;
}

static void edges_grow(sr_trie *t)
{
    uint64_t *keys = t->keys;
    uint32_t *child = t->child;
    size_t old = t->mask + 1;
    edges_alloc(t, old * 2);
    for (size_t i = 0; i < old; i++) {
        if (keys[i] == NO_KEY)
            continue;
        size_t j = edge_slot(keys[i], t->mask);
        while (t->keys[j] != NO_KEY)
            j = (j + 1) & t->mask;
        t->keys[j] = keys[i];
        t->child[j] = child[i];
    }
    free(keys);
    free(child);
}

static uint32_t new_node(sr_trie *t)
{
    SR_GROW(t->values, t->cap_nodes, t->nnodes + 1);
    t->values[t->nnodes] = -1;
    return (uint32_t)t->nnodes++;
}

sr_trie *sr_trie_new(void)
{
    sr_trie *t = sr_xcalloc(1, sizeof *t);
    edges_alloc(t, 256);
    new_node(t); /* the root */
    return t;
}

void sr_trie_free(sr_trie *t)
{
    if (!t)
        return;
    free(t->values);
    free(t->keys);
    free(t->child);
    free(t);
}

uint32_t sr_trie_child(const sr_trie *t, uint32_t node, uint32_t word, int stem)
{
    if (!t || word == SR_NOWORD)
        return SR_NONODE;
    uint64_t k = edge_key(node, word, stem);
    for (size_t i = edge_slot(k, t->mask);; i = (i + 1) & t->mask) {
        if (t->keys[i] == k)
            return t->child[i];
        if (t->keys[i] == NO_KEY)
            return SR_NONODE;
    }
}

int32_t sr_trie_value(const sr_trie *t, uint32_t node)
{
    if (!t || node >= t->nnodes)
        return -1;
    return t->values[node];
}

size_t sr_trie_next(const sr_trie *t, uint32_t node, const sr_token_ids *ids,
                    uint32_t out[SR_TRIE_NEXT_MAX])
{
    size_t n = 0;
    uint32_t c;
    if (ids->exact != SR_NOWORD) {
        if ((c = sr_trie_child(t, node, ids->exact, 0)) != SR_NONODE)
            out[n++] = c;
        /* a stem matches its own word too */
        if ((c = sr_trie_child(t, node, ids->exact, 1)) != SR_NONODE)
            out[n++] = c;
    }
    for (int i = 0; i < ids->nstems; i++)
        if ((c = sr_trie_child(t, node, ids->stems[i], 1)) != SR_NONODE)
            out[n++] = c;
    return n;
}

uint32_t sr_trie_insert(sr_trie *t, const sr_phrase_word *w, size_t n)
{
    uint32_t node = 0;
    for (size_t k = 0; k < n; k++) {
        uint32_t next = sr_trie_child(t, node, w[k].id, w[k].stem);
        if (next == SR_NONODE) {
            if ((t->nedges + 1) * 2 > t->mask + 1)
                edges_grow(t);
            next = new_node(t);
            uint64_t key = edge_key(node, w[k].id, w[k].stem);
            size_t i = edge_slot(key, t->mask);
            while (t->keys[i] != NO_KEY)
                i = (i + 1) & t->mask;
            t->keys[i] = key;
            t->child[i] = next;
            t->nedges++;
        }
        node = next;
    }
    return node;
}

void sr_trie_set_value(sr_trie *t, uint32_t node, int32_t value)
{
    if (node < t->nnodes)
        t->values[node] = value;
}

size_t sr_trie_nodes(const sr_trie *t)
{
    return t->nnodes;
}

size_t sr_trie_edges(const sr_trie *t)
{
    return t->nedges;
}
