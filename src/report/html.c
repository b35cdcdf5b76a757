/*
 * html: the report as one self-contained page.
 *
 * Inline CSS and SVG, system fonts, no scripts: the file opens offline, in
 * any browser, years from now, and prints on A4. The only addresses in it
 * are the articles' own (rep_url_linkable), each link also numbered into
 * the Sources list so a printed copy keeps its references.
 */
#include <math.h>
#include <string.h>

#include "report/report_internal.h"

static const char css[] =
    ":root{--ink:#1d2329;--muted:#5f6b76;--line:#dde2e7;--soft:#f4f5f7;--red:#a50f15;--blue:#1f5fa8}\n"
    "*{box-sizing:border-box}\n"
    "body{margin:0;background:#fff;color:var(--ink);font:15px/1.5 system-ui,-apple-system,"
    "\"Segoe UI\",\"DejaVu Sans\",\"Liberation Sans\",Helvetica,Arial,sans-serif}\n"
    "main{max-width:1080px;margin:0 auto;padding:26px 32px 56px}\n"
    "a{color:var(--blue);text-decoration:none}a:hover{text-decoration:underline}\n"
    "header.top{border-bottom:3px solid var(--ink);padding-bottom:10px;margin-bottom:18px}\n"
    ".kicker{font-size:12px;font-weight:700;letter-spacing:.12em;text-transform:uppercase;color:var(--red)}\n"
    "h1{font-size:28px;line-height:1.2;margin:2px 0 6px}\n"
    ".meta{color:var(--muted);font-size:13px;margin:0}\n"
    "h2{font-size:19px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}\n"
    "h3{font-size:15px;margin:18px 0 6px}\n"
    ".cards{display:grid;grid-template-columns:repeat(3,1fr);gap:10px;margin:6px 0 8px}\n"
    ".card{background:var(--soft);border-left:4px solid #7b8794;padding:9px 12px 10px}\n"
    ".card.red{border-left-color:var(--red)}.card.blue{border-left-color:var(--blue)}\n"
    ".card .n{font-size:26px;font-weight:700;line-height:1.15}\n"
    ".card .l{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted)}\n"
    ".card .s{font-size:13px;color:var(--muted)}\n"
    "ul.points{padding-left:20px;margin:6px 0}ul.points li{margin:3px 0}\n"
    ".note{color:var(--muted);font-size:13px;margin:6px 0}\n"
    "svg{display:block;width:100%;height:auto}\n"
    "svg text{font-family:inherit}\n"
    ".chart .grid{stroke:#e6e9ec}.chart .axis{stroke:#8a949e}.chart .tick{stroke:#8a949e}\n"
    ".chart .ylab{font-size:11px;fill:var(--muted);text-anchor:end}\n"
    ".chart .xlab{font-size:11px;fill:var(--muted);text-anchor:middle}.chart .year{font-weight:700}\n"
    ".legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12.5px;margin:4px 0 8px}\n"
    ".legend span.k{display:inline-block;width:11px;height:11px;margin-right:5px;vertical-align:-1px}\n"
    ".map{border:1px solid #c9d0d6}\n"
    ".map .sea{fill:#e8f0f6}.map .c{fill:#f7f5f0;stroke:#a9a398;stroke-width:.7;fill-rule:evenodd}\n"
    ".map .c.hit{fill:#f6ecdc}\n"
    ".map .grat line{stroke:#cfdce6;stroke-width:.6}.map .grat text{font-size:10px;fill:#7f95a6}\n"
    ".map .cname text{font-size:12px;fill:#8d857a;text-anchor:middle;letter-spacing:.14em;text-transform:uppercase}\n"
    ".map .ev circle{stroke:#fff;stroke-width:1.2;fill-opacity:.74}\n"
    ".map .ev .area{fill-opacity:.12;stroke-width:1.6;stroke-dasharray:4 3}\n"
    ".map .plabel text{font-size:13px;font-weight:600;fill:#1d2329;stroke:#fff;stroke-width:3.5px;"
    "paint-order:stroke;stroke-linejoin:round}\n"
    ".map .scale rect{fill:#fff;fill-opacity:.8}.map .scale path{fill:none;stroke:#333;stroke-width:1.5}"
    ".map .scale text{font-size:11px;fill:#333}\n"
    ".map .credit{font-size:10px;fill:#7f8c96;text-anchor:end}.map .frame{fill:none;stroke:#c9d0d6}\n"
    ".mapkey{font-size:12.5px;color:var(--muted);margin:6px 0}\n"
    ".mapkey i{display:inline-block;width:11px;height:11px;border-radius:50%;margin:0 4px -1px 10px}\n"
    ".mapkey b.ramp{display:inline-block;width:90px;height:10px;margin:0 5px -1px;font-weight:400;"
    "background:linear-gradient(90deg,#2166ac,#76508c,#b2182b)}\n"
    ".net .edges path{fill:none;stroke-opacity:.78}\n"
    ".net .edges text.n{font-size:11px;font-weight:700;fill:#333;text-anchor:middle;stroke:#fff;"
    "stroke-width:3px;paint-order:stroke}\n"
    ".net .nodes circle{fill:#39424c;stroke:#fff;stroke-width:1.5}\n"
    ".net .nodes .an{font-size:13px;font-weight:600;fill:#1d2329}.net .nodes .ac{font-size:11px;fill:#6b7682}\n"
    "table{border-collapse:collapse;width:100%;font-size:13.5px;margin:6px 0 4px}table.figs{table-layout:fixed}\n"
    "th,td{text-align:left;padding:5px 8px;border-bottom:1px solid var(--line);vertical-align:top}\n"
    "th{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted);"
    "border-bottom:2px solid #c5ccd3;font-weight:600}\n"
    "td.n,th.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}td.d{white-space:nowrap}\n"
    "code,.code{font-family:\"DejaVu Sans Mono\",Menlo,Consolas,monospace;font-size:12px;color:#55606b}\n"
    ".badge{display:inline-block;font-size:11px;font-weight:700;padding:1px 7px;border-radius:3px;"
    "color:#fff;letter-spacing:.03em;white-space:nowrap}\n"
    ".contested{background:#a50f15}.agreed{background:#2e7d32}\n"
    "ol.events{list-style:none;padding:0;margin:0}\n"
    "ol.events>li{border-left:4px solid #ccc;padding:6px 12px 8px;margin:0 0 10px;background:#fbfbfc}\n"
    ".evhead{font-size:13px;color:var(--muted)}.evhead b{color:var(--ink)}\n"
    ".evwhat{margin:2px 0}\n"
    "q,blockquote{quotes:\"\\201C\" \"\\201D\"}\n"
    ".said{margin:4px 0;color:#333;font-style:italic}\n"
    ".src{font-size:12.5px;color:var(--muted)}\n"
    "sup{font-size:10px;line-height:0}\n"
    ".fig{margin:10px 0 16px}.fig .head{font-size:14px;margin-bottom:2px}\n"
    ".speaker{margin:12px 0 14px}\n"
    "blockquote{margin:6px 0 4px;padding:4px 12px;border-left:3px solid #c5ccd3;color:#222}\n"
    "blockquote .by{display:block;font-size:12.5px;color:var(--muted);margin-top:2px}\n"
    ".words td.n{min-width:56px}.words td.top{font-weight:700}\n"
    "ol.sources{font-size:13px;padding-left:28px}ol.sources li{margin:2px 0;word-break:break-word}\n"
    "footer{margin-top:36px;font-size:12px;color:var(--muted);border-top:1px solid var(--line);padding-top:8px}\n"
    "@media (max-width:760px){.cards{grid-template-columns:repeat(2,1fr)}main{padding:16px}}\n"
    "@page{size:A4;margin:14mm}\n"
    "@media print{main{max-width:none;padding:0}body{font-size:11.5px}"
    "h2{break-after:avoid}.card,figure,ol.events>li,.fig,.speaker,tr,svg{break-inside:avoid}"
    "a{color:inherit}.cards{grid-template-columns:repeat(3,1fr)}"
    "*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n";

