/*
 * map: where the events happened, as an SVG map drawn from the compiled
 * Natural Earth shapes (worldmap.h), zoomed to the events.
 *
 * The projection is equirectangular with longitudes shrunk by the cosine
 * of the view's middle latitude: at the scale of a country or a region it
 * keeps shapes and distances honest enough to read, and a point's place
 * on the drawing is two multiplications away from its coordinates.
 *
 * Only what the view shows is written: countries whose box misses the view
 * are skipped, rings are clipped to the view (Sutherland-Hodgman; the cut
 * edges fall just outside the frame, so their strokes never show), points
 * closer than a fraction of a drawing unit to the last one are dropped, and
 * coordinates are written to a tenth of a unit, relative to the previous.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "report/worldmap.h"

#define PER_DEGREE ((double)SR_WORLDMAP_PER_DEGREE)

/* ---- fitting the view ------------------------------------------------------ */

typedef struct wpoint {
    double v;
    long w;
} wpoint;

static int wpoint_cmp(const void *pa, const void *pb)
{
    const wpoint *a = pa, *b = pb;
    return a->v < b->v ? -1 : a->v > b->v;
}

/* The value half the weight lies below. */
static double weighted_median(wpoint *p, size_t n)
{
    qsort(p, n, sizeof *p, wpoint_cmp);
    long total = 0, run = 0;
    for (size_t i = 0; i < n; i++)
        total += p[i].w;
    for (size_t i = 0; i < n; i++) {
        run += p[i].w;
        if (2 * run >= total)
            return p[i].v;
    }
    return n ? p[n - 1].v : 0;
}

/* Places far from where most events are (talks in Moscow on a war in
 * Syria) would zoom the map out to half the world. Up to a fifth of the
 * events may be set aside, farthest first, when they are more than three
 * times as far from the middle as the typical event and at least 8
 * degrees away; they are listed under the map instead. */
