/*
 * Places named in text: runs of capitalized tokens (with the lower-case
 * particles of Arabic and European names between them) looked up in the
 * gazetteer by their transliteration-tolerant key, longest first; then
 * checked against their context (a locative cue before them, "province"
 * after them, a name standing for a government) and resolved among the
 * gazetteer's readings by the document's country focus, a parent named
 * next to them and population.
 *
 * Speed: this runs on every document sitrep codes, so the work per token
 * is kept to a flag test for lower-case words and one cache probe for
 * capitalized ones. Everything asked of a piece of text (its readings, the
 * country it names, whether it is a stopword, ...) is worked out once per
 * distinct text and kept in the caller's sr_place_cache.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "geo/geo_internal.h"
#include "sitrep/geo.h"
#include "sitrep/sitrep.h"

#define MAX_SPAN 5         /* tokens in one place name */
#define READINGS SR_GZ_READINGS /* gazetteer readings weighed per name */
#define MIN_POP_BARE 15000 /* a single-word town with no cue must be this big */
#define SMALL_ABROAD 20000 /* a town outside the document's country, smaller than
                              this, is not believed even with a cue */
#define BIG_TOWN 100000 /* a town this big may be named in a list of places
                           written without commas */

/* ---- word lists ------------------------------------------------------- */

static int cmp_word(const void *key, const void *elem)
{
    return strcmp((const char *)key, *(const char *const *)elem);
}

/* The word lists below are kept sorted (strcmp order) and searched by
 * halves; with a cache, the ones asked of every token are read from a
 * small hash table built from them instead (word_slot). */
static int in_list(const sr_token *tk, const char *const *words, size_t n)
{
    return bsearch(tk->norm, words, n, sizeof *words, cmp_word) != NULL;
}

#define IN_LIST(tk, words) in_list(tk, words, sizeof words / sizeof words[0])

static int is_word(const sr_token *tk, const char *w, size_t n)
{
    return tk->len == n && memcmp(tk->norm, w, n) == 0;
}

/* What keeps a list of places going: "Ehsim, Kansafrah and Al-Bara". */
static int list_joiner(const sr_token *tk)
{
    return is_word(tk, ",", 1) || is_word(tk, "AND", 3) || is_word(tk, "OR", 2);
}

/* Lower-case particles inside names: "Jisr ash Shughur", "Ma'arrat an
 * Nu'man", "Deir ez Zor", "Bab al Hawa". */
static const char *const particles[] = {
    "AD", "AL", "AN", "AR", "AS", "ASH", "AT", "AT-", "AZ", "DE", "DEL", "DI", "EL", "ES",
    "EZ", "LA", "UL"};

/* Words that announce a place: "in", "near", "south of", "outside", and
 * nouns that introduce names: "the areas Ehsim, Kansafrah and Al-Bara",
 * "the town Saraqeb". */
static const char *const cues[] = {
    "ACROSS", "AMONG", "AREA", "AREAS", "AROUND", "AT", "BESIEGED", "BETWEEN", "BOMBED",
    "CAMP", "CAPTURED", "CITIES", "CITY", "DISTRICT", "ENTERED", "FROM", "GOVERNORATE", "IN",
    "INSIDE", "INTO", "NEAR", "NEARBY", "NEIGHBORHOOD", "NEIGHBOURHOOD", "OF", "ON",
    "OUTSIDE", "OVER", "PROVINCE", "PROVINCES", "REGION", "REGIONS", "RETOOK", "SEIZED",
    "SHELLED", "STORMED", "SUBURB", "THROUGH", "TO", "TOWARD", "TOWARDS", "TOWN", "TOWNS",
    "VIA", "VILLAGE", "VILLAGES", "WITHIN"};

/* Nouns after a name that make it an area: "Idlib province" (a first-order
 * division), "the Idlib countryside" (a region). */
static const char *const admin_words[] = {
    "DISTRICT", "GOVERNORATE", "OBLAST", "PREFECTURE", "PROVINCE", "PROVINCES", "REGION",
    "STATE"};
static const char *const region_words[] = {
    "AREA", "COUNTRYSIDE", "COUNTY", "DESERT", "ENCLAVE", "FRONT", "MOUNTAINS", "OUTSKIRTS",
    "PLAINS", "POCKET", "SUBURBS", "VALLEY"};

/* Nouns after a name that make it a part of a town: "the Alexandria
 * neighbourhood" of a Syrian city is no Egyptian port. */
static const char *const town_part_words[] = {
    "NEIGHBORHOOD", "NEIGHBORHOODS", "NEIGHBOURHOOD", "NEIGHBOURHOODS", "QUARTER"};

/* Capitalized words that are no part of a name: function words at the
 * start of a sentence, months and days. They end a run of capitals. */
