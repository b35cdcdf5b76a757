#include "read/json_scan.h"

#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/utf8_seq.h"

/* jansson's JSON_PARSER_MAX_DEPTH */
#define JS_MAX_DEPTH 2048
#define JS_KEY_MAX 64

typedef struct js {
    const unsigned char *p, *end;
    int depth;
    int err;
} js;

static int js_fail(js *j, int err)
{
    if (!j->err)
        j->err = err;
    return err;
}

static void skip_ws(js *j)
{
    while (j->p < j->end && (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r'))
        j->p++;
}

static int hex4(const unsigned char *p, uint32_t *out)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= c - '0';
        else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
            v |= (c | 0x20) - 'a' + 10;
        else
            return 0;
    }
    *out = v;
    return 1;
}

/* Bytes a string may hold as they are, as a 256-entry table: not a control,
 * not a quote or backslash, and ASCII (other bytes take the UTF-8 check). */
static const unsigned char plain[256] = {
#define R16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
    R16(0), R16(0),
    1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: '"' */
    R16(1), R16(1),
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: '\\' */
    R16(1), R16(1),
    R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0), R16(0),
#undef R16
};

/* A string, the opening quote at j->p. */
static int scan_string(js *j, js_value *v, int is_key)
{
    const unsigned char *p = j->p + 1, *end = j->end;
    v->kind = JS_STRING;
    v->raw = (const char *)p;
    v->escaped = 0;
    for (;;) {
        while (p < end && plain[*p])
            p++;
        if (p >= end)
            return js_fail(j, JS_EINVALID);
        unsigned c = *p;
        if (c == '"')
            break;
        if (c < 0x20)
            return js_fail(j, JS_EINVALID);
        if (c == '\\') {
            v->escaped = 1;
            if (end - p < 2)
                return js_fail(j, JS_EINVALID);
            switch (p[1]) {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
                p += 2;
                continue;
            case 'u':
                break;
            default:
                return js_fail(j, JS_EINVALID);
            }
            uint32_t u, lo;
            if (end - p < 6 || !hex4(p + 2, &u))
                return js_fail(j, JS_EINVALID);
            p += 6;
            if (u >= 0xDC00 && u <= 0xDFFF)
                return js_fail(j, JS_EINVALID); /* a low surrogate alone */
            if (u >= 0xD800 && u <= 0xDBFF) {
                if (end - p < 6 || p[0] != '\\' || p[1] != 'u' || !hex4(p + 2, &lo) ||
                    lo < 0xDC00 || lo > 0xDFFF)
                    return js_fail(j, JS_EINVALID);
                p += 6;
            }
            if (u == 0 && is_key)
                return js_fail(j, JS_EINVALID); /* jansson: no NUL in keys */
            continue;
        }
        size_t bad, len = sr_utf8_seq(p, (size_t)(end - p), &bad);
        if (!len)
            return js_fail(j, JS_EUTF8);
        p += len;
    }
    v->len = (size_t)(p - (const unsigned char *)v->raw);
    j->p = p + 1;
    return JS_OK;
}

static int scan_number(js *j, js_value *v)
{
    const unsigned char *p = j->p, *end = j->end, *start = p;
    int real = 0;
    if (p < end && *p == '-')
        p++;
    if (p >= end || *p < '0' || *p > '9')
        return js_fail(j, JS_EINVALID);
    if (*p == '0')
        p++;
    else
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    if (p < end && *p == '.') {
        real = 1;
        p++;
        if (p >= end || *p < '0' || *p > '9')
            return js_fail(j, JS_EINVALID);
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        real = 1;
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9')
            return js_fail(j, JS_EINVALID);
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    /* jansson refuses integers beyond 64 bits and reals beyond double */
    size_t len = (size_t)(p - start);
    char tmp[64];
    if (len >= sizeof tmp)
        return js_fail(j, JS_EINVALID); /* let jansson judge such a number */
    memcpy(tmp, start, len);
    tmp[len] = '\0';
    errno = 0;
    if (real) {
        double d = strtod(tmp, NULL);
        if (isinf(d))
            return js_fail(j, JS_EINVALID);
    } else {
        (void)strtoll(tmp, NULL, 10);
        if (errno == ERANGE)
            return js_fail(j, JS_EINVALID);
    }
    v->kind = JS_NUMBER;
    v->raw = (const char *)start;
    v->len = len;
    j->p = p;
    return JS_OK;
}

static int scan_value(js *j, js_value *v);

static int literal(js *j, const char *word, js_kind kind, js_value *v)
{
    size_t n = strlen(word);
    if ((size_t)(j->end - j->p) < n || memcmp(j->p, word, n) != 0)
        return js_fail(j, JS_EINVALID);
    v->kind = kind;
    v->raw = (const char *)j->p;
    v->len = n;
    j->p += n;
    return JS_OK;
}

/* The members of an object, the '{' at j->p; fn (when not NULL) sees each. */
static int scan_members(js *j, js_member_fn fn, void *ctx)
{
    char key[JS_KEY_MAX];
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == '}') {
        j->p++;
        return JS_OK;
    }
    for (;;) {
        js_value k, v;
        if (j->p >= j->end || *j->p != '"' || scan_string(j, &k, 1))
            return js_fail(j, JS_EINVALID);
        skip_ws(j);
        if (j->p >= j->end || *j->p != ':')
            return js_fail(j, JS_EINVALID);
        j->p++;
        skip_ws(j);
        if (scan_value(j, &v))
            return j->err;
        if (fn) {
            const char *kp = k.raw;
            size_t kn = k.len;
            if (k.escaped && k.len < JS_KEY_MAX) {
                kn = js_decode_into(&k, key);
                kp = key;
            }
            fn(kp, kn, &v, ctx);
        }
        skip_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            skip_ws(j);
            continue;
        }
        if (j->p < j->end && *j->p == '}') {
            j->p++;
            return JS_OK;
        }
        return js_fail(j, JS_EINVALID);
    }
}

