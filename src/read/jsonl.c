/*
 * JSON lines: one article a line, the shape news crawlers emit.
 *
 * Each line goes through json_scan, which checks it and finds the members
 * without building a tree; a line it refuses is parsed again by jansson,
 * which either explains what is wrong or (in a corner json_scan leaves to
 * it) reads the record after all. .json files may also hold one object or
 * an array of objects spread over many lines; jansson reads those.
 *
 * Field names follow the common crawlers; the first name in each list
 * below wins over the later ones, whatever the order in the record.
 */
#include "read/read_internal.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include "read/json_scan.h"

enum field { F_ID, F_URL, F_SOURCE, F_DATE, F_TITLE, F_TEXT, F_COUNT };

static const struct alias {
    const char *key;
    enum field field;
    int rank; /* lower wins */
} aliases[] = {
    {"id", F_ID, 0},
    {"url", F_URL, 0}, {"link", F_URL, 1},
    {"source", F_SOURCE, 0}, {"outlet", F_SOURCE, 1}, {"site_name", F_SOURCE, 2},
    {"domain", F_SOURCE, 3},
    {"date", F_DATE, 0}, {"published", F_DATE, 1}, {"publish_date", F_DATE, 2},
    {"published_at", F_DATE, 3}, {"publishedAt", F_DATE, 4}, {"pubdate", F_DATE, 5},
    {"title", F_TITLE, 0}, {"headline", F_TITLE, 1},
    {"text", F_TEXT, 0}, {"body", F_TEXT, 1}, {"content", F_TEXT, 2}, {"article", F_TEXT, 3},
};

static const struct alias *find_alias(const char *key, size_t n)
{
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strlen(aliases[i].key) == n && strncasecmp(aliases[i].key, key, n) == 0)
            return &aliases[i];
    return NULL;
}

/* A field as one record gives it, whichever parser read the record. */
typedef enum vkind { V_ABSENT, V_STRING, V_NUMBER, V_OBJECT, V_OTHER } vkind;

typedef struct slot {
    int rank;
    const char *key; /* the name it was found under, for messages */
    vkind kind;
    js_value js;     /* from json_scan */
    json_t *jt;      /* from jansson */
} slot;

typedef struct record {
    slot f[F_COUNT];
} record;

static void record_init(record *rec)
{
    memset(rec, 0, sizeof *rec);
    for (int i = 0; i < F_COUNT; i++)
        rec->f[i].rank = 1 << 30;
}

/* Whether a member under this alias replaces what the slot holds: a better
 * name wins; of two equal names the later wins, as in jansson. A null is
 * the same as no member. */
static slot *claim(record *rec, const struct alias *a, int is_null)
{
    if (!a || is_null || a->rank > rec->f[a->field].rank)
        return NULL;
    slot *s = &rec->f[a->field];
    s->rank = a->rank;
    s->key = a->key;
    return s;
}

static void on_scan_member(const char *key, size_t key_len, const js_value *v, void *ctx)
{
    slot *s = claim(ctx, find_alias(key, key_len), v->kind == JS_NULL);
    if (!s)
        return;
    s->js = *v;
    s->kind = v->kind == JS_STRING   ? V_STRING
              : v->kind == JS_NUMBER ? V_NUMBER
              : v->kind == JS_OBJECT ? V_OBJECT
                                     : V_OTHER;
}

static void from_jansson(record *rec, json_t *obj)
{
    const char *key;
    json_t *v;
    json_object_foreach(obj, key, v) {
        slot *s = claim(rec, find_alias(key, strlen(key)), json_is_null(v));
        if (!s)
            continue;
        s->jt = v;
        s->kind = json_is_string(v)   ? V_STRING
                  : json_is_number(v) ? V_NUMBER
                  : json_is_object(v) ? V_OBJECT
                                      : V_OTHER;
    }
}

/* json_scan callback that finds a "name" string in a nested object. */
static void on_name_member(const char *key, size_t key_len, const js_value *v, void *ctx)
{
    if (key_len == 4 && memcmp(key, "name", 4) == 0 && v->kind == JS_STRING)
        *(js_value *)ctx = *v;
}

/* What a field may be besides a string. */
enum { AS_STRING = 0, AS_NUMBER = 1, AS_NAMED = 2 };

/* A field's string, trimmed, into the arena; NULL when absent, empty or of
 * another type. With AS_NUMBER a number counts in its decimal form; with
 * AS_NAMED an object counts by its "name" member. */
