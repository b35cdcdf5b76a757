/*
 * GDELT 2.0 event table: 61 tab-separated columns, no header, one line per
 * real-world event, in the order of the GDELT 2.0 event codebook
 * (../shared/data/formats/event-data-formats.md lists them).
 *
 * Choices where sitrep knows less than GDELT does (docs/store-export.md):
 * AvgTone is empty (sitrep measures no tone, and 0 would claim a neutral
 * one); Actor1Geo and Actor2Geo are type 0 with empty fields (sitrep
 * places the event, not each actor); ADM2 codes are empty; FeatureID is
 * the GeoNames id (GDELT's are GNS ids) for cities, the ADM1 code for a
 * division and the FIPS code for a country, as GDELT does.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "export/export_internal.h"

#define NCOLUMNS 61

/* The mention in the first sentences (the title and lead of an article)
 * stands for GDELT's "root event": one from the lead paragraph. */
#define LEAD_SENTENCES 3

static void tab(sr_buf *b) { sr_buf_putc(b, '\t'); }

static void field(sr_buf *b, const char *s)
{
    export_tsv_field(b, s);
    tab(b);
}

static void int_field(sr_buf *b, long long v)
{
    sr_buf_printf(b, "%lld", v);
    tab(b);
}

static void date_fields(sr_buf *b, const char *date)
{
    int y, m, d;
    if (!export_parse_date(date, &y, &m, &d)) {
        sr_buf_puts(b, "\t\t\t\t");
        return;
    }
    sr_buf_printf(b, "%04d%02d%02d\t%04d%02d\t%04d\t", y, m, d, y, m, y);
    /* GDELT's fraction: months taken as 30 days, over 365 (2015-02-18 is
     * 2015.1315). */
    sr_buf_put_fixed(b, y + ((m - 1) * 30 + d) / 365.0, 4);
    tab(b);
}

static void actor_fields(sr_buf *b, const char *code, const char *text)
{
    export_actor a;
    export_actor_parse(code, &a);
    field(b, code);
    field(b, text);
    field(b, a.country);
    field(b, a.known_group);
    field(b, ""); /* ethnic: sitrep's dictionaries code none */
    field(b, a.religion[0]);
    field(b, a.religion[1]);
    for (int i = 0; i < 3; i++)
        field(b, a.type[i]);
}

/* A geo block sitrep has nothing for: type 0, the other seven empty (with
 * the tab that ends the block). */
static void empty_geo(sr_buf *b) { sr_buf_puts(b, "0\t\t\t\t\t\t\t\t"); }

static void action_geo(sr_buf *b, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    const export_place *p = &ev->place;
    if (!p->known) {
        empty_geo(b);
        return;
    }
    int_field(b, p->geo_type);
    sr_buf full = SR_BUF_INIT;
    export_place_full_name(r, p, &full);
    field(b, full.data);
    sr_buf_free(&full);
    field(b, p->fips);
    field(b, p->adm1);
    field(b, ""); /* ADM2 */
    sr_buf_put_fixed(b, r->lat, 4);
    tab(b);
    sr_buf_put_fixed(b, r->lon, 4);
    tab(b);
    if (p->geo_type == 1)
        field(b, p->fips);
    else if (p->geo_type == 2 || p->geo_type == 5)
        field(b, p->adm1);
    else if (r->geonameid > 0)
        int_field(b, r->geonameid);
    else
        field(b, "");
}

static void date_added(sr_buf *b, const char *ingested_at)
{
    time_t t;
    struct tm tm;
    if (export_parse_timestamp(ingested_at, &t) && gmtime_r(&t, &tm))
        sr_buf_printf(b, "%04d%02d%02d%02d%02d%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                      tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
    tab(b);
}

static void source_url(sr_buf *b, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    if (r->url && *r->url) {
        export_tsv_field(b, r->url);
    } else if (ev->doc_path && *ev->doc_path) {
        export_tsv_field(b, ev->doc_path);
        if (ev->doc_line > 0)
            sr_buf_printf(b, ":%lld", (long long)ev->doc_line);
    } else {
        export_tsv_field(b, r->doc_key);
    }
}

static void gdelt_begin(export_ctx *x) { (void)x; }
static void gdelt_end(export_ctx *x) { (void)x; }

static enum export_outcome gdelt_event(export_ctx *x, const export_event *ev)
{
    const sr_event_row *r = ev->row;
    sr_buf *b = &x->line;
    int_field(b, ev->id);
    date_fields(b, r->date);
    actor_fields(b, r->source_code, r->source_text);
    actor_fields(b, r->target_code, r->target_text);
    int_field(b, r->sentence < LEAD_SENTENCES);

    /* Codes stay strings: "0251" keeps its zero. */
    const char *code = r->cameo ? r->cameo : "";
    size_t n = strlen(code);
    field(b, code);
    sr_buf_put(b, code, n >= 3 ? 3 : n);
    tab(b);
    sr_buf_put(b, code, n >= 2 ? 2 : n);
    tab(b);
    int_field(b, r->quad_class);
    sr_buf_json_number(b, r->goldstein);
    tab(b);
    int_field(b, ev->num_mentions);
    int_field(b, ev->num_sources);
    int_field(b, ev->num_articles);
    field(b, ""); /* AvgTone */
    empty_geo(b); /* Actor1Geo */
    empty_geo(b); /* Actor2Geo */
    action_geo(b, ev);
    date_added(b, ev->ingested_at);
    source_url(b, ev);
    sr_buf_putc(b, '\n');
    return EXPORT_WRITTEN;
}

const export_writer export_gdelt_writer = {gdelt_begin, gdelt_event, gdelt_end, 0};
