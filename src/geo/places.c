/*
 * Places named in text: runs of capitalized tokens (with the lower-case
 * particles of Arabic and European names between them) looked up in the
 * gazetteer by their transliteration-tolerant key, longest first; then
 * checked against their context (a locative cue before them, "province"
 * after them, a name standing for a government) and resolved among the
 * gazetteer's readings by the document's country focus, a parent named
 * next to them and population.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "sitrep/geo.h"
#include "sitrep/sitrep.h"

#define MAX_SPAN 5       /* tokens in one place name */
#define MAX_READINGS 24  /* gazetteer readings weighed per name */
#define MIN_POP_BARE 15000 /* a single-word town with no cue must be this big */
#define SMALL_ABROAD 20000 /* a town outside the document's country, smaller than
                              this, is not believed even with a cue */

static int in_list(const struct sr_token *tk, const char *const *words, size_t n);

/* Lower-case particles inside names: "Jisr ash Shughur", "Ma'arrat an
 * Nu'man", "Deir ez Zor", "Bab al Hawa". */
static int particle(const sr_token *tk)
{
    static const char *const words[] = {
        "AD", "AL", "AN", "AR", "AS", "ASH", "AT", "AT-", "AZ", "DE", "DEL", "DI", "EL", "ES",
        "EZ", "LA", "UL"};
    return tk->len <= 3 && in_list(tk, words, sizeof words / sizeof words[0]);
}

static int capitalized(const sr_text *t, const sr_token *tk)
{
    if (!(tk->flags & SR_TOK_WORD))
        return 0;
    /* any capital will do: "al-Shughour", "Ma'arrat" */
    for (uint32_t p = tk->start; p < tk->end; p++) {
        unsigned char c = (unsigned char)t->src[p];
        if (isupper(c) || c >= 0xC0)
            return 1;
        if (isalpha(c) && p == tk->start && !(p + 3 < tk->end && t->src[p + 2] == '-'))
            return 0;
    }
    return 0;
}

static int is_word(const sr_token *tk, const char *w)
{
    return strcmp(tk->norm, w) == 0;
}

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* The word lists below are kept sorted (strcmp order): searched by halves,
 * since they are consulted for every capitalized token. */
static int in_list(const sr_token *tk, const char *const *words, size_t n)
{
    return bsearch(tk->norm, words, n, sizeof *words, cmp_word) != NULL;
}

/* Words that announce a place: "in", "near", "south of", "outside", and
 * nouns that introduce names: "the areas Ehsim, Kansafrah and Al-Bara",
 * "the town Saraqeb". */
static int locative_cue(const sr_token *tk)
{
    static const char *const cues[] = {
        "ACROSS", "AMONG", "AREA", "AREAS", "AROUND", "AT", "BESIEGED", "BETWEEN", "BOMBED",
        "CAMP", "CAPTURED", "CITIES", "CITY", "DISTRICT", "ENTERED", "FROM", "GOVERNORATE", "IN",
        "INSIDE", "INTO", "NEAR", "NEARBY", "NEIGHBORHOOD", "NEIGHBOURHOOD", "OF", "ON",
        "OUTSIDE", "OVER", "PROVINCE", "PROVINCES", "REGION", "REGIONS", "RETOOK", "SEIZED",
        "SHELLED", "STORMED", "SUBURB", "THROUGH", "TO", "TOWARD", "TOWARDS", "TOWN", "TOWNS",
        "VIA", "VILLAGE", "VILLAGES", "WITHIN"};
    return in_list(tk, cues, sizeof cues / sizeof cues[0]);
}

