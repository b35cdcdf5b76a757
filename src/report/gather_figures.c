/*
 * gather_figures: the numbers outlets report (killed, displaced, fighters
 * ...), from sr_store_figure_groups: which figures give the same quantity
 * and whether their values can all hold.
 *
 * Killed "as reported" is added up over quantities, not figures: five
 * outlets giving the toll of one strike are one quantity, counted once,
 * as the range from its lowest to its highest report. The sum of the
 * lows is what the reports together support at least; the sum of the
 * highs what they allow at most (open when one of them is "at least N").
 * That is as far as the words go; the table beside it shows each part.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"

typedef struct figctx {
    report *r;
    sqlite3_stmt *doc_of; /* figures.id -> doc_id */
    const sr_figure_obs *obs;
    size_t nobs;
    const sr_figure_group *groups;
    size_t ngroups;
    int *group_of;        /* obs index -> group index, -1: alone */
} figctx;

static int cite_figure(figctx *c, const sr_stored_figure *sf)
{
    sqlite3_reset(c->doc_of);
    sqlite3_bind_int64(c->doc_of, 1, sf->id);
    if (sqlite3_step(c->doc_of) != SQLITE_ROW)
        return 0;
    return rep_cite(c->r, sqlite3_column_int64(c->doc_of, 0));
}

static void fill_figure(figctx *c, rep_figure *out, const sr_figure_obs *o)
{
    report *r = c->r;
    const sr_stored_figure *sf = sr_stored_figure_of(o->fig);
    out->outlet = rep_strdup(r, o->outlet);
    out->date = rep_strdup(r, sf->date ? sf->date : sf->published);
    out->figure_text = rep_strdup(r, sf->figure_text);
    out->claimant = rep_strdup(r, sf->claimant_text);
    out->unit = rep_strdup(r, o->fig->unit_text);
    out->sentence = rep_shorten(r, sf->sentence_text, 360);
    out->low = o->fig->low;
    out->high = o->fig->high;
    out->cite = cite_figure(c, sf);
}

static const char *obs_place(const sr_figure_obs *o)
{
    const sr_stored_figure *sf = sr_stored_figure_of(o->fig);
    return o->place ? o->place : sf->place_name ? sf->place_name : o->doc_place;
}

/* One quantity: members[0..n) index the observations. Figures are filled
 * (and cited) only when fill is set: the killed table shows a few. */
static void make_quantity(figctx *c, rep_quantity *q, const size_t *members, size_t n, int fill)
{
    report *r = c->r;
    const sr_figure_obs *first = &c->obs[members[0]];
    q->category = rep_strdup(r, first->fig->category);
    q->subject = rep_strdup(r, first->subject);
    q->place = rep_strdup(r, obs_place(first));
    q->date = rep_strdup(r, first->date);
    q->low = q->high = NAN;
    int open = 0;
    const char *outlets[64];
    size_t nout = 0;
    for (size_t i = 0; i < n; i++) {
        const sr_figure *f = c->obs[members[i]].fig;
        if (!isnan(f->low) && (isnan(q->low) || f->low < q->low))
            q->low = f->low;
        if (isnan(f->high))
            open = 1;
        else if (isnan(q->high) || f->high > q->high)
            q->high = f->high;
        const char *o = c->obs[members[i]].outlet;
        size_t j = 0;
        while (j < nout && strcmp(outlets[j], o) != 0)
            j++;
        if (j == nout && nout < sizeof outlets / sizeof *outlets)
            outlets[nout++] = o;
    }
    if (open)
        q->high = NAN;
    q->noutlets = nout;
    if (!fill)
        return;
    q->figs = sr_arena_calloc(r->arena, n, sizeof *q->figs);
    for (size_t i = 0; i < n; i++)
        fill_figure(c, &q->figs[q->nfigs++], &c->obs[members[i]]);
}

/* A quantity's size for ordering: its highest report, else its lowest. */
typedef struct sized {
    double v;
    size_t at;
} sized;

static double size_of(const rep_quantity *q)
{
    double v = !isnan(q->high) ? q->high : q->low;
    return isnan(v) ? -1 : v;
}

static int by_size_desc(const void *pa, const void *pb)
{
    const sized *a = pa, *b = pb;
    if (a->v != b->v)
        return a->v > b->v ? -1 : 1;
    return a->at < b->at ? -1 : a->at > b->at; /* stable: first found first */
}

/* A toll over a longer span than one incident: dated to a month or a
 * year ("since March 2011"), dated over a month before its article, or of
 * ten thousand and more with no date of its own (the article's date). Such
 * tolls overlap each other and every incident, so they are not added. */
static int is_cumulative(const sr_figure_obs *o)
{
    const sr_stored_figure *sf = sr_stored_figure_of(o->fig);
    if (sf->date_precision && strcmp(sf->date_precision, "day") != 0 &&
        strcmp(sf->date_precision, "week") != 0)
        return 1;
    int day = rep_day_number(sf->date), pub = rep_day_number(sf->published);
    if (day >= 0 && pub >= 0 && pub - day > 31)
        return 1;
    double v = !isnan(o->fig->high) ? o->fig->high : o->fig->low;
    return v >= 10000 && (day < 0 || day == pub);
}

