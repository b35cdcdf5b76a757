/*
 * Direct quotations: each quoted stretch (with the stretches that carry it
 * on over paragraphs) becomes a quotation, and finds its speech verb:
 *
 *   before it, across a colon or comma: X said: “...”   X told Reuters, “...”
 *   after it:   “...,” said X   “...,” X said   “...?” X asked
 *               (with no comma only a quotation of MIN_WORDS words or more)
 *   before it, bare or with "that", when the quotation ends the sentence
 *   (or, after "that", its clause): X said “...”.   X declared that “...”.
 *   "called the rebels “a festering abscess”" (V_NAMING verbs, an object)
 *   a name before a colon or dash opening the sentence, or after a dash
 *   closing it: Pamela Padilla: “...”   “...” ― Pamela Padilla
 *
 * A verb followed by a colon points forward, so "“A,” it wrote: “B”" gives
 * "wrote" to B. A quotation without a verb of its own continues the
 * speaker of the quotation before it: in the same paragraph when it comes
 * within CARRY_SENTENCES sentences and nobody else speaks between, or when
 * it opens the paragraph after the one that quotation ended. When only
 * punctuation lies between the two ("“A,” he said. “B.”") it is the same
 * quotation resumed, and becomes its next part. What is left unattributed
 * is kept only when it has at least MIN_WORDS words: shorter ones are scare
 * quotes and terms, as are epithets a V_NAMING verb introduces ("called
 * him a “bully”"). A name or title is no quotation at all: right after
 * "titled", "dubbed", "the slogan", "called" (nothing between), or in title
 * case after a possessive, a preposition or an article (CBS's “Face the
 * Nation”).
 */
#include <string.h>

#include "quotes/quotes_internal.h"

#define MIN_WORDS 4
#define BACK_COLON 14 /* tokens from the verb to a colon: "said in a statement on ...:" */
#define BACK_COMMA 8
#define AFTER_MAX 25  /* tokens from the closing mark to the verb */
#define CARRY_SENTENCES 2

enum { K_COLON, K_COMMA, K_THAT, K_BARE };

static uint32_t cls(const qtext *q, uint32_t i)
{
    return q_word_class(&q->tk[i]);
}

static void append_part(qtext *q, qunit *u, sr_quote_part part)
{
    if (u->nparts == u->cap) {
        size_t cap = u->cap ? u->cap * 2 : 2;
        sr_quote_part *v = sr_arena_alloc(q->arena, cap * sizeof *v);
        if (u->nparts)
            memcpy(v, u->parts, u->nparts * sizeof *v);
        u->parts = v;
        u->cap = cap;
    }
    u->parts[u->nparts++] = part;
}

void q_unit_add_part(qtext *q, qunit *u, uint32_t first, uint32_t end)
{
    /* the comma or colon before the closing mark is not quoted words */
    while (end > first && (q_punct(q, end - 1, ",") || q_punct(q, end - 1, ";") ||
                           q_punct(q, end - 1, ":") || q_punct(q, end - 1, "-")))
        end--;
    if (end <= first)
        return;
    append_part(q, u, (sr_quote_part){q->tk[first].start, q->tk[end - 1].end});
    if (u->nparts == 1)
        u->first_tok = first;
    u->last_tok = end - 1;
    for (uint32_t i = first; i < end; i++)
        u->words += (q->tk[i].flags & SR_TOK_WORD) != 0;
}

/* "“A,” he said. “B.”": B is A resumed, and becomes its next part. */
static void resume(qtext *q, qunit *prev, qunit *x)
{
    for (size_t p = 0; p < x->nparts; p++)
        append_part(q, prev, x->parts[p]);
    prev->words += x->words;
    prev->last_tok = x->last_tok;
    prev->close_tok = x->close_tok;
    prev->tail = x->tail;
    x->dropped = 1;
}

/* The quotation closes its sentence: “...”. or “... .” */
static int ends_sentence(const qtext *q, const qunit *x)
{
    uint32_t c = x->close_tok;
    if (c == QNONE || c + 1 >= q->n)
        return 1;
    if (q_sentence_end(q, c - 1) || q_sentence_end(q, c + 1) || q_punct(q, c + 1, ";"))
        return 1;
    return q->sent[c + 1] != q->sent[c];
}

