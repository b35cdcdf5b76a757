/*
 * doc: one news article, and the readers that make documents out of files.
 *
 * Formats:
 *   .txt    first non-empty line is the title; optional header lines
 *           "Source: ...", "Date: ..." and "URL: ..." (keys in any case,
 *           blank lines between them allowed) may follow it; the rest,
 *           from its first non-blank line, is the body.
 *   .jsonl  one JSON object a line with fields id, url, source, date, title,
 *           text (the shape news crawlers emit); text is required and must
 *           be a non-empty string, the others are optional (id may be a
 *           number, used in its decimal form; a source object counts by its
 *           "name"). Common crawler names are accepted when the usual one
 *           is missing: body/content/article for text, headline for title,
 *           outlet/site_name/domain for source, published/publish_date/
 *           published_at/publishedAt/pubdate for date, link for url. A
 *           .json file may instead hold one object or an array of them.
 *           Blank lines are skipped; a bad line is reported and skipped.
 *   .html   title from og:title (else <title>), date from the
 *           published-time <meta> tags, <time datetime> or JSON-LD, source
 *           from og:site_name or application-name; the body is the
 *           paragraphs (<p>, <h1>-<h3>) of the <article> (else <main>, else
 *           <body>), without navigation, headers, footers, asides, forms,
 *           figures, scripts or styles, white space collapsed inside each.
 *           A page nested over 2048 elements deep is refused (the HTML
 *           parser's time grows with depth times size).
 *   a directory is walked recursively (files sorted by name, so runs are
 *   reproducible; hidden files and names without one of the extensions
 *   above skipped); "-" reads JSON lines from standard input.
 *
 * The text of a document (what spans index):
 *   .txt, .html  the title, a blank line ("\n\n"), then the body, so the
 *                title is coded with the rest; the title alone when there
 *                is no body.
 *   .jsonl       the text field exactly as given (only NUL characters
 *                dropped), so offsets agree with anyone else's reading of
 *                the same record; the title is not added.
 *
 * Dates are normalized to "YYYY-MM-DD" from ISO dates and datetimes
 * (the date as written, whatever the zone), "14 September 2018",
 * "September 14, 2018" and RFC 2822 forms, and for JSON from Unix times;
 * a date that cannot be read is NULL, not an error.
 *
 * Encoding (.txt and .html files, and JSON lines that are not UTF-8):
 * valid UTF-8 passes unchanged except that CRLF and CR become LF, NUL bytes
 * and a byte-order mark are dropped; UTF-16 with a byte-order mark is
 * converted; invalid UTF-8 that reads as Windows-1252 (no C0 control
 * characters but tab and line ends) is converted from Windows-1252, what
 * non-UTF-8 news almost always is; otherwise each invalid sequence becomes
 * U+FFFD. A file more than 5% of whose bytes are C0 control characters is
 * binary and is reported as "not text (binary data)".
 *
 * Ownership: an sr_doc handed to the callback is borrowed for the duration
 * of the callback only; copy what you keep. sr_reader is not thread-safe;
 * use one per thread (readers share nothing, so threads may each have one).
 */
#ifndef SITREP_DOC_H
#define SITREP_DOC_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"

struct sr_error;

typedef enum sr_doc_format {
    SR_FORMAT_AUTO = 0, /* by file extension, then by content sniffing */
    SR_FORMAT_TXT,
    SR_FORMAT_JSONL,
    SR_FORMAT_HTML
} sr_doc_format;

typedef struct sr_doc {
    const char *id;     /* given id, else the first 16 hex digits of the SHA-256 of text */
    const char *url;    /* may be NULL */
    const char *source; /* outlet name; may be NULL */
    const char *date;   /* "YYYY-MM-DD" from metadata, or NULL */
    const char *title;  /* may be NULL */
    const char *text;   /* the text (see above): valid UTF-8, NUL-terminated,
                           no NUL inside; spans index it */
    size_t text_len;
    const char *path;   /* file the document came from ("-" for stdin) */
    size_t line;        /* 1-based line in that file for .jsonl, else 0 */
} sr_doc;

/* Called once per good document. Return non-zero to stop reading: the
 * read call then returns that value when it is negative (so a callback can
 * pass an SR_E* code through), else SR_EINVAL. */
typedef int (*sr_doc_fn)(const sr_doc *doc, void *ctx);
/* Called once per bad document (or unreadable file): a one-line message
 * of the form "FILE:LINE: what is wrong" ("FILE: what is wrong" when line
 * is 0, as for everything but JSON lines). Reading goes on afterwards. */
typedef void (*sr_doc_error_fn)(const char *path, size_t line, const char *msg, void *ctx);

/* A copy of doc whose strings all live in arena a: for keeping a document
 * beyond the sr_doc_fn call that handed it over (batches, queues). */
void sr_doc_copy(sr_arena *a, const sr_doc *doc, sr_doc *out);

typedef struct sr_reader sr_reader;

sr_reader *sr_reader_new(void);
void sr_reader_free(sr_reader *r);

/*
 * Read every document under path (a file, a directory, or "-"), calling
 * on_doc for each good one and on_error for each bad one. A format other
 * than AUTO applies to every file read (a directory walk still picks files
 * by extension). A file that cannot be read inside a directory is reported
 * and the walk goes on.
 * Returns 0 when all documents were read, 1 when some were bad (and
 * reported through on_error), or a negative SR_E* code when on_doc asked to
 * stop or the path could not be opened at all (also reported).
 */
int sr_read_path(sr_reader *r, const char *path, sr_doc_format fmt,
                 sr_doc_fn on_doc, sr_doc_error_fn on_error, void *ctx);

/* Parse one in-memory buffer as the given format (AUTO sniffs: '{' or '['
 * first means JSON (lines, or one object, or an array of objects), '<'
 * means HTML, else text). name (NULL means "-") is used in messages and as
 * sr_doc.path. Same return convention as sr_read_path. */
int sr_read_buffer(sr_reader *r, const char *name, const char *buf, size_t len,
                   sr_doc_format fmt, sr_doc_fn on_doc, sr_doc_error_fn on_error,
                   void *ctx);

/* UTF-8 repair used by the readers, exposed for tests: copies src into a
 * new malloc'd, NUL-terminated buffer (caller frees) replacing each invalid
 * byte sequence (each maximal ill-formed subpart, as Unicode recommends:
 * overlong forms, surrogates and code points above U+10FFFF included) with
 * U+FFFD, dropping NUL bytes and normalizing CRLF/CR to LF. *n_repaired
 * counts the replacements; either out pointer may be NULL. Out-of-memory
 * aborts the process, as in the arena. (The readers' policy around it,
 * Windows-1252 and binary data, is described above.) */
char *sr_utf8_repair(const char *src, size_t len, size_t *out_len, size_t *n_repaired);

#endif
