/*
 * What the report's stages share: the numbers gathered from the store
 * (gather_*.c fill a `report`), the citation list (sources.c), the PLOVER
 * palette (style.c), escaping (escape.c) and the drawings (timeline.c,
 * map.c, network.c) that the two writers (html.c, markdown.c) lay out.
 *
 * Everything in a report lives in its arena and is freed with it; strings
 * are copies, never borrowed from SQLite.
 */
#ifndef SR_REPORT_INTERNAL_H
#define SR_REPORT_INTERNAL_H

#include <stdint.h>

#include "sitrep/query.h"
#include "sitrep/report.h"
#include "store/store_internal.h"
#include "util/buf.h"

/* How much of each list a report shows: enough to read in a few minutes. */
enum {
    REP_TOP_PLACES = 5,     /* named in the headline */
    REP_MAP_PLACES = 60,    /* drawn on the map and listed */
    REP_LIST_PLACES = 15,   /* rows of the places table */
    REP_EDGES = 18,         /* actor pairs in the network */
    REP_KEY_EVENTS = 12,    /* most reported events */
    REP_KEY_SOURCES = 6,    /* articles cited per key event */
    REP_KILLED_ROWS = 12,   /* killed figures listed */
    REP_CUMULATIVE_ROWS = 5,/* tolls over a longer span listed */
    REP_FIGURE_GROUPS = 10, /* groups of figures compared */
    REP_SPEAKERS = 8,
    REP_SPEAKER_QUOTES = 2,
    REP_LABEL_OUTLETS = 12,
    REP_LABEL_WORDS = 8
};

/* ---- style.c: PLOVER event types, in the order the charts stack them --- */

enum { REP_NTYPES = 17 }; /* 16 PLOVER types and "other" (no type) */
typedef struct rep_type_style {
    const char *type;  /* "ASSAULT"; "OTHER" last */
    const char *label; /* "Assault" */
    const char *color; /* "#a50f15" */
} rep_type_style;
extern const rep_type_style rep_types[REP_NTYPES];
/* The index of a PLOVER type (any case); NULL or unknown: OTHER. */
int rep_type_index(const char *plover_type);
/* "province", "country" or "region" for a place that is an area as a
 * whole (its feature), else NULL: "Idlib" the province is not the city. */
const char *rep_area_word(const char *feature);

/* ---- the gathered report ------------------------------------------------ */

/* A document cited: the n-th source of the report ([n] in the text). */
typedef struct rep_source {
    int64_t doc_id;
    const char *doc_key, *outlet, *url, *title, *published;
} rep_source;

typedef struct rep_headline {
    long mentions;       /* event rows */
    long events;         /* real-world events: groups, an ungrouped row alone */
    long violent;        /* events of quad class 4 (material conflict) */
    long undated;        /* events with no date (not in the timeline) */
    long placed;         /* events with a place */
    long articles;       /* documents the report draws on */
    long outlets;
    char first[11], last[11]; /* dates of the earliest and latest events */
} rep_headline;

typedef struct rep_tl_cell {
    int day;             /* days since 1970-01-01 */
    int type;            /* rep_types index */
    long n;              /* events that began that day */
} rep_tl_cell;

typedef struct rep_place {
    const char *name, *admin1, *country, *feature;
    double lat, lon;
    long events, violent, mentions;
    int on_map;          /* 0: far from the rest, listed under the map */
} rep_place;

/* The part of the world a map shows and how it lands on the drawing. */
typedef struct rep_view {
    double west, south, east, north; /* degrees */
    double scale;            /* drawing units per degree of latitude */
    double coslat;           /* longitude shrink at the view's middle */
    double width, height;    /* drawing units */
} rep_view;

typedef struct rep_actor {
    const char *code, *name; /* name: the words written for it most often */
    long weight;             /* events in the drawn edges */
} rep_actor;