static const char *const stopwords[] = {
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

/* Capitalized words that belong to names of groups, titles and outlets:
 * they extend a run ("Tahrir al-Sham", "Islamic State") but a place is
 * never one of them alone. */
static const char *const name_words[] = {
    "AFP", "ALLAH", "AP", "ARAB", "ARABS", "ARMY", "ASSAD", "CHRISTIAN", "COLONEL",
    "CONGRESS", "COUNCIL", "COURT", "DAILY", "DEMOCRATIC", "ERDOGAN", "EU", "FACEBOOK",
    "FORCES", "FREE", "FREEDOM", "FRONT", "GENERAL", "GOD", "GREAT", "HOPE", "INTERNET",
    "ISIL", "ISIS", "ISLAMIC", "JEWISH", "KURDISH", "KURDS", "LIBERATION", "LIBERTY", "LONG",
    "MINISTER", "MUJAHEDEEN", "MUSLIM", "NATIONAL", "NATO", "NEWS", "OBAMA", "OBSERVATORY",
    "PEACE", "POST", "PRESIDENT", "PRESS", "PUTIN", "REUTERS", "SAINT", "SECURITY", "SENATE",
    "SHAM", "SHARIA", "SHIA", "SHIITE", "SPECIAL", "ST.", "STATE", "SUNNI", "TAHRIR", "TIMES",
    "TRUMP", "TURKS", "TWITTER", "UN", "UNION", "UNITY", "US", "VICTORY", "WAR"};

/* Compass words may open a place name ("North Korea", "East Ghouta") but
 * are no place alone. */
static const char *const compass_words[] = {
    "CENTRAL", "EAST", "EASTERN", "LOWER", "MOUNT", "NEW", "NORTH", "NORTHERN", "OLD",
    "SOUTH", "SOUTHERN", "UPPER", "WEST", "WESTERN"};

enum {
    W_STOP = 1 << 0,
    W_NAME = 1 << 1,
    W_COMPASS = 1 << 2,
    W_PARTICLE = 1 << 3,
    W_CUE = 1 << 4,
    W_ADMIN = 1 << 5,
    W_REGION = 1 << 6,
    W_TOWN_PART = 1 << 7
};

static const struct word_list {
    const char *const *words;
    size_t n;
    uint8_t bit;
} word_lists[] = {
#define LIST(words, bit) {words, sizeof words / sizeof words[0], bit}
    LIST(stopwords, W_STOP),       LIST(name_words, W_NAME), LIST(compass_words, W_COMPASS),
    LIST(particles, W_PARTICLE),   LIST(cues, W_CUE),        LIST(admin_words, W_ADMIN),
    LIST(region_words, W_REGION),  LIST(town_part_words, W_TOWN_PART)
#undef LIST
};

/* The lists a token is in, as W_* bits, by search. */
static uint8_t word_bits(const sr_token *tk)
{
    uint8_t bits = 0;
    for (size_t k = 0; k < sizeof word_lists / sizeof word_lists[0]; k++)
        if (in_list(tk, word_lists[k].words, word_lists[k].n))
            bits |= word_lists[k].bit;
    return bits;
}

/* ---- what a piece of text names, cached ------------------------------- */

/* Everything place recognition asks of one piece of text. */
typedef sr_gz_answer name_info;

#define CACHE_WAYS 8       /* texts per set: one 64-byte line of tags */
#define CACHE_SETS 4096    /* power of two */
#define CACHE_TEXT 64      /* longest text remembered */

/*
 * Most texts asked about are no place ("John Kerry", "Reuters"): all that
 * is known of them fits in a tag of 64 bits, and only texts that are
 * places touch the slot with their readings. The tags of a set fill one
 * line of the processor's cache, and a text may sit in any of the set's
 * ways, so that common names that share a set do not push each other out
 * over and over. Tag bits, low to high:
 *
 *   0-5   length of the text (0: empty way)   6-8  readings
 *   9     own name                            10   exact spelling
 *   11-18 country named + 1 (0: none)         19   more readings than kept
 *   24-63 high bits of the hash
 *
 * The set is chosen by other bits of the hash, so 52 bits of it and the
 * length name a text: two texts sharing them are too unlikely (about one
 * chance in 10^4 over ten million lookups) to be worth reading the text
 * back from memory on every hit, and cost one wrong answer if they meet.
 */
typedef uint64_t cache_tag;

#define TAG_HASH(h) ((h) & ~((1ull << 24) - 1))
#define TAG_LEN(t) ((size_t)((t) & 63))
#define TAG_N(t) ((uint8_t)(((t) >> 6) & 7))
#define TAG_OWN(t) ((uint8_t)(((t) >> 9) & 1))
#define TAG_EXACT(t) ((uint8_t)(((t) >> 10) & 1))
#define TAG_MORE(t) ((uint8_t)(((t) >> 19) & 1))
#define TAG_COUNTRY(t) ((uint16_t)((((t) >> 11) & 255) ? (((t) >> 11) & 255) - 1 : SR_GZ_NONE16))

typedef struct cache_slot {
    sr_gz_reading readings[READINGS];
} cache_slot;

/* The word lists again as a small hash table on the token's normal form:
 * asked of every capitalized token, it stays in the processor's cache
 * where a search of the lists costs a dozen string comparisons. */
#define WORD_SLOTS 1024 /* power of two, a few times the words listed */
#define WORD_MAX 15     /* longest listed word ("NEIGHBOURHOODS"), NUL aside */

typedef struct word_slot {
    char norm[WORD_MAX + 1];
    uint8_t len;
    uint8_t bits;       /* W_*; 0: empty */
} word_slot;

struct sr_place_cache {
    _Alignas(64) cache_tag tags[CACHE_SETS][CACHE_WAYS];
    _Alignas(64) cache_slot slots[CACHE_SETS][CACHE_WAYS];
    word_slot words[WORD_SLOTS];
    uint8_t next[CACHE_SETS]; /* the way a miss takes next, round robin */
};

/* Length and three letters tell the listed words apart well enough for
 * a table this sparse, and cost next to nothing to read. */
static size_t word_hash(const char *w, size_t n)
{
    if (n == 0)
        return 0;
    uint32_t h = (uint32_t)n * 0x9E3779B1u;
    h ^= (unsigned char)w[0] * 0x85EBCA77u;
    h ^= (unsigned char)w[n / 2] * 0xC2B2AE3Du;
    h ^= (unsigned char)w[n - 1] * 0x27D4EB2Fu;
    return (h ^ (h >> 16)) & (WORD_SLOTS - 1);
}

static int same_bytes(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static void add_words(sr_place_cache *c, const char *const *words, size_t n, uint8_t bit)
{
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(words[i]);
        size_t k = word_hash(words[i], len);
        while (c->words[k].bits && strcmp(c->words[k].norm, words[i]) != 0)
            k = (k + 1) & (WORD_SLOTS - 1);
        memcpy(c->words[k].norm, words[i], len + 1);
        c->words[k].len = (uint8_t)len;
        c->words[k].bits |= bit;
    }
}

sr_place_cache *sr_place_cache_new(void)
{
    sr_place_cache *c = aligned_alloc(64, sizeof(sr_place_cache));
    if (!c)
        return NULL;
    memset(c, 0, sizeof *c);
    for (size_t k = 0; k < sizeof word_lists / sizeof word_lists[0]; k++)
        add_words(c, word_lists[k].words, word_lists[k].n, word_lists[k].bit);
    return c;
}

void sr_place_cache_free(sr_place_cache *c)
{
    free(c);
}

/* The document being read, and where its answers come from. */
typedef struct finder {
    const sr_gazetteer *g;
    sr_place_cache *cache; /* NULL: every question goes to the gazetteer */
    const sr_text *t;
    uint16_t *tok;         /* per token: T_KNOWN and W_* bits */
} finder;

#define T_KNOWN 0x100    /* the bits of this token were worked out */

static uint64_t text_hash(uint64_t h, const char *text, size_t len)
{
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)text[i]) * 1099511628211ull;
    return h;
}

