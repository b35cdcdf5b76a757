/*
 * text: normalization, sentence segmentation and tokenization.
 *
 * The document text is never rewritten: every token and sentence carries
 * byte offsets [start, end) into the text exactly as sr_doc.text holds it,
 * so every later record can point at its evidence. What dictionaries match
 * against is each token's `norm` form: NFC, typographic quotes and dashes
 * mapped to ASCII, accents stripped, upper-cased (e.g. "İbrahim" ->
 * "IBRAHIM", "al‑Sham’s" -> "AL-SHAM'S" before the possessive split).
 *
 * Tokens (PTB-like): words keep inner hyphens, apostrophes and periods
 * ("al-Sham", "Hay'at", "U.S.-backed", "2.5", "7,000", "10:30"); every
 * punctuation mark or symbol is a token of its own ("65" "%", "$" "50");
 * clitics split off ("Turkey" "'s", "forces" "'", "did" "n't", "ca" "n't",
 * "it" "'s", "we" "'ll"); abbreviations keep their period ("Gen.", "U.S.",
 * "a.m.", "J."); URLs, e-mail addresses, @handles and #hashtags stay whole.
 * A dash standing alone ("-", "--", "–", "—") has norm "-", an ellipsis
 * ("...", "…") has norm "...". A run of more than 1024 bytes without a
 * break (a base64 blob) is cut into tokens of about that size.
 *
 * Ownership: sr_text and everything it points to live in the arena passed to
 * sr_text_analyze; nothing is to be freed separately.
 */
#ifndef SITREP_TEXT_H
#define SITREP_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"

enum sr_token_flags {
    SR_TOK_WORD = 1 << 0,    /* contains a letter */
    SR_TOK_NUMBER = 1 << 1,  /* starts with a digit: 2.5, 7,000, 9/11; also
                                12th, 1980s, which are SR_TOK_WORD too */
    SR_TOK_PUNCT = 1 << 2,   /* punctuation or symbol, one token per mark
                                (%, $, an emoji with its modifiers) */
    SR_TOK_CAP = 1 << 3,     /* first letter upper-case in the original
                                (Arabic and other caseless letters: never) */
    SR_TOK_ALLCAPS = 1 << 4, /* every letter upper-case (and >1 letter) */
    SR_TOK_QUOTE = 1 << 5,   /* a quotation mark, straight or typographic */
    SR_TOK_OPEN = 1 << 6,    /* opening quote/bracket (when it can be told) */
    SR_TOK_CLOSE = 1 << 7,   /* closing quote/bracket */
    SR_TOK_POSS = 1 << 8,    /* the possessive 's or ' split off a word (not
                                the 's of "it's", "that's") */
    SR_TOK_ABBR = 1 << 9,    /* word ending in a period kept in the token */
    SR_TOK_PARA = 1 << 10    /* first token of the text, and first after a
                                blank line (or U+2029) */
};

typedef struct sr_token {
    uint32_t start, end; /* byte offsets into the document text */
    const char *norm;    /* normalized form, NUL-terminated */
    uint16_t len;        /* strlen(norm) */
    uint16_t flags;      /* sr_token_flags */
} sr_token;

typedef struct sr_sentence {
    uint32_t start, end;   /* byte offsets: first token's start, last's end */
    uint32_t first;        /* index of its first token in sr_text.tokens */
    uint32_t ntokens;
} sr_sentence;

typedef struct sr_text {
    const char *src;       /* the document text (borrowed) */
    size_t src_len;
    sr_token *tokens;
    size_t ntokens;
    sr_sentence *sentences;
    size_t nsentences;
} sr_text;

/*
 * Segment and tokenize text (valid UTF-8, as from an sr_doc; ill-formed
 * bytes do no harm). Sentences break at . ! ? ... (and closing quotes or
 * brackets after them) followed by whitespace and a likely sentence start
 * (capital, digit, opening quote or bracket), at blank lines, and at line
 * ends of lines that look like headlines, datelines or bylines (no final
 * punctuation, next line starts like a sentence; in hard-wrapped text only
 * at markedly short lines). Not at title abbreviations (Gen., Col., Dr.,
 * Mr.), nor after U.S., Sept., No., Inc., initials ("J. Smith") unless a
 * typical sentence opener follows ("... the U.S. The army"), nor inside
 * decimals (2.5), nor after an ellipsis followed by lower case. Sentences
 * are never empty; one of more than 400 tokens is cut after its next comma
 * or semicolon, and at 1000 tokens regardless. Whitespace-only text has no
 * tokens and no sentences. Offsets are 32-bit: text beyond 4 GiB is
 * ignored. Linear in len. Never fails (out-of-memory aborts via the arena).
 */
sr_text *sr_text_analyze(sr_arena *arena, const char *text, size_t len);

/* Normalize one span of text to dictionary form (see above) into the
 * arena: NUL-terminated, its length in *out_len (may be NULL). Whitespace
 * runs become one space and are trimmed at both ends, so "Bashar  al-Assad"
 * gives "BASHAR AL-ASSAD". Exposed for the dictionary loaders and tests. */
char *sr_text_norm(sr_arena *arena, const char *s, size_t len, size_t *out_len);

#endif
