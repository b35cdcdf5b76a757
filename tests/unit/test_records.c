/*
 * Event records (docs/records.md): what sr_records_write_events writes is
 * parsed back with jansson and checked field by field, with a small
 * dictionary in the PETRARCH formats written to a temporary directory.
 *
 * Tests whose RUN line is commented out with "KNOWN FAILURE" describe
 * output that is wrong now.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

static const char verbs_txt[] =
    "<!-- sitrep records unit tests: verbs -->\n"
    "---  PHYSICAL_CONFLICT   [190]  ---\n"
    "ATTACK\n"
    "- * WITH ARTILLERY  [194]\n"
    "\n"
    "---  MEET_PEOPLE   [040]  ---\n"
    "MEET {MEETS MET MEETING}\n"
    "\n"
    "---  TEST_ONLY   [999]  ---   # a code outside CAMEO\n"
    "FROBNICATE\n";

static const char actors_txt[] =
    "SYRIA_ [SYR]\n"
    "+SYRIAN_\n"
    "TURKEY_ [TUR]\n"
    "IRAN_ [IRN]\n"
    "FRANCE_ [FRA]\n"
    "ÉLYSÉE_ [FRAGOV]\n";

static const char agents_txt[] = "ARMY [~MIL]\n";

/* ---- fixture ------------------------------------------------------------ */

static sr_dict *dict;
static sr_coder *coder;
static sr_buf out;       /* the records of the last write_records call */
static json_t *recs[64]; /* its lines, parsed */
static size_t nrecs;
static const char *input;

static sr_dict *load(const char *verbs_name)
{
    const char *actors[1];
    sr_dict_files files;
    memset(&files, 0, sizeof files);
    files.verbs = th_write_file(verbs_name, verbs_txt);
    actors[0] = th_write_file("records.actors.txt", actors_txt);
    files.actors = actors;
    files.nactors = 1;
    files.agents = th_write_file("records.agents.txt", agents_txt);
    sr_dict *d = NULL;
    sr_error err;
    if (sr_dict_load(&d, &files, NULL, NULL, &err) != 0) {
        fprintf(stderr, "test_records: cannot load the test dictionary: %s\n", err.msg);
        return NULL;
    }
    return d;
}

static void clear_records(void)
{
    for (size_t k = 0; k < nrecs; k++)
        json_decref(recs[k]);
    nrecs = 0;
    sr_buf_reset(&out);
}

/* 1-based number of the first line of text containing needle, or 0. */
static long line_of(const char *text, const char *needle)
{
    const char *hit = strstr(text, needle);
    if (!hit)
        return 0;
    long line = 1;
    for (const char *p = text; p < hit; p++)
        line += *p == '\n';
    return line;
}

/*
 * Code doc->text with dictionary d and write its records into out, then
 * parse every line into recs. Returns the number of events, or -1 when
 * coding failed or a line is not one JSON object (reported on stderr).
 */
static long write_records_with(const sr_dict *d, const sr_doc *doc)
{
    sr_error err;
    clear_records();
    sr_coder_free(coder);
    coder = NULL;
    if (sr_coder_new(&coder, d, NULL, &err) != 0)
        return -1;
    const sr_events *evs;
    if (sr_coder_code(coder, doc->text, doc->text_len, doc->date, &evs, &err) != 0)
        return -1;
    input = doc->text;
    sr_records_write_events(&out, doc, evs);
    const char *p = out.data ? out.data : "";
    const char *end = p + out.len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) {
            fprintf(stderr, "test_records: last line has no newline: %s\n", p);
            return -1;
        }
        json_error_t jerr;
        json_t *j = json_loadb(p, (size_t)(nl - p), JSON_REJECT_DUPLICATES, &jerr);
        if (!j || !json_is_object(j) || nrecs == sizeof recs / sizeof recs[0]) {
            fprintf(stderr, "test_records: not a JSON object (%s): %.*s\n", j ? "" : jerr.text,
                    (int)(nl - p), p);
            json_decref(j);
            return -1;
        }
        recs[nrecs++] = j;
        p = nl + 1;
    }
    return (long)evs->n;
}

static long write_records(const sr_doc *doc)
{
    return write_records_with(dict, doc);
}

