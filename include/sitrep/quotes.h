/*
 * quotes: direct quotations and reported speech with their speakers.
 *
 * Ownership: sr_quotes_find allocates its results in the caller's arena.
 * Pure computation: thread-safe.
 */
#ifndef SITREP_QUOTES_H
#define SITREP_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"
#include "sitrep/coder.h"
#include "sitrep/text.h"

typedef struct sr_quote {
    uint32_t sentence;        /* where the quotation starts */
    uint32_t start, end;      /* byte span of the quoted words (without marks) */
    uint8_t direct;           /* 1: in quotation marks; 0: reported speech */
    uint32_t speaker_start, speaker_end; /* span of the speaker's words, or 0,0 */
    const sr_actor_phrase *speaker;      /* the speaker as a coded actor, or NULL */
    uint8_t speaker_from_pronoun;        /* the speaker was "he"/"she"/"they" */
    uint32_t cue_start, cue_end;         /* the speech verb ("said", "warned") */
} sr_quote;

/* Find the quotations of an analyzed text; phrases are the coder's actor
 * phrases (sr_events.phrases), used to give speakers their codes. */
int sr_quotes_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                   sr_arena *arena, sr_quote **out, size_t *n);

#endif
