/*
 * Actor files (Phoenix.*.actors.txt, PETR.Validate.actors.txt):
 *
 *   SERGEY_LAVROV_  # comment             a name phrase
 *   +LAVROV                               a synonym
 *   	[RUSGOV 19940922-20040712]         a code, dated or not
 *   	[RUSGOV >20040309]
 *   SYRIA_ [SYR]                          a name with its code on the line
 *
 * An entry is one or more phrase lines followed by one or more codes, and
 * every phrase of the entry takes every code. Blank lines and comments
 * mean nothing: synonyms and codes of one entry are found after them in the
 * Phoenix files. A name line that arrives while the entry has no code yet
 * joins the entry rather than starting a new one: the files write extra
 * names without their '+' (LEONID_BREZHNEV_ then LEONID_ILYICH_BREZHNEV
 * then SECRETARY_BREZHNEV then the codes), and in every such case in the
 * shipped files the codes that follow are the right ones for all of them.
 * An entry left with no code at the end of the file is reported.
 *
 * Dates: ">D" from D on, "<D" up to D, "D-D" a range, a bare "D" from D;
 * all inclusive. D is YYYYMMDD or YYMMDD (YY 00-29 -> 20YY, else 19YY).
 */
#include <string.h>

#include "dict/grow.h"
#include "dict/load.h"
#include "dict/trie.h"

typedef struct entry_phrase {
    uint32_t first; /* into entry.words */
    uint32_t n;
} entry_phrase;

typedef struct entry {
    int open;
    const char *name; /* first phrase as written (points into the file) */
    size_t name_n;
    uint32_t line;
    sr_phrase_word *words;
    size_t nwords, cap_words;
    entry_phrase *phrases;
    size_t nphrases, cap_phrases;
    sr_actor_code *codes;
    size_t ncodes, cap_codes;
} entry;

static int days_in_month(int y, int m)
{
    static const int days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return days[m - 1];
}

/* YYYYMMDD of a date written with n digits, or -1 after a warning. */
static int32_t parse_date(sr_loader *L, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9') {
            sr_ld_warn(L, "bad date \"%.*s\"; code skipped", (int)(n > 20 ? 20 : n), s);
            return -1;
        }
    int y, m, day;
    if (n == 6 || n == 7) {
        if (n == 7)
            sr_ld_warn(L, "date \"%.*s\" has 7 digits; read as YYMMDD %.6s", (int)n, s, s);
        y = (s[0] - '0') * 10 + (s[1] - '0');
        y += y <= 29 ? 2000 : 1900;
        m = (s[2] - '0') * 10 + (s[3] - '0');
        day = (s[4] - '0') * 10 + (s[5] - '0');
    } else if (n >= 8 && n <= 12) {
        if (n > 8)
            sr_ld_warn(L, "date \"%.*s\" has %zu digits; read as %.8s", (int)n, s, n, s);
        y = 0;
        for (int i = 0; i < 4; i++)
            y = y * 10 + (s[i] - '0');
        m = (s[4] - '0') * 10 + (s[5] - '0');
        day = (s[6] - '0') * 10 + (s[7] - '0');
    } else {
        sr_ld_warn(L, "bad date \"%.*s\"; code skipped", (int)(n > 20 ? 20 : n), s);
        return -1;
    }
    if (m < 1 || m > 12 || day < 1 || day > days_in_month(y, m)) {
        sr_ld_warn(L, "bad date \"%.*s\"; code skipped", (int)n, s);
        return -1;
    }
    return y * 10000 + m * 100 + day;
}

/* The inside of one [...]: "CODE", "CODE >D", "CODE <D", "CODE D-D". */
static int parse_code(sr_loader *L, const char *s, size_t n, sr_actor_code *out)
{
    s = sr_trim(s, &n);
    size_t k = 0;
    while (k < n && s[k] != ' ' && s[k] != '\t')
        k++;
    if (k == 0) {
        sr_ld_warn(L, "empty actor code; skipped");
        return -1;
    }
    if (sr_ld_code(s, k, out->code) < 0) {
        sr_ld_warn(L, "actor code \"%.*s\" too long; skipped", (int)(k > 40 ? 40 : k), s);
        return -1;
    }
    out->from = out->to = 0;
    /* the date, spaces removed: "19950601 - 19990815", "> 990816" */
    char date[48];
    size_t dn = 0;
    for (size_t i = k; i < n; i++) {
        if (s[i] == ' ' || s[i] == '\t')
            continue;
        if (dn == sizeof date - 1) {
            sr_ld_warn(L, "bad date in [%s ...]; code skipped", out->code);
            return -1;
        }
        date[dn++] = s[i];
    }
    if (dn == 0)
        return 0;
    if (date[0] == '>' || date[0] == '<') {
        int32_t v = parse_date(L, date + 1, dn - 1);
        if (v < 0)
            return -1;
        if (date[0] == '>')
            out->from = v;
        else
            out->to = v;
        return 0;
    }
    const char *dash = memchr(date, '-', dn);
    if (!dash) {
        int32_t v = parse_date(L, date, dn);
        if (v < 0)
            return -1;
        out->from = v;
        return 0;
    }
    size_t a = (size_t)(dash - date);
    int32_t from = parse_date(L, date, a);
    if (from < 0)
        return -1;
    int32_t to = parse_date(L, dash + 1, dn - a - 1);
    if (to < 0)
        return -1;
    if (from > to) {
        sr_ld_warn(L, "date range %.*s ends before it starts; code skipped", (int)dn, date);
        return -1;
    }
    out->from = from;
    out->to = to;
    return 0;
}