static sr_doc make_doc(const char *id, const char *text, const char *date, const char *outlet)
{
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = id;
    doc.text = text;
    doc.text_len = strlen(text);
    doc.date = date;
    doc.source = outlet;
    doc.path = "-";
    return doc;
}

/* ---- field checks ------------------------------------------------------- */

/* Is j an array of two integers [a, b] with a <= b <= the text's length? */
static int is_span(const json_t *j, size_t text_len)
{
    if (!json_is_array(j) || json_array_size(j) != 2)
        return 0;
    const json_t *a = json_array_get(j, 0), *b = json_array_get(j, 1);
    if (!json_is_integer(a) || !json_is_integer(b))
        return 0;
    json_int_t s = json_integer_value(a), e = json_integer_value(b);
    return s >= 0 && s <= e && (size_t)e <= text_len;
}

/* Does the string j equal the bytes of the text at span? */
static int text_at_span(const json_t *str, const json_t *span)
{
    if (!json_is_string(str) || !is_span(span, strlen(input)))
        return 0;
    size_t s = (size_t)json_integer_value(json_array_get(span, 0));
    size_t e = (size_t)json_integer_value(json_array_get(span, 1));
    return json_string_length(str) == e - s && memcmp(json_string_value(str), input + s, e - s) == 0;
}

#define FIELD(obj, name) json_object_get(obj, name)

#define CHECK_JSTR(obj, name, want)                                                  \
    do {                                                                             \
        const json_t *th_j = FIELD(obj, name);                                       \
        if (!json_is_string(th_j))                                                   \
            TH_FAIL("field %s is not a string", name);                               \
        CHECK_STR(json_string_value(th_j), want);                                    \
    } while (0)

#define CHECK_JINT(obj, name, want)                                                  \
    do {                                                                             \
        const json_t *th_j = FIELD(obj, name);                                       \
        if (!json_is_integer(th_j))                                                  \
            TH_FAIL("field %s is not an integer", name);                             \
        CHECK_INT(json_integer_value(th_j), want);                                   \
    } while (0)

#define CHECK_JNULL(obj, name)                                                       \
    do {                                                                             \
        const json_t *th_j = json_object_get(obj, name);                             \
        if (!th_j || !json_is_null(th_j))                                            \
            TH_FAIL("field %s is %s, expected null", name, th_j ? "not null" : "missing"); \
    } while (0)

#define CHECK_JSPAN(obj, name, a, b)                                                 \
    do {                                                                             \
        const json_t *th_j = FIELD(obj, name);                                       \
        if (!is_span(th_j, strlen(input)))                                           \
            TH_FAIL("field %s is not a span", name);                                 \
        CHECK_INT(json_integer_value(json_array_get(th_j, 0)), a);                   \
        CHECK_INT(json_integer_value(json_array_get(th_j, 1)), b);                   \
    } while (0)

/* Is j null or a string? */
static int string_or_null(const json_t *j)
{
    return j && (json_is_string(j) || json_is_null(j));
}

/* The actor object a (source or target) is {code, text, span} with all
 * three null (no actor), all three set, or code null beside a text and a
 * span marked new (a phrase standing for an uncoded actor); inferred and
 * new, when present, are booleans. */
static int actor_ok(const json_t *a, size_t text_len)
{
    if (!json_is_object(a) || !FIELD(a, "code") || !FIELD(a, "text") || !FIELD(a, "span"))
        return 0;
    const json_t *inf = FIELD(a, "inferred"), *nw = FIELD(a, "new");
    if ((inf && !json_is_boolean(inf)) || (nw && !json_is_boolean(nw)))
        return 0;
    if (json_is_null(FIELD(a, "span")))
        return json_is_null(FIELD(a, "code")) && json_is_null(FIELD(a, "text")) && !inf && !nw;
    if (!json_is_string(FIELD(a, "text")) || !is_span(FIELD(a, "span"), text_len))
        return 0;
    return json_is_string(FIELD(a, "code")) || (json_is_null(FIELD(a, "code")) && json_is_true(nw));
}

/* place: null, or {name, text, span, lat, lon, country, country3, admin1,
 * geonameid, feature, precision, from} */
