/*
 * Numbers as news writes them: "7,000", "7000", "2.5 million", "1.5m",
 * "sixty", "twenty-five", "one hundred and fifty", "a dozen", "half a
 * million", ranges ("between 5 and 10", "5-10", "two or three"), vague
 * plurals ("dozens", "hundreds", "tens of thousands"), the percent sign or
 * words after them, and the qualifiers around them ("at least", "nearly",
 * "could number", "or more").
 */
#include <math.h>
#include <string.h>

#include "figures/figures_internal.h"

int fig_is_proper(const fig_sent *s, uint32_t i)
{
    if (i >= s->n || !(s->tk[i].flags & SR_TOK_CAP) || !(s->tk[i].flags & SR_TOK_WORD))
        return 0;
    if (i == 0)
        return 0;
    return !(s->tk[i - 1].flags & SR_TOK_QUOTE) && !fig_is(s, i - 1, ":") &&
           !fig_is(s, i - 1, "-");
}

/* ---- digits -------------------------------------------------------------- */

/* Digits with thousands separators and an optional decimal part, from p;
 * the count of bytes read, 0 when there are no digits. A comma must be
 * followed by exactly three digits ("7,000", not "7,00"). */
static size_t scan_decimal(const char *p, size_t len, double *val, int *integral)
{
    size_t k = 0;
    double v = 0;
    int digits = 0, group = -1; /* digits since the last comma; -1: no comma yet */
    while (k < len) {
        char ch = p[k];
        if (ch >= '0' && ch <= '9') {
            v = v * 10 + (ch - '0');
            if (++digits > 12)
                return 0; /* identifiers and phone numbers, not counts */
            if (group >= 0)
                group++;
            k++;
        } else if (ch == ',' && digits > 0 && (group < 0 ? digits <= 3 : group == 3) &&
                   k + 1 < len && p[k + 1] >= '0' && p[k + 1] <= '9') {
            group = 0;
            k++;
        } else {
            break;
        }
    }
    if (!digits || (group >= 0 && group != 3))
        return 0;
    *integral = 1;
    if (group < 0 && k + 1 < len && p[k] == '.' && p[k + 1] >= '0' && p[k + 1] <= '9') {
        double scale = 1;
        k++;
        while (k < len && p[k] >= '0' && p[k] <= '9') {
            scale /= 10;
            v += (p[k] - '0') * scale;
            k++;
        }
        *integral = 0;
    }
    *val = v;
    return k;
}

int fig_digits_value(const char *norm, size_t len, double *val, uint32_t *flags, double *high)
{
    int integral;
    size_t k = scan_decimal(norm, len, val, &integral);
    if (!k)
        return 0;
    *high = *val;
    *flags = 0;
    const char *rest = norm + k;
    size_t rlen = len - k;
    if (rlen == 0) {
        if (!integral)
            *flags |= FN_DECIMAL;
        if (integral && k == 4 && *val >= 1900 && *val <= 2100)
            *flags |= FN_YEARLIKE;
        return 1;
    }
    if (strcmp(rest, "M") == 0 || strcmp(rest, "MN") == 0) {
        *val *= 1e6;
    } else if (strcmp(rest, "BN") == 0) {
        *val *= 1e9;
    } else if (strcmp(rest, "K") == 0) {
        *val *= 1e3;
    } else if (strcmp(rest, "-STRONG") == 0 && integral) {
        *flags |= FN_STRONG;
    } else if ((strcmp(rest, "-PLUS") == 0 || strcmp(rest, "+") == 0) && integral) {
        *flags |= FN_OPEN;
        *high = INFINITY;
        return 1;
    } else if (rest[0] == '-' && integral) {
        /* 5-10 in one token: a range when the second number is the larger */
        double v2;
        int integral2;
        size_t k2 = scan_decimal(rest + 1, rlen - 1, &v2, &integral2);
        if (!k2 || k2 != rlen - 1 || !integral2 || v2 <= *val)
            return 0;
        *high = v2;
        *flags |= FN_RANGE;
        if (*val >= 1900 && *val <= 2100 && v2 >= 1900 && v2 <= 2100)
            *flags |= FN_YEARLIKE;
        return 1;
    } else {
        return 0; /* 12th, 1980s, 20km, 51-year-old, 9/11 */
    }
    *high = *val;
    return 1;
}

