/*
 * The coding side of ingest: one document through the whole pipeline
 * (events with places and dates, figures, quotations, framing labels) and
 * into the rows the store keeps, with the values the JSON records carry.
 *
 * Runs on a worker thread: it touches only its own coder and arenas and
 * the job it was given.
 */
#include <math.h>
#include <string.h>

#include "store/ingest_internal.h"
#include "util/sha256.h"

/* The store's form of a TIMEX3 date (its first day); a value that names
 * no calendar day is kept as it is rather than lost. */
static const char *store_date(sr_arena *a, const char *value)
{
    if (!value)
        return NULL;
    char day[11];
    return sr_arena_strdup(a, sr_store_day(value, day) == 0 ? day : value);
}

/* "FILE:LINE" of a pattern, as the records write it (once per event, so
 * without printf). */
static const char *file_line(sr_arena *a, const char *file, unsigned line)
{
    char digits[21];
    size_t nd = sr_fmt_uint(digits, line), nf = strlen(file);
    char *out = sr_arena_alloc(a, nf + 1 + nd + 1);
    if (!out)
        return NULL;
    memcpy(out, file, nf);
    out[nf] = ':';
    memcpy(out + nf + 1, digits, nd + 1);
    return out;
}

/* Actor mentions are kept once per span; the first code given wins. */
typedef struct actor_list {
    ing_actor *items;
    size_t n, cap;
} actor_list;

static int add_actor(actor_list *l, sr_arena *a, uint32_t start, uint32_t end, const char *code)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].start == start && l->items[i].end == end)
            return (int)i;
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 16;
        ing_actor *items = sr_arena_alloc(a, cap * sizeof *items);
        if (l->n)
            memcpy(items, l->items, l->n * sizeof *items);
        l->items = items;
        l->cap = cap;
    }
    l->items[l->n] = (ing_actor){start, end, sr_arena_strdup(a, code)};
    return (int)l->n++;
}

static void copy_events(ing_job *j, const sr_events *evs, actor_list *actors, sr_arena *a)
{
    j->nevents = evs->n;
    j->events = evs->n ? sr_arena_calloc(a, evs->n, sizeof *j->events) : NULL;
    for (size_t k = 0; k < evs->n; k++) {
        const sr_event *e = &evs->events[k];
        ing_event *o = &j->events[k];
        o->sentence = e->sentence;
        o->sent_start = e->sent_start;
        o->sent_end = e->sent_end;
        o->source = o->target = -1;
        /* an actor is there when it has a code or words (as the record) */
        if (e->source.code || e->source.start != e->source.end)
            o->source = add_actor(actors, a, e->source.start, e->source.end, e->source.code);
        if (e->target.code || e->target.start != e->target.end)
            o->target = add_actor(actors, a, e->target.start, e->target.end, e->target.code);
        o->source_code = sr_arena_strdup(a, e->source.code);
        o->target_code = sr_arena_strdup(a, e->target.code);
        o->source_start = e->source.start;
        o->source_end = e->source.end;
        o->target_start = e->target.start;
        o->target_end = e->target.end;
        size_t cameo_len = strnlen(e->cameo, sizeof o->cameo - 1);
        memcpy(o->cameo, e->cameo, cameo_len);
        o->cameo[cameo_len] = '\0';
        if (sr_cameo_root(e->cameo, o->root) != 0)
            o->root[0] = '\0';
        o->info = e->info;
        o->verb_start = e->verb_start;
        o->verb_end = e->verb_end;
        if (e->pattern_file)
            o->pattern = file_line(a, e->pattern_file, e->pattern_line);
        o->mood = sr_arena_strdup(a, e->mood);
        o->place = e->place ? (int)(e->place - evs->places) : -1;
        o->place_from = e->place ? sr_arena_strdup(a, e->place_from) : NULL;
        o->date = store_date(a, e->date);
        o->date_precision = sr_arena_strdup(a, e->date_precision);
        o->date_source = sr_arena_strdup(a, e->date_from);
        if (e->date_timex) {
            o->has_date_text = 1;
            o->date_text_start = e->date_timex->start;
            o->date_text_end = e->date_timex->end;
        }
        o->mention_key = sr_mention_key(j->hash, e->sent_start, e->sent_end, e->cameo,
                                        e->source.start, e->source.end, e->target.start,
                                        e->target.end);
    }
}