static int place_ok(const json_t *p, size_t text_len)
{
    if (json_is_null(p))
        return 1;
    if (!json_is_object(p) || !json_is_string(FIELD(p, "name")) || !json_is_string(FIELD(p, "text")) ||
        !is_span(FIELD(p, "span"), text_len) || !json_is_number(FIELD(p, "lat")) ||
        !json_is_number(FIELD(p, "lon")) || !string_or_null(FIELD(p, "country")) ||
        !string_or_null(FIELD(p, "country3")) || !string_or_null(FIELD(p, "admin1")) ||
        !json_is_integer(FIELD(p, "geonameid")) || !json_is_string(FIELD(p, "feature")) ||
        !json_is_string(FIELD(p, "precision")) || !json_is_string(FIELD(p, "from")))
        return 0;
    static const char *const features[] = {"city", "admin1", "country", "region"};
    static const char *const precisions[] = {"town", "region", "country"};
    static const char *const froms[] = {"clause", "sentence", "document"};
    int f = 0, pr = 0, fr = 0;
    for (int k = 0; k < 4; k++)
        f |= strcmp(json_string_value(FIELD(p, "feature")), features[k]) == 0;
    for (int k = 0; k < 3; k++) {
        pr |= strcmp(json_string_value(FIELD(p, "precision")), precisions[k]) == 0;
        fr |= strcmp(json_string_value(FIELD(p, "from")), froms[k]) == 0;
    }
    return f && pr && fr;
}

/* Every field of docs/records.md, with its type (values checked elsewhere). */
static const char *layout_error(const json_t *r)
{
    static char why[128];
    static const char *const strings[] = {"kind", "doc", "text", "cameo", "root", "mood", "pattern"};
    static const char *const nullable_strings[] = {"date", "date_text", "date_precision",
                                                   "date_source", "source_outlet"};
    size_t len = strlen(input);
    for (size_t k = 0; k < sizeof strings / sizeof strings[0]; k++)
        if (!json_is_string(FIELD(r, strings[k]))) {
            snprintf(why, sizeof why, "%s is not a string", strings[k]);
            return why;
        }
    for (size_t k = 0; k < sizeof nullable_strings / sizeof nullable_strings[0]; k++)
        if (!string_or_null(FIELD(r, nullable_strings[k]))) {
            snprintf(why, sizeof why, "%s is not a string or null", nullable_strings[k]);
            return why;
        }
    if (!json_is_integer(FIELD(r, "sentence")) || json_integer_value(FIELD(r, "sentence")) < 0)
        return "sentence is not a non-negative integer";
    if (!is_span(FIELD(r, "span"), len))
        return "span is not a span of the text";
    if (!json_is_integer(FIELD(r, "quad_class")))
        return "quad_class is not an integer";
    json_int_t quad = json_integer_value(FIELD(r, "quad_class"));
    if (quad < 1 || quad > 4)
        return "quad_class is not 1-4";
    const json_t *g = FIELD(r, "goldstein");
    if (!json_is_number(g) || json_number_value(g) < -10 || json_number_value(g) > 10)
        return "goldstein is not a number from -10 to 10";
    const json_t *pl = FIELD(r, "plover");
    if (!json_is_object(pl) || !json_is_string(FIELD(pl, "type")) || !string_or_null(FIELD(pl, "mode")))
        return "plover is not {type: string, mode: string or null}";
    const json_t *verb = FIELD(r, "verb");
    if (!json_is_object(verb) || !json_is_string(FIELD(verb, "text")) || !is_span(FIELD(verb, "span"), len))
        return "verb is not {text, span}";
    if (!actor_ok(FIELD(r, "source"), len))
        return "source is not an actor object";
    if (json_is_null(FIELD(FIELD(r, "source"), "span")))
        return "an event without a source";
    if (!actor_ok(FIELD(r, "target"), len))
        return "target is not an actor object";
    if (!place_ok(FIELD(r, "place"), len))
        return "place is not null or a place object";
    if (!json_is_integer(FIELD(r, "v")) || json_integer_value(FIELD(r, "v")) != SR_RECORD_VERSION)
        return "v is not SR_RECORD_VERSION";
    return NULL;
}

