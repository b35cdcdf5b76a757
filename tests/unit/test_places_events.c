/* Unit tests of the place each event gets (src/code/where_when.c): the
 * shipped dictionaries and the built gazetteer code short documents, and
 * each test checks where the events that name no place of their own are
 * put, the document's place. */
#include <string.h>

#include "harness.h"
#include "sitrep/sitrep.h"

static sr_dict *dict;
static sr_gazetteer *gaz;
static sr_coder *coder;

static void ignore_warning(const char *msg, void *ctx)
{
    (void)msg, (void)ctx;
}

/* The place of the last event of the document coded from text: every test
 * ends on a sentence that names no place, so it is the document's. */
static const char *last_place(const char *text, const char **from)
{
    const sr_events *evs = NULL;
    sr_error err = {0, ""};
    *from = NULL;
    if (sr_coder_code(coder, text, strlen(text), "2017-04-05", &evs, &err) != 0 || evs->n == 0)
        return "(no event)";
    const sr_event *e = &evs->events[evs->n - 1];
    if (!e->place)
        return "(no place)";
    *from = e->place_from;
    return e->place->place.name;
}

/* A foreign capital that is an actor ("had told Tehran") stands for its
 * government: the story is where the army shelled. */
TEST(foreign_capital_as_actor_is_no_document_place)
{
    const char *from;
    CHECK_STR(last_place("The Syrian government had told Tehran it would allow inspectors. Syrian "
                         "rebels said the Syrian army shelled Damascus suburbs. The Syrian army "
                         "denied it.", &from),
              "Damascus");
    CHECK_STR(from, "document");
}

/* A place named in a sentence about long before the document's date
 * ("last year") is background, not the lead. */
TEST(background_is_no_lead)
{
    const char *from;
    CHECK_STR(last_place("Russia said rebels had used chemical weapons in Aleppo last year. Syrian "
                         "aircraft bombed rebels in Idlib on Tuesday. The United Nations condemned "
                         "the attack.", &from),
              "Idlib");
    CHECK_STR(from, "document");
}

/* A story of a province is placed in the town of it where the killing was
 * reported. */
TEST(province_refined_to_its_town)
{
    const char *from;
    CHECK_STR(last_place("Syrian warplanes bombed rebels in Idlib province on Tuesday. Government "
                         "forces killed 20 civilians in the town of Khan Sheikhoun. The United "
                         "Nations condemned the attack.", &from),
              "Khan Sheikhoun");
    CHECK_STR(from, "document");
    /* a town of another province is no refinement */
    CHECK_STR(last_place("Syrian warplanes bombed rebels in Idlib province on Tuesday. Government "
                         "forces killed 20 civilians in the town of Douma. The United Nations "
                         "condemned the attack.", &from),
              "Idlib");
}

int main(void)
{
    sr_error err = {0, ""};
    if (sr_dict_load_dir(&dict, SR_DATADIR "/dict", ignore_warning, NULL, &err) != 0) {
        printf("%s: 0 passed, 1 failed (no dictionary: %s)\n", __FILE__, err.msg);
        return 1;
    }
    if (sr_gazetteer_open(&gaz, NULL, &err) != 0) {
        printf("%s: 0 passed, 1 failed (no gazetteer: %s)\n", __FILE__, err.msg);
        sr_dict_free(dict);
        return 1;
    }
    if (sr_coder_new(&coder, dict, NULL, &err) != 0) {
        printf("%s: 0 passed, 1 failed (no coder: %s)\n", __FILE__, err.msg);
        sr_gazetteer_close(gaz);
        sr_dict_free(dict);
        return 1;
    }
    sr_coder_set_gazetteer(coder, gaz);
    RUN(foreign_capital_as_actor_is_no_document_place);
    RUN(background_is_no_lead);
    RUN(province_refined_to_its_town);
    sr_coder_free(coder);
    sr_gazetteer_close(gaz);
    sr_dict_free(dict);
    return DONE();
}
