/*
 * Speakers: the noun phrase that says something, its name and its code.
 *
 * A speaker's phrase is read backwards from its verb ("Col. Sean Ryan
 * said", "a Turkish military source had told") or forwards from it ("said
 * Col. Sean Ryan, a spokesman for ..."). It may carry prepositional phrases
 * ("Colonel Muhanad al-Tanaa of the ... militia"), a parenthesized aside
 * ("Rep. Gwen Moore (D-Wis.)") and, between commas, an apposition ("X, a
 * senior commander with ..., warned"). Its name is the run of capitalized
 * words, titles and name particles ("al", "bin", "de") that ends the phrase
 * before its first preposition; a phrase without one ("the official")
 * stands as it is. Without a part-of-speech tagger the phrase is bounded by
 * closed-class words: determiners open it, conjunctions, auxiliaries,
 * pronouns and punctuation end it, and lower-case words in -ed (mostly
 * verbs) end it but for a few adjectives.
 */
#include <string.h>

#include "quotes/quotes_internal.h"

#define NP_MAX 14      /* words in a phrase before its apposition */
#define APPOS_MAX 40   /* tokens of an apposition */
#define PAREN_MAX 12

static uint32_t cls(const qtext *q, uint32_t i)
{
    return q_word_class(&q->tk[i]);
}

static int is_word(const qtext *q, uint32_t i)
{
    return (q->tk[i].flags & (SR_TOK_WORD | SR_TOK_NUMBER)) != 0;
}

static int ends_with(const sr_token *t, const char *suffix)
{
    size_t n = strlen(suffix);
    return t->len > n + 1 && memcmp(t->norm + t->len - n, suffix, n) == 0;
}

static int lower_word(const qtext *q, uint32_t i)
{
    return (q->tk[i].flags & SR_TOK_WORD) && !(q->tk[i].flags & SR_TOK_CAP);
}

/* A lower-case word in -ed is mostly a verb ("Russia dismissed claims");
 * hyphenated ones ("U.S.-backed") and these are adjectives. Of the -ing
 * words only speech verbs count ("the ruling party" is a phrase). */
int q_verbish(const qtext *q, uint32_t i)
{
    static const char *const adjectives[] = {
        "ALLEGED", "APPOINTED", "ARMED", "BESIEGED", "DETAINED", "DISPLACED", "ELECTED",
        "EMBATTLED", "EXILED", "INJURED", "ISOLATED", "RETIRED", "SELF-STYLED", "TALENTED",
        "UNIDENTIFIED", "UNITED", "UNNAMED", "WOUNDED"};
    const sr_token *t = &q->tk[i];
    if (!lower_word(q, i) || strchr(t->norm, '-'))
        return 0;
    if (!ends_with(t, "ED") && !ends_with(t, "ING"))
        return 0;
    if (ends_with(t, "ING"))
        return q_speech_verb(t) != 0;
    for (size_t k = 0; k < sizeof adjectives / sizeof *adjectives; k++)
        if (strcmp(t->norm, adjectives[k]) == 0)
            return 0;
    return 1;
}

static int lower_ing(const qtext *q, uint32_t i)
{
    return lower_word(q, i) && ends_with(&q->tk[i], "ING");
}

int q_adverb(const qtext *q, uint32_t i)
{
    return lower_word(q, i) && ends_with(&q->tk[i], "LY");
}

/* A word that can be a noun of the phrase (its head or a modifier). */
int q_nounish(const qtext *q, uint32_t i)
{
    if (!is_word(q, i))
        return 0;
    uint32_t c = cls(q, i);
    if (c & (W_DET | W_STOP | W_PRON | W_PP))
        return 0;
    return !q_verbish(q, i) && !q_adverb(q, i) && !q_speech_verb(&q->tk[i]);
}

static int particle(const qtext *q, uint32_t i)
{
    static const char *const particles[] = {"AL", "BEN", "BIN", "BINT", "DA", "DAS", "DE", "DEL",
                                            "DELLA", "DEN", "DER", "DI", "DOS", "DU", "EL", "IBN",
                                            "LA", "LE", "TER", "UL", "VAN", "VON"};
    if (!lower_word(q, i))
        return 0;
    for (size_t k = 0; k < sizeof particles / sizeof *particles; k++)
        if (strcmp(q->tk[i].norm, particles[k]) == 0)
            return 1;
    return 0;
}

