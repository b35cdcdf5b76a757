/*
 * Unit tests of the store's opening: creating the schema in a new file,
 * reading it back, and refusing files that are not sitrep stores or come
 * from a newer sitrep.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "sitrep/store.h"

static void path_of(char *buf, size_t n, const char *name)
{
    snprintf(buf, n, "%s/%s", th_tmpdir(), name);
}

static void sql(const char *path, const char *statements)
{
    sqlite3 *db = NULL;
    CHECK(sqlite3_open(path, &db) == SQLITE_OK);
    CHECK(sqlite3_exec(db, statements, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(db);
}

TEST(new_file_gets_the_schema)
{
    char p[128];
    path_of(p, sizeof p, "new.db");
    sr_store *s = NULL;
    sr_error err = {0, ""};
    CHECK_INT(sr_store_open(&s, p, SR_STORE_WRITE, &err), 0);
    CHECK_INT(sr_store_schema_version(s), SR_STORE_SCHEMA_VERSION);
    sr_store_close(s);
    CHECK_INT(sr_store_open(&s, p, SR_STORE_READ, &err), 0);
    CHECK_INT(sr_store_schema_version(s), SR_STORE_SCHEMA_VERSION);
    sr_store_close(s);
}

TEST(reading_a_missing_file_fails)
{
    char p[128];
    path_of(p, sizeof p, "missing.db");
    sr_store *s = NULL;
    sr_error err = {0, ""};
    CHECK(sr_store_open(&s, p, SR_STORE_READ, &err) < 0);
    CHECK(s == NULL);
    CHECK(strstr(err.msg, "missing.db") != NULL);
}

/* Regression: ingest put its tables into any SQLite file --db named. */
TEST(another_programs_database_is_refused)
{
    char p[128];
    path_of(p, sizeof p, "other.db");
    sql(p, "CREATE TABLE invoices (id INTEGER PRIMARY KEY, amount REAL)");
    sr_store *s = NULL;
    sr_error err = {0, ""};
    CHECK_INT(sr_store_open(&s, p, SR_STORE_WRITE, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "other.db: not a sitrep store") != NULL);
    CHECK_INT(sr_store_open(&s, p, SR_STORE_READ, &err), SR_EFORMAT);
    /* and the file is left as it was: one table */
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    CHECK(sqlite3_open(p, &db) == SQLITE_OK);
    CHECK(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master", -1, &st, NULL) == SQLITE_OK);
    CHECK(sqlite3_step(st) == SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(st, 0), 1);
    sqlite3_finalize(st);
    sqlite3_close(db);
}

TEST(newer_schema_is_refused)
{
    char p[128];
    path_of(p, sizeof p, "newer.db");
    sr_store *s = NULL;
    sr_error err = {0, ""};
    CHECK_INT(sr_store_open(&s, p, SR_STORE_WRITE, &err), 0);
    sr_store_close(s);
    sql(p, "PRAGMA user_version = 99");
    CHECK_INT(sr_store_open(&s, p, SR_STORE_WRITE, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "newer") != NULL);
}

TEST(text_file_is_not_a_store)
{
    char p[128];
    path_of(p, sizeof p, "notes.db");
    CHECK(th_write_file("notes.db", "these are notes, not a database\n") != NULL);
    sr_store *s = NULL;
    sr_error err = {0, ""};
    CHECK(sr_store_open(&s, p, SR_STORE_WRITE, &err) < 0);
    CHECK(strstr(err.msg, "notes.db") != NULL);
}

int main(void)
{
    if (!th_tmpdir_make("sr_test_store"))
        return 1;
    RUN(new_file_gets_the_schema);
    RUN(reading_a_missing_file_fails);
    RUN(another_programs_database_is_refused);
    RUN(newer_schema_is_refused);
    RUN(text_file_is_not_a_store);
    th_tmpdir_remove();
    return DONE();
}