/* "reported that “...,” identifying ...": the quotation is the clause */
static int ends_clause(const qtext *q, const qunit *x)
{
    uint32_t c = x->close_tok;
    if (ends_sentence(q, x))
        return 1;
    return q_punct(q, c + 1, ",") || q_punct(q, c + 1, "-") || q_punct(q, c - 1, ",");
}

/* With V_NAMING verbs the quotation names what the object is called:
 * "called the rebels “a festering abscess”", "described it as “...”". */
static uint32_t naming_object_end(const qtext *q, uint32_t v, uint32_t lim)
{
    uint32_t i = v + 1;
    for (uint32_t n = 0; i < lim && n < 6; n++) {
        if (!q_nounish(q, i) && !(cls(q, i) & (W_DET | W_PRON)) &&
            !(q->tk[i].flags & SR_TOK_POSS))
            break;
        i++;
    }
    if (i == v + 1)
        return QNONE;
    if (i < lim && q_is(q, i, "AS"))
        i++;
    return i;
}

static int cue_before(qtext *q, qunit *x, int with_punct, const uint8_t *used)
{
    uint32_t o = x->open_tok;
    if (o == 0)
        return 0;
    uint32_t p = o - 1;
    int kind;
    if (with_punct) {
        if (q_punct(q, p, ":"))
            kind = K_COLON;
        else if (q_punct(q, p, ","))
            kind = K_COMMA;
        else
            return 0;
    } else {
        kind = q_is(q, p, "THAT") ? K_THAT : K_BARE;
    }
    uint32_t j = kind == K_BARE ? o : p; /* where the verb's group must end */
    if (j == 0)
        return 0;
    uint32_t lim = q_sent_first(q, j - 1);
    uint32_t back = kind == K_COLON ? BACK_COLON : kind == K_BARE ? 8 : BACK_COMMA;
    for (uint32_t v = j; v > lim && j - v < back;) {
        v--;
        if (q->seg[v] >= 0 || used[v])
            break;
        int according = q_is(q, v, "ACCORDING");
        uint32_t f = according ? 0 : q_speech_verb(&q->tk[v]);
        if (!f && !according)
            continue;
        qcue c;
        if (!q_cue_at(q, v, lim, &c))
            continue;
        uint32_t ge = c.group_end;
        if ((f & V_NAMING) && kind == K_BARE)
            ge = naming_object_end(q, v, j);
        if (ge != j)
            continue;
        if (kind == K_BARE && !ends_sentence(q, x) && !(f & V_NAMING))
            return 0; /* a quoted fragment of reported speech */
        if (kind == K_THAT && !ends_clause(q, x))
            return 0;
        x->cue = c;
        return 1;
    }
    return 0;
}

/* “...” ― Pamela Padilla: a name after a dash closes the paragraph or
 * the sentence (readers' comments, epigraphs). */
static int dash_name_after(qtext *q, qunit *x)
{
    uint32_t c = x->close_tok;
    if (c == QNONE || c + 2 >= q->n || !q_punct(q, c + 1, "-") || q->para[c + 2] != q->para[c])
        return 0;
    qnp np;
    if (!q_np_after(q, c + 2, q_sent_end(q, c + 2), &np) || np.pronoun ||
        !q_name_token(q, np.name_end - 1))
        return 0;
    uint32_t e = np.end;
    if (e < q->n && q->para[e] == q->para[c] && q->sent[e] == q->sent[c + 2] &&
        !q_sentence_end(q, e) && !q_is_mark(q, e))
        return 0;
    x->cue.verb = QNONE;
    x->cue.who = np;
    x->cue.has_who = 1;
    x->tail = e - 1;
    return 1;
}

