/*
 * gen_store: a store of N synthetic events for benchmarks (bench/store.sh)
 * and for trying query plans on realistic volumes.
 *
 *   gen_store -o FILE [-n EVENTS] [--seed S] [--cameo FILE] [--index SQL]...
 *             [--analyze] [-q]
 *
 * The store is created by sr_store_open, so the tables and indexes are
 * exactly those of src/store/schema.c. What goes in imitates a year of
 * conflict news: about 200 actor codes (20 countries by 10 sectors, with
 * Syria, Russia and Turkey most frequent), CAMEO codes over every root
 * weighted as in conflict reporting (fighting, statements, meetings),
 * dates over 2018 with a few undated and month-precision events, about
 * 500 places, 40 outlets, documents of a dozen sentences whose text holds
 * every event's sentence (and so its spans), figures, quotes and labels.
 * Reports of the same real-world event (same actors, root and place, the
 * same day or the next) share an event group, as ingest groups them.
 *
 * Speed: the rows are written in one transaction with the journal off
 * and the indexes dropped, then the schema's CREATE INDEX statements are
 * run again over the full tables (a sort each, instead of a million
 * random B-tree inserts), and the file is switched to WAL as ingest
 * leaves it. Foreign keys are not checked while loading: the rows are
 * consistent by construction.
 *
 * --index SQL adds an index of one's own (for plan experiments);
 * --analyze runs ANALYZE at the end (stores from ingest have no
 * statistics, so benchmarks run without them by default).
 */
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/cameo.h"
#include "sitrep/store.h"
#include "store/store_internal.h"
#include "util/buf.h"
#include "util/sha256.h"

static const char usage[] =
    "usage: gen_store -o FILE [-n EVENTS] [--seed S] [--cameo FILE] [--index SQL]...\n"
    "                 [--analyze] [-q]\n"
    "\n"
    "Create a sitrep store of EVENTS synthetic events (default 1000000) over\n"
    "2018: documents, sentences (full-text indexed), actors, places, events,\n"
    "event groups, figures, quotes and labels. FILE must not exist.\n"
    "  --cameo FILE   the CAMEO code list (default data/cameo/cameo_codes.tsv)\n"
    "  --index SQL    an extra CREATE INDEX statement (repeatable)\n"
    "  --analyze      run ANALYZE at the end\n"
    "  --seed S       random seed (default 1): the same seed, the same store\n";

/* ---- randomness: splitmix64, one state per run ------------------------------ */

typedef struct rng {
    uint64_t s;
} rng;