/* ---- small pieces --------------------------------------------------------- */

static void h(sr_buf *b, const char *s)
{
    rep_html(b, s);
}

static void put_type_badge(sr_buf *b, int type)
{
    sr_buf_printf(b, "<span class=\"badge\" style=\"background:%s%s\">%s</span>",
                  rep_types[type].color, type >= 14 ? ";color:#222" : "", rep_types[type].label);
}

static void put_card(sr_buf *b, const char *cls, const char *label, const char *number,
                     const char *sub)
{
    sr_buf_printf(b, "<div class=\"card %s\"><div class=\"l\">%s</div><div class=\"n\">%s</div>",
                  cls, label, number);
    if (sub)
        sr_buf_printf(b, "<div class=\"s\">%s</div>", sub);
    sr_buf_puts(b, "</div>\n");
}

/* ---- sections --------------------------------------------------------------- */

static void put_header(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<header class=\"top\"><div class=\"kicker\">");
    h(b, r->opt->title ? r->opt->title : "Situation report");
    sr_buf_puts(b, "</div>\n<h1>");
    rep_put_scope(b, r, 1);
    sr_buf_puts(b, "</h1>\n<p class=\"meta\">Period: ");
    rep_put_period(b, r, 1);
    sr_buf_puts(b, " \xC2\xB7 ");
    rep_put_count(b, r->head.articles);
    sr_buf_puts(b, " articles from ");
    rep_put_count(b, r->head.outlets);
    sr_buf_puts(b, " outlets \xC2\xB7 coded by sitrep " SR_VERSION "</p>\n</header>\n");
}

