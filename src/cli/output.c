/*
 * output: tables, JSON lines and CSV for the store commands (output.h).
 *
 * Widths are counted in terminal columns, not bytes: "Ḥamāh" is five
 * columns in seven bytes, and a CJK character is two. Cells are cut on a
 * character boundary, never inside a UTF-8 sequence.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8proc.h>

#include "cli/output.h"

struct cli_out {
    FILE *fp;
    out_format format;
    const out_col *cols;
    int ncols;
    int *width;          /* table: each column's width, once laid out */
    int laid_out;
    char **held;         /* table: the first rows' cells, ncols per row */
    int nheld;
    long long count;
    sr_buf line;
};

int cli_out_format(const char *name, out_format *out)
{
    if (!name) {
        *out = isatty(STDOUT_FILENO) ? OUT_TABLE : OUT_JSONL;
        return 0;
    }
    if (strcmp(name, "table") == 0)
        *out = OUT_TABLE;
    else if (strcmp(name, "jsonl") == 0)
        *out = OUT_JSONL;
    else if (strcmp(name, "csv") == 0)
        *out = OUT_CSV;
    else
        return -1;
    return 0;
}

int cli_terminal_width(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *env = getenv("COLUMNS");
    int n = env ? atoi(env) : 0;
    return n > 0 ? n : 100;
}

/* One character of s[0..n): its length in bytes (at least 1) and its
 * width in columns (a control character or broken byte counts one, as it
 * is printed as a space or as itself). */
static int next_char(const char *s, size_t n, int *cols)
{
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n, &cp);
    if (len <= 0) {
        *cols = 1;
        return 1;
    }
    int w = utf8proc_charwidth(cp);
    *cols = cp < 0x20 ? 1 : w;
    return (int)len;
}

static int display_width(const char *s)
{
    int total = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int cols;
        i += (size_t)next_char(s + i, n - i, &cols);
        total += cols;
    }
    return total;
}

cli_out *cli_out_open(FILE *fp, out_format format, const out_col *cols, int ncols)
{
    cli_out *o = calloc(1, sizeof *o);
    if (!o)
        abort();
    o->fp = fp;
    o->format = format;
    o->cols = cols;
    o->ncols = ncols;
    sr_buf_init(&o->line);
    if (format == OUT_TABLE) {
        o->width = calloc((size_t)ncols, sizeof *o->width);
        o->held = calloc((size_t)OUT_SAMPLE_ROWS * (size_t)ncols, sizeof *o->held);
        if (!o->width || !o->held)
            abort();
    } else if (format == OUT_CSV) {
        const char *header[64];
        for (int i = 0; i < ncols && i < 64; i++)
            header[i] = cols[i].name;
        cli_out_row(o, header);
        o->count = 0; /* the header is not a row */
    }
    return o;
}

/* ---- CSV ---------------------------------------------------------------- */

static void csv_field(sr_buf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        sr_buf_puts(b, s);
        return;
    }
    sr_buf_putc(b, '"');
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            sr_buf_putc(b, '"');
        sr_buf_putc(b, *p);
    }
    sr_buf_putc(b, '"');
}

/* ---- table -------------------------------------------------------------- */

/* Write s into b in exactly `width` columns: control characters as
 * spaces, cut with an ellipsis when too long, padded on the side that
 * keeps the alignment (no trailing spaces on the last column). */
static void table_cell(sr_buf *b, const char *s, int width, int right, int last)
{
    if (!s)
        s = "";
    int w = display_width(s);
    size_t n = strlen(s);
    size_t keep = n;
    int shown = w;
    if (w > width) { /* keep what fits in width - 1, then "…" */
        shown = 0;
        keep = 0;
        while (keep < n) {
            int cols;
            int len = next_char(s + keep, n - keep, &cols);
            if (shown + cols > width - 1)
                break;
            shown += cols;
            keep += (size_t)len;
        }
    }
    int pad = width - shown - (w > width ? 1 : 0);
    if (right)
        for (int i = 0; i < pad; i++)
            sr_buf_putc(b, ' ');
    for (size_t i = 0; i < keep; i++) {
        char c = s[i];
        sr_buf_putc(b, (unsigned char)c < 0x20 ? ' ' : c);
    }
    if (w > width && width > 0)
        sr_buf_puts(b, "\xe2\x80\xa6");
    if (!right && !last)
        for (int i = 0; i < pad; i++)
            sr_buf_putc(b, ' ');
}

static void table_line(cli_out *o, const char *const *cells)
{
    sr_buf *b = &o->line;
    sr_buf_reset(b);
    for (int i = 0; i < o->ncols; i++) {
        if (i)
            sr_buf_puts(b, "  ");
        table_cell(b, cells[i], o->width[i], o->cols[i].right, i == o->ncols - 1);
    }
    while (b->len && b->data[b->len - 1] == ' ')
        b->len--;
    sr_buf_putc(b, '\n');
    fwrite(b->data, 1, b->len, o->fp);
}

/* Widths from the header and the rows held back; the flexible columns
 * give way when the whole is wider than the terminal. */
