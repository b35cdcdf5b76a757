/*
 * Figures: numbers, qualifiers, categories and counted phrases on analyzed
 * text (no coder needed); whose and claimant on the actor phrases of a
 * small test dictionary; records; places, subjects and the grouping of
 * figures across outlets; labels.
 *
 * Every negative case ("a year is not a figure") sits in a sentence that
 * also has a figure the test checks, so it cannot pass because nothing at
 * all was found.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "figures/figures_internal.h"
#include "harness.h"
#include "sitrep/figures.h"
#include "sitrep/sitrep.h"
#include "util/buf.h"

static sr_arena *arena;
static const char *input;
static sr_figure *found;
static size_t nfound;

/* Figures of text without actor phrases. */
static size_t find(const char *text)
{
    sr_arena_reset(arena);
    input = text;
    sr_text *t = sr_text_analyze(arena, text, strlen(text));
    found = NULL;
    nfound = 0;
    if (sr_figures_find(t, NULL, 0, arena, &found, &nfound) != 0)
        return (size_t)-1;
    return nfound;
}

/* The figure whose phrase is exactly words, or NULL. */
static const sr_figure *figure(const char *words)
{
    size_t len = strlen(words);
    for (size_t k = 0; k < nfound; k++)
        if (found[k].end - found[k].start == len && memcmp(input + found[k].start, words, len) == 0)
            return &found[k];
    return NULL;
}

#define CHECK_NAN(x) CHECK(isnan(x))
#define CHECK_NUM(a, b)                                                              \
    do {                                                                             \
        double th_x = (a), th_y = (b);                                               \
        if (!(th_x == th_y))                                                         \
            TH_FAIL("%s == %.15g, expected %.15g", #a, th_x, th_y);                  \
    } while (0)

/* ---- numbers and qualifiers -------------------------------------------- */

TEST(at_least_is_a_lower_bound)
{
    CHECK_INT(find("At least 29 Syrian rebels were killed in clashes."), 1);
    const sr_figure *f = figure("At least 29");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 29);
    CHECK_NAN(f->high);
    CHECK_INT(f->exact, 0);
    CHECK_STR(f->qualifier, "at least");
    CHECK_STR(f->category, "killed");
    CHECK_STR(f->unit_text, "Syrian rebels");
    CHECK_SPAN(input, f->unit_start, f->unit_end, "Syrian rebels");
}

TEST(more_than_with_scale)
{
    find("An assault was postponed due to the presence of more than 2.5 million civilians in "
         "the province.");
    const sr_figure *f = figure("more than 2.5 million");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 2500000);
    CHECK_NAN(f->high);
    CHECK_STR(f->qualifier, "more than");
    CHECK_STR(f->category, "civilians");
    CHECK_STR(f->unit_text, "civilians");
}

TEST(could_number_is_an_estimate)
{
    find("The militants, who could number 7,000, are divided into rival camps.");
    const sr_figure *f = figure("could number 7,000");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 7000);
    CHECK_NUM(f->high, 7000);
    CHECK_INT(f->exact, 0);
    CHECK_STR(f->qualifier, "could number");
    CHECK_STR(f->category, "fighters");
    CHECK_STR(f->unit_text, "militants");
}

TEST(arrested_without_a_noun)
{
    find("Tahrir al-Sham has arrested at least 100 for seeking a deal with Damascus.");
    const sr_figure *f = figure("at least 100");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 100);
    CHECK_NAN(f->high);
    CHECK_STR(f->category, "detained");
    CHECK(f->unit_text == NULL);
}

TEST(exact_count_has_equal_bounds)
{
    find("The front has detained 95 civilians accused of being loyalists.");
    const sr_figure *f = figure("95");
    CHECK(f != NULL);
    CHECK_INT(f->exact, 1);
    CHECK_NUM(f->low, 95);
    CHECK_NUM(f->high, 95);
    CHECK(f->qualifier == NULL);
    CHECK_STR(f->category, "detained");
}

TEST(territory_share_before)
{
    find("Tahrir al-Sham controls 60 per cent of Idlib and the provincial capital.");
    const sr_figure *f = figure("60 per cent");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 60);
    CHECK_STR(f->category, "territory_percent");
    CHECK_STR(f->unit_text, "Idlib");
}

TEST(territory_share_after)
{
    find("However, more than 65 per cent of Syria is under government control.");
    const sr_figure *f = figure("more than 65 per cent");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 65);
    CHECK_STR(f->category, "territory_percent");
    CHECK_STR(f->unit_text, "Syria");
}

TEST(percent_sign)
{
    find("Rebels hold 40% of the province.");
    const sr_figure *f = figure("40%");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 40);
    CHECK_STR(f->category, "territory_percent");
}

TEST(other_percentages_are_not_figures)
{
    /* a share of the victims is not a count; the 20 killed are */
    find("About 20 people were killed and 65 percent of the victims were children.");
    CHECK_INT(nfound, 1);
    CHECK(figure("About 20") != NULL);
}

TEST(dozens_convention)
{
    find("At least 55 civilians have also been killed and dozens have been abducted for ransom.");
    const sr_figure *f = figure("dozens");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 24);
    CHECK_NUM(f->high, 99);
    CHECK_INT(f->exact, 0);
    CHECK_STR(f->category, "abducted");
    CHECK_STR(figure("At least 55")->category, "killed");
}