#define HASH_SEED 1469598103934665603ull

static size_t set_of(uint64_t h)
{
    return (size_t)(h ^ (h >> 29)) & (CACHE_SETS - 1);
}

/* The cache tag of a text of hash h and length len, found or claimed
 * (emptied, the way's old text forgotten); *hit says which. NULL when
 * the text is too long to be cached. */
static cache_tag *tag_of(const finder *f, size_t len, uint64_t h, int *hit)
{
    *hit = 0;
    if (!f->cache || len >= CACHE_TEXT)
        return NULL;
    size_t set = set_of(h);
    cache_tag *tags = f->cache->tags[set];
    cache_tag want = TAG_HASH(h) | len;
    for (int w = 0; w < CACHE_WAYS; w++)
        if ((tags[w] & (TAG_HASH(~0ull) | 63)) == want) {
            *hit = 1;
            return &tags[w];
        }
    int w = f->cache->next[set];
    f->cache->next[set] = (uint8_t)((w + 1) % CACHE_WAYS);
    tags[w] = 0;
    return &tags[w];
}

static cache_slot *slot_of(const finder *f, const cache_tag *tag)
{
    size_t i = (size_t)(tag - &f->cache->tags[0][0]);
    return &f->cache->slots[i / CACHE_WAYS][i % CACHE_WAYS];
}

/*
 * The hashes of the texts of tokens [s, s + 1), [s, s + 2), ... up to
 * [s, lim) (at most MAX_SPAN), in one pass over their bytes; their cache
 * sets are fetched ahead, so that the probes of a run of capitals that
 * follow wait for memory about once, not once a span. h[k] is the hash of
 * [s, s + k + 1).
 */