/* A figure's place and date, decided as its record decides them. */
static void figure_where_when(ing_figure *o, const sr_figure *f, const sr_events *evs,
                              sr_arena *a)
{
    sr_figure_where_when ww;
    sr_figure_where_when_of(evs, f, &ww);
    o->place = ww.place ? (int)(ww.place - evs->places) : -1;
    o->place_from = ww.place ? sr_arena_strdup(a, ww.place_from) : NULL;
    o->date = store_date(a, ww.date);
    if (ww.date_timex) {
        o->has_date_text = 1;
        o->date_text_start = ww.date_timex->start;
        o->date_text_end = ww.date_timex->end;
    }
    o->date_precision = sr_arena_strdup(a, ww.date_precision);
    o->date_source = sr_arena_strdup(a, ww.date_source);
}

static void copy_figures(ing_coding *c, ing_job *j, const sr_events *evs, actor_list *actors,
                         sr_arena *a)
{
    sr_figure *fs = NULL;
    size_t n = 0;
    if (sr_figures_find(evs->text, evs->phrases, evs->nphrases, c->scratch, &fs, &n) != 0 || !n)
        return;
    j->nfigures = n;
    j->figures = sr_arena_calloc(a, n, sizeof *j->figures);
    for (size_t k = 0; k < n; k++) {
        const sr_figure *f = &fs[k];
        ing_figure *o = &j->figures[k];
        o->sentence = f->sentence;
        o->start = f->start;
        o->end = f->end;
        o->low = f->low;
        o->high = f->high;
        o->qualifier = sr_arena_strdup(a, f->qualifier);
        o->category = sr_arena_strdup(a, f->category);
        if (f->unit_text) {
            o->has_unit = 1;
            o->unit_start = f->unit_start;
            o->unit_end = f->unit_end;
        }
        o->whose = o->claimant = -1;
        if (f->whose) {
            o->whose = add_actor(actors, a, f->whose->start, f->whose->end, f->whose->code);
            o->whose_code = sr_arena_strdup(a, f->whose->code);
            o->whose_start = f->whose->start;
            o->whose_end = f->whose->end;
        }
        if (f->claimant || f->claimant_start != f->claimant_end) {
            uint32_t s = f->claimant_start, e = f->claimant_end;
            if (s == e) {
                s = f->claimant->start;
                e = f->claimant->end;
            }
            o->claimant_code = f->claimant ? sr_arena_strdup(a, f->claimant->code) : NULL;
            o->claimant_start = s;
            o->claimant_end = e;
            o->claimant = add_actor(actors, a, s, e, o->claimant_code);
        }
        figure_where_when(o, f, evs, a);
        char subject[128];
        sr_figure_subject(f, subject, sizeof subject);
        o->subject = sr_arena_strdup(a, subject);
        o->place_words = sr_arena_strdup(a, sr_figure_place(evs->text, f, c->scratch));
    }
}