/* ---- words --------------------------------------------------------------- */

/* Token t's normalized form is the string literal lit: its length first,
 * so most tokens leave without a byte read, then a comparison of known
 * size, which compilers inline. The terminator is compared too, so a token
 * too long for sr_token.len (which wraps) never matches. */
#define TOKEN_IS(t, lit) ((t)->len == sizeof lit - 1 && memcmp((t)->norm, lit, sizeof lit) == 0)

/* Sets of capital letters as bit masks, for a first test of a word
 * before any comparison of strings. */
#define LETTER(c) (1u << ((c) - 'A'))

static int letter_in(char c, uint32_t set)
{
    return c >= 'A' && c <= 'Z' && (set >> (c - 'A') & 1);
}

/* w[0..len) is the literal lit; w need not be NUL-terminated (the part of
 * a word before its hyphen). */
#define PART_IS(lit) (len == sizeof lit - 1 && memcmp(w, lit, sizeof lit - 1) == 0)

/* 0..90 for a number word in w[0..len), else -1. read_simple asks this of
 * most tokens that reach it, so the words are grouped by first letter and
 * told apart by length before any byte is compared. */
static int small_value(const char *w, size_t len)
{
    if (len < 3 || len > 9)
        return -1;
    switch (w[0]) {
    case 'E':
        return PART_IS("EIGHT") ? 8 : PART_IS("ELEVEN") ? 11 : PART_IS("EIGHTEEN") ? 18
             : PART_IS("EIGHTY") ? 80 : -1;
    case 'F':
        return PART_IS("FOUR") ? 4 : PART_IS("FIVE") ? 5 : PART_IS("FOURTEEN") ? 14
             : PART_IS("FIFTEEN") ? 15 : PART_IS("FORTY") ? 40 : PART_IS("FIFTY") ? 50 : -1;
    case 'N':
        return PART_IS("NINE") ? 9 : PART_IS("NINETEEN") ? 19 : PART_IS("NINETY") ? 90 : -1;
    case 'O':
        return PART_IS("ONE") ? 1 : -1;
    case 'S':
        return PART_IS("SIX") ? 6 : PART_IS("SEVEN") ? 7 : PART_IS("SIXTEEN") ? 16
             : PART_IS("SEVENTEEN") ? 17 : PART_IS("SIXTY") ? 60 : PART_IS("SEVENTY") ? 70 : -1;
    case 'T':
        return PART_IS("TWO") ? 2 : PART_IS("THREE") ? 3 : PART_IS("TEN") ? 10
             : PART_IS("TWELVE") ? 12 : PART_IS("THIRTEEN") ? 13 : PART_IS("TWENTY") ? 20
             : PART_IS("THIRTY") ? 30 : -1;
    case 'Z':
        return PART_IS("ZERO") ? 0 : -1;
    default:
        return -1;
    }
}

/* "SIXTY", "TWENTY-FIVE": 0..99, else -1. */
static int word_value(const sr_token *t)
{
    const char *norm = t->norm;
    /* every number word starts with one of E F N O S T Z, and both halves
     * of "twenty-five" have 3 to 9 letters: most tokens leave here */
    const uint32_t first = LETTER('E') | LETTER('F') | LETTER('N') | LETTER('O') | LETTER('S') |
                           LETTER('T') | LETTER('Z');
    if (!letter_in(norm[0], first))
        return -1;
    size_t len = fig_len(t);
    if (len > 9 + 1 + 9)
        return -1;
    size_t dash = 0;
    while (dash < len && norm[dash] != '-')
        dash++;
    if (dash == len)
        return small_value(norm, len);
    int tens = small_value(norm, dash);
    if (tens < 20 || tens % 10 != 0)
        return -1;
    int units = small_value(norm + dash + 1, len - dash - 1);
    if (units < 1 || units > 9)
        return -1;
    return tens + units;
}

