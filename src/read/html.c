/*
 * HTML article pages: the metadata from <meta> tags (and JSON-LD, which
 * most news sites also carry), the article from its paragraphs.
 *
 * The body is the text of the <p> and <h1>-<h3> elements of the page's
 * <article> (the one with the most paragraph text, when there are several),
 * else of <main>, else of <body>; navigation, scripts, forms, asides,
 * headers, footers and figures are skipped. A page without such elements
 * falls back to the text of its block elements. Paragraphs are joined by a
 * blank line with white space collapsed inside them, and the document text
 * is the title, a blank line and that body, as for .txt.
 *
 * gumbo allocates from the reader's arena, so a page's tree is released
 * with the arena after the document is handed out; its tree is walked
 * without recursion, so deep nesting costs no stack.
 */
#include "read/read_internal.h"

#include <gumbo.h>
#include <jansson.h>
#include <string.h>
#include <strings.h>

/* ---- the tree -------------------------------------------------------- */

static const GumboVector *children_of(const GumboNode *n)
{
    if (n->type == GUMBO_NODE_DOCUMENT)
        return &n->v.document.children;
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE)
        return &n->v.element.children;
    return NULL;
}

static GumboNode *next_sibling(const GumboNode *n)
{
    const GumboVector *c = n->parent ? children_of(n->parent) : NULL;
    if (!c)
        return NULL;
    size_t i = n->index_within_parent;
    if (i >= c->length || c->data[i] != n) /* not where it says: look */
        for (i = 0; i < c->length && c->data[i] != n; i++)
            ;
    return i + 1 < c->length ? c->data[i + 1] : NULL;
}

typedef struct walker {
    /* called before a node's children; return 0 to skip them */
    int (*enter)(GumboNode *n, void *ctx);
    /* called after them (also for nodes whose children were skipped) */
    void (*leave)(GumboNode *n, void *ctx);
    void *ctx;
} walker;

static void walk(GumboNode *root, const walker *w)
{
    GumboNode *n = root;
    for (;;) {
        const GumboVector *c = children_of(n);
        if (w->enter(n, w->ctx) && c && c->length) {
            n = c->data[0];
            continue;
        }
        for (;;) {
            if (w->leave)
                w->leave(n, w->ctx);
            if (n == root)
                return;
            GumboNode *next = next_sibling(n);
            if (next) {
                n = next;
                break;
            }
            n = n->parent;
        }
    }
}

static int is_element(const GumboNode *n, GumboTag tag)
{
    return n->type == GUMBO_NODE_ELEMENT && n->v.element.tag == tag;
}

static const char *attr(const GumboNode *n, const char *name)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return NULL;
    GumboAttribute *a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : NULL;
}

/* Subtrees that are never article text. */
static int skipped(const GumboNode *n)
{
    if (n->type == GUMBO_NODE_TEMPLATE)
        return 1;
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    switch (n->v.element.tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_MATH: case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
        return 1;
    default:
        return attr(n, "hidden") != NULL;
    }
}

static int is_paragraph(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    GumboTag t = n->v.element.tag;
    return t == GUMBO_TAG_P || t == GUMBO_TAG_H1 || t == GUMBO_TAG_H2 || t == GUMBO_TAG_H3;
}

/* Elements that end a run of text, for pages without paragraphs. */
static int is_block(const GumboNode *n)
{
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    switch (n->v.element.tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_LI:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
    case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_TR: case GUMBO_TAG_TD:
    case GUMBO_TAG_TH: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3:
    case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_HR:
    case GUMBO_TAG_BODY: case GUMBO_TAG_CENTER: case GUMBO_TAG_ADDRESS:
        return 1;
    default:
        return 0;
    }
}

/* ---- text with white space collapsed ---------------------------------- */

/* Paragraph text is collected into out: each run of white space (no-break
 * spaces included) becomes one space, none at either end. */
typedef struct collector {
    sr_buf *out;
    size_t start;    /* where the current paragraph began in out */
    int open;        /* inside a paragraph */
    int space;       /* white space is pending */
    int blocks;      /* fallback mode: all text, split at block elements */
    const char *title; /* a paragraph equal to it is dropped */
    size_t paragraphs;
} collector;

static void para_begin(collector *c)
{
    if (c->open)
        return;
    c->open = 1;
    c->space = 0;
    c->start = c->out->len;
    if (c->out->len)
        sr_buf_put(c->out, "\n\n", 2);
}