static void span_hashes(const finder *f, size_t s, size_t lim, uint64_t h[MAX_SPAN])
{
    const sr_text *t = f->t;
    uint64_t x = HASH_SEED;
    uint32_t at = t->tokens[s].start;
    for (size_t k = 0; k < MAX_SPAN && s + k < lim; k++) {
        uint32_t to = t->tokens[s + k].end;
        x = text_hash(x, t->src + at, to - at);
        at = to;
        h[k] = x;
        if (f->cache)
            __builtin_prefetch(f->cache->tags[set_of(x)]);
    }
}

/* What the text of tokens [s, e) names; h is the text's hash. */
static void name_hashed(const finder *f, size_t s, size_t e, uint64_t h, name_info *out)
{
    const sr_text *t = f->t;
    uint32_t a = t->tokens[s].start, b = t->tokens[e - 1].end;
    const char *text = t->src + a;
    int hit = 0;
    cache_tag *tag = tag_of(f, b - a, h, &hit);
    if (hit) {
        cache_tag t0 = *tag;
        out->n = TAG_N(t0);
        out->own_name = TAG_OWN(t0);
        out->exact = TAG_EXACT(t0);
        out->more = TAG_MORE(t0);
        out->country = TAG_COUNTRY(t0);
        if (out->n) /* the slot is read only for places */
            memcpy(out->readings, slot_of(f, tag)->readings, out->n * sizeof out->readings[0]);
        return;
    }
    sr_gz_ask(f->g, text, b - a, out);
    if (!tag || (out->country != SR_GZ_NONE16 && out->country >= 255))
        return; /* not kept: a country past what a tag holds */
    *tag = TAG_HASH(h) | (b - a) | (cache_tag)out->n << 6 | (cache_tag)out->own_name << 9 |
           (cache_tag)out->exact << 10 | (cache_tag)out->more << 19 |
           (cache_tag)(out->country == SR_GZ_NONE16 ? 0 : out->country + 1) << 11;
    if (out->n)
        memcpy(slot_of(f, tag)->readings, out->readings, sizeof out->readings);
}

/* The W_* bits of token i. */
static uint8_t listed_words(const finder *f, size_t i)
{
    const sr_token *tk = &f->t->tokens[i];
    if (!f->cache)
        return word_bits(tk);
    if (tk->len > WORD_MAX)
        return 0;
    for (size_t k = word_hash(tk->norm, tk->len);; k = (k + 1) & (WORD_SLOTS - 1)) {
        const word_slot *w = &f->cache->words[k];
        if (!w->bits)
            return 0;
        if (w->len == tk->len && same_bytes(w->norm, tk->norm, tk->len))
            return w->bits;
    }
}

/* ---- token tests ------------------------------------------------------ */

/* The lists token i is in, worked out once per document: tokens are
 * asked about again as runs of capitals are extended and cut. */
static uint8_t words_of(const finder *f, size_t i)
{
    uint16_t b = f->tok[i];
    if (!(b & T_KNOWN)) {
        b = (uint16_t)(T_KNOWN | listed_words(f, i));
        f->tok[i] = b;
    }
    return (uint8_t)b;
}

static int particle(const finder *f, size_t i)
{
    const sr_token *tk = &f->t->tokens[i];
    if (tk->len > 3 || tk->len < 2)
        return 0;
    /* every particle starts with one of these: most short words are
     * told apart here, before the word table is read */
    char c = (char)(f->t->src[tk->start] | 0x20);
    if (c != 'a' && c != 'd' && c != 'e' && c != 'l' && c != 'u')
        return 0;
    return (words_of(f, i) & W_PARTICLE) != 0;
}

static int locative_cue(const finder *f, size_t i)
{
    return (words_of(f, i) & W_CUE) != 0;
}

/* The feature an area word asks for ("province", "countryside"), or 0. */
static char area_word(const finder *f, size_t i)
{
    uint8_t w = words_of(f, i);
    return w & W_ADMIN ? SR_FEATURE_ADMIN1 : w & W_REGION ? SR_FEATURE_REGION : 0;
}

/* A word with a capital letter somewhere a name has one ("al-Shughour",
 * "Ma'arrat"): the slow case of capitalized(). */
static int capitalized_inside(const sr_text *t, const sr_token *tk)
{
    for (uint32_t p = tk->start; p < tk->end; p++) {
        unsigned char c = (unsigned char)t->src[p];
        if (isupper(c) || c >= 0xC0)
            return 1;
        if (isalpha(c) && p == tk->start && !(p + 3 < tk->end && t->src[p + 2] == '-'))
            return 0;
    }
    return 0;
}

static inline int capitalized(const sr_text *t, const sr_token *tk)
{
    if (!(tk->flags & SR_TOK_WORD))
        return 0;
    if (tk->flags & SR_TOK_CAP)
        return 1;
    unsigned char c0 = (unsigned char)t->src[tk->start];
    if (c0 >= 'a' && c0 <= 'z' && !(tk->start + 3 < tk->end && t->src[tk->start + 2] == '-'))
        return 0; /* a lower-case word: the common case, decided here */
    return capitalized_inside(t, tk);
}

