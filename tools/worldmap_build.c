/*
 * worldmap_build: turn world-atlas's TopoJSON country shapes into the C
 * arrays declared in src/report/worldmap.h. Run by the Makefile:
 *
 *   worldmap_build -o build/gen/worldmap_data.c \
 *       deps/npm/node_modules/world-atlas/countries-50m.json
 *
 * TopoJSON keeps each border once, as an "arc" that the polygons on both
 * sides point at (a negative index ~i walks arc i backwards), and stores
 * the arcs' points as integer steps from the previous point, to be scaled
 * and shifted by the file's "transform". Simplifying the arcs, not the
 * rings, keeps the two sides of every border identical, so the map has no
 * slivers or gaps between neighbours.
 *
 * Prints one line of counts; exits non-zero, naming the file, on failure.
 */
#include <jansson.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/worldmap.h"

/* Douglas-Peucker tolerance in degrees: about half a kilometre, a pixel
 * when a report zooms in on one province. */
#define DEFAULT_TOLERANCE 0.005

typedef struct point {
    double lon, lat;
} point;

typedef struct arc {
    point *p;
    size_t n;
    unsigned char *keep; /* 1: the point survives simplification */
} arc;

/* Growable arrays of the output. */
typedef struct out {
    int16_t *pts; /* pairs */
    size_t npts, cappts;
    sr_worldmap_ring *rings;
    size_t nrings, caprings;
    struct named {
        sr_worldmap_country c;
        char *name, *id; /* malloc'd: the generated file's strings */
    } *countries;
    size_t ncountries, capcountries;
    size_t dropped_rings;
} out;

static void *grow(void *p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return p;
    size_t c = *cap ? *cap : 256;
    while (c < need)
        c *= 2;
    void *q = realloc(p, c * size);
    if (!q) {
        fputs("worldmap_build: out of memory\n", stderr);
        exit(1);
    }
    *cap = c;
    return q;
}

static double seg_dist(point p, point a, point b)
{
    double dx = b.lon - a.lon, dy = b.lat - a.lat;
    double len2 = dx * dx + dy * dy;
    double t = len2 > 0 ? ((p.lon - a.lon) * dx + (p.lat - a.lat) * dy) / len2 : 0;
    if (t < 0)
        t = 0;
    else if (t > 1)
        t = 1;
    double ex = a.lon + t * dx - p.lon, ey = a.lat + t * dy - p.lat;
    return sqrt(ex * ex + ey * ey);
}

/* Douglas-Peucker over one arc, with an explicit stack of spans. A closed
 * arc (an island drawn as one loop) starts and ends at the same point, so
 * the farthest point from that point is kept first and the loop survives. */
static void simplify(arc *a, double tol)
{
    a->keep = calloc(a->n ? a->n : 1, 1);
    size_t *stack = malloc(2 * (a->n + 1) * sizeof *stack);
    if (!a->keep || !stack) {
        fputs("worldmap_build: out of memory\n", stderr);
        exit(1);
    }
    if (a->n == 0) {
        free(stack);
        return;
    }
    a->keep[0] = a->keep[a->n - 1] = 1;
    size_t top = 0;
    stack[top++] = 0;
    stack[top++] = a->n - 1;
    while (top) {
        size_t hi = stack[--top], lo = stack[--top];
        double best = -1;
        size_t at = 0;
        for (size_t i = lo + 1; i < hi; i++) {
            double d = seg_dist(a->p[i], a->p[lo], a->p[hi]);
            if (d > best) {
                best = d;
                at = i;
            }
        }
        if (best > tol) {
            a->keep[at] = 1;
            stack[top++] = lo;
            stack[top++] = at;
            stack[top++] = at;
            stack[top++] = hi;
        }
    }
    free(stack);
}

