/*
 * report: a situation report over a store, for a person to read.
 *
 * Headline numbers, a timeline of events per day by PLOVER type, a map of
 * where they happened, who acts on whom, the figures outlets disagree on,
 * quotes by speaker and the words each outlet uses for armed groups; each
 * line that states something names its outlets and links their articles.
 * Markdown (tables, no pictures) or one self-contained HTML file (inline
 * CSS and SVG: it opens offline and links to nothing but the articles).
 * docs/store-report.md describes the sections and how they are counted.
 *
 * Ownership: the caller owns the store and the output buffer; the report
 * is appended to out. Reading only: the store may be open for reading. A
 * store handle is used by one thread at a time (store.h); reports over
 * different handles may run at once.
 */
#ifndef SITREP_REPORT_H
#define SITREP_REPORT_H

#include <stddef.h>

#include "sitrep/store.h"

struct sr_buf;

typedef enum sr_report_format {
    SR_REPORT_MARKDOWN = 0,
    SR_REPORT_HTML = 1
} sr_report_format;

typedef struct sr_report_options {
    sr_report_format format;
    /* What the report covers, as for `sitrep events` (sr_event_filter):
     * NULL means no condition. */
    const char *since, *until; /* YYYY-MM-DD (or YYYY-MM, YYYY), inclusive */
    const char *place;         /* a place name, or "LAT,LON,KM" */
    const char *actor;         /* an actor code prefix, source or target */
    const char *title;         /* NULL: "Situation report" */
} sr_report_options;

/* Write the report of the events (and their articles, figures and quotes)
 * that opt selects. Returns 0, SR_EINVAL for a malformed option (why in
 * err), or SR_EIO when the store cannot be read. */
int sr_report_write(sr_store *s, const sr_report_options *opt, struct sr_buf *out,
                    sr_error *err);

#endif