static void set_aside_outliers(rep_place *places, size_t n)
{
    wpoint *lon = malloc((n ? n : 1) * sizeof *lon), *lat = malloc((n ? n : 1) * sizeof *lat);
    wpoint *dist = malloc((n ? n : 1) * sizeof *dist);
    size_t *order = malloc((n ? n : 1) * sizeof *order);
    if (!lon || !lat || !dist || !order)
        goto out;
    size_t m = 0;
    long total = 0;
    for (size_t i = 0; i < n; i++)
        if (places[i].on_map) {
            lon[m] = (wpoint){places[i].lon, places[i].events};
            lat[m] = (wpoint){places[i].lat, places[i].events};
            total += places[i].events;
            m++;
        }
    if (m < 3)
        goto out;
    double mlon = weighted_median(lon, m), mlat = weighted_median(lat, m);
    double c = cos(mlat * M_PI / 180);
    double *d = calloc(n, sizeof *d);
    if (!d)
        goto out;
    m = 0;
    for (size_t i = 0; i < n; i++)
        if (places[i].on_map) {
            double dx = (places[i].lon - mlon) * c, dy = places[i].lat - mlat;
            d[i] = sqrt(dx * dx + dy * dy);
            dist[m] = (wpoint){d[i], places[i].events};
            order[m++] = i;
        }
    double typical = weighted_median(dist, m);
    /* farthest first */
    for (size_t i = 1; i < m; i++)
        for (size_t j = i; j > 0 && d[order[j]] > d[order[j - 1]]; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    long dropped = 0;
    for (size_t k = 0; k + 1 < m; k++) {
        rep_place *p = &places[order[k]];
        if (d[order[k]] < 8.0 || d[order[k]] < 3 * typical || 5 * (dropped + p->events) > total)
            break;
        p->on_map = 0;
        dropped += p->events;
    }
    free(d);
out:
    free(lon);
    free(lat);
    free(dist);
    free(order);
}

int rep_map_fit(rep_place *places, size_t n, double width, rep_view *v)
{
    set_aside_outliers(places, n);
    double w = 180, e = -180, s = 90, no = -90;
    int any = 0;
    for (size_t i = 0; i < n; i++) {
        if (!places[i].on_map)
            continue;
        any = 1;
        w = fmin(w, places[i].lon);
        e = fmax(e, places[i].lon);
        s = fmin(s, places[i].lat);
        no = fmax(no, places[i].lat);
    }
    if (!any)
        return 0;
    double midlat = (s + no) / 2, c = cos(midlat * M_PI / 180);
    if (c < 0.2)
        c = 0.2;
    /* at least 3 degrees of latitude (a province and its neighbours),
     * then a margin of a sixth on every side for the circles */
    double latspan = fmax(no - s, 3.0), lonspan = fmax(e - w, 3.0 / c);
    latspan *= 1.34;
    lonspan *= 1.34;
    /* a drawing between 0.5 and 0.72 times as tall as it is wide */
    double ratio = latspan / (lonspan * c);
    if (ratio < 0.5)
        latspan = 0.5 * lonspan * c;
    else if (ratio > 0.72)
        lonspan = latspan / (0.72 * c);
    lonspan = fmin(lonspan, 360);
    latspan = fmin(latspan, 170);
    double midlon = (w + e) / 2;
    v->west = midlon - lonspan / 2;
    v->east = midlon + lonspan / 2;
    if (v->west < -180) {
        v->east += -180 - v->west;
        v->west = -180;
    }
    if (v->east > 180) {
        v->west -= v->east - 180;
        v->east = 180;
    }
    v->south = midlat - latspan / 2;
    v->north = midlat + latspan / 2;
    if (v->north > 85) {
        v->south -= v->north - 85;
        v->north = 85;
    }
    if (v->south < -85) {
        v->north += -85 - v->south;
        v->south = -85;
    }
    v->coslat = c;
    v->width = width;
    v->scale = width / ((v->east - v->west) * c);
    v->height = (v->north - v->south) * v->scale;
    return 1;
}

void rep_map_project(const rep_view *v, double lon, double lat, double *x, double *y)
{
    *x = (lon - v->west) * v->coslat * v->scale;
    *y = (v->north - lat) * v->scale;
}

/* ---- clipping and path writing ---------------------------------------------- */

typedef struct xy {
    double x, y;
} xy;

/* Working memory for one ring at a time, reused across rings. */
typedef struct clipbuf {
    xy *a, *b;            /* the ring, and the clipper's other side */
    unsigned char *keep;  /* simplification: 1 for the points written */
    size_t *stack;
    size_t cap;
} clipbuf;

static int clip_reserve(clipbuf *c, size_t n)
{
    if (n <= c->cap)
        return 1;
    size_t cap = c->cap ? c->cap : 1024;
    while (cap < n)
        cap *= 2;
    xy *a = realloc(c->a, cap * sizeof *a);
    if (!a)
        return 0;
    c->a = a;
    xy *b = realloc(c->b, cap * sizeof *b);
    if (!b)
        return 0;
    c->b = b;
    unsigned char *keep = realloc(c->keep, cap);
    if (!keep)
        return 0;
    c->keep = keep;
    size_t *stack = realloc(c->stack, 2 * cap * sizeof *stack);
    if (!stack)
        return 0;
    c->stack = stack;
    c->cap = cap;
    return 1;
}

static void clip_free(clipbuf *c)
{
    free(c->a);
    free(c->b);
    free(c->keep);
    free(c->stack);
}

static double seg_dist(xy p, xy a, xy q)
{
    double dx = q.x - a.x, dy = q.y - a.y, len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2 : 0;
    t = t < 0 ? 0 : t > 1 ? 1 : t;
    double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return sqrt(ex * ex + ey * ey);
}

/* Douglas-Peucker at the drawing's own scale: a point is kept only when
 * leaving it out would move the line by more than tol units. A world map
 * needs a few points per coastline, a province's map all of them. */
static void simplify(clipbuf *c, size_t n, double tol)
{
    memset(c->keep, 0, n);
    c->keep[0] = c->keep[n - 1] = 1;
    size_t top = 0;
    c->stack[top++] = 0;
    c->stack[top++] = n - 1;
    while (top) {
        size_t hi = c->stack[--top], lo = c->stack[--top];
        double best = -1;
        size_t at = 0;
        for (size_t i = lo + 1; i < hi; i++) {
            double d = seg_dist(c->a[i], c->a[lo], c->a[hi]);
            if (d > best) {
                best = d;
                at = i;
            }
        }
        if (best > tol) {
            c->keep[at] = 1;
            c->stack[top++] = lo;
            c->stack[top++] = at;
            c->stack[top++] = at;
            c->stack[top++] = hi;
        }
    }
}

/* Keep the part of polygon in[0..n) on the inner side of one edge of the
 * frame: edge 0 x >= lo, 1 x <= hi, 2 y >= lo, 3 y <= hi. */
static size_t clip_edge(const xy *in, size_t n, xy *out, int edge, double bound)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        xy p = in[i], q = in[(i + 1) % n];
        double pv = edge < 2 ? p.x : p.y, qv = edge < 2 ? q.x : q.y;
        int pin = (edge % 2 == 0) ? pv >= bound : pv <= bound;
        int qin = (edge % 2 == 0) ? qv >= bound : qv <= bound;
        if (pin)
            out[m++] = p;
        if (pin != qin) {
            double t = (bound - pv) / (qv - pv);
            out[m++] = (xy){p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)};
        }
    }
    return m;
}

