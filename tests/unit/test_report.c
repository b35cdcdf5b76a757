/*
 * report: a small store written row by row in SQL (four articles from
 * three outlets, five real-world events, a contested toll, two quotes,
 * hostile text in a title and a sentence) and the reports written over it:
 * the numbers, the sections, the escaping, and the map's geometry.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "report/report_internal.h"
#include "sitrep/report.h"
#include "store/store_internal.h"

/* Byte offsets of a sentence in its document's text: the texts are ASCII,
 * so instr() counts bytes. */
#define SPAN(doc, words)                                                              \
    "instr((SELECT text FROM documents WHERE id = " doc "), '" words "') - 1, "       \
    "instr((SELECT text FROM documents WHERE id = " doc "), '" words "') - 1 + length('" words "')"

static const char fixture[] =
    "INSERT INTO documents (id, hash, doc_key, outlet, url, title, published, text, ingested_at)"
    " VALUES"
    " (1, 'h1', 'd1', 'Wire A', 'https://a.example/1', 'Strikes hit Idlib', '2020-03-01',"
    "  'Government forces shelled rebels in Idlib on Sunday. Russian jets bombed civilians in"
    " Idlib. Seven civilians were killed in Idlib.', 'now'),"
    " (2, 'h2', 'd2', 'Paper B', 'https://b.example/2?a=1&b=2',"
    "  '<script>alert(1)</script> & \"quoted\" | piped', '2020-03-01',"
    "  'Army <b>shelled</b> rebels | in Idlib & beyond. Ten civilians died in Idlib, medics said.',"
    "  'now'),"
    " (3, 'h3', 'd3', 'Agency C', 'javascript:alert(1)', 'Talks in Aleppo', '2020-03-03',"
    "  'Turkey and Russia met in Aleppo. Twelve fighters were killed near Aleppo. Erdogan said:"
    " We will not allow a new wave of refugees.', 'now'),"
    " (4, 'h4', 'd4', 'Wire A', 'https://a.example/4', 'Old news', '2020-01-15',"
    "  'The government accused the rebels in Damascus.', 'now');"

    "INSERT INTO places (id, doc_id, start, end, text, name, lat, lon, country, country3,"
    " admin1, geonameid, feature, precision) VALUES"
    " (1, 1, 0, 5, 'Idlib', 'Idlib', 35.93062, 36.63393, 'SY', 'SYR', 'Idlib', 169389, 'city', 'town'),"
    " (2, 2, 0, 5, 'Idlib', 'Idlib', 35.93062, 36.63393, 'SY', 'SYR', 'Idlib', 169389, 'city', 'town'),"
    " (3, 3, 0, 6, 'Aleppo', 'Aleppo', 36.20124, 37.16117, 'SY', 'SYR', 'Aleppo', 170063, 'city', 'city'),"
    " (4, 4, 0, 8, 'Damascus', 'Damascus', 33.5102, 36.29128, 'SY', 'SYR', NULL, 170654, 'city', 'city');"

    "INSERT INTO event_groups (id, date, source_key, target_key, root, place_key, cameo,"
    " num_mentions, num_sources, num_articles) VALUES"
    " (1001, '2020-03-01', 'SYRMIL', 'SYRREB', '19', '169389', '190', 2, 2, 2),"
    " (1003, '2020-03-01', 'RUSMIL', 'SYRCVL', '19', '169389', '195', 1, 1, 1),"
    " (1004, '2020-03-03', 'TUR', 'RUS', '03', '170063', '036', 1, 1, 1),"
    " (1005, '2020-03-03', 'RUS', 'TUR', '03', '170063', '036', 1, 1, 1);"

    "INSERT INTO events (id, doc_id, sentence, start, end, source_code, source_text, target_code,"
    " target_text, cameo, root, quad_class, goldstein, plover_type, place_id, date, mention_key,"
    " group_id) VALUES"
    /* the first mention of the shelling, the one the report quotes, is
     * the one with markup in its words */
    " (1, 2, 0, " SPAN("2", "Army <b>shelled</b> rebels | in Idlib & beyond.") ", 'SYRMIL', 'Army',"
    "  'SYRREB', 'rebels', '190', '19', 4, -10, 'ASSAULT', 2, '2020-03-01', 1001, 1001),"
    " (2, 1, 0, " SPAN("1", "Government forces shelled rebels in Idlib on Sunday.") ", 'SYRMIL',"
    "  'Government forces', 'SYRREB', 'rebels', '190', '19', 4, -10, 'ASSAULT', 1, '2020-03-01', 1002, 1001),"
    " (3, 1, 1, " SPAN("1", "Russian jets bombed civilians in Idlib.") ", 'RUSMIL', 'Russian jets',"
    "  'SYRCVL', 'civilians', '195', '19', 4, -10, 'ASSAULT', 1, '2020-03-01', 1003, 1003),"
    " (4, 3, 0, " SPAN("3", "Turkey and Russia met in Aleppo.") ", 'TUR', 'Turkey', 'RUS', 'Russia',"
    "  '036', '03', 1, 4, 'CONSULT', 3, '2020-03-03', 1004, 1004),"
    " (5, 3, 0, " SPAN("3", "Turkey and Russia met in Aleppo.") ", 'RUS', 'Russia', 'TUR', 'Turkey',"
    "  '036', '03', 1, 4, 'CONSULT', 3, '2020-03-03', 1005, 1005),"
    " (6, 4, 0, " SPAN("4", "The government accused the rebels in Damascus.") ", 'SYRGOV',"
    "  'The government', 'SYRREB', 'the rebels', '112', '11', 3, -2, 'ACCUSE', 4, '2020-01-15', 1006, NULL);"

    "INSERT INTO figures (doc_id, sentence, start, end, figure_text, low, high, category,"
    " unit_text, whose_code, subject, place_words, date, date_precision) VALUES"
    " (1, 2, 0, 5, 'Seven', 7, 7, 'killed', 'civilians', 'SYRCVL', 'civilians', 'Idlib',"
    "  '2020-03-01', 'day'),"
    " (2, 1, 0, 3, 'Ten', 10, 10, 'killed', 'civilians', 'SYRCVL', 'civilians', 'Idlib',"
    "  '2020-03-01', 'day'),"
    " (3, 1, 0, 6, 'Twelve', 12, 12, 'killed', 'fighters', NULL, 'armed', 'Aleppo',"
    "  '2020-03-03', 'day');"

    "INSERT INTO quotes (doc_id, sentence, start, end, quote, direct, speaker_text,"
    " speaker_code, cue_text) VALUES"
    " (3, 2, 0, 10, 'We will not allow a new wave of refugees', 1, 'Erdogan', 'TURGOV', 'said'),"
    " (1, 0, 0, 10, 'the rebels <must> go', 0, 'Putin', 'RUSGOV', 'said');"

    "INSERT INTO labels (doc_id, sentence, start, end, word) VALUES"
    " (1, 0, 0, 1, 'rebels'), (1, 1, 0, 1, 'rebels'), (2, 0, 0, 1, 'terrorists'),"
    " (2, 0, 2, 3, 'rebels');";

