/*
 * The dictionary form of text: NFC, typographic quotes and dashes mapped to
 * ASCII, accents stripped, upper-cased. Two paths give the same result: a
 * byte loop for ASCII (plus the few typographic characters that news copy
 * is full of), and utf8proc for everything else.
 */
#include <string.h>

#include <utf8proc.h>

#include "sitrep/text.h"
#include "text/charclass.h"
#include "text/text_internal.h"

/* ---- fast path ------------------------------------------------------- */

/* The three-byte sequences E2 80 xx that the fast path maps, or 0. */
static char punct_e280(unsigned char third)
{
    if (third >= 0x90 && third <= 0x95)
        return '-'; /* hyphens and dashes */
    if (third >= 0x98 && third <= 0x9B)
        return '\''; /* ‘ ’ ‚ ‛ */
    if (third >= 0x9C && third <= 0x9F)
        return '"'; /* “ ” „ ‟ */
    if (third == 0xA6)
        return '.'; /* … (written as three periods) */
    return 0;
}

long sr_norm_fast(const char *s, size_t n, char *out, uint16_t *flags)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0;
    unsigned upper = 0, lower = 0;
    unsigned first_letter = 0; /* CC_UPPER + 1 or CC_LOWER + 1 */
    int pending_space = 0;
    uint16_t f = 0;

    for (size_t i = 0; i < n; i++) {
        unsigned char c = u[i];
        char m;
        if (c < 0x80) {
            unsigned cc = sr_ascii_class[c];
            if (cc <= CC_LOWER) {
                upper += cc == CC_UPPER;
                lower += cc == CC_LOWER;
                if (!first_letter)
                    first_letter = cc + 1;
                m = (char)(c & ~((cc == CC_LOWER) << 5));
            } else if (cc >= CC_SPACE && cc <= CC_PARA) {
                pending_space = o > 0;
                continue;
            } else {
                m = c == '`' ? '\'' : (char)c;
                if (o == 0 && cc == CC_DIGIT)
                    f |= SR_TOK_NUMBER;
            }
        } else if (c == 0xE2 && i + 2 < n && u[i + 1] == 0x80 && (m = punct_e280(u[i + 2]))) {
            if (u[i + 2] == 0xA6) {
                if (pending_space)
                    out[o++] = ' ';
                pending_space = 0;
                out[o++] = '.';
                out[o++] = '.';
            }
            i += 2;
        } else if (c == 0xC2 && i + 1 < n && u[i + 1] == 0xA0) {
            pending_space = o > 0; /* no-break space */
            i++;
            continue;
        } else {
            return -1;
        }
        if (pending_space) {
            out[o++] = ' ';
            pending_space = 0;
        }
        out[o++] = m;
    }
    out[o] = '\0';
    if (upper + lower)
        f |= SR_TOK_WORD;
    if (first_letter == CC_UPPER + 1)
        f |= SR_TOK_CAP;
    if (lower == 0 && upper >= 2)
        f |= SR_TOK_ALLCAPS;
    *flags = f;
    return (long)o;
}

/* ---- Unicode path ---------------------------------------------------- */

/* One-to-one substitutions applied to each code point before
 * decomposition: what NFD does not reduce to a base letter plus marks. */
static utf8proc_int32_t premap(utf8proc_int32_t cp, void *data)
{
    (void)data;
    /* control characters are whitespace, as in the tokenizer */
    if (cp <= 0x20 || (cp >= 0x7F && cp <= 0x9F))
        return ' ';
    if (cp < 0x80)
        return cp == '`' ? '\'' : cp;
    switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2039: case 0x203A:
    case 0x00B4: case 0x2032: case 0x02BC: case 0x02BB: case 0x02BE: case 0x02BF:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
    case 0x2033:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212: case 0x2E3A: case 0x2E3B: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    case 0x0131: /* dotless i */
        return 'I';
    case 0x00F8: case 0x00D8: /* ø */
        return 'O';
    case 0x0142: case 0x0141: /* ł */
        return 'L';
    case 0x0111: case 0x0110: case 0x00F0: case 0x00D0: /* đ ð */
        return 'D';
    case 0x0127: case 0x0126: /* ħ */
        return 'H';
    case 0x0167: case 0x0166: /* ŧ */
        return 'T';
    case 0x061F: case 0xFF1F:
        return '?';
    case 0xFF01:
        return '!';
    case 0x06D4: case 0x3002: case 0x066B:
        return '.';
    case 0x060C: case 0x066C:
        return ',';
    case 0x061B:
        return ';';
    case 0x0085: case 0x00A0: case 0x1680: case 0x2028: case 0x2029: case 0x202F:
    case 0x205F: case 0x3000:
        return ' ';
    }
    if (cp >= 0x2000 && cp <= 0x200A)
        return ' ';
    return cp;
}

