/*
 * buf: a growable byte buffer, the one output accumulator every writer
 * uses (JSON lines, reports, messages).
 *
 * data is NULL until the first write (or grow) and a NUL-terminated string
 * from then on, so a buffer of text can be handed on as a C string. len never counts that
 * NUL. Out-of-memory aborts the process, as the arena does: writers have no
 * error path for it.
 *
 * Ownership: the caller owns the struct (usually on the stack or inside a
 * handle) and releases its memory with sr_buf_free. Not thread-safe.
 */
#ifndef SR_UTIL_BUF_H
#define SR_UTIL_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct sr_buf {
    char *data;
    size_t len, cap;
} sr_buf;

#define SR_BUF_INIT {NULL, 0, 0}

void sr_buf_init(sr_buf *b);
void sr_buf_free(sr_buf *b);
/* Empty the buffer but keep its memory for reuse. */
void sr_buf_reset(sr_buf *b);

/* Make room for n more bytes (plus the NUL) and return where they go; the
 * caller writes up to n bytes there and then adds what it wrote to len. */
char *sr_buf_grow(sr_buf *b, size_t n);

void sr_buf_put(sr_buf *b, const void *p, size_t n);
void sr_buf_puts(sr_buf *b, const char *s);
void sr_buf_putc(sr_buf *b, char c);
void sr_buf_printf(sr_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void sr_buf_vprintf(sr_buf *b, const char *fmt, va_list ap);

/* Append a number in decimal without printf (the writers' hot path). */
void sr_buf_put_uint(sr_buf *b, unsigned long long v);
/* The same into out, NUL-terminated (20 digits at most); returns how many
 * digits it wrote. For keys and names built once per row. */
size_t sr_fmt_uint(char out[21], unsigned long long v);
/* Append v with exactly `decimals` digits after the point (0..9),
 * rounded; the same text printf("%.*f") gives for the values records
 * hold (coordinates, scores). */
void sr_buf_put_fixed(sr_buf *b, double v, int decimals);

/* Append a byte span as the JSON array "[start,end]". */
void sr_buf_json_span(sr_buf *b, unsigned long start, unsigned long end);
/* Append a number as JSON ("%.15g"); NaN and infinities, which JSON has no
 * words for, become null. */
void sr_buf_json_number(sr_buf *b, double v);

/* Append s[0..n) as a JSON string literal, quotes included: " and \ and
 * control characters escaped (\n \t \r \b \f, else \u00XX), U+2028 and
 * U+2029 escaped (JavaScript treats them as line ends), other valid UTF-8
 * passed through, and each invalid UTF-8 sequence written as \ufffd so the
 * output is always valid JSON. */
void sr_buf_json_str(sr_buf *b, const char *s, size_t n);
/* The same for a NUL-terminated string; NULL becomes null. */
void sr_buf_json_strz(sr_buf *b, const char *s);

#endif
