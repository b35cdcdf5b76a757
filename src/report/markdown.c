/*
 * markdown: the report as plain text that reads well raw and renders well
 * (CommonMark with GitHub tables): the same sections as the HTML, with
 * tables where the HTML draws, and no picture or address except the
 * articles'.
 *
 * Citations are reference links, "[Reuters \[3\]][3]": the outlet and the
 * number show in both the raw and the rendered text, and the addresses
 * are listed once, under Sources.
 */
#include <math.h>
#include <string.h>

#include "report/report_internal.h"

static void m(sr_buf *b, const char *s)
{
    rep_md(b, s);
}

/* A bar of up to width characters, in eighths of a block. */
static void put_bar(sr_buf *b, long n, long max, int width)
{
    static const char *const eighths[] = {"", "\xE2\x96\x8F", "\xE2\x96\x8E", "\xE2\x96\x8D",
                                          "\xE2\x96\x8C", "\xE2\x96\x8B", "\xE2\x96\x8A",
                                          "\xE2\x96\x89"};
    long units = max ? (long)llround(8.0 * width * (double)n / (double)max) : 0;
    if (n > 0 && units == 0)
        units = 1;
    for (long i = 0; i < units / 8; i++)
        sr_buf_puts(b, "\xE2\x96\x88");
    sr_buf_puts(b, eighths[units % 8]);
}

static void put_summary(sr_buf *b, const report *r)
{
    const rep_headline *h = &r->head;
    const rep_killed *k = &r->killed;
    sr_buf_puts(b, "## Summary\n\n| Events | Violent | Killed, as reported | Articles | Outlets "
                   "| Period |\n|---:|---:|---:|---:|---:|---|\n| ");
    rep_put_count(b, h->events);
    sr_buf_puts(b, " (");
    rep_put_count(b, h->mentions);
    sr_buf_puts(b, " mentions) | ");
    rep_put_count(b, h->violent);
    sr_buf_printf(b, " (%.0f%%) | ", h->events ? 100.0 * (double)h->violent / (double)h->events : 0.0);
    if (k->nquantities) {
        if (isnan(k->high) || k->high != k->low)
            sr_buf_puts(b, "at least ");
        rep_put_count(b, (long)k->low);
        if (!isnan(k->high) && k->high != k->low) {
            sr_buf_puts(b, ", at most ");
            rep_put_count(b, (long)k->high);
        }
    } else {
        sr_buf_puts(b, "none given");
    }
    sr_buf_puts(b, " | ");
    rep_put_count(b, h->articles);
    sr_buf_puts(b, " | ");
    rep_put_count(b, h->outlets);
    sr_buf_puts(b, " | ");
    if (h->first[0]) {
        m(b, h->first);
        sr_buf_puts(b, " to ");
        m(b, h->last);
    }
    sr_buf_puts(b, " |\n\n");
    if (r->nplaces) {
        sr_buf_puts(b, "Top places: ");
        for (size_t i = 0; i < r->nplaces && i < REP_TOP_PLACES; i++) {
            if (i)
                sr_buf_puts(b, ", ");
            m(b, r->places[i].name);
            sr_buf_printf(b, " (%ld)", r->places[i].events);
        }
        sr_buf_puts(b, ".\n\n");
    }
    sr_buf_puts(b, "### Key points\n\n");
    rep_put_key_points(b, r, 0);
    sr_buf_puts(b, "\n");
}

