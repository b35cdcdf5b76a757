/*
 * Queries over a store (src/store/query.c, filter.c): a store is created
 * by sr_store_open and filled from tests/query/fixture.sql (six events in
 * four documents, two figures, two quotes; the file says which row is
 * there for what), then each filter is checked for the exact events it
 * selects, in order.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "sitrep/query.h"
#include "store/filter.h"
#include "store/store_internal.h"

static sr_store *store;

static char *read_all(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
        free(s);
        s = NULL;
    }
    if (s)
        s[n] = '\0';
    fclose(f);
    return s;
}

static int open_fixture(void)
{
    if (!th_tmpdir_make("test_query"))
        return 0;
    char path[128];
    snprintf(path, sizeof path, "%s/q.db", th_tmpdir());
    sr_error err = {0, ""};
    if (sr_store_open(&store, path, SR_STORE_WRITE, &err) != 0) {
        fprintf(stderr, "test_query: %s\n", err.msg);
        return 0;
    }
    char *sql = read_all("tests/query/fixture.sql");
    if (!sql) {
        fprintf(stderr, "test_query: cannot read tests/query/fixture.sql (run from the "
                        "repository root)\n");
        return 0;
    }
    char *msg = NULL;
    int rc = sqlite3_exec(sr_store_db(store), sql, NULL, NULL, &msg);
    free(sql);
    if (rc != SQLITE_OK) {
        fprintf(stderr, "test_query: fixture: %s\n", msg);
        sqlite3_free(msg);
        return 0;
    }
    return 1;
}

/* ---- collecting rows -------------------------------------------------- */

typedef struct got {
    char ids[64];            /* "1 2 3" */
    int n;
    int stop_after;          /* >0: return 7 from the callback after that many */
    sr_event_row first;      /* the first row, strings copied below */
    char first_sentence[256], first_outlet[64], first_place[64];
} got;

static int collect(const sr_event_row *r, void *ctx)
{
    got *g = ctx;
    size_t len = strlen(g->ids);
    snprintf(g->ids + len, sizeof g->ids - len, "%s%lld", len ? " " : "", (long long)r->id);
    if (g->n == 0) {
        g->first = *r;
        snprintf(g->first_sentence, sizeof g->first_sentence, "%s",
                 r->sentence_text ? r->sentence_text : "(null)");
        snprintf(g->first_outlet, sizeof g->first_outlet, "%s", r->outlet ? r->outlet : "(null)");
        snprintf(g->first_place, sizeof g->first_place, "%s",
                 r->place_name ? r->place_name : "(null)");
    }
    g->n++;
    return g->stop_after && g->n >= g->stop_after ? 7 : 0;
}

/* The ids f selects, as "1 2 3", or "ERR <code>: message". */
static const char *ids_of(const sr_event_filter *f)
{
    static char out[400];
    got g;
    memset(&g, 0, sizeof g);
    sr_error err = {0, ""};
    int rc = sr_store_events(store, f, collect, &g, &err);
    if (rc < 0)
        snprintf(out, sizeof out, "ERR %d: %s", rc, err.msg);
    else
        snprintf(out, sizeof out, "%s", g.ids);
    return out;
}

/* ---- tests ------------------------------------------------------------ */

TEST(all_events_dated_first_then_undated)
{
    sr_event_filter f = {0};
    CHECK_STR(ids_of(&f), "1 2 3 4 6 5");
    CHECK_STR(ids_of(NULL), "1 2 3 4 6 5");
}

