/* The document readers: each format, each error path, the walk. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "read/read_internal.h"
#include "sitrep/doc.h"
#include "sitrep/sitrep.h"
#include "util/sha256.h"

/* ---- what the callbacks saw ----------------------------------------- */

#define MAX_SEEN 16

typedef struct seen_doc {
    char *id, *url, *source, *date, *title, *text, *path;
    size_t text_len, line;
} seen_doc;

typedef struct seen {
    seen_doc docs[MAX_SEEN];
    int ndocs;
    char *errs[MAX_SEEN];
    size_t err_lines[MAX_SEEN];
    int nerrs;
    int stop_with; /* on_doc's return value */
} seen;

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

static int on_doc(const sr_doc *d, void *ctx)
{
    seen *s = ctx;
    if (s->ndocs < MAX_SEEN) {
        seen_doc *o = &s->docs[s->ndocs];
        o->id = dup_or_null(d->id);
        o->url = dup_or_null(d->url);
        o->source = dup_or_null(d->source);
        o->date = dup_or_null(d->date);
        o->title = dup_or_null(d->title);
        o->text = dup_or_null(d->text);
        o->path = dup_or_null(d->path);
        o->text_len = d->text_len;
        o->line = d->line;
    }
    s->ndocs++;
    return s->stop_with;
}

static void on_error(const char *path, size_t line, const char *msg, void *ctx)
{
    seen *s = ctx;
    if (s->nerrs < MAX_SEEN) {
        s->errs[s->nerrs] = strdup(msg);
        s->err_lines[s->nerrs] = line;
    }
    s->nerrs++;
}

static void seen_free(seen *s)
{
    for (int i = 0; i < s->ndocs && i < MAX_SEEN; i++) {
        seen_doc *d = &s->docs[i];
        free(d->id), free(d->url), free(d->source), free(d->date);
        free(d->title), free(d->text), free(d->path);
    }
    for (int i = 0; i < s->nerrs && i < MAX_SEEN; i++)
        free(s->errs[i]);
    memset(s, 0, sizeof *s);
}

static seen got;

/* Read a C string as one buffer in the given format. */
static int read_str(const char *name, const char *s, sr_doc_format fmt)
{
    seen_free(&got);
    sr_reader *r = sr_reader_new();
    int rc = sr_read_buffer(r, name, s, strlen(s), fmt, on_doc, on_error, &got);
    sr_reader_free(r);
    return rc;
}

static int read_path(const char *path, sr_doc_format fmt)
{
    seen_free(&got);
    sr_reader *r = sr_reader_new();
    int rc = sr_read_path(r, path, fmt, on_doc, on_error, &got);
    sr_reader_free(r);
    return rc;
}

/* ---- .txt ----------------------------------------------------------- */

TEST(txt_title_headers_body)
{
    const char *in = "\n  Troops advance on Idlib  \nSource: Levant Dispatch\ndate: 14 September 2018\n"
                     "\n\nFirst paragraph.\n\nSecond paragraph.  \n\n";
    CHECK_INT(read_str("a.txt", in, SR_FORMAT_TXT), 0);
    CHECK_INT(got.ndocs, 1);
    CHECK_INT(got.nerrs, 0);
    seen_doc *d = &got.docs[0];
    CHECK_STR(d->title, "Troops advance on Idlib");
    CHECK_STR(d->source, "Levant Dispatch");
    CHECK_STR(d->date, "2018-09-14");
    CHECK(d->url == NULL);
    CHECK_STR(d->text, "Troops advance on Idlib\n\nFirst paragraph.\n\nSecond paragraph.");
    CHECK_INT(d->text_len, strlen(d->text));
    /* the id is the SHA-256 of the text (checked against Python's hashlib) */
    CHECK_STR(d->id, "19afe3e204487e0a");
    CHECK_STR(d->path, "a.txt");
    CHECK_INT(d->line, 0);
}

TEST(txt_header_variants)
{
    const char *in = "T\n\nSOURCE:  X News \n\nDate: 2019-08-20T09:30:00+03:00\nUrl: https://x.example/y\nBody";
    CHECK_INT(read_str("b.txt", in, SR_FORMAT_TXT), 0);
    CHECK_INT(got.ndocs, 1);
    CHECK_STR(got.docs[0].source, "X News");
    CHECK_STR(got.docs[0].date, "2019-08-20");
    CHECK_STR(got.docs[0].url, "https://x.example/y");
    CHECK_STR(got.docs[0].text, "T\n\nBody");
}

