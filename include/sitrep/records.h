/*
 * records: the JSON-lines records sitrep writes (docs/records.md is the
 * reference; SR_RECORD_VERSION in sitrep.h is their version).
 *
 * Ownership: the writers append to a caller-owned sr_buf (src/util/buf.h).
 */
#ifndef SITREP_RECORDS_H
#define SITREP_RECORDS_H

#include "sitrep/coder.h"
#include "sitrep/doc.h"

struct sr_buf;

/* One line per event of evs (each ending in '\n'), for the document doc
 * whose text the events were coded from. */
void sr_records_write_events(struct sr_buf *out, const sr_doc *doc, const sr_events *evs);

/* The fields `"place":{...}` (or null), `"date"`, `"date_text"`,
 * `"date_precision"` and `"date_source"`, each preceded by a comma, as
 * event records carry them; for the other record kinds. m may be NULL;
 * from is "clause", "sentence" or "document"; date_from "text",
 * "metadata" or "dateline". */
void sr_records_write_where_when(struct sr_buf *out, const char *text, const sr_place_mention *m,
                                 const char *from, const char *date, const sr_timex *x,
                                 const char *date_precision, const char *date_from);

#endif
