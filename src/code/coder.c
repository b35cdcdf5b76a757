/*
 * The coder's driver: analyze the text, find actor phrases in every
 * sentence, work out which country the document is about, then code each
 * verb occurrence into events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "code/code_internal.h"
#include "sitrep/sitrep.h"

void sr_coder_options_default(sr_coder_options *o)
{
    memset(o, 0, sizeof *o);
    o->require_dyad = 0;
    o->new_actor_length = 0;
    o->infer_country = 1;
    o->future_as_intent = 1;
    o->block_modal = 1;
    o->strict_passive = 1;
    o->comma_min = 2;
    o->comma_max = 8;
    o->comma_bmin = 0;
    o->comma_bmax = 0;
    o->comma_emin = 2;
    o->comma_emax = 8;
}

/* Quick-reject tables: which words can open an actor, agent or discard
 * phrase, and one word each pattern needs. Most tokens and most patterns
 * are then dismissed with one memory read instead of hash probes. */
static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* Within each verb block, patterns by specificity, most words first, file
 * order among equals (an insertion sort: blocks are small). */
static void order_patterns(sr_coder *c)
{
    const sr_dict *d = c->dict;
    for (size_t p = 0; p < d->npatterns; p++)
        c->pattern_order[p] = (uint32_t)p;
    for (size_t b = 0; b < d->nblocks; b++) {
        uint32_t *o = c->pattern_order + d->blocks[b].first_pattern;
        uint32_t n = d->blocks[b].npatterns;
        for (uint32_t i = 1; i < n; i++) {
            uint32_t x = o[i], j = i;
            while (j > 0 && d->patterns[o[j - 1]].nwords < d->patterns[x].nwords) {
                o[j] = o[j - 1];
                j--;
            }
            o[j] = x;
        }
    }
}

static int index_synsets(sr_coder *c)
{
    const sr_dict *d = c->dict;
    c->syn_off = malloc((d->nsynsets + 1) * sizeof *c->syn_off);
    c->syn_first = malloc((d->nsynset_members + 1) * sizeof *c->syn_first);
    if (!c->syn_off || !c->syn_first)
        return SR_ENOMEM;
    uint32_t n = 0;
    for (size_t k = 0; k < d->nsynsets; k++) {
        const sr_synset *ss = &d->synsets[k];
        c->syn_off[k] = n;
        uint32_t start = n;
        for (uint32_t m = 0; m < ss->nmembers; m++) {
            const sr_synset_member *mb = &d->synset_members[ss->first_member + m];
            if (mb->nwords)
                c->syn_first[n++] = d->synset_words[mb->first_word].id;
        }
        qsort(c->syn_first + start, n - start, sizeof *c->syn_first, cmp_u32);
    }
    c->syn_off[d->nsynsets] = n;
    return 0;
}

int sr_synset_may_start(const sr_coder *c, uint32_t k, const sr_token_ids *ids)
{
    const uint32_t *a = c->syn_first + c->syn_off[k];
    size_t n = c->syn_off[k + 1] - c->syn_off[k];
    uint32_t cand[1 + SR_TOKEN_STEMS];
    int nc = 0;
    if (ids->exact != SR_NOWORD)
        cand[nc++] = ids->exact;
    for (int m = 0; m < ids->nstems; m++)
        cand[nc++] = ids->stems[m];
    for (int i = 0; i < nc; i++)
        if (bsearch(&cand[i], a, n, sizeof *a, cmp_u32))
            return 1;
    return 0;
}

