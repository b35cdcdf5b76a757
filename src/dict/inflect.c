/*
 * Regular English inflections. The doubling of a final consonant (STOP ->
 * STOPPED) depends on stress, which spelling does not show: one-syllable
 * words ending consonant-vowel-consonant double; longer words double only
 * when their last syllable is one that is always stressed in verbs
 * (commit, occur, refer, patrol, ...); a longer word ending in -L takes
 * both the American and the British spelling (CANCELED, CANCELLED), since
 * news copy uses both.
 */
#include "dict/inflect.h"

#include <string.h>

static int is_vowel(char c)
{
    return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U';
}

static int is_consonant(char c)
{
    return c >= 'A' && c <= 'Z' && !is_vowel(c);
}

static int ends_with(const char *w, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(w + n - k, suffix, k) == 0;
}

/* The U of QU is a consonant sound: QUIT, EQUIP. */
static int vowel_at(const char *w, size_t i)
{
    if (w[i] == 'U' && i > 0 && w[i - 1] == 'Q')
        return 0;
    if (w[i] == 'Y')
        return i > 0 && !is_vowel(w[i - 1]);
    return is_vowel(w[i]);
}

static int syllables(const char *w, size_t n)
{
    int count = 0, in_vowel = 0;
    for (size_t i = 0; i < n; i++) {
        int v = vowel_at(w, i);
        if (v && !in_vowel)
            count++;
        in_vowel = v;
    }
    return count;
}

static int ends_cvc(const char *w, size_t n)
{
    if (n < 3)
        return 0;
    char last = w[n - 1];
    if (!is_consonant(last) || last == 'W' || last == 'X' || last == 'Y')
        return 0;
    if (!is_vowel(w[n - 2]) || (w[n - 2] == 'U' && w[n - 3] == 'Q'))
        return 0;
    return !vowel_at(w, n - 3) && w[n - 3] >= 'A' && w[n - 3] <= 'Z';
}

/* Final syllables that carry the stress in the verbs that end with them. */
static const char *const stressed_endings[] = {
    "MIT", "CUR", "EFER", "NFER", "SFER", "GRET", "QUIP", "QUIT", "TROL", "PEL", "GIN",
};

enum { DOUBLE_NO, DOUBLE_YES, DOUBLE_BOTH };

static int doubling(const char *w, size_t n)
{
    if (!ends_cvc(w, n))
        return DOUBLE_NO;
    if (syllables(w, n) <= 1)
        return DOUBLE_YES;
    for (size_t i = 0; i < sizeof stressed_endings / sizeof *stressed_endings; i++)
        if (ends_with(w, n, stressed_endings[i]))
            return DOUBLE_YES;
    return w[n - 1] == 'L' ? DOUBLE_BOTH : DOUBLE_NO;
}

static void put(sr_infl *out, const char *w, size_t keep, const char *extra1, const char *extra2)
{
    if (out->n >= 2)
        return;
    char *d = out->w[out->n];
    size_t e1 = strlen(extra1), e2 = extra2 ? strlen(extra2) : 0;
    if (keep + e1 + e2 >= SR_INFL_MAX)
        return;
    memcpy(d, w, keep);
    memcpy(d + keep, extra1, e1);
    if (e2)
        memcpy(d + keep + e1, extra2, e2);
    d[keep + e1 + e2] = '\0';
    out->len[out->n++] = keep + e1 + e2;
}

/* w + its last letter + suffix: STOP -> STOPP + ED */
static void put_doubled(sr_infl *out, const char *w, size_t n, const char *suffix)
{
    char last[2] = {w[n - 1], '\0'};
    put(out, w, n, last, suffix);
}

void sr_inflect_3sg(const char *v, size_t n, sr_infl *out)
{
    out->n = 0;
    if (n == 0)
        return;
    char last = v[n - 1];
    if (last == 'S' || last == 'X' || last == 'Z' || ends_with(v, n, "SH") ||
        ends_with(v, n, "CH") || (last == 'O' && n > 1 && is_consonant(v[n - 2])))
        put(out, v, n, "ES", NULL);
    else if (last == 'Y' && n > 1 && is_consonant(v[n - 2]))
        put(out, v, n - 1, "IES", NULL);
    else
        put(out, v, n, "S", NULL);
}

static void inflect_suffix(const char *v, size_t n, const char *suffix, sr_infl *out)
{
    int d = doubling(v, n);
    if (d != DOUBLE_YES)
        put(out, v, n, suffix, NULL);
    if (d != DOUBLE_NO)
        put_doubled(out, v, n, suffix);
}

void sr_inflect_past(const char *v, size_t n, sr_infl *out)
{
    out->n = 0;
    if (n == 0)
        return;
    char last = v[n - 1];
    if (last == 'E')
        put(out, v, n, "D", NULL);
    else if (last == 'Y' && n > 1 && is_consonant(v[n - 2]))
        put(out, v, n - 1, "IED", NULL);
    else if (n > 3 && ends_with(v, n, "IC"))
        put(out, v, n, "KED", NULL);
    else
        inflect_suffix(v, n, "ED", out);
}

void sr_inflect_ing(const char *v, size_t n, sr_infl *out)
{
    out->n = 0;
    if (n == 0)
        return;
    if (n > 2 && ends_with(v, n, "IE"))
        put(out, v, n - 2, "YING", NULL);
    else if (n > 2 && v[n - 1] == 'E' && v[n - 2] != 'E' && v[n - 2] != 'Y' && v[n - 2] != 'O')
        put(out, v, n - 1, "ING", NULL);
    else if (n > 3 && ends_with(v, n, "IC"))
        put(out, v, n, "KING", NULL);
    else
        inflect_suffix(v, n, "ING", out);
}

void sr_inflect_plural(const char *w, size_t n, sr_infl *out)
{
    out->n = 0;
    if (n == 0)
        return;
    char last = w[n - 1];
    if (last == 'Y' && n > 1 && is_consonant(w[n - 2]))
        put(out, w, n - 1, "IES", NULL);
    else if (last == 'S' || last == 'X' || last == 'Z' || ends_with(w, n, "SH") ||
             ends_with(w, n, "CH"))
        put(out, w, n, "ES", NULL);
    else
        put(out, w, n, "S", NULL);
}