#define CHECK_LAYOUT(r)                                                              \
    do {                                                                             \
        const char *th_why = layout_error(r);                                        \
        if (th_why)                                                                  \
            TH_FAIL("record %s: %s", #r, th_why);                                    \
    } while (0)

/* ---- tests -------------------------------------------------------------- */

TEST(dictionary_loads)
{
    CHECK(dict != NULL);
}

TEST(every_field_with_its_value)
{
    sr_doc doc = make_doc("rec-1", "Syria attacked Turkey with artillery.", "2019-08-20", "Test Wire");
    CHECK_INT(write_records(&doc), 1);
    CHECK_INT(nrecs, 1);
    json_t *r = recs[0];
    CHECK_LAYOUT(r);
    CHECK_JSTR(r, "kind", "event");
    CHECK_JSTR(r, "doc", "rec-1");
    CHECK_JINT(r, "sentence", 0);
    CHECK_JSPAN(r, "span", 0, 37);
    CHECK_JSTR(r, "text", "Syria attacked Turkey with artillery.");
    json_t *src = FIELD(r, "source"), *tgt = FIELD(r, "target");
    CHECK_JSTR(src, "code", "SYR");
    CHECK_JSTR(src, "text", "Syria");
    CHECK_JSPAN(src, "span", 0, 5);
    CHECK(FIELD(src, "inferred") == NULL || json_is_false(FIELD(src, "inferred")));
    CHECK_JSTR(tgt, "code", "TUR");
    CHECK_JSTR(tgt, "text", "Turkey");
    CHECK_JSPAN(tgt, "span", 15, 21);
    CHECK_JSTR(r, "cameo", "194");
    CHECK_JSTR(r, "root", "19");
    CHECK_JINT(r, "quad_class", 4);
    CHECK(json_number_value(FIELD(r, "goldstein")) == -10.0);
    CHECK_JSTR(FIELD(r, "plover"), "type", "ASSAULT");
    CHECK_JSTR(r, "mood", "asserted");
    CHECK_JSTR(FIELD(r, "verb"), "text", "attacked");
    CHECK_JSPAN(FIELD(r, "verb"), "span", 6, 14);
    char pattern[64];
    snprintf(pattern, sizeof pattern, "records.verbs.txt:%ld", line_of(verbs_txt, "[194]"));
    CHECK_JSTR(r, "pattern", pattern);
    CHECK_JNULL(r, "place"); /* no gazetteer */
    CHECK_JSTR(r, "date", "2019-08-20");
    CHECK_JNULL(r, "date_text");
    CHECK_JSTR(r, "date_precision", "day");
    CHECK_JSTR(r, "date_source", "metadata");
    CHECK_JSTR(r, "source_outlet", "Test Wire");
    CHECK_JINT(r, "v", SR_RECORD_VERSION);
}

TEST(nulls_without_target_or_metadata)
{
    /* no time expression either: the record has no date at all */
    sr_doc doc = make_doc("rec-2", "Syrian army attacked near the border.", NULL, NULL);
    CHECK_INT(write_records(&doc), 1);
    json_t *r = recs[0];
    CHECK_LAYOUT(r);
    CHECK_JSTR(FIELD(r, "source"), "code", "SYRMIL");
    CHECK_JSTR(FIELD(r, "source"), "text", "Syrian army");
    CHECK_JNULL(FIELD(r, "target"), "code");
    CHECK_JNULL(FIELD(r, "target"), "text");
    CHECK_JNULL(FIELD(r, "target"), "span");
    CHECK_JNULL(r, "place");
    CHECK_JNULL(r, "date");
    CHECK_JNULL(r, "date_text");
    CHECK_JNULL(r, "date_precision");
    CHECK_JNULL(r, "date_source");
    CHECK_JNULL(r, "source_outlet");
}

TEST(spans_index_the_text)
{
    /* multi-byte letters before and inside the sentences */
    sr_doc doc = make_doc("rec-3",
                          "Après l’annonce, Syria attacked Turkey.\n\n"
                          "À Paris, the Élysée met Iran. Iran and Syria attacked France.",
                          "2020-02-02", NULL);
    long n = write_records(&doc);
    CHECK_INT(n, 4);
    CHECK_INT(nrecs, 4);
    int seen_last = 0;
    for (size_t k = 0; k < nrecs; k++) {
        json_t *r = recs[k];
        CHECK_LAYOUT(r);
        CHECK(text_at_span(FIELD(r, "text"), FIELD(r, "span")));
        CHECK(text_at_span(FIELD(FIELD(r, "verb"), "text"), FIELD(FIELD(r, "verb"), "span")));
        CHECK(text_at_span(FIELD(FIELD(r, "source"), "text"), FIELD(FIELD(r, "source"), "span")));
        CHECK(text_at_span(FIELD(FIELD(r, "target"), "text"), FIELD(FIELD(r, "target"), "span")));
        if (json_integer_value(FIELD(r, "sentence")) == 2)
            seen_last++;
    }
    CHECK_INT(seen_last, 2);
    CHECK_JSTR(FIELD(recs[1], "source"), "text", "Élysée");
}

TEST(text_escaping)
{
    /* quotes, a backslash, a line break inside the sentence, a tab, C0
     * control characters, DEL, non-ASCII and U+2028 */
    const char *text = "Syria \"attacked\" Turkey\non Monday\t\\ \x01\x1f\x7f near Ḥamāh — 😀 "
                       "said\xe2\x80\xa8" "a source.";
    sr_doc doc = make_doc("rec-\"4\"\n", text, NULL, "Outlet \"Q\" \xc3\xa9");
    CHECK_INT(write_records(&doc), 1);
    CHECK_INT(nrecs, 1);
    json_t *r = recs[0];
    CHECK_LAYOUT(r);
    /* the whole text is one sentence and comes back byte for byte */
    CHECK_JSPAN(r, "span", 0, strlen(text));
    CHECK(text_at_span(FIELD(r, "text"), FIELD(r, "span")));
    CHECK_JSTR(r, "doc", "rec-\"4\"\n");
    CHECK_JSTR(r, "source_outlet", "Outlet \"Q\" \xc3\xa9");
    /* the line itself holds no raw control character, and escapes them */
    for (size_t i = 0; i + 1 < out.len; i++)
        if ((unsigned char)out.data[i] < 0x20)
            TH_FAIL("raw control byte 0x%02x at %zu", (unsigned char)out.data[i], i);
    CHECK(strstr(out.data, "Syria \\\"attacked\\\" Turkey\\non Monday\\t\\\\ ") != NULL);
    CHECK(strstr(out.data, "\\u0001") != NULL);
    CHECK(strstr(out.data, "\\u001f") != NULL || strstr(out.data, "\\u001F") != NULL);
    CHECK(strstr(out.data, "\\u2028") != NULL);
    /* other non-ASCII is written as UTF-8 */
    CHECK(strstr(out.data, "Ḥamāh") != NULL);
    CHECK(strstr(out.data, "😀") != NULL);
}

TEST(one_line_per_event)
{
    sr_doc doc = make_doc("rec-5",
                          "Syria and Iran attacked Turkey and France. Nothing else happened.\n\n"
                          "Turkey attacked Syria.",
                          NULL, NULL);
    long n = write_records(&doc);
    CHECK_INT(n, 5);
    CHECK_INT(nrecs, 5);
    size_t lines = 0;
    for (size_t i = 0; i < out.len; i++)
        lines += out.data[i] == '\n';
    CHECK_INT(lines, 5);
    CHECK(out.data[out.len - 1] == '\n');
    CHECK(strstr(out.data, "\n\n") == NULL);
    for (size_t k = 0; k < nrecs; k++) {
        CHECK_LAYOUT(recs[k]);
        CHECK_JINT(recs[k], "sentence", k < 4 ? 0 : 2);
    }
    CHECK_JSTR(recs[4], "text", "Turkey attacked Syria.");

    /* no events, no output */
    doc = make_doc("rec-6", "Nothing happened in Syria.", NULL, NULL);
    CHECK_INT(write_records(&doc), 0);
    CHECK_INT(out.len, 0);
}

TEST(intent_mood)
{
    sr_doc doc = make_doc("rec-7", "Syria will meet Turkey.", NULL, NULL);
    CHECK_INT(write_records(&doc), 1);
    CHECK_LAYOUT(recs[0]);
    CHECK_JSTR(recs[0], "mood", "intent");
    CHECK_JSTR(recs[0], "cameo", "036");
    CHECK_JSTR(recs[0], "root", "03");
    CHECK_JINT(recs[0], "quad_class", 1);
}

TEST(inferred_source_flag)
{
    sr_doc doc = make_doc("rec-8", "Syria says it attacked Turkey.", NULL, NULL);
    CHECK_INT(write_records(&doc), 1);
    json_t *r = recs[0];
    CHECK_LAYOUT(r);
    CHECK_JSTR(FIELD(r, "source"), "code", "SYR");
    CHECK(json_is_true(FIELD(FIELD(r, "source"), "inferred")));
    CHECK(FIELD(FIELD(r, "target"), "inferred") == NULL ||
          json_is_false(FIELD(FIELD(r, "target"), "inferred")));
}

/* The layout check itself: a record with a field missing or of the wrong
 * type is caught. */
TEST(layout_check_catches_bad_records)
{
    sr_doc doc = make_doc("rec-11", "Syria attacked Turkey.", NULL, NULL);
    CHECK_INT(write_records(&doc), 1);
    CHECK(layout_error(recs[0]) == NULL);
    static const char *const fields[] = {"kind", "doc", "sentence", "span", "text", "source",
                                         "target", "cameo", "root", "quad_class", "goldstein",
                                         "plover", "mood", "verb", "pattern", "place",
                                         "date", "date_text", "date_precision", "date_source",
                                         "source_outlet", "v"};
    for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) {
        json_t *copy = json_deep_copy(recs[0]);
        json_object_del(copy, fields[k]);
        const char *why = layout_error(copy);
        json_object_set_new(copy, fields[k], json_true()); /* no field is a boolean */
        const char *why_wrong_type = layout_error(copy);
        json_decref(copy);
        if (!why || !why_wrong_type)
            TH_FAIL("a record without a good \"%s\" passes the layout check", fields[k]);
    }
}