static void index_dictionary(sr_coder *c)
{
    const sr_dict *d = c->dict;
    const sr_trie *tries[3] = {d->actor_trie, d->agent_trie, d->discard_trie};
    const uint8_t bits[3] = {START_ACTOR, START_AGENT, START_DISCARD};
    for (int t = 0; t < 3; t++) {
        if (!tries[t])
            continue;
        for (uint32_t w = 0; w < d->nvocab_slots; w++)
            if (sr_trie_child(tries[t], 0, w, 0) != SR_NONODE || sr_trie_child(tries[t], 0, w, 1) != SR_NONODE)
                c->starts[w] |= bits[t];
    }
    for (size_t p = 0; p < d->npatterns; p++) {
        const sr_pattern *pt = &d->patterns[p];
        /* the longest word: long words are rare, short ones ("TO", "IN")
         * are in most sentences and reject nothing */
        c->pattern_key[p] = SR_NOWORD;
        size_t best = 0;
        for (uint32_t k = 0; k < (uint32_t)pt->npre + pt->npost; k++) {
            const sr_pat_elem *e = &d->elems[pt->first_elem + k];
            if (e->type != SR_PE_WORD)
                continue;
            size_t len = strlen(sr_dict_word(d, e->id));
            if (len > best) {
                best = len;
                c->pattern_key[p] = e->id;
            }
        }
    }
}

int sr_coder_new(sr_coder **out, const sr_dict *dict, const sr_coder_options *opt, sr_error *err)
{
    *out = NULL;
    if (!dict)
        return sr_error_set(err, SR_EINVAL, "no dictionary given to the coder");
    sr_coder *c = calloc(1, sizeof *c);
    if (!c)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    c->dict = dict;
    if (opt)
        c->opt = *opt;
    else
        sr_coder_options_default(&c->opt);
    c->wc = sr_wordclass_new();
    c->arena = sr_arena_new(256 * 1024);
    c->starts = calloc(dict->nvocab_slots + 1, 1);
    c->idcache = calloc(IDCACHE_SLOTS, sizeof *c->idcache);
    c->pattern_key = malloc((dict->npatterns + 1) * sizeof *c->pattern_key);
    c->pattern_order = malloc((dict->npatterns + 1) * sizeof *c->pattern_order);
    if (!c->wc || !c->arena || !c->starts || !c->pattern_key || !c->pattern_order || !c->idcache) {
        sr_coder_free(c);
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    }
    index_dictionary(c);
    order_patterns(c);
    if (index_synsets(c) != 0) {
        sr_coder_free(c);
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    }
    *out = c;
    return 0;
}

void sr_coder_free(sr_coder *c)
{
    if (!c)
        return;
    free(c->starts);
    free(c->pattern_key);
    free(c->pattern_order);
    free(c->idcache);
    sr_place_cache_free(c->place_cache);
    free(c->syn_first);
    free(c->syn_off);
    sr_wordclass_free(c->wc);
    sr_arena_free(c->arena);
    free(c->events);
    free(c);
}

void sr_coder_set_gazetteer(sr_coder *c, const sr_gazetteer *g)
{
    if (c->gazetteer != g) {
        sr_place_cache_free(c->place_cache);
        c->place_cache = g ? sr_place_cache_new() : NULL; /* NULL: lookups uncached */
    }
    c->gazetteer = g;
}

void sr_coder_set_options(sr_coder *c, const sr_coder_options *opt)
{
    c->opt = *opt;
}

/* The children of each trie's root a token with these ids steps to;
 * only words that can open a phrase are looked up at all. */
static void root_kids(const sr_coder *c, const sr_token_ids *ids, uint32_t kids[NTRIES][SR_TRIE_NEXT_MAX],
                      uint8_t nkids[NTRIES])
{
    const sr_dict *d = c->dict;
    const sr_trie *tries[NTRIES] = {d->actor_trie, d->agent_trie, d->discard_trie};
    static const uint8_t bits[NTRIES] = {START_ACTOR, START_AGENT, START_DISCARD};
    int any = 0;
    if (ids->exact != SR_NOWORD && ids->exact < d->nvocab_slots)
        any |= c->starts[ids->exact];
    for (int m = 0; m < ids->nstems; m++)
        if (ids->stems[m] < d->nvocab_slots)
            any |= c->starts[ids->stems[m]];
    for (int k = 0; k < NTRIES; k++)
        nkids[k] = (tries[k] && (any & bits[k])) ? (uint8_t)sr_trie_next(tries[k], 0, ids, kids[k]) : 0;
}

