/*
 * Whose figure it is and who claims it, resolved against the coder's actor
 * phrases of the sentence.
 *
 * whose, by category:
 *   detained, abducted   the doer: the phrase before the cue ("Tahrir
 *                        al-Sham has arrested at least 100"), or the "by"
 *                        phrase of a passive; else the counted phrase
 *   territory_percent    the holder: the phrase before "controls"/"holds",
 *                        or inside "under ... control", or after "held by"
 *   other                the counted phrase when it is an actor ("17 armed
 *                        factions"); after "its"/"their", the sentence's
 *                        first actor (its subject); else the nearest actor
 *                        before the number (the subject of its verb)
 *   the rest             the counted people ("29 Syrian rebels were
 *                        killed"), else the owner after "of" ("members of
 *                        the Nusra Front"), else the noun the number is
 *                        said of ("the militants, who could number 7,000")
 *
 * claimant: the speech verb nearest the number in its sentence ("said",
 * "reported", "estimated", "told", "according to"); its subject (an actor
 * phrase, else the noun phrase before the verb back to its determiner: "a
 * monitor", "the Syrian Observatory for Human Rights monitor"), or the
 * phrase after it when the verb comes first ("said Observatory director
 * Rami Abdel Rahman", "according to the UN").
 */
#include <string.h>

#include "figures/figures_internal.h"

static uint32_t tstart(const fig_sent *s, uint32_t k)
{
    return s->tk[k < s->n ? k : s->n - 1].start;
}

static uint32_t tend(const fig_sent *s, uint32_t k)
{
    return s->tk[k < s->n ? k : s->n - 1].end;
}

/* The first phrase overlapping bytes [a, b). */
static const sr_actor_phrase *phrase_in(const fig_phrases *ph, uint32_t a, uint32_t b)
{
    for (size_t k = 0; k < ph->n; k++)
        if (ph->p[k].start < b && ph->p[k].end > a)
            return &ph->p[k];
    return NULL;
}

/* The first phrase starting in bytes [a, b). */
static const sr_actor_phrase *phrase_after(const fig_phrases *ph, uint32_t a, uint32_t b)
{
    for (size_t k = 0; k < ph->n; k++)
        if (ph->p[k].start >= a && ph->p[k].start < b)
            return &ph->p[k];
    return NULL;
}

/* The nearest phrase before token k that can be a subject: one that does
 * not follow a preposition ("founded by Turkey", "in Idlib"); else the
 * nearest of all. */
static const sr_actor_phrase *subject_before(const fig_sent *s, const fig_phrases *ph,
                                             uint32_t lo, uint32_t k)
{
    const sr_actor_phrase *nearest = NULL, *subject = NULL;
    uint32_t b = tstart(s, k);
    uint32_t t = 0;
    for (size_t j = 0; j < ph->n; j++) {
        const sr_actor_phrase *p = &ph->p[j];
        if (p->end > b || p->start < lo)
            continue;
        nearest = p;
        while (t < s->n && s->tk[t].start < p->start)
            t++;
        /* the word before the phrase, past a determiner */
        uint32_t w = t;
        if (w > 0 && (fig_flags(s, w - 1) & FW_DET))
            w--;
        if (w == 0 || !(fig_flags(s, w - 1) & FW_PREP))
            subject = p;
    }
    return subject ? subject : nearest;
}

static int org_noun(const fig_sent *s, uint32_t k)
{
    return fig_is(s, k, "FACTIONS") || fig_is(s, k, "GROUPS") || fig_is(s, k, "BRIGADES") ||
           fig_is(s, k, "BATTALIONS") || fig_is(s, k, "MILITIAS") || fig_is(s, k, "GANGS");
}

/* The phrase after "by" following token k ("were detained by X"). */
static const sr_actor_phrase *by_phrase(const fig_sent *s, const fig_phrases *ph, uint32_t k)
{
    for (uint32_t m = k + 1; m < s->n && m <= k + 3; m++)
        if (fig_is(s, m, "BY") && m + 1 < s->n)
            return phrase_after(ph, tstart(s, m + 1), tend(s, m + 3 < s->n ? m + 3 : s->n - 1));
    return NULL;
}

