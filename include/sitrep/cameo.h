/*
 * cameo: facts about CAMEO event codes: root, quad class, Goldstein score,
 * PLOVER event type and mode, and a short description.
 *
 * The tables are compiled in (generated from data/cameo/ at build time) and
 * read-only, so every function here is thread-safe. Returned strings are
 * static: never free them.
 */
#ifndef SITREP_CAMEO_H
#define SITREP_CAMEO_H

typedef struct sr_cameo_info {
    const char *code;        /* canonical code, e.g. "0251", "190" */
    const char *description; /* e.g. "Use conventional military force" */
    int quad_class;          /* 1 verbal coop, 2 material coop,
                                3 verbal conflict, 4 material conflict */
    double goldstein;        /* -10 .. +10 */
    const char *plover_type; /* e.g. "ASSAULT"; NULL when PLOVER has none */
    const char *plover_mode; /* e.g. "aerial"; NULL or "" when none */
} sr_cameo_info;

/*
 * Look up a CAMEO code of 2-4 digits ("19", "190", "1951"). A code not in
 * the table falls back to its nearest listed parent (1951 -> 195 -> 19), so
 * the result is only NULL when the root itself is unknown (not 01-20).
 */
const sr_cameo_info *sr_cameo_lookup(const char *code);

/* The two-digit root of a code ("0251" -> "02"); writes 3 bytes to out.
 * Returns 0, or SR_EINVAL when code is not 2-4 digits. */
int sr_cameo_root(const char *code, char out[3]);

#endif
