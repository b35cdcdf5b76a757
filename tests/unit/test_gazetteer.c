/*
 * The gazetteer: place keys, a tiny gazetteer compiled from literal rows
 * and looked up, damaged files refused; and, when `make` has built it, the
 * real build/gazetteer.bin on the places the seed articles name.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "geo/geo_internal.h"
#include "harness.h"
#include "sitrep/geo.h"
#include "sitrep/sitrep.h"

#ifndef SR_GAZETTEER
#define SR_GAZETTEER "build/gazetteer.bin"
#endif

static int same_key(const char *a, const char *b)
{
    char ka[SR_PLACE_KEY_MAX], kb[SR_PLACE_KEY_MAX];
    sr_place_key(a, strlen(a), ka, sizeof ka);
    sr_place_key(b, strlen(b), kb, sizeof kb);
    return ka[0] && strcmp(ka, kb) == 0;
}

TEST(keys_fold_transliterations)
{
    CHECK(same_key("Saraqeb", "Saraqib"));
    CHECK(same_key("Jisr al-Shughour", "Jisr ash Shughur"));
    CHECK(same_key("Jisr al-Shughour", "Jisr al-Shughur"));
    CHECK(same_key("Maarat al-Numan", "Ma'arrat an Nu'man"));
    CHECK(same_key("Maarat al-Numan", "Maarrat al-Numan"));
    CHECK(same_key("Ma\xE2\x80\x98" "arrat an Nu\xE2\x80\x98" "m\xC4\x81n", "Maarrat al-Numan"));
    CHECK(same_key("Deir ez-Zor", "Dayr az Zawr"));
    CHECK(same_key("Deir ez-Zor", "Deir Ezzor"));
    CHECK(same_key("Khan Sheikhoun", "Khan Shaykhun"));
    CHECK(same_key("Hayat", "Hay'at"));
    CHECK(same_key("Sar\xC4\x81qib", "SARAQIB"));           /* Sarāqib */
    CHECK(same_key("\xC4\xB0" "dlib", "Idleb"));             /* İdlib */
    CHECK(same_key("Sweida", "As-Suwayda"));
    CHECK(same_key("Latakia", "Lattakiyah"));
}

TEST(keys_keep_names_apart)
{
    CHECK(!same_key("Damascus", "Homs"));
    CHECK(!same_key("Idlib", "Aleppo"));
    CHECK(!same_key("Oman", "Amman"));
    CHECK(!same_key("Raqqa", "Rakhine"));
    CHECK(!same_key("Hama", "Homs"));
    CHECK(!same_key("Kobani", "Kobe"));
    char k[SR_PLACE_KEY_MAX];
    CHECK_INT(sr_place_key("--", 2, k, sizeof k), 0);
    CHECK_STR(k, "");
    /* the key is cut, not overrun */
    CHECK_INT(sr_place_key("Jisr al-Shughour", 16, k, 4), 3);
    CHECK_INT(strlen(k), 3);
    /* other scripts pass through, so they match only themselves */
    CHECK(same_key("\xD8\xA5\xD8\xAF\xD9\x84\xD8\xA8", "\xD8\xA5\xD8\xAF\xD9\x84\xD8\xA8"));
    CHECK(!same_key("\xD8\xA5\xD8\xAF\xD9\x84\xD8\xA8", "Idlib"));
    CHECK(sr_place_name_is_latin("Sar\xC4\x81qib", 8));
    CHECK(!sr_place_name_is_latin("\xD8\xA5\xD8\xAF\xD9\x84\xD8\xA8", 8));
}

/* ---- a tiny gazetteer ------------------------------------------------- */

static char dir[64];
static char paths[5][96];
static char build_log[1024];

static const char countries_tsv[] =
    "# iso2 iso3 fips name names demonyms lat lon\n"
    "SY\tSYR\tSY\tSyria\tSyrian Arab Republic\tSyrian;Syrians\t33.510\t36.291\n"
    "TR\tTUR\tTU\tTurkey\tT\xC3\xBCrkiye\tTurkish;Turk;Turks\t39.920\t32.854\n"
    "XX\tbroken line\n";

