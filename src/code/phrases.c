/*
 * Actor phrases: dictionary actors ("Sergei Lavrov", "Syria"), generic
 * agents ("troops", "foreign minister") and their combinations into noun
 * phrases with one code ("Syrian army" -> SYR + MIL = SYRMIL; "the
 * ambassadors of Arnor" -> ARNGOV), and compound lists ("Russia, Iran and
 * Turkey"; "Russian, Turkish and French officials" -> one phrase each).
 */
#include <ctype.h>
#include <string.h>

#include "code/code_internal.h"

#define FRONTIER 8
#define AGENT_GAP 2 /* plain words allowed between an actor and its agent */

typedef struct mention {
    uint32_t s, e;
    int32_t actor; /* index into dict->actors, or -1 */
    int32_t agent; /* index into dict->agents, or -1 */
} mention;

static void add_child(uint32_t *next, uint32_t *nn, uint32_t child)
{
    if (child == SR_NONODE || *nn >= FRONTIER)
        return;
    for (uint32_t k = 0; k < *nn; k++)
        if (next[k] == child)
            return;
    next[(*nn)++] = child;
}

/* Longest dictionary phrase of trie starting at token i; 0 if none. */
/* Longest phrase of trie `which` (TRIE_*) starting at token i; 0 if none.
 * The first step comes from the token's cached root children. */
uint32_t sr_trie_longest(const sr_coder *c, int which, const sent *s, uint32_t i, int32_t *val)
{
    const sr_dict *d = c->dict;
    const sr_trie *tr = which == TRIE_ACTOR ? d->actor_trie : which == TRIE_AGENT ? d->agent_trie
                                                                               : d->discard_trie;
    uint32_t front[FRONTIER], nf = 0, best = 0;
    *val = -1;
    if (!tr)
        return 0;
    for (uint8_t k = 0; k < s->t[i].nroot_kids[which]; k++)
        add_child(front, &nf, s->t[i].root_kids[which][k]);
    for (uint32_t j = i; nf;) {
        for (uint32_t k = 0; k < nf; k++) {
            int32_t v = sr_trie_value(tr, front[k]);
            if (v >= 0) {
                best = j - i + 1;
                *val = v;
                break;
            }
        }
        if (++j >= s->n)
            break;
        uint32_t next[FRONTIER], nn = 0;
        const sr_token_ids *ids = &s->t[j].ids;
        for (uint32_t k = 0; k < nf; k++) {
            uint32_t kids[SR_TRIE_NEXT_MAX];
            size_t nk = sr_trie_next(tr, front[k], ids, kids);
            for (size_t m = 0; m < nk; m++)
                add_child(next, &nn, kids[m]);
        }
        memcpy(front, next, nn * sizeof next[0]);
        nf = nn;
    }
    return best;
}

/* Proper names carry a capital somewhere ("al-Qaeda", "SDF"); an all
 * lower-case match ("turkey", "chad") is a common word, not an actor. */
static int has_capital(const sent *s, uint32_t a, uint32_t b)
{
    for (uint32_t i = a; i < b; i++) {
        const sr_token *tk = &s->tk[i];
        for (uint32_t p = tk->start; p < tk->end; p++) {
            unsigned char ch = (unsigned char)s->text->src[p];
            if (isupper(ch) || ch >= 0xC0)
                return 1;
        }
    }
    return 0;
}

const char *sr_actor_code_at(const sr_coder *c, int32_t actor)
{
    const sr_dict *d = c->dict;
    const sr_actor *a = &d->actors[actor];
    const sr_actor_code *undated = NULL, *newest = NULL;
    for (uint32_t k = 0; k < a->ncodes; k++) {
        const sr_actor_code *ac = &d->actor_codes[a->first_code + k];
        if (ac->from == 0 && ac->to == 0) {
            if (!undated)
                undated = ac;
            continue;
        }
        if (c->date) {
            if ((ac->from == 0 || c->date >= ac->from) && (ac->to == 0 || c->date <= ac->to))
                return strcmp(ac->code, "---") ? ac->code : NULL;
        } else if (!newest || ac->from > newest->from) {
            /* an undated document: the latest dated role, even one that
             * has ended, since undated codes are usually the catch-all
             * ("former official") rather than the role news is about */
            newest = ac;
        }
    }
    const sr_actor_code *pick = newest ? newest : undated;
    if (!pick || strcmp(pick->code, "---") == 0)
        return NULL;
    return pick->code;
}

