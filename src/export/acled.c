/*
 * ACLED-style CSV: the 31 columns of ACLED's current export, in its order,
 * with a header row (RFC 4180). One row per real-world event that has an
 * ACLED type (acled_types.c), a date and a place; the others are left out
 * and counted.
 *
 * inter1/inter2 and interaction are written as numbers, as ACLED's API
 * gives them with inter_numeric (its default is now text). The rules that
 * turn CAMEO actor codes into ACLED actor types are in actor_inter below
 * and in docs/store-export.md.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "export/export_internal.h"

static const char *const header[] = {
    "event_id_cnty", "event_date",    "year",          "time_precision", "disorder_type",
    "event_type",    "sub_event_type", "actor1",       "assoc_actor_1",  "inter1",
    "actor2",        "assoc_actor_2", "inter2",        "interaction",    "civilian_targeting",
    "iso",           "region",        "country",       "admin1",         "admin2",
    "admin3",        "location",      "latitude",      "longitude",      "geo_precision",
    "source",        "source_scale",  "notes",         "fatalities",     "tags",
    "timestamp"};

enum inter {
    INTER_UNKNOWN = -1, /* named, but by no code the rules below place */
    INTER_NONE = 0,
    INTER_STATE = 1,
    INTER_REBELS = 2,
    INTER_POLITICAL_MILITIA = 3,
    INTER_IDENTITY_MILITIA = 4,
    INTER_RIOTERS = 5,
    INTER_PROTESTERS = 6,
    INTER_CIVILIANS = 7,
    INTER_EXTERNAL = 8
};

static int any_type(const export_actor *a, const char *const *types)
{
    for (size_t i = 0; types[i]; i++)
        if (export_actor_has_type(a, types[i]))
            return 1;
    return 0;
}

/*
 * The ACLED actor type of a coded actor, before the event type is known:
 *  - rebels, insurgents, separatists, international militant groups
 *    (IMG: Al Qaeda, the Islamic State): 2, rebel groups;
 *  - unaffiliated armed groups and criminals: 3, political militias (ACLED
 *    files unidentified armed groups there);
 *  - international organizations: 8, external/other forces;
 *  - the state (military, police, intelligence, government, judiciary,
 *    legislature, or the country code alone): 1, state forces, when it is
 *    the state of the country the event is in (or the place is unknown);
 *    8 when it acts abroad, as ACLED codes foreign forces;
 *  - everyone else (opposition, civilians, refugees, media, business,
 *    NGOs, parties...): 7, civilians; unarmed opposition becomes
 *    protesters or rioters in demonstrations (acled_event);
 *  - ethnic militias (4) are never produced: sitrep's dictionaries code no
 *    ethnic groups.
 */
static int actor_inter(const char *code, const char *text, const char *place_iso3)
{
    static const char *const armed_non_state[] = {"REB", "INS", "SEP", "IMG", NULL};
    static const char *const militias[] = {"UAF", "CRM", NULL};
    static const char *const state[] = {"MIL", "COP", "SPY", "GOV", "JUD", "LEG", "UIS", NULL};
    if (!code || !*code)
        return text && *text ? INTER_UNKNOWN : INTER_NONE;
    export_actor a;
    export_actor_parse(code, &a);
    if (any_type(&a, armed_non_state))
        return INTER_REBELS;
    if (any_type(&a, militias))
        return INTER_POLITICAL_MILITIA;
    if (export_actor_has_type(&a, "IGO"))
        return INTER_EXTERNAL;
    if (any_type(&a, state) || (a.ntypes == 0 && !a.known_group[0] && a.country[0])) {
        if (!a.country_is_state)
            return INTER_EXTERNAL;
        if (place_iso3 && *place_iso3 && strcmp(a.country, place_iso3) != 0)
            return INTER_EXTERNAL;
        return INTER_STATE;
    }
    if (a.ntypes > 0)
        return INTER_CIVILIANS;
    return INTER_UNKNOWN;
}

static int is_armed(int inter)
{
    return inter == INTER_STATE || inter == INTER_REBELS || inter == INTER_POLITICAL_MILITIA ||
           inter == INTER_IDENTITY_MILITIA || inter == INTER_EXTERNAL;
}

