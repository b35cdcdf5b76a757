/*
 * Exports: each format's layout checked against the specification
 * (../shared/data/formats/event-data-formats.md) on a small store written
 * row by row, and the pieces (actor codes, the CAMEO-to-ACLED table,
 * fields, dates) on their own.
 */
#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "export/export_internal.h"
#include "harness.h"
#include "sitrep/cameo.h"

#ifndef SR_GAZETTEER
#define SR_GAZETTEER "build/gazetteer.bin"
#endif

/* ---- the pieces ---------------------------------------------------------- */

TEST(actor_codes_split_as_gdelt_does)
{
    export_actor a;
    export_actor_parse("SYRREBMUS", &a);
    CHECK_STR(a.country, "SYR");
    CHECK_INT(a.country_is_state, 1);
    CHECK_STR(a.type[0], "REB");
    CHECK_STR(a.religion[0], "MUS");
    CHECK_STR(a.known_group, "");
    export_actor_parse("IGOUNO", &a);
    CHECK_STR(a.country, "");
    CHECK_STR(a.type[0], "IGO");
    CHECK_STR(a.known_group, "UNO");
    export_actor_parse("MNCUSA", &a); /* a company of the US */
    CHECK_STR(a.country, "USA");
    CHECK_STR(a.type[0], "MNC");
    export_actor_parse("IMGMUSALQ", &a); /* MUS here is Muslim, not Mauritius */
    CHECK_STR(a.country, "");
    CHECK_STR(a.type[0], "IMG");
    CHECK_STR(a.religion[0], "MUS");
    CHECK_STR(a.known_group, "ALQ");
    export_actor_parse("MEAGOV", &a);
    CHECK_STR(a.country, "MEA");
    CHECK_INT(a.country_is_state, 0);
    export_actor_parse("USAGOVMILSPY", &a);
    CHECK_INT(a.ntypes, 3);
    CHECK_STR(a.type[2], "SPY");
    CHECK_STR(export_actor_sector(&a), "Military");
    export_actor_parse(NULL, &a);
    CHECK_STR(a.country, "");
    CHECK(export_actor_sector(&a) == NULL);
}

TEST(every_cameo_root_has_an_acled_line)
{
    char root[12];
    for (int r = 1; r <= 20; r++) {
        snprintf(root, sizeof root, "%02d", r);
        const acled_type *t = acled_type_for(root);
        CHECK(t != NULL);
        CHECK_STR(t->cameo, root);
    }
    /* every line's code is a CAMEO code and its types are ACLED's */
    static const char *const types[] = {"Battles", "Explosions/Remote violence",
                                        "Violence against civilians", "Protests", "Riots",
                                        "Strategic developments"};
    size_t n;
    const acled_type *table = acled_type_table(&n);
    for (size_t i = 0; i < n; i++) {
        const sr_cameo_info *info = sr_cameo_lookup(table[i].cameo);
        CHECK(info != NULL);
        CHECK_STR(info->code, table[i].cameo);
        if (table[i].rule == ACLED_NONE)
            continue;
        int known = 0;
        for (size_t k = 0; k < sizeof types / sizeof types[0]; k++)
            known |= strcmp(types[k], table[i].event_type) == 0;
        CHECK(known);
    }
    CHECK_STR(acled_type_for("1832")->sub_event_type, "Remote explosive/landmine/IED");
    CHECK_STR(acled_type_for("1831")->sub_event_type, "Suicide bomb");
    CHECK_STR(acled_type_for("1952")->sub_event_type, "Air/drone strike");
    CHECK_STR(acled_type_for("194")->sub_event_type, "Shelling/artillery/missile attack");
    CHECK_STR(acled_type_for("1451")->event_type, "Riots");
    CHECK_STR(acled_type_for("173")->sub_event_type, "Arrests");
    CHECK_INT(acled_type_for("1124")->rule, ACLED_NONE);
    CHECK(acled_type_for("21") == NULL);
}

TEST(countries_cover_iso_3166)
{
    const export_country *c = export_country_by_iso2("SY");
    CHECK(c != NULL);
    CHECK_STR(c->iso3, "SYR");
    CHECK_INT(c->numeric, 760);
    CHECK_STR(c->region, "Middle East");
    c = export_country_by_iso3("AFG", 3);
    CHECK(c != NULL);
    CHECK_INT(c->numeric, 4);
    CHECK_STR(c->region, "South Asia");
    CHECK_STR(export_country_by_iso2("SD")->region, "Northern Africa");
    CHECK_STR(export_country_by_iso2("UA")->region, "Europe");
    CHECK(export_country_by_iso2("ZZ") == NULL);
    /* every country the gazetteer's table has is here */
    FILE *f = fopen("data/geo/countries.tsv", "r");
    if (!f)
        return; /* run from elsewhere than the source tree */
    char line[1024];
    int checked = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[2] = '\0';
        if (!export_country_by_iso2(line)) {
            fclose(f);
            TH_FAIL("country %s has no numeric code or region", line);
        }
        checked++;
    }
    fclose(f);
    CHECK(checked > 240);
}