/* Nouns after a name that make it an area: "Idlib province". */
static int area_word(const sr_token *tk, char *feature)
{
    static const char *const admin[] = {
        "DISTRICT", "GOVERNORATE", "OBLAST", "PREFECTURE", "PROVINCE", "PROVINCES", "REGION",
        "STATE"};
    static const char *const region[] = {
        "AREA", "COUNTRYSIDE", "COUNTY", "DESERT", "ENCLAVE", "FRONT", "MOUNTAINS", "OUTSKIRTS",
        "PLAINS", "POCKET", "SUBURBS", "VALLEY"};
    if (in_list(tk, admin, sizeof admin / sizeof admin[0])) {
        *feature = SR_FEATURE_ADMIN1;
        return 1;
    }
    if (in_list(tk, region, sizeof region / sizeof region[0])) {
        *feature = SR_FEATURE_REGION;
        return 1;
    }
    return 0;
}

/* Capitalized words that are no part of a name: function words at the
 * start of a sentence, months and days. They end a run of capitals. */
static int stopword(const sr_token *tk)
{
    static const char *const words[] = {
        "A", "AFTER", "ALL", "ALSO", "ALTHOUGH", "AMID", "AMONG", "AN", "AND", "APR", "APRIL",
        "AS", "AT", "AUG", "AUG.", "AUGUST", "BEFORE", "BST", "BUT", "BY", "DATE", "DEC", "DEC.",
        "DECEMBER", "DESPITE", "DR", "DR.", "EVEN", "FEB", "FEB.", "FEBRUARY", "FOR", "FRIDAY",
        "GMT", "HE", "HOWEVER", "I", "IF", "IN", "IT", "JAN", "JAN.", "JANUARY", "JUL", "JULY",
        "JUN", "JUNE", "JUST", "MANY", "MAR", "MARCH", "MAY", "MEANWHILE", "MONDAY", "MORE",
        "MOST", "MR", "MR.", "MRS", "NO", "NOT", "NOV", "NOVEMBER", "OCT", "OCTOBER", "OF", "ON",
        "ONE", "ONLY", "OR", "OVER", "PHOTO", "READ", "SAID", "SATURDAY", "SAYS", "SEP", "SEPT",
        "SEPT.", "SEPTEMBER", "SHE", "SO", "SOME", "SOURCE", "SUNDAY", "THAT", "THE", "THERE",
        "THESE", "THEY", "THIS", "THOSE", "THURSDAY", "TO", "TUESDAY", "TWO", "UPDATE", "UTC",
        "VIDEO", "WATCH", "WE", "WEDNESDAY", "WHILE", "YET"};
    if (tk->len > 9)
        return 0; /* longer than any of them: most names leave here */
    return in_list(tk, words, sizeof words / sizeof words[0]);
}

/* Capitalized words that belong to names of groups, titles and outlets:
 * they extend a run ("Tahrir al-Sham", "Islamic State") but a place is
 * never one of them alone. */
static int name_word(const sr_token *tk)
{
    static const char *const words[] = {
        "AFP", "ALLAH", "AP", "ARAB", "ARABS", "ARMY", "ASSAD", "CHRISTIAN", "COLONEL",
        "CONGRESS", "COUNCIL", "COURT", "DAILY", "DEMOCRATIC", "ERDOGAN", "EU", "FACEBOOK",
        "FORCES", "FREE", "FREEDOM", "FRONT", "GENERAL", "GOD", "GREAT", "HOPE", "INTERNET",
        "ISIL", "ISIS", "ISLAMIC", "JEWISH", "KURDISH", "KURDS", "LIBERATION", "LIBERTY", "LONG",
        "MINISTER", "MUJAHEDEEN", "MUSLIM", "NATIONAL", "NATO", "NEWS", "OBAMA", "OBSERVATORY",
        "PEACE", "POST", "PRESIDENT", "PRESS", "PUTIN", "REUTERS", "SAINT", "SECURITY", "SENATE",
        "SHAM", "SHARIA", "SHIA", "SHIITE", "SPECIAL", "ST.", "STATE", "SUNNI", "TAHRIR", "TIMES",
        "TRUMP", "TURKS", "TWITTER", "UN", "UNION", "UNITY", "US", "VICTORY", "WAR"};
    return in_list(tk, words, sizeof words / sizeof words[0]);
}

/* Compass words may open a place name ("North Korea", "East Ghouta") but
 * are no place alone. */