static int read_arcs(json_t *root, arc **arcs_out, size_t *narcs, const char *path)
{
    double scale[2] = {1, 1}, shift[2] = {0, 0};
    int delta = 0;
    json_t *tr = json_object_get(root, "transform");
    if (tr) {
        json_t *s = json_object_get(tr, "scale"), *t = json_object_get(tr, "translate");
        if (json_array_size(s) != 2 || json_array_size(t) != 2) {
            fprintf(stderr, "worldmap_build: %s: malformed transform\n", path);
            return -1;
        }
        for (int k = 0; k < 2; k++) {
            scale[k] = json_number_value(json_array_get(s, k));
            shift[k] = json_number_value(json_array_get(t, k));
        }
        delta = 1; /* quantized TopoJSON: positions are steps */
    }
    json_t *ja = json_object_get(root, "arcs");
    if (!json_is_array(ja)) {
        fprintf(stderr, "worldmap_build: %s: no \"arcs\" array\n", path);
        return -1;
    }
    size_t n = json_array_size(ja);
    arc *arcs = calloc(n ? n : 1, sizeof *arcs);
    if (!arcs)
        return -1;
    for (size_t i = 0; i < n; i++) {
        json_t *jarc = json_array_get(ja, i);
        size_t m = json_array_size(jarc);
        arcs[i].p = malloc((m ? m : 1) * sizeof(point));
        if (!arcs[i].p)
            return -1;
        double x = 0, y = 0;
        for (size_t j = 0; j < m; j++) {
            json_t *pos = json_array_get(jarc, j);
            if (json_array_size(pos) < 2) {
                fprintf(stderr, "worldmap_build: %s: arc %zu point %zu is malformed\n", path, i, j);
                return -1;
            }
            double px = json_number_value(json_array_get(pos, 0));
            double py = json_number_value(json_array_get(pos, 1));
            x = delta ? x + px : px;
            y = delta ? y + py : py;
            arcs[i].p[j] = (point){x * scale[0] + shift[0], y * scale[1] + shift[1]};
        }
        arcs[i].n = m;
    }
    *arcs_out = arcs;
    *narcs = n;
    return 0;
}

static int16_t quantize(double deg)
{
    return (int16_t)lrint(deg * SR_WORLDMAP_PER_DEGREE);
}

static void push_point(out *o, int16_t x, int16_t y)
{
    o->pts = grow(o->pts, &o->cappts, 2 * (o->npts + 1), sizeof *o->pts);
    o->pts[2 * o->npts] = x;
    o->pts[2 * o->npts + 1] = y;
    o->npts++;
}

/* A growable list of points in degrees. */
typedef struct pointlist {
    point *p;
    size_t n, cap;
} pointlist;

static void pl_push(pointlist *l, double lon, double lat)
{
    l->p = grow(l->p, &l->cap, l->n + 1, sizeof *l->p);
    l->p[l->n++] = (point){lon, lat};
}

/* Append ring in[0..n) as quantized points with no repeats. Rings that
 * collapse below a triangle are dropped. */
static void emit_ring(out *o, const point *in, size_t n)
{
    size_t first = o->npts;
    for (size_t i = 0; i < n; i++) {
        int16_t x = quantize(in[i].lon), y = quantize(in[i].lat);
        if (o->npts > first && o->pts[2 * o->npts - 2] == x && o->pts[2 * o->npts - 1] == y)
            continue;
        push_point(o, x, y);
    }
    /* The ring ends where it began: drop the repeat. */
    while (o->npts - first > 1 && o->pts[2 * o->npts - 2] == o->pts[2 * first] &&
           o->pts[2 * o->npts - 1] == o->pts[2 * first + 1])
        o->npts--;
    size_t m = o->npts - first;
    if (m < 3) {
        o->npts = first;
        o->dropped_rings++;
        return;
    }
    sr_worldmap_ring r = {(uint32_t)first, (uint32_t)m, {INT16_MAX, INT16_MAX, INT16_MIN, INT16_MIN}};
    for (size_t i = first; i < o->npts; i++) {
        int16_t x = o->pts[2 * i], y = o->pts[2 * i + 1];
        if (x < r.box[0]) r.box[0] = x;
        if (y < r.box[1]) r.box[1] = y;
        if (x > r.box[2]) r.box[2] = x;
        if (y > r.box[3]) r.box[3] = y;
    }
    o->rings = grow(o->rings, &o->caprings, o->nrings + 1, sizeof *o->rings);
    o->rings[o->nrings++] = r;
}