TEST(fields_escape_and_dates_parse)
{
    sr_buf b = SR_BUF_INIT;
    export_tsv_field(&b, "a\tb\nc");
    CHECK_STR(b.data, "a b c");
    sr_buf_reset(&b);
    export_csv_field(&b, "plain");
    sr_buf_putc(&b, '|');
    export_csv_field(&b, "say \"no\", then\nleave");
    CHECK_STR(b.data, "plain|\"say \"\"no\"\", then leave\"");
    sr_buf_free(&b);

    time_t t;
    CHECK(export_parse_timestamp("2024-05-01T12:00:00Z", &t));
    CHECK_INT(t, 1714564800);
    CHECK(export_parse_timestamp("2024-05-01 14:00:00+02:00", &t));
    CHECK_INT(t, 1714564800);
    CHECK(export_parse_timestamp("2024-05-01", &t));
    CHECK_INT(t, 1714521600);
    CHECK(!export_parse_timestamp("yesterday", &t));

    char end[11];
    CHECK(export_period_end("2024-02-01", "month", end));
    CHECK_STR(end, "2024-02-29");
    CHECK(export_period_end("2023-12-28", "week", end));
    CHECK_STR(end, "2024-01-03");
    CHECK(export_period_end("2023-01-01", "year", end));
    CHECK_STR(end, "2023-12-31");
    CHECK(!export_period_end("2023-01-01", "day", end));
}

/* ---- a store written row by row ------------------------------------------- */

/* Three documents. docA and docC report the same air strike (one group). */
static const char text_a[] =
    "Government aircraft bombed Saraqib on Monday, killing 10 civilians and 5 fighters. "
    "Syrian troops fought rebels near Khan Sheikhoun. "
    "Smoke rose over the town. "
    "The UN appealed for an easing of sanctions.";
static const char text_b[] =
    "Gunmen shot 17 people, including 4 children, in Idlib province. "
    "Thousands rallied across Turkey in February.";
static const char text_c[] =
    "Warplanes struck Saraqib, killing at least 12 people. "
    "Russia and Turkey signed a deal. "
    "Militants killed a teacher.";

static int exec(sqlite3 *db, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "SQL failed: %s\n  %s\n", msg ? msg : "?", sql);
        sqlite3_free(msg);
        return 0;
    }
    return 1;
}

static int execf(sqlite3 *db, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *sql = sqlite3_vmprintf(fmt, ap);
    va_end(ap);
    int ok = exec(db, sql);
    sqlite3_free(sql);
    return ok;
}

/* Byte offsets of the n-th sentence (". " separated) of text. */
static void sentence_span(const char *text, int n, int *start, int *end)
{
    const char *p = text;
    for (int i = 0; i < n; i++)
        p = strstr(p, ". ") + 2;
    const char *q = strstr(p, ". ");
    *start = (int)(p - text);
    *end = q ? (int)(q - text) + 1 : (int)strlen(text);
}

static int add_document(sqlite3 *db, const char *key, const char *text, const char *outlet,
                        const char *url, const char *path, int line, const char *ingested)
{
    if (!execf(db,
               "INSERT INTO documents(hash, doc_key, outlet, url, title, published, path, line,"
               " text, ingested_at) VALUES ('h%q', %Q, %Q, %Q, 'A title', '2024-05-01', %Q, %d,"
               " %Q, %Q)",
               key, key, outlet, url, path, line, text, ingested))
        return 0;
    for (int i = 0; i < 4; i++) {
        int s, e;
        sentence_span(text, i, &s, &e);
        if (!execf(db,
                   "INSERT INTO sentences(doc_id, idx, start, end) VALUES ("
                   "(SELECT id FROM documents WHERE doc_key = %Q), %d, %d, %d)",
                   key, i, s, e))
            return 0;
        if (text[e] == '\0')
            break;
    }
    return 1;
}

typedef struct place {
    const char *name, *country, *country3, *admin1, *feature;
    double lat, lon;
    long geonameid;
} place;

static const place saraqib = {"Saraqib", "SY", "SYR", "Idlib", "city", 35.86447, 36.80591, 164816};
static const place khan = {"Khan Sheikhoun", "SY", "SYR", "Idlib", "city", 35.44208, 36.65095, 168325};
static const place idlib_province = {"Idlib", "SY", "SYR", "Idlib", "admin1", 35.931, 36.634, 0};
static const place turkey = {"Turkey", "TR", "TUR", NULL, "country", 39.92, 32.854, 0};

typedef struct event {
    const char *doc;
    int sentence;
    const char *source_code, *source_text, *target_code, *target_text;
    const char *cameo, *root;
    int quad;
    double goldstein;
    const char *plover, *mode;
    const place *place;
    const char *date, *precision;
    long long key, group;
} event;