/* "Damascus said", "Moscow and Ankara confirmed", "Ankara's forces": a
 * capital standing for its government is an actor, not a place. */
static int stands_for_actor(const sr_text *t, size_t after, size_t end)
{
    size_t i = after;
    /* through a list: "Moscow and Ankara", "Washington, London and Paris" */
    while (i + 1 < end && (is_word(&t->tokens[i], "AND", 3) || is_word(&t->tokens[i], ",", 1)) &&
           capitalized(t, &t->tokens[i + 1]))
        i += 2;
    if (i >= end)
        return 0;
    const sr_token *n = &t->tokens[i];
    if (n->flags & SR_TOK_POSS) {
        static const char *const place_parts[] = {
            "AIRPORT", "CENTER", "CENTRE", "COUNTRYSIDE", "EAST", "HOSPITALS", "NORTH", "OLD",
            "OUTSKIRTS", "PEOPLE", "POPULATION", "RESIDENTS", "SOUTH", "STREETS", "SUBURBS", "WEST"};
        return !(i + 1 < end && IN_LIST(&t->tokens[i + 1], place_parts));
    }
    static const char *const speech[] = {
        "ACCUSED", "AGREED", "ANNOUNCED", "ARE", "CLAIMED", "CONFIRMED", "DECLARED", "DEMANDED",
        "DENIED", "HAS", "HAVE", "INSISTED", "INSISTS", "IS", "REJECTED", "REPLIED", "RESPONDED",
        "SAID", "SAY", "SAYS", "THREATENED", "URGED", "VOWED", "WANTED", "WANTS", "WARNED", "WAS",
        "WERE", "WILL", "WOULD"};
    return IN_LIST(n, speech);
}

/* "the Islamic State in Iraq and the Levant": a country inside the name
 * of the group, not where anything happened. */
static int inside_group_name(const sr_text *t, size_t first, size_t s)
{
    return s >= first + 3 && (is_word(&t->tokens[s - 1], "IN", 2) || is_word(&t->tokens[s - 1], "OF", 2)) &&
           is_word(&t->tokens[s - 2], "STATE", 5) && is_word(&t->tokens[s - 3], "ISLAMIC", 7);
}

/* A dateline: a city in capitals opening a sentence or following the
 * time of the story, then the story ("BEIRUT An intensifying push",
 * "MOSCOW - Some 120", "Last updated at Nov 27 2017 BEIRUT An ..."), or
 * anywhere with the agency after it ("MOSCOW (Sputnik) At the ..."). It
 * says where the story was filed, not where anything happened. */
static int dateline_word(const sr_text *t, size_t first, size_t end, size_t s, size_t e)
{
    for (size_t k = s; k < e; k++)
        if (!(t->tokens[k].flags & SR_TOK_ALLCAPS))
            return 0;
    if (e + 2 < end && is_word(&t->tokens[e], "(", 1) && (t->tokens[e + 1].flags & SR_TOK_CAP))
        return 1;
    if (s > first + 1 && !(t->tokens[s - 1].flags & SR_TOK_NUMBER))
        return 0;
    return e < t->ntokens && !(t->tokens[e].flags & SR_TOK_ALLCAPS);
}

/* ---- candidates -------------------------------------------------------- */

#define NO_COUNTRY SR_GZ_NONE16

typedef struct cand {
    size_t s, e;            /* token range */
    sr_gz_reading readings[READINGS + 1]; /* room for one in the focus country */
    size_t nreadings;
    int more;               /* the gazetteer has more readings than these */
    int cue;                /* a locative cue before it (or the list it is in) */
    char area;              /* feature an area word after it asks for, or 0 */
    int town_part;          /* "neighbourhood" after it */
    uint32_t sentence;
} cand;