const sr_actor_phrase *fig_whose(const fig_sent *s, const fig_phrases *ph,
                                 const fig_number *num, uint32_t q, const fig_reading *r)
{
    const fig_unit *u = &r->unit;
    const sr_actor_phrase *unit = NULL, *owner = NULL, *subject = NULL;
    uint32_t sent_lo = s->tk[0].start;
    if (u->last > u->first && r->cat != FC_TERRITORY)
        unit = phrase_in(ph, tstart(s, u->first), tend(s, u->last - 1));
    if (u->owner_last > u->owner_first)
        owner = phrase_in(ph, tstart(s, u->owner_first), tend(s, u->owner_last - 1));
    if (r->subject_head >= 0)
        subject = phrase_in(ph, tstart(s, (uint32_t)r->subject_head),
                            tend(s, (uint32_t)r->subject_head));

    switch (r->cat) {
    case FC_TERRITORY: {
        if (r->cue < 0)
            return NULL;
        uint32_t c = (uint32_t)r->cue;
        if (r->cue_left)
            return subject_before(s, ph, sent_lo, c);
        if (fig_is(s, c, "UNDER"))
            return phrase_after(ph, tend(s, c), tend(s, c + 4 < s->n ? c + 4 : s->n - 1));
        /* "... is under government control": the words between */
        for (uint32_t m = num->last; m < c; m++)
            if (fig_is(s, m, "UNDER"))
                return phrase_after(ph, tend(s, m), tstart(s, c) + 1);
        return by_phrase(s, ph, c);
    }
    case FC_DETAINED:
    case FC_ABDUCTED: {
        const sr_actor_phrase *doer = NULL;
        if (r->cue >= 0 && r->cue_left)
            doer = subject_before(s, ph, sent_lo, (uint32_t)r->cue);
        else if (r->cue >= 0)
            doer = by_phrase(s, ph, (uint32_t)r->cue);
        return doer ? doer : unit;
    }
    case FC_OTHER: {
        /* the counted thing stands for its owner only when it is a group
         * ("17 armed factions"), not a thing the coder read as an agent
         * ("warships", "villages") */
        if (unit && u->head >= 0 && org_noun(s, (uint32_t)u->head) &&
            unit->end >= tend(s, (uint32_t)u->head))
            return unit;
        if (u->scan_end > 0) {
            const sr_actor_phrase *by = by_phrase(s, ph, u->scan_end - 1);
            if (by)
                return by; /* "6 shells fired by ISIS terrorists" */
        }
        if (q > 0 && (fig_is(s, q - 1, "ITS") || fig_is(s, q - 1, "THEIR") ||
                      fig_is(s, q - 1, "HIS") || fig_is(s, q - 1, "HER")))
            return phrase_after(ph, sent_lo, tstart(s, q));
        if (r->cue >= 0 && !r->cue_left) {
            const sr_actor_phrase *by = by_phrase(s, ph, (uint32_t)r->cue);
            if (by)
                return by;
        }
        /* the number as the subject ("two tanks were destroyed") has no
         * owner before it */
        uint32_t after = u->scan_end > num->last ? u->scan_end : num->last;
        if (fig_flags(s, after) & (FW_AUX | FW_MODAL))
            return NULL;
        return subject_before(s, ph, sent_lo, q);
    }
    default:
        if (unit)
            return unit;
        if (owner)
            return owner;
        return subject;
    }
}

/* ---- claimant ------------------------------------------------------------ */

static int speech_verb(const fig_sent *s, uint32_t k)
{
    if (!(fig_flags(s, k) & FW_SPEECH))
        return 0;
    if (fig_is(s, k, "ACCORDING"))
        return fig_is(s, k + 1, "TO");
    if (fig_is(s, k, "REPORTED") || fig_is(s, k, "CONFIRMED") || fig_is(s, k, "SAID") ||
        fig_is(s, k, "ESTIMATED") || fig_is(s, k, "BELIEVED")) {
        /* "were reported killed", "were said to be": a hedge, no one named */
        if (k > 0 && (fig_is(s, k - 1, "WAS") || fig_is(s, k - 1, "WERE") ||
                      fig_is(s, k - 1, "BEEN") || fig_is(s, k - 1, "BEING") ||
                      fig_is(s, k - 1, "IS") || fig_is(s, k - 1, "ARE")))
            return 0;
    }
    if (fig_is(s, k, "ESTIMATED")) {
        /* "an estimated 10,000" is a qualifier */
        if ((k > 0 && fig_is(s, k - 1, "AN")) || (k + 1 < s->n && (s->tk[k + 1].flags & SR_TOK_NUMBER)))
            return 0;
    }
    if (fig_is(s, k, "CLAIMED")) {
        /* "claimed the lives of", "claimed lives": a toll, not a claim */
        uint32_t m = fig_is(s, k + 1, "THE") ? k + 2 : k + 1;
        if (fig_is(s, m, "LIVES") || fig_is(s, m, "LIFE") || fig_is(s, k + 1, "BY"))
            return 0; /* "a blast claimed by Daesh": responsibility */
    }
    /* nouns as often as verbs: "has received reports of", "the claims" */
    if (fig_is(s, k, "REPORTS") || fig_is(s, k, "REPORT") || fig_is(s, k, "CLAIMS") ||
        fig_is(s, k, "ESTIMATES"))
        return k > 0 && (s->tk[k - 1].flags & (SR_TOK_CAP | SR_TOK_ALLCAPS)) &&
               !(fig_flags(s, k - 1) & (FW_DET | FW_PREP | FW_PRON));
    return 1;
}

