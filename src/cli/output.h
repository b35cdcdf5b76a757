/*
 * output: the three shapes a store query prints in, shared by events,
 * actors, quotes, places and figures.
 *
 *   table  columns aligned to the terminal's width (a long text column
 *          gives way, cut with an ellipsis); meant for reading
 *   jsonl  one JSON object per line, built by the command (records)
 *   csv    RFC 4180: a header row, CRLF line ends, fields with a comma,
 *          quote or line break quoted and their quotes doubled
 *
 * The table is laid out from the first rows (up to OUT_SAMPLE_ROWS): they
 * are held back until the widths are known, and later rows are cut to
 * them, so that a million rows stream without being kept.
 *
 * Ownership: cli_out_open returns a writer the caller ends with
 * cli_out_close, which flushes it; cells are copied when held back.
 */
#ifndef SR_CLI_OUTPUT_H
#define SR_CLI_OUTPUT_H

#include <stdint.h>
#include <stdio.h>

#include "util/buf.h"

typedef enum out_format { OUT_TABLE, OUT_JSONL, OUT_CSV } out_format;

/* "table", "jsonl" or "csv"; NULL picks table on a terminal, else jsonl.
 * Returns 0, or -1 for another word. */
int cli_out_format(const char *name, out_format *out);

typedef struct out_col {
    const char *name;   /* header (table and CSV) */
    int min, max;       /* table widths in columns; max 0: as wide as the text */
    int right;          /* 1: right-aligned (numbers) */
    int flex;           /* 1: takes the width left over, down to min */
} out_col;

enum { OUT_SAMPLE_ROWS = 200 };

typedef struct cli_out cli_out;

/* A writer of rows with the given columns to fp (stdout). cols must stay
 * valid until cli_out_close. */
cli_out *cli_out_open(FILE *fp, out_format format, const out_col *cols, int ncols);

/* One row of ncols cells (NULL: empty) for table and CSV. */
void cli_out_row(cli_out *o, const char *const *cells);

/* One JSON line (the object without its newline) for jsonl. */
void cli_out_json(cli_out *o, const sr_buf *object);

/* Rows written so far. */
long long cli_out_count(const cli_out *o);

/* Flush and free. Returns 0, or -1 when writing failed (a full disk, a
 * closed pipe), with errno set. */
int cli_out_close(cli_out *o);

/* Numbers as table and CSV cells: each is formatted into a slot of its
 * own, so that one row's cells can all point into the same out_numbers
 * (16 slots: a row with more numbers reuses the first ones). */
typedef struct out_numbers {
    char slot[16][32];
    int n;
} out_numbers;

const char *out_int(out_numbers *c, int64_t v);
/* With `decimals` digits after the point; NaN (a value the store does not
 * have) is an empty cell (NULL). */
const char *out_fixed(out_numbers *c, double v, int decimals);
/* "%.15g": every digit a figure has, none it has not; NaN is NULL. */
const char *out_number(out_numbers *c, double v);

/* A JSON record's fields after its first, for the jsonl writers: each
 * appends ,"key": and the value. */
void out_json_str(sr_buf *b, const char *key, const char *s);    /* NULL: null */
void out_json_int(sr_buf *b, const char *key, int64_t v);
/* v, or null when the record has no such value (!present) */
void out_json_int_or_null(sr_buf *b, const char *key, int64_t v, int present);
void out_json_fixed(sr_buf *b, const char *key, double v, int decimals); /* NaN: null */
void out_json_number(sr_buf *b, const char *key, double v); /* "%.15g"; NaN: null */
/* [start,end], or null for a span the store does not know (a negative
 * start, an end before it) */
void out_json_span(sr_buf *b, const char *key, int64_t start, int64_t end);
void out_json_bool(sr_buf *b, const char *key, int v);

/* The terminal's width in columns: the window of stdout, else $COLUMNS,
 * else 100. */
int cli_terminal_width(void);

#endif
