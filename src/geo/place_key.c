/*
 * Place-name keys. Two folds of a name:
 *
 *  - the light fold: lower-case ASCII letters and digits only, accents
 *    stripped, apostrophes (hamza, ayn) dropped. It tells whether two
 *    spellings are the same spelling.
 *  - the key: the light fold's words with Arabic articles dropped and
 *    transliteration variants folded, so that the spellings news agencies,
 *    GeoNames and the UN use for one Arabic, Turkish or Persian name meet:
 *    Saraqeb = Saraqib, Deir ez-Zor = Dayr az Zawr = Deir Ezzor.
 *
 * Both work on any UTF-8; letters of other scripts pass through
 * case-folded, so an Arabic name keys to itself and matches only itself.
 */
#include <string.h>

#include <utf8proc.h>

#include "geo/geo_internal.h"

/* ---- decoding to lower-case ASCII words ------------------------------- */

/* Marks of a glottal stop or an ayn inside a word: Ma'arrat, Ma`arrat,
 * Maʿarrat, Ma’arrat are one word. */
static int is_word_apostrophe(int32_t cp)
{
    switch (cp) {
    case '\'': case '`': case 0xB4:
    case 0x2018: case 0x2019: case 0x201B: case 0x2032:
    case 0x02B9: case 0x02BB: case 0x02BC: case 0x02BD: case 0x02BE: case 0x02BF:
    case 0x02C8: case 0x02CA: case 0x02CB:
        return 1;
    default:
        return 0;
    }
}

/* Latin letters that carry no combining mark to strip. */
static const struct {
    int32_t cp;
    char ascii[3];
} latin_extra[] = {
    {0xC6, "ae"},  {0xD0, "d"},   {0xD8, "o"},   {0xDE, "th"},  {0xDF, "ss"},  {0xE6, "ae"},
    {0xF0, "d"},   {0xF8, "o"},   {0xFE, "th"},  {0x110, "d"},  {0x111, "d"},  {0x126, "h"},
    {0x127, "h"},  {0x131, "i"},  {0x138, "k"},  {0x141, "l"},  {0x142, "l"},  {0x14A, "n"},
    {0x14B, "n"},  {0x152, "oe"}, {0x153, "oe"}, {0x166, "t"},  {0x167, "t"},  {0x17F, "s"},
    {0x180, "b"},  {0x186, "o"},  {0x18F, "e"},  {0x190, "e"},  {0x1B7, "z"},  {0x254, "o"},
    {0x259, "e"},  {0x25B, "e"},  {0x292, "z"},  {0x1E9E, "ss"},
};

static const char *latin_extra_ascii(int32_t cp)
{
    for (size_t i = 0; i < sizeof latin_extra / sizeof latin_extra[0]; i++)
        if (latin_extra[i].cp == cp)
            return latin_extra[i].ascii;
    return NULL;
}

static int is_latin_letter(int32_t cp)
{
    /* Latin blocks, IPA and modifier letters (ʿ), presentation forms */
    return cp < 0x300 || (cp >= 0x1D00 && cp < 0x1DC0) ||
           (cp >= 0x1E00 && cp < 0x1F00) || (cp >= 0x2C60 && cp < 0x2C80) ||
           (cp >= 0xA720 && cp < 0xA800) || (cp >= 0xAB30 && cp < 0xAB70) ||
           (cp >= 0xFB00 && cp < 0xFB07) || (cp >= 0xFF21 && cp < 0xFF5B);
}