static void put_cards(sr_buf *b, const report *r)
{
    const rep_headline *hd = &r->head;
    sr_buf num = SR_BUF_INIT, sub = SR_BUF_INIT;
    sr_buf_puts(b, "<section class=\"cards\">\n");

    rep_put_count(&num, hd->events);
    rep_put_count(&sub, hd->mentions);
    sr_buf_puts(&sub, " mentions, grouped into real-world events");
    put_card(b, "blue", "Events", num.data, sub.data);

    sr_buf_reset(&num);
    sr_buf_reset(&sub);
    rep_put_count(&num, hd->violent);
    sr_buf_printf(&sub, "%.0f%% of events: material conflict",
                  hd->events ? 100.0 * (double)hd->violent / (double)hd->events : 0.0);
    put_card(b, "red", "Violent events", num.data, sub.data);

    sr_buf_reset(&num);
    sr_buf_reset(&sub);
    const rep_killed *k = &r->killed;
    if (k->nquantities) {
        if (isnan(k->high) || k->high != k->low)
            sr_buf_puts(&num, "\xE2\x89\xA5 "); /* at least */
        rep_put_count(&num, (long)k->low);
        if (!isnan(k->high) && k->high != k->low) {
            sr_buf_puts(&sub, "up to ");
            rep_put_count(&sub, (long)k->high);
            sr_buf_puts(&sub, "; ");
        }
        sr_buf_printf(&sub, "%zu incident tolls, %zu contested", k->nquantities, k->ncontested);
        if (k->ncumulative_all)
            sr_buf_printf(&sub, "; %zu longer-span tolls apart", k->ncumulative_all);
    } else {
        sr_buf_puts(&num, "\xE2\x80\x93");
        sr_buf_puts(&sub, k->nfigures ? "only tolls over a longer span" : "no figure of people killed");
    }
    put_card(b, "red", "Killed, as reported", num.data, sub.data);

    sr_buf_reset(&num);
    sr_buf_reset(&sub);
    rep_put_count(&num, hd->articles);
    sr_buf_puts(&sub, "from ");
    rep_put_count(&sub, hd->outlets);
    sr_buf_puts(&sub, hd->outlets == 1 ? " outlet" : " outlets");
    put_card(b, "", "Articles", num.data, sub.data);

    sr_buf_reset(&num);
    sr_buf_reset(&sub);
    if (hd->first[0]) {
        sr_buf_puts(&num, "<span style=\"font-size:19px\">");
        h(&num, hd->first);
        sr_buf_puts(&num, " \xE2\x80\x93 ");
        h(&num, hd->last);
        sr_buf_puts(&num, "</span>");
    } else {
        sr_buf_puts(&num, "\xE2\x80\x93");
    }
    if (hd->undated)
        sr_buf_printf(&sub, "dates of the events; %ld undated", hd->undated);
    else
        sr_buf_puts(&sub, "dates of the events");
    put_card(b, "", "Period", num.data, sub.data);

    sr_buf_reset(&num);
    sr_buf_reset(&sub);
    if (r->nplaces) {
        sr_buf_puts(&num, "<span style=\"font-size:19px\">");
        h(&num, r->places[0].name);
        sr_buf_puts(&num, "</span>");
        for (size_t i = 1; i < r->nplaces && i < REP_TOP_PLACES; i++) {
            if (i > 1)
                sr_buf_puts(&sub, ", ");
            h(&sub, r->places[i].name);
            sr_buf_printf(&sub, " (%ld)", r->places[i].events);
        }
        if (!sub.len)
            sr_buf_puts(&sub, "the only place named");
        sr_buf_printf(&num, " <span style=\"font-size:15px;font-weight:400\">(%ld)</span>",
                      r->places[0].events);
    } else {
        sr_buf_puts(&num, "\xE2\x80\x93");
        sr_buf_puts(&sub, "no event has a place");
    }
    put_card(b, "", "Top places", num.data, sub.data);
    sr_buf_puts(b, "</section>\n");
    sr_buf_free(&num);
    sr_buf_free(&sub);
}

