/*
 * Ingest and grouping against real stores in a scratch directory, with
 * the shipped dictionaries and the built gazetteer (make builds it before
 * the tests): what is stored is compared with what the coder itself says
 * about the same text.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "sitrep/ingest.h"
#include "sitrep/sitrep.h"
#include "sitrep/store.h"
#include "util/sha256.h"

static sr_dict *dict;
static sr_gazetteer *gaz;
static int nstores;

/* A new empty store in the scratch directory. */
static sr_store *new_store(char *path, size_t size)
{
    snprintf(path, size, "%s/store%d.db", th_tmpdir(), nstores++);
    sr_store *s = NULL;
    sr_error err = {0, ""};
    if (sr_store_open(&s, path, SR_STORE_WRITE, &err) != 0) {
        fprintf(stderr, "test_ingest: %s\n", err.msg);
        return NULL;
    }
    return s;
}

static sr_doc make_doc(const char *id, const char *outlet, const char *date, const char *text)
{
    sr_doc d;
    memset(&d, 0, sizeof d);
    d.id = id;
    d.source = outlet;
    d.date = date;
    d.text = text;
    d.text_len = strlen(text);
    d.path = "-";
    return d;
}

/* Ingest docs[0..n) in one run with the given thread count. */
static int ingest(sr_store *s, const sr_doc *docs, size_t n, int threads, sr_ingest_stats *stats)
{
    sr_ingest_options o;
    sr_ingest_options_default(&o);
    o.threads = threads;
    o.batch_docs = 2; /* several batches even for a handful of documents */
    sr_ingest *ing = NULL;
    sr_error err = {0, ""};
    if (sr_ingest_new(&ing, s, dict, gaz, &o, &err) != 0) {
        fprintf(stderr, "test_ingest: %s\n", err.msg);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < n && rc == 0; i++)
        rc = sr_ingest_doc(ing, &docs[i], &err);
    if (rc == 0)
        rc = sr_ingest_flush(ing, &err);
    if (rc != 0)
        fprintf(stderr, "test_ingest: %s\n", err.msg);
    if (stats)
        sr_ingest_get_stats(ing, stats);
    sr_ingest_free(ing);
    return rc;
}

/* Reading goes through a connection of its own, as another process's
 * would: what it sees is what was committed. */
static sqlite3 *test_db;