typedef struct rep_edge {
    int source, target;      /* rep_actor indexes */
    long events;
    int type;                /* the PLOVER type most of them have */
    long type_events;        /* of that type */
} rep_edge;

typedef struct rep_event {
    int64_t key;             /* group id (GLOBALEVENTID), or -events.id */
    const char *date, *cameo, *description;
    const char *source_code, *source_text, *target_code, *target_text;
    const char *place, *sentence;
    int type, quad;
    long mentions, articles, outlets;
    int *cites;              /* source numbers, one per article shown */
    size_t ncites;
} rep_event;

/* One figure as an outlet gave it. */
typedef struct rep_figure {
    const char *outlet, *date, *figure_text, *claimant, *sentence, *unit;
    double low, high;        /* NAN: no bound on that side */
    int cite;
} rep_figure;

/* The same quantity given by several outlets, or one figure alone. */
typedef struct rep_quantity {
    const char *category, *subject, *place, *date;
    double low, high;        /* over its figures: lowest low, highest high */
    int contested;           /* 1: two outlets' values cannot both hold */
    size_t noutlets;
    rep_figure *figs;
    size_t nfigs;
} rep_quantity;

/* Killed as reported. Tolls of one incident are added up; tolls over a
 * longer span ("since March 2011") are kept apart (gather_figures.c). */
typedef struct rep_killed {
    double low, high;        /* sums over distinct incident tolls; high NAN: open */
    size_t nfigures, nquantities, ncontested, noutlets;
    rep_quantity *rows;      /* the largest incident tolls, for the table */
    size_t nrows;
    rep_quantity *cumulative;/* the largest tolls over a longer span */
    size_t ncumulative, ncumulative_all;
} rep_killed;

typedef struct rep_quote {
    const char *text, *speaker, *date;
    int direct;
    int *cites;              /* every article that carries these words */
    const char **outlets;
    size_t ncites;
} rep_quote;

typedef struct rep_speaker {
    const char *code;        /* actor code, or NULL (a name without one) */
    const char *name;        /* the name written for it most often */
    const char *others;      /* the next most frequent, "; "-separated, or NULL */
    long quotes, outlets;
    rep_quote q[REP_SPEAKER_QUOTES];
    size_t nq;
} rep_speaker;

typedef struct rep_labels {
    const char **outlets, **words;
    size_t noutlets, nwords;
    long *counts;            /* [outlet * nwords + word] */
    long *outlet_total;      /* every label word of the outlet, shown or not */
    long total;
} rep_labels;

typedef struct report {
    sr_store *store;
    sqlite3 *db;
    const sr_report_options *opt;
    sr_event_filter filter;  /* opt as a filter */
    sr_arena *arena;
    sr_error *err;

    rep_headline head;
    rep_tl_cell *timeline;
    size_t ntimeline;
    rep_place *places;
    size_t nplaces;
    long distinct_places;
    rep_view view;           /* the map's, when has_view */
    int has_view;
    rep_actor *actors;
    size_t nactors;
    rep_edge *edges;
    size_t nedges;
    rep_event *events;
    size_t nevents;
    rep_killed killed;
    rep_quantity *groups;    /* figures compared across outlets */
    size_t ngroups, ngroups_contested;
    rep_speaker *speakers;
    size_t nspeakers;
    long nquotes;
    rep_labels labels;

    rep_source *sources;     /* malloc'd; number n is sources[n - 1] */
    size_t nsources, capsources;
} report;

/* gather_events.c: the selected events into temp.sr_report_ev and the
 * documents they come from into temp.sr_report_docs; then the numbers. */
int rep_gather_events(report *r);
/* gather_figures.c: killed as reported, and figures compared. */
int rep_gather_figures(report *r);
/* gather_words.c: quotes by speaker and framing words by outlet. */
int rep_gather_words(report *r);
/* The word an outlet uses most (the first of a tie): its column index. */
size_t rep_labels_top(const rep_labels *l, size_t outlet);
/* Drop the temporary tables (also after a failure). */
void rep_gather_done(report *r);

