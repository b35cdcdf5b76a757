/*
 * Quote records as JSON lines. Field names and meanings are a public
 * interface: see docs/records.md before changing anything here.
 */
#include "sitrep/quotes.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

/* The quoted words: the parts, one space between them. */
static void put_quote_text(sr_buf *b, sr_buf *tmp, const char *text, const sr_quote *q)
{
    sr_buf_reset(tmp);
    for (size_t k = 0; k < q->nparts; k++) {
        if (k)
            sr_buf_putc(tmp, ' ');
        sr_buf_put(tmp, text + q->parts[k].start, q->parts[k].end - q->parts[k].start);
    }
    sr_buf_json_str(b, tmp->data ? tmp->data : "", tmp->len);
}

void sr_records_write_quotes(sr_buf *b, const sr_doc *doc, const sr_events *evs,
                             const sr_quote *qs, size_t n)
{
    const char *text = evs->text->src;
    sr_buf tmp = SR_BUF_INIT;
    for (size_t k = 0; k < n; k++) {
        const sr_quote *q = &qs[k];
        sr_buf_puts(b, "{\"kind\":\"quote\",\"doc\":");
        sr_buf_json_strz(b, doc->id);
        sr_buf_printf(b, ",\"sentence\":%u,\"span\":", q->sentence);
        sr_buf_json_span(b, q->start, q->end);
        sr_buf_puts(b, ",\"quote\":");
        put_quote_text(b, &tmp, text, q);
        sr_buf_puts(b, ",\"parts\":[");
        for (size_t p = 0; p < q->nparts; p++) {
            if (p)
                sr_buf_putc(b, ',');
            sr_buf_json_span(b, q->parts[p].start, q->parts[p].end);
        }
        sr_buf_printf(b, "],\"direct\":%s,\"speaker\":", q->direct ? "true" : "false");
        if (q->speaker_end > q->speaker_start) {
            sr_buf_puts(b, "{\"text\":");
            sr_buf_json_str(b, text + q->speaker_start, q->speaker_end - q->speaker_start);
            sr_buf_puts(b, ",\"code\":");
            sr_buf_json_strz(b, q->speaker ? q->speaker->code : NULL);
            sr_buf_puts(b, ",\"span\":");
            sr_buf_json_span(b, q->speaker_start, q->speaker_end);
            sr_buf_putc(b, '}');
        } else {
            sr_buf_puts(b, "null");
        }
        sr_buf_printf(b, ",\"speaker_from_pronoun\":%s,\"cue\":",
                      q->speaker_from_pronoun ? "true" : "false");
        if (q->cue_end > q->cue_start) {
            sr_buf_puts(b, "{\"text\":");
            sr_buf_json_str(b, text + q->cue_start, q->cue_end - q->cue_start);
            sr_buf_puts(b, ",\"span\":");
            sr_buf_json_span(b, q->cue_start, q->cue_end);
            sr_buf_putc(b, '}');
        } else {
            sr_buf_puts(b, "null");
        }
        sr_buf_puts(b, ",\"source_outlet\":");
        sr_buf_json_strz(b, doc->source);
        sr_buf_printf(b, ",\"v\":%d}\n", SR_RECORD_VERSION);
    }
    sr_buf_free(&tmp);
}
