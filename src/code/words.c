/*
 * Closed-class words the coder reasons with: determiners mark nouns,
 * modals and negations mark acts that did not (or not yet) happen,
 * subordinators and relative pronouns bound clauses.
 */
#include <stdlib.h>
#include <string.h>

#include "code/code_internal.h"

typedef struct wc_entry {
    const char *word;
    uint32_t cls;
} wc_entry;

/* Sorted by word (strcmp order): looked up by binary search. */
static const wc_entry wc_words[] = {
    {"'D", WC_HYPO},
    {"'LL", WC_FUT},
    {"'M", WC_BE},
    {"'RE", WC_BE},
    {"'VE", WC_HAVE},
    {"A", WC_DET},
    {"ABOARD", WC_PREP},
    {"ABOUT", WC_PREP | WC_ABOUT},
    {"ACROSS", WC_PREP},
    {"AFTER", WC_PREP | WC_SUBORD},
    {"AGAIN", WC_ADV},
    {"AGAINST", WC_PREP},
    {"ALLEGEDLY", WC_ADV},
    {"ALONG", WC_PREP},
    {"ALREADY", WC_ADV},
    {"ALSO", WC_ADV},
    {"ALTHOUGH", WC_SUBORD},
    {"AM", WC_BE},
    {"AMID", WC_PREP},
    {"AMONG", WC_PREP},
    {"AN", WC_DET},
    {"AND", WC_CONJ},
    {"ANOTHER", WC_DET},
    {"ANY", WC_DET},
    {"APPEARED", WC_ASPECT},
    {"APPEARS", WC_ASPECT},
    {"ARE", WC_BE},
    {"AROUND", WC_PREP},
    {"AS", WC_SUBORD},
    {"AT", WC_PREP},
    {"BE", WC_BE},
    {"BECAUSE", WC_SUBORD},
    {"BEEN", WC_BE},
    {"BEFORE", WC_PREP | WC_SUBORD},
    {"BEGAN", WC_ASPECT},
    {"BEGIN", WC_ASPECT},
    {"BEGINS", WC_ASPECT},
    {"BEING", WC_BE},
    {"BETWEEN", WC_PREP},
    {"BUT", WC_CONJ},
    {"BY", WC_PREP | WC_BY},
    {"CA", WC_HYPO},
    {"CAN", WC_HYPO},
    {"CONTINUE", WC_ASPECT},
    {"CONTINUED", WC_ASPECT},
    {"CONTINUES", WC_ASPECT},
    {"CONTINUING", WC_ASPECT},
    {"COULD", WC_HYPO},
    {"DESPITE", WC_PREP},
    {"DID", WC_DO},
    {"DO", WC_DO},
    {"DOES", WC_DO},
    {"DOZENS", WC_NUM},
    {"DURING", WC_PREP},
    {"EACH", WC_DET},
    {"EARLIER", WC_ADV},
    {"EIGHT", WC_NUM},
    {"EVEN", WC_ADV},
    {"EVER", WC_ADV},
    {"EVERY", WC_DET},
    {"FIVE", WC_NUM},
    {"FOR", WC_PREP},
    {"FOUR", WC_NUM},
    {"FROM", WC_PREP},
    {"FURTHER", WC_ADV},
    {"HAD", WC_HAVE},
    {"HAS", WC_HAVE},
    {"HAVE", WC_HAVE},
    {"HAVING", WC_HAVE},
    {"HE", WC_PRON},
    {"HER", WC_POSSPRON},
    {"HIS", WC_POSSPRON},
    {"HUNDREDS", WC_NUM},
    {"IF", WC_SUBORD | WC_COND},
    {"IN", WC_PREP},
    {"INSIDE", WC_PREP},
    {"INTO", WC_PREP},
    {"IS", WC_BE},
    {"IT", WC_PRON},
    {"ITS", WC_POSSPRON},
    {"JUST", WC_ADV},
    {"KEEP", WC_ASPECT},
    {"KEEPS", WC_ASPECT},
    {"KEPT", WC_ASPECT},
    {"LATER", WC_ADV},
    {"MANAGED", WC_ASPECT},
    {"MAY", WC_HYPO},
    {"MIGHT", WC_HYPO},
    {"MOST", WC_ADV},
    {"MUST", WC_HYPO},
    {"MY", WC_POSSPRON},
    {"N'T", WC_NEG},
    {"NEAR", WC_PREP},
    {"NEVER", WC_NEG},
    {"NINE", WC_NUM},
    {"NO", WC_DET},
    {"NOR", WC_CONJ},
    {"NOT", WC_NEG},
    {"NOW", WC_ADV},
    {"OF", WC_PREP | WC_OF},
    {"OFTEN", WC_ADV},
    {"ON", WC_PREP},
    {"ONCE", WC_SUBORD},
    {"ONE", WC_NUM},
    {"OR", WC_CONJ},
    {"OUR", WC_POSSPRON},
    {"OUTSIDE", WC_PREP},
    {"OVER", WC_PREP},
    {"RECENTLY", WC_ADV},
    {"REPEATEDLY", WC_ADV},
    {"REPORTEDLY", WC_ADV},
    {"RESUME", WC_ASPECT},
    {"RESUMED", WC_ASPECT},
    {"RESUMES", WC_ASPECT},
    {"SAID", WC_SAY},
    {"SAY", WC_SAY},
    {"SAYS", WC_SAY},
    {"SEEMED", WC_ASPECT},
    {"SEEMS", WC_ASPECT},
    {"SEEN", WC_ASPECT},
    {"SEVEN", WC_NUM},
    {"SEVERAL", WC_DET},
    {"SHALL", WC_FUT},
    {"SHE", WC_PRON},
    {"SHOULD", WC_HYPO},
    {"SINCE", WC_PREP | WC_SUBORD},
    {"SIX", WC_NUM},
    {"SOME", WC_DET},
    {"SOON", WC_ADV},
    {"STARTED", WC_ASPECT},
    {"STILL", WC_ADV},
    {"TEN", WC_NUM},
    {"THAT", WC_THAT},
    {"THE", WC_DET},
    {"THEIR", WC_POSSPRON},
    {"THEN", WC_ADV},
    {"THESE", WC_DET},
    {"THEY", WC_PRON},
    {"THIS", WC_DET},
    {"THOSE", WC_DET},
    {"THOUGH", WC_SUBORD},
    {"THREE", WC_NUM},
    {"THROUGH", WC_PREP},
    {"TO", WC_TO},
    {"TOLD", WC_SAY},
    {"TOWARD", WC_PREP},
    {"TOWARDS", WC_PREP},
    {"TWO", WC_NUM},
    {"UNDER", WC_PREP},
    {"UNLESS", WC_SUBORD | WC_COND},
    {"UNTIL", WC_PREP | WC_SUBORD},
    {"UPON", WC_PREP},
    {"VERY", WC_ADV},
    {"WAS", WC_BE},
    {"WE", WC_PRON},
    {"WERE", WC_BE},
    {"WHEN", WC_SUBORD},
    {"WHEREAS", WC_SUBORD},
    {"WHETHER", WC_SUBORD | WC_COND},
    {"WHICH", WC_REL},
    {"WHILE", WC_SUBORD},
    {"WHO", WC_REL},
    {"WHOM", WC_REL},
    {"WHOSE", WC_REL},
    {"WILL", WC_FUT},
    {"WITH", WC_PREP},
    {"WITHIN", WC_PREP},
    {"WITHOUT", WC_PREP},
    {"WO", WC_FUT},
    {"WOULD", WC_HYPO},
    {"YET", WC_ADV},
    {"YOUR", WC_POSSPRON},
};

