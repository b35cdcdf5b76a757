/*
 * pieces: the inline text both writers put alike, in HTML (html 1) or
 * Markdown. The sections walk the same data in the same order in both
 * formats; what a sentence says is written here once, and each writer
 * keeps only its blocks (tables, lists, headings) and what it alone shows.
 */
#include <string.h>
#include <strings.h>

#include "report/report_internal.h"

void rep_text(sr_buf *b, int html, const char *s)
{
    if (html)
        rep_html(b, s);
    else
        rep_md(b, s);
}

void rep_strong(sr_buf *b, int html, const char *s)
{
    sr_buf_puts(b, html ? "<b>" : "**");
    rep_text(b, html, s);
    sr_buf_puts(b, html ? "</b>" : "**");
}

/* Markdown has no quiet type for a code after a name: parentheses. */
void rep_aside(sr_buf *b, int html, const char *prefix, const char *s)
{
    sr_buf_puts(b, html ? " <span class=\"code\">" : " (");
    sr_buf_puts(b, prefix);
    rep_text(b, html, s);
    sr_buf_puts(b, html ? "</span>" : ")");
}

const rep_source *rep_source_at(const report *r, int n)
{
    return n > 0 && (size_t)n <= r->nsources ? &r->sources[n - 1] : NULL;
}

/* HTML: "Outlet[n]", the outlet's name linking to the article, the
 * number to the Sources list. Markdown: a reference link whose text keeps
 * the number, "[Reuters \[3\]][3]", so the raw text reads the same. */
void rep_put_cite(sr_buf *b, const report *r, int html, int n, const char *outlet)
{
    const rep_source *s = rep_source_at(r, n);
    if (!s)
        return;
    const char *name = outlet ? outlet : s->outlet ? s->outlet : "source";
    int linked = rep_url_linkable(s->url);
    if (html) {
        if (linked) {
            sr_buf_puts(b, "<a href=\"");
            rep_html(b, s->url);
            sr_buf_puts(b, "\">");
            rep_html(b, name);
            sr_buf_puts(b, "</a>");
        } else {
            rep_html(b, name);
        }
        sr_buf_printf(b, "<sup><a href=\"#src-%d\">%d</a></sup>", n, n);
    } else if (linked) {
        sr_buf_putc(b, '[');
        rep_md(b, name);
        sr_buf_printf(b, " \\[%d\\]][%d]", n, n);
    } else {
        rep_md(b, name);
        sr_buf_printf(b, " \\[%d\\]", n);
    }
}

void rep_put_cites(sr_buf *b, const report *r, int html, const int *cites,
                   const char *const *outlets, size_t n)
{
    for (size_t c = 0; c < n; c++) {
        if (c)
            sr_buf_puts(b, ", ");
        rep_put_cite(b, r, html, cites[c], outlets ? outlets[c] : NULL);
    }
}

const char *rep_actor_label(const report *r, int i)
{
    const rep_actor *a = &r->actors[i];
    return a->name ? a->name : a->code;
}

void rep_put_actor(sr_buf *b, int html, const char *text, const char *code)
{
    if (text)
        rep_strong(b, html, text);
    if (code && text) {
        rep_aside(b, html, "", code);
    } else if (code) {
        sr_buf_puts(b, html ? "<span class=\"code\">" : "");
        rep_text(b, html, code);
        sr_buf_puts(b, html ? "</span>" : "");
    }
    if (!text && !code)
        sr_buf_puts(b, html ? "<i>someone</i>" : "someone");
}

/* ---- events ---------------------------------------------------------------- */

void rep_put_event_when_where(sr_buf *b, int html, const rep_event *e)
{
    rep_strong(b, html, e->date ? e->date : "undated");
    if (e->place) {
        sr_buf_puts(b, " \xC2\xB7 ");
        rep_text(b, html, e->place);
    }
}

void rep_put_event_counts(sr_buf *b, const rep_event *e)
{
    sr_buf_printf(b, " \xC2\xB7 %ld outlet%s, %ld article%s, %ld mention%s", e->outlets,
                  e->outlets == 1 ? "" : "s", e->articles, e->articles == 1 ? "" : "s",
                  e->mentions, e->mentions == 1 ? "" : "s");
}

void rep_put_event_what(sr_buf *b, int html, const rep_event *e)
{
    rep_put_actor(b, html, e->source_text, e->source_code);
    if (e->target_text || e->target_code) {
        sr_buf_puts(b, " \xE2\x86\x92 ");
        rep_put_actor(b, html, e->target_text, e->target_code);
    }
    sr_buf_puts(b, ": ");
    rep_text(b, html, e->description ? e->description : "event");
    rep_aside(b, html, "CAMEO ", e->cameo);
}

