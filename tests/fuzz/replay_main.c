/*
 * Replay a fuzzer's corpus without libFuzzer: link a fuzz_*.c with this
 * file and run it on corpus directories (or files). Each input is one call
 * of LLVMFuzzerTestOneInput; a crash or a sanitizer report ends the run,
 * so "N passed, 0 failed" is the only line a good run prints.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run one file; returns 0 when it could not be read. */
static int replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        perror(path);
        return 0;
    }
    size_t cap = 4096, len = 0, n;
    unsigned char *buf = malloc(cap);
    if (!buf)
        abort();
    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            unsigned char *nb = realloc(buf, cap *= 2);
            if (!nb)
                abort();
            buf = nb;
        }
    }
    int ok = !ferror(f);
    fclose(f);
    if (ok) {
        /* an exact-size copy, so ASan sees reads past the end */
        unsigned char *exact = malloc(len ? len : 1);
        if (!exact)
            abort();
        memcpy(exact, buf, len);
        LLVMFuzzerTestOneInput(exact, len);
        free(exact);
    } else {
        fprintf(stderr, "%s: cannot read\n", path);
    }
    free(buf);
    return ok;
}

/* Run every regular file in dir (sorted); returns how many ran, or -1. */
static long replay_dir(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d) {
        perror(dir);
        return -1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (n == cap) {
            cap = cap ? 2 * cap : 64;
            names = realloc(names, cap * sizeof *names);
            if (!names)
                abort();
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, by_name);
    long ran = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", dir, names[i]);
        struct stat st;
        if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
            if (!replay_file(path))
                ran = -1;
            else if (ran >= 0)
                ran++;
        }
        free(path);
        free(names[i]);
    }
    free(names);
    return ran;
}

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/');
    name = name ? name + 1 : argv[0];
    if (strncmp(name, "replay_", 7) == 0)
        name += 7;
    long passed = 0;
    int failed = 0;
    for (int i = 1; i < argc; i++) {
        struct stat st;
        long ran = stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode) ? replay_dir(argv[i])
                                                                 : replay_file(argv[i]);
        if (ran < 0)
            failed = 1;
        else
            passed += ran;
    }
    printf("replay %s: %ld passed, %d failed\n", name, passed, failed);
    return failed;
}