static void copy_quotes(ing_coding *c, ing_job *j, const sr_events *evs, actor_list *actors,
                        sr_arena *a)
{
    sr_quote *qs = NULL;
    size_t n = 0;
    if (sr_quotes_find(evs->text, evs->phrases, evs->nphrases, c->scratch, &qs, &n) != 0 || !n)
        return;
    const char *text = evs->text->src;
    j->nquotes = n;
    j->quotes = sr_arena_calloc(a, n, sizeof *j->quotes);
    sr_buf tmp = SR_BUF_INIT;
    for (size_t k = 0; k < n; k++) {
        const sr_quote *q = &qs[k];
        ing_quote *o = &j->quotes[k];
        o->sentence = q->sentence;
        o->start = q->start;
        o->end = q->end;
        sr_buf_reset(&tmp);
        for (size_t p = 0; p < q->nparts; p++) {
            if (p)
                sr_buf_putc(&tmp, ' ');
            sr_buf_put(&tmp, text + q->parts[p].start, q->parts[p].end - q->parts[p].start);
        }
        o->quote = sr_arena_strndup(a, tmp.data ? tmp.data : "", tmp.len);
        sr_buf_reset(&tmp);
        sr_buf_putc(&tmp, '[');
        for (size_t p = 0; p < q->nparts; p++) {
            if (p)
                sr_buf_putc(&tmp, ',');
            sr_buf_json_span(&tmp, q->parts[p].start, q->parts[p].end);
        }
        sr_buf_putc(&tmp, ']');
        o->parts = sr_arena_strndup(a, tmp.data, tmp.len);
        o->direct = q->direct;
        o->speaker = -1;
        if (q->speaker_end > q->speaker_start) {
            o->speaker_code = q->speaker ? sr_arena_strdup(a, q->speaker->code) : NULL;
            o->speaker_start = q->speaker_start;
            o->speaker_end = q->speaker_end;
            o->speaker = add_actor(actors, a, q->speaker_start, q->speaker_end, o->speaker_code);
        }
        o->speaker_from_pronoun = q->speaker_from_pronoun;
        if (q->cue_end > q->cue_start) {
            o->has_cue = 1;
            o->cue_start = q->cue_start;
            o->cue_end = q->cue_end;
        }
    }
    sr_buf_free(&tmp);
}

static void copy_labels(ing_coding *c, ing_job *j, const sr_events *evs, sr_arena *a)
{
    sr_label *ls = NULL;
    size_t n = 0;
    if (sr_labels_find(evs->text, evs->phrases, evs->nphrases, c->scratch, &ls, &n) != 0 || !n)
        return;
    j->nlabels = n;
    j->labels = sr_arena_calloc(a, n, sizeof *j->labels);
    for (size_t k = 0; k < n; k++) {
        ing_label *o = &j->labels[k];
        o->sentence = ls[k].sentence;
        o->start = ls[k].start;
        o->end = ls[k].end;
        o->word = sr_arena_strdup(a, ls[k].word);
        o->actor_code = ls[k].phrase ? sr_arena_strdup(a, ls[k].phrase->code) : NULL;
    }
}

void ing_code_job(ing_coding *c, ing_job *j, sr_arena *a)
{
    if (!j->hash[0])
        sr_sha256_hex(j->doc.text, j->doc.text_len, j->hash, ING_HASH_HEX);
    const sr_events *evs = NULL;
    sr_error err = {0, ""};
    if (sr_coder_code(c->coder, j->doc.text, j->doc.text_len, j->doc.date, &evs, &err) != 0) {
        j->error = sr_arena_strdup(a, err.msg[0] ? err.msg : "the coder failed");
        return;
    }
    const sr_text *t = evs->text;
    sr_arena_reset(c->scratch);
    j->published = store_date(a, evs->doc_date);
    j->date_source = evs->doc_date ? sr_arena_strdup(a, evs->doc_date_from) : NULL;
    j->main_place = sr_arena_strdup(a, sr_figures_main_place(t, evs->phrases, evs->nphrases, c->scratch));

    j->nsentences = t->nsentences;
    j->sentences = t->nsentences ? sr_arena_alloc(a, t->nsentences * sizeof *j->sentences) : NULL;
    for (size_t i = 0; i < t->nsentences; i++)
        j->sentences[i] = (ing_sentence){t->sentences[i].start, t->sentences[i].end};

    j->nplaces = evs->nplaces;
    j->places = evs->nplaces ? sr_arena_alloc(a, evs->nplaces * sizeof *j->places) : NULL;
    if (evs->nplaces)
        memcpy(j->places, evs->places, evs->nplaces * sizeof *j->places);
    for (size_t i = 0; i < j->nplaces; i++)
        j->places[i].cue = sr_arena_strdup(a, j->places[i].cue);

    actor_list actors = {NULL, 0, 0};
    copy_events(j, evs, &actors, a);
    copy_figures(c, j, evs, &actors, a);
    copy_quotes(c, j, evs, &actors, a);
    copy_labels(c, j, evs, a);
    j->actors = actors.items;
    j->nactors = actors.n;
}
