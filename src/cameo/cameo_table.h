/*
 * The compiled-in CAMEO table. scripts/gen_cameo_table.sh writes its
 * definition (build/gen/cameo_table.c) from data/cameo/cameo_codes.tsv and
 * the CAMEO-to-PLOVER conversion table; src/cameo/cameo.c searches it.
 *
 * Entries are sorted by code in strcmp order, codes are unique, and every
 * code's two-digit root has its own entry, so a parent lookup always ends
 * on a listed code.
 */
#ifndef SR_CAMEO_TABLE_H
#define SR_CAMEO_TABLE_H

#include <stddef.h>

#include "sitrep/cameo.h"

/* The quad class of a root given as a number (1..20). A macro so that the
 * generated table can fill quad_class in a static initializer and the rule
 * is still written down only here. */
#define SR_CAMEO_QUAD_OF_ROOT(root) \
    ((root) <= 5 ? 1 : (root) <= 8 ? 2 : (root) <= 13 ? 3 : 4)

extern const sr_cameo_info sr_cameo_table[];
extern const size_t sr_cameo_table_len;

#endif