static int compass_word(const sr_token *tk)
{
    static const char *const words[] = {
        "CENTRAL", "EAST", "EASTERN", "LOWER", "MOUNT", "NEW", "NORTH", "NORTHERN", "OLD",
        "SOUTH", "SOUTHERN", "UPPER", "WEST", "WESTERN"};
    return in_list(tk, words, sizeof words / sizeof words[0]);
}

/* "Damascus said", "Moscow and Ankara confirmed", "Ankara's forces": a
 * capital standing for its government is an actor, not a place. */
static int stands_for_actor(const sr_text *t, size_t after, size_t end)
{
    size_t i = after;
    /* through a list: "Moscow and Ankara", "Washington, London and Paris" */
    while (i + 1 < end && (is_word(&t->tokens[i], "AND") || is_word(&t->tokens[i], ",")) &&
           capitalized(t, &t->tokens[i + 1]))
        i += 2;
    if (i >= end)
        return 0;
    const sr_token *n = &t->tokens[i];
    if (n->flags & SR_TOK_POSS) {
        static const char *const place_parts[] = {
        "AIRPORT", "CENTER", "CENTRE", "COUNTRYSIDE", "EAST", "HOSPITALS", "NORTH", "OLD",
        "OUTSKIRTS", "PEOPLE", "POPULATION", "RESIDENTS", "SOUTH", "STREETS", "SUBURBS", "WEST"};
        return !(i + 1 < end && in_list(&t->tokens[i + 1], place_parts,
                                        sizeof place_parts / sizeof place_parts[0]));
    }
    static const char *const speech[] = {
        "ACCUSED", "AGREED", "ANNOUNCED", "ARE", "CLAIMED", "CONFIRMED", "DECLARED", "DEMANDED",
        "DENIED", "HAS", "HAVE", "INSISTED", "INSISTS", "IS", "REJECTED", "REPLIED", "RESPONDED",
        "SAID", "SAY", "SAYS", "THREATENED", "URGED", "VOWED", "WANTED", "WANTS", "WARNED", "WAS",
        "WERE", "WILL", "WOULD"};
    return in_list(n, speech, sizeof speech / sizeof speech[0]);
}

typedef struct cand {
    size_t s, e;            /* token range */
    sr_place readings[MAX_READINGS];
    size_t nreadings;
    int cue;                /* a locative cue before it (or the list it is in) */
    char area;              /* feature an area word after it asks for, or 0 */
    uint32_t sentence;
} cand;

static double score(const sr_place *p, const cand *c, const char *focus, const char *parent_cc,
                    const char *parent_admin1)
{
    double s = 0;
    if (focus[0] && strncmp(p->country, focus, 2) == 0)
        s += 4;
    if (parent_cc && strncmp(p->country, parent_cc, 2) == 0) {
        s += 2;
        if (parent_admin1 && p->admin1_code[0] && strcmp(p->admin1_code, parent_admin1) == 0)
            s += 3;
    }
    if (c->area && p->feature == c->area)
        s += 5;
    else if (c->area == SR_FEATURE_ADMIN1 && p->feature == SR_FEATURE_REGION)
        s += 3;
    else if (c->area == SR_FEATURE_REGION && p->feature == SR_FEATURE_ADMIN1)
        s += 4; /* "the Idlib countryside": the province around the city */
    if (p->feature == SR_FEATURE_COUNTRY)
        s += 3;
    if (p->feature == SR_FEATURE_ADMIN1 && !c->area)
        s += 0.5; /* "Idlib" alone is usually the city */
    double pop = p->population;
    if (pop > 0) {
        int digits = 0;
        while (pop >= 10) {
            pop /= 10;
            digits++;
        }
        s += digits * 0.4;
    }
    return s;
}

#define CACHE_SLOTS 32768  /* power of two */
#define CACHE_TEXT 40      /* longest name remembered */
#define CACHE_READINGS 4   /* readings remembered per name */

/* Most names looked up are no place ("John Kerry", "Reuters"): their
 * answer fits in the small tag, and only names that are places touch the
 * big slot with the readings. A 64-bit hash names the text. */
