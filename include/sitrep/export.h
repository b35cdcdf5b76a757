/*
 * export: a store's events in the layouts other tools read: GDELT 2.0
 * event TSV, ACLED-style CSV, PLOVER JSON lines and GeoJSON
 * (docs/store-export.md gives every column and the rules behind it).
 *
 * Every format writes one record per real-world event: the events are read
 * grouped (sr_event_filter.grouped), and the group's earliest mention
 * stands for it, with the group's mention, source and article counts. Ids
 * are the group ids, which are derived from content, so two exports of the
 * same store, or of two stores built from the same documents in any order,
 * use the same ids.
 *
 * Ownership: nothing is allocated for the caller. The store and gazetteer
 * are borrowed for the call; out is written to but not closed.
 */
#ifndef SITREP_EXPORT_H
#define SITREP_EXPORT_H

#include <stddef.h>
#include <stdio.h>

#include "sitrep/geo.h"
#include "sitrep/query.h"

typedef enum sr_export_format {
    SR_EXPORT_GDELT,   /* GDELT 2.0 event table: 61 tab-separated columns, no header */
    SR_EXPORT_ACLED,   /* ACLED's 31 current columns, CSV (RFC 4180) with a header */
    SR_EXPORT_PLOVER,  /* PLOVER JSON records, one a line */
    SR_EXPORT_GEOJSON  /* one RFC 7946 FeatureCollection of points */
} sr_export_format;

/* "gdelt", "acled", "plover", "geojson" (case-insensitive). Returns 0, or
 * SR_EINVAL for any other name. */
int sr_export_format_parse(const char *name, sr_export_format *out);
const char *sr_export_format_name(sr_export_format format);

/* What an export did. An event a format has no room for is left out and
 * counted under the first reason that applies. */
typedef struct sr_export_counts {
    size_t events;   /* real-world events that matched the filter */
    size_t written;  /* records written */
    size_t no_type;  /* left out: the CAMEO code has no ACLED type (verbal
                        events) or no PLOVER type (roots 01, 02) */
    size_t no_date;  /* left out: no date (ACLED and PLOVER need one) */
    size_t no_place; /* left out: no place (ACLED and GeoJSON need one) */
} sr_export_counts;

/*
 * Write the events of s that match f (NULL: all; its `grouped` is ignored,
 * exports are always grouped) to out in the given format. g supplies FIPS
 * country codes, ADM1 codes and country names; it is required (SR_EINVAL
 * without it). counts may be NULL. Returns 0, or a negative SR_E* code
 * with the reason in err (a malformed filter, a store or write error).
 */
int sr_export_write(sr_store *s, const sr_gazetteer *g, sr_export_format format,
                    const sr_event_filter *f, FILE *out, sr_export_counts *counts,
                    sr_error *err);

#endif