static uint64_t rnd(rng *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static unsigned rnd_below(rng *r, unsigned n)
{
    return (unsigned)(rnd(r) % n);
}

static double rnd01(rng *r)
{
    return (double)(rnd(r) >> 11) / 9007199254740992.0;
}

/* Pick an index by weight: cum[i] is the running sum of weights. */
static size_t pick(rng *r, const double *cum, size_t n)
{
    double x = rnd01(r) * cum[n - 1];
    size_t lo = 0, hi = n - 1;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (cum[mid] > x)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* ---- vocabulary (facts: country codes, CAMEO roots, place names) ------------ */

typedef struct country {
    const char *code, *adjective, *noun;
    double weight;
} country;

static const country countries[] = {
    {"SYR", "Syrian", "Syria", 40},   {"RUS", "Russian", "Russia", 10},
    {"TUR", "Turkish", "Turkey", 10}, {"USA", "American", "the United States", 6},
    {"IRN", "Iranian", "Iran", 5},    {"IRQ", "Iraqi", "Iraq", 4},
    {"ISR", "Israeli", "Israel", 3},  {"LBN", "Lebanese", "Lebanon", 3},
    {"JOR", "Jordanian", "Jordan", 2},{"SAU", "Saudi", "Saudi Arabia", 2},
    {"QAT", "Qatari", "Qatar", 1},    {"ARE", "Emirati", "the UAE", 1},
    {"EGY", "Egyptian", "Egypt", 1},  {"FRA", "French", "France", 1},
    {"GBR", "British", "Britain", 1}, {"DEU", "German", "Germany", 1},
    {"CHN", "Chinese", "China", 0.5}, {"UKR", "Ukrainian", "Ukraine", 0.5},
    {"KWT", "Kuwaiti", "Kuwait", 0.3},{"AZE", "Azerbaijani", "Azerbaijan", 0.2}};
enum { NCOUNTRIES = sizeof countries / sizeof countries[0] };

typedef struct sector {
    const char *code;
    const char *names[3];
    double weight;
} sector;

static const sector sectors[] = {
    {"", {"%s authorities", "%s officials", "%s sources"}, 3},
    {"GOV", {"the %s government", "%s ministers", "the %s foreign ministry"}, 6},
    {"MIL", {"%s troops", "%s forces", "the %s army"}, 8},
    {"REB", {"%s rebels", "%s insurgents", "%s opposition fighters"}, 5},
    {"CVL", {"%s civilians", "%s residents", "%s villagers"}, 4},
    {"OPP", {"the %s opposition", "%s opposition leaders", "%s dissidents"}, 2},
    {"MED", {"%s media", "%s state television", "%s journalists"}, 1.5},
    {"BUS", {"%s businessmen", "%s traders", "%s companies"}, 0.8},
    {"JUD", {"%s judges", "a %s court", "%s prosecutors"}, 0.5},
    {"REF", {"%s refugees", "displaced %s families", "%s refugees in camps"}, 1.2}};
enum { NSECTORS = sizeof sectors / sizeof sectors[0] };
enum { NACTORS = NCOUNTRIES * NSECTORS };

typedef struct root_info {
    const char *root;
    double weight;
    const char *verbs[3];
} root_info;

/* How often each root turns up in conflict reporting, roughly. */
static const root_info roots[] = {
    {"01", 6, {"said of", "commented on", "spoke about"}},
    {"02", 4, {"appealed to", "called on", "urged"}},
    {"03", 4, {"pledged support to", "promised to help", "offered talks to"}},
    {"04", 10, {"met", "held talks with", "discussed the crisis with"}},
    {"05", 3, {"praised", "thanked", "welcomed"}},
    {"06", 2, {"cooperated with", "worked with", "shared intelligence with"}},
    {"07", 3, {"sent aid to", "delivered supplies to", "evacuated"}},
    {"08", 3, {"agreed a truce with", "released prisoners to", "withdrew from"}},
    {"09", 1, {"investigated", "inquired into", "probed"}},
    {"10", 3, {"demanded that", "pressed", "insisted to"}},
    {"11", 6, {"accused", "criticized", "condemned"}},
    {"12", 3, {"rejected", "refused", "dismissed"}},
    {"13", 4, {"threatened", "warned", "vowed to strike"}},
    {"14", 3, {"protested against", "demonstrated against", "rallied against"}},
    {"15", 2, {"mobilized against", "deployed against", "raised alert against"}},
    {"16", 2, {"cut ties with", "expelled", "sanctioned"}},
    {"17", 4, {"arrested", "detained", "besieged"}},
    {"18", 6, {"assaulted", "abducted", "ambushed"}},
    {"19", 16, {"shelled", "attacked", "bombed"}},
    {"20", 1, {"massacred", "carpet-bombed", "gassed"}}};
enum { NROOTS = sizeof roots / sizeof roots[0] };

typedef struct base_place {
    const char *name;
    double lat, lon;
} base_place;

static const base_place base_places[] = {
    {"Aleppo", 36.2021, 37.1343},    {"Damascus", 33.5102, 36.2913},  {"Homs", 34.7268, 36.7234},
    {"Hama", 35.1318, 36.7578},      {"Idlib", 35.9306, 36.6339},     {"Latakia", 35.5317, 35.7901},
    {"Raqqa", 35.9528, 39.0079},     {"Deir ez-Zor", 35.3359, 40.1408}, {"Daraa", 32.6189, 36.1021},
    {"Tartus", 34.8890, 35.8866},    {"Qamishli", 37.0522, 41.2311},  {"Manbij", 36.5281, 37.9549},
    {"Afrin", 36.5119, 36.8696},     {"Kobani", 36.8910, 38.3534},    {"Douma", 33.5711, 36.4018},
    {"Ghouta", 33.5300, 36.4200},    {"Palmyra", 34.5503, 38.2691},   {"Khan Shaykhun", 35.4417, 36.6511},
    {"Maarat al-Numan", 35.6439, 36.6739}, {"Saraqib", 35.8644, 36.8006}, {"Jisr al-Shughur", 35.8126, 36.3197},
    {"Al-Bab", 36.3706, 37.5156},    {"Azaz", 36.5866, 37.0446},      {"Jarabulus", 36.8175, 38.0113},
    {"Tal Abyad", 36.6975, 38.9567}, {"Ras al-Ain", 36.8503, 40.0706}, {"Hasakah", 36.5024, 40.7477},
    {"Quneitra", 33.1256, 35.8244},  {"Suwayda", 32.7089, 36.5695},   {"Baniyas", 35.1822, 35.9403},
    {"Al-Mayadin", 35.0199, 40.4514},{"Abu Kamal", 34.4506, 40.9186}, {"Tabqa", 35.8356, 38.5481},
    {"Ariha", 35.8136, 36.6097},     {"Salqin", 36.1378, 36.4517},    {"Kafr Nabl", 35.6136, 36.5611},
    {"Harasta", 33.5586, 36.3653},   {"Zabadani", 33.7247, 36.1003},  {"Yarmouk", 33.4736, 36.3036},
    {"Rastan", 34.9267, 36.7324}};
enum { NBASE_PLACES = sizeof base_places / sizeof base_places[0] };

static const char *const place_heads[] = {"Tall", "Kafr", "Ain", "Jabal", "Deir", "Khirbet",
                                          "Maarat", "Bab", "Ras", "Beit", "Qasr", "Umm"};
static const char *const place_tails[] = {"Hamra", "Nabi", "Sultan", "Zeit", "Abyad", "Shams",
                                          "Tuffah", "Karim", "Jaber", "Salam", "Nour", "Rumman",
                                          "Asad", "Batin", "Dahab", "Hilal", "Ward", "Qamar",
                                          "Sabil", "Tahta", "Fawqa", "Jadida", "Kabir",
                                          "Saghir", "Sharqi", "Gharbi", "Shimali", "Janubi",
                                          "Qadim", "Wadi", "Hajar", "Bayda", "Sawda", "Khadra",
                                          "Rahma", "Amal", "Yasmin", "Zahra", "Fajr"};
static const char *const governorates[] = {"Aleppo", "Idlib", "Hama", "Homs", "Damascus",
                                           "Rif Dimashq", "Latakia", "Tartus", "Raqqa",
                                           "Deir ez-Zor", "Hasakah", "Daraa", "Suwayda",
                                           "Quneitra"};
enum { NPLACES = 500 };

static const char *const outlet_names[] = {
    "Reuters", "AFP", "AP", "Al Jazeera", "SANA", "Syrian Observatory", "Anadolu", "TASS",
    "RIA Novosti", "BBC", "The Guardian", "New York Times", "Washington Post", "Al-Monitor",
    "Asharq Al-Awsat", "Al Arabiya", "Enab Baladi", "Syria Direct", "Middle East Eye",
    "The National", "Daily Sabah", "Hurriyet", "Sputnik", "RT", "Xinhua", "France 24", "DW",
    "Le Monde", "Haaretz", "Times of Israel", "Rudaw", "Kurdistan 24", "Hawar News", "Orient News",
    "Step News", "Qasioun", "Al-Watan", "Tishreen", "Press TV", "Fars"};
enum { NOUTLETS = sizeof outlet_names / sizeof outlet_names[0] };

static const char *const weekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday",
                                       "Friday", "Saturday", "Sunday"};
static const char *const attributions[] = {
    "a monitor said", "residents said", "state media reported", "activists said",
    "officials said", "according to witnesses", "a spokesman said", "local sources said"};
static const char *const fillers[] = {
    "The situation remained tense across the area, according to local sources.",
    "There was no immediate comment from the authorities.",
    "The reports could not be independently verified.",
    "Talks on a political settlement have stalled for months.",
    "Aid agencies warned of a worsening humanitarian situation.",
    "Thousands of families have fled the fighting since the start of the year.",
    "Prices of bread and fuel have risen sharply in recent weeks.",
    "The United Nations called for restraint on all sides."};
static const char *const label_words[] = {"rebels", "terrorists", "militants", "jihadists",
                                          "insurgents", "opposition fighters", "extremists"};
static const char *const figure_categories[] = {"killed", "injured", "displaced", "detained"};
static const char *const quote_lines[] = {
    "We will not allow this to continue", "Our forces are ready to respond",
    "The attacks on civilians must stop", "There will be no negotiations under fire",
    "We call on the international community to act", "The ceasefire is holding for now"};

/* ---- the model ------------------------------------------------------------- */

typedef struct actor {
    char code[8];
    char names[3][64];
} actor;

typedef struct place {
    char name[48];
    double lat, lon;
    int64_t geonameid;
    const char *admin1;
} place;

typedef struct cameo_code {
    char code[5];
    const sr_cameo_info *info;
} cameo_code;

/* A real-world event: the reports of it share its group. */
typedef struct world_event {
    int src, tgt;        /* actor indexes; tgt -1: none */
    int root, code;      /* indexes into roots and the root's codes */
    int place;           /* -1: none */
    int day;
    int64_t key;         /* the first report's mention key: the group id */
    int mentions, articles;
    uint64_t outlets;    /* bit per outlet */
    int last_doc;
} world_event;

typedef struct gen {
    rng r;
    sqlite3 *db;
    actor actors[NACTORS];
    double actor_cum[NACTORS];
    double root_cum[NROOTS];
    cameo_code *codes[NROOTS];
    size_t ncodes[NROOTS];
    place places[NPLACES];
    double place_cum[NPLACES];
    double outlet_cum[NOUTLETS];
    world_event *events;
    size_t nevents, capevents;
    size_t *day_pool[366];
    size_t nday_pool[366], capday_pool[366];
    char days[365][11];
    sqlite3_stmt *st[9];
    int64_t next_sentence, next_actor, next_place, next_event;
    long long nrows;
} gen;

enum { S_DOC, S_SENT, S_FTS, S_ACTOR, S_PLACE, S_EVENT, S_FIGURE, S_QUOTE, S_LABEL };

static const char *const insert_sql[] = {
    [S_DOC] = "INSERT INTO documents (id, hash, doc_key, outlet, url, title, published,"
              " date_source, main_place, path, line, text, ingested_at)"
              " VALUES (?,?,?,?,?,?,?,'metadata',?,'gen_store',?,?,'2019-01-01T00:00:00Z')",
    [S_SENT] = "INSERT INTO sentences (id, doc_id, idx, start, end) VALUES (?,?,?,?,?)",
    [S_FTS] = "INSERT INTO sentence_fts (rowid, text) VALUES (?,?)",
    [S_ACTOR] = "INSERT INTO actors (id, doc_id, start, end, text, code) VALUES (?,?,?,?,?,?)",
    [S_PLACE] = "INSERT INTO places (id, doc_id, start, end, text, name, lat, lon, country,"
                " country3, admin1, geonameid, feature, precision)"
                " VALUES (?,?,?,?,?,?,?,?,'SY','SYR',?,?,'city','town')",
    [S_EVENT] = "INSERT INTO events (id, doc_id, sentence_id, sentence, start, end,"
                " source_code, source_text, source_id, target_code, target_text, target_id,"
                " cameo, root, quad_class, goldstein, plover_type, plover_mode, mood,"
                " verb_text, verb_start, verb_end, pattern, place_id, place_from, date,"
                " date_text, date_precision, date_source, mention_key, group_id)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'asserted',?,?,?,?,?,?,?,?,?,?,?,?)",
    [S_FIGURE] = "INSERT INTO figures (doc_id, sentence, start, end, figure_text, low, high,"
                 " qualifier, category, unit_text, claimant_code, claimant_text, subject,"
                 " place_words, place_id, place_from, date, date_precision, date_source)"
                 " VALUES (?,?,?,?,?,?,?,?,?,'civilians',?,?,'civilians',?,?,'sentence',?,"
                 "'day','metadata')",
    [S_QUOTE] = "INSERT INTO quotes (doc_id, sentence, start, end, quote, parts, direct,"
                " speaker_text, speaker_code, speaker_id, cue_text)"
                " VALUES (?,?,?,?,?,?,1,?,?,?,'said')",
    [S_LABEL] = "INSERT INTO labels (doc_id, sentence, start, end, word, actor_code)"
                " VALUES (?,?,?,?,?,?)"};

static void die(gen *g, const char *what)
{
    fprintf(stderr, "gen_store: %s: %s\n", what, g->db ? sqlite3_errmsg(g->db) : "?");
    exit(3);
}

static void run(gen *g, sqlite3_stmt *st)
{
    if (sqlite3_step(st) != SQLITE_DONE)
        die(g, "insert");
    sqlite3_reset(st);
    g->nrows++;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
    if (s)
        sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(st, i);
}

static void build_cum(double *cum, const double *w, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        cum[i] = sum += w[i];
}

static void setup_actors(gen *g)
{
    double w[NACTORS];
    for (int c = 0; c < NCOUNTRIES; c++)
        for (int s = 0; s < NSECTORS; s++) {
            actor *a = &g->actors[c * NSECTORS + s];
            snprintf(a->code, sizeof a->code, "%s%s", countries[c].code, sectors[s].code);
            for (int k = 0; k < 3; k++)
                snprintf(a->names[k], sizeof a->names[k], sectors[s].names[k],
                         countries[c].adjective);
            w[c * NSECTORS + s] = countries[c].weight * sectors[s].weight;
        }
    build_cum(g->actor_cum, w, NACTORS);
}

static void setup_codes(gen *g, const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "gen_store: %s: cannot open the CAMEO code list (--cameo)\n", path);
        exit(2);
    }
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char code[8];
        if (sscanf(line, "%7[0-9]", code) != 1 || strlen(code) < 3)
            continue; /* the two-digit root lines are categories, not event codes */
        const sr_cameo_info *info = sr_cameo_lookup(code);
        if (!info)
            continue;
        for (int r = 0; r < NROOTS; r++)
            if (strncmp(code, roots[r].root, 2) == 0) {
                cameo_code *grown = realloc(g->codes[r], (g->ncodes[r] + 1) * sizeof *grown);
                if (!grown)
                    abort();
                g->codes[r] = grown;
                snprintf(grown[g->ncodes[r]].code, sizeof grown->code, "%s", code);
                grown[g->ncodes[r]].info = info;
                g->ncodes[r]++;
            }
    }
    fclose(f);
    double w[NROOTS];
    for (int r = 0; r < NROOTS; r++) {
        if (g->ncodes[r] == 0) {
            fprintf(stderr, "gen_store: %s: no codes of root %s\n", path, roots[r].root);
            exit(2);
        }
        w[r] = roots[r].weight;
    }
    build_cum(g->root_cum, w, NROOTS);
}

