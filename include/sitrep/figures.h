/*
 * figures: the numbers conflict news reports (killed, injured, displaced,
 * fighters, detained, share of territory...) with their qualifiers, what
 * is counted and whose, and who claims them; and, across documents, the
 * figures outlets disagree on.
 *
 * Ownership: sr_figures_find allocates its results in the caller's arena;
 * strings point into the arena or are static. Pure computation: thread-safe.
 * The conventions (vague words, qualifiers, categories, whose, claimant)
 * are in docs/figures.md.
 */
#ifndef SITREP_FIGURES_H
#define SITREP_FIGURES_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"
#include "sitrep/coder.h"
#include "sitrep/text.h"

typedef struct sr_figure {
    uint32_t sentence;
    uint32_t start, end;     /* byte span of the figure phrase ("at least 100") */
    double low, high;        /* the range the words allow; low == high when exact;
                                NAN when the words set no bound on that side
                                ("at least 100": high is NAN; JSON null) */
    int exact;               /* 1: the figure is one value (low) */
    const char *qualifier;   /* "at least", "more than", "nearly", "about",
                                "up to", "could number", "some", ... or NULL */
    const char *category;    /* "killed", "injured", "displaced", "refugees",
                                "fighters", "civilians", "detained", "abducted",
                                "territory_percent", "other" */
    const char *unit_text;   /* what is counted, as written ("civilians",
                                "military posts"), or NULL */
    uint32_t unit_start, unit_end;
    const sr_actor_phrase *whose;    /* the actor the figure belongs to or is
                                        done by, or NULL */
    const sr_actor_phrase *claimant; /* "the UN has estimated", "the
                                        Observatory said", or NULL */
    uint32_t claimant_start, claimant_end; /* span of the claimant's words
                                              (also when it has no code) */
} sr_figure;

/* Find the figures of an analyzed text. phrases are the coder's actor
 * phrases (sr_events.phrases) for "whose" and "who claims". */
int sr_figures_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                    sr_arena *arena, sr_figure **out, size_t *n);

/* Where and when a figure is, as its record says ("place", "date",
 * "date_text", "date_precision", "date_source"): the place mention nearest
 * to it in its sentence (finer than a country), else the document's first
 * such mention; a calendar date named in its sentence, else the
 * document's date. Pointers are into evs (or static strings); any may be
 * NULL. */
typedef struct sr_figure_where_when {
    const sr_place_mention *place;  /* one of evs->places, or NULL */
    const char *place_from;         /* "sentence", "document", or NULL */
    const char *date;               /* TIMEX3 value, or NULL */
    const sr_timex *date_timex;     /* the words that give it, or NULL */
    const char *date_precision;
    const char *date_source;        /* "text", or the document date's source */
} sr_figure_where_when;

void sr_figure_where_when_of(const sr_events *evs, const sr_figure *f, sr_figure_where_when *out);

struct sr_buf;

/* Figure records (kind "figure", docs/records.md), one line each, for the
 * figures fs[0..n) found in the text evs was coded from. */
void sr_records_write_figures(struct sr_buf *out, const sr_doc *doc, const sr_events *evs,
                              const sr_figure *fs, size_t n);

/* ---- the same quantity across documents ------------------------------- */

/* The subject of a figure: what is counted, at the country-and-sector level
 * of the actor ("armed": non-state armed groups wherever the coder put
 * them; "TUR:state"; "civilians"), followed for other counted things by the
 * noun ("TUR:state post"). Written NUL-terminated into buf (size bytes). */
void sr_figure_subject(const sr_figure *f, char *buf, size_t size);

/* Where the figure's own words put it: a name after "in", "of", "around",
 * "near" ... following the number ("12 military posts in Idlib", "60 per
 * cent of Idlib"), or at the head of its sentence ("In Aleppo, ..."). NULL
 * when none; else a string in the arena. */
const char *sr_figure_place(const sr_text *t, const sr_figure *f, sr_arena *arena);

/* The place a text names most often after such words, or NULL. Names that
 * the coder codes as an organization ("the UN") are not places. */
const char *sr_figures_main_place(const sr_text *t, const sr_actor_phrase *phrases,
                                  size_t nphrases, sr_arena *arena);

/* A figure as one outlet gave it. */
typedef struct sr_figure_obs {
    const sr_figure *fig;
    const char *outlet;   /* who published it (required) */
    const char *subject;  /* sr_figure_subject */
    const char *place;    /* where its words put it (sr_figure_place), or NULL */
    const char *doc_place;/* where its document mostly is
                             (sr_figures_main_place), or NULL */
    const char *date;     /* "YYYY-MM-DD" of the report, or NULL */
} sr_figure_obs;

typedef struct sr_figure_group {
    size_t *members;      /* indexes into the observations, in input order */
    size_t n;
    size_t noutlets;      /* distinct outlets among the members (>= 2) */
    int contested;        /* 1: two outlets give values that cannot both hold */
} sr_figure_group;

/*
 * Group the observations that give the same quantity: same category, same
 * subject (an unknown one, "?", is never grouped), the same place (names
 * compared without case or punctuation) and close report dates.
 *
 * Counts of events (killed, injured, detained, abducted, and other counted
 * events: strikes, raids, attacks, shells) need their own place and a date,
 * and dates no more than 3 days apart. Stocks (fighters, civilians present,
 * refugees, displaced, share of territory, posts, vehicles) take the
 * document's place when their words name none, and dates no more than 30
 * days apart, an unknown date matching any. An observation without a place
 * is never grouped.
 *
 * Only groups with two or more outlets are returned, contested ones first;
 * the arrays live in the arena.
 */
int sr_figures_group(const sr_figure_obs *obs, size_t n, sr_arena *arena,
                     sr_figure_group **out, size_t *nout);

/* 1 when the ranges of a and b cannot both hold (7,000 and 10,000; "at
 * least 100" and 80), 0 when they can ("more than 2.5 million" and 3
 * million). */
int sr_figures_disagree(const sr_figure *a, const sr_figure *b);

/* ---- labels: the words outlets use for armed groups -------------------- */

typedef struct sr_label {
    uint32_t sentence;
    uint32_t start, end;            /* the word */
    const char *word;               /* canonical, lower case: "rebels",
                                       "terrorists", "jihadists" */
    const sr_actor_phrase *phrase;  /* the actor phrase it belongs to, or NULL */
} sr_label;

/* Every label word of the text (rebels, insurgents, terrorists, militants,
 * jihadists, opposition, Islamists, extremists, fighters, militias,
 * mercenaries, takfiris, ...), in text order, in the arena. */
int sr_labels_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                   sr_arena *arena, sr_label **out, size_t *n);

#endif
