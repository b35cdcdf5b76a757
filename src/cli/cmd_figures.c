/*
 * sitrep figures: the numbers a set of articles reports, the ones outlets
 * disagree on (--contested) and the words each outlet uses for armed
 * groups (--labels).
 *
 * Every document is coded (for the actor phrases figures resolve against),
 * its figures found, and what the chosen view needs is copied into one
 * arena for the whole run; the views are printed at the end (the listing
 * as documents come).
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/filter_opts.h"
#include "cli/output.h"
#include "sitrep/figures.h"
#include "sitrep/query.h"
#include "util/buf.h"

static const char figures_usage[] =
    "usage: sitrep figures [options] PATH...\n"
    "       sitrep figures [--contested] [--db FILE] [filters] [--format F]\n"
    "\n"
    "List the figures (killed, injured, displaced, fighters, detained, share\n"
    "of territory, ...) that articles report, with their qualifiers, whose\n"
    "they are and who claims them. PATH is a .txt, .jsonl or .html file, a\n"
    "directory, or - for JSON lines on standard input. The outlet of a\n"
    "document is its source, else its file name.\n"
    "\n"
    "options:\n"
    "  --contested         group the figures different outlets give for the\n"
    "                      same quantity (category, what is counted, place,\n"
    "                      dates): first those they disagree on, then those\n"
    "                      they agree on\n"
    "  --labels            the words each outlet uses for armed groups\n"
    "                      (rebels, terrorists, jihadists, ...), counted by\n"
    "                      the group the coder resolved, side by side\n"
    "  --format F          table (default) or jsonl\n"
    "  --dict DIR          dictionary directory (default: $SITREP_DICT, else\n"
    "                      the installed data/dict)\n"
    "  -h, --help          this help\n"
    "\n"
    "The conventions (vague words, qualifiers, categories, grouping) are in\n"
    "docs/figures.md.\n"
    "\n"
    "With --db, or no PATH, the figures stored by sitrep ingest are read\n"
    "(default store: $SITREP_DB, else ./sitrep.db): listed, or with\n"
    "--contested grouped across the whole store (--format csv lists them as\n"
    "CSV). These filters select figures there: --since, --until (the\n"
    "figure's date), --place NAME or LAT,LON,KM, --outlet, --actor (whose\n"
    "the figure is, or who claims it), --text (its sentence, FTS5), --limit.\n"
    "\n"
    "exit status: 0 all documents read, 1 some documents failed, 2 usage\n"
    "error, 3 could not start (dictionaries).\n";

enum view { VIEW_LIST, VIEW_CONTESTED, VIEW_LABELS };

/* A figure kept for the comparison after its document is gone. */
typedef struct kept {
    sr_figure fig;
    sr_actor_phrase whose;
    int has_whose;
    const char *doc, *sentence, *figure_text, *claimant_text;
} kept;

typedef struct label_count {
    const char *group, *word, *outlet;
    size_t n;
} label_count;

typedef struct figures_run {
    sr_coder *coder;
    enum view view;
    int jsonl;
    sr_arena *keep;      /* what outlives a document */
    sr_arena *scratch;   /* one document's figures */
    kept *items;
    sr_figure_obs *obs;
    size_t nitems, capitems;
    label_count *labels;
    size_t nlabels, caplabels;
    const char **outlets;
    size_t noutlets, capoutlets;
    size_t bad;
    sr_buf out;
} figures_run;

static const char *base_name(const char *path)
{
    const char *slash = path ? strrchr(path, '/') : NULL;
    return slash ? slash + 1 : path ? path : "-";
}

static const char *intern_outlet(figures_run *r, const char *name)
{
    for (size_t k = 0; k < r->noutlets; k++)
        if (strcmp(r->outlets[k], name) == 0)
            return r->outlets[k];
    if (r->noutlets == r->capoutlets) {
        r->capoutlets = r->capoutlets ? 2 * r->capoutlets : 16;
        r->outlets = realloc(r->outlets, r->capoutlets * sizeof *r->outlets);
        if (!r->outlets)
            abort();
    }
    return r->outlets[r->noutlets++] = sr_arena_strdup(r->keep, name);
}

static char *copy_span(sr_arena *a, const char *text, uint32_t start, uint32_t end)
{
    return sr_arena_strndup(a, text + start, end - start);
}