TEST(row_fields)
{
    sr_event_filter f = {0};
    f.code = "14";
    got g;
    memset(&g, 0, sizeof g);
    CHECK_INT(sr_store_events(store, &f, collect, &g, NULL), 0);
    CHECK_INT(g.n, 1);
    CHECK_INT(g.first.id, 5);
    /* byte offsets over non-ASCII text cut the sentence exactly */
    CHECK_STR(g.first_sentence, "Café owners in Ḥamāh protested against the government.");
    CHECK_STR(g.first_outlet, "O'Brien; Daily \"News\"");
    CHECK_STR(g.first_place, "Hama");
    CHECK_INT(g.first.has_place, 1);
    CHECK(g.first.date == NULL);
    CHECK_INT(g.first.group_id, 0);
    CHECK_INT(g.first.num_mentions, 0);
    CHECK_INT(g.first.quad_class, 3);
    CHECK(fabs(g.first.goldstein - -6.5) < 1e-9);
    CHECK(fabs(g.first.lat - 35.1318) < 1e-9);
    CHECK_INT(g.first.geonameid, 170017);

    f.code = "195";
    memset(&g, 0, sizeof g);
    CHECK_INT(sr_store_events(store, &f, collect, &g, NULL), 0);
    CHECK_STR(g.ids, "1 3");
    CHECK_STR(g.first_sentence, "Syrian forces shelled Idlib on Saturday.");
    CHECK_INT(g.first.group_id, 1001);
    CHECK_INT(g.first.num_mentions, 2);
    CHECK_INT(g.first.num_sources, 2);
    CHECK_INT(g.first.num_articles, 2);
    CHECK_INT(g.first.mention_key, 1001);
    CHECK_INT(g.first.start, 0);
    CHECK_INT(g.first.end, 40);
    CHECK_INT(g.first.source_start, 0); /* "Syrian forces" */
    CHECK_INT(g.first.source_end, 13);
    CHECK_INT(g.first.target_start, -1); /* a target code without a stored mention */
    CHECK_INT(g.first.verb_start, 14);   /* "shelled" */
    CHECK_INT(g.first.verb_end, 21);
    CHECK_INT(g.first.place_start, 22);  /* "Idlib" */
    CHECK_INT(g.first.place_end, 27);
    CHECK_INT(g.first.doc_id, 1);
}

TEST(actor_prefixes)
{
    sr_event_filter f = {0};
    f.actor = "RUS";
    CHECK_STR(ids_of(&f), "3");
    f.actor = "syrreb"; /* codes are upper case; the prefix is taken so */
    CHECK_STR(ids_of(&f), "1 2 3");
    f.actor = "TUR";    /* as target only */
    CHECK_STR(ids_of(&f), "4");
    f.actor = NULL;
    f.source_actor = "SYRMIL";
    CHECK_STR(ids_of(&f), "1 4 6");
    f.target_actor = "SYRREB";
    CHECK_STR(ids_of(&f), "1");
    f.source_actor = NULL;
    CHECK_STR(ids_of(&f), "1 3");
    f.target_actor = "SYR*";
    CHECK_STR(ids_of(&f), "ERR -1: --target-actor: 'SYR*' is not an actor code prefix (letters "
                          "and digits only, as in SYR or SYRMIL)");
    f.target_actor = "";
    CHECK_STR(ids_of(&f), "ERR -1: --target-actor: empty code");
}

TEST(cameo_prefixes)
{
    sr_event_filter f = {0};
    f.code = "19";
    CHECK_STR(ids_of(&f), "1 2 3");
    f.code = "190";
    CHECK_STR(ids_of(&f), "2");
    f.code = "1";
    CHECK_STR(ids_of(&f), "1 2 3 6 5");
    f.code = "04";
    CHECK_STR(ids_of(&f), "4");
    f.code = "0";
    CHECK_STR(ids_of(&f), "4");
    f.code = "19a";
    CHECK_STR(ids_of(&f), "ERR -1: --code: '19a' is not a CAMEO code prefix (digits only)");
}

TEST(plover_outlet_case_insensitive)
{
    sr_event_filter f = {0};
    f.plover = "assault";
    CHECK_STR(ids_of(&f), "1 2 3");
    f.plover = NULL;
    f.outlet = "reuters";
    CHECK_STR(ids_of(&f), "1 2 6");
    f.outlet = "O'Brien; Daily \"News\""; /* quotes and semicolon are data */
    CHECK_STR(ids_of(&f), "5");
    f.outlet = "O'Brien";
    CHECK_STR(ids_of(&f), "");
}

