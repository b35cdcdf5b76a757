/*
 * query: reading events, figures and the rest back out of a store.
 *
 * Every filter value is bound as an SQL parameter; none is ever pasted
 * into SQL text.
 *
 * Ownership: rows handed to a callback, and every string in them, are
 * borrowed and valid only during that call. Groups returned through `out`
 * live in the caller's arena.
 */
#ifndef SITREP_QUERY_H
#define SITREP_QUERY_H

#include "sitrep/store.h"
#include "sitrep/figures.h"

/* What to select. Every field is optional (NULL / 0: no condition); the
 * conditions given must all hold. */
typedef struct sr_event_filter {
    const char *actor;        /* actor code prefix, source or target ("SYR", "SYRMIL") */
    const char *source_actor; /* source code prefix */
    const char *target_actor; /* target code prefix */
    const char *code;         /* CAMEO code prefix ("19", "190") */
    const char *plover;       /* PLOVER type ("ASSAULT"), case-insensitive */
    const char *place;        /* a place name (the resolved name or the text
                                 as written, case-insensitive), or
                                 "LAT,LON,KM": within KM of that point */
    const char *since;        /* YYYY-MM-DD, inclusive */
    const char *until;        /* YYYY-MM-DD, inclusive */
    const char *outlet;       /* outlet name, case-insensitive */
    const char *text;         /* FTS5 query over the event's sentence */
    size_t limit;             /* 0: all */
    int grouped;              /* 1: one row per real-world event (its
                                 earliest mention stands for it, with the
                                 group's counts); 0: one row per mention */
} sr_event_filter;

/* One event as stored, with its document and group. */
typedef struct sr_event_row {
    int64_t id;               /* events.id */
    int64_t group_id;         /* the real-world event (GLOBALEVENTID); 0: none yet */
    int num_mentions, num_sources, num_articles; /* of the group */
    int64_t mention_key;
    const char *doc_key, *outlet, *url, *title, *published;
    int sentence;
    int64_t start, end;
    const char *sentence_text;
    const char *source_code, *source_text, *target_code, *target_text;
    const char *cameo, *root;
    int quad_class;
    double goldstein;
    const char *plover_type, *plover_mode, *mood, *pattern, *verb_text;
    const char *date, *date_text, *date_precision, *date_source;
    int has_place;            /* 0: the place fields below are NULL/0 */
    const char *place_name, *place_text, *place_country, *place_country3, *place_admin1,
        *place_feature, *place_precision, *place_from;
    double lat, lon;
    int64_t geonameid;        /* 0: none (a supplement entry) */
} sr_event_row;

/* Return non-zero from the callback to stop early (that value is returned). */
typedef int (*sr_event_row_fn)(const sr_event_row *row, void *ctx);

/* Call fn for each event matching f, ordered by date (undated last), then
 * document and position. Returns 0, a callback's non-zero value, or a
 * negative SR_E* code (a malformed filter: SR_EINVAL, with why in err). */
int sr_store_events(sr_store *s, const sr_event_filter *f, sr_event_row_fn fn, void *ctx,
                    sr_error *err);

/* The figures of the store that outlets report alike (sr_figures_group
 * over every stored figure in f's date range and place), with the
 * observations they index: obs[i].fig points at figures in the arena. */
int sr_store_figure_groups(sr_store *s, const sr_event_filter *f, sr_arena *arena,
                           sr_figure_obs **obs, size_t *nobs, sr_figure_group **groups,
                           size_t *ngroups, sr_error *err);

#endif