static char *slot_string(sr_reader *r, const slot *s, int also)
{
    const char *p = NULL;
    size_t n = 0;
    char *tmp = NULL, num[64];
    if (s->kind == V_STRING && s->jt) {
        p = json_string_value(s->jt);
        n = strlen(p);
    } else if (s->kind == V_STRING) {
        tmp = sr_arena_alloc(r->arena, s->js.len + 1);
        n = js_decode_into(&s->js, tmp);
        p = tmp;
    } else if (s->kind == V_NUMBER && !(also & AS_NUMBER)) {
        return NULL;
    } else if (s->kind == V_NUMBER && s->jt) {
        if (json_is_integer(s->jt))
            snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT, json_integer_value(s->jt));
        else
            snprintf(num, sizeof num, "%.17g", json_real_value(s->jt));
        p = num;
        n = strlen(num);
    } else if (s->kind == V_NUMBER) {
        p = s->js.raw;
        n = s->js.len;
    } else if (s->kind == V_OBJECT && !(also & AS_NAMED)) {
        return NULL;
    } else if (s->kind == V_OBJECT && s->jt) {
        /* {"source": {"id": ..., "name": "BBC News"}}, as NewsAPI writes */
        const char *name = json_string_value(json_object_get(s->jt, "name"));
        if (name) {
            p = name;
            n = strlen(name);
        }
    } else if (s->kind == V_OBJECT) {
        js_value name = {JS_NULL, NULL, 0, 0};
        js_scan_object(s->js.raw, s->js.len, on_name_member, &name);
        if (name.kind == JS_STRING) {
            tmp = sr_arena_alloc(r->arena, name.len + 1);
            n = js_decode_into(&name, tmp);
            p = tmp;
        }
    }
    if (!p)
        return NULL;
    const char *e = p + n;
    sr_trim(&p, &e);
    return p < e ? sr_arena_strndup(r->arena, p, (size_t)(e - p)) : NULL;
}

/* The text, exactly as given (NULs dropped), into r->doc. */
static void slot_text(sr_reader *r, const slot *s)
{
    sr_buf_reset(&r->doc);
    if (s->jt) {
        const char *p = json_string_value(s->jt);
        size_t n = json_string_length(s->jt);
        char *w = sr_buf_grow(&r->doc, n), *w0 = w;
        for (size_t i = 0; i < n; i++)
            if (p[i])
                *w++ = p[i];
        r->doc.len = (size_t)(w - w0);
        r->doc.data[r->doc.len] = '\0';
    } else {
        js_decode_string(&s->js, &r->doc);
    }
}

static int only_space(const char *p, size_t n)
{
    const char *e = p + n;
    sr_trim(&p, &e);
    return p == e;
}

static int emit_record(sr_reader *r, const char *name, size_t line, const record *rec)
{
    const slot *t = &rec->f[F_TEXT];
    if (t->kind == V_ABSENT) {
        sr_reader_fail(r, name, line, "no \"text\" field");
        return 0;
    }
    if (t->kind != V_STRING) {
        sr_reader_fail(r, name, line, "field \"%s\" is not a string", t->key);
        return 0;
    }
    slot_text(r, t);
    if (only_space(r->doc.data, r->doc.len)) {
        sr_reader_fail(r, name, line, "field \"%s\" is empty", t->key);
        return 0;
    }
    sr_doc d = {0};
    char date[11];
    const slot *ds = &rec->f[F_DATE];
    if (ds->kind == V_NUMBER) {
        double secs;
        if (ds->jt) {
            secs = json_number_value(ds->jt);
        } else {
            char num[64]; /* json_scan takes no longer number */
            snprintf(num, sizeof num, "%.*s", (int)ds->js.len, ds->js.raw);
            secs = strtod(num, NULL);
        }
        d.date = sr_date_from_epoch(secs, date) ? date : NULL;
    } else if (ds->kind == V_STRING) {
        const char *s = slot_string(r, ds, AS_STRING);
        d.date = s && sr_date_normalize(s, strlen(s), date) ? date : NULL;
    }
    d.id = slot_string(r, &rec->f[F_ID], AS_NUMBER);
    d.url = slot_string(r, &rec->f[F_URL], AS_STRING);
    d.source = slot_string(r, &rec->f[F_SOURCE], AS_NAMED);
    d.title = slot_string(r, &rec->f[F_TITLE], AS_STRING);
    d.text = r->doc.data;
    d.text_len = r->doc.len;
    d.path = name;
    d.line = line;
    return sr_reader_emit(r, &d);
}

