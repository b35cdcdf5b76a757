/*
 * GeoJSON (RFC 7946): one FeatureCollection, one Point Feature per
 * real-world event that has a place, coordinates [longitude, latitude] in
 * WGS 84, numbers as numbers. Events without a place are left out and
 * counted. Ids are strings (export_json_id), which Leaflet and QGIS read
 * as well as numbers.
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
    sr_buf_puts(b, "{\"type\":\"Feature\"");
    export_json_id(b, "id", ev->id);
    sr_buf_puts(b, ",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
    sr_buf_put_fixed(b, r->lon, 5);
    sr_buf_putc(b, ',');
    sr_buf_put_fixed(b, r->lat, 5);
    sr_buf_puts(b, "]},\"properties\":{");
    export_json_id(b, "id", ev->id);
    export_json_str(b, "date", r->date);
    export_json_str(b, "date_precision", r->date_precision);
    export_json_str(b, "cameo", r->cameo);
    export_json_str(b, "root", r->root);
    export_json_str(b, "plover", r->plover_type);
    export_json_str(b, "plover_mode", r->plover_mode && *r->plover_mode ? r->plover_mode : NULL);
    export_json_uint(b, "quad_class", (unsigned)r->quad_class);
    export_json_num(b, "goldstein", r->goldstein);
    export_json_str(b, "source_code", r->source_code);
    export_json_str(b, "source_name", r->source_text);
    export_json_str(b, "target_code", r->target_code);
    export_json_str(b, "target_name", r->target_text);
    export_json_str(b, "place", r->place_name);
    export_json_str(b, "place_text", r->place_text);
    export_json_str(b, "admin1", r->place_admin1);
    export_json_str(b, "country", ev->place.country_name[0] ? ev->place.country_name : NULL);
    export_json_str(b, "country_code", r->place_country3);
    export_json_str(b, "feature", r->place_feature);
    export_json_str(b, "place_from", r->place_from);
    export_json_counts(b, ev);
    export_json_str(b, "outlet", r->outlet);
    export_json_str(b, "url", r->url);
    export_json_str(b, "doc", r->doc_key);
    export_json_str(b, "sentence", r->sentence_text);
    sr_buf_puts(b, "}}");
    return EXPORT_WRITTEN;
}

const export_writer export_geojson_writer = {geojson_begin, geojson_event, geojson_end, 1};