void rep_put_reported_by(sr_buf *b, const report *r, int html, const rep_event *e)
{
    sr_buf_puts(b, "Reported by ");
    rep_put_cites(b, r, html, e->cites, NULL, e->ncites);
    if ((long)e->ncites < e->articles)
        sr_buf_printf(b, " and %ld more", e->articles - (long)e->ncites);
}

/* ---- places ---------------------------------------------------------------- */

void rep_put_place_name(sr_buf *b, int html, const rep_place *p)
{
    rep_text(b, html, p->name);
    if (rep_area_word(p->feature))
        sr_buf_printf(b, " (%s)", rep_area_word(p->feature));
}

void rep_put_place_counts(sr_buf *b, const report *r)
{
    rep_put_count(b, r->head.placed);
    sr_buf_puts(b, " of ");
    rep_put_count(b, r->head.events);
    sr_buf_puts(b, " events have a place; ");
    rep_put_count(b, r->distinct_places);
    sr_buf_puts(b, " places in all.");
}

/* ---- figures ---------------------------------------------------------------- */

const char *rep_quantity_unit(const rep_quantity *q)
{
    return q->nfigs ? q->figs[0].unit : NULL;
}

/* The subject is said only when it adds to the unit ("people" counted as
 * "civilians" does; "civilians" counted as "civilians" does not). */
static int subject_adds(const char *subject, const char *unit)
{
    return subject && (!unit || strcasecmp(subject, unit) != 0);
}

void rep_put_toll_who(sr_buf *b, int html, const rep_quantity *q)
{
    const char *unit = rep_quantity_unit(q);
    rep_text(b, html, unit);
    if (subject_adds(q->subject, unit) && strcmp(q->subject, "?") != 0)
        rep_aside(b, html, "", q->subject);
}

void rep_put_toll_reporters(sr_buf *b, const report *r, int html, const rep_quantity *q)
{
    for (size_t f = 0; f < q->nfigs; f++) {
        if (f)
            sr_buf_puts(b, "; ");
        rep_put_cite(b, r, html, q->figs[f].cite, q->figs[f].outlet);
        if (q->nfigs > 1) {
            sr_buf_puts(b, " ");
            rep_put_range(b, q->figs[f].low, q->figs[f].high);
        }
    }
}

/* HTML sets the category apart in bold and the rest with middle dots;
 * Markdown reads it as a heading, in words. */
void rep_put_quantity_what(sr_buf *b, int html, const rep_quantity *q)
{
    if (html)
        rep_strong(b, html, q->category);
    else
        rep_md(b, q->category);
    const char *unit = rep_quantity_unit(q);
    if (unit) {
        sr_buf_puts(b, html ? " \xC2\xB7 " : ", ");
        rep_text(b, html, unit);
    }
    if (subject_adds(q->subject, unit))
        rep_aside(b, html, "", q->subject);
    if (q->place) {
        sr_buf_puts(b, html ? " \xC2\xB7 " : " in ");
        rep_text(b, html, q->place);
    }
}

/* ---- quotes ----------------------------------------------------------------- */

void rep_put_speaker_name(sr_buf *b, int html, const rep_speaker *s)
{
    rep_text(b, html, s->name ? s->name : s->code);
    if (s->code && s->name)
        rep_aside(b, html, "", s->code);
}

void rep_put_speaker_counts(sr_buf *b, int html, const rep_speaker *s)
{
    sr_buf_printf(b, "%ld quote%s, %ld outlet%s", s->quotes, s->quotes == 1 ? "" : "s",
                  s->outlets, s->outlets == 1 ? "" : "s");
    if (s->others) {
        sr_buf_puts(b, "; also named ");
        rep_text(b, html, s->others);
    }
}

void rep_put_quote_by(sr_buf *b, const report *r, int html, const rep_quote *q)
{
    sr_buf_puts(b, "\xE2\x80\x94 ");
    rep_text(b, html, q->speaker);
    sr_buf_puts(b, ", ");
    rep_put_cites(b, r, html, q->cites, q->outlets, q->ncites);
    if (q->date) {
        sr_buf_puts(b, ", ");
        rep_text(b, html, q->date);
    }
}

/* ---- sources ---------------------------------------------------------------- */

void rep_put_source_head(sr_buf *b, int html, const rep_source *s)
{
    rep_strong(b, html, s->outlet ? s->outlet : "unknown outlet");
    if (s->published) {
        sr_buf_puts(b, ", ");
        rep_text(b, html, s->published);
    }
    sr_buf_puts(b, ": ");
}
