/*
 * network: who acts on whom, as a node-link drawing.
 *
 * Actors sit on a circle in code order, so one country's actors (SYRGOV,
 * SYRMIL, SYRREB) are neighbours; each pair is an arrow from source to
 * target, as thick as its events are many and coloured by the PLOVER type
 * most of them have. Arrows bend to their left, so A -> B and B -> A are
 * two arcs rather than one line drawn twice.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

typedef struct node {
    double x, y, r, angle;
} node;

static int by_code(const void *pa, const void *pb, const rep_actor *actors)
{
    return strcmp(actors[*(const int *)pa].code, actors[*(const int *)pb].code);
}

void rep_network_svg(sr_buf *b, const report *r)
{
    size_t n = r->nactors;
    if (!n || !r->nedges)
        return;
    const double W = 1000, H = 640, cx = W / 2, cy = H / 2;
    double R = n <= 2 ? 120 : n <= 6 ? 170 : 225;
    node *nodes = calloc(n, sizeof *nodes);
    int *order = calloc(n, sizeof *order);
    if (!nodes || !order) {
        free(nodes);
        free(order);
        return;
    }
    for (size_t i = 0; i < n; i++)
        order[i] = (int)i;
    for (size_t i = 1; i < n; i++) /* a handful of actors: insertion sort */
        for (size_t j = i; j > 0 && by_code(&order[j], &order[j - 1], r->actors) < 0; j--) {
            int t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    long maxw = 1, maxe = 1;
    for (size_t i = 0; i < n; i++)
        if (r->actors[i].weight > maxw)
            maxw = r->actors[i].weight;
    for (size_t i = 0; i < r->nedges; i++)
        if (r->edges[i].events > maxe)
            maxe = r->edges[i].events;
    for (size_t k = 0; k < n; k++) {
        node *nd = &nodes[order[k]];
        nd->angle = -M_PI / 2 + 2 * M_PI * (double)k / (double)n;
        nd->x = cx + R * cos(nd->angle);
        nd->y = cy + R * sin(nd->angle);
        nd->r = 6 + 14 * sqrt((double)r->actors[order[k]].weight / (double)maxw);
    }

    sr_buf_printf(b,
                  "<svg class=\"net\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Who acts "
                  "on whom\">\n<defs>",
                  W, H);
    int used[REP_NTYPES] = {0};
    for (size_t i = 0; i < r->nedges; i++)
        used[r->edges[i].type] = 1;
    for (int t = 0; t < REP_NTYPES; t++)
        if (used[t])
            sr_buf_printf(b,
                          "<marker id=\"arrow-%d\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
                          "markerWidth=\"11\" markerHeight=\"11\" markerUnits=\"userSpaceOnUse\" "
                          "orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"%s\"/></marker>",
                          t, rep_types[t].color);
    sr_buf_puts(b, "</defs>\n<g class=\"edges\">\n");
    /* thin edges first, so the heavy ones are on top */
    for (size_t k = r->nedges; k-- > 0;) {
        const rep_edge *e = &r->edges[k];
        const node *s = &nodes[e->source], *t = &nodes[e->target];
        double dx = t->x - s->x, dy = t->y - s->y, d = sqrt(dx * dx + dy * dy);
        if (d < 1e-6)
            continue;
        /* control point: off the chord's middle, to the left of travel */
        double bend = 0.18 * d;
        double qx = (s->x + t->x) / 2 + bend * dy / d, qy = (s->y + t->y) / 2 - bend * dx / d;
        double ux = qx - s->x, uy = qy - s->y, ul = sqrt(ux * ux + uy * uy);
        double vx = t->x - qx, vy = t->y - qy, vl = sqrt(vx * vx + vy * vy);
        double x0 = s->x + ux / ul * (s->r + 2), y0 = s->y + uy / ul * (s->r + 2);
        double x1 = t->x - vx / vl * (t->r + 3), y1 = t->y - vy / vl * (t->r + 3);
        double w = 1.2 + 6 * sqrt((double)e->events / (double)maxe);
        sr_buf_printf(b,
                      "<path d=\"M%.1f %.1fQ%.1f %.1f %.1f %.1f\" stroke=\"%s\" stroke-width=\"%.1f\" "
                      "marker-end=\"url(#arrow-%d)\"><title>",
                      x0, y0, qx, qy, x1, y1, rep_types[e->type].color, w, e->type);
        rep_html(b, r->actors[e->source].code);
        sr_buf_puts(b, " \xE2\x86\x92 ");
        rep_html(b, r->actors[e->target].code);
        sr_buf_printf(b, ": %ld event%s, %ld %s</title></path>\n", e->events,
                      e->events == 1 ? "" : "s", e->type_events, rep_types[e->type].label);
        /* the count where the curve turns, for the heaviest pairs (a lone
         * event needs no number: its line is the thinnest) */
        if (k < 10 && e->events > 1) {
            double mx = 0.25 * x0 + 0.5 * qx + 0.25 * x1, my = 0.25 * y0 + 0.5 * qy + 0.25 * y1;
            sr_buf_printf(b, "<text class=\"n\" x=\"%.1f\" y=\"%.1f\">%ld</text>\n", mx, my + 4,
                          e->events);
        }
    }
    sr_buf_puts(b, "</g>\n<g class=\"nodes\">\n");
    for (size_t i = 0; i < n; i++) {
        const node *nd = &nodes[i];
        const rep_actor *a = &r->actors[i];
        sr_buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"><title>", nd->x, nd->y, nd->r);
        rep_html(b, a->code);
        sr_buf_printf(b, ": %ld events in the pairs drawn</title></circle>\n", a->weight);
        double c = cos(nd->angle), sn = sin(nd->angle);
        double lx = nd->x + (nd->r + 7) * c, ly = nd->y + (nd->r + 7) * sn;
        const char *anchor = c > 0.25 ? "start" : c < -0.25 ? "end" : "middle";
        if (c >= -0.25 && c <= 0.25)
            ly += sn > 0 ? 12 : -16;
        sr_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\"><tspan class=\"an\">",
                      lx, ly, anchor);
        rep_html(b, a->name ? a->name : a->code);
        sr_buf_printf(b, "</tspan><tspan class=\"ac\" x=\"%.1f\" dy=\"14\">", lx);
        rep_html(b, a->code);
        sr_buf_puts(b, "</tspan></text>\n");
    }
    sr_buf_puts(b, "</g>\n</svg>\n");
    free(nodes);
    free(order);
}