static int scan_elements(js *j)
{
    j->p++;
    skip_ws(j);
    if (j->p < j->end && *j->p == ']') {
        j->p++;
        return JS_OK;
    }
    for (;;) {
        js_value v;
        if (scan_value(j, &v))
            return j->err;
        skip_ws(j);
        if (j->p < j->end && *j->p == ',') {
            j->p++;
            skip_ws(j);
            continue;
        }
        if (j->p < j->end && *j->p == ']') {
            j->p++;
            return JS_OK;
        }
        return js_fail(j, JS_EINVALID);
    }
}

static int scan_value(js *j, js_value *v)
{
    if (j->p >= j->end)
        return js_fail(j, JS_EINVALID);
    const unsigned char *start = j->p;
    int rc;
    switch (*j->p) {
    case '"':
        return scan_string(j, v, 0);
    case '{':
    case '[':
        if (++j->depth > JS_MAX_DEPTH)
            return js_fail(j, JS_EINVALID);
        rc = *j->p == '{' ? scan_members(j, NULL, NULL) : scan_elements(j);
        j->depth--;
        if (rc)
            return rc;
        v->kind = *start == '{' ? JS_OBJECT : JS_ARRAY;
        v->raw = (const char *)start;
        v->len = (size_t)(j->p - start);
        v->escaped = 0;
        return JS_OK;
    case 't':
        return literal(j, "true", JS_TRUE, v);
    case 'f':
        return literal(j, "false", JS_FALSE, v);
    case 'n':
        return literal(j, "null", JS_NULL, v);
    default:
        return scan_number(j, v);
    }
}

int js_scan_object(const char *s, size_t n, js_member_fn fn, void *ctx)
{
    js j = {(const unsigned char *)s, (const unsigned char *)s + n, 1, 0};
    skip_ws(&j);
    if (j.p >= j.end || *j.p != '{')
        return JS_EINVALID;
    if (scan_members(&j, fn, ctx))
        return j.err;
    skip_ws(&j);
    return j.p == j.end ? JS_OK : JS_EINVALID;
}

size_t js_decode_into(const js_value *v, char *out)
{
    const char *p = v->raw, *end = v->raw + v->len;
    char *w = out;
    while (p < end) {
        const char *bs = v->escaped ? memchr(p, '\\', (size_t)(end - p)) : NULL;
        size_t run = (size_t)((bs ? bs : end) - p);
        memcpy(w, p, run);
        w += run;
        p += run;
        if (!bs)
            break;
        char c = p[1];
        p += 2;
        switch (c) {
        case 'b': *w++ = '\b'; break;
        case 'f': *w++ = '\f'; break;
        case 'n': *w++ = '\n'; break;
        case 'r': *w++ = '\r'; break;
        case 't': *w++ = '\t'; break;
        case 'u': {
            uint32_t u = 0, lo = 0;
            hex4((const unsigned char *)p, &u);
            p += 4;
            if (u >= 0xD800 && u <= 0xDBFF) {
                hex4((const unsigned char *)p + 2, &lo);
                p += 6;
                u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
            }
            if (u)
                w += sr_utf8_put(w, u);
            break;
        }
        default: /* " \\ / */
            *w++ = c;
        }
    }
    *w = '\0';
    return (size_t)(w - out);
}

void js_decode_string(const js_value *v, sr_buf *out)
{
    char *w = sr_buf_grow(out, v->len);
    out->len += js_decode_into(v, w);
}
