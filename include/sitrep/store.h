/*
 * store: the SQLite database that `sitrep ingest` fills and the query,
 * export and report commands read (docs/store.md describes its tables;
 * SR_STORE_SCHEMA_VERSION is their version).
 *
 * Ownership: sr_store_open gives the caller a handle to close with
 * sr_store_close. A handle is used by one thread at a time; several
 * handles (threads or processes) may open the same file: SQLite's WAL
 * mode lets readers run while one writer writes.
 */
#ifndef SITREP_STORE_H
#define SITREP_STORE_H

#include "sitrep/sitrep.h"

/* The schema this build creates and reads. A store with an older version
 * is migrated on open for writing; a newer one is refused. */
#define SR_STORE_SCHEMA_VERSION 1

typedef struct sr_store sr_store;

enum sr_store_mode {
    SR_STORE_READ = 0,  /* the file must exist; nothing is written */
    SR_STORE_WRITE = 1  /* created if missing; schema created or migrated */
};

/* Open (or create) the store at path. */
int sr_store_open(sr_store **out, const char *path, int mode, sr_error *err);
void sr_store_close(sr_store *s);

/* The schema version recorded in the file. */
int sr_store_schema_version(const sr_store *s);

#endif
