/*
 * store: opening, creating and migrating the SQLite file.
 *
 * The schema version lives in SQLite's user_version, so that it is read
 * and written in the same transaction as the tables it describes: a store
 * is either at version N with all of N's tables, or untouched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_internal.h"

int sr_store_exec(sqlite3 *db, const char *sql, const char *what, sr_error *err)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        sr_error_set(err, SR_EIO, "%s: %s", what, msg ? msg : sqlite3_errmsg(db));
        sqlite3_free(msg);
        return SR_EIO;
    }
    return 0;
}

int sr_store_prepare(sqlite3 *db, const char *sql, sqlite3_stmt **out, sr_error *err)
{
    if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, NULL) != SQLITE_OK) {
        sr_error_set(err, SR_EIO, "store: %s", sqlite3_errmsg(db));
        *out = NULL;
        return SR_EIO;
    }
    return 0;
}

static int read_version(sqlite3 *db, int *version, sr_error *err)
{
    sqlite3_stmt *st = NULL;
    if (sr_store_prepare(db, "PRAGMA user_version", &st, err) != 0)
        return SR_EIO;
    int rc = sqlite3_step(st);
    *version = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
    sqlite3_finalize(st);
    if (rc != SQLITE_ROW)
        return sr_error_set(err, SR_EIO, "store: cannot read the schema version: %s",
                            sqlite3_errmsg(db));
    return 0;
}

/* Create the tables of version 1 in an empty file, in one transaction. */
static int create_v1(sqlite3 *db, sr_error *err)
{
    if (sr_store_exec(db, "BEGIN IMMEDIATE", "store: begin", err) != 0)
        return SR_EIO;
    int version = 0;
    if (read_version(db, &version, err) != 0)
        goto fail;
    if (version >= 1) /* another process created it meanwhile */
        return sr_store_exec(db, "COMMIT", "store: commit", err);
    /* an SQLite file of something else: --db pointed at the wrong file,
     * whose owner would not thank us for our tables among theirs */
    sqlite3_stmt *st = NULL;
    if (sr_store_prepare(db, "SELECT count(*) FROM sqlite_master", &st, err) != 0)
        goto fail;
    int tables = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
    sqlite3_finalize(st);
    if (tables != 0) {
        sr_error_set(err, SR_EFORMAT,
                     "not a sitrep store: the database has tables of its own (give a new file)");
        goto fail;
    }
    for (size_t i = 0; sr_store_schema_v1[i]; i++)
        if (sr_store_exec(db, sr_store_schema_v1[i], "store: creating the schema", err) != 0)
            goto fail;
    if (sr_store_exec(db, "PRAGMA user_version = 1", "store: setting the schema version", err) != 0)
        goto fail;
    return sr_store_exec(db, "COMMIT", "store: commit", err);
fail:
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return SR_EIO;
}

/* Bring a store up to SR_STORE_SCHEMA_VERSION. Each step from version N to
 * N+1 goes here as its own function, run in its own transaction. */
static int migrate(sqlite3 *db, int *version, sr_error *err)
{
    if (*version == 0) {
        if (create_v1(db, err) != 0)
            return SR_EIO;
        return read_version(db, version, err);
    }
    return 0;
}

int sr_store_open(sr_store **out, const char *path, int mode, sr_error *err)
{
    *out = NULL;
    sr_store *s = calloc(1, sizeof *s);
    if (!s)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    s->mode = mode;
    s->path = strdup(path);
    int flags = mode == SR_STORE_WRITE ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
                                       : SQLITE_OPEN_READONLY;
    flags |= SQLITE_OPEN_NOMUTEX; /* a handle is used by one thread at a time */
    if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
        sr_error_set(err, SR_EIO, "%s: %s", path,
                     s->db ? sqlite3_errmsg(s->db) : "cannot open the store");
        goto fail;
    }
    sqlite3_busy_timeout(s->db, 10000);
    /* Pages are read through a memory map of the file rather than copied
     * into SQLite's cache one read() at a time: a query that walks an
     * index range over many pages (a rare actor over a year of a store of
     * a million events) takes a third of the time. SQLite caps the map
     * at its own limit; writes still go through the WAL. */
    sqlite3_exec(s->db, "PRAGMA mmap_size=2147483648", NULL, NULL, NULL);
    sqlite3_extended_result_codes(s->db, 1);
    if (mode == SR_STORE_WRITE) {
        /* 16 KB pages for a new file (an existing one keeps its own; the
         * pragma is then a no-op): ingest appends rows to a dozen B-trees,
         * and larger pages halve the splits, the page headers and the WAL
         * frames it writes (ingest 15% faster than with 4 KB; queries
         * read index ranges, which larger pages do not slow). It must come
         * before the first write, which journal_mode=WAL is. */
        if (sr_store_exec(s->db, "PRAGMA page_size=16384", path, err) != 0)
            goto fail;
        /* WAL: readers do not block the writer, and a commit is one append,
         * so a killed process leaves the last committed state. */
        if (sr_store_exec(s->db, "PRAGMA journal_mode=WAL", path, err) != 0 ||
            sr_store_exec(s->db, "PRAGMA synchronous=NORMAL", path, err) != 0)
            goto fail;
    }
    if (sr_store_exec(s->db, "PRAGMA foreign_keys=ON", path, err) != 0)
        goto fail;
    if (read_version(s->db, &s->version, err) != 0) {
        sr_error_set(err, SR_EFORMAT, "%s: not a sitrep store (%s)", path, sqlite3_errmsg(s->db));
        goto fail;
    }
    if (s->version > SR_STORE_SCHEMA_VERSION) {
        sr_error_set(err, SR_EFORMAT,
                     "%s: store schema version %d is newer than this sitrep's (%d)", path,
                     s->version, SR_STORE_SCHEMA_VERSION);
        goto fail;
    }
    if (s->version < SR_STORE_SCHEMA_VERSION) {
        if (mode != SR_STORE_WRITE) {
            sr_error_set(err, SR_EFORMAT,
                         s->version == 0 ? "%s: not a sitrep store (no schema; run sitrep ingest)"
                                         : "%s: store schema is old; run sitrep ingest to migrate it",
                         path);
            goto fail;
        }
        if (migrate(s->db, &s->version, err) != 0) {
            if (err) { /* name the file, as every other message here does */
                char why[sizeof err->msg];
                snprintf(why, sizeof why, "%s", err->msg);
                sr_error_set(err, err->code ? err->code : SR_EIO, "%s: %s", path, why);
            }
            goto fail;
        }
    }
    *out = s;
    return 0;
fail:
    sr_store_close(s);
    return err && err->code ? err->code : SR_EIO;
}

void sr_store_close(sr_store *s)
{
    if (!s)
        return;
    if (s->db)
        sqlite3_close_v2(s->db);
    free(s->path);
    free(s);
}

int sr_store_schema_version(const sr_store *s)
{
    return s->version;
}