TEST(place_by_name_and_radius)
{
    sr_event_filter f = {0};
    f.place = "idlib";
    CHECK_STR(ids_of(&f), "1 3");
    f.place = "Ḥamāh"; /* as written */
    CHECK_STR(ids_of(&f), "5");
    f.place = "HAMA"; /* the resolved name */
    CHECK_STR(ids_of(&f), "6 5");
    /* Idlib to Aleppo is about 55 km, to Hama about 89 km */
    double to_aleppo = sr_distance_km(35.9306, 36.6339, 36.2021, 37.1343);
    CHECK(to_aleppo > 50 && to_aleppo < 60);
    f.place = "35.9306,36.6339,10";
    CHECK_STR(ids_of(&f), "1 3");
    f.place = "35.9306,36.6339,60";
    CHECK_STR(ids_of(&f), "1 2 3");
    f.place = "35.9306, 36.6339, 100";
    CHECK_STR(ids_of(&f), "1 2 3 6 5");
    f.place = "39.9,32.85,5"; /* Ankara */
    CHECK_STR(ids_of(&f), "4");
    f.place = "0,0,100";
    CHECK_STR(ids_of(&f), "");
    f.place = "95,0,10";
    CHECK_STR(ids_of(&f), "ERR -1: --place: '95,0,10': latitude must be within -90..90 and "
                          "longitude within -180..180");
    f.place = "35,36,-1";
    CHECK_STR(ids_of(&f), "ERR -1: --place: '35,36,-1': the radius (km) must be positive");
}

TEST(radius_box_across_the_antimeridian)
{
    /* a place at longitude 179.9 is within 50 km of a point at -179.9 */
    sqlite3 *db = sr_store_db(store);
    CHECK_INT(sqlite3_exec(db,
                           "BEGIN;"
                           "INSERT INTO documents(id,hash,doc_key,text,ingested_at) VALUES"
                           " (90,'f90','fiji','Suva, Fiji.','now');"
                           "INSERT INTO places(id,doc_id,start,end,text,name,lat,lon) VALUES"
                           " (90,90,0,4,'Suva','Somewhere',-17.0,179.9);"
                           "INSERT INTO events(id,doc_id,sentence,start,end,cameo,root,quad_class,"
                           "goldstein,place_id,date,mention_key) VALUES"
                           " (90,90,0,0,11,'010','01',1,0,90,'2018-09-05',9090);",
                           NULL, NULL, NULL),
              SQLITE_OK);
    sr_event_filter f = {0};
    f.place = "-17.0,-179.9,50";
    const char *ids = ids_of(&f);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    CHECK_STR(ids, "90");
}

