/*
 * An event's place with the codes GDELT and ACLED name places by: the
 * FIPS 10-4 country code, the ADM1 code, the GDELT geo type, the country's
 * name and ACLED region.
 *
 * The store keeps a place's name, country, admin1 name and GeoNames id, not
 * its admin1 code, so the code is looked up again in the gazetteer: the
 * entry with the same GeoNames id (cities), else the same name, kind and
 * country (divisions, regions), else the division named as the place's
 * admin1. GeoNames admin1 codes are FIPS 10-4 division codes for most
 * countries (Idlib is 12, GDELT's SY12) and state postal codes in the
 * United States (GDELT's USCA), which is what GDELT writes after the
 * country code.
 */
#include <math.h>
#include <string.h>

#include "export/export_internal.h"

#define MAX_READINGS 64

static char feature_char(const char *feature)
{
    if (!feature)
        return 0;
    if (strcmp(feature, "city") == 0)
        return SR_FEATURE_CITY;
    if (strcmp(feature, "admin1") == 0)
        return SR_FEATURE_ADMIN1;
    if (strcmp(feature, "country") == 0)
        return SR_FEATURE_COUNTRY;
    if (strcmp(feature, "region") == 0)
        return SR_FEATURE_REGION;
    return 0;
}

/* The admin1 code of the gazetteer entry named `name` that is the place
 * described by the rest; "" when there is none. */
static void find_admin1_code(const sr_gazetteer *g, const char *name, char feature,
                             const char *iso2, int64_t geonameid, double lat, double lon,
                             char out[8])
{
    out[0] = '\0';
    if (!name || !*name)
        return;
    sr_place found[MAX_READINGS];
    size_t n = sr_gazetteer_lookup(g, name, strlen(name), found, MAX_READINGS);
    if (n > MAX_READINGS)
        n = MAX_READINGS;
    for (size_t i = 0; i < n; i++) {
        const sr_place *p = &found[i];
        int same;
        if (geonameid > 0)
            same = p->geonameid == (uint32_t)geonameid;
        else
            same = p->feature == feature && iso2 && strcmp(p->country, iso2) == 0 &&
                   (isnan(lat) || (fabs(p->lat - lat) < 0.05 && fabs(p->lon - lon) < 0.05));
        if (same && p->admin1_code[0]) {
            strcpy(out, p->admin1_code);
            return;
        }
    }
}

void export_place_resolve(const sr_gazetteer *g, const sr_event_row *r, export_place *out)
{
    memset(out, 0, sizeof *out);
    if (!r->has_place || !r->place_country)
        return;
    out->known = 1;
    out->country = export_country_by_iso2(r->place_country);
    sr_country c;
    if (g && sr_gazetteer_country(g, r->place_country, strlen(r->place_country), &c) == 0) {
        memcpy(out->fips, c.fips, sizeof out->fips);
        snprintf(out->country_name, sizeof out->country_name, "%s", c.name ? c.name : "");
    }
    int us = strcmp(r->place_country, "US") == 0;
    char feature = feature_char(r->place_feature);
    char code[8] = "";
    switch (feature) {
    case SR_FEATURE_COUNTRY:
        out->geo_type = 1;
        break;
    case SR_FEATURE_ADMIN1:
        out->geo_type = us ? 2 : 5;
        if (g)
            find_admin1_code(g, r->place_name, feature, r->place_country, 0, NAN, NAN, code);
        break;
    default: /* a city, or a named area below a division: GDELT's "city" */
        out->geo_type = us ? 3 : 4;
        if (g)
            find_admin1_code(g, r->place_name, feature, r->place_country, r->geonameid, r->lat,
                             r->lon, code);
        break;
    }
    /* Not found by the place itself: its division by name. */
    if (g && !code[0] && feature != SR_FEATURE_COUNTRY && r->place_admin1)
        find_admin1_code(g, r->place_admin1, SR_FEATURE_ADMIN1, r->place_country, 0, NAN, NAN,
                         code);
    if (out->fips[0] && code[0])
        snprintf(out->adm1, sizeof out->adm1, "%s%s", out->fips, code);
    else if (feature == SR_FEATURE_COUNTRY)
        snprintf(out->adm1, sizeof out->adm1, "%s", out->fips);
}

void export_place_full_name(const sr_event_row *r, const export_place *p, sr_buf *out)
{
    if (!p->known)
        return;
    const char *parts[3];
    size_t n = 0;
    int is_country = r->place_feature && strcmp(r->place_feature, "country") == 0;
    if (!is_country && r->place_name)
        parts[n++] = r->place_name;
    if (!is_country && r->place_admin1 && (!r->place_feature || strcmp(r->place_feature, "admin1") != 0))
        parts[n++] = r->place_admin1;
    parts[n++] = p->country_name[0] ? p->country_name : r->place_country;
    for (size_t i = 0; i < n; i++) {
        if (i)
            sr_buf_puts(out, ", ");
        sr_buf_puts(out, parts[i]);
    }
}
