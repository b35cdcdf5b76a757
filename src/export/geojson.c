/*
 * GeoJSON (RFC 7946): one FeatureCollection, one Point Feature per
 * real-world event that has a place, coordinates [longitude, latitude] in
 * WGS 84, numbers as numbers. Events without a place are left out and
 * counted. Ids are strings: group ids are 63-bit numbers, more than a
 * JavaScript number holds exactly, and Leaflet and QGIS read either.
 */
#include <string.h>

#include "export/export_internal.h"

static void geojson_begin(export_ctx *x)
{
    sr_buf_puts(&x->line, "{\"type\":\"FeatureCollection\",\"features\":[\n");
}

static void geojson_end(export_ctx *x) { sr_buf_puts(&x->line, "\n]}\n"); }

static enum export_outcome geojson_event(export_ctx *x, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    if (!ev->place.known)
        return EXPORT_NO_PLACE;
    sr_buf *b = &x->line;
    if (x->records > 0)
        sr_buf_puts(b, ",\n");
    sr_buf_puts(b, "{\"type\":\"Feature\",\"id\":");
    sr_buf_printf(b, "\"%lld\"", (long long)ev->id);
    sr_buf_puts(b, ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    sr_buf_put_fixed(b, r->lon, 5);
    sr_buf_putc(b, ',');
    sr_buf_put_fixed(b, r->lat, 5);
    sr_buf_puts(b, "]},\"properties\":{");
    export_json_key(b, "id", 1);
    sr_buf_printf(b, "\"%lld\"", (long long)ev->id);
    export_json_key(b, "date", 0);
    sr_buf_json_strz(b, r->date);
    export_json_key(b, "date_precision", 0);
    sr_buf_json_strz(b, r->date_precision);
    export_json_key(b, "cameo", 0);
    sr_buf_json_strz(b, r->cameo);
    export_json_key(b, "root", 0);
    sr_buf_json_strz(b, r->root);
    export_json_key(b, "plover", 0);
    sr_buf_json_strz(b, r->plover_type);
    export_json_key(b, "plover_mode", 0);
    sr_buf_json_strz(b, r->plover_mode && *r->plover_mode ? r->plover_mode : NULL);
    export_json_key(b, "quad_class", 0);
    sr_buf_put_uint(b, (unsigned)r->quad_class);
    export_json_key(b, "goldstein", 0);
    sr_buf_json_number(b, r->goldstein);
    export_json_key(b, "source_code", 0);
    sr_buf_json_strz(b, r->source_code);
    export_json_key(b, "source_name", 0);
    sr_buf_json_strz(b, r->source_text);
    export_json_key(b, "target_code", 0);
    sr_buf_json_strz(b, r->target_code);
    export_json_key(b, "target_name", 0);
    sr_buf_json_strz(b, r->target_text);
    export_json_key(b, "place", 0);
    sr_buf_json_strz(b, r->place_name);
    export_json_key(b, "place_text", 0);
    sr_buf_json_strz(b, r->place_text);
    export_json_key(b, "admin1", 0);
    sr_buf_json_strz(b, r->place_admin1);
    export_json_key(b, "country", 0);
    sr_buf_json_strz(b, ev->place.country_name[0] ? ev->place.country_name : NULL);
    export_json_key(b, "country_code", 0);
    sr_buf_json_strz(b, r->place_country3);
    export_json_key(b, "feature", 0);
    sr_buf_json_strz(b, r->place_feature);
    export_json_key(b, "place_from", 0);
    sr_buf_json_strz(b, r->place_from);
    export_json_key(b, "num_mentions", 0);
    sr_buf_put_uint(b, (unsigned)ev->num_mentions);
    export_json_key(b, "num_sources", 0);
    sr_buf_put_uint(b, (unsigned)ev->num_sources);
    export_json_key(b, "num_articles", 0);
    sr_buf_put_uint(b, (unsigned)ev->num_articles);
    export_json_key(b, "fatalities", 0);
    sr_buf_put_uint(b, (unsigned long long)ev->fatalities);
    export_json_key(b, "outlet", 0);
    sr_buf_json_strz(b, r->outlet);
    export_json_key(b, "url", 0);
    sr_buf_json_strz(b, r->url);
    export_json_key(b, "doc", 0);
    sr_buf_json_strz(b, r->doc_key);
    export_json_key(b, "sentence", 0);
    sr_buf_json_strz(b, r->sentence_text);
    sr_buf_puts(b, "}}");
    return EXPORT_WRITTEN;
}

const export_writer export_geojson_writer = {geojson_begin, geojson_event, geojson_end, 1};
