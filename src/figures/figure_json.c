/*
 * Figure records as JSON lines, in the stream of event records. Field
 * names and meanings are a public interface: docs/records.md and
 * docs/figures.md describe them.
 */
#include <math.h>

#include "sitrep/figures.h"
#include "sitrep/records.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

/* {code, text, span} of words in the text, with the code of the actor
 * phrase among them (null when none); null when there are no words. */
static void put_party(sr_buf *b, const char *text, const sr_actor_phrase *p, uint32_t start,
                      uint32_t end)
{
    if (!p && start == end) {
        sr_buf_puts(b, "null");
        return;
    }
    if (start == end) {
        start = p->start;
        end = p->end;
    }
    sr_buf_puts(b, "{\"code\":");
    sr_buf_json_strz(b, p ? p->code : NULL);
    sr_buf_puts(b, ",\"text\":");
    sr_buf_json_str(b, text + start, end - start);
    sr_buf_puts(b, ",\"span\":");
    sr_buf_json_span(b, start, end);
    if (p && p->inferred)
        sr_buf_puts(b, ",\"inferred\":true");
    sr_buf_putc(b, '}');
}

/* A figure's place and date, as for events: a place (finer than a
 * country first) and a calendar date named in its sentence, else the
 * document's. */
void sr_figure_where_when_of(const sr_events *evs, const sr_figure *f, sr_figure_where_when *out)
{
    const sr_place_mention *m = NULL, *doc_m = NULL;
    const char *from = NULL;
    uint32_t best_d = UINT32_MAX;
    for (size_t i = 0; i < evs->nplaces; i++) {
        const sr_place_mention *p = &evs->places[i];
        int fine = p->place.feature != SR_FEATURE_COUNTRY;
        if (fine && !doc_m)
            doc_m = p;
        if (p->sentence != f->sentence || !fine)
            continue;
        uint32_t d = p->end <= f->start ? f->start - p->end : (p->start >= f->end ? p->start - f->end : 0);
        if (d < best_d) {
            best_d = d;
            m = p;
        }
    }
    if (m)
        from = "sentence";
    else if (doc_m) {
        m = doc_m;
        from = "document";
    }
    const sr_timex *x = NULL;
    for (size_t i = 0; i < evs->ntimexes && !x; i++) {
        const sr_timex *c = &evs->timexes[i];
        if (c->sentence == f->sentence && sr_timex_is_calendar(c))
            x = c;
    }
    out->place = m;
    out->place_from = from;
    out->date = x ? x->value : evs->doc_date;
    out->date_timex = x;
    out->date_precision = x ? x->precision : evs->doc_date_precision;
    out->date_source = x ? "text" : evs->doc_date_from;
}

static void put_where_when(sr_buf *b, const sr_events *evs, const sr_figure *f)
{
    sr_figure_where_when ww;
    sr_figure_where_when_of(evs, f, &ww);
    sr_records_write_where_when(b, evs->text->src, ww.place, ww.place_from, ww.date,
                                ww.date_timex, ww.date_precision, ww.date_source);
}

void sr_records_write_figures(sr_buf *b, const sr_doc *doc, const sr_events *evs,
                              const sr_figure *fs, size_t n)
{
    const sr_text *t = evs->text;
    const char *text = t->src;
    for (size_t k = 0; k < n; k++) {
        const sr_figure *f = &fs[k];
        const sr_sentence *sn = &t->sentences[f->sentence];
        sr_buf_puts(b, "{\"kind\":\"figure\",\"doc\":");
        sr_buf_json_strz(b, doc->id);
        sr_buf_printf(b, ",\"sentence\":%u,\"span\":", f->sentence);
        sr_buf_json_span(b, f->start, f->end);
        sr_buf_puts(b, ",\"text\":");
        sr_buf_json_str(b, text + sn->start, sn->end - sn->start);
        sr_buf_puts(b, ",\"figure_text\":");
        sr_buf_json_str(b, text + f->start, f->end - f->start);
        sr_buf_puts(b, ",\"value\":");
        sr_buf_json_number(b, f->exact ? f->low : NAN);
        sr_buf_puts(b, ",\"low\":");
        sr_buf_json_number(b, f->low);
        sr_buf_puts(b, ",\"high\":");
        sr_buf_json_number(b, f->high);
        sr_buf_puts(b, ",\"qualifier\":");
        sr_buf_json_strz(b, f->qualifier);
        sr_buf_puts(b, ",\"category\":");
        sr_buf_json_strz(b, f->category);
        sr_buf_puts(b, ",\"unit\":");
        if (f->unit_text) {
            sr_buf_puts(b, "{\"text\":");
            sr_buf_json_str(b, text + f->unit_start, f->unit_end - f->unit_start);
            sr_buf_puts(b, ",\"span\":");
            sr_buf_json_span(b, f->unit_start, f->unit_end);
            sr_buf_putc(b, '}');
        } else {
            sr_buf_puts(b, "null");
        }
        sr_buf_puts(b, ",\"whose\":");
        put_party(b, text, f->whose, 0, 0);
        sr_buf_puts(b, ",\"claimant\":");
        put_party(b, text, f->claimant, f->claimant_start, f->claimant_end);
        put_where_when(b, evs, f);
        sr_buf_puts(b, ",\"source_outlet\":");
        sr_buf_json_strz(b, doc->source);
        sr_buf_printf(b, ",\"v\":%d}\n", SR_RECORD_VERSION);
    }
}