/* Prefixes of CAMEO actor codes that are not countries. */
int sr_is_country_code(const char *code)
{
    static const char *const not_countries[] = {"IGO", "NGO", "NGM", "IMG", "MNC", "INT",
                                                "UIS", "REB", "MIL", "GOV", "OPP", "CVL",
                                                "BUS", "MED", "COP", "JUD", "LEG", "EDU"};
    if (!code || strlen(code) < 3)
        return 0;
    for (int i = 0; i < 3; i++)
        if (!isupper((unsigned char)code[i]))
            return 0;
    for (size_t k = 0; k < sizeof not_countries / sizeof not_countries[0]; k++)
        if (strncmp(code, not_countries[k], 3) == 0)
            return 0;
    return 1;
}

const char *sr_join_codes(sr_coder *c, const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    char *out = sr_arena_alloc(c->arena, la + lb + 1);
    memcpy(out, a, la);
    memcpy(out + la, b, lb + 1);
    return out;
}

/* The code of an actor modified by an agent. */
static const char *combine(sr_coder *c, const char *actor, const sr_agent *ag)
{
    if (!ag)
        return actor;
    if (ag->prefix)
        return sr_join_codes(c, ag->code, actor);
    size_t la = strlen(actor);
    if (la > 3) {
        /* a named entity already says what it is: "Lavrov" is RUSGOV
         * whether or not "foreign minister" stands before him */
        return actor;
    }
    return sr_join_codes(c, actor, ag->code);
}

/* "Russian", "Turkish", "Iraqi", "French": a country adjective, which can
 * share the head noun of a list ("Russian and Turkish officials"). */
static int adjective_like(const sent *s, uint32_t i)
{
    const char *w = s->tk[i].norm;
    size_t n = s->tk[i].len;
    static const char *const ends[] = {"AN", "ISH", "ESE", "I", "CH", "IC"};
    if (n >= 2 && w[n - 1] == 'S')
        return 0;
    for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
        size_t le = strlen(ends[k]);
        if (n > le + 2 && memcmp(w + n - le, ends[k], le) == 0)
            return 1;
    }
    return 0;
}

static int is_poss(const sent *s, uint32_t i)
{
    return i < s->n && (s->tk[i].flags & SR_TOK_POSS);
}

/* Tokens between two mentions that still leave them one noun phrase:
 * nothing, a possessive, or a few plain lower-case words ("Russian
 * presidential adviser"). */
static int adjacent(const sr_dict *d, const sent *s, uint32_t end, uint32_t start)
{
    if (end == start)
        return 1;
    uint32_t gap = AGENT_GAP;
    if (is_poss(s, end)) {
        /* "Ithilen's awful and evil minister" */
        end++;
        gap = AGENT_GAP + 2;
    }
    if (start - end > gap)
        return 0;
    for (uint32_t i = end; i < start; i++) {
        const sr_token *tk = &s->tk[i];
        if (!(tk->flags & SR_TOK_WORD) || (tk->flags & SR_TOK_CAP))
            return 0;
        if (s->t[i].cls && !(gap > AGENT_GAP && (s->t[i].cls & WC_CONJ)))
            return 0;
        uint32_t w = s->t[i].ids.exact;
        if (w != SR_NOWORD && w < d->nvocab_slots && d->form_count[w])
            return 0; /* "Russian police arrested Russian students" */
    }
    return 1;
}

/* "agent of|from|in [the] actor": "the ambassadors of Arnor", "soldiers
 * from Gondor", "lawmakers in Fornost" */
