/*
 * What a number counts, from (strongest first):
 *
 *   a cue after the counted phrase with an auxiliary ("29 Syrian rebels
 *   were killed", "dozens have been abducted"), past coordinated counts
 *   and asides ("10 children and 13 rebels were among 48 people
 *   executed", "six civilians including a child were among ...");
 *   a cue before the number ("killed at least 10", "the death toll rose
 *   to 85", "the displacement of nearly one million people");
 *   a cue right after the counted phrase ("22 people killed in ...");
 *   the counted noun itself ("7,000 militants", "2.5 million civilians",
 *   "12 military posts").
 *
 * (A count listed after another takes its category in find.c.)
 * Percentages count only as a share of territory: a place after "of" and a
 * word of control nearby ("controls 60 per cent of Idlib", "65 per cent of
 * Syria is under government control").
 */
#include <string.h>

#include "figures/figures_internal.h"

#define UNIT_MAX 7

static int is_punct(const fig_sent *s, uint32_t k)
{
    return k < s->n && (s->tk[k].flags & SR_TOK_PUNCT) && !fig_is(s, k, "-");
}

static int is_number_start(const fig_sent *s, uint32_t k)
{
    fig_number n;
    return k < s->n && fig_read_number(s, k, &n);
}

/* "members of the Nusra Front": the owner phrase after "of". */
static void read_owner(const fig_sent *s, uint32_t k, fig_unit *u)
{
    if (fig_flags(s, k) & (FW_DET | FW_PRON))
        k++;
    uint32_t start = k;
    while (k < s->n && k - start < 6 && (s->tk[k].flags & SR_TOK_WORD) &&
           !(fig_flags(s, k) & (FW_AUX | FW_MODAL | FW_PREP | FW_CONJ | FW_REL | FW_SPEECH)) &&
           !(s->w[k] && s->w[k]->right))
        k++;
    if (k > start) {
        u->owner_first = start;
        u->owner_last = k;
    }
}

/* The counted phrase starting at j: adjectives and names, then the head
 * noun ("29 Syrian rebels", "12 military posts", "dozens of people"). */
static void read_unit(const fig_sent *s, uint32_t j, fig_unit *u)
{
    memset(u, 0, sizeof *u);
    u->head = -1;
    u->first = u->last = u->scan_end = j;
    if (fig_is(s, j, "OF")) {
        j++;
        if (fig_is(s, j, "THEM") || fig_is(s, j, "WHOM") || fig_is(s, j, "US")) {
            u->first = u->last = u->scan_end = j + 1;
            return;
        }
        if (fig_flags(s, j) & (FW_DET | FW_PRON))
            j++;
    }
    uint32_t k = j;
    int words_before_head = 0;
    u->first = j;
    while (k < s->n && k - j < UNIT_MAX) {
        const sr_token *t = &s->tk[k];
        uint32_t f = fig_flags(s, k);
        if (is_punct(s, k) || (t->flags & SR_TOK_NUMBER))
            break;
        if (fig_is(s, k, "AND") && k + 1 < s->n && !is_number_start(s, k + 1) &&
            (s->tk[k + 1].flags & SR_TOK_WORD) &&
            !(fig_flags(s, k + 1) & (FW_DET | FW_PRON | FW_PREP | FW_AUX | FW_MODAL | FW_REL)) &&
            !(s->w[k + 1] && (s->w[k + 1]->left || s->w[k + 1]->right) &&
              !(fig_flags(s, k + 1) & FW_NOUN)) &&
            (u->head < 0 || (fig_flags(s, k + 1) & FW_NOUN))) {
            k++; /* "soldiers and fighters", "regime and rebel fighters" */
            continue;
        }
        if (fig_is(s, k, "OF") && u->head >= 0) {
            read_owner(s, k + 1, u);
            break;
        }
        if (f & (FW_AUX | FW_MODAL | FW_PREP | FW_CONJ | FW_REL | FW_DET | FW_PRON | FW_STOP |
                 FW_SPEECH | FW_MONTH | FW_WEEKDAY | FW_TIME_UNIT | FW_MEASURE | FW_MONEY |
                 FW_INCLUDE))
            break;
        /* "Britons shot dead"; but "mainly fundamentalist factions" */
        if ((f & FW_ADV) && (u->head >= 0 || !(fig_is(s, k, "MAINLY") || fig_is(s, k, "MOSTLY"))))
            break;
        if (s->w[k] && (s->w[k]->left || s->w[k]->right) && !(f & FW_NOUN))
            break; /* a cue: "22 people killed" */
        if (f & FW_NOUN) {
            if (u->head >= 0 && s->w[k]->right)
                break; /* "Rebels Dead": the cue, not a compound */
            u->head = (int32_t)k;
            k++;
            continue;
        }
        if (u->head >= 0 || !(t->flags & SR_TOK_WORD) || ++words_before_head > 4)
            break;
        k++;
    }
    u->last = u->head >= 0 ? (uint32_t)u->head + 1 : k;
    u->scan_end = u->last;
    if (u->head < 0 && u->last > u->first) {
        /* no known noun: keep the words only when they end like a plural
         * ("three paramedics") so the record shows what was counted */
        const sr_token *t = &s->tk[u->last - 1];
        if (t->len < 4 || t->norm[t->len - 1] != 'S' || t->norm[t->len - 2] == 'S')
            u->last = u->first;
    }
}