static void put_timeline(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"timeline\"><h2>Timeline</h2>\n");
    if (!r->ntimeline) {
        sr_buf_puts(b, "<p class=\"note\">No dated events.</p></section>\n");
        return;
    }
    long totals[REP_NTYPES] = {0};
    for (size_t i = 0; i < r->ntimeline; i++)
        totals[r->timeline[i].type] += r->timeline[i].n;
    sr_buf_puts(b, "<div class=\"legend\">");
    for (int t = 0; t < REP_NTYPES; t++)
        if (totals[t])
            sr_buf_printf(b, "<span><span class=\"k\" style=\"background:%s\"></span>%s %ld</span>",
                          rep_types[t].color, rep_types[t].label, totals[t]);
    sr_buf_puts(b, "</div>\n");
    rep_timeline_svg(b, r);
    rep_bucket *bk;
    size_t nb;
    rep_bucket_unit unit;
    rep_timeline_buckets(r, 120, &bk, &nb, &unit);
    sr_buf_puts(b, "<p class=\"note\">");
    rep_put_timeline_note(b, r, bk, nb, unit, "not shown", "not drawn");
    sr_buf_puts(b, "</p></section>\n");
}

/* The map's table has no columns for the province and country. */
static void put_place_name(sr_buf *b, const rep_place *p)
{
    rep_put_place_name(b, 1, p);
    if (p->admin1 && strcmp(p->admin1, p->name) != 0) {
        sr_buf_puts(b, ", ");
        h(b, p->admin1);
    }
    if (p->country)
        rep_aside(b, 1, "", p->country);
}

