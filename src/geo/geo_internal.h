/*
 * geo_internal: the layout of the compiled gazetteer file, shared by the
 * builder (tools/gazetteer_build.c through sr_gazetteer_build) and the
 * reader (gazetteer.c), and the name folds both sides must agree on.
 *
 * The file is little-endian and is read in place from a read-only mapping,
 * so every table is an array of fixed-size records at a 8-byte aligned
 * offset, and every string is an offset into one pool of NUL-terminated
 * strings. Nothing in it is trusted at lookup time: indexes and offsets are
 * checked against the table sizes before use, so a damaged file gives
 * fewer answers, never a crash.
 *
 *   header | entries | countries | admin1 | keys | postings | country keys | strings
 *
 * keys is sorted by the 64-bit hash of a name's sr_place_key; key i owns
 * postings [keys[i].first, keys[i + 1].first) (a last record closes the
 * table). Postings are in answer order (countries, admin1, regions, then
 * cities by population) and carry the light fold of the spelling they come
 * from, so that a lookup can put spellings that match exactly first and
 * leave out those that share the key by accident (Syria, Surrey).
 */
#ifndef SR_GEO_INTERNAL_H
#define SR_GEO_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "sitrep/geo.h"

struct sr_error;

#define SR_GZ_MAGIC "SRGAZETT"
#define SR_GZ_VERSION 1u
#define SR_GZ_ENDIAN 0x01020304u
#define SR_GZ_NONE16 0xFFFFu

/* Upper bound of a key or a light fold, NUL included: longer names are cut. */
#define SR_PLACE_KEY_MAX 128

typedef struct sr_gz_header {
    char magic[8];
    uint32_t version;
    uint32_t endian;            /* SR_GZ_ENDIAN as the writer stored it */
    uint64_t file_size;
    uint32_t n_entries, off_entries;
    uint32_t n_countries, off_countries;
    uint32_t n_admin1, off_admin1;
    uint32_t n_keys, off_keys;  /* n_keys counts the closing record too */
    uint32_t n_postings, off_postings;
    uint32_t n_country_keys, off_country_keys;
    uint32_t size_strings, off_strings;
    uint64_t fold_check;        /* sr_gz_fold_check() of the writer */
    uint32_t reserved[2];
} sr_gz_header;

typedef struct sr_gz_entry {
    uint32_t geonameid;
    uint32_t name;              /* string offset */
    int32_t lat_e5, lon_e5;     /* degrees times 100000 */
    uint32_t population;
    uint16_t country;           /* index in countries, or SR_GZ_NONE16 */
    uint16_t admin1;            /* index in admin1, or SR_GZ_NONE16 */
    char feature;               /* sr_feature */
    uint8_t pad[3];
} sr_gz_entry;

typedef struct sr_gz_country {
    char iso2[3], iso3[4], fips[3];
    uint8_t pad[2];
    uint32_t name;              /* string offset */
    int32_t lat_e5, lon_e5;
    uint32_t entry;             /* the country's own entry */
} sr_gz_country;

typedef struct sr_gz_admin1 {
    uint16_t country;
    char code[8];
    uint8_t pad[2];
    uint32_t name;              /* string offset; 0 (the empty string) when unnamed */
} sr_gz_admin1;

typedef struct sr_gz_key {
    uint64_t hash;              /* sr_gz_hash64 of the key */
    uint32_t first;             /* first posting */
    uint32_t pad;
} sr_gz_key;

typedef struct sr_gz_posting {
    uint32_t entry;
    uint32_t light;             /* string offset of the spelling's light fold */
} sr_gz_posting;

/* A name, adjective or demonym of a country ("Syrian", "Syrians"). */
typedef struct sr_gz_country_key {
    uint64_t hash;              /* sr_gz_hash64 of the key */
    uint32_t light;             /* string offset of the light fold */
    uint32_t country;
} sr_gz_country_key;