TEST(txt_unreadable_date_is_null_not_an_error)
{
    CHECK_INT(read_str("c.txt", "T\nDate: sometime last week\nBody", SR_FORMAT_TXT), 0);
    CHECK_INT(got.ndocs, 1);
    CHECK(got.docs[0].date == NULL);
    CHECK_STR(got.docs[0].text, "T\n\nBody");
}

TEST(txt_without_headers_or_body)
{
    CHECK_INT(read_str("d.txt", "Title\nBody line one\n  indented line two\n", SR_FORMAT_TXT), 0);
    CHECK_STR(got.docs[0].text, "Title\n\nBody line one\n  indented line two");
    CHECK(got.docs[0].source == NULL && got.docs[0].date == NULL);
    CHECK_INT(read_str("e.txt", "Just a headline\n\n", SR_FORMAT_TXT), 0);
    CHECK_STR(got.docs[0].text, "Just a headline");
    CHECK_STR(got.docs[0].title, "Just a headline");
}

TEST(txt_line_ends_normalized)
{
    CHECK_INT(read_str("f.txt", "T\r\nSource: S\r\n\r\nB1\r\nB2\r\n", SR_FORMAT_TXT), 0);
    CHECK_STR(got.docs[0].text, "T\n\nB1\nB2");
    CHECK_STR(got.docs[0].source, "S");
}

TEST(txt_empty_is_an_error)
{
    CHECK_INT(read_str("g.txt", "", SR_FORMAT_TXT), 1);
    CHECK_INT(got.ndocs, 0);
    CHECK_INT(got.nerrs, 1);
    CHECK_STR(got.errs[0], "g.txt: no text");
    CHECK_INT(read_str("g.txt", " \n\t\n \n", SR_FORMAT_TXT), 1);
    CHECK_STR(got.errs[0], "g.txt: no text");
}

TEST(txt_binary_is_refused)
{
    static const char bin[] = "\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0";
    seen_free(&got);
    sr_reader *r = sr_reader_new();
    int rc = sr_read_buffer(r, "h.txt", bin, sizeof bin - 1, SR_FORMAT_TXT, on_doc, on_error, &got);
    sr_reader_free(r);
    CHECK_INT(rc, 1);
    CHECK_INT(got.ndocs, 0);
    CHECK_STR(got.errs[0], "h.txt: not text (binary data)");
}

TEST(txt_windows_1252)
{
    CHECK_INT(read_str("i.txt", "Caf\xE9 talks\n\n\x93Peace\x94 now", SR_FORMAT_TXT), 0);
    CHECK_STR(got.docs[0].title, "Caf\xC3\xA9 talks");
    CHECK_STR(got.docs[0].text, "Caf\xC3\xA9 talks\n\n\xE2\x80\x9CPeace\xE2\x80\x9D now");
}

/* ---- JSON lines ------------------------------------------------------ */

TEST(jsonl_fields_exact)
{
    const char *in = "{\"id\":\"a1\",\"url\":\"https://u.example/1\",\"source\":\"S\","
                     "\"date\":\"2018-09-14T10:00:00Z\",\"title\":\"T\","
                     "\"text\":\"Line one\\r\\nline \\\"two\\\" \\u00e9 \\ud83d\\ude00 \\/\"}\n";
    CHECK_INT(read_str("a.jsonl", in, SR_FORMAT_JSONL), 0);
    CHECK_INT(got.ndocs, 1);
    seen_doc *d = &got.docs[0];
    CHECK_STR(d->id, "a1");
    CHECK_STR(d->url, "https://u.example/1");
    CHECK_STR(d->source, "S");
    CHECK_STR(d->date, "2018-09-14");
    CHECK_STR(d->title, "T");
    /* exactly the text field: no title in front, \r kept */
    CHECK_STR(d->text, "Line one\r\nline \"two\" \xC3\xA9 \xF0\x9F\x98\x80 /");
    CHECK_INT(d->line, 1);
}

TEST(jsonl_errors_name_their_lines)
{
    const char *in = "{\"text\":\"first\"}\n"
                     "{\"text\": \"unterminated\n"
                     "[1, 2]\n"
                     "{\"title\": \"no text\"}\n"
                     "{\"text\": 5}\n"
                     "{\"text\": \"  \\n \"}\n"
                     "   \n"
                     "{\"text\":\"last\"}";
    CHECK_INT(read_str("e.jsonl", in, SR_FORMAT_JSONL), 1);
    CHECK_INT(got.ndocs, 2);
    CHECK_STR(got.docs[0].text, "first");
    CHECK_INT(got.docs[0].line, 1);
    CHECK_STR(got.docs[1].text, "last");
    CHECK_INT(got.docs[1].line, 8);
    CHECK_INT(got.nerrs, 5);
    CHECK(strncmp(got.errs[0], "e.jsonl:2: invalid JSON: ", 25) == 0);
    CHECK_INT(got.err_lines[0], 2);
    CHECK_STR(got.errs[1], "e.jsonl:3: not a JSON object");
    CHECK_STR(got.errs[2], "e.jsonl:4: no \"text\" field");
    CHECK_STR(got.errs[3], "e.jsonl:5: field \"text\" is not a string");
    CHECK_STR(got.errs[4], "e.jsonl:6: field \"text\" is empty");
    CHECK_INT(got.err_lines[4], 6);
}