static sr_store *make_store(const char *name, int with_rows)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", th_tmpdir(), name);
    sr_store *s = NULL;
    sr_error err = {0, ""};
    if (sr_store_open(&s, path, SR_STORE_WRITE, &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        return NULL;
    }
    if (with_rows && sr_store_exec(sr_store_db(s), fixture, "fixture", &err) != 0) {
        fprintf(stderr, "%s\n", err.msg);
        sr_store_close(s);
        return NULL;
    }
    return s;
}

static sr_store *store;

/* The report as a C string the caller frees; NULL (and why on stderr)
 * when it fails. */
static char *report_of(sr_report_format format, const char *since, const char *until,
                       const char *place, const char *actor)
{
    sr_report_options opt = {format, since, until, place, actor, NULL};
    sr_buf b = SR_BUF_INIT;
    sr_error err = {0, ""};
    if (sr_report_write(store, &opt, &b, &err) != 0) {
        fprintf(stderr, "report: %s\n", err.msg);
        sr_buf_free(&b);
        return NULL;
    }
    return b.data;
}

/* The text from `from` to the next line that starts "## ", for checking
 * one Markdown section. */
static char *section(const char *doc, const char *heading)
{
    const char *at = strstr(doc, heading);
    if (!at)
        return NULL;
    const char *end = strstr(at + 1, "\n## ");
    size_t n = end ? (size_t)(end - at) : strlen(at);
    char *s = malloc(n + 1);
    memcpy(s, at, n);
    s[n] = '\0';
    return s;
}

