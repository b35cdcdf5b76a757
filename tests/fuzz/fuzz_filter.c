/*
 * Fuzz the store's query filters: what a user types after --actor,
 * --code, --place, --since, --text ... reaches sr_store_events and the
 * other queries unchanged. The input is split at newlines into the filter
 * fields; each query runs over a small store (tests/query/fixture.sql,
 * loaded once per process) and must either answer or refuse with
 * SR_EINVAL and a message, never crash, and never change the store.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/query.h"
#include "store/store_internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond)                                                       \
    do {                                                                    \
        if (!(cond)) {                                                      \
            fprintf(stderr, "fuzz_filter: broken invariant: %s\n", #cond);  \
            abort();                                                        \
        }                                                                   \
    } while (0)

/* The fuzzer's own store, made once: tests run many inputs per process. */
static sr_store *fixture_store(void)
{
    static sr_store *store;
    if (store)
        return store;
    sr_error err = {0, ""};
    REQUIRE(sr_store_open(&store, ":memory:", SR_STORE_WRITE, &err) == 0);
    FILE *f = fopen("tests/query/fixture.sql", "rb");
    if (f) { /* run from the repository root; without it the store is empty */
        static char sql[1 << 16];
        size_t n = fread(sql, 1, sizeof sql - 1, f);
        fclose(f);
        sql[n] = '\0';
        REQUIRE(sqlite3_exec(sr_store_db(store), sql, NULL, NULL, NULL) == SQLITE_OK);
    }
    return store;
}

static int count_rows(sqlite3 *db)
{
    sqlite3_stmt *st = NULL;
    int n = -1;
    if (sqlite3_prepare_v2(db, "SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM documents)",
                           -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    return n;
}

static int on_event(const sr_event_row *r, void *ctx)
{
    REQUIRE(r->cameo != NULL);
    ++*(size_t *)ctx;
    return 0;
}

static int on_quote(const sr_quote_row *r, void *ctx)
{
    REQUIRE(r->quote != NULL);
    ++*(size_t *)ctx;
    return 0;
}

static int on_figure(const sr_stored_figure *r, void *ctx)
{
    (void)r;
    ++*(size_t *)ctx;
    return 0;
}

static void check_refusal(int rc, const sr_error *err)
{
    REQUIRE(rc == 0 || rc == SR_EINVAL);
    if (rc == SR_EINVAL)
        REQUIRE(err->msg[0] != '\0');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    sr_store *s = fixture_store();
    int before = count_rows(sr_store_db(s));

    /* up to 11 newline-separated fields, NUL-terminated copies */
    char *copy = malloc(size + 1);
    memcpy(copy, data, size);
    copy[size] = '\0';
    const char *field[11] = {0};
    char *p = copy;
    for (int i = 0; i < 11 && p; i++) {
        field[i] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = '\0';
    }
    sr_event_filter f = {0};
    f.actor = field[0];
    f.source_actor = field[1];
    f.target_actor = field[2];
    f.code = field[3];
    f.plover = field[4];
    f.place = field[5];
    f.since = field[6];
    f.until = field[7];
    f.outlet = field[8];
    f.text = field[9];
    f.limit = size % 7;
    f.grouped = (int)(size & 1);

    sr_error err = {0, ""};
    size_t n = 0;
    check_refusal(sr_store_events(s, &f, on_event, &n, &err), &err);
    err = (sr_error){0, ""};
    check_refusal(sr_store_figures(s, &f, on_figure, &n, &err), &err);

    sr_quote_filter q = {0};
    q.speaker = field[0];
    q.since = field[6];
    q.until = field[7];
    q.outlet = field[8];
    q.text = field[9];
    err = (sr_error){0, ""};
    check_refusal(sr_store_quotes(s, &q, on_quote, &n, &err), &err);

    REQUIRE(count_rows(sr_store_db(s)) == before);
    free(copy);
    return 0;
}