static void put_map(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"map\"><h2>Map</h2>\n");
    if (!r->has_view) {
        sr_buf_puts(b, "<p class=\"note\">No event has a place with coordinates.</p></section>\n");
        return;
    }
    rep_map_svg(b, r, &r->view);
    sr_buf_puts(b, "<div class=\"mapkey\">Circle area: events at the place \xC2\xB7 colour: "
                   "share of them violent, none<b class=\"ramp\"></b>all \xC2\xB7 "
                   "<i style=\"background:#fff;border:1.5px dashed #76508c\"></i>a province or "
                   "country as a whole</div>\n");
    size_t off = 0;
    for (size_t i = 0; i < r->nplaces; i++)
        off += !r->places[i].on_map && !isnan(r->places[i].lat);
    if (off) {
        sr_buf_puts(b, "<p class=\"note\">Far from the rest, not on the map: ");
        size_t k = 0;
        for (size_t i = 0; i < r->nplaces; i++)
            if (!r->places[i].on_map && !isnan(r->places[i].lat)) {
                if (k++)
                    sr_buf_puts(b, ", ");
                h(b, r->places[i].name);
                sr_buf_printf(b, " (%ld)", r->places[i].events);
            }
        sr_buf_puts(b, ".</p>\n");
    }
    sr_buf_puts(b, "<table><thead><tr><th>Place</th><th class=\"n\">Events</th><th class=\"n\">"
                   "Violent</th><th class=\"n\">Mentions</th><th class=\"n\">Lat, lon</th></tr>"
                   "</thead><tbody>\n");
    for (size_t i = 0; i < r->nplaces && i < REP_LIST_PLACES; i++) {
        const rep_place *p = &r->places[i];
        sr_buf_puts(b, "<tr><td>");
        put_place_name(b, p);
        sr_buf_printf(b, "</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td><td class=\"n\">%ld</td>",
                      p->events, p->violent, p->mentions);
        if (!isnan(p->lat))
            sr_buf_printf(b, "<td class=\"n\">%.2f, %.2f</td></tr>\n", p->lat, p->lon);
        else
            sr_buf_puts(b, "<td></td></tr>\n");
    }
    sr_buf_puts(b, "</tbody></table>\n<p class=\"note\">");
    rep_put_place_counts(b, r);
    sr_buf_puts(b, "</p></section>\n");
}

static void put_events(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"events\"><h2>Most reported events</h2>\n");
    if (!r->nevents) {
        sr_buf_puts(b, "<p class=\"note\">No events.</p></section>\n");
        return;
    }
    sr_buf_puts(b, "<ol class=\"events\">\n");
    for (size_t i = 0; i < r->nevents; i++) {
        const rep_event *e = &r->events[i];
        sr_buf_printf(b, "<li style=\"border-left-color:%s\"><div class=\"evhead\">",
                      rep_types[e->type].color);
        put_type_badge(b, e->type);
        sr_buf_puts(b, " ");
        rep_put_event_when_where(b, 1, e);
        rep_put_event_counts(b, e);
        sr_buf_puts(b, "</div>\n<div class=\"evwhat\">");
        rep_put_event_what(b, 1, e);
        sr_buf_puts(b, "</div>\n");
        if (e->sentence) {
            sr_buf_puts(b, "<div class=\"said\"><q>");
            h(b, e->sentence);
            sr_buf_puts(b, "</q></div>\n");
        }
        sr_buf_puts(b, "<div class=\"src\">");
        rep_put_reported_by(b, r, 1, e);
        sr_buf_puts(b, "</div></li>\n");
    }
    sr_buf_puts(b, "</ol></section>\n");
}

static void put_network(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"network\"><h2>Who acts on whom</h2>\n");
    if (!r->nedges) {
        sr_buf_puts(b, "<p class=\"note\">No event names both a source and a target.</p></section>\n");
        return;
    }
    rep_network_svg(b, r);
    sr_buf_printf(b,
                  "<p class=\"note\">The %zu pairs with the most events; arrows point from the "
                  "actor who acts to the one acted on, as thick as the events are many, coloured "
                  "by the type most of them have.</p>\n",
                  r->nedges);
    sr_buf_puts(b, "<table><thead><tr><th>Source</th><th></th><th>Target</th><th class=\"n\">"
                   "Events</th><th>Mostly</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < r->nedges; i++) {
        const rep_edge *e = &r->edges[i];
        sr_buf_puts(b, "<tr><td>");
        rep_put_actor(b, 1, rep_actor_label(r, e->source), r->actors[e->source].code);
        sr_buf_puts(b, "</td><td>\xE2\x86\x92</td><td>");
        rep_put_actor(b, 1, rep_actor_label(r, e->target), r->actors[e->target].code);
        sr_buf_printf(b, "</td><td class=\"n\">%ld</td><td>", e->events);
        put_type_badge(b, e->type);
        sr_buf_printf(b, " %ld</td></tr>\n", e->type_events);
    }
    sr_buf_puts(b, "</tbody></table></section>\n");
}

