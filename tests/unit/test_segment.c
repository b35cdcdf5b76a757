/*
 * Sentence segmentation (src/text/segment.c): abbreviations, initials,
 * decimals, quotes across sentences, headlines and datelines without
 * punctuation, ellipses, wrapped text, overlong sentences, and a seed
 * article.
 */
#include <string.h>

#include "harness.h"
#include "sitrep/arena.h"
#include "sitrep/text.h"

static sr_arena *A;

/* The sentences of s as their source text, joined by " | ". Also checks
 * that they are contiguous token ranges with matching offsets. */
static const char *sentences(const char *s)
{
    sr_text *t = sr_text_analyze(A, s, strlen(s));
    char *out = sr_arena_alloc(A, strlen(s) + 3 * t->nsentences + 1), *o = out;
    uint32_t next = 0;
    for (size_t k = 0; k < t->nsentences; k++) {
        const sr_sentence *sn = &t->sentences[k];
        if (sn->first != next || sn->ntokens == 0 ||
            sn->start != t->tokens[sn->first].start ||
            sn->end != t->tokens[sn->first + sn->ntokens - 1].end)
            return "(broken sentence ranges)";
        next = sn->first + sn->ntokens;
        if (k) {
            memcpy(o, " | ", 3);
            o += 3;
        }
        memcpy(o, s + sn->start, sn->end - sn->start);
        o += sn->end - sn->start;
    }
    *o = '\0';
    return next == t->ntokens ? out : "(tokens outside sentences)";
}

static size_t count(const char *s)
{
    return sr_text_analyze(A, s, strlen(s))->nsentences;
}

/* ---- abbreviations and initials -------------------------------------- */

TEST(title_abbreviations)
{
    CHECK_STR(sentences("Gen. Smith arrived. He spoke."), "Gen. Smith arrived. | He spoke.");
    CHECK_STR(sentences("Dr. Jones and Mr. Smith met Col. Ryan."),
              "Dr. Jones and Mr. Smith met Col. Ryan.");
    CHECK_STR(sentences("\xE2\x80\x9CWe expect a long and hard fight,\xE2\x80\x9D said Col. Sean "
                        "Ryan, a spokesman. "
                        "\xE2\x80\x9CThese are the diehard fighters.\xE2\x80\x9D"),
              "\xE2\x80\x9CWe expect a long and hard fight,\xE2\x80\x9D said Col. Sean Ryan, a "
              "spokesman. | \xE2\x80\x9CThese are the diehard fighters.\xE2\x80\x9D");
    CHECK_STR(sentences("Lt. Gen. Smith visited St. Petersburg."),
              "Lt. Gen. Smith visited St. Petersburg.");
    CHECK_STR(sentences("Iran vs. Iraq was a long war."), "Iran vs. Iraq was a long war.");
}

TEST(us_and_other_acronyms)
{
    CHECK_STR(sentences("U.S. officials said so. They left."),
              "U.S. officials said so. | They left.");
    CHECK_STR(sentences("He met U.S. President Bush in the U.K. on Monday."),
              "He met U.S. President Bush in the U.K. on Monday.");
    /* at a sentence end the period stays in "U.S." and the break is kept */
    CHECK_STR(sentences("The troops returned to the U.S. The army said so."),
              "The troops returned to the U.S. | The army said so.");
    CHECK_STR(sentences("Troops returned to the U.S."), "Troops returned to the U.S.");
    CHECK_STR(sentences("He said it was \xE2\x80\x9C"
                        "a gift to the U.S.\xE2\x80\x9D Russia denied it."),
              "He said it was \xE2\x80\x9C" "a gift to the U.S.\xE2\x80\x9D | Russia denied it.");
    CHECK_STR(sentences("It began at 9 a.m. Monday and ended at 5 p.m. The toll rose."),
              "It began at 9 a.m. Monday and ended at 5 p.m. | The toll rose.");
    /* an opening quote after an abbreviation breaks only before a capital */
    CHECK_STR(sentences("It aired before the 9 p.m. \"watershed\" after which it is allowed."),
              "It aired before the 9 p.m. \"watershed\" after which it is allowed.");
    CHECK_STR(sentences("He flew to the U.S. \"We will win,\" he said."),
              "He flew to the U.S. | \"We will win,\" he said.");
}