/* "7000", "24..99", "100..", "..1000000" */
static void put_value(sr_buf *b, const sr_figure *f)
{
    if (f->exact) {
        sr_buf_printf(b, "%.15g", f->low);
        return;
    }
    if (f->low == f->high) {
        sr_buf_printf(b, "~%.15g", f->low);
        return;
    }
    if (!isnan(f->low))
        sr_buf_printf(b, "%.15g", f->low);
    sr_buf_puts(b, "..");
    if (!isnan(f->high))
        sr_buf_printf(b, "%.15g", f->high);
}

/* A figure's numbers in its JSON records: the one value (null unless
 * exact), and its bounds (null when open). */
static void put_values_json(sr_buf *b, const sr_figure *f)
{
    out_json_number(b, "value", f->exact ? f->low : NAN);
    out_json_number(b, "low", f->low);
    out_json_number(b, "high", f->high);
}

static void list_table(figures_run *r, const char *outlet, const sr_events *evs,
                       const sr_figure *fs, size_t n)
{
    const char *text = evs->text->src;
    for (size_t k = 0; k < n; k++) {
        const sr_figure *f = &fs[k];
        sr_buf_printf(&r->out, "%-24.24s %-17s ", outlet, f->category);
        size_t at = r->out.len;
        put_value(&r->out, f);
        sr_buf_printf(&r->out, "%*s \"%.*s\"", (int)(at + 12 > r->out.len ? at + 12 - r->out.len : 0),
                      "", (int)(f->end - f->start), text + f->start);
        if (f->unit_text)
            sr_buf_printf(&r->out, " %s", f->unit_text);
        if (f->whose)
            sr_buf_printf(&r->out, "  whose=%s", f->whose->code ? f->whose->code : "-");
        if (f->claimant_end > f->claimant_start)
            sr_buf_printf(&r->out, "  claimant=\"%.*s\"",
                          (int)(f->claimant_end - f->claimant_start), text + f->claimant_start);
        sr_buf_putc(&r->out, '\n');
    }
}

static void keep_figures(figures_run *r, const sr_doc *doc, const char *outlet,
                         const sr_events *evs, const sr_figure *fs, size_t n)
{
    const sr_text *t = evs->text;
    const char *main_place = sr_figures_main_place(t, evs->phrases, evs->nphrases, r->scratch);
    if (main_place)
        main_place = sr_arena_strdup(r->keep, main_place);
    const char *doc_id = sr_arena_strdup(r->keep, doc->id ? doc->id : "");
    const char *date = sr_arena_strdup(r->keep, doc->date);
    for (size_t k = 0; k < n; k++) {
        if (r->nitems == r->capitems) {
            r->capitems = r->capitems ? 2 * r->capitems : 64;
            r->items = realloc(r->items, r->capitems * sizeof *r->items);
            r->obs = realloc(r->obs, r->capitems * sizeof *r->obs);
            if (!r->items || !r->obs)
                abort();
        }
        kept *it = &r->items[r->nitems];
        const sr_figure *f = &fs[k];
        const sr_sentence *sn = &t->sentences[f->sentence];
        it->fig = *f;
        if (f->unit_text)
            it->fig.unit_text = sr_arena_strdup(r->keep, f->unit_text);
        /* whose is kept by value and pointed to once the array stops moving */
        it->fig.whose = NULL;
        it->has_whose = f->whose != NULL;
        if (f->whose) {
            it->whose = *f->whose;
            if (f->whose->code)
                it->whose.code = sr_arena_strdup(r->keep, f->whose->code);
        }
        it->fig.claimant = NULL;
        it->claimant_text = f->claimant_end > f->claimant_start
                                ? copy_span(r->keep, t->src, f->claimant_start, f->claimant_end)
                                : NULL;
        it->doc = doc_id;
        it->sentence = copy_span(r->keep, t->src, sn->start, sn->end);
        it->figure_text = copy_span(r->keep, t->src, f->start, f->end);
        char subject[64];
        sr_figure_subject(f, subject, sizeof subject);
        sr_figure_obs *o = &r->obs[r->nitems];
        o->fig = NULL;
        o->outlet = outlet;
        o->subject = sr_arena_strdup(r->keep, subject);
        const char *place = sr_figure_place(t, f, r->scratch);
        o->place = sr_arena_strdup(r->keep, place);
        o->doc_place = main_place;
        o->date = date;
        r->nitems++;
    }
}