/* also, reportedly, and words in -ly the table does not know ("summarily") */
static int adverb(const fig_sent *s, uint32_t k)
{
    if (fig_flags(s, k) & FW_ADV)
        return 1;
    const sr_token *t = &s->tk[k];
    return !s->w[k] && t->len > 4 && (t->flags & SR_TOK_WORD) && !(t->flags & SR_TOK_CAP) &&
           t->norm[t->len - 2] == 'L' && t->norm[t->len - 1] == 'Y';
}

static int right_cue_at(const fig_sent *s, uint32_t k)
{
    return k < s->n && s->w[k] && s->w[k]->right && !(fig_flags(s, k) & FW_NOUN);
}

/* "73 civilians mostly women and children were killed", "412 people more
 * than half of them from ISIS have been killed": the auxiliary or cue a few
 * words on, when nothing that starts a clause of its own is in between. */
static uint32_t look_ahead(const fig_sent *s, uint32_t k)
{
    for (uint32_t e = k; e < s->n && e < k + 9; e++) {
        if (fig_flags(s, e) & (FW_AUX | FW_MODAL))
            return e;
        if (right_cue_at(s, e))
            return e;
        if ((is_punct(s, e) && !fig_is(s, e, ",") && !fig_is(s, e, "(") && !fig_is(s, e, ")")) ||
            (fig_flags(s, e) & (FW_SPEECH | FW_REL | FW_PRESENCE)) ||
            is_number_start(s, e) || (s->w[e] && s->w[e]->left))
            break;
    }
    return k;
}

/* A coordinated count or an aside after the counted phrase: returns where
 * the verb phrase should start, or k itself. */
static uint32_t skip_additions(const fig_sent *s, uint32_t k, int counted)
{
    for (int round = 0; round < 3 && k < s->n; round++) {
        uint32_t m = k;
        if (fig_is(s, m, "AND") || fig_is(s, m, "OR") || fig_is(s, m, ",")) {
            m++;
            fig_qualifier q;
            if (fig_qualifier_at(s, m, &q))
                m = q.last;
            fig_number n;
            if (m < s->n && fig_read_number(s, m, &n)) {
                fig_unit u;
                read_unit(s, n.last, &u);
                k = u.scan_end > n.last ? u.scan_end : n.last;
                continue;
            }
            break;
        }
        if ((fig_flags(s, m) & FW_INCLUDE) || fig_is(s, m, "(") || fig_is(s, m, ",") ||
            fig_is(s, m, "-")) {
            /* "including a child", "among them 26 minors": to the auxiliary */
            for (uint32_t e = m + 1; e < s->n && e <= m + 8; e++) {
                if ((fig_flags(s, e) & (FW_AUX | FW_MODAL)) || right_cue_at(s, e)) {
                    k = e;
                    goto next;
                }
                if (is_punct(s, e) && !fig_is(s, e, ")") && !fig_is(s, e, ",") &&
                    !fig_is(s, e, "-"))
                    break;
            }
            break;
        }
        break;
    next:;
    }
    uint32_t e = k;
    while (e < s->n && adverb(s, e))
        e++;
    if (counted && e < s->n && !(fig_flags(s, e) & (FW_AUX | FW_MODAL)) && !right_cue_at(s, e) &&
        !(fig_flags(s, e) & FW_PRESENCE))
        k = look_ahead(s, k);
    return k;
}