static void put_status(sr_buf *b, const rep_quantity *q)
{
    if (q->nfigs < 2 && q->noutlets < 2)
        sr_buf_puts(b, "<span class=\"note\">one report</span>");
    else
        sr_buf_puts(b, q->contested ? "<span class=\"badge contested\">CONTESTED</span>"
                                    : "<span class=\"badge agreed\">AGREED</span>");
}

static void put_killed_rows(sr_buf *b, const report *r, const rep_quantity *rows, size_t n)
{
    sr_buf_puts(b, "<table><thead><tr><th>Date</th><th>Place</th><th>Who</th><th class=\"n\">"
                   "Killed</th><th>Reported by</th><th>Status</th></tr></thead><tbody>\n");
    for (size_t i = 0; i < n; i++) {
        const rep_quantity *q = &rows[i];
        sr_buf_puts(b, "<tr><td class=\"d\">");
        h(b, q->date);
        sr_buf_puts(b, "</td><td>");
        h(b, q->place);
        sr_buf_puts(b, "</td><td>");
        rep_put_toll_who(b, 1, q);
        sr_buf_puts(b, "</td><td class=\"n\">");
        rep_put_range(b, q->low, q->high);
        sr_buf_puts(b, "</td><td>");
        rep_put_toll_reporters(b, r, 1, q);
        sr_buf_puts(b, "</td><td>");
        put_status(b, q);
        sr_buf_puts(b, "</td></tr>\n");
    }
    sr_buf_puts(b, "</tbody></table>\n");
}

static void put_killed(sr_buf *b, const report *r)
{
    const rep_killed *k = &r->killed;
    sr_buf_puts(b, "<section id=\"killed\"><h2>Killed, as reported</h2>\n");
    if (!k->nfigures) {
        sr_buf_puts(b, "<p class=\"note\">No article gives a number of people killed.</p></section>\n");
        return;
    }
    sr_buf_puts(b, "<p>");
    rep_put_killed(b, r, 1);
    sr_buf_puts(b, "</p>\n");
    if (k->nrows) {
        put_killed_rows(b, r, k->rows, k->nrows);
        if (k->nquantities > k->nrows)
            sr_buf_printf(b, "<p class=\"note\">The %zu largest of %zu incident tolls.</p>\n",
                          k->nrows, k->nquantities);
    }
    if (k->ncumulative) {
        sr_buf_puts(b, "<h3>Tolls over a longer span (not added up)</h3>\n");
        put_killed_rows(b, r, k->cumulative, k->ncumulative);
        sr_buf_puts(b, "<p class=\"note\">Dated to a month or a year (\xE2\x80\x9Csince March "
                       "2011\xE2\x80\x9D), dated over a month before their article, or of ten "
                       "thousand and more with no date of their own.</p>\n");
    }
    sr_buf_puts(b, "</section>\n");
}