TEST(nearly_is_an_upper_bound)
{
    find("Fierce fighting has led to the displacement of nearly one million people.");
    const sr_figure *f = figure("nearly one million");
    CHECK(f != NULL);
    CHECK_NAN(f->low);
    CHECK_NUM(f->high, 1000000);
    CHECK_STR(f->qualifier, "nearly");
    CHECK_STR(f->category, "displaced");
}

TEST(posts_are_other)
{
    find("Turkey maintains a ring of 12 observation posts around Idlib.");
    const sr_figure *f = figure("12");
    CHECK(f != NULL);
    CHECK_STR(f->category, "other");
    CHECK_STR(f->unit_text, "observation posts");
}

TEST(things_cannot_be_detained)
{
    find("Government forces have captured some sixty cities and towns.");
    const sr_figure *f = figure("some sixty");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 60);
    CHECK_NUM(f->high, 60);
    CHECK_STR(f->qualifier, "some");
    CHECK_STR(f->category, "other");
    CHECK_STR(f->unit_text, "cities and towns");
}

TEST(between_is_a_range)
{
    find("Between 5 and 10 soldiers were wounded in the blast.");
    const sr_figure *f = figure("Between 5 and 10");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 5);
    CHECK_NUM(f->high, 10);
    CHECK_INT(f->exact, 0);
    CHECK_STR(f->category, "injured");
}

TEST(up_to)
{
    find("The group fields up to 10,000 fighters.");
    const sr_figure *f = figure("up to 10,000");
    CHECK(f != NULL);
    CHECK_NAN(f->low);
    CHECK_NUM(f->high, 10000);
    CHECK_STR(f->category, "fighters");
}

TEST(about_is_approximate)
{
    find("About 300 people were killed in the raids.");
    const sr_figure *f = figure("About 300");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 300);
    CHECK_NUM(f->high, 300);
    CHECK_INT(f->exact, 0);
    CHECK_STR(f->qualifier, "about");
}

TEST(hundreds_died)
{
    find("Hundreds of civilians died in a sarin gas attack in Ghouta.");
    const sr_figure *f = figure("Hundreds");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 200);
    CHECK_NUM(f->high, 999);
    CHECK_STR(f->category, "killed");
    CHECK_STR(f->unit_text, "civilians");
}

TEST(tens_of_thousands_fled)
{
    find("Tens of thousands of people fled the fighting.");
    const sr_figure *f = figure("Tens of thousands");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 20000);
    CHECK_NUM(f->high, 99999);
    CHECK_STR(f->category, "displaced");
}

TEST(a_dozen)
{
    find("A dozen soldiers were killed on Monday.");
    const sr_figure *f = figure("A dozen");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 12);
    CHECK_INT(f->exact, 1);
    CHECK_STR(f->category, "killed");
}

TEST(words_compose)
{
    find("One hundred and fifty people were arrested.");
    const sr_figure *f = figure("One hundred and fifty");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 150);
    CHECK_STR(f->category, "detained");
}

TEST(quarter_of_a_million)
{
    find("More than a quarter of a million people have been killed.");
    const sr_figure *f = figure("More than a quarter of a million");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 250000);
    CHECK_STR(f->category, "killed");
}

TEST(two_or_three)
{
    find("Two or three civilians were injured.");
    const sr_figure *f = figure("Two or three");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 2);
    CHECK_NUM(f->high, 3);
    CHECK_STR(f->category, "injured");
}

TEST(or_more_after)
{
    find("50 or more people were detained.");
    const sr_figure *f = figure("50 or more");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 50);
    CHECK_NAN(f->high);
    CHECK_STR(f->qualifier, "or more");
    CHECK_STR(f->category, "detained");
}

TEST(strong_force)
{
    find("A 10,000-strong force gathered at the border.");
    const sr_figure *f = figure("10,000-strong");
    CHECK(f != NULL);
    CHECK_NUM(f->low, 10000);
    CHECK_STR(f->category, "fighters");
}

/* ---- categories from the words around ---------------------------------- */

TEST(killing_and_wounding)
{
    CHECK_INT(find("The health facility was hit by rockets killing six and wounding 33 others."), 2);
    CHECK_STR(figure("six")->category, "killed");
    CHECK_STR(figure("33")->category, "injured");
    CHECK_STR(figure("33")->unit_text, "others");
}

TEST(among_executed)
{
    CHECK_INT(find("The Observatory said 10 children and 13 rebels were among 48 people executed "
                   "by government forces."),
              3);
    CHECK_STR(figure("10")->category, "killed");
    CHECK_STR(figure("13")->category, "killed");
    CHECK_STR(figure("48")->category, "killed");
    CHECK_STR(figure("13")->unit_text, "rebels");
}

TEST(parts_of_a_toll)
{
    CHECK_INT(find("It has documented the killing of 5812 civilians including 1733 children 969 "
                   "women and 3110 men."),
              4);
    for (size_t k = 0; k < nfound; k++)
        CHECK_STR(found[k].category, "killed");
}

TEST(toll_rose_to)
{
    find("The death toll from the raid on the market rose to 115 the Observatory said.");
    CHECK_STR(figure("115")->category, "killed");
}

TEST(toll_at)
{
    find("WHO said in a statement putting the death toll at at least 70.");
    const sr_figure *f = figure("at least 70");
    CHECK(f != NULL);
    CHECK_STR(f->category, "killed");
}