/* After a cue with no auxiliary, an object means the counted people did
 * the act: "two gunmen killed a policeman". */
static int active_voice(const fig_sent *s, uint32_t cue)
{
    uint32_t k = cue + 1;
    if (k >= s->n || fig_is(s, k, "THIS") || fig_is(s, k, "EACH") || fig_is(s, k, "EVERY"))
        return 0;
    /* "3 Civilians Killed 38 Injured", "Eight civilians killed others
     * injured": a headline's list of passives */
    for (uint32_t m = k + 1; m < s->n && m <= k + 4; m++)
        if (right_cue_at(s, m))
            return 0;
    return is_number_start(s, k) || (fig_flags(s, k) & (FW_DET | FW_PRON | FW_PERSON)) != 0;
}

static int right_cue_word(const fig_sent *s, uint32_t k, int32_t *cue)
{
    if (k >= s->n)
        return FC_NONE;
    /* "lost their lives", "taken hostage" */
    if (fig_is(s, k, "LOST") && (fig_flags(s, k + 1) & FW_PRON) && fig_is(s, k + 2, "LIVES")) {
        *cue = (int32_t)k;
        return FC_KILLED;
    }
    if (fig_is(s, k, "TAKEN") && k + 1 < s->n) {
        const fig_word *w = s->w[k + 1];
        if (w && (w->unit == FC_ABDUCTED || w->unit == FC_DETAINED) && (w->flags & FW_PERSON)) {
            *cue = (int32_t)k;
            return w->unit;
        }
    }
    if (s->w[k] && s->w[k]->right) {
        *cue = (int32_t)k;
        return s->w[k]->right;
    }
    return FC_NONE;
}

/* The cue after the counted phrase that ends at k. */
static int right_cue(const fig_sent *s, uint32_t k, int counted, int32_t *cue, int *aux,
                     int *presence)
{
    k = skip_additions(s, k, counted);
    int naux = 0, steps = 0;
    while (k < s->n && steps < 6) {
        uint32_t f = fig_flags(s, k);
        if (f & (FW_AUX | FW_MODAL)) {
            naux++;
        } else if (adverb(s, k)) {
            /* also, reportedly, summarily, shot (dead) */
        } else if (fig_is(s, k, "TO") && (fig_is(s, k + 1, "BE") || fig_is(s, k + 1, "HAVE") ||
                                          (k + 1 < s->n && s->w[k + 1] && s->w[k + 1]->right))) {
            /* "were said to be", "were forced to flee" */
        } else if (fig_is(s, k, "NOT") || fig_is(s, k, "N'T")) {
            return FC_NONE; /* "were not killed" */
        } else {
            break;
        }
        k++;
        steps++;
    }
    *aux = naux > 0;
    if (k < s->n && (fig_flags(s, k) & FW_PRESENCE)) {
        *presence = 1;
        *cue = (int32_t)k;
        return FC_NONE;
    }
    /* "were among at least 22 people killed", "were among the dead" */
    if (naux && fig_is(s, k, "AMONG")) {
        uint32_t m = k + 1;
        if (fig_is(s, m, "THE")) {
            int c = right_cue_word(s, m + 1, cue);
            if (!c && m + 1 < s->n && s->w[m + 1] && s->w[m + 1]->unit == FC_KILLED) {
                *cue = (int32_t)(m + 1);
                c = FC_KILLED;
            }
            return c;
        }
        fig_qualifier q;
        if (fig_qualifier_at(s, m, &q))
            m = q.last;
        fig_number n;
        if (!fig_read_number(s, m, &n))
            return FC_NONE;
        fig_unit u;
        read_unit(s, n.last, &u);
        m = u.scan_end > n.last ? u.scan_end : n.last;
        if (fig_flags(s, m) & FW_REL) {
            m++;
            while (m < s->n && (fig_flags(s, m) & (FW_AUX | FW_ADV)))
                m++;
        }
        return right_cue_word(s, m, cue);
    }
    int c = right_cue_word(s, k, cue);
    /* only verbs that take the counted people as object can be active:
     * "two gunmen killed a policeman", not "thousands fled the fighting" */
    if (c && !naux && s->w[*cue] && s->w[*cue]->left && active_voice(s, (uint32_t)*cue))
        return FC_NONE;
    if (c) {
        /* "were rounded up and executed": the last of the acts */
        uint32_t m = (uint32_t)*cue + 1;
        if (fig_is(s, m, "UP"))
            m++;
        if (fig_is(s, m, "AND")) {
            m++;
            while (m < s->n && adverb(s, m))
                m++;
            int32_t cue2;
            int c2 = right_cue_at(s, m) ? right_cue_word(s, m, &cue2) : FC_NONE;
            if (c2) {
                *cue = cue2;
                c = c2;
            }
        }
    }
    return c;
}