TEST(dates_and_numbers)
{
    CHECK_STR(sentences("It happened on Sept. 3, 2018. Then it ended."),
              "It happened on Sept. 3, 2018. | Then it ended.");
    CHECK_STR(sentences("He lives at No. 10 Downing Street. It is old."),
              "He lives at No. 10 Downing Street. | It is old.");
    CHECK_STR(sentences("Prices rose 2.5 percent. Wages fell 1.5 percent."),
              "Prices rose 2.5 percent. | Wages fell 1.5 percent.");
    CHECK_STR(sentences("The toll was 5. 20 more died later."),
              "The toll was 5. | 20 more died later.");
    CHECK_STR(sentences("He works for Apple Inc. The company grew."),
              "He works for Apple Inc. | The company grew.");
    CHECK_STR(sentences("Apple Inc. Chief Tim Cook spoke."), "Apple Inc. Chief Tim Cook spoke.");
}

TEST(initials)
{
    CHECK_STR(sentences("J. Smith and George W. Bush met."), "J. Smith and George W. Bush met.");
    CHECK_STR(sentences("They chose Plan B. The rest failed."),
              "They chose Plan B. | The rest failed.");
}

/* ---- punctuation ----------------------------------------------------- */

TEST(final_marks)
{
    CHECK_STR(sentences("Why? Because! The end."), "Why? | Because! | The end.");
    CHECK_STR(sentences("He said \"no.\" Then he left."), "He said \"no.\" | Then he left.");
    CHECK_STR(sentences("(This was reported earlier.) Next came the vote."),
              "(This was reported earlier.) | Next came the vote.");
    /* no break before lower case, a comma, or without whitespace */
    CHECK_STR(sentences("\"Why?\" he asked. Fine."), "\"Why?\" he asked. | Fine.");
    CHECK_STR(sentences("Visit Yahoo.com today."), "Visit Yahoo.com today.");
    /* but a period glued to the next sentence is found */
    CHECK_STR(sentences("The army withdrew.The rebels advanced."),
              "The army withdrew. | The rebels advanced.");
    /* a period after a space still ends a sentence */
    CHECK_STR(sentences("said Monday . Next day"), "said Monday . | Next day");
    /* Arabic question mark; the next word has no case */
    CHECK_INT(count("\xD9\x87\xD9\x84 \xD9\x87\xD8\xB0\xD8\xA7\xD8\x9F "
                    "\xD9\x86\xD8\xB9\xD9\x85."), 2);
}

TEST(ellipses)
{
    CHECK_STR(sentences("He said the refugees ... will not be accepted. Yes."),
              "He said the refugees ... will not be accepted. | Yes.");
    CHECK_STR(sentences("Explosions echo through Najaf... Troops arrive."),
              "Explosions echo through Najaf... | Troops arrive.");
    CHECK_STR(sentences("It was \xE2\x80\xA6 odd. It was \xE2\x80\xA6 Odd."),
              "It was \xE2\x80\xA6 odd. | It was \xE2\x80\xA6 | Odd.");
}

/* ---- quotations across sentences ------------------------------------- */

TEST(quotes_across_sentences)
{
    const char *s =
        "The official claimed: \xE2\x80\x9CThe refugees ... will not be accepted. We will keep "
        "them.\xE2\x80\x9D Then he left.";
    CHECK_STR(sentences(s),
              "The official claimed: \xE2\x80\x9CThe refugees ... will not be accepted. | We "
              "will keep them.\xE2\x80\x9D | Then he left.");
    /* the same with straight quotes */
    CHECK_STR(sentences("He said: \"We will fight. We will win.\" Then he left."),
              "He said: \"We will fight. | We will win.\" | Then he left.");
    /* seed 001: a quote, an attribution, then the next quote */
    CHECK_INT(count("The official also threatened that if an offensive began, Turkey would close "
                    "its borders. \xE2\x80\x9CThe refugees ... will not be accepted into Turkey "
                    "because previous experiences have shown it,\xE2\x80\x9D the official claimed. "
                    "\xE2\x80\x9CWe will keep the refugees in Syria.\xE2\x80\x9D"),
              3);
}

/* ---- lines, paragraphs, headlines ------------------------------------ */

TEST(paragraphs)
{
    CHECK_STR(sentences("First paragraph without end\n\nsecond one starts lower."),
              "First paragraph without end | second one starts lower.");
    CHECK_STR(sentences("Ends with a comma,\n\n\nand goes on"), "Ends with a comma, | and goes on");
    CHECK_STR(sentences("One\xE2\x80\xA9two"), "One | two");
    CHECK_INT(count(""), 0);
    CHECK_INT(count(" \n\n\t \xC2\xA0"), 0);
}