int q_name_token(const qtext *q, uint32_t i)
{
    const sr_token *t = &q->tk[i];
    if (!(t->flags & SR_TOK_WORD))
        return 0;
    if (t->flags & SR_TOK_CAP)
        return !(cls(q, i) & (W_DET | W_STOP | W_PRON | W_TIME));
    /* "al-Farghali", "al-Sham": a lower-case prefix, then a capital */
    const char *s = q->src + t->start, *e = q->src + t->end;
    const char *h = memchr(s, '-', (size_t)(e - s));
    return h && h + 1 < e && h - s <= 4 && h[1] >= 'A' && h[1] <= 'Z';
}

/* The "(" that opens the group whose ")" is at i, or QNONE. A period may
 * stand inside: "(D-Md.)". */
static uint32_t paren_open(const qtext *q, uint32_t i, uint32_t lim)
{
    for (uint32_t j = i; j > lim && i - j < PAREN_MAX;) {
        j--;
        if (q_punct(q, j, "("))
            return j;
        if (q->sent[j] != q->sent[i] || q_punct(q, j, ")"))
            break;
    }
    return QNONE;
}

static uint32_t paren_close(const qtext *q, uint32_t i, uint32_t lim)
{
    for (uint32_t j = i + 1; j < lim && j - i < PAREN_MAX; j++) {
        if (q_punct(q, j, ")"))
            return j;
        if (q->sent[j] != q->sent[i] || q_punct(q, j, "("))
            break;
    }
    return QNONE;
}

/* The first token of the phrase, the last token of which is e - 1. */
static uint32_t core_back(const qtext *q, uint32_t e, uint32_t lim)
{
    if (e <= lim || e == 0)
        return QNONE;
    uint32_t head = e - 1;
    if (q_punct(q, head, ")")) {
        uint32_t o = paren_open(q, head, lim);
        if (o == QNONE || o == 0 || o <= lim)
            return QNONE;
        head = o - 1;
    }
    if ((!q_nounish(q, head) && !(cls(q, head) & W_NUMW)) || (q->tk[head].flags & SR_TOK_POSS))
        return QNONE;
    uint32_t k = e, words = 0;
    int anchored = 0;
    while (k > lim && words < NP_MAX) {
        uint32_t i = k - 1;
        const sr_token *t = &q->tk[i];
        if (q_punct(q, i, ")")) {
            uint32_t o = paren_open(q, i, lim);
            if (o == QNONE)
                break;
            k = o;
            continue;
        }
        if (t->flags & SR_TOK_POSS) {
            k--;
            continue;
        }
        if (!is_word(q, i))
            break;
        uint32_t c = cls(q, i);
        if ((c & W_DET) && !(i == head && (c & W_NUMW))) {
            k--;
            anchored = 1;
            /* "a spokesman for the ministry": the phrase goes on before
             * the preposition */
            if (k >= lim + 2 && (cls(q, k - 1) & W_PP) && q_nounish(q, k - 2)) {
                k--;
                continue;
            }
            break;
        }
        if (c & W_PP) {
            if (i > lim && q_nounish(q, i - 1) && i + 1 < e) {
                k--;
                continue;
            }
            break;
        }
        if (q_is(q, i, "AND") && i > lim && q_name_token(q, i - 1) && q_name_token(q, i + 1)) {
            k--; /* "Moscow and Ankara" */
            continue;
        }
        if (c & (W_STOP | W_PRON))
            break;
        if (q_verbish(q, i) || q_adverb(q, i) || q_speech_verb(t))
            break;
        if (t->flags & (SR_TOK_CAP | SR_TOK_NUMBER) || q_name_token(q, i))
            anchored = 1;
        k--;
        words++;
    }
    if (k == e || words >= NP_MAX)
        return QNONE;
    /* the phrase starts with a preposition's object torn off? */
    while (k < e && (cls(q, k) & W_PP) && !(cls(q, k) & W_DET))
        k++;
    if (k >= e)
        return QNONE;
    if (!anchored) {
        /* "sources said", "But officials said": a bare plural at the start
         * of a clause */
        if (k > lim) {
            uint32_t p = cls(q, k - 1);
            if (is_word(q, k - 1) && !(p & W_STOP))
                return QNONE;
            if (p & (W_BE | W_NEG | W_SKIP))
                return QNONE;
        }
    }
    return k;
}

