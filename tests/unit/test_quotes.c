/*
 * Quotations (src/quotes): each test analyzes a few sentences, gives the
 * actor phrases the coder would have found (by hand, so that these tests
 * do not depend on the dictionaries), and checks the exact spans of the
 * quoted words, the speaker and the speech verb. The seed sentences are
 * copied from ../shared/corpus/seeds.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "quotes/quotes_internal.h"
#include "sitrep/quotes.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

/* ---- fixture ------------------------------------------------------------ */

typedef struct fixture {
    sr_arena *arena;
    const char *text;
    sr_text *t;
    sr_actor_phrase ph[16];
    size_t nph;
    sr_quote *qs;
    size_t n;
} fixture;

static void start(fixture *f, const char *text)
{
    memset(f, 0, sizeof *f);
    f->arena = sr_arena_new(0);
    f->text = text;
    f->t = sr_text_analyze(f->arena, text, strlen(text));
}

/* The coder's phrase over the first occurrence of words (phrases are
 * added in text order). */
static void phrase(fixture *f, const char *words, const char *code, int inferred)
{
    const char *p = strstr(f->text, words);
    if (!p || f->nph == 16)
        return;
    uint32_t s = (uint32_t)(p - f->text);
    f->ph[f->nph++] = (sr_actor_phrase){0, s, s + (uint32_t)strlen(words), code,
                                        (uint8_t)inferred, 0};
}

static int find(fixture *f)
{
    return sr_quotes_find(f->t, f->ph, f->nph, f->arena, &f->qs, &f->n);
}

static void finish(fixture *f)
{
    sr_arena_free(f->arena);
}

/* Run the finder on text with no phrases: the number of quotations. */
static size_t count_quotes(const char *text)
{
    fixture f;
    start(&f, text);
    find(&f);
    size_t n = f.n;
    finish(&f);
    return n;
}

#define CHECK_QUOTE(f, q, expect) CHECK_SPAN((f).text, (q)->start, (q)->end, expect)
#define CHECK_PART(f, q, k, expect) \
    CHECK_SPAN((f).text, (q)->parts[k].start, (q)->parts[k].end, expect)
#define CHECK_SPEAKER(f, q, expect) \
    CHECK_SPAN((f).text, (q)->speaker_start, (q)->speaker_end, expect)
#define CHECK_CUE(f, q, expect) CHECK_SPAN((f).text, (q)->cue_start, (q)->cue_end, expect)

/* ---- the seed sentences ---------------------------------------------------- */

TEST(seed_warned_colon_speaker_two_clauses_back)
{
    fixture f;
    start(&f, "As Syrian army artillery strikes hammered insurgent positions and arms depots, "
              "Abual-Fath al-Farghali, a senior commander with al-Qaeda's Hay'at Tahrir "
              "al-Sham, warned: \"The Mujahedeen [holy warriors] are in their strongest "
              "physical and moral status and remain determined to liberate Damascus and "
              "beyond.\"");
    phrase(&f, "Syrian army artillery", "SYRMIL", 0);
    phrase(&f, "commander", "SYRMIL", 1);
    phrase(&f, "al-Qaeda", "IMGMUSALQ", 0);
    phrase(&f, "Hay'at Tahrir al-Sham", "SYRREBMUS", 0);
    phrase(&f, "Damascus", "SYR", 0);
    CHECK_INT(find(&f), 0);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_QUOTE(f, q, "The Mujahedeen [holy warriors] are in their strongest physical and moral "
                      "status and remain determined to liberate Damascus and beyond.");
    CHECK_INT(q->direct, 1);
    CHECK_SPEAKER(f, q, "Abual-Fath al-Farghali");
    CHECK_CUE(f, q, "warned");
    /* the group he commands for, not the possessor nor the bare agent */
    CHECK(q->speaker != NULL);
    CHECK_STR(q->speaker->code, "SYRREBMUS");
    CHECK_INT(q->speaker_from_pronoun, 0);
    finish(&f);
}

