/*
 * Cues: a speech verb with its speaker, its hearer and its adverbials.
 *
 * "Col. Sean Ryan said", "said Col. Sean Ryan" (inverted, after a quotation
 * or a comma), "a Turkish military source had told Reuters on Wednesday",
 * "..., saying that" (the speaker is the subject of the clause), "was quoted
 * as saying", "according to the Observatory". A negated verb ("did not
 * say") or a passive one ("was told", "is said to") is no cue.
 */
#include <string.h>

#include "quotes/quotes_internal.h"

#define HEARER_MAX 5
#define ADVERBIAL_MAX 8

static uint32_t cls(const qtext *q, uint32_t i)
{
    return q_word_class(&q->tk[i]);
}

static int is_word(const qtext *q, uint32_t i)
{
    return (q->tk[i].flags & (SR_TOK_WORD | SR_TOK_NUMBER)) != 0;
}

static int ing_form(const sr_token *t)
{
    return t->len > 4 && memcmp(t->norm + t->len - 3, "ING", 3) == 0;
}

uint32_t q_subject_end(const qtext *q, uint32_t v, uint32_t lim)
{
    int ing = ing_form(&q->tk[v]);
    uint32_t j = v;
    for (int steps = 0; j > lim && steps < 4; steps++) {
        uint32_t c = cls(q, j - 1);
        if (c & W_NEG)
            return QNONE;
        if (c & W_BE) {
            if (!ing)
                return QNONE; /* passive */
            j--;
            continue;
        }
        if (((c & W_SKIP) && !(q->tk[j - 1].flags & SR_TOK_POSS)) || q_adverb(q, j - 1)) {
            j--;
            continue;
        }
        break;
    }
    return j;
}

/* The hearer after tell, warn, ask...: "Reuters", "AP (Associated Press)",
 * "reporters", "the BBC", "him". */
static uint32_t skip_hearer(const qtext *q, uint32_t i, uint32_t lim, int needed)
{
    static const char *const objects[] = {"HIM", "HER", "THEM", "US", "ME", "YOU"};
    if (i >= lim)
        return i;
    for (size_t k = 0; k < sizeof objects / sizeof *objects; k++)
        if (q_is(q, i, objects[k]))
            return i + 1;
    uint32_t j = i, n = 0;
    if (cls(q, j) & W_DET)
        j++;
    while (j < lim && n < HEARER_MAX) {
        if (q->tk[j].flags & SR_TOK_POSS) {
            j++;
            continue;
        }
        if (q_punct(q, j, "(")) {
            uint32_t c = j + 1;
            while (c < lim && c - j < 8 && !q_punct(q, c, ")"))
                c++;
            if (c >= lim || !q_punct(q, c, ")"))
                break;
            j = c + 1;
            continue;
        }
        if ((cls(q, j) & W_PP) && n > 0 && j + 1 < lim &&
            ((cls(q, j + 1) & W_DET) || q_nounish(q, j + 1))) {
            j++; /* "his radio audience of Monday" */
            continue;
        }
        if (!q_nounish(q, j))
            break;
        j++;
        n++;
    }
    if (j == i || n == 0)
        return i;
    if (needed)
        return j;
    /* an optional hearer must lead somewhere: "warned Turkey that" */
    if (j < lim && (q_is(q, j, "THAT") || q_punct(q, j, ":") || q_punct(q, j, ",") ||
                    q_is_mark(q, j) || q_is(q, j, "WHETHER") || q_is(q, j, "IF")))
        return j;
    return i;
}

static uint32_t skip_adverbials(const qtext *q, uint32_t i, uint32_t lim)
{
    for (int rounds = 0; rounds < 4 && i < lim; rounds++) {
        uint32_t c = cls(q, i);
        if (c & W_TIME) {
            i++;
        } else if (c & W_ADVPREP) {
            uint32_t j = i + 1, n = 0;
            while (j < lim && n < ADVERBIAL_MAX) {
                if (q->tk[j].flags & SR_TOK_POSS) {
                    j++;
                    continue;
                }
                if (!is_word(q, j) || q_is(q, j, "THAT"))
                    break;
                uint32_t cj = cls(q, j);
                if (!(cj & (W_DET | W_PP))) {
                    if ((cj & (W_STOP | W_PRON)) || q_verbish(q, j) || q_speech_verb(&q->tk[j]))
                        break;
                }
                j++;
                n++;
            }
            if (j == i + 1 || n >= ADVERBIAL_MAX)
                break;
            i = j;
        } else if (q_adverb(q, i)) {
            i++;
        } else {
            break;
        }
    }
    return i;
}