/* Project ring r and clip it to the frame grown by pad; the result is in
 * c->a, its length returned. */
static size_t project_ring(const rep_view *v, const sr_worldmap_ring *r, clipbuf *c, double pad)
{
    if (!clip_reserve(c, 2 * (size_t)r->n + 16))
        return 0;
    const int16_t *p = &sr_worldmap_points[2 * (size_t)r->first];
    for (uint32_t i = 0; i < r->n; i++)
        rep_map_project(v, p[2 * i] / PER_DEGREE, p[2 * i + 1] / PER_DEGREE, &c->a[i].x, &c->a[i].y);
    size_t n = r->n;
    double bounds[4] = {-pad, v->width + pad, -pad, v->height + pad};
    for (int edge = 0; edge < 4 && n; edge++) {
        n = clip_edge(c->a, n, c->b, edge, bounds[edge]);
        xy *t = c->a;
        c->a = c->b;
        c->b = t;
    }
    return n;
}

static void put_tenths(sr_buf *b, long v)
{
    if (v < 0) {
        sr_buf_putc(b, '-');
        v = -v;
    }
    sr_buf_put_uint(b, (unsigned long long)(v / 10));
    if (v % 10) {
        sr_buf_putc(b, '.');
        sr_buf_putc(b, (char)('0' + v % 10));
    }
}

/* "M x y l dx dy ... z" for the clipped ring in c->a; 0 when it is too
 * small to see (under a drawing unit across). */
static int put_ring(sr_buf *b, clipbuf *c, size_t n)
{
    const xy *pts = c->a;
    double minx = INFINITY, maxx = -INFINITY, miny = INFINITY, maxy = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        minx = fmin(minx, pts[i].x);
        maxx = fmax(maxx, pts[i].x);
        miny = fmin(miny, pts[i].y);
        maxy = fmax(maxy, pts[i].y);
    }
    if (n < 3 || (maxx - minx < 1.5 && maxy - miny < 1.5))
        return 0;
    simplify(c, n, 0.5);
    long lx = lround(pts[0].x * 10), ly = lround(pts[0].y * 10);
    sr_buf_putc(b, 'M');
    put_tenths(b, lx);
    sr_buf_putc(b, ' ');
    put_tenths(b, ly);
    sr_buf_putc(b, 'l');
    int first = 1;
    for (size_t i = 1; i < n; i++) {
        if (!c->keep[i])
            continue;
        long x = lround(pts[i].x * 10), y = lround(pts[i].y * 10);
        if (x == lx && y == ly)
            continue;
        if (!first)
            sr_buf_putc(b, ' ');
        first = 0;
        put_tenths(b, x - lx);
        if (y - ly >= 0)
            sr_buf_putc(b, ' ');
        put_tenths(b, y - ly);
        lx = x;
        ly = y;
    }
    sr_buf_putc(b, 'z');
    return 1;
}

/* ---- what is where ---------------------------------------------------------- */

static int box_meets_view(const int16_t box[4], const rep_view *v)
{
    return box[2] / PER_DEGREE >= v->west && box[0] / PER_DEGREE <= v->east &&
           box[3] / PER_DEGREE >= v->south && box[1] / PER_DEGREE <= v->north;
}