static int add_event(sqlite3 *db, const event *ev, const char *text)
{
    int s, e;
    sentence_span(text, ev->sentence, &s, &e);
    if (ev->place) {
        const place *p = ev->place;
        const char *at = strstr(text + s, p->name);
        int ps = at ? (int)(at - text) : s;
        if (!execf(db,
                   "INSERT OR IGNORE INTO places(doc_id, start, end, text, name, lat, lon, country,"
                   " country3, admin1, geonameid, feature, precision) VALUES ("
                   "(SELECT id FROM documents WHERE doc_key = %Q), %d, %d, %Q, %Q, %.5f, %.5f, %Q,"
                   " %Q, %Q, %ld, %Q, %Q)",
                   ev->doc, ps, ps + (int)strlen(p->name), p->name, p->name, p->lat, p->lon,
                   p->country, p->country3, p->admin1, p->geonameid, p->feature,
                   strcmp(p->feature, "city") == 0 ? "town" : p->feature))
            return 0;
    }
    return execf(db,
                 "INSERT INTO events(doc_id, sentence_id, sentence, start, end, source_code,"
                 " source_text, target_code, target_text, cameo, root, quad_class, goldstein,"
                 " plover_type, plover_mode, mood, place_id, place_from, date, date_precision,"
                 " date_source, mention_key, group_id) VALUES ("
                 "(SELECT id FROM documents WHERE doc_key = %Q),"
                 " (SELECT s.id FROM sentences s JOIN documents d ON d.id = s.doc_id"
                 "  WHERE d.doc_key = %Q AND s.idx = %d), %d, %d, %d, %Q, %Q, %Q, %Q, %Q, %Q,"
                 " %d, %f, %Q, %Q, 'asserted',"
                 " (SELECT p.id FROM places p JOIN documents d ON d.id = p.doc_id"
                 "  WHERE d.doc_key = %Q AND p.name = %Q), %Q, %Q, %Q, %Q, %lld, %lld)",
                 ev->doc, ev->doc, ev->sentence, ev->sentence, s, e, ev->source_code,
                 ev->source_text, ev->target_code, ev->target_text, ev->cameo, ev->root, ev->quad,
                 ev->goldstein, ev->plover, ev->mode, ev->doc,
                 ev->place ? ev->place->name : "", ev->place ? "clause" : NULL, ev->date,
                 ev->precision, ev->date ? "text" : NULL, ev->key, ev->group);
}

static int add_killed(sqlite3 *db, const char *doc, const char *text, int sentence,
                      const char *phrase, double low, double high)
{
    const char *at = strstr(text, phrase);
    int s = (int)(at - text);
    char high_sql[32] = "NULL";
    if (!isnan(high))
        snprintf(high_sql, sizeof high_sql, "%g", high);
    return execf(db,
                 "INSERT INTO figures(doc_id, sentence, start, end, figure_text, low, high,"
                 " category) VALUES ((SELECT id FROM documents WHERE doc_key = %Q), %d, %d, %d,"
                 " %Q, %g, %s, 'killed')",
                 doc, sentence, s, s + (int)strlen(phrase), phrase, low, high_sql);
}

/* A killed figure dated by its own words. */
static int add_killed_dated(sqlite3 *db, const char *doc, const char *text, int sentence,
                            const char *phrase, double low, const char *date,
                            const char *precision)
{
    const char *at = strstr(text, phrase);
    int s = (int)(at - text);
    return execf(db,
                 "INSERT INTO figures(doc_id, sentence, start, end, figure_text, low, high,"
                 " category, date, date_precision, date_source) VALUES ((SELECT id FROM"
                 " documents WHERE doc_key = %Q), %d, %d, %d, %Q, %g, NULL, 'killed', %Q, %Q,"
                 " %Q)",
                 doc, sentence, s, s + (int)strlen(phrase), phrase, low, date, precision,
                 date ? "text" : NULL);
}

static const event events[] = {
    {"docA", 0, "SYRMIL", "Government aircraft", NULL, NULL, "195", "19", 4, -10, "ASSAULT",
     "heavy-weapons", &saraqib, "2024-04-29", "day", 1001, 1001},
    {"docA", 1, "SYRMIL", "Syrian\ttroops", "SYRREBMUS", "rebels", "193", "19", 4, -10,
     "ASSAULT", "firearms", &khan, "2024-04-29", "day", 3003, 3003},
    {"docA", 3, "IGOUNO", "The UN", NULL, NULL, "0251", "02", 1, -0.3, NULL, NULL, NULL,
     "2024-04-29", "day", 5005, 5005},
    {"docB", 0, NULL, "Gunmen", "SYRCVL", "people", "193", "19", 4, -10, "ASSAULT", "firearms",
     &idlib_province, "2024-04-30", "day", 2002, 2002},
    {"docB", 1, "TURCVL", "Thousands", NULL, NULL, "141", "14", 4, -6.5, "PROTEST", "demo",
     &turkey, "2024-02-01", "month", 4004, 4004},
    {"docC", 0, "SYRMIL", "Warplanes", NULL, NULL, "195", "19", 4, -10, "ASSAULT",
     "heavy-weapons", &saraqib, "2024-04-30", "day", 6006, 1001},
    {"docC", 1, "RUS", "Russia", "TUR", "Turkey", "057", "05", 1, 8, "AGREE", NULL, NULL,
     "2024-04-30", "day", 7007, 7007},
    {"docC", 2, NULL, "Militants", NULL, "a teacher", "1823", "18", 4, -10, "ASSAULT", NULL,
     NULL, NULL, NULL, 8008, 8008},
};