TEST(headline_list_of_passives)
{
    CHECK_INT(find("Seven killed 37 others injured in attacks on Aleppo"), 2);
    CHECK_STR(figure("Seven")->category, "killed");
    CHECK_STR(figure("37")->category, "injured");
}

TEST(aside_before_the_verb)
{
    find("At least 73 civilians, mostly women and children, were killed in air strikes.");
    CHECK_STR(figure("At least 73")->category, "killed");
}

TEST(dead_as_predicate)
{
    find("22 dead in heavy raids on the city.");
    CHECK_STR(figure("22")->category, "killed");
}

TEST(one_needs_a_noun_or_cue)
{
    /* "one of them" counts nothing; "one person" killed does */
    CHECK_INT(find("One of them said one person was killed."), 1);
    const sr_figure *f = figure("one");
    CHECK(f != NULL);
    CHECK_STR(f->category, "killed");
    CHECK_STR(f->unit_text, "person");
}

TEST(people_living_are_civilians)
{
    find("Over 400000 people live under rebel control.");
    CHECK_STR(figure("Over 400000")->category, "civilians");
}

TEST(threat_is_not_a_killing)
{
    find("Militants threatening to kill three hostages postponed talks; 20 were killed.");
    const sr_figure *f = figure("three");
    CHECK(f != NULL);
    CHECK(strcmp(f->category, "killed") != 0);
    CHECK_STR(f->category, "abducted");
    CHECK_STR(figure("20")->category, "killed");
}

TEST(saving_lives_is_not_a_toll)
{
    find("It halted work to save the lives of 10 employees kidnapped by militants.");
    CHECK_STR(figure("10")->category, "abducted");
}

TEST(year_shaped_count)
{
    find("In 2013, 2000 people were killed.");
    CHECK_INT(nfound, 1);
    CHECK_STR(figure("2000")->category, "killed");
}

TEST(particle_over_is_no_qualifier)
{
    find("The militants took over two oil fields in July.");
    const sr_figure *f = figure("two");
    CHECK(f != NULL);
    CHECK(f->qualifier == NULL);
    CHECK_STR(f->category, "other");
}

/* ---- numbers that are not counts ---------------------------------------- */

TEST(years_are_not_figures)
{
    CHECK_INT(find("Since 2011, in 2013 and 2014, 20 people were killed."), 1);
    CHECK(figure("20") != NULL);
}

TEST(dates_are_not_figures)
{
    CHECK_INT(find("Sun 10 Jul 2016 29 Syria Rebels Dead in Fighting on August 3 2016."), 1);
    CHECK_STR(figure("29")->category, "killed");
}

TEST(ages_are_not_figures)
{
    CHECK_INT(find("A 51-year-old man, aged 51, and 4 children were killed."), 1);
    CHECK(figure("4") != NULL);
}

TEST(money_is_not_a_figure)
{
    CHECK_INT(find("The UN asked for $50 million and 20 million dollars after 12 people were "
                   "killed."),
              1);
    CHECK(figure("12") != NULL);
}

TEST(durations_are_not_figures)
{
    CHECK_INT(find("After four years of war and eight days of exercises, 30 soldiers were killed."), 1);
    CHECK(figure("30") != NULL);
}

TEST(times_and_names_are_not_figures)
{
    CHECK_INT(find("At 1045 GMT under Resolution 2254, 20 km away, 3 civilians were killed."), 1);
    CHECK(figure("3") != NULL);
}

TEST(ordinals_are_not_figures)
{
    CHECK_INT(find("The 12th division lost 5 tanks in the 1980s."), 1);
    CHECK_STR(figure("5")->category, "other");
}

TEST(numbers_without_a_count_are_dropped)
{
    /* nothing counted or done: "two motorways" is no figure of the kinds
     * news is read for */
    CHECK_INT(find("The city is on a junction of two motorways; 5 people were wounded."), 1);
    CHECK_STR(figure("5")->category, "injured");
}

/* ---- whose and claimant (coder's actor phrases) ------------------------- */

static const char verbs_txt[] =
    "---  KILL   [190]  ---\n"
    "KILL\n"
    "---  SAY   [010]  ---\n"
    "SAY {SAYS SAID SAYING}\n";

static const char actors_txt[] =
    "SYRIA_ [SYR]\n"
    "+SYRIAN_\n"
    "TURKEY_ [TUR]\n"
    "+TURKISH_\n"
    "IDLIB_ [SYR]\n"
    "TAHRIR_AL-SHAM_ [SYRREBMUS]\n"
    "NATIONAL_LIBERATION_FRONT_ [SYRREB]\n"
    "SYRIAN_OBSERVATORY_FOR_HUMAN_RIGHTS_ [SYRNGOHRI]\n"
    "UNITED_NATIONS_ [IGOUNO]\n";

static const char agents_txt[] =
    "REBEL [~REB]\n"
    "MILITANT [~REB]\n"
    "CIVILIAN [~CVL]\n"
    "GOVERNMENT [~GOV]\n"
    "TROOP [~MIL]\n";

static char tmpdir[64];
static char paths[3][128];
static sr_dict *dict;
static sr_coder *coder;