TEST(seed_possessive_phrase_as_the_coder_joins_it)
{
    fixture f;
    start(&f, "Abual-Fath al-Farghali, a senior commander with al-Qaeda's Hay'at Tahrir al-Sham, "
              "warned: \"We remain determined to liberate Damascus.\"");
    phrase(&f, "commander", "SYRMIL", 1);
    phrase(&f, "al-Qaeda's Hay'at Tahrir al-Sham", "IMGMUSALQ", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK(f.qs[0].speaker != NULL);
    CHECK_STR(f.qs[0].speaker->code, "IMGMUSALQ");
    finish(&f);
}

TEST(seed_inverted_said_with_apposition_and_resumed_quote)
{
    fixture f;
    start(&f, "“We expect a long and hard fight,” said Col. Sean Ryan, a spokesman for the "
              "U.S.-led military coalition in Baghdad. “These are the diehard fighters with "
              "nowhere else to go.”");
    phrase(&f, "Col.", "SYRMIL", 1);
    phrase(&f, "U.S.-led military coalition", "USAMIL", 0);
    phrase(&f, "Baghdad", "IRQ", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_INT(q->nparts, 2);
    CHECK_PART(f, q, 0, "We expect a long and hard fight");
    CHECK_PART(f, q, 1, "These are the diehard fighters with nowhere else to go.");
    CHECK_SPEAKER(f, q, "Col. Sean Ryan");
    CHECK_CUE(f, q, "said");
    /* a named actor of the apposition beats the title read as an agent;
     * Baghdad is where he is, not whom he speaks for */
    CHECK(q->speaker != NULL);
    CHECK_STR(q->speaker->code, "USAMIL");
    finish(&f);
}

TEST(seed_reported_speech_then_he_added_that)
{
    fixture f;
    start(&f, "After conducting eight days of large-scale military exercises with US troops in "
              "Syria, Colonel Muhanad al-Tanaa of the Pentagon-sponsored Maghawir al-Thawrah "
              "(“Revolutionary Commando Army”) militia said US-backed opposition militias "
              "“are staying whether the Russians or Iranians want or not.” He added that if "
              "they approached restricted areas of Syria the Pentagon considers to be its "
              "territory, “there is a big likelihood they will be hit” by US air strikes.");
    phrase(&f, "Pentagon-sponsored", "USAMIL", 0);
    find(&f);
    CHECK_INT(f.n, 2);
    const sr_quote *a = &f.qs[0], *b = &f.qs[1];
    CHECK_INT(a->direct, 0);
    CHECK_QUOTE(f, a, "US-backed opposition militias “are staying whether the Russians or "
                      "Iranians want or not.”");
    CHECK_SPEAKER(f, a, "Colonel Muhanad al-Tanaa");
    CHECK_CUE(f, a, "said");
    CHECK(a->speaker != NULL);
    CHECK_STR(a->speaker->code, "USAMIL");
    CHECK_INT(b->direct, 0);
    CHECK_QUOTE(f, b, "if they approached restricted areas of Syria the Pentagon considers to be "
                      "its territory, “there is a big likelihood they will be hit” by US air "
                      "strikes");
    CHECK_INT(b->speaker_from_pronoun, 1);
    CHECK_SPEAKER(f, b, "Colonel Muhanad al-Tanaa");
    CHECK_CUE(f, b, "added");
    finish(&f);
}

TEST(seed_told_reuters_colon)
{
    fixture f;
    start(&f, "On Wednesday, a Turkish military source had told Reuters: “We have a military "
              "presence there, and if that military presence is damaged or attacked in any way, "
              "it would be considered an attack on Turkey.”");
    phrase(&f, "Turkish military", "TURMIL", 0);
    phrase(&f, "Reuters", "MED", 0);
    phrase(&f, "Turkey", "TUR", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_QUOTE(f, q, "We have a military presence there, and if that military presence is "
                      "damaged or attacked in any way, it would be considered an attack on "
                      "Turkey.");
    CHECK_SPEAKER(f, q, "a Turkish military source");
    CHECK_CUE(f, q, "told");
    CHECK_STR(q->speaker->code, "TURMIL");
    finish(&f);
}

TEST(seed_reported_that_quote_then_it_added)
{
    fixture f;
    start(&f, "Yesterday, the Times of London reported that “Britain is preparing to join the "
              "United States and France in launching waves of airstrikes against Syria,” "
              "identifying a long list of potential targets. It added, “The Pentagon has begun "
              "drawing up a list of chemical weapons sites inside Syria.”");
    find(&f);
    CHECK_INT(f.n, 2);
    const sr_quote *a = &f.qs[0], *b = &f.qs[1];
    CHECK_INT(a->direct, 1);
    CHECK_QUOTE(f, a, "Britain is preparing to join the United States and France in launching "
                      "waves of airstrikes against Syria");
    CHECK_SPEAKER(f, a, "Times of London");
    CHECK_CUE(f, a, "reported");
    CHECK_QUOTE(f, b, "The Pentagon has begun drawing up a list of chemical weapons sites inside "
                      "Syria.");
    CHECK_INT(b->speaker_from_pronoun, 1);
    CHECK_SPEAKER(f, b, "Times of London"); /* "it": not a person */
    CHECK_CUE(f, b, "added");
    finish(&f);
}

TEST(seed_title_then_it_wrote_colon)
{
    fixture f;
    start(&f, "The Wall Street Journal praised Turkey’s intervention in Idlib. In an article "
              "titled “Syria’s Looming Idlib Offensive Is Stalled by Turkey,” it wrote: “The "
              "delay follows moves by Turkey to fortify its positions in Idlib province.”");
    find(&f);
    CHECK_INT(f.n, 1); /* the title is no quotation */
    const sr_quote *q = &f.qs[0];
    CHECK_QUOTE(f, q, "The delay follows moves by Turkey to fortify its positions in Idlib "
                      "province.");
    CHECK_CUE(f, q, "wrote");
    CHECK_INT(q->speaker_from_pronoun, 1);
    CHECK_SPEAKER(f, q, "Wall Street Journal");
    finish(&f);
}

TEST(seed_said_comma_quote)
{
    fixture f;
    start(&f, "Kremlin spokesman Dmitri Peskov said, “Such a meeting is within the realm of "
              "possibility and is currently being prepared.”");
    phrase(&f, "Kremlin", "RUSGOV", 0);
    phrase(&f, "Dmitri Peskov", "RUSGOV", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "Such a meeting is within the realm of possibility and is currently "
                             "being prepared.");
    CHECK_SPEAKER(f, &f.qs[0], "Dmitri Peskov");
    CHECK_CUE(f, &f.qs[0], "said");
    CHECK(f.qs[0].speaker == &f.ph[1]);
    finish(&f);
}

TEST(seed_quote_then_the_official_claimed_then_carried_on)
{
    fixture f;
    start(&f, "“The refugees ... will not be accepted into Turkey,” the official claimed. “We "
              "will keep the refugees in Syria for the safety of both Turkey and European "
              "countries.”");
    find(&f);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_INT(q->nparts, 2);
    CHECK_PART(f, q, 0, "The refugees ... will not be accepted into Turkey");
    CHECK_PART(f, q, 1, "We will keep the refugees in Syria for the safety of both Turkey and "
                        "European countries.");
    CHECK_SPEAKER(f, q, "the official");
    CHECK_CUE(f, q, "claimed");
    finish(&f);
}

TEST(seed_say_without_that_keeps_the_quoted_fragment)
{
    fixture f;
    start(&f, "Last week, Lavrov said rebels in Idlib were a “festering abscess” which had to be "
              "removed.");
    phrase(&f, "Lavrov", "RUSGOV", 0);
    find(&f);
    CHECK_INT(f.n, 1); /* the fragment is part of the clause, not a record */
    CHECK_INT(f.qs[0].direct, 0);
    CHECK_QUOTE(f, &f.qs[0], "rebels in Idlib were a “festering abscess” which had to be removed");
    CHECK_SPEAKER(f, &f.qs[0], "Lavrov");
    CHECK_STR(f.qs[0].speaker->code, "RUSGOV");
    finish(&f);
}

TEST(seed_scare_quotes_are_not_quotations)
{
    CHECK_INT(count_quotes("Their morale has been undermined by civilian pressure for "
                           "\"reconciliation\" – surrender to government forces. The rival "
                           "coalition has detained 95 civilians accused of being \"loyalists\"."),
              0);
}

TEST(seed_sentence_final_attribution)
{
    fixture f;
    start(&f, "In the meantime, Russia and Turkey are preparing discussions on how to de-escalate "
              "fighting in Idlib province in Syria, Russian Foreign Minister Sergei Lavrov said "
              "Monday.");
    phrase(&f, "Russia", "RUS", 0);
    phrase(&f, "Turkey", "TUR", 0);
    phrase(&f, "Idlib", "SYR", 0);
    phrase(&f, "Russian Foreign Minister Sergei Lavrov", "RUSGOV", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "In the meantime, Russia and Turkey are preparing discussions on how "
                             "to de-escalate fighting in Idlib province in Syria");
    CHECK_SPEAKER(f, &f.qs[0], "Russian Foreign Minister Sergei Lavrov");
    CHECK_CUE(f, &f.qs[0], "said");
    finish(&f);
}

TEST(seed_pronoun_resolves_to_a_subject_named_before)
{
    fixture f;
    start(&f, "UN SecretaryGeneral Antonio Guterres is appealing to all parties to protect "
              "civilians.\n\nHe said a full-scale battle in Idlib “would unleash a humanitarian "
              "nightmare.”");
    phrase(&f, "UN", "IGOUNO", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_QUOTE(f, q, "a full-scale battle in Idlib “would unleash a humanitarian nightmare.”");
    CHECK_INT(q->speaker_from_pronoun, 1);
    CHECK_SPEAKER(f, q, "UN SecretaryGeneral Antonio Guterres");
    CHECK_STR(q->speaker->code, "IGOUNO");
    finish(&f);
}

/* ---- speaker patterns ------------------------------------------------------- */

TEST(subject_said_after_quote)
{
    fixture f;
    start(&f, "\"Subpoenas are not optional,\" Rep. Jason Chaffetz (R-Utah) said Friday.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "Subpoenas are not optional");
    CHECK_SPEAKER(f, &f.qs[0], "Rep. Jason Chaffetz");
    CHECK_CUE(f, &f.qs[0], "said");
    finish(&f);
}

TEST(question_then_name_asked)
{
    fixture f;
    start(&f, "“Does anybody know what the platform is?” Graham asked.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "Does anybody know what the platform is?");
    CHECK_SPEAKER(f, &f.qs[0], "Graham");
    CHECK_CUE(f, &f.qs[0], "asked");
    finish(&f);
}

TEST(according_to_at_the_end)
{
    fixture f;
    start(&f, "At least 30 people were killed, according to the Syrian Observatory for Human "
              "Rights.");
    phrase(&f, "Syrian Observatory for Human Rights", "SYRNGOHRI", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_INT(f.qs[0].direct, 0);
    CHECK_QUOTE(f, &f.qs[0], "At least 30 people were killed");
    CHECK_SPEAKER(f, &f.qs[0], "Syrian Observatory for Human Rights");
    CHECK_CUE(f, &f.qs[0], "according to");
    CHECK_STR(f.qs[0].speaker->code, "SYRNGOHRI");
    finish(&f);
}

TEST(according_to_at_the_start)
{
    fixture f;
    start(&f, "According to the United Nations, 2.5 million civilians live in Idlib.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "2.5 million civilians live in Idlib");
    CHECK_SPEAKER(f, &f.qs[0], "United Nations");
    CHECK_CUE(f, &f.qs[0], "According to");
    finish(&f);
}

TEST(according_to_in_the_middle_gives_two_parts)
{
    fixture f;
    start(&f, "The attack, according to witnesses, killed 12 people in the market.");
    find(&f);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_INT(q->nparts, 2);
    CHECK_PART(f, q, 0, "The attack");
    CHECK_PART(f, q, 1, "killed 12 people in the market");
    CHECK_SPEAKER(f, q, "witnesses");
    finish(&f);
}

TEST(told_hearer_in_parentheses_that)
{
    fixture f;
    start(&f, "Kalın told AP (Associated Press) that the four officials had agreed on a "
              "political solution.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "the four officials had agreed on a political solution");
    CHECK_SPEAKER(f, &f.qs[0], "Kalın");
    CHECK_CUE(f, &f.qs[0], "told");
    finish(&f);
}

TEST(inverted_said_closing_the_sentence)
{
    fixture f;
    start(&f, "Turkey will retaliate against any attack on its posts, said Ibrahim Kalin, a "
              "spokesman for the Turkish president.");
    phrase(&f, "Turkey", "TUR", 0);
    phrase(&f, "Turkish president", "TURGOV", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "Turkey will retaliate against any attack on its posts");
    CHECK_SPEAKER(f, &f.qs[0], "Ibrahim Kalin");
    CHECK_STR(f.qs[0].speaker->code, "TURGOV");
    finish(&f);
}

TEST(participle_saying_takes_the_clause_subject)
{
    fixture f;
    start(&f, "Turkey condemned the air strike, saying that civilians were killed.");
    phrase(&f, "Turkey", "TUR", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "civilians were killed");
    CHECK_SPEAKER(f, &f.qs[0], "Turkey");
    CHECK_CUE(f, &f.qs[0], "saying");
    finish(&f);
}

TEST(quoted_as_saying)
{
    fixture f;
    start(&f, "Lavrov was quoted as saying that the offensive would start soon.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "the offensive would start soon");
    CHECK_SPEAKER(f, &f.qs[0], "Lavrov");
    CHECK_CUE(f, &f.qs[0], "saying");
    finish(&f);
}

TEST(she_skips_a_country)
{
    fixture f;
    start(&f, "Turkey said the talks had failed. “We are ready for anything,” she said.");
    phrase(&f, "Turkey", "TUR", 0);
    find(&f);
    CHECK_INT(f.n, 2);
    const sr_quote *q = &f.qs[1];
    CHECK_QUOTE(f, q, "We are ready for anything");
    CHECK_INT(q->speaker_from_pronoun, 1);
    CHECK_SPEAKER(f, q, "she"); /* unresolved: no person before it */
    CHECK(q->speaker == NULL);
    finish(&f);
}

TEST(negated_passive_and_noun_cues_are_not_speech)
{
    CHECK_INT(count_quotes("He did not say whether the talks had failed."), 0);
    CHECK_INT(count_quotes("It was reported that the town had fallen to the rebels."), 0);
    CHECK_INT(count_quotes("Russia dismissed claims that it bombed the hospital."), 0);
    CHECK_INT(count_quotes("The editor's note says that nothing was changed."), 0);
}

/* ---- quotation marks --------------------------------------------------------- */

TEST(quotation_over_several_sentences)
{
    fixture f;
    start(&f, "“The city is surrounded. Food is running out. We need help now,” the mayor "
              "told reporters.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_INT(f.qs[0].nparts, 1);
    CHECK_QUOTE(f, &f.qs[0], "The city is surrounded. Food is running out. We need help now");
    CHECK_SPEAKER(f, &f.qs[0], "the mayor");
    CHECK_CUE(f, &f.qs[0], "told");
    finish(&f);
}

TEST(quotation_over_paragraphs_newspaper_style)
{
    fixture f;
    start(&f, "The commander spoke at length.\n\n“We will not leave the city. Our fighters are "
              "ready.\n\n“The enemy will pay for every street,” said Abu Omar, a rebel "
              "commander.");
    find(&f);
    CHECK_INT(f.n, 1);
    const sr_quote *q = &f.qs[0];
    CHECK_INT(q->nparts, 2);
    CHECK_PART(f, q, 0, "We will not leave the city. Our fighters are ready.");
    CHECK_PART(f, q, 1, "The enemy will pay for every street");
    CHECK_SPEAKER(f, q, "Abu Omar");
    CHECK_CUE(f, q, "said");
    finish(&f);
}

TEST(unclosed_quotation_ends_with_its_paragraph)
{
    fixture f;
    start(&f, "The minister said: “This offensive will end the war.\n\nThe army moved north on "
              "Monday.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "This offensive will end the war.");
    CHECK_SPEAKER(f, &f.qs[0], "The minister");
    finish(&f);
}

TEST(apostrophes_are_not_quotation_marks)
{
    fixture f;
    start(&f, "Hay'at Tahrir al-Sham said Assad’s forces' attacks on the rebels' towns had "
              "failed.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_INT(f.qs[0].direct, 0);
    CHECK_QUOTE(f, &f.qs[0], "Assad’s forces' attacks on the rebels' towns had failed");
    CHECK_SPEAKER(f, &f.qs[0], "Hay'at Tahrir al-Sham");
    finish(&f);
}

TEST(single_quotes_nested_in_double)
{
    fixture f;
    start(&f, "“You say you ‘accept responsibility,’ but you blame the workers,” Merkley said.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "You say you ‘accept responsibility,’ but you blame the workers");
    CHECK_SPEAKER(f, &f.qs[0], "Merkley");
    finish(&f);
}

TEST(double_quotes_nested_in_double)
{
    fixture f;
    start(&f, "“I’d rather live in what he calls “hell” than live in his world,” said Adriana "
              "Rodarte.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "I’d rather live in what he calls “hell” than live in his world");
    CHECK_SPEAKER(f, &f.qs[0], "Adriana Rodarte");
    finish(&f);
}

TEST(single_quotes_as_primary_marks)
{
    fixture f;
    start(&f, "‘We will respond to any aggression,’ the ministry said in a statement.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "We will respond to any aggression");
    CHECK_SPEAKER(f, &f.qs[0], "the ministry");
    CHECK_CUE(f, &f.qs[0], "said");
    finish(&f);
}

TEST(two_apostrophes_as_one_mark)
{
    fixture f;
    start(&f, "''It's anti-reform. She's layering on more complexity,'' Mr. Holtz-Eakin said.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "It's anti-reform. She's layering on more complexity");
    CHECK_SPEAKER(f, &f.qs[0], "Mr. Holtz-Eakin");
    finish(&f);
}

TEST(stray_straight_mark_before_typographic_quotes)
{
    fixture f;
    start(&f, "\"Melanie thought the whole thing was outrageous. She was anxious, sure.\n\n“It "
              "never crossed my mind that I’m losing it,” she said several months later.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "It never crossed my mind that I’m losing it");
    CHECK_CUE(f, &f.qs[0], "said");
    finish(&f);
}

TEST(unbalanced_marks_do_no_harm)
{
    CHECK_INT(count_quotes("He said ” nothing at all."), 0);
    CHECK_INT(count_quotes("“"), 0);
    CHECK_INT(count_quotes("” “ ” “"), 0);
    CHECK_INT(count_quotes("‘ ’ ' ' '' ''"), 0);
}

TEST(titles_and_names_in_quotes_are_skipped)
{
    CHECK_INT(count_quotes("He appeared on CBS's “Face the Nation” on Sunday."), 0);
    CHECK_INT(count_quotes("The group dubbed “Revolutionary Commando Army” moved north."), 0);
    CHECK_INT(count_quotes("Cruz called Trump a “pathological liar” on Monday."), 0);
}

TEST(carried_speaker_without_a_verb)
{
    fixture f;
    start(&f, "“The road is cut,” said Zakaria Malahjifi. The town has been besieged since "
              "July. “Nobody can get in or out of Aleppo now.”");
    find(&f);
    CHECK_INT(f.n, 2);
    const sr_quote *q = &f.qs[1];
    CHECK_QUOTE(f, q, "Nobody can get in or out of Aleppo now.");
    CHECK_SPEAKER(f, q, "Zakaria Malahjifi");
    CHECK_INT(q->cue_start, 0);
    CHECK_INT(q->cue_end, 0);
    finish(&f);
}

TEST(resumed_after_comma)
{
    fixture f;
    start(&f, "“The rebels are finished,” he said, “and the war is nearly over.”");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_INT(f.qs[0].nparts, 2);
    CHECK_PART(f, &f.qs[0], 0, "The rebels are finished");
    CHECK_PART(f, &f.qs[0], 1, "and the war is nearly over.");
    CHECK_SPEAKER(f, &f.qs[0], "he");
    CHECK_INT(f.qs[0].speaker_from_pronoun, 1);
    finish(&f);
}

TEST(name_after_dash_one_line_each)
{
    fixture f;
    start(&f, "Readers wrote to us.\n“Donald Trump scares me every day.” ― Krystal Correa\n“He "
              "can’t even answer a question.” ― Esther Tapia\n");
    find(&f);
    CHECK_INT(f.n, 2);
    CHECK_QUOTE(f, &f.qs[0], "Donald Trump scares me every day.");
    CHECK_SPEAKER(f, &f.qs[0], "Krystal Correa");
    CHECK_QUOTE(f, &f.qs[1], "He can’t even answer a question.");
    CHECK_SPEAKER(f, &f.qs[1], "Esther Tapia");
    CHECK_INT(f.qs[1].cue_end, 0);
    finish(&f);
}

TEST(unattributed_quotation_kept_without_speaker)
{
    fixture f;
    start(&f, "State media printed platitudes such as “Western pressure on Tehran and Damascus "
              "will fail to deter them from fighting terrorism”.");
    find(&f);
    CHECK_INT(f.n, 1);
    CHECK_QUOTE(f, &f.qs[0], "Western pressure on Tehran and Damascus will fail to deter them "
                             "from fighting terrorism");
    CHECK_INT(f.qs[0].speaker_end, 0);
    CHECK(f.qs[0].speaker == NULL);
    finish(&f);
}

TEST(bad_arguments_and_empty_text)
{
    fixture f;
    start(&f, "");
    CHECK_INT(find(&f), 0);
    CHECK_INT(f.n, 0);
    CHECK(f.qs == NULL);
    sr_quote *qs;
    size_t n;
    CHECK_INT(sr_quotes_find(NULL, NULL, 0, f.arena, &qs, &n), SR_EINVAL);
    CHECK_INT(sr_quotes_find(f.t, NULL, 0, NULL, &qs, &n), SR_EINVAL);
    CHECK_INT(sr_quotes_find(f.t, NULL, 3, f.arena, &qs, &n), SR_EINVAL);
    finish(&f);
}

/* ---- the record ---------------------------------------------------------------- */

TEST(record_fields)
{
    fixture f;
    start(&f, "“We expect a long fight,” said Col. Sean Ryan. “It will be hard.”");
    phrase(&f, "Col. Sean Ryan", "USAMIL", 0);
    find(&f);
    CHECK_INT(f.n, 1);
    sr_events evs;
    memset(&evs, 0, sizeof evs);
    evs.text = f.t;
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "seed-4";
    doc.source = "Test Wire";
    doc.text = f.text;
    doc.text_len = strlen(f.text);
    sr_buf b = SR_BUF_INIT;
    sr_records_write_quotes(&b, &doc, &evs, f.qs, f.n);
    CHECK(b.len > 0 && b.data[b.len - 1] == '\n');
    json_error_t jerr;
    json_t *r = json_loads(b.data, 0, &jerr);
    sr_buf_free(&b);
    CHECK(r != NULL);
    int ok = strcmp(json_string_value(json_object_get(r, "kind")), "quote") == 0 &&
             strcmp(json_string_value(json_object_get(r, "doc")), "seed-4") == 0 &&
             json_integer_value(json_object_get(r, "sentence")) == 0 &&
             strcmp(json_string_value(json_object_get(r, "quote")),
                    "We expect a long fight It will be hard.") == 0 &&
             json_array_size(json_object_get(r, "parts")) == 2 &&
             json_is_true(json_object_get(r, "direct")) &&
             json_is_false(json_object_get(r, "speaker_from_pronoun")) &&
             strcmp(json_string_value(json_object_get(r, "source_outlet")), "Test Wire") == 0 &&
             json_integer_value(json_object_get(r, "v")) == SR_RECORD_VERSION;
    json_t *span = json_object_get(r, "span");
    ok = ok && json_integer_value(json_array_get(span, 0)) == 3 &&
         (size_t)json_integer_value(json_array_get(span, 1)) == strlen(f.text) - 3;
    json_t *sp = json_object_get(r, "speaker");
    ok = ok && strcmp(json_string_value(json_object_get(sp, "text")), "Col. Sean Ryan") == 0 &&
         strcmp(json_string_value(json_object_get(sp, "code")), "USAMIL") == 0 &&
         json_integer_value(json_array_get(json_object_get(sp, "span"), 0)) ==
             strstr(f.text, "Col.") - f.text;
    json_t *cue = json_object_get(r, "cue");
    ok = ok && strcmp(json_string_value(json_object_get(cue, "text")), "said") == 0;
    json_decref(r);
    CHECK(ok);
    finish(&f);
}

TEST(record_nulls)
{
    fixture f;
    start(&f, "Officials printed “Western pressure will fail to deter them” on the front page.");
    find(&f);
    CHECK_INT(f.n, 1);
    sr_events evs;
    memset(&evs, 0, sizeof evs);
    evs.text = f.t;
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "d";
    sr_buf b = SR_BUF_INIT;
    sr_records_write_quotes(&b, &doc, &evs, f.qs, f.n);
    json_t *r = json_loads(b.data, 0, NULL);
    sr_buf_free(&b);
    CHECK(r != NULL);
    int ok = json_is_null(json_object_get(r, "speaker")) && json_is_null(json_object_get(r, "cue")) &&
             json_is_null(json_object_get(r, "source_outlet"));
    json_decref(r);
    CHECK(ok);
    finish(&f);
}

/* ---- the word tables' hash slots ------------------------------------------ */

/* The slots are written out in src/quotes/words_slots.h (the library keeps
 * no state to build them in); these tests rebuild them from the tables and
 * check that a lookup through them finds exactly what a search of the
 * tables does. After an edit of a table:
 *   build/tests/test_quotes --print-slots > src/quotes/words_slots.h */

static void print_slots(FILE *f, const char *name, const char *size, const uint16_t *slots,
                        size_t n)
{
    fprintf(f, "static const uint16_t %s[%s] = {\n", name, size);
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%u,%s", k % 16 == 0 ? "    " : " ", slots[k], k % 16 == 15 ? "\n" : "");
    if (n % 16)
        fputc('\n', f);
    fprintf(f, "};\n");
}

static void print_word_slots(FILE *f)
{
    static uint16_t slots[1u << 16];
    fprintf(f, "/* The hash slots of the word tables in words.c (see there), printed by\n"
               " * `build/tests/test_quotes --print-slots`: do not edit by hand. */\n");
    size_t n = q_word_slots(Q_WORDS, slots, sizeof slots / sizeof slots[0]);
    print_slots(f, "word_slots", "WORD_SLOTS", slots, n);
    n = q_word_slots(Q_VERBS, slots, sizeof slots / sizeof slots[0]);
    print_slots(f, "verb_slots", "VERB_SLOTS", slots, n);
}

static sr_token token_of(const char *norm, uint16_t flags)
{
    sr_token t;
    memset(&t, 0, sizeof t);
    t.norm = norm;
    t.len = (uint16_t)strlen(norm);
    t.flags = flags;
    return t;
}

TEST(quote_word_slots_are_current)
{
    if (!q_words_check())
        TH_FAIL("a word table of the quotation finder is unsorted, fills half its hash "
                "slots (raise WORD_BITS or VERB_BITS in words.c) or its slots are stale; "
                "after an edit of the tables run\n"
                "  build/tests/test_quotes --print-slots > src/quotes/words_slots.h");
}

static int q_linear(int table, const char *w)
{
    const char *e;
    for (size_t k = 0; (e = q_table_word(table, k)) != NULL; k++)
        if (strcmp(e, w) == 0)
            return 1;
    return 0;
}

/* Each table's words are found (every entry has a class, every verb has
 * Q_VERB), and their near misses are found exactly when the list has them. */
TEST(quote_word_lookup_is_exact)
{
    const char *e;
    size_t k = 0;
    for (; (e = q_table_word(Q_WORDS, k)) != NULL; k++) {
        sr_token t = token_of(e, SR_TOK_WORD);
        if (q_word_class(&t) == 0)
            TH_FAIL("%s has no class through the hash", e);
        char v[8][80];
        size_t nv = th_word_variants(e, v);
        for (size_t j = 0; j < nv; j++) {
            t = token_of(v[j], SR_TOK_WORD);
            if ((q_word_class(&t) != 0) != q_linear(Q_WORDS, v[j]))
                TH_FAIL("\"%s\": the hash and the list disagree", v[j]);
        }
    }
    CHECK(k > 400);
    for (k = 0; (e = q_table_word(Q_VERBS, k)) != NULL; k++) {
        sr_token t = token_of(e, SR_TOK_WORD);
        if (!(q_speech_verb(&t) & Q_VERB))
            TH_FAIL("%s is no speech verb through the hash", e);
        char v[8][80];
        size_t nv = th_word_variants(e, v);
        for (size_t j = 0; j < nv; j++) {
            t = token_of(v[j], SR_TOK_WORD);
            if ((q_speech_verb(&t) != 0) != q_linear(Q_VERBS, v[j]))
                TH_FAIL("\"%s\": the hash and the list disagree", v[j]);
        }
    }
    CHECK(k > 200);
    sr_token said = token_of("SAID", SR_TOK_WORD);
    CHECK(q_speech_verb(&said) & Q_VERB);
    said.flags |= SR_TOK_CAP; /* "Said" is a name as often as a verb */
    CHECK_INT(q_speech_verb(&said), 0);
    sr_token the = token_of("THE", SR_TOK_WORD);
    CHECK(q_word_class(&the) & W_DET);
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--print-slots") == 0) {
        print_word_slots(stdout);
        return 0;
    }
    RUN(seed_warned_colon_speaker_two_clauses_back);
    RUN(seed_possessive_phrase_as_the_coder_joins_it);
    RUN(seed_inverted_said_with_apposition_and_resumed_quote);
    RUN(seed_reported_speech_then_he_added_that);
    RUN(seed_told_reuters_colon);
    RUN(seed_reported_that_quote_then_it_added);
    RUN(seed_title_then_it_wrote_colon);
    RUN(seed_said_comma_quote);
    RUN(seed_quote_then_the_official_claimed_then_carried_on);
    RUN(seed_say_without_that_keeps_the_quoted_fragment);
    RUN(seed_scare_quotes_are_not_quotations);
    RUN(seed_sentence_final_attribution);
    RUN(seed_pronoun_resolves_to_a_subject_named_before);
    RUN(subject_said_after_quote);
    RUN(question_then_name_asked);
    RUN(according_to_at_the_end);
    RUN(according_to_at_the_start);
    RUN(according_to_in_the_middle_gives_two_parts);
    RUN(told_hearer_in_parentheses_that);
    RUN(inverted_said_closing_the_sentence);
    RUN(participle_saying_takes_the_clause_subject);
    RUN(quoted_as_saying);
    RUN(she_skips_a_country);
    RUN(negated_passive_and_noun_cues_are_not_speech);
    RUN(quotation_over_several_sentences);
    RUN(quotation_over_paragraphs_newspaper_style);
    RUN(unclosed_quotation_ends_with_its_paragraph);
    RUN(apostrophes_are_not_quotation_marks);
    RUN(single_quotes_nested_in_double);
    RUN(double_quotes_nested_in_double);
    RUN(single_quotes_as_primary_marks);
    RUN(two_apostrophes_as_one_mark);
    RUN(stray_straight_mark_before_typographic_quotes);
    RUN(unbalanced_marks_do_no_harm);
    RUN(titles_and_names_in_quotes_are_skipped);
    RUN(carried_speaker_without_a_verb);
    RUN(resumed_after_comma);
    RUN(name_after_dash_one_line_each);
    RUN(unattributed_quotation_kept_without_speaker);
    RUN(bad_arguments_and_empty_text);
    RUN(record_fields);
    RUN(record_nulls);
    RUN(quote_word_slots_are_current);
    RUN(quote_word_lookup_is_exact);
    return DONE();
}
