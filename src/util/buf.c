#include "util/buf.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8_seq.h"

static void die_oom(void)
{
    fputs("sitrep: out of memory\n", stderr);
    abort();
}

void sr_buf_init(sr_buf *b)
{
    b->data = NULL;
    b->len = b->cap = 0;
}

void sr_buf_free(sr_buf *b)
{
    free(b->data);
    sr_buf_init(b);
}

void sr_buf_reset(sr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *sr_buf_grow(sr_buf *b, size_t n)
{
    if (n >= SIZE_MAX / 2 - b->len)
        die_oom();
    size_t need = b->len + n + 1;
    if (need > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (cap < need)
            cap *= 2;
        char *d = realloc(b->data, cap);
        if (!d)
            die_oom();
        b->data = d;
        b->cap = cap;
    }
    b->data[b->len] = '\0'; /* keeps data a C string even before the write */
    return b->data + b->len;
}

void sr_buf_put(sr_buf *b, const void *p, size_t n)
{
    char *w = sr_buf_grow(b, n);
    if (n)
        memcpy(w, p, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void sr_buf_puts(sr_buf *b, const char *s)
{
    sr_buf_put(b, s, strlen(s));
}

void sr_buf_putc(sr_buf *b, char c)
{
    char *w = sr_buf_grow(b, 1);
    w[0] = c;
    w[1] = '\0';
    b->len++;
}

void sr_buf_vprintf(sr_buf *b, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    char *w = sr_buf_grow(b, 64);
    size_t room = b->cap - b->len;
    int n = vsnprintf(w, room, fmt, ap);
    if (n < 0)
        die_oom(); /* only an encoding error or EOVERFLOW: not recoverable here */
    if ((size_t)n >= room) {
        w = sr_buf_grow(b, (size_t)n);
        vsnprintf(w, (size_t)n + 1, fmt, again);
    }
    va_end(again);
    b->len += (size_t)n;
}

void sr_buf_printf(sr_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    sr_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* Bytes that may appear in a JSON string as they are. */
static int json_plain(unsigned char c)
{
    return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR at s (3 bytes). */
static int js_line_end(const unsigned char *s)
{
    return s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0xA8 || s[2] == 0xA9);
}

void sr_buf_json_str(sr_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;

    sr_buf_putc(b, '"');
    while (i < n) {
        /* copy the longest run that needs no escaping in one go */
        size_t run = i, bad = 0, len = 0;
        while (run < n) {
            if (json_plain(u[run])) {
                run++;
                continue;
            }
            if (u[run] < 0x80)
                break;
            len = sr_utf8_seq(u + run, n - run, &bad);
            if (!len || (len == 3 && js_line_end(u + run)))
                break;
            run += len;
        }
        if (run > i) {
            sr_buf_put(b, u + i, run - i);
            i = run;
            if (i == n)
                break;
        }
        unsigned char c = u[i];
        if (c >= 0x80) {
            if (len) { /* U+2028 or U+2029 */
                sr_buf_put(b, u[i + 2] == 0xA8 ? "\\u2028" : "\\u2029", 6);
                i += 3;
            } else {
                sr_buf_put(b, "\\ufffd", 6);
                i += bad;
            }
            continue;
        }
        char esc[6] = {'\\', 0};
        size_t elen = 2;
        switch (c) {
        case '"': esc[1] = '"'; break;
        case '\\': esc[1] = '\\'; break;
        case '\n': esc[1] = 'n'; break;
        case '\t': esc[1] = 't'; break;
        case '\r': esc[1] = 'r'; break;
        case '\b': esc[1] = 'b'; break;
        case '\f': esc[1] = 'f'; break;
        default:
            memcpy(esc + 1, "u00", 3);
            esc[4] = hex[c >> 4];
            esc[5] = hex[c & 15];
            elen = 6;
        }
        sr_buf_put(b, esc, elen);
        i++;
    }
    sr_buf_putc(b, '"');
}

void sr_buf_json_strz(sr_buf *b, const char *s)
{
    if (s)
        sr_buf_json_str(b, s, strlen(s));
    else
        sr_buf_put(b, "null", 4);
}

size_t sr_fmt_uint(char out[21], unsigned long long v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = tmp[n - 1 - i];
    out[n] = '\0';
    return n;
}

void sr_buf_put_uint(sr_buf *b, unsigned long long v)
{
    char digits[21];
    sr_buf_put(b, digits, sr_fmt_uint(digits, v));
}

void sr_buf_put_fixed(sr_buf *b, double v, int decimals)
{
    static const double scale[] = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    if (decimals < 0 || decimals > 9 || !(v == v) || v > 1e9 || v < -1e9) {
        sr_buf_printf(b, "%.*f", decimals < 0 ? 0 : decimals > 9 ? 9 : decimals, v);
        return;
    }
    int neg = v < 0;
    double scaled = (neg ? -v : v) * scale[decimals] + 0.5;
    unsigned long long units = (unsigned long long)scaled;
    unsigned long long whole = units / (unsigned long long)scale[decimals];
    unsigned long long frac = units % (unsigned long long)scale[decimals];
    if (neg && units)
        sr_buf_putc(b, '-');
    sr_buf_put_uint(b, whole);
    if (decimals) {
        char digits[10];
        for (int i = decimals - 1; i >= 0; i--) {
            digits[i] = (char)('0' + frac % 10);
            frac /= 10;
        }
        sr_buf_putc(b, '.');
        sr_buf_put(b, digits, (size_t)decimals);
    }
}

void sr_buf_json_span(sr_buf *b, unsigned long start, unsigned long end)
{
    sr_buf_putc(b, '[');
    sr_buf_put_uint(b, start);
    sr_buf_putc(b, ',');
    sr_buf_put_uint(b, end);
    sr_buf_putc(b, ']');
}

void sr_buf_json_number(sr_buf *b, double v)
{
    if (isnan(v) || isinf(v))
        sr_buf_puts(b, "null");
    else
        sr_buf_printf(b, "%.15g", v);
}
