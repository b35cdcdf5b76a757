/*
 * style: the PLOVER event types in the order charts stack them, with the
 * colours every drawing and table uses for them.
 *
 * Why this order and these colours: a reader looks for the violence
 * first, so material conflict sits at the bottom of each bar in reds,
 * verbal conflict above it in purples, then cooperation in blues (words)
 * and greens (deeds); events PLOVER gives no type (CAMEO roots 01 and 02,
 * statements and appeals) are grey, on top.
 */
#include <string.h>
#include <strings.h>

#include "report/report_internal.h"

const rep_type_style rep_types[REP_NTYPES] = {
    {"ASSAULT", "Assault", "#a50f15"},
    {"COERCE", "Coerce", "#de2d26"},
    {"MOBILIZE", "Mobilize", "#fb6a4a"},
    {"SANCTION", "Sanction", "#fcae91"},
    {"THREATEN", "Threaten", "#6a1b9a"},
    {"ACCUSE", "Accuse", "#9c27b0"},
    {"REJECT", "Reject", "#c36fd1"},
    {"PROTEST", "Protest", "#e1a6ea"},
    {"REQUEST", "Request", "#9ecae1"},
    {"CONSULT", "Consult", "#6baed6"},
    {"AGREE", "Agree", "#2171b5"},
    {"SUPPORT", "Support", "#08306b"},
    {"COOPERATE", "Cooperate", "#00441b"},
    {"AID", "Aid", "#238b45"},
    {"CONCEDE", "Concede", "#74c476"},
    {"RETREAT", "Retreat", "#c7e9c0"},
    {"OTHER", "Statement / other", "#a3a3a3"},
};

int rep_type_index(const char *plover_type)
{
    if (plover_type)
        for (int i = 0; i < REP_NTYPES - 1; i++)
            if (strcasecmp(rep_types[i].type, plover_type) == 0)
                return i;
    return REP_NTYPES - 1;
}

const char *rep_area_word(const char *feature)
{
    if (!feature)
        return NULL;
    if (strcmp(feature, "admin1") == 0)
        return "province";
    if (strcmp(feature, "country") == 0 || strcmp(feature, "region") == 0)
        return feature;
    return NULL;
}