TEST(markdown_headline_counts)
{
    char *md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL);
    CHECK(md);
    /* 6 mentions, 5 real-world events (the two shellings of Idlib are one,
     * the Damascus accusation has no group and stands alone), 2 violent;
     * 4 articles from 3 outlets; killed: 7-10 (one contested toll) + 12 */
    int ok = strstr(md, "| 5 (6 mentions) | 2 (40%) | at least 19, at most 22 | 4 | 3 | "
                        "2020-01-15 to 2020-03-03 |") != NULL;
    if (!ok)
        fprintf(stderr, "%.600s\n", strstr(md, "## Summary") ? strstr(md, "## Summary") : md);
    free(md);
    CHECK(ok);
}

TEST(markdown_sections)
{
    char *md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL);
    CHECK(md);
    static const char *const heads[] = {
        "# Situation report: All events", "## Summary", "## Timeline", "## Places",
        "## Most reported events", "## Who acts on whom", "## Killed, as reported",
        "## Figures compared across outlets", "## Quotes by speaker",
        "## Framing words by outlet", "## Sources"};
    const char *missing = NULL;
    const char *at = md;
    for (size_t i = 0; i < sizeof heads / sizeof *heads && !missing; i++) {
        const char *h = strstr(at, heads[i]);
        if (!h)
            missing = heads[i];
        else
            at = h; /* and in this order */
    }
    int external = strstr(md, "](http") != NULL || strstr(md, "![") != NULL;
    free(md);
    if (missing)
        TH_FAIL("no section '%s' (in order)", missing);
    CHECK(!external); /* links are reference-style, to the Sources list */
}

TEST(contested_pair)
{
    char *md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL);
    CHECK(md);
    char *figs = section(md, "## Figures compared across outlets");
    free(md);
    CHECK(figs);
    int contested = strstr(figs, "### CONTESTED: killed, civilians in Idlib, 2 outlets") != NULL;
    int seven = strstr(figs, "| [Wire A \\[") && strstr(figs, "| 2020-03-01 | 7 | Seven |");
    int ten = strstr(figs, "| [Paper B \\[") && strstr(figs, "| 2020-03-01 | 10 | Ten |");
    if (!contested || !seven || !ten)
        fprintf(stderr, "%s\n", figs);
    free(figs);
    CHECK(contested);
    CHECK(seven);
    CHECK(ten);
}

TEST(quote_with_speaker)
{
    char *md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL);
    CHECK(md);
    char *q = section(md, "## Quotes by speaker");
    free(md);
    CHECK(q);
    int head = strstr(q, "### Erdogan (TURGOV): 1 quote, 1 outlet") != NULL;
    int text = strstr(q, "> \xE2\x80\x9CWe will not allow a new wave of refugees\xE2\x80\x9D") != NULL;
    /* Agency C's url is javascript:, so it is named, not linked */
    int by = strstr(q, "> \xE2\x80\x94 Erdogan, Agency C \\[") != NULL;
    int escaped = strstr(q, "the rebels \\<must\\> go") != NULL;
    if (!head || !text || !by || !escaped)
        fprintf(stderr, "%s\n", q);
    free(q);
    CHECK(head);
    CHECK(text);
    CHECK(by);
    CHECK(escaped);
}