/* The part of ring in[0..n), its longitudes moved by shift, that lies on
 * the keep side of longitude bound (Sutherland-Hodgman against one line):
 * keep_below 1 keeps lon <= bound, 0 keeps lon >= bound. */
static void clip_lon(const point *in, size_t n, double shift, double bound, int keep_below,
                     pointlist *part)
{
    part->n = 0;
    for (size_t i = 0; i < n; i++) {
        point p = in[i], q = in[(i + 1) % n];
        p.lon += shift * (shift > 0 ? p.lon < 0 : p.lon > 0);
        q.lon += shift * (shift > 0 ? q.lon < 0 : q.lon > 0);
        int pin = keep_below ? p.lon <= bound : p.lon >= bound;
        int qin = keep_below ? q.lon <= bound : q.lon >= bound;
        if (pin)
            pl_push(part, p.lon, p.lat);
        if (pin != qin) {
            double t = (bound - p.lon) / (q.lon - p.lon);
            pl_push(part, bound, p.lat + t * (q.lat - p.lat));
        }
    }
}

/* Rings that cross the antimeridian (Chukotka, Fiji) would draw a line
 * across the whole world: such a ring is cut in two, each side kept within
 * -180..180. A ring that crosses it once goes round a pole (Antarctica):
 * it is closed along the pole instead. */
static void add_ring_points(out *o, const point *in, size_t n)
{
    size_t crossings = 0;
    double lat_sum = 0;
    for (size_t i = 0; i < n; i++) {
        crossings += fabs(in[(i + 1) % n].lon - in[i].lon) > 180;
        lat_sum += in[i].lat;
    }
    if (crossings == 0) {
        emit_ring(o, in, n);
        return;
    }
    pointlist part = {0};
    if (crossings % 2 == 1) {
        double pole = lat_sum < 0 ? -90 : 90;
        for (size_t i = 0; i < n; i++) {
            point p = in[i], q = in[(i + 1) % n];
            pl_push(&part, p.lon, p.lat);
            if (fabs(q.lon - p.lon) <= 180)
                continue;
            double side = p.lon < 0 ? -180 : 180;
            double qlon = q.lon + (side > 0 ? 360 : -360);
            double t = (side - p.lon) / (qlon - p.lon);
            double lat = p.lat + t * (q.lat - p.lat);
            pl_push(&part, side, lat);
            pl_push(&part, side, pole);
            pl_push(&part, -side, pole);
            pl_push(&part, -side, lat);
        }
        emit_ring(o, part.p, part.n);
    } else {
        clip_lon(in, n, 360, 180, 1, &part);   /* the side east of Greenwich */
        emit_ring(o, part.p, part.n);
        clip_lon(in, n, -360, -180, 0, &part); /* and the side across the line */
        emit_ring(o, part.p, part.n);
    }
    free(part.p);
}

/* One ring (a list of arc indexes): its arcs' kept points, each arc after
 * the first without its first point (the last point of the one before). */
