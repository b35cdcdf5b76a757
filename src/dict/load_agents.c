/*
 * Agent files (Phoenix.agents.txt, PETR.Validate.agents.txt):
 *
 *   !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON    a substitution set
 *   TROOP [~MIL]                  an agent; its code follows the actor's
 *   HUMAN_RIGHTS_BODY [NGO~]      ... or goes before it
 *   ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]   an irregular plural
 *   POLICE {} [~COP]              no plural
 *   CONGRESS!PERSON! [~LEG]       one agent per member of the set, no plural
 *
 * Agent words are whole words, as PETRARCH reads them (the file's header:
 * "regular plurals have been removed" because the program makes them), so
 * the regular plural of the last word is added unless {...} is given, a
 * set is used, or the phrase ends in '_' (MINISTRY_, LIBERATION_FORCES_:
 * already plural or not to be pluralized).
 */
#include <string.h>

#include "dict/grow.h"
#include "dict/inflect.h"
#include "dict/load.h"
#include "dict/trie.h"
#include "dict/vocab.h"

#define MAX_VARIANTS 64
#define MAX_DEPTH 4

typedef struct span {
    const char *s;
    size_t n;
} span;

typedef struct macro {
    span name;         /* between the '!'s */
    size_t first, n;   /* into macros.items */
} macro;

typedef struct macros {
    macro *m;
    size_t n, cap;
    span *items;
    size_t nitems, cap_items;
} macros;

static const macro *find_macro(const macros *M, const char *s, size_t n)
{
    for (size_t i = M->n; i-- > 0;) /* the latest definition wins */
        if (M->m[i].name.n == n && memcmp(M->m[i].name.s, s, n) == 0)
            return &M->m[i];
    return NULL;
}

static void define_macro(sr_loader *L, macros *M, const char *s, size_t n)
{
    const char *bang = memchr(s + 1, '!', n - 1);
    const char *eq = memchr(s, '=', n);
    if (!bang || eq < bang) {
        sr_ld_warn(L, "substitution set not of the form !NAME! = A, B, ...; skipped");
        return;
    }
    SR_GROW(M->m, M->cap, M->n + 1);
    macro *m = &M->m[M->n++];
    m->name = (span){s + 1, (size_t)(bang - s - 1)};
    m->first = M->nitems;
    m->n = 0;
    const char *p = eq + 1, *end = s + n;
    while (p < end) {
        const char *comma = memchr(p, ',', (size_t)(end - p));
        const char *stop = comma ? comma : end;
        size_t k = (size_t)(stop - p);
        const char *item = sr_trim(p, &k);
        if (k > 0) {
            SR_GROW(M->items, M->cap_items, M->nitems + 1);
            M->items[M->nitems++] = (span){item, k};
            m->n++;
        }
        p = stop + 1;
    }
    if (m->n == 0) {
        sr_ld_warn(L, "empty substitution set !%.*s!; skipped", (int)m->name.n, m->name.s);
        M->n--;
    }
}

typedef struct agent_ctx {
    int32_t agent;
    int inserted;
} agent_ctx;

static int is_piece(const char *w)
{
    return strcmp(w, "'S") == 0 || strcmp(w, "'") == 0 || strcmp(w, "N'T") == 0 ||
           strcmp(w, ",") == 0;
}

static void insert(sr_loader *L, agent_ctx *c, const sr_phrase_word *w, size_t n)
{
    sr_trie *t = L->d->agent_trie;
    sr_trie_set_value(t, sr_trie_insert(t, w, n), c->agent);
    c->inserted++;
}

static void add_phrase(sr_loader *L, agent_ctx *c, const char *s, size_t n, int plural)
{
    sr_phrase p;
    if (sr_ld_phrase(L, s, n, 0, &p) < 0)
        return;
    insert(L, c, p.w, p.n);
    if (!plural || p.exact_end)
        return;
    sr_vocab *v = L->d->vocab;
    uint32_t last = p.w[p.n - 1].id;
    const char *w = sr_vocab_word(v, last);
    if (is_piece(w))
        return;
    sr_infl pl;
    sr_inflect_plural(w, sr_vocab_len(v, last), &pl);
    if (pl.n == 0 || pl.len[0] > SR_WORD_MAX)
        return;
    p.w[p.n - 1].id = sr_vocab_intern(v, pl.w[0], pl.len[0]);
    insert(L, c, p.w, p.n);
}

/* Insert s with every substitution set in it expanded. Returns -1 after a
 * warning about an unknown set. */
