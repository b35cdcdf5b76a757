/*
 * gazetteer_build: compile GeoNames cities500 and sitrep's own tables into
 * the gazetteer file that libsitrep maps. Run by the Makefile:
 *
 *   gazetteer_build -o build/gazetteer.bin --cities deps/.../cities500.txt \
 *       --countries data/geo/countries.tsv --admin1 data/geo/admin1.tsv \
 *       --supplement data/geo/supplement.tsv
 *
 * Prints one line of counts; exits non-zero, naming the file, on failure.
 */
#include <stdio.h>
#include <string.h>

#include "geo/geo_internal.h"
#include "sitrep/sitrep.h"

static int usage(void)
{
    fprintf(stderr, "usage: gazetteer_build -o OUT --cities FILE [--countries FILE] "
                    "[--admin1 FILE] [--supplement FILE]\n");
    return 2;
}

int main(int argc, char **argv)
{
    sr_gz_sources src = {0};
    const char *out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *opt = argv[i];
        if (i + 1 >= argc)
            return usage();
        const char *val = argv[++i];
        if (strcmp(opt, "-o") == 0)
            out = val;
        else if (strcmp(opt, "--cities") == 0)
            src.cities = val;
        else if (strcmp(opt, "--countries") == 0)
            src.countries = val;
        else if (strcmp(opt, "--admin1") == 0)
            src.admin1 = val;
        else if (strcmp(opt, "--supplement") == 0)
            src.supplement = val;
        else
            return usage();
    }
    if (!out || !src.cities)
        return usage();

    sr_gz_stats st;
    sr_error err = {0};
    if (sr_gazetteer_build(&src, out, &st, &err) != 0) {
        fprintf(stderr, "gazetteer_build: %s\n", err.msg);
        return 1;
    }
    printf("gazetteer_build: %s: %zu places (%zu countries, %zu admin1), %zu names, "
           "%zu keys, %zu postings, %zu skipped alternates, %.1f MB\n",
           out, st.entries, st.countries, st.admin1, st.names, st.keys, st.postings,
           st.skipped_names, st.file_size / 1e6);
    return 0;
}