TEST(html_escapes_article_text)
{
    char *html = report_of(SR_REPORT_HTML, NULL, NULL, NULL, NULL);
    CHECK(html);
    int raw_script = strstr(html, "<script") != NULL;
    int title = strstr(html, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot; | piped") != NULL;
    int sentence = strstr(html, "Army &lt;b&gt;shelled&lt;/b&gt; rebels | in Idlib &amp; beyond.") != NULL;
    int js_link = strstr(html, "href=\"javascript") != NULL;
    int url = strstr(html, "href=\"https://b.example/2?a=1&amp;b=2\"") != NULL;
    free(html);
    CHECK(!raw_script);
    CHECK(title);
    CHECK(sentence);
    CHECK(!js_link);
    CHECK(url);
}

TEST(markdown_escapes_article_text)
{
    char *md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL);
    CHECK(md);
    int title = strstr(md, "\\<script\\>alert(1)\\</script\\> & \"quoted\" \\| piped") != NULL;
    int sentence = strstr(md, "Army \\<b\\>shelled\\</b\\> rebels \\| in Idlib & beyond.") != NULL;
    /* shown as text at most, never as a link target */
    int js_link = strstr(md, "<javascript") != NULL || strstr(md, "](javascript") != NULL;
    free(md);
    CHECK(title);
    CHECK(sentence);
    CHECK(!js_link);
}

TEST(html_self_contained)
{
    char *html = report_of(SR_REPORT_HTML, NULL, NULL, NULL, NULL);
    CHECK(html);
    /* every src= and href= is an article link or a #fragment */
    const char *bad = NULL;
    for (const char *p = html; (p = strstr(p, "=\"")) && !bad; p += 2) {
        int is_src = p >= html + 3 && strncmp(p - 3, "src", 3) == 0;
        int is_href = p >= html + 4 && strncmp(p - 4, "href", 4) == 0;
        if (!is_src && !is_href)
            continue;
        const char *v = p + 2;
        if (is_src || (v[0] != '#' && strncmp(v, "https://a.example/", 18) != 0 &&
                       strncmp(v, "https://b.example/", 18) != 0))
            bad = v;
    }
    int scripts = strstr(html, "<script") != NULL, link_tag = strstr(html, "<link") != NULL;
    int svg = strstr(html, "<svg class=\"map\"") && strstr(html, "<svg class=\"chart\"") &&
              strstr(html, "<svg class=\"net\"");
    if (bad)
        fprintf(stderr, "external reference: %.60s\n", bad);
    free(html);
    CHECK(!bad);
    CHECK(!scripts);
    CHECK(!link_tag);
    CHECK(svg);
}

static double attr(const char *tag, const char *name)
{
    char key[64];
    snprintf(key, sizeof key, " %s=\"", name);
    const char *at = strstr(tag, key);
    return at ? atof(at + strlen(key)) : NAN;
}

/* The circle whose title starts with name: its centre. */
static int circle_of(const char *html, const char *name, double *cx, double *cy)
{
    char title[64];
    snprintf(title, sizeof title, "><title>%s: ", name);
    const char *t = strstr(html, title);
    if (!t)
        return 0;
    const char *c = t;
    while (c > html && strncmp(c, "<circle", 7) != 0)
        c--;
    *cx = attr(c, "cx");
    *cy = attr(c, "cy");
    return !isnan(*cx) && !isnan(*cy);
}

TEST(map_circle_where_the_place_is)
{
    char *html = report_of(SR_REPORT_HTML, NULL, NULL, NULL, NULL);
    CHECK(html);
    const char *svg = strstr(html, "<svg class=\"map\"");
    double west = svg ? attr(svg, "data-west") : NAN, north = svg ? attr(svg, "data-north") : NAN;
    double scale = svg ? attr(svg, "data-scale") : NAN, coslat = svg ? attr(svg, "data-coslat") : NAN;
    double ix = 0, iy = 0, ax = 0, ay = 0, dx = 0, dy = 0;
    int found = circle_of(html, "Idlib", &ix, &iy) && circle_of(html, "Aleppo", &ax, &ay) &&
                circle_of(html, "Damascus", &dx, &dy);
    int syria = strstr(html, "<title>Syria</title>") != NULL;
    free(html);
    CHECK(!isnan(west) && !isnan(north) && scale > 0 && coslat > 0);
    CHECK(found);
    CHECK(syria);
    /* equirectangular: x from longitude, y from latitude, both scaled */
    double ex = (36.63393 - west) * coslat * scale, ey = (north - 35.93062) * scale;
    if (fabs(ix - ex) > 0.11 || fabs(iy - ey) > 0.11)
        TH_FAIL("Idlib drawn at %.1f,%.1f, projected at %.1f,%.1f", ix, iy, ex, ey);
    /* and independent of the view: Aleppo is east and north of Idlib,
     * Damascus south of both */
    CHECK(ax > ix && ay < iy);
    CHECK(dy > iy && dy > ay);
    /* zoomed on Syria, not the world: 1000 units span under 15 degrees */
    CHECK(1000 / (coslat * scale) < 15);
    CHECK(cos(35 * M_PI / 180) - coslat < 0.05 && coslat - cos(35 * M_PI / 180) < 0.05);
}

