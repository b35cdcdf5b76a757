/* Unit tests for src/cameo: the generated table and the lookups over it. */
#include <string.h>

#include "cameo/cameo_table.h"
#include "harness.h"
#include "sitrep/sitrep.h"

/* One expected row. type/mode NULL mean "no PLOVER type/mode". */
typedef struct expect {
    const char *code;
    int quad;
    double goldstein;
    const char *type;
    const char *mode;
} expect;

static const expect expected[] = {
    {"010", 1, 0.0, NULL, NULL}, /* root 01 is not in the PLOVER table */
    {"020", 1, 3.0, NULL, NULL},
    {"036", 1, 4.0, "AGREE", NULL},
    {"042", 1, 1.9, "CONSULT", "visit"},
    {"043", 1, 2.8, "CONSULT", "visit"},
    {"046", 1, 7.0, "CONSULT", NULL},
    {"057", 1, 8.0, "SUPPORT", NULL},
    {"061", 2, 6.4, "COOPERATE", NULL},
    {"070", 2, 7.0, "AID", NULL},
    {"08", 2, 5.0, "CONCEDE", NULL}, /* first of "08: CONCEDE" / "08: RETREAT" */
    {"0871", 2, 9.0, "RETREAT", "ceasefire"},
    {"111", 3, -2.0, "ACCUSE", "disapprove"},
    {"130", 3, -4.4, "THREATEN", NULL},
    {"138", 3, -7.0, "THREATEN", "violence"},
    {"140", 4, -6.5, "PROTEST", NULL},
    {"150", 4, -7.2, "MOBILIZE", NULL},
    {"155", 4, -7.2, "MOBILIZE", NULL}, /* not in PLOVER: type of root 15 */
    {"163", 4, -8.0, "COERCE", "restrict"},
    {"172", 4, -5.0, "COERCE", "restrict"},
    {"173", 4, -5.0, "COERCE", "arrest"},
    {"175", 4, -9.0, "ASSAULT", "pro_autocracy"},
    {"1712", 4, -9.2, "ASSAULT", "seize"},
    {"180", 4, -9.0, "ASSAULT", NULL},
    {"183", 4, -10.0, "ASSAULT", "suicide-attack"},
    {"190", 4, -10.0, "ASSAULT", NULL},
    {"193", 4, -10.0, "ASSAULT", "firearms"},
    {"195", 4, -10.0, "ASSAULT", "heavy-weapons"}, /* the 2021 table says so */
    {"1952", 4, -10.0, "ASSAULT", NULL}, /* not in PLOVER: type of 195 only */
    {"200", 4, -10.0, "ASSAULT", "massacre"},
    {"204", 4, -10.0, "ASSAULT", "unconventional"},
};

static int same_optional(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

TEST(known_codes_have_exact_values)
{
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        const expect *e = &expected[i];
        const sr_cameo_info *info = sr_cameo_lookup(e->code);

        if (!info)
            TH_FAIL("%s: not found", e->code);
        if (strcmp(info->code, e->code) != 0)
            TH_FAIL("%s: found %s instead", e->code, info->code);
        if (info->quad_class != e->quad)
            TH_FAIL("%s: quad %d, expected %d", e->code, info->quad_class, e->quad);
        if (info->goldstein != e->goldstein)
            TH_FAIL("%s: goldstein %.1f, expected %.1f", e->code, info->goldstein,
                    e->goldstein);
        if (!same_optional(info->plover_type, e->type))
            TH_FAIL("%s: plover type %s, expected %s", e->code,
                    info->plover_type ? info->plover_type : "NULL", e->type ? e->type : "NULL");
        if (!same_optional(info->plover_mode, e->mode))
            TH_FAIL("%s: plover mode %s, expected %s", e->code,
                    info->plover_mode ? info->plover_mode : "NULL", e->mode ? e->mode : "NULL");
    }
}

TEST(descriptions)
{
    CHECK_STR(sr_cameo_lookup("190")->description, "Use conventional military force");
    CHECK_STR(sr_cameo_lookup("19")->description, "Fight");
    CHECK_STR(sr_cameo_lookup("0251")->description,
              "Appeal for easing of administrative sanctions");
}

