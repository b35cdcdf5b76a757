/* Unit tests of place recognition (src/geo/places.c) against the built
 * gazetteer (build/gazetteer.bin; `make` builds it before the tests). */
#include <math.h>
#include <string.h>

#include "harness.h"
#include "sitrep/geo.h"
#include "sitrep/sitrep.h"

static sr_gazetteer *gaz;
static sr_arena *arena;

/* The places found in text, as "Name,Name,..." of the chosen readings. */
static const char *names(const char *text, sr_place_mention **out, size_t *n)
{
    static char buf[512];
    sr_arena *a = arena;
    sr_arena_reset(a);
    sr_text *t = sr_text_analyze(a, text, strlen(text));
    *out = NULL;
    *n = 0;
    sr_places_find(gaz, t, a, out, n);
    buf[0] = '\0';
    for (size_t k = 0; k < *n; k++) {
        if (k)
            strcat(buf, ",");
        strncat(buf, (*out)[k].place.name, sizeof buf - strlen(buf) - 2);
    }
    return buf;
}

TEST(transliterated_town_with_cue)
{
    sr_place_mention *m;
    size_t n;
    CHECK_STR(names("The rebels recaptured the city of Saraqeb from the army.", &m, &n), "Saraqib");
    CHECK(fabs(m[0].place.lat - 35.86) < 0.05 && fabs(m[0].place.lon - 36.81) < 0.05);
    CHECK_STR(m[0].place.country, "SY");
    CHECK_STR(m[0].cue, "OF");
}

TEST(list_after_an_area_word)
{
    sr_place_mention *m;
    size_t n;
    CHECK_STR(names("Turkey set up posts in the areas Ehsim, Kansafrah and Al-Bara in Syria.", &m, &n),
              "Turkey,Ihsim,Kansafrah,Al-Bara,Syria");
}

TEST(province_word_picks_the_division)
{
    sr_place_mention *m;
    size_t n;
    names("Fighting raged in the southern Idlib countryside on Monday.", &m, &n);
    CHECK_INT(n, 1);
    CHECK(m[0].place.feature == SR_FEATURE_ADMIN1 || m[0].place.feature == SR_FEATURE_REGION);
}

TEST(capitals_standing_for_governments_are_actors)
{
    sr_place_mention *m;
    size_t n;
    CHECK_STR(names("Damascus said the talks had failed, and Moscow and Ankara confirmed it.", &m, &n), "");
    CHECK_STR(names("Officials met in Damascus on Monday.", &m, &n), "Damascus");
}

TEST(place_words_inside_names_are_not_places)
{
    sr_place_mention *m;
    size_t n;
    CHECK_STR(names("Syrian President Bashar al-Assad spoke to Vladimir Putin.", &m, &n), "");
    CHECK_STR(names("Tahrir al-Sham fighters held the line.", &m, &n), "");
}

TEST(country_then_town_and_compass_names)
{
    sr_place_mention *m;
    size_t n;
    CHECK_STR(names("ISIL crucified nine men in Syrias Aleppo on Sunday.", &m, &n), "Aleppo");
    CHECK_STR(names("Washington threatened nearby North Korea again.", &m, &n), "North Korea");
}

TEST(datelines_and_sentence_openers)
{
    sr_place_mention *m;
    size_t n;
    CHECK_STR(names("MOSCOW Some 120 fighters were killed near Palmyra on Saturday.", &m, &n), "Palmyra");
    CHECK_STR(names("Car bombs exploded. Over the weekend, dozens were hurt.", &m, &n), "");
}

int main(void)
{
    sr_error err = {0, ""};
    if (sr_gazetteer_open(&gaz, NULL, &err) != 0) {
        printf("%s: 0 passed, 1 failed (no gazetteer: %s)\n", __FILE__, err.msg);
        return 1;
    }
    arena = sr_arena_new(0);
    RUN(transliterated_town_with_cue);
    RUN(list_after_an_area_word);
    RUN(province_word_picks_the_division);
    RUN(capitals_standing_for_governments_are_actors);
    RUN(place_words_inside_names_are_not_places);
    RUN(country_then_town_and_compass_names);
    RUN(datelines_and_sentence_openers);
    sr_gazetteer_close(gaz);
    sr_arena_free(arena);
    return DONE();
}