uint32_t q_skip_after_verb(const qtext *q, uint32_t v, uint32_t f, uint32_t lim)
{
    uint32_t i = v + 1;
    if (f & (V_OBJ | V_OBJ_NEEDED))
        i = skip_hearer(q, i, lim, (f & V_OBJ_NEEDED) != 0);
    return skip_adverbials(q, i, lim);
}

/* "..., saying that": the speaker of the verb before it in the sentence,
 * else the subject of the clause. */
static int participle_subject(const qtext *q, uint32_t v, uint32_t lim, qnp *np)
{
    for (uint32_t u = v; u > lim;) {
        u--;
        if (q->seg[u] >= 0)
            continue;
        uint32_t f = q_speech_verb(&q->tk[u]);
        if (!f || (f & V_ING))
            continue;
        qcue c;
        if (q_cue_at(q, u, lim, &c) && c.has_who) {
            *np = c.who;
            return 1;
        }
    }
    return q_clause_subject(q, v, np);
}

static int clause_opening(const qtext *q, uint32_t i, uint32_t lim)
{
    if (i <= lim || i == q_sent_first(q, i))
        return 1;
    return !is_word(q, i - 1);
}

int q_cue_at(const qtext *q, uint32_t v, uint32_t lim, qcue *c)
{
    memset(c, 0, sizeof *c);
    c->verb = v;
    c->verb_end = v + 1;
    uint32_t se = q_sent_end(q, v);
    if (q_is(q, v, "ACCORDING")) {
        if (v + 1 >= q->n || !q_is(q, v + 1, "TO"))
            return 0;
        c->verb_end = v + 2;
        c->has_who = (uint8_t)q_np_after(q, v + 2, se, &c->who);
        c->group_end = c->has_who ? c->who.end : v + 2;
        return 1;
    }
    uint32_t f = q_speech_verb(&q->tk[v]);
    if (!f)
        return 0;
    if (f & V_ING) {
        if (v >= 2 && q_is(q, v - 1, "AS") && q_is(q, v - 2, "QUOTED")) {
            uint32_t j = v - 2;
            while (j > lim && (cls(q, j - 1) & (W_BE | W_SKIP)))
                j--;
            c->has_who = (uint8_t)q_np_before(q, j, lim, &c->who);
        } else if (v > lim && (q_punct(q, v - 1, ",") || q_is(q, v - 1, "AND") ||
                               q_punct(q, v - 1, "-") || q_is(q, v - 1, "BEFORE") ||
                               q_is(q, v - 1, "AFTER") || q_is(q, v - 1, "WHILE"))) {
            c->has_who = (uint8_t)participle_subject(q, v, q_sent_first(q, v), &c->who);
        } else {
            uint32_t e = q_subject_end(q, v, lim);
            if (e == QNONE)
                return 0;
            c->has_who = (uint8_t)q_np_before(q, e, lim, &c->who);
            /* without an auxiliary only a name may come before it ("footage
             * of Trump saying"); else a gerund or a noun: "a warning" */
            if (e == v && (!c->has_who || c->who.pronoun || !q_name_token(q, c->who.name_end - 1)))
                return 0;
        }
        c->group_end = q_skip_after_verb(q, v, f, se);
        return 1;
    }
    uint32_t e = q_subject_end(q, v, lim);
    if (e == QNONE || (e > 0 && (q->tk[e - 1].flags & SR_TOK_POSS)))
        return 0; /* "the editor's note" is a noun */
    c->has_who = (uint8_t)q_np_before(q, e, lim, &c->who);
    if (!c->has_who && e > lim && (q_is(q, e - 1, "AND") || q_is(q, e - 1, "BUT")))
        c->has_who = (uint8_t)participle_subject(q, e - 1, q_sent_first(q, v), &c->who);
    c->group_end = q_skip_after_verb(q, v, f, se);
    if (!c->has_who && e == v && clause_opening(q, v, lim)) {
        /* inverted: "“...,” said Col. Sean Ryan", "..., said the official" */
        c->has_who = (uint8_t)q_np_after(q, v + 1, se, &c->who);
        if (c->has_who) {
            c->inverted = 1;
            c->group_end = skip_adverbials(q, c->who.end, se);
        }
    }
    return 1;
}