/* Even-odd ray casting over every ring of the country. */
static int country_contains(const sr_worldmap_country *c, double lon, double lat)
{
    double x = lon * PER_DEGREE, y = lat * PER_DEGREE;
    if (x < c->box[0] || x > c->box[2] || y < c->box[1] || y > c->box[3])
        return 0;
    int inside = 0;
    for (uint32_t r = c->first; r < c->first + c->n; r++) {
        const sr_worldmap_ring *ring = &sr_worldmap_rings[r];
        if (x < ring->box[0] || x > ring->box[2] || y < ring->box[1] || y > ring->box[3])
            continue;
        const int16_t *p = &sr_worldmap_points[2 * (size_t)ring->first];
        for (uint32_t i = 0, j = ring->n - 1; i < ring->n; j = i++) {
            double xi = p[2 * i], yi = p[2 * i + 1], xj = p[2 * j], yj = p[2 * j + 1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
                inside = !inside;
        }
    }
    return inside;
}

static double ring_area(const xy *p, size_t n, double *cx, double *cy)
{
    double a = 0, sx = 0, sy = 0;
    for (size_t i = 0, j = n - 1; i < n; j = i++) {
        double cross = p[j].x * p[i].y - p[i].x * p[j].y;
        a += cross;
        sx += (p[j].x + p[i].x) * cross;
        sy += (p[j].y + p[i].y) * cross;
    }
    if (fabs(a) < 1e-9)
        return 0;
    *cx = sx / (3 * a);
    *cy = sy / (3 * a);
    return fabs(a) / 2;
}

typedef struct label_box {
    double x0, y0, x1, y1;
} label_box;

static int overlaps(const label_box *boxes, size_t n, label_box b)
{
    for (size_t i = 0; i < n; i++)
        if (b.x0 < boxes[i].x1 && b.x1 > boxes[i].x0 && b.y0 < boxes[i].y1 && b.y1 > boxes[i].y0)
            return 1;
    return 0;
}

/* ---- the drawing ---------------------------------------------------------- */

static void draw_countries(sr_buf *b, const report *r, const rep_view *v, clipbuf *cb,
                           label_box *boxes, size_t *nboxes, size_t maxboxes)
{
    typedef struct country_label {
        const char *name;
        double x, y, area;
    } country_label;
    country_label labels[64];
    size_t nlabels = 0;
    sr_buf_puts(b, "<g class=\"land\">\n");
    for (size_t ci = 0; ci < sr_worldmap_ncountries; ci++) {
        const sr_worldmap_country *c = &sr_worldmap_countries[ci];
        if (!box_meets_view(c->box, v))
            continue;
        int hit = 0;
        for (size_t i = 0; i < r->nplaces && !hit; i++)
            if (r->places[i].on_map && country_contains(c, r->places[i].lon, r->places[i].lat))
                hit = 1;
        size_t start = b->len;
        sr_buf_printf(b, "<path class=\"%s\" d=\"", hit ? "c hit" : "c");
        size_t path_start = b->len;
        double best = 0, bx = 0, by = 0;
        for (uint32_t ri = c->first; ri < c->first + c->n; ri++) {
            const sr_worldmap_ring *ring = &sr_worldmap_rings[ri];
            if (!box_meets_view(ring->box, v))
                continue;
            size_t n = project_ring(v, ring, cb, 4);
            if (!put_ring(b, cb, n))
                continue;
            double cx = 0, cy = 0, a = ring_area(cb->a, n, &cx, &cy);
            if (a > best) {
                best = a;
                bx = cx;
                by = cy;
            }
        }
        if (b->len == path_start) { /* nothing of it shows */
            b->len = start;
            b->data[start] = '\0';
            continue;
        }
        sr_buf_puts(b, "\"><title>");
        rep_html(b, c->name);
        sr_buf_puts(b, "</title></path>\n");
        /* A name goes where the country shows enough of itself. */
        double width_needed = 7.5 * (double)strlen(c->name) + 10;
        if (nlabels < sizeof labels / sizeof *labels && best > width_needed * 40 &&
            bx > width_needed / 2 && bx < v->width - width_needed / 2 && by > 16 &&
            by < v->height - 24)
            labels[nlabels++] = (country_label){c->name, bx, by, best};
    }
    sr_buf_puts(b, "</g>\n<g class=\"cname\">\n");
    for (size_t i = 0; i < nlabels; i++) {
        double half = 3.75 * (double)strlen(labels[i].name) + 5;
        label_box box = {labels[i].x - half, labels[i].y - 9, labels[i].x + half, labels[i].y + 3};
        if (*nboxes == maxboxes || overlaps(boxes, *nboxes, box))
            continue;
        boxes[(*nboxes)++] = box;
        sr_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\">", labels[i].x, labels[i].y);
        rep_html(b, labels[i].name);
        sr_buf_puts(b, "</text>\n");
    }
    sr_buf_puts(b, "</g>\n");
}

