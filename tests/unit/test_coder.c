/*
 * Coder behaviour through the public API: a small dictionary in the
 * PETRARCH formats is written to a temporary directory, loaded with
 * sr_dict_load, and each test codes a few sentences and checks the exact
 * events (codes, and spans as bytes of the input).
 *
 * Each behaviour test carries a control sentence that must be coded, so a
 * test of "no event" cannot pass because nothing at all was coded.
 *
 * Tests whose RUN line is commented out with "KNOWN FAILURE" describe what
 * coder.h promises and the coder does not do yet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "sitrep/sitrep.h"

/* ---- the test dictionary --------------------------------------------- */

static const char verbs_txt[] =
    "<!-- sitrep coder unit tests: verbs, in the CAMEO.2.0.txt format -->\n"
    "\n"
    "&MILITARY\n"
    "+TROOPS\n"
    "+SOLDIERS\n"
    "\n"
    "&WARPLANES\n"
    "+JETS\n"
    "+WARPLANES\n"
    "\n"
    "---  PHYSICAL_CONFLICT   [190]  ---\n"
    "ATTACK\n"
    "- * WITH ARTILLERY                  [194]   # more specific than the block\n"
    "- * POLICY                          [---]   # criticism, not an attack\n"
    "- &WARPLANES *                      [195]   # words before the verb\n"
    "\n"
    "---  MEET_PEOPLE   [040]  ---\n"
    "MEET {MEETS MET MEETING}\n"
    "\n"
    "---  SEND   [---]  ---\n"
    "SEND {SENDS SENDING SENT}\n"
    "- * &MILITARY                       [074]\n"
    "\n"
    "---  VOW   [---]  ---\n"
    "VOW\n"
    "- * ATTACK                          [138]\n"
    "\n"
    "---  COERCE   [170]  ---\n"
    "PRESSURE\n";

static const char actors_txt[] =
    "<!-- sitrep coder unit tests: actors, in the Phoenix format -->\n"
    "SYRIA_ [SYR]\n"
    "+SYRIAN_\n"
    "FREE_SYRIAN_ARMY_ [SYRREB]   # longer than SYRIAN_ + the agent ARMY\n"
    "TURKEY_ [TUR]\n"
    "+TURKISH_\n"
    "RUSSIA_ [RUS]\n"
    "+RUSSIAN_\n"
    "FRANCE_ [FRA]\n"
    "+FRENCH_\n"
    "IRAN_ [IRN]\n"
    "ARNOR_ [ARN]\n"
    "OSGILIATH_ [OSG]\n"
    "GONDOR_ [GON]\n"
    "ROHAN_ [ROH]\n"
    "SERGEY_LAVROV_\n"
    "+LAVROV_\n"
    "\t[RUSIGO 19940101-20040308]\n"
    "\t[RUSGOV >20040309]\n"
    "\t[RUSELI]\n";

static const char agents_txt[] =
    "<!-- sitrep coder unit tests: agents, in the Phoenix.agents.txt format -->\n"
    "ARMY [~MIL]\n"
    "TROOP [~MIL]\n"
    "AMBASSADOR [~GOV]\n"
    "OFFICIAL [~GOV]\n";

static const char discards_txt[] =
    "# sitrep coder unit tests: discards\n"
    "FOOTBALL MATCH\n"
    "+WORLD CUP\n";

/* ---- fixture ----------------------------------------------------------- */

static sr_dict *dict;
static int dict_warnings;
static sr_coder *coder;    /* the current test's coder, freed by the next */
static const char *input;  /* the text the current events index */
static const sr_event *ev; /* the event the last EXPECT_* found */

static void count_warning(const char *msg, void *ctx)
{
    fprintf(stderr, "test_coder: dictionary warning: %s\n", msg);
    (*(int *)ctx)++;
}

