/*
 * Compile the gazetteer sources (GeoNames cities500.txt and the hand-kept
 * tables in data/geo) into the file gazetteer.c maps. See geo_internal.h for
 * the layout. Runs at build time (tools/gazetteer_build.c) and in the unit
 * tests on tiny inputs; memory is plain malloc, freed at the end.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <utf8proc.h>

#include "geo/geo_internal.h"
#include "sitrep/sitrep.h"

/* ---- growable arrays and the string pool ------------------------------ */

typedef struct vec {
    void *data;
    size_t len, cap, size;
} vec;

static void *vec_push(vec *v)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 64;
        void *d = realloc(v->data, cap * v->size);
        if (!d)
            return NULL;
        v->data = d;
        v->cap = cap;
    }
    void *slot = (char *)v->data + v->len++ * v->size;
    memset(slot, 0, v->size);
    return slot;
}

#define VEC(type) {NULL, 0, 0, sizeof(type)}
#define AT(v, type, i) (((type *)(v).data)[i])

/* Deduplicating pool of NUL-terminated strings; offset 0 is "". */
typedef struct pool {
    char *data;
    size_t len, cap;
    uint32_t *slots;            /* open addressing: offset + 1, 0 = empty */
    size_t nslots, used;
} pool;

static int pool_grow_slots(pool *p)
{
    size_t n = p->nslots ? p->nslots * 2 : 1024;
    uint32_t *s = calloc(n, sizeof *s);
    if (!s)
        return -1;
    for (size_t i = 0; i < p->nslots; i++) {
        if (!p->slots[i])
            continue;
        const char *str = p->data + p->slots[i] - 1;
        size_t h = (size_t)sr_gz_hash64(str, strlen(str)) & (n - 1);
        while (s[h])
            h = (h + 1) & (n - 1);
        s[h] = p->slots[i];
    }
    free(p->slots);
    p->slots = s;
    p->nslots = n;
    return 0;
}

/* Offset of s[0..n) in the pool, added if new; UINT32_MAX when out of memory. */
static uint32_t pool_add(pool *p, const char *s, size_t n)
{
    if (!p->data) {
        p->cap = 1 << 16;
        if (!(p->data = malloc(p->cap)))
            return UINT32_MAX;
        p->data[0] = '\0';
        p->len = 1;
    }
    if (n == 0)
        return 0;
    if ((p->used + 1) * 2 > p->nslots && pool_grow_slots(p) < 0)
        return UINT32_MAX;
    size_t h = (size_t)sr_gz_hash64(s, n) & (p->nslots - 1);
    while (p->slots[h]) {
        const char *t = p->data + p->slots[h] - 1;
        if (strncmp(t, s, n) == 0 && t[n] == '\0')
            return p->slots[h] - 1;
        h = (h + 1) & (p->nslots - 1);
    }
    if (p->len + n + 1 > p->cap) {
        size_t cap = p->cap;
        while (p->len + n + 1 > cap)
            cap *= 2;
        char *d = realloc(p->data, cap);
        if (!d)
            return UINT32_MAX;
        p->data = d;
        p->cap = cap;
    }
    if (p->len + n + 1 > UINT32_MAX - 1)
        return UINT32_MAX;
    uint32_t off = (uint32_t)p->len;
    memcpy(p->data + p->len, s, n);
    p->data[p->len + n] = '\0';
    p->len += n + 1;
    p->slots[h] = off + 1;
    p->used++;
    return off;
}

static void pool_free(pool *p)
{
    free(p->data);
    free(p->slots);
}

/* ---- build state ------------------------------------------------------ */

typedef struct posting_rec {
    uint64_t key;
    uint32_t entry, light;
} posting_rec;

typedef struct country_key_rec {
    uint64_t key;
    uint32_t light, country;
} country_key_rec;

typedef struct builder {
    pool strings;               /* goes into the file */
    pool keys;                  /* key texts, to prove the 64-bit hashes distinct */
    vec entries;                /* sr_gz_entry */
    vec countries;              /* sr_gz_country */
    vec admin1;                 /* sr_gz_admin1 */
    vec postings;               /* posting_rec */
    vec country_keys;           /* country_key_rec */
    uint32_t *by_geonameid;     /* open addressing: entry + 1 */
    size_t id_slots;
    sr_gz_stats stats;
    char unknown[64][3];        /* country codes already reported unknown */
    size_t n_unknown;
    FILE *log;                  /* warnings */
    const char *file;           /* the source being read, for messages */
    size_t line;
    int oom;
} builder;

