/*
 * The gazetteer reader: maps the compiled file read-only and answers
 * lookups straight from the mapping. Opening checks the header and that
 * every table lies inside the file, and indexes the sorted key hashes by
 * their first 16 bits and the countries by code (one pass over the keys,
 * about a millisecond once the file is in the page cache); records are
 * checked as they are read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "geo/geo_internal.h"
#include "sitrep/sitrep.h"

/* Where `make` leaves the compiled file; the Makefile passes the absolute
 * path of the source tree's build/gazetteer.bin. */
#ifndef SR_GAZETTEER
#define SR_GAZETTEER "build/gazetteer.bin"
#endif

#define KEY_BUCKET_BITS 16
#define KEY_BUCKETS (1u << KEY_BUCKET_BITS)

struct sr_gazetteer {
    void *map;
    size_t size;
    const sr_gz_entry *entries;
    const sr_gz_country *countries;
    const sr_gz_admin1 *admin1;
    const sr_gz_key *keys;
    const sr_gz_posting *postings;
    const sr_gz_country_key *country_keys;
    const char *strings;
    uint32_t n_entries, n_countries, n_admin1, n_keys, n_postings, n_country_keys;
    uint32_t size_strings;
    /* countries by ISO code ("SY", "SYR" as base-26 numbers), built at
     * open: the coder asks for its focus country once per document */
    uint16_t by_iso2[26 * 26], by_iso3[26 * 26 * 26];
    /* where the keys whose hash starts with each 16-bit prefix begin,
     * built at open: a lookup then reads two cache lines of the mapping,
     * not the twenty a binary search over all the keys touches (most
     * texts asked about are no place, and each of those reads missed) */
    uint32_t bucket[KEY_BUCKETS + 1];
};

#define NO_COUNTRY 0xFFFFu

/* A 2- or 3-letter upper-case code as a base-26 number, or -1. */
static long code_index(const char *s, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < 'A' || s[i] > 'Z')
            return -1;
        v = v * 26 + (s[i] - 'A');
    }
    return v;
}

/* The keys table is sorted by hash (the last record only closes it). */
static void index_keys(sr_gazetteer *g)
{
    uint32_t n = g->n_keys - 1, k = 0;
    for (uint32_t b = 0; b < KEY_BUCKETS; b++) {
        while (k < n && (g->keys[k].hash >> (64 - KEY_BUCKET_BITS)) < b)
            k++;
        g->bucket[b] = k;
    }
    g->bucket[KEY_BUCKETS] = n;
}

static void index_codes(sr_gazetteer *g)
{
    memset(g->by_iso2, 0xFF, sizeof g->by_iso2);
    memset(g->by_iso3, 0xFF, sizeof g->by_iso3);
    for (uint32_t i = 0; i < g->n_countries && i < NO_COUNTRY; i++) {
        const sr_gz_country *c = &g->countries[i];
        long k2 = c->iso2[2] == '\0' ? code_index(c->iso2, 2) : -1;
        long k3 = c->iso3[3] == '\0' ? code_index(c->iso3, 3) : -1;
        /* the first of a code wins, as the linear search it replaces did */
        if (k2 >= 0 && g->by_iso2[k2] == NO_COUNTRY)
            g->by_iso2[k2] = (uint16_t)i;
        if (k3 >= 0 && g->by_iso3[k3] == NO_COUNTRY)
            g->by_iso3[k3] = (uint16_t)i;
    }
}

/* A table of n records of size bytes at off lies inside the file. */
static int table_fits(uint64_t file_size, uint32_t off, uint32_t n, size_t size)
{
    return off % 8 == 0 && off >= sizeof(sr_gz_header) && off <= file_size &&
           (uint64_t)n * size <= file_size - off;
}

