/*
 * Event records as JSON lines. Field names and meanings are a public
 * interface: see docs/records.md before changing anything here.
 */
#include <stdio.h>
#include <string.h>

#include "sitrep/records.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

static void put_actor(sr_buf *b, const char *text, const sr_event_actor *a)
{
    if (!a->code && a->start == a->end) {
        sr_buf_puts(b, "{\"code\":null,\"text\":null,\"span\":null}");
        return;
    }
    sr_buf_puts(b, "{\"code\":");
    sr_buf_json_strz(b, a->code);
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_str(b, text + a->start, a->end - a->start);
    sr_buf_puts(b, ",\"span\":");
    sr_buf_json_span(b, a->start, a->end);
    if (a->inferred)
        sr_buf_puts(b, ",\"inferred\":true");
    if (a->new_actor)
        sr_buf_puts(b, ",\"new\":true");
    sr_buf_putc(b, '}');
}

static void put_place(sr_buf *b, const char *text, const sr_place_mention *m, const char *from)
{
    if (!m) {
        sr_buf_puts(b, ",\"place\":null");
        return;
    }
    const sr_place *p = &m->place;
    sr_buf_puts(b, ",\"place\":{\"name\":");
    sr_buf_json_strz(b, p->name);
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_str(b, text + m->start, m->end - m->start);
    sr_buf_puts(b, ",\"span\":");
    sr_buf_json_span(b, m->start, m->end);
    sr_buf_puts(b, ",\"lat\":");
    sr_buf_put_fixed(b, p->lat, 5);
    sr_buf_puts(b, ",\"lon\":");
    sr_buf_put_fixed(b, p->lon, 5);
    sr_buf_puts(b, ",\"country\":");
    sr_buf_json_strz(b, p->country[0] ? p->country : NULL);
    sr_buf_puts(b, ",\"country3\":");
    sr_buf_json_strz(b, p->country3[0] ? p->country3 : NULL);
    sr_buf_puts(b, ",\"admin1\":");
    sr_buf_json_strz(b, p->admin1);
    sr_buf_puts(b, ",\"geonameid\":");
    sr_buf_put_uint(b, p->geonameid);
    sr_buf_puts(b, ",\"feature\":");
    sr_buf_json_strz(b, sr_feature_name(p->feature));
    /* how exact the point is for the event: a town, a province, a country */
    sr_buf_puts(b, ",\"precision\":");
    sr_buf_json_strz(b, p->feature == SR_FEATURE_CITY ? "town"
                        : p->feature == SR_FEATURE_COUNTRY ? "country" : "region");
    sr_buf_puts(b, ",\"from\":");
    sr_buf_json_strz(b, from);
    sr_buf_putc(b, '}');
}

void sr_records_write_where_when(sr_buf *b, const char *text, const sr_place_mention *m,
                                 const char *from, const char *date, const sr_timex *x,
                                 const char *date_precision, const char *date_from)
{
    put_place(b, text, m, from);
    sr_buf_puts(b, ",\"date\":");
    sr_buf_json_strz(b, date);
    sr_buf_puts(b, ",\"date_text\":");
    if (x)
        sr_buf_json_str(b, text + x->start, x->end - x->start);
    else
        sr_buf_puts(b, "null");
    sr_buf_puts(b, ",\"date_precision\":");
    sr_buf_json_strz(b, date_precision);
    sr_buf_puts(b, ",\"date_source\":");
    sr_buf_json_strz(b, date_from);
}

void sr_records_write_events(sr_buf *b, const sr_doc *doc, const sr_events *evs)
{
    const char *text = evs->text->src;
    for (size_t k = 0; k < evs->n; k++) {
        const sr_event *e = &evs->events[k];
        sr_buf_puts(b, "{\"kind\":\"event\",\"doc\":");
        sr_buf_json_strz(b, doc->id);
        sr_buf_puts(b, ",\"sentence\":");
        sr_buf_put_uint(b, e->sentence);
        sr_buf_puts(b, ",\"span\":");
        sr_buf_json_span(b, e->sent_start, e->sent_end);
        sr_buf_puts(b, ",\"text\":");
        sr_buf_json_str(b, text + e->sent_start, e->sent_end - e->sent_start);
        sr_buf_puts(b, ",\"source\":");
        put_actor(b, text, &e->source);
        sr_buf_puts(b, ",\"target\":");
        put_actor(b, text, &e->target);
        sr_buf_puts(b, ",\"cameo\":");
        sr_buf_json_strz(b, e->cameo);
        char root[3];
        if (sr_cameo_root(e->cameo, root) == 0) {
            sr_buf_puts(b, ",\"root\":");
            sr_buf_json_strz(b, root);
        } else {
            sr_buf_puts(b, ",\"root\":null");
        }
        if (e->info) {
            sr_buf_puts(b, ",\"quad_class\":");
            sr_buf_put_uint(b, (unsigned)e->info->quad_class);
            sr_buf_puts(b, ",\"goldstein\":");
            sr_buf_put_fixed(b, e->info->goldstein, 1);
            sr_buf_puts(b, ",\"plover\":{\"type\":");
            sr_buf_json_strz(b, e->info->plover_type);
            sr_buf_puts(b, ",\"mode\":");
            sr_buf_json_strz(b, e->info->plover_mode && e->info->plover_mode[0] ? e->info->plover_mode : NULL);
            sr_buf_putc(b, '}');
        } else {
            sr_buf_puts(b, ",\"quad_class\":null,\"goldstein\":null,\"plover\":null");
        }
        sr_buf_puts(b, ",\"mood\":");
        sr_buf_json_strz(b, e->mood);
        sr_buf_puts(b, ",\"verb\":{\"text\":");
        sr_buf_json_str(b, text + e->verb_start, e->verb_end - e->verb_start);
        sr_buf_puts(b, ",\"span\":");
        sr_buf_json_span(b, e->verb_start, e->verb_end);
        sr_buf_puts(b, "},\"pattern\":");
        if (e->pattern_file) {
            char where[512];
            int n = snprintf(where, sizeof where, "%s:%u", e->pattern_file, e->pattern_line);
            sr_buf_json_str(b, where, n < (int)sizeof where ? (size_t)n : sizeof where - 1);
        } else {
            sr_buf_puts(b, "null");
        }
        sr_records_write_where_when(b, text, e->place, e->place_from, e->date, e->date_timex,
                                    e->date_precision, e->date_from);
        sr_buf_puts(b, ",\"source_outlet\":");
        sr_buf_json_strz(b, doc->source);
        sr_buf_puts(b, ",\"v\":");
        sr_buf_put_uint(b, SR_RECORD_VERSION);
        sr_buf_puts(b, "}\n");
    }
}