/* Word ids, class and trie starts of a token, through the coder's cache. */
static void token_ids(sr_coder *c, const sr_token *tk, tok *t)
{
    if (tk->len == 0 || tk->len > IDCACHE_WORD) {
        sr_dict_token_ids(c->dict, tk->norm, tk->len, &t->ids);
        t->cls = sr_wordclass_of(c->wc, tk->norm, tk->len);
        root_kids(c, &t->ids, t->root_kids, t->nroot_kids);
        return;
    }
    uint32_t h = 2166136261u;
    for (uint16_t i = 0; i < tk->len; i++)
        h = (h ^ (unsigned char)tk->norm[i]) * 16777619u;
    idcache_entry *ce = &c->idcache[(h ^ (h >> 15)) & (IDCACHE_SLOTS - 1)];
    if (ce->len != tk->len || memcmp(ce->word, tk->norm, tk->len) != 0) {
        ce->len = (uint8_t)tk->len;
        memcpy(ce->word, tk->norm, tk->len);
        sr_dict_token_ids(c->dict, tk->norm, tk->len, &ce->ids);
        ce->cls = sr_wordclass_of(c->wc, tk->norm, tk->len);
        root_kids(c, &ce->ids, ce->root_kids, ce->nroot_kids);
    }
    t->ids = ce->ids;
    t->cls = ce->cls;
    memcpy(t->root_kids, ce->root_kids, sizeof t->root_kids);
    memcpy(t->nroot_kids, ce->nroot_kids, sizeof t->nroot_kids);
}

static int32_t parse_date(const char *date)
{
    if (!date || strlen(date) < 10)
        return 0;
    int y = atoi(date), m = atoi(date + 5), d = atoi(date + 8);
    if (y < 1000 || m < 1 || m > 12 || d < 1 || d > 31)
        return 0;
    return y * 10000 + m * 100 + d;
}

/* Future acts are stated intentions (CAMEO 03x) or, for coercion and
 * force, threats (13x): "will meet" is 036, "will attack" 138. */
static const char *intent_code(const char *code)
{
    if (strlen(code) < 2 || code[0] < '0' || code[0] > '2')
        return code;
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    switch (root) {
    case 4: return "036";
    case 5: return "030";
    case 6: return "031";
    case 7: return "033";
    case 8: return "035";
    case 14: return "133";
    case 15: return "138";
    case 16: return "131";
    case 17: return "137";
    case 18: case 19: case 20: return "138";
    default: return code;
    }
}

static int push_event(sr_coder *c, const sr_event *e)
{
    /* one event per (source, target, code) in a sentence */
    for (size_t k = c->nevents; k-- > 0;) {
        const sr_event *o = &c->events[k];
        if (o->sentence != e->sentence)
            break;
        if (strcmp(o->cameo, e->cameo) == 0 &&
            ((!o->source.code && !e->source.code) ||
             (o->source.code && e->source.code && strcmp(o->source.code, e->source.code) == 0)) &&
            ((!o->target.code && !e->target.code) ||
             (o->target.code && e->target.code && strcmp(o->target.code, e->target.code) == 0)))
            return 0;
    }
    if (c->nevents == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        sr_event *ne = realloc(c->events, cap * sizeof *ne);
        if (!ne)
            return SR_ENOMEM;
        c->events = ne;
        c->cap = cap;
    }
    c->events[c->nevents++] = *e;
    return 0;
}

static void set_actor(const sent *s, const np *p, sr_event_actor *a)
{
    a->code = p ? p->code : NULL;
    a->start = p ? s->tk[p->s].start : 0;
    a->end = p ? s->tk[p->e - 1].end : 0;
    a->inferred = p ? p->inferred : 0;
    a->new_actor = p ? p->new_actor : 0;
}