static int check_header(const sr_gz_header *h, size_t size, const char *path, sr_error *err)
{
    if (memcmp(h->magic, SR_GZ_MAGIC, 8) != 0)
        return sr_error_set(err, SR_EFORMAT, "%s: not a sitrep gazetteer", path);
    if (h->endian != SR_GZ_ENDIAN)
        return sr_error_set(err, SR_EFORMAT, "%s: gazetteer written on a machine of other byte order",
                            path);
    if (h->version != SR_GZ_VERSION)
        return sr_error_set(err, SR_EFORMAT,
                            "%s: gazetteer version %u, this sitrep reads version %u (run make)",
                            path, h->version, SR_GZ_VERSION);
    if (h->fold_check != sr_gz_fold_check())
        return sr_error_set(err, SR_EFORMAT,
                            "%s: gazetteer keyed by another version of sitrep (run make)", path);
    if (h->file_size != size)
        return sr_error_set(err, SR_EFORMAT, "%s: truncated gazetteer (%zu bytes, %llu expected)",
                            path, size, (unsigned long long)h->file_size);
    if (!table_fits(size, h->off_entries, h->n_entries, sizeof(sr_gz_entry)) ||
        !table_fits(size, h->off_countries, h->n_countries, sizeof(sr_gz_country)) ||
        !table_fits(size, h->off_admin1, h->n_admin1, sizeof(sr_gz_admin1)) ||
        !table_fits(size, h->off_keys, h->n_keys, sizeof(sr_gz_key)) ||
        !table_fits(size, h->off_postings, h->n_postings, sizeof(sr_gz_posting)) ||
        !table_fits(size, h->off_country_keys, h->n_country_keys, sizeof(sr_gz_country_key)) ||
        !table_fits(size, h->off_strings, h->size_strings, 1) || h->n_keys == 0 ||
        h->size_strings == 0)
        return sr_error_set(err, SR_EFORMAT, "%s: damaged gazetteer (a table lies outside the file)",
                            path);
    return 0;
}

int sr_gazetteer_open(sr_gazetteer **out, const char *path, sr_error *err)
{
    *out = NULL;
    if (!path || !*path)
        path = getenv("SITREP_GAZETTEER");
    if (!path || !*path)
        path = SR_GAZETTEER;

    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return sr_error_set(err, SR_EIO, "%s: cannot open gazetteer: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int rc = sr_error_set(err, SR_EIO, "%s: %s", path, strerror(errno));
        close(fd);
        return rc;
    }
    size_t size = (size_t)st.st_size;
    if (!S_ISREG(st.st_mode) || size < sizeof(sr_gz_header)) {
        close(fd);
        return sr_error_set(err, SR_EFORMAT, "%s: not a sitrep gazetteer (too short)", path);
    }
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return sr_error_set(err, SR_EIO, "%s: cannot map: %s", path, strerror(errno));

    const sr_gz_header *h = map;
    int rc = check_header(h, size, path, err);
    const char *base = map;
    if (rc == 0 && base[h->off_strings + h->size_strings - 1] != '\0')
        rc = sr_error_set(err, SR_EFORMAT, "%s: damaged gazetteer (string pool)", path);
    sr_gazetteer *g = rc == 0 ? calloc(1, sizeof *g) : NULL;
    if (rc == 0 && !g)
        rc = sr_error_set(err, SR_ENOMEM, "out of memory");
    if (rc) {
        munmap(map, size);
        return rc;
    }
    g->map = map;
    g->size = size;
    g->entries = (const sr_gz_entry *)(base + h->off_entries);
    g->countries = (const sr_gz_country *)(base + h->off_countries);
    g->admin1 = (const sr_gz_admin1 *)(base + h->off_admin1);
    g->keys = (const sr_gz_key *)(base + h->off_keys);
    g->postings = (const sr_gz_posting *)(base + h->off_postings);
    g->country_keys = (const sr_gz_country_key *)(base + h->off_country_keys);
    g->strings = base + h->off_strings;
    g->n_entries = h->n_entries;
    g->n_countries = h->n_countries;
    g->n_admin1 = h->n_admin1;
    g->n_keys = h->n_keys;
    g->n_postings = h->n_postings;
    g->n_country_keys = h->n_country_keys;
    g->size_strings = h->size_strings;
    index_codes(g);
    index_keys(g);
    *out = g;
    return 0;
}

void sr_gazetteer_close(sr_gazetteer *g)
{
    if (!g)
        return;
    munmap(g->map, g->size);
    free(g);
}

/* ---- records to answers ----------------------------------------------- */

