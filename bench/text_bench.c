/*
 * text_bench: tokenize + segment throughput of sr_text_analyze.
 *
 *   cc -std=c17 -O2 -D_GNU_SOURCE -Iinclude -Isrc bench/text_bench.c \
 *      src/text/[a-z]*.c src/util/arena.c -lutf8proc -o build/text_bench
 *   build/text_bench FILE [MIB] [RUNS] [lines]
 *
 * FILE is replicated up to MIB mebibytes (default 32) and analyzed RUNS
 * times (default 5); the median run is reported in MB/s (10^6 bytes), with
 * the token and sentence counts so a regression in either shows up next to
 * the speed. CPU time is reported beside wall time because on a shared
 * machine the wall clock measures the neighbours too. By default the whole
 * text is one document (the arena is reset between runs, so each run pays
 * for fresh pages); with "lines" every line is its own document in an
 * arena reset per line, as the pipeline runs over news items.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sitrep/arena.h"
#include "sitrep/text.h"

static double clock_s(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    size_t got;
    while (buf && (got = fread(buf + n, 1, cap - n, f)) > 0) {
        n += got;
        if (n == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE [MIB] [RUNS]\n", argv[0]);
        return 2;
    }
    size_t mib = argc > 2 ? (size_t)atol(argv[2]) : 32;
    int runs = argc > 3 ? atoi(argv[3]) : 5;
    int per_line = argc > 4 && strcmp(argv[4], "lines") == 0;
    if (runs < 1 || runs > 99)
        runs = 5;
    size_t flen;
    char *file = read_file(argv[1], &flen);
    if (!file || flen == 0) {
        fprintf(stderr, "%s: cannot read %s\n", argv[0], argv[1]);
        return 1;
    }
    size_t target = mib << 20, len = 0;
    char *text = malloc(target + flen + 1);
    if (!text)
        return 1;
    while (len < target) {
        memcpy(text + len, file, flen);
        len += flen;
    }
    sr_arena *arena = sr_arena_new(0);
    double t[99], cpu[99];
    size_t ntok = 0, nsent = 0;
    for (int r = 0; r < runs; r++) {
        ntok = nsent = 0;
        double t0 = clock_s(CLOCK_MONOTONIC), c0 = clock_s(CLOCK_PROCESS_CPUTIME_ID);
        for (size_t at = 0; at < len;) {
            const char *nl = per_line ? memchr(text + at, '\n', len - at) : NULL;
            size_t end = nl ? (size_t)(nl - text) + 1 : len;
            sr_arena_reset(arena);
            sr_text *tx = sr_text_analyze(arena, text + at, end - at);
            ntok += tx->ntokens;
            nsent += tx->nsentences;
            at = end;
        }
        t[r] = clock_s(CLOCK_MONOTONIC) - t0;
        cpu[r] = clock_s(CLOCK_PROCESS_CPUTIME_ID) - c0;
    }
    qsort(t, (size_t)runs, sizeof t[0], cmp_double);
    qsort(cpu, (size_t)runs, sizeof cpu[0], cmp_double);
    double mb = (double)len / 1e6;
    printf("%s: %zu bytes, %zu tokens, %zu sentences, %d runs\n"
           "  wall: median %.1f MB/s (slowest %.1f, fastest %.1f)\n"
           "  cpu:  median %.1f MB/s (slowest %.1f, fastest %.1f)\n",
           per_line ? "per line" : "one text", len, ntok, nsent, runs, mb / t[runs / 2],
           mb / t[runs - 1], mb / t[0], mb / cpu[runs / 2], mb / cpu[runs - 1], mb / cpu[0]);
    sr_arena_free(arena);
    free(text);
    free(file);
    return 0;
}