/* The largest of qs[0..n) (indexes into qs), filled with their figures. */
static rep_quantity *largest(figctx *c, const rep_quantity *qs, size_t **members,
                             const size_t *nmembers, const size_t *pick, size_t npick, size_t keep,
                             size_t *nout)
{
    report *r = c->r;
    sized *order = sr_arena_calloc(r->arena, npick ? npick : 1, sizeof *order);
    for (size_t i = 0; i < npick; i++)
        order[i] = (sized){size_of(&qs[pick[i]]), pick[i]};
    qsort(order, npick, sizeof *order, by_size_desc);
    if (keep > npick)
        keep = npick;
    rep_quantity *rows = sr_arena_calloc(r->arena, keep ? keep : 1, sizeof *rows);
    for (size_t i = 0; i < keep; i++) {
        size_t at = order[i].at;
        make_quantity(c, &rows[i], members[at], nmembers[at], 1);
        rows[i].contested = qs[at].contested;
    }
    *nout = keep;
    return rows;
}

static void gather_killed(figctx *c)
{
    report *r = c->r;
    rep_killed *k = &r->killed;
    k->low = k->high = 0;
    int open = 0;
    /* Quantities: every group of killed figures once, and every killed
     * figure in none on its own. */
    size_t cap = c->nobs ? c->nobs : 1;
    rep_quantity *qs = sr_arena_calloc(r->arena, cap, sizeof *qs);
    size_t **members = sr_arena_calloc(r->arena, cap, sizeof *members);
    size_t *nmembers = sr_arena_calloc(r->arena, cap, sizeof *nmembers);
    int *cumulative = sr_arena_calloc(r->arena, cap, sizeof *cumulative);
    const char **outlets = sr_arena_calloc(r->arena, cap, sizeof *outlets);
    size_t nq = 0;
    for (size_t g = 0; g < c->ngroups; g++) {
        const sr_figure_group *gr = &c->groups[g];
        if (strcmp(c->obs[gr->members[0]].fig->category, "killed") != 0)
            continue;
        members[nq] = gr->members;
        nmembers[nq] = gr->n;
        make_quantity(c, &qs[nq], gr->members, gr->n, 0);
        qs[nq].contested = gr->contested;
        for (size_t m = 0; m < gr->n; m++)
            cumulative[nq] |= is_cumulative(&c->obs[gr->members[m]]);
        nq++;
    }
    for (size_t i = 0; i < c->nobs; i++) {
        if (strcmp(c->obs[i].fig->category, "killed") != 0)
            continue;
        k->nfigures++;
        size_t j = 0;
        while (j < k->noutlets && strcmp(outlets[j], c->obs[i].outlet) != 0)
            j++;
        if (j == k->noutlets)
            outlets[k->noutlets++] = c->obs[i].outlet;
        if (c->group_of[i] >= 0)
            continue;
        members[nq] = sr_arena_alloc(r->arena, sizeof(size_t));
        members[nq][0] = i;
        nmembers[nq] = 1;
        make_quantity(c, &qs[nq], members[nq], 1, 0);
        cumulative[nq] = is_cumulative(&c->obs[i]);
        nq++;
    }
    size_t *incident = sr_arena_calloc(r->arena, nq ? nq : 1, sizeof *incident);
    size_t *longer = sr_arena_calloc(r->arena, nq ? nq : 1, sizeof *longer);
    size_t ni = 0, nl = 0;
    for (size_t i = 0; i < nq; i++) {
        if (cumulative[i]) {
            longer[nl++] = i;
            continue;
        }
        incident[ni++] = i;
        k->ncontested += qs[i].contested != 0;
        if (!isnan(qs[i].low))
            k->low += qs[i].low;
        if (isnan(qs[i].high))
            open = 1;
        else
            k->high += qs[i].high;
    }
    if (open)
        k->high = NAN;
    k->nquantities = ni;
    k->ncumulative_all = nl;
    /* The killed table comes first in the report, so it cites first. */
    k->rows = largest(c, qs, members, nmembers, incident, ni, REP_KILLED_ROWS, &k->nrows);
    k->cumulative =
        largest(c, qs, members, nmembers, longer, nl, REP_CUMULATIVE_ROWS, &k->ncumulative);
}

static void gather_groups(figctx *c)
{
    report *r = c->r;
    size_t keep = c->ngroups < REP_FIGURE_GROUPS ? c->ngroups : REP_FIGURE_GROUPS;
    r->groups = sr_arena_calloc(r->arena, keep ? keep : 1, sizeof *r->groups);
    for (size_t g = 0; g < c->ngroups; g++) {
        const sr_figure_group *gr = &c->groups[g];
        r->ngroups_contested += gr->contested != 0;
        if (r->ngroups == keep)
            continue;
        rep_quantity *q = &r->groups[r->ngroups++];
        make_quantity(c, q, gr->members, gr->n, 1);
        q->contested = gr->contested;
    }
}

int rep_gather_figures(report *r)
{
    figctx c = {.r = r};
    sr_figure_obs *obs = NULL;
    sr_figure_group *groups = NULL;
    int rc = sr_store_figure_groups(r->store, &r->filter, r->arena, &obs, &c.nobs, &groups,
                                    &c.ngroups, r->err);
    if (rc != 0)
        return rc < 0 ? rc : sr_error_set(r->err, SR_EIO, "report: reading figures failed");
    c.obs = obs;
    c.groups = groups;
    if ((rc = rep_prepare(r, "SELECT doc_id FROM figures WHERE id = ?", &c.doc_of)) != 0)
        return rc;
    c.group_of = sr_arena_alloc(r->arena, (c.nobs ? c.nobs : 1) * sizeof *c.group_of);
    for (size_t i = 0; i < c.nobs; i++)
        c.group_of[i] = -1;
    for (size_t g = 0; g < c.ngroups; g++)
        for (size_t m = 0; m < groups[g].n; m++)
            c.group_of[groups[g].members[m]] = (int)g;
    gather_killed(&c);
    gather_groups(&c);
    sqlite3_finalize(c.doc_of);
    return 0;
}