/* "the death toll from the raid rose to 115", "death toll ... has reached
 * at least 126": a toll some words before its verb. */
static int toll_before(const fig_sent *s, uint32_t k, int32_t *cue)
{
    for (uint32_t m = k; m > 0 && k - m < 16; m--) {
        uint32_t j = m - 1;
        if (is_punct(s, j) || (fig_flags(s, j) & (FW_SPEECH | FW_REL)) ||
            (s->tk[j].flags & SR_TOK_NUMBER))
            return FC_NONE;
        if (fig_is(s, j, "TOLL") || fig_is(s, j, "TOLLS")) {
            *cue = (int32_t)j;
            return FC_KILLED;
        }
    }
    return FC_NONE;
}

static int toll_verb(const fig_sent *s, uint32_t k)
{
    static const char *const verbs[] = {"ROSE", "RISEN", "RISES", "RISE", "RISING",
                                        "REACHED", "REACHES", "CLIMBED", "CLIMBS", "STOOD",
                                        "STANDS", "JUMPED", "INCREASED", "IS", "WAS", "HIT"};
    for (size_t v = 0; v < sizeof verbs / sizeof verbs[0]; v++)
        if (fig_is(s, k, verbs[v]))
            return 1;
    return 0;
}

/* kill, arrest, kidnap: not killed, killing, kills */
static int base_form(const sr_token *t)
{
    const char *w = t->norm;
    size_t n = t->len;
    return !(n > 3 && (strcmp(w + n - 3, "ING") == 0 || strcmp(w + n - 2, "ED") == 0 ||
                       w[n - 1] == 'S'));
}

static int took_lives(const fig_sent *s, uint32_t lives)
{
    static const char *const verbs[] = {"CLAIMED", "CLAIMING", "CLAIMS", "CLAIM", "COST",
                                        "COSTING", "COSTS", "TOOK", "TAKEN", "TAKING",
                                        "TAKES", "ENDED", "LOST", "SNUFFED"};
    if (lives < 2)
        return 0;
    /* "claimed the lives", "cost their lives", "claimed lives" */
    for (size_t k = 0; k < sizeof verbs / sizeof verbs[0]; k++)
        if (fig_is(s, lives - 2, verbs[k]) || fig_is(s, lives - 1, verbs[k]))
            return 1;
    return 0;
}

