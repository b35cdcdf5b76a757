/*
 * Where and when each event happened. The place is the one named in the
 * event's own clause, else in its sentence (the nearest to the verb), else
 * the document's place; the date is a time expression of the clause, else
 * of the sentence, else the document's date. Each record says which of
 * these it took, so an analyst can weigh it.
 *
 * The document's place is the lead's (the first place named outside
 * background sentences) unless another is named much more often, leaving
 * out foreign capitals that stand for their governments; when it is a
 * province, a town of that province named where fighting is reported is
 * the finer answer.
 */
#include <string.h>

#include "code/code_internal.h"

static int within(uint32_t s, uint32_t e, uint32_t lo, uint32_t hi)
{
    return s >= lo && e <= hi;
}

static uint32_t distance(uint32_t s, uint32_t e, uint32_t vs, uint32_t ve)
{
    return e <= vs ? vs - e : (s >= ve ? s - ve : 0);
}

/* Finer places say more: a town over a region over a province over a
 * country. */
static int fineness(const sr_place_mention *m)
{
    switch (m->place.feature) {
    case SR_FEATURE_CITY: return 3;
    case SR_FEATURE_REGION: return 2;
    case SR_FEATURE_ADMIN1: return 1;
    default: return 0;
    }
}

/* The same gazetteer entry: "Idlib" the town and "Idlib province" are
 * two places, each counted on its own. */
static int same_place(const sr_place_mention *a, const sr_place_mention *b)
{
    return a->place.feature == b->place.feature && a->place.geonameid == b->place.geonameid &&
           strcmp(a->place.name, b->place.name) == 0 &&
           strcmp(a->place.country, b->place.country) == 0;
}

/* A calendar value ("2013", "2013-08", "2013-08-21") as an ordinal of the
 * last day it covers (months of 31 days: only order matters); -1 when it
 * is none of these. */
static long period_end(const char *v)
{
    if (!v)
        return -1;
    int y = 0, m = 12, d = 31, i = 0;
    for (; i < 4; i++) {
        if (v[i] < '0' || v[i] > '9')
            return -1;
        y = y * 10 + (v[i] - '0');
    }
    if (v[4] == '-' && v[5] >= '0' && v[5] <= '9' && v[6] >= '0' && v[6] <= '9') {
        m = (v[5] - '0') * 10 + (v[6] - '0');
        if (v[7] == '-' && v[8] >= '0' && v[8] <= '9' && v[9] >= '0' && v[9] <= '9')
            d = (v[8] - '0') * 10 + (v[9] - '0');
        else if (v[7] != '\0')
            return -1;
    } else if (v[4] != '\0') {
        return -1;
    }
    return ((long)y * 12 + m) * 31 + d;
}

/* How long before the document's date a sentence's time must end for the
 * sentence to be background ("used the same weapons in Aleppo last year",
 * "the attack in Ghouta in August 2013"), not the story. */
#define BACKGROUND_DAYS 31

/* What a sentence is, for the document's place. */
enum { BACKGROUND = 1, VIOLENCE = 2 };

static int overlaps(uint32_t s, uint32_t e, const sr_event_actor *a)
{
    return a->end > a->start && s < a->end && a->start < e;
}

/* "Strikes on Aleppo": a town or province that is an actor of an event
 * of force (mostly its target, sometimes its source by a misreading) is
 * where the force fell, though the coder reads it as an actor (the
 * country it lies in). A country is an actor all the same, and so is a
 * town in words ("Damascus said", "had told Tehran"). */
static int place_of_force(const sr_event *e, const sr_place_mention *m)
{
    return e->info && e->info->quad_class == 4 && m->place.feature != SR_FEATURE_COUNTRY;
}

/* Does mention m stand for an actor of event e? */
static int actor_of(const sr_event *e, const sr_place_mention *m)
{
    return (overlaps(m->start, m->end, &e->source) || overlaps(m->start, m->end, &e->target)) &&
           !place_of_force(e, m);
}

/* The lead (the place named first outside background sentences: the
 * headline's, the first paragraph's) stays the document's place unless
 * another is named this many times more often: on news of fighting the
 * lead names the story's place more often than the commonest name does. */
#define LEAD_WEIGHT 2

/* Is m a province, or the town that shares its province's name (Idlib,
 * Aleppo, Homs)? A story told of it is often placed in a town of it. */