static const char admin1_tsv[] = "SY\t12\tIdlib\tIdleb;Idlib Governorate\t35.931\t36.634\n";

/* GeoNames columns: id name ascii alternates lat lon class code cc cc2
 * admin1 admin2 admin3 admin4 population elevation dem timezone date */
static const char cities_txt[] =
    "164816\tSar\xC4\x81qib\tSaraqib\tSarakeb,Saraqeb,sraqb,\xD8\xB3\xD8\xB1\xD8\xA7\xD9\x82\xD8\xA8\t"
    "35.86447\t36.80591\tP\tPPLA3\tSY\t\t12\t\t\t\t34231\t\t352\tAsia/Damascus\t2012-01-19\n"
    "169389\tIdlib\tIdlib\tIdleb,Idlib\t35.93062\t36.63393\tP\tPPLA\tSY\t\t12\t\t\t\t128840\t\t"
    "450\tAsia/Damascus\t2012-01-19\n"
    "170654\tDamascus\tDamascus\tDamas,Dimashq,DAM\t33.5102\t36.29128\tP\tPPLC\tSY\t\t13\t\t\t\t"
    "1569394\t\t695\tAsia/Damascus\t2019-10-24\n"
    "745044\tIstanbul\tIstanbul\tIstambul\t41.01384\t28.94966\tP\tPPLA\tTR\t\t34\t\t\t\t"
    "14804116\t\t39\tEurope/Istanbul\t2022-01-01\n"
    "999\tSome Hill\tSome Hill\t\t35.0\t36.0\tT\tHLL\tSY\t\t12\t\t\t\t0\t\t0\tAsia/Damascus\t2012\n"
    "not a line\n";

static const char supplement_tsv[] =
    "# name names feature iso2 admin1 lat lon geonameid source\n"
    "Eastern Ghouta\tEast Ghouta\tregion\tSY\t08\t33.550\t36.400\t\tWikipedia: Eastern Ghouta\n"
    "Saraqib\tSaraqueb\tcity\tSY\t12\t\t\t164816\tGeoNames 164816\n";

static int write_file(const char *path, const char *text, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    size_t w = fwrite(text, 1, n, f);
    return fclose(f) == 0 && w == n ? 0 : -1;
}

/* Build the tiny gazetteer into dir; 0 on success. */
static int build_tiny(void)
{
    strcpy(dir, "/tmp/sitrep-gz-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    const char *names[5] = {"countries.tsv", "admin1.tsv", "cities.txt", "supplement.tsv",
                            "gaz.bin"};
    for (int i = 0; i < 5; i++)
        snprintf(paths[i], sizeof paths[i], "%s/%s", dir, names[i]);
    if (write_file(paths[0], countries_tsv, sizeof countries_tsv - 1) ||
        write_file(paths[1], admin1_tsv, sizeof admin1_tsv - 1) ||
        write_file(paths[2], cities_txt, sizeof cities_txt - 1) ||
        write_file(paths[3], supplement_tsv, sizeof supplement_tsv - 1))
        return -1;
    FILE *log = tmpfile();
    if (!log)
        return -1;
    sr_gz_sources src = {paths[2], paths[0], paths[1], paths[3], log};
    sr_gz_stats st;
    sr_error err = {0};
    int rc = sr_gazetteer_build(&src, paths[4], &st, &err);
    if (rc)
        fprintf(stderr, "build: %s\n", err.msg);
    /* the two broken lines are reported with file and line, and skipped */
    rewind(log);
    size_t n = fread(build_log, 1, sizeof build_log - 1, log);
    build_log[n] = '\0';
    fclose(log);
    if (rc == 0 && (st.entries != 2 + 1 + 4 + 1 || st.countries != 2))
        rc = -1;
    return rc;
}