static void draw_graticule(sr_buf *b, const rep_view *v)
{
    static const double steps[] = {0.5, 1, 2, 5, 10, 15, 30};
    double span = v->east - v->west, step = 30;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++)
        if (span / steps[i] <= 8) {
            step = steps[i];
            break;
        }
    sr_buf_puts(b, "<g class=\"grat\">");
    for (double lon = ceil(v->west / step) * step; lon <= v->east; lon += step) {
        double x, y;
        rep_map_project(v, lon, v->north, &x, &y);
        sr_buf_printf(b, "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\"/>", x, x, v->height);
        sr_buf_printf(b, "<text x=\"%.1f\" y=\"12\">%g\xC2\xB0%s</text>", x + 3, fabs(lon),
                      lon < 0 ? "W" : lon > 0 ? "E" : "");
    }
    for (double lat = ceil(v->south / step) * step; lat <= v->north; lat += step) {
        double x, y;
        rep_map_project(v, v->west, lat, &x, &y);
        sr_buf_printf(b, "<line x1=\"0\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>", y, v->width, y);
        sr_buf_printf(b, "<text x=\"4\" y=\"%.1f\">%g\xC2\xB0%s</text>", y - 3, fabs(lat),
                      lat < 0 ? "S" : lat > 0 ? "N" : "");
    }
    sr_buf_puts(b, "</g>\n");
}

/* A bar of a round number of kilometres, at most 160 units long, in the
 * bottom left corner. */
static void draw_scale_bar(sr_buf *b, const rep_view *v)
{
    double km_per_unit = 111.32 / v->scale;
    double km = 1;
    for (double mag = 1; mag < 1e5; mag *= 10)
        for (int k = 0; k < 3; k++) {
            double c = mag * (k == 0 ? 1 : k == 1 ? 2 : 5);
            if (c / km_per_unit <= 160)
                km = c;
        }
    double len = km / km_per_unit, x = 16, base = v->height - 14;
    sr_buf_printf(b,
                  "<g class=\"scale\"><rect x=\"%.0f\" y=\"%.1f\" width=\"%.1f\" height=\"28\"/>"
                  "<path d=\"M%.1f %.1fv5h%.1fv-5\"/><text x=\"%.1f\" y=\"%.1f\">%g km</text></g>\n",
                  x - 6, base - 22, len + 12, x, base - 5, len, x, base - 9, km);
}

static int is_area(const rep_place *p)
{
    return rep_area_word(p->feature) != NULL;
}

/* From blue (no violent event) to red (all of them violent), through a
 * muted purple: the share of a place's events that are material conflict. */
static void violence_colour(const rep_place *p, char out[8])
{
    static const int blue[3] = {33, 102, 172}, mid[3] = {118, 80, 140}, red[3] = {178, 24, 43};
    double t = p->events ? (double)p->violent / (double)p->events : 0;
    const int *a = t < 0.5 ? blue : mid, *b = t < 0.5 ? mid : red;
    double u = t < 0.5 ? 2 * t : 2 * t - 1;
    int c[3];
    for (int i = 0; i < 3; i++)
        c[i] = (int)lround(a[i] + (b[i] - a[i]) * u);
    snprintf(out, 8, "#%02x%02x%02x", (unsigned)c[0] & 255u, (unsigned)c[1] & 255u,
             (unsigned)c[2] & 255u);
}

static double circle_radius(const rep_place *p, long max)
{
    return 3.5 + 20 * sqrt((double)p->events / (double)max);
}

static long max_events(const report *r)
{
    long max = 1;
    for (size_t i = 0; i < r->nplaces; i++)
        if (r->places[i].on_map && r->places[i].events > max)
            max = r->places[i].events;
    return max;
}

typedef struct place_label {
    const rep_place *p;
    double x, y;
    int left;
} place_label;

/* Names for the ten busiest places, right of their circle, else left,
 * else none; every circle is kept clear of country names too. */
