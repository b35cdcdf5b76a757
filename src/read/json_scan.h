/*
 * json_scan: a strict, allocation-free reader for one JSON object, the fast
 * path for JSON lines. It checks the whole text (RFC 8259, plus the limits
 * jansson enforces: nesting depth, 64-bit integers, finite reals, no NUL in
 * keys) and reports each top-level member as a span of the input, so only
 * the members a caller wants are ever decoded.
 *
 * Anything it refuses, jansson parses again to explain (see jsonl.c), so it
 * never needs error messages of its own.
 */
#ifndef SR_READ_JSON_SCAN_H
#define SR_READ_JSON_SCAN_H

#include <stddef.h>

#include "util/buf.h"

typedef enum js_kind { JS_NULL, JS_FALSE, JS_TRUE, JS_NUMBER, JS_STRING, JS_OBJECT, JS_ARRAY } js_kind;

typedef struct js_value {
    js_kind kind;
    const char *raw; /* strings: between the quotes; others: the whole value */
    size_t len;
    int escaped;     /* strings: holds a backslash escape */
} js_value;

/* Called for each member of the object, in order. key is decoded when it
 * is short; a long escaped key is passed raw (it matches nothing). */
typedef void (*js_member_fn)(const char *key, size_t key_len, const js_value *v, void *ctx);

enum {
    JS_OK = 0,
    JS_EINVALID = -1, /* not one valid JSON object (or beyond the limits) */
    JS_EUTF8 = -2     /* a string holds invalid UTF-8 */
};

/* Scan s[0..n) as one JSON object, white space around it allowed. */
int js_scan_object(const char *s, size_t n, js_member_fn fn, void *ctx);

/* Decode the string value v (JS_STRING) into out, which has room for
 * v->len + 1 bytes (an escape is never shorter than what it stands for);
 * NUL-terminates it and returns its length. \u0000 is dropped since
 * documents are C strings. */
size_t js_decode_into(const js_value *v, char *out);
/* Append the decoded string value v (JS_STRING) to out; \u0000 is dropped
 * since documents are C strings. */
void js_decode_string(const js_value *v, sr_buf *out);

#endif