/* A word that can be part of a claimant's name or title. Reading forward
 * (after "according to", "said") only "of" and "for" join names; reading
 * back from the verb also "in", "at", "with", "from" ("a source at Aleppo
 * Police Command"). */
static int name_word(const fig_sent *s, uint32_t k, int forward)
{
    const sr_token *t = &s->tk[k];
    if (!(t->flags & SR_TOK_WORD))
        return fig_is(s, k, "-") || (t->flags & SR_TOK_POSS);
    if (t->flags & SR_TOK_ALLCAPS)
        return 1; /* WHO, SOHR, AFP */
    uint32_t f = fig_flags(s, k);
    if (f & (FW_AUX | FW_MODAL | FW_REL | FW_CONJ | FW_PRON | FW_SPEECH | FW_MONTH | FW_WEEKDAY |
             FW_ADV | FW_STOP))
        return 0;
    if (s->w[k] && (s->w[k]->left || s->w[k]->right) && !(f & FW_NOUN))
        return 0;
    /* a capitalized word between capitals: "Doctors Without Borders" */
    if ((t->flags & SR_TOK_CAP) && k > 0 && k + 1 < s->n && (s->tk[k - 1].flags & SR_TOK_CAP) &&
        (s->tk[k + 1].flags & SR_TOK_CAP) && !(f & (FW_MONTH | FW_WEEKDAY)))
        return 1;
    if (f & (FW_PREP | FW_BRIDGE) && !(f & FW_NOUN)) {
        /* "Observatory for Human Rights", "a source at Aleppo Police
         * Command", "SANA's correspondent in Deir Ezzor" */
        if (!(fig_is(s, k, "FOR") || fig_is(s, k, "OF") ||
              (!forward && (fig_is(s, k, "IN") || fig_is(s, k, "AT") || fig_is(s, k, "WITH") ||
                            fig_is(s, k, "FROM")))))
            return 0;
        uint32_t next = k + 1;
        if (fig_is(s, next, "THE"))
            next++;
        return k > 0 && next < s->n && (s->tk[k - 1].flags & SR_TOK_WORD) &&
               (s->tk[next].flags & (SR_TOK_CAP | SR_TOK_ALLCAPS)) &&
               !(fig_flags(s, k - 1) & (FW_PREP | FW_DET));
    }
    return 1;
}

/* The noun phrase ending right before token v (its subject): back to its
 * determiner or 8 words. */
static int subject_span(const fig_sent *s, uint32_t v, uint32_t stop_lo, uint32_t *a, uint32_t *b)
{
    uint32_t k = v;
    while (k > stop_lo && (fig_flags(s, k - 1) & (FW_AUX | FW_ADV)) && !fig_is(s, k - 1, "NOW"))
        k--; /* "has estimated", "also said" */
    uint32_t end = k;
    fig_number num;
    while (k > stop_lo && end - k < 10) {
        if (fig_flags(s, k - 1) & FW_DET) {
            if (fig_is(s, k - 1, "THE") && k - 1 > stop_lo && fig_flags(s, k - 2) & FW_PREP &&
                name_word(s, k - 2, 0)) {
                k--; /* "the" inside "a source at the Ministry" */
                continue;
            }
            k--;
            break;
        }
        if (!name_word(s, k - 1, 0) || fig_read_number(s, k - 1, &num))
            break;
        k--;
    }
    /* never start on a preposition or "the" left over */
    while (k < end && (fig_flags(s, k) & FW_PREP))
        k++;
    /* "killed in the northern province said the Observatory": the object
     * of a preposition is not the one who speaks */
    if (k > 0 && k < end && (fig_flags(s, k - 1) & FW_PREP) && !(fig_flags(s, k - 1) & FW_NOUN))
        return 0;
    /* a phrase of only lower-case words that the table does not know is
     * more likely the end of a clause than a name ("in the fighting said") */
    int named = 0;
    for (uint32_t m = k; m < end; m++)
        if ((s->tk[m].flags & SR_TOK_CAP) || (s->tk[m].flags & SR_TOK_ALLCAPS) ||
            (fig_flags(s, m) & FW_NOUN) || !s->w[m])
            named = 1;
    if (end == k || !named)
        return 0;
    *a = k;
    *b = end;
    return 1;
}

