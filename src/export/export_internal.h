/* What the export driver (export.c) and the four format writers share: the
 * event as read with the document facts a row lacks, the lookups of
 * places, countries and actor codes, and the writer interface. */
#ifndef SR_EXPORT_INTERNAL_H
#define SR_EXPORT_INTERNAL_H

#include <stdint.h>
#include <time.h>

#include "sitrep/export.h"
#include "store/store_internal.h"
#include "util/buf.h"

/* ---- countries (countries.c) -------------------------------------------- */

typedef struct export_country {
    const char *iso2, *iso3;
    int numeric;          /* ISO 3166-1 numeric; 0: none (Kosovo) */
    const char *region;   /* the ACLED region */
} export_country;

const export_country *export_country_by_iso2(const char *iso2);
const export_country *export_country_by_iso3(const char *iso3, size_t len);

/* ---- CAMEO actor codes (actor_code.c) ----------------------------------- */

/* A CAMEO actor code taken apart into its 3-letter units, the way GDELT's
 * actor columns hold them: "SYRREBMUS" is country SYR, type REB, religion
 * MUS. Empty strings where the code has no such part. */
typedef struct export_actor {
    char code[16];
    char country[4];      /* a country (ISO alpha-3) or a CAMEO region (MEA) */
    int country_is_state; /* country is a state, not a region */
    char known_group[4];  /* UNO, ALQ, ... */
    char religion[2][4];
    char type[3][4];      /* GOV MIL REB OPP CVL ... in the order written */
    int ntypes;
} export_actor;

/* code may be NULL or empty: every part empty. */
void export_actor_parse(const char *code, export_actor *out);
int export_actor_has_type(const export_actor *a, const char *type);
/* A word for the actor's sector ("Military", "Rebels"), or NULL. */
const char *export_actor_sector(const export_actor *a);

/* ---- places (place_info.c) ---------------------------------------------- */

/* An event's place with the codes the formats want, looked up once. */
typedef struct export_place {
    int known;                /* 0: the event has no place; the rest is empty */
    const export_country *country;
    char fips[3];             /* FIPS 10-4 country code */
    char country_name[64];
    char adm1[12];            /* FIPS country + admin1 code ("SY12"), or "" */
    int geo_type;             /* GDELT: 1 country, 2 US state, 3 US city,
                                 4 world city, 5 world ADM1 */
} export_place;

void export_place_resolve(const sr_gazetteer *g, const sr_event_row *r, export_place *out);
/* "Saraqib, Idlib, Syria": the place, its ADM1 and its country, as GDELT
 * names places. */
void export_place_full_name(const sr_event_row *r, const export_place *p, sr_buf *out);

/* ---- one event, as the writers see it ----------------------------------- */

typedef struct export_event {
    const sr_event_row *row;
    int64_t id;               /* group id; the mention key when ungrouped */
    int num_mentions, num_sources, num_articles;
    const char *ingested_at;  /* documents.ingested_at of the standing mention */
    int64_t doc_id;
    const char *doc_path;
    int64_t doc_line;
    int64_t fatalities;       /* killed figures linked to the event (fatalities.c) */
    export_place place;
} export_event;

/* ---- CAMEO to ACLED (acled_types.c) ------------------------------------ */

typedef enum acled_rule {
    ACLED_NONE,           /* no ACLED type: the event is left out */
    ACLED_FIXED,          /* the type and sub-type given */
    ACLED_CLASH_IF_ARMED, /* Battles / Armed clash when both actors are
                             armed, else the type and sub-type given */
    ACLED_TERRITORY,      /* Battles: Government regains territory (state
                             forces), Non-state actor overtakes territory
                             (non-state armed groups), else Armed clash */
    ACLED_REPRESSION      /* the type given, with the target as protesters */
} acled_rule;

typedef struct acled_type {
    const char *cameo;    /* the code or prefix the line is for */
    acled_rule rule;
    const char *event_type, *sub_event_type;
} acled_type;

/* The line for a CAMEO code (its longest listed prefix); NULL only for a
 * code outside roots 01-20. */
const acled_type *acled_type_for(const char *cameo);
const acled_type *acled_type_table(size_t *n);

/* ---- the driver's state -------------------------------------------------- */

typedef struct export_ctx {
    sqlite3 *db;
    const sr_gazetteer *g;
    FILE *out;
    sr_buf line;              /* the record being written */
    size_t records;           /* records written so far (GeoJSON separators) */
    sqlite3_stmt *doc_stmt;      /* the standing mention's document */
    sqlite3_stmt *members_stmt;  /* a group's mentions: document, sentence, date */
    sqlite3_stmt *figures_stmt;  /* killed figures of a sentence */
    sqlite3_stmt *sentence_stmt; /* a sentence's offset and bytes */
    sr_buf scratch;
} export_ctx;

/* Killed figures linked to an event whose standing mention is in document
 * doc_id: see fatalities.c for the rule. */
int export_fatalities(export_ctx *x, const sr_event_row *r, int64_t doc_id, int64_t *out,
                      sr_error *err);

/* ---- the writers ---------------------------------------------------------- */

/* What a writer did with an event. */
enum export_outcome { EXPORT_WRITTEN, EXPORT_NO_TYPE, EXPORT_NO_DATE, EXPORT_NO_PLACE };

/* Each function appends to x->line, which the driver writes out. */
typedef struct export_writer {
    void (*begin)(export_ctx *x);
    /* The event's record, or why it is left out (then nothing is appended). */
    enum export_outcome (*event)(export_ctx *x, const export_event *ev);
    void (*end)(export_ctx *x);
    int wants_fatalities;
} export_writer;

extern const export_writer export_gdelt_writer;
extern const export_writer export_acled_writer;
extern const export_writer export_plover_writer;
extern const export_writer export_geojson_writer;

/* ---- shared helpers (fields.c) ------------------------------------------- */

/* A TSV field: tabs, line ends and other control characters become spaces. */
void export_tsv_field(sr_buf *b, const char *s);
/* A CSV field (RFC 4180): quoted when it holds a comma, quote or line end;
 * line ends and tabs become spaces, so a record is one line. */
void export_csv_field(sr_buf *b, const char *s);
/* `"key":` in a JSON object, after a comma unless it opens the object
 * (the buffer ends in '{': no JSON value does). */
void export_json_key(sr_buf *b, const char *key);
/* A key and its value: a string (NULL: null), a count, a number (NaN:
 * null), an id. Ids are strings: group ids are 63-bit numbers, more than
 * a JavaScript number holds exactly. */
void export_json_str(sr_buf *b, const char *key, const char *s);
void export_json_uint(sr_buf *b, const char *key, unsigned long long v);
void export_json_num(sr_buf *b, const char *key, double v);
void export_json_id(sr_buf *b, const char *key, int64_t id);
/* num_mentions, num_sources, num_articles and fatalities, in that order:
 * how widely and how deadly, as both JSON formats give an event. */
void export_json_counts(sr_buf *b, const export_event *ev);
/* "YYYY-MM-DD..." to year, month, day; 0 when s is not a date. */
int export_parse_date(const char *s, int *y, int *m, int *d);
/* documents.ingested_at ("2024-05-01T12:00:00Z", "2024-05-01 12:00:00",
 * with or without an offset) to a UTC time; 0 when it does not parse. */
int export_parse_timestamp(const char *s, time_t *out);
/* The last day of the period a date of lower precision stands for
 * ("week" -> +6 days, "month", "year"); writes YYYY-MM-DD. 0 when the
 * precision is "day" or unknown. */
int export_period_end(const char *date, const char *precision, char out[11]);

#endif