/* The first column of the first row of sql, as an integer (-1: none). */
static long long query_int(const char *sql)
{
    long long v = -1;
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(test_db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        v = sqlite3_column_int64(st, 0);
    else
        fprintf(stderr, "test_ingest: %s: %s\n", sql, sqlite3_errmsg(test_db));
    sqlite3_finalize(st);
    return v;
}

static int look(const char *path)
{
    if (test_db)
        sqlite3_close(test_db);
    return sqlite3_open_v2(path, &test_db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK;
}

/* Text of the first column of the first row of sql, in buf. */
static const char *query_text(const char *sql, char *buf, size_t size)
{
    sqlite3_stmt *st = NULL;
    buf[0] = '\0';
    if (sqlite3_prepare_v2(test_db, sql, -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
        snprintf(buf, size, "%s", (const char *)sqlite3_column_text(st, 0));
    sqlite3_finalize(st);
    return buf;
}

static const char attack[] = "Syrian government forces attacked rebels in Saraqib.";

TEST(store_is_created_with_its_version)
{
    char path[256];
    sr_store *s = new_store(path, sizeof path);
    CHECK(s != NULL);
    CHECK_INT(sr_store_schema_version(s), SR_STORE_SCHEMA_VERSION);
    sr_store_close(s);
    CHECK(look(path));
    CHECK_INT(query_int("PRAGMA user_version"), SR_STORE_SCHEMA_VERSION);
    char buf[64];
    CHECK_STR(query_text("PRAGMA journal_mode", buf, sizeof buf), "wal");
    CHECK_INT(query_int("SELECT count(*) FROM sqlite_master WHERE name IN ('documents',"
                              " 'sentences', 'sentence_fts', 'actors', 'places', 'events',"
                              " 'event_groups', 'figures', 'quotes', 'labels')"),
              10);
}

/* One document: its rows say what the coder says about it. */
TEST(a_document_gives_the_rows_the_coder_gives)
{
    static const char text[] =
        "Syrian government forces shelled rebels in Saraqib on Monday, killing 12 fighters, "
        "the Observatory said. \"We will fight on,\" a rebel commander said.";
    sr_doc d = make_doc("doc-1", "Outlet A", "2020-03-04", text);

    /* what the coder says */
    sr_coder *coder = NULL;
    sr_error err = {0, ""};
    CHECK(sr_coder_new(&coder, dict, NULL, &err) == 0);
    sr_coder_set_gazetteer(coder, gaz);
    const sr_events *evs = NULL;
    CHECK(sr_coder_code(coder, d.text, d.text_len, d.date, &evs, &err) == 0);
    CHECK(evs->n >= 1);
    const sr_event *e = &evs->events[0];
    char hash[65];
    sr_sha256_hex(text, strlen(text), hash, 64);
    long long key = sr_mention_key(hash, e->sent_start, e->sent_end, e->cameo, e->source.start,
                                   e->source.end, e->target.start, e->target.end);
    char cameo[16], source[32], target[32], date[16];
    snprintf(cameo, sizeof cameo, "%s", e->cameo);
    snprintf(source, sizeof source, "%s", e->source.code);
    snprintf(target, sizeof target, "%s", e->target.code ? e->target.code : "");
    char want_date[11];
    CHECK(sr_store_day(e->date, want_date) == 0);
    uint32_t ss = e->sent_start, se = e->sent_end, vs = e->verb_start, ve = e->verb_end;
    size_t nevents = evs->n, nsentences = evs->text->nsentences;
    sr_coder_free(coder);
    CHECK_STR(cameo, "190");
    CHECK_STR(source, "SYRMIL");

    char path[256], sql[512], buf[128];
    sr_store *s = new_store(path, sizeof path);
    sr_ingest_stats st;
    CHECK(ingest(s, &d, 1, 2, &st) == 0);
    sr_store_close(s);
    CHECK_INT(st.docs_stored, 1);
    CHECK_INT(st.events, nevents);
    CHECK(look(path));
    CHECK_INT(query_int("SELECT count(*) FROM documents"), 1);
    CHECK_STR(query_text("SELECT hash FROM documents", buf, sizeof buf), hash);
    CHECK_STR(query_text("SELECT doc_key || '|' || outlet || '|' || published FROM documents", buf,
                         sizeof buf),
              "doc-1|Outlet A|2020-03-04");
    CHECK_INT(query_int("SELECT count(*) FROM sentences"), nsentences);
    CHECK_INT(query_int("SELECT count(*) FROM events"), nevents);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM events WHERE mention_key = %lld", key);
    CHECK_INT(query_int(sql), 1);
    snprintf(sql, sizeof sql,
             "SELECT cameo || '|' || source_code || '|' || coalesce(target_code, '') || '|' ||"
             " start || '|' || end || '|' || verb_start || '|' || verb_end || '|' || date"
             " FROM events WHERE mention_key = %lld", key);
    char want[256];
    snprintf(want, sizeof want, "%s|%s|%s|%u|%u|%u|%u|%s", cameo, source, target, ss, se, vs, ve,
             want_date);
    CHECK_STR(query_text(sql, buf, sizeof buf), want);
    snprintf(sql, sizeof sql,
             "SELECT a.text || '|' || p.name || '|' || s.idx FROM events e"
             " JOIN actors a ON a.id = e.source_id JOIN places p ON p.id = e.place_id"
             " JOIN sentences s ON s.id = e.sentence_id WHERE e.mention_key = %lld", key);
    CHECK_STR(query_text(sql, buf, sizeof buf), "Syrian government forces|Saraqib|0");
    /* the event's words are found through the full-text index */
    CHECK_INT(query_int("SELECT count(*) FROM sentence_fts WHERE sentence_fts MATCH 'shelled'"), 1);
    /* the figure, with the subject and place that compare outlets */
    CHECK_STR(query_text("SELECT figure_text || '|' || low || '|' || category || '|' || subject"
                         " FROM figures", buf, sizeof buf),
              "12|12.0|killed|armed");
    CHECK_STR(query_text("SELECT quote || '|' || parts || '|' || direct FROM quotes WHERE direct = 1",
                         buf, sizeof buf),
              "We will fight on|[[106,122]]|1");
    CHECK_INT(query_int("SELECT count(*) FROM labels WHERE word = 'rebels'"), 2); /* rebels, rebel commander */
    /* every event is in a group */
    CHECK_INT(query_int("SELECT count(*) FROM events WHERE group_id IS NULL"), 0);
    (void)date;
}

TEST(the_same_text_is_stored_once)
{
    sr_doc docs[3] = {make_doc("x", "Outlet A", "2020-03-01", attack),
                      make_doc("y", "Outlet B", "2020-03-05", attack), /* same text */
                      make_doc("z", "Outlet B", "2020-03-05", "Turkey and Russia met in Moscow.")};
    char path[256];
    sr_store *s = new_store(path, sizeof path);
    sr_ingest_stats st;
    CHECK(ingest(s, docs, 3, 2, &st) == 0);
    CHECK_INT(st.docs_stored, 2);
    CHECK_INT(st.docs_present, 1);
    CHECK(ingest(s, docs, 3, 1, &st) == 0);
    CHECK_INT(st.docs_stored, 0);
    CHECK_INT(st.docs_present, 3);
    CHECK_INT(st.events, 0);
    sr_store_close(s);
    CHECK(look(path));
    CHECK_INT(query_int("SELECT count(*) FROM documents"), 2);
    char buf[64];
    /* the first comer keeps its metadata */
    CHECK_STR(query_text("SELECT group_concat(doc_key) FROM documents", buf, sizeof buf), "x,z");
}

/* Freed without a flush, a handle leaves nothing it had not committed,
 * though it has written some of it (a chunk is a few hundred documents;
 * a transaction, thousands). */
TEST(free_without_flush_stores_nothing)
{
    enum { N = 700 };
    static char texts[N][64];
    char path[256];
    sr_store *s = new_store(path, sizeof path);
    sr_ingest *ing = NULL;
    sr_error err = {0, ""};
    CHECK(sr_ingest_new(&ing, s, dict, gaz, NULL, &err) == 0);
    for (int i = 0; i < N; i++) {
        snprintf(texts[i], sizeof texts[i], "Turkey and Russia met in Moscow, %d officials said.", i);
        sr_doc d = make_doc(NULL, "Outlet A", "2020-03-01", texts[i]);
        CHECK(sr_ingest_doc(ing, &d, &err) == 0);
    }
    sr_ingest_stats st;
    sr_ingest_get_stats(ing, &st);
    CHECK_INT(st.docs_read, N);
    CHECK_INT(st.docs_pending, N);
    CHECK_INT(st.docs_stored, 0);
    sr_ingest_free(ing);
    /* the store's handle goes on, with none of them */
    sr_doc d = make_doc("a", "Outlet A", "2020-03-01", attack);
    CHECK(ingest(s, &d, 1, 1, &st) == 0);
    CHECK_INT(st.docs_stored, 1);
    sr_store_close(s);
    CHECK(look(path));
    CHECK_INT(query_int("SELECT count(*) FROM documents"), 1);
    CHECK_INT(query_int("SELECT count(*) FROM events"), 1);
}

/* The number of groups, and the counts of the group of the attack. */
static void attack_group(const char *path, long long *groups, char *counts, size_t size)
{
    look(path);
    *groups = query_int("SELECT count(*) FROM event_groups WHERE root = '19'");
    query_text("SELECT group_concat(n, ';') FROM (SELECT num_mentions || ',' || num_articles || ','"
               " || num_sources || ',' || date AS n FROM event_groups WHERE root = '19'"
               " ORDER BY date)",
               counts, size);
}

TEST(two_outlets_a_day_apart_are_one_event)
{
    sr_doc docs[2] = {make_doc("a", "Outlet A", "2020-03-01", attack),
                      make_doc("b", "Outlet B", "2020-03-02",
                               "Syrian government forces attacked rebels in Saraqib, activists said.")};
    char path[256], counts[128];
    long long groups;
    sr_store *s = new_store(path, sizeof path);
    CHECK(ingest(s, docs, 2, 2, NULL) == 0);
    attack_group(path, &groups, counts, sizeof counts);
    CHECK_INT(groups, 1);
    CHECK_STR(counts, "2,2,2,2020-03-01");
    /* the other event of b ("said", root 01) is a group of its own */
    CHECK_INT(query_int("SELECT count(*) FROM event_groups WHERE root = '01'"), 1);
    CHECK_INT(query_int("SELECT count(*) FROM event_groups"), 2);
    /* a group's id is its smallest mention key */
    CHECK_INT(query_int("SELECT count(*) FROM event_groups g WHERE id !="
                              " (SELECT min(mention_key) FROM events e WHERE e.group_id = g.id)"),
              0);
    sr_store_close(s);
}

/* Days chain; a report of the day between joins two groups into one, even
 * when it comes later and one of them is outside the day's window. */
TEST(days_chain_and_a_later_report_joins_groups)
{
    sr_doc early[3] = {make_doc("a", "Outlet A", "2020-03-01", attack),
                       make_doc("b", "Outlet B", "2020-03-02", "Syrian government forces attacked rebels in Saraqib again."),
                       make_doc("d", "Outlet C", "2020-03-04", "Syrian government forces attacked rebels in Saraqib once more.")};
    sr_doc late = make_doc("c", "Outlet A", "2020-03-03",
                           "Syrian government forces attacked rebels in Saraqib overnight.");
    char path[256], counts[128];
    long long groups;
    sr_store *s = new_store(path, sizeof path);
    CHECK(ingest(s, early, 3, 2, NULL) == 0);
    attack_group(path, &groups, counts, sizeof counts);
    CHECK_INT(groups, 2);
    CHECK_STR(counts, "2,2,2,2020-03-01;1,1,1,2020-03-04");
    CHECK(ingest(s, &late, 1, 2, NULL) == 0);
    attack_group(path, &groups, counts, sizeof counts);
    CHECK_INT(groups, 1);
    CHECK_STR(counts, "4,4,3,2020-03-01");
    CHECK_INT(query_int("SELECT count(*) FROM events WHERE group_id IS NULL"), 0);
    CHECK_INT(query_int("SELECT count(*) FROM event_groups g WHERE NOT EXISTS"
                              " (SELECT 1 FROM events e WHERE e.group_id = g.id)"),
              0);
    sr_store_close(s);
}

TEST(a_different_root_or_place_is_another_event)
{
    sr_doc docs[3] = {make_doc("a", "Outlet A", "2020-03-01", attack),
                      make_doc("b", "Outlet B", "2020-03-01", "Syrian government forces threatened rebels in Saraqib."),
                      make_doc("c", "Outlet B", "2020-03-01", "Syrian government forces attacked rebels in Aleppo.")};
    char path[256], buf[128];
    sr_store *s = new_store(path, sizeof path);
    CHECK(ingest(s, docs, 3, 1, NULL) == 0);
    sr_store_close(s);
    CHECK(look(path));
    CHECK_STR(query_text("SELECT group_concat(k, ';') FROM (SELECT root || ',' || place_key || ','"
                         " || num_mentions AS k FROM event_groups ORDER BY root, place_key)",
                         buf, sizeof buf),
              "13,164816,1;19,164816,1;19,170063,1");
}

TEST(mention_keys_do_not_depend_on_the_store_or_the_order)
{
    /* a fixed value: the key is part of the store's interface (GDELT ids) */
    int64_t k = sr_mention_key("4a9a55ffc28109691758b4219692fbbcfe0af6c9fa1091e44a15959dcef56894",
                               0, 50, "050", 0, 6, 11, 17);
    CHECK(k > 0);
    CHECK(k == sr_mention_key("4a9a55ffc28109691758b4219692fbbcfe0af6c9fa1091e44a15959dcef56894",
                              0, 50, "050", 0, 6, 11, 17));
    CHECK(k != sr_mention_key("4a9a55ffc28109691758b4219692fbbcfe0af6c9fa1091e44a15959dcef56894",
                              0, 50, "051", 0, 6, 11, 17));
    CHECK(k != sr_mention_key("4a9a55ffc28109691758b4219692fbbcfe0af6c9fa1091e44a15959dcef56894",
                              0, 50, "050", 0, 6, 18, 24));
    CHECK_INT(k, 209117402043997688LL);

    sr_doc docs[3] = {make_doc("a", "Outlet A", "2020-03-01", attack),
                      make_doc("b", "Outlet B", "2020-03-02", "Syrian government forces attacked rebels in Saraqib, activists said."),
                      make_doc("c", "Outlet C", "2020-03-02", "Turkey and Russia met in Moscow.")};
    sr_doc reversed[3] = {docs[2], docs[1], docs[0]};
    char p1[256], p2[256], a[512], b[512];
    sr_store *s1 = new_store(p1, sizeof p1), *s2 = new_store(p2, sizeof p2);
    CHECK(ingest(s1, docs, 3, 1, NULL) == 0);
    CHECK(ingest(s2, reversed, 1, 2, NULL) == 0);
    CHECK(ingest(s2, reversed + 1, 2, 2, NULL) == 0);
    sr_store_close(s1);
    sr_store_close(s2);
    static const char groups[] =
        "SELECT group_concat(g, ';') FROM (SELECT id || ',' || num_mentions || ',' || num_sources"
        " AS g FROM event_groups ORDER BY id)";
    CHECK(look(p1));
    query_text(groups, a, sizeof a);
    CHECK(look(p2));
    query_text(groups, b, sizeof b);
    CHECK(strlen(a) > 10);
    CHECK_STR(b, a);
}

/* Grouping at the end of an ingest takes the new events from the writer
 * rather than reading them back; reading them back (what a run that
 * finds ungrouped events left by a stopped one does) must give the same
 * groups. The documents cover what the two paths compute apart: an
 * event's own date or its document's, no date at all, an outlet or only
 * a URL, a place or none, actors with and without codes. */
static const char group_rows[] =
    "SELECT group_concat(g, ';') FROM (SELECT g.id || ',' || ifnull(g.date, '-') || ','"
    " || g.num_mentions || ',' || g.num_sources || ',' || g.num_articles || ',' || g.cameo || ','"
    " || ifnull(g.place_key, '-') || ':' || (SELECT group_concat(mention_key) FROM"
    " (SELECT mention_key FROM events e WHERE e.group_id = g.id ORDER BY 1)) AS g"
    " FROM event_groups g ORDER BY g.id)";

static void grouping_docs(sr_doc *docs)
{
    docs[0] = make_doc("a", "Outlet A", "2020-03-01", attack);
    docs[1] = make_doc("b", NULL, "2020-03-02",
                       "Syrian government forces attacked rebels in Saraqib, activists said.");
    docs[1].url = "https://news.example.org/syria/1";
    docs[2] = make_doc("c", NULL, "2020-03-09",
                       "On March 1, 2020 Syrian government forces shelled rebels in Saraqib.");
    docs[2].url = "https://news.example.org/syria/2";
    docs[3] = make_doc("d", "Outlet B", NULL, "Turkey accused Russia of bombing civilians.");
    docs[4] = make_doc("e", "Outlet C", "2020-03-03",
                       "Rebels attacked Syrian government forces. The United Nations condemned the attack.");
}

/* What a run stopped between its last commit and its grouping leaves:
 * events without a group. */
static int ungroup(const char *path)
{
    sqlite3 *db = NULL;
    int ok = sqlite3_open(path, &db) == SQLITE_OK &&
             sqlite3_exec(db, "PRAGMA foreign_keys = OFF; UPDATE events SET group_id = NULL;"
                              " DELETE FROM event_groups", NULL, NULL, NULL) == SQLITE_OK;
    sqlite3_close(db);
    return ok;
}

static void snapshot(const char *path, char *buf, size_t size)
{
    if (look(path))
        query_text(group_rows, buf, size);
}

TEST(grouping_the_writers_events_equals_reading_them_back)
{
    sr_doc docs[5];
    grouping_docs(docs);
    char path[256], fresh[2048], other[2048];
    sr_error err = {0, ""};

    /* all at once into an empty store: nothing is read back */
    sr_store *s = new_store(path, sizeof path);
    CHECK(ingest(s, docs, 5, 2, NULL) == 0);
    sr_store_close(s);
    snapshot(path, fresh, sizeof fresh);
    CHECK(query_int("SELECT count(*) FROM event_groups") >= 5);
    CHECK(query_int("SELECT max(num_mentions) FROM event_groups") >= 3);
    CHECK(query_int("SELECT count(*) FROM event_groups WHERE date IS NULL") >= 1);

    /* the same events read back from the store */
    CHECK(ungroup(path));
    s = NULL;
    CHECK(sr_store_open(&s, path, SR_STORE_WRITE, &err) == 0);
    CHECK(sr_store_group_events(s, NULL, NULL, &err) == 0);
    sr_store_close(s);
    snapshot(path, other, sizeof other);
    CHECK_STR(other, fresh);

    /* a second run over a store that has events: the old ones are read */
    s = new_store(path, sizeof path);
    CHECK(ingest(s, docs, 2, 1, NULL) == 0);
    CHECK(ingest(s, docs + 2, 3, 2, NULL) == 0);
    sr_store_close(s);
    snapshot(path, other, sizeof other);
    CHECK_STR(other, fresh);

    /* a run that finds ungrouped events of a stopped one groups them too */
    s = new_store(path, sizeof path);
    CHECK(ingest(s, docs, 3, 1, NULL) == 0);
    sr_store_close(s);
    CHECK(ungroup(path));
    s = NULL;
    CHECK(sr_store_open(&s, path, SR_STORE_WRITE, &err) == 0);
    CHECK(ingest(s, docs + 3, 2, 2, NULL) == 0);
    sr_store_close(s);
    snapshot(path, other, sizeof other);
    CHECK_STR(other, fresh);
}

TEST(store_days)
{
    char d[11];
    CHECK(sr_store_day("2018-09-13", d) == 0);
    CHECK_STR(d, "2018-09-13");
    CHECK(sr_store_day("2018-09-13T10:00", d) == 0);
    CHECK_STR(d, "2018-09-13");
    CHECK(sr_store_day("2018-W36", d) == 0);
    CHECK_STR(d, "2018-09-03");
    CHECK(sr_store_day("2018-W36-WE", d) == 0);
    CHECK_STR(d, "2018-09-08");
    CHECK(sr_store_day("2021-W01", d) == 0); /* week 1 of 2021 starts in January */
    CHECK_STR(d, "2021-01-04");
    CHECK(sr_store_day("2020-W01", d) == 0); /* and of 2020 in December 2019 */
    CHECK_STR(d, "2019-12-30");
    CHECK(sr_store_day("2018-08", d) == 0);
    CHECK_STR(d, "2018-08-01");
    CHECK(sr_store_day("2018", d) == 0);
    CHECK_STR(d, "2018-01-01");
    CHECK(sr_store_day("201", d) == 0);
    CHECK_STR(d, "2010-01-01");
    CHECK(sr_store_day("2018-SU", d) == 0);
    CHECK_STR(d, "2018-06-01");
    CHECK(sr_store_day("2018-Q3", d) == 0);
    CHECK_STR(d, "2018-07-01");
    CHECK(sr_store_day("PAST_REF", d) == SR_EINVAL);
    CHECK_STR(d, "");
    CHECK(sr_store_day("2018-13", d) == SR_EINVAL);
    CHECK(sr_store_day(NULL, d) == SR_EINVAL);
}

int main(void)
{
    sr_error err = {0, ""};
    if (!th_tmpdir_make("test_ingest"))
        return 1;
    if (sr_dict_load_dir(&dict, SR_DATADIR "/dict", NULL, NULL, &err) != 0) {
        printf("%s: 0 passed, 1 failed (no dictionaries: %s)\n", __FILE__, err.msg);
        return 1;
    }
    if (sr_gazetteer_open(&gaz, NULL, &err) != 0) {
        printf("%s: 0 passed, 1 failed (no gazetteer: %s)\n", __FILE__, err.msg);
        sr_dict_free(dict);
        return 1;
    }
    RUN(store_is_created_with_its_version);
    RUN(a_document_gives_the_rows_the_coder_gives);
    RUN(the_same_text_is_stored_once);
    RUN(free_without_flush_stores_nothing);
    RUN(two_outlets_a_day_apart_are_one_event);
    RUN(days_chain_and_a_later_report_joins_groups);
    RUN(a_different_root_or_place_is_another_event);
    RUN(mention_keys_do_not_depend_on_the_store_or_the_order);
    RUN(grouping_the_writers_events_equals_reading_them_back);
    RUN(store_days);
    if (test_db)
        sqlite3_close(test_db);
    sr_gazetteer_close(gaz);
    sr_dict_free(dict);
    th_tmpdir_remove();
    return DONE();
}
