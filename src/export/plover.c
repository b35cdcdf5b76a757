/*
 * PLOVER JSON lines: one record per real-world event, with the fields of
 * the PLOVER manual's JSON table (id, date, event, mode, quad_code, actor,
 * recipient, event_loc, event_text, cite_info, coder, coded_date) and
 * sitrep's own under "sitrep". Events whose CAMEO code has no PLOVER type
 * (roots 01 and 02) or that have no date (a required field) are left out
 * and counted.
 */
#include <string.h>

#include "export/export_internal.h"

/* Each type's quad category, as the manual's type sections give it (it
 * differs from the CAMEO root's for CONCEDE and SANCTION, for example). */
static int plover_quad(const char *type, int cameo_quad)
{
    static const struct {
        const char *type;
        int quad;
    } quads[] = {
        {"AGREE", 1},     {"CONSULT", 1},  {"SUPPORT", 1}, {"CONCEDE", 1},  {"COOPERATE", 2},
        {"AID", 2},       {"RETREAT", 2},  {"REQUEST", 3}, {"ACCUSE", 3},   {"REJECT", 3},
        {"THREATEN", 3},  {"PROTEST", 4},  {"SANCTION", 4}, {"MOBILIZE", 4}, {"COERCE", 4},
        {"ASSAULT", 4},
    };
    for (size_t i = 0; i < sizeof quads / sizeof quads[0]; i++)
        if (strcmp(type, quads[i].type) == 0)
            return quads[i].quad;
    return cameo_quad;
}

static void entities(sr_buf *b, const char *code, const char *text)
{
    sr_buf_putc(b, '[');
    if ((code && *code) || (text && *text)) {
        export_actor a;
        export_actor_parse(code, &a);
        sr_buf_putc(b, '{');
        export_json_str(b, "code", code && *code ? code : NULL);
        export_json_str(b, "sector", export_actor_sector(&a));
        export_json_str(b, "entity_text", text);
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
}

/* A one-element array, or an empty one when s is NULL or empty. */
static void string_list(sr_buf *b, const char *key, const char *s)
{
    export_json_key(b, key);
    sr_buf_putc(b, '[');
    if (s && *s)
        sr_buf_json_strz(b, s);
    sr_buf_putc(b, ']');
}

/* A count, or null when there is none (0). */
static void uint_or_null(sr_buf *b, const char *key, long long v)
{
    export_json_key(b, key);
    if (v > 0)
        sr_buf_put_uint(b, (unsigned long long)v);
    else
        sr_buf_puts(b, "null");
}

/* GeoNames feature class and code, and the manual's resolution (5
 * sub-city, 4 city, 3 district, 2 province, 1 country). sitrep keeps a
 * city's kind, not its exact GeoNames code (PPL, PPLA, PPLC), so that code
 * is null. */
static void feature_fields(sr_buf *b, const char *feature)
{
    const char *cls = NULL, *code = NULL;
    int resolution = 0;
    if (!feature)
        feature = "";
    if (strcmp(feature, "city") == 0) {
        cls = "P";
        resolution = 4;
    } else if (strcmp(feature, "region") == 0) {
        cls = "L";
        resolution = 3;
    } else if (strcmp(feature, "admin1") == 0) {
        cls = "A";
        code = "ADM1";
        resolution = 2;
    } else if (strcmp(feature, "country") == 0) {
        cls = "A";
        code = "PCLI";
        resolution = 1;
    }
    export_json_str(b, "feature_class", cls);
    export_json_str(b, "feature_code", code);
    uint_or_null(b, "resolution", resolution);
}

static void event_loc(sr_buf *b, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    if (!ev->place.known) {
        sr_buf_puts(b, "null");
        return;
    }
    sr_buf_putc(b, '{');
    export_json_str(b, "extracted_place", r->place_text);
    export_json_str(b, "resolved_place", r->place_name);
    uint_or_null(b, "geonameid", r->geonameid);
    export_json_key(b, "lat");
    sr_buf_put_fixed(b, r->lat, 5);
    export_json_key(b, "lon");
    sr_buf_put_fixed(b, r->lon, 5);
    export_json_str(b, "province", r->place_admin1);
    export_json_str(b, "country", ev->place.country_name[0] ? ev->place.country_name : NULL);
    export_json_str(b, "country_code", r->place_country3);
    feature_fields(b, r->place_feature);
    sr_buf_putc(b, '}');
}

/* "YYYY-MM-DD" of a date or timestamp, or null when it is none. */
static void day_or_null(sr_buf *b, const char *key, const char *date)
{
    int y, m, d;
    export_json_key(b, key);
    if (export_parse_date(date, &y, &m, &d))
        sr_buf_printf(b, "\"%04d-%02d-%02d\"", y, m, d);
    else
        sr_buf_puts(b, "null");
}

static void cite_info(sr_buf *b, const sr_event_row *r)
{
    export_json_key(b, "cite_info");
    sr_buf_putc(b, '{');
    export_json_str(b, "outlet", r->outlet);
    export_json_str(b, "url", r->url);
    export_json_str(b, "title", r->title);
    export_json_str(b, "published", r->published);
    sr_buf_putc(b, '}');
}

/* What PLOVER has no field for, under "sitrep". */
static void sitrep_fields(sr_buf *b, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    export_json_key(b, "sitrep");
    sr_buf_putc(b, '{');
    export_json_str(b, "cameo", r->cameo);
    export_json_str(b, "root", r->root);
    export_json_uint(b, "quad_class", (unsigned)r->quad_class);
    export_json_num(b, "goldstein", r->goldstein);
    export_json_str(b, "mood", r->mood);
    export_json_str(b, "date_precision", r->date_precision);
    export_json_str(b, "date_source", r->date_source);
    export_json_counts(b, ev);
    export_json_str(b, "doc", r->doc_key);
    export_json_uint(b, "sentence", (unsigned)r->sentence);
    export_json_key(b, "span");
    sr_buf_json_span(b, (unsigned long)r->start, (unsigned long)r->end);
    export_json_str(b, "place_from", ev->place.known ? r->place_from : NULL);
    sr_buf_putc(b, '}');
}

static void plover_begin(export_ctx *x) { (void)x; }
static void plover_end(export_ctx *x) { (void)x; }

static enum export_outcome plover_event(export_ctx *x, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    if (!r->plover_type || !*r->plover_type)
        return EXPORT_NO_TYPE;
    int y, m, d;
    if (!export_parse_date(r->date, &y, &m, &d))
        return EXPORT_NO_DATE;
    sr_buf *b = &x->line;
    sr_buf_putc(b, '{');
    export_json_id(b, "id", ev->id);
    day_or_null(b, "date", r->date);
    char end[11];
    if (export_period_end(r->date, r->date_precision, end))
        export_json_str(b, "enddate", end);
    string_list(b, "event", r->plover_type);
    string_list(b, "mode", r->plover_mode);
    export_json_uint(b, "quad_code", (unsigned)plover_quad(r->plover_type, r->quad_class));
    export_json_key(b, "actor");
    entities(b, r->source_code, r->source_text);
    export_json_key(b, "recipient");
    entities(b, r->target_code, r->target_text);
    export_json_key(b, "event_loc");
    event_loc(b, ev);
    export_json_str(b, "event_text", r->sentence_text);
    cite_info(b, r);
    export_json_str(b, "coder", "sitrep " SR_VERSION);
    day_or_null(b, "coded_date", ev->ingested_at);
    sitrep_fields(b, ev);
    sr_buf_puts(b, "}\n");
    return EXPORT_WRITTEN;
}

const export_writer export_plover_writer = {plover_begin, plover_event, plover_end, 1};
