/*
 * utf8_seq: the one definition of a well-formed UTF-8 sequence (Unicode
 * Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF), shared by
 * the JSON writer and the readers' repair.
 */
#ifndef SR_UTIL_UTF8_SEQ_H
#define SR_UTIL_UTF8_SEQ_H

#include <stddef.h>
#include <stdint.h>

/*
 * Length of the well-formed sequence at s (1 to 4), given n >= 1 bytes
 * available; or 0 when it is ill-formed, with *bad set to the length of its
 * maximal subpart (the bytes to replace with one U+FFFD, at least 1).
 */
static inline size_t sr_utf8_seq(const unsigned char *s, size_t n, size_t *bad)
{
    unsigned c = s[0];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF; /* allowed range of the second byte */

    if (c < 0x80)
        return 1;
    if (c < 0xC2) {
        *bad = 1;
        return 0;
    }
    if (c < 0xE0) {
        len = 2;
    } else if (c < 0xF0) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
    } else if (c < 0xF5) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
    } else {
        *bad = 1;
        return 0;
    }
    size_t i = 1;
    if (i < n && s[i] >= lo && s[i] <= hi) {
        for (i = 2; i < len && i < n && (s[i] & 0xC0) == 0x80; i++)
            ;
    }
    if (i == len)
        return len;
    *bad = i;
    return 0;
}

/* Write code point cp (at most U+10FFFF, not a surrogate) as UTF-8 at w;
 * returns the bytes written (1 to 4). */
static inline size_t sr_utf8_put(char *w, uint32_t cp)
{
    if (cp < 0x80) {
        w[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        w[0] = (char)(0xC0 | cp >> 6);
        w[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        w[0] = (char)(0xE0 | cp >> 12);
        w[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        w[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    w[0] = (char)(0xF0 | cp >> 18);
    w[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    w[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    w[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

#endif