/* The event as ACLED types it. */
typedef struct acled_event {
    const char *event_type, *sub_event_type, *disorder_type;
    int inter1, inter2;
    int civilian_targeting;
    int drop_actor2;      /* the target named is no party to the battle */
} acled_event;

static int root_of(const char *cameo)
{
    if (!cameo || cameo[0] < '0' || cameo[0] > '9' || cameo[1] < '0' || cameo[1] > '9')
        return 0;
    return (cameo[0] - '0') * 10 + (cameo[1] - '0');
}

/* 0 when the code has no ACLED type. */
static int classify(const sr_event_row *r, acled_event *out)
{
    const acled_type *t = acled_type_for(r->cameo);
    if (!t || t->rule == ACLED_NONE)
        return 0;
    memset(out, 0, sizeof *out);
    const char *iso3 = r->has_place ? r->place_country3 : NULL;
    int root = root_of(r->cameo);
    int violent_root = root >= 17; /* coercion and force */
    int inter1 = actor_inter(r->source_code, r->source_text, iso3);
    int inter2 = actor_inter(r->target_code, r->target_text, iso3);
    /* An uncoded or unnamed doer of force is an unidentified armed group;
     * an uncoded target of force is most often people ("a man",
     * "residents"). */
    if (inter1 == INTER_UNKNOWN || inter1 == INTER_NONE)
        inter1 = violent_root ? INTER_POLITICAL_MILITIA
                 : root == 14  ? INTER_PROTESTERS
                               : INTER_EXTERNAL;
    if (inter2 == INTER_UNKNOWN)
        inter2 = root >= 14 ? INTER_CIVILIANS : INTER_EXTERNAL;

    out->event_type = t->event_type;
    out->sub_event_type = t->sub_event_type;
    switch (t->rule) {
    case ACLED_CLASH_IF_ARMED:
        if (is_armed(inter1) && is_armed(inter2)) {
            out->event_type = "Battles";
            out->sub_event_type = "Armed clash";
        }
        break;
    case ACLED_TERRITORY:
        out->sub_event_type = inter1 == INTER_STATE ? "Government regains territory"
                              : inter1 == INTER_REBELS || inter1 == INTER_POLITICAL_MILITIA ||
                                      inter1 == INTER_IDENTITY_MILITIA
                                  ? "Non-state actor overtakes territory"
                                  : "Armed clash";
        /* The other side of a battle is armed; an unarmed "target" of a
         * capture is the place or its people ("captured villages"), and
         * who held the ground was not named. */
        if (!is_armed(inter2)) {
            inter2 = INTER_NONE;
            out->drop_actor2 = 1;
        }
        break;
    case ACLED_REPRESSION:
        inter2 = INTER_PROTESTERS;
        break;
    default:
        break;
    }

    /* Demonstrators are first actors as protesters or rioters, whoever
     * the code says they are (their affiliation is an associate actor in
     * ACLED's terms). */
    if (strcmp(out->event_type, "Protests") == 0 && t->rule != ACLED_REPRESSION)
        inter1 = INTER_PROTESTERS;
    else if (strcmp(out->event_type, "Riots") == 0)
        inter1 = INTER_RIOTERS;

    if (strcmp(out->event_type, "Strategic developments") == 0)
        out->disorder_type = "Strategic developments";
    else if (t->rule == ACLED_REPRESSION)
        out->disorder_type = "Political violence; Demonstrations";
    else if (strcmp(out->event_type, "Protests") == 0 ||
             (strcmp(out->event_type, "Riots") == 0 &&
              strcmp(out->sub_event_type, "Violent demonstration") == 0))
        out->disorder_type = "Demonstrations";
    else
        out->disorder_type = "Political violence";

    out->civilian_targeting =
        strcmp(out->event_type, "Violence against civilians") == 0 ||
        t->rule == ACLED_REPRESSION ||
        (strcmp(out->event_type, "Explosions/Remote violence") == 0 && inter2 == INTER_CIVILIANS);
    out->inter1 = inter1;
    out->inter2 = inter2;
    return 1;
}