/* "of", "for", "and" inside a name: "Syrian Observatory for Human Rights",
 * "Secretary of State John Kerry", "Moscow and Ankara" (but not "al-Tanaa
 * of the militia"). */
static int inner_of(const qtext *q, uint32_t i, uint32_t e)
{
    return i > 0 && i + 1 < e && (q_is(q, i, "OF") || q_is(q, i, "FOR") || q_is(q, i, "AND")) &&
           q_name_token(q, i - 1) && q_name_token(q, i + 1);
}

/* Name inside the phrase [k, e): see the file comment. */
static void find_name(const qtext *q, uint32_t k, uint32_t e, qnp *np)
{
    uint32_t he = e;
    for (uint32_t i = k + 1; i < e; i++) {
        if (q_punct(q, i, "(")) {
            uint32_t c = paren_close(q, i, e);
            if (c != QNONE) {
                i = c;
                continue;
            }
        }
        if ((cls(q, i) & W_PP) && !inner_of(q, i, e)) {
            he = i;
            break;
        }
    }
    uint32_t j = he;
    if (j > k && q_punct(q, j - 1, ")")) {
        uint32_t o = paren_open(q, j - 1, k);
        if (o != QNONE && o > k)
            j = o;
    }
    uint32_t s = j;
    while (s > k) {
        if (q_name_token(q, s - 1) || (q->tk[s - 1].flags & SR_TOK_ALLCAPS)) {
            s--;
        } else if (s - 1 > k && s < j && q_name_token(q, s) &&
                   (particle(q, s - 1) || inner_of(q, s - 1, j))) {
            s--;
        } else {
            break;
        }
    }
    if (s < j && q_name_token(q, j - 1)) {
        np->name_start = s;
        np->name_end = j;
    } else {
        np->name_start = k;
        np->name_end = e;
    }
}

static int appos_start(const qtext *q, uint32_t i)
{
    if (!is_word(q, i))
        return 0;
    if (q_is(q, i, "WHO") || q_is(q, i, "WHOSE") || q_is(q, i, "WHICH"))
        return 1;
    uint32_t c = cls(q, i);
    if (c & W_DET)
        return 1;
    return !(c & (W_STOP | W_PRON)) && !q_verbish(q, i) && !q_adverb(q, i) &&
           !q_speech_verb(&q->tk[i]);
}

int q_np_before(const qtext *q, uint32_t end, uint32_t lim, qnp *np)
{
    if (end <= lim || end == 0)
        return 0;
    uint32_t j = end - 1;
    memset(np, 0, sizeof *np);
    if (cls(q, j) & W_SPRON) {
        /* "who said" is not "he said" */
        *np = (qnp){j, end, end, j, end, 1};
        return 1;
    }
    if (!q_punct(q, j, ",")) {
        uint32_t k = core_back(q, end, lim);
        if (k == QNONE)
            return 0;
        np->start = k;
        np->end = np->core_end = end;
        find_name(q, k, end, np);
        return 1;
    }
    /* "X, a spokesman for ..., said": find the comma that opens the
     * apposition; the speaker's phrase ends before it */
    uint32_t c = j;
    for (int commas = 0; commas < 4; commas++) {
        uint32_t p = c;
        while (p > lim) {
            p--;
            if (q_punct(q, p, ",") || j - p > APPOS_MAX || q->sent[p] != q->sent[j] ||
                q_is_mark(q, p) || q_punct(q, p, ";") || q_punct(q, p, ":"))
                break;
        }
        if (p <= lim || !q_punct(q, p, ",") || j - p > APPOS_MAX)
            return 0;
        if (p + 1 < j && appos_start(q, p + 1)) {
            uint32_t k = core_back(q, p, lim);
            if (k != QNONE) {
                np->start = k;
                np->end = j;
                np->core_end = p;
                find_name(q, k, p, np);
                return 1;
            }
        }
        c = p;
    }
    return 0;
}