TEST(date_range)
{
    sr_event_filter f = {0};
    f.since = "2018-09-02";
    CHECK_STR(ids_of(&f), "3 4 6");
    f.until = "2018-09-02";
    CHECK_STR(ids_of(&f), "3 4");
    f.since = "2018-09";
    f.until = "2018-09"; /* whole months */
    CHECK_STR(ids_of(&f), "1 2 3 4");
    f.since = "2018";
    f.until = NULL;
    CHECK_STR(ids_of(&f), "1 2 3 4 6"); /* a range excludes the undated */
    f.since = "2018-13-01";
    CHECK_STR(ids_of(&f), "ERR -1: --since: '2018-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    f.since = NULL;
    f.until = "1/9/2018";
    CHECK_STR(ids_of(&f), "ERR -1: --until: '1/9/2018' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
}

TEST(full_text)
{
    sr_event_filter f = {0};
    f.text = "shelled";
    CHECK_STR(ids_of(&f), "1");
    f.text = "idlib";
    CHECK_STR(ids_of(&f), "1 3");
    f.text = "syrian AND (army OR troops)";
    CHECK_STR(ids_of(&f), "4 6");
    f.text = "hamah"; /* diacritics removed by the tokenizer */
    CHECK_STR(ids_of(&f), "5");
    f.text = "\"unbalanced";
    const char *r = ids_of(&f);
    CHECK(strncmp(r, "ERR -1: --text: '\"unbalanced' is not a full-text query", 54) == 0);
}

TEST(limit_and_stop)
{
    sr_event_filter f = {0};
    f.limit = 3;
    CHECK_STR(ids_of(&f), "1 2 3");
    f.limit = 6;
    CHECK_STR(ids_of(&f), "1 2 3 4 6 5");
    f.limit = 5;
    CHECK_STR(ids_of(&f), "1 2 3 4 6");
    f.limit = 0;
    got g;
    memset(&g, 0, sizeof g);
    g.stop_after = 2;
    CHECK_INT(sr_store_events(store, &f, collect, &g, NULL), 7);
    CHECK_STR(g.ids, "1 2");
}

TEST(grouped_one_row_per_real_event)
{
    sr_event_filter f = {0};
    f.grouped = 1;
    CHECK_STR(ids_of(&f), "1 2 4 6 5");
    f.code = "195";
    CHECK_STR(ids_of(&f), "1");
}

TEST(filters_combined)
{
    sr_event_filter f = {0};
    f.actor = "SYR";
    f.code = "19";
    f.since = "2018-09-01";
    f.until = "2018-09-30";
    f.limit = 100;
    CHECK_STR(ids_of(&f), "1 2 3");
    f.outlet = "SANA";
    CHECK_STR(ids_of(&f), "3");
    f.place = "Idlib";
    f.text = "jets";
    f.plover = "ASSAULT";
    f.source_actor = "RUS";
    f.target_actor = "SYRREB";
    CHECK_STR(ids_of(&f), "3");
}

/* Hostile text in every filter: either refused as malformed or matched
 * as data (nothing matches it), and the store is unchanged afterwards. */
TEST(hostile_input_is_data)
{
    static const char *const hostile[] = {
        "' OR 1=1 --", "x'; DROP TABLE events; --", "\" OR \"\"=\"", "1; DELETE FROM events",
        "%", "*", "_", "19' OR '1'='1", "Idlib' OR 'a'='a", "') OR 1=1 --"};
    for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
        const char *h = hostile[i];
        for (int field = 0; field < 10; field++) {
            sr_event_filter f = {0};
            const char **slot[] = {&f.actor, &f.source_actor, &f.target_actor, &f.code,
                                   &f.plover, &f.place, &f.since, &f.until, &f.outlet, &f.text};
            *slot[field] = h;
            const char *r = ids_of(&f);
            int refused = strncmp(r, "ERR -1:", 7) == 0;
            if (!refused && r[0] != '\0')
                TH_FAIL("field %d with [%s] selected [%s]", field, h, r);
        }
    }
    sr_event_filter none = {0};
    CHECK_STR(ids_of(&none), "1 2 3 4 6 5");
    sqlite3_stmt *st;
    CHECK_INT(sqlite3_prepare_v2(sr_store_db(store), "SELECT count(*) FROM documents", -1, &st, NULL),
              SQLITE_OK);
    CHECK_INT(sqlite3_step(st), SQLITE_ROW);
    int ndocs = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
    CHECK_INT(ndocs, 4);
}

TEST(filter_sql_has_no_user_text)
{
    sr_event_filter f = {0};
    f.actor = "SYR";
    f.plover = "Zebra";
    f.place = "Narnia";
    f.outlet = "Quux";
    f.text = "wombat";
    f.since = "2018-01-01";
    sr_filter_sql q;
    CHECK_INT(sr_filter_sql_build(&q, &f, NULL), 0);
    int leaked = strstr(q.where.data, "SYR") || strstr(q.where.data, "Zebra") ||
                 strstr(q.where.data, "Narnia") || strstr(q.where.data, "Quux") ||
                 strstr(q.where.data, "wombat") || strstr(q.where.data, "2018");
    int nparams = q.nparams;
    sr_filter_sql_free(&q);
    CHECK(!leaked);
    CHECK_INT(nparams, 8); /* actor twice, plover, place twice, since, outlet, text */
}


/* Every plan the query module may pick (by actor, source, target, date)
 * gives the rows SQLite's own plan gives, for filters that use them all. */
static const char *plan_ids(const sr_event_filter *f, int plan)
{
    static char out[128];
    sr_filter_sql q;
    if (sr_filter_sql_build_plan(&q, f, plan, NULL) != 0)
        return "ERR build";
    sr_buf sql = SR_BUF_INIT;
    sr_buf_printf(&sql, "SELECT e.id FROM events e JOIN documents d ON d.id = e.doc_id"
                        " LEFT JOIN places p ON p.id = e.place_id WHERE %s IS NOT NULL%s"
                        " ORDER BY e.date, e.id",
                  q.date_expr, q.where.data);
    sqlite3_stmt *st = NULL;
    out[0] = '\0';
    if (sqlite3_prepare_v2(sr_store_db(store), sql.data, -1, &st, NULL) != SQLITE_OK ||
        sr_filter_sql_bind(&q, st, 1, NULL) < 0) {
        snprintf(out, sizeof out, "ERR %s", sqlite3_errmsg(sr_store_db(store)));
    } else {
        while (sqlite3_step(st) == SQLITE_ROW) {
            size_t len = strlen(out);
            snprintf(out + len, sizeof out - len, "%s%lld", len ? " " : "",
                     (long long)sqlite3_column_int64(st, 0));
        }
    }
    sqlite3_finalize(st);
    sr_buf_free(&sql);
    sr_filter_sql_free(&q);
    return out;
}

TEST(every_plan_selects_the_same_rows)
{
    sr_event_filter cases[5];
    memset(cases, 0, sizeof cases);
    cases[0].actor = "SYR";
    cases[0].since = "2018-09-01";
    cases[0].until = "2018-09-30";
    cases[0].code = "19";
    cases[1].actor = "SYR";
    cases[1].source_actor = "SYRMIL";
    cases[1].target_actor = "SYR";
    cases[2].actor = "SYRREB";
    cases[2].code = "195";
    cases[2].until = "2018-09-01";
    cases[3].source_actor = "SYR";
    cases[3].target_actor = "TUR";
    cases[3].since = "2018";
    cases[4].actor = "SYR";
    cases[4].place = "35.9306,36.6339,100";
    cases[4].text = "syrian OR rebels OR jets";
    const char *want[5] = {"1 2 3", "1 6", "1", "4", "1 2 3 6"};
    sr_filter_register_functions(sr_store_db(store), NULL);
    for (int c = 0; c < 5; c++)
        for (int plan = SR_PLAN_AUTO; plan <= SR_PLAN_BY_DATE; plan++) {
            const char *ids = plan_ids(&cases[c], plan);
            if (strcmp(ids, want[c]) != 0)
                TH_FAIL("case %d plan %d: [%s], expected [%s]", c, plan, ids, want[c]);
        }
}

/* ---- figures, quotes, actors, places ------------------------------------ */

TEST(figure_groups_contested_across_outlets)
{
    sr_arena *a = sr_arena_new(0);
    sr_figure_obs *obs;
    sr_figure_group *gs;
    size_t nobs, ng;
    sr_event_filter f = {0};
    CHECK_INT(sr_store_figure_groups(store, &f, a, &obs, &nobs, &gs, &ng, NULL), 0);
    CHECK_INT(nobs, 2);
    CHECK_INT(ng, 1);
    CHECK_INT(gs[0].n, 2);
    CHECK_INT(gs[0].noutlets, 2);
    CHECK_INT(gs[0].contested, 1); /* "at least 12" and 7 cannot both hold */
    const sr_stored_figure *first = sr_stored_figure_of(obs[gs[0].members[0]].fig);
    CHECK_STR(first->figure_text, "At least 12");
    CHECK_STR(first->outlet, "Reuters");
    CHECK_STR(first->sentence_text, "At least 12 civilians were killed in Idlib.");
    CHECK(isnan(first->fig.high));
    CHECK_INT(first->fig.exact, 0);
    const sr_stored_figure *second = sr_stored_figure_of(obs[gs[0].members[1]].fig);
    CHECK_INT(second->fig.exact, 1);
    CHECK(second->fig.claimant != NULL);
    CHECK_STR(second->fig.claimant->code, "SYRGOV");
    /* a date range that keeps one report leaves nothing to compare */
    f.until = "2018-09-01";
    CHECK_INT(sr_store_figure_groups(store, &f, a, &obs, &nobs, &gs, &ng, NULL), 0);
    CHECK_INT(nobs, 1);
    CHECK_INT(ng, 0);
    f.until = NULL;
    f.place = "idlib";
    CHECK_INT(sr_store_figure_groups(store, &f, a, &obs, &nobs, &gs, &ng, NULL), 0);
    CHECK_INT(nobs, 2);
    f.place = "Aleppo";
    CHECK_INT(sr_store_figure_groups(store, &f, a, &obs, &nobs, &gs, &ng, NULL), 0);
    CHECK_INT(nobs, 0);
    f.place = NULL;
    f.actor = "SYRGOV"; /* the claimant */
    CHECK_INT(sr_store_figure_groups(store, &f, a, &obs, &nobs, &gs, &ng, NULL), 0);
    CHECK_INT(nobs, 1);
    sr_arena_free(a);
}

typedef struct strs {
    char text[512];
} strs;

static void add_str(strs *s, const char *v)
{
    size_t len = strlen(s->text);
    snprintf(s->text + len, sizeof s->text - len, "%s%s", len ? "|" : "", v ? v : "(null)");
}

static int quote_to_str(const sr_quote_row *r, void *ctx)
{
    char one[256];
    snprintf(one, sizeof one, "%s:%s:%s:%s", r->doc_key, r->speaker_code ? r->speaker_code : "-",
             r->speaker_text, r->quote);
    add_str(ctx, one);
    return 0;
}

static const char *quotes_of(const sr_quote_filter *f)
{
    static strs s;
    memset(&s, 0, sizeof s);
    sr_error err = {0, ""};
    if (sr_store_quotes(store, f, quote_to_str, &s, &err) != 0)
        snprintf(s.text, sizeof s.text, "ERR %s", err.msg);
    return s.text;
}

TEST(quotes_by_speaker_date_outlet_text)
{
    sr_quote_filter f = {0};
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,|"
                             "d3:-:Officials:nothing happened");
    f.speaker = "SYRGOV";
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,");
    f.speaker = "syr"; /* a code prefix, as any case */
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,");
    f.speaker = "assad"; /* part of the name */
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,");
    f.speaker = "al-Assad"; /* not a code at all */
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,");
    f.speaker = "' OR 1=1 --";
    CHECK_STR(quotes_of(&f), "");
    f.speaker = NULL;
    f.since = "2018-09-01";
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,");
    f.since = NULL;
    f.outlet = "o'brien; daily \"news\"";
    CHECK_STR(quotes_of(&f), "d3:-:Officials:nothing happened");
    f.outlet = NULL;
    f.text = "happened";
    CHECK_STR(quotes_of(&f), "d3:-:Officials:nothing happened");
    f.text = "' OR 1=1 --";
    CHECK(strncmp(quotes_of(&f), "ERR --text:", 11) == 0);
    f.text = NULL;
    f.limit = 1;
    CHECK_STR(quotes_of(&f), "d1:SYRGOV:President Bashar al-Assad:We will retake every inch,");
}