static int cue_after(qtext *q, qunit *x, const uint8_t *used)
{
    uint32_t c = x->close_tok;
    if (c == QNONE || c + 1 >= q->n)
        return 0;
    uint32_t i = c + 1, l = c - 1;
    while (l > x->open_tok && q_is_mark(q, l)) /* ,’” */
        l--;
    int inside = q_punct(q, l, ",") || q_punct(q, l, "?") || q_punct(q, l, "!") ||
                 q_punct(q, l, "-") || q_punct(q, l, "...");
    int outside = q_punct(q, i, ",");
    /* without the comma (text stripped of its punctuation) only a whole
     * utterance: “... nerve agents” WHO said */
    if (!inside && !outside && (x->words < MIN_WORDS || q_sentence_end(q, l)))
        return 0;
    if (outside)
        i++;
    if (i >= q->n || q->para[i] != q->para[c])
        return 0;
    for (uint32_t v = i; v < q->n && v < i + AFTER_MAX; v++) {
        if (q->para[v] != q->para[c] || q->seg[v] >= 0 || q_punct(q, v, ";") ||
            q_punct(q, v, ":") || q->sent[v] != q->sent[i])
            break;
        int according = q_is(q, v, "ACCORDING");
        if (!according && !q_speech_verb(&q->tk[v]))
            continue;
        if (used[v])
            break;
        qcue cue;
        if (!q_cue_at(q, v, i, &cue))
            continue;
        if (according || cue.inverted) {
            if (v != i)
                break;
        } else if (!cue.has_who || cue.who.start != i) {
            break;
        }
        uint32_t g = cue.group_end;
        if (g < q->n && q_punct(q, g, ":"))
            return 0; /* it introduces the next quotation */
        x->cue = cue;
        x->tail = g > 0 ? g - 1 : g;
        return 1;
    }
    return 0;
}

static int name_layout(qtext *q, qunit *x)
{
    uint32_t o = x->open_tok;
    if (o < 2)
        return 0;
    uint32_t p = o - 1;
    if (!q_punct(q, p, ":") && !q_punct(q, p, "-"))
        return 0;
    uint32_t s = q_sent_first(q, p);
    qnp np;
    if (!q_np_before(q, p, s, &np) || np.pronoun || np.start != s ||
        !q_name_token(q, np.name_end - 1))
        return 0;
    x->cue.verb = QNONE;
    x->cue.who = np;
    x->cue.has_who = 1;
    return 1;
}

/* Every word capitalized but the small ones: "Face the Nation". */
static int title_case(const qtext *q, const qunit *x)
{
    static const char *const small[] = {"A",  "AN", "AND", "ARE", "AS", "AT", "BY", "FOR",
                                        "FROM", "IN", "IS", "OF", "ON", "OR", "THE", "TO", "WITH"};
    uint32_t caps = 0;
    for (uint32_t i = x->first_tok; i <= x->last_tok; i++) {
        const sr_token *t = &q->tk[i];
        if (!(t->flags & SR_TOK_WORD) || (t->flags & SR_TOK_POSS))
            continue;
        if (t->flags & SR_TOK_CAP) {
            caps++;
            continue;
        }
        size_t k = 0;
        while (k < sizeof small / sizeof *small && strcmp(t->norm, small[k]) != 0)
            k++;
        if (k == sizeof small / sizeof *small)
            return 0;
    }
    return caps >= 2;
}

/* A name or a title rather than words said: right after "titled",
 * "dubbed", "the slogan", "called" (nothing between), or in title case
 * after a possessive, a preposition or an article: CBS's “Face the
 * Nation”, in “The Art of the Deal”. */
static int is_name(const qtext *q, const qunit *x)
{
    uint32_t o = x->open_tok;
    if (o == 0)
        return 0;
    uint32_t p = o - 1;
    if (cls(q, p) & W_NAMING)
        return 1;
    if (q_speech_verb(&q->tk[p]) & V_NAMING)
        return 1;
    if (o >= 2 && q_is(q, p, "AS") && (cls(q, p - 1) & W_NAMING))
        return 1;
    return ((q->tk[p].flags & SR_TOK_POSS) || (cls(q, p) & (W_PP | W_ADVPREP | W_DET))) &&
           title_case(q, x);
}

/* Someone else speaks at token i: a speech verb with a named speaker
 * other than who. */