int q_np_after(const qtext *q, uint32_t s, uint32_t lim, qnp *np)
{
    memset(np, 0, sizeof *np);
    if (s >= lim)
        return 0;
    if (cls(q, s) & W_SPRON) {
        *np = (qnp){s, s + 1, s + 1, s, s + 1, 1};
        return 1;
    }
    if (cls(q, s) & W_TIME)
        return 0; /* "said Tuesday" */
    uint32_t k = s, words = 0;
    int after_pp = 1;
    while (k < lim && words < NP_MAX) {
        const sr_token *t = &q->tk[k];
        if (q_punct(q, k, "(") && k > s) {
            uint32_t c = paren_close(q, k, lim);
            if (c == QNONE)
                break;
            k = c + 1;
            continue;
        }
        if (t->flags & SR_TOK_POSS) {
            k++;
            continue;
        }
        if (!is_word(q, k))
            break;
        uint32_t c = cls(q, k);
        if (c & W_DET) {
            if (!after_pp)
                break;
            after_pp = 0;
            k++;
            continue;
        }
        after_pp = 0;
        if (c & W_PP) {
            /* "a spokesman for the ministry", not "Ryan in an interview" */
            if (k > s && k + 1 < lim && !q_is(q, k, "IN") &&
                ((cls(q, k + 1) & W_DET) || q_nounish(q, k + 1))) {
                after_pp = 1;
                k++;
                continue;
            }
            break;
        }
        if (c & (W_STOP | W_PRON | W_SKIP))
            break;
        if (q_verbish(q, k) || q_adverb(q, k) || q_speech_verb(t))
            break;
        if (k > s && lower_ing(q, k))
            break; /* "Lt. Col. Thomas Gilleran using ..." */
        k++;
        words++;
    }
    /* never end on a determiner or a preposition */
    while (k > s && (cls(q, k - 1) & (W_DET | W_PP)) && !q_name_token(q, k - 1))
        k--;
    uint32_t head = k > s && q_punct(q, k - 1, ")") ? paren_open(q, k - 1, s) : k;
    if (k == s || head == QNONE || head <= s || !q_nounish(q, head - 1) || words >= NP_MAX)
        return 0;
    np->start = s;
    np->end = np->core_end = k;
    find_name(q, s, k, np);
    if (k + 1 < lim && q_punct(q, k, ",") && appos_start(q, k + 1)) {
        uint32_t e = k + 1;
        while (e < lim && e - k < APPOS_MAX && !q_punct(q, e, ",") && !q_sentence_end(q, e) &&
               !q_punct(q, e, ";") && !q_punct(q, e, ":") && !q_is_mark(q, e))
            e++;
        if (e - k < APPOS_MAX)
            np->end = e;
    }
    return 1;
}

int q_clause_subject(const qtext *q, uint32_t i, qnp *np)
{
    uint32_t s = q_sent_first(q, i);
    /* past an opening adverbial: "On Tuesday, ...", "After the meeting, ..." */
    if (cls(q, s) & (W_ADVPREP | W_TIME | W_STOP)) {
        for (uint32_t j = s; j < i && j - s < 12; j++)
            if (q_punct(q, j, ",")) {
                s = j + 1;
                break;
            }
    }
    while (s < i && q_is_mark(q, s))
        s++;
    if (!q_np_after(q, s, i, np))
        return 0;
    if (np->pronoun)
        return 1;
    /* a subject is a name or a phrase with a determiner */
    if (q_name_token(q, np->name_end - 1) || (cls(q, np->start) & W_DET))
        return 1;
    return 0;
}

/* ---- codes --------------------------------------------------------------- */

