/*
 * Discard files (Phoenix.discards.txt): one phrase a line; a leading '+'
 * discards the whole story, otherwise the sentence. As with actors, the
 * last word is a stem unless written "WORD_" (GROUP A_).
 *
 * Phoenix.discards.txt opens with the years 1914..2013 (2000 commented out)
 * as sentence discards: a sentence naming a past year tells history, not
 * news. They load as what the file says they are; sr_discard.year marks
 * them so the coder can weigh the year against the article's date.
 */
#include <string.h>

#include "dict/grow.h"
#include "dict/load.h"
#include "dict/trie.h"

static int16_t year_of(const char *s, size_t n)
{
    if (n != 4)
        return 0;
    int y = 0;
    for (size_t i = 0; i < 4; i++) {
        if (s[i] < '0' || s[i] > '9')
            return 0;
        y = y * 10 + (s[i] - '0');
    }
    return (int16_t)y;
}

void sr_ld_discards(sr_loader *L, const char *data, size_t len)
{
    sr_dict *d = L->d;
    sr_line_reader r;
    const char *s;
    size_t n;
    sr_lines_init(&r, data, len);
    while (sr_lines_next(&r, &s, &n, &L->line)) {
        int story = s[0] == '+';
        if (story) {
            s++;
            n--;
            s = sr_trim(s, &n);
        }
        sr_phrase p;
        if (sr_ld_phrase(L, s, n, SR_PH_STEM_LAST, &p) < 0)
            continue;
        SR_GROW(d->discards, L->cap_discards, d->ndiscards + 1);
        sr_discard *x = &d->discards[d->ndiscards];
        memset(x, 0, sizeof *x);
        x->story = (uint8_t)story;
        x->file = L->file;
        x->line = L->line;
        x->year = year_of(s, n);
        uint32_t node = sr_trie_insert(d->discard_trie, p.w, p.n);
        sr_trie_set_value(d->discard_trie, node, (int32_t)d->ndiscards);
        d->ndiscards++;
    }
}
