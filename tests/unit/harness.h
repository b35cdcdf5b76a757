/*
 * A minimal unit-test harness. Each test file defines tests with TEST(name)
 * and lists them in main via RUN(name); main ends with `return DONE();`,
 * which prints "<file>: N passed, N failed" and returns non-zero on failure.
 *
 * Checks record the first failure of a test (file:line and the values) and
 * return from the test, so later checks in the same test are skipped.
 */
#ifndef SR_TEST_HARNESS_H
#define SR_TEST_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int th_passed, th_failed, th_cur_failed;
static const char *th_name;

#define TEST(name) static void name(void)

#define RUN(name)                                                          \
    do {                                                                   \
        th_name = #name;                                                   \
        th_cur_failed = 0;                                                 \
        name();                                                            \
        if (th_cur_failed)                                                 \
            th_failed++;                                                   \
        else                                                               \
            th_passed++;                                                   \
    } while (0)

#define TH_FAIL(...)                                                       \
    do {                                                                   \
        fprintf(stderr, "FAIL %s (%s:%d): ", th_name, __FILE__, __LINE__); \
        fprintf(stderr, __VA_ARGS__);                                      \
        fputc('\n', stderr);                                               \
        th_cur_failed = 1;                                                 \
        return;                                                            \
    } while (0)

#define CHECK(cond)                                                        \
    do {                                                                   \
        if (!(cond))                                                       \
            TH_FAIL("%s", #cond);                                          \
    } while (0)

#define CHECK_INT(a, b)                                                    \
    do {                                                                   \
        long long th_a = (long long)(a), th_b = (long long)(b);            \
        if (th_a != th_b)                                                  \
            TH_FAIL("%s == %lld, expected %lld", #a, th_a, th_b);          \
    } while (0)

#define CHECK_STR(a, b)                                                    \
    do {                                                                   \
        const char *th_a = (a), *th_b = (b);                               \
        if (!th_a || !th_b || strcmp(th_a, th_b) != 0)                     \
            TH_FAIL("%s == \"%s\", expected \"%s\"", #a,                   \
                    th_a ? th_a : "(null)", th_b ? th_b : "(null)");       \
    } while (0)

/* Compare n bytes of a span of text with an expected string. */
#define CHECK_SPAN(text, start, end, expect)                               \
    do {                                                                   \
        size_t th_n = (size_t)((end) - (start));                           \
        if (th_n != strlen(expect) ||                                      \
            memcmp((text) + (start), (expect), th_n) != 0)                 \
            TH_FAIL("span [%u,%u) is \"%.*s\", expected \"%s\"",          \
                    (unsigned)(start), (unsigned)(end), (int)th_n,         \
                    (text) + (start), (expect));                           \
    } while (0)

/* A scratch directory for tests that need files (dictionaries, inputs):
 * th_tmpdir_make("test_x") creates /tmp/test_x.XXXXXX, th_write_file puts
 * text in a file there and returns its path (valid for the next seven
 * calls), th_tmpdir_remove deletes the lot. */
static inline char *th_tmpdir(void)
{
    static char dir[64];
    return dir;
}

static inline int th_tmpdir_make(const char *prog)
{
    snprintf(th_tmpdir(), 64, "/tmp/%s.XXXXXX", prog);
    if (!mkdtemp(th_tmpdir())) {
        perror("mkdtemp");
        return 0;
    }
    return 1;
}

static inline const char *th_write_file(const char *name, const char *text)
{
    static char paths[8][256];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", th_tmpdir(), name);
    FILE *f = fopen(p, "w");
    if (!f)
        return NULL;
    fputs(text, f);
    fclose(f);
    return p;
}

static inline void th_tmpdir_remove(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", th_tmpdir());
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", th_tmpdir());
}

/* The near misses of a word a table lookup must not take for it (a
 * letter less, a letter more, one letter changed, lower case), up to 6 in
 * out. Returns how many it wrote. */
static inline size_t th_word_variants(const char *w, char out[][80])
{
    size_t n = strlen(w), m = 0;
    if (n == 0 || n + 2 > 80)
        return 0;
    memcpy(out[m], w, n - 1);
    out[m++][n - 1] = '\0';
    snprintf(out[m++], 80, "%sS", w);
    snprintf(out[m++], 80, "%s'", w);
    snprintf(out[m++], 80, "X%s", w);
    snprintf(out[m], 80, "%s", w);
    out[m++][n / 2] ^= 1;
    snprintf(out[m], 80, "%s", w);
    for (char *p = out[m]; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p - 'A' + 'a');
    m++;
    return m;
}

#define DONE()                                                             \
    (printf("%s: %d passed, %d failed\n", __FILE__, th_passed, th_failed), \
     th_failed != 0)

#endif