static void scratch_reserve(sr_norm_scratch *sc, size_t need)
{
    if (sc->cap >= need)
        return;
    size_t cap = sc->cap ? sc->cap : 64;
    while (cap < need)
        cap *= 2;
    sc->cp = sr_arena_alloc(sc->arena, cap * sizeof *sc->cp);
    sc->cap = cap;
}

/* Code points of s under the given utf8proc options; the ill-formed input
 * that the readers never hand over falls back to one code point a byte. */
static size_t decompose(sr_norm_scratch *sc, const char *s, size_t n, utf8proc_option_t opts)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    utf8proc_ssize_t r;
    scratch_reserve(sc, n + 1);
    for (;;) {
        r = utf8proc_decompose_custom(u, (utf8proc_ssize_t)n, sc->cp, (utf8proc_ssize_t)sc->cap,
                                      opts, premap, NULL);
        if (r < 0 || (size_t)r <= sc->cap)
            break;
        scratch_reserve(sc, (size_t)r);
    }
    if (r < 0) {
        for (size_t i = 0; i < n; i++)
            sc->cp[i] = premap(u[i], NULL);
        return n;
    }
    r = utf8proc_normalize_utf32(sc->cp, r, UTF8PROC_COMPOSE);
    return r < 0 ? 0 : (size_t)r;
}

size_t sr_norm_codepoints(sr_norm_scratch *sc, const char *s, size_t n)
{
    size_t k = decompose(sc, s, n, UTF8PROC_COMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE);
    for (size_t i = 0; i < k; i++)
        if (sc->cp[i] != ' ')
            return k;
    /* only marks or invisibles: keep them rather than give an empty norm */
    return decompose(sc, s, n, UTF8PROC_COMPOSE);
}

size_t sr_norm_encode(const int32_t *cp, size_t ncp, char *out)
{
    utf8proc_uint8_t *o = (utf8proc_uint8_t *)out;
    size_t len = 0;
    int pending_space = 0;
    for (size_t i = 0; i < ncp; i++) {
        const char *exp = NULL;
        switch (cp[i]) {
        case ' ':
            pending_space = len > 0;
            continue;
        case 0x00DF: case 0x1E9E: exp = "SS"; break;
        case 0x00E6: case 0x00C6: exp = "AE"; break;
        case 0x0153: case 0x0152: exp = "OE"; break;
        case 0x00FE: case 0x00DE: exp = "TH"; break;
        case 0x0133: case 0x0132: exp = "IJ"; break;
        case 0x2026: exp = "..."; break;
        }
        if (pending_space) {
            o[len++] = ' ';
            pending_space = 0;
        }
        if (exp) {
            size_t k = strlen(exp);
            memcpy(o + len, exp, k);
            len += k;
        } else {
            len += (size_t)utf8proc_encode_char(utf8proc_toupper(cp[i]), o + len);
        }
    }
    o[len] = '\0';
    return len;
}

uint16_t sr_word_flags(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned upper = 0, lower = 0, letters = 0;
    int first_letter = 0;
    uint16_t f = 0;
    for (size_t i = 0; i < n;) {
        size_t len;
        unsigned c = sr_cc_at(u, n, i, &len);
        if (i == 0 && c == CC_DIGIT)
            f |= SR_TOK_NUMBER;
        if (c == CC_UPPER) {
            upper++;
            if (!first_letter)
                first_letter = 1;
        } else if (c == CC_LOWER) {
            lower++;
            if (!first_letter)
                first_letter = -1;
        } else if (c == CC_LETTER) {
            uint32_t cp;
            sr_utf8_decode(u, n, i, &cp);
            /* ʿ ʾ (Lm) in transliterations do not decide capitalisation */
            if (!first_letter && utf8proc_category((utf8proc_int32_t)cp) != UTF8PROC_CATEGORY_LM)
                first_letter = -2;
            letters++;
        }
        i += len;
    }
    if (upper + lower + letters)
        f |= SR_TOK_WORD;
    if (first_letter == 1)
        f |= SR_TOK_CAP;
    if (lower == 0 && upper >= 2)
        f |= SR_TOK_ALLCAPS;
    return f;
}

char *sr_text_norm(sr_arena *arena, const char *s, size_t len, size_t *out_len)
{
    char *out = sr_arena_alloc(arena, len + 1);
    uint16_t flags;
    long r = sr_norm_fast(s, len, out, &flags);
    if (r < 0) {
        sr_norm_scratch sc = {arena, NULL, 0};
        size_t ncp = sr_norm_codepoints(&sc, s, len);
        out = sr_arena_alloc(arena, 4 * ncp + 1);
        r = (long)sr_norm_encode(sc.cp, ncp, out);
    }
    if (out_len)
        *out_len = (size_t)r;
    return out;
}