static void para_end(collector *c)
{
    if (!c->open)
        return;
    c->open = 0;
    size_t body = c->start + (c->start ? 2 : 0);
    int empty = c->out->len == body;
    int dup = !empty && c->title && strlen(c->title) == c->out->len - body &&
              memcmp(c->title, c->out->data + body, c->out->len - body) == 0;
    if (empty || dup) {
        c->out->len = c->start;
        c->out->data[c->out->len] = '\0';
    } else {
        c->paragraphs++;
    }
}

static void put_text(collector *c, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t body = c->start + (c->start ? 2 : 0);
    while (*p) {
        if (sr_is_space((char)*p)) {
            c->space = 1;
            p++;
        } else if (p[0] == 0xC2 && p[1] == 0xA0) {
            c->space = 1;
            p += 2;
        } else {
            const unsigned char *run = p;
            while (*p && !sr_is_space((char)*p) && !(p[0] == 0xC2 && p[1] == 0xA0))
                p++;
            if (c->space && c->out->len > body)
                sr_buf_putc(c->out, ' ');
            c->space = 0;
            sr_buf_put(c->out, run, (size_t)(p - run));
        }
    }
}

static int collect_enter(GumboNode *n, void *ctx)
{
    collector *c = ctx;
    switch (n->type) {
    case GUMBO_NODE_TEXT:
    case GUMBO_NODE_CDATA:
    case GUMBO_NODE_WHITESPACE:
        if (c->open)
            put_text(c, n->v.text.text);
        return 0;
    case GUMBO_NODE_ELEMENT:
        if (skipped(n))
            return 0;
        if (is_element(n, GUMBO_TAG_BR))
            c->space = 1;
        if (c->blocks ? is_block(n) : is_paragraph(n)) {
            para_end(c);
            para_begin(c);
        }
        return 1;
    default:
        return n->type == GUMBO_NODE_DOCUMENT;
    }
}

static void collect_leave(GumboNode *n, void *ctx)
{
    collector *c = ctx;
    if (n->type == GUMBO_NODE_ELEMENT && !skipped(n) && (c->blocks ? is_block(n) : is_paragraph(n))) {
        para_end(c);
        if (c->blocks)
            para_begin(c); /* text after a block is a paragraph of its own */
    }
}

/* Collect root's paragraphs into out (reset first); returns how many. */
static size_t collect(GumboNode *root, sr_buf *out, const char *title, int blocks)
{
    collector c = {out, 0, 0, 0, blocks, title, 0};
    sr_buf_reset(out);
    sr_buf_grow(out, 0);
    if (blocks)
        para_begin(&c);
    walker w = {collect_enter, collect_leave, &c};
    walk(root, &w);
    para_end(&c);
    return c.paragraphs;
}

/* The text of one element (a <title>) as one line, into the arena. */
static char *element_text(sr_reader *r, GumboNode *n, sr_buf *tmp)
{
    collector c = {tmp, 0, 0, 0, 0, NULL, 0};
    sr_buf_reset(tmp);
    sr_buf_grow(tmp, 0);
    para_begin(&c);
    const GumboVector *kids = children_of(n);
    for (size_t i = 0; kids && i < kids->length; i++) {
        GumboNode *k = kids->data[i];
        if (k->type == GUMBO_NODE_TEXT || k->type == GUMBO_NODE_WHITESPACE || k->type == GUMBO_NODE_CDATA)
            put_text(&c, k->v.text.text);
    }
    return tmp->len ? sr_arena_strndup(r->arena, tmp->data, tmp->len) : NULL;
}

/* ---- metadata --------------------------------------------------------- */

enum { M_TITLE, M_DATE, M_SOURCE, M_URL, M_COUNT };

typedef struct meta {
    sr_reader *r;
    const char *val[M_COUNT];
    int rank[M_COUNT];
    char date[11];
    GumboNode *articles[32];
    size_t narticles;
    GumboNode *main, *body, *h1;
} meta;

/* <meta> names and what they give, best first within a field. */
static const struct meta_name {
    const char *name;
    int field, rank;
} meta_names[] = {
    {"og:title", M_TITLE, 0}, {"twitter:title", M_TITLE, 1},
    {"article:published_time", M_DATE, 0}, {"og:published_time", M_DATE, 1},
    {"date", M_DATE, 2}, {"pubdate", M_DATE, 3}, {"dc.date.issued", M_DATE, 4},
    {"datepublished", M_DATE, 5}, {"publishdate", M_DATE, 6}, {"publish-date", M_DATE, 6},
    {"dcterms.date", M_DATE, 7}, {"dc.date", M_DATE, 7},
    {"og:site_name", M_SOURCE, 0}, {"application-name", M_SOURCE, 1},
    {"og:url", M_URL, 0},
};
/* ranks of the other places a field can come from */
enum { RANK_LD = 10, RANK_TITLE_TAG = 11, RANK_TIME = 12, RANK_H1 = 13, RANK_NONE = 1 << 20 };