static const char *string_at(const sr_gazetteer *g, uint32_t off)
{
    return off < g->size_strings ? g->strings + off : "";
}

/* Copy a fixed-size code field, always terminated. */
static void copy_code(char *dst, size_t cap, const char *src, size_t src_cap)
{
    size_t n = 0;
    while (n + 1 < cap && n < src_cap && src[n])
        n++;
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void fill_place(const sr_gazetteer *g, const sr_gz_entry *e, sr_place *p)
{
    memset(p, 0, sizeof *p);
    p->geonameid = e->geonameid;
    p->name = string_at(g, e->name);
    p->lat = e->lat_e5 / 100000.0;
    p->lon = e->lon_e5 / 100000.0;
    p->feature = e->feature;
    p->population = e->population;
    if (e->country < g->n_countries) {
        const sr_gz_country *c = &g->countries[e->country];
        copy_code(p->country, sizeof p->country, c->iso2, sizeof c->iso2);
        copy_code(p->country3, sizeof p->country3, c->iso3, sizeof c->iso3);
        copy_code(p->fips, sizeof p->fips, c->fips, sizeof c->fips);
    }
    if (e->admin1 < g->n_admin1) {
        const sr_gz_admin1 *a = &g->admin1[e->admin1];
        copy_code(p->admin1_code, sizeof p->admin1_code, a->code, sizeof a->code);
        p->admin1 = a->name ? string_at(g, a->name) : NULL;
    }
}

/* The postings of a key hash as [*lo, *hi); 0 when there are none. */
static int find_key(const sr_gazetteer *g, uint64_t hash, uint32_t *lo, uint32_t *hi)
{
    uint32_t prefix = (uint32_t)(hash >> (64 - KEY_BUCKET_BITS));
    size_t a = g->bucket[prefix], b = g->bucket[prefix + 1];
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (g->keys[m].hash < hash)
            a = m + 1;
        else
            b = m;
    }
    if (a >= (size_t)g->n_keys - 1 || g->keys[a].hash != hash)
        return 0;
    *lo = g->keys[a].first;
    *hi = g->keys[a + 1].first;
    return *lo < *hi && *hi <= g->n_postings;
}

/*
 * Whether two light folds are near enough to be one name spelled two ways:
 * at most one edit (insertion, deletion, substitution) per four letters of
 * the longer. Saraqeb/Saraqib and Khan Sheikhoun/Khan Shaykhun are; Syria
 * and Surrey, which share a key, are not.
 */
static int near_spelling(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t longer = la > lb ? la : lb, bound = longer / 4;
    if (bound == 0 || (la > lb ? la - lb : lb - la) > bound || longer >= SR_PLACE_KEY_MAX)
        return 0;
    unsigned row[SR_PLACE_KEY_MAX], prev_diag;
    for (size_t j = 0; j <= lb; j++)
        row[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        prev_diag = row[0];
        row[0] = (unsigned)i;
        unsigned best = row[0];
        for (size_t j = 1; j <= lb; j++) {
            unsigned up = row[j];
            unsigned cost = prev_diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < cost)
                cost = up + 1;
            if (row[j - 1] + 1 < cost)
                cost = row[j - 1] + 1;
            prev_diag = up;
            row[j] = cost;
            if (cost < best)
                best = cost;
        }
        if (best > bound)
            return 0;
    }
    return row[lb] <= bound;
}

/* How an entry's spellings (postings [i, end)) match the text: 2 exactly,
 * 1 nearly, 0 only by key. */
static int match_grade(const sr_gazetteer *g, uint32_t i, uint32_t end, const char *light,
                       int want_near)
{
    int grade = 0;
    for (; i < end; i++) {
        const char *spelling = string_at(g, g->postings[i].light);
        if (strcmp(spelling, light) == 0)
            return 2;
        if (want_near && !grade && near_spelling(spelling, light))
            grade = 1;
    }
    return grade;
}

/*
 * Postings of one entry sit together (they differ only in spelling). The
 * entries spelled exactly as the text come first, in the file's order
 * (countries, admin1, regions, cities by population), then those spelled
 * nearly so; entries that only share the key are left out. The first
 * o->max of those in o->country (any country when SR_GZ_NONE16) go to
 * o->ids or o->places (either may be NULL); the number of those is
 * returned, the number in any country left in o->all.
 */