TEST(projection_and_fit)
{
    rep_place places[3] = {
        {.name = "A", .lat = 35.0, .lon = 36.0, .events = 5, .on_map = 1},
        {.name = "B", .lat = 36.0, .lon = 38.0, .events = 4, .on_map = 1},
        /* far away and small: set aside */
        {.name = "C", .lat = 38.9, .lon = -77.0, .events = 1, .on_map = 1},
    };
    rep_view v;
    CHECK(rep_map_fit(places, 3, 1000, &v));
    CHECK(places[0].on_map && places[1].on_map && !places[2].on_map);
    CHECK(v.west < 36.0 && v.east > 38.0 && v.south < 35.0 && v.north > 36.0);
    CHECK(v.east - v.west < 10);
    double x, y;
    rep_map_project(&v, v.west, v.north, &x, &y);
    CHECK(fabs(x) < 1e-9 && fabs(y) < 1e-9);
    rep_map_project(&v, v.east, v.south, &x, &y);
    CHECK(fabs(x - 1000) < 1e-6 && fabs(y - v.height) < 1e-6);
}

TEST(filters_restrict)
{
    char *md = report_of(SR_REPORT_MARKDOWN, "2020-03-01", NULL, NULL, NULL);
    CHECK(md);
    int since = strstr(md, "| 4 (5 mentions) | 2 (50%) |") != NULL && !strstr(md, "Damascus");
    free(md);
    CHECK(since);
    md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, "Aleppo", NULL);
    CHECK(md);
    /* two consultations in Aleppo, one article; no violence */
    int place = strstr(md, "| 2 (2 mentions) | 0 (0%) |") != NULL && !strstr(md, "Army");
    free(md);
    CHECK(place);
    md = report_of(SR_REPORT_MARKDOWN, NULL, NULL, NULL, "SYR");
    CHECK(md);
    int actor = strstr(md, "| 3 (4 mentions) | 2 (67%) |") != NULL && !strstr(md, "Turkey and Russia met");
    free(md);
    CHECK(actor);
}

TEST(bad_filter_is_refused)
{
    sr_report_options opt = {SR_REPORT_HTML, "2020-13-01", NULL, NULL, NULL, NULL};
    sr_buf b = SR_BUF_INIT;
    sr_error err = {0, ""};
    int rc = sr_report_write(store, &opt, &b, &err);
    sr_buf_free(&b);
    CHECK_INT(rc, SR_EINVAL);
    CHECK(strstr(err.msg, "2020-13-01") != NULL);
    opt.since = NULL;
    opt.actor = "SYR'; DROP TABLE events; --";
    rc = sr_report_write(store, &opt, &b, &err);
    sr_buf_free(&b);
    CHECK_INT(rc, SR_EINVAL);
}

/* Regression: "since 2015" dated an event 2015-01-01 (year precision) and
 * the report's period began in 2015; such an event counts on its
 * article's date. */
