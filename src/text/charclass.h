/*
 * charclass: what role a character plays for the tokenizer. ASCII bytes
 * are classified by table lookup (the fast path that most news text takes);
 * other characters are decoded and classified from their Unicode general
 * category, with the typographic quotes, dashes and sentence marks that
 * news uses singled out.
 */
#ifndef SR_TEXT_CHARCLASS_H
#define SR_TEXT_CHARCLASS_H

#include <stddef.h>
#include <stdint.h>

enum sr_cc {
    /* word characters: contiguous, see sr_cc_is_word */
    CC_UPPER,      /* Lu, Lt */
    CC_LOWER,      /* Ll */
    CC_LETTER,     /* Lo, Lm: letters without case (Arabic, CJK) */
    CC_DIGIT,      /* Nd */
    CC_NUMOTHER,   /* Nl, No (½, ²) */
    CC_MARK,       /* Mn, Mc, Me */
    CC_UNDERSCORE, /* _ and other Pc */
    /* whitespace */
    CC_SPACE,
    CC_NEWLINE,
    CC_CR,
    CC_PARA, /* U+2029, form feed: a paragraph break by itself */
    CC_FORMAT, /* Cf: invisible (LRM, ZWJ, soft hyphen) */
    /* punctuation and symbols */
    CC_PERIOD,   /* . */
    CC_FINAL,    /* ! ? and other sentence-final marks (؟ 。) */
    CC_ELLIPSIS, /* … */
    CC_COMMA,    /* , and the Arabic thousands separator */
    CC_COLON,    /* : */
    CC_PUNCT,    /* ; and other punctuation */
    CC_HYPHEN,   /* - ‐ ‑ ‒ − : joins words when between them */
    CC_DASH,     /* – — ― : always a token of its own */
    CC_OPEN,     /* ( [ { and other Ps */
    CC_CLOSE,    /* ) ] } and other Pe */
    CC_DQ,       /* " : direction from the neighbours */
    CC_DQ_OPEN,  /* “ „ ‟ « */
    CC_DQ_CLOSE, /* ” » */
    CC_APOS,     /* ' ’ ʼ ´ : apostrophe or single quote */
    CC_SQ_OPEN,  /* ‘ ‚ ‛ ‹ ` */
    CC_SQ_CLOSE, /* › */
    CC_AT,       /* @ */
    CC_HASH,     /* # */
    CC_AMP,      /* & */
    CC_SLASH,    /* / */
    CC_SYMBOL,   /* $ % + = and Sm Sc Sk So, private use */
    CC_END       /* past the end of the text */
};

extern const uint8_t sr_ascii_class[128];

static inline int sr_cc_is_word(unsigned c)
{
    return c <= CC_UNDERSCORE;
}

static inline int sr_cc_is_letter(unsigned c)
{
    return c <= CC_LETTER;
}

static inline int sr_cc_is_space(unsigned c)
{
    return c >= CC_SPACE && c <= CC_PARA;
}

/* Class of a non-ASCII code point. */
unsigned sr_cc_of_cp(uint32_t cp);

/* Decode the character at s[i] (i < n) into *cp; returns its length in
 * bytes (>= 1; an ill-formed byte counts as one character U+FFFD). */
size_t sr_utf8_decode(const unsigned char *s, size_t n, size_t i, uint32_t *cp);

/* Class and byte length of the character at s[i]; CC_END with *len 0 when
 * i >= n. */
static inline unsigned sr_cc_at(const unsigned char *s, size_t n, size_t i, size_t *len)
{
    if (i >= n) {
        *len = 0;
        return CC_END;
    }
    if (s[i] < 0x80) {
        *len = 1;
        return sr_ascii_class[s[i]];
    }
    uint32_t cp;
    *len = sr_utf8_decode(s, n, i, &cp);
    return sr_cc_of_cp(cp);
}

#endif