static const char *write_file(int k, const char *name, const char *text)
{
    snprintf(paths[k], sizeof paths[k], "%s/%s", tmpdir, name);
    FILE *f = fopen(paths[k], "w");
    if (!f)
        return NULL;
    fputs(text, f);
    fclose(f);
    return paths[k];
}

static const sr_events *coded;

/* Code text and find its figures with the coder's phrases. */
static size_t find_coded(const char *text)
{
    sr_error err;
    coded = NULL;
    nfound = 0;
    if (!coder || sr_coder_code(coder, text, strlen(text), NULL, &coded, &err) != 0)
        return (size_t)-1;
    sr_arena_reset(arena);
    input = text;
    if (sr_figures_find(coded->text, coded->phrases, coded->nphrases, arena, &found, &nfound) != 0)
        return (size_t)-1;
    return nfound;
}

#define CHECK_PARTY(p, code_, words)                                                 \
    do {                                                                             \
        CHECK((p) != NULL);                                                          \
        CHECK_STR((p)->code, code_);                                                 \
        CHECK_SPAN(input, (p)->start, (p)->end, words);                              \
    } while (0)

TEST(whose_victims)
{
    find_coded("In Syria, at least 29 Syrian rebels were killed in clashes, a monitor said.");
    const sr_figure *f = figure("at least 29");
    CHECK(f != NULL);
    CHECK_PARTY(f->whose, "SYRREB", "Syrian rebels");
    CHECK(f->claimant == NULL);
    CHECK_SPAN(input, f->claimant_start, f->claimant_end, "a monitor");
}

TEST(whose_doer_of_arrests)
{
    find_coded("Tahrir al-Sham has arrested at least 100 for seeking a deal with Syria.");
    const sr_figure *f = figure("at least 100");
    CHECK(f != NULL);
    CHECK_STR(f->category, "detained");
    CHECK_PARTY(f->whose, "SYRREBMUS", "Tahrir al-Sham");
}

TEST(whose_skips_an_agent_after_by)
{
    find_coded("The National Liberation Front founded by Turkey in May has detained 95 civilians.");
    const sr_figure *f = figure("95");
    CHECK(f != NULL);
    CHECK_PARTY(f->whose, "SYRREB", "National Liberation Front");
}

TEST(whose_holder_of_territory)
{
    find_coded("More than 65 per cent of Syria is under government control.");
    const sr_figure *f = figure("More than 65 per cent");
    CHECK(f != NULL);
    CHECK(f->whose != NULL);
    CHECK_STR(f->whose->code, "SYRGOV");
    find_coded("Tahrir al-Sham controls 60 per cent of Idlib.");
    CHECK_PARTY(figure("60 per cent")->whose, "SYRREBMUS", "Tahrir al-Sham");
}

TEST(whose_owner_of_posts)
{
    find_coded("Turkey maintains a ring of 12 observation posts around Idlib.");
    CHECK_PARTY(figure("12")->whose, "TUR", "Turkey");
}

TEST(whose_said_of)
{
    find_coded("In Syria, the militants, who could number 7,000, are divided.");
    const sr_figure *f = figure("could number 7,000");
    CHECK(f != NULL);
    CHECK_PARTY(f->whose, "SYRREB", "militants");
}

TEST(claimant_coded_subject)
{
    find_coded("The United Nations has estimated that there are 10,000 militants in Idlib.");
    const sr_figure *f = figure("10,000");
    CHECK(f != NULL);
    CHECK_STR(f->category, "fighters");
    CHECK_PARTY(f->claimant, "IGOUNO", "United Nations");
    CHECK_SPAN(input, f->claimant_start, f->claimant_end, "The United Nations");
}

TEST(claimant_according_to)
{
    find_coded("According to the Syrian Observatory for Human Rights, 20 civilians were killed.");
    const sr_figure *f = figure("20");
    CHECK(f != NULL);
    CHECK_PARTY(f->claimant, "SYRNGOHRI", "Syrian Observatory for Human Rights");
}

TEST(claimant_after_the_verb)
{
    find_coded("\"Four people were killed in the attack,\" said Observatory director Rami Abdel "
               "Rahman.");
    const sr_figure *f = figure("Four");
    CHECK(f != NULL);
    CHECK_SPAN(input, f->claimant_start, f->claimant_end, "Observatory director Rami Abdel Rahman");
}

TEST(no_claimant_for_a_hedge)
{
    find_coded("Six people were also reported killed in rebel shelling.");
    const sr_figure *f = figure("Six");
    CHECK(f != NULL);
    CHECK_STR(f->category, "killed");
    CHECK_INT(f->claimant_end - f->claimant_start, 0);
}

/* ---- records -------------------------------------------------------------- */

TEST(figure_record)
{
    find_coded("Tahrir al-Sham has arrested at least 100 for seeking a deal with Syria.");
    CHECK_INT(nfound, 1);
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "d1";
    doc.source = "outlet";
    sr_buf b;
    sr_buf_init(&b);
    sr_records_write_figures(&b, &doc, coded, found, nfound);
    const char *expect =
        "{\"kind\":\"figure\",\"doc\":\"d1\",\"sentence\":0,\"span\":[28,40],"
        "\"text\":\"Tahrir al-Sham has arrested at least 100 for seeking a deal with Syria.\","
        "\"figure_text\":\"at least 100\",\"value\":null,\"low\":100,\"high\":null,"
        "\"qualifier\":\"at least\",\"category\":\"detained\",\"unit\":null,"
        "\"whose\":{\"code\":\"SYRREBMUS\",\"text\":\"Tahrir al-Sham\",\"span\":[0,14]},"
        "\"claimant\":null,\"place\":null,\"date\":null,\"date_text\":null,"
        "\"date_precision\":null,\"date_source\":null,\"source_outlet\":\"outlet\",\"v\":1}\n";
    int same = b.data && strcmp(b.data, expect) == 0;
    if (!same)
        fprintf(stderr, "got:      %s\nexpected: %s", b.data ? b.data : "(null)", expect);
    sr_buf_free(&b);
    CHECK(same);
}

