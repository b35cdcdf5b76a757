/*
 * The gazetteer reader: maps the compiled file read-only and answers
 * lookups straight from the mapping. Opening checks the header and that
 * every table lies inside the file, nothing more, so it costs the same for
 * a 20 MB file as for a tiny one; records are checked as they are read.
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
};

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
    size_t a = 0, b = g->n_keys - 1; /* the last record only closes the table */
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
 * nearly so; entries that only share the key are left out.
 */
size_t sr_gazetteer_lookup(const sr_gazetteer *g, const char *text, size_t len, sr_place *out,
                           size_t max)
{
    char key[SR_PLACE_KEY_MAX], light[SR_PLACE_KEY_MAX];
    size_t kn = sr_place_key(text, len, key, sizeof key);
    uint32_t lo, hi;
    if (!g || kn == 0 || !find_key(g, sr_gz_hash64(key, kn), &lo, &hi))
        return 0;
    sr_place_fold(text, len, light, sizeof light);

    size_t found = 0;
    /* near spellings only when nothing is spelled exactly: "Idlib" need
     * not weigh every "Idleb" of the world, and it keeps lookups cheap */
    for (int want = 2; want >= 1 && !(want == 1 && found); want--) {
        uint32_t i = lo;
        while (i < hi) {
            uint32_t entry = g->postings[i].entry, end = i;
            while (end < hi && g->postings[end].entry == entry)
                end++;
            if (entry < g->n_entries && match_grade(g, i, end, light, want == 1) == want) {
                if (found < max)
                    fill_place(g, &g->entries[entry], &out[found]);
                found++;
            }
            i = end;
        }
    }
    return found;
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

static int is_upper_code(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] < 'A' || s[i] > 'Z')
            return 0;
    return n == 2 || n == 3;
}

int sr_gazetteer_country(const sr_gazetteer *g, const char *key, size_t len, sr_country *out)
{
    if (!g || !key)
        return SR_EINVAL;
    /* ISO codes are written in capitals; "us" and "is" are words */
    if (is_upper_code(key, len)) {
        for (uint32_t i = 0; i < g->n_countries; i++) {
            const sr_gz_country *c = &g->countries[i];
            const char *code = len == 2 ? c->iso2 : c->iso3;
            if (memcmp(code, key, len) == 0) {
                fill_country(g, c, out);
                return 0;
            }
        }
    }
    char k[SR_PLACE_KEY_MAX], light[SR_PLACE_KEY_MAX];
    size_t kn = sr_place_key(key, len, k, sizeof k);
    if (kn == 0)
        return SR_ENOTFOUND;
    uint64_t hash = sr_gz_hash64(k, kn);
    size_t a = 0, b = g->n_country_keys;
    while (a < b) {
        size_t m = a + (b - a) / 2;
        if (g->country_keys[m].hash < hash)
            a = m + 1;
        else
            b = m;
    }
    /* several countries may share a key (Nigerian, Nigerien): the one
     * spelled as asked wins, else the first */
    sr_place_fold(key, len, light, sizeof light);
    const sr_gz_country *best = NULL;
    for (size_t i = a; i < g->n_country_keys && g->country_keys[i].hash == hash; i++) {
        uint32_t ci = g->country_keys[i].country;
        if (ci >= g->n_countries)
            continue;
        int exact = strcmp(string_at(g, g->country_keys[i].light), light) == 0;
        if (!best || exact)
            best = &g->countries[ci];
        if (exact)
            break;
    }
    if (!best)
        return SR_ENOTFOUND;
    fill_country(g, best, out);
    return 0;
}