static double scale_of(const sr_token *t)
{
    if (TOKEN_IS(t, "HUNDRED"))
        return 100;
    if (TOKEN_IS(t, "THOUSAND"))
        return 1e3;
    if (TOKEN_IS(t, "MILLION") || TOKEN_IS(t, "MN") || TOKEN_IS(t, "MLN"))
        return 1e6;
    if (TOKEN_IS(t, "BILLION") || TOKEN_IS(t, "BN"))
        return 1e9;
    if (TOKEN_IS(t, "DOZEN"))
        return 12;
    if (TOKEN_IS(t, "SCORE"))
        return 20;
    return 0;
}

/* Plural scales as vague counts. "dozens" stops below a hundred, where
 * writers would say "a hundred"; the others run from two of the unit to
 * just under ten of it ("hundreds": 200..999). */
static int vague_plural(const sr_token *t, double *low, double *high)
{
    double lo, hi;
    if (TOKEN_IS(t, "DOZENS"))
        lo = 24, hi = 99;
    else if (TOKEN_IS(t, "SCORES"))
        lo = 40, hi = 199;
    else if (TOKEN_IS(t, "TENS"))
        lo = 20, hi = 99;
    else if (TOKEN_IS(t, "HUNDREDS"))
        lo = 200, hi = 999;
    else if (TOKEN_IS(t, "THOUSANDS"))
        lo = 2000, hi = 9999;
    else if (TOKEN_IS(t, "MILLIONS"))
        lo = 2e6, hi = 9999999;
    else
        return 0;
    *low = lo;
    *high = hi;
    return 1;
}

static uint32_t read_percent(const fig_sent *s, uint32_t j)
{
    if (fig_is(s, j, "%") || fig_is(s, j, "PERCENT") || fig_is(s, j, "PER-CENT") ||
        fig_is(s, j, "PCT"))
        return 1;
    if (fig_is(s, j, "PER") && fig_is(s, j + 1, "CENT"))
        return 2;
    return 0;
}

/* One number without range or percent: i is its first token. Returns the
 * tokens read (0: none) and the scale last applied in *scale. */