static void offer(meta *m, int field, int rank, const char *value)
{
    if (!value || rank >= m->rank[field])
        return;
    while (sr_is_space(*value))
        value++;
    if (!*value)
        return;
    if (field == M_DATE) {
        char date[11];
        if (!sr_date_normalize(value, strlen(value), date))
            return;
        memcpy(m->date, date, sizeof date);
        value = m->date;
    }
    m->val[field] = value;
    m->rank[field] = rank;
}

static const char *json_str(sr_reader *r, json_t *v)
{
    const char *s = json_string_value(v);
    return sr_arena_strdup(r->arena, s);
}

/* One JSON-LD object: an Article's datePublished, headline, publisher. */
static void ld_object(meta *m, json_t *o)
{
    if (!json_is_object(o))
        return;
    offer(m, M_DATE, RANK_LD, json_str(m->r, json_object_get(o, "datePublished")));
    offer(m, M_TITLE, RANK_LD, json_str(m->r, json_object_get(o, "headline")));
    json_t *pub = json_object_get(o, "publisher");
    if (json_is_object(pub))
        offer(m, M_SOURCE, RANK_LD, json_str(m->r, json_object_get(pub, "name")));
}

static void ld_json(meta *m, const GumboNode *script)
{
    const GumboVector *kids = children_of(script);
    if (!kids || kids->length != 1)
        return;
    const GumboNode *t = kids->data[0];
    if (t->type != GUMBO_NODE_TEXT && t->type != GUMBO_NODE_CDATA)
        return;
    json_t *root = json_loads(t->v.text.text, 0, NULL);
    if (!root)
        return;
    size_t i;
    json_t *item, *graph = json_object_get(root, "@graph");
    if (json_is_array(root))
        json_array_foreach(root, i, item) ld_object(m, item);
    else if (json_is_array(graph))
        json_array_foreach(graph, i, item) ld_object(m, item);
    else
        ld_object(m, root);
    json_decref(root);
}

static int inside(const GumboNode *n, GumboTag tag)
{
    for (n = n->parent; n; n = n->parent)
        if (is_element(n, tag))
            return 1;
    return 0;
}

static int meta_enter(GumboNode *n, void *ctx)
{
    meta *m = ctx;
    if (n->type == GUMBO_NODE_DOCUMENT)
        return 1;
    if (n->type != GUMBO_NODE_ELEMENT)
        return 0;
    switch (n->v.element.tag) {
    case GUMBO_TAG_META: {
        const char *content = attr(n, "content");
        const char *keys[3] = {attr(n, "property"), attr(n, "name"), attr(n, "itemprop")};
        for (int k = 0; k < 3 && content; k++) {
            for (size_t i = 0; keys[k] && i < sizeof meta_names / sizeof *meta_names; i++)
                if (strcasecmp(keys[k], meta_names[i].name) == 0)
                    offer(m, meta_names[i].field, meta_names[i].rank, content);
        }
        return 0;
    }
    case GUMBO_TAG_TITLE:
        if (m->rank[M_TITLE] > RANK_TITLE_TAG && !inside(n, GUMBO_TAG_SVG))
            offer(m, M_TITLE, RANK_TITLE_TAG, element_text(m->r, n, &m->r->doc));
        return 0;
    case GUMBO_TAG_LINK: {
        const char *rel = attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0)
            offer(m, M_URL, 1, attr(n, "href"));
        return 0;
    }
    case GUMBO_TAG_TIME: {
        const char *dt = attr(n, "datetime");
        const char *ip = attr(n, "itemprop");
        if (ip && strcasecmp(ip, "datePublished") == 0)
            offer(m, M_DATE, 5, dt);
        else if (attr(n, "pubdate") || inside(n, GUMBO_TAG_ARTICLE))
            offer(m, M_DATE, RANK_TIME, dt);
        return 1;
    }
    case GUMBO_TAG_SCRIPT: {
        const char *type = attr(n, "type");
        if (type && strcasecmp(type, "application/ld+json") == 0)
            ld_json(m, n);
        return 0;
    }
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
        return 0;
    case GUMBO_TAG_ARTICLE:
        if (m->narticles < sizeof m->articles / sizeof *m->articles)
            m->articles[m->narticles++] = n;
        return 1;
    case GUMBO_TAG_MAIN:
        if (!m->main)
            m->main = n;
        return 1;
    case GUMBO_TAG_BODY:
        if (!m->body)
            m->body = n;
        return 1;
    case GUMBO_TAG_H1:
        if (!m->h1)
            m->h1 = n;
        return 1;
    default:
        return 1;
    }
}