static void warn(builder *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A source line is skipped with a message naming it; the build goes on. */
static void warn(builder *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(b->log, "%s:%zu: ", b->file, b->line);
    vfprintf(b->log, fmt, ap);
    fputc('\n', b->log);
    va_end(ap);
}

static uint32_t add_string(builder *b, const char *s, size_t n)
{
    uint32_t off = pool_add(&b->strings, s, n);
    if (off == UINT32_MAX) {
        b->oom = 1;
        return 0;
    }
    return off;
}

static int country_index(const builder *b, const char *iso2, size_t n)
{
    if (n != 2)
        return -1;
    for (size_t i = 0; i < b->countries.len; i++) {
        const sr_gz_country *c = &AT(b->countries, sr_gz_country, i);
        if (c->iso2[0] == iso2[0] && c->iso2[1] == iso2[1])
            return (int)i;
    }
    return -1;
}

/* The admin1 record of (country, code), added unnamed if new. */
static uint16_t admin1_index(builder *b, int country, const char *code, size_t n)
{
    if (country < 0 || n == 0 || n >= sizeof(((sr_gz_admin1 *)0)->code))
        return SR_GZ_NONE16;
    for (size_t i = 0; i < b->admin1.len; i++) {
        const sr_gz_admin1 *a = &AT(b->admin1, sr_gz_admin1, i);
        if (a->country == country && strncmp(a->code, code, n) == 0 && a->code[n] == '\0')
            return (uint16_t)i;
    }
    if (b->admin1.len >= SR_GZ_NONE16)
        return SR_GZ_NONE16;
    sr_gz_admin1 *a = vec_push(&b->admin1);
    if (!a) {
        b->oom = 1;
        return SR_GZ_NONE16;
    }
    a->country = (uint16_t)country;
    memcpy(a->code, code, n);
    return (uint16_t)(b->admin1.len - 1);
}

static int remember_geonameid(builder *b, uint32_t id, uint32_t entry)
{
    if (id == 0)
        return 0;
    if ((b->entries.len + 1) * 2 > b->id_slots) {
        size_t n = b->id_slots ? b->id_slots * 2 : 1 << 16;
        uint32_t *s = calloc(n, sizeof *s);
        if (!s)
            return -1;
        for (size_t i = 0; i < b->id_slots; i++) {
            uint32_t e = b->by_geonameid[i];
            if (!e)
                continue;
            size_t h = (AT(b->entries, sr_gz_entry, e - 1).geonameid * 2654435761u) & (n - 1);
            while (s[h])
                h = (h + 1) & (n - 1);
            s[h] = e;
        }
        free(b->by_geonameid);
        b->by_geonameid = s;
        b->id_slots = n;
    }
    size_t h = (id * 2654435761u) & (b->id_slots - 1);
    while (b->by_geonameid[h])
        h = (h + 1) & (b->id_slots - 1);
    b->by_geonameid[h] = entry + 1;
    return 0;
}

static long find_geonameid(const builder *b, uint32_t id)
{
    if (id == 0 || b->id_slots == 0)
        return -1;
    size_t h = (id * 2654435761u) & (b->id_slots - 1);
    while (b->by_geonameid[h]) {
        uint32_t e = b->by_geonameid[h] - 1;
        if (AT(b->entries, sr_gz_entry, e).geonameid == id)
            return (long)e;
        h = (h + 1) & (b->id_slots - 1);
    }
    return -1;
}

static sr_gz_entry *add_entry(builder *b, uint32_t geonameid)
{
    sr_gz_entry *e = vec_push(&b->entries);
    if (!e || remember_geonameid(b, geonameid, (uint32_t)(b->entries.len - 1)) < 0) {
        b->oom = 1;
        return NULL;
    }
    e = &AT(b->entries, sr_gz_entry, b->entries.len - 1);
    e->geonameid = geonameid;
    e->country = SR_GZ_NONE16;
    e->admin1 = SR_GZ_NONE16;
    return e;
}

/* The key and light fold of a name; 0 when the name has no key. */
static int name_keys(builder *b, const char *s, size_t n, uint64_t *key, uint32_t *light)
{
    char k[SR_PLACE_KEY_MAX], l[SR_PLACE_KEY_MAX];
    size_t kn = sr_place_key(s, n, k, sizeof k);
    if (kn == 0)
        return 0;
    size_t ln = sr_place_fold(s, n, l, sizeof l);
    if (pool_add(&b->keys, k, kn) == UINT32_MAX) {
        b->oom = 1;
        return 0;
    }
    *key = sr_gz_hash64(k, kn);
    *light = add_string(b, l, ln);
    return 1;
}

static void index_name(builder *b, uint32_t entry, const char *s, size_t n)
{
    uint64_t key;
    uint32_t light;
    b->stats.names++;
    if (!name_keys(b, s, n, &key, &light))
        return;
    posting_rec *p = vec_push(&b->postings);
    if (!p) {
        b->oom = 1;
        return;
    }
    p->key = key;
    p->entry = entry;
    p->light = light;
}

static void index_country_word(builder *b, uint32_t country, const char *s, size_t n)
{
    uint64_t key;
    uint32_t light;
    if (!name_keys(b, s, n, &key, &light))
        return;
    country_key_rec *r = vec_push(&b->country_keys);
    if (!r) {
        b->oom = 1;
        return;
    }
    r->key = key;
    r->light = light;
    r->country = country;
}

/* ---- reading sources -------------------------------------------------- */

typedef struct field {
    const char *s;
    size_t n;
} field;

/* Split a line at tabs into at most max fields; returns the count. */
static size_t split_tabs(const char *line, size_t len, field *f, size_t max)
{
    size_t nf = 0, start = 0;
    for (size_t i = 0; i <= len && nf < max; i++) {
        if (i == len || line[i] == '\t') {
            f[nf].s = line + start;
            f[nf].n = i - start;
            nf++;
            start = i + 1;
        }
    }
    return nf;
}

static void trim(field *f)
{
    while (f->n && (f->s[0] == ' '))
        f->s++, f->n--;
    while (f->n && (f->s[f->n - 1] == ' ' || f->s[f->n - 1] == '\r'))
        f->n--;
}

static int parse_double(field f, double lo, double hi, double *out)
{
    char tmp[48];
    if (f.n == 0 || f.n >= sizeof tmp)
        return -1;
    memcpy(tmp, f.s, f.n);
    tmp[f.n] = '\0';
    char *end;
    errno = 0;
    double v = strtod(tmp, &end);
    if (errno || *end || !(v >= lo && v <= hi))
        return -1;
    *out = v;
    return 0;
}

static int parse_u32(field f, uint32_t *out)
{
    uint64_t v = 0;
    if (f.n == 0 || f.n > 10)
        return -1;
    for (size_t i = 0; i < f.n; i++) {
        if (f.s[i] < '0' || f.s[i] > '9')
            return -1;
        v = v * 10 + (uint64_t)(f.s[i] - '0');
    }
    if (v > UINT32_MAX)
        return -1;
    *out = (uint32_t)v;
    return 0;
}

static int32_t to_e5(double deg)
{
    return (int32_t)(deg * 100000.0 + (deg < 0 ? -0.5 : 0.5));
}

/* Read a whole file; the caller frees *out. */
static int slurp(const char *path, char **out, size_t *len, sr_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return sr_error_set(err, SR_EIO, "%s: %s", path, strerror(errno));
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            char *d = realloc(buf, cap *= 2);
            if (!d)
                free(buf);
            buf = d;
        }
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf)
        return sr_error_set(err, SR_ENOMEM, "%s: out of memory", path);
    if (bad) {
        free(buf);
        return sr_error_set(err, SR_EIO, "%s: read error", path);
    }
    *out = buf;
    *len = n;
    return 0;
}

