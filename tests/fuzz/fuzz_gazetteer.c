/*
 * Fuzz the gazetteer from both ends. An input that starts with the file
 * magic is a compiled gazetteer: it is opened (through a memfd) and looked
 * up, which must never read outside the mapping. Any other input is source
 * text: its parts, split at lines "--", are the cities, countries, admin1
 * and supplement files of a build, whose result is then opened and looked
 * up. Every input also goes through both name folds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "geo/geo_internal.h"
#include "sitrep/sitrep.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REQUIRE(cond)                                                        \
    do {                                                                     \
        if (!(cond)) {                                                       \
            fprintf(stderr, "fuzz_gazetteer: broken invariant: %s\n", #cond); \
            abort();                                                         \
        }                                                                    \
    } while (0)

static void check_folds(const char *s, size_t n)
{
    char out[SR_PLACE_KEY_MAX];
    size_t caps[] = {1, 5, sizeof out};
    for (size_t i = 0; i < 3; i++) {
        size_t k = sr_place_key(s, n, out, caps[i]);
        REQUIRE(k < caps[i] && strlen(out) == k);
        k = sr_place_fold(s, n, out, caps[i]);
        REQUIRE(k < caps[i] && strlen(out) == k);
    }
    sr_place_name_is_latin(s, n);
}

static void look_up(const sr_gazetteer *g, const char *s, size_t n)
{
    static const char *const names[] = {"Idlib", "Saraqeb", "Syria", "Damascus", "Syrians", "SY"};
    sr_place p[4];
    sr_country c;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        size_t found = sr_gazetteer_lookup(g, names[i], strlen(names[i]), p, 4);
        for (size_t j = 0; j < found && j < 4; j++)
            REQUIRE(p[j].name && strlen(p[j].country) < 3 && strlen(p[j].admin1_code) < 8);
        if (sr_gazetteer_country(g, names[i], strlen(names[i]), &c) == 0)
            REQUIRE(c.name && strlen(c.iso2) < 3);
    }
    size_t found = sr_gazetteer_lookup(g, s, n < 64 ? n : 64, p, 4);
    for (size_t j = 0; j < found && j < 4; j++)
        REQUIRE(p[j].name != NULL);
}

static void open_and_look_up(const char *path, const char *s, size_t n)
{
    sr_gazetteer *g = NULL;
    if (sr_gazetteer_open(&g, path, NULL) == 0) {
        look_up(g, s, n);
        sr_gazetteer_close(g);
    }
}

static void fuzz_image(const uint8_t *data, size_t size)
{
    int fd = memfd_create("gazetteer", 0);
    if (fd < 0)
        return;
    if (write(fd, data, size) == (ssize_t)size) {
        char path[64];
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
        open_and_look_up(path, (const char *)data + sizeof(sr_gz_header),
                         size - sizeof(sr_gz_header));
    }
    close(fd);
}

static void fuzz_sources(const uint8_t *data, size_t size)
{
    char dir[] = "/tmp/fuzz-gazetteer-XXXXXX";
    if (!mkdtemp(dir))
        return;
    char paths[5][64];
    const char *names[5] = {"cities", "countries", "admin1", "supplement", "out.bin"};
    for (int i = 0; i < 5; i++)
        snprintf(paths[i], sizeof paths[i], "%s/%s", dir, names[i]);

    const char *s = (const char *)data, *end = s + size;
    for (int part = 0; part < 4; part++) {
        const char *cut = part < 3 ? memmem(s, (size_t)(end - s), "\n--\n", 4) : NULL;
        const char *stop = cut ? cut + 1 : end;
        FILE *f = fopen(paths[part], "wb");
        if (f) {
            fwrite(s, 1, (size_t)(stop - s), f);
            fclose(f);
        }
        s = cut ? cut + 4 : end;
    }
    FILE *log = fopen("/dev/null", "w");
    sr_gz_sources src = {paths[0], paths[1], paths[2], paths[3], log};
    if (sr_gazetteer_build(&src, paths[4], NULL, NULL) == 0)
        open_and_look_up(paths[4], (const char *)data, size);
    if (log)
        fclose(log);
    for (int i = 0; i < 5; i++)
        unlink(paths[i]);
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    check_folds((const char *)data, size);
    if (size >= sizeof(sr_gz_header) && memcmp(data, SR_GZ_MAGIC, 8) == 0)
        fuzz_image(data, size);
    else
        fuzz_sources(data, size);
    return 0;
}