/* ---- the page --------------------------------------------------------- */

/*
 * gumbo's tree construction scans the stack of open elements for many
 * start tags, so its time grows with depth times size: half a megabyte of
 * "<div>" takes it half a minute. No article is nested thousands deep, so
 * such pages are refused after a cheap estimate of the depth: a stack of
 * open element names, where void elements and elements that close their
 * own kind (p, li, td, a, ...) are not pushed, an end tag pops down to its
 * element when that is near the top, and raw-text elements (script, style,
 * ...) and comments are skipped whole.
 */
#define HTML_MAX_DEPTH 2048
#define HTML_END_TAG_REACH 64 /* how far down an end tag looks */

typedef struct span {
    const char *p;
    size_t n;
} span;

static int name_is(span t, const char *name)
{
    return strlen(name) == t.n && strncasecmp(t.p, name, t.n) == 0;
}

static int name_in(span t, const char *const *names)
{
    for (; *names; names++)
        if (name_is(t, *names))
            return 1;
    return 0;
}

static const char *const void_or_self_closing[] = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image",
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "tbody", "thead",
    "tfoot", "colgroup", "caption", "rb", "rt", "rtc", "rp", "a", "nobr", NULL};
static const char *const raw_text[] = {"script", "style", "textarea", "title", "xmp",
                                       "iframe", "noembed", "noframes", NULL};

static const char *find_ci(const char *p, const char *end, const char *needle)
{
    size_t n = strlen(needle);
    for (; (size_t)(end - p) >= n; p++)
        if (strncasecmp(p, needle, n) == 0)
            return p;
    return NULL;
}

static int is_name_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == ':' || c == '_';
}

static int too_deep(const char *p, size_t len)
{
    span stack[HTML_MAX_DEPTH];
    size_t depth = 0, foreign = 0; /* foreign: depth of an open <svg> or <math>, plus 1 */
    const char *end = p + len;
    while ((p = memchr(p, '<', (size_t)(end - p)))) {
        p++;
        if (end - p >= 3 && memcmp(p, "!--", 3) == 0) {
            const char *c = find_ci(p + 3, end, "-->");
            if (!c)
                return 0;
            p = c + 3;
            continue;
        }
        int closing = p < end && *p == '/';
        span t = {p + closing, 0};
        while (t.p + t.n < end && is_name_char(t.p[t.n]))
            t.n++;
        if (t.n == 0 || !((t.p[0] | 0x20) >= 'a' && (t.p[0] | 0x20) <= 'z'))
            continue; /* text, <!doctype>, <?...> */
        /* the end of the tag, past quoted attribute values */
        const char *q = t.p + t.n;
        char quote = 0;
        for (; q < end; q++) {
            if (quote) {
                if (*q == quote)
                    quote = 0;
            } else if (*q == '"' || *q == '\'') {
                quote = *q;
            } else if (*q == '>') {
                break;
            }
        }
        if (q >= end)
            return 0;
        int self_closing = q[-1] == '/';
        p = q + 1;
        if (closing) {
            for (size_t k = depth, reach = 0; k > 0 && reach < HTML_END_TAG_REACH; k--, reach++)
                if (stack[k - 1].n == t.n && strncasecmp(stack[k - 1].p, t.p, t.n) == 0) {
                    depth = k - 1;
                    if (foreign > depth)
                        foreign = 0;
                    break;
                }
            continue;
        }
        if (name_is(t, "plaintext"))
            return 0; /* the rest is text */
        if (name_in(t, raw_text)) {
            /* skip to its end tag */
            const char *c = p;
            while ((c = find_ci(c, end, "</")) &&
                   ((size_t)(end - c - 2) < t.n || strncasecmp(c + 2, t.p, t.n) != 0))
                c += 2;
            if (!c)
                return 0;
            p = c;
            continue;
        }
        if (name_in(t, void_or_self_closing) || (self_closing && foreign))
            continue;
        if (depth == HTML_MAX_DEPTH)
            return 1;
        if (!foreign && (name_is(t, "svg") || name_is(t, "math")))
            foreign = depth + 1;
        stack[depth++] = t;
    }
    return 0;
}


