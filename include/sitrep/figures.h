/*
 * figures: the numbers conflict news reports (killed, injured, displaced,
 * fighters, detained, share of territory...) with their qualifiers, what
 * is counted and whose, and who claims them; and, across documents, the
 * figures outlets disagree on.
 *
 * Ownership: sr_figures_find allocates its results in the caller's arena;
 * strings point into the arena or are static. Pure computation: thread-safe.
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
    double low, high;        /* the range the words allow; low == high when exact */
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

#endif
