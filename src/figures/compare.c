/*
 * The same quantity across documents: what a figure counts (its subject),
 * where (its place), and the groups of figures from different outlets
 * that give one quantity, agreeing or not.
 *
 * Places here are names as written, compared without case or punctuation:
 * enough to tell Idlib from Aleppo in the seeds; a gazetteer can later give
 * sr_figure_obs.place its canonical name instead.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "figures/figures_internal.h"
#include "sitrep/sitrep.h"
#include "time/calendar.h"

/* ---- subject ------------------------------------------------------------- */

/* sector is one of the words of list (NULL-terminated). Inline
 * comparisons: the place rules ask this of every preposition of a text. */
static int sector_in(const char *sector, const char *const *list)
{
    for (; *list; list++)
        if (sr_streq(sector, *list))
            return 1;
    return 0;
}

/* The side of an actor code: "armed" for non-state armed groups (their
 * country is the coder's guess, often the focus country, so it is left
 * out), "CCC:state" for a state's forces and officials, "civilians", or the
 * code's first six characters for anything else. */
static void side_of_code(const char *code, char *buf, size_t size)
{
    static const char *const armed[] = {"REB", "UAF", "INS", "RAD", NULL};
    static const char *const state[] = {"GOV", "MIL", "COP", "SPY", "JUD", "LEG", "", NULL};
    static const char *const civil[] = {"CVL", "PPL", "REF", "HLH", "EDU", "LAB", "MED", "BUS",
                                        "NGO", "HRI", "AGR", "ELI", "REL", "IDP", NULL};
    size_t len = strlen(code);
    char country[4] = {0}, sector[4] = {0};
    memcpy(country, code, len < 3 ? len : 3);
    if (len > 3)
        memcpy(sector, code + 3, len - 3 < 3 ? len - 3 : 3);
    if (strcmp(country, "IMG") == 0 || sector_in(sector, armed))
        snprintf(buf, size, "armed");
    else if (strcmp(country, "IGO") == 0 || strcmp(country, "NGO") == 0 ||
             strcmp(country, "MNC") == 0 || strcmp(country, "---") == 0)
        snprintf(buf, size, "%.6s", code);
    else if (sector_in(sector, state))
        snprintf(buf, size, "%s:state", country);
    else if (sector_in(sector, civil))
        snprintf(buf, size, "civilians");
    else
        snprintf(buf, size, "%s:%s", country, sector);
}

/* The last word of the counted phrase, lower case, a plural's s dropped. */
static void head_lemma(const char *unit, char *buf, size_t size)
{
    buf[0] = '\0';
    if (!unit || size < 2)
        return;
    size_t end = strlen(unit);
    while (end > 0 && !isalnum((unsigned char)unit[end - 1]))
        end--;
    size_t start = end;
    while (start > 0 && (isalnum((unsigned char)unit[start - 1]) || unit[start - 1] == '-'))
        start--;
    size_t n = end - start;
    if (n > 3 && (unit[end - 1] == 's' || unit[end - 1] == 'S') &&
        !(unit[end - 2] == 's' || unit[end - 2] == 'S'))
        n--;
    if (n >= size)
        n = size - 1;
    for (size_t k = 0; k < n; k++)
        buf[k] = (char)tolower((unsigned char)unit[start + k]);
    buf[n] = '\0';
}

/* The side of people named only by a noun: "armed" for fighters, "state"
 * for soldiers, "civilians" for people. */
static const char *side_of_noun(const char *lemma)
{
    static const char *const armed[] = {"rebel", "militant", "insurgent", "jihadist", "jihadi",
                                        "terrorist", "extremist", "islamist", "militiamen",
                                        "gunmen", "mercenarie", "guerrilla", "fighter",
                                        "militia", "takfiri", "radical", NULL};
    static const char *const state[] = {"troop", "soldier", "officer", "personnel", "airmen",
                                        "sailor", "marine", "policemen", "police", NULL};
    static const char *const civil[] = {"civilian", "people", "resident", "inhabitant",
                                        "children", "women", "men", "villager", "person",
                                        "refugee", "displaced", NULL};
    if (sector_in(lemma, armed))
        return "armed";
    if (sector_in(lemma, state))
        return "state";
    if (sector_in(lemma, civil))
        return "civilians";
    return NULL;
}