TEST(exact_value_in_record)
{
    find_coded("Turkey maintains a ring of 12 observation posts around Idlib.");
    sr_doc doc;
    memset(&doc, 0, sizeof doc);
    doc.id = "d2";
    sr_buf b;
    sr_buf_init(&b);
    sr_records_write_figures(&b, &doc, coded, found, nfound);
    int ok = b.data && strstr(b.data, "\"value\":12,\"low\":12,\"high\":12,\"qualifier\":null,"
                                      "\"category\":\"other\",\"unit\":{\"text\":\"observation "
                                      "posts\",\"span\":[30,47]}") != NULL;
    sr_buf_free(&b);
    CHECK(ok);
}

/* ---- across documents ------------------------------------------------------ */

TEST(places_of_figures)
{
    sr_arena_reset(arena);
    const char *text = "Turkey sent tanks to its 12 military posts in Idlib. Rebels hold 60 "
                       "percent of Idlib province.";
    sr_text *t = sr_text_analyze(arena, text, strlen(text));
    sr_figure *fs;
    size_t n;
    CHECK_INT(sr_figures_find(t, NULL, 0, arena, &fs, &n), 0);
    CHECK_INT(n, 2);
    CHECK_STR(sr_figure_place(t, &fs[0], arena), "Idlib");
    CHECK_STR(sr_figure_place(t, &fs[1], arena), "Idlib");
    CHECK_STR(sr_figures_main_place(t, NULL, 0, arena), "Idlib");
}

static sr_figure make_figure(const char *category, double low, double high, const char *unit,
                             const sr_actor_phrase *whose)
{
    sr_figure f;
    memset(&f, 0, sizeof f);
    f.category = category;
    f.low = low;
    f.high = high;
    f.exact = low == high;
    f.unit_text = unit;
    f.whose = whose;
    return f;
}

TEST(subjects)
{
    sr_actor_phrase reb = {0, 0, 0, "SYRREB", 1, 0}, alq = {0, 0, 0, "IMGMUSALQ", 0, 0},
                    tur = {0, 0, 0, "TUR", 0, 0}, cvl = {0, 0, 0, "SYRCVL", 1, 0};
    char buf[64];
    sr_figure f = make_figure("fighters", 7000, 7000, "militants", &reb);
    sr_figure_subject(&f, buf, sizeof buf);
    CHECK_STR(buf, "armed");
    f = make_figure("fighters", 10000, 10000, "Al Qaeda-linked forces", &alq);
    sr_figure_subject(&f, buf, sizeof buf);
    CHECK_STR(buf, "armed");
    f = make_figure("other", 12, 12, "military posts", &tur);
    sr_figure_subject(&f, buf, sizeof buf);
    CHECK_STR(buf, "TUR:state post");
    f = make_figure("other", 4, 4, "new military posts", &tur);
    sr_figure_subject(&f, buf, sizeof buf);
    CHECK_STR(buf, "TUR:state post (new)");
    f = make_figure("killed", 5, 5, "civilians", &cvl);
    sr_figure_subject(&f, buf, sizeof buf);
    CHECK_STR(buf, "civilians");
    f = make_figure("killed", 5, 5, "soldiers", NULL);
    sr_figure_subject(&f, buf, sizeof buf);
    CHECK_STR(buf, "state");
}

TEST(disagreement_of_ranges)
{
    sr_figure a = make_figure("fighters", 7000, 7000, NULL, NULL);
    sr_figure b = make_figure("fighters", 10000, 10000, NULL, NULL);
    sr_figure c = make_figure("civilians", 2500000, NAN, NULL, NULL);
    sr_figure d = make_figure("civilians", 3000000, 3000000, NULL, NULL);
    sr_figure e = make_figure("civilians", NAN, 1000000, NULL, NULL);
    CHECK_INT(sr_figures_disagree(&a, &b), 1);
    CHECK_INT(sr_figures_disagree(&a, &a), 0);
    CHECK_INT(sr_figures_disagree(&c, &d), 0);
    CHECK_INT(sr_figures_disagree(&c, &e), 1);
}