static int is_letter_category(utf8proc_category_t c)
{
    return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

typedef struct fold_out {
    char *buf;
    size_t cap, len;
} fold_out;

static void put(fold_out *o, const char *s, size_t n)
{
    while (n-- && o->len + 1 < o->cap)
        o->buf[o->len++] = *s++;
}

static void put_space(fold_out *o)
{
    if (o->len > 0 && o->buf[o->len - 1] != ' ' && o->len + 1 < o->cap)
        o->buf[o->len++] = ' ';
}

/* One code point of a name into o: letters and digits as lower-case ASCII
 * where they have an ASCII form, as case-folded UTF-8 where they have not,
 * apostrophes as nothing and everything else as a word break. */
static void fold_codepoint(fold_out *o, int32_t cp)
{
    if (cp < 0x80) {
        char c = (char)cp;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            put(o, &c, 1);
        else if (!is_word_apostrophe(cp))
            put_space(o);
        return;
    }
    if (is_word_apostrophe(cp))
        return;
    const char *extra = latin_extra_ascii(cp);
    if (extra) {
        put(o, extra, strlen(extra));
        return;
    }
    utf8proc_int32_t d[8];
    int boundclass = 0;
    utf8proc_ssize_t n = utf8proc_decompose_char(
        cp, d, 8, UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK,
        &boundclass);
    if (n <= 0 || n > 8) {
        put_space(o);
        return;
    }
    int any = 0;
    for (utf8proc_ssize_t i = 0; i < n; i++) {
        int32_t c = d[i];
        if (c < 0x80) {
            char a = (char)c;
            if (a >= 'A' && a <= 'Z')
                a = (char)(a - 'A' + 'a');
            if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9')) {
                put(o, &a, 1);
                any = 1;
            }
        } else if ((extra = latin_extra_ascii(c)) != NULL) {
            put(o, extra, strlen(extra));
            any = 1;
        } else {
            utf8proc_category_t cat = utf8proc_category(c);
            if (is_letter_category(cat) || cat == UTF8PROC_CATEGORY_ND) {
                utf8proc_uint8_t enc[4];
                utf8proc_ssize_t k = utf8proc_encode_char(c, enc);
                put(o, (const char *)enc, (size_t)k);
                any = 1;
            }
        }
    }
    if (!any)
        put_space(o);
}

/* The words of a name, lower case, separated by single spaces. */
static size_t fold_words(const char *name, size_t len, char *buf, size_t cap)
{
    fold_out o = {buf, cap, 0};
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)name;
    size_t i = 0;
    while (i < len) {
        if (s[i] < 0x80) { /* most names are ASCII: no decoding */
            fold_codepoint(&o, s[i]);
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0) {
            put_space(&o); /* a stray byte breaks the word */
            i++;
            continue;
        }
        fold_codepoint(&o, cp);
        i += (size_t)k;
    }
    if (o.len > 0 && buf[o.len - 1] == ' ')
        o.len--;
    if (cap > 0)
        buf[o.len] = '\0';
    return o.len;
}

int sr_place_name_is_latin(const char *name, size_t len)
{
    const utf8proc_uint8_t *s = (const utf8proc_uint8_t *)name;
    size_t i = 0;
    int letters = 0;
    while (i < len) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t k = utf8proc_iterate(s + i, (utf8proc_ssize_t)(len - i), &cp);
        if (k <= 0)
            return 0;
        if (is_letter_category(utf8proc_category(cp)) && !is_word_apostrophe(cp)) {
            if (!is_latin_letter(cp))
                return 0;
            letters++;
        }
        i += (size_t)k;
    }
    return letters > 0;
}

/* ---- the transliteration-tolerant key --------------------------------- */

/* The Arabic article in its usual romanizations, as a word of its own
 * (after "al-Shughour" split at the hyphen). */
static int is_article(const char *w, size_t n)
{
    static const char *const articles[] = {"al", "el", "ad", "ed", "ar", "er", "as", "es",
                                           "ash", "esh", "az", "ez", "at", "et", "an", "en",
                                           "ath", "adh"};
    for (size_t i = 0; i < sizeof articles / sizeof articles[0]; i++)
        if (strlen(articles[i]) == n && memcmp(articles[i], w, n) == 0)
            return 1;
    return 0;
}