static int add_ring(out *o, const arc *arcs, size_t narcs, json_t *jring, const char *path)
{
    pointlist ring = {0};
    for (size_t k = 0; k < json_array_size(jring); k++) {
        json_int_t idx = json_integer_value(json_array_get(jring, k));
        int reversed = idx < 0;
        size_t ai = (size_t)(reversed ? ~idx : idx);
        if (ai >= narcs) {
            fprintf(stderr, "worldmap_build: %s: arc index %lld out of range\n", path,
                    (long long)idx);
            free(ring.p);
            return -1;
        }
        const arc *a = &arcs[ai];
        for (size_t j = k ? 1 : 0; j < a->n; j++) {
            size_t at = reversed ? a->n - 1 - j : j;
            if (a->keep[at])
                pl_push(&ring, a->p[at].lon, a->p[at].lat);
        }
    }
    add_ring_points(o, ring.p, ring.n);
    free(ring.p);
    return 0;
}

static char *dup_str(const char *s)
{
    char *d = strdup(s ? s : "");
    if (!d) {
        fputs("worldmap_build: out of memory\n", stderr);
        exit(1);
    }
    return d;
}

static int add_country(out *o, const arc *arcs, size_t narcs, json_t *geom, const char *path)
{
    const char *type = json_string_value(json_object_get(geom, "type"));
    json_t *ja = json_object_get(geom, "arcs");
    if (!type || !ja)
        return 0; /* a null geometry: nothing to draw */
    size_t first_ring = o->nrings;
    if (strcmp(type, "Polygon") == 0) {
        for (size_t r = 0; r < json_array_size(ja); r++)
            if (add_ring(o, arcs, narcs, json_array_get(ja, r), path) != 0)
                return -1;
    } else if (strcmp(type, "MultiPolygon") == 0) {
        for (size_t p = 0; p < json_array_size(ja); p++) {
            json_t *poly = json_array_get(ja, p);
            for (size_t r = 0; r < json_array_size(poly); r++)
                if (add_ring(o, arcs, narcs, json_array_get(poly, r), path) != 0)
                    return -1;
        }
    } else {
        return 0;
    }
    if (o->nrings == first_ring)
        return 0;
    sr_worldmap_country c = {NULL, NULL, (uint32_t)first_ring, (uint32_t)(o->nrings - first_ring),
                             {INT16_MAX, INT16_MAX, INT16_MIN, INT16_MIN}};
    for (size_t r = first_ring; r < o->nrings; r++)
        for (int k = 0; k < 4; k++)
            if (k < 2 ? o->rings[r].box[k] < c.box[k] : o->rings[r].box[k] > c.box[k])
                c.box[k] = o->rings[r].box[k];
    o->countries = grow(o->countries, &o->capcountries, o->ncountries + 1, sizeof *o->countries);
    struct named *nc = &o->countries[o->ncountries++];
    json_t *props = json_object_get(geom, "properties");
    json_t *jid = json_object_get(geom, "id");
    nc->c = c;
    nc->name = dup_str(json_string_value(json_object_get(props, "name")));
    nc->id = dup_str(json_is_string(jid) ? json_string_value(jid) : "");
    return 0;
}

/* A C string literal with only printable ASCII inside: other bytes (the
 * UTF-8 of "Côte d'Ivoire") as octal escapes. */
static void put_c_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p >= 0x7f)
            fprintf(f, "\\%03o", *p);
        else
            fputc(*p, f);
    }
    fputc('"', f);
}