TEST(contested_grouping)
{
    sr_arena_reset(arena);
    sr_figure f7000 = make_figure("fighters", 7000, 7000, "militants", NULL);
    sr_figure f10000 = make_figure("fighters", 10000, 10000, "forces", NULL);
    sr_figure f60a = make_figure("territory_percent", 60, 60, "Idlib", NULL);
    sr_figure f60b = make_figure("territory_percent", 60, 60, "Idlib province", NULL);
    sr_figure f12 = make_figure("other", 12, 12, "posts", NULL);
    sr_figure f5 = make_figure("fighters", 5000, 5000, "militants", NULL);
    sr_figure k1 = make_figure("killed", 20, 20, "civilians", NULL);
    sr_figure k2 = make_figure("killed", 30, 30, "civilians", NULL);
    sr_figure_obs obs[] = {
        {&f7000, "A", "armed", NULL, "Idlib", NULL},
        {&f10000, "B", "armed", "Idlib", "Syria", NULL},
        {&f60a, "A", "armed", "Idlib", NULL, NULL},
        {&f60b, "B", "armed", "IDLIB", NULL, NULL},
        {&f12, "B", "TUR:state post", "Idlib", NULL, NULL},
        {&f5, "C", "armed", "Aleppo", NULL, NULL},         /* another place */
        {&k1, "A", "civilians", "Aleppo", NULL, NULL},     /* events need dates */
        {&k2, "B", "civilians", "Aleppo", NULL, NULL},
        {&k1, "A", "civilians", "Homs", NULL, "2018-09-01"},
        {&k2, "B", "civilians", "Homs", NULL, "2018-09-20"}, /* too far apart */
    };
    sr_figure_group *gs;
    size_t ng;
    CHECK_INT(sr_figures_group(obs, sizeof obs / sizeof obs[0], arena, &gs, &ng), 0);
    CHECK_INT(ng, 2);
    CHECK_INT(gs[0].contested, 1);
    CHECK_INT(gs[0].n, 2);
    CHECK_INT(gs[0].members[0], 0);
    CHECK_INT(gs[0].members[1], 1);
    CHECK_INT(gs[1].contested, 0);
    CHECK_INT(gs[1].noutlets, 2);
    CHECK_INT(gs[1].members[0], 2);
    CHECK_INT(gs[1].members[1], 3);
}

TEST(same_outlet_is_no_contest)
{
    sr_arena_reset(arena);
    sr_figure a = make_figure("fighters", 7000, 7000, NULL, NULL);
    sr_figure b = make_figure("fighters", 9000, 9000, NULL, NULL);
    sr_figure c = make_figure("fighters", 7000, 7000, NULL, NULL);
    sr_figure_obs obs[] = {
        {&a, "A", "armed", "Idlib", NULL, "2018-09-01"},
        {&b, "A", "armed", "Idlib", NULL, "2018-09-02"},
        {&c, "B", "armed", "Idlib", NULL, "2018-09-03"},
    };
    sr_figure_group *gs;
    size_t ng;
    CHECK_INT(sr_figures_group(obs, 3, arena, &gs, &ng), 0);
    CHECK_INT(ng, 1);
    CHECK_INT(gs[0].noutlets, 2);
    CHECK_INT(gs[0].contested, 1); /* A's 9000 against B's 7000 */
    CHECK_INT(sr_figures_group(obs, 2, arena, &gs, &ng), 0);
    CHECK_INT(ng, 0); /* one outlet's two figures are not a contest */
}

/* ---- labels ---------------------------------------------------------------- */

TEST(labels_found)
{
    sr_arena_reset(arena);
    const char *text = "The rebels and the Islamist terrorist militias fought jihadis near the "
                       "Syrian Opposition Coalition offices.";
    sr_text *t = sr_text_analyze(arena, text, strlen(text));
    sr_label *ls;
    size_t n;
    CHECK_INT(sr_labels_find(t, NULL, 0, arena, &ls, &n), 0);
    CHECK_INT(n, 5);
    CHECK_STR(ls[0].word, "rebels");
    CHECK_STR(ls[1].word, "islamists");
    CHECK_STR(ls[2].word, "terrorists");
    CHECK_STR(ls[3].word, "militias");
    CHECK_STR(ls[4].word, "jihadists");
    CHECK_SPAN(text, ls[4].start, ls[4].end, "jihadis");
}

/* Every form of the label table is found (the table is searched by
 * bisection, so one form out of order would be lost). */
TEST(labels_every_form)
{
    sr_arena_reset(arena);
    const char *text = "they saw extremist extremists fighter fighters gangs guerrillas gunman "
                       "gunmen insurgent insurgents islamist islamists jihadi jihadis jihadist "
                       "jihadists mercenaries militant militants militia militiamen militias "
                       "mujahedeen mujahideen mujahidin opposition radicals rebel rebels "
                       "revolutionaries takfiri takfiris terrorist terrorists there.";
    sr_text *t = sr_text_analyze(arena, text, strlen(text));
    sr_label *ls;
    size_t n;
    CHECK_INT(sr_labels_find(t, NULL, 0, arena, &ls, &n), 0);
    CHECK_INT(n, 34);
    CHECK_STR(ls[0].word, "extremists");
    CHECK_STR(ls[33].word, "terrorists");
}

TEST(labels_carry_their_phrase)
{
    const char *text = "In Syria, the rebels fought.";
    CHECK(find_coded(text) != (size_t)-1);
    sr_label *ls;
    size_t n;
    CHECK_INT(sr_labels_find(coded->text, coded->phrases, coded->nphrases, arena, &ls, &n), 0);
    CHECK_INT(n, 1);
    CHECK(ls[0].phrase != NULL);
    CHECK_STR(ls[0].phrase->code, "SYRREB");
}

/* Every number word, alone and in the forms built from them, read to its
 * value: the words are told apart by length and letters, and a slip in one
 * would go unseen by the other tests. */