typedef void (*line_fn)(builder *b, const char *line, size_t len);

static int each_line(builder *b, const char *path, line_fn fn, sr_error *err)
{
    char *buf = NULL;
    size_t len = 0;
    int rc = slurp(path, &buf, &len, err);
    if (rc)
        return rc;
    b->file = path;
    b->line = 0;
    for (size_t i = 0; i < len && !b->oom;) {
        size_t j = i;
        while (j < len && buf[j] != '\n')
            j++;
        b->line++;
        size_t n = j - i;
        if (n && buf[i + n - 1] == '\r')
            n--;
        if (n && buf[i] != '#')
            fn(b, buf + i, n);
        i = j + 1;
    }
    free(buf);
    return b->oom ? sr_error_set(err, SR_ENOMEM, "%s: out of memory", path) : 0;
}

/* Call fn for each item of a ';'-separated list. */
static void each_item(builder *b, uint32_t id, field list,
                      void (*fn)(builder *, uint32_t, const char *, size_t))
{
    size_t i = 0;
    while (i < list.n) {
        size_t j = i;
        while (j < list.n && list.s[j] != ';')
            j++;
        field item = {list.s + i, j - i};
        trim(&item);
        if (item.n)
            fn(b, id, item.s, item.n);
        i = j + 1;
    }
}