static double score(const sr_gz_reading *p, const cand *c, uint16_t focus,
                    const sr_gz_reading *parent)
{
    double s = 0;
    if (p->country != NO_COUNTRY && p->country == focus)
        s += 4;
    if (parent && p->country != NO_COUNTRY && p->country == parent->country) {
        s += 2;
        if (p->admin1 != NO_COUNTRY && p->admin1 == parent->admin1)
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
    uint32_t pop = p->population;
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

/* Is the matched text a country's adjective ("Syrian"), not its name? */
static int adjective_of_country(const name_info *ni, const sr_text *t, size_t e)
{
    if (ni->readings[0].feature != SR_FEATURE_COUNTRY || ni->own_name)
        return 0;
    const sr_token *last = &t->tokens[e - 1];
    char c = last->len > 3 ? last->norm[last->len - 1] : 0;
    return c == 'N' || c == 'I' || c == 'H' || c == 'E' || c == 'S';
}

/* A place name that may be named next to another in a run of capitals,
 * as in lists written without commas ("hit Tartous Homs and Hasakeh"): a
 * division, a country, a region or a big town spelled as the gazetteer
 * spells it, not any hamlet that shares a word with a name ("Homs
 * Military Hospital") nor a town it nearly spells ("Bab Touma" is no Tema). */
static int strong_place(const name_info *ni)
{
    return ni->n && ni->exact &&
           (ni->readings[0].feature != SR_FEATURE_CITY || ni->readings[0].population >= BIG_TOWN);
}

/* Does [from, lim) hold nothing but strong places, one after another,
 * and perhaps an area word last ("Aleppo Hama Damascus Countryside")? */
static int list_of_places(const finder *f, size_t from, size_t lim)
{
    while (from < lim) {
        if (from + 1 == lim && area_word(f, from))
            return 1;
        if (particle(f, from))
            return 0;
        uint64_t h[MAX_SPAN];
        span_hashes(f, from, lim, h);
        size_t e = lim - from > MAX_SPAN ? from + MAX_SPAN : lim;
        name_info ni = {0};
        for (; e > from; e--) {
            if (particle(f, e - 1))
                continue;
            name_hashed(f, from, e, h[e - from - 1], &ni);
            if (ni.n)
                break;
        }
        if (e == from || !strong_place(&ni) ||
            (e == from + 1 && (words_of(f, from) & (W_NAME | W_COMPASS))))
            return 0;
        from = e;
    }
    return 1;
}

/* What may follow a place name (read as ni) inside its capitalized run:
 * an area word ("Idlib Province"), a country's name or adjective
 * ("Damascus Syrian ..."), or, after a strong place, more of them, as in
 * lists written without commas ("hit Tartous Homs and Hasakeh"); not a
 * word that makes the run a longer name ("Idlib Liberation Front",
 * "Fateh al-Sham Front"). */
static int clean_rest(const finder *f, const name_info *ni, size_t from, size_t lim)
{
    if (from >= lim)
        return 1;
    if (area_word(f, from))
        return 1;
    uint64_t h[MAX_SPAN];
    span_hashes(f, from, lim, h);
    name_info next;
    name_hashed(f, from, from + 1, h[0], &next);
    if (next.country != NO_COUNTRY)
        return 1;
    return strong_place(ni) && list_of_places(f, from, lim);
}

/* At the start of a sentence a capital proves nothing: only a place's own
 * name, spelled as the gazetteer has it, of a country, a province or a
 * big town, is taken there. */
static int plain_name(const name_info *ni, size_t s, size_t e)
{
    if (ni->n == 0 || e - s > 1)
        return ni->n > 0;
    if (!ni->own_name)
        return 0;
    return ni->readings[0].feature != SR_FEATURE_CITY || ni->readings[0].population >= 50000;
}

/* Are the words the name itself, Arabic articles, accents and case aside?
 * ("al-Raqqa" and "Raqqa", not "Saraqeb" and "Saraqib": a near spelling) */
static int same_spelling(const sr_text *t, size_t s, size_t e, const char *name)
{
    char a[SR_PLACE_KEY_MAX], b[SR_PLACE_KEY_MAX];
    uint32_t from = t->tokens[s].start, to = t->tokens[e - 1].end;
    sr_place_folds(t->src + from, to - from, NULL, 0, a, sizeof a);
    sr_place_folds(name, strlen(name), NULL, 0, b, sizeof b);
    return strcmp(a, b) == 0;
}

/* ---- the document's country -------------------------------------------- */

/* Weights of the evidence for the country a document is about: a country
 * named where something happens ("in Syria") says most, one named as an
 * actor ("Russia said") less; a place whose readings all lie in one
 * country, an adjective or demonym ("Syrian troops") and the country of
 * the coder's actors each add a little. */
#define VOTE_COUNTRY 2.0
#define VOTE_CUE 1.0
#define VOTE_PLACE 1.0
#define VOTE_ADJECTIVE 1.0
#define VOTE_HINT 2.0
#define MAX_VOTES 32

typedef struct votes {
    uint16_t country[MAX_VOTES];
    double w[MAX_VOTES];
    int n;
} votes;

static void vote(votes *v, uint16_t country, double w)
{
    if (country == NO_COUNTRY)
        return;
    int j = 0;
    while (j < v->n && v->country[j] != country)
        j++;
    if (j == v->n) {
        if (v->n == MAX_VOTES)
            return;
        v->country[v->n] = country;
        v->w[v->n++] = 0;
    }
    v->w[j] += w;
}

static void vote_candidate(votes *v, const cand *c)
{
    const sr_gz_reading *p = &c->readings[0];
    if (p->feature == SR_FEATURE_COUNTRY) {
        vote(v, p->country, VOTE_COUNTRY + (c->cue ? VOTE_CUE : 0));
        return;
    }
    if (c->more)
        return; /* read in too many places to say */
    for (size_t r = 1; r < c->nreadings; r++)
        if (c->readings[r].country != p->country)
            return; /* uncertain: Tripoli, Lebanon or Libya */
    vote(v, p->country, VOTE_PLACE + (c->cue ? VOTE_CUE : 0));
}

/* The country with most weight; the first to reach it on a tie. */
static uint16_t elect(const votes *v)
{
    double best = 0;
    uint16_t focus = NO_COUNTRY;
    for (int j = 0; j < v->n; j++)
        if (v->w[j] > best) {
            best = v->w[j];
            focus = v->country[j];
        }
    return focus;
}

/* A name read in more countries than were kept ("Al-Bara": Sudan,
 * Nigeria, Romania, ... and Syria) gets its reading in the document's
 * country, if it has one, before the readings are weighed. */
static void add_focus_reading(const sr_gazetteer *g, const sr_text *t, cand *c, uint16_t focus)
{
    if (!c->more || focus == NO_COUNTRY)
        return;
    for (size_t r = 0; r < c->nreadings; r++)
        if (c->readings[r].country == focus)
            return;
    uint32_t a = t->tokens[c->s].start, b = t->tokens[c->e - 1].end;
    if (sr_gz_ask_in(g, t->src + a, b - a, focus, &c->readings[c->nreadings]))
        c->nreadings++;
}

/* ---- the search --------------------------------------------------------- */

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

/* Is token i a capitalized word that may be part of a name? Asked of
 * every token: the flags of a lower-case word answer it. */
static inline int name_token(const finder *f, size_t i)
{
    const sr_token *tk = &f->t->tokens[i];
    /* "’s": its first byte is not ASCII, which capitalized_inside takes
     * for a capital; a possessive is never part of a name */
    if (tk->flags & SR_TOK_POSS)
        return 0;
    if (!(tk->flags & SR_TOK_CAP) && !capitalized(f->t, tk))
        return 0;
    return (tk->flags & SR_TOK_WORD) && !(words_of(f, i) & W_STOP);
}

int sr_places_find_hinted(const sr_gazetteer *g, sr_place_cache *cache, const sr_text *t,
                          const char *country_hint, sr_arena *arena, sr_place_mention **out,
                          size_t *n)
{
    *out = NULL;
    *n = 0;
    if (!g || !t || t->ntokens == 0)
        return 0;
    finder fd = {g, cache, t, sr_arena_calloc(arena, t->ntokens, sizeof(uint16_t))};
    const finder *f = &fd;
    cand *cs = sr_arena_alloc(arena, sizeof *cs * 16);
    size_t ncs = 0, cap = 16;
    votes v = {.n = 0};

    for (size_t si = 0; si < t->nsentences; si++) {
        const sr_sentence *sn = &t->sentences[si];
        size_t first = sn->first, end = sn->first + sn->ntokens;
        int list_cue = 0; /* a cue carried along a list of places */
        for (size_t i = first; i < end;) {
            const sr_token *tk = &t->tokens[i];
            if (!name_token(f, i)) {
                if (list_cue && !list_joiner(tk))
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
            size_t lim = i + 1;
            while (lim < end && (name_token(f, lim) || particle(f, lim)))
                lim++;
            while (lim > i + 1 && particle(f, lim - 1))
                lim--;
            size_t best_e = 0, asked_e = 0;
            name_info ni = {0};
            uint64_t h[MAX_SPAN];
            span_hashes(f, i, lim, h);
            for (size_t e = lim - i > MAX_SPAN ? i + MAX_SPAN : lim; e > i; e--) {
                if (particle(f, e - 1))
                    continue;
                name_hashed(f, i, e, h[e - i - 1], &ni);
                asked_e = e;
                if (ni.n) {
                    best_e = e;
                    break;
                }
            }
            uint8_t words = words_of(f, i);
            if (best_e == i + 1 && (words & (W_NAME | W_COMPASS)))
                best_e = 0;
            if (!best_e && lim > i + 1 && tk->len > 3 && tk->norm[tk->len - 1] == 'S') {
                /* "Syrias Aleppo": a possessive whose apostrophe was lost */
                name_info owner;
                sr_gz_ask(g, t->src + tk->start, tk->end - tk->start - 1, &owner);
                if (owner.country != NO_COUNTRY) {
                    vote(&v, owner.country, VOTE_ADJECTIVE);
                    i++;
                    continue;
                }
            }
            if (!best_e) {
                if (asked_e != i + 1)
                    name_hashed(f, i, i + 1, h[0], &ni);
                vote(&v, ni.country, VOTE_ADJECTIVE); /* "Syrians" */
                list_cue = 0;
                i = lim;
                continue;
            }
            const sr_gz_reading *first_reading = &ni.readings[0];
            if (best_e < lim && first_reading->feature == SR_FEATURE_COUNTRY) {
                vote(&v, first_reading->country, VOTE_ADJECTIVE);
                i = best_e; /* "Syrias Aleppo": the country, then a place of its own */
                continue;
            }
            if (dateline_word(t, first, end, i, best_e)) {
                i = best_e; /* "MOSCOW - ...": where the story was filed */
                continue;
            }
            if (!clean_rest(f, &ni, best_e, lim)) {
                list_cue = 0;
                i = lim;
                continue;
            }
            if (i == first && !plain_name(&ni, i, best_e)) {
                i = best_e; /* "Over the course", "Car bombs", "Amid the talks" */
                continue;
            }
            if (first_reading->feature == SR_FEATURE_COUNTRY && t->tokens[i].len <= 3 &&
                best_e == i + 1 && !(t->tokens[i].flags & SR_TOK_ALLCAPS)) {
                i = best_e; /* "Car bombs" is no Central African Republic */
                continue;
            }
            if (best_e == i + 1 && first_reading->feature != SR_FEATURE_COUNTRY &&
                ni.country != NO_COUNTRY) {
                vote(&v, ni.country, VOTE_ADJECTIVE);
                i = best_e; /* "in English", "Syrian": a people, not a town */
                continue;
            }
            if (adjective_of_country(&ni, t, best_e)) {
                vote(&v, first_reading->country, VOTE_ADJECTIVE);
                i = best_e;
                continue;
            }
            int cue = list_cue || (i > first && (locative_cue(f, i - 1) ||
                                                 (i > first + 1 && is_word(&t->tokens[i - 1], "THE", 3) &&
                                                  locative_cue(f, i - 2))));
            if (!cue && stands_for_actor(t, best_e, end)) {
                i = best_e;
                continue;
            }
            if (cue && inside_group_name(t, first, i)) {
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
            c->town_part = 0;
            c->sentence = (uint32_t)si;
            if (best_e < end) {
                c->area = area_word(f, best_e);
                c->town_part = (words_of(f, best_e) & W_TOWN_PART) != 0;
            }
            memcpy(c->readings, ni.readings, ni.n * sizeof ni.readings[0]);
            c->nreadings = ni.n;
            c->more = ni.more;
            vote_candidate(&v, c);
            list_cue = cue;
            i = best_e;
        }
    }

    /* the document's country */
    if (country_hint && strlen(country_hint) == 2)
        vote(&v, sr_gz_country_index(g, country_hint, 2), VOTE_HINT);
    uint16_t focus = elect(&v);

    sr_place_mention *ms = sr_arena_alloc(arena, sizeof *ms * (ncs + 1));
    size_t nm = 0;
    for (size_t k = 0; k < ncs; k++) {
        cand *c = &cs[k];
        /* a parent named right after it: "Saraqeb, Idlib" / "in Idlib
         * province's Saraqeb" are left to the focus; the next candidate in
         * the same sentence when it is an admin1 */
        add_focus_reading(g, t, c, focus);
        const sr_gz_reading *parent = NULL;
        if (k + 1 < ncs && cs[k + 1].sentence == c->sentence && cs[k + 1].s <= c->e + 2 &&
            cs[k + 1].readings[0].feature == SR_FEATURE_ADMIN1)
            parent = &cs[k + 1].readings[0];
        size_t best = 0;
        double best_score = -1, second = -1;
        for (size_t r = 0; r < c->nreadings; r++) {
            double sc = score(&c->readings[r], c, focus, parent);
            if (sc > best_score) {
                second = best_score;
                best_score = sc;
                best = r;
            } else if (sc > second) {
                second = sc;
            }
        }
        const sr_gz_reading *p = &c->readings[best];
        int at_home = p->country != NO_COUNTRY && p->country == focus;
        int abroad = focus != NO_COUNTRY && !at_home;
        /* small places need a reason to be believed */
        int bare = !c->cue && !c->area && c->e - c->s == 1;
        const sr_token *first_tk = &t->tokens[c->s];
        if (c->e - c->s == 1 && (first_tk->flags & SR_TOK_ALLCAPS) && first_tk->len <= 5 &&
            p->feature != SR_FEATURE_COUNTRY)
            continue; /* "SANA", "U.N.": agencies and acronyms */
        if (!c->cue && abroad && p->feature == SR_FEATURE_CITY && p->population < 200000)
            continue; /* a small town abroad named with no cue is likely a name */
        sr_place place;
        sr_gz_place(g, p->entry, &place);
        if (abroad && !same_spelling(t, c->s, c->e, place.name))
            continue; /* a near spelling abroad: "Division" is no Davison */
        if (abroad && p->feature == SR_FEATURE_CITY && p->population < SMALL_ABROAD)
            continue; /* a village abroad is more likely a word or a name here */
        if (abroad && c->town_part)
            continue; /* "the Alexandria neighbourhood" of a town at home */
        if (bare && p->feature == SR_FEATURE_CITY && p->population < MIN_POP_BARE && !at_home)
            continue;
        if (bare && p->feature == SR_FEATURE_CITY && p->population < 1000)
            continue;
        sr_place_mention *m = &ms[nm++];
        m->start = t->tokens[c->s].start;
        m->end = t->tokens[c->e - 1].end;
        m->sentence = c->sentence;
        m->place = place;
        m->cue = NULL;
        if (c->s > t->sentences[c->sentence].first && locative_cue(f, c->s - 1))
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
