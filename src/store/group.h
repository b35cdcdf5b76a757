/*
 * Grouping's view of the events an ingest has just written (group.c).
 *
 * Grouping at the end of an ingest needs, for every new event, its
 * grouping key, day, outlet and document. The writer has all of it in hand
 * when it inserts the event, so it keeps a copy here instead of having
 * grouping read the new events back from the store with three joins.
 */
#ifndef SR_STORE_GROUP_H
#define SR_STORE_GROUP_H

#include <stdint.h>

#include "sitrep/store.h"

/* One event as grouping reads it: the values of the columns the loading
 * queries select (NULL where the column is NULL). */
typedef struct sr_group_row {
    int64_t id, key, doc_id, group;     /* group 0: none yet */
    const char *root, *source_code, *target_code, *cameo;
    int64_t geonameid;                  /* 0: none */
    const char *place_name;
    const char *day;                    /* the event's day, else its document's */
    const char *outlet, *url;
} sr_group_row;

typedef struct sr_group_fresh sr_group_fresh;

sr_group_fresh *sr_group_fresh_new(void);
void sr_group_fresh_free(sr_group_fresh *f);
/* Copy row's values. 0, or SR_ENOMEM. */
int sr_group_fresh_add(sr_group_fresh *f, const sr_group_row *row);

/*
 * sr_store_group_events, told which events are ungrouped: f holds every
 * event of the store whose group_id is NULL (the caller knows: the store
 * had none when it started writing, and it added each new one to f).
 * store_had_events 0 says the store held no event before those in f, so
 * nothing is read back at all. Runs inside the caller's open transaction
 * (the one that wrote the last of the events), which commits the groups
 * with those rows: the events' pages the grouping rewrites are then
 * written to the log once, not twice. Takes f's contents (f may be freed
 * after).
 */
int sr_store_group_fresh(sr_store *s, sr_group_fresh *f, int store_had_events, size_t *ngroups,
                         size_t *nevents, sr_error *err);

/* 1 when some event of the store has no group (a run stopped before
 * grouping), 0 when none, negative on error. */
int sr_store_has_ungrouped(sr_store *s, sr_error *err);

#endif