static void put_groups(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"figures\"><h2>Figures compared across outlets</h2>\n");
    if (!r->ngroups) {
        sr_buf_puts(b, "<p class=\"note\">No quantity is given by two outlets.</p></section>\n");
        return;
    }
    sr_buf_printf(b,
                  "<p class=\"note\">Quantities that two or more outlets give (same thing "
                  "counted, same place, close dates). CONTESTED: their values cannot all be "
                  "true; AGREED: they can. %zu contested in all.</p>\n",
                  r->ngroups_contested);
    for (size_t g = 0; g < r->ngroups; g++) {
        const rep_quantity *q = &r->groups[g];
        sr_buf_puts(b, "<div class=\"fig\"><div class=\"head\">");
        put_status(b, q);
        sr_buf_puts(b, " ");
        rep_put_quantity_what(b, 1, q);
        sr_buf_printf(b, " \xC2\xB7 %zu outlets</div>\n", q->noutlets);
        sr_buf_puts(b, "<table class=\"figs\"><colgroup><col style=\"width:15%\"><col "
                       "style=\"width:11%\"><col style=\"width:12%\"><col style=\"width:13%\"><col "
                       "style=\"width:16%\"><col></colgroup><thead><tr><th>Outlet</th><th>Date</th>"
                       "<th class=\"n\">Value</th><th>As written</th><th>Claimed by</th><th>In "
                       "context</th></tr></thead><tbody>\n");
        for (size_t f = 0; f < q->nfigs; f++) {
            const rep_figure *fg = &q->figs[f];
            sr_buf_puts(b, "<tr><td>");
            rep_put_cite(b, r, 1, fg->cite, fg->outlet);
            sr_buf_puts(b, "</td><td class=\"d\">");
            h(b, fg->date);
            sr_buf_puts(b, "</td><td class=\"n\">");
            rep_put_range(b, fg->low, fg->high);
            sr_buf_puts(b, "</td><td>");
            h(b, fg->figure_text);
            sr_buf_puts(b, "</td><td>");
            h(b, fg->claimant);
            sr_buf_puts(b, "</td><td class=\"said\" style=\"font-size:12.5px\">");
            h(b, fg->sentence);
            sr_buf_puts(b, "</td></tr>\n");
        }
        sr_buf_puts(b, "</tbody></table></div>\n");
    }
    sr_buf_puts(b, "</section>\n");
}

static void put_quotes(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"quotes\"><h2>Quotes by speaker</h2>\n");
    if (!r->nspeakers) {
        sr_buf_puts(b, "<p class=\"note\">No attributed quotations.</p></section>\n");
        return;
    }
    sr_buf_puts(b, "<p class=\"note\">The most quoted speakers of ");
    rep_put_count(b, r->nquotes);
    sr_buf_puts(b, " quotations, with direct quotes of a readable length first; "
                   "a speaker is an actor code (one head for a government's voices) or a name.</p>\n");
    for (size_t i = 0; i < r->nspeakers; i++) {
        const rep_speaker *s = &r->speakers[i];
        sr_buf_puts(b, "<div class=\"speaker\"><h3>");
        rep_put_speaker_name(b, 1, s);
        sr_buf_puts(b, " <span class=\"note\" style=\"font-weight:400\">");
        rep_put_speaker_counts(b, 1, s);
        sr_buf_puts(b, "</span></h3>\n");
        for (size_t k = 0; k < s->nq; k++) {
            const rep_quote *q = &s->q[k];
            sr_buf_puts(b, "<blockquote>");
            sr_buf_puts(b, q->direct ? "<q>" : "");
            h(b, q->text);
            sr_buf_puts(b, q->direct ? "</q>" : " <span class=\"note\">(reported speech)</span>");
            sr_buf_puts(b, "<span class=\"by\">");
            rep_put_quote_by(b, r, 1, q);
            sr_buf_puts(b, "</span></blockquote>\n");
        }
        sr_buf_puts(b, "</div>\n");
    }
    sr_buf_puts(b, "</section>\n");
}

static void put_labels(sr_buf *b, const report *r)
{
    const rep_labels *l = &r->labels;
    sr_buf_puts(b, "<section id=\"framing\"><h2>Framing words by outlet</h2>\n");
    if (!l->noutlets) {
        sr_buf_puts(b, "<p class=\"note\">No outlet names armed groups with a label word.</p></section>\n");
        return;
    }
    sr_buf_puts(b, "<p class=\"note\">How often each outlet calls armed groups by each word; "
                   "shading by the word's share of the outlet's labels, its most used word in "
                   "bold.</p>\n<table class=\"words\"><thead><tr><th>Outlet</th>");
    for (size_t w = 0; w < l->nwords; w++) {
        sr_buf_puts(b, "<th class=\"n\">");
        h(b, l->words[w]);
        sr_buf_puts(b, "</th>");
    }
    sr_buf_puts(b, "<th class=\"n\">All</th></tr></thead><tbody>\n");
    for (size_t o = 0; o < l->noutlets; o++) {
        const long *row = &l->counts[o * l->nwords];
        size_t top = rep_labels_top(l, o);
        sr_buf_puts(b, "<tr><td>");
        h(b, l->outlets[o]);
        sr_buf_puts(b, "</td>");
        for (size_t w = 0; w < l->nwords; w++) {
            double share = l->outlet_total[o] ? (double)row[w] / (double)l->outlet_total[o] : 0;
            sr_buf_printf(b, "<td class=\"n%s\" style=\"background:rgba(165,15,21,%.2f)\">",
                          w == top && row[w] ? " top" : "", 0.55 * share);
            if (row[w])
                sr_buf_printf(b, "%ld", row[w]);
            sr_buf_puts(b, "</td>");
        }
        sr_buf_printf(b, "<td class=\"n\">%ld</td></tr>\n", l->outlet_total[o]);
    }
    sr_buf_puts(b, "</tbody></table></section>\n");
}