/* countries.tsv: iso2 iso3 fips name names demonyms lat lon */
static void country_line(builder *b, const char *line, size_t len)
{
    field f[9];
    size_t nf = split_tabs(line, len, f, 9);
    for (size_t i = 0; i < nf; i++)
        trim(&f[i]);
    double lat, lon;
    if (nf < 8 || f[0].n != 2 || f[1].n != 3 || f[2].n > 2 || f[3].n == 0 ||
        parse_double(f[6], -90, 90, &lat) || parse_double(f[7], -180, 180, &lon)) {
        warn(b, "bad country line (want iso2 iso3 fips name names demonyms lat lon)");
        return;
    }
    if (country_index(b, f[0].s, 2) >= 0) {
        warn(b, "country %.2s listed twice", f[0].s);
        return;
    }
    sr_gz_country *c = vec_push(&b->countries);
    if (!c) {
        b->oom = 1;
        return;
    }
    uint32_t ci = (uint32_t)(b->countries.len - 1);
    memcpy(c->iso2, f[0].s, 2);
    memcpy(c->iso3, f[1].s, 3);
    memcpy(c->fips, f[2].s, f[2].n);
    c->name = add_string(b, f[3].s, f[3].n);
    c->lat_e5 = to_e5(lat);
    c->lon_e5 = to_e5(lon);

    sr_gz_entry *e = add_entry(b, 0);
    if (!e)
        return;
    uint32_t ei = (uint32_t)(b->entries.len - 1);
    c = &AT(b->countries, sr_gz_country, ci);
    c->entry = ei;
    e->name = c->name;
    e->lat_e5 = c->lat_e5;
    e->lon_e5 = c->lon_e5;
    e->country = (uint16_t)ci;
    e->feature = SR_FEATURE_COUNTRY;
    index_name(b, ei, f[3].s, f[3].n);
    each_item(b, ei, f[4], index_name);
    index_country_word(b, ci, f[3].s, f[3].n);
    each_item(b, ci, f[4], index_country_word);
    each_item(b, ci, f[5], index_country_word);
}

/* admin1.tsv: iso2 code name names lat lon */
static void admin1_line(builder *b, const char *line, size_t len)
{
    field f[7];
    size_t nf = split_tabs(line, len, f, 7);
    for (size_t i = 0; i < nf; i++)
        trim(&f[i]);
    double lat, lon;
    int ci = nf >= 6 ? country_index(b, f[0].s, f[0].n) : -1;
    if (nf < 6 || f[1].n == 0 || f[2].n == 0 || parse_double(f[4], -90, 90, &lat) ||
        parse_double(f[5], -180, 180, &lon)) {
        warn(b, "bad admin1 line (want iso2 code name names lat lon)");
        return;
    }
    if (ci < 0) {
        warn(b, "unknown country '%.2s' (not in countries.tsv)", f[0].s);
        return;
    }
    uint16_t ai = admin1_index(b, ci, f[1].s, f[1].n);
    if (ai == SR_GZ_NONE16) {
        warn(b, "bad admin1 code '%.*s'", (int)f[1].n, f[1].s);
        return;
    }
    sr_gz_admin1 *a = &AT(b->admin1, sr_gz_admin1, ai);
    if (a->name) {
        warn(b, "admin1 %.2s %.*s listed twice", f[0].s, (int)f[1].n, f[1].s);
        return;
    }
    a->name = add_string(b, f[2].s, f[2].n);
    sr_gz_entry *e = add_entry(b, 0);
    if (!e)
        return;
    uint32_t ei = (uint32_t)(b->entries.len - 1);
    e->name = AT(b->admin1, sr_gz_admin1, ai).name;
    e->lat_e5 = to_e5(lat);
    e->lon_e5 = to_e5(lon);
    e->country = (uint16_t)ci;
    e->admin1 = ai;
    e->feature = SR_FEATURE_ADMIN1;
    index_name(b, ei, f[2].s, f[2].n);
    each_item(b, ei, f[3], index_name);
}

