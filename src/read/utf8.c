/*
 * Text decoding: what bytes a news file holds and how they become UTF-8.
 *
 * Non-UTF-8 news is almost always Windows-1252 (or Latin-1, which it
 * contains), so that is the one fallback; anything else gets U+FFFD for
 * each bad sequence. Binary data is refused rather than turned into a
 * document of replacement characters.
 */
#include "read/read_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8_seq.h"

/* Windows-1252 0x80-0x9F; 0 marks the five bytes it leaves undefined. */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

static int is_c0_control(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

/* What one pass over the bytes finds. */
typedef struct scan {
    size_t controls;  /* C0 controls other than \t \n \r (NUL included) */
    size_t multibyte; /* well-formed sequences of 2-4 bytes */
    size_t invalid;   /* ill-formed sequences (maximal subparts) */
    size_t cr, nul;
    int cp1252_undefined; /* a byte Windows-1252 does not define */
} scan;

static void scan_bytes(const unsigned char *s, size_t n, scan *sc)
{
    memset(sc, 0, sizeof *sc);
    size_t i = 0;
    while (i < n) {
        /* skip eight bytes of printable ASCII at a time: no byte has the
         * high bit set and none is below 0x20 */
        if (n - i >= 8) {
            uint64_t x;
            memcpy(&x, s + i, 8);
            const uint64_t high = 0x8080808080808080ull, low = 0x2020202020202020ull;
            if (((x | ((x - low) & ~x)) & high) == 0) {
                i += 8;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c < 0x20) {
                sc->controls += is_c0_control(c);
                sc->cr += c == '\r';
                sc->nul += c == '\0';
            }
            i++;
            continue;
        }
        size_t bad = 0, len = sr_utf8_seq(s + i, n - i, &bad);
        size_t span = len ? len : bad;
        /* Windows-1252 would have to read every one of these bytes */
        for (size_t k = 0; k < span; k++)
            if (s[i + k] >= 0x80 && s[i + k] <= 0x9F && !cp1252_high[s[i + k] - 0x80])
                sc->cp1252_undefined = 1;
        if (len)
            sc->multibyte++;
        else
            sc->invalid++;
        i += span;
    }
}

int sr_text_is_binary(const char *src, size_t len)
{
    scan sc;
    scan_bytes((const unsigned char *)src, len, &sc);
    return sc.controls > len / 20;
}

/* Copy valid UTF-8 with CRLF/CR -> LF and NULs dropped. */
static void copy_normalized(sr_buf *out, const char *s, size_t n)
{
    char *w = sr_buf_grow(out, n), *w0 = w;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\r') {
            *w++ = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else if (c != '\0') {
            *w++ = c;
        }
    }
    out->len += (size_t)(w - w0);
    out->data[out->len] = '\0';
}

static size_t repair_into(sr_buf *out, const unsigned char *s, size_t n)
{
    size_t repaired = 0;
    /* each bad byte becomes at most 3 bytes of U+FFFD */
    if (n > SIZE_MAX / 3)
        abort();
    char *w = sr_buf_grow(out, 3 * n), *w0 = w;
    size_t i = 0;
    while (i < n) {
        unsigned char c = s[i];
        if (c < 0x80) {
            if (c == '\r') {
                *w++ = '\n';
                if (i + 1 < n && s[i + 1] == '\n')
                    i++;
            } else if (c != '\0') {
                *w++ = (char)c;
            }
            i++;
            continue;
        }
        size_t bad = 0, len = sr_utf8_seq(s + i, n - i, &bad);
        if (len) {
            memcpy(w, s + i, len);
            w += len;
            i += len;
        } else {
            w += sr_utf8_put(w, 0xFFFD);
            repaired++;
            i += bad;
        }
    }
    out->len += (size_t)(w - w0);
    out->data[out->len] = '\0';
    return repaired;
}

static void cp1252_into(sr_buf *out, const unsigned char *s, size_t n)
{
    if (n > SIZE_MAX / 3)
        abort();
    char *w = sr_buf_grow(out, 3 * n), *w0 = w;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == '\r') {
            *w++ = '\n';
            if (i + 1 < n && s[i + 1] == '\n')
                i++;
        } else if (c < 0x80) {
            *w++ = (char)c;
        } else {
            uint32_t cp = c <= 0x9F ? cp1252_high[c - 0x80] : c;
            w += sr_utf8_put(w, cp ? cp : 0xFFFD); /* undefined: ruled out by the scan */
        }
    }
    out->len += (size_t)(w - w0);
    out->data[out->len] = '\0';
}

/* UTF-16 with a byte-order mark, as some Windows tools save text. */
static void utf16_into(sr_buf *out, const unsigned char *s, size_t n, int big_endian)
{
    sr_buf tmp = SR_BUF_INIT;
    char *w = sr_buf_grow(&tmp, 2 * n), *w0 = w;
    for (size_t i = 0; i + 1 < n; i += 2) {
        uint32_t u = big_endian ? (uint32_t)(s[i] << 8 | s[i + 1]) : (uint32_t)(s[i + 1] << 8 | s[i]);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < n) {
            uint32_t lo = big_endian ? (uint32_t)(s[i + 2] << 8 | s[i + 3])
                                     : (uint32_t)(s[i + 3] << 8 | s[i + 2]);
            if (lo >= 0xDC00 && lo <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                i += 2;
            }
        }
        if (u >= 0xD800 && u <= 0xDFFF)
            u = 0xFFFD;
        w += sr_utf8_put(w, u);
    }
    tmp.len = (size_t)(w - w0);
    copy_normalized(out, tmp.data, tmp.len);
    sr_buf_free(&tmp);
}

sr_text_encoding sr_text_decode(sr_buf *out, const char *src, size_t len)
{
    const unsigned char *s = (const unsigned char *)src;
    if (len >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
        utf16_into(out, s + 2, len - 2, s[0] == 0xFE);
        return SR_ENC_UTF8;
    }
    if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        s += 3;
        len -= 3;
    }
    scan sc;
    scan_bytes(s, len, &sc);
    if (sc.controls > len / 20) {
        sr_buf_grow(out, 0); /* data is a valid empty string even then */
        return SR_ENC_BINARY;
    }
    if (!sc.invalid) {
        if (!sc.cr && !sc.nul)
            sr_buf_put(out, s, len);
        else
            copy_normalized(out, (const char *)s, len);
        return SR_ENC_UTF8;
    }
    /* Windows-1252 text hardly ever holds a well-formed multibyte UTF-8
     * sequence by chance, while UTF-8 with a damaged byte holds many. */
    if (sc.multibyte <= sc.invalid && !sc.cp1252_undefined && !sc.controls) {
        cp1252_into(out, s, len);
        return SR_ENC_CP1252;
    }
    repair_into(out, s, len);
    return SR_ENC_REPAIRED;
}

char *sr_utf8_repair(const char *src, size_t len, size_t *out_len, size_t *n_repaired)
{
    sr_buf b = SR_BUF_INIT;
    size_t n = repair_into(&b, (const unsigned char *)src, len);
    if (out_len)
        *out_len = b.len;
    if (n_repaired)
        *n_repaired = n;
    return b.data;
}