static int add_doc_and_events(sqlite3 *db, char which)
{
    const char *key = which == 'A' ? "docA" : which == 'B' ? "docB" : "docC";
    const char *text = which == 'A' ? text_a : which == 'B' ? text_b : text_c;
    int ok = which == 'A'   ? add_document(db, key, text, "Alpha News", "https://a.example/1",
                                           "/data/a.txt", 0, "2024-05-01T12:00:00Z")
             : which == 'B' ? add_document(db, key, text, "Beta Times", NULL, "/data/b.jsonl", 3,
                                           "2024-05-02 08:30:00")
                            : add_document(db, key, text, "Gamma Post", "https://c.example/x",
                                           "/data/c.txt", 0, "2024-05-03T00:00:00Z");
    for (size_t i = 0; ok && i < sizeof events / sizeof events[0]; i++)
        if (strcmp(events[i].doc, key) == 0)
            ok = add_event(db, &events[i], text);
    if (ok && which == 'A')
        ok = add_killed(db, key, text, 0, "10", 10, 10) && add_killed(db, key, text, 0, "5", 5, 5);
    if (ok && which == 'B')
        ok = add_killed(db, key, text, 0, "17", 17, 17) && add_killed(db, key, text, 0, "4", 4, 4);
    if (ok && which == 'C')
        ok = add_killed(db, key, text, 0, "at least 12", 12, NAN);
    return ok;
}

/* A store of the three documents, written in the order given ("ABC"),
 * as the file `name` in the scratch directory. */
static sr_store *build_store(const char *name, const char *order)
{
    sr_store *s = NULL;
    sr_error err = {0, ""};
    char path[128];
    snprintf(path, sizeof path, "%s/%s", th_tmpdir(), name);
    unlink(path);
    if (sr_store_open(&s, path, SR_STORE_WRITE, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return NULL;
    }
    sqlite3 *db = sr_store_db(s);
    int ok = exec(db, "BEGIN") &&
             exec(db, "INSERT INTO event_groups(id, date, root, cameo, num_mentions, num_sources,"
                      " num_articles) VALUES (1001, '2024-04-29', '19', '195', 2, 2, 2),"
                      " (2002, '2024-04-30', '19', '193', 1, 1, 1),"
                      " (3003, '2024-04-29', '19', '193', 1, 1, 1),"
                      " (4004, '2024-02-01', '14', '141', 1, 1, 1),"
                      " (5005, '2024-04-29', '02', '0251', 1, 1, 1),"
                      " (7007, '2024-04-30', '05', '057', 1, 1, 1),"
                      " (8008, NULL, '18', '1823', 1, 1, 1)");
    for (const char *o = order; ok && *o; o++)
        ok = add_doc_and_events(db, *o);
    ok = ok && exec(db, "COMMIT");
    if (!ok) {
        sr_store_close(s);
        return NULL;
    }
    return s;
}

/* The export as a string (caller frees); NULL on failure. */
static char *export_to_string(sr_store *s, const sr_gazetteer *g, sr_export_format fmt,
                              const sr_event_filter *f, sr_export_counts *counts)
{
    char *data = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&data, &size);
    sr_error err = {0, ""};
    int rc = sr_export_write(s, g, fmt, f, out, counts, &err);
    fclose(out);
    if (rc != 0) {
        fprintf(stderr, "export failed: %s\n", err.msg);
        free(data);
        return NULL;
    }
    return data;
}

/* Split a line (without its end) on tabs, keeping empty fields. */
static int split_tabs(char *line, char **cols, int max)
{
    int n = 0;
    cols[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            cols[n++] = p + 1;
        }
    return n;
}

/* The GDELT line whose GLOBALEVENTID is id, split into 1-based columns
 * (cols[1] .. cols[61]); 0 when absent. line is scratch space. */
static int gdelt_row(const char *tsv, const char *id, char *line, size_t cap, char **cols)
{
    size_t idlen = strlen(id);
    for (const char *p = tsv; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        if (n > idlen && memcmp(p, id, idlen) == 0 && p[idlen] == '\t' && n < cap) {
            memcpy(line, p, n);
            line[n] = '\0';
            cols[0] = NULL;
            return split_tabs(line, cols + 1, 70);
        }
        p += n + (nl ? 1 : 0);
    }
    return 0;
}

static sr_gazetteer *gaz;