static int has_upper(const char *s, size_t n)
{
    const utf8proc_uint8_t *u = (const utf8proc_uint8_t *)s;
    size_t i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(u + i, (utf8proc_ssize_t)(n - i), &cp);
        if (k <= 0)
            return 0;
        if (utf8proc_isupper(cp))
            return 1;
        i += (size_t)k;
    }
    return 0;
}

static int is_code_like(const char *s, size_t n)
{
    if (n > 4)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return 1;
}

/*
 * Alternate names worth a key: Latin script, not an airport or postal code
 * ("DEZ"), and with a capital letter: the all-lower-case alternates of
 * cities500 are machine romanizations of other scripts ("adlb", "yi de li
 * bo") that no newspaper writes and that would only add collisions.
 */
static int useful_alternate(const char *s, size_t n)
{
    return n > 0 && n <= 100 && sr_place_name_is_latin(s, n) && has_upper(s, n) &&
           !is_code_like(s, n);
}

/* Say once per code that a country is missing from countries.tsv. */
static void report_unknown_country(builder *b, field code)
{
    for (size_t i = 0; i < b->n_unknown; i++)
        if (code.n == 2 && memcmp(b->unknown[i], code.s, 2) == 0)
            return;
    warn(b, "country code '%.*s' not in countries.tsv", (int)code.n, code.s);
    if (b->n_unknown < sizeof b->unknown / sizeof b->unknown[0] && code.n == 2) {
        memcpy(b->unknown[b->n_unknown], code.s, 2);
        b->unknown[b->n_unknown++][2] = '\0';
    }
}

/* cities500.txt: the 19 tab-separated columns of a GeoNames dump. */
static void city_line(builder *b, const char *line, size_t len)
{
    field f[19];
    size_t nf = split_tabs(line, len, f, 19);
    uint32_t id, pop = 0;
    double lat, lon;
    if (nf < 15 || parse_u32(f[0], &id) || parse_double(f[4], -90, 90, &lat) ||
        parse_double(f[5], -180, 180, &lon)) {
        warn(b, "bad GeoNames line");
        return;
    }
    if (f[6].n != 1 || f[6].s[0] != 'P')
        return; /* populated places only */
    if (f[14].n)
        parse_u32(f[14], &pop);
    int ci = country_index(b, f[8].s, f[8].n);
    if (ci < 0 && f[8].n)
        report_unknown_country(b, f[8]);

    /* the ASCII name reads best in English copy; GeoNames writes ayn as '`' */
    char display[256];
    field name = f[2].n ? f[2] : f[1];
    size_t dn = name.n < sizeof display ? name.n : sizeof display - 1;
    for (size_t i = 0; i < dn; i++)
        display[i] = name.s[i] == '`' ? '\'' : name.s[i];

    sr_gz_entry *e = add_entry(b, id);
    if (!e)
        return;
    uint32_t ei = (uint32_t)(b->entries.len - 1);
    e->name = add_string(b, display, dn);
    e = &AT(b->entries, sr_gz_entry, ei);
    e->lat_e5 = to_e5(lat);
    e->lon_e5 = to_e5(lon);
    e->population = pop;
    e->country = ci < 0 ? SR_GZ_NONE16 : (uint16_t)ci;
    e->feature = SR_FEATURE_CITY;
    uint16_t ai = admin1_index(b, ci, f[10].s, f[10].n);
    AT(b->entries, sr_gz_entry, ei).admin1 = ai;

    index_name(b, ei, f[1].s, f[1].n);
    if (f[2].n)
        index_name(b, ei, f[2].s, f[2].n);
    size_t i = 0;
    while (i < f[3].n) {
        size_t j = i;
        while (j < f[3].n && f[3].s[j] != ',')
            j++;
        if (useful_alternate(f[3].s + i, j - i))
            index_name(b, ei, f[3].s + i, j - i);
        else
            b->stats.skipped_names++;
        i = j + 1;
    }
}

static char feature_of(field f)
{
    if (f.n == 6 && memcmp(f.s, "region", 6) == 0)
        return SR_FEATURE_REGION;
    if (f.n == 4 && memcmp(f.s, "city", 4) == 0)
        return SR_FEATURE_CITY;
    return 0;
}