static int agent_of_actor(const sent *s, const mention *m1, const mention *m2)
{
    if (m1->agent < 0 || m2->actor < 0)
        return 0;
    uint32_t i = m1->e;
    if (i >= s->n || !((s->t[i].cls & WC_OF) || strcmp(s->tk[i].norm, "FROM") == 0 ||
                       strcmp(s->tk[i].norm, "IN") == 0))
        return 0;
    i++;
    if (i < s->n && (s->t[i].cls & WC_DET))
        i++;
    return i == m2->s;
}

static uint32_t find_mentions(sr_coder *c, sent *s, mention *out)
{
    uint32_t nm = 0;
    for (uint32_t i = 0; i < s->n;) {
        if (!(s->tk[i].flags & (SR_TOK_WORD | SR_TOK_NUMBER))) {
            i++;
            continue;
        }
        int32_t av = -1, gv = -1;
        uint32_t al = sr_trie_longest(c, TRIE_ACTOR, s, i, &av);
        uint32_t gl = sr_trie_longest(c, TRIE_AGENT, s, i, &gv);
        if (al && !has_capital(s, i, i + al))
            al = 0;
        if (al == 0 && gl == 0) {
            i++;
            continue;
        }
        mention *m = &out[nm++];
        m->s = i;
        if (al >= gl) {
            m->e = i + al;
            m->actor = av;
            m->agent = -1;
        } else {
            m->e = i + gl;
            m->actor = -1;
            m->agent = gv;
        }
        i = m->e;
    }
    return nm;
}