static int province_like(const sr_place_mention *m)
{
    return m->place.feature == SR_FEATURE_ADMIN1 ||
           (m->place.feature == SR_FEATURE_CITY && m->place.admin1 &&
            strcmp(m->place.admin1, m->place.name) == 0);
}

/* A town or region inside the province the document is about, named
 * outside background and not as an actor: the finer place, when there is
 * one (the most named, the first on a tie). */
static const sr_place_mention *refine(const sr_place_mention *ps, size_t n,
                                      const sr_place_mention *best, const uint8_t *sentence_kind,
                                      const uint8_t *actor)
{
    if (!best || !province_like(best) || !best->place.admin1_code[0])
        return best;
    const sr_place_mention *finer = NULL;
    int finer_count = 0;
    for (size_t i = 0; i < n; i++) {
        const sr_place_mention *m = &ps[i];
        if (actor[i] || (sentence_kind[m->sentence] & (BACKGROUND | VIOLENCE)) != VIOLENCE ||
            province_like(m) ||
            m->place.feature == SR_FEATURE_COUNTRY ||
            strcmp(m->place.country, best->place.country) != 0 ||
            strcmp(m->place.admin1_code, best->place.admin1_code) != 0)
            continue;
        int count = 0;
        for (size_t j = 0; j < n; j++)
            count += !actor[j] && same_place(m, &ps[j]);
        if (count > finer_count) {
            finer = m;
            finer_count = count;
        }
    }
    return finer ? finer : best;
}

/* The place the document is mostly about, among the places it names that
 * are finer than a country (or among its countries), leaving out names
 * that are an event's actor ("had told Tehran", "Moscow has been carrying
 * out strikes"). */
static const sr_place_mention *document_place(const sr_place_mention *ps, size_t n, int countries,
                                              const uint8_t *sentence_kind, const uint8_t *actor)
{
    const sr_place_mention *lead = NULL, *fallback = NULL;
    for (size_t i = 0; i < n && !lead; i++) {
        if ((ps[i].place.feature == SR_FEATURE_COUNTRY) != countries || actor[i])
            continue;
        if (!fallback)
            fallback = &ps[i];
        if (!(sentence_kind[ps[i].sentence] & BACKGROUND))
            lead = &ps[i];
    }
    if (!lead)
        lead = fallback;
    if (!lead)
        return NULL;
    const sr_place_mention *best = lead;
    int best_count = LEAD_WEIGHT;
    for (size_t j = 0; j < n; j++)
        best_count += !actor[j] && same_place(&ps[j], lead);
    for (size_t i = 0; i < n; i++) {
        if ((ps[i].place.feature == SR_FEATURE_COUNTRY) != countries || actor[i] ||
            same_place(&ps[i], lead))
            continue;
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = !actor[j] && same_place(&ps[i], &ps[j]);
        if (seen)
            continue; /* counted with its first mention */
        int count = 0;
        for (size_t j = i; j < n; j++)
            count += !actor[j] && same_place(&ps[i], &ps[j]);
        if (count > best_count) {
            best = &ps[i];
            best_count = count;
        }
    }
    return countries ? best : refine(ps, n, best, sentence_kind, actor);
}

/* The place of the clause (else the sentence) of event e, countries
 * allowed or not; the finest, then the nearest to the verb. A place that is
 * the event's own actor ("Russia bombed ...") is not where it happened. */
static const sr_place_mention *event_place(const sr_event *e, const sr_place_mention *ps, size_t n,
                                           int clause_only, int countries)
{
    const sr_place_mention *best = NULL;
    uint32_t best_d = 0;
    for (size_t i = 0; i < n; i++) {
        const sr_place_mention *m = &ps[i];
        if (m->sentence != e->sentence || (m->place.feature == SR_FEATURE_COUNTRY) != countries)
            continue;
        if (clause_only && !within(m->start, m->end, e->clause_start, e->clause_end))
            continue;
        if (overlaps(m->start, m->end, &e->source) || overlaps(m->start, m->end, &e->target))
            continue;
        uint32_t d = distance(m->start, m->end, e->verb_start, e->verb_end);
        if (!best || fineness(m) > fineness(best) || (fineness(m) == fineness(best) && d < best_d)) {
            best = m;
            best_d = d;
        }
    }
    return best;
}