/* Consonants the article assimilates to ("ez-Zor", "Ezzor", "as-Suwayda"). */
static int is_sun_letter(char c)
{
    return c == 't' || c == 'd' || c == 'r' || c == 'z' || c == 's' || c == 'n' || c == 'l';
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* y and w sound as vowels unless they start the word or a vowel follows:
 * Dayr, Zawr, Shaykh; but Hayat, Suwayda, Yabroud. */
static int sounds_as_vowel(const char *w, size_t n, size_t i)
{
    char c = w[i];
    if (is_vowel(c))
        return 1;
    return (c == 'y' || c == 'w') && i > 0 && !(i + 1 < n && is_vowel(w[i + 1]));
}

/*
 * Fold one word (ASCII letters, digits, and UTF-8 of other scripts passed
 * through) into o. Every run of vowels becomes one letter, 'u' when it
 * holds an o, u or w (Zor, Zawr, Shughour, Shughur), else 'a' (Saraqeb,
 * Saraqib, Deir, Dayr); digraphs become one letter (sh, ch -> x; kh -> k;
 * q -> k; gh, th, dh, ph, dj, zh -> g, t, d, f, j, j); a final h after a
 * vowel goes (Raqqah, Raqqa).
 */
static void fold_word(fold_out *o, const char *w, size_t n)
{
    char tmp[SR_PLACE_KEY_MAX];
    size_t m = 0;
    /* undouble first so that "iyy" and "uww" read as "iy" and "uw" */
    for (size_t i = 0; i < n && m + 1 < sizeof tmp; i++)
        if (m == 0 || w[i] != tmp[m - 1] || (unsigned char)w[i] >= 0x80)
            tmp[m++] = w[i];
    if (m > 1 && tmp[m - 1] == 'h' && is_vowel(tmp[m - 2]))
        m--;
    w = tmp;
    n = m;

    size_t i = 0;
    while (i < n) {
        char c = w[i], c1 = i + 1 < n ? w[i + 1] : 0, c2 = i + 2 < n ? w[i + 2] : 0;
        /* "Suwayda" and "Sweida": the u before a consonant w is silent */
        if (c == 'u' && c1 == 'w' && is_vowel(c2)) {
            i++;
            continue;
        }
        if (sounds_as_vowel(w, n, i)) {
            /* the y after i is a glide and joins the run: "Latakiyah" and
             * "Latakia" */
            char cls = 'a';
            while (i < n && (sounds_as_vowel(w, n, i) ||
                             (w[i] == 'y' && i > 0 && w[i - 1] == 'i' && i + 1 < n &&
                              is_vowel(w[i + 1])))) {
                if (w[i] == 'o' || w[i] == 'u' || w[i] == 'w')
                    cls = 'u';
                i++;
            }
            put(o, &cls, 1);
            continue;
        }
        const char *emit = NULL;
        size_t used = 1;
        if (c == 's' && c1 == 'c' && c2 == 'h') {
            emit = "x";
            used = 3;
        } else if (c1 == 'h' && (c == 's' || c == 'c')) {
            emit = "x";
            used = 2;
        } else if (c1 == 'h' && (c == 'k' || c == 'g' || c == 't' || c == 'd')) {
            emit = c == 'k' ? "k" : c == 'g' ? "g" : c == 't' ? "t" : "d";
            used = 2;
        } else if (c == 'p' && c1 == 'h') {
            emit = "f";
            used = 2;
        } else if ((c == 'd' && c1 == 'j') || (c == 'z' && c1 == 'h')) {
            emit = "j";
            used = 2;
        } else if (c == 'c' && c1 == 'k') {
            emit = "k";
            used = 2;
        } else if (c == 'q') {
            emit = "k";
        } else if (c == 'c') {
            emit = (c1 == 'e' || c1 == 'i' || c1 == 'y') ? "s" : "k";
        } else if (c == 'x') {
            emit = "ks";
        }
        if (emit)
            put(o, emit, strlen(emit));
        else
            put(o, &c, 1);
        i += used;
    }
}

/*
 * Both folds at once, from the words of the name: Arabic articles standing
 * as words are dropped from both (al-Bab is Bab), then the light fold joins
 * the words as they are and the key folds each one.
 */
static void place_folds(const char *name, size_t len, fold_out *key, fold_out *light)
{
    char words[SR_PLACE_KEY_MAX * 2];
    size_t n = fold_words(name, len, words, sizeof words);

    size_t start[32], wlen[32], nw = 0;
    for (size_t i = 0; i < n && nw < 32;) {
        size_t j = i;
        while (j < n && words[j] != ' ')
            j++;
        start[nw] = i;
        wlen[nw++] = j - i;
        i = j + 1;
    }

    size_t kept = 0;
    for (size_t k = 0; k < nw; k++) {
        const char *w = words + start[k];
        size_t wl = wlen[k];
        if (k + 1 < nw && is_article(w, wl))
            continue;
        if (light)
            put(light, w, wl);
        /* the article run into the next word: "Deir Ezzor", "Deir Ezour" */
        if (kept > 0 && wl >= 4 && (w[0] == 'a' || w[0] == 'e') && is_sun_letter(w[1])) {
            w++;
            wl--;
        }
        if (key)
            fold_word(key, w, wl);
        kept++;
    }
    if (light)
        light->buf[light->len] = '\0';
    if (key) {
        /* undouble across the whole key ("Tall Lahm", "Ras Sudr") */
        char *out = key->buf;
        size_t w = 0;
        for (size_t i = 0; i < key->len; i++)
            if (w == 0 || out[i] != out[w - 1] || (unsigned char)out[i] >= 0x80)
                out[w++] = out[i];
        out[w] = '\0';
        key->len = w;
    }
}

size_t sr_place_key(const char *name, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    fold_out key = {out, cap, 0};
    place_folds(name, len, &key, NULL);
    return key.len;
}

size_t sr_place_fold(const char *name, size_t len, char *out, size_t cap)
{
    if (cap == 0)
        return 0;
    fold_out light = {out, cap, 0};
    place_folds(name, len, NULL, &light);
    return light.len;
}

size_t sr_place_folds(const char *name, size_t len, char *key, size_t key_cap, char *light,
                      size_t light_cap)
{
    fold_out k = {key, key_cap, 0}, l = {light, light_cap, 0};
    place_folds(name, len, key && key_cap ? &k : NULL, light && light_cap ? &l : NULL);
    return k.len;
}

uint64_t sr_gz_fold_check(void)
{
    static const char *const probes[] = {
        "Saraqeb", "Jisr al-Shughour", "Ma\xE2\x80\x98" "arrat an-Nu'man", "Deir Ezzor",
        "Khan Sheikhoun", "Lattakiyah", "As-Suwayda", "Djebel ech-Cheikh", "Phuket Qom Xuddur",
        "Zhytomyr Cecil Raqqah", "\xC5\x81\xC3\xB3" "d\xC5\xBA \xC3\x86r\xC3\xB8 \xC4\xB0" "dlib",
        "\xD8\xA5\xD8\xAF\xD9\x84\xD8\xA8 12"};
    uint64_t h = 0xcbf29ce484222325ull;
    for (size_t i = 0; i < sizeof probes / sizeof probes[0]; i++) {
        char k[SR_PLACE_KEY_MAX], l[SR_PLACE_KEY_MAX];
        size_t kn = sr_place_key(probes[i], strlen(probes[i]), k, sizeof k);
        size_t ln = sr_place_fold(probes[i], strlen(probes[i]), l, sizeof l);
        h = (h ^ sr_gz_hash64(k, kn)) * 0x100000001b3ull;
        h = (h ^ sr_gz_hash64(l, ln)) * 0x100000001b3ull;
    }
    return h;
}