void sr_find_phrases(sr_coder *c, sent *s)
{
    const sr_dict *d = c->dict;
    mention *ms = sr_arena_alloc(c->arena, (s->n + 1) * sizeof *ms);
    uint32_t nm = find_mentions(c, s, ms);
    s->nps = sr_arena_alloc(c->arena, (nm + 1) * sizeof *s->nps);
    s->nnps = 0;

    for (uint32_t k = 0; k < nm;) {
        /* grow a group of mentions that form one noun phrase */
        uint32_t g_end = k + 1;
        while (g_end < nm &&
               (adjacent(d, s, ms[g_end - 1].e, ms[g_end].s) || agent_of_actor(s, &ms[g_end - 1], &ms[g_end])))
            g_end++;
        const char *actor_code = NULL;
        int has_actor = 0, known_null = 0, agent_leads = 0;
        const sr_agent *agent = NULL;
        for (uint32_t m = k; m < g_end; m++) {
            if (ms[m].actor >= 0) {
                has_actor = 1;
                const char *code = sr_actor_code_at(c, ms[m].actor);
                /* the first actor names the owner ("Ithilen's minister
                 * Calimehtar"); a longer code is more specific ("Russian
                 * Foreign Minister Sergei Lavrov" -> RUSGOV) */
                if (!code)
                    known_null = 1;
                else if (!actor_code || strlen(code) > strlen(actor_code))
                    actor_code = code;
            } else if (ms[m].agent >= 0) {
                agent = &d->agents[ms[m].agent];
                if (!has_actor)
                    agent_leads = 1;
            }
        }
        np *p = &s->nps[s->nnps];
        memset(p, 0, sizeof *p);
        p->s = ms[k].s;
        p->e = ms[g_end - 1].e;
        p->compound = p->next = -1;
        p->has_actor = (uint8_t)has_actor;
        p->agent = agent;
        p->agent_leads = (uint8_t)(agent_leads && has_actor);
        if (actor_code) {
            p->code = combine(c, actor_code, agent);
        } else if (agent && !known_null) {
            if (agent->prefix) {
                p->code = agent->code;
            } else {
                p->code = NULL;
                p->agent_only = agent->code; /* country comes later */
            }
        }
        for (uint32_t i = p->s; i < p->e; i++)
            s->t[i].np = (int32_t)s->nnps;
        s->nnps++;
        k = g_end;
    }

    /* compound lists: NP (, NP)* (,)? and|or NP */
    for (uint32_t k = 0; k + 1 < s->nnps; k++) {
        np *a = &s->nps[k], *b = &s->nps[k + 1];
        uint32_t i = a->e;
        if (i < b->s && s->tk[i].len == 1 && s->tk[i].norm[0] == ',')
            i++;
        if (i < b->s && (s->t[i].cls & WC_CONJ))
            i++;
        if (i == a->e)
            continue;
        /* "..., the awful Fornost, and good Gondor" */
        for (int adj = 0; i < b->s && adj < 3; adj++, i++) {
            const sr_token *tk = &s->tk[i];
            if (!(s->t[i].cls & WC_DET) &&
                !((tk->flags & SR_TOK_WORD) && !(tk->flags & SR_TOK_CAP) && s->t[i].cls == 0))
                break;
        }
        if (i != b->s)
            continue;
        a->next = (int32_t)(k + 1);
        b->compound = a->compound >= 0 ? a->compound : (int32_t)k;
        if (a->compound < 0)
            a->compound = (int32_t)k;
    }
    /* a list needs its "and"/"or": "Israel and the Gaza Strip, Israeli
     * sources said" is no list of three */
    for (uint32_t k = 0; k < s->nnps; k++) {
        np *head = &s->nps[k];
        if (head->compound != (int32_t)k)
            continue;
        int has_conj = 0;
        for (int32_t m = (int32_t)k; m >= 0; m = s->nps[m].next) {
            if (s->nps[m].next >= 0)
                for (uint32_t i = s->nps[m].e; i < s->nps[s->nps[m].next].s; i++)
                    if (s->t[i].cls & WC_CONJ)
                        has_conj = 1;
        }
        if (!has_conj)
            for (int32_t m = (int32_t)k, nx; m >= 0; m = nx) {
                nx = s->nps[m].next;
                s->nps[m].compound = s->nps[m].next = -1;
            }
    }
    /* "Russian, Turkish and French officials": the head agent of the last
     * member applies to bare country adjectives before it; "the
     * ambassadors of Arnor, Osgiliath and Gondor": the leading agent
     * applies to every member */
    for (uint32_t k = 0; k < s->nnps; k++) {
        np *head = &s->nps[k];
        if (head->compound != (int32_t)k || head->next < 0)
            continue;
        if (head->agent_leads && head->agent) {
            for (int32_t m = head->next; m >= 0; m = s->nps[m].next) {
                np *p = &s->nps[m];
                if (!p->agent && p->code)
                    p->code = combine(c, p->code, head->agent);
            }
            continue;
        }
        uint32_t last = k;
        while (s->nps[last].next >= 0)
            last = (uint32_t)s->nps[last].next;
        const np *l = &s->nps[last];
        if (!l->code || strlen(l->code) <= 3 || !l->has_actor)
            continue;
        const char *suffix = l->code + 3;
        for (uint32_t m = k; m != last; m = (uint32_t)s->nps[m].next) {
            np *p = &s->nps[m];
            if (p->code && strlen(p->code) == 3 && p->e - p->s == 1 &&
                adjective_like(s, p->s) && sr_is_country_code(l->code))
                p->code = sr_join_codes(c, p->code, suffix);
        }
    }
}

/* A word that reads as a modifier ("Turkish", "military", "US-backed",
 * "national"): a dictionary verb form right after it is a noun ("Turkish
 * pressure", "military clash", "Al Qaeda-linked forces"). */
int sr_modifier_like(const sent *s, uint32_t i)
{
    static const char *const words[] = {"MILITARY", "NAVAL", "NUCLEAR", "ISLAMIST", "JIHADIST",
                                        "REBEL", "INSURGENT", "TERRORIST", "GOVERNMENT", "ARMY",
                                        "REGIME", "AIR", "ARTILLERY"};
    const char *w = s->tk[i].norm;
    size_t n = s->tk[i].len;
    if (adjective_like(s, i))
        return 1;
    if (n > 4 && memcmp(w + n - 2, "ED", 2) == 0)
        return 1; /* "US-backed", "al Qaeda-linked" */
    for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
        if (strcmp(w, words[k]) == 0)
            return 1; /* "military clash", "rebel attacks", "government forces" */
    return 0;
}