/* FNV-1a: stable across builds and machines, which the file depends on. */
static inline uint64_t sr_gz_hash64(const char *s, size_t n)
{
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

/*
 * The light fold of a name: lower case, accents and apostrophes dropped,
 * Arabic articles that stand as words dropped, the rest of the letters
 * joined ("Ma'arrat an-Nu'man" -> "maarratnuman", "al-Bab" -> "bab"). Two
 * spellings with the same light fold are the same spelling; sr_place_key is
 * the looser match. Same contract as sr_place_key.
 */
size_t sr_place_fold(const char *name, size_t len, char *out, size_t cap);

/* A fingerprint of what sr_place_key and sr_place_fold make of names that
 * exercise every rule: a file whose keys were made by other rules would
 * answer nothing, so the reader refuses it. */
uint64_t sr_gz_fold_check(void);

/* Both folds of a name in one pass (either output may be NULL); returns
 * the key's length. Same contract as sr_place_key. */
size_t sr_place_folds(const char *name, size_t len, char *key, size_t key_cap, char *light,
                      size_t light_cap);

/* Readings of a name kept per lookup by place recognition. */
#define SR_GZ_READINGS 4

/* One reading of a name, with what choosing among readings weighs: small
 * enough that place recognition can cache readings and weigh them without
 * reading the entries again. */
typedef struct sr_gz_reading {
    uint32_t entry;             /* index in the entries table */
    uint32_t population;
    uint16_t country;           /* index in the countries table, or SR_GZ_NONE16 */
    uint16_t admin1;            /* index in the admin1 table, or SR_GZ_NONE16 */
    char feature;               /* sr_feature */
} sr_gz_reading;

/*
 * What the gazetteer says of one piece of text, from one folding of it:
 * its readings, in sr_gazetteer_lookup's order (at most SR_GZ_READINGS
 * kept), whether they are spelled as the text (not only nearly: Idleb,
 * Idlib), whether it spells the first one's own name by key (not an
 * alternate name or a demonym), and the country it names by name,
 * adjective, demonym or code, as sr_gazetteer_country finds it. Place
 * recognition caches these per text, so everything it asks of a name is
 * answered by one computation.
 */
typedef struct sr_gz_answer {
    sr_gz_reading readings[SR_GZ_READINGS];
    uint8_t n;
    uint8_t more;               /* more readings than were kept */
    uint8_t exact;
    uint8_t own_name;
    uint16_t country;           /* index in the countries table, or SR_GZ_NONE16 */
} sr_gz_answer;

void sr_gz_ask(const sr_gazetteer *g, const char *text, size_t len, sr_gz_answer *out);

/* The first reading of the text in one country (an index), among all the
 * readings sr_gz_ask keeps only the first of: 1 when there is one, else 0.
 * For names read in many countries ("Al-Bara": Sudan, Nigeria, Romania,
 * ... and Syria), once the document's country is known. */
int sr_gz_ask_in(const sr_gazetteer *g, const char *text, size_t len, uint16_t country,
                 sr_gz_reading *out);

/* The place of entry i of the gazetteer (an index from a reading). */
void sr_gz_place(const sr_gazetteer *g, uint32_t entry, sr_place *out);

/* A country's index in the countries table from its ISO alpha-2 or
 * alpha-3 code in capitals, or SR_GZ_NONE16; and its alpha-2 code from
 * the index ("" for SR_GZ_NONE16). */
uint16_t sr_gz_country_index(const sr_gazetteer *g, const char *code, size_t len);
const char *sr_gz_country_iso2(const sr_gazetteer *g, uint16_t country);

/* Whether every letter of a UTF-8 name is Latin (and it has one). */
int sr_place_name_is_latin(const char *name, size_t len);

/* Input files of a build; NULL skips a file (the cities file is required). */
typedef struct sr_gz_sources {
    const char *cities;         /* GeoNames cities500.txt format */
    const char *countries;      /* data/geo/countries.tsv */
    const char *admin1;         /* data/geo/admin1.tsv */
    const char *supplement;     /* data/geo/supplement.tsv */
    FILE *log;                  /* where skipped lines are reported; NULL: stderr */
} sr_gz_sources;

typedef struct sr_gz_stats {
    size_t entries, countries, admin1, names, keys, postings, country_keys;
    size_t skipped_names;       /* non-Latin or machine-transliterated */
    size_t file_size;
} sr_gz_stats;

/*
 * Compile the sources into a gazetteer file at out_path (written to a
 * temporary name beside it, then renamed). Problems in a source line are
 * reported (src->log) with file and line, and the line is skipped; a missing
 * or unreadable file is an error. stats may be NULL.
 */
int sr_gazetteer_build(const sr_gz_sources *src, const char *out_path, sr_gz_stats *stats,
                       struct sr_error *err);

#endif