#define MAX_MEMBERS 16

/* Acts that a group does among itself: meet, agree, cooperate (03-06). */
static int reciprocal_code(const char *code)
{
    return strlen(code) >= 2 && code[0] == '0' && code[1] >= '3' && code[1] <= '6';
}

/* Add p, or, for a dictionary code naming several actors at once
 * ("THE_SHIRE [FRO/BIL/SAM]"), one copy of p per code. */
static uint32_t add_member(sr_coder *c, const np *p, const np **out, uint32_t n)
{
    const char *slash = p->code ? strchr(p->code, '/') : NULL;
    if (!slash) {
        if (n < MAX_MEMBERS)
            out[n++] = p;
        return n;
    }
    const char *part = p->code;
    while (part && n < MAX_MEMBERS) {
        const char *end = strchr(part, '/');
        size_t len = end ? (size_t)(end - part) : strlen(part);
        np *copy = sr_arena_alloc(c->arena, sizeof *copy);
        *copy = *p;
        copy->code = sr_arena_strndup(c->arena, part, len);
        out[n++] = copy;
        part = end ? end + 1 : NULL;
    }
    return n;
}

/* The phrases of the compound list np idx belongs to (or just idx). */
static uint32_t members(sr_coder *c, const sent *s, int32_t idx, const np **out)
{
    if (idx < 0)
        return 0;
    if (s->nps[idx].compound < 0)
        return add_member(c, &s->nps[idx], out, 0);
    uint32_t n = 0;
    for (int32_t m = s->nps[idx].compound; m >= 0 && n < MAX_MEMBERS; m = s->nps[m].next)
        n = add_member(c, &s->nps[m], out, n);
    return n;
}

static int emit_pairs(sr_coder *c, const sent *s, uint32_t si, const verb_occ *v, int32_t src,
                      int32_t tgt, const np *pron_src, const char *code, const char *file,
                      uint32_t line)
{
    if (!code || !code[0] || strcmp(code, "---") == 0)
        return 0;
    sr_event e;
    memset(&e, 0, sizeof e);
    e.sentence = si;
    e.sent_start = s->tk[0].start;
    e.sent_end = s->tk[s->n - 1].end;
    e.verb_start = s->tk[v->s].start;
    e.verb_end = s->tk[v->e - 1].end;
    e.pattern_file = file;
    e.pattern_line = line;
    uint32_t lo = c->clause_lo < v->s ? c->clause_lo : v->s;
    uint32_t hi = c->clause_hi > v->e ? c->clause_hi : v->e;
    if (hi > s->n)
        hi = s->n;
    e.clause_start = s->tk[lo].start;
    e.clause_end = s->tk[hi - 1].end;
    int intent = v->mood == MOOD_INTENT && c->opt.future_as_intent;
    e.mood = intent ? "intent" : "asserted";
    const char *cameo = intent ? intent_code(code) : code;
    size_t cameo_len = strnlen(cameo, sizeof e.cameo - 1); /* once per event: no printf */
    memcpy(e.cameo, cameo, cameo_len);
    e.cameo[cameo_len] = '\0';
    e.info = sr_cameo_lookup(e.cameo);

    const np *srcs[MAX_MEMBERS], *tgts[MAX_MEMBERS];
    uint32_t ns = members(c, s, src, srcs), nt = members(c, s, tgt, tgts);
    if (ns == 0 && pron_src)
        srcs[ns++] = pron_src;
    if (nt == 0 && ns > 1 && reciprocal_code(cameo)) {
        /* "Russian, Turkish and French officials met": they met each other */
        for (uint32_t a = 0; a < ns; a++)
            for (uint32_t b = 0; b < ns; b++) {
                if (a == b || !srcs[a]->code || !srcs[b]->code || strcmp(srcs[a]->code, srcs[b]->code) == 0)
                    continue;
                set_actor(s, srcs[a], &e.source);
                set_actor(s, srcs[b], &e.target);
                int rc = push_event(c, &e);
                if (rc)
                    return rc;
            }
        return 0;
    }
    if (nt == 0)
        tgts[nt++] = NULL;
    for (uint32_t a = 0; a < ns; a++)
        for (uint32_t b = 0; b < nt; b++) {
            const np *sp = srcs[a], *tp = tgts[b];
            if (tp && !tp->code)
                tp = NULL;
            if ((!sp->code && !sp->new_actor) || sp == tp ||
                (tp && sp->code && strcmp(sp->code, tp->code) == 0))
                continue;
            if (!tp && c->opt.require_dyad)
                continue;
            set_actor(s, sp, &e.source);
            set_actor(s, tp, &e.target);
            int rc = push_event(c, &e);
            if (rc)
                return rc;
        }
    return 0;
}