static size_t layout_place_labels(const report *r, const rep_view *v, place_label *out,
                                  label_box *boxes, size_t *nboxes, size_t maxboxes)
{
    long max = max_events(r);
    size_t n = 0;
    for (size_t k = 0; k < r->nplaces && n < 10 && *nboxes < maxboxes; k++) {
        const rep_place *p = &r->places[k];
        if (!p->on_map)
            continue;
        double x, y, rad = circle_radius(p, max);
        rep_map_project(v, p->lon, p->lat, &x, &y);
        double w = 7.0 * (double)strlen(p->name) + 4;
        label_box right = {x + rad + 2, y - 9, x + rad + 4 + w, y + 5};
        label_box left = {x - rad - 4 - w, y - 9, x - rad - 2, y + 5};
        int use_left = right.x1 > v->width || overlaps(boxes, *nboxes, right);
        if (use_left && (left.x0 < 0 || overlaps(boxes, *nboxes, left)))
            continue;
        boxes[(*nboxes)++] = use_left ? left : right;
        out[n++] = (place_label){p, use_left ? x - rad - 3 : x + rad + 3, y + 4, use_left};
    }
    for (size_t k = 0; k < r->nplaces && *nboxes < maxboxes; k++) {
        const rep_place *p = &r->places[k];
        if (!p->on_map)
            continue;
        double x, y, rad = circle_radius(p, max);
        rep_map_project(v, p->lon, p->lat, &x, &y);
        boxes[(*nboxes)++] = (label_box){x - rad, y - rad, x + rad, y + rad};
    }
    return n;
}

static void draw_events(sr_buf *b, const report *r, const rep_view *v, const place_label *labels,
                        size_t nlabels)
{
    long max = max_events(r);
    /* Places come most events first: drawn in reverse, the small circles
     * end up on top of the big ones. */
    sr_buf_puts(b, "<g class=\"ev\">\n");
    for (size_t k = r->nplaces; k-- > 0;) {
        const rep_place *p = &r->places[k];
        if (!p->on_map)
            continue;
        double x, y;
        rep_map_project(v, p->lon, p->lat, &x, &y);
        char colour[8];
        violence_colour(p, colour);
        if (is_area(p))
            sr_buf_printf(b, "<circle class=\"area\" stroke=\"%s\" fill=\"%s\"", colour, colour);
        else
            sr_buf_printf(b, "<circle fill=\"%s\"", colour);
        sr_buf_printf(b, " cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"><title>", x, y, circle_radius(p, max));
        rep_html(b, p->name);
        sr_buf_printf(b, ": %ld event%s, %ld violent</title></circle>\n", p->events,
                      p->events == 1 ? "" : "s", p->violent);
    }
    sr_buf_puts(b, "</g>\n<g class=\"plabel\">\n");
    for (size_t i = 0; i < nlabels; i++) {
        sr_buf_printf(b, "<text x=\"%.1f\" y=\"%.1f\"%s>", labels[i].x, labels[i].y,
                      labels[i].left ? " text-anchor=\"end\"" : "");
        rep_html(b, labels[i].p->name);
        sr_buf_puts(b, "</text>\n");
    }
    sr_buf_puts(b, "</g>\n");
}

void rep_map_svg(sr_buf *b, const report *r, const rep_view *v)
{
    clipbuf cb = {0};
    label_box boxes[REP_MAP_PLACES + 10 + 64]; /* labels, circles, country names */
    size_t nboxes = 0;
    place_label labels[10];
    sr_buf_printf(b,
                  "<svg class=\"map\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"Map of "
                  "the events\" data-west=\"%.6f\" data-north=\"%.6f\" data-scale=\"%.6f\" "
                  "data-coslat=\"%.6f\">\n"
                  "<rect class=\"sea\" width=\"%.0f\" height=\"%.0f\"/>\n",
                  v->width, v->height, v->west, v->north, v->scale, v->coslat, v->width,
                  v->height);
    size_t nlabels = layout_place_labels(r, v, labels, boxes, &nboxes, REP_MAP_PLACES + 10);
    draw_graticule(b, v);
    draw_countries(b, r, v, &cb, boxes, &nboxes, sizeof boxes / sizeof *boxes);
    draw_events(b, r, v, labels, nlabels);
    draw_scale_bar(b, v);
    sr_buf_printf(b,
                  "<text class=\"credit\" x=\"%.0f\" y=\"%.0f\">Borders: Natural Earth 1:50m "
                  "(world-atlas)</text>\n"
                  "<rect class=\"frame\" width=\"%.0f\" height=\"%.0f\"/>\n</svg>\n",
                  v->width - 8, v->height - 8, v->width, v->height);
    clip_free(&cb);
}
