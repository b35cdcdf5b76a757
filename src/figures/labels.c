/*
 * Labels: the words a text uses for armed groups ("rebels", "terrorists",
 * "jihadists", "the opposition"), each with the actor phrase it is part of,
 * so that outlets can be set side by side by the group the coder resolved.
 */
#include <stdlib.h>
#include <string.h>

#include "figures/figures_internal.h"
#include "sitrep/sitrep.h"

typedef struct label_form {
    const char *norm;
    const char *word;
} label_form;

/* Singular, plural and adjective forms fold into one word. Sorted by
 * norm (strcmp order) for bsearch. */
static const label_form forms[] = {
    {"EXTREMIST", "extremists"}, {"EXTREMISTS", "extremists"},
    {"FIGHTER", "fighters"}, {"FIGHTERS", "fighters"},
    {"GANGS", "gangs"}, {"GUERRILLAS", "guerrillas"},
    {"GUNMAN", "gunmen"}, {"GUNMEN", "gunmen"},
    {"INSURGENT", "insurgents"}, {"INSURGENTS", "insurgents"},
    {"ISLAMIST", "islamists"}, {"ISLAMISTS", "islamists"},
    {"JIHADI", "jihadists"}, {"JIHADIS", "jihadists"},
    {"JIHADIST", "jihadists"}, {"JIHADISTS", "jihadists"},
    {"MERCENARIES", "mercenaries"}, {"MILITANT", "militants"},
    {"MILITANTS", "militants"}, {"MILITIA", "militias"},
    {"MILITIAMEN", "militias"}, {"MILITIAS", "militias"},
    {"MUJAHEDEEN", "mujahideen"}, {"MUJAHIDEEN", "mujahideen"},
    {"MUJAHIDIN", "mujahideen"}, {"OPPOSITION", "opposition"},
    {"RADICALS", "radicals"}, {"REBEL", "rebels"},
    {"REBELS", "rebels"}, {"REVOLUTIONARIES", "revolutionaries"},
    {"TAKFIRI", "takfiris"}, {"TAKFIRIS", "takfiris"},
    {"TERRORIST", "terrorists"}, {"TERRORISTS", "terrorists"},
};

static int by_norm(const void *key, const void *elem)
{
    return strcmp(key, ((const label_form *)elem)->norm);
}

/* Every form has 5 to 15 letters and starts with E to T
 * (fig_labels_check): most tokens leave on that. */
static int label_shape(const char *norm, size_t len)
{
    return len >= 5 && len <= 15 && norm[0] >= 'E' && norm[0] <= 'T';
}

static const char *label_word(const sr_token *t)
{
    /* every token of every text is asked: most leave on their shape (a
     * token long enough to wrap sr_token.len is in no table anyway), and
     * the figure lexicon, which has every form flagged FW_LABEL
     * (fig_labels_check), turns nearly all the others away */
    if (!label_shape(t->norm, t->len))
        return NULL;
    const fig_word *w = fig_lookup(t->norm);
    if (!w || !(w->flags & FW_LABEL))
        return NULL;
    const label_form *f = bsearch(t->norm, forms, sizeof forms / sizeof forms[0], sizeof forms[0], by_norm);
    return f ? f->word : NULL;
}

int fig_labels_check(void)
{
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++) {
        const fig_word *w = fig_lookup(forms[k].norm);
        if (!w || !(w->flags & FW_LABEL) || !label_shape(forms[k].norm, strlen(forms[k].norm)))
            return 0;
        if (k > 0 && strcmp(forms[k - 1].norm, forms[k].norm) >= 0)
            return 0;
    }
    return 1;
}

int sr_labels_find(const sr_text *t, const sr_actor_phrase *phrases, size_t nphrases,
                   sr_arena *arena, sr_label **out, size_t *n)
{
    if (!out || !n)
        return SR_EINVAL;
    *out = NULL;
    *n = 0;
    if (!t || !arena || (nphrases && !phrases))
        return SR_EINVAL;
    size_t cap = 8, m = 0, p = 0;
    sr_label *labels = sr_arena_alloc(arena, cap * sizeof *labels);
    for (size_t sk = 0; sk < t->nsentences; sk++) {
        const sr_sentence *sn = &t->sentences[sk];
        for (uint32_t i = sn->first; i < sn->first + sn->ntokens; i++) {
            const sr_token *tk = &t->tokens[i];
            const char *word = label_word(tk);
            if (!word)
                continue;
            /* "Idlib rebels" yes; "the Syrian Opposition Coalition" is a
             * name, not a label: a capital in the middle of a sentence with
             * another capital next to it */
            int in_name = i > sn->first && (tk->flags & SR_TOK_CAP) &&
                          (((t->tokens[i - 1].flags & SR_TOK_CAP) && i - 1 > sn->first) ||
                           (i + 1 < sn->first + sn->ntokens &&
                            (t->tokens[i + 1].flags & SR_TOK_CAP)));
            if (in_name && !(tk->flags & SR_TOK_ALLCAPS))
                continue;
            while (p < nphrases && phrases[p].end <= tk->start)
                p++;
            if (m == cap) {
                sr_label *bigger = sr_arena_alloc(arena, 2 * cap * sizeof *bigger);
                memcpy(bigger, labels, cap * sizeof *labels);
                labels = bigger;
                cap *= 2;
            }
            sr_label *l = &labels[m++];
            l->sentence = (uint32_t)sk;
            l->start = tk->start;
            l->end = tk->end;
            l->word = word;
            l->phrase = p < nphrases && phrases[p].start <= tk->start ? &phrases[p] : NULL;
        }
    }
    *out = labels;
    *n = m;
    return 0;
}