static int increment(const char *unit)
{
    static const char *const words[] = {"new", "additional", "more", "extra", "further",
                                        "fresh", NULL};
    if (!unit)
        return 0;
    for (const char *p = unit; *p;) {
        while (*p && !isalpha((unsigned char)*p))
            p++;
        const char *w = p;
        while (isalpha((unsigned char)*p))
            p++;
        for (size_t k = 0; words[k]; k++)
            if ((size_t)(p - w) == strlen(words[k]) && strncasecmp(w, words[k], (size_t)(p - w)) == 0)
                return 1;
    }
    return 0;
}

void sr_figure_subject(const sr_figure *f, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    char side[24] = "", lemma[32];
    head_lemma(f->unit_text, lemma, sizeof lemma);
    int other = f->category && strcmp(f->category, "other") == 0;
    int territory = f->category && strcmp(f->category, "territory_percent") == 0;
    if (f->whose && f->whose->code)
        side_of_code(f->whose->code, side, sizeof side);
    else if (!other && !territory && side_of_noun(lemma))
        snprintf(side, sizeof side, "%s", side_of_noun(lemma));
    if (!side[0])
        snprintf(side, sizeof side, "?");
    /* "four new military posts" is a change, not the stock */
    const char *change = increment(f->unit_text) ? " (new)" : "";
    if (other && lemma[0])
        snprintf(buf, size, "%s %s%s", side, lemma, change);
    else
        snprintf(buf, size, "%s%s", side, change);
}

/* ---- places -------------------------------------------------------------- */

static int direction_word(const char *norm)
{
    static const char *const words[] = {
        "NORTHERN", "SOUTHERN", "EASTERN", "WESTERN", "NORTHWESTERN", "NORTHEASTERN",
        "SOUTHWESTERN", "SOUTHEASTERN", "CENTRAL", "RURAL", "NORTHWEST", "NORTHEAST",
        "SOUTHWEST", "SOUTHEAST", "NORTH", "SOUTH", "EAST", "WEST", "GREATER", "UPPER",
        "LOWER", "BESIEGED", "REBEL-HELD", "OPPOSITION-HELD", "GOVERNMENT-HELD", NULL};
    return sector_in(norm, words);
}

/* "al-Zor", "ez-Zor": the particles inside Arabic names */
static int name_particle(const sr_token *t)
{
    const char *w = t->norm;
    return t->len > 3 && (strncmp(w, "AL-", 3) == 0 || strncmp(w, "EL-", 3) == 0 ||
                          strncmp(w, "EZ-", 3) == 0 || strncmp(w, "AD-", 3) == 0 ||
                          strncmp(w, "AS-", 3) == 0 || strncmp(w, "ASH-", 4) == 0);
}

/* A place name starting at token k: past "the", direction words and a
 * possessive country ("Syria's Idlib"), a run of capitalized words. */
static int place_run(const fig_sent *s, uint32_t k, uint32_t *a, uint32_t *b)
{
    if (fig_is(s, k, "THE"))
        k++;
    while (k < s->n && direction_word(s->tk[k].norm) && !(s->tk[k].flags & SR_TOK_CAP))
        k++;
    uint32_t start = k;
    while (k < s->n && k - start < 4) {
        const sr_token *t = &s->tk[k];
        if (t->flags & SR_TOK_POSS) {
            start = k + 1; /* "Syria's Idlib": the inner name */
            k++;
            continue;
        }
        if (!((t->flags & SR_TOK_CAP) && (t->flags & SR_TOK_WORD)) && !(k > start && name_particle(t)))
            break;
        if (fig_flags(s, k) & (FW_MONTH | FW_WEEKDAY | FW_DET | FW_PRON | FW_PREP))
            break;
        k++;
    }
    if (k == start)
        return 0;
    *a = start;
    *b = k;
    return 1;
}

static int locative(const fig_sent *s, uint32_t k)
{
    static const char *const words[] = {"IN", "AROUND", "NEAR", "ACROSS", "INSIDE",
                                        "THROUGHOUT", "OUTSIDE", "INTO", "TOWARDS", "TOWARD",
                                        NULL};
    if (k >= s->n)
        return 0;
    /* every word of the list is a preposition of the lexicon, which the
     * view has looked up already: most tokens leave on that flag */
    if ((fig_flags(s, k) & FW_PREP) && sector_in(s->tk[k].norm, words))
        return 1;
    /* "the province of Idlib", "the town of Atareb" */
    return fig_is(s, k, "OF") && k > 0 && (fig_flags(s, k - 1) & FW_PLACE_NOUN);
}

