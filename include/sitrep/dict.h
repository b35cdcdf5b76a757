/*
 * dict: the coding dictionaries, in the PETRARCH/TABARI text formats,
 * loaded as they are:
 *   verbs     CAMEO.2.0.txt style: &SYNSETS, "--- NAME [code] ---" verb
 *             blocks, verb forms with optional {inflections} and [code],
 *             and "- pre * post [code]" patterns;
 *   actors    Phoenix.*.actors.txt style: a name with synonyms (+NAME) and
 *             codes, optionally dated ([SYRGOV >000717], [RUSGOV 990809-000507]);
 *   agents    Phoenix.agents.txt style: !macros!, generic agents with
 *             suffix (~MIL) or prefix (IGO~) codes and {plurals};
 *   discards  phrases that make a sentence (or, with a leading +, a whole
 *             story) not worth coding.
 * A malformed line is reported through the warning callback as
 * "FILE:LINE: message" and skipped; loading goes on.
 *
 * Ownership: sr_dict_load returns a dictionary the caller frees with
 * sr_dict_free. A loaded dictionary is immutable and may be shared by any
 * number of threads.
 */
#ifndef SITREP_DICT_H
#define SITREP_DICT_H

#include <stddef.h>

struct sr_error;

typedef struct sr_dict sr_dict;

typedef void (*sr_dict_warn_fn)(const char *msg, void *ctx);

typedef struct sr_dict_files {
    const char *verbs;         /* required */
    const char *const *actors; /* nactors paths, in priority order */
    size_t nactors;
    const char *agents;        /* may be NULL */
    const char *discards;      /* may be NULL */
    const char *const *more_agents; /* further agent files, loaded after
                                       agents (later entries win) */
    size_t nmore_agents;
} sr_dict_files;

int sr_dict_load(sr_dict **out, const sr_dict_files *files, sr_dict_warn_fn warn,
                 void *warn_ctx, struct sr_error *err);

/*
 * Load the default set from a directory: CAMEO.2.0.txt, every *.actors.txt
 * (sorted by name, so a user's file can be dropped in beside the shipped
 * ones), Phoenix.agents.txt then every other *.agents.txt (sorted), and
 * Phoenix.discards.txt.
 */
int sr_dict_load_dir(sr_dict **out, const char *dir, sr_dict_warn_fn warn,
                     void *warn_ctx, struct sr_error *err);

void sr_dict_free(sr_dict *d);

typedef struct sr_dict_stats {
    size_t words, verbs, verb_forms, patterns, synsets, actors, actor_phrases,
        agents, discards, warnings;
} sr_dict_stats;

void sr_dict_get_stats(const sr_dict *d, sr_dict_stats *out);

#endif
