/*
 * The reader: its buffers, how a finished document is handed out, how a
 * bad one is reported, and which format parses an in-memory buffer.
 */
#include "read/read_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/sitrep.h"
#include "util/sha256.h"

/* Documents are small; gumbo's tree of one page fits in a few chunks. */
#define READER_ARENA_CHUNK (256 * 1024)

void sr_doc_copy(sr_arena *a, const sr_doc *doc, sr_doc *out)
{
    out->id = sr_arena_strdup(a, doc->id);
    out->url = sr_arena_strdup(a, doc->url);
    out->source = sr_arena_strdup(a, doc->source);
    out->date = sr_arena_strdup(a, doc->date);
    out->title = sr_arena_strdup(a, doc->title);
    out->text = sr_arena_strndup(a, doc->text, doc->text_len);
    out->text_len = doc->text_len;
    out->path = sr_arena_strdup(a, doc->path);
    out->line = doc->line;
}

sr_reader *sr_reader_new(void)
{
    sr_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->arena = sr_arena_new(READER_ARENA_CHUNK);
    if (!r->arena) {
        free(r);
        return NULL;
    }
    return r;
}

void sr_reader_free(sr_reader *r)
{
    if (!r)
        return;
    sr_buf_free(&r->raw);
    sr_buf_free(&r->text);
    sr_buf_free(&r->body);
    sr_buf_free(&r->doc);
    sr_buf_free(&r->msg);
    free(r->line);
    sr_arena_free(r->arena);
    free(r);
}

int sr_reader_emit(sr_reader *r, sr_doc *d)
{
    char id[17];
    if (!d->id || !*d->id) {
        sr_sha256_hex(d->text, d->text_len, id, 16);
        d->id = id;
    }
    int rc = r->on_doc ? r->on_doc(d, r->ctx) : 0;
    sr_arena_reset(r->arena);
    if (rc == 0)
        return 0;
    return rc < 0 ? rc : SR_EINVAL;
}

void sr_reader_fail(sr_reader *r, const char *path, size_t line, const char *fmt, ...)
{
    va_list ap;
    sr_buf_reset(&r->msg);
    if (line)
        sr_buf_printf(&r->msg, "%s:%zu: ", path, line);
    else
        sr_buf_printf(&r->msg, "%s: ", path);
    va_start(ap, fmt);
    sr_buf_vprintf(&r->msg, fmt, ap);
    va_end(ap);
    /* the message is one line whatever the input held */
    for (size_t i = 0; i < r->msg.len; i++)
        if (r->msg.data[i] == '\n' || r->msg.data[i] == '\r')
            r->msg.data[i] = ' ';
    r->bad = 1;
    if (r->on_error)
        r->on_error(path, line, r->msg.data, r->ctx);
    sr_arena_reset(r->arena);
}

/* The format of a buffer by its first significant byte. */
static sr_doc_format sniff(const char *buf, size_t len)
{
    size_t i = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    while (i < len && sr_is_space(buf[i]))
        i++;
    if (i < len && (buf[i] == '{' || buf[i] == '['))
        return SR_FORMAT_JSONL;
    if (i < len && buf[i] == '<')
        return SR_FORMAT_HTML;
    return SR_FORMAT_TXT;
}

int sr_read_dispatch(sr_reader *r, const char *name, const char *buf, size_t len,
                     sr_doc_format fmt, int json_whole)
{
    if (fmt == SR_FORMAT_AUTO) {
        fmt = sniff(buf, len);
        json_whole = 1;
    }
    switch (fmt) {
    case SR_FORMAT_JSONL:
        return sr_read_jsonl(r, name, buf, len, json_whole);
    case SR_FORMAT_HTML:
        return sr_read_html(r, name, buf, len);
    default:
        return sr_read_txt(r, name, buf, len);
    }
}

void sr_reader_begin(sr_reader *r, sr_doc_fn on_doc, sr_doc_error_fn on_error, void *ctx)
{
    r->on_doc = on_doc;
    r->on_error = on_error;
    r->ctx = ctx;
    r->bad = 0;
}

int sr_read_buffer(sr_reader *r, const char *name, const char *buf, size_t len,
                   sr_doc_format fmt, sr_doc_fn on_doc, sr_doc_error_fn on_error, void *ctx)
{
    sr_reader_begin(r, on_doc, on_error, ctx);
    if (!name)
        name = "-";
    int rc = sr_read_dispatch(r, name, buf ? buf : "", buf ? len : 0, fmt, 0);
    if (rc < 0)
        return rc;
    return r->bad ? 1 : 0;
}