TEST(gdelt_has_61_columns_and_the_documented_values)
{
    sr_store *s = build_store("a.db", "ABC");
    CHECK(s != NULL);
    sr_export_counts c;
    char *tsv = export_to_string(s, gaz, SR_EXPORT_GDELT, NULL, &c);
    sr_store_close(s);
    CHECK(tsv != NULL);
    CHECK_INT(c.events, 7);
    CHECK_INT(c.written, 7);

    /* every line: 61 columns, no stray tab or line end inside a field */
    int lines = 0;
    for (char *p = tsv; *p;) {
        char *nl = strchr(p, '\n');
        CHECK(nl != NULL);
        int tabs = 0;
        for (char *q = p; q < nl; q++)
            tabs += *q == '\t';
        CHECK_INT(tabs + 1, 61);
        lines++;
        p = nl + 1;
    }
    CHECK_INT(lines, 7);

    char line[4096], *col[72];
    /* the air strike: group 1001, standing for two reports */
    CHECK_INT(gdelt_row(tsv, "1001", line, sizeof line, col), 61);
    CHECK_STR(col[2], "20240429");
    CHECK_STR(col[3], "202404");
    CHECK_STR(col[4], "2024");
    CHECK_STR(col[5], "2024.3260"); /* (3*30 + 29) / 365 */
    CHECK_STR(col[6], "SYRMIL");
    CHECK_STR(col[7], "Government aircraft");
    CHECK_STR(col[8], "SYR");
    CHECK_STR(col[13], "MIL");
    CHECK_STR(col[26], "1");
    CHECK_STR(col[27], "195");
    CHECK_STR(col[28], "195");
    CHECK_STR(col[29], "19");
    CHECK_STR(col[30], "4");
    CHECK_STR(col[31], "-10");
    CHECK_STR(col[32], "2");
    CHECK_STR(col[33], "2");
    CHECK_STR(col[34], "2");
    CHECK_STR(col[35], "");    /* AvgTone: sitrep measures no tone */
    CHECK_STR(col[36], "0");   /* Actor1Geo: none */
    CHECK_STR(col[44], "0");   /* Actor2Geo: none */
    CHECK_STR(col[52], "4");   /* a world city */
    CHECK_STR(col[53], "Saraqib, Idlib, Syria");
    CHECK_STR(col[54], "SY");  /* FIPS */
    CHECK_STR(col[55], "SY12");
    CHECK_STR(col[56], "");
    CHECK_STR(col[57], "35.8645");
    CHECK_STR(col[58], "36.8059");
    CHECK_STR(col[59], "164816");
    CHECK_STR(col[60], "20240501120000");
    CHECK_STR(col[61], "https://a.example/1");

    /* a tab inside an actor's words became a space */
    CHECK_INT(gdelt_row(tsv, "3003", line, sizeof line, col), 61);
    CHECK_STR(col[7], "Syrian troops");
    CHECK_STR(col[16], "SYRREBMUS");
    CHECK_STR(col[18], "SYR");
    CHECK_STR(col[21], "MUS");
    CHECK_STR(col[23], "REB");
    CHECK_STR(col[27], "193");

    /* an appeal: the code keeps its leading zero */
    CHECK_INT(gdelt_row(tsv, "5005", line, sizeof line, col), 61);
    CHECK_STR(col[6], "IGOUNO");
    CHECK_STR(col[9], "UNO");
    CHECK_STR(col[13], "IGO");
    CHECK_STR(col[27], "0251");
    CHECK_STR(col[28], "025");
    CHECK_STR(col[29], "02");
    CHECK_STR(col[26], "0"); /* the fourth sentence: past the lead */
    CHECK_STR(col[52], "0"); /* no place */
    CHECK_STR(col[53], "");

    /* a province: world state, ADM1 code as FeatureID; no URL: the path */
    CHECK_INT(gdelt_row(tsv, "2002", line, sizeof line, col), 61);
    CHECK_STR(col[52], "5");
    CHECK_STR(col[53], "Idlib, Syria");
    CHECK_STR(col[55], "SY12");
    CHECK_STR(col[59], "SY12");
    CHECK_STR(col[60], "20240502083000");
    CHECK_STR(col[61], "/data/b.jsonl:3");

    /* a country: Turkey is TU in FIPS */
    CHECK_INT(gdelt_row(tsv, "4004", line, sizeof line, col), 61);
    CHECK_STR(col[52], "1");
    CHECK_STR(col[53], "Turkey");
    CHECK_STR(col[54], "TU");
    CHECK_STR(col[55], "TU");
    CHECK_STR(col[59], "TU");

    /* undated: empty date columns */
    CHECK_INT(gdelt_row(tsv, "8008", line, sizeof line, col), 61);
    CHECK_STR(col[2], "");
    CHECK_STR(col[5], "");
    CHECK_STR(col[6], "");
    CHECK_STR(col[7], "Militants");

    /* the second report of the strike is not a row of its own */
    CHECK_INT(gdelt_row(tsv, "6006", line, sizeof line, col), 0);
    free(tsv);
}

static int compare_lines(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The export's lines, sorted, joined again. */
static char *sorted_lines(char *text)
{
    char *lines[64];
    size_t n = 0;
    for (char *p = strtok(text, "\n"); p && n < 64; p = strtok(NULL, "\n"))
        lines[n++] = p;
    qsort(lines, n, sizeof lines[0], compare_lines);
    sr_buf b = SR_BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        sr_buf_puts(&b, lines[i]);
        sr_buf_putc(&b, '\n');
    }
    return b.data;
}