static int write_c(const out *o, const char *path, const char *input)
{
    FILE *f = fopen(path, "w");
    if (!f) {
        perror(path);
        return -1;
    }
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    fprintf(f, "/* Generated by tools/worldmap_build from %s (world-atlas, Natural Earth,\n"
               " * public domain). Do not edit. */\n"
               "#include \"report/worldmap.h\"\n\n",
            base);
    fputs("const char sr_worldmap_source[] = ", f);
    put_c_string(f, base);
    fputs(";\n\nconst int16_t sr_worldmap_points[] = {\n", f);
    for (size_t i = 0; i < o->npts; i++)
        fprintf(f, "%s%d,%d,%s", i % 10 == 0 ? "    " : "", o->pts[2 * i], o->pts[2 * i + 1],
                i % 10 == 9 || i + 1 == o->npts ? "\n" : "");
    fputs("};\n\nconst sr_worldmap_ring sr_worldmap_rings[] = {\n", f);
    for (size_t i = 0; i < o->nrings; i++) {
        const sr_worldmap_ring *r = &o->rings[i];
        fprintf(f, "    {%u, %u, {%d, %d, %d, %d}},\n", r->first, r->n, r->box[0], r->box[1],
                r->box[2], r->box[3]);
    }
    fputs("};\n\nconst sr_worldmap_country sr_worldmap_countries[] = {\n", f);
    for (size_t i = 0; i < o->ncountries; i++) {
        const sr_worldmap_country *c = &o->countries[i].c;
        fputs("    {", f);
        put_c_string(f, o->countries[i].name);
        fputs(", ", f);
        put_c_string(f, o->countries[i].id);
        fprintf(f, ", %u, %u, {%d, %d, %d, %d}},\n", c->first, c->n, c->box[0], c->box[1],
                c->box[2], c->box[3]);
    }
    fprintf(f, "};\n\nconst size_t sr_worldmap_ncountries = %zu;\n", o->ncountries);
    if (fclose(f) != 0) {
        perror(path);
        return -1;
    }
    return 0;
}

static int usage(void)
{
    fputs("usage: worldmap_build -o OUT.c [--tolerance DEGREES] countries.json\n", stderr);
    return 2;
}

int main(int argc, char **argv)
{
    const char *outpath = NULL, *input = NULL;
    double tol = DEFAULT_TOLERANCE;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
            outpath = argv[++i];
        else if (strcmp(argv[i], "--tolerance") == 0 && i + 1 < argc)
            tol = atof(argv[++i]);
        else if (argv[i][0] == '-' || input)
            return usage();
        else
            input = argv[i];
    }
    if (!outpath || !input)
        return usage();

    json_error_t jerr;
    json_t *root = json_load_file(input, 0, &jerr);
    if (!root) {
        fprintf(stderr, "worldmap_build: %s:%d: %s\n", input, jerr.line, jerr.text);
        return 1;
    }
    int rc = 1;
    arc *arcs = NULL;
    size_t narcs = 0, before = 0, after = 0;
    out o = {0};
    json_t *geoms =
        json_object_get(json_object_get(json_object_get(root, "objects"), "countries"), "geometries");
    if (!json_is_array(geoms)) {
        fprintf(stderr, "worldmap_build: %s: no objects.countries.geometries\n", input);
        goto done;
    }
    if (read_arcs(root, &arcs, &narcs, input) != 0)
        goto done;
    for (size_t i = 0; i < narcs; i++) {
        simplify(&arcs[i], tol);
        before += arcs[i].n;
        for (size_t j = 0; j < arcs[i].n; j++)
            after += arcs[i].keep[j];
    }
    for (size_t g = 0; g < json_array_size(geoms); g++)
        if (add_country(&o, arcs, narcs, json_array_get(geoms, g), input) != 0)
            goto done;
    if (o.ncountries == 0) {
        fprintf(stderr, "worldmap_build: %s: no country shapes\n", input);
        goto done;
    }
    if (write_c(&o, outpath, input) != 0)
        goto done;
    printf("worldmap_build: %s: %zu countries, %zu rings (%zu too small dropped), %zu points "
           "(arcs simplified from %zu to %zu points)\n",
           outpath, o.ncountries, o.nrings, o.dropped_rings, o.npts, before, after);
    rc = 0;
done:
    for (size_t i = 0; i < narcs; i++) {
        free(arcs[i].p);
        free(arcs[i].keep);
    }
    free(arcs);
    for (size_t i = 0; i < o.ncountries; i++) {
        free(o.countries[i].name);
        free(o.countries[i].id);
    }
    free(o.countries);
    free(o.rings);
    free(o.pts);
    json_decref(root);
    return rc;
}