static void keep_labels(figures_run *r, const char *outlet, const sr_events *evs)
{
    sr_label *ls;
    size_t n;
    if (sr_labels_find(evs->text, evs->phrases, evs->nphrases, r->scratch, &ls, &n) != 0)
        return;
    for (size_t k = 0; k < n; k++) {
        char group[16];
        const char *code = ls[k].phrase && ls[k].phrase->code ? ls[k].phrase->code : "(uncoded)";
        /* the group at the country-and-sector level; international
         * militant groups keep their name (IMGMUSALQ, IMGMUSISI) */
        int width = code[0] == '(' ? (int)sizeof group : strncmp(code, "IMG", 3) == 0 ? 9 : 6;
        snprintf(group, sizeof group, "%.*s", width, code);
        size_t j = 0;
        while (j < r->nlabels &&
               !(strcmp(r->labels[j].group, group) == 0 && r->labels[j].word == ls[k].word &&
                 r->labels[j].outlet == outlet))
            j++;
        if (j == r->nlabels) {
            if (r->nlabels == r->caplabels) {
                r->caplabels = r->caplabels ? 2 * r->caplabels : 64;
                r->labels = realloc(r->labels, r->caplabels * sizeof *r->labels);
                if (!r->labels)
                    abort();
            }
            r->labels[j] = (label_count){sr_arena_strdup(r->keep, group), ls[k].word, outlet, 0};
            r->nlabels++;
        }
        r->labels[j].n++;
    }
}

static int on_doc(const sr_doc *doc, void *ctx)
{
    figures_run *r = ctx;
    const sr_events *evs = NULL;
    sr_error err = {0, ""};
    if (sr_coder_code(r->coder, doc->text, doc->text_len, doc->date, &evs, &err) != 0) {
        fprintf(stderr, "%s:%zu: %s\n", doc->path, doc->line, err.msg);
        r->bad++;
        return 0;
    }
    sr_arena_reset(r->scratch);
    const char *outlet = intern_outlet(r, doc->source && *doc->source ? doc->source
                                                                      : base_name(doc->path));
    if (r->view == VIEW_LABELS) {
        keep_labels(r, outlet, evs);
        return 0;
    }
    sr_figure *fs;
    size_t n;
    if (sr_figures_find(evs->text, evs->phrases, evs->nphrases, r->scratch, &fs, &n) != 0)
        return 0;
    if (r->view == VIEW_CONTESTED) {
        keep_figures(r, doc, outlet, evs, fs, n);
        return 0;
    }
    sr_buf_reset(&r->out);
    if (r->jsonl) {
        sr_doc named = *doc;
        named.source = outlet;
        sr_records_write_figures(&r->out, &named, evs, fs, n);
    } else {
        list_table(r, outlet, evs, fs, n);
    }
    fwrite(r->out.data ? r->out.data : "", 1, r->out.len, stdout);
    return 0;
}

static void on_error(const char *path, size_t line, const char *msg, void *ctx)
{
    figures_run *r = ctx;
    (void)path;
    (void)line;
    r->bad++;
    fprintf(stderr, "%s\n", msg); /* already "FILE:LINE: what is wrong" */
}

/* ---- --contested ---------------------------------------------------------- */

/* What a group member shows besides its sr_figure: kept from the article
 * (files) or read from the store. */
typedef struct member_text {
    const char *doc, *figure_text, *claimant_text, *sentence;
} member_text;

typedef member_text (*member_text_fn)(size_t index, const sr_figure_obs *o, void *ctx);

static member_text kept_member(size_t index, const sr_figure_obs *o, void *ctx)
{
    const figures_run *r = ctx;
    const kept *it = &r->items[index];
    (void)o;
    member_text m = {it->doc, it->figure_text, it->claimant_text, it->sentence};
    return m;
}

static void write_groups(sr_buf *b, int jsonl, const sr_figure_obs *obs, const sr_figure_group *gs,
                         size_t ng, member_text_fn member, void *ctx);

static void print_groups(figures_run *r)
{
    for (size_t k = 0; k < r->nitems; k++) {
        kept *it = &r->items[k];
        it->fig.whose = it->has_whose ? &it->whose : NULL;
        r->obs[k].fig = &it->fig;
    }
    sr_figure_group *gs;
    size_t ng;
    if (sr_figures_group(r->obs, r->nitems, r->keep, &gs, &ng) != 0)
        return;
    sr_buf *b = &r->out;
    sr_buf_reset(b);
    write_groups(b, r->jsonl, r->obs, gs, ng, kept_member, r);
    fwrite(b->data ? b->data : "", 1, b->len, stdout);
}