static void setup_places(gen *g)
{
    double w[NPLACES];
    size_t nh = sizeof place_heads / sizeof *place_heads;
    size_t nt = sizeof place_tails / sizeof *place_tails;
    for (int i = 0; i < NPLACES; i++) {
        place *p = &g->places[i];
        if (i < NBASE_PLACES) {
            snprintf(p->name, sizeof p->name, "%s", base_places[i].name);
            p->lat = base_places[i].lat;
            p->lon = base_places[i].lon;
            w[i] = 30.0 / (1 + i * 0.15); /* the cities named most */
        } else {
            int k = i - NBASE_PLACES;
            snprintf(p->name, sizeof p->name, "%s %s", place_heads[k % nh],
                     place_tails[(k / nh) % nt]);
            if (k >= (int)(nh * nt))
                snprintf(p->name + strlen(p->name), sizeof p->name - strlen(p->name), " %d",
                         k / (int)(nh * nt));
            p->lat = 32.4 + rnd01(&g->r) * 4.8;
            p->lon = 35.8 + rnd01(&g->r) * 6.4;
            w[i] = 1.0;
        }
        p->geonameid = 160000 + i * 37;
        p->admin1 = governorates[i % (sizeof governorates / sizeof *governorates)];
    }
    build_cum(g->place_cum, w, NPLACES);
    double ow[NOUTLETS];
    for (int i = 0; i < NOUTLETS; i++)
        ow[i] = 10.0 / (1 + i * 0.3);
    build_cum(g->outlet_cum, ow, NOUTLETS);
    /* the days of 2018 */
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    for (int d = 0; d < 365; d++) {
        tm.tm_year = 118;
        tm.tm_mon = 0;
        tm.tm_mday = 1 + d;
        tm.tm_hour = 12;
        time_t t = timegm(&tm);
        struct tm out;
        gmtime_r(&t, &out);
        strftime(g->days[d], sizeof g->days[d], "%Y-%m-%d", &out);
    }
}