static uint32_t tok_at(const qtext *q, uint32_t byte)
{
    uint32_t lo = 0, hi = q->n;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (q->tk[mid].start < byte)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* "al-Qaeda's Hay'at Tahrir al-Sham": the possessor is not the group. */
static int possessor(const qtext *q, const sr_actor_phrase *p, const sr_actor_phrase *next)
{
    uint32_t i = tok_at(q, p->end);
    if (i >= q->n || q->tk[i].start != p->end || !(q->tk[i].flags & SR_TOK_POSS))
        return 0;
    return next && i + 1 < q->n && next->start == q->tk[i + 1].start;
}

/* "a spokesman for the coalition in Baghdad": a place the speaker is at
 * is not whom the speaker speaks for. */
static int locative(const qtext *q, const sr_actor_phrase *p)
{
    static const char *const preps[] = {"ACROSS", "AROUND", "AT", "FROM", "IN", "INSIDE",
                                        "NEAR", "OUTSIDE", "THROUGHOUT", "TO"};
    uint32_t i = tok_at(q, p->start);
    if (i == 0 || i >= q->n)
        return 0;
    for (size_t k = 0; k < sizeof preps / sizeof *preps; k++)
        if (q_is(q, i - 1, preps[k]))
            return 1;
    return 0;
}

/* The first phrase that ends past byte pos (phrases come in text order;
 * ph_reach makes this right even where they nest). */
static size_t first_phrase_reaching(const qtext *q, uint32_t pos)
{
    size_t lo = 0, hi = q->nph;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (q->ph_reach[mid] <= pos)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

const sr_actor_phrase *q_np_code(const qtext *q, const qnp *np)
{
    if (np->pronoun || np->end <= np->start)
        return NULL;
    uint32_t ns = q->tk[np->name_start].start, ne = q->tk[np->name_end - 1].end;
    uint32_t ps = q->tk[np->start].start, pe = q->tk[np->end - 1].end;
    const sr_actor_phrase *best = NULL;
    uint32_t best_overlap = 0, best_dist = UINT32_MAX;
    for (size_t k = first_phrase_reaching(q, ns); k < q->nph && q->ph[k].start < ne; k++) {
        const sr_actor_phrase *p = &q->ph[k];
        if (p->start >= ne || p->end <= ns)
            continue;
        uint32_t o = (p->end < ne ? p->end : ne) - (p->start > ns ? p->start : ns);
        if (o > best_overlap) {
            best = p;
            best_overlap = o;
        }
    }
    /* a title the coder read as a bare agent ("Col.") with a guessed
     * country yields to a named actor of the phrase */
    const sr_actor_phrase *overlap = best;
    if (best && !best->inferred)
        return best;
    best = NULL;
    for (size_t k = first_phrase_reaching(q, ps); k < q->nph && q->ph[k].start < pe; k++) {
        const sr_actor_phrase *p = &q->ph[k];
        if (p->start < ps || p->end > pe)
            continue;
        if (possessor(q, p, k + 1 < q->nph ? &q->ph[k + 1] : NULL) || locative(q, p))
            continue;
        uint32_t d = p->start >= ne ? p->start - ne : ns >= p->end ? ns - p->end : 0;
        /* a named actor before a bare agent whose country was guessed
         * ("a senior commander with ...") */
        if (p->inferred)
            d += 1u << 30;
        if (d < best_dist) {
            best = p;
            best_dist = d;
        }
    }
    if (overlap && (!best || best->inferred))
        return overlap;
    return best;
}

int q_np_person(const qtext *q, const qnp *np)
{
    if (np->pronoun)
        return 0;
    uint32_t last = np->name_end - 1;
    for (uint32_t i = np->name_start; i < np->name_end; i++)
        if (cls(q, i) & W_TITLE)
            return 1;
    if (!q_name_token(q, last))
        return (cls(q, last) & W_PERSON) != 0;
    for (uint32_t i = np->name_start; i < np->name_end; i++)
        if (cls(q, i) & W_ORG)
            return 0;
    if (q->tk[last].flags & SR_TOK_ALLCAPS)
        return 0;
    /* a country or its capital: the coder gives it a bare country code */
    uint32_t ns = q->tk[np->name_start].start, ne = q->tk[last].end;
    for (size_t k = first_phrase_reaching(q, ns); k < q->nph && q->ph[k].start <= ns; k++) {
        const sr_actor_phrase *p = &q->ph[k];
        if (p->start <= ns && p->end >= ne && p->code && strlen(p->code) == 3)
            return 0;
    }
    return 1;
}