static void remove_tiny(void)
{
    for (int i = 0; i < 5; i++)
        unlink(paths[i]);
    rmdir(dir);
}

static size_t lookup(const sr_gazetteer *g, const char *text, sr_place *out, size_t max)
{
    return sr_gazetteer_lookup(g, text, strlen(text), out, max);
}

TEST(build_skips_bad_lines)
{
    CHECK(strstr(build_log, "countries.tsv:4: bad country line"));
    CHECK(strstr(build_log, "cities.txt:6: bad GeoNames line"));
}

TEST(tiny_lookups)
{
    sr_gazetteer *g;
    sr_error err = {0};
    CHECK_INT(sr_gazetteer_open(&g, paths[4], &err), 0);
    sr_place p[8];

    CHECK_INT(lookup(g, "Saraqeb", p, 8), 1);
    CHECK_STR(p[0].name, "Saraqib");
    CHECK_INT(p[0].geonameid, 164816);
    CHECK(fabs(p[0].lat - 35.86447) < 1e-5 && fabs(p[0].lon - 36.80591) < 1e-5);
    CHECK_STR(p[0].country, "SY");
    CHECK_STR(p[0].country3, "SYR");
    CHECK_STR(p[0].fips, "SY");
    CHECK_STR(p[0].admin1, "Idlib");
    CHECK_STR(p[0].admin1_code, "12");
    CHECK_INT(p[0].feature, SR_FEATURE_CITY);
    CHECK_INT(p[0].population, 34231);
    /* the supplement's spelling, accents, and a near one nobody listed */
    CHECK_INT(lookup(g, "Saraqueb", p, 8), 1);
    CHECK_INT(lookup(g, "Sar\xC4\x81qeb", p, 8), 1);
    CHECK_INT(lookup(g, "Saraqiib", p, 8), 1);
    /* machine romanizations, codes and other feature classes are no keys */
    CHECK_INT(lookup(g, "sraqb", p, 8), 0);
    CHECK_INT(lookup(g, "DAM", p, 8), 0);
    CHECK_INT(lookup(g, "Some Hill", p, 8), 0);

    /* the governorate before the city; max bounds what is written */
    CHECK_INT(lookup(g, "Idleb", p, 8), 2);
    CHECK_INT(p[0].feature, SR_FEATURE_ADMIN1);
    CHECK_STR(p[0].admin1, "Idlib");
    CHECK_INT(p[1].feature, SR_FEATURE_CITY);
    CHECK_INT(p[1].geonameid, 169389);
    memset(p, 0, sizeof p);
    CHECK_INT(lookup(g, "Idlib", p, 1), 2);
    CHECK(p[1].name == NULL);
    CHECK_INT(lookup(g, "Idlib Governorate", p, 8), 1);

    CHECK_INT(lookup(g, "East Ghouta", p, 8), 1);
    CHECK_STR(p[0].name, "Eastern Ghouta");
    CHECK_INT(p[0].feature, SR_FEATURE_REGION);
    CHECK_STR(p[0].admin1_code, "08");
    CHECK(p[0].admin1 == NULL); /* admin1 08 has no name in this tiny table */

    CHECK_INT(lookup(g, "Turkey", p, 8), 1);
    CHECK_INT(p[0].feature, SR_FEATURE_COUNTRY);
    CHECK_STR(p[0].fips, "TU");
    CHECK_INT(lookup(g, "Istambul", p, 8), 1);
    CHECK_STR(p[0].country3, "TUR");
    /* demonyms are countries, not places */
    CHECK_INT(lookup(g, "Syrians", p, 8), 0);
    CHECK_INT(lookup(g, "", p, 8), 0);
    sr_gazetteer_close(g);
}