TEST(jsonl_crawler_aliases)
{
    CHECK_INT(read_str("x.jsonl",
                       "{\"headline\":\"H\",\"body\":\"B\",\"outlet\":\"O\",\"published_at\":\"2020-02-10\","
                       "\"link\":\"L\"}\n"
                       "{\"content\":\"C\",\"text\":\"T\",\"domain\":\"d.example\",\"site_name\":\"Site\"}\n"
                       "{\"text\":null,\"article\":\"A\",\"date\":null,\"pubdate\":\"March 4, 2020\"}\n"
                       "{\"Text\":\"X\",\"TITLE\":\"Y\"}\n",
                       SR_FORMAT_JSONL),
              0);
    CHECK_INT(got.ndocs, 4);
    CHECK_STR(got.docs[0].title, "H");
    CHECK_STR(got.docs[0].text, "B");
    CHECK_STR(got.docs[0].source, "O");
    CHECK_STR(got.docs[0].date, "2020-02-10");
    CHECK_STR(got.docs[0].url, "L");
    CHECK_STR(got.docs[1].text, "T");           /* text wins over content */
    CHECK_STR(got.docs[1].source, "Site");      /* site_name over domain */
    CHECK_STR(got.docs[2].text, "A");           /* null is no field */
    CHECK_STR(got.docs[2].date, "2020-03-04");
    CHECK_STR(got.docs[3].text, "X");
    CHECK_STR(got.docs[3].title, "Y");
}

TEST(jsonl_ids)
{
    CHECK_INT(read_str("i.jsonl",
                       "{\"id\": 12345, \"text\": \"x\"}\n"
                       "{\"text\": \"x\"}\n"
                       "{\"id\": \"\", \"text\": \"x\"}\n"
                       "{\"id\": \" k7 \", \"text\": \"x\"}\n"
                       "{\"id\": [1], \"text\": \"x\"}\n",
                       SR_FORMAT_JSONL),
              0);
    CHECK_INT(got.ndocs, 5);
    CHECK_STR(got.docs[0].id, "12345");
    CHECK_STR(got.docs[1].id, "2d711642b726b044"); /* sha256("x") */
    CHECK_STR(got.docs[2].id, "2d711642b726b044");
    CHECK_STR(got.docs[3].id, "k7");
    CHECK_STR(got.docs[4].id, "2d711642b726b044");
}

TEST(jsonl_source_object_and_unix_dates)
{
    CHECK_INT(read_str("n.jsonl",
                       "{\"source\":{\"id\":\"bbc\",\"name\":\"BBC News\"},\"publishedAt\":1583452800,\"text\":\"x\"}\n"
                       "{\"date\":1583452800000,\"text\":\"x\"}\n"
                       "{\"date\":\"last Tuesday\",\"source\":7,\"text\":\"x\"}\n",
                       SR_FORMAT_JSONL),
              0);
    CHECK_INT(got.ndocs, 3);
    CHECK_STR(got.docs[0].source, "BBC News");
    CHECK_STR(got.docs[0].date, "2020-03-06");
    CHECK_STR(got.docs[1].date, "2020-03-06");
    CHECK(got.docs[2].date == NULL);
    CHECK(got.docs[2].source == NULL);
}

TEST(jsonl_nul_dropped_and_1252_line_decoded)
{
    CHECK_INT(read_str("z.jsonl", "{\"text\":\"a\\u0000b\"}\n{\"text\":\"caf\xE9\"}\n", SR_FORMAT_JSONL), 0);
    CHECK_INT(got.ndocs, 2);
    CHECK_STR(got.docs[0].text, "ab");
    CHECK_INT(got.docs[0].text_len, 2);
    CHECK_STR(got.docs[1].text, "caf\xC3\xA9");
}

TEST(jsonl_limits_explained_by_jansson)
{
    CHECK_INT(read_str("b.jsonl", "{\"id\": 123456789012345678901234, \"text\": \"x\"}\n", SR_FORMAT_JSONL), 1);
    CHECK_INT(got.ndocs, 0);
    CHECK(strstr(got.errs[0], "b.jsonl:1: invalid JSON: too big integer") == got.errs[0]);
    /* a number longer than the fast path takes is still read */
    char in[300];
    snprintf(in, sizeof in, "{\"n\": 0.%0100d1, \"text\": \"y\"}", 0);
    CHECK_INT(read_str("c.jsonl", in, SR_FORMAT_JSONL), 0);
    CHECK_INT(got.ndocs, 1);
    CHECK_STR(got.docs[0].text, "y");
}