static int actor_to_str(const sr_actor_row *r, void *ctx)
{
    char one[256];
    snprintf(one, sizeof one, "%s %lld/%lld %s", r->code, (long long)r->as_source,
             (long long)r->as_target, r->names[0] ? r->names[0] : "-");
    add_str(ctx, one);
    return 0;
}

static const char *actors_of(const sr_event_filter *f)
{
    static strs s;
    memset(&s, 0, sizeof s);
    sr_error err = {0, ""};
    if (sr_store_actors(store, f, actor_to_str, &s, &err) != 0)
        snprintf(s.text, sizeof s.text, "ERR %s", err.msg);
    return s.text;
}

TEST(actors_counted_by_role)
{
    sr_event_filter f = {0};
    CHECK_STR(actors_of(&f), "SYRMIL 3/1 Syrian forces|SYRREB 1/2 Idlib|RUSMIL 1/0 Russian jets|"
                             "SYRBUS 1/0 Café owners|SYRCVL 0/1 protesters|SYRGOV 0/1 the government|"
                             "TURGOV 0/1 Turkish officials");
    f.actor = "SYRM"; /* the listed codes */
    CHECK_STR(actors_of(&f), "SYRMIL 3/1 Syrian forces");
    f.actor = NULL;
    f.code = "19";
    CHECK_STR(actors_of(&f), "SYRREB 1/2 Idlib|SYRMIL 1/1 Syrian forces|RUSMIL 1/0 Russian jets");
    f.code = NULL;
    f.source_actor = "RUS"; /* events: RUS and whom it acts on */
    CHECK_STR(actors_of(&f), "RUSMIL 1/0 Russian jets|SYRREB 0/1 Idlib");
    f.source_actor = NULL;
    f.limit = 1;
    CHECK_STR(actors_of(&f), "SYRMIL 3/1 Syrian forces");
    f.limit = 0;
    f.actor = "' OR 1=1 --";
    CHECK(strncmp(actors_of(&f), "ERR --actor:", 12) == 0);
}