TEST(tiny_countries)
{
    sr_gazetteer *g;
    CHECK_INT(sr_gazetteer_open(&g, paths[4], NULL), 0);
    sr_country c;
    CHECK_INT(sr_gazetteer_country(g, "Syrians", 7, &c), 0);
    CHECK_STR(c.iso2, "SY");
    CHECK_STR(c.name, "Syria");
    CHECK(fabs(c.lat - 33.51) < 1e-6);
    CHECK_INT(sr_gazetteer_country(g, "Turkish", 7, &c), 0);
    CHECK_STR(c.iso3, "TUR");
    CHECK_STR(c.fips, "TU");
    CHECK_INT(sr_gazetteer_country(g, "T\xC3\xBCrkiye", 8, &c), 0);
    CHECK_STR(c.iso2, "TR");
    CHECK_INT(sr_gazetteer_country(g, "TUR", 3, &c), 0);
    CHECK_STR(c.iso2, "TR");
    CHECK_INT(sr_gazetteer_country(g, "SY", 2, &c), 0);
    CHECK_STR(c.iso3, "SYR");
    CHECK_INT(sr_gazetteer_country(g, "sy", 2, &c), SR_ENOTFOUND);
    CHECK_INT(sr_gazetteer_country(g, "Narnia", 6, &c), SR_ENOTFOUND);
    sr_gazetteer_close(g);
}

/* Copy the tiny file, let damage() spoil the copy, and expect open to fail. */
static int open_damaged(void (*damage)(unsigned char *buf, size_t *n), sr_error *err)
{
    FILE *f = fopen(paths[4], "rb");
    if (!f)
        return 1;
    static unsigned char buf[1 << 20];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    damage(buf, &n);
    char bad[128];
    snprintf(bad, sizeof bad, "%s/bad.bin", dir);
    if (write_file(bad, (const char *)buf, n))
        return 1;
    sr_gazetteer *g = NULL;
    int rc = sr_gazetteer_open(&g, bad, err);
    unlink(bad);
    sr_gazetteer_close(g);
    return rc;
}

static void cut_in_half(unsigned char *buf, size_t *n)
{
    (void)buf;
    *n /= 2;
}

static void cut_header(unsigned char *buf, size_t *n)
{
    (void)buf;
    *n = sizeof(sr_gz_header) - 1;
}

static void foreign(unsigned char *buf, size_t *n)
{
    memcpy(buf, "\x7f" "ELF\2\1\1\0", 8);
    (void)n;
}

static void newer_version(unsigned char *buf, size_t *n)
{
    ((sr_gz_header *)buf)->version = SR_GZ_VERSION + 1;
    (void)n;
}

static void other_keys(unsigned char *buf, size_t *n)
{
    ((sr_gz_header *)buf)->fold_check ^= 1;
    (void)n;
}

static void table_outside(unsigned char *buf, size_t *n)
{
    ((sr_gz_header *)buf)->n_postings = 1u << 30;
    (void)n;
}

TEST(damaged_files_refused)
{
    sr_error err = {0};
    CHECK_INT(open_damaged(cut_in_half, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "truncated") && strstr(err.msg, "bad.bin"));
    CHECK_INT(open_damaged(cut_header, &err), SR_EFORMAT);
    CHECK_INT(open_damaged(foreign, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "not a sitrep gazetteer"));
    CHECK_INT(open_damaged(newer_version, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "version"));
    CHECK_INT(open_damaged(other_keys, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "keyed by another version"));
    CHECK_INT(open_damaged(table_outside, &err), SR_EFORMAT);
    CHECK(strstr(err.msg, "damaged"));

    sr_gazetteer *g = (sr_gazetteer *)&err;
    CHECK_INT(sr_gazetteer_open(&g, "/nonexistent/gazetteer.bin", &err), SR_EIO);
    CHECK(g == NULL);
    CHECK(strstr(err.msg, "/nonexistent/gazetteer.bin"));
}

TEST(environment_names_the_file)
{
    sr_gazetteer *g = NULL;
    setenv("SITREP_GAZETTEER", paths[4], 1);
    int rc = sr_gazetteer_open(&g, NULL, NULL);
    unsetenv("SITREP_GAZETTEER");
    CHECK_INT(rc, 0);
    sr_place p[2];
    CHECK_INT(lookup(g, "Damascus", p, 2), 1);
    sr_gazetteer_close(g);
}