typedef struct cache_tag {
    uint64_t hash;
    uint8_t len;           /* 0: empty */
    uint8_t n;             /* readings (0: not a place) */
} cache_tag;

typedef struct cache_slot {
    char text[CACHE_TEXT]; /* checked on hits that carry readings */
    sr_place readings[CACHE_READINGS];
} cache_slot;

struct sr_place_cache {
    cache_tag tags[CACHE_SLOTS];
    cache_slot slots[CACHE_SLOTS];
};

sr_place_cache *sr_place_cache_new(void)
{
    return calloc(1, sizeof(sr_place_cache));
}

void sr_place_cache_free(sr_place_cache *c)
{
    free(c);
}

static size_t lookup_span(const sr_gazetteer *g, sr_place_cache *cache, const sr_text *t,
                          size_t s, size_t e, sr_place *out, size_t max)
{
    uint32_t a = t->tokens[s].start, b = t->tokens[e - 1].end;
    size_t len = b - a;
    if (!cache || len >= CACHE_TEXT)
        return sr_gazetteer_lookup(g, t->src + a, len, out, max);
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)t->src[a + i]) * 1099511628211ull;
    size_t k = (size_t)(h ^ (h >> 29)) & (CACHE_SLOTS - 1);
    cache_tag *tag = &cache->tags[k];
    cache_slot *sl = &cache->slots[k];
    if (tag->len == len && tag->hash == h &&
        (tag->n == 0 || memcmp(sl->text, t->src + a, len) == 0)) {
        size_t n = tag->n < max ? tag->n : max;
        memcpy(out, sl->readings, n * sizeof out[0]);
        return n;
    }
    sr_place tmp[CACHE_READINGS];
    size_t found = sr_gazetteer_lookup(g, t->src + a, len, tmp, CACHE_READINGS);
    tag->hash = h;
    tag->len = (uint8_t)len;
    tag->n = (uint8_t)(found < CACHE_READINGS ? found : CACHE_READINGS);
    if (tag->n) {
        memcpy(sl->text, t->src + a, len);
        memcpy(sl->readings, tmp, tag->n * sizeof tmp[0]);
    }
    size_t n = tag->n < max ? tag->n : max;
    memcpy(out, tmp, n * sizeof out[0]);
    return n;
}

/* Do tokens [s, e) have the same key as the place's own name (not one of
 * its alternate names or a demonym)? */
static int keyed_as_name(const sr_text *t, size_t s, size_t e, const sr_place *p)
{
    char k1[128], k2[128];
    uint32_t a = t->tokens[s].start, b = t->tokens[e - 1].end;
    sr_place_key(t->src + a, b - a, k1, sizeof k1);
    sr_place_key(p->name, strlen(p->name), k2, sizeof k2);
    return strcmp(k1, k2) == 0;
}

/* Is the matched text a country's adjective ("Syrian"), not its name? */
static int adjective_of_country(const sr_place *p, const sr_text *t, size_t s, size_t e)
{
    if (p->feature != SR_FEATURE_COUNTRY)
        return 0;
    return !keyed_as_name(t, s, e, p) && t->tokens[e - 1].len > 3 &&
           (t->tokens[e - 1].norm[t->tokens[e - 1].len - 1] == 'N' ||
            t->tokens[e - 1].norm[t->tokens[e - 1].len - 1] == 'I' ||
            t->tokens[e - 1].norm[t->tokens[e - 1].len - 1] == 'H' ||
            t->tokens[e - 1].norm[t->tokens[e - 1].len - 1] == 'E' ||
            t->tokens[e - 1].norm[t->tokens[e - 1].len - 1] == 'S');
}

/* A dateline: a city in capitals opening a sentence, then the story
 * ("BEIRUT An intensifying push", "MOSCOW - Some 120"). It says where the
 * story was filed, not where anything happened. */