/* The cue before the number (q is the first token of its qualifier). */
static int left_cue(const fig_sent *s, uint32_t q, int32_t *cue)
{
    uint32_t k = q;
    /* "those killed included six women", "the dead were 20 civilians" */
    if (q >= 3 && (fig_is(s, q - 1, "INCLUDED") || fig_is(s, q - 1, "INCLUDE") ||
                   fig_is(s, q - 1, "INCLUDES") || fig_is(s, q - 1, "WERE")) &&
        (fig_is(s, q - 3, "THOSE") || fig_is(s, q - 3, "THE")) && s->w[q - 2] &&
        s->w[q - 2]->right) {
        *cue = (int32_t)(q - 2);
        return s->w[q - 2]->right;
    }
    for (int steps = 0; k > 0 && steps < 6; steps++) {
        k--;
        const fig_word *w = s->w[k];
        if (w && toll_verb(s, k) && !w->left) {
            int c = toll_before(s, k, cue);
            if (c)
                return c;
        }
        if (!w)
            return FC_NONE;
        if (w->left) {
            int need_of = fig_is(s, k, "LIVES") || fig_is(s, k, "POPULATION") ||
                          fig_is(s, k, "PRESENCE") || fig_is(s, k, "DEATH") ||
                          fig_is(s, k, "DEATHS") || fig_is(s, k, "BODIES") ||
                          fig_is(s, k, "CORPSES") || fig_is(s, k, "INJURIES");
            if (need_of && !fig_is(s, k + 1, "OF"))
                return FC_NONE;
            /* "claimed the lives of", not "to save the lives of" */
            if (fig_is(s, k, "LIVES") && !took_lives(s, k))
                return FC_NONE;
            /* "threatening to kill", "would kill": not done */
            if (k > 0 && base_form(&s->tk[k]) &&
                (fig_is(s, k - 1, "TO") || (fig_flags(s, k - 1) & FW_MODAL)))
                return FC_NONE;
            if (fig_is(s, k, "HOME") && !fig_is(s, k + 1, "TO"))
                return FC_NONE;
            *cue = (int32_t)k;
            return w->left;
        }
        if (!(w->flags & FW_BRIDGE))
            return FC_NONE;
    }
    return FC_NONE;
}

/* "the militants, who could number 7,000": the noun the number is said of. */
static int32_t subject_of_number(const fig_sent *s, uint32_t q, uint32_t num_first)
{
    uint32_t k;
    if (q < num_first && fig_is(s, num_first - 1, "NUMBER"))
        k = q; /* the qualifier "could number" */
    else if (num_first > 0 && (fig_is(s, num_first - 1, "NUMBER") ||
                               fig_is(s, num_first - 1, "NUMBERED") ||
                               fig_is(s, num_first - 1, "NUMBERING") ||
                               fig_is(s, num_first - 1, "TOTAL")) &&
             !fig_is(s, num_first - 2, "THE") && !fig_is(s, num_first - 2, "A"))
        k = num_first - 1;
    else
        return -1;
    while (k > 0 && (fig_flags(s, k - 1) & (FW_REL | FW_MODAL | FW_AUX | FW_ADV) ||
                     fig_is(s, k - 1, ",")))
        k--;
    if (k > 0 && (fig_flags(s, k - 1) & FW_NOUN))
        return (int32_t)(k - 1);
    return -1;
}

/* A percentage is a share of territory when a place follows "of" and a
 * word of control is near: the place becomes the counted phrase. */
static int territory(const fig_sent *s, const fig_number *num, uint32_t q, fig_reading *r)
{
    uint32_t k = num->last;
    int has_place = 0;
    if (fig_is(s, k, "OF")) {
        k++;
        if (fig_flags(s, k) & FW_DET)
            k++;
        uint32_t start = k;
        while (k < s->n && k - start < 5 &&
               ((s->tk[k].flags & SR_TOK_CAP) || (fig_flags(s, k) & FW_PLACE_NOUN) ||
                (s->tk[k].flags & SR_TOK_POSS) || fig_is(s, k, "-"))) {
            if ((fig_flags(s, k) & FW_PERSON))
                return 0; /* "60 per cent of Syrians": people, not land */
            if ((s->tk[k].flags & SR_TOK_CAP) || (fig_flags(s, k) & FW_PLACE_NOUN))
                has_place = 1;
            k++;
        }
        if (has_place) {
            r->unit.first = start;
            r->unit.last = k;
            r->unit.head = (int32_t)k - 1;
        }
    }
    /* control before: "controls 60 per cent", "who control 60 percent" */
    uint32_t b = q;
    for (int steps = 0; b > 0 && steps < 4; steps++) {
        b--;
        if (fig_flags(s, b) & FW_CONTROL) {
            r->cue = (int32_t)b;
            r->cue_left = 1;
            return 1;
        }
        if (!(fig_flags(s, b) & (FW_BRIDGE | FW_ADV)))
            break;
    }
    if (!has_place)
        return 0;
    /* control after: "65 per cent of Syria is under government control" */
    for (uint32_t a = k; a < s->n && a < k + 8; a++) {
        if (is_punct(s, a) && !fig_is(s, a, ","))
            break;
        if (fig_flags(s, a) & FW_CONTROL) {
            r->cue = (int32_t)a;
            r->cue_left = 0;
            return 1;
        }
    }
    return 0;
}