/* ---- one document ---------------------------------------------------------- */

/* A new real-world event on day, or (often) one already reported that day
 * or the day before: another outlet's report of it. */
static size_t choose_event(gen *g, int day, int doc)
{
    for (int back = 0; back <= 1; back++) {
        int d = day - back;
        if (d >= 0 && g->nday_pool[d] && rnd01(&g->r) < (back ? 0.15 : 0.35)) {
            size_t i = g->day_pool[d][rnd_below(&g->r, (unsigned)g->nday_pool[d])];
            world_event *w = &g->events[i];
            if (w->last_doc != doc) { /* a document reports an event once */
                w->last_doc = doc;
                w->articles++;
                return i;
            }
        }
    }
    if (g->nevents == g->capevents) {
        g->capevents = g->capevents ? 2 * g->capevents : 1 << 16;
        g->events = realloc(g->events, g->capevents * sizeof *g->events);
        if (!g->events)
            abort();
    }
    world_event *w = &g->events[g->nevents];
    memset(w, 0, sizeof *w);
    w->src = (int)pick(&g->r, g->actor_cum, NACTORS);
    do
        w->tgt = rnd01(&g->r) < 0.15 ? -1 : (int)pick(&g->r, g->actor_cum, NACTORS);
    while (w->tgt == w->src);
    w->root = (int)pick(&g->r, g->root_cum, NROOTS);
    w->code = (int)rnd_below(&g->r, (unsigned)g->ncodes[w->root]);
    w->place = rnd01(&g->r) < 0.25 ? -1 : (int)pick(&g->r, g->place_cum, NPLACES);
    w->day = day;
    w->key = (int64_t)((rnd(&g->r) >> 3) | (1ull << 59)); /* room above it for the later reports */
    w->last_doc = doc;
    w->articles = 1;
    if (g->nday_pool[day] == g->capday_pool[day]) {
        g->capday_pool[day] = g->capday_pool[day] ? 2 * g->capday_pool[day] : 256;
        g->day_pool[day] = realloc(g->day_pool[day], g->capday_pool[day] * sizeof(size_t));
        if (!g->day_pool[day])
            abort();
    }
    g->day_pool[day][g->nday_pool[day]++] = g->nevents;
    return g->nevents++;
}