/* Do '[' and ']' alternate, starting with '[' and without nesting? */
static int balanced(const char *s, size_t n)
{
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '[') {
            if (open)
                return 0;
            open = 1;
        } else if (s[i] == ']') {
            if (!open)
                return 0;
            open = 0;
        }
    }
    return !open;
}

/* Every [...] of a balanced s, appended to the entry. */
static void parse_codes(sr_loader *L, entry *e, const char *s, size_t n)
{
    const char *end = s + n;
    const char *lb;
    while ((lb = memchr(s, '[', (size_t)(end - s))) != NULL) {
        const char *rb = memchr(lb, ']', (size_t)(end - lb));
        sr_actor_code c;
        if (parse_code(L, lb + 1, (size_t)(rb - lb - 1), &c) == 0) {
            SR_GROW(e->codes, e->cap_codes, e->ncodes + 1);
            e->codes[e->ncodes++] = c;
        }
        s = rb + 1;
    }
}

static void add_phrase(sr_loader *L, entry *e, const char *s, size_t n)
{
    sr_phrase p;
    if (sr_ld_phrase(L, s, n, SR_PH_STEM_LAST, &p) < 0)
        return;
    if (e->nphrases == 0) {
        e->name_n = n;
        e->name = sr_trim(s, &e->name_n);
        e->line = L->line;
    }
    SR_GROW(e->words, e->cap_words, e->nwords + p.n);
    memcpy(e->words + e->nwords, p.w, p.n * sizeof *p.w);
    SR_GROW(e->phrases, e->cap_phrases, e->nphrases + 1);
    e->phrases[e->nphrases++] = (entry_phrase){(uint32_t)e->nwords, (uint32_t)p.n};
    e->nwords += p.n;
}

static void flush(sr_loader *L, entry *e)
{
    sr_dict *d = L->d;
    if (!e->open)
        return;
    e->open = 0;
    if (e->nphrases == 0) {
        e->ncodes = 0;
        return;
    }
    if (e->ncodes == 0) {
        uint32_t at = L->line;
        L->line = e->line;
        sr_ld_warn(L, "actor %.*s has no code; skipped", (int)(e->name_n > 60 ? 60 : e->name_n),
                   e->name);
        L->line = at;
        e->nphrases = e->nwords = 0;
        return;
    }
    SR_GROW(d->actors, L->cap_actors, d->nactors + 1);
    SR_GROW(d->actor_codes, L->cap_actor_codes, d->nactor_codes + e->ncodes);
    sr_actor *a = &d->actors[d->nactors];
    a->name = sr_ld_strdup(L, e->name, e->name_n);
    a->first_code = (uint32_t)d->nactor_codes;
    a->ncodes = (uint32_t)e->ncodes;
    a->file = L->file;
    a->line = e->line;
    memcpy(d->actor_codes + d->nactor_codes, e->codes, e->ncodes * sizeof *e->codes);
    d->nactor_codes += e->ncodes;
    for (size_t k = 0; k < e->nphrases; k++) {
        uint32_t node = sr_trie_insert(d->actor_trie, e->words + e->phrases[k].first,
                                       e->phrases[k].n);
        sr_trie_set_value(d->actor_trie, node, (int32_t)d->nactors); /* the last one wins */
        L->nphrases++;
    }
    d->nactors++;
    e->nphrases = e->nwords = e->ncodes = 0;
}

void sr_ld_actors(sr_loader *L, const char *data, size_t len)
{
    entry e;
    memset(&e, 0, sizeof e);
    sr_line_reader r;
    const char *s;
    size_t n;
    sr_lines_init(&r, data, len);
    while (sr_lines_next(&r, &s, &n, &L->line)) {
        if (!balanced(s, n)) {
            sr_ld_warn(L, "unbalanced [ ] in actor line; skipped");
            continue;
        }
        if (s[0] == '[') {
            if (!e.open)
                sr_ld_warn(L, "code line without an actor; skipped");
            else
                parse_codes(L, &e, s, n);
            continue;
        }
        int synonym = s[0] == '+';
        if (synonym) {
            s++;
            n--;
            if (!e.open) {
                sr_ld_warn(L, "synonym without an actor; skipped");
                continue;
            }
        } else if (e.open && e.ncodes > 0) {
            flush(L, &e);
        }
        e.open = 1;
        const char *lb = memchr(s, '[', n);
        size_t pn = lb ? (size_t)(lb - s) : n;
        add_phrase(L, &e, s, pn);
        if (lb)
            parse_codes(L, &e, lb, n - pn);
    }
    L->line = r.lineno;
    flush(L, &e);
    free(e.words);
    free(e.phrases);
    free(e.codes);
}