/* Consultation and intent codes, whose "on X" / "about X" is a topic. */
static int topic_code(const char *code)
{
    return strlen(code) >= 2 && code[0] == '0' && (code[1] == '3' || code[1] == '4');
}

static int topic_prep(const sent *s, const np *p)
{
    uint32_t i = p->s;
    if (i > 0 && (s->t[i - 1].cls & WC_DET))
        i--;
    if (i == 0)
        return 0;
    const char *w = s->tk[i - 1].norm;
    return strcmp(w, "ON") == 0 || strcmp(w, "ABOUT") == 0 || strcmp(w, "OVER") == 0 ||
           strcmp(w, "REGARDING") == 0 || strcmp(w, "CONCERNING") == 0;
}

/* "Turkey sent troops": bare forces as the direct object are the
 * subject's own, not a target of the focus country's. */
static int own_forces(const sent *s, const np *p)
{
    if (!p->inferred || !p->agent_only || strncmp(p->agent_only, "MIL", 3) != 0)
        return 0;
    /* back over the object list ("troops, tanks and heavy artillery") to
     * the verb; a preposition or clause mark first means it is no object */
    for (uint32_t i = p->s; i > 0; i--) {
        const tok *t = &s->t[i - 1];
        const sr_token *tk = &s->tk[i - 1];
        if (t->verb >= 0)
            return 1;
        int comma = tk->len == 1 && tk->norm[0] == ',';
        if (!(comma || (t->cls & (WC_DET | WC_CONJ | WC_NUM)) || t->np >= 0 ||
              ((tk->flags & (SR_TOK_WORD | SR_TOK_NUMBER)) && t->cls == 0)))
            return 0;
    }
    return 0;
}