static int dateline_word(const sr_text *t, size_t first, size_t s, size_t e)
{
    if (s > first + 1)
        return 0;
    for (size_t k = s; k < e; k++)
        if (!(t->tokens[k].flags & SR_TOK_ALLCAPS))
            return 0;
    return e < t->ntokens && !(t->tokens[e].flags & SR_TOK_ALLCAPS);
}

/* What may follow a place name inside its capitalized run: an area word
 * ("Province"), a word that is no name ("Idlib Liberation ..." is not),
 * or a country's name or adjective ("Damascus Syrian forces"). */
static int clean_rest(const sr_gazetteer *g, const sr_text *t, size_t from, size_t lim)
{
    if (from >= lim)
        return 1;
    char f;
    const sr_token *tk = &t->tokens[from];
    if (area_word(tk, &f))
        return 1;
    sr_country c;
    return sr_gazetteer_country(g, t->src + tk->start, tk->end - tk->start, &c) == 0;
}

/* At the start of a sentence a capital proves nothing: only a place's own
 * name, spelled as the gazetteer has it, of a country, a province or a
 * big town, is taken there. */
static int plain_name(const sr_text *t, size_t s, size_t e, const sr_place *readings, size_t n)
{
    if (n == 0 || e - s > 1)
        return n > 0;
    const sr_place *p = &readings[0];
    if (!keyed_as_name(t, s, e, p))
        return 0;
    return p->feature != SR_FEATURE_CITY || p->population >= 50000;
}

/* Do the words spell the name, letters only and case aside? ("Saraqib"
 * and "Saraqib", not "Saraqeb": a near spelling) */
static int same_letters(const sr_text *t, size_t s, size_t e, const char *name)
{
    const char *a = t->src + t->tokens[s].start, *ae = t->src + t->tokens[e - 1].end;
    const char *b = name;
    for (;;) {
        while (a < ae && !isalpha((unsigned char)*a))
            a++;
        while (*b && !isalpha((unsigned char)*b))
            b++;
        if (a == ae || !*b)
            return a == ae && !*b;
        if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
            return 0;
        a++;
        b++;
    }
}

int sr_places_find(const sr_gazetteer *g, const sr_text *t, sr_arena *arena,
                   sr_place_mention **out, size_t *n)
{
    return sr_places_find_cached(g, NULL, t, arena, out, n);
}

int sr_places_find_cached(const sr_gazetteer *g, sr_place_cache *cache, const sr_text *t,
                          sr_arena *arena, sr_place_mention **out, size_t *n)
{
    return sr_places_find_hinted(g, cache, t, NULL, arena, out, n);
}

