/*
 * quotes: direct quotations and reported speech with their speakers.
 *
 * A quotation is what one speaker is reported to have said at one place in
 * the text: the words in quotation marks ("direct"), or the clause a speech
 * verb introduces ("reported": "said that ...", "according to X, ...").
 * A direct quotation interrupted by its attribution ("“A,” he said. “B.”")
 * or running over several paragraphs is one quotation of several parts.
 * docs/quotes.md gives the rules.
 *
 * Ownership: sr_quotes_find allocates its results in the caller's arena;
 * speaker points into the phrases passed in, which must outlive the
 * results. Pure computation: thread-safe.
 */
#ifndef SITREP_QUOTES_H
#define SITREP_QUOTES_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"
#include "sitrep/coder.h"
#include "sitrep/doc.h"
#include "sitrep/text.h"

struct sr_buf;

/* One stretch of quoted words, without its quotation marks. */
typedef struct sr_quote_part {
    uint32_t start, end;      /* byte span */
} sr_quote_part;

typedef struct sr_quote {
    uint32_t sentence;        /* where the quotation starts */
    uint32_t start, end;      /* byte span of the quoted words (without marks):
                                 from the first part's start to the last
                                 part's end */
    const sr_quote_part *parts; /* the quoted stretches in text order (one
                                   unless the quotation is interrupted or
                                   spans paragraphs); never empty */
    size_t nparts;
    uint8_t direct;           /* 1: in quotation marks; 0: reported speech */
    uint32_t speaker_start, speaker_end; /* span of the speaker's words, or 0,0;
                                            for a pronoun, the name it stands
                                            for (else the pronoun itself) */
    const sr_actor_phrase *speaker;      /* the speaker as a coded actor, or NULL */
    uint8_t speaker_from_pronoun;        /* the speaker was "he"/"she"/"they"/"it" */
    uint32_t cue_start, cue_end;         /* the speech verb ("said", "warned",
                                            "according to"), or 0,0 when the
                                            speaker was carried over from the
                                            quotation before */
} sr_quote;

/* Find the quotations of an analyzed text, in text order; phrases are the
 * coder's actor phrases (sr_events.phrases, in text order), used to give
 * speakers their codes. Returns 0 (also when there are none: *out NULL,
 * *n 0) or SR_EINVAL for a NULL argument. */
int sr_quotes_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                   sr_arena *arena, sr_quote **out, size_t *n);

/* One JSON line of kind "quote" per quotation (docs/records.md), for the
 * document doc whose text evs was coded from and qs found in. */
void sr_records_write_quotes(struct sr_buf *out, const sr_doc *doc, const sr_events *evs,
                             const sr_quote *qs, size_t n);

#endif