static void put_timeline(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Timeline\n\n");
    rep_bucket *bk;
    size_t nb;
    rep_bucket_unit unit;
    rep_timeline_buckets(r, 35, &bk, &nb, &unit);
    if (!nb) {
        sr_buf_puts(b, "No dated events.\n\n");
        return;
    }
    /* the six most frequent types get a column each, the rest one */
    long totals[REP_NTYPES] = {0};
    for (size_t i = 0; i < nb; i++)
        for (int t = 0; t < REP_NTYPES; t++)
            totals[t] += bk[i].n[t];
    int cols[6], ncols = 0;
    int taken[REP_NTYPES] = {0};
    while (ncols < 6) {
        int best = -1;
        for (int t = 0; t < REP_NTYPES; t++)
            if (!taken[t] && totals[t] && (best < 0 || totals[t] > totals[best]))
                best = t;
        if (best < 0)
            break;
        taken[best] = 1;
        cols[ncols++] = best;
    }
    int has_rest = 0;
    for (int t = 0; t < REP_NTYPES; t++)
        if (!taken[t] && totals[t])
            has_rest = 1;
    long max = 0;
    for (size_t i = 0; i < nb; i++)
        if (bk[i].total > max)
            max = bk[i].total;
    sr_buf_printf(b, "| %s | Events |", unit == REP_BY_DAY ? "Day" : unit == REP_BY_WEEK ? "Week of" : "Month");
    for (int c = 0; c < ncols; c++)
        sr_buf_printf(b, " %s |", rep_types[cols[c]].label);
    if (has_rest)
        sr_buf_puts(b, " Other types |");
    sr_buf_puts(b, " |\n|---|---:|");
    for (int c = 0; c < ncols + has_rest; c++)
        sr_buf_puts(b, "---:|");
    sr_buf_puts(b, "---|\n");
    size_t empty = 0;
    for (size_t i = 0; i < nb; i++)
        empty += bk[i].total == 0;
    for (size_t i = 0; i < nb; i++) {
        if (2 * empty > nb && !bk[i].total)
            continue; /* a sparse table keeps to the periods with events */
        char day[11];
        rep_day_string(bk[i].first_day, day);
        if (unit == REP_BY_MONTH)
            day[7] = '\0';
        sr_buf_printf(b, "| %s | %ld |", day, bk[i].total);
        long rest = bk[i].total;
        for (int c = 0; c < ncols; c++) {
            long n = bk[i].n[cols[c]];
            rest -= n;
            if (n)
                sr_buf_printf(b, " %ld |", n);
            else
                sr_buf_puts(b, " |");
        }
        if (has_rest) {
            if (rest)
                sr_buf_printf(b, " %ld |", rest);
            else
                sr_buf_puts(b, " |");
        }
        sr_buf_putc(b, ' ');
        put_bar(b, bk[i].total, max, 20);
        sr_buf_puts(b, " |\n");
    }
    sr_buf_putc(b, '\n');
    rep_put_timeline_note(b, r, bk, nb, unit, "not counted here", "not counted here");
    sr_buf_puts(b, "\n\n");
}

static void put_places(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Places\n\n");
    if (!r->nplaces) {
        sr_buf_puts(b, "No event has a place.\n\n");
        return;
    }
    sr_buf_puts(b, "| Place | Province | Country | Events | Violent | Mentions | Lat, lon |\n"
                   "|---|---|---|---:|---:|---:|---:|\n");
    for (size_t i = 0; i < r->nplaces && i < REP_LIST_PLACES; i++) {
        const rep_place *p = &r->places[i];
        sr_buf_puts(b, "| ");
        rep_put_place_name(b, 0, p);
        sr_buf_puts(b, " | ");
        if (p->admin1 && strcmp(p->admin1, p->name) != 0)
            m(b, p->admin1);
        sr_buf_puts(b, " | ");
        m(b, p->country);
        sr_buf_printf(b, " | %ld | %ld | %ld | ", p->events, p->violent, p->mentions);
        if (!isnan(p->lat))
            sr_buf_printf(b, "%.2f, %.2f", p->lat, p->lon);
        sr_buf_puts(b, " |\n");
    }
    sr_buf_puts(b, "\n");
    rep_put_place_counts(b, r);
    sr_buf_puts(b, " The HTML report draws them on a map.\n\n");
}

static void put_events(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Most reported events\n\n");
    if (!r->nevents) {
        sr_buf_puts(b, "No events.\n\n");
        return;
    }
    for (size_t i = 0; i < r->nevents; i++) {
        const rep_event *e = &r->events[i];
        sr_buf_printf(b, "%zu. ", i + 1);
        rep_put_event_when_where(b, 0, e);
        sr_buf_printf(b, " \xC2\xB7 %s", rep_types[e->type].label);
        rep_put_event_counts(b, e);
        sr_buf_puts(b, "  \n   ");
        rep_put_event_what(b, 0, e);
        sr_buf_puts(b, "  \n");
        if (e->sentence) {
            sr_buf_puts(b, "   \xE2\x80\x9C");
            m(b, e->sentence);
            sr_buf_puts(b, "\xE2\x80\x9D  \n");
        }
        sr_buf_puts(b, "   ");
        rep_put_reported_by(b, r, 0, e);
        sr_buf_puts(b, "\n\n");
    }
}

static void put_network(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Who acts on whom\n\n");
    if (!r->nedges) {
        sr_buf_puts(b, "No event names both a source and a target.\n\n");
        return;
    }
    sr_buf_puts(b, "| Source | Target | Events | Mostly |\n|---|---|---:|---|\n");
    for (size_t i = 0; i < r->nedges; i++) {
        const rep_edge *e = &r->edges[i];
        const rep_actor *s = &r->actors[e->source], *t = &r->actors[e->target];
        sr_buf_puts(b, "| ");
        rep_put_actor(b, 0, s->name, s->code);
        sr_buf_puts(b, " | ");
        rep_put_actor(b, 0, t->name, t->code);
        sr_buf_printf(b, " | %ld | %s (%ld) |\n", e->events, rep_types[e->type].label,
                      e->type_events);
    }
    sr_buf_printf(b, "\nThe %zu pairs of actors with the most events, source acting on target.\n\n",
                  r->nedges);
}