typedef struct span {
    size_t start, end;
} span;

static span put(sr_buf *b, const char *s)
{
    span sp = {b->len, 0};
    sr_buf_puts(b, s);
    sp.end = b->len;
    return sp;
}

/* A sentence begins with a capital even when the name does not. */
static span put_capitalized(sr_buf *b, const char *s)
{
    span sp = put(b, s);
    if (b->data[sp.start] >= 'a' && b->data[sp.start] <= 'z')
        b->data[sp.start] = (char)(b->data[sp.start] - 'a' + 'A');
    return sp;
}

/* What a document's sentences carry, kept until its text is complete and
 * its row written (rows point at the document). */
typedef struct pending_event {
    size_t w;            /* index into g->events (which may move while the document grows) */
    int sentence;
    span sent, src, tgt, verb, place;
    int tgt_name, src_name;
    int code, month_precision, undated, day;
    int64_t key;
} pending_event;

typedef struct pending_sentence {
    span sp;
} pending_sentence;

/* An actor mention: its text is the span of the document's text. */
static int64_t write_actor(gen *g, int64_t doc, span sp, const char *doc_text, const char *code)
{
    sqlite3_stmt *st = g->st[S_ACTOR];
    int64_t id = ++g->next_actor;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, doc);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)sp.start);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)sp.end);
    sqlite3_bind_text(st, 5, doc_text + sp.start, (int)(sp.end - sp.start), SQLITE_TRANSIENT);
    bind_text(st, 6, code);
    run(g, st);
    return id;
}

static int64_t write_place(gen *g, int64_t doc, span sp, const place *p)
{
    sqlite3_stmt *st = g->st[S_PLACE];
    int64_t id = ++g->next_place;
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, doc);
    sqlite3_bind_int64(st, 3, (sqlite3_int64)sp.start);
    sqlite3_bind_int64(st, 4, (sqlite3_int64)sp.end);
    bind_text(st, 5, p->name);
    bind_text(st, 6, p->name);
    sqlite3_bind_double(st, 7, p->lat);
    sqlite3_bind_double(st, 8, p->lon);
    bind_text(st, 9, p->admin1);
    sqlite3_bind_int64(st, 10, p->geonameid);
    run(g, st);
    return id;
}

