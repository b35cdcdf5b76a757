/*
 * Fuzz the dictionary loaders: the input is read as a verbs file, an actors
 * file, an agents file and a discards file at once (from memory, through
 * sr_dict_load_buffers), then every table is checked for indexes that point
 * outside it and the lookups are run over the input's words.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dict/dict_internal.h"
#include "dict/load.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond)                                                      \
    do {                                                                   \
        if (!(cond)) {                                                     \
            fprintf(stderr, "fuzz_dict: broken invariant: %s\n", #cond);   \
            abort();                                                       \
        }                                                                  \
    } while (0)

static void check_trie(const sr_trie *t, size_t nvalues)
{
    /* values are checked where lookups land; here the root */
    int32_t v = sr_trie_value(t, 0);
    REQUIRE(v < 0 || (size_t)v < nvalues);
}

static void check_tables(const sr_dict *d)
{
    size_t nv = d->nvocab_slots;
    for (size_t i = 0; i < d->nactors; i++)
        REQUIRE(d->actors[i].first_code + d->actors[i].ncodes <= d->nactor_codes);
    for (size_t i = 0; i < d->nforms; i++) {
        const sr_verb_form *f = &d->forms[i];
        REQUIRE(f->nwords >= 1 && f->nwords <= SR_FORM_MAX);
        REQUIRE(f->verb_pos < f->nwords);
        REQUIRE(f->block < d->nblocks);
        for (int k = 0; k < f->nwords; k++)
            REQUIRE(f->words[k] < nv);
    }
    size_t total = 0;
    for (size_t w = 0; w < nv; w++) {
        REQUIRE(d->form_first[w] + d->form_count[w] <= d->nforms);
        total += d->form_count[w];
    }
    REQUIRE(total == d->nforms);
    for (size_t b = 0; b < d->nblocks; b++)
        REQUIRE(d->blocks[b].first_pattern + d->blocks[b].npatterns <= d->npatterns);
    for (size_t i = 0; i < d->npatterns; i++) {
        const sr_pattern *p = &d->patterns[i];
        REQUIRE(p->first_elem + p->npre + p->npost <= d->nelems);
        REQUIRE(p->block < d->nblocks);
        for (int k = 0; k < p->npre + p->npost; k++) {
            const sr_pat_elem *e = &d->elems[p->first_elem + (uint32_t)k];
            if (e->type == SR_PE_WORD)
                REQUIRE(e->id < nv);
            if (e->type == SR_PE_SYNSET)
                REQUIRE(e->id < d->nsynsets);
        }
    }
    for (size_t s = 0; s < d->nsynsets; s++) {
        const sr_synset *ss = &d->synsets[s];
        REQUIRE(ss->first_member + ss->nmembers <= d->nsynset_members);
        for (uint32_t m = 0; m < ss->nmembers; m++) {
            const sr_synset_member *sm = &d->synset_members[ss->first_member + m];
            REQUIRE(sm->first_word + sm->nwords <= d->nsynset_words);
        }
    }
    for (size_t i = 0; i < d->nsynset_words; i++)
        REQUIRE(d->synset_words[i].id < nv);
    check_trie(d->actor_trie, d->nactors);
    check_trie(d->agent_trie, d->nagents);
    check_trie(d->discard_trie, d->ndiscards);
}

/* Walk each trie along the input's words, upper-cased, as the coder will. */
static void lookups(const sr_dict *d, const uint8_t *data, size_t size)
{
    const sr_trie *tries[3] = {d->actor_trie, d->agent_trie, d->discard_trie};
    size_t nvalues[3] = {d->nactors, d->nagents, d->ndiscards};
    uint32_t node[3] = {0, 0, 0};
    char word[300];
    size_t i = 0;
    while (i < size) {
        while (i < size && (data[i] == ' ' || data[i] == '_' || data[i] == '\n'))
            i++;
        size_t n = 0;
        while (i < size && data[i] != ' ' && data[i] != '_' && data[i] != '\n') {
            if (n < sizeof word - 1)
                word[n++] = (char)(data[i] >= 'a' && data[i] <= 'z' ? data[i] - 32 : data[i]);
            i++;
        }
        word[n] = '\0';
        sr_token_ids ids;
        sr_dict_token_ids(d, word, n, &ids);
        REQUIRE(ids.exact == SR_NOWORD || ids.exact < d->nvocab_slots);
        REQUIRE(ids.nstems <= SR_TOKEN_STEMS);
        for (int k = 0; k < ids.nstems; k++) {
            const char *stem = sr_dict_word(d, ids.stems[k]);
            REQUIRE(stem && strlen(stem) < n && memcmp(stem, word, strlen(stem)) == 0);
        }
        if (ids.exact != SR_NOWORD)
            REQUIRE(strcmp(sr_dict_word(d, ids.exact), word) == 0);
        for (int t = 0; t < 3; t++) {
            uint32_t next[SR_TRIE_NEXT_MAX];
            size_t k = sr_trie_next(tries[t], node[t], &ids, next);
            if (k == 0)
                k = sr_trie_next(tries[t], 0, &ids, next);
            node[t] = k ? next[0] : 0;
            int32_t v = sr_trie_value(tries[t], node[t]);
            REQUIRE(v < 0 || (size_t)v < nvalues[t]);
        }
    }
}

static void ignore(const char *msg, void *ctx)
{
    (void)ctx;
    REQUIRE(strlen(msg) < 512);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    sr_dict_buffer b = {"fuzz", (const char *)data, size};
    sr_dict_buffers bufs = {.verbs = &b, .actors = &b, .nactors = 1, .agents = &b,
                            .discards = &b};
    sr_dict *d = NULL;
    if (sr_dict_load_buffers(&d, &bufs, ignore, NULL, NULL) != 0)
        abort(); /* only bad arguments fail */
    check_tables(d);
    lookups(d, data, size);
    sr_dict_free(d);
    return 0;
}