/* Code the verb occurrences of one sentence. */
static int code_sentence(sr_coder *c, sent *s, uint32_t si)
{
    const sr_dict *d = c->dict;
    for (uint32_t k = 0; k < s->nverbs; k++) {
        verb_occ *v = &s->verbs[k];
        uint32_t lo = 0, hi = s->n;
        int pronoun = 0;
        int32_t src = sr_find_source(c, s, v, &lo, &pronoun);
        int32_t tgt = sr_find_target(c, s, v, v->e, &hi);
        if (src >= 0 && s->nps[src].code) {
            c->last_subject = s->nps[src].code;
        }
        pattern_match pm;
        int matched = sr_best_pattern(c, s, v, lo, hi, 0, 0, &pm);
        if (c->opt.trace) {
            const sr_token *vt = &s->tk[v->s];
            fprintf(stderr, "trace: s%u verb '%.*s' tense=%d mood=%d passive=%d block_at=%d src=%s tgt=%s pattern=%s:%u\n",
                    si, (int)(s->tk[v->e - 1].end - vt->start), s->text->src + vt->start, v->tense,
                    v->mood, v->passive, v->block_at,
                    src >= 0 && s->nps[src].code ? s->nps[src].code : (pronoun ? "(pronoun)" : "-"),
                    tgt >= 0 && s->nps[tgt].code ? s->nps[tgt].code : "-",
                    matched ? d->files[d->patterns[pm.pattern].file] : "-",
                    matched ? d->patterns[pm.pattern].line : 0);
        }
        if (v->mood == MOOD_BLOCKED && c->opt.block_modal) {
            /* a pattern that spells out the modal words ("DID N'T *")
             * codes the sentence as the dictionary says; otherwise the act
             * did not happen. An infinitive is spelt out by a pattern that
             * reaches back to the words governing it ("INCHING &ACCORDSYN *"
             * for "inching nearer to accord"); a negation or condition only
             * by one whose words before the verb take in the blocking word
             * itself ("&NEGATVAUXVRB * OVER" for "didn't clash over"):
             * "&MILITARY *" matches "army" in "the army did not attack",
             * before the "not", and says nothing of it. */
            if (!matched || v->block_at < 0)
                continue;
            uint32_t at = (uint32_t)v->block_at;
            if (v->governed ? pm.pre_lo > at : !(pm.pre_lo <= at && at < pm.pre_hi))
                continue;
        }
        const char *code, *rcode = NULL, *file = NULL;
        uint32_t line = 0;
        if (matched) {
            if (pm.target_np >= 0) {
                tgt = pm.target_np;
            } else if (tgt >= 0 && sr_pattern_uses(&pm, s->nps[tgt].s, s->nps[tgt].e)) {
                /* the pattern's own words ("send &MILITARY") are the
                 * object, not a target: look further on */
                tgt = sr_find_target(c, s, v, pm.post_hi, &hi);
            }
            if (pm.source_np >= 0)
                src = pm.source_np;
            if (tgt >= 0 && own_forces(s, &s->nps[tgt]))
                tgt = -1;
            const sr_pattern *pt = &d->patterns[pm.pattern];
            if (tgt < 0 && sr_cooperative_code(pt->code)) {
                pattern_match alt;
                if (sr_best_pattern(c, s, v, lo, hi, 1, pt->nwords, &alt) && alt.target_np < 0)
                    pt = &d->patterns[alt.pattern];
            }
            code = pt->code;
            rcode = pt->rcode[0] ? pt->rcode : NULL;
            file = d->files[pt->file];
            line = pt->line;
            if (strcmp(code, "---") == 0 || (!code[0] && !rcode))
                continue; /* the dictionary says: not an event */
        } else {
            code = sr_default_code(c, v, &rcode, &file, &line);
            if (!code)
                continue;
            if (tgt >= 0 && own_forces(s, &s->nps[tgt]))
                tgt = -1;
        }
        if (v->passive) {
            int32_t agent = sr_find_agent_by(c, s, v);
            if (agent >= 0) {
                tgt = src;
                src = agent;
                pronoun = 0;
            } else if (c->opt.strict_passive) {
                continue; /* "was attacked": by whom is not said */
            }
        }
        if (tgt >= 0 && topic_code(code) && topic_prep(s, &s->nps[tgt]))
            tgt = sr_find_target(c, s, v, s->nps[tgt].e, &hi); /* "talks on Syria" */

        if (v->mood == MOOD_ASSERTED && v->tense != SR_VF_ING && strcmp(code, "036") == 0 &&
            c->opt.future_as_intent)
            code = "046"; /* "met for talks": a meeting that took place */
        np pron;
        const np *pron_src = NULL;
        const char *antecedent = c->last_subject;
        if (src < 0 && pronoun && s->nnps > 0 && s->nps[0].s <= 2 && s->nps[0].e <= v->s &&
            s->nps[0].code && !(s->nps[0].s > 0 && (s->t[s->nps[0].s - 1].cls & WC_PREP)))
            antecedent = s->nps[0].code; /* "Ethiopia indicated it should ..." */
        if (src < 0 && pronoun && antecedent) {
            memset(&pron, 0, sizeof pron);
            pron.code = antecedent;
            pron.compound = pron.next = -1;
            pron.inferred = 1;
            pron.s = (uint32_t)(pronoun - 1); /* the pronoun itself */
            pron.e = pron.s + 1;
            pron_src = &pron;
        }
        np fresh;
        uint32_t fs, fe;
        if (src < 0 && !pron_src && c->opt.new_actor_length > 0 &&
            sr_new_actor_span(s, v, c->opt.new_actor_length, &fs, &fe)) {
            memset(&fresh, 0, sizeof fresh);
            fresh.s = fs;
            fresh.e = fe;
            fresh.compound = fresh.next = -1;
            fresh.new_actor = 1;
            pron_src = &fresh;
        }
        if (src < 0 && !pron_src)
            continue;
        c->clause_lo = lo;
        c->clause_hi = hi;
        int rc = emit_pairs(c, s, si, v, src, tgt, pron_src, code, file, line);
        if (rc == 0 && rcode)
            rc = emit_pairs(c, s, si, v, tgt, src, NULL, rcode, file, line);
        if (rc)
            return rc;
    }
    return 0;
}

