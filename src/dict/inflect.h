/*
 * inflect: regular English inflections of upper-case words, for the verb
 * forms a verbs file leaves implicit and the plurals an agents file leaves
 * implicit. Irregular forms are the dictionaries' business ({...}).
 */
#ifndef SR_DICT_INFLECT_H
#define SR_DICT_INFLECT_H

#include <stddef.h>

#include "dict/vocab.h"

/* Room for any inflection of a word of up to SR_WORD_MAX bytes. */
#define SR_INFL_MAX (SR_WORD_MAX + 8)

/* Up to two spellings of one inflection: "CANCELED" and "CANCELLED". */
typedef struct sr_infl {
    char w[2][SR_INFL_MAX];
    size_t len[2];
    int n;
} sr_infl;

/* ATTACKS, PUSHES, CARRIES, GOES */
void sr_inflect_3sg(const char *v, size_t n, sr_infl *out);
/* ATTACKED, AGREED, CARRIED, STOPPED (one syllable, consonant-vowel-
 * consonant), COMMITTED (a final syllable known to take the stress),
 * CANCELED + CANCELLED (other final -L: both spellings are in use),
 * VISITED, PANICKED */
void sr_inflect_past(const char *v, size_t n, sr_infl *out);
/* ATTACKING, MAKING, AGREEING, DYING, STOPPING, ... as for the past */
void sr_inflect_ing(const char *v, size_t n, sr_infl *out);
/* Regular noun plural: SOLDIERS, MILITIAS, PARTIES, CHURCHES, BOXES */
void sr_inflect_plural(const char *w, size_t n, sr_infl *out);

#endif