TEST(period_ignores_dates_known_only_to_the_year)
{
    sr_store *s = make_store("years.db", 0);
    CHECK(s);
    sr_error err = {0, ""};
    int rc = sr_store_exec(sr_store_db(s),
        "INSERT INTO documents (id, hash, doc_key, outlet, published, text, ingested_at) VALUES"
        " (1, 'y1', 'y1', 'Wire A', '2020-03-01', 'Rebels have attacked the town since 2015."
        " Troops shelled it on Friday.', 'now');"
        "INSERT INTO events (id, doc_id, sentence, start, end, source_code, cameo, root,"
        " quad_class, goldstein, plover_type, date, date_precision, mention_key) VALUES"
        " (1, 1, 0, 0, 41, 'SYRREB', '190', '19', 4, -10, 'ASSAULT', '2015-01-01', 'year', 1),"
        " (2, 1, 1, 42, 71, 'SYRMIL', '195', '19', 4, -10, 'ASSAULT', '2020-02-28', 'day', 2);",
        "fixture", &err);
    CHECK_INT(rc, 0);
    sr_report_options opt = {SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL, NULL};
    sr_buf b = SR_BUF_INIT;
    CHECK_INT(sr_report_write(s, &opt, &b, &err), 0);
    CHECK(b.data && strstr(b.data, "Period: 2020-02-28 to 2020-03-01") != NULL);
    CHECK(b.data && strstr(b.data, "2015-01-01") == NULL);
    sr_buf_free(&b);
    sr_store_close(s);
}

TEST(empty_store)
{
    sr_store *empty = make_store("empty.db", 0);
    CHECK(empty);
    for (int f = 0; f < 2; f++) {
        sr_report_options opt = {f ? SR_REPORT_HTML : SR_REPORT_MARKDOWN, NULL, NULL, NULL, NULL, NULL};
        sr_buf b = SR_BUF_INIT;
        sr_error err = {0, ""};
        int rc = sr_report_write(empty, &opt, &b, &err);
        int ok = rc == 0 && b.data && (f ? strstr(b.data, "</html>") != NULL
                                         : strstr(b.data, "No dated events.") != NULL);
        sr_buf_free(&b);
        if (!ok) {
            sr_store_close(empty);
            TH_FAIL("format %d: rc %d: %s", f, rc, err.msg);
        }
    }
    sr_store_close(empty);
}

TEST(escape_helpers)
{
    sr_buf b = SR_BUF_INIT;
    rep_md(&b, "# a|b*c_[d]<e>&amp;\n`f`");
    CHECK_STR(b.data, "\\# a\\|b\\*c\\_\\[d\\]\\<e\\>\\&amp; \\`f\\`");
    sr_buf_reset(&b);
    rep_html(&b, "<a href='x'>\"&\"</a>");
    CHECK_STR(b.data, "&lt;a href=&#39;x&#39;&gt;&quot;&amp;&quot;&lt;/a&gt;");
    sr_buf_reset(&b);
    rep_md_url(&b, "https://x.example/a (b)<c>");
    CHECK_STR(b.data, "https://x.example/a%20%28b%29%3Cc%3E");
    sr_buf_reset(&b);
    rep_put_range(&b, 7000, 10000);
    CHECK_STR(b.data, "7,000\xE2\x80\x93" "10,000");
    sr_buf_reset(&b);
    rep_put_range(&b, 70, NAN);
    CHECK_STR(b.data, "at least 70");
    sr_buf_free(&b);
    CHECK(rep_url_linkable("https://a.example/x"));
    CHECK(!rep_url_linkable("javascript:alert(1)"));
    CHECK(!rep_url_linkable("https://"));
    CHECK(!rep_url_linkable("http://a b"));
    CHECK_INT(rep_day_number("1970-01-02"), 1);
    CHECK_INT(rep_day_number("2020-02-30"), -1);
    char day[11];
    rep_day_string(rep_day_number("2020-02-29") + 1, day);
    CHECK_STR(day, "2020-03-01");
}

int main(void)
{
    if (!th_tmpdir_make("test_report"))
        return 1;
    store = make_store("report.db", 1);
    if (!store) {
        th_tmpdir_remove();
        return 1;
    }
    RUN(markdown_headline_counts);
    RUN(markdown_sections);
    RUN(contested_pair);
    RUN(quote_with_speaker);
    RUN(html_escapes_article_text);
    RUN(markdown_escapes_article_text);
    RUN(html_self_contained);
    RUN(map_circle_where_the_place_is);
    RUN(projection_and_fit);
    RUN(filters_restrict);
    RUN(bad_filter_is_refused);
    RUN(period_ignores_dates_known_only_to_the_year);
    RUN(empty_store);
    RUN(escape_helpers);
    sr_store_close(store);
    th_tmpdir_remove();
    return DONE();
}
