/*
 * store_query: time sr_store_events in-process (bench/store.sh).
 *
 *   store_query DB RUNS [--actor A] [--code C] [--since D] [--until D]
 *               [--limit N] [--place P] [--outlet O] [--text T] [--grouped]
 *               [--source-actor A] [--target-actor A] [--plover T]
 *
 * Opens the store once, runs the query RUNS times and prints the median
 * and the fastest time in milliseconds and the rows of the last run:
 * "median_ms=1.23 min_ms=1.01 rows=100". The first run is counted too:
 * it is the one that reads the pages from the OS cache.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/query.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int count_row(const sr_event_row *r, void *ctx)
{
    (void)r;
    (*(size_t *)ctx)++;
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: store_query DB RUNS [--actor A] [--code C] [--since D] [--until D] "
              "[--limit N] [--place P] [--outlet O] [--text T] [--grouped] [--source-actor A] "
              "[--target-actor A] [--plover T]\n",
              stderr);
        return 2;
    }
    int runs = atoi(argv[2]);
    if (runs < 1 || runs > 1000)
        runs = 7;
    sr_event_filter f = {0};
    for (int i = 3; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--grouped") == 0) {
            f.grouped = 1;
            continue;
        }
        if (!v) {
            fprintf(stderr, "store_query: %s needs a value\n", a);
            return 2;
        }
        i++;
        if (strcmp(a, "--actor") == 0)
            f.actor = v;
        else if (strcmp(a, "--source-actor") == 0)
            f.source_actor = v;
        else if (strcmp(a, "--target-actor") == 0)
            f.target_actor = v;
        else if (strcmp(a, "--plover") == 0)
            f.plover = v;
        else if (strcmp(a, "--code") == 0)
            f.code = v;
        else if (strcmp(a, "--since") == 0)
            f.since = v;
        else if (strcmp(a, "--until") == 0)
            f.until = v;
        else if (strcmp(a, "--limit") == 0)
            f.limit = (size_t)atol(v);
        else if (strcmp(a, "--place") == 0)
            f.place = v;
        else if (strcmp(a, "--outlet") == 0)
            f.outlet = v;
        else if (strcmp(a, "--text") == 0)
            f.text = v;
        else {
            fprintf(stderr, "store_query: unknown option %s\n", a);
            return 2;
        }
    }
    sr_store *s;
    sr_error err = {0, ""};
    if (sr_store_open(&s, argv[1], SR_STORE_READ, &err) != 0) {
        fprintf(stderr, "store_query: %s\n", err.msg);
        return 3;
    }
    double *ms = calloc((size_t)runs, sizeof *ms);
    size_t rows = 0;
    for (int i = 0; i < runs; i++) {
        rows = 0;
        double t0 = now_ms();
        int rc = sr_store_events(s, &f, count_row, &rows, &err);
        ms[i] = now_ms() - t0;
        if (rc != 0) {
            fprintf(stderr, "store_query: %s\n", err.msg);
            return 1;
        }
    }
    qsort(ms, (size_t)runs, sizeof *ms, cmp_double);
    printf("median_ms=%.2f min_ms=%.2f rows=%zu\n", ms[runs / 2], ms[0], rows);
    free(ms);
    sr_store_close(s);
    return 0;
}