static void table_layout(cli_out *o)
{
    int total = 2 * (o->ncols - 1);
    for (int i = 0; i < o->ncols; i++) {
        const out_col *c = &o->cols[i];
        int w = display_width(c->name);
        for (int r = 0; r < o->nheld; r++) {
            const char *cell = o->held[r * o->ncols + i];
            int cw = cell ? display_width(cell) : 0;
            if (cw > w)
                w = cw;
        }
        if (c->max && w > c->max)
            w = c->max;
        o->width[i] = w;
        total += w;
    }
    int room = cli_terminal_width();
    for (int i = 0; i < o->ncols && total > room; i++) {
        const out_col *c = &o->cols[i];
        if (!c->flex)
            continue;
        int floor = c->min > 0 ? c->min : 8;
        int cut = total - room;
        if (o->width[i] - cut < floor)
            cut = o->width[i] > floor ? o->width[i] - floor : 0;
        o->width[i] -= cut;
        total -= cut;
    }
    o->laid_out = 1;
    const char *header[64];
    for (int i = 0; i < o->ncols && i < 64; i++)
        header[i] = o->cols[i].name;
    table_line(o, header);
    for (int r = 0; r < o->nheld; r++) {
        table_line(o, (const char *const *)&o->held[r * o->ncols]);
        for (int i = 0; i < o->ncols; i++)
            free(o->held[r * o->ncols + i]);
    }
    o->nheld = 0;
}

void cli_out_row(cli_out *o, const char *const *cells)
{
    o->count++;
    if (o->format == OUT_CSV) {
        sr_buf *b = &o->line;
        sr_buf_reset(b);
        for (int i = 0; i < o->ncols; i++) {
            if (i)
                sr_buf_putc(b, ',');
            csv_field(b, cells[i]);
        }
        sr_buf_puts(b, "\r\n");
        fwrite(b->data, 1, b->len, o->fp);
        return;
    }
    if (o->format != OUT_TABLE)
        return;
    if (o->laid_out) {
        table_line(o, cells);
        return;
    }
    for (int i = 0; i < o->ncols; i++) {
        char *copy = cells[i] ? strdup(cells[i]) : NULL;
        if (cells[i] && !copy)
            abort();
        o->held[o->nheld * o->ncols + i] = copy;
    }
    if (++o->nheld == OUT_SAMPLE_ROWS)
        table_layout(o);
}

void cli_out_json(cli_out *o, const sr_buf *object)
{
    o->count++;
    fwrite(object->data ? object->data : "", 1, object->len, o->fp);
    fputc('\n', o->fp);
}

long long cli_out_count(const cli_out *o)
{
    return o->count;
}

int cli_out_close(cli_out *o)
{
    if (o->format == OUT_TABLE && !o->laid_out)
        table_layout(o);
    int rc = fflush(o->fp) != 0 || ferror(o->fp) ? -1 : 0;
    int saved = errno;
    sr_buf_free(&o->line);
    free(o->width);
    free(o->held);
    free(o);
    errno = saved;
    return rc;
}

/* ---- numbers as cells --------------------------------------------------- */

static char *next_slot(out_numbers *c)
{
    return c->slot[c->n++ % 16];
}

const char *out_int(out_numbers *c, int64_t v)
{
    char *p = next_slot(c);
    snprintf(p, sizeof c->slot[0], "%lld", (long long)v);
    return p;
}

const char *out_fixed(out_numbers *c, double v, int decimals)
{
    if (isnan(v))
        return NULL;
    char *p = next_slot(c);
    snprintf(p, sizeof c->slot[0], "%.*f", decimals, v);
    return p;
}

const char *out_number(out_numbers *c, double v)
{
    if (isnan(v))
        return NULL;
    char *p = next_slot(c);
    snprintf(p, sizeof c->slot[0], "%.15g", v);
    return p;
}

/* ---- JSON fields -------------------------------------------------------- */

static void json_key(sr_buf *b, const char *key)
{
    sr_buf_puts(b, ",\"");
    sr_buf_puts(b, key);
    sr_buf_puts(b, "\":");
}

/* sr_buf_put_uint with a sign: the store's numbers are int64. */
static void json_signed(sr_buf *b, int64_t v)
{
    if (v < 0) {
        sr_buf_putc(b, '-');
        sr_buf_put_uint(b, (unsigned long long)(-(v + 1)) + 1);
    } else {
        sr_buf_put_uint(b, (unsigned long long)v);
    }
}

void out_json_str(sr_buf *b, const char *key, const char *s)
{
    json_key(b, key);
    sr_buf_json_strz(b, s);
}

void out_json_int(sr_buf *b, const char *key, int64_t v)
{
    json_key(b, key);
    json_signed(b, v);
}

void out_json_int_or_null(sr_buf *b, const char *key, int64_t v, int present)
{
    json_key(b, key);
    if (present)
        json_signed(b, v);
    else
        sr_buf_puts(b, "null");
}

void out_json_fixed(sr_buf *b, const char *key, double v, int decimals)
{
    json_key(b, key);
    if (isnan(v))
        sr_buf_puts(b, "null");
    else
        sr_buf_put_fixed(b, v, decimals);
}

void out_json_number(sr_buf *b, const char *key, double v)
{
    json_key(b, key);
    sr_buf_json_number(b, v);
}

void out_json_span(sr_buf *b, const char *key, int64_t start, int64_t end)
{
    json_key(b, key);
    if (start < 0 || end < start)
        sr_buf_puts(b, "null");
    else
        sr_buf_json_span(b, (unsigned long)start, (unsigned long)end);
}

void out_json_bool(sr_buf *b, const char *key, int v)
{
    json_key(b, key);
    sr_buf_puts(b, v ? "true" : "false");
}