/*
 * supplement.tsv: name names feature iso2 admin1 lat lon geonameid source.
 * A geonameid already in cities500 adds names to that place and makes name
 * its display name; otherwise the line is a place of its own.
 */
static void supplement_line(builder *b, const char *line, size_t len)
{
    field f[9];
    size_t nf = split_tabs(line, len, f, 9);
    for (size_t i = 0; i < nf; i++)
        trim(&f[i]);
    if (nf < 9 || f[0].n == 0 || f[8].n == 0) {
        warn(b, "bad supplement line (want name names feature iso2 admin1 lat lon "
                "geonameid source)");
        return;
    }
    uint32_t id = 0;
    if (f[7].n && parse_u32(f[7], &id)) {
        warn(b, "bad geonameid '%.*s'", (int)f[7].n, f[7].s);
        return;
    }
    long existing = find_geonameid(b, id);
    if (existing >= 0) {
        uint32_t ei = (uint32_t)existing;
        uint32_t name = add_string(b, f[0].s, f[0].n);
        AT(b->entries, sr_gz_entry, ei).name = name;
        index_name(b, ei, f[0].s, f[0].n);
        each_item(b, ei, f[1], index_name);
        return;
    }
    double lat, lon;
    char feature = feature_of(f[2]);
    int ci = country_index(b, f[3].s, f[3].n);
    if (!feature || ci < 0 || parse_double(f[5], -90, 90, &lat) ||
        parse_double(f[6], -180, 180, &lon)) {
        warn(b, "bad supplement line for %.*s: feature (region, city), country, lat or lon",
             (int)f[0].n, f[0].s);
        return;
    }
    uint16_t ai = admin1_index(b, ci, f[4].s, f[4].n);
    sr_gz_entry *e = add_entry(b, id);
    if (!e)
        return;
    uint32_t ei = (uint32_t)(b->entries.len - 1);
    uint32_t name = add_string(b, f[0].s, f[0].n);
    e = &AT(b->entries, sr_gz_entry, ei);
    e->name = name;
    e->lat_e5 = to_e5(lat);
    e->lon_e5 = to_e5(lon);
    e->country = (uint16_t)ci;
    e->admin1 = ai;
    e->feature = feature;
    index_name(b, ei, f[0].s, f[0].n);
    each_item(b, ei, f[1], index_name);
}

/* ---- ordering and writing --------------------------------------------- */

static int feature_rank(char f)
{
    switch (f) {
    case SR_FEATURE_COUNTRY: return 0;
    case SR_FEATURE_ADMIN1: return 1;
    case SR_FEATURE_REGION: return 2;
    default: return 3;
    }
}

/* qsort has no context argument in C17: the entries travel in each record's
 * sort key instead, precomputed below. */
typedef struct sort_rec {
    uint64_t key;
    uint64_t rank;              /* feature, then population descending */
    uint32_t geonameid, entry, light;
} sort_rec;

static int cmp_sort_rec(const void *pa, const void *pb)
{
    const sort_rec *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->geonameid != b->geonameid)
        return a->geonameid < b->geonameid ? -1 : 1;
    if (a->entry != b->entry)
        return a->entry < b->entry ? -1 : 1;
    return a->light < b->light ? -1 : a->light > b->light;
}

static int cmp_country_key(const void *pa, const void *pb)
{
    const country_key_rec *a = pa, *b = pb;
    if (a->key != b->key)
        return a->key < b->key ? -1 : 1;
    if (a->country != b->country)
        return a->country < b->country ? -1 : 1;
    return a->light < b->light ? -1 : a->light > b->light;
}

static int cmp_u64(const void *pa, const void *pb)
{
    uint64_t a = *(const uint64_t *)pa, b = *(const uint64_t *)pb;
    return a < b ? -1 : a > b;
}

/* Every distinct key text must have its own hash: the file keeps no texts. */
static int check_key_hashes(builder *b, sr_error *err)
{
    size_t n = b->keys.used;
    uint64_t *h = malloc((n ? n : 1) * sizeof *h);
    if (!h)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    size_t k = 0;
    for (size_t off = 1; off < b->keys.len;) {
        size_t len = strlen(b->keys.data + off);
        h[k++] = sr_gz_hash64(b->keys.data + off, len);
        off += len + 1;
    }
    qsort(h, k, sizeof *h, cmp_u64);
    for (size_t i = 1; i < k; i++) {
        if (h[i] == h[i - 1]) {
            free(h);
            return sr_error_set(err, SR_EFORMAT, "two keys share a 64-bit hash");
        }
    }
    b->stats.keys = k;
    free(h);
    return 0;
}