static uint32_t read_simple(const fig_sent *s, uint32_t i, fig_number *out, double *scale)
{
    const sr_token *tk = s->tk;
    uint32_t j = i;
    double total = 0, current = -1;
    uint32_t flags = 0;
    *scale = 1;
    out->low = out->high = 0;

    /* vague: "dozens", "tens of thousands", "several hundred" */
    double vl, vh;
    int several = fig_is(s, i, "SEVERAL") || fig_is(s, i, "MANY") ||
                  (fig_is(s, i, "A") && fig_is(s, i + 1, "FEW"));
    uint32_t v0 = several ? i + (fig_is(s, i, "A") ? 2 : 1) : i;
    if (several && v0 < s->n && scale_of(&tk[v0]) >= 12) {
        double sc = scale_of(&tk[v0]);
        vl = sc == 12 ? 24 : 2 * sc;
        vh = sc == 12 ? 99 : 10 * sc - 1;
        j = v0 + 1;
        if (j < s->n && scale_of(&tk[j]) >= 1000) { /* several hundred thousand */
            double sc2 = scale_of(&tk[j]);
            vl *= sc2;
            vh = (vh + 1) * sc2 - 1;
            j++;
        }
        out->low = vl;
        out->high = vh;
        out->flags = FN_VAGUE | FN_WORD;
        return j - i;
    }
    if (v0 < s->n && vague_plural(&tk[v0], &vl, &vh)) {
        j = v0 + 1;
        /* "tens of thousands", "hundreds of thousands" */
        double sub_l, sub_h;
        if (fig_is(s, j, "OF") && j + 1 < s->n && vague_plural(&tk[j + 1], &sub_l, &sub_h) &&
            sub_l >= 2000 && vl < 1000) {
            double unit = sub_l / 2;
            vl = vl * unit;
            vh = (vh + 1) * unit - 1;
            j += 2;
        }
        out->low = vl;
        out->high = vh;
        out->flags = FN_VAGUE | FN_WORD;
        return j - i;
    }

    if (tk[i].flags & SR_TOK_NUMBER) {
        double v, hi;
        uint32_t df;
        if (!fig_digits_value(tk[i].norm, tk[i].len, &v, &df, &hi))
            return 0;
        j = i + 1;
        if (df & (FN_RANGE | FN_OPEN)) {
            out->low = v;
            out->high = hi;
            out->flags = df;
            return 1;
        }
        flags |= df;
        current = v;
    } else if (fig_is(s, i, "QUARTER") || ((fig_is(s, i, "A") || fig_is(s, i, "ONE")) &&
                                            fig_is(s, i + 1, "QUARTER"))) {
        /* "a quarter of a million" */
        uint32_t k = fig_is(s, i, "QUARTER") ? i + 1 : i + 2;
        if (!fig_is(s, k, "OF"))
            return 0;
        k++;
        if (fig_is(s, k, "A") || fig_is(s, k, "AN"))
            k++;
        if (k >= s->n || scale_of(&tk[k]) < 1000)
            return 0;
        current = 0.25;
        j = k;
        flags |= FN_WORD;
    } else if (fig_is(s, i, "A") || fig_is(s, i, "AN")) {
        if (i + 1 >= s->n || scale_of(&tk[i + 1]) == 0)
            return 0;
        current = 1;
        j = i + 1;
        flags |= FN_WORD;
    } else if (fig_is(s, i, "HALF")) {
        uint32_t k = i + 1;
        if (fig_is(s, k, "A") || fig_is(s, k, "AN"))
            k++;
        if (k >= s->n || scale_of(&tk[k]) == 0)
            return 0;
        current = 0.5;
        j = k;
        flags |= FN_WORD;
    } else {
        int wv = word_value(&tk[i]);
        if (wv < 0 || !(tk[i].flags & SR_TOK_WORD))
            return 0;
        current = wv;
        j = i + 1;
        flags |= FN_WORD;
        /* "twenty five" */
        if (wv >= 20 && wv % 10 == 0 && j < s->n) {
            int u = word_value(&tk[j]);
            if (u >= 1 && u <= 9) {
                current += u;
                j++;
            }
        }
    }

    /* scales: "2.5 million", "one hundred and fifty", "two thousand five hundred" */
    int scaled = 0;
    while (j < s->n) {
        double sc = scale_of(&tk[j]);
        if (sc == 0)
            break;
        if (sc < 100) {
            current *= sc; /* dozen, score */
        } else if (sc == 100) {
            if (current >= 100)
                break;
            current *= 100;
        } else {
            total += current * sc;
            current = 0;
        }
        *scale = sc;
        scaled = 1;
        j++;
        if (!(flags & FN_WORD) || sc < 100)
            continue;
        /* the words after a scale: "and fifty", "five (hundred)" */
        uint32_t k = fig_is(s, j, "AND") ? j + 1 : j;
        int wv = k < s->n ? word_value(&tk[k]) : -1;
        if (wv < 1)
            continue;
        current += wv;
        j = k + 1;
        if (wv >= 20 && wv % 10 == 0 && j < s->n) {
            int u = word_value(&tk[j]);
            if (u >= 1 && u <= 9) {
                current += u;
                j++;
            }
        }
    }
    if (flags & FN_DECIMAL) {
        /* "2.5 million", "2.5 percent"; a bare 2.5 counts nothing */
        flags &= ~(uint32_t)FN_DECIMAL;
        if (!scaled && !read_percent(s, j))
            return 0;
    }
    if (scaled)
        flags &= ~(uint32_t)FN_YEARLIKE;
    double v = total + current;
    if (current == 1 && !scaled && (fig_is(s, i, "ONE")))
        flags |= FN_ONE;
    out->low = out->high = v;
    out->flags = flags;
    return j - i;
}

/* A number starts with digits or with one of the words read_simple
 * starts from: several, many, a, an, one, quarter, half, the vague
 * plurals and the number words. The test is exact and cheap, since every
 * token is asked and read_simple's own questions are many. */
static int may_start_number(const sr_token *t)
{
    if (t->flags & SR_TOK_NUMBER)
        return 1;
    /* all of those words begin with one of these letters */
    const uint32_t first = LETTER('A') | LETTER('D') | LETTER('E') | LETTER('F') | LETTER('H') |
                           LETTER('M') | LETTER('N') | LETTER('O') | LETTER('Q') | LETTER('S') |
                           LETTER('T') | LETTER('Z');
    if (!letter_in(t->norm[0], first))
        return 0;
    double low, high;
    return TOKEN_IS(t, "A") || TOKEN_IS(t, "AN") || TOKEN_IS(t, "ONE") || TOKEN_IS(t, "HALF") ||
           TOKEN_IS(t, "MANY") || TOKEN_IS(t, "QUARTER") || TOKEN_IS(t, "SEVERAL") ||
           vague_plural(t, &low, &high) || word_value(t) >= 0;
}