static char *place_string(const fig_sent *s, uint32_t a, uint32_t b, sr_arena *arena)
{
    uint32_t from = s->tk[a].start, to = s->tk[b - 1].end;
    if (s->tk[b - 1].flags & SR_TOK_POSS && b - 1 > a)
        to = s->tk[b - 2].end;
    return sr_arena_strndup(arena, s->text->src + from, to - from);
}

static int view_of(const sr_text *t, uint32_t sentence, const fig_word **w, fig_sent *s)
{
    if (sentence >= t->nsentences)
        return 0;
    const sr_sentence *sn = &t->sentences[sentence];
    s->text = t;
    s->tk = t->tokens + sn->first;
    s->n = sn->ntokens;
    s->index = sentence;
    s->w = w;
    for (uint32_t k = 0; k < s->n; k++)
        w[k] = (s->tk[k].flags & SR_TOK_NUMBER) ? NULL : fig_lookup(s->tk[k].norm);
    return 1;
}

/* The last place named in the sentences before this one. */
static const char *place_before(const sr_text *t, uint32_t sentence, sr_arena *arena)
{
    for (uint32_t back = sentence; back > 0 && sentence - back < 3; back--) {
        const sr_sentence *sn = &t->sentences[back - 1];
        const fig_word **w = sr_arena_alloc(arena, (sn->ntokens + 1) * sizeof *w);
        fig_sent s;
        view_of(t, back - 1, w, &s);
        uint32_t a, b;
        for (uint32_t k = s.n; k-- > 0;)
            if (locative(&s, k) && place_run(&s, k + 1, &a, &b))
                return place_string(&s, a, b, arena);
    }
    return NULL;
}

const char *sr_figure_place(const sr_text *t, const sr_figure *f, sr_arena *arena)
{
    if (!t || !f || !arena || f->sentence >= t->nsentences)
        return NULL;
    const sr_sentence *sn = &t->sentences[f->sentence];
    const fig_word **w = sr_arena_alloc(arena, (sn->ntokens + 1) * sizeof *w);
    fig_sent s;
    view_of(t, f->sentence, w, &s);
    int territory = f->category && strcmp(f->category, "territory_percent") == 0;
    uint32_t from = f->unit_text && f->unit_end > f->end && !territory ? f->unit_end : f->end;
    uint32_t k = 0;
    while (k < s.n && s.tk[k].start < from)
        k++;
    uint32_t a, b;
    /* "60 per cent of Idlib" */
    if (fig_is(&s, k, "OF") && territory && place_run(&s, k + 1, &a, &b))
        return place_string(&s, a, b, arena);
    for (uint32_t m = k; m < s.n && m < k + 10; m++) {
        if ((s.tk[m].flags & SR_TOK_PUNCT) && !fig_is(&s, m, ",") && !fig_is(&s, m, "-"))
            break;
        if (!locative(&s, m))
            continue;
        if (place_run(&s, m + 1, &a, &b))
            return place_string(&s, a, b, arena);
        /* "in the province": the place named just before */
        uint32_t d = m + 1;
        if (fig_is(&s, d, "THE") && (fig_flags(&s, d + 1) & FW_PLACE_NOUN) &&
            s.tk[d + 1].norm[s.tk[d + 1].len - 1] != 'S' && !fig_is(&s, d + 2, "OF") &&
            !(d + 2 < s.n && (s.tk[d + 2].flags & SR_TOK_CAP)))
            return place_before(t, f->sentence, arena);
    }
    /* "an attack near Damascus killed at least 40": a place just before */
    uint32_t first = 0;
    while (first < s.n && s.tk[first].start < f->start)
        first++;
    for (uint32_t m = first; m > 0 && first - m < 8; m--) {
        uint32_t j = m - 1;
        if ((s.tk[j].flags & SR_TOK_PUNCT) && !fig_is(&s, j, "-"))
            break;
        if (locative(&s, j) && place_run(&s, j + 1, &a, &b) && b <= first)
            return place_string(&s, a, b, arena);
    }
    /* "In Aleppo, ..." at the head of the sentence */
    if (s.n > 1 && fig_is(&s, 0, "IN") && place_run(&s, 1, &a, &b) && s.tk[b - 1].end <= f->start)
        return place_string(&s, a, b, arena);
    return NULL;
}

static void place_key(const char *name, char *key, size_t size)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < size; p++)
        if (isalnum((unsigned char)*p))
            key[n++] = (char)tolower((unsigned char)*p);
    key[n] = '\0';
}

/* A name the coder codes as something other than a country (the UN, the
 * Observatory) is not a place. */