static int other_speaker(const qtext *q, uint32_t i, const qcue *who)
{
    if (q->seg[i] >= 0 || (!q_speech_verb(&q->tk[i]) && !q_is(q, i, "ACCORDING")))
        return 0;
    qcue c;
    if (!q_cue_at(q, i, q_sent_first(q, i), &c) || !c.has_who || c.who.pronoun)
        return 0;
    if (!who->has_who || who->who.pronoun)
        return 1;
    return strcmp(q->tk[c.who.name_end - 1].norm, q->tk[who->who.name_end - 1].norm) != 0;
}

/* The quotation x, without a verb of its own, may go on the speaker of
 * prev: in the same paragraph, within CARRY_SENTENCES and with nobody
 * else speaking between them, or opening the paragraph after the one
 * prev ended. */
static int carries_on(const qtext *q, const qunit *prev, const qunit *x)
{
    uint32_t o = x->open_tok, t = prev->tail;
    if (q->para[o] == q->para[t]) {
        if (q->sent[o] - q->sent[t] > CARRY_SENTENCES)
            return 0;
        for (uint32_t i = t + 1; i < o; i++)
            if (other_speaker(q, i, &prev->cue))
                return 0;
        return 1;
    }
    return (q->tk[o].flags & SR_TOK_PARA) && q->para[t] + 1 == q->para[o] &&
           q->sent[t] == q->sent[o - 1];
}

/* Only punctuation lies between prev (with its attribution) and x. */
static int resumes(const qtext *q, const qunit *prev, const qunit *x)
{
    if (q->para[x->open_tok] != q->para[prev->tail])
        return 0;
    for (uint32_t i = prev->tail + 1; i < x->open_tok; i++)
        if (!(q->tk[i].flags & SR_TOK_PUNCT) || q_is_mark(q, i))
            return 0;
    return 1;
}

static void mark_used(const qcue *c, uint8_t *used)
{
    if (c->verb == QNONE)
        return;
    for (uint32_t i = c->verb; i < c->verb_end; i++)
        used[i] = 1;
}

size_t q_direct_units(qtext *q, const qseg *segs, size_t nsegs, uint8_t *used, qunit **out)
{
    qunit *u = sr_arena_calloc(q->arena, nsegs ? nsegs : 1, sizeof *u);
    size_t nu = 0;
    for (size_t k = 0; k < nsegs; k++) {
        if (segs[k].continued)
            continue;
        qunit *x = &u[nu++];
        x->direct = 1;
        x->cue.verb = QNONE;
        x->open_tok = segs[k].open;
        uint32_t last_end = segs[k].end;
        for (int32_t j = (int32_t)k; j >= 0; j = segs[j].next) {
            q_unit_add_part(q, x, segs[j].first, segs[j].end);
            x->close_tok = segs[j].close;
            last_end = segs[j].end;
        }
        x->sentence = q->sent[segs[k].first];
        x->tail = x->close_tok != QNONE ? x->close_tok : last_end - 1;
        if (x->nparts == 0)
            x->dropped = 1;
    }

    qunit *prev = NULL;
    for (size_t k = 0; k < nu; k++) {
        qunit *x = &u[k];
        if (x->dropped)
            continue;
        if (is_name(q, x)) {
            x->dropped = 1;
            continue;
        }
        if (cue_before(q, x, 1, used) || cue_after(q, x, used) || cue_before(q, x, 0, used) ||
            name_layout(q, x) || dash_name_after(q, x)) {
            mark_used(&x->cue, used);
            /* "called him a “bully”": an epithet, not a statement */
            if (x->cue.verb != QNONE && (q_speech_verb(&q->tk[x->cue.verb]) & V_NAMING) &&
                x->words < MIN_WORDS)
                x->dropped = 1;
            else
                prev = x;
            continue;
        }
        /* open to the end of its paragraph with nobody saying it: a stray
         * mark more likely than a quotation */
        if (x->close_tok == QNONE) {
            x->dropped = 1;
            continue;
        }
        if (prev && carries_on(q, prev, x)) {
            if (resumes(q, prev, x)) {
                resume(q, prev, x);
            } else if (x->words >= MIN_WORDS) {
                x->cue = prev->cue;
                x->cue.verb = QNONE;
                x->carried = 1;
                prev = x;
            } else {
                x->dropped = 1;
            }
            continue;
        }
        if (x->words < MIN_WORDS)
            x->dropped = 1;
    }
    *out = u;
    return nu;
}