typedef struct lookup_out {
    uint16_t country;           /* only entries of this country; SR_GZ_NONE16: all */
    uint32_t *ids;
    sr_place *places;
    size_t max;
    int exact;                  /* set: the entries are spelled exactly as the text */
    size_t all;                 /* set: entries of any country */
} lookup_out;

static size_t lookup_folded(const sr_gazetteer *g, const char *key, size_t kn, const char *light,
                            lookup_out *o)
{
    uint32_t lo, hi;
    o->exact = 0;
    o->all = 0;
    if (!g || kn == 0 || !find_key(g, sr_gz_hash64(key, kn), &lo, &hi))
        return 0;
    size_t found = 0;
    /* near spellings only when nothing is spelled exactly: "Idlib" need
     * not weigh every "Idleb" of the world, and it keeps lookups cheap */
    for (int want = 2; want >= 1 && !(want == 1 && o->all); want--) {
        uint32_t i = lo;
        while (i < hi) {
            uint32_t entry = g->postings[i].entry, end = i;
            while (end < hi && g->postings[end].entry == entry)
                end++;
            if (entry < g->n_entries && match_grade(g, i, end, light, want == 1) == want) {
                o->all++;
                if (o->country == SR_GZ_NONE16 || g->entries[entry].country == o->country) {
                    if (found < o->max && o->ids)
                        o->ids[found] = entry;
                    if (found < o->max && o->places)
                        fill_place(g, &g->entries[entry], &o->places[found]);
                    found++;
                }
            }
            i = end;
        }
        if (want == 2 && o->all)
            o->exact = 1;
    }
    return found;
}

size_t sr_gazetteer_lookup(const sr_gazetteer *g, const char *text, size_t len, sr_place *out,
                           size_t max)
{
    char key[SR_PLACE_KEY_MAX], light[SR_PLACE_KEY_MAX];
    if (!g)
        return 0;
    size_t kn = sr_place_folds(text, len, key, sizeof key, light, sizeof light);
    lookup_out o = {SR_GZ_NONE16, NULL, out, max, 0, 0};
    return lookup_folded(g, key, kn, light, &o);
}

void sr_gz_place(const sr_gazetteer *g, uint32_t entry, sr_place *out)
{
    if (entry < g->n_entries)
        fill_place(g, &g->entries[entry], out);
    else
        memset(out, 0, sizeof *out);
}

/* ---- countries -------------------------------------------------------- */

static void fill_country(const sr_gazetteer *g, const sr_gz_country *c, sr_country *out)
{
    memset(out, 0, sizeof *out);
    copy_code(out->iso2, sizeof out->iso2, c->iso2, sizeof c->iso2);
    copy_code(out->iso3, sizeof out->iso3, c->iso3, sizeof c->iso3);
    copy_code(out->fips, sizeof out->fips, c->fips, sizeof c->fips);
    out->name = string_at(g, c->name);
    out->lat = c->lat_e5 / 100000.0;
    out->lon = c->lon_e5 / 100000.0;
}

/* A country by its ISO code written in capitals ("us" and "is" are
 * words), as an index in the country table, or -1. */
static long country_by_code(const sr_gazetteer *g, const char *s, size_t n)
{
    long k = n == 2 || n == 3 ? code_index(s, n) : -1;
    if (k < 0)
        return -1;
    uint16_t i = n == 2 ? g->by_iso2[k] : g->by_iso3[k];
    return i == NO_COUNTRY ? -1 : i;
}

/* A country by name, adjective or demonym, from the folds of the text;
 * -1 when none. Several countries may share a key (Nigerian, Nigerien):
 * the one spelled as asked wins, else the first. */