static int organization(const sr_actor_phrase *ph, size_t n, uint32_t start, uint32_t end)
{
    for (size_t k = 0; k < n; k++)
        if (ph[k].start < end && ph[k].end > start && ph[k].code && strlen(ph[k].code) > 3)
            return 1;
    return 0;
}

const char *sr_figures_main_place(const sr_text *t, const sr_actor_phrase *phrases,
                                  size_t nphrases, sr_arena *arena)
{
    if (!t || !arena || t->ntokens == 0)
        return NULL;
    enum { MAXP = 64 };
    char keys[MAXP][48];
    const char *names[MAXP];
    int counts[MAXP], np = 0, best = -1;
    const fig_word **w = sr_arena_alloc(arena, (t->ntokens + 1) * sizeof *w);
    for (uint32_t sk = 0; sk < t->nsentences; sk++) {
        fig_sent s;
        view_of(t, sk, w + t->sentences[sk].first, &s);
        for (uint32_t k = 0; k < s.n; k++) {
            uint32_t a, b;
            if (!locative(&s, k) || !place_run(&s, k + 1, &a, &b))
                continue;
            if (organization(phrases, nphrases, s.tk[a].start, s.tk[b - 1].end))
                continue;
            const char *name = place_string(&s, a, b, arena);
            char key[48];
            place_key(name, key, sizeof key);
            if (!key[0])
                continue;
            int j = 0;
            while (j < np && strcmp(keys[j], key) != 0)
                j++;
            if (j == np) {
                if (np == MAXP)
                    continue;
                snprintf(keys[np], sizeof keys[np], "%s", key);
                names[np] = name;
                counts[np++] = 0;
            }
            counts[j]++;
            if (best < 0 || counts[j] > counts[best])
                best = j;
        }
    }
    return best >= 0 ? names[best] : NULL;
}

/* ---- groups -------------------------------------------------------------- */

static double lo_of(const sr_figure *f)
{
    return isnan(f->low) ? -INFINITY : f->low;
}

static double hi_of(const sr_figure *f)
{
    return isnan(f->high) ? INFINITY : f->high;
}

int sr_figures_disagree(const sr_figure *a, const sr_figure *b)
{
    return hi_of(a) < lo_of(b) || hi_of(b) < lo_of(a);
}

/* A count of things that happened (the dead of an attack, strikes) rather
 * than of things that are (fighters, posts). */
static int event_count(const sr_figure *f)
{
    static const char *const events[] = {"killed", "injured", "detained", "abducted", NULL};
    static const char *const acts[] = {"strike", "airstrike", "raid", "attack", "shell",
                                       "rocket", "missile", "bomb", "sortie", "mortar",
                                       "explosion", "blast", NULL};
    if (!f->category)
        return 0;
    if (sector_in(f->category, events))
        return 1;
    char lemma[32];
    head_lemma(f->unit_text, lemma, sizeof lemma);
    return strcmp(f->category, "other") == 0 && sector_in(lemma, acts);
}

static const char *place_of(const sr_figure_obs *o)
{
    if (o->place)
        return o->place;
    return event_count(o->fig) ? NULL : o->doc_place;
}

/* Days since 1970 of "YYYY-MM-DD" (a civil-calendar count, enough to
 * compare); -1 when the date cannot be read. */
static long day_number(const char *date)
{
    int y, m, d;
    if (!date || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > 31)
        return -1;
    return (long)tx_days(y, m, d);
}

static int same_text(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    char ka[64], kb[64];
    place_key(a, ka, sizeof ka);
    place_key(b, kb, sizeof kb);
    return strcmp(ka, kb) == 0;
}

static int same_quantity(const sr_figure_obs *a, const sr_figure_obs *b)
{
    if (!a->fig->category || !b->fig->category || strcmp(a->fig->category, b->fig->category) != 0)
        return 0;
    if (!a->subject || !b->subject || strcmp(a->subject, b->subject) != 0 ||
        a->subject[0] == '?')
        return 0;
    /* without a place there is no telling which quantity it is */
    const char *pa = place_of(a), *pb = place_of(b);
    if (!pa || !pb || !same_text(pa, pb))
        return 0;
    long da = day_number(a->date), db = day_number(b->date);
    int event = event_count(a->fig);
    if (event && (da < 0 || db < 0))
        return 0; /* the dead of which day: an undated toll matches nothing */
    if (da >= 0 && db >= 0 && labs(da - db) > (event ? 3 : 30))
        return 0;
    return 1;
}

static int same_outlet(const sr_figure_obs *a, const sr_figure_obs *b)
{
    return a->outlet && b->outlet && strcmp(a->outlet, b->outlet) == 0;
}