/* Prepare sql on the report's store; SR_EIO with SQLite's words in err. */
int rep_prepare(report *r, const char *sql, sqlite3_stmt **st);
/* SR_EIO with SQLite's last words in err. */
int rep_sql_fail(report *r);
/* Finalize a statement stepped through its rows: 0 when the last step
 * (rc) was SQLITE_DONE, else rep_sql_fail. */
int rep_finish_rows(report *r, sqlite3_stmt *st, int rc);
/* A copy of column i in the arena, or NULL. */
const char *rep_col(report *r, sqlite3_stmt *st, int i);
char *rep_strdup(report *r, const char *s);

/* sources.c: the number of doc_id's citation, giving it the next one the
 * first time; 0 when out of memory. rep_sources_fill reads what the
 * Sources list shows of each. */
int rep_cite(report *r, int64_t doc_id);
int rep_sources_fill(report *r);

/* ---- escape.c --------------------------------------------------------- */

/* Text for HTML element content and attribute values. */
void rep_html(sr_buf *b, const char *s);
/* Text for a Markdown table cell or line: characters that would start
 * markup or end a cell are backslash-escaped, line breaks become spaces. */
void rep_md(sr_buf *b, const char *s);
/* 1 when url is an http(s) address that may be linked. */
int rep_url_linkable(const char *url);
/* A linkable url for a Markdown link target (spaces, parentheses and
 * angle brackets percent-encoded). */
void rep_md_url(sr_buf *b, const char *url);
/* At most max_bytes of s, cut at a word boundary with an ellipsis, in the
 * arena. */
const char *rep_shorten(report *r, const char *s, size_t max_bytes);
/* n with thousands separators ("12,345"). */
void rep_put_count(sr_buf *b, long n);
/* A figure's value: "33", "at least 70", "7,000-10,000". */
void rep_put_range(sr_buf *b, double low, double high);

/* ---- timeline.c ------------------------------------------------------- */

/* Days since 1970-01-01 of "YYYY-MM-DD" (-1 when malformed), and back. */
int rep_day_number(const char *date);
void rep_day_string(int day, char out[11]);

typedef enum rep_bucket_unit { REP_BY_DAY, REP_BY_WEEK, REP_BY_MONTH } rep_bucket_unit;
typedef struct rep_bucket {
    int first_day;           /* its first day */
    long n[REP_NTYPES];
    long total;
} rep_bucket;
/* The timeline in bars: by day up to max_days days, by week (from Monday)
 * up to 2 years, else by month; every bucket between the first and the
 * last, empty ones too. *out is in the arena. */
void rep_timeline_buckets(const report *r, int max_days, rep_bucket **out, size_t *n,
                          rep_bucket_unit *unit);
/* Dated events, in the chart or not. */
long rep_timeline_total(const report *r);
/* What the timeline counts, and the events it leaves out and why: "Events
 * per week by PLOVER type, ... 3 undated events are <undated_fate>." */
void rep_put_timeline_note(sr_buf *b, const report *r, const rep_bucket *bk, size_t nb,
                           rep_bucket_unit unit, const char *undated_fate, const char *far_fate);
/* The stacked bar chart, inline SVG. */
void rep_timeline_svg(sr_buf *b, const report *r);

/* ---- map.c ------------------------------------------------------------ */

/* The view that holds the places marked on_map (with a margin), in a
 * drawing width units wide. Places far from the rest are marked off the
 * map first (on_map 0). Returns 0 when no place has coordinates. */
int rep_map_fit(rep_place *places, size_t n, double width, rep_view *v);
void rep_map_project(const rep_view *v, double lon, double lat, double *x, double *y);
/* The map, inline SVG. */
void rep_map_svg(sr_buf *b, const report *r, const rep_view *v);