/* One document of about `want` events on day; returns the events written. */
static int write_document(gen *g, int64_t doc, int day, int want, sr_buf *text,
                          pending_event *pe, pending_sentence *ps)
{
    rng *r = &g->r;
    sr_buf_reset(text);
    int outlet = (int)pick(r, g->outlet_cum, NOUTLETS);
    int npe = 0, nps = 0;
    int hot_place = (int)pick(r, g->place_cum, NPLACES);
    int figure_sentence = -1, quote_sentence = -1, label_sentence = -1;
    span figure_span = {0, 0}, figure_place = {0, 0}, quote_span = {0, 0}, speaker_span = {0, 0},
         label_span = {0, 0};
    int quote_speaker = 0, figure_value = 0, label_actor = 0, label_word = 0;
    const char *figure_category = NULL;

    while (npe < want) {
        int sentence = nps;
        if (nps)
            sr_buf_putc(text, ' ');
        size_t sent_start = text->len;
        /* a filler now and then, one figure, one quote, else events */
        double roll = rnd01(r);
        if (nps > 0 && roll < 0.15) {
            put(text, fillers[rnd_below(r, sizeof fillers / sizeof *fillers)]);
        } else if (figure_sentence < 0 && nps > 0 && roll < 0.30) {
            figure_sentence = sentence;
            figure_value = 3 + (int)rnd_below(r, 60);
            figure_category = figure_categories[rnd_below(r, 4)];
            char num[32];
            snprintf(num, sizeof num, "At least %d", figure_value);
            figure_span = put(text, num);
            sr_buf_printf(text, " civilians were %s in ", figure_category);
            figure_place = put(text, g->places[hot_place].name);
            put(text, ", the Syrian Observatory for Human Rights said.");
        } else if (quote_sentence < 0 && nps > 0 && roll < 0.42) {
            quote_sentence = sentence;
            quote_speaker = (int)pick(r, g->actor_cum, NACTORS);
            sr_buf_puts(text, "\xe2\x80\x9c");
            quote_span = put(text, quote_lines[rnd_below(r, sizeof quote_lines / sizeof *quote_lines)]);
            sr_buf_puts(text, ",\xe2\x80\x9d said ");
            speaker_span = put(text, g->actors[quote_speaker].names[rnd_below(r, 3)]);
            sr_buf_putc(text, '.');
        } else if (label_sentence < 0 && nps > 0 && roll < 0.50) {
            label_sentence = sentence;
            label_actor = (int)pick(r, g->actor_cum, NACTORS);
            label_word = (int)rnd_below(r, sizeof label_words / sizeof *label_words);
            put(text, "Fighting continued as ");
            label_span = put(text, label_words[label_word]);
            put(text, " held their positions.");
        } else {
            /* one or two events in the sentence */
            int n = (want - npe >= 2 && rnd01(r) < 0.2) ? 2 : 1;
            for (int k = 0; k < n; k++) {
                pending_event *e = &pe[npe++];
                memset(e, 0, sizeof *e);
                e->w = choose_event(g, day, (int)doc);
                const world_event *w = &g->events[e->w];
                e->sentence = sentence;
                e->src_name = (int)rnd_below(r, 3);
                e->tgt_name = (int)rnd_below(r, 3);
                /* most reports code the event alike; some pick a sibling code */
                e->code = rnd01(r) < 0.8 ? w->code : (int)rnd_below(r, (unsigned)g->ncodes[w->root]);
                double u = rnd01(r);
                e->undated = u < 0.02;
                e->month_precision = !e->undated && u < 0.05;
                e->day = w->day;
                if (k)
                    sr_buf_puts(text, "; meanwhile ");
                e->src = k ? put(text, g->actors[w->src].names[e->src_name])
                           : put_capitalized(text, g->actors[w->src].names[e->src_name]);
                sr_buf_putc(text, ' ');
                e->verb = put(text, roots[w->root].verbs[rnd_below(r, 3)]);
                if (w->tgt >= 0) {
                    sr_buf_putc(text, ' ');
                    e->tgt = put(text, g->actors[w->tgt].names[e->tgt_name]);
                }
                if (w->place >= 0) {
                    sr_buf_puts(text, " in ");
                    e->place = put(text, g->places[w->place].name);
                }
            }
            sr_buf_printf(text, " on %s, %s.", weekdays[(day + 1) % 7],
                          attributions[rnd_below(r, sizeof attributions / sizeof *attributions)]);
            for (int k = 0; k < n; k++)
                pe[npe - 1 - k].sent = (span){sent_start, text->len};
        }
        ps[nps++].sp = (span){sent_start, text->len};
        if (nps > 60)
            break;
    }

    /* the document row */
    unsigned char digest[SR_SHA256_SIZE];
    sr_sha256_ctx c;
    sr_sha256_init(&c);
    sr_sha256_update(&c, &doc, sizeof doc);
    sr_sha256_update(&c, text->data, text->len);
    sr_sha256_final(&c, digest);
    char hash[65];
    for (int i = 0; i < 32; i++)
        snprintf(hash + 2 * i, 3, "%02x", digest[i]);
    char key[17], url[128], title[96];
    memcpy(key, hash, 16);
    key[16] = '\0';
    snprintf(url, sizeof url, "https://news.example/%d/%s/%" PRId64, outlet, g->days[day], doc);
    snprintf(title, sizeof title, "%.*s", (int)(ps[0].sp.end - ps[0].sp.start > 80 ? 80 : ps[0].sp.end - ps[0].sp.start),
             text->data + ps[0].sp.start);
    sqlite3_stmt *st = g->st[S_DOC];
    sqlite3_bind_int64(st, 1, doc);
    bind_text(st, 2, hash);
    bind_text(st, 3, key);
    bind_text(st, 4, outlet_names[outlet]);
    bind_text(st, 5, url);
    bind_text(st, 6, title);
    bind_text(st, 7, g->days[day]);
    bind_text(st, 8, g->places[hot_place].name);
    sqlite3_bind_int64(st, 9, doc);
    sqlite3_bind_text(st, 10, text->data, (int)text->len, SQLITE_TRANSIENT);
    run(g, st);

    int64_t first_sentence = g->next_sentence + 1;
    for (int i = 0; i < nps; i++) {
        int64_t sid = ++g->next_sentence;
        st = g->st[S_SENT];
        sqlite3_bind_int64(st, 1, sid);
        sqlite3_bind_int64(st, 2, doc);
        sqlite3_bind_int(st, 3, i);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)ps[i].sp.start);
        sqlite3_bind_int64(st, 5, (sqlite3_int64)ps[i].sp.end);
        run(g, st);
        st = g->st[S_FTS];
        sqlite3_bind_int64(st, 1, sid);
        sqlite3_bind_text(st, 2, text->data + ps[i].sp.start, (int)(ps[i].sp.end - ps[i].sp.start),
                          SQLITE_TRANSIENT);
        run(g, st);
    }

    for (int i = 0; i < npe; i++) {
        pending_event *e = &pe[i];
        world_event *w = &g->events[e->w];
        const actor *src = &g->actors[w->src];
        const actor *tgt = w->tgt >= 0 ? &g->actors[w->tgt] : NULL;
        int64_t src_id = write_actor(g, doc, e->src, text->data, src->code);
        int64_t tgt_id = tgt ? write_actor(g, doc, e->tgt, text->data, tgt->code) : 0;
        int64_t place_id = w->place >= 0 ? write_place(g, doc, e->place, &g->places[w->place]) : 0;
        const cameo_code *cc = &g->codes[w->root][e->code];
        int64_t mention_key = w->mentions == 0 ? w->key : w->key + 1 + (int64_t)(rnd(r) >> 24);
        w->mentions++;
        w->outlets |= 1ull << outlet;
        char date[11];
        snprintf(date, sizeof date, "%s", g->days[e->day]);
        if (e->month_precision)
            memcpy(date + 8, "01", 2);
        char pattern[32];
        snprintf(pattern, sizeof pattern, "CAMEO.2.0.txt:%u", 1000 + rnd_below(r, 15000));
        st = g->st[S_EVENT];
        int k = 1;
        sqlite3_bind_int64(st, k++, ++g->next_event);
        sqlite3_bind_int64(st, k++, doc);
        sqlite3_bind_int64(st, k++, first_sentence + e->sentence);
        sqlite3_bind_int(st, k++, e->sentence);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)e->sent.start);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)e->sent.end);
        bind_text(st, k++, src->code);
        sqlite3_bind_text(st, k++, text->data + e->src.start, (int)(e->src.end - e->src.start),
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, k++, src_id);
        bind_text(st, k++, tgt ? tgt->code : NULL);
        if (tgt)
            sqlite3_bind_text(st, k++, text->data + e->tgt.start, (int)(e->tgt.end - e->tgt.start),
                              SQLITE_TRANSIENT);
        else
            sqlite3_bind_null(st, k++);
        if (tgt)
            sqlite3_bind_int64(st, k++, tgt_id);
        else
            sqlite3_bind_null(st, k++);
        bind_text(st, k++, cc->code);
        bind_text(st, k++, roots[w->root].root);
        sqlite3_bind_int(st, k++, cc->info->quad_class);
        sqlite3_bind_double(st, k++, cc->info->goldstein);
        bind_text(st, k++, cc->info->plover_type);
        bind_text(st, k++, cc->info->plover_mode && *cc->info->plover_mode ? cc->info->plover_mode : NULL);
        sqlite3_bind_text(st, k++, text->data + e->verb.start, (int)(e->verb.end - e->verb.start),
                          SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)e->verb.start);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)e->verb.end);
        bind_text(st, k++, pattern);
        if (place_id)
            sqlite3_bind_int64(st, k++, place_id);
        else
            sqlite3_bind_null(st, k++);
        bind_text(st, k++, place_id ? "clause" : NULL);
        bind_text(st, k++, e->undated ? NULL : date);
        bind_text(st, k++, NULL);
        bind_text(st, k++, e->undated ? NULL : e->month_precision ? "month" : "day");
        bind_text(st, k++, e->undated ? NULL : "metadata");
        sqlite3_bind_int64(st, k++, mention_key);
        sqlite3_bind_int64(st, k++, w->key);
        run(g, st);
    }

    if (figure_sentence >= 0) {
        int64_t pid = write_place(g, doc, figure_place, &g->places[hot_place]);
        st = g->st[S_FIGURE];
        int k = 1;
        sqlite3_bind_int64(st, k++, doc);
        sqlite3_bind_int(st, k++, figure_sentence);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)figure_span.start);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)figure_span.end);
        sqlite3_bind_text(st, k++, text->data + figure_span.start,
                          (int)(figure_span.end - figure_span.start), SQLITE_TRANSIENT);
        sqlite3_bind_double(st, k++, figure_value);
        sqlite3_bind_null(st, k++);
        bind_text(st, k++, "at least");
        bind_text(st, k++, figure_category);
        bind_text(st, k++, "SYRNGO");
        bind_text(st, k++, "the Syrian Observatory for Human Rights");
        bind_text(st, k++, g->places[hot_place].name);
        sqlite3_bind_int64(st, k++, pid);
        bind_text(st, k++, g->days[day]);
        run(g, st);
    }
    if (quote_sentence >= 0) {
        const actor *sp = &g->actors[quote_speaker];
        int64_t aid = write_actor(g, doc, speaker_span, text->data, sp->code);
        char parts[64];
        snprintf(parts, sizeof parts, "[[%zu,%zu]]", quote_span.start, quote_span.end);
        st = g->st[S_QUOTE];
        int k = 1;
        sqlite3_bind_int64(st, k++, doc);
        sqlite3_bind_int(st, k++, quote_sentence);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)quote_span.start);
        sqlite3_bind_int64(st, k++, (sqlite3_int64)quote_span.end);
        sqlite3_bind_text(st, k++, text->data + quote_span.start,
                          (int)(quote_span.end - quote_span.start), SQLITE_TRANSIENT);
        bind_text(st, k++, parts);
        sqlite3_bind_text(st, k++, text->data + speaker_span.start,
                          (int)(speaker_span.end - speaker_span.start), SQLITE_TRANSIENT);
        bind_text(st, k++, sp->code);
        sqlite3_bind_int64(st, k++, aid);
        run(g, st);
    }
    if (label_sentence >= 0) {
        st = g->st[S_LABEL];
        sqlite3_bind_int64(st, 1, doc);
        sqlite3_bind_int(st, 2, label_sentence);
        sqlite3_bind_int64(st, 3, (sqlite3_int64)label_span.start);
        sqlite3_bind_int64(st, 4, (sqlite3_int64)label_span.end);
        bind_text(st, 5, label_words[label_word]);
        bind_text(st, 6, g->actors[label_actor].code);
        run(g, st);
    }
    return npe;
}