/* ACLED's time precision: 1 a day, 2 a week, 3 a month or longer. */
static int time_precision(const char *precision)
{
    if (!precision || strcmp(precision, "day") == 0)
        return 1;
    if (strcmp(precision, "week") == 0)
        return 2;
    return 3;
}

/* ACLED's geo precision: 1 the town itself, 2 part of a region or near a
 * town, 3 a larger region. A place sitrep took from the document as a
 * whole, not from the event's sentence, is never better than 2. */
static int geo_precision(const sr_event_row *r)
{
    int p;
    const char *f = r->place_feature ? r->place_feature : "";
    if (strcmp(f, "city") == 0)
        p = 1;
    else if (strcmp(f, "region") == 0)
        p = 2;
    else
        p = 3; /* a division or a country */
    if (p < 2 && r->place_from && strcmp(r->place_from, "document") == 0)
        p = 2;
    return p;
}

static void comma(sr_buf *b) { sr_buf_putc(b, ','); }

static void text_col(sr_buf *b, const char *s)
{
    export_csv_field(b, s);
    comma(b);
}

static void int_col(sr_buf *b, long long v)
{
    sr_buf_printf(b, "%lld", v);
    comma(b);
}

static void acled_begin(export_ctx *x)
{
    for (size_t i = 0; i < sizeof header / sizeof header[0]; i++) {
        if (i)
            comma(&x->line);
        sr_buf_puts(&x->line, header[i]);
    }
    sr_buf_puts(&x->line, "\r\n");
}

static void acled_end(export_ctx *x) { (void)x; }

static enum export_outcome acled_event_row(export_ctx *x, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    acled_event a;
    if (!classify(r, &a))
        return EXPORT_NO_TYPE;
    int y, m, d;
    if (!export_parse_date(r->date, &y, &m, &d))
        return EXPORT_NO_DATE;
    if (!ev->place.known)
        return EXPORT_NO_PLACE;

    sr_buf *b = &x->line;
    sr_buf_printf(b, "%s%lld,", r->place_country3 ? r->place_country3 : "",
                  (long long)ev->id);
    sr_buf_printf(b, "%04d-%02d-%02d,%d,", y, m, d, y);
    int_col(b, time_precision(r->date_precision));
    text_col(b, a.disorder_type);
    text_col(b, a.event_type);
    text_col(b, a.sub_event_type);
    text_col(b, r->source_text && *r->source_text ? r->source_text : r->source_code);
    comma(b); /* assoc_actor_1 */
    int_col(b, a.inter1);
    text_col(b, a.drop_actor2                          ? NULL
                : r->target_text && *r->target_text ? r->target_text
                                                    : r->target_code);
    comma(b); /* assoc_actor_2 */
    int_col(b, a.inter2);
    /* Lower code first; a sole actor's code is followed by 0 (20: sole
     * rebel action). */
    int lo = a.inter1, hi = a.inter2;
    if (hi != INTER_NONE && hi < lo) {
        lo = a.inter2;
        hi = a.inter1;
    }
    sr_buf_printf(b, "%d%d,", lo, hi);
    text_col(b, a.civilian_targeting ? "Civilian targeting" : "");
    if (ev->place.country && ev->place.country->numeric)
        int_col(b, ev->place.country->numeric);
    else
        comma(b);
    text_col(b, ev->place.country ? ev->place.country->region : "");
    text_col(b, ev->place.country_name);
    text_col(b, r->place_admin1);
    sr_buf_puts(b, ",,"); /* admin2, admin3 */
    text_col(b, r->place_name);
    sr_buf_put_fixed(b, r->lat, 4);
    comma(b);
    sr_buf_put_fixed(b, r->lon, 4);
    comma(b);
    int_col(b, geo_precision(r));
    text_col(b, r->outlet);
    comma(b); /* source_scale */
    text_col(b, r->sentence_text);
    int_col(b, ev->fatalities);
    comma(b); /* tags */
    time_t t;
    if (export_parse_timestamp(ev->ingested_at, &t))
        sr_buf_printf(b, "%lld", (long long)t);
    sr_buf_puts(b, "\r\n");
    return EXPORT_WRITTEN;
}

const export_writer export_acled_writer = {acled_begin, acled_event_row, acled_end, 1};