static int expand(sr_loader *L, const macros *M, agent_ctx *c, const char *s, size_t n,
                  int plural, int depth, int *variants)
{
    const char *a = memchr(s, '!', n);
    const char *b = a ? memchr(a + 1, '!', n - (size_t)(a - s) - 1) : NULL;
    if (!b) {
        if (a) {
            sr_ld_warn(L, "unclosed !SET! in agent; skipped");
            return -1;
        }
        if (++*variants <= MAX_VARIANTS)
            add_phrase(L, c, s, n, plural);
        return 0;
    }
    const macro *m = find_macro(M, a + 1, (size_t)(b - a - 1));
    if (!m) {
        sr_ld_warn(L, "unknown substitution set %.*s; skipped", (int)(b - a + 1), a);
        return -1;
    }
    if (depth >= MAX_DEPTH) {
        sr_ld_warn(L, "too many substitution sets in one agent; skipped");
        return -1;
    }
    size_t pre = (size_t)(a - s), post = n - (size_t)(b - s) - 1;
    for (size_t i = 0; i < m->n; i++) {
        span it = M->items[m->first + i];
        char *buf = malloc(pre + it.n + post + 1);
        if (!buf)
            sr_grow_fail();
        memcpy(buf, s, pre);
        memcpy(buf + pre, it.s, it.n);
        memcpy(buf + pre + it.n, b + 1, post);
        int r = expand(L, M, c, buf, pre + it.n + post, 0, depth + 1, variants);
        free(buf);
        if (r < 0)
            return -1;
    }
    return 0;
}

static void agent_line(sr_loader *L, const macros *M, const char *s, size_t n)
{
    sr_dict *d = L->d;
    const char *lb = memchr(s, '[', n), *rb = memchr(s, ']', n);
    const char *lc = memchr(s, '{', n), *rc = memchr(s, '}', n);
    if (!lb && !rb) {
        sr_ld_warn(L, "agent without a [~CODE]; skipped");
        return;
    }
    if (!lb || !rb || rb < lb || memchr(lb + 1, '[', n - (size_t)(lb - s) - 1)) {
        sr_ld_warn(L, "unbalanced [ ] in agent line; skipped");
        return;
    }
    if ((lc || rc) && (!lc || !rc || rc < lc || lc > lb)) {
        sr_ld_warn(L, "unbalanced { } in agent line; skipped");
        return;
    }
    size_t cn = (size_t)(rb - lb - 1);
    const char *code = sr_trim(lb + 1, &cn);
    int prefix = 0;
    if (cn > 0 && code[0] == '~' && !(cn > 1 && code[cn - 1] == '~')) {
        code++, cn--;
    } else if (cn > 0 && code[cn - 1] == '~' && code[0] != '~') {
        prefix = 1;
        cn--;
    } else {
        sr_ld_warn(L, "agent code [%.*s] without one '~' before or after it; skipped",
                   (int)(cn > 40 ? 40 : cn), code);
        return;
    }
    SR_GROW(d->agents, L->cap_agents, d->nagents + 1);
    sr_agent *ag = &d->agents[d->nagents];
    memset(ag, 0, sizeof *ag);
    if (sr_ld_code(code, cn, ag->code) <= 0) {
        sr_ld_warn(L, "agent code [%.*s] empty or too long; skipped", (int)(cn > 40 ? 40 : cn),
                   code);
        return;
    }
    ag->prefix = (uint8_t)prefix;
    ag->file = L->file;
    ag->line = L->line;
    agent_ctx c = {(int32_t)d->nagents, 0};
    size_t pn = (size_t)((lc ? lc : lb) - s);
    int has_set = memchr(s, '!', pn) != NULL;
    int variants = 0;
    if (expand(L, M, &c, s, pn, !lc && !has_set, 0, &variants) == 0 && lc && rc > lc + 1)
        expand(L, M, &c, lc + 1, (size_t)(rc - lc - 1), 0, 0, &variants);
    if (variants > MAX_VARIANTS)
        sr_ld_warn(L, "agent expands to more than %d phrases; the rest skipped", MAX_VARIANTS);
    if (c.inserted > 0)
        d->nagents++;
}

void sr_ld_agents(sr_loader *L, const char *data, size_t len)
{
    macros M;
    memset(&M, 0, sizeof M);
    sr_line_reader r;
    const char *s;
    size_t n;
    sr_lines_init(&r, data, len);
    while (sr_lines_next(&r, &s, &n, &L->line)) {
        if (s[0] == '!' && memchr(s, '=', n))
            define_macro(L, &M, s, n);
        else
            agent_line(L, &M, s, n);
    }
    free(M.m);
    free(M.items);
}