TEST(build_reports_missing_input)
{
    char out[128];
    snprintf(out, sizeof out, "%s/none.bin", dir);
    sr_gz_sources src = {"/nonexistent/cities500.txt", NULL, NULL, NULL, NULL};
    sr_error err = {0};
    CHECK_INT(sr_gazetteer_build(&src, out, NULL, &err), SR_EIO);
    CHECK(strstr(err.msg, "/nonexistent/cities500.txt"));
    CHECK(access(out, F_OK) != 0);
}

/* ---- the real gazetteer, when make has built it ----------------------- */

static double km(double lat1, double lon1, double lat2, double lon2)
{
    double p = 3.14159265358979 / 180, x = (lon2 - lon1) * p * cos((lat1 + lat2) / 2 * p);
    return 6371 * hypot(x, (lat2 - lat1) * p);
}

/* The first reading of name in country cc lies within tol km of lat/lon. */
static int resolves_near(const sr_gazetteer *g, const char *name, const char *cc, double lat,
                         double lon, double tol)
{
    sr_place p[16];
    size_t n = lookup(g, name, p, 16);
    for (size_t i = 0; i < n && i < 16; i++)
        if (strcmp(p[i].country, cc) == 0)
            return km(lat, lon, p[i].lat, p[i].lon) <= tol;
    return 0;
}