static void write_groups(gen *g)
{
    sqlite3_stmt *st;
    if (sqlite3_prepare_v2(g->db,
                           "INSERT INTO event_groups (id, date, source_key, target_key, root,"
                           " place_key, cameo, num_mentions, num_sources, num_articles)"
                           " VALUES (?,?,?,?,?,?,?,?,?,?)",
                           -1, &st, NULL) != SQLITE_OK)
        die(g, "prepare");
    for (size_t i = 0; i < g->nevents; i++) {
        const world_event *w = &g->events[i];
        if (w->mentions == 0)
            continue;
        char src[7], tgt[7], place_key[24];
        snprintf(src, sizeof src, "%.6s", g->actors[w->src].code);
        snprintf(tgt, sizeof tgt, "%.6s", w->tgt >= 0 ? g->actors[w->tgt].code : "");
        snprintf(place_key, sizeof place_key, "%" PRId64,
                 w->place >= 0 ? g->places[w->place].geonameid : 0);
        sqlite3_bind_int64(st, 1, w->key);
        bind_text(st, 2, g->days[w->day]);
        bind_text(st, 3, src);
        bind_text(st, 4, w->tgt >= 0 ? tgt : NULL);
        bind_text(st, 5, roots[w->root].root);
        bind_text(st, 6, w->place >= 0 ? place_key : NULL);
        bind_text(st, 7, g->codes[w->root][w->code].code);
        sqlite3_bind_int(st, 8, w->mentions);
        sqlite3_bind_int(st, 9, __builtin_popcountll(w->outlets));
        sqlite3_bind_int(st, 10, w->articles);
        run(g, st);
    }
    sqlite3_finalize(st);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void exec_or_die(gen *g, const char *sql)
{
    char *msg = NULL;
    if (sqlite3_exec(g->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
        fprintf(stderr, "gen_store: %s: %s\n", sql, msg ? msg : "?");
        exit(3);
    }
}

int main(int argc, char **argv)
{
    const char *out = NULL, *cameo = "data/cameo/cameo_codes.tsv";
    long long want = 1000000;
    uint64_t seed = 1;
    int analyze = 0, quiet = 0;
    const char *extra[16];
    int nextra = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "-o") == 0 && v) {
            out = v;
            i++;
        } else if (strcmp(a, "-n") == 0 && v) {
            want = atoll(v);
            i++;
        } else if (strcmp(a, "--seed") == 0 && v) {
            seed = strtoull(v, NULL, 10);
            i++;
        } else if (strcmp(a, "--cameo") == 0 && v) {
            cameo = v;
            i++;
        } else if (strcmp(a, "--index") == 0 && v && nextra < 16) {
            extra[nextra++] = v;
            i++;
        } else if (strcmp(a, "--analyze") == 0) {
            analyze = 1;
        } else if (strcmp(a, "-q") == 0) {
            quiet = 1;
        } else if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(usage, stdout);
            return 0;
        } else {
            fprintf(stderr, "gen_store: unknown argument '%s'\n\n%s", a, usage);
            return 2;
        }
    }
    if (!out || want < 0) {
        fputs(usage, stderr);
        return 2;
    }
    FILE *exists = fopen(out, "r");
    if (exists) {
        fclose(exists);
        fprintf(stderr, "gen_store: %s exists; remove it first\n", out);
        return 2;
    }

    static gen g; /* large (the model's tables); one per run */
    memset(&g, 0, sizeof g);
    g.r.s = seed;
    double t0 = now();
    sr_store *s = NULL;
    sr_error err = {0, ""};
    if (sr_store_open(&s, out, SR_STORE_WRITE, &err) != 0) {
        fprintf(stderr, "gen_store: %s\n", err.msg);
        return 3;
    }
    g.db = sr_store_db(s);
    setup_actors(&g);
    setup_codes(&g, cameo);
    setup_places(&g);

    /* Loading fast: no journal, no fsync, a large cache, indexes later. */
    exec_or_die(&g, "PRAGMA journal_mode=OFF");
    exec_or_die(&g, "PRAGMA synchronous=OFF");
    exec_or_die(&g, "PRAGMA foreign_keys=OFF");
    exec_or_die(&g, "PRAGMA cache_size=-1048576");
    for (size_t i = 0; sr_store_schema_v1[i]; i++) {
        const char *sql = sr_store_schema_v1[i];
        if (strncmp(sql, "CREATE INDEX ", 13) == 0) {
            char drop[160];
            const char *name = sql + 13;
            size_t n = strcspn(name, " ");
            snprintf(drop, sizeof drop, "DROP INDEX %.*s", (int)n, name);
            exec_or_die(&g, drop);
        }
    }
    for (int i = 0; i < 9; i++)
        if (sqlite3_prepare_v3(g.db, insert_sql[i], -1, SQLITE_PREPARE_PERSISTENT, &g.st[i], NULL) !=
            SQLITE_OK)
            die(&g, insert_sql[i]);

    exec_or_die(&g, "BEGIN");
    sr_buf text = SR_BUF_INIT;
    pending_event pe[32];
    pending_sentence ps[64];
    long long written = 0;
    int64_t doc = 0;
    while (written < want) {
        long long left = want - written;
        int n = 2 + (int)rnd_below(&g.r, 13); /* 2..14 events, 8 on average */
        if (n > left)
            n = (int)left;
        /* documents spread over the year, more of them as it goes on
         * (half uniform, half with a density rising linearly) */
        double u = rnd01(&g.r);
        int day = (int)(365 * (rnd01(&g.r) < 0.5 ? u : sqrt(u)));
        if (day > 364)
            day = 364;
        written += write_document(&g, ++doc, day, n, &text, pe, ps);
        if (!quiet && doc % 20000 == 0)
            fprintf(stderr, "\rgen_store: %lld events, %" PRId64 " documents", written, doc);
    }
    write_groups(&g);
    double t_rows = now();
    if (!quiet)
        fprintf(stderr, "\rgen_store: %lld events, %" PRId64 " documents, %lld rows in %.1f s; indexing\n",
                written, doc, g.nrows, t_rows - t0);
    for (size_t i = 0; sr_store_schema_v1[i]; i++)
        if (strncmp(sr_store_schema_v1[i], "CREATE INDEX ", 13) == 0)
            exec_or_die(&g, sr_store_schema_v1[i]);
    for (int i = 0; i < nextra; i++)
        exec_or_die(&g, extra[i]);
    exec_or_die(&g, "COMMIT");
    for (int i = 0; i < 9; i++)
        sqlite3_finalize(g.st[i]);
    if (analyze)
        exec_or_die(&g, "ANALYZE");
    exec_or_die(&g, "PRAGMA journal_mode=WAL");
    double t1 = now();
    if (!quiet)
        fprintf(stderr, "gen_store: %s: %lld events in %.1f s (indexes %.1f s)\n", out, written,
                t1 - t0, t1 - t_rows);
    sr_buf_free(&text);
    free(g.events);
    for (int d = 0; d < 366; d++)
        free(g.day_pool[d]);
    for (int r = 0; r < NROOTS; r++)
        free(g.codes[r]);
    sr_store_close(s);
    return 0;
}
