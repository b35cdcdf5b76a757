/*
 * summary: the report's opening in sentences, the same in both formats:
 * what the report covers and the few points a reader should take away
 * before looking at any chart.
 */
#include <math.h>
#include <string.h>

#include "report/report_internal.h"

void rep_put_scope(sr_buf *b, const report *r, int html)
{
    const sr_report_options *o = r->opt;
    size_t start = b->len;
    if (o->place)
        rep_text(b, html, o->place);
    if (o->actor) {
        sr_buf_puts(b, b->len > start ? ", actor " : "Actor ");
        rep_text(b, html, o->actor);
    }
    if (b->len == start)
        sr_buf_puts(b, "All events");
}

void rep_put_period(sr_buf *b, const report *r, int html)
{
    const sr_report_options *o = r->opt;
    const char *from = o->since ? o->since : r->head.first[0] ? r->head.first : NULL;
    const char *to = o->until ? o->until : r->head.last[0] ? r->head.last : NULL;
    if (!from && !to) {
        sr_buf_puts(b, "no dated events");
        return;
    }
    if (from)
        rep_text(b, html, from);
    else
        sr_buf_puts(b, "\xE2\x80\xA6");
    sr_buf_puts(b, " to ");
    if (to)
        rep_text(b, html, to);
    else
        sr_buf_puts(b, "\xE2\x80\xA6");
}

/* The key points as list items: "<li>...</li>" or "- ...". */
void rep_put_key_points(sr_buf *b, const report *r, int html)
{
    const rep_headline *h = &r->head;
    const char *open = html ? "<li>" : "- ", *close = html ? "</li>\n" : "\n";

    sr_buf_puts(b, open);
    rep_put_count(b, h->events);
    sr_buf_puts(b, h->events == 1 ? " event (" : " events (");
    rep_put_count(b, h->mentions);
    sr_buf_puts(b, h->mentions == 1 ? " mention) in " : " mentions) in ");
    rep_put_count(b, h->articles);
    sr_buf_puts(b, h->articles == 1 ? " article from " : " articles from ");
    rep_put_count(b, h->outlets);
    sr_buf_puts(b, h->outlets == 1 ? " outlet" : " outlets");
    if (h->first[0])
        sr_buf_printf(b, ", dated %s to %s", h->first, h->last);
    sr_buf_puts(b, ".");
    sr_buf_puts(b, close);
    if (!h->events)
        return;

    sr_buf_puts(b, open);
    rep_put_count(b, h->violent);
    sr_buf_printf(b, " violent (material conflict: %.0f%% of events)", 100.0 * (double)h->violent / (double)h->events);
    /* the three places with the most violent events, most first */
    size_t worst[3], ntop = 0;
    for (size_t i = 0; i < r->nplaces; i++) {
        if (!r->places[i].violent)
            continue;
        size_t at = ntop < 3 ? ntop++ : 3;
        while (at > 0 && r->places[worst[at - 1]].violent < r->places[i].violent) {
            if (at < 3)
                worst[at] = worst[at - 1];
            at--;
        }
        if (at < 3)
            worst[at] = i;
    }
    for (size_t k = 0; k < ntop; k++) {
        sr_buf_puts(b, k == 0 ? "; the most in " : ", ");
        rep_strong(b, html, r->places[worst[k]].name);
        sr_buf_printf(b, " (%ld)", r->places[worst[k]].violent);
    }
    sr_buf_puts(b, ".");
    sr_buf_puts(b, close);

    /* the busiest day, and what most of its events were */
    long best = 0;
    int best_day = -1, best_type = 0;
    for (size_t i = 0; i < r->ntimeline;) {
        size_t j = i;
        long total = 0, top = 0;
        int top_type = 0;
        while (j < r->ntimeline && r->timeline[j].day == r->timeline[i].day) {
            total += r->timeline[j].n;
            if (r->timeline[j].n > top) {
                top = r->timeline[j].n;
                top_type = r->timeline[j].type;
            }
            j++;
        }
        if (total > best) {
            best = total;
            best_day = r->timeline[i].day;
            best_type = top_type;
        }
        i = j;
    }
    if (best_day >= 0 && best > 1) {
        char day[11];
        rep_day_string(best_day, day);
        sr_buf_printf(b, "%sBusiest day: %s, %ld events, mostly %s.%s", open, day, best,
                      rep_types[best_type].label, close);
    }

    if (r->nedges) {
        const rep_edge *e = &r->edges[0];
        sr_buf_puts(b, open);
        sr_buf_puts(b, "Most frequent pair: ");
        rep_strong(b, html, rep_actor_label(r, e->source));
        sr_buf_puts(b, " \xE2\x86\x92 ");
        rep_strong(b, html, rep_actor_label(r, e->target));
        sr_buf_printf(b, ", %ld events, %ld of them %s.", e->events, e->type_events,
                      rep_types[e->type].label);
        sr_buf_puts(b, close);
    }

    if (r->killed.nfigures) {
        sr_buf_puts(b, open);
        sr_buf_puts(b, "Killed, as reported: ");
        rep_put_killed(b, r, html);
        sr_buf_puts(b, close);
    }

    if (r->ngroups_contested) {
        const rep_quantity *q = NULL;
        for (size_t i = 0; i < r->ngroups && !q; i++)
            if (r->groups[i].contested)
                q = &r->groups[i];
        sr_buf_puts(b, open);
        sr_buf_printf(b, "%zu figure%s contested between outlets", r->ngroups_contested,
                      r->ngroups_contested == 1 ? " is" : "s are");
        if (q && q->nfigs >= 2) {
            sr_buf_puts(b, ", e.g. ");
            rep_text(b, html, q->category);
            if (q->place) {
                sr_buf_puts(b, " in ");
                rep_text(b, html, q->place);
            }
            sr_buf_puts(b, ": ");
            for (size_t i = 0; i < q->nfigs && i < 3; i++) {
                if (i)
                    sr_buf_puts(b, " vs ");
                rep_put_range(b, q->figs[i].low, q->figs[i].high);
                sr_buf_puts(b, " (");
                rep_text(b, html, q->figs[i].outlet);
                sr_buf_puts(b, ")");
            }
        }
        sr_buf_puts(b, ".");
        sr_buf_puts(b, close);
    }

    if (r->nspeakers) {
        const rep_speaker *s = &r->speakers[0];
        sr_buf_puts(b, open);
        sr_buf_puts(b, "Most quoted: ");
        rep_strong(b, html, s->name ? s->name : s->code);
        if (s->code && s->name) {
            sr_buf_puts(b, " (");
            rep_text(b, html, s->code);
            sr_buf_puts(b, ")");
        }
        sr_buf_printf(b, ", %ld quote%s in %ld outlet%s.", s->quotes, s->quotes == 1 ? "" : "s",
                      s->outlets, s->outlets == 1 ? "" : "s");
        sr_buf_puts(b, close);
    }
}