static int place_to_str(const sr_place_row *r, void *ctx)
{
    char one[256];
    snprintf(one, sizeof one, "%s %s %lld/%lld", r->name, r->country ? r->country : "-",
             (long long)r->events, (long long)r->articles);
    add_str(ctx, one);
    return 0;
}

TEST(places_with_event_counts)
{
    strs s;
    memset(&s, 0, sizeof s);
    sr_event_filter f = {0};
    CHECK_INT(sr_store_places(store, &f, place_to_str, &s, NULL), 0);
    /* Hama is written two ways in two documents: one gazetteer entry */
    CHECK_STR(s.text, "Hama SY 2/2|Idlib SY 2/2|Aleppo SY 1/1|Ankara TR 1/1");
    memset(&s, 0, sizeof s);
    f.since = "2018-09-02";
    CHECK_INT(sr_store_places(store, &f, place_to_str, &s, NULL), 0);
    CHECK_STR(s.text, "Ankara TR 1/1|Hama SY 1/1|Idlib SY 1/1");
}

int main(void)
{
    if (!open_fixture()) {
        fprintf(stderr, "test_query: no fixture store\n");
        return 1;
    }
    RUN(all_events_dated_first_then_undated);
    RUN(row_fields);
    RUN(actor_prefixes);
    RUN(cameo_prefixes);
    RUN(plover_outlet_case_insensitive);
    RUN(place_by_name_and_radius);
    RUN(radius_box_across_the_antimeridian);
    RUN(date_range);
    RUN(full_text);
    RUN(limit_and_stop);
    RUN(grouped_one_row_per_real_event);
    RUN(filters_combined);
    RUN(hostile_input_is_data);
    RUN(filter_sql_has_no_user_text);
    RUN(every_plan_selects_the_same_rows);
    RUN(figure_groups_contested_across_outlets);
    RUN(quotes_by_speaker_date_outlet_text);
    RUN(actors_counted_by_role);
    RUN(places_with_event_counts);
    sr_store_close(store);
    th_tmpdir_remove();
    return DONE();
}
