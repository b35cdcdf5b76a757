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
        export_json_key(b, "code", 1);
        sr_buf_json_strz(b, code && *code ? code : NULL);
        export_json_key(b, "sector", 0);
        sr_buf_json_strz(b, export_actor_sector(&a));
        export_json_key(b, "entity_text", 0);
        sr_buf_json_strz(b, text);
        sr_buf_putc(b, '}');
    }
    sr_buf_putc(b, ']');
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
    export_json_key(b, "feature_class", 0);
    sr_buf_json_strz(b, cls);
    export_json_key(b, "feature_code", 0);
    sr_buf_json_strz(b, code);
    export_json_key(b, "resolution", 0);
    if (resolution)
        sr_buf_put_uint(b, (unsigned)resolution);
    else
        sr_buf_puts(b, "null");
}

static void event_loc(sr_buf *b, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    if (!ev->place.known) {
        sr_buf_puts(b, "null");
        return;
    }
    sr_buf_putc(b, '{');
    export_json_key(b, "extracted_place", 1);
    sr_buf_json_strz(b, r->place_text);
    export_json_key(b, "resolved_place", 0);
    sr_buf_json_strz(b, r->place_name);
    export_json_key(b, "geonameid", 0);
    if (r->geonameid > 0)
        sr_buf_put_uint(b, (unsigned long long)r->geonameid);
    else
        sr_buf_puts(b, "null");
    export_json_key(b, "lat", 0);
    sr_buf_put_fixed(b, r->lat, 5);
    export_json_key(b, "lon", 0);
    sr_buf_put_fixed(b, r->lon, 5);
    export_json_key(b, "province", 0);
    sr_buf_json_strz(b, r->place_admin1);
    export_json_key(b, "country", 0);
    sr_buf_json_strz(b, ev->place.country_name[0] ? ev->place.country_name : NULL);
    export_json_key(b, "country_code", 0);
    sr_buf_json_strz(b, r->place_country3);
    feature_fields(b, r->place_feature);
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
    export_json_key(b, "id", 1);
    sr_buf_printf(b, "\"%lld\"", (long long)ev->id);
    export_json_key(b, "date", 0);
    sr_buf_printf(b, "\"%04d-%02d-%02d\"", y, m, d);
    char end[11];
    if (export_period_end(r->date, r->date_precision, end)) {
        export_json_key(b, "enddate", 0);
        sr_buf_json_strz(b, end);
    }
    export_json_key(b, "event", 0);
    sr_buf_putc(b, '[');
    sr_buf_json_strz(b, r->plover_type);
    sr_buf_putc(b, ']');
    export_json_key(b, "mode", 0);
    sr_buf_putc(b, '[');
    if (r->plover_mode && *r->plover_mode)
        sr_buf_json_strz(b, r->plover_mode);
    sr_buf_putc(b, ']');
    export_json_key(b, "quad_code", 0);
    sr_buf_put_uint(b, (unsigned)plover_quad(r->plover_type, r->quad_class));
    export_json_key(b, "actor", 0);
    entities(b, r->source_code, r->source_text);
    export_json_key(b, "recipient", 0);
    entities(b, r->target_code, r->target_text);
    export_json_key(b, "event_loc", 0);
    event_loc(b, ev);
    export_json_key(b, "event_text", 0);
    sr_buf_json_strz(b, r->sentence_text);
    export_json_key(b, "cite_info", 0);
    sr_buf_putc(b, '{');
    export_json_key(b, "outlet", 1);
    sr_buf_json_strz(b, r->outlet);
    export_json_key(b, "url", 0);
    sr_buf_json_strz(b, r->url);
    export_json_key(b, "title", 0);
    sr_buf_json_strz(b, r->title);
    export_json_key(b, "published", 0);
    sr_buf_json_strz(b, r->published);
    sr_buf_putc(b, '}');
    export_json_key(b, "coder", 0);
    sr_buf_json_strz(b, "sitrep " SR_VERSION);
    export_json_key(b, "coded_date", 0);
    if (export_parse_date(ev->ingested_at, &y, &m, &d))
        sr_buf_printf(b, "\"%04d-%02d-%02d\"", y, m, d);
    else
        sr_buf_puts(b, "null");

    export_json_key(b, "sitrep", 0);
    sr_buf_putc(b, '{');
    export_json_key(b, "cameo", 1);
    sr_buf_json_strz(b, r->cameo);
    export_json_key(b, "root", 0);
    sr_buf_json_strz(b, r->root);
    export_json_key(b, "quad_class", 0);
    sr_buf_put_uint(b, (unsigned)r->quad_class);
    export_json_key(b, "goldstein", 0);
    sr_buf_json_number(b, r->goldstein);
    export_json_key(b, "mood", 0);
    sr_buf_json_strz(b, r->mood);
    export_json_key(b, "date_precision", 0);
    sr_buf_json_strz(b, r->date_precision);
    export_json_key(b, "date_source", 0);
    sr_buf_json_strz(b, r->date_source);
    export_json_key(b, "num_mentions", 0);
    sr_buf_put_uint(b, (unsigned)ev->num_mentions);
    export_json_key(b, "num_sources", 0);
    sr_buf_put_uint(b, (unsigned)ev->num_sources);
    export_json_key(b, "num_articles", 0);
    sr_buf_put_uint(b, (unsigned)ev->num_articles);
    export_json_key(b, "fatalities", 0);
    sr_buf_put_uint(b, (unsigned long long)ev->fatalities);
    export_json_key(b, "doc", 0);
    sr_buf_json_strz(b, r->doc_key);
    export_json_key(b, "sentence", 0);
    sr_buf_put_uint(b, (unsigned)r->sentence);
    export_json_key(b, "span", 0);
    sr_buf_json_span(b, (unsigned long)r->start, (unsigned long)r->end);
    export_json_key(b, "place_from", 0);
    sr_buf_json_strz(b, ev->place.known ? r->place_from : NULL);
    sr_buf_puts(b, "}}\n");
    return EXPORT_WRITTEN;
}

const export_writer export_plover_writer = {plover_begin, plover_event, plover_end, 1};