/* A number (and its counted words) ends right before token k. */
static int number_ends_at(const fig_sent *s, uint32_t k)
{
    for (uint32_t m = k; m > 0 && k - m < 5; m--) {
        uint32_t j = m - 1;
        if (s->tk[j].flags & SR_TOK_NUMBER)
            return 1;
        fig_number n;
        if (fig_read_number(s, j, &n) && n.last == m)
            return 1;
        if (!(s->tk[j].flags & SR_TOK_WORD) || (fig_flags(s, j) & ~(FW_NOUN | FW_PERSON | FW_LABEL)))
            return 0;
    }
    return 0;
}

static int weak_left_cue(const fig_sent *s, int32_t cue)
{
    return fig_is(s, (uint32_t)cue, "HELD") || fig_is(s, (uint32_t)cue, "CAPTURED") ||
           fig_is(s, (uint32_t)cue, "CAPTURING") || fig_is(s, (uint32_t)cue, "EVACUATED");
}

void fig_categorize(const fig_sent *s, const fig_number *num, uint32_t q, fig_reading *r)
{
    memset(r, 0, sizeof *r);
    r->cue = -1;
    r->subject_head = -1;
    r->unit.head = -1;
    r->unit.first = r->unit.last = num->last;
    if (num->flags & FN_PERCENT) {
        if (territory(s, num, q, r)) {
            r->cat = FC_TERRITORY;
            r->from = FCF_CUE;
        }
        return;
    }
    uint32_t after = num->last;
    fig_qualifier post;
    if (fig_qualifier_after(s, after, &post))
        after = post.last;
    read_unit(s, after, &r->unit);
    const fig_unit *u = &r->unit;
    int32_t head = u->head;
    r->subject_head = subject_of_number(s, q, num->first);
    if (head < 0 && r->subject_head >= 0)
        head = r->subject_head;
    const fig_word *hw = head >= 0 ? s->w[head] : NULL;
    int person = hw && (hw->flags & FW_PERSON);
    int thing = hw && !person;

    int32_t lcue = -1, rcue = -1;
    int aux = 0, presence = 0;
    int lc = left_cue(s, q, &lcue);
    int rc = right_cue(s, u->scan_end > after ? u->scan_end : after, u->scan_end > after, &rcue,
                       &aux, &presence);
    if (lc && weak_left_cue(s, lcue) && !person)
        lc = FC_NONE;

    if (lc && rc && lcue > 0 && right_cue_at(s, (uint32_t)lcue) && number_ends_at(s, (uint32_t)lcue))
        lc = FC_NONE; /* "Seven killed 37 others injured": killed is the seven's */
    if (rc && aux) {
        r->cat = rc;
        r->from = FCF_CUE_AUX;
        r->cue = rcue;
    } else if (lc) {
        r->cat = lc;
        r->from = FCF_CUE;
        r->cue = lcue;
        r->cue_left = 1;
    } else if (rc) {
        r->cat = rc;
        r->from = FCF_CUE;
        r->cue = rcue;
    }
    if (hw && hw->right && head == u->head && !(r->cat && r->from == FCF_CUE_AUX)) {
        r->cat = hw->right; /* "35 Dead Dozens Wounded": dead is the predicate */
        r->from = FCF_CUE_AUX;
        r->cue = head;
        r->cue_left = 0;
    }
    if (r->cat) {
        /* things cannot be killed or detained: "captured sixty cities" */
        if (thing && r->cat != FC_CIVILIANS && r->cat != FC_FIGHTERS && hw->unit != r->cat)
            r->cat = FC_OTHER;
        return;
    }
    if (num->flags & FN_STRONG) {
        r->cat = FC_FIGHTERS; /* "a 10,000-strong force" */
        r->from = FCF_UNIT;
        return;
    }
    if (!hw || (num->flags & FN_ONE))
        return;
    if (person && presence) {
        r->cat = FC_CIVILIANS; /* "400000 people live under rebel control" */
        r->from = FCF_CUE;
        r->cue = rcue;
        return;
    }
    if (hw->unit) {
        r->cat = hw->unit;
        r->from = FCF_UNIT;
    }
}