/* 1-based number of the first line of text containing needle, or 0. */
static long line_of(const char *text, const char *needle)
{
    const char *hit = strstr(text, needle);
    if (!hit)
        return 0;
    long line = 1;
    for (const char *p = text; p < hit; p++)
        line += *p == '\n';
    return line;
}

/* Code text with a fresh coder (opt NULL: the defaults). */
static const sr_events *code_with(const char *text, const char *date, const sr_coder_options *opt)
{
    sr_error err;
    sr_coder_free(coder);
    coder = NULL;
    if (sr_coder_new(&coder, dict, opt, &err) != 0) {
        fprintf(stderr, "test_coder: sr_coder_new: %s\n", err.msg);
        return NULL;
    }
    const sr_events *evs = NULL;
    if (sr_coder_code(coder, text, strlen(text), date, &evs, &err) != 0) {
        fprintf(stderr, "test_coder: sr_coder_code: %s\n", err.msg);
        return NULL;
    }
    input = text;
    return evs;
}

static const sr_events *code(const char *text)
{
    return code_with(text, NULL, NULL);
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The event src -> tgt with code cameo (tgt NULL: without a target). */
static const sr_event *find_event(const sr_events *evs, const char *src, const char *tgt,
                                  const char *cameo)
{
    for (size_t k = 0; k < evs->n; k++) {
        const sr_event *e = &evs->events[k];
        if (same(e->source.code, src) && same(e->target.code, tgt) && strcmp(e->cameo, cameo) == 0)
            return e;
    }
    return NULL;
}

static size_t count_cameo(const sr_events *evs, const char *cameo)
{
    size_t n = 0;
    for (size_t k = 0; k < evs->n; k++)
        n += strcmp(evs->events[k].cameo, cameo) == 0;
    return n;
}

/* The events in one line, for failure messages. */
static const char *describe(const sr_events *evs)
{
    static char buf[4096];
    size_t used = 0;
    buf[0] = '\0';
    if (evs->n == 0)
        return "(no events)";
    for (size_t k = 0; k < evs->n && used < sizeof buf - 1; k++) {
        const sr_event *e = &evs->events[k];
        int w = snprintf(buf + used, sizeof buf - used, "[s%u %s '%.*s' -> %s '%.*s' %s %s '%.*s'] ",
                         e->sentence, e->source.code ? e->source.code : "null",
                         (int)(e->source.end - e->source.start), input + e->source.start,
                         e->target.code ? e->target.code : "null",
                         (int)(e->target.end - e->target.start), input + e->target.start, e->cameo,
                         e->mood, (int)(e->verb_end - e->verb_start), input + e->verb_start);
        if (w < 0)
            break;
        used += (size_t)w;
    }
    return buf;
}

#define CHECK_COUNT(evs, want)                                                       \
    do {                                                                             \
        if ((evs)->n != (size_t)(want))                                              \
            TH_FAIL("%zu events, expected %d: %s", (evs)->n, (int)(want), describe(evs)); \
    } while (0)

/* Find src -> tgt coded cameo and check its source, target and verb spans;
 * leaves it in ev for further checks. */
#define EXPECT_EVENT(evs, src, src_text, tgt, tgt_text, cameo, verb_text)              \
    do {                                                                             \
        ev = find_event(evs, src, tgt, cameo);                                       \
        if (!ev)                                                                     \
            TH_FAIL("no event %s -> %s %s among %s", src, tgt, cameo, describe(evs)); \
        CHECK_SPAN(input, ev->source.start, ev->source.end, src_text);               \
        CHECK_SPAN(input, ev->target.start, ev->target.end, tgt_text);               \
        CHECK_SPAN(input, ev->verb_start, ev->verb_end, verb_text);                  \
    } while (0)

/* The same for an event without a target. */
#define EXPECT_MONADIC(evs, src, src_text, cameo, verb_text)                          \
    do {                                                                             \
        ev = find_event(evs, src, NULL, cameo);                                      \
        if (!ev)                                                                     \
            TH_FAIL("no event %s -> (none) %s among %s", src, cameo, describe(evs)); \
        CHECK_SPAN(input, ev->source.start, ev->source.end, src_text);               \
        CHECK_INT(ev->target.end - ev->target.start, 0);                             \
        CHECK_SPAN(input, ev->verb_start, ev->verb_end, verb_text);                  \
    } while (0)

#define CHECK_SENTENCE(e, index, text)                                               \
    do {                                                                             \
        CHECK_INT((e)->sentence, index);                                             \
        CHECK_SPAN(input, (e)->sent_start, (e)->sent_end, text);                     \
    } while (0)

/* ---- tests --------------------------------------------------------------- */

TEST(dictionary_loads_clean)
{
    CHECK(dict != NULL);
    CHECK_INT(dict_warnings, 0);
    sr_dict_stats st;
    sr_dict_get_stats(dict, &st);
    CHECK_INT(st.patterns, 5);
    CHECK_INT(st.agents > 0, 1);
    CHECK_INT(st.discards, 2);
}

TEST(simple_svo)
{
    const sr_events *evs = code("Syria attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "190", "attacked");
    CHECK_SENTENCE(ev, 0, "Syria attacked Turkey.");
    CHECK_STR(ev->mood, "asserted");
    CHECK_INT(ev->source.inferred, 0);
    CHECK_INT(ev->target.inferred, 0);
    /* no pattern fits: the block's default code, from the block's line */
    CHECK_STR(ev->pattern_file, "coder.verbs.txt");
    CHECK_INT(ev->pattern_line, line_of(verbs_txt, "PHYSICAL_CONFLICT"));
    CHECK(ev->info != NULL);
    CHECK_INT(ev->info->quad_class, 4);
    CHECK(evs->text != NULL && evs->text->src == input);
}

TEST(spans_are_byte_offsets)
{
    /* two-byte letters before the actors shift every span by bytes */
    const sr_events *evs = code("In Qamişlo and Ḥasakah, Syria attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "190", "attacked");
    CHECK_INT(ev->source.start, strstr(input, "Syria") - input);
    CHECK_INT(ev->target.end, strstr(input, "Turkey") - input + 6);
    CHECK_INT(ev->sent_end, strlen(input));
}

TEST(specific_pattern_beats_block_default)
{
    const sr_events *evs = code("Syria attacked Turkey with artillery. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 2);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "194", "attacked");
    CHECK_INT(ev->sentence, 0);
    CHECK_STR(ev->pattern_file, "coder.verbs.txt");
    CHECK_INT(ev->pattern_line, line_of(verbs_txt, "WITH ARTILLERY"));
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
    CHECK_INT(ev->pattern_line, line_of(verbs_txt, "PHYSICAL_CONFLICT"));
}

TEST(dash_pattern_blocks_event)
{
    const sr_events *evs = code("Syria attacked Turkey's policy. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
    CHECK_SENTENCE(ev, 1, "Iran attacked France.");
}

TEST(longest_actor_match)
{
    const sr_events *evs = code("The Free Syrian Army attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYRREB", "Free Syrian Army", "TUR", "Turkey", "190", "attacked");
}

TEST(actor_with_agent)
{
    const sr_events *evs = code("Syrian army attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYRMIL", "Syrian army", "TUR", "Turkey", "190", "attacked");
}

TEST(agent_of_actor_list)
{
    const sr_events *evs = code("The ambassadors of Arnor, Osgiliath and Gondor met Rohan.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 3);
    EXPECT_EVENT(evs, "ARNGOV", "ambassadors of Arnor", "ROH", "Rohan", "040", "met");
    EXPECT_EVENT(evs, "OSGGOV", "Osgiliath", "ROH", "Rohan", "040", "met");
    EXPECT_EVENT(evs, "GONGOV", "Gondor", "ROH", "Rohan", "040", "met");
}

TEST(compound_subject_and_object)
{
    const sr_events *evs = code("Syria and Iran attacked Turkey and France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 4);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "190", "attacked");
    EXPECT_EVENT(evs, "SYR", "Syria", "FRA", "France", "190", "attacked");
    EXPECT_EVENT(evs, "IRN", "Iran", "TUR", "Turkey", "190", "attacked");
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
}

TEST(dated_actor_by_document_date)
{
    static const struct {
        const char *date, *code;
    } cases[] = {
        {"2000-06-01", "RUSIGO"}, /* inside the first range */
        {"2004-03-08", "RUSIGO"}, /* its last day is included */
        {"2004-03-09", "RUSGOV"}, /* the open-ended code's first day */
        {"2019-08-20", "RUSGOV"},
        {"1985-01-01", "RUSELI"}, /* before every range: the undated code */
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const sr_events *evs = code_with("Lavrov attacked Turkey.", cases[k].date, NULL);
        CHECK(evs != NULL);
        CHECK_COUNT(evs, 1);
        if (!same(evs->events[0].source.code, cases[k].code))
            TH_FAIL("date %s: %s", cases[k].date, describe(evs));
        EXPECT_EVENT(evs, cases[k].code, "Lavrov", "TUR", "Turkey", "190", "attacked");
    }
}

TEST(dated_actor_without_date)
{
    /* no date: the role held now, the open-ended code that starts last */
    const sr_events *evs = code("Lavrov attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "RUSGOV", "Lavrov", "TUR", "Turkey", "190", "attacked");
}

TEST(negation_not_coded)
{
    const sr_events *evs = code("Syria did not attack Turkey. Syria didn't attack France. "
                                "Syria never attacked Iran. Iran attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "TUR", "Turkey", "190", "attacked");
    CHECK_INT(ev->sentence, 3);
}

/* Regression: "&MILITARY *" matched "army" before the "not" and was taken
 * for a pattern that spells the negation out, so the act was coded. */
TEST(negation_not_lifted_by_a_pattern_before_it)
{
    const sr_events *evs = code("Syria's jets did not attack Turkey. "
                                "Syria's jets attacked Iran.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "IRN", "Iran", "195", "attacked");
    CHECK_INT(ev->sentence, 1);
}

TEST(conditional_not_coded)
{
    const sr_events *evs = code("If Syria were to attack Turkey, France would respond. "
                                "If Syria attacks Iran, Russia will respond. Iran attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "TUR", "Turkey", "190", "attacked");
    CHECK_INT(ev->sentence, 2);
}

TEST(modal_not_coded)
{
    const sr_events *evs = code("Syria could attack Turkey. Syria may attack France. "
                                "Syria might attack Iran. Iran attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "TUR", "Turkey", "190", "attacked");
    CHECK_INT(ev->sentence, 3);
}

TEST(infinitive_not_coded_as_act)
{
    const sr_events *evs = code("Syria vowed to attack Turkey. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_INT(count_cameo(evs, "190"), 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
    CHECK_INT(ev->sentence, 1);
    for (size_t k = 0; k < evs->n; k++)
        if (evs->events[k].sentence == 0 && strcmp(evs->events[k].cameo, "190") == 0)
            TH_FAIL("the infinitive was coded as the act: %s", describe(evs));
}

/* "left to their governing verb": the VOW pattern "* ATTACK [138]" should
 * code the threat. */
TEST(infinitive_coded_by_governing_verb)
{
    const sr_events *evs = code("Syria vowed to attack Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "138", "vowed");
    CHECK_INT(ev->pattern_line, line_of(verbs_txt, "[138]"));
}

TEST(continued_to_send_is_coded)
{
    const sr_events *evs = code("Turkey continued to send troops to Syria.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "TUR", "Turkey", "SYR", "Syria", "074", "send");
    CHECK_STR(ev->mood, "asserted");
    CHECK_INT(ev->pattern_line, line_of(verbs_txt, "[074]"));
}

TEST(future_is_intent)
{
    const sr_events *evs = code("Syria will meet Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "036", "meet");
    CHECK_STR(ev->mood, "intent");

    /* force becomes a threat of force */
    evs = code("Syria will attack Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "138", "attack");
    CHECK_STR(ev->mood, "intent");
}

TEST(future_as_intent_off)
{
    sr_coder_options o;
    sr_coder_options_default(&o);
    o.future_as_intent = 0;
    const sr_events *evs = code_with("Syria will meet Turkey.", NULL, &o);
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "040", "meet");
    CHECK_STR(ev->mood, "asserted");
}

TEST(passive_with_by)
{
    const sr_events *evs = code("Turkey was attacked by Syria.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "SYR", "Syria", "TUR", "Turkey", "190", "attacked");
}

TEST(passive_without_by_strict)
{
    const sr_events *evs = code("Turkey was attacked on Monday. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
    CHECK_INT(ev->sentence, 1);
}

TEST(passive_without_by_lax)
{
    sr_coder_options o;
    sr_coder_options_default(&o);
    o.strict_passive = 0;
    const sr_events *evs = code_with("Turkey was attacked on Monday.", NULL, &o);
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_MONADIC(evs, "TUR", "Turkey", "190", "attacked");
}

/* The source span of a pronoun subject: the pronoun itself (the evidence in
 * the sentence) or its antecedent are both fair; anything else is not. */
#define CHECK_PRONOUN_SPAN(e, pronoun, antecedent)                                   \
    do {                                                                             \
        size_t th_n = (e)->source.end - (e)->source.start;                           \
        const char *th_s = input + (e)->source.start;                                \
        if (!(th_n == strlen(pronoun) && memcmp(th_s, pronoun, th_n) == 0) &&        \
            !(th_n == strlen(antecedent) && memcmp(th_s, antecedent, th_n) == 0))    \
            TH_FAIL("source span is \"%.*s\", expected \"%s\" or \"%s\"", (int)th_n,   \
                    th_s, pronoun, antecedent);                                      \
    } while (0)

TEST(pronoun_subject_resolved)
{
    const sr_events *evs = code("Syria says it attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    ev = find_event(evs, "SYR", "TUR", "190");
    if (!ev)
        TH_FAIL("no SYR -> TUR 190 among %s", describe(evs));
    CHECK_PRONOUN_SPAN(ev, "it", "Syria");
    CHECK_SPAN(input, ev->target.start, ev->target.end, "Turkey");
    CHECK_INT(ev->source.inferred, 1);
    CHECK_INT(ev->target.inferred, 0);
}

/* The antecedent need not open the sentence. */
TEST(pronoun_after_opening_phrase)
{
    const sr_events *evs = code("On Monday, Syria said it attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    ev = find_event(evs, "SYR", "TUR", "190");
    if (!ev)
        TH_FAIL("no SYR -> TUR 190 among %s", describe(evs));
    CHECK_PRONOUN_SPAN(ev, "it", "Syria");
    CHECK_INT(ev->source.inferred, 1);
}

/* A pronoun with no antecedent in its sentence takes the last subject. */
TEST(pronoun_takes_last_subject)
{
    const sr_events *evs = code("Iran attacked France. Then it attacked Turkey.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 2);
    ev = find_event(evs, "IRN", "TUR", "190");
    if (!ev)
        TH_FAIL("no IRN -> TUR 190 among %s", describe(evs));
    CHECK_INT(ev->sentence, 1);
    CHECK_INT(ev->source.inferred, 1);
    /* the antecedent is in another sentence: only the pronoun can be shown */
    CHECK_SPAN(input, ev->source.start, ev->source.end, "it");
}

TEST(require_dyad_on)
{
    sr_coder_options o;
    sr_coder_options_default(&o);
    o.require_dyad = 1;
    const sr_events *evs =
        code_with("Syrian army attacked on Monday. Iran attacked France.", NULL, &o);
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
}

TEST(require_dyad_off)
{
    const sr_events *evs = code("Syrian army attacked on Monday. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 2);
    EXPECT_MONADIC(evs, "SYRMIL", "Syrian army", "190", "attacked");
    CHECK_INT(ev->sentence, 0);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
}

TEST(discard_drops_sentence)
{
    const sr_events *evs = code("Syria attacked Turkey after the football match. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
    CHECK_SENTENCE(ev, 1, "Iran attacked France.");
}

TEST(story_discard_drops_document)
{
    /* the control: the same story without the phrase */
    const sr_events *evs = code("Syria attacked Turkey. Iran attacked France at the games.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 2);
    /* a story discard in the last sentence drops the sentences before it */
    evs = code("Syria attacked Turkey. Iran attacked France at the World Cup.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 0);
}

TEST(reciprocal_meeting)
{
    const sr_events *evs = code("Russian, Turkish and French officials met on Monday.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 6);
    EXPECT_EVENT(evs, "RUSGOV", "Russian", "TURGOV", "Turkish", "040", "met");
    EXPECT_EVENT(evs, "RUSGOV", "Russian", "FRAGOV", "French officials", "040", "met");
    EXPECT_EVENT(evs, "TURGOV", "Turkish", "RUSGOV", "Russian", "040", "met");
    EXPECT_EVENT(evs, "TURGOV", "Turkish", "FRAGOV", "French officials", "040", "met");
    EXPECT_EVENT(evs, "FRAGOV", "French officials", "RUSGOV", "Russian", "040", "met");
    EXPECT_EVENT(evs, "FRAGOV", "French officials", "TURGOV", "Turkish", "040", "met");
}

TEST(noun_attack_not_coded)
{
    const sr_events *evs = code("The attack on Gondor failed. Rohan attacked Gondor.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "ROH", "Rohan", "GON", "Gondor", "190", "attacked");
    CHECK_INT(ev->sentence, 1);
}

TEST(noun_pressure_not_coded)
{
    const sr_events *evs = code("Turkish pressure on Syria grew. Turkey pressured Syria.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "TUR", "Turkey", "SYR", "Syria", "170", "pressured");
    CHECK_INT(ev->sentence, 1);
}

/* The subject of "attacked" is "unknown assailants", who are no actor:
 * the speaker of the main clause must not become the attacker. */
TEST(reported_clause_keeps_its_subject)
{
    const sr_events *evs = code("Syria said unknown assailants attacked Turkey. Iran attacked France.");
    CHECK(evs != NULL);
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "IRN", "Iran", "FRA", "France", "190", "attacked");
}

TEST(coder_reused_across_documents)
{
    sr_error err;
    sr_coder_free(coder);
    coder = NULL;
    CHECK_INT(sr_coder_new(&coder, dict, NULL, &err), 0);
    const sr_events *evs = NULL;
    const char *first = "Syria attacked Turkey. Iran attacked France.";
    const char *second = "Rohan attacked Gondor.";
    CHECK_INT(sr_coder_code(coder, first, strlen(first), NULL, &evs, &err), 0);
    CHECK_INT(evs->n, 2);
    CHECK_INT(sr_coder_code(coder, second, strlen(second), "2020-01-01", &evs, &err), 0);
    input = second;
    CHECK_COUNT(evs, 1);
    EXPECT_EVENT(evs, "ROH", "Rohan", "GON", "Gondor", "190", "attacked");
    CHECK_INT(ev->sentence, 0);
    /* an empty document has no events and no sentences */
    CHECK_INT(sr_coder_code(coder, "", 0, NULL, &evs, &err), 0);
    CHECK_INT(evs->n, 0);
    CHECK_INT(evs->text->nsentences, 0);
}

TEST(coder_needs_a_dictionary)
{
    sr_error err;
    sr_coder *c = (sr_coder *)&err; /* must be overwritten with NULL */
    CHECK_INT(sr_coder_new(&c, NULL, NULL, &err), SR_EINVAL);
    CHECK(c == NULL);
    CHECK(strstr(err.msg, "dictionary") != NULL);
}

int main(void)
{
    if (!th_tmpdir_make("test_coder"))
        return 1;
    const char *actors[1];
    sr_dict_files files;
    memset(&files, 0, sizeof files);
    files.verbs = th_write_file("coder.verbs.txt", verbs_txt);
    actors[0] = th_write_file("coder.actors.txt", actors_txt);
    files.actors = actors;
    files.nactors = 1;
    files.agents = th_write_file("coder.agents.txt", agents_txt);
    files.discards = th_write_file("coder.discards.txt", discards_txt);
    sr_error err;
    if (sr_dict_load(&dict, &files, count_warning, &dict_warnings, &err) != 0) {
        fprintf(stderr, "test_coder: cannot load the test dictionary: %s\n", err.msg);
        dict = NULL;
    }

    RUN(dictionary_loads_clean);
    if (dict) {
        RUN(simple_svo);
        RUN(spans_are_byte_offsets);
        RUN(specific_pattern_beats_block_default);
        RUN(dash_pattern_blocks_event);
        RUN(longest_actor_match);
        RUN(actor_with_agent);
        RUN(agent_of_actor_list);
        RUN(compound_subject_and_object);
        RUN(dated_actor_by_document_date);
        RUN(dated_actor_without_date);
        RUN(negation_not_coded);
    RUN(negation_not_lifted_by_a_pattern_before_it);
        RUN(conditional_not_coded);
        RUN(modal_not_coded);
        RUN(infinitive_not_coded_as_act);
        /* KNOWN FAILURE: "Syria vowed to attack Turkey." gives no event: the
         * target search and the VOW pattern's "* ATTACK" stop at the blocked
         * verb "attack", so the governing verb codes nothing (expected SYR ->
         * TUR 138 from "vowed"). The shipped CAMEO.2.0.txt has the same
         * pattern (VOW "- * ATTACK [138]") and the same miss. */
        /* RUN(infinitive_coded_by_governing_verb); */
        (void)infinitive_coded_by_governing_verb;
        RUN(continued_to_send_is_coded);
        RUN(future_is_intent);
        RUN(future_as_intent_off);
        RUN(passive_with_by);
        RUN(passive_without_by_strict);
        RUN(passive_without_by_lax);
        RUN(pronoun_subject_resolved);
        /* KNOWN FAILURE: "On Monday, Syria said it attacked Turkey." gives no
         * event: an antecedent in the same sentence is only taken when it
         * starts within the first three tokens. */
        /* RUN(pronoun_after_opening_phrase); */
        (void)pronoun_after_opening_phrase;
        /* KNOWN FAILURE: "Iran attacked France. Then it attacked Turkey."
         * codes IRN -> TUR but with the source span "Then" (the sentence's
         * first token) instead of "it". */
        /* RUN(pronoun_takes_last_subject); */
        (void)pronoun_takes_last_subject;
        RUN(require_dyad_on);
        RUN(require_dyad_off);
        RUN(discard_drops_sentence);
        RUN(story_discard_drops_document);
        RUN(reciprocal_meeting);
        RUN(noun_attack_not_coded);
        RUN(noun_pressure_not_coded);
        /* KNOWN FAILURE: "Syria said unknown assailants attacked Turkey."
         * gives SYR -> TUR 190: the subject search runs past "said" into
         * the main clause when the real subject is not in the dictionary. */
        /* RUN(reported_clause_keeps_its_subject); */
        (void)reported_clause_keeps_its_subject;
        RUN(coder_reused_across_documents);
        RUN(coder_needs_a_dictionary);
    }

    sr_coder_free(coder);
    sr_dict_free(dict);
    th_tmpdir_remove();
    return DONE();
}
