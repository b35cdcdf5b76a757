/*
 * Event records as JSON lines. Field names and meanings are a public
 * interface: see docs/records.md before changing anything here.
 */
#include <string.h>

#include "sitrep/records.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

static void put_span(sr_buf *b, uint32_t start, uint32_t end)
{
    sr_buf_printf(b, "[%u,%u]", start, end);
}

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
    put_span(b, a->start, a->end);
    if (a->inferred)
        sr_buf_puts(b, ",\"inferred\":true");
    if (a->new_actor)
        sr_buf_puts(b, ",\"new\":true");
    sr_buf_putc(b, '}');
}

void sr_records_write_events(sr_buf *b, const sr_doc *doc, const sr_events *evs)
{
    const char *text = evs->text->src;
    for (size_t k = 0; k < evs->n; k++) {
        const sr_event *e = &evs->events[k];
        sr_buf_puts(b, "{\"kind\":\"event\",\"doc\":");
        sr_buf_json_strz(b, doc->id);
        sr_buf_printf(b, ",\"sentence\":%u,\"span\":", e->sentence);
        put_span(b, e->sent_start, e->sent_end);
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
            sr_buf_printf(b, ",\"quad_class\":%d,\"goldstein\":%.1f,\"plover\":{\"type\":",
                          e->info->quad_class, e->info->goldstein);
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
        put_span(b, e->verb_start, e->verb_end);
        sr_buf_puts(b, "},\"pattern\":");
        if (e->pattern_file)
            sr_buf_printf(b, "\"%s:%u\"", e->pattern_file, e->pattern_line);
        else
            sr_buf_puts(b, "null");
        sr_buf_puts(b, ",\"date\":");
        sr_buf_json_strz(b, doc->date);
        sr_buf_puts(b, ",\"date_source\":");
        sr_buf_json_strz(b, doc->date ? "metadata" : NULL);
        sr_buf_puts(b, ",\"source_outlet\":");
        sr_buf_json_strz(b, doc->source);
        sr_buf_printf(b, ",\"v\":%d}\n", SR_RECORD_VERSION);
    }
}