TEST(jsonl_deep_nesting_is_an_error_not_a_crash)
{
    size_t depth = 100000;
    char *in = malloc(2 * depth + 64);
    size_t n = 0;
    n += (size_t)sprintf(in, "{\"text\":\"x\",\"a\":");
    for (size_t i = 0; i < depth; i++)
        in[n++] = '[';
    for (size_t i = 0; i < depth; i++)
        in[n++] = ']';
    in[n++] = '}';
    in[n] = '\0';
    int rc = read_str("deep.jsonl", in, SR_FORMAT_JSONL);
    free(in);
    CHECK_INT(rc, 1);
    CHECK(strstr(got.errs[0], "maximum parsing depth") != NULL);
}

TEST(jsonl_long_line)
{
    size_t big = 3u << 20;
    char *in = malloc(big + 32);
    memcpy(in, "{\"text\":\"", 9);
    memset(in + 9, 'w', big);
    memcpy(in + 9 + big, "\"}\n", 4);
    seen_free(&got);
    sr_reader *r = sr_reader_new();
    int rc = sr_read_buffer(r, "l.jsonl", in, strlen(in), SR_FORMAT_JSONL, on_doc, on_error, &got);
    sr_reader_free(r);
    free(in);
    CHECK_INT(rc, 0);
    CHECK_INT(got.docs[0].text_len, big);
}

TEST(json_array_and_single_object)
{
    CHECK_INT(read_str("arr.json", "[{\"text\":\"a\"}, 5, {\"text\":\"b\",\"id\":\"x\"}]", SR_FORMAT_AUTO), 1);
    CHECK_INT(got.ndocs, 2);
    CHECK_STR(got.docs[0].text, "a");
    CHECK_STR(got.docs[1].id, "x");
    CHECK_STR(got.errs[0], "arr.json: item 2: not a JSON object");
    CHECK_INT(read_str("one.json", "{\n  \"title\": \"T\",\n  \"text\": \"body\"\n}\n", SR_FORMAT_AUTO), 0);
    CHECK_INT(got.ndocs, 1);
    CHECK_STR(got.docs[0].title, "T");
    CHECK_STR(got.docs[0].text, "body");
    /* broken in the middle: one error, where jansson found it */
    CHECK_INT(read_str("bad.json", "{\n  \"title\": \"T\",\n  \"text\": \"body\"\n  \"x\": 1\n}\n", SR_FORMAT_AUTO), 1);
    CHECK_INT(got.ndocs, 0);
    CHECK_INT(got.nerrs, 1);
    CHECK_INT(got.err_lines[0], 4);
    /* JSON lines sniffed from a buffer */
    CHECK_INT(read_str("lines", "{\"text\":\"a\"}\n{\"text\":\"b\"}\n", SR_FORMAT_AUTO), 0);
    CHECK_INT(got.ndocs, 2);
    CHECK_INT(got.docs[1].line, 2);
}

/* ---- HTML ------------------------------------------------------------ */

static const char page[] =
    "<!DOCTYPE html><html><head>"
    "<title>Tag title | Site</title>"
    "<meta property=\"og:title\" content=\"Troops enter Saraqeb\">"
    "<meta property=\"og:site_name\" content=\"The Example\">"
    "<meta property=\"og:url\" content=\"https://ex.example/a\">"
    "<meta name=\"date\" content=\"2001-01-01\">"
    "<meta property=\"article:published_time\" content=\"2020-02-06T21:30:00-05:00\">"
    "<script>var s = '<p>not text</p>';</script><style>p{color:red}</style>"
    "</head><body><header><nav><a href=/>Home</a></nav></header>"
    "<article><h1>Troops enter Saraqeb</h1>"
    "<p>Syrian   troops\n entered <b>Saraqeb</b> on&nbsp;Thursday,<br>officials said.</p>"
    "<figure><figcaption>A caption</figcaption></figure>"
    "<p>  </p><aside><p>Read more</p></aside>"
    "<h2>Turkey &amp; Russia</h2><form><p>Subscribe</p></form>"
    "<p>\xE2\x80\x9CWe will respond,\xE2\x80\x9D an official said.<script>x()</script></p>"
    "<h4>not a paragraph</h4>"
    "</article><footer><p>Copyright</p></footer></body></html>";

