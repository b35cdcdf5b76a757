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
    /* Byte spans in the document's text (as in the records); -1 when not
     * stored (no such actor, or a span the store did not keep). */
    int64_t source_start, source_end, target_start, target_end;
    int64_t verb_start, verb_end, place_start, place_end;
    int64_t doc_id;           /* documents.id */
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
 * observations they index: obs[i].fig points at figures in the arena.
 *
 * Of f, these fields select figures: since/until (the figure's date; an
 * undated figure is kept only when neither is given), place (the figure's
 * place, the place its words name, or its document's main place), outlet,
 * actor (whose it is or who claims it: a code prefix), text (an FTS5
 * query over its sentence) and limit (on figures read). A figure without
 * an outlet cannot be compared and is left out. */
int sr_store_figure_groups(sr_store *s, const sr_event_filter *f, sr_arena *arena,
                           sr_figure_obs **obs, size_t *nobs, sr_figure_group **groups,
                           size_t *ngroups, sr_error *err);

/* What the store keeps of a figure besides sr_figure: each obs[i].fig
 * from sr_store_figure_groups (and each row of sr_store_figures) is the
 * `fig` member of one of these, found with sr_stored_figure_of. */
typedef struct sr_stored_figure {
    sr_figure fig;            /* first: obs[i].fig points here */
    sr_actor_phrase whose, claimant; /* fig.whose / fig.claimant point here when set */
    int64_t id;               /* figures.id */
    const char *doc_key, *outlet, *url, *published;
    const char *figure_text, *whose_text, *claimant_text, *sentence_text;
    const char *subject, *place_words, *doc_place;
    const char *date, *date_precision;
    const char *place_name;   /* the resolved place, or NULL */
} sr_stored_figure;

static inline const sr_stored_figure *sr_stored_figure_of(const sr_figure *fig)
{
    return (const sr_stored_figure *)(const void *)fig;
}

/* Call fn for each stored figure f selects (the fields as for
 * sr_store_figure_groups, outlet not required), ordered by date (undated
 * last) then storage order. The row and its strings are borrowed for the
 * call. */
typedef int (*sr_figure_row_fn)(const sr_stored_figure *row, void *ctx);
int sr_store_figures(sr_store *s, const sr_event_filter *f, sr_figure_row_fn fn, void *ctx,
                     sr_error *err);

/* ---- quotes ------------------------------------------------------------ */

typedef struct sr_quote_filter {
    const char *speaker;      /* an actor code prefix ("SYRGOV") or part of the
                                 speaker's name as written ("Assad"),
                                 case-insensitive */
    const char *since, *until;/* the document's date, inclusive */
    const char *outlet;       /* case-insensitive */
    const char *text;         /* FTS5 query over the sentences the quote spans */
    size_t limit;             /* 0: all */
} sr_quote_filter;

typedef struct sr_quote_row {
    int64_t id;
    const char *doc_key, *outlet, *url, *title, *published;
    int sentence;
    int64_t start, end;
    const char *quote;
    const char *parts;        /* JSON array of [start, end] spans */
    int direct;
    const char *speaker_text, *speaker_code; /* either may be NULL */
    int speaker_from_pronoun;
    const char *cue_text;
    int64_t speaker_start, speaker_end; /* -1 when not stored */
} sr_quote_row;

typedef int (*sr_quote_row_fn)(const sr_quote_row *row, void *ctx);

/* Call fn for each quote f selects, by document date (undated last), then
 * document and position. */
int sr_store_quotes(sr_store *s, const sr_quote_filter *f, sr_quote_row_fn fn, void *ctx,
                    sr_error *err);

/* ---- actors and places ------------------------------------------------- */

/* An actor code with how many selected events it is the source and the
 * target of, and the names written for it most often. */
typedef struct sr_actor_row {
    const char *code;
    int64_t as_source, as_target;
    const char *names[3];     /* most frequent first; NULL when fewer */
    int64_t name_counts[3];
} sr_actor_row;

typedef int (*sr_actor_row_fn)(const sr_actor_row *row, void *ctx);

/* Every actor code of the events f selects, most events first. Here
 * f->actor selects the listed codes by prefix instead of the events
 * (`--actor SYR` lists the Syrian actors); source_actor and target_actor
 * select events as usual (`--source-actor SYRMIL`: SYRMIL and whom it
 * acts on). limit: at most that many codes. */
int sr_store_actors(sr_store *s, const sr_event_filter *f, sr_actor_row_fn fn, void *ctx,
                    sr_error *err);

/* A place (a gazetteer entry, else a name) with the selected events there. */
typedef struct sr_place_row {
    const char *name, *country, *country3, *admin1, *feature;
    double lat, lon;          /* NAN when unknown */
    int64_t geonameid;        /* 0: none */
    int64_t events, articles; /* events placed there; documents they come from */
} sr_place_row;

typedef int (*sr_place_row_fn)(const sr_place_row *row, void *ctx);

/* The places of the events f selects, most events first. limit: at most
 * that many places. */
int sr_store_places(sr_store *s, const sr_event_filter *f, sr_place_row_fn fn, void *ctx,
                    sr_error *err);

#endif