static long country_folded(const sr_gazetteer *g, const char *key, size_t kn, const char *light)
{
    if (kn == 0)
        return -1;
    uint64_t hash = sr_gz_hash64(key, kn);
    size_t a = 0, b = g->n_country_keys;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (g->country_keys[m].hash < hash)
            a = m + 1;
        else
            b = m;
    }
    long best = -1;
    for (size_t i = a; i < g->n_country_keys && g->country_keys[i].hash == hash; i++) {
        uint32_t ci = g->country_keys[i].country;
        if (ci >= g->n_countries)
            continue;
        int exact = strcmp(string_at(g, g->country_keys[i].light), light) == 0;
        if (best < 0 || exact)
            best = ci;
        if (exact)
            break;
    }
    return best;
}

int sr_gazetteer_country(const sr_gazetteer *g, const char *key, size_t len, sr_country *out)
{
    if (!g || !key)
        return SR_EINVAL;
    long ci = country_by_code(g, key, len);
    if (ci < 0) {
        char k[SR_PLACE_KEY_MAX], light[SR_PLACE_KEY_MAX];
        size_t kn = sr_place_folds(key, len, k, sizeof k, light, sizeof light);
        ci = country_folded(g, k, kn, light);
    }
    if (ci < 0)
        return SR_ENOTFOUND;
    fill_country(g, &g->countries[ci], out);
    return 0;
}

uint16_t sr_gz_country_index(const sr_gazetteer *g, const char *code, size_t len)
{
    long ci = g ? country_by_code(g, code, len) : -1;
    return ci < 0 ? SR_GZ_NONE16 : (uint16_t)ci;
}

const char *sr_gz_country_iso2(const sr_gazetteer *g, uint16_t country)
{
    /* the table's codes are NUL-padded to three bytes by the builder */
    if (!g || country >= g->n_countries || g->countries[country].iso2[2] != '\0')
        return "";
    return g->countries[country].iso2;
}

static void fill_reading(const sr_gazetteer *g, uint32_t id, sr_gz_reading *r)
{
    const sr_gz_entry *e = &g->entries[id];
    r->entry = id;
    r->population = e->population;
    r->country = e->country < g->n_countries ? e->country : SR_GZ_NONE16;
    r->admin1 = e->admin1 < g->n_admin1 ? e->admin1 : SR_GZ_NONE16;
    r->feature = e->feature;
}

void sr_gz_ask(const sr_gazetteer *g, const char *text, size_t len, sr_gz_answer *out)
{
    memset(out, 0, sizeof *out);
    out->country = SR_GZ_NONE16;
    if (!g)
        return;
    char key[SR_PLACE_KEY_MAX], light[SR_PLACE_KEY_MAX];
    size_t kn = sr_place_folds(text, len, key, sizeof key, light, sizeof light);
    uint32_t ids[SR_GZ_READINGS];
    lookup_out o = {SR_GZ_NONE16, ids, NULL, SR_GZ_READINGS, 0, 0};
    size_t found = lookup_folded(g, key, kn, light, &o);
    out->n = (uint8_t)(found < SR_GZ_READINGS ? found : SR_GZ_READINGS);
    out->more = found > SR_GZ_READINGS;
    out->exact = (uint8_t)o.exact;
    for (size_t i = 0; i < out->n; i++)
        fill_reading(g, ids[i], &out->readings[i]);
    if (out->n) {
        const char *name = string_at(g, g->entries[ids[0]].name);
        char name_key[SR_PLACE_KEY_MAX];
        sr_place_folds(name, strlen(name), name_key, sizeof name_key, NULL, 0);
        out->own_name = strcmp(key, name_key) == 0;
    }
    long ci = country_by_code(g, text, len);
    if (ci < 0)
        ci = country_folded(g, key, kn, light);
    if (ci >= 0)
        out->country = (uint16_t)ci;
}

int sr_gz_ask_in(const sr_gazetteer *g, const char *text, size_t len, uint16_t country,
                 sr_gz_reading *out)
{
    if (!g || country == SR_GZ_NONE16)
        return 0;
    char key[SR_PLACE_KEY_MAX], light[SR_PLACE_KEY_MAX];
    size_t kn = sr_place_folds(text, len, key, sizeof key, light, sizeof light);
    uint32_t id;
    lookup_out o = {country, &id, NULL, 1, 0, 0};
    if (lookup_folded(g, key, kn, light, &o) == 0)
        return 0;
    fill_reading(g, id, out);
    return 1;
}
