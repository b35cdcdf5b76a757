/*
 * Internal interface of the text stage: the tokenizer hands the segmenter
 * the public tokens plus one byte of private facts per token (what
 * separated it from the previous token, whether it ends or may start a
 * sentence) so the segmenter never has to rescan the source.
 */
#ifndef SR_TEXT_INTERNAL_H
#define SR_TEXT_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"
#include "sitrep/text.h"

/* Longest word in source bytes: a longer run (a base64 blob, a megabyte
 * without spaces) is cut at the first character boundary at or after this,
 * so norm lengths always fit sr_token.len. */
#define SR_TOKEN_MAX_BYTES 1024

/* ---- per-token private facts (the info byte) ------------------------ */

/* What lay between the previous token and this one. */
#define TI_GAP_MASK 0x03u
#define TI_GAP_NONE 0x00u  /* attached: "Turkey" + "'s", "said" + "." */
#define TI_GAP_SPACE 0x01u /* spaces, no line end */
#define TI_GAP_LINE 0x02u  /* exactly one line end */
#define TI_GAP_BLANK 0x03u /* a blank line (or U+2029): a paragraph */
#define TI_FINAL 0x04u     /* . ! ? ... and their Unicode kin */
#define TI_TITLE 0x08u     /* abbreviation that precedes a name (Gen.) */
#define TI_STARTOK 0x10u   /* may begin a sentence (capital, digit, ...) */
#define TI_LOWER 0x20u     /* begins with a lower-case letter */
#define TI_CLAUSE 0x40u    /* , or ; where overlong sentences may be cut */
#define TI_WIDE 0x80u      /* gap of two or more whitespace characters */

#define TI_GAP(info) ((info) & TI_GAP_MASK)

/* ---- tokenize.c ------------------------------------------------------ */

/* Fill tx->tokens / tx->ntokens from tx->src[0, len); *info receives the
 * parallel info bytes (arena memory). */
void sr_tokenize(sr_arena *arena, sr_text *tx, size_t len, uint8_t **info);

/* ---- segment.c ------------------------------------------------------- */

/* Fill tx->sentences / tx->nsentences from the tokens and their info. */
void sr_segment(sr_arena *arena, sr_text *tx, const uint8_t *info);

/* ---- abbrev.c -------------------------------------------------------- */

enum sr_abbrev_kind {
    SR_ABBR_NONE = 0,
    SR_ABBR_TITLE, /* comes before a name: never ends a sentence */
    SR_ABBR_OTHER  /* may end one (Inc., Sept., U.S., initials) */
};

/* Kind of the word w (n bytes, without its final period) when a period
 * follows it; dots is the number of periods inside w ("U.S" has one). */
enum sr_abbrev_kind sr_abbrev_kind(const char *w, size_t n, unsigned dots);

/* Whether a token with this norm is a word that typically opens an
 * English sentence ("THE", "HE", "HOWEVER"): after an abbreviation that
 * may end a sentence, only such a word confirms the break. */
int sr_sentence_starter(const char *norm, size_t len);

/* Whether lower-cased w is a pronoun that takes 'd / 'm / 's as a
 * contraction rather than a possessive ("I'd", "it's"). */
int sr_contraction_host(const char *w, size_t n, int for_s);

/* ---- normalize.c ----------------------------------------------------- */

/* Scratch code-point buffer for the Unicode path, grown in the arena. */
typedef struct sr_norm_scratch {
    sr_arena *arena;
    int32_t *cp;
    size_t cap;
} sr_norm_scratch;

/*
 * Fast path: ASCII plus the common typographic quotes, dashes, ellipsis
 * and no-break space. Writes the normalized form of s[0, n) to out (room
 * for n + 1 bytes, NUL-terminated) and returns its length, or -1 if s holds
 * any other non-ASCII character. Whitespace runs collapse to one space and
 * are trimmed at both ends. *flags receives the word flags (WORD, NUMBER,
 * CAP, ALLCAPS) of s.
 */
long sr_norm_fast(const char *s, size_t n, char *out, uint16_t *flags);

/* Unicode path, step 1: the code points of the normalized form (before
 * upper-casing and the multi-letter expansions) into sc->cp. Returns how
 * many. */
size_t sr_norm_codepoints(sr_norm_scratch *sc, const char *s, size_t n);

/* Step 2: upper-case, expand (ß -> SS, æ -> AE, ...), collapse spaces, and
 * encode into out, which needs room for 4 * ncp + 1 bytes. Returns the
 * length written (NUL not counted). */
size_t sr_norm_encode(const int32_t *cp, size_t ncp, char *out);

/* Word flags of s[0, n) for text with non-ASCII characters. */
uint16_t sr_word_flags(const char *s, size_t n);

#endif
