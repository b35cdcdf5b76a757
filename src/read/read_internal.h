/*
 * Shared by the document readers (src/read/). Not public.
 *
 * A reader owns every buffer a document is built in, so a run over a
 * million documents allocates only when one is bigger than any before it.
 * What the readers hand to on_doc points into these buffers and into the
 * arena, which is reset after each document.
 */
#ifndef SR_READ_INTERNAL_H
#define SR_READ_INTERNAL_H

#include <stdio.h>

#include "sitrep/arena.h"
#include "sitrep/doc.h"
#include "util/buf.h"

struct sr_reader {
    sr_buf raw;     /* a whole file as read */
    sr_buf text;    /* that file decoded to UTF-8 (txt, html) or a repaired JSON line */
    sr_buf body;    /* html: the article's paragraphs */
    sr_buf doc;     /* the text handed out as sr_doc.text */
    sr_buf msg;     /* the message handed to on_error */
    char *line;     /* getline's buffer for streamed JSON lines */
    size_t line_cap;
    sr_arena *arena; /* per-document strings and gumbo's tree */

    /* the call in progress */
    sr_doc_fn on_doc;
    sr_doc_error_fn on_error;
    void *ctx;
    int bad; /* some document was reported */
};

/* ASCII white space: the only kind the formats' own syntax knows. */
static inline int sr_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Narrow [*s, *e) to leave out white space at either end. */
static inline void sr_trim(const char **s, const char **e)
{
    while (*s < *e && sr_is_space(**s))
        (*s)++;
    while (*e > *s && sr_is_space((*e)[-1]))
        (*e)--;
}

/* Start a call: remember its callbacks and clear the bad flag. */
void sr_reader_begin(sr_reader *r, sr_doc_fn on_doc, sr_doc_error_fn on_error, void *ctx);
/* Parse a buffer in fmt (AUTO sniffs it). json_whole: see sr_read_jsonl. */
int sr_read_dispatch(sr_reader *r, const char *name, const char *buf, size_t len,
                     sr_doc_format fmt, int json_whole);

/* What the per-format readers return: 0 to go on, SR_READ_SKIP to give up
 * on the current file (already reported), or a negative code to stop the
 * whole run (on_doc asked to). SR_READ_UNOPENED: the file could not be
 * read at all (reported; a top-level path then fails with SR_EIO). */
#define SR_READ_SKIP 1
#define SR_READ_UNOPENED 2

/* Hand one finished document to on_doc (filling its id from the text when
 * it has none) and reset the arena. Returns 0 or the stop code. */
int sr_reader_emit(sr_reader *r, sr_doc *d);
/* Report a bad document or file as "path:line: message" (or "path: message"
 * when line is 0). */
void sr_reader_fail(sr_reader *r, const char *path, size_t line, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 4, 5)))
#endif
    ;

/* Parse one buffer in a known format (not AUTO). */
int sr_read_txt(sr_reader *r, const char *name, const char *buf, size_t len);
int sr_read_html(sr_reader *r, const char *name, const char *buf, size_t len);
/* JSON lines; or, when whole is set, first try the buffer as one JSON
 * document (an object, or an array of objects) as .json files often are. */
int sr_read_jsonl(sr_reader *r, const char *name, const char *buf, size_t len, int whole);
/* JSON lines from a stream, one line in memory at a time. */
int sr_read_jsonl_stream(sr_reader *r, const char *name, FILE *f);

/* How sr_text_decode read the bytes. */
typedef enum sr_text_encoding {
    SR_ENC_UTF8,    /* valid UTF-8 (or UTF-16 with a byte-order mark) */
    SR_ENC_REPAIRED, /* UTF-8 with bad sequences replaced by U+FFFD */
    SR_ENC_CP1252,  /* not UTF-8, read as Windows-1252 */
    SR_ENC_BINARY   /* not text at all: out holds nothing */
} sr_text_encoding;

/*
 * Decode a file's bytes into UTF-8 text in out (appended): valid UTF-8
 * passes unchanged except CRLF/CR -> LF and NUL bytes dropped (a leading
 * byte-order mark goes too); invalid UTF-8 that reads as Windows-1252 is
 * transcoded from it; other invalid sequences become U+FFFD; more than 5%
 * C0 control bytes means binary data.
 */
sr_text_encoding sr_text_decode(sr_buf *out, const char *src, size_t len);
/* Whether more than 5% of the bytes are C0 controls other than \t \n \r. */
int sr_text_is_binary(const char *src, size_t len);

/*
 * Normalize a date as publishers write it to "YYYY-MM-DD" in out (11
 * bytes): ISO 8601 dates and datetimes (2018-09-14, 2018-09-14T10:30:00Z,
 * 2018/09/14, 20180914), "14 September 2018", "September 14, 2018",
 * "Sept. 14th 2018", each optionally after a weekday and before a time
 * (RFC 2822 dates match too). The date is the one written, whatever the
 * time zone. Returns 1 on success, 0 when s is not such a date.
 */
int sr_date_normalize(const char *s, size_t n, char out[11]);
/* The UTC date of a Unix time in seconds (milliseconds when it is too big
 * to be seconds, as JavaScript writes them). Returns 0 when out of range. */
int sr_date_from_epoch(double t, char out[11]);

#endif
