/*
 * geo: the gazetteer (GeoNames cities-500, a country table, admin1 names and
 * a hand-kept supplement, compiled at build time into one compact file that
 * is memory-mapped read-only) and place recognition in text.
 *
 * Ownership: sr_gazetteer_open returns a handle the caller closes with
 * sr_gazetteer_close; it is immutable and may be shared by any number of
 * threads. Strings in an sr_place point into the mapped file and live as
 * long as the gazetteer. sr_places_find allocates its results in the arena
 * it is given.
 */
#ifndef SITREP_GEO_H
#define SITREP_GEO_H

#include <stddef.h>
#include <stdint.h>

#include "sitrep/arena.h"
#include "sitrep/text.h"

struct sr_error;

typedef struct sr_gazetteer sr_gazetteer;

typedef enum sr_feature {
    SR_FEATURE_CITY = 'c',    /* populated place */
    SR_FEATURE_ADMIN1 = 'a',  /* first-order division: province, governorate */
    SR_FEATURE_COUNTRY = 'n',
    SR_FEATURE_REGION = 'r'   /* a named area that is none of these (East Ghouta) */
} sr_feature;

/* "city", "admin1", "country", "region" (the words records use), or NULL. */
const char *sr_feature_name(char feature);

typedef struct sr_place {
    uint32_t geonameid;     /* GeoNames id; 0 for supplement entries without one */
    const char *name;       /* preferred name, e.g. "Saraqib" */
    double lat, lon;
    char country[3];        /* ISO 3166 alpha-2, e.g. "SY" */
    char country3[4];       /* alpha-3, e.g. "SYR" */
    char fips[3];           /* FIPS 10-4, e.g. "SY" (Turkey: "TU") for GDELT */
    const char *admin1;     /* name of its first-order division, or NULL */
    char admin1_code[8];    /* GeoNames admin1 code, e.g. "12" */
    char feature;           /* sr_feature */
    uint32_t population;
} sr_place;

typedef struct sr_country {
    char iso2[3], iso3[4], fips[3];
    const char *name;       /* "Syria" */
    double lat, lon;        /* a representative point */
} sr_country;

/* Open the compiled gazetteer (build/gazetteer.bin, installed under the
 * data directory). Fails with a message naming the file when it is missing
 * or not a gazetteer of this version. */
int sr_gazetteer_open(sr_gazetteer **out, const char *path, struct sr_error *err);
void sr_gazetteer_close(sr_gazetteer *g);

/*
 * The transliteration-tolerant key of a name: lower case, accents and
 * punctuation dropped, Arabic articles (al-, el-, ad-, ash-, ...) and
 * doubled letters folded, common transliteration variants folded (q/k,
 * ou/u, e/a between consonants, ...) so that Saraqeb = Saraqib, Jisr
 * al-Shughour = Jisr ash Shughur, Maarat al-Numan = Ma'arrat an Nu'man,
 * Deir ez-Zor = Dayr az Zawr. Writes at most cap bytes (NUL included);
 * returns the key length.
 */
size_t sr_place_key(const char *name, size_t len, char *out, size_t cap);

/* Every gazetteer entry whose name, ASCII name or Latin alternate name has
 * the same key as text, most populous first (countries and admin1 first
 * among equals); at most max written, the number found returned. */
size_t sr_gazetteer_lookup(const sr_gazetteer *g, const char *text, size_t len, sr_place *out,
                           size_t max);

/* A country by ISO alpha-2 or alpha-3 code, or by name/adjective/demonym
 * ("Syria", "Syrian", "Syrians"). Returns 0, or SR_ENOTFOUND. */
int sr_gazetteer_country(const sr_gazetteer *g, const char *key, size_t len, sr_country *out);

typedef struct sr_place_mention {
    uint32_t start, end;    /* byte span in the document text */
    uint32_t sentence;
    sr_place place;         /* the chosen reading */
    const char *cue;        /* the word that introduced it ("in", "near",
                               "south of") or NULL */
    uint8_t ambiguous;      /* several readings were close */
} sr_place_mention;

/*
 * Find the places named in an analyzed text: gazetteer phrases with
 * capitalization cues, "X province/governorate/district/countryside",
 * prepositional cues; not names standing for a government ("Damascus
 * said", "Ankara's forces"). Readings are chosen by the document's country
 * focus, a parent named nearby ("Idlib province") and population.
 */
int sr_places_find(const sr_gazetteer *g, const sr_text *t, sr_arena *arena,
                   sr_place_mention **out, size_t *n);

/*
 * The same with a lookup cache that the caller keeps across documents
 * (names repeat: most lookups then cost one comparison). A cache belongs
 * to one thread; it must be used with one gazetteer only.
 */
typedef struct sr_place_cache sr_place_cache;
sr_place_cache *sr_place_cache_new(void);
void sr_place_cache_free(sr_place_cache *c);
int sr_places_find_cached(const sr_gazetteer *g, sr_place_cache *cache, const sr_text *t,
                          sr_arena *arena, sr_place_mention **out, size_t *n);

/* As sr_places_find_cached, with the country the document is about when
 * the caller knows it from elsewhere (the coder's actors): ISO alpha-2, or
 * NULL. It stands in when the place names alone settle no country. */
int sr_places_find_hinted(const sr_gazetteer *g, sr_place_cache *cache, const sr_text *t,
                          const char *country_hint, sr_arena *arena, sr_place_mention **out,
                          size_t *n);

#endif