/* The slow path: jansson reads the line, and explains when it cannot. */
static int line_by_jansson(sr_reader *r, const char *name, size_t lineno, const char *p, size_t n)
{
    json_error_t err;
    json_t *obj = json_loadb(p, n, JSON_ALLOW_NUL, &err);
    if (!obj) {
        if (sr_text_is_binary(p, n)) {
            sr_reader_fail(r, name, lineno, "not text (binary data)");
            return SR_READ_SKIP;
        }
        sr_reader_fail(r, name, lineno, "invalid JSON: %s (column %d)", err.text, err.column);
        return 0;
    }
    int rc = 0;
    if (!json_is_object(obj)) {
        sr_reader_fail(r, name, lineno, "not a JSON object");
    } else {
        record rec;
        record_init(&rec);
        from_jansson(&rec, obj);
        rc = emit_record(r, name, lineno, &rec);
    }
    json_decref(obj);
    return rc;
}

static int read_line(sr_reader *r, const char *name, size_t lineno, const char *p, size_t n)
{
    if (only_space(p, n))
        return 0;
    record rec;
    record_init(&rec);
    int rc = js_scan_object(p, n, on_scan_member, &rec);
    if (rc == JS_EUTF8) {
        /* not UTF-8: decode it as a text file would be, then read it again */
        sr_buf_reset(&r->text);
        if (sr_text_decode(&r->text, p, n) == SR_ENC_BINARY) {
            sr_reader_fail(r, name, lineno, "not text (binary data)");
            return SR_READ_SKIP;
        }
        p = r->text.data;
        n = r->text.len;
        record_init(&rec);
        rc = js_scan_object(p, n, on_scan_member, &rec);
    }
    if (rc != JS_OK)
        return line_by_jansson(r, name, lineno, p, n);
    return emit_record(r, name, lineno, &rec);
}

/* A whole .json document: one object, or an array of objects. Returns 1
 * when it was one (and has been read), 0 when the buffer is better read as
 * JSON lines. */
static int read_whole(sr_reader *r, const char *name, const char *buf, size_t len, int *rc)
{
    json_error_t err;
    json_t *root = json_loadb(buf, len, JSON_ALLOW_NUL, &err);
    if (!root) {
        /* JSON lines fail at the end of their first line (or on it); a
         * failure further down, after a first line that is no object of
         * its own, is one broken document */
        const char *nl = memchr(buf, '\n', len);
        if (err.line <= 1 || !nl || js_scan_object(buf, (size_t)(nl - buf), NULL, NULL) == JS_OK)
            return 0;
        sr_reader_fail(r, name, (size_t)err.line, "invalid JSON: %s", err.text);
        *rc = 0;
        return 1;
    }
    *rc = 0;
    if (json_is_object(root)) {
        record rec;
        record_init(&rec);
        from_jansson(&rec, root);
        *rc = emit_record(r, name, 1, &rec);
    } else if (json_is_array(root)) {
        size_t i;
        json_t *item;
        json_array_foreach(root, i, item) {
            if (!json_is_object(item)) {
                sr_reader_fail(r, name, 0, "item %zu: not a JSON object", i + 1);
                continue;
            }
            record rec;
            record_init(&rec);
            from_jansson(&rec, item);
            if ((*rc = emit_record(r, name, 0, &rec)) < 0)
                break;
        }
    } else {
        json_decref(root);
        return 0;
    }
    json_decref(root);
    return 1;
}

int sr_read_jsonl(sr_reader *r, const char *name, const char *buf, size_t len, int whole)
{
    int rc = 0;
    if (len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) {
        buf += 3;
        len -= 3;
    }
    if (whole && read_whole(r, name, buf, len, &rc))
        return rc;
    const char *p = buf, *end = buf + len;
    size_t lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        rc = read_line(r, name, ++lineno, p, (size_t)(le - p));
        if (rc != 0)
            return rc == SR_READ_SKIP ? 0 : rc;
        p = nl ? nl + 1 : end;
    }
    return 0;
}

int sr_read_jsonl_stream(sr_reader *r, const char *name, FILE *f)
{
    size_t lineno = 0;
    ssize_t n;
    for (;;) {
        errno = 0;
        if ((n = getline(&r->line, &r->line_cap, f)) < 0)
            break;
        const char *p = r->line;
        size_t len = (size_t)n;
        if (lineno == 0 && len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3;
            len -= 3;
        }
        int rc = read_line(r, name, ++lineno, p, len);
        if (rc != 0)
            return rc == SR_READ_SKIP ? 0 : rc;
    }
    if (errno == ENOMEM)
        abort(); /* out of memory is fatal everywhere else too */
    if (ferror(f)) {
        char eb[128];
        sr_reader_fail(r, name, lineno + 1, "cannot read: %s", strerror_r(errno, eb, sizeof eb));
    }
    return 0;
}