/* The name after token v: "said Observatory director Rami Abdel Rahman". */
static int object_span(const fig_sent *s, uint32_t v, uint32_t *a, uint32_t *b)
{
    uint32_t k = v + 1;
    if (fig_flags(s, k) & FW_DET)
        k++;
    uint32_t start = k;
    while (k < s->n && k - start < 10 && !(s->tk[k].flags & SR_TOK_NUMBER) &&
           !(fig_flags(s, k) & FW_WEEKDAY)) {
        /* "director of the Syrian Observatory": "the" inside a name */
        if (fig_is(s, k, "THE") && k > start && (fig_flags(s, k - 1) & FW_PREP) &&
            k + 1 < s->n && (s->tk[k + 1].flags & SR_TOK_CAP)) {
            k++;
            continue;
        }
        if ((fig_flags(s, k) & FW_DET) || !name_word(s, k, 1))
            break;
        k++;
    }
    /* never end on a preposition: "Rami Abdel Rahman director of" */
    while (k > start && (fig_flags(s, k - 1) & (FW_PREP | FW_DET)) && !(fig_flags(s, k - 1) & FW_NOUN))
        k--;
    if (k == start)
        return 0;
    if (!(s->tk[start].flags & (SR_TOK_CAP | SR_TOK_ALLCAPS)) && !(fig_flags(s, start) & FW_NOUN) &&
        !(fig_flags(s, start) & FW_BRIDGE))
        return 0;
    *a = start > v + 1 && (fig_flags(s, v + 1) & FW_DET) ? v + 1 : start;
    *b = k;
    return 1;
}

const sr_actor_phrase *fig_claimant(const fig_sent *s, const fig_phrases *ph,
                                    uint32_t num_first, uint32_t num_last,
                                    const fig_unit *unit, uint32_t *start, uint32_t *end)
{
    *start = *end = 0;
    int32_t best = -1;
    uint32_t best_dist = UINT32_MAX;
    for (uint32_t k = 0; k < s->n; k++) {
        if (!speech_verb(s, k))
            continue;
        uint32_t d = k < num_first ? num_first - k : k - num_last;
        if (d < best_dist) {
            best_dist = d;
            best = (int32_t)k;
        }
    }
    if (best < 0)
        return NULL;
    uint32_t v = (uint32_t)best, a = 0, b = 0;
    /* never the counted people themselves ("two soldiers said ...") */
    uint32_t counted_end = unit->last > unit->first ? unit->last : num_last;
    uint32_t lo = v > num_first && counted_end <= v ? counted_end : 0;
    int found = 0;
    if (fig_is(s, v, "ACCORDING")) {
        found = object_span(s, v + 1, &a, &b);
    } else {
        uint32_t before = v;
        while (before > 0 && (fig_flags(s, before - 1) & (FW_AUX | FW_ADV)))
            before--;
        /* "It said ...", "he told": a pronoun, whose name is elsewhere */
        if (before > 0 && (fig_flags(s, before - 1) & FW_PRON))
            return NULL;
        int inverted = v > 0 && ((s->tk[v - 1].flags & (SR_TOK_QUOTE | SR_TOK_PUNCT)) ||
                                 (v > num_first && v - 1 < counted_end));
        if (!inverted)
            found = subject_span(s, v, lo, &a, &b);
        /* the words after "told" are who was told */
        if (!found && !fig_is(s, v, "TOLD"))
            found = object_span(s, v, &a, &b);
    }
    if (!found)
        return NULL;
    *start = tstart(s, a);
    *end = tend(s, b - 1);
    /* the coded phrase among those words; the nearest to the verb */
    const sr_actor_phrase *p = NULL;
    for (size_t k = 0; k < ph->n; k++)
        if (ph->p[k].start < *end && ph->p[k].end > *start) {
            if (!p || (b <= v ? ph->p[k].end > p->end : 0))
                p = &ph->p[k];
        }
    return p;
}