void rep_put_killed(sr_buf *b, const report *r, int html)
{
    const rep_killed *k = &r->killed;
    const char *bold = html ? "<b>" : "**", *unbold = html ? "</b>" : "**";
    if (k->nquantities) {
        sr_buf_puts(b, bold);
        if (isnan(k->high) || k->high != k->low)
            sr_buf_puts(b, "at least ");
        rep_put_count(b, (long)k->low);
        sr_buf_puts(b, unbold);
        if (!isnan(k->high) && k->high != k->low) {
            sr_buf_printf(b, " and at most %s", bold);
            rep_put_count(b, (long)k->high);
            sr_buf_puts(b, unbold);
        }
        sr_buf_printf(b, " killed in %zu incident toll%s (", k->nquantities,
                      k->nquantities == 1 ? "" : "s");
    } else {
        sr_buf_puts(b, "no toll of a single incident (");
    }
    sr_buf_printf(b, "%zu figure%s from %zu outlet%s; ", k->nfigures, k->nfigures == 1 ? "" : "s",
                  k->noutlets, k->noutlets == 1 ? "" : "s");
    if (k->ncontested)
        sr_buf_printf(b, "%zu contested)", k->ncontested);
    else
        sr_buf_puts(b, "none contested)");
    if (k->ncumulative_all) {
        const rep_quantity *q = &k->cumulative[0];
        sr_buf_printf(b, "; %zu toll%s over a longer span kept apart, the largest ",
                      k->ncumulative_all, k->ncumulative_all == 1 ? "" : "s");
        rep_put_range(b, q->low, q->high);
        if (q->nfigs) {
            sr_buf_puts(b, " (");
            rep_text(b, html, q->figs[0].outlet);
            sr_buf_puts(b, ")");
        }
    }
    sr_buf_puts(b, ".");
}