TEST(gdelt_ids_are_stable_across_runs_and_stores)
{
    sr_store *s1 = build_store("a.db", "ABC");
    sr_store *s2 = build_store("b.db", "CBA");
    CHECK(s1 && s2);
    char *a = export_to_string(s1, gaz, SR_EXPORT_GDELT, NULL, NULL);
    char *again = export_to_string(s1, gaz, SR_EXPORT_GDELT, NULL, NULL);
    char *b = export_to_string(s2, gaz, SR_EXPORT_GDELT, NULL, NULL);
    /* the row ids really differ between the two stores */
    sqlite3_stmt *st;
    int64_t id1 = 0, id2 = 0;
    if (sqlite3_prepare_v2(sr_store_db(s1), "SELECT id FROM events WHERE mention_key = 1001",
                           -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        id1 = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    if (sqlite3_prepare_v2(sr_store_db(s2), "SELECT id FROM events WHERE mention_key = 1001",
                           -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
        id2 = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
    sr_store_close(s1);
    sr_store_close(s2);
    int same_run = a && again && strcmp(a, again) == 0;
    char *sa = a ? sorted_lines(a) : NULL, *sb = b ? sorted_lines(b) : NULL;
    int same_store = sa && sb && strcmp(sa, sb) == 0;
    free(a);
    free(again);
    free(b);
    free(sa);
    free(sb);
    CHECK(id1 != id2);
    CHECK(same_run);
    CHECK(same_store);
}

/* Split one CSV record (RFC 4180, no line ends inside fields) into fields
 * written to out (each NUL-terminated, in order); returns the count. */
static int split_csv(const char *line, char out[][512], int max)
{
    int n = 0;
    const char *p = line;
    while (n < max) {
        size_t k = 0;
        if (*p == '"') {
            p++;
            while (*p && !(*p == '"' && p[1] != '"')) {
                if (*p == '"')
                    p++;
                if (k < 511)
                    out[n][k++] = *p;
                p++;
            }
            if (*p == '"')
                p++;
        } else {
            while (*p && *p != ',' && *p != '\r' && *p != '\n') {
                if (k < 511)
                    out[n][k++] = *p;
                p++;
            }
        }
        out[n++][k] = '\0';
        if (*p != ',')
            break;
        p++;
    }
    return n;
}

/* The CSV record whose first field starts with prefix. */
static const char *csv_record(const char *csv, const char *first)
{
    size_t n = strlen(first);
    for (const char *p = csv; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
        if (strncmp(p, first, n) == 0 && p[n] == ',')
            return p;
    return NULL;
}

TEST(acled_header_types_and_fatalities)
{
    static const char *const names[] = {
        "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
        "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
        "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "admin1",
        "admin2", "admin3", "location", "latitude", "longitude", "geo_precision", "source",
        "source_scale", "notes", "fatalities", "tags", "timestamp"};
    sr_store *s = build_store("a.db", "ABC");
    CHECK(s != NULL);
    sr_export_counts c;
    char *csv = export_to_string(s, gaz, SR_EXPORT_ACLED, NULL, &c);
    sr_store_close(s);
    CHECK(csv != NULL);
    static char f[40][512];
    int n = split_csv(csv, f, 40);
    int header_ok = n == 31;
    for (int i = 0; header_ok && i < 31; i++)
        header_ok = strcmp(f[i], names[i]) == 0;
    CHECK(strncmp(csv, "event_id_cnty,event_date,", 25) == 0 && strstr(csv, "timestamp\r\n"));
    int written = (int)c.written, no_type = (int)c.no_type, no_place = (int)c.no_place,
        no_date = (int)c.no_date;
    const char *strike = csv_record(csv, "SYR1001");
    const char *clash = csv_record(csv, "SYR3003");
    const char *attack = csv_record(csv, "SYR2002");
    const char *protest = csv_record(csv, "TUR4004");
    static char a[40][512], b[40][512], d[40][512], e[40][512];
    int na = strike ? split_csv(strike, a, 40) : 0, nb = clash ? split_csv(clash, b, 40) : 0,
        nd = attack ? split_csv(attack, d, 40) : 0, ne = protest ? split_csv(protest, e, 40) : 0;
    free(csv);
    CHECK(header_ok);
    /* the appeal has no ACLED type, the deal no place, the killing no date */
    CHECK_INT(written, 4);
    CHECK_INT(no_type, 1);
    CHECK_INT(no_place, 1);
    CHECK_INT(no_date, 1);

    CHECK_INT(na, 31);
    CHECK_STR(a[1], "2024-04-29");
    CHECK_STR(a[2], "2024");
    CHECK_STR(a[3], "1");
    CHECK_STR(a[4], "Political violence");
    CHECK_STR(a[5], "Explosions/Remote violence");
    CHECK_STR(a[6], "Air/drone strike");
    CHECK_STR(a[9], "1");     /* Syria's own forces in Syria */
    CHECK_STR(a[12], "0");    /* no second actor */
    CHECK_STR(a[13], "10");
    CHECK_STR(a[15], "760");
    CHECK_STR(a[16], "Middle East");
    CHECK_STR(a[17], "Syria");
    CHECK_STR(a[18], "Idlib");
    CHECK_STR(a[21], "Saraqib");
    CHECK_STR(a[22], "35.8645");
    CHECK_STR(a[23], "36.8059");
    CHECK_STR(a[24], "1");
    CHECK_STR(a[25], "Alpha News");
    CHECK(strstr(a[27], "killing 10 civilians and 5 fighters") != NULL);
    /* 10 + 5 in docA's sentence; docC's report says at least 12: the
     * larger total stands */
    CHECK_STR(a[28], "15");
    CHECK_STR(a[30], "1714564800");

    CHECK_INT(nb, 31);
    CHECK_STR(b[5], "Battles");
    CHECK_STR(b[6], "Armed clash");
    CHECK_STR(b[9], "1");
    CHECK_STR(b[12], "2");
    CHECK_STR(b[13], "12");
    CHECK_STR(b[14], "");
    CHECK_STR(b[7], "Syrian troops");

    CHECK_INT(nd, 31);
    CHECK_STR(d[5], "Violence against civilians");
    CHECK_STR(d[6], "Attack");
    CHECK_STR(d[9], "3");     /* uncoded gunmen: an unidentified armed group */
    CHECK_STR(d[12], "7");
    CHECK_STR(d[13], "37");
    CHECK_STR(d[14], "Civilian targeting");
    CHECK_STR(d[24], "3");    /* a province */
    CHECK_STR(d[28], "17");   /* the 4 children are among the 17 */

    CHECK_INT(ne, 31);
    CHECK_STR(e[4], "Demonstrations");
    CHECK_STR(e[5], "Protests");
    CHECK_STR(e[6], "Peaceful protest");
    CHECK_STR(e[3], "3");     /* a month */
    CHECK_STR(e[9], "6");
    CHECK_STR(e[13], "60");
    CHECK_STR(e[15], "792");
    CHECK_STR(e[17], "Turkey");
}

TEST(acled_fatalities_leave_out_war_tolls_and_other_days)
{
    static const char text_d[] =
        "The war has killed more than 280000 people, and on Friday an air strike killed 6 "
        "people in Saraqib after 9 died there last month.";
    static const event strike = {"docD", 0, "SYRMIL", "an air strike", NULL, NULL, "195", "19",
                                 4, -10, "ASSAULT", NULL, &saraqib, "2024-04-26", "day", 9009,
                                 9009};
    char path[128];
    snprintf(path, sizeof path, "%s/d.db", th_tmpdir());
    unlink(path);
    sr_store *s = NULL;
    sr_error err = {0, ""};
    CHECK_INT(sr_store_open(&s, path, SR_STORE_WRITE, &err), 0);
    sqlite3 *db = sr_store_db(s);
    int ok = exec(db, "INSERT INTO event_groups(id, date, root, cameo, num_mentions,"
                      " num_sources, num_articles) VALUES (9009, '2024-04-26', '19', '195', 1,"
                      " 1, 1)") &&
             add_document(db, "docD", text_d, "Delta", NULL, "/data/d.txt", 0,
                          "2024-04-27T00:00:00Z") &&
             add_event(db, &strike, text_d) &&
             add_killed_dated(db, "docD", text_d, 0, "more than 280000", 280000, NULL, NULL) &&
             add_killed_dated(db, "docD", text_d, 0, "6", 6, "2024-04-26", "day") &&
             add_killed_dated(db, "docD", text_d, 0, "9", 9, "2024-03-01", "month");
    char *csv = ok ? export_to_string(s, gaz, SR_EXPORT_ACLED, NULL, NULL) : NULL;
    sr_store_close(s);
    CHECK(csv != NULL);
    const char *row = csv_record(csv, "SYR9009");
    static char f[40][512];
    int n = row ? split_csv(row, f, 40) : 0;
    free(csv);
    CHECK_INT(n, 31);
    CHECK_STR(f[28], "6");
}

TEST(plover_lines_are_json_records)
{
    sr_store *s = build_store("a.db", "ABC");
    CHECK(s != NULL);
    sr_export_counts c;
    char *jl = export_to_string(s, gaz, SR_EXPORT_PLOVER, NULL, &c);
    sr_store_close(s);
    CHECK(jl != NULL);
    int lines = 0, bad = 0, missing = 0, seen_strike = 0, seen_protest = 0, seen_deal = 0;
    for (char *p = strtok(jl, "\n"); p; p = strtok(NULL, "\n")) {
        lines++;
        json_error_t je;
        json_t *r = json_loads(p, 0, &je);
        if (!r) {
            bad++;
            continue;
        }
        static const char *const required[] = {"id", "date", "event", "actor", "recipient",
                                               "quad_code", "mode", "event_text", "cite_info",
                                               "coder", "coded_date", "event_loc"};
        for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
            missing += json_object_get(r, required[i]) == NULL;
        missing += !json_is_string(json_object_get(r, "id")) ||
                   !json_is_array(json_object_get(r, "event")) ||
                   !json_is_array(json_object_get(r, "actor"));
        const char *id = json_string_value(json_object_get(r, "id"));
        if (id && strcmp(id, "1001") == 0) {
            json_t *loc = json_object_get(r, "event_loc");
            seen_strike = strcmp(json_string_value(json_array_get(json_object_get(r, "event"), 0)),
                                 "ASSAULT") == 0 &&
                          json_integer_value(json_object_get(loc, "geonameid")) == 164816 &&
                          strcmp(json_string_value(json_object_get(loc, "country_code")), "SYR") == 0 &&
                          json_integer_value(json_object_get(r, "quad_code")) == 4 &&
                          strcmp(json_string_value(json_object_get(
                                     json_array_get(json_object_get(r, "actor"), 0), "code")),
                                 "SYRMIL") == 0 &&
                          json_integer_value(json_object_get(
                              json_object_get(r, "sitrep"), "num_sources")) == 2;
        }
        if (id && strcmp(id, "4004") == 0)
            seen_protest = json_is_string(json_object_get(r, "enddate")) &&
                           strcmp(json_string_value(json_object_get(r, "enddate")), "2024-02-29") == 0;
        if (id && strcmp(id, "7007") == 0)
            seen_deal = json_is_null(json_object_get(r, "event_loc")) &&
                        json_integer_value(json_object_get(r, "quad_code")) == 1 &&
                        strcmp(json_string_value(json_object_get(r, "coder")), "sitrep " SR_VERSION) == 0;
        json_decref(r);
    }
    free(jl);
    CHECK_INT(bad, 0);
    CHECK_INT(missing, 0);
    CHECK_INT(lines, 5);
    CHECK_INT(c.no_type, 1); /* root 02 */
    CHECK_INT(c.no_date, 1);
    CHECK(seen_strike);
    CHECK(seen_protest);
    CHECK(seen_deal);
}

TEST(geojson_is_a_feature_collection_of_lon_lat_points)
{
    sr_store *s = build_store("a.db", "ABC");
    CHECK(s != NULL);
    sr_export_counts c;
    char *text = export_to_string(s, gaz, SR_EXPORT_GEOJSON, NULL, &c);
    sr_event_filter f;
    memset(&f, 0, sizeof f);
    f.code = "19";
    sr_export_counts c19;
    char *only19 = export_to_string(s, gaz, SR_EXPORT_GEOJSON, &f, &c19);
    sr_store_close(s);
    CHECK(text != NULL && only19 != NULL);
    json_error_t je;
    json_t *fc = json_loads(text, 0, &je);
    json_t *fc19 = json_loads(only19, 0, &je);
    free(text);
    free(only19);
    int ok = fc && fc19;
    size_t nf = 0, nf19 = 0;
    int points = 1, saraqib_ok = 0;
    if (ok) {
        json_t *features = json_object_get(fc, "features");
        nf = json_array_size(features);
        nf19 = json_array_size(json_object_get(fc19, "features"));
        ok = strcmp(json_string_value(json_object_get(fc, "type")), "FeatureCollection") == 0;
        for (size_t i = 0; i < nf; i++) {
            json_t *ft = json_array_get(features, i);
            json_t *geom = json_object_get(ft, "geometry");
            json_t *xy = json_object_get(geom, "coordinates");
            points &= strcmp(json_string_value(json_object_get(ft, "type")), "Feature") == 0 &&
                      strcmp(json_string_value(json_object_get(geom, "type")), "Point") == 0 &&
                      json_array_size(xy) == 2 && json_is_number(json_array_get(xy, 0)) &&
                      json_is_number(json_array_get(xy, 1));
            json_t *props = json_object_get(ft, "properties");
            const char *id = json_string_value(json_object_get(props, "id"));
            if (id && strcmp(id, "1001") == 0)
                saraqib_ok = fabs(json_number_value(json_array_get(xy, 0)) - 36.80591) < 1e-4 &&
                             fabs(json_number_value(json_array_get(xy, 1)) - 35.86447) < 1e-4 &&
                             strcmp(json_string_value(json_object_get(props, "cameo")), "195") == 0 &&
                             json_is_number(json_object_get(props, "goldstein")) &&
                             json_integer_value(json_object_get(props, "num_sources")) == 2;
        }
    }
    json_decref(fc);
    json_decref(fc19);
    CHECK(ok);
    CHECK(points);
    CHECK(saraqib_ok);
    CHECK_INT(nf, 4);
    CHECK_INT(c.no_place, 3);
    CHECK_INT(nf19, 3); /* the filter reaches the query */
}

TEST(us_places_take_gdelt_us_geo_types)
{
    sr_event_row r;
    memset(&r, 0, sizeof r);
    r.has_place = 1;
    r.place_name = "Chicago";
    r.place_country = "US";
    r.place_country3 = "USA";
    r.place_feature = "city";
    r.geonameid = 4887398;
    r.lat = 41.85003;
    r.lon = -87.65005;
    export_place p;
    export_place_resolve(gaz, &r, &p);
    CHECK_INT(p.geo_type, 3);
    CHECK_STR(p.fips, "US");
    r.place_feature = "admin1";
    export_place_resolve(gaz, &r, &p);
    CHECK_INT(p.geo_type, 2);
    r.place_feature = "city";
    r.place_country = "SY";
    r.place_name = "Idlib";
    r.geonameid = 169389;
    export_place_resolve(gaz, &r, &p);
    CHECK_INT(p.geo_type, 4);
    CHECK_STR(p.adm1, "SY12");
}

int main(void)
{
    RUN(actor_codes_split_as_gdelt_does);
    RUN(every_cameo_root_has_an_acled_line);
    RUN(countries_cover_iso_3166);
    RUN(fields_escape_and_dates_parse);
    sr_error err = {0, ""};
    if (access(SR_GAZETTEER, R_OK) != 0 || sr_gazetteer_open(&gaz, SR_GAZETTEER, &err) != 0 ||
        !th_tmpdir_make("test_export")) {
        printf("test_export: %s not built, store exports skipped\n", SR_GAZETTEER);
        return DONE();
    }
    RUN(gdelt_has_61_columns_and_the_documented_values);
    RUN(gdelt_ids_are_stable_across_runs_and_stores);
    RUN(acled_header_types_and_fatalities);
    RUN(acled_fatalities_leave_out_war_tolls_and_other_days);
    RUN(plover_lines_are_json_records);
    RUN(geojson_is_a_feature_collection_of_lon_lat_points);
    RUN(us_places_take_gdelt_us_geo_types);
    sr_gazetteer_close(gaz);
    th_tmpdir_remove();
    return DONE();
}