TEST(html_article_page)
{
    CHECK_INT(read_str("p.html", page, SR_FORMAT_HTML), 0);
    CHECK_INT(got.ndocs, 1);
    seen_doc *d = &got.docs[0];
    CHECK_STR(d->title, "Troops enter Saraqeb");
    CHECK_STR(d->source, "The Example");
    CHECK_STR(d->url, "https://ex.example/a");
    CHECK_STR(d->date, "2020-02-06");
    CHECK_STR(d->text, "Troops enter Saraqeb\n\n"
                       "Syrian troops entered Saraqeb on Thursday, officials said.\n\n"
                       "Turkey & Russia\n\n"
                       "\xE2\x80\x9CWe will respond,\xE2\x80\x9D an official said.");
    CHECK_INT(d->line, 0);
}

/* The date a page with this <head> and one article paragraph gets. */
static const char *date_of(const char *head, const char *article_extra)
{
    static char out[16];
    char in[2048];
    snprintf(in, sizeof in, "<html><head>%s</head><body><article>%s<p>Body.</p></article></body></html>",
             head, article_extra);
    read_str("d.html", in, SR_FORMAT_HTML);
    snprintf(out, sizeof out, "%s", got.ndocs == 1 && got.docs[0].date ? got.docs[0].date : "-");
    return out;
}

TEST(html_date_sources)
{
    CHECK_STR(date_of("<meta name=\"date\" content=\"2018-09-14\">", ""), "2018-09-14");
    CHECK_STR(date_of("<meta name=\"pubdate\" content=\"20180914\">", ""), "2018-09-14");
    CHECK_STR(date_of("<meta name=\"DC.date.issued\" content=\"2018-09-14\">", ""), "2018-09-14");
    CHECK_STR(date_of("<meta itemprop=\"datePublished\" content=\"2018-09-14T10:00:00Z\">", ""), "2018-09-14");
    CHECK_STR(date_of("<meta property=\"og:published_time\" content=\"Fri, 14 Sep 2018 10:00:00 GMT\">", ""),
              "2018-09-14");
    CHECK_STR(date_of("<script type=\"application/ld+json\">{\"@graph\":[{\"@type\":\"NewsArticle\","
                      "\"datePublished\":\"2018-09-14T08:00:00+02:00\"}]}</script>", ""),
              "2018-09-14");
    CHECK_STR(date_of("", "<time datetime=\"2018-09-14\">Friday</time>"), "2018-09-14");
    CHECK_STR(date_of("", "<span itemprop=\"x\"><time itemprop=\"datePublished\" datetime=\"2018-09-15\"></time></span>"),
              "2018-09-15");
    /* article:published_time beats name=date, whatever the order */
    CHECK_STR(date_of("<meta name=\"date\" content=\"2001-01-01\">"
                      "<meta property=\"article:published_time\" content=\"2018-09-14\">", ""),
              "2018-09-14");
    /* an unreadable date gives way to the next source */
    CHECK_STR(date_of("<meta property=\"article:published_time\" content=\"soon\">"
                      "<meta name=\"date\" content=\"2018-09-16\">", ""),
              "2018-09-16");
    CHECK_STR(date_of("", ""), "-");
}

TEST(html_title_fallbacks)
{
    CHECK_INT(read_str("t.html", "<title> Tag  title </title><p>Body.</p>", SR_FORMAT_HTML), 0);
    CHECK_STR(got.docs[0].title, "Tag title");
    CHECK_STR(got.docs[0].text, "Tag title\n\nBody.");
    CHECK_INT(read_str("t.html", "<body><h1>Heading</h1><p>Body.</p>", SR_FORMAT_HTML), 0);
    CHECK_STR(got.docs[0].title, "Heading");
    CHECK_STR(got.docs[0].text, "Heading\n\nBody."); /* the h1 is not repeated */
    CHECK_INT(read_str("t.html", "<p>Only a body.</p>", SR_FORMAT_HTML), 0);
    CHECK(got.docs[0].title == NULL);
    CHECK_STR(got.docs[0].text, "Only a body.");
}

TEST(html_picks_the_article)
{
    CHECK_INT(read_str("m.html",
                       "<body><p>Outside.</p><article><p>Teaser.</p></article>"
                       "<article><p>The long story.</p><p>More of it.</p></article></body>",
                       SR_FORMAT_HTML),
              0);
    CHECK_STR(got.docs[0].text, "The long story.\n\nMore of it.");
    CHECK_INT(read_str("m.html", "<body><nav><p>Menu</p></nav><main><p>Main text.</p></main><p>Aside.</p></body>",
                       SR_FORMAT_HTML),
              0);
    CHECK_STR(got.docs[0].text, "Main text.");
    CHECK_INT(read_str("m.html", "<body><div>First block</div><div>Second <b>bold</b> block<br>line</div>tail</body>",
                       SR_FORMAT_HTML),
              0);
    CHECK_STR(got.docs[0].text, "First block\n\nSecond bold block line\n\ntail");
}