static int write_section(FILE *f, uint64_t *pos, const void *data, size_t size)
{
    static const char zeros[8] = {0};
    size_t pad = (size_t)((8 - *pos % 8) % 8);
    if (pad && fwrite(zeros, 1, pad, f) != pad)
        return -1;
    *pos += pad;
    if (size && fwrite(data, 1, size, f) != size)
        return -1;
    *pos += size;
    return 0;
}

static uint64_t aligned(uint64_t pos)
{
    return (pos + 7) / 8 * 8;
}

static int write_file(builder *b, const sr_gz_posting *postings, size_t np, const sr_gz_key *keys,
                      size_t nk, const char *out_path, sr_error *err)
{
    sr_gz_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, SR_GZ_MAGIC, 8);
    h.version = SR_GZ_VERSION;
    h.endian = SR_GZ_ENDIAN;
    h.fold_check = sr_gz_fold_check();

    uint64_t pos = sizeof h;
    const struct {
        uint32_t *n, *off;
        size_t count, size;
    } layout[] = {
        {&h.n_entries, &h.off_entries, b->entries.len, sizeof(sr_gz_entry)},
        {&h.n_countries, &h.off_countries, b->countries.len, sizeof(sr_gz_country)},
        {&h.n_admin1, &h.off_admin1, b->admin1.len, sizeof(sr_gz_admin1)},
        {&h.n_keys, &h.off_keys, nk, sizeof(sr_gz_key)},
        {&h.n_postings, &h.off_postings, np, sizeof(sr_gz_posting)},
        {&h.n_country_keys, &h.off_country_keys, b->country_keys.len, sizeof(sr_gz_country_key)},
        {&h.size_strings, &h.off_strings, b->strings.len, 1},
    };
    for (size_t i = 0; i < sizeof layout / sizeof layout[0]; i++) {
        pos = aligned(pos);
        if (layout[i].count > UINT32_MAX || pos > UINT32_MAX)
            return sr_error_set(err, SR_EINVAL, "gazetteer too large");
        *layout[i].n = (uint32_t)layout[i].count;
        *layout[i].off = (uint32_t)pos;
        pos += layout[i].count * layout[i].size;
    }
    h.file_size = pos;
    if (pos > UINT32_MAX)
        return sr_error_set(err, SR_EINVAL, "gazetteer too large");

    /* country keys become the file's record type here */
    sr_gz_country_key *ck = malloc((b->country_keys.len + 1) * sizeof *ck);
    if (!ck)
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    for (size_t i = 0; i < b->country_keys.len; i++) {
        const country_key_rec *r = &AT(b->country_keys, country_key_rec, i);
        ck[i].hash = r->key;
        ck[i].light = r->light;
        ck[i].country = r->country;
    }

    size_t plen = strlen(out_path);
    char *tmp = malloc(plen + 32);
    if (!tmp) {
        free(ck);
        return sr_error_set(err, SR_ENOMEM, "out of memory");
    }
    snprintf(tmp, plen + 32, "%s.tmp%ld", out_path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        int rc = sr_error_set(err, SR_EIO, "%s: %s", tmp, strerror(errno));
        free(ck);
        free(tmp);
        return rc;
    }
    uint64_t w = 0;
    int bad = write_section(f, &w, &h, sizeof h) ||
              write_section(f, &w, b->entries.data, b->entries.len * sizeof(sr_gz_entry)) ||
              write_section(f, &w, b->countries.data, b->countries.len * sizeof(sr_gz_country)) ||
              write_section(f, &w, b->admin1.data, b->admin1.len * sizeof(sr_gz_admin1)) ||
              write_section(f, &w, keys, nk * sizeof *keys) ||
              write_section(f, &w, postings, np * sizeof *postings) ||
              write_section(f, &w, ck, b->country_keys.len * sizeof *ck) ||
              write_section(f, &w, b->strings.data, b->strings.len);
    bad |= fclose(f) != 0;
    free(ck);
    if (bad || w != h.file_size || rename(tmp, out_path) != 0) {
        int rc = sr_error_set(err, SR_EIO, "%s: cannot write: %s", out_path, strerror(errno));
        unlink(tmp);
        free(tmp);
        return rc;
    }
    free(tmp);
    b->stats.file_size = (size_t)w;
    return 0;
}

