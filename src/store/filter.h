/*
 * filter: an sr_event_filter turned into an SQL condition with its
 * parameters, for the events query and for any module (exports, the
 * report) that selects from the same tables with the same filters.
 *
 * The condition names the tables by aliases: e (events), d (documents,
 * joined on e.doc_id) and p (places, joined on e.place_id); x for figures
 * and qt for quotes in their builders.
 * User text only ever travels as a bound parameter; the SQL text is made
 * of fixed fragments chosen by which fields are set.
 *
 * Ownership: an sr_filter_sql is the caller's (usually on the stack);
 * sr_filter_sql_free releases its memory. Text parameters may borrow the
 * filter's strings, so the filter must outlive the binding.
 */
#ifndef SR_STORE_FILTER_H
#define SR_STORE_FILTER_H

#include <sqlite3.h>

#include "sitrep/query.h"
#include "util/buf.h"

enum { SR_FILTER_MAX_PARAMS = 24 };

typedef struct sr_sql_param {
    enum { SR_PARAM_TEXT, SR_PARAM_REAL } type;
    const char *text;   /* borrowed from the filter; NULL: the text is own */
    double real;
    char own[80];       /* a value built here (a GLOB prefix, a padded date) */
} sr_sql_param;

typedef struct sr_filter_sql {
    sr_buf where;       /* " AND ..." fragments; empty when nothing is asked */
    sr_sql_param params[SR_FILTER_MAX_PARAMS];
    int nparams;
    int has_date_range; /* since or until set: undated events cannot match */
    int uses_documents; /* the condition reads d.* */
    int uses_places;    /* the condition reads p.* (requires a place) */
    const char *date_expr; /* "e.date", or "+e.date" when the plan keeps the
                              date index out (for the caller's own terms) */
} sr_filter_sql;

/* Which index should find the events: SQLite's choice; an actor code
 * index (for --actor, --source-actor or --target-actor), when that actor
 * is rare enough that reading all its events beats reading the date
 * range; or the date (or root) index, in date order, when the actors are
 * frequent enough that the limit is reached early that way
 * (src/store/query.c, choose_plan). The other terms are still checked;
 * they are only kept from choosing the index. */
enum sr_filter_plan {
    SR_PLAN_AUTO = 0,
    SR_PLAN_BY_ACTOR,   /* f->actor: source or target */
    SR_PLAN_BY_SOURCE,  /* f->source_actor */
    SR_PLAN_BY_TARGET,  /* f->target_actor */
    SR_PLAN_BY_DATE
};

/* Check f and build its condition over events (aliases e, d, p).
 * SR_EINVAL with the reason in err when a field is malformed (a code that
 * is not a code, a date that is not a date, a radius that is not a
 * number). */
int sr_filter_sql_build(sr_filter_sql *q, const sr_event_filter *f, sr_error *err);
/* The same with a plan (enum sr_filter_plan). */
int sr_filter_sql_build_plan(sr_filter_sql *q, const sr_event_filter *f, int plan,
                             sr_error *err);

/* The same over figures: aliases x (figures), d, p (the figure's place);
 * the fields sr_store_figure_groups documents. */
int sr_filter_sql_build_figures(sr_filter_sql *q, const sr_event_filter *f, sr_error *err);

/* A quote filter: aliases qt (quotes) and d. */
int sr_filter_sql_build_quotes(sr_filter_sql *q, const sr_quote_filter *f, sr_error *err);

/* Bind q's parameters to st, the first at index `first` (1-based). Returns
 * the index after the last one bound, or a negative SR_E* code. */
int sr_filter_sql_bind(const sr_filter_sql *q, sqlite3_stmt *st, int first, sr_error *err);

void sr_filter_sql_free(sr_filter_sql *q);

/* The parts of a filter other modules check the same way. */
/* An actor or CAMEO code prefix: upper-cased into out (size bytes) with
 * '*' appended for GLOB; SR_EINVAL unless it is [A-Z0-9]+ (digits only
 * when digits_only). */
int sr_filter_glob_prefix(const char *what, const char *prefix, int digits_only, char *out,
                          size_t size, sr_error *err);
/* YYYY, YYYY-MM or YYYY-MM-DD as a YYYY-MM-DD bound: the first day of the
 * period (is_until 0) or its last (is_until 1; "-31" is a safe upper bound
 * for string comparison in any month). */
int sr_filter_date_bound(const char *what, const char *date, int is_until, char out[11],
                         sr_error *err);
/* "LAT,LON,KM" parsed; 0 when place has that form, SR_ENOTFOUND when it is
 * a name, SR_EINVAL when it has the form but is out of range. */
int sr_filter_parse_point(const char *place, double *lat, double *lon, double *km,
                          sr_error *err);

/* Great-circle distance in kilometres (haversine, mean Earth radius). */
double sr_distance_km(double lat1, double lon1, double lat2, double lon2);

/* Register sr_km(lat1, lon1, lat2, lon2) on db (used by place-radius
 * conditions). Safe to call more than once. */
int sr_filter_register_functions(sqlite3 *db, sr_error *err);

#endif
