/*
 * CAMEO event codes to ACLED event types and sub-event types.
 *
 * Sources: the ACLED types and sub-types are the 6 and 25 of ACLED's
 * codebook (acledR's acled_event_categories, listed in
 * ../shared/data/formats/event-data-formats.md); the CAMEO codes are
 * CAMEO 1.1b3 (data/cameo/cameo_codes.tsv). The mapping itself is sitrep's,
 * written from the two definitions; docs/store-export.md gives the reasons.
 *
 * Every CAMEO root has a line, so every code resolves: a code takes the
 * line of its longest listed prefix (1832 -> 183, 1245 -> 12). ACLED
 * records political violence, demonstrations and the non-violent
 * developments that shape a conflict (agreements, arrests, movements of
 * forces, territory changing hands, looting); it does not record
 * statements, appeals, consultations, accusations, demands, rejections,
 * threats, aid or diplomatic and economic sanctions, so those codes have
 * no type and are left out of the export.
 */
#include <string.h>

#include "export/export_internal.h"

#define BATTLES "Battles"
#define EXPLOSIONS "Explosions/Remote violence"
#define VIOLENCE "Violence against civilians"
#define PROTESTS "Protests"
#define RIOTS "Riots"
#define STRATEGIC "Strategic developments"

static const acled_type table[] = {
    /* 01-03 statements, appeals, intent to cooperate: words only */
    {"01", ACLED_NONE, NULL, NULL},
    {"02", ACLED_NONE, NULL, NULL},
    {"03", ACLED_NONE, NULL, NULL},
    /* 04 consultations: only mediation and negotiation are talks ACLED
     * records as agreements */
    {"04", ACLED_NONE, NULL, NULL},
    {"045", ACLED_FIXED, STRATEGIC, "Agreement"},
    {"046", ACLED_FIXED, STRATEGIC, "Agreement"},
    /* 05 diplomatic cooperation: a signed agreement */
    {"05", ACLED_NONE, NULL, NULL},
    {"057", ACLED_FIXED, STRATEGIC, "Agreement"},
    /* 06 material cooperation: an agreement carried out between parties */
    {"06", ACLED_FIXED, STRATEGIC, "Agreement"},
    /* 07 aid: not recorded */
    {"07", ACLED_NONE, NULL, NULL},
    /* 08 yield: easing of sanctions and reforms are policy; releases,
     * access, truces and eased blockades are agreements; demobilizing
     * changes a group; retreat or surrender hands over ground */
    {"08", ACLED_NONE, NULL, NULL},
    {"084", ACLED_FIXED, STRATEGIC, "Agreement"},
    {"086", ACLED_FIXED, STRATEGIC, "Agreement"},
    {"087", ACLED_FIXED, STRATEGIC, "Agreement"},
    {"0873", ACLED_FIXED, STRATEGIC, "Change to group/activity"},
    {"0874", ACLED_FIXED, STRATEGIC, "Non-violent transfer of territory"},
    /* 09-13 investigate, demand, disapprove, reject, threaten: words */
    {"09", ACLED_NONE, NULL, NULL},
    {"10", ACLED_NONE, NULL, NULL},
    {"11", ACLED_NONE, NULL, NULL},
    {"12", ACLED_NONE, NULL, NULL},
    {"13", ACLED_NONE, NULL, NULL},
    /* 14 protest: rallies, hunger strikes, strikes, boycotts, blockades are
     * peaceful protest; violent protest is a riot */
    {"14", ACLED_FIXED, PROTESTS, "Peaceful protest"},
    {"145", ACLED_FIXED, RIOTS, "Violent demonstration"},
    /* 15 force posture: mobilizing and deploying forces */
    {"15", ACLED_FIXED, STRATEGIC, "Change to group/activity"},
    /* 16 reduce relations: diplomatic and economic, not recorded */
    {"16", ACLED_NONE, NULL, NULL},
    /* 17 coerce */
    {"17", ACLED_FIXED, STRATEGIC, "Other"},
    {"171", ACLED_FIXED, STRATEGIC, "Looting/property destruction"},
    {"173", ACLED_FIXED, STRATEGIC, "Arrests"},
    {"175", ACLED_REPRESSION, PROTESTS, "Excessive force against protesters"},
    {"176", ACLED_NONE, NULL, NULL}, /* cyber attacks: not recorded */
    /* 18 assault: against armed men it is a battle, else an attack on
     * civilians; bombings are remote violence */
    {"18", ACLED_CLASH_IF_ARMED, VIOLENCE, "Attack"},
    {"181", ACLED_FIXED, VIOLENCE, "Abduction/forced disappearance"},
    {"1821", ACLED_FIXED, VIOLENCE, "Sexual violence"},
    {"1822", ACLED_FIXED, VIOLENCE, "Attack"}, /* torture: of captives */
    {"183", ACLED_FIXED, EXPLOSIONS, "Remote explosive/landmine/IED"},
    {"1831", ACLED_FIXED, EXPLOSIONS, "Suicide bomb"},
    {"184", ACLED_FIXED, STRATEGIC, "Other"}, /* human shields */
    /* 19 fight */
    {"19", ACLED_CLASH_IF_ARMED, EXPLOSIONS, "Shelling/artillery/missile attack"},
    {"191", ACLED_FIXED, STRATEGIC, "Other"}, /* blockade, restricted movement */
    {"192", ACLED_TERRITORY, BATTLES, NULL},
    {"193", ACLED_CLASH_IF_ARMED, VIOLENCE, "Attack"},
    {"194", ACLED_FIXED, EXPLOSIONS, "Shelling/artillery/missile attack"},
    {"195", ACLED_FIXED, EXPLOSIONS, "Air/drone strike"},
    /* 20 mass violence */
    {"20", ACLED_FIXED, VIOLENCE, "Attack"},
    {"201", ACLED_FIXED, STRATEGIC, "Other"}, /* mass expulsion */
    {"204", ACLED_FIXED, EXPLOSIONS, "Chemical weapon"},
    {"2042", ACLED_FIXED, EXPLOSIONS, "Shelling/artillery/missile attack"}, /* nuclear */
};

const acled_type *acled_type_for(const char *cameo)
{
    const acled_type *best = NULL;
    size_t best_len = 0;
    if (!cameo)
        return NULL;
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
        size_t n = strlen(table[i].cameo);
        if (n > best_len && strncmp(cameo, table[i].cameo, n) == 0) {
            best = &table[i];
            best_len = n;
        }
    }
    return best;
}

const acled_type *acled_type_table(size_t *n)
{
    *n = sizeof table / sizeof table[0];
    return table;
}
