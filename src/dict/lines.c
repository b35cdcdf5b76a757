/*
 * Logical lines of a dictionary file. The PETRARCH formats share their
 * comment rules: '#' ends a line; a line starting with "<!" is a comment,
 * and runs on to the line holding "-->" when it does not close itself
 * ("<! --" with a space counts: PETR.Validate.actors.txt has one).
 * Blank lines mean nothing in any of the formats, so they are skipped too.
 */
#include <string.h>

#include "dict/load.h"

void sr_lines_init(sr_line_reader *r, const char *data, size_t len)
{
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) { /* a UTF-8 byte order mark */
        data += 3;
        len -= 3;
    }
    r->p = data;
    r->end = data + len;
    r->lineno = 0;
    r->in_comment = 0;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

const char *sr_trim(const char *s, size_t *n)
{
    size_t a = 0, b = *n;
    while (a < b && is_blank(s[a]))
        a++;
    while (b > a && is_blank(s[b - 1]))
        b--;
    *n = b - a;
    return s + a;
}

static int contains(const char *s, size_t n, const char *what)
{
    return memmem(s, n, what, strlen(what)) != NULL;
}

int sr_lines_next(sr_line_reader *r, const char **out, size_t *out_n, uint32_t *lineno)
{
    while (r->p < r->end) {
        const char *s = r->p;
        const char *eol = memchr(s, '\n', (size_t)(r->end - s));
        size_t n = eol ? (size_t)(eol - s) : (size_t)(r->end - s);
        r->p = eol ? eol + 1 : r->end;
        r->lineno++;

        if (r->in_comment) {
            if (contains(s, n, "-->"))
                r->in_comment = 0;
            continue;
        }
        const char *t = sr_trim(s, &n);
        if (n >= 2 && t[0] == '<' && t[1] == '!') {
            r->in_comment = !contains(t, n, "-->");
            continue;
        }
        /* "text <!-- comment" keeps the text; the comment may go on */
        const char *open = memmem(t, n, "<!--", 4);
        if (open) {
            size_t rest = n - (size_t)(open - t);
            r->in_comment = !contains(open, rest, "-->");
            n = (size_t)(open - t);
        }
        const char *hash = memchr(t, '#', n);
        if (hash)
            n = (size_t)(hash - t);
        t = sr_trim(t, &n);
        if (n == 0)
            continue;
        *out = t;
        *out_n = n;
        *lineno = r->lineno;
        return 1;
    }
    return 0;
}