static const char *status(const rep_quantity *q)
{
    if (q->nfigs < 2 && q->noutlets < 2)
        return "one report";
    return q->contested ? "**CONTESTED**" : "AGREED";
}

static void put_killed_rows(sr_buf *b, const report *r, const rep_quantity *rows, size_t n)
{
    sr_buf_puts(b, "| Date | Place | Who | Killed | Reported by | Status |\n"
                   "|---|---|---|---:|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        const rep_quantity *q = &rows[i];
        sr_buf_puts(b, "| ");
        m(b, q->date);
        sr_buf_puts(b, " | ");
        m(b, q->place);
        sr_buf_puts(b, " | ");
        rep_put_toll_who(b, 0, q);
        sr_buf_puts(b, " | ");
        rep_put_range(b, q->low, q->high);
        sr_buf_puts(b, " | ");
        rep_put_toll_reporters(b, r, 0, q);
        sr_buf_printf(b, " | %s |\n", status(q));
    }
}

static void put_killed(sr_buf *b, const report *r)
{
    const rep_killed *k = &r->killed;
    sr_buf_puts(b, "## Killed, as reported\n\n");
    if (!k->nfigures) {
        sr_buf_puts(b, "No article gives a number of people killed.\n\n");
        return;
    }
    rep_put_killed(b, r, 0);
    sr_buf_puts(b, "\n\n");
    if (k->nrows) {
        put_killed_rows(b, r, k->rows, k->nrows);
        if (k->nquantities > k->nrows)
            sr_buf_printf(b, "\nThe %zu largest of %zu incident tolls.\n", k->nrows, k->nquantities);
        sr_buf_puts(b, "\n");
    }
    if (k->ncumulative) {
        sr_buf_puts(b, "### Tolls over a longer span (not added up)\n\n");
        put_killed_rows(b, r, k->cumulative, k->ncumulative);
        sr_buf_puts(b, "\nDated to a month or a year (\xE2\x80\x9Csince March 2011\xE2\x80\x9D), dated "
                       "over a month before their article, or of ten thousand and more with no "
                       "date of their own.\n\n");
    }
}

static void put_groups(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Figures compared across outlets\n\n");
    if (!r->ngroups) {
        sr_buf_puts(b, "No quantity is given by two outlets.\n\n");
        return;
    }
    sr_buf_printf(b, "Quantities that two or more outlets give (same thing counted, same place, "
                     "close dates). CONTESTED: their values cannot all be true; AGREED: they "
                     "can. %zu contested in all.\n\n",
                  r->ngroups_contested);
    for (size_t g = 0; g < r->ngroups; g++) {
        const rep_quantity *q = &r->groups[g];
        sr_buf_printf(b, "### %s: ", q->contested ? "CONTESTED" : "AGREED");
        rep_put_quantity_what(b, 0, q);
        sr_buf_printf(b, ", %zu outlets\n\n| Outlet | Date | Value | As written | Claimed by | In "
                         "context |\n|---|---|---:|---|---|---|\n",
                      q->noutlets);
        for (size_t f = 0; f < q->nfigs; f++) {
            const rep_figure *fg = &q->figs[f];
            sr_buf_puts(b, "| ");
            rep_put_cite(b, r, 0, fg->cite, fg->outlet);
            sr_buf_puts(b, " | ");
            m(b, fg->date);
            sr_buf_puts(b, " | ");
            rep_put_range(b, fg->low, fg->high);
            sr_buf_puts(b, " | ");
            m(b, fg->figure_text);
            sr_buf_puts(b, " | ");
            m(b, fg->claimant);
            sr_buf_puts(b, " | ");
            m(b, fg->sentence);
            sr_buf_puts(b, " |\n");
        }
        sr_buf_puts(b, "\n");
    }
}