/*
 * gumbo 0.10 overflows on numeric character references beyond U+10FFFF:
 * "&#4294967297;" comes out as U+0001 and longer ones as invalid UTF-8.
 * The HTML standard makes them U+FFFD, so they are rewritten as "&#65533"
 * before parsing. Returns whether src had any (and out holds the result).
 */
static int clamp_char_refs(const char *src, size_t len, sr_buf *out)
{
    const char *p = src, *end = src + len, *copied = src, *amp;
    int changed = 0;
    sr_buf_reset(out);
    while ((amp = memchr(p, '&', (size_t)(end - p)))) {
        const char *q = amp + 1;
        if (q < end && *q == '#') {
            q++;
            int hex = q < end && (*q == 'x' || *q == 'X');
            q += hex;
            unsigned long v = 0;
            for (; q < end; q++) {
                char c = (char)(*q | 0x20);
                int d = *q >= '0' && *q <= '9' ? *q - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d < 0)
                    break;
                v = v * (hex ? 16 : 10) + (unsigned long)d;
                if (v > 0x10FFFF)
                    v = 0x110000; /* stays beyond, without overflowing */
            }
            if (v > 0x10FFFF) {
                sr_buf_put(out, copied, (size_t)(amp - copied));
                sr_buf_puts(out, "&#65533");
                copied = q;
                changed = 1;
            }
        }
        p = q;
    }
    if (changed)
        sr_buf_put(out, copied, (size_t)(end - copied));
    return changed;
}

static void *arena_alloc(void *userdata, size_t size)
{
    return sr_arena_alloc(userdata, size);
}

static void arena_keep(void *userdata, void *ptr)
{
    (void)userdata;
    (void)ptr; /* released with the arena */
}

/* The element whose paragraphs are the article, and their text in r->body. */
static size_t article_body(sr_reader *r, meta *m, const char *title)
{
    GumboNode *best = NULL;
    size_t best_len = 0;
    for (size_t i = 0; i < m->narticles; i++) {
        collect(m->articles[i], &r->body, title, 0);
        if (r->body.len > best_len) {
            best = m->articles[i];
            best_len = r->body.len;
        }
    }
    GumboNode *roots[3] = {best, m->main, m->body};
    for (int i = 0; i < 3; i++) {
        size_t n = roots[i] ? collect(roots[i], &r->body, title, 0) : 0;
        if (n)
            return n;
    }
    return m->body ? collect(m->body, &r->body, title, 1) : 0;
}

int sr_read_html(sr_reader *r, const char *name, const char *buf, size_t len)
{
    sr_buf_reset(&r->text);
    if (sr_text_decode(&r->text, buf, len) == SR_ENC_BINARY) {
        sr_reader_fail(r, name, 0, "not text (binary data)");
        return SR_READ_SKIP;
    }
    if (clamp_char_refs(r->text.data, r->text.len, &r->body)) {
        sr_buf t = r->text; /* the clamped copy becomes the text */
        r->text = r->body;
        r->body = t;
    }
    if (too_deep(r->text.data, r->text.len)) {
        sr_reader_fail(r, name, 0, "HTML nested too deeply (over %d open elements)", HTML_MAX_DEPTH);
        return 0;
    }
    GumboOptions opts = kGumboDefaultOptions;
    opts.allocator = arena_alloc;
    opts.deallocator = arena_keep;
    opts.userdata = r->arena;
    opts.max_errors = 0;
    GumboOutput *out = gumbo_parse_with_options(&opts, r->text.data, r->text.len);

    meta m = {.r = r};
    for (int i = 0; i < M_COUNT; i++)
        m.rank[i] = RANK_NONE;
    walker w = {meta_enter, NULL, &m};
    walk(out->document, &w);
    if (!m.val[M_TITLE] && m.h1)
        offer(&m, M_TITLE, RANK_H1, element_text(r, m.h1, &r->doc));

    const char *title = m.val[M_TITLE];
    if (!article_body(r, &m, title)) {
        sr_reader_fail(r, name, 0, "no article text found");
        return 0;
    }
    sr_buf_reset(&r->doc);
    if (title) {
        sr_buf_puts(&r->doc, title);
        sr_buf_put(&r->doc, "\n\n", 2);
    }
    sr_buf_put(&r->doc, r->body.data, r->body.len);

    sr_doc d = {0};
    d.title = title;
    d.date = m.val[M_DATE];
    d.source = m.val[M_SOURCE];
    d.url = m.val[M_URL];
    d.text = r->doc.data;
    d.text_len = r->doc.len;
    d.path = name;
    return sr_reader_emit(r, &d);
}
