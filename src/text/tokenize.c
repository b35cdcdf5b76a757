/*
 * Tokenizer: one left-to-right pass over the text. Whitespace separates
 * tokens; inside a run of non-space characters, words keep their internal
 * hyphens, apostrophes and periods ("al-Sham", "Hay'at", "U.S.-backed",
 * "2.5", "7,000") while each punctuation mark becomes a token of its own.
 * Clitics split PTB-style ("didn't" -> "did" "n't", "Turkey's" -> "Turkey"
 * "'s"); abbreviations keep their period ("Gen.", "U.S.", "J.").
 *
 * Every token records what separated it from the previous one (the gap),
 * which the segmenter uses to find paragraphs and headline lines.
 */
#include <string.h>
#include <strings.h>

#include "text/charclass.h"
#include "text/text_internal.h"

typedef struct tokenizer {
    sr_arena *arena;
    const unsigned char *s;
    size_t n;
    sr_token *tok;
    uint8_t *info;
    size_t ntok, cap;
    char *pool; /* free space for norm strings */
    size_t pool_left;
    sr_norm_scratch scratch;
    unsigned newlines; /* line ends since the last token */
    unsigned spaces;   /* other whitespace characters since the last token */
    int dq_open;       /* a double quote is open (for straight quotes) */
    int sq_open;       /* a single quote is open: "forces'" is then a quote */
} tokenizer;

/* Later norm blocks; the first one is sized from the text length. */
#define POOL_BLOCK 16384

static void grow_tokens(tokenizer *t)
{
    size_t cap = t->cap * 2;
    sr_token *tok = sr_arena_alloc(t->arena, cap * sizeof *tok);
    uint8_t *info = sr_arena_alloc(t->arena, cap);
    memcpy(tok, t->tok, t->ntok * sizeof *tok);
    memcpy(info, t->info, t->ntok);
    t->tok = tok;
    t->info = info;
    t->cap = cap;
}

static void pool_reserve(tokenizer *t, size_t need)
{
    if (t->pool_left >= need)
        return;
    size_t size = need > POOL_BLOCK ? need : POOL_BLOCK;
    t->pool = sr_arena_alloc(t->arena, size);
    t->pool_left = size;
}

/* Whether a token beginning with a character of class c can open a
 * sentence. */
static int can_start(unsigned c)
{
    switch (c) {
    case CC_UPPER:
    case CC_DIGIT:
    case CC_LETTER:
    case CC_NUMOTHER:
    case CC_HYPHEN:
    case CC_DASH:
    case CC_SYMBOL:
    case CC_AT:
    case CC_HASH:
        return 1;
    default:
        return 0;
    }
}

/*
 * Append the token s[start, end). Its norm is computed from the source
 * unless fixed_norm is given (dashes and ellipses, whose forms differ from
 * the character-by-character mapping).
 */