TEST(unlisted_codes_fall_back_to_parent)
{
    CHECK_STR(sr_cameo_lookup("1959")->code, "195"); /* 4 -> 3 */
    CHECK_STR(sr_cameo_lookup("0999")->code, "09");  /* 4 -> 3 -> 2 */
    CHECK_STR(sr_cameo_lookup("199")->code, "19");   /* 3 -> 2 */
    CHECK_STR(sr_cameo_lookup("2099")->code, "20");
    CHECK_INT(sr_cameo_lookup("1959")->quad_class, 4);
}

TEST(bad_input_gives_null)
{
    static const char *const bad[] = {"", "1", "12345", "19a", "a19", " 19", "190 ",
                                      "21", "00", "99", "2100", "-19", "1.9"};

    CHECK(sr_cameo_lookup(NULL) == NULL);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
        if (sr_cameo_lookup(bad[i]) != NULL)
            TH_FAIL("\"%s\" should not be found", bad[i]);
}

TEST(root)
{
    char out[3] = "xx";

    CHECK_INT(sr_cameo_root("0251", out), 0);
    CHECK_STR(out, "02");
    CHECK_INT(sr_cameo_root("19", out), 0);
    CHECK_STR(out, "19");
    CHECK_INT(sr_cameo_root("190", out), 0);
    CHECK_STR(out, "19");
    CHECK_INT(sr_cameo_root("1", out), SR_EINVAL);
    CHECK_INT(sr_cameo_root("12345", out), SR_EINVAL);
    CHECK_INT(sr_cameo_root("ab", out), SR_EINVAL);
    CHECK_INT(sr_cameo_root(NULL, out), SR_EINVAL);
    CHECK_STR(out, "19"); /* untouched on error */
}

/* Quad class computed here independently of SR_CAMEO_QUAD_OF_ROOT. */
static int quad_of(const char *code)
{
    int root = (code[0] - '0') * 10 + (code[1] - '0');
    static const int quads[21] = {0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3,
                                  3, 3, 3, 4, 4, 4, 4, 4, 4, 4};

    return quads[root];
}

TEST(table_is_sorted_complete_and_consistent)
{
    char root[3];

    CHECK(sr_cameo_table_len > 300);
    for (size_t i = 0; i < sr_cameo_table_len; i++) {
        const sr_cameo_info *e = &sr_cameo_table[i];

        if (i > 0 && strcmp(sr_cameo_table[i - 1].code, e->code) >= 0)
            TH_FAIL("not sorted at %s", e->code);
        if (sr_cameo_lookup(e->code) != e)
            TH_FAIL("lookup of %s does not return its own entry", e->code);
        if (e->quad_class != quad_of(e->code))
            TH_FAIL("%s: quad %d", e->code, e->quad_class);
        if (e->goldstein < -10.0 || e->goldstein > 10.0)
            TH_FAIL("%s: goldstein %f", e->code, e->goldstein);
        if (!e->description || !e->description[0])
            TH_FAIL("%s: no description", e->code);
        if (sr_cameo_root(e->code, root) != 0 || !sr_cameo_lookup(root))
            TH_FAIL("%s: root not listed", e->code);
        /* Only roots 01 and 02 lack a PLOVER type in the 2021 table. */
        if (!e->plover_type && strcmp(root, "01") != 0 && strcmp(root, "02") != 0)
            TH_FAIL("%s: no PLOVER type", e->code);
    }
    for (int r = 1; r <= 20; r++) {
        char code[3] = {(char)('0' + r / 10), (char)('0' + r % 10), '\0'};

        if (!sr_cameo_lookup(code) || strcmp(sr_cameo_lookup(code)->code, code) != 0)
            TH_FAIL("root %s missing", code);
    }
}

int main(void)
{
    RUN(known_codes_have_exact_values);
    RUN(descriptions);
    RUN(unlisted_codes_fall_back_to_parent);
    RUN(bad_input_gives_null);
    RUN(root);
    RUN(table_is_sorted_complete_and_consistent);
    return DONE();
}