/* A hash of what same_quantity compares first (category, subject, place
 * key): observations that can give the same quantity share it, so each
 * looks for its group among those of its own hash only, and a store of
 * 100,000 figures is grouped in linear time rather than quadratic. */
static uint64_t quantity_hash(const sr_figure_obs *o)
{
    uint64_t h = 1469598103934665603ull;
    char key[64] = "";
    const char *place = place_of(o);
    if (place)
        place_key(place, key, sizeof key);
    const char *parts[3] = {o->fig->category ? o->fig->category : "",
                            o->subject ? o->subject : "", key};
    for (int i = 0; i < 3; i++) {
        for (const unsigned char *c = (const unsigned char *)parts[i]; *c; c++)
            h = (h ^ *c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    }
    return h;
}

int sr_figures_group(const sr_figure_obs *obs, size_t n, sr_arena *arena,
                     sr_figure_group **out, size_t *nout)
{
    if (!out || !nout)
        return SR_EINVAL;
    *out = NULL;
    *nout = 0;
    if (n && (!obs || !arena))
        return SR_EINVAL;
    if (n == 0)
        return 0;
    /* each observation joins the first group (in the order groups were
     * made) whose first member gives the same quantity: a group is that
     * member's quantity. Groups are chained per hash bucket, oldest first. */
    size_t nslots = 16;
    while (nslots < 2 * n)
        nslots *= 2;
    uint64_t *slot_hash = sr_arena_alloc(arena, nslots * sizeof *slot_hash);
    size_t *slot_head = sr_arena_calloc(arena, nslots, sizeof *slot_head); /* group + 1 */
    size_t *slot_tail = sr_arena_alloc(arena, nslots * sizeof *slot_tail);
    size_t *next_group = sr_arena_alloc(arena, n * sizeof *next_group);   /* group + 1 */
    size_t *group_of = sr_arena_alloc(arena, n * sizeof *group_of);
    size_t *first = sr_arena_alloc(arena, n * sizeof *first);
    size_t *size = sr_arena_calloc(arena, n, sizeof *size);
    size_t ng = 0;
    for (size_t k = 0; k < n; k++) {
        uint64_t h = quantity_hash(&obs[k]);
        size_t i = (size_t)h & (nslots - 1);
        while (slot_head[i] && slot_hash[i] != h)
            i = (i + 1) & (nslots - 1);
        size_t g = slot_head[i];
        while (g && !same_quantity(&obs[first[g - 1]], &obs[k]))
            g = next_group[g - 1];
        if (g) {
            g--;
        } else {
            g = ng++;
            first[g] = k;
            next_group[g] = 0;
            if (slot_head[i])
                next_group[slot_tail[i]] = g + 1;
            else
                slot_head[i] = g + 1, slot_hash[i] = h;
            slot_tail[i] = g;
        }
        group_of[k] = g;
        size[g]++;
    }
    /* members of each group in input order, filled in one pass */
    size_t **members_of = sr_arena_calloc(arena, ng, sizeof *members_of);
    size_t *filled = sr_arena_calloc(arena, ng, sizeof *filled);
    for (size_t k = 0; k < n; k++) {
        size_t g = group_of[k];
        if (size[g] < 2)
            continue;
        if (!members_of[g])
            members_of[g] = sr_arena_alloc(arena, size[g] * sizeof **members_of);
        members_of[g][filled[g]++] = k;
    }
    sr_figure_group *groups = sr_arena_alloc(arena, (ng + 1) * sizeof *groups);
    size_t m = 0;
    for (int pass = 0; pass < 2; pass++) /* contested first */
        for (size_t g = 0; g < ng; g++) {
            if (size[g] < 2)
                continue;
            size_t *members = members_of[g], c = size[g];
            size_t outlets = 0;
            int contested = 0;
            for (size_t i = 0; i < c; i++) {
                int seen = 0;
                for (size_t j = 0; j < i; j++) {
                    if (same_outlet(&obs[members[i]], &obs[members[j]]))
                        seen = 1;
                    else if (sr_figures_disagree(obs[members[i]].fig, obs[members[j]].fig))
                        contested = 1;
                }
                outlets += !seen;
            }
            if (outlets < 2 || contested != (pass == 0))
                continue;
            groups[m].members = members;
            groups[m].n = c;
            groups[m].noutlets = outlets;
            groups[m].contested = contested;
            m++;
        }
    *out = groups;
    *nout = m;
    return 0;
}