static void put_sources(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<section id=\"sources\"><h2>Sources</h2>\n");
    if (!r->nsources) {
        sr_buf_puts(b, "<p class=\"note\">Nothing cited.</p></section>\n");
        return;
    }
    sr_buf_puts(b, "<ol class=\"sources\">\n");
    for (size_t i = 0; i < r->nsources; i++) {
        const rep_source *s = &r->sources[i];
        sr_buf_printf(b, "<li id=\"src-%zu\">", i + 1);
        rep_put_source_head(b, 1, s);
        const char *title = s->title ? s->title : s->doc_key;
        if (rep_url_linkable(s->url)) {
            sr_buf_puts(b, "<a href=\"");
            h(b, s->url);
            sr_buf_puts(b, "\">");
            h(b, title ? title : s->url);
            sr_buf_puts(b, "</a>");
        } else {
            h(b, title ? title : "");
            if (s->url)
                rep_aside(b, 1, "", s->url);
        }
        sr_buf_puts(b, "</li>\n");
    }
    sr_buf_puts(b, "</ol></section>\n");
}

static void put_about(sr_buf *b, const report *r)
{
    sr_buf_puts(b,
                "<footer><b>How this report counts.</b> Events are coded from the articles by "
                "sitrep (CAMEO codes, with PLOVER types); reports of the same event (same or next "
                "day, same actors, same kind, same place) are one event, with its mentions, "
                "articles and outlets counted. Violent: CAMEO quad class 4, material conflict. "
                "Killed: the figures the articles give, counted once per toll and shown as the "
                "range the reports allow; the table shows each toll and who reported it. Figures "
                "compared: sitrep's figure groups; quotes and framing words come from the "
                "articles that report the selected events. Every statement links its articles "
                "(numbers refer to the Sources). Machine coding makes mistakes: check the "
                "sentence before you cite a line. Map borders: Natural Earth 1:50m (public "
                "domain) via world-atlas; they are not an endorsement of any border.</footer>\n");
    (void)r;
}

void rep_write_html(sr_buf *b, const report *r)
{
    sr_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<meta name=\"generator\" content=\"sitrep " SR_VERSION "\">\n<title>");
    h(b, r->opt->title ? r->opt->title : "Situation report");
    sr_buf_puts(b, ": ");
    rep_put_scope(b, r, 1);
    sr_buf_puts(b, "</title>\n<style>\n");
    sr_buf_puts(b, css);
    sr_buf_puts(b, "</style>\n</head>\n<body>\n<main>\n");
    put_header(b, r);
    put_cards(b, r);
    sr_buf_puts(b, "<section id=\"summary\"><h2>Key points</h2>\n<ul class=\"points\">\n");
    rep_put_key_points(b, r, 1);
    sr_buf_puts(b, "</ul></section>\n");
    put_timeline(b, r);
    put_map(b, r);
    put_events(b, r);
    put_network(b, r);
    put_killed(b, r);
    put_groups(b, r);
    put_quotes(b, r);
    put_labels(b, r);
    put_sources(b, r);
    put_about(b, r);
    sr_buf_puts(b, "</main>\n</body>\n</html>\n");
}