TEST(headlines)
{
    CHECK_STR(sentences("Syrian rebels now almost driven out of last stronghold Idlib\n\nAfter a "
                        "few days offensive, the army holds the south."),
              "Syrian rebels now almost driven out of last stronghold Idlib | After a few days "
              "offensive, the army holds the south.");
    /* a section title between single line ends (seed 000) */
    CHECK_STR(sentences("Turkey was asked to impose its mandate in Idlib.\nFundamentalist "
                        "factions\nWhile Tahrir al-Sham controls 60 per cent of Idlib, others "
                        "hold the rest."),
              "Turkey was asked to impose its mandate in Idlib. | Fundamentalist factions | "
              "While Tahrir al-Sham controls 60 per cent of Idlib, others hold the rest.");
    /* byline and title (seed 004) */
    CHECK_STR(sentences("National Post\n\nLAST ISIL OUTPOST IN SYRIA UNDER U.S.-BACKED ATTACK.\n\n"
                        "- Rukmini CallimaChi\n\nThe last vestige of Islamic State came under "
                        "attack."),
              "National Post | LAST ISIL OUTPOST IN SYRIA UNDER U.S.-BACKED ATTACK. | - Rukmini "
              "CallimaChi | The last vestige of Islamic State came under attack.");
    CHECK_STR(sentences("UPDATE 1045 GMT: Pro-Assad warplanes are bombing Jisr al-Shughour."),
              "UPDATE 1045 GMT: Pro-Assad warplanes are bombing Jisr al-Shughour.");
    /* a line ending with an abbreviation, then a new item */
    CHECK_STR(sentences("Troops returned to the U.S.\nIraq Says Talks Failed"),
              "Troops returned to the U.S. | Iraq Says Talks Failed");
}

TEST(datelines)
{
    CHECK_STR(sentences("Syria rebels retreat from Idlib\nWed 05 Apr 2017\nDAMASCUS (Reuters) - "
                        "The army advanced on Wednesday."),
              "Syria rebels retreat from Idlib | Wed 05 Apr 2017 | DAMASCUS (Reuters) - The army "
              "advanced on Wednesday.");
    CHECK_STR(sentences("Wed 05 Apr 2017 10:30 GMT\n\nThe army advanced."),
              "Wed 05 Apr 2017 10:30 GMT | The army advanced.");
    /* AP datelines with state abbreviations continue the sentence */
    CHECK_STR(sentences("Fans Gather. SANTA MARIA, Calif. - Fans of the singer gathered."),
              "Fans Gather. | SANTA MARIA, Calif. - Fans of the singer gathered.");
    /* two spaces after an abbreviation before a capitalised dateline */
    CHECK_STR(sentences("Beslan School Dead at Italy Mass.  LORETO, Italy (Reuters) - A frail "
                        "Pope prayed."),
              "Beslan School Dead at Italy Mass. | LORETO, Italy (Reuters) - A frail Pope "
              "prayed.");
}

TEST(wrapped_text)
{
    /* hard-wrapped lines continue in lower case: line ends are not breaks,
     * even before a capitalised word */
    const char *s = "The army said on Monday that the\n"
                    "rebels had withdrawn from the town of\n"
                    "Saraqeb after heavy fighting with the\n"
                    "Turkish troops that were deployed in the\n"
                    "area. Talks are planned for Tuesday in\n"
                    "Moscow.\n";
    CHECK_STR(sentences(s), "The army said on Monday that the\n"
                            "rebels had withdrawn from the town of\n"
                            "Saraqeb after heavy fighting with the\n"
                            "Turkish troops that were deployed in the\n"
                            "area. | Talks are planned for Tuesday in\n"
                            "Moscow.");
    /* a short headline line above wrapped text still stands alone */
    CHECK_INT(count("Rebels withdraw\nThe army said on Monday that the rebels had\n"
                    "withdrawn from the town of Saraqeb after heavy\n"
                    "fighting with the Turkish troops deployed there\n"
                    "and that talks would follow in Moscow soon.\n"),
              2);
}

TEST(overlong_sentences)
{
    /* 600 words and commas, no final mark: cut at a comma after 400 tokens */
    static char s[600 * 8 + 1];
    size_t len = 0;
    for (int i = 0; i < 600; i++) {
        memcpy(s + len, "word, ", 6);
        len += 6;
    }
    s[len] = '\0';
    sr_text *t = sr_text_analyze(A, s, len);
    CHECK_INT(t->ntokens, 1200);
    CHECK_INT(t->nsentences, 3);
    CHECK_INT(t->sentences[0].ntokens, 400);
    CHECK_STR(t->tokens[t->sentences[0].first + 399].norm, ",");
    /* without any comma, a hard limit still cuts */
    for (size_t i = 0; i < len; i++)
        if (s[i] == ',')
            s[i] = ' ';
    t = sr_text_analyze(A, s, len);
    CHECK_INT(t->ntokens, 600);
    CHECK(t->nsentences >= 1);
    for (size_t k = 0; k < t->nsentences; k++)
        CHECK(t->sentences[k].ntokens <= 1000);
    static char big[3000 * 5 + 1];
    for (size_t i = 0; i < 3000; i++)
        memcpy(big + 5 * i, "word ", 5);
    t = sr_text_analyze(A, big, 3000 * 5);
    CHECK_INT(t->nsentences, 3);
}

