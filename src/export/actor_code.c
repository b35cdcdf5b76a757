/*
 * CAMEO actor codes taken apart for GDELT's actor columns and for the
 * sectors PLOVER and ACLED want.
 *
 * A code is a run of 3-letter units: a country or region first, then roles
 * (types), religions and named groups ("SYRREBMUS", "IGOUNO", "IMGMUSALQ").
 * The unit lists below are CAMEO's (the CAMEO codebook 1.1b3, actor
 * chapters): they are facts, the grouping into columns is GDELT's.
 * Ethnic codes are never produced by sitrep's dictionaries, so the ethnic
 * column stays empty.
 */
#include <string.h>

#include "export/export_internal.h"

/* Regions CAMEO codes in the country position. */
static const char *const regions[] = {
    "AFR", "ASA", "BLK", "CAF", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF", "EEU", "EIN", "EUR",
    "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SCN", "SEA", "WAF", "WEU",
    "WST", NULL};

/* Roles (GDELT's Type1-3Code). IGO, NGO, IMG and MNC stand first in a code
 * ("IGOUNO") but are roles all the same. */
static const char *const types[] = {
    "AGR", "BUS", "COP", "CRM", "CVL", "DEV", "EDU", "ELI", "ENV", "GOV", "HLH", "HRI", "IGO",
    "IMG", "INS", "JUD", "LAB", "LEG", "MED", "MIL", "MNC", "MOD", "NGM", "NGO", "OPP", "PPL",
    "PTY", "RAD", "REB", "REF", "SEP", "SET", "SPY", "UAF", "UIS", NULL};

/* Religions and their branches (GDELT's Religion1/2Code). */
static const char *const religions[] = {
    "ADR", "ALE", "ATH", "BAH", "BUD", "CHR", "CON", "CTH", "DRZ", "HIN", "JAI", "JEW", "MOS",
    "MUS", "NRM", "ORT", "PAG", "PRO", "SHI", "SHN", "SIK", "SUN", "TAO", "ZRO", NULL};

static int in_list(const char *const *list, const char *unit)
{
    for (size_t i = 0; list[i]; i++)
        if (memcmp(list[i], unit, 3) == 0)
            return 1;
    return 0;
}

static int leads_code(const char *unit)
{
    return memcmp(unit, "IGO", 3) == 0 || memcmp(unit, "NGO", 3) == 0 ||
           memcmp(unit, "IMG", 3) == 0 || memcmp(unit, "MNC", 3) == 0;
}

static void set_unit(char dst[4], const char *unit)
{
    memcpy(dst, unit, 3);
    dst[3] = '\0';
}

void export_actor_parse(const char *code, export_actor *out)
{
    memset(out, 0, sizeof *out);
    if (!code)
        return;
    size_t n = strlen(code);
    if (n >= sizeof out->code)
        n = sizeof out->code - 1;
    memcpy(out->code, code, n);
    out->code[n] = '\0';
    int nrel = 0;
    for (size_t i = 0; i + 3 <= n; i += 3) {
        const char *u = code + i;
        size_t k = i / 3;
        /* The country stands first, or second after IGO/NGO/IMG/MNC
         * ("MNCUSA"); there "MUS" is Muslim, not Mauritius. */
        int country_slot = !out->country[0] &&
                           (k == 0 || (k == 1 && leads_code(code) && !in_list(religions, u)));
        if (country_slot && !in_list(types, u)) {
            if (export_country_by_iso3(u, 3)) {
                set_unit(out->country, u);
                out->country_is_state = 1;
                continue;
            }
            if (in_list(regions, u)) {
                set_unit(out->country, u);
                continue;
            }
        }
        if (in_list(types, u)) {
            if (out->ntypes < 3)
                set_unit(out->type[out->ntypes++], u);
        } else if (in_list(religions, u)) {
            if (nrel < 2)
                set_unit(out->religion[nrel++], u);
        } else if (!out->known_group[0]) {
            set_unit(out->known_group, u);
        }
    }
}

int export_actor_has_type(const export_actor *a, const char *type)
{
    for (int i = 0; i < a->ntypes; i++)
        if (strcmp(a->type[i], type) == 0)
            return 1;
    return 0;
}

/* The first role that names a sector, in the order of this table: an
 * armed role outranks the office it is attached to ("GOVMIL" is the
 * military). */
static const struct {
    const char *type, *sector;
} sectors[] = {
    {"MIL", "Military"},       {"COP", "Police"},          {"SPY", "Intelligence"},
    {"REB", "Rebels"},         {"INS", "Insurgents"},      {"SEP", "Separatists"},
    {"IMG", "Militant group"}, {"UAF", "Armed group"},     {"CRM", "Criminals"},
    {"GOV", "Government"},     {"JUD", "Judiciary"},       {"LEG", "Legislature"},
    {"OPP", "Opposition"},     {"PTY", "Political party"}, {"IGO", "International organization"},
    {"NGO", "NGO"},            {"NGM", "Social movement"}, {"MED", "Media"},
    {"EDU", "Education"},      {"HLH", "Health"},          {"HRI", "Human rights"},
    {"REF", "Refugees"},       {"LAB", "Labor"},           {"BUS", "Business"},
    {"MNC", "Business"},       {"AGR", "Agriculture"},     {"DEV", "Development"},
    {"ENV", "Environment"},    {"ELI", "Elites"},          {"MOD", "Moderates"},
    {"RAD", "Radicals"},       {"SET", "Settlers"},        {"CVL", "Civilians"},
    {"PPL", "Civilians"},      {"UIS", "State actor"},
};

const char *export_actor_sector(const export_actor *a)
{
    for (size_t i = 0; i < sizeof sectors / sizeof sectors[0]; i++)
        if (export_actor_has_type(a, sectors[i].type))
            return sectors[i].sector;
    if (a->country_is_state)
        return "State";
    return NULL;
}