/* Sort the postings into answer order, drop repeats, build the key table. */
static int finish(builder *b, const char *out_path, sr_error *err)
{
    size_t n = b->postings.len;
    sort_rec *s = malloc((n ? n : 1) * sizeof *s);
    sr_gz_posting *p = malloc((n ? n : 1) * sizeof *p);
    sr_gz_key *k = malloc((n + 1) * sizeof *k);
    int rc = 0;
    if (!s || !p || !k) {
        rc = sr_error_set(err, SR_ENOMEM, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        const posting_rec *r = &AT(b->postings, posting_rec, i);
        const sr_gz_entry *e = &AT(b->entries, sr_gz_entry, r->entry);
        s[i].key = r->key;
        s[i].rank = ((uint64_t)feature_rank(e->feature) << 32) | (uint32_t)~e->population;
        s[i].geonameid = e->geonameid;
        s[i].entry = r->entry;
        s[i].light = r->light;
    }
    qsort(s, n, sizeof *s, cmp_sort_rec);
    size_t np = 0, nk = 0;
    for (size_t i = 0; i < n; i++) {
        if (i > 0 && s[i].key == s[i - 1].key && s[i].entry == s[i - 1].entry &&
            s[i].light == s[i - 1].light)
            continue;
        if (nk == 0 || k[nk - 1].hash != s[i].key) {
            k[nk].hash = s[i].key;
            k[nk].first = (uint32_t)np;
            k[nk].pad = 0;
            nk++;
        }
        p[np].entry = s[i].entry;
        p[np].light = s[i].light;
        np++;
    }
    k[nk].hash = UINT64_MAX;
    k[nk].first = (uint32_t)np;
    k[nk].pad = 0;
    nk++;
    b->stats.postings = np;

    country_key_rec *ck = b->country_keys.data;
    size_t nck = b->country_keys.len, w = 0;
    if (nck)
        qsort(ck, nck, sizeof *ck, cmp_country_key);
    for (size_t i = 0; i < nck; i++)
        if (w == 0 || cmp_country_key(&ck[w - 1], &ck[i]) != 0)
            ck[w++] = ck[i];
    b->country_keys.len = w;
    b->stats.country_keys = w;

    rc = write_file(b, p, np, k, nk, out_path, err);
cleanup:
    free(s);
    free(p);
    free(k);
    return rc;
}

int sr_gazetteer_build(const sr_gz_sources *src, const char *out_path, sr_gz_stats *stats,
                       sr_error *err)
{
    if (!src || !src->cities || !out_path)
        return sr_error_set(err, SR_EINVAL, "gazetteer build: no cities file or output path");
    builder b;
    memset(&b, 0, sizeof b);
    b.entries = (vec)VEC(sr_gz_entry);
    b.countries = (vec)VEC(sr_gz_country);
    b.admin1 = (vec)VEC(sr_gz_admin1);
    b.postings = (vec)VEC(posting_rec);
    b.country_keys = (vec)VEC(country_key_rec);
    b.log = src->log ? src->log : stderr;
    add_string(&b, "", 0);

    int rc = 0;
    if (src->countries && (rc = each_line(&b, src->countries, country_line, err)))
        goto cleanup;
    if (src->admin1 && (rc = each_line(&b, src->admin1, admin1_line, err)))
        goto cleanup;
    if ((rc = each_line(&b, src->cities, city_line, err)))
        goto cleanup;
    if (src->supplement && (rc = each_line(&b, src->supplement, supplement_line, err)))
        goto cleanup;
    if (b.entries.len == 0) {
        rc = sr_error_set(err, SR_EFORMAT, "%s: no populated places", src->cities);
        goto cleanup;
    }
    if ((rc = check_key_hashes(&b, err)))
        goto cleanup;
    rc = finish(&b, out_path, err);
    b.stats.entries = b.entries.len;
    b.stats.countries = b.countries.len;
    b.stats.admin1 = b.admin1.len;
    if (stats)
        *stats = b.stats;
cleanup:
    pool_free(&b.strings);
    pool_free(&b.keys);
    free(b.entries.data);
    free(b.countries.data);
    free(b.admin1.data);
    free(b.postings.data);
    free(b.country_keys.data);
    free(b.by_geonameid);
    return rc;
}