TEST(real_gazetteer)
{
    sr_gazetteer *g;
    sr_error err = {0};
    if (access(SR_GAZETTEER, R_OK) != 0) {
        printf("test_gazetteer: %s not built, real-data checks skipped\n", SR_GAZETTEER);
        return;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    CHECK_INT(sr_gazetteer_open(&g, SR_GAZETTEER, &err), 0);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double ms = (t1.tv_sec - t0.tv_sec) * 1e3 + (t1.tv_nsec - t0.tv_nsec) / 1e6;
    if (ms > 50) {
        sr_gazetteer_close(g);
        TH_FAIL("open took %.1f ms", ms);
    }

    sr_place p[16];
    CHECK(lookup(g, "Saraqeb", p, 16) >= 1);
    CHECK_STR(p[0].name, "Saraqib");
    CHECK(km(p[0].lat, p[0].lon, 35.86, 36.81) < 2);
    CHECK_STR(p[0].admin1, "Idlib");

    /* Idlib: the governorate, then the city, both in SY admin1 12 */
    CHECK(lookup(g, "Idlib", p, 16) >= 2);
    CHECK_INT(p[0].feature, SR_FEATURE_ADMIN1);
    CHECK_STR(p[0].admin1_code, "12");
    CHECK_INT(p[1].feature, SR_FEATURE_CITY);
    CHECK_INT(p[1].geonameid, 169389);
    CHECK(lookup(g, "Idlib province", p, 16) >= 1);
    CHECK_INT(p[0].feature, SR_FEATURE_ADMIN1);

    CHECK(resolves_near(g, "Damascus", "SY", 33.510, 36.291, 10));
    CHECK(resolves_near(g, "Sochi", "RU", 43.599, 39.726, 10));
    CHECK(resolves_near(g, "Istanbul", "TR", 41.014, 28.950, 30));
    CHECK(resolves_near(g, "Jisr al-Shughour", "SY", 35.814, 36.320, 10));
    CHECK(resolves_near(g, "Ehsim", "SY", 35.721, 36.556, 10));
    CHECK(resolves_near(g, "Hajin", "SY", 34.695, 40.831, 10));
    CHECK(resolves_near(g, "East Ghouta", "SY", 33.55, 36.40, 25));
    CHECK(resolves_near(g, "Jabal al-Zawiya", "SY", 35.68, 36.55, 25));
    CHECK(resolves_near(g, "Deir Ezzor", "SY", 35.336, 40.141, 10));
    CHECK(resolves_near(g, "Kansafrah", "SY", 35.71, 36.50, 10));
    CHECK(resolves_near(g, "Tehran", "IR", 35.694, 51.422, 20));

    sr_country c;
    CHECK_INT(sr_gazetteer_country(g, "Iraqis", 6, &c), 0);
    CHECK_STR(c.fips, "IZ");
    CHECK_INT(sr_gazetteer_country(g, "Turkish", 7, &c), 0);
    CHECK_STR(c.fips, "TU");
    CHECK_INT(sr_gazetteer_country(g, "Germany", 7, &c), 0);
    CHECK_STR(c.fips, "GM");
    sr_gazetteer_close(g);
}

/* What place recognition caches per text (sr_gz_ask) is what a lookup
 * gives, from one folding: the same first readings, the country a name or
 * adjective names, and a reading in a given country among the many a name
 * has ("Al-Bara" is tenth of eleven, after Sudan, Nigeria, Romania ...). */
TEST(answers_agree_with_lookups)
{
    sr_gazetteer *g;
    sr_error err = {0};
    if (access(SR_GAZETTEER, R_OK) != 0)
        return;
    CHECK_INT(sr_gazetteer_open(&g, SR_GAZETTEER, &err), 0);
    static const char *const names[] = {"Idlib", "Saraqeb", "Tripoli", "Homs", "Al-Bara",
                                        "Syrian", "Narnia"};
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
        sr_place p[64];
        size_t n = sr_gazetteer_lookup(g, names[k], strlen(names[k]), p, 64);
        sr_gz_answer a;
        sr_gz_ask(g, names[k], strlen(names[k]), &a);
        size_t kept = n < SR_GZ_READINGS ? n : SR_GZ_READINGS;
        if (a.n != kept || a.more != (n > SR_GZ_READINGS)) {
            sr_gazetteer_close(g);
            TH_FAIL("%s: %u readings (more %u), lookup has %zu", names[k], a.n, a.more, n);
        }
        for (size_t i = 0; i < kept; i++) {
            sr_place q;
            sr_gz_place(g, a.readings[i].entry, &q);
            if (q.geonameid != p[i].geonameid || strcmp(q.name, p[i].name) != 0 ||
                a.readings[i].population != p[i].population || a.readings[i].feature != p[i].feature) {
                sr_gazetteer_close(g);
                TH_FAIL("%s: reading %zu is %s, lookup has %s", names[k], i, q.name, p[i].name);
            }
        }
    }
    sr_gz_answer a;
    sr_gz_ask(g, "Syrian", 6, &a);
    CHECK_STR(sr_gz_country_iso2(g, a.country), "SY");
    CHECK(sr_gz_country_index(g, "SYR", 3) == a.country);
    CHECK(sr_gz_country_index(g, "SY", 2) == a.country);
    sr_gz_ask(g, "Al-Bara", 7, &a);
    CHECK(a.more);
    sr_gz_reading r;
    CHECK_INT(sr_gz_ask_in(g, "Al-Bara", 7, sr_gz_country_index(g, "SY", 2), &r), 1);
    sr_place q;
    sr_gz_place(g, r.entry, &q);
    CHECK_STR(q.name, "Al-Bara");
    CHECK_STR(q.admin1, "Idlib");
    CHECK_INT(sr_gz_ask_in(g, "Al-Bara", 7, sr_gz_country_index(g, "FR", 2), &r), 0);
    sr_gazetteer_close(g);
}

int main(void)
{
    RUN(keys_fold_transliterations);
    RUN(keys_keep_names_apart);
    if (build_tiny() != 0) {
        fprintf(stderr, "test_gazetteer: cannot build the tiny gazetteer\n");
        return 1;
    }
    RUN(build_skips_bad_lines);
    RUN(tiny_lookups);
    RUN(tiny_countries);
    RUN(damaged_files_refused);
    RUN(environment_names_the_file);
    RUN(build_reports_missing_input);
    remove_tiny();
    RUN(real_gazetteer);
    RUN(answers_agree_with_lookups);
    return DONE();
}