TEST(html_numeric_references_beyond_unicode)
{
    /* found by fuzzing: gumbo 0.10 wraps these around or writes bad UTF-8 */
    CHECK_INT(read_str("r.html", "<p>a&#4294967297;b&#x110000;c&#99999999999999999999;d&#1114111;&#x41</p>",
                       SR_FORMAT_HTML),
              0);
    CHECK_STR(got.docs[0].text, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xF4\x8F\xBF\xBF" "A");
}

TEST(html_without_text_or_too_deep)
{
    CHECK_INT(read_str("e.html", "<html><head><title>T</title></head><body><nav><p>x</p></nav></body></html>",
                       SR_FORMAT_HTML),
              1);
    CHECK_STR(got.errs[0], "e.html: no article text found");
    size_t depth = 5000;
    char *in = malloc(10 * depth + 64);
    for (size_t i = 0; i < depth; i++)
        memcpy(in + 5 * i, "<div>", 5);
    strcpy(in + 5 * depth, "<p>deep</p>");
    int rc = read_str("deep.html", in, SR_FORMAT_HTML);
    CHECK_INT(rc, 1);
    CHECK_STR(got.errs[0], "deep.html: HTML nested too deeply (over 2048 open elements)");
    /* deep but within bounds, and "<div>" inside a script does not count */
    strcpy(in, "<script>");
    for (size_t i = 0; i < depth; i++)
        memcpy(in + 8 + 5 * i, "<div>", 5);
    strcpy(in + 8 + 5 * depth, "</script>");
    for (size_t i = 0; i < 1500; i++)
        strcat(in, "<div>");
    strcat(in, "<p>deep</p>");
    rc = read_str("deep.html", in, SR_FORMAT_HTML);
    free(in);
    CHECK_INT(rc, 0);
    CHECK_STR(got.docs[0].text, "deep");
}

/* ---- dates ----------------------------------------------------------- */

TEST(date_forms)
{
    static const struct {
        const char *in, *want;
    } cases[] = {
        {"2018-09-14", "2018-09-14"},
        {" 2018-09-14T23:59:59-05:00", "2018-09-14"},
        {"2018-9-4 10:00", "2018-09-04"},
        {"2018/09/14", "2018-09-14"},
        {"20180914", "2018-09-14"},
        {"20180914T101500Z", "2018-09-14"},
        {"14 September 2018", "2018-09-14"},
        {"14 Sept. 2018", "2018-09-14"},
        {"14th September, 2018 10:32 GMT", "2018-09-14"},
        {"September 14, 2018", "2018-09-14"},
        {"Sep 1st 2018", "2018-09-01"},
        {"Friday, 14 September 2018", "2018-09-14"},
        {"Fri, 14 Sep 2018 10:00:00 +0000", "2018-09-14"},
        {"14-Sep-2018", "2018-09-14"},
        {"29 February 2020", "2020-02-29"},
        {"29 February 2019", NULL},
        {"2018-13-01", NULL},
        {"2018-02-30", NULL},
        {"2018-09-145", NULL},
        {"May 2018", NULL},
        {"yesterday", NULL},
        {"14/09/2018", NULL},
        {"", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        char out[11] = "";
        int ok = sr_date_normalize(cases[i].in, strlen(cases[i].in), out);
        if (!cases[i].want) {
            if (ok)
                TH_FAIL("\"%s\" read as %s", cases[i].in, out);
        } else if (!ok || strcmp(out, cases[i].want) != 0) {
            TH_FAIL("\"%s\" -> %s, expected %s", cases[i].in, ok ? out : "(none)", cases[i].want);
        }
    }
    char out[11];
    CHECK(sr_date_from_epoch(0, out));
    CHECK_STR(out, "1970-01-01");
    CHECK(sr_date_from_epoch(951782400, out)); /* 2000-02-29 */
    CHECK_STR(out, "2000-02-29");
    CHECK(sr_date_from_epoch(-86400, out));
    CHECK_STR(out, "1969-12-31");
}

/* ---- paths ----------------------------------------------------------- */

static char tmpdir[64];

static void write_file(const char *rel, const char *content)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", tmpdir, rel);
    FILE *f = fopen(p, "w");
    if (f) {
        fputs(content, f);
        fclose(f);
    }
}

TEST(dir_walk_in_name_order)
{
    char p[256];
    strcpy(tmpdir, "/tmp/sr_test_read_XXXXXX");
    CHECK(mkdtemp(tmpdir) != NULL);
    snprintf(p, sizeof p, "%s/sub", tmpdir);
    mkdir(p, 0755);
    snprintf(p, sizeof p, "%s/sub/deeper", tmpdir);
    mkdir(p, 0755);
    write_file("b.txt", "B title\nB body");
    write_file("a.jsonl", "{\"text\":\"a1\"}\n{\"text\":\"a2\"}\n");
    write_file("sub/c.html", "<title>C</title><p>c body</p>");
    write_file("sub/deeper/d.txt", "D\n\nd body");
    write_file(".hidden.txt", "hidden");
    write_file("notes.md", "not an article");
    write_file("z.JSON", "[{\"text\":\"z\"}]");
    snprintf(p, sizeof p, "%s/broken.txt", tmpdir);
    CHECK(symlink("/nonexistent/sitrep", p) == 0);

    int rc = read_path(tmpdir, SR_FORMAT_AUTO);
    CHECK_INT(rc, 1);
    CHECK_INT(got.ndocs, 6);
    CHECK_STR(got.docs[0].text, "a1");
    CHECK_INT(got.docs[0].line, 1);
    CHECK_STR(got.docs[1].text, "a2");
    CHECK_INT(got.docs[1].line, 2);
    CHECK_STR(got.docs[2].text, "B title\n\nB body");
    CHECK_STR(got.docs[3].text, "C\n\nc body");
    CHECK_STR(got.docs[4].text, "D\n\nd body");
    CHECK_STR(got.docs[5].text, "z");
    snprintf(p, sizeof p, "%s/sub/c.html", tmpdir);
    CHECK_STR(got.docs[3].path, p);
    CHECK_INT(got.nerrs, 1);
    snprintf(p, sizeof p, "%s/broken.txt: cannot open: No such file or directory", tmpdir);
    CHECK_STR(got.errs[0], p);
}

/* Regression: an empty directory handed qsort a NULL array (UBSan). */
TEST(empty_dir_gives_nothing)
{
    char p[256];
    snprintf(p, sizeof p, "%s/empty", tmpdir);
    CHECK(mkdir(p, 0755) == 0);
    CHECK_INT(read_path(p, SR_FORMAT_AUTO), 0);
    CHECK_INT(got.ndocs, 0);
    CHECK_INT(got.nerrs, 0);
}

TEST(doc_copy_keeps_every_field)
{
    char text[] = "Strikes on Idlib.", title[] = "Idlib";
    sr_doc doc = {"d1", NULL, "Wire A", "2020-03-01", title, text, sizeof text - 1, "-", 3};
    sr_arena *a = sr_arena_new(0);
    sr_doc copy;
    sr_doc_copy(a, &doc, &copy);
    text[0] = title[0] = 'X'; /* the reader's buffers are reused */
    CHECK_STR(copy.id, "d1");
    CHECK(copy.url == NULL);
    CHECK_STR(copy.source, "Wire A");
    CHECK_STR(copy.date, "2020-03-01");
    CHECK_STR(copy.title, "Idlib");
    CHECK_STR(copy.text, "Strikes on Idlib.");
    CHECK_INT(copy.text_len, 17);
    CHECK_STR(copy.path, "-");
    CHECK_INT(copy.line, 3);
    sr_arena_free(a);
}

TEST(files_given_by_name)
{
    char p[256];
    /* no known extension: the content decides */
    write_file("article", "<html><title>S</title><p>sniffed</p>");
    snprintf(p, sizeof p, "%s/article", tmpdir);
    CHECK_INT(read_path(p, SR_FORMAT_AUTO), 0);
    CHECK_STR(got.docs[0].text, "S\n\nsniffed");
    /* an explicit format wins over the extension */
    CHECK_INT(read_path(p, SR_FORMAT_TXT), 0);
    CHECK_STR(got.docs[0].title, "<html><title>S</title><p>sniffed</p>");
    /* a long streamed line */
    size_t big = 1u << 20;
    char *in = malloc(big + 64);
    strcpy(in, "\n{\"text\":\"");
    memset(in + 10, 'q', big);
    strcpy(in + 10 + big, "\"}\n");
    write_file("long.jsonl", in);
    free(in);
    snprintf(p, sizeof p, "%s/long.jsonl", tmpdir);
    CHECK_INT(read_path(p, SR_FORMAT_AUTO), 0);
    CHECK_INT(got.docs[0].text_len, big);
    CHECK_INT(got.docs[0].line, 2);
}

TEST(missing_path)
{
    CHECK_INT(read_path("/nonexistent/sitrep/x.txt", SR_FORMAT_AUTO), SR_EIO);
    CHECK_INT(got.nerrs, 1);
    CHECK_STR(got.errs[0], "/nonexistent/sitrep/x.txt: cannot open: No such file or directory");
    CHECK_INT(got.err_lines[0], 0);
}

TEST(stop_from_the_callback)
{
    seen_free(&got);
    got.stop_with = SR_EIO;
    sr_reader *r = sr_reader_new();
    CHECK(r != NULL);
    int rc = sr_read_path(r, tmpdir, SR_FORMAT_AUTO, on_doc, on_error, &got);
    CHECK_INT(rc, SR_EIO);
    CHECK_INT(got.ndocs, 1);
    got.stop_with = 1;
    rc = sr_read_buffer(r, "s.jsonl", "{\"text\":\"a\"}\n{\"text\":\"b\"}", 25, SR_FORMAT_JSONL, on_doc,
                        on_error, &got);
    sr_reader_free(r);
    CHECK_INT(rc, SR_EINVAL);
    CHECK_INT(got.ndocs, 2);
    got.stop_with = 0;
}

TEST(stdin_is_json_lines)
{
    char p[256];
    write_file("stdin.jsonl", "{\"text\":\"from stdin\"}\n");
    snprintf(p, sizeof p, "%s/stdin.jsonl", tmpdir);
    CHECK(freopen(p, "r", stdin) != NULL);
    CHECK_INT(read_path("-", SR_FORMAT_AUTO), 0);
    CHECK_INT(got.ndocs, 1);
    CHECK_STR(got.docs[0].text, "from stdin");
    CHECK_STR(got.docs[0].path, "-");
}

TEST(buffer_sniffing_and_null_name)
{
    CHECK_INT(read_str(NULL, "<p>html</p>", SR_FORMAT_AUTO), 0);
    CHECK_STR(got.docs[0].text, "html");
    CHECK_STR(got.docs[0].path, "-");
    CHECK_INT(read_str(NULL, "Plain\nbody", SR_FORMAT_AUTO), 0);
    CHECK_STR(got.docs[0].text, "Plain\n\nbody");
    seen_free(&got);
    sr_reader *r = sr_reader_new();
    CHECK_INT(sr_read_buffer(r, "n", NULL, 0, SR_FORMAT_AUTO, on_doc, on_error, &got), 1);
    sr_reader_free(r);
    CHECK_STR(got.errs[0], "n: no text");
}

static void remove_tmpdir(void)
{
    static const char *const files[] = {"b.txt", "a.jsonl", "sub/c.html", "sub/deeper/d.txt", ".hidden.txt",
                                        "notes.md", "z.JSON", "broken.txt", "article", "long.jsonl",
                                        "stdin.jsonl", "sub/deeper", "sub", "empty", ""};
    char p[256];
    if (!tmpdir[0])
        return;
    for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
        snprintf(p, sizeof p, "%s/%s", tmpdir, files[i]);
        if (remove(p) != 0 && errno != ENOENT)
            fprintf(stderr, "could not remove %s\n", p);
    }
}

