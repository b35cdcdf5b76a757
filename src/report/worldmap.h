/*
 * worldmap: the world's country shapes, compiled into libsitrep so that a
 * report can draw a map with no files and no network.
 *
 * The data is Natural Earth 1:50m (public domain) as the npm package
 * world-atlas ships it (TopoJSON). tools/worldmap_build.c decodes it at
 * build time (arcs delta-decoded, the quantization transform applied, each
 * arc simplified once so that neighbours keep a common border) and writes
 * $(BUILD)/gen/worldmap_data.c with the definitions declared here.
 *
 * Coordinates are whole numbers of 1/SR_WORLDMAP_PER_DEGREE degree (about
 * 600 m), longitude then latitude, in the plain equirectangular plane; a
 * report projects and clips them for its own view (map.c). Rings are
 * closed implicitly (the last point is not repeated); a country's rings
 * are its islands and its holes, drawn together with the even-odd rule.
 */
#ifndef SR_REPORT_WORLDMAP_H
#define SR_REPORT_WORLDMAP_H

#include <stddef.h>
#include <stdint.h>

#define SR_WORLDMAP_PER_DEGREE 180

typedef struct sr_worldmap_ring {
    uint32_t first;   /* index of its first point in sr_worldmap_points / 2 */
    uint32_t n;       /* points */
    int16_t box[4];   /* west, south, east, north */
} sr_worldmap_ring;

typedef struct sr_worldmap_country {
    const char *name;  /* Natural Earth's short name ("Syria") */
    const char *id;    /* ISO 3166-1 numeric ("760"), or "" */
    uint32_t first;    /* its first ring in sr_worldmap_rings */
    uint32_t n;        /* rings */
    int16_t box[4];    /* west, south, east, north */
} sr_worldmap_country;

extern const int16_t sr_worldmap_points[];  /* lon, lat, lon, lat, ... */
extern const sr_worldmap_ring sr_worldmap_rings[];
extern const sr_worldmap_country sr_worldmap_countries[];
extern const size_t sr_worldmap_ncountries;
extern const char sr_worldmap_source[];     /* where the shapes came from */

#endif
