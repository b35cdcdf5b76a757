/* What the store's own modules, the exports and the report share: the
 * SQLite connection behind a handle and a few statement helpers. */
#ifndef SR_STORE_INTERNAL_H
#define SR_STORE_INTERNAL_H

#include <sqlite3.h>

#include "sitrep/store.h"

struct sr_store {
    sqlite3 *db;
    char *path;
    int mode;
    int version;
};

/* The schema, as SQL statements, one per array entry; schema.c. */
extern const char *const sr_store_schema_v1[];

/* Run sql (no results) on db; on failure fill err naming what was done. */
int sr_store_exec(sqlite3 *db, const char *sql, const char *what, sr_error *err);

/* Prepare sql, filling err with SQLite's message on failure. */
int sr_store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **out, sr_error *err);

static inline sqlite3 *sr_store_db(sr_store *s) { return s->db; }

#endif