TEST(every_number_word)
{
    static const struct {
        const char *words;
        double low, high;
    } cases[] = {
        {"zero", 0, 0},           {"one", 1, 1},            {"two", 2, 2},
        {"three", 3, 3},          {"four", 4, 4},           {"five", 5, 5},
        {"six", 6, 6},            {"seven", 7, 7},          {"eight", 8, 8},
        {"nine", 9, 9},           {"ten", 10, 10},          {"eleven", 11, 11},
        {"twelve", 12, 12},       {"thirteen", 13, 13},     {"fourteen", 14, 14},
        {"fifteen", 15, 15},      {"sixteen", 16, 16},      {"seventeen", 17, 17},
        {"eighteen", 18, 18},     {"nineteen", 19, 19},     {"twenty", 20, 20},
        {"thirty", 30, 30},       {"forty", 40, 40},        {"fifty", 50, 50},
        {"sixty", 60, 60},        {"seventy", 70, 70},      {"eighty", 80, 80},
        {"ninety", 90, 90},       {"twenty-five", 25, 25},  {"ninety-nine", 99, 99},
        {"seventy-seven", 77, 77}, {"thirty one", 31, 31},  {"one hundred and fifty", 150, 150},
        {"two thousand five hundred", 2500, 2500},          {"a dozen", 12, 12},
        {"half a million", 5e5, 5e5},                        {"3 mln", 3e6, 3e6},
        {"4 bn", 4e9, 4e9},       {"dozens", 24, 99},       {"scores", 40, 199},
        {"hundreds", 200, 999},   {"thousands", 2000, 9999}, {"millions", 2e6, 9999999},
        {"several hundred", 200, 999}, {"a few thousand", 2000, 9999},
    };
    char text[160];
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        snprintf(text, sizeof text, "Officials said %s people were killed.", cases[k].words);
        find(text);
        const sr_figure *f = figure(cases[k].words);
        if (!f)
            TH_FAIL("no figure for \"%s\"", cases[k].words);
        if (f->low != cases[k].low || f->high != cases[k].high)
            TH_FAIL("\"%s\" read as %g..%g", cases[k].words, f->low, f->high);
    }
    /* near misses of number words are no numbers */
    CHECK_INT(find("Officials said fiver people and twentyfive and nineteens were killed."), 0);
    CHECK_INT(find("Officials said twenty-ten and ten-five and forty-zero people were killed."), 0);
}

/* ---- the word table's hash slots ------------------------------------------ */

/* The slots are written out in src/figures/lexicon_slots.h (the library
 * keeps no state to build them in); these tests rebuild them from the word
 * table and check that a lookup through them finds exactly what a search of
 * the table does. After an edit of the table:
 *   build/tests/test_figures --print-slots > src/figures/lexicon_slots.h */

static void print_slots(FILE *f, const uint16_t *slots, size_t n)
{
    fprintf(f, "/* The hash slots of the word table in lexicon.c (see there), printed by\n"
               " * `build/tests/test_figures --print-slots`: do not edit by hand. */\n"
               "static const uint16_t slots[NSLOTS] = {\n");
    for (size_t k = 0; k < n; k++)
        fprintf(f, "%s%u,%s", k % 16 == 0 ? "    " : " ", slots[k], k % 16 == 15 ? "\n" : "");
    if (n % 16)
        fputc('\n', f);
    fprintf(f, "};\n");
}

TEST(figure_lexicon_slots_are_current)
{
    if (!fig_lexicon_check())
        TH_FAIL("the figure lexicon is unsorted, has a lower-case word, fills half its hash "
                "slots (raise SLOT_BITS in lexicon.c) or its slots are stale; after an edit "
                "of the word list run\n"
                "  build/tests/test_figures --print-slots > src/figures/lexicon_slots.h");
}

static const fig_word *fig_linear(const char *w)
{
    const fig_word *e;
    for (size_t k = 0; (e = fig_lexicon_word(k)) != NULL; k++)
        if (strcmp(e->word, w) == 0)
            return e;
    return NULL;
}

/* Every word through the hash finds its own entry, and every near miss
 * finds what a search of the whole list finds (mostly nothing). */
TEST(figure_lexicon_lookup_is_exact)
{
    const fig_word *e;
    size_t k = 0;
    for (; (e = fig_lexicon_word(k)) != NULL; k++) {
        if (fig_lookup(e->word) != e)
            TH_FAIL("%s not found through the hash", e->word);
        char v[8][80];
        size_t nv = th_word_variants(e->word, v);
        for (size_t j = 0; j < nv; j++)
            if (fig_lookup(v[j]) != fig_linear(v[j]))
                TH_FAIL("\"%s\": the hash and the list disagree", v[j]);
    }
    CHECK(k > 600);
    CHECK_STR(fig_lookup("KILLED")->word, "KILLED");
    CHECK_INT(fig_lookup("KILLED")->left, FC_KILLED);
    CHECK_STR(fig_lookup("'LL")->word, "'LL");
    CHECK(fig_lookup("") == NULL);
    CHECK(fig_lookup("killed") == NULL);
}

TEST(label_forms_are_in_the_lexicon)
{
    CHECK(fig_labels_check());
}

/* ---- odds and ends ---------------------------------------------------------- */