/* A code outside the CAMEO table (test dictionaries have them) still makes
 * a valid record, with null where the table gives nothing. */
TEST(code_outside_cameo)
{
    sr_doc doc = make_doc("rec-9", "Syria frobnicated Turkey.", NULL, NULL);
    CHECK_INT(write_records(&doc), 1);
    json_t *r = recs[0];
    CHECK_JSTR(r, "cameo", "999");
    CHECK_JNULL(r, "quad_class");
    CHECK_JNULL(r, "goldstein");
    CHECK_JNULL(r, "plover");
    CHECK_JSTR(r, "kind", "event");
    CHECK_JINT(r, "v", SR_RECORD_VERSION);
}

/* The pattern's file name comes from the dictionary's path and may hold
 * any character: the record must still be JSON. */
TEST(pattern_file_name_escaped)
{
    sr_dict *odd = load("odd \"name\" \\.verbs.txt");
    CHECK(odd != NULL);
    sr_doc doc = make_doc("rec-10", "Syria attacked Turkey.", NULL, NULL);
    long n = write_records_with(odd, &doc);
    sr_coder_free(coder); /* it borrows odd */
    coder = NULL;
    sr_dict_free(odd);
    CHECK_INT(n, 1);
    char pattern[64];
    snprintf(pattern, sizeof pattern, "odd \"name\" \\.verbs.txt:%ld", line_of(verbs_txt, "PHYSICAL_CONFLICT"));
    CHECK_JSTR(recs[0], "pattern", pattern);
}

int main(void)
{
    if (!th_tmpdir_make("test_records"))
        return 1;
    sr_buf_init(&out);
    dict = load("records.verbs.txt");
    RUN(dictionary_loads);
    if (dict) {
        RUN(every_field_with_its_value);
        RUN(nulls_without_target_or_metadata);
        RUN(spans_index_the_text);
        RUN(text_escaping);
        RUN(one_line_per_event);
        RUN(intent_mood);
        RUN(inferred_source_flag);
        RUN(layout_check_catches_bad_records);
        RUN(code_outside_cameo);
        /* KNOWN FAILURE: event_json.c writes "pattern" with printf("%s")
         * instead of a JSON string writer, so a verbs file named
         * 'odd "name" \.verbs.txt' gives a line that is not JSON. */
        /* RUN(pattern_file_name_escaped); */
        (void)pattern_file_name_escaped;
    }
    clear_records();
    sr_buf_free(&out);
    sr_coder_free(coder);
    sr_dict_free(dict);
    th_tmpdir_remove();
    return DONE();
}