int fig_read_number(const fig_sent *s, uint32_t i, fig_number *out)
{
    double scale;
    if (i < s->n && !may_start_number(&s->tk[i])) {
        out->low = out->high = 0; /* as read_simple leaves it */
        return 0;
    }
    uint32_t n = read_simple(s, i, out, &scale);
    if (!n)
        return 0;
    out->first = i;
    out->last = i + n;
    uint32_t j = out->last;
    /* ranges: "5 to 10", "two or three", "between 5 and 10", "5 - 10" */
    int between = i > 0 && fig_is(s, i - 1, "BETWEEN");
    if (!(out->flags & (FN_VAGUE | FN_RANGE | FN_OPEN)) && j + 1 < s->n &&
        (fig_is(s, j, "TO") || fig_is(s, j, "OR") || fig_is(s, j, "-") ||
         (between && fig_is(s, j, "AND")))) {
        fig_number second;
        double scale2;
        uint32_t n2 = read_simple(s, j + 1, &second, &scale2);
        if (n2 && !(second.flags & (FN_VAGUE | FN_RANGE | FN_OPEN))) {
            double low = out->low;
            if (scale2 > scale && low < scale2 && low * scale2 < second.low)
                low *= scale2; /* "2 to 3 million" */
            if (second.low > low) {
                out->low = low;
                out->high = second.high;
                out->flags = (out->flags & FN_WORD) | FN_RANGE |
                             ((out->flags & second.flags) & FN_YEARLIKE);
                out->last = j + 1 + n2;
                j = out->last;
            }
        }
    }
    uint32_t p = read_percent(s, j);
    if (p) {
        out->flags |= FN_PERCENT;
        out->flags &= ~(uint32_t)(FN_YEARLIKE | FN_ONE);
        out->last = j + p;
    }
    return 1;
}

/* ---- qualifiers ---------------------------------------------------------- */

typedef struct qual_pattern {
    const char *words[4];
    uint32_t nwords;
    const char *text;
    int bound;
} qual_pattern;

/* QUAL(text, bound, words...): nwords is counted from the words, so a
 * pattern cannot say one length and spell another. */
#define QUAL(text, bound, ...)                                                            \
    {{__VA_ARGS__}, sizeof((const char *[]){__VA_ARGS__}) / sizeof(const char *), text, bound}

/* Longest first within each bound does not matter: every pattern is tried
 * and the longest match wins. */