TEST(lexicon_sorted)
{
    CHECK(fig_lexicon_check());
    CHECK(fig_lookup("KILLED") != NULL);
    CHECK(fig_lookup("KILLED")->left == FC_KILLED);
    CHECK_STR(fig_cat_name(FC_TERRITORY), "territory_percent");
    CHECK_INT(fig_cat_from_name("territory_percent"), FC_TERRITORY);
}

TEST(bad_arguments)
{
    sr_figure *fs;
    size_t n;
    CHECK_INT(sr_figures_find(NULL, NULL, 0, arena, &fs, &n), SR_EINVAL);
    CHECK_INT(sr_figures_group(NULL, 0, arena, NULL, &n), SR_EINVAL);
    CHECK_INT(find(""), 0);
    CHECK_INT(find("   "), 0);
}

TEST(spans_index_the_text)
{
    find("Dozens of people were wounded, and  at least 7 died.");
    for (size_t k = 0; k < nfound; k++) {
        CHECK(found[k].start < found[k].end);
        CHECK(found[k].end <= strlen(input));
    }
    const sr_figure *f = figure("at least 7");
    CHECK(f != NULL);
    CHECK_SPAN(input, f->start, f->end, "at least 7");
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--print-slots") == 0) {
        static uint16_t slots[1u << 16];
        print_slots(stdout, slots, fig_lexicon_slots(slots, sizeof slots / sizeof slots[0]));
        return 0;
    }
    arena = sr_arena_new(0);
    snprintf(tmpdir, sizeof tmpdir, "/tmp/test_figures.XXXXXX");
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    const char *actors[1];
    sr_dict_files files;
    memset(&files, 0, sizeof files);
    files.verbs = write_file(0, "figures.verbs.txt", verbs_txt);
    actors[0] = write_file(1, "figures.actors.txt", actors_txt);
    files.actors = actors;
    files.nactors = 1;
    files.agents = write_file(2, "figures.agents.txt", agents_txt);
    sr_error err;
    if (sr_dict_load(&dict, &files, NULL, NULL, &err) != 0) {
        fprintf(stderr, "test_figures: cannot load the test dictionary: %s\n", err.msg);
        dict = NULL;
    } else if (sr_coder_new(&coder, dict, NULL, &err) != 0) {
        fprintf(stderr, "test_figures: sr_coder_new: %s\n", err.msg);
        coder = NULL;
    }

    RUN(at_least_is_a_lower_bound);
    RUN(more_than_with_scale);
    RUN(could_number_is_an_estimate);
    RUN(arrested_without_a_noun);
    RUN(exact_count_has_equal_bounds);
    RUN(territory_share_before);
    RUN(territory_share_after);
    RUN(percent_sign);
    RUN(other_percentages_are_not_figures);
    RUN(dozens_convention);
    RUN(nearly_is_an_upper_bound);
    RUN(posts_are_other);
    RUN(things_cannot_be_detained);
    RUN(between_is_a_range);
    RUN(up_to);
    RUN(about_is_approximate);
    RUN(hundreds_died);
    RUN(tens_of_thousands_fled);
    RUN(a_dozen);
    RUN(words_compose);
    RUN(quarter_of_a_million);
    RUN(two_or_three);
    RUN(or_more_after);
    RUN(strong_force);
    RUN(killing_and_wounding);
    RUN(among_executed);
    RUN(parts_of_a_toll);
    RUN(toll_rose_to);
    RUN(toll_at);
    RUN(headline_list_of_passives);
    RUN(aside_before_the_verb);
    RUN(dead_as_predicate);
    RUN(one_needs_a_noun_or_cue);
    RUN(people_living_are_civilians);
    RUN(threat_is_not_a_killing);
    RUN(saving_lives_is_not_a_toll);
    RUN(year_shaped_count);
    RUN(particle_over_is_no_qualifier);
    RUN(years_are_not_figures);
    RUN(dates_are_not_figures);
    RUN(ages_are_not_figures);
    RUN(money_is_not_a_figure);
    RUN(durations_are_not_figures);
    RUN(times_and_names_are_not_figures);
    RUN(ordinals_are_not_figures);
    RUN(numbers_without_a_count_are_dropped);
    RUN(whose_victims);
    RUN(whose_doer_of_arrests);
    RUN(whose_skips_an_agent_after_by);
    RUN(whose_holder_of_territory);
    RUN(whose_owner_of_posts);
    RUN(whose_said_of);
    RUN(claimant_coded_subject);
    RUN(claimant_according_to);
    RUN(claimant_after_the_verb);
    RUN(no_claimant_for_a_hedge);
    RUN(figure_record);
    RUN(exact_value_in_record);
    RUN(places_of_figures);
    RUN(subjects);
    RUN(disagreement_of_ranges);
    RUN(contested_grouping);
    RUN(same_outlet_is_no_contest);
    RUN(labels_found);
    RUN(labels_every_form);
    RUN(labels_carry_their_phrase);
    RUN(lexicon_sorted);
    RUN(every_number_word);
    RUN(figure_lexicon_slots_are_current);
    RUN(figure_lexicon_lookup_is_exact);
    RUN(label_forms_are_in_the_lexicon);
    RUN(bad_arguments);
    RUN(spans_index_the_text);

    sr_coder_free(coder);
    sr_dict_free(dict);
    sr_arena_free(arena);
    for (int k = 0; k < 3; k++)
        unlink(paths[k]);
    rmdir(tmpdir);
    return DONE();
}