static void write_groups(sr_buf *b, int jsonl, const sr_figure_obs *obs, const sr_figure_group *gs,
                         size_t ng, member_text_fn member, void *ctx)
{
    if (!jsonl && ng == 0)
        sr_buf_puts(b, "no quantity is given by two outlets\n");
    for (size_t g = 0; g < ng; g++) {
        const sr_figure_group *gr = &gs[g];
        const sr_figure_obs *first = &obs[gr->members[0]];
        const char *status = gr->contested ? "contested" : "agreed";
        if (jsonl) {
            sr_buf_puts(b, "{\"kind\":\"figure_group\",\"status\":");
            sr_buf_json_strz(b, status);
            sr_buf_puts(b, ",\"category\":");
            sr_buf_json_strz(b, first->fig->category);
            sr_buf_puts(b, ",\"subject\":");
            sr_buf_json_strz(b, first->subject);
            sr_buf_puts(b, ",\"place\":");
            sr_buf_json_strz(b, first->place ? first->place : first->doc_place);
            sr_buf_printf(b, ",\"outlets\":%zu,\"figures\":[", gr->noutlets);
        } else {
            sr_buf_printf(b, "%s%s: %s, %s, in %s (%zu outlets)\n", g ? "\n" : "",
                          gr->contested ? "CONTESTED" : "AGREED", first->fig->category,
                          first->subject, first->place ? first->place : first->doc_place, gr->noutlets);
        }
        for (size_t m = 0; m < gr->n; m++) {
            const sr_figure_obs *o = &obs[gr->members[m]];
            member_text it = member(gr->members[m], &obs[gr->members[m]], ctx);
            const sr_figure *f = o->fig;
            if (jsonl) {
                sr_buf_puts(b, m ? ",{\"outlet\":" : "{\"outlet\":");
                sr_buf_json_strz(b, o->outlet);
                sr_buf_puts(b, ",\"doc\":");
                sr_buf_json_strz(b, it.doc);
                sr_buf_puts(b, ",\"figure_text\":");
                sr_buf_json_strz(b, it.figure_text);
                put_values_json(b, f);
                sr_buf_puts(b, ",\"unit\":");
                sr_buf_json_strz(b, f->unit_text);
                sr_buf_puts(b, ",\"whose\":");
                sr_buf_json_strz(b, f->whose ? f->whose->code : NULL);
                sr_buf_puts(b, ",\"claimant\":");
                sr_buf_json_strz(b, it.claimant_text);
                sr_buf_puts(b, ",\"date\":");
                sr_buf_json_strz(b, o->date);
                sr_buf_puts(b, ",\"text\":");
                sr_buf_json_strz(b, it.sentence);
                sr_buf_putc(b, '}');
            } else {
                sr_buf_puts(b, "  ");
                size_t at = b->len;
                put_value(b, f);
                sr_buf_printf(b, "%*s %-24.24s \"%s\"", (int)(at + 12 > b->len ? at + 12 - b->len : 0),
                              "", o->outlet, it.figure_text);
                if (it.claimant_text)
                    sr_buf_printf(b, " (%s)", it.claimant_text);
                sr_buf_printf(b, "\n      %s\n", it.sentence);
            }
        }
        if (jsonl)
            sr_buf_printf(b, "],\"v\":%d}\n", SR_RECORD_VERSION);
    }
}

/* ---- --labels ------------------------------------------------------------- */

static int cmp_label(const void *pa, const void *pb)
{
    const label_count *a = pa, *b = pb;
    int c = strcmp(a->group, b->group);
    return c ? c : strcmp(a->word, b->word);
}

static size_t count_of(const figures_run *r, const char *group, const char *word,
                       const char *outlet)
{
    size_t n = 0;
    for (size_t k = 0; k < r->nlabels; k++)
        if ((!group || strcmp(r->labels[k].group, group) == 0) && r->labels[k].word == word &&
            r->labels[k].outlet == outlet)
            n += r->labels[k].n;
    return n;
}