/* ---- a whole article ------------------------------------------------- */

/* corpus/seeds/003_73d83023f4218d2a.txt: a headline and 20 sentences */
static const char seed_003[] =
    "Syrian rebels now almost driven out of last stronghold Idlib\n\n"
    "After a few days offensive, the Syrian army has a firm hold on the south of the province of "
    "Idlib. Government forces have captured some sixty cities and towns from the insurgents.\n\n"
    "The rebels in turn, with the support of Turkish troops, have recaptured the strategically "
    "located city of Saraqeb from the army, as reported by several hard-to-control sources.\n\n"
    "The city of Saraqeb is situated on a junction of two motorways. One of them connects the two "
    "most important cities: Damascus and Aleppo in the north. The other road runs from the east of "
    "Syria to the west coast on the Mediterranean Sea.\n\n"
    "Turkey is trying with all its might to thwart the Syrian advance in the province of Idlib. "
    "Damascus, however, is assured of the support of Russia. The advance of the Syrian army in the "
    "nearby province of Idlib continues unabated. It threatens to become a bloodbath of the first "
    "order. According to the UN, fierce fighting has led to the displacement of nearly one million "
    "people in the region. According to local reports, Syrian troops have advanced further south "
    "of the city of Idlib, under cover of Russian air strikes.\n\n"
    "Idlib is practically the last stretch of Syrian territory that is not (yet) in the hands of "
    "the government army of Syrian President Assad. If his troops succeed in driving away the "
    "rebels from Idlib, the revolt against President Assad, which started in 2014, has virtually "
    "failed, and has failed. For a long time it seemed that several armed Syrian groups could "
    "overthrow the president's regime. But after Russia provided military support to Assad, the "
    "rebels lost control.\n\n"
    "In the meantime, the Syrian Observatory for Human Rights (SOHR) reports that the Turkish army "
    "has set up four new military posts in the areas Ehsim, Kansafrah, Kansafrah and Al-Bara in "
    "the "
    "southern Idlib countryside, amid a continuous advance of the forces of the regime in the "
    "region. In addition, a Turkish military convoy consisting of more than 100 vehicles entered "
    "the Syrian territory last night en route to the Jabal al-Zawiya area.\n\n"
    "In the meantime, Russia and Turkey are preparing discussions on how to de-escalate fighting "
    "in "
    "Idlib province in Syria, Russian Foreign Minister Sergei Lavrov said Monday.\n\n"
    "\"Another set of consultations that we hope will lead us to an agreement on how we can ensure "
    "that this is indeed a de-escalation zone and that terrorists do not operate there is now "
    "being prepared,\" Lavrov said at a joint press conference Monday .";

TEST(seed_article)
{
    sr_text *t = sr_text_analyze(A, seed_003, sizeof seed_003 - 1);
    CHECK_INT(t->nsentences, 21);
    const sr_sentence *s = t->sentences;
    CHECK_SPAN(seed_003, s[0].start, s[0].end,
               "Syrian rebels now almost driven out of last stronghold Idlib");
    CHECK_SPAN(seed_003, s[5].start, s[5].end,
               "One of them connects the two most important cities: Damascus and Aleppo in the "
               "north.");
    CHECK_SPAN(seed_003, s[20].start, s[20].start + 13, "\"Another set ");
    CHECK_INT(s[20].end, sizeof seed_003 - 1);
    /* the paragraph flag marks the first token of each paragraph */
    size_t paras = 0;
    for (size_t i = 0; i < t->ntokens; i++)
        paras += (t->tokens[i].flags & SR_TOK_PARA) != 0;
    CHECK_INT(paras, 9);
}

int main(void)
{
    A = sr_arena_new(0);
    RUN(title_abbreviations);
    RUN(us_and_other_acronyms);
    RUN(dates_and_numbers);
    RUN(initials);
    RUN(final_marks);
    RUN(ellipses);
    RUN(quotes_across_sentences);
    RUN(paragraphs);
    RUN(headlines);
    RUN(datelines);
    RUN(wrapped_text);
    RUN(overlong_sentences);
    RUN(seed_article);
    sr_arena_free(A);
    return DONE();
}