static const char *precision_of(const char *date)
{
    size_t n = date ? strlen(date) : 0;
    return n >= 10 ? "day" : n == 7 ? "month" : n == 4 ? "year" : NULL;
}

void sr_locate_events(sr_coder *c, sr_events *r, const char *doc_date, const char *date_from)
{
    const sr_text *t = r->text;
    r->places = NULL;
    r->nplaces = 0;
    r->timexes = NULL;
    r->ntimexes = 0;
    r->doc_date = doc_date;
    r->doc_date_from = date_from;
    r->doc_date_precision = precision_of(doc_date);
    sr_place_mention *ps = NULL;
    size_t nps = 0;
    if (c->gazetteer)
    {
        /* the country the actors say the document is about, as a hint */
        sr_country hint;
        int have = c->focus[0] && sr_gazetteer_country(c->gazetteer, c->focus, strlen(c->focus), &hint) == 0;
        sr_places_find_hinted(c->gazetteer, c->place_cache, t, have ? hint.iso2 : NULL, c->arena,
                              &ps, &nps);
    }
    sr_timex *xs = NULL;
    size_t nxs = 0;
    sr_timex_find(t, doc_date, c->arena, &xs, &nxs);
    r->places = ps;
    r->nplaces = nps;
    r->timexes = xs;
    r->ntimexes = nxs;
    /* sentences about what happened well before the document's date */
    uint8_t *sentence_kind = sr_arena_calloc(c->arena, t->nsentences + 1, 1);
    for (size_t k = 0; k < r->n; k++) {
        const sr_event *e = &c->events[k];
        if (e->info && e->info->quad_class == 4 && e->sentence < t->nsentences)
            sentence_kind[e->sentence] |= VIOLENCE;
    }
    long now = period_end(doc_date);
    for (size_t i = 0; i < nxs && now >= 0; i++) {
        long end = period_end(xs[i].value);
        if (end >= 0 && end < now - BACKGROUND_DAYS && xs[i].sentence < t->nsentences)
            sentence_kind[xs[i].sentence] |= BACKGROUND;
    }
    /* names of places abroad that are some event's actor: a foreign
     * capital standing for its government ("had told Tehran"); at home a
     * town read as an actor is more often a misreading of its sentence */
    uint8_t *actor = sr_arena_calloc(c->arena, nps + 1, 1);
    for (size_t k = 0; k < r->n; k++) {
        const sr_event *e = &c->events[k];
        for (size_t i = 0; i < nps; i++)
            if (ps[i].sentence == e->sentence && actor_of(e, &ps[i]) &&
                strcmp(ps[i].place.country3, c->focus) != 0)
                actor[i] = 1;
    }
    const sr_place_mention *doc_place = document_place(ps, nps, 0, sentence_kind, actor);
    const sr_place_mention *doc_country = document_place(ps, nps, 1, sentence_kind, actor);

    for (size_t k = 0; k < r->n; k++) {
        sr_event *e = &c->events[k];
        /* where: a town, region or province of the clause, the sentence or
         * the document, before any country */
        static const char *const from[] = {"clause", "sentence", "document"};
        for (int countries = 0; countries < 2 && !e->place; countries++) {
            for (int level = 0; level < 3 && !e->place; level++) {
                const sr_place_mention *m =
                    level < 2 ? event_place(e, ps, nps, level == 0, countries)
                              : (countries ? doc_country : doc_place);
                if (m) {
                    e->place = m;
                    e->place_from = from[level];
                }
            }
        }
        /* when */
        const sr_timex *x_clause = NULL, *x_sentence = NULL;
        for (size_t i = 0; i < nxs; i++) {
            const sr_timex *x = &xs[i];
            if (x->sentence != e->sentence || !sr_timex_is_calendar(x))
                continue;
            if (within(x->start, x->end, e->clause_start, e->clause_end) && !x_clause)
                x_clause = x;
            if (!x_sentence)
                x_sentence = x;
        }
        const sr_timex *x = x_clause ? x_clause : x_sentence;
        if (x) {
            e->date = x->value;
            e->date_precision = x->precision;
            e->date_from = "text";
            e->date_timex = x;
        } else if (doc_date) {
            e->date = doc_date;
            e->date_precision = r->doc_date_precision;
            e->date_from = date_from;
        }
    }
}