/* The country the document is mostly about: the commonest country prefix
 * among its actor phrases. Bare agents ("rebels") take it. */
static void find_focus(sr_coder *c, sent *ss, size_t nsent)
{
    char codes[64][4];
    int counts[64], n = 0;
    for (size_t k = 0; k < nsent; k++)
        for (uint32_t p = 0; p < ss[k].nnps; p++) {
            const char *code = ss[k].nps[p].code;
            if (!code || !ss[k].nps[p].has_actor || !sr_is_country_code(code))
                continue;
            int j = 0;
            while (j < n && strncmp(codes[j], code, 3) != 0)
                j++;
            if (j == n) {
                if (n == 64)
                    continue;
                memcpy(codes[n], code, 3);
                codes[n][3] = '\0';
                counts[n++] = 0;
            }
            counts[j]++;
        }
    int best = -1;
    for (int j = 0; j < n; j++)
        if (best < 0 || counts[j] > counts[best])
            best = j;
    c->focus[0] = '\0';
    if (best >= 0)
        memcpy(c->focus, codes[best], 4);
}

static int discarded(const sr_coder *c, const sent *s, int *story)
{
    const sr_dict *d = c->dict;
    if (!d->discard_trie)
        return 0;
    for (uint32_t i = 0; i < s->n; i++) {
        int32_t val = -1;
        if (sr_trie_longest(c, TRIE_DISCARD, s, i, &val) && val >= 0) {
            /* the bare years of Phoenix.discards mark history, which only
             * makes sense against the article's own date */
            int year = d->discards[val].year;
            if (year && (!c->date || year >= c->date / 10000 - 1))
                continue;
            if (d->discards[val].story)
                *story = 1;
            return 1;
        }
    }
    return 0;
}

/* Hand every actor phrase to the later stages (figures, quotes). */
static void collect_phrases(sr_coder *c, const sent *ss, size_t nsent, const uint8_t *skip)
{
    size_t n = 0;
    for (size_t k = 0; k < nsent; k++)
        if (!skip[k])
            n += ss[k].nnps;
    sr_actor_phrase *ps = sr_arena_alloc(c->arena, (n + 1) * sizeof *ps);
    size_t m = 0;
    for (size_t k = 0; k < nsent; k++) {
        if (skip[k])
            continue;
        for (uint32_t p = 0; p < ss[k].nnps; p++) {
            const np *q = &ss[k].nps[p];
            sr_actor_phrase *a = &ps[m++];
            a->sentence = (uint32_t)k;
            a->start = ss[k].tk[q->s].start;
            a->end = ss[k].tk[q->e - 1].end;
            a->code = q->code;
            a->inferred = q->inferred;
            a->pronoun = 0;
        }
    }
    c->result.phrases = ps;
    c->result.nphrases = m;
}