#define WC_SLOTS 1024 /* power of two, well above twice the word count */

/* An open-addressing index over wc_words, built once per coder: the
 * lookup runs for every token, and a hash beats a binary search of
 * strcmp calls. */
struct sr_wordclass_table {
    int16_t slot[WC_SLOTS]; /* index into wc_words, or -1 */
};

static uint32_t wc_hash(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

sr_wordclass_table *sr_wordclass_new(void)
{
    sr_wordclass_table *t = malloc(sizeof *t);
    if (!t)
        return NULL;
    memset(t->slot, 0xff, sizeof t->slot);
    for (size_t k = 0; k < sizeof wc_words / sizeof wc_words[0]; k++) {
        uint32_t h = wc_hash(wc_words[k].word, strlen(wc_words[k].word)) & (WC_SLOTS - 1);
        while (t->slot[h] >= 0)
            h = (h + 1) & (WC_SLOTS - 1);
        t->slot[h] = (int16_t)k;
    }
    return t;
}

void sr_wordclass_free(sr_wordclass_table *t)
{
    free(t);
}

uint32_t sr_wordclass_of(const sr_wordclass_table *t, const char *norm, size_t len)
{
    if (len == 0)
        return 0;
    if (len <= 12) {
        uint32_t h = wc_hash(norm, len) & (WC_SLOTS - 1);
        for (; t->slot[h] >= 0; h = (h + 1) & (WC_SLOTS - 1)) {
            const char *w = wc_words[t->slot[h]].word;
            if (strncmp(w, norm, len) == 0 && w[len] == '\0')
                return wc_words[t->slot[h]].cls;
        }
    }
    /* -LY adverbs ("drastically escalating") are skipped like listed ones */
    if (len > 4 && norm[len - 2] == 'L' && norm[len - 1] == 'Y')
        return WC_ADV;
    return 0;
}
