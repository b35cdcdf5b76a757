/*
 * escape: article text made safe for the page it lands on.
 *
 * Everything a report prints from the store came from the articles (or a
 * feed's metadata) and is treated as hostile: HTML gets it escaped, so a
 * "<script>" in a title stays text; Markdown gets the characters that
 * would open markup or close a table cell escaped, and raw HTML cannot
 * pass through a Markdown renderer either. Only http(s) addresses become
 * links ("javascript:" from a feed is text).
 */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "report/report_internal.h"

void rep_html(sr_buf *b, const char *s)
{
    if (!s)
        return;
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default:
            /* C0 controls other than tab and newline are not allowed in
             * HTML text: a space keeps the words apart. */
            if ((unsigned char)*p < 0x20 && *p != '\n' && *p != '\t')
                rep = " ";
        }
        if (rep) {
            sr_buf_put(b, run, (size_t)(p - run));
            sr_buf_puts(b, rep);
            run = p + 1;
        }
    }
    sr_buf_puts(b, run);
}

/* "&amp;" or "&#39;" in article text would be read as an entity. */
static int starts_entity(const char *p)
{
    const char *q = p + 1;
    if (*q == '#')
        q++;
    const char *first = q;
    while ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9'))
        q++;
    return q > first && *q == ';';
}

void rep_md(sr_buf *b, const char *s)
{
    if (!s)
        return;
    for (const char *p = s; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20) {
            sr_buf_putc(b, ' ');
            continue;
        }
        if (strchr("\\`*_[]<>|~", c) || (c == '#' && p == s) || (c == '&' && starts_entity(p)))
            sr_buf_putc(b, '\\');
        sr_buf_putc(b, (char)c);
    }
}

int rep_url_linkable(const char *url)
{
    if (!url)
        return 0;
    size_t skip = strncasecmp(url, "https://", 8) == 0 ? 8
                  : strncasecmp(url, "http://", 7) == 0 ? 7
                                                        : 0;
    if (!skip || !url[skip])
        return 0;
    for (const unsigned char *p = (const unsigned char *)url; *p; p++)
        if (*p <= 0x20 || *p == 0x7f)
            return 0;
    return 1;
}

void rep_md_url(sr_buf *b, const char *url)
{
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
        if (*p <= 0x20 || *p >= 0x7f || strchr("<>()[]\"'\\|`", *p)) {
            sr_buf_putc(b, '%');
            sr_buf_putc(b, hex[*p >> 4]);
            sr_buf_putc(b, hex[*p & 15]);
        } else {
            sr_buf_putc(b, (char)*p);
        }
    }
}

const char *rep_shorten(report *r, const char *s, size_t max_bytes)
{
    if (!s)
        return NULL;
    size_t n = strlen(s);
    if (n <= max_bytes)
        return s;
    size_t cut = max_bytes;
    /* Back to a space in the last third, else at least to a character
     * boundary (never inside a UTF-8 sequence). */
    size_t at = cut;
    while (at > max_bytes * 2 / 3 && s[at] != ' ')
        at--;
    if (s[at] == ' ')
        cut = at;
    else
        while (cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut--;
    while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == ',' || s[cut - 1] == ';'))
        cut--;
    char *out = sr_arena_alloc(r->arena, cut + 4);
    memcpy(out, s, cut);
    memcpy(out + cut, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
    return out;
}

void rep_put_count(sr_buf *b, long n)
{
    char digits[32];
    unsigned long v = n < 0 ? 0UL - (unsigned long)n : (unsigned long)n;
    int len = 0;
    do {
        digits[len++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    if (n < 0)
        sr_buf_putc(b, '-');
    for (int i = len - 1; i >= 0; i--) {
        sr_buf_putc(b, digits[i]);
        if (i && i % 3 == 0)
            sr_buf_putc(b, ',');
    }
}

static void put_value(sr_buf *b, double v)
{
    if (v == floor(v) && fabs(v) < 1e15)
        rep_put_count(b, (long)v);
    else
        sr_buf_printf(b, "%.1f", v);
}

void rep_put_range(sr_buf *b, double low, double high)
{
    if (!isnan(low) && !isnan(high)) {
        put_value(b, low);
        if (high != low) {
            sr_buf_puts(b, "\xE2\x80\x93"); /* en dash */
            put_value(b, high);
        }
    } else if (!isnan(low)) {
        sr_buf_puts(b, "at least ");
        put_value(b, low);
    } else if (!isnan(high)) {
        sr_buf_puts(b, "up to ");
        put_value(b, high);
    } else {
        sr_buf_puts(b, "?");
    }
}
