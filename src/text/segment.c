/*
 * Sentence segmentation over the token stream. A sentence ends
 *   - at a blank line (paragraph);
 *   - after . ! ? ... (and the closing quotes/brackets glued to them) when
 *     whitespace and a likely sentence start follow;
 *   - after an abbreviation that can end a sentence (Inc., U.S., Sept.)
 *     only when a typical sentence opener follows ("The", "He", an opening
 *     quote before a capital), or the line ends there;
 *   - at a line end without final punctuation when the next line starts
 *     like a sentence: headlines, datelines, bylines, section titles. Text
 *     that is hard-wrapped (lines continue in lower case) only breaks there
 *     at lines much shorter than the wrap width.
 * Overlong sentences are cut at a comma or semicolon after SEG_LONG tokens
 * and unconditionally at SEG_HARD, so later stages stay linear.
 */
#include <string.h>

#include "text/text_internal.h"

#define SEG_LONG 400
#define SEG_HARD 1000

typedef struct segmenter {
    const sr_token *tok;
    const uint8_t *info;
    size_t n;
    int wrapped;       /* hard-wrapped text: line ends are mostly not breaks */
    uint32_t max_line; /* longest line in bytes */
} segmenter;

/* The token that ends what precedes token i once the closing quotes and
 * brackets glued to it are skipped: "accepted.” We" -> the period. */
static size_t final_mark(const segmenter *g, size_t first, size_t i)
{
    size_t j = i - 1;
    while (j > first && (g->tok[j].flags & SR_TOK_CLOSE) && TI_GAP(g->info[j]) == TI_GAP_NONE)
        j--;
    return j;
}

static int ends_with_terminator(const segmenter *g, size_t j)
{
    return (g->info[j] & TI_FINAL) || (g->tok[j].flags & SR_TOK_ABBR);
}

/* Hard-wrapped text shows itself by lines that end without punctuation
 * and continue in lower case; in text with one paragraph per line that
 * almost never happens. */
static void measure_lines(segmenter *g)
{
    size_t lower = 0, upper = 0;
    uint32_t line_start = g->tok[0].start;
    for (size_t i = 1; i < g->n; i++) {
        unsigned gap = TI_GAP(g->info[i]);
        if (gap < TI_GAP_LINE)
            continue;
        uint32_t len = g->tok[i - 1].end - line_start;
        if (len > g->max_line)
            g->max_line = len;
        line_start = g->tok[i].start;
        if (gap == TI_GAP_LINE && !ends_with_terminator(g, final_mark(g, 0, i))) {
            if (g->info[i] & TI_LOWER)
                lower++;
            else if (g->info[i] & TI_STARTOK)
                upper++;
        }
    }
    uint32_t len = g->tok[g->n - 1].end - line_start;
    if (len > g->max_line)
        g->max_line = len;
    g->wrapped = lower >= 2 && 2 * lower >= upper;
}

/* After a non-title abbreviation: does a new sentence start at i? */
static int starts_after_abbrev(const segmenter *g, size_t i)
{
    const sr_token *t = &g->tok[i];
    if ((t->flags & SR_TOK_CAP) && sr_sentence_starter(t->norm, t->len))
        return 1;
    /* an opening quote counts when a capital follows: not `9 p.m. "watershed"` */
    if ((t->flags & SR_TOK_QUOTE) && (t->flags & SR_TOK_OPEN) && i + 1 < g->n)
        return (g->tok[i + 1].flags & SR_TOK_CAP) != 0;
    /* a wide gap ("Italy Mass.  LORETO") is a typist's sentence end */
    return (g->info[i] & TI_WIDE) && (g->info[i] & TI_STARTOK) &&
           (t->flags & SR_TOK_ALLCAPS);
}

/* Is there a sentence break between tokens i - 1 and i? line_len is the
 * length of the line that token i - 1 ends, when token i starts a new one. */
static int breaks_before(const segmenter *g, size_t first, size_t i, uint32_t line_len)
{
    uint8_t info = g->info[i];
    unsigned gap = TI_GAP(info);
    const sr_token *t = &g->tok[i];

    if (gap == TI_GAP_BLANK)
        return 1;
    if (gap == TI_GAP_NONE) {
        /* only "said.The", split by the tokenizer; looking no further back
         * keeps runs like "))))" linear */
        const sr_token *p = &g->tok[i - 1];
        return (g->info[i - 1] & TI_FINAL) && p->len == 1 && p->norm[0] == '.' &&
               (t->flags & SR_TOK_CAP) && !(t->flags & SR_TOK_ALLCAPS);
    }
    size_t j = final_mark(g, first, i);
    const sr_token *m = &g->tok[j];

    if (g->info[j] & TI_FINAL)
        return (info & TI_STARTOK) != 0;
    if (m->flags & SR_TOK_ABBR) {
        /* in text with a paragraph per line, the line end decides even
         * after "Dr." (a truncated item); in wrapped text it says nothing */
        if (gap == TI_GAP_LINE && !g->wrapped)
            return (info & TI_STARTOK) != 0;
        if (g->info[j] & TI_TITLE)
            return 0;
        if (j != i - 1) /* closing quote after it: `... the U.S.” Then` */
            return (info & TI_STARTOK) != 0;
        return starts_after_abbrev(g, i);
    }
    if (gap == TI_GAP_LINE) {
        if (g->wrapped && (uint64_t)line_len * 10 >= (uint64_t)g->max_line * 6)
            return 0;
        const sr_token *p = &g->tok[i - 1];
        if ((g->info[i - 1] & TI_CLAUSE) || (p->flags & SR_TOK_OPEN))
            return 0;
        return (info & TI_STARTOK) != 0;
    }
    return 0;
}

typedef struct sentences {
    sr_arena *arena;
    sr_sentence *v;
    size_t n, cap;
} sentences;

static void push(sentences *ss, const sr_token *tok, size_t first, size_t end)
{
    if (ss->n == ss->cap) {
        size_t cap = ss->cap * 2;
        sr_sentence *v = sr_arena_alloc(ss->arena, cap * sizeof *v);
        memcpy(v, ss->v, ss->n * sizeof *v);
        ss->v = v;
        ss->cap = cap;
    }
    sr_sentence *s = &ss->v[ss->n++];
    s->start = tok[first].start;
    s->end = tok[end - 1].end;
    s->first = (uint32_t)first;
    s->ntokens = (uint32_t)(end - first);
}

void sr_segment(sr_arena *arena, sr_text *tx, const uint8_t *info)
{
    segmenter g = {tx->tokens, info, tx->ntokens, 0, 0};
    sentences ss = {arena, NULL, 0, tx->ntokens / 16 + 4};
    ss.v = sr_arena_alloc(arena, ss.cap * sizeof *ss.v);
    if (g.n == 0) {
        tx->sentences = ss.v;
        tx->nsentences = 0;
        return;
    }
    measure_lines(&g);

    size_t first = 0;
    uint32_t line_start = g.tok[0].start;
    for (size_t i = 1; i < g.n; i++) {
        uint32_t line_len = 0;
        if (TI_GAP(info[i]) >= TI_GAP_LINE) {
            line_len = g.tok[i - 1].end - line_start;
            line_start = g.tok[i].start;
        }
        size_t len = i - first;
        if (breaks_before(&g, first, i, line_len) ||
            (len >= SEG_LONG && (info[i - 1] & TI_CLAUSE)) || len >= SEG_HARD) {
            push(&ss, g.tok, first, i);
            first = i;
        }
    }
    push(&ss, g.tok, first, g.n);
    tx->sentences = ss.v;
    tx->nsentences = ss.n;
}
