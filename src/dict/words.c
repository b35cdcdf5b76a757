/*
 * Dictionary words and phrases. A dictionary word must come out exactly as
 * the tokenizer's `norm` of the same word in an article, or it never
 * matches: so words are normalized by sr_text_norm and split where the
 * tokenizer splits clitics and commas ("PEOPLE'S" -> "PEOPLE" "'S",
 * "DON'T" -> "DO" "N'T", "REPUBLIC," -> "REPUBLIC" ",").
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "dict/load.h"
#include "dict/vocab.h"
#include "sitrep/text.h"

void sr_ld_warn(sr_loader *L, const char *fmt, ...)
{
    L->d->stats.warnings++;
    if (!L->warn)
        return;
    char msg[512];
    int k = snprintf(msg, sizeof msg, "%s:%u: ", L->fname ? L->fname : "?", (unsigned)L->line);
    if (k < 0 || (size_t)k >= sizeof msg)
        k = 0;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + k, sizeof msg - (size_t)k, fmt, ap);
    va_end(ap);
    L->warn(msg, L->warn_ctx);
}

const char *sr_ld_strdup(sr_loader *L, const char *s, size_t n)
{
    return sr_arena_strndup(L->arena, s, n);
}

/* Well-formed UTF-8 (no overlongs, surrogates or code points past 10FFFF). */
static int utf8_valid(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t k;
        unsigned min;
        if (c < 0x80) {
            i++;
            continue;
        } else if (c >= 0xc2 && c <= 0xdf) {
            k = 1, min = 0x80;
        } else if (c >= 0xe0 && c <= 0xef) {
            k = 2, min = 0x800;
        } else if (c >= 0xf0 && c <= 0xf4) {
            k = 3, min = 0x10000;
        } else {
            return 0;
        }
        if (i + k >= n)
            return 0;
        unsigned cp = c & (0x3fu >> k);
        for (size_t j = 1; j <= k; j++) {
            if ((s[i + j] & 0xc0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + j] & 0x3fu);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return 0;
        i += k + 1;
    }
    return 1;
}

int sr_ld_norm_word(sr_loader *L, const char *s, size_t n, char *buf)
{
    if (n == 0 || n > 4 * SR_WORD_MAX || memchr(s, '\0', n) ||
        !utf8_valid((const unsigned char *)s, n))
        return -1;
    size_t len = 0;
    char *norm = sr_text_norm(L->scratch, s, n, &len);
    int r = -1;
    if (norm && len > 0 && len <= SR_WORD_MAX) {
        memcpy(buf, norm, len);
        buf[len] = '\0';
        r = (int)len;
    }
    sr_arena_reset(L->scratch);
    return r;
}

int sr_ld_split_word(const char *w, size_t n, size_t piece[3])
{
    int np = 0, comma = 0;
    if (n > 1 && w[n - 1] == ',') {
        comma = 1;
        n--;
    }
    if (n > 3 && memcmp(w + n - 3, "N'T", 3) == 0) {
        piece[np++] = n - 3;
        piece[np++] = 3;
    } else if (n > 3 && (memcmp(w + n - 3, "'LL", 3) == 0 || memcmp(w + n - 3, "'RE", 3) == 0 ||
                         memcmp(w + n - 3, "'VE", 3) == 0)) {
        piece[np++] = n - 3;
        piece[np++] = 3;
    } else if (n > 2 && w[n - 2] == '\'' && w[n - 1] == 'S') {
        piece[np++] = n - 2;
        piece[np++] = 2;
    } else if (n > 1 && w[n - 1] == '\'' && w[n - 2] == 'S') {
        piece[np++] = n - 1;
        piece[np++] = 1;
    } else {
        piece[np++] = n;
    }
    if (comma)
        piece[np++] = 1;
    return np;
}

int sr_ld_intern_pieces(sr_loader *L, const char *w, size_t n, uint32_t out[3])
{
    size_t piece[3];
    int np = sr_ld_split_word(w, n, piece);
    size_t at = 0;
    for (int i = 0; i < np; i++) {
        out[i] = sr_vocab_intern(L->d->vocab, w + at, piece[i]);
        at += piece[i];
    }
    return np;
}

static int is_sep(char c)
{
    return c == '_' || c == ' ' || c == '\t' || c == '\r';
}

int sr_ld_phrase(sr_loader *L, const char *s, size_t n, unsigned flags, sr_phrase *out)
{
    char buf[SR_WORD_MAX + 1];
    out->n = 0;
    s = sr_trim(s, &n);
    out->exact_end = n > 0 && s[n - 1] == '_';
    int last_split = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && is_sep(s[i]))
            i++;
        if (i >= n)
            break;
        size_t start = i;
        while (i < n && !is_sep(s[i]))
            i++;
        int len = sr_ld_norm_word(L, s + start, i - start, buf);
        if (len < 0) {
            sr_ld_warn(L, "bad word \"%.*s\" (too long or not UTF-8); line skipped",
                       (int)(i - start > 40 ? 40 : i - start), s + start);
            return -1;
        }
        uint32_t ids[3];
        int np = sr_ld_intern_pieces(L, buf, (size_t)len, ids);
        if (out->n + (size_t)np > SR_PHRASE_MAX) {
            sr_ld_warn(L, "phrase longer than %d words; line skipped", SR_PHRASE_MAX);
            return -1;
        }
        for (int k = 0; k < np; k++) {
            out->w[out->n].id = ids[k];
            out->w[out->n].stem = 0;
            out->n++;
        }
        last_split = np > 1;
    }
    if (out->n == 0) {
        sr_ld_warn(L, "empty phrase; line skipped");
        return -1;
    }
    if ((flags & SR_PH_STEM_LAST) && !out->exact_end && !last_split)
        out->w[out->n - 1].stem =
            (uint8_t)sr_vocab_mark_stem(L->d->vocab, out->w[out->n - 1].id);
    return 0;
}

int sr_ld_code(const char *s, size_t n, char code[SR_CODE_MAX])
{
    s = sr_trim(s, &n);
    if (n >= SR_CODE_MAX)
        return -1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        code[i] = (c >= 'a' && c <= 'z') ? (char)(c - 'a' + 'A') : c;
    }
    code[n] = '\0';
    return (int)n;
}