static const qual_pattern before[] = {
    QUAL("at least", FQ_LOWER, "AT", "LEAST"),
    QUAL("no fewer than", FQ_LOWER, "NO", "FEWER", "THAN"),
    QUAL("no less than", FQ_LOWER, "NO", "LESS", "THAN"),
    QUAL("no less than", FQ_LOWER, "NOT", "LESS", "THAN"),
    QUAL("at least", FQ_LOWER, "A", "MINIMUM", "OF"),
    QUAL("upwards of", FQ_LOWER, "UPWARDS", "OF"),
    QUAL("upwards of", FQ_LOWER, "UPWARD", "OF"),
    QUAL("more than", FQ_LOWER, "MORE", "THAN"),
    QUAL("more than", FQ_LOWER, "WELL", "OVER"),
    QUAL("more than", FQ_LOWER, "JUST", "OVER"),
    QUAL("over", FQ_LOWER, "OVER"),
    QUAL("more than", FQ_LOWER, "IN", "EXCESS", "OF"),
    QUAL("more than", FQ_LOWER, "ABOVE"),
    QUAL("more than", FQ_LOWER, "EXCEEDING"),
    QUAL("less than", FQ_UPPER, "LESS", "THAN"),
    QUAL("fewer than", FQ_UPPER, "FEWER", "THAN"),
    QUAL("less than", FQ_UPPER, "BELOW"),
    QUAL("nearly", FQ_UPPER, "JUST", "UNDER"),
    QUAL("nearly", FQ_UPPER, "NEARLY"),
    QUAL("almost", FQ_UPPER, "ALMOST"),
    QUAL("nearly", FQ_UPPER, "CLOSE", "TO"),
    QUAL("up to", FQ_UPPER, "UP", "TO"),
    QUAL("as many as", FQ_UPPER, "AS", "MANY", "AS"),
    QUAL("no more than", FQ_UPPER, "NO", "MORE", "THAN"),
    QUAL("at most", FQ_UPPER, "AT", "MOST"),
    QUAL("at most", FQ_UPPER, "A", "MAXIMUM", "OF"),
    QUAL("about", FQ_APPROX, "ABOUT"),
    QUAL("around", FQ_APPROX, "AROUND"),
    QUAL("some", FQ_APPROX, "SOME"),
    QUAL("roughly", FQ_APPROX, "ROUGHLY"),
    QUAL("approximately", FQ_APPROX, "APPROXIMATELY"),
    QUAL("approximately", FQ_APPROX, "APPROX."),
    QUAL("approximately", FQ_APPROX, "CIRCA"),
    QUAL("an estimated", FQ_APPROX, "AN", "ESTIMATED"),
    QUAL("an estimated", FQ_APPROX, "ESTIMATED"),
    QUAL("could number", FQ_APPROX, "COULD", "NUMBER"),
    QUAL("may number", FQ_APPROX, "MAY", "NUMBER"),
    QUAL("might number", FQ_APPROX, "MIGHT", "NUMBER"),
    QUAL("between", FQ_NONE, "BETWEEN"),
};

static const qual_pattern after[] = {
    QUAL("or more", FQ_LOWER, "OR", "MORE"),
    QUAL("or so", FQ_APPROX, "OR", "SO"),
};
#undef QUAL

static int match_at(const fig_sent *s, uint32_t at, const qual_pattern *q)
{
    uint32_t k = 0;
    for (; k < 4 && q->words[k]; k++)
        if (!fig_is(s, at + k, q->words[k]))
            return 0;
    return (int)k;
}

/* "took over two oil fields": over as a particle, not a bound */
static int particle_over(const fig_sent *s, uint32_t over)
{
    static const char *const verbs[] = {"TOOK", "TAKE", "TAKES", "TAKEN", "TAKING", "HANDED",
                                        "HAND", "HANDS", "TURNED", "TURN", "WON", "WIN"};
    if (over == 0 || !fig_is(s, over, "OVER"))
        return 0;
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++)
        if (fig_is(s, over - 1, verbs[v]))
            return 1;
    return 0;
}

int fig_qualifier_before(const fig_sent *s, uint32_t i, fig_qualifier *out)
{
    int best = 0;
    if (i > 0 && particle_over(s, i - 1))
        return 0;
    for (size_t q = 0; q < sizeof before / sizeof before[0]; q++) {
        uint32_t len = before[q].nwords;
        if (len > i || (int)len <= best)
            continue;
        /* the word before the number first: it turns most patterns away */
        if (!fig_is(s, i - 1, before[q].words[len - 1]))
            continue;
        if (match_at(s, i - len, &before[q]) == (int)len) {
            best = (int)len;
            out->first = i - len;
            out->last = i;
            out->text = before[q].text;
            out->bound = before[q].bound;
        }
    }
    return best > 0;
}

int fig_qualifier_after(const fig_sent *s, uint32_t i, fig_qualifier *out)
{
    for (size_t q = 0; q < sizeof after / sizeof after[0]; q++) {
        int len = match_at(s, i, &after[q]);
        if (len > 0) {
            out->first = i;
            out->last = i + (uint32_t)len;
            out->text = after[q].text;
            out->bound = after[q].bound;
            return 1;
        }
    }
    return 0;
}

int fig_qualifier_at(const fig_sent *s, uint32_t i, fig_qualifier *out)
{
    int best = 0;
    for (size_t q = 0; q < sizeof before / sizeof before[0]; q++) {
        int len = match_at(s, i, &before[q]);
        if (len > best) {
            best = len;
            out->first = i;
            out->last = i + (uint32_t)len;
            out->text = before[q].text;
            out->bound = before[q].bound;
        }
    }
    return best > 0;
}
