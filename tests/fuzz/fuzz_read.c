/*
 * Fuzz the document readers: every input goes through each format and
 * through the UTF-8 repair, and what comes out must keep the promises of
 * doc.h (valid UTF-8 text without NULs, an id, a well-formed date, one-line
 * messages). A broken promise aborts, so the fuzzer reports it.
 *
 * Each line also goes to json_scan (the JSON-lines fast path) and to
 * jansson, which must agree: what json_scan accepts, jansson accepts, with
 * the same "text".
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "read/json_scan.h"
#include "sitrep/doc.h"
#include "util/buf.h"
#include "util/utf8_seq.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void require(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "fuzz_read: broken promise: %s\n", what);
        abort();
    }
}

static void require_utf8(const char *s, size_t n, const char *what)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, bad;
    while (i < n) {
        size_t len = sr_utf8_seq(u + i, n - i, &bad);
        require(len != 0 && u[i] != 0, what);
        i += len;
    }
}

static void require_string(const char *s, const char *what)
{
    if (s)
        require_utf8(s, strlen(s), what);
}

static int on_doc(const sr_doc *d, void *ctx)
{
    (void)ctx;
    require(d->text != NULL, "text is set");
    require(strlen(d->text) == d->text_len, "text has no NUL and text_len is its length");
    require_utf8(d->text, d->text_len, "text is UTF-8");
    require(d->id && *d->id, "id is set");
    require(d->path && strcmp(d->path, "fuzz") == 0, "path is the buffer's name");
    if (d->date) {
        static const char shape[] = "dddd-dd-dd";
        require(strlen(d->date) == 10, "date is 10 characters");
        for (int i = 0; i < 10; i++)
            require(shape[i] == 'd' ? d->date[i] >= '0' && d->date[i] <= '9' : d->date[i] == '-',
                    "date is YYYY-MM-DD");
    }
    require_string(d->title, "title is UTF-8");
    require_string(d->source, "source is UTF-8");
    require_string(d->url, "url is UTF-8");
    require_string(d->id, "id is UTF-8");
    return 0;
}

static void on_error(const char *path, size_t line, const char *msg, void *ctx)
{
    (void)ctx;
    (void)line;
    require(strncmp(msg, path, strlen(path)) == 0, "message starts with the path");
    require(strchr(msg, '\n') == NULL, "message is one line");
}

static void on_member(const char *key, size_t key_len, const js_value *v, void *ctx)
{
    if (key_len == 4 && memcmp(key, "text", 4) == 0)
        *(js_value *)ctx = *v; /* the last one wins, as in jansson */
}

static void check_scan_agrees(const char *p, size_t n)
{
    js_value text = {JS_NULL, NULL, 0, 0};
    int rc = js_scan_object(p, n, on_member, &text);
    json_t *j = json_loadb(p, n, JSON_ALLOW_NUL, NULL);
    if (rc == JS_OK) {
        require(json_is_object(j), "json_scan accepts only objects jansson accepts");
        json_t *jt = json_object_get(j, "text");
        require((text.kind == JS_STRING) == json_is_string(jt), "same kind of text");
        if (json_is_string(jt)) {
            sr_buf ours = SR_BUF_INIT, theirs = SR_BUF_INIT;
            js_decode_string(&text, &ours);
            const char *t = json_string_value(jt);
            for (size_t i = 0; i < json_string_length(jt); i++)
                if (t[i])
                    sr_buf_putc(&theirs, t[i]);
            require(ours.len == theirs.len && (ours.len == 0 || memcmp(ours.data, theirs.data, ours.len) == 0),
                    "the same text as jansson");
            sr_buf_free(&ours);
            sr_buf_free(&theirs);
        }
    } else if (rc == JS_EUTF8) {
        require(j == NULL, "jansson refuses invalid UTF-8 too");
    }
    json_decref(j);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *p = (const char *)data, *end = p + size;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        check_scan_agrees(p, (size_t)((nl ? nl : end) - p));
        p = nl ? nl + 1 : end;
    }

    static const sr_doc_format formats[] = {SR_FORMAT_AUTO, SR_FORMAT_TXT, SR_FORMAT_JSONL,
                                            SR_FORMAT_HTML};
    sr_reader *r = sr_reader_new();
    require(r != NULL, "a reader");
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
        int rc = sr_read_buffer(r, "fuzz", (const char *)data, size, formats[i], on_doc, on_error, NULL);
        require(rc == 0 || rc == 1, "0 or 1 when no callback stops");
    }
    sr_reader_free(r);

    size_t len = 0, repaired = 0;
    char *s = sr_utf8_repair((const char *)data, size, &len, &repaired);
    require(s && strlen(s) == len, "repair gives one C string");
    require_utf8(s, len, "repair gives UTF-8");
    require(repaired <= size, "no more repairs than bytes");
    free(s);
    return 0;
}