static void put_quotes(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Quotes by speaker\n\n");
    if (!r->nspeakers) {
        sr_buf_puts(b, "No attributed quotations.\n\n");
        return;
    }
    sr_buf_puts(b, "The most quoted speakers of ");
    rep_put_count(b, r->nquotes);
    sr_buf_puts(b, " quotations, direct quotes of a readable length first.\n\n");
    for (size_t i = 0; i < r->nspeakers; i++) {
        const rep_speaker *s = &r->speakers[i];
        sr_buf_puts(b, "### ");
        rep_put_speaker_name(b, 0, s);
        sr_buf_puts(b, ": ");
        rep_put_speaker_counts(b, 0, s);
        sr_buf_puts(b, "\n\n");
        for (size_t k = 0; k < s->nq; k++) {
            const rep_quote *q = &s->q[k];
            sr_buf_puts(b, q->direct ? "> \xE2\x80\x9C" : "> ");
            m(b, q->text);
            sr_buf_puts(b, q->direct ? "\xE2\x80\x9D" : " *(reported speech)*");
            sr_buf_puts(b, "  \n> ");
            rep_put_quote_by(b, r, 0, q);
            sr_buf_puts(b, "\n\n");
        }
    }
}

static void put_labels(sr_buf *b, const report *r)
{
    const rep_labels *l = &r->labels;
    sr_buf_puts(b, "## Framing words by outlet\n\n");
    if (!l->noutlets) {
        sr_buf_puts(b, "No outlet names armed groups with a label word.\n\n");
        return;
    }
    sr_buf_puts(b, "| Outlet |");
    for (size_t w = 0; w < l->nwords; w++) {
        sr_buf_putc(b, ' ');
        m(b, l->words[w]);
        sr_buf_puts(b, " |");
    }
    sr_buf_puts(b, " All |\n|---|");
    for (size_t w = 0; w <= l->nwords; w++)
        sr_buf_puts(b, "---:|");
    sr_buf_putc(b, '\n');
    for (size_t o = 0; o < l->noutlets; o++) {
        const long *row = &l->counts[o * l->nwords];
        size_t top = rep_labels_top(l, o);
        sr_buf_puts(b, "| ");
        m(b, l->outlets[o]);
        sr_buf_puts(b, " |");
        for (size_t w = 0; w < l->nwords; w++) {
            if (!row[w])
                sr_buf_puts(b, " |");
            else if (w == top)
                sr_buf_printf(b, " **%ld** |", row[w]);
            else
                sr_buf_printf(b, " %ld |", row[w]);
        }
        sr_buf_printf(b, " %ld |\n", l->outlet_total[o]);
    }
    sr_buf_puts(b, "\nHow often each outlet calls armed groups by each word; its most used word in "
                   "bold.\n\n");
}

static void put_sources(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "## Sources\n\n");
    if (!r->nsources) {
        sr_buf_puts(b, "Nothing cited.\n\n");
        return;
    }
    for (size_t i = 0; i < r->nsources; i++) {
        const rep_source *s = &r->sources[i];
        sr_buf_printf(b, "%zu. ", i + 1);
        rep_put_source_head(b, 0, s);
        m(b, s->title ? s->title : s->doc_key);
        if (rep_url_linkable(s->url)) {
            sr_buf_puts(b, " <");
            rep_md_url(b, s->url);
            sr_buf_putc(b, '>');
        } else if (s->url) {
            sr_buf_puts(b, " (");
            m(b, s->url);
            sr_buf_putc(b, ')');
        }
        sr_buf_putc(b, '\n');
    }
    sr_buf_putc(b, '\n');
    for (size_t i = 0; i < r->nsources; i++)
        if (rep_url_linkable(r->sources[i].url)) {
            sr_buf_printf(b, "[%zu]: <", i + 1);
            rep_md_url(b, r->sources[i].url);
            sr_buf_puts(b, ">\n");
        }
    sr_buf_putc(b, '\n');
}

void rep_write_markdown(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "# ");
    rep_md(b, r->opt->title ? r->opt->title : "Situation report");
    sr_buf_puts(b, ": ");
    rep_put_scope(b, r, 0);
    sr_buf_puts(b, "\n\nPeriod: ");
    rep_put_period(b, r, 0);
    sr_buf_puts(b, " \xC2\xB7 ");
    rep_put_count(b, r->head.articles);
    sr_buf_puts(b, " articles from ");
    rep_put_count(b, r->head.outlets);
    sr_buf_puts(b, " outlets \xC2\xB7 coded by sitrep " SR_VERSION "\n\n");
    put_summary(b, r);
    put_timeline(b, r);
    put_places(b, r);
    put_events(b, r);
    put_network(b, r);
    put_killed(b, r);
    put_groups(b, r);
    put_quotes(b, r);
    put_labels(b, r);
    put_sources(b, r);
    sr_buf_puts(b, "---\n\nHow this report counts: reports of the same event (same or next day, "
                   "same actors, same kind, same place) are one event. Violent: CAMEO quad class "
                   "4. Killed: the figures the articles give, once per toll, as the range the "
                   "reports allow. Quotes and framing words come from the articles that report "
                   "the selected events. Machine coding makes mistakes: check the sentence "
                   "before you cite a line.\n");
}