int main(void)
{
    RUN(txt_title_headers_body);
    RUN(txt_header_variants);
    RUN(txt_unreadable_date_is_null_not_an_error);
    RUN(txt_without_headers_or_body);
    RUN(txt_line_ends_normalized);
    RUN(txt_empty_is_an_error);
    RUN(txt_binary_is_refused);
    RUN(txt_windows_1252);
    RUN(jsonl_fields_exact);
    RUN(jsonl_errors_name_their_lines);
    RUN(jsonl_crawler_aliases);
    RUN(jsonl_ids);
    RUN(jsonl_source_object_and_unix_dates);
    RUN(jsonl_nul_dropped_and_1252_line_decoded);
    RUN(jsonl_limits_explained_by_jansson);
    RUN(jsonl_deep_nesting_is_an_error_not_a_crash);
    RUN(jsonl_long_line);
    RUN(json_array_and_single_object);
    RUN(html_article_page);
    RUN(html_date_sources);
    RUN(html_title_fallbacks);
    RUN(html_picks_the_article);
    RUN(html_numeric_references_beyond_unicode);
    RUN(html_without_text_or_too_deep);
    RUN(date_forms);
    RUN(dir_walk_in_name_order);
    RUN(empty_dir_gives_nothing);
    RUN(doc_copy_keeps_every_field);
    RUN(files_given_by_name);
    RUN(missing_path);
    RUN(stop_from_the_callback);
    RUN(stdin_is_json_lines);
    RUN(buffer_sniffing_and_null_name);
    remove_tmpdir();
    seen_free(&got);
    return DONE();
}