static void emit(tokenizer *t, size_t start, size_t end, uint16_t flags, uint8_t info,
                 const char *fixed_norm)
{
    if (t->ntok == t->cap)
        grow_tokens(t);
    const char *src = (const char *)t->s + start;
    size_t n = end - start;
    uint16_t wf = 0;
    long len;

    if (fixed_norm) {
        len = (long)strlen(fixed_norm);
        pool_reserve(t, (size_t)len + 1);
        memcpy(t->pool, fixed_norm, (size_t)len + 1);
    } else {
        pool_reserve(t, n + 1);
        len = sr_norm_fast(src, n, t->pool, &wf);
        if (len < 0) {
            size_t ncp = sr_norm_codepoints(&t->scratch, src, n);
            pool_reserve(t, 4 * ncp + 1);
            len = (long)sr_norm_encode(t->scratch.cp, ncp, t->pool);
            wf = sr_word_flags(src, n);
        }
    }

    unsigned gap = t->newlines >= 2   ? TI_GAP_BLANK
                   : t->newlines == 1 ? TI_GAP_LINE
                   : t->spaces        ? TI_GAP_SPACE
                                      : TI_GAP_NONE;
    info |= (uint8_t)gap;
    if (t->newlines + t->spaces >= 2)
        info |= TI_WIDE;
    if (t->ntok == 0 || gap == TI_GAP_BLANK)
        flags |= SR_TOK_PARA;
    t->newlines = t->spaces = 0;

    size_t first_len;
    unsigned first = sr_cc_at(t->s, t->n, start, &first_len);
    if (can_start(first) || (flags & SR_TOK_OPEN))
        info |= TI_STARTOK;
    else if (first == CC_LOWER)
        info |= TI_LOWER;
    if (len == 1 && (t->pool[0] == ',' || t->pool[0] == ';'))
        info |= TI_CLAUSE;
    if (info & TI_FINAL)
        t->sq_open = 0;

    sr_token *k = &t->tok[t->ntok];
    k->start = (uint32_t)start;
    k->end = (uint32_t)end;
    k->norm = t->pool;
    k->len = (uint16_t)len;
    k->flags = (uint16_t)(flags | wf);
    t->info[t->ntok] = info;
    t->ntok++;
    t->pool += len + 1;
    t->pool_left -= (size_t)len + 1;
}