int sr_places_find_hinted(const sr_gazetteer *g, sr_place_cache *cache, const sr_text *t,
                          const char *country_hint, sr_arena *arena, sr_place_mention **out,
                          size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!g || !t || t->ntokens == 0)
        return 0;
    cand *cs = sr_arena_alloc(arena, sizeof *cs * 16);
    size_t ncs = 0, cap = 16;

    for (size_t si = 0; si < t->nsentences; si++) {
        const sr_sentence *sn = &t->sentences[si];
        size_t first = sn->first, end = sn->first + sn->ntokens;
        int list_cue = 0; /* a cue carried along a list of places */
        for (size_t i = first; i < end;) {
            const sr_token *tk = &t->tokens[i];
            if (!capitalized(t, tk) || stopword(tk)) {
                if (!(is_word(tk, ",") || is_word(tk, "AND") || is_word(tk, "OR")))
                    list_cue = 0;
                i++;
                continue;
            }
            /* the run of capitalized words this one opens: a place name
             * must be the whole run ("Jisr al-Shughour"), or start it and
             * leave only area words or another name after it ("Idlib
             * Province", "Damascus Syrian ..."); a place name inside a
             * longer name is not a place ("Bashar al-Assad", "Maghawir
             * al-Thawrah", "Tahrir al-Sham") */
            size_t lim = i;
            while (lim < end && ((capitalized(t, &t->tokens[lim]) && !stopword(&t->tokens[lim])) ||
                                 (lim > i && particle(&t->tokens[lim]))))
                lim++;
            size_t best_e = 0, nread = 0;
            sr_place tmp[MAX_READINGS];
            for (size_t e = lim - i > MAX_SPAN ? i + MAX_SPAN : lim; e > i; e--) {
                if (particle(&t->tokens[e - 1]))
                    continue;
                size_t k = lookup_span(g, cache, t, i, e, tmp, MAX_READINGS);
                if (k) {
                    best_e = e;
                    nread = k < MAX_READINGS ? k : MAX_READINGS;
                    break;
                }
            }
            if (best_e == i + 1 && (name_word(tk) || compass_word(tk)))
                best_e = 0;
            if (!best_e && lim > i + 1 && tk->len > 3 && tk->norm[tk->len - 1] == 'S') {
                /* "Syrias Aleppo": a possessive whose apostrophe was lost */
                sr_country owner;
                if (sr_gazetteer_country(g, t->src + tk->start, tk->end - tk->start - 1, &owner) == 0) {
                    i++;
                    continue;
                }
            }
            if (best_e && best_e < lim && tmp[0].feature == SR_FEATURE_COUNTRY) {
                i = best_e; /* "Syrias Aleppo": the country, then a place of its own */
                continue;
            }
            if (best_e && dateline_word(t, first, i, best_e)) {
                i = best_e; /* "MOSCOW - ...": where the story was filed */
                continue;
            }
            if (!best_e || !clean_rest(g, t, best_e, lim)) {
                list_cue = 0;
                i = lim > i ? lim : i + 1;
                continue;
            }
            if (i == first && !plain_name(t, i, best_e, tmp, nread)) {
                i = best_e; /* "Over the course", "Car bombs", "Amid the talks" */
                continue;
            }
            if (nread && tmp[0].feature == SR_FEATURE_COUNTRY && t->tokens[i].len <= 3 &&
                best_e == i + 1 && !(t->tokens[i].flags & SR_TOK_ALLCAPS)) {
                i = best_e; /* "Car bombs" is no Central African Republic */
                continue;
            }
            sr_country demonym;
            if (best_e == i + 1 && tmp[0].feature != SR_FEATURE_COUNTRY &&
                sr_gazetteer_country(g, t->src + tk->start, tk->end - tk->start, &demonym) == 0) {
                i = best_e; /* "in English", "Syrian": a people, not a town */
                continue;
            }
            if (nread && adjective_of_country(&tmp[0], t, i, best_e)) {
                i = best_e;
                continue;
            }
            int cue = list_cue || (i > first && (locative_cue(&t->tokens[i - 1]) ||
                                                 (i > first + 1 && is_word(&t->tokens[i - 1], "THE") &&
                                                  locative_cue(&t->tokens[i - 2]))));
            if (!cue && stands_for_actor(t, best_e, end)) {
                i = best_e;
                continue;
            }
            if (ncs == cap) {
                cand *bigger = sr_arena_alloc(arena, sizeof *cs * cap * 2);
                memcpy(bigger, cs, sizeof *cs * cap);
                cs = bigger;
                cap *= 2;
            }
            cand *c = &cs[ncs++];
            c->s = i;
            c->e = best_e;
            c->cue = cue;
            c->area = 0;
            c->sentence = (uint32_t)si;
            if (best_e < end)
                area_word(&t->tokens[best_e], &c->area);
            memcpy(c->readings, tmp, nread * sizeof tmp[0]);
            c->nreadings = nread;
            list_cue = cue;
            i = best_e;
        }
    }

    /* the document's country: the commonest country among readings that
     * are certain (one reading, or a cue and a country) */
    char codes[32][3];
    int counts[32], ncodes = 0;
    for (size_t k = 0; k < ncs; k++) {
        const sr_place *p = &cs[k].readings[0];
        if (cs[k].nreadings != 1 && p->feature != SR_FEATURE_COUNTRY)
            continue;
        int j = 0;
        while (j < ncodes && strncmp(codes[j], p->country, 2) != 0)
            j++;
        if (j == ncodes) {
            if (ncodes == 32)
                continue;
            memcpy(codes[j], p->country, 3);
            counts[ncodes++] = 0;
        }
        counts[j] += p->feature == SR_FEATURE_COUNTRY ? 2 : 1;
    }
    char focus[3] = "";
    for (int j = 0, best = 0; j < ncodes; j++)
        if (counts[j] > best) {
            best = counts[j];
            memcpy(focus, codes[j], 3);
        }
    if (!focus[0] && country_hint && strlen(country_hint) == 2)
        memcpy(focus, country_hint, 3);

    sr_place_mention *ms = sr_arena_alloc(arena, sizeof *ms * (ncs + 1));
    size_t nm = 0;
    for (size_t k = 0; k < ncs; k++) {
        cand *c = &cs[k];
        /* a parent named right after it: "Saraqeb, Idlib" / "in Idlib
         * province's Saraqeb" are left to the focus; the next candidate in
         * the same sentence when it is an admin1 */
        const char *parent_cc = NULL, *parent_a1 = NULL;
        if (k + 1 < ncs && cs[k + 1].sentence == c->sentence && cs[k + 1].s <= c->e + 2 &&
            cs[k + 1].readings[0].feature == SR_FEATURE_ADMIN1) {
            parent_cc = cs[k + 1].readings[0].country;
            parent_a1 = cs[k + 1].readings[0].admin1_code;
        }
        size_t best = 0;
        double best_score = -1, second = -1;
        for (size_t r = 0; r < c->nreadings; r++) {
            double sc = score(&c->readings[r], c, focus, parent_cc, parent_a1);
            if (sc > best_score) {
                second = best_score;
                best_score = sc;
                best = r;
            } else if (sc > second) {
                second = sc;
            }
        }
        const sr_place *p = &c->readings[best];
        /* small places need a reason to be believed */
        int bare = !c->cue && !c->area && c->e - c->s == 1;
        const sr_token *first_tk = &t->tokens[c->s];
        if (c->e - c->s == 1 && (first_tk->flags & SR_TOK_ALLCAPS) && first_tk->len <= 5 &&
            p->feature != SR_FEATURE_COUNTRY)
            continue; /* "SANA", "U.N.": agencies and acronyms */
        if (!c->cue && focus[0] && p->feature == SR_FEATURE_CITY && p->population < 200000 &&
            strncmp(p->country, focus, 2) != 0)
            continue; /* a small town abroad named with no cue is likely a name */
        if (focus[0] && strncmp(p->country, focus, 2) != 0 && !same_letters(t, c->s, c->e, p->name))
            continue; /* a near spelling abroad: "Division" is no Davison */
        if (focus[0] && strncmp(p->country, focus, 2) != 0 && p->feature == SR_FEATURE_CITY &&
            p->population < SMALL_ABROAD)
            continue; /* a village abroad is more likely a word or a name here */
        if (bare && p->feature == SR_FEATURE_CITY && p->population < MIN_POP_BARE &&
            strncmp(p->country, focus, 2) != 0)
            continue;
        if (bare && p->feature == SR_FEATURE_CITY && p->population < 1000)
            continue;
        sr_place_mention *m = &ms[nm++];
        m->start = t->tokens[c->s].start;
        m->end = t->tokens[c->e - 1].end;
        m->sentence = c->sentence;
        m->place = *p;
        m->cue = NULL;
        if (c->s > t->sentences[c->sentence].first && locative_cue(&t->tokens[c->s - 1]))
            m->cue = t->tokens[c->s - 1].norm;
        m->ambiguous = (uint8_t)(second >= 0 && best_score - second < 0.5);
    }
    *out = ms;
    *n = nm;
    return 0;
}

const char *sr_feature_name(char feature)
{
    switch (feature) {
    case SR_FEATURE_CITY: return "city";
    case SR_FEATURE_ADMIN1: return "admin1";
    case SR_FEATURE_COUNTRY: return "country";
    case SR_FEATURE_REGION: return "region";
    default: return NULL;
    }
}