/* ---- network.c -------------------------------------------------------- */

void rep_network_svg(sr_buf *b, const report *r);

/* ---- the writers -------------------------------------------------------- */

void rep_write_html(sr_buf *b, const report *r);
void rep_write_markdown(sr_buf *b, const report *r);

/* pieces.c: the inline text both writers put alike, in HTML (html 1) or
 * Markdown; each writer puts the blocks around it. NULL text writes
 * nothing. */
void rep_text(sr_buf *b, int html, const char *s);
void rep_strong(sr_buf *b, int html, const char *s);
/* A code or qualifier after a name: " (prefix s)" or a code-styled span. */
void rep_aside(sr_buf *b, int html, const char *prefix, const char *s);
/* Source number n (1-based), or NULL when there is none. */
const rep_source *rep_source_at(const report *r, int n);
/* A citation of source n under outlet (NULL: the source's own outlet). */
void rep_put_cite(sr_buf *b, const report *r, int html, int n, const char *outlet);
/* ", "-separated citations; outlets may be NULL. */
void rep_put_cites(sr_buf *b, const report *r, int html, const int *cites,
                   const char *const *outlets, size_t n);
/* An actor's name, else its code (actor i of the network). */
const char *rep_actor_label(const report *r, int i);
/* "**name** (CODE)", the code alone, or "someone". */
void rep_put_actor(sr_buf *b, int html, const char *text, const char *code);
/* A key event: "**date** · place", " · 3 outlets, 4 articles, 5 mentions",
 * "source → target: what (CAMEO 190)", "Reported by A [1], B [2] and 3 more". */
void rep_put_event_when_where(sr_buf *b, int html, const rep_event *e);
void rep_put_event_counts(sr_buf *b, const rep_event *e);
void rep_put_event_what(sr_buf *b, int html, const rep_event *e);
void rep_put_reported_by(sr_buf *b, const report *r, int html, const rep_event *e);
/* A place's name with "(province)" when it is an area as a whole. */
void rep_put_place_name(sr_buf *b, int html, const rep_place *p);
/* "12 of 30 events have a place; 7 places in all." */
void rep_put_place_counts(sr_buf *b, const report *r);
/* The unit of a quantity's figures ("people"), or NULL. */
const char *rep_quantity_unit(const rep_quantity *q);
/* A toll's row: who was killed, and each outlet that gave it (with its
 * value when they differ). */
void rep_put_toll_who(sr_buf *b, int html, const rep_quantity *q);
void rep_put_toll_reporters(sr_buf *b, const report *r, int html, const rep_quantity *q);
/* What a compared quantity counts: category, unit, subject, place. */
void rep_put_quantity_what(sr_buf *b, int html, const rep_quantity *q);
/* A speaker's name (and code), "4 quotes, 2 outlets; also named ...",
 * and a quote's "— speaker, A [1], 2020-02-03". */
void rep_put_speaker_name(sr_buf *b, int html, const rep_speaker *s);
void rep_put_speaker_counts(sr_buf *b, int html, const rep_speaker *s);
void rep_put_quote_by(sr_buf *b, const report *r, int html, const rep_quote *q);
/* A Sources entry up to its title: "**Outlet**, date: ". */
void rep_put_source_head(sr_buf *b, int html, const rep_source *s);

/* summary.c: what the report is about ("Idlib, actor SYR", or "All
 * events"), the period it covers ("2020-02-01 to 2020-02-29"), and the
 * key points as list items; escaped for HTML (html 1) or Markdown. */
void rep_put_scope(sr_buf *b, const report *r, int html);
void rep_put_period(sr_buf *b, const report *r, int html);
void rep_put_key_points(sr_buf *b, const report *r, int html);
/* The killed figures in two sentences: incident tolls added up, tolls
 * over a longer span apart. */
void rep_put_killed(sr_buf *b, const report *r, int html);

#endif