static int ascii_alnum(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static int lower_is(unsigned char c, char want)
{
    return (c | 0x20) == want;
}

/* ---- URLs, e-mail addresses, handles, hashtags ----------------------- */

/* End of a URL starting at s[i], or 0. Trailing punctuation is left out
 * unless it belongs to the URL (a ')' closing a '(' inside it). */
static size_t url_end(const unsigned char *s, size_t n, size_t i)
{
    size_t plen = 0, avail = n - i;
    const char *w = (const char *)s + i;
    /* most words starting with h, w, f are not URLs: test cheaply first */
    if (avail > 7 && lower_is(s[i + 1], 't') && lower_is(s[i + 2], 't') &&
        lower_is(s[i + 3], 'p')) {
        if (strncasecmp(w, "http://", 7) == 0)
            plen = 7;
        else if (avail > 8 && strncasecmp(w, "https://", 8) == 0)
            plen = 8;
    } else if (avail > 4 && s[i + 3] == '.' && strncasecmp(w, "www.", 4) == 0) {
        plen = 4;
    } else if (avail > 6 && s[i + 3] == ':' && strncasecmp(w, "ftp://", 6) == 0) {
        plen = 6;
    }
    if (!plen)
        return 0;
    size_t e = i + plen, opens = 0, closes = 0;
    while (e < n && e - i < SR_TOKEN_MAX_BYTES && s[e] > 0x20 && s[e] < 0x7F && s[e] != '"' &&
           s[e] != '<' && s[e] != '>') {
        opens += s[e] == '(';
        closes += s[e] == ')';
        e++;
    }
    while (e > i + plen) {
        unsigned char c = s[e - 1];
        if (c == ')' && closes > opens) {
            closes--;
            e--;
        } else if (strchr(".,;:!?'\"]}", c)) {
            e--;
        } else {
            break;
        }
    }
    return e > i + plen ? e : 0;
}

/* End of the domain of an e-mail address whose '@' is at s[at], or 0. */
static size_t email_end(const unsigned char *s, size_t n, size_t at)
{
    size_t k = at + 1;
    int dot = 0;
    if (k >= n || !ascii_alnum(s[k]))
        return 0;
    while (k < n && k - at < SR_TOKEN_MAX_BYTES) {
        if (ascii_alnum(s[k]) || s[k] == '-')
            k++;
        else if (s[k] == '.' && k + 1 < n && ascii_alnum(s[k + 1]))
            dot = 1, k++;
        else
            break;
    }
    while (s[k - 1] == '-')
        k--;
    return dot ? k : 0;
}

/* ---- words ----------------------------------------------------------- */

/* "said.The": a period glued between a sentence and the next, which splits
 * the run. prev is the class before the period at s[j]. */
static int glued_sentence(const tokenizer *t, size_t j, unsigned prev, unsigned next,
                          size_t next_len)
{
    size_t k;
    return (prev == CC_LOWER || prev == CC_DIGIT) && next == CC_UPPER &&
           sr_cc_at(t->s, t->n, j + 1 + next_len, &k) == CC_LOWER;
}

/* Split a clitic off s[i, end) whose last inner apostrophe is at apos:
 * "n't", "'s" (possessive unless after a pronoun), "'ll", "'re", "'ve",
 * and "'d", "'m" after pronouns. Returns 1 when it emitted two tokens. */
static int split_clitic(tokenizer *t, size_t i, size_t end, size_t apos, size_t apos_len)
{
    const unsigned char *s = t->s;
    const char *w = (const char *)s + i;
    size_t suf = apos + apos_len, slen = end - suf;
    size_t split = 0;
    uint16_t flags = 0;

    if (slen == 1 && lower_is(s[suf], 't') && apos > i + 1 && lower_is(s[apos - 1], 'n')) {
        split = apos - 1;
    } else if (slen == 1 && lower_is(s[suf], 's')) {
        split = apos;
        if (!sr_contraction_host(w, apos - i, 1))
            flags = SR_TOK_POSS;
    } else if (slen == 2 && ((lower_is(s[suf], 'l') && lower_is(s[suf + 1], 'l')) ||
                             (lower_is(s[suf], 'r') && lower_is(s[suf + 1], 'e')) ||
                             (lower_is(s[suf], 'v') && lower_is(s[suf + 1], 'e')))) {
        split = apos;
    } else if (slen == 1 && (lower_is(s[suf], 'd') || lower_is(s[suf], 'm')) &&
               sr_contraction_host(w, apos - i, 0)) {
        split = apos;
    }
    if (split <= i)
        return 0;
    emit(t, i, split, 0, 0, NULL);
    emit(t, split, end, flags, 0, NULL);
    return 1;
}

/* A word starting at s[i] (class c, l bytes): letters, digits and marks,
 * joined by the connectors that stay inside words. */
static size_t scan_word(tokenizer *t, size_t i, unsigned c, size_t l)
{
    const unsigned char *s = t->s;
    size_t n = t->n;
    unsigned char c0 = s[i] | 0x20;

    if ((c0 == 'h' || c0 == 'w' || c0 == 'f') && n - i > 4) {
        size_t e = url_end(s, n, i);
        if (e) {
            emit(t, i, e, 0, 0, NULL);
            return e;
        }
    }

    size_t j = i + l;
    size_t lim = n - i > SR_TOKEN_MAX_BYTES ? i + SR_TOKEN_MAX_BYTES : n;
    unsigned prev = c, dots = 0;
    size_t apos = 0, apos_len = 0;
    int nonascii = s[i] >= 0x80;

    while (j < lim) {
        size_t k, k2, k3;
        if (s[j] < 0x80 && sr_ascii_class[s[j]] <= CC_UNDERSCORE) {
            /* the common case: a run of ASCII letters and digits */
            do
                j++;
            while (j < lim && s[j] < 0x80 && sr_ascii_class[s[j]] <= CC_UNDERSCORE);
            prev = sr_ascii_class[s[j - 1]];
            continue;
        }
        unsigned cc = sr_cc_at(s, n, j, &k);
        if (sr_cc_is_word(cc)) {
            nonascii |= s[j] >= 0x80;
            prev = cc;
            j += k;
            continue;
        }
        unsigned next = sr_cc_at(s, n, j + k, &k2);
        int join = 0;
        switch (cc) {
        case CC_PERIOD:
            if (sr_cc_is_word(next)) {
                join = !glued_sentence(t, j, prev, next, k2);
            } else if (next == CC_HYPHEN && sr_cc_is_word(sr_cc_at(s, n, j + k + k2, &k3))) {
                join = 1; /* "U.S.-backed" */
                k += k2;
            }
            dots += join;
            break;
        case CC_HYPHEN:
        case CC_FORMAT:
            join = sr_cc_is_word(next);
            break;
        case CC_APOS:
            join = (sr_cc_is_letter(prev) || prev == CC_DIGIT) && sr_cc_is_letter(next);
            if (join) {
                apos = j;
                apos_len = k;
            }
            break;
        case CC_COMMA:
        case CC_COLON:
        case CC_SLASH:
            join = prev == CC_DIGIT && next == CC_DIGIT; /* 7,000 10:30 9/11 */
            break;
        case CC_AMP:
            join = prev == CC_UPPER && next == CC_UPPER; /* AT&T */
            break;
        case CC_AT:
            if (!nonascii) {
                size_t e = email_end(s, n, j);
                if (e) {
                    emit(t, i, e, 0, 0, NULL);
                    return e;
                }
            }
            break;
        default:
            break;
        }
        if (!join)
            break;
        nonascii |= s[j] >= 0x80;
        prev = cc;
        j += k;
    }

    size_t end = j;
    if (end < n && s[end] == '.' && !(end + 1 < n && s[end + 1] == '.')) {
        enum sr_abbrev_kind kind = sr_abbrev_kind((const char *)s + i, end - i, dots);
        if (kind != SR_ABBR_NONE) {
            emit(t, i, end + 1, SR_TOK_ABBR, kind == SR_ABBR_TITLE ? TI_TITLE : 0, NULL);
            return end + 1;
        }
    }
    if (apos && split_clitic(t, i, end, apos, apos_len))
        return end;
    emit(t, i, end, 0, 0, NULL);
    return end;
}

/* ---- punctuation ----------------------------------------------------- */

static int next_spacelike(const tokenizer *t, size_t j)
{
    size_t k;
    switch (sr_cc_at(t->s, t->n, j, &k)) {
    case CC_END:
    case CC_SPACE:
    case CC_NEWLINE:
    case CC_CR:
    case CC_PARA:
    case CC_PERIOD:
    case CC_FINAL:
    case CC_ELLIPSIS:
    case CC_COMMA:
    case CC_COLON:
    case CC_PUNCT:
    case CC_CLOSE:
    case CC_DQ:
    case CC_DQ_CLOSE:
    case CC_APOS:
    case CC_SQ_CLOSE:
    case CC_HYPHEN:
    case CC_DASH:
        return 1;
    default:
        return 0;
    }
}

static int prev_spacelike(const tokenizer *t)
{
    if (t->spaces || t->newlines || t->ntok == 0)
        return 1;
    const sr_token *p = &t->tok[t->ntok - 1];
    return (p->flags & SR_TOK_OPEN) || (p->len == 1 && p->norm[0] == '-');
}

/* A quotation mark: opening when it stands before a word, closing when it
 * stands after one; when the neighbours do not tell, typographic quotes
 * keep their shape's direction and straight quotes alternate. */
static size_t scan_quote(tokenizer *t, size_t i, unsigned c, size_t l, int *open)
{
    int before = prev_spacelike(t), after = next_spacelike(t, i + l);
    int opening;
    if (before != after)
        opening = before;
    else if (c == CC_DQ_OPEN || c == CC_SQ_OPEN)
        opening = 1;
    else if (c == CC_DQ_CLOSE || c == CC_SQ_CLOSE)
        opening = 0;
    else
        opening = !*open;
    *open = opening;
    emit(t, i, i + l, SR_TOK_PUNCT | SR_TOK_QUOTE | (opening ? SR_TOK_OPEN : SR_TOK_CLOSE), 0,
         NULL);
    return i + l;
}

/* ' ’ ‘ and kin outside a word: a decade ("'90s"), a possessive after a
 * closing quote or an abbreviation ("U.S.'s"), the possessive of a plural
 * ("forces'"), or else a single quotation mark. */
static size_t scan_apostrophe(tokenizer *t, size_t i, unsigned c, size_t l)
{
    const unsigned char *s = t->s;
    size_t n = t->n, j = i + l, k;

    if (c != CC_SQ_CLOSE && j + 3 <= n && s[j] >= '0' && s[j] <= '9' && s[j + 1] >= '0' &&
        s[j + 1] <= '9' && lower_is(s[j + 2], 's') && !sr_cc_is_word(sr_cc_at(s, n, j + 3, &k))) {
        emit(t, i, j + 3, 0, 0, NULL);
        return j + 3;
    }
    if (c == CC_APOS && !t->spaces && !t->newlines && t->ntok > 0) {
        const sr_token *p = &t->tok[t->ntok - 1];
        if (j < n && lower_is(s[j], 's') && !sr_cc_is_word(sr_cc_at(s, n, j + 1, &k)) &&
            (p->flags & (SR_TOK_WORD | SR_TOK_CLOSE))) {
            emit(t, i, j + 1, SR_TOK_POSS, 0, NULL);
            return j + 1;
        }
        if ((p->flags & SR_TOK_WORD) && lower_is(s[p->end - 1], 's') && !t->sq_open &&
            !sr_cc_is_word(sr_cc_at(s, n, j, &k))) {
            emit(t, i, j, SR_TOK_POSS, 0, NULL);
            return j;
        }
    }
    return scan_quote(t, i, c, l, &t->sq_open);
}

/* A symbol, with what visually belongs to it: combining marks, emoji
 * modifiers and tags, ZWJ sequences, a pair of regional indicators. */
static size_t scan_symbol(tokenizer *t, size_t i, size_t l)
{
    const unsigned char *s = t->s;
    size_t n = t->n, j = i + l;
    if (s[i] >= 0x80) {
        uint32_t cp;
        sr_utf8_decode(s, n, i, &cp);
        int flag_half = cp >= 0x1F1E6 && cp <= 0x1F1FF;
        while (j < n && s[j] >= 0x80 && j - i < SR_TOKEN_MAX_BYTES) {
            size_t k = sr_utf8_decode(s, n, j, &cp);
            if (sr_cc_of_cp(cp) == CC_MARK || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
                (cp >= 0xE0020 && cp <= 0xE007F)) {
                j += k;
            } else if (cp == 0x200D && j + k < n && s[j + k] >= 0x80) {
                size_t k2 = sr_utf8_decode(s, n, j + k, &cp);
                if (sr_cc_of_cp(cp) != CC_SYMBOL)
                    break;
                j += k + k2;
            } else if (flag_half && cp >= 0x1F1E6 && cp <= 0x1F1FF) {
                flag_half = 0;
                j += k;
            } else {
                break;
            }
        }
    }
    emit(t, i, j, SR_TOK_PUNCT, 0, NULL);
    return j;
}

/* "@handle" and "#hashtag" (at least one letter), else the bare mark. */
static size_t scan_at_hash(tokenizer *t, size_t i, unsigned c)
{
    const unsigned char *s = t->s;
    size_t n = t->n, j = i + 1;
    int letter = 0;
    while (j < n && j - i < SR_TOKEN_MAX_BYTES) {
        size_t k;
        unsigned cc = sr_cc_at(s, n, j, &k);
        if (c == CC_AT ? !(s[j] < 0x80 && (ascii_alnum(s[j]) || s[j] == '_')) : !sr_cc_is_word(cc))
            break;
        letter |= sr_cc_is_letter(cc);
        j += k;
    }
    if (letter || (c == CC_AT && j > i + 1)) {
        emit(t, i, j, 0, 0, NULL);
        return j;
    }
    return scan_symbol(t, i, 1);
}

/* A token starting at s[i], a character of class c and l bytes. */
static size_t scan_token(tokenizer *t, size_t i, unsigned c, size_t l)
{
    const unsigned char *s = t->s;
    size_t n = t->n, j, k;

    if (sr_cc_is_word(c))
        return scan_word(t, i, c, l);
    switch (c) {
    case CC_PERIOD:
        for (j = i + 1; j < n && s[j] == '.'; j++)
            ;
        emit(t, i, j, SR_TOK_PUNCT, TI_FINAL, j - i > 1 ? "..." : NULL);
        return j;
    case CC_ELLIPSIS:
        emit(t, i, i + l, SR_TOK_PUNCT, TI_FINAL, "...");
        return i + l;
    case CC_FINAL:
        emit(t, i, i + l, SR_TOK_PUNCT, TI_FINAL, NULL);
        return i + l;
    case CC_OPEN:
        emit(t, i, i + l, SR_TOK_PUNCT | SR_TOK_OPEN, 0, NULL);
        return i + l;
    case CC_CLOSE:
        emit(t, i, i + l, SR_TOK_PUNCT | SR_TOK_CLOSE, 0, NULL);
        return i + l;
    case CC_HYPHEN:
    case CC_DASH:
        /* a dash, or a hyphen that joins nothing: one "-" token per run */
        for (j = i + l; j < n;) {
            unsigned cc = sr_cc_at(s, n, j, &k);
            if (cc != CC_HYPHEN && cc != CC_DASH)
                break;
            j += k;
        }
        emit(t, i, j, SR_TOK_PUNCT, 0, "-");
        return j;
    case CC_DQ:
    case CC_DQ_OPEN:
    case CC_DQ_CLOSE:
        return scan_quote(t, i, c, l, &t->dq_open);
    case CC_APOS:
    case CC_SQ_OPEN:
    case CC_SQ_CLOSE:
        return scan_apostrophe(t, i, c, l);
    case CC_AT:
    case CC_HASH:
        return scan_at_hash(t, i, c);
    case CC_SYMBOL:
    case CC_AMP:
    case CC_SLASH:
        return scan_symbol(t, i, l);
    default: /* , : ; and other punctuation */
        emit(t, i, i + l, SR_TOK_PUNCT, 0, NULL);
        return i + l;
    }
}

static void line_end(tokenizer *t, unsigned count)
{
    t->newlines += count;
    /* quotes do not run on across lines; a stale state would misread the
     * next straight quote */
    t->dq_open = t->sq_open = 0;
}

void sr_tokenize(sr_arena *arena, sr_text *tx, size_t len, uint8_t **info)
{
    tokenizer t;
    memset(&t, 0, sizeof t);
    t.arena = arena;
    t.s = (const unsigned char *)tx->src;
    t.n = len;
    t.scratch.arena = arena;
    /* news averages five to six bytes a token: one allocation mostly */
    t.cap = len / 5 + 16;
    t.tok = sr_arena_alloc(arena, t.cap * sizeof *t.tok);
    t.info = sr_arena_alloc(arena, t.cap);
    /* norms of ASCII text are no longer than the text, plus a NUL each */
    t.pool_left = len + len / 4 + 64;
    t.pool = sr_arena_alloc(arena, t.pool_left);

    const unsigned char *s = t.s;
    size_t i = 0;
    while (i < len) {
        if (s[i] == ' ') {
            t.spaces++;
            i++;
            continue;
        }
        size_t l;
        unsigned c = sr_cc_at(s, len, i, &l);
        switch (c) {
        case CC_SPACE:
            t.spaces++;
            break;
        case CC_NEWLINE:
            line_end(&t, 1);
            break;
        case CC_CR:
            if (i + 1 < len && s[i + 1] == '\n')
                t.spaces++;
            else
                line_end(&t, 1);
            break;
        case CC_PARA:
            line_end(&t, 2);
            break;
        case CC_FORMAT:
            break; /* invisible between tokens */
        default:
            i = scan_token(&t, i, c, l);
            continue;
        }
        i += l;
    }
    tx->tokens = t.tok;
    tx->ntokens = t.ntok;
    *info = t.info;
}