int sr_coder_code(sr_coder *c, const char *text, size_t len, const char *date,
                  const sr_events **out, sr_error *err)
{
    sr_arena_reset(c->arena);
    c->nevents = 0;
    /* no date in the metadata: a dateline may give it; never the clock */
    const char *date_from = date ? "metadata" : NULL;
    char dateline[11];
    if (!date && sr_dateline_date(text, len, dateline)) {
        date = sr_arena_strdup(c->arena, dateline);
        date_from = "dateline";
    }
    c->date = parse_date(date);
    c->last_subject = NULL;
    sr_text *tx = sr_text_analyze(c->arena, text, len);
    sent *ss = sr_arena_calloc(c->arena, tx->nsentences + 1, sizeof *ss);
    uint8_t *skip = sr_arena_calloc(c->arena, tx->nsentences + 1, 1);
    int story = 0;

    for (size_t k = 0; k < tx->nsentences; k++) {
        const sr_sentence *sn = &tx->sentences[k];
        sent *s = &ss[k];
        s->text = tx;
        s->tk = &tx->tokens[sn->first];
        s->n = sn->ntokens;
        s->t = sr_arena_alloc(c->arena, (s->n + 1) * sizeof *s->t);
        for (uint32_t i = 0; i < s->n; i++) {
            tok *t = &s->t[i];
            token_ids(c, &s->tk[i], t);
            t->np = -1;
            t->verb = -1;
        }
        if (discarded(c, s, &story)) {
            skip[k] = 1;
            if (story)
                break;
            continue;
        }
        sr_find_phrases(c, s);
    }
    if (story) {
        memset(&c->result, 0, sizeof c->result);
        c->result.events = c->events;
        c->result.n = 0;
        c->result.text = tx;
        *out = &c->result;
        return 0;
    }
    find_focus(c, ss, tx->nsentences);
    for (size_t k = 0; k < tx->nsentences; k++) {
        if (skip[k])
            continue;
        sent *s = &ss[k];
        for (uint32_t p = 0; p < s->nnps; p++) {
            np *q = &s->nps[p];
            if (q->agent_only && !q->code) {
                /* "rebels": the document's country when it has one, else
                 * the null country "---" as PETRARCH writes it */
                int known = c->opt.infer_country && c->focus[0];
                q->code = sr_join_codes(c, known ? c->focus : "---", q->agent_only);
                q->inferred = (uint8_t)known;
            }
        }
        sr_find_verbs(c, s);
        memset(c->present, 0, sizeof c->present);
        for (uint32_t i = 0; i < s->n; i++) {
            const sr_token_ids *ids = &s->t[i].ids;
            if (ids->exact != SR_NOWORD)
                c->present[(ids->exact % SENT_BITS) / 64] |= 1ull << (ids->exact % 64);
            for (int m = 0; m < ids->nstems; m++)
                c->present[(ids->stems[m] % SENT_BITS) / 64] |= 1ull << (ids->stems[m] % 64);
        }
        if (c->opt.trace) {
            fprintf(stderr, "trace: s%zu phrases:", k);
            for (uint32_t p = 0; p < s->nnps; p++)
                fprintf(stderr, " [%.*s]=%s", (int)(s->tk[s->nps[p].e - 1].end - s->tk[s->nps[p].s].start),
                        tx->src + s->tk[s->nps[p].s].start, s->nps[p].code ? s->nps[p].code : "null");
            fputc('\n', stderr);
        }
        int rc = code_sentence(c, s, (uint32_t)k);
        if (rc)
            return sr_error_set(err, rc, "out of memory while coding");
    }
    c->result.events = c->events;
    c->result.n = c->nevents;
    c->result.text = tx;
    collect_phrases(c, ss, tx->nsentences, skip);
    sr_locate_events(c, &c->result, date, date_from);
    *out = &c->result;
    return 0;
}
