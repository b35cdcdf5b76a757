/*
 * Where and when each event happened. The place is the one named in the
 * event's own clause, else in its sentence (the nearest to the verb), else
 * the place the document names most; the date is a time expression of the
 * clause, else of the sentence, else the document's date. Each record says
 * which of these it took, so an analyst can weigh it.
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

/* The place named first (the headline's, the lead's) stays the document's
 * place unless another is named this many times more: on FA-KES the
 * first-named place is the annotated one more often than the commonest. */
#define FIRST_LEAD 2

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

/* The place the document is mostly about, among the places it names that
 * are finer than a country (or among its countries). */
static const sr_place_mention *document_place(const sr_place_mention *ps, size_t n, int countries)
{
    const sr_place_mention *best = NULL;
    int best_count = 0;
    for (size_t i = 0; i < n; i++) {
        if ((ps[i].place.feature == SR_FEATURE_COUNTRY) != countries)
            continue;
        int count = 0;
        for (size_t j = 0; j < n; j++)
            if (strcmp(ps[i].place.name, ps[j].place.name) == 0 &&
                strcmp(ps[i].place.country, ps[j].place.country) == 0)
                count++;
        if (!best || count > best_count + FIRST_LEAD) {
            best = &ps[i];
            best_count = count;
        }
    }
    return best;
}

static int overlaps(uint32_t s, uint32_t e, const sr_event_actor *a)
{
    return a->end > a->start && s < a->end && a->start < e;
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
    const sr_place_mention *doc_place = document_place(ps, nps, 0);
    const sr_place_mention *doc_country = document_place(ps, nps, 1);

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
