/*
 * Plain-text articles:
 *
 *     Syrian troops advance on Idlib          <- title: first non-empty line
 *     Source: Example News                    <- optional header lines,
 *     Date: 2018-09-14                           keys in any case
 *
 *     The body, as written ...
 *
 * The document text is the title, a blank line and the body, so the title
 * is coded with the rest and every offset points into one string.
 */
#include "read/read_internal.h"

#include <string.h>
#include <strings.h>

/* If line [s, e) is "Key: value" for key, set the value span. */
static int header(const char *s, const char *e, const char *key, const char **vs, const char **ve)
{
    size_t k = strlen(key);
    if ((size_t)(e - s) <= k || strncasecmp(s, key, k) != 0 || s[k] != ':')
        return 0;
    *vs = s + k + 1;
    *ve = e;
    sr_trim(vs, ve);
    return 1;
}

int sr_read_txt(sr_reader *r, const char *name, const char *buf, size_t len)
{
    sr_buf_reset(&r->text);
    if (sr_text_decode(&r->text, buf, len) == SR_ENC_BINARY) {
        sr_reader_fail(r, name, 0, "not text (binary data)");
        return SR_READ_SKIP;
    }
    const char *p = r->text.data, *end = p + r->text.len;

    /* the title: the first line that is not blank */
    const char *ts = NULL, *te = NULL;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        ts = p;
        te = le;
        sr_trim(&ts, &te);
        p = nl ? nl + 1 : end;
        if (ts < te)
            break;
        ts = NULL;
    }
    if (!ts) {
        sr_reader_fail(r, name, 0, "no text");
        return 0;
    }

    /* header lines, blank lines between them allowed */
    sr_doc d = {0};
    char date[11];
    const char *body = p;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *ls = p, *le = nl ? nl : end, *vs, *ve;
        sr_trim(&ls, &le);
        if (ls == le) {
            /* blank */
        } else if (header(ls, le, "source", &vs, &ve)) {
            d.source = vs < ve ? sr_arena_strndup(r->arena, vs, (size_t)(ve - vs)) : NULL;
        } else if (header(ls, le, "date", &vs, &ve)) {
            d.date = sr_date_normalize(vs, (size_t)(ve - vs), date) ? date : NULL;
        } else if (header(ls, le, "url", &vs, &ve)) {
            d.url = vs < ve ? sr_arena_strndup(r->arena, vs, (size_t)(ve - vs)) : NULL;
        } else {
            break;
        }
        p = nl ? nl + 1 : end;
        body = p;
    }

    /* the body: from its first non-blank line, trailing space dropped */
    const char *be = end;
    while (be > body && sr_is_space(be[-1]))
        be--;
    sr_buf_reset(&r->doc);
    sr_buf_put(&r->doc, ts, (size_t)(te - ts));
    if (be > body) {
        sr_buf_put(&r->doc, "\n\n", 2);
        sr_buf_put(&r->doc, body, (size_t)(be - body));
    }
    d.title = sr_arena_strndup(r->arena, ts, (size_t)(te - ts));
    d.text = r->doc.data;
    d.text_len = r->doc.len;
    d.path = name;
    return sr_reader_emit(r, &d);
}