static int cmp_word(const void *pa, const void *pb)
{
    return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

/* One table (or its JSON lines): a row per word, a column per outlet. */
static void print_label_rows(figures_run *r, const char *group, const char *title)
{
    sr_buf *b = &r->out;
    const char **words = malloc((r->nlabels + 1) * sizeof *words);
    if (!words)
        abort();
    size_t nw = 0;
    for (size_t k = 0; k < r->nlabels; k++) {
        const label_count *l = &r->labels[k];
        if (group && strcmp(l->group, group) != 0)
            continue;
        size_t j = 0;
        while (j < nw && words[j] != l->word)
            j++;
        if (j == nw)
            words[nw++] = l->word;
    }
    qsort(words, nw, sizeof *words, cmp_word);
    int width = 8;
    for (size_t o = 0; o < r->noutlets; o++)
        if ((int)strlen(r->outlets[o]) > width)
            width = (int)strlen(r->outlets[o]);
    if (width > 16)
        width = 16;
    if (!r->jsonl) {
        sr_buf_printf(b, "\n%s\n  %-16s", title, "word");
        for (size_t o = 0; o < r->noutlets; o++)
            sr_buf_printf(b, " %*.*s", width, width, r->outlets[o]);
        sr_buf_putc(b, '\n');
    }
    for (size_t w = 0; w < nw; w++) {
        if (r->jsonl) {
            sr_buf_puts(b, "{\"kind\":\"labels\",\"group\":");
            sr_buf_json_strz(b, group ? group : "all");
            sr_buf_puts(b, ",\"word\":");
            sr_buf_json_strz(b, words[w]);
            sr_buf_puts(b, ",\"counts\":{");
            for (size_t o = 0; o < r->noutlets; o++) {
                if (o)
                    sr_buf_putc(b, ',');
                sr_buf_json_strz(b, r->outlets[o]);
                sr_buf_printf(b, ":%zu", count_of(r, group, words[w], r->outlets[o]));
            }
            sr_buf_printf(b, "},\"v\":%d}\n", SR_RECORD_VERSION);
            continue;
        }
        sr_buf_printf(b, "  %-16s", words[w]);
        for (size_t o = 0; o < r->noutlets; o++) {
            size_t c = count_of(r, group, words[w], r->outlets[o]);
            if (c)
                sr_buf_printf(b, " %*zu", width, c);
            else
                sr_buf_printf(b, " %*s", width, ".");
        }
        sr_buf_putc(b, '\n');
    }
    free(words);
}

static void print_labels(figures_run *r)
{
    if (r->nlabels)
        qsort(r->labels, r->nlabels, sizeof *r->labels, cmp_label);
    sr_buf *b = &r->out;
    sr_buf_reset(b);
    if (!r->jsonl)
        sr_buf_puts(b, "Words for armed groups, counted per outlet; groups are the coder's actor\n"
                       "codes at the country-and-sector level (SYRREB: Syrian rebels).\n");
    print_label_rows(r, NULL, "all groups");
    for (size_t k = 0; k < r->nlabels; k++)
        if (k == 0 || strcmp(r->labels[k - 1].group, r->labels[k].group) != 0) {
            char title[48];
            snprintf(title, sizeof title, "group %s", r->labels[k].group);
            print_label_rows(r, r->labels[k].group, title);
        }
    fwrite(b->data ? b->data : "", 1, b->len, stdout);
}

/* ---- the store's figures ----------------------------------------------------- */

static member_text stored_member(size_t index, const sr_figure_obs *o, void *ctx)
{
    (void)index;
    (void)ctx;
    const sr_stored_figure *sf = sr_stored_figure_of(o->fig);
    member_text m = {sf->doc_key, sf->figure_text, sf->claimant_text, sf->sentence_text};
    return m;
}

static const out_col figure_csv_cols[] = {
    {"id", 0, 0, 0, 0},       {"date", 0, 0, 0, 0},        {"outlet", 0, 0, 0, 0},
    {"category", 0, 0, 0, 0}, {"figure_text", 0, 0, 0, 0}, {"value", 0, 0, 0, 0},
    {"low", 0, 0, 0, 0},      {"high", 0, 0, 0, 0},        {"qualifier", 0, 0, 0, 0},
    {"unit", 0, 0, 0, 0},     {"whose_code", 0, 0, 0, 0},  {"claimant_code", 0, 0, 0, 0},
    {"claimant", 0, 0, 0, 0}, {"place", 0, 0, 0, 0},       {"doc", 0, 0, 0, 0},
    {"text", 0, 0, 0, 0}};
enum { FIGURE_CSV_COLS = sizeof figure_csv_cols / sizeof figure_csv_cols[0] };

static int list_stored(const sr_stored_figure *sf, void *ctx)
{
    query_run *q = ctx;
    const sr_figure *f = &sf->fig;
    if (q->format == OUT_CSV) {
        out_numbers nc = {.n = 0};
        const char *cells[FIGURE_CSV_COLS] = {
            out_int(&nc, sf->id), sf->date, sf->outlet, f->category, sf->figure_text,
            f->exact ? out_number(&nc, f->low) : NULL, out_number(&nc, f->low),
            out_number(&nc, f->high), f->qualifier, f->unit_text, sf->whose.code,
            sf->claimant.code, sf->claimant_text, sf->place_name ? sf->place_name : sf->place_words,
            sf->doc_key, sf->sentence_text};
        cli_out_row(q->out, cells);
        return 0;
    }
    sr_buf *b = &q->json;
    sr_buf_reset(b);
    if (q->format == OUT_JSONL) {
        sr_buf_puts(b, "{\"kind\":\"figure\"");
        out_json_str(b, "doc", sf->doc_key);
        out_json_int(b, "sentence", f->sentence);
        sr_buf_puts(b, ",\"span\":");
        sr_buf_json_span(b, f->start, f->end);
        out_json_str(b, "text", sf->sentence_text);
        out_json_str(b, "figure_text", sf->figure_text);
        put_values_json(b, f);
        out_json_str(b, "qualifier", f->qualifier);
        out_json_str(b, "category", f->category);
        if (f->unit_text) { /* the store keeps the words, not their span */
            sr_buf_puts(b, ",\"unit\":{\"text\":");
            sr_buf_json_strz(b, f->unit_text);
            sr_buf_puts(b, ",\"span\":null}");
        } else {
            sr_buf_puts(b, ",\"unit\":null");
        }
        const char *role_names[2] = {"whose", "claimant"};
        const char *role_texts[2] = {sf->whose_text, sf->claimant_text};
        const sr_actor_phrase *phrases[2] = {f->whose, f->claimant};
        for (int i = 0; i < 2; i++) {
            if (!phrases[i]) {
                sr_buf_printf(b, ",\"%s\":null", role_names[i]);
                continue;
            }
            sr_buf_printf(b, ",\"%s\":{\"code\":", role_names[i]);
            sr_buf_json_strz(b, phrases[i]->code);
            out_json_str(b, "text", role_texts[i]);
            sr_buf_puts(b, ",\"span\":null}");
        }
        out_json_str(b, "source_outlet", sf->outlet);
        out_json_str(b, "place", sf->place_name);
        out_json_str(b, "date", sf->date);
        out_json_int(b, "id", sf->id);
        sr_buf_printf(b, ",\"v\":%d}\n", SR_RECORD_VERSION);
    } else {
        sr_buf_printf(b, "%-24.24s %-17s ", sf->outlet ? sf->outlet : "-", f->category);
        size_t at = b->len;
        put_value(b, f);
        sr_buf_printf(b, "%*s \"%s\"", (int)(at + 12 > b->len ? at + 12 - b->len : 0), "",
                      sf->figure_text);
        if (f->unit_text)
            sr_buf_printf(b, " %s", f->unit_text);
        if (f->whose)
            sr_buf_printf(b, "  whose=%s", f->whose->code ? f->whose->code : "-");
        if (sf->claimant_text)
            sr_buf_printf(b, "  claimant=\"%s\"", sf->claimant_text);
        sr_buf_putc(b, '\n');
    }
    fwrite(b->data, 1, b->len, stdout);
    return 0;
}

/* The store's figures grouped across outlets (--contested). */
static int group_stored(query_run *q, const sr_event_filter *f, sr_error *err)
{
    sr_arena *arena = sr_arena_new(1u << 20);
    sr_figure_obs *obs;
    sr_figure_group *gs;
    size_t nobs, ng;
    int rc = sr_store_figure_groups(q->store, f, arena, &obs, &nobs, &gs, &ng, err);
    if (rc == 0) {
        write_groups(&q->json, q->format == OUT_JSONL, obs, gs, ng, stored_member, NULL);
        fwrite(q->json.data ? q->json.data : "", 1, q->json.len, stdout);
    }
    sr_arena_free(arena);
    return rc;
}

static int store_figures(query_args *a, enum view view)
{
    if (view == VIEW_LABELS) {
        fputs("sitrep figures: --labels reads articles (PATH...), not a store\n", stderr);
        return EXIT_USAGE;
    }
    if (filter_opts_finish(a, "figures") != 0)
        return EXIT_USAGE;
    if (view == VIEW_CONTESTED && a->format == OUT_CSV) {
        fputs("sitrep figures: --contested writes table or jsonl (groups do not fit CSV rows)\n",
              stderr);
        return EXIT_USAGE;
    }
    /* a writer for CSV only: the listing's table and JSON lines are
     * written as the file mode writes them */
    query_run q;
    int status = query_run_start(&q, "figures", a, NULL, 0, figure_csv_cols, FIGURE_CSV_COLS);
    if (status != 0)
        return status;
    sr_error err = {0, ""};
    int rc = view == VIEW_CONTESTED ? group_stored(&q, &a->f, &err)
                                    : sr_store_figures(q.store, &a->f, list_stored, &q, &err);
    return query_run_end(&q, rc, &err, NULL);
}

int cmd_figures(int argc, char **argv)
{
    static const struct option longopts[] = {
        {"contested", no_argument, NULL, 'c'}, {"labels", no_argument, NULL, 'l'},
        {"format", required_argument, NULL, 'f'}, {"dict", required_argument, NULL, 'd'},
        {"help", no_argument, NULL, 'h'}, FILTER_LONGOPTS, {NULL, 0, NULL, 0}};
    const char *dict_dir = NULL;
    const char *format = NULL;
    figures_run r;
    memset(&r, 0, sizeof r);
    query_args store;
    memset(&store, 0, sizeof store);
    int store_options = 0;
    int ch;
    optind = 1;
    while ((ch = getopt_long(argc, argv, "d:h", longopts, NULL)) != -1) {
        switch (ch) {
        case 'c': r.view = VIEW_CONTESTED; break;
        case 'l': r.view = VIEW_LABELS; break;
        case 'f': format = optarg; break;
        case 'd': dict_dir = optarg; break;
        case 'h': fputs(figures_usage, stdout); return EXIT_OK;
        default: {
            int status = filter_opt_take_or_usage(&store, ch, optarg, "figures", figures_usage);
            if (status >= 0)
                return status;
            store_options = 1;
        }
        }
    }
    if (store.db && optind < argc) {
        fprintf(stderr, "sitrep figures: give PATH... (articles) or --db (a store), not both\n");
        return EXIT_USAGE;
    }
    if (store.db || optind >= argc) {
        store.format_name = format;
        return store_figures(&store, r.view);
    }
    if (store_options) {
        fprintf(stderr, "sitrep figures: the filters read a store (--db, or no PATH), not "
                        "articles\n");
        return EXIT_USAGE;
    }
    if (format) {
        if (strcmp(format, "jsonl") == 0) {
            r.jsonl = 1;
        } else if (strcmp(format, "table") != 0) {
            fprintf(stderr, "sitrep figures: --format takes table or jsonl, not '%s'\n", format);
            return EXIT_USAGE;
        }
    }
    sr_dict *dict = cli_load_dict(cli_dict_dir(dict_dir), 0);
    if (!dict)
        return EXIT_FATAL;
    sr_coder_options opt;
    sr_coder_options_default(&opt);
    sr_error err = {0, ""};
    int status = EXIT_OK;
    if (sr_coder_new(&r.coder, dict, &opt, &err) != 0) {
        fprintf(stderr, "sitrep figures: %s\n", err.msg);
        sr_dict_free(dict);
        return EXIT_FATAL;
    }
    r.keep = sr_arena_new(1u << 20);
    r.scratch = sr_arena_new(1u << 20);
    sr_buf_init(&r.out);
    sr_reader *reader = sr_reader_new();
    for (int i = optind; i < argc; i++)
        if (sr_read_path(reader, argv[i], SR_FORMAT_AUTO, on_doc, on_error, &r) != 0)
            status = EXIT_SOME_FAILED;
    sr_reader_free(reader);
    if (r.view == VIEW_CONTESTED)
        print_groups(&r);
    else if (r.view == VIEW_LABELS)
        print_labels(&r);
    if (r.bad)
        status = EXIT_SOME_FAILED;
    fflush(stdout);
    sr_buf_free(&r.out);
    free(r.items);
    free(r.obs);
    free(r.labels);
    free(r.outlets);
    sr_arena_free(r.keep);
    sr_arena_free(r.scratch);
    sr_coder_free(r.coder);
    sr_dict_free(dict);
    return status;
}
